/* crm-timeline-row-private.h — what the timeline row's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-comment-editor.h"
#include "crm-timeline-row.h"

G_BEGIN_DECLS

struct _CrmTimelineRow
{
  GtkWidget         parent_instance;

  CrmSession       *session;
  CrmTimelineEntry *entry;
  char             *kind_class;
  /* The pinned section says it once for all its rows. */
  gboolean          show_pin;

  /* Built by start_editing (), kept for the row's next edits. */
  CrmCommentEditor *editor;

  /* Template widgets */
  GtkLabel         *author_label;
  GtkImage         *badge;
  GtkBox           *content_box;
  GtkLabel         *edited_label;
  GtkLabel         *kind_label;
  GtkMenuButton    *menu_button;
  GtkImage         *pin_image;
  GMenuModel       *row_menu;
  GtkLabel         *text_label;
  GtkLabel         *time_label;
};

/* crm-timeline-row.c */
void _crm_timeline_row_notify_editing  (CrmTimelineRow *self);

/* crm-timeline-row-actions.c: row.pin, row.edit … and their keys. */
void _crm_timeline_row_install_actions (GtkWidgetClass *widget_class);
/* Which actions the entry allows, and whether the menu shows. */
void _crm_timeline_row_update_actions  (CrmTimelineRow *self);
/* Shows the text again, dropping what the editor holds. */
void _crm_timeline_row_stop_editing    (CrmTimelineRow *self);
void _crm_timeline_row_create_popup_cb (GtkMenuButton  *button,
                                        gpointer        user_data);

G_END_DECLS
