/* test-map.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-map.h"
#include "imp-map-private.h"

typedef struct
{
  GArray *kinds;
} ChangeLog;

static void
changed_cb (ImpMap        *map,
            ImpChangeKind  kind,
            gpointer       object,
            ChangeLog     *log)
{
  g_array_append_val (log->kinds, kind);
}

static ImpNode *
add (ImpMap     *map,
     ImpLevel    level,
     const char *title)
{
  g_autoptr(GError) error = NULL;
  ImpNode *node = _imp_map_add_node (map, level, title, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static ImpLink *
link_ok (ImpMap  *map,
         ImpNode *parent,
         ImpNode *child)
{
  g_autoptr(GError) error = NULL;
  ImpLink *link = _imp_map_link (map, parent, child, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (link);

  return link;
}

/* The form of a new id: seven characters, a letter first, none of 0 o 1 l i. */
static void
assert_new_id (const char *id)
{
  g_assert_cmpuint (strlen (id), ==, 7);
  g_assert_true (g_ascii_islower (id[0]));
  for (const char *p = id; *p; p++)
    {
      g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p));
      g_assert_null (strchr ("0o1li", *p));
    }
}

/* Two people adding cards on two branches start from one file: their new
 * ids must not meet, whatever the ids already in the file. */
static void
test_ids_never_collide (void)
{
  g_autoptr(ImpMap) ours = imp_map_new ();
  g_autoptr(ImpMap) theirs = imp_map_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  _imp_map_set_id_seed (ours, 1);
  _imp_map_set_id_seed (theirs, 2);
  for (guint i = 0; i < 2000; i++)
    {
      ImpNode *a = add (ours, IMP_LEVEL_ACTOR, "Ours");
      ImpNode *b = add (theirs, IMP_LEVEL_ACTOR, "Theirs");

      assert_new_id (a->id);
      assert_new_id (b->id);
      g_assert_true (g_hash_table_add (seen, a->id));
      g_assert_true (g_hash_table_add (seen, b->id));
    }
}

/* A fixed seed gives the same ids again (golden files rely on it), and an
 * id the map already holds is skipped, not reused. */
static void
test_ids_seeded (void)
{
  g_autoptr(ImpMap) first = imp_map_new ();
  g_autoptr(ImpMap) second = imp_map_new ();
  g_autofree char *taken = NULL;
  ImpNode *a, *b;

  _imp_map_set_id_seed (first, 42);
  _imp_map_set_id_seed (second, 42);
  a = add (first, IMP_LEVEL_GOAL, "One");
  taken = g_strdup (a->id);
  b = add (second, IMP_LEVEL_GOAL, "One");
  g_assert_cmpstr (a->id, ==, b->id);

  _imp_map_set_id_seed (first, 42);
  b = add (first, IMP_LEVEL_GOAL, "Two");
  g_assert_cmpstr (b->id, !=, taken);
  assert_new_id (b->id);
  g_assert_true (imp_map_lookup_node (first, taken) == a);
}

static void
test_ids_unique (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GError) error = NULL;
  ImpNode *a, *b, *c;

  a = _imp_map_add_node (map, IMP_LEVEL_GOAL, "Goal", "n5", &error);
  g_assert_no_error (error);
  b = add (map, IMP_LEVEL_ACTOR, "Actor");
  /* New ids never collide with ids read from a file. */
  g_assert_cmpstr (b->id, !=, "n5");

  c = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Again", "n5", &error);
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_DUPLICATE_ID);
  g_assert_null (c);
  g_clear_error (&error);

  c = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Spaces", "has space", &error);
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID);
  g_assert_null (c);
  g_clear_error (&error);

  /* The limit is 256 characters, not bytes. */
  {
    g_autoptr(GString) id = g_string_new (NULL);

    for (guint i = 0; i < 256; i++)
      g_string_append (id, "é");
    g_assert_nonnull (_imp_map_add_node (map, IMP_LEVEL_ACTOR, "Long", id->str, &error));
    g_assert_no_error (error);
    g_string_append (id, "é");
    g_assert_null (_imp_map_add_node (map, IMP_LEVEL_ACTOR, "Longer", id->str, &error));
    g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID);
  }

  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 3);
  g_assert_true (imp_map_lookup_node (map, "n5") == a);
  g_assert_null (imp_map_lookup_node (map, "nope"));
}

