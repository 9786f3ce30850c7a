/* crm-relations.h — the elements related to an element, both ways: the
 * Dependencies tab
 *
 * An element is related to another when one was created from the other
 * (a `relations` row of kind "created-from") or when a link field of one
 * points to the other (a deal's contact and company, a contact's deals).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-element.h"
#include "crm-session.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_RELATION_CREATED_FROM,  /* this element was created from the other */
  CRM_RELATION_CREATED,       /* the other was created from this element */
  CRM_RELATION_LINKS_TO,      /* a link field of this element points to the other */
  CRM_RELATION_LINKED_FROM,   /* a link field of the other points to this element */
} CrmRelationKind;

#define CRM_TYPE_RELATION (crm_relation_get_type ())

G_DECLARE_FINAL_TYPE (CrmRelation, crm_relation, CRM, RELATION, GObject)

/* The other element, as a list row (no values). */
CrmElement      *crm_relation_get_element  (CrmRelation *self);
CrmRelationKind  crm_relation_get_kind     (CrmRelation *self);
/* The link field behind LINKS_TO and LINKED_FROM, 0 for the others. */
gint64           crm_relation_get_field_id (CrmRelation *self);
/* How the other element is related, in the reader's language: "Created
 * from it", "Created from this element", "Contact", "Through “Contact”". */
const char      *crm_relation_get_label    (CrmRelation *self);

/* Of CrmRelation: every element related to @element_id that the session
 * may read, through fields it may see, by entity type (sidebar order),
 * then title. Refuses (PERMISSION_DENIED, NOT_FOUND) when the session may
 * not read @element_id itself. */
GPtrArray       *crm_relations_list        (CrmSession  *session,
                                            gint64       element_id,
                                            GError     **error);

G_END_DECLS
