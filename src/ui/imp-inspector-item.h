/* imp-inspector-item.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_TYPE_INSPECTOR_ITEM (imp_inspector_item_get_type ())

G_DECLARE_FINAL_TYPE (ImpInspectorItem, imp_inspector_item, IMP, INSPECTOR_ITEM, GObject)

ImpInspectorItem *imp_inspector_item_new      (ImpNode          *node,
                                               const char       *text,
                                               guint             kind,
                                               guint             rank);

ImpNode          *imp_inspector_item_get_node (ImpInspectorItem *self);
const char       *imp_inspector_item_get_text (ImpInspectorItem *self);
guint             imp_inspector_item_get_kind (ImpInspectorItem *self);
guint             imp_inspector_item_get_rank (ImpInspectorItem *self);

G_END_DECLS
