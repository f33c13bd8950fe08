/* test-render.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-render"

#include "config.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "imp-format.h"
#include "imp-map.h"
#include "imp-render.h"
#include "imp-scene-private.h"
#include "imp-svg.h"
#include "imp-tile-cache.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

#define PADDING 24.0

/* A small map with every kind of card and link: metric with and without a
 * target, ICE, experiments, a cross-link, a refuted and a supported link,
 * a collapsed node and an unconnected one. */
static ImpMap *
make_map (void)
{
  ImpMap *map = imp_map_new ();
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpMetric) direction_only = imp_metric_new ();
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();
  ImpIce ice = { 8, 6, 5 };
  ImpNode *goal, *actor, *impact, *impact2, *deliverable, *deliverable2, *collapsed;

  _imp_map_set_title (map, "Render test");
  goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Grow learners", NULL);
  metric->baseline = 40000;
  metric->current = 43500;
  metric->target = 48000;
  metric->unit = g_strdup ("learners");
  _imp_map_set_node_metric (map, goal, metric);

  actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Teachers", goal);
  impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Grade sooner", actor);
  impact2 = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Complain less", actor);
  direction_only->direction = IMP_DIRECTION_DECREASE;
  _imp_map_set_node_metric (map, impact2, direction_only);

  deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "A & B <c>", impact);
  g_assert_true (_imp_map_set_node_ice (map, deliverable, &ice, NULL));
  deliverable2 = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Quotes \"double\" and 'single'", impact2);
  _imp_map_link (map, impact2, deliverable, -1, NULL);  /* a cross-link */
  _imp_map_set_link_status (map, imp_map_find_link (map, impact2, deliverable2),
                           IMP_LINK_STATUS_REFUTED);
  _imp_map_set_link_status (map, imp_map_find_link (map, goal, actor), IMP_LINK_STATUS_SUPPORTED);

  experiment->status = IMP_EXPERIMENT_DONE;
  experiment->result = IMP_RESULT_SUPPORTS;
  _imp_map_set_node_experiment (map, imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, "Fake door", deliverable),
                               experiment);

  collapsed = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Control\x01 char and Ünïcödé ✓", goal);
  imp_test_add_card (map, IMP_LEVEL_IMPACT, "Hidden under a collapsed actor", collapsed);
  _imp_map_set_node_collapsed (map, collapsed, TRUE);

  imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Not connected yet", NULL);

  return map;
}

/* Renders the whole scene at @scale with PADDING around its bounds. */
static cairo_surface_t *
render (ImpScene      *scene,
        double         scale,
        const ImpRect *clip)
{
  ImpRect bounds;
  cairo_surface_t *surface;
  cairo_t *cr;

  imp_scene_get_bounds (scene, &bounds);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil ((bounds.width + 2 * PADDING) * scale),
                                        (int) ceil ((bounds.height + 2 * PADDING) * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, PADDING - bounds.x, PADDING - bounds.y);
  imp_render_scene (scene, cr, clip, scale, IMP_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

typedef struct
{
  int r, g, b, a;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  value = *(const guint32 *) (data + y * stride + x * 4);

  return (Pixel) { value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff, value >> 24 };
}

/* The pixel at map point (mx, my) of a surface made by render(). */
static Pixel
map_pixel (ImpScene        *scene,
           cairo_surface_t *surface,
           double           scale,
           double           mx,
           double           my)
{
  ImpRect bounds;

  imp_scene_get_bounds (scene, &bounds);

  return pixel_at (surface,
                   (int) floor ((mx - bounds.x + PADDING) * scale),
                   (int) floor ((my - bounds.y + PADDING) * scale));
}

static int
color_distance (Pixel           p,
                const ImpColor *color)
{
  int dr = abs (p.r - (int) round (color->red * 255));
  int dg = abs (p.g - (int) round (color->green * 255));
  int db = abs (p.b - (int) round (color->blue * 255));

  return MAX (dr, MAX (dg, db));
}

#define assert_pixel_color(p, color, tolerance) \
  G_STMT_START { \
    Pixel _p = (p); \
    if (color_distance (_p, (color)) > (tolerance)) \
      g_error ("pixel (%d, %d, %d, %d) is not colour (%d, %d, %d)", _p.r, _p.g, _p.b, _p.a, \
               (int) round ((color)->red * 255), (int) round ((color)->green * 255), \
               (int) round ((color)->blue * 255)); \
  } G_STMT_END

/* A spot of plain card fill: in the bottom padding, away from the rounded
 * corner, the border, the stripe and the "+N" on the right edge's middle. */
static void
plain_fill_spot (const ImpRect *card,
                 double        *x,
                 double        *y)
{
  *x = card->x + card->width - 16;
  *y = card->y + card->height - 6;
}

static void
test_level_fills (void)
{
  for (int kind = IMP_THEME_LIGHT; kind <= IMP_THEME_DARK; kind++)
    {
      g_autoptr(ImpMap) map = make_map ();
      const ImpTheme *theme = imp_theme_get (kind);
      g_autoptr(ImpScene) scene = imp_scene_new (map, theme);
      cairo_surface_t *surface = render (scene, 1.0, NULL);
      gboolean seen[IMP_N_LEVELS] = { FALSE, };
      ImpRect bounds;

      for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
        {
          const ImpSceneCard *card = _imp_scene_get_card (scene, i);
          double x, y;

          plain_fill_spot (&card->rect, &x, &y);
          assert_pixel_color (map_pixel (scene, surface, 1.0, x, y),
                              &theme->level_fill[card->node->level], 2);
          /* The stripe on the left edge carries the level's accent. */
          assert_pixel_color (map_pixel (scene, surface, 1.0, card->rect.x + 2,
                                         card->rect.y + card->rect.height / 2),
                              &theme->level_accent[card->node->level], 2);
          seen[card->node->level] = TRUE;
        }

      for (guint l = 0; l < IMP_N_LEVELS; l++)
        g_assert_true (seen[l]);

      /* Outside every card: the background. */
      imp_scene_get_bounds (scene, &bounds);
      assert_pixel_color (pixel_at (surface, 2, 2), &theme->background, 0);
      g_assert_null (imp_scene_hit_test (scene, bounds.x - 5, bounds.y - 5));

      cairo_surface_destroy (surface);
    }
}

static void
test_themes_differ (void)
{
  const ImpTheme *light = imp_theme_get (IMP_THEME_LIGHT);
  const ImpTheme *dark = imp_theme_get (IMP_THEME_DARK);
  g_autoptr(ImpMap) map = make_map ();
  g_autoptr(ImpScene) light_scene = imp_scene_new (map, light);
  g_autoptr(ImpScene) dark_scene = imp_scene_new (map, dark);
  cairo_surface_t *a = render (light_scene, 1.0, NULL);
  cairo_surface_t *b = render (dark_scene, 1.0, NULL);
  Pixel pa = pixel_at (a, 1, 1);
  Pixel pb = pixel_at (b, 1, 1);

  g_assert_cmpint (pa.r + pa.g + pa.b, >, 600);   /* light */
  g_assert_cmpint (pb.r + pb.g + pb.b, <, 150);   /* dark */

  /* Five clearly different levels in each theme. */
  for (int t = 0; t < 2; t++)
    {
      const ImpTheme *theme = t ? dark : light;

      for (guint i = 0; i < IMP_N_LEVELS; i++)
        for (guint j = i + 1; j < IMP_N_LEVELS; j++)
          {
            const ImpColor *x = &theme->level_accent[i], *y = &theme->level_accent[j];
            double d = fabs (x->red - y->red) + fabs (x->green - y->green) +
                       fabs (x->blue - y->blue);

            g_assert_cmpfloat (d, >, 0.3);
          }
    }

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Painting one rectangle of the map gives exactly the pixels a full paint
 * gives there, and nothing outside it. */
static void
test_clip (void)
{
  g_autoptr(ImpMap) map = make_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_surface_t *full = render (scene, 1.0, NULL);
  cairo_surface_t *part;
  ImpRect bounds, clip;
  int x0, y0, x1, y1;
  guint differ = 0;

  imp_scene_get_bounds (scene, &bounds);
  /* Whole device pixels, somewhere in the middle of the map. */
  clip = (ImpRect) { floor (bounds.x + bounds.width * 0.3), floor (bounds.y + bounds.height * 0.2),
                     300, 220 };
  part = render (scene, 1.0, &clip);

  x0 = (int) (clip.x - bounds.x + PADDING);
  y0 = (int) (clip.y - bounds.y + PADDING);
  x1 = x0 + (int) clip.width;
  y1 = y0 + (int) clip.height;

  for (int y = 0; y < cairo_image_surface_get_height (full); y++)
    for (int x = 0; x < cairo_image_surface_get_width (full); x++)
      {
        Pixel pf = pixel_at (full, x, y);
        Pixel pp = pixel_at (part, x, y);

        if (x >= x0 && x < x1 && y >= y0 && y < y1)
          {
            if (abs (pf.r - pp.r) > 1 || abs (pf.g - pp.g) > 1 ||
                abs (pf.b - pp.b) > 1 || abs (pf.a - pp.a) > 1)
              differ++;
          }
        else
          {
            g_assert_cmpint (pp.a, ==, 0);
          }
      }
  g_assert_cmpuint (differ, ==, 0);

  /* And the index really narrows things down. */
  _imp_scene_query_cards (scene, &clip, some);
  g_assert_cmpuint (some->len, >, 0);
  g_assert_cmpuint (some->len, <, _imp_scene_get_n_cards (scene));

  cairo_surface_destroy (full);
  cairo_surface_destroy (part);
}

static void
test_zoomed_out (void)
{
  g_autoptr(ImpMap) map = make_map ();
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = imp_scene_new (map, theme);
  const double scale = 0.25;
  cairo_surface_t *surface = render (scene, scale, NULL);

  /* Tiny cards are plain boxes of their level's colour: at their middle,
   * where a title would be at full size, there is only fill. */
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);

      assert_pixel_color (map_pixel (scene, surface, scale,
                                     card->rect.x + card->rect.width / 2,
                                     card->rect.y + card->rect.height / 2 + 8),
                          &theme->level_fill[card->node->level], 3);
    }

  cairo_surface_destroy (surface);
}

static void
test_selection (void)
{
  g_autoptr(ImpMap) map = make_map ();
  const ImpTheme *theme = imp_theme_get (IMP_THEME_DARK);
  g_autoptr(ImpScene) scene = imp_scene_new (map, theme);
  ImpNode *actor = imp_map_get_node (map, 1);
  cairo_surface_t *surface;
  ImpRect bounds, rect;
  cairo_t *cr;

  imp_scene_get_bounds (scene, &bounds);
  g_assert_true (imp_scene_get_card_rect (scene, actor, &rect));

  surface = render (scene, 1.0, NULL);
  assert_pixel_color (map_pixel (scene, surface, 1.0, rect.x + rect.width / 2, rect.y - 5),
                      &theme->background, 0);

  cr = cairo_create (surface);
  cairo_translate (cr, PADDING - bounds.x, PADDING - bounds.y);
  imp_render_selection (scene, cr, actor, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* A ring 3 px wide, 2.5 px away from the card, on every side. */
  assert_pixel_color (map_pixel (scene, surface, 1.0, rect.x + rect.width / 2, rect.y - 5),
                      &theme->selection, 2);
  assert_pixel_color (map_pixel (scene, surface, 1.0, rect.x + rect.width / 2,
                                 rect.y + rect.height + 4),
                      &theme->selection, 2);
  assert_pixel_color (map_pixel (scene, surface, 1.0, rect.x - 5, rect.y + rect.height / 2),
                      &theme->selection, 2);

  cairo_surface_destroy (surface);
}

static void
test_hit_test (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);

  /* A wide fan-out, so the index has many cells. */
  for (int a = 0; a < 50; a++)
    {
      ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Actor", goal);

      for (int i = 0; i < 20; i++)
        imp_test_add_card (map, IMP_LEVEL_IMPACT, "Impact", actor);
    }

  scene = imp_scene_new (map, NULL);
  for (guint n = 0; n < imp_map_get_n_nodes (map); n++)
    {
      ImpNode *node = imp_map_get_node (map, n);
      ImpRect rect;

      g_assert_true (imp_scene_get_card_rect (scene, node, &rect));
      g_assert_true (imp_scene_hit_test (scene, rect.x + rect.width / 2,
                                         rect.y + rect.height / 2) == node);
      g_assert_true (imp_scene_hit_test (scene, rect.x + 1, rect.y + 1) == node);
      g_assert_true (imp_scene_hit_test (scene, rect.x + rect.width - 1,
                                         rect.y + rect.height - 1) == node);
      /* In the gap between columns, nothing. */
      g_assert_null (imp_scene_hit_test (scene, rect.x + rect.width + 10, rect.y + 1));
    }

  g_assert_null (imp_scene_hit_test (scene, NAN, 0));
  g_assert_null (imp_scene_hit_test (scene, 1e300, -1e300));
}

/* Link hit testing lives in the scene beside card hit testing and uses
 * the links' spatial index: the middle of every curve hits its own link,
 * a point well off the curves hits none, hidden links are never hit, and
 * a link to a card pinned very far away is found halfway along. */
static double
cubic (double t,
       double p0,
       double p1,
       double p2,
       double p3)
{
  double u = 1 - t;

  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

static void
test_hit_test_link (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);
  ImpNode *far;
  guint n_links;

  for (int a = 0; a < 20; a++)
    {
      ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Actor", goal);

      for (int i = 0; i < 5; i++)
        imp_test_add_card (map, IMP_LEVEL_IMPACT, "Impact", actor);
    }

  scene = imp_scene_new (map, NULL);
  n_links = _imp_scene_get_n_links (scene);
  g_assert_cmpuint (n_links, ==, 20 + 20 * 5);

  for (guint i = 0; i < n_links; i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, i);
      double mx = cubic (0.5, link->x0, link->x1, link->x2, link->x3);
      double my = cubic (0.5, link->y0, link->y1, link->y2, link->y3);

      g_assert_true (imp_scene_hit_test_link (scene, mx, my, 2) == link->link);
    }

  /* Left of the goal no link passes. */
  {
    ImpRect rect;

    g_assert_true (imp_scene_get_card_rect (scene, goal, &rect));
    g_assert_null (imp_scene_hit_test_link (scene, rect.x - 50, rect.y, 6));
  }
  g_assert_null (imp_scene_hit_test_link (scene, NAN, 0, 6));
  g_assert_null (imp_scene_hit_test_link (scene, 1e300, -1e300, 6));

  /* Only goals revealed: no link is drawn, so none is hit. */
  imp_scene_set_reveal_level (scene, IMP_LEVEL_GOAL);
  for (guint i = 0; i < n_links; i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, i);
      double mx = cubic (0.5, link->x0, link->x1, link->x2, link->x3);
      double my = cubic (0.5, link->y0, link->y1, link->y2, link->y3);

      g_assert_null (imp_scene_hit_test_link (scene, mx, my, 2));
    }
  g_clear_object (&scene);

  far = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Far away", goal);
  _imp_map_set_node_position (map, far, TRUE, 4e6, 3e6);
  scene = imp_scene_new (map, NULL);
  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, i);

      if (link->link->child == far)
        {
          double mx = cubic (0.5, link->x0, link->x1, link->x2, link->x3);
          double my = cubic (0.5, link->y0, link->y1, link->y2, link->y3);

          g_assert_true (imp_scene_hit_test_link (scene, mx, my, 2) == link->link);
        }
    }
}

