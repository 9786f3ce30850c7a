/* crm-card.h — one CRM element: header, stage bar, fields and timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_CARD (crm_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmCard, crm_card, CRM, CARD, GtkWidget)

GtkWidget  *crm_card_new            (CrmSession *session);
CrmSession *crm_card_get_session    (CrmCard    *self);
/* Loads and shows element @id; on error the card is left as it was. */
gboolean    crm_card_load           (CrmCard    *self,
                                     gint64      id,
                                     GError    **error);
/* Shows nothing. */
void        crm_card_clear          (CrmCard    *self);
/* The element shown, or NULL (also after it was deleted). */
CrmElement *crm_card_get_element    (CrmCard    *self);
gint64      crm_card_get_element_id (CrmCard    *self);

G_END_DECLS
