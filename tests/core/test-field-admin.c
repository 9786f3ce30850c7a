/* test-field-admin.c — the Custom fields page's core: how much each field
 * is used, deleting one with everything that holds it, changing options
 *
 * Every refusal is checked against a dump of the whole database taken
 * before it: a rejected call writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define EMPLOYEE 50

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  CrmSession *employee;
  CrmCatalog *catalog;
  gint64      deal_type;
  gint64      contact_type;
  GPtrArray  *changes;   /* of CrmChange, as the store emitted them */
} Fixture;

static void
changed_cb (CrmStore  *store,
            CrmChange *change,
            Fixture   *f)
{
  g_ptr_array_add (f->changes, crm_change_ref (change));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO users (id, login, name, created_at) "
                         "VALUES (%d, 'vera', 'Vera Lúcia', '2026-01-01T00:00:00Z');"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "SELECT id, %d FROM roles WHERE code = 'employee';", EMPLOYEE, EMPLOYEE);
  crm_test_exec_sql (f->path, sql);
  f->employee = crm_session_new (f->store, EMPLOYEE, &error);
  g_assert_no_error (error);

  f->catalog = crm_store_get_catalog (f->store);
  f->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "deal"));
  f->contact_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "contact"));
  f->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_change_unref);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_func (f->store, changed_cb, f);
  g_ptr_array_unref (f->changes);
  g_assert_finalize_object (f->employee);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  g_free (f->path);
  crm_test_tmpdir_free (f->dir);
}

/* ---- Helpers ------------------------------------------------------------------- */

static gint64
create_field (Fixture      *f,
              gint64        type_id,
              const char   *label,
              CrmFieldType  type,
              gboolean      multiple)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_field_create (f->session, type_id, label, type, multiple, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
create_list_field (Fixture    *f,
                   const char *label)
{
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  crm_field_options_add_item (options, "a", "Alfa");
  crm_field_options_add_item (options, "b", "Bravo");
  crm_field_options_add_item (options, "c", "Charlie");
  id = crm_field_create (f->session, f->deal_type, label, CRM_FIELD_TYPE_LIST, FALSE, options, &error);
  g_assert_no_error (error);
  return id;
}

/* A deal titled @title with each field of @field_ids (0-terminated pairs
 * of id and input) filled in. */
static gint64
save_deal (Fixture    *f,
           const char *title,
           ...)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  gint64 field_id, id;

  draft = crm_element_draft_new (f->session, "deal", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", title, &error));
  va_start (args, title);
  while ((field_id = va_arg (args, gint64)) != 0)
    {
      const char *input = va_arg (args, const char *);

      g_assert_true (crm_element_draft_set_input (draft, crm_catalog_get_field (f->catalog, field_id),
                                                  crm_locale_get ("C"), input, &error));
      g_assert_no_error (error);
    }
  va_end (args);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
update_deal (Fixture    *f,
             gint64      id,
             gint64      field_id,
             const char *input)
{
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  element = crm_element_load (f->session, id, &error);
  g_assert_no_error (error);
  draft = crm_element_draft_new_for (f->session, element);
  g_assert_true (crm_element_draft_set_input (draft, crm_catalog_get_field (f->catalog, field_id),
                                              crm_locale_get ("C"), input, &error));
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, id);
  g_assert_no_error (error);
}

static gint64
usage_of (GHashTable *counts,
          gint64      field_id)
{
  gint64 *count = g_hash_table_lookup (counts, &field_id);

  return count != NULL ? *count : 0;
}

/* The count @sql_before_id ends with the id it asks about. */
static gint64
count_rows (Fixture    *f,
            const char *sql_before_id,
            gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("%s%" G_GINT64_FORMAT, sql_before_id, id);

  return crm_test_query_int (f->path, sql);
}

static gint64
fts_matches (Fixture    *f,
             const char *word)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM elements_fts WHERE elements_fts MATCH '%s'", word);

  return crm_test_query_int (f->path, sql);
}

static gboolean
emitted (Fixture       *f,
         CrmChangeKind  kind,
         gint64         id)
{
  for (guint i = 0; i < f->changes->len; i++)
    {
      CrmChange *change = g_ptr_array_index (f->changes, i);

      for (guint j = 0; j < crm_change_get_n_items (change); j++)
        {
          const CrmChangeItem *item = crm_change_get_item (change, j);

          if (item->kind == kind && (id == 0 || item->id == id))
            return TRUE;
        }
    }
  return FALSE;
}

