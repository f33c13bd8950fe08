/* test-layout.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "imp-layout.h"
#include "imp-map.h"
#include "imp-scene-private.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

static ImpRect
node_rect (ImpLayout     *layout,
           const ImpNode *node)
{
  ImpRect rect = { 0, };

  g_assert_true (imp_layout_get_node_rect (layout, node, &rect));

  return rect;
}

static int
compare_rect_position (gconstpointer a,
                       gconstpointer b)
{
  const ImpRect *ra = a;
  const ImpRect *rb = b;

  if (ra->x != rb->x)
    return ra->x < rb->x ? -1 : 1;
  if (ra->y != rb->y)
    return ra->y < rb->y ? -1 : 1;
  return 0;
}

/* No two visible cards overlap. Cards of one level share their column's x,
 * so sorting by (x, y) and comparing neighbours is enough when every card
 * is in its column; the caller checks that separately. */
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

  g_array_sort (rects, compare_rect_position);

  for (guint i = 1; i < rects->len; i++)
    {
      const ImpRect *a = &g_array_index (rects, ImpRect, i - 1);
      const ImpRect *b = &g_array_index (rects, ImpRect, i);

      if (imp_rect_intersects (a, b))
        g_error ("cards overlap: (%g, %g, %g, %g) and (%g, %g, %g, %g)",
                 a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height);
    }

  /* Small maps: check every pair, in case two columns ever share an x. */
  if (rects->len <= 200)
    for (guint i = 0; i < rects->len; i++)
      for (guint j = i + 1; j < rects->len; j++)
        g_assert_false (imp_rect_intersects (&g_array_index (rects, ImpRect, i),
                                             &g_array_index (rects, ImpRect, j)));
}

static void
assert_in_columns (ImpMap    *map,
                   ImpLayout *layout)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      ImpRect rect;
      double column_x = -1;

      if (node->pinned || !imp_layout_get_node_rect (layout, node, &rect))
        continue;

      g_assert_true (imp_layout_get_column_x (layout, node->level, &column_x));
      g_assert_cmpfloat (rect.x, ==, column_x);
      g_assert_cmpfloat (rect.width, ==, IMP_LAYOUT_CARD_WIDTH);
      g_assert_cmpfloat (rect.height, >, 0);
    }
}

/* Goal -> actors -> impacts -> deliverables, with several goals. */
static ImpMap *
make_forest (void)
{
  ImpMap *map = imp_map_new ();

  for (int g = 0; g < 3; g++)
    {
      g_autofree char *goal_title = g_strdup_printf ("Goal %d", g);
      ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, goal_title, NULL);

      for (int a = 0; a < 2 + g; a++)
        {
          ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR,
                                     "An actor whose name wraps over two lines", goal);

          for (int i = 0; i < a + 1; i++)
            {
              ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Impact", actor);

              for (int d = 0; d < (i == 0 ? 4 : 1); d++)
                {
                  ImpNode *deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Deliverable",
                                                   impact);

                  if (d == 1)
                    imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, "Experiment", deliverable);
                }
            }
        }
    }

  return map;
}

static void
test_empty (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpLayout) layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_autoptr(ImpScene) scene = NULL;
  ImpRect bounds = { 1, 1, 1, 1 };
  double x = -1;
  ImpLevel level = IMP_LEVEL_EXPERIMENT;

  imp_layout_compute (layout);
  imp_layout_get_bounds (layout, &bounds);
  g_assert_cmpfloat (bounds.width, ==, 0);
  g_assert_cmpfloat (bounds.height, ==, 0);
  g_assert_true (imp_layout_get_column_x (layout, IMP_LEVEL_GOAL, &x));
  g_assert_cmpfloat (x, ==, 0);

  scene = imp_scene_new (map, NULL);
  g_assert_cmpuint (imp_scene_get_n_columns (scene), ==, 1);
  imp_scene_get_column (scene, 0, &level, &x, NULL);
  g_assert_cmpint (level, ==, IMP_LEVEL_GOAL);
  g_assert_null (imp_scene_hit_test (scene, 10, 10));
}

static void
test_columns (void)
{
  g_autoptr(ImpMap) map = make_forest ();
  g_autoptr(ImpLayout) layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));

  imp_layout_compute (layout);

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    {
      double x = -1;

      g_assert_true (imp_layout_get_column_x (layout, l, &x));
      g_assert_cmpfloat (x, ==, l * IMP_LAYOUT_COLUMN_STRIDE);
    }

  assert_in_columns (map, layout);
  assert_no_overlap (map, layout);
}

