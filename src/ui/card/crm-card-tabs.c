/* crm-card-tabs.c — the card's tab strip: switch, hide and reorder tabs
 *
 * AdwViewSwitcher cannot reorder, so the strip is ours: a flat toggle
 * button per tab, bound to the card's AdwViewStack by page name (the tab's
 * code). Only tabs whose page exists in the stack show: a tab without
 * content yet stays out of sight, but keeps its place in the stored order.
 *
 * The menu at the end hides and shows tabs and opens the configure mode,
 * where the tabs become chips to drag (or move with buttons, for the
 * keyboard). Every change is written to the layout at once; the card reads
 * the layout again from the store's notification and hands it back here,
 * which then only moves the widgets that moved. The order itself, the
 * chips and their dragging are in crm-card-tabs-order.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-card-tabs-private.h"

G_DEFINE_FINAL_TYPE (CrmCardTabs, crm_card_tabs, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  PROP_CONFIGURING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_content (CrmCardTabs *self,
             CrmTab       tab)
{
  return self->stack != NULL &&
         adw_view_stack_get_child_by_name (self->stack, crm_tab_to_code (tab)) != NULL;
}

/* ---- Widgets ------------------------------------------------------------- */

static void
tab_toggled_cb (GtkToggleButton *button,
                CrmCardTabs     *self)
{
  CrmTab tab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "crm-tab"));
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED, active, -1);

  if (active && self->stack != NULL)
    adw_view_stack_set_visible_child_name (self->stack, crm_tab_to_code (tab));
}

static GtkWidget *
create_button (CrmCardTabs *self,
               CrmTab       tab)
{
  g_autofree char *name = g_strdup_printf ("tab-%s", crm_tab_to_code (tab));
  GtkWidget *button;

  button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_TAB,
                         "label", crm_tab_get_label (tab),
                         "name", name,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "crm-tab");
  g_object_set_data (G_OBJECT (button), "crm-tab", GUINT_TO_POINTER (tab));
  g_signal_connect_object (button, "toggled", G_CALLBACK (tab_toggled_cb), self, 0);

  for (GtkWidget *other = gtk_widget_get_first_child (GTK_WIDGET (self->tab_box)); other; other = gtk_widget_get_next_sibling (other))
    {
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (other));
      break;
    }

  return button;
}

/* Creates, drops and moves buttons and chips to match self->shown:
 * widgets that stay keep their focus through a reorder. */
void
_crm_card_tabs_sync_widgets (CrmCardTabs *self)
{
  GtkWidget *previous_button = NULL;
  GtkWidget *previous_chip = NULL;
  gboolean wanted[CRM_TAB_LAST] = { FALSE, };

  for (guint i = 0; i < self->shown->len; i++)
    wanted[g_array_index (self->shown, CrmTab, i)] = TRUE;

  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    {
      if (!wanted[tab] && self->buttons[tab] != NULL)
        {
          gtk_box_remove (self->tab_box, self->buttons[tab]);
          gtk_box_remove (self->chip_box, self->chips[tab]);
          self->buttons[tab] = self->chips[tab] = NULL;
        }
      else if (wanted[tab] && self->buttons[tab] == NULL)
        {
          self->buttons[tab] = create_button (self, tab);
          gtk_box_append (self->tab_box, self->buttons[tab]);
          self->chips[tab] = _crm_card_tabs_create_chip (self, tab);
          gtk_box_append (self->chip_box, self->chips[tab]);
        }
    }

  for (guint i = 0; i < self->shown->len; i++)
    {
      CrmTab tab = g_array_index (self->shown, CrmTab, i);
      GtkWidget *move_left, *move_right;

      gtk_box_reorder_child_after (self->tab_box, self->buttons[tab], previous_button);
      gtk_box_reorder_child_after (self->chip_box, self->chips[tab], previous_chip);
      previous_button = self->buttons[tab];
      previous_chip = self->chips[tab];

      move_right = gtk_widget_get_last_child (self->chips[tab]);
      move_left = gtk_widget_get_prev_sibling (move_right);
      gtk_widget_set_sensitive (move_left, i > 0);
      gtk_widget_set_sensitive (move_right, i + 1 < self->shown->len);
    }
}

