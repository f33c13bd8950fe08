/* imp-theme.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ImpColor;

/**
 * ImpTheme:
 *
 * Colours and type of a look. Themes are static and never freed.
 */
struct _ImpTheme
{
  ImpThemeKind kind;
  ImpColor     background;
  ImpColor     text;
  ImpColor     text_dim;
  ImpColor     link;
  ImpColor     cross_link;
  ImpColor     header_text;
  ImpColor     header_background;
  ImpColor     selection;
  ImpColor     progress_track;
  ImpColor     progress_fill;
  ImpColor     level_fill[IMP_N_LEVELS];    /* card background per level */
  ImpColor     level_accent[IMP_N_LEVELS];  /* card border, badge, column header */
  const char  *font_family;
  double       title_size;                  /* px at 100 % zoom */
  double       small_size;

  /* Finer detail of cards, links and chips. */
  ImpColor     on_accent;                   /* text on a solid level accent */
  ImpColor     shadow;                      /* card shadow; alpha 0 for none */
  ImpColor     success;                     /* supported links, supporting results */
  ImpColor     danger;                      /* refuted links, refuting results */
  ImpColor     neutral;                     /* planned or inconclusive chips */
  double       goal_title_size;             /* goals are the biggest type on the map */
};

/* The family list to hand to Pango or to write into SVG: the theme's font
 * with a generic fallback, so a machine without it still shows text. */
#define IMP_THEME_FALLBACK_FAMILY "Sans"

const ImpTheme *imp_theme_get (ImpThemeKind kind);

ImpColor        imp_color_with_alpha (const ImpColor *color,
                                      double          alpha);
ImpColor        imp_color_mix        (const ImpColor *a,
                                      const ImpColor *b,
                                      double          t);

const ImpTheme *imp_theme_get_high_contrast_dark (void);

G_END_DECLS
