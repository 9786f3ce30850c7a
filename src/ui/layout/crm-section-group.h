/* crm-section-group.h — one section of a card: header, field rows, footer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"
#include "crm-field-row.h"

G_BEGIN_DECLS

#define CRM_TYPE_SECTION_GROUP (crm_section_group_get_type ())

G_DECLARE_FINAL_TYPE (CrmSectionGroup, crm_section_group, CRM, SECTION_GROUP, GtkWidget)

/* The @index-th of @sections (of CrmLayoutSection), showing @element's
 * values; @flags say what the user may change (see CrmFieldRowFlags). */
GtkWidget        *crm_section_group_new            (CrmLayoutSection *section,
                                                    guint             index,
                                                    GListModel       *sections,
                                                    CrmElement       *element,
                                                    CrmFieldRowFlags  flags);
/* Shows the same section (@section: its object now), the @index-th of
 * @sections, with @element's values: rows of fields it had stay, only
 * new fields get rows. FALSE, changing nothing, when the group was built
 * for another section or other @flags. */
gboolean          crm_section_group_update         (CrmSectionGroup  *self,
                                                    CrmLayoutSection *section,
                                                    guint             index,
                                                    GListModel       *sections,
                                                    CrmElement       *element,
                                                    CrmFieldRowFlags  flags);
gint64            crm_section_group_get_section_id (CrmSectionGroup  *self);
const char       *crm_section_group_get_title      (CrmSectionGroup  *self);
guint             crm_section_group_get_n_rows     (CrmSectionGroup  *self);
CrmFieldRow      *crm_section_group_get_row        (CrmSectionGroup  *self,
                                                    guint             index);
/* Where a field dropped at @y (in the group's coordinates) goes: before
 * the row at the returned index, or after the last. */
guint             crm_section_group_locate         (CrmSectionGroup  *self,
                                                    double            y);
/* Draws the drop line before row @index (the number of rows: after the
 * last); -1 takes it away. */
void              crm_section_group_show_drop      (CrmSectionGroup  *self,
                                                    int               index);
/* Turns the title into an entry (the pencil does it). */
void              crm_section_group_start_rename   (CrmSectionGroup  *self);
gboolean          crm_section_group_is_renaming    (CrmSectionGroup  *self);

G_END_DECLS
