/* crm-fields-pane.c — the left side of a card: sections of field rows
 *
 * Each section of the resolved layout is a CrmSectionGroup: a boxed list
 * of CrmFieldRows under its title. Those who may shape the layout drag
 * sections and fields by their handles (crm-layout-dnd.c), rename, delete
 * and add sections, and show or hide fields; crm-fields-pane-actions.c
 * makes the core calls. Under the sections sits Add Section; over them,
 * while values are edited, the required fields no section shows
 * (crm-required-block.c); under the scrolled area, the Save / Cancel bar.
 *
 * The card calls crm_fields_pane_set_element () again after every change
 * it hears of. For the same element the pane is shown again on the next
 * idle, not at once: the change may come from a row's own action or drop
 * handler, and that handler must return first. Sections and rows are
 * kept from one showing to the next (crm-fields-pane-fill.c), along with
 * the scroll position and the editors of an edit in progress — they
 * belong to the edit session and move into the rows of their fields — so
 * a layout change, or an element saved elsewhere, never takes away what
 * is being typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-edit-bar.h"
#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"
#include "crm-section-group.h"

G_DEFINE_FINAL_TYPE (CrmFieldsPane, crm_fields_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* In the sections shown: those of the last card wait hidden for their
 * disposal (see _crm_fields_pane_clear_sections ()). */
GtkWidget *
_crm_fields_pane_find (CrmFieldsPane *self,
                  const char    *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;

      found = find_by_name (child, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every CrmFieldRow, section by section. */
static GPtrArray *
collect_rows (CrmFieldsPane *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRM_IS_SECTION_GROUP (child) && gtk_widget_get_visible (child))
      for (guint i = 0; i < crm_section_group_get_n_rows (CRM_SECTION_GROUP (child)); i++)
        g_ptr_array_add (rows, crm_section_group_get_row (CRM_SECTION_GROUP (child), i));

  return rows;
}

static CrmFieldRow *
find_row (CrmFieldsPane *self,
          gint64         field_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* The row may be in a section still to come. */
  _crm_fields_pane_complete (self);
  rows = collect_rows (self);

  for (guint i = 0; i < rows->len; i++)
    if (crm_field_row_get_field_id (g_ptr_array_index (rows, i)) == field_id)
      return g_ptr_array_index (rows, i);

  return NULL;
}

/* Each row shows its field's editor while the session edits it. */
static void
apply_editors (CrmFieldsPane *self)
{
  g_autoptr(GPtrArray) rows = collect_rows (self);

  for (guint i = 0; i < rows->len; i++)
    {
      CrmFieldRow *row = g_ptr_array_index (rows, i);
      CrmValueEditor *editor = NULL;

      if (self->edit_session != NULL)
        editor = crm_edit_session_get_editor (self->edit_session, crm_field_row_get_field_id (row));
      crm_field_row_set_editor (row, editor);
    }
}

/* Focus moves once the new widget is laid out: the viewport scrolls to
 * the focus, and a widget not yet allocated sits at the very top. */
static gboolean
refocus_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  GtkWidget *focus = NULL;

  /* The widget to focus may be one the coming rebuild replaces. */
  if (self->rebuild_id != 0)
    return G_SOURCE_CONTINUE;

  if (self->refocus_name != NULL)
    {
      focus = _crm_fields_pane_find (self, self->refocus_name);
      if (focus == NULL && _crm_fields_pane_has_pending (self))
        {
          _crm_fields_pane_complete (self);
          return G_SOURCE_CONTINUE;
        }
    }

  if (focus != NULL && gtk_widget_get_mapped (focus) && gtk_widget_get_height (focus) == 0)
    return G_SOURCE_CONTINUE;

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  g_clear_pointer (&self->refocus_name, g_free);
  self->refocus_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CrmFieldsPane *self = user_data;

  self->rebuild_id = 0;
  _crm_fields_pane_rebuild (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
update_permissions (CrmFieldsPane *self)
{
  CrmPermission layout_permission;
  gint64 type_id;

  self->can_edit_layout = FALSE;
  self->can_manage_fields = FALSE;
  self->can_write_values = FALSE;

  if (self->session == NULL || self->layout == NULL)
    return;

  type_id = crm_layout_get_entity_type_id (self->layout);
  /* A personal layout is its owner's to shape, a view its managers'. */
  layout_permission = crm_layout_get_scope (self->layout) == CRM_LAYOUT_PERSONAL
                      ? CRM_PERMISSION_LAYOUT_PERSONAL
                      : crm_layout_get_scope (self->layout) == CRM_LAYOUT_VIEW
                      ? CRM_PERMISSION_VIEWS_MANAGE
                      : CRM_PERMISSION_LAYOUT_EDIT_STANDARD;

  self->can_edit_layout = crm_session_has_permission (self->session, layout_permission, type_id);
  self->can_manage_fields = self->can_edit_layout &&
                            crm_session_has_permission (self->session, CRM_PERMISSION_FIELDS_MANAGE, type_id);
  self->can_write_values = crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_WRITE, type_id);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
editing_changed_cb (CrmFieldsPane *self)
{
  apply_editors (self);
}

static void
drop_cb (const CrmLayoutDropSpot *spot,
         gpointer                 user_data)
{
  CrmFieldsPane *self = user_data;

  if (!self->can_edit_layout)
    return;

  if (spot->kind == CRM_LAYOUT_DRAG_SECTION)
    _crm_fields_pane_move_section (self, spot->id, spot->index);
  else
    _crm_fields_pane_move_field (self, spot->id, spot->section_id, spot->index);
}

static void
add_section_show_cb (CrmFieldsPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_section_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_section_entry));
}

