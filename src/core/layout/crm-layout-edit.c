/* crm-layout-edit.c — shaping a card: sections and tabs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-layout.h"
#include "crm-layout-private.h"
#include "crm-store-private.h"
#include "crm-util-private.h"

gboolean
_crm_layout_check_layout (CrmSession    *session,
                          gint64         layout_id,
                          CrmLayoutRef  *ref,
                          GError       **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autofree char *scope = NULL;
  sqlite3_stmt *stmt;
  gint64 owner = 0;

  stmt = _crm_store_prepare (store,
                             "SELECT scope, ifnull (user_id, 0), entity_type_id FROM layouts WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      scope = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      owner = sqlite3_column_int64 (stmt, 1);
      ref->id = layout_id;
      ref->entity_type_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (scope == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This card layout no longer exists"));
      return FALSE;
    }

  if (g_str_equal (scope, "personal"))
    {
      if (owner != crm_session_get_user_id (session))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                       _("This personal card layout belongs to someone else"));
          return FALSE;
        }
      return crm_session_check_permission (session, CRM_PERMISSION_LAYOUT_PERSONAL,
                                           ref->entity_type_id, error);
    }

  /* A view is shaped by those who manage views, as they made it. */
  if (g_str_equal (scope, "view"))
    return crm_session_check_permission (session, CRM_PERMISSION_VIEWS_MANAGE, ref->entity_type_id, error);

  return crm_session_check_permission (session, CRM_PERMISSION_LAYOUT_EDIT_STANDARD,
                                       ref->entity_type_id, error);
}

static gboolean
check_section (CrmSession    *session,
               gint64         section_id,
               CrmLayoutRef  *ref,
               GError       **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  gint64 layout_id = 0;

  stmt = _crm_store_prepare (store, "SELECT layout_id FROM layout_sections WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, section_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    layout_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (layout_id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This section no longer exists"));
      return FALSE;
    }
  return _crm_layout_check_layout (session, layout_id, ref, error);
}

GArray *
_crm_layout_query_ids (CrmStore    *store,
                       const char  *sql,
                       gint64       param,
                       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* An unused ?3 only answers SQLITE_RANGE. */
gboolean
_crm_layout_renumber (CrmStore    *store,
                      const char  *sql,
                      GArray      *ids,
                      gint64       extra,
                      GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, extra);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

void
_crm_layout_move_in_array (GArray *ids,
                           gint64  id,
                           guint   position)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        break;
      }
  g_array_insert_val (ids, MIN (position, ids->len), id);
}

gboolean
_crm_layout_touch (CrmStore      *store,
                   CrmLayoutRef  *ref,
                   GError       **error)
{
  g_autofree char *now = _crm_store_now ();
  sqlite3_stmt *stmt = _crm_store_prepare (store, "UPDATE layouts SET updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ref->id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, ref->id, ref->entity_type_id);
  return TRUE;
}

gboolean
_crm_layout_finish (CrmStore      *store,
                    CrmLayoutRef  *ref,
                    gboolean       ok,
                    GError       **error)
{
  g_autoptr(CrmLayoutDoc) before = g_steal_pointer (&ref->before);
  gboolean changed = TRUE;

  /* A move to where it was is no step to undo. */
  if (ok && before != NULL)
    {
      g_autoptr(CrmLayoutDoc) after = _crm_layout_doc_read (store, ref->id, error);

      ok = after != NULL;
      changed = ok && !_crm_layout_doc_equal (before, after);
    }
  if (ok && _crm_layout_touch (store, ref, error))
    {
      if (!_crm_store_commit (store, error))
        return FALSE;
      if (before != NULL && changed)
        _crm_layout_history_push (store, ref->id, g_steal_pointer (&before));
      return TRUE;
    }
  _crm_store_rollback (store);
  return FALSE;
}

gint64
_crm_layout_insert_section (CrmStore    *store,
                            gint64       layout_id,
                            const char  *title,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO layout_sections (layout_id, title, sort) "
                             "VALUES (?1, ?2, (SELECT ifnull (max (sort), -1) + 1 FROM layout_sections "
                             "                 WHERE layout_id = ?1))", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_crm_store_get_db (store));
}

gboolean
_crm_layout_move_section_to (CrmStore  *store,
                             gint64     layout_id,
                             gint64     section_id,
                             guint      position,
                             GError   **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = _crm_layout_query_ids (store, "SELECT id FROM layout_sections WHERE layout_id = ? ORDER BY sort, id",
                               layout_id, error);

  if (ids == NULL)
    return FALSE;
  _crm_layout_move_in_array (ids, section_id, position);
  return _crm_layout_renumber (store, "UPDATE layout_sections SET sort = ?2 WHERE id = ?1", ids, 0, error);
}

