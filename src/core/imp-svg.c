/* imp-svg.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-svg"

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-scene-private.h"
#include "imp-svg.h"

/* Numbers in the C locale, at most two decimals, without trailing zeros:
 * short, and the same on every machine. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  if (!isfinite (value))
    value = 0;
  if (fabs (value) < 0.005)
    value = 0;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    buffer[--len] = '\0';
  if (len > 0 && buffer[len - 1] == '.')
    buffer[--len] = '\0';

  g_string_append (out, buffer);
}

static void
append_attr_number (GString    *out,
                    const char *name,
                    double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_number (out, value);
  g_string_append_c (out, '"');
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Text as XML 1.0 accepts it in content and in attribute values: the five
 * special characters escaped, characters XML forbids (most control
 * characters, U+FFFE, U+FFFF) dropped, broken UTF-8 repaired. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_unichar (out, c);
          break;
        }
    }
}

static void
append_color (GString        *out,
              const char     *attr,
              const ImpColor *color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attr,
                          (guint) CLAMP (round (color->red * 255), 0, 255),
                          (guint) CLAMP (round (color->green * 255), 0, 255),
                          (guint) CLAMP (round (color->blue * 255), 0, 255));
  if (color->alpha < 1.0)
    {
      g_string_append_printf (out, " %s-opacity=\"", attr);
      append_number (out, CLAMP (color->alpha, 0, 1));
      g_string_append_c (out, '"');
    }
}

static void
append_rect (GString        *out,
             const ImpRect  *r,
             double          radius,
             const ImpColor *fill,
             const ImpColor *stroke,
             double          stroke_width)
{
  radius = CLAMP (radius, 0, MIN (r->width, r->height) / 2);

  g_string_append (out, "<rect");
  append_attr_number (out, "x", r->x);
  append_attr_number (out, "y", r->y);
  append_attr_number (out, "width", MAX (r->width, 0));
  append_attr_number (out, "height", MAX (r->height, 0));
  if (radius > 0)
    append_attr_number (out, "rx", radius);

  if (fill != NULL)
    append_color (out, "fill", fill);
  else
    g_string_append (out, " fill=\"none\"");

  if (stroke != NULL && stroke_width > 0)
    {
      append_color (out, "stroke", stroke);
      append_attr_number (out, "stroke-width", stroke_width);
    }
  g_string_append (out, "/>\n");
}

static void
append_box (GString           *out,
            const ImpSceneBox *box)
{
  append_rect (out, &box->rect, box->radius, &box->fill,
               &box->stroke, box->stroke_width);
}

static void
append_text (GString            *out,
             const ImpTheme     *theme,
             const ImpSceneText *text)
{
  g_string_append (out, "<text");
  append_attr_number (out, "x", text->x);
  append_attr_number (out, "y", text->y);
  g_string_append (out, " font-family=\"");
  append_escaped (out, theme->font_family);
  g_string_append (out, ", " IMP_THEME_FALLBACK_FAMILY ", sans-serif\"");
  append_attr_number (out, "font-size", text->size);
  g_string_append_printf (out, " font-weight=\"%d\"", text->weight);
  if (text->letter_spacing != 0)
    append_attr_number (out, "letter-spacing", text->letter_spacing);
  if (text->word_spacing != 0)
    append_attr_number (out, "word-spacing", text->word_spacing);
  append_color (out, "fill", text->color);
  g_string_append (out, " xml:space=\"preserve\">");
  append_escaped (out, text->text);
  g_string_append (out, "</text>\n");
}

/* The same shape as the renderer's stripe, with SVG arcs. */
static void
append_stripe (GString            *out,
               const ImpSceneCard *card)
{
  const ImpRect *r = &card->rect;
  double radius = CLAMP (card->radius, 0, MIN (r->width, r->height) / 2);
  double stripe = MIN (IMP_CARD_STRIPE, radius);
  double inset;

  if (radius <= 0)
    {
      ImpRect s = { r->x, r->y, IMP_CARD_STRIPE, r->height };

      append_rect (out, &s, 0, &card->accent, NULL, 0);
      return;
    }

  inset = _imp_stripe_inset (radius, stripe);

  g_string_append (out, "<path d=\"M");
  append_number (out, r->x + stripe);
  g_string_append_c (out, ' ');
  append_number (out, r->y + inset);
  g_string_append (out, " A");
  append_number (out, radius);
  g_string_append_c (out, ' ');
  append_number (out, radius);
  g_string_append (out, " 0 0 0 ");
  append_number (out, r->x);
  g_string_append_c (out, ' ');
  append_number (out, r->y + radius);
  g_string_append (out, " L");
  append_number (out, r->x);
  g_string_append_c (out, ' ');
  append_number (out, r->y + r->height - radius);
  g_string_append (out, " A");
  append_number (out, radius);
  g_string_append_c (out, ' ');
  append_number (out, radius);
  g_string_append (out, " 0 0 0 ");
  append_number (out, r->x + stripe);
  g_string_append_c (out, ' ');
  append_number (out, r->y + r->height - inset);
  g_string_append (out, " Z\"");
  append_color (out, "fill", &card->accent);
  g_string_append (out, "/>\n");
}

