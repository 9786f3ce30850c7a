/* crm-timeline-entry.h — one entry of an element's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-session.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_ENTRY_COMMENT,
  CRM_ENTRY_STAGE_CHANGE,
  CRM_ENTRY_FIELD_CHANGE,
  CRM_ENTRY_CREATED,
  CRM_ENTRY_DOCUMENT,
  CRM_ENTRY_CALL,
  CRM_ENTRY_EMAIL,
  CRM_ENTRY_SMS,
  CRM_ENTRY_MESSENGER,
  CRM_ENTRY_ACTIVITY,
  CRM_ENTRY_LINK,
  CRM_ENTRY_LAST
} CrmEntryKind;

const char *crm_entry_kind_to_code   (CrmEntryKind  kind);
gboolean    crm_entry_kind_from_code (const char   *code,
                                      CrmEntryKind *kind);
/* "Comment", "Stage changed" … translated */
const char *crm_entry_kind_get_label (CrmEntryKind  kind);
/* A symbolic icon name for the kind. */
const char *crm_entry_kind_get_icon_name (CrmEntryKind kind);

#define CRM_TYPE_TIMELINE_ENTRY (crm_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (CrmTimelineEntry, crm_timeline_entry, CRM, TIMELINE_ENTRY, GObject)

gint64        crm_timeline_entry_get_id          (CrmTimelineEntry *self);
gint64        crm_timeline_entry_get_element_id  (CrmTimelineEntry *self);
CrmEntryKind  crm_timeline_entry_get_kind        (CrmTimelineEntry *self);
gint64        crm_timeline_entry_get_author_id   (CrmTimelineEntry *self);
/* The author's name, or NULL for the system. */
const char   *crm_timeline_entry_get_author_name (CrmTimelineEntry *self);
GDateTime    *crm_timeline_entry_get_created_at  (CrmTimelineEntry *self);
GDateTime    *crm_timeline_entry_get_edited_at   (CrmTimelineEntry *self);
const char   *crm_timeline_entry_get_text        (CrmTimelineEntry *self);
/* JSON, by kind: field-change {"v":2,"field":id,"code":…,"type":…,
 * "label":…,"restricted":…,"old":[values],"new":[values]} with values as
 * field_values stores them ({"value":…,"aux":…,"kind":…}; the old format
 * had "old" and "new" as formatted text), stage-change {"from":id,"to":id,
 * "from_name":…,"to_name":…[,"reason":…]} … */
const char   *crm_timeline_entry_get_payload     (CrmTimelineEntry *self);
gboolean      crm_timeline_entry_is_pinned       (CrmTimelineEntry *self);
/* One line for the row: the comment, or "Stage changed from New to Won"
 * (and a second line with the reason given) …, in the
 * reader's language and locale (the session that read the entry). A field
 * change the reader may not see reads "Field changed", without values. */
char         *crm_timeline_entry_dup_summary     (CrmTimelineEntry *self);

/* For a field-change entry: the field's current label (for a deleted
 * field, the one it had), and the values before and after formatted for
 * the reader ("" when empty; entries of the old format give the text they
 * stored). FALSE for other kinds and for fields hidden from the reader. */
gboolean      crm_timeline_entry_get_change      (CrmTimelineEntry  *self,
                                                  char             **label,
                                                  char             **old_text,
                                                  char             **new_text);
/* The changed field's id; 0 for other kinds and hidden fields. */
gint64        crm_timeline_entry_get_field_id    (CrmTimelineEntry *self);
/* For a link entry ("Created from Lead #12 …"): the other element's id;
 * 0 for other kinds. */
gint64        crm_timeline_entry_get_linked_element_id (CrmTimelineEntry *self);

/* ---- Reading more than a page ------------------------------------------ */

/* Of CrmTimelineEntry, the element's pinned entries, newest first. */
GPtrArray *crm_timeline_query_pinned        (CrmSession  *session,
                                             gint64       element_id,
                                             GError     **error);
/* Of CrmTimelineEntry, every field change of the element the session may
 * see, newest first: the History tab. */
GPtrArray *crm_timeline_query_field_changes (CrmSession  *session,
                                             gint64       element_id,
                                             GError     **error);

/* ---- Writing ----------------------------------------------------------- */

/* Returns the new entry's id, or 0 with an error (empty text, no element). */
gint64    crm_timeline_add_comment     (CrmSession *session,
                                        gint64      element_id,
                                        const char *text,
                                        GError    **error);
/* Only the author may edit or delete a comment. */
gboolean  crm_timeline_edit_comment    (CrmSession *session,
                                        gint64      entry_id,
                                        const char *text,
                                        GError    **error);
gboolean  crm_timeline_delete_comment  (CrmSession *session,
                                        gint64      entry_id,
                                        GError    **error);
gboolean  crm_timeline_set_pinned      (CrmSession *session,
                                        gint64      entry_id,
                                        gboolean    pinned,
                                        GError    **error);

/* For the demo generator, imports and benchmarks: an entry of any kind at
 * a given time, written inside the caller's transaction when there is one. */
gint64    crm_timeline_add_entry       (CrmSession   *session,
                                        gint64        element_id,
                                        CrmEntryKind  kind,
                                        GDateTime    *created_at,
                                        const char   *text,
                                        const char   *payload,
                                        GError      **error);

G_END_DECLS
