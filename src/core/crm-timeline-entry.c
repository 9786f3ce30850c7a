/* crm-timeline-entry.c — timeline entries and the comment rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

struct _CrmTimelineEntry
{
  GObject       parent_instance;

  gint64        id;
  gint64        element_id;
  gint64        author_id;
  char         *author_name;
  GDateTime    *created_at;
  GDateTime    *edited_at;
  char         *created_at_text;  /* the stored form, for keyset paging */
  char         *text;
  char         *payload;
  CrmEntryKind  kind;
  guint         pinned : 1;
};

G_DEFINE_FINAL_TYPE (CrmTimelineEntry, crm_timeline_entry, G_TYPE_OBJECT)

/* The longest comment: a page of text, not a document. */
#define MAX_COMMENT_LENGTH 10000

static const struct {
  const char *code;
  const char *label;
  const char *icon_name;
} kinds[] = {
  [CRM_ENTRY_COMMENT]      = { "comment",      N_("Comment"),          "chat-bubble-text-symbolic" },
  [CRM_ENTRY_STAGE_CHANGE] = { "stage-change", N_("Stage changed"),    "media-playlist-consecutive-symbolic" },
  [CRM_ENTRY_FIELD_CHANGE] = { "field-change", N_("Field changed"),    "document-edit-symbolic" },
  [CRM_ENTRY_CREATED]      = { "created",      N_("Created"),          "list-add-symbolic" },
  [CRM_ENTRY_DOCUMENT]     = { "document",     N_("Document"),         "x-office-document-symbolic" },
  [CRM_ENTRY_CALL]         = { "call",         N_("Call"),             "call-start-symbolic" },
  [CRM_ENTRY_EMAIL]        = { "email",        N_("E-mail"),           "mail-unread-symbolic" },
  [CRM_ENTRY_SMS]          = { "sms",          N_("SMS"),              "phone-symbolic" },
  [CRM_ENTRY_MESSENGER]    = { "messenger",    N_("Message"),          "user-available-symbolic" },
  [CRM_ENTRY_ACTIVITY]     = { "activity",     N_("Activity"),         "x-office-calendar-symbolic" },
  [CRM_ENTRY_LINK]         = { "link",         N_("Linked element"),   "insert-link-symbolic" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == CRM_ENTRY_LAST);

const char *
crm_entry_kind_to_code (CrmEntryKind kind)
{
  g_return_val_if_fail (kind < CRM_ENTRY_LAST, NULL);
  return kinds[kind].code;
}

gboolean
crm_entry_kind_from_code (const char   *code,
                          CrmEntryKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].code, code) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
crm_entry_kind_get_label (CrmEntryKind kind)
{
  g_return_val_if_fail (kind < CRM_ENTRY_LAST, NULL);
  return _(kinds[kind].label);
}

const char *
crm_entry_kind_get_icon_name (CrmEntryKind kind)
{
  g_return_val_if_fail (kind < CRM_ENTRY_LAST, NULL);
  return kinds[kind].icon_name;
}

/* ---- GObject --------------------------------------------------------------------- */

static void
crm_timeline_entry_finalize (GObject *object)
{
  CrmTimelineEntry *self = (CrmTimelineEntry *)object;

  g_free (self->author_name);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->edited_at, g_date_time_unref);
  g_free (self->created_at_text);
  g_free (self->text);
  g_free (self->payload);

  G_OBJECT_CLASS (crm_timeline_entry_parent_class)->finalize (object);
}

static void
crm_timeline_entry_class_init (CrmTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_timeline_entry_finalize;
}

static void
crm_timeline_entry_init (CrmTimelineEntry *self)
{
}

CrmTimelineEntry *
_crm_timeline_entry_new_from_row (CrmStore     *store,
                                  sqlite3_stmt *stmt)
{
  CrmTimelineEntry *self = g_object_new (CRM_TYPE_TIMELINE_ENTRY, NULL);
  CrmUser *author;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->element_id = sqlite3_column_int64 (stmt, 1);
  if (!crm_entry_kind_from_code ((const char *)sqlite3_column_text (stmt, 2), &self->kind))
    self->kind = CRM_ENTRY_COMMENT;
  self->author_id = sqlite3_column_int64 (stmt, 3);
  self->created_at_text = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  self->created_at = _crm_timestamp_to_datetime (self->created_at_text);
  self->text = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
  self->payload = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
  self->pinned = sqlite3_column_int (stmt, 7);
  self->edited_at = _crm_timestamp_to_datetime ((const char *)sqlite3_column_text (stmt, 8));

  author = crm_catalog_get_user (crm_store_get_catalog (store), self->author_id);
  self->author_name = author ? g_strdup (crm_user_get_name (author)) : NULL;
  return self;
}

/* ---- Getters ------------------------------------------------------------------------ */

gint64
crm_timeline_entry_get_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);
  return self->id;
}

gint64
crm_timeline_entry_get_element_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);
  return self->element_id;
}

CrmEntryKind
crm_timeline_entry_get_kind (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), CRM_ENTRY_COMMENT);
  return self->kind;
}

