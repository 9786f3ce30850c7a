/* crm-search-private.h — how the core writes the search index
 *
 * crm-search.c holds the words and the queries, crm-search-index.c the
 * re-indexing of elements from their stored values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-search-result.h"
#include "crm-store.h"
#include "crm-value.h"

G_BEGIN_DECLS

/* Does a value of @type add words to the index? */
gboolean  _crm_search_type_is_indexed       (CrmFieldType           type);
/* Appends the words of @value to an index body; @tag is the field's search
 * tag (restricted fields) or NULL. */
void      _crm_search_append_value          (GString               *body,
                                             CrmFieldType           type,
                                             const CrmFieldOptions *options,
                                             const char            *tag,
                                             const CrmValue        *value);
/* Inside the caller's transaction: queues the index rows of @element_ids
 * again, built from what the database holds now (fields, who may see
 * them, values), so a field change made in this transaction is seen. */
gboolean  _crm_search_reindex               (CrmStore              *store,
                                             GArray                *element_ids,
                                             GError               **error);
/* The ids of the elements that have a value in @field_id. */
GArray   *_crm_search_elements_with_values  (CrmStore              *store,
                                             gint64                 field_id,
                                             GError               **error);
/* The search tag of @field_id as the database has it now. */
char     *_crm_search_load_tag              (CrmStore              *store,
                                             gint64                 field_id,
                                             GError               **error);
/* Migration: re-indexes every element with a value in a restricted field,
 * which older versions left out of the index. */
gboolean  _crm_search_migrate_restricted    (CrmStore              *store,
                                             GError               **error);

CrmSearchResult *_crm_search_result_new     (gint64                 element_id,
                                             gint64                 entity_type_id,
                                             const char            *title,
                                             const char            *snippet);

G_END_DECLS
