/* crm-layout-dnd.c — dragging sections and fields in the fields pane
 *
 * The handles offer a CrmLayoutDragItem, a value only this process
 * understands, so a section dropped on a text entry elsewhere inserts
 * nothing. One drop target covers the pane's whole scrolled area, gaps
 * included: it works out which section, and where in it, the pointer
 * points at, and shows a thin accent line there — in the spacer between
 * sections for a section, at the edge of a row for a field. Near the top
 * and bottom edges it scrolls, so a field can travel to a section that is
 * out of sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-layout-dnd.h"
#include "crm-section-group.h"

/* How close to the viewport's edge scrolling starts, and its top speed. */
#define SCROLL_EDGE     32.0
#define SCROLL_MAX_STEP 14.0

#define DROP_ACTIVE_CLASS "crm-drop-active"
#define DRAGGING_CLASS    "crm-dragging"

G_DEFINE_BOXED_TYPE (CrmLayoutDragItem, crm_layout_drag_item,
                     crm_layout_drag_item_copy, crm_layout_drag_item_free)

CrmLayoutDragItem *
crm_layout_drag_item_new (CrmLayoutDragKind kind,
                          gint64            id)
{
  CrmLayoutDragItem *item = g_new0 (CrmLayoutDragItem, 1);

  item->kind = kind;
  item->id = id;

  return item;
}

CrmLayoutDragItem *
crm_layout_drag_item_copy (const CrmLayoutDragItem *item)
{
  return g_memdup2 (item, sizeof *item);
}

void
crm_layout_drag_item_free (CrmLayoutDragItem *item)
{
  g_free (item);
}

char *
crm_layout_drag_item_to_string (const CrmLayoutDragItem *item)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                          item->kind == CRM_LAYOUT_DRAG_SECTION ? "section" : "field",
                          item->id);
}

/* ---- Drag sources -------------------------------------------------------- */

typedef struct
{
  GtkWidget         *picture;
  GtkWidget         *moving;
  CrmLayoutDragKind  kind;
  gint64             id;
  double             start_x;
  double             start_y;
} SourceData;

/* A still picture of @widget on the card background with a thin border:
 * rows and section headers have no background of their own, and a live
 * picture would show the dimming the widget gets while it is dragged. */
static GdkPaintable *
create_drag_icon (GtkWidget *widget,
                  int        padding)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget) + 2 * padding;
  int height = gtk_widget_get_height (widget) + 2 * padding;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA window = { 1, 1, 1, 1 };
  GdkRGBA card = { 1, 1, 1, 1 };
  GdkRGBA border = { 0, 0, 0, 0.15f };
  GdkRGBA background;
  GskRoundedRect outline;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (context, "window_bg_color", &window);
  gtk_style_context_lookup_color (context, "card_bg_color", &card);
  gtk_style_context_lookup_color (context, "card_shade_color", &border);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The card colour is translucent in the dark style, and the icon floats
   * over anything: the card as it looks on the window, made opaque. */
  background.red = card.red * card.alpha + window.red * (1 - card.alpha);
  background.green = card.green * card.alpha + window.green * (1 - card.alpha);
  background.blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
  background.alpha = 1;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_color (snapshot, &background, &bounds);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (padding, padding));
  gdk_paintable_snapshot (live, GDK_SNAPSHOT (snapshot), width - 2 * padding, height - 2 * padding);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });

  return gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot), &GRAPHENE_SIZE_INIT (width, height));
}

static GdkContentProvider *
source_prepare_cb (GtkDragSource *source,
                   double         x,
                   double         y,
                   SourceData    *data)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  data->start_x = x;
  data->start_y = y;

  g_value_init (&value, CRM_TYPE_LAYOUT_DRAG_ITEM);
  g_value_take_boxed (&value, crm_layout_drag_item_new (data->kind, data->id));
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);

  return provider;
}

static void
source_drag_begin_cb (GtkDragSource *source,
                      GdkDrag       *drag,
                      SourceData    *data)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  /* A row has its own padding; a section header needs some. */
  int padding = data->kind == CRM_LAYOUT_DRAG_SECTION ? 6 : 0;
  g_autoptr(GdkPaintable) icon = create_drag_icon (data->picture, padding);
  double hot_x = 0, hot_y = 0;

  /* Held where it was grabbed: the picture moves with the pointer as the
   * row itself would. */
  if (!gtk_widget_translate_coordinates (handle, data->picture, data->start_x, data->start_y, &hot_x, &hot_y))
    hot_x = hot_y = 0;

  gtk_drag_source_set_icon (source, icon, (int) hot_x + padding, (int) hot_y + padding);
  gtk_widget_add_css_class (data->moving, DRAGGING_CLASS);
}

