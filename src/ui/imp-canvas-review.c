/* imp-canvas-review.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas-review"

#include "config.h"

#include <pango/pangocairo.h>

#include "imp-canvas-private.h"
#include "imp-review.h"

/* What changed since a review, drawn over the map: each card that changed
 * gets a dashed outline and a label above it that says how ("▲ +30 since
 * Q1", "Shipped, was Planned", "New since Q1"), so that nothing rests on
 * colour. The labels are view state, never exported. */

#define LABEL_FONT_PX 12.0
#define LABEL_PAD_X 6.0
#define LABEL_PAD_Y 3.0

/**
 * imp_canvas_set_review_changes:
 * @changes: (nullable) (element-type ImpReviewChange): what changed since a
 *   review (imp_review_diff()), or %NULL to show none
 *
 * Shows the changes of cards on the map; a removed card with a @parent is
 * drawn as a faint dashed ghost under that card, with its label; the
 * primary goal and removed cards without a parent are for the window to list.
 */
void
imp_canvas_set_review_changes (ImpCanvas *self,
                               GPtrArray *changes)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  g_clear_pointer (&self->review_labels, g_hash_table_unref);
  g_clear_pointer (&self->review_ghosts, g_hash_table_unref);
  if (changes != NULL)
    {
      self->review_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->review_ghosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < changes->len; i++)
        {
          const ImpReviewChange *c = g_ptr_array_index (changes, i);
          const char *old;

          if (c->kind == IMP_REVIEW_CHANGE_REMOVED && c->parent != NULL && c->label != NULL)
            {
              /* The ghosts by one card are one list, a line each. */
              old = g_hash_table_lookup (self->review_ghosts, c->parent);
              g_hash_table_insert (self->review_ghosts, g_strdup (c->parent),
                                   old != NULL ? g_strdup_printf ("%s\n%s", old, c->label)
                                               : g_strdup (c->label));
              continue;
            }
          if (c->kind == IMP_REVIEW_CHANGE_REMOVED || c->id == NULL || c->label == NULL)
            continue;
          /* Two changes of one card share its label. */
          old = g_hash_table_lookup (self->review_labels, c->id);
          g_hash_table_insert (self->review_labels, g_strdup (c->id),
                               old != NULL ? g_strdup_printf ("%s · %s", old, c->label)
                                           : g_strdup (c->label));
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * imp_canvas_get_review_label:
 *
 * Returns: (nullable): the text drawn by @node for what changed since the
 *   review shown, or %NULL
 */
const char *
imp_canvas_get_review_label (ImpCanvas *self,
                             ImpNode   *node)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  return self->review_labels != NULL ? g_hash_table_lookup (self->review_labels, node->id)
                                     : NULL;
}

/**
 * imp_canvas_get_review_ghost:
 *
 * Returns: (nullable): the labels of the removed cards drawn as ghosts
 *   under @node, a line each, or %NULL
 */
const char *
imp_canvas_get_review_ghost (ImpCanvas *self,
                             ImpNode   *node)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  return self->review_ghosts != NULL ? g_hash_table_lookup (self->review_ghosts, node->id)
                                     : NULL;
}

static void
rounded (cairo_t *cr,
         double   x,
         double   y,
         double   w,
         double   h,
         double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* @cr is in widget coordinates. */
void
_imp_canvas_snapshot_review (ImpCanvas *self,
                             cairo_t   *cr)
{
  const ImpTheme *theme;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  GHashTableIter iter;
  gpointer key, value;
  double zoom, ox, oy;
  int width, height;

  if (self->review_labels == NULL || self->review_ghosts == NULL || self->scene == NULL ||
      self->map == NULL)
    return;

  theme = _imp_canvas_get_theme (self);
  zoom = imp_viewport_get_zoom (self->viewport);
  ox = imp_viewport_get_offset_x (self->viewport);
  oy = imp_viewport_get_offset_y (self->viewport);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (font, LABEL_FONT_PX * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Removed cards first, under the card they hung by: a faint dashed
   * card with the text "Removed: …" in it, so no colour is needed. */
  g_hash_table_iter_init (&iter, self->review_ghosts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ImpNode *node = imp_map_lookup_node (self->map, key);
      ImpRect rect;
      double x, y, w;
      int pw, ph;

      if (node == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
        continue;
      x = rect.x * zoom + ox;
      y = (rect.y + rect.height) * zoom + oy + 10;
      w = MAX (rect.width * zoom, 120);
      pango_layout_set_width (layout, (int) ((w - 2 * LABEL_PAD_X) * PANGO_SCALE));
      pango_layout_set_text (layout, value, -1);
      pango_layout_get_pixel_size (layout, &pw, &ph);
      if (x > width || y > height || x + w < 0 || y + ph + 2 * LABEL_PAD_Y < 0)
        continue;
      cairo_save (cr);
      rounded (cr, x, y, w, ph + 2 * LABEL_PAD_Y, 6);
      cairo_set_source_rgba (cr, theme->background.red, theme->background.green,
                             theme->background.blue, 0.75);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue, 0.45);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_move_to (cr, x + LABEL_PAD_X, y + LABEL_PAD_Y);
      cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue, 0.6);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  pango_layout_set_width (layout, -1);

  g_hash_table_iter_init (&iter, self->review_labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ImpNode *node = imp_map_lookup_node (self->map, key);
      ImpRect rect;
      double x, y, w, h, lw, lh;
      int pw, ph;

      if (node == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
        continue;
      x = rect.x * zoom + ox;
      y = rect.y * zoom + oy;
      w = rect.width * zoom;
      h = rect.height * zoom;
      if (x > width || y > height + 40 || x + w < 0 || y + h < -40)
        continue;

      /* A dashed outline around the card... */
      cairo_save (cr);
      rounded (cr, x - 4, y - 4, w + 8, h + 8, 10);
      cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue, 0.85);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* ...and the label on its top edge, in the text colour with the
       * background's on it, readable on any card. */
      pango_layout_set_text (layout, value, -1);
      pango_layout_get_pixel_size (layout, &pw, &ph);
      lw = pw + 2 * LABEL_PAD_X;
      lh = ph + 2 * LABEL_PAD_Y;
      cairo_save (cr);
      rounded (cr, x, y - lh + 2, lw, lh, lh / 2);
      cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue, 0.92);
      cairo_fill (cr);
      cairo_move_to (cr, x + LABEL_PAD_X, y - lh + 2 + LABEL_PAD_Y);
      cairo_set_source_rgb (cr, theme->background.red, theme->background.green,
                            theme->background.blue);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
}
