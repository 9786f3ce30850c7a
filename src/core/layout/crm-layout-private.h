/* crm-layout-private.h — what the layout files share, and the layout
 * steps other core files run inside their own transactions
 *
 * crm-layout.c resolves and loads a layout, crm-layout-section.c is the
 * section object it fills, crm-layout-standard.c writes a card kind's
 * first standard layout, crm-layout-tabs.c names the tabs;
 * crm-layout-edit.c shapes sections and tabs, crm-layout-place.c places
 * and hides fields, crm-layout-required.c finds the required fields a
 * layout leaves out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-layout.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* ---- Reading (crm-layout-section.c, crm-layout-standard.c) -------------- */

CrmLayoutSection *_crm_layout_section_new       (gint64            id,
                                                 const char       *code,
                                                 const char       *title);
/* Appends a placed field; @field, when the session may see it, to the
 * fields too. */
void              _crm_layout_section_add_field (CrmLayoutSection *self,
                                                 gint64            field_id,
                                                 CrmField         *field);
/* Writes the standard layout of a card kind from the built-in default in
 * one transaction; returns its id, or 0 with an error. */
gint64            _crm_layout_create_standard   (CrmStore         *store,
                                                 gint64            entity_type_id,
                                                 gint64            pipeline_id,
                                                 gint64            lead_kind_id,
                                                 GError          **error);

/* ---- Editing (crm-layout-edit.c, crm-layout-place.c) -------------------- */

typedef struct
{
  gint64 id;
  gint64 entity_type_id;
} CrmLayoutRef;

/* Finds the layout (or the section's layout) and refuses users who may
 * not change it. */
gboolean _crm_layout_check_layout  (CrmSession    *session,
                                    gint64         layout_id,
                                    CrmLayoutRef  *ref,
                                    GError       **error);
gboolean _crm_layout_check_section (CrmSession    *session,
                                    gint64         section_id,
                                    gint64        *layout_id,
                                    gint64        *entity_type_id,
                                    GError       **error);
/* Ids from a one-column query with one integer parameter, in order. */
GArray  *_crm_layout_query_ids     (CrmStore      *store,
                                    const char    *sql,
                                    gint64         param,
                                    GError       **error);
/* Writes sort = index for @ids with @sql ("UPDATE … SET sort = ?2 WHERE
 * … = ?1", optionally "… AND … = ?3" with @extra). */
gboolean _crm_layout_renumber      (CrmStore      *store,
                                    const char    *sql,
                                    GArray        *ids,
                                    gint64         extra,
                                    GError       **error);
/* Moves @id to @position of @ids (appended when it is not there). */
void     _crm_layout_move_in_array (GArray        *ids,
                                    gint64         id,
                                    guint          position);
/* Appends an empty section; returns its id or 0. */
gint64   _crm_layout_insert_section (CrmStore     *store,
                                     gint64        layout_id,
                                     const char   *title,
                                     GError      **error);
gboolean _crm_layout_move_section_to (CrmStore    *store,
                                      gint64       layout_id,
                                      gint64       section_id,
                                      guint        position,
                                      GError     **error);
/* Stamps the layout and notes CRM_CHANGE_LAYOUT. */
gboolean _crm_layout_touch         (CrmStore      *store,
                                    CrmLayoutRef  *ref,
                                    GError       **error);
/* Ends an edit begun with _crm_store_begin (): when @ok, touches the
 * layout and commits; otherwise (or when that fails) rolls back. */
gboolean _crm_layout_finish        (CrmStore      *store,
                                    CrmLayoutRef  *ref,
                                    gboolean       ok,
                                    GError       **error);

/* Places (or moves) a field, and notes the layout change. */
gboolean _crm_layout_place         (CrmStore      *store,
                                    gint64         layout_id,
                                    gint64         entity_type_id,
                                    gint64         section_id,
                                    gint64         field_id,
                                    guint          position,
                                    GError       **error);

G_END_DECLS
