/* crm-demo-elements.c — the demo's companies, contacts, deals, leads,
 * quotes and invoices, with their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-demo-private.h"

/* ---- Companies and contacts ------------------------------------------------------------ */

static gboolean
fill_company_contacts (DemoContext        *ctx,
                       CrmElementDraft    *draft,
                       const DemoCompany  *company,
                       GError            **error)
{
  g_autoptr(GPtrArray) phones = _crm_demo_new_values ();
  g_autoptr(GPtrArray) emails = _crm_demo_new_values ();
  g_autoptr(GPtrArray) messengers = _crm_demo_new_values ();
  g_autoptr(GPtrArray) websites = _crm_demo_new_values ();
  g_autofree char *phone = _crm_demo_make_phone (ctx, company->city, FALSE);
  g_autofree char *second = chance (ctx, 30) ? _crm_demo_make_phone (ctx, company->city, FALSE) : NULL;
  g_autofree char *whatsapp = chance (ctx, 35) ? _crm_demo_make_phone (ctx, company->city, TRUE) : NULL;
  g_autofree char *contact = g_strconcat ("contato@", company->domain, NULL);
  g_autofree char *finance = g_strconcat ("financeiro@", company->domain, NULL);
  g_autofree char *site = g_strconcat ("https://www.", company->domain, NULL);

  if (!_crm_demo_add_phone (phones, phone, "work", error) ||
      (second != NULL && !_crm_demo_add_phone (phones, second, "work", error)))
    return FALSE;
  _crm_demo_add_text (emails, CRM_FIELD_TYPE_EMAIL, contact, "work");
  if (chance (ctx, 50))
    _crm_demo_add_text (emails, CRM_FIELD_TYPE_EMAIL, finance, "work");
  if (whatsapp != NULL)
    _crm_demo_add_text (messengers, CRM_FIELD_TYPE_MESSENGER, whatsapp, "whatsapp");
  _crm_demo_add_text (websites, CRM_FIELD_TYPE_URL, site, NULL);

  _crm_demo_set_values (ctx, draft, "phone", phones);
  _crm_demo_set_values (ctx, draft, "email", emails);
  _crm_demo_set_values (ctx, draft, "messenger", messengers);
  _crm_demo_set_values (ctx, draft, "website", websites);
  return TRUE;
}

gboolean
_crm_demo_add_company (DemoContext  *ctx,
                       GError      **error)
{
  static const gint64 revenue_from[] = { 300, 5000, 40000, 200000 };  /* thousands of reais */
  static const gint64 revenue_to[] = { 5000, 40000, 200000, 2000000 };
  const DemoCompanyKind *kind = NULL;
  DemoCompany company = { 0 };
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *slug = NULL, *title = NULL, *cnpj = NULL, *address = NULL, *billing = NULL;
  g_autofree char *revenue = NULL;
  guint employees;

  company.name = _crm_demo_make_company_name (ctx, &kind);
  slug = _crm_demo_make_slug (company.name, "");
  company.domain = _crm_demo_keep (ctx, g_strconcat (slug, ".com.br", NULL));
  company.city = pick (ctx, G_N_ELEMENTS (demo_cities));
  company.created = between (ctx, ctx->now - YEAR, ctx->now - 30 * DAY);
  company.responsible = pick_seller (ctx);
  title = kind->legal ? g_strconcat (company.name, " ", PICK (ctx, demo_legal_suffixes), NULL)
                      : g_strdup (company.name);
  employees = pick (ctx, G_N_ELEMENTS (demo_employee_ranges));
  revenue = g_strdup_printf ("%" G_GINT64_FORMAT "000.00 BRL",
                             between (ctx, revenue_from[employees], revenue_to[employees]));
  cnpj = _crm_demo_make_cnpj (ctx);
  address = _crm_demo_make_address (ctx, company.city);
  billing = chance (ctx, 20) ? _crm_demo_make_address (ctx, company.city) : NULL;

  draft = _crm_demo_new_draft (ctx, "company", company.responsible, error);
  if (draft == NULL ||
      !_crm_demo_set_inputs (draft, error, "title", title, "revenue", revenue, "tax_id", cnpj,
                             "address", address, "billing_address", billing,
                             "comments", chance (ctx, 25) ? PICK (ctx, demo_company_notes) : NULL, NULL) ||
      !fill_company_contacts (ctx, draft, &company, error))
    return FALSE;
  _crm_demo_set_key (ctx, draft, "company_type", PICK (ctx, demo_company_types));
  _crm_demo_set_key (ctx, draft, "industry", kind->industry);
  _crm_demo_set_key (ctx, draft, "employees", demo_employee_ranges[employees]);
  _crm_demo_set_key (ctx, draft, "source", PICK (ctx, demo_sources));

  company.id = _crm_demo_save_draft (ctx, draft, company.created, company.responsible, 1.0, error);
  if (company.id == 0)
    return FALSE;
  g_array_append_val (ctx->companies, company);
  return TRUE;
}

