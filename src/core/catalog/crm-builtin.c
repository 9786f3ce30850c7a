/* crm-builtin.c — what every new database starts with
 *
 * Names are stored as English msgids (label_msgid = 1) and translated by
 * the catalog when it loads them, so one database reads well in every
 * language of the team until someone renames a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-builtin-private.h"
#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-store-private.h"

typedef struct
{
  const char *code;
  const char *label;
  const char *type;
  gboolean    multiple;
  const char *required;     /* "never" / "always" */
  const char *options;      /* JSON, labels are msgids */
} BuiltinField;

typedef struct
{
  const char         *code;
  const char         *name;
  const char         *name_plural;
  const char         *icon_name;
  gboolean            has_stages;
  gboolean            has_pipelines;
  gboolean            has_products;
  const BuiltinField *fields;
  guint               n_fields;
} BuiltinType;

/* List items are translated through these msgids. */
#define SOURCE_OPTIONS \
  "{\"items\":[{\"key\":\"call\",\"label\":\"Call\"},{\"key\":\"email\",\"label\":\"E-mail\"}," \
  "{\"key\":\"website\",\"label\":\"Website\"},{\"key\":\"advertising\",\"label\":\"Advertising\"}," \
  "{\"key\":\"partner\",\"label\":\"Partner\"},{\"key\":\"existing\",\"label\":\"Existing client\"}," \
  "{\"key\":\"referral\",\"label\":\"Referral\"},{\"key\":\"trade_show\",\"label\":\"Trade show\"}," \
  "{\"key\":\"social\",\"label\":\"Social networks\"},{\"key\":\"other\",\"label\":\"Other\"}]}"
#define HONORIFIC_OPTIONS \
  "{\"items\":[{\"key\":\"mr\",\"label\":\"Mr.\"},{\"key\":\"mrs\",\"label\":\"Mrs.\"}," \
  "{\"key\":\"ms\",\"label\":\"Ms.\"},{\"key\":\"dr\",\"label\":\"Dr.\"}]}"
#define CONTACT_TYPE_OPTIONS \
  "{\"items\":[{\"key\":\"client\",\"label\":\"Client\"},{\"key\":\"supplier\",\"label\":\"Supplier\"}," \
  "{\"key\":\"partner\",\"label\":\"Partner\"},{\"key\":\"other\",\"label\":\"Other\"}]}"
#define COMPANY_TYPE_OPTIONS \
  "{\"items\":[{\"key\":\"customer\",\"label\":\"Customer\"},{\"key\":\"supplier\",\"label\":\"Supplier\"}," \
  "{\"key\":\"competitor\",\"label\":\"Competitor\"},{\"key\":\"partner\",\"label\":\"Partner\"}," \
  "{\"key\":\"other\",\"label\":\"Other\"}]}"
#define INDUSTRY_OPTIONS \
  "{\"items\":[{\"key\":\"it\",\"label\":\"Information technology\"},{\"key\":\"telecom\",\"label\":\"Telecommunications\"}," \
  "{\"key\":\"manufacturing\",\"label\":\"Manufacturing\"},{\"key\":\"banking\",\"label\":\"Banking services\"}," \
  "{\"key\":\"consulting\",\"label\":\"Consulting\"},{\"key\":\"retail\",\"label\":\"Retail\"}," \
  "{\"key\":\"agribusiness\",\"label\":\"Agribusiness\"},{\"key\":\"health\",\"label\":\"Health care\"}," \
  "{\"key\":\"education\",\"label\":\"Education\"},{\"key\":\"government\",\"label\":\"Government\"}," \
  "{\"key\":\"logistics\",\"label\":\"Logistics\"},{\"key\":\"other\",\"label\":\"Other\"}]}"
#define EMPLOYEES_OPTIONS \
  "{\"items\":[{\"key\":\"lt50\",\"label\":\"Fewer than 50\"},{\"key\":\"50_250\",\"label\":\"50–250\"}," \
  "{\"key\":\"250_500\",\"label\":\"250–500\"},{\"key\":\"gt500\",\"label\":\"More than 500\"}]}"
