/* crm-settings.h — the application's GSettings, when its schema is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The io.github.clientele.Clientele settings, or NULL when the schema is
 * not installed (an uninstalled build run without GSETTINGS_SCHEMA_DIR):
 * the app then starts with defaults and remembers nothing. */
GSettings *crm_settings_new (void);

G_END_DECLS