static void
test_three_tiers (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpLayout) layout = NULL;
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *goal, *outcome, *output;
  ImpRect rect;
  ImpLevel level;

  _imp_map_set_vocabulary (map, IMP_VOCABULARY_THREE_TIERS);
  goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Impact", NULL);
  outcome = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Outcome", goal);
  output = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Output", outcome);

  layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_assert_false (imp_layout_get_column_x (layout, IMP_LEVEL_ACTOR, NULL));
  rect = node_rect (layout, outcome);
  g_assert_cmpfloat (rect.x, ==, IMP_LAYOUT_COLUMN_STRIDE);
  rect = node_rect (layout, output);
  g_assert_cmpfloat (rect.x, ==, 2 * IMP_LAYOUT_COLUMN_STRIDE);
  assert_in_columns (map, layout);

  scene = imp_scene_new (map, NULL);
  g_assert_cmpuint (imp_scene_get_n_columns (scene), ==, 3);
  imp_scene_get_column (scene, 1, &level, NULL, NULL);
  g_assert_cmpint (level, ==, IMP_LEVEL_IMPACT);

  /* An actor left over from another vocabulary gets its column back
   * rather than landing on top of the outcomes. */
  imp_test_add_card (map, IMP_LEVEL_ACTOR, "Leftover actor", NULL);
  g_clear_object (&layout);
  layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_assert_true (imp_layout_get_column_x (layout, IMP_LEVEL_ACTOR, NULL));
  rect = node_rect (layout, outcome);
  g_assert_cmpfloat (rect.x, ==, 2 * IMP_LAYOUT_COLUMN_STRIDE);
  assert_no_overlap (map, layout);
}

static void
test_centred (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpLayout) layout = NULL;
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);
  ImpNode *actors[3];
  ImpRect g, first, last, middle;

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    actors[i] = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Actor", goal);

  layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g = node_rect (layout, goal);
  first = node_rect (layout, actors[0]);
  middle = node_rect (layout, actors[1]);
  last = node_rect (layout, actors[2]);

  /* Siblings in order, top to bottom, one sibling gap apart. */
  g_assert_cmpfloat (first.y, <, middle.y);
  g_assert_cmpfloat (middle.y, <, last.y);
  g_assert_cmpfloat_with_epsilon (middle.y - (first.y + first.height), IMP_LAYOUT_SIBLING_GAP,
                                  1.0);

  /* The parent's middle is the middle of its children's span. */
  g_assert_cmpfloat_with_epsilon (g.y + g.height / 2, (first.y + last.y + last.height) / 2, 1.0);
  g_assert_cmpfloat_with_epsilon (g.y + g.height / 2, middle.y + middle.height / 2, 1.0);
}

static void
test_cross_link_ignored (void)
{
  g_autoptr(ImpMap) plain = make_forest ();
  g_autoptr(ImpMap) crossed = make_forest ();
  g_autoptr(ImpLayout) a = NULL;
  g_autoptr(ImpLayout) b = NULL;
  g_autoptr(GError) error = NULL;
  ImpNode *impact = NULL, *deliverable = NULL;

  /* Link the last deliverable of the map under the first impact as well. */
  for (guint i = 0; i < imp_map_get_n_nodes (crossed); i++)
    {
      ImpNode *node = imp_map_get_node (crossed, i);

      if (node->level == IMP_LEVEL_IMPACT && impact == NULL)
        impact = node;
      if (node->level == IMP_LEVEL_DELIVERABLE)
        deliverable = node;
    }
  g_assert_nonnull (_imp_map_link (crossed, impact, deliverable, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deliverable->parents->len, ==, 2);

  a = imp_layout_new (plain, imp_theme_get (IMP_THEME_LIGHT));
  b = imp_layout_new (crossed, imp_theme_get (IMP_THEME_LIGHT));

  for (guint i = 0; i < imp_map_get_n_nodes (plain); i++)
    {
      ImpRect ra = node_rect (a, imp_map_get_node (plain, i));
      ImpRect rb = node_rect (b, imp_map_get_node (crossed, i));

      g_assert_cmpfloat (ra.x, ==, rb.x);
      g_assert_cmpfloat (ra.y, ==, rb.y);
      g_assert_cmpfloat (ra.height, ==, rb.height);
    }
}

static void
test_pinned (void)
{
  g_autoptr(ImpMap) map = make_forest ();
  g_autoptr(ImpLayout) before = NULL;
  g_autoptr(ImpLayout) after = NULL;
  ImpNode *actor = NULL;
  ImpRect pinned, old;
  double dx, dy;
  guint moved = 0;

  for (guint i = 0; i < imp_map_get_n_nodes (map) && actor == NULL; i++)
    if (imp_map_get_node (map, i)->level == IMP_LEVEL_ACTOR)
      actor = imp_map_get_node (map, i);

  before = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  old = node_rect (before, actor);

  _imp_map_set_node_position (map, actor, TRUE, 1234.5, -2000.25);
  after = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  pinned = node_rect (after, actor);
  g_assert_cmpfloat (pinned.x, ==, 1234.5);
  g_assert_cmpfloat (pinned.y, ==, -2000.25);

  dx = pinned.x - old.x;
  dy = pinned.y - old.y;

  /* Its subtree moved with it by the same amount; the rest did not move. */
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      ImpRect ra = node_rect (before, node);
      ImpRect rb = node_rect (after, node);

      if (node != actor && imp_map_is_ancestor (map, actor, node))
        {
          g_assert_cmpfloat_with_epsilon (rb.x - ra.x, dx, 1e-6);
          g_assert_cmpfloat_with_epsilon (rb.y - ra.y, dy, 1.0);
          moved++;
        }
      else if (node != actor)
        {
          g_assert_cmpfloat (rb.x, ==, ra.x);
          g_assert_cmpfloat (rb.y, ==, ra.y);
        }
    }
  g_assert_cmpuint (moved, >, 3);

  /* A pin far outside the map, or not a number, does no harm. */
  _imp_map_set_node_position (map, actor, TRUE, NAN, INFINITY);
  g_clear_object (&after);
  after = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  pinned = node_rect (after, actor);
  g_assert_true (isfinite (pinned.x) && isfinite (pinned.y));
}

