/* test-window-layout.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layouts in the window: switching from the menu's action and the
 * header-bar control, undoing the switch, and the arrow keys following the
 * layout, with real key presses. */

#define G_LOG_DOMAIN "test-window-layout"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-scene.h"
#include "imp-window.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"

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

static ImpLayoutKind
canvas_layout (ImpWindow *window)
{
  return imp_layout_get_kind (imp_scene_get_layout (imp_canvas_get_scene (
    imp_window_get_canvas (window))));
}

static ImpLayoutKind
window_layout (ImpWindow *window)
{
  ImpLayoutKind kind;

  g_object_get (window, "layout", &kind, NULL);

  return kind;
}

/* A menu model holds a win.layout item for @target. */
static gboolean
menu_has_layout (GMenuModel *model,
                 const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *value = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.layout") &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &value) &&
          g_str_equal (value, target))
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) child = g_menu_link_iter_get_value (links);

          if (menu_has_layout (child, target))
            return TRUE;
        }
    }

  return FALSE;
}

static void
find_layout_menus (GtkWidget *widget,
                   guint     *primary,
                   guint     *other)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) &&
      menu_has_layout (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), "balanced"))
    {
      if (gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
        (*primary)++;
      else
        (*other)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_layout_menus (child, primary, other);
}

/* The main menu and a header-bar button of their own offer the three
 * layouts; choosing one redraws the map in it, one undo step; undo and redo
 * bring the layouts back and the control follows. */
static void
test_switch_and_undo (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpHistory *history = imp_window_get_history (window);
  guint primary = 0, other = 0;
  guint notified = 0;

  imp_test_wait_for_mapped (GTK_WIDGET (window));
  find_layout_menus (GTK_WIDGET (window), &primary, &other);
  g_assert_cmpuint (primary, ==, 1);
  g_assert_cmpuint (other, ==, 1);

  g_assert_cmpint (window_layout (window), ==, IMP_LAYOUT_RIGHT);
  g_assert_cmpint (canvas_layout (window), ==, IMP_LAYOUT_RIGHT);
  g_assert_false (imp_history_can_undo (history));
  imp_test_count_signal (window, "notify::layout", &notified);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "balanced");
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_BALANCED);
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_BALANCED);
  g_assert_cmpint (window_layout (window), ==, IMP_LAYOUT_BALANCED);
  g_assert_cmpuint (notified, >=, 1);
  g_assert_true (imp_history_can_undo (history));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "down");
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_DOWN);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_BALANCED);
  g_assert_cmpint (window_layout (window), ==, IMP_LAYOUT_BALANCED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_RIGHT);
  g_assert_false (imp_history_can_undo (history));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_BALANCED);

  gtk_window_destroy (GTK_WINDOW (window));
}

static ImpNode *
primary (ImpWindow *window)
{
  return imp_selection_get_primary (imp_window_get_selection (window));
}

static int
side_of (ImpWindow *window,
         ImpNode   *node)
{
  return imp_layout_get_side (imp_scene_get_layout (imp_canvas_get_scene (
    imp_window_get_canvas (window))), node);
}

/* In a balanced map the arrows go the way the cards are drawn: from the
 * goal Left to a branch on its left and Right to one on its right; on the
 * left side Left goes on to a child and Right back to the parent; Up and
 * Down stay among the siblings on one side. */
