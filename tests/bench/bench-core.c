/* bench-core.c — the core's performance goals, measured
 *
 * One process runs the four cases, because the database of the first feeds
 * the others:
 *
 *   bulk_create               N contacts with 20 custom fields in one
 *                             transaction, against raw SQLite writing the
 *                             same rows (goal: ratio ≤ 1.5)
 *   card_open_p50/p99         random card opens on N contacts with M
 *                             timeline entries (goals: 2 ms / 10 ms)
 *   timeline_last_page_ratio  the last keyset page of a 100k-entry timeline
 *                             against its first page (goal: ≤ 1.5)
 *   search_p50                the first page of a search in the contact list
 *                             (goal: ≤ 10 ms)
 *
 * Each case prints one "BENCH <case> <value> <unit>[ ratio=<x>]" line on
 * stdout; everything else (generation times, details) goes to stderr.
 *
 * Sizes come from the environment so a quick run is possible:
 *   CLIENTELE_BENCH_ELEMENTS      contacts                  (100000)
 *   CLIENTELE_BENCH_ENTRIES       timeline entries, spread  (1000000)
 *   CLIENTELE_BENCH_LONG_ENTRIES  entries on one element    (100000)
 *   CLIENTELE_BENCH_OPENS         card opens timed          (2000)
 *   CLIENTELE_BENCH_SEARCHES      searches timed            (500)
 *   CLIENTELE_BENCH_PAGE_REPEATS  fetches of each timeline page timed (200)
 *   CLIENTELE_BENCH_CASES         comma list of bulk,card,timeline,search (all)
 *   CLIENTELE_BENCH_TIMELINE_GEN  "api" (crm_timeline_add_entry) or "sql"
 *   CLIENTELE_BENCH_KEEP          set to keep the temporary databases
 *   CLIENTELE_BENCH_RAW_SAVEPOINTS set to wrap each baseline contact in
 *                                 SAVEPOINT/RELEASE like a nested
 *                                 crm_element_draft_save (diagnosis only)
 *   CLIENTELE_BENCH_SEED          random seed (20261127)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "clientele-core.h"

#define POOL_SIZE      1009   /* values per custom field, a prime */
#define N_CUSTOM       20
#define N_SLOTS        (3 + N_CUSTOM)
#define TIMELINE_PAGE  50

/* ---- Sizes and options ----------------------------------------------------- */

typedef struct
{
  guint     n_elements;
  guint     n_entries;
  guint     n_long;
  guint     n_opens;
  guint     n_searches;
  guint     page_repeats;
  guint32   seed;
  gboolean  keep;
  gboolean  raw_savepoints;
  gboolean  timeline_sql;
  gboolean  run_bulk;
  gboolean  run_card;
  gboolean  run_timeline;
  gboolean  run_search;
} Options;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 number;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &number, NULL))
    {
      g_printerr ("# %s=%s is not a positive number; using %u\n", name, text, fallback);
      return fallback;
    }
  return (guint)number;
}

static void
read_options (Options *o)
{
  const char *cases = g_getenv ("CLIENTELE_BENCH_CASES");
  const char *gen = g_getenv ("CLIENTELE_BENCH_TIMELINE_GEN");

  o->n_elements = env_uint ("CLIENTELE_BENCH_ELEMENTS", 100000);
  o->n_entries = env_uint ("CLIENTELE_BENCH_ENTRIES", 1000000);
  o->n_long = env_uint ("CLIENTELE_BENCH_LONG_ENTRIES", 100000);
  o->n_opens = env_uint ("CLIENTELE_BENCH_OPENS", 2000);
  o->n_searches = env_uint ("CLIENTELE_BENCH_SEARCHES", 500);
  o->page_repeats = env_uint ("CLIENTELE_BENCH_PAGE_REPEATS", 200);
  o->seed = env_uint ("CLIENTELE_BENCH_SEED", 20261127);
  o->keep = g_getenv ("CLIENTELE_BENCH_KEEP") != NULL;
  o->raw_savepoints = g_getenv ("CLIENTELE_BENCH_RAW_SAVEPOINTS") != NULL;
  o->timeline_sql = g_strcmp0 (gen, "sql") == 0;

  if (cases == NULL || *cases == '\0')
    o->run_bulk = o->run_card = o->run_timeline = o->run_search = TRUE;
  else
    {
      g_auto(GStrv) names = g_strsplit (cases, ",", -1);

      o->run_bulk = g_strv_contains ((const char * const *)names, "bulk");
      o->run_card = g_strv_contains ((const char * const *)names, "card");
      o->run_timeline = g_strv_contains ((const char * const *)names, "timeline");
      o->run_search = g_strv_contains ((const char * const *)names, "search");
    }
}

/* ---- Realistic data ------------------------------------------------------------ */

static const char *first_names[] = {
  "João", "José", "Antônio", "Sebastião", "Maria", "Ana", "Márcia", "Fátima",
  "Luís", "Conceição", "Vitória", "Cecília", "Otávio", "Flávio", "Letícia",
  "Patrícia", "Lúcia", "Inês", "Ângela", "Júlia", "André", "Marcos", "Rafael",
  "Gabriel", "Lucas", "Pedro", "Thiago", "Bruno", "Fernanda", "Juliana",
  "Camila", "Beatriz", "Larissa", "Simão", "Estêvão", "Caio", "Renata",
  "Raimundo", "Francisco", "Carlos", "Paulo", "Sérgio", "Rogério", "Cláudio",
  "Débora", "Mônica", "Glória", "Tânia", "Sônia", "Heloísa",
};

static const char *last_names[] = {
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves",
  "Pereira", "Lima", "Gomes", "Ribeiro", "Carvalho", "Araújo", "Magalhães",
  "Gonçalves", "Conceição", "Damião", "Assunção", "Brandão", "Simões",
  "Guimarães", "Falcão", "Fontes", "Barbosa", "Rocha", "Dias", "Nascimento",
  "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
  "Cardoso", "Ramos", "Peixoto", "Teixeira", "Vieira", "Cavalcanti",
  "Albuquerque", "Brito", "Castro", "Sá", "Loureiro", "Quintão", "Leão",
  "Tavares", "Antunes", "Galvão",
};

static const char *mail_domains[] = {
  "gmail.com", "hotmail.com", "uol.com.br", "terra.com.br", "yahoo.com.br",
  "bol.com.br", "outlook.com", "globo.com", "empresa.com.br", "ig.com.br",
};

static const char *company_words[] = {
  "Comércio", "Indústria", "Serviços", "Logística", "Tecnologia", "Alimentos",
  "Construções", "Transportes", "Consultoria", "Distribuidora", "Agropecuária",
  "Têxtil", "Farmacêutica", "Engenharia", "Importação",
};

static const char *company_suffixes[] = { "Ltda", "S.A.", "ME", "EIRELI", "& Filhos" };

static const char *cities[] = {
  "São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre",
  "Salvador", "Recife", "Fortaleza", "Goiânia", "Florianópolis", "Belém",
  "Manaus", "Vitória", "Maceió", "São Luís", "Ribeirão Preto", "Campinas",
  "Niterói", "Londrina", "Uberlândia",
};

