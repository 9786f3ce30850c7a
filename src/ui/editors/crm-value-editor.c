/* crm-value-editor.c — edits the values of one field in place
 *
 * Picks the input that fits the field (crm-value-input.h) and adds what
 * every editor shares: Escape cancels, the "error" style marks it as
 * blocking a save, and one "changed" / "activate" for the whole field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-list-editor.h"
#include "crm-multi-value-editor.h"
#include "crm-value-editor.h"
#include "crm-value-input.h"

struct _CrmValueEditor
{
  GtkWidget      parent_instance;

  CrmSession    *session;
  CrmField      *field;
  CrmValueInput *input;
  gboolean       invalid;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (CrmValueEditor, crm_value_editor, GTK_TYPE_WIDGET)

enum { CHANGED, ACTIVATE, CANCEL, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
input_changed_cb (CrmValueEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
input_activate_cb (CrmValueEditor *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static gboolean
key_pressed_cb (CrmValueEditor  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      g_signal_emit (self, signals[CANCEL], 0);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* The first entry, switch or button inside, not those in popovers. */
static gboolean
focus_first (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) || !gtk_widget_get_visible (child) ||
          !gtk_widget_is_sensitive (child))
        continue;
      if (gtk_widget_grab_focus (child) || focus_first (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
crm_value_editor_grab_focus (GtkWidget *widget)
{
  return focus_first (widget);
}

static void
crm_value_editor_dispose (GObject *object)
{
  CrmValueEditor *self = CRM_VALUE_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->input = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_value_editor_parent_class)->dispose (object);
}

static void
crm_value_editor_class_init (CrmValueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_value_editor_dispose;
  widget_class->grab_focus = crm_value_editor_grab_focus;

  gtk_widget_class_set_css_name (widget_class, "crm-value-editor");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crm_value_editor_init (CrmValueEditor *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static GtkWidget *
new_input (CrmSession *session,
           CrmField   *field)
{
  CrmFieldType type = crm_field_get_field_type (field);

  /* Kinds need the rows, even for a single phone: the row holds the kind. */
  if (crm_field_type_has_kind (type))
    return crm_multi_value_editor_new (session, field);
  if (!crm_field_is_multiple (field))
    return crm_value_input_new_single (session, field);
  if (type == CRM_FIELD_TYPE_LIST)
    return crm_list_editor_new (field, TRUE);
  return crm_multi_value_editor_new (session, field);
}

CrmValueEditor *
crm_value_editor_new (CrmSession *session,
                      CrmField   *field)
{
  CrmValueEditor *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_VALUE_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->field = g_object_ref (field);
  self->input = CRM_VALUE_INPUT (new_input (session, field));
  gtk_widget_set_parent (GTK_WIDGET (self->input), GTK_WIDGET (self));
  g_signal_connect_swapped (self->input, "changed", G_CALLBACK (input_changed_cb), self);
  g_signal_connect_swapped (self->input, "activate", G_CALLBACK (input_activate_cb), self);
  return self;
}

CrmField *
crm_value_editor_get_field (CrmValueEditor *self)
{
  g_return_val_if_fail (CRM_IS_VALUE_EDITOR (self), NULL);
  return self->field;
}

void
crm_value_editor_set_values (CrmValueEditor *self,
                             GPtrArray      *values)
{
  g_return_if_fail (CRM_IS_VALUE_EDITOR (self));

  self->loading = TRUE;
  crm_value_input_set_values (self->input, values);
  self->loading = FALSE;
}

GPtrArray *
crm_value_editor_get_values (CrmValueEditor  *self,
                             GError         **error)
{
  g_return_val_if_fail (CRM_IS_VALUE_EDITOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return crm_value_input_get_values (self->input, error);
}

static gboolean
has_entry (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return FALSE;
  if (GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_entry (child))
      return TRUE;
  return FALSE;
}

/* The widgets a person types into, or, in editors without any (a list, a
 * link), those they pick with; never those in popovers. A currency or a
 * kind beside an entry stays as it is: the text is what is wrong. */
static void
mark_invalid (GtkWidget *widget,
              gboolean   typed,
              gboolean   invalid)
{
  gboolean mark;

  if (GTK_IS_POPOVER (widget))
    return;

  if (typed)
    mark = GTK_IS_ENTRY (widget) || GTK_IS_FRAME (widget);
  else
    mark = GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
           GTK_IS_CHECK_BUTTON (widget) ||
           g_strcmp0 (gtk_widget_get_name (widget), "choose-file-button") == 0;
  if (mark)
    {
      if (invalid)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mark_invalid (child, typed, invalid);
}

void
crm_value_editor_set_invalid (CrmValueEditor *self,
                              gboolean        invalid)
{
  g_return_if_fail (CRM_IS_VALUE_EDITOR (self));

  invalid = !!invalid;
  if (self->invalid == invalid)
    return;
  self->invalid = invalid;
  mark_invalid (GTK_WIDGET (self), has_entry (GTK_WIDGET (self)), invalid);
  /* Not "error" on the editor itself: its red would spill into every
   * label inside, the currency and the kind too. */
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self), "crm-invalid");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "crm-invalid");
}

gboolean
crm_value_editor_get_invalid (CrmValueEditor *self)
{
  g_return_val_if_fail (CRM_IS_VALUE_EDITOR (self), FALSE);
  return self->invalid;
}
