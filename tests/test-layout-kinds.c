/* test-layout-kinds.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The three layouts (right, balanced, down): what each promises about
 * where cards go, their pins, their incremental updates, and the file
 * members and undo step that choose them. */

#define G_LOG_DOMAIN "test-layout-kinds"

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-format.h"
#include "imp-history.h"
#include "imp-layout-private.h"
#include "imp-map-private.h"
#include "imp-scene-private.h"
#include "imp-test-map.h"

static const ImpLayoutKind all_kinds[] = { IMP_LAYOUT_RIGHT, IMP_LAYOUT_BALANCED, IMP_LAYOUT_DOWN };

static ImpRect
node_rect (ImpLayout     *layout,
           const ImpNode *node)
{
  ImpRect rect = { 0, };

  g_assert_true (imp_layout_get_node_rect (layout, node, &rect));

  return rect;
}

/* Like test-layout.c's: mostly a tree, some unconnected cards, some
 * second parents, a few collapsed branches. */
static ImpMap *
make_random (GRand *rand,
             guint  n_nodes)
{
  ImpMap *map = imp_map_new ();
  GPtrArray *by_level[IMP_N_LEVELS];

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    by_level[l] = g_ptr_array_new ();

  for (guint i = 0; i < n_nodes; i++)
    {
      ImpLevel level = i < 4 ? IMP_LEVEL_GOAL : g_rand_int_range (rand, 1, IMP_N_LEVELS);
      GString *title = g_string_new (NULL);
      guint words = g_rand_int_range (rand, 1, 14);
      ImpNode *node;

      for (guint w = 0; w < words; w++)
        g_string_append_printf (title, "%sword%u", w ? " " : "",
                                g_rand_int_range (rand, 0, 100000));
      node = _imp_map_add_node (map, level, title->str, NULL, NULL);
      g_string_free (title, TRUE);

      if (level > IMP_LEVEL_GOAL && by_level[level - 1]->len > 0 &&
          g_rand_int_range (rand, 0, 20) != 0)
        {
          GPtrArray *parents = by_level[level - 1];

          _imp_map_link (map, g_ptr_array_index (parents, g_rand_int_range (rand, 0, parents->len)),
                         node, -1, NULL);
          if (g_rand_int_range (rand, 0, 10) == 0)
            _imp_map_link (map,
                           g_ptr_array_index (parents, g_rand_int_range (rand, 0, parents->len)),
                           node, -1, NULL);
        }
      if (g_rand_int_range (rand, 0, 40) == 0)
        _imp_map_set_node_collapsed (map, node, TRUE);

      g_ptr_array_add (by_level[level], node);
    }

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    g_ptr_array_unref (by_level[l]);

  return map;
}

/* Goals with actors, impacts, deliverables, experiments; branches of
 * different sizes. */
static ImpMap *
make_forest (guint n_goals)
{
  ImpMap *map = imp_map_new ();

  for (guint g = 0; g < n_goals; g++)
    {
      ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "A goal with a longer title", NULL);

      for (guint a = 0; a < 5 + g; a++)
        {
          ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "An actor", goal);

          for (guint i = 0; i < 1 + (a * 3) % 4; i++)
            {
              ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT,
                                          "An impact whose text wraps over two lines", actor);

              for (guint d = 0; d < 1 + (a + i) % 3; d++)
                {
                  ImpNode *del = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Deliverable", impact);

                  if (d == 1)
                    imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, "Experiment", del);
                }
            }
        }
    }

  return map;
}

static int
compare_rect_x (gconstpointer a,
                gconstpointer b)
{
  const ImpRect *ra = a, *rb = b;

  if (ra->x != rb->x)
    return ra->x < rb->x ? -1 : 1;
  return ra->y < rb->y ? -1 : ra->y > rb->y;
}

