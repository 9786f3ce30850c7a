/* crm-field-picker.h — Select Field: show or hide any field of the card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_FIELD_PICKER (crm_field_picker_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldPicker, crm_field_picker, CRM, FIELD_PICKER, GtkPopover)

GtkWidget *crm_field_picker_new            (void);
/* Lists every field of @layout's entity type, checked when @layout shows
 * it; checking one places it at the end of @section_id, unchecking hides
 * it. Called again after each change, it keeps the search and the scroll
 * and only updates the checks. */
void       crm_field_picker_set_layout     (CrmFieldPicker *self,
                                            CrmSession     *session,
                                            CrmLayout      *layout,
                                            gint64          section_id);
gint64     crm_field_picker_get_section_id (CrmFieldPicker *self);

G_END_DECLS