static const char *departments[] = {
  "Compras", "Financeiro", "Diretoria", "Jurídico", "Logística", "Marketing",
  "Vendas", "Recursos Humanos", "TI", "Operações", "Manutenção", "Qualidade",
};

static const char *notes[] = {
  "Prefere contato por WhatsApp depois das 14h.",
  "Pediu proposta revisada com desconto à vista.",
  "Cliente antigo, indicado pela filial de Campinas.",
  "Não ligar às sextas-feiras; reuniões com a diretoria.",
  "Interessado na linha nova; enviar catálogo em PDF.",
  "Aguardando aprovação do orçamento pelo financeiro.",
  "Visitou o estande na feira de São Paulo.",
  "Pagamento sempre por boleto, vencimento dia 10.",
  "Trocou de empresa em março; atualizar cadastro.",
  "Solicitou demonstração presencial na sede.",
};

static const char *entry_texts[] = {
  "Liguei para o cliente, retornar amanhã às 10h.",
  "Enviada a proposta comercial atualizada.",
  "Cliente confirmou a reunião de quinta-feira.",
  "Pediu desconto de 5% para pagamento à vista.",
  "Reunião realizada; próximos passos definidos.",
  "Mensagem no WhatsApp sem resposta até agora.",
  "Contrato revisado pelo jurídico do cliente.",
  "E-mail com o catálogo de produtos enviado.",
  "Cliente informou mudança de endereço de entrega.",
  "Follow-up agendado para a próxima semana.",
  "Negociação de prazo: 30/60/90 dias.",
  "Solicitou segunda via do boleto.",
};

static const CrmEntryKind entry_kinds[] = {
  CRM_ENTRY_COMMENT, CRM_ENTRY_COMMENT, CRM_ENTRY_COMMENT, CRM_ENTRY_CALL,
  CRM_ENTRY_EMAIL, CRM_ENTRY_SMS, CRM_ENTRY_MESSENGER, CRM_ENTRY_ACTIVITY,
};

/* What people type into the search box of the contact list. */
static const char *search_first_names[] = {
  "Maria", "José", "Ana", "Lucas", "Fernanda", "Paulo", "Cecília", "Otávio",
  "Beatriz", "Rafael", "Sônia", "André",
};
static const char *search_last_prefixes[] = {
  "Sil", "Sant", "Oliv", "Souz", "Rodr", "Ferr", "Arau", "Gonç", "Guim",
  "Bran", "Simõ", "Cava", "Magá", "Nasc", "Albu", "Loure",
};
static const char *search_plain[] = {
  "joao", "sebastiao", "conceicao", "antonio", "fatima", "lucia", "monica",
  "gloria", "simao", "estevao", "assuncao", "magalhaes", "goncalves", "damiao",
  "leticia", "heloisa",
};
static const char *search_mail[] = {
  "gmail", "uol.com", "joao.silva", "maria.santos", "hotmail", "@terra",
  "ana.lima", "bol.com.br", "carlos.rocha", "jose.araujo", "@globo",
  "empresa.com",
};

/* ---- The 20 custom fields -------------------------------------------------------- */

typedef struct
{
  const char   *label;
  CrmFieldType  type;
} CustomSpec;

static const CustomSpec custom_specs[N_CUSTOM] = {
  { "Apelido",                  CRM_FIELD_TYPE_STRING },
  { "Empresa onde trabalha",    CRM_FIELD_TYPE_STRING },
  { "Departamento",             CRM_FIELD_TYPE_STRING },
  { "Observações",              CRM_FIELD_TYPE_TEXT },
  { "Histórico do relacionamento", CRM_FIELD_TYPE_TEXT },
  { "Número de funcionários",   CRM_FIELD_TYPE_INTEGER },
  { "Pontuação",                CRM_FIELD_TYPE_INTEGER },
  { "Desconto habitual (%)",    CRM_FIELD_TYPE_DECIMAL },
  { "Peso do último pedido (kg)", CRM_FIELD_TYPE_DECIMAL },
  { "Limite de crédito",        CRM_FIELD_TYPE_MONEY },
  { "Ticket médio",             CRM_FIELD_TYPE_MONEY },
  { "Primeiro contato",         CRM_FIELD_TYPE_DATE },
  { "Renovação do contrato",    CRM_FIELD_TYPE_DATE },
  { "Última interação",         CRM_FIELD_TYPE_DATETIME },
  { "Segmento",                 CRM_FIELD_TYPE_LIST },
  { "Região",                   CRM_FIELD_TYPE_LIST },
  { "E-mail pessoal",           CRM_FIELD_TYPE_EMAIL },
  { "Celular pessoal",          CRM_FIELD_TYPE_PHONE },
  { "Aceita newsletter",        CRM_FIELD_TYPE_BOOLEAN },
  { "Site pessoal",             CRM_FIELD_TYPE_URL },
};

static const char *segment_items[][2] = {
  { "varejo", "Varejo" }, { "atacado", "Atacado" }, { "industria", "Indústria" },
  { "servicos", "Serviços" }, { "governo", "Governo" }, { "agro", "Agronegócio" },
};
static const char *region_items[][2] = {
  { "norte", "Norte" }, { "nordeste", "Nordeste" }, { "centro_oeste", "Centro-Oeste" },
  { "sudeste", "Sudeste" }, { "sul", "Sul" },
};

/* ---- The state of a run ------------------------------------------------------------ */

typedef struct
{
  guint16    first;      /* index into first_names */
  guint16    last;       /* index into the last-name pool (pairs) */
  GPtrArray *email;      /* one CrmValue */
} ElementSpec;

typedef struct
{
  Options      o;
  char        *dir;
  char        *core_path;
  char        *raw_path;
  GRand       *rand;

  CrmStore    *store;
  CrmSession  *session;
  gint64       contact_type;
  gint64       user_id;

  /* Field ids by slot: 0 name, 1 last_name, 2 email, 3… custom. */
  gint64       slot_field[N_SLOTS];
  GPtrArray   *name_pool;                  /* of GPtrArray of CrmValue */
  GPtrArray   *last_pool;
  GPtrArray   *custom_pool[N_CUSTOM];
  ElementSpec *specs;
  GArray      *element_ids;                /* gint64, of the contacts */
} Bench;

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

/* CPU time of the process (user + system), to tell our own work from the
 * noise of a busy machine. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static double
ms (gint64 us)
{
  return us / 1000.0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @samples (sorted in place), in microseconds. */
static gint64
percentile (GArray *samples,
            double  p)
{
  guint rank;

  g_array_sort (samples, compare_gint64);
  rank = (guint)(p / 100.0 * samples->len + 0.999999);
  if (rank == 0)
    rank = 1;
  if (rank > samples->len)
    rank = samples->len;
  return g_array_index (samples, gint64, rank - 1);
}

static GPtrArray *
value_array (CrmValue *value)
{
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);

  g_ptr_array_add (values, value);
  return values;
}

/* What the core stores as sort_title (crm-element.c): case-folded, marks
 * removed. */