static void
test_collapsed (void)
{
  g_autoptr(ImpMap) map = make_forest ();
  g_autoptr(ImpLayout) open = NULL;
  g_autoptr(ImpLayout) closed = NULL;
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *actor = NULL;
  ImpRect open_bounds, closed_bounds, rect;
  guint hidden = 0;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    if (imp_map_get_node (map, i)->level == IMP_LEVEL_ACTOR)
      actor = imp_map_get_node (map, i);  /* the last one: the biggest subtree */

  open = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  imp_layout_get_bounds (open, &open_bounds);

  _imp_map_set_node_collapsed (map, actor, TRUE);
  closed = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  imp_layout_get_bounds (closed, &closed_bounds);

  g_assert_true (imp_layout_is_visible (closed, actor));
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node != actor && imp_map_is_ancestor (map, actor, node))
        {
          g_assert_false (imp_layout_is_visible (closed, node));
          rect = (ImpRect) { -1, -1, -1, -1 };
          g_assert_false (imp_layout_get_node_rect (closed, node, &rect));
          g_assert_cmpfloat (rect.x, ==, -1);
          hidden++;
        }
      else
        {
          g_assert_true (imp_layout_is_visible (closed, node));
        }
    }
  g_assert_cmpuint (hidden, >, 0);

  /* Hidden cards free their space. */
  g_assert_cmpfloat (closed_bounds.height, <, open_bounds.height);
  assert_no_overlap (map, closed);

  /* The scene has no card for them and shows the count on the actor. */
  scene = imp_scene_new (map, NULL);
  g_assert_cmpuint (_imp_scene_get_n_cards (scene), ==, imp_map_get_n_nodes (map) - hidden);
  g_assert_cmpuint (_imp_scene_find_card (scene, actor)->hidden_count, ==, hidden);
}

static void
test_unconnected (void)
{
  g_autoptr(ImpMap) map = make_forest ();
  g_autoptr(ImpLayout) layout = NULL;
  ImpNode *lone_deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Not connected yet", NULL);
  ImpNode *lone_impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Also alone", NULL);
  ImpNode *lone_with_child = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Alone with an experiment",
                                       NULL);
  double trees_bottom = 0;
  ImpRect d, i, w;

  imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, "Its experiment", lone_with_child);

  layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  for (guint n = 0; n < imp_map_get_n_nodes (map); n++)
    {
      ImpNode *node = imp_map_get_node (map, n);
      ImpNode *root = node;
      ImpRect rect = node_rect (layout, node);

      while (imp_node_get_tree_parent (root) != NULL)
        root = imp_node_get_tree_parent (root);
      if (root->level == IMP_LEVEL_GOAL)
        trees_bottom = MAX (trees_bottom, rect.y + rect.height);
    }

  d = node_rect (layout, lone_deliverable);
  i = node_rect (layout, lone_impact);
  w = node_rect (layout, lone_with_child);

  /* Below every tree, each in its own level's column. */
  g_assert_cmpfloat (d.y, >=, trees_bottom);
  g_assert_cmpfloat (i.y, >=, trees_bottom);
  g_assert_cmpfloat (d.x, ==, IMP_LEVEL_DELIVERABLE * IMP_LAYOUT_COLUMN_STRIDE);
  g_assert_cmpfloat (i.x, ==, IMP_LEVEL_IMPACT * IMP_LAYOUT_COLUMN_STRIDE);
  /* Columns fill on their own: the impact need not wait below the
   * deliverable of another column. */
  g_assert_cmpfloat (i.y, ==, d.y);
  g_assert_cmpfloat (w.y, >, d.y);

  assert_in_columns (map, layout);
  assert_no_overlap (map, layout);
}

