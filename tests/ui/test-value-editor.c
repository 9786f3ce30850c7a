/* test-value-editor.c — every kind of value editor, under Xvfb
 *
 * For each field type: values set into an editor come back equal; what a
 * person types is parsed by the core, bad input is refused with a
 * validation error and empty input is no value; repeated rows are added
 * and removed; the error style comes and goes; a multiple list is a check
 * list; files are stored when chosen; links are picked from a search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "clientele-core.h"
#include "crm-file-editor.h"
#include "crm-multi-value-editor.h"
#include "crm-value-editor.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  GtkWindow   *window;
  GtkBox      *box;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (20);

/* ---- Helpers ------------------------------------------------------------- */

/* What the editor shows, not what its popovers hold. */
static void
collect_by_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (GTK_IS_POPOVER (root))
    return;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_by_type (child, type, found);
}

static GtkEditable *
get_entry (CrmValueEditor *editor,
           guint           index)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  crm_ui_test_collect_entries (GTK_WIDGET (editor), entries);
  g_assert_cmpuint (entries->len, >, index);
  return g_ptr_array_index (entries, index);
}

static CrmField *
get_field (Fixture    *fixture,
           const char *type_code,
           const char *field_code)
{
  CrmField *field = crm_catalog_find_field (crm_store_get_catalog (fixture->db.store),
                                            crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, type_code)),
                                            field_code);

  g_assert_nonnull (field);
  return field;
}

/* A new custom field of deals; a ref, since the catalog reloads. */
static CrmField *
create_field (Fixture         *fixture,
              CrmFieldType     type,
              gboolean         multiple,
              CrmFieldOptions *options)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = crm_field_create (fixture->db.session, crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal")),
                         crm_field_type_get_label (type), type, multiple, options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return g_object_ref (crm_catalog_get_field (crm_store_get_catalog (fixture->db.store), id));
}

/* An editor shown in the window, as the fields pane shows it. */
static CrmValueEditor *
add_editor (Fixture  *fixture,
            CrmField *field)
{
  CrmValueEditor *editor = crm_value_editor_new (fixture->db.session, field);

  g_assert_nonnull (editor);
  gtk_box_append (fixture->box, GTK_WIDGET (editor));
  return editor;
}

static void
remove_editor (Fixture        *fixture,
               CrmValueEditor *editor)
{
  g_object_ref (editor);
  /* The window holds on to its focus widget until told otherwise. */
  gtk_window_set_focus (fixture->window, NULL);
  gtk_box_remove (fixture->box, GTK_WIDGET (editor));
  g_assert_finalize_object (editor);
}

static void
assert_values_equal (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CrmValue *x = g_ptr_array_index (a, i);
      const CrmValue *y = g_ptr_array_index (b, i);

      if (!crm_value_equal (x, y))
        g_error ("value %u differs: type %d, %" G_GINT64_FORMAT " “%s” “%s” “%s” ≠ %"
                 G_GINT64_FORMAT " “%s” “%s” “%s”", i, x->type,
                 x->number, x->text, x->aux, x->kind, y->number, y->text, y->aux, y->kind);
    }
}

static GPtrArray *
values_of (CrmValue *first,
           ...)
{
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_value_free);
  va_list args;

  va_start (args, first);
  for (CrmValue *value = first; value != NULL; value = va_arg (args, CrmValue *))
    g_ptr_array_add (values, value);
  va_end (args);
  return values;
}

static CrmValue *
parse (CrmField   *field,
       const char *input,
       const char *kind)
{
  g_autoptr(GError) error = NULL;
  CrmValue *value;

  value = crm_value_parse (crm_field_get_field_type (field), crm_field_get_options (field),
                           crm_locale_get_default (), input, &error);
  g_assert_no_error (error);
  if (kind != NULL)
    crm_value_set_kind (value, kind);
  return value;
}

/* Sets @values, reads them back equal; then no values reads back empty. */
static void
check_round_trip (Fixture   *fixture,
                  CrmField  *field,
                  GPtrArray *values)
{
  CrmValueEditor *editor = add_editor (fixture, field);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("round trip of “%s” (%s)", crm_field_get_label (field),
                  crm_field_type_to_code (crm_field_get_field_type (field)));
  crm_value_editor_set_values (editor, values);
  crm_ui_test_iterate_for (20);
  back = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  assert_values_equal (values, back);

  crm_value_editor_set_values (editor, NULL);
  none = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  remove_editor (fixture, editor);
}

