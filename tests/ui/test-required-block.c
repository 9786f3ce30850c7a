/* test-required-block.c — filling required fields the card does not show
 *
 * A demo deal gets two required custom fields no section shows, and an
 * optional one. Opened in the real window, the card shows no block until
 * a value is edited; then the Required Fields block lists exactly the two,
 * each with its editor from the edit session, in a boxed list aligned
 * with the sections. Saving empty is refused and goes to the first of
 * them; filled, Save writes them. Cancel takes the block away, and a
 * field placed on the card meanwhile moves from the block into its row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-required-block.h"
#include "crm-section-group.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  CrmWindow   *window;
  gint64       deal_id;
  gint64       deal_type;
  gint64       pipeline_id;
  gint64       contract;   /* required, string */
  gint64       term;       /* required, integer */
  gint64       nickname;   /* optional */
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (20);

/* ---- Helpers ------------------------------------------------------------- */

static gint64
create_field (Fixture         *fixture,
              const char      *label,
              CrmFieldType     type,
              CrmRequiredMode  mode)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new (label);
  g_autoptr(GError) error = NULL;
  gint64 id;

  config->required_mode = mode;
  id = crm_field_create_full (fixture->db.session, fixture->deal_type, type, FALSE, NULL, config, 0, 0, &error);
  g_assert_no_error (error);
  return id;
}

static CrmField *
get_field (Fixture *fixture,
           gint64   id)
{
  return crm_catalog_get_field (crm_store_get_catalog (fixture->db.store), id);
}

static CrmFieldsPane *
get_pane (Fixture *fixture)
{
  GtkWidget *pane = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_FIELDS_PANE);

  g_assert_nonnull (pane);
  return CRM_FIELDS_PANE (pane);
}

static CrmRequiredBlock *
get_block (Fixture *fixture)
{
  GtkWidget *block = crm_ui_test_find_by_name (GTK_WIDGET (get_pane (fixture)), "required-block");

  g_assert_true (CRM_IS_REQUIRED_BLOCK (block));
  return CRM_REQUIRED_BLOCK (block);
}

static CrmEditSession *
get_edit_session (Fixture *fixture)
{
  return _crm_fields_pane_get_edit_session (get_pane (fixture));
}

static GtkWidget *
find_named (Fixture    *fixture,
            const char *name)
{
  return crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), name);
}

/* "contract,term": what the block lists, by the fixture's names. */
static char *
describe_block (Fixture *fixture)
{
  g_autoptr(GPtrArray) fields = crm_required_block_get_fields (get_block (fixture));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      gint64 id = crm_field_get_id (g_ptr_array_index (fields, i));

      g_string_append_printf (out, "%s%s", i ? "," : "",
                              id == fixture->contract ? "contract" :
                              id == fixture->term ? "term" :
                              id == fixture->nickname ? "nickname" :
                              crm_field_get_code (g_ptr_array_index (fields, i)));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_block(fixture, expected) G_STMT_START { \
    g_autofree char *d_ = describe_block (fixture);     \
    g_assert_cmpstr (d_, ==, expected);                 \
  } G_STMT_END

static char *
row_name (Fixture *fixture,
          gint64   field_id)
{
  g_autofree char *code = g_strdup (crm_field_get_code (get_field (fixture, field_id)));

  g_strdelimit (code, "_", '-');
  return g_strdup_printf ("required-row-%s", code);
}

/* The block's row of @field_id holds the session's editor of it. */
static CrmValueEditor *
block_editor (Fixture *fixture,
              gint64   field_id)
{
  g_autofree char *name = row_name (fixture, field_id);
  GtkWidget *row = find_named (fixture, name);
  CrmValueEditor *editor = crm_edit_session_get_editor (get_edit_session (fixture), field_id);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_ancestor (row, GTK_WIDGET (get_block (fixture))));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (editor), row));
  return editor;
}

static void
type_into (CrmValueEditor *editor,
           const char     *text)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  crm_ui_test_collect_entries (GTK_WIDGET (editor), entries);
  g_assert_cmpuint (entries->len, >, 0);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), text);
}

static gboolean
card_shows_deal (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *card = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_CARD);
  GtkWidget *row = find_named (fixture, "field-row-amount");

  return card != NULL && gtk_widget_get_mapped (card) &&
         crm_card_get_element_id (CRM_CARD (card)) == fixture->deal_id &&
         row != NULL && gtk_widget_get_height (row) > 0;
}

