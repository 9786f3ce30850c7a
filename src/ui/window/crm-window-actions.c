/* crm-window-actions.c — the main window's actions and shortcuts
 *
 * Back (Alt+Left) leaves the card for its list, or the content for the
 * sidebar when the window is folded; Search (Ctrl+F) goes to the list and
 * its search entry; open-element is how other widgets open a card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-window-private.h"

static void
go_back_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  if (_crm_window_is_showing_card (self))
    gtk_stack_set_visible_child_name (self->main_stack, _crm_window_views_get_page (self));
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
open_element_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  crm_window_open_element (CRM_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  _crm_window_show_list (self);
  if (g_str_equal (_crm_window_views_get_page (self), "kanban"))
    crm_kanban_board_focus_search (self->kanban_board);
  else
    crm_element_list_focus_search (self->element_list);
}

void
_crm_window_class_actions_init (CrmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-element", "x", open_element_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
