/* test-export.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <png.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imp-export.h"
#include "imp-export-private.h"
#include "imp-limits.h"
#include "imp-export-text.h"
#include "imp-format.h"
#include "imp-layout-private.h"
#include "imp-scene.h"
#include "imp-writer-private.h"
#include "imp-map-private.h"

static ImpMap *
small_map (void)
{
  ImpMap *map = imp_map_new_with_goal ("Cut call-centre ticket calls by 40%");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Occasional visitors", NULL, NULL);
  ImpNode *impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT,
                                      "Buy tickets without calling", NULL, NULL);

  _imp_map_link (map, goal, actor, -1, NULL);
  _imp_map_link (map, actor, impact, -1, NULL);

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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: shows any leftover temporary file. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* An export is as safe as a save (issue 15, item 8): through a link it
 * writes the file the link names and keeps the link, a 0600 file stays
 * 0600, a stale temporary of a killed export goes, and no FILE~ backup is
 * made, in every format. */
static void
test_export_writes_like_a_save (void)
{
  static const ImpExportFormat formats[] = {
    IMP_EXPORT_PNG, IMP_EXPORT_PDF, IMP_EXPORT_SVG, IMP_EXPORT_MARKDOWN, IMP_EXPORT_CSV,
  };
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *dir = g_dir_make_tmp ("imp-export-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.out", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.out", NULL);
  g_autofree char *stale = g_build_filename (dir, ".real.out.imp-k1LLed", NULL);

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.out", link_path), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;
      ImpExportOptions options;
      GStatBuf st;

      g_assert_true (g_file_set_contents (stale, "half an export", -1, NULL));

      imp_export_options_init (&options);
      options.format = formats[i];
      g_assert_true (imp_export_to_path (map, link_path, &options, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
      g_assert_cmpint (g_stat (real, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0600);
      g_assert_cmpint (st.st_size, >, 3);

      listing = dir_listing (dir);
      g_assert_cmpstr (listing, ==, "link.out real.out");
    }

  g_remove (link_path);
  remove_with_dir (real);
}

/* Exporting onto a folder is refused before the picture is drawn or
 * anything written (it used to write the whole image, then fail in
 * g_rename()). */
static void
test_export_onto_folder_writes_nothing (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *dir = g_dir_make_tmp ("imp-export-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GString) trace = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  ImpExportOptions options;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  imp_export_options_init (&options);
  _imp_writer_set_trace (trace);
  g_assert_false (imp_export_to_path (map, folder, &options, &error));
  _imp_writer_set_trace (NULL);

  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_assert_null (strstr (error->message, "g_rename"));
  g_assert_cmpstr (trace->str, ==, "");

  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "map.png");
  g_clear_pointer (&listing, g_free);
  listing = dir_listing (folder);
  g_assert_cmpstr (listing, ==, "");

  g_rmdir (folder);
  g_rmdir (dir);
}

static ImpMap *
load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "data", "examples",
                                            name, NULL);
  ImpMap *map = imp_format_load_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

static const char * const examples[] = {
  "edtech-weekly-learners.impactmap",
  "onboarding-nrr.impactmap",
  "ticket-sales-call-centre.impactmap",
};

static GBytes *
export_bytes (ImpMap                 *map,
              const ImpExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = imp_export_to_bytes (map, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Walks the PNG's chunks; returns the pHYs pixels per metre, checking
 * that the chunk sits before the image data and has a correct CRC. */
static guint32
png_pixels_per_metre (GBytes *png)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (png, &length);
  gsize i = 8;

  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  while (i + 12 <= length)
    {
      guint32 chunk_length = read_be32 (data + i);
      const guint8 *type = data + i + 4;

      g_assert_cmpuint (i + 12 + chunk_length, <=, length);
      if (memcmp (type, "IDAT", 4) == 0)
        break;
      if (memcmp (type, "pHYs", 4) == 0)
        {
          guint32 crc = 0xffffffff;

          g_assert_cmpuint (chunk_length, ==, 9);
          for (guint k = 0; k < 4 + chunk_length; k++)
            {
              crc ^= type[k];
              for (int b = 0; b < 8; b++)
                crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
            }
          g_assert_cmphex (crc ^ 0xffffffff, ==, read_be32 (type + 4 + chunk_length));
          g_assert_cmpuint (read_be32 (type + 4), ==, read_be32 (type + 8));
          g_assert_cmpuint (type[12], ==, 1);
          return read_be32 (type + 4);
        }
      i += 12 + chunk_length;
    }

  g_assert_not_reached ();
  return 0;
}

static cairo_status_t
read_from_bytes (void          *closure,
                 unsigned char *data,
                 unsigned int   length)
{
  GInputStream *stream = closure;

  if (!g_input_stream_read_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_READ_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
png_from_bytes (GBytes *png)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_from_bytes, stream);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);

  return image;
}

static guint32
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (image));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (image));

  return *(const guint32 *) (data + y * stride + x * 4);
}

static gboolean
pixel_is_color (guint32         pixel,
                const ImpColor *color,
                int             tolerance)
{
  return ABS ((int) ((pixel >> 16) & 0xff) - (int) round (color->red * 255)) <= tolerance &&
         ABS ((int) ((pixel >> 8) & 0xff) - (int) round (color->green * 255)) <= tolerance &&
         ABS ((int) (pixel & 0xff) - (int) round (color->blue * 255)) <= tolerance;
}

static void
test_png_records_dpi (void)
{
  g_autoptr(ImpMap) map = small_map ();
  const double scales[] = { 1.0, 2.0, 3.0, 4.0 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *image;
      ImpExportOptions options;

      imp_export_options_init (&options);
      options.scale = scales[i];
      png = export_bytes (map, &options);
      /* 96 dpi × scale, in pixels per metre */
      g_assert_cmpuint (png_pixels_per_metre (png), ==,
                        (guint32) round (96 * scales[i] / 0.0254));

      /* the chunk must not break the file for a reader */
      image = png_from_bytes (png);
      g_assert_cmpint (cairo_image_surface_get_width (image), >, 100);
      cairo_surface_destroy (image);
    }
}

/* Tiles of 97 pixels against one tile per band: the same picture, but for
 * the sub-pixel rounding of a few glyphs at tile edges (at scales that put
 * glyphs on exact half pixels, such as 1.5, one may move by a pixel). */
static void
test_png_tiles_meet_without_seams (void)
{
  g_autoptr(ImpMap) map = load_example (examples[2]);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) tiled = NULL;
  cairo_surface_t *a, *b;
  ImpExportOptions options;
  guint64 differ = 0, total;
  int worst = 0, w, h;

  imp_export_options_init (&options);
  options.scale = 1.25;
  options.title_line = TRUE;
  options.date = "2026-01-02";
  whole = export_bytes (map, &options);
  _imp_export_set_png_tile_side (97);
  tiled = export_bytes (map, &options);
  _imp_export_set_png_tile_side (0);

  a = png_from_bytes (whole);
  b = png_from_bytes (tiled);
  w = cairo_image_surface_get_width (a);
  h = cairo_image_surface_get_height (a);
  g_assert_cmpint (w, >, 97 * 3);
  g_assert_cmpint (h, >, 97 * 3);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = pixel_at (a, x, y), q = pixel_at (b, x, y);
        int d = 0;

        for (int shift = 0; shift < 32; shift += 8)
          d = MAX (d, ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)));
        if (d > 0)
          differ++;
        worst = MAX (worst, d);
      }
  total = (guint64) w * h;
  g_test_message ("%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " pixels differ, by up to %d",
                  differ, total, worst);
  g_assert_cmpuint (differ * 10000, <=, total);
  g_assert_cmpint (worst, <=, 32);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* A strip through the map, 40,000 pixels tall: past what a cairo image
 * may hold, read back with libpng. */
