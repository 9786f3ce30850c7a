/* crm-card.c — one CRM element: header, stage bar, fields and timeline
 *
 * The card loads the element and the layout its user sees, and shows them
 * again whenever the store says the element, its layout or the catalog
 * changed, so an edit made anywhere shows here at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-card.h"
#include "crm-card-create-private.h"
#include "crm-card-tabs.h"
#include "crm-dependencies-view.h"
#include "crm-fields-pane-private.h"
#include "crm-history-view.h"
#include "crm-stage-bar.h"
#include "crm-stage-move.h"
#include "crm-timeline-pane.h"
#include "crm-widget-map.h"

/* Share of the width the fields take at first; the timeline gets the rest. */
#define FIELDS_SHARE 0.42

struct _CrmCard
{
  GtkWidget         parent_instance;

  CrmSession       *session;
  CrmElement       *element;
  gulong            store_changed_id;

  /* Template widgets */
  GtkMenuButton    *create_button;
  CrmDependenciesView *dependencies_view;
  CrmFieldsPane    *fields_pane;
  GtkPaned         *general_paned;
  CrmHistoryView   *history_view;
  CrmStageBar      *stage_bar;
  GtkBox           *header_actions;
  GtkLabel         *subtitle_label;
  CrmCardTabs      *tabs;
  CrmTimelinePane  *timeline_pane;
  GtkLabel         *title_label;
  AdwViewStack     *view_stack;
};

G_DEFINE_FINAL_TYPE (CrmCard, crm_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ELEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CrmCatalog *
get_catalog (CrmCard *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

/* "Sales pipeline · Responsible: Ana Souza": which of the type's pipelines
 * (when it has several) or which kind of lead, and whose it is. The header
 * bar above already names the type. */
static char *
build_subtitle (CrmCard       *self,
                CrmElement    *element,
                CrmEntityType *entity_type)
{
  CrmCatalog *catalog = get_catalog (self);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 lead_kind_id = crm_element_get_lead_kind_id (element);
  CrmUser *responsible;

  if (entity_type != NULL && crm_entity_type_has_pipelines (entity_type) &&
      g_list_model_get_n_items (crm_catalog_get_pipelines (catalog, crm_entity_type_get_id (entity_type))) > 1)
    {
      CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog, crm_element_get_pipeline_id (element));

      if (pipeline != NULL)
        /* Translators: the pipeline a deal is in, under the card's title */
        g_ptr_array_add (parts, g_strdup_printf (_("Pipeline: %s"), crm_pipeline_get_name (pipeline)));
    }

  if (lead_kind_id != 0 && crm_catalog_get_lead_kind_name (catalog, lead_kind_id) != NULL)
    g_ptr_array_add (parts, g_strdup (crm_catalog_get_lead_kind_name (catalog, lead_kind_id)));

  responsible = crm_catalog_get_user (catalog, crm_element_get_responsible_id (element));
  if (responsible != NULL)
    /* Translators: the person responsible for an element, under the card's title */
    g_ptr_array_add (parts, g_strdup_printf (_("Responsible: %s"), crm_user_get_name (responsible)));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_stage_bar (CrmCard       *self,
                  CrmElement    *element,
                  CrmEntityType *entity_type)
{
  CrmCatalog *catalog = get_catalog (self);
  CrmPipeline *pipeline = NULL;

  if (entity_type != NULL && crm_entity_type_has_stages (entity_type))
    {
      pipeline = crm_catalog_get_pipeline (catalog, crm_element_get_pipeline_id (element));
      if (pipeline == NULL)
        pipeline = crm_catalog_get_default_pipeline (catalog, crm_entity_type_get_id (entity_type));
    }

  crm_stage_bar_set_stages (self->stage_bar, pipeline, crm_element_get_stage_id (element));
  gtk_widget_set_visible (GTK_WIDGET (self->stage_bar), pipeline != NULL);
  crm_stage_bar_set_can_move (self->stage_bar,
                              pipeline != NULL &&
                              crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_WRITE,
                                                          crm_element_get_entity_type_id (element)));
}

static void
show_element (CrmCard    *self,
              CrmElement *element)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  CrmEntityType *entity_type;
  const char *title;
  gint64 pipeline_id = 0;

  g_set_object (&self->element, element);

  entity_type = crm_catalog_get_entity_type (get_catalog (self), crm_element_get_entity_type_id (element));

  title = crm_element_get_title (element);
  gtk_label_set_text (self->title_label, title != NULL && *title != '\0' ? title : _("Untitled"));

  subtitle = build_subtitle (self, element, entity_type);
  gtk_label_set_text (self->subtitle_label, subtitle);

  update_stage_bar (self, element, entity_type);

  /* Deals have a layout per pipeline; other types one for all. */
  if (entity_type != NULL && crm_entity_type_has_pipelines (entity_type))
    pipeline_id = crm_element_get_pipeline_id (element);

  layout = crm_layout_resolve (self->session,
                               crm_element_get_entity_type_id (element),
                               pipeline_id,
                               crm_element_get_lead_kind_id (element),
                               &error);
  if (layout == NULL)
    g_message ("Could not find the layout of element %" G_GINT64_FORMAT ": %s",
               crm_element_get_id (element), error->message);

  crm_fields_pane_set_element (self->fields_pane, self->session, element, layout);
  crm_timeline_pane_set_element (self->timeline_pane, self->session, crm_element_get_id (element));
  crm_history_view_set_element (self->history_view, self->session, crm_element_get_id (element));
  crm_dependencies_view_set_element (self->dependencies_view, self->session, crm_element_get_id (element));
  _crm_card_create_update (self->create_button, self->session, element);
  /* Only tabs with a page show: General, Dependencies and History for now. */
  crm_card_tabs_set_layout (self->tabs, self->session, layout);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

static void
reload (CrmCard *self)
{
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GError) error = NULL;

  if (self->element == NULL)
    return;

  element = crm_element_load (self->session, crm_element_get_id (self->element), &error);
  if (element == NULL)
    {
      /* Deleted, or no longer visible to this user. */
      crm_card_clear (self);
      return;
    }

  show_element (self, element);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
store_changed_cb (CrmStore  *store,
                  CrmChange *change,
                  CrmCard   *self)
{
  gint64 element_id;

  if (self->element == NULL)
    return;

  element_id = crm_element_get_id (self->element);

  if (crm_change_has_kind (change, CRM_CHANGE_CATALOG) ||
      crm_change_has_kind (change, CRM_CHANGE_LAYOUT))
    {
      reload (self);
      return;
    }

  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      if ((item->kind == CRM_CHANGE_ELEMENT_UPDATED || item->kind == CRM_CHANGE_ELEMENT_REMOVED) &&
          item->id == element_id)
        {
          reload (self);
          return;
        }
    }
}

