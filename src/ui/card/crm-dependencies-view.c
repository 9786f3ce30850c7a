/* crm-dependencies-view.c — the Dependencies tab
 *
 * The core lists the related elements the reader may see, by type; the
 * view shows one boxed group per type, each row with the element's title,
 * its stage and how it is related.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-dependencies-view.h"

struct _CrmDependenciesView
{
  GtkWidget   parent_instance;

  CrmSession *session;
  gint64      element_id;
  gulong      changed_id;
  guint       n_rows;

  /* Template widgets */
  GtkBox     *groups_box;
  GtkStack   *stack;
};

G_DEFINE_FINAL_TYPE (CrmDependenciesView, crm_dependencies_view, GTK_TYPE_WIDGET)

static void
row_activated_cb (AdwActionRow *row,
                  gpointer      user_data)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "element-id"));

  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-element", "x", id);
}

static GtkWidget *
new_row (CrmDependenciesView *self,
         CrmRelation         *relation,
         CrmEntityType       *type)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (self->session));
  CrmElement *element = crm_relation_get_element (relation);
  CrmStage *stage = crm_catalog_get_stage (catalog, crm_element_get_stage_id (element));
  g_autofree char *name = g_strdup_printf ("dependency-%" G_GINT64_FORMAT, crm_element_get_id (element));
  g_autofree char *subtitle = NULL;
  const char *title = crm_element_get_title (element);
  GtkWidget *row = adw_action_row_new ();

  if (stage != NULL)
    subtitle = g_strdup_printf ("%s · %s", crm_relation_get_label (relation), crm_stage_get_name (stage));
  else
    subtitle = g_strdup (crm_relation_get_label (relation));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : _("Untitled"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (type != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), crm_entity_type_get_icon_name (type));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "element-id", GSIZE_TO_POINTER (crm_element_get_id (element)));
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), NULL);
  return row;
}

static void
reload (CrmDependenciesView *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  AdwPreferencesGroup *group = NULL;
  gint64 group_type = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  self->n_rows = 0;

  if (self->session != NULL && self->element_id != 0)
    relations = crm_relations_list (self->session, self->element_id, &error);
  if (error != NULL)
    g_debug ("No dependencies for %" G_GINT64_FORMAT ": %s", self->element_id, error->message);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      CrmRelation *relation = g_ptr_array_index (relations, i);
      gint64 type_id = crm_element_get_entity_type_id (crm_relation_get_element (relation));
      CrmEntityType *type = crm_catalog_get_entity_type (crm_store_get_catalog (crm_session_get_store (self->session)),
                                                         type_id);

      if (group == NULL || type_id != group_type)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, type != NULL ? crm_entity_type_get_name_plural (type) : "");
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
          group_type = type_id;
        }
      adw_preferences_group_add (group, new_row (self, relation, type));
      self->n_rows++;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

/* Any element's change may add or drop a relation; the list is short. */
static void
store_changed_cb (CrmStore            *store,
                  CrmChange           *change,
                  CrmDependenciesView *self)
{
  if (crm_change_has_kind (change, CRM_CHANGE_ELEMENT_ADDED) ||
      crm_change_has_kind (change, CRM_CHANGE_ELEMENT_UPDATED) ||
      crm_change_has_kind (change, CRM_CHANGE_ELEMENT_REMOVED) ||
      crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    reload (self);
}

static void
disconnect_store (CrmDependenciesView *self)
{
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, crm_session_get_store (self->session));
}

static void
crm_dependencies_view_dispose (GObject *object)
{
  CrmDependenciesView *self = CRM_DEPENDENCIES_VIEW (object);

  disconnect_store (self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEPENDENCIES_VIEW);

  G_OBJECT_CLASS (crm_dependencies_view_parent_class)->dispose (object);
}

static void
crm_dependencies_view_class_init (CrmDependenciesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_dependencies_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-dependencies-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDependenciesView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDependenciesView, stack);
  gtk_widget_class_set_css_name (widget_class, "crm-dependencies-view");
}

static void
crm_dependencies_view_init (CrmDependenciesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
crm_dependencies_view_set_element (CrmDependenciesView *self,
                                   CrmSession          *session,
                                   gint64               element_id)
{
  g_return_if_fail (CRM_IS_DEPENDENCIES_VIEW (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));

  if (session != self->session)
    {
      disconnect_store (self);
      g_set_object (&self->session, session);
      if (session != NULL)
        self->changed_id = g_signal_connect (crm_session_get_store (session), "changed",
                                             G_CALLBACK (store_changed_cb), self);
    }
  self->element_id = session != NULL ? element_id : 0;
  reload (self);
}

guint
crm_dependencies_view_get_n_rows (CrmDependenciesView *self)
{
  g_return_val_if_fail (CRM_IS_DEPENDENCIES_VIEW (self), 0);
  return self->n_rows;
}