static char *
fold_title (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup (folded);
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_normalize (bare->str, bare->len, G_NORMALIZE_NFC);
}

/* "Conceição" → "conceicao", for e-mail addresses. */
static char *
ascii_word (const char *word)
{
  g_autofree char *folded = fold_title (word);
  GString *clean = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (clean, *p);
  return g_string_free (clean, FALSE);
}

static guint
custom_index (guint element,
              guint field)
{
  guint32 h = (element + 1) * 2654435761u ^ (field + 1) * 40503u;

  h ^= h >> 15;
  h *= 2246822519u;
  h ^= h >> 13;
  return h % POOL_SIZE;
}

static GPtrArray *
slot_values (Bench *b,
             guint  element,
             guint  slot)
{
  const ElementSpec *spec = &b->specs[element];

  switch (slot)
    {
    case 0:
      return g_ptr_array_index (b->name_pool, spec->first);
    case 1:
      return g_ptr_array_index (b->last_pool, spec->last);
    case 2:
      return spec->email;
    default:
      return g_ptr_array_index (b->custom_pool[slot - 3], custom_index (element, slot - 3));
    }
}

/* ---- Setup ------------------------------------------------------------------------ */

static CrmFieldOptions *
custom_options (CrmFieldType type,
                guint        index)
{
  CrmFieldOptions *options = crm_field_options_new ();

  switch (type)
    {
    case CRM_FIELD_TYPE_DECIMAL:
      options->precision = index == 8 ? 3 : 2;
      break;
    case CRM_FIELD_TYPE_MONEY:
      options->currency = g_strdup ("BRL");
      break;
    case CRM_FIELD_TYPE_LIST:
      if (index == 14)
        for (guint i = 0; i < G_N_ELEMENTS (segment_items); i++)
          crm_field_options_add_item (options, segment_items[i][0], segment_items[i][1]);
      else
        for (guint i = 0; i < G_N_ELEMENTS (region_items); i++)
          crm_field_options_add_item (options, region_items[i][0], region_items[i][1]);
      break;
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      break;
    }
  return options;
}

/* Creates the 20 custom fields of contacts; the same ids in every fresh
 * database, since both start from the same migrations. */
static gboolean
create_custom_fields (CrmSession  *session,
                      gint64       contact_type,
                      gint64      *ids,
                      GError     **error)
{
  for (guint i = 0; i < N_CUSTOM; i++)
    {
      g_autoptr(CrmFieldOptions) options = custom_options (custom_specs[i].type, i);

      ids[i] = crm_field_create (session, contact_type, custom_specs[i].label,
                                 custom_specs[i].type, FALSE, options, error);
      if (ids[i] == 0)
        return FALSE;
    }
  return TRUE;
}

static CrmValue *
make_custom_value (guint field,
                   guint k)
{
  const CustomSpec *spec = &custom_specs[field];
  CrmValue *value = NULL;
  char text[512];

  switch (spec->type)
    {
    case CRM_FIELD_TYPE_STRING:
      if (field == 0)
        {
          g_autofree char *nick = g_utf8_substring (first_names[k % G_N_ELEMENTS (first_names)], 0, 3);

          g_snprintf (text, sizeof text, "%s%s", nick, k % 3 == 0 ? "inho" : k % 3 == 1 ? "zinha" : "");
        }
      else if (field == 1)
        g_snprintf (text, sizeof text, "%s %s %s",
                    last_names[k % G_N_ELEMENTS (last_names)],
                    company_words[(k / 7) % G_N_ELEMENTS (company_words)],
                    company_suffixes[(k / 3) % G_N_ELEMENTS (company_suffixes)]);
      else
        g_snprintf (text, sizeof text, "%s — %s",
                    departments[k % G_N_ELEMENTS (departments)],
                    cities[(k / 5) % G_N_ELEMENTS (cities)]);
      value = crm_value_new_text (CRM_FIELD_TYPE_STRING, text);
      break;
    case CRM_FIELD_TYPE_TEXT:
      g_snprintf (text, sizeof text, "%s\n%s", notes[k % G_N_ELEMENTS (notes)],
                  notes[(k / 11 + field) % G_N_ELEMENTS (notes)]);
      value = crm_value_new_text (CRM_FIELD_TYPE_TEXT, text);
      break;
    case CRM_FIELD_TYPE_INTEGER:
      value = crm_value_new_number (CRM_FIELD_TYPE_INTEGER, field == 5 ? 1 + (k * 37) % 5000 : k % 101);
      break;
    case CRM_FIELD_TYPE_DECIMAL:
      value = crm_value_new_number (CRM_FIELD_TYPE_DECIMAL, field == 7 ? (k * 13) % 2500 : (k * 7919) % 1000000);
      break;
    case CRM_FIELD_TYPE_MONEY:
      value = crm_value_new_money (field == 9 ? 100000 + (gint64)k * 50000 : 1990 + (gint64)k * 733, "BRL");
      break;
    case CRM_FIELD_TYPE_DATE:
      g_snprintf (text, sizeof text, "%04u-%02u-%02u", 2015 + k % 12, 1 + k % 12, 1 + (k / 12) % 28);
      value = crm_value_new_text (CRM_FIELD_TYPE_DATE, text);
      break;
    case CRM_FIELD_TYPE_DATETIME:
      g_snprintf (text, sizeof text, "%04u-%02u-%02uT%02u:%02u:%02uZ", 2024 + k % 3, 1 + k % 12,
                  1 + (k / 12) % 28, k % 24, (k * 7) % 60, (k * 13) % 60);
      value = crm_value_new_text (CRM_FIELD_TYPE_DATETIME, text);
      break;
    case CRM_FIELD_TYPE_LIST:
      if (field == 14)
        value = crm_value_new_text (CRM_FIELD_TYPE_LIST, segment_items[k % G_N_ELEMENTS (segment_items)][0]);
      else
        value = crm_value_new_text (CRM_FIELD_TYPE_LIST, region_items[k % G_N_ELEMENTS (region_items)][0]);
      break;
    case CRM_FIELD_TYPE_EMAIL:
      {
        g_autofree char *first = ascii_word (first_names[k % G_N_ELEMENTS (first_names)]);

        g_snprintf (text, sizeof text, "%s%u@%s", first, 1950 + k % 60,
                    mail_domains[(k / 3) % G_N_ELEMENTS (mail_domains)]);
        value = crm_value_new_text (CRM_FIELD_TYPE_EMAIL, text);
        crm_value_set_kind (value, "home");
      }
      break;
    case CRM_FIELD_TYPE_PHONE:
      {
        static const guint ddd[] = { 11, 21, 31, 41, 51, 61, 71, 81, 85, 91 };

        g_snprintf (text, sizeof text, "(%u) 9%04u-%04u", ddd[k % G_N_ELEMENTS (ddd)],
                    1000 + (k * 7) % 9000, (k * 7919) % 10000);
        value = crm_value_new_text (CRM_FIELD_TYPE_PHONE, text);
        value->aux = crm_phone_normalize (text, "55", NULL);
        crm_value_set_kind (value, "mobile");
      }
      break;
    case CRM_FIELD_TYPE_BOOLEAN:
      value = crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN, k % 2);
      break;
    case CRM_FIELD_TYPE_URL:
      {
        g_autofree char *last = ascii_word (last_names[k % G_N_ELEMENTS (last_names)]);

        g_snprintf (text, sizeof text, "https://www.%s%u.com.br/", last, k);
        value = crm_value_new_text (CRM_FIELD_TYPE_URL, text);
      }
      break;
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      g_assert_not_reached ();
    }
  return value;
}

