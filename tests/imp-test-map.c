/* imp-test-map.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "imp-map-private.h"
#include "imp-test-map.h"

/**
 * imp_test_add_card:
 * @map: the map
 * @level: the card's level
 * @title: its title
 * @parent: (nullable): the card it goes under, at the end
 *
 * Adds a card the way the core does, outside the history; any refusal
 * fails the test.
 *
 * Returns: (transfer none): the new card
 */
ImpNode *
imp_test_add_card (ImpMap     *map,
                   ImpLevel    level,
                   const char *title,
                   ImpNode    *parent)
{
  g_autoptr(GError) error = NULL;
  ImpNode *node = _imp_map_add_node (map, level, title, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  if (parent != NULL)
    {
      _imp_map_link (map, parent, node, -1, &error);
      g_assert_no_error (error);
    }

  return node;
}
