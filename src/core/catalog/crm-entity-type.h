/* crm-entity-type.h — lead, deal, contact … or a user-defined type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_ENTITY_TYPE (crm_entity_type_get_type ())

G_DECLARE_FINAL_TYPE (CrmEntityType, crm_entity_type, CRM, ENTITY_TYPE, GObject)

gint64      crm_entity_type_get_id            (CrmEntityType *self);
/* "lead", "deal", "contact", "company", "quote", "invoice" or a custom code */
const char *crm_entity_type_get_code          (CrmEntityType *self);
/* Translated for built-in types: "Negócio" */
const char *crm_entity_type_get_name          (CrmEntityType *self);
/* "Negócios" */
const char *crm_entity_type_get_name_plural   (CrmEntityType *self);
const char *crm_entity_type_get_icon_name     (CrmEntityType *self);
gboolean    crm_entity_type_is_builtin        (CrmEntityType *self);
gboolean    crm_entity_type_has_stages        (CrmEntityType *self);
gboolean    crm_entity_type_has_pipelines     (CrmEntityType *self);
gboolean    crm_entity_type_has_products      (CrmEntityType *self);

/* ---- Managing types (needs CRM_PERMISSION_TYPES_MANAGE) --------------- */

typedef struct _CrmSession CrmSession;

/* What the type dialog edits. */
typedef struct _CrmEntityTypeConfig
{
  char     *name;          /* "Projeto" */
  char     *name_plural;   /* "Projetos" */
  char     *icon_name;     /* one of crm_entity_type_get_icon_names () */
  gboolean  has_stages;    /* stages, in pipelines */
  gboolean  has_products;  /* the Products tab */
} CrmEntityTypeConfig;

CrmEntityTypeConfig *crm_entity_type_config_new     (const char          *name,
                                                     const char          *name_plural);
/* The type's current configuration, to edit. */
CrmEntityTypeConfig *crm_entity_type_config_new_for (CrmEntityType       *type);
void                 crm_entity_type_config_free    (CrmEntityTypeConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmEntityTypeConfig, crm_entity_type_config_free)

/* The symbolic icons a user-defined type may take, NULL-terminated; the
 * first is the default. */
const char * const *crm_entity_type_get_icon_names (void);

/* A user-defined type (a "smart process") with its own code, made from its
 * name (stable: renaming keeps it; unique), the system fields every type
 * has, a standard card layout and, with stages, a default pipeline.
 * Returns its id, or 0 with an error and nothing written. */
gint64   crm_entity_type_create         (CrmSession                 *session,
                                         const CrmEntityTypeConfig  *config,
                                         GError                    **error);
/* Names, icon, stages and products. Turning stages on gives the type its
 * default pipeline; turning them off is refused while the type has
 * elements (each sits in a stage). Built-in types keep their stages and
 * products. */
gboolean crm_entity_type_update         (CrmSession                 *session,
                                         gint64                      entity_type_id,
                                         const CrmEntityTypeConfig  *config,
                                         GError                    **error);
/* How many elements the type has; -1 with an error. */
gint64   crm_entity_type_count_elements (CrmSession                 *session,
                                         gint64                      entity_type_id,
                                         GError                    **error);
/* User-defined types only, and not while a field of another type links to
 * it. In one transaction: its elements with their values, timeline,
 * relations and documents, its fields, pipelines, layouts and document
 * templates; the files only those referred to are left for the sweep. */
gboolean crm_entity_type_delete         (CrmSession                 *session,
                                         gint64                      entity_type_id,
                                         GError                    **error);

G_END_DECLS
