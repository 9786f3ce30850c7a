/* crm-edit-session.h — the values being edited in a card, saved together
 *
 * Clicking a value starts editing its field; the session keeps one
 * CrmValueEditor per field being edited, and saves them all in one
 * CrmElementDraft (or nothing) when the person presses Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "clientele-core.h"
#include "crm-value-editor.h"

G_BEGIN_DECLS

#define CRM_TYPE_EDIT_SESSION (crm_edit_session_get_type ())

G_DECLARE_FINAL_TYPE (CrmEditSession, crm_edit_session, CRM, EDIT_SESSION, GObject)

/* Signals:
 *  "editing-changed" — editors were added or removed (the pane swaps rows
 *                      between value and editor)
 *  "saved"           — every edit was written and ended
 *  "cancelled"       — every edit ended without writing
 *  "failed" (message) — a save was refused; the message names the fields */

CrmEditSession *crm_edit_session_new          (CrmSession     *session);
/* The element being shown; a different element cancels pending edits. */
void            crm_edit_session_set_element  (CrmEditSession *self,
                                               CrmElement     *element);
CrmElement     *crm_edit_session_get_element  (CrmEditSession *self);
/* Starts editing @field (NULL when it is read-only or the user may not
 * write or see it) and returns its editor, owned by the session until the
 * edit ends; a field already being edited returns its editor. */
CrmValueEditor *crm_edit_session_edit_field   (CrmEditSession *self,
                                               CrmField       *field);
CrmValueEditor *crm_edit_session_get_editor   (CrmEditSession *self,
                                               gint64          field_id);
/* Of CrmValueEditor, in the order the edits started; owned by the session. */
GPtrArray      *crm_edit_session_get_editors  (CrmEditSession *self);
gboolean        crm_edit_session_is_active    (CrmEditSession *self);
/* Parses every editor, builds a CrmElementDraft from the element, saves.
 * On failure nothing is written: editors of fields that block it are
 * marked invalid, required fields that are empty and not being edited get
 * an editor too (so the pane shows them marked), and @error holds one
 * message naming every blocking field. On success every edit ends. */
gboolean        crm_edit_session_save         (CrmEditSession *self,
                                               GError        **error);
void            crm_edit_session_cancel       (CrmEditSession *self);

G_END_DECLS
