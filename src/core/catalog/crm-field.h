/* crm-field.h — a field of an entity type, system or custom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-field-type.h"
#include "crm-value.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_REQUIRED_NEVER,
  CRM_REQUIRED_ALWAYS,
  CRM_REQUIRED_FROM_STAGE, /* from a stage of a pipeline on */
} CrmRequiredMode;

#define CRM_TYPE_FIELD (crm_field_get_type ())

G_DECLARE_FINAL_TYPE (CrmField, crm_field, CRM, FIELD, GObject)

gint64                 crm_field_get_id                (CrmField *self);
gint64                 crm_field_get_entity_type_id    (CrmField *self);
/* Stable: "name", "phone", "uf_1700000000" … */
const char            *crm_field_get_code              (CrmField *self);
/* Translated for system fields that were never renamed. */
const char            *crm_field_get_label             (CrmField *self);
CrmFieldType           crm_field_get_field_type        (CrmField *self);
gboolean               crm_field_is_system             (CrmField *self);
gboolean               crm_field_is_multiple           (CrmField *self);
/* Backed by the element's columns and set by the core (created at …). */
gboolean               crm_field_is_read_only          (CrmField *self);
const CrmFieldOptions *crm_field_get_options           (CrmField *self);
CrmRequiredMode        crm_field_get_required_mode     (CrmField *self);
gint64                 crm_field_get_required_stage_id (CrmField *self);
/* Ids of the users and departments that may see it; both empty = everyone. */
GArray                *crm_field_get_visible_users     (CrmField *self);
GArray                *crm_field_get_visible_departments (CrmField *self);

/* ---- Managing fields (needs CRM_PERMISSION_FIELDS_MANAGE) ------------- */

typedef struct _CrmSession CrmSession;

/* What the Configure dialog edits. */
typedef struct _CrmFieldConfig
{
  char            *label;
  CrmRequiredMode  required_mode;
  gint64           required_stage_id;    /* for CRM_REQUIRED_FROM_STAGE */
  GArray          *visible_users;        /* of gint64; both empty: everyone */
  GArray          *visible_departments;  /* of gint64 */
  /* crm_field_configure () of a custom field: its new options, NULL to keep
   * them (creating takes the options apart). Owned by the config. */
  CrmFieldOptions *options;
} CrmFieldConfig;

CrmFieldConfig *crm_field_config_new     (const char     *label);
/* The field's current configuration, to edit. */
CrmFieldConfig *crm_field_config_new_for (CrmField       *field);
void            crm_field_config_free    (CrmFieldConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmFieldConfig, crm_field_config_free)

/* A new custom field of @entity_type_id with a generated code ("uf_N");
 * @options may be NULL. Returns the field id, or 0 with an error and
 * nothing written. */
gint64   crm_field_create      (CrmSession            *session,
                                gint64                 entity_type_id,
                                const char            *label,
                                CrmFieldType           type,
                                gboolean               multiple,
                                const CrmFieldOptions *options,
                                GError               **error);
/* Like crm_field_create with the whole configuration, placed at
 * @position of @section_id (0: hidden) in the same transaction, which
 * also needs the right to edit that section's layout. */
gint64   crm_field_create_full (CrmSession            *session,
                                gint64                 entity_type_id,
                                CrmFieldType           type,
                                gboolean               multiple,
                                const CrmFieldOptions *options,
                                const CrmFieldConfig  *config,
                                gint64                 section_id,
                                guint                  position,
                                GError               **error);
/* Label, required rule, visibility and options at once. The required
 * stage must be a stage of one of the type's pipelines; visibility and
 * options are for custom fields only (system fields are seen by everyone).
 * New options keep what the values depend on: the decimal places, the
 * type a link points to, and every list item some element holds (items
 * may be renamed, reordered and added). */
gboolean crm_field_configure   (CrmSession            *session,
                                gint64                 field_id,
                                const CrmFieldConfig  *config,
                                GError               **error);
/* Custom fields only. In one transaction, their values, their places in
 * every layout (standard, personal, views) and their words in the search
 * index go with them; the timeline's changes of them stay, under the label
 * they had. */
gboolean crm_field_delete      (CrmSession            *session,
                                gint64                 field_id,
                                GError               **error);
/* How many elements hold a value in each field of @entity_type_id, in one
 * query: field id (gint64 *) → count (gint64 *); fields nobody filled in
 * are absent. Needs CRM_PERMISSION_FIELDS_MANAGE; NULL with an error. */
GHashTable *crm_field_count_usage (CrmSession         *session,
                                   gint64              entity_type_id,
                                   GError            **error);

G_END_DECLS
