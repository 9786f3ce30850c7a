/* convert-fixture.c — the database test-convert and test-relations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "convert-fixture.h"
#include "crm-test-utils.h"

static const char setup_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z'),"
  "  (503, 'dora', 'Dora Lima', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO roles (id, code, name) VALUES (90, 'rep', 'Vendedor'), (91, 'sdr', 'Pré-vendas');"
  "INSERT INTO role_permissions (role_id, permission, entity_type_id) VALUES "
  "  (90, 'element.read', NULL), (90, 'element.write', NULL),"
  "  (91, 'element.read', NULL), (91, 'element.read_all', NULL),"
  "  (91, 'element.write', (SELECT id FROM entity_types WHERE code = 'lead'));"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 500), (91, 503);"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, 501 FROM roles r WHERE r.code = 'employee';"
  /* Custom fields: same code on both sides; same label only; same code
   * but another type; a list whose items differ. */
  "INSERT INTO fields (id, entity_type_id, code, label, type, options, sort, created_at) VALUES "
  "  (9001, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_cpf', 'CPF', 'string', NULL, 100, '2024-01-01T00:00:00.000Z'),"
  "  (9002, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_cpf', 'CPF do cliente', 'string', NULL, 100, '2024-01-01T00:00:00.000Z'),"
  "  (9003, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_9003', 'Canal', 'string', NULL, 101, '2024-01-01T00:00:00.000Z'),"
  "  (9004, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_9004', 'canal', 'string', NULL, 101, '2024-01-01T00:00:00.000Z'),"
  "  (9005, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_size', 'Porte', 'string', NULL, 102, '2024-01-01T00:00:00.000Z'),"
  "  (9006, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_size', 'Porte', 'integer', NULL, 102, '2024-01-01T00:00:00.000Z'),"
  "  (9007, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_tier', 'Nível', 'list', "
  "     '{\"items\":[{\"key\":\"gold\",\"label\":\"Ouro\"},{\"key\":\"silver\",\"label\":\"Prata\"}]}', 103, '2024-01-01T00:00:00.000Z'),"
  "  (9008, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_tier', 'Nível', 'list', "
  "     '{\"items\":[{\"key\":\"gold\",\"label\":\"Ouro\"}]}', 103, '2024-01-01T00:00:00.000Z'),"
  "  (9009, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_other', 'Nível 2', 'list', "
  "     '{\"items\":[{\"key\":\"silver\",\"label\":\"Prata\"}]}', 104, '2024-01-01T00:00:00.000Z'),"
  "  (9010, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_other', 'Nível 2', 'list', "
  "     '{\"items\":[{\"key\":\"gold\",\"label\":\"Ouro\"}]}', 104, '2024-01-01T00:00:00.000Z');";

/* ---- Helpers ------------------------------------------------------------------ */

CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

void
set_input (CrmElementDraft *draft,
           const char      *code,
           const char      *input)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_element_draft_set_input_by_code (draft, code, input, &error));
  g_assert_no_error (error);
}

gint64
save (CrmElementDraft *draft)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_element_draft_save (draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
set_link (CrmStore        *store,
          CrmElementDraft *draft,
          const char      *code,
          gint64           id)
{
  CrmField *field = crm_catalog_find_field (crm_store_get_catalog (store),
                                            crm_element_draft_get_entity_type_id (draft), code);

  crm_element_draft_set_value (draft, field, id ? crm_value_new_number (CRM_FIELD_TYPE_LINK, id) : NULL);
}

/* The display text of field @code of element @id, as the admin sees it. */
char *
format_field (Fixture    *f,
              gint64      id,
              const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->admin, id, &error);
  CrmField *field;

  g_assert_no_error (error);
  field = crm_catalog_find_field (crm_store_get_catalog (f->store), crm_element_get_entity_type_id (element), code);
  g_assert_nonnull (field);
  return crm_element_format_field (element, field);
}

gint64
link_of (Fixture    *f,
         gint64      id,
         const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT v.value FROM field_values v JOIN fields f ON f.id = v.field_id "
                                          "WHERE v.element_id = %" G_GINT64_FORMAT " AND f.code = '%s' AND f.type = 'link'",
                                          id, code);

  return crm_test_query_int (f->path, sql);
}

/* Takes @sql. */
void
assert_query_text (const char *path,
                   char       *sql,
                   const char *expected)
{
  g_autofree char *text = crm_test_query_text (path, sql);

  g_assert_cmpstr (text, ==, expected);
  g_free (sql);
}

CrmConversion *
convert (CrmSession  *session,
         gint64       source,
         const char  *targets)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = g_strsplit (targets, ",", -1);
  CrmConversion *conversion = crm_conversion_new (session, source, (const char * const *)codes, &error);

  g_assert_no_error (error);
  return conversion;
}

GArray *
run (CrmConversion *conversion)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = crm_conversion_run (conversion, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* ---- Fixture ------------------------------------------------------------------ */

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) company = NULL;
  g_autoptr(CrmElementDraft) contact = NULL;
  g_autoptr(CrmElementDraft) lead = NULL;
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
  crm_test_exec_sql (f->path, setup_sql);

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->dora = new_session (f->store, DORA);

  company = crm_element_draft_new (f->admin, "company", &error);
  set_input (company, "title", "Padaria Pão Quente");
  f->company = save (company);
  contact = crm_element_draft_new (f->admin, "contact", &error);
  set_input (contact, "name", "Joana");
  f->contact = save (contact);

  lead = crm_element_draft_new (f->admin, "lead", &error);
  g_assert_no_error (error);
  crm_element_draft_set_responsible (lead, BRUNO);
  set_input (lead, "title", "Site novo para a padaria");
  set_input (lead, "name", "Marcos");
  set_input (lead, "last_name", "Pereira");
  set_input (lead, "company_name", "Marcos Doces");
  set_input (lead, "phone", "+55 11 98765-4321");
  set_input (lead, "email", "marcos@doces.com.br");
  set_input (lead, "amount", "4500.00 BRL");
  set_input (lead, "comments", "Quer loja on-line");
  set_input (lead, "source", "website");
  set_input (lead, "uf_cpf", "123.456.789-09");
  set_input (lead, "uf_9003", "Instagram");
  set_input (lead, "uf_size", "42");
  set_input (lead, "uf_tier", "gold");
  set_input (lead, "uf_other", "silver");
  f->lead = save (lead);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->dora);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}