static void
sync_selection (CrmCardTabs *self)
{
  const char *visible = self->stack != NULL ? adw_view_stack_get_visible_child_name (self->stack) : NULL;
  CrmTab tab;

  if (visible != NULL && crm_tab_from_code (visible, &tab) && self->buttons[tab] != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[tab]), TRUE);
}

static void
shown_change_state_cb (GSimpleAction *action,
                       GVariant      *value,
                       CrmCardTabs   *self)
{
  CrmTab tab;
  guint mask;

  if (!crm_tab_from_code (g_action_get_name (G_ACTION (action)), &tab) || tab == CRM_TAB_GENERAL)
    return;

  mask = _crm_card_tabs_get_hidden_mask (self);
  if (g_variant_get_boolean (value))
    mask &= ~(1u << tab);
  else
    mask |= 1u << tab;

  /* The state follows when the card hands the saved layout back. */
  _crm_card_tabs_save (self, self->shown, mask);
}

/* The menu lists the tabs that have content; it is rebuilt only when
 * those change, not on each reload. */
static void
update_menu (CrmCardTabs *self)
{
  guint content = 0;

  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    if (has_content (self, tab))
      content |= 1u << tab;

  if (content != self->menu_tabs)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) tabs_section = g_menu_new ();
      g_autoptr(GMenu) configure_section = g_menu_new ();

      self->menu_tabs = content;
      for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
        {
          g_autofree char *action_name = g_strdup_printf ("tab-shown.%s", crm_tab_to_code (tab));

          if (!(content & (1u << tab)))
            {
              g_action_map_remove_action (G_ACTION_MAP (self->shown_actions), crm_tab_to_code (tab));
              continue;
            }

          if (g_action_map_lookup_action (G_ACTION_MAP (self->shown_actions), crm_tab_to_code (tab)) == NULL)
            {
              g_autoptr(GSimpleAction) action = NULL;

              action = g_simple_action_new_stateful (crm_tab_to_code (tab), NULL, g_variant_new_boolean (TRUE));
              g_signal_connect_object (action, "change-state", G_CALLBACK (shown_change_state_cb), self, 0);
              g_action_map_add_action (G_ACTION_MAP (self->shown_actions), G_ACTION (action));
            }

          g_menu_append (tabs_section, crm_tab_get_label (tab), action_name);
        }

      g_menu_append (configure_section, _("_Reorder Tabs…"), "tabs.configure");
      /* Translators: a heading in the card's tab menu */
      g_menu_append_section (menu, _("Show Tabs"), G_MENU_MODEL (tabs_section));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (configure_section));
      gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
    }

  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->shown_actions), crm_tab_to_code (tab));
      gboolean hidden = self->layout != NULL && crm_layout_is_tab_hidden (self->layout, tab);

      if (action == NULL)
        continue;

      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (!hidden));
      /* General is the card itself: always shown. */
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->can_edit && tab != CRM_TAB_GENERAL);
    }
}

static void
update_mode (CrmCardTabs *self)
{
  gboolean configuring = self->configuring && self->can_edit;

  gtk_widget_set_visible (GTK_WIDGET (self->tab_box), !configuring);
  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), configuring);
  gtk_widget_set_visible (self->configure_hint, configuring);
  gtk_widget_set_visible (self->done_button, configuring);
  /* Every item of the menu changes the layout. */
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !configuring && self->can_edit);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tabs.configure", self->can_edit && !configuring);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tabs.done", configuring);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tabs.move-left", configuring);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tabs.move-right", configuring);

  /* One tab and nothing to change: no strip at all. */
  gtk_widget_set_visible (GTK_WIDGET (self), self->can_edit || self->shown->len > 1);
}

