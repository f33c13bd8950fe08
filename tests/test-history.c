/* test-history.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-format.h"
#include "imp-history.h"
#include "imp-outline.h"
#include "imp-map-private.h"

/* The document as a file would hold it: what undo must give back exactly. */
static char *
snapshot (ImpMap *map)
{
  return imp_format_save_to_data (map, NULL);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Checks that undo returns @map to @before and redo to what it is now,
 * both compared as whole documents. */
static void
assert_undo_redo (ImpHistory *history,
                  const char *before)
{
  ImpMap *map = imp_history_get_map (history);
  g_autofree char *after = snapshot (map);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (before, !=, after);

  g_assert_true (imp_history_undo (history));
  undone = snapshot (map);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (imp_history_redo (history));
  redone = snapshot (map);
  g_assert_cmpstr (redone, ==, after);
}

/* goal ─ actor ─ impact ─ deliverable ─ experiment, plus a second impact. */
typedef struct
{
  ImpMap     *map;
  ImpHistory *history;
  ImpNode    *goal;
  ImpNode    *actor;
  ImpNode    *impact;
  ImpNode    *impact2;
  ImpNode    *deliverable;
  ImpNode    *experiment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->map = imp_map_new ();
  f->history = imp_history_new (f->map);
  f->goal = imp_history_add_node (f->history, NULL, -1, IMP_LEVEL_GOAL, "Goal", NULL);
  f->actor = imp_history_add_node (f->history, f->goal, -1, IMP_LEVEL_ACTOR, "Actor", NULL);
  f->impact = imp_history_add_node (f->history, f->actor, -1, IMP_LEVEL_IMPACT, "Impact", NULL);
  f->impact2 = imp_history_add_node (f->history, f->actor, -1, IMP_LEVEL_IMPACT, "Impact 2",
                                     NULL);
  f->deliverable = imp_history_add_node (f->history, f->impact, -1, IMP_LEVEL_DELIVERABLE,
                                         "Deliverable", NULL);
  f->experiment = imp_history_add_node (f->history, f->deliverable, -1, IMP_LEVEL_EXPERIMENT,
                                        "Experiment", NULL);
  g_assert_nonnull (f->experiment);
  g_assert_cmpuint (imp_map_get_n_nodes (f->map), ==, 6);
  g_assert_cmpuint (imp_map_get_n_links (f->map), ==, 5);
  imp_history_set_clean (f->history);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->map);
}

static void
test_add_undo_to_empty (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autofree char *empty = snapshot (map);
  g_autofree char *full = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *goal_id = NULL;
  g_autofree char *actor_id = NULL;
  ImpNode *goal, *actor;

  g_assert_false (imp_history_can_undo (history));
  g_assert_false (imp_history_is_modified (history));

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Goal", NULL);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Actor", NULL);
  g_assert_nonnull (actor);
  g_assert_true (imp_node_get_tree_parent (actor) == goal);
  goal_id = g_strdup (goal->id);
  actor_id = g_strdup (actor->id);
  g_assert_true (imp_history_can_undo (history));
  g_assert_true (imp_history_is_modified (history));
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Add");
  full = snapshot (map);

  while (imp_history_can_undo (history))
    imp_history_undo (history);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 0);
  g_assert_false (imp_history_is_modified (history));
  g_assert_true (imp_history_can_redo (history));

  while (imp_history_can_redo (history))
    imp_history_redo (history);
  redone = snapshot (map);
  g_assert_cmpstr (redone, ==, full);
  /* Redone with the same ids. */
  g_assert_nonnull (imp_map_lookup_node (map, goal_id));
  g_assert_nonnull (imp_map_lookup_node (map, actor_id));
}

static void
test_add_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo = imp_history_get_n_undo (f->history);

  /* A deliverable cannot hang off a goal. */
  g_assert_null (imp_history_add_node (f->history, f->goal, -1, IMP_LEVEL_DELIVERABLE,
                                       "Bad", &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);
  g_assert_false (imp_history_is_modified (f->history));
}

static void
test_add_position (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  ImpNode *first;

  first = imp_history_add_node (f->history, f->actor, 0, IMP_LEVEL_IMPACT, "First", NULL);
  g_assert_true (imp_node_get_child (f->actor, 0) == first);
  assert_undo_redo (f->history, before);
}

static void
test_delete_subtree (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *deliverable_id = g_strdup (f->deliverable->id);
  ImpNode *nodes[] = { f->impact };

  imp_history_set_link_assumption (f->history, f->impact, f->deliverable, "If we build it");
  imp_history_seal (f->history);
  g_free (before);
  before = snapshot (f->map);

  g_assert_cmpuint (imp_history_delete_nodes (f->history, nodes, 1), ==, 3);
  g_assert_cmpuint (imp_map_get_n_nodes (f->map), ==, 3);
  g_assert_null (imp_map_lookup_node (f->map, deliverable_id));
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Delete");
  assert_undo_redo (f->history, before);

  /* The link came back with its assumption. */
  imp_history_undo (f->history);
  f->deliverable = imp_map_lookup_node (f->map, deliverable_id);
  g_assert_cmpstr (((ImpLink *) f->deliverable->parents->pdata[0])->assumption, ==,
                   "If we build it");
}

