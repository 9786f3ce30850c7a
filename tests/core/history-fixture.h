/* history-fixture.h — what test-history and test-as-of share: a database
 * with two users and a few custom deal fields, and dated writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clientele-core.h"

G_BEGIN_DECLS

#define COLLEAGUE_ID 700

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmCatalog *catalog;
  CrmSession *session;        /* the administrator, the desktop user */
  CrmSession *other;          /* a colleague, role employee */
  gint64      deal_type;
  gint64      tags_id;        /* "Tags": string, multiple */
  gint64      region_id;      /* "Região": string */
  gint64      commission_id;  /* "Commission": money, only the administrator sees it */
} Fixture;

void             fixture_set_up    (Fixture         *f,
                                    gconstpointer    data);
void             fixture_tear_down (Fixture         *f,
                                    gconstpointer    data);

/* 2026-03-@day @hour:00 UTC; a new reference. */
GDateTime       *at                (int              day,
                                    int              hour);
/* A deal field by code, looked up now (the catalog reloads). */
CrmField        *field             (Fixture         *f,
                                    const char      *code);
gint64           create_deal       (Fixture         *f,
                                    GDateTime       *when,
                                    const char      *title,
                                    const char      *amount);
/* A draft of the element as @session loads it, saved at @when. Takes @when. */
CrmElementDraft *edit              (Fixture         *f,
                                    CrmSession      *session,
                                    gint64           element_id,
                                    GDateTime       *when);
/* Inputs in the C locale, by code or by field id. */
void             set_input         (CrmElementDraft *draft,
                                    const char      *code,
                                    const char      *input);
void             set_input_id      (Fixture         *f,
                                    CrmElementDraft *draft,
                                    gint64           field_id,
                                    const char      *input);
/* The Tags, NULL-terminated; none clears them. */
void             set_tags          (Fixture         *f,
                                    CrmElementDraft *draft,
                                    ...) G_GNUC_NULL_TERMINATED;
void             save              (CrmElementDraft *draft,
                                    gint64           element_id);

/* @session's History holds a change of @label from @old_text to @new_text. */
void             assert_change     (Fixture         *f,
                                    CrmSession      *session,
                                    gint64           element_id,
                                    const char      *label,
                                    const char      *old_text,
                                    const char      *new_text);
/* @session's timeline holds an entry summed up as @summary. */
void             assert_summary    (Fixture         *f,
                                    CrmSession      *session,
                                    gint64           element_id,
                                    const char      *summary);
guint            count_entries     (Fixture         *f,
                                    CrmSession      *session,
                                    gint64           element_id);

G_END_DECLS
