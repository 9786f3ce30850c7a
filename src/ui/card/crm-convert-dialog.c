/* crm-convert-dialog.c — create elements from an element
 *
 * The dialog keeps one CrmConversion of what is checked. Each time the
 * choice changes it asks the core which fields the new elements (and a
 * converted lead at its success stage) still need and shows exactly
 * those, with the editors of the card; Create fills them into the drafts
 * and runs the conversion, which says again what is missing if anything
 * still is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-convert-dialog.h"
#include "crm-value-editor.h"

struct _CrmConvertDialog
{
  AdwWindow           parent_instance;

  CrmSession         *session;
  gint64              source_id;
  GPtrArray          *codes;         /* of char *: the targets offered */
  GPtrArray          *checks;        /* of GtkCheckButton, parallel to codes */
  CrmConversion      *conversion;
  GPtrArray          *field_groups;  /* of AdwPreferencesGroup, on the page */
  GPtrArray          *editors;       /* of CrmValueEditor */
  GPtrArray          *editor_drafts; /* of CrmElementDraft, parallel */
  GPtrArray          *shown_fields;  /* of CrmField */

  /* Template widgets */
  GtkButton          *create_button;
  GtkLabel           *message_label;
  AdwPreferencesGroup *message_group;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *targets_group;
  AdwWindowTitle     *window_title;
};

G_DEFINE_FINAL_TYPE (CrmConvertDialog, crm_convert_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void editor_changed_cb (CrmValueEditor *editor);

static CrmCatalog *
get_catalog (CrmConvertDialog *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static void
show_message (CrmConvertDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), message != NULL);
}

static void
clear_fields (CrmConvertDialog *self)
{
  for (guint i = 0; i < self->field_groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->field_groups, i));
  g_ptr_array_set_size (self->field_groups, 0);
  g_ptr_array_set_size (self->editors, 0);
  g_ptr_array_set_size (self->editor_drafts, 0);
  g_ptr_array_set_size (self->shown_fields, 0);
}

/* One group per element that needs something, one row per field. */
static void
show_missing_fields (CrmConvertDialog *self)
{
  guint n;

  clear_fields (self);
  if (self->conversion == NULL)
    return;

  n = crm_conversion_get_n_drafts (self->conversion);
  for (guint i = 0; i < n; i++)
    {
      CrmElementDraft *draft = crm_conversion_get_draft (self->conversion, i);
      GPtrArray *invalid = crm_element_draft_get_invalid_fields (draft);
      CrmEntityType *type = crm_catalog_get_entity_type (get_catalog (self),
                                                         crm_element_draft_get_entity_type_id (draft));
      AdwPreferencesGroup *group;

      if (invalid->len == 0)
        continue;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      if (draft == crm_conversion_get_source_draft (self->conversion))
        /* Translators: a group of the conversion dialog: the lead's own fields at its success stage */
        adw_preferences_group_set_title (group, _("This lead, as a good lead"));
      else
        /* Translators: a group of the conversion dialog: "New deal" */
        adw_preferences_group_set_title (group, type != NULL ? crm_entity_type_get_name (type) : "");
      adw_preferences_group_set_description (group, _("Fill in what it needs from its first stage on"));

      for (guint j = 0; j < invalid->len; j++)
        {
          CrmField *field = g_ptr_array_index (invalid, j);
          CrmValueEditor *editor = crm_value_editor_new (self->session, field);
          g_autofree char *name = g_strdup_printf ("convert-field-%s", crm_field_get_code (field));
          GtkWidget *row = adw_action_row_new ();

          crm_value_editor_set_values (editor, crm_element_draft_get_values (draft, field));
          crm_value_editor_set_invalid (editor, TRUE);
          g_signal_connect (editor, "changed", G_CALLBACK (editor_changed_cb), NULL);
          gtk_widget_set_name (GTK_WIDGET (editor), name);
          gtk_widget_set_hexpand (GTK_WIDGET (editor), TRUE);
          gtk_widget_set_valign (GTK_WIDGET (editor), GTK_ALIGN_CENTER);
          gtk_widget_set_margin_top (GTK_WIDGET (editor), 6);
          gtk_widget_set_margin_bottom (GTK_WIDGET (editor), 6);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_field_get_label (field));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (editor));
          adw_preferences_group_add (group, row);

          g_ptr_array_add (self->editors, editor);
          g_ptr_array_add (self->editor_drafts, draft);
          g_ptr_array_add (self->shown_fields, g_object_ref (field));
        }
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->field_groups, group);
    }
}

