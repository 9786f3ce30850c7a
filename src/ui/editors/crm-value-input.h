/* crm-value-input.h — what every per-type input of a value editor does
 *
 * A CrmValueEditor is made of inputs: an entry, a date with its calendar,
 * an address form … Each one starts from values and hands back what is
 * entered, parsed by the core. The multi-value editor repeats single
 * inputs in rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_VALUE_INPUT (crm_value_input_get_type ())

G_DECLARE_INTERFACE (CrmValueInput, crm_value_input, CRM, VALUE_INPUT, GtkWidget)

struct _CrmValueInputInterface
{
  GTypeInterface parent_iface;

  /* Of CrmValue; NULL or empty for none. Emits no "changed". */
  void       (*set_values) (CrmValueInput  *self,
                            GPtrArray      *values);
  /* A new array, empty when nothing is entered; NULL with a
   * CRM_ERROR_VALIDATION error when the input does not parse. */
  GPtrArray *(*get_values) (CrmValueInput  *self,
                            GError        **error);
};

/* Signals: "changed" (the person changed it), "activate" (Enter). */

void       crm_value_input_set_values    (CrmValueInput  *self,
                                          GPtrArray      *values);
GPtrArray *crm_value_input_get_values    (CrmValueInput  *self,
                                          GError        **error);
void       crm_value_input_emit_changed  (CrmValueInput  *self);
void       crm_value_input_emit_activate (CrmValueInput  *self);

/* The input for one value of @field's type (no kind, no repetition). */
GtkWidget *crm_value_input_new_single    (CrmSession     *session,
                                          CrmField       *field);

/* Helpers for the inputs. */
GPtrArray *crm_value_array_new           (void);
/* Parses @text (trimmed; "" gives an empty array) with the core. */
GPtrArray *crm_value_input_parse_text    (CrmField              *field,
                                          const CrmFieldOptions *options,
                                          const char            *text,
                                          GError               **error);

G_END_DECLS
