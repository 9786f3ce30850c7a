/* test-search.c — finding elements through the FTS5 index:
 * crm_element_list_model_set_search () and crm_search_build_query ()
 *
 * Every case opens its own database in a temporary directory. Runs with
 * TZ=UTC, LC_ALL=C.UTF-8 and G_DEBUG=fatal-warnings, so a query that makes
 * SQLite complain (and the model warn) fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  gint64      contact_type_id;
  /* The people every case searches among. */
  gint64      joao;      /* João Araújo, +55 11 98765-4321, ja@araujo-consultoria.com.br */
  gint64      joana;     /* Joana Prado */
  gint64      maria;     /* Maria Conceição, supplier */
  gint64      pedro;     /* Pedro Santos, pedro.vendas@acme-brasil.com.br */
  gint64      fernanda;  /* Fernanda Andrade */
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

/* ---- Helpers ------------------------------------------------------------------ */

static gint64
create_contact (CrmSession *session,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (session, "contact", &error);
  const char *code;
  va_list args;
  gint64 id;

  g_assert_no_error (error);
  va_start (args, session);
  while ((code = va_arg (args, const char *)) != NULL)
    {
      const char *input = va_arg (args, const char *);

      if (!crm_element_draft_set_input_by_code (draft, code, input, &error))
        g_error ("%s = “%s”: %s", code, input, error->message);
    }
  va_end (args);

  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
update_contact (CrmSession *session,
                gint64      id,
                const char *code,
                const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (session, id, &error);
  g_autoptr(CrmElementDraft) draft = NULL;

  g_assert_no_error (error);
  draft = crm_element_draft_new_for (session, element);
  g_assert_true (crm_element_draft_set_input_by_code (draft, code, input, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, id);
  g_assert_no_error (error);
}


/* Writes behind the store's back (what has no public API yet), then opens
 * the store again so the catalog sees it. */
static void
reopen_with_sql (Fixture    *f,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  crm_test_exec_sql (f->path, sql);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
}

/* The ids a search finds, sorted, as a string: "3 5". */
static char *
search_ids (CrmElementListModel *model)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  while (crm_element_list_model_load_more (model) > 0)
    ;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 id = crm_element_get_id (element);

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++)
      if (g_array_index (ids, gint64, j) < g_array_index (ids, gint64, i))
        {
          gint64 t = g_array_index (ids, gint64, i);

          g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j);
          g_array_index (ids, gint64, j) = t;
        }
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define NONE ((gint64)0)

static char *
ids_text (gint64 first,
          ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len ? " " : "", id);
  va_end (args);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Searches @text and checks exactly these elements come back; takes @want. */
static void
assert_search_impl (CrmElementListModel *model,
                    const char          *text,
                    char                *want)
{
  g_autofree char *owned_want = want;
  g_autofree char *got = NULL;

  crm_element_list_model_set_search (model, text);
  g_assert_cmpstr (crm_element_list_model_get_search (model), ==, text);
  got = search_ids (model);
  if (g_strcmp0 (got, want) != 0)
    g_error ("search “%s” found [%s], expected [%s]", text ? text : "(null)", got, want);
}

/* The ids after @text end with 0; NONE alone = nothing found. */
#define assert_search(f, model, text, ...) \
  assert_search_impl ((model), (text), ids_text (__VA_ARGS__, NONE))


