/* crm-field-row.c — one field of a card: label, value, handle and menu
 *
 * The label sits small above the value, as on a paper form: the pane is
 * narrow, and values (names, addresses, notes) are often long. Values come
 * formatted from the core (crm_element_format_field), so a money or a date
 * reads the same here as in an export. Phone numbers, e-mail addresses and
 * web addresses become links; so do links to other elements, which open
 * their card (the window's "win.open-element").
 *
 * Those who may shape the layout get a drag handle and a gear menu whose
 * Move items do what a drag does, from the keyboard. Clicking the value
 * (the row is activatable) edits it in place: the pane asks its edit
 * session for an editor and puts it here in place of the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-field-row-private.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"

/* How a value links to another element: handled here, never shown. */
#define ELEMENT_URI_PREFIX "clientele-element:"

struct _CrmFieldRow
{
  AdwPreferencesRow  parent_instance;

  CrmField          *field;
  gint64             field_id;
  gint64             section_id;
  guint              index;
  guint              n_fields;
  GListModel        *sections;
  CrmFieldRowFlags   flags;
  GtkWidget         *editor;   /* weak: the edit session owns it */

  /* Template widgets */
  GtkBox            *content_box;
  GtkImage          *handle;
  GtkMenuButton     *menu_button;
  GtkLabel          *title_label;
  GtkLabel          *value_label;
};

G_DEFINE_FINAL_TYPE (CrmFieldRow, crm_field_row, ADW_TYPE_PREFERENCES_ROW)

/* Phone numbers, e-mail and web addresses open in the app that fits. */
static gboolean
field_type_is_link (CrmFieldType type)
{
  return type == CRM_FIELD_TYPE_URL || type == CRM_FIELD_TYPE_EMAIL || type == CRM_FIELD_TYPE_PHONE;
}

/* "<a href="tel:+55…">(11) 98765-4321</a> Work", one value a line. */
static char *
build_link_markup (CrmElement *element,
                   CrmField   *field)
{
  const CrmLocale *locale = crm_locale_get_default ();
  const CrmFieldOptions *options = crm_field_get_options (field);
  g_autoptr(GString) markup = g_string_new (NULL);
  GPtrArray *values;

  values = crm_element_get_values (element, field);
  if (values == NULL || values->len == 0)
    return NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);
      g_autofree char *text = crm_value_format (value, options, locale);
      g_autofree char *uri = crm_value_get_uri (value);
      g_autofree char *piece = NULL;

      if (text == NULL)
        text = g_strdup ("");

      if (uri != NULL)
        piece = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
      else
        piece = g_markup_escape_text (text, -1);

      if (i > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, piece);

      if (value->kind != NULL && crm_field_type_has_kind (value->type))
        {
          const char *kind = crm_field_kind_get_label (value->type, value->kind);
          g_autofree char *kind_markup = NULL;

          if (kind != NULL)
            {
              kind_markup = g_markup_printf_escaped (" <span alpha=\"55%%\">%s</span>", kind);
              g_string_append (markup, kind_markup);
            }
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* A link to another CRM element opens its card in this window. */
static char *
build_element_link_markup (CrmElement *element,
                           CrmField   *field,
                           const char *text)
{
  GPtrArray *values = crm_element_get_values (element, field);
  const CrmValue *value;

  /* Several names come joined in one text: no single card to open. */
  if (values == NULL || values->len != 1)
    return NULL;

  value = g_ptr_array_index (values, 0);
  if (value->number <= 0)
    return NULL;

  return g_markup_printf_escaped ("<a href=\"" ELEMENT_URI_PREFIX "%" G_GINT64_FORMAT "\">%s</a>",
                                  value->number, text);
}

/* Shown again for another element, the row may go from empty to filled:
 * every property the value sets is set each time, to its own state. */
static void
show_value (CrmFieldRow *self,
            CrmElement  *element)
{
  CrmFieldType type = crm_field_get_field_type (self->field);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  GtkLabel *label = self->value_label;
  gboolean empty;

  if (field_type_is_link (type))
    markup = build_link_markup (element, self->field);

  if (markup == NULL)
    {
      text = crm_element_format_field (element, self->field);

      if (type == CRM_FIELD_TYPE_LINK && text != NULL && *text != '\0')
        markup = build_element_link_markup (element, self->field, text);
    }

  empty = markup == NULL && (text == NULL || *text == '\0');

  if (markup != NULL)
    gtk_label_set_markup (label, markup);
  else if (empty)
    /* Translators: shown in a card for a field without a value */
    gtk_label_set_text (label, _("Not filled"));
  else
    gtk_label_set_text (label, text);

  /* A click on an editable value edits it; selecting text would eat it. */
  gtk_label_set_selectable (label, !empty && !(self->flags & CRM_FIELD_ROW_WRITE_VALUE));
  if (empty)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "crm-field-empty");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "crm-field-empty");
    }
}

