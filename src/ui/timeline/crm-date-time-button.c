/* crm-date-time-button.c — a menu button that picks a past moment
 *
 * The popover holds a calendar and the hour and minute, as GNOME's own
 * date choosers do, and a Now button that goes back to the present. A day
 * clicked, or a time changed, applies at once: what the button drives
 * follows while the popover is open. A day chosen without touching the
 * time means its end (23:59), and a minute means all of it, so the changes
 * the History lists at "14:00" are part of the card "as of 14:00".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "clientele-core.h"
#include "crm-date-time-button.h"

struct _CrmDateTimeButton
{
  GtkWidget         parent_instance;

  GDateTime        *date_time;   /* NULL: now */
  gboolean          syncing;     /* the popover is being filled */

  /* Template widgets */
  GtkCalendar      *calendar;
  AdwButtonContent *content;
  GtkSpinButton    *hour_spin;
  GtkMenuButton    *menu_button;
  GtkSpinButton    *minute_spin;
  GtkButton        *now_button;
};

G_DEFINE_FINAL_TYPE (CrmDateTimeButton, crm_date_time_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (CrmDateTimeButton *self)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autofree char *format = NULL;
  g_autofree char *text = NULL;

  if (self->date_time == NULL)
    {
      adw_button_content_set_label (self->content, _("Card as of a _Date…"));
      return;
    }

  format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);
  text = g_date_time_format (self->date_time, format);
  adw_button_content_set_label (self->content, text);
}

/* The calendar and the spin buttons show the chosen moment, or today's
 * end for now. */
static void
sync_popover (CrmDateTimeButton *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (self->date_time != NULL)
    shown = g_date_time_ref (self->date_time);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      shown = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), 23, 59, 0);
    }

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
  self->syncing = FALSE;
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
apply_cb (CrmDateTimeButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) chosen = NULL;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->calendar);
  chosen = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day),
                                  gtk_spin_button_get_value_as_int (self->hour_spin),
                                  gtk_spin_button_get_value_as_int (self->minute_spin),
                                  59.999);
  crm_date_time_button_set_date_time (self, chosen);
}

static void
now_clicked_cb (CrmDateTimeButton *self)
{
  crm_date_time_button_set_date_time (self, NULL);
  gtk_menu_button_popdown (self->menu_button);
}

static void
popover_show_cb (CrmDateTimeButton *self)
{
  sync_popover (self);
}

/* "07", not "7": the minutes of a clock. */
static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_date_time_button_dispose (GObject *object)
{
  CrmDateTimeButton *self = CRM_DATE_TIME_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DATE_TIME_BUTTON);
  g_clear_pointer (&self->date_time, g_date_time_unref);

  G_OBJECT_CLASS (crm_date_time_button_parent_class)->dispose (object);
}

static void
crm_date_time_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmDateTimeButton *self = CRM_DATE_TIME_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_date_time_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmDateTimeButton *self = CRM_DATE_TIME_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      crm_date_time_button_set_date_time (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_date_time_button_class_init (CrmDateTimeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_date_time_button_dispose;
  object_class->get_property = crm_date_time_button_get_property;
  object_class->set_property = crm_date_time_button_set_property;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-date-time-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeButton, content);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeButton, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeButton, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeButton, now_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crm-date-time-button");
}

static void
crm_date_time_button_init (CrmDateTimeButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
  sync_popover (self);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_date_time_button_new (void)
{
  return g_object_new (CRM_TYPE_DATE_TIME_BUTTON, NULL);
}

GDateTime *
crm_date_time_button_get_date_time (CrmDateTimeButton *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_BUTTON (self), NULL);

  return self->date_time;
}

void
crm_date_time_button_set_date_time (CrmDateTimeButton *self,
                                    GDateTime         *date_time)
{
  g_return_if_fail (CRM_IS_DATE_TIME_BUTTON (self));

  if (self->date_time == date_time ||
      (self->date_time != NULL && date_time != NULL && g_date_time_equal (self->date_time, date_time)))
    return;

  g_clear_pointer (&self->date_time, g_date_time_unref);
  if (date_time != NULL)
    self->date_time = g_date_time_to_local (date_time);

  update_label (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->now_button), self->date_time != NULL);
  if (!self->syncing)
    sync_popover (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
}

GtkCalendar *
crm_date_time_button_get_calendar (CrmDateTimeButton *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_BUTTON (self), NULL);

  return self->calendar;
}
