/* test-format-split.c: a map is read a few cards at a time (issue 24),
 * and what is read is the map the whole tree gives.
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "imp-format.h"
#include "imp-format-private.h"

/* @doc with its top-level key "nodes" written with an escape: the same
 * JSON, which the splitter does not take apart, so it is read whole. */
static char *
read_whole_variant (const char *doc)
{
  const char *at = strstr (doc, "\"nodes\"");
  GString *out = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (out, doc, at - doc);
  g_string_append (out, "\"n\\u006fdes\"");
  g_string_append (out, at + strlen ("\"nodes\""));

  return g_string_free (out, FALSE);
}

/* Reads @doc both ways and checks they give the same map and repairs;
 * returns what it saves as. */
static char *
assert_same_both_ways (const char *doc)
{
  g_autofree char *whole_doc = read_whole_variant (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_auto(GStrv) whole_warnings = NULL;
  g_autoptr(ImpMap) split = imp_format_load_data_with_warnings (doc, -1, &warnings, &error);
  g_autoptr(ImpMap) whole = imp_format_load_data_with_warnings (whole_doc, -1, &whole_warnings,
                                                                 &whole_error);
  g_autofree char *whole_saved = NULL;
  char *saved;

  g_assert_no_error (error);
  g_assert_no_error (whole_error);
  saved = imp_format_save_to_data (split, NULL);
  whole_saved = imp_format_save_to_data (whole, NULL);
  g_assert_cmpstr (saved, ==, whole_saved);
  g_assert_cmpuint (warnings ? g_strv_length (warnings) : 0, ==,
                    whole_warnings ? g_strv_length (whole_warnings) : 0);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_assert_cmpstr (warnings[i], ==, whole_warnings[i]);

  return saved;
}

static void
test_splitter_finds_arrays (void)
{
  const char *doc = "{ \"format\": \"impactmap\", \"x\": { \"nodes\": [1, 2] },\n"
                    "  \"links\" : [ {\"from\": \"a\", \"to\": \"b\"} ],\n"
                    "  \"nodes\":[{\"id\":\"a\",\"t\":\"]}\\\"[\"} , {\"id\":\"b\"}\n]}";
  ImpFormatSplit split;

  g_assert_true (_imp_format_split (doc, strlen (doc), &split));
  g_assert_cmpuint (split.nodes->len, ==, 4);
  g_assert_cmpint (doc[split.nodes_open], ==, '[');
  g_assert_cmpint (doc[split.nodes_close], ==, ']');
  g_assert_cmpint (doc[split.links_open], ==, '[');
  g_assert_cmpint (doc[split.links_close], ==, ']');
  /* the inner "nodes" of "x" is not the map's */
  g_assert_cmpuint (split.nodes_open, >, split.links_open);
  {
    gsize *spans = (gsize *) (gpointer) split.nodes->data;
    g_autofree char *first = g_strndup (doc + spans[0], spans[1] - spans[0]);
    g_autofree char *second = g_strndup (doc + spans[2], spans[3] - spans[2]);

    g_assert_cmpstr (first, ==, "{\"id\":\"a\",\"t\":\"]}\\\"[\"}");
    g_assert_cmpstr (second, ==, "{\"id\":\"b\"}");
  }
  _imp_format_split_clear (&split);

  /* What it does not expect, it leaves to the whole tree. */
  {
    const char *refused[] = {
      "{\"n\\u006fdes\": [], \"links\": []}",
      "{\"nodes\": [], \"nodes\": [], \"links\": []}",
      "{\"nodes\": {}, \"links\": []}",
      "{\"nodes\": []}",
      "[]",
      "{}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_test_message ("%s", refused[i]);
        g_assert_false (_imp_format_split (refused[i], strlen (refused[i]), &split));
        g_assert_null (split.nodes);
      }
  }
}

/* The example maps, and one whose text gets in a naive splitter's way:
 * brackets and quotes in titles, links before nodes, unknown members. */
static void
test_same_map_both_ways (void)
{
  const char *names[] = {
    "edtech-weekly-learners.impactmap", "onboarding-nrr.impactmap",
    "ticket-sales-call-centre.impactmap",
  };
  const char *tricky =
    "{\"format\":\"impactmap\",\"version\":1,\"title\":\"[Brackets] {and} \\\"quotes\\\"\",\n"
    " \"links\":[{\"from\":\"g\",\"to\":\"a\",\"assumption\":\"if ]} then {[\"},\n"
    "           {\"from\":\"a\",\"to\":\"i\"}],\n"
    " \"later\":{\"nodes\":[\"not\",\"cards\"]},\n"
    " \"nodes\":[\n"
    "  {\"id\":\"g\",\"level\":\"goal\",\"title\":\"Grow ]},{\\\"id\\\": \\\"x\\\"\",\"mine\":[1,{\"a\":\"]\"}]},\n"
    "  {\"id\":\"a\",\"level\":\"actor\",\"title\":\"Teachers \\u00e9\\n\\\\\"},\n"
    "  {\"id\":\"i\",\"level\":\"impact\",\"title\":\"Plan weekly\",\"notes\":\"\\\"]\\\"\"}\n"
    " ],\n"
    " \"parking_lot\":[\"later [idea]\"]}\n";
  g_autofree char *saved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "data", "examples",
                                                names[i], NULL);
      g_autofree char *doc = NULL;
      g_autofree char *out = NULL;

      g_assert_true (g_file_get_contents (path, &doc, NULL, NULL));
      out = assert_same_both_ways (doc);
      g_assert_nonnull (strstr (out, "\"nodes\""));
    }

  /* Enough cards for several batches of the reader. */
  {
    g_autoptr(GString) big = g_string_new ("{\"format\":\"impactmap\",\"version\":1,\"nodes\":[\n"
                                           "{\"id\":\"g\",\"level\":\"goal\",\"title\":\"Goal\"}");
    g_autoptr(GString) links = g_string_new (NULL);
    g_autofree char *notes = g_strnfill (300, 'n');
    g_autofree char *out = NULL;

    for (guint i = 0; i < 3000; i++)
      {
        g_string_append_printf (big, ",\n{\"id\":\"a%u\",\"level\":\"actor\",\"title\":\"Actor %u\","
                                "\"notes\":\"%s\"}", i, i, notes);
        g_string_append_printf (links, "%s{\"from\":\"g\",\"to\":\"a%u\"}", i ? "," : "", i);
      }
    g_string_append_printf (big, "],\"links\":[%s]}", links->str);
    g_assert_cmpuint (big->len, >, 3 * 256 * 1024);
    out = assert_same_both_ways (big->str);
    g_assert_nonnull (strstr (out, "\"Actor 2999\""));
    g_assert_nonnull (strstr (out, "\"Actor 0\""));
  }

  saved = assert_same_both_ways (tricky);
  g_assert_nonnull (strstr (saved, "Grow ]},{\\\"id\\\": \\\"x\\\""));
  g_assert_nonnull (strstr (saved, "\"mine\""));
  g_assert_nonnull (strstr (saved, "\"later\""));
  g_assert_nonnull (strstr (saved, "if ]} then {["));
}

