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

G_END_DECLS
