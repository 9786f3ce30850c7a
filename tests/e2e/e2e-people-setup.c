/* e2e-people-setup.c — prepares a demo database for test-people.sh
 * through the core, as an administrator would in Preferences: employees
 * see only their own elements, and a custom field of deals, placed on
 * the card, is visible to one colleague only and filled on a deal of
 * another.
 *
 * Usage: e2e-people-setup DB VISIBLE_TO_LOGIN DEAL_OWNER_LOGIN VALUE
 * Prints the field's code and the deal's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdio.h>

#include "clientele-core.h"

static gint64
user_id (CrmStore   *store,
         const char *login)
{
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (store));

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);

      if (g_str_equal (crm_user_get_login (user), login))
        return crm_user_get_id (user);
    }
  g_error ("No user %s", login);
}

static gint64
employee_role (CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = crm_role_list (session, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (crm_role_get_code (g_ptr_array_index (roles, i)), "employee"))
      return crm_role_get_id (g_ptr_array_index (roles, i));
  g_error ("No employee role");
}

/* The first deal @owner_id is responsible for. */
static CrmElement *
owned_deal (CrmSession *session,
            gint64      type_id,
            gint64      owner_id)
{
  g_autoptr(CrmElementListModel) deals = crm_element_list_model_new (session, type_id);
  g_autoptr(GError) error = NULL;

  while (crm_element_list_model_load_more (deals) > 0)
    ;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deals)); i++)
    {
      g_autoptr(CrmElement) deal = g_list_model_get_item (G_LIST_MODEL (deals), i);

      if (crm_element_get_responsible_id (deal) == owner_id)
        {
          CrmElement *loaded = crm_element_load (session, crm_element_get_id (deal), &error);

          g_assert_no_error (error);
          return loaded;
        }
    }
  g_error ("No deal of user %" G_GINT64_FORMAT, owner_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmSession) admin = NULL;
  g_autoptr(CrmElement) deal = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmLayoutSection) section = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Comissão negociada");
  g_autoptr(CrmElementDraft) draft = NULL;
  gint64 type_id, visible_to, field_id;
  CrmField *field;

  if (argc != 5)
    {
      g_printerr ("Usage: %s DB VISIBLE_TO_LOGIN DEAL_OWNER_LOGIN VALUE\n", argv[0]);
      return 2;
    }

  store = crm_store_open (argv[1], &error);
  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (store), "deal"));

  crm_role_set_permission (admin, employee_role (admin), CRM_PERMISSION_ELEMENT_READ_ALL, 0, FALSE, &error);
  g_assert_no_error (error);

  deal = owned_deal (admin, type_id, user_id (store, argv[3]));
  layout = crm_layout_resolve (admin, type_id, crm_element_get_pipeline_id (deal), 0, &error);
  g_assert_no_error (error);
  section = g_list_model_get_item (crm_layout_get_sections (layout), 0);
  visible_to = user_id (store, argv[2]);
  g_array_append_val (config->visible_users, visible_to);
  field_id = crm_field_create_full (admin, type_id, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                                    crm_layout_section_get_id (section), G_MAXUINT, &error);
  g_assert_no_error (error);
  field = crm_catalog_get_field (crm_store_get_catalog (store), field_id);

  draft = crm_element_draft_new_for (admin, deal);
  crm_element_draft_set_input_by_code (draft, crm_field_get_code (field), argv[4], &error);
  g_assert_no_error (error);
  crm_element_draft_save (draft, &error);
  g_assert_no_error (error);

  printf ("%s %" G_GINT64_FORMAT "\n", crm_field_get_code (field), crm_element_get_id (deal));
  return 0;
}
