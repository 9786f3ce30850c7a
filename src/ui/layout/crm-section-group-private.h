/* crm-section-group-private.h — what the section group's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-section-group.h"

G_BEGIN_DECLS

/* crm-section-group-rows.c: the rows of @section's fields in @list_box,
 * reusing those of @rows (taken) for the same fields; returns the rows
 * in order. */
GPtrArray *_crm_section_group_show_rows    (GtkListBox       *list_box,
                                            GPtrArray        *rows,
                                            CrmLayoutSection *section,
                                            GListModel       *sections,
                                            CrmElement       *element,
                                            CrmFieldRowFlags  flags);
/* The list's sort function: rows in their fields' order. */
int        _crm_section_group_compare_rows (GtkListBoxRow    *a,
                                            GtkListBoxRow    *b,
                                            gpointer          user_data);

G_END_DECLS
