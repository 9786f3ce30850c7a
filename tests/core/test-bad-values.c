/* test-bad-values.c — bad values of every field type through the core
 * API: each is refused with a clear error of the right code, and the
 * database is exactly as it was (every table dumped before and after)
 *
 * Contacts get one custom field of each type a person can create; one
 * contact holds values already, so updates are tried too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define TEN_MB (10 * 1024 * 1024)

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  gint64      contact_type_id;
  gint64      deal_type_id;
  GHashTable *fields;       /* type code → field id */
  gint64      existing;     /* a contact with values */
  gint64      deal;         /* a deal, which a contact link must not take */
  char       *dump;         /* the database before the case */
} Fixture;

/* ---- Helpers ------------------------------------------------------------------ */

static CrmField *
field_of (Fixture    *f,
          const char *type_code)
{
  gint64 id = GPOINTER_TO_SIZE (g_hash_table_lookup (f->fields, type_code));
  CrmField *field = crm_catalog_get_field (crm_store_get_catalog (f->store), id);

  g_assert_nonnull (field);
  return field;
}

/* A message a person can read: valid text, not empty, not a page long. */
static void
assert_clear_error (const GError *error,
                    int           code,
                    const char   *what)
{
  if (error == NULL)
    g_error ("%s: accepted", what);
  if (error->domain != CRM_ERROR || error->code != code)
    g_error ("%s: error %s:%d “%s”, expected code %d", what,
             g_quark_to_string (error->domain), error->code, error->message, code);
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (error->message, -1);

      g_error ("%s: the message is not valid text: %s", what, shown);
    }
  g_assert_cmpuint (strlen (error->message), >, 5);
  if (strlen (error->message) > 400)
    g_error ("%s: a message of %zu bytes", what, strlen (error->message));
}

static void
assert_unchanged (Fixture    *f,
                  const char *what)
{
  g_autofree char *now = crm_test_dump_db (f->path);

  if (g_strcmp0 (now, f->dump) != 0)
    {
      g_auto(GStrv) before = g_strsplit (f->dump, "\n", -1);
      g_auto(GStrv) after = g_strsplit (now, "\n", -1);
      guint i = 0;

      while (before[i] != NULL && after[i] != NULL && g_str_equal (before[i], after[i]))
        i++;
      g_error ("%s changed the database; first difference:\n  before: %.200s\n  after:  %.200s",
               what, before[i] ? before[i] : "(end)", after[i] ? after[i] : "(end)");
    }
}

static char *
repeat (char  c,
        gsize n)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  text[n] = '\0';
  return text;
}

static CrmElementDraft *
new_contact_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CrmElementDraft *draft = crm_element_draft_new (f->session, "contact", &error);

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", "Nova", &error));
  g_assert_no_error (error);
  return draft;
}

static CrmElementDraft *
existing_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->session, f->existing, &error);

  g_assert_no_error (error);
  return crm_element_draft_new_for (f->session, element);
}

/* ---- Fixture ------------------------------------------------------------------ */

