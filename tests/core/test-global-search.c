/* test-global-search.c — one search across every type: titles, values and
 * the timeline's text, accents ignored, never what the reader may not see
 *
 * The users: the administrator (the desktop user); Ana (500), a "rep" who
 * reads only her own elements; Bruno (501) and Carla (502), employees who
 * read everything; Davi (503), with no role, who reads nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA   500
#define BRUNO 501
#define CARLA 502
#define DAVI  503

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *bruno;
  CrmSession *carla;
  CrmSession *davi;
  gint64      anas_deal;
  gint64      brunos_deal;
  gint64      company;
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z'),"
  "  (502, 'carla', 'Carla Melo', 0, '2024-01-01T00:00:00.000Z'),"
  "  (503, 'davi', 'Davi Rocha', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO roles (id, code, name) VALUES (90, 'rep', 'Vendedor');"
  "INSERT INTO role_permissions (role_id, permission) VALUES "
  "  (90, 'element.read'), (90, 'element.write');"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 500);"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id IN (501, 502);";

/* ---- Helpers ------------------------------------------------------------------ */

static CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

static gint64
create_element (CrmSession *session,
                const char *type,
                const char *title,
                gint64      responsible_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (session, type, &error);
  gint64 id;

  g_assert_no_error (error);
  /* A contact's title is made of its name. */
  g_assert_true (crm_element_draft_set_input_by_code (draft, g_str_equal (type, "contact") ? "name" : "title",
                                                      title, &error));
  g_assert_no_error (error);
  if (responsible_id != 0)
    crm_element_draft_set_responsible (draft, responsible_id);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
comment (CrmSession *session,
         gint64      element_id,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_timeline_add_comment (session, element_id, text, &error);

  g_assert_no_error (error);
  return id;
}

static GListModel *
search (CrmSession *session,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GListModel *results = crm_search_global (session, text, 5, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* Does @session find @id for @text (and nothing else when @only)? */
static gboolean
finds (CrmSession *session,
       const char *text,
       gint64      id)
{
  g_autoptr(GListModel) results = search (session, text);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CrmSearchResult) result = g_list_model_get_item (results, i);

      if (crm_search_result_get_element_id (result) == id)
        return TRUE;
    }
  return FALSE;
}

static guint
count (CrmSession *session,
       const char *text)
{
  g_autoptr(GListModel) results = search (session, text);

  return g_list_model_get_n_items (results);
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->bruno = new_session (f->store, BRUNO);
  f->carla = new_session (f->store, CARLA);
  f->davi = new_session (f->store, DAVI);
}

static void
close_store (Fixture *f)
{
  g_assert_finalize_object (f->davi);
  g_assert_finalize_object (f->carla);
  g_assert_finalize_object (f->bruno);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmSession *admin;
  CrmStore *store;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (admin);
  g_assert_finalize_object (store);
  crm_test_exec_sql (f->path, people_sql);
  open_store (f);

  f->anas_deal = create_element (f->admin, "deal", "Frota da Transportes Ágil", ANA);
  f->brunos_deal = create_element (f->admin, "deal", "Licenças do Escritório Central", BRUNO);
  f->company = create_element (f->admin, "company", "Padaria Pão Quente", BRUNO);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_store (f);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- Tests ------------------------------------------------------------------ */

/* Words only a comment has find its element, typed with or without the
 * accents, and the snippet shows them. */
static void
test_timeline_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CrmSearchResult) result = NULL;

  comment (f->bruno, f->brunos_deal, "Orçamento aprovado na reunião de São João, com café");
  comment (f->bruno, f->company, "Ligar para o gerente amanhã");

  /* é/e, ç/c, ã/a, and the other way round. */
  g_assert_true (finds (f->carla, "orcamento", f->brunos_deal));
  g_assert_true (finds (f->carla, "REUNIAO", f->brunos_deal));
  g_assert_true (finds (f->carla, "sao joao", f->brunos_deal));
  g_assert_true (finds (f->carla, "cafe", f->brunos_deal));
  g_assert_true (finds (f->carla, "orçam", f->brunos_deal));
  g_assert_true (finds (f->carla, "gerênte", f->company));
  g_assert_false (finds (f->carla, "orcamento", f->company));
  g_assert_cmpuint (count (f->carla, "inexistente"), ==, 0);
  g_assert_cmpuint (count (f->carla, "  -- ! "), ==, 0);

  results = search (f->carla, "aprovado");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (crm_search_result_get_entity_type_id (result), ==,
                   crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store), "deal")));
  g_assert_cmpstr (crm_search_result_get_title (result), ==, "Licenças do Escritório Central");
  g_assert_nonnull (strstr (crm_search_result_get_snippet (result), "aprovado"));
}

