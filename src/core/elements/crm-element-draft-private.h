/* crm-element-draft-private.h — what the draft's three files share
 *
 * crm-element-draft.c holds the object and its public API,
 * crm-element-validate.c the rules a draft must pass, and
 * crm-element-write.c what saving writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-element-draft.h"

G_BEGIN_DECLS

struct _CrmElementDraft
{
  GObject     parent_instance;

  CrmSession *session;
  CrmElement *element;          /* NULL for a new element */
  gint64      entity_type_id;
  gint64      pipeline_id;
  gint64      stage_id;
  gint64      lead_kind_id;
  gint64      responsible_id;
  GHashTable *changes;          /* field id → GPtrArray of CrmValue */
  GPtrArray  *invalid_fields;   /* of CrmField */
  GDateTime  *created_at;
  char       *stage_reason;     /* for the stage-change entry; NULL: none */
};

#define ID_KEY(id) ((gpointer)(gintptr)(id))

static inline CrmCatalog *
get_catalog (CrmElementDraft *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

/* The values @field will have after saving: changed, or as stored; NULL
 * when empty and for column-backed fields. */
GPtrArray *_crm_element_draft_final_values (CrmElementDraft  *self,
                                            CrmField         *field);
/* Runs every rule; on success gives the element's title. */
gboolean   _crm_element_draft_check        (CrmElementDraft  *self,
                                            char            **title,
                                            GError          **error);
/* Inside the caller's transaction: the element's row, its values, the
 * timeline entries; returns the element id or 0. */
gint64     _crm_element_draft_insert       (CrmElementDraft  *self,
                                            const char       *title,
                                            const char       *now,
                                            GError          **error);
gint64     _crm_element_draft_update       (CrmElementDraft  *self,
                                            const char       *title,
                                            const char       *now,
                                            GError          **error);
/* The payload of a stage-change entry: {"from","to","from_name",
 * "to_name"} and "reason" when not NULL. */
char      *_crm_element_stage_payload      (CrmCatalog       *catalog,
                                            gint64            from,
                                            gint64            to,
                                            const char       *reason);
void       _crm_element_draft_index        (CrmElementDraft  *self,
                                            gint64            element_id,
                                            const char       *title);

G_END_DECLS
