/* crm-field-rules.c — the Required and Visible to settings of a field
 *
 * Only ids are kept (pipelines, stages, people, departments): the catalog
 * replaces its objects whenever anything in it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-field-rules.h"

struct _CrmFieldRules
{
  GtkWidget             parent_instance;

  CrmSession           *session;
  GArray               *pipeline_ids;
  GArray               *stage_ids;
  /* Check buttons with their id in "crm-id"; owned by the rows. */
  GPtrArray            *user_checks;
  GPtrArray            *department_checks;
  guint                 loading : 1;

  /* Template widgets */
  AdwExpanderRow       *departments_row;
  AdwActionRow         *everyone_row;
  GtkSwitch            *everyone_switch;
  GtkStringList        *pipeline_model;
  AdwComboRow          *pipeline_row;
  AdwPreferencesGroup  *required_group;
  GtkStringList        *required_model;
  AdwComboRow          *required_row;
  GtkStringList        *stage_model;
  AdwComboRow          *stage_row;
  AdwExpanderRow       *users_row;
  AdwPreferencesGroup  *visible_group;
};

G_DEFINE_FINAL_TYPE (CrmFieldRules, crm_field_rules, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The positions of the Required drop-down. */
enum {
  REQUIRED_NEVER,
  REQUIRED_ALWAYS,
  REQUIRED_FROM_STAGE,
};

/* ---- Helpers ------------------------------------------------------------- */

static CrmCatalog *
get_catalog (CrmFieldRules *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static void
replace_strings (GtkStringList *list,
                 GPtrArray     *strings)
{
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) strings->pdata);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static guint
count_checked (GPtrArray *checks)
{
  guint n = 0;

  for (guint i = 0; i < checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (checks, i));
  return n;
}

static void
fill_stages (CrmFieldRules *self,
             gint64         pipeline_id,
             gint64         stage_id)
{
  CrmPipeline *pipeline = crm_catalog_get_pipeline (get_catalog (self), pipeline_id);
  GListModel *stages = pipeline != NULL ? crm_pipeline_get_stages (pipeline) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  guint selected;

  g_array_set_size (self->stage_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      gint64 id = crm_stage_get_id (stage);

      g_array_append_val (self->stage_ids, id);
      g_ptr_array_add (names, (gpointer) crm_stage_get_name (stage));
    }
  replace_strings (self->stage_model, names);

  selected = find_id (self->stage_ids, stage_id);
  adw_combo_row_set_selected (self->stage_row, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
update_required_rows (CrmFieldRules *self)
{
  gboolean from_stage = adw_combo_row_get_selected (self->required_row) == REQUIRED_FROM_STAGE;

  /* One pipeline needs no choosing. */
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_row), from_stage && self->pipeline_ids->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_row), from_stage);
}

static char *
format_chosen (guint n)
{
  if (n == 0)
    /* Translators: no person or department may see the field yet. */
    return g_strdup (_("None chosen"));
  /* Translators: how many people, or departments, may see a field. */
  return g_strdup_printf (ngettext ("%u chosen", "%u chosen", n), n);
}

