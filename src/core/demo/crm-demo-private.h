/* crm-demo-private.h — what the demo's files share
 *
 * crm-demo.c holds the entry points and the order of the steps,
 * crm-demo-people.c our own company (departments, colleagues, the second
 * deal pipeline), crm-demo-values.c the made-up values and the drafts that
 * take them, crm-demo-elements.c the companies, contacts, deals, leads,
 * quotes and invoices, and crm-demo-timeline.c their stages and
 * conversations.
 *
 * Every random choice comes from one GRand seeded by the caller, and no
 * two draws share an expression (C leaves their order unspecified), so a
 * seed gives the same data with every compiler. Times are offsets from now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-demo.h"
#include "crm-element-draft.h"

#include "crm-demo-data.h"

G_BEGIN_DECLS

#define MINUTE ((gint64) 60)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)
#define YEAR   (365 * DAY)

typedef struct
{
  gint64      id;
  gint64      created;      /* Unix time, like every time here */
  gint64      responsible;
  guint       city;         /* in demo_cities */
  const char *name;         /* without "Ltda." */
  const char *domain;       /* "valeverde.com.br" */
} DemoCompany;

typedef struct
{
  gint64      id;
  gint64      created;
  int         company;      /* in companies, or -1 */
  const char *name;
} DemoContact;

typedef struct
{
  gint64             id;
  gint64             created;
  gint64             closed;       /* 0 while in progress */
  gint64             responsible;
  gint64             contact_id;   /* or 0 */
  gint64             company_id;   /* or 0 */
  gint64             quote_id;     /* its latest quote, or 0 */
  gint64             amount;       /* reais */
  guint              service;      /* in demo_services */
  CrmStageSemantics  semantics;
  const char        *party;        /* who it is with: a company or a person */
} DemoDeal;

/* An element that gets conversations on its timeline. */
typedef struct
{
  gint64 id;
  gint64 created;
  gint64 responsible;
  double weight;                   /* cumulative */
} DemoTarget;

typedef struct
{
  const char *first;
  const char *second;       /* or NULL */
  const char *family;       /* the father's family name */
  const char *last;         /* "Araújo Costa", or just the family name */
  const char *full;
  gboolean    female;
} DemoPerson;

typedef struct
{
  CrmSession        *session;
  CrmStore          *store;
  CrmCatalog        *catalog;
  const CrmDemoSize *size;
  GRand             *rand;
  GStringChunk      *strings;        /* the names made, for the whole fill */
  GHashTable        *company_names;  /* so that no two companies share one */
  gint64             now;
  gint64             departments[G_N_ELEMENTS (demo_departments)];
  gint64             colleagues[G_N_ELEMENTS (demo_colleagues)];
  GArray            *sellers;        /* user ids */
  gint64             corporate_id;   /* the second deal pipeline */
  CrmField          *contract;       /* required from its "Contrato" stage on */
  gint64             contract_stage;
  GArray            *companies;      /* DemoCompany */
  GArray            *contacts;       /* DemoContact */
  GArray            *deals;          /* DemoDeal */
  GArray            *targets;        /* DemoTarget */
  guint              n_quotes;
  guint              n_invoices;
} DemoContext;

/* ---- Chance ------------------------------------------------------------------- */

static inline guint
pick (DemoContext *ctx,
      guint        n)
{
  return n > 1 ? (guint) g_rand_int_range (ctx->rand, 0, (gint32) n) : 0;
}

#define PICK(ctx, table) ((table)[pick ((ctx), G_N_ELEMENTS (table))])

static inline gboolean
chance (DemoContext *ctx,
        guint        percent)
{
  return pick (ctx, 100) < percent;
}

/* A moment in [from, to]; @from when the range is empty. */
static inline gint64
between (DemoContext *ctx,
         gint64       from,
         gint64       to)
{
  if (to <= from)
    return from;
  return from + (gint64) (g_rand_double (ctx->rand) * (double) (to - from));
}

static inline gint64
pick_seller (DemoContext *ctx)
{
  if (ctx->sellers->len == 0)
    return crm_session_get_user_id (ctx->session);
  return g_array_index (ctx->sellers, gint64, pick (ctx, ctx->sellers->len));
}

/* ---- crm-demo-people.c --------------------------------------------------------- */

gboolean         _crm_demo_add_people             (DemoContext            *ctx,
                                                   GError                **error);
gboolean         _crm_demo_add_corporate_pipeline (DemoContext            *ctx,
                                                   GError                **error);
