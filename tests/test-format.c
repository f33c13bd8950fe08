/* test-format.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imp-format.h"
#include "imp-map-private.h"

#define DOC(nodes, links) \
  "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [" nodes "], \"links\": [" links "]}"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "format", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static ImpMap *
load_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  ImpMap *map = imp_format_load_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

static ImpMap *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  ImpMap *map = imp_format_load_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

static ImpNode *
node (ImpMap     *map,
      const char *id)
{
  ImpNode *n = imp_map_lookup_node (map, id);

  if (n == NULL)
    g_error ("no node “%s”", id);

  return n;
}

static const char *
parent_id (ImpNode *n,
           guint    i)
{
  g_assert_cmpuint (i, <, n->parents->len);
  return ((ImpLink *) g_ptr_array_index (n->parents, i))->parent->id;
}

static const char *
child_id (ImpNode *n,
          guint    i)
{
  g_assert_cmpuint (i, <, n->children->len);
  return imp_node_get_child (n, i)->id;
}

static JsonNode *
extra_member (JsonObject *extra,
              const char *name)
{
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, name));

  return json_object_get_member (extra, name);
}

/* Reading ---------------------------------------------------------------- */

static void
test_read_fields (void)
{
  g_autoptr(ImpMap) map = load_fixture ("loose.impactmap");
  ImpNode *n;
  ImpLink *link;
  JsonNode *member;

  g_assert_cmpstr (imp_map_get_title (map), ==,
                   "Grow weekly active learners — FY26 \"stretch\"");
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_FIVE_QUESTIONS);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 11);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 10);

  /* Nodes keep file order. */
  g_assert_cmpstr (imp_map_get_node (map, 0)->id, ==, "n1");
  g_assert_cmpstr (imp_map_get_node (map, 4)->id, ==, "n7");
  g_assert_cmpstr (imp_map_get_node (map, 10)->id, ==, "orphan-deliverable");

  n = node (map, "n1");
  g_assert_cmpint (n->level, ==, IMP_LEVEL_GOAL);
  g_assert_cmpstr (n->title, ==, "Increase weekly active learners by 20% by end of Q4");
  g_assert_cmpstr (n->notes, ==, "Board target for FY26.\nSee the deck, slide 4.");
  g_assert_false (n->pinned);
  g_assert_false (n->collapsed);
  g_assert_nonnull (n->metric);
  g_assert_cmpstr (n->metric->name, ==, "Weekly active learners");
  g_assert_cmpstr (n->metric->unit, ==, "learners");
  g_assert_cmpfloat (n->metric->baseline, ==, 40000);
  g_assert_cmpfloat (n->metric->current, ==, 43500);
  g_assert_cmpfloat (n->metric->target, ==, 48000);
  g_assert_cmpint (n->metric->direction, ==, IMP_DIRECTION_INCREASE);
  g_assert_cmpstr (n->metric->deadline, ==, "2026-12-31");
  g_assert_cmpint (n->metric->indicator, ==, IMP_INDICATOR_LAGGING);
  g_assert_null (n->experiment);
  g_assert_false (imp_ice_is_set (&n->ice));
  g_assert_cmpuint (n->parents->len, ==, 0);
  g_assert_cmpuint (n->children->len, ==, 2);
  g_assert_cmpstr (child_id (n, 0), ==, "n2");
  g_assert_cmpstr (child_id (n, 1), ==, "n5");

  n = node (map, "n3");
  g_assert_cmpint (n->level, ==, IMP_LEVEL_IMPACT);
  g_assert_cmpfloat (n->metric->baseline, ==, 52.5);
  g_assert_true (isnan (n->metric->current));
  g_assert_cmpfloat (n->metric->target, ==, 24);
  g_assert_cmpint (n->metric->direction, ==, IMP_DIRECTION_DECREASE);
  g_assert_cmpint (n->metric->indicator, ==, IMP_INDICATOR_LEADING);
  g_assert_null (n->metric->deadline);
  g_assert_cmpstr (n->metric->name, ==, "Median time to grade");
  g_assert_cmpstr (child_id (n, 0), ==, "n7");
  g_assert_cmpstr (child_id (n, 1), ==, "n8");

  n = node (map, "n4");
  g_assert_false (imp_metric_has_target (n->metric));
  g_assert_null (n->metric->unit);

  n = node (map, "n7");
  g_assert_cmpint (n->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_true (n->pinned);
  g_assert_cmpfloat (n->x, ==, 1020);
  g_assert_cmpfloat (n->y, ==, 340.25);
  g_assert_true (n->collapsed);
  g_assert_cmpuint (n->ice.impact, ==, 8);
  g_assert_cmpuint (n->ice.confidence, ==, 6);
  g_assert_cmpuint (n->ice.ease, ==, 5);
  g_assert_cmpuint (imp_ice_get_score (&n->ice), ==, 240);
  g_assert_null (n->metric);
  /* The first link into a node is its tree parent, the others cross-links. */
  g_assert_cmpuint (n->parents->len, ==, 2);
  g_assert_cmpstr (parent_id (n, 0), ==, "n3");
  g_assert_cmpstr (parent_id (n, 1), ==, "n4");
  g_assert_true (imp_node_get_tree_parent (n) == node (map, "n3"));
  g_assert_cmpstr (child_id (n, 0), ==, "n9");
  g_assert_cmpstr (child_id (n, 1), ==, "n10");

  n = node (map, "n8");
  g_assert_cmpuint (n->ice.impact, ==, 7);
  g_assert_cmpuint (n->ice.confidence, ==, 0);
  g_assert_cmpuint (n->ice.ease, ==, 0);
  g_assert_false (imp_ice_is_set (&n->ice));

  n = node (map, "n9");
  g_assert_nonnull (n->experiment);
  g_assert_cmpint (n->experiment->kind, ==, IMP_EXPERIMENT_KIND_FAKE_DOOR);
  g_assert_cmpint (n->experiment->aspect, ==, IMP_ASPECT_VALIDITY);
  g_assert_cmpint (n->experiment->status, ==, IMP_EXPERIMENT_DONE);
  g_assert_cmpint (n->experiment->result, ==, IMP_RESULT_SUPPORTS);
  g_assert_cmpstr (n->experiment->start_date, ==, "2026-03-01");
  g_assert_cmpstr (n->experiment->end_date, ==, "2026-03-14");
  g_assert_cmpstr (n->experiment->evidence, ==, "11% clicked the upgrade button");

  n = node (map, "n10");
  g_assert_cmpint (n->experiment->kind, ==, IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (n->experiment->aspect, ==, IMP_ASPECT_FEASIBILITY);
  g_assert_cmpint (n->experiment->status, ==, IMP_EXPERIMENT_PLANNED);
  g_assert_cmpint (n->experiment->result, ==, IMP_RESULT_NONE);
  g_assert_null (n->experiment->start_date);
  g_assert_null (n->experiment->evidence);

  n = node (map, "n5");
  g_assert_cmpstr (n->title, ==, "Students — ünïcødé ✓ 日本語");
  g_assert_cmpstr (n->notes, ==, "Tab\there, quote \" and backslash \\ and control \001.");

  n = node (map, "n2");
  g_assert_cmpstr (parent_id (n, 0), ==, "n1");
  g_assert_cmpstr (parent_id (n, 1), ==, "n20");
  g_assert_cmpstr (child_id (n, 0), ==, "n3");
  g_assert_cmpstr (child_id (n, 1), ==, "n4");

  n = node (map, "n20");
  g_assert_null (n->metric->name);
  g_assert_cmpfloat (n->metric->baseline, ==, 0.1);
  g_assert_cmpfloat (n->metric->current, ==, 1e-7);
  g_assert_cmpfloat (n->metric->target, ==, -0.5);

  g_assert_cmpuint (node (map, "orphan-deliverable")->parents->len, ==, 0);

  link = imp_map_find_link (map, node (map, "n2"), node (map, "n3"));
  g_assert_nonnull (link);
  g_assert_cmpstr (link->assumption, ==, "Teachers want to grade sooner");
  g_assert_cmpint (link->confidence, ==, IMP_CONFIDENCE_HIGH);
  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_SUPPORTED);
  g_assert_null (link->extra);

  link = imp_map_find_link (map, node (map, "n1"), node (map, "n2"));
  g_assert_null (link->assumption);
  g_assert_cmpint (link->confidence, ==, IMP_CONFIDENCE_UNSET);
  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_UNTESTED);

  link = imp_map_find_link (map, node (map, "n7"), node (map, "n10"));
  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_REFUTED);

  /* Members this version does not know are kept where they were. */
  link = imp_map_find_link (map, node (map, "n3"), node (map, "n7"));
  g_assert_cmpint (link->confidence, ==, IMP_CONFIDENCE_MEDIUM);
  member = extra_member (link->extra, "weight");
  g_assert_cmpfloat (json_node_get_double (member), ==, 0.5);
  g_assert_cmpuint (json_object_get_size (link->extra), ==, 1);

  member = extra_member (imp_map_get_extra (map), "created-with");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (member));
  member = extra_member (imp_map_get_extra (map), "review");
  g_assert_true (JSON_NODE_HOLDS_NULL (member));
  /* The vote budget's unknown members, under its name, as a payload's. */
  member = extra_member (imp_map_get_extra (map), "vote_budget");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (member), "stickers"), ==,
                   "green");
  g_assert_cmpuint (json_object_get_size (imp_map_get_extra (map)), ==, 3);
  {
    guint participants = 0, dots = 0;

    g_assert_true (imp_map_get_vote_budget (map, &participants, &dots));
    g_assert_cmpuint (participants, ==, 6);
    g_assert_cmpuint (dots, ==, 3);
  }

  n = node (map, "n1");
  member = extra_member (n->extra, "owner");
  g_assert_cmpstr (json_node_get_string (member), ==, "Dana");
  member = extra_member (n->extra, "metric");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (member), "source"), ==,
                   "analytics");
  g_assert_cmpuint (json_object_get_size (n->extra), ==, 2);

  n = node (map, "n7");
  member = extra_member (n->extra, "position");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (member), "snap"));
  member = extra_member (n->extra, "ice");
  g_assert_true (json_object_has_member (json_node_get_object (member), "scored-by"));

  n = node (map, "n9");
  member = extra_member (n->extra, "experiment");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (member), "sample"), ==, 1200);

  g_assert_null (node (map, "n2")->extra);
}

