/* imp-outline-view.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "imp-history.h"
#include "imp-map.h"
#include "imp-selection.h"

G_BEGIN_DECLS

#define IMP_TYPE_OUTLINE_VIEW (imp_outline_view_get_type ())

G_DECLARE_FINAL_TYPE (ImpOutlineView, imp_outline_view, IMP, OUTLINE_VIEW, GtkWidget)

GtkWidget *imp_outline_view_new               (void);
void       imp_outline_view_set_map           (ImpOutlineView *self,
                                               ImpMap         *map,
                                               ImpSelection   *selection,
                                               ImpHistory     *history);
GtkWidget *imp_outline_view_get_list_view     (ImpOutlineView *self);
guint      imp_outline_view_get_n_rows        (ImpOutlineView *self);
ImpNode   *imp_outline_view_get_row_node      (ImpOutlineView *self,
                                               guint           position);
ImpNode   *imp_outline_view_get_selected_node (ImpOutlineView *self);
void       imp_outline_view_select_row        (ImpOutlineView *self,
                                               guint           position);
void       imp_outline_view_set_row_expanded  (ImpOutlineView *self,
                                               guint           position,
                                               gboolean        expanded);
gboolean   imp_outline_view_start_renaming    (ImpOutlineView *self);
gboolean   imp_outline_view_move_under        (ImpOutlineView *self,
                                               ImpNode        *node,
                                               ImpNode        *parent,
                                               GError        **error);

G_END_DECLS
