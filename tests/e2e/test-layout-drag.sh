#!/usr/bin/env bash
# Shapes a demo deal's card with the mouse, as a person would: drags a
# field into the other section and a section above the other by their
# handles, hides a field through its gear menu and brings it back through
# Select Field, renames a section with the pencil and deletes one; checks
# the database after each step, and that the layout survives a restart.

. "$(dirname "$0")/e2e-lib.sh"

# ---- Helpers of this test ---------------------------------------------------

# e2e_drag_shot FROM_X FROM_Y TO_X TO_Y SHOT — like e2e_drag, with a
# screenshot taken before the button is let go (the drop line showing).
e2e_drag_shot () {
  local x0=$1 y0=$2 x1=$3 y1=$4 shot=$5 i
  xdotool mousemove --sync "$x0" "$y0"
  sleep 0.1
  xdotool mousedown 1
  for i in 1 2 3 4 5 6 7; do
    xdotool mousemove "$((x0 + (x1 - x0) * i / 7))" "$((y0 + (y1 - y0) * i / 7))"
    sleep 0.05
  done
  sleep 0.3
  e2e_screenshot "$shot"
  xdotool mouseup 1
  sleep 0.5
}

# The app's popover on show: its X window, the largest of the app's
# visible windows after the main one (tooltips are smaller).
e2e_popup_origin () {
  local w
  e2e_windows | sed -n 2p | cut -d' ' -f2,3
}

# The app's visible windows, largest first: "AREA X Y WIDTH HEIGHT".
e2e_windows () {
  local w
  for w in $(xdotool search --onlyvisible --pid "$E2E_APP_PID" 2>/dev/null); do
    (eval "$(xdotool getwindowgeometry --shell "$w")"
     [ "$WIDTH" -gt 1 ] && echo "$((WIDTH * HEIGHT)) $X $Y $WIDTH $HEIGHT")
  done | sort -rn
}

# e2e_popup_click NAME ANCHOR — clicks widget NAME inside the popover of
# the named widget ANCHOR. The map places a popover's contents at its
# anchor's origin plus their place in the popover; where the popover
# really is, its own window says.
e2e_popup_click () {
  local x y w h ax ay px py
  # A loaded machine may take a while to show the popover.
  e2e_wait_for "the widget $1" grep -q "^$1 " "$E2E_MAP" || return 1
  read -r x y w h < <(e2e_widget "$1") || return 1
  read -r ax ay _ _ < <(e2e_widget "$2") || return 1
  read -r px py < <(e2e_popup_origin) || return 1
  xdotool mousemove --sync "$((px + x - ax + w / 2))" "$((py + y - ay + h / 2))"
  sleep 0.1
  xdotool click 1
  sleep 0.3
}

# The map is written after each frame; let a change reach it.
e2e_settle () {
  sleep 0.6
}

# Wheel down over the fields pane until NAME is fully on the screen.
e2e_scroll_to () {
  local x y w h px py i
  for i in $(seq 1 20); do
    read -r x y w h < <(e2e_widget "$1") || return 1
    [ $((y + h)) -le 760 ] && return 0
    read -r px py < <(e2e_center fields-pane) || return 1
    xdotool mousemove --sync "$px" "$py"
    xdotool click 5
    sleep 0.3
  done
  return 1
}

placements () {
  e2e_sql "SELECT group_concat (code, ',') FROM (SELECT f.code FROM layout_placements p JOIN fields f ON f.id = p.field_id WHERE p.section_id = $1 ORDER BY p.sort)"
}

titles () {
  e2e_sql "SELECT group_concat (title, '|') FROM (SELECT title FROM layout_sections WHERE layout_id = $LAYOUT ORDER BY sort)"
}

# ---- The demo card ------------------------------------------------------------

e2e_start --demo || exit 1
e2e_stop
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_start --open "deal:$DEAL" || exit 1

