/* crm-entity-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-catalog-private.h"
#include "crm-entity-type.h"

struct _CrmEntityType
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  char    *name_plural;
  char    *icon_name;
  guint    is_builtin : 1;
  guint    has_stages : 1;
  guint    has_pipelines : 1;
  guint    has_products : 1;
};

G_DEFINE_FINAL_TYPE (CrmEntityType, crm_entity_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_PLURAL,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_entity_type_finalize (GObject *object)
{
  CrmEntityType *self = (CrmEntityType *)object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->name_plural);
  g_free (self->icon_name);

  G_OBJECT_CLASS (crm_entity_type_parent_class)->finalize (object);
}

static void
crm_entity_type_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmEntityType *self = CRM_ENTITY_TYPE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NAME_PLURAL:
      g_value_set_string (value, self->name_plural);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_entity_type_class_init (CrmEntityTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_entity_type_finalize;
  object_class->get_property = crm_entity_type_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_PLURAL] =
    g_param_spec_string ("name-plural", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_entity_type_init (CrmEntityType *self)
{
}

CrmEntityType *
_crm_entity_type_new (gint64      id,
                      const char *code,
                      const char *name,
                      const char *name_plural,
                      const char *icon_name,
                      gboolean    is_builtin,
                      gboolean    has_stages,
                      gboolean    has_pipelines,
                      gboolean    has_products)
{
  CrmEntityType *self = g_object_new (CRM_TYPE_ENTITY_TYPE, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->name_plural = g_strdup (name_plural);
  self->icon_name = g_strdup (icon_name ? icon_name : "folder-documents-symbolic");
  self->is_builtin = !!is_builtin;
  self->has_stages = !!has_stages;
  self->has_pipelines = !!has_pipelines;
  self->has_products = !!has_products;
  return self;
}

gint64
crm_entity_type_get_id (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), 0);
  return self->id;
}

const char *
crm_entity_type_get_code (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), NULL);
  return self->code;
}

const char *
crm_entity_type_get_name (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), NULL);
  return self->name;
}

const char *
crm_entity_type_get_name_plural (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), NULL);
  return self->name_plural;
}

const char *
crm_entity_type_get_icon_name (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), NULL);
  return self->icon_name;
}

gboolean
crm_entity_type_is_builtin (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), FALSE);
  return self->is_builtin;
}

gboolean
crm_entity_type_has_stages (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), FALSE);
  return self->has_stages;
}

gboolean
crm_entity_type_has_pipelines (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), FALSE);
  return self->has_pipelines;
}

gboolean
crm_entity_type_has_products (CrmEntityType *self)
{
  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (self), FALSE);
  return self->has_products;
}
