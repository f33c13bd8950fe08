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
};

const ImpTheme *imp_theme_get (ImpThemeKind kind);

G_END_DECLS