gint64
crm_timeline_entry_get_author_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);
  return self->author_id;
}

const char *
crm_timeline_entry_get_author_name (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);
  return self->author_name;
}

GDateTime *
crm_timeline_entry_get_created_at (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);
  return self->created_at;
}

const char *
_crm_timeline_entry_get_created_at_text (CrmTimelineEntry *self)
{
  return self->created_at_text;
}

GDateTime *
crm_timeline_entry_get_edited_at (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);
  return self->edited_at;
}

const char *
crm_timeline_entry_get_text (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);
  return self->text;
}

const char *
crm_timeline_entry_get_payload (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);
  return self->payload;
}

gboolean
crm_timeline_entry_is_pinned (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), FALSE);
  return self->pinned;
}

static char *
payload_string (JsonObject *object,
                const char *member)
{
  const char *text = json_object_get_string_member_with_default (object, member, "");

  return g_strdup (*text ? text : "—");
}

char *
crm_timeline_entry_dup_summary (CrmTimelineEntry *self)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object = NULL;

  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  if (self->payload != NULL)
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, self->payload, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        object = json_node_get_object (json_parser_get_root (parser));
    }

  switch (self->kind)
    {
    case CRM_ENTRY_STAGE_CHANGE:
      if (object != NULL)
        {
          g_autofree char *from = payload_string (object, "from_name");
          g_autofree char *to = payload_string (object, "to_name");

          /* Translators: a stage change on the timeline: "Stage: New → Won" */
          return g_strdup_printf (_("Stage: %s → %s"), from, to);
        }
      break;
    case CRM_ENTRY_FIELD_CHANGE:
      if (object != NULL)
        {
          g_autofree char *label = payload_string (object, "label");
          g_autofree char *from = payload_string (object, "old");
          g_autofree char *to = payload_string (object, "new");

          /* Translators: a field change: "Amount: R$ 10,00 → R$ 12,00" */
          return g_strdup_printf (_("%s: %s → %s"), label, from, to);
        }
      break;
    case CRM_ENTRY_CREATED:
      if (self->text == NULL || *self->text == '\0')
        return g_strdup (_("Element created"));
      break;
    case CRM_ENTRY_COMMENT:
    case CRM_ENTRY_DOCUMENT:
    case CRM_ENTRY_CALL:
    case CRM_ENTRY_EMAIL:
    case CRM_ENTRY_SMS:
    case CRM_ENTRY_MESSENGER:
    case CRM_ENTRY_ACTIVITY:
    case CRM_ENTRY_LINK:
    case CRM_ENTRY_LAST:
    default:
      break;
    }

  if (self->text != NULL && *self->text != '\0')
    return g_strdup (self->text);
  return g_strdup (crm_entry_kind_get_label (self->kind));
}

gboolean
crm_timeline_entry_get_change (CrmTimelineEntry  *self,
                               char             **label,
                               char             **old_text,
                               char             **new_text)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;

  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), FALSE);

  if (self->kind != CRM_ENTRY_FIELD_CHANGE || self->payload == NULL)
    return FALSE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, self->payload, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));

  if (label != NULL)
    *label = g_strdup (json_object_get_string_member_with_default (object, "label", ""));
  if (old_text != NULL)
    *old_text = g_strdup (json_object_get_string_member_with_default (object, "old", ""));
  if (new_text != NULL)
    *new_text = g_strdup (json_object_get_string_member_with_default (object, "new", ""));
  return TRUE;
}

/* ---- Reading more than a page -------------------------------------------------------- */

gboolean
_crm_timeline_check_read (CrmSession  *session,
                          gint64       element_id,
                          GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  gint64 type_id = 0;

  stmt = _crm_store_prepare (store, "SELECT entity_type_id FROM elements WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    type_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (type_id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The element %" G_GINT64_FORMAT " does not exist or was deleted"), element_id);
      return FALSE;
    }
  return crm_session_check_permission (session, CRM_PERMISSION_ELEMENT_READ, type_id, error);
}

static GPtrArray *
query_entries (CrmSession  *session,
               const char  *sql,
               gint64       element_id,
               GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!_crm_timeline_check_read (session, element_id, error))
    return NULL;
  stmt = _crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, element_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, _crm_timeline_entry_new_from_row (store, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
crm_timeline_query_pinned (CrmSession  *session,
                           gint64       element_id,
                           GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return query_entries (session,
                        "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t "
                        "WHERE t.element_id = ? AND t.pinned = 1 ORDER BY t.created_at DESC, t.id DESC",
                        element_id, error);
}

GPtrArray *
crm_timeline_query_field_changes (CrmSession  *session,
                                  gint64       element_id,
                                  GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return query_entries (session,
                        "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t "
                        "WHERE t.element_id = ? AND t.kind = 'field-change' "
                        "ORDER BY t.created_at DESC, t.id DESC",
                        element_id, error);
}

/* ---- Writing ------------------------------------------------------------------------- */

gint64
_crm_timeline_insert (CrmStore      *store,
                      gint64         element_id,
                      CrmEntryKind   kind,
                      gint64         author_id,
                      const char    *created_at,
                      const char    *text,
                      const char    *payload,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO timeline_entries (element_id, kind, author_id, created_at, text, payload) "
                             "VALUES (?, ?, nullif (?, 0), ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, element_id);
  sqlite3_bind_text (stmt, 2, kinds[kind].code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, author_id);
  sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, payload, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
  _crm_store_note_change (store, CRM_CHANGE_ENTRY_ADDED, id, element_id);
  return id;
}

static gboolean
check_element (CrmSession  *session,
               gint64       element_id,
               GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  gint64 type_id = 0;

  stmt = _crm_store_prepare (store, "SELECT entity_type_id FROM elements WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    type_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (type_id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The element %" G_GINT64_FORMAT " does not exist or was deleted"), element_id);
      return FALSE;
    }
  return crm_session_check_permission (session, CRM_PERMISSION_ELEMENT_WRITE, type_id, error);
}