/* Typing @text into the @index-th entry gives @expected (NULL: an error). */
static void
check_typed (Fixture    *fixture,
             CrmField   *field,
             guint       index,
             const char *text,
             CrmValue   *expected)
{
  CrmValueEditor *editor = add_editor (fixture, field);
  g_autoptr(CrmValue) owned = expected;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("typing “%s” into “%s”", text, crm_field_get_label (field));
  gtk_editable_set_text (get_entry (editor, index), text);
  values = crm_value_editor_get_values (editor, &error);
  if (expected == NULL)
    {
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
      g_assert_null (values);
    }
  else
    {
      g_autofree char *trimmed = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (values);
      trimmed = g_strstrip (g_strdup (text));

      if (*trimmed == '\0')
        g_assert_cmpuint (values->len, ==, 0);
      else
        {
          g_autoptr(GPtrArray) want = values_of (crm_value_copy (expected), NULL);

          assert_values_equal (want, values);
        }
    }
  remove_editor (fixture, editor);
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-editor-XXXXXX", &small_size);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->box));
  gtk_window_set_default_size (fixture->window, 480, 600);
  gtk_window_present (fixture->window);
  crm_ui_test_iterate_for (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  crm_ui_test_destroy_window (&fixture->window, 50);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CrmFieldOptions) list_options = crm_field_options_new ();
  g_autoptr(CrmFieldOptions) decimal_options = crm_field_options_new ();
  g_autoptr(CrmFieldOptions) link_options = crm_field_options_new ();
  g_autoptr(CrmAddress) address = crm_address_new ();
  g_autofree char *address_json = NULL;
  g_autoptr(GBytes) contents = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr(GError) error = NULL;
  CrmFieldType types[] = { CRM_FIELD_TYPE_STRING, CRM_FIELD_TYPE_TEXT, CRM_FIELD_TYPE_INTEGER,
                           CRM_FIELD_TYPE_BOOLEAN, CRM_FIELD_TYPE_DATE, CRM_FIELD_TYPE_DATETIME,
                           CRM_FIELD_TYPE_URL, CRM_FIELD_TYPE_EMAIL, CRM_FIELD_TYPE_PHONE,
                           CRM_FIELD_TYPE_MESSENGER, CRM_FIELD_TYPE_ADDRESS, CRM_FIELD_TYPE_FILE,
                           CRM_FIELD_TYPE_EMPLOYEE, CRM_FIELD_TYPE_MONEY };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  CrmField *list, *decimal, *link, *multi_date;
  gint64 file_id;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_ptr_array_add (fields, create_field (fixture, types[i], FALSE, NULL));
  crm_field_options_add_item (list_options, "a", "Alfa");
  crm_field_options_add_item (list_options, "b", "Bravo");
  crm_field_options_add_item (list_options, "c", "Charlie");
  list = create_field (fixture, CRM_FIELD_TYPE_LIST, FALSE, list_options);
  decimal_options->precision = 3;
  decimal = create_field (fixture, CRM_FIELD_TYPE_DECIMAL, FALSE, decimal_options);
  link_options->link_type = g_strdup ("company");
  link = create_field (fixture, CRM_FIELD_TYPE_LINK, FALSE, link_options);
  multi_date = create_field (fixture, CRM_FIELD_TYPE_DATE, TRUE, NULL);

  address->street = g_strdup ("Rua Augusta");
  address->number = g_strdup ("1500");
  address->district = g_strdup ("Consolação");
  address->city = g_strdup ("São Paulo");
  address->region = g_strdup ("SP");
  address->postal_code = g_strdup ("01304-001");
  address->country = g_strdup ("BR");
  address_json = crm_address_to_json (address);
  file_id = crm_file_add (fixture->db.session, "contrato.pdf", "application/pdf", contents, &error);
  g_assert_no_error (error);

  {
    CrmField *f;
    g_autoptr(GPtrArray) v = NULL;

#define CHECK(field, ...) G_STMT_START { \
      v = values_of (__VA_ARGS__, NULL); check_round_trip (fixture, field, v); \
      g_clear_pointer (&v, g_ptr_array_unref); } G_STMT_END

    f = g_ptr_array_index (fields, 0);
    CHECK (f, crm_value_new_text (CRM_FIELD_TYPE_STRING, "Olá, mundo"));
    f = g_ptr_array_index (fields, 1);
    CHECK (f, crm_value_new_text (CRM_FIELD_TYPE_TEXT, "Primeira linha\nsegunda linha"));
    f = g_ptr_array_index (fields, 2);
    CHECK (f, crm_value_new_number (CRM_FIELD_TYPE_INTEGER, -9007199254740993));
    f = g_ptr_array_index (fields, 3);
    CHECK (f, crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN, 1));
    CHECK (f, crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN, 0));
    f = g_ptr_array_index (fields, 4);
    CHECK (f, crm_value_new_text (CRM_FIELD_TYPE_DATE, "2026-11-26"));
    f = g_ptr_array_index (fields, 5);
    /* Seconds the entry does not show survive an untouched editor. */
    CHECK (f, crm_value_new_text (CRM_FIELD_TYPE_DATETIME, "2026-11-26T14:30:05Z"));
    f = g_ptr_array_index (fields, 6);
    CHECK (f, parse (f, "https://example.com/proposta?id=7", NULL));
    f = g_ptr_array_index (fields, 7);
    CHECK (f, parse (f, "ana@example.com.br", "home"));
    f = g_ptr_array_index (fields, 8);
    CHECK (f, parse (f, "+55 11 98765-4321", "mobile"));
    f = g_ptr_array_index (fields, 9);
    CHECK (f, parse (f, "@ana_souza", "telegram"));
    f = g_ptr_array_index (fields, 10);
    CHECK (f, crm_value_new_text (CRM_FIELD_TYPE_ADDRESS, address_json));
    f = g_ptr_array_index (fields, 11);
    CHECK (f, crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
    f = g_ptr_array_index (fields, 12);
    CHECK (f, crm_value_new_number (CRM_FIELD_TYPE_EMPLOYEE, crm_session_get_user_id (fixture->db.session)));
    f = g_ptr_array_index (fields, 13);
    CHECK (f, crm_value_new_money (123456789, "USD"));
    CHECK (f, crm_value_new_money (1500, "JPY"));
    CHECK (list, crm_value_new_text (CRM_FIELD_TYPE_LIST, "b"));
    CHECK (decimal, crm_value_new_number (CRM_FIELD_TYPE_DECIMAL, 3141593));
    CHECK (link, crm_value_new_number (CRM_FIELD_TYPE_LINK, crm_ui_test_first_element_id (&fixture->db, "company")));
    CHECK (multi_date, crm_value_new_text (CRM_FIELD_TYPE_DATE, "2026-01-02"),
           crm_value_new_text (CRM_FIELD_TYPE_DATE, "2027-03-04"));

    /* Built-in fields of the demo types. */
    CHECK (get_field (fixture, "deal", "amount"), crm_value_new_money (9990000, "BRL"));
    CHECK (get_field (fixture, "deal", "probability"), crm_value_new_number (CRM_FIELD_TYPE_INTEGER, 75));
    CHECK (get_field (fixture, "deal", "source"), crm_value_new_text (CRM_FIELD_TYPE_LIST, "referral"));
    CHECK (get_field (fixture, "deal", "contact"),
           crm_value_new_number (CRM_FIELD_TYPE_LINK, crm_ui_test_first_element_id (&fixture->db, "contact")));
    f = get_field (fixture, "contact", "phone");
    CHECK (f, parse (f, "(11) 98765-4321", "mobile"), parse (f, "+55 21 3333-4444", "work"));
    f = get_field (fixture, "contact", "email");
    CHECK (f, parse (f, "ana@example.com", "work"), parse (f, "ana@casa.com.br", "home"));
    CHECK (get_field (fixture, "company", "address"),
           crm_value_new_text (CRM_FIELD_TYPE_ADDRESS, address_json));
    CHECK (get_field (fixture, "deal", "responsible"),
           crm_value_new_number (CRM_FIELD_TYPE_EMPLOYEE, crm_session_get_user_id (fixture->db.session)));
#undef CHECK
  }

  g_object_unref (list);
  g_object_unref (decimal);
  g_object_unref (link);
  g_object_unref (multi_date);
}

