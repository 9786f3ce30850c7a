/* crm-element-list-model.h — the elements of one type, sorted, searchable,
 * paged
 *
 * A CrmPagedModel: keyset pagination on (sort key, id); the next page loads
 * when a view asks for an item near the end of what is loaded. A search
 * string filters through the FTS5 index ("joao" finds "João"). Created,
 * changed and deleted elements arrive through the store's change
 * notification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-element.h"
#include "crm-paged-model.h"
#include "crm-session.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_ELEMENT_SORT_TITLE,          /* A → Z */
  CRM_ELEMENT_SORT_UPDATED_DESC,   /* most recently changed first */
  CRM_ELEMENT_SORT_CREATED_DESC,   /* newest first */
} CrmElementSort;

#define CRM_TYPE_ELEMENT_LIST_MODEL (crm_element_list_model_get_type ())

G_DECLARE_FINAL_TYPE (CrmElementListModel, crm_element_list_model, CRM, ELEMENT_LIST_MODEL, CrmPagedModel)

CrmElementListModel *crm_element_list_model_new        (CrmSession          *session,
                                                        gint64               entity_type_id);
/* A kanban column: the elements of one stage, most recently changed
 * first, each with the values the session may see (a card shows its
 * amount and client); the first page (@page_size, 0 for the default) is
 * read at once. A move arrives as an update that leaves one column's
 * model and enters the other's. */
CrmElementListModel *crm_element_list_model_new_for_stage (CrmSession *session,
                                                           gint64      entity_type_id,
                                                           gint64      stage_id,
                                                           guint       page_size);
gint64               crm_element_list_model_get_entity_type_id (CrmElementListModel *self);
void                 crm_element_list_model_set_search (CrmElementListModel *self,
                                                        const char          *search);
const char          *crm_element_list_model_get_search (CrmElementListModel *self);
void                 crm_element_list_model_set_sort   (CrmElementListModel *self,
                                                        CrmElementSort       sort);
CrmElementSort       crm_element_list_model_get_sort   (CrmElementListModel *self);
/* Restricts to one stage (kanban columns); 0 for all. */
void                 crm_element_list_model_set_stage  (CrmElementListModel *self,
                                                        gint64               stage_id);
void                 crm_element_list_model_set_page_size (CrmElementListModel *self,
                                                           guint                page_size);
gboolean             crm_element_list_model_has_more   (CrmElementListModel *self);
guint                crm_element_list_model_load_more  (CrmElementListModel *self);

/* FTS5 query text for what a person typed: each word a prefix, diacritics
 * ignored; NULL when nothing searchable remains. */
char                *crm_search_build_query            (const char          *text);

G_END_DECLS