static gint64
create_field (Fixture      *f,
              const char   *label,
              CrmFieldType  type,
              CrmFieldOptions *options)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_field_create (f->session, f->contact_type_id, label, type, FALSE, options, &error);

  g_assert_no_error (error);
  g_hash_table_insert (f->fields, (gpointer)crm_field_type_to_code (type), GSIZE_TO_POINTER (id));
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldOptions) list = crm_field_options_new ();
  g_autoptr(CrmFieldOptions) link = crm_field_options_new ();
  g_autoptr(CrmFieldOptions) money = crm_field_options_new ();
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("PDF", 3);
  CrmCatalog *catalog;
  gint64 file_id;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  catalog = crm_store_get_catalog (f->store);
  f->contact_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "contact"));
  f->deal_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  f->fields = g_hash_table_new (g_str_hash, g_str_equal);

  crm_field_options_add_item (list, "gold", "Ouro");
  crm_field_options_add_item (list, "silver", "Prata");
  link->link_type = g_strdup ("contact");
  money->currency = g_strdup ("BRL");
  create_field (f, "Apelido", CRM_FIELD_TYPE_STRING, NULL);
  create_field (f, "Notas", CRM_FIELD_TYPE_TEXT, NULL);
  create_field (f, "Filhos", CRM_FIELD_TYPE_INTEGER, NULL);
  create_field (f, "Desconto", CRM_FIELD_TYPE_DECIMAL, NULL);
  create_field (f, "Limite", CRM_FIELD_TYPE_MONEY, money);
  create_field (f, "Ativo", CRM_FIELD_TYPE_BOOLEAN, NULL);
  create_field (f, "Aniversário", CRM_FIELD_TYPE_DATE, NULL);
  create_field (f, "Última visita", CRM_FIELD_TYPE_DATETIME, NULL);
  create_field (f, "Categoria", CRM_FIELD_TYPE_LIST, list);
  create_field (f, "Site", CRM_FIELD_TYPE_URL, NULL);
  create_field (f, "E-mail pessoal", CRM_FIELD_TYPE_EMAIL, NULL);
  create_field (f, "Recado", CRM_FIELD_TYPE_PHONE, NULL);
  create_field (f, "Chat", CRM_FIELD_TYPE_MESSENGER, NULL);
  create_field (f, "Entrega", CRM_FIELD_TYPE_ADDRESS, NULL);
  create_field (f, "Contrato", CRM_FIELD_TYPE_FILE, NULL);
  create_field (f, "Indicado por", CRM_FIELD_TYPE_LINK, link);
  create_field (f, "Gerente", CRM_FIELD_TYPE_EMPLOYEE, NULL);

  file_id = crm_file_add (f->session, "contrato.pdf", "application/pdf", bytes, &error);
  g_assert_no_error (error);
  draft = crm_element_draft_new (f->session, "contact", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", "Antiga", &error));
  g_assert_true (crm_element_draft_set_input (draft, field_of (f, "string"), NULL, "Tiga", &error));
  g_assert_true (crm_element_draft_set_input (draft, field_of (f, "date"), crm_locale_get ("C"), "2024-05-06", &error));
  g_assert_true (crm_element_draft_set_input (draft, field_of (f, "money"), crm_locale_get ("C"), "100.50", &error));
  g_assert_no_error (error);
  crm_element_draft_set_value (draft, field_of (f, "file"), crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
  f->existing = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_clear_object (&draft);

  draft = crm_element_draft_new (f->session, "deal", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Negócio", &error));
  f->deal = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_true (crm_timeline_add_comment (f->session, f->existing, "Cliente antiga", &error) > 0);
  g_assert_no_error (error);

  f->dump = crm_test_dump_db (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  g_hash_table_unref (f->fields);
  crm_test_tmpdir_free (f->dir);
  g_free (f->dump);
  g_free (f->path);
}

/* ---- What people type --------------------------------------------------------- */

typedef struct
{
  const char *type;    /* code of the field's type */
  const char *input;
} BadInput;

static const BadInput bad_inputs[] = {
  { "string", "Tiga\xff" },
  { "string", "linha\nquebrada" },
  { "text", "Notas \xc3\x28 quebradas" },
  { "integer", "9223372036854775808" },
  { "integer", "-9223372036854775809" },
  { "integer", "12abc" },
  { "integer", "1\xff" },
  { "integer", "1,5" },
  { "decimal", "92233720368547758.08" },
  { "decimal", "92233720368547759" },
  { "decimal", "1.234" },
  { "decimal", "abc" },
  { "money", "92233720368547758.08" },
  { "money", "99999999999999999999 BRL" },
  { "money", "-92233720368547758.09" },
  { "money", "1.00 XYZ" },
  { "money", "1.005" },
  { "money", "R$" },
  { "boolean", "talvez" },
  { "date", "2025-02-30" },
  { "date", "30/02/2025" },
  { "date", "2025-02-29" },
  { "date", "2025-13-01" },
  { "date", "2025-04-31" },
  { "date", "0000-01-01" },
  { "date", "2025-02-30\xff" },
  { "datetime", "2025-01-01 24:61" },
  { "datetime", "2025-01-01 24:00" },
  { "datetime", "2025-01-01 23:60" },
  { "datetime", "2025-01-01 12:00:61" },
  { "datetime", "2025-01-01T24:61:00" },
  { "datetime", "2025-02-30 10:00" },
  { "datetime", "2025-01-01 13:00 PM" },
  { "list", "platina" },
  { "list", "Ouro\xff" },
  { "url", "ht!tp://exemplo" },
  { "url", "javascript:alert(1)" },
  { "url", "ftp://exemplo.com.br" },
  { "url", "https://exem plo.com.br" },
  { "url", "http://" },
  { "email", "ana@" },
  { "email", "@exemplo.com" },
  { "email", "ana@exemplo" },
  { "email", "ana souza@exemplo.com" },
  { "email", "ana@@exemplo.com" },
  { "email", "ana@exemplo..com" },
  { "email", "ana\xff@exemplo.com" },
  { "phone", "abc" },
  { "phone", "123" },
  { "phone", "+99999999999999999999" },
  { "phone", "(11) 9\xff" },
  { "messenger", "@ana\nsouza" },
  { "address", "{\"street\":\"Rua A\\u0000Rua B\"}" },
  { "address", "{\"street\":\"Rua \\ud800\"}" },
  { "address", "{\"street\":5}" },
  { "address", "{}" },
  { "address", "{\"street\":" },
  { "file", "abc" },
  { "file", "-1" },
  { "file", "0" },
  { "file", "99999999999999999999" },
  { "link", "#abc" },
  { "link", "0" },
  { "employee", "-5" },
  { "employee", "Ana" },
};

/* Refused where it is typed, with the field's name in the message, and
 * the draft keeps no value for it. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrmElementDraft) draft = new_contact_draft (f);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      CrmField *field = field_of (f, bad_inputs[i].type);
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("%s input “%s”", bad_inputs[i].type, bad_inputs[i].input);
      g_autofree char *shown = g_utf8_make_valid (what, -1);

      if (crm_element_draft_set_input (draft, field, crm_locale_get ("C"), bad_inputs[i].input, &error))
        g_error ("%s: accepted", shown);
      assert_clear_error (error, CRM_ERROR_VALIDATION, shown);
      g_assert_true (g_str_has_prefix (error->message, crm_field_get_label (field)));
      g_assert_null (crm_element_draft_get_values (draft, field));
    }
  assert_unchanged (f, "typing bad values");
}

/* Ten megabytes in every field that takes text, typed or set. */
static void
test_huge_text (Fixture       *f,
                gconstpointer  data)
{
  static const char *types[] = { "string", "text", "integer", "date", "url", "email", "phone",
                                 "messenger", "list", "address", "money", "link" };
  g_autofree char *huge = repeat ('7', TEN_MB);
  g_autofree char *huge_json = NULL;
  g_autoptr(CrmElementDraft) draft = new_contact_draft (f);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (crm_element_draft_set_input (draft, field_of (f, types[i]), NULL, huge, &error));
      assert_clear_error (error, CRM_ERROR_VALIDATION, types[i]);
    }

  huge_json = g_strdup_printf ("{\"street\":\"%s\"}", huge);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_element_draft_set_input (draft, field_of (f, "address"), NULL, huge_json, &error));
    assert_clear_error (error, CRM_ERROR_VALIDATION, "address JSON");
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      CrmField *field = field_of (f, i == 0 ? "string" : "text");
      g_autoptr(CrmElementDraft) setter = i == 0 ? new_contact_draft (f) : existing_draft (f);

      crm_element_draft_set_value (setter, field, crm_value_new_text (crm_field_get_field_type (field), huge));
      g_assert_cmpint (crm_element_draft_save (setter, &error), ==, 0);
      assert_clear_error (error, CRM_ERROR_VALIDATION, "10 MB value");
    }
  assert_unchanged (f, "10 MB values");
}