/* Unsaved edits would be saved with the stage or lost: neither is what a
 * click on a chip says, so the move waits until they are saved or
 * cancelled. */
static void
stage_activated_cb (CrmCard     *self,
                    gint64       stage_id,
                    CrmStageBar *bar)
{
  CrmEditSession *edits = _crm_fields_pane_get_edit_session (self->fields_pane);

  if (self->element == NULL)
    return;
  if (edits != NULL && crm_edit_session_is_active (edits))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           _("Unsaved Changes"),
                                                           _("Save or cancel the changes to this card before moving it to another stage.")));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_widget_set_name (GTK_WIDGET (dialog), "stage-unsaved-dialog");
      crm_widget_map_name_responses (dialog, "close", NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  crm_stage_move_run (GTK_WIDGET (self), self->session, self->element, stage_id, NULL, NULL);
}

/* GtkPaned knows no proportions: place the divider at FIELDS_SHARE of the
 * width each time the width changes (max-position follows the width). */
static void
paned_max_position_cb (CrmCard    *self,
                       GParamSpec *pspec,
                       GtkPaned   *paned)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int min_position, max_position;

  if (width <= 0)
    return;

  /* Within what the panes' minimum widths allow, or GtkPaned would hand
   * the fields pane less than it asked for and clip it. */
  g_object_get (paned,
                "min-position", &min_position,
                "max-position", &max_position,
                NULL);

  gtk_paned_set_position (paned, CLAMP ((int) (width * FIELDS_SHARE), min_position, MAX (min_position, max_position)));
}

