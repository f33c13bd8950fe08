/* test-workshop-core.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workshop-core"

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-format.h"
#include "imp-map.h"
#include "imp-render.h"
#include "imp-scene-private.h"
#include "imp-svg.h"
#include "imp-templates.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

#define PADDING 24.0

typedef struct
{
  ImpMap  *map;
  ImpNode *goal;
  ImpNode *actor;        /* the focused branch: actor → impact → deliverable → experiment */
  ImpNode *impact;
  ImpNode *deliverable;
  ImpNode *experiment;
  ImpNode *other_actor;  /* and a second branch beside it */
  ImpNode *other_impact;
  ImpNode *other_deliverable;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->map = imp_map_new ();
  _imp_map_set_title (f->map, "Workshop");
  f->goal = imp_test_add_card (f->map, IMP_LEVEL_GOAL, "Grow weekly learners", NULL);
  f->actor = imp_test_add_card (f->map, IMP_LEVEL_ACTOR, "Teachers", f->goal);
  f->impact = imp_test_add_card (f->map, IMP_LEVEL_IMPACT, "Grade sooner", f->actor);
  f->deliverable = imp_test_add_card (f->map, IMP_LEVEL_DELIVERABLE, "Grading queue", f->impact);
  f->experiment = imp_test_add_card (f->map, IMP_LEVEL_EXPERIMENT, "Usability interviews", f->deliverable);
  f->other_actor = imp_test_add_card (f->map, IMP_LEVEL_ACTOR, "Students", f->goal);
  f->other_impact = imp_test_add_card (f->map, IMP_LEVEL_IMPACT, "Practise daily", f->other_actor);
  f->other_deliverable = imp_test_add_card (f->map, IMP_LEVEL_DELIVERABLE, "Streak reminders",
                                   f->other_impact);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->map);
}

/* Renders the scene's whole bounds (not only what is shown), so that
 * renders with and without view state line up pixel for pixel. */
static cairo_surface_t *
render (ImpScene *scene)
{
  ImpRect bounds;
  cairo_surface_t *surface;
  cairo_t *cr;

  imp_scene_get_bounds (scene, &bounds);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (bounds.width + 2 * PADDING),
                                        (int) ceil (bounds.height + 2 * PADDING));
  cr = cairo_create (surface);
  cairo_translate (cr, PADDING - bounds.x, PADDING - bounds.y);
  imp_render_scene (scene, cr, NULL, 1.0, IMP_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

typedef struct
{
  int r, g, b;
} Pixel;

static Pixel
map_pixel (ImpScene        *scene,
           cairo_surface_t *surface,
           double           mx,
           double           my)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  ImpRect bounds;
  int x, y;
  guint32 value;

  imp_scene_get_bounds (scene, &bounds);
  x = (int) floor (mx - bounds.x + PADDING);
  y = (int) floor (my - bounds.y + PADDING);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  value = *(const guint32 *) (data + y * stride + x * 4);

  return (Pixel) { value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff };
}

static int
distance (Pixel           p,
          const ImpColor *color)
{
  int dr = abs (p.r - (int) round (color->red * 255));
  int dg = abs (p.g - (int) round (color->green * 255));
  int db = abs (p.b - (int) round (color->blue * 255));

  return MAX (dr, MAX (dg, db));
}