static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->contact_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store),
                                                                             "contact"));

  f->joao = create_contact (f->session, "name", "João", "last_name", "Araújo",
                            "phone", "+55 11 98765-4321", "email", "ja@araujo-consultoria.com.br",
                            "position", "Gerente", NULL);
  f->joana = create_contact (f->session, "name", "Joana", "last_name", "Prado", NULL);
  f->maria = create_contact (f->session, "name", "Maria", "last_name", "Conceição",
                             "contact_type", "supplier", NULL);
  f->pedro = create_contact (f->session, "name", "Pedro", "last_name", "Santos",
                             "email", "pedro.vendas@acme-brasil.com.br", NULL);
  f->fernanda = create_contact (f->session, "name", "Fernanda", "last_name", "Andrade",
                                "contact_type", "client", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- crm_search_build_query --------------------------------------------------- */

static void
test_build_query (void)
{
  static const struct {
    const char *text;
    const char *query;
  } cases[] = {
    { "joão silva", "\"joão\"* \"silva\"*" },
    { "joao", "\"joao\"*" },
    { "  João  ", "\"João\"*" },
    { "  ", NULL },
    { "", NULL },
    { "\"", NULL },
    { "*", NULL },
    { "-", NULL },
    { "( ) \" * - ^ : + { } [ ]", NULL },
    { "joão\"", "\"joão\"*" },
    { "a\"b", "\"a\"* \"b\"*" },
    { "-joao", "\"joao\"*" },
    { "joão-silva", "\"joão\"* \"silva\"*" },
    { "AND", "\"AND\"*" },
    { "a AND b", "\"a\"* \"AND\"* \"b\"*" },
    { "x OR y NOT z", "\"x\"* \"OR\"* \"y\"* \"NOT\"* \"z\"*" },
    { "NEAR(a b)", "\"NEAR\"* \"a\"* \"b\"*" },
    { "title:joao", "\"title\"* \"joao\"*" },
    { "pedro.vendas@acme", "\"pedro\"* \"vendas\"* \"acme\"*" },
    { "+55 (11) 98765-4321", "\"55\"* \"11\"* \"98765\"* \"4321\"*" },
    { "R$ 1.234,56", "\"R\"* \"1\"* \"234\"* \"56\"*" },
    { "tab\there\nnew line", "\"tab\"* \"here\"* \"new\"* \"line\"*" },
  };

  g_assert_null (crm_search_build_query (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = crm_search_build_query (cases[i].text);

      if (g_strcmp0 (query, cases[i].query) != 0)
        g_error ("crm_search_build_query (“%s”) = %s, expected %s",
                 cases[i].text, query ? query : "NULL", cases[i].query ? cases[i].query : "NULL");
    }
}

/* Text typed in decomposed form (NFD: "a" + U+0303 COMBINING TILDE), as
 * pasted from some sources, is the same word as the composed one. */
static void
test_build_query_decomposed (void)
{
  g_autofree char *query = crm_search_build_query ("joa\xcc\x83o");
  g_autofree char *composed = NULL;

  g_assert_nonnull (query);
  /* One word, not "joa" and "o". */
  g_assert_null (strstr (query, "\"* \""));
  composed = g_utf8_normalize (query, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (composed, ==, "\"joão\"*");
}

/* ---- Finding ------------------------------------------------------------------- */

static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  CrmElementListModel *model = crm_element_list_model_new (f->session, f->contact_type_id);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);

  assert_search (f, model, "joao", f->joao);
  assert_search (f, model, "João", f->joao);
  assert_search (f, model, "JOÃO", f->joao);
  assert_search (f, model, "JOAO", f->joao);
  assert_search (f, model, "araujo", f->joao);
  assert_search (f, model, "Araújo", f->joao);
  assert_search (f, model, "joao araujo", f->joao);
  assert_search (f, model, "araujo joao", f->joao);
  /* A prefix of each word. */
  assert_search (f, model, "joa", f->joao, f->joana);
  assert_search (f, model, "jo ara", f->joao);
  assert_search (f, model, "conceicao", f->maria);
  assert_search (f, model, "CONCEIÇÃO", f->maria);
  assert_search (f, model, "maria conc", f->maria);
  /* Every word must match. */
  assert_search (f, model, "joao santos", NONE);
  assert_search (f, model, "xavier", NONE);
  /* Nothing searchable: everything. */
  assert_search (f, model, "", f->joao, f->joana, f->maria, f->pedro, f->fernanda);
  assert_search (f, model, NULL, f->joao, f->joana, f->maria, f->pedro, f->fernanda);

  g_assert_finalize_object (model);
}

static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  CrmElementListModel *model = crm_element_list_model_new (f->session, f->contact_type_id);

  /* Phone: as typed, and the digits of its E.164 form. */
  assert_search (f, model, "98765", f->joao);
  assert_search (f, model, "98765-4321", f->joao);
  assert_search (f, model, "4321", f->joao);
  assert_search (f, model, "5511987654321", f->joao);
  assert_search (f, model, "551198", f->joao);
  /* E-mail: its parts. */
  assert_search (f, model, "vendas", f->pedro);
  assert_search (f, model, "acme", f->pedro);
  assert_search (f, model, "pedro.vendas@acme", f->pedro);
  assert_search (f, model, "acme-brasil.com", f->pedro);
  assert_search (f, model, "consultoria", f->joao);
  /* A string field other than the name. */
  assert_search (f, model, "gerente", f->joao);
  /* List values by their label, not their key. */
  assert_search (f, model, "supplier", f->maria);
  assert_search (f, model, "Client", f->fernanda);

  g_assert_finalize_object (model);
}

