/* crm-kanban-board.c — a column per stage of one pipeline
 *
 * The board owns what the columns share: the pipeline shown (a switcher
 * when the type has several), the search, and the counts and totals of
 * every column, read in one call (crm_stage_summary_load) on an idle
 * after whatever changed them, so a burst of changes reads them once.
 * The columns page their own cards. A click on a card activates
 * kanban.open-element, which the board turns into ::element-activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-kanban-board.h"

struct _CrmKanbanBoard
{
  GtkWidget       parent_instance;

  CrmSession     *session;
  gint64          entity_type_id;
  gint64          pipeline_id;
  GArray         *pipeline_ids;     /* what the switcher lists, in order */
  char           *stages_key;       /* the columns' stages as shown, to spot real changes */
  GPtrArray      *columns;          /* of CrmKanbanColumn, in stage order */
  guint           summary_idle_id;
  guint           syncing;
  gulong          store_changed_id;

  /* Template widgets */
  GtkBox         *columns_box;
  GtkStringList  *pipeline_names;
  GtkDropDown    *pipeline_switcher;
  GtkScrolledWindow *scrolled_window;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
};

G_DEFINE_FINAL_TYPE (CrmKanbanBoard, crm_kanban_board, GTK_TYPE_WIDGET)

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CrmCatalog *
get_catalog (CrmKanbanBoard *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static const char *
get_search (CrmKanbanBoard *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/* ---- Summaries ------------------------------------------------------------ */

void
crm_kanban_board_update_summaries (CrmKanbanBoard *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  CrmField *money_field;

  g_return_if_fail (CRM_IS_KANBAN_BOARD (self));

  g_clear_handle_id (&self->summary_idle_id, g_source_remove);
  if (self->pipeline_id == 0 || self->columns->len == 0)
    return;

  summaries = crm_stage_summary_load (self->session, self->pipeline_id, NULL, get_search (self), &error);
  if (summaries == NULL)
    {
      /* Rights taken away while shown: the columns say it by staying empty. */
      if (!g_error_matches (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED))
        g_warning ("Could not count the kanban's elements: %s", error->message);
      return;
    }

  money_field = crm_catalog_find_field (get_catalog (self), self->entity_type_id, "amount");
  for (guint i = 0; i < summaries->len; i++)
    {
      CrmStageSummary *summary = g_ptr_array_index (summaries, i);
      CrmKanbanColumn *column = crm_kanban_board_get_column (self, summary->stage_id);

      if (column != NULL)
        crm_kanban_column_set_summary (column, summary, money_field);
    }
}

static gboolean
summary_idle_cb (gpointer data)
{
  CrmKanbanBoard *self = data;

  self->summary_idle_id = 0;
  crm_kanban_board_update_summaries (self);
  return G_SOURCE_REMOVE;
}

static void
queue_summaries (CrmKanbanBoard *self)
{
  if (self->summary_idle_id == 0)
    self->summary_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, summary_idle_cb, self, NULL);
}

/* ---- Columns -------------------------------------------------------------- */

static char *
make_stages_key (CrmPipeline *pipeline)
{
  GListModel *stages = crm_pipeline_get_stages (pipeline);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (key, "%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1e",
                              crm_stage_get_id (stage), crm_stage_get_code (stage),
                              crm_stage_get_name (stage), crm_stage_get_color (stage));
    }
  return g_string_free (key, FALSE);
}

static void
clear_columns (CrmKanbanBoard *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    gtk_box_remove (self->columns_box, g_ptr_array_index (self->columns, i));
  g_ptr_array_set_size (self->columns, 0);
  g_clear_pointer (&self->stages_key, g_free);
}

/* Builds the pipeline's columns again, unless its stages look the same as
 * the ones shown (a catalog reload after a field was created): the
 * columns then keep their scroll. */
