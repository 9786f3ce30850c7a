/* crm-entity-type-manage.c — creating, changing and deleting entity types
 *
 * A user-defined type gets at once what every type has: the system
 * fields, a standard card layout and, with stages, a default pipeline, so
 * its first element can be created and shown like a deal's. Turning
 * stages off while elements sit in them is refused rather than asked:
 * each element would lose where it stands and the stage history that
 * says how it got there, which no confirmation makes undoable; deleting
 * or converting those elements first is the honest way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-builtin-private.h"
#include "crm-catalog-private.h"
#include "crm-entity-type-manage-private.h"
#include "crm-error.h"
#include "crm-file-private.h"
#include "crm-layout-private.h"
#include "crm-session.h"
#include "crm-store-private.h"
#include "crm-util-private.h"

/* The longest code made from a name, before a "_2" that makes it unique. */
#define CODE_MAX_LENGTH 24

static const char * const icon_names[] = {
  "folder-documents-symbolic",
  "package-x-generic-symbolic",
  "x-office-calendar-symbolic",
  "task-due-symbolic",
  "applications-engineering-symbolic",
  "system-users-symbolic",
  "user-home-symbolic",
  "mark-location-symbolic",
  "emoji-travel-symbolic",
  "emblem-favorite-symbolic",
  "x-office-spreadsheet-symbolic",
  "applications-science-symbolic",
  NULL,
};

/* ---- Configurations --------------------------------------------------------------- */

CrmEntityTypeConfig *
crm_entity_type_config_new (const char *name,
                            const char *name_plural)
{
  CrmEntityTypeConfig *config = g_new0 (CrmEntityTypeConfig, 1);

  config->name = g_strdup (name);
  config->name_plural = g_strdup (name_plural);
  config->icon_name = g_strdup (icon_names[0]);
  return config;
}

CrmEntityTypeConfig *
crm_entity_type_config_new_for (CrmEntityType *type)
{
  CrmEntityTypeConfig *config;

  g_return_val_if_fail (CRM_IS_ENTITY_TYPE (type), NULL);

  config = crm_entity_type_config_new (crm_entity_type_get_name (type),
                                       crm_entity_type_get_name_plural (type));
  g_free (config->icon_name);
  config->icon_name = g_strdup (crm_entity_type_get_icon_name (type));
  config->has_stages = crm_entity_type_has_stages (type);
  config->has_products = crm_entity_type_has_products (type);
  return config;
}

void
crm_entity_type_config_free (CrmEntityTypeConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->name);
  g_free (config->name_plural);
  g_free (config->icon_name);
  g_free (config);
}

const char * const *
crm_entity_type_get_icon_names (void)
{
  return icon_names;
}

/* ---- Checks ----------------------------------------------------------------------- */

static gboolean
is_offered_icon (const char *icon_name)
{
  return icon_name != NULL && g_strv_contains (icon_names, icon_name);
}

/* Two types called alike would be two sidebar entries nobody can tell
 * apart. @self_id is the type being renamed (0 when creating). */
static gboolean
check_names_free (CrmCatalog  *catalog,
                  gint64       self_id,
                  const char  *name,
                  const char  *name_plural,
                  GError     **error)
{
  GListModel *types = crm_catalog_get_entity_types (catalog);
  const char *wanted[] = { name, name_plural };

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);
      const char *taken[] = { crm_entity_type_get_name (type), crm_entity_type_get_name_plural (type) };

      if (crm_entity_type_get_id (type) == self_id)
        continue;
      for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
        for (guint t = 0; t < G_N_ELEMENTS (taken); t++)
          {
            g_autofree char *a = g_utf8_casefold (wanted[w], -1);
            g_autofree char *b = g_utf8_casefold (taken[t], -1);

            if (g_str_equal (a, b))
              {
                g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                             _("There is already a type called “%s”"), wanted[w]);
                return FALSE;
              }
          }
    }
  return TRUE;
}

/* Both names cleaned, the icon one of those offered (or, for @current,
 * the one it has), the names free. */
static gboolean
check_config (CrmCatalog                 *catalog,
              CrmEntityType              *current,
              const CrmEntityTypeConfig  *config,
              char                      **name,
              char                      **name_plural,
              GError                    **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *clean_plural = NULL;

  if ((clean = _crm_clean_name (config->name, _("Give the type a name"), error)) == NULL ||
      (clean_plural = _crm_clean_name (config->name_plural, _("Give the type a name in the plural"), error)) == NULL)
    return FALSE;
  if (!is_offered_icon (config->icon_name) &&
      (current == NULL || g_strcmp0 (config->icon_name, crm_entity_type_get_icon_name (current)) != 0))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Choose one of the icons offered"));
      return FALSE;
    }
  if (!check_names_free (catalog, current ? crm_entity_type_get_id (current) : 0, clean, clean_plural, error))
    return FALSE;

  *name = g_steal_pointer (&clean);
  *name_plural = g_steal_pointer (&clean_plural);
  return TRUE;
}

