/* crm-demo-values.c — the made-up values of the demo's elements, and the
 * drafts that take them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>

#include "crm-demo-private.h"
#include "crm-value-private.h"

/* ---- Text --------------------------------------------------------------------- */

/* Takes @text; the copy lives as long as the fill. */
const char *
_crm_demo_keep (DemoContext *ctx,
                char        *text)
{
  const char *kept = g_string_chunk_insert (ctx->strings, text);

  g_free (text);
  return kept;
}

/* "Vale Verde" → "valeverde", for e-mail addresses and web sites. */
char *
_crm_demo_make_slug (const char *text,
                     const char *separator)
{
  g_autofree char *folded = _crm_text_fold (text);
  GString *slug = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, *p);
      else if (*p == ' ' && slug->len > 0)
        g_string_append (slug, separator);
    }
  return g_string_free (slug, FALSE);
}

/* "Implantação de ERP" → "implantação de ERP", to follow other words. */
char *
_crm_demo_lower_first (const char *text)
{
  g_autofree char *first = g_utf8_strdown (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

char *
_crm_demo_format_date (gint64 when)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* "+55 11 98765-4321" or "+55 11 3456-7890", in the city's area code. */
char *
_crm_demo_make_phone (DemoContext *ctx,
                      guint        city,
                      gboolean     mobile)
{
  guint first = mobile ? 6000 + pick (ctx, 4000) : 2000 + pick (ctx, 4000);
  guint last = pick (ctx, 10000);

  return g_strdup_printf (mobile ? "+55 %s 9%04u-%04u" : "+55 %s %04u-%04u",
                          demo_cities[city].area_code, first, last);
}

/* A CNPJ with valid check digits: "12.345.678/0001-95". */
char *
_crm_demo_make_cnpj (DemoContext *ctx)
{
  static const int weights[] = { 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 };
  int d[14] = { 0 };

  for (guint i = 0; i < 8; i++)
    d[i] = pick (ctx, 10);
  d[11] = 1;  /* 0001: the head office */
  for (guint k = 12; k < 14; k++)
    {
      int sum = 0;

      for (guint i = 0; i < k; i++)
        sum += d[i] * weights[i + 13 - k];
      d[k] = sum % 11 < 2 ? 0 : 11 - sum % 11;
    }
  return g_strdup_printf ("%d%d.%d%d%d.%d%d%d/%d%d%d%d-%d%d", d[0], d[1], d[2], d[3], d[4],
                          d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13]);
}

/* A CPF with valid check digits: "123.456.789-09". */
char *
_crm_demo_make_cpf (DemoContext *ctx)
{
  int d[11] = { 0 };

  for (guint i = 0; i < 9; i++)
    d[i] = pick (ctx, 10);
  for (guint k = 9; k < 11; k++)
    {
      int sum = 0;

      for (guint i = 0; i < k; i++)
        sum += d[i] * (int) (k + 1 - i);
      d[k] = sum * 10 % 11 % 10;
    }
  return g_strdup_printf ("%d%d%d.%d%d%d.%d%d%d-%d%d", d[0], d[1], d[2], d[3], d[4], d[5],
                          d[6], d[7], d[8], d[9], d[10]);
}

/* A street address in @city, as the JSON of an address field. */
char *
_crm_demo_make_address (DemoContext *ctx,
                        guint        city)
{
  g_autoptr(CrmAddress) address = crm_address_new ();
  guint postal_middle, postal_end;

  address->street = g_strdup (PICK (ctx, demo_streets));
  address->number = g_strdup_printf ("%u", 10 + pick (ctx, 2990));
  if (chance (ctx, 40))
    address->complement = g_strdup (PICK (ctx, demo_complements));
  address->district = g_strdup (demo_cities[city].districts[pick (ctx, 3)]);
  address->city = g_strdup (demo_cities[city].city);
  address->region = g_strdup (demo_cities[city].region);
  postal_middle = pick (ctx, 1000);
  postal_end = pick (ctx, 1000);
  address->postal_code = g_strdup_printf ("%s%03u-%03u", demo_cities[city].postal_prefix,
                                          postal_middle, postal_end);
  address->country = g_strdup ("BR");
  return crm_address_to_json (address);
}

/* "Metalúrgica Paulista": a business and a word no other company has. */
const char *
_crm_demo_make_company_name (DemoContext            *ctx,
                             const DemoCompanyKind **kind_out)
{
  const DemoCompanyKind *kind = NULL;
  char *name = NULL;

  for (guint attempt = 0; attempt < 20; attempt++)
    {
      kind = &demo_company_kinds[pick (ctx, G_N_ELEMENTS (demo_company_kinds))];
      g_free (name);
      name = g_strconcat (kind->before, PICK (ctx, demo_company_words), kind->after, NULL);
      if (!g_hash_table_contains (ctx->company_names, name))
        break;
    }
  /* A very big demo runs out of words; the size of the set makes it unique. */
  if (g_hash_table_contains (ctx->company_names, name))
    {
      char *numbered = g_strdup_printf ("%s %u", name, g_hash_table_size (ctx->company_names));

      g_free (name);
      name = numbered;
    }
  g_hash_table_add (ctx->company_names, name);
  if (kind_out != NULL)
    *kind_out = kind;
  return name;
}

/* ---- Persons: contacts, and the people of leads -------------------------- */

void
_crm_demo_make_person (DemoContext *ctx,
                       DemoPerson  *person)
{
  const DemoFirstName *first = &demo_first_names[pick (ctx, G_N_ELEMENTS (demo_first_names))];

  person->first = first->name;
  person->female = first->female;
  person->second = NULL;
  if (chance (ctx, 20))
    person->second = first->female ? PICK (ctx, demo_second_names_female)
                                   : PICK (ctx, demo_second_names_male);
  person->family = PICK (ctx, demo_last_names);
  person->last = person->family;
  if (chance (ctx, 45))
    {
      const char *mother = PICK (ctx, demo_last_names);

      if (!g_str_equal (mother, person->family))
        person->last = _crm_demo_keep (ctx, g_strconcat (mother, " ", person->family, NULL));
    }
  person->full = _crm_demo_keep (ctx, g_strjoin (" ", person->first,
                                                 person->second ? person->second : person->last,
                                                 person->second ? person->last : NULL, NULL));
}

/* Name, position, phones, e-mails and messengers of a contact or a lead;
 * @company (may be NULL) gives the work address and phone. */
gboolean
_crm_demo_fill_person (DemoContext        *ctx,
                       CrmElementDraft    *draft,
                       const DemoPerson   *person,
                       const DemoCompany  *company,
                       guint               city,
                       GError            **error)
{
  g_autoptr(GPtrArray) phones = _crm_demo_new_values ();
  g_autoptr(GPtrArray) emails = _crm_demo_new_values ();
  g_autoptr(GPtrArray) messengers = _crm_demo_new_values ();
  g_autofree char *first = _crm_demo_make_slug (person->first, "");
  g_autofree char *family = _crm_demo_make_slug (person->family, "");
  g_autofree char *mobile = _crm_demo_make_phone (ctx, city, TRUE);
  g_autofree char *office = company != NULL && chance (ctx, 50) ? _crm_demo_make_phone (ctx, city, FALSE) : NULL;
  g_autofree char *work_mail = company != NULL ? g_strdup_printf ("%s.%s@%s", first, family, company->domain) : NULL;
  g_autofree char *home_mail = company == NULL || chance (ctx, 30)
                               ? g_strdup_printf ("%s.%s@%s", first, family, PICK (ctx, demo_personal_mail)) : NULL;
  g_autofree char *telegram = chance (ctx, 15) ? g_strdup_printf ("@%s_%s", first, family) : NULL;
  const DemoPosition *position = &PICK (ctx, demo_positions);
  const char *honorific = chance (ctx, 12) ? "dr" : person->female ? "mrs" : "mr";

  if (!_crm_demo_add_phone (phones, mobile, "mobile", error) ||
      (office != NULL && !_crm_demo_add_phone (phones, office, "work", error)))
    return FALSE;
  if (work_mail != NULL)
    _crm_demo_add_text (emails, CRM_FIELD_TYPE_EMAIL, work_mail, "work");
  if (home_mail != NULL)
    _crm_demo_add_text (emails, CRM_FIELD_TYPE_EMAIL, home_mail, "home");
  if (chance (ctx, 70))
    _crm_demo_add_text (messengers, CRM_FIELD_TYPE_MESSENGER, mobile, "whatsapp");
  if (telegram != NULL)
    _crm_demo_add_text (messengers, CRM_FIELD_TYPE_MESSENGER, telegram, "telegram");

  _crm_demo_set_values (ctx, draft, "phone", phones);
  _crm_demo_set_values (ctx, draft, "email", emails);
  _crm_demo_set_values (ctx, draft, "messenger", messengers);
  _crm_demo_set_key (ctx, draft, "honorific", honorific);
  return _crm_demo_set_inputs (draft, error, "name", person->first, "second_name", person->second,
                               "last_name", person->last,
                               "position", person->female ? position->female : position->male, NULL);
}

/* ---- Drafts --------------------------------------------------------------------- */

CrmElementDraft *
_crm_demo_new_draft (DemoContext  *ctx,
                     const char   *type_code,
                     gint64        responsible,
                     GError      **error)
{
  CrmElementDraft *draft = crm_element_draft_new (ctx->session, type_code, error);

  if (draft != NULL)
    crm_element_draft_set_responsible (draft, responsible);
  return draft;
}

/* Pairs of a field code and an input in the C locale, up to a NULL code;
 * a NULL input leaves the field empty. */
gboolean
_crm_demo_set_inputs (CrmElementDraft  *draft,
                      GError          **error,
                      ...)
{
  const char *code;
  gboolean ok = TRUE;
  va_list args;

  va_start (args, error);
  while (ok && (code = va_arg (args, const char *)) != NULL)
    {
      const char *input = va_arg (args, const char *);

      if (input != NULL)
        ok = crm_element_draft_set_input_by_code (draft, code, input, error);
    }
  va_end (args);
  return ok;
}

/* Takes @value. System fields cannot be deleted, so @code is always there. */
static void
set_value (DemoContext     *ctx,
           CrmElementDraft *draft,
           const char      *code,
           CrmValue        *value)
{
  CrmField *field = crm_catalog_find_field (ctx->catalog,
                                            crm_element_draft_get_entity_type_id (draft), code);

  if (field != NULL)
    crm_element_draft_set_value (draft, field, value);
  else
    crm_value_free (value);
}

void
_crm_demo_set_key (DemoContext     *ctx,
                   CrmElementDraft *draft,
                   const char      *code,
                   const char      *key)
{
  set_value (ctx, draft, code, crm_value_new_text (CRM_FIELD_TYPE_LIST, key));
}

void
_crm_demo_set_link (DemoContext     *ctx,
                    CrmElementDraft *draft,
                    const char      *code,
                    gint64           id)
{
  if (id != 0)
    set_value (ctx, draft, code, crm_value_new_number (CRM_FIELD_TYPE_LINK, id));
}

void
_crm_demo_set_values (DemoContext     *ctx,
                      CrmElementDraft *draft,
                      const char      *code,
                      GPtrArray       *values)
{
  CrmField *field = crm_catalog_find_field (ctx->catalog,
                                            crm_element_draft_get_entity_type_id (draft), code);

  if (field != NULL && values->len > 0)
    crm_element_draft_set_values (draft, field, values);
}

gboolean
_crm_demo_add_phone (GPtrArray   *values,
                     const char  *text,
                     const char  *kind,
                     GError     **error)
{
  CrmValue *value = crm_value_parse (CRM_FIELD_TYPE_PHONE, NULL, crm_locale_get ("C"), text, error);

  if (value == NULL)
    return FALSE;
  crm_value_set_kind (value, kind);
  g_ptr_array_add (values, value);
  return TRUE;
}

void
_crm_demo_add_text (GPtrArray    *values,
                    CrmFieldType  type,
                    const char   *text,
                    const char   *kind)
{
  CrmValue *value = crm_value_new_text (type, text);

  crm_value_set_kind (value, kind);
  g_ptr_array_add (values, value);
}

GPtrArray *
_crm_demo_new_values (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crm_value_free);
}

/* Saves @draft as created at @created, and lists it for conversations. */
gint64
_crm_demo_save_draft (DemoContext      *ctx,
                      CrmElementDraft  *draft,
                      gint64            created,
                      gint64            responsible,
                      double            weight,
                      GError          **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (created);
  DemoTarget target = { 0, created, responsible, weight };

  crm_element_draft_set_created_at (draft, when);
  target.id = crm_element_draft_save (draft, error);
  if (target.id == 0)
    return 0;

  if (ctx->targets->len > 0)
    target.weight += g_array_index (ctx->targets, DemoTarget, ctx->targets->len - 1).weight;
  g_array_append_val (ctx->targets, target);
  return target.id;
}
