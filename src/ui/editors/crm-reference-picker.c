/* crm-reference-picker.c — a link to an element, or an employee, chosen
 * from a search popover
 *
 * The button shows what is linked; its popover searches the elements of
 * the field's link type through the core's full-text index (paged, so it
 * stays quick with many thousands), or the active users by name. Links
 * that may point to any type get a drop-down of types first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-reference-picker.h"
#include "crm-value-input.h"

struct _CrmReferencePicker
{
  GtkWidget            parent_instance;

  GtkMenuButton       *choose_button;
  GtkButton           *clear_button;
  GtkImage            *icon;
  GtkListView         *list_view;
  GtkPopover          *popover;
  GtkStack            *results_stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *title_label;
  GtkDropDown         *type_drop_down;

  CrmSession          *session;
  CrmField            *field;
  GListModel          *entity_types;   /* of CrmEntityType, the choices of type_drop_down */
  CrmElementListModel *elements;       /* links */
  GtkFilterListModel  *users;          /* employees */
  GtkCustomFilter     *user_filter;
  gint64               id;
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmReferencePicker, crm_reference_picker, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static gboolean
is_employee (CrmReferencePicker *self)
{
  return crm_field_get_field_type (self->field) == CRM_FIELD_TYPE_EMPLOYEE;
}

static CrmCatalog *
get_catalog (CrmReferencePicker *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static void
show_reference (CrmReferencePicker *self,
                const char         *title,
                const char         *icon_name)
{
  gboolean empty = self->id == 0;

  if (empty)
    title = is_employee (self) ? _("Choose a person…") : _("Choose…");
  gtk_label_set_text (self->title_label, title);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !empty && icon_name != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), !empty);
}

static void
crm_reference_picker_set_values (CrmValueInput *input,
                                 GPtrArray     *values)
{
  CrmReferencePicker *self = CRM_REFERENCE_PICKER (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;

  self->id = value != NULL ? value->number : 0;
  if (self->id == 0)
    show_reference (self, NULL, NULL);
  else if (is_employee (self))
    {
      CrmUser *user = crm_catalog_get_user (get_catalog (self), self->id);

      show_reference (self, user ? crm_user_get_name (user) : _("Former user"),
                      "avatar-default-symbolic");
    }
  else
    {
      g_autoptr(CrmElement) element = crm_element_load (self->session, self->id, NULL);
      CrmEntityType *type = NULL;

      if (element != NULL)
        type = crm_catalog_get_entity_type (get_catalog (self),
                                            crm_element_get_entity_type_id (element));
      show_reference (self, element ? crm_element_get_title (element) : _("Deleted element"),
                      type ? crm_entity_type_get_icon_name (type) : NULL);
    }
}

static GPtrArray *
crm_reference_picker_get_values (CrmValueInput  *input,
                                 GError        **error)
{
  CrmReferencePicker *self = CRM_REFERENCE_PICKER (input);
  GPtrArray *values = crm_value_array_new ();

  if (self->id != 0)
    g_ptr_array_add (values, crm_value_new_number (crm_field_get_field_type (self->field), self->id));
  return values;
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_reference_picker_set_values;
  iface->get_values = crm_reference_picker_get_values;
}

/* ---- Searching --------------------------------------------------------- */

static void
update_results (CrmReferencePicker *self)
{
  GListModel *model = G_LIST_MODEL (gtk_single_selection_get_model (
                                      GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->list_view))));
  gboolean empty = model == NULL || g_list_model_get_n_items (model) == 0;

  gtk_stack_set_visible_child_name (self->results_stack, empty ? "empty" : "results");
}

static void
set_results (CrmReferencePicker *self,
             GListModel         *model)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  selection = gtk_single_selection_new (model ? g_object_ref (model) : NULL);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (update_results),
                             self, G_CONNECT_SWAPPED);
  update_results (self);
}

static gboolean
user_matches (gpointer item,
              gpointer data)
{
  CrmReferencePicker *self = data;
  CrmUser *user = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!crm_user_is_active (user) && crm_user_get_id (user) != self->id)
    return FALSE;
  /* Word prefixes, accents folded: "joao" finds "João Silva". */
  return *search == '\0' || g_str_match_string (search, crm_user_get_name (user), TRUE);
}

static CrmEntityType *
get_selected_type (CrmReferencePicker *self)
{
  const char *code = crm_field_get_options (self->field)->link_type;
  CrmEntityType *chosen;

  if (code != NULL)
    return crm_catalog_find_entity_type (get_catalog (self), code);
  chosen = gtk_drop_down_get_selected_item (self->type_drop_down);
  /* The current catalog's object: the drop-down's may be from before a reload. */
  return chosen ? crm_catalog_get_entity_type (get_catalog (self),
                                               crm_entity_type_get_id (chosen)) : NULL;
}

