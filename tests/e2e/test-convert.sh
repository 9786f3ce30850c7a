#!/usr/bin/env bash
# Creates a deal from a demo lead with real clicks: Create → Deal on the
# lead's card; the dialog asks for the deal's required field, which is
# typed in; then checks the database (the deal, its mapped values, the
# relation, both timeline entries, the lead at its success stage) and that
# the deal's card opened. Also the Dependencies tab and the timeline link
# back to the lead.

. "$(dirname "$0")/e2e-lib.sh"

TERM_TEXT='30 dias corridos'

e2e_start --demo || exit 1
e2e_stop
# A regular lead, not yet converted, with an amount; deals get a
# required field the lead does not have, so the dialog must ask for it.
LEAD=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id
                JOIN stages s ON s.id = e.stage_id JOIN lead_kinds k ON k.id = e.lead_kind_id
                WHERE t.code = 'lead' AND s.semantics = 'progress' AND k.code = 'regular'
                  AND EXISTS (SELECT 1 FROM field_values v JOIN fields f ON f.id = v.field_id
                              WHERE v.element_id = e.id AND f.code = 'amount')")
TITLE=$(e2e_sql "SELECT title FROM elements WHERE id = $LEAD")
e2e_sql "INSERT INTO fields (id, entity_type_id, code, label, type, required_mode, sort, created_at)
         SELECT 9901, id, 'uf_e2e_term', 'Delivery term', 'string', 'always', 500, '2024-01-01T00:00:00.000Z'
         FROM entity_types WHERE code = 'deal'"
DEALS_BEFORE=$(e2e_sql "SELECT count(*) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")

e2e_start --open "lead:$LEAD" || exit 1
e2e_check "the lead's card shows its Create button" e2e_wait_shown create-button
e2e_click create-button
e2e_check "the Create menu offers a deal" e2e_wait_shown create-deal
e2e_check "and the conversion" e2e_has convert-lead
e2e_screenshot menu
e2e_click create-deal

# The editors name their entries value-entry-CODE (with dashes).
e2e_check "the dialog asks for the required field" e2e_wait_shown value-entry-uf-e2e-term
e2e_check "and for nothing else" test "$(grep -c '^value-' "$E2E_MAP")" -eq 1
e2e_click value-entry-uf-e2e-term
e2e_type "$TERM_TEXT"
e2e_screenshot dialog
e2e_click convert-create

deal_made () {
  [ "$(e2e_sql "SELECT count(*) FROM relations WHERE source_id = $LEAD AND kind = 'created-from'")" = 1 ]
}
e2e_check "a deal is created from the lead" e2e_wait_for "the relation" deal_made
DEAL=$(e2e_sql "SELECT target_id FROM relations WHERE source_id = $LEAD AND kind = 'created-from'")
e2e_check "exactly one deal more" \
  test "$(e2e_sql "SELECT count(*) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")" -eq $((DEALS_BEFORE + 1))
e2e_check "the deal has the lead's title" test "$(e2e_sql "SELECT title FROM elements WHERE id = $DEAL")" = "$TITLE"
e2e_check "and its amount" test "$(e2e_sql "SELECT v.value || v.aux FROM field_values v JOIN fields f ON f.id = v.field_id WHERE v.element_id = $DEAL AND f.code = 'amount'")" = \
  "$(e2e_sql "SELECT v.value || v.aux FROM field_values v JOIN fields f ON f.id = v.field_id WHERE v.element_id = $LEAD AND f.code = 'amount'")"
e2e_check "and what was typed" test "$(e2e_sql "SELECT value FROM field_values WHERE element_id = $DEAL AND field_id = 9901")" = "$TERM_TEXT"
e2e_check "both timelines name the other" \
  test "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE kind = 'link' AND ((element_id = $DEAL AND json_extract (payload, '\$.element') = $LEAD) OR (element_id = $LEAD AND json_extract (payload, '\$.element') = $DEAL))")" = 2
e2e_check "the lead is a good lead now" \
  test "$(e2e_sql "SELECT s.semantics FROM elements e JOIN stages s ON s.id = e.stage_id WHERE e.id = $LEAD")" = success
e2e_check "the dialog closed" e2e_wait_gone convert-create

# The deal's card opened: its Create menu offers quotes.
e2e_check "the deal's card opened" e2e_wait_for "the deal's card" e2e_shows_words timeline-text "Created from Lead"
e2e_click create-button
e2e_check "its Create menu offers a quote" e2e_wait_shown create-quote
e2e_key Escape
e2e_check "the menu closes" e2e_wait_gone create-quote

# The timeline entry leads back to the lead: a click on its first words
# (the label is wider than its link).
e2e_wait_for "the entry to be steady" e2e_steady timeline-text
read -r X Y W H < <(e2e_widget timeline-text)
xdotool mousemove --sync $((X + 15)) $((Y + H / 2)) click 1
e2e_check "the link opens the lead again" e2e_wait_for "the lead's card" e2e_shows_words timeline-text "Good lead"
e2e_click create-button
e2e_check "whose menu offers the conversion" e2e_wait_shown convert-lead
e2e_key Escape

# Its Dependencies tab lists the deal; a click opens it.
e2e_click tab-dependencies
e2e_check "the Dependencies tab lists the deal" e2e_wait_shown "dependency-$DEAL"
e2e_click "dependency-$DEAL"
e2e_check "a click on it opens the deal" e2e_wait_for "the deal's card" e2e_shows_words timeline-text "Created from Lead"

e2e_done