static void
test_links_adjacent_levels_only (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpNode *goal = add (map, IMP_LEVEL_GOAL, "Goal");
  ImpNode *actor = add (map, IMP_LEVEL_ACTOR, "Actor");
  ImpNode *impact = add (map, IMP_LEVEL_IMPACT, "Impact");
  ImpNode *deliverable = add (map, IMP_LEVEL_DELIVERABLE, "Deliverable");
  ImpNode *experiment = add (map, IMP_LEVEL_EXPERIMENT, "Experiment");
  ImpNode *levels[] = { goal, actor, impact, deliverable, experiment };

  for (guint p = 0; p < G_N_ELEMENTS (levels); p++)
    for (guint c = 0; c < G_N_ELEMENTS (levels); c++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = imp_map_can_link (map, levels[p], levels[c], &error);

        g_assert_cmpint (ok, ==, c == p + 1);
        if (!ok)
          g_assert_nonnull (error);
      }

  link_ok (map, goal, actor);
  g_assert_null (_imp_map_link (map, goal, deliverable, -1, NULL));
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 1);

  /* The three-tier vocabulary folds actors away: goal → impact is allowed. */
  _imp_map_set_vocabulary (map, IMP_VOCABULARY_THREE_TIERS);
  g_assert_true (imp_map_can_link (map, goal, impact, NULL));
  g_assert_false (imp_map_can_link (map, goal, deliverable, NULL));

  /* Leaving three tiers is refused while a goal links straight to an impact:
   * the file would otherwise no longer load. */
  link_ok (map, goal, impact);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (imp_map_check_vocabulary (map, IMP_VOCABULARY_CLASSIC, &error));
    g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
    g_assert_false (_imp_map_set_vocabulary (map, IMP_VOCABULARY_CLASSIC));
    g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_THREE_TIERS);
    g_assert_true (_imp_map_set_vocabulary (map, IMP_VOCABULARY_THREE_TIERS));
  }
}