/* "Número do contrato", required from the corporate pipeline's "Contrato"
 * stage on, so moving a deal there asks for it. */
gboolean         _crm_demo_add_contract_field     (DemoContext            *ctx,
                                                   GError                **error);

/* ---- crm-demo-values.c --------------------------------------------------------- */

const char      *_crm_demo_keep                   (DemoContext            *ctx,
                                                   char                   *text);
char            *_crm_demo_make_slug              (const char             *text,
                                                   const char             *separator);
char            *_crm_demo_lower_first            (const char             *text);
char            *_crm_demo_format_date            (gint64                  when);
char            *_crm_demo_make_phone             (DemoContext            *ctx,
                                                   guint                   city,
                                                   gboolean                mobile);
char            *_crm_demo_make_cnpj              (DemoContext            *ctx);
char            *_crm_demo_make_cpf               (DemoContext            *ctx);
char            *_crm_demo_make_address           (DemoContext            *ctx,
                                                   guint                   city);
const char      *_crm_demo_make_company_name      (DemoContext            *ctx,
                                                   const DemoCompanyKind **kind_out);
void             _crm_demo_make_person            (DemoContext            *ctx,
                                                   DemoPerson             *person);
gboolean         _crm_demo_fill_person            (DemoContext            *ctx,
                                                   CrmElementDraft        *draft,
                                                   const DemoPerson       *person,
                                                   const DemoCompany      *company,
                                                   guint                   city,
                                                   GError                **error);

CrmElementDraft *_crm_demo_new_draft              (DemoContext            *ctx,
                                                   const char             *type_code,
                                                   gint64                  responsible,
                                                   GError                **error);
gboolean         _crm_demo_set_inputs             (CrmElementDraft        *draft,
                                                   GError                **error,
                                                   ...) G_GNUC_NULL_TERMINATED;
void             _crm_demo_set_key                (DemoContext            *ctx,
                                                   CrmElementDraft        *draft,
                                                   const char             *code,
                                                   const char             *key);
void             _crm_demo_set_link               (DemoContext            *ctx,
                                                   CrmElementDraft        *draft,
                                                   const char             *code,
                                                   gint64                  id);
void             _crm_demo_set_values             (DemoContext            *ctx,
                                                   CrmElementDraft        *draft,
                                                   const char             *code,
                                                   GPtrArray              *values);
GPtrArray       *_crm_demo_new_values             (void);
gboolean         _crm_demo_add_phone              (GPtrArray              *values,
                                                   const char             *text,
                                                   const char             *kind,
                                                   GError                **error);
void             _crm_demo_add_text               (GPtrArray              *values,
                                                   CrmFieldType            type,
                                                   const char             *text,
                                                   const char             *kind);
gint64           _crm_demo_save_draft             (DemoContext            *ctx,
                                                   CrmElementDraft        *draft,
                                                   gint64                  created,
                                                   gint64                  responsible,
                                                   double                  weight,
                                                   GError                **error);

/* ---- crm-demo-elements.c: one element a call ------------------------------------ */

gboolean         _crm_demo_add_company            (DemoContext            *ctx,
                                                   GError                **error);
gboolean         _crm_demo_add_contact            (DemoContext            *ctx,
                                                   GError                **error);
gboolean         _crm_demo_add_deal               (DemoContext            *ctx,
                                                   GError                **error);
gboolean         _crm_demo_add_lead               (DemoContext            *ctx,
                                                   GError                **error);
gboolean         _crm_demo_add_quote              (DemoContext            *ctx,
                                                   GError                **error);
gboolean         _crm_demo_add_invoice            (DemoContext            *ctx,
                                                   GError                **error);

/* ---- crm-demo-timeline.c ------------------------------------------------------- */

guint            _crm_demo_count_progress         (GListModel             *stages);
CrmStage        *_crm_demo_pick_stage             (DemoContext            *ctx,
                                                   gint64                  pipeline_id);
gint64           _crm_demo_find_stage             (DemoContext            *ctx,
                                                   gint64                  pipeline_id,
                                                   const char             *code);
gboolean         _crm_demo_add_stage_history      (DemoContext            *ctx,
                                                   gint64                  element_id,
                                                   gint64                  author,
                                                   gint64                  pipeline_id,
                                                   gint64                  stage_id,
                                                   gint64                  from,
                                                   gint64                  to,
                                                   GError                **error);
gboolean         _crm_demo_add_conversations      (DemoContext            *ctx,
                                                   GError                **error);

G_END_DECLS
