/* crm-fields-page.c — Preferences › Custom Fields
 *
 * For the type chosen at the top, its custom fields and then its system
 * fields, each with its type and how many elements hold a value in it
 * (one query for the whole type: crm_field_count_usage). Configure opens
 * the field dialog; Delete asks first, saying how many elements lose a
 * value. The lists follow the store: a field created, changed or deleted
 * anywhere, or values saved, show here at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-field-dialog.h"
#include "crm-fields-page.h"
#include "crm-widget-map.h"

struct _CrmFieldsPage
{
  AdwPreferencesPage  parent_instance;

  CrmSession         *session;
  gulong              store_changed_id;
  GArray             *type_ids;        /* gint64 by type_row position */
  gint64              entity_type_id;
  guint               syncing;
  guint               recount_id;      /* a recount after values changed */

  /* Template widgets */
  GtkListBox         *custom_list;
  GtkListBox         *system_list;
  GtkStringList      *type_model;
  AdwComboRow        *type_row;
};

G_DEFINE_FINAL_TYPE (CrmFieldsPage, crm_fields_page, ADW_TYPE_PREFERENCES_PAGE)

#define FIELD_ID_KEY "crm-field-id"

/* Values saved one after another (an import, a colleague's edits) are
 * counted again once, this long after the first: counting reads every
 * value of the type. */
#define RECOUNT_DELAY_MS 1000

/* ---- Helpers ------------------------------------------------------------- */

static CrmCatalog *
get_catalog (CrmFieldsPage *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static GtkWindow *
get_window (CrmFieldsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (CrmFieldsPage *self,
           const char    *message)
{
  GtkWindow *window = get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

/* "field-delete-uf-12": a name tests and the widget map can find. */
static char *
make_name (const char *prefix,
           CrmField   *field)
{
  char *name = g_strdup_printf ("%s-%s", prefix, crm_field_get_code (field));

  return g_strdelimit (name, "_", '-');
}

static gint64
get_field_id (GtkWidget *widget)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), FIELD_ID_KEY));
}

static char *
describe_usage (gint64 count)
{
  if (count == 0)
    return g_strdup (_("No element holds a value"));
  /* Translators: how many elements hold a value in a field */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d element", "%d elements", (gulong) count),
                          (int) count);
}

static gint64
get_usage (GHashTable *counts,
           gint64      field_id)
{
  gint64 *count = counts != NULL ? g_hash_table_lookup (counts, &field_id) : NULL;

  return count != NULL ? *count : 0;
}

/* ---- Rows ---------------------------------------------------------------- */

static void configure_clicked_cb (CrmFieldsPage *self,
                                  GtkButton     *button);
static void delete_clicked_cb    (CrmFieldsPage *self,
                                  GtkButton     *button);