#define DEAL_TYPE_OPTIONS \
  "{\"items\":[{\"key\":\"sale\",\"label\":\"Sale\"},{\"key\":\"complex\",\"label\":\"Complex sale\"}," \
  "{\"key\":\"goods\",\"label\":\"Sale of goods\"},{\"key\":\"services\",\"label\":\"Sale of services\"}," \
  "{\"key\":\"after_sales\",\"label\":\"After-sales service\"},{\"key\":\"other\",\"label\":\"Other\"}]}"
#define PAYMENT_OPTIONS \
  "{\"items\":[{\"key\":\"pix\",\"label\":\"Pix\"},{\"key\":\"boleto\",\"label\":\"Bank slip (boleto)\"}," \
  "{\"key\":\"transfer\",\"label\":\"Bank transfer\"},{\"key\":\"card\",\"label\":\"Credit card\"}," \
  "{\"key\":\"cash\",\"label\":\"Cash\"}]}"

/* Kept for xgettext: the labels inside the JSON above. */
G_GNUC_UNUSED static const char *option_msgids[] = {
  N_("Call"), N_("E-mail"), N_("Website"), N_("Advertising"), N_("Partner"),
  N_("Existing client"), N_("Referral"), N_("Trade show"), N_("Social networks"),
  N_("Other"), N_("Mr."), N_("Mrs."), N_("Ms."), N_("Dr."), N_("Client"),
  N_("Supplier"), N_("Customer"), N_("Competitor"), N_("Information technology"),
  N_("Telecommunications"), N_("Manufacturing"), N_("Banking services"),
  N_("Consulting"), N_("Retail"), N_("Agribusiness"), N_("Health care"),
  N_("Education"), N_("Government"), N_("Logistics"), N_("Fewer than 50"),
  N_("50–250"), N_("250–500"), N_("More than 500"), N_("Sale"), N_("Complex sale"),
  N_("Sale of goods"), N_("Sale of services"), N_("After-sales service"),
  N_("Pix"), N_("Bank slip (boleto)"), N_("Bank transfer"), N_("Credit card"),
  N_("Cash"),
};

#define FIELD(code, label, type) { code, label, type, FALSE, "never", NULL }
#define MULTI(code, label, type) { code, label, type, TRUE, "never", NULL }
#define REQUIRED(code, label, type) { code, label, type, FALSE, "always", NULL }
#define LIST(code, label, options) { code, label, "list", FALSE, "never", options }
#define LINK(code, label, target) { code, label, "link", FALSE, "never", "{\"link_type\":\"" target "\"}" }

#define PEOPLE_FIELDS \
  LIST ("honorific", N_("Salutation"), HONORIFIC_OPTIONS), \
  FIELD ("second_name", N_("Second name"), "string"), \
  FIELD ("last_name", N_("Last name"), "string"), \
  FIELD ("position", N_("Position"), "string")

#define COMMUNICATION_FIELDS \
  MULTI ("phone", N_("Phone"), "phone"), \
  MULTI ("email", N_("E-mail"), "email"), \
  MULTI ("messenger", N_("Messenger"), "messenger"), \
  MULTI ("website", N_("Website"), "url")

#define TRAILING_FIELDS \
  FIELD ("responsible", N_("Responsible person"), "employee"), \
  FIELD ("comments", N_("Comment"), "text"), \
  FIELD ("created_at", N_("Created on"), "datetime"), \
  FIELD ("created_by", N_("Created by"), "employee"), \
  FIELD ("updated_at", N_("Modified on"), "datetime"), \
  FIELD ("updated_by", N_("Modified by"), "employee")

static const BuiltinField lead_fields[] = {
  REQUIRED ("title", N_("Lead name"), "string"),
  FIELD ("stage", N_("Stage"), "stage"),
  FIELD ("name", N_("First name"), "string"),
  PEOPLE_FIELDS,
  FIELD ("company_name", N_("Company name"), "string"),
  COMMUNICATION_FIELDS,
  FIELD ("address", N_("Address"), "address"),
  FIELD ("birthdate", N_("Date of birth"), "date"),
  { "amount", N_("Amount"), "money", FALSE, "never", NULL },
  LIST ("source", N_("Source"), SOURCE_OPTIONS),
  FIELD ("source_description", N_("Source information"), "text"),
  LINK ("contact", N_("Contact"), "contact"),
  LINK ("company", N_("Company"), "company"),
  TRAILING_FIELDS,
};

