/* imp-canvas-a11y.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-canvas.h"

G_BEGIN_DECLS

char       *imp_canvas_describe_selection         (ImpMap       *map,
                                                   ImpSelection *selection);
void        _imp_canvas_a11y_update               (ImpCanvas    *self);
const char *imp_canvas_get_accessible_description (ImpCanvas    *self);
ImpThemeKind imp_canvas_theme_kind_for            (gboolean      dark,
                                                   gboolean      high_contrast);

const ImpTheme *imp_canvas_theme_for             (gboolean      dark,
                                                   gboolean      high_contrast);

G_END_DECLS
