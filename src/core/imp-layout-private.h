/* imp-layout-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "imp-layout.h"

G_BEGIN_DECLS

/* Inner geometry of a card, shared by the layout (which sizes cards) and
 * the scene (which draws them). */
#define IMP_CARD_RADIUS         10.0
#define IMP_CARD_STRIPE         5.0   /* the level-coloured bar on the left */
#define IMP_CARD_PAD_LEFT       18.0
#define IMP_CARD_PAD_RIGHT      14.0
#define IMP_CARD_PAD_TOP        12.0
#define IMP_CARD_PAD_BOTTOM     14.0
#define IMP_CARD_CONTENT_WIDTH  (IMP_LAYOUT_CARD_WIDTH - IMP_CARD_PAD_LEFT - IMP_CARD_PAD_RIGHT)
#define IMP_CARD_MAX_TITLE_LINES 8

/* Between the trees of two goals, and between trees and unconnected nodes. */
#define IMP_LAYOUT_ROOT_GAP     56.0
/* Between cousins: cards at the same level under different parents, so
 * each family reads as a group. */
#define IMP_LAYOUT_SUBTREE_GAP  32.0

/**
 * ImpInk:
 *
 * The role of a colour inside a card. The layout measures cards without
 * knowing the theme's colours; the scene resolves a role per theme and level.
 */
typedef enum
{
  IMP_INK_TEXT,
  IMP_INK_TEXT_DIM,
  IMP_INK_ACCENT,
  IMP_INK_ACCENT_TINT,
  IMP_INK_ON_ACCENT,
  IMP_INK_SUCCESS,
  IMP_INK_SUCCESS_TINT,
  IMP_INK_DANGER,
  IMP_INK_DANGER_TINT,
  IMP_INK_NEUTRAL,
  IMP_INK_NEUTRAL_TINT,
  IMP_INK_TRACK,
  IMP_INK_PROGRESS_DONE,
} ImpInk;

/* One line of text: left edge and baseline relative to the card's top-left
 * corner. The string belongs to the layout. */
typedef struct
{
  const char *text;
  double      x;
  double      baseline;
  double      width;
  double      size;            /* px */
  double      letter_spacing;  /* px */
  int         weight;          /* PangoWeight */
  ImpInk      ink;
  float       word_spacing;    /* px added at each space */
} ImpCardText;

/* A filled rounded rectangle relative to the card: badge and chip pills,
 * the progress track and bar, the "+N" collapsed indicator. */
typedef struct
{
  ImpRect rect;
  double  radius;
  ImpInk  ink;
} ImpCardBox;

typedef struct
{
  double       height;
  guint        n_texts;
  guint        n_boxes;
  ImpCardText *texts;
  ImpCardBox  *boxes;
  /* The progress bar, when the node has a metric with a target: a box index
   * into @boxes, or -1. The fraction is NAN when it cannot be computed. */
  int          track_box;
  double       progress;
} ImpCard;

/* Text set up the same way everywhere: unhinted metrics and unrounded glyph
 * positions, so a line measures the same at every zoom and in every output. */
PangoContext         *_imp_text_context_new     (void);
PangoFontDescription *_imp_text_font_new        (const ImpTheme *theme,
                                                 double          size,
                                                 int             weight);
/* Prepares @layout to show @text on one line in the given font. */
void                  _imp_text_layout_add_word_spacing (PangoLayout *layout,
                                                         double       spacing);
/* Extra room at the space of a pill like "ICE 336", in px at 100 %: the bold
 * space alone is ~2.6 px, under a device pixel at the zoom where cards
 * start to show their text, so the number seemed to touch the word. */
#define IMP_CHIP_WORD_SPACING 2.5
void                  _imp_text_layout_set      (PangoLayout    *layout,
                                                 const ImpTheme *theme,
                                                 const char     *text,
                                                 double          size,
                                                 int             weight,
                                                 double          letter_spacing);

const ImpCard *_imp_layout_get_card         (ImpLayout     *self,
                                             const ImpNode *node);
/* The number of tree descendants a collapsed node hides; 0 otherwise. */
guint          _imp_layout_get_hidden_count (ImpLayout     *self,
                                             const ImpNode *node);
/* Visible nodes in drawing order: depth first along tree links. */
guint          _imp_layout_get_n_visible    (ImpLayout     *self);
ImpNode       *_imp_layout_get_visible      (ImpLayout     *self,
                                             guint          i);
/* The deepest level with a node, at least the goal. */
ImpLevel       _imp_layout_get_deepest_level (ImpLayout    *self);
/* The width of @text on one line, measured like the cards are. */
double         _imp_layout_measure_text     (ImpLayout     *self,
                                             const char    *text,
                                             double         size,
                                             int            weight,
                                             double         letter_spacing);
/* Lays out again after text, payload or pin changes only (no node, link or
 * collapsed state changed): composes the cards of @nodes again and places
 * every card; with no @nodes, moves only the subtrees of changed pins. */
gboolean       _imp_layout_update           (ImpLayout     *self,
                                             GPtrArray     *nodes);
/* What the last update changed: runs of the drawing order, or NULL for all. */
const guint   *_imp_layout_get_changed_runs (ImpLayout     *self,
                                             guint         *n_runs);

G_END_DECLS
