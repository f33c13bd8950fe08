/* test-analysis.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-scene-private.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

static void
add_link (ImpMap  *map,
          ImpNode *parent,
          ImpNode *child)
{
  g_autoptr(GError) error = NULL;

  _imp_map_link (map, parent, child, -1, &error);
  g_assert_no_error (error);
}

static void
set_ice (ImpMap  *map,
         ImpNode *node,
         guint8   i,
         guint8   c,
         guint8   e)
{
  ImpIce ice = { i, c, e };

  g_assert_true (_imp_map_set_node_ice (map, node, &ice, NULL));
}

static ImpNode *
add_experiment (ImpMap              *map,
                ImpNode             *deliverable,
                ImpExperimentStatus  status,
                ImpResult            result)
{
  ImpNode *node = imp_test_add_card (map, IMP_LEVEL_EXPERIMENT, "Test", deliverable);
  g_autoptr(ImpExperiment) e = imp_experiment_new ();

  e->status = status;
  e->result = result;
  _imp_map_set_node_experiment (map, node, e);

  return node;
}

/* The findings of @kind, as "title" strings joined by "|", in order. */
static char *
titles_of (GPtrArray      *findings,
           ImpFindingKind  kind)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      ImpFinding *f = g_ptr_array_index (findings, i);

      if (f->kind != kind)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '|');
      g_string_append (s, f->node->title);
      /* Every finding names its node, so a line of `check` can be acted on. */
      g_assert_nonnull (strstr (f->message, f->node->title));
    }

  return g_strdup (s->str);
}

static void
test_metric_state (void)
{
  g_autoptr(ImpMetric) m = imp_metric_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 11, 2026);

  /* Missing values: nothing can be said. */
  g_assert_cmpint (imp_analysis_get_metric_state (NULL, &today), ==, IMP_METRIC_STATE_UNKNOWN);
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_UNKNOWN);
  m->target = 100;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_UNKNOWN);

  /* Increasing: 40 → 100, now 60. */
  m->baseline = 40;
  m->current = 60;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_ON_TRACK);
  g_assert_cmpfloat_with_epsilon (imp_metric_get_progress (m), 20.0 / 60.0, 1e-9);
  m->current = 30;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_OFF_TRACK);
  g_assert_cmpfloat (imp_metric_get_progress (m), ==, 0.0);
  m->current = 130;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_REACHED);
  g_assert_cmpfloat (imp_metric_get_progress (m), ==, 1.0);

  /* Decreasing: 540 s → 60 s. */
  m->direction = IMP_DIRECTION_DECREASE;
  m->baseline = 540;
  m->target = 60;
  m->current = 300;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_ON_TRACK);
  g_assert_cmpfloat_with_epsilon (imp_metric_get_progress (m), 0.5, 1e-9);
  m->current = 600;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_OFF_TRACK);
  m->current = 45;
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_REACHED);
  g_assert_cmpfloat (imp_metric_get_progress (m), ==, 1.0);

  /* The deadline, judged by the day passed in. */
  m->current = 300;
  m->deadline = g_strdup ("2026-10-31");
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_OVERDUE);
  g_assert_cmpint (imp_analysis_get_metric_state (m, NULL), ==, IMP_METRIC_STATE_ON_TRACK);
  g_date_set_dmy (&today, 31, 10, 2026);
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_ON_TRACK);
  m->current = 60;
  g_date_set_dmy (&today, 1, 1, 2027);
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_REACHED);

  /* Baseline equal to target: no progress, but reached is still known. */
  m->baseline = 60;
  g_assert_true (isnan (imp_metric_get_progress (m)));
  g_assert_cmpint (imp_analysis_get_metric_state (m, NULL), ==, IMP_METRIC_STATE_REACHED);
  m->current = 70;
  g_assert_cmpint (imp_analysis_get_metric_state (m, NULL), ==, IMP_METRIC_STATE_OFF_TRACK);

  /* A deadline that is not a date is not "overdue". */
  g_free (m->deadline);
  m->deadline = g_strdup ("soon");
  g_assert_cmpint (imp_analysis_get_metric_state (m, &today), ==, IMP_METRIC_STATE_OFF_TRACK);
}

