/* main.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-mapper"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <time.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-cli.h"

/* IMP_FIRST_FRAME_EXIT=1: report the time from the start of main() to the
 * first painted frame of a map on stderr, then quit, so that the whole app
 * can be timed under Xvfb. What runs before main() (exec, dynamic linking)
 * is not counted: time the process from outside for that. A second line,
 * `first frame cpu: N ms`, gives the processor time spent by then. */
static void
first_frame_cb (ImpCanvas *canvas,
                gpointer   user_data)
{
  gint64 start = *(gint64 *) user_data;
  struct timespec cpu;

  g_printerr ("first frame: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  /* On a loaded machine the wall time mostly measures the others; the
   * processor time this process (every thread) spent is steadier. */
  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0)
    g_printerr ("first frame cpu: %.0f ms\n", cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6);
  g_application_quit (g_application_get_default ());
}

int
main (int   argc,
      char *argv[])
{
  static gint64 start;
  g_autoptr(ImpApplication) app = NULL;
  const char *localedir;

  start = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  /* An uninstalled run (build-aux/run-app.sh, the tests) finds the
   * translations compiled into the build tree's po folder. */
  localedir = g_getenv ("IMP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they work with no display. */
  if (argc > 1 && imp_cli_is_command (argv[1]))
    return imp_cli_run (argc, argv);

  if (g_strcmp0 (g_getenv ("IMP_FIRST_FRAME_EXIT"), "1") == 0)
    imp_canvas_set_first_frame_func (first_frame_cb, &start);

  app = imp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