/* An index in companies for a new contact or deal, or -1. */
static int
pick_company (DemoContext *ctx,
              guint        percent)
{
  if (ctx->companies->len == 0 || !chance (ctx, percent))
    return -1;
  return pick (ctx, ctx->companies->len);
}

gboolean
_crm_demo_add_contact (DemoContext  *ctx,
                       GError      **error)
{
  DemoContact contact = { 0 };
  const DemoCompany *company = NULL;
  DemoPerson person;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *birthdate = NULL, *address = NULL, *cpf = NULL;
  gint64 earliest = ctx->now - YEAR, responsible;
  guint city;

  _crm_demo_make_person (ctx, &person);
  contact.name = person.full;
  contact.company = pick_company (ctx, 80);
  if (contact.company >= 0)
    {
      company = &g_array_index (ctx->companies, DemoCompany, contact.company);
      earliest = company->created;
    }
  city = company != NULL ? company->city : pick (ctx, G_N_ELEMENTS (demo_cities));
  responsible = company != NULL && chance (ctx, 80) ? company->responsible : pick_seller (ctx);
  contact.created = between (ctx, earliest, ctx->now - 7 * DAY);
  birthdate = chance (ctx, 70)
              ? _crm_demo_format_date (between (ctx, ctx->now - 65 * YEAR, ctx->now - 22 * YEAR)) : NULL;
  address = chance (ctx, 30) ? _crm_demo_make_address (ctx, city) : NULL;
  cpf = chance (ctx, 40) ? _crm_demo_make_cpf (ctx) : NULL;

  draft = _crm_demo_new_draft (ctx, "contact", responsible, error);
  if (draft == NULL ||
      !_crm_demo_fill_person (ctx, draft, &person, company, city, error) ||
      !_crm_demo_set_inputs (draft, error, "address", address, "birthdate", birthdate, "tax_id", cpf,
                             "source_description", chance (ctx, 30) ? PICK (ctx, demo_source_notes) : NULL, NULL))
    return FALSE;
  _crm_demo_set_link (ctx, draft, "company", company != NULL ? company->id : 0);
  _crm_demo_set_key (ctx, draft, "contact_type", company != NULL ? PICK (ctx, demo_contact_types) : "other");
  _crm_demo_set_key (ctx, draft, "source", PICK (ctx, demo_sources));

  contact.id = _crm_demo_save_draft (ctx, draft, contact.created, responsible, 1.0, error);
  if (contact.id == 0)
    return FALSE;
  g_array_append_val (ctx->contacts, contact);
  return TRUE;
}

/* ---- Deals and leads ------------------------------------------------------------------ */

