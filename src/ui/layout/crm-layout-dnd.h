/* crm-layout-dnd.h — what a drag in the fields pane carries, and where it lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_LAYOUT_DRAG_SECTION,
  CRM_LAYOUT_DRAG_FIELD,
} CrmLayoutDragKind;

/* "section:<id>" or "field:<id>": the value a drag source offers. */
typedef struct
{
  CrmLayoutDragKind kind;
  gint64            id;
} CrmLayoutDragItem;

#define CRM_TYPE_LAYOUT_DRAG_ITEM (crm_layout_drag_item_get_type ())

GType              crm_layout_drag_item_get_type  (void) G_GNUC_CONST;
CrmLayoutDragItem *crm_layout_drag_item_new       (CrmLayoutDragKind        kind,
                                                   gint64                   id);
CrmLayoutDragItem *crm_layout_drag_item_copy      (const CrmLayoutDragItem *item);
void               crm_layout_drag_item_free      (CrmLayoutDragItem       *item);
/* "section:4", "field:12" */
char              *crm_layout_drag_item_to_string (const CrmLayoutDragItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmLayoutDragItem, crm_layout_drag_item_free)

/* A drag source on @handle offering @kind/@id; the drag icon is a picture
 * of @picture (the row, or the section's header) taken when the drag
 * starts, and @moving (the row or the section) is dimmed while it lasts. */
GtkDragSource     *crm_layout_drag_source_new     (GtkWidget               *handle,
                                                   GtkWidget               *picture,
                                                   GtkWidget               *moving,
                                                   CrmLayoutDragKind        kind,
                                                   gint64                   id);

/* Where a dragged item lands. @index counts the shown sections (for a
 * section) or the shown rows of @section_id (for a field) as they are
 * before the item is taken out: 0 is first, n after the last. */
typedef struct
{
  CrmLayoutDragKind kind;
  gint64            id;
  gint64            section_id;
  guint             index;
} CrmLayoutDropSpot;

typedef void (*CrmLayoutDropFunc) (const CrmLayoutDropSpot *spot,
                                   gpointer                 user_data);

/* The class of the spacers the pane puts around its sections: the section
 * drop indicator is drawn in them. */
#define CRM_LAYOUT_DROP_GAP_CLASS "crm-drop-gap"

/* Accepts drags over @viewport for the CrmSectionGroups of @sections_box
 * (interleaved with CRM_LAYOUT_DROP_GAP_CLASS spacers), shows where they
 * would land, scrolls near the edges, and calls @func on a drop. */
void               crm_layout_drop_attach         (GtkScrolledWindow       *viewport,
                                                   GtkWidget               *sections_box,
                                                   CrmLayoutDropFunc        func,
                                                   gpointer                 user_data);
/* Finds the spot @item would land on at (@x, @y) of @sections_box. */
gboolean           crm_layout_drop_locate         (GtkWidget               *sections_box,
                                                   const CrmLayoutDragItem *item,
                                                   double                   x,
                                                   double                   y,
                                                   CrmLayoutDropSpot       *spot);

G_END_DECLS
