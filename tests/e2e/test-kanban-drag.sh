#!/usr/bin/env bash
# The deals' kanban driven by the mouse: a card dragged to another column
# moves the deal (the database says so, and the card shows in its new
# column); in the corporate pipeline, a card dropped on Contrato, which
# requires the contract number, asks for it first, and the move is
# written with the number typed.

. "$(dirname "$0")/e2e-lib.sh"

stage_of () {
  e2e_sql "SELECT stage_id FROM elements WHERE id = $1"
}

in_stage () {
  [ "$(stage_of "$1")" = "$2" ]
}

stage_id () {
  e2e_sql "SELECT s.id FROM stages s JOIN pipelines p ON p.id = s.pipeline_id JOIN entity_types t ON t.id = p.entity_type_id WHERE t.code = 'deal' AND p.code = '$1' AND s.code = '$2'"
}

# The deal the column shows first: the most recently changed.
first_in () {
  e2e_sql "SELECT id FROM elements WHERE stage_id = $1 ${2:-} ORDER BY updated_at DESC, id DESC LIMIT 1"
}

# Is the card within the column, left to right?
card_in_column () {
  local cx cw x w
  read -r cx _ cw _ < <(e2e_widget "kanban-column-$2") || return 1
  read -r x _ w _ < <(e2e_widget "kanban-card-$1") || return 1
  [ "$x" -ge "$cx" ] && [ $((x + w)) -le $((cx + cw)) ]
}

# A drag from the card's middle to a point in the column's upper part,
# where the drop hint shows.
drag_card () {
  local x0 y0 x y w h
  read -r x0 y0 < <(e2e_center "kanban-card-$1") || return 1
  read -r x y w h < <(e2e_widget "kanban-column-$2") || return 1
  e2e_drag "$x0" "$y0" "$((x + w / 2))" "$((y + h / 3))" "${3:-}"
}

shot_drag () {
  e2e_screenshot kanban-drag
}

e2e_start --demo || exit 1
e2e_stop

NEW=$(stage_id default new)
PREPARATION=$(stage_id default preparation)
NEGOTIATION=$(stage_id corporate negotiation)
CONTRACT=$(stage_id corporate contract)
CONTRACT_FIELD=$(e2e_sql "SELECT id FROM fields WHERE required_mode = 'stage' AND required_stage_id = $CONTRACT")
CONTRACT_CODE=$(e2e_sql "SELECT replace (code, '_', '-') FROM fields WHERE id = $CONTRACT_FIELD")
DEAL=$(first_in "$NEW")

# ---- A plain move --------------------------------------------------------------

e2e_start || exit 1
e2e_check "deals open as a kanban" e2e_wait_shown "kanban-card-$DEAL"
e2e_check "the card is in its column" e2e_wait_for "the card in New" card_in_column "$DEAL" new
e2e_wait_for "the card to be steady" e2e_steady "kanban-card-$DEAL"
e2e_screenshot kanban-board
drag_card "$DEAL" preparation shot_drag
e2e_check "the drop moved the deal" e2e_wait_for "the move" in_stage "$DEAL" "$PREPARATION"
e2e_check "and its card shows in the new column" \
  e2e_wait_for "the card in Preparing documents" card_in_column "$DEAL" preparation
e2e_check "one stage-change entry on its timeline" \
  test "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL AND kind = 'stage-change'")" = 1

# ---- A gated stage ---------------------------------------------------------------

corporate_shown () {
  e2e_shows pipeline-switcher "Projetos corporativos"
}

GATED=$(first_in "$NEGOTIATION" "AND id NOT IN (SELECT element_id FROM field_values WHERE field_id = $CONTRACT_FIELD)")
SHOWN_FIRST=$(first_in "$NEGOTIATION")
e2e_check "a corporate deal in negotiation without a contract number" \
  test -n "$GATED" -a "$GATED" = "$SHOWN_FIRST"

for _ in 1 2 3; do
  e2e_click pipeline-switcher
  sleep 0.3
  e2e_key Down Return
  E2E_TIMEOUT=5 e2e_wait_for "the corporate pipeline" corporate_shown && break
done
e2e_check "the switcher shows the corporate pipeline" corporate_shown
e2e_check "and its columns" e2e_wait_shown "kanban-card-$GATED"
e2e_wait_for "the card to be steady" e2e_steady "kanban-card-$GATED"
drag_card "$GATED" contract
e2e_check "the drop asks for the contract number" e2e_wait_shown stage-gate-dialog
e2e_check "and has not moved yet" in_stage "$GATED" "$NEGOTIATION"
e2e_click "value-entry-$CONTRACT_CODE"
e2e_type_into "value-entry-$CONTRACT_CODE" "CT-2026-0042"
e2e_screenshot kanban-gate
e2e_click response-move
e2e_check "the move is written" e2e_wait_for "the gated move" in_stage "$GATED" "$CONTRACT"
e2e_check "with the number typed" \
  test "$(e2e_sql "SELECT value FROM field_values WHERE element_id = $GATED AND field_id = $CONTRACT_FIELD")" = "CT-2026-0042"
e2e_check "and the card shows in Contrato" \
  e2e_wait_for "the card in Contrato" card_in_column "$GATED" contract

e2e_done
