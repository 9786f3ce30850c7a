/* crm-demo.c — realistic Brazilian sample data (clientele --demo)
 *
 * Elements are made with the drafts a person fills in, so the demo passes
 * every rule of the core. Everything happens in one transaction: a failure
 * leaves the database as it was.
 *
 * Drafts check the responsible person against the catalog, which only
 * knows the colleagues after a reload. Rather than committing the people
 * in a transaction of their own (and deleting them again when the elements
 * fail), the catalog is reloaded inside the transaction: it reads through
 * the store's connection, so it sees the uncommitted rows, and the store
 * reloads it once more after a rollback.
 *
 * This file holds the entry points, the sizes and the order of the steps;
 * crm-demo-private.h says where the steps are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-demo-private.h"
#include "crm-error.h"

/* ---- Filling ------------------------------------------------------------------------------ */

static void
demo_context_init (DemoContext       *ctx,
                   CrmSession        *session,
                   const CrmDemoSize *size,
                   guint32            seed)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  *ctx = (DemoContext) {
    .session = session,
    .store = crm_session_get_store (session),
    .catalog = crm_store_get_catalog (crm_session_get_store (session)),
    .size = size,
    .rand = g_rand_new_with_seed (seed),
    .strings = g_string_chunk_new (4096),
    .company_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .now = g_date_time_to_unix (now),
    .sellers = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .companies = g_array_sized_new (FALSE, FALSE, sizeof (DemoCompany), size->companies),
    .contacts = g_array_sized_new (FALSE, FALSE, sizeof (DemoContact), size->contacts),
    .deals = g_array_sized_new (FALSE, FALSE, sizeof (DemoDeal), size->deals),
    .targets = g_array_new (FALSE, FALSE, sizeof (DemoTarget)),
  };
}

static void
demo_context_clear (DemoContext *ctx)
{
  g_clear_pointer (&ctx->rand, g_rand_free);
  g_clear_pointer (&ctx->strings, g_string_chunk_free);
  g_clear_pointer (&ctx->company_names, g_hash_table_unref);
  g_clear_pointer (&ctx->sellers, g_array_unref);
  g_clear_pointer (&ctx->companies, g_array_unref);
  g_clear_pointer (&ctx->contacts, g_array_unref);
  g_clear_pointer (&ctx->deals, g_array_unref);
  g_clear_pointer (&ctx->targets, g_array_unref);
}

/* Each kind needs the ones before it: contacts work at companies, deals
 * are with both, quotes and invoices follow deals. */
static gboolean
add_elements (DemoContext  *ctx,
              GError      **error)
{
  static const struct {
    gsize      size_offset;
    gboolean (*add) (DemoContext *ctx, GError **error);
  } steps[] = {
    { G_STRUCT_OFFSET (CrmDemoSize, companies), _crm_demo_add_company },
    { G_STRUCT_OFFSET (CrmDemoSize, contacts), _crm_demo_add_contact },
    { G_STRUCT_OFFSET (CrmDemoSize, deals), _crm_demo_add_deal },
    { G_STRUCT_OFFSET (CrmDemoSize, leads), _crm_demo_add_lead },
    { G_STRUCT_OFFSET (CrmDemoSize, quotes), _crm_demo_add_quote },
    { G_STRUCT_OFFSET (CrmDemoSize, invoices), _crm_demo_add_invoice },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint count = G_STRUCT_MEMBER (guint, ctx->size, steps[i].size_offset);

      for (guint j = 0; j < count; j++)
        if (!steps[i].add (ctx, error))
          return FALSE;
    }
  return _crm_demo_add_conversations (ctx, error);
}

/* ---- Public API ------------------------------------------------------------------------------ */

const CrmDemoSize *
crm_demo_get_default_size (void)
{
  static const CrmDemoSize size = {
    .contacts = 200,
    .companies = 100,
    .deals = 150,
    .leads = 80,
    .quotes = 40,
    .invoices = 40,
    .timeline_entries = 5000,
  };

  return &size;
}

gboolean
crm_demo_fill (CrmSession         *session,
               const CrmDemoSize  *size,
               guint32             seed,
               GError            **error)
{
  DemoContext ctx;
  CrmStore *store;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = crm_session_get_store (session);
  if (!crm_store_is_empty (store))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                   _("Sample data can only be added to an empty database"));
      return FALSE;
    }
  if (!crm_store_begin (store, error))
    return FALSE;

  demo_context_init (&ctx, session, size, seed);
  /* The reload lets drafts see the new colleagues and pipeline before
   * the commit (see the top of this file). */
  ok = _crm_demo_add_people (&ctx, error) &&
       _crm_demo_add_corporate_pipeline (&ctx, error) &&
       _crm_catalog_reload (ctx.catalog, error) &&
       _crm_demo_add_contract_field (&ctx, error) &&
       add_elements (&ctx, error);
  demo_context_clear (&ctx);

  if (!ok)
    {
      crm_store_rollback (store);
      /* Inside a caller's transaction the rollback only drops a savepoint
       * and leaves the catalog with our colleagues in it. */
      _crm_catalog_reload (crm_store_get_catalog (store), NULL);
      return FALSE;
    }
  /* A failed commit rolls back by itself. */
  return crm_store_commit (store, error);
}
