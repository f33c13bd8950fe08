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
/* Between the rows of the down layout. */
#define IMP_LAYOUT_ROW_GAP        72.0

/* What a level header names: a column, or a row in the down layout. */
typedef struct
{
  ImpLevel level;
  ImpRect  rect;     /* map coordinates, across the whole map the other way */
  gboolean row;
  int      side;     /* -1 left of a balanced map's goal, 0 its goal, else 1 */
} ImpLayoutBand;

#define IMP_TYPE_LAYOUT (imp_layout_get_type ())

G_DECLARE_FINAL_TYPE (ImpLayout, imp_layout, IMP, LAYOUT, GObject)

/* A layout of @map with card sizes measured in @theme's type. */
ImpLayout *imp_layout_new           (ImpMap         *map,
                                     const ImpTheme *theme);
ImpLayout *imp_layout_new_for_kind  (ImpMap         *map,
                                     const ImpTheme *theme,
                                     ImpLayoutKind   kind);
void       imp_layout_compute       (ImpLayout      *self);
ImpLayoutKind imp_layout_get_kind   (ImpLayout      *self);
int        imp_layout_get_side      (ImpLayout      *self,
                                     const ImpNode  *node);
guint      imp_layout_get_n_bands   (ImpLayout      *self);
const ImpLayoutBand *imp_layout_get_band (ImpLayout *self,
                                     guint           i);
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