static gboolean
same_pixel (Pixel a,
            Pixel b)
{
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* A spot of plain card fill: low on the card, away from text, stripe and
 * corners. */
static void
fill_spot (ImpScene *scene,
           ImpNode  *node,
           double   *x,
           double   *y)
{
  ImpRect rect;

  g_assert_true (imp_scene_get_card_rect (scene, node, &rect));
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height - 5;
}

static void
card_center (ImpScene *scene,
             ImpNode  *node,
             double   *x,
             double   *y)
{
  ImpRect rect;

  g_assert_true (imp_scene_get_card_rect (scene, node, &rect));
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

static gboolean
rect_contains (const ImpRect *outer,
               const ImpRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
test_reveal_hides_deeper_levels (Fixture       *f,
                                 gconstpointer  data)
{
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = imp_scene_new (f->map, theme);
  ImpNode *shown[] = { f->goal, f->actor, f->other_actor };
  ImpNode *hidden[] = { f->impact, f->deliverable, f->experiment, f->other_impact,
                        f->other_deliverable };
  ImpRect before[G_N_ELEMENTS (hidden)];
  ImpRect bounds, visible, rect;
  cairo_surface_t *surface;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *svg = NULL;

  g_assert_cmpint (imp_scene_get_reveal_level (scene), ==, -1);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_true (imp_scene_get_card_rect (scene, hidden[i], &before[i]));

  imp_scene_set_reveal_level (scene, IMP_LEVEL_ACTOR);
  g_assert_cmpint (imp_scene_get_reveal_level (scene), ==, IMP_LEVEL_ACTOR);

  surface = render (scene);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      double x, y;

      /* The layout does not move: the card is still there, only not shown. */
      g_assert_true (imp_scene_get_card_rect (scene, hidden[i], &rect));
      g_assert_cmpfloat (rect.x, ==, before[i].x);
      g_assert_cmpfloat (rect.y, ==, before[i].y);

      fill_spot (scene, hidden[i], &x, &y);
      g_assert_cmpint (distance (map_pixel (scene, surface, x, y), &theme->background), <=, 1);
      card_center (scene, hidden[i], &x, &y);
      g_assert_cmpint (distance (map_pixel (scene, surface, x, y), &theme->background), <=, 1);
      g_assert_null (imp_scene_hit_test (scene, x, y));
    }
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      double x, y;

      fill_spot (scene, shown[i], &x, &y);
      g_assert_cmpint (distance (map_pixel (scene, surface, x, y),
                                 &theme->level_fill[shown[i]->level]), <=, 2);
      card_center (scene, shown[i], &x, &y);
      g_assert_true (imp_scene_hit_test (scene, x, y) == shown[i]);
    }
  cairo_surface_destroy (surface);

  /* No link reaches a hidden card. */
  _imp_scene_query_links (scene, NULL, links);
  g_assert_cmpuint (links->len, ==, 2);
  for (guint i = 0; i < links->len; i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, g_array_index (links, guint, i));

      g_assert_cmpint (link->link->child->level, ==, IMP_LEVEL_ACTOR);
    }

  /* What is shown fits, the full bounds do not change. */
  imp_scene_get_visible_bounds (scene, &visible);
  imp_scene_get_bounds (scene, &bounds);
  g_assert_true (rect_contains (&bounds, &visible));
  g_assert_cmpfloat (visible.width, <, bounds.width);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_assert_true (imp_scene_get_card_rect (scene, shown[i], &rect));
      g_assert_true (rect_contains (&visible, &rect));
    }
  g_assert_true (imp_scene_get_card_rect (scene, f->impact, &rect));
  g_assert_cmpfloat (visible.x + visible.width, <, rect.x);

  /* The SVG shows the same. */
  svg = imp_svg_write_to_data (scene, 0, TRUE, NULL);
  g_assert_nonnull (strstr (svg, "Teachers"));
  g_assert_null (strstr (svg, "Grade sooner"));
  g_assert_null (strstr (svg, "Streak reminders"));

  /* Column headers are still reported for every level. */
  g_assert_cmpuint (imp_scene_get_n_columns (scene), ==, IMP_N_LEVELS);

  /* Back to everything. */
  imp_scene_set_reveal_level (scene, -1);
  imp_scene_get_visible_bounds (scene, &visible);
  g_assert_cmpmem (&visible, sizeof visible, &bounds, sizeof bounds);
  card_center (scene, f->experiment, &rect.x, &rect.y);
  g_assert_true (imp_scene_hit_test (scene, rect.x, rect.y) == f->experiment);
}

