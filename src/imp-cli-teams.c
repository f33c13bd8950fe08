/* imp-cli-teams.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "imp-cli.h"
#include "imp-cli-private.h"
#include "imp-cli-teams.h"
#include "imp-combine.h"
#include "imp-diff.h"
#include "imp-format.h"
#include "imp-merge.h"

/* The commands for teams that keep maps in git: diff and its two forms for
 * git's drivers. */

/* /dev/null is what git passes for the side of an added or deleted file:
 * read as a map with nothing in it. */
static ImpMap *
load_side (const char  *path,
           GError     **error)
{
  if (g_strcmp0 (path, "/dev/null") == 0)
    return imp_map_new ();

  return imp_format_load_path (path, error);
}

static void
print_text (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

/* git diff.impactmap.textconv: the text form, or the file's own bytes when
 * it is not a map (a conflicted or broken file must still show in a diff). */
static int
textconv (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = load_side (path, &error);
  g_autofree char *text = NULL;

  if (map == NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      g_printerr ("%s: %s\n", path, error->message);
      if (!g_file_get_contents (path, &data, &length, NULL))
        return IMP_CLI_EXIT_USAGE;
      fwrite (data, 1, length, stdout);
      return IMP_CLI_EXIT_OK;
    }

  text = imp_diff_textconv (map);
  print_text (text);

  return IMP_CLI_EXIT_OK;
}

/* git diff.impactmap.command: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
 * NEW-HEX NEW-MODE. Always 0: git stops the whole diff on anything else. */
static int
git_diff (char **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) old_map = NULL;
  g_autoptr(ImpMap) new_map = NULL;
  g_autoptr(ImpDiff) diff = NULL;
  g_autofree char *text = NULL;
  const char *path = args[0];

  g_print ("diff --impactmap a/%s b/%s\n", path, path);
  if (!(old_map = load_side (args[1], &error)))
    {
      /* TRANSLATORS: a line of git's diff: the path in the repository, why it cannot be read */
      g_print (_("old version of %s is not a map: %s\n"), path, error->message);
      return IMP_CLI_EXIT_OK;
    }
  if (!(new_map = load_side (args[4], &error)))
    {
      /* TRANSLATORS: a line of git's diff: the path in the repository, why it cannot be read */
      g_print (_("new version of %s is not a map: %s\n"), path, error->message);
      return IMP_CLI_EXIT_OK;
    }

  if (g_strcmp0 (args[1], "/dev/null") == 0)
    /* TRANSLATORS: a line of git's diff when a map was added */
    g_print (_("new map\n"));
  else if (g_strcmp0 (args[4], "/dev/null") == 0)
    /* TRANSLATORS: a line of git's diff when a map was deleted */
    g_print (_("deleted map\n"));

  diff = imp_diff_new (old_map, new_map);
  text = imp_diff_to_text (diff);
  print_text (text);

  return IMP_CLI_EXIT_OK;
}

/**
 * imp_cli_diff_command:
 *
 * "impact-mapper diff OLD NEW [--format text|json]", "diff --git" with
 * git's seven arguments and "diff --textconv FILE".
 *
 * Returns: 0 when the maps are equal, 1 when they differ, 2 on trouble.
 */
