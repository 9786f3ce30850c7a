/* crm-section-group.c — one section of a card: header, field rows, footer
 *
 * A boxed list of field rows under the section's title, like an
 * AdwPreferencesGroup. Those who may shape the layout also get a drag
 * handle (a button whose menu moves the section from the keyboard), a
 * pencil that turns the title into an entry, a delete button that asks
 * first, and under the list Select Field and Create Field. An empty
 * section stays visible for them, so fields can be dropped into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"
#include "crm-section-group-private.h"
#include "crm-widget-map.h"

#define DROP_ABOVE_CLASS "crm-drop-above"
#define DROP_BELOW_CLASS "crm-drop-below"
#define DROP_INTO_CLASS  "crm-drop-into"

struct _CrmSectionGroup
{
  GtkWidget         parent_instance;

  gint64            section_id;
  char             *title;
  CrmFieldRowFlags  flags;
  guint             index;
  guint             n_sections;
  GPtrArray        *rows;
  gboolean          has_placeholder;

  /* Template widgets */
  GtkButton        *create_button;
  GtkButton        *delete_button;
  GtkBox           *footer_box;
  GtkMenuButton    *handle_button;
  GtkWidget        *header_box;
  GtkListBox       *list_box;
  GtkButton        *rename_button;
  GtkButton        *select_button;
  GtkEntry         *title_entry;
  GtkLabel         *title_label;
  GtkStack         *title_stack;
};

G_DEFINE_FINAL_TYPE (CrmSectionGroup, crm_section_group, GTK_TYPE_WIDGET)

static CrmFieldsPane *
get_pane (CrmSectionGroup *self)
{
  GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_FIELDS_PANE);

  return pane != NULL ? CRM_FIELDS_PANE (pane) : NULL;
}

static void
set_name (GtkWidget  *widget,
          const char *prefix,
          gint64      id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);

  gtk_widget_set_name (widget, name);
}

static void
stop_rename (CrmSectionGroup *self)
{
  CrmFieldsPane *pane = get_pane (self);

  /* Hiding the focused entry would send the focus, and the scrolled
   * pane with it, to the first control of the card. */
  gtk_widget_grab_focus (GTK_WIDGET (self->handle_button));
  gtk_stack_set_visible_child_name (self->title_stack, "label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_entry), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rename_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);

  /* Back on the pencil, once it is laid out again: grabbed now, the
   * pane would scroll to where it has not been placed yet. */
  if (pane != NULL)
    _crm_fields_pane_focus_later (pane, gtk_widget_get_name (GTK_WIDGET (self->rename_button)));
}

/* What changes from one element, or one layout, to the next. */
static void
show_section (CrmSectionGroup  *self,
              CrmLayoutSection *section,
              guint             index,
              GListModel       *sections,
              CrmElement       *element)
{
  gboolean edit_layout = (self->flags & CRM_FIELD_ROW_EDIT_LAYOUT) != 0;
  guint n_sections = g_list_model_get_n_items (sections);
  const char *title = crm_layout_section_get_title (section);

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
    }
  /* Unchanged, it is not measured again. */
  gtk_label_set_text (self->title_label, self->title);

  if (self->index != index || self->n_sections != n_sections)
    {
      self->index = index;
      self->n_sections = n_sections;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.move-up", edit_layout && index > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.move-down", edit_layout && index + 1 < n_sections);
    }

  self->rows = _crm_section_group_show_rows (self->list_box, g_steal_pointer (&self->rows),
                                             section, sections, element, self->flags);

  if (g_list_model_get_n_items (crm_layout_section_get_fields (section)) == 0 && !self->has_placeholder)
    {
      GtkWidget *placeholder;

      placeholder = g_object_new (GTK_TYPE_LABEL,
                                  /* Translators: in an empty section of a card */
                                  "label", _("Drag a field here, or use Select Field"),
                                  "wrap", TRUE,
                                  "justify", GTK_JUSTIFY_CENTER,
                                  "margin-top", 18,
                                  "margin-bottom", 18,
                                  "margin-start", 12,
                                  "margin-end", 12,
                                  "css-classes", (const char *[]) { "dim-label", NULL },
                                  NULL);
      gtk_list_box_set_placeholder (self->list_box, placeholder);
      self->has_placeholder = TRUE;
    }
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
title_entry_activate_cb (CrmSectionGroup *self)
{
  CrmFieldsPane *pane = get_pane (self);
  g_autoptr(GError) error = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  if (pane == NULL)
    return;

  if (!_crm_fields_pane_rename_section (pane, self->section_id, title, &error))
    {
      /* The entry stays, marked, with the reason: nothing was written. */
      gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_entry), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      gtk_widget_error_bell (GTK_WIDGET (self->title_entry));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
      return;
    }

  /* The pane is rebuilt on the store's change; until then show it here. */
  gtk_label_set_text (self->title_label, title);
  stop_rename (self);
}

