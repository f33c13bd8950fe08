/* test-inspector.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inspector"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-inspector.h"
#include "imp-scene-private.h"
#include "imp-window.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

/* The inspector in a real window (Xvfb in CI): edits go through the undo
 * stack, reach the model and the canvas, and nonsense is refused. */

static ImpApplication *app;

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The progress the canvas draws on @node's card, once the window has done
 * the work the change queued (asking for the scene brings it up to date). */
static double
card_progress (ImpCanvas *canvas,
               ImpNode   *node)
{
  const ImpSceneCard *card;

  imp_test_drain ();
  card = _imp_scene_find_card (imp_canvas_get_scene (canvas), node);
  g_assert_nonnull (card);

  return card->progress;
}

static void
type_and_apply (ImpInspector *inspector,
                const char   *key,
                const char   *text)
{
  GtkWidget *row = imp_inspector_get_field (inspector, key);

  g_assert_nonnull (row);
  if (GTK_IS_TEXT_VIEW (row))
    {
      /* A sentence field (the assumption): kept as before a save. */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), text, -1);
      g_assert_true (imp_inspector_commit_pending (inspector));
      imp_test_drain ();
      return;
    }
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  imp_test_drain ();
}

static const char *
field_text (ImpInspector *inspector,
            const char   *key)
{
  GtkWidget *row = imp_inspector_get_field (inspector, key);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
test_inspector_edits_metric (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  ImpWindow *window = imp_window_new (app);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Students", goal);
  ImpNode *impact = imp_test_add_card (map, IMP_LEVEL_IMPACT, "Get results within a minute", actor);
  ImpNode *deliverable = imp_test_add_card (map, IMP_LEVEL_DELIVERABLE, "Faster uploads", impact);
  ImpInspector *inspector;
  ImpCanvas *canvas;
  ImpHistory *history;
  GDate today;

  metric->baseline = 540;
  metric->current = 310;
  metric->target = 60;
  metric->direction = IMP_DIRECTION_DECREASE;
  metric->deadline = g_strdup ("2026-11-30");
  _imp_map_set_node_metric (map, impact, metric);

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_test_wait_for_frame (GTK_WIDGET (window));

  canvas = imp_window_get_canvas (window);
  history = imp_window_get_history (window);
  inspector = IMP_INSPECTOR (find_child_of_type (GTK_WIDGET (window), IMP_TYPE_INSPECTOR));
  g_assert_nonnull (inspector);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (inspector)));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 11, 2026);
  imp_inspector_set_today (inspector, &today);

  /* Selecting a card shows its page. */
  imp_selection_select (imp_window_get_selection (window), impact);
  imp_test_drain ();
  g_assert_cmpstr (imp_inspector_get_page (inspector), ==, "selection");
  g_assert_cmpstr (field_text (inspector, "title"), ==, "Get results within a minute");
  g_assert_cmpstr (field_text (inspector, "metric-current"), ==, "310");
  g_assert_cmpfloat_with_epsilon (card_progress (canvas, impact), 230.0 / 480.0, 1e-9);
  g_assert_false (imp_history_can_undo (history));

  /* A letter in a number field is refused and explained. */
  type_and_apply (inspector, "metric-current", "3l0");
  g_assert_cmpfloat (impact->metric->current, ==, 310);
  g_assert_nonnull (imp_inspector_get_feedback (inspector, "metric-current"));
  g_assert_nonnull (strstr (imp_inspector_get_feedback (inspector, "metric-current"),
                            "not a number"));
  g_assert_false (imp_history_can_undo (history));

  /* A real value goes through the history to the model and the card. */
  type_and_apply (inspector, "metric-current", "300");
  g_assert_cmpfloat (impact->metric->current, ==, 300);
  g_assert_null (imp_inspector_get_feedback (inspector, "metric-current"));
  g_assert_true (imp_history_can_undo (history));
  g_assert_cmpfloat_with_epsilon (card_progress (canvas, impact), 0.5, 1e-9);

  /* A target equal to the baseline is refused. */
  type_and_apply (inspector, "metric-target", "540");
  g_assert_cmpfloat (impact->metric->target, ==, 60);
  g_assert_nonnull (strstr (imp_inspector_get_feedback (inspector, "metric-target"),
                            "baseline"));

  /* So is a deadline that is not a date. */
  type_and_apply (inspector, "metric-deadline", "2026-02-30");
  g_assert_cmpstr (impact->metric->deadline, ==, "2026-11-30");
  g_assert_nonnull (imp_inspector_get_feedback (inspector, "metric-deadline"));

  /* Undo puts the model, the field and the card back. */
  g_assert_true (imp_history_undo (history));
  imp_test_drain ();
  g_assert_cmpfloat (impact->metric->current, ==, 310);
  g_assert_cmpstr (field_text (inspector, "metric-current"), ==, "310");
  g_assert_cmpfloat_with_epsilon (card_progress (canvas, impact), 230.0 / 480.0, 1e-9);
  g_assert_false (imp_history_can_undo (history));

  /* ICE: 0 and 11 are refused; 1 to 10 are kept. */
  imp_selection_select (imp_window_get_selection (window), deliverable);
  imp_test_drain ();
  type_and_apply (inspector, "ice-impact", "11");
  g_assert_cmpuint (deliverable->ice.impact, ==, 0);
  g_assert_nonnull (imp_inspector_get_feedback (inspector, "ice-impact"));
  type_and_apply (inspector, "ice-impact", "0");
  g_assert_cmpuint (deliverable->ice.impact, ==, 0);
  g_assert_nonnull (imp_inspector_get_feedback (inspector, "ice-impact"));
  type_and_apply (inspector, "ice-impact", "8");
  type_and_apply (inspector, "ice-confidence", "6");
  type_and_apply (inspector, "ice-ease", "5");
  g_assert_cmpuint (imp_ice_get_score (&deliverable->ice), ==, 240);
  g_assert_true (imp_history_can_undo (history));

  /* Adding an experiment goes through the history too. */
  g_signal_emit_by_name (imp_inspector_get_field (inspector, "add-experiment"), "clicked");
  imp_test_drain ();
  g_assert_cmpuint (deliverable->children->len, >=, 1);
  g_assert_cmpint (imp_node_get_child (deliverable, 0)->level, ==, IMP_LEVEL_EXPERIMENT);

  /* On its own page: a planned experiment has no result yet, and cannot
   * end before it starts. */
  {
    ImpNode *experiment = imp_node_get_child (deliverable, 0);
    GtkWidget *row;

    imp_selection_select (imp_window_get_selection (window), experiment);
    imp_test_drain ();
    row = imp_inspector_get_field (inspector, "exp-status");
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), IMP_EXPERIMENT_DONE);
    imp_test_drain ();
    g_assert_cmpint (experiment->experiment->status, ==, IMP_EXPERIMENT_DONE);
    row = imp_inspector_get_field (inspector, "exp-result");
    g_assert_true (gtk_widget_get_sensitive (row));
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), IMP_RESULT_REFUTES);
    imp_test_drain ();
    g_assert_cmpint (experiment->experiment->result, ==, IMP_RESULT_REFUTES);
    g_assert_cmpint (imp_analysis_get_verdict (deliverable, NULL, NULL), ==,
                     IMP_VERDICT_ELIMINATED);

    type_and_apply (inspector, "exp-start", "2026-10-10");
    type_and_apply (inspector, "exp-end", "2026-10-01");
    g_assert_cmpstr (experiment->experiment->start_date, ==, "2026-10-10");
    g_assert_null (experiment->experiment->end_date);
    g_assert_nonnull (imp_inspector_get_feedback (inspector, "exp-end"));
  }
  while (deliverable->children->len > 0)
    g_assert_true (imp_history_undo (history));

  gtk_window_destroy (GTK_WINDOW (window));
  imp_test_drain ();
}

