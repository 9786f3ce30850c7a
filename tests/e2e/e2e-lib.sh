# e2e-lib.sh — shared by the end-to-end tests: start the real binary on a
# temporary database under Xvfb, find its widgets, drive it with real
# pointer and keyboard events (xdotool), read the database (sqlite3).
#
# The app keeps $CLIENTELE_WIDGET_MAP filled with where its named widgets
# are on the screen and what state they are in, for every window, dialog
# and popover (see src/ui/window/crm-widget-map.c):
#   NAME X Y WIDTH HEIGHT FLAGS [TEXT]
#   @focus NAME
# FLAGS: f focused, c checked/active, i insensitive, o obscured (a click in
# its middle would reach something over it), - none. The tests wait
# on that state (a widget shown, a text, the focus) and on the database,
# never on fixed sleeps; the only pauses left pace the events of a drag,
# which GTK needs to see as motion.

set -u

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/clientele-e2e-XXXXXX")
E2E_DB="$E2E_TMP/e2e.db"
E2E_MAP="$E2E_TMP/widgets"
E2E_APP_PID=
E2E_TESTS=0
E2E_FAILED=0
# How long a wait may take before it fails: a loaded machine is slow.
E2E_TIMEOUT=${E2E_TIMEOUT:-30}

e2e_cleanup () {
  local core
  if [ -n "$E2E_APP_PID" ] && kill -0 "$E2E_APP_PID" 2>/dev/null; then
    kill "$E2E_APP_PID" 2>/dev/null
    wait "$E2E_APP_PID" 2>/dev/null
  fi
  # A crash leaves a core in the app's folder (when the system allows):
  # its stack is what a fix needs.
  for core in "$E2E_TMP"/core*; do
    [ -f "$core" ] || continue
    E2E_FAILED=$((E2E_FAILED + 1))
    if command -v gdb >/dev/null 2>&1; then
      echo "# the app crashed; its stack:"
      gdb -batch -ex 'thread apply all bt 30' "$CLIENTELE_BIN" "$core" 2>/dev/null | sed 's/^/# /'
    fi
  done
  # What a failure leaves — screenshots, the app's log, the map, the
  # database — is kept for a look.
  if [ -n "${E2E_KEEP:-}" ] || [ "$E2E_FAILED" -gt 0 ]; then
    echo "# kept $E2E_TMP"
  else
    rm -rf "$E2E_TMP"
  fi
}
trap e2e_cleanup EXIT

# ---- Waiting ------------------------------------------------------------------

# e2e_wait_for WHAT COMMAND… — polls COMMAND until it succeeds, for up to
# E2E_TIMEOUT seconds; fails the wait (and says so) if the app died.
e2e_wait_for () {
  local what=$1 deadline
  shift
  deadline=$(($(date +%s) + E2E_TIMEOUT))
  while :; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if ! e2e_alive; then
      echo "# the app died while waiting for $what" >&2
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "# timed out waiting for $what" >&2
      return 1
    fi
    sleep 0.05
  done
}

e2e_alive () {
  local state
  # No app started (or stopped on purpose): none to have died.
  [ -n "${E2E_APP_PID:-}" ] || return 0
  # A dead child stays a zombie until waited for: kill -0 would pass.
  state=$(ps -o stat= -p "${E2E_APP_PID:-0}" 2>/dev/null)
  case "$state" in
    ''|Z*) return 1 ;;
    *) return 0 ;;
  esac
}

# ---- The app --------------------------------------------------------------------

# e2e_start ARGS… — runs the app and waits until its window shows.
e2e_start () {
  rm -f "$E2E_MAP"
  # From its own folder, so a core dump lands beside its log.
  (cd "$E2E_TMP" &&
   exec env GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
        GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 GTK_USE_PORTAL=0 \
        CLIENTELE_WIDGET_MAP="$E2E_MAP" \
        "$CLIENTELE_BIN" --db "$E2E_DB" "$@" >>"$E2E_TMP/app.log" 2>&1) &
  E2E_APP_PID=$!
  e2e_wait_for "the window to appear" test -s "$E2E_MAP" || {
    sed 's/^/# app: /' "$E2E_TMP/app.log" >&2
    return 1
  }
}

