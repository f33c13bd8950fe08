/* imp-svg.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-scene.h"

G_BEGIN_DECLS

/* Writes @scene as an SVG document in px with every text line as a real
 * <text> element, so slide tools can edit it. @padding surrounds the bounds. */
char *imp_svg_write_to_data (ImpScene *scene,
                             double    padding,
                             gboolean  background,
                             gsize    *length);

/**
 * ImpSvgHeading:
 *
 * A line of text above the picture (the map's title and a date), its
 * baseline at (@x, @y) in map coordinates.
 */
typedef struct
{
  const char *text;
  double      x;
  double      y;
  double      size;
} ImpSvgHeading;

/* The same, for the part of the map inside @view (map coordinates), with
 * an optional @heading. */
char *imp_svg_write_area    (ImpScene            *scene,
                             const ImpRect       *view,
                             gboolean             background,
                             const ImpSvgHeading *heading,
                             gsize               *length);

G_END_DECLS
