/* crm-card-tabs-order.c — the order of the card's tabs: saved, dragged, moved
 *
 * The strip's tabs are those with a page; the layout orders every tab. A
 * new order of the strip's tabs is written into the places those tabs
 * held, so tabs without content yet keep theirs. In the configure mode
 * each tab is a chip: dragged onto the strip (a bar shows where it will
 * land) or moved by its two buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-card-tabs-private.h"
#include "crm-window.h"

/* ---- Saving --------------------------------------------------------------- */

static void
show_error (CrmCardTabs *self,
            GError      *error)
{
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Translators: a toast; %s says why */
  message = g_strdup_printf (_("Could not change the tabs: %s"), error->message);
  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), message);
  else
    g_message ("%s", message);
}

guint
_crm_card_tabs_get_hidden_mask (CrmCardTabs *self)
{
  guint mask = 0;

  for (CrmTab tab = 0; self->layout != NULL && tab < CRM_TAB_LAST; tab++)
    if (crm_layout_is_tab_hidden (self->layout, tab))
      mask |= 1u << tab;

  return mask;
}

/* Every tab, as the layout orders them: the visible ones, then the hidden
 * ones (the layout does not say where those were), then any other. */
static guint
get_full_order (CrmCardTabs *self,
                CrmTab       order[CRM_TAB_LAST])
{
  gboolean seen[CRM_TAB_LAST] = { FALSE, };
  GArray *visible = crm_layout_get_tabs (self->layout);
  guint hidden = _crm_card_tabs_get_hidden_mask (self);
  guint n = 0;

  for (guint i = 0; i < visible->len; i++)
    {
      CrmTab tab = g_array_index (visible, CrmTab, i);

      if (tab < CRM_TAB_LAST && !seen[tab])
        order[n++] = tab, seen[tab] = TRUE;
    }
  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    if ((hidden & (1u << tab)) && !seen[tab])
      order[n++] = tab, seen[tab] = TRUE;
  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    if (!seen[tab])
      order[n++] = tab, seen[tab] = TRUE;

  return n;
}

/* Writes @shown (the strip's tabs in their new order) into the places
 * those tabs held, so tabs without content keep theirs. */
gboolean
_crm_card_tabs_save (CrmCardTabs *self,
           GArray      *shown,
           guint        hidden_mask)
{
  g_autoptr(GError) error = NULL;
  CrmTab order[CRM_TAB_LAST];
  guint n, next = 0;

  if (self->layout == NULL || self->session == NULL || !self->can_edit)
    return FALSE;

  n = get_full_order (self, order);
  for (guint i = 0; i < n && next < shown->len; i++)
    {
      for (guint j = 0; j < self->shown->len; j++)
        if (g_array_index (self->shown, CrmTab, j) == order[i])
          {
            order[i] = g_array_index (shown, CrmTab, next++);
            break;
          }
    }

  if (!crm_layout_set_tabs (self->session, crm_layout_get_id (self->layout),
                            order, n, hidden_mask, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* ---- Chips ---------------------------------------------------------------- */

static GdkContentProvider *
chip_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CrmCardTabs   *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  CrmTab tab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chip), "crm-tab"));

  return gdk_content_provider_new_typed (G_TYPE_STRING, crm_tab_to_code (tab));
}

static void
chip_drag_begin_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    CrmCardTabs   *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (chip);

  gtk_drag_source_set_icon (source, icon, 0, 0);
  gtk_widget_add_css_class (chip, "dragging");
}

static void
chip_drag_end_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  gboolean       delete_data,
                  CrmCardTabs   *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  gtk_widget_remove_css_class (chip, "dragging");
  gtk_widget_set_visible (self->drop_indicator, FALSE);
}

static void
move_clicked_cb (GtkButton   *button,
                 CrmCardTabs *self)
{
  CrmTab tab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "crm-tab"));

  gtk_widget_activate_action (GTK_WIDGET (self),
                              g_object_get_data (G_OBJECT (button), "crm-action"),
                              "s", crm_tab_to_code (tab));
}

/* Not an actionable: the action helper would keep the buttons sensitive
 * at the ends of the strip, where they have nowhere to go. */
