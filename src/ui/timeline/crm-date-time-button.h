/* crm-date-time-button.h — a menu button that picks a past moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_DATE_TIME_BUTTON (crm_date_time_button_get_type ())

G_DECLARE_FINAL_TYPE (CrmDateTimeButton, crm_date_time_button, CRM, DATE_TIME_BUTTON, GtkWidget)

GtkWidget   *crm_date_time_button_new           (void);
/* The chosen minute, to its last millisecond, in local time; NULL for now
 * (the present). Notifies "date-time" when it changes. */
GDateTime   *crm_date_time_button_get_date_time (CrmDateTimeButton *self);
void         crm_date_time_button_set_date_time (CrmDateTimeButton *self,
                                                 GDateTime         *date_time);
GtkCalendar *crm_date_time_button_get_calendar  (CrmDateTimeButton *self);

G_END_DECLS
