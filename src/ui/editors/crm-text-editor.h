/* crm-text-editor.h — multi-line text that grows with what is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_TEXT_EDITOR (crm_text_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmTextEditor, crm_text_editor, CRM, TEXT_EDITOR, GtkWidget)

GtkWidget *crm_text_editor_new (CrmField *field);

G_END_DECLS
