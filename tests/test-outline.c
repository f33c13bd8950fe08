/* test-outline.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-outline"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-cards.h"
#include "imp-node.h"
#include "imp-outline-view.h"
#include "imp-window.h"
#include "imp-window-outline.h"
#include "imp-window-private.h"
#include "imp-map-private.h"

#include "imp-test-utils.h"

/* The outline panel (issue 23): the map as a tree, kept in step with the
 * canvas both ways, driven with real keys where a user would type. */

static ImpApplication *app;

/* Presses the keys named in a string, spaces between (imp-test-utils.h). */
#define press imp_test_press

static gboolean
can_send_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return FALSE;
    }

  return TRUE;
}

static ImpNode *
find_titled (ImpMap     *map,
             const char *title)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    if (g_strcmp0 (imp_map_get_node (map, i)->title, title) == 0)
      return imp_map_get_node (map, i);

  return NULL;
}

static guint
row_of (ImpOutlineView *outline,
        ImpNode        *node)
{
  for (guint i = 0; i < imp_outline_view_get_n_rows (outline); i++)
    if (imp_outline_view_get_row_node (outline, i) == node)
      return i;

  return G_MAXUINT;
}

/* One row per card in tree order; the selection both ways; expanding and
 * collapsing both ways, each an undoable step. */
