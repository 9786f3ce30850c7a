/* crm-kanban-card.h — one element on the kanban: title, amount, client,
 * responsible person; dragged to another column to move it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_KANBAN_CARD (crm_kanban_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmKanbanCard, crm_kanban_card, CRM, KANBAN_CARD, GtkWidget)

GtkWidget  *crm_kanban_card_new         (CrmSession    *session);
/* Shows @element (loaded with its values), or nothing for NULL. */
void        crm_kanban_card_set_element (CrmKanbanCard *self,
                                         CrmElement    *element);
CrmElement *crm_kanban_card_get_element (CrmKanbanCard *self);

G_END_DECLS
