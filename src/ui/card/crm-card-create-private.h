/* crm-card-create-private.h — the card's Create button: its menu and
 * what its items do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

/* The menu of what @element can create that the session may create
 * (card.create::deal …, card.convert for a lead); hides the button when
 * there is nothing. */
void _crm_card_create_update (GtkMenuButton *button,
                              CrmSession    *session,
                              CrmElement    *element);
/* Creates @targets (codes joined by ",") from @source_id: at once when
 * nothing is missing, else through the conversion dialog, which @choose
 * opens always with a check row per target. The new element opens. */
void _crm_card_create_start  (GtkWidget     *card,
                              CrmSession    *session,
                              gint64         source_id,
                              const char    *targets,
                              gboolean       choose);

G_END_DECLS
