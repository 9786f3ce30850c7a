/* crm-stage-move.c — moving an element to a stage as a person does
 *
 * The steps of one move, each a dialog that may end it: a success or
 * failure stage is confirmed (a failure with its reason), then the fields
 * the stage requires and the element leaves empty are asked for in the
 * gate dialog, then the core writes the move, with those values, in one
 * transaction. The core checks everything again: the dialogs only save
 * the person a refusal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-stage-gate-dialog.h"
#include "crm-stage-move.h"
#include "crm-widget-map.h"

typedef struct
{
  GtkWindow        *window;   /* may be NULL */
  CrmSession       *session;
  CrmElement       *element;  /* with its values */
  CrmStage         *stage;
  char             *reason;
  CrmStageMoveDone  done;
  gpointer          user_data;
} Move;

static void
move_finish (Move     *move,
             gboolean  moved)
{
  if (move->done != NULL)
    move->done (moved, move->user_data);

  g_clear_object (&move->window);
  g_clear_object (&move->session);
  g_clear_object (&move->element);
  g_clear_object (&move->stage);
  g_free (move->reason);
  g_free (move);
}

static void
show_error (Move       *move,
            const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (move->window,
                                                       /* Translators: heading of the dialog saying why a move was refused */
                                                       _("The element was not moved"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_widget_set_name (GTK_WIDGET (dialog), "stage-move-error-dialog");
  crm_widget_map_name_responses (dialog, "close", NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_move (Move            *move,
            CrmElementDraft *values)
{
  g_autoptr(GError) error = NULL;
  gboolean moved;

  moved = crm_element_move_to_stage (move->session, crm_element_get_id (move->element),
                                     crm_stage_get_id (move->stage), move->reason, values, &error);
  if (!moved)
    show_error (move, error->message);
  move_finish (move, moved);
}

static void
gate_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Move             *move)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "move"))
    {
      move_finish (move, FALSE);
      return;
    }

  draft = crm_stage_gate_dialog_build_draft (CRM_STAGE_GATE_DIALOG (dialog), &error);
  if (draft == NULL)
    {
      show_error (move, error->message);
      move_finish (move, FALSE);
      return;
    }
  write_move (move, draft);
}

/* The gate: what the stage requires, asked for; nothing missing writes at
 * once. */
static void
gate_or_write (Move *move)
{
  g_autoptr(GPtrArray) missing = NULL;
  CrmStageGateDialog *dialog;

  missing = crm_element_get_missing_at_stage (move->session, move->element, crm_stage_get_id (move->stage));
  if (missing->len == 0)
    {
      write_move (move, NULL);
      return;
    }

  dialog = crm_stage_gate_dialog_new (move->window, move->session, move->element, move->stage, missing);
  g_signal_connect (dialog, "response", G_CALLBACK (gate_response_cb), move);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "move", *text != '\0');
}

static void
reason_activate_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "move"))
    adw_message_dialog_response (dialog, "move");
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Move             *move)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (!g_str_equal (response, "move"))
    {
      move_finish (move, FALSE);
      return;
    }
  if (entry != NULL)
    move->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gate_or_write (move);
}

/* A stage that ends the element's way through the pipeline is confirmed;
 * a failure says why. */
static void
confirm (Move *move)
{
  gboolean failure = crm_stage_get_semantics (move->stage) == CRM_STAGE_FAILURE;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (move->window, NULL, NULL));
  /* Translators: heading of the confirmation of a move to a success or failure stage */
  adw_message_dialog_format_heading (dialog, _("Move to “%s”?"), crm_stage_get_name (move->stage));
  adw_message_dialog_set_body (dialog, failure
                               ? _("The element ends its way through the pipeline here. Say why, for whoever reads its timeline later.")
                               : _("The element ends its way through the pipeline here, successfully."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: confirms moving an element to a stage */
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "move",
                                              failure ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_set_name (GTK_WIDGET (dialog), "stage-confirm-dialog");
  crm_widget_map_name_responses (dialog, "cancel", "move", NULL);

  if (failure)
    {
      GtkWidget *entry = gtk_entry_new ();

      /* Translators: placeholder of the reason asked for when an element fails */
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                      -1);
      gtk_widget_set_name (entry, "stage-reason-entry");
      g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
      g_signal_connect (entry, "activate", G_CALLBACK (reason_activate_cb), dialog);
      adw_message_dialog_set_extra_child (dialog, entry);
      adw_message_dialog_set_response_enabled (dialog, "move", FALSE);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), move);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
crm_stage_move_run (GtkWidget        *parent,
                    CrmSession       *session,
                    CrmElement       *element,
                    gint64            stage_id,
                    CrmStageMoveDone  done,
                    gpointer          user_data)
{
  g_autoptr(GError) error = NULL;
  CrmStage *stage;
  GtkRoot *root;
  Move *move;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (CRM_IS_SESSION (session));
  g_return_if_fail (CRM_IS_ELEMENT (element));

  move = g_new0 (Move, 1);
  move->session = g_object_ref (session);
  move->done = done;
  move->user_data = user_data;
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    move->window = g_object_ref (GTK_WINDOW (root));

  stage = crm_catalog_get_stage (crm_store_get_catalog (crm_session_get_store (session)), stage_id);
  if (stage == NULL || stage_id == crm_element_get_stage_id (element))
    {
      move_finish (move, FALSE);
      return;
    }
  move->stage = g_object_ref (stage);

  /* A kanban card's element carries only its columns; the gate needs the
   * values, as stored now. */
  if (crm_element_has_values (element) && crm_element_get_as_of (element) == NULL)
    move->element = g_object_ref (element);
  else
    move->element = crm_element_load (session, crm_element_get_id (element), &error);
  if (move->element == NULL)
    {
      show_error (move, error->message);
      move_finish (move, FALSE);
      return;
    }

  if (crm_stage_get_semantics (stage) != CRM_STAGE_PROGRESS)
    confirm (move);
  else
    gate_or_write (move);
}