static const BuiltinField deal_fields[] = {
  REQUIRED ("title", N_("Deal name"), "string"),
  FIELD ("pipeline", N_("Pipeline"), "pipeline"),
  FIELD ("stage", N_("Stage"), "stage"),
  FIELD ("amount", N_("Amount"), "money"),
  LINK ("contact", N_("Contact"), "contact"),
  LINK ("company", N_("Company"), "company"),
  FIELD ("start_date", N_("Start date"), "date"),
  FIELD ("close_date", N_("Expected close date"), "date"),
  FIELD ("probability", N_("Probability, %"), "integer"),
  LIST ("deal_type", N_("Deal type"), DEAL_TYPE_OPTIONS),
  LIST ("source", N_("Source"), SOURCE_OPTIONS),
  FIELD ("source_description", N_("Source information"), "text"),
  TRAILING_FIELDS,
};

static const BuiltinField contact_fields[] = {
  REQUIRED ("name", N_("First name"), "string"),
  PEOPLE_FIELDS,
  COMMUNICATION_FIELDS,
  LINK ("company", N_("Company"), "company"),
  FIELD ("address", N_("Address"), "address"),
  FIELD ("birthdate", N_("Date of birth"), "date"),
  LIST ("contact_type", N_("Contact type"), CONTACT_TYPE_OPTIONS),
  LIST ("source", N_("Source"), SOURCE_OPTIONS),
  FIELD ("source_description", N_("Source information"), "text"),
  FIELD ("tax_id", N_("Tax ID (CPF)"), "string"),
  TRAILING_FIELDS,
};

static const BuiltinField company_fields[] = {
  REQUIRED ("title", N_("Company name"), "string"),
  LIST ("company_type", N_("Company type"), COMPANY_TYPE_OPTIONS),
  LIST ("industry", N_("Industry"), INDUSTRY_OPTIONS),
  LIST ("employees", N_("Employees"), EMPLOYEES_OPTIONS),
  FIELD ("revenue", N_("Annual revenue"), "money"),
  FIELD ("tax_id", N_("Tax ID (CNPJ)"), "string"),
  COMMUNICATION_FIELDS,
  FIELD ("address", N_("Address"), "address"),
  FIELD ("billing_address", N_("Billing address"), "address"),
  LIST ("source", N_("Source"), SOURCE_OPTIONS),
  TRAILING_FIELDS,
};

static const BuiltinField quote_fields[] = {
  REQUIRED ("title", N_("Quote name"), "string"),
  FIELD ("stage", N_("Stage"), "stage"),
  FIELD ("amount", N_("Amount"), "money"),
  LINK ("deal", N_("Deal"), "deal"),
  LINK ("contact", N_("Contact"), "contact"),
  LINK ("company", N_("Company"), "company"),
  FIELD ("quote_date", N_("Quote date"), "date"),
  FIELD ("valid_until", N_("Valid until"), "date"),
  FIELD ("content", N_("Content"), "text"),
  FIELD ("terms", N_("Terms"), "text"),
  TRAILING_FIELDS,
};

static const BuiltinField invoice_fields[] = {
  REQUIRED ("title", N_("Invoice subject"), "string"),
  FIELD ("number", N_("Invoice number"), "string"),
  FIELD ("stage", N_("Stage"), "stage"),
  FIELD ("amount", N_("Amount"), "money"),
  LINK ("deal", N_("Deal"), "deal"),
  LINK ("quote", N_("Quote"), "quote"),
  LINK ("contact", N_("Contact"), "contact"),
  LINK ("company", N_("Company"), "company"),
  FIELD ("issue_date", N_("Invoice date"), "date"),
  FIELD ("due_date", N_("Due date"), "date"),
  FIELD ("payment_date", N_("Payment date"), "date"),
  LIST ("payment_method", N_("Payment method"), PAYMENT_OPTIONS),
  TRAILING_FIELDS,
};

/* Every user-defined type has these; pipeline and stage only with stages.
 * The sort of each is its place here, whenever it is added. */
