/* crm-entry-editor.c — a one-line entry for text, numbers, money, contacts
 *
 * Whatever is typed goes to the core as text (crm_value_parse) in the UI
 * locale: no spin button, because those count in doubles and money must
 * never pass through one. Money adds a drop-down of currencies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-entry-editor.h"
#include "crm-value-input.h"

struct _CrmEntryEditor
{
  GtkWidget    parent_instance;

  CrmField    *field;
  GtkEntry    *entry;
  GtkDropDown *currency_drop_down;  /* money only */
  /* What set_values started from, so an untouched entry gives it back
   * exactly (a phone as typed, a kind) instead of a re-parse of it. */
  CrmValue    *initial;
  char        *initial_text;
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmEntryEditor, crm_entry_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static const char *
get_currency (CrmEntryEditor *self)
{
  const char * const *codes = crm_currency_get_codes ();
  guint selected;

  if (self->currency_drop_down == NULL)
    return NULL;
  selected = gtk_drop_down_get_selected (self->currency_drop_down);
  return selected < g_strv_length ((char **) codes) ? codes[selected] : NULL;
}

static void
set_currency (CrmEntryEditor *self,
              const char     *code)
{
  const char * const *codes = crm_currency_get_codes ();

  for (guint i = 0; code != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      {
        gtk_drop_down_set_selected (self->currency_drop_down, i);
        return;
      }
}

static const char *
default_currency (CrmEntryEditor *self)
{
  const CrmFieldOptions *options = crm_field_get_options (self->field);

  if (options->currency != NULL)
    return options->currency;
  return crm_locale_get_default ()->default_currency;
}

/* The field's options with the chosen currency, so the amount is read and
 * written in it ("1.234,56" rather than "1.234,56 USD"). */
static CrmFieldOptions *
options_for_currency (CrmEntryEditor *self,
                      const char     *currency)
{
  CrmFieldOptions *options = crm_field_options_copy (crm_field_get_options (self->field));

  if (currency != NULL)
    {
      g_free (options->currency);
      options->currency = g_strdup (currency);
    }
  return options;
}

static void
crm_entry_editor_set_values (CrmValueInput *input,
                             GPtrArray     *values)
{
  CrmEntryEditor *self = CRM_ENTRY_EDITOR (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
  g_autoptr(CrmFieldOptions) options = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->initial, crm_value_free);
  g_clear_pointer (&self->initial_text, g_free);

  if (self->currency_drop_down != NULL)
    {
      const char *currency = value != NULL && value->aux != NULL ? value->aux : default_currency (self);

      set_currency (self, currency);
      options = options_for_currency (self, currency);
    }

  if (value != NULL)
    {
      text = crm_value_to_input (value, options ? options : crm_field_get_options (self->field),
                                 crm_locale_get_default ());
      self->initial = crm_value_copy (value);
      self->initial_text = g_strdup (text);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
}

static GPtrArray *
crm_entry_editor_get_values (CrmValueInput  *input,
                             GError        **error)
{
  CrmEntryEditor *self = CRM_ENTRY_EDITOR (input);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(CrmFieldOptions) options = NULL;
  const char *currency = get_currency (self);

  if (self->initial != NULL && g_strcmp0 (text, self->initial_text) == 0 &&
      (currency == NULL || g_strcmp0 (currency, self->initial->aux) == 0))
    {
      GPtrArray *values = crm_value_array_new ();

      g_ptr_array_add (values, crm_value_copy (self->initial));
      return values;
    }

  if (currency != NULL)
    options = options_for_currency (self, currency);
  return crm_value_input_parse_text (self->field, options, text, error);
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_entry_editor_set_values;
  iface->get_values = crm_entry_editor_get_values;
}

static void
changed_cb (CrmEntryEditor *self)
{
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
activate_cb (CrmEntryEditor *self)
{
  crm_value_input_emit_activate (CRM_VALUE_INPUT (self));
}

static void
crm_entry_editor_dispose (GObject *object)
{
  CrmEntryEditor *self = CRM_ENTRY_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->entry = NULL;
  self->currency_drop_down = NULL;
  g_clear_object (&self->field);
  g_clear_pointer (&self->initial, crm_value_free);
  g_clear_pointer (&self->initial_text, g_free);

  G_OBJECT_CLASS (crm_entry_editor_parent_class)->dispose (object);
}

static void
crm_entry_editor_class_init (CrmEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_entry_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
crm_entry_editor_init (CrmEntryEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/* What the on-screen keyboard offers, and an example of the expected form. */
static void
setup_entry (CrmEntryEditor *self)
{
  const CrmLocale *locale = crm_locale_get_default ();
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;
  g_autoptr(CrmValue) zero = NULL;
  g_autofree char *example = NULL;

  switch (crm_field_get_field_type (self->field))
    {
    case CRM_FIELD_TYPE_INTEGER:
      purpose = GTK_INPUT_PURPOSE_DIGITS;
      break;

    case CRM_FIELD_TYPE_DECIMAL:
      purpose = GTK_INPUT_PURPOSE_NUMBER;
      zero = crm_value_new_number (CRM_FIELD_TYPE_DECIMAL, 0);
      break;

    case CRM_FIELD_TYPE_MONEY:
      purpose = GTK_INPUT_PURPOSE_NUMBER;
      zero = crm_value_new_money (0, default_currency (self));
      break;

    case CRM_FIELD_TYPE_URL:
      purpose = GTK_INPUT_PURPOSE_URL;
      example = g_strdup ("https://");
      break;

    case CRM_FIELD_TYPE_EMAIL:
      purpose = GTK_INPUT_PURPOSE_EMAIL;
      break;

    case CRM_FIELD_TYPE_PHONE:
      purpose = GTK_INPUT_PURPOSE_PHONE;
      break;

    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      break;
    }

  if (zero != NULL)
    example = crm_value_to_input (zero, crm_field_get_options (self->field), locale);
  gtk_entry_set_input_purpose (self->entry, purpose);
  if (example != NULL)
    gtk_entry_set_placeholder_text (self->entry, example);
}

GtkWidget *
crm_entry_editor_new (CrmField *field)
{
  CrmEntryEditor *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_ENTRY_EDITOR, NULL);
  self->field = g_object_ref (field);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  name = g_strdup_printf ("value-entry-%s", crm_field_get_code (field));
  g_strdelimit (name, "_", '-');
  gtk_widget_set_name (GTK_WIDGET (self->entry), name);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (field),
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activate_cb), self);

  if (crm_field_get_field_type (field) == CRM_FIELD_TYPE_MONEY)
    {
      self->currency_drop_down =
        GTK_DROP_DOWN (gtk_drop_down_new_from_strings (crm_currency_get_codes ()));
      gtk_widget_set_name (GTK_WIDGET (self->currency_drop_down), "currency-drop-down");
      gtk_widget_set_valign (GTK_WIDGET (self->currency_drop_down), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->currency_drop_down), _("Currency"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->currency_drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Currency"),
                                      -1);
      gtk_widget_set_parent (GTK_WIDGET (self->currency_drop_down), GTK_WIDGET (self));
      set_currency (self, default_currency (self));
      g_signal_connect_swapped (self->currency_drop_down, "notify::selected",
                                G_CALLBACK (changed_cb), self);
    }

  setup_entry (self);
  return GTK_WIDGET (self);
}
