/* crm-address-editor.h — a small form for a postal address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_ADDRESS_EDITOR (crm_address_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmAddressEditor, crm_address_editor, CRM, ADDRESS_EDITOR, GtkWidget)

GtkWidget *crm_address_editor_new (CrmField *field);

G_END_DECLS