static const BuiltinField user_type_fields[] = {
  REQUIRED ("title", N_("Name"), "string"),
  FIELD ("pipeline", N_("Pipeline"), "pipeline"),
  FIELD ("stage", N_("Stage"), "stage"),
  TRAILING_FIELDS,
};

static const BuiltinType builtin_types[] = {
  { "lead", N_("Lead"), N_("Leads"), "find-location-symbolic", TRUE, FALSE, TRUE,
    lead_fields, G_N_ELEMENTS (lead_fields) },
  { "deal", N_("Deal"), N_("Deals"), "starred-symbolic", TRUE, TRUE, TRUE,
    deal_fields, G_N_ELEMENTS (deal_fields) },
  { "contact", N_("Contact"), N_("Contacts"), "avatar-default-symbolic", FALSE, FALSE, FALSE,
    contact_fields, G_N_ELEMENTS (contact_fields) },
  { "company", N_("Company"), N_("Companies"), "building-symbolic", FALSE, FALSE, FALSE,
    company_fields, G_N_ELEMENTS (company_fields) },
  { "quote", N_("Quote"), N_("Quotes"), "document-edit-symbolic", TRUE, FALSE, TRUE,
    quote_fields, G_N_ELEMENTS (quote_fields) },
  { "invoice", N_("Invoice"), N_("Invoices"), "accessories-text-editor-symbolic", TRUE, FALSE, TRUE,
    invoice_fields, G_N_ELEMENTS (invoice_fields) },
};

static const CrmBuiltinStage lead_stages[] = {
  { "new",        N_("New"),         "#39a8ef", CRM_STAGE_PROGRESS },
  { "in_process", N_("In progress"), "#2fc6f6", CRM_STAGE_PROGRESS },
  { "processed",  N_("Processed"),   "#ffa900", CRM_STAGE_PROGRESS },
  { "converted",  N_("Good lead"),   "#7bd500", CRM_STAGE_SUCCESS },
  { "junk",       N_("Junk lead"),   "#ff5752", CRM_STAGE_FAILURE },
};

static const CrmBuiltinStage deal_stages[] = {
  { "new",           N_("New"),                  "#39a8ef", CRM_STAGE_PROGRESS },
  { "preparation",   N_("Preparing documents"),  "#2fc6f6", CRM_STAGE_PROGRESS },
  { "prepayment",    N_("Prepayment invoice"),   "#55d0e0", CRM_STAGE_PROGRESS },
  { "executing",     N_("In progress"),          "#47e4c2", CRM_STAGE_PROGRESS },
  { "final_invoice", N_("Final invoice"),        "#ffa900", CRM_STAGE_PROGRESS },
  { "won",           N_("Deal won"),             "#7bd500", CRM_STAGE_SUCCESS },
  { "lost",          N_("Deal lost"),            "#ff5752", CRM_STAGE_FAILURE },
};

static const CrmBuiltinStage quote_stages[] = {
  { "draft",    N_("New"),            "#39a8ef", CRM_STAGE_PROGRESS },
  { "sent",     N_("Sent to client"), "#ffa900", CRM_STAGE_PROGRESS },
  { "approved", N_("Approved"),       "#7bd500", CRM_STAGE_SUCCESS },
  { "declined", N_("Declined"),       "#ff5752", CRM_STAGE_FAILURE },
};

static const CrmBuiltinStage invoice_stages[] = {
  { "new",       N_("New"),            "#39a8ef", CRM_STAGE_PROGRESS },
  { "sent",      N_("Sent to client"), "#ffa900", CRM_STAGE_PROGRESS },
  { "paid",      N_("Paid"),           "#7bd500", CRM_STAGE_SUCCESS },
  { "cancelled", N_("Cancelled"),      "#ff5752", CRM_STAGE_FAILURE },
};

/* A user-defined type's first pipeline: work to do, then done either way. */
static const CrmBuiltinStage user_type_stages[] = {
  { "new",         N_("New"),         "#39a8ef", CRM_STAGE_PROGRESS },
  { "in_progress", N_("In progress"), "#2fc6f6", CRM_STAGE_PROGRESS },
  { "success",     N_("Success"),     "#7bd500", CRM_STAGE_SUCCESS },
  { "failure",     N_("Failure"),     "#ff5752", CRM_STAGE_FAILURE },
};

