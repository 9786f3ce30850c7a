/* crm-address-editor.c — a small form for a postal address
 *
 * Street, number, complement, district, city, state, postal code and
 * country, as the core's CrmAddress has them; the value is its JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "clientele-resources.h"
#include "crm-address-editor.h"
#include "crm-value-input.h"

struct _CrmAddressEditor
{
  GtkWidget  parent_instance;

  GtkEntry  *city_entry;
  GtkEntry  *complement_entry;
  GtkEntry  *country_entry;
  GtkEntry  *district_entry;
  GtkEntry  *number_entry;
  GtkEntry  *postal_code_entry;
  GtkEntry  *region_entry;
  GtkEntry  *street_entry;

  CrmField  *field;
  CrmValue  *initial;
  gboolean   loading;
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmAddressEditor, crm_address_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

/* Each entry beside the CrmAddress member it edits. */
#define N_PARTS 8

static void
get_parts (CrmAddressEditor  *self,
           CrmAddress        *address,
           GtkEntry         **entries,
           char            ***members)
{
  GtkEntry *e[N_PARTS] = { self->street_entry, self->number_entry, self->complement_entry,
                           self->district_entry, self->city_entry, self->region_entry,
                           self->postal_code_entry, self->country_entry };
  char **m[N_PARTS] = { &address->street, &address->number, &address->complement,
                        &address->district, &address->city, &address->region,
                        &address->postal_code, &address->country };

  memcpy (entries, e, sizeof e);
  memcpy (members, m, sizeof m);
}

static void
crm_address_editor_set_values (CrmValueInput *input,
                               GPtrArray     *values)
{
  CrmAddressEditor *self = CRM_ADDRESS_EDITOR (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
  g_autoptr(CrmAddress) address = NULL;
  GtkEntry *entries[N_PARTS];
  char **members[N_PARTS];

  g_clear_pointer (&self->initial, crm_value_free);
  if (value != NULL && value->text != NULL)
    {
      self->initial = crm_value_copy (value);
      address = crm_address_from_json (value->text, NULL);
      /* An old plain-text address: keep it in the street line. */
      if (address == NULL)
        {
          address = crm_address_new ();
          address->street = g_strdup (value->text);
        }
    }
  if (address == NULL)
    address = crm_address_new ();

  self->loading = TRUE;
  get_parts (self, address, entries, members);
  for (guint i = 0; i < N_PARTS; i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), *members[i] ? *members[i] : "");
  self->loading = FALSE;
}

static GPtrArray *
crm_address_editor_get_values (CrmValueInput  *input,
                               GError        **error)
{
  CrmAddressEditor *self = CRM_ADDRESS_EDITOR (input);
  g_autoptr(CrmAddress) address = crm_address_new ();
  g_autoptr(GPtrArray) values = crm_value_array_new ();
  g_autoptr(CrmValue) value = NULL;
  GtkEntry *entries[N_PARTS];
  char **members[N_PARTS];

  /* Untouched, the stored text comes back as it was. */
  if (self->initial != NULL)
    {
      g_ptr_array_add (values, crm_value_copy (self->initial));
      return g_steal_pointer (&values);
    }

  get_parts (self, address, entries, members);
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entries[i]))));

      if (*text != '\0')
        *members[i] = g_steal_pointer (&text);
    }
  if (address->country != NULL)
    {
      char *upper = g_ascii_strup (address->country, -1);

      g_free (address->country);
      address->country = upper;
    }
  if (crm_address_is_empty (address))
    return g_steal_pointer (&values);

  value = crm_value_new_text (CRM_FIELD_TYPE_ADDRESS, NULL);
  value->text = crm_address_to_json (address);
  if (!crm_value_validate (value, crm_field_get_options (self->field), error))
    return NULL;
  g_ptr_array_add (values, g_steal_pointer (&value));
  return g_steal_pointer (&values);
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_address_editor_set_values;
  iface->get_values = crm_address_editor_get_values;
}

static void
changed_cb (CrmAddressEditor *self)
{
  if (self->loading)
    return;
  g_clear_pointer (&self->initial, crm_value_free);
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
activate_cb (CrmAddressEditor *self)
{
  crm_value_input_emit_activate (CRM_VALUE_INPUT (self));
}

static void
crm_address_editor_dispose (GObject *object)
{
  CrmAddressEditor *self = CRM_ADDRESS_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_ADDRESS_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->field);
  g_clear_pointer (&self->initial, crm_value_free);

  G_OBJECT_CLASS (crm_address_editor_parent_class)->dispose (object);
}

static void
crm_address_editor_class_init (CrmAddressEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_address_editor_dispose;

  /* Pulls the resources' object file, and its constructor, into
   * whatever links this static library. */
  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-address-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, city_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, complement_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, country_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, district_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, number_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, postal_code_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, region_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmAddressEditor, street_entry);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
crm_address_editor_init (CrmAddressEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
crm_address_editor_new (CrmField *field)
{
  CrmAddressEditor *self;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_ADDRESS_EDITOR, NULL);
  self->field = g_object_ref (field);
  return GTK_WIDGET (self);
}
