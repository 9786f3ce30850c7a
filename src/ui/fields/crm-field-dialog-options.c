/* crm-field-dialog-options.c — the field dialog's type and options
 *
 * What the type drop-down shows next (precision, currency, list items,
 * link target, default), the options built from it for the core, and the
 * lists behind the drop-downs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-field-dialog-private.h"

CrmFieldType
_crm_field_dialog_get_field_type (CrmFieldDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->field_id != 0)
    return self->field_type;
  if (selected >= self->types->len)
    return CRM_FIELD_TYPE_LAST;
  return g_array_index (self->types, CrmFieldType, selected);
}

gboolean
_crm_field_dialog_type_has_default (CrmFieldType type)
{
  return type == CRM_FIELD_TYPE_STRING || type == CRM_FIELD_TYPE_INTEGER ||
         type == CRM_FIELD_TYPE_DECIMAL || type == CRM_FIELD_TYPE_MONEY ||
         type == CRM_FIELD_TYPE_DATE;
}

void
_crm_field_dialog_update_type_rows (CrmFieldDialog *self)
{
  CrmFieldType type = _crm_field_dialog_get_field_type (self);
  gboolean creating = self->field_id == 0;
  gboolean precision = type == CRM_FIELD_TYPE_DECIMAL;
  gboolean currency = type == CRM_FIELD_TYPE_MONEY;
  gboolean link = type == CRM_FIELD_TYPE_LINK;
  gboolean typed_default = _crm_field_dialog_type_has_default (type);
  gboolean boolean_default = type == CRM_FIELD_TYPE_BOOLEAN;

  /* A yes/no field holds one answer. */
  gtk_widget_set_visible (GTK_WIDGET (self->multiple_row), creating && type != CRM_FIELD_TYPE_BOOLEAN);
  if (type == CRM_FIELD_TYPE_BOOLEAN)
    gtk_switch_set_active (self->multiple_switch, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->items_group), type == CRM_FIELD_TYPE_LIST);
  gtk_widget_set_visible (GTK_WIDGET (self->precision_row), precision);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_row), currency);
  gtk_widget_set_visible (GTK_WIDGET (self->link_row), link);
  gtk_widget_set_visible (GTK_WIDGET (self->default_row), typed_default);
  gtk_widget_set_visible (GTK_WIDGET (self->default_boolean_row), boolean_default);
  gtk_widget_set_visible (GTK_WIDGET (self->options_group),
                          precision || currency || link || typed_default || boolean_default);
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), self->edits_options);
}

/* The C-locale text of the default typed in the interface's language, so
 * the core reads it the same whoever opens a card later. */
gboolean
_crm_field_dialog_set_typed_default (CrmFieldDialog   *self,
                                     CrmFieldType      type,
                                     CrmFieldOptions  *options,
                                     GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->default_row))));
  g_autoptr(CrmValue) value = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->default_row), "error");
  if (*text == '\0')
    return TRUE;

  value = crm_value_parse (type, options, crm_locale_get_default (), text, error);
  if (value == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->default_row), "error");
      return FALSE;
    }
  options->default_value = crm_value_to_input (value, options, crm_locale_get ("C"));
  return TRUE;
}

/* The options the form describes, or NULL with the reason. */
CrmFieldOptions *
_crm_field_dialog_build_options (CrmFieldDialog  *self,
                                 GError         **error)
{
  CrmFieldType type = _crm_field_dialog_get_field_type (self);
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autofree char *message = NULL;
  guint selected;

  if (type == CRM_FIELD_TYPE_LIST)
    {
      crm_list_items_editor_fill_options (self->items_editor, options);
      if ((message = crm_list_items_editor_check (self->items_editor)) != NULL)
        {
          g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION, message);
          return NULL;
        }
    }
  else if (type == CRM_FIELD_TYPE_DECIMAL)
    {
      options->precision = (guint) gtk_spin_button_get_value_as_int (self->precision_spin);
    }
  else if (type == CRM_FIELD_TYPE_MONEY)
    {
      selected = adw_combo_row_get_selected (self->currency_row);
      if (selected < g_strv_length ((char **) self->currencies))
        options->currency = g_strdup (self->currencies[selected]);
    }
  else if (type == CRM_FIELD_TYPE_LINK)
    {
      selected = adw_combo_row_get_selected (self->link_row);
      if (selected < self->link_codes->len)
        options->link_type = g_strdup (g_ptr_array_index (self->link_codes, selected));
    }
  else if (type == CRM_FIELD_TYPE_BOOLEAN)
    {
      /* "1" and "0" read as yes and no in every language. */
      selected = adw_combo_row_get_selected (self->default_boolean_row);
      if (selected == BOOLEAN_DEFAULT_YES || selected == BOOLEAN_DEFAULT_NO)
        options->default_value = g_strdup (selected == BOOLEAN_DEFAULT_YES ? "1" : "0");
    }

  if (_crm_field_dialog_type_has_default (type) && !_crm_field_dialog_set_typed_default (self, type, options, error))
    return NULL;
  if (!crm_field_options_validate (options, type, error))
    return NULL;
  return g_steal_pointer (&options);
}

