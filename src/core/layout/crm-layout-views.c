/* crm-layout-views.c — named card views, assigned to users and
 * departments, the one a user picked, and Preview as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-layout-views.h"
#include "crm-store-private.h"
#include "crm-util-private.h"

#define SAME_KIND \
  "l.entity_type_id = ?1 AND ifnull (l.pipeline_id, 0) = ?2 AND ifnull (l.lead_kind_id, 0) = ?3"

/* The departments of ?4 (or ?5 itself), and every department above them. */
#define MY_DEPARTMENTS \
  "WITH RECURSIVE mine (id) AS (" \
  "  SELECT department_id FROM user_departments WHERE user_id = ?4 " \
  "  UNION SELECT ?5 WHERE ?5 <> 0 " \
  "  UNION SELECT d.parent_id FROM departments d JOIN mine ON d.id = mine.id WHERE d.parent_id IS NOT NULL) "

void
crm_layout_view_info_free (CrmLayoutViewInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_clear_pointer (&info->users, g_array_unref);
  g_clear_pointer (&info->departments, g_array_unref);
  g_free (info);
}

/* ---- Finding a user's view ------------------------------------------------------- */

static gint64
query_view (CrmStore                 *store,
            const char               *sql,
            gint64                    entity_type_id,
            gint64                    pipeline_id,
            gint64                    lead_kind_id,
            const CrmLayoutAudience  *audience,
            gint64                    only_id,
            GError                  **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_int64 (stmt, 2, pipeline_id);
  sqlite3_bind_int64 (stmt, 3, lead_kind_id);
  sqlite3_bind_int64 (stmt, 4, audience->user_id);
  sqlite3_bind_int64 (stmt, 5, audience->department_id);
  sqlite3_bind_int64 (stmt, 6, only_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return -1;
    }
  return id;
}

/* The first view assigned to the audience (its user before its
 * departments, then the oldest); with @only_id, that one or none. */
static gint64
assigned_view (CrmStore                 *store,
               gint64                    entity_type_id,
               gint64                    pipeline_id,
               gint64                    lead_kind_id,
               const CrmLayoutAudience  *audience,
               gint64                    only_id,
               GError                  **error)
{
  return query_view (store,
                     MY_DEPARTMENTS
                     "SELECT l.id FROM layouts l JOIN layout_assignments a ON a.layout_id = l.id "
                     "WHERE l.scope = 'view' AND " SAME_KIND " AND (?6 = 0 OR l.id = ?6) "
                     "  AND ((?4 <> 0 AND a.user_id = ?4) OR a.department_id IN (SELECT id FROM mine)) "
                     "ORDER BY a.user_id IS NULL, l.id LIMIT 1",
                     entity_type_id, pipeline_id, lead_kind_id, audience, only_id, error);
}

gint64
_crm_layout_find_view (CrmStore                 *store,
                       gint64                    entity_type_id,
                       gint64                    pipeline_id,
                       gint64                    lead_kind_id,
                       const CrmLayoutAudience  *audience,
                       GError                  **error)
{
  gint64 picked = 0;

  if (audience->user_id != 0)
    {
      picked = query_view (store,
                           "SELECT l.id FROM layout_view_picks p JOIN layouts l ON l.id = p.layout_id "
                           "WHERE p.user_id = ?4 AND l.scope = 'view' AND " SAME_KIND " "
                           "ORDER BY l.id LIMIT 1",
                           entity_type_id, pipeline_id, lead_kind_id, audience, 0, error);
      if (picked < 0)
        return -1;
      /* A pick lasts while the view is still theirs to use. */
      if (picked > 0 && !audience->manages_views)
        picked = assigned_view (store, entity_type_id, pipeline_id, lead_kind_id, audience, picked, error);
      if (picked != 0)
        return picked;
    }
  return assigned_view (store, entity_type_id, pipeline_id, lead_kind_id, audience, 0, error);
}

