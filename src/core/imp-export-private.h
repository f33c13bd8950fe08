/* imp-export-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-export.h"

G_BEGIN_DECLS

/* PNG export draws in tiles of at most @side pixels a side (4096 by
 * default, and with @side <= 0): tests make them tiny to find seams. */
void _imp_export_set_png_tile_side (int side);

G_END_DECLS
