/* crm-edit-session.c — the values being edited in a card, saved together
 *
 * The fields pane asks for an editor when a value is clicked; the editors
 * live here, not in the rows, so a reload of the pane (after someone else
 * wrote the element) keeps what the person typed. Save builds one draft
 * from every editor so the core validates the whole card at once and
 * writes all of it, with its field-change entries, or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-edit-session.h"

struct _CrmEditSession
{
  GObject     parent_instance;

  CrmSession *session;
  CrmElement *element;
  /* Of CrmValueEditor (owned), in the order the edits started. */
  GPtrArray  *editors;
};

G_DEFINE_FINAL_TYPE (CrmEditSession, crm_edit_session, G_TYPE_OBJECT)

enum { EDITING_CHANGED, SAVED, CANCELLED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
release_editor (gpointer data)
{
  CrmValueEditor *editor = data;

  g_signal_handlers_disconnect_matched (editor, G_SIGNAL_MATCH_DATA,
                                        0, 0, NULL, NULL, NULL);
  g_object_unref (editor);
}

static void
crm_edit_session_dispose (GObject *object)
{
  CrmEditSession *self = CRM_EDIT_SESSION (object);

  g_ptr_array_set_size (self->editors, 0);
  g_clear_object (&self->element);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_edit_session_parent_class)->dispose (object);
}

static void
crm_edit_session_finalize (GObject *object)
{
  CrmEditSession *self = CRM_EDIT_SESSION (object);

  g_ptr_array_unref (self->editors);

  G_OBJECT_CLASS (crm_edit_session_parent_class)->finalize (object);
}

static void
crm_edit_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmEditSession *self = CRM_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, crm_edit_session_is_active (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_edit_session_class_init (CrmEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_edit_session_dispose;
  object_class->finalize = crm_edit_session_finalize;
  object_class->get_property = crm_edit_session_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITING_CHANGED] =
    g_signal_new ("editing-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
crm_edit_session_init (CrmEditSession *self)
{
  self->editors = g_ptr_array_new_with_free_func (release_editor);
}

CrmEditSession *
crm_edit_session_new (CrmSession *session)
{
  CrmEditSession *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_EDIT_SESSION, NULL);
  self->session = g_object_ref (session);
  return self;
}

/* Ends every edit; TRUE when there was one. */
static gboolean
end_edits (CrmEditSession *self)
{
  if (self->editors->len == 0)
    return FALSE;

  g_ptr_array_set_size (self->editors, 0);
  g_signal_emit (self, signals[EDITING_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  return TRUE;
}

void
crm_edit_session_set_element (CrmEditSession *self,
                              CrmElement     *element)
{
  gboolean same;

  g_return_if_fail (CRM_IS_EDIT_SESSION (self));
  g_return_if_fail (element == NULL || CRM_IS_ELEMENT (element));

  same = element != NULL && self->element != NULL &&
         crm_element_get_id (element) == crm_element_get_id (self->element);
  /* The same element reloaded (after a write elsewhere) keeps the edits. */
  g_set_object (&self->element, element);
  if (!same && end_edits (self))
    g_signal_emit (self, signals[CANCELLED], 0);
}

CrmElement *
crm_edit_session_get_element (CrmEditSession *self)
{
  g_return_val_if_fail (CRM_IS_EDIT_SESSION (self), NULL);
  return self->element;
}

/* Pipeline and stage move through the stage bar; the core sets the rest
 * of the column-backed fields itself. */
static gboolean
field_is_editable (CrmEditSession *self,
                   CrmField       *field)
{
  CrmFieldType type = crm_field_get_field_type (field);

  if (self->element == NULL || !crm_element_has_values (self->element))
    return FALSE;
  if (crm_field_get_entity_type_id (field) != crm_element_get_entity_type_id (self->element))
    return FALSE;
  if (crm_field_is_read_only (field) ||
      type == CRM_FIELD_TYPE_PIPELINE || type == CRM_FIELD_TYPE_STAGE)
    return FALSE;
  if (!crm_session_can_see_field (self->session, field))
    return FALSE;
  return crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_WRITE,
                                     crm_field_get_entity_type_id (field));
}

static CrmValueEditor *
find_editor (CrmEditSession *self,
             gint64          field_id,
             guint          *index)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmValueEditor *editor = g_ptr_array_index (self->editors, i);

      if (crm_field_get_id (crm_value_editor_get_field (editor)) == field_id)
        {
          if (index != NULL)
            *index = i;
          return editor;
        }
    }
  return NULL;
}

