/* imp-viewport.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "imp-types.h"

G_BEGIN_DECLS

#define IMP_VIEWPORT_MIN_ZOOM 0.05
#define IMP_VIEWPORT_MAX_ZOOM 4.0

#define IMP_TYPE_VIEWPORT (imp_viewport_get_type ())

G_DECLARE_FINAL_TYPE (ImpViewport, imp_viewport, IMP, VIEWPORT, GObject)

ImpViewport *imp_viewport_new              (void);

double       imp_viewport_get_zoom         (ImpViewport   *self);
void         imp_viewport_set_zoom         (ImpViewport   *self,
                                            double         zoom);
double       imp_viewport_get_offset_x     (ImpViewport   *self);
double       imp_viewport_get_offset_y     (ImpViewport   *self);
void         imp_viewport_set_offset       (ImpViewport   *self,
                                            double         offset_x,
                                            double         offset_y);
void         imp_viewport_pan_by           (ImpViewport   *self,
                                            double         dx,
                                            double         dy);

void         imp_viewport_set_size         (ImpViewport   *self,
                                            double         width,
                                            double         height);
void         imp_viewport_get_size         (ImpViewport   *self,
                                            double        *width,
                                            double        *height);
void         imp_viewport_set_top_inset    (ImpViewport   *self,
                                            double         top_inset);
double       imp_viewport_get_top_inset    (ImpViewport   *self);
void         imp_viewport_set_left_inset   (ImpViewport   *self,
                                            double         left_inset);
double       imp_viewport_get_left_inset   (ImpViewport   *self);
void         imp_viewport_set_bounds       (ImpViewport   *self,
                                            const ImpRect *bounds);
gboolean     imp_viewport_get_bounds       (ImpViewport   *self,
                                            ImpRect       *bounds);

void         imp_viewport_widget_to_map    (ImpViewport   *self,
                                            double         widget_x,
                                            double         widget_y,
                                            double        *map_x,
                                            double        *map_y);
void         imp_viewport_map_to_widget    (ImpViewport   *self,
                                            double         map_x,
                                            double         map_y,
                                            double        *widget_x,
                                            double        *widget_y);
void         imp_viewport_get_visible_rect (ImpViewport   *self,
                                            ImpRect       *rect);

void         imp_viewport_zoom_at          (ImpViewport   *self,
                                            double         factor,
                                            double         widget_x,
                                            double         widget_y);
void         imp_viewport_fit              (ImpViewport   *self,
                                            const ImpRect *bounds,
                                            double         width,
                                            double         height);

double          imp_viewport_get_fit_zoom   (ImpViewport   *self,
                                             const ImpRect *bounds);

G_END_DECLS
