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

G_END_DECLS
