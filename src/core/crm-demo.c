/* crm-demo.c — realistic Brazilian sample data (clientele --demo)
 *
 * Elements are made with the drafts a person fills in, so the demo passes
 * every rule of the core. Everything happens in one transaction: a failure
 * leaves the database as it was.
 *
 * Drafts check the responsible person against the catalog, which only
 * knows the colleagues after a reload. Rather than committing the people
 * in a transaction of their own (and deleting them again when the elements
 * fail), the catalog is reloaded inside the transaction: it reads through
 * the store's connection, so it sees the uncommitted rows, and the store
 * reloads it once more after a rollback.
 *
 * Every random choice comes from one GRand seeded by the caller, and no
 * two draws share an expression (C leaves their order unspecified), so a
 * seed gives the same data with every compiler. Times are offsets from now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-builtin-private.h"
#include "crm-catalog-private.h"
#include "crm-demo.h"
#include "crm-element-draft.h"
#include "crm-error.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"
#include "crm-value-private.h"

#include "crm-demo-data.h"

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
  GArray            *companies;      /* DemoCompany */
  GArray            *contacts;       /* DemoContact */
  GArray            *deals;          /* DemoDeal */
  GArray            *targets;        /* DemoTarget */
  guint              n_quotes;
  guint              n_invoices;
} DemoContext;

/* ---- Chance ------------------------------------------------------------------- */

static guint
pick (DemoContext *ctx,
      guint        n)
{
  return n > 1 ? (guint) g_rand_int_range (ctx->rand, 0, (gint32) n) : 0;
}

#define PICK(ctx, table) ((table)[pick ((ctx), G_N_ELEMENTS (table))])

static gboolean
chance (DemoContext *ctx,
        guint        percent)
{
  return pick (ctx, 100) < percent;
}

/* A moment in [from, to]; @from when the range is empty. */
static gint64
between (DemoContext *ctx,
         gint64       from,
         gint64       to)
{
  if (to <= from)
    return from;
  return from + (gint64) (g_rand_double (ctx->rand) * (double) (to - from));
}

static gint64
pick_seller (DemoContext *ctx)
{
  if (ctx->sellers->len == 0)
    return crm_session_get_user_id (ctx->session);
  return g_array_index (ctx->sellers, gint64, pick (ctx, ctx->sellers->len));
}

/* ---- Text --------------------------------------------------------------------- */

/* Takes @text; the copy lives as long as the fill. */
static const char *
keep (DemoContext *ctx,
      char        *text)
{
  const char *kept = g_string_chunk_insert (ctx->strings, text);

  g_free (text);
  return kept;
}