static void
test_long_titles (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpLayout) layout = NULL;
  g_autoptr(ImpScene) scene = NULL;
  GString *huge = g_string_new (NULL);
  g_autofree char *unbroken = g_strnfill (3000, 'W');
  ImpNode *goal, *big, *wide, *empty, *odd, *plain;
  ImpRect rb, rp;

  for (int i = 0; i < 1000; i++)
    g_string_append (huge, "word ");
  g_assert_cmpuint (huge->len, ==, 5000);

  goal = imp_test_add_card (map, IMP_LEVEL_GOAL, huge->str, NULL);
  big = imp_test_add_card (map, IMP_LEVEL_ACTOR, huge->str, goal);
  wide = imp_test_add_card (map, IMP_LEVEL_ACTOR, unbroken, goal);
  empty = imp_test_add_card (map, IMP_LEVEL_ACTOR, "", goal);
  odd = imp_test_add_card (map, IMP_LEVEL_ACTOR, "tab\there\r\nbell\a and \xff broken", goal);
  plain = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Short", goal);

  layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  rb = node_rect (layout, big);
  rp = node_rect (layout, plain);

  /* A huge title makes a taller card, but a bounded one. */
  g_assert_cmpfloat (rb.height, >, rp.height);
  g_assert_cmpfloat (rb.height, <, 400);
  g_assert_cmpfloat (node_rect (layout, wide).height, <, 400);
  g_assert_cmpfloat (node_rect (layout, empty).height, >=, rp.height);
  g_assert_cmpfloat (node_rect (layout, odd).height, >, 0);
  assert_no_overlap (map, layout);

  /* Every line of text fits inside its card. */
  scene = imp_scene_new (map, NULL);
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);

      for (guint t = 0; t < card->n_texts; t++)
        {
          const ImpSceneText *text = _imp_scene_get_text (scene, card->first_text + t);

          g_assert_true (g_utf8_validate (text->text, -1, NULL));
          g_assert_cmpfloat (text->x, >=, card->rect.x);
          g_assert_cmpfloat (text->x + text->width, <=, card->rect.x + card->rect.width + 0.5);
          g_assert_cmpfloat (text->y, >, card->rect.y);
          g_assert_cmpfloat (text->y, <, card->rect.y + card->rect.height);
          g_assert_null (strchr (text->text, '\n'));
          g_assert_null (strchr (text->text, '\a'));
        }
    }

  /* The cut title says so with an ellipsis on its last line. */
  {
    const ImpSceneCard *card = _imp_scene_find_card (scene, big);
    const ImpSceneText *last = _imp_scene_get_text (scene, card->first_text + card->n_texts - 1);

    g_assert_true (g_str_has_suffix (last->text, "…"));
  }
}

static char *
mixed_script_text (gsize bytes)
{
  static const char *const parts[] = {
    "مرحبا بالعالم ", "שלום עולם ", "e\xcc\x81\xcc\x82 ", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 ",
    "\xe2\x80\x8b\xe2\x80\x8d", "Hello world ", "漢字かな交じり文 ", "Привет мир ",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; text->len < bytes; i = (i * 5 + 3) % G_N_ELEMENTS (parts))
    g_string_append (text, parts[i]);

  return g_string_free (text, FALSE);
}

/* A megabyte of mixed scripts (right to left, combining marks, emoji,
 * zero-width characters) is wrapped from its head alone: the card shows
 * exactly what it shows for the title's first 16 KB, inside the card, and
 * says with an ellipsis that more follows. Laying out the rest is what made
 * a 1 MB title take a minute to export. */
