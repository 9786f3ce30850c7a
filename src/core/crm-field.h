/* crm-field.h — a field of an entity type, system or custom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-field-type.h"
#include "crm-value.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_REQUIRED_NEVER,
  CRM_REQUIRED_ALWAYS,
  CRM_REQUIRED_FROM_STAGE, /* from a stage of a pipeline on */
} CrmRequiredMode;

#define CRM_TYPE_FIELD (crm_field_get_type ())

G_DECLARE_FINAL_TYPE (CrmField, crm_field, CRM, FIELD, GObject)

gint64                 crm_field_get_id                (CrmField *self);
gint64                 crm_field_get_entity_type_id    (CrmField *self);
/* Stable: "name", "phone", "uf_1700000000" … */
const char            *crm_field_get_code              (CrmField *self);
/* Translated for system fields that were never renamed. */
const char            *crm_field_get_label             (CrmField *self);
CrmFieldType           crm_field_get_field_type        (CrmField *self);
gboolean               crm_field_is_system             (CrmField *self);
gboolean               crm_field_is_multiple           (CrmField *self);
/* Backed by the element's columns and set by the core (created at …). */
gboolean               crm_field_is_read_only          (CrmField *self);
const CrmFieldOptions *crm_field_get_options           (CrmField *self);
CrmRequiredMode        crm_field_get_required_mode     (CrmField *self);
gint64                 crm_field_get_required_stage_id (CrmField *self);
/* Ids of the users and departments that may see it; both empty = everyone. */
GArray                *crm_field_get_visible_users     (CrmField *self);
GArray                *crm_field_get_visible_departments (CrmField *self);

/* ---- Managing fields (needs CRM_PERMISSION_FIELDS_MANAGE) ------------- */

typedef struct _CrmSession CrmSession;

/* A new custom field of @entity_type_id with a generated code ("uf_N");
 * @options may be NULL. Returns the field id, or 0 with an error and
 * nothing written. */
gint64   crm_field_create (CrmSession            *session,
                           gint64                 entity_type_id,
                           const char            *label,
                           CrmFieldType           type,
                           gboolean               multiple,
                           const CrmFieldOptions *options,
                           GError               **error);

G_END_DECLS