/* A card pinned very far away: its link spans more of the index than is
 * worth filing cell by cell, and both are still found. */
static void
test_far_pin (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);
  ImpNode *far = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Far away", goal);
  ImpRect rect, bounds, around;

  _imp_map_set_node_position (map, far, TRUE, 4e6, 3e6);
  scene = imp_scene_new (map, NULL);

  g_assert_true (imp_scene_get_card_rect (scene, far, &rect));
  g_assert_cmpfloat (rect.x, ==, 4e6);
  g_assert_true (imp_scene_hit_test (scene, rect.x + 5, rect.y + 5) == far);
  g_assert_true (imp_scene_hit_test (scene, 5, 5) == goal);

  imp_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.x + bounds.width, >=, rect.x + rect.width);
  g_assert_cmpfloat (bounds.y + bounds.height, >=, rect.y + rect.height);

  /* Halfway along the link: no card, but the link. */
  around = (ImpRect) { 2e6 - 100, 1.5e6 - 1e5, 200, 2e5 };
  _imp_scene_query_cards (scene, &around, found);
  g_assert_cmpuint (found->len, ==, 0);
  _imp_scene_query_links (scene, &around, found);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_links (void)
{
  g_autoptr(ImpMap) map = make_map ();
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = imp_scene_new (map, theme);
  guint cross = 0, refuted = 0, supported = 0, plain = 0;

  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, i);
      ImpRect from, to;

      /* From the parent's right edge to the child's left edge, at their
       * middles, leaving and entering level. */
      g_assert_true (imp_scene_get_card_rect (scene, link->link->parent, &from));
      g_assert_true (imp_scene_get_card_rect (scene, link->link->child, &to));
      g_assert_cmpfloat (link->x0, ==, from.x + from.width);
      g_assert_cmpfloat (link->y0, ==, from.y + from.height / 2);
      g_assert_cmpfloat (link->x3, ==, to.x);
      g_assert_cmpfloat (link->y3, ==, to.y + to.height / 2);
      g_assert_cmpfloat (link->y1, ==, link->y0);
      g_assert_cmpfloat (link->y2, ==, link->y3);

      if (link->cross_link)
        {
          cross++;
          g_assert_cmpfloat (link->dash[0], >, 0);
        }

      /* Status is in the line's style and a mark, not in colour alone. */
      if (link->link->status == IMP_LINK_STATUS_REFUTED)
        {
          refuted++;
          g_assert_cmpfloat (link->dash[0], >, 0);
          g_assert_cmpint (link->mark_box, >=, 0);
          g_assert_cmpstr (_imp_scene_get_text (scene, link->mark_text)->text, ==, "×");
        }
      else if (link->link->status == IMP_LINK_STATUS_SUPPORTED)
        {
          supported++;
          g_assert_cmpfloat (link->width, >, 2.0);
          g_assert_cmpint (link->mark_box, >=, 0);
        }
      else if (!link->cross_link)
        {
          plain++;
          g_assert_cmpfloat (link->dash[0], ==, 0);
          g_assert_cmpint (link->mark_box, ==, -1);
        }
    }

  g_assert_cmpuint (cross, ==, 1);
  g_assert_cmpuint (refuted, ==, 1);
  g_assert_cmpuint (supported, ==, 1);
  g_assert_cmpuint (plain, >, 2);
  /* The link under the collapsed actor is not drawn. */
  g_assert_cmpuint (_imp_scene_get_n_links (scene), ==, imp_map_get_n_links (map) - 1);
}

/* The dashes of a refuted link really leave gaps on the picture, where a
 * plain link is unbroken. */