/* ---- Default card layouts ----------------------------------------------------- */

static const char *lead_about[] = { "title", "stage", "honorific", "name", "second_name", "last_name",
                                    "position", "company_name", "phone", "email", "messenger", NULL };
static const char *lead_more[] = { "amount", "source", "source_description", "website", "address",
                                   "birthdate", "responsible", "comments", NULL };
static const char *repeat_about[] = { "title", "stage", "contact", "company", "phone", "email", NULL };
static const char *repeat_more[] = { "amount", "source", "source_description", "responsible",
                                     "comments", NULL };
static const char *deal_about[] = { "title", "stage", "amount", "close_date", "contact", "company", NULL };
static const char *deal_more[] = { "pipeline", "deal_type", "source", "source_description", "start_date",
                                   "probability", "responsible", "comments", NULL };
static const char *contact_about[] = { "honorific", "name", "second_name", "last_name", "position",
                                       "company", "phone", "email", "messenger", NULL };
static const char *contact_more[] = { "contact_type", "source", "source_description", "website",
                                      "address", "birthdate", "tax_id", "responsible", "comments", NULL };
static const char *company_about[] = { "title", "company_type", "industry", "phone", "email",
                                       "website", NULL };
static const char *company_more[] = { "employees", "revenue", "tax_id", "address", "billing_address",
                                      "messenger", "source", "responsible", "comments", NULL };
static const char *quote_about[] = { "title", "stage", "amount", "deal", "contact", "company",
                                     "quote_date", "valid_until", NULL };
static const char *quote_more[] = { "content", "terms", "responsible", "comments", NULL };
static const char *invoice_about[] = { "title", "number", "stage", "amount", "contact", "company",
                                       "issue_date", "due_date", NULL };
static const char *invoice_more[] = { "deal", "quote", "payment_method", "payment_date",
                                      "responsible", "comments", NULL };

#define SECTIONS(about_title, about, more) \
  { { "about", about_title, about }, { "more", N_("More"), more }, { NULL, NULL, NULL } }

static const CrmBuiltinSection lead_sections[] = SECTIONS (N_("About lead"), lead_about, lead_more);
static const CrmBuiltinSection repeat_sections[] = SECTIONS (N_("About lead"), repeat_about, repeat_more);
static const CrmBuiltinSection deal_sections[] = SECTIONS (N_("About deal"), deal_about, deal_more);
static const CrmBuiltinSection contact_sections[] = SECTIONS (N_("About contact"), contact_about, contact_more);
static const CrmBuiltinSection company_sections[] = SECTIONS (N_("About company"), company_about, company_more);
static const CrmBuiltinSection quote_sections[] = SECTIONS (N_("About quote"), quote_about, quote_more);
static const CrmBuiltinSection invoice_sections[] = SECTIONS (N_("About invoice"), invoice_about, invoice_more);

const CrmBuiltinSection *
_crm_builtin_get_sections (const char *entity_type_code,
                           const char *lead_kind_code)
{
  static const struct {
    const char              *code;
    const CrmBuiltinSection *sections;
  } table[] = {
    { "deal", deal_sections },
    { "contact", contact_sections },
    { "company", company_sections },
    { "quote", quote_sections },
    { "invoice", invoice_sections },
  };

  if (g_strcmp0 (entity_type_code, "lead") == 0)
    return g_strcmp0 (lead_kind_code, "repeat") == 0 ? repeat_sections : lead_sections;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].code, entity_type_code) == 0)
      return table[i].sections;
  return NULL;
}

/* ---- Installing ------------------------------------------------------------------- */

