/* crm-timeline-pane.c — the right side of a card: composer and timeline
 *
 * The list is a GtkListView over a CrmTimelineModel, newest first; the
 * model pages by itself as the view scrolls. Sending a comment only writes
 * it: the model learns about it through the store's change notification
 * and puts it at the top, as it would for a comment written elsewhere.
 *
 * GTK 4.8's list view keeps a widget for each of up to 200 items, so it
 * sees a slice of the model that grows as the reader nears its end: the
 * rows built are those scrolled through, not the whole page loaded.
 *
 * The view and the models between it and the element's stay from one
 * card to the next: the slice only gets another element's model.
 *
 * Pinned entries repeat above the list in a small section of their own
 * (crm-timeline-pane-pinned.c). Relative times
 * ("5 minutes ago") are counted again every minute while the pane shows,
 * for the rows that exist: those on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-timeline-pane-private.h"
#include "crm-timeline-row.h"
#include "crm-window.h"

/* Items the list shows at first when it has no height yet (a tall pane's
 * worth), and grows by. */
#define SLICE_STEP 12
/* No row is shorter: an author line and a line of text. */
#define MIN_ROW_HEIGHT 48

G_DEFINE_FINAL_TYPE (CrmTimelinePane, crm_timeline_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ELEMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_composer_text (CrmTimelinePane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer_text);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_send_action (CrmTimelinePane *self)
{
  g_autofree char *text = get_composer_text (self);
  gboolean has_text = *g_strstrip (text) != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.send",
                                 has_text && self->session != NULL && self->element_id != 0);
}

static void
update_empty_state (CrmTimelinePane *self)
{
  guint n_items = 0;

  if (self->model != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "timeline" : "empty");
}

static void
show_error (CrmTimelinePane *self,
            const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), message);
  else
    g_message ("%s", message);
}

/* ---- Relative times ------------------------------------------------------ */

static void
update_times (CrmTimelinePane *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pinned_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    crm_timeline_row_update_time (CRM_TIMELINE_ROW (child), now);

  /* The list view's children hold the rows bound now, not the model's. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (CRM_IS_TIMELINE_ROW (row))
        crm_timeline_row_update_time (CRM_TIMELINE_ROW (row), now);
    }
}

static gboolean
clock_cb (gpointer user_data)
{
  update_times (CRM_TIMELINE_PANE (user_data));

  return G_SOURCE_CONTINUE;
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, crm_timeline_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CrmTimelinePane          *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *row = gtk_list_item_get_child (list_item);

  crm_timeline_row_set_session (CRM_TIMELINE_ROW (row), self->session);
  crm_timeline_row_set_entry (CRM_TIMELINE_ROW (row), gtk_list_item_get_item (list_item), now);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *row = gtk_list_item_get_child (list_item);

  crm_timeline_row_set_entry (CRM_TIMELINE_ROW (row), NULL, now);
}

static void
buffer_changed_cb (CrmTimelinePane *self,
                   GtkTextBuffer   *buffer)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (buffer) == 0);
  update_send_action (self);
}

static gboolean
scroll_to_top_cb (gpointer user_data)
{
  CrmTimelinePane *self = user_data;

  self->scroll_idle_id = 0;

  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    /* Setting the adjustment is not enough: the view keeps its anchor on
     * the row that was first and would push the new one out of sight. */
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);

  return G_SOURCE_REMOVE;
}

/* Once the view has taken in the model's change. */
static void
scroll_to_top (CrmTimelinePane *self)
{
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add (scroll_to_top_cb, self);
}

/* Rows enough to fill the list as tall as it is: the first frame of a
 * card builds no row it does not show, and the slice grows right after
 * (maybe_grow_slice ()). */
static guint
first_slice_size (CrmTimelinePane *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled_window));

  return height > 0 ? (guint) (height / MIN_ROW_HEIGHT + 1) : SLICE_STEP;
}

/* Near the end of what the list shows: show more (and the model, asked
 * for its last items, loads the next page by itself). */
static void
maybe_grow_slice (CrmTimelinePane *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double left = gtk_adjustment_get_upper (vadjustment) -
                gtk_adjustment_get_value (vadjustment) -
                gtk_adjustment_get_page_size (vadjustment);
  guint size;

  if (self->model == NULL || left > gtk_adjustment_get_page_size (vadjustment))
    return;

  size = gtk_slice_list_model_get_size (self->slice);
  if (size < g_list_model_get_n_items (G_LIST_MODEL (self->model)) ||
      crm_timeline_model_has_more (self->model))
    gtk_slice_list_model_set_size (self->slice, size + SLICE_STEP);
}

static gboolean
grow_slice_cb (gpointer user_data)
{
  CrmTimelinePane *self = user_data;

  self->grow_idle_id = 0;
  maybe_grow_slice (self);

  return G_SOURCE_REMOVE;
}

/* Not at once: the adjustment changes while the list view allocates, and
 * rows added then would be drawn before they have a place. */
static void
vadjustment_changed_cb (CrmTimelinePane *self,
                        GtkAdjustment   *vadjustment)
{
  if (self->grow_idle_id == 0)
    self->grow_idle_id = g_idle_add (grow_slice_cb, self);
}

static void
model_items_changed_cb (CrmTimelinePane *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  /* What arrives within the shown part does not push older rows out. */
  if (self->slice != NULL && position < gtk_slice_list_model_get_size (self->slice) && added > removed)
    gtk_slice_list_model_set_size (self->slice, gtk_slice_list_model_get_size (self->slice) + added - removed);

  /* Someone reading the newest entries sees a new one arrive. */
  if (position == 0 && added > 0 && gtk_adjustment_get_value (vadjustment) < 1.0)
    scroll_to_top (self);

  update_empty_state (self);
}

