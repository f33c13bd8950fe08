/* imp-layout.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"
#include "imp-theme.h"

G_BEGIN_DECLS

/* Geometry of the tidy tree, in map units (px at 100 % zoom). */
#define IMP_LAYOUT_CARD_WIDTH     240.0
#define IMP_LAYOUT_COLUMN_GAP     96.0
#define IMP_LAYOUT_SIBLING_GAP    20.0
#define IMP_LAYOUT_COLUMN_STRIDE  (IMP_LAYOUT_CARD_WIDTH + IMP_LAYOUT_COLUMN_GAP)

#define IMP_TYPE_LAYOUT (imp_layout_get_type ())

G_DECLARE_FINAL_TYPE (ImpLayout, imp_layout, IMP, LAYOUT, GObject)

/* A layout of @map with card sizes measured in @theme's type. */
ImpLayout *imp_layout_new           (ImpMap         *map,
                                     const ImpTheme *theme);
void       imp_layout_compute       (ImpLayout      *self);
/* FALSE for a node that is hidden (under a collapsed ancestor). */
gboolean   imp_layout_get_node_rect (ImpLayout      *self,
                                     const ImpNode  *node,
                                     ImpRect        *rect);
gboolean   imp_layout_is_visible    (ImpLayout      *self,
                                     const ImpNode  *node);
void       imp_layout_get_bounds    (ImpLayout      *self,
                                     ImpRect        *bounds);
/* The left edge of @level's column; FALSE when the map's vocabulary folds
 * that column away (actors in three tiers, when no actor exists). */
gboolean   imp_layout_get_column_x  (ImpLayout      *self,
                                     ImpLevel        level,
                                     double         *x);

G_END_DECLS
