/* crm-element.h — one CRM element, as loaded for a list row or a card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-field.h"
#include "crm-session.h"
#include "crm-value.h"

G_BEGIN_DECLS

#define CRM_TYPE_ELEMENT (crm_element_get_type ())

G_DECLARE_FINAL_TYPE (CrmElement, crm_element, CRM, ELEMENT, GObject)

/* With every value the session may see; NOT_FOUND when there is none. */
CrmElement *crm_element_load                (CrmSession *session,
                                             gint64      id,
                                             GError    **error);
gboolean    crm_element_delete              (CrmSession *session,
                                             gint64      id,
                                             GError    **error);

gint64      crm_element_get_id              (CrmElement *self);
gint64      crm_element_get_entity_type_id  (CrmElement *self);
gint64      crm_element_get_pipeline_id     (CrmElement *self);
gint64      crm_element_get_stage_id        (CrmElement *self);
gint64      crm_element_get_lead_kind_id    (CrmElement *self);
const char *crm_element_get_title           (CrmElement *self);
gint64      crm_element_get_responsible_id  (CrmElement *self);
gint64      crm_element_get_created_by      (CrmElement *self);
gint64      crm_element_get_updated_by      (CrmElement *self);
GDateTime  *crm_element_get_created_at      (CrmElement *self);
GDateTime  *crm_element_get_updated_at      (CrmElement *self);
/* FALSE for list rows, which carry only the columns above. */
gboolean    crm_element_has_values          (CrmElement *self);
/* Of CrmValue, in ordinal order; NULL when the field has no value (or is
 * hidden from the session). Column-backed fields (pipeline, stage,
 * responsible, created/updated at/by) are answered too. */
GPtrArray  *crm_element_get_values          (CrmElement *self,
                                             CrmField   *field);
const CrmValue *crm_element_get_value       (CrmElement *self,
                                             CrmField   *field);
/* Display text of the field's values, joined by ", " (multi-line values
 * keep their new lines); NULL when empty. Names links, users, stages. */
char       *crm_element_format_field        (CrmElement *self,
                                             CrmField   *field);

G_END_DECLS
