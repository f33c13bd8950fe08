/* imp-render.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-render"

#include "config.h"

#include <math.h>

#include "imp-render.h"
#include "imp-render-private.h"
#include "imp-scene-private.h"

/* Below this many device pixels of card height, text is unreadable anyway:
 * cards become plain coloured boxes, which is also what keeps a zoomed-out
 * view of ten thousand cards fast. Above it, even small text still shows
 * the shape of each title, which is how a map fitted into a small window
 * is recognised. */
#define DETAIL_MIN_CARD_PX    20.0
#define SMALLEST_CARD_HEIGHT  64.0
/* Zoomed out that far, each level's column is tinted across the whole map
 * and branches keep this many device pixels of width, so the shape of a
 * big map reads even where its cards are specks. */
#define OVERVIEW_LINE_PX      1.25
#define OVERVIEW_BAND_ALPHA   0.45

/* Shadows reach this far outside a card; culling looks that much wider so
 * a clipped render paints exactly what a full one paints there. */
#define SHADOW_MARGIN         10.0

static void
set_color (cairo_t        *cr,
           const ImpColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
rounded_rect (cairo_t       *cr,
              const ImpRect *r,
              double         radius)
{
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;

  radius = CLAMP (radius, 0, MIN (r->width, r->height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - radius, y0 + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x0 + radius, y1 - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The part of a rounded card left of x + @stripe: straight on the inside,
 * following the card's corners on the outside. */
static void
stripe_path (cairo_t       *cr,
             const ImpRect *r,
             double         radius,
             double         stripe)
{
  double x0 = r->x, y0 = r->y, y1 = r->y + r->height;
  double inset;
  double angle;

  radius = CLAMP (radius, 0, MIN (r->width, r->height) / 2);
  stripe = MIN (stripe, radius);
  if (radius <= 0 || stripe <= 0)
    {
      cairo_rectangle (cr, x0, y0, MAX (stripe, 0), r->height);
      return;
    }

  inset = _imp_stripe_inset (radius, stripe);
  angle = atan2 (inset - radius, stripe - radius);

  cairo_new_sub_path (cr);
  cairo_move_to (cr, x0 + stripe, y0 + inset);
  cairo_arc_negative (cr, x0 + radius, y0 + radius, radius, angle, G_PI);
  cairo_line_to (cr, x0, y1 - radius);
  cairo_arc_negative (cr, x0 + radius, y1 - radius, radius, G_PI, -angle);
  cairo_close_path (cr);
}

static void
draw_box (cairo_t           *cr,
          const ImpSceneBox *box)
{
  rounded_rect (cr, &box->rect, box->radius);
  set_color (cr, &box->fill);
  if (box->stroke_width > 0)
    {
      cairo_fill_preserve (cr);
      set_color (cr, &box->stroke);
      cairo_set_line_width (cr, box->stroke_width);
      cairo_stroke (cr);
    }
  else
    {
      cairo_fill (cr);
    }
}

static void
draw_text (ImpScene *scene,
           cairo_t  *cr,
           guint     i)
{
  const ImpSceneText *text = _imp_scene_get_text (scene, i);
  PangoLayout *layout = _imp_scene_get_text_layout (scene, i);
  double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

  set_color (cr, text->color);
  cairo_move_to (cr, text->x, text->y - baseline);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_link (cairo_t            *cr,
           const ImpSceneLink *link)
{
  cairo_move_to (cr, link->x0, link->y0);
  cairo_curve_to (cr, link->x1, link->y1, link->x2, link->y2, link->x3, link->y3);
  set_color (cr, &link->color);
  cairo_set_line_width (cr, link->width);

  if (link->dash[0] > 0)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, link->dash, 2, 0);
    }
  else
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_stroke (cr);
}

static void
draw_card (ImpScene           *scene,
           cairo_t            *cr,
           const ImpTheme     *theme,
           const ImpSceneCard *card)
{
  const ImpRect *r = &card->rect;

  if (theme->shadow.alpha > 0)
    {
      for (guint i = 0; i < IMP_N_SHADOW_LAYERS; i++)
        {
          const ImpShadowLayer *layer = &imp_shadow_layers[i];
          ImpRect s = { r->x - layer->spread, r->y + layer->dy - layer->spread,
                        r->width + 2 * layer->spread, r->height + 2 * layer->spread };
          ImpColor color = imp_color_with_alpha (&theme->shadow, layer->alpha);

          rounded_rect (cr, &s, card->radius + layer->spread);
          set_color (cr, &color);
          cairo_fill (cr);
        }
    }

  rounded_rect (cr, r, card->radius);
  set_color (cr, &card->fill);
  cairo_fill (cr);

  stripe_path (cr, r, card->radius, IMP_CARD_STRIPE);
  set_color (cr, &card->accent);
  cairo_fill (cr);

  {
    ImpRect inner = { r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1 };

    rounded_rect (cr, &inner, card->radius - 0.5);
    set_color (cr, &card->border);
    cairo_set_line_width (cr, 1.0);
    cairo_stroke (cr);
  }

  for (guint i = 0; i < card->n_boxes; i++)
    draw_box (cr, _imp_scene_get_box (scene, card->first_box + i));

  for (guint i = 0; i < card->n_texts; i++)
    draw_text (scene, cr, card->first_text + i);
}

static gboolean
same_link_style (const ImpSceneLink *a,
                 const ImpSceneLink *b)
{
  return a->width == b->width && a->dash[0] == b->dash[0] && a->dash[1] == b->dash[1] &&
         a->color.red == b->color.red && a->color.green == b->color.green &&
         a->color.blue == b->color.blue && a->color.alpha == b->color.alpha;
}

/* Zoomed out, with thousands of tiny cards, one path per colour is filled
 * or stroked at once: a handful of cairo operations instead of thousands. */
static void
draw_links_batched (ImpScene *scene,
                    cairo_t  *cr,
                    GArray   *items,
                    double    scale)
{
  g_autoptr(GArray) styles = g_array_new (FALSE, FALSE, sizeof (const ImpSceneLink *));

  for (guint i = 0; i < items->len; i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, g_array_index (items, guint, i));
      gboolean known = FALSE;

      for (guint s = 0; s < styles->len && !known; s++)
        known = same_link_style (link, g_array_index (styles, const ImpSceneLink *, s));
      if (!known)
        g_array_append_val (styles, link);
    }

  for (guint s = 0; s < styles->len; s++)
    {
      const ImpSceneLink *style = g_array_index (styles, const ImpSceneLink *, s);

      for (guint i = 0; i < items->len; i++)
        {
          const ImpSceneLink *link = _imp_scene_get_link (scene, g_array_index (items, guint, i));

          if (!same_link_style (link, style))
            continue;
          cairo_move_to (cr, link->x0, link->y0);
          cairo_curve_to (cr, link->x1, link->y1, link->x2, link->y2, link->x3, link->y3);
        }

      set_color (cr, &style->color);
      /* Zoomed out the branches are the shape of the map: never thinner
       * than a device pixel and a bit. */
      cairo_set_line_width (cr, MAX (style->width, OVERVIEW_LINE_PX / scale));
      if (style->dash[0] > 0)
        cairo_set_dash (cr, style->dash, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
}

static void
draw_cards_batched (ImpScene *scene,
                    cairo_t  *cr,
                    GArray   *items,
                    double    scale)
{
  const ImpTheme *theme = imp_scene_get_theme (scene);
  /* Corners and stripes too small to see are not worth their arcs. */
  gboolean rounded = IMP_CARD_RADIUS * scale >= 1.0;
  gboolean stripes = IMP_CARD_STRIPE * scale >= 0.5;

  for (guint level = 0; level < IMP_N_LEVELS; level++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          const ImpSceneCard *card = _imp_scene_get_card (scene, g_array_index (items, guint, i));

          if (card->level != level)
            continue;
          if (rounded)
            rounded_rect (cr, &card->rect, card->radius);
          else
            cairo_rectangle (cr, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
          any = TRUE;
        }

      if (!any)
        continue;

      set_color (cr, &theme->level_fill[level]);
      cairo_fill (cr);

      if (!stripes)
        continue;

      for (guint i = 0; i < items->len; i++)
        {
          const ImpSceneCard *card = _imp_scene_get_card (scene, g_array_index (items, guint, i));

          if (card->level != level)
            continue;
          if (rounded)
            stripe_path (cr, &card->rect, card->radius, IMP_CARD_STRIPE);
          else
            cairo_rectangle (cr, card->rect.x, card->rect.y, IMP_CARD_STRIPE, card->rect.height);
        }
      set_color (cr, &theme->level_accent[level]);
      cairo_fill (cr);
    }
}

/* Whether a card of @band's level shows inside it: a collapse can empty a
 * column whose header stays. */
static gboolean
band_has_cards (ImpScene            *scene,
                const ImpLayoutBand *band)
{
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);
      const ImpRect *r = &card->rect;

      if (card->level == band->level &&
          r->x < band->rect.x + band->rect.width && r->x + r->width > band->rect.x &&
          r->y < band->rect.y + band->rect.height && r->y + r->height > band->rect.y)
        return TRUE;
    }

  return FALSE;
}

/* Each level's column (row, top-down) as a tinted band across the map,
 * from its first card to its last, under links and cards; none for a level
 * that shows no card. */
static void
draw_overview_bands (ImpScene       *scene,
                     cairo_t        *cr,
                     const ImpTheme *theme)
{
  for (guint i = 0; i < imp_scene_get_n_columns (scene); i++)
    {
      const ImpLayoutBand *band = imp_scene_get_band (scene, i);
      ImpColor tint = theme->level_fill[band->level];

      if (!band_has_cards (scene, band))
        continue;

      tint.alpha *= OVERVIEW_BAND_ALPHA;
      set_color (cr, &tint);
      cairo_rectangle (cr, band->rect.x, band->rect.y, band->rect.width, band->rect.height);
      cairo_fill (cr);
    }
}

static void render_focused (ImpScene       *scene,
                            cairo_t        *cr,
                            const ImpRect  *clip,
                            double          scale,
                            ImpRenderFlags  flags);

/**
 * imp_render_scene:
 * @scene: the scene to paint
 * @cr: a cairo context whose user space is map coordinates
 * @clip: (nullable): the part of the map to paint, in map coordinates;
 *   %NULL for all
 * @scale: device pixels per map unit, to draw less detail when cards are
 *   tiny
 * @flags: whether to fill the background first
 *
 * Paints @scene, or the part of it within @clip, on @cr: links under cards,
 * then cards with their badge, title, progress and chips. Only primitives
 * that meet @clip are drawn, found through the scene's spatial index, and
 * nothing is painted outside @clip.
 */
void
imp_render_scene (ImpScene       *scene,
                  cairo_t        *cr,
                  const ImpRect  *clip,
                  double          scale,
                  ImpRenderFlags  flags)
{
  const ImpTheme *theme;
  g_autoptr(GArray) items = NULL;
  ImpRect wide;
  gboolean detail;

  g_return_if_fail (IMP_IS_SCENE (scene));
  g_return_if_fail (cr != NULL);

  if (_imp_scene_has_focus (scene) && _imp_scene_get_filter (scene) == IMP_SCENE_FILTER_ALL)
    {
      render_focused (scene, cr, clip, scale, flags);
      return;
    }

  theme = imp_scene_get_theme (scene);
  if (!(scale > 0) || !isfinite (scale))
    scale = 1.0;
  detail = SMALLEST_CARD_HEIGHT * scale >= DETAIL_MIN_CARD_PX;

  cairo_save (cr);

  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
      wide = (ImpRect) { clip->x - SHADOW_MARGIN, clip->y - SHADOW_MARGIN,
                         clip->width + 2 * SHADOW_MARGIN, clip->height + 2 * SHADOW_MARGIN };
    }

  if (flags & IMP_RENDER_BACKGROUND)
    {
      set_color (cr, &theme->background);
      cairo_paint (cr);
    }

  if (!detail && !(flags & IMP_RENDER_NO_CARDS))
    draw_overview_bands (scene, cr, theme);

  items = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!(flags & IMP_RENDER_NO_LINKS))
    _imp_scene_query_links (scene, clip ? &wide : NULL, items);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (detail)
    {
      for (guint i = 0; i < items->len; i++)
        {
          const ImpSceneLink *link = _imp_scene_get_link (scene, g_array_index (items, guint, i));

          if (_imp_render_is_long_link (cr, link, clip, scale))
            _imp_render_long_link (cr, link, clip, scale);
          else
            draw_link (cr, link);
        }
    }
  else
    {
      g_autoptr(GArray) long_links = g_array_new (FALSE, FALSE, sizeof (guint));
      guint kept = 0;

      /* Dashed and long links are drawn one by one, only where they are in
       * view (see _imp_render_long_link()). */
      for (guint i = 0; i < items->len; i++)
        {
          guint index = g_array_index (items, guint, i);

          if (_imp_render_is_long_link (cr, _imp_scene_get_link (scene, index), clip, scale))
            g_array_append_val (long_links, index);
          else
            g_array_index (items, guint, kept++) = index;
        }
      g_array_set_size (items, kept);

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      draw_links_batched (scene, cr, items, scale);
      for (guint i = 0; i < long_links->len; i++)
        _imp_render_long_link (cr, _imp_scene_get_link (scene, g_array_index (long_links, guint, i)),
                               clip, scale);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Status marks sit on top of every line, under the cards. */
  if (detail)
    {
      for (guint i = 0; i < items->len; i++)
        {
          const ImpSceneLink *link = _imp_scene_get_link (scene, g_array_index (items, guint, i));

          if (link->mark_box >= 0)
            draw_box (cr, _imp_scene_get_box (scene, link->mark_box));
          if (link->mark_text >= 0)
            draw_text (scene, cr, link->mark_text);
        }
    }

  g_array_set_size (items, 0);
  if (!(flags & IMP_RENDER_NO_CARDS))
    _imp_scene_query_cards (scene, clip ? &wide : NULL, items);
  if (detail)
    {
      for (guint i = 0; i < items->len; i++)
        draw_card (scene, cr, theme, _imp_scene_get_card (scene, g_array_index (items, guint, i)));
    }
  else
    {
      draw_cards_batched (scene, cr, items, scale);
    }

  cairo_restore (cr);
}

/**
 * imp_render_selection:
 * @scene: the scene
 * @cr: the context imp_render_scene() painted on
 * @node: the selected node
 * @scale: device pixels per map unit
 *
 * Draws a selection ring around @node's card, on top of
 * imp_render_scene(). The ring keeps the same width on screen at any zoom.
 */
void
imp_render_selection (ImpScene      *scene,
                      cairo_t       *cr,
                      const ImpNode *node,
                      double         scale)
{
  const ImpSceneCard *card;
  const ImpTheme *theme;
  double width, gap;
  ImpRect ring;

  g_return_if_fail (IMP_IS_SCENE (scene));
  g_return_if_fail (cr != NULL);

  card = _imp_scene_find_card (scene, node);
  if (card == NULL)
    return;

  theme = imp_scene_get_theme (scene);
  if (!(scale > 0) || !isfinite (scale))
    scale = 1.0;

  width = 3.0 / scale;
  gap = 2.5 / scale + width / 2;
  ring = (ImpRect) { card->rect.x - gap, card->rect.y - gap,
                     card->rect.width + 2 * gap, card->rect.height + 2 * gap };

  cairo_save (cr);
  rounded_rect (cr, &ring, card->radius + gap);
  set_color (cr, &theme->selection);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A focused scene is painted in two passes: everything outside the branch
 * into a group laid down faded, then the branch at full strength on top. */
static void
render_focused (ImpScene       *scene,
                cairo_t        *cr,
                const ImpRect  *clip,
                double          scale,
                ImpRenderFlags  flags)
{
  const ImpTheme *theme = imp_scene_get_theme (scene);

  cairo_save (cr);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  if (flags & IMP_RENDER_BACKGROUND)
    {
      set_color (cr, &theme->background);
      cairo_paint (cr);
    }

  cairo_push_group (cr);
  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_DIMMED);
  imp_render_scene (scene, cr, clip, scale, flags & ~IMP_RENDER_BACKGROUND);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, IMP_SCENE_DIM_ALPHA);

  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_UNDIMMED);
  imp_render_scene (scene, cr, clip, scale, flags & ~IMP_RENDER_BACKGROUND);
  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_ALL);

  cairo_restore (cr);
}
