/* crm-users-page.h — Preferences: Users and permissions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_USERS_PAGE (crm_users_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmUsersPage, crm_users_page, CRM, USERS_PAGE, AdwPreferencesPage)

/* The page for @session, or NULL when its user may not manage users. */
AdwPreferencesPage *crm_users_page_new (CrmSession *session);

G_END_DECLS
