/* crm-layout.c — resolving and reading card layouts
 *
 * Which layout a person sees (DESIGN.md §1) and what it holds: its
 * sections with the fields they may see, the fields it hides, its tabs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog.h"
#include "crm-layout.h"
#include "crm-layout-private.h"
#include "crm-layout-views.h"
#include "crm-store-private.h"

struct _CrmLayout
{
  GObject         parent_instance;

  gint64          id;
  gint64          entity_type_id;
  gint64          pipeline_id;
  gint64          lead_kind_id;
  CrmLayoutScope  scope;
  char           *name;
  GListStore     *sections;
  GListStore     *hidden_fields;
  GArray         *tabs;         /* visible, in order */
  guint           hidden_tabs;  /* bit per CrmTab */
  gboolean        forced;
  gboolean        has_personal;
  gboolean        view_assigned;
};

G_DEFINE_FINAL_TYPE (CrmLayout, crm_layout, G_TYPE_OBJECT)

static void
crm_layout_finalize (GObject *object)
{
  CrmLayout *self = (CrmLayout *)object;

  g_free (self->name);
  g_clear_object (&self->sections);
  g_clear_object (&self->hidden_fields);
  g_clear_pointer (&self->tabs, g_array_unref);

  G_OBJECT_CLASS (crm_layout_parent_class)->finalize (object);
}

static void
crm_layout_class_init (CrmLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_layout_finalize;
}

static void
crm_layout_init (CrmLayout *self)
{
  self->sections = g_list_store_new (CRM_TYPE_LAYOUT_SECTION);
  self->hidden_fields = g_list_store_new (CRM_TYPE_FIELD);
  self->tabs = g_array_new (FALSE, FALSE, sizeof (CrmTab));
}

/* ---- Resolution ----------------------------------------------------------------- */

/* Only deals vary by pipeline, only leads by kind. */
static void
normalize_kind (CrmCatalog *catalog,
                gint64      entity_type_id,
                gint64     *pipeline_id,
                gint64     *lead_kind_id)
{
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, entity_type_id);

  if (type == NULL || !crm_entity_type_has_pipelines (type))
    *pipeline_id = 0;
  if (type == NULL || g_strcmp0 (crm_entity_type_get_code (type), "lead") != 0)
    *lead_kind_id = 0;
  else if (*lead_kind_id == 0)
    *lead_kind_id = crm_catalog_find_lead_kind (catalog, "regular");
}