/* No two visible cards overlap, whatever the layout: a sweep along x. */
static void
assert_no_overlap (ImpMap    *map,
                   ImpLayout *layout)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (ImpRect));

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpRect rect;

      if (imp_layout_get_node_rect (layout, imp_map_get_node (map, i), &rect))
        g_array_append_val (rects, rect);
    }
  g_array_sort (rects, compare_rect_x);

  for (guint i = 0; i < rects->len; i++)
    {
      const ImpRect *a = &g_array_index (rects, ImpRect, i);

      for (guint j = i + 1; j < rects->len; j++)
        {
          const ImpRect *b = &g_array_index (rects, ImpRect, j);

          if (b->x >= a->x + a->width)
            break;
          if (imp_rect_intersects (a, b))
            g_error ("cards overlap in layout %s: (%g, %g, %g, %g) and (%g, %g, %g, %g)",
                     imp_layout_kind_to_string (imp_layout_get_kind (layout)),
                     a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height);
        }
    }
}

static ImpNode *
tree_root (ImpNode *node)
{
  while (imp_node_get_tree_parent (node) != NULL)
    node = imp_node_get_tree_parent (node);

  return node;
}

/* Every unpinned card sits in a band of its level: its column (on its own
 * side of a balanced goal) or its row. */
static void
assert_in_bands (ImpMap    *map,
                 ImpLayout *layout)
{
  ImpLayoutKind kind = imp_layout_get_kind (layout);
  guint checked = 0;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      ImpRect rect;
      gboolean found = FALSE;

      if (imp_node_get_pin (node, kind, NULL, NULL) ||
          !imp_layout_get_node_rect (layout, node, &rect))
        continue;

      for (guint b = 0; b < imp_layout_get_n_bands (layout) && !found; b++)
        {
          const ImpLayoutBand *band = imp_layout_get_band (layout, b);

          if (band->level != node->level)
            continue;
          if (kind == IMP_LAYOUT_DOWN)
            found = band->row && band->rect.y == rect.y;
          else
            found = !band->row && band->rect.x == rect.x &&
                    (kind != IMP_LAYOUT_BALANCED ||
                     band->side == imp_layout_get_side (layout, node));
        }
      /* Unconnected cards of a balanced map sit in the right layout's
       * columns under the trees: no band, but still one x per level. */
      if (!found && kind == IMP_LAYOUT_BALANCED && tree_root (node)->level != IMP_LEVEL_GOAL)
        {
          double x;

          g_assert_true (imp_layout_get_column_x (layout, node->level, &x));
          found = rect.x == x;
        }
      if (!found)
        g_error ("a %s card at (%g, %g) is in no band of its level in layout %s",
                 imp_level_to_string (node->level), rect.x, rect.y,
                 imp_layout_kind_to_string (kind));
      checked++;
    }

  g_assert_cmpuint (checked, >, 0);
}

static void
test_random_no_overlap (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(ImpMap) map = make_random (rand, 2000);

      for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
        {
          g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, all_kinds[k]);

          imp_layout_compute (layout);
          g_assert_cmpint (imp_layout_get_kind (layout), ==, all_kinds[k]);
          assert_no_overlap (map, layout);
          assert_in_bands (map, layout);
        }
    }
}

/* Three tiers fold the actor column away in every layout: impacts sit
 * next to their goal, in its column's neighbour or the row below it. */
static void
test_three_tiers (void)
{
  g_autoptr(ImpMap) map = imp_map_new_for_vocabulary ("Impact", IMP_VOCABULARY_THREE_TIERS);
  ImpNode *goal = imp_map_get_node (map, 0);

  for (guint i = 0; i < 6; i++)
    {
      ImpNode *outcome = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Teachers grade sooner", goal);

      for (guint d = 0; d < 1 + i % 3; d++)
        imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Faster uploads", outcome);
    }

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, all_kinds[k]);
      ImpRect g = node_rect (layout, goal);
      ImpRect o = node_rect (layout, imp_node_get_child (goal, 0));

      assert_no_overlap (map, layout);
      assert_in_bands (map, layout);
      for (guint b = 0; b < imp_layout_get_n_bands (layout); b++)
        g_assert_cmpint (imp_layout_get_band (layout, b)->level, !=, IMP_LEVEL_ACTOR);
      if (all_kinds[k] == IMP_LAYOUT_DOWN)
        g_assert_cmpfloat (o.y, ==, g.y + g.height + IMP_LAYOUT_ROW_GAP);
      else
        g_assert_cmpfloat (fabs (o.x - g.x), ==, IMP_LAYOUT_COLUMN_STRIDE);
    }
}

