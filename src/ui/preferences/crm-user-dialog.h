/* crm-user-dialog.h — add a user, or change one: name, login, e-mail,
 * position, photo, roles and departments; deactivate or activate them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_USER_DIALOG (crm_user_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrmUserDialog, crm_user_dialog, CRM, USER_DIALOG, AdwWindow)

/* @user_id 0 adds a user. Emits "saved" (gint64 user id) and closes when
 * the core took the change; a refusal shows in the dialog, which stays. */
CrmUserDialog *crm_user_dialog_new         (GtkWindow     *parent,
                                            CrmSession    *session,
                                            gint64         user_id);
gint64         crm_user_dialog_get_user_id (CrmUserDialog *self);
/* What Save would do, as the Save button does it (for tests and the
 * keyboard: Ctrl+Return). */
gboolean       crm_user_dialog_save        (CrmUserDialog *self);

G_END_DECLS
