/* crm-stage-bar.c — the coloured stage chips at the top of a card
 *
 * One chip per stage of the element's pipeline: the current stage and the
 * ones before it are filled with their colour, later ones outlined. A
 * failed element fills only its failure stage, so the bar does not read as
 * a pipeline walked to its end. Clicking a chip activates "stage-bar.move-to"
 * with the stage's id, which the bar passes on as "stage-activated"; the
 * card enables it (crm_stage_bar_set_can_move ()) where the user may write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-stage-bar.h"
#include "crm-stage-style.h"

struct _CrmStageBar
{
  GtkWidget  parent_instance;

  gint64     stage_id;
  gboolean   can_move;
};

G_DEFINE_FINAL_TYPE (CrmStageBar, crm_stage_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { STAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_chips (CrmStageBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}

/* Tooltips answered on demand: in GTK 4.8, setting a tooltip's text on a
 * shown widget costs a round trip to the X server, per chip per card. */
static gboolean
query_tooltip_cb (GtkWidget  *button,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (button), "crm-tooltip"));
  return TRUE;
}

/* What depends on where the element is in its pipeline. */
static void
show_chip_state (GtkWidget *button,
                 CrmStage  *stage,
                 gboolean   filled,
                 gboolean   current)
{
  if (filled)
    gtk_widget_add_css_class (button, "filled");
  else
    gtk_widget_remove_css_class (button, "filled");

  if (current)
    {
      gtk_widget_add_css_class (button, "current");
      g_object_set_data_full (G_OBJECT (button), "crm-tooltip",
                              /* Translators: tooltip of the stage chip of the element's stage */
                              g_strdup_printf (_("Current stage: %s"), crm_stage_get_name (stage)),
                              g_free);
    }
  else
    {
      gtk_widget_remove_css_class (button, "current");
      g_object_set_data_full (G_OBJECT (button), "crm-tooltip", g_strdup (crm_stage_get_name (stage)), g_free);
    }
}

static GtkWidget *
create_chip (CrmStage *stage)
{
  g_autofree char *name = NULL;
  GtkWidget *button;
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", crm_stage_get_name (stage),
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "width-chars", 4,
                        NULL);

  button = g_object_new (GTK_TYPE_BUTTON,
                         "child", label,
                         "hexpand", TRUE,
                         "can-focus", FALSE,
                         "action-name", "stage-bar.move-to",
                         NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", crm_stage_get_id (stage));
  gtk_widget_add_css_class (button, "crm-stage-chip");
  crm_stage_style_add_class (button, crm_stage_get_color (stage));

  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  name = g_strdup_printf ("stage-chip-%s", crm_stage_get_code (stage));
  g_strdelimit (name, "_", '-');
  gtk_widget_set_name (button, name);

  return button;
}

/* The chips shown are those of @stages, in order: another element of the
 * pipeline only moves the filling. A catalog change brings new stage
 * objects, and so new chips, with their new names and colours. */
static gboolean
chips_show (CrmStageBar *self,
            GListModel  *stages)
{
  GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self));
  guint n_stages = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n_stages; i++, chip = gtk_widget_get_next_sibling (chip))
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (chip == NULL || g_object_get_data (G_OBJECT (chip), "crm-stage") != stage)
        return FALSE;
    }

  return chip == NULL;
}

static void
move_to_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrmStageBar *self = CRM_STAGE_BAR (widget);
  gint64 stage_id = g_variant_get_int64 (parameter);

  /* The current stage is where the element already is. */
  if (stage_id != self->stage_id)
    g_signal_emit (self, signals[STAGE_ACTIVATED], 0, stage_id);
}

static void
crm_stage_bar_dispose (GObject *object)
{
  clear_chips (CRM_STAGE_BAR (object));

  G_OBJECT_CLASS (crm_stage_bar_parent_class)->dispose (object);
}

static void
crm_stage_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmStageBar *self = CRM_STAGE_BAR (object);

  switch (prop_id)
    {
    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_stage_bar_class_init (CrmStageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_stage_bar_dispose;
  object_class->get_property = crm_stage_bar_get_property;

  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A chip was clicked: move the element to this stage (gint64 id). */
  signals[STAGE_ACTIVATED] =
    g_signal_new ("stage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "crm-stage-bar");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "stage-bar.move-to", "x", move_to_cb);
}

static void
crm_stage_bar_init (CrmStageBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  /* Not homogeneous: a long stage name gets the room it needs while the
   * others still share what is left. */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage-bar.move-to", FALSE);
}

GtkWidget *
crm_stage_bar_new (void)
{
  return g_object_new (CRM_TYPE_STAGE_BAR, NULL);
}

void
crm_stage_bar_set_stages (CrmStageBar *self,
                          CrmPipeline *pipeline,
                          gint64       stage_id)
{
  GListModel *stages;
  CrmStage *current = NULL;
  GtkWidget *chip;
  gboolean failed = FALSE;
  int current_index;
  guint n_stages;

  g_return_if_fail (CRM_IS_STAGE_BAR (self));
  g_return_if_fail (pipeline == NULL || CRM_IS_PIPELINE (pipeline));

  if (self->stage_id != stage_id)
    {
      self->stage_id = stage_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_ID]);
    }

  if (pipeline == NULL)
    {
      clear_chips (self);
      return;
    }

  stages = crm_pipeline_get_stages (pipeline);
  n_stages = g_list_model_get_n_items (stages);
  current_index = crm_pipeline_get_stage_index (pipeline, stage_id);

  if (current_index >= 0)
    {
      current = g_list_model_get_item (stages, current_index);
      failed = crm_stage_get_semantics (current) == CRM_STAGE_FAILURE;
      g_object_unref (current);
    }

  if (!chips_show (self, stages))
    {
      clear_chips (self);
      for (guint i = 0; i < n_stages; i++)
        {
          g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
          GtkWidget *new_chip = create_chip (stage);

          g_object_set_data_full (G_OBJECT (new_chip), "crm-stage", g_object_ref (stage), g_object_unref);
          gtk_widget_set_parent (new_chip, GTK_WIDGET (self));
        }
    }

  chip = gtk_widget_get_first_child (GTK_WIDGET (self));
  for (guint i = 0; i < n_stages; i++, chip = gtk_widget_get_next_sibling (chip))
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      gboolean is_current = (int) i == current_index;
      gboolean filled;

      if (failed)
        filled = is_current;
      else
        filled = current_index >= 0 && (int) i <= current_index;

      show_chip_state (chip, stage, filled, is_current);
    }
}

void
crm_stage_bar_set_can_move (CrmStageBar *self,
                            gboolean     can_move)
{
  g_return_if_fail (CRM_IS_STAGE_BAR (self));

  self->can_move = !!can_move;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage-bar.move-to", self->can_move);
}

gboolean
crm_stage_bar_get_can_move (CrmStageBar *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_BAR (self), FALSE);

  return self->can_move;
}

gint64
crm_stage_bar_get_stage_id (CrmStageBar *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_BAR (self), 0);

  return self->stage_id;
}
