/* crm-layout-section.c — one section of a resolved layout
 *
 * A section lists the fields the session may see, for the card, and
 * keeps the ids of every field placed in it, for edits that must leave
 * the others where they are (see crm-layout-place.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-layout.h"
#include "crm-layout-private.h"

struct _CrmLayoutSection
{
  GObject     parent_instance;

  gint64      id;
  char       *code;
  char       *title;
  GListStore *fields;
  GArray     *placed_ids;
};

G_DEFINE_FINAL_TYPE (CrmLayoutSection, crm_layout_section, G_TYPE_OBJECT)

static void
crm_layout_section_finalize (GObject *object)
{
  CrmLayoutSection *self = (CrmLayoutSection *)object;

  g_free (self->code);
  g_free (self->title);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->placed_ids, g_array_unref);

  G_OBJECT_CLASS (crm_layout_section_parent_class)->finalize (object);
}

static void
crm_layout_section_class_init (CrmLayoutSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_layout_section_finalize;
}

static void
crm_layout_section_init (CrmLayoutSection *self)
{
  self->fields = g_list_store_new (CRM_TYPE_FIELD);
  self->placed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CrmLayoutSection *
_crm_layout_section_new (gint64      id,
                         const char *code,
                         const char *title)
{
  CrmLayoutSection *self = g_object_new (CRM_TYPE_LAYOUT_SECTION, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->title = g_strdup (title);
  return self;
}

void
_crm_layout_section_add_field (CrmLayoutSection *self,
                               gint64            field_id,
                               CrmField         *field)
{
  g_array_append_val (self->placed_ids, field_id);
  if (field != NULL)
    g_list_store_append (self->fields, field);
}

gint64
crm_layout_section_get_id (CrmLayoutSection *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (self), 0);
  return self->id;
}

const char *
crm_layout_section_get_code (CrmLayoutSection *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (self), NULL);
  return self->code;
}

const char *
crm_layout_section_get_title (CrmLayoutSection *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (self), NULL);
  return self->title;
}

GListModel *
crm_layout_section_get_fields (CrmLayoutSection *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (self), NULL);
  return G_LIST_MODEL (self->fields);
}

GArray *
crm_layout_section_get_placed_ids (CrmLayoutSection *self)
{
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (self), NULL);
  return self->placed_ids;
}

gint64
crm_layout_section_get_next_placed (CrmLayoutSection *self,
                                    gint64            field_id)
{
  g_return_val_if_fail (CRM_IS_LAYOUT_SECTION (self), 0);

  for (guint i = 0; i + 1 < self->placed_ids->len; i++)
    if (g_array_index (self->placed_ids, gint64, i) == field_id)
      return g_array_index (self->placed_ids, gint64, i + 1);
  return 0;
}