/* Titles are found too, across types, grouped in the catalog's order, and
 * an element matched by its title and its timeline comes once. */
static void
test_grouped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GListModel) results = NULL;
  gint64 last_type = 0;
  GListModel *types = crm_catalog_get_entity_types (crm_store_get_catalog (f->store));
  guint type_position = 0;

  create_element (f->admin, "contact", "Quente da Silva", BRUNO);
  comment (f->bruno, f->anas_deal, "Cliente quer entrega quente");
  comment (f->bruno, f->company, "Forno quente de novo");

  results = search (f->carla, "quente");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CrmSearchResult) result = g_list_model_get_item (results, i);
      gint64 type_id = crm_search_result_get_entity_type_id (result);

      /* Types come in the catalog's order, each once. */
      if (type_id != last_type)
        {
          gboolean seen = FALSE;

          for (; type_position < g_list_model_get_n_items (types) && !seen; type_position++)
            {
              g_autoptr(CrmEntityType) type = g_list_model_get_item (types, type_position);

              seen = crm_entity_type_get_id (type) == type_id;
            }
          g_assert_true (seen);
          last_type = type_id;
        }
    }
  g_assert_true (finds (f->carla, "quente", f->company));
  g_assert_true (finds (f->carla, "quente", f->anas_deal));
}

/* At most per_type results in each type. */
static void
test_per_type (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("Maçã %u", i);
      gint64 id = create_element (f->admin, "contact", title, BRUNO);

      comment (f->bruno, id, "maçãs verdes");
    }
  results = crm_search_global (f->carla, "maca", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
}

/* Editing a comment changes what finds it; deleting it, or its element,
 * takes it out of the index in the same commit. */
static void
test_in_step (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 entry = comment (f->bruno, f->brunos_deal, "Primeira proposta enviada");

  g_assert_true (finds (f->carla, "proposta", f->brunos_deal));
  g_assert_true (crm_timeline_edit_comment (f->bruno, entry, "Contrato assinado", &error));
  g_assert_no_error (error);
  g_assert_false (finds (f->carla, "proposta", f->brunos_deal));
  g_assert_true (finds (f->carla, "assinado", f->brunos_deal));

  g_assert_true (crm_timeline_delete_comment (f->bruno, entry, &error));
  g_assert_no_error (error);
  g_assert_false (finds (f->carla, "assinado", f->brunos_deal));
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH 'assinado'"),
                   ==, 0);

  comment (f->bruno, f->company, "Visita marcada");
  g_assert_true (finds (f->carla, "visita", f->company));
  g_assert_true (crm_element_delete (f->admin, f->company, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f->carla, "visita"), ==, 0);
  /* The index holds nothing the entries do not: FTS5's own check. */
  crm_test_exec_sql (f->path, "INSERT INTO timeline_fts (timeline_fts, rank) VALUES ('integrity-check', 1)");
}

/* Ana reads only her own deals: another's comment does not find his deal
 * for her; Davi reads nothing and finds nothing. */
