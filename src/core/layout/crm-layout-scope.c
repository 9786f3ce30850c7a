/* crm-layout-scope.c — the standard layout or one's own, and the standard
 * layout forced on all users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-layout-views.h"
#include "crm-store-private.h"

#define SAME_KIND \
  "entity_type_id = ?1 AND ifnull (pipeline_id, 0) = ?2 AND ifnull (lead_kind_id, 0) = ?3"

static void
bind_kind (sqlite3_stmt *stmt,
           CrmLayout    *in_use)
{
  sqlite3_bind_int64 (stmt, 1, crm_layout_get_entity_type_id (in_use));
  sqlite3_bind_int64 (stmt, 2, crm_layout_get_pipeline_id (in_use));
  sqlite3_bind_int64 (stmt, 3, crm_layout_get_lead_kind_id (in_use));
}

static void
note (CrmStore  *store,
      gint64     layout_id,
      CrmLayout *in_use)
{
  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, layout_id, crm_layout_get_entity_type_id (in_use));
}

/* The user's choice for the type, and no view picked for the kind. */
static gboolean
write_choice (CrmStore   *store,
              gint64      user_id,
              CrmLayout  *in_use,
              gboolean    use_personal,
              GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO layout_choices (user_id, entity_type_id, use_personal) VALUES (?, ?, ?) "
                             "ON CONFLICT (user_id, entity_type_id) DO UPDATE SET use_personal = excluded.use_personal",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, crm_layout_get_entity_type_id (in_use));
  sqlite3_bind_int (stmt, 3, use_personal);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  stmt = _crm_store_prepare (store,
                             "DELETE FROM layout_view_picks WHERE user_id = ?4 AND layout_id IN "
                             "  (SELECT id FROM layouts WHERE scope = 'view' AND " SAME_KIND ")", error);
  if (stmt == NULL)
    return FALSE;
  bind_kind (stmt, in_use);
  sqlite3_bind_int64 (stmt, 4, user_id);
  return _crm_store_step_done (store, stmt, error);
}

static gint64
find_personal (CrmStore   *store,
               gint64      user_id,
               CrmLayout  *in_use,
               GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT id FROM layouts WHERE scope = 'personal' AND " SAME_KIND " AND user_id = ?4",
                             error);
  if (stmt == NULL)
    return -1;
  bind_kind (stmt, in_use);
  sqlite3_bind_int64 (stmt, 4, user_id);
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

gboolean
crm_layout_use_standard (CrmSession  *session,
                         CrmLayout   *in_use,
                         GError     **error)
{
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRM_IS_LAYOUT (in_use), FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_ELEMENT_READ,
                                     crm_layout_get_entity_type_id (in_use), error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_store_begin (store, error))
    return FALSE;
  if (!write_choice (store, crm_session_get_user_id (session), in_use, FALSE, error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  note (store, crm_layout_get_id (in_use), in_use);
  return _crm_store_commit (store, error);
}

gboolean
crm_layout_use_personal (CrmSession  *session,
                         CrmLayout   *in_use,
                         GError     **error)
{
  g_autofree char *now = _crm_store_now ();
  gint64 user_id, personal_id;
  sqlite3_stmt *stmt;
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRM_IS_LAYOUT (in_use), FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_LAYOUT_PERSONAL,
                                     crm_layout_get_entity_type_id (in_use), error))
    return FALSE;

  store = crm_session_get_store (session);
  user_id = crm_session_get_user_id (session);
  if (!_crm_store_begin (store, error))
    return FALSE;

  personal_id = find_personal (store, user_id, in_use, error);
  if (personal_id < 0)
    goto failed;
  if (personal_id == 0)
    {
      stmt = _crm_store_prepare (store,
                                 "INSERT INTO layouts (entity_type_id, pipeline_id, lead_kind_id, scope, user_id, "
                                 "  updated_at) VALUES (?1, nullif (?2, 0), nullif (?3, 0), 'personal', ?4, ?5)",
                                 error);
      if (stmt == NULL)
        goto failed;
      bind_kind (stmt, in_use);
      sqlite3_bind_int64 (stmt, 4, user_id);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      if (!_crm_store_step_done (store, stmt, error))
        goto failed;
      personal_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
      /* One's own layout starts as what one saw. */
      if (!_crm_layout_copy (store, crm_layout_get_id (in_use), personal_id, error))
        goto failed;
    }

  if (!write_choice (store, user_id, in_use, TRUE, error))
    goto failed;
  note (store, personal_id, in_use);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_layout_reset_personal (CrmSession  *session,
                           CrmLayout   *in_use,
                           GError     **error)
{
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 personal_id;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRM_IS_LAYOUT (in_use), FALSE);

  store = crm_session_get_store (session);
  personal_id = find_personal (store, crm_session_get_user_id (session), in_use, error);
  if (personal_id < 0)
    return FALSE;
  if (personal_id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("You have no card layout of your own to reset"));
      return FALSE;
    }

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, "DELETE FROM layouts WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, personal_id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  note (store, personal_id, in_use);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_layout_set_forced (CrmSession  *session,
                       CrmLayout   *in_use,
                       gboolean     forced,
                       GError     **error)
{
  CrmLayoutRef ref = { 0, };
  sqlite3_stmt *stmt;
  CrmStore *store;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRM_IS_LAYOUT (in_use), FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_LAYOUT_EDIT_STANDARD,
                                     crm_layout_get_entity_type_id (in_use), error))
    return FALSE;

  store = crm_session_get_store (session);
  ref.entity_type_id = crm_layout_get_entity_type_id (in_use);
  ref.id = _crm_layout_get_standard (store, ref.entity_type_id, crm_layout_get_pipeline_id (in_use),
                                     crm_layout_get_lead_kind_id (in_use), NULL, error);
  if (ref.id == 0)
    return FALSE;

  /* Copying another layout over the standard one is an edit of it. */
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  ok = !forced || ref.id == crm_layout_get_id (in_use) ||
       _crm_layout_copy (store, crm_layout_get_id (in_use), ref.id, error);
  if (ok)
    {
      stmt = _crm_store_prepare (store, "UPDATE layouts SET forced = ? WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int (stmt, 1, forced);
          sqlite3_bind_int64 (stmt, 2, ref.id);
          ok = _crm_store_step_done (store, stmt, error);
        }
    }
  return _crm_layout_finish (store, &ref, ok, error);
}

gboolean
crm_layout_may_edit (CrmSession *session,
                     CrmLayout  *self)
{
  CrmLayoutScope scope;
  CrmPermission permission;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (CRM_IS_LAYOUT (self), FALSE);

  /* As _crm_layout_check_layout () decides for each edit. */
  scope = crm_layout_get_scope (self);
  permission = scope == CRM_LAYOUT_PERSONAL ? CRM_PERMISSION_LAYOUT_PERSONAL :
               scope == CRM_LAYOUT_VIEW ? CRM_PERMISSION_VIEWS_MANAGE :
               CRM_PERMISSION_LAYOUT_EDIT_STANDARD;
  return crm_session_has_permission (session, permission, crm_layout_get_entity_type_id (self));
}
