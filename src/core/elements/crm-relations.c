/* crm-relations.c — the elements related to an element, both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-element-private.h"
#include "crm-relations-private.h"
#include "crm-session-private.h"
#include "crm-store-private.h"

struct _CrmRelation
{
  GObject          parent_instance;

  CrmElement      *element;
  CrmRelationKind  kind;
  gint64           field_id;
  char            *label;
  guint            type_position;  /* for sorting: the type's sidebar place */
};

G_DEFINE_FINAL_TYPE (CrmRelation, crm_relation, G_TYPE_OBJECT)

/* One query for the four ways two elements meet; the last two columns
 * are the relation kind and the link field. A link's value is an element
 * id, so the field_values index (field_id, value) finds the links to an
 * element. */
static const char relations_sql[] =
  "SELECT " CRM_ELEMENT_COLUMNS ", 0, 0 FROM relations r JOIN elements e ON e.id = r.source_id "
  "  WHERE r.target_id = ?1 AND r.kind = 'created-from' "
  "UNION ALL "
  "SELECT " CRM_ELEMENT_COLUMNS ", 1, 0 FROM relations r JOIN elements e ON e.id = r.target_id "
  "  WHERE r.source_id = ?1 AND r.kind = 'created-from' "
  "UNION ALL "
  "SELECT " CRM_ELEMENT_COLUMNS ", 2, v.field_id FROM field_values v "
  "  JOIN fields f ON f.id = v.field_id AND f.type = 'link' "
  "  JOIN elements e ON e.id = v.value "
  "  WHERE v.element_id = ?1 "
  "UNION ALL "
  "SELECT " CRM_ELEMENT_COLUMNS ", 3, v.field_id FROM field_values v "
  "  JOIN elements e ON e.id = v.element_id "
  "  WHERE v.field_id IN (SELECT id FROM fields WHERE type = 'link') AND v.value = ?1 "
  "    AND v.element_id <> ?1";

static void
crm_relation_finalize (GObject *object)
{
  CrmRelation *self = (CrmRelation *)object;

  g_clear_object (&self->element);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (crm_relation_parent_class)->finalize (object);
}

static void
crm_relation_class_init (CrmRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_relation_finalize;
}

static void
crm_relation_init (CrmRelation *self)
{
}

static char *
make_label (CrmRelationKind  kind,
            CrmField        *field)
{
  switch (kind)
    {
    case CRM_RELATION_CREATED_FROM:
      /* Translators: on the Dependencies tab, the element this one was created from */
      return g_strdup (_("Created from it"));
    case CRM_RELATION_CREATED:
      /* Translators: on the Dependencies tab, an element created from this one */
      return g_strdup (_("Created from this element"));
    case CRM_RELATION_LINKS_TO:
      return g_strdup (crm_field_get_label (field));
    case CRM_RELATION_LINKED_FROM:
    default:
      /* Translators: on the Dependencies tab, an element whose field (“Contact”) names this one */
      return g_strdup_printf (_("Through “%s”"), crm_field_get_label (field));
    }
}

static guint
type_position (CrmCatalog *catalog,
               gint64      entity_type_id)
{
  GListModel *types = crm_catalog_get_entity_types (catalog);
  guint n = g_list_model_get_n_items (types);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);

      if (crm_entity_type_get_id (type) == entity_type_id)
        return i;
    }
  return n;
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  CrmRelation *ra = *(CrmRelation **)a;
  CrmRelation *rb = *(CrmRelation **)b;
  int cmp;

  if (ra->type_position != rb->type_position)
    return ra->type_position < rb->type_position ? -1 : 1;
  cmp = g_strcmp0 (_crm_element_get_sort_title (ra->element), _crm_element_get_sort_title (rb->element));
  if (cmp != 0)
    return cmp;
  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;
  return crm_element_get_id (ra->element) < crm_element_get_id (rb->element) ? -1 :
         crm_element_get_id (ra->element) > crm_element_get_id (rb->element);
}

/* ---- Private API -------------------------------------------------------------- */

gboolean
_crm_relation_insert_created_from (CrmStore    *store,
                                   gint64       source_id,
                                   gint64       target_id,
                                   gint64       user_id,
                                   const char  *now,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO relations (source_id, target_id, kind, created_by, created_at) "
                             "VALUES (?1, ?2, 'created-from', nullif (?3, 0), ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, target_id);
  sqlite3_bind_int64 (stmt, 3, user_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return _crm_store_step_done (store, stmt, error);
}

/* ---- Public API --------------------------------------------------------------- */

CrmElement *
crm_relation_get_element (CrmRelation *self)
{
  g_return_val_if_fail (CRM_IS_RELATION (self), NULL);
  return self->element;
}

CrmRelationKind
crm_relation_get_kind (CrmRelation *self)
{
  g_return_val_if_fail (CRM_IS_RELATION (self), CRM_RELATION_CREATED_FROM);
  return self->kind;
}

gint64
crm_relation_get_field_id (CrmRelation *self)
{
  g_return_val_if_fail (CRM_IS_RELATION (self), 0);
  return self->field_id;
}

const char *
crm_relation_get_label (CrmRelation *self)
{
  g_return_val_if_fail (CRM_IS_RELATION (self), NULL);
  return self->label;
}

GPtrArray *
crm_relations_list (CrmSession  *session,
                    gint64       element_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  CrmStore *store;
  CrmCatalog *catalog;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_crm_session_check_element_id (session, CRM_PERMISSION_ELEMENT_READ, element_id, NULL, error))
    return NULL;

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  stmt = _crm_store_prepare (store, relations_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, element_id);

  relations = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CrmElement) element = _crm_element_new_from_row (stmt, 0);
      CrmRelationKind kind = sqlite3_column_int (stmt, CRM_ELEMENT_N_COLUMNS);
      gint64 field_id = sqlite3_column_int64 (stmt, CRM_ELEMENT_N_COLUMNS + 1);
      CrmField *field = field_id != 0 ? crm_catalog_get_field (catalog, field_id) : NULL;
      CrmRelation *relation;

      if (!crm_session_can_read_element (session, crm_element_get_entity_type_id (element),
                                         crm_element_get_responsible_id (element),
                                         crm_element_get_created_by (element)))
        continue;
      /* A link through a field hidden from the reader is not theirs to see. */
      if (field_id != 0 && (field == NULL || !crm_session_can_see_field (session, field)))
        continue;

      relation = g_object_new (CRM_TYPE_RELATION, NULL);
      relation->element = g_steal_pointer (&element);
      relation->kind = kind;
      relation->field_id = field_id;
      relation->label = make_label (kind, field);
      relation->type_position = type_position (catalog, crm_element_get_entity_type_id (relation->element));
      g_ptr_array_add (relations, relation);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }

  g_ptr_array_sort (relations, compare_relations);
  return g_steal_pointer (&relations);
}
