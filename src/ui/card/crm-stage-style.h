/* crm-stage-style.h — style classes that paint widgets in a stage's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds to @widget a style class for @color ("#rrggbb"; anything else gives
 * a neutral grey), registering the class's rules on the widget's display
 * the first time a colour is seen. style.css says where the rules apply:
 * .crm-stage-dot, .crm-stage-chip and .crm-stage-chip.filled. Returns the
 * class, so callers can remove it again. */
const char *crm_stage_style_add_class (GtkWidget  *widget,
                                       const char *color);

G_END_DECLS