/* ---- What imports and conversions set ---------------------------------------- */

typedef struct
{
  const char *type;
  gint64      number;
  const char *text;
  const char *aux;
  const char *kind;
} BadValue;

static const BadValue bad_values[] = {
  { "string", 0, "Tiga\xff", NULL, NULL },
  { "string", 0, "", NULL, NULL },
  { "string", 0, NULL, NULL, NULL },
  { "string", 0, "duas\nlinhas", NULL, NULL },
  { "string", 0, "Tiga", NULL, "work" },
  { "text", 0, "\xed\xa0\x80", NULL, NULL },
  { "money", 100, NULL, "XYZ", NULL },
  { "money", 100, NULL, NULL, NULL },
  { "money", 100, NULL, "BR\xff", NULL },
  { "boolean", 2, NULL, NULL, NULL },
  { "boolean", -1, NULL, NULL, NULL },
  { "date", 0, "2025-02-30", NULL, NULL },
  { "date", 0, "2025-2-3", NULL, NULL },
  { "date", 0, "30/01/2025", NULL, NULL },
  { "date", 0, NULL, NULL, NULL },
  { "datetime", 0, "2025-01-01T24:61:00Z", NULL, NULL },
  { "datetime", 0, "2025-01-01T10:00:00", NULL, NULL },
  { "datetime", 0, "2025-02-30T10:00:00Z", NULL, NULL },
  { "list", 0, "platina", NULL, NULL },
  { "list", 0, NULL, NULL, NULL },
  { "url", 0, "exemplo", NULL, NULL },
  { "url", 0, "javascript:alert(1)", NULL, NULL },
  { "email", 0, "ana", NULL, "work" },
  { "email", 0, "ana@exemplo.com", NULL, "satellite" },
  { "phone", 0, "(11) 98765-4321", NULL, "mobile" },
  { "phone", 0, "(11) 98765-4321", "123", "mobile" },
  { "phone", 0, "(11) 98765-4321", "+5511987654321", "satellite" },
  { "messenger", 0, "@ana", NULL, "pombo" },
  { "address", 0, "não é JSON", NULL, NULL },
  { "address", 0, "{}", NULL, NULL },
  { "address", 0, "{\"street\":\"Rua A\\u0000Rua B\"}", NULL, NULL },
  { "file", 0, NULL, NULL, NULL },
  { "file", 999999, NULL, NULL, NULL },
  { "link", 999999, NULL, NULL, NULL },
  { "link", -3, NULL, NULL, NULL },
  { "employee", 999999, NULL, NULL, NULL },
  { "employee", 0, NULL, NULL, NULL },
};

