/* crm-search-result.c — one element found by the global search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-search-private.h"
#include "crm-search-result.h"

struct _CrmSearchResult
{
  GObject  parent_instance;

  gint64   element_id;
  gint64   entity_type_id;
  char    *title;
  char    *snippet;
};

G_DEFINE_FINAL_TYPE (CrmSearchResult, crm_search_result, G_TYPE_OBJECT)

static void
crm_search_result_finalize (GObject *object)
{
  CrmSearchResult *self = CRM_SEARCH_RESULT (object);

  g_free (self->title);
  g_free (self->snippet);

  G_OBJECT_CLASS (crm_search_result_parent_class)->finalize (object);
}

static void
crm_search_result_class_init (CrmSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_search_result_finalize;
}

static void
crm_search_result_init (CrmSearchResult *self)
{
}

CrmSearchResult *
_crm_search_result_new (gint64      element_id,
                        gint64      entity_type_id,
                        const char *title,
                        const char *snippet)
{
  CrmSearchResult *self = g_object_new (CRM_TYPE_SEARCH_RESULT, NULL);

  self->element_id = element_id;
  self->entity_type_id = entity_type_id;
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);
  return self;
}

gint64
crm_search_result_get_element_id (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), 0);
  return self->element_id;
}

gint64
crm_search_result_get_entity_type_id (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), 0);
  return self->entity_type_id;
}

const char *
crm_search_result_get_title (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
crm_search_result_get_snippet (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}