static char *
clean_comment (const char  *text,
               GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The comment is not valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Write something before sending the comment"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > MAX_COMMENT_LENGTH)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The comment is too long (at most %d characters)"), MAX_COMMENT_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gint64
crm_timeline_add_entry (CrmSession    *session,
                        gint64         element_id,
                        CrmEntryKind   kind,
                        GDateTime     *created_at,
                        const char    *text,
                        const char    *payload,
                        GError       **error)
{
  CrmStore *store;
  g_autofree char *when = NULL;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (kind < CRM_ENTRY_LAST, 0);

  if (!check_element (session, element_id, error))
    return 0;

  store = crm_session_get_store (session);
  when = created_at ? _crm_timestamp_from_datetime (created_at) : _crm_store_now ();

  if (!_crm_store_begin (store, error))
    return 0;
  id = _crm_timeline_insert (store, element_id, kind, crm_session_get_user_id (session),
                             when, text, payload, error);
  if (id == 0)
    {
      _crm_store_rollback (store);
      return 0;
    }
  if (!_crm_store_commit (store, error))
    return 0;
  return id;
}

gint64
crm_timeline_add_comment (CrmSession  *session,
                          gint64       element_id,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);

  clean = clean_comment (text, error);
  if (clean == NULL)
    return 0;
  return crm_timeline_add_entry (session, element_id, CRM_ENTRY_COMMENT, NULL, clean, NULL, error);
}

/* Loads what the ownership rules need, and refuses what they forbid. */
static gboolean
check_own_comment (CrmSession  *session,
                   gint64       entry_id,
                   gboolean     need_author,
                   gint64      *element_id,
                   GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  g_autofree char *kind = NULL;
  gint64 author = 0;

  stmt = _crm_store_prepare (store,
                             "SELECT element_id, kind, ifnull (author_id, 0) FROM timeline_entries WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *element_id = sqlite3_column_int64 (stmt, 0);
      kind = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      author = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This timeline entry no longer exists"));
      return FALSE;
    }
  if (!check_element (session, *element_id, error))
    return FALSE;
  if (need_author && !g_str_equal (kind, "comment"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("Only comments can be edited or deleted"));
      return FALSE;
    }
  if (need_author && author != crm_session_get_user_id (session))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("Only the author of a comment can edit or delete it"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_entry_update (CrmSession  *session,
                  gint64       entry_id,
                  gint64       element_id,
                  const char  *sql,
                  const char  *text,
                  int          number,
                  CrmChangeKind change,
                  GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autofree char *now = _crm_store_now ();
  sqlite3_stmt *stmt;

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto failed;
  /* Each statement uses the parameters it needs; binding the others
   * only answers SQLITE_RANGE. */
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, number);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  _crm_store_note_change (store, change, entry_id, element_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_timeline_edit_comment (CrmSession  *session,
                           gint64       entry_id,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *clean = NULL;
  gint64 element_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_own_comment (session, entry_id, TRUE, &element_id, error))
    return FALSE;
  clean = clean_comment (text, error);
  if (clean == NULL)
    return FALSE;
  return run_entry_update (session, entry_id, element_id,
                           "UPDATE timeline_entries SET text = ?2, edited_at = ?4 WHERE id = ?1",
                           clean, 0, CRM_CHANGE_ENTRY_UPDATED, error);
}

gboolean
crm_timeline_delete_comment (CrmSession  *session,
                             gint64       entry_id,
                             GError     **error)
{
  gint64 element_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_own_comment (session, entry_id, TRUE, &element_id, error))
    return FALSE;
  return run_entry_update (session, entry_id, element_id,
                           "DELETE FROM timeline_entries WHERE id = ?1",
                           NULL, 0, CRM_CHANGE_ENTRY_REMOVED, error);
}

gboolean
crm_timeline_set_pinned (CrmSession  *session,
                         gint64       entry_id,
                         gboolean     pinned,
                         GError     **error)
{
  gint64 element_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_own_comment (session, entry_id, FALSE, &element_id, error))
    return FALSE;
  return run_entry_update (session, entry_id, element_id,
                           "UPDATE timeline_entries SET pinned = ?3 WHERE id = ?1",
                           NULL, !!pinned, CRM_CHANGE_ENTRY_UPDATED, error);
}
