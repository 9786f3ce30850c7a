/* crm-element-draft.h — the values of an element being created or edited
 *
 * A draft collects changes; crm_element_draft_save() validates everything
 * (types, required rules for the target stage, permissions) and writes it
 * in one transaction, with a field-change entry on the timeline for each
 * changed field, or writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-element.h"
#include "crm-field.h"
#include "crm-locale.h"
#include "crm-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_ELEMENT_DRAFT (crm_element_draft_get_type ())

G_DECLARE_FINAL_TYPE (CrmElementDraft, crm_element_draft, CRM, ELEMENT_DRAFT, GObject)

/* A new element of @entity_type_code, in the default pipeline's first stage. */
CrmElementDraft *crm_element_draft_new          (CrmSession      *session,
                                                 const char      *entity_type_code,
                                                 GError         **error);
/* Changes to an existing, loaded element. */
CrmElementDraft *crm_element_draft_new_for      (CrmSession      *session,
                                                 CrmElement      *element);

gint64           crm_element_draft_get_element_id (CrmElementDraft *self);
gint64           crm_element_draft_get_entity_type_id (CrmElementDraft *self);
void             crm_element_draft_set_pipeline (CrmElementDraft *self,
                                                 gint64           pipeline_id);
void             crm_element_draft_set_stage    (CrmElementDraft *self,
                                                 gint64           stage_id);
gint64           crm_element_draft_get_stage    (CrmElementDraft *self);
void             crm_element_draft_set_lead_kind (CrmElementDraft *self,
                                                  gint64          lead_kind_id);
void             crm_element_draft_set_responsible (CrmElementDraft *self,
                                                    gint64           user_id);
/* Replaces the values of @field (of CrmValue; NULL or empty clears it). */
void             crm_element_draft_set_values   (CrmElementDraft *self,
                                                 CrmField        *field,
                                                 GPtrArray       *values);
/* Takes @value (may be NULL to clear); for single fields. */
void             crm_element_draft_set_value    (CrmElementDraft *self,
                                                 CrmField        *field,
                                                 CrmValue        *value);
/* Parses @input in @locale; "" clears. On error the draft is unchanged. */
gboolean         crm_element_draft_set_input    (CrmElementDraft *self,
                                                 CrmField        *field,
                                                 const CrmLocale *locale,
                                                 const char      *input,
                                                 GError         **error);
/* Shortcut by field code, for the demo and tests. */
gboolean         crm_element_draft_set_input_by_code (CrmElementDraft *self,
                                                      const char      *code,
                                                      const char      *input,
                                                      GError         **error);
/* Values the draft will save for @field (the changed ones, or the
 * element's), NULL when empty. */
GPtrArray       *crm_element_draft_get_values   (CrmElementDraft *self,
                                                 CrmField        *field);
/* Checks without writing. On failure, the fields that block it are listed
 * by crm_element_draft_get_invalid_fields () and the error names them all. */
gboolean         crm_element_draft_validate     (CrmElementDraft *self,
                                                 GError         **error);
/* Of CrmField; empty after a successful validation. */
GPtrArray       *crm_element_draft_get_invalid_fields (CrmElementDraft *self);
/* Returns the element id, or 0 with @error and nothing written. */
gint64           crm_element_draft_save         (CrmElementDraft *self,
                                                 GError         **error);

/* For the demo generator and imports: timestamps and author of the write. */
void             crm_element_draft_set_created_at (CrmElementDraft *self,
                                                   GDateTime       *created_at);

G_END_DECLS
