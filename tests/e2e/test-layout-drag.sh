#!/usr/bin/env bash
# Shapes a demo deal's card with the mouse, as a person would: drags a
# field into the other section and a section above the other by their
# handles, hides a field through its gear menu and brings it back through
# Select Field, renames a section with the pencil and deletes one; checks
# the database after each step, and that the layout survives a restart.

. "$(dirname "$0")/e2e-lib.sh"

placements () {
  e2e_sql "SELECT group_concat (code, ',') FROM (SELECT f.code FROM layout_placements p JOIN fields f ON f.id = p.field_id WHERE p.section_id = $1 ORDER BY p.sort)"
}

titles () {
  e2e_sql "SELECT group_concat (title, '|') FROM (SELECT title FROM layout_sections WHERE layout_id = $LAYOUT ORDER BY sort)"
}

placed_as () {
  [ "$(placements "$1")" = "$2" ]
}

titled_as () {
  [ "$(titles)" = "$1" ]
}

# The titles of the sections the pane shows, top to bottom.
shown_titles () {
  grep '^section-title-' "$E2E_MAP" | sort -s -k3,3n | cut -d' ' -f7- | paste -sd '|'
}

shows_titles () {
  [ "$(shown_titles)" = "$1" ]
}

# e2e_drag's hook: the drop line showing.
shot_before_drop () {
  e2e_screenshot "$DROP_SHOT"
}

# ---- The demo card ------------------------------------------------------------

e2e_start --demo || exit 1
e2e_stop
DEAL=$(e2e_sql "SELECT min(e.id) FROM elements e JOIN entity_types t ON t.id = e.entity_type_id WHERE t.code = 'deal'")
e2e_start --open "deal:$DEAL" || exit 1

# Opening the card created the standard layout of the deal's pipeline.
layout_id () {
  e2e_sql "SELECT l.id FROM layouts l JOIN elements e ON e.entity_type_id = l.entity_type_id AND e.pipeline_id = l.pipeline_id WHERE e.id = $DEAL AND l.scope = 'standard'"
}
layout_exists () {
  [ -n "$(layout_id)" ]
}
e2e_check "opening the card created its layout" e2e_wait_for "the layout" layout_exists
LAYOUT=$(layout_id)
ABOUT=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT AND code = 'about'")
MORE=$(e2e_sql "SELECT id FROM layout_sections WHERE layout_id = $LAYOUT AND code = 'more'")
# The demo's custom fields placed at the end of About on this pipeline's
# card (the corporate pipeline's contract number), which stay there.
ABOUT_EXTRA=$(e2e_sql "SELECT group_concat (',' || f.code, '') FROM (SELECT f.code FROM layout_placements p JOIN fields f ON f.id = p.field_id WHERE p.section_id = $ABOUT AND f.is_system = 0 ORDER BY p.sort) f")
e2e_check "the pane shows both sections" \
  e2e_wait_for "both sections" shows_titles "About deal|More"
e2e_screenshot view

# ---- Drag a field into the other section ----------------------------------------

e2e_wait_for "the amount's handle" e2e_steady field-handle-amount
e2e_wait_for "More's title" e2e_steady "section-title-$MORE"
read -r FX FY < <(e2e_center field-handle-amount)
read -r TX TY TW TH < <(e2e_widget "section-title-$MORE")
# Over More's header: Amount lands first there.
DROP_SHOT=drag-field
e2e_drag "$FX" "$FY" "$((TX + TW / 2))" "$((TY + TH / 2))" shot_before_drop
e2e_check "a dragged field lands where the line showed" \
  e2e_wait_for "amount in More" placed_as "$MORE" "amount,pipeline,deal_type,source,source_description,start_date,probability,responsible,comments"
e2e_check "and leaves its old section" \
  placed_as "$ABOUT" "title,stage,close_date,contact,company$ABOUT_EXTRA"
amount_below_more () {
  local ay my
  read -r _ ay _ _ < <(e2e_widget field-row-amount) || return 1
  read -r _ my _ _ < <(e2e_widget "section-title-$MORE") || return 1
  [ "$ay" -gt "$my" ]
}
e2e_check "the pane shows it under More" e2e_wait_for "amount under More" amount_below_more
e2e_screenshot dropped-field