static void
test_huge_title (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = NULL;
  g_autofree char *huge = mixed_script_text (1 << 20);
  g_autofree char *head = g_strndup (huge, 16384);
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);
  ImpNode *big, *small;
  const ImpSceneCard *cb, *cs;

  /* Cut the head at a character boundary. */
  *g_utf8_find_prev_char (head, head + strlen (head)) = '\0';
  big = imp_test_add_card (map, IMP_LEVEL_ACTOR, huge, goal);
  small = imp_test_add_card (map, IMP_LEVEL_ACTOR, head, goal);

  scene = imp_scene_new (map, NULL);
  cb = _imp_scene_find_card (scene, big);
  cs = _imp_scene_find_card (scene, small);
  g_assert_cmpuint (cb->n_texts, ==, cs->n_texts);
  g_assert_cmpfloat_with_epsilon (cb->rect.height, cs->rect.height, 0.01);
  for (guint t = 0; t < cb->n_texts; t++)
    {
      const ImpSceneText *tb = _imp_scene_get_text (scene, cb->first_text + t);
      const ImpSceneText *ts = _imp_scene_get_text (scene, cs->first_text + t);

      g_assert_cmpstr (tb->text, ==, ts->text);
      g_assert_cmpuint (strlen (tb->text), <, 4096);
      g_assert_cmpfloat (tb->x, >=, cb->rect.x);
      g_assert_cmpfloat (tb->x + tb->width, <=, cb->rect.x + cb->rect.width + 0.5);
      g_assert_cmpfloat (tb->y, <, cb->rect.y + cb->rect.height);
      if (t == cb->n_texts - 1)
        g_assert_true (g_str_has_suffix (tb->text, "…"));
    }
}

/* The wrapped lines of a title put back together give the title: the
 * measurement the layout makes is the text the scene shows. */
static void
test_wrapped_lines (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = NULL;
  const char *title = "Increase weekly active learners by twenty percent "
                      "by the end of the fourth quarter";
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, title, NULL);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, title, goal);
  ImpNode *nodes[] = { goal, actor };

  scene = imp_scene_new (map, imp_theme_get (IMP_THEME_DARK));

  for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
    {
      const ImpSceneCard *card = _imp_scene_find_card (scene, nodes[n]);
      const ImpTheme *theme = imp_scene_get_theme (scene);
      double size = n == 0 ? theme->goal_title_size : theme->title_size;
      g_autoptr(GString) joined = g_string_new (NULL);
      guint lines = 0;
      double last_baseline = -G_MAXDOUBLE;

      g_assert_nonnull (card);
      for (guint t = 0; t < card->n_texts; t++)
        {
          const ImpSceneText *text = _imp_scene_get_text (scene, card->first_text + t);

          if (text->size != size)
            continue;

          /* One line under the other, in order. */
          g_assert_cmpfloat (text->y, >, last_baseline);
          last_baseline = text->y;
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, text->text);
          lines++;
        }

      g_assert_cmpuint (lines, >=, 3);
      g_assert_cmpstr (joined->str, ==, title);
    }
}

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
      ImpLevel level = i < 5 ? IMP_LEVEL_GOAL : g_rand_int_range (rand, 0, IMP_N_LEVELS);
      GString *title = g_string_new (NULL);
      guint words = g_rand_int_range (rand, 1, 14);
      ImpNode *node;

      for (guint w = 0; w < words; w++)
        g_string_append_printf (title, "%sword%u", w ? " " : "",
                                g_rand_int_range (rand, 0, 100000));

      node = _imp_map_add_node (map, level, title->str, NULL, NULL);
      g_string_free (title, TRUE);

      /* Most nodes hang under a random node of the level before; a few are
       * left unconnected, a few get a second parent. */
      if (level > IMP_LEVEL_GOAL && by_level[level - 1]->len > 0 &&
          g_rand_int_range (rand, 0, 20) != 0)
        {
          GPtrArray *parents = by_level[level - 1];
          ImpNode *first = g_ptr_array_index (parents, g_rand_int_range (rand, 0, parents->len));
          ImpNode *second = g_ptr_array_index (parents, g_rand_int_range (rand, 0, parents->len));

          _imp_map_link (map, first, node, -1, NULL);
          if (g_rand_int_range (rand, 0, 10) == 0)
            _imp_map_link (map, second, node, -1, NULL);
        }

      if (level == IMP_LEVEL_DELIVERABLE && g_rand_boolean (rand))
        {
          ImpIce ice = { g_rand_int_range (rand, 1, 11), g_rand_int_range (rand, 1, 11),
                         g_rand_int_range (rand, 1, 11) };

          _imp_map_set_node_ice (map, node, &ice, NULL);
        }

      if (g_rand_int_range (rand, 0, 40) == 0)
        _imp_map_set_node_collapsed (map, node, TRUE);

      g_ptr_array_add (by_level[level], node);
    }

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    g_ptr_array_unref (by_level[l]);

  return map;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(ImpMap) map = make_random (rand, 2000);
      g_autoptr(ImpLayout) layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
      guint visible = 0;

      imp_layout_compute (layout);
      assert_in_columns (map, layout);
      assert_no_overlap (map, layout);

      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        {
          ImpNode *node = imp_map_get_node (map, i);
          ImpNode *parent = imp_node_get_tree_parent (node);

          visible += imp_layout_is_visible (layout, node);
          /* Visible exactly when the tree parent is visible and open. */
          if (parent != NULL)
            g_assert_cmpint (imp_layout_is_visible (layout, node), ==,
                             imp_layout_is_visible (layout, parent) && !parent->collapsed);
        }
      g_assert_cmpuint (visible, >, 100);
    }
}

