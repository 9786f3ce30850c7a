/* crm-field-manage-private.h — the checks of crm-field-check.c that
 * creating and configuring fields (crm-field-manage.c) run first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* The required rule and visibility of @config (not the label, which callers
 * clean themselves) for a field of @entity_type_id. */
gboolean _crm_field_check_config            (CrmCatalog             *catalog,
                                             gint64                  entity_type_id,
                                             gboolean                is_system,
                                             gboolean                read_only,
                                             const CrmFieldConfig   *config,
                                             GError                **error);
/* What crm_field_options_validate () cannot see from the values layer: the
 * type a link points to exists, and a default naming a row names one. */
gboolean _crm_field_check_option_references (CrmStore               *store,
                                             CrmFieldType            type,
                                             const CrmFieldOptions  *options,
                                             GError                **error);
/* New options of a custom field keep what its stored values mean: the
 * decimal places, the kind of element linked to, every list item an
 * element holds. Sets @relabelled when an item that stays is renamed. */
gboolean _crm_field_check_new_options       (CrmStore               *store,
                                             CrmField               *field,
                                             const CrmFieldOptions  *options,
                                             gboolean               *relabelled,
                                             GError                **error);

G_END_DECLS
