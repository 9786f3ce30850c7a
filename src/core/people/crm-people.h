/* crm-people.h — administering who works in the CRM: users
 *
 * Every call needs CRM_PERMISSION_USERS_MANAGE, validates what it is
 * given, changes the database whole or not at all, and refuses a change
 * that would leave no active user able to manage users. Departments are
 * in crm-department.h, roles and permissions in crm-role.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crm-session.h"

G_BEGIN_DECLS

/* The longest login, as most systems allow. */
#define CRM_MAX_LOGIN_LENGTH 64

/* What a user is made of, for creating or changing one. */
typedef struct
{
  char    *login;          /* letters, digits, ".", "_", "-"; unique, case ignored */
  char    *name;           /* not empty */
  char    *email;          /* NULL or "" for none */
  char    *position;       /* NULL or "" for none */
  gint64   photo_file_id;  /* a file from crm_file_add (), 0 for none */
  gboolean is_admin;       /* may do everything, whatever their roles */
  GArray  *departments;    /* of gint64: the departments they belong to */
  GArray  *roles;          /* of gint64: the roles given to them (not through a
                            * department); NULL leaves them as they are, and
                            * gives a new user the employee role */
} CrmUserConfig;

CrmUserConfig *crm_user_config_new     (void);
/* What @user is now, to change some of it. */
CrmUserConfig *crm_user_config_new_for (CrmUser       *user);
void           crm_user_config_free    (CrmUserConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmUserConfig, crm_user_config_free)

/* The new user's id (active, with the employee role), or 0 with an error. */
gint64    crm_user_create     (CrmSession           *session,
                               const CrmUserConfig  *config,
                               GError              **error);
gboolean  crm_user_update     (CrmSession           *session,
                               gint64                user_id,
                               const CrmUserConfig  *config,
                               GError              **error);
/* A deactivated user keeps their elements and history but cannot act;
 * refused for the last one who can manage users. */
gboolean  crm_user_set_active (CrmSession           *session,
                               gint64                user_id,
                               gboolean              active,
                               GError              **error);
/* Is @login well formed? (Uniqueness is checked on writing.) */
gboolean  crm_user_check_login (const char          *login,
                                GError             **error);

G_END_DECLS