static void
test_delete_keeps_shared (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *deliverable_id = g_strdup (f->deliverable->id);
  g_autofree char *impact_id = g_strdup (f->impact->id);
  ImpNode *nodes[] = { f->impact };

  /* The deliverable also serves the second impact: it must stay. */
  g_assert_true (imp_history_link (f->history, f->impact2, f->deliverable, -1, NULL));
  before = snapshot (f->map);

  g_assert_cmpuint (imp_history_delete_nodes (f->history, nodes, 1), ==, 1);
  g_assert_nonnull (imp_map_lookup_node (f->map, deliverable_id));
  g_assert_true (imp_node_get_tree_parent (f->deliverable) == f->impact2);
  assert_undo_redo (f->history, before);

  /* Undo put the first parent back first: the tree parent again. */
  imp_history_undo (f->history);
  f->deliverable = imp_map_lookup_node (f->map, deliverable_id);
  g_assert_cmpstr (imp_node_get_tree_parent (f->deliverable)->id, ==, impact_id);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();
  g_autoptr(GError) error = NULL;
  ImpIce ice = { 5, 6, 7 };
  ImpIce bad = { 11, 1, 1 };
  char *before;

#define STEP(call) \
  G_STMT_START { \
    before = snapshot (f->map); \
    call; \
    imp_history_seal (f->history); \
    assert_undo_redo (f->history, before); \
    g_free (before); \
  } G_STMT_END

  STEP (imp_history_set_node_title (f->history, f->goal, "New goal"));
  g_assert_cmpstr (f->goal->title, ==, "New goal");
  STEP (imp_history_set_node_notes (f->history, f->actor, "Some notes"));
  STEP (imp_history_set_node_position (f->history, f->actor, TRUE, 10, 20));
  g_assert_true (f->actor->pinned);
  STEP (imp_history_set_node_position (f->history, f->actor, FALSE, 0, 0));
  g_assert_false (f->actor->pinned);
  STEP (imp_history_set_node_collapsed (f->history, f->impact, TRUE));
  g_assert_true (f->impact->collapsed);
  metric->name = g_strdup ("Learners");
  metric->target = 100;
  STEP (imp_history_set_node_metric (f->history, f->goal, metric));
  g_assert_cmpfloat (f->goal->metric->target, ==, 100);
  STEP (g_assert_true (imp_history_set_node_ice (f->history, f->deliverable, &ice, NULL)));
  g_assert_cmpuint (imp_ice_get_score (&f->deliverable->ice), ==, 210);
  experiment->kind = IMP_EXPERIMENT_KIND_FAKE_DOOR;
  STEP (imp_history_set_node_experiment (f->history, f->experiment, experiment));
  STEP (g_assert_true (imp_history_set_link_assumption (f->history, f->goal, f->actor,
                                                        "They care")));
  STEP (g_assert_true (imp_history_set_link_confidence (f->history, f->goal, f->actor,
                                                        IMP_CONFIDENCE_HIGH)));
  STEP (g_assert_true (imp_history_set_link_status (f->history, f->goal, f->actor,
                                                    IMP_LINK_STATUS_REFUTED)));
  STEP (imp_history_set_map_title (f->history, "A map"));
  g_assert_cmpstr (imp_map_get_title (f->map), ==, "A map");
  STEP (g_assert_true (imp_history_set_vocabulary (f->history, IMP_VOCABULARY_FIVE_QUESTIONS,
                                                   NULL)));

  /* Refused edits leave the map and the history alone. */
  before = snapshot (f->map);
  {
    guint n_undo = imp_history_get_n_undo (f->history);
    g_autofree char *after = NULL;

    g_assert_false (imp_history_set_node_ice (f->history, f->deliverable, &bad, &error));
    g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_false (imp_history_set_node_level (f->history, f->deliverable, IMP_LEVEL_ACTOR,
                                                &error));
    g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
    g_assert_false (imp_history_set_link_status (f->history, f->goal, f->impact,
                                                 IMP_LINK_STATUS_SUPPORTED));
    after = snapshot (f->map);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);
  }
  g_free (before);

#undef STEP
}

static void
test_level (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autofree char *before = NULL;
  ImpNode *node;

  node = imp_history_add_node (history, NULL, -1, IMP_LEVEL_ACTOR, "Loose", NULL);
  before = snapshot (map);
  g_assert_true (imp_history_set_node_level (history, node, IMP_LEVEL_IMPACT, NULL));
  g_assert_cmpint (node->level, ==, IMP_LEVEL_IMPACT);
  assert_undo_redo (history, before);
}

