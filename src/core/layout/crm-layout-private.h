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

/* ---- Documents (crm-layout-doc.c) ----------------------------------------- */

typedef struct
{
  char    *code;            /* built-in sections' stable code, or NULL */
  char    *title;
  gboolean title_is_msgid;  /* a built-in title, read in each language */
  GArray  *field_ids;       /* of gint64, in order */
} CrmLayoutDocSection;

typedef struct
{
  CrmTab   tab;
  gboolean hidden;
} CrmLayoutDocTab;

/* A layout whole: its sections with every field they place (those a
 * reader may not see included) and its stored tab settings. */
typedef struct
{
  GPtrArray *sections;  /* of CrmLayoutDocSection */
  GArray    *tabs;      /* of CrmLayoutDocTab, in order */
} CrmLayoutDoc;

CrmLayoutDoc *_crm_layout_doc_new       (void);
void          _crm_layout_doc_free      (CrmLayoutDoc        *doc);
gboolean      _crm_layout_doc_equal     (const CrmLayoutDoc  *a,
                                         const CrmLayoutDoc  *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmLayoutDoc, _crm_layout_doc_free)

CrmLayoutDoc *_crm_layout_doc_read      (CrmStore            *store,
                                         gint64               layout_id,
                                         GError             **error);
/* Inside a transaction: the layout becomes @doc (fields deleted since
 * left out). */
gboolean      _crm_layout_doc_write     (CrmStore            *store,
                                         gint64               layout_id,
                                         const CrmLayoutDoc  *doc,
                                         GError             **error);
/* Inside a transaction: @to_id becomes a copy of @from_id. */
gboolean      _crm_layout_copy          (CrmStore            *store,
                                         gint64               from_id,
                                         gint64               to_id,
                                         GError             **error);
char         *_crm_layout_doc_to_json   (CrmCatalog          *catalog,
                                         gint64               entity_type_id,
                                         const CrmLayoutDoc  *doc);
/* Refuses (VALIDATION) a document of another type, a field the type
 * lacks, a field placed twice, an unknown or repeated tab. */
CrmLayoutDoc *_crm_layout_doc_from_json (CrmCatalog          *catalog,
                                         gint64               entity_type_id,
                                         const char          *json,
                                         gssize               length,
                                         GError             **error);

/* ---- Editing (crm-layout-edit.c, crm-layout-place.c) -------------------- */

typedef struct
{
  gint64        id;
  gint64        entity_type_id;
  /* What the layout was before the edit, for Undo (_crm_layout_begin). */
  CrmLayoutDoc *before;
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
/* Begins an edit of @ref's layout that Undo can take back
 * (crm-layout-history.c): a transaction, and the layout as it was. */
gboolean _crm_layout_begin         (CrmStore      *store,
                                    CrmLayoutRef  *ref,
                                    GError       **error);
/* Ends an edit begun with _crm_store_begin () or _crm_layout_begin ():
 * when @ok, touches the layout and commits (and keeps what it was for
 * Undo); otherwise (or when that fails) rolls back. */
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

/* The history keeps what was before; a redo is no longer possible. */
void     _crm_layout_history_push  (CrmStore      *store,
                                    gint64         layout_id,
                                    CrmLayoutDoc  *before);

/* ---- Resolution (crm-layout.c, crm-layout-views.c) ----------------------- */

/* Whom a layout is resolved for: the session's user, or for Preview as
 * another user or a department. */
typedef struct
{
  gint64      user_id;          /* 0: a department */
  gint64      department_id;    /* with user_id 0 */
  gboolean    may_personal;
  gboolean    manages_views;
  CrmSession *subject;          /* the user's session, or NULL */
  CrmSession *reader;           /* sees no more than this session */
} CrmLayoutAudience;

/* The view @audience sees for this card kind: the one the user picked
 * (when they may still use it), else the first assigned to them or to a
 * department of theirs or above it; 0 for none, -1 with an error. */
gint64   _crm_layout_find_view     (CrmStore              *store,
                                    gint64                 entity_type_id,
                                    gint64                 pipeline_id,
                                    gint64                 lead_kind_id,
                                    const CrmLayoutAudience *audience,
                                    GError               **error);
/* Is a view of the kind assigned to the audience? */
gboolean _crm_layout_has_assigned_view (CrmStore              *store,
                                        gint64                 entity_type_id,
                                        gint64                 pipeline_id,
                                        gint64                 lead_kind_id,
                                        const CrmLayoutAudience *audience,
                                        GError               **error);
CrmLayout *_crm_layout_resolve_for (CrmStore              *store,
                                    gint64                 entity_type_id,
                                    gint64                 pipeline_id,
                                    gint64                 lead_kind_id,
                                    const CrmLayoutAudience *audience,
                                    GError               **error);
/* The standard layout of the kind, created on first use; 0 with an
 * error. @forced may be NULL. */
gint64   _crm_layout_get_standard  (CrmStore      *store,
                                    gint64         entity_type_id,
                                    gint64         pipeline_id,
                                    gint64         lead_kind_id,
                                    gboolean      *forced,
                                    GError       **error);

G_END_DECLS