static void
test_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(ImpMap) map = make_random (rand, 10000);
  g_autoptr(ImpScene) scene = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 first, second;

  scene = imp_scene_new (map, NULL);
  first = g_get_monotonic_time () - start;
  g_assert_cmpuint (_imp_scene_get_n_cards (scene), >, 1000);
  assert_no_overlap (map, imp_scene_get_layout (scene));

  /* A second scene after an edit reuses the text measurements cached on
   * the map. Only reported: timings are for the benchmark, not tests. */
  _imp_map_set_node_title (map, imp_map_get_node (map, 0), "Edited");
  g_clear_object (&scene);
  start = g_get_monotonic_time ();
  scene = imp_scene_new (map, NULL);
  second = g_get_monotonic_time () - start;
  g_test_message ("10,000 nodes: first scene %" G_GINT64_FORMAT " ms, "
                  "after an edit %" G_GINT64_FORMAT " ms",
                  first / 1000, second / 1000);
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

      g_assert_cmpint (imp_layout_is_visible (a, node), ==, imp_layout_is_visible (b, node));
      g_assert_cmpint (has_a, ==, has_b);
      if (!has_a)
        continue;
      g_assert_cmpfloat (ra.x, ==, rb.x);
      g_assert_cmpfloat (ra.y, ==, rb.y);
      g_assert_cmpfloat (ra.width, ==, rb.width);
      g_assert_cmpfloat (ra.height, ==, rb.height);
    }

  g_assert_cmpuint (_imp_layout_get_n_visible (a), ==, _imp_layout_get_n_visible (b));
  for (guint i = 0; i < _imp_layout_get_n_visible (a); i++)
    g_assert_true (_imp_layout_get_visible (a, i) == _imp_layout_get_visible (b, i));

  imp_layout_get_bounds (a, &ra);
  imp_layout_get_bounds (b, &rb);
  g_assert_cmpfloat (ra.x, ==, rb.x);
  g_assert_cmpfloat (ra.y, ==, rb.y);
  g_assert_cmpfloat (ra.width, ==, rb.width);
  g_assert_cmpfloat (ra.height, ==, rb.height);
}

/* Laying out again after pins (unconnected cards too) and new titles
 * gives what a layout from scratch gives; a new node is noticed. */
static void
test_update (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(ImpMap) map = make_random (rand, 1500);
      const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
      g_autoptr(ImpLayout) layout = imp_layout_new (map, theme);
      g_autoptr(GPtrArray) edited = g_ptr_array_new ();
      guint n = imp_map_get_n_nodes (map);

      imp_layout_compute (layout);

      /* Pins, on connected and unconnected cards alike. */
      for (guint k = 0; k < 12; k++)
        {
          ImpNode *node = imp_map_get_node (map, g_rand_int_range (rand, 0, n));
          ImpRect rect;

          if (imp_layout_get_node_rect (layout, node, &rect))
            _imp_map_set_node_position (map, node, TRUE, rect.x + g_rand_int_range (rand, -900, 900),
                                       rect.y + g_rand_int_range (rand, -5000, 5000));
        }
      g_assert_true (_imp_layout_update (layout, NULL));
      {
        g_autoptr(ImpLayout) fresh = imp_layout_new (map, theme);

        imp_layout_compute (fresh);
        assert_same_layout (map, layout, fresh);
      }

      /* New titles, longer and shorter: cards change height. */
      for (guint k = 0; k < 12; k++)
        {
          ImpNode *node = imp_map_get_node (map, g_rand_int_range (rand, 0, n));

          _imp_map_set_node_title (map, node, k % 2 ? "Short" :
                                  "A much longer title that wraps over three or four lines "
                                  "of the card, so the card grows and moves its cousins");
          g_ptr_array_add (edited, node);
        }
      g_assert_true (_imp_layout_update (layout, edited));
      {
        g_autoptr(ImpLayout) fresh = imp_layout_new (map, theme);

        imp_layout_compute (fresh);
        assert_same_layout (map, layout, fresh);
      }

      /* A rename that keeps the card's height: only that card changes, the
       * others keep their places, and the layout is the one computed anew. */
      {
        ImpNode *node = g_ptr_array_index (edited, 1);
        const guint *runs;
        guint n_runs = 0;

        g_assert_cmpstr (node->title, ==, "Short");
        g_ptr_array_set_size (edited, 0);
        g_ptr_array_add (edited, node);
        _imp_map_set_node_title (map, node, "Brief");
        g_assert_true (_imp_layout_update (layout, edited));
        runs = _imp_layout_get_changed_runs (layout, &n_runs);
        if (imp_layout_is_visible (layout, node))
          {
            g_assert_nonnull (runs);
            g_assert_cmpuint (n_runs, ==, 1);
            g_assert_cmpuint (runs[1] - runs[0], ==, 1);
            g_assert_true (_imp_layout_get_visible (layout, runs[0]) == node);
          }
        {
          g_autoptr(ImpLayout) fresh = imp_layout_new (map, theme);

          imp_layout_compute (fresh);
          assert_same_layout (map, layout, fresh);
        }
      }

      _imp_map_add_node (map, IMP_LEVEL_GOAL, "Another goal", NULL, NULL);
      g_assert_false (_imp_layout_update (layout, NULL));
    }
}

