/* imp-inspector-conflicts.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-history.h"
#include "imp-selection.h"

G_BEGIN_DECLS

/* The map page's "Merge Conflicts" group: a row per conflict record a merge
 * left in the map, each with Keep Ours, Keep Theirs and Edit; NULL when the
 * map has none. */
GtkWidget *_imp_inspector_conflicts_new (ImpHistory   *history,
                                         ImpSelection *selection);

G_END_DECLS