/* Clicking a value, as the row does. */
static void
edit_amount (Fixture *fixture)
{
  GtkWidget *row = find_named (fixture, "field-row-amount");

  g_signal_emit_by_name (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX), "row-activated", row);
  g_assert_true (crm_edit_session_is_active (get_edit_session (fixture)));
}

static gboolean
block_is_gone (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *contract = row_name (fixture, fixture->contract);

  return find_named (fixture, contract) == NULL;
}

static gboolean
block_is_laid_out (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list = crm_ui_test_find_by_type (GTK_WIDGET (get_block (fixture)), GTK_TYPE_LIST_BOX);

  return gtk_widget_get_mapped (list) && gtk_widget_get_height (list) > 0 &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (get_block (fixture)))));
}

static CrmElement *
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element = crm_element_load (fixture->db.session, fixture->deal_id, &error);

  g_assert_no_error (error);
  return element;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(CrmElement) deal = NULL;

  crm_ui_test_open_demo (&fixture->db, "clientele-required-XXXXXX", &small_size);
  fixture->deal_type = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  fixture->deal_id = crm_element_get_id (deal);
  fixture->pipeline_id = crm_element_get_pipeline_id (deal);

  /* Created with no section: the card shows none of them. */
  fixture->contract = create_field (fixture, "Número do contrato", CRM_FIELD_TYPE_STRING, CRM_REQUIRED_ALWAYS);
  fixture->nickname = create_field (fixture, "Apelido do negócio", CRM_FIELD_TYPE_STRING, CRM_REQUIRED_NEVER);
  fixture->term = create_field (fixture, "Prazo em meses", CRM_FIELD_TYPE_INTEGER, CRM_REQUIRED_ALWAYS);

  /* The standard layout exists before the card asks: it shows once,
   * not again after writing it. */
  {
    g_autoptr(CrmLayout) layout = NULL;
    g_autoptr(GError) error = NULL;

    layout = crm_layout_resolve (fixture->db.session, fixture->deal_type, fixture->pipeline_id, 0, &error);
    g_assert_no_error (error);
  }

  fixture->window = crm_window_new (NULL, fixture->db.session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  crm_window_open_element (fixture->window, fixture->deal_id);
  g_assert_true (crm_ui_test_iterate_until (card_shows_deal, fixture, 5000));
  _crm_fields_pane_complete (get_pane (fixture));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 100);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_fill_and_save (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CrmElement) saved = NULL;
  g_autoptr(GError) error = NULL;
  CrmValueEditor *contract, *term;
  GtkWidget *focus;
  GtkWidget *message;

  /* Nothing is being edited: no block, not even its margins. */
  assert_block (fixture, "");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (get_block (fixture))), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (get_block (fixture))))));

  /* Editing a value brings it, with exactly the two required fields. */
  edit_amount (fixture);
  assert_block (fixture, "contract,term");
  contract = block_editor (fixture, fixture->contract);
  term = block_editor (fixture, fixture->term);
  g_assert_null (crm_edit_session_get_editor (get_edit_session (fixture), fixture->nickname));
  g_assert_true (crm_ui_test_iterate_until (block_is_laid_out, fixture, 3000));

  /* Saved empty: refused, naming them, and the focus goes to the first. */
  g_signal_emit_by_name (find_named (fixture, "save-button"), "clicked");
  g_assert_true (crm_edit_session_is_active (get_edit_session (fixture)));
  g_assert_true (crm_value_editor_get_invalid (contract));
  g_assert_true (crm_value_editor_get_invalid (term));
  message = find_named (fixture, "edit-error");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Número do contrato"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Prazo em meses"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (contract)));
  /* The same rows, the same editors. */
  assert_block (fixture, "contract,term");
  g_assert_true (block_editor (fixture, fixture->contract) == contract);

  /* Filled in, Save goes through and writes them. */
  type_into (contract, "CT-2026/042");
  type_into (term, "18");
  g_signal_emit_by_name (find_named (fixture, "save-button"), "clicked");
  g_assert_false (crm_edit_session_is_active (get_edit_session (fixture)));
  assert_block (fixture, "");
  g_assert_true (crm_ui_test_iterate_until (block_is_gone, fixture, 3000));

  saved = reload (fixture);
  g_assert_cmpstr (crm_element_get_value (saved, get_field (fixture, fixture->contract))->text, ==, "CT-2026/042");
  g_assert_cmpint (crm_element_get_value (saved, get_field (fixture, fixture->term))->number, ==, 18);
  g_assert_null (crm_element_get_value (saved, get_field (fixture, fixture->nickname)));

  /* Filled, they are no longer asked for. */
  crm_ui_test_iterate_for (100);
  edit_amount (fixture);
  assert_block (fixture, "");
  crm_edit_session_cancel (get_edit_session (fixture));
  g_assert_no_error (error);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CrmElement) after = NULL;
  CrmValueEditor *contract;
  GtkWidget *cancel;

  edit_amount (fixture);
  contract = block_editor (fixture, fixture->contract);
  type_into (contract, "Não salvar");
  g_object_add_weak_pointer (G_OBJECT (contract), (gpointer *) &contract);

  /* The bar's Cancel: the edits end, the block goes with its editors. */
  cancel = find_named (fixture, "cancel-button");
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_false (crm_edit_session_is_active (get_edit_session (fixture)));
  assert_block (fixture, "");
  g_assert_true (crm_ui_test_iterate_until (block_is_gone, fixture, 3000));
  g_assert_null (contract);
  crm_ui_test_iterate_for (50);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (get_block (fixture))), ==, 0);

  after = reload (fixture);
  g_assert_null (crm_element_get_value (after, get_field (fixture, fixture->contract)));
}

