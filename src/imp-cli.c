/* imp-cli.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "imp-cli.h"
#include "imp-export.h"
#include "imp-format.h"

/* The headless commands: they link the core only and never open a display. */

static void
print_usage_error (const char *command,
                   const char *message)
{
  g_printerr ("impact-mapper %s: %s\n", command, message);
  g_printerr (_("Try “impact-mapper %s --help”.\n"), command);
}

static int
check_command (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_auto(GStrv) files = NULL;
  guint per_level[IMP_N_LEVELS] = { 0 };
  guint n_cross = 0;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — check that FILE is a valid impact map"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Exit status: 0 for a valid map, 1 for a broken file, "
                                  "2 for a wrong command line."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_usage_error ("check", error->message);
      return IMP_CLI_EXIT_USAGE;
    }

  if (files == NULL || g_strv_length (files) != 1)
    {
      print_usage_error ("check", _("expected exactly one FILE"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (!(map = imp_format_load_path (files[0], &error)))
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      per_level[node->level]++;
      if (node->parents->len > 1)
        n_cross += node->parents->len - 1;
    }

  g_print (_("%s: valid impact map “%s”: %u nodes (%u goals, %u actors, %u impacts, "
             "%u deliverables, %u experiments), %u links (%u cross-links)\n"),
           files[0], imp_map_get_title (map), imp_map_get_n_nodes (map),
           per_level[IMP_LEVEL_GOAL], per_level[IMP_LEVEL_ACTOR], per_level[IMP_LEVEL_IMPACT],
           per_level[IMP_LEVEL_DELIVERABLE], per_level[IMP_LEVEL_EXPERIMENT],
           imp_map_get_n_links (map), n_cross);

  return IMP_CLI_EXIT_OK;
}

static int
export_command (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *theme = NULL;
  gboolean transparent = FALSE;
  double scale = 1.0;
  ImpExportOptions options;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUTPUT; its extension (.png, .svg, .json) chooses the format"), N_("OUTPUT") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("Pixels per map unit for PNG, from 0.1 to 8 (default 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("Colours: light or dark (default light)"), N_("THEME") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent,
      N_("Leave the background transparent (PNG, SVG)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("INPUT") },
    { NULL }
  };

  context = g_option_context_new (_("INPUT -o OUTPUT — draw or convert an impact map"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_usage_error ("export", error->message);
      return IMP_CLI_EXIT_USAGE;
    }

  if (files == NULL || g_strv_length (files) != 1)
    {
      print_usage_error ("export", _("expected exactly one INPUT file"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (output == NULL)
    {
      print_usage_error ("export", _("missing -o OUTPUT"));
      return IMP_CLI_EXIT_USAGE;
    }

  imp_export_options_init (&options);

  if (!imp_export_format_from_path (output, &options.format, &error))
    {
      print_usage_error ("export", error->message);
      return IMP_CLI_EXIT_USAGE;
    }

  if (!isfinite (scale) || scale < 0.1 || scale > 8)
    {
      g_autofree char *msg = g_strdup_printf (_("--scale must be between 0.1 and 8, not %g"), scale);
      print_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.scale = scale;

  if (theme != NULL && !imp_theme_kind_from_string (theme, &options.theme))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown theme “%s”: use light or dark"), theme);
      print_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.transparent = transparent;

  if (!(map = imp_format_load_path (files[0], &error)))
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  if (!imp_export_to_path (map, output, &options, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  return IMP_CLI_EXIT_OK;
}

gboolean
imp_cli_is_command (const char *word)
{
  return g_strcmp0 (word, "check") == 0 || g_strcmp0 (word, "export") == 0;
}

/**
 * imp_cli_run:
 *
 * Runs "impact-mapper check …" or "impact-mapper export …".
 *
 * Returns: the exit status: 0 success, 1 failure, 2 wrong command line.
 */
int
imp_cli_run (int    argc,
             char **argv)
{
  g_autofree char *prgname = NULL;

  g_return_val_if_fail (argc > 1, IMP_CLI_EXIT_USAGE);

  prgname = g_strdup_printf ("impact-mapper %s", argv[1]);
  g_set_prgname (prgname);

  /* Drop the program name so the command is argv[0] for GOptionContext. */
  if (g_str_equal (argv[1], "check"))
    return check_command (argc - 1, argv + 1);
  else
    return export_command (argc - 1, argv + 1);
}
