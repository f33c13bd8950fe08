/* test-selection-properties.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <math.h>

#include "imp-enums.h"
#include "imp-limits.h"
#include "imp-selection-properties.h"

typedef struct
{
  GHashTable *seen;  /* property name -> count */
} Notes;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Notes      *notes)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (notes->seen, pspec->name));

  g_hash_table_replace (notes->seen, g_strdup (pspec->name), GUINT_TO_POINTER (n + 1));
}

static guint
count (Notes      *notes,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (notes->seen, name));
}

static void
test_follows_selection_and_notifies_changes (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(ImpSelection) selection = imp_selection_new ();
  g_autoptr(ImpSelectionProperties) props = imp_selection_properties_new ();
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *a, *b;
  Notes notes = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  ImpLevel level;

  a = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Teachers", NULL);
  b = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Students", NULL);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  imp_selection_set_map (selection, map);

  imp_selection_properties_set_history (props, history);
  imp_selection_properties_set_selection (props, selection);
  g_assert_null (imp_selection_properties_get_node (props));

  imp_selection_select (selection, a);
  g_assert_true (imp_selection_properties_get_node (props) == a);
  g_object_get (props, "title", &text, "level", &level, NULL);
  g_assert_cmpstr (text, ==, "Teachers");
  g_assert_cmpint (level, ==, IMP_LEVEL_ACTOR);

  g_signal_connect (props, "notify", G_CALLBACK (notify_cb), &notes);

  /* Another card changes: nothing of ours moved. */
  imp_history_set_node_title (history, b, "Pupils");
  imp_history_set_node_notes (history, b, "All of them");
  g_assert_cmpuint (g_hash_table_size (notes.seen), ==, 0);

  /* Ours changes: only what moved is notified. */
  imp_history_set_node_notes (history, a, "Of maths");
  g_assert_cmpuint (count (&notes, "notes"), ==, 1);
  g_assert_cmpuint (count (&notes, "title"), ==, 0);
  g_assert_cmpuint (g_hash_table_size (notes.seen), ==, 1);

  /* Undo is a model change like any other. */
  g_assert_true (imp_history_undo (history));
  g_assert_cmpuint (count (&notes, "notes"), ==, 2);
  g_assert_null (a->notes);

  /* Setting a property pushes one command. */
  {
    guint before = imp_history_get_n_undo (history);

    imp_history_seal (history);
    g_object_set (props, "title", "Maths teachers", NULL);
    g_assert_cmpstr (a->title, ==, "Maths teachers");
    g_assert_cmpuint (imp_history_get_n_undo (history), ==, before + 1);
    g_assert_cmpuint (count (&notes, "title"), ==, 1);
  }

  /* A refused value leaves the model alone and says why. */
  g_assert_false (imp_selection_properties_commit_text (props, "title", "  ", &message));
  g_assert_nonnull (message);
  g_assert_cmpstr (a->title, ==, "Maths teachers");

  /* So is a title past the file format's limit, as pasting 1 MB would be;
   * one at the limit is taken. */
  {
    g_autofree char *huge = g_strnfill (IMP_MAX_TITLE_CHARS + 1, 'x');

    g_clear_pointer (&message, g_free);
    g_assert_false (imp_selection_properties_commit_text (props, "title", huge, &message));
    g_assert_nonnull (strstr (message, "5000"));
    g_assert_cmpstr (a->title, ==, "Maths teachers");
    huge[IMP_MAX_TITLE_CHARS] = '\0';
    imp_history_seal (history);
    g_assert_true (imp_selection_properties_commit_text (props, "title", huge, NULL));
    g_assert_cmpuint (strlen (a->title), ==, IMP_MAX_TITLE_CHARS);
    imp_history_undo (history);
    g_assert_cmpstr (a->title, ==, "Maths teachers");
  }

  /* Deselected: the card's fields are empty. */
  imp_selection_clear (selection);
  g_assert_null (imp_selection_properties_get_node (props));
  /* The rename, the title at the limit and its undo, and this. */
  g_assert_cmpuint (count (&notes, "title"), ==, 4);
  g_clear_pointer (&text, g_free);
  g_object_get (props, "title", &text, NULL);
  g_assert_null (text);

  g_signal_handlers_disconnect_by_data (props, &notes);
  g_hash_table_unref (notes.seen);
}

