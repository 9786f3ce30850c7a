/* crm-layout-tabs.c — the card's tabs: stable codes and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-layout.h"

static const struct {
  const char *code;
  const char *label;
} tabs[] = {
  [CRM_TAB_GENERAL] = { "general", N_("General") },
  [CRM_TAB_PRODUCTS] = { "products", N_("Products") },
  [CRM_TAB_DEPENDENCIES] = { "dependencies", N_("Dependencies") },
  [CRM_TAB_HISTORY] = { "history", N_("History") },
  [CRM_TAB_DOCUMENTS] = { "documents", N_("Documents") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (tabs) == CRM_TAB_LAST);

const char *
crm_tab_to_code (CrmTab tab)
{
  g_return_val_if_fail (tab < CRM_TAB_LAST, NULL);
  return tabs[tab].code;
}

gboolean
crm_tab_from_code (const char *code,
                   CrmTab     *tab)
{
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    if (g_strcmp0 (tabs[i].code, code) == 0)
      {
        *tab = i;
        return TRUE;
      }
  return FALSE;
}

const char *
crm_tab_get_label (CrmTab tab)
{
  g_return_val_if_fail (tab < CRM_TAB_LAST, NULL);
  return _(tabs[tab].label);
}
