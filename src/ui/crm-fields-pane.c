/* crm-fields-pane.c — the left side of a card: sections of field rows
 *
 * Each section of the resolved layout is a boxed group titled with the
 * section's title; each field a row with the field's label above its value.
 * Values come formatted from the core (crm_element_format_field), so a
 * money or a date reads the same here as in an export. Phone numbers,
 * e-mail addresses and web addresses become links; so do links to other
 * elements, which open their card (the window's "win.open-element").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-fields-pane.h"

/* How a value links to another element: handled here, never shown. */
#define ELEMENT_URI_PREFIX "clientele-element:"

struct _CrmFieldsPane
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkBox            *sections_box;
  gint64             element_id;
};

G_DEFINE_FINAL_TYPE (CrmFieldsPane, crm_fields_pane, GTK_TYPE_WIDGET)

static gboolean
field_type_is_link (CrmFieldType type)
{
  switch (type)
    {
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
      return TRUE;

    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      return FALSE;
    }
}

/* "<a href="tel:+55…">(11) 98765-4321</a> Work", one value a line. */
static char *
build_link_markup (CrmElement *element,
                   CrmField   *field)
{
  const CrmLocale *locale = crm_locale_get_default ();
  const CrmFieldOptions *options = crm_field_get_options (field);
  g_autoptr(GString) markup = g_string_new (NULL);
  GPtrArray *values;

  values = crm_element_get_values (element, field);
  if (values == NULL || values->len == 0)
    return NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);
      g_autofree char *text = crm_value_format (value, options, locale);
      g_autofree char *uri = crm_value_get_uri (value);
      g_autofree char *piece = NULL;

      if (text == NULL)
        text = g_strdup ("");

      if (uri != NULL)
        piece = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
      else
        piece = g_markup_escape_text (text, -1);

      if (i > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, piece);

      if (value->kind != NULL && crm_field_type_has_kind (value->type))
        {
          const char *kind = crm_field_kind_get_label (value->type, value->kind);
          g_autofree char *kind_markup = NULL;

          if (kind != NULL)
            {
              kind_markup = g_markup_printf_escaped (" <span alpha=\"55%%\">%s</span>", kind);
              g_string_append (markup, kind_markup);
            }
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* A link to another CRM element opens its card in this window. */
static char *
build_element_link_markup (CrmElement *element,
                           CrmField   *field,
                           const char *text)
{
  GPtrArray *values = crm_element_get_values (element, field);
  const CrmValue *value;

  /* Several names come joined in one text: no single card to open. */
  if (values == NULL || values->len != 1)
    return NULL;

  value = g_ptr_array_index (values, 0);
  if (value->number <= 0)
    return NULL;

  return g_markup_printf_escaped ("<a href=\"" ELEMENT_URI_PREFIX "%" G_GINT64_FORMAT "\">%s</a>",
                                  value->number, text);
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  guint64 id;

  if (!g_str_has_prefix (uri, ELEMENT_URI_PREFIX))
    return FALSE;

  if (g_ascii_string_to_unsigned (uri + strlen (ELEMENT_URI_PREFIX), 10, 1, G_MAXINT64, &id, NULL))
    gtk_widget_activate_action (GTK_WIDGET (label), "win.open-element", "x", (gint64) id);

  return TRUE;
}

static GtkWidget *
create_value_label (CrmElement *element,
                    CrmField   *field)
{
  CrmFieldType type = crm_field_get_field_type (field);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "selectable", TRUE,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "crm-field-value");

  if (field_type_is_link (type))
    markup = build_link_markup (element, field);

  if (markup != NULL)
    {
      gtk_label_set_markup (GTK_LABEL (label), markup);
      return label;
    }

  text = crm_element_format_field (element, field);

  if (type == CRM_FIELD_TYPE_LINK && text != NULL && *text != '\0')
    markup = build_element_link_markup (element, field, text);

  if (markup != NULL)
    {
      gtk_label_set_markup (GTK_LABEL (label), markup);
      g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), NULL);
      return label;
    }

  if (text == NULL || *text == '\0')
    {
      /* Translators: shown in a card for a field without a value */
      gtk_label_set_text (GTK_LABEL (label), _("Not filled"));
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "crm-field-empty");
      return label;
    }

  gtk_label_set_text (GTK_LABEL (label), text);

  return label;
}

