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

#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"

/* How a value links to another element: handled here, never shown. */
#define ELEMENT_URI_PREFIX "clientele-element:"

struct _CrmFieldRow
{
  AdwPreferencesRow  parent_instance;

  CrmField          *field;
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

static void
show_value (CrmFieldRow *self,
            CrmElement  *element)
{
  CrmFieldType type = crm_field_get_field_type (self->field);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  GtkLabel *label = self->value_label;

  /* A click on an editable value edits it; selecting text would eat it. */
  gtk_label_set_selectable (label, !(self->flags & CRM_FIELD_ROW_WRITE_VALUE));

  if (field_type_is_link (type))
    markup = build_link_markup (element, self->field);

  if (markup == NULL)
    {
      text = crm_element_format_field (element, self->field);

      if (type == CRM_FIELD_TYPE_LINK && text != NULL && *text != '\0')
        markup = build_element_link_markup (element, self->field, text);
    }

  if (markup != NULL)
    {
      gtk_label_set_markup (label, markup);
      return;
    }

  if (text == NULL || *text == '\0')
    {
      /* Translators: shown in a card for a field without a value */
      gtk_label_set_text (label, _("Not filled"));
      gtk_label_set_selectable (label, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "crm-field-empty");
      return;
    }

  gtk_label_set_text (label, text);
}

static CrmFieldsPane *
get_pane (CrmFieldRow *self)
{
  GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_FIELDS_PANE);

  return pane != NULL ? CRM_FIELDS_PANE (pane) : NULL;
}

/* Configure… / Move up, Move down, Move to section ▸ / Hide */
static GMenuModel *
build_menu (CrmFieldRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  if (self->flags & CRM_FIELD_ROW_MANAGE_FIELD)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append (section, _("_Configure…"), "row.configure");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  if (self->flags & CRM_FIELD_ROW_EDIT_LAYOUT)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenu) targets = g_menu_new ();
      g_autoptr(GMenu) hide = g_menu_new ();
      guint n_sections = g_list_model_get_n_items (self->sections);

      g_menu_append (section, _("Move _Up"), "row.move-up");
      g_menu_append (section, _("Move _Down"), "row.move-down");

      for (guint i = 0; i < n_sections; i++)
        {
          g_autoptr(CrmLayoutSection) other = g_list_model_get_item (self->sections, i);
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *label = NULL;
          g_auto(GStrv) parts = NULL;
          gint64 other_id = crm_layout_section_get_id (other);

          if (other_id == self->section_id)
            continue;

          /* Section titles are typed by people: an underscore in one is
           * not a mnemonic. */
          parts = g_strsplit (crm_layout_section_get_title (other), "_", -1);
          label = g_strjoinv ("__", parts);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "row.move-to-section", "x", other_id);
          g_menu_append_item (targets, item);
        }

      if (g_menu_model_get_n_items (G_MENU_MODEL (targets)) > 0)
        g_menu_append_submenu (section, _("Move to _Section"), G_MENU_MODEL (targets));

      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

      g_menu_append (hide, _("_Hide"), "row.hide");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (hide));
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
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

/* "Move _Up" shows as "Move Up"; "A__B" as "A_B". */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* Item label → "field-hide-amount", "field-move-to-section-2-amount" …,
 * from the menu model, sections and submenus included. */
static void
collect_item_names (GMenuModel *model,
                    const char *code,
                    GHashTable *names)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (section != NULL)
        collect_item_names (section, code, names);
      if (submenu != NULL)
        collect_item_names (submenu, code, names);

      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          !g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
          !g_str_has_prefix (action, "row."))
        continue;

      target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT64);
      if (target != NULL)
        g_hash_table_insert (names, strip_mnemonic (label),
                             g_strdup_printf ("field-%s-%" G_GINT64_FORMAT "-%s", action + 4,
                                              g_variant_get_int64 (target), code));
      else
        g_hash_table_insert (names, strip_mnemonic (label),
                             g_strdup_printf ("field-%s-%s", action + 4, code));
    }
}

/* Names the menu's items, for the end-to-end tests: GtkModelButton keeps
 * its action to itself, but shows the item's label. */
static void
name_menu_items (GtkWidget  *widget,
                 GHashTable *names)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text");

  if (pspec != NULL && pspec->value_type == G_TYPE_STRING)
    {
      g_autofree char *text = NULL;
      const char *name;

      g_object_get (widget, "text", &text, NULL);
      if (text != NULL && (name = g_hash_table_lookup (names, text)) != NULL)
        gtk_widget_set_name (widget, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_menu_items (child, names);
}

/* The menu is built on first use: a card has many rows, few menus open. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  CrmFieldRow *self = user_data;
  g_autoptr(GMenuModel) menu = build_menu (self);
  g_autofree char *code = g_strdup (crm_field_get_code (self->field));
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkPopover *popover;

  gtk_menu_button_set_menu_model (button, menu);

  g_strdelimit (code, "_", '-');
  collect_item_names (menu, code, names);
  popover = gtk_menu_button_get_popover (button);
  if (popover != NULL)
    name_menu_items (GTK_WIDGET (popover), names);
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

  /* As the edit session decides: pipeline and stage move through the
   * stage bar, and the core fills the read-only fields itself. */
  if (crm_field_is_read_only (field) ||
      crm_field_get_field_type (field) == CRM_FIELD_TYPE_PIPELINE ||
      crm_field_get_field_type (field) == CRM_FIELD_TYPE_STAGE)
    flags &= ~CRM_FIELD_ROW_WRITE_VALUE;

  self = g_object_new (CRM_TYPE_FIELD_ROW,
                       "title", crm_field_get_label (field),
                       NULL);
  self->field = g_object_ref (field);
  self->section_id = crm_layout_section_get_id (section);
  self->index = index;
  self->n_fields = n_fields;
  self->sections = g_object_ref (sections);
  self->flags = flags;

  gtk_label_set_text (self->title_label, crm_field_get_label (field));
  show_value (self, element);
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
                                CRM_LAYOUT_DRAG_FIELD, crm_field_get_id (field));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.configure", manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.hide", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", edit_layout && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", edit_layout && index + 1 < n_fields);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-to-section", edit_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", (flags & CRM_FIELD_ROW_WRITE_VALUE) != 0);

  return GTK_WIDGET (self);
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

  return crm_field_get_id (self->field);
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
