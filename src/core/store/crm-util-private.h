/* crm-util-private.h — small helpers the core's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest name of a field, section or view. */
#define CRM_MAX_NAME_LENGTH 255

/* @text trimmed, or NULL with a CRM_ERROR_VALIDATION error: @empty_message
 * when nothing is left, a generic one when it is not valid UTF-8, spans
 * lines or is longer than CRM_MAX_NAME_LENGTH characters. */
char *_crm_clean_name (const char  *text,
                       const char  *empty_message,
                       GError     **error);

G_END_DECLS
