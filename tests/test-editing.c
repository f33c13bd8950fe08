/* test-editing.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editing"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-cards.h"
#include "imp-format.h"
#include "imp-scene-private.h"
#include "imp-window.h"

#include "imp-test-utils.h"

/* Editing in the real window (Xvfb in CI): the actions the keys are bound
 * to, the in-place editor, drags on the canvas, and undo of it all. */

static ImpApplication *app;

static void
activate (ImpWindow  *window,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, param));
  imp_test_drain ();
}

/* Puts @text into the open in-place editor and keeps it, as Enter does
 * (test-facilitator presses the real keys). */
static void
type_title (ImpWindow  *window,
            const char *text)
{
  ImpCanvas *canvas = imp_window_get_canvas (window);
  GtkWidget *editor = imp_canvas_get_editor (canvas);

  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (editor) != NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  imp_canvas_stop_editing (canvas, TRUE);
  g_assert_false (imp_canvas_is_editing (canvas));
  imp_test_drain ();
}

static ImpNode *
primary (ImpWindow *window)
{
  return imp_selection_get_primary (imp_window_get_selection (window));
}

static char *
snapshot (ImpMap *map)
{
  return imp_format_save_to_data (map, NULL);
}

static void
test_keyboard_build (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpMap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = snapshot (map);
  g_autofree char *full = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpNode *goal, *actor, *impact, *teachers;
  guint n_undo = 0;
  guint n_undo_full;

  g_assert_nonnull (history);
  g_assert_false (imp_history_is_modified (history));

  /* Enter in an empty map starts the goal. */
  activate (window, "win.add-sibling", NULL);
  g_assert_true (imp_canvas_is_editing (canvas));
  type_title (window, "Grow weekly learners");
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 1);
  goal = primary (window);
  g_assert_cmpint (goal->level, ==, IMP_LEVEL_GOAL);
  g_assert_cmpstr (goal->title, ==, "Grow weekly learners");
  g_assert_true (imp_history_is_modified (history));

  /* Tab: a child one level right. */
  activate (window, "win.add-child", NULL);
  type_title (window, "Teachers");
  teachers = actor = primary (window);
  g_assert_cmpint (actor->level, ==, IMP_LEVEL_ACTOR);
  g_assert_true (imp_node_get_tree_parent (actor) == goal);

  activate (window, "win.add-child", NULL);
  type_title (window, "Assign weekly work");
  impact = primary (window);
  g_assert_cmpint (impact->level, ==, IMP_LEVEL_IMPACT);

  /* Enter: a sibling after; Shift+Enter: one before. */
  activate (window, "win.add-sibling", NULL);
  type_title (window, "Share progress");
  activate (window, "win.add-sibling-before", NULL);
  type_title (window, "Plan lessons");
  g_assert_cmpuint (actor->children->len, ==, 3);
  g_assert_cmpstr (imp_node_get_child (actor, 0)->title, ==, "Assign weekly work");
  g_assert_cmpstr (imp_node_get_child (actor, 1)->title, ==, "Plan lessons");
  g_assert_cmpstr (imp_node_get_child (actor, 2)->title, ==, "Share progress");

  activate (window, "win.add-child", NULL);
  type_title (window, "Lesson templates");
  g_assert_cmpint (primary (window)->level, ==, IMP_LEVEL_DELIVERABLE);
  activate (window, "win.add-child", NULL);
  type_title (window, "Fake door test");
  g_assert_cmpint (primary (window)->level, ==, IMP_LEVEL_EXPERIMENT);

  /* Experiments take no children: refused, nothing changed. */
  n_undo = imp_history_get_n_undo (history);
  activate (window, "win.add-child", NULL);
  g_assert_false (imp_canvas_is_editing (canvas));
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 7);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo);

  /* Arrows: left to the parent, up and down between siblings, right to a child. */
  activate (window, "win.select", g_variant_new_string ("left"));
  g_assert_cmpstr (primary (window)->title, ==, "Lesson templates");
  activate (window, "win.select", g_variant_new_string ("left"));
  g_assert_cmpstr (primary (window)->title, ==, "Plan lessons");
  activate (window, "win.select", g_variant_new_string ("up"));
  g_assert_cmpstr (primary (window)->title, ==, "Assign weekly work");
  activate (window, "win.select", g_variant_new_string ("down"));
  activate (window, "win.select", g_variant_new_string ("down"));
  g_assert_cmpstr (primary (window)->title, ==, "Share progress");
  activate (window, "win.select", g_variant_new_string ("down"));
  g_assert_cmpstr (primary (window)->title, ==, "Share progress");
  activate (window, "win.select", g_variant_new_string ("up"));
  activate (window, "win.select", g_variant_new_string ("right"));
  g_assert_cmpstr (primary (window)->title, ==, "Lesson templates");
  activate (window, "win.select", g_variant_new_string ("left"));

  /* Alt+Up: "Plan lessons" first. */
  activate (window, "win.move-up", NULL);
  g_assert_cmpstr (imp_node_get_child (actor, 0)->title, ==, "Plan lessons");

  /* Space collapses, and again expands. */
  activate (window, "win.toggle-collapse", NULL);
  g_assert_true (primary (window)->collapsed);
  activate (window, "win.toggle-collapse", NULL);
  g_assert_false (primary (window)->collapsed);

  /* F2 renames; Escape keeps the old title. */
  activate (window, "win.rename", NULL);
  g_assert_true (imp_canvas_is_editing (canvas));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (imp_canvas_get_editor (canvas))),
                            "Thrown away", -1);
  imp_canvas_stop_editing (canvas, FALSE);
  g_assert_cmpstr (primary (window)->title, ==, "Plan lessons");
  activate (window, "win.rename", NULL);
  type_title (window, "Plan lessons together");
  g_assert_cmpstr (primary (window)->title, ==, "Plan lessons together");

  /* A second goal, from the first with Enter. */
  imp_selection_select (imp_window_get_selection (window), goal);
  activate (window, "win.add-sibling", NULL);
  type_title (window, "Fewer support calls");
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 8);

  /* Save and read back. */
  full = snapshot (map);
  n_undo_full = imp_history_get_n_undo (history);
  dir = g_dir_make_tmp ("test-editing-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "built.impactmap", NULL);
  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_assert_no_error (error);
  loaded = imp_format_load_path (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *reloaded = snapshot (loaded);

    g_assert_cmpstr (reloaded, ==, full);
  }
  {
    ImpNode *g = imp_map_get_node (loaded, 0);
    ImpNode *a = imp_node_get_child (g, 0);
    ImpNode *first = imp_node_get_child (a, 0);

    g_assert_cmpstr (g->title, ==, "Grow weekly learners");
    g_assert_cmpstr (a->title, ==, "Teachers");
    g_assert_cmpstr (first->title, ==, "Plan lessons together");
    g_assert_cmpstr (imp_node_get_child (first, 0)->title, ==, "Lesson templates");
    g_assert_cmpint (imp_node_get_child (imp_node_get_child (first, 0), 0)->level, ==,
                     IMP_LEVEL_EXPERIMENT);
  }
  g_unlink (path);
  g_rmdir (dir);

  /* Delete takes the subtree; undo brings it back. */
  imp_selection_select (imp_window_get_selection (window), teachers);
  activate (window, "win.delete", NULL);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 2);
  g_assert_true (primary (window) == goal);
  after_delete = snapshot (map);
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 8);
  {
    g_autofree char *back = snapshot (map);

    g_assert_cmpstr (back, ==, full);
  }

  /* Undo everything back to the empty map, then redo it all. */
  while (imp_history_can_undo (history))
    activate (window, "win.undo", NULL);
  {
    g_autofree char *undone = snapshot (map);

    g_assert_cmpstr (undone, ==, empty);
  }
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 0);
  g_assert_false (imp_history_is_modified (history));

  /* The delete undone above is still on the redo stack, last. */
  while (imp_history_can_redo (history))
    {
      activate (window, "win.redo", NULL);
      if (imp_history_get_n_undo (history) == n_undo_full)
        {
          g_autofree char *again = snapshot (map);

          g_assert_cmpstr (again, ==, full);
        }
    }
  redone = snapshot (map);
  g_assert_cmpstr (redone, ==, after_delete);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
