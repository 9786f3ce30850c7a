#!/usr/bin/env bash
# Preferences › Pipelines and Stages in the real binary: Ctrl+, opens
# Preferences, the switcher shows the page; a stage dragged by its handle
# with real pointer events lands where the line showed, in the database
# too; Add Stage puts a new stage before the success stage with the focus
# in its name, and the name typed is saved on Enter.

. "$(dirname "$0")/e2e-lib.sh"

# The deals' default pipeline's stage codes, in order.
order () {
  e2e_sql "SELECT group_concat (code, ',') FROM (SELECT s.code FROM stages s JOIN pipelines p ON p.id = s.pipeline_id JOIN entity_types t ON t.id = p.entity_type_id WHERE t.code = 'deal' AND p.is_default = 1 ORDER BY s.sort)"
}

ordered_as () {
  [ "$(order)" = "$1" ]
}

# The stage rows the page shows, top to bottom.
shown_rows () {
  grep '^stage-row-' "$E2E_MAP" | sort -s -k3,3n | cut -d' ' -f1 | sed 's/^stage-row-//' | paste -sd ','
}

shows_rows () {
  [ "$(shown_rows)" = "$1" ]
}

shot_before_drop () {
  e2e_screenshot drag-stage
}

e2e_start --demo || exit 1

# ---- Open the page -------------------------------------------------------------

e2e_key ctrl+comma
e2e_check "Ctrl+, opens Preferences" e2e_wait_shown preferences-page-pipelines
e2e_click preferences-page-pipelines
e2e_check "the page shows the deals' stages" e2e_wait_shown stage-handle-final-invoice
e2e_check "the pipeline switcher shows the default pipeline" e2e_wait_text pipeline-switcher-admin "General"
e2e_check "in the stored order" \
  e2e_wait_for "the rows" shows_rows "new,preparation,prepayment,executing,final-invoice,won,lost"
e2e_screenshot page

# ---- Drag a stage up by its handle -------------------------------------------------

e2e_wait_for "the handle" e2e_steady stage-handle-final-invoice
read -r HX HY < <(e2e_center stage-handle-final-invoice)
read -r RX RY RW RH < <(e2e_widget stage-row-preparation)
# Into the upper half of Preparation's row: the line shows above it.
e2e_drag "$HX" "$HY" "$HX" "$((RY + RH / 4))" shot_before_drop
e2e_check "the dragged stage lands above Preparation in the database" \
  e2e_wait_for "the new order" ordered_as "new,final_invoice,preparation,prepayment,executing,won,lost"
e2e_check "and on the page" \
  e2e_wait_for "the rows" shows_rows "new,final-invoice,preparation,prepayment,executing,won,lost"

# ---- Past the success stage: refused -----------------------------------------------

e2e_wait_for "the handle" e2e_steady stage-handle-new
read -r HX HY < <(e2e_center stage-handle-new)
read -r RX RY RW RH < <(e2e_widget stage-row-lost)
e2e_drag "$HX" "$HY" "$HX" "$((RY + RH * 3 / 4))"
e2e_check "a stage in progress does not go among the failure stages" \
  ordered_as "new,final_invoice,preparation,prepayment,executing,won,lost"

# ---- Add a stage ---------------------------------------------------------------------

e2e_click add-stage
e2e_check "Add Stage shows a new stage before the success stage" \
  e2e_wait_for "the new row" shows_rows "new,final-invoice,preparation,prepayment,executing,new-stage,won,lost"
e2e_check "with the focus in its name" e2e_wait_focus stage-name-new-stage
e2e_check "stored in that place" \
  ordered_as "new,final_invoice,preparation,prepayment,executing,new_stage,won,lost"
e2e_type_into stage-name-new-stage "Proposta enviada"
e2e_key Return
named () {
  [ "$(e2e_sql "SELECT name FROM stages WHERE code = 'new_stage'")" = "Proposta enviada" ]
}
e2e_check "Enter saves the name typed" e2e_wait_for "the name" named
e2e_check "the row shows it" e2e_wait_text stage-name-new-stage "Proposta enviada"
e2e_screenshot added

e2e_done
