/* crm-history-as-of.h — the card's fields as they were at a date,
 * read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_HISTORY_AS_OF (crm_history_as_of_get_type ())

G_DECLARE_FINAL_TYPE (CrmHistoryAsOf, crm_history_as_of, CRM, HISTORY_AS_OF, GtkWidget)

GtkWidget  *crm_history_as_of_new         (void);
/* Shows @element_id's sections as @session saw them at @when, under a
 * banner; a card that did not exist yet shows why. NULL @session clears. */
void        crm_history_as_of_show        (CrmHistoryAsOf *self,
                                           CrmSession     *session,
                                           gint64          element_id,
                                           GDateTime      *when);
/* The snapshot shown, or NULL (nothing shown, or it failed). */
CrmElement *crm_history_as_of_get_element (CrmHistoryAsOf *self);
/* The banner's text, for tests. */
const char *crm_history_as_of_get_banner  (CrmHistoryAsOf *self);

G_END_DECLS