static void
test_metric_and_link_fields (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(ImpSelection) selection = imp_selection_new ();
  g_autoptr(ImpSelectionProperties) props = imp_selection_properties_new ();
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor;
  ImpLink *link;
  g_autofree char *message = NULL;
  g_autofree char *target = NULL;
  ImpLinkStatus status;

  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Teachers", NULL);
  imp_selection_set_map (selection, map);
  imp_selection_properties_set_history (props, history);
  imp_selection_properties_set_selection (props, selection);

  imp_selection_select (selection, goal);
  g_assert_true (imp_selection_properties_commit_text (props, "metric-baseline", "10", NULL));
  g_assert_false (imp_selection_properties_commit_text (props, "metric-target", "1,5",
                                                         &message));
  g_assert_nonnull (message);
  g_assert_true (imp_selection_properties_commit_text (props, "metric-target", "2.50", NULL));
  target = imp_selection_properties_dup_text (props, "metric-target");
  g_assert_cmpstr (target, ==, "2.5");
  g_assert_cmpfloat (goal->metric->target, ==, 2.5);

  link = imp_map_find_link (map, goal, actor);
  g_assert_nonnull (link);
  imp_selection_select_link (selection, link);
  g_assert_null (imp_selection_properties_get_node (props));
  g_assert_true (imp_selection_properties_get_link (props) == link);
  g_object_set (props, "link-status", IMP_LINK_STATUS_REFUTED, NULL);
  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_REFUTED);
  g_assert_true (imp_history_undo (history));
  g_object_get (props, "link-status", &status, NULL);
  g_assert_cmpint (status, ==, IMP_LINK_STATUS_UNTESTED);

  /* The map going away leaves nothing to show. */
  imp_selection_properties_set_history (props, NULL);
  g_assert_null (imp_selection_properties_get_link (props));
}

/* Through the adapter, as the inspector edits: a metric started on
 * "Fewer complaints" goes down, a technical spike tests feasibility, and
 * each is one undo step. */
static void
test_defaults (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(ImpSelection) selection = imp_selection_new ();
  g_autoptr(ImpSelectionProperties) props = imp_selection_properties_new ();
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor, *impact, *deliverable, *spike;

  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Teachers", NULL);
  impact = imp_history_add_node (history, actor, -1, IMP_LEVEL_IMPACT, "Fewer complaints", NULL);
  deliverable = imp_history_add_node (history, impact, -1, IMP_LEVEL_DELIVERABLE, "Rubric", NULL);
  spike = imp_history_add_node (history, deliverable, -1, IMP_LEVEL_EXPERIMENT, "Spike", NULL);
  imp_selection_set_map (selection, map);
  imp_selection_properties_set_history (props, history);
  imp_selection_properties_set_selection (props, selection);

  imp_selection_select (selection, impact);
  g_assert_true (imp_selection_properties_commit_text (props, "metric-name", "Complaints",
                                                        NULL));
  g_assert_nonnull (impact->metric);
  g_assert_cmpint (impact->metric->direction, ==, IMP_DIRECTION_DECREASE);

  imp_selection_select (selection, spike);
  g_object_set (props, "exp-kind", IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE, NULL);
  g_assert_cmpint (spike->experiment->kind, ==, IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (spike->experiment->aspect, ==, IMP_ASPECT_FEASIBILITY);
  g_assert_true (imp_history_undo (history));
  g_assert_true (spike->experiment == NULL ||
                 spike->experiment->aspect == IMP_ASPECT_VALIDITY);

  /* A chosen aspect stays when the kind changes. */
  g_object_set (props, "exp-aspect", IMP_ASPECT_USABILITY, NULL);
  g_object_set (props, "exp-kind", IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE, NULL);
  g_assert_cmpint (spike->experiment->aspect, ==, IMP_ASPECT_USABILITY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/selection-properties/follows-selection",
                   test_follows_selection_and_notifies_changes);
  g_test_add_func ("/ui/selection-properties/metric-and-link",
                   test_metric_and_link_fields);
  g_test_add_func ("/ui/selection-properties/defaults", test_defaults);

  return g_test_run ();
}