/* A contact of the company @company (of anyone when -1), or NULL. */
static const DemoContact *
pick_contact (DemoContext *ctx,
              int          company)
{
  const DemoContact *chosen = NULL;
  guint seen = 0;

  for (guint i = 0; i < ctx->contacts->len; i++)
    {
      const DemoContact *contact = &g_array_index (ctx->contacts, DemoContact, i);

      /* Each match replaces the choice with chance 1/seen: all equally likely. */
      if ((company < 0 || contact->company == company) && pick (ctx, ++seen) == 0)
        chosen = contact;
    }
  return chosen;
}

static gint64
default_pipeline (DemoContext *ctx,
                  const char  *type_code)
{
  CrmEntityType *type = crm_catalog_find_entity_type (ctx->catalog, type_code);
  CrmPipeline *pipeline = type ? crm_catalog_get_default_pipeline (ctx->catalog, crm_entity_type_get_id (type)) : NULL;

  return pipeline != NULL ? crm_pipeline_get_id (pipeline) : 0;
}

/* 10 % at the first stage, up to 90 % at the last one before the end. */
static char *
make_probability (DemoContext *ctx,
                  gint64       pipeline_id,
                  CrmStage    *stage)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));
  guint n_progress = MAX (_crm_demo_count_progress (stages), 1);
  int index;

  if (stage == NULL || crm_stage_get_semantics (stage) != CRM_STAGE_PROGRESS)
    return g_strdup (stage != NULL && crm_stage_get_semantics (stage) == CRM_STAGE_SUCCESS ? "100" : "0");
  index = crm_pipeline_get_stage_index (crm_catalog_get_pipeline (ctx->catalog, pipeline_id),
                                        crm_stage_get_id (stage));
  return g_strdup_printf ("%u", (10 + 80 * (guint) MAX (index, 0) / n_progress) / 5 * 5);
}

static gboolean
fill_deal (DemoContext     *ctx,
           CrmElementDraft *draft,
           const DemoDeal  *deal,
           gint64           pipeline_id,
           CrmStage        *stage,
           GError         **error)
{
  const DemoService *service = &demo_services[deal->service];
  g_autofree char *title = deal->party ? g_strconcat (service->title, " — ", deal->party, NULL)
                                       : g_strdup (service->title);
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".00 BRL", deal->amount);
  g_autofree char *start = _crm_demo_format_date (deal->created);
  g_autofree char *close = _crm_demo_format_date (deal->closed != 0 ? deal->closed
                                                  : between (ctx, ctx->now + 7 * DAY, ctx->now + 120 * DAY));
  g_autofree char *probability = make_probability (ctx, pipeline_id, stage);
  const char *note = chance (ctx, 20) ? PICK (ctx, demo_source_notes) : NULL;
  const char *comment = chance (ctx, 15) ? PICK (ctx, demo_comments) : NULL;

  _crm_demo_set_link (ctx, draft, "contact", deal->contact_id);
  _crm_demo_set_link (ctx, draft, "company", deal->company_id);
  _crm_demo_set_key (ctx, draft, "deal_type", service->deal_type);
  if (ctx->contract != NULL && stage != NULL && pipeline_id == ctx->corporate_id)
    {
      CrmPipeline *pipeline = crm_catalog_get_pipeline (ctx->catalog, pipeline_id);
      g_autofree char *number = g_strdup_printf ("CT-%u-%04u", 2025 + pick (ctx, 2), 1 + pick (ctx, 9999));

      /* Deals past "Contrato" have theirs; the others get one when they
       * move there. */
      if (crm_pipeline_get_stage_index (pipeline, crm_stage_get_id (stage)) >=
          crm_pipeline_get_stage_index (pipeline, ctx->contract_stage) &&
          !crm_element_draft_set_input (draft, ctx->contract, crm_locale_get ("C"), number, error))
        return FALSE;
    }
  _crm_demo_set_key (ctx, draft, "source", PICK (ctx, demo_sources));
  return _crm_demo_set_inputs (draft, error, "title", title, "amount", amount, "start_date", start,
                               "close_date", close, "probability", probability,
                               "source_description", note, "comments", comment, NULL);
}

