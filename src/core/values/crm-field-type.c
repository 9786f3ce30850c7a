/* crm-field-type.c — the types a field can have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-field-type.h"

typedef struct
{
  const char *code;   /* stored in fields.type; never changes */
  const char *label;  /* N_() */
} TypeInfo;

static const TypeInfo type_infos[CRM_FIELD_TYPE_LAST] = {
  [CRM_FIELD_TYPE_STRING]    = { "string",    N_("String") },
  [CRM_FIELD_TYPE_TEXT]      = { "text",      N_("Text") },
  [CRM_FIELD_TYPE_INTEGER]   = { "integer",   N_("Integer") },
  [CRM_FIELD_TYPE_DECIMAL]   = { "decimal",   N_("Decimal number") },
  [CRM_FIELD_TYPE_MONEY]     = { "money",     N_("Money") },
  [CRM_FIELD_TYPE_BOOLEAN]   = { "boolean",   N_("Yes/No") },
  [CRM_FIELD_TYPE_DATE]      = { "date",      N_("Date") },
  [CRM_FIELD_TYPE_DATETIME]  = { "datetime",  N_("Date and time") },
  [CRM_FIELD_TYPE_LIST]      = { "list",      N_("List") },
  [CRM_FIELD_TYPE_URL]       = { "url",       N_("Web address") },
  [CRM_FIELD_TYPE_EMAIL]     = { "email",     N_("E-mail") },
  [CRM_FIELD_TYPE_PHONE]     = { "phone",     N_("Phone") },
  [CRM_FIELD_TYPE_MESSENGER] = { "messenger", N_("Messenger") },
  [CRM_FIELD_TYPE_ADDRESS]   = { "address",   N_("Address") },
  [CRM_FIELD_TYPE_FILE]      = { "file",      N_("File") },
  [CRM_FIELD_TYPE_LINK]      = { "link",      N_("Link to CRM element") },
  [CRM_FIELD_TYPE_EMPLOYEE]  = { "employee",  N_("Employee") },
  [CRM_FIELD_TYPE_PIPELINE]  = { "pipeline",  N_("Pipeline") },
  [CRM_FIELD_TYPE_STAGE]     = { "stage",     N_("Stage") },
};

typedef struct
{
  const char *kind;
  const char *context;  /* "Home" is "Residencial" for a phone, "Pessoal" for an e-mail */
  const char *label;    /* NC_() */
} KindInfo;

/* The first kind of each table is the type's default. */
static const KindInfo phone_kinds[] = {
  { "work",   "phone kind", NC_ ("phone kind", "Work") },
  { "mobile", "phone kind", NC_ ("phone kind", "Mobile") },
  { "home",   "phone kind", NC_ ("phone kind", "Home") },
  { "fax",    "phone kind", NC_ ("phone kind", "Fax") },
  { "pager",  "phone kind", NC_ ("phone kind", "Pager") },
  { "other",  "phone kind", NC_ ("phone kind", "Other") },
};

static const KindInfo email_kinds[] = {
  { "work",       "e-mail kind", NC_ ("e-mail kind", "Work") },
  { "home",       "e-mail kind", NC_ ("e-mail kind", "Home") },
  { "newsletter", "e-mail kind", NC_ ("e-mail kind", "Newsletter") },
  { "other",      "e-mail kind", NC_ ("e-mail kind", "Other") },
};

static const KindInfo messenger_kinds[] = {
  { "whatsapp",  "messenger", NC_ ("messenger", "WhatsApp") },
  { "telegram",  "messenger", NC_ ("messenger", "Telegram") },
  { "skype",     "messenger", NC_ ("messenger", "Skype") },
  { "facebook",  "messenger", NC_ ("messenger", "Facebook") },
  { "instagram", "messenger", NC_ ("messenger", "Instagram") },
  { "viber",     "messenger", NC_ ("messenger", "Viber") },
  { "other",     "messenger", NC_ ("messenger", "Other") },
};

/* NULL-terminated copies of the codes above, for crm_field_type_get_kinds (). */
static const char * const phone_kind_codes[] = {
  "work", "mobile", "home", "fax", "pager", "other", NULL
};
static const char * const email_kind_codes[] = {
  "work", "home", "newsletter", "other", NULL
};
static const char * const messenger_kind_codes[] = {
  "whatsapp", "telegram", "skype", "facebook", "instagram", "viber", "other", NULL
};
static const char * const no_kinds[] = { NULL };

static const KindInfo *
get_kind_infos (CrmFieldType  type,
                gsize        *n_infos)
{
  switch (type)
    {
    case CRM_FIELD_TYPE_PHONE:
      *n_infos = G_N_ELEMENTS (phone_kinds);
      return phone_kinds;
    case CRM_FIELD_TYPE_EMAIL:
      *n_infos = G_N_ELEMENTS (email_kinds);
      return email_kinds;
    case CRM_FIELD_TYPE_MESSENGER:
      *n_infos = G_N_ELEMENTS (messenger_kinds);
      return messenger_kinds;
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      *n_infos = 0;
      return NULL;
    }
}

const char *
crm_field_type_to_code (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);

  return type_infos[type].code;
}

gboolean
crm_field_type_from_code (const char   *code,
                          CrmFieldType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < CRM_FIELD_TYPE_LAST; i++)
    {
      if (g_str_equal (code, type_infos[i].code))
        {
          *type = (CrmFieldType) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
crm_field_type_get_label (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);

  return _(type_infos[type].label);
}

gboolean
crm_field_type_is_user_creatable (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, FALSE);

  /* Pipeline and stage are the element's own columns, shown as fields. */
  return type != CRM_FIELD_TYPE_PIPELINE && type != CRM_FIELD_TYPE_STAGE;
}

gboolean
crm_field_type_stores_number (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, FALSE);

  switch (type)
    {
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
      return TRUE;
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_LAST:
    default:
      return FALSE;
    }
}

gboolean
crm_field_type_has_kind (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, FALSE);

  return type == CRM_FIELD_TYPE_PHONE ||
         type == CRM_FIELD_TYPE_EMAIL ||
         type == CRM_FIELD_TYPE_MESSENGER;
}

/* An empty (not NULL) array for types without kinds, so callers can loop. */
const char * const *
crm_field_type_get_kinds (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, no_kinds);

  switch ((int) type)
    {
    case CRM_FIELD_TYPE_PHONE:
      return phone_kind_codes;
    case CRM_FIELD_TYPE_EMAIL:
      return email_kind_codes;
    case CRM_FIELD_TYPE_MESSENGER:
      return messenger_kind_codes;
    default:
      return no_kinds;
    }
}

/* NULL for types without kinds. */
const char *
crm_field_type_get_default_kind (CrmFieldType type)
{
  gsize n_infos;
  const KindInfo *infos;

  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);

  infos = get_kind_infos (type, &n_infos);
  return n_infos > 0 ? infos[0].kind : NULL;
}

/* NULL when @kind is not one of @type's kinds. */
const char *
crm_field_kind_get_label (CrmFieldType  type,
                          const char   *kind)
{
  gsize n_infos;
  const KindInfo *infos;

  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);

  if (kind == NULL)
    return NULL;

  infos = get_kind_infos (type, &n_infos);
  for (gsize i = 0; i < n_infos; i++)
    {
      if (g_str_equal (kind, infos[i].kind))
        return g_dpgettext2 (GETTEXT_PACKAGE, infos[i].context, infos[i].label);
    }

  return NULL;
}
