/* crm-element-list.h — the elements of one entity type: search and a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_ELEMENT_LIST (crm_element_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmElementList, crm_element_list, CRM, ELEMENT_LIST, GtkWidget)

GtkWidget     *crm_element_list_new             (CrmSession     *session);
CrmSession    *crm_element_list_get_session     (CrmElementList *self);
/* Shows the elements of @entity_type (NULL for none). */
void           crm_element_list_set_entity_type (CrmElementList *self,
                                                 CrmEntityType  *entity_type);
CrmEntityType *crm_element_list_get_entity_type (CrmElementList *self);
GListModel    *crm_element_list_get_model       (CrmElementList *self);
/* Focuses the search entry, selecting what it holds. */
void           crm_element_list_focus_search    (CrmElementList *self);

G_END_DECLS
