/* crm-widget-map.c — where the named widgets are, for end-to-end tests
 *
 * The tests drive the real binary with xdotool, which knows only screen
 * points; this tells them where to point and what state each widget is
 * in, so they wait on state rather than on sleeps. Every window of the
 * app is covered — the main window, dialogs, and the popovers inside
 * them, each at its own place on the screen. It costs nothing unless the
 * variable is set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "crm-widget-map.h"

typedef struct
{
  char       *path;
  char       *last;       /* what was written, to skip identical rewrites */
  GListModel *toplevels;
  GHashTable *clocks;     /* GdkFrameClock → TRUE, the ones listened to */
  guint       idle_id;
} WidgetMap;

static WidgetMap *the_map;

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
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  /* One line per widget, whatever the text holds. */
  g_strdelimit (line, "\n\r", ' ');
  return line;
}

static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return one_line (gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      return g_strdup (gtk_text_buffer_get_char_count (buffer) == 0 ? "empty" : "filled");
    }
  if (GTK_IS_EDITABLE (widget))
    return one_line (gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (ADW_IS_COMBO_ROW (widget))
    {
      GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (widget));

      if (GTK_IS_STRING_OBJECT (item))
        return one_line (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      return NULL;
    }
  if (GTK_IS_DROP_DOWN (widget))
    {
      GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));

      if (GTK_IS_STRING_OBJECT (item))
        return one_line (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      return NULL;
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    return one_line (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    return one_line (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return one_line (gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    return one_line (gtk_window_get_title (GTK_WINDOW (widget)));
  return NULL;
}

static gboolean
widget_checked (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
  if (GTK_IS_TOGGLE_BUTTON (widget))
    return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
  if (GTK_IS_SWITCH (widget))
    return gtk_switch_get_active (GTK_SWITCH (widget));
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      /* Open: its popover shows. */
      return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
    }
  return FALSE;
}

/* Where @native's surface starts on the screen, its widgets' origin
 * included (client-side decorations leave a margin for the shadow). */
static void
native_origin (GtkNative *native,
               double    *x,
               double    *y)
{
  GdkSurface *surface = gtk_native_get_surface (native);
  double dx = 0, dy = 0;

  *x = 0;
  *y = 0;
  gtk_native_get_surface_transform (native, &dx, &dy);

#ifdef GDK_WINDOWING_X11
  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
      Window child;
      int root_x = 0, root_y = 0;

      XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                             DefaultRootWindow (xdisplay), 0, 0, &root_x, &root_y, &child);
      *x = root_x;
      *y = root_y;
    }
#endif

  *x += dx;
  *y += dy;
}

/* A surface of the app on the screen: a window, a dialog or a popover. */
typedef struct
{
  GtkNative *native;
  GtkWindow *toplevel;
  double     x;
  double     y;
  double     width;
  double     height;
} Surface;

typedef struct
{
  GString   *out;
  GtkWidget *focus;     /* the named widget holding the focus, if any */
  GArray    *surfaces;  /* of Surface */
} Collect;

static void
add_surface (Collect   *state,
             GtkNative *native,
             GtkWindow *toplevel)
{
  Surface surface = { native, toplevel, 0, 0,
                      gtk_widget_get_width (GTK_WIDGET (native)),
                      gtk_widget_get_height (GTK_WIDGET (native)) };

  native_origin (native, &surface.x, &surface.y);
  g_array_append_val (state->surfaces, surface);
}

static void
find_popovers (Collect   *state,
               GtkWidget *widget,
               GtkWindow *toplevel)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_POPOVER (widget))
    add_surface (state, GTK_NATIVE (widget), toplevel);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_popovers (state, child, toplevel);
}

/* Whether @other shows above @native: a popover above the window (or the
 * popover) it pops from, a dialog above the window it belongs to. */
static gboolean
is_above (const Surface *other,
          GtkNative     *native,
          GtkWindow     *toplevel)
{
  if (other->native == native)
    return FALSE;
  if (GTK_IS_POPOVER (other->native))
    return other->toplevel == toplevel &&
           !gtk_widget_is_ancestor (GTK_WIDGET (native), GTK_WIDGET (other->native));
  return gtk_window_get_transient_for (GTK_WINDOW (other->native)) == toplevel;
}

/* Whether a click in the middle of @widget would reach something else: a
 * toast over it, a popover or a dialog, or the edge of a scrolled view. */
