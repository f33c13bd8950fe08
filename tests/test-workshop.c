/* test-workshop.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workshop"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-cards.h"
#include "imp-canvas-a11y.h"
#include "imp-analysis.h"
#include "imp-format.h"
#include "imp-inspector.h"
#include "imp-parking-lot.h"
#include "imp-template-dialog.h"
#include "imp-timebox.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* Workshop mode in a real window (Xvfb in CI): presentation, the reveal,
 * focus, the timebox; none of them may change the document. */

static ImpApplication *app;

static void
activate (ImpWindow  *window,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, param));
  imp_test_drain ();
}

/* Everything shown on the canvas lies inside it, under the column headers,
 * and fills most of it one way or the other: the map was fitted. */
static void
assert_fitted (ImpCanvas *canvas)
{
  ImpViewport *viewport = imp_canvas_get_viewport (canvas);
  ImpScene *scene = imp_canvas_get_scene (canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  double x0, y0, x1, y1;
  ImpRect bounds;

  imp_scene_get_visible_bounds (scene, &bounds);
  imp_viewport_map_to_widget (viewport, bounds.x, bounds.y, &x0, &y0);
  imp_viewport_map_to_widget (viewport, bounds.x + bounds.width, bounds.y + bounds.height,
                              &x1, &y1);

  g_assert_cmpfloat (x0, >=, -1);
  g_assert_cmpfloat (x1, <=, width + 1);
  g_assert_cmpfloat (y0, >=, IMP_CANVAS_HEADER_HEIGHT - 1);
  g_assert_cmpfloat (y1, <=, height + 1);

  /* Centred in the map area... */
  g_assert_cmpfloat (fabs ((x0 + x1) / 2 - width / 2.0), <, 2);
  g_assert_cmpfloat (fabs ((y0 + y1) / 2 - (height + IMP_CANVAS_HEADER_HEIGHT) / 2.0), <, 2);

  /* ...and filling a side of it, unless that would zoom in past 150 %. */
  if (imp_viewport_get_zoom (viewport) < 1.5 - 0.001)
    g_assert_true ((x1 - x0) > 0.8 * width || (y1 - y0) > 0.8 * (height - IMP_CANVAS_HEADER_HEIGHT));
}

static void
card_point (ImpCanvas *canvas,
            ImpNode   *node,
            double    *x,
            double    *y)
{
  ImpRect rect;

  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), node, &rect));
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas), rect.x + rect.width / 2,
                              rect.y + rect.height / 2, x, y);
}

static void
test_presentation (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  g_autofree char *before = imp_format_save_to_data (map, NULL);
  g_autofree char *after = NULL;
  const ImpLevel expected[] = {
    IMP_LEVEL_GOAL, IMP_LEVEL_ACTOR, IMP_LEVEL_IMPACT, IMP_LEVEL_DELIVERABLE, IMP_LEVEL_EXPERIMENT,
  };
  const char *labels[] = {
    "Step 1 of 5: Goal", "Step 2 of 5: Actor", "Step 3 of 5: Impact",
    "Step 4 of 5: Deliverable", "Step 5 of 5: Experiment",
  };
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpThemeKind theme_before = imp_canvas_get_theme_kind (canvas);
  guint n_shown_before = 0;

  /* The inspector is open before, so leaving must bring it back. */
  adw_flap_set_reveal_flap (window->inspector_flap, TRUE);
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) == 1.0);

  activate (window, "win.presentation", NULL);
  g_assert_true (imp_window_get_presenting (window));
  g_assert_false (adw_flap_get_reveal_flap (window->inspector_flap));
  g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, IMP_THEME_PROJECTOR);
  g_assert_false (gtk_widget_get_visible (window->open_button));
  g_assert_true (gtk_widget_get_visible (window->timebox));
  /* Asked of the window system; without a window manager (Xvfb) it may
   * not be granted, so what is checked is that it was not before. */
  g_assert_false (window->was_fullscreen);

  /* Everything selected: the first step keeps only the goal selected. */
  imp_selection_select_all (imp_window_get_selection (window));
  g_assert_cmpuint (imp_selection_get_n_nodes (imp_window_get_selection (window)), ==,
                    imp_map_get_n_nodes (map));

  /* Page Down reveals one level at a time, fitted each time. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ImpScene *scene;
      guint n_shown = 0;

      activate (window, "win.reveal-next", NULL);
      scene = imp_canvas_get_scene (canvas);
      g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, expected[i]);
      g_assert_cmpint (imp_scene_get_reveal_level (scene), ==, expected[i]);
      g_assert_true (gtk_widget_get_visible (window->reveal_label));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==, labels[i]);
      assert_fitted (canvas);

      /* Each step shows more cards than the one before. */
      for (guint j = 0; j < imp_map_get_n_nodes (map); j++)
        if ((int) imp_map_get_node (map, j)->level <= (int) expected[i])
          n_shown++;
      g_assert_cmpuint (n_shown, >, n_shown_before);
      n_shown_before = n_shown;

      /* A card of a hidden level is not there for the pointer either. */
      if (i == 0)
        {
          ImpSelection *selection = imp_window_get_selection (window);
          ImpNode *actor = imp_node_get_child (imp_map_get_node (map, 0), 0);
          ImpRect rect;

          g_assert_cmpuint (imp_selection_get_n_nodes (selection), ==, 1);
          g_assert_true (imp_selection_get_node (selection, 0) == imp_map_get_node (map, 0));

          g_assert_true (imp_scene_get_card_rect (scene, actor, &rect));
          g_assert_null (imp_scene_hit_test (scene, rect.x + rect.width / 2,
                                             rect.y + rect.height / 2));
        }
    }

  /* Page Up steps back; past the last level, the whole map again. */
  activate (window, "win.reveal-previous", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_DELIVERABLE);
  activate (window, "win.reveal-next", NULL);
  activate (window, "win.reveal-next", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, -1);
  g_assert_false (gtk_widget_get_visible (window->reveal_label));

  /* Stopping half-way and leaving shows everything again. */
  activate (window, "win.reveal-next", NULL);
  activate (window, "win.reveal-next", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_ACTOR);

  /* Escape leaves presentation mode. */
  g_assert_true (_imp_window_workshop_step_out (window));
  imp_test_drain ();
  g_assert_false (imp_window_get_presenting (window));
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, -1);
  g_assert_true (adw_flap_get_reveal_flap (window->inspector_flap));
  g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, theme_before);
  g_assert_true (gtk_widget_get_visible (window->open_button));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  /* Nothing more to step out of: Escape goes on to clear the selection. */
  g_assert_false (_imp_window_workshop_step_out (window));

  /* The document never changed. */
  g_assert_false (imp_document_get_modified (window->document));
  g_assert_false (imp_history_can_undo (imp_window_get_history (window)));
  after = imp_format_save_to_data (map, NULL);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses the click gestures over the canvas (on its parent, caught on
 * the way down) in the middle of @level's column name. */
