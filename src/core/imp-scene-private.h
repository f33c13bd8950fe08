/* imp-scene-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "imp-layout-private.h"
#include "imp-scene.h"

G_BEGIN_DECLS

/* The primitives of a scene, all in map coordinates with resolved colours.
 * The renderer and the SVG writer read these and nothing else, so the two
 * outputs cannot drift apart. */

/**
 * ImpSceneText:
 *
 * One line of text, drawn from its left edge on its baseline. The string
 * belongs to the scene's layout.
 */
typedef struct
{
  const char *text;
  double      x;
  double      y;               /* baseline */
  double      width;           /* as measured */
  double      size;            /* px */
  double      letter_spacing;  /* px */
  int         weight;          /* PangoWeight, 400 or 700 */
  float       word_spacing;    /* px added at each space (a pill's number) */
  const ImpColor *color;       /* the scene's, or a theme's */
} ImpSceneText;

/**
 * ImpSceneBox:
 *
 * A rounded rectangle: a badge or chip pill, a progress track or bar, the
 * "+N" of a collapsed card, the disc of a link's status mark.
 */
typedef struct
{
  ImpRect  rect;
  double   radius;
  ImpColor fill;
  ImpColor stroke;
  double   stroke_width;       /* 0 for none */
} ImpSceneBox;

typedef struct
{
  ImpNode  *node;
  ImpLevel  level;
  ImpRect   rect;              /* the card, for hit testing */
  ImpRect   extent;            /* and what sticks out of it, for culling */
  double    radius;
  ImpColor  fill;
  ImpColor  accent;            /* the stripe on the left edge */
  ImpColor  border;
  guint     first_text;
  guint     n_texts;
  guint     first_box;
  guint     n_boxes;
  int       track_box;         /* the progress track, or -1 */
  double    progress;          /* 0..1, NAN when unknown */
  guint     hidden_count;      /* "+N" on a collapsed card */
} ImpSceneCard;

typedef struct
{
  ImpLink  *link;
  double    x0, y0;            /* the parent's right edge */
  double    x1, y1;            /* control points */
  double    x2, y2;
  double    x3, y3;            /* the child's left edge */
  ImpRect   extent;
  ImpColor  color;
  double    width;
  double    dash[2];           /* on, off; 0 for a solid line */
  gboolean  cross_link;
  int       mark_box;          /* the status mark, or -1 */
  int       mark_text;
} ImpSceneLink;

typedef struct
{
  ImpLevel  level;
  double    x;
  double    width;
  ImpLayoutBand band;
} ImpSceneColumn;

/* A light card casts a soft shadow made of a few translucent copies of its
 * shape, each lower and wider than the last: cheap on every output, and the
 * same in PNG and SVG. */
typedef struct
{
  double dy;
  double spread;
  double alpha;                /* times the theme's shadow alpha */
} ImpShadowLayer;

#define IMP_N_SHADOW_LAYERS 4
extern const ImpShadowLayer imp_shadow_layers[IMP_N_SHADOW_LAYERS];

/* Where the left stripe of a card, narrower than the corner radius, meets
 * the card's top and bottom edges: this far in from the corner, vertically. */
static inline double
_imp_stripe_inset (double radius,
                   double stripe)
{
  double dx = radius - stripe;

  return stripe >= radius ? 0 : radius - sqrt (radius * radius - dx * dx);
}

guint                 _imp_scene_get_n_cards   (ImpScene *self);
const ImpSceneCard   *_imp_scene_get_card      (ImpScene *self,
                                                guint     i);
const ImpSceneCard   *_imp_scene_find_card     (ImpScene      *self,
                                                const ImpNode *node);
guint                 _imp_scene_get_n_links   (ImpScene *self);
const ImpSceneLink   *_imp_scene_get_link      (ImpScene *self,
                                                guint     i);
const ImpSceneText   *_imp_scene_get_text      (ImpScene *self,
                                                guint     i);
guint                 _imp_scene_get_n_texts   (ImpScene *self);
const ImpSceneBox    *_imp_scene_get_box       (ImpScene *self,
                                                guint     i);

/* The indices of the cards (links) whose extent meets @rect, ascending, in
 * @out (element-type guint); %NULL @rect for all. Uses the spatial index. */
void                  _imp_scene_query_cards   (ImpScene      *self,
                                                const ImpRect *rect,
                                                GArray        *out);
void                  _imp_scene_query_links   (ImpScene      *self,
                                                const ImpRect *rect,
                                                GArray        *out);

/* A Pango layout showing text @i, made on first use and kept. A scene is
 * drawn from one thread at a time. */
PangoLayout          *_imp_scene_get_text_layout (ImpScene *self,
                                                  guint     i);
/* Updates the scene in place after text, payload or pin changes only;
 * FALSE when it cannot, and a new scene is needed. */
gboolean              _imp_scene_update          (ImpScene  *self,
                                                  GPtrArray *nodes);

/* Focus: what lies outside the focused branch is drawn at this opacity. */
#define IMP_SCENE_DIM_ALPHA 0.25

/* Which of the shown items the queries above return, so the renderer can
 * paint the dimmed ones apart; hidden ones (reveal) are never returned. */
typedef enum
{
  IMP_SCENE_FILTER_ALL,
  IMP_SCENE_FILTER_DIMMED,
  IMP_SCENE_FILTER_UNDIMMED,
  /* apart from, or only, what moved since _imp_scene_track_changes() */
  IMP_SCENE_FILTER_STILL,
  IMP_SCENE_FILTER_MOVING,
} ImpSceneFilter;

void                  _imp_scene_set_filter    (ImpScene       *self,
                                                ImpSceneFilter  filter);
ImpSceneFilter        _imp_scene_get_filter    (ImpScene       *self);
gboolean              _imp_scene_has_focus     (ImpScene *self);
gboolean              _imp_scene_card_is_hidden (ImpScene           *self,
                                                 const ImpSceneCard *card);
gboolean              _imp_scene_link_is_hidden (ImpScene           *self,
                                                 const ImpSceneLink *link);
gboolean              _imp_scene_card_is_dimmed (ImpScene           *self,
                                                 const ImpSceneCard *card);
gboolean              _imp_scene_link_is_dimmed (ImpScene           *self,
                                                 const ImpSceneLink *link);

guint64               _imp_scene_get_serial     (ImpScene *self);
void                  _imp_scene_track_changes  (ImpScene *self,
                                                 gboolean  track);
guint                 _imp_scene_get_n_touched  (ImpScene *self);
guint64               _imp_scene_get_touched_serial (ImpScene *self);

G_END_DECLS
