/* crm-kanban-column.c — one stage on the kanban
 *
 * The header (a strip in the stage's colour, the name, how many elements
 * and what their amounts add up to, as the board hands them down) above
 * a GtkListView on the stage's paged column model, so a long column reads
 * only the pages scrolled to. The whole column is a drop target: while a
 * card hovers it shows where the card goes, and a drop runs the same move
 * as the card's stage bar (crm_stage_move_run): confirmation of a final
 * stage, the fields the stage requires, then the write. The move arrives
 * back through the store's change notification, in both columns' models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-kanban-card.h"
#include "crm-kanban-column.h"
#include "crm-stage-move.h"
#include "crm-stage-style.h"

/* A screenful of cards and a little more: GTK 4.8's list view makes a
 * widget for every item it has before the first frame, so a bigger first
 * page only slows the board down; the next pages load while scrolling. */
#define PAGE_SIZE 12

struct _CrmKanbanColumn
{
  GtkWidget            parent_instance;

  CrmSession          *session;
  gint64               entity_type_id;
  gint64               stage_id;
  CrmElementListModel *model;
  char                *count_text;
  char                *total_text;

  /* Template widgets */
  GtkLabel            *count_label;
  GtkRevealer         *drop_revealer;
  GtkLabel            *drop_label;
  GtkWidget           *header;
  GtkListView         *list_view;
  GtkLabel            *name_label;
  GtkStack            *stack;
  GtkWidget           *strip;
  GtkLabel            *total_label;
};

G_DEFINE_FINAL_TYPE (CrmKanbanColumn, crm_kanban_column, GTK_TYPE_WIDGET)

static void
update_empty (CrmKanbanColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "cards" : "empty");
}

/* ---- Cards ---------------------------------------------------------------- */

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CrmKanbanColumn          *self)
{
  gtk_list_item_set_child (list_item, crm_kanban_card_new (self->session));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CrmKanbanColumn          *self)
{
  crm_kanban_card_set_element (CRM_KANBAN_CARD (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
list_view_activate_cb (CrmKanbanColumn *self,
                       guint            position,
                       GtkListView     *list_view)
{
  g_autoptr(CrmElement) element = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (element != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "kanban.open-element", "x",
                                crm_element_get_id (element));
}

static void
model_items_changed_cb (CrmKanbanColumn *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  update_empty (self);
}

/* ---- Drop target ---------------------------------------------------------- */

static void
show_drop (CrmKanbanColumn *self,
           gboolean         shown)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, shown);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (self), "crm-drop-here");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "crm-drop-here");
}

/* A card of this very stage is no move: the column does not light up. */
static gboolean
accepts (CrmKanbanColumn *self,
         const GValue    *value)
{
  CrmElement *element;

  if (value == NULL || !G_VALUE_HOLDS (value, CRM_TYPE_ELEMENT))
    return TRUE;
  element = g_value_get_object (value);
  return element != NULL &&
         crm_element_get_entity_type_id (element) == self->entity_type_id &&
         crm_element_get_stage_id (element) != self->stage_id;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget   *target,
               double           x,
               double           y,
               CrmKanbanColumn *self)
{
  if (!accepts (self, gtk_drop_target_get_value (target)))
    return 0;
  show_drop (self, TRUE);
  return GDK_ACTION_MOVE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget   *target,
                double           x,
                double           y,
                CrmKanbanColumn *self)
{
  return accepts (self, gtk_drop_target_get_value (target)) ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               CrmKanbanColumn *self)
{
  show_drop (self, FALSE);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         CrmKanbanColumn *self)
{
  show_drop (self, FALSE);
  return crm_kanban_column_drop (self, g_value_get_object (value));
}

/* ---- GObject -------------------------------------------------------------- */

static void
crm_kanban_column_dispose (GObject *object)
{
  CrmKanbanColumn *self = CRM_KANBAN_COLUMN (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_KANBAN_COLUMN);
  g_clear_object (&self->model);
  g_clear_object (&self->session);
  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->total_text, g_free);

  G_OBJECT_CLASS (crm_kanban_column_parent_class)->dispose (object);
}

static void
crm_kanban_column_class_init (CrmKanbanColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_kanban_column_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-kanban-column.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, drop_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, header);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, strip);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, total_label);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-kanban-column");
}