static void
test_dashes_drawn (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);
  ImpNode *solid = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Solid", goal);
  ImpNode *dashed = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Dashed", NULL);
  ImpNode *dashed_child = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Refuted", dashed);
  ImpNode *solid_child = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Plain", solid);
  cairo_surface_t *surface;
  ImpNode *pairs[2][2] = { { solid, solid_child }, { dashed, dashed_child } };

  _imp_map_set_link_status (map, imp_map_find_link (map, dashed, dashed_child),
                           IMP_LINK_STATUS_REFUTED);
  scene = imp_scene_new (map, theme);
  surface = render (scene, 1.0, NULL);

  for (int p = 0; p < 2; p++)
    {
      ImpRect from, to;
      guint gaps = 0, inked = 0;

      g_assert_true (imp_scene_get_card_rect (scene, pairs[p][0], &from));
      g_assert_true (imp_scene_get_card_rect (scene, pairs[p][1], &to));
      /* A one-child link is level: a horizontal line at the middle. */
      g_assert_cmpfloat (from.y + from.height / 2, ==, to.y + to.height / 2);

      for (double x = from.x + from.width + 3; x < to.x - 3; x += 1)
        {
          double y = from.y + from.height / 2;
          double mid = (from.x + from.width + to.x) / 2;
          Pixel above = map_pixel (scene, surface, 1.0, x, y - 0.5);
          Pixel below = map_pixel (scene, surface, 1.0, x, y + 0.5);

          if (fabs (x - mid) < 12)  /* the status mark */
            continue;

          if (color_distance (above, &theme->background) <= 2 &&
              color_distance (below, &theme->background) <= 2)
            gaps++;
          else
            inked++;
        }

      g_assert_cmpuint (inked, >, 20);
      if (p == 0)
        g_assert_cmpuint (gaps, ==, 0);
      else
        g_assert_cmpuint (gaps, >, 10);
    }

  cairo_surface_destroy (surface);
}

static void
test_card_content (void)
{
  g_autoptr(ImpMap) map = make_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  const ImpSceneCard *goal = _imp_scene_find_card (scene, imp_map_get_node (map, 0));
  const ImpSceneCard *direction_only = _imp_scene_find_card (scene, imp_map_get_node (map, 3));
  const ImpSceneCard *deliverable = _imp_scene_find_card (scene, imp_map_get_node (map, 4));
  gboolean found_percent = FALSE, found_direction = FALSE, found_ice = FALSE;
  gboolean found_badge = FALSE;

  g_assert_nonnull (goal);
  g_assert_cmpint (goal->track_box, >=, 0);
  g_assert_cmpfloat_with_epsilon (goal->progress, 3500.0 / 8000.0, 1e-9);
  for (guint i = 0; i < goal->n_texts; i++)
    {
      const char *text = _imp_scene_get_text (scene, goal->first_text + i)->text;

      found_percent |= g_strcmp0 (text, "44%") == 0;
      found_badge |= g_strcmp0 (text, "GOAL") == 0;
    }
  g_assert_true (found_percent);
  g_assert_true (found_badge);

  g_assert_cmpint (direction_only->track_box, ==, -1);
  for (guint i = 0; i < direction_only->n_texts; i++)
    found_direction |= strstr (_imp_scene_get_text (scene, direction_only->first_text + i)->text,
                               "direction only") != NULL;
  g_assert_true (found_direction);

  for (guint i = 0; i < deliverable->n_texts; i++)
    found_ice |= g_strcmp0 (_imp_scene_get_text (scene, deliverable->first_text + i)->text,
                            "ICE 240") == 0;
  g_assert_true (found_ice);
}

/* SVG */

typedef struct
{
  GPtrArray *texts;      /* the content of every <text> */
  GString   *current;
  gboolean   in_text;
  double     width;
  double     height;
  char      *view_box;
  guint      rects;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  if (strcmp (element, "svg") == 0)
    {
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (strcmp (names[i], "width") == 0)
            info->width = g_ascii_strtod (values[i], NULL);
          else if (strcmp (names[i], "height") == 0)
            info->height = g_ascii_strtod (values[i], NULL);
          else if (strcmp (names[i], "viewBox") == 0)
            info->view_box = g_strdup (values[i]);
        }
    }
  else if (strcmp (element, "text") == 0)
    {
      info->in_text = TRUE;
      g_string_truncate (info->current, 0);
    }
  else if (strcmp (element, "rect") == 0)
    {
      info->rects++;
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgInfo *info = user_data;

  if (strcmp (element, "text") == 0)
    {
      g_ptr_array_add (info->texts, g_strdup (info->current->str));
      info->in_text = FALSE;
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgInfo *info = user_data;

  if (info->in_text)
    g_string_append_len (info->current, text, length);
}

static void
svg_info_clear (SvgInfo *info)
{
  g_clear_pointer (&info->texts, g_ptr_array_unref);
  if (info->current != NULL)
    g_string_free (info->current, TRUE);
  info->current = NULL;
  g_clear_pointer (&info->view_box, g_free);
}

static void
parse_svg (const char *svg,
           gsize       length,
           SvgInfo    *info)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (info, 0, sizeof *info);
  info->texts = g_ptr_array_new_with_free_func (g_free);
  info->current = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, 0, info, NULL);
  g_markup_parse_context_parse (context, svg, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
check_with_xmllint (const char *svg,
                    gsize       length)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd, status = -1;

  if (xmllint == NULL)
    {
      g_test_message ("xmllint not found: well-formedness checked with GMarkup only");
      return;
    }

  fd = g_file_open_tmp ("test-render-XXXXXX.svg", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, svg, length, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--noout", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
}

static void
test_svg_text (void)
{
  g_autoptr(ImpMap) map = make_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autofree char *svg = NULL;
  gsize length = 0;
  SvgInfo info;
  ImpRect bounds;

  _imp_map_set_title (map, "Title with </title> & \x02 in it");
  svg = imp_svg_write_to_data (scene, PADDING, TRUE, &length);
  g_assert_cmpuint (length, ==, strlen (svg));
  g_assert_true (g_utf8_validate (svg, length, NULL));

  /* Escaped, and nothing XML 1.0 forbids. */
  g_assert_nonnull (strstr (svg, ">A &amp; B &lt;c&gt;</text>"));
  g_assert_nonnull (strstr (svg, "Quotes &quot;double&quot; and &apos;single&apos;"));
  for (const char *p = svg; *p; p++)
    g_assert_true (!g_ascii_iscntrl (*p) || *p == '\n');

  parse_svg (svg, length, &info);

  /* Every visible title is a real <text>, and every line the renderer
   * draws is one too. */
  g_assert_true (contains_string (info.texts, "A & B <c>"));
  g_assert_true (contains_string (info.texts, "Quotes \"double\" and 'single'"));
  g_assert_true (contains_string (info.texts, "Grow learners"));
  g_assert_true (contains_string (info.texts, "Teachers"));
  g_assert_true (contains_string (info.texts, "Control  char and Ünïcödé ✓"));
  g_assert_true (contains_string (info.texts, "Not connected yet"));
  g_assert_false (contains_string (info.texts, "Hidden under a collapsed actor"));
  g_assert_true (contains_string (info.texts, "+1"));
  for (guint i = 0; i < _imp_scene_get_n_texts (scene); i++)
    g_assert_true (contains_string (info.texts, _imp_scene_get_text (scene, i)->text));

  /* The picture is the bounds plus the padding, in px. */
  imp_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat_with_epsilon (info.width, bounds.width + 2 * PADDING, 0.01);
  g_assert_cmpfloat_with_epsilon (info.height, bounds.height + 2 * PADDING, 0.01);
  g_assert_nonnull (info.view_box);
  {
    g_auto(GStrv) parts = g_strsplit (info.view_box, " ", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 4);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (parts[0], NULL), bounds.x - PADDING, 0.01);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (parts[1], NULL), bounds.y - PADDING, 0.01);
  }
  svg_info_clear (&info);

  check_with_xmllint (svg, length);
}

static void
test_svg_background (void)
{
  g_autoptr(ImpMap) map = make_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, imp_theme_get (IMP_THEME_DARK));
  g_autofree char *with = imp_svg_write_to_data (scene, 0, TRUE, NULL);
  g_autofree char *without = imp_svg_write_to_data (scene, 0, FALSE, NULL);
  SvgInfo a, b;

  parse_svg (with, strlen (with), &a);
  parse_svg (without, strlen (without), &b);
  /* One full-size rectangle more, filled with the dark background. */
  g_assert_cmpuint (a.rects, ==, b.rects + 1);
  g_assert_nonnull (strstr (with, "fill=\"#1e1e1e\""));
  svg_info_clear (&a);
  svg_info_clear (&b);
}

static void
test_empty (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autofree char *svg = NULL;
  gsize length;
  cairo_surface_t *surface;
  SvgInfo info;

  surface = render (scene, 1.0, NULL);
  assert_pixel_color (pixel_at (surface, 0, 0), &imp_scene_get_theme (scene)->background, 0);
  cairo_surface_destroy (surface);

  svg = imp_svg_write_to_data (scene, 10, FALSE, &length);
  parse_svg (svg, length, &info);
  g_assert_cmpfloat (info.width, ==, 20);
  g_assert_cmpuint (info.texts->len, ==, 0);
  svg_info_clear (&info);
  check_with_xmllint (svg, length);
}

/* The SVG, rasterised by librsvg, looks like the PNG: the same cards in the
 * same places and colours. */
static void
test_svg_matches_png (void)
{
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(ImpMap) map = make_map ();
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = imp_scene_new (map, theme);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *png_path = NULL;
  cairo_surface_t *ours, *theirs;
  gsize length;
  int fd, status = -1;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed");
      return;
    }

  svg = imp_svg_write_to_data (scene, PADDING, TRUE, &length);
  fd = g_file_open_tmp ("test-render-XXXXXX.svg", &svg_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (svg_path, svg, length, &error);
  g_assert_no_error (error);
  png_path = g_strconcat (svg_path, ".png", NULL);

  {
    const char *argv[] = { rsvg, "-o", png_path, svg_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  theirs = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (theirs), ==, CAIRO_STATUS_SUCCESS);
  ours = render (scene, 1.0, NULL);
  g_assert_cmpint (cairo_image_surface_get_width (theirs), ==,
                   cairo_image_surface_get_width (ours));
  g_assert_cmpint (cairo_image_surface_get_height (theirs), ==,
                   cairo_image_surface_get_height (ours));

  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);
      double x, y;

      plain_fill_spot (&card->rect, &x, &y);
      assert_pixel_color (map_pixel (scene, theirs, 1.0, x, y), &theme->level_fill[card->level],
                          3);
      assert_pixel_color (map_pixel (scene, theirs, 1.0, card->rect.x + 2,
                                     card->rect.y + card->rect.height / 2),
                          &theme->level_accent[card->level], 3);
    }
  assert_pixel_color (pixel_at (theirs, 1, 1), &theme->background, 1);

  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
  g_unlink (png_path);
  g_unlink (svg_path);
}