static void
test_typed_input (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CrmField) integer = create_field (fixture, CRM_FIELD_TYPE_INTEGER, FALSE, NULL);
  g_autoptr(CrmField) decimal = create_field (fixture, CRM_FIELD_TYPE_DECIMAL, FALSE, NULL);
  g_autoptr(CrmField) date = create_field (fixture, CRM_FIELD_TYPE_DATE, FALSE, NULL);
  g_autoptr(CrmField) datetime = create_field (fixture, CRM_FIELD_TYPE_DATETIME, FALSE, NULL);
  g_autoptr(CrmField) url = create_field (fixture, CRM_FIELD_TYPE_URL, FALSE, NULL);
  g_autoptr(CrmField) string = create_field (fixture, CRM_FIELD_TYPE_STRING, FALSE, NULL);
  CrmField *amount = get_field (fixture, "deal", "amount");
  CrmField *email = get_field (fixture, "contact", "email");
  CrmField *phone = get_field (fixture, "contact", "phone");
  CrmField *address = get_field (fixture, "contact", "address");
  g_autoptr(CrmValue) mail = NULL;

  /* Good input, parsed by the core in the UI locale (C in tests). */
  check_typed (fixture, integer, 0, " 1234 ", crm_value_new_number (CRM_FIELD_TYPE_INTEGER, 1234));
  check_typed (fixture, decimal, 0, "12.5", crm_value_new_number (CRM_FIELD_TYPE_DECIMAL, 1250));
  check_typed (fixture, amount, 0, "1234.56",
               crm_value_new_money (123456, crm_locale_get_default ()->default_currency));
  check_typed (fixture, date, 0, "2026-02-28", crm_value_new_text (CRM_FIELD_TYPE_DATE, "2026-02-28"));
  check_typed (fixture, string, 0, "  Proposta  ", crm_value_new_text (CRM_FIELD_TYPE_STRING, "Proposta"));
  mail = parse (email, "ana@example.com", crm_field_type_get_default_kind (CRM_FIELD_TYPE_EMAIL));
  check_typed (fixture, email, 0, "ana@example.com", crm_value_copy (mail));

  /* Bad input: NULL and the core's validation error. */
  check_typed (fixture, integer, 0, "12abc", NULL);
  check_typed (fixture, integer, 0, "99999999999999999999999", NULL);
  check_typed (fixture, decimal, 0, "1.2.3", NULL);
  check_typed (fixture, amount, 0, "muito", NULL);
  check_typed (fixture, date, 0, "2026-02-31", NULL);
  check_typed (fixture, datetime, 0, "amanhã cedo", NULL);
  check_typed (fixture, url, 0, "not a web address", NULL);
  check_typed (fixture, email, 0, "ana@", NULL);
  check_typed (fixture, phone, 0, "abc", NULL);

  /* Empty (or blank) input is no value. */
  check_typed (fixture, integer, 0, "", crm_value_new_number (CRM_FIELD_TYPE_INTEGER, 0));
  check_typed (fixture, amount, 0, "   ", crm_value_new_number (CRM_FIELD_TYPE_MONEY, 0));
  check_typed (fixture, date, 0, "", crm_value_new_text (CRM_FIELD_TYPE_DATE, ""));
  check_typed (fixture, email, 0, "  ", crm_value_new_text (CRM_FIELD_TYPE_EMAIL, ""));
  check_typed (fixture, address, 0, "", crm_value_new_text (CRM_FIELD_TYPE_ADDRESS, ""));
}

