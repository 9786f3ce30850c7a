/* crm-timeline-entry.c — one entry of an element's timeline: the object,
 * its kinds and the summaries the rows show
 *
 * The rules for writing entries, and the queries over a whole element, are
 * in crm-timeline.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

struct _CrmTimelineEntry
{
  GObject         parent_instance;

  gint64          id;
  gint64          element_id;
  gint64          author_id;
  char           *author_name;
  GDateTime      *created_at;
  GDateTime      *edited_at;
  char           *created_at_text;  /* the stored form, for keyset paging */
  char           *text;
  char           *payload;
  CrmEntryKind    kind;
  guint           pinned : 1;

  /* Field and stage changes are written for their reader when first
   * asked for (a page holds more than a screen shows, and parsing costs);
   * the entry does not keep its reader alive. */
  GWeakRef        reader;
  guint           rendered : 1;
  char           *summary;          /* NULL: the text, or the kind's label */
  gint64          change_field_id;  /* field changes the reader may see: */
  char           *change_label;
  char           *change_old;
  char           *change_new;
  gint64          linked_id;        /* link entries: the other element */
};

G_DEFINE_FINAL_TYPE (CrmTimelineEntry, crm_timeline_entry, G_TYPE_OBJECT)

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

  g_weak_ref_clear (&self->reader);
  g_free (self->summary);
  g_free (self->change_label);
  g_free (self->change_old);
  g_free (self->change_new);
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

static char *
payload_string (JsonObject *object,
                const char *member)
{
  const char *text = json_object_get_string_member_with_default (object, member, "");

  return g_strdup (*text ? text : "—");
}

/* The stage's name in the reader's language; the one stored with the
 * entry for a stage deleted since. */
static char *
dup_stage_name (CrmCatalog *catalog,
                JsonObject *object,
                const char *id_member,
                const char *name_member)
{
  gint64 id = json_object_get_int_member_with_default (object, id_member, 0);
  CrmStage *stage = catalog != NULL ? crm_catalog_get_stage (catalog, id) : NULL;

  if (stage != NULL)
    return g_strdup (crm_stage_get_name (stage));
  return payload_string (object, name_member);
}

/* Without a reader (gone since), with the names stored. */
static void
render_stage_change (CrmTimelineEntry *self,
                     CrmSession       *session)
{
  CrmCatalog *catalog = session != NULL ? crm_store_get_catalog (crm_session_get_store (session)) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *reason;
  JsonObject *object;

  if (self->payload == NULL ||
      !json_parser_load_from_data (parser, self->payload, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));

  from = dup_stage_name (catalog, object, "from", "from_name");
  to = dup_stage_name (catalog, object, "to", "to_name");
  reason = json_object_get_string_member_with_default (object, "reason", "");
  if (*reason != '\0')
    /* Translators: a stage change on the timeline with the reason given
     * for it: "Stage changed from New to Deal lost\nReason: too expensive" */
    self->summary = g_strdup_printf (_("Stage changed from %s to %s\nReason: %s"), from, to, reason);
  else
    /* Translators: a stage change on the timeline: "Stage changed from New to Won" */
    self->summary = g_strdup_printf (_("Stage changed from %s to %s"), from, to);
}

static void
render_field_change (CrmTimelineEntry *self,
                     CrmSession       *session)
{
  g_autoptr(CrmFieldChange) change = NULL;

  /* Hidden from this reader, unreadable, or no reader any more: the
   * kind's name alone, no field, no value. */
  if (session == NULL || (change = _crm_field_change_parse (self->payload)) == NULL ||
      !_crm_field_change_is_visible (change, session))
    return;

  self->change_field_id = change->field_id;
  self->change_label = _crm_field_change_dup_label (change, session);
  self->change_old = _crm_field_change_dup_text (change, session, FALSE);
  self->change_new = _crm_field_change_dup_text (change, session, TRUE);
  /* Translators: a field change: "Amount: R$ 10,00 → R$ 12,00" */
  self->summary = g_strdup_printf (_("%s: %s → %s"), self->change_label,
                                   *self->change_old ? self->change_old : "—",
                                   *self->change_new ? self->change_new : "—");
}

