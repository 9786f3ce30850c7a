/* crm-widget-map.h — where the named widgets are, for end-to-end tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* When CLIENTELE_WIDGET_MAP names a file, keeps it filled, after every
 * frame of any window of the app, with one line per visible widget that
 * has a name of ours (lower case, digits, dashes):
 *   NAME X Y WIDTH HEIGHT FLAGS [TEXT]
 * in screen coordinates, popovers and dialogs included. FLAGS holds 'f'
 * (the focus is there), 'c' (checked, active, switched on), 'i'
 * (insensitive), 'o' (obscured: a click in its middle would reach a toast,
 * popover or dialog over it, or miss it at a scrolled view's edge), or is
 * '-'. TEXT is what the widget shows: a label's or an
 * entry's text, "empty"/"filled" for a text view, a combo row's choice, a
 * row's title, a button's label, a window's title. The rows of a list in a
 * popover (a drop-down's choices) that have no name of ours are called
 * "popover-row", their TEXT being their labels' texts. A line
 * "@focus NAME" names the focused widget of the active window ("none").
 * Does nothing when the variable is unset; the first call starts it for
 * the whole process. */
void crm_widget_map_attach         (GtkWindow        *window);

/* Names the buttons of the dialog's responses "response-ID", so tests find
 * them: call it after the responses are added; NULL-terminated. */
void crm_widget_map_name_responses (AdwMessageDialog *dialog,
                                    const char       *first_response,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
