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

#include "imp-application.h"
#include "imp-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ImpApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they work with no display. */
  if (argc > 1 && imp_cli_is_command (argv[1]))
    return imp_cli_run (argc, argv);

  app = imp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
