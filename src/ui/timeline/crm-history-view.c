/* crm-history-view.c — the History tab: every field change of an element,
 * and the card as it was at a date
 *
 * A table of the element's field-change entries: when, which field, the
 * value before and after, and who. Every column sorts; the column view's
 * sorter drives a GtkSortListModel over the entries. Above it, a date
 * button turns the tab into the card as of the chosen moment (see
 * crm-history-as-of.c), until Now or Back to Present.
 *
 * The entries are read when the tab shows, and again when the store says
 * this element's timeline changed: opening a card costs nothing here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-date-time-button.h"
#include "crm-history-as-of.h"
#include "crm-history-view.h"

typedef enum
{
  COLUMN_WHEN,
  COLUMN_FIELD,
  COLUMN_OLD,
  COLUMN_NEW,
  COLUMN_AUTHOR,
} Column;

struct _CrmHistoryView
{
  GtkWidget             parent_instance;

  CrmSession           *session;
  gint64                element_id;
  gulong                store_changed_id;
  GListStore           *entries;
  GtkSortListModel     *sorted;
  /* Something changed while the tab was hidden: read again on map. */
  guint                 dirty : 1;

  /* Template widgets */
  CrmHistoryAsOf       *as_of_view;
  GtkColumnViewColumn  *author_column;
  GtkColumnView        *column_view;
  CrmDateTimeButton    *date_button;
  GtkColumnViewColumn  *field_column;
  GtkColumnViewColumn  *new_column;
  GtkColumnViewColumn  *old_column;
  GtkStack             *stack;
  GtkColumnViewColumn  *when_column;
};

G_DEFINE_FINAL_TYPE (CrmHistoryView, crm_history_view, GTK_TYPE_WIDGET)

/* ---- Cell text ------------------------------------------------------------ */

static char *
format_when (CrmTimelineEntry *entry)
{
  const CrmLocale *locale = crm_locale_get_default ();
  GDateTime *created_at = crm_timeline_entry_get_created_at (entry);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *format = NULL;

  if (created_at == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (created_at);
  format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);

  return g_date_time_format (local, format);
}

/* What a column shows for @entry; also what its sorter compares. */
static char *
dup_column_text (CrmTimelineEntry *entry,
                 Column            column)
{
  g_autofree char *label = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const char *author;

  if (entry == NULL)
    return g_strdup ("");

  switch (column)
    {
    case COLUMN_WHEN:
      return format_when (entry);

    case COLUMN_AUTHOR:
      author = crm_timeline_entry_get_author_name (entry);
      /* Translators: the author of changes Clientele made itself */
      return g_strdup (author != NULL ? author : _("Clientele"));

    case COLUMN_FIELD:
    case COLUMN_OLD:
    case COLUMN_NEW:
    default:
      if (!crm_timeline_entry_get_change (entry, &label, &old_text, &new_text))
        return g_strdup ("");
      if (column == COLUMN_FIELD)
        return g_steal_pointer (&label);
      if (column == COLUMN_OLD)
        return g_steal_pointer (&old_text);
      return g_steal_pointer (&new_text);
    }
}

/* For the string sorters' expressions. */
static char *
column_text_cb (CrmTimelineEntry *entry,
                gpointer          column)
{
  return dup_column_text (entry, GPOINTER_TO_INT (column));
}

static int
compare_time_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CrmTimelineEntry *entry_a = CRM_TIMELINE_ENTRY ((gpointer) a);
  CrmTimelineEntry *entry_b = CRM_TIMELINE_ENTRY ((gpointer) b);
  GDateTime *time_a = crm_timeline_entry_get_created_at (entry_a);
  GDateTime *time_b = crm_timeline_entry_get_created_at (entry_b);
  int cmp = 0;

  if (time_a != NULL && time_b != NULL)
    cmp = g_date_time_compare (time_a, time_b);
  else
    cmp = (time_a != NULL) - (time_b != NULL);

  /* Changes saved together share a time: the later write is newer. */
  if (cmp == 0)
    cmp = (crm_timeline_entry_get_id (entry_a) > crm_timeline_entry_get_id (entry_b)) -
          (crm_timeline_entry_get_id (entry_a) < crm_timeline_entry_get_id (entry_b));

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ---- Loading ------------------------------------------------------------- */

/* The card as of the chosen moment; a moment still to come is now. */
static void
show_as_of (CrmHistoryView *self,
            GDateTime      *chosen)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *when = g_date_time_compare (chosen, now) > 0 ? now : chosen;

  crm_history_as_of_show (self->as_of_view, self->session, self->element_id, when);
  gtk_stack_set_visible_child_name (self->stack, "as-of");
}

static void
refresh (CrmHistoryView *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *as_of = crm_date_time_button_get_date_time (self->date_button);

  self->dirty = FALSE;

  if (as_of != NULL && self->session != NULL && self->element_id != 0)
    {
      show_as_of (self, as_of);
      return;
    }
  crm_history_as_of_show (self->as_of_view, NULL, 0, NULL);

  if (self->session != NULL && self->element_id != 0)
    {
      changes = crm_timeline_query_field_changes (self->session, self->element_id, &error);
      if (changes == NULL)
        g_message ("Could not read the history of element %" G_GINT64_FORMAT ": %s",
                   self->element_id, error->message);
    }

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       changes != NULL ? changes->pdata : NULL,
                       changes != NULL ? changes->len : 0);

  gtk_stack_set_visible_child_name (self->stack,
                                    changes != NULL && changes->len > 0 ? "changes" : "empty");
}