static void
test_ice_ranking_ties (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(GPtrArray) ranked = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "A", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "I", actor);
  ImpNode *d1 = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "d1", impact);
  ImpNode *d2 = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "d2", impact);
  ImpNode *d3 = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "d3", impact);
  ImpNode *d4 = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "d4", impact);
  ImpNode *d5 = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "d5 unscored", impact);

  set_ice (map, d1, 2, 3, 4);     /* 24 */
  set_ice (map, d2, 10, 10, 1);   /* 100 */
  set_ice (map, d3, 4, 3, 2);     /* 24, a tie with d1 */
  set_ice (map, d4, 1, 10, 10);   /* 100, a tie with d2 */
  (void) d5;

  ranked = imp_analysis_rank_deliverables (map);
  g_assert_cmpuint (ranked->len, ==, 4);
  g_assert_true (g_ptr_array_index (ranked, 0) == d2);
  g_assert_true (g_ptr_array_index (ranked, 1) == d4);
  g_assert_true (g_ptr_array_index (ranked, 2) == d1);
  g_assert_true (g_ptr_array_index (ranked, 3) == d3);

  /* Raising a tied score breaks the tie; the others keep their order. */
  set_ice (map, d3, 5, 5, 1);     /* 25 */
  g_clear_pointer (&ranked, g_ptr_array_unref);
  ranked = imp_analysis_rank_deliverables (map);
  g_assert_true (g_ptr_array_index (ranked, 2) == d3);
  g_assert_true (g_ptr_array_index (ranked, 3) == d1);
}

/* An eliminated or refuted deliverable leaves the ranking, whatever its
 * score, and is listed apart; mending it brings it back. */
static void
test_ranking_live_only (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GPtrArray) aside = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "A", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "I", actor);
  ImpNode *impact2 = imp_test_add_card (map, IMP_LEVEL_IMPACT, "I2", actor);
  ImpNode *live = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "live", impact);
  ImpNode *gone = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "eliminated", impact);
  ImpNode *cut = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "refuted", impact2);
  ImpNode *both = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "one chain refuted", impact2);
  ImpNode *spike = NULL;
  ImpLink *refuted_link = NULL;

  add_link (map, impact, both);
  set_ice (map, live, 2, 2, 2);
  set_ice (map, gone, 10, 10, 10);
  set_ice (map, cut, 9, 9, 9);
  set_ice (map, both, 5, 5, 5);
  spike = add_experiment (map, gone, IMP_EXPERIMENT_DONE, IMP_RESULT_REFUTES);
  refuted_link = g_ptr_array_index (impact2->parents, 0);
  _imp_map_set_link_status (map, refuted_link, IMP_LINK_STATUS_REFUTED);

  g_assert_cmpint (imp_analysis_get_standing (live), ==, IMP_STANDING_LIVE);
  g_assert_cmpint (imp_analysis_get_standing (gone), ==, IMP_STANDING_ELIMINATED);
  g_assert_cmpint (imp_analysis_get_standing (cut), ==, IMP_STANDING_REFUTED);
  /* One live chain is enough to stay in the running. */
  g_assert_cmpint (imp_analysis_get_standing (both), ==, IMP_STANDING_LIVE);
  g_assert_cmpstr (imp_standing_to_string (IMP_STANDING_ELIMINATED), ==, "eliminated");

  ranked = imp_analysis_rank_deliverables (map);
  g_assert_cmpuint (ranked->len, ==, 2);
  g_assert_true (g_ptr_array_index (ranked, 0) == both);
  g_assert_true (g_ptr_array_index (ranked, 1) == live);
  aside = imp_analysis_list_set_aside (map);
  g_assert_cmpuint (aside->len, ==, 2);
  g_assert_true (g_ptr_array_index (aside, 0) == gone);
  g_assert_true (g_ptr_array_index (aside, 1) == cut);

  /* An inconclusive rerun does not revive it; a supporting one makes it
   * mixed, and mixed work is live again. */
  add_experiment (map, gone, IMP_EXPERIMENT_DONE, IMP_RESULT_INCONCLUSIVE);
  g_assert_cmpint (imp_analysis_get_standing (gone), ==, IMP_STANDING_ELIMINATED);
  add_experiment (map, gone, IMP_EXPERIMENT_DONE, IMP_RESULT_SUPPORTS);
  _imp_map_set_link_status (map, refuted_link, IMP_LINK_STATUS_SUPPORTED);
  g_clear_pointer (&ranked, g_ptr_array_unref);
  g_clear_pointer (&aside, g_ptr_array_unref);
  ranked = imp_analysis_rank_deliverables (map);
  aside = imp_analysis_list_set_aside (map);
  g_assert_cmpuint (ranked->len, ==, 4);
  g_assert_true (g_ptr_array_index (ranked, 0) == gone);
  g_assert_true (g_ptr_array_index (ranked, 1) == cut);
  g_assert_cmpuint (aside->len, ==, 0);
  (void) spike;
}