static void
click_header (ImpWindow *window,
              ImpLevel   level)
{
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpScene *scene = imp_canvas_get_scene (canvas);
  GtkWidget *box = gtk_widget_get_parent (window->parking_lot_revealer);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (box);
  gboolean found = FALSE;
  double x = 0, y = IMP_CANVAS_HEADER_HEIGHT / 2, bx, by;

  for (guint i = 0; i < imp_scene_get_n_columns (scene); i++)
    {
      ImpLevel column_level;
      double col_x, col_width;

      imp_scene_get_column (scene, i, &column_level, &col_x, &col_width);
      if (column_level == level)
        {
          imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas), col_x + col_width / 2, 0,
                                      &x, NULL);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (canvas), box, x, y, &bx, &by));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "pressed", 1, bx, by);
    }
  imp_test_drain ();
}

/* Three tiers fold actors away: goal, outcome, output, in three steps. */
static void
test_reveal_three_tiers (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Cut churn by 5 points");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *impact, *deliverable;
  ImpWindow *window;
  ImpCanvas *canvas;

  _imp_map_set_vocabulary (map, IMP_VOCABULARY_THREE_TIERS);
  impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Admins finish set-up in a day", NULL, NULL);
  deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Guided set-up", NULL, NULL);
  g_assert_nonnull (_imp_map_link (map, goal, impact, -1, NULL));
  g_assert_nonnull (_imp_map_link (map, impact, deliverable, -1, NULL));

  window = imp_test_new_window_with_map (app, map);
  canvas = imp_window_get_canvas (window);

  activate (window, "win.reveal-next", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==,
                   "Step 1 of 3: Impact");
  activate (window, "win.reveal-next", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_IMPACT);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==,
                   "Step 2 of 3: Outcome");
  activate (window, "win.reveal-next", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==,
                   "Step 3 of 3: Output");
  assert_fitted (canvas);

  /* A click on a column's name reveals up to it. */
  click_header (window, IMP_LEVEL_GOAL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_GOAL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==,
                   "Step 1 of 3: Impact");
  activate (window, "win.reveal-all", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, -1);
  /* Only while revealing or presenting: otherwise names are just names. */
  click_header (window, IMP_LEVEL_IMPACT);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, -1);
  activate (window, "win.presentation", NULL);
  click_header (window, IMP_LEVEL_IMPACT);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_IMPACT);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==,
                   "Step 2 of 3: Outcome");
  activate (window, "win.presentation", NULL);
  activate (window, "win.reveal-all", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, -1);
  g_assert_cmpint (window->reveal_step, ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_focus (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  g_autofree char *before = imp_format_save_to_data (map, NULL);
  g_autofree char *after = NULL;
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = imp_node_get_child (goal, 1);
  ImpRect bounds, actor_rect, all;

  /* A right click on the card selects it and offers Focus on Branch. */
  {
    GtkWidget *box = gtk_widget_get_parent (window->parking_lot_revealer);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (box);
    GtkWidget *menu = g_object_get_data (G_OBJECT (window), "imp-card-menu");
    double x, y, bx, by;

    card_point (canvas, actor, &x, &y);
    g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (canvas), box, x, y, &bx, &by));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller) &&
            gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
          g_signal_emit_by_name (controller, "pressed", 1, bx, by);
      }
    imp_test_drain ();
    g_assert_true (imp_canvas_get_selected (canvas) == actor);
    g_assert_true (gtk_widget_get_visible (menu));
    gtk_popover_popdown (GTK_POPOVER (menu));
    imp_test_drain ();
  }

  activate (window, "win.focus-branch", NULL);
  g_assert_true (imp_canvas_get_focus (canvas) == actor);
  g_assert_true (imp_scene_get_focus (imp_canvas_get_scene (canvas)) == actor);
  /* Zoomed to the branch: its bounds, smaller than the map's, fill the view. */
  imp_scene_get_visible_bounds (imp_canvas_get_scene (canvas), &bounds);
  imp_scene_get_bounds (imp_canvas_get_scene (canvas), &all);
  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), actor, &actor_rect));
  g_assert_true (imp_rect_intersects (&bounds, &actor_rect));
  g_assert_cmpfloat (bounds.height, <, all.height);
  assert_fitted (canvas);

  /* The focus survives an edit of the map (the scene is rebuilt). */
  imp_history_set_node_title (imp_window_get_history (window), actor, "Teachers and tutors");
  imp_test_drain ();
  g_assert_true (imp_scene_get_focus (imp_canvas_get_scene (canvas)) == actor);
  imp_history_undo (imp_window_get_history (window));
  imp_test_drain ();

  /* Escape steps out of the focus first, and only of it. */
  activate (window, "win.presentation", NULL);
  g_assert_true (_imp_window_workshop_step_out (window));
  g_assert_null (imp_canvas_get_focus (canvas));
  g_assert_null (imp_scene_get_focus (imp_canvas_get_scene (canvas)));
  g_assert_true (imp_window_get_presenting (window));
  g_assert_true (_imp_window_workshop_step_out (window));
  g_assert_false (imp_window_get_presenting (window));

  /* The action too. */
  activate (window, "win.focus-branch", NULL);
  g_assert_true (imp_canvas_get_focus (canvas) == actor);
  activate (window, "win.leave-focus", NULL);
  g_assert_null (imp_canvas_get_focus (canvas));

  after = imp_format_save_to_data (map, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (imp_document_get_modified (window->document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_votes (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  g_autoptr(ImpMap) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = imp_format_save_to_data (map, NULL);
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpNode *deliverable = NULL, *other = NULL;
  guint votes0, other0, total0 = imp_map_get_total_votes (map);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level != IMP_LEVEL_DELIVERABLE)
        continue;
      if (deliverable == NULL)
        deliverable = node;
      else if (other == NULL)
        other = node;
    }
  g_assert_nonnull (other);
  votes0 = deliverable->votes;
  other0 = other->votes;

  /* Three votes on one card, one taken back: two. */
  imp_canvas_set_selected (canvas, deliverable);
  imp_test_drain ();
  activate (window, "win.add-vote", NULL);
  activate (window, "win.add-vote", NULL);
  activate (window, "win.add-vote", NULL);
  activate (window, "win.remove-vote", NULL);
  g_assert_cmpuint (deliverable->votes, ==, votes0 + 2);

  imp_canvas_set_selected (canvas, other);
  imp_test_drain ();
  activate (window, "win.add-vote", NULL);
  g_assert_cmpuint (other->votes, ==, other0 + 1);
  g_assert_cmpuint (imp_map_get_total_votes (map), ==, total0 + 3);

  /* A screen reader hears the votes of the selected card. */
  {
    g_autofree char *description = imp_canvas_describe_selection (map,
                                                                  imp_canvas_get_selection (canvas));
    g_autofree char *expected = g_strdup_printf (other->votes == 1 ? "%u vote" : "%u votes",
                                                 other->votes);

    g_assert_nonnull (strstr (description, expected));
  }
  g_assert_true (imp_document_get_modified (window->document));

  /* The inspector's map page lists what the round voted for, most first. */
  {
    ImpInspector *inspector = IMP_INSPECTOR (window->inspector);
    g_autoptr(GPtrArray) voted = imp_analysis_rank_by_votes (map);
    GtkWidget *row;
    guint n_rows = 0;
    char key[32];

    imp_inspector_show_page (inspector, "map");
    imp_test_drain ();
    for (;;)
      {
        ImpNode *node;

        g_snprintf (key, sizeof key, "voted-%u", n_rows);
        if ((row = imp_inspector_get_field (inspector, key)) == NULL)
          break;

        node = g_ptr_array_index (voted, n_rows);
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                         node->title);
        if (n_rows > 0)
          g_assert_cmpuint (node->votes, <=,
                            ((ImpNode *) g_ptr_array_index (voted, n_rows - 1))->votes);
        n_rows++;
      }
    g_assert_cmpuint (n_rows, ==, voted->len);
    g_assert_true (g_ptr_array_find (voted, deliverable, NULL));
    g_assert_true (g_ptr_array_find (voted, other, NULL));
  }

  /* Saved in the file. */
  saved = imp_format_save_to_data (map, NULL);
  reloaded = imp_format_load_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imp_map_get_total_votes (reloaded), ==, total0 + 3);

  /* Cleared for a new round in one step, which one undo takes back. */
  activate (window, "win.clear-votes", NULL);
  g_assert_cmpuint (imp_map_get_total_votes (map), ==, 0);
  g_assert_null (imp_inspector_get_field (IMP_INSPECTOR (window->inspector), "voted-0"));
  g_assert_true (imp_history_undo (history));
  g_assert_cmpuint (deliverable->votes, ==, votes0 + 2);
  g_assert_cmpuint (other->votes, ==, other0 + 1);

  /* Every vote is its own step: undone, the map saves as before. */
  while (imp_history_can_undo (history))
    imp_history_undo (history);
  after = imp_format_save_to_data (map, NULL);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