static void
test_no_cycles_no_duplicates (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GError) error = NULL;
  ImpNode *goal = add (map, IMP_LEVEL_GOAL, "Goal");
  ImpNode *actor = add (map, IMP_LEVEL_ACTOR, "Actor");

  link_ok (map, goal, actor);

  g_assert_null (_imp_map_link (map, actor, goal, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_CYCLE);
  g_clear_error (&error);

  g_assert_null (_imp_map_link (map, goal, goal, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_CYCLE);
  g_clear_error (&error);

  g_assert_null (_imp_map_link (map, goal, actor, -1, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_DUPLICATE_LINK);

  g_assert_cmpuint (imp_map_get_n_links (map), ==, 1);
  g_assert_true (imp_map_is_ancestor (map, goal, actor));
  g_assert_false (imp_map_is_ancestor (map, actor, goal));
}

static void
test_first_parent_is_tree_parent (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpNode *goal = add (map, IMP_LEVEL_GOAL, "Goal");
  ImpNode *actor = add (map, IMP_LEVEL_ACTOR, "Actor");
  ImpNode *faster = add (map, IMP_LEVEL_IMPACT, "Results within a minute");
  ImpNode *fewer = add (map, IMP_LEVEL_IMPACT, "Fewer complaints");
  ImpNode *upload = add (map, IMP_LEVEL_DELIVERABLE, "Faster upload pipeline");
  ImpLink *first, *second;
  g_autoptr(GPtrArray) roots = NULL;

  link_ok (map, goal, actor);
  link_ok (map, actor, faster);
  link_ok (map, actor, fewer);
  first = link_ok (map, faster, upload);
  second = link_ok (map, fewer, upload);

  g_assert_true (imp_node_get_tree_parent (upload) == faster);
  g_assert_true (imp_link_is_tree_link (first));
  g_assert_false (imp_link_is_tree_link (second));
  g_assert_cmpuint (upload->parents->len, ==, 2);

  roots = imp_map_get_roots (map);
  g_assert_cmpuint (roots->len, ==, 1);
  g_assert_true (roots->pdata[0] == goal);

  /* Removing the tree link promotes the cross-link. */
  _imp_map_unlink (map, first);
  g_assert_true (imp_node_get_tree_parent (upload) == fewer);
  g_assert_true (imp_link_is_tree_link (second));
}

static void
test_link_position_orders_siblings (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpNode *goal = add (map, IMP_LEVEL_GOAL, "Goal");
  ImpNode *a = add (map, IMP_LEVEL_ACTOR, "A");
  ImpNode *b = add (map, IMP_LEVEL_ACTOR, "B");
  ImpNode *c = add (map, IMP_LEVEL_ACTOR, "C");

  link_ok (map, goal, a);
  link_ok (map, goal, c);
  g_assert_nonnull (_imp_map_link (map, goal, b, 1, NULL));

  g_assert_true (imp_node_get_child (goal, 0) == a);
  g_assert_true (imp_node_get_child (goal, 1) == b);
  g_assert_true (imp_node_get_child (goal, 2) == c);
}

static void
test_remove_node_removes_links (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpNode *goal = add (map, IMP_LEVEL_GOAL, "Goal");
  ImpNode *actor = add (map, IMP_LEVEL_ACTOR, "Actor");
  ImpNode *impact = add (map, IMP_LEVEL_IMPACT, "Impact");

  link_ok (map, goal, actor);
  link_ok (map, actor, impact);
  _imp_map_remove_node (map, actor);

  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 2);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 0);
  g_assert_cmpuint (goal->children->len, ==, 0);
  g_assert_cmpuint (impact->parents->len, ==, 0);
  g_assert_null (imp_map_lookup_node (map, "n2"));
}

static void
test_level_change_keeps_links_valid (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GError) error = NULL;
  ImpNode *goal = add (map, IMP_LEVEL_GOAL, "Goal");
  ImpNode *actor = add (map, IMP_LEVEL_ACTOR, "Actor");
  ImpNode *loose = add (map, IMP_LEVEL_DELIVERABLE, "Loose");

  link_ok (map, goal, actor);

  g_assert_false (_imp_map_set_node_level (map, actor, IMP_LEVEL_DELIVERABLE, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH);
  g_assert_cmpint (actor->level, ==, IMP_LEVEL_ACTOR);

  g_assert_true (_imp_map_set_node_level (map, loose, IMP_LEVEL_ACTOR, NULL));
  g_assert_cmpint (loose->level, ==, IMP_LEVEL_ACTOR);
}

static void
test_changed_signal_names_change (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ChangeLog log = { g_array_new (FALSE, FALSE, sizeof (ImpChangeKind)) };
  ImpNode *goal, *actor;
  ImpIce ice = { 11, 1, 1 };
  g_autoptr(GError) error = NULL;

  g_signal_connect (map, "changed", G_CALLBACK (changed_cb), &log);

  goal = add (map, IMP_LEVEL_GOAL, "Goal");
  actor = add (map, IMP_LEVEL_ACTOR, "Actor");
  link_ok (map, goal, actor);
  _imp_map_set_node_title (map, goal, "Grow");
  _imp_map_set_node_title (map, goal, "Grow");   /* no change, no signal */
  _imp_map_set_node_collapsed (map, goal, TRUE);
  _imp_map_set_node_position (map, actor, TRUE, 10, 20);

  g_assert_cmpuint (log.kinds->len, ==, 6);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 0), ==, IMP_CHANGE_NODE_ADDED);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 2), ==, IMP_CHANGE_LINK_ADDED);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 3), ==, IMP_CHANGE_NODE_TEXT);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 4), ==, IMP_CHANGE_NODE_COLLAPSED);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 5), ==, IMP_CHANGE_NODE_POSITION);

  /* An impossible ICE score is refused and stores nothing. */
  g_assert_false (_imp_map_set_node_ice (map, goal, &ice, &error));
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_assert_cmpuint (goal->ice.impact, ==, 0);
  g_assert_cmpuint (log.kinds->len, ==, 6);

  g_array_unref (log.kinds);
}

