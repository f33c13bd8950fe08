/* imp-a11y.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void imp_a11y_set_label      (GtkWidget  *widget,
                              const char *label);
void imp_a11y_set_decorative (GtkWidget  *widget);
void imp_a11y_repair         (GtkWidget  *root);
void imp_a11y_repair_on_map  (GtkWidget  *widget);
void imp_a11y_watch_toplevels (void);

G_END_DECLS
