/* convert-fixture.h — the database test-convert and test-relations share
 *
 * Users: the administrator (the desktop user); Ana (500) sees only her own
 * elements; Bruno (501) sees everything; Dora (503) reads everything but
 * may write only leads. Custom fields 9001–9010 pair leads' and deals'
 * by code, by label, with another type, with other list items. The lead
 * is Bruno's, with a person, a company name, contacts, an amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define ANA   500
#define BRUNO 501
#define DORA  503

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *dora;
  gint64      company;  /* an existing client */
  gint64      contact;
  gint64      lead;
} Fixture;

CrmSession    *new_session       (CrmStore        *store,
                                  gint64           user_id);
void           set_input         (CrmElementDraft *draft,
                                  const char      *code,
                                  const char      *input);
gint64         save              (CrmElementDraft *draft);
void           set_link          (CrmStore        *store,
                                  CrmElementDraft *draft,
                                  const char      *code,
                                  gint64           id);
char          *format_field      (Fixture         *f,
                                  gint64           id,
                                  const char      *code);
gint64         link_of           (Fixture         *f,
                                  gint64           id,
                                  const char      *code);
/* Takes @sql. */
void           assert_query_text (const char      *path,
                                  char            *sql,
                                  const char      *expected);
CrmConversion *convert           (CrmSession      *session,
                                  gint64           source,
                                  const char      *targets);
GArray        *run               (CrmConversion   *conversion);
void           fixture_set_up    (Fixture         *f,
                                  gconstpointer    data);
void           fixture_tear_down (Fixture         *f,
                                  gconstpointer    data);

G_END_DECLS
