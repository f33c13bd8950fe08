/* imp-handout.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-export.h"

G_BEGIN_DECLS

/**
 * ImpHandoutKind:
 * @IMP_HANDOUT_NONE: no handouts
 * @IMP_HANDOUT_PER_ACTOR: one handout per actor (per goal in a map without actors)
 * @IMP_HANDOUT_PER_GOAL: one handout per goal
 */
typedef enum
{
  IMP_HANDOUT_NONE,
  IMP_HANDOUT_PER_ACTOR,
  IMP_HANDOUT_PER_GOAL,
} ImpHandoutKind;

/* A PDF with a handout per actor or goal: its branch of the map, then the
 * litmus sentence of every deliverable whose chain runs through it. */
GBytes *imp_handouts_to_pdf (ImpMap                  *map,
                             const ImpExportOptions  *picture,
                             ImpHandoutKind           kind,
                             GError                 **error);

G_END_DECLS