static gint64
standard_section (Fixture *f)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmLayoutSection) section = NULL;
  g_autoptr(GError) error = NULL;
  CrmPipeline *pipeline = crm_catalog_get_default_pipeline (f->catalog, f->deal_type);

  layout = crm_layout_resolve (f->session, f->deal_type, crm_pipeline_get_id (pipeline), 0, &error);
  g_assert_no_error (error);
  section = g_list_model_get_item (crm_layout_get_sections (layout), 0);
  return crm_layout_section_get_id (section);
}

/* ---- Usage ---------------------------------------------------------------------- */

static void
test_usage_counts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) contact_counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 code, phones, unused, nickname;

  code = create_field (f, f->deal_type, "Código interno", CRM_FIELD_TYPE_STRING, FALSE);
  phones = create_field (f, f->deal_type, "Telefones da obra", CRM_FIELD_TYPE_STRING, TRUE);
  unused = create_field (f, f->deal_type, "Nunca usado", CRM_FIELD_TYPE_STRING, FALSE);
  nickname = create_field (f, f->contact_type, "Apelido", CRM_FIELD_TYPE_STRING, FALSE);

  save_deal (f, "Primeiro", code, "A-1", (gint64) 0);
  save_deal (f, "Segundo", code, "A-2", (gint64) 0);
  save_deal (f, "Terceiro", code, "A-3", (gint64) 0);

  /* Two values each: the elements are counted, not the values. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, "deal", &error);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_value_free);

      g_ptr_array_add (values, crm_value_new_text (CRM_FIELD_TYPE_STRING, "1111"));
      g_ptr_array_add (values, crm_value_new_text (CRM_FIELD_TYPE_STRING, "2222"));
      g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Com telefones", &error));
      crm_element_draft_set_values (draft, crm_catalog_get_field (f->catalog, phones), values);
      g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
      g_assert_no_error (error);
    }

  counts = crm_field_count_usage (f->session, f->deal_type, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage_of (counts, code), ==, 3);
  g_assert_cmpint (usage_of (counts, phones), ==, 2);
  g_assert_false (g_hash_table_contains (counts, &unused));
  g_assert_false (g_hash_table_contains (counts, &nickname));
  /* System fields count too, those kept in the element's columns as well. */
  g_assert_cmpint (usage_of (counts, crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "title"))), ==, 5);
  g_assert_cmpint (usage_of (counts, crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "stage"))), ==, 5);
  g_assert_cmpint (usage_of (counts, crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "created_at"))), ==, 5);
  g_assert_cmpint (usage_of (counts, crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "responsible"))), ==, 5);
  g_assert_false (g_hash_table_contains (counts, &(gint64) { crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "amount")) }));

  contact_counts = crm_field_count_usage (f->session, f->contact_type, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (contact_counts), ==, 0);

  g_assert_null (crm_field_count_usage (f->employee, f->deal_type, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (crm_field_count_usage (f->session, 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

/* ---- Deleting -------------------------------------------------------------------- */

static void
test_delete_everywhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Código interno");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *label = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gint64 field_id, kept_id, deal, other, next_id;
  gint64 standard_layout;

  field_id = crm_field_create_full (f->session, f->deal_type, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                                    standard_section (f), G_MAXUINT, &error);
  g_assert_no_error (error);
  kept_id = create_field (f, f->deal_type, "Fica", CRM_FIELD_TYPE_STRING, FALSE);
  deal = save_deal (f, "Obra no centro", field_id, "zebraquatro", kept_id, "girafa", (gint64) 0);
  other = save_deal (f, "Obra na praia", (gint64) 0);
  update_deal (f, other, field_id, "zebraquatro");
  g_assert_cmpint (fts_matches (f, "zebraquatro"), ==, 2);

  /* A personal layout and a view place it too. */
  standard_layout = count_rows (f, "SELECT s.layout_id FROM layout_placements p JOIN layout_sections s "
                                   "ON s.id = p.section_id WHERE p.field_id = ", field_id);
  g_assert_cmpint (standard_layout, >, 0);
  sql = g_strdup_printf ("INSERT INTO layouts (id, entity_type_id, pipeline_id, scope, user_id, updated_at) "
                         "SELECT 900, entity_type_id, pipeline_id, 'personal', %d, updated_at FROM layouts WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO layouts (id, entity_type_id, pipeline_id, scope, name, updated_at) "
                         "SELECT 901, entity_type_id, pipeline_id, 'view', 'Obras', updated_at FROM layouts WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO layout_sections (id, layout_id, title, sort) VALUES (9000, 900, 'Minha', 0), (9010, 901, 'Equipe', 0);"
                         "INSERT INTO layout_placements (section_id, field_id, sort) VALUES "
                         "  (9000, %" G_GINT64_FORMAT ", 0), (9000, %" G_GINT64_FORMAT ", 1), (9010, %" G_GINT64_FORMAT ", 0);",
                         EMPLOYEE, standard_layout, standard_layout, field_id, kept_id, field_id);
  crm_test_exec_sql (f->path, sql);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM layout_placements WHERE field_id = ", field_id), ==, 3);

  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (crm_field_delete (f->session, field_id, &error));
  g_assert_no_error (error);

  g_assert_null (crm_catalog_get_field (f->catalog, field_id));
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM field_values WHERE field_id = ", field_id), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM layout_placements WHERE field_id = ", field_id), ==, 0);
  /* The rest stays: the other field's value, placement and words. */
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM layout_placements WHERE field_id = ", kept_id), ==, 1);
  g_assert_cmpint (fts_matches (f, "zebraquatro"), ==, 0);
  g_assert_cmpint (fts_matches (f, "girafa"), ==, 1);
  g_assert_cmpint (fts_matches (f, "praia"), ==, 1);
  /* One commit told every layout that placed it, and the catalog. */
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_true (emitted (f, CRM_CHANGE_LAYOUT, standard_layout));
  g_assert_true (emitted (f, CRM_CHANGE_LAYOUT, 900));
  g_assert_true (emitted (f, CRM_CHANGE_LAYOUT, 901));
  g_assert_true (emitted (f, CRM_CHANGE_CATALOG, field_id));

  /* The history keeps the change, under the label the field had, even
   * after a new field is created: it never takes the deleted one's id. */
  next_id = create_field (f, f->deal_type, "Outro campo", CRM_FIELD_TYPE_STRING, FALSE);
  g_assert_cmpint (next_id, >, field_id);
  changes = crm_timeline_query_field_changes (f->session, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (crm_timeline_entry_get_change (g_ptr_array_index (changes, 0), &label, &old_text, &new_text));
  g_assert_cmpstr (label, ==, "Código interno");
  g_assert_cmpstr (new_text, ==, "zebraquatro");
  g_assert_cmpint (deal, >, 0);
}

static void
test_delete_file_field (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) contents = g_bytes_new_static ("%PDF-1.4 planta", 15);
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 field_id, file_id;

  field_id = create_field (f, f->deal_type, "Planta", CRM_FIELD_TYPE_FILE, FALSE);
  file_id = crm_file_add (f->session, "planta.pdf", "application/pdf", contents, &error);
  g_assert_no_error (error);
  draft = crm_element_draft_new (f->session, "deal", &error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Com planta", &error));
  crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, field_id),
                               crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
  g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT pending_since IS NULL FROM files WHERE id = ", file_id), ==, 1);

  g_assert_true (crm_field_delete (f->session, field_id, &error));
  g_assert_no_error (error);
  /* Nothing holds the file: the sweep may take it. */
  g_assert_cmpint (count_rows (f, "SELECT pending_since IS NOT NULL FROM files WHERE id = ", file_id), ==, 1);
}

static void
test_delete_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 field_id, amount;

  field_id = create_field (f, f->deal_type, "Código interno", CRM_FIELD_TYPE_STRING, FALSE);
  save_deal (f, "Com código", field_id, "X-1", (gint64) 0);
  amount = crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "amount"));
  before = crm_test_dump_db (f->path);

  g_assert_false (crm_field_delete (f->session, amount, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_field_delete (f->employee, field_id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_field_delete (f->session, 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (crm_catalog_get_field (f->catalog, field_id));
}

/* A database from before schema 7 that lost its newest field: the history
 * still names that field's id, which stays retired. */
static void
test_retired_from_history (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 field_id, next_id;

  field_id = create_field (f, f->deal_type, "Efêmero", CRM_FIELD_TYPE_STRING, FALSE);
  update_deal (f, save_deal (f, "Passou", (gint64) 0), field_id, "valor");
  g_assert_true (crm_field_delete (f->session, field_id, &error));
  g_assert_no_error (error);

  g_clear_object (&f->employee);
  g_signal_handlers_disconnect_by_func (f->store, changed_cb, f);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  crm_test_exec_sql (f->path, "DROP TRIGGER fields_retire_id; DROP TRIGGER entity_types_retire_id;"
                              "DROP TABLE retired_ids; PRAGMA user_version = 6;");

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->employee = crm_session_new (f->store, EMPLOYEE, &error);
  g_assert_no_error (error);
  f->catalog = crm_store_get_catalog (f->store);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);

  g_assert_cmpint (crm_test_query_int (f->path, "SELECT last_id FROM retired_ids WHERE name = 'fields'"), ==, field_id);
  next_id = create_field (f, f->deal_type, "Novo", CRM_FIELD_TYPE_STRING, FALSE);
  g_assert_cmpint (next_id, >, field_id);
}

/* ---- Options -------------------------------------------------------------------- */

static CrmFieldConfig *
config_with_items (Fixture    *f,
                   gint64      field_id,
                   const char *first_key,
                   ...)
{
  CrmFieldConfig *config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, field_id));
  va_list args;

  config->options = crm_field_options_new ();
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    crm_field_options_add_item (config->options, key, va_arg (args, const char *));
  va_end (args);
  return config;
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CrmFieldConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CrmFieldOptions *options;
  gint64 list_id;

  list_id = create_list_field (f, "Fase da obra");
  save_deal (f, "Obra", list_id, "b", (gint64) 0);
  g_assert_cmpint (fts_matches (f, "bravo"), ==, 1);

  /* Renamed, reordered, one added and one nobody holds removed. */
  config = config_with_items (f, list_id, "b", "Bravíssimo", "a", "Alfa", "d", "Delta", NULL);
  g_assert_true (crm_field_configure (f->session, list_id, config, &error));
  g_assert_no_error (error);
  options = crm_field_get_options (crm_catalog_get_field (f->catalog, list_id));
  g_assert_cmpuint (options->items->len, ==, 3);
  g_assert_cmpstr (((CrmListItem *) g_ptr_array_index (options->items, 0))->label, ==, "Bravíssimo");
  g_assert_cmpstr (((CrmListItem *) g_ptr_array_index (options->items, 2))->key, ==, "d");
  /* The element is found by the item's new words, not the old ones. */
  g_assert_cmpint (fts_matches (f, "bravissimo"), ==, 1);
  g_assert_cmpint (fts_matches (f, "bravo"), ==, 0);
  g_clear_pointer (&config, crm_field_config_free);

  before = crm_test_dump_db (f->path);

  /* An item an element holds stays. */
  config = config_with_items (f, list_id, "a", "Alfa", "d", "Delta", NULL);
  g_assert_false (crm_field_configure (f->session, list_id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Bravíssimo"));
  g_clear_error (&error);
  g_clear_pointer (&config, crm_field_config_free);

  /* A list keeps at least one item. */
  config = config_with_items (f, list_id, NULL);
  g_assert_false (crm_field_configure (f->session, list_id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&config, crm_field_config_free);

  /* System fields keep theirs. */
  config = config_with_items (f, crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "deal_type")),
                              "sale", "Venda", NULL);
  g_assert_false (crm_field_configure (f->session, crm_field_get_id (crm_catalog_find_field (f->catalog, f->deal_type, "deal_type")),
                                       config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&config, crm_field_config_free);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_options_keep_meaning (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CrmFieldOptions) link_options = crm_field_options_new ();
  g_autoptr(CrmFieldConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 margin, contact_link, code;

  margin = create_field (f, f->deal_type, "Margem", CRM_FIELD_TYPE_DECIMAL, FALSE);
  link_options->link_type = g_strdup ("contact");
  contact_link = crm_field_create (f->session, f->deal_type, "Indicado por", CRM_FIELD_TYPE_LINK, FALSE,
                                   link_options, &error);
  g_assert_no_error (error);
  code = create_field (f, f->deal_type, "Código", CRM_FIELD_TYPE_STRING, FALSE);

  /* A default may change. */
  config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, code));
  config->options = crm_field_options_new ();
  config->options->default_value = g_strdup ("OBRA-");
  g_assert_true (crm_field_configure (f->session, code, config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_field_get_options (crm_catalog_get_field (f->catalog, code))->default_value, ==, "OBRA-");
  g_clear_pointer (&config, crm_field_config_free);

  before = crm_test_dump_db (f->path);

  config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, margin));
  config->options = crm_field_options_copy (crm_field_get_options (crm_catalog_get_field (f->catalog, margin)));
  config->options->precision = 4;
  g_assert_false (crm_field_configure (f->session, margin, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&config, crm_field_config_free);

  config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, contact_link));
  config->options = crm_field_options_copy (link_options);
  g_free (config->options->link_type);
  config->options->link_type = g_strdup ("company");
  g_assert_false (crm_field_configure (f->session, contact_link, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&config, crm_field_config_free);

  /* Nor may someone without the right change a default. */
  config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, code));
  config->options = crm_field_options_new ();
  g_assert_false (crm_field_configure (f->employee, code, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/field-admin/usage-counts", test_usage_counts);
  ADD ("/field-admin/delete-everywhere", test_delete_everywhere);
  ADD ("/field-admin/delete-file-field", test_delete_file_field);
  ADD ("/field-admin/delete-refused", test_delete_refused);
  ADD ("/field-admin/retired-from-history", test_retired_from_history);
  ADD ("/field-admin/options", test_options);
  ADD ("/field-admin/options-keep-meaning", test_options_keep_meaning);

  return g_test_run ();
}