/* The example maps, once the reader can load them: every line of every
 * card is in the SVG, and every card's fill is where the layout put it. */
static void
test_examples (void)
{
  const char *root = g_getenv ("IMP_SOURCE_ROOT");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_maps = 0;

  if (root == NULL)
    {
      g_test_skip ("IMP_SOURCE_ROOT is not set");
      return;
    }

  dir_path = g_build_filename (root, "data", "examples", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("no example maps");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = NULL;

      if (!g_str_has_suffix (name, ".impactmap"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      map = imp_format_load_path (path, &error);
      if (map == NULL)
        {
          g_test_message ("%s does not load yet: %s", name, error->message);
          continue;
        }

      for (int kind = IMP_THEME_LIGHT; kind <= IMP_THEME_DARK; kind++)
        {
          const ImpTheme *theme = imp_theme_get (kind);
          g_autoptr(ImpScene) scene = imp_scene_new (map, theme);
          g_autofree char *svg = NULL;
          cairo_surface_t *surface;
          gsize length;
          SvgInfo info;

          g_assert_cmpuint (_imp_scene_get_n_cards (scene), >, 0);
          svg = imp_svg_write_to_data (scene, PADDING, TRUE, &length);
          parse_svg (svg, length, &info);
          for (guint i = 0; i < _imp_scene_get_n_texts (scene); i++)
            g_assert_true (contains_string (info.texts, _imp_scene_get_text (scene, i)->text));
          svg_info_clear (&info);

          surface = render (scene, 1.0, NULL);
          for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
            {
              const ImpSceneCard *card = _imp_scene_get_card (scene, i);
              double x, y;

              plain_fill_spot (&card->rect, &x, &y);
              assert_pixel_color (map_pixel (scene, surface, 1.0, x, y),
                                  &theme->level_fill[card->level], 2);
            }
          cairo_surface_destroy (surface);
        }
      n_maps++;
    }

  if (n_maps == 0)
    g_test_skip ("no example map loads yet");
}

/* A big generated map: several goal trees, deliverables with ICE scores,
 * metrics with deadlines, experiments, and cross-links between cards far
 * apart, some refuted and some supported, so that links run tens of
 * thousands of map units past the rectangles drawn. */
static ImpMap *
make_big_map (guint *n_out)
{
  ImpMap *map = imp_map_new ();
  g_autoptr(GPtrArray) deliverables = g_ptr_array_new ();
  g_autoptr(GPtrArray) impacts = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint g = 0; g < 3; g++)
    {
      g_autofree char *goal_title = g_strdup_printf ("Goal %u: grow weekly learners by a lot", g);
      ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, goal_title, NULL);

      for (guint a = 0; a < 4; a++)
        {
          g_autofree char *actor_title = g_strdup_printf ("Actor %u.%u", g, a);
          ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, actor_title, goal);

          for (guint i = 0; i < 5; i++)
            {
              g_autofree char *impact_title =
                g_strdup_printf ("Impact %u.%u.%u: grade homework sooner than before", g, a, i);
              ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, impact_title, actor);

              g_ptr_array_add (impacts, impact);
              if (i % 2 == 0)
                {
                  g_autoptr(ImpMetric) metric = imp_metric_new ();

                  metric->baseline = 10;
                  metric->current = 10 + i;
                  metric->target = 20;
                  metric->deadline = g_strdup (i == 0 ? "2020-01-31" : "2999-06-30");
                  _imp_map_set_node_metric (map, impact, metric);
                }

              for (guint d = 0; d < 12; d++)
                {
                  g_autofree char *title =
                    g_strdup_printf ("Deliverable %u.%u.%u.%u with a title that wraps on "
                                     "two lines or more", g, a, i, d);
                  ImpNode *deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, title, impact);
                  ImpIce ice = { 1 + d % 10, 1 + (d * 3) % 10, 1 + (d * 7) % 10 };

                  g_assert_true (_imp_map_set_node_ice (map, deliverable, &ice, NULL));
                  g_ptr_array_add (deliverables, deliverable);
                  if (d % 5 == 0)
                    imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, "Fake door test", deliverable);
                }
            }
        }
    }

  /* Cross-links from one impact to a deliverable of another tree. */
  for (guint i = 0; i < impacts->len; i++)
    {
      ImpNode *impact = g_ptr_array_index (impacts, i);
      ImpNode *far = g_ptr_array_index (deliverables,
                                        g_rand_int_range (rand, 0, deliverables->len));
      ImpLink *link;

      if (imp_map_find_link (map, impact, far) != NULL)
        continue;
      link = _imp_map_link (map, impact, far, -1, NULL);
      if (link != NULL && i % 3 == 1)
        _imp_map_set_link_status (map, link, IMP_LINK_STATUS_REFUTED);
      else if (link != NULL && i % 3 == 2)
        _imp_map_set_link_status (map, link, IMP_LINK_STATUS_SUPPORTED);
    }

  if (n_out != NULL)
    *n_out = imp_map_get_n_nodes (map);

  return map;
}

/* Paints @rect of the map at @scale onto a surface of just that size,
 * either culled to @rect or the whole scene (the surface clips it). */
static cairo_surface_t *
render_rect (ImpScene      *scene,
             const ImpRect *rect,
             double         scale,
             gboolean       culled)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (rect->width * scale),
                                                         (int) (rect->height * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect->x, -rect->y);
  imp_render_scene (scene, cr, culled ? rect : NULL, scale, IMP_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      {
        Pixel pa = pixel_at (a, x, y);
        Pixel pb = pixel_at (b, x, y);

        if (abs (pa.r - pb.r) > 1 || abs (pa.g - pb.g) > 1 ||
            abs (pa.b - pb.b) > 1 || abs (pa.a - pb.a) > 1)
          differ++;
      }

  return differ;
}

/* On a big map, a culled paint of a busy rectangle (through the spatial
 * index, with long links cut to the rectangle and tiny cards drawn plain)
 * gives the pixels of an unculled paint of the whole scene there, at 100 %,
 * zoomed in, and zoomed out far enough for the plain cards. */
static void
test_clip_big (void)
{
  g_autoptr(ImpMap) map = make_big_map (NULL);
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));
  const double scales[] = { 1.0, 2.0, 0.3, 0.05 };
  ImpRect bounds;
  guint long_links = 0;

  imp_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.height, >, 20 * 2048.0);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double scale = scales[s];
      double w = 640 / scale, h = 400 / scale;
      /* Whole device pixels, around the middle of the map and further down. */
      ImpRect rect = { floor ((bounds.x + bounds.width * 0.35) * scale) / scale,
                       floor ((bounds.y + bounds.height * (0.3 + 0.1 * s)) * scale) / scale,
                       w, h };
      cairo_surface_t *culled = render_rect (scene, &rect, scale, TRUE);
      cairo_surface_t *full = render_rect (scene, &rect, scale, FALSE);

      g_assert_cmpuint (count_differences (culled, full), ==, 0);
      cairo_surface_destroy (culled);
      cairo_surface_destroy (full);

      /* The rectangle is crossed by links much longer than it. */
      g_array_set_size (links, 0);
      _imp_scene_query_links (scene, &rect, links);
      for (guint i = 0; i < links->len; i++)
        {
          const ImpSceneLink *link = _imp_scene_get_link (scene, g_array_index (links, guint, i));

          if (link->extent.height * scale > 2048)
            long_links++;
        }
    }
  g_assert_cmpuint (long_links, >, 0);
}

/* How far @p is from the theme's background towards @ink: 0 for the
 * background, 1 for the ink itself. */
static double
ink_coverage (Pixel           p,
              const ImpColor *background,
              const ImpColor *ink)
{
  double bg[3] = { background->red * 255, background->green * 255, background->blue * 255 };
  double fg[3] = { ink->red * 255, ink->green * 255, ink->blue * 255 };
  double px[3] = { p.r, p.g, p.b };
  double along = 0, length2 = 0;

  for (int c = 0; c < 3; c++)
    {
      along += (px[c] - bg[c]) * (fg[c] - bg[c]);
      length2 += (fg[c] - bg[c]) * (fg[c] - bg[c]);
    }
  g_assert_cmpfloat (length2, >, 30 * 30);  /* the link can be told from the background */

  return along / length2;
}

/* On a big map, a card pinned about 300,000 map units from its parent, and
 * the view in the middle of their link, far from every card: the link is
 * still found for that view through the spatial index and drawn across it,
 * as the user who pans along it sees. Culling by the cards at a link's
 * ends, or filing a link under its ends only, would leave the view empty. */
