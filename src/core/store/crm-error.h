/* crm-error.h — the one error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_ERROR (crm_error_quark ())

typedef enum
{
  CRM_ERROR_VALIDATION,        /* a value does not parse or break a rule of its type */
  CRM_ERROR_REQUIRED,          /* required fields are empty for the element's stage */
  CRM_ERROR_PERMISSION_DENIED, /* the acting user may not do this */
  CRM_ERROR_NOT_FOUND,
  CRM_ERROR_CONFLICT,          /* duplicate code, stale data … */
  CRM_ERROR_STORAGE,           /* SQLite said no */
  CRM_ERROR_VERSION,           /* the database comes from a newer Clientele */
} CrmError;

GQuark crm_error_quark (void);

G_END_DECLS