static void
test_orphans_and_mismatch (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *orphans = NULL;
  g_autofree char *mismatches = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Learners", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Practise more", actor);
  ImpNode *loose_impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Loose impact", NULL);
  ImpNode *saved = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Saved by a cross-link", loose_impact);
  ImpNode *lost = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Lost deliverable", loose_impact);

  imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Alone", NULL);
  /* The tree parent of "Saved" is orphaned, its second parent is not. */
  add_link (map, impact, saved);

  g_assert_true (imp_analysis_reaches_goal (saved));
  g_assert_false (imp_analysis_reaches_goal (lost));
  g_assert_false (imp_analysis_reaches_goal (loose_impact));

  findings = imp_analysis_find_problems (map, NULL);
  orphans = titles_of (findings, IMP_FINDING_ORPHAN);
  g_assert_cmpstr (orphans, ==, "Loose impact|Lost deliverable|Alone");
  mismatches = titles_of (findings, IMP_FINDING_LEVEL_MISMATCH);
  g_assert_cmpstr (mismatches, ==, "");

  /* Linking the loose impact up mends both. */
  add_link (map, actor, loose_impact);
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&orphans, g_free);
  findings = imp_analysis_find_problems (map, NULL);
  orphans = titles_of (findings, IMP_FINDING_ORPHAN);
  g_assert_cmpstr (orphans, ==, "Alone");
}

static void
test_three_tier_mismatch (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Revenue");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *mismatches = NULL;
  g_autofree char *orphans = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Buyers", goal);
  ImpNode *outcome = NULL;
  ImpNode *output = NULL;

  g_assert_true (_imp_map_set_vocabulary (map, IMP_VOCABULARY_THREE_TIERS));
  outcome = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Shoppers buy online", goal);
  output = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Checkout page", outcome);
  imp_test_add_card (map, IMP_LEVEL_IMPACT, "Buyers return", actor);

  findings = imp_analysis_find_problems (map, NULL);
  mismatches = titles_of (findings, IMP_FINDING_LEVEL_MISMATCH);
  /* An actor has no place in three tiers; goal → outcome fits there. */
  g_assert_cmpstr (mismatches, ==, "Buyers");
  orphans = titles_of (findings, IMP_FINDING_ORPHAN);
  g_assert_cmpstr (orphans, ==, "");

  sentences = imp_analysis_get_litmus_sentences (output);
  g_assert_cmpuint (sentences->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==,
                   "We build “Checkout page” so that shoppers buy online, which moves the goal “Revenue”.");
}

static void
test_litmus_second_parent (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GArray) chains = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *goal2 = imp_test_add_card (map, IMP_LEVEL_GOAL, "Cut support cost", NULL);
  ImpNode *students = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Students", goal);
  ImpNode *teachers = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Teachers", goal);
  ImpNode *faster = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Get results faster", students);
  ImpNode *fewer = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Complain less", teachers);
  ImpNode *pipeline = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Faster upload pipeline", faster);
  ImpNode *orphan = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Orphan", NULL);

  /* A second parent at two levels: the deliverable serves two outcomes,
   * and the teachers matter to two goals. */
  add_link (map, fewer, pipeline);
  add_link (map, goal2, teachers);

  sentences = imp_analysis_get_litmus_sentences (pipeline);
  g_assert_cmpuint (sentences->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sentences, 0), ==,
                   "We build “Faster upload pipeline” so that students will get results faster, "
                   "which moves the goal “Grow weekly learners”.");
  g_assert_cmpstr (g_ptr_array_index (sentences, 1), ==,
                   "We build “Faster upload pipeline” so that teachers will complain less, "
                   "which moves the goal “Grow weekly learners”.");
  g_assert_cmpstr (g_ptr_array_index (sentences, 2), ==,
                   "We build “Faster upload pipeline” so that teachers will complain less, "
                   "which moves the goal “Cut support cost”.");

  chains = imp_analysis_get_chains (orphan);
  g_assert_cmpuint (chains->len, ==, 0);

  /* An acronym keeps its capitals; a clause about a measure is a result. */
  _imp_map_set_node_title (map, faster, "NPS rises");
  prompts = imp_analysis_get_hmw_prompts (faster);
  g_assert_cmpuint (prompts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (prompts, 0), ==,
                   "How might we bring about “NPS rises” for students?");
  g_clear_pointer (&prompts, g_ptr_array_unref);
  _imp_map_set_node_title (map, faster, "Use OCR results");
  prompts = imp_analysis_get_hmw_prompts (faster);
  g_assert_cmpstr (g_ptr_array_index (prompts, 0), ==, "How might we help students use OCR results?");
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = imp_analysis_get_hmw_prompts (fewer);
  g_assert_cmpstr (g_ptr_array_index (prompts, 0), ==,
                   "How might we help teachers complain less?");
}