/* As the edit session decides: pipeline and stage move through the
 * stage bar, and the core fills the read-only fields itself. */
static CrmFieldRowFlags
flags_for_field (CrmField         *field,
                 CrmFieldRowFlags  flags)
{
  if (crm_field_is_read_only (field) ||
      crm_field_get_field_type (field) == CRM_FIELD_TYPE_PIPELINE ||
      crm_field_get_field_type (field) == CRM_FIELD_TYPE_STAGE)
    flags &= ~CRM_FIELD_ROW_WRITE_VALUE;

  return flags;
}

/* What changes from one element, or one layout, to the next. */
static void
show_field (CrmFieldRow *self,
            CrmField    *field,
            CrmElement  *element,
            guint        index,
            guint        n_fields,
            GListModel  *sections)
{
  gboolean edit_layout = (self->flags & CRM_FIELD_ROW_EDIT_LAYOUT) != 0;
  const char *label = crm_field_get_label (field);

  g_set_object (&self->field, field);
  g_set_object (&self->sections, sections);

  /* Unchanged, neither label is measured again. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), label) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  gtk_label_set_text (self->title_label, label);
  show_value (self, element);

  if (self->index != index || self->n_fields != n_fields)
    {
      self->index = index;
      self->n_fields = n_fields;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", edit_layout && index > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", edit_layout && index + 1 < n_fields);
    }
}

static CrmFieldsPane *
get_pane (CrmFieldRow *self)
{
  GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_FIELDS_PANE);

  return pane != NULL ? CRM_FIELDS_PANE (pane) : NULL;
}

/* ---- Callbacks ----------------------------------------------------------- */

static gboolean
activate_link_cb (GtkLabel    *label,
                  const char  *uri,
                  CrmFieldRow *self)
{
  guint64 id;

  if (!g_str_has_prefix (uri, ELEMENT_URI_PREFIX))
    return FALSE;

  if (g_ascii_string_to_unsigned (uri + strlen (ELEMENT_URI_PREFIX), 10, 1, G_MAXINT64, &id, NULL))
    gtk_widget_activate_action (GTK_WIDGET (label), "win.open-element", "x", (gint64) id);

  return TRUE;
}

/* Built each time it opens: a card has many rows, few menus open, and
 * the sections it lists may have changed since. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  CrmFieldRow *self = user_data;
  g_autoptr(GMenuModel) menu = _crm_field_row_build_menu (self->flags, self->sections, self->section_id);

  _crm_field_row_set_menu (button, menu, crm_field_get_code (self->field));
}

static void
configure_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmFieldRow *self = CRM_FIELD_ROW (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL)
    _crm_fields_pane_configure_field (pane, crm_field_get_id (self->field));
}

static void
hide_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmFieldRow *self = CRM_FIELD_ROW (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL)
    _crm_fields_pane_hide_field (pane, crm_field_get_id (self->field));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmFieldRow *self = CRM_FIELD_ROW (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL)
    _crm_fields_pane_move_field_by (pane, crm_field_get_id (self->field),
                                    g_str_equal (action_name, "row.move-up") ? -1 : 1);
}

static void
move_to_section_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CrmFieldRow *self = CRM_FIELD_ROW (widget);
  CrmFieldsPane *pane = get_pane (self);

  /* At the end: where a person looks for what just arrived. */
  if (pane != NULL)
    _crm_fields_pane_move_field (pane, crm_field_get_id (self->field),
                                 g_variant_get_int64 (parameter), G_MAXUINT);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmFieldRow *self = CRM_FIELD_ROW (widget);
  CrmFieldsPane *pane = get_pane (self);

  if (pane != NULL && (self->flags & CRM_FIELD_ROW_WRITE_VALUE))
    _crm_fields_pane_edit_field (pane, crm_field_get_id (self->field));
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_field_row_dispose (GObject *object)
{
  CrmFieldRow *self = CRM_FIELD_ROW (object);

  g_clear_weak_pointer (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FIELD_ROW);

  G_OBJECT_CLASS (crm_field_row_parent_class)->dispose (object);
}

static void
crm_field_row_finalize (GObject *object)
{
  CrmFieldRow *self = CRM_FIELD_ROW (object);

  g_clear_object (&self->field);
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (crm_field_row_parent_class)->finalize (object);
}

static void
crm_field_row_class_init (CrmFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_field_row_dispose;
  object_class->finalize = crm_field_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRow, handle);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRow, value_label);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);

  gtk_widget_class_install_action (widget_class, "row.configure", NULL, configure_action_cb);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "row.hide", NULL, hide_action_cb);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "row.move-to-section", "x", move_to_section_action_cb);
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_action_cb);
}

