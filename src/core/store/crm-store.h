/* crm-store.h — the SQLite store: connection, migrations, change signal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The schema version this build writes; a newer database is refused. */
#define CRM_STORE_SCHEMA_VERSION 10

typedef struct _CrmCatalog CrmCatalog;

/* ---- Change notifications ------------------------------------------------ */

typedef enum
{
  CRM_CHANGE_ELEMENT_ADDED,    /* id: element, parent: entity type */
  CRM_CHANGE_ELEMENT_UPDATED,  /* id: element, parent: entity type */
  CRM_CHANGE_ELEMENT_REMOVED,  /* id: element, parent: entity type */
  CRM_CHANGE_ENTRY_ADDED,      /* id: timeline entry, parent: element */
  CRM_CHANGE_ENTRY_UPDATED,    /* id: timeline entry, parent: element */
  CRM_CHANGE_ENTRY_REMOVED,    /* id: timeline entry, parent: element */
  CRM_CHANGE_LAYOUT,           /* id: layout, parent: entity type */
  CRM_CHANGE_CATALOG,          /* types, pipelines, stages, fields, users */
} CrmChangeKind;

typedef struct _CrmChangeItem
{
  CrmChangeKind kind;
  gint64        id;
  gint64        parent;
} CrmChangeItem;

/* Everything one committed transaction changed. */
typedef struct _CrmChange CrmChange;

#define CRM_TYPE_CHANGE (crm_change_get_type ())

GType                crm_change_get_type   (void) G_GNUC_CONST;
CrmChange           *crm_change_ref        (CrmChange     *change);
void                 crm_change_unref      (CrmChange     *change);
guint                crm_change_get_n_items (CrmChange    *change);
const CrmChangeItem *crm_change_get_item   (CrmChange     *change,
                                            guint          index);
gboolean             crm_change_has_kind   (CrmChange     *change,
                                            CrmChangeKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChange, crm_change_unref)

/* ---- The store ------------------------------------------------------------ */

#define CRM_TYPE_STORE (crm_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmStore, crm_store, CRM, STORE, GObject)

/* Opens or creates @path (":memory:" for a private database) and brings it
 * to CRM_STORE_SCHEMA_VERSION. Emits "changed" (CrmChange *) once per
 * committed write, on the thread that owns the store. */
CrmStore   *crm_store_open               (const char  *path,
                                          GError     **error);
const char *crm_store_get_path           (CrmStore    *self);
int         crm_store_get_schema_version (CrmStore    *self);
CrmCatalog *crm_store_get_catalog        (CrmStore    *self);
/* Groups many writes (an import, the demo data) into one transaction and
 * one change notification. Transactions nest. */
gboolean    crm_store_begin              (CrmStore    *self,
                                          GError     **error);
gboolean    crm_store_commit             (CrmStore    *self,
                                          GError     **error);
void        crm_store_rollback           (CrmStore    *self);
/* TRUE when the database holds no element yet (for --demo). */
gboolean    crm_store_is_empty           (CrmStore    *self);

G_END_DECLS
