/* imp-canvas-cards.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-canvas.h"

G_BEGIN_DECLS

#define IMP_TYPE_CANVAS_CARD (imp_canvas_card_get_type ())

G_DECLARE_FINAL_TYPE (ImpCanvasCard, imp_canvas_card, IMP, CANVAS_CARD, GtkWidget)

const char    *imp_canvas_card_get_node_id     (ImpCanvasCard *self);
const char    *imp_canvas_card_get_label       (ImpCanvasCard *self);
const char    *imp_canvas_card_get_description (ImpCanvasCard *self);

ImpCanvasCard *imp_canvas_get_card_widget      (ImpCanvas     *self,
                                                ImpNode       *node);
guint          imp_canvas_get_n_card_widgets   (ImpCanvas     *self);
gboolean       imp_canvas_has_map_focus        (ImpCanvas     *self);

void           _imp_canvas_cards_sync          (ImpCanvas     *self);
void           _imp_canvas_cards_queue_sync    (ImpCanvas     *self,
                                                gboolean       soon);
void           _imp_canvas_cards_allocate      (ImpCanvas     *self);
void           _imp_canvas_cards_dispose       (ImpCanvas     *self);
gboolean       _imp_canvas_cards_grab_focus    (ImpCanvas     *self);
void           _imp_canvas_cards_watch_focus   (ImpCanvas     *self);

G_END_DECLS
