/* crm-timeline-row.c — one entry of a card's timeline
 *
 * A round badge with the kind's icon, the author and how long ago, then
 * the text: the comment, or a summary of what changed. The badge's colour
 * comes from style.css, by kind (.crm-timeline-badge.comment …).
 *
 * Tooltips are asked for (query-tooltip), never set: in GTK 4.8 setting
 * one on a shown widget asks the X server where the pointer is, a round
 * trip per row bound.
 *
 * A menu pins the entry, and lets the author edit or delete a comment
 * (crm-timeline-row-actions.c). The editor and the menu's popover are
 * built on first use: a list shows many rows and few are ever edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-comment-editor.h"
#include "crm-timeline-row-private.h"

G_DEFINE_FINAL_TYPE (CrmTimelineRow, crm_timeline_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_full_time (GDateTime *time)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);

  return g_date_time_format (local, format);
}

static void
set_kind (CrmTimelineRow *self,
          CrmEntryKind    kind)
{
  const char *code = crm_entry_kind_to_code (kind);

  if (g_strcmp0 (self->kind_class, code) == 0)
    return;

  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), self->kind_class);

  g_free (self->kind_class);
  self->kind_class = g_strdup (code);

  if (self->kind_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), self->kind_class);

  gtk_image_set_from_icon_name (self->badge, crm_entry_kind_get_icon_name (kind));

  /* A comment says what it is by itself; other kinds get a word. */
  gtk_label_set_text (self->kind_label,
                      kind == CRM_ENTRY_COMMENT ? "" : crm_entry_kind_get_label (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), kind != CRM_ENTRY_COMMENT);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip,
                  CrmTimelineRow *self)
{
  g_autofree char *text = NULL;

  if (widget == GTK_WIDGET (self->menu_button))
    {
      gtk_tooltip_set_text (tooltip, _("More Actions"));
      return TRUE;
    }

  if (widget == GTK_WIDGET (self->pin_image))
    {
      gtk_tooltip_set_text (tooltip, _("Pinned"));
      return TRUE;
    }

  if (self->entry == NULL)
    return FALSE;

  if (widget == GTK_WIDGET (self->time_label) && crm_timeline_entry_get_created_at (self->entry) != NULL)
    {
      text = format_full_time (crm_timeline_entry_get_created_at (self->entry));
    }
  else if (widget == GTK_WIDGET (self->edited_label) && crm_timeline_entry_get_edited_at (self->entry) != NULL)
    {
      g_autofree char *full = format_full_time (crm_timeline_entry_get_edited_at (self->entry));

      /* Translators: tooltip of "(edited)"; %s is a date and time */
      text = g_strdup_printf (_("Edited %s"), full);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------- */

static gboolean
text_activate_link_cb (GtkLabel       *label,
                       const char     *uri,
                       CrmTimelineRow *self)
{
  gint64 id;

  if (!g_str_has_prefix (uri, "element:"))
    return FALSE;
  id = g_ascii_strtoll (uri + strlen ("element:"), NULL, 10);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-element", "x", id);
  return TRUE;
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

  self->editor = NULL;

  g_clear_object (&self->entry);
  g_clear_object (&self->session);
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

    case PROP_EDITING:
      g_value_set_boolean (value, crm_timeline_row_get_editing (self));
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

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, badge);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, edited_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, pin_image);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, row_menu);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineRow, time_label);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  _crm_timeline_row_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "crm-timeline-row");
}

static void
crm_timeline_row_init (CrmTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_pin = TRUE;

  /* For the end-to-end tests: the rows' parts, top to bottom. */
  gtk_widget_set_name (GTK_WIDGET (self->author_label), "timeline-author");
  gtk_widget_set_name (GTK_WIDGET (self->text_label), "timeline-text");
  g_signal_connect (self->text_label, "activate-link", G_CALLBACK (text_activate_link_cb), self);
  gtk_widget_set_name (GTK_WIDGET (self->time_label), "timeline-time");

  gtk_menu_button_set_create_popup_func (self->menu_button, _crm_timeline_row_create_popup_cb, self, NULL);

  _crm_timeline_row_update_actions (self);
}

/* ---- Private API --------------------------------------------------------- */