static void
test_experiment_rollup (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *eliminated = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "A", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "I", actor);
  ImpNode *d = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "OCR", impact);
  guint supports = 99, refutes = 99;

  g_assert_cmpint (imp_analysis_get_verdict (d, &supports, &refutes), ==, IMP_VERDICT_NONE);
  g_assert_cmpuint (supports, ==, 0);
  g_assert_cmpuint (refutes, ==, 0);

  /* A planned or running experiment has no result yet. */
  add_experiment (map, d, IMP_EXPERIMENT_RUNNING, IMP_RESULT_REFUTES);
  g_assert_cmpint (imp_analysis_get_verdict (d, NULL, NULL), ==, IMP_VERDICT_NONE);

  add_experiment (map, d, IMP_EXPERIMENT_DONE, IMP_RESULT_REFUTES);
  add_experiment (map, d, IMP_EXPERIMENT_DONE, IMP_RESULT_INCONCLUSIVE);
  g_assert_cmpint (imp_analysis_get_verdict (d, &supports, &refutes), ==,
                   IMP_VERDICT_ELIMINATED);
  g_assert_cmpuint (refutes, ==, 1);

  findings = imp_analysis_find_problems (map, NULL);
  eliminated = titles_of (findings, IMP_FINDING_ELIMINATED);
  g_assert_cmpstr (eliminated, ==, "OCR");

  add_experiment (map, d, IMP_EXPERIMENT_DONE, IMP_RESULT_SUPPORTS);
  g_assert_cmpint (imp_analysis_get_verdict (d, &supports, &refutes), ==, IMP_VERDICT_MIXED);
  g_assert_cmpuint (supports, ==, 1);

  _imp_map_remove_node (map, imp_node_get_child (d, 1));
  g_assert_cmpint (imp_analysis_get_verdict (d, NULL, NULL), ==, IMP_VERDICT_BOOSTED);
}

static void
test_refuted_downstream (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("G");
  g_autoptr(GHashTable) refuted = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *links = NULL;
  g_autofree char *downstream = NULL;
  g_autoptr(GArray) chains = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "A", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "I", actor);
  ImpNode *other = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Other", actor);
  ImpNode *d = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "D", impact);
  ImpNode *e = add_experiment (map, d, IMP_EXPERIMENT_PLANNED, IMP_RESULT_NONE);
  ImpLink *l = imp_map_find_link (map, actor, impact);

  _imp_map_set_link_status (map, l, IMP_LINK_STATUS_REFUTED);
  refuted = imp_analysis_collect_refuted (map);
  g_assert_true (g_hash_table_contains (refuted, impact));
  g_assert_true (g_hash_table_contains (refuted, d));
  g_assert_true (g_hash_table_contains (refuted, e));
  g_assert_false (g_hash_table_contains (refuted, other));
  g_assert_false (g_hash_table_contains (refuted, actor));

  findings = imp_analysis_find_problems (map, NULL);
  links = titles_of (findings, IMP_FINDING_REFUTED_LINK);
  g_assert_cmpstr (links, ==, "I");
  downstream = titles_of (findings, IMP_FINDING_DOWNSTREAM_OF_REFUTED);
  g_assert_cmpstr (downstream, ==, "D|Test");

  chains = imp_analysis_get_chains (d);
  g_assert_cmpuint (chains->len, ==, 1);
  g_assert_true (g_array_index (chains, ImpChain, 0).refuted);
}

