/* crm-window.c — the main window: entity types, lists and cards
 *
 * A leaflet holds the sidebar of entity types and the content: a stack of
 * the selected type's list and the card of the element opened from it.
 * The window remembers its size, the type shown and the card opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-settings.h"
#include "crm-widget-map.h"
#include "crm-window-private.h"

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CrmCatalog *
get_catalog (CrmWindow *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

gboolean
_crm_window_is_showing_card (CrmWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "card") == 0;
}

static void
update_header (CrmWindow *self)
{
  CrmEntityType *entity_type = crm_element_list_get_entity_type (self->element_list);
  gboolean card = _crm_window_is_showing_card (self);
  const char *title = "";

  if (card && crm_card_get_element (self->card) != NULL)
    {
      CrmElement *element = crm_card_get_element (self->card);

      entity_type = crm_catalog_get_entity_type (get_catalog (self),
                                                 crm_element_get_entity_type_id (element));
      if (entity_type != NULL)
        title = crm_entity_type_get_name (entity_type);
    }
  else if (entity_type != NULL)
    {
      title = crm_entity_type_get_name_plural (entity_type);
    }

  adw_window_title_set_title (self->content_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          card || adw_leaflet_get_folded (self->leaflet));
  _crm_window_views_sync (self);
}

static GtkListBoxRow *
find_sidebar_row (CrmWindow  *self,
                  const char *code)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)); i++)
    {
      const char *row_code = g_object_get_data (G_OBJECT (row), "crm-code");

      if (g_strcmp0 (row_code, code) == 0)
        return row;
    }

  return NULL;
}

static void
select_sidebar_row (CrmWindow  *self,
                    const char *code)
{
  GtkListBoxRow *row = find_sidebar_row (self, code);

  self->syncing_sidebar++;
  gtk_list_box_select_row (self->sidebar_list, row);
  self->syncing_sidebar--;
}

void
_crm_window_show_list (CrmWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, _crm_window_views_get_page (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_entity_type (CrmWindow     *self,
                  CrmEntityType *entity_type)
{
  crm_element_list_set_entity_type (self->element_list, entity_type);
  _crm_window_show_list (self);
  update_header (self);
}

/* ---- Sidebar ------------------------------------------------------------- */

static GtkWidget *
create_sidebar_row_cb (gpointer item,
                       gpointer user_data)
{
  CrmEntityType *entity_type = item;
  g_autofree char *name = NULL;
  GtkWidget *row;
  GtkWidget *box;

  box = g_object_new (GTK_TYPE_BOX,
                      "spacing", 12,
                      NULL);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (crm_entity_type_get_icon_name (entity_type)));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "label", crm_entity_type_get_name_plural (entity_type),
                                               "xalign", 0.0f,
                                               "ellipsize", PANGO_ELLIPSIZE_END,
                                               NULL));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  name = g_strdup_printf ("sidebar-%s", crm_entity_type_get_code (entity_type));
  g_strdelimit (name, "_", '-');
  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "crm-code",
                          g_strdup (crm_entity_type_get_code (entity_type)), g_free);

  return row;
}

static void
bind_sidebar (CrmWindow *self)
{
  CrmEntityType *current = crm_element_list_get_entity_type (self->element_list);
  g_autofree char *code = current != NULL ? g_strdup (crm_entity_type_get_code (current)) : NULL;

  self->syncing_sidebar++;
  gtk_list_box_bind_model (self->sidebar_list,
                           crm_catalog_get_entity_types (get_catalog (self)),
                           create_sidebar_row_cb, self, NULL);
  self->syncing_sidebar--;

  if (code != NULL)
    select_sidebar_row (self, code);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
sidebar_row_selected_cb (CrmWindow     *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list_box)
{
  CrmEntityType *entity_type;
  const char *code;

  if (self->syncing_sidebar > 0 || row == NULL)
    return;

  code = g_object_get_data (G_OBJECT (row), "crm-code");
  entity_type = crm_catalog_find_entity_type (get_catalog (self), code);
  if (entity_type != NULL)
    show_entity_type (self, entity_type);
}

/* A click on the type already selected goes back to its list. */
static void
sidebar_row_activated_cb (CrmWindow     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list_box)
{
  _crm_window_show_list (self);
}

static void
element_activated_cb (CrmWindow      *self,
                      gint64          id,
                      CrmElementList *list)
{
  crm_window_open_element (self, id);
}

static void
card_element_cb (CrmWindow  *self,
                 GParamSpec *pspec,
                 CrmCard    *card)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* The element shown was deleted. */
  if (crm_card_get_element (card) == NULL && _crm_window_is_showing_card (self))
    gtk_stack_set_visible_child_name (self->main_stack, _crm_window_views_get_page (self));

  update_header (self);
}