static void
test_png_larger_than_cairo_allows (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(ImpScene) scene = imp_scene_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *pixels = NULL;
  png_image image = { 0 };
  ImpExportOptions options;
  ImpRect bounds, card;
  gsize length;
  const void *data;
  int card_row, card_col;
  guint32 background, on_card;

  imp_scene_get_bounds (scene, &bounds);
  g_assert_true (imp_scene_get_card_rect (scene, imp_map_get_node (map, 0), &card));

  imp_export_options_init (&options);
  options.scale = 2;
  options.scope = IMP_EXPORT_SCOPE_RECT;
  /* the goal card at the bottom of a tall strip of background */
  options.rect = (ImpRect) { card.x, card.y + card.height - 20000, 24, 20000 };
  png = export_bytes (map, &options);
  g_assert_cmpuint (png_pixels_per_metre (png), ==, (guint32) round (192 / 0.0254));

  image.version = PNG_IMAGE_VERSION;
  data = g_bytes_get_data (png, &length);
  g_assert_true (png_image_begin_read_from_memory (&image, data, length));
  g_assert_cmpuint (image.width, ==, 48);
  g_assert_cmpuint (image.height, ==, 40000);
  image.format = PNG_FORMAT_BGRA;
  pixels = g_malloc (PNG_IMAGE_SIZE (image));
  g_assert_true (png_image_finish_read (&image, NULL, pixels, 0, NULL));

  card_row = (int) image.height - 10;
  card_col = 40;
  memcpy (&background, pixels + 4 * (10 * image.width + card_col), 4);
  memcpy (&on_card, pixels + 4 * (card_row * image.width + card_col), 4);
  g_assert_true (pixel_is_color (background,
                                 &imp_theme_get (IMP_THEME_LIGHT)->background, 2));
  g_assert_false (pixel_is_color (on_card,
                                  &imp_theme_get (IMP_THEME_LIGHT)->background, 2));

  /* past the stated bound: a clear refusal, nothing drawn */
  options.rect = (ImpRect) { card.x, card.y, 24, 600000 };
  g_assert_null (imp_export_to_bytes (map, &options, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1000000"));
}

/* Reads a PNG row by row, keeping the rows of a few regions: a tall PNG
 * never sits whole in memory. libpng's errors longjmp back here, so the
 * state lives in a struct. */
typedef struct
{
  FILE        *file;
  png_structp  png;
  png_infop    info;
  guint8      *row;
  guint32      width;
  guint32      height;
  int        (*regions)[2];   /* x, y of each REGION_SIDE square */
  guint        n_regions;
  guint8     **kept;          /* per region, REGION_SIDE rows of RGBA */
} PngRows;

#define REGION_SIDE 160

static G_GNUC_NO_INLINE gboolean
png_rows_read (PngRows *st)
{
  if (setjmp (png_jmpbuf (st->png)))
    return FALSE;

  png_init_io (st->png, st->file);
  png_read_info (st->png, st->info);
  st->width = png_get_image_width (st->png, st->info);
  st->height = png_get_image_height (st->png, st->info);
  g_assert_cmpint (png_get_color_type (st->png, st->info), ==, PNG_COLOR_TYPE_RGB);
  st->row = g_malloc (st->width * 3);
  for (guint32 y = 0; y < st->height; y++)
    {
      png_read_row (st->png, st->row, NULL);
      for (guint r = 0; r < st->n_regions; r++)
        if ((int) y >= st->regions[r][1] && (int) y < st->regions[r][1] + REGION_SIDE)
          memcpy (st->kept[r] + (y - st->regions[r][1]) * REGION_SIDE * 3,
                  st->row + st->regions[r][0] * 3, REGION_SIDE * 3);
    }
  png_read_end (st->png, NULL);

  return TRUE;
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A generated map 40,000 px tall at 1x, written in bounded memory, read
 * back row by row and compared region by region with a direct render of
 * the same rectangle. */
static void
test_png_tall_map_bounded_memory (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly active learners by 20%");
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("tall.png");
  int regions[3][2];
  guint8 *kept[G_N_ELEMENTS (regions)];
  PngRows st = { 0 };
  ImpExportOptions options;
  ImpRect bounds;
  glong before, after;

  /* in a process of its own, so that its peak memory is the export's */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      return;
    }

  for (guint i = 0; i < 480; i++)
    {
      g_autofree char *who = g_strdup_printf ("Learners of cohort %u", i);
      g_autofree char *how = g_strdup_printf ("Finish lesson %u within a week", i);
      ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, who, NULL, NULL);
      ImpNode *impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, how, NULL, NULL);

      _imp_map_link (map, imp_map_get_node (map, 0), actor, -1, NULL);
      _imp_map_link (map, actor, impact, -1, NULL);
    }
  scene = imp_scene_new (map, imp_theme_get (IMP_THEME_LIGHT));
  imp_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.height + 64, >, 38000);
  /* squares at the first, a middle and the last actor's card */
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      ImpNode *actor = imp_map_get_node (map, 1 + 2 * (r * 479 / 2));
      ImpRect card;

      g_assert_true (imp_scene_get_card_rect (scene, actor, &card));
      regions[r][0] = (int) (card.x - (bounds.x - 32));
      regions[r][1] = (int) (card.y - (bounds.y - 32)) - 20;
      /* inside the image */
      regions[r][0] = MIN (regions[r][0], (int) (bounds.width + 64) - REGION_SIDE);
      regions[r][1] = MIN (regions[r][1], (int) (bounds.height + 64) - REGION_SIDE);
    }

  imp_export_options_init (&options);
  before = peak_rss_kib ();
  g_assert_true (imp_export_to_path (map, path, &options, &error));
  g_assert_no_error (error);
  after = peak_rss_kib ();
  g_test_message ("peak RSS %ld KiB before, %ld after", before, after);
  /* the whole image would be over 150 MiB of pixels */
  g_assert_cmpint (after - before, <, 80 * 1024);

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    kept[r] = g_malloc0 (REGION_SIDE * REGION_SIDE * 3);
  st.file = fopen (path, "rb");
  g_assert_nonnull (st.file);
  st.png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  st.info = png_create_info_struct (st.png);
  st.regions = regions;
  st.n_regions = G_N_ELEMENTS (regions);
  st.kept = kept;
  g_assert_true (png_rows_read (&st));
  png_destroy_read_struct (&st.png, &st.info, NULL);
  fclose (st.file);
  g_assert_cmpuint (st.height, ==, (guint32) ceil (bounds.height + 64));
  g_assert_cmpuint (st.width, ==, (guint32) ceil (bounds.width + 64));

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      ImpExportOptions direct = options;
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *image;
      guint64 differ = 0;
      int inked = 0;

      direct.scope = IMP_EXPORT_SCOPE_RECT;
      direct.rect = (ImpRect) { bounds.x - 32 + regions[r][0], bounds.y - 32 + regions[r][1],
                                REGION_SIDE, REGION_SIDE };
      png = export_bytes (map, &direct);
      image = png_from_bytes (png);
      for (int y = 0; y < REGION_SIDE; y++)
        for (int x = 0; x < REGION_SIDE; x++)
          {
            guint32 p = pixel_at (image, x, y);
            const guint8 *q = kept[r] + (y * REGION_SIDE + x) * 3;
            int d = MAX (MAX (ABS ((int) ((p >> 16) & 0xff) - q[0]),
                              ABS ((int) ((p >> 8) & 0xff) - q[1])),
                         ABS ((int) (p & 0xff) - q[2]));

            if (d > 32)
              differ++;
            if (!pixel_is_color (p, &imp_theme_get (IMP_THEME_LIGHT)->background, 4))
              inked++;
          }
      g_test_message ("region %u: %" G_GUINT64_FORMAT " pixels differ, %d inked", r, differ,
                      inked);
      g_assert_cmpint (inked, >, 100);
      g_assert_cmpuint (differ, <=, REGION_SIDE * REGION_SIDE / 100);
      cairo_surface_destroy (image);
      g_free (kept[r]);
    }

  g_free (st.row);
  remove_with_dir (path);
}

static void
test_png_transparent_corners (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *image;
  ImpExportOptions options;
  int w, h;

  imp_export_options_init (&options);
  options.transparent = TRUE;
  options.scale = 2;
  png = export_bytes (map, &options);
  image = png_from_bytes (png);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);

  g_assert_cmphex (pixel_at (image, 0, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (image, w - 1, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (image, 0, h - 1) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (image, w - 1, h - 1) >> 24, ==, 0);
  cairo_surface_destroy (image);
}

typedef struct
{
  GString   *all_text;     /* every <text>, one per line */
  GString   *current;
  gboolean   in_text;
  guint      n_texts;
} SvgText;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgText *st = user_data;

  if (g_str_equal (element, "text"))
    {
      st->in_text = TRUE;
      st->n_texts++;
      g_string_truncate (st->current, 0);
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgText *st = user_data;

  if (g_str_equal (element, "text"))
    {
      st->in_text = FALSE;
      g_string_append (st->all_text, st->current->str);
      g_string_append_c (st->all_text, '\n');
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgText *st = user_data;

  if (st->in_text)
    g_string_append_len (st->current, text, length);
}

/* Parses @svg (failing the test if it is not well-formed XML) and returns
 * its <text> contents joined with spaces: a wrapped title becomes one run. */
static char *
svg_texts (GBytes *svg,
           guint  *n_texts)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgText st = { g_string_new (NULL), g_string_new (NULL), FALSE, 0 };
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);
  const char *start = strstr (data, "<svg");

  /* GMarkup does not read the XML declaration: start at the root. */
  g_assert_nonnull (start);
  context = g_markup_parse_context_new (&parser, 0, &st, NULL);
  g_markup_parse_context_parse (context, start, length - (start - data), &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_string_free (st.current, TRUE);
  if (n_texts)
    *n_texts = st.n_texts;
  g_strdelimit (st.all_text->str, "\n", ' ');

  return g_string_free (st.all_text, FALSE);
}

static void
test_svg_has_every_title_as_text (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(ImpMap) map = load_example (examples[e]);
      g_autoptr(GBytes) svg = NULL;
      g_autofree char *texts = NULL;
      ImpExportOptions options;
      guint n_texts;

      imp_export_options_init (&options);
      options.format = IMP_EXPORT_SVG;
      svg = export_bytes (map, &options);
      texts = svg_texts (svg, &n_texts);
      g_assert_null (strstr (g_bytes_get_data (svg, NULL), "<path d=\"M0 0 L"));
      g_assert_cmpuint (n_texts, >=, imp_map_get_n_nodes (map));

      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        {
          ImpNode *node = imp_map_get_node (map, i);

          if (strstr (texts, node->title) == NULL)
            g_error ("%s: the SVG has no text “%s”", examples[e], node->title);
        }
    }
}