gint64
_crm_builtin_add_pipeline (CrmStore              *store,
                           gint64                 entity_type_id,
                           const char            *code,
                           const char            *name,
                           gboolean               name_is_msgid,
                           const CrmBuiltinStage *stages,
                           guint                  n_stages,
                           GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 pipeline_id;
  gboolean retire_aware;

  /* Past the ids of deleted pipelines and stages (retired_ids exists from
   * schema 7 on; the built-in pipelines are installed before). */
  stmt = _crm_store_prepare (store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'retired_ids'",
                             error);
  if (stmt == NULL)
    return 0;
  retire_aware = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  stmt = _crm_store_prepare (store,
                             retire_aware ?
                             "INSERT INTO pipelines (id, entity_type_id, code, name, label_msgid, is_default, sort) "
                             "VALUES (" CRM_NEXT_ID_SQL ("pipelines") ", ?1, ?2, ?3, ?4, "
                             "        NOT EXISTS (SELECT 1 FROM pipelines WHERE entity_type_id = ?1), "
                             "        (SELECT ifnull (max (sort), -1) + 1 FROM pipelines WHERE entity_type_id = ?1))" :
                             "INSERT INTO pipelines (entity_type_id, code, name, label_msgid, is_default, sort) "
                             "VALUES (?1, ?2, ?3, ?4, "
                             "        NOT EXISTS (SELECT 1 FROM pipelines WHERE entity_type_id = ?1), "
                             "        (SELECT count(*) FROM pipelines WHERE entity_type_id = ?1))", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, name_is_msgid);
  if (!_crm_store_step_done (store, stmt, error))
    return 0;
  pipeline_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  for (guint i = 0; i < n_stages; i++)
    {
      static const char *semantics[] = { "progress", "success", "failure" };

      stmt = _crm_store_prepare (store,
                                 retire_aware ?
                                 "INSERT INTO stages (id, pipeline_id, code, name, label_msgid, color, semantics, sort) "
                                 "VALUES (" CRM_NEXT_ID_SQL ("stages") ", ?1, ?2, ?3, ?4, ?5, ?6, ?7)" :
                                 "INSERT INTO stages (pipeline_id, code, name, label_msgid, color, semantics, sort) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, pipeline_id);
      sqlite3_bind_text (stmt, 2, stages[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, stages[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, name_is_msgid);
      sqlite3_bind_text (stmt, 5, stages[i].color, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, semantics[stages[i].semantics], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, i);
      if (!_crm_store_step_done (store, stmt, error))
        return 0;
    }

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, pipeline_id, entity_type_id);
  return pipeline_id;
}

/* @retire_aware: past the ids of deleted fields too (retired_ids exists
 * from schema 7 on; the built-in types are installed before). */
static gboolean
insert_field (CrmStore            *store,
              gint64               type_id,
              const BuiltinField  *field,
              guint                sort,
              const char          *now,
              gboolean             retire_aware,
              GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             retire_aware
                             ? "INSERT INTO fields (id, entity_type_id, code, label, label_msgid, type, is_system, "
                               "  is_multiple, options, required_mode, sort, created_at) "
                               "VALUES (" CRM_NEXT_ID_SQL ("fields") ", ?1, ?2, ?3, 1, ?4, 1, ?5, ?6, ?7, ?8, ?9)"
                             : "INSERT INTO fields (entity_type_id, code, label, label_msgid, type, is_system, "
                               "  is_multiple, options, required_mode, sort, created_at) "
                               "VALUES (?1, ?2, ?3, 1, ?4, 1, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, type_id);
  sqlite3_bind_text (stmt, 2, field->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field->label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field->type, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, field->multiple);
  sqlite3_bind_text (stmt, 6, field->options, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, field->required, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, sort);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  return _crm_store_step_done (store, stmt, error);
}

static gboolean
install_type (CrmStore           *store,
              const BuiltinType  *type,
              guint               sort,
              const char         *now,
              gint64             *type_id,
              GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO entity_types (code, name, name_plural, label_msgid, is_builtin, "
                             "  has_stages, has_pipelines, has_products, icon_name, sort) "
                             "VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, type->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, type->name_plural, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, type->has_stages);
  sqlite3_bind_int (stmt, 5, type->has_pipelines);
  sqlite3_bind_int (stmt, 6, type->has_products);
  sqlite3_bind_text (stmt, 7, type->icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, sort);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  *type_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  for (guint i = 0; i < type->n_fields; i++)
    if (!insert_field (store, *type_id, &type->fields[i], i, now, FALSE, error))
      return FALSE;
  return TRUE;
}

static gboolean
exec_static (CrmStore    *store,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);

  return stmt != NULL && _crm_store_step_done (store, stmt, error);
}

gboolean
_crm_builtin_install (CrmStore  *store,
                      GError   **error)
{
  g_autofree char *now = _crm_store_now ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_types); i++)
    {
      const BuiltinType *type = &builtin_types[i];
      const CrmBuiltinStage *stages = NULL;
      guint n_stages = 0;
      gint64 type_id;

      if (!install_type (store, type, i, now, &type_id, error))
        return FALSE;

      if (g_str_equal (type->code, "lead"))
        stages = lead_stages, n_stages = G_N_ELEMENTS (lead_stages);
      else if (g_str_equal (type->code, "deal"))
        stages = deal_stages, n_stages = G_N_ELEMENTS (deal_stages);
      else if (g_str_equal (type->code, "quote"))
        stages = quote_stages, n_stages = G_N_ELEMENTS (quote_stages);
      else if (g_str_equal (type->code, "invoice"))
        stages = invoice_stages, n_stages = G_N_ELEMENTS (invoice_stages);

      if (stages != NULL &&
          _crm_builtin_add_pipeline (store, type_id, "default",
                                     g_str_equal (type->code, "deal") ? N_("General") : N_("Default"),
                                     TRUE, stages, n_stages, error) == 0)
        return FALSE;
    }

  return exec_static (store,
                      "INSERT INTO lead_kinds (code, name, label_msgid) VALUES "
                      "('regular', 'Regular lead', 1), ('repeat', 'Repeat lead', 1)", error) &&
         exec_static (store,
                      "INSERT INTO roles (code, name, label_msgid) VALUES "
                      "('administrator', 'Administrator', 1), ('employee', 'Employee', 1)", error) &&
         exec_static (store,
                      "INSERT INTO role_permissions (role_id, permission) "
                      "SELECT r.id, p.column1 FROM roles r, (VALUES ('element.read'), ('element.write'), "
                      "  ('element.delete'), ('layout.personal')) p WHERE r.code = 'employee' "
                      "UNION ALL "
                      "SELECT r.id, p.column1 FROM roles r, (VALUES ('element.read'), ('element.write'), "
                      "  ('element.delete'), ('layout.personal'), ('layout.edit_standard'), "
                      "  ('fields.manage')) p WHERE r.code = 'administrator'", error);
}