static void
test_far_link_in_view (void)
{
  g_autoptr(ImpMap) map = make_big_map (NULL);
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *far = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Far away", goal);
  const double scales[] = { 1.0, 3.0, 0.25 };
  const ImpSceneLink *link = NULL;
  const ImpTheme *theme;
  ImpRect goal_rect, far_rect;
  double mx, my, slope;
  guint far_link = G_MAXUINT;

  g_assert_cmpint (goal->level, ==, IMP_LEVEL_GOAL);
  scene = imp_scene_new (map, NULL);
  g_assert_true (imp_scene_get_card_rect (scene, goal, &goal_rect));
  g_clear_object (&scene);
  _imp_map_set_node_position (map, far, TRUE, goal_rect.x + 300000, goal_rect.y + 120000);
  scene = imp_scene_new (map, NULL);
  theme = imp_scene_get_theme (scene);
  g_assert_true (imp_scene_get_card_rect (scene, goal, &goal_rect));
  g_assert_true (imp_scene_get_card_rect (scene, far, &far_rect));
  g_assert_cmpfloat (far_rect.x - (goal_rect.x + goal_rect.width), >, 290000);

  /* Many links, so the index is used rather than a scan of them all. */
  g_assert_cmpuint (_imp_scene_get_n_links (scene), >, 500);
  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    if (_imp_scene_get_link (scene, i)->link == imp_map_find_link (map, goal, far))
      far_link = i;
  g_assert_cmpuint (far_link, !=, G_MAXUINT);
  link = _imp_scene_get_link (scene, far_link);
  g_assert_false (link->cross_link);
  /* The S is symmetric: halfway along, it passes through the middle of its
   * ends, on its way down at twice the slope of the chord. */
  mx = (link->x0 + 3 * link->x1 + 3 * link->x2 + link->x3) / 8;
  my = (link->y0 + 3 * link->y1 + 3 * link->y2 + link->y3) / 8;
  g_assert_cmpfloat (fabs (mx - (link->x0 + link->x3) / 2), <, 1e-6);
  g_assert_cmpfloat (fabs (my - (link->y0 + link->y3) / 2), <, 1e-6);
  slope = 2 * (link->y3 - link->y0) / (link->x3 - link->x0);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double scale = scales[s];
      int width = 640, height = 400;
      /* Whole device pixels, the middle of the link in the middle pixel. */
      ImpRect view = { (floor (mx * scale) - width / 2) / scale,
                       (floor (my * scale) - height / 2) / scale,
                       width / scale, height / scale };
      cairo_surface_t *culled, *full;
      double best = 0, sum = 0, centre = 0, expected, corner_a, corner_b;
      int n_inked = 0;

      g_test_message ("scale %g: view %g, %g, %g x %g", scale,
                      view.x, view.y, view.width, view.height);

      /* Far from both cards, in x and in y. */
      g_assert_false (imp_rect_intersects (&view, &goal_rect));
      g_assert_false (imp_rect_intersects (&view, &far_rect));
      g_assert_cmpfloat (view.x, >, goal_rect.x + goal_rect.width + 100000);
      g_assert_cmpfloat (view.x + view.width, <, far_rect.x - 100000);
      g_assert_cmpfloat (view.y, >, goal_rect.y + goal_rect.height + 40000);
      g_assert_cmpfloat (view.y + view.height, <, far_rect.y - 40000);

      /* The scene finds the link for the view, and no card. */
      g_array_set_size (found, 0);
      _imp_scene_query_cards (scene, &view, found);
      g_assert_cmpuint (found->len, ==, 0);
      _imp_scene_query_links (scene, &view, found);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpuint (g_array_index (found, guint, 0), ==, far_link);

      /* The culled render draws it where it crosses the middle column
       * (there the S is straight, at twice the chord's slope)... */
      culled = render_rect (scene, &view, scale, TRUE);
      for (int y = height / 2 - 16; y <= height / 2 + 16; y++)
        {
          double c = ink_coverage (pixel_at (culled, width / 2, y),
                                   &theme->background, &theme->link);

          best = MAX (best, c);
          if (c > 0.05)
            {
              sum += c;
              centre += c * (y + 0.5);
            }
        }
      expected = (my + slope * ((view.x + (width / 2 + 0.5) / scale) - mx) - view.y) * scale;
      g_assert_cmpfloat (best, >, scale >= 1 ? 0.9 : 0.4);
      g_assert_cmpfloat (sum, >, 0);
      g_assert_cmpfloat (fabs (centre / sum - expected), <, 0.5);

      /* ...as a line right across the view, and nowhere else: the
       * corners away from the line are background. */
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          if (ink_coverage (pixel_at (culled, x, y), &theme->background, &theme->link) > 0.25)
            n_inked++;
      g_assert_cmpint (n_inked, >, width / 2);
      g_assert_cmpint (n_inked, <, width * 8 * MAX (scale, 1));
      corner_a = ink_coverage (pixel_at (culled, 0, height - 1), &theme->background, &theme->link);
      corner_b = ink_coverage (pixel_at (culled, width - 1, 0), &theme->background, &theme->link);
      g_assert_cmpfloat (fabs (corner_a), <, 0.02);
      g_assert_cmpfloat (fabs (corner_b), <, 0.02);

      /* ...and exactly as a render of the whole scene shows it there. */
      full = render_rect (scene, &view, scale, FALSE);
      g_assert_cmpuint (count_differences (culled, full), ==, 0);

      cairo_surface_destroy (culled);
      cairo_surface_destroy (full);
    }
}

static void
assert_same_color (const ImpColor *a,
                   const ImpColor *b)
{
  g_assert_cmpfloat (a->red, ==, b->red);
  g_assert_cmpfloat (a->green, ==, b->green);
  g_assert_cmpfloat (a->blue, ==, b->blue);
  g_assert_cmpfloat (a->alpha, ==, b->alpha);
}

static void
assert_same_rect (const ImpRect *a,
                  const ImpRect *b)
{
  g_assert_cmpfloat_with_epsilon (a->x, b->x, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->width, b->width, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->height, b->height, 1e-6);
}

static void
assert_same_text (const ImpSceneText *a,
                  const ImpSceneText *b)
{
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpfloat_with_epsilon (a->x, b->x, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-6);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->size, ==, b->size);
  g_assert_cmpint (a->weight, ==, b->weight);
  assert_same_color (a->color, b->color);
}

static void
assert_same_box (const ImpSceneBox *a,
                 const ImpSceneBox *b)
{
  assert_same_rect (&a->rect, &b->rect);
  g_assert_cmpfloat (a->radius, ==, b->radius);
  assert_same_color (&a->fill, &b->fill);
  assert_same_color (&a->stroke, &b->stroke);
  g_assert_cmpfloat (a->stroke_width, ==, b->stroke_width);
}

/* Two scenes hold the same cards, texts, boxes and links in the same
 * order, find the same things in a rectangle, and paint the same pixels. */
static void
assert_same_scene (ImpScene *a,
                   ImpScene *b)
{
  g_autoptr(GArray) found_a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) found_b = g_array_new (FALSE, FALSE, sizeof (guint));
  ImpRect bounds_a, bounds_b, rect;
  cairo_surface_t *sa, *sb;

  imp_scene_get_bounds (a, &bounds_a);
  imp_scene_get_bounds (b, &bounds_b);
  assert_same_rect (&bounds_a, &bounds_b);

  g_assert_cmpuint (_imp_scene_get_n_cards (a), ==, _imp_scene_get_n_cards (b));
  for (guint i = 0; i < _imp_scene_get_n_cards (a); i++)
    {
      const ImpSceneCard *ca = _imp_scene_get_card (a, i);
      const ImpSceneCard *cb = _imp_scene_get_card (b, i);

      g_assert_true (ca->node == cb->node);
      assert_same_rect (&ca->rect, &cb->rect);
      assert_same_rect (&ca->extent, &cb->extent);
      assert_same_color (&ca->fill, &cb->fill);
      assert_same_color (&ca->border, &cb->border);
      g_assert_cmpuint (ca->n_texts, ==, cb->n_texts);
      g_assert_cmpuint (ca->n_boxes, ==, cb->n_boxes);
      g_assert_cmpuint (ca->hidden_count, ==, cb->hidden_count);
      for (guint t = 0; t < ca->n_texts; t++)
        assert_same_text (_imp_scene_get_text (a, ca->first_text + t),
                          _imp_scene_get_text (b, cb->first_text + t));
      for (guint x = 0; x < ca->n_boxes; x++)
        assert_same_box (_imp_scene_get_box (a, ca->first_box + x),
                         _imp_scene_get_box (b, cb->first_box + x));
    }

  g_assert_cmpuint (_imp_scene_get_n_links (a), ==, _imp_scene_get_n_links (b));
  for (guint i = 0; i < _imp_scene_get_n_links (a); i++)
    {
      const ImpSceneLink *la = _imp_scene_get_link (a, i);
      const ImpSceneLink *lb = _imp_scene_get_link (b, i);

      g_assert_true (la->link == lb->link);
      g_assert_cmpfloat_with_epsilon (la->x0, lb->x0, 1e-6);
      g_assert_cmpfloat_with_epsilon (la->y0, lb->y0, 1e-6);
      g_assert_cmpfloat_with_epsilon (la->x3, lb->x3, 1e-6);
      g_assert_cmpfloat_with_epsilon (la->y3, lb->y3, 1e-6);
      assert_same_rect (&la->extent, &lb->extent);
      g_assert_cmpint (la->mark_box >= 0, ==, lb->mark_box >= 0);
      if (la->mark_box >= 0)
        assert_same_box (_imp_scene_get_box (a, la->mark_box), _imp_scene_get_box (b, lb->mark_box));
      if (la->mark_text >= 0)
        assert_same_text (_imp_scene_get_text (a, la->mark_text),
                          _imp_scene_get_text (b, lb->mark_text));
    }

  /* The spatial index followed: the same cards and links in a few
   * rectangles, and under a few points. */
  for (guint k = 0; k < 8; k++)
    {
      rect = (ImpRect) { bounds_a.x + bounds_a.width * k / 8.0 - 100,
                         bounds_a.y + bounds_a.height * k / 8.0 - 300, 900, 700 };
      g_array_set_size (found_a, 0);
      g_array_set_size (found_b, 0);
      _imp_scene_query_cards (a, &rect, found_a);
      _imp_scene_query_cards (b, &rect, found_b);
      g_assert_cmpuint (found_a->len, ==, found_b->len);
      g_assert_cmpmem (found_a->data, found_a->len * sizeof (guint),
                       found_b->data, found_b->len * sizeof (guint));
      g_array_set_size (found_a, 0);
      g_array_set_size (found_b, 0);
      _imp_scene_query_links (a, &rect, found_a);
      _imp_scene_query_links (b, &rect, found_b);
      g_assert_cmpmem (found_a->data, found_a->len * sizeof (guint),
                       found_b->data, found_b->len * sizeof (guint));
      g_assert_true (imp_scene_hit_test (a, rect.x + 450, rect.y + 350) ==
                     imp_scene_hit_test (b, rect.x + 450, rect.y + 350));
    }

  rect = (ImpRect) { floor (bounds_a.x), floor (bounds_a.y + bounds_a.height / 2), 800, 600 };
  sa = render_rect (a, &rect, 1.0, TRUE);
  sb = render_rect (b, &rect, 1.0, TRUE);
  g_assert_cmpuint (count_differences (sa, sb), ==, 0);
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
}

