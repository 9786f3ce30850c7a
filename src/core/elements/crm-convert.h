/* crm-convert.h — creating elements from an element (Bitrix24's
 * conversion): a contact, a company and a deal from a lead, a quote or an
 * invoice from a deal, a deal or an invoice from a quote
 *
 * A conversion holds one draft per element to create, filled from the
 * source: system fields by meaning (the table crm_convert_get_mappings ()
 * lists), custom fields by code and type, else by label and type; a value
 * the target field cannot hold is not copied. Running it writes, in one
 * transaction, the new elements (each in its type's default pipeline's
 * first stage) with the source's product rows, a "created-from" relation
 * and a timeline entry on both sides, and moves a lead to the first
 * success stage of its pipeline. Any refusal (a required field empty, a
 * right missing) writes nothing; the drafts then name the fields to fill
 * (crm_element_draft_get_invalid_fields ()), which may be set on them
 * before running again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-element.h"
#include "crm-element-draft.h"
#include "crm-session.h"

G_BEGIN_DECLS

/* One system field mapped by meaning: @source_field of @source_type goes
 * to @target_field of @target_type. A source field "@self" stands for the
 * source element itself (a quote's deal is the deal it came from). */
typedef struct
{
  const char *source_type;
  const char *target_type;
  const char *source_field;
  const char *target_field;
} CrmConvertMapping;

/* The whole table; @n_mappings gets its length. */
const CrmConvertMapping *crm_convert_get_mappings (guint      *n_mappings);
/* Entity type codes an element of @source_type can create, NULL-terminated
 * (empty for types nothing is created from). */
const char * const      *crm_convert_get_targets  (const char *source_type);

#define CRM_TYPE_CONVERSION (crm_conversion_get_type ())

G_DECLARE_FINAL_TYPE (CrmConversion, crm_conversion, CRM, CONVERSION, GObject)

/* Drafts of @targets (entity type codes, NULL-terminated, each one of
 * crm_convert_get_targets ()) filled from element @source_id. Refuses
 * when the session may not read the source (NOT_FOUND, PERMISSION_DENIED),
 * may not create one of the targets (PERMISSION_DENIED), or asks for a
 * target the source cannot create (VALIDATION). */
CrmConversion   *crm_conversion_new           (CrmSession          *session,
                                               gint64               source_id,
                                               const char * const  *targets,
                                               GError             **error);
CrmElement      *crm_conversion_get_source    (CrmConversion       *self);
/* The drafts in the order they are saved: companies before the contacts
 * and deals that link to them, then the source's changes (a lead moving
 * to its success stage) when there are any. */
guint            crm_conversion_get_n_drafts  (CrmConversion       *self);
CrmElementDraft *crm_conversion_get_draft     (CrmConversion       *self,
                                               guint                index);
/* The draft of the source's changes, or NULL when the source stays. */
CrmElementDraft *crm_conversion_get_source_draft (CrmConversion    *self);
/* Checks every draft without writing; on failure the error names the
 * fields of the first draft that blocks, and each draft lists its own. */
gboolean         crm_conversion_validate      (CrmConversion       *self,
                                               GError             **error);
/* Of gint64, the new elements' ids in the order of the drafts; NULL with
 * @error and nothing written. */
GArray          *crm_conversion_run           (CrmConversion       *self,
                                               GError             **error);

G_END_DECLS
