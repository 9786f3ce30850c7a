/* crm-field-dialog.c — create a custom field, or configure any field
 *
 * The form is checked as it is filled in, by the core's own rules
 * (crm_field_options_validate, crm_value_parse), so Create is only
 * sensitive when the core would accept the options; what only the write
 * can tell (permissions, a section deleted meanwhile) shows at the top,
 * and the dialog stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-field-dialog-private.h"

G_DEFINE_FINAL_TYPE (CrmFieldDialog, crm_field_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- State --------------------------------------------------------------- */

static void
hide_error (CrmFieldDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_error (CrmFieldDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static char *
get_clean_label (CrmFieldDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
}

static void
update_validity (CrmFieldDialog *self)
{
  g_autofree char *label = get_clean_label (self);
  gboolean valid = *label != '\0' && crm_field_rules_is_complete (self->rules);

  if (self->edits_options)
    {
      g_autoptr(CrmFieldOptions) options = NULL;
      g_autoptr(GError) error = NULL;

      options = _crm_field_dialog_build_options (self, &error);
      gtk_label_set_text (self->options_error_label, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->options_error_label), error != NULL);
      /* A list with no items yet is work to do, not a mistake. */
      if (_crm_field_dialog_get_field_type (self) == CRM_FIELD_TYPE_LIST &&
          crm_list_items_editor_get_n_items (self->items_editor) == 0)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->options_error_label), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->options_error_label), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->options_error_label), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->options_error_label), "error");
        }
      valid = valid && options != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid);
}

static void
finish (CrmFieldDialog *self,
        gint64          field_id)
{
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, field_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
save_new_field (CrmFieldDialog *self)
{
  g_autofree char *label = get_clean_label (self);
  g_autoptr(CrmFieldConfig) config = crm_field_config_new (label);
  g_autoptr(CrmFieldOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  CrmFieldType type = _crm_field_dialog_get_field_type (self);
  gint64 id;

  if ((options = _crm_field_dialog_build_options (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  crm_field_rules_fill_config (self->rules, config);

  /* Past the end appends: the new field goes last in its section. */
  id = crm_field_create_full (self->session, self->entity_type_id, type,
                              gtk_switch_get_active (self->multiple_switch) && type != CRM_FIELD_TYPE_BOOLEAN,
                              options, config, self->section_id, G_MAXUINT, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  finish (self, id);
}

static void
save_configuration (CrmFieldDialog *self)
{
  g_autofree char *label = get_clean_label (self);
  g_autoptr(CrmFieldConfig) config = crm_field_config_new (label);
  g_autoptr(GError) error = NULL;

  crm_field_rules_fill_config (self->rules, config);
  if (self->edits_options && (config->options = _crm_field_dialog_build_options (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (!crm_field_configure (self->session, self->field_id, config, &error))
    {
      show_error (self, error->message);
      return;
    }
  finish (self, self->field_id);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmFieldDialog *self = CRM_FIELD_DIALOG (widget);

  hide_error (self);
  if (self->field_id != 0)
    save_configuration (self);
  else
    save_new_field (self);
}

static void
changed_cb (CrmFieldDialog *self)
{
  if (!self->ready)
    return;
  hide_error (self);
  update_validity (self);
}

static void
type_selected_cb (CrmFieldDialog *self)
{
  if (!self->ready)
    return;
  /* A default typed for another type rarely fits the new one. */
  gtk_editable_set_text (GTK_EDITABLE (self->default_row), "");
  adw_combo_row_set_selected (self->default_boolean_row, BOOLEAN_DEFAULT_NONE);
  _crm_field_dialog_update_type_rows (self);
  changed_cb (self);
}

static void
label_activated_cb (CrmFieldDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
dismiss_error_cb (CrmFieldDialog *self)
{
  hide_error (self);
}

/* ---- Setting up ---------------------------------------------------------- */

static CrmFieldDialog *
create_dialog (GtkWindow  *parent,
               CrmSession *session,
               gint64      entity_type_id,
               CrmField   *field)
{
  CrmFieldDialog *self;
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  CrmEntityType *entity_type = crm_catalog_get_entity_type (catalog, entity_type_id);

  self = g_object_new (CRM_TYPE_FIELD_DIALOG,
                       "transient-for", parent,
                       "title", field != NULL ? _("Configure Field") : _("New Field"),
                       NULL);
  self->session = g_object_ref (session);
  self->entity_type_id = entity_type_id;
  self->field_id = field != NULL ? crm_field_get_id (field) : 0;
  self->field_type = field != NULL ? crm_field_get_field_type (field) : CRM_FIELD_TYPE_LAST;
  self->edits_options = field == NULL || !crm_field_is_system (field);

  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  if (entity_type != NULL)
    adw_window_title_set_subtitle (self->window_title, crm_entity_type_get_name (entity_type));

  _crm_field_dialog_load_types (self);
  _crm_field_dialog_load_currencies (self);
  _crm_field_dialog_load_link_types (self);
  crm_field_rules_load (self->rules, session, entity_type_id, field);

  if (field != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->type_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->type_info_row), TRUE);
      gtk_label_set_text (self->type_info_label, crm_field_type_get_label (crm_field_get_field_type (field)));
      gtk_editable_set_text (GTK_EDITABLE (self->label_row), crm_field_get_label (field));
      gtk_button_set_label (self->save_button, _("_Save"));
      if (self->edits_options)
        _crm_field_dialog_load_options (self, field);
    }

  self->ready = TRUE;
  _crm_field_dialog_update_type_rows (self);
  update_validity (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->label_row));

  return self;
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_field_dialog_dispose (GObject *object)
{
  CrmFieldDialog *self = CRM_FIELD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FIELD_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->types, g_array_unref);
  g_clear_pointer (&self->link_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_field_dialog_parent_class)->dispose (object);
}

static void
crm_field_dialog_class_init (CrmFieldDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_field_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Pulls the resources' object file, and its constructor, into
   * whatever links this static library (a test may use only the dialog). */
  (void) clientele_get_resource ();

  g_type_ensure (CRM_TYPE_FIELD_RULES);
  g_type_ensure (CRM_TYPE_LIST_ITEMS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-field-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, currency_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, default_boolean_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, default_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, items_editor);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, items_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, link_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, multiple_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, multiple_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, options_box);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, options_error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, precision_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, precision_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, rules);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, type_info_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, type_info_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, type_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_field_dialog_init (CrmFieldDialog *self)
{
  self->types = g_array_new (FALSE, FALSE, sizeof (CrmFieldType));
  self->link_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), "field-dialog");
}

/* ---- Public API ---------------------------------------------------------- */

CrmFieldDialog *
crm_field_dialog_new_create (GtkWindow  *parent,
                             CrmSession *session,
                             gint64      entity_type_id,
                             gint64      section_id)
{
  CrmFieldDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = create_dialog (parent, session, entity_type_id, NULL);
  self->section_id = section_id;
  return self;
}

CrmFieldDialog *
crm_field_dialog_new_configure (GtkWindow  *parent,
                                CrmSession *session,
                                CrmField   *field)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  return create_dialog (parent, session, crm_field_get_entity_type_id (field), field);
}