/* A visible card at @level with a visible tree child (and, with @deep, a
 * visible grandchild), or NULL. */
static ImpNode *
find_parent_at (ImpMap    *map,
                ImpLayout *layout,
                ImpLevel   level,
                gboolean   deep,
                ImpNode   *not_this)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node == not_this || node->level != level || node->collapsed ||
          !imp_layout_is_visible (layout, node))
        continue;
      for (guint j = 0; j < node->children->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->children, j);

          if (!imp_link_is_tree_link (link) || !imp_layout_is_visible (layout, link->child))
            continue;
          if (!deep)
            return node;
          for (guint k = 0; k < link->child->children->len; k++)
            {
              ImpLink *below = g_ptr_array_index (link->child->children, k);

              if (imp_link_is_tree_link (below) && imp_layout_is_visible (layout, below->child))
                return node;
            }
        }
    }

  return NULL;
}

static ImpNode *
first_tree_child (ImpNode *node)
{
  for (guint j = 0; j < node->children->len; j++)
    {
      ImpLink *link = g_ptr_array_index (node->children, j);

      if (imp_link_is_tree_link (link))
        return link->child;
    }

  return NULL;
}

/* Moves @node by (@dx, @dy) from where @layout shows it, lays out again in
 * place and compares with a layout from scratch; the update reports what
 * it moved as runs, and every card outside them kept its place. */
static void
move_and_check (ImpMap    *map,
                ImpLayout *layout,
                ImpNode   *node,
                gboolean   pinned,
                double     dx,
                double     dy)
{
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpLayout) fresh = imp_layout_new (map, theme);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (ImpRect));
  guint n_visible = _imp_layout_get_n_visible (layout);
  const guint *runs;
  guint n_runs;
  ImpRect rect = { 0, };

  for (guint i = 0; i < n_visible; i++)
    {
      ImpRect r;

      g_assert_true (imp_layout_get_node_rect (layout, _imp_layout_get_visible (layout, i), &r));
      g_array_append_val (before, r);
    }

  if (!imp_layout_get_node_rect (layout, node, &rect))
    rect = (ImpRect) { node->x, node->y, 0, 0 };
  _imp_map_set_node_position (map, node, pinned, rect.x + dx, rect.y + dy);
  g_assert_true (_imp_layout_update (layout, NULL));

  imp_layout_compute (fresh);
  assert_same_layout (map, layout, fresh);

  runs = _imp_layout_get_changed_runs (layout, &n_runs);
  g_assert_nonnull (runs);
  for (guint i = 0; i < n_visible; i++)
    {
      gboolean in_run = FALSE;
      ImpRect r;

      for (guint k = 0; k < n_runs; k++)
        in_run = in_run || (i >= runs[2 * k] && i < runs[2 * k + 1]);
      imp_layout_get_node_rect (layout, _imp_layout_get_visible (layout, i), &r);
      if (!in_run)
        {
          g_assert_cmpfloat (r.x, ==, g_array_index (before, ImpRect, i).x);
          g_assert_cmpfloat (r.y, ==, g_array_index (before, ImpRect, i).y);
        }
    }
}

/* Pins follow in place, subtree by subtree: a card deep in a tree, a
 * pinned card under another pinned card, both moved at once, a card moved
 * back and unpinned, a card under a collapsed one, a collapsed card, and
 * the cards that make the edges of the bounds, which may shrink. */
