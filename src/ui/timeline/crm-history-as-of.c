/* crm-history-as-of.c — the card's fields as they were at a date,
 * read-only
 *
 * The core rebuilds the element as of the date (crm_element_load_as_of);
 * this shows it with the very sections and rows of the card, built
 * without any of their edit flags, so a value reads the same as on the
 * General tab and nothing can be clicked into an editor. A banner says
 * which moment this is and leads back to the present (the History tab's
 * "history.present" action).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-history-as-of.h"
#include "crm-section-group.h"

struct _CrmHistoryAsOf
{
  GtkWidget      parent_instance;

  CrmElement    *element;

  /* Template widgets */
  GtkLabel      *banner_label;
  AdwStatusPage *error_page;
  GtkBox        *sections_box;
  GtkStack      *stack;
  GtkLabel      *unknown_label;
};

G_DEFINE_FINAL_TYPE (CrmHistoryAsOf, crm_history_as_of, GTK_TYPE_WIDGET)

static char *
format_when (GDateTime *when)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autofree char *format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);

  return g_date_time_format (local, format);
}

static void
clear_sections (CrmHistoryAsOf *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_clear_object (&self->element);
}

/* Builds the sections; returns whether a field shown has values the
 * history cannot tell. */
static gboolean
fill_sections (CrmHistoryAsOf *self,
               GListModel     *sections)
{
  gboolean unknown = FALSE;
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);
      guint n_fields = g_list_model_get_n_items (fields);

      if (n_fields == 0)
        continue;

      /* No flags: no handle, no menu, no editor. */
      gtk_box_append (self->sections_box, crm_section_group_new (section, i, sections, self->element, 0));

      for (guint j = 0; j < n_fields && !unknown; j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          unknown = !crm_element_is_value_known (self->element, field);
        }
    }
  return unknown;
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_history_as_of_dispose (GObject *object)
{
  CrmHistoryAsOf *self = CRM_HISTORY_AS_OF (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_HISTORY_AS_OF);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (crm_history_as_of_parent_class)->dispose (object);
}

static void
crm_history_as_of_class_init (CrmHistoryAsOfClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_history_as_of_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-history-as-of.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryAsOf, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryAsOf, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryAsOf, sections_box);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryAsOf, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmHistoryAsOf, unknown_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crm-history-as-of");
}

static void
crm_history_as_of_init (CrmHistoryAsOf *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_history_as_of_new (void)
{
  return g_object_new (CRM_TYPE_HISTORY_AS_OF, NULL);
}

void
crm_history_as_of_show (CrmHistoryAsOf *self,
                        CrmSession     *session,
                        gint64          element_id,
                        GDateTime      *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *banner = NULL;
  gboolean unknown = FALSE;

  g_return_if_fail (CRM_IS_HISTORY_AS_OF (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));

  clear_sections (self);
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_label), FALSE);
  if (session == NULL || when == NULL)
    return;

  when_text = format_when (when);
  /* Translators: the banner over the card as it was: "Card as of 12/03/2026 14:00 — read-only" */
  banner = g_strdup_printf (_("Card as of %s — read-only"), when_text);
  gtk_label_set_text (self->banner_label, banner);

  self->element = crm_element_load_as_of (session, element_id, when, &error);
  if (self->element != NULL)
    {
      CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
      gint64 type_id = crm_element_get_entity_type_id (self->element);
      CrmEntityType *type = crm_catalog_get_entity_type (catalog, type_id);

      /* As the card does: deals have a layout per pipeline (the one of
       * the stage they were in then), other types one for all. */
      layout = crm_layout_resolve (session, type_id,
                                   type != NULL && crm_entity_type_has_pipelines (type)
                                   ? crm_element_get_pipeline_id (self->element) : 0,
                                   crm_element_get_lead_kind_id (self->element),
                                   &error);
    }

  if (layout == NULL)
    {
      g_clear_object (&self->element);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  unknown = fill_sections (self, crm_layout_get_sections (layout));
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_label), unknown);
  gtk_stack_set_visible_child_name (self->stack, "card");
}

CrmElement *
crm_history_as_of_get_element (CrmHistoryAsOf *self)
{
  g_return_val_if_fail (CRM_IS_HISTORY_AS_OF (self), NULL);

  return self->element;
}

const char *
crm_history_as_of_get_banner (CrmHistoryAsOf *self)
{
  g_return_val_if_fail (CRM_IS_HISTORY_AS_OF (self), NULL);

  return gtk_label_get_text (self->banner_label);
}