static void
test_money_currency (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CrmValueEditor *editor = add_editor (fixture, get_field (fixture, "deal", "amount"));
  GtkDropDown *currency = GTK_DROP_DOWN (crm_ui_test_find_by_name (GTK_WIDGET (editor), "currency-drop-down"));
  const char * const *codes = crm_currency_get_codes ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  const CrmValue *value;
  guint eur = G_MAXUINT;

  g_assert_nonnull (currency);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], "EUR"))
      eur = i;
  g_assert_cmpuint (eur, !=, G_MAXUINT);

  gtk_editable_set_text (get_entry (editor, 0), "10.5");
  gtk_drop_down_set_selected (currency, eur);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  value = g_ptr_array_index (values, 0);
  g_assert_cmpint (value->number, ==, 1050);
  g_assert_cmpstr (value->aux, ==, "EUR");

  remove_editor (fixture, editor);
}

static void
test_multiple_rows (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CrmField *phone = get_field (fixture, "contact", "phone");
  CrmValueEditor *editor = add_editor (fixture, phone);
  g_autoptr(GPtrArray) start = values_of (parse (phone, "(11) 98765-4321", "mobile"),
                                          parse (phone, "(21) 3333-4444", "work"), NULL);
  g_autoptr(GPtrArray) removes = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  CrmMultiValueEditor *rows;
  GtkWidget *add;
  const CrmValue *value;

  crm_value_editor_set_values (editor, start);
  rows = CRM_MULTI_VALUE_EDITOR (gtk_widget_get_first_child (GTK_WIDGET (editor)));
  g_assert_true (CRM_IS_MULTI_VALUE_EDITOR (rows));
  g_assert_cmpuint (crm_multi_value_editor_get_n_rows (rows), ==, 2);

  /* Add: a new empty row, which is no value until typed into. */
  add = crm_ui_test_find_by_name (GTK_WIDGET (editor), "add-value-button");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (crm_multi_value_editor_get_n_rows (rows), ==, 3);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  assert_values_equal (start, values);
  g_clear_pointer (&values, g_ptr_array_unref);

  gtk_editable_set_text (get_entry (editor, 2), "+1 212 555 0100");
  crm_ui_test_collect_by_name (GTK_WIDGET (editor), "kind-drop-down", kinds);
  g_assert_cmpuint (kinds->len, ==, 3);
  /* The kinds offered are the core's. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (g_ptr_array_index (kinds, 2))), ==,
                    g_strv_length ((char **) crm_field_type_get_kinds (CRM_FIELD_TYPE_PHONE)));
  gtk_drop_down_set_selected (g_ptr_array_index (kinds, 2), 0);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 3);
  value = g_ptr_array_index (values, 2);
  g_assert_cmpstr (value->aux, ==, "+12125550100");
  g_assert_cmpstr (value->kind, ==, crm_field_type_get_kinds (CRM_FIELD_TYPE_PHONE)[0]);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* Remove the first row. */
  crm_ui_test_collect_by_name (GTK_WIDGET (editor), "remove-value-button", removes);
  g_assert_cmpuint (removes->len, ==, 3);
  g_signal_emit_by_name (g_ptr_array_index (removes, 0), "clicked");
  g_assert_cmpuint (crm_multi_value_editor_get_n_rows (rows), ==, 2);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_true (crm_value_equal (g_ptr_array_index (values, 0), g_ptr_array_index (start, 1)));
  g_clear_pointer (&values, g_ptr_array_unref);

  /* A bad row blocks the whole field. */
  gtk_editable_set_text (get_entry (editor, 0), "not a phone");
  values = crm_value_editor_get_values (editor, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_null (values);

  remove_editor (fixture, editor);
}

static gboolean
has_error_class (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

static void
test_invalid_style (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *codes[] = { "title", "amount", "close_date", "source", "comments", "contact" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      CrmValueEditor *editor = add_editor (fixture, get_field (fixture, "deal", codes[i]));
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();
      g_autoptr(GPtrArray) frames = g_ptr_array_new ();
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      crm_ui_test_collect_entries (GTK_WIDGET (editor), entries);
      collect_by_type (GTK_WIDGET (editor), GTK_TYPE_FRAME, frames);
      /* Pickers are marked when there is nothing to type into. */
      if (entries->len == 0 && frames->len == 0)
        {
          collect_by_type (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN, buttons);
          collect_by_type (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON, buttons);
        }
      g_assert_cmpuint (entries->len + frames->len + buttons->len, >, 0);

      g_assert_false (crm_value_editor_get_invalid (editor));
      crm_value_editor_set_invalid (editor, TRUE);
      g_assert_true (crm_value_editor_get_invalid (editor));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor), "crm-invalid"));
      for (guint j = 0; j < entries->len; j++)
        g_assert_true (has_error_class (g_ptr_array_index (entries, j)));
      for (guint j = 0; j < frames->len; j++)
        g_assert_true (has_error_class (g_ptr_array_index (frames, j)));
      for (guint j = 0; j < buttons->len; j++)
        g_assert_true (has_error_class (g_ptr_array_index (buttons, j)));

      crm_value_editor_set_invalid (editor, FALSE);
      g_assert_false (crm_value_editor_get_invalid (editor));
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (editor), "crm-invalid"));
      for (guint j = 0; j < entries->len; j++)
        g_assert_false (has_error_class (g_ptr_array_index (entries, j)));
      for (guint j = 0; j < frames->len; j++)
        g_assert_false (has_error_class (g_ptr_array_index (frames, j)));
      for (guint j = 0; j < buttons->len; j++)
        g_assert_false (has_error_class (g_ptr_array_index (buttons, j)));

      remove_editor (fixture, editor);
    }
}

