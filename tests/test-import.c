/* test-import.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "imp-export.h"
#include "imp-format.h"
#include "imp-import.h"

/* Maps from other tools: golden maps for every sample in tests/data/import,
 * the rule that no source text is lost or reordered, the level mapping,
 * and the hostile files of tests/data/bad/import. IMP_UPDATE_GOLDEN=1
 * rewrites the golden files (then read them before committing). */

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data", "import", name, NULL);
}

static void
dump_node (GString *out,
           ImpNode *node,
           guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append_printf (out, "[%s] %s%s\n", imp_level_to_string (node->level), node->title,
                          node->collapsed ? " (collapsed)" : "");
  if (node->notes != NULL && *node->notes)
    {
      g_auto(GStrv) lines = g_strsplit (node->notes, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          for (guint i = 0; i <= depth; i++)
            g_string_append (out, "  ");
          g_string_append_printf (out, "| %s\n", lines[l]);
        }
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = node->children->pdata[i];

      if (imp_link_is_tree_link (link))
        dump_node (out, link->child, depth + 1);
      else
        {
          for (guint j = 0; j <= depth; j++)
            g_string_append (out, "  ");
          g_string_append_printf (out, "~> %s%s%s\n", link->child->title,
                                  link->assumption ? " : " : "",
                                  link->assumption ? link->assumption : "");
        }
    }
}

static char *
dump_map (ImpMap          *map,
          ImpImportReport *report)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) roots = imp_map_get_roots (map);
  g_auto(GStrv) lines = imp_import_report_get_lines (report);

  g_string_append_printf (out, "title: %s\n", imp_map_get_title (map));
  for (guint i = 0; i < roots->len; i++)
    dump_node (out, roots->pdata[i], 0);
  g_string_append (out, "--- report\n");
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "%s\n", lines[i]);

  return g_string_free (out, FALSE);
}

static const char * const samples[] = {
  "planning.opml",
  "launch.mm",
  "outline.md",
  "chains.csv",
  "freeplane-applications.mm",
  "funnel.mmd",
  "ideas.mmd",
  "mermaid-cycle.mmd",
  "xmind8.xmind",
  "xmind2020.xmind",
  "vym-time-management.vym",
  "onboarding.mup",
  "xmind8-pro-real.xmind",
  "xmind-zen-real.xmind",
  "xmind-2026-real.xmind",
};

static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = data_path (name);
  g_autofree char *golden_name = g_strconcat (name, ".golden", NULL);
  g_autofree char *golden_path = data_path (golden_name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportReport) report = NULL;
  g_autoptr(ImpMap) map = imp_import_path (path, NULL, &report, &error);
  g_autofree char *dump = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(ImpMap) again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (map);
  dump = dump_map (map, report);

  if (g_getenv ("IMP_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (golden_path, dump, -1, NULL));
  g_assert_true (g_file_get_contents (golden_path, &expected, NULL, NULL));
  g_assert_cmpstr (dump, ==, expected);

  /* What an import makes is a map the reader takes back. */
  saved = imp_format_save_to_data (map, NULL);
  again = imp_format_load_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_equal (map, again));
}

static void
append_stream (GString *out,
               ImpNode *node)
{
  g_string_append (out, node->title);
  g_string_append_c (out, '\n');
  if (node->notes != NULL)
    {
      g_string_append (out, node->notes);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = node->children->pdata[i];

      if (imp_link_is_tree_link (link))
        append_stream (out, link->child);
    }
}

/* The rule of every import: each source node's text is in the map, as a
 * card's title or in a card's notes, in the source's order. */
static void
test_rule (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportSource) source = imp_import_source_load_path (path, NULL, &error);
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GString) stream = g_string_new (NULL);
  const char *at;

  g_assert_no_error (error);
  map = imp_import_source_to_map (source, NULL, NULL, &error);
  g_assert_no_error (error);

  roots = imp_map_get_roots (map);
  for (guint i = 0; i < roots->len; i++)
    append_stream (stream, roots->pdata[i]);

  texts = imp_import_source_list_texts (source, 0);
  g_assert_cmpuint (texts->len, >, 0);
  if (imp_import_source_get_n_sheets (source) == 1)
    g_assert_cmpuint (texts->len, ==, imp_import_source_get_n_nodes (source));
  at = stream->str;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *found = strstr (at, texts->pdata[i]);

      if (found == NULL)
        g_error ("%s: source node %u “%s” is missing or out of order", name, i,
                 (char *) texts->pdata[i]);
      at = found;
    }
}

/* The root of a source that is a title, not a goal: shifting the mapping
 * makes its children the goals and names the map after it. */