static void
editor_changed_cb (CrmEditSession *self,
                   CrmValueEditor *editor)
{
  /* The person is correcting it: the red outline has done its job. */
  crm_value_editor_set_invalid (editor, FALSE);
}

/* Saving or cancelling from inside one of the editor's own signals ends
 * the edit, and the pane drops the editor: keep it alive until the
 * signal's emission is over. */
static gboolean
release_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
keep_until_idle (CrmValueEditor *editor)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, release_cb, g_object_ref (editor), g_object_unref);
}

static void
editor_activate_cb (CrmEditSession *self,
                    CrmValueEditor *editor)
{
  g_autoptr(GError) error = NULL;

  keep_until_idle (editor);

  /* Failures are shown by the marked editors and the bar's message, which
   * listens to "editing-changed"; nothing else to do with the error. */
  crm_edit_session_save (self, &error);
}

static void
editor_cancel_cb (CrmEditSession *self,
                  CrmValueEditor *editor)
{
  keep_until_idle (editor);
  crm_edit_session_cancel (self);
}

static CrmValueEditor *
start_edit (CrmEditSession *self,
            CrmField       *field)
{
  CrmValueEditor *editor;

  editor = crm_value_editor_new (self->session, field);
  g_object_ref_sink (editor);
  crm_value_editor_set_values (editor, crm_element_get_values (self->element, field));
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "activate", G_CALLBACK (editor_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "cancel", G_CALLBACK (editor_cancel_cb),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->editors, editor);
  return editor;
}

