/* crm-comment-editor.h — a comment's text being edited, with Save and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_COMMENT_EDITOR (crm_comment_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmCommentEditor, crm_comment_editor, CRM, COMMENT_EDITOR, GtkWidget)

GtkWidget   *crm_comment_editor_new           (void);
/* Replaces the text and puts the cursor at its end. */
void         crm_comment_editor_set_text      (CrmCommentEditor *self,
                                               const char       *text);
char        *crm_comment_editor_dup_text      (CrmCommentEditor *self);
GtkTextView *crm_comment_editor_get_text_view (CrmCommentEditor *self);

G_END_DECLS
