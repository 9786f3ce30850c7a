/* test-kanban.c — the kanban's core: a column model per stage and the
 * per-stage counts and money totals, with the lists' rules (only-own
 * reading, field visibility, search)
 *
 * The users: the administrator (the desktop user); Ana (500), a sales rep
 * who reads only her own elements; Bruno (501), an employee who reads
 * everything but may not see the custom money field "Comissão".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA   500
#define BRUNO 501

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *bruno;
  gint64      deal_type_id;
  gint64      pipeline_id;   /* the deals' default pipeline */
  gint64      stage[3];      /* its first three stages */
  gint64      commission_id; /* "Comissão", money, seen only by the admin and Ana */
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO roles (id, code, name) VALUES (90, 'rep', 'Vendedor');"
  "INSERT INTO role_permissions (role_id, permission) VALUES "
  "  (90, 'element.read'), (90, 'element.write');"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 500);"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id = 501;";

/* ---- Helpers ------------------------------------------------------------------ */

static CrmCatalog *
catalog (Fixture *f)
{
  return crm_store_get_catalog (f->store);
}

static gint64
create_deal (Fixture    *f,
             const char *title,
             int         stage,
             gint64      amount,
             const char *currency,
             gint64      responsible)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "deal", &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", title, &error));
  crm_element_draft_set_stage (draft, f->stage[stage]);
  if (currency != NULL)
    crm_element_draft_set_value (draft, crm_catalog_find_field (catalog (f), f->deal_type_id, "amount"),
                                 crm_value_new_money (amount, currency));
  if (responsible != 0)
    crm_element_draft_set_responsible (draft, responsible);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
move_deal (Fixture *f,
           gint64   id,
           int      stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->admin, id, &error);
  g_autoptr(CrmElementDraft) draft = NULL;

  g_assert_no_error (error);
  draft = crm_element_draft_new_for (f->admin, element);
  crm_element_draft_set_stage (draft, f->stage[stage]);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, id);
  g_assert_no_error (error);
}

static GPtrArray *
load_summaries (Fixture    *f,
                CrmSession *session,
                CrmField   *field,
                const char *search)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries = crm_stage_summary_load (session, f->pipeline_id,
                                                 field, search, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summaries);
  g_assert_cmpuint (summaries->len, ==, g_list_model_get_n_items (crm_pipeline_get_stages (crm_catalog_get_pipeline (catalog (f), f->pipeline_id))));
  return summaries;
}

static const CrmStageSummary *
nth (GPtrArray *summaries,
     int        stage)
{
  return g_ptr_array_index (summaries, stage);
}

static guint
n_items (CrmElementListModel *model)
{
  while (crm_element_list_model_load_more (model) > 0)
    ;
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = NULL;
  CrmSession *admin;
  CrmStore *store;
  GListModel *stages;
  gint64 ana = ANA;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (admin);
  g_assert_finalize_object (store);
  crm_test_exec_sql (f->path, people_sql);

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->bruno = new_session (f->store, BRUNO);

  f->deal_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog (f), "deal"));
  /* Ids, not objects: creating a field below reloads the catalog. */
  f->pipeline_id = crm_pipeline_get_id (crm_catalog_get_default_pipeline (catalog (f), f->deal_type_id));
  stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (catalog (f), f->pipeline_id));
  g_assert_cmpuint (g_list_model_get_n_items (stages), >=, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      f->stage[i] = crm_stage_get_id (stage);
    }

  f->commission_id = crm_field_create (f->admin, f->deal_type_id, "Comissão", CRM_FIELD_TYPE_MONEY,
                                       FALSE, NULL, &error);
  g_assert_no_error (error);
  config = crm_field_config_new_for (crm_catalog_get_field (catalog (f), f->commission_id));
  g_array_append_val (config->visible_users, ana);
  g_assert_true (crm_field_configure (f->admin, f->commission_id, config, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->bruno);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- Tests -------------------------------------------------------------------- */

static void
test_counts_and_totals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) summaries = NULL;

  create_deal (f, "Frota Paulista", 0, 150000, "BRL", 0);
  create_deal (f, "Padaria Real", 0, 2550, "BRL", 0);
  create_deal (f, "Export Lisboa", 0, 99900, "EUR", 0);
  create_deal (f, "Sem valor", 0, 0, NULL, 0);
  create_deal (f, "Hotel Serra", 1, 700000, "BRL", 0);

  summaries = load_summaries (f, f->admin, NULL, NULL);
  g_assert_cmpint (nth (summaries, 0)->stage_id, ==, f->stage[0]);
  g_assert_cmpuint (nth (summaries, 0)->count, ==, 4);
  g_assert_cmpuint (nth (summaries, 0)->totals->len, ==, 2);
  /* By currency code. */
  g_assert_cmpstr (g_array_index (nth (summaries, 0)->totals, CrmMoneyTotal, 0).currency, ==, "BRL");
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 0), "BRL"), ==, 152550);
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 0), "EUR"), ==, 99900);
  g_assert_false (nth (summaries, 0)->overflow);
  g_assert_false (nth (summaries, 0)->amount_hidden);
  g_assert_cmpuint (nth (summaries, 1)->count, ==, 1);
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 1), "BRL"), ==, 700000);
  g_assert_cmpuint (nth (summaries, 2)->count, ==, 0);
  g_assert_cmpuint (nth (summaries, 2)->totals->len, ==, 0);
}