static void
invalidate (CrmHistoryView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

/* ---- Callbacks ----------------------------------------------------------- */

/* Only when the cell cuts its text short. Asked for, not set at bind:
 * setting a tooltip costs GTK 4.8 an X round trip. */
static gboolean
cell_query_tooltip_cb (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  if (GPOINTER_TO_INT (column) == COLUMN_WHEN)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  column)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = dup_column_text (gtk_list_item_get_item (list_item), GPOINTER_TO_INT (column));
  gboolean is_value = GPOINTER_TO_INT (column) == COLUMN_OLD || GPOINTER_TO_INT (column) == COLUMN_NEW;
  gboolean empty = *text == '\0';

  /* An emptied field reads as a dash, not as nothing. */
  gtk_label_set_text (label, empty && is_value ? "—" : text);
  if (empty && is_value)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
store_changed_cb (CrmStore       *store,
                  CrmChange      *change,
                  CrmHistoryView *self)
{
  if (crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    {
      invalidate (self);
      return;
    }

  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      if ((item->kind == CRM_CHANGE_ENTRY_ADDED ||
           item->kind == CRM_CHANGE_ENTRY_UPDATED ||
           item->kind == CRM_CHANGE_ENTRY_REMOVED) &&
          item->parent == self->element_id)
        {
          invalidate (self);
          return;
        }
    }
}

static void
date_time_changed_cb (CrmHistoryView *self)
{
  invalidate (self);
}

static void
present_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmHistoryView *self = CRM_HISTORY_VIEW (widget);

  crm_date_time_button_set_date_time (self->date_button, NULL);
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   Column               kind)
{
  g_autoptr(GtkSorter) sorter = NULL;

  if (kind == COLUMN_WHEN)
    {
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_time_cb, NULL, NULL));
    }
  else
    {
      GtkExpression *expression;

      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (column_text_cb),
                                                GINT_TO_POINTER (kind), NULL);
      sorter = GTK_SORTER (gtk_string_sorter_new (expression));
    }

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    Column               kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
  set_column_sorter (column, kind);
}

/* ---- GtkWidget ----------------------------------------------------------- */

static void
crm_history_view_map (GtkWidget *widget)
{
  CrmHistoryView *self = CRM_HISTORY_VIEW (widget);

  GTK_WIDGET_CLASS (crm_history_view_parent_class)->map (widget);

  if (self->dirty)
    refresh (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_history_view_dispose (GObject *object)
{
  CrmHistoryView *self = CRM_HISTORY_VIEW (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_HISTORY_VIEW);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->sorted);
  g_clear_object (&self->entries);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_history_view_parent_class)->dispose (object);
}

static void
crm_history_view_class_init (CrmHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_history_view_dispose;

  widget_class->map = crm_history_view_map;

  g_type_ensure (CRM_TYPE_DATE_TIME_BUTTON);
  g_type_ensure (CRM_TYPE_HISTORY_AS_OF);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, as_of_view);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, author_column);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, date_button);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, field_column);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, new_column);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, old_column);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryView, when_column);
  gtk_widget_class_bind_template_callback (widget_class, date_time_changed_cb);

  gtk_widget_class_install_action (widget_class, "history.present", NULL, present_action_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-history-view");
}

static void
crm_history_view_init (CrmHistoryView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self), "history-view");

  set_column_factory (self->when_column, COLUMN_WHEN);
  set_column_factory (self->field_column, COLUMN_FIELD);
  set_column_factory (self->old_column, COLUMN_OLD);
  set_column_factory (self->new_column, COLUMN_NEW);
  set_column_factory (self->author_column, COLUMN_AUTHOR);

  self->entries = g_list_store_new (CRM_TYPE_TIMELINE_ENTRY);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  /* Newest first, as on the timeline. */
  gtk_column_view_sort_by_column (self->column_view, self->when_column, GTK_SORT_DESCENDING);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_history_view_new (void)
{
  return g_object_new (CRM_TYPE_HISTORY_VIEW, NULL);
}

void
crm_history_view_set_element (CrmHistoryView *self,
                              CrmSession     *session,
                              gint64          element_id)
{
  g_return_if_fail (CRM_IS_HISTORY_VIEW (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));

  if (self->session == session && self->element_id == element_id)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));

  g_set_object (&self->session, session);
  self->element_id = element_id;

  if (session != NULL)
    self->store_changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                               G_CALLBACK (store_changed_cb), self);

  /* Another element's rows must not show, not even for a frame; and
   * another card opens in the present. */
  g_list_store_remove_all (self->entries);
  crm_history_as_of_show (self->as_of_view, NULL, 0, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_signal_handlers_block_by_func (self->date_button, date_time_changed_cb, self);
  crm_date_time_button_set_date_time (self->date_button, NULL);
  g_signal_handlers_unblock_by_func (self->date_button, date_time_changed_cb, self);
  invalidate (self);
}

void
crm_history_view_set_as_of (CrmHistoryView *self,
                            GDateTime      *when)
{
  g_return_if_fail (CRM_IS_HISTORY_VIEW (self));

  crm_date_time_button_set_date_time (self->date_button, when);
}

GDateTime *
crm_history_view_get_as_of (CrmHistoryView *self)
{
  g_return_val_if_fail (CRM_IS_HISTORY_VIEW (self), NULL);

  return crm_date_time_button_get_date_time (self->date_button);
}

GtkColumnView *
crm_history_view_get_column_view (CrmHistoryView *self)
{
  g_return_val_if_fail (CRM_IS_HISTORY_VIEW (self), NULL);

  return self->column_view;
}

GListModel *
crm_history_view_get_model (CrmHistoryView *self)
{
  g_return_val_if_fail (CRM_IS_HISTORY_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