static void
test_shift (void)
{
  g_autofree char *path = data_path ("launch.mm");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportReport) report = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_auto(GStrv) lines = NULL;
  ImpImportOptions options;

  imp_import_options_init (&options);
  options.shift = 1;
  map = imp_import_path (path, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imp_map_get_title (map), ==, "Launch the member app");
  roots = imp_map_get_roots (map);
  g_assert_cmpuint (roots->len, ==, 2);
  g_assert_cmpint (((ImpNode *) roots->pdata[0])->level, ==, IMP_LEVEL_GOAL);
  g_assert_cmpstr (((ImpNode *) roots->pdata[0])->title, ==, "Members");
  /* The title's notes go to the first card, not lost. */
  g_assert_nonnull (strstr (((ImpNode *) roots->pdata[0])->notes, "Owner: product team"));
  lines = imp_import_report_get_lines (report);
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "“Launch the member app” became the map’s title."));

  /* An explicit list: the roots are actors. */
  g_clear_pointer (&map, g_object_unref);
  g_clear_pointer (&roots, g_ptr_array_unref);
  imp_import_options_init (&options);
  g_assert_true (imp_import_parse_levels ("actor,impact,deliverable", &options, &error));
  map = imp_import_path (path, &options, NULL, &error);
  g_assert_no_error (error);
  roots = imp_map_get_roots (map);
  g_assert_cmpint (((ImpNode *) roots->pdata[0])->level, ==, IMP_LEVEL_ACTOR);

  imp_import_options_init (&options);
  g_assert_false (imp_import_parse_levels ("goal,impact", &options, &error));
  g_assert_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE);
  g_clear_error (&error);
  g_assert_false (imp_import_parse_levels ("goal,wish", &options, &error));
  g_assert_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE);
}

