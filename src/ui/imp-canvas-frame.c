/* imp-canvas-frame.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas-frame"

#include "config.h"

#include "imp-canvas-private.h"

/* The page frame: where a poster's sheets would break, drawn over the map
 * while the facilitator edits it (View ▸ Page Frame). The plan is the
 * core's (imp-poster.c), made again only when the scene changes. */

/**
 * imp_canvas_set_page_frame:
 * @self: the canvas
 * @poster: (nullable): the poster whose sheets to outline, or %NULL for none
 */
void
imp_canvas_set_page_frame (ImpCanvas              *self,
                           const ImpPosterOptions *poster)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  _imp_canvas_clear_page_frame (self);
  if (poster != NULL)
    self->page_frame = g_memdup2 (poster, sizeof *poster);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
imp_canvas_get_page_frame (ImpCanvas        *self,
                           ImpPosterOptions *poster)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), FALSE);

  if (self->page_frame == NULL)
    return FALSE;
  if (poster != NULL)
    *poster = *self->page_frame;

  return TRUE;
}

void
_imp_canvas_clear_page_frame (ImpCanvas *self)
{
  g_clear_pointer (&self->page_frame, g_free);
  g_clear_pointer (&self->page_frame_plan, imp_poster_free);
  self->page_frame_scene = NULL;
}

static ImpPoster *
ensure_plan (ImpCanvas *self)
{
  ImpExportOptions picture;

  if (self->page_frame_plan != NULL && self->page_frame_scene == self->scene &&
      self->page_frame_serial == _imp_scene_get_serial (self->scene))
    return self->page_frame_plan;

  g_clear_pointer (&self->page_frame_plan, imp_poster_free);
  imp_export_options_init (&picture);
  picture.format = IMP_EXPORT_PDF;
  picture.theme = self->theme_kind;
  picture.override_layout = TRUE;
  picture.layout = imp_layout_get_kind (imp_scene_get_layout (self->scene));
  self->page_frame_plan = imp_poster_new (self->map, &picture, self->page_frame, NULL);
  self->page_frame_scene = self->scene;
  self->page_frame_serial = _imp_scene_get_serial (self->scene);

  return self->page_frame_plan;
}

/* Draws the sheets' outlines and names on @cr, in map coordinates. */
void
_imp_canvas_snapshot_page_frame (ImpCanvas *self,
                                 cairo_t   *cr,
                                 double     zoom)
{
  ImpPoster *plan;
  ImpRect area;
  guint columns, rows;
  double scale;

  if (self->page_frame == NULL || self->scene == NULL || self->map == NULL ||
      (plan = ensure_plan (self)) == NULL)
    return;

  imp_poster_get_area (plan, &area);
  imp_poster_get_picture_size (plan, NULL, NULL, &scale);
  imp_poster_get_grid (plan, &columns, &rows);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.5 / zoom);
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        g_autofree char *name = imp_poster_sheet_name (c, r);
        ImpRect part;
        double x, y;

        imp_poster_get_sheet_part (plan, c, r, &part);
        x = area.x + part.x / scale;
        y = area.y + part.y / scale;
        cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.7);
        cairo_set_dash (cr, (double[]) { 6 / zoom, 4 / zoom }, 2, 0);
        cairo_rectangle (cr, x, y, part.width / scale, part.height / scale);
        cairo_stroke (cr);
        cairo_move_to (cr, x + 6 / zoom, y + 18 / zoom);
        cairo_set_font_size (cr, 14 / zoom);
        cairo_show_text (cr, name);
      }
  cairo_restore (cr);
}