static void
test_inspector_edits_link (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  ImpWindow *window = imp_window_new (app);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_test_add_card (map, IMP_LEVEL_ACTOR, "Actor", goal);
  ImpLink *link = imp_map_find_link (map, goal, actor);
  ImpInspector *inspector;
  ImpHistory *history;
  GtkWidget *row;

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_test_wait_for_frame (GTK_WIDGET (window));
  history = imp_window_get_history (window);
  inspector = IMP_INSPECTOR (find_child_of_type (GTK_WIDGET (window), IMP_TYPE_INSPECTOR));

  imp_selection_select_link (imp_window_get_selection (window), link);
  imp_test_drain ();
  type_and_apply (inspector, "link-assumption", "Students who get results sooner come back");
  g_assert_cmpstr (link->assumption, ==, "Students who get results sooner come back");

  row = imp_inspector_get_field (inspector, "link-status");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), IMP_LINK_STATUS_REFUTED);
  imp_test_drain ();
  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_REFUTED);

  g_assert_true (imp_history_undo (history));
  imp_test_drain ();
  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_UNTESTED);
  row = imp_inspector_get_field (inspector, "link-status");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                    IMP_LINK_STATUS_UNTESTED);

  /* Map health lists the goal's missing metric first; picking the finding
   * selects the goal and leaves the list in view. */
  imp_inspector_show_page (inspector, "map");
  row = imp_inspector_get_field (inspector, "health-0");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Goal"));
  g_signal_emit_by_name (row, "activated");
  g_assert_true (imp_selection_get_primary (imp_window_get_selection (window)) == goal);
  g_assert_cmpstr (imp_inspector_get_page (inspector), ==, "map");

  /* The vocabulary relabels the inspector. */
  row = imp_inspector_get_field (inspector, "vocabulary");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), IMP_VOCABULARY_FIVE_QUESTIONS);
  imp_test_drain ();
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_FIVE_QUESTIONS);
  row = imp_inspector_get_field (inspector, "title");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_group_get_title (
                     ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row,
                                                                     ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Why");
  g_assert_true (imp_history_undo (history));
  imp_test_drain ();
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_CLASSIC);

  /* Renaming the map is one undoable step too. */
  imp_inspector_show_page (inspector, "map");
  type_and_apply (inspector, "map-title", "Renamed");
  g_assert_cmpstr (imp_map_get_title (map), ==, "Renamed");
  g_assert_true (imp_history_undo (history));

  gtk_window_destroy (GTK_WINDOW (window));
  imp_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!imp_test_has_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();

  g_test_add_func ("/ui/inspector/edits-metric", test_inspector_edits_metric);
  g_test_add_func ("/ui/inspector/edits-link", test_inspector_edits_link);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
