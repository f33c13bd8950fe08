/* test-poster.c
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
#include "imp-analysis.h"
#include "imp-format.h"
#include "imp-handout.h"
#include "imp-poster.h"

/* Posters as a facilitator tapes them to the wall: the PDF read back with
 * poppler's tools, as a printer shop would. */

static const char * const examples[] = {
  "edtech-weekly-learners.impactmap",
  "onboarding-nrr.impactmap",
  "ticket-sales-call-centre.impactmap",
};

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

/* Writes the poster of @map to a new temporary PDF; returns its path. */
static char *
write_poster (ImpMap                 *map,
              const ImpPosterOptions *poster)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("imp-poster-XXXXXX", &error);
  char *path;
  ImpExportOptions options;

  g_assert_no_error (error);
  path = g_build_filename (dir, "poster.pdf", NULL);
  imp_export_options_init (&options);
  options.format = IMP_EXPORT_PDF;
  options.theme = IMP_THEME_PRINT;
  options.poster = poster;
  g_assert_true (imp_export_to_path (map, path, &options, &error));
  g_assert_no_error (error);

  return path;
}

static void
remove_poster (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    {
      g_test_skip (error->message);
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages, *size;

  g_assert_nonnull (info);
  pages = strstr (info, "Pages:");
  size = strstr (info, "Page size:");
  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);

  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };

  return run (argv);
}

/* @text with every space and line break taken out, and hyphens: pdftotext
 * joins "self-" and "service" across a line break as "selfservice". */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
test_page_counts_and_sizes (void)
{
  g_autoptr(ImpMap) map = load_example (examples[2]);
  const struct {
    ImpPosterSize  size;
    guint          columns, rows;
    ImpPosterSheet sheet;
    gboolean       landscape;
    gboolean       overview;
    guint          pages;
    double         width, height;
  } cases[] = {
    { IMP_POSTER_FIT, 1, 1, IMP_POSTER_SHEET_A4, FALSE, TRUE, 1, 595.3, 841.9 },
    { IMP_POSTER_TILES, 3, 2, IMP_POSTER_SHEET_A4, FALSE, TRUE, 7, 595.3, 841.9 },
    { IMP_POSTER_TILES, 3, 2, IMP_POSTER_SHEET_A4, FALSE, FALSE, 6, 595.3, 841.9 },
    { IMP_POSTER_TILES, 2, 2, IMP_POSTER_SHEET_LETTER, TRUE, TRUE, 5, 792, 612 },
    { IMP_POSTER_TILES, 3, 1, IMP_POSTER_SHEET_A3, FALSE, TRUE, 4, 841.9, 1190.6 },
    /* a grid the wide map cannot fill is cut down: 4 × 2 of 4 × 3 */
    { IMP_POSTER_TILES, 4, 3, IMP_POSTER_SHEET_A4, FALSE, TRUE, 9, 595.3, 841.9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      ImpPosterOptions poster;
      double width, height;

      imp_poster_options_init (&poster);
      poster.size = cases[i].size;
      poster.columns = cases[i].columns;
      poster.rows = cases[i].rows;
      poster.sheet = cases[i].sheet;
      poster.landscape = cases[i].landscape;
      poster.overview = cases[i].overview;
      path = write_poster (map, &poster);
      g_assert_cmpuint (pdf_pages (path, &width, &height), ==, cases[i].pages);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.6);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.6);
      remove_poster (path);
    }

  /* by size: an A1 poster of this wide map, landscape, on A3 or A4 sheets */
  {
    const ImpPosterSheet sheets[] = { IMP_POSTER_SHEET_A3, IMP_POSTER_SHEET_A4 };
    const guint expected[] = { 9, 16 };  /* 4 × 2 A3 and 5 × 3 A4 sheets, and the overview */

    for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(ImpPoster) plan = NULL;
        g_autofree char *path = NULL;
        ImpPosterOptions poster;
        ImpExportOptions options;
        double width, height, picture_width;

        imp_poster_options_init (&poster);
        poster.size = IMP_POSTER_A1;
        poster.sheet = sheets[i];
        imp_export_options_init (&options);
        plan = imp_poster_new (map, &options, &poster, &error);
        g_assert_no_error (error);
        imp_poster_get_picture_size (plan, &picture_width, NULL, NULL);
        /* 841 mm wide, the long side of A1 */
        g_assert_cmpfloat_with_epsilon (picture_width, 841 * 72 / 25.4, 1);

        path = write_poster (map, &poster);
        g_assert_cmpuint (pdf_pages (path, &width, &height), ==, expected[i]);
        g_assert_cmpuint (imp_poster_get_n_pages (plan), ==, expected[i]);
        remove_poster (path);
      }
  }
}