/* The map's own layout is what imp_layout_new() draws. */
static void
test_follows_map (void)
{
  g_autoptr(ImpMap) map = make_forest (1);
  g_autoptr(ImpLayout) layout = imp_layout_new (map, NULL);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_map_get_node (map, 1);
  ImpRect g, a;

  imp_layout_compute (layout);
  g_assert_cmpint (imp_layout_get_kind (layout), ==, IMP_LAYOUT_RIGHT);
  g = node_rect (layout, goal);
  a = node_rect (layout, actor);
  g_assert_cmpfloat (a.x, >, g.x);

  _imp_map_set_layout (map, IMP_LAYOUT_DOWN);
  imp_layout_compute (layout);
  g_assert_cmpint (imp_layout_get_kind (layout), ==, IMP_LAYOUT_DOWN);
  g = node_rect (layout, goal);
  a = node_rect (layout, actor);
  /* Levels as rows: the actor's row is below the goal's. */
  g_assert_cmpfloat (a.y, >=, g.y + g.height + IMP_LAYOUT_ROW_GAP);
}

static void
subtree_extent (ImpLayout *layout,
                ImpNode   *node,
                double    *top,
                double    *bottom)
{
  ImpRect rect;

  if (!imp_layout_get_node_rect (layout, node, &rect))
    return;
  *top = MIN (*top, rect.y);
  *bottom = MAX (*bottom, rect.y + rect.height);
  if (node->collapsed)
    return;
  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->children, i);

      if (imp_link_is_tree_link (link))
        subtree_extent (layout, link->child, top, bottom);
    }
}

/* The goal in the middle, branches on both sides, the two sides within
 * one branch (and the gap between branches) of equal height; several goals
 * side by side. */
static void
test_balanced_sides (void)
{
  g_autoptr(ImpMap) map = make_forest (3);
  g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, IMP_LAYOUT_BALANCED);
  g_autoptr(GPtrArray) roots = imp_map_get_roots (map);
  double last_right = -G_MAXDOUBLE;

  imp_layout_compute (layout);
  assert_no_overlap (map, layout);
  assert_in_bands (map, layout);

  for (guint r = 0; r < roots->len; r++)
    {
      ImpNode *goal = g_ptr_array_index (roots, r);
      ImpRect g = node_rect (layout, goal);
      double top[2] = { G_MAXDOUBLE, G_MAXDOUBLE }, bottom[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };
      double tallest = 0, min_x = g.x, max_x = g.x + g.width;
      guint n[2] = { 0, 0 };

      g_assert_cmpint (imp_layout_get_side (layout, goal), ==, 0);
      for (guint i = 0; i < goal->children->len; i++)
        {
          ImpNode *child = imp_node_get_child (goal, i);
          ImpRect c = node_rect (layout, child);
          int side = imp_layout_get_side (layout, child);
          guint k = side < 0 ? 1 : 0;
          double t = G_MAXDOUBLE, b = -G_MAXDOUBLE;

          g_assert_cmpint (side, !=, 0);
          /* Links leave the goal towards the side the branch is on. */
          if (side < 0)
            g_assert_cmpfloat (c.x + c.width, <, g.x);
          else
            g_assert_cmpfloat (c.x, >, g.x + g.width);
          min_x = MIN (min_x, c.x);
          max_x = MAX (max_x, c.x + c.width);
          subtree_extent (layout, child, &t, &b);
          tallest = MAX (tallest, b - t);
          top[k] = MIN (top[k], t);
          bottom[k] = MAX (bottom[k], b);
          n[k]++;
        }

      g_assert_cmpuint (n[0], >, 0);
      g_assert_cmpuint (n[1], >, 0);
      g_assert_cmpfloat (fabs ((bottom[0] - top[0]) - (bottom[1] - top[1])), <=,
                         tallest + IMP_LAYOUT_SUBTREE_GAP);
      /* Each side is centred on the goal. */
      for (guint k = 0; k < 2; k++)
        g_assert_cmpfloat (fabs ((top[k] + bottom[k]) / 2 - (g.y + g.height / 2)), <=,
                           tallest);
      /* Goals side by side, left to right, never sharing a column. */
      g_assert_cmpfloat (min_x, >, last_right);
      last_right = max_x;
    }
}