static void
test_arrows_balanced (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window;
  ImpNode *goal = imp_map_lookup_node (map, "n1");
  ImpNode *left_actor, *right_actor, *impact, *sibling;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "balanced");
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_BALANCED);
  gtk_widget_grab_focus (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_test_wait_for_focus (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_selection_select (imp_window_get_selection (window), goal);

  press (GTK_WINDOW (window), "Left");
  imp_test_wait_for (primary (window) != goal);
  left_actor = primary (window);
  g_assert_true (imp_node_get_tree_parent (left_actor) == goal);
  g_assert_cmpint (side_of (window, left_actor), ==, -1);

  /* Further left: a child of the actor, on the left too. */
  press (GTK_WINDOW (window), "Left");
  imp_test_wait_for (primary (window) != left_actor);
  impact = primary (window);
  g_assert_true (imp_node_get_tree_parent (impact) == left_actor);
  g_assert_cmpint (side_of (window, impact), ==, -1);

  /* Right goes back towards the goal, then over to the right side. */
  press (GTK_WINDOW (window), "Right");
  imp_test_wait_for (primary (window) == left_actor);
  press (GTK_WINDOW (window), "Right");
  imp_test_wait_for (primary (window) == goal);
  press (GTK_WINDOW (window), "Right");
  imp_test_wait_for (primary (window) != goal);
  right_actor = primary (window);
  g_assert_true (imp_node_get_tree_parent (right_actor) == goal);
  g_assert_cmpint (side_of (window, right_actor), ==, 1);
  press (GTK_WINDOW (window), "Right");
  imp_test_wait_for (primary (window) != right_actor);
  g_assert_true (imp_node_get_tree_parent (primary (window)) == right_actor);
  press (GTK_WINDOW (window), "Left");
  imp_test_wait_for (primary (window) == right_actor);

  /* Down moves to the next actor on the same side, never across. */
  press (GTK_WINDOW (window), "Down");
  imp_test_wait_for (primary (window) != right_actor);
  sibling = primary (window);
  g_assert_true (imp_node_get_tree_parent (sibling) == goal);
  g_assert_cmpint (side_of (window, sibling), ==, 1);
  press (GTK_WINDOW (window), "Up");
  imp_test_wait_for (primary (window) == right_actor);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Top-down: Down to a child, Up to the parent, Left and Right along the
 * siblings, Alt+Right moves a card after its next sibling (one undo step). */
static void
test_arrows_down (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window;
  ImpNode *goal = imp_map_lookup_node (map, "n1");
  ImpNode *first, *second;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "down");
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_DOWN);
  gtk_widget_grab_focus (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_test_wait_for_focus (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_selection_select (imp_window_get_selection (window), goal);

  press (GTK_WINDOW (window), "Down");
  imp_test_wait_for (primary (window) != goal);
  first = primary (window);
  g_assert_true (first == imp_node_get_child (goal, 0));
  press (GTK_WINDOW (window), "Right");
  imp_test_wait_for (primary (window) != first);
  second = primary (window);
  g_assert_true (second == imp_node_get_child (goal, 1));
  press (GTK_WINDOW (window), "Left");
  imp_test_wait_for (primary (window) == first);
  press (GTK_WINDOW (window), "Up");
  imp_test_wait_for (primary (window) == goal);

  imp_selection_select (imp_window_get_selection (window), first);
  press (GTK_WINDOW (window), "alt+Right");
  imp_test_wait_for (imp_node_get_child (goal, 1) == first);
  g_assert_true (imp_node_get_child (goal, 0) == second);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  imp_test_wait_for (imp_node_get_child (goal, 0) == first);
  g_assert_cmpint (imp_map_get_layout (map), ==, IMP_LAYOUT_DOWN);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A parked idea dropped in an empty part of a row of the top-down layout
 * takes that row's level, under the nearest card of the row above. */
static void
test_drop_in_band (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpHistory *history = imp_window_get_history (window);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  g_autoptr(GError) error = NULL;
  ImpNode *node, *rightmost = NULL;
  ImpRect bounds, rect, best = { 0, };
  double x = 0, y = 0;
  guint n0;

  imp_test_wait_for_mapped (GTK_WIDGET (window));
  n0 = imp_map_get_n_parked (map);

  g_assert_true (imp_history_add_parked (history, "Idea from the wall", NULL));
  g_assert_cmpstr (imp_map_get_parked (map, n0), ==, "Idea from the wall");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "down");
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_DOWN);

  /* Right of every card, in the deliverable row: under the rightmost
   * impact. */
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *n = imp_map_get_node (map, i);

      if (n->level == IMP_LEVEL_IMPACT &&
          imp_scene_get_card_rect (imp_canvas_get_scene (canvas), n, &rect) &&
          (rightmost == NULL || rect.x > best.x))
        {
          rightmost = n;
          best = rect;
        }
    }
  imp_scene_get_bounds (imp_canvas_get_scene (canvas), &bounds);
  for (guint i = 0; i < imp_scene_get_n_columns (imp_canvas_get_scene (canvas)); i++)
    {
      const ImpLayoutBand *band = imp_scene_get_band (imp_canvas_get_scene (canvas), i);

      if (band->level == IMP_LEVEL_DELIVERABLE)
        imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                                    bounds.x + bounds.width + 100,
                                    band->rect.y + band->rect.height / 2, &x, &y);
    }
  node = _imp_window_workshop_place_parked (window, n0, x, y, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpint (node->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_true (imp_node_get_tree_parent (node) == rightmost);
  g_assert_true (imp_history_undo (history));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A drag pins a card in the layout on show; Tidy Up (Ctrl+L) unpins it
 * there and leaves its pin in the other layout alone. */
static void
test_tidy_up_per_layout (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpHistory *history = imp_window_get_history (window);
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  double x;

  imp_test_wait_for_mapped (GTK_WIDGET (window));
  imp_history_set_node_position (history, actor, TRUE, 5000, 100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "balanced");
  imp_test_wait_for (canvas_layout (window) == IMP_LAYOUT_BALANCED);
  imp_history_set_node_position (history, actor, TRUE, -4000, 100);
  g_assert_true (imp_node_get_pin (actor, IMP_LAYOUT_BALANCED, &x, NULL));
  g_assert_cmpfloat (x, ==, -4000);

  imp_selection_select (imp_window_get_selection (window), actor);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tidy-up", NULL);
  g_assert_false (imp_node_get_pin (actor, IMP_LAYOUT_BALANCED, NULL, NULL));
  g_assert_true (imp_node_get_pin (actor, IMP_LAYOUT_RIGHT, &x, NULL));
  g_assert_cmpfloat (x, ==, 5000);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!imp_test_has_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();

  g_test_add_func ("/ui/layout/switch-and-undo", test_switch_and_undo);
  g_test_add_func ("/ui/layout/arrows-balanced", test_arrows_balanced);
  g_test_add_func ("/ui/layout/arrows-down", test_arrows_down);
  g_test_add_func ("/ui/layout/drop-in-band", test_drop_in_band);
  g_test_add_func ("/ui/layout/tidy-up-per-layout", test_tidy_up_per_layout);

  return g_test_run ();
}
