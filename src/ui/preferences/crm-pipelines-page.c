/* crm-pipelines-page.c — Preferences › Pipelines and Stages
 *
 * A kind of element (those with stages the user may administer), one of
 * its pipelines, and that pipeline's stages as a boxed list: dragged by
 * their handles, or moved with Alt+↑/↓ and the row's menu. Every change
 * goes to the core, which keeps the pipeline's rules; the rows are then
 * rebuilt from the catalog once the store says it changed, from an idle
 * so no row goes away in the middle of its own signal. The stages list
 * lives in crm-pipelines-page-stages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-pipelines-page-private.h"
#include "crm-stage-row.h"

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

CrmPipeline *
_crm_pipelines_page_get_pipeline (CrmPipelinesPage *self)
{
  return crm_catalog_get_pipeline (_crm_pipelines_page_get_catalog (self), self->pipeline_id);
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

static void
refresh (CrmPipelinesPage *self)
{
  self->updating = TRUE;
  fill_types (self);
  fill_pipelines (self);
  self->updating = FALSE;
  _crm_pipelines_page_fill_stages (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CrmPipelinesPage *self = data;
  CrmStageRow *row;

  self->refresh_id = 0;
  refresh (self);
  if (self->edit_stage_id != 0 && (row = _crm_pipelines_page_find_row (self, self->edit_stage_id)) != NULL)
    crm_stage_row_edit_name (row);
  else if (self->focus_stage_id != 0 && (row = _crm_pipelines_page_find_row (self, self->focus_stage_id)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  self->edit_stage_id = self->focus_stage_id = 0;
  return G_SOURCE_REMOVE;
}

void
_crm_pipelines_page_queue_refresh (CrmPipelinesPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, self, NULL);
}

/* ---- Actions ------------------------------------------------------------- */

static void
add_stage_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _crm_pipelines_page_add_stage (CRM_PIPELINES_PAGE (widget));
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
          _crm_pipelines_page_queue_refresh (self);
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
  g_type_ensure (CRM_TYPE_STAGE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's "name" is the page's, for set_visible_page_name ();
   * this one is the widget's, for tests. */
  gtk_widget_set_name (GTK_WIDGET (self), "pipelines-page");
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  _crm_pipelines_page_add_drop_target (self);
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

