/* imp-poster.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-poster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "imp-export-private.h"
#include "imp-pdf-private.h"
#include "imp-layout-private.h"
#include "imp-poster.h"
#include "imp-scene-private.h"

/* Posters for the workshop wall: the picture a PDF export draws, cut into
 * sheets that overlap, with crop marks and a label on each, and a first
 * sheet that shows how they go together. The picture is laid out in
 * points from its top left corner; a sheet prints one rectangle of it
 * inside the paper's margin. Cuts are moved left (up) where they would
 * split a line of card text, so that every line is whole on some sheet. */

#define POINTS_PER_MM (72.0 / 25.4)

static const struct {
  const char *name;
  double      width;    /* mm, portrait */
  double      height;
} poster_sizes[IMP_N_POSTER_SIZES] = {
  [IMP_POSTER_FIT] = { "fit", 0, 0 },
  [IMP_POSTER_TILES] = { "tiles", 0, 0 },
  [IMP_POSTER_A0] = { "a0", 841, 1189 },
  [IMP_POSTER_A1] = { "a1", 594, 841 },
  [IMP_POSTER_A2] = { "a2", 420, 594 },
  [IMP_POSTER_A3] = { "a3", 297, 420 },
  [IMP_POSTER_TABLOID] = { "tabloid", 279.4, 431.8 },
};

static const struct {
  const char *name;
  double      width;    /* mm, portrait */
  double      height;
} sheets[] = {
  [IMP_POSTER_SHEET_A4] = { "a4", 210, 297 },
  [IMP_POSTER_SHEET_A3] = { "a3", 297, 420 },
  [IMP_POSTER_SHEET_LETTER] = { "letter", 215.9, 279.4 },
  [IMP_POSTER_SHEET_TABLOID] = { "tabloid", 279.4, 431.8 },
};

/* A line of text on the overview and the labels, in points. */
#define LABEL_SIZE    7.0
#define HEADING_SIZE 11.0

struct _ImpPoster
{
  ImpMap           *map;
  ImpScene         *scene;
  ImpExportOptions  picture;
  ImpPosterOptions  options;
  ImpRect           area;          /* the framed picture, map units */
  double            scale;         /* points per map unit */
  double            width;         /* the picture, points */
  double            height;
  double            page_width;    /* the paper, points */
  double            page_height;
  double            margin;        /* points */
  double            overlap;       /* points */
  GArray           *column_starts; /* double: where each column of sheets starts */
  GArray           *row_starts;
};

/**
 * imp_poster_options_init:
 *
 * One A4 portrait sheet with the whole map, 10 mm margins and overlap,
 * crop marks, labels and an overview once there is more than one sheet.
 */
void
imp_poster_options_init (ImpPosterOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->size = IMP_POSTER_FIT;
  options->columns = 1;
  options->rows = 1;
  options->sheet = IMP_POSTER_SHEET_A4;
  options->margin = 10;
  options->overlap = 10;
  options->crop_marks = TRUE;
  options->labels = TRUE;
  options->overview = TRUE;
}

/**
 * imp_poster_size_from_string:
 *
 * Returns: whether @name is "fit", "a0", "a1", "a2", "a3" or "tabloid"
 */
