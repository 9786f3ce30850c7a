/* crm-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-catalog-private.h"
#include "crm-user.h"

struct _CrmUser
{
  GObject  parent_instance;

  gint64   id;
  char    *login;
  char    *name;
  char    *email;
  char    *position;
  GArray  *departments;
  gint64   photo_file_id;
  guint    is_admin : 1;
  guint    is_active : 1;
};

G_DEFINE_FINAL_TYPE (CrmUser, crm_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_user_finalize (GObject *object)
{
  CrmUser *self = (CrmUser *)object;

  g_free (self->login);
  g_free (self->name);
  g_free (self->email);
  g_free (self->position);
  g_clear_pointer (&self->departments, g_array_unref);

  G_OBJECT_CLASS (crm_user_parent_class)->finalize (object);
}

static void
crm_user_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrmUser *self = CRM_USER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_user_class_init (CrmUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_user_finalize;
  object_class->get_property = crm_user_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_user_init (CrmUser *self)
{
  self->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CrmUser *
_crm_user_new (gint64      id,
               const char *login,
               const char *name,
               const char *email,
               const char *position,
               gboolean    is_admin,
               gboolean    is_active)
{
  CrmUser *self = g_object_new (CRM_TYPE_USER, NULL);

  self->id = id;
  self->login = g_strdup (login);
  self->name = g_strdup (name);
  self->email = g_strdup (email);
  self->position = g_strdup (position);
  self->is_admin = !!is_admin;
  self->is_active = !!is_active;
  return self;
}

void
_crm_user_add_department (CrmUser *self,
                          gint64   department_id)
{
  g_array_append_val (self->departments, department_id);
}

void
_crm_user_set_photo_file_id (CrmUser *self,
                             gint64   file_id)
{
  self->photo_file_id = file_id;
}

gint64
crm_user_get_id (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), 0);
  return self->id;
}

const char *
crm_user_get_login (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), NULL);
  return self->login;
}

const char *
crm_user_get_name (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), NULL);
  return self->name;
}

const char *
crm_user_get_email (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), NULL);
  return self->email;
}

const char *
crm_user_get_position (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), NULL);
  return self->position;
}

gboolean
crm_user_is_admin (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), FALSE);
  return self->is_admin;
}

gboolean
crm_user_is_active (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), FALSE);
  return self->is_active;
}

GArray *
crm_user_get_departments (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), NULL);
  return self->departments;
}

gint64
crm_user_get_photo_file_id (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), 0);
  return self->photo_file_id;
}