/* After a drag (pins), a rename, a new payload and votes, a scene brought
 * up to date in place equals a scene built from scratch. */
static void
test_update_equals_new (void)
{
  g_autoptr(ImpMap) map = make_big_map (NULL);
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  ImpNode *actor = NULL, *deliverable = NULL, *impact = NULL;
  ImpRect rect;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level == IMP_LEVEL_ACTOR && actor == NULL && i > 200)
        actor = node;
      if (node->level == IMP_LEVEL_IMPACT && impact == NULL && i > 400)
        impact = node;
      if (node->level == IMP_LEVEL_DELIVERABLE && deliverable == NULL && i > 600)
        deliverable = node;
    }
  g_assert_nonnull (actor);
  g_assert_nonnull (impact);
  g_assert_nonnull (deliverable);

  /* A drag, step by step: the actor's whole branch goes with it. */
  for (guint step = 1; step <= 3; step++)
    {
      g_autoptr(ImpScene) fresh = NULL;

      g_assert_true (imp_scene_get_card_rect (scene, actor, &rect));
      _imp_map_set_node_position (map, actor, TRUE, rect.x + 37 * step, rect.y - 5000.5);
      g_assert_true (_imp_scene_update (scene, NULL));
      fresh = imp_scene_new (map, NULL);
      assert_same_scene (scene, fresh);
    }

  /* A rename that adds lines to the card, moving every card below it. */
  {
    g_autoptr(ImpScene) fresh = NULL;

    _imp_map_set_node_title (map, deliverable,
                            "A much longer title now, one that wraps over several lines of the "
                            "card and so makes it taller than it was before the rename");
    g_ptr_array_add (changed, deliverable);
    g_assert_true (_imp_scene_update (scene, changed));
    fresh = imp_scene_new (map, NULL);
    assert_same_scene (scene, fresh);
  }

  /* A rename within the same lines: the card changes in place. */
  {
    g_autoptr(ImpScene) fresh = NULL;

    _imp_map_set_node_title (map, deliverable,
                            "A much longer title now, one that wraps over several lines of the "
                            "card and so makes it taller than it was before the change");
    g_assert_true (_imp_scene_update (scene, changed));
    fresh = imp_scene_new (map, NULL);
    assert_same_scene (scene, fresh);
  }

  /* A new metric: a progress bar and a deadline pill. */
  {
    g_autoptr(ImpScene) fresh = NULL;
    g_autoptr(ImpMetric) metric = imp_metric_new ();

    metric->baseline = 1;
    metric->current = 3;
    metric->target = 9;
    metric->deadline = g_strdup ("2998-01-01");
    _imp_map_set_node_metric (map, impact, metric);
    g_ptr_array_set_size (changed, 0);
    g_ptr_array_add (changed, impact);
    g_assert_true (_imp_scene_update (scene, changed));
    fresh = imp_scene_new (map, NULL);
    assert_same_scene (scene, fresh);
  }

  /* Votes: dots on the card. */
  {
    g_autoptr(ImpScene) fresh = NULL;

    _imp_map_set_node_votes (map, deliverable, 3);
    g_ptr_array_set_size (changed, 0);
    g_ptr_array_add (changed, deliverable);
    g_assert_true (_imp_scene_update (scene, changed));
    fresh = imp_scene_new (map, NULL);
    assert_same_scene (scene, fresh);
  }

  /* A new node is not an update: the scene says so. */
  imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Brand new", impact);
  g_assert_false (_imp_scene_update (scene, NULL));
}

/* Moves @node by (@dx, @dy), pinned or not, brings @scene up to date in
 * place and compares it with a scene built from scratch. */
static void
scene_move_and_check (ImpMap   *map,
                      ImpScene *scene,
                      ImpNode  *node,
                      gboolean  pinned,
                      double    dx,
                      double    dy)
{
  g_autoptr(ImpScene) fresh = NULL;
  ImpRect rect;

  if (!imp_scene_get_card_rect (scene, node, &rect))
    rect = (ImpRect) { node->x, node->y, 0, 0 };
  _imp_map_set_node_position (map, node, pinned, rect.x + dx, rect.y + dy);
  g_assert_true (_imp_scene_update (scene, NULL));
  fresh = imp_scene_new (map, NULL);
  assert_same_scene (scene, fresh);
}

static ImpNode *
first_child_of (ImpNode *node)
{
  for (guint j = 0; j < node->children->len; j++)
    {
      ImpLink *link = g_ptr_array_index (node->children, j);

      if (imp_link_is_tree_link (link))
        return link->child;
    }

  return NULL;
}

/* A drag moves only the dragged card's subtree, and the scene follows
 * only that: cards deep in a tree with cross-links and marked links, a
 * pinned card under a pinned card, cards moved back and unpinned, cards
 * under a collapsed card and a collapsed card, and the cards on the edges
 * of the map, whose bounds shrink when they move in. */
static void
test_update_subtrees (void)
{
  g_autoptr(ImpMap) map = make_big_map (NULL);
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *deep = NULL, *outer = NULL, *inner = NULL, *collapsed = NULL, *hidden;
  const ImpSceneCard *top = NULL, *bottom = NULL;
  ImpNode *top_node, *bottom_node;
  ImpRect before, after;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level == IMP_LEVEL_DELIVERABLE && deep == NULL && i > 300 &&
          node->parents->len > 1 && first_child_of (node) != NULL)
        deep = node;
      if (node->level == IMP_LEVEL_ACTOR && outer == NULL && i > 100)
        outer = node;
      if (node->level == IMP_LEVEL_IMPACT && collapsed == NULL && i > 500)
        collapsed = node;
    }
  g_assert_nonnull (deep);
  g_assert_nonnull (outer);
  g_assert_nonnull (collapsed);
  inner = first_child_of (outer);
  hidden = first_child_of (collapsed);
  _imp_map_set_node_collapsed (map, collapsed, TRUE);
  scene = imp_scene_new (map, NULL);

  /* Deep in a tree, a card with a cross-link in and a child. */
  scene_move_and_check (map, scene, deep, TRUE, 200, -1500.5);
  scene_move_and_check (map, scene, deep, TRUE, -7, 3.25);

  /* A pinned card under a pinned card; both in one update. */
  scene_move_and_check (map, scene, inner, TRUE, 40, 900);
  scene_move_and_check (map, scene, outer, TRUE, 300, -4000);
  g_assert_true (imp_scene_get_card_rect (scene, inner, &before));
  _imp_map_set_node_position (map, inner, TRUE, before.x - 30, before.y + 30);
  scene_move_and_check (map, scene, outer, TRUE, -60, 60);

  /* Back where the layout puts them. */
  scene_move_and_check (map, scene, inner, FALSE, 0, 0);
  scene_move_and_check (map, scene, outer, FALSE, 0, 0);
  scene_move_and_check (map, scene, deep, FALSE, 0, 0);

  /* A card under a collapsed one is not drawn; the collapsed card moves
   * with its "+N". */
  scene_move_and_check (map, scene, hidden, TRUE, 500, 500);
  scene_move_and_check (map, scene, collapsed, TRUE, 250, -250);

  /* The top and bottom cards move in: the bounds shrink. */
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);

      if (top == NULL || card->extent.y < top->extent.y)
        top = card;
      if (bottom == NULL ||
          card->extent.y + card->extent.height > bottom->extent.y + bottom->extent.height)
        bottom = card;
    }
  top_node = top->node;
  bottom_node = bottom->node;
  imp_scene_get_bounds (scene, &before);
  scene_move_and_check (map, scene, top_node, TRUE, 0, 300);
  scene_move_and_check (map, scene, bottom_node, TRUE, 0, -300);
  imp_scene_get_bounds (scene, &after);
  g_assert_cmpfloat (after.height, <, before.height);

  /* Random cards pinned, moved and unpinned one after another. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (12);

    for (guint k = 0; k < 12; k++)
      {
        ImpNode *node = imp_map_get_node (map, g_rand_int_range (rand, 0,
                                                                 imp_map_get_n_nodes (map)));

        scene_move_and_check (map, scene, node, k % 4 != 3, g_rand_int_range (rand, -600, 600),
                              g_rand_int_range (rand, -2000, 2000) + 0.25);
      }
  }
}

/* A drag moves a branch a step at a time for as long as the button is
 * held: the scene follows in place without growing at every step, marks
 * on supported and refuted links included. */
static void
test_update_does_not_grow (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "data", "examples",
                                            "edtech-weekly-learners.impactmap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_path (path, &error);
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *actor = NULL;
  guint n_texts = 0;

  g_assert_no_error (error);
  scene = imp_scene_new (map, NULL);
  for (guint i = 0; i < imp_map_get_n_nodes (map) && actor == NULL; i++)
    if (imp_map_get_node (map, i)->level == IMP_LEVEL_ACTOR)
      actor = imp_map_get_node (map, i);
  g_assert_nonnull (actor);

  for (guint step = 0; step < 50; step++)
    {
      _imp_map_set_node_position (map, actor, TRUE, 400 + step, 300 + 2 * step);
      g_assert_true (_imp_scene_update (scene, NULL));
      if (step == 0)
        n_texts = _imp_scene_get_n_texts (scene);
    }

  g_assert_cmpuint (_imp_scene_get_n_texts (scene), ==, n_texts);
  {
    g_autoptr(ImpScene) fresh = imp_scene_new (map, NULL);

    assert_same_scene (scene, fresh);
    g_assert_cmpuint (_imp_scene_get_n_texts (scene), ==, _imp_scene_get_n_texts (fresh));
  }
}