static void
test_svg_rasterises_to_cards (void)
{
  g_autoptr(ImpMap) map = load_example (examples[2]);
  g_autoptr(ImpScene) scene = imp_scene_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *svg_path = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  ImpExportOptions options;
  ImpRect bounds;
  int status = 0;
  const char *argv[6];

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }

  svg_path = temp_path ("map.svg");
  png_path = g_strconcat (svg_path, ".png", NULL);
  imp_export_options_init (&options);
  options.format = IMP_EXPORT_SVG;
  g_assert_true (imp_export_to_path (map, svg_path, &options, &error));
  g_assert_no_error (error);

  argv[0] = rsvg;
  argv[1] = "-o";
  argv[2] = png_path;
  argv[3] = svg_path;
  argv[4] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  imp_scene_get_bounds (scene, &bounds);

  /* The level stripe on the left of each card, and the card's fill near
   * its bottom right, are where the layout put them. */
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
      ImpRect r;
      int ox = (int) (-(bounds.x - options.padding));
      int oy = (int) (-(bounds.y - options.padding));

      g_assert_true (imp_scene_get_card_rect (scene, node, &r));
      g_assert_true (pixel_is_color (pixel_at (image, ox + r.x + IMP_CARD_STRIPE / 2,
                                               oy + r.y + r.height / 2),
                                     &theme->level_accent[node->level], 40));
      g_assert_true (pixel_is_color (pixel_at (image, ox + r.x + r.width - 4,
                                               oy + r.y + r.height - IMP_CARD_RADIUS - 2),
                                     &theme->level_fill[node->level], 40));
    }
  /* and between the columns there is background */
  g_assert_true (pixel_is_color (pixel_at (image, 2, 2),
                                 &imp_theme_get (IMP_THEME_LIGHT)->background, 4));

  cairo_surface_destroy (image);
  g_remove (png_path);
  remove_with_dir (svg_path);
}

static char *
run_program (const char *program,
             const char *arg1,
             const char *arg2)
{
  const char *argv[] = { program, arg1, arg2, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* PDF files hold binary streams: search past NUL bytes. */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;

  return NULL;
}

static void
test_pdf_one_page_with_text (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  g_autofree char *path = temp_path ("map.pdf");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *contents = NULL;
  ImpExportOptions options;
  gsize length;
  const struct {
    ImpExportPage page;
    gboolean      landscape;
    const char   *media_box;
  } cases[] = {
    { IMP_EXPORT_PAGE_A4, FALSE, "/MediaBox [ 0 0 595.276 841.89 ]" },
    { IMP_EXPORT_PAGE_A4, TRUE, "/MediaBox [ 0 0 841.89 595.276 ]" },
    { IMP_EXPORT_PAGE_LETTER, TRUE, "/MediaBox [ 0 0 792 612 ]" },
    { IMP_EXPORT_PAGE_16_9, FALSE, "/MediaBox [ 0 0 960 540 ]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *p;
      guint n_pages = 0;

      imp_export_options_init (&options);
      options.format = IMP_EXPORT_PDF;
      options.page = cases[i].page;
      options.landscape = cases[i].landscape;
      options.theme = IMP_THEME_PRINT;
      g_assert_true (imp_export_to_path (map, path, &options, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_nonnull (find_bytes (contents, length, cases[i].media_box));
      for (p = contents; (p = find_bytes (p, length - (p - contents), "/Type /Page")); p++)
        if (p[11] != 's')
          n_pages++;
      g_assert_cmpuint (n_pages, ==, 1);
      g_clear_pointer (&contents, g_free);

      if (pdfinfo != NULL)
        {
          g_autofree char *info = run_program (pdfinfo, path, NULL);

          g_assert_nonnull (strstr (info, "Pages:           1\n"));
        }
    }

  /* The text is text: every title can be found again (the page is wide
   * enough at natural size for titles to keep their line breaks). */
  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: titles not checked");
    }
  else
    {
      g_autofree char *text = NULL;
      g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
      g_autofree char *flat = NULL;

      imp_export_options_init (&options);
      options.format = IMP_EXPORT_PDF;
      g_assert_true (imp_export_to_path (map, path, &options, NULL));
      text = run_program (pdftotext, "-raw", path);
      flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        {
          ImpNode *node = imp_map_get_node (map, i);

          if (strstr (flat, node->title) == NULL)
            g_error ("the PDF has no text “%s”:\n%s", node->title, flat);
        }
    }

  remove_with_dir (path);
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;

  return n;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)); p += strlen (needle))
    n++;

  return n;
}

static void
test_mermaid_has_every_node_and_link_once (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(ImpMap) map = load_example (examples[e]);
      g_autofree char *mmd = imp_export_mermaid (map, NULL);
      guint n_cross = 0;

      g_assert_true (g_str_has_prefix (mmd, "%%") || g_str_has_prefix (mmd, "flowchart LR\n"));
      for (guint level = 0; level < IMP_N_LEVELS; level++)
        {
          g_autofree char *def = g_strdup_printf ("classDef %s ", imp_level_to_string (level));

          g_assert_cmpuint (count_occurrences (mmd, def), ==, 1);
        }

      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        {
          ImpNode *node = imp_map_get_node (map, i);
          g_autofree char *id = imp_export_mermaid_id (node->id);
          g_autofree char *decl = g_strdup_printf ("  %s[\"", id);
          g_autofree char *cls = g_strdup_printf ("\"]:::%s\n", imp_level_to_string (node->level));

          g_assert_cmpuint (count_occurrences (mmd, decl), ==, 1);
          g_assert_nonnull (strstr (strstr (mmd, decl), cls));

          for (guint j = 0; j < node->children->len; j++)
            {
              ImpLink *link = node->children->pdata[j];
              g_autofree char *to = imp_export_mermaid_id (link->child->id);
              g_autofree char *from_arrow = g_strdup_printf ("  %s %s", id,
                                                             imp_link_is_tree_link (link)
                                                             ? "-->" : "-.->");
              g_autofree char *to_end = g_strdup_printf (" %s\n", to);
              g_auto(GStrv) lines = g_strsplit (mmd, "\n", -1);
              guint n = 0;

              for (guint k = 0; lines[k]; k++)
                {
                  g_autofree char *line = g_strconcat (lines[k], "\n", NULL);

                  if (g_str_has_prefix (line, from_arrow) && g_str_has_suffix (line, to_end))
                    n++;
                }
              g_assert_cmpuint (n, ==, 1);
              if (!imp_link_is_tree_link (link))
                n_cross++;
            }
        }

      g_assert_cmpuint (count_lines_with (mmd, " --> ") + count_lines_with (mmd, " -.-> ") +
                        count_lines_with (mmd, " -->|") + count_lines_with (mmd, " -.->|"),
                        ==, imp_map_get_n_links (map));
      g_assert_cmpuint (count_lines_with (mmd, " -.->"), ==, n_cross);
    }
}