static gboolean
contract_has_row (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *code = g_strdup (crm_field_get_code (get_field (fixture, fixture->contract)));
  g_autofree char *name = NULL;

  g_strdelimit (code, "_", '-');
  name = g_strdup_printf ("field-row-%s", code);
  return find_named (fixture, name) != NULL;
}

static void
test_placed_meanwhile (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmLayoutSection) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  CrmValueEditor *contract;

  edit_amount (fixture);
  contract = block_editor (fixture, fixture->contract);
  type_into (contract, "CT-9");

  /* Placed on the card while it is being edited: the editor, and what is
   * typed in it, move from the block into the new row. */
  layout = crm_layout_resolve (fixture->db.session, fixture->deal_type, fixture->pipeline_id, 0, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (crm_layout_get_sections (layout), 0);
  g_assert_true (crm_layout_place_field_before (fixture->db.session, crm_layout_section_get_id (first),
                                                fixture->contract, 0, &error));
  g_assert_no_error (error);
  g_assert_true (crm_ui_test_iterate_until (contract_has_row, fixture, 3000));

  code = g_strdup (crm_field_get_code (get_field (fixture, fixture->contract)));
  g_strdelimit (code, "_", '-');
  name = g_strdup_printf ("field-row-%s", code);
  g_assert_true (crm_field_row_get_editor (CRM_FIELD_ROW (find_named (fixture, name))) == contract);
  assert_block (fixture, "term");
  block_editor (fixture, fixture->term);

  /* Hidden again, it comes back to the block, still holding its text. */
  g_assert_true (crm_layout_hide_field (fixture->db.session, crm_layout_get_id (layout), fixture->contract, &error));
  g_assert_true (crm_ui_test_iterate_until (block_is_laid_out, fixture, 3000));
  crm_ui_test_iterate_for (100);
  assert_block (fixture, "contract,term");
  g_assert_true (block_editor (fixture, fixture->contract) == contract);
  {
    g_autoptr(GPtrArray) values = crm_value_editor_get_values (contract, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (values->len, ==, 1);
    g_assert_cmpstr (((CrmValue *) g_ptr_array_index (values, 0))->text, ==, "CT-9");
  }
  crm_edit_session_cancel (get_edit_session (fixture));
}

static void
test_aligned (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *pane = GTK_WIDGET (get_pane (fixture));
  GtkWidget *block_list, *section_list;
  graphene_rect_t block_bounds, section_bounds;

  edit_amount (fixture);
  g_assert_true (crm_ui_test_iterate_until (block_is_laid_out, fixture, 3000));

  /* A boxed list, as wide as the sections' and in line with them, above
   * the first. */
  block_list = crm_ui_test_find_by_type (GTK_WIDGET (get_block (fixture)), GTK_TYPE_LIST_BOX);
  crm_ui_test_collect_by_type (pane, CRM_TYPE_SECTION_GROUP, groups);
  g_assert_cmpuint (groups->len, >, 0);
  section_list = crm_ui_test_find_by_type (g_ptr_array_index (groups, 0), GTK_TYPE_LIST_BOX);
  g_assert_true (gtk_widget_has_css_class (block_list, "boxed-list"));
  g_assert_true (gtk_widget_compute_bounds (block_list, pane, &block_bounds));
  g_assert_true (gtk_widget_compute_bounds (section_list, pane, &section_bounds));
  g_assert_cmpfloat (block_bounds.origin.x, ==, section_bounds.origin.x);
  g_assert_cmpfloat (block_bounds.size.width, ==, section_bounds.size.width);
  g_assert_cmpfloat (block_bounds.origin.y + block_bounds.size.height, <, section_bounds.origin.y);
  crm_edit_session_cancel (get_edit_session (fixture));
}

typedef struct
{
  Fixture   *fixture;
  GtkWidget *editor;
} InView;

static gboolean
editor_in_view (gpointer data)
{
  InView *check = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (check->editor, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return block_is_laid_out (check->fixture) &&
         gtk_widget_compute_bounds (check->editor, scrolled, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static void
test_keeps_editor_in_view (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  InView check = { fixture, NULL };
  GtkWidget *row;

  row = find_named (fixture, "field-row-comments");
  g_assert_nonnull (row);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  /* The last row, at the bottom of the scrolled pane. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  crm_ui_test_iterate_for (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* Edited, it gets the focus; the block above pushes it down, and the
   * pane follows it. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX), "row-activated", row);
  check.editor = GTK_WIDGET (crm_field_row_get_editor (CRM_FIELD_ROW (row)));
  g_assert_nonnull (check.editor);
  assert_block (fixture, "contract,term");
  g_assert_true (crm_ui_test_iterate_until (editor_in_view, &check, 3000));
  crm_ui_test_iterate_for (100);
  g_assert_true (editor_in_view (&check));
  crm_edit_session_cancel (get_edit_session (fixture));
}

/* The block alone, on an edit session of its own: it lets go of
 * everything it was given. */
static void
test_standalone (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CrmEditSession *edit = crm_edit_session_new (fixture->db.session);
  CrmElement *deal = reload (fixture);
  CrmLayout *layout = crm_layout_resolve (fixture->db.session, fixture->deal_type, fixture->pipeline_id, 0, &error);
  CrmRequiredBlock *block = CRM_REQUIRED_BLOCK (g_object_ref_sink (crm_required_block_new ()));
  g_autoptr(GPtrArray) fields = NULL;
  CrmValueEditor *editor;

  g_assert_no_error (error);
  crm_edit_session_set_element (edit, deal);
  crm_required_block_set_card (block, fixture->db.session, edit, deal, layout);
  fields = crm_required_block_get_fields (block);
  g_assert_cmpuint (fields->len, ==, 0);
  g_clear_pointer (&fields, g_ptr_array_unref);

  editor = crm_edit_session_edit_field (edit, crm_catalog_find_field (crm_store_get_catalog (fixture->db.store),
                                                                      fixture->deal_type, "amount"));
  g_assert_nonnull (editor);
  fields = crm_required_block_get_fields (block);
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (crm_edit_session_get_editor (edit, fixture->term)),
                                         GTK_WIDGET (block)));

  crm_required_block_set_card (block, NULL, NULL, NULL, NULL);
  crm_edit_session_cancel (edit);
  g_clear_pointer (&fields, g_ptr_array_unref);
  g_assert_finalize_object (block);
  g_assert_finalize_object (edit);
  g_assert_finalize_object (layout);
  g_assert_finalize_object (deal);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/required-block/fill-and-save", Fixture, NULL,
              fixture_set_up, test_fill_and_save, fixture_tear_down);
  g_test_add ("/ui/required-block/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/ui/required-block/placed-meanwhile", Fixture, NULL,
              fixture_set_up, test_placed_meanwhile, fixture_tear_down);
  g_test_add ("/ui/required-block/aligned", Fixture, NULL,
              fixture_set_up, test_aligned, fixture_tear_down);
  g_test_add ("/ui/required-block/keeps-editor-in-view", Fixture, NULL,
              fixture_set_up, test_keeps_editor_in_view, fixture_tear_down);
  g_test_add ("/ui/required-block/standalone", Fixture, NULL,
              fixture_set_up, test_standalone, fixture_tear_down);

  return g_test_run ();
}
