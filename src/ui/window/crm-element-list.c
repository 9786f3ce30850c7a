/* crm-element-list.c — the elements of one entity type: search and a table
 *
 * The table is a GtkColumnView over a CrmElementListModel, which pages and
 * searches by itself; this widget only turns what the person types into
 * the model's search string and rows into cells. A click (or Enter) on a
 * row emits ::element-activated with the element's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-element-list.h"
#include "crm-stage-style.h"

struct _CrmElementList
{
  GtkWidget            parent_instance;

  CrmSession          *session;
  CrmEntityType       *entity_type;
  CrmElementListModel *model;

  /* Template widgets */
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkColumnViewColumn *responsible_column;
  GtkScrolledWindow   *scrolled_window;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkColumnViewColumn *stage_column;
  GtkStack            *stack;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *updated_column;
};

G_DEFINE_FINAL_TYPE (CrmElementList, crm_element_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENTITY_TYPE,
  N_PROPS
};

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DOT_CLASS_KEY "crm-stage-class"

static CrmCatalog *
get_catalog (CrmElementList *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static const char *
get_empty_title (CrmEntityType *entity_type)
{
  const char *code = crm_entity_type_get_code (entity_type);

  /* One string per type: in Portuguese the words around the name agree
   * with its gender ("Nenhum negócio", "Nenhuma empresa"). */
  if (g_str_equal (code, "lead"))
    return _("No Leads Yet");
  if (g_str_equal (code, "deal"))
    return _("No Deals Yet");
  if (g_str_equal (code, "contact"))
    return _("No Contacts Yet");
  if (g_str_equal (code, "company"))
    return _("No Companies Yet");
  if (g_str_equal (code, "quote"))
    return _("No Quotes Yet");
  if (g_str_equal (code, "invoice"))
    return _("No Invoices Yet");

  return _("Nothing Here Yet");
}

static void
update_empty_state (CrmElementList *self)
{
  const char *search;
  guint n_items = 0;

  if (self->model != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (search != NULL && *search != '\0')
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static GDateTime *
now_local (void)
{
  return g_date_time_new_now_local ();
}

/* ---- Cells --------------------------------------------------------------- */

static GtkWidget *
create_cell_label (void)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       NULL);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, create_cell_label ());
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CrmElementList           *self)
{
  CrmElement *element = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *title = crm_element_get_title (element);

  if (title == NULL || *title == '\0')
    title = _("Untitled");

  gtk_label_set_text (GTK_LABEL (label), title);
  gtk_widget_set_tooltip_text (label, title);
  /* The end-to-end tests read which rows show. */
  gtk_widget_set_name (label, "list-title");
}

static void
setup_stage_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box;
  GtkWidget *dot;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  dot = g_object_new (GTK_TYPE_BOX,
                      "valign", GTK_ALIGN_CENTER,
                      "css-classes", (const char *[]) { "crm-stage-dot", NULL },
                      NULL);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), create_cell_label ());

  gtk_list_item_set_child (list_item, box);
}

static void
bind_stage_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CrmElementList           *self)
{
  CrmElement *element = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *old_class;
  CrmStage *stage;

  old_class = g_object_get_data (G_OBJECT (dot), DOT_CLASS_KEY);
  if (old_class != NULL)
    gtk_widget_remove_css_class (dot, old_class);

  stage = crm_catalog_get_stage (get_catalog (self), crm_element_get_stage_id (element));
  gtk_widget_set_visible (box, stage != NULL);

  if (stage == NULL)
    return;

  g_object_set_data (G_OBJECT (dot), DOT_CLASS_KEY,
                     (gpointer) crm_stage_style_add_class (dot, crm_stage_get_color (stage)));
  gtk_label_set_text (GTK_LABEL (label), crm_stage_get_name (stage));
}

static void
bind_responsible_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CrmElementList           *self)
{
  CrmElement *element = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  CrmUser *user;

  user = crm_catalog_get_user (get_catalog (self), crm_element_get_responsible_id (element));
  gtk_label_set_text (GTK_LABEL (label), user != NULL ? crm_user_get_name (user) : "");
}

static void
bind_updated_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CrmElementList           *self)
{
  CrmElement *element = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autoptr(GDateTime) now = now_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *format = NULL;
  const CrmLocale *locale = crm_locale_get_default ();
  GDateTime *updated = crm_element_get_updated_at (element);

  if (updated == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      gtk_widget_set_tooltip_text (label, NULL);
      return;
    }

  local = g_date_time_to_local (updated);
  relative = crm_format_relative_time (local, now);
  format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);
  tooltip = g_date_time_format (local, format);

  gtk_label_set_text (GTK_LABEL (label), relative);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             CrmElementList      *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  gtk_column_view_column_set_factory (column, factory);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
