/* imp-render-links.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-render"

#include "config.h"

#include <math.h>

#include "imp-render-private.h"

/* A cross-link on a big map can run a million map units from one card to
 * another. Cairo flattens and dashes the whole of such a curve before it
 * clips, tens of thousands of dashes per frame. Here the curve is split in
 * halves, again and again, down to pieces flat within a tenth of a device
 * pixel; a piece whose hull misses the clip is skipped, and only its
 * length counts, to keep the dashes in step. The pieces depend on the
 * curve and the scale, never on the clip. */

#define FLATNESS_PX  0.1
#define MAX_DEPTH    24
#define MIN_DASH_PERIOD_PX 2.0

typedef struct
{
  double x[4];
  double y[4];
} Bezier;

typedef struct
{
  cairo_t       *cr;
  const ImpRect *clip;       /* already widened by the line's half width */
  double         tolerance;  /* map units */
  gboolean       dashed;
  double         dash[2];
  double         period;
  double         phase;      /* how far into the dash pattern, 0..period */
  gboolean       pen_down;   /* a subpath is open at the current point */
} Walk;

static void
split (const Bezier *b,
       Bezier       *left,
       Bezier       *right)
{
  for (int axis = 0; axis < 2; axis++)
    {
      const double *p = axis == 0 ? b->x : b->y;
      double *l = axis == 0 ? left->x : left->y;
      double *r = axis == 0 ? right->x : right->y;
      double p01 = (p[0] + p[1]) / 2, p12 = (p[1] + p[2]) / 2, p23 = (p[2] + p[3]) / 2;
      double p012 = (p01 + p12) / 2, p123 = (p12 + p23) / 2;
      double mid = (p012 + p123) / 2;

      l[0] = p[0]; l[1] = p01; l[2] = p012; l[3] = mid;
      r[0] = mid; r[1] = p123; r[2] = p23; r[3] = p[3];
    }
}

/* Both control points within @tolerance of the chord, and beside it rather
 * than beyond its ends. */
static gboolean
is_flat (const Bezier *b,
         double        tolerance)
{
  double dx = b->x[3] - b->x[0], dy = b->y[3] - b->y[0];
  double length2 = dx * dx + dy * dy;

  if (length2 < tolerance * tolerance)
    {
      for (int i = 1; i < 3; i++)
        {
          double ex = b->x[i] - b->x[0], ey = b->y[i] - b->y[0];

          if (ex * ex + ey * ey > tolerance * tolerance)
            return FALSE;
        }
      return TRUE;
    }

  for (int i = 1; i < 3; i++)
    {
      double ex = b->x[i] - b->x[0], ey = b->y[i] - b->y[0];
      double cross = ex * dy - ey * dx;
      double along = ex * dx + ey * dy;

      if (cross * cross > tolerance * tolerance * length2 || along < 0 || along > length2)
        return FALSE;
    }

  return TRUE;
}

static gboolean
hull_meets (const Bezier  *b,
            const ImpRect *clip)
{
  double x0 = MIN (MIN (b->x[0], b->x[1]), MIN (b->x[2], b->x[3]));
  double x1 = MAX (MAX (b->x[0], b->x[1]), MAX (b->x[2], b->x[3]));
  double y0 = MIN (MIN (b->y[0], b->y[1]), MIN (b->y[2], b->y[3]));
  double y1 = MAX (MAX (b->y[0], b->y[1]), MAX (b->y[2], b->y[3]));

  return x0 <= clip->x + clip->width && clip->x <= x1 &&
         y0 <= clip->y + clip->height && clip->y <= y1;
}

/* The length of the flattened piece: the sum of the chords of its leaves,
 * in the order a full walk visits them. */
static double
flat_length (const Bezier *b,
             double        tolerance,
             int           depth)
{
  Bezier left, right;

  if (depth >= MAX_DEPTH || is_flat (b, tolerance))
    return hypot (b->x[3] - b->x[0], b->y[3] - b->y[0]);

  split (b, &left, &right);

  return flat_length (&left, tolerance, depth + 1) + flat_length (&right, tolerance, depth + 1);
}

static void
advance_phase (Walk   *walk,
               double  distance)
{
  walk->phase = fmod (walk->phase + distance, walk->period);
}

/* The part of the segment inside @clip, as parameters 0 <= t0 <= t1 <= 1;
 * FALSE when none is. */
static gboolean
clip_segment (const ImpRect *clip,
              double         x0,
              double         y0,
              double         x1,
              double         y1,
              double        *t0,
              double        *t1)
{
  double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  double q[4] = { x0 - clip->x, clip->x + clip->width - x0,
                  y0 - clip->y, clip->y + clip->height - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        *t0 = MAX (*t0, q[i] / p[i]);
      else
        *t1 = MIN (*t1, q[i] / p[i]);
    }

  return *t0 <= *t1;
}

static void emit_dashes (Walk   *walk,
                         double  x0,
                         double  y0,
                         double  x1,
                         double  y1,
                         double  length,
                         double  done,
                         double  end);

