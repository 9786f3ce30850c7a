#!/usr/bin/env bash
# monkey.sh — a person who clicks everything: starts the real binary on a
# demo database and, for MONKEY_STEPS steps (300), does something random
# to a random named widget of the widget map — a click, keys, a drag by a
# handle, a wheel turn — then checks the app is still alive and the
# database still sound. MONKEY_SEED (random) makes a run repeatable; every
# step is logged, so a crash comes with the steps that led to it.
#
# Not part of the suite (it finds different things each run): run it with
# build-aux/monkey-e2e.

. "$(dirname "$0")/e2e-lib.sh"

STEPS=${MONKEY_STEPS:-300}
SEED=${MONKEY_SEED:-$RANDOM}
RANDOM=$SEED
LOG="$E2E_TMP/steps.log"
echo "# seed $SEED, $STEPS steps, log $LOG"

# Widgets worth poking: shown, sensitive, not covered. The window's own
# buttons (close) would end the run early.
candidates () {
  grep -v '^@' "$E2E_MAP" 2>/dev/null | awk '$6 !~ /[io]/ && $4 > 4 && $5 > 4 { print $1, $2, $3, $4, $5 }' |
    grep -v -E '^(response-close|database-error-dialog) '
}

pick () {
  local lines n
  mapfile -t lines < <(candidates)
  n=${#lines[@]}
  [ "$n" -gt 0 ] || return 1
  echo "${lines[$((RANDOM % n))]}"
}

step () {
  local name x y w h r px py tx ty
  read -r name x y w h < <(pick) || { sleep 0.2; return 0; }
  px=$((x + 1 + RANDOM % (w - 2)))
  py=$((y + 1 + RANDOM % (h - 2)))
  r=$((RANDOM % 100))
  if [ "$r" -lt 60 ]; then
    echo "click $name at $px,$py" >>"$LOG"
    xdotool mousemove --sync "$px" "$py" click 1
  elif [ "$r" -lt 68 ]; then
    echo "key Escape" >>"$LOG"
    xdotool key Escape
  elif [ "$r" -lt 76 ]; then
    echo "type into the focus" >>"$LOG"
    xdotool type --delay 20 "Teste $RANDOM"
    [ $((RANDOM % 2)) -eq 0 ] && xdotool key Return
  elif [ "$r" -lt 84 ]; then
    echo "key Tab/space" >>"$LOG"
    xdotool key Tab space
  elif [ "$r" -lt 94 ]; then
    # A drag from a handle to anywhere on the pane.
    read -r name x y w h < <(grep -E '^(field|section)-handle-' "$E2E_MAP" | awk '$6 !~ /[io]/ { print $1, $2, $3, $4, $5 }' | shuf -n 1 --random-source=<(yes "$RANDOM")) || return 0
    read -r _ tx ty _ < <(grep '^fields-pane ' "$E2E_MAP") || return 0
    tx=$((tx + 20 + RANDOM % 300))
    ty=$((ty + RANDOM % 500))
    echo "drag $name to $tx,$ty" >>"$LOG"
    e2e_drag "$((x + w / 2))" "$((y + h / 2))" "$tx" "$ty"
  else
    echo "wheel $((r % 2 ? 4 : 5)) at $px,$py" >>"$LOG"
    xdotool mousemove --sync "$px" "$py" click "$((r % 2 ? 4 : 5))"
  fi
  sleep 0.0$((RANDOM % 10))
}

e2e_start --demo || exit 1
e2e_stop
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_start --open "deal:$DEAL" || exit 1
e2e_wait_shown card-title

for i in $(seq 1 "$STEPS"); do
  step
  if ! e2e_alive; then
    echo "# the app died at step $i; the last steps:"
    tail -n 15 "$LOG" | sed 's/^/#   /'
    break
  fi
done

e2e_check "the app survived $STEPS random steps (seed $SEED)" e2e_alive
e2e_screenshot last
e2e_stop
e2e_check "the database is sound" test "$(e2e_sql 'PRAGMA integrity_check')" = ok
e2e_check "and its foreign keys hold" test -z "$(e2e_sql 'PRAGMA foreign_key_check')"
e2e_done