static void
crm_field_row_init (CrmFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->handle), "grab");
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_field_row_new (CrmField         *field,
                   CrmElement       *element,
                   CrmLayoutSection *section,
                   guint             index,
                   guint             n_fields,
                   GListModel       *sections,
                   CrmFieldRowFlags  flags)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  gboolean edit_layout = (flags & CRM_FIELD_ROW_EDIT_LAYOUT) != 0;
  gboolean manage = (flags & CRM_FIELD_ROW_MANAGE_FIELD) != 0;
  CrmFieldRow *self;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (section), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (sections), NULL);

  flags = flags_for_field (field, flags);

  self = g_object_new (CRM_TYPE_FIELD_ROW, NULL);
  self->field_id = crm_field_get_id (field);
  self->section_id = crm_layout_section_get_id (section);
  self->flags = flags;
  /* Never a position: show_field () sets the actions of the real one. */
  self->index = G_MAXUINT;

  show_field (self, field, element, index, n_fields, sections);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  /* "field-row-close-date" …: for the end-to-end tests. */
  code = g_strdup (crm_field_get_code (field));
  g_strdelimit (code, "_", '-');
  name = g_strdup_printf ("field-row-%s", code);
  gtk_widget_set_name (GTK_WIDGET (self), name);
  g_free (name);
  name = g_strdup_printf ("field-handle-%s", code);
  gtk_widget_set_name (GTK_WIDGET (self->handle), name);
  g_free (name);
  name = g_strdup_printf ("field-value-%s", code);
  gtk_widget_set_name (GTK_WIDGET (self->value_label), name);
  g_free (name);
  name = g_strdup_printf ("field-menu-%s", code);
  gtk_widget_set_name (GTK_WIDGET (self->menu_button), name);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), (flags & CRM_FIELD_ROW_WRITE_VALUE) != 0);

  gtk_widget_set_visible (GTK_WIDGET (self->handle), edit_layout);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), edit_layout || manage);
  if (edit_layout)
    crm_layout_drag_source_new (GTK_WIDGET (self->handle), GTK_WIDGET (self), GTK_WIDGET (self),
                                CRM_LAYOUT_DRAG_FIELD, self->field_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.configure", manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.hide", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-to-section", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", (flags & CRM_FIELD_ROW_WRITE_VALUE) != 0);

  return GTK_WIDGET (self);
}

gboolean
crm_field_row_update (CrmFieldRow      *self,
                      CrmField         *field,
                      CrmElement       *element,
                      guint             index,
                      guint             n_fields,
                      GListModel       *sections,
                      CrmFieldRowFlags  flags)
{
  g_return_val_if_fail (CRM_IS_FIELD_ROW (self), FALSE);
  g_return_val_if_fail (CRM_IS_FIELD (field), FALSE);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (sections), FALSE);

  /* The handle, the menu and what a click does were set up for these. */
  if (crm_field_get_id (field) != self->field_id || flags_for_field (field, flags) != self->flags)
    return FALSE;

  show_field (self, field, element, index, n_fields, sections);

  return TRUE;
}

guint
crm_field_row_get_index (CrmFieldRow *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_ROW (self), 0);

  return self->index;
}

CrmField *
crm_field_row_get_field (CrmFieldRow *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_ROW (self), NULL);

  return self->field;
}

gint64
crm_field_row_get_field_id (CrmFieldRow *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_ROW (self), 0);

  return self->field_id;
}

void
crm_field_row_set_editor (CrmFieldRow    *self,
                          CrmValueEditor *editor)
{
  g_return_if_fail (CRM_IS_FIELD_ROW (self));
  g_return_if_fail (editor == NULL || CRM_IS_VALUE_EDITOR (editor));

  if (self->editor == GTK_WIDGET (editor))
    return;

  if (self->editor != NULL && gtk_widget_get_parent (self->editor) == GTK_WIDGET (self->content_box))
    gtk_box_remove (self->content_box, self->editor);
  g_clear_weak_pointer (&self->editor);

  if (editor != NULL)
    {
      g_autoptr(GtkWidget) keep = g_object_ref (GTK_WIDGET (editor));

      /* From the row this field had before the pane was rebuilt. */
      if (gtk_widget_get_parent (GTK_WIDGET (editor)) != NULL)
        gtk_widget_unparent (GTK_WIDGET (editor));
      gtk_box_append (self->content_box, GTK_WIDGET (editor));
      g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->value_label), editor == NULL);
  if (editor != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "crm-editing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "crm-editing");
}

CrmValueEditor *
crm_field_row_get_editor (CrmFieldRow *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_ROW (self), NULL);

  return self->editor != NULL ? CRM_VALUE_EDITOR (self->editor) : NULL;
}

GtkWidget *
crm_field_row_get_menu_button (CrmFieldRow *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_ROW (self), NULL);

  return GTK_WIDGET (self->menu_button);
}