# ---- Drag a section above the other ----------------------------------------------

e2e_wait_for "More's handle" e2e_steady "section-handle-$MORE"
read -r SX SY < <(e2e_center "section-handle-$MORE")
read -r AX AY AW AH < <(e2e_widget "section-title-$ABOUT")
DROP_SHOT=drag-section
e2e_drag "$SX" "$SY" "$((AX + AW / 2))" "$((AY + 4))" shot_before_drop
e2e_check "a dragged section lands above the other" \
  e2e_wait_for "More first" titled_as "More|About deal"
e2e_check "the pane shows More first" \
  e2e_wait_for "More shown first" shows_titles "More|About deal"
e2e_screenshot dropped-section

# ---- Hide a field through its gear menu ----------------------------------------------

e2e_click field-menu-source
e2e_check "the gear opens the field's menu" e2e_wait_shown field-hide-source
e2e_screenshot gear-menu
e2e_click field-hide-source
e2e_check "Hide takes the field off the card" \
  e2e_wait_for "source hidden" placed_as "$MORE" "amount,pipeline,deal_type,source_description,start_date,probability,responsible,comments"
e2e_check "and off the pane" e2e_wait_gone field-row-source
e2e_screenshot hidden

# ---- Bring it back through Select field ----------------------------------------------

e2e_scroll_to "select-field-$MORE" fields-pane
e2e_click "select-field-$MORE"
e2e_check "Select field opens with the focus in its search" e2e_wait_focus field-picker-search
e2e_check "the search shows what was typed" e2e_type_into field-picker-search "source"
e2e_check "and the hidden field, unchecked" e2e_wait_for "source unchecked" e2e_unchecked field-picker-source
e2e_screenshot picker
e2e_click field-picker-source
e2e_check "checking it in Select field shows it at the end of the section" \
  e2e_wait_for "source back" placed_as "$MORE" "amount,pipeline,deal_type,source_description,start_date,probability,responsible,comments,source"
e2e_check "the check follows" e2e_wait_for "source checked" e2e_checked field-picker-source
e2e_check "and the pane shows the row again" e2e_wait_shown field-row-source
e2e_key Escape
e2e_check "Escape closes Select field" e2e_wait_gone field-picker-search

# ---- Rename a section with the pencil ------------------------------------------------

e2e_scroll_to "section-rename-$ABOUT" fields-pane
e2e_click "section-rename-$ABOUT"
e2e_check "the pencil gives the title's entry the focus" e2e_wait_focus "section-title-entry-$ABOUT"
e2e_type_into "section-title-entry-$ABOUT" "Resumo"
e2e_key Return
e2e_check "the pencil renames the section" e2e_wait_for "the new name" titled_as "More|Resumo"
e2e_check "the pane shows the new name" e2e_wait_text "section-title-$ABOUT" "Resumo"
e2e_screenshot renamed

# ---- Delete a section ------------------------------------------------------------------

e2e_click "section-delete-$ABOUT"
e2e_check "Delete asks first" e2e_wait_shown response-delete
e2e_screenshot delete-dialog
e2e_click response-delete
e2e_check "Delete removes the section once confirmed" e2e_wait_for "the section gone" titled_as "More"
e2e_check "the dialog closes" e2e_wait_gone response-delete
e2e_check "its fields are not deleted" \
  test "$(e2e_sql "SELECT count(*) FROM fields f JOIN entity_types t ON t.id = f.entity_type_id WHERE t.code = 'deal' AND f.code IN ('title', 'stage', 'close_date')")" -eq 3
e2e_check "the pane shows only More" e2e_wait_for "More alone" shows_titles "More"
e2e_screenshot deleted

# ---- The layout survives a restart ----------------------------------------------------

e2e_stop
e2e_start --open "deal:$DEAL" || exit 1
e2e_check "after a restart the card shows the same layout" \
  e2e_wait_for "More alone" shows_titles "More"
e2e_check "with the fields in the order they were left" \
  placed_as "$MORE" "amount,pipeline,deal_type,source_description,start_date,probability,responsible,comments,source"
e2e_screenshot restarted

e2e_done