static void
title_entry_changed_cb (CrmSectionGroup *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_entry), NULL);
}

static gboolean
title_entry_key_pressed_cb (CrmSectionGroup       *self,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  stop_rename (self);

  return TRUE;
}

static void
row_activated_cb (CrmSectionGroup *self,
                  GtkListBoxRow   *row)
{
  if (CRM_IS_FIELD_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmSectionGroup *self = CRM_SECTION_GROUP (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL)
    _crm_fields_pane_move_section_by (pane, self->section_id,
                                      g_str_equal (action_name, "section.move-up") ? -1 : 1);
}

static void
rename_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crm_section_group_start_rename (CRM_SECTION_GROUP (widget));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrmFieldsPane    *pane)
{
  gint64 section_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "crm-section-id"));

  if (g_strcmp0 (response, "delete") == 0)
    _crm_fields_pane_delete_section (pane, section_id);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmSectionGroup *self = CRM_SECTION_GROUP (widget);
  CrmFieldsPane *pane = get_pane (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (pane == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete Section?"), NULL);
  /* Translators: %s is a section's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The fields of “%s” are not deleted: they become hidden, "
                                    "and Select Field can show them again."),
                                  self->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  crm_widget_map_name_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "delete", NULL);
  gtk_widget_set_name (dialog, "delete-section-dialog");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The section may be rebuilt while the dialog is open; the pane stays. */
  g_object_set_data (G_OBJECT (dialog), "crm-section-id", GSIZE_TO_POINTER (self->section_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), pane, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
select_field_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmSectionGroup *self = CRM_SECTION_GROUP (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL)
    _crm_fields_pane_select_field (pane, self->section_id, GTK_WIDGET (self->select_button));
}

static void
create_field_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmSectionGroup *self = CRM_SECTION_GROUP (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL)
    _crm_fields_pane_create_field (pane, self->section_id);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_section_group_dispose (GObject *object)
{
  CrmSectionGroup *self = CRM_SECTION_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_SECTION_GROUP);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_section_group_parent_class)->dispose (object);
}

static void
crm_section_group_finalize (GObject *object)
{
  CrmSectionGroup *self = CRM_SECTION_GROUP (object);

  g_free (self->title);

  G_OBJECT_CLASS (crm_section_group_parent_class)->finalize (object);
}

static void
crm_section_group_class_init (CrmSectionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_section_group_dispose;
  object_class->finalize = crm_section_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-section-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, create_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, footer_box);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, handle_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, header_box);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, list_box);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, rename_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, select_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, title_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmSectionGroup, title_stack);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "section.create-field", NULL, create_field_action_cb);
  gtk_widget_class_install_action (widget_class, "section.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "section.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "section.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "section.rename", NULL, rename_action_cb);
  gtk_widget_class_install_action (widget_class, "section.select-field", NULL, select_field_action_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-section-group");
}

static void
crm_section_group_init (CrmSectionGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->handle_button), "grab");
  gtk_list_box_set_sort_func (self->list_box, _crm_section_group_compare_rows, NULL, NULL);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_section_group_new (CrmLayoutSection *section,
                       guint             index,
                       GListModel       *sections,
                       CrmElement       *element,
                       CrmFieldRowFlags  flags)
{
  gboolean edit_layout = (flags & CRM_FIELD_ROW_EDIT_LAYOUT) != 0;
  CrmSectionGroup *self;

  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (section), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (sections), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);

  self = g_object_new (CRM_TYPE_SECTION_GROUP, NULL);
  self->section_id = crm_layout_section_get_id (section);
  self->flags = flags;
  /* Never a position: show_section () sets the actions of the real one. */
  self->index = G_MAXUINT;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  set_name (GTK_WIDGET (self), "section", self->section_id);
  set_name (GTK_WIDGET (self->handle_button), "section-handle", self->section_id);
  set_name (GTK_WIDGET (self->title_label), "section-title", self->section_id);
  set_name (GTK_WIDGET (self->rename_button), "section-rename", self->section_id);
  set_name (GTK_WIDGET (self->delete_button), "section-delete", self->section_id);
  set_name (GTK_WIDGET (self->title_entry), "section-title-entry", self->section_id);
  set_name (GTK_WIDGET (self->select_button), "select-field", self->section_id);
  set_name (GTK_WIDGET (self->create_button), "create-field", self->section_id);

  gtk_widget_set_visible (GTK_WIDGET (self->handle_button), edit_layout);
  gtk_widget_set_visible (GTK_WIDGET (self->rename_button), edit_layout);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), edit_layout);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_box), edit_layout);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), (flags & CRM_FIELD_ROW_MANAGE_FIELD) != 0);

  if (edit_layout)
    /* A whole section would hide the drop line: its header stands for it. */
    crm_layout_drag_source_new (GTK_WIDGET (self->handle_button), GTK_WIDGET (self->header_box), GTK_WIDGET (self),
                                CRM_LAYOUT_DRAG_SECTION, self->section_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.rename", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.delete", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.select-field", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.create-field",
                                 (flags & CRM_FIELD_ROW_MANAGE_FIELD) != 0);

  show_section (self, section, index, sections, element);

  return GTK_WIDGET (self);
}