static void
build_values (Bench *b)
{
  const guint n_last = G_N_ELEMENTS (last_names);

  b->name_pool = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (first_names); i++)
    g_ptr_array_add (b->name_pool, value_array (crm_value_new_text (CRM_FIELD_TYPE_STRING, first_names[i])));

  /* Brazilians usually carry two family names: "Silva Araújo". */
  b->last_pool = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < n_last * n_last; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", last_names[i / n_last], last_names[i % n_last]);

      g_ptr_array_add (b->last_pool, value_array (crm_value_new_text (CRM_FIELD_TYPE_STRING, text)));
    }

  for (guint f = 0; f < N_CUSTOM; f++)
    {
      b->custom_pool[f] = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      for (guint k = 0; k < POOL_SIZE; k++)
        g_ptr_array_add (b->custom_pool[f], value_array (make_custom_value (f, k)));
    }

  b->specs = g_new0 (ElementSpec, b->o.n_elements);
  for (guint i = 0; i < b->o.n_elements; i++)
    {
      ElementSpec *spec = &b->specs[i];
      guint l1 = g_rand_int_range (b->rand, 0, n_last);
      guint l2 = g_rand_int_range (b->rand, 0, n_last);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *address = NULL;
      CrmValue *email;

      spec->first = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (first_names));
      spec->last = l1 * n_last + l2;

      first = ascii_word (first_names[spec->first]);
      last = ascii_word (last_names[g_rand_boolean (b->rand) ? l1 : l2]);
      address = g_strdup_printf ("%s.%s%u@%s", first, last, i % 1000,
                                 mail_domains[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (mail_domains))]);
      email = crm_value_new_text (CRM_FIELD_TYPE_EMAIL, address);
      crm_value_set_kind (email, "work");
      spec->email = value_array (email);
    }
}

static void
free_values (Bench *b)
{
  for (guint i = 0; b->specs != NULL && i < b->o.n_elements; i++)
    g_clear_pointer (&b->specs[i].email, g_ptr_array_unref);
  g_clear_pointer (&b->specs, g_free);
  g_clear_pointer (&b->name_pool, g_ptr_array_unref);
  g_clear_pointer (&b->last_pool, g_ptr_array_unref);
  for (guint f = 0; f < N_CUSTOM; f++)
    g_clear_pointer (&b->custom_pool[f], g_ptr_array_unref);
}

static gboolean
open_core (Bench       *b,
           const char  *path,
           CrmStore   **store_out,
           CrmSession **session_out,
           GError     **error)
{
  g_autoptr(CrmStore) store = crm_store_open (path, error);
  g_autoptr(CrmSession) session = NULL;
  CrmEntityType *type;

  if (store == NULL)
    return FALSE;
  session = crm_session_new_for_desktop_user (store, error);
  if (session == NULL)
    return FALSE;
  type = crm_catalog_find_entity_type (crm_store_get_catalog (store), "contact");
  if (type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no contact type");
      return FALSE;
    }
  b->contact_type = crm_entity_type_get_id (type);
  *store_out = g_steal_pointer (&store);
  *session_out = g_steal_pointer (&session);
  return TRUE;
}

static gboolean
resolve_slots (Bench       *b,
               CrmCatalog  *catalog,
               gint64      *custom_ids,
               GError     **error)
{
  static const char *system_codes[] = { "name", "last_name", "email" };

  for (guint i = 0; i < G_N_ELEMENTS (system_codes); i++)
    {
      CrmField *field = crm_catalog_find_field (catalog, b->contact_type, system_codes[i]);

      if (field == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no contact field %s", system_codes[i]);
          return FALSE;
        }
      b->slot_field[i] = crm_field_get_id (field);
    }
  for (guint i = 0; i < N_CUSTOM; i++)
    b->slot_field[3 + i] = custom_ids[i];
  return TRUE;
}

/* ---- 1. bulk_create ------------------------------------------------------------------ */

static gboolean
core_bulk_create (Bench    *b,
                  gint64   *elapsed,
                  gint64   *cpu,
                  GError  **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (b->store);
  CrmField *fields[N_SLOTS];
  gint64 start, cpu_start;

  /* The catalog reloads after each field creation; take the final objects. */
  for (guint s = 0; s < N_SLOTS; s++)
    fields[s] = g_object_ref (crm_catalog_get_field (catalog, b->slot_field[s]));

  b->element_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), b->o.n_elements);

  cpu_start = cpu_us ();
  start = now_us ();
  if (!crm_store_begin (b->store, error))
    goto failed;
  for (guint i = 0; i < b->o.n_elements; i++)
    {
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new (b->session, "contact", error);
      gint64 id;

      if (draft == NULL)
        goto rollback;
      for (guint s = 0; s < N_SLOTS; s++)
        crm_element_draft_set_values (draft, fields[s], slot_values (b, i, s));
      id = crm_element_draft_save (draft, error);
      if (id == 0)
        {
          g_prefix_error (error, "contact %u: ", i);
          goto rollback;
        }
      g_array_append_val (b->element_ids, id);
    }
  if (!crm_store_commit (b->store, error))
    goto failed;
  *elapsed = now_us () - start;
  *cpu = cpu_us () - cpu_start;

  for (guint s = 0; s < N_SLOTS; s++)
    g_object_unref (fields[s]);
  return TRUE;

rollback:
  crm_store_rollback (b->store);
failed:
  for (guint s = 0; s < N_SLOTS; s++)
    g_object_unref (fields[s]);
  return FALSE;
}

/* The search text the core indexes (crm-element-draft.c, append_search_text). */
static void
append_search_text (GString        *body,
                    CrmField       *field,
                    const CrmValue *value)
{
  switch (value->type)
    {
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_MESSENGER:
      g_string_append_printf (body, "%s\n", value->text);
      break;
    case CRM_FIELD_TYPE_PHONE:
      g_string_append_printf (body, "%s %s\n", value->text, value->aux ? value->aux + 1 : "");
      break;
    case CRM_FIELD_TYPE_LIST:
      {
        const CrmListItem *item = crm_field_options_find_item (crm_field_get_options (field), value->text);

        if (item != NULL)
          g_string_append_printf (body, "%s\n", item->label);
      }
      break;
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      break;
    }
}

typedef struct
{
  char *title;
  char *sort_title;
  char *body;
} RawRow;

/* Everything the raw writer binds, prepared before the clock starts: the
 * baseline is what SQLite itself costs for the same rows. */