gboolean
imp_poster_size_from_string (const char    *name,
                             ImpPosterSize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  for (guint i = 0; name != NULL && i < IMP_N_POSTER_SIZES; i++)
    {
      if (i != IMP_POSTER_TILES && g_ascii_strcasecmp (name, poster_sizes[i].name) == 0)
        {
          *size = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * imp_poster_sheet_from_string:
 *
 * Returns: whether @name is "a4", "a3", "letter" or "tabloid"
 */
gboolean
imp_poster_sheet_from_string (const char     *name,
                              ImpPosterSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (sheets); i++)
    {
      if (g_ascii_strcasecmp (name, sheets[i].name) == 0)
        {
          *sheet = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * imp_poster_parse_tiles:
 *
 * Reads "COLSxROWS" ("3x2"), each from 1 to %IMP_POSTER_MAX_SHEETS.
 *
 * Returns: whether @text is such a pair
 */
gboolean
imp_poster_parse_tiles (const char *text,
                        guint      *columns,
                        guint      *rows)
{
  guint64 c, r;
  char *end;

  g_return_val_if_fail (columns != NULL && rows != NULL, FALSE);

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  c = g_ascii_strtoull (text, &end, 10);
  if (*end != 'x' && *end != 'X')
    return FALSE;
  text = end + 1;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  r = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || c < 1 || r < 1 || c > IMP_POSTER_MAX_SHEETS || r > IMP_POSTER_MAX_SHEETS)
    return FALSE;

  *columns = (guint) c;
  *rows = (guint) r;

  return TRUE;
}

/**
 * imp_poster_sheet_name:
 *
 * Returns: (transfer full): the name of the sheet in @column and @row,
 *   counted from 0: a letter for the column, a number for the row ("B2")
 */
char *
imp_poster_sheet_name (guint column,
                       guint row)
{
  char letters[8];
  int n = 0;

  /* A … Z, AA, AB, … as spreadsheets count */
  column++;
  while (column > 0 && n < (int) sizeof letters - 1)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  letters[n] = '\0';
  g_strreverse (letters);

  return g_strdup_printf ("%s%u", letters, row + 1);
}

typedef struct
{
  double start;
  double end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Where the sheets of one direction start along a picture @length long:
 * each shows @sheet of it, the next starting @overlap before its end, or
 * earlier where that end would cut one of @lines (spans of text). */
static GArray *
plan_cuts (double  length,
           double  sheet,
           double  overlap,
           GArray *lines)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (double));
  double s = 0;

  g_array_append_val (starts, s);
  while (s + sheet < length - 0.01)
    {
      double end = s + sheet;
      double next = end - overlap;

      for (guint i = 0; i < lines->len; i++)
        {
          const Span *line = &g_array_index (lines, Span, i);

          if (line->start >= end)
            break;
          /* A line the cut would cross starts the next sheet, unless it
           * started so early on this one that it cannot be helped. */
          if (line->end > end && line->start < next && line->start > s + sheet / 4)
            next = line->start - 1;
        }
      g_array_append_val (starts, next);
      s = next;
    }

  return starts;
}

static void
text_lines (ImpPoster *self,
            GArray    *across,
            GArray    *down)
{
  for (guint i = 0; i < _imp_scene_get_n_texts (self->scene); i++)
    {
      const ImpSceneText *text = _imp_scene_get_text (self->scene, i);
      Span x, y;

      if (text->text == NULL || *text->text == '\0')
        continue;
      x.start = (text->x - self->area.x) * self->scale;
      x.end = (text->x + text->width - self->area.x) * self->scale;
      y.start = (text->y - text->size - self->area.y) * self->scale;
      y.end = (text->y + text->size * 0.35 - self->area.y) * self->scale;
      if (across != NULL)
        g_array_append_val (across, x);
      if (down != NULL)
        g_array_append_val (down, y);
    }
  if (across != NULL)
    g_array_sort (across, compare_spans);
  if (down != NULL)
    g_array_sort (down, compare_spans);
}

/**
 * imp_poster_get_text_lines:
 *
 * Returns: (transfer full) (element-type ImpRect): every line of card
 *   text, in points of the picture
 */
GArray *
imp_poster_get_text_lines (ImpPoster *self)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (ImpRect));
  g_autoptr(GArray) across = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) down = g_array_new (FALSE, FALSE, sizeof (Span));

  g_return_val_if_fail (self != NULL, rects);

  for (guint i = 0; i < _imp_scene_get_n_texts (self->scene); i++)
    {
      const ImpSceneText *text = _imp_scene_get_text (self->scene, i);
      ImpRect r;

      if (text->text == NULL || *text->text == '\0')
        continue;
      r.x = (text->x - self->area.x) * self->scale;
      r.width = text->width * self->scale;
      r.y = (text->y - text->size - self->area.y) * self->scale;
      r.height = text->size * 1.35 * self->scale;
      g_array_append_val (rects, r);
    }

  return rects;
}

static void
sheet_size (const ImpPosterOptions *options,
            double                 *width,
            double                 *height)
{
  if (options->sheet == IMP_POSTER_SHEET_CUSTOM)
    {
      *width = options->sheet_width;
      *height = options->sheet_height;
      return;
    }

  *width = sheets[options->sheet].width * POINTS_PER_MM;
  *height = sheets[options->sheet].height * POINTS_PER_MM;
  if (options->landscape)
    {
      double swap = *width;

      *width = *height;
      *height = swap;
    }
}

