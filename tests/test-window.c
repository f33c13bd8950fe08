/* test-window.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-private.h"
#include "imp-canvas-a11y.h"
#include "imp-scene-private.h"
#include "imp-format.h"
#include "imp-theme.h"
#include "imp-viewport.h"
#include "imp-window.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* Tests of the window and the canvas on a real display (Xvfb in CI). */

static ImpApplication *app;

/* Presents @window and runs the main loop until the canvas (or the error
 * page) has a size and has been drawn, or fails after a few seconds. */
static void
present_and_wait (ImpWindow *window)
{
  GtkWidget *canvas = GTK_WIDGET (imp_window_get_canvas (window));

  gtk_window_present (GTK_WINDOW (window));

  imp_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                     (imp_window_is_showing_error (window) ||
                      (gtk_widget_get_width (canvas) > 0 && gtk_widget_get_height (canvas) > 0)));

  /* A frame, so the first draw has happened. */
  imp_test_wait_for_frame (GTK_WIDGET (window));
}

static ImpMap *
build_map (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly active learners by 20 %");
  ImpNode *goal = imp_map_get_node (map, 0);
  const char *actors[] = { "Teachers", "Students" };

  _imp_map_set_title (map, "Learning platform");

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, actors[i], NULL, NULL);
      ImpNode *impact, *deliverable;

      impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Come back every week", NULL, NULL);
      deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Weekly digest", NULL, NULL);

      g_assert_nonnull (_imp_map_link (map, goal, actor, -1, NULL));
      g_assert_nonnull (_imp_map_link (map, actor, impact, -1, NULL));
      g_assert_nonnull (_imp_map_link (map, impact, deliverable, -1, NULL));
    }

  return g_steal_pointer (&map);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The first example map of the source tree, or one built here. */
static ImpMap *
load_example (void)
{
  const char *root = g_getenv ("IMP_SOURCE_ROOT");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (root == NULL)
    return build_map ();

  dir_path = g_build_filename (root, "data", "examples", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return build_map ();

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".impactmap"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = imp_format_load_path (path, &error);

      g_assert_no_error (error);
      if (imp_map_get_n_nodes (map) > 1)
        {
          g_test_message ("Using %s", path);
          return g_steal_pointer (&map);
        }
    }

  return build_map ();
}

static ImpWindow *
new_window_with_map (ImpMap *map)
{
  ImpWindow *window = imp_window_new (app);

  imp_window_set_map (window, map, NULL);
  present_and_wait (window);

  return window;
}

static cairo_surface_t *
render_canvas (ImpCanvas *canvas)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (canvas));
  g_autoptr(GskRenderNode) node = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* On a loaded machine the canvas may not be mapped and drawable yet when
   * the window first reports its size: wait for a real frame. */
  for (;;)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (GTK_WIDGET (canvas));
      height = gtk_widget_get_height (GTK_WIDGET (canvas));
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);

      if ((node != NULL && width > 0 && height > 0) || g_get_monotonic_time () > deadline)
        break;

      g_clear_pointer (&node, gsk_render_node_unref);
      imp_test_wait_for_frame (GTK_WIDGET (canvas));
    }
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
pixel_is (const guint8 *p,
          const ImpColor *color)
{
  /* ARGB32 is native-endian 0xAARRGGBB; everything drawn here is opaque. */
  guint32 px = *(const guint32 *) p;
  int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

  return abs (r - (int) round (color->red * 255)) <= 3 &&
         abs (g - (int) round (color->green * 255)) <= 3 &&
         abs (b - (int) round (color->blue * 255)) <= 3;
}

static guint
count_pixels (cairo_surface_t *surface,
              const ImpColor  *color)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_is (data + y * stride + x * 4, color))
        count++;

  return count;
}

/* What a colour looks like over the background, for translucent fills. */
static ImpColor
over (const ImpColor *top,
      const ImpColor *bottom)
{
  return (ImpColor) {
    top->red * top->alpha + bottom->red * (1 - top->alpha),
    top->green * top->alpha + bottom->green * (1 - top->alpha),
    top->blue * top->alpha + bottom->blue * (1 - top->alpha),
    1.0,
  };
}

