/* crm-card-create.c — the card's Create button: a deal from a lead, an
 * invoice from a deal …, and a lead's conversion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-card-create-private.h"
#include "crm-convert-dialog.h"

static void
open_created (GtkWidget *card,
              gint64     id)
{
  gtk_widget_activate_action (card, "win.open-element", "x", id);
}

static void
dialog_created_cb (CrmConvertDialog *dialog,
                   gint64            id,
                   GtkWidget        *card)
{
  open_created (card, id);
}

static void
show_error (GtkWidget  *card,
            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (card);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could not create"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Names the menu's items (create-deal, convert-lead …) for the
 * end-to-end tests: GtkModelButton shows the item's label in "text". */
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
_crm_card_create_update (GtkMenuButton *button,
                         CrmSession    *session,
                         CrmElement    *element)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) items = g_menu_new ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CrmCatalog *catalog;
  CrmEntityType *type;
  const char * const *targets;
  guint n = 0;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  if (session == NULL || element == NULL || crm_element_get_as_of (element) != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
      return;
    }

  catalog = crm_store_get_catalog (crm_session_get_store (session));
  type = crm_catalog_get_entity_type (catalog, crm_element_get_entity_type_id (element));
  targets = crm_convert_get_targets (type != NULL ? crm_entity_type_get_code (type) : NULL);

  for (guint i = 0; targets[i] != NULL; i++)
    {
      CrmEntityType *target = crm_catalog_find_entity_type (catalog, targets[i]);
      g_autoptr(GMenuItem) item = NULL;

      if (target == NULL ||
          !crm_session_has_permission (session, CRM_PERMISSION_ELEMENT_WRITE, crm_entity_type_get_id (target)))
        continue;
      item = g_menu_item_new (crm_entity_type_get_name (target), NULL);
      g_menu_item_set_action_and_target (item, "card.create", "s", targets[i]);
      g_menu_append_item (items, item);
      g_hash_table_insert (names, g_strdup (crm_entity_type_get_name (target)),
                           g_strdup_printf ("create-%s", targets[i]));
      n++;
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (items));

  if (n > 1 && g_str_equal (crm_entity_type_get_code (type), "lead"))
    {
      g_autoptr(GMenu) convert = g_menu_new ();

      /* Translators: the Create menu of a lead: contact, company and deal at once */
      g_menu_append (convert, _("Convert…"), "card.convert");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (convert));
      g_hash_table_insert (names, g_strdup (_("Convert…")), g_strdup ("convert-lead"));
    }

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  if (gtk_menu_button_get_popover (button) != NULL)
    name_menu_items (GTK_WIDGET (gtk_menu_button_get_popover (button)), names);
  gtk_widget_set_visible (GTK_WIDGET (button), n > 0);
}

void
_crm_card_create_start (GtkWidget  *card,
                        CrmSession *session,
                        gint64      source_id,
                        const char *targets,
                        gboolean    choose)
{
  g_auto(GStrv) codes = g_strsplit (targets, ",", -1);
  g_autoptr(CrmConversion) conversion = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  CrmConvertDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (card));
  g_return_if_fail (CRM_IS_SESSION (session));

  if (!choose)
    {
      conversion = crm_conversion_new (session, source_id, (const char * const *)codes, &error);
      if (conversion == NULL)
        {
          show_error (card, error->message);
          return;
        }
      /* Nothing to ask: made at once. */
      if (crm_conversion_validate (conversion, NULL))
        {
          ids = crm_conversion_run (conversion, &error);
          if (ids == NULL)
            show_error (card, error->message);
          else
            open_created (card, g_array_index (ids, gint64, ids->len - 1));
          return;
        }
    }

  root = gtk_widget_get_root (card);
  dialog = crm_convert_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, session, source_id,
                                   (const char * const *)codes, choose);
  g_signal_connect_object (dialog, "created", G_CALLBACK (dialog_created_cb), card, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
