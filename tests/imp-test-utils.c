/* imp-test-utils.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-test-utils"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include <glib/gstdio.h>
#include <stdio.h>

#include "imp-format.h"
#include "imp-window-private.h"
#include "imp-test-utils.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. Not a way to wait for anything:
 * use imp_test_wait_for() and friends, which wait for the effect itself. */
void
imp_test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * imp_test_drain:
 *
 * Dispatches everything the main loop has ready now (idle callbacks, queued
 * events, a frame due) without waiting for anything more: after an effect,
 * the work it queued is done. Bounded, in case something keeps itself busy.
 */
void
imp_test_drain (void)
{
  for (guint i = 0; i < 100000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * imp_test_wait_step:
 * @deadline: 0 before the first step; then kept by this function
 * @domain: the log domain of the test, for the failure message
 * @file: where the wait is, for the failure message
 * @line: ditto
 * @func: ditto
 * @what: what is waited for, in the failure message
 *
 * One step of imp_test_wait_for(): fails the test if the wait has lasted
 * %IMP_TEST_TIMEOUT_S seconds, else runs one main loop iteration (waking
 * up now and then, so that a condition polled rather than signalled is
 * seen too).
 */
void
imp_test_wait_step (gint64     *deadline,
                    const char *domain,
                    const char *file,
                    int         line,
                    const char *func,
                    const char *what)
{
  gint64 now = g_get_monotonic_time ();
  guint wake;

  if (*deadline == 0)
    *deadline = now + IMP_TEST_TIMEOUT_S * G_USEC_PER_SEC;
  else if (now > *deadline)
    {
      g_autofree char *message = g_strdup_printf ("waited %d s in vain for: %s",
                                                  IMP_TEST_TIMEOUT_S, what);

      g_assertion_message (domain, file, line, func, message);
      /* Non-fatal assertions: fail once, then again only after as long. */
      *deadline = now + IMP_TEST_TIMEOUT_S * G_USEC_PER_SEC;
    }

  wake = g_timeout_add (10, wake_cb, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/**
 * imp_test_wait_until_at:
 * @domain: the log domain of the test, for the failure message
 * @file: where the wait is, for the failure message
 * @line: ditto
 * @func: ditto
 * @cond: the effect
 * @data: passed to @cond
 * @what: the effect in words
 *
 * What imp_test_wait_until() calls, with the caller's place.
 */
void
imp_test_wait_until_at (const char       *domain,
                        const char       *file,
                        int               line,
                        const char       *func,
                        ImpTestCondition  cond,
                        gpointer          data,
                        const char       *what)
{
  gint64 deadline = 0;

  while (!cond (data))
    imp_test_wait_step (&deadline, domain, file, line, func, what);
  imp_test_drain ();
}

static void
count_marshal (GClosure     *closure,
               GValue       *return_value,
               guint         n_param_values,
               const GValue *param_values,
               gpointer      invocation_hint,
               gpointer      marshal_data)
{
  (*(guint *) closure->data)++;
}

/**
 * imp_test_count_signal:
 * @instance: the object that emits
 * @detailed_signal: a signal without a return value, e.g. "notify::zoom"
 * @count: (out): incremented at every emission
 *
 * Counts the emissions of @detailed_signal, whatever its arguments, so that
 * a test can wait for the next one: `imp_test_wait_for (count > before)`.
 *
 * Returns: the handler id
 */
gulong
imp_test_count_signal (gpointer    instance,
                       const char *detailed_signal,
                       guint      *count)
{
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), count);

  g_closure_set_marshal (closure, count_marshal);

  return g_signal_connect_closure (instance, detailed_signal, closure, FALSE);
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/**
 * imp_test_wait_for_frame:
 * @widget: a realized widget
 *
 * Asks @widget to draw and waits until its frame clock has painted a frame:
 * what the widget shows is on screen, and so is the layout it was drawn in.
 */
void
imp_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = imp_test_count_signal (clock, "after-paint", &painted);
  gtk_widget_queue_draw (widget);
  imp_test_wait_until (counted, &painted, "the widget's frame clock to paint a frame");
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
mapped_with_size (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/**
 * imp_test_wait_for_mapped:
 * @widget: a widget in a window that was presented
 *
 * Waits until @widget is mapped and has a size.
 */
void
imp_test_wait_for_mapped (GtkWidget *widget)
{
  imp_test_wait_until (mapped_with_size, widget, "the widget to be mapped with a size");
}

static gboolean
focus_within (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/**
 * imp_test_wait_for_focus:
 * @widget: a widget
 *
 * Waits until the focus of @widget's window is @widget or inside it.
 */
void
imp_test_wait_for_focus (GtkWidget *widget)
{
  imp_test_wait_until (focus_within, widget, "the focus to be in the widget");
}

/**
 * imp_test_wait_for_n_undo:
 * @history: a history
 * @n_undo: the number of undo steps expected
 *
 * Waits until @history has @n_undo steps to undo.
 */
void
imp_test_wait_for_n_undo (ImpHistory *history,
                          guint       n_undo)
{
  g_autofree char *what = g_strdup_printf ("%u steps to undo", n_undo);
  gint64 deadline = 0;

  while (imp_history_get_n_undo (history) != n_undo)
    imp_test_wait_step (&deadline, G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, what);
  imp_test_drain ();
}

/* Opens a window of @app showing @map and waits until it is mapped, its
 * canvas has a size and the window has drawn a frame. */
ImpWindow *
imp_test_new_window_with_map (ImpApplication *app,
                              ImpMap         *map)
{
  ImpWindow *window = imp_window_new (app);
  GtkWidget *canvas = GTK_WIDGET (imp_window_get_canvas (window));

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));

  imp_test_wait_for_mapped (canvas);
  imp_test_wait_for_frame (canvas);

  return window;
}

/* Loads data/examples/@name of the source tree; fails the test if it cannot. */
ImpMap *
imp_test_load_example (const char *name)
{
  const char *root = g_getenv ("IMP_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ImpMap *map;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "examples", name, NULL);
  map = imp_format_load_path (path, &error);
  g_assert_no_error (error);

  return map;
}

/* Says whether there is a display to open windows on; without one, prints
 * the TAP plan that skips the whole test program and returns FALSE. */
gboolean
imp_test_has_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }

  return TRUE;
}

/* A new application, registered: that runs its startup (libadwaita, style,
 * actions) without a main loop. Call after gtk_test_init(). */
ImpApplication *
imp_test_register_app (void)
{
  g_autoptr(GError) error = NULL;
  ImpApplication *app = imp_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  *(gboolean *) data = TRUE;
}

/* Focuses @window and runs xdotool with @args (NULL-terminated) against it,
 * iterating the main loop so that the window handles the keys while they are
 * sent. Returns once the window has handled every event they caused: xdotool
 * has exited, so the X server has turned all its requests into events, and a
 * round trip to the server (gdk_display_sync()) brings each of them into the
 * queue that the drain then empties, in order. Then lets it run for
 * @settle_ms milliseconds more, for a test about time passing; 0 for the
 * rest, which need no settling. */
void
imp_test_xdotool (GtkWindow         *window,
                  const char *const *args,
                  guint              settle_ms)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* The keys may close @window: its display stays. */
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  gboolean done = FALSE;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (process));
  gdk_display_sync (display);
  imp_test_drain ();
  if (settle_ms > 0)
    imp_test_iterate_for (settle_ms);
}