gboolean
_crm_layout_has_assigned_view (CrmStore                 *store,
                               gint64                    entity_type_id,
                               gint64                    pipeline_id,
                               gint64                    lead_kind_id,
                               const CrmLayoutAudience  *audience,
                               GError                  **error)
{
  return assigned_view (store, entity_type_id, pipeline_id, lead_kind_id, audience, 0, error) > 0;
}

/* ---- Writing views ---------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 entity_type_id;
  gint64 pipeline_id;
  gint64 lead_kind_id;
} ViewRef;

static gboolean
find_view (CrmSession  *session,
           gint64       view_id,
           ViewRef     *ref,
           GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT entity_type_id, ifnull (pipeline_id, 0), ifnull (lead_kind_id, 0) "
                             "FROM layouts WHERE id = ? AND scope = 'view'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, view_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ref->id = view_id;
      ref->entity_type_id = sqlite3_column_int64 (stmt, 0);
      ref->pipeline_id = sqlite3_column_int64 (stmt, 1);
      ref->lead_kind_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This card view no longer exists"));
  return FALSE;
}

/* Every user and department named exists. */
static gboolean
check_audience (CrmCatalog  *catalog,
                GArray      *users,
                GArray      *departments,
                GError     **error)
{
  for (guint i = 0; users != NULL && i < users->len; i++)
    if (crm_catalog_get_user (catalog, g_array_index (users, gint64, i)) == NULL)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("One of the chosen users no longer exists"));
        return FALSE;
      }
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    if (crm_catalog_get_department_name (catalog, g_array_index (departments, gint64, i)) == NULL)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("One of the chosen departments no longer exists"));
        return FALSE;
      }
  return TRUE;
}