static void
test_read_tree_parent_is_first_link (void)
{
  /* The cross-link comes first in the file here, so it is the tree link. */
  g_autoptr(ImpMap) map =
    load_ok (DOC ("{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"},"
                  "{\"id\": \"a1\", \"level\": \"actor\", \"title\": \"A1\"},"
                  "{\"id\": \"a2\", \"level\": \"actor\", \"title\": \"A2\"},"
                  "{\"id\": \"i\", \"level\": \"impact\", \"title\": \"I\"},"
                  "{\"id\": \"i2\", \"level\": \"impact\", \"title\": \"I2\"}",
                  "{\"from\": \"g\", \"to\": \"a1\"},"
                  "{\"from\": \"a2\", \"to\": \"i\"},"
                  "{\"from\": \"g\", \"to\": \"a2\"},"
                  "{\"from\": \"a1\", \"to\": \"i2\"},"
                  "{\"from\": \"a1\", \"to\": \"i\"}"));
  ImpNode *i = node (map, "i");
  ImpNode *a1 = node (map, "a1");

  g_assert_cmpuint (i->parents->len, ==, 2);
  g_assert_cmpstr (parent_id (i, 0), ==, "a2");
  g_assert_cmpstr (parent_id (i, 1), ==, "a1");
  g_assert_false (imp_link_is_tree_link (g_ptr_array_index (a1->children, 1)));
  /* A parent's children are in the order of its links in the file. */
  g_assert_cmpstr (child_id (a1, 0), ==, "i2");
  g_assert_cmpstr (child_id (a1, 1), ==, "i");
}

static void
test_read_three_tiers (void)
{
  /* Goals may hold impacts directly in three tiers, next to actors; the
   * reader adds links level by level but must keep the file's sibling
   * order. */
  g_autoptr(ImpMap) map =
    load_ok ("{\"format\": \"impactmap\", \"version\": 1, \"vocabulary\": \"three-tiers\","
             "\"nodes\": ["
             "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"},"
             "{\"id\": \"a\", \"level\": \"actor\", \"title\": \"A\"},"
             "{\"id\": \"b\", \"level\": \"actor\", \"title\": \"B\"},"
             "{\"id\": \"i1\", \"level\": \"impact\", \"title\": \"I1\"},"
             "{\"id\": \"i2\", \"level\": \"impact\", \"title\": \"I2\"},"
             "{\"id\": \"i3\", \"level\": \"impact\", \"title\": \"I3\"}],"
             "\"links\": ["
             "{\"from\": \"g\", \"to\": \"i1\"},"
             "{\"from\": \"g\", \"to\": \"a\"},"
             "{\"from\": \"g\", \"to\": \"i2\"},"
             "{\"from\": \"a\", \"to\": \"i3\"},"
             "{\"from\": \"g\", \"to\": \"b\"},"
             "{\"from\": \"g\", \"to\": \"i3\"}]}");
  ImpNode *g = node (map, "g");
  ImpNode *i3 = node (map, "i3");

  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_THREE_TIERS);
  g_assert_cmpuint (g->children->len, ==, 5);
  g_assert_cmpstr (child_id (g, 0), ==, "i1");
  g_assert_cmpstr (child_id (g, 1), ==, "a");
  g_assert_cmpstr (child_id (g, 2), ==, "i2");
  g_assert_cmpstr (child_id (g, 3), ==, "b");
  g_assert_cmpstr (child_id (g, 4), ==, "i3");
  /* i3's parents are an actor and a goal: file order still decides. */
  g_assert_cmpstr (parent_id (i3, 0), ==, "a");
  g_assert_cmpstr (parent_id (i3, 1), ==, "g");
}

static void
test_read_many_cross_links (void)
{
  /* Every node linked to every node of the next level. Added naively in
   * file order, the cycle check walks every path up for every link:
   * K^3 paths for each of the K^2 experiment links. */
  const guint k = 40;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"impactmap\", \"version\": 1, "
                                          "\"nodes\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  gboolean first = TRUE;
  ImpNode *n;

  for (guint level = 0; level < IMP_N_LEVELS; level++)
    for (guint i = 0; i < k; i++)
      {
        g_string_append_printf (json,
                                "%s{\"id\": \"l%u-%u\", \"level\": \"%s\", \"title\": \"T\"}",
                                first ? "" : ",", level, i, imp_level_to_string (level));
        first = FALSE;
      }
  g_string_append (json, "], \"links\": [");
  first = TRUE;
  for (guint level = 0; level + 1 < IMP_N_LEVELS; level++)
    for (guint i = 0; i < k; i++)
      for (guint j = 0; j < k; j++)
        {
          /* Parents listed in reverse, so the tree parent is the last one. */
          g_string_append_printf (json, "%s{\"from\": \"l%u-%u\", \"to\": \"l%u-%u\"}",
                                  first ? "" : ",", level, k - 1 - i, level + 1, j);
          first = FALSE;
        }
  g_string_append (json, "]}");

  map = imp_format_load_data (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 4 * k * k);

  n = node (map, "l4-7");
  g_assert_cmpuint (n->parents->len, ==, k);
  g_assert_cmpstr (parent_id (n, 0), ==, "l3-39");
  g_assert_cmpstr (parent_id (n, k - 1), ==, "l3-0");
  n = node (map, "l2-0");
  g_assert_cmpuint (n->children->len, ==, k);
  g_assert_cmpstr (child_id (n, 0), ==, "l3-0");
  g_assert_cmpstr (child_id (n, k - 1), ==, "l3-39");
}

static void
test_read_bom (void)
{
  g_autoptr(ImpMap) map = load_ok ("\xEF\xBB\xBF" DOC ("{\"id\": \"n1\", \"level\": \"goal\", "
                                                        "\"title\": \"G\"}", ""));

  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 1);
  g_assert_cmpstr (imp_map_get_title (map), ==, "");
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_CLASSIC);
  g_assert_null (imp_map_get_extra (map));
}

static void
test_read_integral_numbers (void)
{
  /* JSON has one number type: 8.0 is the integer 8. */
  g_autoptr(ImpMap) map =
    load_ok ("{\"format\": \"impactmap\", \"version\": 1.0, \"nodes\": [{\"id\": \"d\", "
             "\"level\": \"deliverable\", \"title\": \"D\", \"ice\": {\"impact\": 8.0, "
             "\"confidence\": 1, \"ease\": 10}}], \"links\": []}");
  ImpNode *d = node (map, "d");

  g_assert_cmpuint (d->ice.impact, ==, 8);
  g_assert_cmpuint (imp_ice_get_score (&d->ice), ==, 80);
}

static void
test_read_line_numbers (void)
{
  const char *json =
    "{\n"
    "  \"format\": \"impactmap\",\n"
    "  \"version\": 1,\n"
    "  \"nodes\": [\n"
    "    { \"id\": \"n1\", \"level\": \"actor\", \"title\": \"A\" },\n"
    "    {\n"
    "      \"id\": \"n2\",\n"
    "      \"level\": \"impact\",\n"
    "      \"title\": \"A\",\n"
    "      \"metric\": { \"deadline\": \"2026-02-30\" }\n"
    "    }\n"
    "  ],\n"
    "  \"links\": [\n"
    "    { \"from\": \"n1\", \"to\": \"n2\" },\n"
    "    { \"from\": \"n1\", \"to\": \"n3\" }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (json, -1, &error);

  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "nodes[1] (id “n2”, line 6), “metric.deadline”: "
                   "expected a date written YYYY-MM-DD, found “2026-02-30”");
  g_clear_error (&error);

  /* Fix the date: the next problem is the second link, on line 15. */
  {
    g_autofree char *fixed = g_strdup (json);
    char *at = strstr (fixed, "2026-02-30");

    memcpy (at, "2026-03-30", 10);
    map = imp_format_load_data (fixed, -1, &error);
    g_assert_null (map);
    g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_DANGLING_LINK);
    g_assert_cmpstr (error->message, ==,
                     "links[1] (“n1” → “n3”, line 15), “to”: no node has the id “n3”");
  }
}

