/* crm-field-row-private.h — what the field row's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-field-row.h"

G_BEGIN_DECLS

/* crm-field-row-menu.c: the gear menu, for @flags, listing @sections
 * (of CrmLayoutSection) but the row's own, @section_id. */
GMenuModel *_crm_field_row_build_menu (CrmFieldRowFlags  flags,
                                       GListModel       *sections,
                                       gint64            section_id);
/* Puts @menu on @button and names its items after @field_code. */
void        _crm_field_row_set_menu   (GtkMenuButton    *button,
                                       GMenuModel       *menu,
                                       const char       *field_code);

G_END_DECLS
