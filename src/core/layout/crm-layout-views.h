/* crm-layout-views.h — who sees which card layout: the standard one, one's
 * own, named views; Preview as; export, import, Undo and Redo
 *
 * What a card shows a user (crm_layout_resolve ()): the standard layout
 * when it is forced on all users; else the view they picked among those
 * they may use; else the first view assigned to them or to one of their
 * departments or the departments above it (a view for Vendas reaches
 * Vendas Sul); else their own layout if they chose it and may have one;
 * else the standard layout.
 *
 * The calls taking a CrmLayout act on the card kind of that layout, the
 * one a card showed its user. Every write is one transaction that notes
 * CRM_CHANGE_LAYOUT, or changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-layout.h"

G_BEGIN_DECLS

/* ---- The standard layout and one's own (crm-layout-scope.c) -------------- */

/* Back to the standard layout (for this card kind's type), leaving any view
 * picked for the kind. Views assigned to the user still come first. */
gboolean crm_layout_use_standard      (CrmSession  *session,
                                       CrmLayout   *in_use,
                                       GError     **error);
/* Needs CRM_PERMISSION_LAYOUT_PERSONAL. The first time, the user's own
 * layout starts as a copy of @in_use. */
gboolean crm_layout_use_personal      (CrmSession  *session,
                                       CrmLayout   *in_use,
                                       GError     **error);
/* Drops the user's own layout of this card kind: the standard one shows
 * again. NOT_FOUND when they have none. */
gboolean crm_layout_reset_personal    (CrmSession  *session,
                                       CrmLayout   *in_use,
                                       GError     **error);
/* Needs CRM_PERMISSION_LAYOUT_EDIT_STANDARD. @forced: the standard layout
 * becomes a copy of @in_use (when it is another) and every user sees it,
 * views and own layouts set aside (kept, for when it is no longer
 * forced). !@forced: each sees their own choice again. */
gboolean crm_layout_set_forced        (CrmSession  *session,
                                       CrmLayout   *in_use,
                                       gboolean     forced,
                                       GError     **error);
/* Is the standard layout of @self's kind forced on all users? */
gboolean crm_layout_is_forced         (CrmLayout   *self);
/* Does the user it was resolved for have their own layout of this kind? */
gboolean crm_layout_has_personal      (CrmLayout   *self);
/* Is a view assigned to that user (or a department of theirs), so that
 * neither the standard layout nor their own applies to them? */
gboolean crm_layout_is_view_assigned  (CrmLayout   *self);
/* May @session shape @self (its sections, fields and tabs)? */
gboolean crm_layout_may_edit          (CrmSession  *session,
                                       CrmLayout   *self);

/* ---- Views (crm-layout-views.c) ------------------------------------------ */

typedef struct
{
  gint64  id;
  char   *name;
  GArray *users;        /* of gint64 */
  GArray *departments;  /* of gint64 */
} CrmLayoutViewInfo;

void crm_layout_view_info_free (CrmLayoutViewInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmLayoutViewInfo, crm_layout_view_info_free)

/* Needs CRM_PERMISSION_VIEWS_MANAGE. A view of @in_use's kind, starting
 * as a copy of it, assigned to @users and @departments (of gint64; may be
 * NULL or empty); the creator's card shows it at once, to shape it.
 * Returns its id, or 0 with an error. */
gint64     crm_layout_view_create (CrmSession  *session,
                                   CrmLayout   *in_use,
                                   const char  *name,
                                   GArray      *users,
                                   GArray      *departments,
                                   GError     **error);
/* Renames and assigns again (CRM_PERMISSION_VIEWS_MANAGE). */
gboolean   crm_layout_view_update (CrmSession  *session,
                                   gint64       view_id,
                                   const char  *name,
                                   GArray      *users,
                                   GArray      *departments,
                                   GError     **error);
/* Its users see what the order above gives them next. */
gboolean   crm_layout_view_delete (CrmSession  *session,
                                   gint64       view_id,
                                   GError     **error);
/* Of CrmLayoutViewInfo, by name: the views of @in_use's kind the user may
 * use — those assigned to them or their departments, every one for those
 * who manage views. */
GPtrArray *crm_layout_list_views  (CrmSession  *session,
                                   CrmLayout   *in_use,
                                   GError     **error);
/* Makes @view_id the one the user's cards of its kind show; refused for a
 * view they may not use. */
gboolean   crm_layout_use_view    (CrmSession  *session,
                                   gint64       view_id,
                                   GError     **error);

/* ---- Preview as (crm-layout-views.c) -------------------------------------
 *
 * The layout @user_id (or, with @user_id 0, a member of @department_id
 * with no view, choice or roles of their own) sees for a card kind, with
 * the fields they may see, among those @session may see: nothing of what
 * the preview shows is hidden from the one previewing. Read only. Needs
 * CRM_PERMISSION_VIEWS_MANAGE or CRM_PERMISSION_LAYOUT_EDIT_STANDARD on the
 * type: those who shape what others see.
 */
CrmLayout *crm_layout_preview     (CrmSession  *session,
                                   gint64       entity_type_id,
                                   gint64       pipeline_id,
                                   gint64       lead_kind_id,
                                   gint64       user_id,
                                   gint64       department_id,
                                   GError     **error);

/* ---- Documents and history (crm-layout-history.c) ------------------------ */

/* The layout as JSON: its sections with their fields' codes, its tabs.
 * Needs CRM_PERMISSION_ELEMENT_READ on the type; a personal layout only
 * its owner. */
char      *crm_layout_export      (CrmSession  *session,
                                   gint64       layout_id,
                                   GError     **error);
/* Replaces the layout with a document crm_layout_export () wrote, as an
 * edit (same permissions, undoable). A document of another type, an
 * unknown field code or tab is refused (VALIDATION) and nothing written. */
gboolean   crm_layout_import      (CrmSession  *session,
                                   gint64       layout_id,
                                   const char  *json,
                                   gssize       length,
                                   GError     **error);
/* Every edit of a layout (crm-layout.h, import) can be undone, the last
 * first, and redone until the next edit; for as long as the store is open. */
gboolean   crm_layout_can_undo    (CrmSession  *session,
                                   gint64       layout_id);
gboolean   crm_layout_can_redo    (CrmSession  *session,
                                   gint64       layout_id);
gboolean   crm_layout_undo        (CrmSession  *session,
                                   gint64       layout_id,
                                   GError     **error);
gboolean   crm_layout_redo        (CrmSession  *session,
                                   gint64       layout_id,
                                   GError     **error);

G_END_DECLS
