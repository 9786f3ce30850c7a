/* crm-kanban-card.c — one element on the kanban
 *
 * A `card` box of the element's title, amount, client (its contact and
 * company) and responsible person, all read from the element the column
 * model loaded with the values the reader may see: a hidden amount simply
 * does not show. The card is the drag source of a move; the list view
 * around it opens the element on a click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-kanban-card.h"

struct _CrmKanbanCard
{
  GtkWidget      parent_instance;

  CrmSession    *session;
  CrmElement    *element;

  /* Template widgets */
  GtkLabel      *amount_label;
  GtkBox        *client_box;
  GtkImage      *client_icon;
  GtkLabel      *client_label;
  AdwAvatar     *responsible_avatar;
  GtkBox        *responsible_box;
  GtkLabel      *responsible_label;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (CrmKanbanCard, crm_kanban_card, GTK_TYPE_WIDGET)

static CrmCatalog *
get_catalog (CrmKanbanCard *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static char *
format_field (CrmKanbanCard *self,
              const char    *code)
{
  CrmField *field = crm_catalog_find_field (get_catalog (self),
                                            crm_element_get_entity_type_id (self->element),
                                            code);

  return field != NULL ? crm_element_format_field (self->element, field) : NULL;
}

/* "Contact · Company", whichever are set; a lead without either names
 * the company it was typed with. */
static char *
client_text (CrmKanbanCard *self,
             gboolean      *is_company)
{
  g_autofree char *contact = format_field (self, "contact");
  g_autofree char *company = format_field (self, "company");

  *is_company = contact == NULL;
  if (contact != NULL && company != NULL)
    return g_strdup_printf ("%s · %s", contact, company);
  if (contact != NULL)
    return g_steal_pointer (&contact);
  if (company != NULL)
    return g_steal_pointer (&company);
  return format_field (self, "company_name");
}

static void
update (CrmKanbanCard *self)
{
  g_autofree char *amount = NULL;
  g_autofree char *client = NULL;
  g_autofree char *name = NULL;
  const char *title;
  gboolean is_company = FALSE;
  CrmUser *user;

  if (self->element == NULL)
    return;

  title = crm_element_get_title (self->element);
  if (title == NULL || *title == '\0')
    title = _("Untitled");
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);

  amount = format_field (self, "amount");
  gtk_label_set_text (self->amount_label, amount != NULL ? amount : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_label), amount != NULL);

  client = client_text (self, &is_company);
  gtk_label_set_text (self->client_label, client != NULL ? client : "");
  gtk_image_set_from_icon_name (self->client_icon, is_company ? "building-symbolic" : "avatar-default-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->client_box), client != NULL);

  user = crm_catalog_get_user (get_catalog (self), crm_element_get_responsible_id (self->element));
  gtk_widget_set_visible (GTK_WIDGET (self->responsible_box), user != NULL);
  if (user != NULL)
    {
      gtk_label_set_text (self->responsible_label, crm_user_get_name (user));
      adw_avatar_set_text (self->responsible_avatar, crm_user_get_name (user));
    }

  /* The end-to-end tests find a card by its element. */
  name = g_strdup_printf ("kanban-card-%" G_GINT64_FORMAT, crm_element_get_id (self->element));
  gtk_widget_set_name (GTK_WIDGET (self), name);
}

/* ---- Drag source ---------------------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CrmKanbanCard *self)
{
  if (self->element == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CRM_TYPE_ELEMENT, self->element);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               CrmKanbanCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) image = NULL;
  double x, y;

  /* The card as it is now: the dimming below is for the one left behind. */
  image = gdk_paintable_get_current_image (paintable);
  gtk_gesture_get_point (GTK_GESTURE (source), NULL, &x, &y);
  gtk_drag_source_set_icon (source, image, (int) x, (int) y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "crm-dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             CrmKanbanCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "crm-dragged");
}

/* ---- GObject -------------------------------------------------------------- */

static void
crm_kanban_card_dispose (GObject *object)
{
  CrmKanbanCard *self = CRM_KANBAN_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_KANBAN_CARD);
  g_clear_object (&self->element);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_kanban_card_parent_class)->dispose (object);
}

static void
crm_kanban_card_class_init (CrmKanbanCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_kanban_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-kanban-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, amount_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, client_box);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, client_icon);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, client_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, responsible_avatar);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, responsible_box);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, responsible_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanCard, title_label);

  gtk_widget_class_set_css_name (widget_class, "crm-kanban-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_kanban_card_init (CrmKanbanCard *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

/* ---- Public API ----------------------------------------------------------- */

GtkWidget *
crm_kanban_card_new (CrmSession *session)
{
  CrmKanbanCard *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_KANBAN_CARD, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}

void
crm_kanban_card_set_element (CrmKanbanCard *self,
                             CrmElement    *element)
{
  g_return_if_fail (CRM_IS_KANBAN_CARD (self));
  g_return_if_fail (element == NULL || CRM_IS_ELEMENT (element));

  if (!g_set_object (&self->element, element))
    return;
  update (self);
}

CrmElement *
crm_kanban_card_get_element (CrmKanbanCard *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_CARD (self), NULL);
  return self->element;
}