static void
update_visible_rows (CrmFieldRules *self)
{
  gboolean everyone = gtk_switch_get_active (self->everyone_switch);
  guint n_users = count_checked (self->user_checks);
  guint n_departments = count_checked (self->department_checks);
  g_autofree char *users = NULL;
  g_autofree char *departments = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->users_row), !everyone);
  gtk_widget_set_visible (GTK_WIDGET (self->departments_row),
                          !everyone && self->department_checks->len > 0);

  users = format_chosen (n_users);
  departments = format_chosen (n_departments);
  adw_expander_row_set_subtitle (self->users_row, users);
  adw_expander_row_set_subtitle (self->departments_row, departments);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->everyone_row)))
    return;
  if (everyone)
    adw_action_row_set_subtitle (self->everyone_row, NULL);
  else if (n_users + n_departments == 0)
    adw_action_row_set_subtitle (self->everyone_row, _("Choose at least one person or department"));
  else
    adw_action_row_set_subtitle (self->everyone_row,
                                 _("Only the people and departments chosen below, and administrators"));
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
changed_cb (CrmFieldRules *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
required_selected_cb (CrmFieldRules *self)
{
  update_required_rows (self);
  changed_cb (self);
}

static void
pipeline_selected_cb (CrmFieldRules *self)
{
  guint selected = adw_combo_row_get_selected (self->pipeline_row);

  if (selected < self->pipeline_ids->len)
    fill_stages (self, g_array_index (self->pipeline_ids, gint64, selected), 0);
  changed_cb (self);
}

static void
everyone_active_cb (CrmFieldRules *self)
{
  update_visible_rows (self);
  changed_cb (self);
}

static void
check_toggled_cb (CrmFieldRules *self)
{
  update_visible_rows (self);
  changed_cb (self);
}

static void
add_check_row (CrmFieldRules  *self,
               AdwExpanderRow *expander,
               GPtrArray      *checks,
               const char     *name,
               const char     *title,
               const char     *subtitle,
               gint64          id,
               gboolean        active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data_full (G_OBJECT (check), "crm-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  adw_expander_row_add_row (expander, row);
  g_ptr_array_add (checks, check);
}

static int
compare_departments (gconstpointer a,
                     gconstpointer b,
                     gpointer      catalog)
{
  return g_utf8_collate (crm_catalog_get_department_name (catalog, *(const gint64 *) a),
                         crm_catalog_get_department_name (catalog, *(const gint64 *) b));
}

/* There is no list of departments in the catalog: those that people belong
 * to, plus those the field already names, are the ones worth choosing. */
static void
load_visibility (CrmFieldRules        *self,
                 const CrmFieldConfig *config)
{
  CrmCatalog *catalog = get_catalog (self);
  GListModel *users = crm_catalog_get_users (catalog);
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);
      gint64 id = crm_user_get_id (user);
      GArray *ids = crm_user_get_departments (user);
      gboolean chosen = find_id (config->visible_users, id) != GTK_INVALID_LIST_POSITION;

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        if (find_id (departments, g_array_index (ids, gint64, j)) == GTK_INVALID_LIST_POSITION)
          g_array_append_val (departments, g_array_index (ids, gint64, j));

      if (!crm_user_is_active (user) && !chosen)
        continue;
      add_check_row (self, self->users_row, self->user_checks, "visible-user",
                     crm_user_get_name (user), crm_user_get_position (user), id, chosen);
    }

  for (guint i = 0; i < config->visible_departments->len; i++)
    if (find_id (departments, g_array_index (config->visible_departments, gint64, i)) == GTK_INVALID_LIST_POSITION)
      g_array_append_val (departments, g_array_index (config->visible_departments, gint64, i));

  for (guint i = departments->len; i > 0; i--)
    if (crm_catalog_get_department_name (catalog, g_array_index (departments, gint64, i - 1)) == NULL)
      g_array_remove_index (departments, i - 1);
  g_array_sort_with_data (departments, compare_departments, catalog);

  for (guint i = 0; i < departments->len; i++)
    {
      gint64 id = g_array_index (departments, gint64, i);

      add_check_row (self, self->departments_row, self->department_checks, "visible-department",
                     crm_catalog_get_department_name (catalog, id), NULL, id,
                     find_id (config->visible_departments, id) != GTK_INVALID_LIST_POSITION);
    }

  gtk_switch_set_active (self->everyone_switch,
                         config->visible_users->len == 0 && config->visible_departments->len == 0);
  adw_expander_row_set_expanded (self->users_row, config->visible_users->len > 0);
  adw_expander_row_set_expanded (self->departments_row, config->visible_departments->len > 0);
}

static void
load_required (CrmFieldRules        *self,
               gint64                entity_type_id,
               const CrmFieldConfig *config)
{
  CrmCatalog *catalog = get_catalog (self);
  GListModel *pipelines = crm_catalog_get_pipelines (catalog, entity_type_id);
  CrmPipeline *pipeline = NULL;
  CrmStage *stage = NULL;
  g_autoptr(GPtrArray) modes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (pipelines);
  guint selected;

  g_ptr_array_add (modes, (gpointer) C_("required", "Never"));
  g_ptr_array_add (modes, (gpointer) C_("required", "Always"));
  if (n > 0)
    g_ptr_array_add (modes, (gpointer) C_("required", "From a Stage On"));
  replace_strings (self->required_model, modes);

  g_array_set_size (self->pipeline_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmPipeline) item = g_list_model_get_item (pipelines, i);
      gint64 id = crm_pipeline_get_id (item);

      g_array_append_val (self->pipeline_ids, id);
      g_ptr_array_add (names, (gpointer) crm_pipeline_get_name (item));
    }
  replace_strings (self->pipeline_model, names);

  if (config->required_mode == CRM_REQUIRED_FROM_STAGE)
    stage = crm_catalog_get_stage (catalog, config->required_stage_id);
  if (stage != NULL)
    pipeline = crm_catalog_get_pipeline (catalog, crm_stage_get_pipeline_id (stage));
  if (pipeline == NULL)
    pipeline = crm_catalog_get_default_pipeline (catalog, entity_type_id);

  if (pipeline != NULL)
    {
      selected = find_id (self->pipeline_ids, crm_pipeline_get_id (pipeline));
      adw_combo_row_set_selected (self->pipeline_row, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
      fill_stages (self, crm_pipeline_get_id (pipeline), stage != NULL ? crm_stage_get_id (stage) : 0);
    }

  switch (config->required_mode)
    {
    case CRM_REQUIRED_ALWAYS:
      selected = REQUIRED_ALWAYS;
      break;
    case CRM_REQUIRED_FROM_STAGE:
      selected = n > 0 ? REQUIRED_FROM_STAGE : REQUIRED_ALWAYS;
      break;
    case CRM_REQUIRED_NEVER:
    default:
      selected = REQUIRED_NEVER;
      break;
    }
  adw_combo_row_set_selected (self->required_row, selected);
  update_required_rows (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_field_rules_dispose (GObject *object)
{
  CrmFieldRules *self = CRM_FIELD_RULES (object);
  GtkWidget *child;

  g_clear_pointer (&self->user_checks, g_ptr_array_unref);
  g_clear_pointer (&self->department_checks, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FIELD_RULES);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->session);
  g_clear_pointer (&self->pipeline_ids, g_array_unref);
  g_clear_pointer (&self->stage_ids, g_array_unref);

  G_OBJECT_CLASS (crm_field_rules_parent_class)->dispose (object);
}

static void
crm_field_rules_class_init (CrmFieldRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_field_rules_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-field-rules.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, departments_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, everyone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, everyone_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, pipeline_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, required_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, required_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, required_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, stage_model);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, stage_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, users_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldRules, visible_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, everyone_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, pipeline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, required_selected_cb);
}