/* ---- User-defined types ----------------------------------------------------------- */

static gboolean
is_stage_field (const BuiltinField *field)
{
  return g_str_equal (field->code, "pipeline") || g_str_equal (field->code, "stage");
}

gboolean
_crm_builtin_add_user_fields (CrmStore  *store,
                              gint64     entity_type_id,
                              gboolean   stage_fields,
                              gboolean   other_fields,
                              GError   **error)
{
  g_autofree char *now = _crm_store_now ();

  for (guint i = 0; i < G_N_ELEMENTS (user_type_fields); i++)
    {
      const BuiltinField *field = &user_type_fields[i];

      if ((is_stage_field (field) ? stage_fields : other_fields) &&
          !insert_field (store, entity_type_id, field, i, now, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

const CrmBuiltinStage *
_crm_builtin_get_stages (const char *entity_type_code,
                         guint      *n_stages)
{
  static const struct {
    const char            *code;
    const CrmBuiltinStage *stages;
    guint                  n_stages;
  } table[] = {
    { "lead",    lead_stages,    G_N_ELEMENTS (lead_stages) },
    { "deal",    deal_stages,    G_N_ELEMENTS (deal_stages) },
    { "quote",   quote_stages,   G_N_ELEMENTS (quote_stages) },
    { "invoice", invoice_stages, G_N_ELEMENTS (invoice_stages) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].code, entity_type_code) == 0)
      {
        *n_stages = table[i].n_stages;
        return table[i].stages;
      }
  *n_stages = G_N_ELEMENTS (user_type_stages);
  return user_type_stages;
}

gint64
_crm_builtin_add_user_pipeline (CrmStore  *store,
                                gint64     entity_type_id,
                                GError   **error)
{
  return _crm_builtin_add_pipeline (store, entity_type_id, "default", N_("Default"), TRUE,
                                    user_type_stages, G_N_ELEMENTS (user_type_stages), error);
}

/* Kept for xgettext: names stored by the SQL above. */
G_GNUC_UNUSED static const char *row_msgids[] = {
  N_("Regular lead"), N_("Repeat lead"), N_("Administrator"), N_("Employee"),
};
