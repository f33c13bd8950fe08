/* imp-theme.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-theme"

#include "config.h"

#include "imp-theme.h"

#define RGBA(hex, a) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }
#define RGB(hex) RGBA (hex, 1.0)

/* The five levels sit roughly 60-90 degrees apart on the colour wheel
 * (violet, teal, green, orange, pink) so neighbouring columns never look
 * alike; the badge on every card names the level as well, so colour is
 * never the only carrier of meaning. Light accents are dark enough for
 * small text on their own tinted fill (contrast above 4.5:1); dark accents
 * are light enough for the same on the dark fills. The neutrals follow
 * the GNOME palette that libadwaita uses. */
static const ImpTheme light_theme = {
  .kind = IMP_THEME_LIGHT,
  .background = RGB (0xf6f5f4),
  .text = RGB (0x241f31),
  .text_dim = RGB (0x5e5c64),
  .link = RGB (0x9a9996),
  .cross_link = RGB (0x1c71d8),
  .header_text = RGB (0x5e5c64),
  .header_background = RGBA (0xf6f5f4, 0.92),
  .selection = RGB (0x3584e4),
  .progress_track = RGBA (0x000000, 0.10),
  .progress_fill = RGB (0x26a269),
  .level_fill = {
    RGB (0xeeeafd),   /* goal: violet */
    RGB (0xe1f3f5),   /* actor: teal */
    RGB (0xe7f4e2),   /* impact: green */
    RGB (0xfdeedd),   /* deliverable: orange */
    RGB (0xfce7ef),   /* experiment: pink */
  },
  .level_accent = {
    RGB (0x5638c4),
    RGB (0x0a6e7c),
    RGB (0x2d7327),
    RGB (0xa84600),
    RGB (0xad2160),
  },
  .font_family = "Cantarell",
  .title_size = 15.0,
  .small_size = 12.0,
  .on_accent = RGB (0xffffff),
  .shadow = RGBA (0x000000, 0.10),
  .success = RGB (0x1f8a54),
  .danger = RGB (0xc01c28),
  .neutral = RGB (0x77767b),
  .goal_title_size = 17.0,
};

static const ImpTheme dark_theme = {
  .kind = IMP_THEME_DARK,
  .background = RGB (0x1e1e1e),
  .text = RGB (0xf6f5f4),
  .text_dim = RGB (0xc0bfbc),
  .link = RGB (0x858488),
  .cross_link = RGB (0x78aeed),
  .header_text = RGB (0xc0bfbc),
  .header_background = RGBA (0x1e1e1e, 0.92),
  .selection = RGB (0x78aeed),
  .progress_track = RGBA (0xffffff, 0.16),
  .progress_fill = RGB (0x57e389),
  .level_fill = {
    RGB (0x353055),
    RGB (0x1b3f46),
    RGB (0x244128),
    RGB (0x4a3320),
    RGB (0x4b2538),
  },
  .level_accent = {
    RGB (0xb7a8ff),
    RGB (0x6fd4e2),
    RGB (0x95dd86),
    RGB (0xffb466),
    RGB (0xff92c1),
  },
  .font_family = "Cantarell",
  .title_size = 15.0,
  .small_size = 12.0,
  .on_accent = RGB (0x1e1e1e),
  .shadow = RGBA (0x000000, 0.0),
  .success = RGB (0x57e389),
  .danger = RGB (0xff7b63),
  .neutral = RGB (0x9a9996),
  .goal_title_size = 17.0,
};

/* For paper: a white page, near-black text and accents dark enough to
 * survive a black-and-white printer (every accent is below 25 % luminance),
 * fills so pale they cost no toner, and no shadows, which print as grey
 * smudges. */
static const ImpTheme print_theme = {
  .kind = IMP_THEME_PRINT,
  .background = RGB (0xffffff),
  .text = RGB (0x000000),
  .text_dim = RGB (0x333333),
  .link = RGB (0x555555),
  .cross_link = RGB (0x0b4f9e),
  .header_text = RGB (0x333333),
  .header_background = RGBA (0xffffff, 0.95),
  .selection = RGB (0x1c5fb8),
  .progress_track = RGBA (0x000000, 0.18),
  .progress_fill = RGB (0x146b3e),
  .level_fill = {
    RGB (0xf5f3fe),
    RGB (0xf0f8f9),
    RGB (0xf2f8ef),
    RGB (0xfdf5ec),
    RGB (0xfdf1f5),
  },
  .level_accent = {
    RGB (0x3d2496),
    RGB (0x064c56),
    RGB (0x1c4d18),
    RGB (0x7a3300),
    RGB (0x7e1545),
  },
  .font_family = "Cantarell",
  .title_size = 15.0,
  .small_size = 12.0,
  .on_accent = RGB (0xffffff),
  .shadow = RGBA (0x000000, 0.0),
  .success = RGB (0x146b3e),
  .danger = RGB (0x9c0f1b),
  .neutral = RGB (0x4d4d4d),
  .goal_title_size = 17.0,
};

/* For a room: projectors wash out pale tints and thin type, so the page
 * is white, the text black, the level fills stronger and every size about
 * a third bigger, readable from the back row. */