static void
test_mermaid_ids_and_labels_are_safe (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Say \"hi\" <b>#1</b> & more");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = imp_export_mermaid_id ("end");
  g_autofree char *b = imp_export_mermaid_id ("a-b");
  g_autofree char *c = imp_export_mermaid_id ("a_2d_b");
  g_autofree char *mmd = NULL;
  ImpNode *actor;

  g_assert_cmpstr (a, ==, "id_end");
  g_assert_cmpstr (b, ==, "id_a_2db");
  g_assert_cmpstr (c, !=, b);
  actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Actor", "x.y:z", &error);
  g_assert_no_error (error);
  _imp_map_link (map, imp_map_get_node (map, 0), actor, -1, NULL);

  mmd = imp_export_mermaid (map, NULL);
  g_assert_nonnull (strstr (mmd, "[\"Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; more\"]"));
  g_assert_nonnull (strstr (mmd, "id_x_2ey_3az[\"Actor\"]:::actor"));
  for (const char *p = mmd; *p; p++)
    {
      /* every id on an edge line is plain letters, digits and underscores */
      if (g_str_has_prefix (p, " --> "))
        for (const char *q = p + 5; *q && *q != '\n'; q++)
          g_assert_true (g_ascii_isalnum (*q) || *q == '_');
    }
}

/* Ids that differ only in punctuation, in pairs that a careless escape
 * would merge: "_" kept as itself makes "a_2d" and "a-" one id, all
 * punctuation as "_" makes "a.b" and "a_b" one, hex digits without their
 * "_" make "a-" and "a2d" one, and so on. */
static const char * const punctuation_actor_ids[] = {
  "a_2d", "a-", "a.b", "a_b", "x-y", "x_y", "a__b", "a_5fb", "a2d",
};
static const char * const punctuation_impact_ids[] = {
  "x.y", "x_2ey", "a-b", "a_2db", "\xc3\xa9", "_c3_a9", "a_", "a_5f", "x2ey",
};

/* Two different nodes never get the same Mermaid id, and every edge of
 * the flowchart joins the two nodes its link joins: read the flowchart
 * back, from its node statements and edge lines alone. */
static void
test_mermaid_ids_distinct_for_punctuation (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GHashTable) title_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) node_line = g_regex_new ("^  ([A-Za-z0-9_]+)\\[\"([^\"]*)\"\\]:::[a-z]+$",
                                             0, 0, NULL);
  g_autoptr(GRegex) edge_line = g_regex_new ("^  ([A-Za-z0-9_]+) (-->|-\\.->)(\\|\"[^\"]*\"\\|)? "
                                             "([A-Za-z0-9_]+)$", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *mmd = NULL;
  g_auto(GStrv) lines = NULL;
  ImpNode *actors[G_N_ELEMENTS (punctuation_actor_ids)];
  ImpNode *goal;
  guint n_nodes = 0, n_edges = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (punctuation_actor_ids) == G_N_ELEMENTS (punctuation_impact_ids));

  /* Titles name the nodes, so the labels tell which node a statement is. */
  goal = _imp_map_add_node (map, IMP_LEVEL_GOAL, "goal g", "g", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (punctuation_actor_ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("actor %u", i);

      actors[i] = _imp_map_add_node (map, IMP_LEVEL_ACTOR, title, punctuation_actor_ids[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (_imp_map_link (map, goal, actors[i], -1, &error));
      g_assert_no_error (error);
    }
  /* Each impact under one actor and cross-linked from the next one. */
  for (guint i = 0; i < G_N_ELEMENTS (punctuation_impact_ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("impact %u", i);
      ImpNode *impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, title,
                                          punctuation_impact_ids[i], &error);
      ImpLink *link;

      g_assert_no_error (error);
      link = _imp_map_link (map, actors[i], impact, -1, &error);
      g_assert_no_error (error);
      if (i == 0)
        _imp_map_set_link_assumption (map, link, "they care");
      g_assert_nonnull (_imp_map_link (map, actors[(i + 1) % G_N_ELEMENTS (actors)], impact,
                                      -1, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      for (guint j = 0; j < node->children->len; j++)
        {
          ImpLink *link = node->children->pdata[j];

          g_hash_table_add (expected, g_strdup_printf ("%s -> %s", node->title,
                                                       link->child->title));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, imp_map_get_n_links (map));

  mmd = imp_export_mermaid (map, NULL);
  lines = g_strsplit (mmd, "\n", -1);

  /* Node statements: one per node, each under an id of its own. */
  for (guint k = 0; lines[k]; k++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (node_line, lines[k], 0, &match))
        {
          g_autofree char *id = g_match_info_fetch (match, 1);

          if (g_hash_table_contains (title_of, id))
            g_error ("two nodes share the Mermaid id %s:\n%s", id, mmd);
          g_hash_table_insert (title_of, g_steal_pointer (&id), g_match_info_fetch (match, 2));
          n_nodes++;
        }
    }
  g_assert_cmpuint (n_nodes, ==, imp_map_get_n_nodes (map));

  /* Edges: each joins the two titles its link joins, and each link once. */
  for (guint k = 0; lines[k]; k++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (edge_line, lines[k], 0, &match))
        {
          g_autofree char *from = g_match_info_fetch (match, 1);
          g_autofree char *to = g_match_info_fetch (match, 4);
          g_autofree char *pair = NULL;

          g_assert_true (g_hash_table_contains (title_of, from));
          g_assert_true (g_hash_table_contains (title_of, to));
          pair = g_strdup_printf ("%s -> %s", (char *) g_hash_table_lookup (title_of, from),
                                  (char *) g_hash_table_lookup (title_of, to));
          if (!g_hash_table_remove (expected, pair))
            g_error ("the edge “%s” (%s) is not a link of the map, or is there twice:\n%s",
                     lines[k], pair, mmd);
          n_edges++;
        }
    }
  g_assert_cmpuint (n_edges, ==, imp_map_get_n_links (map));
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);

  /* And the one escape, exactly, for the pair from the review. */
  {
    g_autofree char *a = imp_export_mermaid_id ("a_2d");
    g_autofree char *b = imp_export_mermaid_id ("a-");

    g_assert_cmpstr (a, ==, "id_a__2d");
    g_assert_cmpstr (b, ==, "id_a_2d");
  }
}

static void
test_markdown_has_every_node_and_link_once (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(ImpMap) map = load_example (examples[e]);
      g_autofree char *md = imp_export_markdown (map, NULL);
      guint n_cross = 0, n_items = 0;
      ImpVocabulary vocabulary = imp_map_get_vocabulary (map);

      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        {
          ImpNode *node = imp_map_get_node (map, i);
          g_autofree char *item = g_strdup_printf ("- **%s:** %s",
                                                   imp_vocabulary_level_name (vocabulary,
                                                                              node->level),
                                                   node->title);
          g_autofree char *nested = NULL;
          ImpNode *parent = imp_node_get_tree_parent (node);
          guint depth = 0;

          for (ImpNode *p = parent; p; p = imp_node_get_tree_parent (p))
            depth++;

          /* nested under its tree parent at the right depth, once */
          nested = g_strdup_printf ("\n%*s%s", depth * 2, "", item);
          g_assert_cmpuint (count_occurrences (md, item), ==, 1);
          g_assert_cmpuint (count_occurrences (md, nested), ==, 1);

          if (imp_ice_is_set (&node->ice))
            {
              g_autofree char *ice = g_strdup_printf ("= %u", imp_ice_get_score (&node->ice));

              g_assert_nonnull (strstr (strstr (md, item), ice));
            }
          if (node->metric != NULL)
            g_assert_nonnull (strstr (strstr (md, item), "Metric:"));

          n_cross += node->parents->len > 1 ? node->parents->len - 1 : 0;
        }

      n_items = count_lines_with (md, ":** ");
      g_assert_cmpuint (n_items, ==, imp_map_get_n_nodes (map));

      /* the tree links are the nesting; every cross-link has one line */
      if (n_cross > 0)
        {
          const char *section = strstr (md, "\n## Cross-links\n");

          g_assert_nonnull (section);
          g_assert_cmpuint (count_lines_with (section, " → "), ==, n_cross);
        }
      else
        {
          g_assert_null (strstr (md, "Cross-links"));
        }
    }
}

static void
test_csv_ranks_deliverables_with_chain (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);
  ImpNode *d1, *d2, *d3;
  ImpIce low = { 2, 2, 2 }, high = { 9, 9, 9 };

  d1 = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Low, cheap", NULL, NULL);
  d2 = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "The \"best\" one\non two lines", NULL, NULL);
  d3 = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Orphan", NULL, NULL);
  _imp_map_link (map, impact, d1, -1, NULL);
  _imp_map_link (map, impact, d2, -1, NULL);
  g_assert_true (_imp_map_set_node_ice (map, d1, &low, &error));
  g_assert_true (_imp_map_set_node_ice (map, d2, &high, &error));
  (void) d3;
  _imp_map_set_node_votes (map, d2, 4);

  /* The best-scored deliverable of all is eliminated by its experiment: it
   * comes last, with no rank and its status. */
  {
    ImpIce top = { 10, 10, 10 };
    ImpNode *gone = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Refuted idea", NULL, NULL);
    ImpNode *spike = _imp_map_add_node (map, IMP_LEVEL_EXPERIMENT, "Spike", NULL, NULL);
    g_autoptr(ImpExperiment) e = imp_experiment_new ();

    _imp_map_link (map, impact, gone, -1, NULL);
    _imp_map_link (map, gone, spike, -1, NULL);
    g_assert_true (_imp_map_set_node_ice (map, gone, &top, &error));
    e->status = IMP_EXPERIMENT_DONE;
    e->result = IMP_RESULT_REFUTES;
    _imp_map_set_node_experiment (map, spike, e);
  }

  csv = imp_export_csv (map, NULL);
  rows = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (rows[0], ==, "rank,id,deliverable,ice_impact,ice_confidence,ice_ease,"
                                "ice_score,votes,impact,actor,goal,chain,status,delivery,shipped");
  g_assert_true (g_str_has_prefix (rows[1], "1,"));
  g_assert_nonnull (strstr (rows[1], ",\"The \"\"best\"\" one\non two lines\",9,9,9,729,4,"
                                     "Buy tickets without calling,Occasional visitors,"
                                     "Cut call-centre ticket calls by 40%,"));
  g_assert_true (g_str_has_suffix (rows[1], "Buy tickets without calling > "
                                            "The \"\"best\"\" one\non two lines\",live,,"));
  g_assert_true (g_str_has_prefix (rows[2], "2,"));
  g_assert_nonnull (strstr (rows[2], ",\"Low, cheap\",2,2,2,8,,"));
  g_assert_true (g_str_has_prefix (rows[3], ","));
  g_assert_nonnull (strstr (rows[3], ",Orphan,,,,,,,,,Orphan,live,,"));
  g_assert_true (g_str_has_prefix (rows[4], ","));
  g_assert_nonnull (strstr (rows[4], ",Refuted idea,10,10,10,1000,,"));
  g_assert_true (g_str_has_suffix (rows[4], "> Refuted idea,eliminated,,"));
  g_assert_cmpstr (rows[5], ==, "");
  g_assert_null (rows[6]);
}