focus_is_in (ImpWindow *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
type_idea (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  imp_test_drain ();
}

static ImpNode *
first_of_level (ImpMap   *map,
                ImpLevel  level)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    if (imp_map_get_node (map, i)->level == level)
      return imp_map_get_node (map, i);

  g_assert_not_reached ();
}

/* Whether a label under @widget shows text containing @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The vote budget as a facilitator sets it: the dialog, the dots left in
 * the header bar, a vote past the budget refused with a toast, undo, a
 * new round, and the budget saved with the map. */
static void
test_vote_budget (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  g_autoptr(ImpMap) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  AdwMessageDialog *dialog;
  GtkSpinButton *participants, *dots;
  ImpNode *deliverable = NULL;
  guint total0 = imp_map_get_total_votes (map);
  guint p = 0, d = 0;

  for (guint i = 0; i < imp_map_get_n_nodes (map) && deliverable == NULL; i++)
    if (imp_map_get_node (map, i)->level == IMP_LEVEL_DELIVERABLE)
      deliverable = imp_map_get_node (map, i);
  g_assert_nonnull (deliverable);
  g_assert_false (gtk_widget_get_visible (window->dots_label));

  /* Budget for the votes already cast and two more. */
  activate (window, "win.vote-budget", NULL);
  dialog = g_object_get_data (G_OBJECT (window), "imp-vote-budget-dialog");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  imp_test_wait_for_mapped (GTK_WIDGET (dialog));
  participants = g_object_get_data (G_OBJECT (dialog), "imp-participants");
  dots = g_object_get_data (G_OBJECT (dialog), "imp-dots");
  /* Typed into the fields, as a user does, and answered at once. */
  {
    g_autofree char *typed = g_strdup_printf ("%u", total0 + 2);

    gtk_editable_set_text (GTK_EDITABLE (participants), typed);
    gtk_editable_set_text (GTK_EDITABLE (dots), "1");
  }
  adw_message_dialog_response (dialog, "set");
  imp_test_drain ();
  g_assert_true (imp_map_get_vote_budget (map, &p, &d));
  g_assert_cmpuint (p, ==, total0 + 2);
  g_assert_cmpuint (d, ==, 1);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Set Vote Budget");
  g_assert_true (gtk_widget_get_visible (window->dots_label));
  {
    g_autofree char *want = g_strdup_printf ("2 of %u dots left", total0 + 2);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->dots_label)), ==, want);
  }

  imp_canvas_set_selected (canvas, deliverable);
  imp_test_drain ();
  activate (window, "win.add-vote", NULL);
  activate (window, "win.add-vote", NULL);
  g_assert_cmpint (imp_map_get_dots_left (map), ==, 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (window->dots_label)),
                                   "0 of "));

  /* Past the budget: refused, said so, nothing to undo. */
  {
    guint n_undo = imp_history_get_n_undo (history);

    activate (window, "win.add-vote", NULL);
    g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo);
    g_assert_cmpuint (imp_map_get_total_votes (map), ==, total0 + 2);
    imp_test_wait_for (shows_label (GTK_WIDGET (window), "No dots left"));
  }

  /* Undo gives a dot back; the header bar follows. */
  g_assert_true (imp_history_undo (history));
  imp_test_drain ();
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (window->dots_label)),
                                   "1 of "));

  /* Saved with the map. */
  saved = imp_format_save_to_data (map, NULL);
  reloaded = imp_format_load_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_true (imp_map_get_vote_budget (reloaded, &p, &d));
  g_assert_cmpuint (p * d, ==, total0 + 2);

  /* Clearing starts a new round with the whole budget. */
  activate (window, "win.clear-votes", NULL);
  g_assert_cmpint (imp_map_get_dots_left (map), ==, (int) (total0 + 2));

  /* No budget: the label goes. */
  activate (window, "win.vote-budget", NULL);
  dialog = g_object_get_data (G_OBJECT (window), "imp-vote-budget-dialog");
  adw_message_dialog_response (dialog, "remove");
  imp_test_drain ();
  g_assert_false (imp_map_get_vote_budget (map, NULL, NULL));
  g_assert_false (gtk_widget_get_visible (window->dots_label));

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_parking_lot (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  g_autoptr(ImpMap) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *before_place = NULL;
  g_autofree char *after_undo = NULL;
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpParkingLot *lot = IMP_PARKING_LOT (window->parking_lot);
  GtkWidget *entry = imp_parking_lot_get_entry (lot);
  ImpNode *impact, *experiment, *node, *lowest = NULL;
  guint n_nodes = imp_map_get_n_nodes (map);
  guint n0 = imp_map_get_n_parked (map);
  double x, y;

  /* Ctrl+Shift+P opens the tray with the focus in its entry. */
  activate (window, "win.toggle-parking-lot", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (window->parking_lot_revealer)));
  g_assert_true (focus_is_in (window, entry));

  /* Enter parks the idea, empties the entry and keeps the focus there. */
  type_idea (entry, "Parent newsletter");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (focus_is_in (window, entry));
  type_idea (entry, "  Peer marking  ");
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 2);
  g_assert_cmpstr (imp_map_get_parked (map, n0 + 1), ==, "Peer marking");
  g_assert_cmpuint (imp_parking_lot_get_n_rows (lot), ==, n0 + 2);

  /* An empty idea is refused and stays in the entry. */
  type_idea (entry, "   ");
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 2);

  /* Kept with the map: saved and read back. */
  saved = imp_format_save_to_data (map, NULL);
  reloaded = imp_format_load_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imp_map_get_n_parked (reloaded), ==, n0 + 2);
  g_assert_cmpstr (imp_map_get_parked (reloaded, n0), ==, "Parent newsletter");
  g_assert_cmpstr (imp_map_get_parked (reloaded, n0 + 1), ==, "Peer marking");

  /* Dropped on an impact: a deliverable under it, in one undo step. */
  before_place = imp_format_save_to_data (map, NULL);
  impact = first_of_level (map, IMP_LEVEL_IMPACT);
  card_point (canvas, impact, &x, &y);
  node = _imp_window_workshop_place_parked (window, n0, x, y, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpint (node->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_cmpstr (node->title, ==, "Parent newsletter");
  g_assert_true (imp_node_get_tree_parent (node) == impact);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 1);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, n_nodes + 1);
  imp_test_drain ();
  g_assert_cmpuint (imp_parking_lot_get_n_rows (lot), ==, n0 + 1);

  g_assert_true (imp_history_undo (history));
  imp_test_drain ();
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, n_nodes);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 2);
  g_assert_cmpuint (imp_parking_lot_get_n_rows (lot), ==, n0 + 2);
  after_undo = imp_format_save_to_data (map, NULL);
  g_assert_cmpstr (after_undo, ==, before_place);

  /* Dropped in an empty part of the deliverable column, below every card:
   * under the lowest impact, the nearest card of the column to the left. */
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *n = imp_map_get_node (map, i);
      ImpRect a, b;

      if (n->level != IMP_LEVEL_IMPACT)
        continue;
      if (lowest != NULL)
        {
          imp_scene_get_card_rect (imp_canvas_get_scene (canvas), n, &a);
          imp_scene_get_card_rect (imp_canvas_get_scene (canvas), lowest, &b);
          if (a.y <= b.y)
            continue;
        }
      lowest = n;
    }
  {
    ImpScene *scene = imp_canvas_get_scene (canvas);
    ImpRect bounds;
    ImpLevel level;
    double col_x = 0, col_width = 0;

    imp_scene_get_bounds (scene, &bounds);
    for (guint i = 0; i < imp_scene_get_n_columns (scene); i++)
      {
        imp_scene_get_column (scene, i, &level, &col_x, &col_width);
        if (level == IMP_LEVEL_DELIVERABLE)
          break;
      }
    g_assert_cmpint (level, ==, IMP_LEVEL_DELIVERABLE);
    imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas), col_x + col_width / 2,
                                bounds.y + bounds.height + 40, &x, &y);
  }
  node = _imp_window_workshop_place_parked (window, n0 + 1, x, y, &error);
  g_assert_no_error (error);
  g_assert_cmpint (node->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_cmpstr (node->title, ==, "Peer marking");
  g_assert_true (imp_node_get_tree_parent (node) == lowest);
  g_assert_true (imp_history_undo (history));

  /* Refused, with a reason, and nothing changes: on an experiment (the
   * last level), and far outside every column. */
  experiment = first_of_level (map, IMP_LEVEL_EXPERIMENT);
  card_point (canvas, experiment, &x, &y);
  g_assert_null (_imp_window_workshop_place_parked (window, 0, x, y, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    ImpRect bounds;

    imp_scene_get_bounds (imp_canvas_get_scene (canvas), &bounds);
    imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                                bounds.x + bounds.width + 1000, bounds.y + 10, &x, &y);
  }
  g_assert_null (_imp_window_workshop_place_parked (window, 0, x, y, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 2);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, n_nodes);

  /* Removing an idea is undoable too. */
  imp_history_remove_parked (history, 0);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 1);
  g_assert_true (imp_history_undo (history));
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n0 + 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
map_has_level (ImpMap   *map,
               ImpLevel  level)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    if (imp_map_get_node (map, i)->level == level)
      return TRUE;

  return FALSE;
}