card_centre (ImpCanvas *canvas,
             ImpNode   *node,
             double    *x,
             double    *y)
{
  ImpRect rect;

  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), node, &rect));
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                              rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

static GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* Drags the card of @node onto the card of @target, through the canvas'
 * own drag gesture handlers. */
static void
drag_card (ImpCanvas *canvas,
           ImpNode   *node,
           ImpNode   *target)
{
  GtkGesture *drag = find_gesture (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
  double x0, y0, x1, y1;

  card_centre (canvas, node, &x0, &y0);
  card_centre (canvas, target, &x1, &y1);

  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  for (int i = 1; i <= 10; i++)
    g_signal_emit_by_name (drag, "drag-update", (x1 - x0) * i / 10, (y1 - y0) * i / 10);
  g_signal_emit_by_name (drag, "drag-end", x1 - x0, y1 - y0);
  imp_test_drain ();
}

static void
message_cb (ImpCanvas  *canvas,
            const char *message,
            char      **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_drag (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autofree char *before = NULL;
  g_autofree char *message = NULL;
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpNode *goal, *actor, *impact1, *impact2, *deliverable;
  guint n_undo;

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Goal", NULL);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Actor", NULL);
  impact1 = imp_history_add_node (history, actor, -1, IMP_LEVEL_IMPACT, "Impact one", NULL);
  impact2 = imp_history_add_node (history, actor, -1, IMP_LEVEL_IMPACT, "Impact two", NULL);
  deliverable = imp_history_add_node (history, impact1, -1, IMP_LEVEL_DELIVERABLE,
                                      "Deliverable", NULL);
  imp_canvas_zoom_fit (canvas);
  imp_test_drain ();
  g_signal_connect (canvas, "message", G_CALLBACK (message_cb), &message);

  /* Onto a card of the level before: re-parented, in one step. */
  before = snapshot (map);
  n_undo = imp_history_get_n_undo (history);
  drag_card (canvas, deliverable, impact2);
  g_assert_true (imp_node_get_tree_parent (deliverable) == impact2);
  g_assert_false (deliverable->pinned);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_null (message);
  imp_history_undo (history);
  {
    g_autofree char *undone = snapshot (map);

    g_assert_cmpstr (undone, ==, before);
  }

  /* Onto an actor: a deliverable cannot follow one. Refused with a
   * message, and the card goes back. */
  drag_card (canvas, deliverable, actor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "cannot"));
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo);
  {
    g_autofree char *after = snapshot (map);

    g_assert_cmpstr (after, ==, before);
  }

  /* Onto empty space: moved and pinned, one step; undo unpins. */
  {
    GtkGesture *drag = find_gesture (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
    double x, y;

    card_centre (canvas, deliverable, &x, &y);
    g_signal_emit_by_name (drag, "drag-begin", x, y);
    for (int i = 1; i <= 5; i++)
      g_signal_emit_by_name (drag, "drag-update", 0.0, 30.0 * i);
    g_signal_emit_by_name (drag, "drag-end", 0.0, 150.0);
    imp_test_drain ();
  }
  g_assert_true (deliverable->pinned);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Move");
  imp_history_undo (history);
  g_assert_false (deliverable->pinned);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_selection (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpSelection *selection = imp_window_get_selection (window);
  GtkGesture *click = find_gesture (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK);
  ImpNode *goal, *actor;
  const ImpSceneLink *link;
  double x, y;

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Goal", NULL);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Actor", NULL);
  imp_canvas_zoom_fit (canvas);
  imp_test_drain ();

  /* A click on a card selects it. */
  card_centre (canvas, actor, &x, &y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_true (imp_selection_get_primary (selection) == actor);

  /* A click on a link selects the link, for the inspector. */
  g_assert_cmpuint (_imp_scene_get_n_links (imp_canvas_get_scene (canvas)), ==, 1);
  link = _imp_scene_get_link (imp_canvas_get_scene (canvas), 0);
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas),
                              0.125 * link->x0 + 0.375 * link->x1 + 0.375 * link->x2 +
                              0.125 * link->x3,
                              0.125 * link->y0 + 0.375 * link->y1 + 0.375 * link->y2 +
                              0.125 * link->y3,
                              &x, &y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_true (imp_selection_get_link (selection) == imp_map_find_link (map, goal, actor));
  g_assert_cmpuint (imp_selection_get_n_nodes (selection), ==, 0);

  /* Ctrl+A, then a click on empty space clears. */
  activate (window, "win.select-all", NULL);
  g_assert_cmpuint (imp_selection_get_n_nodes (selection), ==, 2);
  g_signal_emit_by_name (click, "released", 1,
                         2.0, (double) gtk_widget_get_height (GTK_WIDGET (canvas)) - 2);
  g_assert_true (imp_selection_is_empty (selection));

  /* Deleting a selected link removes the link only; undo restores it. */
  imp_selection_select_link (selection, imp_map_find_link (map, goal, actor));
  activate (window, "win.delete", NULL);
  g_assert_null (imp_map_find_link (map, goal, actor));
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 2);
  activate (window, "win.undo", NULL);
  g_assert_nonnull (imp_map_find_link (map, goal, actor));

  /* Zoom to selection puts the selected card in the middle of the view. */
  imp_selection_select (selection, actor);
  activate (window, "win.zoom-selection", NULL);
  {
    double cx, cy;
    int width = gtk_widget_get_width (GTK_WIDGET (canvas));
    int height = gtk_widget_get_height (GTK_WIDGET (canvas));

    card_centre (canvas, actor, &cx, &cy);
    g_assert_cmpfloat (fabs (cx - width / 2.0), <, 2);
    g_assert_cmpfloat (cy, >, IMP_CANVAS_HEADER_HEIGHT);
    g_assert_cmpfloat (cy, <, height);
    g_assert_cmpfloat (imp_viewport_get_zoom (imp_canvas_get_viewport (canvas)), <=,
                       IMP_VIEWPORT_MAX_ZOOM);
  }

  /* Selected nodes that undo removes leave the selection. */
  imp_selection_select (selection, actor);
  imp_history_undo (history);
  imp_history_undo (history);
  g_assert_true (imp_selection_is_empty (selection));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the main loop until @count changes (the clipboard is read
 * asynchronously), failing the test if it does not. */
