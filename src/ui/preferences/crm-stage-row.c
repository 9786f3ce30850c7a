/* crm-stage-row.c — one stage of a pipeline in Preferences
 *
 * The row edits nothing itself: each gesture (a rename, a colour, a kind,
 * a move, a delete) is a signal the page carries to the core, which may
 * refuse it; the page then rebuilds its rows from the catalog, so a row
 * never shows what was not saved. The success stage's kind and place are
 * fixed (a pipeline has exactly one), so its handle and kind are inert.
 * The name is a frameless entry: typed over in place, saved on Enter or
 * when the focus leaves, put back with Escape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-stage-row.h"

struct _CrmStageRow
{
  GtkListBoxRow      parent_instance;

  gint64             stage_id;
  char              *name;
  CrmStageSemantics  semantics;
  gboolean           updating;

  /* Template widgets */
  GtkWidget         *handle;
  GtkDragSource     *drag_source;
  GtkColorButton    *color_button;
  GtkEntry          *name_entry;
  GtkLabel          *count_label;
  GtkDropDown       *semantics_drop_down;
  GtkWidget         *menu_button;
  GtkWidget         *delete_button;
};

G_DEFINE_FINAL_TYPE (CrmStageRow, crm_stage_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  RENAME,
  COLOR_SET,
  SEMANTICS_SET,
  MOVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Dragging ------------------------------------------------------------ */

static GdkContentProvider *
drag_prepare_cb (CrmStageRow   *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, self);
}

/* The icon: the stage's name lifted off the list, beside the pointer. */
static void
drag_begin_cb (CrmStageRow   *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  GtkWidget *list, *copy, *box, *image, *label;

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  copy = gtk_list_box_row_new ();
  gtk_widget_add_css_class (copy, "crm-list-item-row");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  image = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (image, "dim-label");
  label = gtk_label_new (self->name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (copy), box);
  gtk_list_box_append (GTK_LIST_BOX (list), copy);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), list);
  gdk_drag_set_hotspot (drag, 20, 19);

  gtk_widget_add_css_class (GTK_WIDGET (self), "crm-drag-source");
}

static void
drag_end_cb (CrmStageRow   *self,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkDragSource *source)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "crm-drag-source");
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
color_set_cb (CrmStageRow    *self,
              GtkColorButton *button)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0., 1.) * 255. + .5),
                           (guint) (CLAMP (rgba.green, 0., 1.) * 255. + .5),
                           (guint) (CLAMP (rgba.blue, 0., 1.) * 255. + .5));
  g_signal_emit (self, signals[COLOR_SET], 0, color);
}

/* Enter, or the focus leaving, saves a changed name. */
static void
commit_name (CrmStageRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));

  if (self->updating || g_strcmp0 (text, self->name) == 0)
    return;
  /* Once: the rebuild that follows takes the focus away again. */
  self->updating = TRUE;
  g_signal_emit (self, signals[RENAME], 0, text);
}

static void
name_activate_cb (CrmStageRow *self,
                  GtkEntry    *entry)
{
  commit_name (self);
}

static void
name_leave_cb (CrmStageRow             *self,
               GtkEventControllerFocus *controller)
{
  commit_name (self);
}

/* Escape puts the stored name back. */
static gboolean
name_key_pressed_cb (CrmStageRow           *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)), self->name) == 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->name);
  gtk_editable_set_position (GTK_EDITABLE (self->name_entry), -1);
  return TRUE;
}

static void
semantics_changed_cb (CrmStageRow *self,
                      GParamSpec  *pspec,
                      GtkDropDown *drop_down)
{
  CrmStageSemantics semantics;

  if (self->updating || self->semantics == CRM_STAGE_SUCCESS)
    return;
  semantics = gtk_drop_down_get_selected (drop_down) == 1 ? CRM_STAGE_FAILURE : CRM_STAGE_PROGRESS;
  if (semantics != self->semantics)
    g_signal_emit (self, signals[SEMANTICS_SET], 0, semantics);
}

/* ---- Actions ------------------------------------------------------------- */

static void
rename_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crm_stage_row_edit_name (CRM_STAGE_ROW (widget));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (action_name, "stage.move-up") ? -1 : 1);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[DELETE], 0);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_stage_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_STAGE_ROW);

  G_OBJECT_CLASS (crm_stage_row_parent_class)->dispose (object);
}

static void
crm_stage_row_finalize (GObject *object)
{
  CrmStageRow *self = CRM_STAGE_ROW (object);

  g_free (self->name);

  G_OBJECT_CLASS (crm_stage_row_parent_class)->finalize (object);
}

