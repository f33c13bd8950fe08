/* imp-window-outline.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-outline-view.h"
#include "imp-window.h"

G_BEGIN_DECLS

ImpOutlineView *imp_window_get_outline       (ImpWindow *self);
gboolean        imp_window_get_outline_shown (ImpWindow *self);

GtkWidget *_imp_window_outline_get_revealer (ImpWindow *self);

void _imp_window_outline_init          (ImpWindow  *self);
void _imp_window_outline_set_map       (ImpWindow  *self);
void _imp_window_outline_toggle_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param);

G_END_DECLS