/* Every line of card text lies whole inside at least one sheet, and so
 * every title can be read off some sheet. */
static void
test_no_text_line_cut (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(ImpMap) map = load_example (examples[e]);
      const guint tilings[][2] = { { 2, 2 }, { 3, 2 }, { 4, 3 }, { 5, 1 } };

      for (guint t = 0; t < G_N_ELEMENTS (tilings); t++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ImpPoster) plan = NULL;
          g_autoptr(GArray) lines = NULL;
          ImpPosterOptions poster;
          ImpExportOptions options;
          guint columns, rows;

          imp_poster_options_init (&poster);
          poster.size = IMP_POSTER_TILES;
          poster.columns = tilings[t][0];
          poster.rows = tilings[t][1];
          imp_export_options_init (&options);
          plan = imp_poster_new (map, &options, &poster, &error);
          g_assert_no_error (error);
          imp_poster_get_grid (plan, &columns, &rows);
          g_assert_cmpuint (columns, <=, tilings[t][0]);
          g_assert_cmpuint (rows, <=, tilings[t][1]);

          lines = imp_poster_get_text_lines (plan);
          g_assert_cmpuint (lines->len, >=, imp_map_get_n_nodes (map));
          for (guint i = 0; i < lines->len; i++)
            {
              const ImpRect *line = &g_array_index (lines, ImpRect, i);
              gboolean whole = FALSE;

              for (guint r = 0; r < rows && !whole; r++)
                for (guint c = 0; c < columns && !whole; c++)
                  {
                    ImpRect part;

                    imp_poster_get_sheet_part (plan, c, r, &part);
                    whole = line->x >= part.x - 0.5 && line->y >= part.y - 0.5 &&
                            line->x + line->width <= part.x + part.width + 0.5 &&
                            line->y + line->height <= part.y + part.height + 0.5;
                  }
              if (!whole)
                g_error ("%s, %u × %u: a line at %.0f, %.0f (%.0f wide) is cut", examples[e],
                         tilings[t][0], tilings[t][1], line->x, line->y, line->width);
            }
        }
    }
}

static void
test_titles_and_labels_on_sheets (void)
{
  g_autoptr(ImpMap) map = load_example (examples[2]);
  g_autofree char *path = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *squeezed = NULL;
  ImpPosterOptions poster;
  double width, height;
  guint pages;

  imp_poster_options_init (&poster);
  poster.size = IMP_POSTER_TILES;
  poster.columns = 3;
  poster.rows = 2;
  path = write_poster (map, &poster);
  pages = pdf_pages (path, &width, &height);
  g_assert_cmpuint (pages, ==, 7);

  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_page_text (path, page);

      g_assert_nonnull (text);
      if (page == 1)
        {
          /* the overview names the tiling and every sheet */
          g_assert_nonnull (strstr (text, "3 × 2 sheets"));
          g_assert_nonnull (strstr (text, "C2"));
        }
      else
        {
          guint sheet = page - 2;
          g_autofree char *name = imp_poster_sheet_name (sheet % 3, sheet / 3);
          g_autofree char *label = g_strdup_printf ("%s: row %u, column %u", name,
                                                    sheet / 3 + 1, sheet % 3 + 1);
          g_autofree char *count = g_strdup_printf ("sheet %u of 7", page);

          g_assert_nonnull (strstr (text, label));
          g_assert_nonnull (strstr (text, count));
          g_string_append (all, text);
        }
    }

  squeezed = squeeze (all->str);
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      g_autofree char *title = squeeze (imp_map_get_node (map, i)->title);

      if (strstr (squeezed, title) == NULL)
        g_error ("no sheet shows “%s”", imp_map_get_node (map, i)->title);
    }

  remove_poster (path);
}

