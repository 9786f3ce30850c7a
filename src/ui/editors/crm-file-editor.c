/* crm-file-editor.c — the file of a file field: its name, Choose…, Clear
 *
 * The chosen file is stored (crm_file_add) as soon as the person picks
 * it, and the value becomes its id; the element only points to it once
 * the card is saved. The editor gives up its picks (crm_file_discard) when
 * another file replaces one and when it goes away: the core keeps the one
 * a save claimed, so a cancelled edit leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-file-editor.h"
#include "crm-value-input.h"

struct _CrmFileEditor
{
  GtkWidget             parent_instance;

  CrmSession           *session;
  CrmField             *field;
  GtkLabel             *name_label;
  GtkButton            *choose_button;
  GtkButton            *clear_button;
  GtkFileChooserNative *chooser;
  gint64                file_id;
  GError               *pick_error;  /* why the last pick failed */
  GArray               *picks;       /* of gint64: files this editor stored */
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmFileEditor, crm_file_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

/* Gives up the files picked here but @keep_id; failures only cost a file
 * the sweep removes a day later. */
static void
discard_picks (CrmFileEditor *self,
               gint64         keep_id)
{
  for (guint i = self->picks->len; i > 0; i--)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (self->picks, gint64, i - 1);

      if (id == keep_id)
        continue;
      if (!crm_file_discard (self->session, id, &error))
        g_debug ("A picked file was left to the sweep: %s", error->message);
      g_array_remove_index_fast (self->picks, i - 1);
    }
}

static void
show_file (CrmFileEditor *self,
           const char    *name)
{
  if (self->pick_error != NULL)
    {
      gtk_label_set_text (self->name_label, self->pick_error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "error");
    }
  else
    {
      gtk_label_set_text (self->name_label, self->file_id != 0 ? name : _("No file"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "error");
      if (self->file_id != 0)
        gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->file_id != 0);
}

static void
crm_file_editor_set_values (CrmValueInput *input,
                            GPtrArray     *values)
{
  CrmFileEditor *self = CRM_FILE_EDITOR (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_clear_error (&self->pick_error);
  self->file_id = value != NULL ? value->number : 0;
  /* The core names a file only through crm_file_load, contents and all. */
  if (self->file_id != 0)
    bytes = crm_file_load (self->session, self->file_id, &name, NULL, NULL);
  show_file (self, name ? name : _("Deleted file"));
}

static GPtrArray *
crm_file_editor_get_values (CrmValueInput  *input,
                            GError        **error)
{
  CrmFileEditor *self = CRM_FILE_EDITOR (input);
  GPtrArray *values;

  if (self->pick_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->pick_error));
      return NULL;
    }
  values = crm_value_array_new ();
  if (self->file_id != 0)
    g_ptr_array_add (values, crm_value_new_number (CRM_FIELD_TYPE_FILE, self->file_id));
  return values;
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_file_editor_set_values;
  iface->get_values = crm_file_editor_get_values;
}

static gboolean
add_contents (CrmFileEditor  *self,
              GFile          *file,
              GBytes         *contents,
              GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;
  gint64 id;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    {
      name = g_strdup (g_file_info_get_display_name (info));
      if (g_file_info_get_content_type (info) != NULL)
        mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info));
    }
  if (name == NULL)
    name = g_file_get_basename (file);

  id = crm_file_add (self->session, name, mime_type, contents, error);
  if (id == 0)
    return FALSE;
  self->file_id = id;
  g_array_append_val (self->picks, id);
  discard_picks (self, id);
  show_file (self, name);
  return TRUE;
}

static void
pick_failed (CrmFileEditor *self,
             GError        *error)
{
  g_clear_error (&self->pick_error);
  self->pick_error = g_error_new_literal (CRM_ERROR, CRM_ERROR_VALIDATION, error->message);
  show_file (self, NULL);
}

gboolean
crm_file_editor_add_file (CrmFileEditor  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CRM_IS_FILE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_clear_error (&self->pick_error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > CRM_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (CRM_FILE_MAX_SIZE);

      g_set_error (&local_error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The file is too large; files can have up to %s"), limit);
    }
  else if (info != NULL)
    contents = g_file_load_bytes (file, NULL, NULL, &local_error);

  if (contents == NULL || !add_contents (self, file, contents, &local_error))
    {
      pick_failed (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
  return TRUE;
}

static void
chooser_response_cb (CrmFileEditor *self,
                     int            response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    crm_file_editor_add_file (self, file, NULL);
}

static void
choose_clicked_cb (CrmFileEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_clicked_cb (CrmFileEditor *self)
{
  g_clear_error (&self->pick_error);
  self->file_id = 0;
  show_file (self, NULL);
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
}

static void
crm_file_editor_dispose (GObject *object)
{
  CrmFileEditor *self = CRM_FILE_EDITOR (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* Saved or not, the edit is over: a save has claimed its file. */
  if (self->session != NULL)
    discard_picks (self, 0);
  g_clear_object (&self->session);
  g_clear_object (&self->field);
  g_clear_error (&self->pick_error);

  G_OBJECT_CLASS (crm_file_editor_parent_class)->dispose (object);
}

static void
crm_file_editor_finalize (GObject *object)
{
  CrmFileEditor *self = CRM_FILE_EDITOR (object);

  g_array_unref (self->picks);

  G_OBJECT_CLASS (crm_file_editor_parent_class)->finalize (object);
}

static void
crm_file_editor_class_init (CrmFileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_file_editor_dispose;
  object_class->finalize = crm_file_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
crm_file_editor_init (CrmFileEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");

  self->picks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_parent (icon, GTK_WIDGET (self));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_wrap (self->name_label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->name_label), "file-name-label");
  gtk_widget_set_parent (GTK_WIDGET (self->name_label), GTK_WIDGET (self));

  self->choose_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_hoose…")));
  gtk_widget_set_name (GTK_WIDGET (self->choose_button), "choose-file-button");
  gtk_widget_set_valign (GTK_WIDGET (self->choose_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->choose_button), GTK_WIDGET (self));

  self->clear_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-clear-symbolic"));
  gtk_widget_set_name (GTK_WIDGET (self->clear_button), "clear-file-button");
  gtk_widget_set_valign (GTK_WIDGET (self->clear_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), _("Remove the file"));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->clear_button), GTK_WIDGET (self));

  show_file (self, NULL);
}

GtkWidget *
crm_file_editor_new (CrmSession *session,
                     CrmField   *field)
{
  CrmFileEditor *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_FILE_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->field = g_object_ref (field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, crm_field_get_label (field),
                                  -1);
  return GTK_WIDGET (self);
}
