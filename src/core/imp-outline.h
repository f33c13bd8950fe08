/* imp-outline.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/**
 * ImpOutlineItem:
 * @depth: 0 for a top item, one more per level of indent
 * @title: the text of the line, without bullet or indent
 *
 * One line of an indented text outline.
 */
typedef struct
{
  guint  depth;
  char  *title;
} ImpOutlineItem;

GArray *imp_outline_parse        (const char       *text,
                                  GError          **error);
char   *imp_outline_write        (ImpNode * const  *roots,
                                  guint             n_roots);
ImpMap *imp_outline_to_map       (GArray           *items,
                                  ImpLevel          top_level,
                                  GError          **error);

G_END_DECLS