/* ---- Actions ------------------------------------------------------------- */

static void
set_configuring (CrmCardTabs *self,
                 gboolean     configuring)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  if (self->configuring == !!configuring)
    return;

  self->configuring = !!configuring;
  update_mode (self);

  /* The widget that had the focus (the menu button, Done) is now hidden:
   * the keyboard goes on from the strip, not from nowhere. Focus that
   * was elsewhere stays there. */
  if (had_focus && configuring && self->shown->len > 0)
    gtk_widget_grab_focus (self->chips[g_array_index (self->shown, CrmTab, 0)]);
  else if (had_focus && !configuring)
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIGURING]);
}

static void
configure_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_configuring (CRM_CARD_TABS (widget), TRUE);
}

static void
done_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_configuring (CRM_CARD_TABS (widget), FALSE);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmCardTabs *self = CRM_CARD_TABS (widget);
  gboolean left = g_str_equal (action_name, "tabs.move-left");
  GtkWidget *focus, *chip;
  CrmTab tab;
  int current;

  if (!crm_tab_from_code (g_variant_get_string (parameter, NULL), &tab) ||
      (current = _crm_card_tabs_find_shown (self, tab)) < 0)
    return;
  if (left && current == 0)
    return;

  _crm_card_tabs_move (self, tab, left ? current - 1 : current + 2);

  /* A button that can go no further gives the focus to its twin. */
  chip = self->chips[tab];
  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (chip != NULL && focus != NULL && gtk_widget_get_parent (focus) == chip && !gtk_widget_get_sensitive (focus))
    {
      GtkWidget *twin = left ? gtk_widget_get_next_sibling (focus) : gtk_widget_get_prev_sibling (focus);

      if (twin != NULL)
        gtk_widget_grab_focus (twin);
    }
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
stack_visible_child_cb (CrmCardTabs  *self,
                        GParamSpec   *pspec,
                        AdwViewStack *stack)
{
  sync_selection (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_card_tabs_dispose (GObject *object)
{
  CrmCardTabs *self = CRM_CARD_TABS (object);

  crm_card_tabs_set_stack (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CARD_TABS);
  memset (self->buttons, 0, sizeof self->buttons);
  memset (self->chips, 0, sizeof self->chips);

  g_clear_object (&self->shown_actions);
  g_clear_object (&self->layout);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_card_tabs_parent_class)->dispose (object);
}

static void
crm_card_tabs_finalize (GObject *object)
{
  CrmCardTabs *self = CRM_CARD_TABS (object);

  g_clear_pointer (&self->shown, g_array_unref);

  G_OBJECT_CLASS (crm_card_tabs_parent_class)->finalize (object);
}

static void
crm_card_tabs_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmCardTabs *self = CRM_CARD_TABS (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    case PROP_CONFIGURING:
      g_value_set_boolean (value, self->configuring);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_card_tabs_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrmCardTabs *self = CRM_CARD_TABS (object);

  switch (prop_id)
    {
    case PROP_STACK:
      crm_card_tabs_set_stack (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_card_tabs_class_init (CrmCardTabsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_card_tabs_dispose;
  object_class->finalize = crm_card_tabs_finalize;
  object_class->get_property = crm_card_tabs_get_property;
  object_class->set_property = crm_card_tabs_set_property;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONFIGURING] =
    g_param_spec_boolean ("configuring", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-card-tabs.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCardTabs, chip_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCardTabs, configure_hint);
  gtk_widget_class_bind_template_child (widget_class, CrmCardTabs, done_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCardTabs, drop_indicator);
  gtk_widget_class_bind_template_child (widget_class, CrmCardTabs, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCardTabs, tab_box);

  gtk_widget_class_install_action (widget_class, "tabs.configure", NULL, configure_action_cb);
  gtk_widget_class_install_action (widget_class, "tabs.done", NULL, done_action_cb);
  gtk_widget_class_install_action (widget_class, "tabs.move-left", "s", move_action_cb);
  gtk_widget_class_install_action (widget_class, "tabs.move-right", "s", move_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "tabs.done", NULL);

  gtk_widget_class_set_css_name (widget_class, "crm-card-tabs");
}

static void
crm_card_tabs_init (CrmCardTabs *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (CrmTab));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self->menu_button), "tabs-menu-button");
  gtk_widget_set_name (self->done_button, "tabs-done-button");

  self->shown_actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "tab-shown", G_ACTION_GROUP (self->shown_actions));

  _crm_card_tabs_add_drop_target (self);

  update_mode (self);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_card_tabs_new (void)
{
  return g_object_new (CRM_TYPE_CARD_TABS, NULL);
}