static CrmValue *
make_value (const BadValue *bad,
            CrmField       *field)
{
  CrmValue *value = crm_value_new_number (crm_field_get_field_type (field), bad->number);

  value->text = g_strdup (bad->text);
  value->aux = g_strdup (bad->aux);
  value->kind = g_strdup (bad->kind);
  return value;
}

/* Set as canonical values, on a new element and on one with values:
 * saving refuses, names the field, and writes nothing. */
static void
test_bad_value (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    for (guint update = 0; update < 2; update++)
      {
        CrmField *field = field_of (f, bad_values[i].type);
        g_autoptr(CrmElementDraft) draft = update ? existing_draft (f) : new_contact_draft (f);
        g_autoptr(GError) error = NULL;
        g_autofree char *what = g_strdup_printf ("%s value %" G_GINT64_FORMAT " “%s” %s %s (%s)",
                                                 bad_values[i].type, bad_values[i].number,
                                                 bad_values[i].text ? bad_values[i].text : "",
                                                 bad_values[i].aux ? bad_values[i].aux : "",
                                                 bad_values[i].kind ? bad_values[i].kind : "",
                                                 update ? "update" : "new");
        g_autofree char *shown = g_utf8_make_valid (what, -1);

        crm_element_draft_set_value (draft, field, make_value (&bad_values[i], field));
        g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
        assert_clear_error (error, CRM_ERROR_VALIDATION, shown);
        g_assert_true (g_ptr_array_find (crm_element_draft_get_invalid_fields (draft), field, NULL));
        assert_unchanged (f, shown);
      }
}

