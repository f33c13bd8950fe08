/* test-export.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "imp-export.h"
#include "imp-format.h"
#include "imp-scene.h"

static ImpMap *
small_map (void)
{
  ImpMap *map = imp_map_new_with_goal ("Cut call-centre ticket calls by 40%");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_map_add_node (map, IMP_LEVEL_ACTOR, "Occasional visitors", NULL, NULL);
  ImpNode *impact = imp_map_add_node (map, IMP_LEVEL_IMPACT,
                                      "Buy tickets without calling", NULL, NULL);

  imp_map_link (map, goal, actor, -1, NULL);
  imp_map_link (map, actor, impact, -1, NULL);

  return map;
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("imp-export-XXXXXX", NULL);

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static void
remove_with_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_format_from_path (void)
{
  g_autoptr(GError) error = NULL;
  ImpExportFormat format;

  g_assert_true (imp_export_format_from_path ("/tmp/a.PNG", &format, NULL));
  g_assert_cmpint (format, ==, IMP_EXPORT_PNG);
  g_assert_true (imp_export_format_from_path ("x.svg", &format, NULL));
  g_assert_cmpint (format, ==, IMP_EXPORT_SVG);
  g_assert_true (imp_export_format_from_path ("x.json", &format, NULL));
  g_assert_cmpint (format, ==, IMP_EXPORT_JSON);

  g_assert_false (imp_export_format_from_path ("x.docx", &format, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, ".docx"));
  g_clear_error (&error);

  g_assert_false (imp_export_format_from_path ("/tmp.d/noext", &format, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT);
}

static void
test_png_size_follows_bounds_and_scale (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_autofree char *path = temp_path ("map.png");
  ImpExportOptions options;
  ImpRect bounds;
  const double scales[] = { 1.0, 2.0, 3.0 };

  imp_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.width, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *image;

      imp_export_options_init (&options);
      options.scale = scales[i];
      g_assert_true (imp_export_to_path (map, path, &options, &error));
      g_assert_no_error (error);

      image = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==,
                       (int) ceil ((bounds.width + 2 * options.padding) * scales[i]));
      g_assert_cmpint (cairo_image_surface_get_height (image), ==,
                       (int) ceil ((bounds.height + 2 * options.padding) * scales[i]));
      cairo_surface_destroy (image);
    }

  remove_with_dir (path);
}

static guint32
corner_pixel (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  guint32 pixel;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  pixel = *(guint32 *) cairo_image_surface_get_data (image);
  cairo_surface_destroy (image);

  return pixel;
}

static void
test_png_background (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *path = temp_path ("map.png");
  const ImpTheme *dark = imp_theme_get (IMP_THEME_DARK);
  ImpExportOptions options;
  guint32 pixel;

  imp_export_options_init (&options);
  options.transparent = TRUE;
  g_assert_true (imp_export_to_path (map, path, &options, NULL));
  g_assert_cmphex (corner_pixel (path) >> 24, ==, 0);

  options.transparent = FALSE;
  options.theme = IMP_THEME_DARK;
  g_assert_true (imp_export_to_path (map, path, &options, NULL));
  pixel = corner_pixel (path);
  g_assert_cmphex (pixel >> 24, ==, 0xff);
  g_assert_cmpint (ABS ((int) ((pixel >> 16) & 0xff) - (int) round (dark->background.red * 255)), <=, 2);
  g_assert_cmpint (ABS ((int) ((pixel >> 8) & 0xff) - (int) round (dark->background.green * 255)), <=, 2);
  g_assert_cmpint (ABS ((int) (pixel & 0xff) - (int) round (dark->background.blue * 255)), <=, 2);

  remove_with_dir (path);
}

static void
test_json_is_the_native_format (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(ImpMap) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("map.json");
  ImpExportOptions options;

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_JSON;
  g_assert_true (imp_export_to_path (map, path, &options, &error));
  g_assert_no_error (error);

  back = imp_format_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_equal (map, back));

  remove_with_dir (path);
}

static void
test_bad_options_write_nothing (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *path = temp_path ("map.png");
  ImpExportOptions options;
  const double bad_scales[] = { 0, -1, 100, NAN, INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (bad_scales); i++)
    {
      g_autoptr(GError) error = NULL;

      imp_export_options_init (&options);
      options.scale = bad_scales[i];
      g_assert_false (imp_export_to_path (map, path, &options, &error));
      g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  remove_with_dir (path);
}

static void
test_unwritable_path_fails_cleanly (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(GError) error = NULL;
  ImpExportOptions options;

  imp_export_options_init (&options);
  g_assert_false (imp_export_to_path (map, "/nonexistent-dir/sub/map.png", &options, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/export/format-from-path", test_format_from_path);
  g_test_add_func ("/core/export/png-size-follows-bounds-and-scale",
                   test_png_size_follows_bounds_and_scale);
  g_test_add_func ("/core/export/png-background", test_png_background);
  g_test_add_func ("/core/export/json-is-the-native-format", test_json_is_the_native_format);
  g_test_add_func ("/core/export/bad-options-write-nothing", test_bad_options_write_nothing);
  g_test_add_func ("/core/export/unwritable-path-fails-cleanly", test_unwritable_path_fails_cleanly);

  return g_test_run ();
}
