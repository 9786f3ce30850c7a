/* crm-layout-place.c — placing, moving and hiding fields on a card
 *
 * A section may hold fields some of the people who shape it cannot see
 * (a custom field's visibility). They count the rows they see, the
 * section counts every placement, so a position would land a field one
 * or two places off for them. crm_layout_place_field_before () names the
 * field to land before instead, and leaves the unseen ones where they
 * are; restoring a deleted section takes every field it held, unseen
 * ones included (crm_layout_section_get_placed_ids ()).
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

/* Takes @field_id out of whatever section of the layout holds it. */
static gboolean
unplace (CrmStore  *store,
         gint64     layout_id,
         gint64     field_id,
         GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "DELETE FROM layout_placements WHERE field_id = ?2 AND section_id IN "
                             "(SELECT id FROM layout_sections WHERE layout_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  sqlite3_bind_int64 (stmt, 2, field_id);
  return _crm_store_step_done (store, stmt, error);
}

/* -1 when the layout places the field nowhere, 0 on a storage error. */
static int
is_placed (CrmStore  *store,
           gint64     layout_id,
           gint64     field_id,
           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT 1 FROM layout_placements p JOIN layout_sections s ON s.id = p.section_id "
                             "WHERE s.layout_id = ? AND p.field_id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  sqlite3_bind_int64 (stmt, 2, field_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return -1;
  _crm_store_set_error (store, error);
  return 0;
}

static GArray *
section_field_ids (CrmStore  *store,
                   gint64     section_id,
                   GError   **error)
{
  return _crm_layout_query_ids (store,
                                "SELECT field_id FROM layout_placements WHERE section_id = ? ORDER BY sort",
                                section_id, error);
}

/* @ids: the section's fields without @field_id, which goes at @index. */
static gboolean
insert_at (CrmStore  *store,
           gint64     section_id,
           gint64     field_id,
           GArray    *ids,
           guint      index,
           GError   **error)
{
  sqlite3_stmt *stmt;

  g_array_insert_val (ids, MIN (index, ids->len), field_id);

  stmt = _crm_store_prepare (store,
                             "INSERT INTO layout_placements (section_id, field_id, sort) VALUES (?, ?, -1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_int64 (stmt, 2, field_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  return _crm_layout_renumber (store,
                               "UPDATE layout_placements SET sort = ?2 WHERE field_id = ?1 AND section_id = ?3",
                               ids, section_id, error);
}

static gboolean
place_at (CrmStore  *store,
          gint64     layout_id,
          gint64     section_id,
          gint64     field_id,
          guint      position,
          GError   **error)
{
  g_autoptr(GArray) ids = NULL;

  if (!unplace (store, layout_id, field_id, error) ||
      (ids = section_field_ids (store, section_id, error)) == NULL)
    return FALSE;
  return insert_at (store, section_id, field_id, ids, position, error);
}

static gboolean
place_before (CrmStore  *store,
              gint64     layout_id,
              gint64     section_id,
              gint64     field_id,
              gint64     before_id,
              GError   **error)
{
  g_autoptr(GArray) ids = NULL;
  guint index;

  if (!unplace (store, layout_id, field_id, error) ||
      (ids = section_field_ids (store, section_id, error)) == NULL)
    return FALSE;

  index = ids->len;
  if (before_id != 0)
    {
      for (index = 0; index < ids->len; index++)
        if (g_array_index (ids, gint64, index) == before_id)
          break;
      if (index == ids->len)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       _("The field to place it before is no longer in this section"));
          return FALSE;
        }
    }
  return insert_at (store, section_id, field_id, ids, index, error);
}

static gboolean
check_field (CrmSession    *session,
             CrmLayoutRef  *ref,
             gint64         field_id,
             GError       **error)
{
  CrmField *field = crm_catalog_get_field (crm_store_get_catalog (crm_session_get_store (session)), field_id);

  if (field == NULL || crm_field_get_entity_type_id (field) != ref->entity_type_id)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This field is not part of this card"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_section_field (CrmSession    *session,
                     gint64         section_id,
                     gint64         field_id,
                     CrmLayoutRef  *ref,
                     GError       **error)
{
  return _crm_layout_check_section (session, section_id, &ref->id, &ref->entity_type_id, error) &&
         check_field (session, ref, field_id, error);
}

