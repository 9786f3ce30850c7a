/* clientele-core.h — everything the UI, the tests and the benchmarks use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"
#include "crm-demo.h"
#include "crm-department.h"
#include "crm-element.h"
#include "crm-element-as-of.h"
#include "crm-element-draft.h"
#include "crm-element-list-model.h"
#include "crm-entity-type.h"
#include "crm-error.h"
#include "crm-field.h"
#include "crm-field-type.h"
#include "crm-file.h"
#include "crm-layout.h"
#include "crm-layout-views.h"
#include "crm-locale.h"
#include "crm-paged-model.h"
#include "crm-people.h"
#include "crm-pipeline.h"
#include "crm-role.h"
#include "crm-search.h"
#include "crm-session.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-timeline-entry.h"
#include "crm-timeline-model.h"
#include "crm-user.h"
#include "crm-value.h"
