/* imp-render-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "imp-scene-private.h"

G_BEGIN_DECLS

/* A link longer than this many device pixels (a cross-link between cards
 * far apart on a big map) is drawn by _imp_render_long_link(). */
#define IMP_LONG_LINK_PX 2048.0

gboolean _imp_render_is_long_link (cairo_t            *cr,
                                   const ImpSceneLink *link,
                                   const ImpRect      *clip,
                                   double              scale);

/* Strokes @link's curve with its width, colour and dashes, only the parts
 * that meet @clip (%NULL for all). The curve is flattened and its dashes
 * laid out by the same rules whatever @clip is, so a clipped render paints
 * exactly what a full one paints there, at a cost that follows the part on
 * screen rather than the whole length. */
void     _imp_render_long_link    (cairo_t            *cr,
                                   const ImpSceneLink *link,
                                   const ImpRect      *clip,
                                   double              scale);

/* Private ImpRenderFlags: paint only the links and their status marks, or
 * only the cards, so a cache can lay moving parts between the two. */
#define IMP_RENDER_NO_CARDS (1 << 8)
#define IMP_RENDER_NO_LINKS (1 << 9)

G_END_DECLS
