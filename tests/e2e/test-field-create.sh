#!/usr/bin/env bash
# Creates a list field from a demo deal's card as a person would: a real
# click on Create Field, the dialog filled in from the keyboard (type,
# label, three items), a real click on Create; then gives the deal a value
# through the new field's drop-down and Save. Checks the database after
# each step, and that the value is still shown after a restart.

. "$(dirname "$0")/e2e-lib.sh"

LABEL='Canal de venda'

# ---- Helpers of this test ---------------------------------------------------

# The map is written after each frame; let a change reach it.
e2e_settle () {
  sleep 0.6
}

dialog_window () {
  xdotool search --all --onlyvisible --pid "$E2E_APP_PID" --name '^New Field$' 2>/dev/null | head -n 1
}

dialog_shown () {
  [ -n "$(dialog_window)" ]
}

dialog_gone () {
  ! dialog_shown
}

has_widget () {
  grep -q "^$1 " "$E2E_MAP"
}

lacks_widget () {
  ! grep -q "^$1 " "$E2E_MAP"
}

shows_text () {
  [ "$(e2e_text "$1")" = "$2" ]
}

new_field_id () {
  e2e_sql "SELECT id FROM fields WHERE label = '$LABEL' AND is_system = 0"
}

field_created () {
  [ -n "$(new_field_id)" ]
}

# ---- The demo card ------------------------------------------------------------

e2e_start --demo || exit 1
e2e_stop
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_start --open "deal:$DEAL" || exit 1

layout_exists () {
  [ -n "$(e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'")" ]
}
e2e_wait_for "the layout" layout_exists || exit 1
LAYOUT=$(e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'")
SECTION=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT ORDER BY sort LIMIT 1")
e2e_wait_for "Create Field" has_widget "create-field-$SECTION" || exit 1
e2e_settle

# ---- Create Field opens the dialog ---------------------------------------------

e2e_click "create-field-$SECTION"
e2e_check "Create Field opens the New Field dialog" e2e_wait_for "the dialog" dialog_shown
DIALOG=$(dialog_window)
[ -n "$DIALOG" ] || { e2e_done; exit 1; }
e2e_settle

# The dialog is a window of its own, out of the widget map: it is filled
# in from the keyboard. The label has the focus; the type is the row above.
xdotool type --delay 30 "$LABEL"
xdotool key shift+Tab
sleep 0.2
xdotool key Return
sleep 0.5
# String, Text, Integer, Decimal number, Money, Yes/No, Date, Date and
# time, List: eight down from the first.
for _ in 1 2 3 4 5 6 7 8; do
  xdotool key Down
  sleep 0.05
done
xdotool key Return
sleep 0.5
# Type → Label → Multiple Values row → its switch → New Item.
for _ in 1 2 3 4; do
  xdotool key Tab
  sleep 0.1
done
for item in 'Loja física' 'Site' 'Representante'; do
  xdotool type --delay 30 "$item"
  xdotool key Return
  sleep 0.3
done
e2e_settle
e2e_screenshot create-dialog
e2e_screenshot_window "$DIALOG" create-dialog-window

# Create sits at the right end of the dialog's header bar.
eval "$(xdotool getwindowgeometry --shell "$DIALOG")"
xdotool mousemove --sync "$((X + WIDTH - 40))" "$((Y + 27))"
sleep 0.1
xdotool click 1

e2e_check "Create closes the dialog" e2e_wait_for "the dialog to close" dialog_gone
e2e_alive_or_bail
e2e_check "a custom field '$LABEL' exists" e2e_wait_for "the field" field_created
field_created || { e2e_done; exit 1; }
FIELD=$(new_field_id)
FIELD=${FIELD:-0}
CODE=$(e2e_sql "SELECT code FROM fields WHERE id = $FIELD")
NAME=${CODE//_/-}
e2e_check "it is a list field of one value" \
  test "$(e2e_sql "SELECT type || ',' || is_multiple FROM fields WHERE id = $FIELD")" = "list,0"
e2e_check "with the three items in the order typed" \
  test "$(e2e_sql "SELECT group_concat (json_extract (value, '\$.label'), '|') FROM fields, json_each (fields.options, '\$.items') WHERE fields.id = $FIELD")" = "Loja física|Site|Representante"
e2e_check "placed last in the section it was created from" \
  test "$(e2e_sql "SELECT s.id FROM layout_placements p JOIN layout_sections s ON s.id = p.section_id WHERE p.field_id = $FIELD AND s.layout_id = $LAYOUT AND p.sort = (SELECT max (sort) FROM layout_placements WHERE section_id = s.id)")" = "$SECTION"
e2e_check "the card shows the new field, not filled" \
  e2e_wait_for "the new field's row" shows_text "field-value-$NAME" "Not filled"

# ---- A value through the drop-down -------------------------------------------------

e2e_settle
e2e_click "field-value-$NAME"
e2e_check "clicking the value shows its editor and the Save bar" \
  e2e_wait_for "the editor" lacks_widget "field-value-$NAME"
e2e_wait_for "the Save button" has_widget save-button
# The editor takes the focus: its drop-down opens on Space, at "None".
xdotool key space
sleep 0.5
xdotool key Down
sleep 0.1
xdotool key Down
sleep 0.1
xdotool key Return
e2e_settle
e2e_screenshot value-chosen
e2e_click save-button

SITE_KEY=$(e2e_sql "SELECT json_extract (value, '\$.key') FROM fields, json_each (fields.options, '\$.items') WHERE fields.id = $FIELD AND json_extract (value, '\$.label') = 'Site'")
value_saved () {
  [ "$(e2e_sql "SELECT group_concat (value) FROM field_values WHERE element_id = $DEAL AND field_id = $FIELD")" = "$SITE_KEY" ]
}
e2e_check "Save stores the item's key on the deal" e2e_wait_for "the value" value_saved
e2e_check "and writes a field-change entry for it, with the key as stored" \
  test "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL AND kind = 'field-change' AND json_extract (payload, '\$.field') = $FIELD AND json_extract (payload, '\$.new[0].value') = '$SITE_KEY'")" = 1
e2e_settle
e2e_alive_or_bail
e2e_check "the card leaves editing" e2e_wait_for "the Save bar to go" lacks_widget save-button
e2e_check "and shows the value" e2e_wait_for "Site shown" shows_text "field-value-$NAME" "Site"
e2e_screenshot saved

# ---- After a restart ------------------------------------------------------------------

e2e_stop
cp "$E2E_TMP/app.log" "$E2E_TMP/app-first-run.log"
e2e_start --open "deal:$DEAL" || exit 1
e2e_check "after a restart the field still shows Site" \
  e2e_wait_for "Site shown" shows_text "field-value-$NAME" "Site"
e2e_check "in the section it was created in" \
  test "$(e2e_sql "SELECT section_id FROM layout_placements WHERE field_id = $FIELD")" = "$SECTION"
e2e_screenshot restarted

e2e_done
