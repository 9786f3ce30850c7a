/* crm-entity-type.h — lead, deal, contact … or a user-defined type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_ENTITY_TYPE (crm_entity_type_get_type ())

G_DECLARE_FINAL_TYPE (CrmEntityType, crm_entity_type, CRM, ENTITY_TYPE, GObject)

gint64      crm_entity_type_get_id            (CrmEntityType *self);
/* "lead", "deal", "contact", "company", "quote", "invoice" or a custom code */
const char *crm_entity_type_get_code          (CrmEntityType *self);
/* Translated for built-in types: "Negócio" */
const char *crm_entity_type_get_name          (CrmEntityType *self);
/* "Negócios" */
const char *crm_entity_type_get_name_plural   (CrmEntityType *self);
const char *crm_entity_type_get_icon_name     (CrmEntityType *self);
gboolean    crm_entity_type_is_builtin        (CrmEntityType *self);
gboolean    crm_entity_type_has_stages        (CrmEntityType *self);
gboolean    crm_entity_type_has_pipelines     (CrmEntityType *self);
gboolean    crm_entity_type_has_products      (CrmEntityType *self);

G_END_DECLS