e2e_stop () {
  if [ -n "$E2E_APP_PID" ]; then
    kill "$E2E_APP_PID" 2>/dev/null
    wait "$E2E_APP_PID" 2>/dev/null
    E2E_APP_PID=
  fi
}

# ---- The widget map ---------------------------------------------------------------

# e2e_line NAME [N] — the map's line of the Nth (1-based, top to bottom,
# then left to right) widget called NAME.
e2e_line () {
  grep "^$1 " "$E2E_MAP" 2>/dev/null | sort -s -k3,3n -k2,2n | sed -n "${2:-1}p"
}

# e2e_widget NAME [N] — prints "X Y W H" of that widget, on the screen.
e2e_widget () {
  local line
  line=$(e2e_line "$@")
  [ -n "$line" ] || { echo "# no widget named $1" >&2; return 1; }
  echo "$line" | cut -d' ' -f2-5
}

# e2e_text NAME [N] — the text the widget shows.
e2e_text () {
  e2e_line "$@" | cut -d' ' -f7-
}

# e2e_flags NAME [N] — its flags (f, c, i or -).
e2e_flags () {
  e2e_line "$@" | cut -d' ' -f6
}

e2e_count () {
  grep -c "^$1 " "$E2E_MAP" 2>/dev/null
}

e2e_has () {
  grep -q "^$1 " "$E2E_MAP" 2>/dev/null
}

e2e_lacks () {
  ! e2e_has "$1"
}

e2e_shows () {
  [ "$(e2e_text "$1")" = "$2" ]
}

# e2e_shows_words NAME WORD… — the widget's text holds every word.
e2e_shows_words () {
  local text w
  text=$(e2e_text "$1")
  shift
  [ -n "$text" ] || return 1
  for w in "$@"; do
    case "$text" in *"$w"*) ;; *) return 1 ;; esac
  done
}

e2e_checked () {
  case "$(e2e_flags "$@")" in *c*) return 0 ;; *) return 1 ;; esac
}

e2e_unchecked () {
  e2e_has "$1" && ! e2e_checked "$@"
}

e2e_focused () {
  grep -qx "@focus $1" "$E2E_MAP" 2>/dev/null
}

e2e_wait_shown () { e2e_wait_for "the widget $1" e2e_has "$1"; }
e2e_wait_gone () { e2e_wait_for "the widget $1 to go" e2e_lacks "$1"; }
e2e_wait_text () { e2e_wait_for "$1 to show '$2'" e2e_shows "$1" "$2"; }
e2e_wait_focus () { e2e_wait_for "the focus in $1" e2e_focused "$1"; }

# e2e_steady NAME [N] — the widget is shown, sensitive, not covered, and
# where it was a moment ago (not in the middle of a relayout or a scroll).
e2e_steady () {
  local a b
  a=$(e2e_line "$@")
  [ -n "$a" ] || return 1
  case "$(echo "$a" | cut -d' ' -f6)" in *i*|*o*) return 1 ;; esac
  sleep 0.1
  b=$(e2e_line "$@")
  [ "$(echo "$a" | cut -d' ' -f1-5)" = "$(echo "$b" | cut -d' ' -f1-5)" ]
}

# e2e_center NAME [N] — prints the screen point in the middle of the widget.
e2e_center () {
  local x y w h
  read -r x y w h < <(e2e_widget "$@") || return 1
  echo "$((x + w / 2)) $((y + h / 2))"
}

# ---- Input ---------------------------------------------------------------------------

# e2e_click NAME [N] — a real click in the middle of the widget, once it is
# shown and steady.
e2e_click () {
  local x y
  e2e_wait_for "the widget $1 to be steady" e2e_steady "$@" || return 1
  read -r x y < <(e2e_center "$@") || return 1
  xdotool mousemove --sync "$x" "$y" click 1
}