static void
test_metric_progress (void)
{
  g_autoptr(ImpMetric) m = imp_metric_new ();

  g_assert_true (isnan (imp_metric_get_progress (m)));
  g_assert_false (imp_metric_has_target (m));

  m->baseline = 40000;
  m->current = 43500;
  m->target = 48000;
  g_assert_cmpfloat_with_epsilon (imp_metric_get_progress (m), 3500.0 / 8000.0, 1e-9);

  /* Decreasing: 1200 calls down to 720, now 960: halfway. */
  m->direction = IMP_DIRECTION_DECREASE;
  m->baseline = 1200;
  m->current = 960;
  m->target = 720;
  g_assert_cmpfloat_with_epsilon (imp_metric_get_progress (m), 0.5, 1e-9);

  /* Past the target, or moving the wrong way, is clamped. */
  m->current = 500;
  g_assert_cmpfloat (imp_metric_get_progress (m), ==, 1.0);
  m->current = 1500;
  g_assert_cmpfloat (imp_metric_get_progress (m), ==, 0.0);

  /* Baseline equal to target has no meaningful progress. */
  m->target = 1200;
  g_assert_true (isnan (imp_metric_get_progress (m)));
}

static void
test_ice_and_dates (void)
{
  ImpIce ice = { 8, 6, 5 };
  ImpIce partial = { 8, 0, 5 };

  g_assert_cmpuint (imp_ice_get_score (&ice), ==, 240);
  g_assert_cmpuint (imp_ice_get_score (&partial), ==, 0);
  g_assert_false (imp_ice_is_set (&partial));

  g_assert_true (imp_metric_is_valid_date ("2026-12-31"));
  g_assert_true (imp_metric_is_valid_date ("2028-02-29"));
  g_assert_false (imp_metric_is_valid_date ("2026-02-29"));
  g_assert_false (imp_metric_is_valid_date ("2026-13-01"));
  g_assert_false (imp_metric_is_valid_date ("31/12/2026"));
  g_assert_false (imp_metric_is_valid_date ("2026-12-31x"));
  g_assert_false (imp_metric_is_valid_date (""));
}

static void
test_enum_strings (void)
{
  ImpLevel level = IMP_LEVEL_GOAL;
  ImpExperimentKind kind;

  for (guint i = 0; i < IMP_N_LEVELS; i++)
    {
      g_assert_true (imp_level_from_string (imp_level_to_string (i), &level));
      g_assert_cmpint (level, ==, i);
    }
  g_assert_false (imp_level_from_string ("strategy", &level));
  g_assert_false (imp_level_from_string (NULL, &level));
  g_assert_true (imp_experiment_kind_from_string ("wizard-of-oz", &kind));
  g_assert_cmpint (kind, ==, IMP_EXPERIMENT_KIND_WIZARD_OF_OZ);
  g_assert_cmpstr (imp_vocabulary_level_name (IMP_VOCABULARY_FIVE_QUESTIONS, IMP_LEVEL_IMPACT),
                   ==, "How");
}

static void
test_equal (void)
{
  g_autoptr(ImpMap) a = NULL;
  g_autoptr(ImpMap) b = NULL;
  ImpMetric *metric = imp_metric_new ();

  /* Two maps made the same way have the same ids only with a fixed seed. */
  g_setenv ("IMP_ID_SEED", "7", TRUE);
  a = imp_map_new_with_goal ("Goal");
  b = imp_map_new_with_goal ("Goal");
  g_unsetenv ("IMP_ID_SEED");

  g_assert_true (imp_map_equal (a, b));

  metric->target = 10;
  _imp_map_set_node_metric (a, imp_map_get_node (a, 0), metric);
  g_assert_false (imp_map_equal (a, b));
  _imp_map_set_node_metric (b, imp_map_get_node (b, 0), metric);
  g_assert_true (imp_map_equal (a, b));

  _imp_map_set_title (b, "Other");
  g_assert_false (imp_map_equal (a, b));

  imp_metric_free (metric);
}

