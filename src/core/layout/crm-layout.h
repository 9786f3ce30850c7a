/* crm-layout.h — the sections, fields and tabs of a card
 *
 * A layout belongs to a card kind (entity type, and for deals the pipeline,
 * for leads the lead kind) and a scope: the standard layout everyone sees,
 * a user's personal layout, or a named view assigned to users and
 * departments. crm_layout_resolve() picks the one a user sees (DESIGN.md §1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-element.h"
#include "crm-field.h"
#include "crm-session.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_LAYOUT_STANDARD,
  CRM_LAYOUT_PERSONAL,
  CRM_LAYOUT_VIEW,
} CrmLayoutScope;

/* The card's tabs, in their default order. */
typedef enum
{
  CRM_TAB_GENERAL,
  CRM_TAB_PRODUCTS,
  CRM_TAB_DEPENDENCIES,
  CRM_TAB_HISTORY,
  CRM_TAB_DOCUMENTS,
  CRM_TAB_LAST
} CrmTab;

const char *crm_tab_to_code   (CrmTab      tab);
gboolean    crm_tab_from_code (const char *code,
                               CrmTab     *tab);
const char *crm_tab_get_label (CrmTab      tab);

/* ---- Sections ------------------------------------------------------------ */

#define CRM_TYPE_LAYOUT_SECTION (crm_layout_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmLayoutSection, crm_layout_section, CRM, LAYOUT_SECTION, GObject)

gint64      crm_layout_section_get_id          (CrmLayoutSection *self);
const char *crm_layout_section_get_code        (CrmLayoutSection *self);
const char *crm_layout_section_get_title       (CrmLayoutSection *self);
/* Of CrmField, in order, only those the session may see. */
GListModel *crm_layout_section_get_fields      (CrmLayoutSection *self);
/* The ids (gint64) of every field placed in the section, in order, those
 * the session may not see included: what it takes to put the section
 * back as it was (crm_layout_restore_section ()). */
GArray     *crm_layout_section_get_placed_ids  (CrmLayoutSection *self);
/* The id of the field placed right after @field_id, seen or not; 0 when
 * it is the last or not here. */
gint64      crm_layout_section_get_next_placed (CrmLayoutSection *self,
                                                gint64            field_id);

/* ---- Layouts ------------------------------------------------------------- */

#define CRM_TYPE_LAYOUT (crm_layout_get_type ())

G_DECLARE_FINAL_TYPE (CrmLayout, crm_layout, CRM, LAYOUT, GObject)

/* The layout @session's user sees for a card of this kind; pipeline_id and
 * lead_kind_id are 0 where they do not apply. Creates the standard layout
 * of a card kind from the type's default on first use. */
CrmLayout      *crm_layout_resolve            (CrmSession *session,
                                               gint64      entity_type_id,
                                               gint64      pipeline_id,
                                               gint64      lead_kind_id,
                                               GError    **error);
gint64          crm_layout_get_id             (CrmLayout  *self);
gint64          crm_layout_get_entity_type_id (CrmLayout  *self);
gint64          crm_layout_get_pipeline_id    (CrmLayout  *self);
gint64          crm_layout_get_lead_kind_id   (CrmLayout  *self);
CrmLayoutScope  crm_layout_get_scope          (CrmLayout  *self);
/* The view's name, NULL for other scopes. */
const char     *crm_layout_get_name           (CrmLayout  *self);
/* Of CrmLayoutSection, in order. */
GListModel     *crm_layout_get_sections       (CrmLayout  *self);
/* Fields of the type placed in no section (and that the session may see). */
GListModel     *crm_layout_get_hidden_fields  (CrmLayout  *self);
/* The visible tabs in order (CrmTab values). */
GArray         *crm_layout_get_tabs           (CrmLayout  *self);
gboolean        crm_layout_is_tab_hidden      (CrmLayout  *self,
                                               CrmTab      tab);

/* The fields @element must have filled at @stage_id (0: the stage it is
 * at) that are still empty and that @self shows @session's user nowhere
 * (placed in no section): a save stays refused for their lack, and the
 * card has no row to fill them in. Fields the user may not see are never
 * asked of them; fields the core or the stage bar sets are left out. Of
 * CrmField, in the type's order; NULL with an error when @stage_id or
 * @self is not of the element's kind. */
GPtrArray      *crm_layout_get_required_unshown (CrmLayout  *self,
                                                 CrmSession *session,
                                                 CrmElement *element,
                                                 gint64      stage_id,
                                                 GError    **error);

G_END_DECLS

G_BEGIN_DECLS

/* ---- Editing (DESIGN.md §3: sections and fields shaped by mouse) ---------
 *
 * Every call writes one transaction and notes CRM_CHANGE_LAYOUT, or writes
 * nothing. The standard layout and views need
 * CRM_PERMISSION_LAYOUT_EDIT_STANDARD; a personal layout, its owner with
 * CRM_PERMISSION_LAYOUT_PERSONAL. Positions count from 0; a position past
 * the end appends.
 */

/* Returns the new section's id, appended after the others. */
gint64   crm_layout_add_section     (CrmSession    *session,
                                     gint64         layout_id,
                                     const char    *title,
                                     GError       **error);
gboolean crm_layout_rename_section  (CrmSession    *session,
                                     gint64         section_id,
                                     const char    *title,
                                     GError       **error);
gboolean crm_layout_move_section    (CrmSession    *session,
                                     gint64         section_id,
                                     guint          position,
                                     GError       **error);
/* The section's fields are not deleted: they become hidden. */
gboolean crm_layout_delete_section  (CrmSession    *session,
                                     gint64         section_id,
                                     GError       **error);
/* Undoes a delete: a section at @position holding @field_ids in order
 * (pass crm_layout_section_get_placed_ids (), so fields the user cannot
 * see come back too). Fields shown elsewhere since stay there; fields
 * deleted since are left out. Returns the new section's id. */
gint64   crm_layout_restore_section (CrmSession    *session,
                                     gint64         layout_id,
                                     guint          position,
                                     const char    *title,
                                     const gint64  *field_ids,
                                     guint          n_fields,
                                     GError       **error);
/* Places a field at @position of a section; a field already shown in the
 * layout moves there (within its section or across). */
gboolean crm_layout_place_field     (CrmSession    *session,
                                     gint64         section_id,
                                     gint64         field_id,
                                     guint          position,
                                     GError       **error);
/* Places a field right before @before_field_id (0: at the end) of a
 * section, moving it when it is shown elsewhere. The way for those who
 * count the rows they see: fields hidden from them keep their places. A
 * @before_field_id not in that section is a CRM_ERROR_CONFLICT. */
gboolean crm_layout_place_field_before (CrmSession *session,
                                        gint64      section_id,
                                        gint64      field_id,
                                        gint64      before_field_id,
                                        GError    **error);
gboolean crm_layout_hide_field      (CrmSession    *session,
                                     gint64         layout_id,
                                     gint64         field_id,
                                     GError       **error);
/* The order of the card's tabs and which are hidden (General cannot be). */
gboolean crm_layout_set_tabs        (CrmSession    *session,
                                     gint64         layout_id,
                                     const CrmTab  *order,
                                     guint          n_tabs,
                                     guint          hidden_mask,
                                     GError       **error);

G_END_DECLS