static void
test_list_multiple (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(CrmField) field = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) start = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  CrmValueEditor *editor;

  crm_field_options_add_item (options, "pix", "Pix");
  crm_field_options_add_item (options, "boleto", "Boleto");
  crm_field_options_add_item (options, "card", "Cartão");
  field = create_field (fixture, CRM_FIELD_TYPE_LIST, TRUE, options);
  editor = add_editor (fixture, field);

  collect_by_type (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_cmpstr (gtk_check_button_get_label (g_ptr_array_index (checks, 2)), ==, "Cartão");

  start = values_of (crm_value_new_text (CRM_FIELD_TYPE_LIST, "pix"),
                     crm_value_new_text (CRM_FIELD_TYPE_LIST, "card"), NULL);
  crm_value_editor_set_values (editor, start);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 2)));

  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpstr (((CrmValue *) g_ptr_array_index (values, 0))->text, ==, "boleto");
  g_assert_cmpstr (((CrmValue *) g_ptr_array_index (values, 1))->text, ==, "card");

  remove_editor (fixture, editor);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_signals (Fixture       *fixture,
              gconstpointer  user_data)
{
  CrmValueEditor *editor = add_editor (fixture, get_field (fixture, "deal", "title"));
  g_autoptr(GPtrArray) start = values_of (crm_value_new_text (CRM_FIELD_TYPE_STRING, "Negócio"), NULL);
  guint changed = 0, activated = 0;

  g_signal_connect (editor, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (editor, "activate", G_CALLBACK (count_cb), &activated);

  /* Starting values are not a change by the person. */
  crm_value_editor_set_values (editor, start);
  g_assert_cmpuint (changed, ==, 0);

  /* Focusing the editor puts the cursor in its entry. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (get_entry (editor, 0))));

  gtk_editable_set_text (get_entry (editor, 0), "Negócio novo");
  g_assert_cmpuint (changed, >, 0);
  g_signal_emit_by_name (get_entry (editor, 0), "activate");
  g_assert_cmpuint (activated, ==, 1);

  remove_editor (fixture, editor);
}

static void
test_file (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(CrmField) field = create_field (fixture, CRM_FIELD_TYPE_FILE, FALSE, NULL);
  CrmValueEditor *editor = add_editor (fixture, field);
  g_autofree char *path = g_build_filename (fixture->db.dir, "proposta.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *file_editor = gtk_widget_get_first_child (GTK_WIDGET (editor));
  GtkWidget *label = crm_ui_test_find_by_name (GTK_WIDGET (editor), "file-name-label");
  const CrmValue *value;

  g_assert_true (g_file_set_contents (path, "Proposta comercial", -1, NULL));
  g_assert_true (CRM_IS_FILE_EDITOR (file_editor));
  g_assert_false (gtk_widget_get_visible (crm_ui_test_find_by_name (GTK_WIDGET (editor), "clear-file-button")));

  /* What choosing a file does: stored at once, the value is its id. */
  g_assert_true (crm_file_editor_add_file (CRM_FILE_EDITOR (file_editor), file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "proposta.txt");
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  value = g_ptr_array_index (values, 0);
  contents = crm_file_load (fixture->db.session, value->number, &name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "proposta.txt");
  g_assert_cmpuint (g_bytes_get_size (contents), ==, strlen ("Proposta comercial"));
  g_clear_pointer (&values, g_ptr_array_unref);

  /* Clear. */
  g_assert_true (gtk_widget_get_visible (crm_ui_test_find_by_name (GTK_WIDGET (editor), "clear-file-button")));
  g_signal_emit_by_name (crm_ui_test_find_by_name (GTK_WIDGET (editor), "clear-file-button"), "clicked");
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 0);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* A file that cannot be read blocks the field with a message. */
  {
    g_autofree char *missing_path = g_build_filename (fixture->db.dir, "missing.pdf", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    g_assert_false (crm_file_editor_add_file (CRM_FILE_EDITOR (file_editor), missing, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    values = crm_value_editor_get_values (editor, &error);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_assert_null (values);
  }

  g_unlink (path);
  remove_editor (fixture, editor);
}

static gboolean
wait_for_items (GListModel *model)
{
  for (guint i = 0; i < 500; i++)
    {
      if (model != NULL && g_list_model_get_n_items (model) > 0)
        return TRUE;
      crm_ui_test_iterate_for (10);
    }
  return FALSE;
}

static void
test_reference_picker (Fixture       *fixture,
                       gconstpointer  user_data)
{
  CrmField *company = get_field (fixture, "deal", "company");
  CrmField *responsible = get_field (fixture, "deal", "responsible");
  CrmValueEditor *editor = add_editor (fixture, company);
  g_autoptr(CrmElement) element = crm_element_load (fixture->db.session, crm_ui_test_first_element_id (&fixture->db, "company"), NULL);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *word = NULL;
  GtkWidget *button = crm_ui_test_find_by_name (GTK_WIDGET (editor), "reference-button");
  GtkWidget *list, *search;
  GListModel *model;
  const CrmValue *value;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  crm_ui_test_iterate_for (50);

  /* Search for the company by the first word of its title. */
  search = crm_ui_test_find_by_name (button, "reference-search");
  list = crm_ui_test_find_by_name (button, "reference-list");
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  word = g_strdup (crm_element_get_title (element));
  *strchr (word, ' ') = '\0';
  gtk_editable_set_text (GTK_EDITABLE (search), word);
  crm_ui_test_iterate_for (300);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_true (wait_for_items (model));

  g_signal_emit_by_name (list, "activate", 0);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  value = g_ptr_array_index (values, 0);
  {
    g_autoptr(CrmElement) chosen = crm_element_load (fixture->db.session, value->number, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_match_string (word, crm_element_get_title (chosen), TRUE));
  }
  g_clear_pointer (&values, g_ptr_array_unref);
  remove_editor (fixture, editor);

  /* Employees come from the catalog's users. */
  editor = add_editor (fixture, responsible);
  button = crm_ui_test_find_by_name (GTK_WIDGET (editor), "reference-button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  crm_ui_test_iterate_for (50);
  list = crm_ui_test_find_by_name (button, "reference-list");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_true (wait_for_items (model));
  g_signal_emit_by_name (list, "activate", 0);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  value = g_ptr_array_index (values, 0);
  g_assert_nonnull (crm_catalog_get_user (crm_store_get_catalog (fixture->db.store), value->number));
  g_clear_pointer (&values, g_ptr_array_unref);

  g_signal_emit_by_name (crm_ui_test_find_by_name (GTK_WIDGET (editor), "clear-reference-button"), "clicked");
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 0);
  remove_editor (fixture, editor);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/value-editor/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/ui/value-editor/typed-input", Fixture, NULL,
              fixture_set_up, test_typed_input, fixture_tear_down);
  g_test_add ("/ui/value-editor/money-currency", Fixture, NULL,
              fixture_set_up, test_money_currency, fixture_tear_down);
  g_test_add ("/ui/value-editor/multiple-rows", Fixture, NULL,
              fixture_set_up, test_multiple_rows, fixture_tear_down);
  g_test_add ("/ui/value-editor/invalid-style", Fixture, NULL,
              fixture_set_up, test_invalid_style, fixture_tear_down);
  g_test_add ("/ui/value-editor/list-multiple", Fixture, NULL,
              fixture_set_up, test_list_multiple, fixture_tear_down);
  g_test_add ("/ui/value-editor/signals", Fixture, NULL,
              fixture_set_up, test_signals, fixture_tear_down);
  g_test_add ("/ui/value-editor/file", Fixture, NULL,
              fixture_set_up, test_file, fixture_tear_down);
  g_test_add ("/ui/value-editor/reference-picker", Fixture, NULL,
              fixture_set_up, test_reference_picker, fixture_tear_down);

  return g_test_run ();
}