/* One straight leaf, from where the walk is to (x1, y1). */
static void
emit (Walk   *walk,
      double  x0,
      double  y0,
      double  x1,
      double  y1)
{
  double length = hypot (x1 - x0, y1 - y0);
  double done = 0;

  if (!walk->dashed)
    {
      if (!walk->pen_down)
        cairo_move_to (walk->cr, x0, y0);
      cairo_line_to (walk->cr, x1, y1);
      walk->pen_down = TRUE;
      return;
    }

  if (length <= 0)
    return;

  /* A flat piece can still be thousands of dashes long: lay out only those
   * within the clip, and step over the rest. */
  if (walk->clip != NULL)
    {
      double t0 = 0, t1 = 1;

      if (!clip_segment (walk->clip, x0, y0, x1, y1, &t0, &t1))
        {
          advance_phase (walk, length);
          walk->pen_down = FALSE;
          return;
        }
      /* Dashes are cut where they start and end, never at the clip: a
       * dash cut elsewhere is a different shape, and antialiasing would
       * show it at the clip's edge. */
      if (t0 > 0)
        {
          double skip = t0 * length;
          double in = fmod (walk->phase + skip, walk->period);
          double start = in < walk->dash[0] ? skip - MIN (in, skip) : skip;

          advance_phase (walk, start);
          walk->pen_down = FALSE;
          done = start;
        }
      if (t1 < 1)
        {
          double end = t1 * length;
          double in = fmod (walk->phase + (end - done), walk->period);

          if (in < walk->dash[0])
            end = MIN (length, end + walk->dash[0] - in);
          emit_dashes (walk, x0, y0, x1, y1, length, done, end);
          if (end < length)
            {
              advance_phase (walk, length - end);
              walk->pen_down = FALSE;
            }
          return;
        }
    }

  emit_dashes (walk, x0, y0, x1, y1, length, done, length);
}

static void
emit_dashes (Walk   *walk,
             double  x0,
             double  y0,
             double  x1,
             double  y1,
             double  length,
             double  done,
             double  end)
{
  while (done < end)
    {
      gboolean on = walk->phase < walk->dash[0];
      double left = on ? walk->dash[0] - walk->phase : walk->period - walk->phase;
      double step = MIN (left, end - done);
      double t0 = done / length, t1 = (done + step) / length;

      if (on)
        {
          if (!walk->pen_down)
            cairo_move_to (walk->cr, x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0);
          cairo_line_to (walk->cr, x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1);
        }
      walk->pen_down = on && step < left;
      done += step;
      walk->phase += step;
      if (walk->phase >= walk->period - 1e-9)
        walk->phase = 0;
    }
}

static void
walk_piece (Walk         *walk,
            const Bezier *b,
            int           depth)
{
  Bezier left, right;

  if (walk->clip != NULL && !hull_meets (b, walk->clip))
    {
      if (walk->dashed)
        advance_phase (walk, flat_length (b, walk->tolerance, depth));
      walk->pen_down = FALSE;
      return;
    }

  if (depth >= MAX_DEPTH || is_flat (b, walk->tolerance))
    {
      emit (walk, b->x[0], b->y[0], b->x[3], b->y[3]);
      return;
    }

  split (b, &left, &right);
  walk_piece (walk, &left, depth + 1);
  walk_piece (walk, &right, depth + 1);
}

gboolean
_imp_render_is_long_link (cairo_t            *cr,
                          const ImpSceneLink *link,
                          const ImpRect      *clip,
                          double              scale)
{
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  double period = link->dash[0] + link->dash[1];
  gboolean inside = clip == NULL ||
                    (link->extent.x >= clip->x && link->extent.y >= clip->y &&
                     link->extent.x + link->extent.width <= clip->x + clip->width &&
                     link->extent.y + link->extent.height <= clip->y + clip->height);

  /* On paper (PDF, PostScript) a link wholly in the picture stays one curve
   * with cairo's own dashes: nothing of it is clipped, so no dash shifts, and the
   * file holds a curve instead of thousands of flat pieces. On pixels a
   * clipped render must paint exactly what a full one does (a tile of the
   * canvas, an export), so they always take the walk below. */
  if (inside && (target == CAIRO_SURFACE_TYPE_PDF || target == CAIRO_SURFACE_TYPE_PS) &&
      (link->dash[0] <= 0 || period * scale >= MIN_DASH_PERIOD_PX))
    return FALSE;

  /* Cairo lays dashes out along the part of a path it keeps after
   * clipping, so they would shift with the clip: dashed links always come
   * here, where they do not. */
  if (link->dash[0] > 0)
    return TRUE;

  return MAX (link->extent.width, link->extent.height) * scale > IMP_LONG_LINK_PX;
}

void
_imp_render_long_link (cairo_t            *cr,
                       const ImpSceneLink *link,
                       const ImpRect      *clip,
                       double              scale)
{
  Bezier b = {
    { link->x0, link->x1, link->x2, link->x3 },
    { link->y0, link->y1, link->y2, link->y3 },
  };
  Walk walk = {
    .cr = cr,
    .tolerance = FLATNESS_PX / scale,
    .dashed = link->dash[0] > 0,
    .dash = { link->dash[0], link->dash[1] },
    .period = link->dash[0] + link->dash[1],
  };
  double alpha = link->color.alpha;
  ImpRect wide;

  if (clip != NULL)
    {
      double pad = link->width / 2 + 1;

      wide = (ImpRect) { clip->x - pad, clip->y - pad, clip->width + 2 * pad,
                         clip->height + 2 * pad };
      walk.clip = &wide;
    }
  if (walk.dashed && !(walk.period > 0))
    walk.dashed = FALSE;

  /* Dashes finer than a couple of pixels cannot be told apart: such a line
   * is drawn solid, as light as its dashes would look on average. */
  if (walk.dashed && walk.period * scale < MIN_DASH_PERIOD_PX)
    {
      walk.dashed = FALSE;
      alpha *= walk.dash[0] / walk.period;
    }

  cairo_new_path (cr);
  walk_piece (&walk, &b, 0);

  cairo_set_source_rgba (cr, link->color.red, link->color.green, link->color.blue, alpha);
  cairo_set_line_width (cr, link->width);
  cairo_set_line_cap (cr, walk.dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
}
