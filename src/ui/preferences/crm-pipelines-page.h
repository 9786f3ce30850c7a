/* crm-pipelines-page.h — Preferences › Pipelines and Stages: each type's
 * pipelines, created, renamed and deleted, and their stages added,
 * renamed, recoloured, dragged into order and deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_PIPELINES_PAGE (crm_pipelines_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmPipelinesPage, crm_pipelines_page, CRM, PIPELINES_PAGE, AdwPreferencesPage)

/* NULL when @session's user may manage the pipelines of no type. */
AdwPreferencesPage *crm_pipelines_page_new          (CrmSession       *session);
/* The type and pipeline shown; 0 for none. */
gint64              crm_pipelines_page_get_pipeline (CrmPipelinesPage *self);
void                crm_pipelines_page_show         (CrmPipelinesPage *self,
                                                     gint64            entity_type_id,
                                                     gint64            pipeline_id);

G_END_DECLS
