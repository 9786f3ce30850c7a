/* crm-test-utils.h — helpers shared by the core test suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh directory under the system temp dir, removed by crm_test_tmpdir_free. */
char *crm_test_tmpdir_new  (void);
void  crm_test_tmpdir_free (char *path);

/* Behind the store's back, for what has no public API (users, rights) and
 * to check what a write left in the tables. */
void   crm_test_exec_sql  (const char *path,
                           const char *sql);
/* The first column of the first row; -1 when there is no row. */
gint64 crm_test_query_int (const char *path,
                           const char *sql);

/* The first column of the first row as text; NULL when there is no row. */
char  *crm_test_query_text (const char *path,
                            const char *sql);
/* Every table of the database (FTS5's own tables included) with every
 * row, in a stable order, and the schema version: two dumps are equal
 * exactly when the stored data is. */
char  *crm_test_dump_db    (const char *path);

G_END_DECLS