/* References to what does not exist, or is of the wrong kind, and values
 * that do not fit their field. */
static void
test_bad_reference (Fixture       *f,
                    gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);

  /* A contact link that points to a deal. */
  {
    g_autoptr(CrmElementDraft) draft = existing_draft (f);
    g_autoptr(GError) error = NULL;

    crm_element_draft_set_value (draft, field_of (f, "link"), crm_value_new_number (CRM_FIELD_TYPE_LINK, f->deal));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "link to a deal");
  }
  /* A text where a number goes. */
  {
    g_autoptr(CrmElementDraft) draft = new_contact_draft (f);
    g_autoptr(GError) error = NULL;

    crm_element_draft_set_value (draft, field_of (f, "integer"), crm_value_new_text (CRM_FIELD_TYPE_STRING, "3"));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "string into integer");
  }
  /* Two values in a single field. */
  {
    g_autoptr(CrmElementDraft) draft = existing_draft (f);
    g_autoptr(GError) error = NULL;

    g_ptr_array_add (two, crm_value_new_text (CRM_FIELD_TYPE_STRING, "Um"));
    g_ptr_array_add (two, crm_value_new_text (CRM_FIELD_TYPE_STRING, "Dois"));
    crm_element_draft_set_values (draft, field_of (f, "string"), two);
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "two values");
  }
  /* A field Clientele fills in. */
  {
    g_autoptr(CrmElementDraft) draft = existing_draft (f);
    CrmField *created_at = crm_catalog_find_field (catalog, f->contact_type_id, "created_at");
    g_autoptr(GError) error = NULL;

    crm_element_draft_set_value (draft, created_at, crm_value_new_text (CRM_FIELD_TYPE_DATETIME,
                                                                       "2020-01-01T00:00:00Z"));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "created_at");
  }
  /* A field of deals on a contact. */
  {
    g_autoptr(CrmElementDraft) draft = existing_draft (f);
    CrmField *amount = crm_catalog_find_field (catalog, f->deal_type_id, "amount");
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (amount);
    crm_element_draft_set_value (draft, amount, crm_value_new_money (100, "BRL"));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "a deal's field");
  }
  /* A responsible person, a stage, a pipeline, a lead kind that do not exist. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, i < 3 ? "deal" : "lead", &error);

      g_assert_no_error (error);
      g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Outro", &error));
      if (i == 0)
        crm_element_draft_set_responsible (draft, 999999);
      else if (i == 1)
        crm_element_draft_set_stage (draft, 999999);
      else if (i == 2)
        crm_element_draft_set_pipeline (draft, 999999);
      else
        crm_element_draft_set_lead_kind (draft, 999999);
      g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
      assert_clear_error (error, CRM_ERROR_VALIDATION, "columns");
    }
  /* A type that does not exist. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (crm_element_draft_new (f->session, "planeta", &error));
    assert_clear_error (error, CRM_ERROR_NOT_FOUND, "type");
  }
  assert_unchanged (f, "bad references");
}

/* ---- Fields ---------------------------------------------------------------------- */