static void
test_link_unlink (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (imp_history_link (f->history, f->impact2, f->deliverable, 0, NULL));
  g_assert_cmpuint (f->deliverable->parents->len, ==, 2);
  assert_undo_redo (f->history, before);
  g_free (before);
  before = snapshot (f->map);

  g_assert_true (imp_history_unlink (f->history, f->impact, f->deliverable));
  g_assert_true (imp_node_get_tree_parent (f->deliverable) == f->impact2);
  assert_undo_redo (f->history, before);
  g_free (before);

  /* Duplicates, level mismatches and unknown links are refused. */
  before = snapshot (f->map);
  g_assert_false (imp_history_link (f->history, f->impact2, f->deliverable, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_DUPLICATE_LINK);
  g_clear_error (&error);
  g_assert_false (imp_history_link (f->history, f->goal, f->deliverable, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  g_assert_false (imp_history_unlink (f->history, f->goal, f->impact));
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
}

static void
test_reparent (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo = imp_history_get_n_undo (f->history);

  g_assert_true (imp_history_reparent (f->history, f->deliverable, f->impact2, -1, NULL));
  g_assert_true (imp_node_get_tree_parent (f->deliverable) == f->impact2);
  g_assert_cmpuint (f->impact->children->len, ==, 0);
  /* The subtree came along. */
  g_assert_true (imp_node_get_tree_parent (f->experiment) == f->deliverable);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  assert_undo_redo (f->history, before);
  g_free (before);

  /* Refused: a deliverable under a goal; the map is unchanged. */
  before = snapshot (f->map);
  g_assert_false (imp_history_reparent (f->history, f->deliverable, f->goal, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);

  /* Detaching makes a root. */
  g_assert_true (imp_history_reparent (f->history, f->deliverable, NULL, -1, NULL));
  g_assert_null (imp_node_get_tree_parent (f->deliverable));
  assert_undo_redo (f->history, before);
}

static void
test_reparent_cross_link (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = NULL;

  g_assert_true (imp_history_link (f->history, f->impact2, f->deliverable, -1, NULL));
  before = snapshot (f->map);

  /* A cross-link to the new parent becomes the tree link. */
  g_assert_true (imp_history_reparent (f->history, f->deliverable, f->impact2, -1, NULL));
  g_assert_cmpuint (f->deliverable->parents->len, ==, 1);
  g_assert_true (imp_node_get_tree_parent (f->deliverable) == f->impact2);
  assert_undo_redo (f->history, before);
}

static void
test_cycle_refused (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(GError) error = NULL;
  ImpNode *goal, *actor;

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "G", NULL);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "A", NULL);
  /* Linking a node under itself is a cycle. */
  g_assert_false (imp_history_link (history, actor, actor, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_CYCLE);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 1);
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);

  g_assert_true (imp_history_reorder (f->history, f->actor, f->impact2, 0));
  g_assert_true (imp_node_get_child (f->actor, 0) == f->impact2);
  assert_undo_redo (f->history, before);
  g_assert_false (imp_history_reorder (f->history, f->goal, f->impact, 0));
}

static void
test_merge_typing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  guint n_undo = imp_history_get_n_undo (f->history);
  const char *typed[] = { "G", "Gr", "Gro", "Grow" };

  /* The clean point is the top step: the first keystroke must not merge
   * into it, or undo would go past the save. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    imp_history_set_node_title (f->history, f->goal, typed[i]);

  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpstr (f->goal->title, ==, "Grow");
  assert_undo_redo (f->history, before);

  /* Another field, or another node, is another step. */
  imp_history_set_node_notes (f->history, f->goal, "n");
  imp_history_set_node_notes (f->history, f->goal, "no");
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 2);
  imp_history_set_node_notes (f->history, f->actor, "x");
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 3);

  /* Sealing ends the merge. */
  imp_history_set_node_notes (f->history, f->actor, "xy");
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 3);
  imp_history_seal (f->history);
  imp_history_set_node_notes (f->history, f->actor, "xyz");
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 4);
  imp_history_undo (f->history);
  g_assert_cmpstr (f->actor->notes, ==, "xy");
}

static void
test_merge_drag (Fixture       *f,
                 gconstpointer  data)
{
  char *before = snapshot (f->map);
  guint n_undo = imp_history_get_n_undo (f->history);

  /* One drag of two cards: many previews, one step. */
  g_assert_false (imp_history_is_in_group (f->history));
  imp_history_begin_group (f->history, "Move");
  g_assert_true (imp_history_is_in_group (f->history));
  for (int i = 0; i < 10; i++)
    {
      imp_history_set_node_position (f->history, f->impact, TRUE, i, i);
      imp_history_set_node_position (f->history, f->impact2, TRUE, i, 100 + i);
    }
  imp_history_end_group (f->history);

  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Move");
  g_assert_cmpfloat (f->impact2->y, ==, 109);
  assert_undo_redo (f->history, before);

  /* A cancelled group takes its edits back and adds nothing. */
  g_free (before);
  before = snapshot (f->map);
  imp_history_begin_group (f->history, "Move");
  imp_history_set_node_position (f->history, f->impact, TRUE, 500, 500);
  imp_history_cancel_group (f->history);
  {
    g_autofree char *after = snapshot (f->map);

    g_assert_cmpstr (after, ==, before);
  }

  /* An empty group adds nothing. */
  imp_history_begin_group (f->history, "Nothing");
  imp_history_end_group (f->history);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_free (before);
}