static void
main_stack_page_cb (CrmWindow  *self,
                    GParamSpec *pspec,
                    GtkStack   *stack)
{
  /* Closing the window empties the stack: that is no going back. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  update_header (self);
}

static void
leaflet_folded_cb (CrmWindow  *self,
                   GParamSpec *pspec,
                   AdwLeaflet *leaflet)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  update_header (self);
}

static gboolean
looks_the_same (CrmEntityType *a,
                CrmEntityType *b)
{
  return g_str_equal (crm_entity_type_get_name_plural (a), crm_entity_type_get_name_plural (b)) &&
         g_strcmp0 (crm_entity_type_get_icon_name (a), crm_entity_type_get_icon_name (b)) == 0 &&
         crm_entity_type_has_stages (a) == crm_entity_type_has_stages (b);
}

/* The catalog was reloaded: the sidebar lists the types as they are now. A
 * type deleted while shown gives way to the first one; one renamed, given
 * another icon or stages shows them (the list is rebuilt only then, as
 * every field created reloads the catalog too). */
static void
store_changed_cb (CrmStore  *store,
                  CrmChange *change,
                  CrmWindow *self)
{
  CrmEntityType *shown, *current;

  if (!crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    return;

  shown = crm_element_list_get_entity_type (self->element_list);
  current = shown != NULL ? crm_catalog_get_entity_type (get_catalog (self), crm_entity_type_get_id (shown)) : NULL;
  if (shown != NULL && current != NULL && current != shown && !looks_the_same (shown, current))
    crm_element_list_set_entity_type (self->element_list, current);

  bind_sidebar (self);

  if (shown != NULL && current == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->sidebar_list, 0);

      if (first != NULL)
        gtk_list_box_select_row (self->sidebar_list, first);
    }
  update_header (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
restore_state (CrmWindow *self)
{
  g_autofree char *code = NULL;
  GtkListBoxRow *row;

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      code = g_settings_get_string (self->settings, "last-entity-type");
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
    }

  row = code != NULL ? find_sidebar_row (self, code) : NULL;
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->sidebar_list, 0);

  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
}

/* What the next start shows again: the size, the type, the card. */
static void
save_state (CrmWindow *self)
{
  CrmEntityType *entity_type = crm_element_list_get_entity_type (self->element_list);
  CrmElement *element = crm_card_get_element (self->card);
  g_autofree char *reference = NULL;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));

  if (entity_type != NULL)
    g_settings_set_string (self->settings, "last-entity-type", crm_entity_type_get_code (entity_type));

  if (_crm_window_is_showing_card (self) && element != NULL && entity_type != NULL)
    reference = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                 crm_entity_type_get_code (entity_type),
                                 crm_element_get_id (element));

  g_settings_set_string (self->settings, "last-element", reference != NULL ? reference : "");
}

static gboolean
crm_window_close_request (GtkWindow *window)
{
  CrmWindow *self = CRM_WINDOW (window);

  if (self->settings != NULL)
    save_state (self);

  return GTK_WINDOW_CLASS (crm_window_parent_class)->close_request (window);
}