search_changed_cb (CrmElementList *self,
                   GtkSearchEntry *entry)
{
  if (self->model == NULL)
    return;

  crm_element_list_model_set_search (self->model,
                                     gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_empty_state (self);
}

/* Escape empties the search. The bar itself stays: it is always shown,
 * so it is not connected to the entry (which would close it). */
static void
search_stop_cb (CrmElementList *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Enter in the search entry opens the first result. */
static void
search_activate_cb (CrmElementList *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(CrmElement) element = NULL;

  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  element = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
  g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, crm_element_get_id (element));
}

static void
column_view_activate_cb (CrmElementList *self,
                         guint           position,
                         GtkColumnView  *column_view)
{
  g_autoptr(CrmElement) element = NULL;

  if (self->model == NULL)
    return;

  element = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (element != NULL)
    g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, crm_element_get_id (element));
}

static void
model_items_changed_cb (CrmElementList *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *model)
{
  update_empty_state (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_element_list_dispose (GObject *object)
{
  CrmElementList *self = CRM_ELEMENT_LIST (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_ELEMENT_LIST);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->entity_type);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_element_list_parent_class)->dispose (object);
}

static void
crm_element_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmElementList *self = CRM_ELEMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ENTITY_TYPE:
      g_value_set_object (value, self->entity_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_element_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmElementList *self = CRM_ELEMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_ENTITY_TYPE:
      crm_element_list_set_entity_type (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_element_list_class_init (CrmElementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_element_list_dispose;
  object_class->get_property = crm_element_list_get_property;
  object_class->set_property = crm_element_list_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENTITY_TYPE] =
    g_param_spec_object ("entity-type", NULL, NULL,
                         CRM_TYPE_ENTITY_TYPE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmElementList::element-activated:
   * @id: the element's id
   *
   * A row was clicked, or Enter pressed on it or in the search entry.
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-element-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, responsible_column);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, stage_column);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, title_column);
  gtk_widget_class_bind_template_child (widget_class, CrmElementList, updated_column);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-element-list");
}

static void
crm_element_list_init (CrmElementList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "search-entry");
  gtk_widget_set_name (GTK_WIDGET (self->column_view), "element-list");

  set_factory (self->title_column, G_CALLBACK (setup_label_cb), G_CALLBACK (bind_title_cb), self);
  set_factory (self->stage_column, G_CALLBACK (setup_stage_cb), G_CALLBACK (bind_stage_cb), self);
  set_factory (self->responsible_column, G_CALLBACK (setup_label_cb), G_CALLBACK (bind_responsible_cb), self);
  set_factory (self->updated_column, G_CALLBACK (setup_label_cb), G_CALLBACK (bind_updated_cb), self);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_element_list_new (CrmSession *session)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return g_object_new (CRM_TYPE_ELEMENT_LIST,
                       "session", session,
                       NULL);
}

CrmSession *
crm_element_list_get_session (CrmElementList *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST (self), NULL);

  return self->session;
}

void
crm_element_list_set_entity_type (CrmElementList *self,
                                  CrmEntityType  *entity_type)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *placeholder = NULL;

  g_return_if_fail (CRM_IS_ELEMENT_LIST (self));
  g_return_if_fail (entity_type == NULL || CRM_IS_ENTITY_TYPE (entity_type));
  g_return_if_fail (self->session != NULL);

  if (self->entity_type == entity_type)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_clear_object (&self->model);
  g_set_object (&self->entity_type, entity_type);

  /* A new type starts with an empty search. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (entity_type != NULL)
    {
      self->model = crm_element_list_model_new (self->session, crm_entity_type_get_id (entity_type));
      crm_element_list_model_set_sort (self->model, CRM_ELEMENT_SORT_UPDATED_DESC);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (model_items_changed_cb), self,
                               G_CONNECT_SWAPPED);

      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));

      /* Translators: placeholder of the search entry above a list, with
       * the plural name of what it lists: "Search Deals" */
      placeholder = g_strdup_printf (_("Search %s"), crm_entity_type_get_name_plural (entity_type));
      g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);

      gtk_column_view_column_set_visible (self->stage_column, crm_entity_type_has_stages (entity_type));
      adw_status_page_set_icon_name (self->empty_page, crm_entity_type_get_icon_name (entity_type));
      adw_status_page_set_title (self->empty_page, get_empty_title (entity_type));
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  update_empty_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_TYPE]);
}

CrmEntityType *
crm_element_list_get_entity_type (CrmElementList *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST (self), NULL);

  return self->entity_type;
}

GListModel *
crm_element_list_get_model (CrmElementList *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
crm_element_list_focus_search (CrmElementList *self)
{
  g_return_if_fail (CRM_IS_ELEMENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
