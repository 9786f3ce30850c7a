/* crm-pipeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-catalog-private.h"
#include "crm-pipeline.h"

struct _CrmPipeline
{
  GObject     parent_instance;

  gint64      id;
  gint64      entity_type_id;
  char       *code;
  char       *name;
  GListStore *stages;
  guint       is_default : 1;
};

G_DEFINE_FINAL_TYPE (CrmPipeline, crm_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_pipeline_finalize (GObject *object)
{
  CrmPipeline *self = (CrmPipeline *)object;

  g_free (self->code);
  g_free (self->name);
  g_clear_object (&self->stages);

  G_OBJECT_CLASS (crm_pipeline_parent_class)->finalize (object);
}

static void
crm_pipeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmPipeline *self = CRM_PIPELINE (object);

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
crm_pipeline_class_init (CrmPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_pipeline_finalize;
  object_class->get_property = crm_pipeline_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_pipeline_init (CrmPipeline *self)
{
  self->stages = g_list_store_new (CRM_TYPE_STAGE);
}

CrmPipeline *
_crm_pipeline_new (gint64      id,
                   gint64      entity_type_id,
                   const char *code,
                   const char *name,
                   gboolean    is_default)
{
  CrmPipeline *self = g_object_new (CRM_TYPE_PIPELINE, NULL);

  self->id = id;
  self->entity_type_id = entity_type_id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->is_default = !!is_default;
  return self;
}

void
_crm_pipeline_add_stage (CrmPipeline *self,
                         CrmStage    *stage)
{
  g_list_store_append (self->stages, stage);
}

gint64
crm_pipeline_get_id (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), 0);
  return self->id;
}

gint64
crm_pipeline_get_entity_type_id (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), 0);
  return self->entity_type_id;
}

const char *
crm_pipeline_get_code (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), NULL);
  return self->code;
}

const char *
crm_pipeline_get_name (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), NULL);
  return self->name;
}

gboolean
crm_pipeline_is_default (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), FALSE);
  return self->is_default;
}

GListModel *
crm_pipeline_get_stages (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), NULL);
  return G_LIST_MODEL (self->stages);
}

CrmStage *
crm_pipeline_get_first_stage (CrmPipeline *self)
{
  g_autoptr(CrmStage) stage = NULL;

  g_return_val_if_fail (CRM_IS_PIPELINE (self), NULL);

  /* The store keeps its own reference; hand out a borrowed pointer. */
  stage = g_list_model_get_item (G_LIST_MODEL (self->stages), 0);
  return stage;
}

int
crm_pipeline_get_stage_index (CrmPipeline *self,
                              gint64       stage_id)
{
  guint n;

  g_return_val_if_fail (CRM_IS_PIPELINE (self), -1);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);

      if (crm_stage_get_id (stage) == stage_id)
        return i;
    }
  return -1;
}