static gboolean
check_poster_options (const ImpPosterOptions  *options,
                      GError                 **error)
{
  if ((guint) options->size >= IMP_N_POSTER_SIZES)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The poster size is unknown"));
      return FALSE;
    }
  if (options->size == IMP_POSTER_TILES &&
      (options->columns < 1 || options->rows < 1 ||
       options->columns > IMP_POSTER_MAX_SHEETS || options->rows > IMP_POSTER_MAX_SHEETS))
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("A poster is from 1 to %d sheets wide and high"), IMP_POSTER_MAX_SHEETS);
      return FALSE;
    }
  if (options->sheet > IMP_POSTER_SHEET_CUSTOM ||
      (options->sheet == IMP_POSTER_SHEET_CUSTOM &&
       (!isfinite (options->sheet_width) || !isfinite (options->sheet_height) ||
        options->sheet_width < 144 || options->sheet_height < 144 ||
        options->sheet_width > 14400 || options->sheet_height > 14400)))
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The sheet size is unknown or not between 2 and 200 inches a side"));
      return FALSE;
    }
  if (!isfinite (options->margin) || options->margin < 5 || options->margin > 30)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The sheet margin must be between 5 and 30 mm"));
      return FALSE;
    }
  if (!isfinite (options->overlap) || options->overlap < 0 || options->overlap > 50)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The overlap must be between 0 and 50 mm"));
      return FALSE;
    }

  return TRUE;
}

/* The sheets' cuts at the current scale. */
static void
plan (ImpPoster *self,
      double     printed_width,
      double     printed_height)
{
  g_autoptr(GArray) across = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) down = g_array_new (FALSE, FALSE, sizeof (Span));

  self->width = self->area.width * self->scale;
  self->height = self->area.height * self->scale;
  text_lines (self, across, down);
  g_clear_pointer (&self->column_starts, g_array_unref);
  g_clear_pointer (&self->row_starts, g_array_unref);
  self->column_starts = plan_cuts (self->width, printed_width, self->overlap, across);
  self->row_starts = plan_cuts (self->height, printed_height, self->overlap, down);
}

/**
 * imp_poster_new:
 * @map: the map
 * @picture: what picture to draw (scope, theme, layout, padding, title line)
 * @options: the poster's size, paper and marks
 * @error: return location for an error
 *
 * Plans the poster: the scale of the picture and where each sheet is cut.
 * A poster by size is as large as fits that size (turned to suit the
 * map's shape); a poster by tiles as large as fits the sheets, a little
 * smaller when moved cuts would need another sheet.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
ImpPoster *
imp_poster_new (ImpMap                  *map,
                const ImpExportOptions  *picture,
                const ImpPosterOptions  *options,
                GError                 **error)
{
  g_autoptr(ImpPoster) self = NULL;
  g_autoptr(ImpMap) scoped = NULL;
  double printed_width, printed_height;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);
  g_return_val_if_fail (picture != NULL && options != NULL, NULL);

  if (!_imp_export_check_options (picture, error) || !check_poster_options (options, error))
    return NULL;
  if (!(scoped = imp_export_scope_map (map, picture, error)))
    return NULL;

  self = g_new0 (ImpPoster, 1);
  self->map = g_steal_pointer (&scoped);
  self->picture = *picture;
  self->picture.branch_id = NULL;  /* the scoped map is the branch already */
  self->picture.date = g_strdup (picture->date);
  self->options = *options;
  self->scene = _imp_export_scene_new (self->map, &self->picture);
  _imp_export_get_area (self->scene, &self->picture, &self->area);

  sheet_size (options, &self->page_width, &self->page_height);
  self->margin = options->margin * POINTS_PER_MM;
  self->overlap = options->overlap * POINTS_PER_MM;
  printed_width = self->page_width - 2 * self->margin;
  printed_height = self->page_height - 2 * self->margin;
  if (self->overlap > MIN (printed_width, printed_height) / 3)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("An overlap of %g mm is more than a third of the sheet"), options->overlap);
      return NULL;
    }

  switch (options->size)
    {
    case IMP_POSTER_FIT:
      self->scale = MIN (printed_width / self->area.width, printed_height / self->area.height);
      plan (self, printed_width, printed_height);
      break;

    case IMP_POSTER_TILES:
      {
        double across = options->columns * printed_width - (options->columns - 1) * self->overlap;
        double down = options->rows * printed_height - (options->rows - 1) * self->overlap;

        self->scale = MIN (across / self->area.width, down / self->area.height);
        /* Moved cuts may need one more sheet: shrink until they fit. */
        for (guint i = 0; i < 40; i++)
          {
            plan (self, printed_width, printed_height);
            if (self->column_starts->len <= options->columns &&
                self->row_starts->len <= options->rows)
              break;
            self->scale *= 0.98;
          }
      }
      break;

    case IMP_POSTER_A0:
    case IMP_POSTER_A1:
    case IMP_POSTER_A2:
    case IMP_POSTER_A3:
    case IMP_POSTER_TABLOID:
    case IMP_N_POSTER_SIZES:
    default:
      {
        double w = poster_sizes[options->size].width * POINTS_PER_MM;
        double h = poster_sizes[options->size].height * POINTS_PER_MM;

        /* A wide map makes a landscape poster. */
        if (self->area.width > self->area.height)
          {
            double swap = w;

            w = h;
            h = swap;
          }
        self->scale = MIN (w / self->area.width, h / self->area.height);
        plan (self, printed_width, printed_height);
      }
      break;
    }

  if (self->column_starts->len * self->row_starts->len > 400)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_TOO_LARGE,
                   _("The poster would take %u × %u sheets, more than 400: choose a smaller "
                     "size or larger sheets"),
                   self->column_starts->len, self->row_starts->len);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
