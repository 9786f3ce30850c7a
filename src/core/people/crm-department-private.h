/* crm-department-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-department.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* The tree as the database holds it now (inside a transaction too). */
GPtrArray *_crm_department_load (CrmStore  *store,
                                 GError   **error);

G_END_DECLS