static void
test_clean_point (Fixture       *f,
                  gconstpointer  data)
{
  guint notified = 0;

  g_assert_false (imp_history_is_modified (f->history));
  imp_history_set_node_title (f->history, f->goal, "A");
  g_assert_true (imp_history_is_modified (f->history));
  imp_history_undo (f->history);
  g_assert_false (imp_history_is_modified (f->history));
  imp_history_redo (f->history);
  g_assert_true (imp_history_is_modified (f->history));

  /* Saved here; undo goes back to a state unlike the file. */
  imp_history_set_clean (f->history);
  g_assert_false (imp_history_is_modified (f->history));
  imp_history_undo (f->history);
  g_assert_true (imp_history_is_modified (f->history));

  /* A new edit after undo drops the saved state for good. */
  imp_history_set_node_title (f->history, f->goal, "B");
  g_assert_false (imp_history_can_redo (f->history));
  while (imp_history_undo (f->history))
    notified++;
  g_assert_cmpuint (notified, >, 0);
  g_assert_true (imp_history_is_modified (f->history));
  while (imp_history_redo (f->history))
    ;
  g_assert_true (imp_history_is_modified (f->history));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  guint can_undo = 0, can_redo = 0, modified = 0;
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (notify_count_cb), &can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (notify_count_cb), &can_redo);
  g_signal_connect (history, "notify::modified", G_CALLBACK (notify_count_cb), &modified);

  imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "G", NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "H", NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  imp_history_undo (history);
  g_assert_cmpuint (can_redo, ==, 1);
  imp_history_set_clean (history);
  g_assert_cmpuint (modified, ==, 2);
}

static void
test_outline_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) items = NULL;
  const char *markdown =
    "# Grow learners\n"
    "- Teachers\n"
    "    - Assign work\n"
    "        * [ ] Templates\n"
    "    - Share progress\n"
    "\n"
    "- Students\n"
    "\t1. Practise daily\n";

  items = imp_outline_parse (markdown, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 7);
#define ITEM(i) (&g_array_index (items, ImpOutlineItem, i))
  g_assert_cmpstr (ITEM (0)->title, ==, "Grow learners");
  g_assert_cmpuint (ITEM (0)->depth, ==, 0);
  /* "- Teachers" has no indent either: a sibling of the heading. */
  g_assert_cmpuint (ITEM (1)->depth, ==, 0);
  g_assert_cmpstr (ITEM (2)->title, ==, "Assign work");
  g_assert_cmpuint (ITEM (2)->depth, ==, 1);
  g_assert_cmpstr (ITEM (3)->title, ==, "Templates");
  g_assert_cmpuint (ITEM (3)->depth, ==, 2);
  g_assert_cmpuint (ITEM (4)->depth, ==, 1);
  g_assert_cmpstr (ITEM (5)->title, ==, "Students");
  g_assert_cmpuint (ITEM (5)->depth, ==, 0);
  g_assert_cmpstr (ITEM (6)->title, ==, "Practise daily");
  g_assert_cmpuint (ITEM (6)->depth, ==, 1);
#undef ITEM
}

static void
test_outline_garbage (void)
{
  g_autoptr(GError) error = NULL;
  GArray *items;

  items = imp_outline_parse ("   \n\n  \n", &error);
  g_assert_null (items);
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  items = imp_outline_parse ("PK\x03\x04 binary", &error);
  g_assert_null (items);
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  items = imp_outline_parse ("\xff\xfe", &error);
  g_assert_null (items);
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
}

static void
test_outline_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  ImpNode *roots[] = { f->goal };
  g_autofree char *text = imp_outline_write (roots, 1);
  g_autoptr(GArray) items = imp_outline_parse (text, NULL);

  g_assert_cmpstr (text, ==,
                   "- Goal\n"
                   "  - Actor\n"
                   "    - Impact\n"
                   "      - Deliverable\n"
                   "        - Experiment\n"
                   "    - Impact 2\n");
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_cmpuint (g_array_index (items, ImpOutlineItem, 4).depth, ==, 4);
  g_assert_cmpuint (g_array_index (items, ImpOutlineItem, 5).depth, ==, 2);
}

