/* crm-types-page.c — Preferences › Entity Types
 *
 * One row per type, in sidebar order, with its icon, what it has (stages,
 * products) and how many elements; Edit opens the type dialog, Delete
 * (user-defined types only) asks first, saying how many elements go. The
 * list follows the store's catalog, as the sidebar does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-type-dialog.h"
#include "crm-types-page.h"
#include "crm-widget-map.h"

struct _CrmTypesPage
{
  AdwPreferencesPage  parent_instance;

  CrmSession         *session;
  gulong              store_changed_id;

  /* Template widgets */
  GtkListBox         *types_list;
};

G_DEFINE_FINAL_TYPE (CrmTypesPage, crm_types_page, ADW_TYPE_PREFERENCES_PAGE)

#define TYPE_ID_KEY "crm-type-id"

/* ---- Helpers ------------------------------------------------------------- */

static CrmCatalog *
get_catalog (CrmTypesPage *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static GtkWindow *
get_window (CrmTypesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (CrmTypesPage *self,
           const char   *message)
{
  GtkWindow *window = get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

static char *
make_name (const char    *prefix,
           CrmEntityType *type)
{
  char *name = g_strdup_printf ("%s-%s", prefix, crm_entity_type_get_code (type));

  return g_strdelimit (name, "_", '-');
}

static gint64
get_type_id (GtkWidget *widget)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), TYPE_ID_KEY));
}

/* "Built-in · Stages · 12 elements" */
static char *
describe_type (CrmTypesPage  *self,
               CrmEntityType *type)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 n = crm_entity_type_count_elements (self->session, crm_entity_type_get_id (type), &error);

  if (crm_entity_type_is_builtin (type))
    g_ptr_array_add (parts, g_strdup (_("Built-in")));
  if (crm_entity_type_has_pipelines (type))
    g_ptr_array_add (parts, g_strdup (_("Stages and pipelines")));
  else if (crm_entity_type_has_stages (type))
    g_ptr_array_add (parts, g_strdup (_("Stages")));
  if (crm_entity_type_has_products (type))
    g_ptr_array_add (parts, g_strdup (_("Products")));
  if (n == 0)
    g_ptr_array_add (parts, g_strdup (_("No elements yet")));
  else if (n > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d element", "%d elements", (gulong) n),
                                             (int) n));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of a type's features in its row */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* ---- Rows ---------------------------------------------------------------- */

static void edit_clicked_cb   (CrmTypesPage *self,
                               GtkButton    *button);
static void delete_clicked_cb (CrmTypesPage *self,
                               GtkButton    *button);

static GtkWidget *
create_button (CrmTypesPage  *self,
               CrmEntityType *type,
               const char    *prefix,
               const char    *icon_name,
               const char    *tooltip,
               GCallback      callback)
{
  g_autofree char *name = make_name (prefix, type);
  GtkWidget *button;

  button = g_object_new (GTK_TYPE_BUTTON,
                         "name", name,
                         "icon-name", icon_name,
                         "tooltip-text", tooltip,
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), TYPE_ID_KEY, GSIZE_TO_POINTER ((gsize) crm_entity_type_get_id (type)));
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
create_type_row (CrmTypesPage  *self,
                 CrmEntityType *type)
{
  g_autofree char *name = make_name ("type-row", type);
  g_autofree char *subtitle = describe_type (self, type);
  gboolean builtin = crm_entity_type_is_builtin (type);
  GtkWidget *row, *delete_button;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "name", name,
                      "title", crm_entity_type_get_name_plural (type),
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (crm_entity_type_get_icon_name (type)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_button (self, type, "type-edit", "document-edit-symbolic",
                                            _("Edit"), G_CALLBACK (edit_clicked_cb)));
  delete_button = create_button (self, type, "type-delete", "user-trash-symbolic",
                                 builtin ? _("Built-in types cannot be deleted") : _("Delete"),
                                 G_CALLBACK (delete_clicked_cb));
  gtk_widget_set_sensitive (delete_button, !builtin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  return row;
}

static void
refresh (CrmTypesPage *self)
{
  GListModel *types = crm_catalog_get_entity_types (get_catalog (self));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->types_list, 0)) != NULL)
    gtk_list_box_remove (self->types_list, GTK_WIDGET (row));
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);

      gtk_list_box_append (self->types_list, create_type_row (self, type));
    }
}

/* ---- Deleting ------------------------------------------------------------ */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrmTypesPage     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (dialog), "crm-type-name"));
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!crm_entity_type_delete (self->session, get_type_id (GTK_WIDGET (dialog)), &error))
    {
      add_toast (self, error->message);
      return;
    }
  /* Translators: a toast; %s is the type's name, plural */
  message = g_strdup_printf (_("“%s” was deleted"), name);
  add_toast (self, message);
}