/* When it was made, when it was won or lost, and its last stage change. */
static gint64
plan_times (DemoContext *ctx,
            gint64       earliest,
            gint64       span,
            gboolean     closed,
            gint64      *created,
            gint64      *closed_at)
{
  if (closed)
    {
      *created = between (ctx, MAX (earliest, ctx->now - YEAR), ctx->now - 20 * DAY);
      *closed_at = between (ctx, *created + DAY, MIN (*created + span, ctx->now - DAY));
      return *closed_at;
    }
  *created = between (ctx, MAX (earliest, ctx->now - YEAR / 2), ctx->now - HOUR);
  *closed_at = 0;
  return between (ctx, *created, ctx->now - MINUTE);
}

gboolean
_crm_demo_add_deal (DemoContext  *ctx,
                    GError      **error)
{
  DemoDeal deal = { 0 };
  const DemoService *service;
  const DemoCompany *company = NULL;
  const DemoContact *contact;
  g_autoptr(CrmElementDraft) draft = NULL;
  gint64 pipeline_id, earliest = 0, last_change;
  CrmStage *stage;
  int company_index;

  deal.service = pick (ctx, G_N_ELEMENTS (demo_services));
  service = &demo_services[deal.service];
  company_index = pick_company (ctx, 90);
  contact = pick_contact (ctx, company_index);
  if (company_index >= 0)
    {
      company = &g_array_index (ctx->companies, DemoCompany, company_index);
      deal.company_id = company->id;
      earliest = company->created;
    }
  if (contact != NULL)
    {
      deal.contact_id = contact->id;
      earliest = MAX (earliest, contact->created);
    }
  deal.party = company != NULL ? company->name : contact != NULL ? contact->name : NULL;
  deal.responsible = company != NULL && chance (ctx, 70) ? company->responsible : pick_seller (ctx);
  deal.amount = between (ctx, service->min_reais, service->max_reais) / 100 * 100;

  pipeline_id = service->corporate && ctx->corporate_id != 0 ? ctx->corporate_id
                                                             : default_pipeline (ctx, "deal");
  stage = _crm_demo_pick_stage (ctx, pipeline_id);
  deal.semantics = stage != NULL ? crm_stage_get_semantics (stage) : CRM_STAGE_PROGRESS;
  last_change = plan_times (ctx, earliest, 120 * DAY, deal.semantics != CRM_STAGE_PROGRESS,
                            &deal.created, &deal.closed);

  draft = _crm_demo_new_draft (ctx, "deal", deal.responsible, error);
  if (draft == NULL)
    return FALSE;
  crm_element_draft_set_pipeline (draft, pipeline_id);
  if (stage != NULL)
    crm_element_draft_set_stage (draft, crm_stage_get_id (stage));
  if (!fill_deal (ctx, draft, &deal, pipeline_id, stage, error))
    return FALSE;

  deal.id = _crm_demo_save_draft (ctx, draft, deal.created, deal.responsible, deal.closed ? 3.0 : 5.0, error);
  if (deal.id == 0 ||
      !_crm_demo_add_stage_history (ctx, deal.id, deal.responsible, pipeline_id, crm_element_draft_get_stage (draft),
                                    deal.created, last_change, error))
    return FALSE;
  g_array_append_val (ctx->deals, deal);
  return TRUE;
}