/* "Created from Lead #12 “…”" on the new element, "Deal #305 “…” created
 * from this element" on its source: the type named in the reader's
 * language, the title as it was then. */
static void
render_link (CrmTimelineEntry *self,
             CrmSession       *session)
{
  CrmCatalog *catalog = session != NULL ? crm_store_get_catalog (crm_session_get_store (session)) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *number = NULL;
  CrmEntityType *type;
  JsonObject *object;
  const char *type_name, *title, *role;

  if (self->payload == NULL ||
      !json_parser_load_from_data (parser, self->payload, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));

  self->linked_id = json_object_get_int_member_with_default (object, "element", 0);
  type = catalog != NULL
         ? crm_catalog_get_entity_type (catalog, json_object_get_int_member_with_default (object, "entity_type", 0))
         : NULL;
  type_name = type != NULL ? crm_entity_type_get_name (type) : _("Element");
  title = json_object_get_string_member_with_default (object, "title", "");
  role = json_object_get_string_member_with_default (object, "role", "");
  number = g_strdup_printf ("%" G_GINT64_FORMAT, self->linked_id);
  if (g_str_equal (role, "source"))
    /* Translators: on the timeline of an element created from another: "Created from Lead #12 “Site novo”" */
    self->summary = g_strdup_printf (_("Created from %s #%s “%s”"), type_name, number, title);
  else
    /* Translators: on the timeline of an element another was created from: "Deal #305 “Site novo” created from this element" */
    self->summary = g_strdup_printf (_("%s #%s “%s” created from this element"), type_name, number, title);
}

static void
ensure_rendered (CrmTimelineEntry *self)
{
  g_autoptr(CrmSession) session = NULL;

  if (self->rendered)
    return;
  self->rendered = TRUE;
  session = g_weak_ref_get (&self->reader);
  g_weak_ref_set (&self->reader, NULL);

  if (self->kind == CRM_ENTRY_FIELD_CHANGE)
    render_field_change (self, session);
  else if (self->kind == CRM_ENTRY_STAGE_CHANGE)
    render_stage_change (self, session);
  else if (self->kind == CRM_ENTRY_LINK)
    render_link (self, session);
}

CrmTimelineEntry *
_crm_timeline_entry_new_from_row (CrmSession   *session,
                                  sqlite3_stmt *stmt)
{
  CrmTimelineEntry *self = g_object_new (CRM_TYPE_TIMELINE_ENTRY, NULL);
  CrmStore *store = crm_session_get_store (session);
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

  if (self->kind == CRM_ENTRY_FIELD_CHANGE || self->kind == CRM_ENTRY_STAGE_CHANGE ||
      self->kind == CRM_ENTRY_LINK)
    g_weak_ref_set (&self->reader, session);
  else
    self->rendered = TRUE;
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

char *
crm_timeline_entry_dup_summary (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  ensure_rendered (self);
  if (self->summary != NULL)
    return g_strdup (self->summary);
  if (self->kind == CRM_ENTRY_CREATED && (self->text == NULL || *self->text == '\0'))
    return g_strdup (_("Element created"));
  if (self->kind != CRM_ENTRY_FIELD_CHANGE && self->text != NULL && *self->text != '\0')
    return g_strdup (self->text);
  return g_strdup (crm_entry_kind_get_label (self->kind));
}

gboolean
crm_timeline_entry_get_change (CrmTimelineEntry  *self,
                               char             **label,
                               char             **old_text,
                               char             **new_text)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), FALSE);

  ensure_rendered (self);
  if (self->change_label == NULL)
    return FALSE;

  if (label != NULL)
    *label = g_strdup (self->change_label);
  if (old_text != NULL)
    *old_text = g_strdup (self->change_old);
  if (new_text != NULL)
    *new_text = g_strdup (self->change_new);
  return TRUE;
}

gint64
crm_timeline_entry_get_field_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);

  ensure_rendered (self);
  return self->change_field_id;
}

gint64
crm_timeline_entry_get_linked_element_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);

  ensure_rendered (self);
  return self->linked_id;
}
