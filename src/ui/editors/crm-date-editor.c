/* crm-date-editor.c — a date (or date and time) entry with a calendar
 *
 * The entry is the truth: it takes the locale's form ("26/11/2026 14:30")
 * and the core parses it, so typing is as good as clicking. The calendar
 * popover (with hour and minute for date-times) writes into the entry;
 * it opens on whatever date the entry holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-date-editor.h"
#include "crm-value-input.h"

struct _CrmDateEditor
{
  GtkWidget      parent_instance;

  CrmField      *field;
  GtkEntry      *entry;
  GtkMenuButton *calendar_button;
  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;    /* date-time only */
  GtkSpinButton *minute_spin;
  CrmValue      *initial;
  char          *initial_text;
  gboolean       syncing;      /* the popover is being filled from the entry */
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmDateEditor, crm_date_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static gboolean
is_datetime (CrmDateEditor *self)
{
  return crm_field_get_field_type (self->field) == CRM_FIELD_TYPE_DATETIME;
}

static void
crm_date_editor_set_values (CrmValueInput *input,
                            GPtrArray     *values)
{
  CrmDateEditor *self = CRM_DATE_EDITOR (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->initial, crm_value_free);
  g_clear_pointer (&self->initial_text, g_free);
  if (value != NULL)
    {
      text = crm_value_to_input (value, crm_field_get_options (self->field),
                                 crm_locale_get_default ());
      self->initial = crm_value_copy (value);
      self->initial_text = g_strdup (text);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
}

static GPtrArray *
crm_date_editor_get_values (CrmValueInput  *input,
                            GError        **error)
{
  CrmDateEditor *self = CRM_DATE_EDITOR (input);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* Untouched, a date-time keeps its seconds, which the entry doesn't show. */
  if (self->initial != NULL && g_strcmp0 (text, self->initial_text) == 0)
    {
      GPtrArray *values = crm_value_array_new ();

      g_ptr_array_add (values, crm_value_copy (self->initial));
      return values;
    }
  return crm_value_input_parse_text (self->field, NULL, text, error);
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_date_editor_set_values;
  iface->get_values = crm_date_editor_get_values;
}

/* What the entry holds, in local time; NULL when it does not parse. */
static GDateTime *
get_entered_time (CrmDateEditor *self)
{
  g_autoptr(GPtrArray) values = NULL;
  const CrmValue *value;

  values = crm_date_editor_get_values (CRM_VALUE_INPUT (self), NULL);
  if (values == NULL || values->len == 0)
    return NULL;
  value = g_ptr_array_index (values, 0);

  if (is_datetime (self))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (value->text, NULL);

      return utc ? g_date_time_to_local (utc) : NULL;
    }
  else
    {
      g_autofree char *iso = g_strconcat (value->text, "T00:00:00", NULL);
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

      return g_date_time_new_from_iso8601 (iso, tz);
    }
}

/* Writes the calendar's day (and the spin buttons' time) into the entry. */
static void
write_entry (CrmDateEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(CrmValue) value = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *text = NULL;

  if (is_datetime (self))
    {
      g_autoptr(GDateTime) local = NULL;
      g_autoptr(GDateTime) utc = NULL;

      local = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                     g_date_time_get_day_of_month (day),
                                     gtk_spin_button_get_value_as_int (self->hour_spin),
                                     gtk_spin_button_get_value_as_int (self->minute_spin), 0);
      if (local == NULL)
        return;
      utc = g_date_time_to_utc (local);
      canonical = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  else
    canonical = g_date_time_format (day, "%Y-%m-%d");

  value = crm_value_new_text (crm_field_get_field_type (self->field), canonical);
  text = crm_value_to_input (value, crm_field_get_options (self->field), crm_locale_get_default ());
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

static void
popover_show_cb (CrmDateEditor *self)
{
  g_autoptr(GDateTime) time = get_entered_time (self);

  if (time == NULL)
    time = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, time);
  if (self->hour_spin != NULL)
    {
      gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (time));
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (time));
    }
  self->syncing = FALSE;
}

static void
day_selected_cb (CrmDateEditor *self)
{
  if (self->syncing)
    return;
  write_entry (self);
  /* A date is complete with the day; a date-time still wants its time. */
  if (!is_datetime (self))
    gtk_menu_button_popdown (self->calendar_button);
}

static void
time_changed_cb (CrmDateEditor *self)
{
  if (!self->syncing)
    write_entry (self);
}

/* "09" rather than "9", as clocks read. */
static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
changed_cb (CrmDateEditor *self)
{
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
activate_cb (CrmDateEditor *self)
{
  crm_value_input_emit_activate (CRM_VALUE_INPUT (self));
}

static void
crm_date_editor_dispose (GObject *object)
{
  CrmDateEditor *self = CRM_DATE_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->entry = NULL;
  g_clear_object (&self->field);
  g_clear_pointer (&self->initial, crm_value_free);
  g_clear_pointer (&self->initial_text, g_free);

  G_OBJECT_CLASS (crm_date_editor_parent_class)->dispose (object);
}

static void
crm_date_editor_class_init (CrmDateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_date_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
crm_date_editor_init (CrmDateEditor *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
}

/* "DD/MM/YYYY" from the locale's format, with the core's words for it. */
static char *
describe_format (CrmDateEditor *self)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = locale->date_format; *p != '\0'; p++)
    {
      if (p[0] != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == 'd')
        /* Translators: stands for the day in a date format such as DD/MM/YYYY */
        g_string_append (out, C_("date format", "DD"));
      else if (*p == 'm')
        /* Translators: stands for the month in a date format such as DD/MM/YYYY */
        g_string_append (out, C_("date format", "MM"));
      else if (*p == 'Y')
        /* Translators: stands for the year in a date format such as DD/MM/YYYY */
        g_string_append (out, C_("date format", "YYYY"));
      else
        g_string_append_c (out, *p);
    }
  if (is_datetime (self))
    /* Translators: the time part of a date-time format, after DD/MM/YYYY */
    g_string_append_printf (out, " %s", C_("time format", "HH:MM"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkSpinButton *
new_time_spin (CrmDateEditor *self,
               int            max,
               const char    *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (time_changed_cb), self);
  return spin;
}

static GtkWidget *
build_popover (CrmDateEditor *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  if (is_datetime (self))
    {
      GtkWidget *time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *colon = gtk_label_new (":");

      gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
      self->hour_spin = new_time_spin (self, 23, _("Hour"));
      self->minute_spin = new_time_spin (self, 59, _("Minute"));
      gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->hour_spin));
      gtk_box_append (GTK_BOX (time_box), colon);
      gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->minute_spin));
      gtk_box_append (GTK_BOX (box), time_box);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);
  return popover;
}

GtkWidget *
crm_date_editor_new (CrmField *field)
{
  CrmDateEditor *self;
  g_autofree char *format = NULL;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_DATE_EDITOR, NULL);
  self->field = g_object_ref (field);
  format = describe_format (self);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), is_datetime (self) ? 17 : 12);
  gtk_entry_set_placeholder_text (self->entry, format);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (field),
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activate_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));

  self->calendar_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_name (GTK_WIDGET (self->calendar_button), "calendar-button");
  gtk_menu_button_set_icon_name (self->calendar_button, "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar_button),
                               is_datetime (self) ? _("Choose a date and time") : _("Choose a date"));
  gtk_menu_button_set_popover (self->calendar_button, build_popover (self));
  gtk_widget_set_parent (GTK_WIDGET (self->calendar_button), GTK_WIDGET (self));
  return GTK_WIDGET (self);
}