/* A new prospect: a person at a company that is not in the CRM yet. */
static gboolean
fill_regular_lead (DemoContext        *ctx,
                   CrmElementDraft    *draft,
                   const DemoService  *service,
                   GError            **error)
{
  DemoCompany prospect = { 0 };
  DemoPerson person;
  g_autofree char *slug = NULL, *what = _crm_demo_lower_first (service->title), *title = NULL;
  g_autofree char *address = NULL;

  _crm_demo_make_person (ctx, &person);
  prospect.name = _crm_demo_make_company_name (ctx, NULL);
  prospect.city = pick (ctx, G_N_ELEMENTS (demo_cities));
  slug = _crm_demo_make_slug (prospect.name, "");
  prospect.domain = _crm_demo_keep (ctx, g_strconcat (slug, ".com.br", NULL));
  title = g_strconcat (PICK (ctx, demo_lead_titles), what, " — ", prospect.name, NULL);
  address = chance (ctx, 30) ? _crm_demo_make_address (ctx, prospect.city) : NULL;

  _crm_demo_set_key (ctx, draft, "source", PICK (ctx, demo_sources));
  return _crm_demo_fill_person (ctx, draft, &person, &prospect, prospect.city, error) &&
         _crm_demo_set_inputs (draft, error, "title", title, "company_name", prospect.name,
                               "address", address, NULL);
}

/* A client who comes back: the contact and company are in the CRM. */
static gboolean
fill_repeat_lead (DemoContext        *ctx,
                  CrmElementDraft    *draft,
                  const DemoService  *service,
                  const DemoContact  *contact,
                  GError            **error)
{
  const DemoCompany *company = contact->company >= 0
                               ? &g_array_index (ctx->companies, DemoCompany, contact->company) : NULL;
  g_autofree char *what = _crm_demo_lower_first (service->title);
  g_autofree char *title = g_strconcat ("Nova compra: ", what, " — ",
                                        company != NULL ? company->name : contact->name, NULL);

  crm_element_draft_set_lead_kind (draft, crm_catalog_find_lead_kind (ctx->catalog, "repeat"));
  _crm_demo_set_link (ctx, draft, "contact", contact->id);
  _crm_demo_set_link (ctx, draft, "company", company != NULL ? company->id : 0);
  _crm_demo_set_key (ctx, draft, "source", "existing");
  return _crm_demo_set_inputs (draft, error, "title", title, NULL);
}

gboolean
_crm_demo_add_lead (DemoContext  *ctx,
                    GError      **error)
{
  const DemoService *service = &PICK (ctx, demo_services);
  const DemoContact *contact = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *amount = NULL;
  gint64 pipeline_id = default_pipeline (ctx, "lead"), responsible = pick_seller (ctx);
  gint64 id, created, closed, last_change;
  CrmStage *stage = _crm_demo_pick_stage (ctx, pipeline_id);
  gboolean ended = stage != NULL && crm_stage_get_semantics (stage) != CRM_STAGE_PROGRESS;

  if (crm_catalog_find_lead_kind (ctx->catalog, "repeat") != 0 && chance (ctx, 20))
    contact = pick_contact (ctx, -1);
  last_change = plan_times (ctx, contact != NULL ? contact->created : 0, 45 * DAY, ended, &created, &closed);
  if (chance (ctx, 60))
    amount = g_strdup_printf ("%" G_GINT64_FORMAT ".00 BRL",
                              between (ctx, service->min_reais, service->max_reais) / 100 * 100);

  draft = _crm_demo_new_draft (ctx, "lead", responsible, error);
  if (draft == NULL)
    return FALSE;
  if (stage != NULL)
    crm_element_draft_set_stage (draft, crm_stage_get_id (stage));
  if (!(contact != NULL ? fill_repeat_lead (ctx, draft, service, contact, error)
                        : fill_regular_lead (ctx, draft, service, error)) ||
      !_crm_demo_set_inputs (draft, error, "amount", amount,
                             "source_description", chance (ctx, 40) ? PICK (ctx, demo_source_notes) : NULL, NULL))
    return FALSE;

  id = _crm_demo_save_draft (ctx, draft, created, responsible, 3.0, error);
  return id != 0 &&
         _crm_demo_add_stage_history (ctx, id, responsible, pipeline_id, crm_element_draft_get_stage (draft),
                                      created, last_change, error);
}

/* ---- Quotes and invoices ----------------------------------------------------------------- */

