/* crm-pipeline-manage-private.h — what crm-pipeline-manage.c (pipelines)
 * and crm-stage-manage.c (stages) share, inside their transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-session.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* The pipeline, once the session may manage its type's pipelines. */
CrmPipeline *_crm_pipeline_manage_find     (CrmSession   *session,
                                            gint64        pipeline_id,
                                            GError      **error);
/* The stage and its pipeline, likewise. */
CrmStage    *_crm_stage_manage_find        (CrmSession   *session,
                                            gint64        stage_id,
                                            CrmPipeline **pipeline,
                                            GError      **error);
/* @name cleaned, and no other of @names (CrmPipeline or CrmStage, with a
 * "name" property) but @self_id's shows it, case aside. */
char        *_crm_pipeline_manage_check_name (GListModel  *names,
                                              gint64       self_id,
                                              const char  *name,
                                              const char  *empty_message,
                                              const char  *taken_message,
                                              GError     **error);
/* A code made from @name, unique among the rows of @sql ("SELECT 1 FROM
 * … WHERE parent = ?1 AND code = ?2") for @parent_id. */
char        *_crm_pipeline_manage_make_code  (CrmStore    *store,
                                              const char  *sql,
                                              gint64       parent_id,
                                              const char  *name,
                                              const char  *fallback,
                                              GError     **error);
/* Moves the elements of @where ("stage_id = ?1" or "pipeline_id = ?1",
 * bound to @param) into @to_stage, each with a stage change on its
 * timeline by the session's user. */
gboolean     _crm_pipeline_manage_move_elements (CrmSession  *session,
                                                 const char  *where,
                                                 gint64       param,
                                                 CrmStage    *to_stage,
                                                 GError     **error);
/* The stages of @pipeline_id as stored now keep the rules: in progress
 * first (one at least), one success stage, failure last (one at least). */
gboolean     _crm_pipeline_manage_check_stages  (CrmStore    *store,
                                                 gint64       pipeline_id,
                                                 GError     **error);

G_END_DECLS