/* Three tiers: goal, impact (outcome), deliverable (output), experiment. */
static void
test_three_tiers (void)
{
  const char *md = "# Fewer complaints\n- Answer within a day\n  - Shared inbox\n    - Spike\n"
                   "      - Too deep\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportSource) source = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpImportReport) report = NULL;
  ImpImportOptions options;
  ImpNode *goal, *impact, *deliverable, *experiment;

  imp_import_options_init (&options);
  options.vocabulary = IMP_VOCABULARY_THREE_TIERS;
  source = imp_import_source_load_data (md, strlen (md), "x.md", &options, &error);
  g_assert_no_error (error);
  map = imp_import_source_to_map (source, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_THREE_TIERS);
  goal = imp_map_get_node (map, 0);
  impact = imp_node_get_child (goal, 0);
  deliverable = imp_node_get_child (impact, 0);
  experiment = imp_node_get_child (deliverable, 0);
  g_assert_cmpint (impact->level, ==, IMP_LEVEL_IMPACT);
  g_assert_cmpint (deliverable->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_cmpint (experiment->level, ==, IMP_LEVEL_EXPERIMENT);
  g_assert_cmpstr (experiment->notes, ==, "- Too deep");
  g_assert_cmpuint (imp_import_report_get_n_folded (report), ==, 1);
}

/* A CSV with hints in its header follows them, whatever the column order,
 * and our own export's CSV comes back as chains with its numbers in notes. */
static void
test_csv_header (void)
{
  const char *csv = "rank,id,deliverable,ice_score,impact,actor,goal,chain,status\n"
                    "1,d1,Seat picker,240,Buy online,Visitors,More sales,x > y,live\n"
                    "2,d2,Saved cards,120,Buy online,Visitors,More sales,x > y,live\n";
  const char *readings = "date,node,value\n2027-01-01,g,4\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportSource) source = NULL;
  g_autoptr(ImpMap) map = NULL;
  ImpNode *goal, *deliverable;

  source = imp_import_source_load_data (csv, strlen (csv), "ranked.csv", NULL, &error);
  g_assert_no_error (error);
  map = imp_import_source_to_map (source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 5);
  goal = imp_map_get_node (map, 0);
  g_assert_cmpstr (goal->title, ==, "More sales");
  deliverable = imp_node_get_child (imp_node_get_child (imp_node_get_child (goal, 0), 0), 1);
  g_assert_cmpstr (deliverable->title, ==, "Saved cards");
  g_assert_cmpint (deliverable->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_cmpstr (deliverable->notes, ==, "rank: 2\nid: d2\nice_score: 120\nstatus: live");

  g_clear_pointer (&source, imp_import_source_free);
  source = imp_import_source_load_data (readings, strlen (readings), "r.csv", NULL, &error);
  g_assert_null (source);
  g_assert_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE);
  g_assert_nonnull (strstr (error->message, "metric readings"));
}

/* Hostile and broken files: one clear error each, never a crash, a hang
 * or half a map. tests/data/bad/import/expected.txt lists them. */
static void
test_bad (void)
{
  static const struct { const char *name; int code; } codes[] = {
    { "UNKNOWN_FORMAT", IMP_IMPORT_ERROR_UNKNOWN_FORMAT },
    { "EMPTY", IMP_IMPORT_ERROR_EMPTY },
    { "ENCODING", IMP_IMPORT_ERROR_ENCODING },
    { "SYNTAX", IMP_IMPORT_ERROR_SYNTAX },
    { "UNSAFE", IMP_IMPORT_ERROR_UNSAFE },
    { "TOO_LARGE", IMP_IMPORT_ERROR_TOO_LARGE },
    { "STRUCTURE", IMP_IMPORT_ERROR_STRUCTURE },
    { "NO_SUCH_SHEET", IMP_IMPORT_ERROR_NO_SUCH_SHEET },
  };
  g_autofree char *dir = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data", "bad",
                                           "import", NULL);
  g_autofree char *list_path = g_build_filename (dir, "expected.txt", NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = NULL;
      int code = -1;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_nonnull (fields[1]);
      g_assert_nonnull (fields[2]);
      path = g_build_filename (dir, fields[0], NULL);
      g_test_message ("%s", fields[0]);
      map = imp_import_path (path, NULL, NULL, &error);
      g_assert_null (map);
      for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
        if (g_str_equal (codes[c].name, fields[1]))
          code = codes[c].code;
      g_assert_cmpint (code, >=, 0);
      if (!g_error_matches (error, IMP_IMPORT_ERROR, code) ||
          strstr (error->message, fields[2]) == NULL)
        g_error ("%s: expected %s “%s”, got “%s”", fields[0], fields[1], fields[2],
                 error ? error->message : "no error");
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

/* 100,000-deep nesting in every tree format: refused at once, by depth. */
static void
test_deep (void)
{
  static const struct { const char *name, *open, *close, *head, *tail, *message; } cases[] = {
    { "deep.opml", "<outline text='x'>", "</outline>", "<opml version='2.0'><body>",
      "</body></opml>", "line 1: the elements nest deeper than 256 levels" },
    { "deep.mm", "<node TEXT='x'>", "</node>", "<map version='1.0.1'>", "</map>",
      "line 1: the elements nest deeper than 256 levels" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) data = g_string_new (cases[i].head);
      g_autoptr(ImpImportSource) source = NULL;
      g_autoptr(GError) error = NULL;

      for (guint d = 0; d < 100000; d++)
        g_string_append (data, cases[i].open);
      for (guint d = 0; d < 100000; d++)
        g_string_append (data, cases[i].close);
      g_string_append (data, cases[i].tail);
      source = imp_import_source_load_data (data->str, data->len, cases[i].name, NULL, &error);
      g_assert_null (source);
      g_assert_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  {
    g_autoptr(GString) md = g_string_new (NULL);
    g_autoptr(ImpImportSource) source = NULL;
    g_autoptr(GError) error = NULL;

    for (guint d = 0; d < 100000; d++)
      g_string_append (md, "#");
    g_string_append (md, " heading\n");
    for (guint d = 0; d < 100000; d++)
      {
        g_string_append_len (md, "                                ", d % 32);
        g_string_append (md, "- item\n");
      }
    source = imp_import_source_load_data (md->str, md->len, "deep.md", NULL, &error);
    /* Past six hashes is no heading; lists nest as deep as their indent. */
    g_assert_no_error (error);
    g_assert_nonnull (source);
  }
}

static void
append_shape (GString *out,
              ImpNode *node,
              guint    depth)
{
  g_string_append_printf (out, "%u %s %s\n", depth, imp_level_to_string (node->level),
                          node->title);
  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = node->children->pdata[i];

      if (imp_link_is_tree_link (link))
        append_shape (out, link->child, depth + 1);
      else
        g_string_append_printf (out, "%u ~> %s\n", depth + 1, link->child->title);
    }
}

/* The tree, titles and levels, and the cross-links where @links. */
static char *
map_shape (ImpMap   *map,
           gboolean  links)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) roots = imp_map_get_roots (map);

  for (guint i = 0; i < roots->len; i++)
    append_shape (out, roots->pdata[i], 0);
  if (!links)
    {
      g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        if (strstr (lines[i], " ~> ") == NULL)
          g_strv_builder_add (kept, lines[i]);
      joined = g_strv_builder_end (kept);
      g_string_free (out, TRUE);
      return g_strjoinv ("\n", joined);
    }

  return g_string_free (out, FALSE);
}

/* Every example → OPML and .mm → import: the same tree, titles and levels
 * (and, through .mm's arrowlinks, the same cross-links). */