static void
assert_create_fails (Fixture               *f,
                     gint64                 type_id,
                     const char            *label,
                     CrmFieldType           type,
                     const CrmFieldOptions *options,
                     int                    code,
                     const char            *what)
{
  g_autoptr(GError) error = NULL;

  if (crm_field_create (f->session, type_id, label, type, FALSE, options, &error) != 0)
    g_error ("%s: accepted", what);
  assert_clear_error (error, code, what);
}

static void
test_bad_field (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *huge = repeat ('x', TEN_MB);
  g_autofree char *long_label = repeat ('x', 256);
  gint64 contact = f->contact_type_id;

  assert_create_fails (f, contact, "Campo\xff", CRM_FIELD_TYPE_STRING, NULL, CRM_ERROR_VALIDATION, "label");
  assert_create_fails (f, contact, huge, CRM_FIELD_TYPE_STRING, NULL, CRM_ERROR_VALIDATION, "10 MB label");
  assert_create_fails (f, contact, long_label, CRM_FIELD_TYPE_STRING, NULL, CRM_ERROR_VALIDATION, "long label");
  assert_create_fails (f, contact, "  ", CRM_FIELD_TYPE_STRING, NULL, CRM_ERROR_VALIDATION, "empty label");
  assert_create_fails (f, contact, "duas\nlinhas", CRM_FIELD_TYPE_STRING, NULL, CRM_ERROR_VALIDATION, "label lines");
  assert_create_fails (f, contact, "Etapa", CRM_FIELD_TYPE_STAGE, NULL, CRM_ERROR_VALIDATION, "stage type");
  assert_create_fails (f, contact, "Nada", CRM_FIELD_TYPE_LAST, NULL, CRM_ERROR_VALIDATION, "no type");
  assert_create_fails (f, 999999, "Campo", CRM_FIELD_TYPE_STRING, NULL, CRM_ERROR_NOT_FOUND, "no entity type");
  assert_create_fails (f, contact, "Lista", CRM_FIELD_TYPE_LIST, NULL, CRM_ERROR_VALIDATION, "empty list");

  {
    static const char *items[][2] = {
      { "a", "A" }, { "a", "B" },             /* the same key twice */
      { "b", "Ouro" }, { "c", "ouro" },       /* labels only case apart */
      { "d\xff", "D" },                       /* a key that is not text */
      { "e", "E\xff" },                       /* a label that is not text */
      { "f\ng", "F" },                        /* a key of two lines */
      { "", "H" },                            /* no key */
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i += (i < 4 ? 2 : 1))
      {
        g_autoptr(CrmFieldOptions) options = crm_field_options_new ();

        crm_field_options_add_item (options, items[i][0], items[i][1]);
        if (i < 4)
          crm_field_options_add_item (options, items[i + 1][0], items[i + 1][1]);
        assert_create_fails (f, contact, "Lista", CRM_FIELD_TYPE_LIST, options, CRM_ERROR_VALIDATION, "items");
      }
  }

  {
    static const struct {
      CrmFieldType type;
      const char  *default_value;
      guint        precision;
      const char  *currency;
      const char  *link_type;
    } bad_options[] = {
      { CRM_FIELD_TYPE_DECIMAL, NULL, 7, NULL, NULL },
      { CRM_FIELD_TYPE_DECIMAL, NULL, G_MAXUINT, NULL, NULL },
      { CRM_FIELD_TYPE_MONEY, NULL, 2, "XYZ", NULL },
      { CRM_FIELD_TYPE_MONEY, NULL, 2, "BR\xff", NULL },
      { CRM_FIELD_TYPE_MONEY, "92233720368547758.08", 2, "BRL", NULL },
      { CRM_FIELD_TYPE_DATE, "2025-02-30", 2, NULL, NULL },
      { CRM_FIELD_TYPE_DATETIME, "2025-01-01 24:61", 2, NULL, NULL },
      { CRM_FIELD_TYPE_INTEGER, "9223372036854775808", 2, NULL, NULL },
      { CRM_FIELD_TYPE_STRING, "Tiga\xff", 2, NULL, NULL },
      { CRM_FIELD_TYPE_EMAIL, "ana@", 2, NULL, NULL },
      { CRM_FIELD_TYPE_LINK, NULL, 2, NULL, "planeta" },
      { CRM_FIELD_TYPE_LINK, NULL, 2, NULL, "" },
      { CRM_FIELD_TYPE_LINK, NULL, 2, NULL, "deal\xff" },
      { CRM_FIELD_TYPE_EMPLOYEE, "999999", 2, NULL, NULL },
      { CRM_FIELD_TYPE_LINK, "999999", 2, NULL, NULL },
      { CRM_FIELD_TYPE_FILE, "999999", 2, NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad_options); i++)
      {
        g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
        g_autofree char *what = g_strdup_printf ("options %u", i);

        options->default_value = g_strdup (bad_options[i].default_value);
        options->precision = bad_options[i].precision;
        options->currency = g_strdup (bad_options[i].currency);
        options->link_type = g_strdup (bad_options[i].link_type);
        assert_create_fails (f, contact, "Campo", bad_options[i].type, options, CRM_ERROR_VALIDATION, what);
      }
  }
  assert_unchanged (f, "bad fields");
}

