/* crm-kanban-column.h — one stage on the kanban: its header and its cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_KANBAN_COLUMN (crm_kanban_column_get_type ())

G_DECLARE_FINAL_TYPE (CrmKanbanColumn, crm_kanban_column, CRM, KANBAN_COLUMN, GtkWidget)

GtkWidget  *crm_kanban_column_new         (CrmSession            *session,
                                           gint64                 entity_type_id,
                                           CrmStage              *stage,
                                           const char            *search);
gint64      crm_kanban_column_get_stage_id (CrmKanbanColumn      *self);
/* The stage's elements as the column lists them (a CrmElementListModel). */
GListModel *crm_kanban_column_get_model   (CrmKanbanColumn       *self);
void        crm_kanban_column_set_search  (CrmKanbanColumn       *self,
                                           const char            *search);
/* The header's count and total; @money_field says how amounts format. */
void        crm_kanban_column_set_summary (CrmKanbanColumn       *self,
                                           const CrmStageSummary *summary,
                                           CrmField              *money_field);
/* What the header shows, for tests. */
const char *crm_kanban_column_get_count_text (CrmKanbanColumn    *self);
const char *crm_kanban_column_get_total_text (CrmKanbanColumn    *self);
/* Drops @element here as a drop does: moves it through the stage-move
 * flow (confirmation, required fields), unless it is already here. */
gboolean    crm_kanban_column_drop        (CrmKanbanColumn       *self,
                                           CrmElement            *element);

G_END_DECLS
