/* crm-field-row-menu.c — the gear menu of a field row
 *
 * Configure… for those who manage fields; Move Up, Move Down, Move to
 * Section ▸ and Hide for those who shape the layout. The row builds it
 * each time it opens (a card has many rows, few menus open), so it always
 * lists the sections of the layout shown now. Its items get widget names
 * the end-to-end tests click ("field-hide-amount" …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-field-row-private.h"

/* Configure… / Move up, Move down, Move to section ▸ / Hide */
GMenuModel *
_crm_field_row_build_menu (CrmFieldRowFlags  flags,
                           GListModel       *sections,
                           gint64            section_id)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  if (flags & CRM_FIELD_ROW_MANAGE_FIELD)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append (section, _("_Configure…"), "row.configure");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  if (flags & CRM_FIELD_ROW_EDIT_LAYOUT)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenu) targets = g_menu_new ();
      g_autoptr(GMenu) hide = g_menu_new ();
      guint n_sections = g_list_model_get_n_items (sections);

      g_menu_append (section, _("Move _Up"), "row.move-up");
      g_menu_append (section, _("Move _Down"), "row.move-down");

      for (guint i = 0; i < n_sections; i++)
        {
          g_autoptr(CrmLayoutSection) other = g_list_model_get_item (sections, i);
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *label = NULL;
          g_auto(GStrv) parts = NULL;
          gint64 other_id = crm_layout_section_get_id (other);

          if (other_id == section_id)
            continue;

          /* Section titles are typed by people: an underscore in one is
           * not a mnemonic. */
          parts = g_strsplit (crm_layout_section_get_title (other), "_", -1);
          label = g_strjoinv ("__", parts);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "row.move-to-section", "x", other_id);
          g_menu_append_item (targets, item);
        }

      if (g_menu_model_get_n_items (G_MENU_MODEL (targets)) > 0)
        g_menu_append_submenu (section, _("Move to _Section"), G_MENU_MODEL (targets));

      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

      g_menu_append (hide, _("_Hide"), "row.hide");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (hide));
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* "Move _Up" shows as "Move Up"; "A__B" as "A_B". */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* Item label → "field-hide-amount", "field-move-to-section-2-amount" …,
 * from the menu model, sections and submenus included. */
static void
collect_item_names (GMenuModel *model,
                    const char *code,
                    GHashTable *names)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (section != NULL)
        collect_item_names (section, code, names);
      if (submenu != NULL)
        collect_item_names (submenu, code, names);

      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          !g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
          !g_str_has_prefix (action, "row."))
        continue;

      target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT64);
      if (target != NULL)
        g_hash_table_insert (names, strip_mnemonic (label),
                             g_strdup_printf ("field-%s-%" G_GINT64_FORMAT "-%s", action + 4,
                                              g_variant_get_int64 (target), code));
      else
        g_hash_table_insert (names, strip_mnemonic (label),
                             g_strdup_printf ("field-%s-%s", action + 4, code));
    }
}

/* Names the menu's items, for the end-to-end tests: GtkModelButton keeps
 * its action to itself, but shows the item's label. */
static void
name_menu_items (GtkWidget  *widget,
                 GHashTable *names)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text");

  if (pspec != NULL && pspec->value_type == G_TYPE_STRING)
    {
      g_autofree char *text = NULL;
      const char *name;

      g_object_get (widget, "text", &text, NULL);
      if (text != NULL && (name = g_hash_table_lookup (names, text)) != NULL)
        gtk_widget_set_name (widget, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_menu_items (child, names);
}

void
_crm_field_row_set_menu (GtkMenuButton *button,
                         GMenuModel    *menu,
                         const char    *field_code)
{
  g_autofree char *code = g_strdup (field_code);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkPopover *popover;

  gtk_menu_button_set_menu_model (button, menu);

  g_strdelimit (code, "_", '-');
  collect_item_names (menu, code, names);
  popover = gtk_menu_button_get_popover (button);
  if (popover != NULL)
    name_menu_items (GTK_WIDGET (popover), names);
}
