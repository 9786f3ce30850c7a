/* crm-card-tabs-private.h — shared by crm-card-tabs.c and crm-card-tabs-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-card-tabs.h"

G_BEGIN_DECLS

struct _CrmCardTabs
{
  GtkWidget           parent_instance;

  AdwViewStack       *stack;
  CrmSession         *session;
  CrmLayout          *layout;
  /* "tab-shown.<code>": a check item per tab in the menu. */
  GSimpleActionGroup *shown_actions;
  guint               menu_tabs;     /* bit per CrmTab the menu lists */
  GArray             *shown;         /* CrmTab, the strip's tabs in order */
  GtkWidget          *buttons[CRM_TAB_LAST];
  GtkWidget          *chips[CRM_TAB_LAST];
  guint               can_edit : 1;
  guint               configuring : 1;

  /* Template widgets */
  GtkBox             *chip_box;
  GtkWidget          *configure_hint;
  GtkWidget          *done_button;
  GtkWidget          *drop_indicator;
  GtkMenuButton      *menu_button;
  GtkBox             *tab_box;
};

/* crm-card-tabs.c */
void       _crm_card_tabs_sync_widgets    (CrmCardTabs *self);

/* crm-card-tabs-order.c */
guint      _crm_card_tabs_get_hidden_mask (CrmCardTabs *self);
/* Writes @shown (the strip's tabs in a new order) and @hidden_mask. */
gboolean   _crm_card_tabs_save            (CrmCardTabs *self,
                                           GArray      *shown,
                                           guint        hidden_mask);
GtkWidget *_crm_card_tabs_create_chip     (CrmCardTabs *self,
                                           CrmTab       tab);
/* The tab's index in the strip, or -1. */
int        _crm_card_tabs_find_shown      (CrmCardTabs *self,
                                           CrmTab       tab);
/* @position: where in the strip as it is now (0 … n) the tab goes. */
void       _crm_card_tabs_move            (CrmCardTabs *self,
                                           CrmTab       tab,
                                           guint        position);
void       _crm_card_tabs_add_drop_target (CrmCardTabs *self);

G_END_DECLS