static gint64
find_layout (CrmStore    *store,
             const char  *sql,
             gint64       entity_type_id,
             gint64       pipeline_id,
             gint64       lead_kind_id,
             gint64       user_id,
             GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_int64 (stmt, 2, pipeline_id);
  sqlite3_bind_int64 (stmt, 3, lead_kind_id);
  sqlite3_bind_int64 (stmt, 4, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

#define SAME_KIND \
  "entity_type_id = ?1 AND ifnull (pipeline_id, 0) = ?2 AND ifnull (lead_kind_id, 0) = ?3"

/* A field visible to a department reaches its sub-departments. */
static gboolean
department_sees (CrmCatalog *catalog,
                 gint64      department_id,
                 CrmField   *field)
{
  GArray *users = crm_field_get_visible_users (field);
  GArray *departments = crm_field_get_visible_departments (field);
  g_autoptr(GArray) chain = NULL;

  if (users->len == 0 && departments->len == 0)
    return TRUE;
  chain = crm_catalog_get_department_ancestors (catalog, department_id);
  for (guint j = 0; j < chain->len; j++)
    for (guint k = 0; k < departments->len; k++)
      if (g_array_index (chain, gint64, j) == g_array_index (departments, gint64, k))
        return TRUE;
  return FALSE;
}

static gboolean
audience_sees (CrmCatalog              *catalog,
               const CrmLayoutAudience *audience,
               CrmField                *field)
{
  if (audience->reader != NULL && !crm_session_can_see_field (audience->reader, field))
    return FALSE;
  if (audience->subject != NULL)
    return crm_session_can_see_field (audience->subject, field);
  return department_sees (catalog, audience->department_id, field);
}

static gboolean
load_layout (CrmLayout                *self,
             CrmStore                 *store,
             const CrmLayoutAudience  *audience,
             GError                  **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (store);
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, self->entity_type_id);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  CrmLayoutSection *section = NULL;
  sqlite3_stmt *stmt;
  GListModel *fields;
  gboolean seen[CRM_TAB_LAST] = { FALSE, };
  guint n;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT s.id, s.code, s.title, s.label_msgid, p.field_id "
                             "FROM layout_sections s LEFT JOIN layout_placements p ON p.section_id = s.id "
                             "WHERE s.layout_id = ? ORDER BY s.sort, s.id, p.sort", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 section_id = sqlite3_column_int64 (stmt, 0);

      if (section == NULL || crm_layout_section_get_id (section) != section_id)
        {
          const char *title = (const char *)sqlite3_column_text (stmt, 2);

          section = _crm_layout_section_new (section_id, (const char *)sqlite3_column_text (stmt, 1),
                                             sqlite3_column_int (stmt, 3) ? g_dgettext (GETTEXT_PACKAGE, title)
                                                                          : title);
          g_list_store_append (self->sections, section);
          g_object_unref (section);
        }

      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          gint64 field_id = sqlite3_column_int64 (stmt, 4);
          CrmField *field = crm_catalog_get_field (catalog, field_id);

          g_hash_table_add (placed, GSIZE_TO_POINTER (field_id));
          /* A field deleted meanwhile is no longer placed anywhere. */
          if (field != NULL)
            _crm_layout_section_add_field (section, field_id,
                                           audience_sees (catalog, audience, field) ? field : NULL);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);

  fields = crm_catalog_get_fields (catalog, self->entity_type_id);
  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      if (!g_hash_table_contains (placed, GSIZE_TO_POINTER (crm_field_get_id (field))) &&
          audience_sees (catalog, audience, field))
        g_list_store_append (self->hidden_fields, field);
    }

  /* Stored tab settings first, then the tabs nobody has ordered yet. */
  stmt = _crm_store_prepare (store,
                             "SELECT tab, hidden FROM layout_tabs WHERE layout_id = ? ORDER BY sort", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmTab tab;

      if (!crm_tab_from_code ((const char *)sqlite3_column_text (stmt, 0), &tab) || seen[tab])
        continue;
      seen[tab] = TRUE;
      if (tab == CRM_TAB_PRODUCTS && (type == NULL || !crm_entity_type_has_products (type)))
        continue;
      if (sqlite3_column_int (stmt, 1))
        self->hidden_tabs |= 1u << tab;
      else
        g_array_append_val (self->tabs, tab);
    }
  sqlite3_reset (stmt);

  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    {
      if (seen[tab])
        continue;
      if (tab == CRM_TAB_PRODUCTS && (type == NULL || !crm_entity_type_has_products (type)))
        continue;
      g_array_append_val (self->tabs, tab);
    }

  /* General can be moved but never hidden: it is the card itself. */
  if (self->hidden_tabs & (1u << CRM_TAB_GENERAL))
    {
      CrmTab general = CRM_TAB_GENERAL;

      self->hidden_tabs &= ~(1u << CRM_TAB_GENERAL);
      g_array_prepend_val (self->tabs, general);
    }
  return TRUE;
}