imp_poster_free (ImpPoster *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->scene);
  g_clear_object (&self->map);
  g_free ((char *) self->picture.date);
  g_clear_pointer (&self->column_starts, g_array_unref);
  g_clear_pointer (&self->row_starts, g_array_unref);
  g_free (self);
}

void
imp_poster_get_grid (ImpPoster *self,
                     guint     *columns,
                     guint     *rows)
{
  g_return_if_fail (self != NULL);

  if (columns != NULL)
    *columns = self->column_starts->len;
  if (rows != NULL)
    *rows = self->row_starts->len;
}

gboolean
imp_poster_has_overview (ImpPoster *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->options.overview && self->column_starts->len * self->row_starts->len > 1;
}

guint
imp_poster_get_n_pages (ImpPoster *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (imp_poster_has_overview (self) ? 1 : 0) +
         self->column_starts->len * self->row_starts->len;
}

void
imp_poster_get_page_size (ImpPoster *self,
                          double    *width,
                          double    *height)
{
  g_return_if_fail (self != NULL);

  *width = self->page_width;
  *height = self->page_height;
}

void
imp_poster_get_printed_area (ImpPoster *self,
                             ImpRect   *area)
{
  g_return_if_fail (self != NULL);

  *area = (ImpRect) { self->margin, self->margin, self->page_width - 2 * self->margin,
                      self->page_height - 2 * self->margin };
}

void
imp_poster_get_sheet_part (ImpPoster *self,
                           guint      column,
                           guint      row,
                           ImpRect   *part)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->column_starts->len && row < self->row_starts->len);

  part->x = g_array_index (self->column_starts, double, column);
  part->y = g_array_index (self->row_starts, double, row);
  part->width = self->page_width - 2 * self->margin;
  part->height = self->page_height - 2 * self->margin;
}

void
imp_poster_get_area (ImpPoster *self,
                     ImpRect   *area)
{
  g_return_if_fail (self != NULL);

  *area = self->area;
}

void
imp_poster_get_picture_size (ImpPoster *self,
                             double    *width,
                             double    *height,
                             double    *scale)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
  if (scale != NULL)
    *scale = self->scale;
}

/* One line of small text at (x, y), its top; right-aligned when @right. */
static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           gboolean    right,
           double      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int width;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
    }
  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, right ? x - width / (double) PANGO_SCALE : x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* The part @part of the picture (points) drawn into @target on the page. */