static void
test_follows_map (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpOutlineView *outline = imp_window_get_outline (window);
  ImpSelection *selection = imp_window_get_selection (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *students = find_titled (map, "Students");
  ImpNode *teachers = find_titled (map, "Teachers");
  guint n_undo;

  g_assert_nonnull (outline);
  g_assert_false (imp_window_get_outline_shown (window));
  /* Hidden, it follows nothing. */
  g_assert_cmpuint (imp_outline_view_get_n_rows (outline), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-outline", NULL);
  g_assert_true (imp_window_get_outline_shown (window));
  g_assert_cmpuint (imp_outline_view_get_n_rows (outline), ==, imp_map_get_n_nodes (map));
  g_assert_true (imp_outline_view_get_row_node (outline, 0) == goal);
  g_assert_true (imp_outline_view_get_row_node (outline, 1) == students);
  imp_test_wait_for_focus (imp_outline_view_get_list_view (outline));

  /* Selected on the canvas, selected in the outline, and back. */
  imp_selection_select (selection, teachers);
  g_assert_true (imp_outline_view_get_selected_node (outline) == teachers);
  imp_outline_view_select_row (outline, row_of (outline, students));
  g_assert_true (imp_selection_get_primary (selection) == students);

  /* Closing a row collapses the card, one step of the history; the canvas
   * hides what is under it. */
  n_undo = imp_history_get_n_undo (history);
  imp_outline_view_set_row_expanded (outline, row_of (outline, students), FALSE);
  g_assert_true (students->collapsed);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpuint (imp_outline_view_get_n_rows (outline), ==,
                    imp_map_get_n_nodes (map) - 10);
  g_assert_null (imp_canvas_get_card_widget (imp_window_get_canvas (window),
                                             imp_node_get_child (students, 0)));

  /* Undo expands it again, in the outline too. */
  imp_history_undo (history);
  g_assert_false (students->collapsed);
  g_assert_cmpuint (imp_outline_view_get_n_rows (outline), ==, imp_map_get_n_nodes (map));

  /* A title edit shows; a new card gets its row. */
  imp_history_set_node_title (history, teachers, "Class teachers");
  g_assert_true (imp_outline_view_get_row_node (outline, row_of (outline, teachers)) == teachers);
  imp_history_add_node (history, teachers, -1, IMP_LEVEL_IMPACT, "Mark faster", NULL);
  g_assert_cmpuint (imp_outline_view_get_n_rows (outline), ==, imp_map_get_n_nodes (map));

  /* A row dropped on another: the card goes under it, one undo step; a
   * drop against the level rule is refused with a reason. */
  {
    ImpNode *impact = imp_node_get_child (students, 0);
    g_autoptr(GError) error = NULL;

    n_undo = imp_history_get_n_undo (history);
    g_assert_true (imp_outline_view_move_under (outline, impact, teachers, &error));
    g_assert_no_error (error);
    g_assert_true (imp_node_get_tree_parent (impact) == teachers);
    g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 1);
    /* Its row is now among Teachers' rows, before the next actor's. */
    g_assert_cmpuint (row_of (outline, impact), >, row_of (outline, teachers));
    g_assert_cmpuint (row_of (outline, impact), <, row_of (outline, find_titled (map, "School admins")));
    imp_history_undo (history);
    g_assert_true (imp_node_get_tree_parent (impact) == students);

    g_assert_false (imp_outline_view_move_under (outline, teachers, impact, &error));
    g_assert_nonnull (error);
    g_assert_true (imp_node_get_tree_parent (teachers) == goal);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-outline", NULL);
  g_assert_false (imp_window_get_outline_shown (window));
  imp_test_wait_for (imp_canvas_has_map_focus (imp_window_get_canvas (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard alone: F8 opens it, the arrows walk and fold it, F2 renames
 * in place, Tab adds a card under the selected one, Delete removes it,
 * Alt+Down moves a card down among its siblings. */
static void
test_keys (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("edtech-weekly-learners.impactmap");
  ImpWindow *window;
  ImpOutlineView *outline;
  ImpSelection *selection;
  ImpNode *goal, *students, *teachers;
  guint n_nodes;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  outline = imp_window_get_outline (window);
  selection = imp_window_get_selection (window);
  goal = imp_map_get_node (map, 0);
  students = find_titled (map, "Students");
  teachers = find_titled (map, "Teachers");
  gtk_widget_grab_focus (GTK_WIDGET (imp_window_get_canvas (window)));

  press (GTK_WINDOW (window), "F8");
  imp_test_wait_for (imp_window_get_outline_shown (window));
  imp_test_wait_for_focus (imp_outline_view_get_list_view (outline));

  /* Down walks the rows; the canvas selects with it. */
  press (GTK_WINDOW (window), "Down");
  imp_test_wait_for (imp_selection_get_primary (selection) == goal);
  press (GTK_WINDOW (window), "Down");
  imp_test_wait_for (imp_selection_get_primary (selection) == students);

  /* Left folds the row, and the card; Right unfolds it. */
  press (GTK_WINDOW (window), "Left");
  imp_test_wait_for (students->collapsed);
  press (GTK_WINDOW (window), "Right");
  imp_test_wait_for (!students->collapsed);

  /* F2 renames in place; Escape keeps the old title, Enter the new one. */
  press (GTK_WINDOW (window), "F2");
  press (GTK_WINDOW (window), "P u p i l s Escape");
  imp_test_wait_for_focus (imp_outline_view_get_list_view (outline));
  g_assert_cmpstr (students->title, ==, "Students");
  press (GTK_WINDOW (window), "F2");
  press (GTK_WINDOW (window), "P u p i l s Return");
  imp_test_wait_for (g_strcmp0 (students->title, "Pupils") == 0);

  /* Alt+Down moves the card below its next sibling. */
  press (GTK_WINDOW (window), "alt+Down");
  imp_test_wait_for (imp_node_get_child (goal, 1) == students);
  g_assert_true (imp_node_get_child (goal, 0) == teachers);

  /* Tab adds a card under it (the canvas names it); Delete removes one. */
  n_nodes = imp_map_get_n_nodes (map);
  gtk_widget_grab_focus (imp_outline_view_get_list_view (outline));
  imp_selection_select (selection, teachers);
  press (GTK_WINDOW (window), "Tab");
  imp_test_wait_for (imp_map_get_n_nodes (map) == n_nodes + 1);
  imp_canvas_stop_editing (imp_window_get_canvas (window), TRUE);
  gtk_widget_grab_focus (imp_outline_view_get_list_view (outline));
  imp_test_wait_for (imp_outline_view_get_n_rows (outline) == n_nodes + 1);
  press (GTK_WINDOW (window), "Delete");
  imp_test_wait_for (imp_map_get_n_nodes (map) == n_nodes);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A map of 10,000 cards: the outline opens on it and has a row for each. */
static void
test_big_map (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpWindow *window;
  ImpOutlineView *outline;
  ImpNode *last = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *title = g_strdup_printf ("Actor %u", i);
      ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, title, NULL, NULL);

      g_assert_nonnull (_imp_map_link (map, goal, actor, -1, NULL));
      for (guint j = 0; j < 99; j++)
        {
          g_autofree char *name = g_strdup_printf ("Impact %u.%u", i, j);

          last = _imp_map_add_node (map, IMP_LEVEL_IMPACT, name, NULL, NULL);
          g_assert_nonnull (_imp_map_link (map, actor, last, -1, NULL));
        }
    }
  window = imp_test_new_window_with_map (app, map);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 10001);

  outline = imp_window_get_outline (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-outline", NULL);
  g_assert_cmpuint (imp_outline_view_get_n_rows (outline), ==, 10001);
  imp_selection_select (imp_window_get_selection (window), last);
  g_assert_true (imp_outline_view_get_selected_node (outline) == last);
  imp_test_wait_for_frame (GTK_WIDGET (imp_window_get_canvas (window)));

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

  g_test_add_func ("/ui/outline/follows-map", test_follows_map);
  g_test_add_func ("/ui/outline/keys", test_keys);
  g_test_add_func ("/ui/outline/big-map", test_big_map);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