static cairo_surface_t *
render_page (const char *path,
             guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strdup_printf ("%s.png", prefix);
  const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", "-f", number, "-l",
                         number, path, prefix, NULL };
  g_autofree char *out = run (argv);
  cairo_surface_t *image;

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (png);

  return image;
}

static guint32
pixel (cairo_surface_t *image,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (image);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (image) + x * 4);
}

/* Neighbouring sheets print the same strip of the map where they overlap:
 * compared pixel by pixel at 72 dpi, so one pixel is one point. */
static void
test_neighbours_overlap (void)
{
  g_autoptr(ImpMap) map = load_example (examples[2]);
  g_autoptr(ImpPoster) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ImpPosterOptions poster;
  ImpExportOptions options;
  ImpRect area, left, right;
  cairo_surface_t *a, *b;
  double shared, total = 0;
  guint64 n = 0, inked = 0;

  imp_poster_options_init (&poster);
  poster.size = IMP_POSTER_TILES;
  poster.columns = 2;
  poster.rows = 1;
  poster.overlap = 20;
  poster.crop_marks = FALSE;
  poster.labels = FALSE;
  poster.overview = FALSE;
  imp_export_options_init (&options);
  options.theme = IMP_THEME_PRINT;
  plan = imp_poster_new (map, &options, &poster, &error);
  g_assert_no_error (error);
  imp_poster_get_printed_area (plan, &area);
  imp_poster_get_sheet_part (plan, 0, 0, &left);
  imp_poster_get_sheet_part (plan, 1, 0, &right);
  shared = left.x + left.width - right.x;
  /* at least the overlap asked for */
  g_assert_cmpfloat (shared, >=, 20 * 72 / 25.4 - 0.01);

  path = write_poster (map, &poster);
  a = render_page (path, 1);
  b = render_page (path, 2);

  /* inside the strip, a pixel in from its edges (antialiasing) */
  for (int y = (int) ceil (area.y) + 1; y < (int) (area.y + area.height) - 1; y++)
    for (int x = 1; x < (int) shared - 1; x++)
      {
        int xa = (int) round (area.x + right.x - left.x) + x;
        int xb = (int) round (area.x) + x;
        guint32 p = pixel (a, xa, y), q = pixel (b, xb, y);
        int d = 0;

        for (int shift = 0; shift < 24; shift += 8)
          d = MAX (d, ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)));
        total += d;
        n++;
        if ((p & 0xffffff) != 0xffffff)
          inked++;
      }

  g_test_message ("%" G_GUINT64_FORMAT " pixels compared, %" G_GUINT64_FORMAT
                  " inked, mean difference %.2f", n, inked, total / n);
  g_assert_cmpuint (inked, >, n / 50);   /* the strip holds part of the map */
  g_assert_cmpfloat (total / n, <, 6);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  remove_poster (path);
}

