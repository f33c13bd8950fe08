/* imp-readings-panel.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "imp-history.h"

G_BEGIN_DECLS

#define IMP_TYPE_READINGS_PANEL (imp_readings_panel_get_type ())

G_DECLARE_FINAL_TYPE (ImpReadingsPanel, imp_readings_panel, IMP, READINGS_PANEL, GtkWidget)

GtkWidget *imp_readings_panel_new (ImpHistory  *history,
                                   ImpNode     *node,
                                   const GDate *today);

GtkWidget *imp_delivery_group_new (ImpHistory  *history,
                                   ImpNode     *node,
                                   const GDate *today,
                                   GtkWidget   *feedback);

gboolean   imp_readings_panel_get_reading_point (ImpReadingsPanel *self,
                                                 guint             index,
                                                 double           *x,
                                                 double           *y);
GtkWidget *imp_readings_panel_get_chart         (ImpReadingsPanel *self);

G_END_DECLS