void
_crm_timeline_row_notify_editing (CrmTimelineRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_timeline_row_new (void)
{
  return g_object_new (CRM_TYPE_TIMELINE_ROW, NULL);
}

void
crm_timeline_row_set_session (CrmTimelineRow *self,
                              CrmSession     *session)
{
  g_return_if_fail (CRM_IS_TIMELINE_ROW (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    _crm_timeline_row_update_actions (self);
}

void
crm_timeline_row_set_entry (CrmTimelineRow   *self,
                            CrmTimelineEntry *entry,
                            GDateTime        *now)
{
  g_autofree char *summary = NULL;
  g_autofree char *menu_name = NULL;
  const char *author;
  gint64 old_id;

  g_return_if_fail (CRM_IS_TIMELINE_ROW (self));
  g_return_if_fail (entry == NULL || CRM_IS_TIMELINE_ENTRY (entry));
  g_return_if_fail (now != NULL);

  old_id = self->entry != NULL ? crm_timeline_entry_get_id (self->entry) : 0;

  /* An edit in progress belongs to its entry: a recycled row drops it,
   * the same entry shown again (pinned section refresh) keeps it. */
  if (entry == NULL || crm_timeline_entry_get_id (entry) != old_id)
    _crm_timeline_row_stop_editing (self);

  /* Bound again to the same entry, the row still updates its time. */
  if (g_set_object (&self->entry, entry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);

  _crm_timeline_row_update_actions (self);

  if (entry == NULL)
    return;

  author = crm_timeline_entry_get_author_name (entry);
  if (author == NULL)
    /* Translators: the author of timeline entries Clientele wrote itself */
    author = _("Clientele");

  summary = crm_timeline_entry_dup_summary (entry);

  set_kind (self, crm_timeline_entry_get_kind (entry));
  crm_timeline_row_update_time (self, now);
  gtk_widget_set_visible (GTK_WIDGET (self->edited_label), crm_timeline_entry_get_edited_at (entry) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_image), self->show_pin && crm_timeline_entry_is_pinned (entry));
  gtk_label_set_text (self->author_label, author);
  if (crm_timeline_entry_get_linked_element_id (entry) != 0 && summary != NULL)
    {
      /* "Created from Lead #12 …" opens that lead. */
      g_autofree char *escaped = g_markup_escape_text (summary, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"element:%" G_GINT64_FORMAT "\">%s</a>",
                                                 crm_timeline_entry_get_linked_element_id (entry), escaped);

      gtk_label_set_markup (self->text_label, markup);
    }
  else
    gtk_label_set_text (self->text_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label),
                          summary != NULL && *summary != '\0' && !crm_timeline_row_get_editing (self));

  menu_name = g_strdup_printf ("comment-menu-%" G_GINT64_FORMAT, crm_timeline_entry_get_id (entry));
  gtk_widget_set_name (GTK_WIDGET (self->menu_button), menu_name);
}

CrmTimelineEntry *
crm_timeline_row_get_entry (CrmTimelineRow *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ROW (self), NULL);

  return self->entry;
}

void
crm_timeline_row_update_time (CrmTimelineRow *self,
                              GDateTime      *now)
{
  GDateTime *created_at;
  g_autofree char *relative = NULL;

  g_return_if_fail (CRM_IS_TIMELINE_ROW (self));
  g_return_if_fail (now != NULL);

  created_at = self->entry != NULL ? crm_timeline_entry_get_created_at (self->entry) : NULL;
  if (created_at == NULL)
    {
      gtk_label_set_text (self->time_label, "");
      return;
    }

  /* The full date and time is the label's tooltip (query_tooltip_cb). */
  relative = crm_format_relative_time (created_at, now);
  gtk_label_set_text (self->time_label, relative);
}

void
crm_timeline_row_set_show_pin (CrmTimelineRow *self,
                               gboolean        show_pin)
{
  g_return_if_fail (CRM_IS_TIMELINE_ROW (self));

  self->show_pin = !!show_pin;
  gtk_widget_set_visible (GTK_WIDGET (self->pin_image),
                          show_pin && self->entry != NULL && crm_timeline_entry_is_pinned (self->entry));
}

gboolean
crm_timeline_row_get_editing (CrmTimelineRow *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ROW (self), FALSE);

  return self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor));
}

GtkTextView *
crm_timeline_row_get_editor (CrmTimelineRow *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ROW (self), NULL);

  return crm_timeline_row_get_editing (self) ? crm_comment_editor_get_text_view (self->editor) : NULL;
}
