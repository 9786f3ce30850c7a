/* crm-multi-value-editor.h — repeated rows for fields with several values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_MULTI_VALUE_EDITOR (crm_multi_value_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmMultiValueEditor, crm_multi_value_editor, CRM, MULTI_VALUE_EDITOR, GtkWidget)

/* A row per value of @field: [kind] [input] [remove], then "Add". A field
 * that takes one value with a kind (a single phone) gets one fixed row. */
GtkWidget *crm_multi_value_editor_new        (CrmSession          *session,
                                              CrmField            *field);
guint      crm_multi_value_editor_get_n_rows (CrmMultiValueEditor *self);

G_END_DECLS
