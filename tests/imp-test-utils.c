/* imp-test-utils.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include <stdio.h>

#include "imp-format.h"
#include "imp-test-utils.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
void
imp_test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Opens a window of @app showing @map and waits until it is mapped and its
 * canvas has a size, for at most five seconds. */
ImpWindow *
imp_test_new_window_with_map (ImpApplication *app,
                              ImpMap         *map)
{
  ImpWindow *window = imp_window_new (app);
  GtkWidget *canvas = GTK_WIDGET (imp_window_get_canvas (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!(gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_width (canvas) > 0))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  imp_test_iterate_for (100);

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
 * sent; then lets it run for @settle_ms milliseconds more. */
void
imp_test_xdotool (GtkWindow         *window,
                  const char *const *args,
                  guint              settle_ms)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
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
  imp_test_iterate_for (settle_ms);
}