static void
draw_picture (ImpPoster     *self,
              cairo_t       *cr,
              const ImpRect *target,
              const ImpRect *part,
              double         zoom)
{
  ImpRect visible;

  cairo_save (cr);
  cairo_rectangle (cr, target->x, target->y, MIN (target->width, (self->width - part->x) * zoom),
                   MIN (target->height, (self->height - part->y) * zoom));
  cairo_clip (cr);
  cairo_translate (cr, target->x - part->x * zoom, target->y - part->y * zoom);
  cairo_scale (cr, self->scale * zoom, self->scale * zoom);
  cairo_translate (cr, -self->area.x, -self->area.y);
  visible = (ImpRect) { self->area.x + part->x / self->scale,
                        self->area.y + part->y / self->scale,
                        part->width / self->scale, part->height / self->scale };
  _imp_export_draw_part (self->scene, &self->picture, cr, &visible);
  cairo_restore (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Crop marks at the printed area's corners, and ticks in the margin where
 * the neighbouring sheets' parts begin and end: lay a trimmed sheet over
 * its neighbour so that its edge meets the ticks. */
static void
draw_marks (ImpPoster *self,
            cairo_t   *cr,
            guint      column,
            guint      row)
{
  ImpRect area, part;
  double m = self->margin, gap = 2, x0, y0, x1, y1;
  guint columns = self->column_starts->len, rows = self->row_starts->len;

  imp_poster_get_printed_area (self, &area);
  imp_poster_get_sheet_part (self, column, row, &part);
  x0 = area.x;
  y0 = area.y;
  x1 = area.x + area.width;
  y1 = area.y + area.height;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.4);
  line (cr, x0, y0 - gap, x0, y0 - m + gap);
  line (cr, x0 - gap, y0, x0 - m + gap, y0);
  line (cr, x1, y0 - gap, x1, y0 - m + gap);
  line (cr, x1 + gap, y0, x1 + m - gap, y0);
  line (cr, x0, y1 + gap, x0, y1 + m - gap);
  line (cr, x0 - gap, y1, x0 - m + gap, y1);
  line (cr, x1, y1 + gap, x1, y1 + m - gap);
  line (cr, x1 + gap, y1, x1 + m - gap, y1);
  cairo_stroke (cr);

  /* where the next column starts, and where the previous one ended */
  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  if (column + 1 < columns)
    {
      double x = x0 + g_array_index (self->column_starts, double, column + 1) - part.x;

      line (cr, x, y0 - gap, x, y0 - m / 2);
      line (cr, x, y1 + gap, x, y1 + m / 2);
    }
  if (column > 0)
    {
      double x = x0 + g_array_index (self->column_starts, double, column - 1) + part.width - part.x;

      line (cr, x, y0 - gap, x, y0 - m / 2);
      line (cr, x, y1 + gap, x, y1 + m / 2);
    }
  if (row + 1 < rows)
    {
      double y = y0 + g_array_index (self->row_starts, double, row + 1) - part.y;

      line (cr, x0 - gap, y, x0 - m / 2, y);
      line (cr, x1 + gap, y, x1 + m / 2, y);
    }
  if (row > 0)
    {
      double y = y0 + g_array_index (self->row_starts, double, row - 1) + part.height - part.y;

      line (cr, x0 - gap, y, x0 - m / 2, y);
      line (cr, x1 + gap, y, x1 + m / 2, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
sheet_label (guint column,
             guint row)
{
  g_autofree char *name = imp_poster_sheet_name (column, row);

  /* TRANSLATORS: the label on a poster sheet: "B2: row 2, column 2" */
  return g_strdup_printf (_("%s: row %u, column %u"), name, row + 1, column + 1);
}

static void
draw_label (ImpPoster *self,
            cairo_t   *cr,
            guint      column,
            guint      row,
            guint      page)
{
  g_autofree char *label = sheet_label (column, row);
  g_autofree char *count = NULL;
  const char *title = imp_map_get_title (self->map);
  double y = self->page_height - self->margin + (self->margin - LABEL_SIZE * 1.3) / 2;

  /* TRANSLATORS: on a poster sheet: the map's title, "sheet 3 of 7" */
  count = g_strdup_printf (_("%s · sheet %u of %u"), title != NULL ? title : "", page + 1,
                           imp_poster_get_n_pages (self));
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, label, self->margin + 6, y, LABEL_SIZE, TRUE, FALSE, 0);
  show_text (cr, count, self->page_width - self->margin - 6, y, LABEL_SIZE, FALSE, TRUE,
             self->page_width / 2);
  cairo_restore (cr);
}

static void
draw_overview (ImpPoster *self,
               cairo_t   *cr)
{
  guint columns = self->column_starts->len, rows = self->row_starts->len;
  const char *title = imp_map_get_title (self->map);
  g_autofree char *summary = NULL;
  ImpRect area, whole, target;
  double zoom, top;

  imp_poster_get_printed_area (self, &area);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, title != NULL && *title != '\0' ? title : _("Untitled map"), area.x, area.y,
             HEADING_SIZE, TRUE, FALSE, area.width);
  /* TRANSLATORS: on a poster's first sheet: sheets wide, high, the poster's
   * width and height in mm, the overlap in mm */
  summary = g_strdup_printf (_("%u × %u sheets, %.0f × %.0f mm, overlap %.0f mm. Trim the "
                               "margins along the crop marks where sheets meet; lay each sheet "
                               "over its neighbour so that its edge meets the red ticks."),
                             columns, rows, self->width / POINTS_PER_MM,
                             self->height / POINTS_PER_MM, self->options.overlap);
  {
    PangoLayout *layout = pango_cairo_create_layout (cr);
    PangoFontDescription *font = pango_font_description_from_string ("Sans");
    int height;

    pango_font_description_set_absolute_size (font, LABEL_SIZE * 1.2 * PANGO_SCALE);
    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
    pango_layout_set_width (layout, (int) (area.width * PANGO_SCALE));
    pango_layout_set_text (layout, summary, -1);
    cairo_move_to (cr, area.x, area.y + HEADING_SIZE * 1.6);
    pango_cairo_show_layout (cr, layout);
    pango_layout_get_size (layout, NULL, &height);
    top = area.y + HEADING_SIZE * 1.6 + height / (double) PANGO_SCALE + 8;
    g_object_unref (layout);
  }
  cairo_restore (cr);

  /* the whole picture, and the sheets over it */
  whole = (ImpRect) { 0, 0, self->width, self->height };
  zoom = MIN (area.width / self->width, (area.y + area.height - top) / self->height);
  target = (ImpRect) { area.x + (area.width - self->width * zoom) / 2, top,
                       self->width * zoom, self->height * zoom };
  draw_picture (self, cr, &target, &whole, zoom);

  cairo_save (cr);
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        g_autofree char *name = imp_poster_sheet_name (c, r);
        ImpRect part, cell;

        imp_poster_get_sheet_part (self, c, r, &part);
        cell = (ImpRect) { target.x + part.x * zoom, target.y + part.y * zoom,
                           MIN (part.width, self->width - part.x) * zoom,
                           MIN (part.height, self->height - part.y) * zoom };
        cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.9);
        cairo_set_line_width (cr, 0.8);
        cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
        cairo_stroke (cr);
        cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 1);
        show_text (cr, name, cell.x + 3, cell.y + 2, HEADING_SIZE, TRUE, FALSE, 0);
      }
  cairo_restore (cr);
}

