/* imp-inspector-reviews.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-history.h"

G_BEGIN_DECLS

GtkWidget *imp_primary_goal_group_new (ImpHistory *history,
                                       ImpNode    *goal);
GtkWidget *imp_reviews_group_new      (ImpMap     *map,
                                       gboolean    editable);

G_END_DECLS