static gboolean
is_obscured (Collect               *state,
             GtkWidget             *widget,
             GtkNative             *native,
             const graphene_rect_t *bounds,
             double                 ox,
             double                 oy)
{
  double cx = bounds->origin.x + bounds->size.width / 2;
  double cy = bounds->origin.y + bounds->size.height / 2;
  GtkWindow *toplevel = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *picked;

  for (guint i = 0; i < state->surfaces->len; i++)
    {
      const Surface *other = &g_array_index (state->surfaces, Surface, i);

      if (is_above (other, native, toplevel) &&
          cx + ox >= other->x && cx + ox < other->x + other->width &&
          cy + oy >= other->y && cy + oy < other->y + other->height)
        return TRUE;
    }

  /* An ancestor is picked when the widget takes no pointer events itself. */
  picked = gtk_widget_pick (GTK_WIDGET (native), cx, cy, GTK_PICK_INSENSITIVE);
  return picked == NULL ||
         !(picked == widget ||
           gtk_widget_is_ancestor (picked, widget) ||
           gtk_widget_is_ancestor (widget, picked));
}

/* The texts of the labels inside @widget, in order, space separated. */
static void
append_label_texts (GtkWidget *widget,
                    GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_autofree char *text = one_line (gtk_label_get_text (GTK_LABEL (widget)));

      if (*text != '\0')
        g_string_append_printf (texts, "%s%s", texts->len > 0 ? " " : "", text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_label_texts (child, texts);
}

/* A row of a list in a popover — a drop-down's or a combo row's choices —
 * has no name of ours: it is found by what it says, as a person would. */
static const char *
widget_map_name (GtkWidget *widget,
                 GtkNative *native)
{
  const char *name = gtk_widget_get_name (widget);
  GtkWidget *parent;

  if (is_our_name (name) || !GTK_IS_POPOVER (native))
    return name;
  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_LIST_BOX_ROW (widget) || (parent != NULL && GTK_IS_LIST_VIEW (parent)))
    return "popover-row";
  return name;
}

static char *
row_text (GtkWidget *widget)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  append_label_texts (widget, texts);
  return g_strdup (texts->str);
}

static void
collect (Collect   *state,
         GtkWidget *widget,
         GtkNative *native,
         double     ox,
         double     oy)
{
  const char *name;
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;

  /* A popover is a surface of its own, somewhere else on the screen. */
  if (GTK_IS_NATIVE (widget) && GTK_NATIVE (widget) != native)
    {
      native = GTK_NATIVE (widget);
      native_origin (native, &ox, &oy);
    }

  name = widget_map_name (widget, native);

  if (is_our_name (name) && gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds) &&
      bounds.size.width > 0 && bounds.size.height > 0)
    {
      g_autofree char *text = g_str_equal (name, "popover-row") ? row_text (widget) : widget_text (widget);
      char flags[8];
      guint n = 0;

      if (widget == state->focus)
        flags[n++] = 'f';
      if (widget_checked (widget))
        flags[n++] = 'c';
      if (!gtk_widget_is_sensitive (widget))
        flags[n++] = 'i';
      if (is_obscured (state, widget, native, &bounds, ox, oy))
        flags[n++] = 'o';
      if (n == 0)
        flags[n++] = '-';
      flags[n] = '\0';

      g_string_append_printf (state->out, "%s %d %d %d %d %s%s%s\n", name,
                              (int) (bounds.origin.x + ox), (int) (bounds.origin.y + oy),
                              (int) bounds.size.width, (int) bounds.size.height,
                              flags, text != NULL ? " " : "", text != NULL ? text : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (state, child, native, ox, oy);
}

/* The focus of @window, as the nearest widget with a name of ours. */
static GtkWidget *
named_focus (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  while (focus != NULL && !is_our_name (gtk_widget_get_name (focus)))
    focus = gtk_widget_get_parent (focus);
  return focus;
}

static void listen_to_window (WidgetMap *map,
                              GtkWindow *window);

static gboolean
write_map_cb (gpointer user_data)
{
  WidgetMap *map = user_data;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) surfaces = g_array_new (FALSE, FALSE, sizeof (Surface));
  guint n = g_list_model_get_n_items (map->toplevels);
  Collect state = { out, NULL, surfaces };

  map->idle_id = 0;

  /* Where every surface is first: any may cover a widget of another. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (map->toplevels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;
      listen_to_window (map, window);
      add_surface (&state, GTK_NATIVE (window), window);
      find_popovers (&state, GTK_WIDGET (window), window);
    }

  for (guint i = 0; i < surfaces->len; i++)
    {
      const Surface *surface = &g_array_index (surfaces, Surface, i);
      GtkWindow *window;

      if (GTK_IS_POPOVER (surface->native))
        continue;

      window = GTK_WINDOW (surface->native);
      state.focus = named_focus (window);
      collect (&state, GTK_WIDGET (window), surface->native, surface->x, surface->y);

      /* Which window has the keyboard, and where in it. */
      if (gtk_window_is_active (window))
        g_string_append_printf (out, "@focus %s\n",
                                state.focus != NULL ? gtk_widget_get_name (state.focus) : "none");
    }

  if (g_strcmp0 (out->str, map->last) == 0)
    return G_SOURCE_REMOVE;

  g_free (map->last);
  map->last = g_strdup (out->str);
  {
    g_autofree char *tmp = g_strconcat (map->path, ".tmp", NULL);

    /* Written aside and renamed, so a reader never sees half a file. */
    if (g_file_set_contents (tmp, out->str, out->len, NULL))
      g_rename (tmp, map->path);
  }

  return G_SOURCE_REMOVE;
}

