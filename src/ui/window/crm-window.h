/* crm-window.h — the main window: entity types, lists and cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

/* @application may be NULL (widget tests). */
CrmWindow  *crm_window_new                 (GtkApplication *application,
                                            CrmSession     *session);
CrmSession *crm_window_get_session         (CrmWindow      *self);
/* Shows the card of element @id, or a toast saying why it cannot. */
void        crm_window_open_element        (CrmWindow      *self,
                                            gint64          id);
/* Opens "TYPE:ID" ("deal:12"); FALSE with @error when there is no such
 * element of that type. */
gboolean    crm_window_open_reference      (CrmWindow      *self,
                                            const char     *reference,
                                            GError        **error);
/* Shows the list of the type with @code ("deal"). */
void        crm_window_show_entity_type    (CrmWindow      *self,
                                            const char     *code);
void        crm_window_add_toast           (CrmWindow      *self,
                                            const char     *message);

G_END_DECLS
