/* crm-field-dialog-private.h — what the field dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-field-dialog.h"
#include "crm-field-rules.h"
#include "crm-list-items-editor.h"

G_BEGIN_DECLS

struct _CrmFieldDialog
{
  AdwWindow              parent_instance;

  CrmSession            *session;
  gint64                 entity_type_id;
  gint64                 section_id;
  gint64                 field_id;     /* configure mode; 0 when creating */
  CrmFieldType           field_type;   /* configure mode */
  gboolean               edits_options; /* creating, or configuring a custom field */
  GArray                *types;        /* CrmFieldType by type_row position */
  GPtrArray             *link_codes;   /* entity type code by link_row position */
  const char * const    *currencies;   /* by currency_row position */
  gboolean               ready;

  /* Template widgets */
  AdwComboRow           *currency_row;
  GtkStringList         *currency_model;
  AdwComboRow           *default_boolean_row;
  AdwEntryRow           *default_row;
  GtkLabel              *error_label;
  GtkRevealer           *error_revealer;
  CrmListItemsEditor    *items_editor;
  AdwPreferencesGroup   *items_group;
  AdwEntryRow           *label_row;
  GtkStringList         *link_model;
  AdwComboRow           *link_row;
  AdwActionRow          *multiple_row;
  GtkSwitch             *multiple_switch;
  GtkBox                *options_box;
  GtkLabel              *options_error_label;
  AdwPreferencesGroup   *options_group;
  AdwActionRow          *precision_row;
  GtkSpinButton         *precision_spin;
  CrmFieldRules         *rules;
  GtkButton             *save_button;
  AdwComboRow           *type_row;
  GtkLabel              *type_info_label;
  AdwActionRow          *type_info_row;
  GtkStringList         *type_model;
  AdwWindowTitle        *window_title;
};

/* The positions of the boolean default drop-down. */
enum {
  BOOLEAN_DEFAULT_NONE,
  BOOLEAN_DEFAULT_YES,
  BOOLEAN_DEFAULT_NO,
};

/* crm-field-dialog-options.c: the type, its options and the lists behind
 * the drop-downs. */
CrmFieldType     _crm_field_dialog_get_field_type    (CrmFieldDialog   *self);
gboolean         _crm_field_dialog_type_has_default  (CrmFieldType      type);
void             _crm_field_dialog_update_type_rows  (CrmFieldDialog   *self);
gboolean         _crm_field_dialog_set_typed_default (CrmFieldDialog   *self,
                                                      CrmFieldType      type,
                                                      CrmFieldOptions  *options,
                                                      GError          **error);
CrmFieldOptions *_crm_field_dialog_build_options     (CrmFieldDialog   *self,
                                                      GError          **error);
void             _crm_field_dialog_load_types        (CrmFieldDialog   *self);
void             _crm_field_dialog_load_currencies   (CrmFieldDialog   *self);
void             _crm_field_dialog_load_link_types   (CrmFieldDialog   *self);
void             _crm_field_dialog_load_options      (CrmFieldDialog   *self,
                                                      CrmField         *field);

G_END_DECLS
