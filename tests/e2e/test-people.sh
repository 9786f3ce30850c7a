#!/usr/bin/env bash
# Who sees what, in the real binary: --user as an employee whose role
# lets them see only their own elements lists only their deals; a field
# visible to one colleague only is neither on another's card nor found by
# their search (while the administrator sees and finds it); an unknown
# login is refused with a dialog and exit code 1.

. "$(dirname "$0")/e2e-lib.sh"

VALUE=margemvip

# Titles the list shows, one a line, sorted.
shown_titles () {
  grep '^list-title ' "$E2E_MAP" | cut -d' ' -f7- | sort
}

titles_shown () {
  [ -n "$(shown_titles)" ]
}

shows_only () {
  [ "$(shown_titles)" = "$1" ]
}

# Every title shown is one of his deals'.
shows_only_his () {
  titles_shown && [ -z "$(comm -23 <(shown_titles) <(echo "$HIS_DEALS"))" ]
}

# A screenful, or all of them when fewer.
shows_enough () {
  local n
  n=$(shown_titles | grep -c .)
  [ "$n" -ge 10 ] || [ "$n" -eq "$N_HIS" ]
}

card_fields_shown () {
  grep -q '^field-row-' "$E2E_MAP" 2>/dev/null
}

# ---- The database ---------------------------------------------------------------

e2e_start --demo || exit 1
e2e_stop
read -r CODE DEAL < <("$CLIENTELE_PEOPLE_SETUP" "$E2E_DB" beatriz.santos rafael.oliveira "$VALUE")
NAME=${CODE//_/-}
RAFAEL=$(e2e_sql "SELECT id FROM users WHERE login = 'rafael.oliveira'")
DEAL_TITLE=$(e2e_sql "SELECT title FROM elements WHERE id = $DEAL")
HIS_DEALS=$(e2e_sql "SELECT e.title FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal' AND (e.responsible_id = $RAFAEL OR e.created_by = $RAFAEL) ORDER BY 1" | sort)
N_HIS=$(echo "$HIS_DEALS" | grep -c .)
N_ALL=$(e2e_sql "SELECT count(*) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_check "the setup gave Rafael some deals among many ($N_HIS of $N_ALL)" \
  test "$N_HIS" -ge 2 -a "$N_ALL" -gt "$N_HIS"

# ---- The administrator ------------------------------------------------------------

e2e_start --open "deal:$DEAL" || exit 1
e2e_check "the administrator's card shows the restricted field" e2e_wait_shown "field-row-$NAME"
e2e_key alt+Left
# Deals open as a kanban; these checks read the list's rows.
e2e_click view-list
e2e_wait_shown search-entry
e2e_click search-entry
e2e_type_into search-entry "$VALUE"
e2e_check "and the administrator finds the deal by its value" \
  e2e_wait_for "the search" shows_only "$DEAL_TITLE"
e2e_stop

# ---- Rafael -----------------------------------------------------------------------

e2e_start --user rafael.oliveira || exit 1
e2e_click sidebar-deal
e2e_click view-list
e2e_check "Rafael's deal list shows rows" e2e_wait_for "the list" titles_shown
e2e_check "only his own deals" e2e_wait_for "his deals" shows_only_his
e2e_check "as many as fit, or all" e2e_wait_for "his deals" shows_enough
e2e_screenshot own-deals

e2e_click search-entry
e2e_type_into search-entry "$DEAL_TITLE"
e2e_check "his search finds his deal by its title" e2e_wait_for "the search" shows_only "$DEAL_TITLE"
e2e_type_into search-entry "$VALUE"
e2e_check "but not by the value of the field hidden from him" e2e_wait_for "no rows" e2e_lacks list-title
e2e_stop

e2e_start --user rafael.oliveira --open "deal:$DEAL" || exit 1
e2e_check "his card shows its fields" e2e_wait_for "the fields" card_fields_shown
e2e_check "without the field visible to Beatriz only" e2e_lacks "field-row-$NAME"
e2e_screenshot card-without-field
e2e_stop

# ---- An unknown login ---------------------------------------------------------------

rm -f "$E2E_MAP"
(cd "$E2E_TMP" &&
 exec env GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
      GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 GTK_USE_PORTAL=0 \
      CLIENTELE_WIDGET_MAP="$E2E_MAP" \
      "$CLIENTELE_BIN" --db "$E2E_DB" --user ninguem >>"$E2E_TMP/app.log" 2>"$E2E_TMP/unknown.err") &
E2E_APP_PID=$!
e2e_check "an unknown login shows a dialog" e2e_wait_shown user-error-dialog
e2e_check "that names the login" grep -q "ninguem" "$E2E_TMP/unknown.err"
e2e_screenshot unknown-login
e2e_click response-close
wait "$E2E_APP_PID"
STATUS=$?
E2E_APP_PID=
e2e_check "and the app exits with 1 once it is closed" test "$STATUS" -eq 1

e2e_done