/* Reads CSV as RFC 4180 says and as spreadsheets and Python's csv module do:
 * outside quotes, a CR, an LF or a CRLF ends a record, and a comma a field.
 * Returns the records, each a %NULL-terminated array of fields. */
static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);  /* quotes only around a whole field */
          quoted = TRUE;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));  /* empties it */
        }
      else
        {
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  /* The export ends every record with CRLF: nothing may be left over. */
  g_assert_cmpuint (fields->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);

  return records;
}

/* A title with a lone carriage return (pasted from an old Mac file, or
 * typed through a terminal) is one field of one record: quoted, with the
 * CR kept, so no reader starts a new record inside it. */
static void
test_csv_quotes_lone_carriage_return (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *csv = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);
  ImpNode *deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "a\rb", NULL, NULL);
  const char * const *row;

  _imp_map_link (map, impact, deliverable, -1, NULL);
  csv = imp_export_csv (map, NULL);

  /* Quoted as RFC 4180 asks of a field with a line break in it. */
  g_assert_nonnull (strstr (csv, ",\"a\rb\","));
  g_assert_true (g_str_has_suffix (csv, " > a\rb\",live,,\r\n"));

  records = read_csv (csv);
  g_assert_cmpuint (records->len, ==, 2);
  row = records->pdata[1];
  g_assert_cmpuint (g_strv_length ((GStrv) row), ==, 15);
  g_assert_cmpstr (row[1], ==, deliverable->id);
  g_assert_cmpstr (row[2], ==, "a\rb");
  g_assert_cmpstr (row[8], ==, "Buy tickets without calling");
  g_assert_cmpstr (row[11], ==, "Cut call-centre ticket calls by 40% > Occasional visitors > "
                                "Buy tickets without calling > a\rb");
}

/* Markdown says a metric's progress only when it can be computed: never
 * "nan %", and a range near the largest doubles is not taken for 0 %. */
static void
test_markdown_progress_never_nan (void)
{
  static const struct { double baseline, current, target; const char *want; } cases[] = {
    { 10, NAN, 20, NULL },
    { 5, 5, 5, NULL },
    { -1e308, 0, 1e308, "progress 50 %" },
    { 1e308, -1e308, -1e308, "progress 100 %" },
    { 0, 25, 100, "progress 25 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ImpMap) map = small_map ();
      g_autoptr(ImpMetric) metric = imp_metric_new ();
      g_autofree char *md = NULL;

      metric->name = g_strdup ("Calls");
      metric->baseline = cases[i].baseline;
      metric->current = cases[i].current;
      metric->target = cases[i].target;
      _imp_map_set_node_metric (map, imp_map_get_node (map, 0), metric);
      md = imp_export_markdown (map, NULL);

      g_assert_null (strstr (md, "nan"));
      g_assert_null (strstr (md, "inf"));
      if (cases[i].want != NULL)
        g_assert_nonnull (strstr (md, cases[i].want));
      else
        g_assert_null (strstr (md, "progress"));
    }
}

/* A title that a spreadsheet would run as a formula is written as text. */
static void
test_csv_neutralises_formulas (void)
{
  static const char *const titles[] = { "=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\t=x" };
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *csv = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      ImpNode *d = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, titles[i], NULL, NULL);

      _imp_map_link (map, impact, d, -1, NULL);
    }
  _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Plain - title", NULL, NULL);
  csv = imp_export_csv (map, NULL);
  records = read_csv (csv);
  g_assert_cmpuint (records->len, ==, 1 + G_N_ELEMENTS (titles) + 1);

  for (guint r = 1; r < records->len; r++)
    {
      const char * const *row = records->pdata[r];

      /* No cell of the row starts as a formula would. */
      for (guint f = 0; row[f] != NULL; f++)
        if (row[f][0] != '\0')
          g_assert_null (strchr ("=+-@\t", row[f][0]));

      if (g_str_equal (row[2], "Plain - title"))
        continue;
      g_assert_true (row[2][0] == '\'');
      g_assert_true (g_strv_contains (titles, row[2] + 1));
    }
}

/* Nothing in a title becomes a Mermaid directive or a line of its own. */
static void
test_mermaid_no_directive_from_titles (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *mmd = NULL;
  g_auto(GStrv) lines = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);
  ImpNode *d = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE,
                                 "%%{init: {'theme':'dark'}}%%\nclick n1 call alert()", NULL, NULL);
  ImpNode *e = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE,
                                 "line\xe2\x80\xa8separator\rreturn\x0bvt", NULL, NULL);

  _imp_map_link (map, impact, d, -1, NULL);
  _imp_map_link (map, impact, e, -1, NULL);
  _imp_map_set_title (map, "%%{init: {\"theme\": \"forest\"}}%%\nflowchart TB");
  mmd = imp_export_mermaid (map, NULL);

  g_assert_null (strstr (mmd, "%%{"));
  g_assert_null (strstr (mmd, "\xe2\x80\xa8"));
  g_assert_null (strstr (mmd, "\r"));
  g_assert_null (strstr (mmd, "\x0b"));
  lines = g_strsplit (mmd, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "%% title: "));
  g_assert_cmpstr (lines[1], ==, "flowchart LR");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "click"));
      g_assert_false (g_str_has_prefix (lines[i], "flowchart TB"));
    }
}

static GHashTable *
node_ids (ImpMap *map)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    g_hash_table_add (ids, g_strdup (imp_map_get_node (map, i)->id));

  return ids;
}

