/* crm-widget-map.h — where the named widgets are, for end-to-end tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When CLIENTELE_WIDGET_MAP names a file, keeps it filled with one line per
 * visible widget that has a name of ours (lower case, with dashes):
 * "NAME X Y WIDTH HEIGHT [TEXT]" in the window's coordinates, TEXT being a
 * label's text or "empty"/"filled" for a text view. Does nothing otherwise. */
void crm_widget_map_attach (GtkWindow *window);

G_END_DECLS
