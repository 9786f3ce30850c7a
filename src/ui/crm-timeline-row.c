/* crm-timeline-row.c — one entry of a card's timeline
 *
 * A round badge with the kind's icon, the author and how long ago, then
 * the text: the comment, or a summary of what changed. The badge's colour
 * comes from style.css, by kind (.crm-timeline-badge.comment …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-timeline-row.h"

struct _CrmTimelineRow
{
  GtkWidget         parent_instance;

  CrmTimelineEntry *entry;
  char             *kind_class;

  /* Template widgets */
  GtkLabel         *author_label;
  GtkImage         *badge;
  GtkLabel         *kind_label;
  GtkLabel         *text_label;
  GtkLabel         *time_label;
};

G_DEFINE_FINAL_TYPE (CrmTimelineRow, crm_timeline_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_kind (CrmTimelineRow *self,
          CrmEntryKind    kind)
{
  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), self->kind_class);

  g_free (self->kind_class);
  self->kind_class = g_strdup (crm_entry_kind_to_code (kind));

  if (self->kind_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), self->kind_class);

  gtk_image_set_from_icon_name (self->badge, crm_entry_kind_get_icon_name (kind));

  /* A comment says what it is by itself; other kinds get a word. */
  gtk_label_set_text (self->kind_label,
                      kind == CRM_ENTRY_COMMENT ? "" : crm_entry_kind_get_label (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), kind != CRM_ENTRY_COMMENT);
}

static void
set_time (CrmTimelineRow *self,
          GDateTime      *created_at,
          GDateTime      *now)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *format = NULL;
  g_autofree char *full = NULL;

  if (created_at == NULL)
    {
      gtk_label_set_text (self->time_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), NULL);
      return;
    }

  local = g_date_time_to_local (created_at);
  relative = crm_format_relative_time (local, now);
  format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);
  full = g_date_time_format (local, format);

  gtk_label_set_text (self->time_label, relative);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), full);
}

static void
crm_timeline_row_dispose (GObject *object)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TIMELINE_ROW);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->entry);
  g_clear_pointer (&self->kind_class, g_free);

  G_OBJECT_CLASS (crm_timeline_row_parent_class)->dispose (object);
}

static void
crm_timeline_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_timeline_row_class_init (CrmTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_timeline_row_dispose;
  object_class->get_property = crm_timeline_row_get_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         CRM_TYPE_TIMELINE_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, badge);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, time_label);

  gtk_widget_class_set_css_name (widget_class, "crm-timeline-row");
}

static void
crm_timeline_row_init (CrmTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* For the end-to-end tests: the rows' parts, top to bottom. */
  gtk_widget_set_name (GTK_WIDGET (self->author_label), "timeline-author");
  gtk_widget_set_name (GTK_WIDGET (self->text_label), "timeline-text");
  gtk_widget_set_name (GTK_WIDGET (self->time_label), "timeline-time");
}

GtkWidget *
crm_timeline_row_new (void)
{
  return g_object_new (CRM_TYPE_TIMELINE_ROW, NULL);
}

void
crm_timeline_row_set_entry (CrmTimelineRow   *self,
                            CrmTimelineEntry *entry,
                            GDateTime        *now)
{
  g_autofree char *summary = NULL;
  const char *author;

  g_return_if_fail (CRM_IS_TIMELINE_ROW (self));
  g_return_if_fail (entry == NULL || CRM_IS_TIMELINE_ENTRY (entry));
  g_return_if_fail (now != NULL);

  /* Bound again to the same entry, the row still updates its time. */
  if (g_set_object (&self->entry, entry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);

  if (entry == NULL)
    return;

  author = crm_timeline_entry_get_author_name (entry);
  if (author == NULL)
    /* Translators: the author of timeline entries Clientele wrote itself */
    author = _("Clientele");

  summary = crm_timeline_entry_dup_summary (entry);

  set_kind (self, crm_timeline_entry_get_kind (entry));
  set_time (self, crm_timeline_entry_get_created_at (entry), now);
  gtk_label_set_text (self->author_label, author);
  gtk_label_set_text (self->text_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), summary != NULL && *summary != '\0');
}

CrmTimelineEntry *
crm_timeline_row_get_entry (CrmTimelineRow *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ROW (self), NULL);

  return self->entry;
}