/* "Vale Verde" → "valeverde", for e-mail addresses and web sites. */
static char *
make_slug (const char *text,
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
static char *
lower_first (const char *text)
{
  g_autofree char *first = g_utf8_strdown (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static char *
format_date (gint64 when)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* "+55 11 98765-4321" or "+55 11 3456-7890", in the city's area code. */
static char *
make_phone (DemoContext *ctx,
            guint        city,
            gboolean     mobile)
{
  guint first = mobile ? 6000 + pick (ctx, 4000) : 2000 + pick (ctx, 4000);
  guint last = pick (ctx, 10000);

  return g_strdup_printf (mobile ? "+55 %s 9%04u-%04u" : "+55 %s %04u-%04u",
                          demo_cities[city].area_code, first, last);
}

/* A CNPJ with valid check digits: "12.345.678/0001-95". */
static char *
make_cnpj (DemoContext *ctx)
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
static char *
make_cpf (DemoContext *ctx)
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
static char *
make_address (DemoContext *ctx,
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
static const char *
make_company_name (DemoContext            *ctx,
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

typedef struct
{
  const char *first;
  const char *second;       /* or NULL */
  const char *family;       /* the father's family name */
  const char *last;         /* "Araújo Costa", or just the family name */
  const char *full;
  gboolean    female;
} DemoPerson;

static void
make_person (DemoContext *ctx,
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
        person->last = keep (ctx, g_strconcat (mother, " ", person->family, NULL));
    }
  person->full = keep (ctx, g_strjoin (" ", person->first,
                                       person->second ? person->second : person->last,
                                       person->second ? person->last : NULL, NULL));
}

/* ---- Drafts --------------------------------------------------------------------- */

static CrmElementDraft *
new_draft (DemoContext  *ctx,
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
G_GNUC_NULL_TERMINATED static gboolean
set_inputs (CrmElementDraft  *draft,
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

static void
set_key (DemoContext     *ctx,
         CrmElementDraft *draft,
         const char      *code,
         const char      *key)
{
  set_value (ctx, draft, code, crm_value_new_text (CRM_FIELD_TYPE_LIST, key));
}

static void
set_link (DemoContext     *ctx,
          CrmElementDraft *draft,
          const char      *code,
          gint64           id)
{
  if (id != 0)
    set_value (ctx, draft, code, crm_value_new_number (CRM_FIELD_TYPE_LINK, id));
}

static void
set_values (DemoContext     *ctx,
            CrmElementDraft *draft,
            const char      *code,
            GPtrArray       *values)
{
  CrmField *field = crm_catalog_find_field (ctx->catalog,
                                            crm_element_draft_get_entity_type_id (draft), code);

  if (field != NULL && values->len > 0)
    crm_element_draft_set_values (draft, field, values);
}

static gboolean
add_phone (GPtrArray   *values,
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

static void
add_text (GPtrArray    *values,
          CrmFieldType  type,
          const char   *text,
          const char   *kind)
{
  CrmValue *value = crm_value_new_text (type, text);

  crm_value_set_kind (value, kind);
  g_ptr_array_add (values, value);
}

static GPtrArray *
new_values (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crm_value_free);
}

/* Saves @draft as created at @created, and lists it for conversations. */
static gint64
save_draft (DemoContext      *ctx,
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

/* ---- Stages ---------------------------------------------------------------------- */

/* Early stages are the most common; some are won, fewer lost. */
static guint
stage_weight (CrmStage *stage,
              guint     progress_index,
              guint     n_progress)
{
  switch (crm_stage_get_semantics (stage))
    {
    case CRM_STAGE_SUCCESS:
      return 14;
    case CRM_STAGE_FAILURE:
      return 10;
    case CRM_STAGE_PROGRESS:
    default:
      return 4 * (n_progress - progress_index) + 4;
    }
}

static guint
count_progress (GListModel *stages)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      n += crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS;
    }
  return n;
}

/* Borrowed from the catalog, which keeps it for the whole transaction;
 * NULL for a pipeline without stages. */
static CrmStage *
pick_stage (DemoContext *ctx,
            gint64       pipeline_id)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));
  guint n = g_list_model_get_n_items (stages), n_progress = count_progress (stages);
  g_autofree guint *weights = g_new0 (guint, n + 1);
  guint total = 0, progress = 0, roll, i;
  CrmStage *chosen;

  for (i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      weights[i] = stage_weight (stage, progress, n_progress);
      progress += crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS;
      total += weights[i];
    }
  if (n == 0)
    return NULL;

  roll = pick (ctx, total);
  for (i = 0; i + 1 < n && roll >= weights[i]; i++)
    roll -= weights[i];
  chosen = g_list_model_get_item (stages, i);
  g_object_unref (chosen);
  return chosen;
}

static gint64
find_stage (DemoContext *ctx,
            gint64       pipeline_id,
            const char  *code)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), code))
        return crm_stage_get_id (stage);
    }
  return 0;
}

static char *
stage_payload (CrmStage *from,
               CrmStage *to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, crm_stage_get_id (from));
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, crm_stage_get_id (to));
  json_builder_set_member_name (builder, "from_name");
  json_builder_add_string_value (builder, crm_stage_get_name (from));
  json_builder_set_member_name (builder, "to_name");
  json_builder_add_string_value (builder, crm_stage_get_name (to));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
add_stage_change (DemoContext  *ctx,
                  gint64        element_id,
                  gint64        author,
                  gint64        when,
                  CrmStage     *from,
                  CrmStage     *to,
                  GError      **error)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);
  g_autofree char *stamp = _crm_timestamp_from_datetime (time);
  g_autofree char *payload = stage_payload (from, to);

  return _crm_timeline_insert (ctx->store, element_id, CRM_ENTRY_STAGE_CHANGE, author,
                               stamp, NULL, payload, error) != 0;
}

/* The way to @stage_id through the pipeline, one timeline entry a step,
 * from @from to @to: all progress stages before a success, some before a
 * failure. */
static gboolean
add_stage_history (DemoContext  *ctx,
                   gint64        element_id,
                   gint64        author,
                   gint64        pipeline_id,
                   gint64        stage_id,
                   gint64        from,
                   gint64        to,
                   GError      **error)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));
  CrmStage *target = crm_catalog_get_stage (ctx->catalog, stage_id);
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (stages), n_progress = count_progress (stages);
  guint keep_progress = n_progress;

  /* Lost after a few steps. */
  if (target != NULL && crm_stage_get_semantics (target) == CRM_STAGE_FAILURE)
    keep_progress = 1 + pick (ctx, MAX (n_progress, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_id (stage) == stage_id)
        {
          g_ptr_array_add (path, g_steal_pointer (&stage));
          break;
        }
      if (crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS && path->len < keep_progress)
        g_ptr_array_add (path, g_steal_pointer (&stage));
    }

  /* Each step in its own slice of the time, the last one at @to. */
  for (guint j = 1; j < path->len; j++)
    {
      guint m = path->len - 1;
      gint64 slice = (to - from) / (2 * m);
      gint64 when = j == m ? to : between (ctx, from + (2 * j - 1) * slice, from + 2 * j * slice);

      if (!add_stage_change (ctx, element_id, author, when, g_ptr_array_index (path, j - 1),
                             g_ptr_array_index (path, j), error))
        return FALSE;
    }
  return TRUE;
}