static void
test_reveal_steps (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ImpScene) scene = imp_scene_new (f->map, NULL);
  ImpNode *nodes[] = { f->goal, f->actor, f->impact, f->deliverable, f->experiment };

  /* Each step shows one more level, and everything before it. */
  for (int step = IMP_LEVEL_GOAL; step <= IMP_LEVEL_EXPERIMENT; step++)
    {
      imp_scene_set_reveal_level (scene, step);
      for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
        {
          double x, y;

          card_center (scene, nodes[i], &x, &y);
          if ((int) nodes[i]->level <= step)
            g_assert_true (imp_scene_hit_test (scene, x, y) == nodes[i]);
          else
            g_assert_null (imp_scene_hit_test (scene, x, y));
        }
    }
}

static void
test_focus_dims_the_rest (Fixture       *f,
                          gconstpointer  data)
{
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = imp_scene_new (f->map, theme);
  ImpNode *branch[] = { f->goal, f->actor, f->impact, f->deliverable, f->experiment };
  ImpNode *outside[] = { f->other_actor, f->other_impact, f->other_deliverable };
  cairo_surface_t *full, *focused;
  ImpRect visible, rect;
  g_autofree char *svg = NULL;

  full = render (scene);
  g_assert_null (imp_scene_get_focus (scene));
  imp_scene_set_focus (scene, f->impact);
  g_assert_true (imp_scene_get_focus (scene) == f->impact);
  focused = render (scene);

  /* The branch: the node, what hangs under it and its chain up to the goal,
   * exactly as without focus. */
  for (guint i = 0; i < G_N_ELEMENTS (branch); i++)
    {
      double x, y;

      fill_spot (scene, branch[i], &x, &y);
      g_assert_true (same_pixel (map_pixel (scene, focused, x, y), map_pixel (scene, full, x, y)));
    }

  /* Outside it: closer to the background than in the full render, and
   * still there to click. */
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      double x, y;
      int d_full, d_focused;

      fill_spot (scene, outside[i], &x, &y);
      d_full = distance (map_pixel (scene, full, x, y), &theme->background);
      d_focused = distance (map_pixel (scene, focused, x, y), &theme->background);
      g_assert_cmpint (d_full, >, 4);
      g_assert_cmpint (d_focused, <, d_full);
      g_assert_cmpint (d_focused, >, 0);

      card_center (scene, outside[i], &x, &y);
      g_assert_true (imp_scene_hit_test (scene, x, y) == outside[i]);
    }

  /* The visible bounds are the branch's. */
  imp_scene_get_visible_bounds (scene, &visible);
  for (guint i = 0; i < G_N_ELEMENTS (branch); i++)
    {
      g_assert_true (imp_scene_get_card_rect (scene, branch[i], &rect));
      g_assert_true (rect_contains (&visible, &rect));
    }
  g_assert_true (imp_scene_get_card_rect (scene, f->other_impact, &rect));
  g_assert_false (rect_contains (&visible, &rect));

  /* The SVG fades the same cards. */
  svg = imp_svg_write_to_data (scene, 0, TRUE, NULL);
  g_assert_nonnull (strstr (svg, "<g class=\"dimmed\" opacity=\"0.25\">"));

  cairo_surface_destroy (focused);

  /* No focus: the same pixels as before. */
  imp_scene_set_focus (scene, NULL);
  focused = render (scene);
  {
    gsize size_full = cairo_image_surface_get_stride (full) * cairo_image_surface_get_height (full);
    gsize size = cairo_image_surface_get_stride (focused) * cairo_image_surface_get_height (focused);

    g_assert_cmpmem (cairo_image_surface_get_data (full), size_full,
                     cairo_image_surface_get_data (focused), size);
  }

  cairo_surface_destroy (full);
  cairo_surface_destroy (focused);
}

