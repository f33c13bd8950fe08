/* imp-export-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "imp-export.h"
#include "imp-scene.h"

G_BEGIN_DECLS

/* PNG export draws in tiles of at most @side pixels a side (4096 by
 * default, and with @side <= 0): tests make them tiny to find seams. */
void _imp_export_set_png_tile_side (int side);

/* What the poster and print code share with the picture exports: the
 * scene @options draw, the framed picture's area in map coordinates (the
 * map's bounds with padding and title line, or the rectangle), and the
 * part @part of it drawn on @cr, whose user space is map coordinates. */
ImpScene *_imp_export_scene_new     (ImpMap                  *map,
                                     const ImpExportOptions  *options);
void      _imp_export_get_area      (ImpScene                *scene,
                                     const ImpExportOptions  *options,
                                     ImpRect                 *area);
void      _imp_export_draw_part     (ImpScene                *scene,
                                     const ImpExportOptions  *options,
                                     cairo_t                 *cr,
                                     const ImpRect           *part);
gboolean  _imp_export_check_options (const ImpExportOptions  *options,
                                     GError                 **error);

G_END_DECLS