static void
test_round_trip (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "data", "examples",
                                           NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = NULL;

      if (!g_str_has_suffix (name, ".impactmap"))
        continue;
      map = imp_format_load_path (path, &error);
      g_assert_no_error (error);

      for (guint f = 0; f < 2; f++)
        {
          ImpExportOptions options;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(ImpImportSource) source = NULL;
          g_autoptr(ImpMap) back = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          ImpImportOptions import;
          gsize length;
          const char *data;

          imp_export_options_init (&options);
          options.format = f == 0 ? IMP_EXPORT_OPML : IMP_EXPORT_FREEMIND;
          bytes = imp_export_to_bytes (map, &options, &error);
          g_assert_no_error (error);
          data = g_bytes_get_data (bytes, &length);
          imp_import_options_init (&import);
          import.vocabulary = imp_map_get_vocabulary (map);
          source = imp_import_source_load_data (data, length, f == 0 ? "x.opml" : "x.mm",
                                                &import, &error);
          g_assert_no_error (error);
          back = imp_import_source_to_map (source, &import, NULL, &error);
          g_assert_no_error (error);
          before = map_shape (map, f == 1);
          after = map_shape (back, f == 1);
          g_test_message ("%s via %s", name, imp_export_format_to_string (options.format));
          g_assert_cmpstr (after, ==, before);
          if (f == 0)
            g_assert_cmpstr (imp_map_get_title (back), ==, imp_map_get_title (map));
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 6);

  /* Several goals: a .mm has one root, named after the map, read back as
   * the title. */
  {
    g_autofree char *path = data_path ("planning.opml");
    g_autoptr(GError) error = NULL;
    g_autoptr(ImpMap) map = imp_import_path (path, NULL, NULL, &error);
    g_autoptr(ImpMap) back = NULL;
    g_autoptr(ImpImportSource) source = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    ImpExportOptions options;
    gsize length;
    const char *data;

    g_assert_no_error (error);
    imp_export_options_init (&options);
    options.format = IMP_EXPORT_FREEMIND;
    bytes = imp_export_to_bytes (map, &options, &error);
    g_assert_no_error (error);
    data = g_bytes_get_data (bytes, &length);
    source = imp_import_source_load_data (data, length, "x.mm", NULL, &error);
    g_assert_no_error (error);
    back = imp_import_source_to_map (source, NULL, NULL, &error);
    g_assert_no_error (error);
    before = map_shape (map, TRUE);
    after = map_shape (back, TRUE);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (imp_map_get_title (back), ==, "Ticket sales 2027");
  }
}

/* An imported map is the map its file holds: saved and opened again it is
 * equal, even where the source lists one card's cross-links in another
 * order than the writer does (by their targets' places; the fuzzer found). */
static void
test_saved_equals_imported (void)
{
  const char *mm =
    "<map version=\"1.0.1\"><node TEXT=\"Goal\"><node TEXT=\"Actor\"><node TEXT=\"Impact\">"
    "<node ID=\"D\" TEXT=\"Deliverable\"><arrowlink DESTINATION=\"E2\"/>"
    "<arrowlink DESTINATION=\"E1\"/><node TEXT=\"Exp0\"/></node>"
    "<node TEXT=\"Other\"><node ID=\"E1\" TEXT=\"Exp1\"/><node ID=\"E2\" TEXT=\"Exp2\"/></node>"
    "</node></node></node></map>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportSource) source = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *saved = NULL;

  source = imp_import_source_load_data (mm, strlen (mm), "links.mm", NULL, &error);
  g_assert_no_error (error);
  map = imp_import_source_to_map (source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 9);
  saved = imp_format_save_to_data (map, NULL);
  again = imp_format_load_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_equal (map, again));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = data_path (samples[i]);
      g_autoptr(ImpMap) sample = imp_import_path (path, NULL, NULL, &error);
      g_autofree char *text = NULL;
      g_autoptr(ImpMap) back = NULL;

      g_assert_no_error (error);
      text = imp_format_save_to_data (sample, NULL);
      back = imp_format_load_data (text, -1, &error);
      g_assert_no_error (error);
      g_assert_true (imp_map_equal (sample, back));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *golden = g_strdup_printf ("/core/import/golden/%s", samples[i]);
      g_autofree char *rule = g_strdup_printf ("/core/import/rule/%s", samples[i]);

      g_test_add_data_func (golden, samples[i], test_golden);
      g_test_add_data_func (rule, samples[i], test_rule);
    }
  g_test_add_func ("/core/import/shift", test_shift);
  g_test_add_func ("/core/import/saved-equals-imported", test_saved_equals_imported);
  g_test_add_func ("/core/import/three-tiers", test_three_tiers);
  g_test_add_func ("/core/import/csv-header", test_csv_header);
  g_test_add_func ("/core/import/bad", test_bad);
  g_test_add_func ("/core/import/deep", test_deep);
  g_test_add_func ("/core/import/round-trip", test_round_trip);

  return g_test_run ();
}