gint64
_crm_layout_get_standard (CrmStore  *store,
                          gint64     entity_type_id,
                          gint64     pipeline_id,
                          gint64     lead_kind_id,
                          gboolean  *forced,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 standard_id = 0;

  stmt = _crm_store_prepare (store,
                             "SELECT id, forced FROM layouts WHERE scope = 'standard' AND " SAME_KIND, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_int64 (stmt, 2, pipeline_id);
  sqlite3_bind_int64 (stmt, 3, lead_kind_id);
  if (forced != NULL)
    *forced = FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      standard_id = sqlite3_column_int64 (stmt, 0);
      if (forced != NULL)
        *forced = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (standard_id == 0)
    standard_id = _crm_layout_create_standard (store, entity_type_id, pipeline_id, lead_kind_id, error);
  return standard_id;
}

CrmLayout *
_crm_layout_resolve_for (CrmStore                 *store,
                         gint64                    entity_type_id,
                         gint64                    pipeline_id,
                         gint64                    lead_kind_id,
                         const CrmLayoutAudience  *audience,
                         GError                  **error)
{
  g_autoptr(CrmLayout) self = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (store);
  gint64 standard_id, personal_id = 0, layout_id = 0;
  CrmLayoutScope scope = CRM_LAYOUT_STANDARD;
  sqlite3_stmt *stmt;
  gboolean forced = FALSE;

  normalize_kind (catalog, entity_type_id, &pipeline_id, &lead_kind_id);

  standard_id = _crm_layout_get_standard (store, entity_type_id, pipeline_id, lead_kind_id, &forced, error);
  if (standard_id == 0)
    return NULL;

  if (audience->user_id != 0)
    {
      personal_id = find_layout (store,
                                 "SELECT id FROM layouts WHERE scope = 'personal' AND " SAME_KIND
                                 "  AND user_id = ?4",
                                 entity_type_id, pipeline_id, lead_kind_id, audience->user_id, error);
      if (personal_id < 0)
        return NULL;
    }

  if (!forced)
    {
      layout_id = _crm_layout_find_view (store, entity_type_id, pipeline_id, lead_kind_id, audience, error);
      if (layout_id < 0)
        return NULL;
      if (layout_id > 0)
        scope = CRM_LAYOUT_VIEW;
    }

  if (!forced && layout_id == 0 && personal_id > 0 && audience->may_personal)
    {
      layout_id = find_layout (store,
                               "SELECT 1 FROM layout_choices WHERE user_id = ?4 AND entity_type_id = ?1 "
                               "  AND use_personal = 1",
                               entity_type_id, pipeline_id, lead_kind_id, audience->user_id, error);
      if (layout_id < 0)
        return NULL;
      if (layout_id > 0)
        {
          layout_id = personal_id;
          scope = CRM_LAYOUT_PERSONAL;
        }
    }

  if (layout_id == 0)
    layout_id = standard_id;

  self = g_object_new (CRM_TYPE_LAYOUT, NULL);
  self->id = layout_id;
  self->entity_type_id = entity_type_id;
  self->pipeline_id = pipeline_id;
  self->lead_kind_id = lead_kind_id;
  self->scope = scope;
  self->forced = forced;
  self->has_personal = personal_id > 0;

  if (scope == CRM_LAYOUT_VIEW)
    {
      /* A manager's pick may be a view nobody assigned to them. */
      self->view_assigned = _crm_layout_has_assigned_view (store, entity_type_id, pipeline_id, lead_kind_id,
                                                           audience, NULL);
      stmt = _crm_store_prepare (store, "SELECT name FROM layouts WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, layout_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        self->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  if (!load_layout (self, store, audience, error))
    return NULL;
  return g_steal_pointer (&self);
}

CrmLayout *
crm_layout_resolve (CrmSession  *session,
                    gint64       entity_type_id,
                    gint64       pipeline_id,
                    gint64       lead_kind_id,
                    GError     **error)
{
  CrmLayoutAudience audience = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  audience.user_id = crm_session_get_user_id (session);
  audience.may_personal = crm_session_has_permission (session, CRM_PERMISSION_LAYOUT_PERSONAL, entity_type_id);
  audience.manages_views = crm_session_has_permission (session, CRM_PERMISSION_VIEWS_MANAGE, entity_type_id);
  audience.subject = session;
  return _crm_layout_resolve_for (crm_session_get_store (session), entity_type_id, pipeline_id, lead_kind_id,
                                  &audience, error);
}

gboolean
crm_layout_is_forced (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), FALSE);
  return self->forced;
}

gboolean
crm_layout_is_view_assigned (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), FALSE);
  return self->view_assigned;
}

gboolean
crm_layout_has_personal (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), FALSE);
  return self->has_personal;
}

gint64
crm_layout_get_id (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), 0);
  return self->id;
}

gint64
crm_layout_get_entity_type_id (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), 0);
  return self->entity_type_id;
}

gint64
crm_layout_get_pipeline_id (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), 0);
  return self->pipeline_id;
}

gint64
crm_layout_get_lead_kind_id (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), 0);
  return self->lead_kind_id;
}

CrmLayoutScope
crm_layout_get_scope (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), CRM_LAYOUT_STANDARD);
  return self->scope;
}

const char *
crm_layout_get_name (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), NULL);
  return self->name;
}

GListModel *
crm_layout_get_sections (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), NULL);
  return G_LIST_MODEL (self->sections);
}

GListModel *
crm_layout_get_hidden_fields (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), NULL);
  return G_LIST_MODEL (self->hidden_fields);
}

GArray *
crm_layout_get_tabs (CrmLayout *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), NULL);
  return self->tabs;
}

gboolean
crm_layout_is_tab_hidden (CrmLayout *self,
                          CrmTab     tab)
{
  g_return_val_if_fail (CRM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (tab < CRM_TAB_LAST, FALSE);
  return (self->hidden_tabs & (1u << tab)) != 0;
}
