/* crm-builtin-private.h — the built-in entity types, their fields and
 * default card layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-stage.h"
#include "crm-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char        *code;
  const char        *name;    /* English msgid */
  const char        *color;
  CrmStageSemantics  semantics;
} CrmBuiltinStage;

typedef struct
{
  const char  *code;          /* NULL ends a list of sections */
  const char  *title;         /* English msgid */
  const char **fields;        /* NULL-terminated field codes */
} CrmBuiltinSection;

/* Migration 2: types, lead kinds, pipelines, stages, system fields, roles. */
gboolean                 _crm_builtin_install          (CrmStore              *store,
                                                        GError               **error);
/* Adds a pipeline with its stages, inside the caller's transaction.
 * Returns the pipeline id or 0. */
gint64                   _crm_builtin_add_pipeline     (CrmStore              *store,
                                                        gint64                 entity_type_id,
                                                        const char            *code,
                                                        const char            *name,
                                                        gboolean               name_is_msgid,
                                                        const CrmBuiltinStage *stages,
                                                        guint                  n_stages,
                                                        GError               **error);
/* Inside the caller's transaction, the system fields of a user-defined
 * type: those its stages need (pipeline, stage), the others, or both. */
gboolean                 _crm_builtin_add_user_fields  (CrmStore              *store,
                                                        gint64                 entity_type_id,
                                                        gboolean               stage_fields,
                                                        gboolean               other_fields,
                                                        GError               **error);
/* Inside the caller's transaction, a user-defined type's default pipeline
 * with its stages (in progress, success, failure). Returns its id or 0. */
gint64                   _crm_builtin_add_user_pipeline (CrmStore             *store,
                                                         gint64                entity_type_id,
                                                         GError              **error);
/* The stages a new pipeline of the type starts with: the built-in type's
 * own, or a user-defined type's (in progress, success, failure). */
const CrmBuiltinStage   *_crm_builtin_get_stages       (const char            *entity_type_code,
                                                        guint                 *n_stages);
/* The default sections of a built-in type's card, or NULL for custom types. */
const CrmBuiltinSection *_crm_builtin_get_sections     (const char            *entity_type_code,
                                                        const char            *lead_kind_code);

G_END_DECLS