static void
test_votes (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpMap) other = imp_map_new ();
  ChangeLog log = { g_array_new (FALSE, FALSE, sizeof (ImpChangeKind)) };
  ImpNode *goal, *actor;

  _imp_map_set_id_seed (map, 3);
  _imp_map_set_id_seed (other, 3);
  goal = add (map, IMP_LEVEL_GOAL, "Goal");
  actor = add (map, IMP_LEVEL_ACTOR, "Actor");
  add (other, IMP_LEVEL_GOAL, "Goal");
  add (other, IMP_LEVEL_ACTOR, "Actor");
  g_assert_true (imp_map_equal (map, other));
  g_assert_cmpuint (imp_map_get_total_votes (map), ==, 0);

  g_signal_connect (map, "changed", G_CALLBACK (changed_cb), &log);
  _imp_map_set_node_votes (map, goal, 3);
  _imp_map_set_node_votes (map, goal, 3);      /* no change, no signal */
  _imp_map_set_node_votes (map, actor, 5000);  /* held to the most a card holds */
  g_assert_cmpuint (goal->votes, ==, 3);
  g_assert_cmpuint (actor->votes, ==, IMP_MAX_VOTES);
  g_assert_cmpuint (imp_map_get_total_votes (map), ==, 3 + IMP_MAX_VOTES);
  g_assert_cmpuint (log.kinds->len, ==, 2);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 0), ==, IMP_CHANGE_NODE_VOTES);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 1), ==, IMP_CHANGE_NODE_VOTES);

  /* Votes are part of the document. */
  g_assert_false (imp_map_equal (map, other));

  g_array_unref (log.kinds);
}

static void
test_parking_lot (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpMap) other = imp_map_new ();
  ChangeLog log = { g_array_new (FALSE, FALSE, sizeof (ImpChangeKind)) };

  g_signal_connect (map, "changed", G_CALLBACK (changed_cb), &log);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, 0);
  _imp_map_insert_parked (map, -1, "  Offline mode \n");
  _imp_map_insert_parked (map, 0, "Parent newsletter");
  _imp_map_insert_parked (map, 99, "Badges");
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, 3);
  g_assert_cmpstr (imp_map_get_parked (map, 0), ==, "Parent newsletter");
  g_assert_cmpstr (imp_map_get_parked (map, 1), ==, "Offline mode");
  g_assert_cmpstr (imp_map_get_parked (map, 2), ==, "Badges");
  g_assert_cmpuint (log.kinds->len, ==, 3);
  g_assert_cmpint (g_array_index (log.kinds, ImpChangeKind, 0), ==, IMP_CHANGE_PARKING_LOT);

  /* The parking lot is part of the document. */
  g_assert_false (imp_map_equal (map, other));
  _imp_map_insert_parked (other, -1, "Parent newsletter");
  _imp_map_insert_parked (other, -1, "Badges");
  _imp_map_insert_parked (other, 1, "Offline mode");
  g_assert_true (imp_map_equal (map, other));

  _imp_map_remove_parked (map, 1);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, 2);
  g_assert_cmpstr (imp_map_get_parked (map, 1), ==, "Badges");
  g_assert_cmpuint (log.kinds->len, ==, 4);
  g_assert_false (imp_map_equal (map, other));

  g_array_unref (log.kinds);
}

/* The level rule, answered in one place for the map, the reader, the
 * analysis and the window. */