static void
test_focus_with_reveal (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ImpScene) scene = imp_scene_new (f->map, NULL);
  ImpRect visible, rect;
  double x, y;

  imp_scene_set_focus (scene, f->actor);
  imp_scene_set_reveal_level (scene, IMP_LEVEL_IMPACT);

  /* Hidden wins over the branch. */
  card_center (scene, f->deliverable, &x, &y);
  g_assert_null (imp_scene_hit_test (scene, x, y));
  imp_scene_get_visible_bounds (scene, &visible);
  g_assert_true (imp_scene_get_card_rect (scene, f->impact, &rect));
  g_assert_true (rect_contains (&visible, &rect));
  g_assert_true (imp_scene_get_card_rect (scene, f->deliverable, &rect));
  g_assert_cmpfloat (visible.x + visible.width, <, rect.x);
}

/* The runs of pixels of @color (within a small tolerance) along the bottom
 * edge of @node's card: the vote dots sit there. */
static guint
count_dots (ImpScene        *scene,
            cairo_surface_t *surface,
            ImpNode         *node,
            const ImpColor  *color)
{
  ImpRect rect;
  gboolean inside = FALSE;
  guint runs = 0;

  g_assert_true (imp_scene_get_card_rect (scene, node, &rect));
  for (double x = rect.x + IMP_CARD_RADIUS; x < rect.x + rect.width - IMP_CARD_RADIUS; x += 1)
    {
      gboolean dot = distance (map_pixel (scene, surface, x, rect.y + rect.height), color) <= 40;

      if (dot && !inside)
        runs++;
      inside = dot;
    }

  return runs;
}

static void
test_votes_drawn (Fixture       *f,
                  gconstpointer  data)
{
  for (int kind = IMP_THEME_LIGHT; kind <= IMP_THEME_PROJECTOR; kind++)
    {
      const ImpTheme *theme = imp_theme_get (kind);
      g_autoptr(ImpScene) scene = NULL;
      cairo_surface_t *surface;
      g_autofree char *svg = NULL;

      _imp_map_set_node_votes (f->map, f->deliverable, 3);
      _imp_map_set_node_votes (f->map, f->other_deliverable, 7);
      scene = imp_scene_new (f->map, theme);
      surface = render (scene);

      /* One dot a vote; past five, five dots and the number. */
      g_assert_cmpuint (count_dots (scene, surface, f->deliverable, &theme->text), ==, 3);
      g_assert_cmpuint (count_dots (scene, surface, f->other_deliverable, &theme->text), >=, 6);
      g_assert_cmpuint (count_dots (scene, surface, f->impact, &theme->text), ==, 0);
      cairo_surface_destroy (surface);

      svg = imp_svg_write_to_data (scene, 0, TRUE, NULL);
      g_assert_nonnull (strstr (svg, ">7</text>"));
      g_assert_null (strstr (svg, ">3</text>"));

      /* A hidden card hides its votes too. */
      imp_scene_set_reveal_level (scene, IMP_LEVEL_IMPACT);
      surface = render (scene);
      g_assert_cmpuint (count_dots (scene, surface, f->deliverable, &theme->text), ==, 0);
      cairo_surface_destroy (surface);
    }
}