/* A frame of @width x @height device pixels with map point (0, 0) at
 * (@offset_x, @offset_y): painted directly as the canvas did before it kept
 * tiles, or through @cache. */
static cairo_surface_t *
paint_frame (ImpScene     *scene,
             ImpTileCache *cache,
             double        scale,
             double        offset_x,
             double        offset_y,
             int           width,
             int           height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  if (cache != NULL)
    {
      imp_tile_cache_paint (cache, scene, cr, scale, offset_x, offset_y, width, height);
    }
  else
    {
      ImpRect visible = { -offset_x / scale, -offset_y / scale, width / scale, height / scale };

      cairo_translate (cr, offset_x, offset_y);
      cairo_scale (cr, scale, scale);
      imp_render_scene (scene, cr, &visible, scale, IMP_RENDER_DEFAULT);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Pixels further apart than antialiasing rounds (a transform made of other
 * but equal steps moves an edge by a hundredth of a pixel, and its shade by
 * a level or two); anything misplaced or stale differs by far more. */
static guint
count_differences_aa (cairo_surface_t *a,
                      cairo_surface_t *b)
{
  guint differ = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      {
        Pixel pa = pixel_at (a, x, y);
        Pixel pb = pixel_at (b, x, y);

        if (abs (pa.r - pb.r) > 4 || abs (pa.g - pb.g) > 4 ||
            abs (pa.b - pb.b) > 4 || abs (pa.a - pb.a) > 4)
          {
            if (g_test_verbose ())
              g_test_message ("(%d, %d): %d %d %d %d against %d %d %d %d", x, y,
                              pa.r, pa.g, pa.b, pa.a, pb.r, pb.g, pb.b, pb.a);
            differ++;
          }
      }

  return differ;
}

static guint
cached_differences (ImpScene     *scene,
                    ImpTileCache *cache,
                    double        scale,
                    double        offset_x,
                    double        offset_y)
{
  cairo_surface_t *direct = paint_frame (scene, NULL, scale, offset_x, offset_y, 700, 450);
  cairo_surface_t *cached = paint_frame (scene, cache, scale, offset_x, offset_y, 700, 450);
  guint differ = count_differences_aa (direct, cached);


  cairo_surface_destroy (direct);
  cairo_surface_destroy (cached);

  return differ;
}

static void
prefetch_all (ImpTileCache *cache)
{
  guint n = 0;

  while (imp_tile_cache_prefetch (cache))
    g_assert_cmpuint (++n, <, 1000);
}

/* Panning copies kept tiles: the frames are the pixels of a direct paint,
 * whether the tiles are all there, some, or none, at any zoom and at a
 * fractional offset; and an edit of the scene is never shown stale. */
static void
test_tile_cache_pan (void)
{
  g_autoptr(ImpMap) map = make_big_map (NULL);
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autoptr(ImpTileCache) cache = imp_tile_cache_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  const double scales[] = { 1.0, 2.0, 0.3, 0.05 };
  ImpRect bounds, rect;
  ImpNode *node;

  imp_scene_get_bounds (scene, &bounds);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double scale = scales[s];
      double ox = -(bounds.x + bounds.width * 0.35) * scale + 0.37;
      double oy = -(bounds.y + bounds.height * (0.3 + 0.1 * s)) * scale + 0.81;

      /* Nothing kept yet, then every tile kept, then a pan: some kept. */
      g_assert_cmpuint (cached_differences (scene, cache, scale, ox, oy), ==, 0);
      prefetch_all (cache);
      g_assert_cmpuint (imp_tile_cache_get_n_tiles (cache), >=, 6);
      g_assert_cmpuint (cached_differences (scene, cache, scale, ox, oy), ==, 0);
      g_assert_cmpuint (cached_differences (scene, cache, scale, ox - 611, oy + 283), ==, 0);
      g_assert_cmpuint (cached_differences (scene, cache, scale, ox - 611, oy + 283), ==, 0);
      prefetch_all (cache);
      g_assert_cmpuint (cached_differences (scene, cache, scale, ox - 211, oy + 83), ==, 0);
    }

  /* A card renamed in place under kept tiles. */
  node = imp_map_get_node (map, 40);
  g_assert_true (imp_scene_get_card_rect (scene, node, &rect));
  cairo_surface_destroy (paint_frame (scene, cache, 1.0, 100 - rect.x, 100 - rect.y, 700, 450));
  prefetch_all (cache);
  _imp_map_set_node_title (map, node, "A new title, long enough to wrap on two lines or three");
  g_ptr_array_add (changed, node);
  g_assert_true (_imp_scene_update (scene, changed));
  g_assert_cmpuint (cached_differences (scene, cache, 1.0, 100 - rect.x, 100 - rect.y), ==, 0);
}

/* Dragging a card paints the still map once and the moved card with its
 * links over it: the frames equal direct paints while the card moves. (Over
 * another card or link, what is dragged is drawn on top, where a direct
 * paint keeps the map's order; so an experiment, the last column, moves
 * into the free space on its right here.) */
static void
test_tile_cache_drag (void)
{
  g_autoptr(ImpMap) map = make_big_map (NULL);
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  g_autoptr(ImpTileCache) cache = imp_tile_cache_new ();
  ImpNode *node = NULL;
  ImpRect rect, start;
  double ox, oy;
  guint n_experiments = 0;

  for (guint i = 0; i < imp_map_get_n_nodes (map) && node == NULL; i++)
    if (imp_map_get_node (map, i)->level == IMP_LEVEL_EXPERIMENT && ++n_experiments == 3)
      node = imp_map_get_node (map, i);
  g_assert_nonnull (node);

  g_assert_true (imp_scene_get_card_rect (scene, node, &start));
  ox = 150.5 - start.x;
  oy = 120.25 - start.y;
  g_assert_cmpuint (cached_differences (scene, cache, 1.0, ox, oy), ==, 0);

  _imp_scene_track_changes (scene, TRUE);
  for (guint step = 1; step <= 4; step++)
    {
      _imp_map_set_node_position (map, node, TRUE, start.x + 30 * step, start.y);
      g_assert_true (_imp_scene_update (scene, NULL));
      g_assert_true (imp_scene_get_card_rect (scene, node, &rect));
      g_assert_cmpfloat (rect.x, ==, start.x + 30 * step);
      g_assert_cmpuint (_imp_scene_get_n_touched (scene), >, 0);
      g_assert_cmpuint (cached_differences (scene, cache, 1.0, ox, oy), ==, 0);
    }
  _imp_scene_track_changes (scene, FALSE);
  g_assert_cmpuint (cached_differences (scene, cache, 1.0, ox, oy), ==, 0);
}

/* Issue 19, at the projector: no text that matters is cut ("DELIVERA…",
 * "↑ 43,500 / 48,000 le…"): in every theme, the examples' scenes hold no
 * ellipsis, and a text is as wide as it was measured whatever the zoom it
 * is drawn at (hint metrics off, so widths do not change with the scale). */
static void
test_projector_text_whole (void)
{
  const char *names[] = { "edtech-weekly-learners.impactmap", "onboarding-nrr.impactmap",
                          "ticket-sales-call-centre.impactmap" };
  const double zooms[] = { 0.22, 0.37, 1.0, 1.5, 3.0 };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (ImpThemeKind kind = IMP_THEME_LIGHT; kind <= IMP_THEME_PROJECTOR; kind++)
      {
        g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "data", "examples",
                                                  names[n], NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(ImpMap) map = imp_format_load_path (path, &error);
        g_autoptr(ImpScene) scene = NULL;

        g_assert_no_error (error);
        scene = imp_scene_new (map, imp_theme_get (kind));
        for (guint i = 0; i < _imp_scene_get_n_texts (scene); i++)
          {
            const ImpSceneText *text = _imp_scene_get_text (scene, i);
            PangoLayout *layout = _imp_scene_get_text_layout (scene, i);
            int width0 = 0;

            if (strstr (text->text, "…") != NULL)
              g_error ("%s, theme %d: “%s” is cut", names[n], kind, text->text);

            for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
              {
                cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
                cairo_t *cr = cairo_create (surface);
                PangoRectangle logical;

                cairo_scale (cr, zooms[z], zooms[z]);
                pango_cairo_update_layout (cr, layout);
                pango_layout_get_extents (layout, NULL, &logical);
                if (z == 0)
                  width0 = logical.width;
                g_assert_cmpint (ABS (logical.width - width0), <=, PANGO_SCALE / 16);
                g_assert_cmpfloat (fabs (logical.width / (double) PANGO_SCALE - text->width), <=, 1.0);
                cairo_destroy (cr);
                cairo_surface_destroy (surface);
              }
          }
      }
}

static const ImpSceneLink *
scene_link (ImpScene *scene,
            ImpNode  *parent,
            ImpNode  *child)
{
  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    {
      const ImpSceneLink *l = _imp_scene_get_link (scene, i);

      if (l->link->parent == parent && l->link->child == child)
        return l;
    }
  g_assert_not_reached ();
}

static void
give_readings (ImpMap     *map,
               ImpNode    *node,
               const char *first_date,
               double      first,
               const char *second_date,
               double      second)
{
  g_autoptr(ImpMetric) metric = node->metric ? imp_metric_copy (node->metric) : imp_metric_new ();

  metric->baseline = 0;
  metric->target = 100;
  if (first_date != NULL)
    imp_metric_add_reading (metric, first_date, first, NULL);
  if (second_date != NULL)
    imp_metric_add_reading (metric, second_date, second, NULL);
  _imp_map_set_node_metric (map, node, metric);
}

/* The mark of the link where a tracked chain broke follows the readings
 * in place, as the canvas updates its scene after an edit: a reading that
 * moves the impact mends the adoption link and breaks the one above, just
 * as a scene built afresh draws them. */
static void
test_broken_link_follows_readings (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  ImpDelivery shipped = { IMP_DELIVERY_SHIPPED, "2026-02-01" };
  ImpNode *goal, *actor, *impact, *deliverable;
  double plain, heavy;

  goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Revenue", NULL);
  actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Teachers", goal);
  impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Grade within a day", actor);
  deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Upload pipeline", impact);
  give_readings (map, goal, "2026-01-01", 0, "2026-03-15", 0);
  give_readings (map, impact, "2026-01-01", 0, "2026-02-15", 0);
  g_assert_true (_imp_map_set_node_delivery (map, deliverable, &shipped, NULL));

  /* Shipped, the behaviour flat: broken at adoption. */
  scene = imp_scene_new (map, NULL);
  plain = scene_link (scene, goal, actor)->width;
  heavy = scene_link (scene, impact, deliverable)->width;
  g_assert_cmpfloat (heavy, >, plain);
  g_assert_cmpfloat (scene_link (scene, actor, impact)->width, ==, plain);

  /* The behaviour moves, the goal does not follow. */
  give_readings (map, impact, "2026-03-01", 50, NULL, 0);
  g_ptr_array_add (changed, impact);
  g_assert_true (_imp_scene_update (scene, changed));
  g_assert_cmpfloat (scene_link (scene, impact, deliverable)->width, ==, plain);
  g_assert_cmpfloat (scene_link (scene, actor, impact)->width, ==, heavy);
  {
    g_autoptr(ImpScene) fresh = imp_scene_new (map, NULL);
    ImpNode *pairs[][2] = { { goal, actor }, { actor, impact }, { impact, deliverable } };

    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        const ImpSceneLink *a = scene_link (scene, pairs[i][0], pairs[i][1]);
        const ImpSceneLink *b = scene_link (fresh, pairs[i][0], pairs[i][1]);

        g_assert_cmpfloat (a->width, ==, b->width);
        assert_same_color (&a->color, &b->color);
        g_assert_cmpfloat (a->dash[0], ==, b->dash[0]);
      }
    assert_same_scene (scene, fresh);
  }

  /* The goal follows: the chain works, no link is marked. */
  give_readings (map, goal, "2026-03-20", 60, NULL, 0);
  g_ptr_array_set_size (changed, 0);
  g_ptr_array_add (changed, goal);
  g_assert_true (_imp_scene_update (scene, changed));
  g_assert_cmpfloat (scene_link (scene, actor, impact)->width, ==, plain);
  g_assert_cmpfloat (scene_link (scene, impact, deliverable)->width, ==, plain);
}