static GtkWidget *
create_move_button (CrmCardTabs *self,
                    CrmTab       tab,
                    const char  *icon_name,
                    const char  *action_name,
                    const char  *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  g_object_set_data (G_OBJECT (button), "crm-tab", GUINT_TO_POINTER (tab));
  g_object_set_data (G_OBJECT (button), "crm-action", (gpointer) action_name);
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_clicked_cb), self, 0);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");

  return button;
}

GtkWidget *
_crm_card_tabs_create_chip (CrmCardTabs *self,
             CrmTab       tab)
{
  g_autofree char *name = g_strdup_printf ("tab-chip-%s", crm_tab_to_code (tab));
  GtkWidget *chip, *handle, *label;
  GtkDragSource *source;

  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  gtk_widget_set_name (chip, name);
  gtk_widget_add_css_class (chip, "crm-tab-chip");
  gtk_widget_set_cursor_from_name (chip, "grab");
  g_object_set_data (G_OBJECT (chip), "crm-tab", GUINT_TO_POINTER (tab));

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (chip), handle);

  label = gtk_label_new (crm_tab_get_label (tab));
  gtk_widget_set_margin_start (label, 3);
  gtk_widget_set_margin_end (label, 3);
  gtk_box_append (GTK_BOX (chip), label);

  gtk_box_append (GTK_BOX (chip), create_move_button (self, tab, "go-previous-symbolic", "tabs.move-left",
                                                      _("Move Left")));
  gtk_box_append (GTK_BOX (chip), create_move_button (self, tab, "go-next-symbolic", "tabs.move-right",
                                                      _("Move Right")));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (chip_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (chip_drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (chip_drag_end_cb), self, 0);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (source));

  return chip;
}

/* ---- Moving --------------------------------------------------------------- */

int
_crm_card_tabs_find_shown (CrmCardTabs *self,
            CrmTab       tab)
{
  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, CrmTab, i) == tab)
      return i;
  return -1;
}

/* @position: where in the strip as it is now (0 … n) the tab goes. */
void
_crm_card_tabs_move (CrmCardTabs *self,
          CrmTab       tab,
          guint        position)
{
  g_autoptr(GArray) order = NULL;
  int current = _crm_card_tabs_find_shown (self, tab);

  if (current < 0)
    return;
  if (position > (guint) current)
    position--;
  if (position == (guint) current || position >= self->shown->len)
    return;

  order = g_array_copy (self->shown);
  g_array_remove_index (order, current);
  g_array_insert_val (order, position, tab);

  if (!_crm_card_tabs_save (self, order, _crm_card_tabs_get_hidden_mask (self)))
    return;

  /* Normally done already by the card's reload; when no card listens,
   * the strip still shows what was saved. */
  g_array_set_size (self->shown, 0);
  g_array_append_vals (self->shown, order->data, order->len);
  _crm_card_tabs_sync_widgets (self);
}

/* ---- Dropping ------------------------------------------------------------- */

static guint
drop_position (CrmCardTabs *self,
               double       x)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *chip = self->chips[g_array_index (self->shown, CrmTab, i)];
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (chip, GTK_WIDGET (self->chip_box), &bounds) &&
          x < bounds.origin.x + bounds.size.width / 2)
        return i;
    }

  return self->shown->len;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                CrmCardTabs   *self)
{
  guint position = drop_position (self, x);
  GtkWidget *before = NULL;

  if (position > 0)
    before = self->chips[g_array_index (self->shown, CrmTab, position - 1)];

  gtk_box_reorder_child_after (self->chip_box, self->drop_indicator, before);
  gtk_widget_set_visible (self->drop_indicator, TRUE);

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               CrmCardTabs   *self)
{
  gtk_widget_set_visible (self->drop_indicator, FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CrmCardTabs   *self)
{
  CrmTab tab;

  gtk_widget_set_visible (self->drop_indicator, FALSE);

  if (!G_VALUE_HOLDS_STRING (value) || !crm_tab_from_code (g_value_get_string (value), &tab))
    return FALSE;

  _crm_card_tabs_move (self, tab, drop_position (self, x));

  return TRUE;
}

void
_crm_card_tabs_add_drop_target (CrmCardTabs *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->chip_box), GTK_EVENT_CONTROLLER (target));
}