static void
crm_stage_row_class_init (CrmStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_stage_row_dispose;
  object_class->finalize = crm_stage_row_finalize;

  signals[RENAME] = g_signal_new ("rename", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[COLOR_SET] = g_signal_new ("color-set", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SEMANTICS_SET] = g_signal_new ("semantics-set", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, drag_source);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, handle);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmStageRow, semantics_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, color_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, semantics_changed_cb);

  gtk_widget_class_install_action (widget_class, "stage.rename", NULL, rename_action_cb);
  gtk_widget_class_install_action (widget_class, "stage.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "stage.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "stage.delete", NULL, delete_action_cb);

  /* The keyboard's drag: Alt+↑ and Alt+↓ anywhere in the row. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "stage.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "stage.move-down", NULL);
}

static void
crm_stage_row_init (CrmStageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (self->handle, "grab");
}

/* ---- Public API ---------------------------------------------------------- */

static void
name_child (GtkWidget  *widget,
            const char *prefix,
            const char *code)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", prefix, code);

  gtk_widget_set_name (widget, g_strdelimit (name, "_", '-'));
}

GtkWidget *
crm_stage_row_new (CrmStage *stage,
                   gint64    n_elements)
{
  CrmStageRow *self;
  const char *code;
  g_autofree char *count = NULL;
  g_autoptr(GtkStringList) kinds = NULL;
  GdkRGBA rgba;

  g_return_val_if_fail (CRM_IS_STAGE (stage), NULL);

  self = g_object_new (CRM_TYPE_STAGE_ROW, NULL);
  self->stage_id = crm_stage_get_id (stage);
  self->name = g_strdup (crm_stage_get_name (stage));
  self->semantics = crm_stage_get_semantics (stage);
  self->updating = TRUE;

  code = crm_stage_get_code (stage);
  name_child (GTK_WIDGET (self), "stage-row", code);
  name_child (self->handle, "stage-handle", code);
  name_child (GTK_WIDGET (self->color_button), "stage-color", code);
  name_child (GTK_WIDGET (self->name_entry), "stage-name", code);
  name_child (GTK_WIDGET (self->semantics_drop_down), "stage-semantics", code);
  name_child (self->menu_button, "stage-menu", code);
  name_child (self->delete_button, "stage-delete", code);

  if (gdk_rgba_parse (&rgba, crm_stage_get_color (stage)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  /* Translators: the accessible name of a stage's name */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage name"),
                                  -1);

  if (n_elements == 0)
    count = g_strdup (_("No elements"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d element", "%d elements", (gulong) n_elements),
                             (int) n_elements);
  gtk_label_set_text (self->count_label, count);

  if (self->semantics == CRM_STAGE_SUCCESS)
    {
      const char *only[] = { _("Success"), NULL };

      kinds = gtk_string_list_new (only);
      gtk_drop_down_set_model (self->semantics_drop_down, G_LIST_MODEL (kinds));
      gtk_widget_set_sensitive (GTK_WIDGET (self->semantics_drop_down), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->semantics_drop_down),
                                   _("A pipeline has exactly one success stage, between the stages in progress and the failure stages"));
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag_source), GTK_PHASE_NONE);
      gtk_widget_set_opacity (self->handle, 0.0);
      gtk_widget_set_tooltip_text (self->handle, NULL);
    }
  else
    {
      const char *both[] = { _("In progress"), _("Failure"), NULL };

      kinds = gtk_string_list_new (both);
      gtk_drop_down_set_model (self->semantics_drop_down, G_LIST_MODEL (kinds));
      gtk_drop_down_set_selected (self->semantics_drop_down, self->semantics == CRM_STAGE_FAILURE ? 1 : 0);
    }
  self->updating = FALSE;
  return GTK_WIDGET (self);
}

gint64
crm_stage_row_get_stage_id (CrmStageRow *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_ROW (self), 0);

  return self->stage_id;
}

CrmStageSemantics
crm_stage_row_get_semantics (CrmStageRow *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_ROW (self), CRM_STAGE_PROGRESS);

  return self->semantics;
}

void
crm_stage_row_set_can_move (CrmStageRow *self,
                            gboolean     up,
                            gboolean     down)
{
  g_return_if_fail (CRM_IS_STAGE_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.move-down", down);
}

void
crm_stage_row_set_can_delete (CrmStageRow *self,
                              gboolean     can_delete,
                              const char  *why_not)
{
  g_return_if_fail (CRM_IS_STAGE_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.delete", can_delete);
  gtk_widget_set_tooltip_text (self->delete_button, can_delete ? _("Delete") : why_not);
}

void
crm_stage_row_edit_name (CrmStageRow *self)
{
  g_return_if_fail (CRM_IS_STAGE_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
}