static void
crm_window_constructed (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  G_OBJECT_CLASS (crm_window_parent_class)->constructed (object);

  g_assert (CRM_IS_SESSION (self->session));

  self->element_list = CRM_ELEMENT_LIST (crm_element_list_new (self->session));
  g_signal_connect_object (self->element_list, "element-activated",
                           G_CALLBACK (element_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->element_list), "list");
  _crm_window_views_init (self);

  self->card = CRM_CARD (crm_card_new (self->session));
  g_signal_connect_object (self->card, "notify::element",
                           G_CALLBACK (card_element_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->card), "card");
  gtk_stack_set_visible_child_name (self->main_stack, "list");

  self->store_changed_id = g_signal_connect (crm_session_get_store (self->session), "changed",
                                             G_CALLBACK (store_changed_cb), self);

  bind_sidebar (self);
  restore_state (self);

  /* Only when the end-to-end tests ask for it (CLIENTELE_WIDGET_MAP). */
  crm_widget_map_attach (GTK_WINDOW (self));
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_WINDOW);

  self->card = NULL;
  self->element_list = NULL;
  self->kanban_board = NULL;

  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_finalize (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->list_chosen, g_hash_table_unref);

  G_OBJECT_CLASS (crm_window_parent_class)->finalize (object);
}

static void
crm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_window_constructed;
  object_class->dispose = crm_window_dispose;
  object_class->finalize = crm_window_finalize;
  object_class->get_property = crm_window_get_property;
  object_class->set_property = crm_window_set_property;

  window_class->close_request = crm_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Pulls the resources' object file, and its constructor, into
   * whatever links this static library. */
  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, main_stack_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  _crm_window_class_views_init (klass);
  _crm_window_class_actions_init (klass);
}

static void
crm_window_init (CrmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self->back_button), "back-button");

  self->settings = crm_settings_new ();

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* ---- Public API ---------------------------------------------------------- */

CrmWindow *
crm_window_new (GtkApplication *application,
                CrmSession     *session)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return g_object_new (CRM_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

CrmSession *
crm_window_get_session (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->session;
}

void
crm_window_open_element (CrmWindow *self,
                         gint64     id)
{
  g_autoptr(GError) error = NULL;
  CrmEntityType *entity_type;
  CrmElement *element;

  g_return_if_fail (CRM_IS_WINDOW (self));

  if (id <= 0 || !crm_card_load (self->card, id, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: a toast; %s says why */
      message = g_strdup_printf (_("Could not open the card: %s"),
                                 error != NULL ? error->message : _("not found"));
      crm_window_add_toast (self, message);
      return;
    }

  element = crm_card_get_element (self->card);
  entity_type = crm_catalog_get_entity_type (get_catalog (self),
                                             crm_element_get_entity_type_id (element));

  /* Back from the card leads to the list of its type. */
  if (entity_type != NULL && entity_type != crm_element_list_get_entity_type (self->element_list))
    {
      crm_element_list_set_entity_type (self->element_list, entity_type);
      select_sidebar_row (self, crm_entity_type_get_code (entity_type));
    }

  gtk_stack_set_visible_child_name (self->main_stack, "card");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_header (self);
}

gboolean
crm_window_open_reference (CrmWindow   *self,
                           const char  *reference,
                           GError     **error)
{
  g_autoptr(CrmElement) element = NULL;
  g_auto(GStrv) parts = NULL;
  CrmEntityType *entity_type;
  guint64 id = 0;

  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parts = g_strsplit (reference, ":", 2);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   /* Translators: %s is what was given; keep TYPE:ID and deal:12 as they are */
                   _("“%s” is not a card reference like TYPE:ID (for example deal:12)"),
                   reference);
      return FALSE;
    }

  entity_type = crm_catalog_find_entity_type (get_catalog (self), parts[0]);
  if (entity_type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("There is no entity type “%s”"), parts[0]);
      return FALSE;
    }

  element = crm_element_load (self->session, (gint64) id, error);
  if (element == NULL)
    return FALSE;

  if (crm_element_get_entity_type_id (element) != crm_entity_type_get_id (entity_type))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   /* Translators: %s:%s is the reference given, such as deal:12 */
                   _("There is no card %s:%s"),
                   parts[0], parts[1]);
      return FALSE;
    }

  crm_window_open_element (self, (gint64) id);

  return TRUE;
}

void
crm_window_show_entity_type (CrmWindow  *self,
                             const char *code)
{
  CrmEntityType *entity_type;

  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (code != NULL);

  entity_type = crm_catalog_find_entity_type (get_catalog (self), code);
  if (entity_type == NULL)
    return;

  select_sidebar_row (self, code);
  show_entity_type (self, entity_type);
}

void
crm_window_add_toast (CrmWindow  *self,
                      const char *message)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