static void
create_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmCard *self = CRM_CARD (widget);

  if (self->element != NULL)
    _crm_card_create_start (widget, self->session, crm_element_get_id (self->element),
                            g_variant_get_string (parameter, NULL), FALSE);
}

static void
convert_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmCard *self = CRM_CARD (widget);

  if (self->element != NULL)
    _crm_card_create_start (widget, self->session, crm_element_get_id (self->element),
                            "contact,company,deal", TRUE);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_card_constructed (GObject *object)
{
  CrmCard *self = CRM_CARD (object);

  G_OBJECT_CLASS (crm_card_parent_class)->constructed (object);

  g_assert (CRM_IS_SESSION (self->session));

  self->store_changed_id = g_signal_connect (crm_session_get_store (self->session), "changed",
                                             G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->stage_bar, "stage-activated", G_CALLBACK (stage_activated_cb), self);
}

static void
crm_card_dispose (GObject *object)
{
  CrmCard *self = CRM_CARD (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_session_get_store (self->session));

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CARD);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->element);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_card_parent_class)->dispose (object);
}

static void
crm_card_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrmCard *self = CRM_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ELEMENT:
      g_value_set_object (value, self->element);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_card_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CrmCard *self = CRM_CARD (object);

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
crm_card_class_init (CrmCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_card_constructed;
  object_class->dispose = crm_card_dispose;
  object_class->get_property = crm_card_get_property;
  object_class->set_property = crm_card_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ELEMENT] =
    g_param_spec_object ("element", NULL, NULL,
                         CRM_TYPE_ELEMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_CARD_TABS);
  g_type_ensure (CRM_TYPE_DEPENDENCIES_VIEW);
  g_type_ensure (CRM_TYPE_FIELDS_PANE);
  g_type_ensure (CRM_TYPE_HISTORY_VIEW);
  g_type_ensure (CRM_TYPE_STAGE_BAR);
  g_type_ensure (CRM_TYPE_TIMELINE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCard, create_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, dependencies_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, fields_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, general_paned);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, history_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, stage_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, header_actions);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, tabs);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, timeline_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCard, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, paned_max_position_cb);

  gtk_widget_class_install_action (widget_class, "card.create", "s", create_action_cb);
  gtk_widget_class_install_action (widget_class, "card.convert", NULL, convert_action_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-card");
}

static void
crm_card_init (CrmCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self->title_label), "card-title");
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_card_new (CrmSession *session)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return g_object_new (CRM_TYPE_CARD,
                       "session", session,
                       NULL);
}

CrmSession *
crm_card_get_session (CrmCard *self)
{
  g_return_val_if_fail (CRM_IS_CARD (self), NULL);

  return self->session;
}

gboolean
crm_card_load (CrmCard  *self,
               gint64    id,
               GError  **error)
{
  g_autoptr(CrmElement) element = NULL;

  g_return_val_if_fail (CRM_IS_CARD (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  element = crm_element_load (self->session, id, error);
  if (element == NULL)
    return FALSE;

  show_element (self, element);
  adw_view_stack_set_visible_child_name (self->view_stack, "general");

  return TRUE;
}

void
crm_card_clear (CrmCard *self)
{
  g_return_if_fail (CRM_IS_CARD (self));

  if (self->element == NULL)
    return;

  g_clear_object (&self->element);

  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->subtitle_label, "");
  crm_stage_bar_set_stages (self->stage_bar, NULL, 0);
  crm_fields_pane_set_element (self->fields_pane, NULL, NULL, NULL);
  crm_timeline_pane_set_element (self->timeline_pane, NULL, 0);
  crm_history_view_set_element (self->history_view, NULL, 0);
  crm_dependencies_view_set_element (self->dependencies_view, NULL, 0);
  _crm_card_create_update (self->create_button, NULL, NULL);
  crm_card_tabs_set_layout (self->tabs, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

CrmElement *
crm_card_get_element (CrmCard *self)
{
  g_return_val_if_fail (CRM_IS_CARD (self), NULL);

  return self->element;
}

gint64
crm_card_get_element_id (CrmCard *self)
{
  g_return_val_if_fail (CRM_IS_CARD (self), 0);

  return self->element != NULL ? crm_element_get_id (self->element) : 0;
}