static GtkWidget *
create_button (CrmFieldsPage *self,
               CrmField      *field,
               const char    *prefix,
               const char    *icon_name,
               const char    *tooltip,
               GCallback      callback)
{
  g_autofree char *name = make_name (prefix, field);
  GtkWidget *button;

  button = g_object_new (GTK_TYPE_BUTTON,
                         "name", name,
                         "icon-name", icon_name,
                         "tooltip-text", tooltip,
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), FIELD_ID_KEY, GSIZE_TO_POINTER ((gsize) crm_field_get_id (field)));
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
create_field_row (CrmFieldsPage *self,
                  CrmField      *field,
                  gint64         usage)
{
  g_autofree char *name = make_name ("field-row", field);
  g_autofree char *count = describe_usage (usage);
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *delete_button;
  gboolean restricted = crm_field_get_visible_users (field)->len > 0 ||
                        crm_field_get_visible_departments (field)->len > 0;

  if (restricted)
    /* Translators: a field's type, how many elements hold a value, and that not everyone sees it */
    subtitle = g_strdup_printf (_("%s · %s · Visible to some people"),
                                crm_field_type_get_label (crm_field_get_field_type (field)), count);
  else
    /* Translators: a field's type and how many elements hold a value, "Texto · 12 elementos" */
    subtitle = g_strdup_printf (_("%s · %s"), crm_field_type_get_label (crm_field_get_field_type (field)), count);

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "name", name,
                      "title", crm_field_get_label (field),
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_button (self, field, "field-configure", "document-edit-symbolic",
                                            _("Configure"), G_CALLBACK (configure_clicked_cb)));
  delete_button = create_button (self, field, "field-delete", "user-trash-symbolic",
                                 crm_field_is_system (field) ? _("System fields cannot be deleted, only hidden")
                                                            : _("Delete"),
                                 G_CALLBACK (delete_clicked_cb));
  gtk_widget_set_sensitive (delete_button, !crm_field_is_system (field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  return row;
}

/* The rows only: the placeholder is a child too. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
fill_fields (CrmFieldsPage *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *fields;

  clear_list (self->custom_list);
  clear_list (self->system_list);
  if (self->entity_type_id == 0)
    return;

  counts = crm_field_count_usage (self->session, self->entity_type_id, &error);
  if (counts == NULL)
    add_toast (self, error->message);

  fields = crm_catalog_get_fields (get_catalog (self), self->entity_type_id);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      gtk_list_box_append (crm_field_is_system (field) ? self->system_list : self->custom_list,
                           create_field_row (self, field, get_usage (counts, crm_field_get_id (field))));
    }
}

/* The types the user may manage the fields of, the chosen one kept. */
static void
fill_types (CrmFieldsPage *self)
{
  GListModel *types = crm_catalog_get_entity_types (get_catalog (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->type_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);
      gint64 id = crm_entity_type_get_id (type);

      if (!crm_session_has_permission (self->session, CRM_PERMISSION_FIELDS_MANAGE, id))
        continue;
      if (id == self->entity_type_id)
        selected = self->type_ids->len;
      g_array_append_val (self->type_ids, id);
      g_ptr_array_add (names, (gpointer) crm_entity_type_get_name_plural (type));
    }
  g_ptr_array_add (names, NULL);

  /* The chosen type was deleted: the first one then. */
  if (selected == GTK_INVALID_LIST_POSITION && self->type_ids->len > 0)
    selected = 0;
  self->entity_type_id = selected != GTK_INVALID_LIST_POSITION ? g_array_index (self->type_ids, gint64, selected) : 0;

  self->syncing++;
  gtk_string_list_splice (self->type_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->type_model)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->type_row, selected);
  self->syncing--;
}

static void
refresh (CrmFieldsPage *self)
{
  fill_types (self);
  fill_fields (self);
}

/* ---- Deleting ------------------------------------------------------------ */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrmFieldsPage    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (g_object_get_data (G_OBJECT (dialog), "crm-field-label"));
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!crm_field_delete (self->session, get_field_id (GTK_WIDGET (dialog)), &error))
    {
      add_toast (self, error->message);
      return;
    }
  /* Translators: a toast; %s is the field's name */
  message = g_strdup_printf (_("“%s” was deleted"), label);
  add_toast (self, message);
}

