/* imp-scene.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-layout.h"
#include "imp-map.h"
#include "imp-theme.h"

G_BEGIN_DECLS

/**
 * ImpScene:
 *
 * A map laid out and turned into positioned primitives for one theme: card
 * boxes, wrapped text lines, link curves, progress bars, badges. The canvas,
 * PNG, PDF and SVG all draw the same scene.
 */
#define IMP_TYPE_SCENE (imp_scene_get_type ())

G_DECLARE_FINAL_TYPE (ImpScene, imp_scene, IMP, SCENE, GObject)

/* Lays @map out and builds its scene. The scene keeps a reference on @map
 * but does not follow its changes: build a new scene after an edit. */
ImpScene       *imp_scene_new             (ImpMap         *map,
                                           const ImpTheme *theme);
ImpMap         *imp_scene_get_map         (ImpScene       *self);
const ImpTheme *imp_scene_get_theme       (ImpScene       *self);
ImpLayout      *imp_scene_get_layout      (ImpScene       *self);
/* The bounds of everything drawn (cards, links), without padding. */
void            imp_scene_get_bounds      (ImpScene       *self,
                                           ImpRect        *bounds);
/* The card under (x, y) in map coordinates, or NULL. */
ImpNode        *imp_scene_hit_test        (ImpScene       *self,
                                           double          x,
                                           double          y);
/* The link whose curve passes within @tolerance map units of (x, y), or NULL. */
ImpLink        *imp_scene_hit_test_link   (ImpScene       *self,
                                           double          x,
                                           double          y,
                                           double          tolerance);
gboolean        imp_scene_get_card_rect   (ImpScene       *self,
                                           const ImpNode  *node,
                                           ImpRect        *rect);

/* Columns, for headers: the levels the map uses, left to right. */
guint           imp_scene_get_n_columns   (ImpScene       *self);
void            imp_scene_get_column      (ImpScene       *self,
                                           guint           column,
                                           ImpLevel       *level,
                                           double         *x,
                                           double         *width);
const ImpLayoutBand *imp_scene_get_band   (ImpScene       *self,
                                           guint           column);
/* Like imp_scene_new(), in @kind's layout whatever the map's. */
ImpScene       *imp_scene_new_for_layout  (ImpMap         *map,
                                           const ImpTheme *theme,
                                           ImpLayoutKind   kind);

/* Workshop view state: never saved, and the layout does not change. */
void            imp_scene_set_reveal_level (ImpScene      *self,
                                            int            max_level);
int             imp_scene_get_reveal_level (ImpScene      *self);
void            imp_scene_set_focus       (ImpScene       *self,
                                           ImpNode        *branch);
ImpNode        *imp_scene_get_focus       (ImpScene       *self);
void            imp_scene_get_visible_bounds (ImpScene    *self,
                                           ImpRect        *bounds);

G_END_DECLS