/* A parent is centred on its visible tree children: across them (y) in
 * the right and balanced layouts, along them (x) in the down layout. */
static void
assert_centred (ImpMap    *map,
                ImpLayout *layout)
{
  ImpLayoutKind kind = imp_layout_get_kind (layout);
  guint checked = 0;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      double first = G_MAXDOUBLE, last = -G_MAXDOUBLE;
      ImpRect p;
      guint n = 0;

      if (node->collapsed || !imp_layout_get_node_rect (layout, node, &p) ||
          imp_node_get_pin (node, kind, NULL, NULL))
        continue;
      /* A balanced goal is centred on each side: checked above. */
      if (kind == IMP_LAYOUT_BALANCED && node->level == IMP_LEVEL_GOAL)
        continue;

      for (guint j = 0; j < node->children->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->children, j);
          ImpRect c;

          if (!imp_link_is_tree_link (link) || imp_node_get_pin (link->child, kind, NULL, NULL) ||
              !imp_layout_get_node_rect (layout, link->child, &c))
            continue;
          if (kind == IMP_LAYOUT_DOWN)
            {
              first = MIN (first, c.x);
              last = MAX (last, c.x + c.width);
            }
          else
            {
              first = MIN (first, c.y);
              last = MAX (last, c.y + c.height);
            }
          n++;
        }
      if (n == 0 || n != node->children->len)
        continue;

      if (kind == IMP_LAYOUT_DOWN)
        g_assert_cmpfloat (fabs ((first + last) / 2 - (p.x + p.width / 2)), <=, 1);
      else
        g_assert_cmpfloat (fabs ((first + last) / 2 - (p.y + p.height / 2)), <=, 1);
      checked++;
    }

  g_assert_cmpuint (checked, >, 10);
}

static void
test_centred (void)
{
  g_autoptr(ImpMap) map = make_forest (2);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, all_kinds[k]);

      imp_layout_compute (layout);
      assert_centred (map, layout);
    }
}

/* The down layout: one row per level, each as tall as its tallest card,
 * rows in level order. */
static void
test_down_rows (void)
{
  g_autoptr(ImpMap) map = make_forest (2);
  g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, IMP_LAYOUT_DOWN);
  double last_bottom = -G_MAXDOUBLE;
  guint rows = 0;

  imp_layout_compute (layout);
  for (guint b = 0; b < imp_layout_get_n_bands (layout); b++)
    {
      const ImpLayoutBand *band = imp_layout_get_band (layout, b);

      g_assert_true (band->row);
      g_assert_cmpint (band->level, ==, b);
      g_assert_cmpfloat (band->rect.y, >, last_bottom);
      last_bottom = band->rect.y + band->rect.height;
      rows++;
    }
  g_assert_cmpuint (rows, ==, IMP_N_LEVELS);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      const ImpLayoutBand *band = imp_layout_get_band (layout, node->level);
      ImpRect r = node_rect (layout, node);

      g_assert_cmpfloat (r.y, ==, band->rect.y);
      g_assert_cmpfloat (r.height, <=, band->rect.height);
    }
}

/* A pin belongs to the layout it was made in: the card keeps it there and
 * carries its subtree along; the other layouts do not move it. */