/* ---- People ------------------------------------------------------------------------ */

/* The first column of the first row of @stmt, bound by the caller; 0 when
 * there is no row. */
static gboolean
query_id (CrmStore      *store,
          sqlite3_stmt  *stmt,
          gint64        *id,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _crm_store_set_error (store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Runs @sql with ?1 = @a and ?2 = @b (when it has a ?2). */
static gboolean
run_with_ids (CrmStore     *store,
              const char   *sql,
              gint64        a,
              gint64        b,
              GError      **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  return _crm_store_step_done (store, stmt, error);
}

/* The department tree; departments already there (same name, same
 * parent) are used as they are. */
static gboolean
add_departments (DemoContext  *ctx,
                 GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_departments); i++)
    {
      const DemoDepartment *department = &demo_departments[i];
      gint64 parent = department->parent >= 0 ? ctx->departments[department->parent] : 0;
      sqlite3_stmt *stmt;

      stmt = _crm_store_prepare (ctx->store,
                                 "SELECT id FROM departments WHERE name = ?1 AND ifnull (parent_id, 0) = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, department->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, parent);
      if (!query_id (ctx->store, stmt, &ctx->departments[i], error))
        return FALSE;
      if (ctx->departments[i] != 0)
        continue;

      stmt = _crm_store_prepare (ctx->store,
                                 "INSERT INTO departments (name, parent_id, sort) VALUES (?1, nullif (?2, 0), ?3)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, department->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, parent);
      sqlite3_bind_int (stmt, 3, i);
      if (!_crm_store_step_done (ctx->store, stmt, error))
        return FALSE;
      ctx->departments[i] = sqlite3_last_insert_rowid (_crm_store_get_db (ctx->store));
      _crm_store_note_change (ctx->store, CRM_CHANGE_CATALOG, ctx->departments[i], 0);
    }
  return TRUE;
}

/* A colleague's user; one with the same login (from an earlier demo whose
 * elements were deleted) is used as it is. */
static gboolean
insert_colleague (DemoContext          *ctx,
                  const DemoColleague  *colleague,
                  const char           *joined,
                  gint64               *user_id,
                  GError              **error)
{
  g_autofree char *email = g_strconcat (colleague->login, "@" DEMO_MAIL_DOMAIN, NULL);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (ctx->store,
                             "INSERT INTO users (login, name, email, position, created_at) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, colleague->login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, colleague->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, colleague->position, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, joined, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (ctx->store, stmt, error))
    return FALSE;

  stmt = _crm_store_prepare (ctx->store, "SELECT id FROM users WHERE login = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, colleague->login, -1, SQLITE_STATIC);
  return query_id (ctx->store, stmt, user_id, error);
}

/* Their department, the employee role (unless they have a role already:
 * UNIQUE does not see NULL departments as equal) and, for heads, the head
 * of the department. */
static gboolean
place_colleague (DemoContext          *ctx,
                 const DemoColleague  *colleague,
                 gint64                user_id,
                 GError              **error)
{
  gint64 department = ctx->departments[colleague->department];

  return run_with_ids (ctx->store,
                       "INSERT OR IGNORE INTO user_departments (user_id, department_id) VALUES (?1, ?2)",
                       user_id, department, error) &&
         run_with_ids (ctx->store,
                       "INSERT INTO role_assignments (role_id, user_id) "
                       "SELECT r.id, ?1 FROM roles r WHERE r.code = 'employee' "
                       "  AND NOT EXISTS (SELECT 1 FROM role_assignments a WHERE a.user_id = ?1)",
                       user_id, 0, error) &&
         (!colleague->is_head ||
          run_with_ids (ctx->store,
                        "UPDATE departments SET head_id = ?1 WHERE id = ?2 AND head_id IS NULL",
                        user_id, department, error));
}

static gboolean
add_people (DemoContext  *ctx,
            GError      **error)
{
  g_autoptr(GDateTime) hired = g_date_time_new_from_unix_utc (ctx->now - 2 * YEAR);
  g_autofree char *joined = _crm_timestamp_from_datetime (hired);

  if (!add_departments (ctx, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_colleagues); i++)
    {
      const DemoColleague *colleague = &demo_colleagues[i];

      if (!insert_colleague (ctx, colleague, joined, &ctx->colleagues[i], error) ||
          !place_colleague (ctx, colleague, ctx->colleagues[i], error))
        return FALSE;
      if (colleague->sells)
        g_array_append_val (ctx->sellers, ctx->colleagues[i]);
      _crm_store_note_change (ctx->store, CRM_CHANGE_CATALOG, ctx->colleagues[i], 0);
    }
  return TRUE;
}

/* "Projetos corporativos", the second deal pipeline, unless it is there. */
static gboolean
add_corporate_pipeline (DemoContext  *ctx,
                        GError      **error)
{
  CrmEntityType *deal = crm_catalog_find_entity_type (ctx->catalog, "deal");
  GListModel *pipelines;

  if (deal == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no kind of element called “%s”"), "deal");
      return FALSE;
    }

  pipelines = crm_catalog_get_pipelines (ctx->catalog, crm_entity_type_get_id (deal));
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (g_str_equal (crm_pipeline_get_code (pipeline), "corporate"))
        {
          ctx->corporate_id = crm_pipeline_get_id (pipeline);
          return TRUE;
        }
    }

  ctx->corporate_id = _crm_builtin_add_pipeline (ctx->store, crm_entity_type_get_id (deal),
                                                 "corporate", "Projetos corporativos", FALSE,
                                                 demo_corporate_stages,
                                                 G_N_ELEMENTS (demo_corporate_stages), error);
  return ctx->corporate_id != 0;
}

/* ---- Companies and contacts ------------------------------------------------------------ */

static gboolean
fill_company_contacts (DemoContext        *ctx,
                       CrmElementDraft    *draft,
                       const DemoCompany  *company,
                       GError            **error)
{
  g_autoptr(GPtrArray) phones = new_values ();
  g_autoptr(GPtrArray) emails = new_values ();
  g_autoptr(GPtrArray) messengers = new_values ();
  g_autoptr(GPtrArray) websites = new_values ();
  g_autofree char *phone = make_phone (ctx, company->city, FALSE);
  g_autofree char *second = chance (ctx, 30) ? make_phone (ctx, company->city, FALSE) : NULL;
  g_autofree char *whatsapp = chance (ctx, 35) ? make_phone (ctx, company->city, TRUE) : NULL;
  g_autofree char *contact = g_strconcat ("contato@", company->domain, NULL);
  g_autofree char *finance = g_strconcat ("financeiro@", company->domain, NULL);
  g_autofree char *site = g_strconcat ("https://www.", company->domain, NULL);

  if (!add_phone (phones, phone, "work", error) ||
      (second != NULL && !add_phone (phones, second, "work", error)))
    return FALSE;
  add_text (emails, CRM_FIELD_TYPE_EMAIL, contact, "work");
  if (chance (ctx, 50))
    add_text (emails, CRM_FIELD_TYPE_EMAIL, finance, "work");
  if (whatsapp != NULL)
    add_text (messengers, CRM_FIELD_TYPE_MESSENGER, whatsapp, "whatsapp");
  add_text (websites, CRM_FIELD_TYPE_URL, site, NULL);

  set_values (ctx, draft, "phone", phones);
  set_values (ctx, draft, "email", emails);
  set_values (ctx, draft, "messenger", messengers);
  set_values (ctx, draft, "website", websites);
  return TRUE;
}

static gboolean
add_company (DemoContext  *ctx,
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

  company.name = make_company_name (ctx, &kind);
  slug = make_slug (company.name, "");
  company.domain = keep (ctx, g_strconcat (slug, ".com.br", NULL));
  company.city = pick (ctx, G_N_ELEMENTS (demo_cities));
  company.created = between (ctx, ctx->now - YEAR, ctx->now - 30 * DAY);
  company.responsible = pick_seller (ctx);
  title = kind->legal ? g_strconcat (company.name, " ", PICK (ctx, demo_legal_suffixes), NULL)
                      : g_strdup (company.name);
  employees = pick (ctx, G_N_ELEMENTS (demo_employee_ranges));
  revenue = g_strdup_printf ("%" G_GINT64_FORMAT "000.00 BRL",
                             between (ctx, revenue_from[employees], revenue_to[employees]));
  cnpj = make_cnpj (ctx);
  address = make_address (ctx, company.city);
  billing = chance (ctx, 20) ? make_address (ctx, company.city) : NULL;

  draft = new_draft (ctx, "company", company.responsible, error);
  if (draft == NULL ||
      !set_inputs (draft, error, "title", title, "revenue", revenue, "tax_id", cnpj,
                   "address", address, "billing_address", billing,
                   "comments", chance (ctx, 25) ? PICK (ctx, demo_company_notes) : NULL, NULL) ||
      !fill_company_contacts (ctx, draft, &company, error))
    return FALSE;
  set_key (ctx, draft, "company_type", PICK (ctx, demo_company_types));
  set_key (ctx, draft, "industry", kind->industry);
  set_key (ctx, draft, "employees", demo_employee_ranges[employees]);
  set_key (ctx, draft, "source", PICK (ctx, demo_sources));

  company.id = save_draft (ctx, draft, company.created, company.responsible, 1.0, error);
  if (company.id == 0)
    return FALSE;
  g_array_append_val (ctx->companies, company);
  return TRUE;
}

/* Name, position, phones, e-mails and messengers of a contact or a lead;
 * @company (may be NULL) gives the work address and phone. */
static gboolean
fill_person (DemoContext        *ctx,
             CrmElementDraft    *draft,
             const DemoPerson   *person,
             const DemoCompany  *company,
             guint               city,
             GError            **error)
{
  g_autoptr(GPtrArray) phones = new_values ();
  g_autoptr(GPtrArray) emails = new_values ();
  g_autoptr(GPtrArray) messengers = new_values ();
  g_autofree char *first = make_slug (person->first, "");
  g_autofree char *family = make_slug (person->family, "");
  g_autofree char *mobile = make_phone (ctx, city, TRUE);
  g_autofree char *office = company != NULL && chance (ctx, 50) ? make_phone (ctx, city, FALSE) : NULL;
  g_autofree char *work_mail = company != NULL ? g_strdup_printf ("%s.%s@%s", first, family, company->domain) : NULL;
  g_autofree char *home_mail = company == NULL || chance (ctx, 30)
                               ? g_strdup_printf ("%s.%s@%s", first, family, PICK (ctx, demo_personal_mail)) : NULL;
  g_autofree char *telegram = chance (ctx, 15) ? g_strdup_printf ("@%s_%s", first, family) : NULL;
  const DemoPosition *position = &PICK (ctx, demo_positions);
  const char *honorific = chance (ctx, 12) ? "dr" : person->female ? "mrs" : "mr";

  if (!add_phone (phones, mobile, "mobile", error) ||
      (office != NULL && !add_phone (phones, office, "work", error)))
    return FALSE;
  if (work_mail != NULL)
    add_text (emails, CRM_FIELD_TYPE_EMAIL, work_mail, "work");
  if (home_mail != NULL)
    add_text (emails, CRM_FIELD_TYPE_EMAIL, home_mail, "home");
  if (chance (ctx, 70))
    add_text (messengers, CRM_FIELD_TYPE_MESSENGER, mobile, "whatsapp");
  if (telegram != NULL)
    add_text (messengers, CRM_FIELD_TYPE_MESSENGER, telegram, "telegram");

  set_values (ctx, draft, "phone", phones);
  set_values (ctx, draft, "email", emails);
  set_values (ctx, draft, "messenger", messengers);
  set_key (ctx, draft, "honorific", honorific);
  return set_inputs (draft, error, "name", person->first, "second_name", person->second,
                     "last_name", person->last,
                     "position", person->female ? position->female : position->male, NULL);
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

static gboolean
add_contact (DemoContext  *ctx,
             GError      **error)
{
  DemoContact contact = { 0 };
  const DemoCompany *company = NULL;
  DemoPerson person;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *birthdate = NULL, *address = NULL, *cpf = NULL;
  gint64 earliest = ctx->now - YEAR, responsible;
  guint city;

  make_person (ctx, &person);
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
  birthdate = chance (ctx, 70) ? format_date (between (ctx, ctx->now - 65 * YEAR, ctx->now - 22 * YEAR)) : NULL;
  address = chance (ctx, 30) ? make_address (ctx, city) : NULL;
  cpf = chance (ctx, 40) ? make_cpf (ctx) : NULL;

  draft = new_draft (ctx, "contact", responsible, error);
  if (draft == NULL ||
      !fill_person (ctx, draft, &person, company, city, error) ||
      !set_inputs (draft, error, "address", address, "birthdate", birthdate, "tax_id", cpf,
                   "source_description", chance (ctx, 30) ? PICK (ctx, demo_source_notes) : NULL, NULL))
    return FALSE;
  set_link (ctx, draft, "company", company != NULL ? company->id : 0);
  set_key (ctx, draft, "contact_type", company != NULL ? PICK (ctx, demo_contact_types) : "other");
  set_key (ctx, draft, "source", PICK (ctx, demo_sources));

  contact.id = save_draft (ctx, draft, contact.created, responsible, 1.0, error);
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
  guint n_progress = MAX (count_progress (stages), 1);
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
  g_autofree char *start = format_date (deal->created);
  g_autofree char *close = format_date (deal->closed != 0 ? deal->closed
                                        : between (ctx, ctx->now + 7 * DAY, ctx->now + 120 * DAY));
  g_autofree char *probability = make_probability (ctx, pipeline_id, stage);
  const char *note = chance (ctx, 20) ? PICK (ctx, demo_source_notes) : NULL;
  const char *comment = chance (ctx, 15) ? PICK (ctx, demo_comments) : NULL;

  set_link (ctx, draft, "contact", deal->contact_id);
  set_link (ctx, draft, "company", deal->company_id);
  set_key (ctx, draft, "deal_type", service->deal_type);
  set_key (ctx, draft, "source", PICK (ctx, demo_sources));
  return set_inputs (draft, error, "title", title, "amount", amount, "start_date", start,
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

static gboolean
add_deal (DemoContext  *ctx,
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
  stage = pick_stage (ctx, pipeline_id);
  deal.semantics = stage != NULL ? crm_stage_get_semantics (stage) : CRM_STAGE_PROGRESS;
  last_change = plan_times (ctx, earliest, 120 * DAY, deal.semantics != CRM_STAGE_PROGRESS,
                            &deal.created, &deal.closed);

  draft = new_draft (ctx, "deal", deal.responsible, error);
  if (draft == NULL)
    return FALSE;
  crm_element_draft_set_pipeline (draft, pipeline_id);
  if (stage != NULL)
    crm_element_draft_set_stage (draft, crm_stage_get_id (stage));
  if (!fill_deal (ctx, draft, &deal, pipeline_id, stage, error))
    return FALSE;

  deal.id = save_draft (ctx, draft, deal.created, deal.responsible, deal.closed ? 3.0 : 5.0, error);
  if (deal.id == 0 ||
      !add_stage_history (ctx, deal.id, deal.responsible, pipeline_id, crm_element_draft_get_stage (draft),
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
  g_autofree char *slug = NULL, *what = lower_first (service->title), *title = NULL;
  g_autofree char *address = NULL;

  make_person (ctx, &person);
  prospect.name = make_company_name (ctx, NULL);
  prospect.city = pick (ctx, G_N_ELEMENTS (demo_cities));
  slug = make_slug (prospect.name, "");
  prospect.domain = keep (ctx, g_strconcat (slug, ".com.br", NULL));
  title = g_strconcat (PICK (ctx, demo_lead_titles), what, " — ", prospect.name, NULL);
  address = chance (ctx, 30) ? make_address (ctx, prospect.city) : NULL;

  set_key (ctx, draft, "source", PICK (ctx, demo_sources));
  return fill_person (ctx, draft, &person, &prospect, prospect.city, error) &&
         set_inputs (draft, error, "title", title, "company_name", prospect.name,
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
  g_autofree char *what = lower_first (service->title);
  g_autofree char *title = g_strconcat ("Nova compra: ", what, " — ",
                                        company != NULL ? company->name : contact->name, NULL);

  crm_element_draft_set_lead_kind (draft, crm_catalog_find_lead_kind (ctx->catalog, "repeat"));
  set_link (ctx, draft, "contact", contact->id);
  set_link (ctx, draft, "company", company != NULL ? company->id : 0);
  set_key (ctx, draft, "source", "existing");
  return set_inputs (draft, error, "title", title, NULL);
}

static gboolean
add_lead (DemoContext  *ctx,
          GError      **error)
{
  const DemoService *service = &PICK (ctx, demo_services);
  const DemoContact *contact = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *amount = NULL;
  gint64 pipeline_id = default_pipeline (ctx, "lead"), responsible = pick_seller (ctx);
  gint64 id, created, closed, last_change;
  CrmStage *stage = pick_stage (ctx, pipeline_id);
  gboolean ended = stage != NULL && crm_stage_get_semantics (stage) != CRM_STAGE_PROGRESS;

  if (crm_catalog_find_lead_kind (ctx->catalog, "repeat") != 0 && chance (ctx, 20))
    contact = pick_contact (ctx, -1);
  last_change = plan_times (ctx, contact != NULL ? contact->created : 0, 45 * DAY, ended, &created, &closed);
  if (chance (ctx, 60))
    amount = g_strdup_printf ("%" G_GINT64_FORMAT ".00 BRL",
                              between (ctx, service->min_reais, service->max_reais) / 100 * 100);

  draft = new_draft (ctx, "lead", responsible, error);
  if (draft == NULL)
    return FALSE;
  if (stage != NULL)
    crm_element_draft_set_stage (draft, crm_stage_get_id (stage));
  if (!(contact != NULL ? fill_repeat_lead (ctx, draft, service, contact, error)
                        : fill_regular_lead (ctx, draft, service, error)) ||
      !set_inputs (draft, error, "amount", amount,
                   "source_description", chance (ctx, 40) ? PICK (ctx, demo_source_notes) : NULL, NULL))
    return FALSE;

  id = save_draft (ctx, draft, created, responsible, 3.0, error);
  return id != 0 &&
         add_stage_history (ctx, id, responsible, pipeline_id, crm_element_draft_get_stage (draft),
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
  set_link (ctx, draft, "deal", deal->id);
  set_link (ctx, draft, "contact", deal->contact_id);
  set_link (ctx, draft, "company", deal->company_id);
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

static gboolean
add_quote (DemoContext  *ctx,
           GError      **error)
{
  DemoDeal *deal = pick_deal (ctx, FALSE);
  const DemoService *service = &demo_services[deal != NULL ? deal->service : pick (ctx, G_N_ELEMENTS (demo_services))];
  gint64 pipeline_id = default_pipeline (ctx, "quote"), responsible, created, last_change, id;
  gint64 stage_id = find_stage (ctx, pipeline_id, quote_stage (ctx, deal));
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
  date = format_date (created);
  valid = format_date (created + (chance (ctx, 50) ? 15 : 30) * DAY);
  content = g_strdup_printf ("1 × %s\n%s", service->title, PICK (ctx, demo_quote_extras));

  draft = new_draft (ctx, "quote", responsible, error);
  if (draft == NULL)
    return FALSE;
  if (stage_id != 0)
    crm_element_draft_set_stage (draft, stage_id);
  if (deal != NULL)
    link_deal (ctx, draft, deal);
  if (!set_inputs (draft, error, "title", title, "amount", amount, "quote_date", date,
                   "valid_until", valid, "content", content, "terms", PICK (ctx, demo_quote_terms), NULL))
    return FALSE;

  id = save_draft (ctx, draft, created, responsible, 1.0, error);
  if (id == 0)
    return FALSE;
  if (deal != NULL)
    deal->quote_id = id;
  return add_stage_history (ctx, id, responsible, pipeline_id, crm_element_draft_get_stage (draft),
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
  g_autofree char *issue_date = format_date (issued);
  g_autofree char *due_date = format_date (issued + (chance (ctx, 70) ? 30 : 15) * DAY);
  g_autofree char *payment_date = paid != 0 ? format_date (paid) : NULL;

  if (deal != NULL)
    {
      link_deal (ctx, draft, deal);
      set_link (ctx, draft, "quote", deal->quote_id);
    }
  set_key (ctx, draft, "payment_method", PICK (ctx, demo_payment_methods));
  return set_inputs (draft, error, "title", title, "number", number, "amount", amount,
                     "issue_date", issue_date, "due_date", due_date, "payment_date", payment_date, NULL);
}

static gboolean
add_invoice (DemoContext  *ctx,
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

  draft = new_draft (ctx, "invoice", responsible, error);
  if (draft == NULL)
    return FALSE;
  if (find_stage (ctx, pipeline_id, stage) != 0)
    crm_element_draft_set_stage (draft, find_stage (ctx, pipeline_id, stage));
  if (!fill_invoice (ctx, draft, deal, issued, paid, error))
    return FALSE;

  id = save_draft (ctx, draft, issued, responsible, 1.0, error);
  return id != 0 &&
         add_stage_history (ctx, id, responsible, pipeline_id, crm_element_draft_get_stage (draft),
                            issued, last_change, error);
}

/* ---- Conversations ------------------------------------------------------------------------ */

/* Deals and leads are talked about the most (see the weights of save_draft). */
static const DemoTarget *
pick_target (DemoContext *ctx)
{
  const DemoTarget *targets = (const DemoTarget *) (gpointer) ctx->targets->data;
  double roll = g_rand_double (ctx->rand) * targets[ctx->targets->len - 1].weight;
  guint low = 0, high = ctx->targets->len - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (targets[middle].weight <= roll)
        low = middle + 1;
      else
        high = middle;
    }
  return &targets[low];
}

static char *
make_conversation (DemoContext  *ctx,
                   CrmEntryKind *kind)
{
  guint roll = pick (ctx, 100);
  guint minutes = 1 + pick (ctx, 25);
  gboolean outgoing = chance (ctx, 65);

  if (roll < 35)
    {
      *kind = CRM_ENTRY_COMMENT;
      return g_strdup (PICK (ctx, demo_comments));
    }
  if (roll < 60)
    {
      *kind = CRM_ENTRY_CALL;
      return g_strdup_printf ("%s, %u min — %s", outgoing ? "Ligação de saída" : "Ligação recebida",
                              minutes, PICK (ctx, demo_call_outcomes));
    }
  if (roll < 82)
    {
      *kind = CRM_ENTRY_EMAIL;
      return g_strdup (PICK (ctx, demo_email_subjects));
    }
  if (roll < 92)
    {
      *kind = CRM_ENTRY_ACTIVITY;
      return g_strdup (PICK (ctx, demo_meetings));
    }
  *kind = CRM_ENTRY_MESSENGER;
  return g_strdup (PICK (ctx, demo_messages));
}

/* Comments, calls, e-mails, meetings and messages, after each element was
 * made; by its responsible person, the session's user or a colleague. */
static gboolean
add_conversations (DemoContext  *ctx,
                   GError      **error)
{
  for (guint i = 0; ctx->targets->len > 0 && i < ctx->size->timeline_entries; i++)
    {
      const DemoTarget *target = pick_target (ctx);
      gint64 earliest = MIN (target->created + 10 * MINUTE, MAX (target->created, ctx->now - MINUTE));
      gint64 when = between (ctx, earliest, ctx->now - MINUTE);
      guint roll = pick (ctx, 10);
      gint64 author = roll < 5 ? target->responsible
                      : roll < 8 ? crm_session_get_user_id (ctx->session)
                      : PICK (ctx, ctx->colleagues);
      CrmEntryKind kind;
      g_autofree char *text = make_conversation (ctx, &kind);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);
      g_autofree char *stamp = _crm_timestamp_from_datetime (time);

      if (_crm_timeline_insert (ctx->store, target->id, kind, author, stamp, text, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* ---- Filling ------------------------------------------------------------------------------ */

static void
demo_context_init (DemoContext       *ctx,
                   CrmSession        *session,
                   const CrmDemoSize *size,
                   guint32            seed)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  *ctx = (DemoContext) {
    .session = session,
    .store = crm_session_get_store (session),
    .catalog = crm_store_get_catalog (crm_session_get_store (session)),
    .size = size,
    .rand = g_rand_new_with_seed (seed),
    .strings = g_string_chunk_new (4096),
    .company_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .now = g_date_time_to_unix (now),
    .sellers = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .companies = g_array_sized_new (FALSE, FALSE, sizeof (DemoCompany), size->companies),
    .contacts = g_array_sized_new (FALSE, FALSE, sizeof (DemoContact), size->contacts),
    .deals = g_array_sized_new (FALSE, FALSE, sizeof (DemoDeal), size->deals),
    .targets = g_array_new (FALSE, FALSE, sizeof (DemoTarget)),
  };
}

static void
demo_context_clear (DemoContext *ctx)
{
  g_clear_pointer (&ctx->rand, g_rand_free);
  g_clear_pointer (&ctx->strings, g_string_chunk_free);
  g_clear_pointer (&ctx->company_names, g_hash_table_unref);
  g_clear_pointer (&ctx->sellers, g_array_unref);
  g_clear_pointer (&ctx->companies, g_array_unref);
  g_clear_pointer (&ctx->contacts, g_array_unref);
  g_clear_pointer (&ctx->deals, g_array_unref);
  g_clear_pointer (&ctx->targets, g_array_unref);
}

/* Each kind needs the ones before it: contacts work at companies, deals
 * are with both, quotes and invoices follow deals. */
static gboolean
add_elements (DemoContext  *ctx,
              GError      **error)
{
  static const struct {
    gsize      size_offset;
    gboolean (*add) (DemoContext *ctx, GError **error);
  } steps[] = {
    { G_STRUCT_OFFSET (CrmDemoSize, companies), add_company },
    { G_STRUCT_OFFSET (CrmDemoSize, contacts), add_contact },
    { G_STRUCT_OFFSET (CrmDemoSize, deals), add_deal },
    { G_STRUCT_OFFSET (CrmDemoSize, leads), add_lead },
    { G_STRUCT_OFFSET (CrmDemoSize, quotes), add_quote },
    { G_STRUCT_OFFSET (CrmDemoSize, invoices), add_invoice },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint count = G_STRUCT_MEMBER (guint, ctx->size, steps[i].size_offset);

      for (guint j = 0; j < count; j++)
        if (!steps[i].add (ctx, error))
          return FALSE;
    }
  return add_conversations (ctx, error);
}

/* ---- Public API ------------------------------------------------------------------------------ */

const CrmDemoSize *
crm_demo_get_default_size (void)
{
  static const CrmDemoSize size = {
    .contacts = 200,
    .companies = 100,
    .deals = 150,
    .leads = 80,
    .quotes = 40,
    .invoices = 40,
    .timeline_entries = 5000,
  };

  return &size;
}

gboolean
crm_demo_fill (CrmSession         *session,
               const CrmDemoSize  *size,
               guint32             seed,
               GError            **error)
{
  DemoContext ctx;
  CrmStore *store;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = crm_session_get_store (session);
  if (!crm_store_is_empty (store))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                   _("Sample data can only be added to an empty database"));
      return FALSE;
    }
  if (!crm_store_begin (store, error))
    return FALSE;

  demo_context_init (&ctx, session, size, seed);
  /* The reload lets drafts see the new colleagues and pipeline before
   * the commit (see the top of this file). */
  ok = add_people (&ctx, error) &&
       add_corporate_pipeline (&ctx, error) &&
       _crm_catalog_reload (ctx.catalog, error) &&
       add_elements (&ctx, error);
  demo_context_clear (&ctx);

  if (!ok)
    {
      crm_store_rollback (store);
      /* Inside a caller's transaction the rollback only drops a savepoint
       * and leaves the catalog with our colleagues in it. */
      _crm_catalog_reload (crm_store_get_catalog (store), NULL);
      return FALSE;
    }
  /* A failed commit rolls back by itself. */
  return crm_store_commit (store, error);
}
