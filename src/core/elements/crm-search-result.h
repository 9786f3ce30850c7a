/* crm-search-result.h — one element found by the global search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_SEARCH_RESULT (crm_search_result_get_type ())

G_DECLARE_FINAL_TYPE (CrmSearchResult, crm_search_result, CRM, SEARCH_RESULT, GObject)

gint64      crm_search_result_get_element_id     (CrmSearchResult *self);
gint64      crm_search_result_get_entity_type_id (CrmSearchResult *self);
const char *crm_search_result_get_title          (CrmSearchResult *self);
/* The words around the match in a value or a timeline entry, "…" where
 * cut; NULL when the title matched. */
const char *crm_search_result_get_snippet        (CrmSearchResult *self);

/* Searches every entity type @session may read, in the catalog's order:
 * titles, the values of the fields the reader may see, and the text of
 * timeline entries (comments, call logs, e-mails …), accents ignored.
 * Elements the reader may not read are never found. Up to @per_type
 * results per type, elements found by their title or values first, then
 * by their newest matching entries; the newest 5 000 matching entries are
 * looked at. A GListModel of CrmSearchResult; empty for text without
 * letters or digits. */
GListModel *crm_search_global (CrmSession  *session,
                               const char  *text,
                               guint        per_type,
                               GError     **error);

G_END_DECLS
