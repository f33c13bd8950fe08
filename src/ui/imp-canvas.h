/* imp-canvas.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "imp-history.h"
#include "imp-map.h"
#include "imp-poster.h"
#include "imp-scene.h"
#include "imp-selection.h"
#include "imp-theme.h"
#include "imp-viewport.h"

G_BEGIN_DECLS

/* Height of the sticky band of column headers, in widget pixels. */
#define IMP_CANVAS_HEADER_HEIGHT 48.0
/* Width of the sticky strip of row headers of the down layout. */
#define IMP_CANVAS_ROW_HEADER_WIDTH 152.0
/* The least zoom at which a card's title can still be read (15 px type
 * comes out at 6 px): opening a panel or leaving presentation mode never
 * takes a fitted map below it. */
#define IMP_CANVAS_READABLE_ZOOM 0.4
/* The width the canvas asks for; panels beside it fold over it rather
 * than leave it narrower (the window's AdwFlap folds below this). */
#define IMP_CANVAS_NATURAL_WIDTH 600

#define IMP_TYPE_CANVAS (imp_canvas_get_type ())

G_DECLARE_FINAL_TYPE (ImpCanvas, imp_canvas, IMP, CANVAS, GtkWidget)

GtkWidget      *imp_canvas_new            (void);

ImpMap         *imp_canvas_get_map        (ImpCanvas *self);
gboolean        imp_canvas_is_over_headers (ImpCanvas *self,
                                           double     x,
                                           double     y);
/* The level whose header is at (@x, @y) in widget pixels, if any. */
gboolean        imp_canvas_get_header_level_at (ImpCanvas *self,
                                           double     x,
                                           double     y,
                                           ImpLevel  *level);
void            imp_canvas_set_map        (ImpCanvas *self,
                                           ImpMap    *map);
ImpViewport    *imp_canvas_get_viewport   (ImpCanvas *self);
ImpScene       *imp_canvas_get_scene      (ImpCanvas *self);
ImpThemeKind    imp_canvas_get_theme_kind (ImpCanvas *self);

ImpNode        *imp_canvas_get_selected   (ImpCanvas *self);
void            imp_canvas_set_selected   (ImpCanvas *self,
                                           ImpNode   *node);

ImpSelection   *imp_canvas_get_selection  (ImpCanvas  *self);
void            imp_canvas_set_history    (ImpCanvas  *self,
                                           ImpHistory *history);
ImpHistory     *imp_canvas_get_history    (ImpCanvas  *self);

void            imp_canvas_start_editing  (ImpCanvas  *self,
                                           ImpNode    *node,
                                           const char *text);
void            imp_canvas_start_editing_new (ImpCanvas *self,
                                           ImpNode    *node,
                                           const char *text);
void            imp_canvas_stop_editing   (ImpCanvas  *self,
                                           gboolean    commit);
gboolean        imp_canvas_is_editing     (ImpCanvas  *self);
GtkWidget      *imp_canvas_get_editor     (ImpCanvas  *self);

void            imp_canvas_scroll_to_node (ImpCanvas  *self,
                                           ImpNode    *node);
void            imp_canvas_centre_on_node (ImpCanvas  *self,
                                           ImpNode    *node);
void            imp_canvas_zoom_to_selection (ImpCanvas *self);

void            imp_canvas_zoom_in        (ImpCanvas *self);
void            imp_canvas_zoom_out       (ImpCanvas *self);
void            imp_canvas_zoom_reset     (ImpCanvas *self);
void            imp_canvas_zoom_fit       (ImpCanvas *self);

typedef void  (*ImpCanvasFrameFunc)        (ImpCanvas *canvas,
                                            gpointer   user_data);
void            imp_canvas_set_first_frame_func (ImpCanvasFrameFunc func,
                                                 gpointer           user_data);

void            imp_canvas_offer_scene    (ImpCanvas *self,
                                           ImpScene  *scene);
void            imp_canvas_set_theme_override (ImpCanvas *self,
                                               int        kind);
int             imp_canvas_get_theme_override (ImpCanvas *self);
void            imp_canvas_set_reveal_level   (ImpCanvas *self,
                                               int        level);
int             imp_canvas_get_reveal_level   (ImpCanvas *self);
void            imp_canvas_set_focus          (ImpCanvas *self,
                                               ImpNode   *branch);
ImpNode        *imp_canvas_get_focus          (ImpCanvas *self);
const ImpTheme *imp_canvas_get_theme      (ImpCanvas *self);
void            imp_canvas_set_page_frame (ImpCanvas              *self,
                                           const ImpPosterOptions *poster);
gboolean        imp_canvas_get_page_frame (ImpCanvas              *self,
                                           ImpPosterOptions       *poster);

void            imp_canvas_set_review_changes (ImpCanvas *self,
                                               GPtrArray *changes);
const char     *imp_canvas_get_review_label   (ImpCanvas *self,
                                               ImpNode   *node);
const char     *imp_canvas_get_review_ghost   (ImpCanvas *self,
                                               ImpNode   *node);
void            imp_canvas_keep_in_view   (ImpCanvas *self,
                                           ImpNode   *node);
void            imp_canvas_set_covered_start (ImpCanvas *self,
                                              int        width);

G_END_DECLS