static void
test_bad_configuration (Fixture       *f,
                        gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  CrmField *field = field_of (f, "string");
  CrmField *name = crm_catalog_find_field (catalog, f->contact_type_id, "name");
  CrmPipeline *deals = crm_catalog_get_default_pipeline (catalog, f->deal_type_id);
  gint64 nobody = 999999;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(CrmFieldConfig) config = crm_field_config_new_for (i == 6 ? name : field);
      g_autoptr(GError) error = NULL;
      gint64 field_id = crm_field_get_id (i == 6 ? name : field);
      int code = CRM_ERROR_VALIDATION;

      switch (i)
        {
        case 0:
          g_free (config->label);
          config->label = g_strdup ("Apelido\xff");
          break;
        case 1:
          g_free (config->label);
          config->label = repeat ('y', TEN_MB);
          break;
        case 2:
          config->required_mode = 99;
          break;
        case 3:
          /* From a stage of deals, on a contact. */
          config->required_mode = CRM_REQUIRED_FROM_STAGE;
          config->required_stage_id = crm_stage_get_id (crm_pipeline_get_first_stage (deals));
          break;
        case 4:
          g_array_append_val (config->visible_users, nobody);
          break;
        case 5:
          g_array_append_val (config->visible_departments, nobody);
          break;
        case 6:
          /* Everyone sees a system field. */
          {
            gint64 me = crm_session_get_user_id (f->session);

            g_array_append_val (config->visible_users, me);
          }
          break;
        case 7:
          field_id = 999999;
          code = CRM_ERROR_NOT_FOUND;
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_false (crm_field_configure (f->session, field_id, config, &error));
      assert_clear_error (error, code, "configuration");
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_field_delete (f->session, crm_field_get_id (name), &error));
    assert_clear_error (error, CRM_ERROR_PERMISSION_DENIED, "delete a system field");
    g_clear_error (&error);
    g_assert_false (crm_field_delete (f->session, 999999, &error));
    assert_clear_error (error, CRM_ERROR_NOT_FOUND, "delete nothing");
  }
  assert_unchanged (f, "bad configurations");
}