static RawRow *
prepare_raw_rows (Bench      *b,
                  CrmCatalog *catalog)
{
  GListModel *fields = crm_catalog_get_fields (catalog, b->contact_type);
  guint n_fields = g_list_model_get_n_items (fields);
  RawRow *rows = g_new0 (RawRow, b->o.n_elements);

  for (guint i = 0; i < b->o.n_elements; i++)
    {
      GString *body = g_string_new (NULL);
      const CrmValue *first = g_ptr_array_index (slot_values (b, i, 0), 0);
      const CrmValue *last = g_ptr_array_index (slot_values (b, i, 1), 0);

      rows[i].title = g_strdup_printf ("%s %s", first->text, last->text);
      rows[i].sort_title = fold_title (rows[i].title);

      for (guint f = 0; f < n_fields; f++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, f);

          for (guint s = 0; s < N_SLOTS; s++)
            {
              GPtrArray *values;

              if (b->slot_field[s] != crm_field_get_id (field))
                continue;
              values = slot_values (b, i, s);
              for (guint v = 0; v < values->len; v++)
                append_search_text (body, field, g_ptr_array_index (values, v));
            }
        }
      rows[i].body = g_string_free (body, FALSE);
    }
  return rows;
}

static void
free_raw_rows (RawRow *rows,
               guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (rows[i].title);
      g_free (rows[i].sort_title);
      g_free (rows[i].body);
    }
  g_free (rows);
}

static gboolean
sqlite_check (sqlite3  *db,
              int       rc,
              GError  **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite: %s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
raw_bulk_create (Bench    *b,
                 RawRow   *rows,
                 gint64   *elapsed,
                 gint64   *cpu,
                 GError  **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *element = NULL, *value = NULL, *fts = NULL, *entry = NULL;
  g_autofree char *now = NULL;
  gboolean ok = FALSE;
  gint64 start, cpu_start;

  {
    g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();
    g_autofree char *base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");

    now = g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (dt) / 1000);
  }

  if (!sqlite_check (db, sqlite3_open_v2 (b->raw_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL), error))
    goto out;
  /* The same connection settings as CrmStore. */
  if (!sqlite_check (db, sqlite3_exec (db, "PRAGMA foreign_keys = ON;"
                                           "PRAGMA journal_mode = WAL;"
                                           "PRAGMA synchronous = NORMAL;"
                                           "PRAGMA temp_store = MEMORY;"
                                           "PRAGMA cache_size = -32000;", NULL, NULL, NULL), error))
    goto out;

#define PREPARE(stmt, sql) \
  if (!sqlite_check (db, sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL), error)) \
    goto out
  PREPARE (element, "INSERT INTO elements (entity_type_id, lead_kind_id, pipeline_id, stage_id, title, "
                    "  responsible_id, created_by, created_at, updated_by, updated_at, sort_title) "
                    "VALUES (?1, NULL, NULL, NULL, ?2, ?3, ?3, ?4, ?3, ?4, ?5)");
  PREPARE (value, "INSERT INTO field_values (element_id, field_id, ordinal, value, aux, kind) "
                  "VALUES (?, ?, ?, ?, ?, ?)");
  PREPARE (fts, "INSERT INTO elements_fts (rowid, title, body) VALUES (?, ?, ?)");
  PREPARE (entry, "INSERT INTO timeline_entries (element_id, kind, author_id, created_at, text, payload) "
                  "VALUES (?, 'created', ?, ?, NULL, NULL)");
