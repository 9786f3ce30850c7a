/* crm-value-editor.h — edits the values of one field in place
 *
 * The editor that fits the field's type: an entry, a multi-line text view,
 * a spin button, money with a currency drop-down, a calendar popover for
 * dates and date-times, a drop-down or check list for lists, a switch,
 * repeated rows with a kind for phones, e-mails and messengers, an address
 * form, a file chooser, a search popover for links and for employees.
 * It parses what is typed through the core (crm_value_parse) in the UI
 * locale; the card saves the values through a CrmElementDraft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_VALUE_EDITOR (crm_value_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmValueEditor, crm_value_editor, CRM, VALUE_EDITOR, GtkWidget)

/* Signals:
 *  "changed"  — the person changed what is entered
 *  "activate" — Enter in a single-line editor (the card saves)
 *  "cancel"   — Escape (the card cancels) */

CrmValueEditor *crm_value_editor_new         (CrmSession      *session,
                                              CrmField        *field);
CrmField       *crm_value_editor_get_field   (CrmValueEditor  *self);
/* Starts from these values (of CrmValue; NULL or empty for none). */
void            crm_value_editor_set_values  (CrmValueEditor  *self,
                                              GPtrArray       *values);
/* What is entered, parsed: a new array (empty when cleared), or NULL with
 * a CRM_ERROR_VALIDATION error naming the bad input. */
GPtrArray      *crm_value_editor_get_values  (CrmValueEditor  *self,
                                              GError         **error);
/* Marks the editor as blocking the save (the "error" style) or clears it. */
void            crm_value_editor_set_invalid (CrmValueEditor  *self,
                                              gboolean         invalid);
gboolean        crm_value_editor_get_invalid (CrmValueEditor  *self);

G_END_DECLS
