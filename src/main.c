/* main.c — Clientele's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crm-application.h"

static gboolean
has_catalog (const char *localedir)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (languages[i], "C"))
        continue;

      path = g_build_filename (localedir, languages[i], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

/* The installed translations; run from the build tree before installing,
 * the ones meson compiled into <builddir>/po. */
static const char *
find_localedir (void)
{
  if (!has_catalog (LOCALEDIR) && has_catalog (BUILD_LOCALEDIR))
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = crm_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
