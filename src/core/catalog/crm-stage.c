/* crm-stage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-catalog-private.h"
#include "crm-stage.h"

struct _CrmStage
{
  GObject            parent_instance;

  gint64             id;
  gint64             pipeline_id;
  char              *code;
  char              *name;
  char              *color;
  CrmStageSemantics  semantics;
  int                sort;
};

G_DEFINE_FINAL_TYPE (CrmStage, crm_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_stage_finalize (GObject *object)
{
  CrmStage *self = (CrmStage *)object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->color);

  G_OBJECT_CLASS (crm_stage_parent_class)->finalize (object);
}

static void
crm_stage_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmStage *self = CRM_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_stage_class_init (CrmStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_stage_finalize;
  object_class->get_property = crm_stage_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_stage_init (CrmStage *self)
{
}

CrmStage *
_crm_stage_new (gint64             id,
                gint64             pipeline_id,
                const char        *code,
                const char        *name,
                const char        *color,
                CrmStageSemantics  semantics,
                int                sort)
{
  CrmStage *self = g_object_new (CRM_TYPE_STAGE, NULL);

  self->id = id;
  self->pipeline_id = pipeline_id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->color = g_strdup (color);
  self->semantics = semantics;
  self->sort = sort;
  return self;
}

gint64
crm_stage_get_id (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), 0);
  return self->id;
}

gint64
crm_stage_get_pipeline_id (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), 0);
  return self->pipeline_id;
}

const char *
crm_stage_get_code (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), NULL);
  return self->code;
}

const char *
crm_stage_get_name (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), NULL);
  return self->name;
}

const char *
crm_stage_get_color (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), NULL);
  return self->color;
}

CrmStageSemantics
crm_stage_get_semantics (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), CRM_STAGE_PROGRESS);
  return self->semantics;
}

int
crm_stage_get_sort (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), 0);
  return self->sort;
}