static void
test_health (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Empty goal");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  ImpNode *goal = imp_test_add_card (map, IMP_LEVEL_GOAL, "Goal", NULL);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Idle actor", goal);
  ImpNode *busy = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Busy actor", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Impact", busy);
  ImpNode *scored = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Scored", impact);
  ImpNode *tested = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Tested", impact);
  GDate today;
  struct { ImpFindingKind kind; const char *titles; } expected[] = {
    { IMP_FINDING_GOAL_WITHOUT_ACTORS, "Empty goal" },
    { IMP_FINDING_ACTOR_WITHOUT_IMPACTS, "Idle actor" },
    { IMP_FINDING_NO_METRIC, "Empty goal|Impact" },
    { IMP_FINDING_NO_TARGET, "Goal" },
    { IMP_FINDING_NO_DEADLINE, "Goal" },
    { IMP_FINDING_NO_ICE, "" },
    { IMP_FINDING_NO_EXPERIMENT, "Scored" },
    { IMP_FINDING_METRIC_OVERDUE, "" },
  };

  (void) actor;
  _imp_map_set_node_metric (map, goal, metric);
  set_ice (map, scored, 5, 5, 5);
  set_ice (map, tested, 5, 5, 5);
  add_experiment (map, tested, IMP_EXPERIMENT_PLANNED, IMP_RESULT_NONE);

  findings = imp_analysis_find_problems (map, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *titles = titles_of (findings, expected[i].kind);

      g_assert_cmpstr (titles, ==, expected[i].titles);
    }

  /* With a target, a deadline and today's date, the goal is overdue. */
  metric->baseline = 10;
  metric->current = 12;
  metric->target = 20;
  metric->deadline = g_strdup ("2026-06-30");
  _imp_map_set_node_metric (map, goal, metric);
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 7, 2026);
  findings = imp_analysis_find_problems (map, &today);
  {
    g_autofree char *overdue = titles_of (findings, IMP_FINDING_METRIC_OVERDUE);
    g_autofree char *no_target = titles_of (findings, IMP_FINDING_NO_TARGET);

    g_assert_cmpstr (overdue, ==, "Goal");
    g_assert_cmpstr (no_target, ==, "");
  }
}

static gboolean
color_equal (const ImpColor *a,
             const ImpColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue &&
         a->alpha == b->alpha;
}

static gboolean
card_has_text (ImpScene   *scene,
               ImpNode    *node,
               const char *text)
{
  const ImpSceneCard *card = _imp_scene_find_card (scene, node);

  g_assert_nonnull (card);
  for (guint i = 0; i < card->n_texts; i++)
    if (g_strcmp0 (_imp_scene_get_text (scene, card->first_text + i)->text, text) == 0)
      return TRUE;

  return FALSE;
}

static void
test_scene_decorations (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow");
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "A", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Practise more", actor);
  ImpNode *other = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Other", actor);
  ImpNode *d = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "D", impact);
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);

  /* Past its deadline and not reached: overdue on the day the scene is
   * told it is (the scene judges by imp_analysis_get_today()). */
  g_setenv ("IMP_TODAY", "2026-06-01", TRUE);
  metric->baseline = 1;
  metric->current = 2;
  metric->target = 3;
  metric->deadline = g_strdup ("2000-01-31");
  _imp_map_set_node_metric (map, goal, metric);
  metric->current = 0;
  g_free (metric->deadline);
  metric->deadline = g_strdup ("2999-12-31");
  _imp_map_set_node_metric (map, impact, metric);
  _imp_map_set_link_status (map, imp_map_find_link (map, actor, impact), IMP_LINK_STATUS_REFUTED);

  scene = imp_scene_new (map, theme);
  g_unsetenv ("IMP_TODAY");
  g_assert_true (card_has_text (scene, goal, "Overdue 2000-01-31"));
  g_assert_true (card_has_text (scene, impact, "Off track · 2999-12-31"));
  g_assert_false (card_has_text (scene, other, "Due 2999-12-31"));

  /* Everything at or below the refuted link is flagged, nothing else. */
  g_assert_true (color_equal (&_imp_scene_find_card (scene, impact)->border, &theme->danger));
  g_assert_true (color_equal (&_imp_scene_find_card (scene, d)->border, &theme->danger));
  g_assert_true (card_has_text (scene, d, "!"));
  g_assert_false (color_equal (&_imp_scene_find_card (scene, other)->border,
                                   &theme->danger));
  g_assert_false (card_has_text (scene, other, "!"));
}