# Opening the card created the standard layout of the deal's pipeline.
layout_exists () {
  [ -n "$(e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'")" ]
}
e2e_check "opening the card created its layout" e2e_wait_for "the layout" layout_exists
LAYOUT=$(e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'")
ABOUT=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT AND code = 'about'")
MORE=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT AND code = 'more'")
e2e_settle
e2e_check "the pane shows both sections" \
  test "$(e2e_text "section-title-$ABOUT")|$(e2e_text "section-title-$MORE")" = "About deal|More"
e2e_screenshot view

# ---- Drag a field into the other section ----------------------------------------

read -r FX FY < <(e2e_center field-handle-amount)
read -r TX TY TW TH < <(e2e_widget "section-title-$MORE")
# Over More's header: Amount lands first there.
e2e_drag_shot "$FX" "$FY" "$((TX + TW / 2))" "$((TY + TH / 2))" drag-field
amount_moved () {
  [ "$(placements "$MORE")" = "amount,pipeline,deal_type,source,source_description,start_date,probability,responsible,comments" ]
}
e2e_check "a dragged field lands where the line showed" e2e_wait_for "amount in More" amount_moved
e2e_check "and leaves its old section" \
  test "$(placements "$ABOUT")" = "title,stage,close_date,contact,company"
e2e_settle
e2e_screenshot dropped-field

# ---- Drag a section above the other ----------------------------------------------

read -r SX SY < <(e2e_center "section-handle-$MORE")
read -r AX AY AW AH < <(e2e_widget "section-title-$ABOUT")
e2e_drag_shot "$SX" "$SY" "$((AX + AW / 2))" "$((AY + 4))" drag-section
more_first () {
  [ "$(titles)" = "More|About deal" ]
}
e2e_check "a dragged section lands above the other" e2e_wait_for "More first" more_first
e2e_settle
e2e_screenshot dropped-section
e2e_check "the pane shows More first" \
  test "$(grep '^section-title-' "$E2E_MAP" | sort -k3,3n | head -n 1 | cut -d' ' -f6-)" = "More"

# ---- Hide a field through its gear menu ----------------------------------------------

e2e_click field-menu-source
e2e_settle
e2e_screenshot gear-menu
e2e_popup_click field-hide-source field-menu-source
source_hidden () {
  [ "$(placements "$MORE")" = "amount,pipeline,deal_type,source_description,start_date,probability,responsible,comments" ]
}
e2e_check "Hide takes the field off the card" e2e_wait_for "source hidden" source_hidden
e2e_settle
e2e_screenshot hidden

# ---- Bring it back through Select field ----------------------------------------------

e2e_scroll_to "select-field-$MORE"
e2e_click "select-field-$MORE"
e2e_wait_for "the picker" grep -q "^field-picker-search " "$E2E_MAP"
e2e_settle
# Keys typed before the popover takes the focus would go elsewhere: check
# what the search shows, and click into it and type again if need be.
picker_search_done () {
  [ "$(e2e_text field-picker-search)" = "source" ]
}
for attempt in 1 2 3; do
  xdotool type --delay 40 "source"
  e2e_wait_for "the search text" picker_search_done && break
  e2e_popup_click field-picker-search fields-pane
  xdotool key ctrl+a BackSpace
done
e2e_settle
e2e_screenshot picker
e2e_popup_click field-picker-source fields-pane
source_back () {
  [ "$(placements "$MORE")" = "amount,pipeline,deal_type,source_description,start_date,probability,responsible,comments,source" ]
}
e2e_check "checking it in Select field shows it at the end of the section" \
  e2e_wait_for "source back" source_back
xdotool key Escape
e2e_settle

# ---- Rename a section with the pencil ------------------------------------------------

e2e_scroll_to "section-rename-$ABOUT"
e2e_click "section-rename-$ABOUT"
e2e_settle
xdotool type --delay 40 "Resumo"
xdotool key Return
renamed () {
  [ "$(titles)" = "More|Resumo" ]
}
e2e_check "the pencil renames the section" e2e_wait_for "the new name" renamed
e2e_settle
e2e_check "the pane shows the new name" test "$(e2e_text "section-title-$ABOUT")" = "Resumo"
e2e_screenshot renamed

# ---- Delete a section ------------------------------------------------------------------

e2e_click "section-delete-$ABOUT"
e2e_settle
e2e_screenshot delete-dialog
# The dialog's responses fill its bottom row: Cancel, then Delete.
read -r _ DX DY DW DH < <(e2e_windows | sed -n 2p)
xdotool mousemove --sync "$((DX + DW * 3 / 4))" "$((DY + DH - 22))"
sleep 0.1
xdotool click 1
deleted () {
  [ "$(titles)" = "More" ]
}
e2e_check "Delete removes the section once confirmed" e2e_wait_for "the section gone" deleted
e2e_check "its fields are not deleted" \
  test "$(e2e_sql "SELECT count(*) FROM fields f JOIN entity_types t ON t.id = f.entity_type_id WHERE t.code = 'deal' AND f.code IN ('title', 'stage', 'close_date')")" -eq 3
e2e_settle
e2e_screenshot deleted

# ---- The layout survives a restart ----------------------------------------------------

e2e_stop
e2e_start --open "deal:$DEAL" || exit 1
e2e_settle
e2e_check "after a restart the card shows the same layout" \
  test "$(grep '^section-title-' "$E2E_MAP" | cut -d' ' -f6-)" = "More"
e2e_check "with the fields in the order they were left" \
  test "$(placements "$MORE")" = "amount,pipeline,deal_type,source_description,start_date,probability,responsible,comments,source"
e2e_screenshot restarted

e2e_done
