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

#include "imp-analysis.h"
#include "imp-cli.h"
#include "imp-cli-private.h"
#include "imp-cli-teams.h"
#include "imp-export.h"
#include "imp-format.h"
#include "imp-history.h"
#include "imp-number.h"
#include "imp-tracking.h"
#include "imp-poster.h"
#include "imp-handout.h"
#include "imp-import.h"
#include "imp-review.h"

/* The headless commands: they link the core only and never open a display. */

/* Map health, one finding a line; a valid map with findings still exits 0. */
static void
print_findings (ImpMap      *map,
                const GDate *today)
{
  g_autoptr(GPtrArray) findings = imp_analysis_find_problems (map, today);

  for (guint i = 0; i < findings->len; i++)
    {
      const ImpFinding *finding = g_ptr_array_index (findings, i);

      /* TRANSLATORS: one map-health finding on the command line */
      g_print (_("health: %s\n"), finding->message);
    }
}

/* Eliminated and refuted deliverables, apart from the ranking: a team
 * sees what it dropped and why, without a rank that invites building it. */
static void
print_set_aside (ImpMap *map)
{
  g_autoptr(GPtrArray) aside = imp_analysis_list_set_aside (map);

  if (aside->len == 0)
    return;

  /* TRANSLATORS: heading of the deliverables left out of the ICE ranking */
  g_print (_("Set aside:\n"));
  for (guint i = 0; i < aside->len; i++)
    {
      ImpNode *node = g_ptr_array_index (aside, i);

      if (imp_analysis_get_standing (node) == IMP_STANDING_LIVE &&
          node->delivery.status == IMP_DELIVERY_SHIPPED)
        /* TRANSLATORS: a deliverable left out of the ranking; its title, the day it shipped */
        g_print (_("- %s (shipped on %s)\n"), node->title, node->delivery.shipped);
      else if (imp_analysis_get_standing (node) == IMP_STANDING_LIVE)
        /* TRANSLATORS: a deliverable left out of the ranking; its title */
        g_print (_("- %s (dropped)\n"), node->title);
      else if (imp_analysis_get_standing (node) == IMP_STANDING_ELIMINATED)
        /* TRANSLATORS: a deliverable left out of the ranking; its title */
        g_print (_("- %s (eliminated: its experiments refute it)\n"), node->title);
      else
        /* TRANSLATORS: a deliverable left out of the ranking; its title */
        g_print (_("- %s (refuted: every chain up to a goal has a refuted link)\n"),
                 node->title);
    }
}

static void
print_ranking (ImpMap *map)
{
  g_autoptr(GPtrArray) ranking = imp_analysis_rank_deliverables (map);

  if (ranking->len == 0)
    g_print (_("No deliverable has an ICE score yet.\n"));

  for (guint i = 0; i < ranking->len; i++)
    {
      ImpNode *node = g_ptr_array_index (ranking, i);
      g_autoptr(GArray) chains = imp_analysis_get_chains (node);

      if (node->votes > 0)
        {
          g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", node->votes),
                                                    node->votes);

          /* TRANSLATORS: rank, ICE score, impact, confidence, ease, title, "3 votes" */
          g_print (_("%u. ICE %u (%u × %u × %u) %s · %s\n"), i + 1,
                   imp_ice_get_score (&node->ice), node->ice.impact, node->ice.confidence,
                   node->ice.ease, node->title, votes);
        }
      else
        {
          /* TRANSLATORS: rank, ICE score, impact, confidence, ease, title */
          g_print (_("%u. ICE %u (%u × %u × %u) %s\n"), i + 1, imp_ice_get_score (&node->ice),
                   node->ice.impact, node->ice.confidence, node->ice.ease, node->title);
        }
      for (guint j = 0; j < chains->len; j++)
        {
          const ImpChain *chain = &g_array_index (chains, ImpChain, j);
          g_autofree char *sentence = imp_analysis_chain_sentence (chain);

          if (chain->refuted)
            /* TRANSLATORS: a litmus sentence whose chain has a refuted link */
            g_print (_("   %s (refuted)\n"), sentence);
          else
            g_print ("   %s\n", sentence);
        }
      if (chains->len == 0)
        g_print (_("   (no chain up to a goal)\n"));
    }

  print_set_aside (map);
}