static void
source_drag_end_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    gboolean       delete_data,
                    SourceData    *data)
{
  gtk_widget_remove_css_class (data->moving, DRAGGING_CLASS);
}

GtkDragSource *
crm_layout_drag_source_new (GtkWidget         *handle,
                            GtkWidget         *picture,
                            GtkWidget         *moving,
                            CrmLayoutDragKind  kind,
                            gint64             id)
{
  GtkDragSource *source;
  SourceData *data;

  g_return_val_if_fail (GTK_IS_WIDGET (handle), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (picture), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (moving), NULL);

  data = g_new0 (SourceData, 1);
  /* Both hold @handle, so they outlive the controller. */
  data->picture = picture;
  data->moving = moving;
  data->kind = kind;
  data->id = id;

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  /* Before the handle's own click gesture: a button handle must not open
   * its menu when the press turns into a drag. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (source), GTK_PHASE_CAPTURE);
  g_signal_connect_data (source, "prepare", G_CALLBACK (source_prepare_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (source, "drag-begin", G_CALLBACK (source_drag_begin_cb), data);
  g_signal_connect (source, "drag-end", G_CALLBACK (source_drag_end_cb), data);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));

  return source;
}

/* ---- Drop target --------------------------------------------------------- */

typedef struct
{
  GtkScrolledWindow *viewport;
  GtkWidget         *sections_box;
  CrmLayoutDropFunc  func;
  gpointer           user_data;

  /* The pointer in the viewport, kept to follow it while scrolling. */
  gboolean           inside;
  double             x;
  double             y;
  guint              scroll_tick_id;
} DropData;

static void
collect_children (GtkWidget *sections_box,
                  GPtrArray *groups,
                  GPtrArray *gaps)
{
  for (GtkWidget *child = gtk_widget_get_first_child (sections_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (CRM_IS_SECTION_GROUP (child) && groups != NULL)
        g_ptr_array_add (groups, child);
      else if (gtk_widget_has_css_class (child, CRM_LAYOUT_DROP_GAP_CLASS) && gaps != NULL)
        g_ptr_array_add (gaps, child);
    }
}

gboolean
crm_layout_drop_locate (GtkWidget               *sections_box,
                        const CrmLayoutDragItem *item,
                        double                   x,
                        double                   y,
                        CrmLayoutDropSpot       *spot)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *nearest = NULL;
  double nearest_distance = G_MAXDOUBLE;
  graphene_rect_t nearest_bounds;

  g_return_val_if_fail (GTK_IS_WIDGET (sections_box), FALSE);
  g_return_val_if_fail (item != NULL && spot != NULL, FALSE);

  collect_children (sections_box, groups, NULL);
  if (groups->len == 0)
    return FALSE;

  spot->kind = item->kind;
  spot->id = item->id;
  spot->section_id = 0;
  spot->index = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);
      graphene_rect_t bounds;
      double distance;

      if (!gtk_widget_compute_bounds (group, sections_box, &bounds))
        continue;

      if (item->kind == CRM_LAYOUT_DRAG_SECTION)
        {
          /* Past a section's middle, it goes after it. */
          if (y > bounds.origin.y + bounds.size.height / 2)
            spot->index = i + 1;
          continue;
        }

      if (y < bounds.origin.y)
        distance = bounds.origin.y - y;
      else if (y > bounds.origin.y + bounds.size.height)
        distance = y - (bounds.origin.y + bounds.size.height);
      else
        distance = 0;

      if (distance < nearest_distance)
        {
          nearest_distance = distance;
          nearest = group;
          nearest_bounds = bounds;
        }
    }

  if (item->kind == CRM_LAYOUT_DRAG_SECTION)
    return TRUE;

  if (nearest == NULL)
    return FALSE;

  spot->section_id = crm_section_group_get_section_id (CRM_SECTION_GROUP (nearest));
  spot->index = crm_section_group_locate (CRM_SECTION_GROUP (nearest), y - nearest_bounds.origin.y);

  return TRUE;
}

