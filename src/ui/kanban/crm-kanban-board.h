/* crm-kanban-board.h — the elements of a type with stages, a column per
 * stage of one pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"
#include "crm-kanban-column.h"

G_BEGIN_DECLS

#define CRM_TYPE_KANBAN_BOARD (crm_kanban_board_get_type ())

G_DECLARE_FINAL_TYPE (CrmKanbanBoard, crm_kanban_board, CRM, KANBAN_BOARD, GtkWidget)

GtkWidget       *crm_kanban_board_new             (CrmSession     *session);
/* Shows @entity_type's default pipeline (NULL, or a type without stages,
 * shows nothing). */
void             crm_kanban_board_set_entity_type (CrmKanbanBoard *self,
                                                   CrmEntityType  *entity_type);
gint64           crm_kanban_board_get_entity_type_id (CrmKanbanBoard *self);
/* One of the type's pipelines. */
void             crm_kanban_board_set_pipeline    (CrmKanbanBoard *self,
                                                   gint64          pipeline_id);
gint64           crm_kanban_board_get_pipeline    (CrmKanbanBoard *self);
/* The entry whose text filters the board (the window keeps it in step
 * with the list's). */
GtkEditable     *crm_kanban_board_get_search_entry (CrmKanbanBoard *self);
void             crm_kanban_board_focus_search    (CrmKanbanBoard *self);
/* The column of @stage_id, or NULL. */
CrmKanbanColumn *crm_kanban_board_get_column      (CrmKanbanBoard *self,
                                                   gint64          stage_id);
/* Counts and totals are read again on an idle after a change; this
 * reads them now (tests, benchmarks). */
void             crm_kanban_board_update_summaries (CrmKanbanBoard *self);

G_END_DECLS
