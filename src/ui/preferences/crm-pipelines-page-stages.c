/* crm-pipelines-page-stages.c — the page's list of stages: the rows, what
 * their gestures ask of the core, dragging them into order, adding one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-pipelines-page-private.h"
#include "crm-stage-row.h"

/* New stages take the first of these colours the pipeline does not use. */
static const char * const palette[] = {
  "#39a8ef", "#2fc6f6", "#55d0e0", "#47e4c2", "#ffa900", "#f7a8c8", "#a07cf0", "#9dcf00", "#e89b06", "#3584e4",
};


static void
show_error (CrmPipelinesPage *self,
            GError           *error)
{
  _crm_pipelines_page_add_toast (self, error->message);
}

CrmStageRow *
_crm_pipelines_page_find_row (CrmPipelinesPage *self,
          gint64            stage_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRM_IS_STAGE_ROW (child) && crm_stage_row_get_stage_id (CRM_STAGE_ROW (child)) == stage_id)
      return CRM_STAGE_ROW (child);
  return NULL;
}


/* ---- Rows ---------------------------------------------------------------- */

static void row_rename_cb    (CrmPipelinesPage *self, const char *name, CrmStageRow *row);
static void row_color_set_cb (CrmPipelinesPage *self, const char *color, CrmStageRow *row);
static void row_semantics_cb (CrmPipelinesPage *self, int semantics, CrmStageRow *row);
static void row_move_cb      (CrmPipelinesPage *self, int delta, CrmStageRow *row);
static void row_delete_cb    (CrmPipelinesPage *self, CrmStageRow *row);

void
_crm_pipelines_page_fill_stages (CrmPipelinesPage *self)
{
  CrmPipeline *pipeline = _crm_pipelines_page_get_pipeline (self);
  GListModel *stages = pipeline != NULL ? crm_pipeline_get_stages (pipeline) : NULL;
  guint n = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  guint counts[CRM_STAGE_FAILURE + 1] = { 0, };
  GtkListBoxRow *old;
  CrmStageSemantics previous = -1;

  while ((old = gtk_list_box_get_row_at_index (self->stages_list, 0)) != NULL)
    gtk_list_box_remove (self->stages_list, GTK_WIDGET (old));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      counts[crm_stage_get_semantics (stage)]++;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(CrmStage) next = i + 1 < n ? g_list_model_get_item (stages, i + 1) : NULL;
      g_autoptr(GError) error = NULL;
      CrmStageSemantics semantics = crm_stage_get_semantics (stage);
      gint64 n_elements = crm_stage_count_elements (self->session, crm_stage_get_id (stage), &error);
      GtkWidget *row = crm_stage_row_new (stage, MAX (n_elements, 0));

      /* Moves stay within the stage's part of the pipeline. */
      crm_stage_row_set_can_move (CRM_STAGE_ROW (row),
                                  semantics != CRM_STAGE_SUCCESS && previous == semantics,
                                  semantics != CRM_STAGE_SUCCESS && next != NULL &&
                                  crm_stage_get_semantics (next) == semantics);
      if (semantics == CRM_STAGE_SUCCESS)
        crm_stage_row_set_can_delete (CRM_STAGE_ROW (row), FALSE,
                                      _("A pipeline has exactly one success stage: it cannot be deleted"));
      else if (counts[semantics] == 1)
        crm_stage_row_set_can_delete (CRM_STAGE_ROW (row), FALSE,
                                      semantics == CRM_STAGE_PROGRESS
                                      ? _("A pipeline needs at least one stage in progress")
                                      : _("A pipeline needs at least one failure stage"));
      else
        crm_stage_row_set_can_delete (CRM_STAGE_ROW (row), TRUE, NULL);

      g_signal_connect_object (row, "rename", G_CALLBACK (row_rename_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "color-set", G_CALLBACK (row_color_set_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "semantics-set", G_CALLBACK (row_semantics_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "delete", G_CALLBACK (row_delete_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->stages_list, row);
      previous = semantics;
    }
}


/* ---- Row gestures -------------------------------------------------------- */

static void
row_rename_cb (CrmPipelinesPage *self,
               const char       *name,
               CrmStageRow      *row)
{
  g_autoptr(GError) error = NULL;

  if (!crm_stage_rename (self->session, crm_stage_row_get_stage_id (row), name, &error))
    show_error (self, error);
  /* Refused, the row shows the stored name again. */
  _crm_pipelines_page_queue_refresh (self);
}

static void
row_color_set_cb (CrmPipelinesPage *self,
                  const char       *color,
                  CrmStageRow      *row)
{
  g_autoptr(GError) error = NULL;

  if (!crm_stage_set_color (self->session, crm_stage_row_get_stage_id (row), color, &error))
    show_error (self, error);
  _crm_pipelines_page_queue_refresh (self);
}

static void
row_semantics_cb (CrmPipelinesPage *self,
                  int               semantics,
                  CrmStageRow      *row)
{
  g_autoptr(GError) error = NULL;

  if (!crm_stage_set_semantics (self->session, crm_stage_row_get_stage_id (row), semantics, &error))
    show_error (self, error);
  self->focus_stage_id = crm_stage_row_get_stage_id (row);
  _crm_pipelines_page_queue_refresh (self);
}

static void
move_stage (CrmPipelinesPage *self,
            gint64            stage_id,
            guint             position)
{
  g_autoptr(GError) error = NULL;

  if (!crm_stage_move (self->session, stage_id, position, &error))
    show_error (self, error);
  /* So Alt+↑ can be pressed again from the same row. */
  self->focus_stage_id = stage_id;
  _crm_pipelines_page_queue_refresh (self);
}

static void
row_move_cb (CrmPipelinesPage *self,
             int               delta,
             CrmStageRow      *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index + delta < 0)
    return;
  move_stage (self, crm_stage_row_get_stage_id (row), index + delta);
}

static void
row_delete_cb (CrmPipelinesPage *self,
               CrmStageRow      *row)
{
  _crm_pipelines_page_ask_delete_stage (self, crm_stage_row_get_stage_id (row));
}

/* ---- Dragging stages ----------------------------------------------------- */

static void
clear_drop_indicator (CrmPipelinesPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_remove_css_class (child, "crm-drop-above");
      gtk_widget_remove_css_class (child, "crm-drop-below");
    }
}

/* Where a stage dropped at @y would go, counting rows before it leaves. */
static guint
get_drop_index (CrmPipelinesPage *self,
                double            y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->stages_list, (int) y);
  guint n = 0;
  graphene_rect_t bounds;
  int index;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += CRM_IS_STAGE_ROW (child);
  if (row == NULL)
    return y < 0 ? 0 : n;
  index = gtk_list_box_row_get_index (row);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->stages_list), &bounds))
    return index;
  return y < bounds.origin.y + bounds.size.height / 2 ? (guint) index : (guint) index + 1;
}

