/* imp-tile-cache.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "imp-scene.h"

G_BEGIN_DECLS

/* Painted tiles are this many device pixels a side. */
#define IMP_TILE_SIZE 512

typedef struct _ImpTileCache ImpTileCache;

ImpTileCache *imp_tile_cache_new      (void);
void          imp_tile_cache_free     (ImpTileCache *self);
void          imp_tile_cache_clear    (ImpTileCache *self);

void          imp_tile_cache_paint    (ImpTileCache *self,
                                       ImpScene     *scene,
                                       cairo_t      *cr,
                                       double        scale,
                                       double        offset_x,
                                       double        offset_y,
                                       int           width,
                                       int           height);
gboolean      imp_tile_cache_prefetch (ImpTileCache *self);
guint         imp_tile_cache_get_n_tiles (ImpTileCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpTileCache, imp_tile_cache_free)

G_END_DECLS
