/* crm-fields-pane-actions.c — the layout edits the fields pane makes
 *
 * Every edit is one core call, saved at once; the card reloads the pane on
 * the store's layout change. Refusals become toasts. Hiding a field and
 * deleting a section offer Undo in their toast, which puts back what was
 * there; the toast keeps what it needs, as the pane may be gone by then.
 *
 * Positions: the pane shows only the fields this user may see, the core
 * places every field; so the pane never counts, it names the field a
 * moved one lands before (crm_layout_place_field_before ()), and its Undo
 * keeps what the core knew of the section, fields hidden from this user
 * included, to put them back in their places too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-field-dialog.h"
#include "crm-fields-pane-private.h"

typedef struct
{
  CrmSession *session;
  GWeakRef    overlay;
  gint64      layout_id;
  gint64      section_id;
  gint64      field_id;
  gint64      before_id;
  guint       position;
  char       *title;
  GArray     *field_ids;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->session);
  g_weak_ref_clear (&undo->overlay);
  g_free (undo->title);
  g_clear_pointer (&undo->field_ids, g_array_unref);
  g_free (undo);
}

static AdwToastOverlay *
get_overlay (CrmFieldsPane *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

static void
show_toast (AdwToastOverlay *overlay,
            AdwToast        *toast)
{
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (AdwToastOverlay *overlay,
            GError          *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);

  if (overlay == NULL)
    g_message ("%s", error->message);
  show_toast (overlay, adw_toast_new (title));
}

static Undo *
undo_new (CrmFieldsPane *self)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->session = g_object_ref (self->session);
  g_weak_ref_init (&undo->overlay, get_overlay (self));
  undo->layout_id = crm_layout_get_id (self->layout);

  return undo;
}

/* "<title>" with an Undo button running @undo_cb on @undo. */
static void
show_undo_toast (CrmFieldsPane *self,
                 const char    *title,
                 Undo          *undo,
                 GCallback      undo_cb)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", undo_cb, undo, (GClosureNotify) (void (*) (void)) undo_free, 0);
  show_toast (get_overlay (self), toast);
}

static CrmLayoutSection *
find_section (CrmFieldsPane *self,
              gint64         section_id,
              guint         *index)
{
  GListModel *sections;

  if (self->layout == NULL)
    return NULL;

  sections = crm_layout_get_sections (self->layout);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);

      if (crm_layout_section_get_id (section) == section_id)
        {
          if (index != NULL)
            *index = i;
          return section;
        }
    }

  return NULL;
}

/* The section showing @field_id and the field's place in it. */
static CrmLayoutSection *
find_field (CrmFieldsPane  *self,
            gint64          field_id,
            guint          *index,
            CrmField      **field)
{
  GListModel *sections;

  if (self->layout == NULL)
    return NULL;

  sections = crm_layout_get_sections (self->layout);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) item = g_list_model_get_item (fields, j);

          if (crm_field_get_id (item) == field_id)
            {
              *index = j;
              if (field != NULL)
                *field = item;
              return section;
            }
        }
    }

  return NULL;
}

static void
set_refocus (CrmFieldsPane *self,
             const char    *prefix,
             const char    *code,
             gint64         id)
{
  g_autofree char *name = NULL;

  if (code != NULL)
    {
      name = g_strdup_printf ("%s-%s", prefix, code);
      g_strdelimit (name, "_", '-');
    }
  else
    name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);

  _crm_fields_pane_focus_later (self, name);
}

static GtkWindow *
get_window (CrmFieldsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- Undo ---------------------------------------------------------------- */

static void
undo_hide_cb (AdwToast *toast,
              Undo     *undo)
{
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&undo->overlay);
  g_autoptr(GError) error = NULL;

  /* The field it sat before may have moved meanwhile: the end will do. */
  if (!crm_layout_place_field_before (undo->session, undo->section_id, undo->field_id, undo->before_id, &error) &&
      g_error_matches (error, CRM_ERROR, CRM_ERROR_CONFLICT))
    {
      g_clear_error (&error);
      crm_layout_place_field_before (undo->session, undo->section_id, undo->field_id, 0, &error);
    }
  if (error != NULL)
    show_error (overlay, error);
}

static void
undo_delete_cb (AdwToast *toast,
                Undo     *undo)
{
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&undo->overlay);
  g_autoptr(GError) error = NULL;

  if (crm_layout_restore_section (undo->session, undo->layout_id, undo->position, undo->title,
                                  (const gint64 *) undo->field_ids->data, undo->field_ids->len,
                                  &error) == 0)
    show_error (overlay, error);
}

/* ---- Private API --------------------------------------------------------- */

void
_crm_fields_pane_move_field (CrmFieldsPane *self,
                             gint64         field_id,
                             gint64         section_id,
                             guint          index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmField) before = NULL;
  CrmLayoutSection *from;
  CrmLayoutSection *to;
  guint from_index = 0;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  from = find_field (self, field_id, &from_index, NULL);
  to = find_section (self, section_id, NULL);
  if (from == NULL || to == NULL)
    return;

  /* Dropped on itself, or just below itself: nothing moves. */
  if (crm_layout_section_get_id (from) == section_id && (index == from_index || index == from_index + 1))
    return;

  /* The row shown at @index, or none past the last: the end. */
  before = g_list_model_get_item (crm_layout_section_get_fields (to), index);
  if (!crm_layout_place_field_before (self->session, section_id, field_id,
                                      before != NULL ? crm_field_get_id (before) : 0, &error))
    show_error (get_overlay (self), error);
}