static void
test_pins_per_layout (void)
{
  g_autoptr(ImpMap) map = make_forest (1);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_node_get_child (goal, 1);
  ImpNode *impact = imp_node_get_child (actor, 0);
  ImpRect before[IMP_N_LAYOUTS], impact_before[IMP_N_LAYOUTS];

  for (guint k = 0; k < IMP_N_LAYOUTS; k++)
    {
      g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, k);

      before[k] = node_rect (layout, actor);
      impact_before[k] = node_rect (layout, impact);
    }

  for (guint pinned = 0; pinned < IMP_N_LAYOUTS; pinned++)
    {
      /* Reuse the same map: clear the last pin through the map. */
      for (guint k = 0; k < IMP_N_LAYOUTS; k++)
        _imp_map_set_node_pin (map, actor, k, FALSE, 0, 0);
      _imp_map_set_layout (map, pinned);
      _imp_map_set_node_position (map, actor, TRUE, before[pinned].x + 1000,
                                  before[pinned].y - 700);
      g_assert_true (imp_node_get_pin (actor, pinned, NULL, NULL));

      for (guint k = 0; k < IMP_N_LAYOUTS; k++)
        {
          g_autoptr(ImpLayout) layout = imp_layout_new_for_kind (map, NULL, k);
          ImpRect a = node_rect (layout, actor);
          ImpRect i = node_rect (layout, impact);

          if (k == pinned)
            {
              g_assert_cmpfloat (a.x, ==, before[k].x + 1000);
              g_assert_cmpfloat (a.y, ==, before[k].y - 700);
              g_assert_cmpfloat (i.x - impact_before[k].x, ==, 1000);
              g_assert_cmpfloat (i.y - impact_before[k].y, ==, -700);
            }
          else
            {
              g_assert_cmpfloat (a.x, ==, before[k].x);
              g_assert_cmpfloat (a.y, ==, before[k].y);
            }
        }
    }
}

static void
assert_same_layout (ImpMap    *map,
                    ImpLayout *a,
                    ImpLayout *b)
{
  ImpRect ra, rb;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      gboolean has_a = imp_layout_get_node_rect (a, node, &ra);
      gboolean has_b = imp_layout_get_node_rect (b, node, &rb);

      g_assert_cmpint (has_a, ==, has_b);
      if (!has_a)
        continue;
      g_assert_cmpfloat (ra.x, ==, rb.x);
      g_assert_cmpfloat (ra.y, ==, rb.y);
      g_assert_cmpfloat (ra.height, ==, rb.height);
      g_assert_cmpint (imp_layout_get_side (a, node), ==, imp_layout_get_side (b, node));
    }

  g_assert_cmpuint (_imp_layout_get_n_visible (a), ==, _imp_layout_get_n_visible (b));
  imp_layout_get_bounds (a, &ra);
  imp_layout_get_bounds (b, &rb);
  g_assert_cmpfloat (ra.x, ==, rb.x);
  g_assert_cmpfloat (ra.y, ==, rb.y);
  g_assert_cmpfloat (ra.width, ==, rb.width);
  g_assert_cmpfloat (ra.height, ==, rb.height);
  g_assert_cmpuint (imp_layout_get_n_bands (a), ==, imp_layout_get_n_bands (b));
}

/* Laying out again after pins and new titles gives what a fresh layout
 * gives, in every layout. */
static void
test_update (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1802);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(ImpMap) map = make_random (rand, 1500);
      g_autoptr(ImpLayout) layout = NULL;
      g_autoptr(GPtrArray) edited = g_ptr_array_new ();
      guint n = imp_map_get_n_nodes (map);

      _imp_map_set_layout (map, all_kinds[k]);
      layout = imp_layout_new (map, NULL);
      imp_layout_compute (layout);

      for (guint p = 0; p < 12; p++)
        {
          ImpNode *node = imp_map_get_node (map, g_rand_int_range (rand, 0, n));
          ImpRect rect;

          if (imp_layout_get_node_rect (layout, node, &rect))
            _imp_map_set_node_position (map, node, TRUE,
                                        rect.x + g_rand_int_range (rand, -900, 900),
                                        rect.y + g_rand_int_range (rand, -3000, 3000));
        }
      g_assert_true (_imp_layout_update (layout, NULL));
      {
        g_autoptr(ImpLayout) fresh = imp_layout_new (map, NULL);

        imp_layout_compute (fresh);
        assert_same_layout (map, layout, fresh);
      }

      for (guint t = 0; t < 12; t++)
        {
          ImpNode *node = imp_map_get_node (map, g_rand_int_range (rand, 0, n));

          _imp_map_set_node_title (map, node, t % 2 ? "Short" :
                                   "A much longer title that wraps over three or four lines "
                                   "of the card, so the card grows and moves its cousins");
          g_ptr_array_add (edited, node);
        }
      g_assert_true (_imp_layout_update (layout, edited));
      {
        g_autoptr(ImpLayout) fresh = imp_layout_new (map, NULL);

        imp_layout_compute (fresh);
        assert_same_layout (map, layout, fresh);
      }
    }
}