/**
 * imp_test_xdotool_args:
 * @window: the window the keys go to
 * @first: the first argument to xdotool after the window's
 * @...: more arguments, then %NULL
 *
 * imp_test_xdotool() with its arguments listed in the call.
 */
void
imp_test_xdotool_args (GtkWindow  *window,
                       const char *first,
                       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  imp_test_xdotool (window, (const char *const *) args->pdata, 0);
}

/**
 * imp_test_press:
 * @window: the window the keys go to
 * @keys: xdotool key names separated by spaces, e.g. "ctrl+z Tab"
 *
 * Presses @keys one after the other, as a person would, and returns once
 * @window has handled them.
 */
void
imp_test_press (GtkWindow  *window,
                const char *keys)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "30");
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, names[i]);
  g_ptr_array_add (args, NULL);

  imp_test_xdotool (window, (const char *const *) args->pdata, 0);
}

/**
 * imp_test_open_saved_window:
 * @app: the application
 * @map: the map to show
 * @path: where to save @map first, so that the window starts clean
 * @window: (out): the window, kept pointing to it until it is destroyed
 *
 * Opens a 1400×900 window of @app showing @map as the file at @path, and
 * waits until its inspector is mapped and its canvas has a width.
 */
void
imp_test_open_saved_window (ImpApplication *app,
                            ImpMap         *map,
                            const char     *path,
                            ImpWindow     **window)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *inspector;

  g_assert_true (imp_format_save_to_path (map, path, NULL));

  *window = imp_window_new (app);
  imp_window_set_map (*window, map, file);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1400, 900);
  gtk_window_present (GTK_WINDOW (*window));
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  inspector = (*window)->inspector;
  imp_test_wait_for (gtk_widget_get_mapped (inspector) &&
                     gtk_widget_get_width (GTK_WIDGET (imp_window_get_canvas (*window))) > 0);
}

/**
 * imp_test_close_saved_window:
 * @window: a window opened by imp_test_open_saved_window(), or %NULL in it
 * @path: its file, removed
 *
 * Closes the window without the question about unsaved changes (a test asks
 * what it wants itself) and waits until it is gone.
 */
void
imp_test_close_saved_window (ImpWindow  **window,
                             const char  *path)
{
  if (*window != NULL)
    {
      (*window)->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (*window));
      imp_test_wait_for (*window == NULL);
    }
  g_unlink (path);
}