/* ---- Public API ----------------------------------------------------------------- */

gint64
crm_layout_restore_section (CrmSession    *session,
                            gint64         layout_id,
                            guint          position,
                            const char    *title,
                            const gint64  *field_ids,
                            guint          n_fields,
                            GError       **error)
{
  CrmCatalog *catalog;
  g_autofree char *clean = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrmStore *store;
  CrmLayoutRef ref = { 0, };
  gint64 section_id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (field_ids != NULL || n_fields == 0, 0);

  if (!_crm_layout_check_layout (session, layout_id, &ref, error))
    return 0;
  if ((clean = _crm_clean_name (title, _("Give the section a name"), error)) == NULL)
    return 0;

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  for (guint i = 0; i < n_fields; i++)
    {
      /* Deleted since: its values went with it, nothing to put back. */
      if (crm_catalog_get_field (catalog, field_ids[i]) == NULL)
        continue;
      if (!check_field (session, &ref, field_ids[i], error))
        return 0;
      g_array_append_val (ids, field_ids[i]);
    }

  if (!_crm_layout_begin (store, &ref, error))
    return 0;

  section_id = _crm_layout_insert_section (store, layout_id, clean, error);
  ok = section_id != 0 && _crm_layout_move_section_to (store, layout_id, section_id, position, error);
  for (guint i = 0; ok && i < ids->len; i++)
    {
      gint64 field_id = g_array_index (ids, gint64, i);
      int placed = is_placed (store, layout_id, field_id, error);

      /* Shown elsewhere since: that later choice stands. */
      ok = placed != 0;
      if (placed < 0)
        ok = place_at (store, layout_id, section_id, field_id, G_MAXUINT, error);
    }

  if (!_crm_layout_finish (store, &ref, ok, error))
    return 0;
  return section_id;
}

gboolean
crm_layout_place_field (CrmSession  *session,
                        gint64       section_id,
                        gint64       field_id,
                        guint        position,
                        GError     **error)
{
  CrmStore *store;
  CrmLayoutRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_section_field (session, section_id, field_id, &ref, error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  return _crm_layout_finish (store, &ref, place_at (store, ref.id, section_id, field_id, position, error), error);
}

gboolean
crm_layout_place_field_before (CrmSession  *session,
                               gint64       section_id,
                               gint64       field_id,
                               gint64       before_field_id,
                               GError     **error)
{
  CrmStore *store;
  CrmLayoutRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_section_field (session, section_id, field_id, &ref, error))
    return FALSE;
  if (before_field_id == field_id)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A field cannot be placed before itself"));
      return FALSE;
    }

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  return _crm_layout_finish (store, &ref,
                             place_before (store, ref.id, section_id, field_id, before_field_id, error),
                             error);
}

gboolean
crm_layout_hide_field (CrmSession  *session,
                       gint64       layout_id,
                       gint64       field_id,
                       GError     **error)
{
  CrmStore *store;
  CrmLayoutRef ref = { 0, };

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!_crm_layout_check_layout (session, layout_id, &ref, error) ||
      !check_field (session, &ref, field_id, error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  return _crm_layout_finish (store, &ref, unplace (store, layout_id, field_id, error), error);
}

/* ---- For other core files ------------------------------------------------------- */

gboolean
_crm_layout_place (CrmStore  *store,
                   gint64     layout_id,
                   gint64     entity_type_id,
                   gint64     section_id,
                   gint64     field_id,
                   guint      position,
                   GError   **error)
{
  CrmLayoutRef ref = { layout_id, entity_type_id };

  return place_at (store, layout_id, section_id, field_id, position, error) &&
         _crm_layout_touch (store, &ref, error);
}