/* Links leave the side of the card that faces the child: the right edge,
 * the left edge on the left of a balanced goal, the bottom edge when down. */
static void
test_link_sides (void)
{
  g_autoptr(ImpMap) map = make_forest (1);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(ImpScene) scene = imp_scene_new_for_layout (map, NULL, all_kinds[k]);
      ImpLayout *layout = imp_scene_get_layout (scene);
      guint checked = 0;

      for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
        {
          const ImpSceneLink *link = _imp_scene_get_link (scene, i);
          ImpRect p = node_rect (layout, link->link->parent);
          ImpRect c = node_rect (layout, link->link->child);

          if (link->cross_link)
            continue;
          if (all_kinds[k] == IMP_LAYOUT_DOWN)
            {
              g_assert_cmpfloat (link->y0, ==, p.y + p.height);
              g_assert_cmpfloat (link->y3, ==, c.y);
            }
          else if (imp_layout_get_side (layout, link->link->child) < 0)
            {
              g_assert_cmpfloat (link->x0, ==, p.x);
              g_assert_cmpfloat (link->x3, ==, c.x + c.width);
            }
          else
            {
              g_assert_cmpfloat (link->x0, ==, p.x + p.width);
              g_assert_cmpfloat (link->x3, ==, c.x);
            }
          checked++;
        }
      g_assert_cmpuint (checked, >, 20);
    }
}

/* "layout" and "layout_positions" round-trip; a file without them reads
 * as right with no other pins; the right layout's pin stays in "position",
 * where an older version finds it. */
static void
test_file_members (void)
{
  const char *old_file =
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\", \"position\": {\"x\": 5, \"y\": 6}}],"
    " \"links\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (old_file, -1, &error);
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  ImpNode *node;
  double x, y;

  g_assert_no_error (error);
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_RIGHT);
  node = imp_map_get_node (map, 0);
  g_assert_true (imp_node_get_pin (node, IMP_LAYOUT_RIGHT, &x, &y));
  g_assert_cmpfloat (x, ==, 5);
  g_assert_false (imp_node_get_pin (node, IMP_LAYOUT_BALANCED, NULL, NULL));
  g_assert_false (imp_node_get_pin (node, IMP_LAYOUT_DOWN, NULL, NULL));

  /* A right map with no other pins writes neither member. */
  data = imp_format_save_to_data (map, NULL);
  g_assert_null (strstr (data, "\"layout\""));
  g_assert_null (strstr (data, "layout_positions"));
  g_clear_pointer (&data, g_free);

  _imp_map_set_layout (map, IMP_LAYOUT_BALANCED);
  _imp_map_set_node_position (map, node, TRUE, -300, 40);
  _imp_map_set_node_pin (map, node, IMP_LAYOUT_DOWN, TRUE, 12.5, 900);
  data = imp_format_save_to_data (map, NULL);
  g_assert_nonnull (strstr (data, "\"layout\": \"balanced\""));
  g_assert_nonnull (strstr (data, "\"layout_positions\""));
  /* The right pin is untouched by the balanced one. */
  g_assert_nonnull (strstr (data, "\"x\": 5"));

  again = imp_format_load_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_equal (map, again));
  node = imp_map_get_node (again, 0);
  g_assert_true (imp_node_get_pin (node, IMP_LAYOUT_BALANCED, &x, &y));
  g_assert_cmpfloat (x, ==, -300);
  g_assert_cmpfloat (y, ==, 40);
  g_assert_true (imp_node_get_pin (node, IMP_LAYOUT_DOWN, &x, &y));
  g_assert_cmpfloat (x, ==, 12.5);
  data2 = imp_format_save_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data2);
}