/* A new conversion of what is checked, and what it lacks. */
static void
rebuild (CrmConvertDialog *self)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->codes->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (targets, g_ptr_array_index (self->codes, i));
  g_ptr_array_add (targets, NULL);

  g_clear_object (&self->conversion);
  clear_fields (self);
  show_message (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), targets->len > 1);
  if (targets->len == 1)
    return;

  self->conversion = crm_conversion_new (self->session, self->source_id,
                                         (const char * const *)targets->pdata, &error);
  if (self->conversion == NULL)
    {
      show_message (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
      return;
    }
  /* Only the fields matter here; the error repeats them. */
  crm_conversion_validate (self->conversion, NULL);
  show_missing_fields (self);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
editor_changed_cb (CrmValueEditor *editor)
{
  crm_value_editor_set_invalid (editor, FALSE);
}

static void
check_toggled_cb (CrmConvertDialog *self,
                  GtkCheckButton   *check)
{
  rebuild (self);
}

static void
create_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crm_convert_dialog_create (CRM_CONVERT_DIALOG (widget));
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_convert_dialog_dispose (GObject *object)
{
  CrmConvertDialog *self = CRM_CONVERT_DIALOG (object);

  g_clear_object (&self->conversion);
  g_clear_object (&self->session);
  g_clear_pointer (&self->shown_fields, g_ptr_array_unref);
  g_clear_pointer (&self->editor_drafts, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->field_groups, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_convert_dialog_parent_class)->dispose (object);
}

static void
crm_convert_dialog_class_init (CrmConvertDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_convert_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-convert-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmConvertDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CrmConvertDialog, message_group);
  gtk_widget_class_bind_template_child (widget_class, CrmConvertDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, CrmConvertDialog, page);
  gtk_widget_class_bind_template_child (widget_class, CrmConvertDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, CrmConvertDialog, window_title);

  gtk_widget_class_install_action (widget_class, "convert.create", NULL, create_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_convert_dialog_init (CrmConvertDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  self->field_groups = g_ptr_array_new ();
  self->editors = g_ptr_array_new ();
  self->editor_drafts = g_ptr_array_new ();
  self->shown_fields = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ---- Public API ---------------------------------------------------------- */

CrmConvertDialog *
crm_convert_dialog_new (GtkWindow          *parent,
                        CrmSession         *session,
                        gint64              source_id,
                        const char * const *targets,
                        gboolean            choose)
{
  CrmConvertDialog *self;
  g_autoptr(CrmElement) source = NULL;
  CrmEntityType *source_type;
  const char * const *offered;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (targets != NULL, NULL);

  self = g_object_new (CRM_TYPE_CONVERT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  self->source_id = source_id;

  source = crm_element_load (session, source_id, NULL);
  source_type = source ? crm_catalog_get_entity_type (get_catalog (self), crm_element_get_entity_type_id (source)) : NULL;
  offered = choose && source_type ? crm_convert_get_targets (crm_entity_type_get_code (source_type)) : targets;

  adw_window_title_set_title (self->window_title, choose ? _("Convert lead") : _("Create from this element"));
  if (source != NULL)
    adw_window_title_set_subtitle (self->window_title, crm_element_get_title (source));
  gtk_widget_set_visible (GTK_WIDGET (self->targets_group), choose);
  if (source_type == NULL || !g_str_equal (crm_entity_type_get_code (source_type), "lead"))
    adw_preferences_group_set_description (self->targets_group,
                                           _("The new elements take this one’s values."));

  for (guint i = 0; offered[i] != NULL; i++)
    {
      CrmEntityType *type = crm_catalog_find_entity_type (get_catalog (self), offered[i]);
      g_autofree char *name = g_strdup_printf ("convert-check-%s", offered[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (type == NULL ||
          !crm_session_has_permission (session, CRM_PERMISSION_ELEMENT_WRITE, crm_entity_type_get_id (type)))
        continue;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains (targets, offered[i]));
      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_entity_type_get_name (type));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), crm_entity_type_get_icon_name (type));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->targets_group, row);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);

      g_ptr_array_add (self->codes, g_strdup (offered[i]));
      g_ptr_array_add (self->checks, check);
    }

  rebuild (self);
  return self;
}

gboolean
crm_convert_dialog_create (CrmConvertDialog *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean parsed = TRUE;

  g_return_val_if_fail (CRM_IS_CONVERT_DIALOG (self), FALSE);

  if (self->conversion == NULL)
    return FALSE;

  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmValueEditor *editor = g_ptr_array_index (self->editors, i);
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(GPtrArray) values = crm_value_editor_get_values (editor, &parse_error);

      if (values == NULL)
        {
          crm_value_editor_set_invalid (editor, TRUE);
          if (parsed)
            show_message (self, parse_error->message);
          parsed = FALSE;
          continue;
        }
      crm_element_draft_set_values (g_ptr_array_index (self->editor_drafts, i),
                                    crm_value_editor_get_field (editor), values);
    }
  if (!parsed)
    return FALSE;

  ids = crm_conversion_run (self->conversion, &error);
  if (ids == NULL)
    {
      /* What is still missing (or wrong) shows again, as entered. */
      show_missing_fields (self);
      show_message (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[CREATED], 0, g_array_index (ids, gint64, ids->len - 1));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

GPtrArray *
crm_convert_dialog_get_shown_fields (CrmConvertDialog *self)
{
  g_return_val_if_fail (CRM_IS_CONVERT_DIALOG (self), NULL);
  return self->shown_fields;
}