#undef PREPARE

  cpu_start = cpu_us ();
  start = now_us ();
  if (!sqlite_check (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), error))
    goto out;
  for (guint i = 0; i < b->o.n_elements; i++)
    {
      gint64 id;

      if (b->o.raw_savepoints &&
          !sqlite_check (db, sqlite3_exec (db, "SAVEPOINT sp1", NULL, NULL, NULL), error))
        goto rollback;

      sqlite3_bind_int64 (element, 1, b->contact_type);
      sqlite3_bind_text (element, 2, rows[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (element, 3, b->user_id);
      sqlite3_bind_text (element, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (element, 5, rows[i].sort_title, -1, SQLITE_STATIC);
      if (!sqlite_check (db, sqlite3_step (element), error))
        goto rollback;
      sqlite3_reset (element);
      id = sqlite3_last_insert_rowid (db);

      for (guint s = 0; s < N_SLOTS; s++)
        {
          GPtrArray *values = slot_values (b, i, s);

          for (guint v = 0; v < values->len; v++)
            {
              const CrmValue *cv = g_ptr_array_index (values, v);

              sqlite3_bind_int64 (value, 1, id);
              sqlite3_bind_int64 (value, 2, b->slot_field[s]);
              sqlite3_bind_int (value, 3, v);
              if (crm_field_type_stores_number (cv->type))
                sqlite3_bind_int64 (value, 4, cv->number);
              else
                sqlite3_bind_text (value, 4, cv->text, -1, SQLITE_STATIC);
              sqlite3_bind_text (value, 5, cv->aux, -1, SQLITE_STATIC);
              sqlite3_bind_text (value, 6, cv->kind, -1, SQLITE_STATIC);
              if (!sqlite_check (db, sqlite3_step (value), error))
                goto rollback;
              sqlite3_reset (value);
            }
        }

      sqlite3_bind_int64 (fts, 1, id);
      sqlite3_bind_text (fts, 2, rows[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (fts, 3, rows[i].body, -1, SQLITE_STATIC);
      if (!sqlite_check (db, sqlite3_step (fts), error))
        goto rollback;
      sqlite3_reset (fts);

      sqlite3_bind_int64 (entry, 1, id);
      sqlite3_bind_int64 (entry, 2, b->user_id);
      sqlite3_bind_text (entry, 3, now, -1, SQLITE_STATIC);
      if (!sqlite_check (db, sqlite3_step (entry), error))
        goto rollback;
      sqlite3_reset (entry);

      if (b->o.raw_savepoints &&
          !sqlite_check (db, sqlite3_exec (db, "RELEASE sp1", NULL, NULL, NULL), error))
        goto rollback;
    }
  if (!sqlite_check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), error))
    goto rollback;
  *elapsed = now_us () - start;
  *cpu = cpu_us () - cpu_start;
  ok = TRUE;
  goto out;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
out:
  sqlite3_finalize (element);
  sqlite3_finalize (value);
  sqlite3_finalize (fts);
  sqlite3_finalize (entry);
  sqlite3_close_v2 (db);
  return ok;
}

/* Checks that the baseline wrote what the core wrote (times aside), so the
 * ratio compares equal work. Returns the number of differing rows. */
static gint64
compare_databases (Bench *b)
{
  static const char *checks[][2] = {
    { "elements",
      "SELECT count(*) FROM (SELECT id, entity_type_id, lead_kind_id, pipeline_id, stage_id, title, sort_title, "
      "  responsible_id, created_by, updated_by FROM main.elements "
      "  EXCEPT SELECT id, entity_type_id, lead_kind_id, pipeline_id, stage_id, title, sort_title, "
      "  responsible_id, created_by, updated_by FROM raw.elements)" },
    { "field_values",
      "SELECT count(*) FROM (SELECT * FROM main.field_values EXCEPT SELECT * FROM raw.field_values)" },
    { "elements_fts",
      "SELECT count(*) FROM (SELECT rowid, title, body FROM main.elements_fts "
      "  EXCEPT SELECT rowid, title, body FROM raw.elements_fts)" },
    { "timeline_entries",
      "SELECT count(*) FROM (SELECT id, element_id, kind, author_id, text, payload, pinned FROM main.timeline_entries "
      "  EXCEPT SELECT id, element_id, kind, author_id, text, payload, pinned FROM raw.timeline_entries)" },
    { "row counts",
      "SELECT abs ((SELECT count(*) FROM main.elements) - (SELECT count(*) FROM raw.elements)) + "
      "  abs ((SELECT count(*) FROM main.field_values) - (SELECT count(*) FROM raw.field_values)) + "
      "  abs ((SELECT count(*) FROM main.elements_fts) - (SELECT count(*) FROM raw.elements_fts)) + "
      "  abs ((SELECT count(*) FROM main.timeline_entries) - (SELECT count(*) FROM raw.timeline_entries))" },
  };
  sqlite3 *db = NULL;
  gint64 differences = 0;

  if (sqlite3_open_v2 (b->core_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("# compare: %s\n", sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return -1;
    }
  {
    char *attach = sqlite3_mprintf ("ATTACH %Q AS raw", b->raw_path);
    int rc = sqlite3_exec (db, attach, NULL, NULL, NULL);

    sqlite3_free (attach);
    if (rc != SQLITE_OK)
      {
        g_printerr ("# compare: %s\n", sqlite3_errmsg (db));
        sqlite3_close_v2 (db);
        return -1;
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = NULL;
      gint64 n = -1;

      if (sqlite3_prepare_v2 (db, checks[i][1], -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      else
        g_printerr ("# compare %s: %s\n", checks[i][0], sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      if (n != 0)
        g_printerr ("# compare %s: %" G_GINT64_FORMAT " rows differ between core and baseline\n",
                    checks[i][0], n);
      differences += n < 0 ? 1 : n;
    }
  sqlite3_close_v2 (db);
  return differences;
}

static gboolean
bench_bulk_create (Bench   *b,
                   GError **error)
{
  gint64 custom_ids[N_CUSTOM];
  gint64 core_us = 0, raw_us = 0, core_cpu = 0, raw_cpu = 0, t0;

  /* The core's database. */
  t0 = now_us ();
  if (!open_core (b, b->core_path, &b->store, &b->session, error) ||
      !create_custom_fields (b->session, b->contact_type, custom_ids, error) ||
      !resolve_slots (b, crm_store_get_catalog (b->store), custom_ids, error))
    return FALSE;
  b->user_id = crm_session_get_user_id (b->session);
  build_values (b);
  g_printerr ("# setup: fields and %u contacts' values built in %.0f ms\n",
              b->o.n_elements, ms (now_us () - t0));

  if (!core_bulk_create (b, &core_us, &core_cpu, error))
    return FALSE;
  g_printerr ("# bulk_create core: %u contacts × %u values in %.0f ms (%.1f µs per contact), CPU %.0f ms\n",
              b->o.n_elements, N_SLOTS, ms (core_us), (double)core_us / b->o.n_elements, ms (core_cpu));

  if (!b->o.run_bulk)
    return TRUE;

  /* The baseline's database: same migrations, same fields, then raw SQLite. */
  {
    g_autoptr(CrmStore) store = NULL;
    g_autoptr(CrmSession) session = NULL;
    gint64 raw_ids[N_CUSTOM];
    RawRow *rows;
    gint64 differences;

    if (!open_core (b, b->raw_path, &store, &session, error) ||
        !create_custom_fields (session, b->contact_type, raw_ids, error))
      return FALSE;
    if (memcmp (raw_ids, custom_ids, sizeof raw_ids) != 0 ||
        crm_session_get_user_id (session) != b->user_id)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the baseline database got other field or user ids");
        return FALSE;
      }
    rows = prepare_raw_rows (b, crm_store_get_catalog (store));
    g_clear_object (&session);
    g_clear_object (&store);

    if (!raw_bulk_create (b, rows, &raw_us, &raw_cpu, error))
      {
        free_raw_rows (rows, b->o.n_elements);
        return FALSE;
      }
    free_raw_rows (rows, b->o.n_elements);
    g_printerr ("# bulk_create raw SQLite%s: %.0f ms (%.1f µs per contact), CPU %.0f ms; CPU ratio %.2f\n",
                b->o.raw_savepoints ? " with a savepoint per contact" : "",
                ms (raw_us), (double)raw_us / b->o.n_elements, ms (raw_cpu), (double)core_cpu / raw_cpu);

    t0 = now_us ();
    differences = compare_databases (b);
    g_printerr ("# compare core and baseline rows: %s (%.0f ms)\n",
                differences == 0 ? "identical" : "DIFFERENT", ms (now_us () - t0));
  }

  g_print ("BENCH bulk_create %.1f ms ratio=%.2f\n", ms (core_us), (double)core_us / raw_us);
  return TRUE;
}

/* ---- Timeline generation -------------------------------------------------------------- */

/* A time in the three years before 2026-11-01, with milliseconds. */
static GDateTime *
random_time (GRand *rand)
{
  static const gint64 end = 1793491200;   /* 2026-11-01T00:00:00Z */
  gint64 seconds = end - g_rand_int_range (rand, 0, 3 * 365 * 86400);
  g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_add (whole, g_rand_int_range (rand, 0, 1000) * 1000);
}

static char *
timestamp_text (GDateTime *dt)
{
  g_autofree char *base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (dt) / 1000);
}

/* Adds @n entries at random times, to @element_id or (0) to random contacts,
 * in one transaction. Returns the elapsed time or -1. */
static gint64
add_entries (Bench    *b,
             gint64    element_id,
             guint     n,
             GError  **error)
{
  gint64 start = now_us ();

  if (!b->o.timeline_sql)
    {
      if (!crm_store_begin (b->store, error))
        return -1;
      for (guint i = 0; i < n; i++)
        {
          gint64 id = element_id ? element_id
                                 : g_array_index (b->element_ids, gint64,
                                                  g_rand_int_range (b->rand, 0, b->element_ids->len));
          g_autoptr(GDateTime) when = random_time (b->rand);
          guint k = g_rand_int_range (b->rand, 0, 1 << 20);

          if (crm_timeline_add_entry (b->session, id, entry_kinds[k % G_N_ELEMENTS (entry_kinds)], when,
                                      entry_texts[(k >> 3) % G_N_ELEMENTS (entry_texts)], NULL, error) == 0)
            {
              crm_store_rollback (b->store);
              return -1;
            }
        }
      if (!crm_store_commit (b->store, error))
        return -1;
    }
  else
    {
      /* Side by side with the store's connection; the store is idle meanwhile. */
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean ok = FALSE;

      if (!sqlite_check (db, sqlite3_open_v2 (b->core_path, &db, SQLITE_OPEN_READWRITE, NULL), error) ||
          !sqlite_check (db, sqlite3_exec (db, "PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE", NULL, NULL, NULL), error) ||
          !sqlite_check (db, sqlite3_prepare_v2 (db,
                                                 "INSERT INTO timeline_entries (element_id, kind, author_id, created_at, text) "
                                                 "VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL), error))
        goto sql_out;
      for (guint i = 0; i < n; i++)
        {
          static const char *codes[] = {
            [CRM_ENTRY_COMMENT] = "comment", [CRM_ENTRY_CALL] = "call", [CRM_ENTRY_EMAIL] = "email",
            [CRM_ENTRY_SMS] = "sms", [CRM_ENTRY_MESSENGER] = "messenger", [CRM_ENTRY_ACTIVITY] = "activity",
          };
          gint64 id = element_id ? element_id
                                 : g_array_index (b->element_ids, gint64,
                                                  g_rand_int_range (b->rand, 0, b->element_ids->len));
          g_autoptr(GDateTime) when = random_time (b->rand);
          g_autofree char *text = timestamp_text (when);
          guint k = g_rand_int_range (b->rand, 0, 1 << 20);

          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, codes[entry_kinds[k % G_N_ELEMENTS (entry_kinds)]], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, b->user_id);
          sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, entry_texts[(k >> 3) % G_N_ELEMENTS (entry_texts)], -1, SQLITE_STATIC);
          if (!sqlite_check (db, sqlite3_step (stmt), error))
            goto sql_out;
          sqlite3_reset (stmt);
        }
      ok = sqlite_check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), error);
sql_out:
      sqlite3_finalize (stmt);
      if (!ok && db != NULL)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (db);
      if (!ok)
        return -1;
    }
  return now_us () - start;
}

/* ---- 2. card_open ------------------------------------------------------------------------- */

static gboolean
open_card (Bench    *b,
           gint64    id,
           gint64   *elapsed,
           guint    *n_fields,
           guint    *n_entries,
           GError  **error)
{
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GPtrArray) page = NULL;
  GListModel *sections;
  gint64 start = now_us ();
  guint shown = 0;

  element = crm_element_load (b->session, id, error);
  if (element == NULL)
    return FALSE;
  layout = crm_layout_resolve (b->session, crm_element_get_entity_type_id (element),
                               crm_element_get_pipeline_id (element),
                               crm_element_get_lead_kind_id (element), error);
  if (layout == NULL)
    return FALSE;

  sections = crm_layout_get_sections (layout);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, s);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, f);
          g_autofree char *text = crm_element_format_field (element, field);

          shown++;
        }
    }

  page = crm_timeline_query_page (b->session, id, NULL, 0, TIMELINE_PAGE, error);
  if (page == NULL)
    return FALSE;
  *elapsed = now_us () - start;
  *n_fields = shown;
  *n_entries = page->len;
  return TRUE;
}

