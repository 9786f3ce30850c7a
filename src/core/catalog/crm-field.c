/* crm-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-catalog-private.h"
#include "crm-field.h"

struct _CrmField
{
  GObject          parent_instance;

  gint64           id;
  gint64           entity_type_id;
  char            *code;
  char            *label;
  CrmFieldOptions *options;
  GArray          *visible_users;
  GArray          *visible_departments;
  char            *search_tag;   /* computed on first use; NULL: not restricted */
  gint64           required_stage_id;
  CrmFieldType     type;
  CrmRequiredMode  required_mode;
  guint            is_system : 1;
  guint            is_multiple : 1;
};

G_DEFINE_FINAL_TYPE (CrmField, crm_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* System fields whose values live in the elements table itself. */
static const struct {
  const char *code;
  const char *column;
  gboolean    read_only;
} column_fields[] = {
  { "pipeline",    "pipeline_id",    FALSE },
  { "stage",       "stage_id",       FALSE },
  { "responsible", "responsible_id", FALSE },
  { "created_by",  "created_by",     TRUE },
  { "created_at",  "created_at",     TRUE },
  { "updated_by",  "updated_by",     TRUE },
  { "updated_at",  "updated_at",     TRUE },
};

static void
crm_field_finalize (GObject *object)
{
  CrmField *self = (CrmField *)object;

  g_free (self->code);
  g_free (self->label);
  g_clear_pointer (&self->options, crm_field_options_free);
  g_clear_pointer (&self->visible_users, g_array_unref);
  g_clear_pointer (&self->visible_departments, g_array_unref);
  g_free (self->search_tag);

  G_OBJECT_CLASS (crm_field_parent_class)->finalize (object);
}

static void
crm_field_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmField *self = CRM_FIELD (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_field_class_init (CrmFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_field_finalize;
  object_class->get_property = crm_field_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_field_init (CrmField *self)
{
  self->visible_users = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->visible_departments = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CrmField *
_crm_field_new (gint64           id,
                gint64           entity_type_id,
                const char      *code,
                const char      *label,
                CrmFieldType     type,
                gboolean         is_system,
                gboolean         is_multiple,
                CrmFieldOptions *options,
                CrmRequiredMode  required_mode,
                gint64           required_stage_id)
{
  CrmField *self = g_object_new (CRM_TYPE_FIELD, NULL);

  self->id = id;
  self->entity_type_id = entity_type_id;
  self->code = g_strdup (code);
  self->label = g_strdup (label);
  self->type = type;
  self->is_system = !!is_system;
  self->is_multiple = !!is_multiple;
  self->options = options ? options : crm_field_options_new ();
  self->required_mode = required_mode;
  self->required_stage_id = required_stage_id;
  return self;
}

void
_crm_field_add_visible_user (CrmField *self,
                             gint64    user_id)
{
  g_array_append_val (self->visible_users, user_id);
  g_clear_pointer (&self->search_tag, g_free);
}

void
_crm_field_add_visible_department (CrmField *self,
                                   gint64    department_id)
{
  g_array_append_val (self->visible_departments, department_id);
  g_clear_pointer (&self->search_tag, g_free);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static void
append_sorted_ids (GString      *text,
                   const GArray *ids)
{
  g_autoptr(GArray) sorted = g_array_copy ((GArray *)ids);

  g_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (text, "%" G_GINT64_FORMAT ",", g_array_index (sorted, gint64, i));
}

char *
_crm_field_make_search_tag (gint64        field_id,
                            const GArray *users,
                            const GArray *departments)
{
  g_autoptr(GString) audience = NULL;
  g_autofree char *digest = NULL;

  if ((users == NULL || users->len == 0) && (departments == NULL || departments->len == 0))
    return NULL;

  audience = g_string_new ("u");
  if (users != NULL)
    append_sorted_ids (audience, users);
  g_string_append_c (audience, 'd');
  if (departments != NULL)
    append_sorted_ids (audience, departments);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, audience->str, audience->len);

  /* U+E000 and U+E001 are private-use characters: the index tokenizer keeps
   * them inside a word, while what people type loses them (only letters and
   * digits reach a query), so nobody can type a tag. The digest of the
   * audience makes a query built before the audience changed find nothing. */
  return g_strdup_printf ("\xee\x80\x80%" G_GINT64_FORMAT "\xee\x80\x81%.8s", field_id, digest);
}

const char *
_crm_field_get_search_tag (CrmField *self)
{
  if (self->search_tag == NULL)
    self->search_tag = _crm_field_make_search_tag (self->id, self->visible_users,
                                                   self->visible_departments);
  return self->search_tag;
}

const char *
_crm_field_get_column (CrmField *self)
{
  if (!self->is_system)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (column_fields); i++)
    if (g_str_equal (column_fields[i].code, self->code))
      return column_fields[i].column;
  return NULL;
}

gint64
crm_field_get_id (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), 0);
  return self->id;
}

gint64
crm_field_get_entity_type_id (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), 0);
  return self->entity_type_id;
}

const char *
crm_field_get_code (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);
  return self->code;
}

const char *
crm_field_get_label (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);
  return self->label;
}

CrmFieldType
crm_field_get_field_type (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), CRM_FIELD_TYPE_STRING);
  return self->type;
}

gboolean
crm_field_is_system (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), FALSE);
  return self->is_system;
}

gboolean
crm_field_is_multiple (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), FALSE);
  return self->is_multiple;
}

gboolean
crm_field_is_read_only (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), FALSE);

  if (!self->is_system)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_fields); i++)
    if (g_str_equal (column_fields[i].code, self->code))
      return column_fields[i].read_only;
  return FALSE;
}

const CrmFieldOptions *
crm_field_get_options (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);
  return self->options;
}

CrmRequiredMode
crm_field_get_required_mode (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), CRM_REQUIRED_NEVER);
  return self->required_mode;
}

gint64
crm_field_get_required_stage_id (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), 0);
  return self->required_stage_id;
}

GArray *
crm_field_get_visible_users (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);
  return self->visible_users;
}

GArray *
crm_field_get_visible_departments (CrmField *self)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);
  return self->visible_departments;
}
