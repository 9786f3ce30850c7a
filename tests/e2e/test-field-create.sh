#!/usr/bin/env bash
# Creates a list field from a demo deal's card as a person would: a real
# click on Create Field, the dialog filled in with real clicks and typing
# (type, label, three items), a real click on Create; then gives the deal
# a value through the new field's drop-down and Save. Checks the database
# after each step, and that the value is still shown after a restart.

. "$(dirname "$0")/e2e-lib.sh"

LABEL='Canal de venda'

new_field_id () {
  e2e_sql "SELECT id FROM fields WHERE label = '$LABEL' AND is_system = 0"
}

field_created () {
  [ -n "$(new_field_id)" ]
}

# The items the dialog lists, top to bottom.
shown_items () {
  grep '^list-item-label ' "$E2E_MAP" | sort -s -k3,3n | cut -d' ' -f7- | paste -sd '|'
}

shows_items () {
  [ "$(shown_items)" = "$1" ]
}

# e2e_click_row TEXT — clicks the row of the open popover's list that says
# TEXT (a drop-down's choice).
row_index () {
  grep '^popover-row ' "$E2E_MAP" | sort -s -k3,3n -k2,2n | cut -d' ' -f7- | grep -nx -- "$1" | head -n 1 | cut -d: -f1
}

has_row () {
  [ -n "$(row_index "$1")" ]
}

e2e_click_row () {
  e2e_wait_for "the choice $1" has_row "$1" || return 1
  e2e_click popover-row "$(row_index "$1")"
}

# ---- The demo card ------------------------------------------------------------

e2e_start --demo || exit 1
e2e_stop
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_start --open "deal:$DEAL" || exit 1

layout_id () {
  e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'"
}
layout_exists () {
  [ -n "$(layout_id)" ]
}
e2e_wait_for "the layout" layout_exists || exit 1
LAYOUT=$(layout_id)
SECTION=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT ORDER BY sort LIMIT 1")

# ---- Create Field opens the dialog ---------------------------------------------

e2e_click "create-field-$SECTION"
e2e_check "Create Field opens the New Field dialog" e2e_wait_shown field-dialog
e2e_check "with the focus in the label" e2e_wait_focus field-label
e2e_check "the label shows what was typed" e2e_type_into field-label "$LABEL"

e2e_click field-type
e2e_click_row "List"
e2e_check "the type is chosen from its drop-down" e2e_wait_text field-type "List"
e2e_check "a list shows its items editor" e2e_wait_shown list-item-entry

e2e_click list-item-entry
e2e_wait_focus list-item-entry
ITEMS=
for item in 'Loja física' 'Site' 'Representante'; do
  e2e_type_into list-item-entry "$item"
  e2e_key Return
  ITEMS=${ITEMS:+$ITEMS|}$item
  e2e_wait_for "the item $item" shows_items "$ITEMS"
done
e2e_check "the three items are listed in the order typed" shows_items "Loja física|Site|Representante"
e2e_screenshot create-dialog

e2e_click dialog-create-button
e2e_check "Create closes the dialog" e2e_wait_gone field-dialog
e2e_check "a custom field '$LABEL' exists" e2e_wait_for "the field" field_created
field_created || { e2e_done; exit 1; }
FIELD=$(new_field_id)
CODE=$(e2e_sql "SELECT code FROM fields WHERE id = $FIELD")
NAME=${CODE//_/-}
e2e_check "it is a list field of one value" \
  test "$(e2e_sql "SELECT type || ',' || is_multiple FROM fields WHERE id = $FIELD")" = "list,0"
e2e_check "with the three items in the order typed" \
  test "$(e2e_sql "SELECT group_concat (json_extract (value, '\$.label'), '|') FROM fields, json_each (fields.options, '\$.items') WHERE fields.id = $FIELD")" = "Loja física|Site|Representante"
e2e_check "placed last in the section it was created from" \
  test "$(e2e_sql "SELECT s.id FROM layout_placements p JOIN layout_sections s ON s.id = p.section_id WHERE p.field_id = $FIELD AND s.layout_id = $LAYOUT AND p.sort = (SELECT max (sort) FROM layout_placements WHERE section_id = s.id)")" = "$SECTION"
e2e_check "the card shows the new field, not filled" \
  e2e_wait_text "field-value-$NAME" "Not filled"

# ---- A value through the drop-down -------------------------------------------------

e2e_scroll_to "field-value-$NAME" fields-pane
e2e_click "field-value-$NAME"
e2e_check "clicking the value shows its drop-down and the Save bar" \
  e2e_wait_shown list-drop-down
e2e_wait_shown save-button
e2e_click list-drop-down
e2e_click_row "Site"
e2e_check "the drop-down shows the choice" e2e_wait_text list-drop-down "Site"
e2e_screenshot value-chosen
e2e_click save-button

SITE_KEY=$(e2e_sql "SELECT json_extract (value, '\$.key') FROM fields, json_each (fields.options, '\$.items') WHERE fields.id = $FIELD AND json_extract (value, '\$.label') = 'Site'")
value_saved () {
  [ "$(e2e_sql "SELECT group_concat (value) FROM field_values WHERE element_id = $DEAL AND field_id = $FIELD")" = "$SITE_KEY" ]
}
e2e_check "Save stores the item's key on the deal" e2e_wait_for "the value" value_saved
e2e_check "and writes one field-change entry for it, with the key as stored" \
  test "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL AND kind = 'field-change' AND json_extract (payload, '\$.field') = $FIELD AND json_extract (payload, '\$.new[0].value') = '$SITE_KEY'")" = 1
e2e_check "the card leaves editing" e2e_wait_gone save-button
e2e_check "and shows the value" e2e_wait_text "field-value-$NAME" "Site"
e2e_screenshot saved

# ---- After a restart ------------------------------------------------------------------

e2e_stop
e2e_start --open "deal:$DEAL" || exit 1
e2e_check "after a restart the field still shows Site" \
  e2e_wait_text "field-value-$NAME" "Site"
e2e_check "in the section it was created in" \
  test "$(e2e_sql "SELECT section_id FROM layout_placements WHERE field_id = $FIELD")" = "$SECTION"
e2e_screenshot restarted

e2e_done
