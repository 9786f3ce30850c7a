/* crm-types-page.h — Preferences › Entity Types: the built-in types and the
 * user's own, created, changed and deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_TYPES_PAGE (crm_types_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmTypesPage, crm_types_page, CRM, TYPES_PAGE, AdwPreferencesPage)

/* NULL when @session's user may not manage entity types. */
AdwPreferencesPage *crm_types_page_new (CrmSession *session);

G_END_DECLS
