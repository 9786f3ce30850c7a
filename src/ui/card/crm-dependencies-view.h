/* crm-dependencies-view.h — the Dependencies tab: the elements related to
 * the card's, grouped by type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEPENDENCIES_VIEW (crm_dependencies_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmDependenciesView, crm_dependencies_view, CRM, DEPENDENCIES_VIEW, GtkWidget)

/* Shows the relations of @element_id (NULL session: nothing) and follows
 * the store's changes. A row opens its element (win.open-element). */
void  crm_dependencies_view_set_element (CrmDependenciesView *self,
                                         CrmSession          *session,
                                         gint64               element_id);
/* How many rows it shows, for tests. */
guint crm_dependencies_view_get_n_rows  (CrmDependenciesView *self);

G_END_DECLS
