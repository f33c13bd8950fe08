/* imp-merge.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/* The top-level member that holds a merge's conflict records (see the README's
 * file format). A version that does not know it keeps it as an unknown
 * member, and the map it shows is the merged one, "ours" where they disagree. */
#define IMP_MERGE_CONFLICTS "conflicts"

/**
 * imp_merge_maps:
 * @base: the common ancestor
 * @ours: one side (git's %A, the branch being merged into)
 * @theirs: the other side (%B)
 * @n_conflicts: (out) (optional): return location for the number of conflicts
 * @error: return location for an error
 *
 * A three-way merge by card id and link endpoints. Changes of one side that
 * the other left alone are taken; both sides' new cards and links are kept,
 * ours first. Where both changed one thing differently the merged map keeps
 * ours and records both values in the "conflicts" member: a field changed
 * to two values, a card or link deleted on one side and changed on the
 * other, a card moved to two different parents, a link that the merge would
 * make break the level rule or close a cycle (left out and recorded). The
 * merged map always loads.
 *
 * Returns: (transfer full) (nullable): the merged map, or %NULL with @error
 *   set if it cannot be made
 */
ImpMap *imp_merge_maps     (ImpMap  *base,
                            ImpMap  *ours,
                            ImpMap  *theirs,
                            guint   *n_conflicts,
                            GError **error);

/* The number of conflict records @map holds. */
guint   imp_merge_count_conflicts (ImpMap *map);

G_END_DECLS
