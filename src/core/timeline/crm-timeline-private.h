/* crm-timeline-private.h — what the timeline's files share
 *
 * crm-timeline-entry.c holds the entry object, its kinds and summaries;
 * crm-timeline.c the writing rules and the queries over a whole element;
 * crm-timeline-model.c the paged list; crm-field-change.c the payload of
 * field changes and who may read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crm-field-change-private.h"
#include "crm-store.h"
#include "crm-timeline-entry.h"

G_BEGIN_DECLS

/* The columns _crm_timeline_entry_new_from_row () reads, from alias t. */
#define CRM_ENTRY_COLUMNS \
  "t.id, t.element_id, t.kind, t.author_id, t.created_at, t.text, t.payload, t.pinned, t.edited_at"

/* Inside the caller's transaction; notes CRM_CHANGE_ENTRY_ADDED. */
gint64            _crm_timeline_insert              (CrmStore     *store,
                                                     gint64        element_id,
                                                     CrmEntryKind  kind,
                                                     gint64        author_id,
                                                     const char   *created_at,
                                                     const char   *text,
                                                     const char   *payload,
                                                     GError      **error);
/* An entry as @session's user reads it: summaries and changes are
 * formatted for them. */
CrmTimelineEntry *_crm_timeline_entry_new_from_row  (CrmSession   *session,
                                                     sqlite3_stmt *stmt);
/* A cached statement with @session bound to the parameter of
 * CRM_ENTRY_VISIBLE_TO_READER (crm-field-change-private.h). */
sqlite3_stmt     *_crm_timeline_prepare             (CrmSession   *session,
                                                     const char   *sql,
                                                     GError      **error);
/* Refuses (PERMISSION_DENIED, NOT_FOUND) reading the element's timeline. */
gboolean          _crm_timeline_check_read          (CrmSession   *session,
                                                     gint64        element_id,
                                                     GError      **error);
/* The stored time stamp, for keyset paging. */
const char       *_crm_timeline_entry_get_created_at_text (CrmTimelineEntry *self);

G_END_DECLS