void
crm_card_tabs_set_stack (CrmCardTabs  *self,
                         AdwViewStack *stack)
{
  g_return_if_fail (CRM_IS_CARD_TABS (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (self->stack == stack)
    return;

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);

  g_set_object (&self->stack, stack);

  if (stack != NULL)
    g_signal_connect_object (stack, "notify::visible-child-name",
                             G_CALLBACK (stack_visible_child_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

void
crm_card_tabs_set_layout (CrmCardTabs *self,
                          CrmSession  *session,
                          CrmLayout   *layout)
{
  const char *visible;
  CrmTab visible_tab;

  g_return_if_fail (CRM_IS_CARD_TABS (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));
  g_return_if_fail (layout == NULL || CRM_IS_LAYOUT (layout));

  g_set_object (&self->session, session);
  g_set_object (&self->layout, layout);

  self->can_edit = FALSE;
  if (session != NULL && layout != NULL)
    {
      CrmLayoutScope scope = crm_layout_get_scope (layout);
      CrmPermission permission = scope == CRM_LAYOUT_PERSONAL ? CRM_PERMISSION_LAYOUT_PERSONAL :
                                 scope == CRM_LAYOUT_VIEW ? CRM_PERMISSION_VIEWS_MANAGE :
                                 CRM_PERMISSION_LAYOUT_EDIT_STANDARD;

      self->can_edit = crm_session_has_permission (session, permission, crm_layout_get_entity_type_id (layout));
    }

  g_array_set_size (self->shown, 0);
  if (layout != NULL)
    {
      GArray *tabs = crm_layout_get_tabs (layout);

      for (guint i = 0; i < tabs->len; i++)
        if (has_content (self, g_array_index (tabs, CrmTab, i)))
          g_array_append_val (self->shown, g_array_index (tabs, CrmTab, i));
    }
  else
    {
      CrmTab general = CRM_TAB_GENERAL;

      g_array_append_val (self->shown, general);
    }

  _crm_card_tabs_sync_widgets (self);

  /* Pages follow the strip: a hidden tab's page cannot be reached. */
  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    {
      GtkWidget *child = self->stack != NULL ? adw_view_stack_get_child_by_name (self->stack, crm_tab_to_code (tab)) : NULL;

      if (child != NULL)
        adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, child), self->buttons[tab] != NULL);
    }

  visible = self->stack != NULL ? adw_view_stack_get_visible_child_name (self->stack) : NULL;
  if (self->stack != NULL && self->shown->len > 0 &&
      (visible == NULL || !crm_tab_from_code (visible, &visible_tab) || self->buttons[visible_tab] == NULL))
    adw_view_stack_set_visible_child_name (self->stack, crm_tab_to_code (g_array_index (self->shown, CrmTab, 0)));

  sync_selection (self);
  update_menu (self);
  if (!self->can_edit && self->configuring)
    set_configuring (self, FALSE);
  update_mode (self);
}

gboolean
crm_card_tabs_get_configuring (CrmCardTabs *self)
{
  g_return_val_if_fail (CRM_IS_CARD_TABS (self), FALSE);

  return self->configuring;
}