static void
test_level_rule (void)
{
  ImpLevel child;

  for (ImpLevel parent = IMP_LEVEL_GOAL; parent < IMP_N_LEVELS; parent++)
    for (ImpLevel level = IMP_LEVEL_GOAL; level < IMP_N_LEVELS; level++)
      g_assert_cmpint (imp_level_may_parent (IMP_VOCABULARY_CLASSIC, parent, level), ==,
                       level == parent + 1);

  /* Three tiers fold actors away: an impact may hang off the goal. */
  g_assert_true (imp_level_may_parent (IMP_VOCABULARY_THREE_TIERS, IMP_LEVEL_GOAL,
                                       IMP_LEVEL_IMPACT));
  g_assert_true (imp_level_may_parent (IMP_VOCABULARY_THREE_TIERS, IMP_LEVEL_GOAL,
                                       IMP_LEVEL_ACTOR));
  g_assert_false (imp_level_may_parent (IMP_VOCABULARY_THREE_TIERS, IMP_LEVEL_GOAL,
                                        IMP_LEVEL_DELIVERABLE));
  g_assert_false (imp_level_may_parent (IMP_VOCABULARY_CLASSIC, IMP_LEVEL_GOAL,
                                        IMP_LEVEL_IMPACT));

  g_assert_true (imp_level_new_child (IMP_VOCABULARY_CLASSIC, IMP_LEVEL_GOAL, &child));
  g_assert_cmpint (child, ==, IMP_LEVEL_ACTOR);
  g_assert_true (imp_level_new_child (IMP_VOCABULARY_THREE_TIERS, IMP_LEVEL_GOAL, &child));
  g_assert_cmpint (child, ==, IMP_LEVEL_IMPACT);
  g_assert_true (imp_level_new_child (IMP_VOCABULARY_THREE_TIERS, IMP_LEVEL_IMPACT, &child));
  g_assert_cmpint (child, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_false (imp_level_new_child (IMP_VOCABULARY_CLASSIC, IMP_N_LEVELS - 1, &child));
}

/* The enums have GTypes (glib-mkenums) whose nicks are the file's
 * spellings, and the map's vocabulary is a real enum property. */
static void
check_nicks (GType         type,
             const char *(*to_string) (int value))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_true (G_TYPE_IS_ENUM (type));
  g_assert_cmpuint (klass->n_values, >=, 2);
  for (guint i = 0; i < klass->n_values; i++)
    g_assert_cmpstr (klass->values[i].value_nick, ==, to_string (klass->values[i].value));
}

static void
test_enum_gtypes (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (map), "vocabulary");
  ImpVocabulary vocabulary;

  check_nicks (IMP_TYPE_LEVEL, (gpointer) imp_level_to_string);
  check_nicks (IMP_TYPE_VOCABULARY, (gpointer) imp_vocabulary_to_string);
  check_nicks (IMP_TYPE_CONFIDENCE, (gpointer) imp_confidence_to_string);
  check_nicks (IMP_TYPE_LINK_STATUS, (gpointer) imp_link_status_to_string);
  check_nicks (IMP_TYPE_DIRECTION, (gpointer) imp_direction_to_string);
  check_nicks (IMP_TYPE_INDICATOR, (gpointer) imp_indicator_to_string);
  check_nicks (IMP_TYPE_EXPERIMENT_KIND, (gpointer) imp_experiment_kind_to_string);
  check_nicks (IMP_TYPE_ASPECT, (gpointer) imp_aspect_to_string);
  check_nicks (IMP_TYPE_EXPERIMENT_STATUS, (gpointer) imp_experiment_status_to_string);
  check_nicks (IMP_TYPE_RESULT, (gpointer) imp_result_to_string);
  check_nicks (IMP_TYPE_THEME_KIND, (gpointer) imp_theme_kind_to_string);

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_cmpuint (pspec->value_type, ==, IMP_TYPE_VOCABULARY);

  g_object_set (map, "vocabulary", IMP_VOCABULARY_THREE_TIERS, NULL);
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_THREE_TIERS);
  g_object_get (map, "vocabulary", &vocabulary, NULL);
  g_assert_cmpint (vocabulary, ==, IMP_VOCABULARY_THREE_TIERS);
}

/* A metric added to "Fewer …" goes down; the kind of an experiment brings
 * its usual aspect unless another was chosen. */