/* Two amounts that do not fit an int64 together: that currency is
 * flagged rather than wrapped around; the others still add up. */
static void
test_overflow (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(CrmStageSummary) copy = NULL;

  create_deal (f, "Grande 1", 0, G_MAXINT64 - 10, "BRL", 0);
  create_deal (f, "Grande 2", 0, 11, "BRL", 0);
  create_deal (f, "Grande 3", 0, 5, "BRL", 0);
  create_deal (f, "Pequeno", 0, 42, "USD", 0);

  summaries = load_summaries (f, f->admin, NULL, NULL);
  g_assert_true (nth (summaries, 0)->overflow);
  g_assert_true (g_array_index (nth (summaries, 0)->totals, CrmMoneyTotal, 0).overflow);
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 0), "BRL"), ==, 0);
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 0), "USD"), ==, 42);
  g_assert_cmpuint (nth (summaries, 0)->count, ==, 4);

  copy = crm_stage_summary_copy (nth (summaries, 0));
  g_assert_true (copy->overflow);
  g_assert_cmpint (crm_stage_summary_get_total (copy, "USD"), ==, 42);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(CrmElementListModel) column = NULL;

  create_deal (f, "Frota Paulista", 0, 150000, "BRL", 0);
  create_deal (f, "Frota Mineira", 1, 1000, "BRL", 0);
  create_deal (f, "Padaria Real", 0, 2550, "BRL", 0);

  /* Diacritics and case ignored, as in the list. */
  summaries = load_summaries (f, f->admin, NULL, "FROTA");
  g_assert_cmpuint (nth (summaries, 0)->count, ==, 1);
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 0), "BRL"), ==, 150000);
  g_assert_cmpuint (nth (summaries, 1)->count, ==, 1);

  column = crm_element_list_model_new_for_stage (f->admin, f->deal_type_id, f->stage[0], 0);
  g_assert_cmpuint (n_items (column), ==, 2);
  crm_element_list_model_set_search (column, "padaria");
  g_assert_cmpuint (n_items (column), ==, 1);
  crm_element_list_model_set_search (column, "nada assim");
  g_assert_cmpuint (n_items (column), ==, 0);
}

/* Ana reads only her own deals: the columns and the counts agree. */
static void
test_only_own (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CrmElementListModel) column = NULL;
  g_autoptr(CrmElement) first = NULL;
  gint64 hers;

  hers = create_deal (f, "Da Ana", 0, 1000, "BRL", ANA);
  create_deal (f, "Do Bruno", 0, 5000, "BRL", BRUNO);
  create_deal (f, "Da casa", 0, 7000, "BRL", 0);

  mine = load_summaries (f, f->ana, NULL, NULL);
  g_assert_cmpuint (nth (mine, 0)->count, ==, 1);
  g_assert_cmpint (crm_stage_summary_get_total (nth (mine, 0), "BRL"), ==, 1000);
  all = load_summaries (f, f->bruno, NULL, NULL);
  g_assert_cmpuint (nth (all, 0)->count, ==, 3);
  g_assert_cmpint (crm_stage_summary_get_total (nth (all, 0), "BRL"), ==, 13000);

  column = crm_element_list_model_new_for_stage (f->ana, f->deal_type_id, f->stage[0], 0);
  g_assert_cmpuint (n_items (column), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (column), 0);
  g_assert_cmpint (crm_element_get_id (first), ==, hers);
}

/* Decided: a money field hidden from the reader is not summed for them
 * (the total would tell what the field hides); the count still shows,
 * and the cards carry no value for it either. */
static void
test_hidden_amount (Fixture       *f,
                    gconstpointer  data)
{
  CrmField *commission = crm_catalog_get_field (catalog (f), f->commission_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) hidden = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "deal", &error);
  g_autoptr(CrmElementListModel) column = NULL;
  g_autoptr(CrmElement) element = NULL;

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Comissionado", &error));
  crm_element_draft_set_responsible (draft, ANA);
  crm_element_draft_set_value (draft, commission, crm_value_new_money (12345, "BRL"));
  g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
  g_assert_no_error (error);

  seen = load_summaries (f, f->ana, commission, NULL);
  g_assert_false (nth (seen, 0)->amount_hidden);
  g_assert_cmpint (crm_stage_summary_get_total (nth (seen, 0), "BRL"), ==, 12345);

  hidden = load_summaries (f, f->bruno, commission, NULL);
  g_assert_true (nth (hidden, 0)->amount_hidden);
  g_assert_cmpuint (nth (hidden, 0)->count, ==, 1);
  g_assert_cmpuint (nth (hidden, 0)->totals->len, ==, 0);

  column = crm_element_list_model_new_for_stage (f->bruno, f->deal_type_id, f->stage[0], 0);
  g_assert_cmpuint (n_items (column), ==, 1);
  element = g_list_model_get_item (G_LIST_MODEL (column), 0);
  g_assert_true (crm_element_has_values (element));
  g_assert_null (crm_element_get_value (element, commission));
}