void
_crm_fields_pane_move_field_by (CrmFieldsPane *self,
                                gint64         field_id,
                                int            delta)
{
  CrmLayoutSection *section;
  CrmField *field = NULL;
  guint index = 0;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  section = find_field (self, field_id, &index, &field);
  if (section == NULL || (delta < 0 && index == 0))
    return;

  /* The menu stays usable from the keyboard: the focus follows the row. */
  set_refocus (self, "field-menu", crm_field_get_code (field), 0);
  _crm_fields_pane_move_field (self, field_id, crm_layout_section_get_id (section),
                               delta < 0 ? index - 1 : index + 2);
}

void
_crm_fields_pane_move_section (CrmFieldsPane *self,
                               gint64         section_id,
                               guint          index)
{
  g_autoptr(GError) error = NULL;
  guint from_index = 0;
  guint position = index;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (find_section (self, section_id, &from_index) == NULL)
    return;

  if (index == from_index || index == from_index + 1)
    return;
  if (index > from_index)
    position = index - 1;

  if (!crm_layout_move_section (self->session, section_id, position, &error))
    show_error (get_overlay (self), error);
}

void
_crm_fields_pane_move_section_by (CrmFieldsPane *self,
                                  gint64         section_id,
                                  int            delta)
{
  guint index = 0;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (find_section (self, section_id, &index) == NULL || (delta < 0 && index == 0))
    return;

  set_refocus (self, "section-handle", NULL, section_id);
  _crm_fields_pane_move_section (self, section_id, delta < 0 ? index - 1 : index + 2);
}

void
_crm_fields_pane_hide_field (CrmFieldsPane *self,
                             gint64         field_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmField) field = NULL;
  g_autofree char *title = NULL;
  CrmLayoutSection *section;
  CrmField *shown = NULL;
  guint index = 0;
  Undo *undo;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  section = find_field (self, field_id, &index, &shown);
  if (section == NULL)
    return;
  /* The layout goes with the rebuild the hiding causes. */
  field = g_object_ref (shown);

  undo = undo_new (self);
  undo->section_id = crm_layout_section_get_id (section);
  undo->field_id = field_id;
  undo->before_id = crm_layout_section_get_next_placed (section, field_id);

  if (!crm_layout_hide_field (self->session, crm_layout_get_id (self->layout), field_id, &error))
    {
      undo_free (undo);
      show_error (get_overlay (self), error);
      return;
    }

  /* Translators: a toast; %s is a field's name */
  title = g_strdup_printf (_("“%s” hidden"), crm_field_get_label (field));
  show_undo_toast (self, title, undo, G_CALLBACK (undo_hide_cb));
}

void
_crm_fields_pane_delete_section (CrmFieldsPane *self,
                                 gint64         section_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CrmLayoutSection *section;
  guint index = 0;
  Undo *undo;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  section = find_section (self, section_id, &index);
  if (section == NULL)
    return;

  undo = undo_new (self);
  undo->position = index;
  undo->title = g_strdup (crm_layout_section_get_title (section));
  undo->field_ids = g_array_copy (crm_layout_section_get_placed_ids (section));

  if (!crm_layout_delete_section (self->session, section_id, &error))
    {
      undo_free (undo);
      show_error (get_overlay (self), error);
      return;
    }

  /* Translators: a toast; %s is a section's name */
  title = g_strdup_printf (_("Section “%s” deleted"), undo->title);
  show_undo_toast (self, title, undo, G_CALLBACK (undo_delete_cb));
}

gboolean
_crm_fields_pane_rename_section (CrmFieldsPane  *self,
                                 gint64          section_id,
                                 const char     *title,
                                 GError        **error)
{
  g_return_val_if_fail (CRM_IS_FIELDS_PANE (self), FALSE);

  if (self->session == NULL)
    return FALSE;

  return crm_layout_rename_section (self->session, section_id, title, error);
}

gboolean
_crm_fields_pane_add_section (CrmFieldsPane  *self,
                              const char     *title,
                              GError        **error)
{
  gint64 section_id;

  g_return_val_if_fail (CRM_IS_FIELDS_PANE (self), FALSE);

  if (self->session == NULL || self->layout == NULL)
    return FALSE;

  section_id = crm_layout_add_section (self->session, crm_layout_get_id (self->layout), title, error);
  if (section_id == 0)
    return FALSE;

  /* Ready for its first field. */
  set_refocus (self, "select-field", NULL, section_id);

  return TRUE;
}

void
_crm_fields_pane_create_field (CrmFieldsPane *self,
                               gint64         section_id)
{
  CrmFieldDialog *dialog;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (self->layout == NULL || !self->can_manage_fields)
    return;

  dialog = crm_field_dialog_new_create (get_window (self), self->session,
                                        crm_layout_get_entity_type_id (self->layout), section_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_crm_fields_pane_configure_field (CrmFieldsPane *self,
                                  gint64         field_id)
{
  CrmFieldDialog *dialog;
  CrmField *field;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (self->session == NULL || !self->can_manage_fields)
    return;

  field = crm_catalog_get_field (crm_store_get_catalog (crm_session_get_store (self->session)), field_id);
  if (field == NULL)
    return;

  dialog = crm_field_dialog_new_configure (get_window (self), self->session, field);
  gtk_window_present (GTK_WINDOW (dialog));
}
