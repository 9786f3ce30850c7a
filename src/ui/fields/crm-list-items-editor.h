/* crm-list-items-editor.h — the items of a list field, and its default
 *
 * Items are added from an entry at the end, renamed in place, removed,
 * and put in order by dragging their handle or, from the keyboard, with
 * Move Up / Move Down in each row's menu. A drop-down picks the item new
 * elements start with. Emits "changed" after every edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_LIST_ITEMS_EDITOR (crm_list_items_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmListItemsEditor, crm_list_items_editor, CRM, LIST_ITEMS_EDITOR, GtkWidget)

GtkWidget *crm_list_items_editor_new          (void);
guint      crm_list_items_editor_get_n_items  (CrmListItemsEditor *self);
/* Appends a new item labelled @label at the end. */
void       crm_list_items_editor_add_item     (CrmListItemsEditor *self,
                                               const char         *label);
/* Moves the item at @from to @to (both counting from 0). */
void       crm_list_items_editor_move_item    (CrmListItemsEditor *self,
                                               guint               from,
                                               guint               to);
/* Shows the items of @options, keys kept, and its default. */
void       crm_list_items_editor_set_options  (CrmListItemsEditor    *self,
                                               const CrmFieldOptions *options);
/* Sets @options' items in order and its default (the chosen item's key). */
void       crm_list_items_editor_fill_options (CrmListItemsEditor *self,
                                               CrmFieldOptions    *options);
/* Marks the rows whose label is empty or repeated, and returns an
 * explanation when there is one (else NULL). */
char      *crm_list_items_editor_check        (CrmListItemsEditor *self);

G_END_DECLS
