/* crm-stage-gate-dialog.c — the fields a stage requires, asked for before
 * an element moves there
 *
 * One value editor per field the stage requires and the element leaves
 * empty, the editors the card uses. "Move" stays disabled until the core
 * would accept the move: each change builds a draft with the stage set
 * and validates it, so the button and the save follow one rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-stage-gate-dialog.h"
#include "crm-value-editor.h"
#include "crm-widget-map.h"

struct _CrmStageGateDialog
{
  AdwMessageDialog  parent_instance;

  CrmSession       *session;
  CrmElement       *element;
  CrmStage         *stage;
  GPtrArray        *editors;   /* of CrmValueEditor */

  /* Template widgets */
  GtkListBox       *fields_list;
};

G_DEFINE_FINAL_TYPE (CrmStageGateDialog, crm_stage_gate_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Responsible lives in the element's own column (as in the edit session). */
static void
draft_set_values (CrmElementDraft *draft,
                  CrmField        *field,
                  GPtrArray       *values)
{
  if (crm_field_is_system (field) && g_str_equal (crm_field_get_code (field), "responsible"))
    {
      const CrmValue *value = values->len > 0 ? g_ptr_array_index (values, 0) : NULL;

      crm_element_draft_set_responsible (draft, value ? value->number : 0);
      return;
    }
  crm_element_draft_set_values (draft, field, values);
}

static void
update_move (CrmStageGateDialog *self)
{
  g_autoptr(CrmElementDraft) draft = crm_stage_gate_dialog_build_draft (self, NULL);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "move", draft != NULL);
}

static void
editor_changed_cb (CrmStageGateDialog *self,
                   CrmValueEditor     *editor)
{
  crm_value_editor_set_invalid (editor, FALSE);
  update_move (self);
}

static void
editor_activate_cb (CrmStageGateDialog *self,
                    CrmValueEditor     *editor)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "move"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "move");
}

static void
editor_cancel_cb (CrmStageGateDialog *self,
                  CrmValueEditor     *editor)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

static void
add_field (CrmStageGateDialog *self,
           CrmField           *field)
{
  CrmValueEditor *editor = crm_value_editor_new (self->session, field);
  GtkWidget *box, *label, *row;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", crm_field_get_label (field),
                        "xalign", 0.0f,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (editor), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));

  row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                      "child", box,
                      "activatable", FALSE,
                      NULL);
  gtk_list_box_append (self->fields_list, row);

  crm_value_editor_set_values (editor, crm_element_get_values (self->element, field));
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "activate", G_CALLBACK (editor_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "cancel", G_CALLBACK (editor_cancel_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->editors, g_object_ref (editor));
}

static void
crm_stage_gate_dialog_dispose (GObject *object)
{
  CrmStageGateDialog *self = CRM_STAGE_GATE_DIALOG (object);

  if (self->editors != NULL)
    g_ptr_array_set_size (self->editors, 0);

  G_OBJECT_CLASS (crm_stage_gate_dialog_parent_class)->dispose (object);
}

static void
crm_stage_gate_dialog_finalize (GObject *object)
{
  CrmStageGateDialog *self = CRM_STAGE_GATE_DIALOG (object);

  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->stage);
  g_clear_object (&self->element);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_stage_gate_dialog_parent_class)->finalize (object);
}

static void
crm_stage_gate_dialog_class_init (CrmStageGateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_stage_gate_dialog_dispose;
  object_class->finalize = crm_stage_gate_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-stage-gate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmStageGateDialog, fields_list);
}

static void
crm_stage_gate_dialog_init (CrmStageGateDialog *self)
{
  self->editors = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), "stage-gate-dialog");
  crm_widget_map_name_responses (ADW_MESSAGE_DIALOG (self), "cancel", "move", NULL);
}

CrmStageGateDialog *
crm_stage_gate_dialog_new (GtkWindow  *parent,
                           CrmSession *session,
                           CrmElement *element,
                           CrmStage   *stage,
                           GPtrArray  *fields)
{
  CrmStageGateDialog *self;
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (CRM_IS_STAGE (stage), NULL);
  g_return_val_if_fail (fields != NULL && fields->len > 0, NULL);

  self = g_object_new (CRM_TYPE_STAGE_GATE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  self->element = g_object_ref (element);
  self->stage = g_object_ref (stage);

  /* Translators: heading of the dialog asking for the fields a stage requires */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Move to “%s”"), crm_stage_get_name (stage));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "This stage requires a field that is empty. Fill it in to move the element.",
                                            "This stage requires fields that are empty. Fill them in to move the element.",
                                            fields->len));

  for (guint i = 0; i < fields->len; i++)
    add_field (self, g_ptr_array_index (fields, i));
  update_move (self);

  return self;
}

GPtrArray *
crm_stage_gate_dialog_get_editors (CrmStageGateDialog *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_GATE_DIALOG (self), NULL);

  return self->editors;
}

CrmElementDraft *
crm_stage_gate_dialog_build_draft (CrmStageGateDialog  *self,
                                   GError             **error)
{
  g_autoptr(CrmElementDraft) draft = NULL;

  g_return_val_if_fail (CRM_IS_STAGE_GATE_DIALOG (self), NULL);

  draft = crm_element_draft_new_for (self->session, self->element);
  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmValueEditor *editor = g_ptr_array_index (self->editors, i);
      g_autoptr(GPtrArray) values = crm_value_editor_get_values (editor, error);

      if (values == NULL)
        return NULL;
      draft_set_values (draft, crm_value_editor_get_field (editor), values);
    }

  /* The gate is the draft's own rule at the stage it goes to. */
  crm_element_draft_set_stage (draft, crm_stage_get_id (self->stage));
  if (!crm_element_draft_validate (draft, error))
    return NULL;
  crm_element_draft_set_stage (draft, crm_element_get_stage_id (self->element));
  return g_steal_pointer (&draft);
}
