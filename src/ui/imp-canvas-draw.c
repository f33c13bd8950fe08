/* imp-canvas-draw.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-canvas-private.h"

/* Drawing */

static void
append_rounded_rect (GtkSnapshot    *snapshot,
                     double          x,
                     double          y,
                     double          width,
                     double          height,
                     double          radius,
                     const GdkRGBA  *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

/* A one-pixel line from (@x0, @y0) straight down half-way, then on to
 * (@x1, @y1). */
static void
append_leader (GtkSnapshot   *snapshot,
               double         x0,
               double         y0,
               double         x1,
               double         y1,
               const GdkRGBA *color)
{
  double left = MIN (x0, x1) - 1, top = MIN (y0, y1) - 1;
  double mid = (y0 + y1) / 2;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (left, top,
                                                                fabs (x1 - x0) + 2,
                                                                fabs (y1 - y0) + 2));

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x0, mid);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* Narrowest room, in pixels, a column name is drawn in at all; below it
 * the accent dot alone marks the column. */
#define HEADER_MIN_NAME_WIDTH 39.0
/* The smallest size column names shrink to before one would be cut. */
#define HEADER_MIN_SIZE 9.0

/* Column names in bold capitals with a little tracking, at @size pixels,
 * laid out with hint metrics off like the cards, so a name measures the
 * same wherever it is drawn. */
PangoLayout *
_imp_canvas_create_header_layout (ImpCanvas *self,
                                  double     size)
{
  PangoContext *context = gtk_widget_create_pango_context (GTK_WIDGET (self));
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font;
  PangoAttrList *attrs;
  PangoLayout *layout;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  layout = pango_layout_new (context);
  font = pango_font_description_copy (pango_context_get_font_description (context));
  g_object_unref (context);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/* The size every column name is drawn at, at the canvas's zoom:
 * the theme's (larger at the projector) unless a name would not fit over
 * its column at this zoom, then smaller for all of them alike, down to
 * HEADER_MIN_SIZE. @cut: (out) (optional): whether some name is still too
 * long at that size, or a column too narrow for any name (then a legend
 * names the levels instead). */
double
_imp_canvas_fit_header_size (ImpCanvas *self,
                             gboolean  *cut)
{
  const ImpTheme *theme = _imp_canvas_get_theme (self);
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  double zoom = imp_viewport_get_zoom (self->viewport);
  double base = theme->kind == IMP_THEME_PROJECTOR ? 20 : 13;
  double ratio = 1.0, size;
  double dot = 8, gap = 8;
  gboolean too_narrow = FALSE;
  g_autoptr(PangoLayout) layout = _imp_canvas_create_header_layout (self, base);

  if (cut != NULL)
    *cut = FALSE;

  for (guint i = 0; i < imp_scene_get_n_columns (self->scene); i++)
    {
      g_autofree char *label = NULL;
      ImpLevel level;
      double col_x, col_width, avail;
      int text_width;

      imp_scene_get_column (self->scene, i, &level, &col_x, &col_width);
      avail = (col_width + IMP_LAYOUT_COLUMN_GAP * 0.8) * zoom - 16;
      if (avail < dot + gap + HEADER_MIN_NAME_WIDTH)
        {
          too_narrow = TRUE;
          continue;
        }

      label = g_utf8_strup (imp_vocabulary_level_name (vocabulary, level), -1);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (text_width > 0)
        ratio = MIN (ratio, (avail - dot - gap) / text_width);
    }

  size = MAX (HEADER_MIN_SIZE, floor (base * ratio * 4) / 4);
  if (cut != NULL)
    *cut = too_narrow || base * ratio < HEADER_MIN_SIZE;

  return size;
}

/* The column names of a map zoomed out too far for them to sit over their
 * columns: each level named once in a row across the band, centred over
 * the map, with a thin line in its accent down to each of its columns. */
static void
snapshot_header_legend (ImpCanvas   *self,
                        GtkSnapshot *snapshot,
                        int          width)
{
  const ImpTheme *theme = _imp_canvas_get_theme (self);
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  GdkRGBA text = _imp_canvas_to_rgba (&theme->header_text);
  g_autoptr(PangoLayout) layout =
    _imp_canvas_create_header_layout (self, theme->kind == IMP_THEME_PROJECTOR ? 15 : 11);
  double zoom = imp_viewport_get_zoom (self->viewport);
  double height = IMP_CANVAS_HEADER_HEIGHT;
  double dot = 8, gap = 6, spacing = 18;
  double name_x[IMP_N_LEVELS] = { 0, };
  int name_width[IMP_N_LEVELS] = { 0, };
  gboolean shown[IMP_N_LEVELS] = { FALSE, };
  double total = 0, map_x0 = G_MAXDOUBLE, map_x1 = -G_MAXDOUBLE, left;
  int text_height = 0;
  guint n_shown = 0;

  for (guint i = 0; i < imp_scene_get_n_columns (self->scene); i++)
    {
      ImpLevel level;
      double col_x, col_width, x0, x1;

      imp_scene_get_column (self->scene, i, &level, &col_x, &col_width);
      imp_viewport_map_to_widget (self->viewport, col_x, 0, &x0, NULL);
      x1 = x0 + col_width * zoom;
      map_x0 = MIN (map_x0, x0);
      map_x1 = MAX (map_x1, x1);
      if (!shown[level])
        {
          g_autofree char *label = g_utf8_strup (imp_vocabulary_level_name (vocabulary, level), -1);

          pango_layout_set_text (layout, label, -1);
          pango_layout_get_pixel_size (layout, &name_width[level], &text_height);
          shown[level] = TRUE;
          total += (n_shown > 0 ? spacing : 0) + dot + gap + name_width[level];
          n_shown++;
        }
    }

  left = CLAMP ((map_x0 + map_x1 - total) / 2, 8, MAX (8, width - 8 - total));
  for (guint level = 0; level < IMP_N_LEVELS; level++)
    {
      g_autofree char *label = NULL;
      GdkRGBA accent;

      if (!shown[level])
        continue;

      accent = _imp_canvas_to_rgba (&theme->level_accent[level]);
      name_x[level] = left + dot / 2;
      append_rounded_rect (snapshot, left, 10 + (text_height - dot) / 2, dot, dot, dot / 2,
                           &accent);
      label = g_utf8_strup (imp_vocabulary_level_name (vocabulary, level), -1);
      pango_layout_set_text (layout, label, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left + dot + gap, 10));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
      left += dot + gap + name_width[level] + spacing;
    }

  /* Leaders from each name's dot down to its columns' accent rules. */
  for (guint i = 0; i < imp_scene_get_n_columns (self->scene); i++)
    {
      ImpLevel level;
      double col_x, col_width, x0, x1, cx, top = 10 + text_height + 2;
      GdkRGBA accent;

      imp_scene_get_column (self->scene, i, &level, &col_x, &col_width);
      imp_viewport_map_to_widget (self->viewport, col_x, 0, &x0, NULL);
      x1 = x0 + MAX (col_width * zoom, 2);
      cx = (x0 + x1) / 2;
      accent = _imp_canvas_to_rgba (&theme->level_accent[level]);
      append_rounded_rect (snapshot, x0, height - 3, x1 - x0, 3, 1, &accent);
      accent.alpha *= 0.6;
      /* A vertical drop from the name, then a slant to the column. */
      append_leader (snapshot, name_x[level], top, cx, height - 3, &accent);
    }
}