static gboolean
write_assignments (CrmStore  *store,
                   gint64     view_id,
                   GArray    *users,
                   GArray    *departments,
                   GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store, "DELETE FROM layout_assignments WHERE layout_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, view_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *ids = pass == 0 ? users : departments;

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        {
          stmt = _crm_store_prepare (store,
                                     pass == 0
                                     ? "INSERT OR IGNORE INTO layout_assignments (layout_id, user_id) VALUES (?, ?)"
                                     : "INSERT OR IGNORE INTO layout_assignments (layout_id, department_id) VALUES (?, ?)",
                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, view_id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
          if (!_crm_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The user's pick for the view's kind becomes @view_id. */
static gboolean
write_pick (CrmStore  *store,
            gint64     user_id,
            ViewRef   *ref,
            GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "DELETE FROM layout_view_picks WHERE user_id = ?4 AND layout_id IN "
                             "  (SELECT l.id FROM layouts l WHERE l.scope = 'view' AND " SAME_KIND ")", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ref->entity_type_id);
  sqlite3_bind_int64 (stmt, 2, ref->pipeline_id);
  sqlite3_bind_int64 (stmt, 3, ref->lead_kind_id);
  sqlite3_bind_int64 (stmt, 4, user_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  stmt = _crm_store_prepare (store, "INSERT INTO layout_view_picks (user_id, layout_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, ref->id);
  return _crm_store_step_done (store, stmt, error);
}

gint64
crm_layout_view_create (CrmSession  *session,
                        CrmLayout   *in_use,
                        const char  *name,
                        GArray      *users,
                        GArray      *departments,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _crm_store_now ();
  CrmStore *store;
  sqlite3_stmt *stmt;
  ViewRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (CRM_IS_LAYOUT (in_use), 0);

  ref.entity_type_id = crm_layout_get_entity_type_id (in_use);
  ref.pipeline_id = crm_layout_get_pipeline_id (in_use);
  ref.lead_kind_id = crm_layout_get_lead_kind_id (in_use);
  if (!crm_session_check_permission (session, CRM_PERMISSION_VIEWS_MANAGE, ref.entity_type_id, error))
    return 0;
  if ((clean = _crm_clean_name (name, _("Give the view a name"), error)) == NULL)
    return 0;
  store = crm_session_get_store (session);
  if (!check_audience (crm_store_get_catalog (store), users, departments, error))
    return 0;

  if (!_crm_store_begin (store, error))
    return 0;
  stmt = _crm_store_prepare (store,
                             "INSERT INTO layouts (entity_type_id, pipeline_id, lead_kind_id, scope, name, updated_at) "
                             "VALUES (?, nullif (?, 0), nullif (?, 0), 'view', ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, ref.entity_type_id);
  sqlite3_bind_int64 (stmt, 2, ref.pipeline_id);
  sqlite3_bind_int64 (stmt, 3, ref.lead_kind_id);
  sqlite3_bind_text (stmt, 4, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  ref.id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  /* It starts as what its maker saw, and shows to them, to shape it. */
  if (!_crm_layout_copy (store, crm_layout_get_id (in_use), ref.id, error) ||
      !write_assignments (store, ref.id, users, departments, error) ||
      !write_pick (store, crm_session_get_user_id (session), &ref, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, ref.id, ref.entity_type_id);
  if (!_crm_store_commit (store, error))
    return 0;
  return ref.id;

failed:
  _crm_store_rollback (store);
  return 0;
}

gboolean
crm_layout_view_update (CrmSession  *session,
                        gint64       view_id,
                        const char  *name,
                        GArray      *users,
                        GArray      *departments,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  ViewRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!find_view (session, view_id, &ref, error) ||
      !crm_session_check_permission (session, CRM_PERMISSION_VIEWS_MANAGE, ref.entity_type_id, error))
    return FALSE;
  if ((clean = _crm_clean_name (name, _("Give the view a name"), error)) == NULL)
    return FALSE;
  store = crm_session_get_store (session);
  if (!check_audience (crm_store_get_catalog (store), users, departments, error))
    return FALSE;

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, "UPDATE layouts SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, view_id);
  if (!_crm_store_step_done (store, stmt, error) ||
      !write_assignments (store, view_id, users, departments, error))
    goto failed;
  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, view_id, ref.entity_type_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_layout_view_delete (CrmSession  *session,
                        gint64       view_id,
                        GError     **error)
{
  CrmStore *store;
  sqlite3_stmt *stmt;
  ViewRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!find_view (session, view_id, &ref, error) ||
      !crm_session_check_permission (session, CRM_PERMISSION_VIEWS_MANAGE, ref.entity_type_id, error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_store_begin (store, error))
    return FALSE;
  /* Its sections, assignments and picks go with it (ON DELETE CASCADE). */
  stmt = _crm_store_prepare (store, "DELETE FROM layouts WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, view_id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, view_id, ref.entity_type_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

/* ---- Reading views ---------------------------------------------------------------- */

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  const CrmLayoutViewInfo *x = *(CrmLayoutViewInfo **) a;
  const CrmLayoutViewInfo *y = *(CrmLayoutViewInfo **) b;
  int cmp = g_utf8_collate (x->name, y->name);

  return cmp != 0 ? cmp : (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
crm_layout_list_views (CrmSession  *session,
                       CrmLayout   *in_use,
                       GError     **error)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_layout_view_info_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  CrmLayoutAudience audience = { 0, };
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 type_id;
  int rc;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_LAYOUT (in_use), NULL);

  type_id = crm_layout_get_entity_type_id (in_use);
  audience.user_id = crm_session_get_user_id (session);
  audience.manages_views = crm_session_has_permission (session, CRM_PERMISSION_VIEWS_MANAGE, type_id);
  store = crm_session_get_store (session);

  stmt = _crm_store_prepare (store,
                             MY_DEPARTMENTS
                             "SELECT l.id, l.name, a.user_id, a.department_id FROM layouts l "
                             "LEFT JOIN layout_assignments a ON a.layout_id = l.id "
                             "WHERE l.scope = 'view' AND " SAME_KIND " AND (?6 OR l.id IN ("
                             "  SELECT b.layout_id FROM layout_assignments b "
                             "  WHERE b.user_id = ?4 OR b.department_id IN (SELECT id FROM mine))) "
                             "ORDER BY l.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, type_id);
  sqlite3_bind_int64 (stmt, 2, crm_layout_get_pipeline_id (in_use));
  sqlite3_bind_int64 (stmt, 3, crm_layout_get_lead_kind_id (in_use));
  sqlite3_bind_int64 (stmt, 4, audience.user_id);
  sqlite3_bind_int64 (stmt, 5, 0);
  sqlite3_bind_int (stmt, 6, audience.manages_views);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CrmLayoutViewInfo *info = g_hash_table_lookup (by_id, &id);

      if (info == NULL)
        {
          info = g_new0 (CrmLayoutViewInfo, 1);
          info->id = id;
          info->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          info->users = g_array_new (FALSE, FALSE, sizeof (gint64));
          info->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (views, info);
          g_hash_table_insert (by_id, &info->id, info);
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          gint64 user_id = sqlite3_column_int64 (stmt, 2);

          g_array_append_val (info->users, user_id);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          gint64 department_id = sqlite3_column_int64 (stmt, 3);

          g_array_append_val (info->departments, department_id);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  g_ptr_array_sort (views, compare_names);
  return g_steal_pointer (&views);
}

gboolean
crm_layout_use_view (CrmSession  *session,
                     gint64       view_id,
                     GError     **error)
{
  CrmLayoutAudience audience = { 0, };
  CrmStore *store;
  ViewRef ref = { 0, };
  gint64 usable;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!find_view (session, view_id, &ref, error))
    return FALSE;
  store = crm_session_get_store (session);
  audience.user_id = crm_session_get_user_id (session);
  if (!crm_session_has_permission (session, CRM_PERMISSION_VIEWS_MANAGE, ref.entity_type_id))
    {
      usable = assigned_view (store, ref.entity_type_id, ref.pipeline_id, ref.lead_kind_id, &audience, view_id, error);
      if (usable < 0)
        return FALSE;
      if (usable == 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                       _("This card view is not assigned to you"));
          return FALSE;
        }
    }

  if (!_crm_store_begin (store, error))
    return FALSE;
  if (!write_pick (store, audience.user_id, &ref, error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, view_id, ref.entity_type_id);
  return _crm_store_commit (store, error);
}

/* ---- Preview as -------------------------------------------------------------------- */

CrmLayout *
crm_layout_preview (CrmSession  *session,
                    gint64       entity_type_id,
                    gint64       pipeline_id,
                    gint64       lead_kind_id,
                    gint64       user_id,
                    gint64       department_id,
                    GError     **error)
{
  g_autoptr(CrmSession) subject = NULL;
  CrmLayoutAudience audience = { 0, };
  CrmStore *store;
  CrmCatalog *catalog;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (user_id != 0 || department_id != 0, NULL);

  if (!crm_session_has_permission (session, CRM_PERMISSION_VIEWS_MANAGE, entity_type_id) &&
      !crm_session_check_permission (session, CRM_PERMISSION_LAYOUT_EDIT_STANDARD, entity_type_id, error))
    return NULL;

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  audience.reader = session;
  if (user_id != 0)
    {
      /* Only to ask what they may: no write goes through it. */
      subject = crm_session_new (store, user_id, error);
      if (subject == NULL)
        return NULL;
      audience.user_id = user_id;
      audience.subject = subject;
      audience.may_personal = crm_session_has_permission (subject, CRM_PERMISSION_LAYOUT_PERSONAL, entity_type_id);
      audience.manages_views = crm_session_has_permission (subject, CRM_PERMISSION_VIEWS_MANAGE, entity_type_id);
    }
  else
    {
      if (crm_catalog_get_department_name (catalog, department_id) == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This department no longer exists"));
          return NULL;
        }
      audience.department_id = department_id;
    }
  return _crm_layout_resolve_for (store, entity_type_id, pipeline_id, lead_kind_id, &audience, error);
}