# e2e_type TEXT — real key presses into the focused widget.
e2e_type () {
  xdotool type --delay 30 "$1"
}

# e2e_type_into NAME TEXT — types TEXT into the focused entry NAME over
# what it holds, and checks it arrived: xdotool types a character missing
# from the keymap by remapping a key first, which a busy app may see late
# and lose, so a wrong text is typed again.
e2e_type_into () {
  local name=$1 text=$2
  for _ in 1 2 3; do
    xdotool key ctrl+a
    xdotool type --delay 30 "$text"
    if E2E_TIMEOUT=5 e2e_wait_for "$name to show '$text'" e2e_shows "$name" "$text"; then
      return 0
    fi
  done
  return 1
}

e2e_key () {
  xdotool key "$@"
}

# e2e_drag FROM_X FROM_Y TO_X TO_Y [HOOK] — a drag GTK 4 recognises: press,
# seven small moves 50 ms apart, release. HOOK runs before the release
# (a screenshot with the drop line showing, say).
e2e_drag () {
  local x0=$1 y0=$2 x1=$3 y1=$4 hook=${5:-} i
  xdotool mousemove --sync "$x0" "$y0"
  xdotool mousedown 1
  for i in 1 2 3 4 5 6 7; do
    sleep 0.05
    xdotool mousemove --sync "$((x0 + (x1 - x0) * i / 7))" "$((y0 + (y1 - y0) * i / 7))"
  done
  sleep 0.1
  if [ -n "$hook" ]; then
    $hook
  fi
  xdotool mouseup 1
}

# Wheel down over POINT_WIDGET until NAME is fully on the screen (above
# BOTTOM, 760 by default).
e2e_scroll_to () {
  local name=$1 over=$2 bottom=${3:-760} x y w h px py
  for _ in $(seq 1 30); do
    read -r x y w h < <(e2e_widget "$name") || return 1
    [ $((y + h)) -le "$bottom" ] && [ "$y" -ge 0 ] && return 0
    read -r px py < <(e2e_center "$over") || return 1
    xdotool mousemove --sync "$px" "$py" click 5
    e2e_wait_for "the scroll" e2e_moved "$name" "$y"
  done
  return 1
}

e2e_moved () {
  local y
  read -r _ y _ _ < <(e2e_widget "$1") || return 1
  [ "$y" != "$2" ]
}

# ---- The database and the results ------------------------------------------------------

e2e_sql () {
  sqlite3 -batch -noheader -cmd '.timeout 5000' "$E2E_DB" "$1"
}

e2e_screenshot () {
  if command -v import >/dev/null 2>&1; then
    import -window root "$E2E_TMP/$1.png" 2>/dev/null && echo "# screenshot $E2E_TMP/$1.png"
  fi
}

# e2e_check DESCRIPTION COMMAND… — one TAP line.
e2e_check () {
  local what=$1; shift
  E2E_TESTS=$((E2E_TESTS + 1))
  if "$@"; then
    echo "ok $E2E_TESTS - $what"
  else
    echo "not ok $E2E_TESTS - $what"
    E2E_FAILED=$((E2E_FAILED + 1))
    e2e_alive_or_bail
  fi
}

e2e_done () {
  if [ "$E2E_FAILED" -gt 0 ] && [ -s "$E2E_TMP/app.log" ]; then
    sed 's/^/# app: /' "$E2E_TMP/app.log"
  fi
  echo "1..$E2E_TESTS"
  [ "$E2E_FAILED" -eq 0 ]
}

# e2e_alive_or_bail — when the app has died (a crash), says so in a TAP
# line with its log, and ends the test instead of waiting on every check.
e2e_alive_or_bail () {
  e2e_alive && return 0
  E2E_TESTS=$((E2E_TESTS + 1))
  echo "not ok $E2E_TESTS - the app is still running"
  E2E_FAILED=$((E2E_FAILED + 1))
  e2e_done
  exit 1
}