static void
load_results (CrmReferencePicker *self)
{
  CrmEntityType *type;

  if (is_employee (self))
    {
      if (self->users == NULL)
        {
          self->user_filter = gtk_custom_filter_new (user_matches, self, NULL);
          self->users = gtk_filter_list_model_new (g_object_ref (crm_catalog_get_users (get_catalog (self))),
                                                   g_object_ref (GTK_FILTER (self->user_filter)));
          set_results (self, G_LIST_MODEL (self->users));
        }
      gtk_filter_changed (GTK_FILTER (self->user_filter), GTK_FILTER_CHANGE_DIFFERENT);
      return;
    }

  type = get_selected_type (self);
  if (type == NULL)
    {
      g_clear_object (&self->elements);
      set_results (self, NULL);
      return;
    }
  if (self->elements == NULL ||
      crm_element_list_model_get_entity_type_id (self->elements) != crm_entity_type_get_id (type))
    {
      g_clear_object (&self->elements);
      self->elements = crm_element_list_model_new (self->session, crm_entity_type_get_id (type));
      crm_element_list_model_set_sort (self->elements, CRM_ELEMENT_SORT_TITLE);
      set_results (self, G_LIST_MODEL (self->elements));
    }
  crm_element_list_model_set_search (self->elements,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_results (self);
}

static void
popover_show_cb (CrmReferencePicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  load_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (CrmReferencePicker *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    load_results (self);
}

static void
type_selected_cb (CrmReferencePicker *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    load_results (self);
}

static void
stop_search_cb (CrmReferencePicker *self)
{
  gtk_popover_popdown (self->popover);
}

static void
choose (CrmReferencePicker *self,
        guint               position)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (self->list_view);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GPtrArray) values = crm_value_array_new ();

  if (selection == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (selection)))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (selection), position);
  g_ptr_array_add (values, crm_value_new_number (crm_field_get_field_type (self->field),
                                                 CRM_IS_USER (item)
                                                   ? crm_user_get_id (CRM_USER (item))
                                                   : crm_element_get_id (CRM_ELEMENT (item))));
  crm_reference_picker_set_values (CRM_VALUE_INPUT (self), values);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
list_activate_cb (CrmReferencePicker *self,
                  guint               position)
{
  choose (self, position);
}

/* Enter in the search takes the first match. */
static void
search_activate_cb (CrmReferencePicker *self)
{
  choose (self, 0);
}

static void
clear_clicked_cb (CrmReferencePicker *self)
{
  self->id = 0;
  show_reference (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

/* ---- Rows ---------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));

  if (CRM_IS_USER (item))
    gtk_label_set_text (label, crm_user_get_name (CRM_USER (item)));
  else if (CRM_IS_ELEMENT (item))
    gtk_label_set_text (label, crm_element_get_title (CRM_ELEMENT (item)));
}

/* ---- Life cycle ------------------------------------------------------------ */

static void
crm_reference_picker_dispose (GObject *object)
{
  CrmReferencePicker *self = CRM_REFERENCE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REFERENCE_PICKER);
  g_clear_object (&self->elements);
  g_clear_object (&self->users);
  g_clear_object (&self->user_filter);
  g_clear_object (&self->entity_types);
  g_clear_object (&self->session);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_reference_picker_parent_class)->dispose (object);
}

static void
crm_reference_picker_class_init (CrmReferencePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_reference_picker_dispose;

  /* Pulls the resources' object file, and its constructor, into
   * whatever links this static library. */
  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-reference-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, choose_button);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, icon);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, popover);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReferencePicker, type_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
}

static void
crm_reference_picker_init (CrmReferencePicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* GtkMenuButton centres its content in a box of its own; a picker reads
   * from the left like an entry. */
  gtk_widget_set_halign (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->title_label))),
                         GTK_ALIGN_FILL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
crm_reference_picker_new (CrmSession *session,
                          CrmField   *field)
{
  CrmReferencePicker *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_REFERENCE_PICKER, NULL);
  self->session = g_object_ref (session);
  self->field = g_object_ref (field);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (field),
                                  -1);
  /* gtk_search_entry_set_placeholder_text () is GTK 4.10. */
  g_object_set (self->search_entry, "placeholder-text",
                is_employee (self) ? _("Search people") : _("Search"), NULL);
  /* A link to any kind of element: choose which kind first. */
  if (!is_employee (self) && crm_field_get_options (field)->link_type == NULL)
    {
      self->entity_types = g_object_ref (crm_catalog_get_entity_types (get_catalog (self)));
      gtk_drop_down_set_expression (self->type_drop_down,
                                    gtk_property_expression_new (CRM_TYPE_ENTITY_TYPE, NULL, "name-plural"));
      gtk_drop_down_set_model (self->type_drop_down, self->entity_types);
      gtk_widget_set_visible (GTK_WIDGET (self->type_drop_down), TRUE);
    }
  show_reference (self, NULL, NULL);
  return GTK_WIDGET (self);
}