/* Pins of a layout this version does not know survive a round trip. */
static void
test_file_unknown_layout_pin (void)
{
  const char *file =
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\", \"layout_positions\": "
    "{\"spiral\": {\"x\": 1, \"y\": 2}, \"down\": {\"x\": 3, \"y\": 4}}}], \"links\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (file, -1, &error);
  g_autofree char *data = NULL;

  g_assert_no_error (error);
  g_assert_true (imp_node_get_pin (imp_map_get_node (map, 0), IMP_LAYOUT_DOWN, NULL, NULL));
  data = imp_format_save_to_data (map, NULL);
  g_assert_nonnull (strstr (data, "\"spiral\""));
  g_assert_nonnull (strstr (data, "\"down\""));
}

static void
test_file_bad_layout (void)
{
  const char *file =
    "{\"format\": \"impactmap\", \"version\": 1, \"layout\": \"spiral\", \"nodes\": [], "
    "\"links\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (file, -1, &error);

  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "layout"));
  g_assert_nonnull (strstr (error->message, "spiral"));
}

/* Switching layouts is one undo step, and a move made in one layout undoes
 * in that layout. */
static void
test_history (void)
{
  g_autoptr(ImpMap) map = make_forest (1);
  g_autoptr(ImpHistory) history = imp_history_new (map);
  ImpNode *actor = imp_map_get_node (map, 1);
  double x;

  imp_history_set_node_position (history, actor, TRUE, 10, 20);
  imp_history_set_layout (history, IMP_LAYOUT_DOWN);
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_DOWN);
  imp_history_set_node_position (history, actor, TRUE, 30, 40);
  g_assert_true (imp_node_get_pin (actor, IMP_LAYOUT_DOWN, &x, NULL));
  g_assert_cmpfloat (x, ==, 30);
  g_assert_true (imp_node_get_pin (actor, IMP_LAYOUT_RIGHT, &x, NULL));
  g_assert_cmpfloat (x, ==, 10);

  g_assert_true (imp_history_undo (history));
  g_assert_false (imp_node_get_pin (actor, IMP_LAYOUT_DOWN, NULL, NULL));
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_DOWN);
  g_assert_true (imp_history_undo (history));
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_RIGHT);
  g_assert_true (imp_node_get_pin (actor, IMP_LAYOUT_RIGHT, &x, NULL));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_true (imp_history_redo (history));
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_DOWN);

  /* Two switches in a row are two steps. */
  imp_history_set_layout (history, IMP_LAYOUT_BALANCED);
  imp_history_set_layout (history, IMP_LAYOUT_RIGHT);
  g_assert_true (imp_history_undo (history));
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_BALANCED);
  g_assert_true (imp_history_undo (history));
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_DOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/layout-kinds/random-no-overlap", test_random_no_overlap);
  g_test_add_func ("/core/layout-kinds/follows-map", test_follows_map);
  g_test_add_func ("/core/layout-kinds/three-tiers", test_three_tiers);
  g_test_add_func ("/core/layout-kinds/balanced-sides", test_balanced_sides);
  g_test_add_func ("/core/layout-kinds/centred", test_centred);
  g_test_add_func ("/core/layout-kinds/down-rows", test_down_rows);
  g_test_add_func ("/core/layout-kinds/pins-per-layout", test_pins_per_layout);
  g_test_add_func ("/core/layout-kinds/update", test_update);
  g_test_add_func ("/core/layout-kinds/link-sides", test_link_sides);
  g_test_add_func ("/core/layout-kinds/file-members", test_file_members);
  g_test_add_func ("/core/layout-kinds/file-unknown-layout-pin", test_file_unknown_layout_pin);
  g_test_add_func ("/core/layout-kinds/file-bad-layout", test_file_bad_layout);
  g_test_add_func ("/core/layout-kinds/history", test_history);

  return g_test_run ();
}
