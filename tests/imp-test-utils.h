/* imp-test-utils.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-application.h"
#include "imp-map.h"
#include "imp-window.h"

G_BEGIN_DECLS

/* Helpers the window tests share: waiting on the main loop, opening a
 * window and loading an example map. */

void       imp_test_iterate_for        (guint           ms);
ImpWindow *imp_test_new_window_with_map (ImpApplication *app,
                                         ImpMap         *map);
ImpMap    *imp_test_load_example       (const char     *name);

gboolean        imp_test_has_display  (void);
ImpApplication *imp_test_register_app (void);

void imp_test_xdotool (GtkWindow         *window,
                       const char *const *args,
                       guint              settle_ms);

G_END_DECLS
