/* crm-element-move.h — moving an element to another stage of its pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-element.h"
#include "crm-element-draft.h"
#include "crm-session.h"

G_BEGIN_DECLS

/* Of CrmField (new references), in catalog order: the fields that must be
 * filled at @stage_id of @element's pipeline and that @element (loaded with
 * its values) leaves empty. Fields the session may not see are never
 * listed: nobody can be asked to fill what they cannot see. Empty when
 * nothing is missing or the stage is not of the element's pipeline. */
GPtrArray *crm_element_get_missing_at_stage (CrmSession       *session,
                                             CrmElement       *element,
                                             gint64            stage_id);

/* Moves element @element_id to @stage_id, a stage of the pipeline it is in,
 * in one transaction with a stage-change entry on its timeline ("from",
 * "to", and "reason" when given) by the session's user.
 *
 * Refused, with nothing written: PERMISSION_DENIED without the right to
 * write the element (only-own rules included), NOT_FOUND for an element or
 * stage that does not exist, VALIDATION for a stage of another pipeline and
 * for a failure stage without a @reason, REQUIRED when fields required at
 * @stage_id are empty (the message names them all).
 *
 * @values, when not NULL, is a draft of the same element (from
 * crm_element_draft_new_for ()) with the values to save along with the
 * move — the fields the gate asked for: the gate counts them, and they are
 * written in the same transaction. Moving to the current stage writes
 * nothing and succeeds. */
gboolean   crm_element_move_to_stage        (CrmSession       *session,
                                             gint64            element_id,
                                             gint64            stage_id,
                                             const char       *reason,
                                             CrmElementDraft  *values,
                                             GError          **error);

G_END_DECLS
