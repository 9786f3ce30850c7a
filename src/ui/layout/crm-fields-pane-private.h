/* crm-fields-pane-private.h — what the pane's sections and rows ask of it
 *
 * The sections and rows only say what the person did; the pane makes the
 * core call, reports refusals, and offers Undo. The card reloads the pane
 * on the store's layout change, which rebuilds the sections and rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-edit-session.h"
#include "crm-field-picker.h"
#include "crm-field-row.h"
#include "crm-fields-pane.h"
#include "crm-required-block.h"

G_BEGIN_DECLS

struct _CrmFieldsPane
{
  GtkWidget          parent_instance;

  CrmSession        *session;
  CrmElement        *element;
  CrmLayout         *layout;
  gint64             element_id;
  gboolean           can_edit_layout;
  gboolean           can_manage_fields;
  gboolean           can_write_values;

  CrmEditSession    *edit_session;
  GtkWidget         *edit_bar;
  /* One for all sections, so it outlives the rebuilds its checks cause. */
  CrmFieldPicker    *picker;
  guint              rebuild_id;
  /* The widget to give the focus to after the next rebuild, by name. */
  char              *refocus_name;
  guint              refocus_tick_id;

  /* Section id → its CrmSectionGroup, kept from one card to the next
   * (see crm-fields-pane-fill.c). */
  GHashTable        *groups;
  GtkWidget         *first_gap;
  /* Sections past the first screenful arrive on the frames after the
   * first: a card of 200 fields still shows in a few frames. */
  GListModel        *pending_sections;
  guint              pending_index;
  guint              pending_flags;
  gint64             pending_frame;
  /* The widget the next section goes after. */
  GtkWidget         *pending_after;
  guint              fill_tick_id;
  /* Sections gone from the layout, hidden, to dispose of on later frames. */
  GPtrArray         *dead_sections;

  /* Template widgets */
  GtkMenuButton     *add_section_button;
  GtkEntry          *add_section_entry;
  GtkPopover        *add_section_popover;
  CrmRequiredBlock  *required_block;
  GtkScrolledWindow *scrolled_window;
  GtkBox            *sections_box;
};

/* crm-fields-pane-actions.c: the layout edits, with their toasts. */
gboolean        _crm_fields_pane_add_section      (CrmFieldsPane *self,
                                                   const char    *title,
                                                   GError       **error);

CrmEditSession *_crm_fields_pane_get_edit_session (CrmFieldsPane *self);

/* Moves follow drop semantics: @index counts the rows (or sections) shown
 * now, the moved one included; the item lands before the one at @index. */
void            _crm_fields_pane_move_field       (CrmFieldsPane *self,
                                                   gint64         field_id,
                                                   gint64         section_id,
                                                   guint          index);
/* One place up (-1) or down (+1) within its section. */
void            _crm_fields_pane_move_field_by    (CrmFieldsPane *self,
                                                   gint64         field_id,
                                                   int            delta);
void            _crm_fields_pane_move_section     (CrmFieldsPane *self,
                                                   gint64         section_id,
                                                   guint          index);
void            _crm_fields_pane_move_section_by  (CrmFieldsPane *self,
                                                   gint64         section_id,
                                                   int            delta);
/* Hides the field, with an Undo toast. */
void            _crm_fields_pane_hide_field       (CrmFieldsPane *self,
                                                   gint64         field_id);
/* Deletes the section (already confirmed), with an Undo toast. */
void            _crm_fields_pane_delete_section   (CrmFieldsPane *self,
                                                   gint64         section_id);
gboolean        _crm_fields_pane_rename_section   (CrmFieldsPane *self,
                                                   gint64         section_id,
                                                   const char    *title,
                                                   GError       **error);
/* Opens the Select field popover for @section_id, pointing at @button. */
void            _crm_fields_pane_select_field     (CrmFieldsPane *self,
                                                   gint64         section_id,
                                                   GtkWidget     *button);
void            _crm_fields_pane_create_field     (CrmFieldsPane *self,
                                                   gint64         section_id);
void            _crm_fields_pane_configure_field  (CrmFieldsPane *self,
                                                   gint64         field_id);
/* Gives the focus to the widget called @name once it is laid out (after
 * the rebuild a change causes, if one is coming). */
void            _crm_fields_pane_focus_later      (CrmFieldsPane *self,
                                                   const char    *name);
/* Appends at once the sections still waiting for a frame. */
void            _crm_fields_pane_complete         (CrmFieldsPane *self);
/* Starts editing the field's value in place. */
void            _crm_fields_pane_edit_field       (CrmFieldsPane *self,
                                                   gint64         field_id);


/* crm-fields-pane-fill.c: sections kept, shown and disposed of over frames. */
GtkWidget      *_crm_fields_pane_create_gap       (gboolean       first);
/* Starts showing @sections (NULL: none) with rows for @flags: the groups
 * of sections gone from them go at once; with @wait_hidden, the others
 * hide until their turn comes (see _crm_fields_pane_append_next_section). */
void            _crm_fields_pane_begin_sections   (CrmFieldsPane *self,
                                                   GListModel    *sections,
                                                   CrmFieldRowFlags flags,
                                                   gboolean       wait_hidden);
void            _crm_fields_pane_start_filling    (CrmFieldsPane *self);
void            _crm_fields_pane_stop_filling     (CrmFieldsPane *self);
gboolean        _crm_fields_pane_has_pending      (CrmFieldsPane *self);
int             _crm_fields_pane_append_next_section (CrmFieldsPane *self);
/* Shows the element and layout of the pane: another element from its
 * first screenful on, the same one again (@keep_scroll) all at once. */
void            _crm_fields_pane_rebuild          (CrmFieldsPane *self,
                                                   gboolean       keep_scroll);
/* Takes the focus away from the sections, if it is in them. */
void            _crm_fields_pane_release_focus    (CrmFieldsPane *self);
/* Takes the focus away from @widget, if it is in it: losing its focused
 * widget, GTK would give the focus to the first control of the pane and
 * scroll up to it (_crm_fields_pane_focus_later () puts it back). */
void            _crm_fields_pane_release_focus_in (GtkWidget     *widget);
/* The pane shows every section of its layout now. */
void            _crm_fields_pane_notify_complete  (CrmFieldsPane *self);

/* The widget of the sections called @name (see gtk_widget_set_name ()). */
GtkWidget      *_crm_fields_pane_find             (CrmFieldsPane *self,
                                                   const char    *name);
/* crm-fields-pane-picker.c: after a change, the checks again. */
void            _crm_fields_pane_update_picker    (CrmFieldsPane *self);
void            _crm_fields_pane_present_picker   (CrmFieldsPane *self);

G_END_DECLS