static void
add_section_changed_cb (CrmFieldsPane *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_section_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_section_entry), NULL);
}

static void
add_section_activate_cb (CrmFieldsPane *self)
{
  g_autoptr(GError) error = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->add_section_entry));

  if (!_crm_fields_pane_add_section (self, title, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_section_entry), "error");
      if (error != NULL)
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_section_entry), error->message);
      gtk_widget_error_bell (GTK_WIDGET (self->add_section_entry));
      return;
    }

  gtk_popover_popdown (self->add_section_popover);
}

/* ---- GtkWidget ----------------------------------------------------------- */

/* The pane scrolls: its height does not depend on its width. Saying so
 * spares GTK 4.8 measuring every field again for each width it tries
 * while it works out the window's minimum size (gtk_window_compute_min_size
 * searches widths, measuring the whole window for each). */
static GtkSizeRequestMode
crm_fields_pane_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* The scrolled sections, and under them the edit bar (when it shows). */
static void
crm_fields_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  int scrolled_min = 0, scrolled_nat = 0;
  int bar_min = 0, bar_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->scrolled_window), orientation, -1,
                      &scrolled_min, &scrolled_nat, NULL, NULL);
  if (self->edit_bar != NULL && gtk_widget_should_layout (self->edit_bar))
    gtk_widget_measure (self->edit_bar, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                        &bar_min, &bar_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = scrolled_min + bar_min;
      *natural = scrolled_nat + bar_nat;
    }
  else
    {
      *minimum = MAX (scrolled_min, bar_min);
      *natural = MAX (scrolled_nat, bar_nat);
    }
}

static void
crm_fields_pane_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  int bar_height = 0;

  if (self->edit_bar != NULL && gtk_widget_should_layout (self->edit_bar))
    {
      gtk_widget_measure (self->edit_bar, GTK_ORIENTATION_VERTICAL, width, NULL, &bar_height, NULL, NULL);
      bar_height = MIN (bar_height, height);
      gtk_widget_allocate (self->edit_bar, width, bar_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, height - bar_height)));
    }

  gtk_widget_allocate (GTK_WIDGET (self->scrolled_window), width, height - bar_height, -1, NULL);

  _crm_fields_pane_present_picker (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_fields_pane_dispose (GObject *object)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  _crm_fields_pane_stop_filling (self);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->dead_sections, g_ptr_array_unref);
  if (self->refocus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->refocus_tick_id);
      self->refocus_tick_id = 0;
    }

  if (self->edit_session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->edit_session, self);
      crm_edit_session_set_element (self->edit_session, NULL);
    }

  if (self->picker != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->picker));
      self->picker = NULL;
    }
  g_clear_pointer (&self->edit_bar, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FIELDS_PANE);

  g_clear_object (&self->edit_session);
  g_clear_object (&self->element);
  g_clear_object (&self->layout);
  g_clear_object (&self->session);
  g_clear_pointer (&self->refocus_name, g_free);

  G_OBJECT_CLASS (crm_fields_pane_parent_class)->dispose (object);
}

