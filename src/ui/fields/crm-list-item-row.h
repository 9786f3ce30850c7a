/* crm-list-item-row.h — one item of a list field in its items editor
 *
 * The item's label, renamed in place; a handle to drag it by; a menu to
 * rename, move and remove it. The row says what the person asked for
 * ("move", "remove") and leaves it to the editor, which owns the order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_LIST_ITEM_ROW (crm_list_item_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmListItemRow, crm_list_item_row, CRM, LIST_ITEM_ROW, GtkListBoxRow)

GtkWidget  *crm_list_item_row_new               (const char     *key,
                                                 const char     *label);
const char *crm_list_item_row_get_key           (CrmListItemRow *self);
/* As typed: may be empty or padded with spaces. */
const char *crm_list_item_row_get_label         (CrmListItemRow *self);
/* Shows another item in this row; "label" is notified only when the
 * label shown changes. */
void        crm_list_item_row_set_item          (CrmListItemRow *self,
                                                 const char     *key,
                                                 const char     *label);
/* Enables Move Up / Move Down in the row's menu. */
void        crm_list_item_row_set_can_move      (CrmListItemRow *self,
                                                 gboolean        up,
                                                 gboolean        down);
void        crm_list_item_row_focus_menu_button (CrmListItemRow *self);

G_END_DECLS
