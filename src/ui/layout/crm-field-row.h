/* crm-field-row.h — one field of a card: label, value, handle and menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-value-editor.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_FIELD_ROW_EDIT_LAYOUT  = 1 << 0, /* handle, Move, Hide */
  CRM_FIELD_ROW_MANAGE_FIELD = 1 << 1, /* Configure… */
  CRM_FIELD_ROW_WRITE_VALUE  = 1 << 2, /* clicking the value edits it */
} CrmFieldRowFlags;

#define CRM_TYPE_FIELD_ROW (crm_field_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldRow, crm_field_row, CRM, FIELD_ROW, AdwPreferencesRow)

/* A row showing @field's value in @element, the @index-th of @n_fields
 * in @section; @sections (of CrmLayoutSection) fills Move to section. */
GtkWidget      *crm_field_row_new         (CrmField         *field,
                                           CrmElement       *element,
                                           CrmLayoutSection *section,
                                           guint             index,
                                           guint             n_fields,
                                           GListModel       *sections,
                                           CrmFieldRowFlags  flags);
/* Shows @element's value of the same field (@field: its object now), the
 * @index-th of @n_fields, without new widgets. FALSE, changing nothing,
 * when the row was built for another field or other @flags. */
gboolean        crm_field_row_update      (CrmFieldRow      *self,
                                           CrmField         *field,
                                           CrmElement       *element,
                                           guint             index,
                                           guint             n_fields,
                                           GListModel       *sections,
                                           CrmFieldRowFlags  flags);
/* Its place in its section. */
guint           crm_field_row_get_index   (CrmFieldRow      *self);
CrmField       *crm_field_row_get_field   (CrmFieldRow      *self);
gint64          crm_field_row_get_field_id (CrmFieldRow     *self);
/* Shows @editor in place of the value; NULL shows the value again. */
void            crm_field_row_set_editor  (CrmFieldRow      *self,
                                           CrmValueEditor   *editor);
CrmValueEditor *crm_field_row_get_editor  (CrmFieldRow      *self);
/* The gear button, to give the focus back after a move. */
GtkWidget      *crm_field_row_get_menu_button (CrmFieldRow  *self);

G_END_DECLS
