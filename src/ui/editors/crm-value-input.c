/* crm-value-input.c — what every per-type input of a value editor does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-address-editor.h"
#include "crm-date-editor.h"
#include "crm-entry-editor.h"
#include "crm-file-editor.h"
#include "crm-list-editor.h"
#include "crm-reference-picker.h"
#include "crm-switch-editor.h"
#include "crm-text-editor.h"
#include "crm-value-input.h"

G_DEFINE_INTERFACE (CrmValueInput, crm_value_input, GTK_TYPE_WIDGET)

enum { CHANGED, ACTIVATE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
crm_value_input_default_init (CrmValueInputInterface *iface)
{
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
crm_value_input_set_values (CrmValueInput *self,
                            GPtrArray     *values)
{
  g_return_if_fail (CRM_IS_VALUE_INPUT (self));

  CRM_VALUE_INPUT_GET_IFACE (self)->set_values (self, values);
}

GPtrArray *
crm_value_input_get_values (CrmValueInput  *self,
                            GError        **error)
{
  g_return_val_if_fail (CRM_IS_VALUE_INPUT (self), NULL);

  return CRM_VALUE_INPUT_GET_IFACE (self)->get_values (self, error);
}

void
crm_value_input_emit_changed (CrmValueInput *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
crm_value_input_emit_activate (CrmValueInput *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

GtkWidget *
crm_value_input_new_single (CrmSession *session,
                            CrmField   *field)
{
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_TYPE_TEXT:
      return crm_text_editor_new (field);

    case CRM_FIELD_TYPE_BOOLEAN:
      return crm_switch_editor_new (field);

    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
      return crm_date_editor_new (field);

    case CRM_FIELD_TYPE_LIST:
      return crm_list_editor_new (field, FALSE);

    case CRM_FIELD_TYPE_ADDRESS:
      return crm_address_editor_new (field);

    case CRM_FIELD_TYPE_FILE:
      return crm_file_editor_new (session, field);

    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
      return crm_reference_picker_new (session, field);

    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      return crm_entry_editor_new (field);
    }
}

GPtrArray *
crm_value_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crm_value_free);
}

GPtrArray *
crm_value_input_parse_text (CrmField               *field,
                            const CrmFieldOptions  *options,
                            const char             *text,
                            GError                **error)
{
  g_autoptr(GPtrArray) values = crm_value_array_new ();
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  CrmValue *value;

  if (*trimmed == '\0')
    return g_steal_pointer (&values);

  value = crm_value_parse (crm_field_get_field_type (field),
                           options ? options : crm_field_get_options (field),
                           crm_locale_get_default (), trimmed, error);
  if (value == NULL)
    return NULL;
  g_ptr_array_add (values, value);
  return g_steal_pointer (&values);
}