/* The day deadlines are judged by: IMP_TODAY when it holds a date, which is
 * how tests and demos say which day they mean; else the real date. */
static void
test_today (void)
{
  GDate day, real;
  g_autoptr(GDateTime) now = NULL;

  g_setenv ("IMP_TODAY", "2031-02-28", TRUE);
  imp_analysis_get_today (&day);
  g_assert_cmpint (g_date_get_year (&day), ==, 2031);
  g_assert_cmpint (g_date_get_month (&day), ==, 2);
  g_assert_cmpint (g_date_get_day (&day), ==, 28);

  /* Not a date: the real day, as when it is not set. */
  g_setenv ("IMP_TODAY", "2031-02-29", TRUE);
  imp_analysis_get_today (&day);
  g_unsetenv ("IMP_TODAY");
  imp_analysis_get_today (&real);
  g_assert_cmpint (g_date_compare (&day, &real), ==, 0);
  now = g_date_time_new_now_local ();
  g_assert_cmpint (g_date_get_year (&real), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_day_of_year (&real), ==, g_date_time_get_day_of_year (now));
}

/* The mark of @link in @scene, or NULL when it has none. */
static const char *
link_mark_in (ImpScene *scene,
              ImpLink  *link)
{
  for (guint i = 0; i < _imp_scene_get_n_links (scene); i++)
    {
      const ImpSceneLink *sl = _imp_scene_get_link (scene, i);

      if (sl->link == link)
        return sl->mark_text >= 0 ? _imp_scene_get_text (scene, sl->mark_text)->text : NULL;
    }

  g_assert_not_reached ();
}

/* Every link with an assumption is marked, with its status as a sign and
 * its confidence as a word; risky assumptions on prioritised chains are
 * flagged; the tooltip names the sentence. */
static void
test_assumptions_visible (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow");
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *risky = NULL;
  g_autofree char *summary = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Teachers", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Grade sooner", actor);
  ImpNode *other = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Set homework", actor);
  ImpNode *d[5];
  ImpLink *assumed = imp_map_find_link (map, actor, impact);
  ImpLink *quiet = imp_map_find_link (map, actor, other);
  ImpLink *low_link;

  for (guint i = 0; i < G_N_ELEMENTS (d); i++)
    {
      g_autofree char *title = g_strdup_printf ("d%u", i);

      d[i] = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, title, i < 4 ? impact : other);
      set_ice (map, d[i], 5, 5, (guint8) (9 - i));
    }

  _imp_map_set_link_assumption (map, assumed, "Teachers grade sooner when uploads are instant");
  _imp_map_set_link_confidence (map, assumed, IMP_CONFIDENCE_LOW);
  low_link = imp_map_find_link (map, other, d[4]);
  _imp_map_set_link_confidence (map, low_link, IMP_CONFIDENCE_LOW);

  g_assert_true (imp_analysis_link_has_assumption (assumed));
  g_assert_false (imp_analysis_link_has_assumption (quiet));
  g_assert_cmpstr (imp_analysis_link_mark (assumed), ==, "? low");
  g_assert_null (imp_analysis_link_mark (quiet));
  summary = imp_analysis_link_summary (assumed);
  g_assert_cmpstr (summary, ==, "Assumption: Teachers grade sooner when uploads are instant — "
                                "untested, low confidence");
  g_assert_null (imp_analysis_link_summary (quiet));

  scene = imp_scene_new (map, imp_theme_get (IMP_THEME_LIGHT));
  g_assert_cmpstr (link_mark_in (scene, assumed), ==, "? low");
  g_assert_null (link_mark_in (scene, quiet));
  g_assert_cmpstr (link_mark_in (scene, low_link), ==, "? low");

  /* The top three by ICE rest on the assumed link: flagged. d4 is fifth
   * and has no votes: its low-confidence link is not, yet. */
  findings = imp_analysis_find_problems (map, NULL);
  risky = titles_of (findings, IMP_FINDING_RISKY_ASSUMPTION);
  g_assert_cmpstr (risky, ==, "Grade sooner");
  for (guint i = 0; i < findings->len; i++)
    {
      ImpFinding *f = g_ptr_array_index (findings, i);

      if (f->kind == IMP_FINDING_RISKY_ASSUMPTION)
        {
          g_assert_true (f->link == assumed);
          g_assert_nonnull (strstr (f->message, "Teachers grade sooner when uploads are "
                                                "instant"));
        }
    }

  /* A vote makes d4's chain a priority; a tested assumption is no risk. */
  _imp_map_set_node_votes (map, d[4], 2);
  _imp_map_set_link_status (map, assumed, IMP_LINK_STATUS_SUPPORTED);
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&risky, g_free);
  findings = imp_analysis_find_problems (map, NULL);
  risky = titles_of (findings, IMP_FINDING_RISKY_ASSUMPTION);
  g_assert_cmpstr (risky, ==, "d4");
  g_assert_cmpstr (imp_analysis_link_mark (assumed), ==, "✓ low");

  /* Confidence raised: nothing left to flag. */
  _imp_map_set_link_confidence (map, low_link, IMP_CONFIDENCE_HIGH);
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&risky, g_free);
  findings = imp_analysis_find_problems (map, NULL);
  risky = titles_of (findings, IMP_FINDING_RISKY_ASSUMPTION);
  g_assert_cmpstr (risky, ==, "");
  g_assert_cmpstr (imp_analysis_link_mark (low_link), ==, "? high");
}