static void
append_card (GString            *out,
             ImpScene           *scene,
             const ImpTheme     *theme,
             const ImpSceneCard *card)
{
  const ImpRect *r = &card->rect;
  ImpRect inner = { r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1 };

  g_string_append_printf (out, "<g class=\"card %s\">\n", imp_level_to_string (card->level));

  if (theme->shadow.alpha > 0)
    {
      for (guint i = 0; i < IMP_N_SHADOW_LAYERS; i++)
        {
          const ImpShadowLayer *layer = &imp_shadow_layers[i];
          ImpRect s = { r->x - layer->spread, r->y + layer->dy - layer->spread,
                        r->width + 2 * layer->spread, r->height + 2 * layer->spread };
          ImpColor color = imp_color_with_alpha (&theme->shadow, layer->alpha);

          append_rect (out, &s, card->radius + layer->spread, &color, NULL, 0);
        }
    }

  append_rect (out, r, card->radius, &card->fill, NULL, 0);
  append_stripe (out, card);
  append_rect (out, &inner, card->radius - 0.5, NULL, &card->border, 1.0);

  for (guint i = 0; i < card->n_boxes; i++)
    append_box (out, _imp_scene_get_box (scene, card->first_box + i));
  for (guint i = 0; i < card->n_texts; i++)
    append_text (out, theme, _imp_scene_get_text (scene, card->first_text + i));

  g_string_append (out, "</g>\n");
}

static void
append_link (GString            *out,
             const ImpSceneLink *link)
{
  g_string_append (out, "<path d=\"M");
  append_number (out, link->x0);
  g_string_append_c (out, ' ');
  append_number (out, link->y0);
  g_string_append (out, " C");
  append_number (out, link->x1);
  g_string_append_c (out, ' ');
  append_number (out, link->y1);
  g_string_append_c (out, ' ');
  append_number (out, link->x2);
  g_string_append_c (out, ' ');
  append_number (out, link->y2);
  g_string_append_c (out, ' ');
  append_number (out, link->x3);
  g_string_append_c (out, ' ');
  append_number (out, link->y3);
  g_string_append (out, "\" fill=\"none\"");
  append_color (out, "stroke", &link->color);
  append_attr_number (out, "stroke-width", link->width);
  if (link->dash[0] > 0)
    {
      g_string_append (out, " stroke-linecap=\"butt\" stroke-dasharray=\"");
      append_number (out, link->dash[0]);
      g_string_append_c (out, ' ');
      append_number (out, link->dash[1]);
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, " stroke-linecap=\"round\"");
    }
  g_string_append (out, "/>\n");
}

static gboolean svg_item_open  (GString            *out,
                                ImpScene           *scene,
                                const ImpSceneCard *card,
                                const ImpSceneLink *link);
static void     svg_item_close (GString            *out,
                                ImpScene           *scene,
                                const ImpSceneCard *card,
                                const ImpSceneLink *link);

/**
 * imp_svg_write_to_data:
 * @scene: the scene to write
 * @padding: map units of margin around the scene's bounds
 * @background: whether to fill the picture with the theme's background
 * @length: (out) (optional): the length of the result
 *
 * Writes @scene as a standalone SVG document in px, drawn from the same
 * primitives as imp_render_scene(), with every line of text as a real
 * `<text>` element so that slide tools can edit it.
 *
 * Returns: (transfer full): the document, UTF-8, NUL-terminated
 */
char *
imp_svg_write_to_data (ImpScene *scene,
                       double    padding,
                       gboolean  background,
                       gsize    *length)
{
  ImpRect bounds, view;

  g_return_val_if_fail (IMP_IS_SCENE (scene), NULL);

  imp_scene_get_bounds (scene, &bounds);
  if (!isfinite (padding) || padding < 0)
    padding = 0;

  view = (ImpRect) { bounds.x - padding, bounds.y - padding,
                     bounds.width + 2 * padding, bounds.height + 2 * padding };

  return imp_svg_write_area (scene, &view, background, NULL, length);
}

