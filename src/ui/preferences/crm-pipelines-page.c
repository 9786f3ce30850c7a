/* crm-pipelines-page.c — Preferences › Pipelines and Stages
 *
 * A kind of element (those with stages the user may administer), one of
 * its pipelines, and that pipeline's stages as a boxed list: dragged by
 * their handles, or moved with Alt+↑/↓ and the row's menu. Every change
 * goes to the core, which keeps the pipeline's rules; the rows are then
 * rebuilt from the catalog once the store says it changed, from an idle
 * so no row goes away in the middle of its own signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-pipelines-page-private.h"
#include "crm-stage-row.h"

/* New stages take the first of these colours the pipeline does not use. */
static const char * const palette[] = {
  "#39a8ef", "#2fc6f6", "#55d0e0", "#47e4c2", "#ffa900", "#f7a8c8", "#a07cf0", "#9dcf00", "#e89b06", "#3584e4",
};

G_DEFINE_FINAL_TYPE (CrmPipelinesPage, crm_pipelines_page, ADW_TYPE_PREFERENCES_PAGE)

/* ---- Helpers ------------------------------------------------------------- */

CrmCatalog *
_crm_pipelines_page_get_catalog (CrmPipelinesPage *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

GtkWindow *
_crm_pipelines_page_get_window (CrmPipelinesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_crm_pipelines_page_add_toast (CrmPipelinesPage *self,
                               const char       *message)
{
  GtkWindow *window = _crm_pipelines_page_get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static gboolean
may_manage (CrmSession    *session,
            CrmEntityType *type)
{
  return crm_entity_type_has_stages (type) &&
         crm_session_has_permission (session, CRM_PERMISSION_PIPELINES_MANAGE, crm_entity_type_get_id (type));
}

static CrmPipeline *
get_pipeline (CrmPipelinesPage *self)
{
  return crm_catalog_get_pipeline (_crm_pipelines_page_get_catalog (self), self->pipeline_id);
}

static CrmStageRow *
find_row (CrmPipelinesPage *self,
          gint64            stage_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRM_IS_STAGE_ROW (child) && crm_stage_row_get_stage_id (CRM_STAGE_ROW (child)) == stage_id)
      return CRM_STAGE_ROW (child);
  return NULL;
}

static void
show_error (CrmPipelinesPage *self,
            GError           *error)
{
  _crm_pipelines_page_add_toast (self, error->message);
}

/* ---- Filling ------------------------------------------------------------- */

static void
select_in (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

static void
fill_types (CrmPipelinesPage *self)
{
  GListModel *types = crm_catalog_get_entity_types (_crm_pipelines_page_get_catalog (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean found = FALSE;

  g_array_set_size (self->type_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);
      gint64 id = crm_entity_type_get_id (type);

      if (!may_manage (self->session, type))
        continue;
      g_array_append_val (self->type_ids, id);
      gtk_string_list_append (names, crm_entity_type_get_name_plural (type));
      found |= id == self->type_id;
    }
  /* Deals first when nothing was chosen: the type with pipelines. */
  for (guint i = 0; !found && i < self->type_ids->len; i++)
    {
      gint64 id = g_array_index (self->type_ids, gint64, i);
      CrmEntityType *type = crm_catalog_get_entity_type (_crm_pipelines_page_get_catalog (self), id);

      if (crm_entity_type_has_pipelines (type))
        {
          self->type_id = id;
          found = TRUE;
        }
    }
  if (!found)
    self->type_id = self->type_ids->len > 0 ? g_array_index (self->type_ids, gint64, 0) : 0;

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
  select_in (self->type_row, self->type_ids, self->type_id);
}

static void
fill_pipelines (CrmPipelinesPage *self)
{
  CrmCatalog *catalog = _crm_pipelines_page_get_catalog (self);
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, self->type_id);
  GListModel *pipelines = crm_catalog_get_pipelines (catalog, self->type_id);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean several = type != NULL && crm_entity_type_has_pipelines (type);
  gboolean found = FALSE;

  g_array_set_size (self->pipeline_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);
      gint64 id = crm_pipeline_get_id (pipeline);

      g_array_append_val (self->pipeline_ids, id);
      gtk_string_list_append (names, crm_pipeline_get_name (pipeline));
      found |= id == self->pipeline_id;
    }
  if (!found)
    {
      CrmPipeline *pipeline = crm_catalog_get_default_pipeline (catalog, self->type_id);

      self->pipeline_id = pipeline != NULL ? crm_pipeline_get_id (pipeline) : 0;
    }

  adw_combo_row_set_model (self->pipeline_row, G_LIST_MODEL (names));
  select_in (self->pipeline_row, self->pipeline_ids, self->pipeline_id);

  /* Leads, quotes and invoices have one set of stages: no pipelines to
   * choose, add or delete. */
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_row), several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pipelines.add-pipeline", several);
  gtk_widget_set_visible (self->add_pipeline_button, several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pipelines.delete-pipeline", self->pipeline_ids->len > 1);
  gtk_widget_set_tooltip_text (self->delete_pipeline_button,
                               self->pipeline_ids->len > 1 ? _("Delete Pipeline")
                                                           : _("The last pipeline of a type cannot be deleted"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pipelines.add-stage", self->pipeline_id != 0);
}

static void row_rename_cb    (CrmPipelinesPage *self, const char *name, CrmStageRow *row);
static void row_color_set_cb (CrmPipelinesPage *self, const char *color, CrmStageRow *row);
static void row_semantics_cb (CrmPipelinesPage *self, int semantics, CrmStageRow *row);
static void row_move_cb      (CrmPipelinesPage *self, int delta, CrmStageRow *row);
static void row_delete_cb    (CrmPipelinesPage *self, CrmStageRow *row);

static void
fill_stages (CrmPipelinesPage *self)
{
  CrmPipeline *pipeline = get_pipeline (self);
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

static void
refresh (CrmPipelinesPage *self)
{
  self->updating = TRUE;
  fill_types (self);
  fill_pipelines (self);
  self->updating = FALSE;
  fill_stages (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CrmPipelinesPage *self = data;
  CrmStageRow *row;

  self->refresh_id = 0;
  refresh (self);
  if (self->edit_stage_id != 0 && (row = find_row (self, self->edit_stage_id)) != NULL)
    crm_stage_row_edit_name (row);
  else if (self->focus_stage_id != 0 && (row = find_row (self, self->focus_stage_id)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  self->edit_stage_id = self->focus_stage_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CrmPipelinesPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
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
  queue_refresh (self);
}

static void
row_color_set_cb (CrmPipelinesPage *self,
                  const char       *color,
                  CrmStageRow      *row)
{
  g_autoptr(GError) error = NULL;

  if (!crm_stage_set_color (self->session, crm_stage_row_get_stage_id (row), color, &error))
    show_error (self, error);
  queue_refresh (self);
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
  queue_refresh (self);
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
  queue_refresh (self);
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

/* ---- Actions ------------------------------------------------------------- */

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

static void
add_stage_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmPipelinesPage *self = CRM_PIPELINES_PAGE (widget);
  CrmPipeline *pipeline = get_pipeline (self);
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
  queue_refresh (self);
}

static void
pipeline_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmPipelinesPage *self = CRM_PIPELINES_PAGE (widget);

  if (g_str_equal (action_name, "pipelines.delete-pipeline"))
    _crm_pipelines_page_ask_delete_pipeline (self);
  else
    _crm_pipelines_page_ask_name (self, g_str_equal (action_name, "pipelines.rename-pipeline"));
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
type_selected_cb (CrmPipelinesPage *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->updating || selected >= self->type_ids->len)
    return;
  crm_pipelines_page_show (self, g_array_index (self->type_ids, gint64, selected), 0);
}

static void
pipeline_selected_cb (CrmPipelinesPage *self)
{
  guint selected = adw_combo_row_get_selected (self->pipeline_row);

  if (self->updating || selected >= self->pipeline_ids->len)
    return;
  crm_pipelines_page_show (self, self->type_id, g_array_index (self->pipeline_ids, gint64, selected));
}

static void
store_changed_cb (CrmStore         *store,
                  CrmChange        *change,
                  CrmPipelinesPage *self)
{
  /* The catalog for the stages, elements for their counts. */
  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    {
      CrmChangeKind kind = crm_change_get_item (change, i)->kind;

      if (kind == CRM_CHANGE_CATALOG || kind == CRM_CHANGE_ELEMENT_ADDED ||
          kind == CRM_CHANGE_ELEMENT_UPDATED || kind == CRM_CHANGE_ELEMENT_REMOVED)
        {
          queue_refresh (self);
          return;
        }
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_pipelines_page_dispose (GObject *object)
{
  CrmPipelinesPage *self = CRM_PIPELINES_PAGE (object);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PIPELINES_PAGE);
  g_clear_object (&self->session);
  g_clear_pointer (&self->type_ids, g_array_unref);
  g_clear_pointer (&self->pipeline_ids, g_array_unref);

  G_OBJECT_CLASS (crm_pipelines_page_parent_class)->dispose (object);
}

static void
crm_pipelines_page_class_init (CrmPipelinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_pipelines_page_dispose;

  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-pipelines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPipelinesPage, add_pipeline_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPipelinesPage, delete_pipeline_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPipelinesPage, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPipelinesPage, stages_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPipelinesPage, stages_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPipelinesPage, type_row);
  gtk_widget_class_bind_template_callback (widget_class, pipeline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);

  gtk_widget_class_install_action (widget_class, "pipelines.add-pipeline", NULL, pipeline_action_cb);
  gtk_widget_class_install_action (widget_class, "pipelines.rename-pipeline", NULL, pipeline_action_cb);
  gtk_widget_class_install_action (widget_class, "pipelines.delete-pipeline", NULL, pipeline_action_cb);
  gtk_widget_class_install_action (widget_class, "pipelines.add-stage", NULL, add_stage_action_cb);
}

static void
crm_pipelines_page_init (CrmPipelinesPage *self)
{
  GtkDropTarget *target;

  g_type_ensure (CRM_TYPE_STAGE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's "name" is the page's, for set_visible_page_name ();
   * this one is the widget's, for tests. */
  gtk_widget_set_name (GTK_WIDGET (self), "pipelines-page");
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stages_list), GTK_EVENT_CONTROLLER (target));
}

/* ---- Public API ---------------------------------------------------------- */

AdwPreferencesPage *
crm_pipelines_page_new (CrmSession *session)
{
  CrmCatalog *catalog;
  GListModel *types;
  CrmPipelinesPage *self;
  gboolean any = FALSE;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  catalog = crm_store_get_catalog (crm_session_get_store (session));
  types = crm_catalog_get_entity_types (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (types) && !any; i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);

      any = may_manage (session, type);
    }
  if (!any)
    return NULL;

  self = g_object_new (CRM_TYPE_PIPELINES_PAGE, NULL);
  self->session = g_object_ref (session);
  refresh (self);
  self->store_changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                             G_CALLBACK (store_changed_cb), self);
  return ADW_PREFERENCES_PAGE (self);
}

gint64
crm_pipelines_page_get_pipeline (CrmPipelinesPage *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINES_PAGE (self), 0);

  return self->pipeline_id;
}

void
crm_pipelines_page_show (CrmPipelinesPage *self,
                         gint64            entity_type_id,
                         gint64            pipeline_id)
{
  g_return_if_fail (CRM_IS_PIPELINES_PAGE (self));

  self->type_id = entity_type_id;
  self->pipeline_id = pipeline_id;
  refresh (self);
}
