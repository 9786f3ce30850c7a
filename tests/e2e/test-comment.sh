#!/usr/bin/env bash
# Types a comment into a demo deal's card with real keys, presses Send with
# a real click, and checks the database.

. "$(dirname "$0")/e2e-lib.sh"

TEXT='Cliente confirmou a reuniao de quinta as 15h'

comment_stored () {
  [ "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL AND kind = 'comment' AND text = '$TEXT'")" = 1 ]
}

composer_empty () {
  [ "$(e2e_text composer-text)" = empty ]
}

# The demo fills the database on the first start; element ids are only
# known afterwards.
e2e_start --demo || exit 1
e2e_stop
e2e_check "the demo filled the database" \
  test "$(e2e_sql "SELECT count(*) FROM elements WHERE entity_type_id = (SELECT id FROM entity_types WHERE code = 'deal')")" -ge 100
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_start --open "deal:$DEAL" || exit 1
BEFORE=$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL")

e2e_click composer-text
e2e_check "a click in the composer gives it the focus" e2e_wait_focus composer-text
e2e_type "$TEXT"
e2e_check "what is typed shows there" e2e_wait_for "the text" e2e_shows composer-text filled
e2e_screenshot typed
e2e_click send-button

e2e_check "the comment is stored on the deal" e2e_wait_for "the comment" comment_stored
e2e_check "exactly one entry was added" \
  test "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE element_id = $DEAL")" -eq $((BEFORE + 1))
e2e_check "the composer was cleared" e2e_wait_for "the composer to clear" composer_empty
e2e_check "it is authored by the desktop user" \
  test "$(e2e_sql "SELECT u.login FROM timeline_entries t JOIN users u ON u.id = t.author_id WHERE t.text = '$TEXT'")" = "$(id -un)"
e2e_screenshot sent

# The comment survives a restart and shows at the top of the timeline.
e2e_stop
e2e_start --open "deal:$DEAL" || exit 1
e2e_check "the app reopens the same database" \
  test "$(e2e_sql "SELECT count(*) FROM timeline_entries WHERE text = '$TEXT'")" = 1
e2e_check "the timeline shows the comment first" \
  e2e_wait_text timeline-text "$TEXT"

# Alt+Left leaves the card for the list.
e2e_key alt+Left
e2e_check "Alt+Left goes back to the list" e2e_wait_gone card-title
e2e_check "and shows its search" e2e_wait_shown search-entry

e2e_done