static void
test_branch_scope (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) alone = NULL;
  g_autoptr(ImpMap) with_context = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GBytes) md = NULL;
  ImpExportOptions options;
  ImpNode *root = NULL;

  /* the first impact with more than one child: a real branch */
  for (guint i = 0; i < imp_map_get_n_nodes (map) && root == NULL; i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level == IMP_LEVEL_IMPACT && node->children->len > 1)
        root = node;
    }
  g_assert_nonnull (root);

  imp_export_options_init (&options);
  options.scope = IMP_EXPORT_SCOPE_BRANCH_ALONE;
  options.branch_id = root->id;
  alone = imp_export_scope_map (map, &options, &error);
  g_assert_no_error (error);

  /* exactly the node and its descendants */
  ids = node_ids (alone);
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      gboolean in_branch = node == root || imp_map_is_ancestor (map, root, node);

      g_assert_cmpint (in_branch, ==, g_hash_table_contains (ids, node->id));
    }
  g_assert_cmpuint (imp_map_get_n_nodes (alone), ==, g_hash_table_size (ids));
  g_clear_pointer (&ids, g_hash_table_unref);

  /* with context: plus the ancestors, nothing else */
  options.scope = IMP_EXPORT_SCOPE_BRANCH;
  with_context = imp_export_scope_map (map, &options, &error);
  g_assert_no_error (error);
  ids = node_ids (with_context);
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      gboolean wanted = node == root || imp_map_is_ancestor (map, root, node) ||
                        imp_map_is_ancestor (map, node, root);

      g_assert_cmpint (wanted, ==, g_hash_table_contains (ids, node->id));
    }
  g_assert_cmpuint (imp_map_get_n_nodes (with_context), <, imp_map_get_n_nodes (map));
  g_assert_cmpuint (imp_map_get_n_nodes (with_context), >, imp_map_get_n_nodes (alone));

  /* the original is untouched */
  g_assert_nonnull (imp_map_lookup_node (map, "n13"));

  /* and the files made from it hold the branch alone */
  options.scope = IMP_EXPORT_SCOPE_BRANCH_ALONE;
  options.format = IMP_EXPORT_MARKDOWN;
  md = export_bytes (map, &options);
  g_assert_cmpuint (count_lines_with (g_bytes_get_data (md, NULL), ":** "), ==,
                    imp_map_get_n_nodes (alone));
}

static void
test_missing_branch_writes_nothing (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("branch.png");
  ImpExportOptions options;

  imp_export_options_init (&options);
  options.scope = IMP_EXPORT_SCOPE_BRANCH;
  options.branch_id = "ghost";
  g_assert_false (imp_export_to_path (map, path, &options, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_NO_SUCH_NODE);
  g_assert_nonnull (strstr (error->message, "ghost"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_with_dir (path);
}

static void
test_rect_scope_and_title_line (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) titled = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *texts = NULL;
  cairo_surface_t *a, *b;
  ImpExportOptions options;
  int plain_height;

  imp_export_options_init (&options);
  options.scope = IMP_EXPORT_SCOPE_RECT;
  options.rect = (ImpRect) { 10, 20, 300, 150 };
  options.scale = 2;
  png = export_bytes (map, &options);
  a = png_from_bytes (png);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, 300);
  cairo_surface_destroy (a);

  imp_export_options_init (&options);
  plain = export_bytes (map, &options);
  _imp_map_set_title (map, "Ticket sales");
  options.title_line = TRUE;
  options.date = "2026-11-23";
  titled = export_bytes (map, &options);
  a = png_from_bytes (plain);
  b = png_from_bytes (titled);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), <, cairo_image_surface_get_height (b));
  plain_height = cairo_image_surface_get_height (a);
  cairo_surface_destroy (a);

  /* A title at its limit stays on its line, inside the picture: the right
   * margin of the heading band is bare background, as wide as the left. */
  {
    g_autoptr(GString) title = g_string_new (NULL);
    g_autoptr(GBytes) long_titled = NULL;
    const ImpTheme *theme = imp_theme_get (options.theme);
    cairo_surface_t *c;
    int band = cairo_image_surface_get_height (b) - plain_height;

    while (title->len < imp_limits_max_chars (IMP_TEXT_OTHER) - 10)
      g_string_append (title, "Sell more tickets ");
    _imp_map_set_title (map, title->str);
    long_titled = export_bytes (map, &options);
    c = png_from_bytes (long_titled);
    g_assert_cmpint (cairo_image_surface_get_width (c), ==, cairo_image_surface_get_width (b));
    for (int y = 0; y < band; y++)
      for (int x = cairo_image_surface_get_width (c) - 16; x < cairo_image_surface_get_width (c);
           x++)
        g_assert_true (pixel_is_color (pixel_at (c, x, y), &theme->background, 2));
    cairo_surface_destroy (c);
    _imp_map_set_title (map, "Ticket sales");
  }
  cairo_surface_destroy (b);

  options.format = IMP_EXPORT_SVG;
  svg = export_bytes (map, &options);
  texts = svg_texts (svg, NULL);
  g_assert_nonnull (strstr (texts, "Ticket sales · 2026-11-23"));
}

/* A PDF keeps each cross-link one dashed curve: a map where every impact
 * serves every actor (870 cross-links, some running the map's height) makes
 * a small file, not thousands of flattened pieces per link, and the links
 * are still there. */
static void
test_pdf_cross_links_stay_curves (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Sell more tickets");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) sparse_pdf = NULL;
  ImpNode *actors[30];
  ImpNode *impacts[30];
  ImpExportOptions options;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *a = g_strdup_printf ("Visitors %u", i);
      g_autofree char *b = g_strdup_printf ("Buy without calling %u", i);

      actors[i] = _imp_map_add_node (map, IMP_LEVEL_ACTOR, a, NULL, NULL);
      impacts[i] = _imp_map_add_node (map, IMP_LEVEL_IMPACT, b, NULL, NULL);
      g_assert_nonnull (_imp_map_link (map, imp_map_get_node (map, 0), actors[i], -1, NULL));
      g_assert_nonnull (_imp_map_link (map, actors[i], impacts[i], -1, NULL));
    }

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_PDF;
  sparse_pdf = export_bytes (map, &options);

  for (guint i = 0; i < 30; i++)
    for (guint j = 0; j < 30; j++)
      if (i != j)
        g_assert_nonnull (_imp_map_link (map, actors[i], impacts[j], -1, NULL));
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 60 + 870);
  pdf = export_bytes (map, &options);

  g_assert_cmpuint (g_bytes_get_size (pdf), >, g_bytes_get_size (sparse_pdf));
  g_assert_cmpuint (g_bytes_get_size (pdf) - g_bytes_get_size (sparse_pdf), <, 870 * 100);
}

static void
test_themes (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  const ImpTheme *print = imp_theme_get (IMP_THEME_PRINT);
  const ImpTheme *projector = imp_theme_get (IMP_THEME_PROJECTOR);
  const ImpTheme *light = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) light_scene = imp_scene_new (map, light);
  g_autoptr(ImpScene) projector_scene = imp_scene_new (map, projector);
  g_autoptr(GBytes) svg = NULL;
  ImpExportOptions options;
  ImpThemeKind kind;
  ImpRect r1, r2;

  g_assert_cmpint (print->kind, ==, IMP_THEME_PRINT);
  g_assert_cmpint (projector->kind, ==, IMP_THEME_PROJECTOR);
  g_assert_true (imp_theme_kind_from_string ("print", &kind));
  g_assert_cmpint (kind, ==, IMP_THEME_PRINT);
  g_assert_true (imp_theme_kind_from_string ("projector", &kind));
  g_assert_cmpint (kind, ==, IMP_THEME_PROJECTOR);
  g_assert_cmpstr (imp_theme_kind_to_string (IMP_THEME_PROJECTOR), ==, "projector");

  /* print: white page, black text, no shadow */
  g_assert_cmpfloat (print->background.red + print->background.green + print->background.blue,
                     ==, 3.0);
  g_assert_cmpfloat (print->text.red + print->text.green + print->text.blue, ==, 0.0);
  g_assert_cmpfloat (print->shadow.alpha, ==, 0.0);
  imp_export_options_init (&options);
  options.format = IMP_EXPORT_SVG;
  options.theme = IMP_THEME_PRINT;
  svg = export_bytes (map, &options);
  g_assert_nonnull (strstr (g_bytes_get_data (svg, NULL), "fill=\"#ffffff\""));
  {
    g_autoptr(GBytes) light_svg = NULL;
    guint shadows_print, shadows_light;

    options.theme = IMP_THEME_LIGHT;
    light_svg = export_bytes (map, &options);
    /* the light theme draws translucent black shadow layers under every card */
    shadows_print = count_occurrences (g_bytes_get_data (svg, NULL),
                                       "fill=\"#000000\" fill-opacity");
    shadows_light = count_occurrences (g_bytes_get_data (light_svg, NULL),
                                       "fill=\"#000000\" fill-opacity");
    g_assert_cmpuint (shadows_light, >=, shadows_print + imp_map_get_n_nodes (map));
  }

  /* projector: bigger type makes bigger cards */
  g_assert_cmpfloat (projector->title_size, >=, light->title_size * 1.25);
  g_assert_cmpfloat (projector->small_size, >=, light->small_size * 1.25);
  g_assert_true (imp_scene_get_card_rect (light_scene, imp_map_get_node (map, 1), &r1));
  g_assert_true (imp_scene_get_card_rect (projector_scene, imp_map_get_node (map, 1), &r2));
  g_assert_cmpfloat (r2.width * r2.height, >, r1.width * r1.height);

  /* every theme exports */
  for (int k = IMP_THEME_LIGHT; k <= IMP_THEME_PROJECTOR; k++)
    {
      g_autoptr(GBytes) png = NULL;

      imp_export_options_init (&options);
      options.theme = k;
      png = export_bytes (map, &options);
      g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
    }
}