CrmValueEditor *
crm_edit_session_edit_field (CrmEditSession *self,
                             CrmField       *field)
{
  CrmValueEditor *editor;
  gboolean was_active;

  g_return_val_if_fail (CRM_IS_EDIT_SESSION (self), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  editor = find_editor (self, crm_field_get_id (field), NULL);
  if (editor != NULL)
    return editor;
  if (!field_is_editable (self, field))
    return NULL;

  was_active = crm_edit_session_is_active (self);
  editor = start_edit (self, field);
  g_signal_emit (self, signals[EDITING_CHANGED], 0);
  if (!was_active)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  return editor;
}

CrmValueEditor *
crm_edit_session_get_editor (CrmEditSession *self,
                             gint64          field_id)
{
  g_return_val_if_fail (CRM_IS_EDIT_SESSION (self), NULL);
  return find_editor (self, field_id, NULL);
}

GPtrArray *
crm_edit_session_get_editors (CrmEditSession *self)
{
  g_return_val_if_fail (CRM_IS_EDIT_SESSION (self), NULL);
  return self->editors;
}

gboolean
crm_edit_session_is_active (CrmEditSession *self)
{
  g_return_val_if_fail (CRM_IS_EDIT_SESSION (self), FALSE);
  return self->editors->len > 0;
}

/* Responsible lives in the element's own column. */
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

/* Lists field names the way the core's messages do, so the wording and
 * the translations are shared. */
static void
append_name (GString  *names,
             CrmField *field)
{
  g_string_append_printf (names, "%s%s", names->len ? ", " : "", crm_field_get_label (field));
}

static gboolean
save_draft (CrmEditSession  *self,
            GError         **error)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GPtrArray) bad = g_ptr_array_new ();  /* of CrmValueEditor, unparsable */
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) draft_error = NULL;
  gboolean added = FALSE;
  guint n_editors;

  draft = crm_element_draft_new_for (self->session, self->element);
  n_editors = self->editors->len;
  for (guint i = 0; i < n_editors; i++)
    {
      CrmValueEditor *editor = g_ptr_array_index (self->editors, i);
      g_autoptr(GPtrArray) values = NULL;
      g_autoptr(GError) local_error = NULL;

      values = crm_value_editor_get_values (editor, &local_error);
      crm_value_editor_set_invalid (editor, values == NULL);
      if (values == NULL)
        {
          g_ptr_array_add (bad, editor);
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      draft_set_values (draft, crm_value_editor_get_field (editor), values);
    }

  /* Validate even when some input did not parse, so one message names
   * every field that blocks the save. */
  if (crm_element_draft_validate (draft, &draft_error) && bad->len == 0)
    {
      if (crm_element_draft_save (draft, error) == 0)
        return FALSE;
      end_edits (self);
      g_signal_emit (self, signals[SAVED], 0);
      return TRUE;
    }

  if (draft_error != NULL && draft_error->code == CRM_ERROR_PERMISSION_DENIED)
    {
      g_propagate_error (error, g_steal_pointer (&draft_error));
      return FALSE;
    }

  {
    GPtrArray *invalid = crm_element_draft_get_invalid_fields (draft);
    g_autoptr(GString) bad_names = g_string_new (NULL);
    g_autoptr(GString) missing_names = g_string_new (NULL);
    guint n_bad = 0;

    for (guint i = 0; i < bad->len; i++)
      append_name (bad_names, crm_value_editor_get_field (g_ptr_array_index (bad, i)));

    for (guint i = 0; invalid != NULL && i < invalid->len; i++)
      {
        CrmField *field = g_ptr_array_index (invalid, i);
        CrmValueEditor *editor = find_editor (self, crm_field_get_id (field), NULL);
        gboolean empty;

        if (editor != NULL && g_ptr_array_find (bad, editor, NULL))
          continue;
        empty = crm_element_draft_get_values (draft, field) == NULL;
        if (editor == NULL && field_is_editable (self, field))
          {
            editor = start_edit (self, field);
            added = TRUE;
          }
        if (editor != NULL)
          crm_value_editor_set_invalid (editor, TRUE);
        append_name (empty ? missing_names : bad_names, field);
        if (!empty)
          n_bad++;
      }

    n_bad += bad->len;
    if (n_bad == 1 && missing_names->len == 0 && first_error != NULL)
      /* One value that does not parse: say why, as the core would. */
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, "%s: %s",
                   crm_field_get_label (crm_value_editor_get_field (g_ptr_array_index (bad, 0))),
                   first_error->message);
    else if (n_bad == 1 && missing_names->len == 0 && draft_error != NULL)
      g_propagate_error (error, g_steal_pointer (&draft_error));
    else if (n_bad > 0 && missing_names->len > 0)
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Correct %s and fill in the required fields: %s"),
                   bad_names->str, missing_names->str);
    else if (n_bad > 0)
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("These fields have invalid values: %s"), bad_names->str);
    else if (missing_names->len > 0)
      g_set_error (error, CRM_ERROR, CRM_ERROR_REQUIRED,
                   _("Fill in the required fields: %s"), missing_names->str);
    else if (draft_error != NULL)
      g_propagate_error (error, g_steal_pointer (&draft_error));
    else
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                           _("The changes could not be saved"));
  }

  if (added)
    g_signal_emit (self, signals[EDITING_CHANGED], 0);
  return FALSE;
}

gboolean
crm_edit_session_save (CrmEditSession  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CRM_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->element == NULL || self->editors->len == 0)
    return TRUE;

  /* Hold on: a handler of "saved" may drop the last reference. */
  g_object_ref (self);
  if (!save_draft (self, &local_error))
    {
      g_signal_emit (self, signals[FAILED], 0, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_object_unref (self);
      return FALSE;
    }
  g_object_unref (self);
  return TRUE;
}

void
crm_edit_session_cancel (CrmEditSession *self)
{
  g_return_if_fail (CRM_IS_EDIT_SESSION (self));

  if (end_edits (self))
    g_signal_emit (self, signals[CANCELLED], 0);
}