/* What a workshop left in the map, when it left anything. */
static void
print_workshop (ImpMap *map)
{
  guint votes = imp_map_get_total_votes (map);
  guint parked = imp_map_get_n_parked (map);
  guint participants, dots;
  gboolean budget = imp_map_get_vote_budget (map, &participants, &dots);
  g_autofree char *votes_text = NULL;
  g_autofree char *parked_text = NULL;

  if (votes == 0 && parked == 0 && !budget)
    return;

  votes_text = g_strdup_printf (ngettext ("%u dot vote", "%u dot votes", votes), votes);
  if (budget)
    {
      g_autofree char *counted = g_steal_pointer (&votes_text);
      int left = imp_map_get_dots_left (map);

      /* TRANSLATORS: "3 dot votes of 15 (5 participants × 3 dots, 12 left)" */
      votes_text = g_strdup_printf (_("%s of %u (%u participants × %u dots, %d left)"),
                                    counted, participants * dots, participants, dots, left);
    }
  parked_text = g_strdup_printf (ngettext ("%u idea in the parking lot",
                                           "%u ideas in the parking lot", parked), parked);
  /* TRANSLATORS: "workshop: 12 dot votes, 2 ideas in the parking lot" */
  g_print (_("workshop: %s, %s\n"), votes_text, parked_text);
}

/* "3 actors": literal formats, so the compiler checks them and gettext
 * sees every plural form. */
/* One "diagnosis:" line per tracked chain, one "proxy:" line per leading
 * metric under a lagging goal, then the pace of every metric with
 * readings. */
static void
print_diagnosis (ImpMap      *map,
                 const GDate *today)
{
  g_autoptr(GPtrArray) diagnoses = imp_tracking_diagnose (map);
  g_autoptr(GPtrArray) proxies = imp_tracking_proxy_lines (map);

  for (guint i = 0; i < diagnoses->len; i++)
    {
      const ImpDiagnosis *d = g_ptr_array_index (diagnoses, i);
      g_autofree char *chain = imp_tracking_chain_text (&d->chain);

      /* TRANSLATORS: keep "diagnosis:"; a chain of cards, then what the data say */
      g_print (_("diagnosis: %s: %s\n"), chain, d->message);
    }
  for (guint i = 0; i < proxies->len; i++)
    /* TRANSLATORS: keep "proxy:" */
    g_print (_("proxy: %s\n"), (char *) g_ptr_array_index (proxies, i));
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      g_autofree char *text = NULL;
      ImpForecast forecast;

      if (imp_metric_get_n_readings (node->metric) == 0)
        continue;
      imp_tracking_forecast (node->metric, today, &forecast);
      text = imp_tracking_describe_forecast (node->metric, &forecast, today);
      /* TRANSLATORS: keep "pace:"; a card's title, its state, the forecast */
      g_print (_("pace: “%s”: %s: %s\n"), node->title, imp_tracking_state_name (forecast.state),
               text);
    }
}

/* One "since:" line per change since the review @name. */
static gboolean
print_since (ImpMap      *map,
             const char  *file,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = imp_review_diff (map, name, &error);
  g_autoptr(GPtrArray) reviews = NULL;
  const char *date = "";

  if (changes == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return FALSE;
    }
  reviews = imp_review_list (map);
  for (guint i = 0; i < reviews->len; i++)
    if (g_str_equal (((ImpReviewInfo *) reviews->pdata[i])->name, name))
      date = ((ImpReviewInfo *) reviews->pdata[i])->date;

  /* TRANSLATORS: keep "since:"; "since: review “Q1” of 2026-03-31: 3 changes" */
  g_print (ngettext ("since: review “%s” of %s: %u change\n",
                     "since: review “%s” of %s: %u changes\n", changes->len),
           name, date, changes->len);
  for (guint i = 0; i < changes->len; i++)
    /* TRANSLATORS: keep "since:" */
    g_print (_("since: %s\n"), ((ImpReviewChange *) changes->pdata[i])->message);

  return TRUE;
}