static void
test_paste_outline (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) items = imp_outline_parse ("- Grading app\n  - Spike\n- Reminders\n", NULL);
  g_autoptr(ImpMap) source = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f->map);
  guint n_undo = imp_history_get_n_undo (f->history);

  /* Under an impact: the top items are deliverables. */
  source = imp_outline_to_map (items, IMP_LEVEL_DELIVERABLE, &error);
  g_assert_no_error (error);
  g_assert_true (imp_history_paste (f->history, f->impact2, source, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 3);
  g_assert_cmpuint (f->impact2->children->len, ==, 2);
  g_assert_cmpstr (imp_node_get_child (f->impact2, 0)->title, ==, "Grading app");
  g_assert_cmpint (imp_node_get_child (imp_node_get_child (f->impact2, 0), 0)->level, ==,
                   IMP_LEVEL_EXPERIMENT);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  assert_undo_redo (f->history, before);
  imp_history_undo (f->history);

  /* The same branches under an actor do not fit: refused, nothing changed. */
  g_assert_false (imp_history_paste (f->history, f->actor, source, NULL, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  {
    g_autofree char *after = snapshot (f->map);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);

  /* Too deep for the levels left. */
  g_clear_error (&error);
  g_assert_null (imp_outline_to_map (items, IMP_LEVEL_EXPERIMENT, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
}

static void
test_paste_keeps_fields (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ImpMap) source = imp_map_new ();
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  ImpIce ice = { 2, 3, 4 };
  ImpNode *impact, *deliverable;

  impact = _imp_map_add_node (source, IMP_LEVEL_IMPACT, "Copied", NULL, NULL);
  deliverable = _imp_map_add_node (source, IMP_LEVEL_DELIVERABLE, "Copied D", NULL, NULL);
  _imp_map_link (source, impact, deliverable, -1, NULL);
  _imp_map_set_link_assumption (source, imp_map_find_link (source, impact, deliverable), "If so");
  metric->name = g_strdup ("m");
  _imp_map_set_node_metric (source, impact, metric);
  _imp_map_set_node_notes (source, impact, "notes");
  _imp_map_set_node_ice (source, deliverable, &ice, NULL);

  g_assert_true (imp_history_paste (f->history, f->actor, source, NULL, NULL));
  impact = imp_node_get_child (f->actor, 2);
  g_assert_cmpstr (impact->title, ==, "Copied");
  g_assert_cmpstr (impact->notes, ==, "notes");
  g_assert_cmpstr (impact->metric->name, ==, "m");
  g_assert_cmpstr (((ImpLink *) impact->children->pdata[0])->assumption, ==, "If so");
  g_assert_cmpuint (imp_ice_get_score (&imp_node_get_child (impact, 0)->ice), ==, 24);
  /* New ids, not the source's. */
  g_assert_cmpstr (impact->id, !=, "n1");
}

/* Workshop: dot votes */

static void
test_votes_add_remove (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *two = NULL;
  guint n_undo = imp_history_get_n_undo (f->history);

  imp_history_add_vote (f->history, f->deliverable);
  g_assert_cmpuint (f->deliverable->votes, ==, 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Add Vote");
  assert_undo_redo (f->history, before);

  /* Each click is its own step, unlike typing. */
  imp_history_add_vote (f->history, f->deliverable);
  imp_history_add_vote (f->history, f->deliverable);
  g_assert_cmpuint (f->deliverable->votes, ==, 3);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 3);
  g_assert_true (imp_history_undo (f->history));
  g_assert_cmpuint (f->deliverable->votes, ==, 2);
  two = snapshot (f->map);

  imp_history_remove_vote (f->history, f->deliverable);
  g_assert_cmpuint (f->deliverable->votes, ==, 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Remove Vote");
  assert_undo_redo (f->history, two);
  g_assert_cmpuint (imp_map_get_total_votes (f->map), ==, 1);

  while (imp_history_can_undo (f->history) && imp_history_get_n_undo (f->history) > n_undo)
    imp_history_undo (f->history);
  g_clear_pointer (&two, g_free);
  two = snapshot (f->map);
  g_assert_cmpstr (two, ==, before);
  g_assert_false (imp_history_is_modified (f->history));
}

static void
test_votes_limits (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_undo;

  /* None to take away: nothing happens, nothing to undo. */
  before = snapshot (f->map);
  n_undo = imp_history_get_n_undo (f->history);
  imp_history_remove_vote (f->history, f->impact);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);

  /* At the most a card holds, another vote is refused the same way. */
  for (guint i = 0; i < IMP_MAX_VOTES; i++)
    imp_history_add_vote (f->history, f->impact);
  g_assert_cmpuint (f->impact->votes, ==, IMP_MAX_VOTES);
  g_clear_pointer (&before, g_free);
  before = snapshot (f->map);
  n_undo = imp_history_get_n_undo (f->history);
  imp_history_add_vote (f->history, f->impact);
  g_assert_cmpuint (f->impact->votes, ==, IMP_MAX_VOTES);
  g_clear_pointer (&after, g_free);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);
}

/* A vote budget: participants × dots, dots left shown as the budget minus
 * the votes cast; a vote past it refused; clearing starts a round; the
 * budget is one undo step and is saved in the file. */
static void
test_vote_budget (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *saved = NULL;
  g_autoptr(ImpMap) reread = NULL;
  g_autoptr(GError) error = NULL;
  guint participants = 9, dots = 9;

  g_assert_false (imp_map_get_vote_budget (f->map, &participants, &dots));
  g_assert_cmpuint (participants, ==, 0);
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, -1);
  g_assert_null (strstr (before, "vote_budget"));

  imp_history_set_vote_budget (f->history, 2, 2);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Set Vote Budget");
  g_assert_true (imp_map_get_vote_budget (f->map, &participants, &dots));
  g_assert_cmpuint (participants, ==, 2);
  g_assert_cmpuint (dots, ==, 2);
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 4);
  assert_undo_redo (f->history, before);

  g_assert_true (imp_history_add_vote (f->history, f->deliverable));
  g_assert_true (imp_history_add_vote (f->history, f->deliverable));
  g_assert_true (imp_history_add_vote (f->history, f->goal));
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 1);
  g_assert_true (imp_history_add_vote (f->history, f->impact));
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 0);

  /* The round's dots are spent: the next vote is refused, no step. */
  {
    guint n_undo = imp_history_get_n_undo (f->history);

    g_assert_false (imp_history_add_vote (f->history, f->impact));
    g_assert_cmpuint (f->impact->votes, ==, 1);
    g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);
  }

  /* Taking one back frees a dot; undoing a vote too. */
  imp_history_remove_vote (f->history, f->impact);
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 1);
  g_assert_true (imp_history_undo (f->history));
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 0);

  /* Saved and read back with the votes. */
  saved = snapshot (f->map);
  g_assert_nonnull (strstr (saved, "\n  \"vote_budget\": {\n    \"participants\": 2,\n"
                                   "    \"dots\": 2\n  }\n}\n"));
  reread = imp_format_load_data (saved, -1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *again = snapshot (reread);

    g_assert_cmpstr (again, ==, saved);
  }
  g_assert_cmpint (imp_map_get_dots_left (reread), ==, 0);

  /* Clearing starts a new round with the whole budget. */
  imp_history_clear_votes (f->history);
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 4);
  g_assert_true (imp_history_undo (f->history));
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 0);

  /* A lowered budget keeps the votes cast, with no dots left. */
  imp_history_set_vote_budget (f->history, 1, 1);
  g_assert_cmpuint (imp_map_get_total_votes (f->map), ==, 4);
  g_assert_cmpint (imp_map_get_dots_left (f->map), ==, 0);
  g_assert_false (imp_history_add_vote (f->history, f->goal));

  /* No budget: votes run free again, and the file has no budget. */
  imp_history_set_vote_budget (f->history, 0, 3);
  g_assert_false (imp_map_get_vote_budget (f->map, NULL, NULL));
  g_assert_true (imp_history_add_vote (f->history, f->goal));
  g_clear_pointer (&saved, g_free);
  saved = snapshot (f->map);
  g_assert_null (strstr (saved, "vote_budget"));
}