/* Once a frame at most, after it is painted, for all windows at once. */
static void
after_paint_cb (GdkFrameClock *clock,
                WidgetMap     *map)
{
  if (map->idle_id == 0)
    map->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_map_cb, map, NULL);
}

static void
clock_gone_cb (gpointer  user_data,
               GObject  *clock)
{
  WidgetMap *map = user_data;

  g_hash_table_remove (map->clocks, clock);
}

static void
listen_to_window (WidgetMap *map,
                  GtkWindow *window)
{
  GdkFrameClock *clock;

  if (!gtk_widget_get_realized (GTK_WIDGET (window)))
    return;

  /* Popovers paint on their window's clock. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL || g_hash_table_contains (map->clocks, clock))
    return;

  g_hash_table_add (map->clocks, clock);
  g_object_weak_ref (G_OBJECT (clock), clock_gone_cb, map);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), map);
}

static void
window_realize_cb (GtkWidget *widget,
                   WidgetMap *map)
{
  listen_to_window (map, GTK_WINDOW (widget));
}

static void
window_unmap_cb (GtkWidget *widget,
                 WidgetMap *map)
{
  /* A closed dialog paints no more frames: write without it now. */
  if (map->idle_id == 0)
    map->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_map_cb, map, NULL);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      WidgetMap  *map)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "crm-widget-map") != NULL)
        continue;
      g_object_set_data (G_OBJECT (window), "crm-widget-map", map);
      g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), map);
      g_signal_connect (window, "unmap", G_CALLBACK (window_unmap_cb), map);
      listen_to_window (map, window);
    }

  if (removed > 0 && map->idle_id == 0)
    map->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_map_cb, map, NULL);
}

void
crm_widget_map_attach (GtkWindow *window)
{
  const char *path = g_getenv ("CLIENTELE_WIDGET_MAP");

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (path == NULL || *path == '\0' || the_map != NULL)
    return;

  /* One map for the whole process: it lives as long as the process. */
  the_map = g_new0 (WidgetMap, 1);
  the_map->path = g_strdup (path);
  the_map->clocks = g_hash_table_new (NULL, NULL);
  the_map->toplevels = gtk_window_get_toplevels ();
  g_signal_connect (the_map->toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), the_map);
  toplevels_changed_cb (the_map->toplevels, 0, 0, g_list_model_get_n_items (the_map->toplevels), the_map);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
crm_widget_map_name_responses (AdwMessageDialog *dialog,
                               const char       *first_response,
                               ...)
{
  va_list args;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  va_start (args, first_response);
  for (const char *response = first_response; response != NULL; response = va_arg (args, const char *))
    {
      GtkWidget *button;
      g_autofree char *name = NULL;

      if (!adw_message_dialog_has_response (dialog, response))
        {
          g_critical ("%s: no response %s", G_STRFUNC, response);
          continue;
        }

      /* Only the buttons' labels are public: the button showing the
       * response's label is the response's. */
      button = find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));
      if (button == NULL)
        continue;
      name = g_strdup_printf ("response-%s", response);
      gtk_widget_set_name (button, name);
    }
  va_end (args);
}
