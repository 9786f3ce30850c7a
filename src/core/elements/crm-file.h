/* crm-file.h — files kept in the store (file fields, documents)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-session.h"

G_BEGIN_DECLS

/* The largest file a field takes: enough for contracts and scans. */
#define CRM_FILE_MAX_SIZE (25 * 1024 * 1024)

/* Stores @contents under @name; returns the file id (for a file field's
 * value), or 0 with an error: empty name, too large. The file is pending
 * until a saved value claims it; if nothing ever does (the pick was
 * cancelled, the program stopped before saving), it is removed a day later.
 * A document, or a timeline entry whose payload names it as "file_id" (or
 * "file"), keeps it too. */
gint64  crm_file_add  (CrmSession  *session,
                       const char  *name,
                       const char  *mime_type,
                       GBytes      *contents,
                       GError     **error);
/* The contents, and optionally the name and MIME type. */
GBytes *crm_file_load (CrmSession  *session,
                       gint64       file_id,
                       char       **name,
                       char       **mime_type,
                       GError     **error);

/* Gives up a file @session's user picked and did not keep (the edit was
 * cancelled, another file was picked): it is removed at once, unless a
 * save claimed it or something refers to it, which it then keeps. Refused
 * for a file someone else added: their card may still save it. */
gboolean crm_file_discard (CrmSession  *session,
                           gint64       file_id,
                           GError     **error);

G_END_DECLS