/* ---- Codes ------------------------------------------------------------------------ */

/* "Ordens de serviço" → "ordens_de_servico": ASCII letters and digits
 * from the name, so the code reads well in --open TYPE:ID. */
static char *
make_code_base (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *code = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && code->len < CODE_MAX_LENGTH; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (code, c);
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len == 0 || g_ascii_isdigit (code->str[0]))
    g_string_prepend (code, code->len == 0 ? "type" : "type_");
  return g_string_free (code, FALSE);
}

static gboolean
code_is_taken (CrmStore    *store,
               const char  *code,
               gboolean    *taken,
               GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, "SELECT 1 FROM entity_types WHERE code = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  *taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
make_unique_code (CrmStore    *store,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *base = make_code_base (name);
  g_autofree char *code = g_strdup (base);

  for (guint n = 2;; n++)
    {
      gboolean taken;

      if (!code_is_taken (store, code, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&code);
      g_free (code);
      code = g_strdup_printf ("%s_%u", base, n);
    }
}

/* ---- Writing ---------------------------------------------------------------------- */

static gboolean
run (CrmStore    *store,
     const char  *sql,
     gint64       param,
     GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  return _crm_store_step_done (store, stmt, error);
}

/* The fields of other types that link to @type: deleting it would leave
 * them pointing at nothing. Their "Type › Field" names, or NULL. */
static char *
describe_links_to (CrmCatalog    *catalog,
                   CrmEntityType *type)
{
  GListModel *types = crm_catalog_get_entity_types (catalog);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) other = g_list_model_get_item (types, i);
      GListModel *fields;

      if (other == type)
        continue;
      fields = crm_catalog_get_fields (catalog, crm_entity_type_get_id (other));
      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          if (crm_field_get_field_type (field) != CRM_FIELD_TYPE_LINK ||
              g_strcmp0 (crm_field_get_options (field)->link_type, crm_entity_type_get_code (type)) != 0)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          /* Translators: a field of a type, "Negócio › Projeto" */
          g_string_append_printf (names, _("%s › %s"), crm_entity_type_get_name (other), crm_field_get_label (field));
        }
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* ---- Public API ------------------------------------------------------------------- */

gint64
crm_entity_type_create (CrmSession                 *session,
                        const CrmEntityTypeConfig  *config,
                        GError                    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *name_plural = NULL;
  g_autofree char *code = NULL;
  CrmStore *store;
  CrmCatalog *catalog;
  sqlite3_stmt *stmt;
  gint64 id, pipeline_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  if (!crm_session_check_permission (session, CRM_PERMISSION_TYPES_MANAGE, 0, error) ||
      !check_config (catalog, NULL, config, &name, &name_plural, error) ||
      (code = make_unique_code (store, name, error)) == NULL)
    return 0;

  if (!_crm_store_begin (store, error))
    return 0;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO entity_types (id, code, name, name_plural, label_msgid, is_builtin, "
                             "  has_stages, has_pipelines, has_products, icon_name, sort) "
                             "VALUES (" CRM_NEXT_ID_SQL ("entity_types") ", ?1, ?2, ?3, 0, 0, ?4, ?4, ?5, ?6, "
                             "  (SELECT ifnull (max (sort), -1) + 1 FROM entity_types))", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name_plural, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, !!config->has_stages);
  sqlite3_bind_int (stmt, 5, !!config->has_products);
  sqlite3_bind_text (stmt, 6, config->icon_name, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  if (!_crm_builtin_add_user_fields (store, id, config->has_stages, TRUE, error))
    goto failed;
  if (config->has_stages && (pipeline_id = _crm_builtin_add_user_pipeline (store, id, error)) == 0)
    goto failed;
  /* The layout is made from the catalog's view of the type and its
   * fields: let it see the rows of this transaction (a rollback reloads
   * it again). */
  if (!_crm_catalog_reload (catalog, error) ||
      _crm_layout_create_standard (store, id, pipeline_id, 0, error) == 0)
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, id, 0);
  if (!_crm_store_commit (store, error))
    return 0;
  return id;

failed:
  _crm_store_rollback (store);
  return 0;
}

gboolean
crm_entity_type_update (CrmSession                 *session,
                        gint64                      entity_type_id,
                        const CrmEntityTypeConfig  *config,
                        GError                    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *name_plural = NULL;
  CrmStore *store;
  CrmCatalog *catalog;
  CrmEntityType *type;
  sqlite3_stmt *stmt;
  gboolean had_stages, has_pipelines, renamed;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  type = crm_catalog_get_entity_type (catalog, entity_type_id);
  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return FALSE;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_TYPES_MANAGE, entity_type_id, error) ||
      !check_config (catalog, type, config, &name, &name_plural, error))
    return FALSE;

  had_stages = crm_entity_type_has_stages (type);
  has_pipelines = crm_entity_type_is_builtin (type) ? crm_entity_type_has_pipelines (type) : config->has_stages;
  if (crm_entity_type_is_builtin (type) &&
      (!config->has_stages != !had_stages || !config->has_products != !crm_entity_type_has_products (type)))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The stages and products of a built-in type cannot be turned on or off"));
      return FALSE;
    }
  if (had_stages && !config->has_stages)
    {
      gint64 n = crm_entity_type_count_elements (session, entity_type_id, error);

      if (n < 0)
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Stages cannot be turned off while %d element sits in them",
                                    "Stages cannot be turned off while %d elements sit in them",
                                    (gulong) n),
                       (int) n);
          return FALSE;
        }
    }
  /* A built-in type keeps its translated names until someone renames it. */
  renamed = !g_str_equal (name, crm_entity_type_get_name (type)) ||
            !g_str_equal (name_plural, crm_entity_type_get_name_plural (type));

  if (!_crm_store_begin (store, error))
    return FALSE;

  if (renamed)
    {
      stmt = _crm_store_prepare (store,
                                 "UPDATE entity_types SET name = ?2, name_plural = ?3, label_msgid = 0 WHERE id = ?1",
                                 error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, entity_type_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, name_plural, -1, SQLITE_STATIC);
      if (!_crm_store_step_done (store, stmt, error))
        goto failed;
    }
  stmt = _crm_store_prepare (store,
                             "UPDATE entity_types SET icon_name = ?2, has_stages = ?3, has_pipelines = ?4, "
                             "  has_products = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_text (stmt, 2, config->icon_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, !!config->has_stages);
  sqlite3_bind_int (stmt, 4, !!has_pipelines);
  sqlite3_bind_int (stmt, 5, !!config->has_products);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;

  if (!had_stages && config->has_stages && !_crm_entity_type_add_stages (store, entity_type_id, has_pipelines, error))
    goto failed;
  if (had_stages && !config->has_stages && !_crm_entity_type_remove_stages (store, entity_type_id, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, entity_type_id, 0);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gint64
crm_entity_type_count_elements (CrmSession  *session,
                                gint64       entity_type_id,
                                GError     **error)
{
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_SESSION (session), -1);

  store = crm_session_get_store (session);
  if (crm_catalog_get_entity_type (crm_store_get_catalog (store), entity_type_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return -1;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_TYPES_MANAGE, entity_type_id, error))
    return -1;
  return _crm_entity_type_query_int (store, "SELECT count (*) FROM elements WHERE entity_type_id = ?",
                                     entity_type_id, error);
}

gboolean
crm_entity_type_delete (CrmSession  *session,
                        gint64       entity_type_id,
                        GError     **error)
{
  g_autoptr(GArray) elements = NULL;
  g_autofree char *links = NULL;
  CrmStore *store;
  CrmCatalog *catalog;
  CrmEntityType *type;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  type = crm_catalog_get_entity_type (catalog, entity_type_id);
  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return FALSE;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_TYPES_MANAGE, entity_type_id, error))
    return FALSE;
  if (crm_entity_type_is_builtin (type))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED, _("Built-in types cannot be deleted"));
      return FALSE;
    }
  if ((links = describe_links_to (catalog, type)) != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                   /* Translators: %s lists fields, "Negócio › Projeto, Contato › Obra" */
                   _("Fields of other types link to this one: %s. Delete them first"), links);
      return FALSE;
    }

  if (!_crm_store_begin (store, error))
    return FALSE;

  elements = _crm_layout_query_ids (store, "SELECT id FROM elements WHERE entity_type_id = ? ORDER BY id",
                                    entity_type_id, error);
  if (elements == NULL)
    goto failed;
  for (guint i = 0; i < elements->len; i++)
    {
      gint64 id = g_array_index (elements, gint64, i);

      _crm_store_queue_index (store, id, NULL, NULL, FALSE);
      _crm_store_note_change (store, CRM_CHANGE_ELEMENT_REMOVED, id, entity_type_id);
    }
  /* Elements first: their pipeline and stage columns refer to rows the
   * type takes along. Fields next: a rule required from one of its
   * stages would otherwise be left pointing at none while they go. */
  if (!_crm_file_release_entity_type (store, entity_type_id, error) ||
      !run (store, "DELETE FROM elements WHERE entity_type_id = ?", entity_type_id, error) ||
      !run (store, "DELETE FROM fields WHERE entity_type_id = ?", entity_type_id, error) ||
      !run (store, "DELETE FROM entity_types WHERE id = ?", entity_type_id, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, entity_type_id, 0);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}