static void
crm_fields_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, crm_fields_pane_is_complete (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_fields_pane_class_init (CrmFieldsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_fields_pane_dispose;
  object_class->get_property = crm_fields_pane_get_property;

  /* Every section of the layout is shown (see fill_tick_cb ()). */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->get_request_mode = crm_fields_pane_get_request_mode;
  widget_class->measure = crm_fields_pane_measure;
  widget_class->size_allocate = crm_fields_pane_size_allocate;

  g_type_ensure (CRM_TYPE_REQUIRED_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-fields-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, add_section_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, add_section_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, add_section_popover);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, required_block);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, add_section_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_section_show_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-fields-pane");
}

static void
crm_fields_pane_init (CrmFieldsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dead_sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->first_gap = _crm_fields_pane_create_gap (TRUE);
  gtk_box_append (self->sections_box, self->first_gap);
  gtk_widget_set_name (GTK_WIDGET (self->add_section_button), "add-section-button");
  gtk_widget_set_name (GTK_WIDGET (self->add_section_entry), "add-section-entry");
  gtk_widget_set_name (GTK_WIDGET (self), "fields-pane");

  self->edit_bar = crm_edit_bar_new ();
  gtk_widget_set_parent (self->edit_bar, GTK_WIDGET (self));

  crm_layout_drop_attach (self->scrolled_window, GTK_WIDGET (self->sections_box), drop_cb, self);
}

/* ---- Private API --------------------------------------------------------- */

void
_crm_fields_pane_notify_complete (CrmFieldsPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

CrmEditSession *
_crm_fields_pane_get_edit_session (CrmFieldsPane *self)
{
  g_return_val_if_fail (CRM_IS_FIELDS_PANE (self), NULL);

  return self->edit_session;
}

void
_crm_fields_pane_focus_later (CrmFieldsPane *self,
                              const char    *name)
{
  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  g_free (self->refocus_name);
  self->refocus_name = g_strdup (name);
  if (self->refocus_tick_id == 0)
    self->refocus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), refocus_tick_cb, NULL, NULL);
}


void
_crm_fields_pane_edit_field (CrmFieldsPane *self,
                             gint64         field_id)
{
  CrmValueEditor *editor;
  CrmFieldRow *row;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  row = find_row (self, field_id);
  if (row == NULL || self->edit_session == NULL)
    return;

  editor = crm_edit_session_edit_field (self->edit_session, crm_field_row_get_field (row));
  if (editor == NULL)
    return;

  crm_field_row_set_editor (row, editor);
  gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_fields_pane_new (void)
{
  return g_object_new (CRM_TYPE_FIELDS_PANE, NULL);
}

void
crm_fields_pane_set_element (CrmFieldsPane *self,
                             CrmSession    *session,
                             CrmElement    *element,
                             CrmLayout     *layout)
{
  gint64 element_id;
  gboolean same;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));
  g_return_if_fail (element == NULL || CRM_IS_ELEMENT (element));
  g_return_if_fail (layout == NULL || CRM_IS_LAYOUT (layout));

  element_id = element != NULL ? crm_element_get_id (element) : 0;
  same = element_id != 0 && element_id == self->element_id && layout != NULL;

  if (session != NULL && session != self->session)
    {
      if (self->edit_session != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->edit_session, self);
          crm_edit_session_set_element (self->edit_session, NULL);
          g_clear_object (&self->edit_session);
        }

      g_set_object (&self->session, session);
      self->edit_session = crm_edit_session_new (session);
      g_signal_connect_swapped (self->edit_session, "editing-changed", G_CALLBACK (editing_changed_cb), self);
      crm_edit_bar_set_session (CRM_EDIT_BAR (self->edit_bar), self->edit_session);
    }

  g_set_object (&self->element, element);
  g_set_object (&self->layout, layout);
  self->element_id = element_id;
  update_permissions (self);

  if (self->edit_session != NULL)
    crm_edit_session_set_element (self->edit_session, element);

  if (same)
    {
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
      return;
    }

  _crm_fields_pane_rebuild (self, FALSE);
}

gboolean
crm_fields_pane_is_complete (CrmFieldsPane *self)
{
  g_return_val_if_fail (CRM_IS_FIELDS_PANE (self), FALSE);

  return !_crm_fields_pane_has_pending (self);
}