static void
show_spot (DropData                *data,
           const CrmLayoutDropSpot *spot)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) gaps = g_ptr_array_new ();

  collect_children (data->sections_box, groups, gaps);

  for (guint i = 0; i < gaps->len; i++)
    {
      GtkWidget *gap = g_ptr_array_index (gaps, i);

      if (spot != NULL && spot->kind == CRM_LAYOUT_DRAG_SECTION && spot->index == i)
        gtk_widget_add_css_class (gap, DROP_ACTIVE_CLASS);
      else
        gtk_widget_remove_css_class (gap, DROP_ACTIVE_CLASS);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      CrmSectionGroup *group = g_ptr_array_index (groups, i);
      gboolean here = spot != NULL && spot->kind == CRM_LAYOUT_DRAG_FIELD &&
                      spot->section_id == crm_section_group_get_section_id (group);

      crm_section_group_show_drop (group, here ? (int) spot->index : -1);
    }
}

static const CrmLayoutDragItem *
get_item (GtkDropTarget *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value == NULL || !G_VALUE_HOLDS (value, CRM_TYPE_LAYOUT_DRAG_ITEM))
    return NULL;

  return g_value_get_boxed (value);
}

static gboolean
locate_pointer (DropData                *data,
                const CrmLayoutDragItem *item,
                CrmLayoutDropSpot       *spot)
{
  double x, y;

  if (item == NULL ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (data->viewport), data->sections_box,
                                         data->x, data->y, &x, &y))
    return FALSE;

  return crm_layout_drop_locate (data->sections_box, item, x, y, spot);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkDropTarget *target = user_data;
  DropData *data = g_object_get_data (G_OBJECT (target), "crm-drop-data");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (data->viewport);
  double height = gtk_widget_get_height (widget);
  double step = 0;
  CrmLayoutDropSpot spot;

  if (data->y < SCROLL_EDGE)
    step = -SCROLL_MAX_STEP * (SCROLL_EDGE - data->y) / SCROLL_EDGE;
  else if (data->y > height - SCROLL_EDGE)
    step = SCROLL_MAX_STEP * (data->y - (height - SCROLL_EDGE)) / SCROLL_EDGE;

  if (!data->inside || step == 0)
    {
      data->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);

  /* The content moved under a still pointer. */
  if (locate_pointer (data, get_item (target), &spot))
    show_spot (data, &spot);

  return G_SOURCE_CONTINUE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                DropData      *data)
{
  CrmLayoutDropSpot spot;

  data->inside = TRUE;
  data->x = x;
  data->y = y;

  if (locate_pointer (data, get_item (target), &spot))
    show_spot (data, &spot);
  else
    show_spot (data, NULL);

  if (data->scroll_tick_id == 0 &&
      (y < SCROLL_EDGE || y > gtk_widget_get_height (GTK_WIDGET (data->viewport)) - SCROLL_EDGE))
    data->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (data->viewport), scroll_tick_cb,
                                                         target, NULL);

  return GDK_ACTION_MOVE;
}

static void
stop (DropData *data)
{
  data->inside = FALSE;
  if (data->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (data->viewport), data->scroll_tick_id);
      data->scroll_tick_id = 0;
    }
  show_spot (data, NULL);
}

static void
drop_leave_cb (GtkDropTarget *target,
               DropData      *data)
{
  stop (data);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DropData      *data)
{
  const CrmLayoutDragItem *item;
  CrmLayoutDropSpot spot;

  stop (data);

  if (!G_VALUE_HOLDS (value, CRM_TYPE_LAYOUT_DRAG_ITEM))
    return FALSE;

  item = g_value_get_boxed (value);
  data->x = x;
  data->y = y;
  if (!locate_pointer (data, item, &spot))
    return FALSE;

  data->func (&spot, data->user_data);

  return TRUE;
}

void
crm_layout_drop_attach (GtkScrolledWindow *viewport,
                        GtkWidget         *sections_box,
                        CrmLayoutDropFunc  func,
                        gpointer           user_data)
{
  GtkDropTarget *target;
  DropData *data;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (viewport));
  g_return_if_fail (GTK_IS_WIDGET (sections_box));
  g_return_if_fail (func != NULL);

  data = g_new0 (DropData, 1);
  data->viewport = viewport;
  data->sections_box = sections_box;
  data->func = func;
  data->user_data = user_data;

  target = gtk_drop_target_new (CRM_TYPE_LAYOUT_DRAG_ITEM, GDK_ACTION_MOVE);
  /* The value is needed while hovering: sections and fields land apart. */
  gtk_drop_target_set_preload (target, TRUE);
  g_object_set_data_full (G_OBJECT (target), "crm-drop-data", data, g_free);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), data);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), data);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), data);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), data);
  gtk_widget_add_controller (GTK_WIDGET (viewport), GTK_EVENT_CONTROLLER (target));
}