static void
test_defaults (void)
{
  const struct { const char *title; ImpDirection direction; } titles[] = {
    { "Fewer complaints", IMP_DIRECTION_DECREASE },
    { "Less time waiting for results", IMP_DIRECTION_DECREASE },
    { "Raise fewer complaints about assessment", IMP_DIRECTION_DECREASE },
    { "Complain less", IMP_DIRECTION_DECREASE },
    { "Cut call-centre ticket calls by 40%", IMP_DIRECTION_DECREASE },
    { "Weniger Beschwerden", IMP_DIRECTION_DECREASE },
    { "More weekly logins", IMP_DIRECTION_INCREASE },
    { "Practise on more days each week", IMP_DIRECTION_INCREASE },
    { "Buy tickets without calling, or less often", IMP_DIRECTION_INCREASE },
    { "", IMP_DIRECTION_INCREASE },
    { NULL, IMP_DIRECTION_INCREASE },
  };
  g_autoptr(ImpExperiment) e = imp_experiment_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(ImpMetric) metric = imp_metric_new_for_title (titles[i].title);

      if (metric->direction != titles[i].direction)
        g_error ("“%s” should default to %s", titles[i].title,
                 imp_direction_to_string (titles[i].direction));
      g_assert_cmpint (metric->indicator, ==, IMP_INDICATOR_LAGGING);
      g_assert_true (isnan (metric->target));
    }

  /* A new experiment: spike means feasibility, interviews usability. */
  g_assert_cmpint (e->aspect, ==, IMP_ASPECT_VALIDITY);
  imp_experiment_set_kind (e, IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (e->kind, ==, IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (e->aspect, ==, IMP_ASPECT_FEASIBILITY);
  imp_experiment_set_kind (e, IMP_EXPERIMENT_KIND_USABILITY_INTERVIEW);
  g_assert_cmpint (e->aspect, ==, IMP_ASPECT_USABILITY);
  imp_experiment_set_kind (e, IMP_EXPERIMENT_KIND_FAKE_DOOR);
  g_assert_cmpint (e->aspect, ==, IMP_ASPECT_VALIDITY);

  /* The user's choice stays. */
  e->aspect = IMP_ASPECT_USABILITY;
  imp_experiment_set_kind (e, IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (e->kind, ==, IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (e->aspect, ==, IMP_ASPECT_USABILITY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/map/ids-unique", test_ids_unique);
  g_test_add_func ("/core/map/ids-never-collide", test_ids_never_collide);
  g_test_add_func ("/core/map/ids-seeded", test_ids_seeded);
  g_test_add_func ("/core/map/links-adjacent-levels-only", test_links_adjacent_levels_only);
  g_test_add_func ("/core/map/level-rule", test_level_rule);
  g_test_add_func ("/core/map/no-cycles-no-duplicates", test_no_cycles_no_duplicates);
  g_test_add_func ("/core/map/first-parent-is-tree-parent", test_first_parent_is_tree_parent);
  g_test_add_func ("/core/map/link-position-orders-siblings", test_link_position_orders_siblings);
  g_test_add_func ("/core/map/remove-node-removes-links", test_remove_node_removes_links);
  g_test_add_func ("/core/map/level-change-keeps-links-valid", test_level_change_keeps_links_valid);
  g_test_add_func ("/core/map/changed-signal-names-change", test_changed_signal_names_change);
  g_test_add_func ("/core/metric/progress", test_metric_progress);
  g_test_add_func ("/core/metric/ice-and-dates", test_ice_and_dates);
  g_test_add_func ("/core/types/enum-strings", test_enum_strings);
  g_test_add_func ("/core/types/enum-gtypes", test_enum_gtypes);
  g_test_add_func ("/core/map/equal", test_equal);
  g_test_add_func ("/core/map/votes", test_votes);
  g_test_add_func ("/core/map/parking-lot", test_parking_lot);
  g_test_add_func ("/core/map/defaults", test_defaults);

  return g_test_run ();
}
