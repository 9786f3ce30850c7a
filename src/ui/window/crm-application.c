/* crm-application.c — the application: options, the database, the window
 *
 * The first instance opens the database (--db, else the one used last,
 * else the default in the user data directory), fills it with sample data
 * when asked (--demo), acts as the desktop user or as --user LOGIN, and
 * shows the window; later invocations reach it over D-Bus and may open a
 * card (--open deal:12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-application.h"
#include "crm-preferences-window.h"
#include "crm-settings.h"
#include "crm-window.h"
#include "crm-widget-map.h"

struct _CrmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  CrmStore       *store;
  CrmSession     *session;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

/* Demo data is the same on every machine: its seed is fixed. */
#define DEMO_SEED 2026

static char *
get_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clientele", "clientele.db", NULL);
}

/* --db, else the database opened last if it is still there, else the
 * default one. */
static char *
choose_database_path (CrmApplication          *self,
                      GApplicationCommandLine *command_line,
                      const char              *option)
{
  g_autofree char *last = NULL;

  if (option != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, option);

      return g_file_get_path (file);
    }

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);

  return get_default_database_path ();
}

static gboolean
open_database (CrmApplication  *self,
               const char      *path,
               const char      *login,
               gboolean         demo,
               GError         **error)
{
  g_autoptr(CrmSession) session = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then why it cannot be created */
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  store = crm_store_open (path, error);
  if (store == NULL)
    return FALSE;

  /* The demo is filled by the desktop user, so that --demo --user LOGIN
   * can act as one of the demo's colleagues from the first start; else
   * --user leaves the desktop user out of a shared database. */
  demo = demo && crm_store_is_empty (store);
  if (login == NULL || demo)
    {
      session = crm_session_new_for_desktop_user (store, error);
      if (session == NULL)
        return FALSE;
    }

  if (demo && !crm_demo_fill (session, crm_demo_get_default_size (), DEMO_SEED, error))
    return FALSE;

  if (login != NULL)
    {
      g_clear_object (&session);
      session = crm_session_new_for_login (store, login, error);
      if (session == NULL)
        return FALSE;
    }

  self->store = g_steal_pointer (&store);
  self->session = g_steal_pointer (&session);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", path);

  return TRUE;
}

/* On the terminal that started us, and in a dialog for someone who
 * started Clientele from the desktop and sees no terminal; returns once
 * the dialog is closed. */
static void
report_open_error (CrmApplication          *self,
                   GApplicationCommandLine *command_line,
                   const char              *path,
                   const char              *login,
                   const GError            *error)
{
  g_autofree char *body = NULL;
  const char *heading = _("Could Not Open the Database");
  const char *name = "database-error-dialog";
  g_autoptr(GMainLoop) loop = NULL;
  GtkWidget *dialog;

  if (login != NULL && (g_error_matches (error, CRM_ERROR, CRM_ERROR_NOT_FOUND) ||
                        g_error_matches (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED)))
    {
      heading = _("Could Not Act as This User");
      name = "user-error-dialog";
      body = g_strdup_printf ("%s\n\n%s", error->message, path);
    }
  else if (g_error_matches (error, CRM_ERROR, CRM_ERROR_VERSION))
    body = g_strdup_printf (_("The database %s was written by a newer version of Clientele. Update Clientele to open it."),
                            path);
  else
    body = g_strdup_printf ("%s\n\n%s", path, error->message);

  g_application_command_line_printerr (command_line, "%s: %s\n", path, error->message);

  dialog = adw_message_dialog_new (NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  crm_widget_map_name_responses (ADW_MESSAGE_DIALOG (dialog), "close", NULL);
  gtk_widget_set_name (dialog, name);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  /* No main window tells the end-to-end tests where things are. */
  crm_widget_map_attach (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));

  /* Until it is read: g_application_run () answers 0 once it had to
   * wait for a window, and the caller must see the failure. */
  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  g_main_loop_run (loop);
}

static CrmWindow *
get_window (CrmApplication *self,
            gboolean       *created)
{
  GtkWindow *window;

  *created = FALSE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      window = l->data;
      if (CRM_IS_WINDOW (window))
        return CRM_WINDOW (window);
    }

  *created = TRUE;

  return crm_window_new (GTK_APPLICATION (self), self->session);
}