/* Zoomed out too far to read cards (issue 19), each level's column is a
 * tinted band, so the shape of a big map reads even around its specks of
 * cards; at a readable zoom the same empty spot is plain background. */
static void
test_overview_bands (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "data", "examples",
                                            "ticket-sales-call-centre.impactmap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_path (path, &error);
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = NULL;
  const ImpLayoutBand *goal_band = NULL;
  cairo_surface_t *far, *near;
  ImpRect bounds;
  double x, y;
  guint n_empty = 0;

  g_assert_no_error (error);
  scene = imp_scene_new (map, theme);
  for (guint i = 0; i < imp_scene_get_n_columns (scene); i++)
    if (imp_scene_get_band (scene, i)->level == IMP_LEVEL_GOAL)
      goal_band = imp_scene_get_band (scene, i);
  g_assert_nonnull (goal_band);

  /* Low in the goal's column, far below its one card. */
  imp_scene_get_bounds (scene, &bounds);
  x = goal_band->rect.x + goal_band->rect.width / 2;
  y = bounds.y + bounds.height - 20;
  g_assert_null (imp_scene_hit_test (scene, x, y));

  far = render (scene, 0.1, NULL);
  near = render (scene, 1.0, NULL);
  g_assert_cmpint (color_distance (map_pixel (scene, far, 0.1, x, y), &theme->background), >, 2);
  assert_pixel_color (map_pixel (scene, near, 1.0, x, y), &theme->background, 0);
  cairo_surface_destroy (far);
  cairo_surface_destroy (near);

  /* Every card folded down to the actors: the experiment column shows no
   * card, so no band, while the actors' still has one. */
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level == IMP_LEVEL_ACTOR)
        _imp_map_set_node_collapsed (map, node, TRUE);
    }
  g_clear_pointer (&scene, g_object_unref);
  scene = imp_scene_new (map, theme);
  /* The emptied columns lie right of the cards' bounds, where a canvas
   * still draws: a surface over every band. */
  imp_scene_get_bounds (scene, &bounds);
  for (guint i = 0; i < imp_scene_get_n_columns (scene); i++)
    {
      const ImpRect *r = &imp_scene_get_band (scene, i)->rect;
      double right = MAX (bounds.x + bounds.width, r->x + r->width);

      bounds.x = MIN (bounds.x, r->x);
      bounds.width = right - bounds.x;
    }
  far = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (bounds.width * 0.1),
                                    (int) ceil (bounds.height * 0.1));
  {
    cairo_t *cr = cairo_create (far);

    cairo_scale (cr, 0.1, 0.1);
    cairo_translate (cr, -bounds.x, -bounds.y);
    imp_render_scene (scene, cr, NULL, 0.1, IMP_RENDER_BACKGROUND);
    cairo_destroy (cr);
    cairo_surface_flush (far);
  }
  for (guint i = 0; i < imp_scene_get_n_columns (scene); i++)
    {
      const ImpLayoutBand *band = imp_scene_get_band (scene, i);
      Pixel p;

      x = band->rect.x + band->rect.width / 2;
      y = band->rect.y + band->rect.height - 4;
      if (imp_scene_hit_test (scene, x, y) != NULL)
        continue;
      p = pixel_at (far, (int) floor ((x - bounds.x) * 0.1), (int) floor ((y - bounds.y) * 0.1));
      if (band->level == IMP_LEVEL_EXPERIMENT || band->level == IMP_LEVEL_DELIVERABLE ||
          band->level == IMP_LEVEL_IMPACT)
        {
          assert_pixel_color (p, &theme->background, 2);
          n_empty++;
        }
    }
  g_assert_cmpuint (n_empty, ==, 3);
  cairo_surface_destroy (far);
}

/* "ICE 336" in its pill: the number stays its own word at every zoom the
 * cards show text at (from 20 device px for a 64 px card, 31 %, up), at
 * least 1.5 device px from the word (the bold space alone was ~2.6 px, so
 * under one at low zoom: "ICE336"); the pill is as wide as what is drawn,
 * and the scene still reads "ICE 240". */
static void
test_ice_pill_gap (void)
{
  g_autoptr(ImpMap) map = make_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, NULL);
  const ImpSceneCard *deliverable = _imp_scene_find_card (scene, imp_map_get_node (map, 4));
  const double zooms[] = { 20.0 / 64.0, 0.5, 1.0, 2.0 };
  gboolean found = FALSE;

  g_assert_nonnull (deliverable);
  for (guint i = 0; i < deliverable->n_texts; i++)
    {
      guint index = deliverable->first_text + i;
      const ImpSceneText *text = _imp_scene_get_text (scene, index);
      PangoLayout *layout;
      PangoRectangle space, digit, logical;
      double gap;

      if (g_strcmp0 (text->text, "ICE 240") != 0)
        continue;

      found = TRUE;
      layout = _imp_scene_get_text_layout (scene, index);
      pango_layout_index_to_pos (layout, 3, &space);   /* the space, after "ICE" */
      pango_layout_index_to_pos (layout, 4, &digit);   /* the "2" */
      gap = (digit.x - space.x) / (double) PANGO_SCALE;
      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        g_assert_cmpfloat (gap * zooms[z], >=, 1.5);
      g_assert_cmpfloat (gap, <=, 8.0);   /* a gap, not a hole */

      pango_layout_get_extents (layout, NULL, &logical);
      g_assert_cmpfloat_with_epsilon (logical.width / (double) PANGO_SCALE, text->width, 0.01);
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/render/level-fills", test_level_fills);
  g_test_add_func ("/core/render/themes-differ", test_themes_differ);
  g_test_add_func ("/core/render/clip", test_clip);
  g_test_add_func ("/core/render/clip-big", test_clip_big);
  g_test_add_func ("/core/scene/update-equals-new", test_update_equals_new);
  g_test_add_func ("/core/scene/update-subtrees", test_update_subtrees);
  g_test_add_func ("/core/render/zoomed-out", test_zoomed_out);
  g_test_add_func ("/core/render/selection", test_selection);
  g_test_add_func ("/core/render/dashes-drawn", test_dashes_drawn);
  g_test_add_func ("/core/scene/hit-test", test_hit_test);
  g_test_add_func ("/core/scene/far-pin", test_far_pin);
  g_test_add_func ("/core/render/far-link-in-view", test_far_link_in_view);
  g_test_add_func ("/core/scene/hit-test-link", test_hit_test_link);
  g_test_add_func ("/core/scene/links", test_links);
  g_test_add_func ("/core/scene/card-content", test_card_content);
  g_test_add_func ("/core/svg/text", test_svg_text);
  g_test_add_func ("/core/svg/background", test_svg_background);
  g_test_add_func ("/core/svg/empty", test_empty);
  g_test_add_func ("/core/svg/matches-png", test_svg_matches_png);
  g_test_add_func ("/core/render/examples", test_examples);
  g_test_add_func ("/core/scene/update-does-not-grow", test_update_does_not_grow);
  g_test_add_func ("/core/render/tile-cache-pan", test_tile_cache_pan);
  g_test_add_func ("/core/render/tile-cache-drag", test_tile_cache_drag);
  g_test_add_func ("/core/render/projector-text-whole", test_projector_text_whole);
  g_test_add_func ("/core/scene/broken-link-follows-readings",
                   test_broken_link_follows_readings);
  g_test_add_func ("/core/render/overview-bands", test_overview_bands);
  g_test_add_func ("/core/render/ice-pill-gap", test_ice_pill_gap);

  return g_test_run ();
}