static gboolean
bench_card_open (Bench   *b,
                 GError **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), b->o.n_opens);
  guint64 total_fields = 0, total_entries = 0;
  gint64 elapsed, p50, p90, p99;
  guint n_fields, n_entries;

  /* A team that made 20 fields shows them: put them in a section of the
   * standard contact card (new fields start hidden). Resolving the layout
   * the first time also creates it, a write that happens once per database. */
  {
    g_autoptr(CrmLayout) layout = crm_layout_resolve (b->session, b->contact_type, 0, 0, error);
    gint64 section;

    if (layout == NULL)
      return FALSE;
    section = crm_layout_add_section (b->session, crm_layout_get_id (layout), "Dados adicionais", error);
    if (section == 0)
      return FALSE;
    for (guint i = 0; i < N_CUSTOM; i++)
      if (!crm_layout_place_field (b->session, section, b->slot_field[3 + i], i, error))
        return FALSE;
  }

  if (!open_card (b, g_array_index (b->element_ids, gint64, 0), &elapsed, &n_fields, &n_entries, error))
    return FALSE;
  g_printerr ("# card_open: first open %.2f ms (%u fields on the card)\n", ms (elapsed), n_fields);

  for (guint i = 0; i < b->o.n_opens; i++)
    {
      gint64 id = g_array_index (b->element_ids, gint64, g_rand_int_range (b->rand, 0, b->element_ids->len));

      if (!open_card (b, id, &elapsed, &n_fields, &n_entries, error))
        return FALSE;
      g_array_append_val (samples, elapsed);
      total_fields += n_fields;
      total_entries += n_entries;
    }

  p50 = percentile (samples, 50);
  p90 = percentile (samples, 90);
  p99 = percentile (samples, 99);
  g_printerr ("# card_open: %u opens, %.1f fields shown and %.1f entries per card; "
              "min %.3f, p90 %.3f, max %.3f ms\n",
              b->o.n_opens, (double)total_fields / b->o.n_opens, (double)total_entries / b->o.n_opens,
              ms (g_array_index (samples, gint64, 0)), ms (p90),
              ms (g_array_index (samples, gint64, samples->len - 1)));
  g_print ("BENCH card_open_p50 %.3f ms\n", ms (p50));
  g_print ("BENCH card_open_p99 %.3f ms\n", ms (p99));
  return TRUE;
}

/* ---- 3. timeline_last_page_ratio ------------------------------------------------------------ */

static gint64
time_page (Bench       *b,
           gint64       element_id,
           const char  *before_time,
           gint64       before_id,
           guint        repeats,
           guint       *n_out,
           GError     **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), repeats);

  for (guint i = 0; i < repeats; i++)
    {
      gint64 start = now_us ();
      g_autoptr(GPtrArray) page = crm_timeline_query_page (b->session, element_id, before_time, before_id,
                                                           TIMELINE_PAGE, error);
      gint64 elapsed = now_us () - start;

      if (page == NULL)
        return -1;
      *n_out = page->len;
      g_array_append_val (samples, elapsed);
    }
  return percentile (samples, 50);
}