/* The sticky band naming each column, drawn over the map: labels follow
 * their columns sideways but stay at the top, and stay on screen as long as
 * part of their column does. */
static void
snapshot_headers (ImpCanvas   *self,
                  GtkSnapshot *snapshot,
                  int          width)
{
  const ImpTheme *theme = _imp_canvas_get_theme (self);
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  GdkRGBA band = _imp_canvas_to_rgba (&theme->header_background);
  GdkRGBA text = _imp_canvas_to_rgba (&theme->header_text);
  GdkRGBA rule = _imp_canvas_to_rgba (&theme->text_dim);
  g_autoptr(PangoLayout) layout = NULL;
  double zoom = imp_viewport_get_zoom (self->viewport);
  double height = IMP_CANVAS_HEADER_HEIGHT;
  guint n_columns = imp_scene_get_n_columns (self->scene);

  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rule.alpha *= 0.35;
  gtk_snapshot_append_color (snapshot, &rule, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  {
    gboolean cut = FALSE;
    double size = _imp_canvas_fit_header_size (self, &cut);

    /* Too far out for names over their columns: a legend names each level
     * once, with a leader down to its columns. */
    if (cut && n_columns > 0)
      {
        snapshot_header_legend (self, snapshot, width);
        return;
      }
    layout = _imp_canvas_create_header_layout (self, size);
  }

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *label = NULL;
      ImpLevel level;
      GdkRGBA accent, column_text;
      double col_x, col_width;
      double x0, x1;
      double dot = 8, gap = 8;
      double avail;
      double group_width;
      double ideal, left;
      int text_width, text_height;

      imp_scene_get_column (self->scene, i, &level, &col_x, &col_width);
      imp_viewport_map_to_widget (self->viewport, col_x, 0, &x0, NULL);
      x1 = x0 + col_width * zoom;

      if (x1 <= 0 || x0 >= width)
        continue;

      accent = _imp_canvas_to_rgba (&theme->level_accent[level]);

      /* Levels still to be revealed are named, faintly. */
      column_text = text;
      if (self->reveal_level >= 0 && (int) level > self->reveal_level)
        {
          accent.alpha *= 0.3;
          column_text.alpha *= 0.35;
        }

      /* An accent rule under the column ties the name to its cards. */
      append_rounded_rect (snapshot, x0, height - 3, x1 - x0, 3, 1.5, &accent);

      /* Names may spill into the gap between columns, never further. */
      avail = (col_width + IMP_LAYOUT_COLUMN_GAP * 0.8) * zoom - 16;
      if (avail < dot)
        continue;

      label = g_utf8_strup (imp_vocabulary_level_name (vocabulary, level), -1);
      pango_layout_set_text (layout, label, -1);
      pango_layout_set_width (layout, -1);

      if (avail >= dot + gap + HEADER_MIN_NAME_WIDTH)
        {
          /* Only a name that is too long even at the smallest size is cut. */
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          if (text_width > avail - dot - gap)
            {
              pango_layout_set_width (layout, (int) ((avail - dot - gap) * PANGO_SCALE));
              pango_layout_get_pixel_size (layout, &text_width, &text_height);
            }
          group_width = dot + gap + text_width;
        }
      else
        {
          /* Too narrow for a name: the dot alone still marks the column. */
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          text_width = 0;
          group_width = dot;
        }

      /* Centred over the column, but sticky: a column partly scrolled out
       * keeps its name on screen until the column itself pushes it out. */
      ideal = (x0 + x1 - group_width) / 2;
      left = MAX (ideal, 8);
      left = MIN (left, MAX (ideal, x1 - group_width));
      left = MIN (left, width - 8 - group_width);
      left = MAX (left, MIN (ideal, x0));

      append_rounded_rect (snapshot,
                           left, (height - dot) / 2 - 1, dot, dot, dot / 2,
                           &accent);

      if (text_width > 0)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (left + dot + gap,
                                                        (int) ((height - text_height) / 2 - 1)));
          gtk_snapshot_append_layout (snapshot, layout, &column_text);
          gtk_snapshot_restore (snapshot);
        }
    }
}