/* ---- The lists behind the drop-downs ------------------------------------ */

void
_crm_field_dialog_load_types (CrmFieldDialog *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (CrmFieldType type = 0; type < CRM_FIELD_TYPE_LAST; type++)
    if (crm_field_type_is_user_creatable (type))
      {
        g_array_append_val (self->types, type);
        g_ptr_array_add (labels, (gpointer) crm_field_type_get_label (type));
      }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->type_model, 0, 0, (const char * const *) labels->pdata);
}

void
_crm_field_dialog_load_currencies (CrmFieldDialog *self)
{
  const char *preferred = crm_locale_get_default ()->default_currency;

  self->currencies = crm_currency_get_codes ();
  for (guint i = 0; self->currencies[i] != NULL; i++)
    {
      const char *code = self->currencies[i];
      const char *symbol = crm_currency_get_symbol (code);
      g_autofree char *text = NULL;

      if (g_str_equal (symbol, code))
        text = g_strdup (code);
      else
        /* Translators: a currency in a drop-down: code and symbol, "BRL (R$)". */
        text = g_strdup_printf (_("%s (%s)"), code, symbol);

      gtk_string_list_append (self->currency_model, text);
      if (g_strcmp0 (code, preferred) == 0)
        adw_combo_row_set_selected (self->currency_row, i);
    }
}

void
_crm_field_dialog_load_link_types (CrmFieldDialog *self)
{
  GListModel *types = crm_catalog_get_entity_types (crm_store_get_catalog (crm_session_get_store (self->session)));

  /* NULL: a link to any kind of element. */
  g_ptr_array_add (self->link_codes, NULL);
  gtk_string_list_append (self->link_model, _("Any Element"));
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);

      g_ptr_array_add (self->link_codes, g_strdup (crm_entity_type_get_code (type)));
      gtk_string_list_append (self->link_model, crm_entity_type_get_name (type));
    }
}

/* Configuring a custom field: its options as they are, those its values
 * depend on shown but fixed (the core refuses to change them). */
void
_crm_field_dialog_load_options (CrmFieldDialog *self,
                                CrmField       *field)
{
  const CrmFieldOptions *options = crm_field_get_options (field);
  CrmFieldType type = crm_field_get_field_type (field);

  if (type == CRM_FIELD_TYPE_LIST)
    crm_list_items_editor_set_options (self->items_editor, options);

  gtk_spin_button_set_value (self->precision_spin, options->precision);
  gtk_widget_set_sensitive (GTK_WIDGET (self->precision_row), FALSE);

  for (guint i = 0; i < self->link_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->link_codes, i), options->link_type) == 0)
      adw_combo_row_set_selected (self->link_row, i);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_row), FALSE);

  for (guint i = 0; options->currency != NULL && self->currencies[i] != NULL; i++)
    if (g_str_equal (self->currencies[i], options->currency))
      adw_combo_row_set_selected (self->currency_row, i);

  if (type == CRM_FIELD_TYPE_BOOLEAN && options->default_value != NULL)
    adw_combo_row_set_selected (self->default_boolean_row,
                                g_str_equal (options->default_value, "1") ? BOOLEAN_DEFAULT_YES
                                                                          : BOOLEAN_DEFAULT_NO);
  else if (_crm_field_dialog_type_has_default (type) && options->default_value != NULL)
    {
      g_autoptr(CrmValue) value = crm_value_parse (type, options, crm_locale_get ("C"),
                                                   options->default_value, NULL);
      g_autofree char *text = value ? crm_value_to_input (value, options, crm_locale_get_default ()) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->default_row), text != NULL ? text : "");
    }
}
