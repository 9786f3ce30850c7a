/* crm-field-type.h — the types a field can have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The order is stable: it is never stored (codes are), but tests iterate it. */
typedef enum
{
  CRM_FIELD_TYPE_STRING,
  CRM_FIELD_TYPE_TEXT,       /* multi-line */
  CRM_FIELD_TYPE_INTEGER,
  CRM_FIELD_TYPE_DECIMAL,    /* fixed point, options.precision places */
  CRM_FIELD_TYPE_MONEY,      /* minor units + ISO 4217 currency */
  CRM_FIELD_TYPE_BOOLEAN,
  CRM_FIELD_TYPE_DATE,
  CRM_FIELD_TYPE_DATETIME,
  CRM_FIELD_TYPE_LIST,       /* enumeration, options.items */
  CRM_FIELD_TYPE_URL,
  CRM_FIELD_TYPE_EMAIL,
  CRM_FIELD_TYPE_PHONE,
  CRM_FIELD_TYPE_MESSENGER,
  CRM_FIELD_TYPE_ADDRESS,
  CRM_FIELD_TYPE_FILE,
  CRM_FIELD_TYPE_LINK,       /* to a CRM element, options.link_type */
  CRM_FIELD_TYPE_EMPLOYEE,   /* a user */
  /* System-only: backed by the element's own columns. */
  CRM_FIELD_TYPE_PIPELINE,
  CRM_FIELD_TYPE_STAGE,
  CRM_FIELD_TYPE_LAST
} CrmFieldType;

const char          *crm_field_type_to_code            (CrmFieldType  type);
gboolean             crm_field_type_from_code          (const char   *code,
                                                        CrmFieldType *type);
const char          *crm_field_type_get_label          (CrmFieldType  type);
gboolean             crm_field_type_is_user_creatable  (CrmFieldType  type);
/* integer, decimal, money, boolean, file, link, employee, pipeline, stage */
gboolean             crm_field_type_stores_number      (CrmFieldType  type);
/* phone, e-mail and messenger values carry a kind (work, mobile …) */
gboolean             crm_field_type_has_kind           (CrmFieldType  type);
const char * const  *crm_field_type_get_kinds          (CrmFieldType  type);
const char          *crm_field_type_get_default_kind   (CrmFieldType  type);
const char          *crm_field_kind_get_label          (CrmFieldType  type,
                                                        const char   *kind);

G_END_DECLS