/* Whatever is typed is words, never FTS5 syntax, and never an error (a
 * g_warning would abort under G_DEBUG=fatal-warnings). */
static void
test_syntax (Fixture       *f,
             gconstpointer  data)
{
  CrmElementListModel *model = crm_element_list_model_new (f->session, f->contact_type_id);
  static const char *nothing_searchable[] = {
    "\"", "\"\"", "*", "-", "(", ")", "^", ":", "+", "{}", "\" \"", "' ; --",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nothing_searchable); i++)
    assert_search (f, model, nothing_searchable[i],
                   f->joao, f->joana, f->maria, f->pedro, f->fernanda);

  /* "AND" is a word: the prefix of "Andrade". */
  assert_search (f, model, "AND", f->fernanda);
  assert_search (f, model, "and", f->fernanda);
  assert_search (f, model, "joao AND", NONE);
  assert_search (f, model, "joao OR pedro", NONE);
  assert_search (f, model, "NOT joao", NONE);
  assert_search (f, model, "NEAR(", NONE);
  assert_search (f, model, "NEAR(joao araujo)", NONE);
  assert_search (f, model, "joao\"", f->joao);
  assert_search (f, model, "\"joao", f->joao);
  assert_search (f, model, "joao*", f->joao);
  assert_search (f, model, "-joao", f->joao);
  assert_search (f, model, "(joao", f->joao);
  assert_search (f, model, "joao)", f->joao);
  assert_search (f, model, "title:joao", NONE);
  assert_search (f, model, "body:joao", NONE);
  assert_search (f, model, "^joao", f->joao);
  assert_search (f, model, "jo\"ao", NONE);
  assert_search (f, model, "\" OR \"", NONE);
  assert_search (f, model, "' ; DROP TABLE elements; --", NONE);

  /* The tables are still there. */
  assert_search (f, model, NULL, f->joao, f->joana, f->maria, f->pedro, f->fernanda);

  g_assert_finalize_object (model);
}

static void
test_decomposed_input (Fixture       *f,
                       gconstpointer  data)
{
  CrmElementListModel *model = crm_element_list_model_new (f->session, f->contact_type_id);

  /* "João" typed as NFD. */
  assert_search (f, model, "Joa\xcc\x83o", f->joao);
  /* "Conceição" typed as NFD. */
  assert_search (f, model, "Conceic\xcc\xa7" "a\xcc\x83" "o", f->maria);

  g_assert_finalize_object (model);
}

/* ---- Keeping the index in step ------------------------------------------------- */

static void
test_update_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GError) error = NULL;
  CrmElementListModel *model = crm_element_list_model_new (f->session, f->contact_type_id);
  CrmElementListModel *all = crm_element_list_model_new (f->session, f->contact_type_id);
  gint64 another;

  assert_search (f, model, "joao", f->joao);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* A new match arrives in the searching model; a non-match does not. */
  another = create_contact (f->session, "name", "Joãozinho", "last_name", "Silva", NULL);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).added, ==, 1);
  g_array_set_size (log, 0);
  create_contact (f->session, "name", "Roberto", NULL);
  g_assert_cmpuint (log->len, ==, 0);
  {
    g_autofree char *got = search_ids (model);
    g_autofree char *want = ids_text (f->joao, another, NONE);

    g_assert_cmpstr (got, ==, want);
  }

  /* A rename: the old name no longer finds it, the new one does, and the
   * searching model lets it go. */
  update_contact (f->session, f->joao, "name", "Joaquim");
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).added, ==, 0);
  g_array_set_size (log, 0);
  g_signal_handlers_disconnect_by_data (model, log);

  assert_search (f, model, "joao", another);
  assert_search (f, model, "joaquim", f->joao);
  assert_search (f, model, "joaquim araujo", f->joao);
  /* The rest of the index was rewritten, not lost. */
  assert_search (f, model, "98765", f->joao);
  assert_search (f, model, "gerente", f->joao);

  /* A cleared value is gone from the index too. */
  update_contact (f->session, f->joao, "position", "");
  assert_search (f, model, "gerente", NONE);
  assert_search (f, model, "consultoria", f->joao);

  /* A deleted element is not found. */
  g_assert_true (crm_element_delete (f->session, f->pedro, &error));
  g_assert_no_error (error);
  assert_search (f, model, "vendas", NONE);
  assert_search (f, model, "pedro", NONE);
  assert_search (f, model, "santos", NONE);
  {
    g_autofree char *got = search_ids (all);
    g_autofree char *want = ids_text (f->joao, f->joana, f->maria, f->fernanda, another,
                                      another + 1, NONE);

    /* Roberto was created right after Joãozinho. */
    g_assert_cmpstr (got, ==, want);
  }

  g_assert_finalize_object (all);
  g_assert_finalize_object (model);
}