int
imp_cli_diff_command (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) old_map = NULL;
  g_autoptr(ImpMap) new_map = NULL;
  g_autoptr(ImpDiff) diff = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *format = NULL;
  g_autofree char *text = NULL;
  gboolean git = FALSE;
  gboolean conv = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("text (default): a change a line; json: an object with \"equal\" and \"changes\""),
      N_("FORMAT") },
    { "git", 0, 0, G_OPTION_ARG_NONE, &git,
      N_("Take git's seven arguments of an external diff (PATH OLD-FILE OLD-HEX OLD-MODE "
         "NEW-FILE NEW-HEX NEW-MODE) and always exit 0"), NULL },
    { "textconv", 0, 0, G_OPTION_ARG_NONE, &conv,
      N_("Print one FILE as stable text for git's diff.impactmap.textconv"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  guint n_files;

  context = _imp_cli_context_new (_("OLD NEW — what changed between two versions of a map"),
                                  entries);
  g_option_context_set_summary (context,
                                _("Cards are matched by id, links by their two cards: cards "
                                  "added, removed, renamed, moved to another parent, their level "
                                  "and every other field (notes, metric and readings, ICE, "
                                  "experiment, votes, delivery), links and their assumptions, the "
                                  "map's title and vocabulary. /dev/null reads as an empty map. "
                                  "Exit status: 0 when the maps are equal, 1 when they differ, "
                                  "2 on trouble (a file that is not a map, a wrong command line)."));

  if (!_imp_cli_parse (context, "diff", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;
  n_files = files != NULL ? g_strv_length (files) : 0;

  if (git && conv)
    {
      _imp_cli_usage_error ("diff", _("give --git or --textconv, not both"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (git)
    {
      if (n_files != 7)
        {
          _imp_cli_usage_error ("diff",
                                _("--git takes the seven arguments git gives an external diff"));
          return IMP_CLI_EXIT_USAGE;
        }
      return git_diff (files);
    }
  if (conv)
    {
      if (n_files != 1)
        {
          _imp_cli_usage_error ("diff", _("--textconv takes exactly one FILE"));
          return IMP_CLI_EXIT_USAGE;
        }
      return textconv (files[0]);
    }

  if (format != NULL && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    {
      g_autofree char *msg = g_strdup_printf (_("unknown format “%s”: use text or json"), format);
      _imp_cli_usage_error ("diff", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  if (n_files != 2)
    {
      _imp_cli_usage_error ("diff", _("expected OLD and NEW"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (!(old_map = load_side (files[0], &error)))
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return IMP_CLI_EXIT_USAGE;
    }
  if (!(new_map = load_side (files[1], &error)))
    {
      g_printerr ("%s: %s\n", files[1], error->message);
      return IMP_CLI_EXIT_USAGE;
    }

  diff = imp_diff_new (old_map, new_map);
  text = g_strcmp0 (format, "json") == 0 ? imp_diff_to_json (diff) : imp_diff_to_text (diff);
  print_text (text);

  return imp_diff_get_n_changes (diff) == 0 ? IMP_CLI_EXIT_OK : IMP_CLI_EXIT_FAILURE;
}

/**
 * imp_cli_merge_command:
 *
 * "impact-mapper merge BASE OURS THEIRS [-o OUT]", git's merge driver as
 * "impact-mapper merge %O %A %B -o %A".
 *
 * Returns: 0 for a clean merge, 1 with conflicts (recorded in the file) or
 *   when a side is not a map (then nothing is written), 2 for a wrong
 *   command line.
 */
int
imp_cli_merge_command (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) merged = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  ImpMap *sides[3] = { NULL, };
  const char *names[3];
  gsize length = 0;
  guint n_conflicts = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the merged map to OUT (atomically, no OUT~ left) instead of printing it"),
      N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  /* TRANSLATORS: the sides of a three-way merge, as error messages name them */
  names[0] = _("base");
  names[1] = _("ours");
  names[2] = _("theirs");

  context = _imp_cli_context_new (_("BASE OURS THEIRS — merge two edited versions of a map"),
                                  entries);
  g_option_context_set_summary (context,
                                _("A three-way merge by card id and link endpoints: what one side "
                                  "changed and the other left alone is taken, both sides' new "
                                  "cards are kept. Where both changed the same thing differently, "
                                  "the merged map keeps OURS and records both values in its "
                                  "\"conflicts\" member; the merged map always loads. "
                                  "As git's merge driver: "
                                  "impact-mapper merge %O %A %B -o %A. "
                                  "Exit status: 0 for a clean merge, 1 with conflicts or when a "
                                  "side is not a map (then nothing is written), 2 for a wrong "
                                  "command line."));

  if (!_imp_cli_parse (context, "merge", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;
  if (files == NULL || g_strv_length (files) != 3)
    {
      _imp_cli_usage_error ("merge", _("expected BASE OURS THEIRS"));
      return IMP_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < 3; i++)
    if (!(sides[i] = load_side (files[i], &error)))
      {
        /* TRANSLATORS: the side of the merge ("ours"), its file, why it cannot be read */
        g_printerr (_("%s (%s): %s\n"), names[i], files[i], error->message);
        g_printerr (_("Nothing was written.\n"));
        for (guint j = 0; j < i; j++)
          g_object_unref (sides[j]);
        return IMP_CLI_EXIT_FAILURE;
      }

  merged = imp_merge_maps (sides[0], sides[1], sides[2], &n_conflicts, &error);
  for (guint i = 0; i < 3; i++)
    g_object_unref (sides[i]);
  if (merged == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Nothing was written.\n"));
      return IMP_CLI_EXIT_FAILURE;
    }

  data = imp_format_save_to_data (merged, &length);
  if (output == NULL)
    fwrite (data, 1, length, stdout);
  else if (!imp_format_write_path (output, data, length, FALSE, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  if (n_conflicts > 0)
    {
      g_printerr (ngettext ("%s: merged with %u conflict, recorded in the map; open it to "
                            "resolve it\n",
                            "%s: merged with %u conflicts, recorded in the map; open it to "
                            "resolve them\n", n_conflicts),
                  output ? output : "-", n_conflicts);
      return IMP_CLI_EXIT_FAILURE;
    }

  return IMP_CLI_EXIT_OK;
}

/**
 * imp_cli_combine_command:
 *
 * "impact-mapper combine A B [C…] -o OUT": the maps of breakout groups in one.
 *
 * Returns: 0 on success, 1 when a map cannot be read or OUT written, 2 for
 *   a wrong command line.
 */
int
imp_cli_combine_command (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ImpMap) combined = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  guint n_files;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the combined map to OUT, a .impactmap file (atomically)"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = _imp_cli_context_new (_("A B [C…] -o OUT — combine the maps of breakout groups"),
                                  entries);
  g_option_context_set_summary (context,
                                _("Combines 2 to 6 maps that share no history: cards with the same "
                                  "level and title (case and spaces aside) under the same path of "
                                  "titles are one card, the others are kept. Every card records "
                                  "which maps proposed it (named after their files), shown in the "
                                  "window and as the proposed_by column of a CSV export. "
                                  "Exit status: 0 on success, 1 when a map cannot be read or OUT "
                                  "cannot be written (then nothing is written), 2 for a wrong "
                                  "command line."));

  if (!_imp_cli_parse (context, "combine", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;
  n_files = files != NULL ? g_strv_length (files) : 0;
  if (n_files < 2 || n_files > IMP_COMBINE_MAX_MAPS)
    {
      _imp_cli_usage_error ("combine", _("expected 2 to 6 maps"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      _imp_cli_usage_error ("combine", _("missing -o OUT"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (!g_str_has_suffix (output, ".impactmap"))
    {
      g_autofree char *msg = g_strdup_printf (_("OUT must be a .impactmap file, not “%s”"),
                                              output);
      _imp_cli_usage_error ("combine", msg);
      return IMP_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < n_files; i++)
    {
      ImpMap *map = imp_format_load_path (files[i], &error);
      g_autofree char *base = g_path_get_basename (files[i]);
      char *label;

      if (map == NULL)
        {
          g_printerr ("%s: %s\n", files[i], error->message);
          g_printerr (_("Nothing was written.\n"));
          return IMP_CLI_EXIT_FAILURE;
        }
      g_ptr_array_add (maps, map);
      if (g_str_has_suffix (base, ".impactmap"))
        base[strlen (base) - strlen (".impactmap")] = '\0';
      label = g_strdup (base);
      /* Two files of one name in two folders still need two labels. */
      for (guint j = 0; j < labels->len; j++)
        if (g_str_equal (labels->pdata[j], label))
          {
            g_free (label);
            label = g_strdup_printf ("%s (%u)", base, i + 1);
            break;
          }
      g_ptr_array_add (labels, label);
    }

  combined = imp_combine_maps ((ImpMap **) maps->pdata, (const char *const *) labels->pdata,
                               n_files, &error);
  if (combined == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Nothing was written.\n"));
      return IMP_CLI_EXIT_FAILURE;
    }
  {
    gsize length = 0;
    g_autofree char *data = imp_format_save_to_data (combined, &length);

    if (!imp_format_write_path (output, data, length, FALSE, &error))
      {
        g_printerr ("%s: %s\n", output, error->message);
        return IMP_CLI_EXIT_FAILURE;
      }
  }
  /* TRANSLATORS: the last line of combine: the number of cards, of maps, the file */
  g_print (_("Combined %u cards from %u maps into “%s”.\n"), imp_map_get_n_nodes (combined),
           n_files, output);

  return IMP_CLI_EXIT_OK;
}