/* A map with a problem in its third card gets the message the whole tree
 * gives, line and all, and a repair is the same repair. */
static void
test_problems_read_whole (void)
{
  const char *bad =
    "{\"format\":\"impactmap\",\"version\":1,\"nodes\":[\n"
    "  {\"id\":\"g\",\"level\":\"goal\",\"title\":\"Goal\"},\n"
    "  {\"id\":\"a\",\"level\":\"actor\",\"title\":\"Actor\"},\n"
    "  {\"id\":\"a\",\"level\":\"actor\",\"title\":\"Twice\"}\n"
    "],\"links\":[]}";
  const char *repairable =
    "{\"format\":\"impactmap\",\"version\":1,\"nodes\":[\n"
    "  {\"id\":\"g\",\"level\":\"goal\",\"title\":\"Goal\"},\n"
    "  {\"id\":\"a\",\"level\":\"actor\",\"title\":\"Actor\"},\n"
    "  {\"id\":\"b\",\"level\":\"actor\",\"title\":\"Actor under an actor\"}\n"
    "],\"links\":[{\"from\":\"g\",\"to\":\"a\"},{\"from\":\"a\",\"to\":\"b\"}]}";
  g_autofree char *whole_bad = read_whole_variant (bad);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (bad, -1, &error);
  g_autoptr(ImpMap) whole = imp_format_load_data (whole_bad, -1, &whole_error);
  g_autofree char *saved = NULL;

  g_assert_null (map);
  g_assert_null (whole);
  g_assert_error (error, IMP_FORMAT_ERROR, whole_error->code);
  g_assert_cmpstr (error->message, ==, whole_error->message);
  g_assert_nonnull (strstr (error->message, "line 4"));

  saved = assert_same_both_ways (repairable);
  g_assert_nonnull (strstr (saved, "\"impact\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/split/finds-arrays", test_splitter_finds_arrays);
  g_test_add_func ("/core/format/split/same-map-both-ways", test_same_map_both_ways);
  g_test_add_func ("/core/format/split/problems-read-whole", test_problems_read_whole);

  return g_test_run ();
}
