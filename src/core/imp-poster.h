/* imp-poster.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "imp-export.h"

G_BEGIN_DECLS

/**
 * ImpPosterSize:
 * @IMP_POSTER_FIT: the whole map on one sheet
 * @IMP_POSTER_TILES: over a number of sheets wide × high
 * @IMP_POSTER_A0: as large as an A0 poster (841 × 1189 mm), and so on
 *
 * How large a poster is printed.
 */
typedef enum
{
  IMP_POSTER_FIT,
  IMP_POSTER_TILES,
  IMP_POSTER_A0,
  IMP_POSTER_A1,
  IMP_POSTER_A2,
  IMP_POSTER_A3,
  IMP_POSTER_TABLOID,
  IMP_N_POSTER_SIZES,
} ImpPosterSize;

/**
 * ImpPosterSheet:
 *
 * The paper a poster is printed on; %IMP_POSTER_SHEET_CUSTOM takes its
 * size from #ImpPosterOptions (a printer's page setup).
 */
typedef enum
{
  IMP_POSTER_SHEET_A4,
  IMP_POSTER_SHEET_A3,
  IMP_POSTER_SHEET_LETTER,
  IMP_POSTER_SHEET_TABLOID,
  IMP_POSTER_SHEET_CUSTOM,
} ImpPosterSheet;

struct _ImpPosterOptions
{
  ImpPosterSize  size;
  guint          columns;       /* TILES: sheets wide, 1..50 */
  guint          rows;          /* TILES: sheets high, 1..50 */
  ImpPosterSheet sheet;
  gboolean       landscape;     /* the sheet's long side horizontal */
  double         sheet_width;   /* CUSTOM: points, as printed (turned already) */
  double         sheet_height;
  double         margin;        /* mm of paper around what is printed, 5..30 */
  double         overlap;       /* mm that neighbouring sheets share, 0..50 */
  gboolean       crop_marks;    /* and the marks where sheets meet */
  gboolean       labels;        /* "B2: row 2, column 2" on each sheet */
  gboolean       overview;      /* a first sheet with the whole map and the tiling */
};

#define IMP_POSTER_MAX_SHEETS 50

/**
 * ImpPoster:
 *
 * The plan of a poster: which part of the picture goes on which sheet.
 * The picture is the one a PDF export of the same #ImpExportOptions draws.
 */
typedef struct _ImpPoster ImpPoster;

void        imp_poster_options_init      (ImpPosterOptions        *options);
gboolean    imp_poster_size_from_string  (const char              *name,
                                          ImpPosterSize           *size);
gboolean    imp_poster_sheet_from_string (const char              *name,
                                          ImpPosterSheet          *sheet);
gboolean    imp_poster_parse_tiles       (const char              *text,
                                          guint                   *columns,
                                          guint                   *rows);

ImpPoster  *imp_poster_new               (ImpMap                  *map,
                                          const ImpExportOptions  *picture,
                                          const ImpPosterOptions  *options,
                                          GError                 **error);
void        imp_poster_free              (ImpPoster               *self);
/* Pages: the overview first (when there is one), then the sheets row by row. */
guint       imp_poster_get_n_pages       (ImpPoster               *self);
void        imp_poster_get_grid          (ImpPoster               *self,
                                          guint                   *columns,
                                          guint                   *rows);
gboolean    imp_poster_has_overview      (ImpPoster               *self);
/* The page's size in points. */
void        imp_poster_get_page_size     (ImpPoster               *self,
                                          double                  *width,
                                          double                  *height);
/* Where on its page a sheet prints the picture (points), and which part of
 * the picture that is, in points from the picture's top left corner. */
void        imp_poster_get_printed_area  (ImpPoster               *self,
                                          ImpRect                 *area);
void        imp_poster_get_sheet_part    (ImpPoster               *self,
                                          guint                    column,
                                          guint                    row,
                                          ImpRect                 *part);
/* The framed picture's area, in map units. */
void        imp_poster_get_area          (ImpPoster               *self,
                                          ImpRect                 *area);
/* The picture's size in points, and points per map unit. */
void        imp_poster_get_picture_size  (ImpPoster               *self,
                                          double                  *width,
                                          double                  *height,
                                          double                  *scale);
/* Every line of card text, in picture points. */
GArray     *imp_poster_get_text_lines    (ImpPoster               *self);
/* "B2" */
char       *imp_poster_sheet_name        (guint                    column,
                                          guint                    row);
/* Draws page @page on @cr, whose user space is the page in points. */
void        imp_poster_draw_page         (ImpPoster               *self,
                                          guint                    page,
                                          cairo_t                 *cr);
GBytes     *imp_poster_to_pdf            (ImpPoster               *self,
                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpPoster, imp_poster_free)

G_END_DECLS