static void
crm_field_rules_init (CrmFieldRules *self)
{
  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->user_checks = g_ptr_array_new ();
  self->department_checks = g_ptr_array_new ();

  /* Set before the template: its signal handlers may run while it builds. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_field_rules_new (void)
{
  return g_object_new (CRM_TYPE_FIELD_RULES, NULL);
}

void
crm_field_rules_load (CrmFieldRules *self,
                      CrmSession    *session,
                      gint64         entity_type_id,
                      CrmField      *field)
{
  g_autoptr(CrmFieldConfig) config = NULL;

  g_return_if_fail (CRM_IS_FIELD_RULES (self));
  g_return_if_fail (CRM_IS_SESSION (session));
  g_return_if_fail (field == NULL || CRM_IS_FIELD (field));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  config = field != NULL ? crm_field_config_new_for (field) : crm_field_config_new (NULL);

  self->loading = TRUE;
  load_required (self, entity_type_id, config);
  load_visibility (self, config);
  self->loading = FALSE;

  /* Fields the core fills in itself can never be required. */
  if (field != NULL && crm_field_is_read_only (field))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->required_row), FALSE);
      adw_preferences_group_set_description (self->required_group,
                                             _("Clientele fills this field in itself, so it cannot be required"));
    }

  /* The core refuses visibility rules on system fields; say so up front. */
  if (field != NULL && crm_field_is_system (field))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->everyone_row), FALSE);
      adw_action_row_set_subtitle (self->everyone_row, _("System fields are visible to everyone"));
    }

  update_visible_rows (self);
}

void
crm_field_rules_fill_config (CrmFieldRules  *self,
                             CrmFieldConfig *config)
{
  guint required, selected;

  g_return_if_fail (CRM_IS_FIELD_RULES (self));
  g_return_if_fail (config != NULL);

  required = adw_combo_row_get_selected (self->required_row);
  selected = adw_combo_row_get_selected (self->stage_row);
  config->required_mode = required == REQUIRED_ALWAYS ? CRM_REQUIRED_ALWAYS
                        : required == REQUIRED_FROM_STAGE ? CRM_REQUIRED_FROM_STAGE
                        : CRM_REQUIRED_NEVER;
  config->required_stage_id = 0;
  if (config->required_mode == CRM_REQUIRED_FROM_STAGE && selected < self->stage_ids->len)
    config->required_stage_id = g_array_index (self->stage_ids, gint64, selected);

  g_array_set_size (config->visible_users, 0);
  g_array_set_size (config->visible_departments, 0);
  if (gtk_switch_get_active (self->everyone_switch))
    return;

  for (guint i = 0; i < self->user_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->user_checks, i)))
      g_array_append_vals (config->visible_users,
                           g_object_get_data (g_ptr_array_index (self->user_checks, i), "crm-id"), 1);
  for (guint i = 0; i < self->department_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->department_checks, i)))
      g_array_append_vals (config->visible_departments,
                           g_object_get_data (g_ptr_array_index (self->department_checks, i), "crm-id"), 1);
}

gboolean
crm_field_rules_is_complete (CrmFieldRules *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_RULES (self), FALSE);

  return gtk_switch_get_active (self->everyone_switch) ||
         count_checked (self->user_checks) + count_checked (self->department_checks) > 0;
}
