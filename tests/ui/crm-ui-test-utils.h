/* crm-ui-test-utils.h — what every widget test sets up and looks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

/* A demo database in a temporary directory of its own. */
typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
} CrmUiTestDb;

/* A small demo: ten of each kind, a few quotes and invoices. */
#define CRM_UI_TEST_DEMO_SIZE(n_timeline_entries) \
  {                                               \
    .contacts = 10,                               \
    .companies = 10,                              \
    .deals = 10,                                  \
    .leads = 5,                                   \
    .quotes = 3,                                  \
    .invoices = 3,                                \
    .timeline_entries = (n_timeline_entries),     \
  }

void              crm_ui_test_open_demo           (CrmUiTestDb       *db,
                                                   const char        *dir_template,
                                                   const CrmDemoSize *size);
void              crm_ui_test_open_store          (CrmUiTestDb       *db);
void              crm_ui_test_close_store         (CrmUiTestDb       *db);
void              crm_ui_test_close               (CrmUiTestDb       *db);

CrmEntityType    *crm_ui_test_get_entity_type     (CrmUiTestDb       *db,
                                                   const char        *code);
gint64            crm_ui_test_first_element_id    (CrmUiTestDb       *db,
                                                   const char        *code);
CrmElement       *crm_ui_test_load_first_element  (CrmUiTestDb       *db,
                                                   const char        *code);

void              crm_ui_test_iterate_for         (guint              ms);
gboolean          crm_ui_test_iterate_until       (gboolean          (*done) (gpointer data),
                                                   gpointer           data,
                                                   guint              timeout_ms);
void              crm_ui_test_destroy_window      (GtkWindow        **window,
                                                   guint              settle_ms);
AdwMessageDialog *crm_ui_test_find_message_dialog (void);

GtkWidget        *crm_ui_test_find_by_name        (GtkWidget         *root,
                                                   const char        *name);
void              crm_ui_test_collect_by_name     (GtkWidget         *root,
                                                   const char        *name,
                                                   GPtrArray         *found);
GtkWidget        *crm_ui_test_find_by_type        (GtkWidget         *root,
                                                   GType              type);
void              crm_ui_test_collect_by_type     (GtkWidget         *root,
                                                   GType              type,
                                                   GPtrArray         *found);
void              crm_ui_test_collect_entries     (GtkWidget         *root,
                                                   GPtrArray         *found);
gboolean          crm_ui_test_has_label_with_text (GtkWidget         *root,
                                                   const char        *text);

G_END_DECLS
