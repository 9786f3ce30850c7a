/* crm-widget-map.c — where the named widgets are, for end-to-end tests
 *
 * The tests drive the real binary with xdotool, which knows only screen
 * points; this tells them where to point. It costs nothing unless the
 * variable is set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "crm-widget-map.h"

typedef struct
{
  char *path;
  char *last;   /* what was written, to skip identical rewrites */
} WidgetMap;

static void
widget_map_free (WidgetMap *map)
{
  g_free (map->path);
  g_free (map->last);
  g_free (map);
}

static gboolean
is_our_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strdup (gtk_label_get_text (GTK_LABEL (widget)));

      /* One line per widget, whatever the label holds. */
      g_strdelimit (text, "\n\r", ' ');
      return g_steal_pointer (&text);
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      return g_strdup (gtk_text_buffer_get_char_count (buffer) == 0 ? "empty" : "filled");
    }
  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  return NULL;
}

static void
collect (GtkWidget *widget,
         GtkWidget *root,
         double     dx,
         double     dy,
         GString   *out)
{
  const char *name = gtk_widget_get_name (widget);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_our_name (name) && gtk_widget_compute_bounds (widget, root, &bounds) &&
      bounds.size.width > 0 && bounds.size.height > 0)
    {
      g_autofree char *text = widget_text (widget);

      g_string_append_printf (out, "%s %d %d %d %d%s%s\n", name,
                              (int)(bounds.origin.x + dx), (int)(bounds.origin.y + dy),
                              (int)bounds.size.width, (int)bounds.size.height,
                              text ? " " : "", text ? text : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, root, dx, dy, out);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  WidgetMap *map = g_object_get_data (G_OBJECT (window), "crm-widget-map");
  g_autoptr(GString) out = g_string_new (NULL);
  double dx = 0, dy = 0;

  /* Widget coordinates start inside the decorations' margin. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  collect (GTK_WIDGET (window), GTK_WIDGET (window), dx, dy, out);

  if (g_strcmp0 (out->str, map->last) == 0)
    return;

  g_free (map->last);
  map->last = g_strdup (out->str);
  {
    g_autofree char *tmp = g_strconcat (map->path, ".tmp", NULL);

    /* Written aside and renamed, so a reader never sees half a file. */
    if (g_file_set_contents (tmp, out->str, out->len, NULL))
      g_rename (tmp, map->path);
  }
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

void
crm_widget_map_attach (GtkWindow *window)
{
  const char *path = g_getenv ("CLIENTELE_WIDGET_MAP");
  WidgetMap *map;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (path == NULL || *path == '\0')
    return;

  map = g_new0 (WidgetMap, 1);
  map->path = g_strdup (path);
  g_object_set_data_full (G_OBJECT (window), "crm-widget-map", map, (GDestroyNotify)widget_map_free);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
