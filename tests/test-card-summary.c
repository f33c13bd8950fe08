/* test-card-summary.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card in words, as the outline view shows it and a screen reader hears
 * it on the canvas (issue 23).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "imp-card-summary.h"
#include "imp-experiment.h"
#include "imp-map-private.h"
#include "imp-node.h"

typedef struct
{
  ImpMap  *map;
  ImpNode *goal;
  ImpNode *teachers;
  ImpNode *students;
  ImpNode *impact;
  ImpNode *deliverable;
  ImpNode *experiment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ImpLink *link;

  f->map = imp_map_new_with_goal ("Grow learners");
  f->goal = imp_map_get_node (f->map, 0);
  f->goal->metric = imp_metric_new ();
  f->goal->metric->baseline = 100;
  f->goal->metric->current = 150;
  f->goal->metric->target = 200;
  f->teachers = _imp_map_add_node (f->map, IMP_LEVEL_ACTOR, "Teachers", NULL, NULL);
  f->students = _imp_map_add_node (f->map, IMP_LEVEL_ACTOR, "Students", NULL, NULL);
  g_assert_nonnull (_imp_map_link (f->map, f->goal, f->teachers, -1, NULL));
  g_assert_nonnull (_imp_map_link (f->map, f->goal, f->students, -1, NULL));
  f->impact = _imp_map_add_node (f->map, IMP_LEVEL_IMPACT, "Hand in work on time", NULL, NULL);
  g_assert_nonnull (_imp_map_link (f->map, f->students, f->impact, -1, NULL));
  link = _imp_map_link (f->map, f->teachers, f->impact, -1, NULL);
  g_assert_nonnull (link);
  link->assumption = g_strdup ("Reminders from teachers work");
  f->deliverable = _imp_map_add_node (f->map, IMP_LEVEL_DELIVERABLE, "Reminder emails", NULL, NULL);
  g_assert_nonnull (_imp_map_link (f->map, f->impact, f->deliverable, -1, NULL));
  f->deliverable->ice = (ImpIce) { 8, 6, 7 };
  f->deliverable->delivery.status = IMP_DELIVERY_SHIPPED;
  f->experiment = _imp_map_add_node (f->map, IMP_LEVEL_EXPERIMENT, "Fake door", NULL, NULL);
  g_assert_nonnull (_imp_map_link (f->map, f->deliverable, f->experiment, -1, NULL));
  f->experiment->experiment = imp_experiment_new ();
  f->experiment->experiment->status = IMP_EXPERIMENT_DONE;
  f->experiment->experiment->result = IMP_RESULT_REFUTES;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->map);
}

static void
test_state (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *goal = imp_card_summary_state (f->goal);
  g_autofree char *actor = imp_card_summary_state (f->students);
  g_autofree char *deliverable = imp_card_summary_state (f->deliverable);
  g_autofree char *experiment = imp_card_summary_state (f->experiment);

  g_assert_cmpstr (goal, ==, "50% of target");
  g_assert_cmpstr (actor, ==, "");
  g_assert_cmpstr (deliverable, ==, "ICE 336 · Shipped");
  g_assert_cmpstr (experiment, ==, "Refutes");

  f->experiment->experiment->status = IMP_EXPERIMENT_RUNNING;
  g_free (experiment);
  experiment = imp_card_summary_state (f->experiment);
  g_assert_cmpstr (experiment, ==, "Running");
}

static void
test_cross_links (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *impact = imp_card_summary_cross_links (f->impact);
  g_autofree char *actor = imp_card_summary_cross_links (f->students);

  g_assert_cmpstr (impact, ==, "Also under “Teachers”");
  g_assert_null (actor);
}

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *goal = imp_card_summary_describe (f->map, f->goal);
  g_autofree char *students = imp_card_summary_describe (f->map, f->students);
  g_autofree char *impact = imp_card_summary_describe (f->map, f->impact);
  g_autofree char *deliverable = imp_card_summary_describe (f->map, f->deliverable);

  g_assert_cmpstr (goal, ==, "Goal, 1 of 1, 50% of target, 2 cards under it");
  g_assert_cmpstr (students, ==, "Actor, 2 of 2 under “Grow learners”, 1 card under it");
  /* The cross-link's assumption is read with the card it leads to. */
  g_assert_true (g_str_has_prefix (impact, "Impact, 1 of 1 under “Students”, 1 card under it. "));
  g_assert_nonnull (strstr (impact, "Reminders from teachers work"));
  g_assert_cmpstr (deliverable, ==,
                   "Deliverable, 1 of 1 under “Hand in work on time”, ICE 336, Shipped, "
                   "1 card under it");

  _imp_map_set_node_collapsed (f->map, f->deliverable, TRUE);
  g_free (deliverable);
  deliverable = imp_card_summary_describe (f->map, f->deliverable);
  g_assert_true (g_str_has_suffix (deliverable, ", collapsed, 1 card under it"));

  /* The level is named in the map's vocabulary. */
  g_assert_true (_imp_map_set_vocabulary (f->map, IMP_VOCABULARY_FIVE_QUESTIONS));
  g_free (students);
  students = imp_card_summary_describe (f->map, f->students);
  g_assert_true (g_str_has_prefix (students, "Who, 2 of 2"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/card-summary/state", Fixture, NULL,
              fixture_set_up, test_state, fixture_tear_down);
  g_test_add ("/core/card-summary/cross-links", Fixture, NULL,
              fixture_set_up, test_cross_links, fixture_tear_down);
  g_test_add ("/core/card-summary/describe", Fixture, NULL,
              fixture_set_up, test_describe, fixture_tear_down);

  return g_test_run ();
}