/* A combined map's card with a status pill shows the maps that proposed
 * it too: on a second row, inside the card's width, below the badge row. */
static void
test_scene_proposed_by_with_status (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow");
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(JsonArray) by = json_array_new ();
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "A", goal);
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  const ImpSceneCard *card;
  const ImpSceneText *due = NULL, *proposed = NULL;

  metric->baseline = 1;
  metric->current = 2;
  metric->target = 3;
  metric->deadline = g_strdup ("2999-12-31");
  _imp_map_set_node_metric (map, goal, metric);
  json_array_add_string_element (by, "red.impactmap");
  json_array_add_string_element (by, "blue.impactmap");
  if (goal->extra == NULL)
    goal->extra = json_object_new ();
  json_object_set_array_member (goal->extra, "proposed-by", json_array_ref (by));
  if (actor->extra == NULL)
    actor->extra = json_object_new ();
  json_object_set_array_member (actor->extra, "proposed-by", json_array_ref (by));

  g_setenv ("IMP_TODAY", "2026-06-01", TRUE);
  scene = imp_scene_new (map, theme);
  g_unsetenv ("IMP_TODAY");

  card = _imp_scene_find_card (scene, goal);
  for (guint i = 0; i < card->n_texts; i++)
    {
      const ImpSceneText *t = _imp_scene_get_text (scene, card->first_text + i);

      if (g_str_equal (t->text, "Due 2999-12-31"))
        due = t;
      else if (g_str_equal (t->text, "red.impactmap, blue.impactmap"))
        proposed = t;
    }
  g_assert_nonnull (due);
  g_assert_nonnull (proposed);
  g_assert_cmpfloat (proposed->y, >, due->y + due->size);
  g_assert_cmpfloat (proposed->x, >=, card->rect.x);
  g_assert_cmpfloat (proposed->x + proposed->width, <=, card->rect.x + card->rect.width);

  /* Without a status pill it shows too (in the badge row when it fits). */
  g_assert_true (card_has_text (scene, actor, "red.impactmap, blue.impactmap"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/metric-state", test_metric_state);
  g_test_add_func ("/core/analysis/today", test_today);
  g_test_add_func ("/core/analysis/ice-ranking-ties", test_ice_ranking_ties);
  g_test_add_func ("/core/analysis/ranking-live-only", test_ranking_live_only);
  g_test_add_func ("/core/analysis/orphans-with-cross-links", test_orphans_and_mismatch);
  g_test_add_func ("/core/analysis/three-tier-mismatch", test_three_tier_mismatch);
  g_test_add_func ("/core/analysis/litmus-second-parent", test_litmus_second_parent);
  g_test_add_func ("/core/analysis/experiment-rollup", test_experiment_rollup);
  g_test_add_func ("/core/analysis/refuted-downstream", test_refuted_downstream);
  g_test_add_func ("/core/analysis/health", test_health);
  g_test_add_func ("/core/analysis/scene-decorations", test_scene_decorations);
  g_test_add_func ("/core/analysis/assumptions-visible", test_assumptions_visible);
  g_test_add_func ("/core/analysis/scene-proposed-by-with-status", test_scene_proposed_by_with_status);

  return g_test_run ();
}
