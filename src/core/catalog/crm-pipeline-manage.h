/* crm-pipeline-manage.h — creating, changing and deleting pipelines and
 * their stages (needs CRM_PERMISSION_PIPELINES_MANAGE on the type)
 *
 * The rules every pipeline keeps, as Bitrix24's do:
 *  - its stages run: the stages in progress (at least one), then exactly
 *    one success stage, then the failure stages (at least one). A move
 *    stays within its part; a stage changed from in progress to failure
 *    (or back) moves to the nearest place of its new part. The success
 *    stage can be renamed and recoloured, not deleted nor changed.
 *  - a stage has a name (unique in its pipeline, case aside), a colour
 *    "#rrggbb" and a stable code made from its first name.
 *  - a stage that holds elements is deleted only with a target stage of
 *    the same pipeline they move to; a pipeline, only with another
 *    pipeline of the type whose first stage they move to. Each moved
 *    element gets a stage change on its timeline. A type keeps at least
 *    one pipeline; deleting the default one makes the first left the
 *    default. A field required from a deleted stage on stays required
 *    from the stage after it (the same stages but that one), or no
 *    longer when none follows.
 *  - built-in names are stored as English msgids and shown translated; a
 *    rename stores what was typed, unless it is the name shown already.
 *  - only types with pipelines (deals, user-defined types with stages)
 *    have more than one; leads, quotes and invoices have one each.
 *
 * Every call is one transaction that changes nothing when it fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-session.h"
#include "crm-stage.h"

G_BEGIN_DECLS

/* "#3584e4": a hash and six hex digits. */
gboolean crm_stage_color_is_valid      (const char         *color);

/* How many elements are in the pipeline / the stage; -1 with an error. */
gint64   crm_pipeline_count_elements   (CrmSession         *session,
                                        gint64              pipeline_id,
                                        GError            **error);
gint64   crm_stage_count_elements      (CrmSession         *session,
                                        gint64              stage_id,
                                        GError            **error);

/* A new pipeline, last, with the type's default stages (translated names)
 * and its own standard card layout. Returns its id, or 0. */
gint64   crm_pipeline_create           (CrmSession         *session,
                                        gint64              entity_type_id,
                                        const char         *name,
                                        GError            **error);
gboolean crm_pipeline_rename           (CrmSession         *session,
                                        gint64              pipeline_id,
                                        const char         *name,
                                        GError            **error);
/* @target_pipeline_id: where its elements go (its first stage); 0 when
 * it has none. Its stages, layouts and the rules required from its
 * stages go with it. */
gboolean crm_pipeline_delete           (CrmSession         *session,
                                        gint64              pipeline_id,
                                        gint64              target_pipeline_id,
                                        GError            **error);

/* A new stage, in progress (last of those) or failure (last). Returns
 * its id, or 0. */
gint64   crm_stage_create              (CrmSession         *session,
                                        gint64              pipeline_id,
                                        const char         *name,
                                        const char         *color,
                                        CrmStageSemantics   semantics,
                                        GError            **error);
gboolean crm_stage_rename              (CrmSession         *session,
                                        gint64              stage_id,
                                        const char         *name,
                                        GError            **error);
gboolean crm_stage_set_color           (CrmSession         *session,
                                        gint64              stage_id,
                                        const char         *color,
                                        GError            **error);
/* In progress ↔ failure only. */
gboolean crm_stage_set_semantics       (CrmSession         *session,
                                        gint64              stage_id,
                                        CrmStageSemantics   semantics,
                                        GError            **error);
/* @position: the stage's new index in its pipeline (0 first), within its
 * part. */
gboolean crm_stage_move                (CrmSession         *session,
                                        gint64              stage_id,
                                        guint               position,
                                        GError            **error);
/* @target_stage_id: another stage of the pipeline its elements move to;
 * 0 when it holds none. */
gboolean crm_stage_delete              (CrmSession         *session,
                                        gint64              stage_id,
                                        gint64              target_stage_id,
                                        GError            **error);

G_END_DECLS
