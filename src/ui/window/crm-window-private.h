/* crm-window-private.h — shared by crm-window.c and crm-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-card.h"
#include "crm-element-list.h"
#include "crm-window.h"

G_BEGIN_DECLS

struct _CrmWindow
{
  AdwApplicationWindow  parent_instance;

  CrmSession           *session;
  GSettings            *settings;
  gulong                store_changed_id;
  guint                 syncing_sidebar;

  CrmCard              *card;
  CrmElementList       *element_list;

  /* Template widgets */
  GtkButton            *back_button;
  AdwWindowTitle       *content_title;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkListBox           *sidebar_list;
  AdwToastOverlay      *toast_overlay;
};

/* crm-window.c */
gboolean _crm_window_is_showing_card      (CrmWindow      *self);
/* Shows the list of the type selected, in front when folded. */
void     _crm_window_show_list            (CrmWindow      *self);

/* crm-window-actions.c: the win.* actions and their shortcuts. */
void     _crm_window_class_actions_init   (CrmWindowClass *klass);

G_END_DECLS