/* A deal for a quote or an invoice, NULL when there are none; invoices
 * prefer won deals. */
static DemoDeal *
pick_deal (DemoContext *ctx,
           gboolean     prefer_won)
{
  DemoDeal *deal = NULL;

  for (guint attempt = 0; ctx->deals->len > 0 && attempt < (prefer_won ? 6 : 1); attempt++)
    {
      deal = &g_array_index (ctx->deals, DemoDeal, pick (ctx, ctx->deals->len));
      if (deal->semantics == CRM_STAGE_SUCCESS)
        break;
    }
  return deal;
}

/* Links to the deal and to its contact and company. */
static void
link_deal (DemoContext     *ctx,
           CrmElementDraft *draft,
           const DemoDeal  *deal)
{
  _crm_demo_set_link (ctx, draft, "deal", deal->id);
  _crm_demo_set_link (ctx, draft, "contact", deal->contact_id);
  _crm_demo_set_link (ctx, draft, "company", deal->company_id);
}

static const char *
quote_stage (DemoContext    *ctx,
             const DemoDeal *deal)
{
  if (deal != NULL && deal->semantics == CRM_STAGE_SUCCESS)
    return "approved";
  if (deal != NULL && deal->semantics == CRM_STAGE_FAILURE)
    return "declined";
  return chance (ctx, 40) ? "draft" : "sent";
}

gboolean
_crm_demo_add_quote (DemoContext  *ctx,
                     GError      **error)
{
  DemoDeal *deal = pick_deal (ctx, FALSE);
  const DemoService *service = &demo_services[deal != NULL ? deal->service : pick (ctx, G_N_ELEMENTS (demo_services))];
  gint64 pipeline_id = default_pipeline (ctx, "quote"), responsible, created, last_change, id;
  gint64 stage_id = _crm_demo_find_stage (ctx, pipeline_id, quote_stage (ctx, deal));
  gint64 reais = deal != NULL ? deal->amount : between (ctx, service->min_reais, service->max_reais);
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *title = NULL, *amount = NULL, *date = NULL, *valid = NULL, *content = NULL;

  responsible = deal != NULL ? deal->responsible : pick_seller (ctx);
  created = deal != NULL ? between (ctx, deal->created + HOUR, deal->closed ? deal->closed : ctx->now - HOUR)
                         : between (ctx, ctx->now - YEAR, ctx->now - HOUR);
  last_change = deal != NULL && deal->closed ? MAX (deal->closed, created) : between (ctx, created, ctx->now);
  title = g_strdup_printf ("Proposta %04u — %s", ++ctx->n_quotes,
                           deal != NULL && deal->party != NULL ? deal->party : service->title);
  amount = g_strdup_printf ("%" G_GINT64_FORMAT ".00 BRL", reais * (85 + pick (ctx, 16)) / 100 / 100 * 100);
  date = _crm_demo_format_date (created);
  valid = _crm_demo_format_date (created + (chance (ctx, 50) ? 15 : 30) * DAY);
  content = g_strdup_printf ("1 × %s\n%s", service->title, PICK (ctx, demo_quote_extras));

  draft = _crm_demo_new_draft (ctx, "quote", responsible, error);
  if (draft == NULL)
    return FALSE;
  if (stage_id != 0)
    crm_element_draft_set_stage (draft, stage_id);
  if (deal != NULL)
    link_deal (ctx, draft, deal);
  if (!_crm_demo_set_inputs (draft, error, "title", title, "amount", amount, "quote_date", date,
                             "valid_until", valid, "content", content, "terms", PICK (ctx, demo_quote_terms), NULL))
    return FALSE;

  id = _crm_demo_save_draft (ctx, draft, created, responsible, 1.0, error);
  if (id == 0)
    return FALSE;
  if (deal != NULL)
    deal->quote_id = id;
  return _crm_demo_add_stage_history (ctx, id, responsible, pipeline_id, crm_element_draft_get_stage (draft),
                                      created, last_change, error);
}