static void
test_templates (void)
{
  static const guint n_nodes[IMP_N_TEMPLATES] = { 4, 5, 3 };
  static const ImpLevel deepest[IMP_N_TEMPLATES] = {
    IMP_LEVEL_DELIVERABLE, IMP_LEVEL_EXPERIMENT, IMP_LEVEL_DELIVERABLE
  };

  for (guint t = 0; t < IMP_N_TEMPLATES; t++)
    {
      g_autoptr(ImpMap) map = imp_template_new_map (t);
      g_autoptr(ImpMap) again = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GPtrArray) roots = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *data2 = NULL;
      ImpVocabulary vocabulary = imp_template_get_vocabulary (t);
      ImpNode *node;

      g_test_message ("template %u: %s", t, imp_template_get_name (t));
      g_assert_cmpstr (imp_template_get_name (t), !=, "");
      g_assert_cmpstr (imp_template_get_description (t), !=, "");
      for (guint u = 0; u < t; u++)
        g_assert_cmpstr (imp_template_get_name (t), !=, imp_template_get_name (u));

      /* One chain from a single goal, every card with a prompt. */
      g_assert_cmpint (imp_map_get_vocabulary (map), ==, vocabulary);
      g_assert_cmpuint (imp_map_get_n_nodes (map), ==, n_nodes[t]);
      g_assert_cmpuint (imp_map_get_n_links (map), ==, n_nodes[t] - 1);
      roots = imp_map_get_roots (map);
      g_assert_cmpuint (roots->len, ==, 1);
      node = g_ptr_array_index (roots, 0);
      g_assert_cmpint (node->level, ==, IMP_LEVEL_GOAL);
      for (guint i = 1; i < n_nodes[t]; i++)
        {
          const ImpLink *link = g_ptr_array_index (node->children, 0);

          g_assert_cmpuint (node->children->len, ==, 1);
          g_assert_true (imp_analysis_link_fits (map, link));
          node = link->child;
          g_assert_cmpuint (strlen (node->title), >, 5);
        }
      g_assert_cmpint (node->level, ==, deepest[t]);
      g_assert_cmpuint (node->children->len, ==, 0);

      /* The levels fit the vocabulary: three tiers has no actor. */
      g_assert_true (imp_map_check_vocabulary (map, vocabulary, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        if (t == IMP_TEMPLATE_THREE_TIER)
          g_assert_cmpint (imp_map_get_node (map, i)->level, !=, IMP_LEVEL_ACTOR);
      findings = imp_analysis_find_problems (map, NULL);
      for (guint i = 0; i < findings->len; i++)
        {
          const ImpFinding *finding = g_ptr_array_index (findings, i);

          g_assert_cmpint (finding->kind, !=, IMP_FINDING_LEVEL_MISMATCH);
          g_assert_cmpint (finding->kind, !=, IMP_FINDING_ORPHAN);
        }

      /* It saves and loads as the same map. */
      data = imp_format_save_to_data (map, NULL);
      again = imp_format_load_data (data, -1, &error);
      g_assert_no_error (error);
      g_assert_true (imp_map_equal (map, again));
      data2 = imp_format_save_to_data (again, NULL);
      g_assert_cmpstr (data, ==, data2);
    }
}

static void
test_votes_ranking (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) ranked = imp_analysis_rank_by_votes (f->map);
  ImpIce ice = { 5, 5, 5 };

  g_assert_cmpuint (ranked->len, ==, 0);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  _imp_map_set_node_votes (f->map, f->other_deliverable, 2);
  _imp_map_set_node_votes (f->map, f->impact, 4);
  _imp_map_set_node_votes (f->map, f->deliverable, 2);
  ranked = imp_analysis_rank_by_votes (f->map);
  g_assert_cmpuint (ranked->len, ==, 3);
  g_assert_true (g_ptr_array_index (ranked, 0) == f->impact);
  /* A tie keeps the map's order. */
  g_assert_true (g_ptr_array_index (ranked, 1) == f->deliverable);
  g_assert_true (g_ptr_array_index (ranked, 2) == f->other_deliverable);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  /* The ICE ranking is by score alone; its entries show their votes. */
  g_assert_true (_imp_map_set_node_ice (f->map, f->deliverable, &ice, NULL));
  ranked = imp_analysis_rank_deliverables (f->map);
  g_assert_cmpuint (ranked->len, ==, 1);
  g_assert_cmpuint (((ImpNode *) g_ptr_array_index (ranked, 0))->votes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/workshop/reveal/hides-deeper-levels", test_reveal_hides_deeper_levels);
  ADD ("/core/workshop/reveal/steps", test_reveal_steps);
  ADD ("/core/workshop/focus/dims-the-rest", test_focus_dims_the_rest);
  ADD ("/core/workshop/focus/with-reveal", test_focus_with_reveal);
  ADD ("/core/workshop/votes/drawn", test_votes_drawn);
  ADD ("/core/workshop/votes/ranking", test_votes_ranking);
  g_test_add_func ("/core/workshop/templates", test_templates);

#undef ADD

  return g_test_run ();
}