/* The dragged row's new position when it may land at @to: among the
 * stages of its own part; -1 otherwise. */
static int
get_drop_position (CrmPipelinesPage *self,
                   GtkListBoxRow    *dragged,
                   guint             to)
{
  CrmStageSemantics semantics;
  int from, position;

  if (dragged == NULL || gtk_widget_get_parent (GTK_WIDGET (dragged)) != GTK_WIDGET (self->stages_list) ||
      !CRM_IS_STAGE_ROW (dragged))
    return -1;
  semantics = crm_stage_row_get_semantics (CRM_STAGE_ROW (dragged));
  if (semantics == CRM_STAGE_SUCCESS)
    return -1;
  from = gtk_list_box_row_get_index (dragged);
  position = to > (guint) from ? (int) to - 1 : (int) to;
  for (int i = MIN (from, position); i <= MAX (from, position); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->stages_list, i);

      if (row == NULL || crm_stage_row_get_semantics (CRM_STAGE_ROW (row)) != semantics)
        return -1;
    }
  return position;
}

static GdkDragAction
drop_motion_cb (CrmPipelinesPage *self,
                double            x,
                double            y,
                GtkDropTarget    *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  GtkListBoxRow *dragged = value != NULL && G_VALUE_HOLDS (value, GTK_TYPE_LIST_BOX_ROW)
                           ? g_value_get_object (value) : NULL;
  guint to = get_drop_index (self, y);
  GtkListBoxRow *row;

  clear_drop_indicator (self);
  if (get_drop_position (self, dragged, to) < 0)
    return 0;
  if ((row = gtk_list_box_get_row_at_index (self->stages_list, to)) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "crm-drop-above");
  else if ((row = gtk_list_box_get_row_at_index (self->stages_list, to - 1)) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "crm-drop-below");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (CrmPipelinesPage *self,
               GtkDropTarget    *target)
{
  clear_drop_indicator (self);
}

static gboolean
drop_cb (CrmPipelinesPage *self,
         const GValue     *value,
         double            x,
         double            y,
         GtkDropTarget    *target)
{
  GtkListBoxRow *dragged = g_value_get_object (value);
  int position = get_drop_position (self, dragged, get_drop_index (self, y));

  clear_drop_indicator (self);
  if (position < 0)
    return FALSE;
  move_stage (self, crm_stage_row_get_stage_id (CRM_STAGE_ROW (dragged)), position);
  return TRUE;
}

void
_crm_pipelines_page_add_drop_target (CrmPipelinesPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stages_list), GTK_EVENT_CONTROLLER (target));
}

/* ---- Adding -------------------------------------------------------------- */

/* "New stage", or "New stage 2" … when a stage has that name. */
static char *
make_stage_name (CrmPipeline *pipeline)
{
  GListModel *stages = crm_pipeline_get_stages (pipeline);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (_("New stage"))
                                     /* Translators: a new stage's name when "New stage" is taken */
                                     : g_strdup_printf (_("New stage %u"), n);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      gboolean taken = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (stages) && !taken; i++)
        {
          g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
          g_autofree char *other = g_utf8_casefold (crm_stage_get_name (stage), -1);

          taken = g_str_equal (folded, other);
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static const char *
pick_color (CrmPipeline *pipeline)
{
  GListModel *stages = crm_pipeline_get_stages (pipeline);

  for (guint c = 0; c < G_N_ELEMENTS (palette); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (stages) && !used; i++)
        {
          g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

          used = g_ascii_strcasecmp (crm_stage_get_color (stage), palette[c]) == 0;
        }
      if (!used)
        return palette[c];
    }
  return palette[0];
}

void
_crm_pipelines_page_add_stage (CrmPipelinesPage *self)
{
  CrmPipeline *pipeline = _crm_pipelines_page_get_pipeline (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (pipeline == NULL)
    return;
  name = make_stage_name (pipeline);
  id = crm_stage_create (self->session, self->pipeline_id, name, pick_color (pipeline), CRM_STAGE_PROGRESS, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }
  /* Named at once, as in a kanban's new column. */
  self->edit_stage_id = id;
  _crm_pipelines_page_queue_refresh (self);
}