/* Unknown members of "vote_budget" survive a round trip. */
static void
test_vote_budget_keeps_unknown (Fixture       *f,
                                gconstpointer  data)
{
  const char *text = "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [], \"links\": [], "
                     "\"vote_budget\": {\"participants\": 3, \"dots\": 5, \"colour\": \"red\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (text, -1, &error);
  g_autofree char *saved = NULL;
  guint participants, dots;

  g_assert_no_error (error);
  g_assert_true (imp_map_get_vote_budget (map, &participants, &dots));
  g_assert_cmpuint (participants * dots, ==, 15);
  saved = snapshot (map);
  g_assert_nonnull (strstr (saved, "\"vote_budget\": {\n    \"participants\": 3,\n"
                                   "    \"dots\": 5,\n    \"colour\": \"red\"\n  }"));
  g_assert_cmpuint (count_substrings (saved, "vote_budget"), ==, 1);
}

static void
test_votes_clear (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_undo;

  imp_history_add_vote (f->history, f->goal);
  imp_history_add_vote (f->history, f->deliverable);
  imp_history_add_vote (f->history, f->deliverable);
  imp_history_add_vote (f->history, f->experiment);
  g_assert_cmpuint (imp_map_get_total_votes (f->map), ==, 4);
  before = snapshot (f->map);
  n_undo = imp_history_get_n_undo (f->history);

  /* A new round: one step clears every card. */
  imp_history_clear_votes (f->history);
  g_assert_cmpuint (imp_map_get_total_votes (f->map), ==, 0);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Clear Votes");
  assert_undo_redo (f->history, before);

  /* Nothing left to clear: no step. */
  after = snapshot (f->map);
  imp_history_clear_votes (f->history);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_clear_pointer (&before, g_free);
  before = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
}

static void
test_votes_survive_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *deliverable_id = g_strdup (f->deliverable->id);

  imp_history_add_vote (f->history, f->deliverable);
  imp_history_add_vote (f->history, f->experiment);
  before = snapshot (f->map);

  /* Deleting a branch and undoing it gives the votes back. */
  g_assert_cmpuint (imp_history_delete_nodes (f->history, &f->deliverable, 1), >, 0);
  g_assert_cmpuint (imp_map_get_total_votes (f->map), ==, 0);
  assert_undo_redo (f->history, before);
  g_assert_true (imp_history_undo (f->history));
  g_assert_cmpuint (imp_map_lookup_node (f->map, deliverable_id)->votes, ==, 1);
}

/* Workshop: the parking lot */