static const ImpTheme projector_theme = {
  .kind = IMP_THEME_PROJECTOR,
  .background = RGB (0xffffff),
  .text = RGB (0x000000),
  .text_dim = RGB (0x2e2e2e),
  .link = RGB (0x4d4d4d),
  .cross_link = RGB (0x0b4f9e),
  .header_text = RGB (0x2e2e2e),
  .header_background = RGBA (0xffffff, 0.95),
  .selection = RGB (0x1c5fb8),
  .progress_track = RGBA (0x000000, 0.20),
  .progress_fill = RGB (0x146b3e),
  .level_fill = {
    RGB (0xe2dcfb),
    RGB (0xcfebef),
    RGB (0xd8edd0),
    RGB (0xfbe0c4),
    RGB (0xf9d5e3),
  },
  .level_accent = {
    RGB (0x3d2496),
    RGB (0x064c56),
    RGB (0x1c4d18),
    RGB (0x7a3300),
    RGB (0x7e1545),
  },
  .font_family = "Cantarell",
  .title_size = 20.0,
  .small_size = 16.0,
  .on_accent = RGB (0xffffff),
  .shadow = RGBA (0x000000, 0.0),
  .success = RGB (0x146b3e),
  .danger = RGB (0x9c0f1b),
  .neutral = RGB (0x4d4d4d),
  .goal_title_size = 23.0,
};

/**
 * imp_theme_get:
 * @kind: the look
 *
 * Returns: (transfer none): the static theme of @kind; light for an
 *   unknown kind.
 */
const ImpTheme *
imp_theme_get (ImpThemeKind kind)
{
  switch (kind)
    {
    case IMP_THEME_DARK:
      return &dark_theme;

    case IMP_THEME_PRINT:
      return &print_theme;

    case IMP_THEME_PROJECTOR:
      return &projector_theme;

    case IMP_THEME_LIGHT:
    default:
      return &light_theme;
    }
}

/**
 * imp_color_with_alpha:
 * @color: a colour
 * @alpha: the opacity to multiply with, 0..1
 *
 * Returns: @color with its alpha multiplied by @alpha.
 */
ImpColor
imp_color_with_alpha (const ImpColor *color,
                      double          alpha)
{
  ImpColor result = *color;

  result.alpha = CLAMP (color->alpha * alpha, 0.0, 1.0);

  return result;
}

/**
 * imp_color_mix:
 * @a: a colour
 * @b: another colour
 * @t: how much of @b, 0..1
 *
 * Mixes two colours component-wise, so that a border or a chip can be
 * derived from a level colour without a theme entry of its own.
 *
 * Returns: (1 - @t) · @a + @t · @b
 */
ImpColor
imp_color_mix (const ImpColor *a,
               const ImpColor *b,
               double          t)
{
  ImpColor result;

  t = CLAMP (t, 0.0, 1.0);
  result.red = a->red + (b->red - a->red) * t;
  result.green = a->green + (b->green - a->green) * t;
  result.blue = a->blue + (b->blue - a->blue) * t;
  result.alpha = a->alpha + (b->alpha - a->alpha) * t;

  return result;
}

/* For a dark desktop that asks for high contrast: a black ground, white
 * text, accents bright enough for small text on their fills (above 7:1),
 * fills barely off black so that text stays at full contrast, no shadows,
 * and a yellow selection that nothing else on the map uses. It has the
 * dark kind, so the scene tints and borders cards as for the dark theme. */
static const ImpTheme high_contrast_dark_theme = {
  .kind = IMP_THEME_DARK,
  .background = RGB (0x000000),
  .text = RGB (0xffffff),
  .text_dim = RGB (0xe6e6e6),
  .link = RGB (0xbdbdbd),
  .cross_link = RGB (0x99c1f1),
  .header_text = RGB (0xffffff),
  .header_background = RGBA (0x000000, 0.95),
  .selection = RGB (0xf8e45c),
  .progress_track = RGBA (0xffffff, 0.30),
  .progress_fill = RGB (0x8ff0a4),
  .level_fill = {
    RGB (0x1a1533),
    RGB (0x0b2226),
    RGB (0x112212),
    RGB (0x2a1a0c),
    RGB (0x2a0f1c),
  },
  .level_accent = {
    RGB (0xd4caff),
    RGB (0x9ee9f3),
    RGB (0xb8f0ab),
    RGB (0xffcf99),
    RGB (0xffbcd9),
  },
  .font_family = "Cantarell",
  .title_size = 15.0,
  .small_size = 12.0,
  .on_accent = RGB (0x000000),
  .shadow = RGBA (0x000000, 0.0),
  .success = RGB (0x8ff0a4),
  .danger = RGB (0xff9b8a),
  .neutral = RGB (0xdeddda),
  .goal_title_size = 17.0,
};

/**
 * imp_theme_get_high_contrast_dark:
 *
 * The canvas' look on a dark desktop with high contrast on. Not one of
 * the #ImpThemeKind looks that files and the command line name.
 *
 * Returns: (transfer none): the static theme
 */
const ImpTheme *
imp_theme_get_high_contrast_dark (void)
{
  return &high_contrast_dark_theme;
}
