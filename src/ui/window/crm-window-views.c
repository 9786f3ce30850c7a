/* crm-window-views.c — a type with stages shows as a kanban or a list
 *
 * Two linked toggle buttons in the content's header bar choose; the
 * kanban is the default, and the types a person switched to the list are
 * remembered (the list-view-types setting). The board and the list each
 * have a search entry; their texts are kept the same, so what was typed
 * stays when switching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-window-private.h"

static gboolean
wants_list (CrmWindow     *self,
            CrmEntityType *entity_type)
{
  g_auto(GStrv) codes = NULL;

  if (self->settings == NULL)
    return FALSE;
  codes = g_settings_get_strv (self->settings, "list-view-types");
  return g_strv_contains ((const char * const *) codes, crm_entity_type_get_code (entity_type));
}

static void
remember (CrmWindow     *self,
          CrmEntityType *entity_type,
          gboolean       as_list)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  const char *code = crm_entity_type_get_code (entity_type);

  if (self->settings == NULL)
    return;
  codes = g_settings_get_strv (self->settings, "list-view-types");
  for (guint i = 0; codes[i] != NULL; i++)
    if (!g_str_equal (codes[i], code))
      g_strv_builder_add (builder, codes[i]);
  if (as_list)
    g_strv_builder_add (builder, code);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "list-view-types", (const char * const *) updated);
}

static CrmEntityType *
shown_type (CrmWindow *self)
{
  return crm_element_list_get_entity_type (self->element_list);
}

const char *
_crm_window_views_get_page (CrmWindow *self)
{
  CrmEntityType *entity_type = shown_type (self);

  if (self->kanban_board == NULL || entity_type == NULL || !crm_entity_type_has_stages (entity_type))
    return "list";
  if (self->list_chosen != NULL && g_hash_table_contains (self->list_chosen, crm_entity_type_get_code (entity_type)))
    return GPOINTER_TO_INT (g_hash_table_lookup (self->list_chosen, crm_entity_type_get_code (entity_type))) ? "list" : "kanban";
  return wants_list (self, entity_type) ? "list" : "kanban";
}

void
_crm_window_views_sync (CrmWindow *self)
{
  CrmEntityType *entity_type = shown_type (self);
  gboolean staged = entity_type != NULL && crm_entity_type_has_stages (entity_type);
  const char *page = _crm_window_views_get_page (self);
  const char *visible = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean kanban = g_str_equal (page, "kanban");

  if (self->kanban_board == NULL)
    return;

  /* The board is built only for what it shows. */
  crm_kanban_board_set_entity_type (self->kanban_board, kanban ? entity_type : NULL);

  self->syncing_views++;
  gtk_toggle_button_set_active (self->view_kanban_button, kanban);
  gtk_toggle_button_set_active (self->view_list_button, !kanban);
  self->syncing_views--;
  gtk_widget_set_visible (self->view_switch, staged && !_crm_window_is_showing_card (self));

  if (visible != NULL && !g_str_equal (visible, "card") && !g_str_equal (visible, page))
    gtk_stack_set_visible_child_name (self->main_stack, page);
}

static void
view_toggled_cb (CrmWindow       *self,
                 GtkToggleButton *button)
{
  CrmEntityType *entity_type = shown_type (self);
  gboolean as_list;

  if (self->syncing_views > 0 || entity_type == NULL || !gtk_toggle_button_get_active (button))
    return;

  as_list = button == self->view_list_button;
  g_hash_table_insert (self->list_chosen, g_strdup (crm_entity_type_get_code (entity_type)),
                       GINT_TO_POINTER (as_list));
  remember (self, entity_type, as_list);
  _crm_window_views_sync (self);
}

static void
board_element_activated_cb (CrmWindow      *self,
                            gint64          id,
                            CrmKanbanBoard *board)
{
  crm_window_open_element (self, id);
}

void
_crm_window_views_init (CrmWindow *self)
{
  GObject *list_entry;

  /* What was chosen in this window, also when there are no settings. */
  self->list_chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->kanban_board = CRM_KANBAN_BOARD (crm_kanban_board_new (self->session));
  g_signal_connect_object (self->kanban_board, "element-activated",
                           G_CALLBACK (board_element_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->kanban_board), "kanban");

  list_entry = gtk_widget_get_template_child (GTK_WIDGET (self->element_list),
                                              CRM_TYPE_ELEMENT_LIST, "search_entry");
  if (GTK_IS_EDITABLE (list_entry))
    g_object_bind_property (list_entry, "text",
                            crm_kanban_board_get_search_entry (self->kanban_board), "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

void
_crm_window_class_views_init (CrmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_kanban_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_list_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_switch);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
}
