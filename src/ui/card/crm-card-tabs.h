/* crm-card-tabs.h — the card's tab strip: switch, hide and reorder tabs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_CARD_TABS (crm_card_tabs_get_type ())

G_DECLARE_FINAL_TYPE (CrmCardTabs, crm_card_tabs, CRM, CARD_TABS, GtkWidget)

GtkWidget *crm_card_tabs_new             (void);
/* The pages, named by tab code ("general", "history"); a tab shows only
 * when its page exists. */
void       crm_card_tabs_set_stack       (CrmCardTabs  *self,
                                          AdwViewStack *stack);
/* Shows @layout's tabs in its order; changes are saved to it as @session. */
void       crm_card_tabs_set_layout      (CrmCardTabs  *self,
                                          CrmSession   *session,
                                          CrmLayout    *layout);
/* Whether the tabs are shown as chips to drag into a new order. */
gboolean   crm_card_tabs_get_configuring (CrmCardTabs  *self);

G_END_DECLS