static void
test_bad_options_refused (void)
{
  g_autoptr(ImpMap) map = load_example (examples[0]);
  ImpExportOptions options;
  guint c, r;
  const struct {
    ImpPosterSize size;
    guint         columns, rows;
    double        overlap, margin;
  } cases[] = {
    { IMP_POSTER_TILES, 0, 2, 10, 10 },
    { IMP_POSTER_TILES, 51, 1, 10, 10 },
    { IMP_POSTER_FIT, 1, 1, -1, 10 },
    { IMP_POSTER_FIT, 1, 1, NAN, 10 },
    { IMP_POSTER_FIT, 1, 1, 10, 2 },
    { IMP_N_POSTER_SIZES, 1, 1, 10, 10 },
  };

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_PDF;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ImpPosterOptions poster;

      imp_poster_options_init (&poster);
      poster.size = cases[i].size;
      poster.columns = cases[i].columns;
      poster.rows = cases[i].rows;
      poster.overlap = cases[i].overlap;
      poster.margin = cases[i].margin;
      options.poster = &poster;
      g_assert_null (imp_export_to_bytes (map, &options, &error));
      g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION);
    }

  g_assert_true (imp_poster_parse_tiles ("3x2", &c, &r));
  g_assert_cmpuint (c, ==, 3);
  g_assert_cmpuint (r, ==, 2);
  g_assert_false (imp_poster_parse_tiles ("3x", &c, &r));
  g_assert_false (imp_poster_parse_tiles ("x2", &c, &r));
  g_assert_false (imp_poster_parse_tiles ("3x2x1", &c, &r));
  g_assert_false (imp_poster_parse_tiles ("-1x2", &c, &r));
  g_assert_false (imp_poster_parse_tiles ("99x2", &c, &r));
  {
    g_autofree char *aa = imp_poster_sheet_name (26, 0);
    g_autofree char *b2 = imp_poster_sheet_name (1, 1);

    g_assert_cmpstr (aa, ==, "AA1");
    g_assert_cmpstr (b2, ==, "B2");
  }
}

/* A page per actor, naming it, with the sentence of every deliverable
 * that reaches a goal through it. */
static void
test_handouts_per_actor (void)
{
  g_autoptr(ImpMap) map = load_example (examples[2]);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("imp-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handouts.pdf", NULL);
  ImpExportOptions options;
  GPtrArray *actors = g_ptr_array_new ();
  double width, height;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    if (imp_map_get_node (map, i)->level == IMP_LEVEL_ACTOR)
      g_ptr_array_add (actors, imp_map_get_node (map, i));
  g_assert_cmpuint (actors->len, >=, 2);

  imp_export_options_init (&options);
  options.format = IMP_EXPORT_PDF;
  options.handouts = IMP_HANDOUT_PER_ACTOR;
  g_assert_true (imp_export_to_path (map, path, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, actors->len);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 0.6);

  for (guint a = 0; a < actors->len; a++)
    {
      ImpNode *actor = actors->pdata[a];
      g_autofree char *text = pdf_page_text (path, a + 1);
      g_autofree char *page = squeeze (text);
      g_autofree char *title = squeeze (actor->title);

      g_assert_nonnull (strstr (page, title));
      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        {
          ImpNode *node = imp_map_get_node (map, i);
          g_autoptr(GArray) chains = NULL;

          if (node->level != IMP_LEVEL_DELIVERABLE)
            continue;
          chains = imp_analysis_get_chains (node);
          for (guint j = 0; j < chains->len; j++)
            {
              const ImpChain *chain = &g_array_index (chains, ImpChain, j);
              g_autofree char *sentence = NULL;
              g_autofree char *squeezed = NULL;

              if (chain->actor != actor)
                continue;
              sentence = imp_analysis_chain_sentence (chain);
              squeezed = squeeze (sentence);
              if (strstr (page, squeezed) == NULL)
                g_error ("the handout of “%s” lacks “%s”", actor->title, sentence);
            }
        }
    }

  g_ptr_array_unref (actors);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/poster/page-counts-and-sizes", test_page_counts_and_sizes);
  g_test_add_func ("/core/poster/no-text-line-cut", test_no_text_line_cut);
  g_test_add_func ("/core/poster/titles-and-labels-on-sheets", test_titles_and_labels_on_sheets);
  g_test_add_func ("/core/poster/neighbours-overlap", test_neighbours_overlap);
  g_test_add_func ("/core/poster/bad-options-refused", test_bad_options_refused);
  g_test_add_func ("/core/poster/handouts-per-actor", test_handouts_per_actor);

  return g_test_run ();
}