typedef struct
{
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->removed += removed;
  changes->added += added;
}

/* A move leaves one column and enters the other, on the store's change
 * notification, and lands first (most recently changed). */
static void
test_move_updates_columns (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CrmElementListModel) from = NULL;
  g_autoptr(CrmElementListModel) to = NULL;
  g_autoptr(CrmElement) landed = NULL;
  g_autoptr(CrmElement) card = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  Changes from_changes = { 0 }, to_changes = { 0 };
  CrmField *amount = crm_catalog_find_field (catalog (f), f->deal_type_id, "amount");
  gint64 moving;

  moving = create_deal (f, "Vai mudar", 0, 5000, "BRL", 0);
  create_deal (f, "Fica", 0, 100, "BRL", 0);
  create_deal (f, "Já está", 1, 200, "BRL", 0);

  from = crm_element_list_model_new_for_stage (f->admin, f->deal_type_id, f->stage[0], 0);
  to = crm_element_list_model_new_for_stage (f->admin, f->deal_type_id, f->stage[1], 0);
  g_assert_cmpuint (n_items (from), ==, 2);
  g_assert_cmpuint (n_items (to), ==, 1);
  g_signal_connect (from, "items-changed", G_CALLBACK (items_changed_cb), &from_changes);
  g_signal_connect (to, "items-changed", G_CALLBACK (items_changed_cb), &to_changes);

  /* Time stamps have milliseconds: let the move's be the latest. */
  g_usleep (2000);
  move_deal (f, moving, 1);

  g_assert_cmpuint (from_changes.removed, ==, 1);
  g_assert_cmpuint (from_changes.added, ==, 0);
  g_assert_cmpuint (to_changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (to)), ==, 2);
  landed = g_list_model_get_item (G_LIST_MODEL (to), 0);
  g_assert_cmpint (crm_element_get_id (landed), ==, moving);
  /* Items that arrive by a change carry their values too. */
  g_assert_nonnull (crm_element_get_value (landed, amount));
  g_assert_cmpint (crm_element_get_value (landed, amount)->number, ==, 5000);
  card = g_list_model_get_item (G_LIST_MODEL (from), 0);
  g_assert_cmpint (crm_element_get_value (card, amount)->number, ==, 100);

  summaries = load_summaries (f, f->admin, NULL, NULL);
  g_assert_cmpuint (nth (summaries, 0)->count, ==, 1);
  g_assert_cmpint (crm_stage_summary_get_total (nth (summaries, 1), "BRL"), ==, 5200);
}

/* Keyset pages: a column of 250 with pages of 40 loads in steps, every
 * element once. */
static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrmElementListModel) column = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (int i = 0; i < 250; i++)
    {
      g_autofree char *title = g_strdup_printf ("Negócio %03d", i);

      create_deal (f, title, i % 2 == 0 ? 0 : 2, 100, "BRL", 0);
    }
  column = crm_element_list_model_new_for_stage (f->admin, f->deal_type_id, f->stage[0], 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column)), ==, 40);
  g_assert_true (crm_element_list_model_has_more (column));
  g_assert_cmpuint (n_items (column), ==, 125);
  for (guint i = 0; i < 125; i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (G_LIST_MODEL (column), i);

      g_assert_cmpint (crm_element_get_stage_id (element), ==, f->stage[0]);
      g_assert_true (g_hash_table_add (seen, GINT_TO_POINTER (crm_element_get_id (element))));
    }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) nobody = NULL;
  GPtrArray *summaries;

  summaries = crm_stage_summary_load (f->admin, 999999, NULL, NULL, &error);
  g_assert_null (summaries);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A user without any role may not read deals at all. */
  crm_test_exec_sql (f->path, "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
                              "(503, 'dora', 'Dora', 0, '2024-01-01T00:00:00.000Z');");
  nobody = new_session (f->store, 503);
  summaries = crm_stage_summary_load (nobody, f->pipeline_id, NULL, NULL, &error);
  g_assert_null (summaries);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kanban/counts-and-totals", test_counts_and_totals);
  ADD ("/kanban/overflow", test_overflow);
  ADD ("/kanban/search", test_search);
  ADD ("/kanban/only-own", test_only_own);
  ADD ("/kanban/hidden-amount", test_hidden_amount);
  ADD ("/kanban/move-updates-columns", test_move_updates_columns);
  ADD ("/kanban/paging", test_paging);
  ADD ("/kanban/errors", test_errors);
#undef ADD

  return g_test_run ();
}