static void
test_update_subtrees (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(ImpMap) map = make_random (rand, 2000);
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpLayout) layout = imp_layout_new (map, theme);
  ImpNode *deep, *outer, *inner, *hidden = NULL, *collapsed = NULL;
  ImpRect bounds, rect;
  guint n_runs;

  imp_layout_compute (layout);
  g_assert_null (_imp_layout_get_changed_runs (layout, &n_runs));

  /* Deep in a tree: an outcome with a visible child. */
  deep = find_parent_at (map, layout, IMP_LEVEL_IMPACT, FALSE, NULL);
  g_assert_nonnull (deep);
  move_and_check (map, layout, deep, TRUE, 300, -2000.5);
  move_and_check (map, layout, deep, TRUE, -40, 12.25);
  _imp_layout_get_changed_runs (layout, &n_runs);
  g_assert_cmpuint (n_runs, ==, 1);

  /* A pinned card with a pinned descendant: moving the outer one leaves
   * the inner one where it is pinned, and the inner one moves alone. */
  outer = find_parent_at (map, layout, IMP_LEVEL_ACTOR, TRUE, NULL);
  g_assert_nonnull (outer);
  inner = first_tree_child (outer);
  g_assert_true (imp_layout_get_node_rect (layout, inner, &rect));
  move_and_check (map, layout, inner, TRUE, 0, 700);
  move_and_check (map, layout, outer, TRUE, 500, 3000);
  g_assert_true (imp_layout_get_node_rect (layout, inner, &bounds));
  g_assert_cmpfloat (bounds.y, ==, rect.y + 700);
  move_and_check (map, layout, inner, TRUE, -500, -50);

  /* Both in one update. */
  g_assert_true (imp_layout_get_node_rect (layout, inner, &rect));
  _imp_map_set_node_position (map, inner, TRUE, rect.x + 10, rect.y + 10);
  move_and_check (map, layout, outer, TRUE, -25, 25);

  /* Unpinned: back where the layout puts it, with its subtree; under a
   * pinned card, that is where the pinned card takes it. */
  move_and_check (map, layout, inner, FALSE, 0, 0);
  move_and_check (map, layout, outer, FALSE, 0, 0);
  move_and_check (map, layout, deep, FALSE, 0, 0);

  /* Under a collapsed card nothing shows; a collapsed card moves alone. */
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->collapsed && imp_layout_is_visible (layout, node) && first_tree_child (node))
        {
          collapsed = node;
          hidden = first_tree_child (node);
          break;
        }
    }
  g_assert_nonnull (collapsed);
  g_assert_false (imp_layout_is_visible (layout, hidden));
  move_and_check (map, layout, hidden, TRUE, 100, 100);
  _imp_layout_get_changed_runs (layout, &n_runs);
  g_assert_cmpuint (n_runs, ==, 0);
  move_and_check (map, layout, collapsed, TRUE, -300, 900);

  /* The top and the bottom of the map move inwards: the bounds shrink. */
  imp_layout_get_bounds (layout, &bounds);
  for (guint i = 0; i < _imp_layout_get_n_visible (layout); i++)
    {
      ImpNode *node = _imp_layout_get_visible (layout, i);

      g_assert_true (imp_layout_get_node_rect (layout, node, &rect));
      if (rect.y == bounds.y || rect.y + rect.height == bounds.y + bounds.height ||
          rect.x + rect.width == bounds.x + bounds.width)
        move_and_check (map, layout, node, TRUE, -20, rect.y == bounds.y ? 400 : -400);
    }
  imp_layout_get_bounds (layout, &rect);
  g_assert_cmpfloat (rect.height, <, bounds.height);

  /* Random cards pinned, moved and unpinned one after another, pins
   * piling up under other pins. */
  for (guint k = 0; k < 40; k++)
    {
      ImpNode *node = imp_map_get_node (map, g_rand_int_range (rand, 0, imp_map_get_n_nodes (map)));

      move_and_check (map, layout, node, k % 5 != 4, g_rand_int_range (rand, -800, 800),
                      g_rand_int_range (rand, -3000, 3000) + 0.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/layout/empty", test_empty);
  g_test_add_func ("/core/layout/update", test_update);
  g_test_add_func ("/core/layout/update-subtrees", test_update_subtrees);
  g_test_add_func ("/core/layout/columns", test_columns);
  g_test_add_func ("/core/layout/three-tiers", test_three_tiers);
  g_test_add_func ("/core/layout/centred", test_centred);
  g_test_add_func ("/core/layout/cross-link-ignored", test_cross_link_ignored);
  g_test_add_func ("/core/layout/pinned", test_pinned);
  g_test_add_func ("/core/layout/collapsed", test_collapsed);
  g_test_add_func ("/core/layout/unconnected", test_unconnected);
  g_test_add_func ("/core/layout/long-titles", test_long_titles);
  g_test_add_func ("/core/layout/wrapped-lines", test_wrapped_lines);
  g_test_add_func ("/core/layout/huge-title", test_huge_title);
  g_test_add_func ("/core/layout/random-no-overlap", test_random);
  g_test_add_func ("/core/layout/large", test_large);

  return g_test_run ();
}