static void
crm_kanban_column_init (CrmKanbanColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  target = gtk_drop_target_new (CRM_TYPE_ELEMENT, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* ---- Public API ----------------------------------------------------------- */

GtkWidget *
crm_kanban_column_new (CrmSession *session,
                       gint64      entity_type_id,
                       CrmStage   *stage,
                       const char *search)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hint = NULL;
  CrmKanbanColumn *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_STAGE (stage), NULL);

  self = g_object_new (CRM_TYPE_KANBAN_COLUMN, NULL);
  self->session = g_object_ref (session);
  self->entity_type_id = entity_type_id;
  self->stage_id = crm_stage_get_id (stage);

  name = g_strdup_printf ("kanban-column-%s", crm_stage_get_code (stage));
  g_strdelimit (name, "_", '-');
  gtk_widget_set_name (GTK_WIDGET (self), name);
  gtk_label_set_text (self->name_label, crm_stage_get_name (stage));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), crm_stage_get_name (stage));
  crm_stage_style_add_class (self->strip, crm_stage_get_color (stage));
  /* Translators: shown in a kanban column while a card is dragged over
   * it; %s is the stage's name */
  hint = g_strdup_printf (_("Move to “%s”"), crm_stage_get_name (stage));
  gtk_label_set_text (self->drop_label, hint);

  self->model = crm_element_list_model_new_for_stage (session, entity_type_id, self->stage_id, PAGE_SIZE);
  if (search != NULL && *search != '\0')
    crm_element_list_model_set_search (self->model, search);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_empty (self);

  return GTK_WIDGET (self);
}

gint64
crm_kanban_column_get_stage_id (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), 0);
  return self->stage_id;
}

GListModel *
crm_kanban_column_get_model (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return G_LIST_MODEL (self->model);
}

void
crm_kanban_column_set_search (CrmKanbanColumn *self,
                              const char      *search)
{
  g_return_if_fail (CRM_IS_KANBAN_COLUMN (self));

  crm_element_list_model_set_search (self->model, search != NULL && *search != '\0' ? search : NULL);
  update_empty (self);
}

static char *
format_totals (CrmKanbanColumn       *self,
               const CrmStageSummary *summary,
               CrmField              *money_field)
{
  const CrmFieldOptions *options = money_field != NULL ? crm_field_get_options (money_field) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < summary->totals->len; i++)
    {
      const CrmMoneyTotal *total = &g_array_index (summary->totals, CrmMoneyTotal, i);

      if (text->len > 0)
        g_string_append (text, " + ");
      if (total->overflow)
        {
          /* Translators: a kanban column's total that is too large to
           * add up; %s is the currency code, such as BRL */
          g_string_append_printf (text, _("too much %s to add up"), total->currency);
        }
      else
        {
          CrmValue value = { CRM_FIELD_TYPE_MONEY, total->minor_units, NULL, total->currency, NULL };
          g_autofree char *formatted = crm_value_format (&value, options, crm_session_get_locale (self->session));

          g_string_append (text, formatted);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
crm_kanban_column_set_summary (CrmKanbanColumn       *self,
                               const CrmStageSummary *summary,
                               CrmField              *money_field)
{
  g_autofree char *total = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (CRM_IS_KANBAN_COLUMN (self));
  g_return_if_fail (summary != NULL);

  g_free (self->count_text);
  self->count_text = g_strdup_printf ("%u", summary->count);
  gtk_label_set_text (self->count_label, self->count_text);
  /* Translators: tooltip of a kanban column's count */
  tooltip = g_strdup_printf (ngettext ("%u element", "%u elements", summary->count), summary->count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), tooltip);

  total = summary->amount_hidden ? g_strdup ("") : format_totals (self, summary, money_field);
  if (*total == '\0' && !summary->amount_hidden && money_field != NULL)
    {
      CrmValue zero = { CRM_FIELD_TYPE_MONEY, 0, NULL, NULL, NULL };

      g_free (total);
      total = crm_value_format (&zero, crm_field_get_options (money_field), crm_session_get_locale (self->session));
    }
  g_free (self->total_text);
  self->total_text = g_steal_pointer (&total);
  gtk_label_set_text (self->total_label, self->total_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->total_label), self->total_text);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), *self->total_text != '\0');
}

const char *
crm_kanban_column_get_count_text (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return self->count_text;
}

const char *
crm_kanban_column_get_total_text (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return self->total_text;
}

gboolean
crm_kanban_column_drop (CrmKanbanColumn *self,
                        CrmElement      *element)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), FALSE);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), FALSE);

  if (crm_element_get_entity_type_id (element) != self->entity_type_id ||
      crm_element_get_stage_id (element) == self->stage_id)
    return FALSE;

  crm_stage_move_run (GTK_WIDGET (self), self->session, element, self->stage_id, NULL, NULL);
  return TRUE;
}
