/* imp-canvas-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-canvas.h"
#include "imp-canvas-a11y.h"
#include "imp-canvas-cards.h"
#include "imp-render.h"
#include "imp-scene-private.h"
#include "imp-tile-cache.h"

G_BEGIN_DECLS

/* ImpCanvas is one widget in four files sharing this struct: imp-canvas.c
 * (the object, its scene and the public API), imp-canvas-input.c (pointer,
 * scroll and touch: selection, drags, pans, zoom), imp-canvas-editor.c (the
 * in-place title editor) and imp-canvas-draw.c (snapshot). */

/* One step of keyboard, button or mouse-wheel zoom. */
#define ZOOM_STEP 1.2
/* Pixels a mouse-wheel click pans. */
#define WHEEL_PAN 64.0
/* How near a link curve a click selects it, in widget pixels. */
#define LINK_TOLERANCE 6.0

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_LINK,
  DRAG_BAND,
} DragMode;

/**
 * ImpCanvas:
 *
 * Paints an #ImpMap's scene, with zoom and pan kept in an #ImpViewport, and
 * a sticky band naming the columns at the top.
 *
 * The scene is rebuilt lazily: a change of the map or of the light/dark
 * style only marks it dirty, and the next snapshot (or anyone asking for the
 * scene) builds it again, so a burst of changes costs one rebuild.
 */
struct _ImpCanvas
{
  GtkWidget     parent_instance;

  ImpMap       *map;
  ImpScene     *scene;
  GPtrArray    *scene_changes;  /* nodes to compose again, for _imp_scene_update() */
  ImpScene     *offered_scene;  /* built elsewhere for the next map, see imp_canvas_offer_scene() */
  ImpViewport  *viewport;
  ImpThemeKind  theme_kind;
  const ImpTheme *theme;      /* of theme_kind, or the high-contrast dark one */

  ImpSelection *selection;
  ImpHistory   *history;

  /* The in-place title editor, over the card of the node it edits. */
  GtkWidget    *editor;
  char         *editing_id;
  gboolean      editing_ends_group;

  /* A drag: what it does, the card it started on, the cards it moves with
   * their map positions at the start, and the card under the pointer. */
  DragMode      drag_mode;
  ImpNode      *drag_node;
  GPtrArray    *drag_nodes;
  GArray       *drag_origins;   /* (element-type graphene_point_t) */
  GHashTable   *drop_legal;     /* ImpNode → TRUE where a drop may go */
  ImpNode      *drop_target;
  double        drag_x;
  double        drag_y;
  double        pointer_map_x;
  double        pointer_map_y;

  double        pointer_x;
  double        pointer_y;

  double        drag_offset_x;
  double        drag_offset_y;
  double        pinch_zoom;

  /* Pixels at the map's start covered by a panel lying over it (a narrow
   * window's outline or parking lot): a card scrolled into view clears it. */
  int           covered_start;

  /* Painted pixels kept for pans and drags, filled further while idle. */
  ImpTileCache *tiles;
  guint         prefetch_id;

  guint         dirty : 1;
  guint         auto_fit : 1;
  guint         has_pointer : 1;
  guint         panning : 1;
  guint         fit_keeps_readable : 1;  /* see imp_canvas_keep_in_view() */

  /* Workshop mode: a look forced over the desktop style's (-1 for none),
   * and the reveal and focus applied to every scene built. */
  int           theme_override;
  int           reveal_level;
  char         *focus_id;

  /* A card dragged stays in its level's column (row, top-down) unless
   * Shift frees it; whether the drag under way was freed. */
  gboolean      drag_freed;
  gboolean      drag_hint_shown;
  /* The page frame (imp-canvas-frame.c): a poster's sheets over the map. */
  ImpPosterOptions *page_frame;
  ImpPoster    *page_frame_plan;
  ImpScene     *page_frame_scene;   /* what the plan was made for, never dereferenced */
  guint64       page_frame_serial;
  /* What changed since a review (imp-canvas-review.c): card id -> label. */
  GHashTable   *review_labels;
  /* Removed cards drawn as ghosts: id of the card they hang by -> label. */
  GHashTable   *review_ghosts;
  /* The cards a screen reader walks (imp-canvas-cards.c): node id → widget. */
  GHashTable   *card_widgets;
  guint         cards_sync_id;
};

enum {
  MESSAGE,
  EDIT_COMMITTED,
  N_SIGNALS
};

extern guint _imp_canvas_signals[N_SIGNALS];

static inline GdkRGBA
_imp_canvas_to_rgba (const ImpColor *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

const ImpTheme *
_imp_canvas_get_theme (ImpCanvas *self);

void
_imp_canvas_ensure_scene (ImpCanvas *self);

void
_imp_canvas_get_view_centre (ImpCanvas *self,
                             double    *x,
                             double    *y);

void
_imp_canvas_ensure_editor_style (void);

gboolean
_imp_canvas_scroll_cb (ImpCanvas                *self,
                       double                    dx,
                       double                    dy,
                       GtkEventControllerScroll *controller);

void
_imp_canvas_motion_cb (ImpCanvas                *self,
                       double                    x,
                       double                    y,
                       GtkEventControllerMotion *controller);

void
_imp_canvas_leave_cb (ImpCanvas                *self,
                      GtkEventControllerMotion *controller);

void
_imp_canvas_widget_to_map (ImpCanvas *self,
                           double     x,
                           double     y,
                           double    *map_x,
                           double    *map_y);

void
_imp_canvas_drag_begin_cb (ImpCanvas      *self,
                           double          x,
                           double          y,
                           GtkGestureDrag *gesture);

void
_imp_canvas_drag_update_cb (ImpCanvas      *self,
                            double          offset_x,
                            double          offset_y,
                            GtkGestureDrag *gesture);

void
_imp_canvas_drag_end_cb (ImpCanvas      *self,
                         double          offset_x,
                         double          offset_y,
                         GtkGestureDrag *gesture);

void
_imp_canvas_click_pressed_cb (ImpCanvas       *self,
                              int              n_press,
                              double           x,
                              double           y,
                              GtkGestureClick *gesture);

void
_imp_canvas_click_released_cb (ImpCanvas       *self,
                               int              n_press,
                               double           x,
                               double           y,
                               GtkGestureClick *gesture);

char *
_imp_canvas_get_tooltip_at   (ImpCanvas  *self,
                              double      x,
                              double      y);

gboolean
_imp_canvas_query_tooltip_cb (ImpCanvas  *self,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip,
                              GtkWidget  *widget);

void
_imp_canvas_pinch_begin_cb (ImpCanvas        *self,
                            GdkEventSequence *sequence,
                            GtkGestureZoom   *gesture);

void
_imp_canvas_pinch_scale_changed_cb (ImpCanvas      *self,
                                    double          scale,
                                    GtkGestureZoom *gesture);

gboolean
_imp_canvas_unselect_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data);

void
_imp_canvas_place_editor (ImpCanvas *self);

void
_imp_canvas_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot);

void
_imp_canvas_clear_page_frame (ImpCanvas *self);
void
_imp_canvas_snapshot_page_frame (ImpCanvas *self,
                                 cairo_t   *cr,
                                 double     zoom);

void
_imp_canvas_snapshot_review (ImpCanvas *self,
                             cairo_t   *cr);
/* Column names (imp-canvas-draw.c): their layout at a size, and the size
 * that fits every name over its column at the current zoom. */
PangoLayout *_imp_canvas_create_header_layout (ImpCanvas *self,
                                               double     size);
double       _imp_canvas_fit_header_size      (ImpCanvas *self,
                                               gboolean  *cut);

G_END_DECLS
