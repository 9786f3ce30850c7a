# e2e-lib.sh — shared by the end-to-end tests: start the real binary on a
# temporary database under Xvfb, find its widgets, drive it with real
# pointer and keyboard events (xdotool), read the database (sqlite3).
#
# The app writes the window coordinates of its named widgets to
# $CLIENTELE_WIDGET_MAP whenever the window's layout settles; see
# src/ui/window/crm-widget-map.c.

set -u

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/clientele-e2e-XXXXXX")
E2E_DB="$E2E_TMP/e2e.db"
E2E_MAP="$E2E_TMP/widgets"
E2E_APP_PID=
E2E_WIN_X=0
E2E_WIN_Y=0
E2E_TESTS=0
E2E_FAILED=0

e2e_cleanup () {
  if [ -n "$E2E_APP_PID" ] && kill -0 "$E2E_APP_PID" 2>/dev/null; then
    kill "$E2E_APP_PID" 2>/dev/null
    wait "$E2E_APP_PID" 2>/dev/null
  fi
  if [ -n "${E2E_KEEP:-}" ]; then
    echo "# kept $E2E_TMP"
  else
    rm -rf "$E2E_TMP"
  fi
}
trap e2e_cleanup EXIT

# e2e_start ARGS… — runs the app and waits until its first widget map.
e2e_start () {
  rm -f "$E2E_MAP"
  env GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
      GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 \
      CLIENTELE_WIDGET_MAP="$E2E_MAP" \
      "$CLIENTELE_BIN" --db "$E2E_DB" "$@" >"$E2E_TMP/app.log" 2>&1 &
  E2E_APP_PID=$!
  e2e_wait_for "the window to appear" test -s "$E2E_MAP" || {
    cat "$E2E_TMP/app.log" >&2
    return 1
  }
  # The map is in window coordinates; xdotool wants the screen's.
  local wid
  wid=$(xdotool search --onlyvisible --pid "$E2E_APP_PID" 2>/dev/null | head -n 1)
  E2E_WIN_X=0 E2E_WIN_Y=0
  if [ -n "$wid" ]; then
    eval "$(xdotool getwindowgeometry --shell "$wid" | sed -n 's/^\([XY]\)=/E2E_WIN_\1=/p')"
  fi
  sleep 0.5
}

e2e_stop () {
  if [ -n "$E2E_APP_PID" ]; then
    kill "$E2E_APP_PID" 2>/dev/null
    wait "$E2E_APP_PID" 2>/dev/null
    E2E_APP_PID=
  fi
}

# e2e_wait_for WHAT COMMAND… — polls COMMAND for up to 30 s.
e2e_wait_for () {
  local what=$1; shift
  for _ in $(seq 1 150); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "# timed out waiting for $what" >&2
  return 1
}

# The map has one line per named, visible widget:
#   NAME X Y WIDTH HEIGHT [TEXT]
# in screen coordinates; TEXT is a label's text, or "empty"/"filled" for a
# text view. Several widgets may share a name (rows of a list).

# e2e_widget NAME [N] — prints "X Y W H" of the Nth (1-based, top to bottom)
# widget called NAME.
e2e_widget () {
  local line
  line=$(grep "^$1 " "$E2E_MAP" | sort -k3,3n -k2,2n | sed -n "${2:-1}p")
  [ -n "$line" ] || { echo "# no widget named $1" >&2; return 1; }
  echo "$line" | awk -v ox="$E2E_WIN_X" -v oy="$E2E_WIN_Y" '{ print $2 + ox, $3 + oy, $4, $5 }'
}

# e2e_text NAME [N] — the text the Nth widget called NAME shows.
e2e_text () {
  grep "^$1 " "$E2E_MAP" | sort -k3,3n -k2,2n | sed -n "${2:-1}p" | cut -d' ' -f6-
}

# e2e_center NAME [N] — prints the screen point in the middle of the widget.
e2e_center () {
  local x y w h
  read -r x y w h < <(e2e_widget "$@") || return 1
  echo "$((x + w / 2)) $((y + h / 2))"
}

e2e_click () {
  local x y
  # Wait for it: a loaded machine may take a while to show it.
  e2e_wait_for "the widget $1" grep -q "^$1 " "$E2E_MAP" || return 1
  read -r x y < <(e2e_center "$@") || return 1
  xdotool mousemove --sync "$x" "$y"
  sleep 0.1
  xdotool click 1
  sleep 0.2
}

# e2e_drag FROM_X FROM_Y TO_X TO_Y — a drag GTK 4 recognises: press, a
# few small moves 50 ms apart, release.
e2e_drag () {
  local x0=$1 y0=$2 x1=$3 y1=$4 i
  xdotool mousemove --sync "$x0" "$y0"
  sleep 0.1
  xdotool mousedown 1
  for i in 1 2 3 4 5 6 7; do
    xdotool mousemove "$((x0 + (x1 - x0) * i / 7))" "$((y0 + (y1 - y0) * i / 7))"
    sleep 0.05
  done
  sleep 0.1
  xdotool mouseup 1
  sleep 0.3
}

e2e_sql () {
  sqlite3 -batch -noheader "$E2E_DB" "$1"
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
  fi
}

e2e_done () {
  echo "1..$E2E_TESTS"
  [ "$E2E_FAILED" -eq 0 ]
}

# e2e_screenshot_window WINDOW NAME — one X window of the app (a dialog),
# cropped to it.
e2e_screenshot_window () {
  if command -v import >/dev/null 2>&1; then
    import -window "$1" "$E2E_TMP/$2.png" 2>/dev/null && echo "# screenshot $E2E_TMP/$2.png"
  fi
}

# e2e_alive_or_bail — when the app has died (a crash), says so in a TAP
# line with its log, and ends the test instead of waiting on every check.
e2e_alive_or_bail () {
  local state

  # A dead child stays a zombie until waited for: kill -0 would pass.
  state=$(ps -o stat= -p "${E2E_APP_PID:-0}" 2>/dev/null)
  case "$state" in
    ''|Z*) ;;
    *) return 0 ;;
  esac
  e2e_check "the app is still running" false
  sed 's/^/# app: /' "$E2E_TMP/app.log"
  e2e_done
  exit 1
}
