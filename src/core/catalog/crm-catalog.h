/* crm-catalog.h — the store's metadata, cached: types, pipelines, stages,
 * fields, users and departments
 *
 * The catalog reloads itself after every change of kind CRM_CHANGE_CATALOG,
 * so objects taken from it may be replaced: keep ids, not pointers, across
 * main-loop iterations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-entity-type.h"
#include "crm-field.h"
#include "crm-pipeline.h"
#include "crm-stage.h"
#include "crm-user.h"

G_BEGIN_DECLS

#define CRM_TYPE_CATALOG (crm_catalog_get_type ())

G_DECLARE_FINAL_TYPE (CrmCatalog, crm_catalog, CRM, CATALOG, GObject)

/* Of CrmEntityType, in sidebar order. */
GListModel    *crm_catalog_get_entity_types      (CrmCatalog    *self);
CrmEntityType *crm_catalog_get_entity_type       (CrmCatalog    *self,
                                                  gint64         id);
CrmEntityType *crm_catalog_find_entity_type      (CrmCatalog    *self,
                                                  const char    *code);
/* Of CrmPipeline, in order; empty for types without stages. */
GListModel    *crm_catalog_get_pipelines         (CrmCatalog    *self,
                                                  gint64         entity_type_id);
CrmPipeline   *crm_catalog_get_pipeline          (CrmCatalog    *self,
                                                  gint64         id);
CrmPipeline   *crm_catalog_get_default_pipeline  (CrmCatalog    *self,
                                                  gint64         entity_type_id);
CrmStage      *crm_catalog_get_stage             (CrmCatalog    *self,
                                                  gint64         id);
/* Lead kinds: "regular", "repeat". Returns the id or 0. */
gint64         crm_catalog_find_lead_kind        (CrmCatalog    *self,
                                                  const char    *code);
const char    *crm_catalog_get_lead_kind_name    (CrmCatalog    *self,
                                                  gint64         id);
/* Of CrmField, every field of the type (system first, then custom). */
GListModel    *crm_catalog_get_fields            (CrmCatalog    *self,
                                                  gint64         entity_type_id);
CrmField      *crm_catalog_get_field             (CrmCatalog    *self,
                                                  gint64         id);
CrmField      *crm_catalog_find_field            (CrmCatalog    *self,
                                                  gint64         entity_type_id,
                                                  const char    *code);
/* Of CrmUser, by name. */
GListModel    *crm_catalog_get_users             (CrmCatalog    *self);
CrmUser       *crm_catalog_get_user              (CrmCatalog    *self,
                                                  gint64         id);
const char    *crm_catalog_get_department_name   (CrmCatalog    *self,
                                                  gint64         id);
/* Every department's id, parents before their children, then by name. */
GArray        *crm_catalog_get_department_ids    (CrmCatalog    *self);
/* The parent department's id, or 0 for a top-level one. */
gint64         crm_catalog_get_department_parent (CrmCatalog    *self,
                                                  gint64         id);
/* The department and all its ancestors' ids, for "visible to department". */
GArray        *crm_catalog_get_department_ancestors (CrmCatalog *self,
                                                     gint64      department_id);

G_END_DECLS
