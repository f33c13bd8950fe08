/* imp-test-utils.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-application.h"
#include "imp-history.h"
#include "imp-map.h"
#include "imp-window.h"

G_BEGIN_DECLS

/* Helpers the window tests share: waiting on the main loop, opening a
 * window and loading an example map. */

/* How long a wait for an effect may take before the test fails: generous,
 * since a loaded machine is slow but never that slow. */
#define IMP_TEST_TIMEOUT_S 20

/**
 * ImpTestCondition:
 * @data: what the caller passed along
 *
 * Returns: whether the effect a test waits for has happened
 */
typedef gboolean (*ImpTestCondition) (gpointer data);

void       imp_test_iterate_for        (guint           ms);
void       imp_test_drain              (void);
void       imp_test_wait_step          (gint64         *deadline,
                                        const char     *domain,
                                        const char     *file,
                                        int             line,
                                        const char     *func,
                                        const char     *what);
void       imp_test_wait_until_at      (const char     *domain,
                                        const char     *file,
                                        int             line,
                                        const char     *func,
                                        ImpTestCondition cond,
                                        gpointer        data,
                                        const char     *what);

/**
 * imp_test_wait_until:
 * @cond: an #ImpTestCondition
 * @data: passed to @cond
 * @what: the effect, in words, for the failure message
 *
 * Runs the main loop until @cond holds, failing the test where it is called
 * after %IMP_TEST_TIMEOUT_S seconds; then drains the main loop.
 */
#define imp_test_wait_until(cond, data, what) \
  imp_test_wait_until_at (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, (cond), (data), (what))

/**
 * imp_test_wait_for:
 * @expr: an expression that is true once the effect has happened
 *
 * The same as imp_test_wait_until() for an expression: runs the main loop
 * until @expr holds, failing the test after %IMP_TEST_TIMEOUT_S seconds
 * with @expr in the message; then drains the main loop.
 */
#define imp_test_wait_for(expr) \
  G_STMT_START { \
    gint64 imp_test_deadline_ = 0; \
    while (!(expr)) \
      imp_test_wait_step (&imp_test_deadline_, G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                          #expr); \
    imp_test_drain (); \
  } G_STMT_END

gulong     imp_test_count_signal       (gpointer        instance,
                                        const char     *detailed_signal,
                                        guint          *count);
void       imp_test_wait_for_frame     (GtkWidget      *widget);
void       imp_test_wait_for_mapped    (GtkWidget      *widget);
void       imp_test_wait_for_focus     (GtkWidget      *widget);
void       imp_test_wait_for_n_undo    (ImpHistory     *history,
                                        guint           n_undo);

ImpWindow *imp_test_new_window_with_map (ImpApplication *app,
                                         ImpMap         *map);
ImpMap    *imp_test_load_example       (const char     *name);

gboolean        imp_test_has_display  (void);
ImpApplication *imp_test_register_app (void);

void imp_test_xdotool (GtkWindow         *window,
                       const char *const *args,
                       guint              settle_ms);
void imp_test_xdotool_args (GtkWindow  *window,
                            const char *first,
                            ...) G_GNUC_NULL_TERMINATED;
void imp_test_press (GtkWindow  *window,
                     const char *keys);

void imp_test_open_saved_window  (ImpApplication *app,
                                  ImpMap         *map,
                                  const char     *path,
                                  ImpWindow     **window);
void imp_test_close_saved_window (ImpWindow     **window,
                                  const char     *path);

G_END_DECLS