typedef struct
{
  const char *path;
  const char *json;
  gssize      length;
  int         code;
  const char *needle;    /* must be in the message */
  const char *needle2;   /* and this too, if set */
} ErrorCase;

#define GOAL "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"}"
#define ACTOR "{\"id\": \"a\", \"level\": \"actor\", \"title\": \"A\"}"
#define IMPACT "{\"id\": \"i\", \"level\": \"impact\", \"title\": \"I\"}"
#define NODE_WITH(member) "{\"id\": \"x\", \"level\": \"goal\", \"title\": \"X\", " member "}"
#define DELIVERABLE_WITH(member) \
  "{\"id\": \"x\", \"level\": \"deliverable\", \"title\": \"X\", " member "}"
#define EXPERIMENT_WITH(member) \
  "{\"id\": \"x\", \"level\": \"experiment\", \"title\": \"X\", " member "}"
#define LINK_WITH(member) "{\"from\": \"g\", \"to\": \"a\", " member "}"

static const ErrorCase error_cases[] = {
  { "/core/format/rejects/empty", "", 0, IMP_FORMAT_ERROR_EMPTY, "empty" },
  { "/core/format/rejects/blank", " \n\t\r\n", -1, IMP_FORMAT_ERROR_EMPTY, "empty" },
  { "/core/format/rejects/latin1", "{\"format\": \"impactmap\",\n\"title\": \"caf\xE9\"}", -1,
    IMP_FORMAT_ERROR_ENCODING, "0xE9", "line 2, column 14" },
  { "/core/format/rejects/nul-byte", "{\"format\": \0\"impactmap\"}", 24,
    IMP_FORMAT_ERROR_ENCODING, "NUL", "line 1, column 12" },
  { "/core/format/rejects/utf16", "\xFF\xFE{\0}\0", 6, IMP_FORMAT_ERROR_ENCODING, "UTF-16" },
  { "/core/format/rejects/lone-surrogate", DOC ("{\"id\": \"n1\", \"level\": \"goal\", "
                                                  "\"title\": \"\\ud800x\"}", ""), -1,
    IMP_FORMAT_ERROR_ENCODING, "nodes[0] (id “n1”, line 1), “title”", "UTF-8" },
  { "/core/format/rejects/syntax", "{\n  \"format\": \"impactmap\",\n  \"version\": 1\n"
    "  \"nodes\": []\n}", -1, IMP_FORMAT_ERROR_SYNTAX, "JSON syntax error at line 3" },
  { "/core/format/rejects/trailing-garbage", DOC ("", "") " x", -1, IMP_FORMAT_ERROR_SYNTAX,
    "syntax error" },
  { "/core/format/rejects/trailing-comma", DOC (GOAL ",", ""), -1, IMP_FORMAT_ERROR_SYNTAX,
    "line 1" },
  { "/core/format/rejects/array-root", "[1, 2]", -1, IMP_FORMAT_ERROR_NOT_IMPACTMAP,
    "not an impact map", "an array" },
  { "/core/format/rejects/string-root", "\"impactmap\"", -1, IMP_FORMAT_ERROR_NOT_IMPACTMAP,
    "not an impact map" },
  { "/core/format/rejects/no-format", "{\"version\": 1, \"nodes\": [], \"links\": []}", -1,
    IMP_FORMAT_ERROR_NOT_IMPACTMAP, "“format”: “impactmap”" },
  { "/core/format/rejects/other-format", "{\"format\": \"mindmap\", \"version\": 1}", -1,
    IMP_FORMAT_ERROR_NOT_IMPACTMAP, "not an impact map" },
  { "/core/format/rejects/newer-version", "{\"format\": \"impactmap\", \"version\": 2}", -1,
    IMP_FORMAT_ERROR_VERSION, "newer", "format version 2" },
  { "/core/format/rejects/version-zero", "{\"format\": \"impactmap\", \"version\": 0}", -1,
    IMP_FORMAT_ERROR_VERSION, "“version”", "does not exist" },
  { "/core/format/rejects/version-string", "{\"format\": \"impactmap\", \"version\": \"1\"}", -1,
    IMP_FORMAT_ERROR_TYPE, "“version”: expected an integer, found a string" },
  { "/core/format/rejects/version-fraction", "{\"format\": \"impactmap\", \"version\": 1.5}",
    -1, IMP_FORMAT_ERROR_VALUE, "“version”", "1.5" },
  { "/core/format/rejects/no-version", "{\"format\": \"impactmap\", \"nodes\": []}", -1,
    IMP_FORMAT_ERROR_MISSING, "“version”: this required member is missing" },
  { "/core/format/rejects/title-number",
    "{\"format\": \"impactmap\", \"version\": 1, \"title\": 5, \"nodes\": [], \"links\": []}",
    -1, IMP_FORMAT_ERROR_TYPE, "“title”: expected a string, found a number" },
  { "/core/format/rejects/unknown-vocabulary",
    "{\"format\": \"impactmap\", \"version\": 1, \"vocabulary\": \"fancy\", \"nodes\": [], "
    "\"links\": []}", -1, IMP_FORMAT_ERROR_VALUE, "“vocabulary”: “fancy” is not one of" },
  { "/core/format/rejects/no-nodes", "{\"format\": \"impactmap\", \"version\": 1, "
    "\"links\": []}", -1, IMP_FORMAT_ERROR_MISSING, "“nodes”" },
  { "/core/format/rejects/nodes-object", "{\"format\": \"impactmap\", \"version\": 1, "
    "\"nodes\": {}, \"links\": []}", -1, IMP_FORMAT_ERROR_TYPE,
    "“nodes”: expected an array, found an object" },
  { "/core/format/rejects/no-links", "{\"format\": \"impactmap\", \"version\": 1, "
    "\"nodes\": []}", -1, IMP_FORMAT_ERROR_MISSING, "“links”" },
  { "/core/format/rejects/node-not-object", DOC (GOAL ", 42", ""), -1, IMP_FORMAT_ERROR_TYPE,
    "nodes[1]: expected a node object, found a number" },
  { "/core/format/rejects/node-without-id", DOC ("{\"level\": \"goal\", \"title\": \"G\"}", ""),
    -1, IMP_FORMAT_ERROR_MISSING, "nodes[0] (line 1), “id”: this required member is missing" },
  { "/core/format/rejects/id-with-space", DOC ("{\"id\": \"n 1\", \"level\": \"goal\", "
                                                 "\"title\": \"G\"}", ""),
    -1, IMP_FORMAT_ERROR_VALUE, "nodes[0] (id “n 1”, line 1), “id”", "not a valid node id" },
  { "/core/format/rejects/id-empty", DOC ("{\"id\": \"\", \"level\": \"goal\", "
                                            "\"title\": \"G\"}", ""),
    -1, IMP_FORMAT_ERROR_VALUE, "not a valid node id" },
  { "/core/format/rejects/unknown-level", DOC ("{\"id\": \"n1\", \"level\": \"goals\", "
                                                 "\"title\": \"G\"}", ""),
    -1, IMP_FORMAT_ERROR_UNKNOWN_LEVEL, "nodes[0] (id “n1”, line 1), “level”: “goals”" },
  { "/core/format/rejects/level-number", DOC ("{\"id\": \"n1\", \"level\": 0, "
                                                "\"title\": \"G\"}", ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“level”: expected a string, found a number" },
  { "/core/format/rejects/node-without-title", DOC ("{\"id\": \"n1\", \"level\": \"goal\"}", ""),
    -1, IMP_FORMAT_ERROR_MISSING, "“title”" },
  { "/core/format/rejects/duplicate-id", DOC (GOAL "," ACTOR ", {\"id\": \"g\", \"level\": "
                                                "\"actor\", \"title\": \"B\"}", ""),
    -1, IMP_FORMAT_ERROR_DUPLICATE_ID, "nodes[2] (id “g”, line 1)",
    "nodes[0] already has the id “g”" },
  { "/core/format/rejects/notes-null", DOC (NODE_WITH ("\"notes\": null"), ""), -1,
    IMP_FORMAT_ERROR_TYPE, "“notes”: expected a string, found null" },
  { "/core/format/rejects/position-without-y", DOC (NODE_WITH ("\"position\": {\"x\": 1}"), ""),
    -1, IMP_FORMAT_ERROR_MISSING, "“position.y”: this required member is missing" },
  { "/core/format/rejects/position-string", DOC (NODE_WITH ("\"position\": {\"x\": \"1\", "
                                                            "\"y\": 2}"), ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“position.x”: expected a number, found a string" },
  { "/core/format/rejects/position-array", DOC (NODE_WITH ("\"position\": [1, 2]"), ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“position”: expected an object, found an array" },
  { "/core/format/rejects/position-infinite", DOC (NODE_WITH ("\"position\": {\"x\": 1e999, "
                                                              "\"y\": 2}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“position.x”: the number is too large" },
  { "/core/format/rejects/collapsed-string", DOC (NODE_WITH ("\"collapsed\": \"yes\""), ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“collapsed”: expected true or false, found a string" },
  { "/core/format/rejects/metric-bad-date", DOC (NODE_WITH ("\"metric\": {\"deadline\": "
                                                            "\"31/12/2026\"}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“metric.deadline”", "“31/12/2026”" },
  { "/core/format/rejects/metric-direction", DOC (NODE_WITH ("\"metric\": {\"direction\": "
                                                             "\"up\"}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“metric.direction”: “up” is not one of increase, decrease" },
  { "/core/format/rejects/metric-indicator", DOC (NODE_WITH ("\"metric\": {\"indicator\": "
                                                             "\"proxy\"}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“metric.indicator”" },
  { "/core/format/rejects/metric-target-string", DOC (NODE_WITH ("\"metric\": {\"target\": "
                                                                 "\"48000\"}"), ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“metric.target”: expected a number, found a string" },
  { "/core/format/rejects/metric-null", DOC (NODE_WITH ("\"metric\": null"), ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“metric”: expected an object, found null" },
  { "/core/format/rejects/ice-too-high", DOC (DELIVERABLE_WITH ("\"ice\": {\"impact\": 11}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“ice.impact”: expected an integer from 1 to 10, found 11" },
  { "/core/format/rejects/ice-zero", DOC (DELIVERABLE_WITH ("\"ice\": {\"ease\": 0}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“ice.ease”", "found 0" },
  { "/core/format/rejects/ice-fraction", DOC (DELIVERABLE_WITH ("\"ice\": {\"confidence\": 7.5}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“ice.confidence”", "found 7.5" },
  { "/core/format/rejects/ice-negative-huge",
    DOC (DELIVERABLE_WITH ("\"ice\": {\"impact\": -9223372036854775807}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“ice.impact”" },
  { "/core/format/rejects/ice-string", DOC (DELIVERABLE_WITH ("\"ice\": {\"impact\": \"8\"}"), ""),
    -1, IMP_FORMAT_ERROR_TYPE, "“ice.impact”: expected an integer, found a string" },
  { "/core/format/rejects/experiment-kind", DOC (EXPERIMENT_WITH ("\"experiment\": {\"kind\": "
                                                            "\"survey\"}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“experiment.kind”: “survey” is not one of" },
  { "/core/format/rejects/experiment-result", DOC (EXPERIMENT_WITH ("\"experiment\": {\"result\": "
                                                              "\"won\"}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“experiment.result”" },
  { "/core/format/rejects/experiment-date", DOC (EXPERIMENT_WITH ("\"experiment\": {\"end\": "
                                                            "\"2026-3-1\"}"), ""),
    -1, IMP_FORMAT_ERROR_VALUE, "“experiment.end”" },
  { "/core/format/rejects/link-not-object", DOC (GOAL, "[\"g\", \"a\"]"), -1,
    IMP_FORMAT_ERROR_TYPE, "links[0]: expected a link object, found an array" },
  { "/core/format/rejects/link-without-to", DOC (GOAL, "{\"from\": \"g\"}"), -1,
    IMP_FORMAT_ERROR_MISSING, "links[0] (line 1), “to”" },
  { "/core/format/rejects/dangling-link", DOC (GOAL, "{\"from\": \"g\", \"to\": \"n99\"}"), -1,
    IMP_FORMAT_ERROR_DANGLING_LINK, "links[0] (“g” → “n99”, line 1), “to”",
    "no node has the id “n99”" },
  { "/core/format/rejects/dangling-from", DOC (ACTOR, "{\"from\": \"zz\", \"to\": \"a\"}"), -1,
    IMP_FORMAT_ERROR_DANGLING_LINK, "“from”: no node has the id “zz”" },
  { "/core/format/rejects/link-skips-level", DOC (GOAL "," IMPACT, "{\"from\": \"g\", "
                                                                  "\"to\": \"i\"}"), -1,
    IMP_FORMAT_ERROR_BAD_LINK, "links[0] (“g” → “i”, line 1)",
    "from level “goal” to level “impact”" },
  { "/core/format/rejects/link-backwards", DOC (GOAL "," ACTOR, "{\"from\": \"a\", "
                                                                "\"to\": \"g\"}"), -1,
    IMP_FORMAT_ERROR_BAD_LINK, "from level “actor” to level “goal”" },
  { "/core/format/rejects/link-to-itself", DOC (GOAL, "{\"from\": \"g\", \"to\": \"g\"}"), -1,
    IMP_FORMAT_ERROR_BAD_LINK, "links[0]" },
  { "/core/format/rejects/duplicate-link", DOC (GOAL "," ACTOR, "{\"from\": \"g\", \"to\": \"a\"},"
                                                               "{\"from\": \"g\", \"to\": \"a\"}"),
    -1, IMP_FORMAT_ERROR_BAD_LINK, "links[1] (“g” → “a”, line 1)",
    "links[0] is already the same link" },
  { "/core/format/rejects/link-confidence-unset", DOC (GOAL "," ACTOR,
                                                       LINK_WITH ("\"confidence\": \"unset\"")),
    -1, IMP_FORMAT_ERROR_VALUE, "“confidence”: “unset” is not one of low, medium, high" },
  { "/core/format/rejects/link-status", DOC (GOAL "," ACTOR, LINK_WITH ("\"status\": \"maybe\"")),
    -1, IMP_FORMAT_ERROR_VALUE, "“status”: “maybe”" },
  { "/core/format/rejects/link-assumption-array", DOC (GOAL "," ACTOR,
                                                       LINK_WITH ("\"assumption\": []")),
    -1, IMP_FORMAT_ERROR_TYPE, "“assumption”: expected a string, found an array" },
  { "/core/format/rejects/votes-negative", DOC (NODE_WITH ("\"votes\": -1"), ""), -1,
    IMP_FORMAT_ERROR_VALUE,
    "nodes[0] (id “x”, line 1), “votes”: expected an integer from 1 to 999, found -1" },
  { "/core/format/rejects/votes-zero", DOC (NODE_WITH ("\"votes\": 0"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "“votes”: expected an integer from 1 to 999, found 0" },
  { "/core/format/rejects/votes-too-many", DOC (NODE_WITH ("\"votes\": 1000"), ""), -1,
    IMP_FORMAT_ERROR_VALUE,
    "nodes[0] (id “x”, line 1), “votes”: expected an integer from 1 to 999, found 1000" },
  { "/core/format/rejects/votes-string", DOC (NODE_WITH ("\"votes\": \"3\""), ""), -1,
    IMP_FORMAT_ERROR_TYPE, "nodes[0] (id “x”, line 1), “votes”: expected an integer, found a string" },
  { "/core/format/rejects/votes-fraction", DOC (NODE_WITH ("\"votes\": 2.5"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "“votes”: expected an integer, found 2.5" },
  { "/core/format/rejects/votes-null", DOC (NODE_WITH ("\"votes\": null"), ""), -1,
    IMP_FORMAT_ERROR_TYPE, "“votes”: expected an integer, found null" },
  { "/core/format/rejects/parking-lot-object",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": {}}", -1, IMP_FORMAT_ERROR_TYPE,
    "“parking_lot”: expected an array of strings, found an object" },
  { "/core/format/rejects/parking-lot-string",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": \"Idea\"}", -1, IMP_FORMAT_ERROR_TYPE,
    "“parking_lot”: expected an array of strings, found a string" },
  { "/core/format/rejects/parking-lot-empty-idea",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [\"Idea\", \"\"]}", -1, IMP_FORMAT_ERROR_VALUE,
    "“parking_lot[1]”: a parked idea cannot be empty" },
  { "/core/format/rejects/parking-lot-blank-idea",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [\" \\t\\n\"]}", -1, IMP_FORMAT_ERROR_VALUE,
    "“parking_lot[0]”: a parked idea cannot be empty" },
  { "/core/format/rejects/parking-lot-number",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [\"Idea\", 3]}", -1, IMP_FORMAT_ERROR_TYPE,
    "“parking_lot[1]”: expected a string, found a number" },
  { "/core/format/rejects/parking-lot-null",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [null]}", -1, IMP_FORMAT_ERROR_TYPE,
    "“parking_lot[0]”: expected a string, found null" },
  { "/core/format/rejects/parking-lot-surrogate",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [\"\\ud800x\"]}", -1, IMP_FORMAT_ERROR_ENCODING,
    "“parking_lot[0]”: the text is not valid UTF-8" },
  /* Issue 15: what json-glib lets through. */
  { "/core/format/rejects/integer-beyond-int64",
    DOC ("{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\",\n"
         "\"metric\": {\"current\": 9223372036854775808}}", ""), -1, IMP_FORMAT_ERROR_VALUE,
    "nodes[0].metric.current (line 2): 9223372036854775808 is out of range" },
  { "/core/format/rejects/negative-integer-beyond-int64",
    DOC (NODE_WITH ("\"position\": {\"x\": -9223372036854775809, \"y\": 0}"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "nodes[0].position.x (line 1): -9223372036854775809 is out of range" },
  { "/core/format/rejects/huge-votes",
    DOC (NODE_WITH ("\"votes\": 18446744073709551617"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "nodes[0].votes (line 1): 18446744073709551617 is out of range" },
  { "/core/format/rejects/huge-version",
    "{\"format\": \"impactmap\", \"version\": 18446744073709551615}", -1,
    IMP_FORMAT_ERROR_VERSION, "format version 18446744073709551615 does not exist" },
  { "/core/format/rejects/duplicate-nodes",
    "{\"format\": \"impactmap\", \"version\": 1,\n\"nodes\": [" GOAL "],\n\"nodes\": [],"
    " \"links\": []}", -1, IMP_FORMAT_ERROR_DUPLICATE_MEMBER,
    "line 3: the member “nodes” appears twice in one object" },
  { "/core/format/rejects/duplicate-member-in-node",
    DOC ("{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\", \"title\": \"H\"}", ""),
    -1, IMP_FORMAT_ERROR_DUPLICATE_MEMBER, "nodes[0] (line 1): the member “title” appears twice" },
  { "/core/format/rejects/duplicate-member-escaped",
    DOC (NODE_WITH ("\"metric\": {\"name\": \"a\", \"n\\u0061me\": \"b\"}"), ""), -1,
    IMP_FORMAT_ERROR_DUPLICATE_MEMBER, "nodes[0].metric (line 1): the member “n\\u0061me”" },
  { "/core/format/rejects/nul-in-title",
    DOC (NODE_WITH ("\"notes\": \"x\\u0000y\""), ""), -1, IMP_FORMAT_ERROR_ENCODING,
    "nodes[0].notes (line 1): the text holds a NUL character" },
  { "/core/format/rejects/nul-in-id",
    DOC ("{\"id\": \"a\\u0000b\", \"level\": \"goal\", \"title\": \"G\"}", ""), -1,
    IMP_FORMAT_ERROR_ENCODING, "nodes[0].id (line 1): the text holds a NUL character" },
  { "/core/format/rejects/single-quotes",
    "{'format': 'impactmap', 'version': 1, 'nodes': [], 'links': []}", -1,
    IMP_FORMAT_ERROR_SYNTAX, "line 1, column 2: strings are written in double quotes" },
  { "/core/format/rejects/trailing-object", DOC ("", "") "\n{}", -1, IMP_FORMAT_ERROR_SYNTAX,
    "line 2, column 1: more data after the end of the map" },
  { "/core/format/rejects/double-bom", "\xEF\xBB\xBF\xEF\xBB\xBF" DOC ("", ""), -1,
    IMP_FORMAT_ERROR_ENCODING, "two byte-order marks" },
  { "/core/format/rejects/surrogate-at-end",
    DOC (NODE_WITH ("\"notes\": \"x\\ud800\""), ""), -1, IMP_FORMAT_ERROR_ENCODING,
    "nodes[0].notes (line 1): the text is not valid UTF-8" },
  { "/core/format/rejects/parking-lot-surrogate-at-end",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [\"\\udc00\"]}", -1, IMP_FORMAT_ERROR_ENCODING,
    "parking_lot[0] (line 1): the text is not valid UTF-8" },
  { "/core/format/rejects/surrogate-in-member-name",
    DOC (NODE_WITH ("\"x\\ud800y\": 1"), ""), -1, IMP_FORMAT_ERROR_ENCODING,
    "nodes[0] (line 1): a member name is not valid UTF-8" },
  { "/core/format/rejects/date-leading-space",
    DOC (NODE_WITH ("\"metric\": {\"deadline\": \" 202-01-01\"}"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "found “ 202-01-01”" },
  { "/core/format/rejects/date-negative-year",
    DOC (NODE_WITH ("\"metric\": {\"deadline\": \"-001-01-01\"}"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "found “-001-01-01”" },
  { "/core/format/rejects/date-signs",
    DOC ("{\"id\": \"e\", \"level\": \"experiment\", \"title\": \"E\", "
         "\"experiment\": {\"start\": \"2026-+1-+1\"}}", ""), -1,
    IMP_FORMAT_ERROR_VALUE, "“experiment.start”: expected a date written YYYY-MM-DD" },
  { "/core/format/rejects/nbsp-id",
    DOC ("{\"id\": \"\\u00a0\", \"level\": \"goal\", \"title\": \"G\"}", ""), -1,
    IMP_FORMAT_ERROR_VALUE, "is not a valid node id" },
  { "/core/format/rejects/parking-lot-nbsp-idea",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
    "\"parking_lot\": [\"\\u00a0\\u202f\\u200b\"]}", -1, IMP_FORMAT_ERROR_VALUE,
    "“parking_lot[0]”: a parked idea cannot be empty (line 1)" },
  { "/core/format/rejects/parking-lot-idea-line",
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [],\n"
    "\"parking_lot\": [\"Idea\",\n\n4]}", -1, IMP_FORMAT_ERROR_TYPE,
    "“parking_lot[1]”: expected a string, found a number (line 4)" },
  { "/core/format/rejects/experiment-ends-before-start",
    DOC ("{\"id\": \"e\", \"level\": \"experiment\", \"title\": \"E\", "
         "\"experiment\": {\"start\": \"2026-03-02\", \"end\": \"2026-03-01\"}}", ""), -1,
    IMP_FORMAT_ERROR_VALUE, "ends on 2026-03-01, before it starts on 2026-03-02" },
  { "/core/format/rejects/ice-on-goal", DOC (NODE_WITH ("\"ice\": {\"impact\": 5}"), ""), -1,
    IMP_FORMAT_ERROR_VALUE,
    "“ice”: only cards of level “deliverable” have one, not a card of level “goal”" },
  { "/core/format/rejects/experiment-on-goal",
    DOC (NODE_WITH ("\"experiment\": {\"kind\": \"other\"}"), ""), -1, IMP_FORMAT_ERROR_VALUE,
    "“experiment”: only cards of level “experiment” have one" },
  { "/core/format/rejects/metric-on-deliverable",
    DOC (DELIVERABLE_WITH ("\"metric\": {\"name\": \"m\"}"), ""), -1, IMP_FORMAT_ERROR_VALUE,
    "“metric”: only cards of level “goal” or “impact” have one, not a card of level "
    "“deliverable”" },
  { "/core/format/rejects/target-equals-baseline",
    DOC (NODE_WITH ("\"metric\": {\"baseline\": 3, \"target\": 3}"), ""), -1,
    IMP_FORMAT_ERROR_VALUE, "“metric.target”: the target equals the baseline" },
};

static void
test_rejects (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (c->json, c->length, &error);

  /* All or nothing: no map, one error of the right kind. */
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, c->code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, c->needle) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, c->needle);
  if (c->needle2 != NULL && strstr (error->message, c->needle2) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, c->needle2);
}

/* A metric checked in IMP_MAX_READINGS times, written newest first, loads
 * in date order and quickly; one reading more is refused. */
static void
test_readings_limit (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": \"impactmap\", \"version\": 1, "
                                              "\"nodes\": [{\"id\": \"g\", \"level\": "
                                              "\"goal\", \"title\": \"G\", \"metric\": "
                                              "{\"readings\": [");
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = NULL;
      GDate date;

      g_date_set_dmy (&date, 1, 1, 2400);
      for (guint i = 0; i < IMP_MAX_READINGS + extra; i++)
        {
          char text[16];

          g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
          g_string_append_printf (json, "%s{\"date\": \"%s\", \"value\": %u}",
                                  i ? "," : "", text, i);
          g_date_subtract_days (&date, 1);
        }
      g_string_append (json, "]}}], \"links\": []}");

      map = imp_format_load_data (json->str, json->len, &error);
      if (extra == 0)
        {
          const ImpMetric *metric;

          g_assert_no_error (error);
          metric = node (map, "g")->metric;
          g_assert_cmpuint (imp_metric_get_n_readings (metric), ==, IMP_MAX_READINGS);
          g_assert_cmpfloat (imp_metric_get_reading (metric, 0)->value, ==, IMP_MAX_READINGS - 1);
          g_assert_cmpfloat (metric->current, ==, 0);
          g_assert_cmpstr (imp_metric_get_last_reading (metric)->date, ==, "2400-01-01");
        }
      else
        {
          g_assert_null (map);
          g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "“metric.readings”: 100001 readings, more "
                                    "than the 100000 one metric can hold"));
        }
    }
}

/* Readings keep their date order, their notes and their unknown members;
 * the metric's current value is the latest reading's, whatever the file's
 * "current" says. */
static void
test_read_readings (void)
{
  static const char json[] =
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [{\"id\": \"g\", "
    "\"level\": \"goal\", \"title\": \"G\", \"metric\": {\"current\": 99, \"readings\": ["
    "{\"date\": \"2026-03-01\", \"value\": 3, \"note\": \"late\"},"
    "{\"date\": \"2026-01-01\", \"value\": 1, \"by\": [1, 2]},"
    "{\"date\": \"2026-03-01\", \"value\": 4}]}}], \"links\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (json, -1, &error);
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *data = NULL;
  const ImpMetric *metric;

  g_assert_no_error (error);
  metric = node (map, "g")->metric;
  g_assert_cmpuint (imp_metric_get_n_readings (metric), ==, 3);
  g_assert_cmpstr (imp_metric_get_reading (metric, 0)->date, ==, "2026-01-01");
  g_assert_nonnull (imp_metric_get_reading (metric, 0)->extra);
  g_assert_cmpstr (imp_metric_get_reading (metric, 1)->note, ==, "late");
  g_assert_cmpfloat (imp_metric_get_reading (metric, 2)->value, ==, 4);
  g_assert_cmpfloat (metric->current, ==, 4);

  data = imp_format_save_to_data (map, NULL);
  g_assert_nonnull (strstr (data, "{\"date\": \"2026-01-01\", \"value\": 1, \"by\": ["));
  g_assert_nonnull (strstr (data, "\"current\": 4,"));
  again = imp_format_load_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_equal (map, again));
}

static void
test_rejects_beyond_limits (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;

  /* One node too many, refused by the count, before json-glib builds a tree. */
  for (guint i = 0; i <= IMP_MAX_NODES; i++)
    g_string_append (json, i == 0 ? "{}" : ",{}");
  g_string_append (json, "], \"links\": []}");
  map = imp_format_load_data (json->str, json->len, &error);
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than 500000 entries in “nodes”"));
  g_clear_error (&error);

  /* Notes one character over the limit; exactly at it they load. */
  for (guint extra = 0; extra < 2; extra++)
    {
      g_string_assign (json, "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
                       "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\", \"notes\": \"");
      for (guint i = 0; i < IMP_MAX_NOTES_CHARS - 1 + extra; i++)
        g_string_append (json, "é");
      g_string_append (json, "x\"}], \"links\": []}");
      map = imp_format_load_data (json->str, json->len, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (g_utf8_strlen (node (map, "g")->notes, -1), ==, IMP_MAX_NOTES_CHARS);
          g_clear_object (&map);
        }
      else
        {
          g_assert_null (map);
          g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "“notes”: the text is longer than the "
                                    "limit of 100000 characters"));
          g_clear_error (&error);
        }
    }
}

static void
test_limits_check_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strnfill (IMP_MAX_TITLE_CHARS, 'a');
  g_autofree char *longer = g_strnfill (IMP_MAX_TITLE_CHARS + 1, 'a');

  g_assert_true (imp_limits_check_text (IMP_TEXT_TITLE, NULL, &error));
  g_assert_true (imp_limits_check_text (IMP_TEXT_TITLE, title, &error));
  g_assert_no_error (error);
  g_assert_false (imp_limits_check_text (IMP_TEXT_TITLE, longer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (imp_limits_check_text (IMP_TEXT_OTHER, longer, NULL));

  g_assert_true (imp_limits_text_is_blank (" \u00a0\u202f\u200b\t"));
  g_assert_false (imp_limits_text_is_blank (" x "));
}

static void
test_rejects_deep_nesting (void)
{
  /* json-glib's parser recurses per level; this must not reach it. */
  const guint depth = 100000;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"impactmap\", \"version\": 1, \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  map = imp_format_load_data (json->str, json->len, &error);
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "nested more than 256 levels"));
  g_clear_error (&error);

  /* Brackets inside strings are text, not nesting. */
  g_string_assign (json, "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
                   "{\"id\": \"n1\", \"level\": \"goal\", \"title\": \"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "[{");
  g_string_append (json, "\\\"\"}], \"links\": []}");
  map = imp_format_load_data (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (node (map, "n1")->title), ==, 2001);
}

static void
test_rejects_endless_stream (void)
{
  /* A device that never ends must not fill memory: it is refused before
   * anything is read, as every file that is not a regular one. */
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  map = imp_format_load_path ("/dev/zero", &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "device"));
}

/* A file over the size limit is refused by its size, before a byte is
 * read: a sparse file of 129 MiB costs nothing to make and would cost a
 * lot to read. */
static void
test_rejects_oversized_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("imp-format-size-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.impactmap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  int fd;

  g_assert_nonnull (dir);
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) IMP_MAX_FILE_SIZE + 1024 * 1024), ==, 0);
  close (fd);

  map = imp_format_load_path (path, &error);
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "128"));

  g_remove (path);
  g_rmdir (dir);
}

/* A named pipe with no writer would block open() and read() for ever:
 * the reader refuses it at once, and a folder too; /dev/null reads as an
 * empty input (git hands it over for a side that has no file). */
static void
test_rejects_fifo_and_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("imp-format-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.impactmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  map = imp_format_load_path (fifo, &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "FIFO"));
  g_clear_error (&error);

  map = imp_format_load_file (file, &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  map = imp_format_load_path (dir, &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  if (g_file_test ("/dev/null", G_FILE_TEST_EXISTS))
    {
      map = imp_format_load_path ("/dev/null", &error);
      g_assert_null (map);
      g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_EMPTY);
    }

  g_remove (fifo);
  g_rmdir (dir);
}

static void
test_rejects_mutations (void)
{
  /* A poor man's fuzzer, deterministic: every prefix of a real file, and
   * every byte replaced by a few troublemakers, either loads or fails with
   * a format error. Criticals are fatal here, so a json-glib getter used
   * on the wrong type would abort. */
  static const char replacements[] = { '"', '{', ']', '0', 'x', ',', '\\', '\xff' };
  gsize length = 0;
  g_autofree char *data = read_fixture ("canonical.impactmap", &length);
  g_autofree char *copy = g_malloc (length + 1);
  guint n_ok = 0;

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = imp_format_load_data (data, cut, &error);

      /* Only the final newline may be missing. */
      if (map != NULL)
        {
          g_assert_cmpuint (cut, ==, length - 1);
          n_ok++;
        }
      else
        {
          g_assert_true (error->domain == IMP_FORMAT_ERROR);
        }
    }
  g_assert_cmpuint (n_ok, ==, 1);

  for (gsize i = 0; i < length; i++)
    {
      for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ImpMap) map = NULL;

          memcpy (copy, data, length);
          copy[i] = replacements[r];
          copy[length] = '\0';

          map = imp_format_load_data (copy, length, &error);
          g_assert_true ((map == NULL) != (error == NULL));
          if (error != NULL)
            g_assert_true (error->domain == IMP_FORMAT_ERROR);
        }
    }
}

/* Writing ---------------------------------------------------------------- */

static void
test_write_golden (void)
{
  gsize golden_len = 0;
  g_autofree char *golden = read_fixture ("canonical.impactmap", &golden_len);
  g_autoptr(ImpMap) loose = load_fixture ("loose.impactmap");
  g_autoptr(ImpMap) canonical = load_fixture ("canonical.impactmap");
  g_autofree char *from_loose = NULL;
  g_autofree char *from_canonical = NULL;
  gsize len = 0;

  /* A hand-written file is normalised to exactly the canonical bytes... */
  from_loose = imp_format_save_to_data (loose, &len);
  g_assert_cmpstr (from_loose, ==, golden);
  g_assert_cmpuint (len, ==, golden_len);

  /* ...and the canonical file is written back unchanged. */
  from_canonical = imp_format_save_to_data (canonical, NULL);
  g_assert_cmpstr (from_canonical, ==, golden);
}

static void
test_write_round_trip (void)
{
  g_autoptr(ImpMap) map = load_fixture ("canonical.impactmap");
  g_autofree char *data = imp_format_save_to_data (map, NULL);
  g_autoptr(ImpMap) again = load_ok (data);
  g_autofree char *data2 = imp_format_save_to_data (again, NULL);

  g_assert_true (imp_map_equal (map, again));
  g_assert_cmpstr (data, ==, data2);
}

static ImpMap *
build_map (void)
{
  g_autoptr(GError) error = NULL;
  ImpMap *map = imp_map_new ();
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();
  ImpIce ice = { 3, 9, 2 };
  ImpNode *goal, *actor, *impact, *impact2, *deliverable, *exp;
  ImpLink *link;

  _imp_map_set_title (map, "Built “by hand”");
  _imp_map_set_vocabulary (map, IMP_VOCABULARY_PRODUCT_CHAIN);

  /* Created in depth-first order, as the writer lists them, so that the
   * map read back is equal, node order included. */
  goal = _imp_map_add_node (map, IMP_LEVEL_GOAL, "Revenue +10%", NULL, &error);
  actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Buyers", NULL, &error);
  impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Buy again", NULL, &error);
  deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Reorder button", "reorder",
                                  &error);
  exp = _imp_map_add_node (map, IMP_LEVEL_EXPERIMENT, "A/B test", NULL, &error);
  impact2 = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Tell friends", NULL, &error);
  g_assert_no_error (error);

  metric->name = g_strdup ("Revenue");
  metric->unit = g_strdup ("EUR");
  metric->baseline = 1.0 / 3.0;
  metric->target = 1e21;
  metric->direction = IMP_DIRECTION_INCREASE;
  metric->indicator = IMP_INDICATOR_LEADING;
  metric->deadline = g_strdup ("2027-01-31");
  _imp_map_set_node_metric (map, goal, metric);
  _imp_map_set_node_notes (map, goal, "Line one\nLine two\t\"quoted\" \\ \x01 ü");
  _imp_map_set_node_position (map, goal, TRUE, -0.0, -12.75);
  _imp_map_set_node_collapsed (map, impact, TRUE);
  g_assert_true (_imp_map_set_node_ice (map, deliverable, &ice, &error));

  experiment->kind = IMP_EXPERIMENT_KIND_AB_TEST;
  experiment->aspect = IMP_ASPECT_USABILITY;
  experiment->status = IMP_EXPERIMENT_RUNNING;
  experiment->start_date = g_strdup ("2026-05-01");
  experiment->evidence = g_strdup ("");
  _imp_map_set_node_experiment (map, exp, experiment);

  g_assert_nonnull (_imp_map_link (map, goal, actor, -1, &error));
  link = _imp_map_link (map, actor, impact, -1, &error);
  _imp_map_set_link_assumption (map, link, "They liked it the first time");
  _imp_map_set_link_confidence (map, link, IMP_CONFIDENCE_LOW);
  g_assert_nonnull (_imp_map_link (map, impact, deliverable, -1, &error));
  g_assert_nonnull (_imp_map_link (map, deliverable, exp, -1, &error));
  g_assert_nonnull (_imp_map_link (map, actor, impact2, -1, &error));
  link = _imp_map_link (map, impact2, deliverable, -1, &error);
  _imp_map_set_link_status (map, link, IMP_LINK_STATUS_REFUTED);
  g_assert_no_error (error);

  return map;
}

static void
test_write_built_map (void)
{
  g_autoptr(ImpMap) map = build_map ();
  g_autofree char *data = imp_format_save_to_data (map, NULL);
  g_autoptr(ImpMap) again = load_ok (data);
  g_autofree char *data2 = imp_format_save_to_data (again, NULL);
  ImpNode *goal = imp_map_get_node (again, 0);

  g_assert_true (imp_map_equal (map, again));
  g_assert_cmpstr (data, ==, data2);

  /* Exact doubles survive, and integral ones are written as integers. */
  g_assert_cmpfloat (goal->metric->baseline, ==, 1.0 / 3.0);
  g_assert_cmpfloat (goal->metric->target, ==, 1e21);
  g_assert_nonnull (strstr (data, "\"baseline\": 0.3333333333333333,\n"));
  g_assert_nonnull (strstr (data, "\"target\": 1e+21,\n"));
  g_assert_nonnull (strstr (data, "\"x\": 0,\n"));
  g_assert_nonnull (strstr (data, "\"y\": -12.75\n"));
  g_assert_false (signbit (goal->x));
  g_assert_nonnull (strstr (data, "\"notes\": \"Line one\\nLine two\\t\\\"quoted\\\" \\\\ "
                                  "\\u0001 ü\",\n"));
  /* An empty string set by code is still a value the user may have meant. */
  g_assert_nonnull (strstr (data, "\"evidence\": \"\"\n"));
  g_assert_null (node (again, "reorder")->experiment);
  g_assert_cmpstr (imp_node_get_child (node (again, "reorder"), 0)->experiment->evidence, ==, "");
}

/* Finds @needle in @haystack after @from, or fails. */
static const char *
find_after (const char *haystack,
            const char *from,
            const char *needle)
{
  const char *at = strstr (from, needle);

  if (at == NULL)
    g_error ("“%s” not found after offset %d in:\n%s", needle, (int) (from - haystack),
             haystack);

  return at;
}

static void
test_write_member_order (void)
{
  g_autoptr(ImpMap) map = load_fixture ("loose.impactmap");
  g_autofree char *data = imp_format_save_to_data (map, NULL);
  const char *p = data;

  g_assert_true (g_str_has_prefix (data, "{\n  \"format\": \"impactmap\",\n  \"version\": 1,\n"));
  g_assert_true (g_str_has_suffix (data, "}\n"));
  g_assert_false (g_str_has_suffix (data, "\n\n"));

  for (const char * const *key = (const char * const[]) {
         "\n  \"title\": ", "\n  \"vocabulary\": \"five-questions\"", "\n  \"nodes\": [",
         "\n  \"links\": [", "\n  \"created-with\": {", "\n  \"review\": null\n}", NULL };
       *key != NULL; key++)
    p = find_after (data, p, *key) + 1;

  /* Node n7: every member present, in the documented order, extras last. */
  p = find_after (data, data, "\"id\": \"n7\"");
  for (const char * const *key = (const char * const[]) {
         "\"level\"", "\"title\"", "\"position\": {", "\"x\": 1020", "\"y\": 340.25",
         "\"snap\": true", "\"collapsed\": true", "\"ice\": {", "\"impact\": 8",
         "\"confidence\": 6", "\"ease\": 5", "\"scored-by\": [", "\"id\": \"n9\"", NULL };
       *key != NULL; key++)
    p = find_after (data, p, *key) + 1;

  /* Node n1: the metric's unknown member after its known ones, the node's
   * own after the metric. */
  p = find_after (data, data, "\"id\": \"n1\"");
  for (const char * const *key = (const char * const[]) {
         "\"notes\"", "\"metric\": {", "\"name\"", "\"unit\"", "\"baseline\"", "\"current\"",
         "\"target\"", "\"direction\"", "\"deadline\"", "\"indicator\"", "\"source\"",
         "\"owner\": \"Dana\"", "\"id\": \"n2\"", NULL };
       *key != NULL; key++)
    p = find_after (data, p, *key) + 1;
}

static void
test_write_votes (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autoptr(ImpMap) again = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  /* A loose deliverable: the level that has an ICE score. */
  ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "A", NULL, &error);
  ImpIce ice = { 2, 3, 4 };

  g_assert_no_error (error);
  _imp_map_set_node_votes (map, goal, 999);
  _imp_map_set_node_votes (map, actor, 1);
  g_assert_true (_imp_map_set_node_ice (map, actor, &ice, &error));

  data = imp_format_save_to_data (map, NULL);
  /* After the ICE score, before the experiment; absent when none. */
  g_assert_nonnull (strstr (data, "      \"title\": \"G\",\n      \"votes\": 999\n    }"));
  g_assert_nonnull (strstr (data, "        \"ease\": 4\n      },\n      \"votes\": 1\n    }"));

  again = load_ok (data);
  g_assert_true (imp_map_equal (map, again));
  g_assert_cmpuint (imp_map_get_node (again, 0)->votes, ==, 999);
  g_assert_cmpuint (imp_map_get_total_votes (again), ==, 1000);
  data2 = imp_format_save_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data2);

  /* No votes, no member. */
  _imp_map_set_node_votes (again, imp_map_get_node (again, 0), 0);
  _imp_map_set_node_votes (again, imp_map_get_node (again, 1), 0);
  g_clear_pointer (&data2, g_free);
  data2 = imp_format_save_to_data (again, NULL);
  g_assert_null (strstr (data2, "votes"));
}

static void
test_write_parking_lot (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;

  _imp_map_insert_parked (map, -1, "Offline mode");
  _imp_map_insert_parked (map, -1, "A \"quoted\" idea\twith a tab");

  data = imp_format_save_to_data (map, NULL);
  /* After the links, one string a line. */
  g_assert_nonnull (strstr (data, "  \"links\": [],\n"
                                  "  \"parking_lot\": [\n"
                                  "    \"Offline mode\",\n"
                                  "    \"A \\\"quoted\\\" idea\\twith a tab\"\n"
                                  "  ]\n}\n"));

  again = load_ok (data);
  g_assert_true (imp_map_equal (map, again));
  g_assert_cmpuint (imp_map_get_n_parked (again), ==, 2);
  g_assert_cmpstr (imp_map_get_parked (again, 1), ==, "A \"quoted\" idea\twith a tab");
  data2 = imp_format_save_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data2);

  /* Read trimmed; an empty lot is not written. */
  g_clear_object (&again);
  again = load_ok ("{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
                   "\"parking_lot\": [\"  Badges  \"]}");
  g_assert_cmpstr (imp_map_get_parked (again, 0), ==, "Badges");
  _imp_map_remove_parked (again, 0);
  g_clear_pointer (&data2, g_free);
  data2 = imp_format_save_to_data (again, NULL);
  g_assert_null (strstr (data2, "parking_lot"));
}

static void
test_write_defaults_omitted (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  ImpNode *goal = _imp_map_add_node (map, IMP_LEVEL_GOAL, "G", "n1", &error);
  ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "A", "n2", &error);

  _imp_map_link (map, goal, actor, -1, &error);
  g_assert_no_error (error);

  data = imp_format_save_to_data (map, NULL);
  g_assert_cmpstr (data, ==,
                   "{\n"
                   "  \"format\": \"impactmap\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"\",\n"
                   "  \"vocabulary\": \"classic\",\n"
                   "  \"nodes\": [\n"
                   "    {\n"
                   "      \"id\": \"n1\",\n"
                   "      \"level\": \"goal\",\n"
                   "      \"title\": \"G\"\n"
                   "    },\n"
                   "    {\n"
                   "      \"id\": \"n2\",\n"
                   "      \"level\": \"actor\",\n"
                   "      \"title\": \"A\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"links\": [\n"
                   "    {\n"
                   "      \"from\": \"n1\",\n"
                   "      \"to\": \"n2\"\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");

  g_clear_pointer (&data, g_free);
  g_clear_object (&map);
  map = imp_map_new ();
  data = imp_format_save_to_data (map, NULL);
  g_assert_nonnull (strstr (data, "  \"nodes\": [],\n  \"links\": []\n}\n"));
}

static void
test_write_depth_first (void)
{
  /* Created right to left, as a feature-driven team might: the file still
   * lists each branch as a block, tree links first, then cross-links. */
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *data = NULL;
  ImpNode *d = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "D", "d", &error);
  ImpNode *i2 = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "I2", "i2", &error);
  ImpNode *i1 = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "I1", "i1", &error);
  ImpNode *a = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "A", "a", &error);
  ImpNode *g = _imp_map_add_node (map, IMP_LEVEL_GOAL, "G", "g", &error);
  const char *p;

  _imp_map_link (map, i2, d, -1, &error);
  _imp_map_link (map, i1, d, -1, &error);
  _imp_map_link (map, a, i1, -1, &error);
  _imp_map_link (map, a, i2, -1, &error);
  _imp_map_link (map, g, a, -1, &error);
  g_assert_no_error (error);

  data = imp_format_save_to_data (map, NULL);

  p = data;
  for (const char * const *key = (const char * const[]) {
         "\"id\": \"g\"", "\"id\": \"a\"", "\"id\": \"i1\"", "\"id\": \"i2\"", "\"id\": \"d\"",
         "\"from\": \"g\",\n      \"to\": \"a\"", "\"from\": \"a\",\n      \"to\": \"i1\"",
         "\"from\": \"a\",\n      \"to\": \"i2\"", "\"from\": \"i2\",\n      \"to\": \"d\"",
         "\"from\": \"i1\",\n      \"to\": \"d\"", NULL };
       *key != NULL; key++)
    p = find_after (data, p, *key) + 1;

  again = load_ok (data);
  g_assert_cmpstr (imp_map_get_node (again, 0)->id, ==, "g");
  g_assert_cmpstr (imp_map_get_node (again, 4)->id, ==, "d");
  /* d keeps i2 as its tree parent, i1 as the cross-link. */
  g_assert_cmpstr (parent_id (node (again, "d"), 0), ==, "i2");
  g_assert_cmpstr (parent_id (node (again, "d"), 1), ==, "i1");
}

static void
test_write_unknown_payload_dropped_with_payload (void)
{
  g_autoptr(ImpMap) map = load_fixture ("loose.impactmap");
  g_autofree char *data = NULL;

  _imp_map_set_node_metric (map, node (map, "n1"), NULL);
  data = imp_format_save_to_data (map, NULL);

  /* The metric's unknown member goes with the metric; the node's stays. */
  g_assert_null (strstr (data, "\"source\""));
  g_assert_nonnull (strstr (data, "\"owner\": \"Dana\""));
  g_assert_null (strstr (data, "\"name\": \"Weekly active learners\""));
}

static void
test_write_invalid_text (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpMap) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  ImpNode *goal = _imp_map_add_node (map, IMP_LEVEL_GOAL, "caf\xE9", NULL, &error);

  /* Neither of these can come through the UI, but a file the reader then
   * refuses would lose the whole map, not one field. */
  metric->deadline = g_strdup ("end of Q4");
  metric->current = INFINITY;
  _imp_map_set_node_metric (map, goal, metric);

  data = imp_format_save_to_data (map, NULL);
  g_assert_true (g_utf8_validate (data, -1, NULL));
  again = imp_format_load_data (data, -1, &error);
  g_assert_no_error (error);
  goal = imp_map_get_node (again, 0);
  g_assert_true (g_str_has_prefix (goal->title, "caf"));
  g_assert_null (goal->metric->deadline);
  g_assert_true (isnan (goal->metric->current));
}

/* Files ------------------------------------------------------------------ */

static void
test_files_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("impact-mapper-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.impactmap", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.impactmap", NULL);
  g_autoptr(ImpMap) map = build_map ();
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *expected = imp_format_save_to_data (map, NULL);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (path, "old contents", -1, &error));
  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected);

  again = imp_format_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_equal (map, again));
  g_clear_object (&again);

  again = imp_format_load_path (missing, &error);
  g_assert_null (again);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (imp_format_save_to_path (map, missing, &error));
  g_assert_true (error != NULL && error->domain == G_IO_ERROR);
  g_clear_error (&error);

  /* A broken file gives a format error, not an I/O one. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"impactmap\", \"version\": 3}", -1,
                                      &error));
  again = imp_format_load_path (path, &error);
  g_assert_null (again);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_VERSION);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  /* Saving over "old contents" kept them as the backup. */
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_autofree char *old = NULL;

    g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
    g_assert_cmpstr (old, ==, "old contents");
    g_assert_cmpint (g_remove (backup), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  ImpMap    *map;
  gboolean   saved;
  GError    *error;
} AsyncData;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncData *data = user_data;

  g_assert_true (IMP_IS_MAP (source));
  data->saved = imp_format_save_to_file_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  data->map = imp_format_load_file_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_files_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("impact-mapper-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "async.impactmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/impact-mapper/x.impactmap");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(ImpMap) map = build_map ();
  AsyncData data = { loop, NULL, FALSE, NULL };

  g_assert_no_error (error);

  imp_format_save_to_file_async (map, file, NULL, saved_cb, &data);
  /* The bytes were taken at the call: this edit is not in the file. */
  _imp_map_set_title (map, "Changed after saving");
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_true (data.saved);

  imp_format_load_file_async (file, NULL, loaded_cb, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_nonnull (data.map);
  g_assert_cmpstr (imp_map_get_title (data.map), ==, "Built “by hand”");
  g_assert_cmpuint (imp_map_get_n_nodes (data.map), ==, 6);
  g_clear_object (&data.map);

  imp_format_load_file_async (missing, NULL, loaded_cb, &data);
  g_main_loop_run (loop);
  g_assert_null (data.map);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&data.error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/read/fields", test_read_fields);
  g_test_add_func ("/core/format/read/tree-parent-is-first-link",
                   test_read_tree_parent_is_first_link);
  g_test_add_func ("/core/format/read/three-tiers-sibling-order", test_read_three_tiers);
  g_test_add_func ("/core/format/read/many-cross-links", test_read_many_cross_links);
  g_test_add_func ("/core/format/read/byte-order-mark", test_read_bom);
  g_test_add_func ("/core/format/read/integral-numbers", test_read_integral_numbers);
  g_test_add_func ("/core/format/read/line-numbers", test_read_line_numbers);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add_data_func (error_cases[i].path, &error_cases[i], test_rejects);
  g_test_add_func ("/core/format/rejects/deep-nesting", test_rejects_deep_nesting);
  g_test_add_func ("/core/format/rejects/beyond-limits", test_rejects_beyond_limits);
  g_test_add_func ("/core/format/rejects/too-many-readings", test_readings_limit);
  g_test_add_func ("/core/format/read/readings", test_read_readings);
  g_test_add_func ("/core/format/rejects/oversized-file", test_rejects_oversized_file);
  g_test_add_func ("/core/limits/check-text", test_limits_check_text);
  g_test_add_func ("/core/format/rejects/endless-stream", test_rejects_endless_stream);
  g_test_add_func ("/core/format/rejects/fifo-and-folder", test_rejects_fifo_and_folder);
  g_test_add_func ("/core/format/rejects/mutations", test_rejects_mutations);

  g_test_add_func ("/core/format/write/golden", test_write_golden);
  g_test_add_func ("/core/format/write/round-trip", test_write_round_trip);
  g_test_add_func ("/core/format/write/built-map", test_write_built_map);
  g_test_add_func ("/core/format/write/member-order", test_write_member_order);
  g_test_add_func ("/core/format/write/defaults-omitted", test_write_defaults_omitted);
  g_test_add_func ("/core/format/write/votes", test_write_votes);
  g_test_add_func ("/core/format/write/parking-lot", test_write_parking_lot);
  g_test_add_func ("/core/format/write/depth-first", test_write_depth_first);
  g_test_add_func ("/core/format/write/unknown-payload-goes-with-payload",
                   test_write_unknown_payload_dropped_with_payload);
  g_test_add_func ("/core/format/write/invalid-text", test_write_invalid_text);

  g_test_add_func ("/core/format/files/path", test_files_path);
  g_test_add_func ("/core/format/files/async", test_files_async);

  return g_test_run ();
}