/* ---- Public API ----------------------------------------------------------------- */

gint64
crm_layout_add_section (CrmSession  *session,
                        gint64       layout_id,
                        const char  *title,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStore *store;
  CrmLayoutRef ref = { 0, };
  gint64 section_id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);

  if (!_crm_layout_check_layout (session, layout_id, &ref, error))
    return 0;
  if ((clean = _crm_clean_name (title, _("Give the section a name"), error)) == NULL)
    return 0;

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return 0;
  section_id = _crm_layout_insert_section (store, layout_id, clean, error);
  if (!_crm_layout_finish (store, &ref, section_id != 0, error))
    return 0;
  return section_id;
}

gboolean
crm_layout_rename_section (CrmSession  *session,
                           gint64       section_id,
                           const char  *title,
                           GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  CrmLayoutRef ref = { 0, };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_section (session, section_id, &ref, error))
    return FALSE;
  if ((clean = _crm_clean_name (title, _("Give the section a name"), error)) == NULL)
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  /* A renamed built-in section keeps its new name in every language. */
  stmt = _crm_store_prepare (store, "UPDATE layout_sections SET title = ?, label_msgid = 0 WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, section_id);
      ok = _crm_store_step_done (store, stmt, error);
    }
  return _crm_layout_finish (store, &ref, ok, error);
}

gboolean
crm_layout_move_section (CrmSession  *session,
                         gint64       section_id,
                         guint        position,
                         GError     **error)
{
  CrmStore *store;
  CrmLayoutRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_section (session, section_id, &ref, error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  return _crm_layout_finish (store, &ref, _crm_layout_move_section_to (store, ref.id, section_id, position, error), error);
}

gboolean
crm_layout_delete_section (CrmSession  *session,
                           gint64       section_id,
                           GError     **error)
{
  CrmStore *store;
  sqlite3_stmt *stmt;
  CrmLayoutRef ref = { 0, };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_section (session, section_id, &ref, error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  /* Placements go with the section (ON DELETE CASCADE): the fields become
   * hidden, their values stay. */
  stmt = _crm_store_prepare (store, "DELETE FROM layout_sections WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, section_id);
      ok = _crm_store_step_done (store, stmt, error);
    }
  return _crm_layout_finish (store, &ref, ok, error);
}

gboolean
crm_layout_set_tabs (CrmSession    *session,
                     gint64         layout_id,
                     const CrmTab  *order,
                     guint          n_tabs,
                     guint          hidden_mask,
                     GError       **error)
{
  gboolean seen[CRM_TAB_LAST] = { FALSE, };
  CrmStore *store;
  sqlite3_stmt *stmt;
  CrmLayoutRef ref = { 0, };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (order != NULL || n_tabs == 0, FALSE);

  if (!_crm_layout_check_layout (session, layout_id, &ref, error))
    return FALSE;

  for (guint i = 0; i < n_tabs; i++)
    {
      if (order[i] >= CRM_TAB_LAST || seen[order[i]])
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Each tab can be listed only once"));
          return FALSE;
        }
      seen[order[i]] = TRUE;
    }
  if (hidden_mask & (1u << CRM_TAB_GENERAL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The General tab holds the card itself and cannot be hidden"));
      return FALSE;
    }

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;

  stmt = _crm_store_prepare (store, "DELETE FROM layout_tabs WHERE layout_id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, layout_id);
      ok = _crm_store_step_done (store, stmt, error);
    }
  for (guint i = 0; ok && i < n_tabs; i++)
    {
      stmt = _crm_store_prepare (store,
                                 "INSERT INTO layout_tabs (layout_id, tab, sort, hidden) VALUES (?, ?, ?, ?)",
                                 error);
      ok = stmt != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, layout_id);
      sqlite3_bind_text (stmt, 2, crm_tab_to_code (order[i]), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_int (stmt, 4, (hidden_mask & (1u << order[i])) != 0);
      ok = _crm_store_step_done (store, stmt, error);
    }
  return _crm_layout_finish (store, &ref, ok, error);
}

/* ---- For other core files ------------------------------------------------------- */

gboolean
_crm_layout_check_section (CrmSession  *session,
                           gint64       section_id,
                           gint64      *layout_id,
                           gint64      *entity_type_id,
                           GError     **error)
{
  CrmLayoutRef ref = { 0, };

  if (!check_section (session, section_id, &ref, error))
    return FALSE;
  *layout_id = ref.id;
  *entity_type_id = ref.entity_type_id;
  return TRUE;
}
