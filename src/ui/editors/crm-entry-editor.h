/* crm-entry-editor.h — a one-line entry for text, numbers, money, contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_ENTRY_EDITOR (crm_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmEntryEditor, crm_entry_editor, CRM, ENTRY_EDITOR, GtkWidget)

GtkWidget *crm_entry_editor_new (CrmField *field);

G_END_DECLS
