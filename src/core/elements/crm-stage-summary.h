/* crm-stage-summary.h — per stage of a pipeline: how many elements, and
 * what their amounts add up to
 *
 * The kanban's column headers. The same rules as the lists: only the
 * elements the reader may read (only their own without ELEMENT_READ_ALL),
 * the same search, and the money field summed only when the reader may
 * see it. Totals are int64 minor units per currency, overflow-checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-field.h"
#include "crm-session.h"

G_BEGIN_DECLS

typedef struct _CrmMoneyTotal
{
  char     *currency;     /* ISO 4217 */
  gint64    minor_units;
  gboolean  overflow;     /* the sum passed the int64 range: minor_units means nothing */
} CrmMoneyTotal;

typedef struct _CrmStageSummary
{
  gint64    stage_id;
  guint     count;
  GArray   *totals;          /* of CrmMoneyTotal, by currency code; never NULL */
  gboolean  amount_hidden;   /* the reader may not see the money field: no totals */
  gboolean  overflow;        /* one of the totals overflowed */
} CrmStageSummary;

#define CRM_TYPE_STAGE_SUMMARY (crm_stage_summary_get_type ())

GType            crm_stage_summary_get_type (void) G_GNUC_CONST;
CrmStageSummary *crm_stage_summary_copy     (const CrmStageSummary *summary);
void             crm_stage_summary_free     (CrmStageSummary       *summary);
/* The total in @currency, or 0 (also when it overflowed). */
gint64           crm_stage_summary_get_total (const CrmStageSummary *summary,
                                              const char            *currency);

/* One CrmStageSummary per stage of @pipeline_id, in the stages' order
 * (stages without elements count 0). @money_field NULL sums the type's
 * "amount" field; @search as typed in the list (NULL or "" for all).
 * PERMISSION_DENIED without ELEMENT_READ, NOT_FOUND for an unknown pipeline. */
GPtrArray       *crm_stage_summary_load     (CrmSession            *session,
                                             gint64                 pipeline_id,
                                             CrmField              *money_field,
                                             const char            *search,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStageSummary, crm_stage_summary_free)

G_END_DECLS
