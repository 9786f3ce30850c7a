/* crm-catalog-private.h — constructors of the catalog's objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-store.h"

G_BEGIN_DECLS

CrmCatalog    *_crm_catalog_new    (CrmStore   *store);
gboolean       _crm_catalog_reload (CrmCatalog *self,
                                    GError    **error);

CrmEntityType *_crm_entity_type_new (gint64      id,
                                     const char *code,
                                     const char *name,
                                     const char *name_plural,
                                     const char *icon_name,
                                     gboolean    is_builtin,
                                     gboolean    has_stages,
                                     gboolean    has_pipelines,
                                     gboolean    has_products);

CrmPipeline   *_crm_pipeline_new       (gint64       id,
                                        gint64       entity_type_id,
                                        const char  *code,
                                        const char  *name,
                                        gboolean     is_default);
void           _crm_pipeline_add_stage (CrmPipeline *self,
                                        CrmStage    *stage);

CrmStage      *_crm_stage_new (gint64             id,
                               gint64             pipeline_id,
                               const char        *code,
                               const char        *name,
                               const char        *color,
                               CrmStageSemantics  semantics,
                               int                sort);

/* Takes @options. */
CrmField      *_crm_field_new (gint64           id,
                               gint64           entity_type_id,
                               const char      *code,
                               const char      *label,
                               CrmFieldType     type,
                               gboolean         is_system,
                               gboolean         is_multiple,
                               CrmFieldOptions *options,
                               CrmRequiredMode  required_mode,
                               gint64           required_stage_id);
void           _crm_field_add_visible_user       (CrmField *self,
                                                  gint64    user_id);
void           _crm_field_add_visible_department (CrmField *self,
                                                  gint64    department_id);
/* The prefix of a restricted field's words in the search index: the
 * field and a digest of who may see it; NULL for a field everyone sees. */
char          *_crm_field_make_search_tag (gint64        field_id,
                                           const GArray *users,
                                           const GArray *departments);
const char    *_crm_field_get_search_tag  (CrmField     *self);
/* The element column behind a column-backed system field, or NULL. */
const char    *_crm_field_get_column (CrmField *self);

CrmUser       *_crm_user_new            (gint64      id,
                                         const char *login,
                                         const char *name,
                                         const char *email,
                                         const char *position,
                                         gboolean    is_admin,
                                         gboolean    is_active);
void           _crm_user_add_department (CrmUser    *self,
                                         gint64      department_id);
void           _crm_user_set_photo_file_id (CrmUser *self,
                                            gint64   file_id);

/* The id a new row of @table ("fields", "entity_types") takes, as SQL:
 * past every live row and every deleted one (see retired_ids), so an id
 * the timeline or a change note still names never comes back. */
#define CRM_NEXT_ID_SQL(table) \
  "(SELECT max (ifnull ((SELECT max (id) FROM " table "), 0), " \
  "             ifnull ((SELECT last_id FROM retired_ids WHERE name = '" table "'), 0)) + 1)"

/* ---- Between crm-catalog.c and crm-catalog-load.c ------------------------ */

/* The catalog is one object in two files: crm-catalog.c keeps the object
 * and its lookups, crm-catalog-load.c fills these tables from the store. */

struct _CrmCatalog
{
  GObject     parent_instance;

  CrmStore   *store;          /* not owned: the store owns us */

  GListStore *entity_types;
  GHashTable *types_by_id;     /* id → CrmEntityType */
  GHashTable *pipelines;       /* id → CrmPipeline */
  GHashTable *type_pipelines;  /* entity type id → GListStore of CrmPipeline */
  GHashTable *stages;          /* id → CrmStage */
  GHashTable *fields;          /* id → CrmField */
  GHashTable *type_fields;     /* entity type id → GListStore of CrmField */
  GHashTable *lead_kinds;      /* id → name */
  GHashTable *lead_kind_codes; /* code → id */
  GListStore *users;
  GHashTable *users_by_id;     /* id → CrmUser */
  GHashTable *departments;     /* id → name */
  GHashTable *department_parents; /* id → parent id */
};

G_END_DECLS