static void
test_preview_fits_the_box (void)
{
  g_autoptr(ImpMap) map = load_example (examples[1]);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  ImpExportOptions options;
  double width = 0, height = 0;
  int w, h;

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_MARKDOWN;
  options.scale = 4;
  png = imp_export_render_preview (map, &options, 400, 300, &width, &height, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ImpScene) scene = imp_scene_new (map, imp_theme_get (IMP_THEME_LIGHT));
    ImpRect bounds;

    /* the size the real export will have, in map units */
    imp_scene_get_bounds (scene, &bounds);
    g_assert_cmpfloat_with_epsilon (width, bounds.width + 2 * options.padding, 0.001);
    g_assert_cmpfloat_with_epsilon (height, bounds.height + 2 * options.padding, 0.001);
  }
  image = png_from_bytes (png);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  g_assert_cmpint (w, <=, 401);
  g_assert_cmpint (h, <=, 301);
  g_assert_true (w >= 399 || h >= 299);
  cairo_surface_destroy (image);

  /* a PDF on a page previews as the page: A4 landscape proportions */
  options.format = IMP_EXPORT_PDF;
  options.page = IMP_EXPORT_PAGE_A4;
  options.landscape = TRUE;
  g_clear_pointer (&png, g_bytes_unref);
  png = imp_export_render_preview (map, &options, 400, 400, NULL, NULL, &error);
  g_assert_no_error (error);
  image = png_from_bytes (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==,
                   (int) ceil (400 * 595.276 / 841.89));
  /* the corner is white paper, inside the margin */
  g_assert_cmphex (pixel_at (image, 1, 1), ==, 0xffffffff);
  cairo_surface_destroy (image);

  options.scope = IMP_EXPORT_SCOPE_BRANCH;
  options.branch_id = "no-such-node";
  g_clear_pointer (&png, g_bytes_unref);
  png = imp_export_render_preview (map, &options, 400, 300, NULL, NULL, &error);
  g_assert_null (png);
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_NO_SUCH_NODE);
}

