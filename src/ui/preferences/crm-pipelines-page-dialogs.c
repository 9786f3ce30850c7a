/* crm-pipelines-page-dialogs.c — the page's questions: a pipeline's name,
 * and deleting a pipeline or a stage, with where their elements go
 *
 * A pipeline or stage holding elements is deleted only with a place for
 * them, chosen in the confirmation itself (the core moves them in the
 * same write); an empty one just asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-pipelines-page-private.h"
#include "crm-widget-map.h"

#define ID_KEY      "crm-id"
#define TARGETS_KEY "crm-targets"
#define CHOICE_KEY  "crm-choice"
#define ENTRY_KEY   "crm-entry"

static gint64
get_id (gpointer object)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (object), ID_KEY));
}

static void
set_id (gpointer object,
        gint64   id)
{
  g_object_set_data (G_OBJECT (object), ID_KEY, GSIZE_TO_POINTER ((gsize) id));
}

/* The id chosen in the dialog's drop-down of targets, or 0. */
static gint64
get_chosen (AdwMessageDialog *dialog)
{
  GArray *targets = g_object_get_data (G_OBJECT (dialog), TARGETS_KEY);
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), CHOICE_KEY);
  guint selected;

  if (targets == NULL || choice == NULL)
    return 0;
  selected = gtk_drop_down_get_selected (choice);
  return selected < targets->len ? g_array_index (targets, gint64, selected) : 0;
}

/* Offers @names (of @targets' ids) under the body, @selected first. */
static void
add_choice (AdwMessageDialog *dialog,
            const char       *widget_name,
            GtkStringList    *names,
            GArray           *targets,
            guint             selected)
{
  GtkWidget *choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);

  gtk_widget_set_name (choice, widget_name);
  gtk_widget_set_halign (choice, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  adw_message_dialog_set_extra_child (dialog, choice);
  g_object_set_data (G_OBJECT (dialog), CHOICE_KEY, choice);
  g_object_set_data_full (G_OBJECT (dialog), TARGETS_KEY, g_array_ref (targets), (GDestroyNotify) g_array_unref);
}

static AdwMessageDialog *
new_dialog (CrmPipelinesPage *self,
            const char       *widget_name)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_crm_pipelines_page_get_window (self),
                                                                         NULL, NULL));

  gtk_widget_set_name (GTK_WIDGET (dialog), widget_name);
  return dialog;
}

/* ---- A pipeline's name ----------------------------------------------------- */

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CrmPipelinesPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), ENTRY_KEY);
  g_autoptr(GError) error = NULL;
  gint64 pipeline_id = get_id (dialog);
  gint64 id;

  if (!g_str_equal (response, "save"))
    return;
  if (pipeline_id != 0)
    {
      if (!crm_pipeline_rename (self->session, pipeline_id, gtk_editable_get_text (entry), &error))
        _crm_pipelines_page_add_toast (self, error->message);
      return;
    }
  id = crm_pipeline_create (self->session, self->type_id, gtk_editable_get_text (entry), &error);
  if (id == 0)
    {
      _crm_pipelines_page_add_toast (self, error->message);
      return;
    }
  crm_pipelines_page_show (self, self->type_id, id);
}

void
_crm_pipelines_page_ask_name (CrmPipelinesPage *self,
                              gboolean          rename)
{
  CrmPipeline *pipeline = crm_catalog_get_pipeline (_crm_pipelines_page_get_catalog (self), self->pipeline_id);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (rename && pipeline == NULL)
    return;

  dialog = new_dialog (self, "pipeline-name-dialog");
  adw_message_dialog_set_heading (dialog, rename ? _("Rename Pipeline") : _("New Pipeline"));
  if (!rename)
    adw_message_dialog_set_body (dialog, _("It starts with the usual stages and a card layout of its own; "
                                           "change them afterwards."));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "pipeline-name-entry");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  if (rename)
    gtk_editable_set_text (GTK_EDITABLE (entry), crm_pipeline_get_name (pipeline));
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", rename ? _("_Rename") : _("_Create"),
                                    NULL);
  crm_widget_map_name_responses (dialog, "cancel", "save", NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  name_changed_cb (GTK_EDITABLE (entry), dialog);

  set_id (dialog, rename ? self->pipeline_id : 0);
  g_object_set_data (G_OBJECT (dialog), ENTRY_KEY, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- Deleting a pipeline --------------------------------------------------- */

static void
delete_pipeline_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CrmPipelinesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!crm_pipeline_delete (self->session, get_id (dialog), get_chosen (dialog), &error))
    {
      _crm_pipelines_page_add_toast (self, error->message);
      return;
    }
  /* Translators: a toast; %s is the pipeline's name */
  message = g_strdup_printf (_("“%s” was deleted"), (const char *) g_object_get_data (G_OBJECT (dialog), "crm-name"));
  _crm_pipelines_page_add_toast (self, message);
}

