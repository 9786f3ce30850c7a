#!/usr/bin/env bash
# Edits values of a demo deal's card in place with real clicks and typing:
# an amount saved; a bad amount refused, named in the edit bar, and
# cancelled; a save refused because a field required from the deal's stage
# is empty, then accepted once it is filled in. Checks the database after
# each step.

. "$(dirname "$0")/e2e-lib.sh"

# ---- Helpers of this test ---------------------------------------------------

# The row shows its editor instead of its value, and the Save bar is up.
editing () {
  e2e_has "field-row-$1" && e2e_lacks "field-value-$1" && e2e_has save-button
}

not_editing () {
  e2e_has "field-value-$1" && e2e_lacks save-button
}

# The focus is in the row's editor, ready for keys.
editing_focused () {
  editing "$1" && e2e_focused "value-entry-$1"
}

field_id () {
  e2e_sql "SELECT f.id FROM fields f JOIN entity_types t ON t.id = f.entity_type_id WHERE t.code = 'deal' AND f.code = '$1'"
}

values_of () {
  e2e_sql "SELECT group_concat (value, '|') FROM field_values WHERE element_id = $DEAL AND field_id = $1"
}

changes_of () {
  e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL AND kind = 'field-change' AND json_extract (payload, '\$.field') = $1"
}

# ---- The demo card ------------------------------------------------------------

e2e_start --demo || exit 1
e2e_stop
# A deal of the General pipeline, whose stages include "executing".
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN pipelines p ON p.id = e.pipeline_id JOIN entity_types t ON t.id = p.entity_type_id WHERE t.code = 'deal' AND p.code = 'default'")
AMOUNT=$(field_id amount)
e2e_start --open "deal:$DEAL" || exit 1
e2e_wait_shown field-value-amount || exit 1

# ---- (a) An amount typed and saved ----------------------------------------------

CHANGES=$(changes_of "$AMOUNT")
e2e_click field-value-amount
e2e_check "clicking the amount shows its editor and the Save bar" \
  e2e_wait_for "the amount's editor" editing_focused amount
# The entry holds the amount as it is typed in this locale (English here:
# "36000.00"), selected.
e2e_check "what is typed shows in the editor" e2e_type_into value-entry-amount "12345.67"
e2e_screenshot amount-typed
e2e_click save-button

amount_saved () {
  [ "$(values_of "$AMOUNT")" = 1234567 ]
}
e2e_check "Save stores 1234567 minor units" e2e_wait_for "the amount" amount_saved
e2e_check "in the deal's currency" \
  test "$(e2e_sql "SELECT aux FROM field_values WHERE element_id = $DEAL AND field_id = $AMOUNT")" = BRL
e2e_check "with one field-change entry" test "$(changes_of "$AMOUNT")" -eq $((CHANGES + 1))
e2e_check "the card leaves editing and shows the new amount" \
  e2e_wait_text field-value-amount 'R$12,345.67'

# ---- (b) A bad amount is refused; Cancel restores -----------------------------------

e2e_click field-value-amount
e2e_wait_for "the amount's editor" editing_focused amount
e2e_type_into value-entry-amount "abc"
e2e_click save-button
e2e_check "a bad amount is refused with a message naming the field" \
  e2e_wait_for "the error" e2e_shows_words edit-error Amount abc
e2e_check "the editor stays open" editing amount
e2e_check "nothing is written" test "$(values_of "$AMOUNT")" = 1234567
e2e_check "and no entry is added" test "$(changes_of "$AMOUNT")" -eq $((CHANGES + 1))
e2e_screenshot amount-error

e2e_click cancel-button
e2e_check "Cancel leaves editing and shows the saved amount again" \
  e2e_wait_text field-value-amount 'R$12,345.67'
e2e_check "the Save bar and its message are gone" \
  e2e_wait_for "the bar to go" not_editing amount
e2e_check "the database still holds the saved amount" test "$(values_of "$AMOUNT")" = 1234567

# ---- (c) A field required from the deal's stage on -----------------------------------

e2e_stop
LAYOUT=$(e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'")
SECTION=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT ORDER BY sort LIMIT 1")
EXECUTING=$(e2e_sql "SELECT s.id FROM stages s JOIN elements e ON e.pipeline_id = s.pipeline_id WHERE e.id = $DEAL AND s.code = 'executing'")
# The field is shown last in the first section, as if placed there before;
# the deal has reached the stage it is required from.
e2e_sql "INSERT INTO fields (entity_type_id, code, label, type, is_system, required_mode, required_stage_id, created_at)
         SELECT id, 'uf_e2e', 'Número do contrato', 'string', 0, 'stage', $EXECUTING, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')
         FROM entity_types WHERE code = 'deal';
         INSERT INTO layout_placements (section_id, field_id, sort)
         SELECT $SECTION, id, (SELECT max (sort) + 1 FROM layout_placements WHERE section_id = $SECTION)
         FROM fields WHERE code = 'uf_e2e';
         UPDATE elements SET stage_id = $EXECUTING WHERE id = $DEAL;"
CONTRACT=$(field_id uf_e2e)
TITLE_FIELD=$(field_id title)
OLD_TITLE=$(e2e_sql "SELECT title FROM elements WHERE id = $DEAL")
NEW_TITLE='Suporte técnico — contrato fechado'

e2e_start --open "deal:$DEAL" || exit 1
e2e_check "the card shows the required field, not filled" \
  e2e_wait_text field-value-uf-e2e "Not filled"

TITLE_CHANGES=$(changes_of "$TITLE_FIELD")
e2e_click field-value-title
e2e_wait_for "the title's editor" editing_focused title
e2e_type_into value-entry-title "$NEW_TITLE"
e2e_click save-button
e2e_check "saving another field is refused, naming the required one" \
  e2e_wait_for "the error" e2e_shows_words edit-error "Número do contrato"
e2e_check "the title is not written" \
  test "$(e2e_sql "SELECT title FROM elements WHERE id = $DEAL")" = "$OLD_TITLE"
e2e_check "nor any field-change entry" test "$(changes_of "$TITLE_FIELD")" -eq "$TITLE_CHANGES"
e2e_check "the required field's editor is shown" \
  e2e_wait_for "the required field's editor" editing uf-e2e
e2e_check "the title's editor stays open (what was typed is saved below)" editing title
e2e_screenshot required-error

# Into the required field's entry, then Save again.
e2e_scroll_to value-entry-uf-e2e fields-pane 700
e2e_click value-entry-uf-e2e
e2e_wait_focus value-entry-uf-e2e
e2e_type_into value-entry-uf-e2e "CT-2026/0042"
e2e_click save-button

both_saved () {
  [ "$(e2e_sql "SELECT title FROM elements WHERE id = $DEAL")" = "$NEW_TITLE" ] &&
  [ "$(values_of "$CONTRACT")" = "CT-2026/0042" ]
}
e2e_check "once it is filled in, both are saved" e2e_wait_for "both values" both_saved
e2e_check "with a field-change entry each" \
  test "$(changes_of "$TITLE_FIELD")|$(changes_of "$CONTRACT")" = "$((TITLE_CHANGES + 1))|1"
e2e_check "the card leaves editing and shows both" \
  e2e_wait_text field-value-uf-e2e "CT-2026/0042"
e2e_check "the title too" e2e_wait_text field-value-title "$NEW_TITLE"
e2e_check "the Save bar is gone" e2e_wait_gone save-button
e2e_screenshot saved

e2e_done