static void
delete_clicked_cb (CrmTypesPage *self,
                   GtkButton    *button)
{
  g_autoptr(GError) error = NULL;
  CrmEntityType *type = crm_catalog_get_entity_type (get_catalog (self), get_type_id (GTK_WIDGET (button)));
  AdwMessageDialog *dialog;
  gint64 n;

  if (type == NULL)
    return;
  if ((n = crm_entity_type_count_elements (self->session, crm_entity_type_get_id (type), &error)) < 0)
    {
      add_toast (self, error->message);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), NULL, NULL));
  /* Translators: the heading of a confirmation; %s is a type's name, plural */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), crm_entity_type_get_name_plural (type));
  if (n > 0)
    adw_message_dialog_format_body (dialog,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Its %d element goes with it, with its values, timeline and "
                                                 "files, and so do the type’s fields, pipelines and card "
                                                 "layouts. This cannot be undone.",
                                                 "Its %d elements go with it, with their values, timelines and "
                                                 "files, and so do the type’s fields, pipelines and card "
                                                 "layouts. This cannot be undone.",
                                                 (gulong) n),
                                    (int) n);
  else
    adw_message_dialog_set_body (dialog,
                                 _("It has no elements. The type’s fields, pipelines and card layouts go "
                                   "with it."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  crm_widget_map_name_responses (dialog, "cancel", "delete", NULL);
  gtk_widget_set_name (GTK_WIDGET (dialog), "delete-type-dialog");
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data (G_OBJECT (dialog), TYPE_ID_KEY, GSIZE_TO_POINTER ((gsize) crm_entity_type_get_id (type)));
  g_object_set_data_full (G_OBJECT (dialog), "crm-type-name",
                          g_strdup (crm_entity_type_get_name_plural (type)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
edit_clicked_cb (CrmTypesPage *self,
                 GtkButton    *button)
{
  CrmEntityType *type = crm_catalog_get_entity_type (get_catalog (self), get_type_id (GTK_WIDGET (button)));

  if (type != NULL)
    gtk_window_present (GTK_WINDOW (crm_type_dialog_new_edit (get_window (self), self->session, type)));
}

static void
type_created_cb (CrmTypesPage  *self,
                 gint64         entity_type_id,
                 CrmTypeDialog *dialog)
{
  CrmEntityType *type = crm_catalog_get_entity_type (get_catalog (self), entity_type_id);
  g_autofree char *message = NULL;

  if (type == NULL)
    return;
  /* Translators: a toast; %s is the new type's name, plural */
  message = g_strdup_printf (_("“%s” was created: it is in the sidebar"), crm_entity_type_get_name_plural (type));
  add_toast (self, message);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmTypesPage *self = CRM_TYPES_PAGE (widget);
  CrmTypeDialog *dialog = crm_type_dialog_new_create (get_window (self), self->session);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (type_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_changed_cb (CrmStore     *store,
                  CrmChange    *change,
                  CrmTypesPage *self)
{
  /* Elements added or gone change the counts; a type's changes, the rows. */
  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      if (item->kind == CRM_CHANGE_CATALOG || item->kind == CRM_CHANGE_ELEMENT_ADDED ||
          item->kind == CRM_CHANGE_ELEMENT_REMOVED)
        {
          refresh (self);
          return;
        }
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_types_page_dispose (GObject *object)
{
  CrmTypesPage *self = CRM_TYPES_PAGE (object);

  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TYPES_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_types_page_parent_class)->dispose (object);
}

static void
crm_types_page_class_init (CrmTypesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_types_page_dispose;

  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-types-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTypesPage, types_list);

  gtk_widget_class_install_action (widget_class, "types.add", NULL, add_action_cb);
}

static void
crm_types_page_init (CrmTypesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's "name" is AdwPreferencesPage's own, for the window's
   * set_visible_page_name (); this one is the widget's, for tests. */
  gtk_widget_set_name (GTK_WIDGET (self), "types-page");
}

/* ---- Public API ---------------------------------------------------------- */

AdwPreferencesPage *
crm_types_page_new (CrmSession *session)
{
  CrmTypesPage *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  if (!crm_session_has_permission (session, CRM_PERMISSION_TYPES_MANAGE, 0))
    return NULL;

  self = g_object_new (CRM_TYPE_TYPES_PAGE, NULL);
  self->session = g_object_ref (session);
  refresh (self);
  self->store_changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                             G_CALLBACK (store_changed_cb), self);
  return ADW_PREFERENCES_PAGE (self);
}