/* The down layout's sticky strip naming each row at the left: labels
 * follow their rows up and down and stay on screen while part of their row
 * does. */
static void
snapshot_row_headers (ImpCanvas   *self,
                      GtkSnapshot *snapshot,
                      int          height)
{
  const ImpTheme *theme = _imp_canvas_get_theme (self);
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  GdkRGBA band = _imp_canvas_to_rgba (&theme->header_background);
  GdkRGBA text = _imp_canvas_to_rgba (&theme->header_text);
  GdkRGBA rule = _imp_canvas_to_rgba (&theme->text_dim);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  PangoFontDescription *font;
  double zoom = imp_viewport_get_zoom (self->viewport);
  double width = IMP_CANVAS_ROW_HEADER_WIDTH;
  double dot = 8, gap = 8;

  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rule.alpha *= 0.35;
  gtk_snapshot_append_color (snapshot, &rule, &GRAPHENE_RECT_INIT (width - 1, 0, 1, height));

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, (theme->kind == IMP_THEME_PROJECTOR ? 20 : 13) *
                                                  PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_width (layout, (int) ((width - 16 - dot - gap - 8) * PANGO_SCALE));

  for (guint i = 0; i < imp_scene_get_n_columns (self->scene); i++)
    {
      const ImpLayoutBand *row = imp_scene_get_band (self->scene, i);
      g_autofree char *label = NULL;
      GdkRGBA accent, row_text;
      double y0, y1, ideal, top;
      int text_width, text_height;

      imp_viewport_map_to_widget (self->viewport, 0, row->rect.y, NULL, &y0);
      y1 = y0 + row->rect.height * zoom;
      if (y1 <= 0 || y0 >= height)
        continue;

      accent = _imp_canvas_to_rgba (&theme->level_accent[row->level]);
      row_text = text;
      if (self->reveal_level >= 0 && (int) row->level > self->reveal_level)
        {
          accent.alpha *= 0.3;
          row_text.alpha *= 0.35;
        }

      /* An accent rule beside the row ties the name to its cards. */
      append_rounded_rect (snapshot, width - 3, y0, 3, MAX (y1 - y0, 3), 1.5, &accent);

      label = g_utf8_strup (imp_vocabulary_level_name (vocabulary, row->level), -1);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);

      /* Centred on the row, but sticky, like the column names. */
      ideal = (y0 + y1 - text_height) / 2;
      top = MAX (ideal, 8);
      top = MIN (top, MAX (ideal, y1 - text_height));
      top = MIN (top, height - 8 - text_height);
      top = MAX (top, MIN (ideal, y0));

      append_rounded_rect (snapshot, 12, top + (text_height - dot) / 2, dot, dot, dot / 2,
                           &accent);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12 + dot + gap, (int) top));
      gtk_snapshot_append_layout (snapshot, layout, &row_text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
snapshot_selection (ImpCanvas *self,
                    cairo_t   *cr,
                    double     scale)
{
  GPtrArray *nodes = imp_selection_get_nodes (self->selection);
  ImpLink *link = imp_selection_get_link (self->selection);

  for (guint i = 0; i < nodes->len; i++)
    imp_render_selection (self->scene, cr, g_ptr_array_index (nodes, i), scale);

  if (link != NULL)
    {
      guint n = _imp_scene_get_n_links (self->scene);
      GdkRGBA accent;

      adw_style_manager_get_dark (adw_style_manager_get_default ())
        ? gdk_rgba_parse (&accent, "#78aeed") : gdk_rgba_parse (&accent, "#3584e4");

      for (guint i = 0; i < n; i++)
        {
          const ImpSceneLink *l = _imp_scene_get_link (self->scene, i);

          if (l->link != link)
            continue;

          /* A wide halo under the curve, like the outline of a selected card. */
          cairo_save (cr);
          cairo_move_to (cr, l->x0, l->y0);
          cairo_curve_to (cr, l->x1, l->y1, l->x2, l->y2, l->x3, l->y3);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.35);
          cairo_set_line_width (cr, l->width + 8);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
          cairo_set_line_width (cr, MAX (l->width, 2.5));
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

static void
outline_card (cairo_t       *cr,
              const ImpRect *rect,
              double         inset,
              double         width,
              double         r,
              double         g,
              double         b,
              double         alpha)
{
  double radius = 10;
  double x = rect->x - inset, y = rect->y - inset;
  double w = rect->width + 2 * inset, h = rect->height + 2 * inset;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, r, g, b, alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* While a card is dragged, where it may go is outlined in green, the card
 * under the pointer more boldly, and a card it may not go to in red. */
static void
snapshot_drag (ImpCanvas *self,
               cairo_t   *cr,
               double     zoom)
{
  double line = 1 / zoom;

  if (self->drag_mode == DRAG_BAND && self->panning)
    {
      double x0, y0;

      _imp_canvas_widget_to_map (self, self->drag_x, self->drag_y, &x0, &y0);
      cairo_rectangle (cr, MIN (x0, self->pointer_map_x), MIN (y0, self->pointer_map_y),
                       fabs (x0 - self->pointer_map_x), fabs (y0 - self->pointer_map_y));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
      return;
    }

  if ((self->drag_mode != DRAG_MOVE && self->drag_mode != DRAG_LINK) || !self->panning ||
      self->drop_legal == NULL)
    return;

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->drop_legal);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        ImpRect rect;

        if (key != self->drop_target && imp_scene_get_card_rect (self->scene, key, &rect))
          outline_card (cr, &rect, 4, 2 * line, 0.2, 0.82, 0.48, 0.6);
      }
  }

  if (self->drag_mode == DRAG_LINK)
    {
      ImpRect rect;

      if (imp_scene_get_card_rect (self->scene, self->drag_node, &rect))
        {
          double dashes[] = { 6 * line, 4 * line };

          cairo_move_to (cr, rect.x + rect.width, rect.y + rect.height / 2);
          cairo_line_to (cr, self->pointer_map_x, self->pointer_map_y);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 2 * line);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  if (self->drop_target != NULL)
    {
      ImpRect rect;

      if (imp_scene_get_card_rect (self->scene, self->drop_target, &rect))
        {
          if (g_hash_table_contains (self->drop_legal, self->drop_target))
            outline_card (cr, &rect, 5, 4 * line, 0.2, 0.82, 0.48, 1);
          else
            {
              /* Refused: a red outline and a cross over the card. */
              outline_card (cr, &rect, 5, 4 * line, 0.88, 0.11, 0.14, 1);
              cairo_move_to (cr, rect.x + rect.width / 2 - 10, rect.y + rect.height / 2 - 10);
              cairo_rel_line_to (cr, 20, 20);
              cairo_move_to (cr, rect.x + rect.width / 2 + 10, rect.y + rect.height / 2 - 10);
              cairo_rel_line_to (cr, -20, 20);
              cairo_set_line_width (cr, 4 * line);
              cairo_stroke (cr);
            }
        }
    }
}

/* Time to first frame (IMP_FIRST_FRAME_EXIT): one hook for the process,
 * called once after the first frame that showed a map has been painted. */
static ImpCanvasFrameFunc first_frame_func;
static gpointer first_frame_data;

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        ImpCanvas     *self)
{
  ImpCanvasFrameFunc func = first_frame_func;

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  first_frame_func = NULL;
  if (func != NULL)
    func (self, first_frame_data);
}

/* After a frame, the tiles it lacked, and a ring around it, are painted
 * one per idle turn, so that the next frames of a pan only copy them. */
static gboolean
prefetch_cb (gpointer data)
{
  ImpCanvas *self = data;

  if (self->dirty || self->scene_changes != NULL || !imp_tile_cache_prefetch (self->tiles))
    {
      self->prefetch_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
_imp_canvas_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  ImpCanvas *self = IMP_CANVAS (widget);
  const ImpTheme *theme = _imp_canvas_get_theme (self);
  GdkRGBA background = _imp_canvas_to_rgba (&theme->background);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  double zoom;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  _imp_canvas_ensure_scene (self);

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->scene == NULL)
    return;

  zoom = imp_viewport_get_zoom (self->viewport);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Kept tiles are device pixels: painted 1:1 wherever the view lies. */
  cairo_save (cr);
  cairo_scale (cr, 1.0 / scale_factor, 1.0 / scale_factor);
  imp_tile_cache_paint (self->tiles, self->scene, cr, zoom * scale_factor,
                        imp_viewport_get_offset_x (self->viewport) * scale_factor,
                        imp_viewport_get_offset_y (self->viewport) * scale_factor,
                        width * scale_factor, height * scale_factor);
  cairo_restore (cr);
  if (self->prefetch_id == 0)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);

  cairo_translate (cr,
                   imp_viewport_get_offset_x (self->viewport),
                   imp_viewport_get_offset_y (self->viewport));
  cairo_scale (cr, zoom, zoom);

  snapshot_selection (self, cr, zoom * gtk_widget_get_scale_factor (widget));
  snapshot_drag (self, cr, zoom);
  _imp_canvas_snapshot_page_frame (self, cr, zoom);
  /* Review labels are drawn at one size whatever the zoom, to be read. */
  cairo_save (cr);
  cairo_scale (cr, 1 / zoom, 1 / zoom);
  cairo_translate (cr,
                   -imp_viewport_get_offset_x (self->viewport),
                   -imp_viewport_get_offset_y (self->viewport));
  _imp_canvas_snapshot_review (self, cr);
  cairo_restore (cr);

  cairo_destroy (cr);

  if (imp_layout_get_kind (imp_scene_get_layout (self->scene)) == IMP_LAYOUT_DOWN)
    snapshot_row_headers (self, snapshot, height);
  else
    snapshot_headers (self, snapshot, width);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);

  /* The snapshot is only a recipe: the frame counts once it is painted. */
  if (first_frame_func != NULL && gtk_widget_get_frame_clock (widget) != NULL &&
      g_signal_handler_find (gtk_widget_get_frame_clock (widget), G_SIGNAL_MATCH_FUNC,
                             0, 0, NULL, first_frame_painted_cb, NULL) == 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_painted_cb), self, 0);
}

/**
 * imp_canvas_set_first_frame_func:
 * @func: (nullable): called once, after the first painted frame that shows a map
 * @user_data: data for @func
 *
 * Lets the whole app be timed from launch to its first drawn map
 * (`IMP_FIRST_FRAME_EXIT=1`). One hook for the process, fired by whichever
 * canvas paints a map first.
 */
void
imp_canvas_set_first_frame_func (ImpCanvasFrameFunc func,
                                 gpointer           user_data)
{
  first_frame_func = func;
  first_frame_data = user_data;
}
