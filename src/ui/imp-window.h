/* imp-window.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-document.h"
#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_TYPE_WINDOW (imp_window_get_type ())

G_DECLARE_FINAL_TYPE (ImpWindow, imp_window, IMP, WINDOW, AdwApplicationWindow)

ImpWindow *imp_window_new               (ImpApplication *application);
ImpWindow *imp_window_new_for_document  (ImpApplication *application,
                                         ImpDocument    *document);
ImpDocument *imp_window_get_document    (ImpWindow      *self);

void       imp_window_set_map           (ImpWindow      *self,
                                         ImpMap         *map,
                                         GFile          *file);
ImpMap    *imp_window_get_map           (ImpWindow      *self);
GFile     *imp_window_get_file          (ImpWindow      *self);
ImpCanvas *imp_window_get_canvas        (ImpWindow      *self);
ImpHistory *imp_window_get_history      (ImpWindow      *self);
ImpSelection *imp_window_get_selection  (ImpWindow      *self);

void       imp_window_open_file         (ImpWindow      *self,
                                         GFile          *file);
void       imp_window_show_error        (ImpWindow      *self,
                                         const char     *title,
                                         const char     *message);
gboolean   imp_window_is_showing_error  (ImpWindow      *self);

gboolean   imp_window_get_presenting    (ImpWindow      *self);
void       imp_window_set_presenting    (ImpWindow      *self,
                                         gboolean        presenting);

G_END_DECLS