static void
assert_draws_theme (ImpCanvas *canvas)
{
  const ImpTheme *theme = imp_theme_get (imp_canvas_get_theme_kind (canvas));
  cairo_surface_t *surface = render_canvas (canvas);
  ImpColor goal_fill = over (&theme->level_fill[IMP_LEVEL_GOAL], &theme->background);
  guint n_pixels = (cairo_image_surface_get_width (surface) *
                    cairo_image_surface_get_height (surface));
  guint n_background = count_pixels (surface, &theme->background);
  guint n_goal = count_pixels (surface, &goal_fill);

  if (g_test_verbose ())
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-window-canvas.png", NULL);

      cairo_surface_write_to_png (surface, path);
      g_test_message ("Canvas drawn to %s", path);
    }

  g_test_message ("%u of %u pixels are background, %u goal fill", n_background, n_pixels, n_goal);

  /* The map never covers the whole canvas after a fit. */
  g_assert_cmpuint (n_background, >, n_pixels / 10);
  g_assert_cmpuint (n_goal, >, 0);

  cairo_surface_destroy (surface);
}

static void
test_window_draws_map (void)
{
  g_autoptr(ImpMap) map = load_example ();
  ImpWindow *window = new_window_with_map (map);
  ImpCanvas *canvas = imp_window_get_canvas (window);

  g_assert_true (imp_window_get_map (window) == map);
  g_assert_true (imp_canvas_get_map (canvas) == map);
  g_assert_false (imp_window_is_showing_error (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (canvas)));
  g_assert_nonnull (imp_canvas_get_scene (canvas));

  assert_draws_theme (canvas);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_follows_dark_style (void)
{
  g_autoptr(ImpMap) map = load_example ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  ImpWindow *window = new_window_with_map (map);
  ImpCanvas *canvas = imp_window_get_canvas (window);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  /* The new style reaches the widgets in the next frame. */
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, IMP_THEME_DARK);
  g_assert_true (imp_scene_get_theme (imp_canvas_get_scene (canvas)) ==
                 imp_theme_get (IMP_THEME_DARK));
  assert_draws_theme (canvas);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, IMP_THEME_LIGHT);
  assert_draws_theme (canvas);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_bounds_visible (ImpCanvas *canvas)
{
  ImpViewport *viewport = imp_canvas_get_viewport (canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  ImpRect bounds;
  double x0, y0, x1, y1;

  imp_scene_get_bounds (imp_canvas_get_scene (canvas), &bounds);
  imp_viewport_map_to_widget (viewport, bounds.x, bounds.y, &x0, &y0);
  imp_viewport_map_to_widget (viewport,
                              bounds.x + bounds.width, bounds.y + bounds.height,
                              &x1, &y1);

  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (x1, <=, width);
  /* Below the column headers, which are drawn over the map. */
  g_assert_cmpfloat (y0, >=, IMP_CANVAS_HEADER_HEIGHT);
  g_assert_cmpfloat (y1, <=, height);
}

static void
test_window_fit (void)
{
  g_autoptr(ImpMap) map = load_example ();
  ImpWindow *window = new_window_with_map (map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpViewport *viewport = imp_canvas_get_viewport (canvas);
  int width, height;

  /* Fitted when first shown. */
  assert_bounds_visible (canvas);

  for (guint i = 0; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  imp_viewport_pan_by (viewport, 300, -200);
  imp_test_drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  imp_test_drain ();
  assert_bounds_visible (canvas);

  /* The fit follows the window while the user leaves the view alone. */
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  height = gtk_widget_get_height (GTK_WIDGET (canvas));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  imp_test_wait_for (gtk_widget_get_width (GTK_WIDGET (canvas)) != width ||
                     gtk_widget_get_height (GTK_WIDGET (canvas)) != height);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  assert_bounds_visible (canvas);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_viewport_zoom_at_keeps_point (void)
{
  g_autoptr(ImpViewport) viewport = imp_viewport_new ();
  const ImpRect bounds = { -100, 50, 2000, 1200 };
  const double points[][2] = { { 400, 300 }, { 10, 700 }, { 790, 100 } };
  const double factors[] = { 1.25, 0.8, 3.0, 0.5 };

  imp_viewport_set_top_inset (viewport, IMP_CANVAS_HEADER_HEIGHT);
  imp_viewport_set_bounds (viewport, &bounds);
  imp_viewport_fit (viewport, &bounds, 800, 800);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    for (guint j = 0; j < G_N_ELEMENTS (factors); j++)
      {
        double before_x, before_y, after_x, after_y;
        double zoom = imp_viewport_get_zoom (viewport);

        imp_viewport_widget_to_map (viewport, points[i][0], points[i][1], &before_x, &before_y);
        imp_viewport_zoom_at (viewport, factors[j], points[i][0], points[i][1]);
        imp_viewport_widget_to_map (viewport, points[i][0], points[i][1], &after_x, &after_y);

        g_assert_cmpfloat_with_epsilon (imp_viewport_get_zoom (viewport), zoom * factors[j], 1e-9);
        g_assert_cmpfloat_with_epsilon (before_x, after_x, 1e-6);
        g_assert_cmpfloat_with_epsilon (before_y, after_y, 1e-6);
      }
}

static void
test_viewport_clamps (void)
{
  g_autoptr(ImpViewport) viewport = imp_viewport_new ();
  const ImpRect bounds = { 0, 0, 1000, 600 };
  ImpRect visible;

  imp_viewport_fit (viewport, &bounds, 800, 600);
  imp_viewport_set_bounds (viewport, &bounds);

  imp_viewport_zoom_at (viewport, 1000, 400, 300);
  g_assert_cmpfloat (imp_viewport_get_zoom (viewport), ==, IMP_VIEWPORT_MAX_ZOOM);
  imp_viewport_zoom_at (viewport, 1e-6, 400, 300);
  g_assert_cmpfloat (imp_viewport_get_zoom (viewport), ==, IMP_VIEWPORT_MIN_ZOOM);

  /* However far it is flung, part of the map stays in view. */
  imp_viewport_set_zoom (viewport, 1.0);
  imp_viewport_pan_by (viewport, 1e6, 1e6);
  imp_viewport_get_visible_rect (viewport, &visible);
  g_assert_true (imp_rect_intersects (&visible, &bounds));

  imp_viewport_pan_by (viewport, -1e7, -1e7);
  imp_viewport_get_visible_rect (viewport, &visible);
  g_assert_true (imp_rect_intersects (&visible, &bounds));
}

static void
test_window_broken_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  ImpWindow *window;
  ImpViewport *viewport;
  double zoom;
  int fd;

  fd = g_file_open_tmp ("test-window-XXXXXX.impactmap", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "{ \"format\": \"impactmap\", \"nodes\": [ oops", -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  window = imp_window_new (app);
  imp_window_open_file (window, file);
  present_and_wait (window);

  g_assert_true (imp_window_is_showing_error (window));
  g_assert_null (imp_window_get_map (window));
  g_assert_true (g_file_equal (imp_window_get_file (window), file));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (imp_window_get_canvas (window))));

  /* Zooming is disabled while there is no map to zoom. */
  viewport = imp_canvas_get_viewport (imp_window_get_canvas (window));
  zoom = imp_viewport_get_zoom (viewport);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (zoom, ==, imp_viewport_get_zoom (viewport));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_window_missing_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  ImpWindow *window;
  ImpMap *map;

  path = g_build_filename (g_get_tmp_dir (), "test-window-does-not-exist.impactmap", NULL);
  file = g_file_new_for_path (path);
  g_unlink (path);

  window = imp_window_new (app);
  imp_window_open_file (window, file);
  present_and_wait (window);

  map = imp_window_get_map (window);
  g_assert_nonnull (map);
  g_assert_false (imp_window_is_showing_error (window));
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 1);
  g_assert_cmpint (imp_map_get_node (map, 0)->level, ==, IMP_LEVEL_GOAL);
  g_assert_true (g_file_equal (imp_window_get_file (window), file));
  g_assert_false (g_file_query_exists (file, NULL));
  assert_draws_theme (imp_window_get_canvas (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_canvas_selection (void)
{
  g_autoptr(ImpMap) map = build_map ();
  ImpWindow *window = new_window_with_map (map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpNode *actor = imp_node_get_child (imp_map_get_node (map, 0), 0);
  ImpRect rect;
  double x, y;

  g_assert_null (imp_canvas_get_selected (canvas));

  imp_canvas_set_selected (canvas, actor);
  g_assert_true (imp_canvas_get_selected (canvas) == actor);

  /* What is under a card's centre on screen is that card. */
  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), actor, &rect));
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                              rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, IMP_CANVAS_HEADER_HEIGHT);

  /* A removed node is no longer selected. */
  _imp_map_remove_node (map, actor);
  g_assert_null (imp_canvas_get_selected (canvas));

  imp_test_drain ();
  assert_draws_theme (canvas);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hovering a link that carries an assumption shows it with its status and
 * confidence; a plain link and a card show nothing of the kind. */
static void
test_canvas_assumption_tooltip (void)
{
  g_autoptr(ImpMap) map = build_map ();
  ImpWindow *window = new_window_with_map (map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_node_get_child (goal, 0);
  ImpLink *link = imp_map_find_link (map, goal, actor);
  ImpScene *scene;
  ImpRect rect;
  double x = 0, y = 0;
  char *tip;

  _imp_map_set_link_assumption (map, link, "Teachers care about weekly numbers");
  _imp_map_set_link_confidence (map, link, IMP_CONFIDENCE_LOW);
  imp_test_drain ();

  /* The middle of the link's curve, on screen. */
  scene = imp_canvas_get_scene (canvas);
  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    {
      const ImpSceneLink *sl = _imp_scene_get_link (scene, i);

      if (sl->link != link)
        continue;
      g_assert_cmpint (sl->mark_text, >=, 0);
      g_assert_cmpstr (_imp_scene_get_text (scene, sl->mark_text)->text, ==, "? low");
      imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                                  (sl->x0 + 3 * sl->x1 + 3 * sl->x2 + sl->x3) / 8,
                                  (sl->y0 + 3 * sl->y1 + 3 * sl->y2 + sl->y3) / 8, &x, &y);
    }
  tip = _imp_canvas_get_tooltip_at (canvas, x, y);
  g_assert_cmpstr (tip, ==, "Assumption: Teachers care about weekly numbers — untested, low "
                            "confidence");
  g_free (tip);

  /* A screen reader hears what the mark says, selecting the link. */
  {
    g_autofree char *description = NULL;

    imp_selection_select_link (imp_canvas_get_selection (canvas), link);
    description = imp_canvas_describe_selection (map, imp_canvas_get_selection (canvas));
    g_assert_true (g_str_has_suffix (description, "”. Assumption: Teachers care about weekly "
                                                  "numbers — untested, low confidence"));
    imp_selection_clear (imp_canvas_get_selection (canvas));
  }

  /* Over the actor's card: the card, not the link. */
  g_assert_true (imp_scene_get_card_rect (scene, actor, &rect));
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                              rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_assert_null (_imp_canvas_get_tooltip_at (canvas, x, y));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!imp_test_has_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);

  /* Registering runs startup (libadwaita, style, actions) without a main loop. */
  app = imp_test_register_app ();

  g_test_add_func ("/ui/viewport/zoom-at-keeps-point", test_viewport_zoom_at_keeps_point);
  g_test_add_func ("/ui/viewport/clamps", test_viewport_clamps);
  g_test_add_func ("/ui/window/draws-map", test_window_draws_map);
  g_test_add_func ("/ui/window/follows-dark-style", test_window_follows_dark_style);
  g_test_add_func ("/ui/window/fit", test_window_fit);
  g_test_add_func ("/ui/window/broken-file-shows-error", test_window_broken_file);
  g_test_add_func ("/ui/window/missing-file-opens-new-map", test_window_missing_file);
  g_test_add_func ("/ui/canvas/selection", test_canvas_selection);
  g_test_add_func ("/ui/canvas/assumption-tooltip", test_canvas_assumption_tooltip);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
