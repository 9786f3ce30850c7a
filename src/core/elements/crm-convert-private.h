/* crm-convert-private.h — what the conversion's two files share
 *
 * crm-convert.c holds the object and the run, crm-convert-map.c the
 * table of system fields by meaning and how values are carried over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-convert.h"

G_BEGIN_DECLS

struct _CrmConversion
{
  GObject     parent_instance;

  CrmSession *session;
  CrmElement *source;
  GPtrArray  *drafts;        /* of CrmElementDraft: the targets */
  CrmElementDraft *source_draft;  /* NULL when the source stays as it is */
};

static inline CrmCatalog *
_crm_conversion_get_catalog (CrmConversion *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

/* The code of an entity type, "" when it is gone. */
const char *_crm_conversion_type_code (CrmConversion   *self,
                                       gint64           entity_type_id);
/* Fills @draft from the source: system fields by meaning, custom ones by
 * code or label and type. */
void        _crm_conversion_map       (CrmConversion   *self,
                                       CrmElementDraft *draft,
                                       const char      *source_type,
                                       const char      *target_type);

G_END_DECLS
