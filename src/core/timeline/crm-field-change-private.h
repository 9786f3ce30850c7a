/* crm-field-change-private.h — a field change as the timeline stores it
 *
 * A field-change entry's payload holds the field (id, code, type, label
 * when written) and its values before and after in their stored form, the
 * encoding of field_values: a money keeps its currency, a multiple field
 * all its values. Readers format them in their own language and locale,
 * and the card as of a date replays them backwards.
 *
 * Entries written before carry only text formatted for their writer
 * ("label", "old", "new" strings): they still show, as they were stored,
 * but cannot be replayed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crm-field.h"
#include "crm-session.h"

G_BEGIN_DECLS

typedef struct
{
  gint64        field_id;
  char         *code;        /* NULL in entries of the old format */
  char         *label;       /* as written: for a field deleted since */
  CrmFieldType  type;        /* CRM_FIELD_TYPE_LAST when not recorded */
  gboolean      restricted;  /* the field had a visible_to list then */
  gboolean      legacy;      /* the old format: text only */
  GPtrArray    *old_values;  /* of CrmValue; NULL when legacy */
  GPtrArray    *new_values;
  char         *old_text;    /* legacy only */
  char         *new_text;
} CrmFieldChange;

/* The payload of a change of @field from @old_values to @new_values (of
 * CrmValue, NULL for none). */
char           *_crm_field_change_to_json     (CrmField             *field,
                                               GPtrArray            *old_values,
                                               GPtrArray            *new_values);
/* NULL when @payload is not a field change's. */
CrmFieldChange *_crm_field_change_parse       (const char           *payload);
void            _crm_field_change_free        (CrmFieldChange       *change);

/* May @session's user see the values of this change? The field's
 * visible_to decides; for a field deleted since, only administrators see
 * the changes of one that was restricted. */
gboolean        _crm_field_change_is_visible  (const CrmFieldChange *change,
                                               CrmSession           *session);
/* The field's current label; for a deleted field the label it had, or its
 * code. */
char           *_crm_field_change_dup_label   (const CrmFieldChange *change,
                                               CrmSession           *session);
/* The values before (@after FALSE) or after, formatted for @session's
 * reader and joined by ", "; "" when empty. */
char           *_crm_field_change_dup_text    (const CrmFieldChange *change,
                                               CrmSession           *session,
                                               gboolean              after);

/* The SQL function the condition below calls, on the store's connection
 * (once, before preparing statements that use it). */
void            _crm_field_change_register_sql (CrmStore            *store);
/* Binds @session to CRM_READER_PARAM in @stmt, when it has it. */
void            _crm_field_change_bind_reader  (CrmSession          *session,
                                                sqlite3_stmt        *stmt);

/* The reader's parameter: numbered, and past those of any statement,
 * since a named one would take the next free number and could meet a
 * later "?4". Statements keep their own parameters below it. */
#define CRM_READER_PARAM_INDEX 100
#define CRM_READER_PARAM       "?100"

/* A condition on the entries of alias t: leaves out the field changes the
 * session bound to CRM_READER_PARAM may not see (see _crm_timeline_prepare ()). */
#define CRM_ENTRY_VISIBLE_TO_READER \
  "(t.kind <> 'field-change' OR " \
  " crm_field_change_visible (" CRM_READER_PARAM ", json_extract (t.payload, '$.field'), " \
  "                           json_extract (t.payload, '$.restricted')))"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmFieldChange, _crm_field_change_free)

G_END_DECLS