static void
test_templates (void)
{
  const struct {
    ImpTemplate   template_;
    ImpVocabulary vocabulary;
    gboolean      actors;
    gboolean      experiments;
  } cases[] = {
    { IMP_TEMPLATE_FOUR_LEVEL, IMP_VOCABULARY_CLASSIC, TRUE, FALSE },
    { IMP_TEMPLATE_FIVE_LEVEL, IMP_VOCABULARY_FIVE_QUESTIONS, TRUE, TRUE },
    { IMP_TEMPLATE_THREE_TIER, IMP_VOCABULARY_THREE_TIERS, FALSE, FALSE },
  };
  g_auto(GStrv) examples = imp_template_dialog_list_examples ();
  g_autoptr(ImpMap) parent_map = imp_map_new_with_goal ("New goal");
  ImpWindow *parent = imp_test_new_window_with_map (app, parent_map);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpTemplateDialog *dialog = imp_template_dialog_new (parent);
      ImpWindow *window;
      ImpMap *map;

      gtk_window_present (GTK_WINDOW (dialog));
      window = imp_template_dialog_choose_template (dialog, cases[i].template_);
      map = imp_window_get_map (window);
      g_assert_nonnull (map);
      g_assert_null (imp_window_get_file (window));
      g_assert_cmpint (imp_map_get_vocabulary (map), ==, cases[i].vocabulary);
      g_assert_true (map_has_level (map, IMP_LEVEL_GOAL));
      g_assert_true (map_has_level (map, IMP_LEVEL_IMPACT));
      g_assert_true (map_has_level (map, IMP_LEVEL_DELIVERABLE));
      g_assert_cmpint (map_has_level (map, IMP_LEVEL_ACTOR), ==, cases[i].actors);
      g_assert_cmpint (map_has_level (map, IMP_LEVEL_EXPERIMENT), ==, cases[i].experiments);
      if (window != parent)
        gtk_window_destroy (GTK_WINDOW (window));
      imp_test_drain ();
    }

  /* The examples open as untitled copies; the example files stay as they were. */
  g_assert_nonnull (examples);
  g_assert_cmpuint (g_strv_length (examples), >=, 3);
  for (guint i = 0; examples[i] != NULL; i++)
    {
      ImpTemplateDialog *dialog = imp_template_dialog_new (parent);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) example = imp_format_load_path (examples[i], &error);
      g_autofree char *bytes_before = NULL;
      g_autofree char *bytes_after = NULL;
      ImpWindow *window;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (examples[i], &bytes_before, NULL, NULL));
      window = imp_template_dialog_choose_example (dialog, examples[i], &error);
      g_assert_no_error (error);
      g_assert_null (imp_window_get_file (window));
      g_assert_cmpstr (imp_map_get_title (imp_window_get_map (window)), ==,
                       imp_map_get_title (example));
      g_assert_cmpuint (imp_map_get_n_nodes (imp_window_get_map (window)), ==,
                        imp_map_get_n_nodes (example));
      g_assert_true (g_file_get_contents (examples[i], &bytes_after, NULL, NULL));
      g_assert_cmpstr (bytes_after, ==, bytes_before);
      if (window != parent)
        gtk_window_destroy (GTK_WINDOW (window));
      imp_test_drain ();
    }

  gtk_window_destroy (GTK_WINDOW (parent));
}

