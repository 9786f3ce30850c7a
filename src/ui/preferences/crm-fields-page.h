/* crm-fields-page.h — Preferences › Custom Fields: each type's fields, how
 * much they are used, configured and deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_FIELDS_PAGE (crm_fields_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmFieldsPage, crm_fields_page, CRM, FIELDS_PAGE, AdwPreferencesPage)

/* NULL when @session's user may manage the fields of no type. */
AdwPreferencesPage *crm_fields_page_new              (CrmSession    *session);
/* The type whose fields are listed; 0 for none. */
gint64              crm_fields_page_get_entity_type  (CrmFieldsPage *self);
void                crm_fields_page_set_entity_type  (CrmFieldsPage *self,
                                                      gint64         entity_type_id);

G_END_DECLS
