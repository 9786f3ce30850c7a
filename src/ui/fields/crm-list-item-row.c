/* crm-list-item-row.c — one item of a list field in its items editor
 *
 * A row of our own rather than an AdwEntryRow: an entry row without a title
 * sets its text off-centre, and "Item" over every item is noise. The label
 * turns into an entry when clicked or from the Rename button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-list-item-row.h"

struct _CrmListItemRow
{
  GtkListBoxRow     parent_instance;

  /* What element values store; kept through renames and moves. */
  char             *key;

  /* Template widgets */
  GtkWidget        *handle;
  GtkEditableLabel *label;
  GtkWidget        *menu_button;
};

G_DEFINE_FINAL_TYPE (CrmListItemRow, crm_list_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  N_PROPS
};

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Dragging ------------------------------------------------------------ */

static GdkContentProvider *
drag_prepare_cb (CrmListItemRow *self,
                 double          x,
                 double          y,
                 GtkDragSource  *source)
{
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, self);
}

/* The icon is the row's handle and label lifted off the list, only as wide
 * as the label so the drop indicator stays in sight beside it. */
static void
drag_begin_cb (CrmListItemRow *self,
               GdkDrag        *drag,
               GtkDragSource  *source)
{
  GtkWidget *list, *copy, *box, *image, *label;
  graphene_point_t point;

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, -1, gtk_widget_get_height (GTK_WIDGET (self)));

  copy = gtk_list_box_row_new ();
  gtk_widget_add_css_class (copy, "crm-list-item-row");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  image = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (image, "dim-label");
  gtk_widget_set_margin_end (image, 6);
  label = gtk_label_new (crm_list_item_row_get_label (self));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (copy), box);
  gtk_list_box_append (GTK_LIST_BOX (list), copy);

  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), list);

  if (gtk_widget_compute_point (self->handle, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &point))
    gdk_drag_set_hotspot (drag, (int) point.x + 8, (int) point.y + 8);

  gtk_widget_add_css_class (GTK_WIDGET (self), "crm-drag-source");
}

static void
drag_end_cb (CrmListItemRow *self,
             GdkDrag        *drag,
             gboolean        delete_data,
             GtkDragSource  *source)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "crm-drag-source");
}

/* ---- Actions ------------------------------------------------------------- */

static void
rename_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmListItemRow *self = CRM_LIST_ITEM_ROW (widget);

  gtk_editable_label_start_editing (self->label);
  gtk_widget_grab_focus (GTK_WIDGET (self->label));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  int delta = g_str_equal (action_name, "item.move-up") ? -1 : 1;

  g_signal_emit (widget, signals[MOVE], 0, delta);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* ---- GObject ------------------------------------------------------------- */

static void
label_changed_cb (CrmListItemRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
crm_list_item_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_LIST_ITEM_ROW);

  G_OBJECT_CLASS (crm_list_item_row_parent_class)->dispose (object);
}

static void
crm_list_item_row_finalize (GObject *object)
{
  CrmListItemRow *self = CRM_LIST_ITEM_ROW (object);

  g_free (self->key);

  G_OBJECT_CLASS (crm_list_item_row_parent_class)->finalize (object);
}

static void
crm_list_item_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmListItemRow *self = CRM_LIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, crm_list_item_row_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_list_item_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmListItemRow *self = CRM_LIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      crm_list_item_row_set_item (self, g_value_get_string (value), crm_list_item_row_get_label (self));
      break;

    case PROP_LABEL:
      crm_list_item_row_set_item (self, self->key, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_list_item_row_class_init (CrmListItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_list_item_row_dispose;
  object_class->finalize = crm_list_item_row_finalize;
  object_class->get_property = crm_list_item_row_get_property;
  object_class->set_property = crm_list_item_row_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* @delta: -1 for up, 1 for down. */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT);

  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-list-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmListItemRow, handle);
  gtk_widget_class_bind_template_child (widget_class, CrmListItemRow, label);
  gtk_widget_class_bind_template_child (widget_class, CrmListItemRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);

  gtk_widget_class_install_action (widget_class, "item.rename", NULL, rename_action_cb);
  gtk_widget_class_install_action (widget_class, "item.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "item.remove", NULL, remove_action_cb);
}

static void
crm_list_item_row_init (CrmListItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not in the template: GtkBuilder cannot make a cursor from its name,
   * nor take a translator comment for an accessible property. */
  gtk_widget_set_cursor_from_name (self->handle, "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                  /* Translators: the accessible name of a list item's name. */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item"),
                                  -1);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_list_item_row_new (const char *key,
                       const char *label)
{
  return g_object_new (CRM_TYPE_LIST_ITEM_ROW,
                       "key", key,
                       "label", label,
                       NULL);
}

const char *
crm_list_item_row_get_key (CrmListItemRow *self)
{
  g_return_val_if_fail (CRM_IS_LIST_ITEM_ROW (self), NULL);

  return self->key;
}

const char *
crm_list_item_row_get_label (CrmListItemRow *self)
{
  g_return_val_if_fail (CRM_IS_LIST_ITEM_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->label));
}

void
crm_list_item_row_set_item (CrmListItemRow *self,
                            const char     *key,
                            const char     *label)
{
  g_return_if_fail (CRM_IS_LIST_ITEM_ROW (self));

  if (g_strcmp0 (self->key, key) != 0)
    {
      g_free (self->key);
      self->key = g_strdup (key);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
    }

  /* Through the label's "changed", which notifies "label". */
  if (g_strcmp0 (crm_list_item_row_get_label (self), label) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->label), label != NULL ? label : "");
}

void
crm_list_item_row_set_can_move (CrmListItemRow *self,
                                gboolean        up,
                                gboolean        down)
{
  g_return_if_fail (CRM_IS_LIST_ITEM_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", down);
}

void
crm_list_item_row_focus_menu_button (CrmListItemRow *self)
{
  g_return_if_fail (CRM_IS_LIST_ITEM_ROW (self));

  gtk_widget_grab_focus (self->menu_button);
}
