/* crm-file-editor.h — the file of a file field: its name, Choose…, Clear
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_FILE_EDITOR (crm_file_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmFileEditor, crm_file_editor, CRM, FILE_EDITOR, GtkWidget)

GtkWidget *crm_file_editor_new      (CrmSession    *session,
                                     CrmField      *field);
/* Stores @file with crm_file_add () and makes it the value, as choosing
 * it does; FALSE with an error (too large, unreadable) otherwise. */
gboolean   crm_file_editor_add_file (CrmFileEditor *self,
                                     GFile         *file,
                                     GError       **error);

G_END_DECLS
