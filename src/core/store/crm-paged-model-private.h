/* crm-paged-model-private.h — what CrmPagedModel's subclasses call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-paged-model.h"

G_BEGIN_DECLS

/* The subclass's filters or order changed: drops what is loaded, loads the
 * first page again and tells views in one items-changed. */
void _crm_paged_model_reload (CrmPagedModel *self);

G_END_DECLS