static gboolean
bench_timeline_pages (Bench   *b,
                      GError **error)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *cursor_time = NULL;
  g_autofree char *last_time = NULL;
  gint64 element_id, cursor_id = 0, last_id = 0, elapsed, first_us, last_us, walk_start;
  guint pages = 0, total = 0, n_first = 0, n_last = 0;

  draft = crm_element_draft_new (b->session, "contact", error);
  if (draft == NULL ||
      !crm_element_draft_set_input_by_code (draft, "name", "Conceição", error) ||
      !crm_element_draft_set_input_by_code (draft, "last_name", "Magalhães Albuquerque", error))
    return FALSE;
  element_id = crm_element_draft_save (draft, error);
  if (element_id == 0)
    return FALSE;

  /* The "created" entry makes the total a whole number of pages. */
  elapsed = b->o.n_long > 1 ? add_entries (b, element_id, b->o.n_long - 1, error) : 0;
  if (elapsed < 0)
    return FALSE;
  g_printerr ("# timeline: %u entries on one element in %.0f ms (%.0f entries/s, %s)\n",
              b->o.n_long - 1, ms (elapsed), (b->o.n_long - 1) / (MAX (elapsed, 1) / 1e6),
              b->o.timeline_sql ? "raw SQL" : "crm_timeline_add_entry");

  /* Walk every page with keyset cursors; remember where the last one starts. */
  walk_start = now_us ();
  for (;;)
    {
      g_autoptr(GPtrArray) page = crm_timeline_query_page (b->session, element_id, cursor_time, cursor_id,
                                                           TIMELINE_PAGE, error);
      CrmTimelineEntry *tail;

      if (page == NULL)
        return FALSE;
      if (page->len == 0)
        break;
      pages++;
      total += page->len;
      g_free (last_time);
      last_time = g_strdup (cursor_time);
      last_id = cursor_id;

      tail = g_ptr_array_index (page, page->len - 1);
      g_free (cursor_time);
      cursor_time = timestamp_text (crm_timeline_entry_get_created_at (tail));
      cursor_id = crm_timeline_entry_get_id (tail);
      if (page->len < TIMELINE_PAGE)
        break;
    }
  g_printerr ("# timeline: walked %u pages (%u entries) in %.0f ms\n",
              pages, total, ms (now_us () - walk_start));
  if (total != b->o.n_long)
    g_printerr ("# timeline: WARNING the walk saw %u entries, the element has %u\n", total, b->o.n_long);

  first_us = time_page (b, element_id, NULL, 0, b->o.page_repeats, &n_first, error);
  if (first_us < 0)
    return FALSE;
  last_us = time_page (b, element_id, last_time, last_id, b->o.page_repeats, &n_last, error);
  if (last_us < 0)
    return FALSE;
  g_printerr ("# timeline: first page %u entries, median %.3f ms; last page %u entries, median %.3f ms\n",
              n_first, ms (first_us), n_last, ms (last_us));

  g_print ("BENCH timeline_last_page_ratio %.2f ratio\n", (double)last_us / first_us);
  return TRUE;
}

/* ---- 4. search ---------------------------------------------------------------------------- */

static const char *
pick_search (GRand *rand,
             guint  i)
{
  switch (i % 4)
    {
    case 0:
      return search_first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (search_first_names))];
    case 1:
      return search_last_prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (search_last_prefixes))];
    case 2:
      return search_plain[g_rand_int_range (rand, 0, G_N_ELEMENTS (search_plain))];
    default:
      return search_mail[g_rand_int_range (rand, 0, G_N_ELEMENTS (search_mail))];
    }
}

static gboolean
bench_search (Bench   *b,
              GError **error)
{
  static const char *categories[] = { "first name", "last-name prefix", "without accents", "e-mail" };
  g_autoptr(CrmElementListModel) model = crm_element_list_model_new (b->session, b->contact_type);
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), b->o.n_searches);
  GArray *by_category[4];
  guint64 total_items = 0;
  guint empty = 0;
  const char *previous = NULL;

  for (guint c = 0; c < 4; c++)
    by_category[c] = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* "joao" must find "João": the point of the accent-less searches. */
  crm_element_list_model_set_search (model, "joao");
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    g_printerr ("# search: WARNING \"joao\" finds no contact although many are called João\n");

  for (guint i = 0; i < b->o.n_searches; i++)
    {
      const char *word = pick_search (b->rand, i);
      gint64 start, elapsed;
      guint n;

      /* The same text twice is no search at all for the model. */
      while (g_strcmp0 (word, previous) == 0 || g_strcmp0 (word, crm_element_list_model_get_search (model)) == 0)
        word = pick_search (b->rand, i);
      previous = word;

      start = now_us ();
      crm_element_list_model_set_search (model, word);
      elapsed = now_us () - start;

      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      total_items += n;
      if (n == 0)
        empty++;
      g_array_append_val (samples, elapsed);
      g_array_append_val (by_category[i % 4], elapsed);
    }

  for (guint c = 0; c < 4; c++)
    if (by_category[c]->len > 0)
      {
        gint64 p50 = percentile (by_category[c], 50);
        gint64 p90 = percentile (by_category[c], 90);
        gint64 max = g_array_index (by_category[c], gint64, by_category[c]->len - 1);

        g_printerr ("# search %-17s p50 %.3f ms, p90 %.3f ms, max %.3f ms\n", categories[c],
                    ms (p50), ms (p90), ms (max));
      }
  for (guint c = 0; c < 4; c++)
    g_array_unref (by_category[c]);
  {
    gint64 p50 = percentile (samples, 50);
    gint64 p90 = percentile (samples, 90);
    gint64 p99 = percentile (samples, 99);

    g_printerr ("# search: %u searches, %.1f rows on the first page on average, %u found nothing; "
                "p90 %.3f ms, p99 %.3f ms\n",
                b->o.n_searches, (double)total_items / b->o.n_searches, empty, ms (p90), ms (p99));
    g_print ("BENCH search_p50 %.3f ms\n", ms (p50));
  }
  return TRUE;
}

/* ---- Main ------------------------------------------------------------------------------------ */

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static gboolean
run (Bench   *b,
     GError **error)
{
  gint64 elapsed;

  if (!bench_bulk_create (b, error))
    return FALSE;

  if (b->o.run_card && b->o.n_entries > 0)
    {
      elapsed = add_entries (b, 0, b->o.n_entries, error);
      if (elapsed < 0)
        return FALSE;
      g_printerr ("# timeline: %u entries over %u contacts in %.0f ms (%.0f entries/s, %s)\n",
                  b->o.n_entries, b->o.n_elements, ms (elapsed), b->o.n_entries / (elapsed / 1e6),
                  b->o.timeline_sql ? "raw SQL" : "crm_timeline_add_entry");
    }
  if (b->o.run_card && !bench_card_open (b, error))
    return FALSE;
  if (b->o.run_timeline && !bench_timeline_pages (b, error))
    return FALSE;
  if (b->o.run_search && !bench_search (b, error))
    return FALSE;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Bench b = { 0, };
  gboolean ok;

  setlocale (LC_ALL, "");
  read_options (&b.o);
  b.rand = g_rand_new_with_seed (b.o.seed);

  b.dir = g_dir_make_tmp ("clientele-bench-XXXXXX", &error);
  if (b.dir == NULL)
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }
  b.core_path = g_build_filename (b.dir, "core.db", NULL);
  b.raw_path = g_build_filename (b.dir, "raw.db", NULL);
  g_printerr ("# bench-core: %u contacts, %u entries, %u on one element, %u opens, %u searches in %s\n",
              b.o.n_elements, b.o.n_entries, b.o.n_long, b.o.n_opens, b.o.n_searches, b.dir);

  ok = run (&b, &error);
  if (!ok)
    g_printerr ("bench-core: %s\n", error ? error->message : "failed");

  g_clear_object (&b.session);
  g_clear_object (&b.store);
  free_values (&b);
  g_clear_pointer (&b.element_ids, g_array_unref);
  g_rand_free (b.rand);

  if (b.o.keep)
    g_printerr ("# kept %s\n", b.dir);
  else
    remove_tree (b.dir);
  g_free (b.core_path);
  g_free (b.raw_path);
  g_free (b.dir);
  return ok ? 0 : 1;
}
