/* crm-element-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crm-element.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Shared by crm-element.c, which loads elements, and crm-element-as-of.c,
 * which rebuilds them as they were. */
struct _CrmElement
{
  GObject     parent_instance;

  CrmStore   *store;          /* set once values are loaded */
  gint64      id;
  gint64      entity_type_id;
  gint64      lead_kind_id;
  gint64      pipeline_id;
  gint64      stage_id;
  char       *title;
  gint64      responsible_id;
  gint64      created_by;
  gint64      updated_by;
  GDateTime  *created_at;
  GDateTime  *updated_at;
  char       *sort_title;
  char       *created_at_text;
  char       *updated_at_text;
  GHashTable *values;         /* field id → GPtrArray of CrmValue */
  GPtrArray  *column_values;  /* keeps synthesized values alive */

  /* Snapshots (crm-element-as-of.c): the time they show, and the fields
   * whose values then the history cannot tell (a set of ids). */
  GDateTime  *as_of;
  GHashTable *unknown;
};

/* The columns _crm_element_new_from_row () reads, in order, from alias e. */
#define CRM_ELEMENT_COLUMNS \
  "e.id, e.entity_type_id, e.lead_kind_id, e.pipeline_id, e.stage_id, e.title, " \
  "e.responsible_id, e.created_by, e.created_at, e.updated_by, e.updated_at, e.sort_title"
#define CRM_ELEMENT_N_COLUMNS 12

CrmElement *_crm_element_new_from_row (sqlite3_stmt     *stmt,
                                       int               first_column);
/* Loads the values the session may see; FALSE with an error from SQLite. */
gboolean    _crm_element_load_values  (CrmElement       *self,
                                       CrmSession       *session,
                                       GError          **error);
/* Display text of one value, naming what reference types point to;
 * @field may be NULL (deleted since). */
char       *_crm_format_value         (CrmStore         *store,
                                       CrmField         *field,
                                       const CrmValue   *value,
                                       const CrmLocale  *locale);
/* The key lists sort by: casefolded, without accents. */
char       *_crm_element_make_sort_title (const char *title);
const char *_crm_element_get_sort_title  (CrmElement *self);
/* The stored time stamps, for keyset paging. */
const char *_crm_element_get_updated_at_text (CrmElement *self);
const char *_crm_element_get_created_at_text (CrmElement *self);
/* The stored values of a field that is not column-backed. */
GPtrArray  *_crm_element_peek_values  (CrmElement       *self,
                                       gint64            field_id);

G_END_DECLS