/* Real key presses through xdotool, the main loop running meanwhile. */
static void
press_keys (ImpWindow  *window,
            const char *key,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "30");
  va_start (ap, key);
  for (const char *k = key; k != NULL; k = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) k);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  imp_test_xdotool (GTK_WINDOW (window), (const char *const *) args->pdata, 0);
}

/* What the keys are bound to, pressed for real: votes, presentation,
 * reveal, focus and the order in which Escape steps out. */
static void
test_real_keys (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  ImpWindow *window;
  ImpCanvas *canvas;
  ImpSelection *selection;
  ImpNode *deliverable;
  guint votes0, parked0 = imp_map_get_n_parked (map);

  if (xdotool_path == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  window = imp_test_new_window_with_map (app, map);
  canvas = imp_window_get_canvas (window);
  selection = imp_window_get_selection (window);
  deliverable = first_of_level (map, IMP_LEVEL_DELIVERABLE);
  votes0 = deliverable->votes;
  imp_canvas_set_selected (canvas, deliverable);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));

  /* + and = vote, - takes one back; none of them starts renaming. */
  press_keys (window, "plus", "equal", "plus", "minus", NULL);
  imp_test_wait_for (deliverable->votes == votes0 + 2);
  imp_test_wait_for (!(imp_canvas_is_editing (canvas)));

  /* F5, two steps of the reveal, Escape: back to the whole map. */
  press_keys (window, "F5", "Next", "Next", NULL);
  imp_test_wait_for (imp_window_get_presenting (window));
  imp_test_wait_for (imp_canvas_get_reveal_level (canvas) == IMP_LEVEL_ACTOR);
  press_keys (window, "Prior", NULL);
  imp_test_wait_for (imp_canvas_get_reveal_level (canvas) == IMP_LEVEL_GOAL);
  press_keys (window, "Escape", NULL);
  imp_test_wait_for (!(imp_window_get_presenting (window)));
  imp_test_wait_for (imp_canvas_get_reveal_level (canvas) == -1);

  /* Focus, presenting: Escape leaves the focus, then presentation mode,
   * then clears the selection. */
  imp_canvas_set_selected (canvas, deliverable);
  press_keys (window, "ctrl+shift+f", "F5", NULL);
  imp_test_wait_for (imp_canvas_get_focus (canvas) == deliverable);
  imp_test_wait_for (imp_window_get_presenting (window));
  press_keys (window, "Escape", NULL);
  imp_test_wait_for (imp_canvas_get_focus (canvas) == NULL);
  imp_test_wait_for (imp_window_get_presenting (window));
  imp_test_wait_for (imp_selection_get_primary (selection) == deliverable);
  press_keys (window, "Escape", NULL);
  imp_test_wait_for (!(imp_window_get_presenting (window)));
  imp_test_wait_for (imp_selection_get_primary (selection) == deliverable);
  press_keys (window, "Escape", NULL);
  imp_test_wait_for (imp_selection_is_empty (selection));

  /* Ctrl+Shift+P, an idea, Enter, the next; Escape goes back to the map. */
  press_keys (window, "ctrl+shift+p", NULL);
  press_keys (window, "I", "d", "e", "a", "Return", "N", "e", "x", "t", "Return", NULL);
  imp_test_wait_for (imp_map_get_n_parked (map) == parked0 + 2);
  g_assert_cmpstr (imp_map_get_parked (map, parked0), ==, "Idea");
  g_assert_cmpstr (imp_map_get_parked (map, parked0 + 1), ==, "Next");
  /* Page Down while typing an idea is the entry's, not a reveal step. */
  press_keys (window, "Next", NULL);
  imp_test_wait_for (imp_canvas_get_reveal_level (canvas) == -1);
  press_keys (window, "Escape", NULL);
  imp_test_wait_for (imp_canvas_has_map_focus (canvas));
  /* On the map it steps the reveal as before. */
  press_keys (window, "Next", NULL);
  imp_test_wait_for (imp_canvas_get_reveal_level (canvas) == IMP_LEVEL_GOAL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
test_timebox (void)
{
  ImpTimebox *timebox = IMP_TIMEBOX (g_object_ref_sink (imp_timebox_new ()));

  fake_now = 1000 * G_USEC_PER_SEC;
  imp_timebox_set_clock_func (timebox, fake_clock, NULL);

  /* Set: idle, showing the whole round. */
  imp_timebox_set_duration (timebox, 5 * 60);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_IDLE);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 300);

  /* Start, and the clock moves: 90 s later, 3:30 left. */
  imp_timebox_start (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_RUNNING);
  fake_now += 90 * G_USEC_PER_SEC;
  imp_timebox_tick (timebox);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 210);

  /* Paused, time passing does not count. */
  imp_timebox_pause (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_PAUSED);
  fake_now += 600 * G_USEC_PER_SEC;
  imp_timebox_tick (timebox);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 210);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (timebox), "expired"));

  /* Resumed; half a second short of zero is still running (shows 0:01). */
  imp_timebox_start (timebox);
  fake_now += 209 * G_USEC_PER_SEC + G_USEC_PER_SEC / 2;
  imp_timebox_tick (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_RUNNING);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 1);

  /* Zero: expired, with the visual cue. */
  fake_now += G_USEC_PER_SEC;
  imp_timebox_tick (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_EXPIRED);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (timebox), "expired"));

  /* Reset: the whole round again, no cue. */
  imp_timebox_reset (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_IDLE);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 300);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (timebox), "expired"));

  /* Starting after time is up starts a new round. */
  imp_timebox_start (timebox);
  fake_now += 301 * G_USEC_PER_SEC;
  imp_timebox_tick (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_EXPIRED);
  imp_timebox_start (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_RUNNING);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 300);

  /* A new duration resets. */
  imp_timebox_set_duration (timebox, 15 * 60);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_IDLE);
  g_assert_cmpuint (imp_timebox_get_remaining (timebox), ==, 900);

  g_object_unref (timebox);
}

