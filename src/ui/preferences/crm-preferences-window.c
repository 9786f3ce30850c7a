/* crm-preferences-window.c — Preferences: the CRM's administration
 *
 * One AdwPreferencesWindow; each part of the administration (users and
 * permissions, custom fields, entity types, pipelines and stages…) is an
 * AdwPreferencesPage of its own file, created here for the acting session
 * and shown only to those who may use it (the core checks every change
 * again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-fields-page.h"
#include "crm-pipelines-page.h"
#include "crm-preferences-window.h"
#include "crm-types-page.h"
#include "crm-users-page.h"

struct _CrmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  CrmSession          *session;
  GPtrArray           *pages;    /* of AdwPreferencesPage, not owned */
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A page constructor: NULL when the acting user may not use the page. */
typedef AdwPreferencesPage *(*PageNew) (CrmSession *session);

static const PageNew pages[] = {
  crm_users_page_new,
  crm_fields_page_new,
  crm_types_page_new,
  crm_pipelines_page_new,
  NULL,
};

/* The switcher's buttons have no names of their own: each gets its page's,
 * "preferences-page-NAME", so end-to-end tests can click it. */
static void
name_switcher_buttons (GtkWidget            *widget,
                       CrmPreferencesWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child) && g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwViewSwitcherButton"))
        {
          g_autofree char *label = NULL;

          g_object_get (child, "label", &label, NULL);
          for (guint i = 0; i < self->pages->len; i++)
            {
              AdwPreferencesPage *page = g_ptr_array_index (self->pages, i);
              const char *title = adw_preferences_page_get_title (page);
              const char *name = adw_preferences_page_get_name (page);

              if (name != NULL && g_strcmp0 (label, title) == 0)
                {
                  g_autofree char *widget_name = g_strdup_printf ("preferences-page-%s", name);

                  gtk_widget_set_name (child, widget_name);
                }
            }
        }
      name_switcher_buttons (child, self);
    }
}

static void
add_pages (CrmPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages) && pages[i] != NULL; i++)
    {
      AdwPreferencesPage *page = pages[i] (self->session);

      if (page != NULL)
        {
          adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
          g_ptr_array_add (self->pages, page);
        }
    }
  name_switcher_buttons (GTK_WIDGET (self), self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_preferences_window_constructed (GObject *object)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->constructed (object);

  g_assert (CRM_IS_SESSION (self->session));
  add_pages (self);
}

static void
crm_preferences_window_dispose (GObject *object)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->dispose (object);
}

static void
crm_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_preferences_window_constructed;
  object_class->dispose = crm_preferences_window_dispose;
  object_class->get_property = crm_preferences_window_get_property;
  object_class->set_property = crm_preferences_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 640);
  gtk_widget_set_name (GTK_WIDGET (self), "preferences-window");
  self->pages = g_ptr_array_new ();
}

/* ---- Public API ---------------------------------------------------------- */

CrmPreferencesWindow *
crm_preferences_window_new (GtkWindow  *parent,
                            CrmSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "session", session,
                       NULL);
}

CrmSession *
crm_preferences_window_get_session (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->session;
}