static void
wait_for_change (guint *count,
                 guint  from)
{
  imp_test_wait_for (*count != from);
}

static void
history_changed_cb (ImpHistory *history,
                    guint      *count)
{
  (*count)++;
}

static void
counted_message_cb (ImpCanvas  *canvas,
                    const char *message,
                    guint      *count)
{
  (*count)++;
}

static void
test_clipboard (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  ImpSelection *selection = imp_window_get_selection (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  guint changes = 0, messages = 0, n_undo, changes_before;
  ImpNode *goal, *goal2, *actor, *pasted;

  g_signal_connect (history, "changed", G_CALLBACK (history_changed_cb), &changes);
  g_signal_connect (canvas, "message", G_CALLBACK (counted_message_cb), &messages);

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Goal", NULL);
  goal2 = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Second goal", NULL);
  actor = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Teachers", NULL);
  imp_history_add_node (history, actor, -1, IMP_LEVEL_IMPACT, "Assign work", NULL);

  /* Copy a branch, paste it under the other goal: the whole branch, new ids. */
  imp_selection_select (selection, actor);
  activate (window, "win.copy", NULL);
  imp_selection_select (selection, goal2);
  n_undo = imp_history_get_n_undo (history);
  changes_before = changes;
  activate (window, "win.paste", NULL);
  wait_for_change (&changes, changes_before);
  g_assert_cmpuint (goal2->children->len, ==, 1);
  pasted = imp_node_get_child (goal2, 0);
  g_assert_cmpstr (pasted->title, ==, "Teachers");
  g_assert_true (pasted != actor);
  g_assert_cmpstr (imp_node_get_child (pasted, 0)->title, ==, "Assign work");
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_true (imp_selection_get_primary (selection) == pasted);

  /* A Markdown list from another app becomes a branch. */
  gdk_clipboard_set_text (clipboard, "- Parents\n  - Check homework\n");
  imp_selection_select (selection, goal);
  changes_before = changes;
  activate (window, "win.paste", NULL);
  wait_for_change (&changes, changes_before);
  g_assert_cmpuint (goal->children->len, ==, 2);
  g_assert_cmpstr (imp_node_get_child (goal, 1)->title, ==, "Parents");
  g_assert_cmpint (imp_node_get_child (imp_node_get_child (goal, 1), 0)->level, ==,
                   IMP_LEVEL_IMPACT);

  /* Garbage is refused with a message, and changes nothing. */
  {
    g_autofree char *before = snapshot (map);
    g_autofree char *after = NULL;
    guint from = messages;

    n_undo = imp_history_get_n_undo (history);
    gdk_clipboard_set_text (clipboard, "\x01\x02\x03 not an outline");
    activate (window, "win.paste", NULL);
    wait_for_change (&messages, from);
    g_assert_cmpuint (messages, ==, from + 1);
    after = snapshot (map);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (imp_history_get_n_undo (history), ==, n_undo);
  }

  /* Cut: copied, then deleted; undo brings it back. */
  imp_selection_select (selection, pasted);
  activate (window, "win.cut", NULL);
  g_assert_cmpuint (goal2->children->len, ==, 0);
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (goal2->children->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_find (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpHistory *history = imp_window_get_history (window);
  ImpSelection *selection = imp_window_get_selection (window);
  GtkWidget *focus, *entry;
  ImpNode *goal, *a, *b;
  guint searches = 0, from;

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Grow learners", NULL);
  a = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Teachers", NULL);
  b = imp_history_add_node (history, goal, -1, IMP_LEVEL_ACTOR, "Students", NULL);
  imp_history_set_node_notes (history, b, "They want to be TEACHERS later");

  activate (window, "win.find", NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  /* The entry searches a moment after the last change: wait for that. */
  imp_test_count_signal (entry, "search-changed", &searches);

  /* Titles and notes, without regard to case. */
  from = searches;
  gtk_editable_set_text (GTK_EDITABLE (entry), "teachers");
  imp_test_wait_for (searches > from);
  g_assert_cmpuint (imp_selection_get_n_nodes (selection), ==, 2);
  g_assert_true (imp_selection_get_primary (selection) == a);

  /* Enter goes to the next match, and round. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (imp_selection_get_primary (selection) == b);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (imp_selection_get_primary (selection) == a);
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_true (imp_selection_get_primary (selection) == b);

  from = searches;
  gtk_editable_set_text (GTK_EDITABLE (entry), "nowhere");
  imp_test_wait_for (searches > from);
  g_assert_true (imp_selection_get_primary (selection) == b);

  g_signal_emit_by_name (entry, "stop-search");
  imp_test_wait_for_focus (GTK_WIDGET (imp_window_get_canvas (window)));
  /* The map's focus: the canvas or the selected card's widget on it. */
  g_assert_true (imp_canvas_has_map_focus (imp_window_get_canvas (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs xdotool with @args against the window; returns once the window has
 * handled every key. */
static void
xdotool (ImpWindow  *window,
         const char *const *args)
{
  imp_test_xdotool (GTK_WINDOW (window), args, 0);
}

static void
type_keys (ImpWindow  *window,
           const char *text)
{
  const char *args[] = { "type", "--delay", "30", text, NULL };

  xdotool (window, args);
}

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

  xdotool (window, (const char *const *) args->pdata);
}

/* The same as keyboard-build, with real key presses: what the keys are
 * bound to, and typing straight onto a card. */
static void
test_real_keys (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpWindow *window;
  ImpHistory *history;
  ImpNode *goal, *actor;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  if (xdotool_path == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  window = imp_test_new_window_with_map (app, map);
  history = imp_window_get_history (window);
  gtk_widget_grab_focus (GTK_WIDGET (imp_window_get_canvas (window)));

  /* Typing in an empty map starts the goal; Enter keeps the title. */
  type_keys (window, "Grow learners");
  press_keys (window, "Return", "Tab", NULL);
  type_keys (window, "Teachers");
  press_keys (window, "Return", "Tab", NULL);
  type_keys (window, "Assign work");
  press_keys (window, "Return", "Return", NULL);
  type_keys (window, "Share progress");
  press_keys (window, "Return", "Tab", NULL);
  type_keys (window, "Progress report");
  press_keys (window, "Return", NULL);

  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 5);
  goal = imp_map_get_node (map, 0);
  g_assert_cmpstr (goal->title, ==, "Grow learners");
  actor = imp_node_get_child (goal, 0);
  g_assert_cmpstr (actor->title, ==, "Teachers");
  g_assert_cmpuint (actor->children->len, ==, 2);
  g_assert_cmpstr (imp_node_get_child (actor, 1)->title, ==, "Share progress");
  g_assert_cmpstr (imp_node_get_child (imp_node_get_child (actor, 1), 0)->title, ==,
                   "Progress report");
  g_assert_cmpint (imp_node_get_child (imp_node_get_child (actor, 1), 0)->level, ==,
                   IMP_LEVEL_DELIVERABLE);

  /* Left to the impact, Alt+Up before its sibling, Delete, Ctrl+Z. */
  press_keys (window, "Left", "alt+Up", "Delete", "ctrl+z", NULL);
  g_assert_cmpstr (imp_node_get_child (actor, 0)->title, ==, "Share progress");
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 5);

  /* Undo everything with the keyboard: five cards, one step each, and
   * the reorder. */
  press_keys (window, "ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z", NULL);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 0);
  g_assert_false (imp_history_can_undo (history));

  press_keys (window, "ctrl+shift+z", "ctrl+shift+z", "ctrl+y", "ctrl+y", "ctrl+y", "ctrl+y",
              NULL);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 5);
  g_assert_cmpstr (imp_node_get_child (imp_node_get_child (imp_map_get_node (map, 0), 0),
                                       0)->title, ==, "Share progress");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The toast the overlay shows, or NULL: the overlay gives it a widget of its
 * own with the toast in its "toast" property. */
static AdwToast *
shown_toast (GtkWidget *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") != NULL)
      {
        AdwToast *toast = NULL;

        g_object_get (child, "toast", &toast, NULL);
        g_object_unref (toast);
        return toast;
      }

  return NULL;
}

/* Undo takes away the toast of what it undid even while that toast waits
 * behind another one: else it would come up once the other goes, with a
 * message no longer true (and libadwaita 1.2 crashed when it was dismissed
 * just as it came up). Animations off, so that toasts come and go at once. */
static void
test_undo_toast_queued (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  GtkSettings *settings = gtk_settings_get_default ();
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpHistory *history = imp_window_get_history (window);
  GtkWidget *overlay = find_toast_overlay (GTK_WIDGET (window));
  ImpNode *goal;
  AdwToast *first;
  gboolean animations;

  g_assert_nonnull (overlay);
  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);

  goal = imp_history_add_node (history, NULL, -1, IMP_LEVEL_GOAL, "Goal", NULL);
  imp_test_drain ();
  g_signal_emit_by_name (canvas, "message", "A message first");
  imp_test_drain ();
  first = shown_toast (overlay);
  g_assert_nonnull (first);
  g_assert_cmpstr (adw_toast_get_title (first), ==, "A message first");

  imp_selection_select (imp_window_get_selection (window), goal);
  activate (window, "win.delete", NULL);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 0);
  g_assert_true (shown_toast (overlay) == first);
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 1);

  /* The first goes: nothing comes up after it. */
  adw_toast_dismiss (first);
  imp_test_drain ();
  g_assert_null (shown_toast (overlay));

  g_object_set (settings, "gtk-enable-animations", animations, NULL);
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

  g_test_add_func ("/ui/editing/keyboard-build", test_keyboard_build);
  g_test_add_func ("/ui/editing/drag", test_drag);
  g_test_add_func ("/ui/editing/selection", test_selection);
  g_test_add_func ("/ui/editing/clipboard", test_clipboard);
  g_test_add_func ("/ui/editing/find", test_find);
  g_test_add_func ("/ui/editing/real-keys", test_real_keys);
  g_test_add_func ("/ui/editing/undo-toast-queued", test_undo_toast_queued);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
