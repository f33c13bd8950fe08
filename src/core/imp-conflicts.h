/* imp-conflicts.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-history.h"
#include "imp-map.h"

G_BEGIN_DECLS

/**
 * ImpConflictChoice:
 * @IMP_CONFLICT_KEEP_OURS: keep what the map holds (ours), drop the record
 * @IMP_CONFLICT_KEEP_THEIRS: take their value, drop the record
 */
typedef enum
{
  IMP_CONFLICT_KEEP_OURS,
  IMP_CONFLICT_KEEP_THEIRS,
} ImpConflictChoice;

/* The conflict records a merge left in the map (imp-merge.h), for the
 * window: each one described, and resolved as one undoable step. */
guint       imp_conflicts_get_n            (ImpMap             *map);
/* A sentence for the @i-th record, and what each side holds, or NULL. */
char       *imp_conflicts_describe         (ImpMap             *map,
                                            guint               i,
                                            char              **ours,
                                            char              **theirs);
/* The card the record is about, to select it; NULL when none is in the map. */
ImpNode    *imp_conflicts_get_node         (ImpMap             *map,
                                            guint               i);
/* Whether their value can be taken (a refused link cannot). */
gboolean    imp_conflicts_can_keep_theirs  (ImpMap             *map,
                                            guint               i);
gboolean    imp_conflicts_resolve          (ImpHistory         *history,
                                            guint               i,
                                            ImpConflictChoice   choice,
                                            GError            **error);

G_END_DECLS