gboolean
crm_section_group_update (CrmSectionGroup  *self,
                          CrmLayoutSection *section,
                          guint             index,
                          GListModel       *sections,
                          CrmElement       *element,
                          CrmFieldRowFlags  flags)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), FALSE);
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (section), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (sections), FALSE);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), FALSE);

  /* The header's controls were set up for these. */
  if (crm_layout_section_get_id (section) != self->section_id || flags != self->flags)
    return FALSE;

  show_section (self, section, index, sections, element);

  return TRUE;
}

gint64
crm_section_group_get_section_id (CrmSectionGroup *self)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), 0);

  return self->section_id;
}

const char *
crm_section_group_get_title (CrmSectionGroup *self)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), NULL);

  return self->title;
}

guint
crm_section_group_get_n_rows (CrmSectionGroup *self)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), 0);

  return self->rows->len;
}

CrmFieldRow *
crm_section_group_get_row (CrmSectionGroup *self,
                           guint            index)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

guint
crm_section_group_locate (CrmSectionGroup *self,
                          double           y)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->rows, i), GTK_WIDGET (self), &bounds))
        continue;

      /* Above a row's middle (the header counts as above the first). */
      if (y < bounds.origin.y + bounds.size.height / 2)
        return i;
    }

  return self->rows->len;
}

void
crm_section_group_show_drop (CrmSectionGroup *self,
                             int              index)
{
  g_return_if_fail (CRM_IS_SECTION_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (index >= 0 && (guint) index == i)
        gtk_widget_add_css_class (row, DROP_ABOVE_CLASS);
      else
        gtk_widget_remove_css_class (row, DROP_ABOVE_CLASS);

      if (index >= 0 && (guint) index == self->rows->len && i + 1 == self->rows->len)
        gtk_widget_add_css_class (row, DROP_BELOW_CLASS);
      else
        gtk_widget_remove_css_class (row, DROP_BELOW_CLASS);
    }

  if (index >= 0 && self->rows->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->list_box), DROP_INTO_CLASS);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->list_box), DROP_INTO_CLASS);
}

void
crm_section_group_start_rename (CrmSectionGroup *self)
{
  CrmFieldsPane *pane;

  g_return_if_fail (CRM_IS_SECTION_GROUP (self));

  if (!(self->flags & CRM_FIELD_ROW_EDIT_LAYOUT))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), self->title);
  /* The focus leaves the pencil before it hides (see stop_rename ()). */
  gtk_widget_grab_focus (GTK_WIDGET (self->handle_button));
  gtk_widget_set_visible (GTK_WIDGET (self->rename_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), FALSE);
  gtk_stack_set_visible_child_name (self->title_stack, "entry");

  /* Focused (and so all selected) once laid out. */
  pane = get_pane (self);
  if (pane != NULL)
    _crm_fields_pane_focus_later (pane, gtk_widget_get_name (GTK_WIDGET (self->title_entry)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

gboolean
crm_section_group_is_renaming (CrmSectionGroup *self)
{
  g_return_val_if_fail (CRM_IS_SECTION_GROUP (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "entry") == 0;
}