static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  comment (f->bruno, f->brunos_deal, "Desconto especial combinado");
  comment (f->bruno, f->anas_deal, "Desconto pedido pela cliente");

  g_assert_true (finds (f->carla, "desconto", f->brunos_deal));
  g_assert_true (finds (f->ana, "desconto", f->anas_deal));
  g_assert_false (finds (f->ana, "desconto", f->brunos_deal));
  g_assert_false (finds (f->ana, "licencas", f->brunos_deal));
  g_assert_cmpuint (count (f->ana, "desconto"), ==, 1);
  g_assert_cmpuint (count (f->davi, "desconto"), ==, 0);
  g_assert_cmpuint (count (f->davi, "frota"), ==, 0);
}

/* A value of a field restricted to Bruno is found by him and the admin,
 * never by Carla: not by the value, not by its field change in the
 * timeline; and the snippet shows no tagged word. */
static void
test_restricted (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(CrmFieldConfig) config = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CrmSearchResult) result = NULL;
  gint64 company_type = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store),
                                                                              "company"));
  gint64 user_id = BRUNO;
  gint64 field_id;
  g_autofree char *code = NULL;
  const char *snippet;

  field_id = crm_field_create (f->admin, company_type, "Código secreto", CRM_FIELD_TYPE_STRING, FALSE, NULL, &error);
  g_assert_no_error (error);
  /* Configuring reloads the catalog: keep a copy. */
  code = g_strdup (crm_field_get_code (crm_catalog_get_field (crm_store_get_catalog (f->store), field_id)));
  config = crm_field_config_new_for (crm_catalog_get_field (crm_store_get_catalog (f->store), field_id));
  g_array_append_val (config->visible_users, user_id);
  g_assert_true (crm_field_configure (f->admin, field_id, config, &error));
  g_assert_no_error (error);

  /* Set twice, so the timeline has a field change with the value. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrmElement) element = crm_element_load (f->admin, f->company, &error);

      g_assert_no_error (error);
      g_clear_object (&draft);
      draft = crm_element_draft_new_for (f->admin, element);
      crm_element_draft_set_input_by_code (draft, code, i == 0 ? "Primeiro" : "Xilofone Girassol", &error);
      g_assert_no_error (error);
      crm_element_draft_save (draft, &error);
      g_assert_no_error (error);
    }

  g_assert_true (finds (f->bruno, "xilofone", f->company));
  g_assert_true (finds (f->admin, "girassol", f->company));
  g_assert_false (finds (f->carla, "xilofone", f->company));
  g_assert_false (finds (f->carla, "primeiro", f->company));
  g_assert_cmpuint (count (f->carla, "girassol"), ==, 0);

  results = search (f->bruno, "pao xilofone");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  snippet = crm_search_result_get_snippet (result);
  g_assert_true (snippet == NULL || strstr (snippet, "\xee\x80\x80") == NULL);
}

/* Entries written before schema 9 are found after the migration. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  comment (f->bruno, f->brunos_deal, "Entrega urgente");
  close_store (f);
  crm_test_exec_sql (f->path,
                     "DROP TRIGGER timeline_fts_insert; DROP TRIGGER timeline_fts_delete;"
                     "DROP TRIGGER timeline_fts_update; DROP TABLE timeline_fts; DROP VIEW timeline_text;"
                     "INSERT INTO timeline_entries (element_id, kind, created_at, text) "
                     "  SELECT id, 'call', '2024-05-01T10:00:00.000Z', 'Ligação sobre o contêiner' "
                     "  FROM elements WHERE title LIKE 'Frota%';"
                     "PRAGMA user_version = 8;");
  open_store (f);
  g_assert_cmpint (crm_store_get_schema_version (f->store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_true (finds (f->carla, "urgente", f->brunos_deal));
  g_assert_true (finds (f->carla, "conteiner", f->anas_deal));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/global-search/timeline-text", test_timeline_text);
  ADD ("/global-search/grouped", test_grouped);
  ADD ("/global-search/per-type", test_per_type);
  ADD ("/global-search/in-step", test_in_step);
  ADD ("/global-search/unreadable", test_unreadable);
  ADD ("/global-search/restricted", test_restricted);
  ADD ("/global-search/migration", test_migration);
#undef ADD

  return g_test_run ();
}