static char *
level_count (ImpLevel level,
             guint    n)
{
  switch (level)
    {
    case IMP_LEVEL_GOAL:
      return g_strdup_printf (ngettext ("%u goal", "%u goals", n), n);
    case IMP_LEVEL_ACTOR:
      return g_strdup_printf (ngettext ("%u actor", "%u actors", n), n);
    case IMP_LEVEL_IMPACT:
      return g_strdup_printf (ngettext ("%u impact", "%u impacts", n), n);
    case IMP_LEVEL_DELIVERABLE:
      return g_strdup_printf (ngettext ("%u deliverable", "%u deliverables", n), n);
    case IMP_LEVEL_EXPERIMENT:
    default:
      return g_strdup_printf (ngettext ("%u experiment", "%u experiments", n), n);
    }
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
  gboolean ranked = FALSE;
  gboolean diagnose = FALSE;
  g_autofree char *since = NULL;
  g_autofree char *today_text = NULL;
  GDate today;
  const GOptionEntry entries[] = {
    { "ranked", 0, 0, G_OPTION_ARG_NONE, &ranked,
      N_("Print the deliverables ranked by ICE score, with their litmus sentences"), NULL },
    { "diagnose", 0, 0, G_OPTION_ARG_NONE, &diagnose,
      N_("Print where each chain from a tracked deliverable to a goal broke, and the evidence "
         "for each leading metric"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Print what changed since the review named REVIEW: metrics moved, statuses, "
         "scores and results changed, cards added or removed"), N_("REVIEW") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge deadlines as of DATE (YYYY-MM-DD) instead of today"), N_("DATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = _imp_cli_context_new (_("FILE — check that FILE is a valid impact map and "
                                    "print its map-health findings"), entries);
  g_option_context_set_summary (context,
                                _("Exit status: 0 for a valid map, 1 for a broken file, "
                                  "2 for a wrong command line."));

  if (!_imp_cli_parse (context, "check", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      _imp_cli_usage_error ("check", _("expected exactly one FILE"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (today_text != NULL && !imp_analysis_parse_date (today_text, &today))
    {
      g_autofree char *msg = g_strdup_printf (_("--today must be a date YYYY-MM-DD, not “%s”"),
                                              today_text);
      _imp_cli_usage_error ("check", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  else if (today_text == NULL)
    imp_analysis_get_today (&today);

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

  {
    g_autofree char *nodes = g_strdup_printf (ngettext ("%u node", "%u nodes",
                                                        imp_map_get_n_nodes (map)),
                                              imp_map_get_n_nodes (map));
    g_autofree char *links = g_strdup_printf (ngettext ("%u link", "%u links",
                                                        imp_map_get_n_links (map)),
                                              imp_map_get_n_links (map));
    g_autofree char *cross = g_strdup_printf (ngettext ("%u cross-link", "%u cross-links",
                                                        n_cross),
                                              n_cross);
    g_autoptr(GString) levels = g_string_new (NULL);
    for (guint i = 0; i < IMP_N_LEVELS; i++)
      {
        g_autofree char *count = level_count (i, per_level[i]);

        if (i > 0)
          g_string_append (levels, ", ");
        g_string_append (levels, count);
      }

    g_print (_("%s: valid impact map “%s”: %s (%s), %s (%s)\n"),
             files[0], imp_map_get_title (map), nodes, levels->str, links, cross);
  }

  if (since != NULL)
    {
      if (!print_since (map, files[0], since))
        return IMP_CLI_EXIT_FAILURE;
    }
  else if (ranked)
    print_ranking (map);
  else if (diagnose)
    print_diagnosis (map, &today);
  else
    print_findings (map, &today);
  print_workshop (map);

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
  g_autofree char *format = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *page = NULL;
  g_autofree char *layout = NULL;
  gboolean transparent = FALSE;
  gboolean landscape = FALSE;
  gboolean alone = FALSE;
  gboolean title_line = FALSE;
  g_autofree char *poster_size = NULL;
  g_autofree char *tiles = NULL;
  g_autofree char *sheet = NULL;
  double overlap = NAN;
  gboolean no_marks = FALSE;
  gboolean no_labels = FALSE;
  gboolean no_overview = FALSE;
  ImpPosterOptions poster;
  gboolean handouts = FALSE;
  g_autofree char *handouts_per = NULL;
  g_autofree char *aspect = NULL;
  double scale = NAN;
  double dpi = NAN;
  double padding = 32.0;
  double margin = 36.0;
  ImpExportOptions options;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUTPUT; its extension (.png, .svg, .pdf, .json, .md, .mmd, .csv, .opml, "
         ".mm) chooses the format"), N_("OUTPUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Format: png, svg, pdf, json, markdown (md), mermaid (mmd), csv, opml or "
         "freemind (mm), whatever OUTPUT's extension"), N_("FORMAT") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("Pixels per map unit for PNG, from 0.1 to 8 (default 1)"), N_("N") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi,
      N_("Resolution of a PNG, from 9.6 to 768 dots per inch (96 is scale 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("Colours: light, dark, print or projector (default light)"), N_("THEME") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout,
      N_("Draw the map left to right (right), with each goal in the centre (balanced) or "
         "top-down (down), whatever layout the map was saved in"), N_("LAYOUT") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent,
      N_("Leave the background transparent (PNG, SVG, PDF)"), NULL },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch,
      N_("Export only the branch under the node NODE_ID, with its ancestors"), N_("NODE_ID") },
    { "alone", 0, 0, G_OPTION_ARG_NONE, &alone,
      N_("With --branch: leave the ancestors out"), NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page,
      N_("PDF page: a4, letter, 16:9, or natural (default): the map's own size"), N_("PAGE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape,
      N_("Turn an A4 or letter page sideways"), NULL },
    { "margin", 0, 0, G_OPTION_ARG_DOUBLE, &margin,
      N_("Margin around the map on a PDF page, 0 to 144 points (default 36)"), N_("PT") },
    { "padding", 0, 0, G_OPTION_ARG_DOUBLE, &padding,
      N_("Space around the map, 0 to 10000 map units (default 32)"), N_("N") },
    { "title-line", 0, 0, G_OPTION_ARG_NONE, &title_line,
      N_("Draw the map's title and today's date above the map"), NULL },
    { "poster", 0, 0, G_OPTION_ARG_STRING, &poster_size,
      N_("PDF poster: fit (one sheet), a0, a1, a2, a3 or tabloid, printed over as many "
         "sheets as that takes"), N_("SIZE") },
    { "tiles", 0, 0, G_OPTION_ARG_STRING, &tiles,
      N_("PDF poster over COLSxROWS sheets, such as 3x2"), N_("COLSxROWS") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("Poster sheets: a4 (default), a3, letter or tabloid; --landscape turns them"),
      N_("SHEET") },
    { "overlap", 0, 0, G_OPTION_ARG_DOUBLE, &overlap,
      N_("What neighbouring poster sheets share, 0 to 50 mm (default 10)"), N_("MM") },
    { "no-crop-marks", 0, 0, G_OPTION_ARG_NONE, &no_marks,
      N_("Leave out the poster's crop marks"), NULL },
    { "no-labels", 0, 0, G_OPTION_ARG_NONE, &no_labels,
      N_("Leave out the label on each poster sheet"), NULL },
    { "no-overview", 0, 0, G_OPTION_ARG_NONE, &no_overview,
      N_("Leave out the poster's first sheet, the overview of the tiling"), NULL },
    { "handouts", 0, 0, G_OPTION_ARG_NONE, &handouts,
      N_("PDF handouts: a page per actor with its branch and litmus sentences "
         "(--page letter for letter paper)"), NULL },
    { "aspect", 0, 0, G_OPTION_ARG_STRING, &aspect,
      N_("Widen or heighten the picture with background to this shape, such as 16:9 for a slide"),
      N_("W:H") },
    { "handouts-per", 0, 0, G_OPTION_ARG_STRING, &handouts_per,
      N_("With --handouts: a page per actor (default) or per goal"), N_("actor|goal") },
    /* No description: the parameter string already names INPUT. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = _imp_cli_context_new (_("INPUT -o OUTPUT — draw or convert an impact map"), entries);
  g_option_context_set_summary (context,
                                _("Exit status: 0 on success, 1 when the map cannot be read "
                                  "or the file cannot be written, 2 for a wrong command line. "
                                  "A failed export never leaves a partial OUTPUT."));

  if (!_imp_cli_parse (context, "export", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      _imp_cli_usage_error ("export", _("expected exactly one INPUT file"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (output == NULL)
    {
      _imp_cli_usage_error ("export", _("missing -o OUTPUT"));
      return IMP_CLI_EXIT_USAGE;
    }

  imp_export_options_init (&options);

  if (format != NULL)
    {
      if (!imp_export_format_from_string (format, &options.format))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown format “%s”: use png, svg, pdf, "
                                                    "json, markdown, mermaid or csv"), format);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
    }
  else if (!imp_export_format_from_path (output, &options.format, &error))
    {
      _imp_cli_usage_error ("export", error->message);
      return IMP_CLI_EXIT_USAGE;
    }

  if (!isnan (scale) && !isnan (dpi))
    {
      _imp_cli_usage_error ("export", _("give --scale or --dpi, not both"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (!isnan (dpi))
    {
      if (!isfinite (dpi) || dpi < 0.1 * IMP_EXPORT_BASE_DPI || dpi > 8 * IMP_EXPORT_BASE_DPI)
        {
          g_autofree char *msg = g_strdup_printf (_("--dpi must be between 9.6 and 768, not %g"),
                                                  dpi);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
      scale = dpi / IMP_EXPORT_BASE_DPI;
    }
  else if (isnan (scale))
    {
      scale = 1.0;
    }

  if (!isfinite (scale) || scale < 0.1 || scale > 8)
    {
      g_autofree char *msg = g_strdup_printf (_("--scale must be between 0.1 and 8, not %g"),
                                              scale);
      _imp_cli_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.scale = scale;

  if (theme != NULL && !imp_theme_kind_from_string (theme, &options.theme))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown theme “%s”: use light, dark, print "
                                                "or projector"), theme);
      _imp_cli_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.transparent = transparent;

  if (layout != NULL)
    {
      if (!imp_layout_kind_from_string (layout, &options.layout))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown layout “%s”: use right, balanced "
                                                    "or down"), layout);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
      options.override_layout = TRUE;
    }

  if (page != NULL && !imp_export_page_from_string (page, &options.page))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown page “%s”: use a4, letter, 16:9 "
                                                "or natural"), page);
      _imp_cli_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.landscape = landscape;

  if (!isfinite (margin) || margin < 0 || margin > 144)
    {
      g_autofree char *msg = g_strdup_printf (_("--margin must be between 0 and 144, not %g"),
                                              margin);
      _imp_cli_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.margin = margin;

  if (!isfinite (padding) || padding < 0 || padding > 10000)
    {
      g_autofree char *msg = g_strdup_printf (_("--padding must be between 0 and 10000, not %g"),
                                              padding);
      _imp_cli_usage_error ("export", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.padding = padding;

  if (aspect != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (aspect, ":", -1);
      guint64 w = 0, h = 0;

      if (g_strv_length (parts) != 2 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 1, 100, &w, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 1, 100, &h, NULL) ||
          (double) w / h > 10 || (double) h / w > 10)
        {
          g_autofree char *msg =
            g_strdup_printf (_("--aspect must be two whole numbers from 1 to 100 such as 16:9, "
                               "neither more than ten times the other, not “%s”"), aspect);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
      options.aspect = (double) w / h;
    }

  if (alone && branch == NULL)
    {
      _imp_cli_usage_error ("export", _("--alone needs --branch NODE_ID"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (branch != NULL)
    {
      options.scope = alone ? IMP_EXPORT_SCOPE_BRANCH_ALONE : IMP_EXPORT_SCOPE_BRANCH;
      options.branch_id = branch;
    }
  options.title_line = title_line;

  if (handouts_per != NULL && !handouts)
    {
      _imp_cli_usage_error ("export", _("--handouts-per needs --handouts"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (handouts)
    {
      if (options.format != IMP_EXPORT_PDF)
        {
          _imp_cli_usage_error ("export", _("handouts are a PDF: write to OUTPUT.pdf"));
          return IMP_CLI_EXIT_USAGE;
        }
      if (poster_size != NULL || tiles != NULL)
        {
          _imp_cli_usage_error ("export", _("give --handouts or a poster (--poster, --tiles), "
                                            "not both"));
          return IMP_CLI_EXIT_USAGE;
        }
      if (handouts_per == NULL || g_strcmp0 (handouts_per, "actor") == 0)
        options.handouts = IMP_HANDOUT_PER_ACTOR;
      else if (g_strcmp0 (handouts_per, "goal") == 0)
        options.handouts = IMP_HANDOUT_PER_GOAL;
      else
        {
          g_autofree char *msg = g_strdup_printf (_("--handouts-per must be actor or goal, "
                                                    "not “%s”"), handouts_per);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
    }

  if (poster_size != NULL || tiles != NULL)
    {
      imp_poster_options_init (&poster);
      if (options.format != IMP_EXPORT_PDF)
        {
          _imp_cli_usage_error ("export", _("a poster is a PDF: write to OUTPUT.pdf"));
          return IMP_CLI_EXIT_USAGE;
        }
      if (page != NULL)
        {
          _imp_cli_usage_error ("export", _("give --page or a poster (--poster, --tiles), not "
                                            "both: a poster's paper is --sheet"));
          return IMP_CLI_EXIT_USAGE;
        }
      if (poster_size != NULL && tiles != NULL)
        {
          _imp_cli_usage_error ("export", _("give --poster SIZE or --tiles COLSxROWS, not both"));
          return IMP_CLI_EXIT_USAGE;
        }
      if (poster_size != NULL && !imp_poster_size_from_string (poster_size, &poster.size))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown poster size “%s”: use fit, a0, "
                                                    "a1, a2, a3 or tabloid"), poster_size);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
      if (tiles != NULL)
        {
          if (!imp_poster_parse_tiles (tiles, &poster.columns, &poster.rows))
            {
              g_autofree char *msg = g_strdup_printf (_("--tiles must be COLSxROWS, each from 1 "
                                                        "to %d, such as 3x2, not “%s”"),
                                                      IMP_POSTER_MAX_SHEETS, tiles);
              _imp_cli_usage_error ("export", msg);
              return IMP_CLI_EXIT_USAGE;
            }
          poster.size = IMP_POSTER_TILES;
        }
      if (sheet != NULL && !imp_poster_sheet_from_string (sheet, &poster.sheet))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown sheet “%s”: use a4, a3, letter or "
                                                    "tabloid"), sheet);
          _imp_cli_usage_error ("export", msg);
          return IMP_CLI_EXIT_USAGE;
        }
      if (!isnan (overlap))
        {
          if (!isfinite (overlap) || overlap < 0 || overlap > 50)
            {
              g_autofree char *msg = g_strdup_printf (_("--overlap must be between 0 and 50 mm, "
                                                        "not %g"), overlap);
              _imp_cli_usage_error ("export", msg);
              return IMP_CLI_EXIT_USAGE;
            }
          poster.overlap = overlap;
        }
      poster.landscape = landscape;
      poster.crop_marks = !no_marks;
      poster.labels = !no_labels;
      poster.overview = !no_overview;
      options.poster = &poster;
    }
  else if (sheet != NULL || !isnan (overlap) || no_marks || no_labels || no_overview)
    {
      _imp_cli_usage_error ("export", _("--sheet, --overlap, --no-crop-marks, --no-labels and "
                                        "--no-overview need --poster SIZE or --tiles COLSxROWS"));
      return IMP_CLI_EXIT_USAGE;
    }

  if (!imp_export_check_target (output, options.format, files[0], &error))
    {
      _imp_cli_usage_error ("export", error->message);
      return IMP_CLI_EXIT_USAGE;
    }

  if (!(map = imp_format_load_path (files[0], &error)))
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  if (!imp_export_to_path (map, output, &options, &error))
    {
      /* A missing node is about the input; anything else about the output. */
      g_printerr ("%s: %s\n",
                  g_error_matches (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_NO_SUCH_NODE)
                  ? files[0] : output,
                  error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  return IMP_CLI_EXIT_OK;
}

/* In place, atomically, with no FILE~ left beside it: a script that
 * checks in every week would leave one each time. */
static gboolean
save_in_place (ImpMap      *map,
               const char  *file,
               GError     **error)
{
  gsize length = 0;
  g_autofree char *data = imp_format_save_to_data (map, &length);

  return imp_format_write_path (file, data, length, FALSE, error);
}

/* "impact-mapper track FILE NODE_ID VALUE" or "track FILE --csv CSV":
 * readings added to the file in place, all or none, through the atomic
 * writer. */
static int
track_command (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpHistory) history = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *csv = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day of the reading (YYYY-MM-DD); today when not given"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the reading"), N_("TEXT") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Add every row of a CSV file with the columns date,node,value[,note]"), N_("CSV") },
    { NULL }
  };
  const char *file;

  context = _imp_cli_context_new (_("FILE NODE_ID VALUE — add a reading to a metric of FILE"),
                                  entries);
  /* A negative VALUE ("-3") is not an option. */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_set_summary (context,
                                _("Exit status: 0 when the readings were added, 1 when none "
                                  "was (a card without a metric, a bad number or date, a "
                                  "broken file), 2 for a wrong command line."));

  if (!_imp_cli_parse (context, "track", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;

  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-' && !g_ascii_isdigit (argv[i][1]) && argv[i][1] != '.')
        {
          g_autofree char *msg = g_strdup_printf (_("unknown option “%s”"), argv[i]);
          _imp_cli_usage_error ("track", msg);
          return IMP_CLI_EXIT_USAGE;
        }
      g_ptr_array_add (args, argv[i]);
    }

  if (csv != NULL ? args->len != 1 : args->len != 3)
    {
      _imp_cli_usage_error ("track", csv != NULL ? _("with --csv, expected exactly one FILE")
                                                 : _("expected FILE NODE_ID VALUE"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (csv != NULL && (date != NULL || note != NULL))
    {
      _imp_cli_usage_error ("track", _("--date and --note come from the CSV's rows with --csv"));
      return IMP_CLI_EXIT_USAGE;
    }
  file = args->pdata[0];

  if (!(map = imp_format_load_path (file, &error)))
    {
      g_printerr ("%s: %s\n", file, error->message);
      return IMP_CLI_EXIT_FAILURE;
    }
  history = imp_history_new (map);

  if (csv != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;
      guint n;

      if (!g_file_get_contents (csv, &data, &length, &error))
        {
          g_printerr ("%s: %s\n", csv, error->message);
          return IMP_CLI_EXIT_FAILURE;
        }
      n = imp_tracking_import_csv (history, data, length, &error);
      if (n == 0)
        {
          g_printerr ("%s: %s\n", csv, error->message);
          return IMP_CLI_EXIT_FAILURE;
        }
      if (!save_in_place (map, file, &error))
        {
          g_printerr ("%s: %s\n", file, error->message);
          return IMP_CLI_EXIT_FAILURE;
        }
      g_print (ngettext ("%s: added %u reading\n", "%s: added %u readings\n", n), file, n);
      return IMP_CLI_EXIT_OK;
    }

  {
    ImpNumberFormat format;
    ImpNode *node;
    double value;
    GDate today;
    char today_text[16];

    imp_number_format_init (&format, ".", ",");
    if (!(node = imp_tracking_find_node (map, args->pdata[1], &error)))
      {
        g_printerr ("%s: %s\n", file, error->message);
        return IMP_CLI_EXIT_FAILURE;
      }
    if (!imp_number_parse (&format, args->pdata[2], &value) || !isfinite (value))
      {
        g_printerr (_("%s: “%s” is not a number\n"), file, (char *) args->pdata[2]);
        return IMP_CLI_EXIT_FAILURE;
      }
    if (date == NULL)
      {
        imp_analysis_get_today (&today);
        g_date_strftime (today_text, sizeof today_text, "%Y-%m-%d", &today);
        date = g_strdup (today_text);
      }
    if (!imp_history_add_reading (history, node, date, value, note, &error) ||
        !save_in_place (map, file, &error))
      {
        g_printerr ("%s: %s\n", file, error->message);
        return IMP_CLI_EXIT_FAILURE;
      }
    g_print (_("%s: “%s” reads %s on %s\n"), file, node->title, (char *) args->pdata[2], date);
  }

  return IMP_CLI_EXIT_OK;
}

static int
import_command (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpImportSource) source = NULL;
  g_autoptr(ImpImportReport) report = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *vocabulary = NULL;
  g_autofree char *levels = NULL;
  int sheet = 1;
  ImpImportOptions options;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the new map to OUTPUT, a .impactmap file"), N_("OUTPUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The format of INPUT: opml, freemind (mm), xmind, mindmup (mup), vym, mermaid (mmd), "
         "markdown (md) or csv; by default told by its name and content"), N_("FORMAT") },
    { "vocabulary", 0, 0, G_OPTION_ARG_STRING, &vocabulary,
      N_("The new map's vocabulary: classic (default), five-questions, three-tiers or "
         "product-chain"), N_("VOCABULARY") },
    { "levels", 0, 0, G_OPTION_ARG_STRING, &levels,
      N_("The level of each depth of INPUT from its roots, separated by commas, e.g. "
         "title,goal,actor,impact,deliverable; deeper nodes become notes"), N_("LIST") },
    { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet,
      N_("The sheet of a workbook to import, from 1 (default 1)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = _imp_cli_context_new (_("INPUT -o OUTPUT.impactmap — make an impact map from a map "
                                    "of another tool"), entries);
  g_option_context_set_summary (context,
                                _("Reads OPML, FreeMind and Freeplane .mm, XMind, MindMup, VYM, "
                                  "Mermaid, Markdown outlines and CSV chains, and prints what "
                                  "changed on the way. "
                                  "Exit status: 0 on success, 1 when INPUT cannot be read or "
                                  "OUTPUT cannot be written, 2 for a wrong command line. "
                                  "A failed import never leaves a partial OUTPUT."));

  if (!_imp_cli_parse (context, "import", &argc, &argv))
    return IMP_CLI_EXIT_USAGE;
  if (files == NULL || g_strv_length (files) != 1)
    {
      _imp_cli_usage_error ("import", _("expected exactly one INPUT file"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      _imp_cli_usage_error ("import", _("missing -o OUTPUT"));
      return IMP_CLI_EXIT_USAGE;
    }
  if (!g_str_has_suffix (output, ".impactmap"))
    {
      g_autofree char *msg = g_strdup_printf (_("OUTPUT must be a .impactmap file, not “%s”"),
                                              output);
      _imp_cli_usage_error ("import", msg);
      return IMP_CLI_EXIT_USAGE;
    }

  imp_import_options_init (&options);
  if (from != NULL && (!imp_import_format_from_string (from, &options.format) ||
                       options.format == IMP_IMPORT_AUTO))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown format “%s”: use opml, freemind, xmind, "
                                                "mindmup, vym, mermaid, markdown or csv"), from);
      _imp_cli_usage_error ("import", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  if (vocabulary != NULL && !imp_vocabulary_from_string (vocabulary, &options.vocabulary))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown vocabulary “%s”: use classic, "
                                                "five-questions, three-tiers or product-chain"),
                                              vocabulary);
      _imp_cli_usage_error ("import", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  if (levels != NULL && !imp_import_parse_levels (levels, &options, &error))
    {
      g_autofree char *msg = g_strdup_printf ("--levels: %s", error->message);
      _imp_cli_usage_error ("import", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  if (sheet < 1)
    {
      g_autofree char *msg = g_strdup_printf (_("--sheet must be 1 or more, not %d"), sheet);
      _imp_cli_usage_error ("import", msg);
      return IMP_CLI_EXIT_USAGE;
    }
  options.sheet = sheet - 1;

  /* Never over the file being read. */
  if (!imp_export_check_target (output, IMP_EXPORT_JSON, files[0], &error))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is the file being imported: choose "
                                                "another OUTPUT"), output);
      _imp_cli_usage_error ("import", msg);
      return IMP_CLI_EXIT_USAGE;
    }

  if (!(source = imp_import_source_load_path (files[0], &options, &error)) ||
      !(map = imp_import_source_to_map (source, &options, &report, &error)))
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  if (!imp_format_save_to_path (map, output, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return IMP_CLI_EXIT_FAILURE;
    }

  lines = imp_import_report_get_lines (report);
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("%s\n", lines[i]);
  /* TRANSLATORS: the last line of an import: the file written */
  g_print (_("Wrote “%s”.\n"), output);

  return IMP_CLI_EXIT_OK;
}

gboolean
imp_cli_is_command (const char *word)
{
  return g_strcmp0 (word, "check") == 0 || g_strcmp0 (word, "export") == 0 ||
         g_strcmp0 (word, "track") == 0 || g_strcmp0 (word, "import") == 0 ||
         g_strcmp0 (word, "diff") == 0 || g_strcmp0 (word, "merge") == 0 ||
         g_strcmp0 (word, "combine") == 0;
}

/**
 * imp_cli_run:
 *
 * Runs "impact-mapper check …", "export …", "track …", "import …", "diff …", "merge …" or "combine …".
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
  else if (g_str_equal (argv[1], "import"))
    return import_command (argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "track"))
    return track_command (argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "diff"))
    return imp_cli_diff_command (argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "merge"))
    return imp_cli_merge_command (argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "combine"))
    return imp_cli_combine_command (argc - 1, argv + 1);
  else
    return export_command (argc - 1, argv + 1);
}