static void
test_format_names (void)
{
  ImpExportFormat format;
  ImpExportPage page;

  for (guint i = 0; i < IMP_N_EXPORT_FORMATS; i++)
    {
      g_autofree char *path = g_strconcat ("/tmp/x", imp_export_format_extension (i), NULL);

      g_assert_true (imp_export_format_from_path (path, &format, NULL));
      g_assert_cmpint (format, ==, i);
      g_assert_true (imp_export_format_from_string (imp_export_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (imp_export_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, IMP_EXPORT_MARKDOWN);
  g_assert_true (imp_export_format_from_string ("mmd", &format));
  g_assert_cmpint (format, ==, IMP_EXPORT_MERMAID);
  g_assert_false (imp_export_format_from_string ("docx", &format));
  g_assert_true (imp_export_page_from_string ("16:9", &page));
  g_assert_cmpint (page, ==, IMP_EXPORT_PAGE_16_9);
  g_assert_true (imp_export_page_from_string ("A4", &page));
  g_assert_cmpint (page, ==, IMP_EXPORT_PAGE_A4);
  g_assert_false (imp_export_page_from_string ("a5", &page));
}

static void
test_markdown_votes (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *md = NULL;

  _imp_map_set_node_votes (map, imp_map_get_node (map, 1), 1);
  _imp_map_set_node_votes (map, imp_map_get_node (map, 2), 12);
  md = imp_export_markdown (map, NULL);
  g_assert_nonnull (strstr (md, "- **Actor:** Occasional visitors — 1 vote\n"));
  g_assert_nonnull (strstr (md, "- **Impact:** Buy tickets without calling — 12 votes\n"));
  g_assert_null (strstr (md, "Cut call-centre ticket calls by 40% —"));
}

/* The Markdown ranks live work with its sentences and says "eliminated". */
static void
test_markdown_ranking (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *md = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);
  ImpIce top = { 10, 10, 10 }, low = { 2, 2, 2 };
  ImpNode *kept = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Kept idea", NULL, NULL);
  ImpNode *gone = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Dropped idea", NULL, NULL);
  ImpNode *spike = _imp_map_add_node (map, IMP_LEVEL_EXPERIMENT, "Spike", NULL, NULL);
  g_autoptr(ImpExperiment) e = imp_experiment_new ();

  _imp_map_link (map, impact, kept, -1, NULL);
  _imp_map_link (map, impact, gone, -1, NULL);
  _imp_map_link (map, gone, spike, -1, NULL);
  g_assert_true (_imp_map_set_node_ice (map, kept, &low, NULL));
  g_assert_true (_imp_map_set_node_ice (map, gone, &top, NULL));
  e->status = IMP_EXPERIMENT_DONE;
  e->result = IMP_RESULT_REFUTES;
  _imp_map_set_node_experiment (map, spike, e);

  md = imp_export_markdown (map, NULL);
  g_assert_nonnull (strstr (md, "- **Deliverable:** Dropped idea — ICE 10 × 10 × 10 = 1000 — "
                                "**eliminated**\n"));
  g_assert_nonnull (strstr (md, "\n## Ranking by ICE\n\n1. Kept idea — ICE 8\n   - We build "));
  g_assert_null (strstr (md, "2. "));
  g_assert_nonnull (strstr (md, "\n## Set aside\n\n- Dropped idea — eliminated: its "
                                "experiments refute it\n"));
}

/* An untested, low-confidence assumption is in the text exports too, with
 * its status and confidence, on tree links and cross-links alike. */
static void
test_text_exports_show_assumptions (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *md = NULL;
  g_autofree char *mmd = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);
  ImpNode *actor = imp_map_get_node (map, 1);
  ImpNode *second = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Second impact", NULL, NULL);
  ImpNode *page = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Sales page", NULL, NULL);
  ImpLink *tree, *cross;

  _imp_map_link (map, actor, second, -1, NULL);
  tree = _imp_map_link (map, impact, page, -1, NULL);
  cross = _imp_map_link (map, second, page, -1, NULL);
  _imp_map_set_link_assumption (map, tree, "Visitors trust a card form");
  _imp_map_set_link_confidence (map, tree, IMP_CONFIDENCE_LOW);
  _imp_map_set_link_confidence (map, cross, IMP_CONFIDENCE_MEDIUM);

  md = imp_export_markdown (map, NULL);
  g_assert_nonnull (strstr (md, "- Assumption: Visitors trust a card form (untested, low "
                                "confidence)\n"));
  g_assert_nonnull (strstr (md, "- Second impact → Sales page (untested, medium confidence)\n"));

  mmd = imp_export_mermaid (map, NULL);
  g_assert_nonnull (strstr (mmd, "|\"Visitors trust a card form (untested, low confidence)\"|"));
  g_assert_nonnull (strstr (mmd, " -.->|\"(untested, medium confidence)\"| "));
}

static void
test_markdown_parking_lot (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *md = imp_export_markdown (map, NULL);

  g_assert_null (strstr (md, "Parking lot"));
  g_clear_pointer (&md, g_free);

  _imp_map_insert_parked (map, -1, "Offline mode");
  _imp_map_insert_parked (map, -1, "Ask *teachers* first");
  md = imp_export_markdown (map, NULL);
  /* The last section, one item an idea, in order, escaped like titles. */
  g_assert_true (g_str_has_suffix (md, "\n## Parking lot\n\n"
                                       "- Offline mode\n"
                                       "- Ask \\*teachers\\* first\n"));
}

/* A deliverable's delivery status shows in the Mermaid chart, in words in
 * its label, and in the CSV's last two columns; shipped and dropped work
 * is set aside in the CSV's ranking, unranked, like the analysis's. */
static void
test_delivery_in_text_exports (void)
{
  g_autoptr(ImpMap) map = small_map ();
  g_autofree char *mmd = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  ImpNode *impact = imp_map_get_node (map, 2);
  ImpNode *shipped, *planned, *dropped;
  ImpDelivery s = { IMP_DELIVERY_SHIPPED, "2026-02-09" };
  ImpDelivery p = { IMP_DELIVERY_PLANNED, "" };
  ImpDelivery d = { IMP_DELIVERY_DROPPED, "" };
  ImpIce top = { 10, 10, 10 }, mid = { 5, 5, 5 };

  shipped = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Upload pipeline", NULL, NULL);
  planned = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Slack app", NULL, NULL);
  dropped = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Fax line", NULL, NULL);
  _imp_map_link (map, impact, shipped, -1, NULL);
  _imp_map_link (map, impact, planned, -1, NULL);
  _imp_map_link (map, impact, dropped, -1, NULL);
  g_assert_true (_imp_map_set_node_delivery (map, shipped, &s, NULL));
  g_assert_true (_imp_map_set_node_delivery (map, planned, &p, NULL));
  g_assert_true (_imp_map_set_node_delivery (map, dropped, &d, NULL));
  g_assert_true (_imp_map_set_node_ice (map, shipped, &top, NULL));
  g_assert_true (_imp_map_set_node_ice (map, planned, &mid, NULL));

  mmd = imp_export_mermaid (map, NULL);
  {
    g_autofree char *id = imp_export_mermaid_id (shipped->id);
    g_autofree char *line = g_strdup_printf ("  %s[\"Upload pipeline · Shipped 2026-02-09\"]"
                                             ":::deliverable\n", id);

    g_assert_nonnull (strstr (mmd, line));
  }
  {
    g_autofree char *id = imp_export_mermaid_id (planned->id);
    g_autofree char *line = g_strdup_printf ("  %s[\"Slack app · Planned\"]:::deliverable\n", id);

    g_assert_nonnull (strstr (mmd, line));
  }

  csv = imp_export_csv (map, NULL);
  rows = g_strsplit (csv, "\r\n", -1);
  /* The planned one is the only live work: ranked first, though the
   * shipped one scores higher. */
  g_assert_true (g_str_has_prefix (rows[1], "1,"));
  g_assert_nonnull (strstr (rows[1], ",Slack app,5,5,5,125,"));
  g_assert_true (g_str_has_suffix (rows[1], ",live,planned,"));
  g_assert_true (g_str_has_prefix (rows[2], ","));
  g_assert_nonnull (strstr (rows[2], ",Upload pipeline,10,10,10,1000,"));
  g_assert_true (g_str_has_suffix (rows[2], ",live,shipped,2026-02-09"));
  g_assert_true (g_str_has_prefix (rows[3], ","));
  g_assert_true (g_str_has_suffix (rows[3], "> Fax line,live,dropped,"));
  g_assert_cmpstr (rows[4], ==, "");
}

/* The light 16:9 PDF (issue 19) is the theme's background to the page's
 * edges, not the map's grey rectangle between white bands: a corner of the
 * page, outside the map, is the background's colour. */
static void
test_pdf_slide_background (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  g_autofree char *path = temp_path ("slide.pdf");
  g_autofree char *prefix = g_strconcat (path, "-page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(GError) error = NULL;
  const ImpColor *bg = &imp_theme_get (IMP_THEME_LIGHT)->background;
  const char *argv[] = { NULL, "-r", "20", "-png", "-singlefile", NULL, NULL, NULL };
  ImpExportOptions options;
  cairo_surface_t *image;
  const guint8 *data;
  guint32 pixel;
  int status = 0;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_PDF;
  options.page = IMP_EXPORT_PAGE_16_9;
  options.theme = IMP_THEME_LIGHT;
  g_assert_true (imp_export_to_path (map, path, &options, &error));
  g_assert_no_error (error);

  argv[0] = pdftoppm;
  argv[5] = path;
  argv[6] = prefix;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (image);
  /* Both corners at the left: inside the margin, outside any card. */
  for (int y = 0; y < cairo_image_surface_get_height (image);
       y += cairo_image_surface_get_height (image) - 1)
    {
      pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (image));
      g_assert_cmpint (ABS ((int) (pixel >> 16 & 0xff) - (int) round (bg->red * 255)), <=, 2);
      g_assert_cmpint (ABS ((int) (pixel >> 8 & 0xff) - (int) round (bg->green * 255)), <=, 2);
      g_assert_cmpint (ABS ((int) (pixel & 0xff) - (int) round (bg->blue * 255)), <=, 2);
    }
  cairo_surface_destroy (image);
  g_unlink (png);
  g_unlink (path);
}

/* --aspect 16:9 (issue 19): PNG and SVG pictures widened with background
 * to a slide's shape, the map centred, so they drop onto a slide without
 * empty corners. */
static void
test_aspect_for_slides (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  ImpExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *png_path = temp_path ("slide.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  const char *text, *view;
  double x, y, w, h;

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_SVG;
  options.aspect = 16.0 / 9.0;
  svg = export_bytes (map, &options);
  text = g_bytes_get_data (svg, NULL);
  view = strstr (text, "viewBox=\"");
  g_assert_nonnull (view);
  g_assert_cmpint (sscanf (view, "viewBox=\"%lf %lf %lf %lf\"", &x, &y, &w, &h), ==, 4);
  g_assert_cmpfloat_with_epsilon (w / h, 16.0 / 9.0, 0.01);
  g_assert_nonnull (strstr (text, "<rect"));

  options.format = IMP_EXPORT_PNG;
  g_assert_true (imp_export_to_path (map, png_path, &options, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat_with_epsilon (cairo_image_surface_get_width (image) /
                                  (double) cairo_image_surface_get_height (image),
                                  16.0 / 9.0, 0.01);
  cairo_surface_destroy (image);
  g_unlink (png_path);
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
  g_test_add_func ("/core/export/writes-like-a-save", test_export_writes_like_a_save);
  g_test_add_func ("/core/export/onto-folder-writes-nothing",
                   test_export_onto_folder_writes_nothing);
  g_test_add_func ("/core/export/format-names", test_format_names);
  g_test_add_func ("/core/export/png-records-dpi", test_png_records_dpi);
  g_test_add_func ("/core/export/png-transparent-corners", test_png_transparent_corners);
  g_test_add_func ("/core/export/svg-has-every-title-as-text", test_svg_has_every_title_as_text);
  g_test_add_func ("/core/export/svg-rasterises-to-cards", test_svg_rasterises_to_cards);
  g_test_add_func ("/core/export/pdf-one-page-with-text", test_pdf_one_page_with_text);
  g_test_add_func ("/core/export/mermaid-every-node-and-link-once",
                   test_mermaid_has_every_node_and_link_once);
  g_test_add_func ("/core/export/mermaid-ids-and-labels-are-safe",
                   test_mermaid_ids_and_labels_are_safe);
  g_test_add_func ("/core/export/mermaid-ids-distinct-for-punctuation",
                   test_mermaid_ids_distinct_for_punctuation);
  g_test_add_func ("/core/export/markdown-every-node-and-link-once",
                   test_markdown_has_every_node_and_link_once);
  g_test_add_func ("/core/export/csv-ranks-deliverables-with-chain",
                   test_csv_ranks_deliverables_with_chain);
  g_test_add_func ("/core/export/csv-quotes-lone-carriage-return",
                   test_csv_quotes_lone_carriage_return);
  g_test_add_func ("/core/export/branch-scope", test_branch_scope);
  g_test_add_func ("/core/export/missing-branch-writes-nothing",
                   test_missing_branch_writes_nothing);
  g_test_add_func ("/core/export/rect-scope-and-title-line", test_rect_scope_and_title_line);
  g_test_add_func ("/core/export/pdf-cross-links-stay-curves", test_pdf_cross_links_stay_curves);
  g_test_add_func ("/core/export/pdf-slide-background", test_pdf_slide_background);
  g_test_add_func ("/core/export/aspect-for-slides", test_aspect_for_slides);
  g_test_add_func ("/core/export/themes", test_themes);
  g_test_add_func ("/core/export/markdown-votes", test_markdown_votes);
  g_test_add_func ("/core/export/markdown-ranking", test_markdown_ranking);
  g_test_add_func ("/core/export/text-exports-show-assumptions",
                   test_text_exports_show_assumptions);
  g_test_add_func ("/core/export/markdown-parking-lot", test_markdown_parking_lot);
  g_test_add_func ("/core/export/preview-fits-the-box", test_preview_fits_the_box);
  g_test_add_func ("/core/export/markdown-progress-never-nan", test_markdown_progress_never_nan);
  g_test_add_func ("/core/export/csv-neutralises-formulas", test_csv_neutralises_formulas);
  g_test_add_func ("/core/export/delivery-in-text-exports", test_delivery_in_text_exports);
  g_test_add_func ("/core/export/mermaid-no-directive-from-titles",
                   test_mermaid_no_directive_from_titles);
  g_test_add_func ("/core/export/png-tiles-meet-without-seams",
                   test_png_tiles_meet_without_seams);
  g_test_add_func ("/core/export/png-larger-than-cairo-allows",
                   test_png_larger_than_cairo_allows);
  g_test_add_func ("/core/export/png-tall-map-bounded-memory",
                   test_png_tall_map_bounded_memory);

  return g_test_run ();
}