/**
 * imp_poster_draw_page:
 * @self: the poster
 * @page: the page, from 0
 * @cr: where to draw, in points of the page
 *
 * Draws the overview or one sheet: its part of the picture inside the
 * margin, with crop marks and its label as the options ask.
 */
void
imp_poster_draw_page (ImpPoster *self,
                      guint      page,
                      cairo_t   *cr)
{
  guint columns, sheet, column, row;
  ImpRect area, part;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < imp_poster_get_n_pages (self));

  if (imp_poster_has_overview (self))
    {
      if (page == 0)
        {
          draw_overview (self, cr);
          return;
        }
      sheet = page - 1;
    }
  else
    {
      sheet = page;
    }

  columns = self->column_starts->len;
  column = sheet % columns;
  row = sheet / columns;

  imp_poster_get_printed_area (self, &area);
  imp_poster_get_sheet_part (self, column, row, &part);
  draw_picture (self, cr, &area, &part, 1.0);

  if (self->options.crop_marks && imp_poster_get_n_pages (self) > 1)
    draw_marks (self, cr, column, row);
  if (self->options.labels)
    draw_label (self, cr, column, row, page);
}

/**
 * imp_poster_to_pdf:
 *
 * Returns: (transfer full): the poster as a PDF, one page a sheet, or
 *   %NULL with @error set
 */
GBytes *
imp_poster_to_pdf (ImpPoster  *self,
                   GError    **error)
{
  ImpPdf pdf;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, NULL);

  cr = _imp_pdf_begin (&pdf, self->page_width, self->page_height, imp_map_get_title (self->map));
  for (guint page = 0; page < imp_poster_get_n_pages (self); page++)
    {
      cairo_save (cr);
      imp_poster_draw_page (self, page, cr);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  return _imp_pdf_end (&pdf, error);
}