static void
build_columns (CrmKanbanBoard *self)
{
  CrmPipeline *pipeline = self->pipeline_id != 0 ? crm_catalog_get_pipeline (get_catalog (self), self->pipeline_id) : NULL;
  g_autofree char *key = NULL;
  GListModel *stages;

  if (pipeline == NULL)
    {
      clear_columns (self);
      return;
    }
  key = make_stages_key (pipeline);
  if (g_strcmp0 (key, self->stages_key) == 0)
    return;

  clear_columns (self);
  self->stages_key = g_steal_pointer (&key);
  stages = crm_pipeline_get_stages (pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      GtkWidget *column = crm_kanban_column_new (self->session, self->entity_type_id, stage, get_search (self));

      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scrolled_window), 0);
  crm_kanban_board_update_summaries (self);
}

/* The switcher lists the type's pipelines as the catalog has them now. */
static void
fill_pipelines (CrmKanbanBoard *self)
{
  GListModel *pipelines = self->entity_type_id != 0 ? crm_catalog_get_pipelines (get_catalog (self), self->entity_type_id) : NULL;
  guint n = pipelines != NULL ? g_list_model_get_n_items (pipelines) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  self->syncing++;
  g_array_set_size (self->pipeline_ids, 0);
  gtk_string_list_splice (self->pipeline_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pipeline_names)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);
      gint64 id = crm_pipeline_get_id (pipeline);

      g_array_append_val (self->pipeline_ids, id);
      gtk_string_list_append (self->pipeline_names, crm_pipeline_get_name (pipeline));
      if (id == self->pipeline_id)
        selected = i;
    }
  gtk_drop_down_set_selected (self->pipeline_switcher, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_switcher), n > 1);
  self->syncing--;
}

/* ---- Callbacks ------------------------------------------------------------ */

static void
pipeline_selected_cb (CrmKanbanBoard *self,
                      GParamSpec     *pspec,
                      GtkDropDown    *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->syncing > 0 || selected >= self->pipeline_ids->len)
    return;
  crm_kanban_board_set_pipeline (self, g_array_index (self->pipeline_ids, gint64, selected));
}

static void
search_changed_cb (CrmKanbanBoard *self,
                   GtkSearchEntry *entry)
{
  for (guint i = 0; i < self->columns->len; i++)
    crm_kanban_column_set_search (g_ptr_array_index (self->columns, i), get_search (self));
  crm_kanban_board_update_summaries (self);
}

static void
search_stop_cb (CrmKanbanBoard *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
open_element_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_signal_emit (widget, signals[ELEMENT_ACTIVATED], 0, g_variant_get_int64 (parameter));
}

/* Elements of this type changed: the columns' models follow by
 * themselves, the counts are read again. The catalog changed: the type,
 * its pipelines or stages may be gone or different. */
static void
store_changed_cb (CrmStore       *store,
                  CrmChange      *change,
                  CrmKanbanBoard *self)
{
  if (self->entity_type_id == 0)
    return;

  if (crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    {
      CrmCatalog *catalog = get_catalog (self);

      if (crm_catalog_get_entity_type (catalog, self->entity_type_id) == NULL)
        {
          crm_kanban_board_set_entity_type (self, NULL);
          return;
        }
      if (crm_catalog_get_pipeline (catalog, self->pipeline_id) == NULL)
        {
          CrmPipeline *pipeline = crm_catalog_get_default_pipeline (catalog, self->entity_type_id);

          self->pipeline_id = pipeline != NULL ? crm_pipeline_get_id (pipeline) : 0;
        }
      fill_pipelines (self);
      build_columns (self);
      /* Rights and visibility may have changed with it. */
      queue_summaries (self);
      return;
    }

  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      if ((item->kind == CRM_CHANGE_ELEMENT_ADDED || item->kind == CRM_CHANGE_ELEMENT_UPDATED ||
           item->kind == CRM_CHANGE_ELEMENT_REMOVED) && item->parent == self->entity_type_id)
        {
          queue_summaries (self);
          return;
        }
    }
}

/* ---- GObject -------------------------------------------------------------- */

static void
crm_kanban_board_dispose (GObject *object)
{
  CrmKanbanBoard *self = CRM_KANBAN_BOARD (object);

  g_clear_handle_id (&self->summary_idle_id, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));
  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_KANBAN_BOARD);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_kanban_board_parent_class)->dispose (object);
}