/* While levels are revealed one by one, the arrow keys never select a
 * card still hidden: keys would then rename, vote on or delete it unseen. */
static void
test_reveal_arrow_keys (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpSelection *selection = imp_canvas_get_selection (imp_window_get_canvas (window));
  ImpNode *goal = imp_map_get_node (map, 0);

  g_assert_cmpint (goal->level, ==, IMP_LEVEL_GOAL);
  activate (window, "win.reveal-next", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (imp_window_get_canvas (window)), ==,
                   IMP_LEVEL_GOAL);

  imp_selection_select (selection, goal);
  activate (window, "win.select", g_variant_new_string ("right"));
  g_assert_true (imp_selection_get_primary (selection) == goal);

  /* Once actors are shown, Right goes to one. */
  activate (window, "win.reveal-next", NULL);
  activate (window, "win.select", g_variant_new_string ("right"));
  g_assert_cmpint (imp_selection_get_primary (selection)->level, ==, IMP_LEVEL_ACTOR);

  /* Select All takes what is shown: the goal and its actors, nothing deeper. */
  activate (window, "win.select-all", NULL);
  {
    GPtrArray *nodes = imp_selection_get_nodes (selection);
    guint n_shown = 0;

    for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
      if (imp_map_get_node (map, i)->level <= IMP_LEVEL_ACTOR)
        n_shown++;
    g_assert_cmpuint (nodes->len, ==, n_shown);
    g_assert_cmpuint (n_shown, <, imp_map_get_n_nodes (map));
    for (guint i = 0; i < nodes->len; i++)
      g_assert_cmpint (((ImpNode *) g_ptr_array_index (nodes, i))->level, <=, IMP_LEVEL_ACTOR);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A child added with Tab while its level is still hidden brings that
 * level into view: the card being named is never an invisible one. */
static void
test_reveal_new_child_shown (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpSelection *selection = imp_canvas_get_selection (canvas);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *child;
  ImpRect rect;

  activate (window, "win.reveal-next", NULL);
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_GOAL);
  imp_selection_select (selection, goal);

  activate (window, "win.add-child", NULL);
  child = imp_selection_get_primary (selection);
  g_assert_nonnull (child);
  g_assert_cmpint (child->level, ==, IMP_LEVEL_ACTOR);
  g_assert_true (imp_canvas_is_editing (canvas));
  g_assert_cmpint (imp_canvas_get_reveal_level (canvas), ==, IMP_LEVEL_ACTOR);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window->reveal_label)), ==,
                   "Step 2 of 5: Actor");
  /* Shown: a hidden card is never hit. */
  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), child, &rect));
  g_assert_true (imp_scene_hit_test (imp_canvas_get_scene (canvas), rect.x + rect.width / 2,
                                     rect.y + rect.height / 2) == child);

  imp_canvas_stop_editing (canvas, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/ui/workshop/presentation", test_presentation);
  g_test_add_func ("/ui/workshop/reveal-three-tiers", test_reveal_three_tiers);
  g_test_add_func ("/ui/workshop/focus", test_focus);
  g_test_add_func ("/ui/workshop/votes", test_votes);
  g_test_add_func ("/ui/workshop/vote-budget", test_vote_budget);
  g_test_add_func ("/ui/workshop/parking-lot", test_parking_lot);
  g_test_add_func ("/ui/workshop/templates", test_templates);
  g_test_add_func ("/ui/workshop/real-keys", test_real_keys);
  g_test_add_func ("/ui/workshop/timebox", test_timebox);
  g_test_add_func ("/ui/workshop/reveal-arrow-keys", test_reveal_arrow_keys);
  g_test_add_func ("/ui/workshop/reveal-new-child-shown", test_reveal_new_child_shown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