static void
delete_clicked_cb (CrmFieldsPage *self,
                   GtkButton     *button)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  CrmField *field = crm_catalog_get_field (get_catalog (self), get_field_id (GTK_WIDGET (button)));
  AdwMessageDialog *dialog;
  gint64 usage;

  if (field == NULL)
    return;

  /* Counted again: values may have been saved since the list was drawn. */
  counts = crm_field_count_usage (self->session, crm_field_get_entity_type_id (field), &error);
  if (counts == NULL)
    {
      add_toast (self, error->message);
      return;
    }
  usage = get_usage (counts, crm_field_get_id (field));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), NULL, NULL));
  /* Translators: the heading of a confirmation; %s is a field's name */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), crm_field_get_label (field));
  if (usage > 0)
    adw_message_dialog_format_body (dialog,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "%d element holds a value in this field. The value goes with "
                                                 "the field, and so does its place on every card layout. The "
                                                 "history keeps the changes made to it.",
                                                 "%d elements hold a value in this field. The values go with "
                                                 "the field, and so does its place on every card layout. The "
                                                 "history keeps the changes made to it.",
                                                 (gulong) usage),
                                    (int) usage);
  else
    adw_message_dialog_set_body (dialog,
                                 _("No element holds a value in this field. Its place on every card layout "
                                   "goes with it."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  crm_widget_map_name_responses (dialog, "cancel", "delete", NULL);
  gtk_widget_set_name (GTK_WIDGET (dialog), "delete-field-dialog");
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* The list may be rebuilt while the dialog is open: keep the id. */
  g_object_set_data (G_OBJECT (dialog), FIELD_ID_KEY, GSIZE_TO_POINTER ((gsize) crm_field_get_id (field)));
  g_object_set_data_full (G_OBJECT (dialog), "crm-field-label", g_strdup (crm_field_get_label (field)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
configure_clicked_cb (CrmFieldsPage *self,
                      GtkButton     *button)
{
  CrmField *field = crm_catalog_get_field (get_catalog (self), get_field_id (GTK_WIDGET (button)));

  if (field != NULL)
    gtk_window_present (GTK_WINDOW (crm_field_dialog_new_configure (get_window (self), self->session, field)));
}

static void
field_created_cb (CrmFieldsPage  *self,
                  gint64          field_id,
                  CrmFieldDialog *dialog)
{
  CrmField *field = crm_catalog_get_field (get_catalog (self), field_id);
  g_autofree char *message = NULL;

  if (field == NULL)
    return;
  /* Translators: a toast; %s is the new field's name */
  message = g_strdup_printf (_("“%s” was added, hidden: show it on a card with Select Field"),
                             crm_field_get_label (field));
  add_toast (self, message);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmFieldsPage *self = CRM_FIELDS_PAGE (widget);
  CrmFieldDialog *dialog;

  if (self->entity_type_id == 0)
    return;
  dialog = crm_field_dialog_new_create (get_window (self), self->session, self->entity_type_id, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (field_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
type_selected_cb (CrmFieldsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->syncing > 0 || selected >= self->type_ids->len)
    return;
  self->entity_type_id = g_array_index (self->type_ids, gint64, selected);
  fill_fields (self);
}

static gboolean
recount_cb (gpointer data)
{
  CrmFieldsPage *self = data;

  self->recount_id = 0;
  fill_fields (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CrmStore      *store,
                  CrmChange     *change,
                  CrmFieldsPage *self)
{
  /* The rows name fields that may be gone: at once. */
  if (crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    {
      g_clear_handle_id (&self->recount_id, g_source_remove);
      refresh (self);
      return;
    }
  /* Values saved or gone: the counts move. */
  for (guint i = 0; i < crm_change_get_n_items (change) && self->recount_id == 0; i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      if ((item->kind == CRM_CHANGE_ELEMENT_ADDED || item->kind == CRM_CHANGE_ELEMENT_UPDATED ||
           item->kind == CRM_CHANGE_ELEMENT_REMOVED) && item->parent == self->entity_type_id)
        self->recount_id = g_timeout_add (RECOUNT_DELAY_MS, recount_cb, self);
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_fields_page_dispose (GObject *object)
{
  CrmFieldsPage *self = CRM_FIELDS_PAGE (object);

  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));
  g_clear_handle_id (&self->recount_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FIELDS_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_fields_page_parent_class)->dispose (object);
}

static void
crm_fields_page_finalize (GObject *object)
{
  CrmFieldsPage *self = CRM_FIELDS_PAGE (object);

  g_clear_pointer (&self->type_ids, g_array_unref);

  G_OBJECT_CLASS (crm_fields_page_parent_class)->finalize (object);
}

static void
crm_fields_page_class_init (CrmFieldsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_fields_page_dispose;
  object_class->finalize = crm_fields_page_finalize;

  /* Pulls the resources' object file, and its constructor, into
   * whatever links this static library. */
  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-fields-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPage, custom_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPage, system_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPage, type_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPage, type_row);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);

  gtk_widget_class_install_action (widget_class, "fields.add", NULL, add_action_cb);
}

static void
crm_fields_page_init (CrmFieldsPage *self)
{
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's "name" is AdwPreferencesPage's own, for the window's
   * set_visible_page_name (); this one is the widget's, for tests. */
  gtk_widget_set_name (GTK_WIDGET (self), "fields-page");
}

/* ---- Public API ---------------------------------------------------------- */

AdwPreferencesPage *
crm_fields_page_new (CrmSession *session)
{
  CrmFieldsPage *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_FIELDS_PAGE, NULL);
  self->session = g_object_ref (session);
  fill_types (self);
  if (self->type_ids->len == 0)
    {
      g_object_ref_sink (self);
      g_object_unref (self);
      return NULL;
    }
  fill_fields (self);
  self->store_changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                             G_CALLBACK (store_changed_cb), self);
  return ADW_PREFERENCES_PAGE (self);
}

gint64
crm_fields_page_get_entity_type (CrmFieldsPage *self)
{
  g_return_val_if_fail (CRM_IS_FIELDS_PAGE (self), 0);

  return self->entity_type_id;
}

void
crm_fields_page_set_entity_type (CrmFieldsPage *self,
                                 gint64         entity_type_id)
{
  g_return_if_fail (CRM_IS_FIELDS_PAGE (self));

  for (guint i = 0; i < self->type_ids->len; i++)
    if (g_array_index (self->type_ids, gint64, i) == entity_type_id)
      adw_combo_row_set_selected (self->type_row, i);
}