static void
crm_kanban_board_finalize (GObject *object)
{
  CrmKanbanBoard *self = CRM_KANBAN_BOARD (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->pipeline_ids, g_array_unref);
  g_free (self->stages_key);

  G_OBJECT_CLASS (crm_kanban_board_parent_class)->finalize (object);
}

static void
crm_kanban_board_class_init (CrmKanbanBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_kanban_board_dispose;
  object_class->finalize = crm_kanban_board_finalize;

  /**
   * CrmKanbanBoard::element-activated:
   * @id: the element's id
   *
   * A card was clicked, or Enter pressed on it.
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-kanban-board.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanBoard, columns_box);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanBoard, pipeline_names);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanBoard, pipeline_switcher);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanBoard, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanBoard, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanBoard, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, pipeline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_install_action (widget_class, "kanban.open-element", "x", open_element_action_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-kanban-board");
}

static void
crm_kanban_board_init (CrmKanbanBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new ();
  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "search-entry");
  gtk_widget_set_name (GTK_WIDGET (self->pipeline_switcher), "pipeline-switcher");
  gtk_widget_set_name (GTK_WIDGET (self->columns_box), "kanban-columns");
}

/* ---- Public API ----------------------------------------------------------- */

GtkWidget *
crm_kanban_board_new (CrmSession *session)
{
  CrmKanbanBoard *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_KANBAN_BOARD, NULL);
  self->session = g_object_ref (session);
  self->store_changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                             G_CALLBACK (store_changed_cb), self);
  return GTK_WIDGET (self);
}

void
crm_kanban_board_set_entity_type (CrmKanbanBoard *self,
                                  CrmEntityType  *entity_type)
{
  CrmPipeline *pipeline = NULL;
  gint64 id;

  g_return_if_fail (CRM_IS_KANBAN_BOARD (self));
  g_return_if_fail (entity_type == NULL || CRM_IS_ENTITY_TYPE (entity_type));

  if (entity_type != NULL && !crm_entity_type_has_stages (entity_type))
    entity_type = NULL;
  id = entity_type != NULL ? crm_entity_type_get_id (entity_type) : 0;
  if (id == self->entity_type_id)
    return;

  self->entity_type_id = id;
  if (entity_type != NULL)
    {
      g_autofree char *placeholder = NULL;

      pipeline = crm_catalog_get_default_pipeline (get_catalog (self), id);
      /* Translators: placeholder of the search entry above a kanban, with
       * the plural name of what it shows: "Search Deals" */
      placeholder = g_strdup_printf (_("Search %s"), crm_entity_type_get_name_plural (entity_type));
      g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
    }
  self->pipeline_id = pipeline != NULL ? crm_pipeline_get_id (pipeline) : 0;
  fill_pipelines (self);
  clear_columns (self);
  build_columns (self);
}

gint64
crm_kanban_board_get_entity_type_id (CrmKanbanBoard *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_BOARD (self), 0);
  return self->entity_type_id;
}

void
crm_kanban_board_set_pipeline (CrmKanbanBoard *self,
                               gint64          pipeline_id)
{
  CrmPipeline *pipeline;

  g_return_if_fail (CRM_IS_KANBAN_BOARD (self));

  pipeline = crm_catalog_get_pipeline (get_catalog (self), pipeline_id);
  if (pipeline == NULL || crm_pipeline_get_entity_type_id (pipeline) != self->entity_type_id ||
      pipeline_id == self->pipeline_id)
    return;
  self->pipeline_id = pipeline_id;
  fill_pipelines (self);
  build_columns (self);
}

gint64
crm_kanban_board_get_pipeline (CrmKanbanBoard *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_BOARD (self), 0);
  return self->pipeline_id;
}

GtkEditable *
crm_kanban_board_get_search_entry (CrmKanbanBoard *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_BOARD (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
crm_kanban_board_focus_search (CrmKanbanBoard *self)
{
  g_return_if_fail (CRM_IS_KANBAN_BOARD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

CrmKanbanColumn *
crm_kanban_board_get_column (CrmKanbanBoard *self,
                             gint64          stage_id)
{
  g_return_val_if_fail (CRM_IS_KANBAN_BOARD (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (self->columns, i);

      if (crm_kanban_column_get_stage_id (column) == stage_id)
        return column;
    }
  return NULL;
}
