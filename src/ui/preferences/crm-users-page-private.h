/* crm-users-page-private.h — what the Users page's files share
 *
 * crm-users-page.c holds the page, its users and what the groups have in
 * common (refreshing, toasts, asking for a name); crm-users-page-tree.c
 * the department tree, its drag and drop and its menus;
 * crm-users-page-roles.c the roles and their permission switches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-users-page.h"

G_BEGIN_DECLS

struct _CrmUsersPage
{
  AdwPreferencesPage   parent_instance;

  CrmSession          *session;
  GPtrArray           *departments;      /* CrmDepartment, as the tree shows them */
  GPtrArray           *roles;            /* CrmRole */
  GPtrArray           *user_rows;        /* what each group holds, to take out on refresh */
  GPtrArray           *department_rows;
  GPtrArray           *role_rows;
  GHashTable          *expanded_roles;   /* role id → TRUE, kept across refreshes */
  guint                refresh_id;

  /* Template widgets */
  AdwPreferencesGroup *departments_group;
  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *users_group;
};

/* A refusal or a failure, as a toast of the Preferences window. */
void  _crm_users_page_toast             (CrmUsersPage  *self,
                                         const char    *message);
/* Reads users, departments and roles again after the current event. */
void  _crm_users_page_queue_refresh     (CrmUsersPage  *self);

typedef void (*CrmNameCallback) (CrmUsersPage *self,
                                 const char   *name,
                                 gint64        id);
/* A dialog asking for a name; @callback runs with it on @accept_label. */
void  _crm_users_page_ask_name          (CrmUsersPage    *self,
                                         const char      *heading,
                                         const char      *initial,
                                         const char      *accept_label,
                                         CrmNameCallback  callback,
                                         gint64           id);
/* Asks before something is deleted; @callback runs when confirmed. */
void  _crm_users_page_confirm           (CrmUsersPage    *self,
                                         const char      *heading,
                                         const char      *body,
                                         const char      *accept_label,
                                         CrmNameCallback  callback,
                                         gint64           id);
/* Lowercase, digits and dashes: the widget map's names. */
char *_crm_users_page_widget_name       (const char      *prefix,
                                         const char      *key);

void  _crm_users_page_fill_departments  (CrmUsersPage    *self);
void  _crm_users_page_fill_roles        (CrmUsersPage    *self);
void  _crm_users_page_tree_class_init   (GtkWidgetClass  *widget_class);
void  _crm_users_page_roles_class_init  (GtkWidgetClass  *widget_class);

G_END_DECLS