static void
test_parked_add_remove (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = snapshot (f->map);
  g_autofree char *one = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo = imp_history_get_n_undo (f->history);

  g_assert_true (imp_history_add_parked (f->history, "  Offline mode ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imp_map_get_n_parked (f->map), ==, 1);
  g_assert_cmpstr (imp_map_get_parked (f->map, 0), ==, "Offline mode");
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Park Idea");
  assert_undo_redo (f->history, before);
  one = snapshot (f->map);

  /* Ideas come as fast as they are said: each is its own step. */
  g_assert_true (imp_history_add_parked (f->history, "Badges", NULL));
  g_assert_true (imp_history_add_parked (f->history, "Parent newsletter", NULL));
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 3);
  g_assert_cmpstr (imp_map_get_parked (f->map, 2), ==, "Parent newsletter");

  /* Empty or blank text is refused, with nothing changed. */
  after = snapshot (f->map);
  for (const char * const *text = (const char * const[]) { "", "   ", " \t\n", NULL };
       *text != NULL; text++)
    {
      g_autofree char *now = NULL;

      g_assert_false (imp_history_add_parked (f->history, *text, &error));
      g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      now = snapshot (f->map);
      g_assert_cmpstr (now, ==, after);
      g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 3);
    }

  /* Removing the middle one, and back in its place. */
  imp_history_remove_parked (f->history, 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Remove Idea");
  g_assert_cmpuint (imp_map_get_n_parked (f->map), ==, 2);
  g_assert_cmpstr (imp_map_get_parked (f->map, 1), ==, "Parent newsletter");
  assert_undo_redo (f->history, after);

  g_assert_true (imp_history_undo (f->history));
  g_assert_true (imp_history_undo (f->history));
  g_assert_true (imp_history_undo (f->history));
  g_clear_pointer (&after, g_free);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, one);
}

