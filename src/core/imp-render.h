/* imp-render.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "imp-scene.h"

G_BEGIN_DECLS

typedef enum
{
  IMP_RENDER_DEFAULT    = 0,
  IMP_RENDER_BACKGROUND = 1 << 0,  /* fill @clip with the theme's background first */
} ImpRenderFlags;

/**
 * imp_render_scene:
 * @cr: a cairo context whose user space is map coordinates
 * @clip: (nullable): the part of the map to paint, in map coordinates; %NULL for all
 * @scale: device pixels per map unit, to draw less detail when cards are tiny
 *
 * Paints @scene (or the part of it within @clip) on @cr.
 */
void imp_render_scene          (ImpScene       *scene,
                                cairo_t        *cr,
                                const ImpRect  *clip,
                                double          scale,
                                ImpRenderFlags  flags);

/**
 * imp_render_selection:
 *
 * Draws a selection outline around @node's card, on top of imp_render_scene().
 */
void imp_render_selection      (ImpScene       *scene,
                                cairo_t        *cr,
                                const ImpNode  *node,
                                double          scale);

G_END_DECLS
