/* crm-search.h — search queries that respect who may see which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-session.h"

G_BEGIN_DECLS

/* Like crm_search_build_query (), but each word may also match the values
 * of the restricted fields of @entity_type_id that @session may see; other
 * restricted values never match. NULL when nothing searchable remains. */
char *crm_search_build_query_for (CrmSession *session,
                                  gint64      entity_type_id,
                                  const char *text);

G_END_DECLS
