/* crm-stage-style.c — style classes that paint widgets in a stage's colour
 *
 * Stage colours are data (every stage of every pipeline has its own), so
 * they cannot live in style.css. One CSS provider per display holds a rule
 * set per colour seen so far, keyed by a class name made from the colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-stage-style.h"

#define PROVIDER_KEY "crm-stage-style-provider"
#define COLORS_KEY   "crm-stage-style-colors"
#define FALLBACK     "#9a9996"

static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/* Dark text on light colours (yellow, light green), white on the rest. */
static gboolean
wants_dark_text (const char *color)
{
  GdkRGBA rgba;
  double luminance;

  if (!gdk_rgba_parse (&rgba, color))
    return FALSE;

  luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;

  return luminance > 0.5;
}

static void
append_rules (GString    *css,
              const char *color)
{
  const char *klass = color + 1;
  const char *text = wants_dark_text (color) ? "rgba(0, 0, 0, 0.8)" : "white";

  g_string_append_printf (css,
                          ".crm-stage-dot.crm-color-%s { background-color: %s; }\n"
                          ".crm-stage-chip.crm-color-%s { box-shadow: inset 0 0 0 1px alpha(%s, 0.75); }\n"
                          ".crm-stage-chip.filled.crm-color-%s { background-color: %s; color: %s; box-shadow: none; }\n",
                          klass, color,
                          klass, color,
                          klass, color, text);
}

static void
reload_provider (GtkCssProvider *provider,
                 GHashTable     *colors)
{
  g_autoptr(GString) css = g_string_new (NULL);
  g_autofree const char **keys = NULL;
  guint n_keys = 0;

  keys = (const char **) g_hash_table_get_keys_as_array (colors, &n_keys);
  for (guint i = 0; i < n_keys; i++)
    append_rules (css, keys[i]);

  gtk_css_provider_load_from_data (provider, css->str, css->len);
}

const char *
crm_stage_style_add_class (GtkWidget  *widget,
                           const char *color)
{
  g_autofree char *normalized = NULL;
  g_autofree char *klass = NULL;
  GdkDisplay *display;
  GtkCssProvider *provider;
  GHashTable *colors;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  normalized = g_ascii_strdown (is_hex_color (color) ? color : FALLBACK, -1);
  display = gtk_widget_get_display (widget);

  provider = g_object_get_data (G_OBJECT (display), PROVIDER_KEY);
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display,
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), PROVIDER_KEY, provider, g_object_unref);
      g_object_set_data_full (G_OBJECT (display), COLORS_KEY,
                              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                              (GDestroyNotify) g_hash_table_unref);
    }

  colors = g_object_get_data (G_OBJECT (display), COLORS_KEY);
  if (!g_hash_table_contains (colors, normalized))
    {
      g_hash_table_add (colors, g_strdup (normalized));
      reload_provider (provider, colors);
    }

  klass = g_strdup_printf ("crm-color-%s", normalized + 1);
  gtk_widget_add_css_class (widget, klass);

  return g_intern_string (klass);
}
