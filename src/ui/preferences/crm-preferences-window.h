/* crm-preferences-window.h — Preferences: the CRM's administration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_WINDOW (crm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, CRM, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences for the person acting in @session, transient for @parent. */
CrmPreferencesWindow *crm_preferences_window_new         (GtkWindow            *parent,
                                                          CrmSession           *session);
CrmSession           *crm_preferences_window_get_session (CrmPreferencesWindow *self);

G_END_DECLS