/* A restricted field's values find its element only for those who may
 * see the field: the administrator and the user it is visible to, not
 * anyone else. test-search-rights.c covers changing who may see it. */
static void
test_restricted_field (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *code = NULL;
  CrmElementListModel *model;
  gint64 field_id, secret, open;

  field_id = crm_field_create (f->session, f->contact_type_id, "Apelido", CRM_FIELD_TYPE_STRING,
                               FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (field_id, >, 0);
  code = g_strdup (crm_field_get_code (crm_catalog_get_field (crm_store_get_catalog (f->store), field_id)));

  /* Visible to everyone: indexed. */
  open = create_contact (f->session, "name", "Aberto", code, "Zezinho", NULL);
  model = crm_element_list_model_new (f->session, f->contact_type_id);
  assert_search (f, model, "zezinho", open);
  g_assert_finalize_object (model);

  /* Visible only to user 500; user 501 is an employee like them. */
  sql = g_strdup_printf ("INSERT INTO users (id, login, name, is_admin, created_at) "
                         "VALUES (500, 'outra', 'Outra Pessoa', 0, '2024-01-01T00:00:00.000Z'),"
                         "       (501, 'mais', 'Mais Uma', 0, '2024-01-01T00:00:00.000Z');"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "  SELECT id, 500 FROM roles WHERE code = 'employee';"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "  SELECT id, 501 FROM roles WHERE code = 'employee';"
                         "INSERT INTO field_visibility (field_id, user_id) VALUES (%" G_GINT64_FORMAT ", 500);",
                         field_id);
  reopen_with_sql (f, sql);
  g_assert_cmpuint (crm_field_get_visible_users (crm_catalog_get_field (crm_store_get_catalog (f->store),
                                                                        field_id))->len, ==, 1);

  /* The administrator may write it and find by it … */
  secret = create_contact (f->session, "name", "Fechado", code, "Huguinho", NULL);
  model = crm_element_list_model_new (f->session, f->contact_type_id);
  assert_search (f, model, "huguinho", secret);
  assert_search (f, model, "hugu", secret);
  assert_search (f, model, "fechado huguinho", secret);
  assert_search (f, model, "fechado", secret);
  g_assert_finalize_object (model);

  /* … so may the user it is visible to, … */
  {
    g_autoptr(CrmSession) allowed = crm_session_new (f->store, 500, &error);
    CrmElementListModel *theirs;

    g_assert_no_error (error);
    g_assert_false (crm_session_is_admin (allowed));
    theirs = crm_element_list_model_new (allowed, f->contact_type_id);
    assert_search (f, theirs, "huguinho", secret);
    assert_search (f, theirs, "fechado huguinho", secret);
    g_assert_finalize_object (theirs);
  }

  /* … and nobody else, not even with the words of the value's tag. */
  {
    g_autoptr(CrmSession) other = crm_session_new (f->store, 501, &error);
    CrmElementListModel *theirs;

    g_assert_no_error (error);
    theirs = crm_element_list_model_new (other, f->contact_type_id);
    assert_search (f, theirs, "huguinho", NONE);
    assert_search (f, theirs, "hugu", NONE);
    assert_search (f, theirs, "fechado huguinho", NONE);
    assert_search (f, theirs, "fechado", secret);
    assert_search (f, theirs, "6875", NONE);
    g_assert_finalize_object (theirs);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/build-query", test_build_query);
  g_test_add ("/search/names", Fixture, NULL, fixture_set_up, test_names, fixture_tear_down);
  g_test_add ("/search/values", Fixture, NULL, fixture_set_up, test_values, fixture_tear_down);
  g_test_add ("/search/syntax", Fixture, NULL, fixture_set_up, test_syntax, fixture_tear_down);
  g_test_add ("/search/update-and-delete", Fixture, NULL,
              fixture_set_up, test_update_and_delete, fixture_tear_down);
  g_test_add ("/search/restricted-field", Fixture, NULL,
              fixture_set_up, test_restricted_field, fixture_tear_down);

  g_test_add_func ("/search/build-query-decomposed", test_build_query_decomposed);
  g_test_add ("/search/decomposed-input", Fixture, NULL,
              fixture_set_up, test_decomposed_input, fixture_tear_down);

  return g_test_run ();
}
