/* crm-pipelines-page-private.h — the page is one object in three files:
 * crm-pipelines-page.c chooses the type and pipeline and rebuilds;
 * crm-pipelines-page-stages.c lists the stages and carries the rows'
 * gestures to the core; crm-pipelines-page-dialogs.c asks for a
 * pipeline's name and confirms deletions, with where elements go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-pipelines-page.h"
#include "crm-stage-row.h"

G_BEGIN_DECLS

struct _CrmPipelinesPage
{
  AdwPreferencesPage  parent_instance;

  CrmSession         *session;
  gulong              store_changed_id;
  /* What the combo rows list, by position; ids, never catalog objects,
   * which a reload replaces. */
  GArray             *type_ids;
  GArray             *pipeline_ids;
  gint64              type_id;
  gint64              pipeline_id;
  gboolean            updating;
  /* Rebuilds wait for an idle: a row's gesture must not free the row. */
  guint               refresh_id;
  gint64              edit_stage_id;   /* then edit this stage's name */
  gint64              focus_stage_id;  /* or focus its row */

  /* Template widgets */
  AdwComboRow        *type_row;
  AdwComboRow        *pipeline_row;
  GtkWidget          *add_pipeline_button;
  GtkWidget          *delete_pipeline_button;
  AdwPreferencesGroup *stages_group;
  GtkListBox         *stages_list;
};

CrmCatalog *_crm_pipelines_page_get_catalog (CrmPipelinesPage *self);
GtkWindow  *_crm_pipelines_page_get_window  (CrmPipelinesPage *self);
void        _crm_pipelines_page_add_toast   (CrmPipelinesPage *self,
                                             const char       *message);

CrmPipeline *_crm_pipelines_page_get_pipeline  (CrmPipelinesPage *self);
/* Rebuilds the page from the catalog in an idle. */
void         _crm_pipelines_page_queue_refresh (CrmPipelinesPage *self);

/* crm-pipelines-page-stages.c */
void         _crm_pipelines_page_fill_stages     (CrmPipelinesPage *self);
CrmStageRow *_crm_pipelines_page_find_row        (CrmPipelinesPage *self,
                                                  gint64            stage_id);
void         _crm_pipelines_page_add_drop_target (CrmPipelinesPage *self);
/* A stage in progress, named and coloured anew, its name then edited. */
void         _crm_pipelines_page_add_stage       (CrmPipelinesPage *self);

/* crm-pipelines-page-dialogs.c */
void        _crm_pipelines_page_ask_name            (CrmPipelinesPage *self,
                                                     gboolean          rename);
void        _crm_pipelines_page_ask_delete_pipeline (CrmPipelinesPage *self);
void        _crm_pipelines_page_ask_delete_stage    (CrmPipelinesPage *self,
                                                     gint64            stage_id);

G_END_DECLS
