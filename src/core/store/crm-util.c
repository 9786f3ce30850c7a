/* crm-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crm-error.h"
#include "crm-util-private.h"

char *
_crm_clean_name (const char  *text,
                 const char  *empty_message,
                 GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The name is not valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION, empty_message);
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > CRM_MAX_NAME_LENGTH || strpbrk (clean, "\r\n") != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A name must be one line of at most %d characters"), CRM_MAX_NAME_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&clean);
}
