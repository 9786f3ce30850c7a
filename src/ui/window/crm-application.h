/* crm-application.h — the application: options, the database, the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_APPLICATION (crm_application_get_type ())

G_DECLARE_FINAL_TYPE (CrmApplication, crm_application, CRM, APPLICATION, AdwApplication)

CrmApplication *crm_application_new         (void);
/* NULL until a database is open. */
CrmSession     *crm_application_get_session (CrmApplication *self);

G_END_DECLS