static void
test_parked_place (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo;
  ImpNode *node;

  g_assert_true (imp_history_add_parked (f->history, "Offline mode", NULL));
  g_assert_true (imp_history_add_parked (f->history, "Exam-week reminder", NULL));
  before = snapshot (f->map);
  n_undo = imp_history_get_n_undo (f->history);

  /* One step: the idea leaves the lot and becomes a card where it lands. */
  node = imp_history_place_parked (f->history, 0, f->impact, 0, IMP_LEVEL_DELIVERABLE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->title, ==, "Offline mode");
  g_assert_cmpint (node->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_true (imp_node_get_tree_parent (node) == f->impact);
  g_assert_true (imp_node_get_child (f->impact, 0) == node);
  g_assert_cmpuint (imp_map_get_n_parked (f->map), ==, 1);
  g_assert_cmpstr (imp_map_get_parked (f->map, 0), ==, "Exam-week reminder");
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Place Idea");
  assert_undo_redo (f->history, before);
  g_assert_true (imp_history_undo (f->history));

  /* A level that cannot hang there is refused: map and history as before. */
  g_assert_null (imp_history_place_parked (f->history, 1, f->goal, -1, IMP_LEVEL_DELIVERABLE,
                                           &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  g_clear_error (&error);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);
  g_assert_true (imp_history_can_redo (f->history));

  /* So is an idea that is not there. */
  g_assert_null (imp_history_place_parked (f->history, 2, f->impact, -1, IMP_LEVEL_DELIVERABLE,
                                           &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = snapshot (f->map);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo);

  /* Without a parent it starts a new tree. */
  node = imp_history_place_parked (f->history, 1, NULL, -1, IMP_LEVEL_GOAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (node->parents->len, ==, 0);
  g_assert_cmpstr (node->title, ==, "Exam-week reminder");
  assert_undo_redo (f->history, before);
}

static void
test_parked_in_a_group (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (imp_history_add_parked (f->history, "Offline mode", NULL));
  before = snapshot (f->map);

  /* A refused placement inside a caller's group leaves the group's own
   * edits alone. */
  imp_history_begin_group (f->history, "Workshop round");
  imp_history_add_vote (f->history, f->deliverable);
  g_assert_null (imp_history_place_parked (f->history, 0, f->goal, -1, IMP_LEVEL_EXPERIMENT,
                                           &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  g_assert_cmpuint (f->deliverable->votes, ==, 1);
  g_assert_cmpuint (imp_map_get_n_parked (f->map), ==, 1);
  g_assert_nonnull (imp_history_place_parked (f->history, 0, f->impact, -1,
                                              IMP_LEVEL_DELIVERABLE, NULL));
  imp_history_end_group (f->history);

  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Workshop round");
  after = snapshot (f->map);
  g_assert_cmpstr (after, !=, before);
  assert_undo_redo (f->history, before);
}

/* Each reading added, edited or removed is one step of its own, even right
 * after an edit of the same metric; the current value follows the latest
 * reading; a node without a metric, a bad date or a NaN are refused. */
static void
test_readings (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  ImpNode *goal, *actor;
  guint n_undo;

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Revenue", &error);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Buyers", &error);
  g_assert_no_error (error);

  g_assert_false (imp_history_add_reading (history, goal, "2026-01-01", 1, NULL, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "“Revenue” has no metric"));
  g_clear_error (&error);

  metric->target = 100;
  imp_history_set_node_metric (history, goal, metric);
  n_undo = imp_history_get_n_undo (history);

  before = snapshot (map);
  g_assert_true (imp_history_add_reading (history, goal, "2026-02-01", 20, "first", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Add Reading");
  g_assert_cmpfloat (goal->metric->current, ==, 20);
  assert_undo_redo (history, before);

  /* An earlier reading goes first and leaves the current value alone. */
  g_clear_pointer (&before, g_free);
  before = snapshot (map);
  g_assert_true (imp_history_add_reading (history, goal, "2026-01-01", 10, NULL, &error));
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 2);
  g_assert_cmpstr (imp_metric_get_reading (goal->metric, 0)->date, ==, "2026-01-01");
  g_assert_cmpfloat (goal->metric->current, ==, 20);
  assert_undo_redo (history, before);

  /* Moved past the other, it becomes the latest. */
  g_clear_pointer (&before, g_free);
  before = snapshot (map);
  g_assert_true (imp_history_set_reading (history, goal, 0, "2026-03-01", 30, "moved", &error));
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 3);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Edit Reading");
  g_assert_cmpstr (imp_metric_get_reading (goal->metric, 1)->note, ==, "moved");
  g_assert_cmpfloat (goal->metric->current, ==, 30);
  assert_undo_redo (history, before);

  g_clear_pointer (&before, g_free);
  before = snapshot (map);
  imp_history_remove_reading (history, goal, 1);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 4);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Remove Reading");
  g_assert_cmpfloat (goal->metric->current, ==, 20);
  assert_undo_redo (history, before);

  g_assert_false (imp_history_add_reading (history, goal, "2026-02-30", 1, NULL, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "“2026-02-30” is not a date"));
  g_clear_error (&error);
  g_assert_false (imp_history_add_reading (history, goal, "2026-02-03", NAN, NULL, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (imp_history_set_reading (history, goal, 7, "2026-02-03", 1, NULL, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (imp_history_add_reading (history, actor, "2026-02-03", 1, NULL, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 4);
}

/* A delivery status is one step; shipped needs its day. */
static void
test_delivery (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  ImpDelivery shipped = { IMP_DELIVERY_SHIPPED, "2026-02-09" };
  ImpDelivery no_day = { IMP_DELIVERY_SHIPPED, "" };
  ImpNode *goal, *actor, *impact, *deliverable;

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Revenue", &error);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Buyers", &error);
  impact = imp_history_add_node (history, actor, -1, IMP_LEVEL_IMPACT, "Buy again", &error);
  deliverable = imp_history_add_node (history, impact, -1, IMP_LEVEL_DELIVERABLE, "Reorder",
                                      &error);
  g_assert_no_error (error);

  before = snapshot (map);
  g_assert_true (imp_history_set_node_delivery (history, deliverable, &shipped, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Change Delivery");
  {
    g_autofree char *now = snapshot (map);

    g_assert_nonnull (strstr (now, "\"status\": \"shipped\",\n"));
  }
  assert_undo_redo (history, before);

  g_assert_false (imp_history_set_node_delivery (history, deliverable, &no_day, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_assert_cmpint (deliverable->delivery.status, ==, IMP_DELIVERY_SHIPPED);
  g_assert_cmpstr (deliverable->delivery.shipped, ==, "2026-02-09");

  /* Deleted and undone, the card comes back shipped. */
  g_clear_pointer (&before, g_free);
  before = snapshot (map);
  imp_history_delete_nodes (history, &deliverable, 1);
  g_assert_true (imp_history_undo (history));
  {
    g_autofree char *undone = snapshot (map);

    g_assert_cmpstr (undone, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/history/add-undo-to-empty", test_add_undo_to_empty);
  ADD ("add-refused", test_add_refused);
  ADD ("add-position", test_add_position);
  ADD ("delete-subtree", test_delete_subtree);
  ADD ("delete-keeps-shared", test_delete_keeps_shared);
  ADD ("fields", test_fields);
  g_test_add_func ("/core/history/level", test_level);
  ADD ("link-unlink", test_link_unlink);
  ADD ("reparent", test_reparent);
  ADD ("reparent-cross-link", test_reparent_cross_link);
  g_test_add_func ("/core/history/cycle-refused", test_cycle_refused);
  g_test_add_func ("/core/history/readings", test_readings);
  g_test_add_func ("/core/history/delivery", test_delivery);
  ADD ("reorder", test_reorder);
  ADD ("merge-typing", test_merge_typing);
  ADD ("merge-drag", test_merge_drag);
  ADD ("clean-point", test_clean_point);
  ADD ("notify", test_notify);
  g_test_add_func ("/core/outline/parse", test_outline_parse);
  g_test_add_func ("/core/outline/garbage-refused", test_outline_garbage);
  g_test_add ("/core/outline/round-trip", Fixture, NULL, fixture_set_up,
              test_outline_round_trip, fixture_tear_down);
  ADD ("paste-outline", test_paste_outline);
  ADD ("paste-keeps-fields", test_paste_keeps_fields);
  ADD ("votes/add-remove", test_votes_add_remove);
  ADD ("votes/limits", test_votes_limits);
  ADD ("votes/clear", test_votes_clear);
  ADD ("votes/budget", test_vote_budget);
  ADD ("votes/budget-keeps-unknown", test_vote_budget_keeps_unknown);
  ADD ("votes/survive-delete", test_votes_survive_delete);
  ADD ("parked/add-remove", test_parked_add_remove);
  ADD ("parked/place", test_parked_place);
  ADD ("parked/in-a-group", test_parked_in_a_group);

#undef ADD

  return g_test_run ();
}
