/* imp-combine.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/* The node member that says which source maps proposed a card: an array of
 * the maps' labels. Older versions keep it as an unknown member. */
#define IMP_COMBINE_PROPOSED_BY "proposed-by"

#define IMP_COMBINE_MAX_MAPS 6

ImpMap *imp_combine_maps           (ImpMap            **maps,
                                    const char *const  *labels,
                                    guint               n_maps,
                                    GError            **error);

/* "A, B" for a card of a combined map, or NULL when it records none. */
char   *imp_combine_dup_proposed_by (ImpNode           *node);

G_END_DECLS
