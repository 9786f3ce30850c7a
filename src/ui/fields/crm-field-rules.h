/* crm-field-rules.h — the Required and Visible to settings of a field
 *
 * Two preference groups shared by the Create and Configure modes of the
 * field dialog: when a field must be filled in (never, always, or from a
 * chosen stage of a chosen pipeline on) and who may see it (everyone, or
 * chosen people and departments; custom fields only). Emits "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_FIELD_RULES (crm_field_rules_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldRules, crm_field_rules, CRM, FIELD_RULES, GtkWidget)

GtkWidget *crm_field_rules_new         (void);
/* Fills the controls for a field of @entity_type_id: @field's rules, or
 * those of a new custom field when @field is NULL. */
void       crm_field_rules_load        (CrmFieldRules  *self,
                                        CrmSession     *session,
                                        gint64          entity_type_id,
                                        CrmField       *field);
/* Writes the chosen rules into @config (all but the label). */
void       crm_field_rules_fill_config (CrmFieldRules  *self,
                                        CrmFieldConfig *config);
/* FALSE while "chosen people and departments" has nobody chosen. */
gboolean   crm_field_rules_is_complete (CrmFieldRules  *self);

G_END_DECLS