void
_crm_pipelines_page_ask_delete_pipeline (CrmPipelinesPage *self)
{
  CrmCatalog *catalog = _crm_pipelines_page_get_catalog (self);
  CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog, self->pipeline_id);
  GListModel *pipelines;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GArray) targets = NULL;
  AdwMessageDialog *dialog;
  gint64 n;

  if (pipeline == NULL)
    return;
  if ((n = crm_pipeline_count_elements (self->session, self->pipeline_id, &error)) < 0)
    {
      _crm_pipelines_page_add_toast (self, error->message);
      return;
    }

  dialog = new_dialog (self, "delete-pipeline-dialog");
  /* Translators: the heading of a confirmation; %s is a pipeline's name */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), crm_pipeline_get_name (pipeline));
  if (n > 0)
    {
      pipelines = crm_catalog_get_pipelines (catalog, crm_pipeline_get_entity_type_id (pipeline));
      names = gtk_string_list_new (NULL);
      targets = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
        {
          g_autoptr(CrmPipeline) other = g_list_model_get_item (pipelines, i);
          gint64 id = crm_pipeline_get_id (other);

          if (id == self->pipeline_id)
            continue;
          g_array_append_val (targets, id);
          gtk_string_list_append (names, crm_pipeline_get_name (other));
        }
      adw_message_dialog_format_body (dialog,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "Its %d element moves to the first stage of the pipeline "
                                                   "chosen below. Its stages and card layouts go.",
                                                   "Its %d elements move to the first stage of the pipeline "
                                                   "chosen below. Its stages and card layouts go.",
                                                   (gulong) n),
                                      (int) n);
      add_choice (dialog, "pipeline-delete-target", names, targets, 0);
    }
  else
    adw_message_dialog_set_body (dialog, _("It holds no elements. Its stages and card layouts go with it."));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", n > 0 ? _("_Move and Delete") : _("_Delete"),
                                    NULL);
  crm_widget_map_name_responses (dialog, "cancel", "delete", NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  set_id (dialog, self->pipeline_id);
  g_object_set_data_full (G_OBJECT (dialog), "crm-name", g_strdup (crm_pipeline_get_name (pipeline)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_pipeline_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Deleting a stage ------------------------------------------------------ */

static void
delete_stage_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CrmPipelinesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!crm_stage_delete (self->session, get_id (dialog), get_chosen (dialog), &error))
    _crm_pipelines_page_add_toast (self, error->message);
}

void
_crm_pipelines_page_ask_delete_stage (CrmPipelinesPage *self,
                                      gint64            stage_id)
{
  CrmCatalog *catalog = _crm_pipelines_page_get_catalog (self);
  CrmStage *stage = crm_catalog_get_stage (catalog, stage_id);
  CrmPipeline *pipeline = stage ? crm_catalog_get_pipeline (catalog, crm_stage_get_pipeline_id (stage)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GArray) targets = NULL;
  AdwMessageDialog *dialog;
  gint64 n;

  if (pipeline == NULL)
    return;
  if ((n = crm_stage_count_elements (self->session, stage_id, &error)) < 0)
    {
      _crm_pipelines_page_add_toast (self, error->message);
      return;
    }

  dialog = new_dialog (self, "delete-stage-dialog");
  /* Translators: the heading of a confirmation; %s is a stage's name */
  adw_message_dialog_format_heading (dialog, _("Delete the Stage “%s”?"), crm_stage_get_name (stage));
  if (n > 0)
    {
      GListModel *stages = crm_pipeline_get_stages (pipeline);
      int index = crm_pipeline_get_stage_index (pipeline, stage_id);

      names = gtk_string_list_new (NULL);
      targets = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(CrmStage) other = g_list_model_get_item (stages, i);
          gint64 id = crm_stage_get_id (other);

          if (id == stage_id)
            continue;
          g_array_append_val (targets, id);
          gtk_string_list_append (names, crm_stage_get_name (other));
        }
      adw_message_dialog_format_body (dialog,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "It holds %d element, which moves to the stage chosen below.",
                                                   "It holds %d elements, which move to the stage chosen below.",
                                                   (gulong) n),
                                      (int) n);
      /* The stage before it, where its elements were last. */
      add_choice (dialog, "stage-delete-target", names, targets, index > 0 ? index - 1 : 0);
    }
  else
    adw_message_dialog_set_body (dialog, _("It holds no elements."));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", n > 0 ? _("_Move and Delete") : _("_Delete"),
                                    NULL);
  crm_widget_map_name_responses (dialog, "cancel", "delete", NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  set_id (dialog, stage_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_stage_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