/* The card open when Clientele was last closed, if it was in this
 * database. */
static void
restore_last_element (CrmApplication *self,
                      CrmWindow      *window)
{
  g_autofree char *last_database = NULL;
  g_autofree char *last_element = NULL;

  if (self->settings == NULL)
    return;

  last_database = g_settings_get_string (self->settings, "last-database");
  last_element = g_settings_get_string (self->settings, "last-element");

  if (*last_element != '\0' && g_strcmp0 (last_database, crm_store_get_path (self->store)) == 0)
    crm_window_open_reference (window, last_element, NULL);
}

/* ---- Actions ------------------------------------------------------------- */

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CrmApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* A copy: closing a window takes it off the application's list. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Through close-request, so the window saves its size. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (self));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CrmApplication *self = user_data;
  const char *developers[] = { _("The Clientele developers"), NULL };
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Clientele"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Clientele developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("A customer relationship manager for small sales teams"),
                        "copyright", _("© 2026 The Clientele developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  /* Left untranslated, the string says nothing to anyone. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CrmApplication *self = user_data;
  CrmPreferencesWindow *preferences;

  if (self->session == NULL)
    return;

  preferences = crm_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                            self->session);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
};

/* ---- GApplication -------------------------------------------------------- */

static int
crm_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "clientele", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
crm_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  CrmApplication *self = CRM_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *db_option = NULL;
  const char *open_option = NULL;
  const char *user_option = NULL;
  gboolean demo = FALSE;
  gboolean created;
  CrmWindow *window;
  int status = 0;

  g_variant_dict_lookup (options, "db", "^&ay", &db_option);
  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "open", "&s", &open_option);
  g_variant_dict_lookup (options, "user", "&s", &user_option);

  path = choose_database_path (self, command_line, db_option);

  if (self->session == NULL)
    {
      if (!open_database (self, path, user_option, demo, &error))
        {
          report_open_error (self, command_line, path, user_option, error);
          return 1;
        }
    }
  else if (user_option != NULL &&
           g_strcmp0 (user_option, crm_user_get_login (crm_session_get_user (self->session))) != 0)
    {
      g_application_command_line_printerr (command_line,
                                           _("Clientele is already running as %s; close it to act as another user.\n"),
                                           crm_user_get_login (crm_session_get_user (self->session)));
    }
  else if (db_option != NULL && g_strcmp0 (path, crm_store_get_path (self->store)) != 0)
    {
      g_application_command_line_printerr (command_line,
                                           _("Clientele is already running with %s; close it to open another database.\n"),
                                           crm_store_get_path (self->store));
    }

  window = get_window (self, &created);

  if (open_option != NULL)
    {
      if (!crm_window_open_reference (window, open_option, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          crm_window_add_toast (window, error->message);

          /* The invocation that asked fails; a first instance runs on. */
          if (g_application_command_line_get_is_remote (command_line))
            status = 1;
        }
    }
  else if (created)
    {
      restore_last_element (self, window);
    }

  gtk_window_present (GTK_WINDOW (window));

  return status;
}

static void
crm_application_startup (GApplication *application)
{
  CrmApplication *self = CRM_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (application);

  self->settings = crm_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

static void
crm_application_dispose (GObject *object)
{
  CrmApplication *self = CRM_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_application_parent_class)->dispose (object);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = crm_application_dispose;

  application_class->command_line = crm_application_command_line;
  application_class->handle_local_options = crm_application_handle_local_options;
  application_class->startup = crm_application_startup;
}

static void
crm_application_init (CrmApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open or create the database FILE (by default the one used last)"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Fill an empty database with sample data"), NULL },
    { "open", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open a card, such as deal:12"), N_("TYPE:ID") },
    /* Translators: --user; a database file is no security boundary. */
    { "user", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Act as the user LOGIN of the database instead of the desktop user (this is not a security boundary)"),
      N_("LOGIN") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Clientele keeps your leads, deals, contacts and companies, "
                                              "each as a card with its fields and its timeline."));
}

/* ---- Public API ---------------------------------------------------------- */

CrmApplication *
crm_application_new (void)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/clientele/Clientele",
                       NULL);
}

CrmSession *
crm_application_get_session (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->session;
}