/* The label small above the value, as on a paper form: the pane is
 * narrow, and values (names, addresses, notes) are often long. */
static GtkWidget *
create_field_row (CrmElement *element,
                  CrmField   *field)
{
  g_autofree char *name = NULL;
  GtkWidget *value;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  /* "field-close-date": for the end-to-end tests. */
  name = g_strdup_printf ("field-%s", crm_field_get_code (field));
  g_strdelimit (name, "_", '-');
  value = create_value_label (element, field);
  gtk_widget_set_name (value, name);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", crm_field_get_label (field),
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "css-classes", (const char *[]) { "caption", "dim-label", "crm-field-label", NULL },
                        NULL);

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 2,
                      NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), value);

  row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                      "title", crm_field_get_label (field),
                      "use-markup", FALSE,
                      "activatable", FALSE,
                      "child", box,
                      NULL);
  gtk_widget_add_css_class (row, "crm-field-row");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return row;
}

static GtkWidget *
create_section_group (CrmElement       *element,
                      CrmLayoutSection *section)
{
  GListModel *fields = crm_layout_section_get_fields (section);
  guint n_fields = g_list_model_get_n_items (fields);
  g_autofree char *title = NULL;
  GtkWidget *group;

  if (n_fields == 0)
    return NULL;

  /* The group's title is markup; section titles are typed by people. */
  title = g_markup_escape_text (crm_layout_section_get_title (section), -1);
  group = g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                        "title", title,
                        NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_field_row (element, field));
    }

  return group;
}

static void
clear_sections (CrmFieldsPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))))
    gtk_box_remove (self->sections_box, child);
}

static void
crm_fields_pane_dispose (GObject *object)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (object);

  g_clear_pointer ((GtkWidget **) &self->scrolled_window, gtk_widget_unparent);
  self->sections_box = NULL;

  G_OBJECT_CLASS (crm_fields_pane_parent_class)->dispose (object);
}

static void
crm_fields_pane_class_init (CrmFieldsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_fields_pane_dispose;

  gtk_widget_class_set_css_name (widget_class, "crm-fields-pane");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_fields_pane_init (CrmFieldsPane *self)
{
  GtkWidget *clamp;

  self->sections_box = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 24,
                                     "margin-top", 18,
                                     "margin-bottom", 24,
                                     "margin-start", 18,
                                     "margin-end", 18,
                                     NULL);

  clamp = g_object_new (ADW_TYPE_CLAMP,
                        "maximum-size", 720,
                        "tightening-threshold", 560,
                        "child", self->sections_box,
                        NULL);

  self->scrolled_window = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                        "hscrollbar-policy", GTK_POLICY_NEVER,
                                        "child", clamp,
                                        NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->scrolled_window), GTK_WIDGET (self));
}

GtkWidget *
crm_fields_pane_new (void)
{
  return g_object_new (CRM_TYPE_FIELDS_PANE, NULL);
}

void
crm_fields_pane_set_element (CrmFieldsPane *self,
                             CrmSession    *session,
                             CrmElement    *element,
                             CrmLayout     *layout)
{
  GtkAdjustment *vadjustment;
  GListModel *sections;
  gint64 element_id;
  double scroll = 0;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));
  g_return_if_fail (element == NULL || CRM_IS_ELEMENT (element));
  g_return_if_fail (layout == NULL || CRM_IS_LAYOUT (layout));

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  element_id = element != NULL ? crm_element_get_id (element) : 0;

  if (element_id != 0 && element_id == self->element_id)
    scroll = gtk_adjustment_get_value (vadjustment);

  self->element_id = element_id;
  clear_sections (self);

  if (element == NULL || layout == NULL)
    return;

  sections = crm_layout_get_sections (layout);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GtkWidget *group = create_section_group (element, section);

      if (group != NULL)
        gtk_box_append (self->sections_box, group);
    }

  gtk_adjustment_set_value (vadjustment, scroll);
}