static void
store_changed_cb (CrmStore        *store,
                  CrmChange       *change,
                  CrmTimelinePane *self)
{
  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      if ((item->kind == CRM_CHANGE_ENTRY_ADDED ||
           item->kind == CRM_CHANGE_ENTRY_UPDATED ||
           item->kind == CRM_CHANGE_ENTRY_REMOVED) &&
          item->parent == self->element_id)
        {
          _crm_timeline_pane_update_pinned (self);
          return;
        }
    }
}

/* ---- Actions ------------------------------------------------------------- */

static void
toggle_pinned_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrmTimelinePane *self = CRM_TIMELINE_PANE (widget);

  self->pinned_expanded = !self->pinned_expanded;
  _crm_timeline_pane_update_pinned (self);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmTimelinePane *self = CRM_TIMELINE_PANE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = get_composer_text (self);

  g_strstrip (text);
  if (*text == '\0' || self->session == NULL || self->element_id == 0)
    return;

  if (crm_timeline_add_comment (self->session, self->element_id, text, &error) == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: a toast; %s is why */
      message = g_strdup_printf (_("Could not add the comment: %s"), error->message);
      show_error (self, message);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_text), "", 0);
  scroll_to_top (self);
}

/* ---- GtkWidget ----------------------------------------------------------- */

static void
crm_timeline_pane_map (GtkWidget *widget)
{
  CrmTimelinePane *self = CRM_TIMELINE_PANE (widget);

  GTK_WIDGET_CLASS (crm_timeline_pane_parent_class)->map (widget);

  /* Time went by while the pane was hidden. */
  update_times (self);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, clock_cb, self);
}

static void
crm_timeline_pane_unmap (GtkWidget *widget)
{
  CrmTimelinePane *self = CRM_TIMELINE_PANE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (crm_timeline_pane_parent_class)->unmap (widget);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_timeline_pane_dispose (GObject *object)
{
  CrmTimelinePane *self = CRM_TIMELINE_PANE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));

  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->grow_idle_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TIMELINE_PANE);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_timeline_pane_parent_class)->dispose (object);
}

static void
crm_timeline_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmTimelinePane *self = CRM_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_ELEMENT_ID:
      g_value_set_int64 (value, self->element_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_timeline_pane_class_init (CrmTimelinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_timeline_pane_dispose;
  object_class->get_property = crm_timeline_pane_get_property;

  widget_class->map = crm_timeline_pane_map;
  widget_class->unmap = crm_timeline_pane_unmap;

  properties[PROP_ELEMENT_ID] =
    g_param_spec_int64 ("element-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-timeline-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, composer_text);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, pinned_list);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, pinned_more_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, pinned_section);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, send_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelinePane, stack);

  gtk_widget_class_install_action (widget_class, "timeline.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.toggle-pinned", NULL, toggle_pinned_action_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-timeline-pane");
}

static void
crm_timeline_pane_init (CrmTimelinePane *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self->send_button), "send-button");
  gtk_widget_set_name (GTK_WIDGET (self->composer_text), "composer-text");
  gtk_widget_set_name (GTK_WIDGET (self->list_view), "timeline-list");
  gtk_widget_set_name (GTK_WIDGET (self->pinned_more_button), "pinned-more-button");

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  self->slice = gtk_slice_list_model_new (NULL, 0, SLICE_STEP);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                           G_CALLBACK (vadjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "changed",
                           G_CALLBACK (vadjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->composer_text), "changed",
                           G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* In the capture phase, before the text view turns Ctrl+Enter into a
   * new line. */
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                               gtk_named_action_new ("timeline.send"));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->composer_text), shortcuts);

  update_send_action (self);
  update_empty_state (self);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_timeline_pane_new (void)
{
  return g_object_new (CRM_TYPE_TIMELINE_PANE, NULL);
}

void
crm_timeline_pane_set_element (CrmTimelinePane *self,
                               CrmSession      *session,
                               gint64           element_id)
{
  g_return_if_fail (CRM_IS_TIMELINE_PANE (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));

  if (self->session == session && self->element_id == element_id)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));

  g_clear_object (&self->model);
  g_set_object (&self->session, session);

  if (session != NULL)
    self->store_changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                               G_CALLBACK (store_changed_cb), self);

  if (self->element_id != element_id)
    {
      self->element_id = element_id;
      /* A draft belongs to the card it was written on. */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_text), "", 0);
      self->pinned_expanded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_ID]);
    }

  if (session != NULL && element_id != 0)
    {
      self->model = crm_timeline_model_new (session, element_id);
      /* After the slice has passed the change on: resizing it from within
       * its own handling would tell the view of items twice. */
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (model_items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  /* The view stays, and so do the slice and the selection over it: the
   * list only hears that its first items are others now. Shrunk first,
   * so no row is built for the new card that it does not show. */
  gtk_slice_list_model_set_size (self->slice,
                                 MIN (first_slice_size (self), gtk_slice_list_model_get_size (self->slice)));
  gtk_slice_list_model_set_model (self->slice, G_LIST_MODEL (self->model));
  gtk_slice_list_model_set_size (self->slice, first_slice_size (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  _crm_timeline_pane_update_pinned (self);
  update_send_action (self);
  update_empty_state (self);
}

gint64
crm_timeline_pane_get_element_id (CrmTimelinePane *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_PANE (self), 0);

  return self->element_id;
}

GListModel *
crm_timeline_pane_get_model (CrmTimelinePane *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_PANE (self), NULL);

  return G_LIST_MODEL (self->model);
}
