/* imp-selection.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_TYPE_SELECTION (imp_selection_get_type ())

G_DECLARE_FINAL_TYPE (ImpSelection, imp_selection, IMP, SELECTION, GObject)

ImpSelection *imp_selection_new         (void);

ImpMap       *imp_selection_get_map     (ImpSelection *self);
void          imp_selection_set_map     (ImpSelection *self,
                                         ImpMap       *map);

guint         imp_selection_get_n_nodes (ImpSelection *self);
ImpNode      *imp_selection_get_node    (ImpSelection *self,
                                         guint         i);
GPtrArray    *imp_selection_get_nodes   (ImpSelection *self);
ImpNode      *imp_selection_get_primary (ImpSelection *self);
gboolean      imp_selection_contains    (ImpSelection *self,
                                         ImpNode      *node);
ImpLink      *imp_selection_get_link    (ImpSelection *self);
gboolean      imp_selection_is_empty    (ImpSelection *self);

void          imp_selection_clear       (ImpSelection *self);
void          imp_selection_select      (ImpSelection *self,
                                         ImpNode      *node);
void          imp_selection_add         (ImpSelection *self,
                                         ImpNode      *node);
void          imp_selection_toggle      (ImpSelection *self,
                                         ImpNode      *node);
void          imp_selection_select_all  (ImpSelection *self);
void          imp_selection_set_nodes   (ImpSelection *self,
                                         GPtrArray    *nodes);
void          imp_selection_select_link (ImpSelection *self,
                                         ImpLink      *link);

G_END_DECLS