/**
 * imp_svg_write_area:
 * @scene: the scene to write
 * @view_in: the part of the map to show, in map coordinates
 * @background: whether to fill the picture with the theme's background
 * @heading: (nullable): a line of text to write above the map
 * @length: (out) (optional): the length of the result
 *
 * Like imp_svg_write_to_data() for an explicit area: the document's
 * viewBox is @view, so whatever lies outside it is cut off.
 *
 * Returns: (transfer full): the document, UTF-8, NUL-terminated
 */
char *
imp_svg_write_area (ImpScene            *scene,
                    const ImpRect       *view_in,
                    gboolean             background,
                    const ImpSvgHeading *heading,
                    gsize               *length)
{
  const ImpTheme *theme;
  GString *out;
  ImpRect view;
  const char *title;
  guint n_links;

  g_return_val_if_fail (IMP_IS_SCENE (scene), NULL);
  g_return_val_if_fail (view_in != NULL, NULL);

  theme = imp_scene_get_theme (scene);
  view = *view_in;
  /* An empty map still makes a valid picture. */
  view.width = MAX (view.width, 1);
  view.height = MAX (view.height, 1);

  out = g_string_sized_new (4096 + 1024 * _imp_scene_get_n_cards (scene));
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  append_attr_number (out, "width", view.width);
  append_attr_number (out, "height", view.height);
  g_string_append (out, " viewBox=\"");
  append_number (out, view.x);
  g_string_append_c (out, ' ');
  append_number (out, view.y);
  g_string_append_c (out, ' ');
  append_number (out, view.width);
  g_string_append_c (out, ' ');
  append_number (out, view.height);
  g_string_append (out, "\">\n");

  title = imp_map_get_title (imp_scene_get_map (scene));
  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "<title>");
      append_escaped (out, title);
      g_string_append (out, "</title>\n");
    }

  if (background)
    append_rect (out, &view, 0, &theme->background, NULL, 0);

  if (heading != NULL && heading->text != NULL)
    {
      ImpSceneText text = {
        .text = heading->text,
        .x = heading->x,
        .y = heading->y,
        .size = heading->size,
        .weight = 700,
        .color = &theme->text,
      };

      g_string_append (out, "<g class=\"heading\">\n");
      append_text (out, theme, &text);
      g_string_append (out, "</g>\n");
    }

  n_links = _imp_scene_get_n_links (scene);
  g_string_append (out, "<g class=\"links\">\n");
  for (guint i = 0; i < n_links; i++)
    if (!svg_item_open (out, scene, NULL, _imp_scene_get_link (scene, i)))
      {
        append_link (out, _imp_scene_get_link (scene, i));
        svg_item_close (out, scene, NULL, _imp_scene_get_link (scene, i));
      }
  for (guint i = 0; i < n_links; i++)
    {
      const ImpSceneLink *link = _imp_scene_get_link (scene, i);

      if (svg_item_open (out, scene, NULL, link))
        continue;
      if (link->mark_box >= 0)
        append_box (out, _imp_scene_get_box (scene, link->mark_box));
      if (link->mark_text >= 0)
        append_text (out, theme, _imp_scene_get_text (scene, link->mark_text));
      svg_item_close (out, scene, NULL, link);
    }
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g class=\"cards\">\n");
  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    if (!svg_item_open (out, scene, _imp_scene_get_card (scene, i), NULL))
      {
        append_card (out, scene, theme, _imp_scene_get_card (scene, i));
        svg_item_close (out, scene, _imp_scene_get_card (scene, i), NULL);
      }
  g_string_append (out, "</g>\n");

  g_string_append (out, "</svg>\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* The scene's view state, as in imp_render_scene(): a hidden card or link
 * is left out (svg_item_open() returns %TRUE: skip it), a dimmed one is
 * wrapped in a faded group. */
static gboolean
svg_item_open (GString            *out,
               ImpScene           *scene,
               const ImpSceneCard *card,
               const ImpSceneLink *link)
{
  gboolean hidden, dimmed;

  hidden = card != NULL ? _imp_scene_card_is_hidden (scene, card)
                        : _imp_scene_link_is_hidden (scene, link);
  if (hidden)
    return TRUE;

  dimmed = card != NULL ? _imp_scene_card_is_dimmed (scene, card)
                        : _imp_scene_link_is_dimmed (scene, link);
  if (dimmed)
    {
      g_string_append (out, "<g class=\"dimmed\"");
      append_attr_number (out, "opacity", IMP_SCENE_DIM_ALPHA);
      g_string_append (out, ">\n");
    }

  return FALSE;
}

static void
svg_item_close (GString            *out,
                ImpScene           *scene,
                const ImpSceneCard *card,
                const ImpSceneLink *link)
{
  gboolean dimmed = card != NULL ? _imp_scene_card_is_dimmed (scene, card)
                                  : _imp_scene_link_is_dimmed (scene, link);

  if (dimmed)
    g_string_append (out, "</g>\n");
}
