/* imp-cli-common.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-cli-private.h"

/* A wrong command line: what is wrong, and where to read how it goes. */
void
_imp_cli_usage_error (const char *command,
                      const char *message)
{
  g_printerr ("impact-mapper %s: %s\n", command, message);
  g_printerr (_("Try “impact-mapper %s --help”.\n"), command);
}

/* The options of a command: @parameters as --help shows them after it,
 * @entries translated in our domain. */
GOptionContext *
_imp_cli_context_new (const char         *parameters,
                      const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses the command line of @command; on a wrong one says so on stderr
 * and returns FALSE: the command then exits with IMP_CLI_EXIT_USAGE. */
gboolean
_imp_cli_parse (GOptionContext   *context,
                const char       *command,
                int              *argc,
                char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _imp_cli_usage_error (command, error->message);
      return FALSE;
    }

  return TRUE;
}