/* ---- Files ---------------------------------------------------------------------- */

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) small = g_bytes_new_static ("x", 1);
  g_autoptr(GBytes) large = g_bytes_new_take (g_malloc0 (CRM_FILE_MAX_SIZE + 1), CRM_FILE_MAX_SIZE + 1);
  g_autofree char *huge = repeat ('n', TEN_MB);
  static const char *names[] = { "", "  ", "nome\xff.pdf", "duas\nlinhas.pdf", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (crm_file_add (f->session, names[i], NULL, small, &error), ==, 0);
      assert_clear_error (error, CRM_ERROR_VALIDATION, "file name");
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (crm_file_add (f->session, huge, NULL, small, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "10 MB file name");
    g_clear_error (&error);
    g_assert_cmpint (crm_file_add (f->session, "grande.bin", NULL, large, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "too large");
    g_clear_error (&error);
    g_assert_cmpint (crm_file_add (f->session, "a.pdf", "application/\xff", small, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_VALIDATION, "MIME type");
  }
  assert_unchanged (f, "bad files");
}

/* ---- Writes that fail halfway ---------------------------------------------- */

/* SQLite refuses a statement in the middle of a write (a trigger stands in
 * for a full disk): what the write did before it is undone as well, and
 * the store keeps working. */
static void
test_failed_write (Fixture       *f,
                   gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  guint n_fields = g_list_model_get_n_items (crm_catalog_get_fields (catalog, f->contact_type_id));

  crm_test_exec_sql (f->path,
                     "CREATE TRIGGER no_entries BEFORE INSERT ON timeline_entries "
                     "BEGIN SELECT RAISE (ABORT, 'disco cheio'); END;"
                     "CREATE TRIGGER no_visibility BEFORE INSERT ON field_visibility "
                     "BEGIN SELECT RAISE (ABORT, 'disco cheio'); END;");
  g_free (f->dump);
  f->dump = crm_test_dump_db (f->path);

  /* A new element: its row and values are written before its first entry. */
  {
    g_autoptr(CrmElementDraft) draft = new_contact_draft (f);
    g_autoptr(GError) error = NULL;

    g_assert_true (crm_element_draft_set_input (draft, field_of (f, "string"), NULL, "Nova", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_STORAGE, "new element");
  }
  /* An update: the values are replaced before the change is logged. */
  {
    g_autoptr(CrmElementDraft) draft = existing_draft (f);
    g_autoptr(GError) error = NULL;

    g_assert_true (crm_element_draft_set_input (draft, field_of (f, "string"), NULL, "Outra", &error));
    g_assert_true (crm_element_draft_set_input (draft, field_of (f, "integer"), NULL, "3", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_STORAGE, "update");
  }
  /* A restricted field: its row is written before who may see it. */
  {
    g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Secreto");
    g_autoptr(GError) error = NULL;
    gint64 me = crm_session_get_user_id (f->session);

    g_array_append_val (config->visible_users, me);
    g_assert_cmpint (crm_field_create_full (f->session, f->contact_type_id, CRM_FIELD_TYPE_STRING, FALSE,
                                            NULL, config, 0, 0, &error), ==, 0);
    assert_clear_error (error, CRM_ERROR_STORAGE, "restricted field");
  }
  assert_unchanged (f, "writes that failed halfway");
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_fields (crm_store_get_catalog (f->store),
                                                                      f->contact_type_id)), ==, n_fields);

  /* Once the disk has room again, the same writes go through. */
  crm_test_exec_sql (f->path, "DROP TRIGGER no_entries; DROP TRIGGER no_visibility;");
  {
    g_autoptr(CrmElementDraft) draft = existing_draft (f);
    g_autoptr(GError) error = NULL;

    g_assert_true (crm_element_draft_set_input (draft, field_of (f, "string"), NULL, "Outra", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, f->existing);
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/bad-values/input", test_bad_input);
  ADD ("/bad-values/huge-text", test_huge_text);
  ADD ("/bad-values/value", test_bad_value);
  ADD ("/bad-values/reference", test_bad_reference);
  ADD ("/bad-values/field", test_bad_field);
  ADD ("/bad-values/configuration", test_bad_configuration);
  ADD ("/bad-values/file", test_bad_file);
  ADD ("/bad-values/failed-write", test_failed_write);

  return g_test_run ();
}
