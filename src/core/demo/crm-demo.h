/* crm-demo.h — realistic Brazilian sample data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-session.h"

G_BEGIN_DECLS

typedef struct _CrmDemoSize
{
  guint contacts;          /* 300 */
  guint companies;         /* 300 … */
  guint deals;             /* 150, over two pipelines */
  guint leads;
  guint quotes;
  guint invoices;
  guint timeline_entries;  /* several thousand, over the last year */
} CrmDemoSize;

/* The sizes --demo uses. */
const CrmDemoSize *crm_demo_get_default_size (void);

/* Fills an empty database: users and departments, then companies, contacts,
 * deals, leads, quotes, invoices and their timelines, in one transaction.
 * @seed makes it repeatable. Refuses (CONFLICT) a database that has elements. */
gboolean crm_demo_fill (CrmSession        *session,
                        const CrmDemoSize *size,
                        guint32            seed,
                        GError           **error);

G_END_DECLS