/* Paid mostly for won deals; only what was issued days ago can be paid. */
static const char *
invoice_stage (DemoContext    *ctx,
               const DemoDeal *deal,
               gint64          issued)
{
  guint roll = pick (ctx, 100);

  if (deal != NULL && deal->semantics == CRM_STAGE_SUCCESS && issued < ctx->now - 2 * DAY)
    return roll < 65 ? "paid" : roll < 90 ? "sent" : "new";
  return roll < 40 ? "new" : roll < 85 ? "sent" : "cancelled";
}

static gboolean
fill_invoice (DemoContext     *ctx,
              CrmElementDraft *draft,
              const DemoDeal  *deal,
              gint64           issued,
              gint64           paid,
              GError         **error)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (issued);
  int year = g_date_time_get_year (date);
  g_autofree char *title = g_strdup_printf ("Fatura %s/%d — %s", demo_months[g_date_time_get_month (date) - 1],
                                            year, deal != NULL && deal->party ? deal->party : "Venda avulsa");
  g_autofree char *number = g_strdup_printf ("NF-%d-%04u", year, ++ctx->n_invoices);
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".00 BRL",
                                             deal != NULL ? deal->amount : 1000 + 100 * (gint64) pick (ctx, 200));
  g_autofree char *issue_date = _crm_demo_format_date (issued);
  g_autofree char *due_date = _crm_demo_format_date (issued + (chance (ctx, 70) ? 30 : 15) * DAY);
  g_autofree char *payment_date = paid != 0 ? _crm_demo_format_date (paid) : NULL;

  if (deal != NULL)
    {
      link_deal (ctx, draft, deal);
      _crm_demo_set_link (ctx, draft, "quote", deal->quote_id);
    }
  _crm_demo_set_key (ctx, draft, "payment_method", PICK (ctx, demo_payment_methods));
  return _crm_demo_set_inputs (draft, error, "title", title, "number", number, "amount", amount,
                               "issue_date", issue_date, "due_date", due_date, "payment_date", payment_date, NULL);
}

gboolean
_crm_demo_add_invoice (DemoContext  *ctx,
                       GError      **error)
{
  DemoDeal *deal = pick_deal (ctx, TRUE);
  gint64 pipeline_id = default_pipeline (ctx, "invoice"), responsible, issued, paid = 0, last_change, id;
  g_autoptr(CrmElementDraft) draft = NULL;
  const char *stage;

  responsible = deal != NULL ? deal->responsible : pick_seller (ctx);
  if (deal != NULL && deal->closed != 0)
    issued = between (ctx, deal->closed, ctx->now - HOUR);
  else if (deal != NULL)
    issued = between (ctx, MIN (deal->created + DAY, ctx->now - HOUR), ctx->now - HOUR);
  else
    issued = between (ctx, ctx->now - YEAR, ctx->now - HOUR);
  stage = invoice_stage (ctx, deal, issued);
  if (g_str_equal (stage, "paid"))
    paid = between (ctx, issued + DAY, MIN (issued + 35 * DAY, ctx->now - HOUR));
  last_change = paid != 0 ? paid : between (ctx, issued, ctx->now - MINUTE);

  draft = _crm_demo_new_draft (ctx, "invoice", responsible, error);
  if (draft == NULL)
    return FALSE;
  if (_crm_demo_find_stage (ctx, pipeline_id, stage) != 0)
    crm_element_draft_set_stage (draft, _crm_demo_find_stage (ctx, pipeline_id, stage));
  if (!fill_invoice (ctx, draft, deal, issued, paid, error))
    return FALSE;

  id = _crm_demo_save_draft (ctx, draft, issued, responsible, 1.0, error);
  return id != 0 &&
         _crm_demo_add_stage_history (ctx, id, responsible, pipeline_id, crm_element_draft_get_stage (draft),
                                      issued, last_change, error);
}
