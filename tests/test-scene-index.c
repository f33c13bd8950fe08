/* test-scene-index.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-scene-index"

#include "config.h"

#include <math.h>

#include "imp-map.h"
#include "imp-scene-private.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

/* The scene's spatial index finds, for any rectangle, exactly the cards and
 * links whose extents meet it, in drawing order, and the hit test the
 * topmost card under a point: checked here against a plain scan of every
 * card and link, in each layout, before and after the scene follows moves
 * and renames in place (which take items out of cells and put them into
 * others, and grow crowded cells). */

/* 1 goal, 6 actors, 30 impacts, 120 deliverables, 240 experiments, and a
 * few cross-links between distant branches. */
static ImpMap *
make_map (GPtrArray *deliverables)
{
  ImpMap *map = imp_map_new ();
  g_autoptr(GPtrArray) impacts = g_ptr_array_new ();
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Grow weekly learners", NULL);

  for (guint a = 0; a < 6; a++)
    {
      g_autofree char *at = g_strdup_printf ("Actor %u", a);
      ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, at, goal);

      for (guint i = 0; i < 5; i++)
        {
          g_autofree char *it = g_strdup_printf ("Impact %u.%u of a longer title", a, i);
          ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, it, actor);

          g_ptr_array_add (impacts, impact);

          for (guint d = 0; d < 4; d++)
            {
              g_autofree char *dt = g_strdup_printf ("Deliverable %u.%u.%u", a, i, d);
              ImpNode *deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, dt, impact);

              g_ptr_array_add (deliverables, deliverable);
              for (guint e = 0; e < 2; e++)
                {
                  g_autofree char *et = g_strdup_printf ("Experiment %u.%u.%u.%u", a, i, d, e);

                  imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, et, deliverable);
                }
            }
        }
    }

  /* Cross-links from the first impacts to deliverables far below. */
  for (guint k = 0; k < 8; k++)
    {
      ImpNode *impact = g_ptr_array_index (impacts, k);
      ImpNode *deliverable = g_ptr_array_index (deliverables, deliverables->len - 1 - 9 * k);

      g_assert_nonnull (_imp_map_link (map, impact, deliverable, -1, NULL));
    }

  return map;
}

static gboolean
same_indices (GArray *a,
              GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) != g_array_index (b, guint, i))
      return FALSE;
  return TRUE;
}

/* The largest number of items the index finds in one of its cells. */
static guint
check_rect (ImpScene      *scene,
            const ImpRect *rect)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_links;

  _imp_scene_query_cards (scene, rect, found);
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    if (imp_rect_intersects (&_imp_scene_get_card (scene, i)->extent, rect))
      g_array_append_val (expected, i);
  if (!same_indices (found, expected))
    g_error ("cards in %g, %g, %g x %g: the index found %u, a scan %u", rect->x, rect->y,
             rect->width, rect->height, found->len, expected->len);

  g_array_set_size (found, 0);
  g_array_set_size (expected, 0);
  _imp_scene_query_links (scene, rect, found);
  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    if (imp_rect_intersects (&_imp_scene_get_link (scene, i)->extent, rect))
      g_array_append_val (expected, i);
  if (!same_indices (found, expected))
    g_error ("links in %g, %g, %g x %g: the index found %u, a scan %u", rect->x, rect->y,
             rect->width, rect->height, found->len, expected->len);
  n_links = found->len;

  return n_links;
}

static ImpNode *
scan_hit (ImpScene *scene,
          double    x,
          double    y)
{
  ImpNode *best = NULL;

  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);

      if (imp_rect_contains_point (&card->rect, x, y))
        best = card->node;
    }

  return best;
}

/* Returns the most links a small rectangle held. */
static guint
check_scene (ImpScene *scene)
{
  ImpRect bounds;
  guint most = 0;
  const double sizes[][2] = { { 40, 30 }, { 300, 200 }, { 1300, 900 }, { 5000, 3000 } };

  imp_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.width, >, 0);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      double step_x = MAX (w * 0.7, bounds.width / 23), step_y = MAX (h * 0.7, bounds.height / 29);

      for (double y = bounds.y - h / 2; y < bounds.y + bounds.height; y += step_y)
        for (double x = bounds.x - w / 2; x < bounds.x + bounds.width; x += step_x)
          {
            ImpRect rect = { x, y, w, h };
            guint n = check_rect (scene, &rect);

            if (s == 0)
              most = MAX (most, n);
          }
    }

  /* The hit test: inside every card, at its corners, and in the gaps. */
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpRect *r = &_imp_scene_get_card (scene, i)->rect;
      const double points[][2] = {
        { r->x + r->width / 2, r->y + r->height / 2 }, { r->x + 0.5, r->y + 0.5 },
        { r->x + r->width - 0.5, r->y + r->height - 0.5 }, { r->x - 7, r->y + r->height / 2 },
        { r->x + r->width + 7, r->y - 7 },
      };

      for (guint p = 0; p < G_N_ELEMENTS (points); p++)
        g_assert_true (imp_scene_hit_test (scene, points[p][0], points[p][1]) ==
                       scan_hit (scene, points[p][0], points[p][1]));
    }

  return most;
}

static void
test_index_matches_scan (gconstpointer data)
{
  ImpLayoutKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) deliverables = g_ptr_array_new ();
  g_autoptr(ImpMap) map = make_map (deliverables);
  g_autoptr(ImpScene) scene = NULL;
  guint most;

  _imp_map_set_layout (map, kind);
  scene = imp_scene_new (map, NULL);
  g_assert_cmpuint (_imp_scene_get_n_cards (scene), ==, 397);

  most = check_scene (scene);
  /* A crowded spot: a deliverable's two links and the impact's four, in a
   * 40 x 30 rectangle, so cells do grow past their first size. */
  g_assert_cmpuint (most, >=, 5);

  /* Moves: a pinned card and its subtree go to other cells, one far away
   * (its links then cross more cells than the index keeps them in). */
  for (guint k = 0; k < 6; k++)
    {
      ImpNode *node = g_ptr_array_index (deliverables, 17 * k + 3);
      ImpRect rect;

      imp_scene_get_card_rect (scene, node, &rect);
      _imp_map_set_node_position (map, node, TRUE,
                                  rect.x + (k == 5 ? 900000 : 150 + 40 * k),
                                  rect.y + (k == 5 ? 700000 : 35 * k - 90));
      g_assert_true (_imp_scene_update (scene, NULL));
      check_scene (scene);
    }

  /* Renames: one within the same lines, one that makes its card taller
   * (every card is placed again). */
  for (guint k = 0; k < 2; k++)
    {
      ImpNode *node = g_ptr_array_index (deliverables, 40 + k);
      g_autoptr(GPtrArray) changed = g_ptr_array_new ();

      g_ptr_array_add (changed, node);
      _imp_map_set_node_title (map, node,
                               k == 0 ? "Deliverable renamed"
                                      : "Deliverable renamed with a title long enough to wrap "
                                        "over several lines of its card, and then some more");
      g_assert_true (_imp_scene_update (scene, changed));
      check_scene (scene);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/core/scene-index/right", GINT_TO_POINTER (IMP_LAYOUT_RIGHT),
                        test_index_matches_scan);
  g_test_add_data_func ("/core/scene-index/balanced", GINT_TO_POINTER (IMP_LAYOUT_BALANCED),
                        test_index_matches_scan);
  g_test_add_data_func ("/core/scene-index/down", GINT_TO_POINTER (IMP_LAYOUT_DOWN),
                        test_index_matches_scan);

  return g_test_run ();
}
