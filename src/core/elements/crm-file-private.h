/* crm-file-private.h — how the core keeps files from being left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* How long a file stays pending (picked, not saved into anything yet)
 * before the sweep may remove it: longer than anyone keeps a card open. */
#define CRM_FILE_PENDING_GRACE G_TIME_SPAN_DAY

/* Inside the caller's transaction: @file_id is referenced now and is never
 * swept. CRM_ERROR_NOT_FOUND when the file is gone. */
gboolean _crm_file_claim (CrmStore   *store,
                          gint64      file_id,
                          GError    **error);
/* Inside the caller's transaction: a value no longer refers to @file_id
 * (@element_id 0), or the values of @element_id, or of the file field
 * @field_id (the other 0), are about to go. Their files become pending
 * again, for the sweep to remove once nothing refers to them. */
gboolean _crm_file_release (CrmStore   *store,
                            gint64      file_id,
                            GError    **error);
gboolean _crm_file_release_values (CrmStore   *store,
                                   gint64      element_id,
                                   gint64      field_id,
                                   GError    **error);
/* Inside the caller's transaction: everything of @entity_type_id is about
 * to go (its elements' values, documents and timeline, its document
 * templates). The files those name become pending again, for the sweep. */
gboolean _crm_file_release_entity_type (CrmStore   *store,
                                        gint64      entity_type_id,
                                        GError    **error);
/* Removes the pending files older than CRM_FILE_PENDING_GRACE at @now
 * (NULL: the current time) that no value, document or timeline entry
 * refers to, and claims those that one does; in one transaction. */
gboolean _crm_file_sweep (CrmStore   *store,
                          GDateTime  *now,
                          guint      *n_removed,
                          GError    **error);

G_END_DECLS
