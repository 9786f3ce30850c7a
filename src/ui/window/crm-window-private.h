/* crm-window-private.h — shared by crm-window.c and crm-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-card.h"
#include "crm-element-list.h"
#include "crm-kanban-board.h"
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
  CrmKanbanBoard       *kanban_board;
  GHashTable           *list_chosen;   /* type code → list (TRUE) or kanban */
  guint                 syncing_views;

  /* Template widgets */
  GtkButton            *back_button;
  AdwWindowTitle       *content_title;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkListBox           *sidebar_list;
  AdwToastOverlay      *toast_overlay;
  GtkToggleButton      *view_kanban_button;
  GtkToggleButton      *view_list_button;
  GtkWidget            *view_switch;
};

/* crm-window.c */
gboolean _crm_window_is_showing_card      (CrmWindow      *self);
/* Shows the list of the type selected, in front when folded. */
void     _crm_window_show_list            (CrmWindow      *self);

/* crm-window-views.c: kanban or list for types with stages. */
void        _crm_window_views_init       (CrmWindow      *self);
void        _crm_window_class_views_init (CrmWindowClass *klass);
/* The main stack's page for the type shown: "kanban" or "list". */
const char *_crm_window_views_get_page   (CrmWindow      *self);
/* The type shown or the page changed: the board, the toggles follow. */
void        _crm_window_views_sync       (CrmWindow      *self);

/* crm-window-actions.c: the win.* actions and their shortcuts. */
void     _crm_window_class_actions_init   (CrmWindowClass *klass);

G_END_DECLS
