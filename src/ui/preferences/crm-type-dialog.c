/* crm-type-dialog.c — create a user-defined entity type, or change one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-type-dialog.h"

struct _CrmTypeDialog
{
  AdwWindow        parent_instance;

  CrmSession      *session;
  gint64           entity_type_id;   /* 0 when creating */
  char            *icon_name;
  GPtrArray       *icon_buttons;     /* of GtkToggleButton, by icon */
  gboolean         ready;

  /* Template widgets */
  GtkLabel        *code_label;
  AdwActionRow    *code_row;
  GtkLabel        *error_label;
  GtkRevealer     *error_revealer;
  GtkFlowBox      *icon_box;
  AdwEntryRow     *name_row;
  AdwEntryRow     *plural_row;
  AdwActionRow    *products_row;
  GtkSwitch       *products_switch;
  GtkButton       *save_button;
  AdwActionRow    *stages_row;
  GtkSwitch       *stages_switch;
  AdwWindowTitle  *window_title;
};

G_DEFINE_FINAL_TYPE (CrmTypeDialog, crm_type_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- State --------------------------------------------------------------- */

static char *
get_clean (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
hide_error (CrmTypeDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_error (CrmTypeDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
update_validity (CrmTypeDialog *self)
{
  g_autofree char *name = get_clean (self->name_row);
  g_autofree char *plural = get_clean (self->plural_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", *name != '\0' && *plural != '\0');
}

static void
select_icon (CrmTypeDialog *self,
             const char    *icon_name)
{
  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  for (guint i = 0; i < self->icon_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->icon_buttons, i);

      gtk_toggle_button_set_active (button, g_strcmp0 (g_object_get_data (G_OBJECT (button), "crm-icon"),
                                                       icon_name) == 0);
    }
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmTypeDialog *self = CRM_TYPE_DIALOG (widget);
  g_autofree char *name = get_clean (self->name_row);
  g_autofree char *plural = get_clean (self->plural_row);
  g_autoptr(CrmEntityTypeConfig) config = crm_entity_type_config_new (name, plural);
  g_autoptr(GError) error = NULL;
  gint64 id = self->entity_type_id;

  hide_error (self);
  g_free (config->icon_name);
  config->icon_name = g_strdup (self->icon_name);
  config->has_stages = gtk_switch_get_active (self->stages_switch);
  config->has_products = gtk_switch_get_active (self->products_switch);

  if (id == 0)
    id = crm_entity_type_create (self->session, config, &error);
  else if (!crm_entity_type_update (self->session, id, config, &error))
    id = 0;
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
changed_cb (CrmTypeDialog *self)
{
  if (!self->ready)
    return;
  hide_error (self);
  update_validity (self);
}

static void
entry_activated_cb (CrmTypeDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
dismiss_error_cb (CrmTypeDialog *self)
{
  hide_error (self);
}

static void
icon_clicked_cb (CrmTypeDialog   *self,
                 GtkToggleButton *button)
{
  /* One icon is always chosen: a click on it keeps it. */
  select_icon (self, g_object_get_data (G_OBJECT (button), "crm-icon"));
  changed_cb (self);
}

/* ---- Setting up ---------------------------------------------------------- */

static void
add_icon (CrmTypeDialog *self,
          const char    *icon_name)
{
  g_autofree char *name = g_strdup (icon_name);
  g_autofree char *widget_name = NULL;
  GtkWidget *button;

  if (g_str_has_suffix (name, "-symbolic"))
    name[strlen (name) - strlen ("-symbolic")] = '\0';
  widget_name = g_strdup_printf ("type-icon-%s", name);

  button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                         "name", widget_name,
                         "icon-name", icon_name,
                         "halign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "crm-type-icon");
  g_object_set_data_full (G_OBJECT (button), "crm-icon", g_strdup (icon_name), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (icon_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->icon_box, button);
  g_ptr_array_add (self->icon_buttons, button);
}

static CrmTypeDialog *
create_dialog (GtkWindow     *parent,
               CrmSession    *session,
               CrmEntityType *type)
{
  const char * const *icons = crm_entity_type_get_icon_names ();
  CrmTypeDialog *self;

  self = g_object_new (CRM_TYPE_TYPE_DIALOG,
                       "transient-for", parent,
                       "title", type != NULL ? _("Edit Type") : _("New Type"),
                       NULL);
  self->session = g_object_ref (session);
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));

  for (guint i = 0; icons[i] != NULL; i++)
    add_icon (self, icons[i]);

  if (type != NULL)
    {
      self->entity_type_id = crm_entity_type_get_id (type);
      adw_window_title_set_subtitle (self->window_title, crm_entity_type_get_name_plural (type));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), crm_entity_type_get_name (type));
      gtk_editable_set_text (GTK_EDITABLE (self->plural_row), crm_entity_type_get_name_plural (type));
      gtk_label_set_text (self->code_label, crm_entity_type_get_code (type));
      gtk_widget_set_visible (GTK_WIDGET (self->code_row), TRUE);
      gtk_switch_set_active (self->stages_switch, crm_entity_type_has_stages (type));
      gtk_switch_set_active (self->products_switch, crm_entity_type_has_products (type));
      /* A built-in type's own icon stays offered beside the others. */
      if (!g_strv_contains (icons, crm_entity_type_get_icon_name (type)))
        add_icon (self, crm_entity_type_get_icon_name (type));
      select_icon (self, crm_entity_type_get_icon_name (type));
      gtk_button_set_label (self->save_button, _("_Save"));

      if (crm_entity_type_is_builtin (type))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->stages_row), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->products_row), FALSE);
          adw_action_row_set_subtitle (self->stages_row, _("Built-in types keep their stages as they are"));
          adw_action_row_set_subtitle (self->products_row, _("Built-in types keep their Products tab as it is"));
        }
    }
  else
    {
      select_icon (self, icons[0]);
    }

  self->ready = TRUE;
  update_validity (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_type_dialog_dispose (GObject *object)
{
  CrmTypeDialog *self = CRM_TYPE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TYPE_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->icon_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (crm_type_dialog_parent_class)->dispose (object);
}

static void
crm_type_dialog_class_init (CrmTypeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_type_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-type-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, icon_box);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, plural_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, products_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, products_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, stages_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, stages_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmTypeDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_type_dialog_init (CrmTypeDialog *self)
{
  self->icon_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), "type-dialog");
}

/* ---- Public API ---------------------------------------------------------- */

CrmTypeDialog *
crm_type_dialog_new_create (GtkWindow  *parent,
                            CrmSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return create_dialog (parent, session, NULL);
}

CrmTypeDialog *
crm_type_dialog_new_edit (GtkWindow     *parent,
                          CrmSession    *session,
                          CrmEntityType *entity_type)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (entity_type), NULL);

  return create_dialog (parent, session, entity_type);
}
