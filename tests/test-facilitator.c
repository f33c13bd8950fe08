/* test-facilitator.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a facilitator hit running a workshop (issue 19): the parking lot's
 * count, the toast after an undo, and the canvas and window at small sizes,
 * at the projector and with big maps; real key presses and clicks where the
 * point is the input. */

#define G_LOG_DOMAIN "test-facilitator"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-private.h"
#include "imp-inspector.h"
#include "imp-parking-lot.h"
#include "imp-scene.h"
#include "imp-timebox.h"
#include "imp-viewport.h"
#include "imp-window.h"
#include "imp-window-outline.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"

static ImpApplication *app;

/* Presses the keys named in a string, spaces between (imp-test-utils.h). */
#define press imp_test_press

/* With IMP_SHOT_DIR set, saves what @window shows as NAME.png there, for
 * people to look at; the tests never depend on it. */
static void
maybe_shoot (ImpWindow  *window,
             const char *name)
{
  const char *dir = g_getenv ("IMP_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  imp_test_wait_for_frame (GTK_WIDGET (window));
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

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

/* The parking lot's button shows how many ideas wait in it, and follows
 * parking, placing and undoing. */
static void
test_parking_count (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_test_new_window_with_map (app, map);
  ImpHistory *history = imp_window_get_history (window);
  guint n0 = imp_map_get_n_parked (map);
  g_autofree char *more = g_strdup_printf ("%u", n0 + 1);
  const char *tip;

  imp_test_wait_for_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (window->parking_count_label) == (n0 > 0));

  g_assert_true (imp_history_add_parked (history, "Ask the ushers", NULL));
  imp_test_wait_for (g_str_equal (gtk_label_get_text (GTK_LABEL (window->parking_count_label)),
                                  more));
  g_assert_true (gtk_widget_get_visible (window->parking_count_label));
  tip = gtk_widget_get_tooltip_text (window->parking_lot_button);
  g_assert_nonnull (strstr (tip, more));

  g_assert_true (imp_history_undo (history));
  imp_test_wait_for (gtk_widget_get_visible (window->parking_count_label) == (n0 > 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* After Ctrl+Z the toast that said "Deleted …" with its Undo button goes
 * away: it would be wrong now. */
static void
test_undo_dismisses_toast (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window;
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  guint n_nodes = imp_map_get_n_nodes (map);

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  imp_selection_select (imp_window_get_selection (window), actor);
  gtk_widget_grab_focus (GTK_WIDGET (imp_window_get_canvas (window)));
  imp_test_wait_for_focus (GTK_WIDGET (imp_window_get_canvas (window)));

  press (GTK_WINDOW (window), "Delete");
  imp_test_wait_for (imp_map_get_n_nodes (map) < n_nodes);
  g_assert_nonnull (window->undo_toast);

  press (GTK_WINDOW (window), "ctrl+z");
  imp_test_wait_for (imp_map_get_n_nodes (map) == n_nodes);
  imp_test_wait_for (window->undo_toast == NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static ImpLink *
selected_link (ImpWindow *window)
{
  return imp_selection_get_link (imp_window_get_selection (window));
}

static void
focus_canvas (ImpWindow *window)
{
  GtkWidget *canvas = GTK_WIDGET (imp_window_get_canvas (window));

  gtk_widget_grab_focus (canvas);
  imp_test_wait_for_focus (canvas);
}

/* Ctrl+K selects the selected card's link to its parent, and each press
 * after it the card's next link, round again at the end. */
static void
test_select_link_key (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpNode *goal = imp_map_lookup_node (map, "n1");
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  ImpWindow *window;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  imp_selection_select (imp_window_get_selection (window), actor);
  focus_canvas (window);

  press (GTK_WINDOW (window), "ctrl+k");
  imp_test_wait_for (selected_link (window) != NULL);
  g_assert_true (selected_link (window) == imp_map_find_link (map, goal, actor));

  press (GTK_WINDOW (window), "ctrl+k");
  imp_test_wait_for (selected_link (window) ==
                     imp_map_find_link (map, actor, imp_map_lookup_node (map, "n3")));
  press (GTK_WINDOW (window), "ctrl+k");
  imp_test_wait_for (selected_link (window) ==
                     imp_map_find_link (map, actor, imp_map_lookup_node (map, "n8")));
  press (GTK_WINDOW (window), "ctrl+k");
  imp_test_wait_for (selected_link (window) == imp_map_find_link (map, goal, actor));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Shift+K on a card, the arrows to another card, Enter: a cross-link,
 * one undo step, selected for its assumption. Escape cancels instead. */
static void
test_add_link_key (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpNode *impact = imp_map_lookup_node (map, "n3");
  ImpNode *other_actor = imp_map_lookup_node (map, "n10");
  ImpHistory *history;
  ImpWindow *window;
  guint n_links = imp_map_get_n_links (map);

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  history = imp_window_get_history (window);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  g_assert_null (imp_map_find_link (map, other_actor, impact));

  /* Escape leaves the map as it was, and Enter adds a sibling again. */
  imp_selection_select (imp_window_get_selection (window), impact);
  focus_canvas (window);
  press (GTK_WINDOW (window), "ctrl+shift+k");
  imp_test_wait_for (window->linking_from != NULL);
  press (GTK_WINDOW (window), "Escape");
  imp_test_wait_for (window->linking_from == NULL);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, n_links);

  imp_selection_select (imp_window_get_selection (window), impact);
  press (GTK_WINDOW (window), "ctrl+shift+k");
  imp_test_wait_for (window->linking_from != NULL);
  press (GTK_WINDOW (window), "Left Down");
  imp_test_wait_for (imp_selection_get_primary (imp_window_get_selection (window)) ==
                     other_actor);
  press (GTK_WINDOW (window), "Return");
  imp_test_wait_for (imp_map_find_link (map, other_actor, impact) != NULL);
  g_assert_null (window->linking_from);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, n_links + 1);
  g_assert_true (selected_link (window) == imp_map_find_link (map, other_actor, impact));
  g_assert_false (imp_canvas_is_editing (imp_window_get_canvas (window)));

  g_assert_true (imp_history_undo (history));
  g_assert_null (imp_map_find_link (map, other_actor, impact));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Enter on a parked idea puts it under the card selected on the map. */
static void
test_place_parked_key (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  ImpHistory *history;
  ImpWindow *window;
  GtkWidget *row;
  guint n_children = imp_node_get_n_children (actor);
  ImpNode *placed;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  history = imp_window_get_history (window);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  g_assert_true (imp_history_add_parked (history, "Ask the ushers", NULL));
  imp_selection_select (imp_window_get_selection (window), actor);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-parking-lot", NULL);
  imp_test_wait_for (gtk_widget_get_mapped (window->parking_lot));
  row = imp_parking_lot_get_row (IMP_PARKING_LOT (window->parking_lot),
                                 imp_map_get_n_parked (map) - 1);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  imp_test_wait_for_focus (row);

  press (GTK_WINDOW (window), "Return");
  imp_test_wait_for (imp_node_get_n_children (actor) == n_children + 1);
  placed = imp_node_get_child (actor, n_children);
  g_assert_cmpstr (placed->title, ==, "Ask the ushers");
  g_assert_cmpint (placed->level, ==, IMP_LEVEL_IMPACT);
  g_assert_true (imp_selection_get_primary (imp_window_get_selection (window)) == placed);

  g_assert_true (imp_history_undo (history));
  g_assert_cmpuint (imp_node_get_n_children (actor), ==, n_children);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Clicks @widget at its centre, as the pointer would. */
static void
click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  double wx, wy, tx, ty;
  const char *args[] = { "mousemove", "--window", xid, NULL, NULL, "click", "1", NULL };

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) / 2.0,
                                                   &wx, &wy));
  gtk_native_get_surface_transform (native, &tx, &ty);
  args[3] = sx = g_strdup_printf ("%d", (int) (wx + tx));
  args[4] = sy = g_strdup_printf ("%d", (int) (wy + ty));
  imp_test_xdotool (GTK_WINDOW (gtk_widget_get_root (widget)), args, 0);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

/* Start from the popover closes it, and its button's tooltip does not
 * cover it while open; at zero a large notice shows over the map and the
 * alert sounds, unless the preference turns the sound off. */
static void
test_timebox_at_zero (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ImpWindow *window;
  ImpTimebox *timebox;
  GtkWidget *menu_button, *popover, *start;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  timebox = IMP_TIMEBOX (window->timebox);
  fake_now = 1000 * G_USEC_PER_SEC;
  imp_timebox_set_clock_func (timebox, fake_clock, NULL);
  imp_timebox_set_duration (timebox, 60);
  imp_test_wait_for_mapped (GTK_WIDGET (window));

  menu_button = gtk_widget_get_first_child (GTK_WIDGET (timebox));
  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  click (menu_button);
  imp_test_wait_for (gtk_widget_get_mapped (popover));
  g_assert_false (gtk_widget_get_has_tooltip (menu_button));

  start = find_button (popover, "_Start");
  g_assert_nonnull (start);
  click (start);
  imp_test_wait_for (imp_timebox_get_state (timebox) == IMP_TIMEBOX_RUNNING);
  imp_test_wait_for (!gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_get_has_tooltip (menu_button));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window->alarm_revealer)));

  fake_now += 61 * G_USEC_PER_SEC;
  imp_timebox_tick (timebox);
  g_assert_cmpint (imp_timebox_get_state (timebox), ==, IMP_TIMEBOX_EXPIRED);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (window->alarm_revealer)));
  imp_test_wait_for (gtk_widget_get_mapped (gtk_revealer_get_child (GTK_REVEALER (
    window->alarm_revealer))));
  g_assert_false (gtk_widget_get_can_target (window->alarm_revealer));
  g_assert_cmpuint (window->n_alerts, ==, 1);
  maybe_shoot (window, "timebox-at-zero");

  /* Reset hides it; without the sound the notice still shows. */
  imp_timebox_reset (timebox);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window->alarm_revealer)));
  g_settings_set_boolean (settings, "timebox-sound", FALSE);
  imp_timebox_start (timebox);
  fake_now += 61 * G_USEC_PER_SEC;
  imp_timebox_tick (timebox);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (window->alarm_revealer)));
  g_assert_cmpuint (window->n_alerts, ==, 1);
  g_settings_reset (settings, "timebox-sound");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Drags @node's card on the canvas by (@dx, @dy) widget pixels with the
 * pointer, holding Shift if asked. */
static void
drag_card (ImpWindow *window,
           ImpNode   *node,
           int        dx,
           int        dy,
           gboolean   shift)
{
  ImpCanvas *canvas = imp_window_get_canvas (window);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (canvas));
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *x0 = NULL, *y0 = NULL, *x1 = NULL, *y1 = NULL, *xm = NULL, *ym = NULL;
  double cx, cy, wx, wy, tx, ty;
  ImpRect rect;

  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), node, &rect));
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas), rect.x + rect.width / 2,
                              rect.y + rect.height / 2, &cx, &cy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (canvas), GTK_WIDGET (native),
                                                   cx, cy, &wx, &wy));
  gtk_native_get_surface_transform (native, &tx, &ty);
  x0 = g_strdup_printf ("%d", (int) (wx + tx));
  y0 = g_strdup_printf ("%d", (int) (wy + ty));
  xm = g_strdup_printf ("%d", (int) (wx + tx) + dx / 2);
  ym = g_strdup_printf ("%d", (int) (wy + ty) + dy / 2);
  x1 = g_strdup_printf ("%d", (int) (wx + tx) + dx);
  y1 = g_strdup_printf ("%d", (int) (wy + ty) + dy);

  {
    const char *args[] = {
      "mousemove", "--window", xid, x0, y0, "sleep", "0.1",
      shift ? "keydown" : "sleep", shift ? "shift" : "0", "mousedown", "1",
      "mousemove", "--window", xid, xm, ym, "sleep", "0.1",
      "mousemove", "--window", xid, x1, y1, "sleep", "0.1",
      "mouseup", "1", shift ? "keyup" : "sleep", shift ? "shift" : "0", NULL
    };

    imp_test_xdotool (GTK_WINDOW (window), args, 0);
  }
}

/* A card dragged into empty space stays in its level's column (its row
 * in the top-down layout): only Shift frees it, and a toast then says that
 * Ctrl+L puts it back. */
static void
test_drag_keeps_column (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpNode *experiment = imp_map_lookup_node (map, "n5");
  ImpHistory *history;
  ImpWindow *window;
  ImpRect before;
  double x, y;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  history = imp_window_get_history (window);
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  imp_test_wait_for_frame (GTK_WIDGET (imp_window_get_canvas (window)));
  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (imp_window_get_canvas (window)),
                                          experiment, &before));

  drag_card (window, experiment, 160, 50, FALSE);
  imp_test_wait_for (imp_node_get_pin (experiment, IMP_LAYOUT_RIGHT, NULL, NULL));
  imp_test_wait_for (!imp_history_is_in_group (history));
  g_assert_true (imp_node_get_pin (experiment, IMP_LAYOUT_RIGHT, &x, &y));
  g_assert_cmpfloat (x, ==, before.x);
  g_assert_cmpfloat (y, >, before.y);
  g_assert_true (imp_history_undo (history));
  g_assert_false (imp_node_get_pin (experiment, IMP_LAYOUT_RIGHT, NULL, NULL));

  drag_card (window, experiment, 160, 50, TRUE);
  imp_test_wait_for (imp_node_get_pin (experiment, IMP_LAYOUT_RIGHT, NULL, NULL));
  imp_test_wait_for (!imp_history_is_in_group (history));
  g_assert_true (imp_node_get_pin (experiment, IMP_LAYOUT_RIGHT, &x, &y));
  g_assert_cmpfloat (x, >, before.x);
  g_assert_true (imp_history_undo (history));

  /* Top-down, a card keeps its row. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "down");
  imp_test_wait_for (imp_layout_get_kind (imp_scene_get_layout (imp_canvas_get_scene (
    imp_window_get_canvas (window)))) == IMP_LAYOUT_DOWN);
  imp_test_wait_for_frame (GTK_WIDGET (imp_window_get_canvas (window)));
  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (imp_window_get_canvas (window)),
                                          experiment, &before));
  drag_card (window, experiment, 40, 120, FALSE);
  imp_test_wait_for (imp_node_get_pin (experiment, IMP_LAYOUT_DOWN, NULL, NULL));
  imp_test_wait_for (!imp_history_is_in_group (history));
  g_assert_true (imp_node_get_pin (experiment, IMP_LAYOUT_DOWN, &x, &y));
  g_assert_cmpfloat (y, ==, before.y);
  g_assert_cmpfloat (x, >, before.x);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 1024×600 with the parking lot and the inspector open, the panels fold
 * over the map rather than squeeze it: the canvas stays wide enough for a
 * readable zoom, and leaving presentation mode does not leave the map
 * smaller than it was before. */
static void
test_small_window_panels (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_window_new (app);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpViewport *viewport = imp_canvas_get_viewport (canvas);
  double zoom;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (canvas));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  adw_flap_set_reveal_flap (window->inspector_flap, FALSE);
  imp_test_wait_for (gtk_widget_get_width (GTK_WIDGET (canvas)) >= 1000);
  imp_canvas_zoom_fit (canvas);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  zoom = imp_viewport_get_zoom (viewport);
  maybe_shoot (window, "small-window-no-panels");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-parking-lot", NULL);
  adw_flap_set_reveal_flap (window->inspector_flap, TRUE);
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) >= 1.0);
  imp_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (window->parking_lot_revealer)));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "small-window-both-panels");

  g_assert_true (gtk_widget_get_mapped (window->inspector));
  g_assert_cmpint (gtk_widget_get_width (window->inspector), >, 200);
  g_assert_true (adw_flap_get_folded (window->inspector_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, IMP_CANVAS_NATURAL_WIDTH);
  g_assert_cmpfloat (imp_viewport_get_zoom (viewport), >=, MIN (zoom, IMP_CANVAS_READABLE_ZOOM) - 1e-6);

  /* In and out of presentation with both panels open. */
  /* (Without a window manager the window does not go fullscreen, but the
   * panels hide and come back as they would.) */
  imp_window_set_presenting (window, TRUE);
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) <= 0.0);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  imp_window_set_presenting (window, FALSE);
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) >= 1.0);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "small-window-after-presentation");
  g_assert_true (adw_flap_get_folded (window->inspector_flap));
  g_assert_cmpfloat (imp_viewport_get_zoom (viewport), >=, MIN (zoom, IMP_CANVAS_READABLE_ZOOM) - 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Column names at the projector are never cut where there is room: at
 * 1024×600 in the projector theme ("DELIVERA…" before), and down to the
 * zoom of a window with both panels open, they shrink alike instead. */
static void
test_projector_headers_whole (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_window_new (app);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpViewport *viewport = imp_canvas_get_viewport (canvas);
  const double zooms[] = { 1.0, 0.6, 0.4, 0.35 };
  gboolean cut = TRUE;
  double size;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (canvas));
  imp_canvas_set_theme_override (canvas, IMP_THEME_PROJECTOR);
  imp_canvas_zoom_fit (canvas);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "projector-headers");

  size = _imp_canvas_fit_header_size (canvas, &cut);
  g_assert_false (cut);
  g_assert_cmpfloat (size, >=, 9.0);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      imp_viewport_zoom_at (viewport, zooms[i] / imp_viewport_get_zoom (viewport), 0, 0);
      size = _imp_canvas_fit_header_size (canvas, &cut);
      g_assert_false (cut);
      /* Full size when there is room. */
      if (zooms[i] >= 1.0)
        g_assert_cmpfloat (size, ==, 20.0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
collapsed_to (ImpMap  *map,
              ImpLevel level)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level < level && node->collapsed)
        return FALSE;
      if (node->level == level && node->collapsed != (node->children->len > 0))
        return FALSE;
    }

  return TRUE;
}

/* Alt+3 collapses the map down to its impacts (every impact folded, every
 * card above open) in one undo step, and refits it; Alt+5 opens it all;
 * the View menu has the same. */
static void
test_collapse_to_level (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window;
  ImpCanvas *canvas;
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  guint shown;

  if (!can_send_keys ())
    return;

  /* Something folded already, which Alt+3 opens. */
  actor->collapsed = TRUE;
  window = imp_test_new_window_with_map (app, map);
  canvas = imp_window_get_canvas (window);
  focus_canvas (window);
  shown = _imp_scene_get_n_cards (imp_canvas_get_scene (canvas));

  press (GTK_WINDOW (window), "alt+3");
  imp_test_wait_for (collapsed_to (map, IMP_LEVEL_IMPACT));
  g_assert_false (actor->collapsed);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "collapse-to-impacts");
  g_assert_cmpuint (_imp_scene_get_n_cards (imp_canvas_get_scene (canvas)), !=, shown);

  /* One step back to how it was. */
  press (GTK_WINDOW (window), "ctrl+z");
  imp_test_wait_for (actor->collapsed);
  g_assert_false (collapsed_to (map, IMP_LEVEL_IMPACT));

  press (GTK_WINDOW (window), "alt+5");
  imp_test_wait_for (!actor->collapsed);
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    g_assert_false (imp_map_get_node (map, i)->collapsed);

  /* The menu's items name the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.collapse-to-level",
                                             "i", (int) IMP_LEVEL_ACTOR));
  imp_test_wait_for (collapsed_to (map, IMP_LEVEL_ACTOR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
type_text (ImpWindow  *window,
           const char *text)
{
  const char *args[] = { "type", "--delay", "30", text, NULL };

  imp_test_xdotool (GTK_WINDOW (window), args, 0);
}

/* Whether the whole of what the map shows is in the canvas, below the
 * column headers. */
static gboolean
map_all_in_view (ImpCanvas *canvas)
{
  ImpViewport *viewport = imp_canvas_get_viewport (canvas);
  ImpRect bounds;
  double x0, y0, x1, y1;

  imp_scene_get_visible_bounds (imp_canvas_get_scene (canvas), &bounds);
  imp_viewport_map_to_widget (viewport, bounds.x, bounds.y, &x0, &y0);
  imp_viewport_map_to_widget (viewport, bounds.x + bounds.width, bounds.y + bounds.height,
                              &x1, &y1);

  return x0 >= -0.5 && y0 >= IMP_CANVAS_HEADER_HEIGHT - 0.5 &&
         x1 <= gtk_widget_get_width (GTK_WIDGET (canvas)) + 0.5 &&
         y1 <= gtk_widget_get_height (GTK_WIDGET (canvas)) + 0.5;
}

/* A new map starts at 150 %; as cards are typed in, it zooms out to keep
 * all of the growing map in view, until the readable zoom, and then pans
 * to the new card without going below it. */
static void
test_growing_map_in_view (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  ImpWindow *window;
  ImpCanvas *canvas;
  ImpViewport *viewport;
  const char *keys[] = { "Tab", "Tab", "Tab", "Tab", "Return", "Return", "Return", "Return",
                         "Return", "Return", "Return", "Return", "Return", "Return", "Return",
                         "Return", "Return", "Return", "Return", "Return" };
  gboolean zoomed_out = FALSE;

  if (!can_send_keys ())
    return;

  window = imp_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  canvas = imp_window_get_canvas (window);
  viewport = imp_canvas_get_viewport (canvas);
  imp_test_wait_for_mapped (GTK_WIDGET (canvas));
  adw_flap_set_reveal_flap (window->inspector_flap, FALSE);
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) <= 0.0);
  focus_canvas (window);

  type_text (window, "Sell more tickets online");
  press (GTK_WINDOW (window), "Return");
  imp_test_wait_for (imp_map_get_n_nodes (map) == 1 && !imp_canvas_is_editing (canvas));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_cmpfloat (imp_viewport_get_zoom (viewport), ==, 1.5);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *title = g_strdup_printf ("Card number %u with a title", i + 1);

      press (GTK_WINDOW (window), keys[i]);
      imp_test_wait_for (imp_map_get_n_nodes (map) == i + 2);
      type_text (window, title);
      press (GTK_WINDOW (window), "Return");
      imp_test_wait_for (!imp_canvas_is_editing (canvas));
      imp_test_wait_for_frame (GTK_WIDGET (canvas));

      g_assert_cmpfloat (imp_viewport_get_zoom (viewport), >=, IMP_CANVAS_READABLE_ZOOM - 1e-6);
      if (imp_viewport_get_zoom (viewport) < 1.5)
        zoomed_out = TRUE;
      /* All of it, as long as all of it reads. */
      if (imp_viewport_get_zoom (viewport) > IMP_CANVAS_READABLE_ZOOM + 1e-6)
        g_assert_true (map_all_in_view (canvas));
    }
  maybe_shoot (window, "growing-map");
  g_assert_true (zoomed_out);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
editor_says (ImpCanvas  *canvas,
             const char *text)
{
  GtkWidget *editor = imp_canvas_get_editor (canvas);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *typed = NULL;

  if (editor == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_str_equal (typed, text);
}

/* The in-place title editor wraps a long title at the card's width, so all
 * of it stays in view while typed; Enter keeps it (Shift+Enter too: a title
 * is one paragraph), Escape throws it away, Tab keeps it and adds a child. */
static void
test_title_editor_wraps (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  const char *long_title = "Agents who answer the phone on weekday evenings and at weekends";
  g_autofree char *old_title = g_strdup (actor->title);
  ImpWindow *window;
  ImpCanvas *canvas;
  GtkWidget *editor;
  ImpRect rect;
  double zoom;
  int one_line, n_children;

  if (!can_send_keys ())
    return;

  window = imp_test_new_window_with_map (app, map);
  canvas = imp_window_get_canvas (window);
  imp_test_wait_for_mapped (GTK_WIDGET (canvas));
  imp_selection_select (imp_window_get_selection (window), actor);
  focus_canvas (window);

  /* F2, then typing replaces the selected title. */
  press (GTK_WINDOW (window), "F2");
  imp_test_wait_for (imp_canvas_is_editing (canvas));
  editor = imp_canvas_get_editor (canvas);
  imp_test_wait_for_focus (editor);
  type_text (window, "Agents");
  imp_test_wait_for_frame (editor);
  one_line = gtk_widget_get_height (editor);
  g_assert_cmpint (one_line, >, 0);

  type_text (window, long_title + strlen ("Agents"));
  imp_test_wait_for (editor_says (canvas, long_title));
  imp_test_wait_for_frame (editor);
  maybe_shoot (window, "title-editor-wraps");

  /* Several lines, no wider than the card. */
  g_assert_cmpint (gtk_widget_get_height (editor), >=, one_line * 2 - 8);
  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), actor, &rect));
  zoom = imp_viewport_get_zoom (imp_canvas_get_viewport (canvas));
  g_assert_cmpint (gtk_widget_get_width (editor), <=, MAX (96, rect.width * zoom + 8));

  /* Shift+Enter keeps it, as Enter does, with no line break in it. */
  press (GTK_WINDOW (window), "shift+Return");
  imp_test_wait_for (!imp_canvas_is_editing (canvas));
  g_assert_cmpstr (actor->title, ==, long_title);

  /* Escape throws away what was typed. */
  press (GTK_WINDOW (window), "F2");
  imp_test_wait_for (imp_canvas_is_editing (canvas));
  imp_test_wait_for_focus (imp_canvas_get_editor (canvas));
  type_text (window, "Thrown away");
  imp_test_wait_for (editor_says (canvas, "Thrown away"));
  press (GTK_WINDOW (window), "Escape");
  imp_test_wait_for (!imp_canvas_is_editing (canvas));
  g_assert_cmpstr (actor->title, ==, long_title);

  /* Enter keeps it; Tab keeps it and goes on to a child. */
  press (GTK_WINDOW (window), "F2");
  imp_test_wait_for (imp_canvas_is_editing (canvas));
  imp_test_wait_for_focus (imp_canvas_get_editor (canvas));
  type_text (window, old_title);
  press (GTK_WINDOW (window), "Return");
  imp_test_wait_for (!imp_canvas_is_editing (canvas));
  g_assert_cmpstr (actor->title, ==, old_title);

  n_children = imp_node_get_n_children (actor);
  press (GTK_WINDOW (window), "F2");
  imp_test_wait_for (imp_canvas_is_editing (canvas));
  imp_test_wait_for_focus (imp_canvas_get_editor (canvas));
  type_text (window, "Agents");
  press (GTK_WINDOW (window), "Tab");
  imp_test_wait_for (imp_node_get_n_children (actor) == (guint) n_children + 1);
  g_assert_cmpstr (actor->title, ==, "Agents");
  g_assert_true (imp_canvas_is_editing (canvas));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The inspector's assumption wraps within the inspector, however long the
 * sentence, and Enter keeps it. */
static void
test_assumption_field_whole (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpNode *goal = imp_map_lookup_node (map, "n1");
  ImpNode *actor = imp_map_lookup_node (map, "n2");
  ImpLink *link = imp_map_find_link (map, goal, actor);
  const char *sentence = "Occasional visitors would rather buy online than call, if the seat "
                         "picker shows them where they will sit";
  ImpInspector *inspector;
  ImpWindow *window;
  GtkWidget *field;
  graphene_rect_t bounds;
  int one_line;

  if (!can_send_keys ())
    return;

  window = imp_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (imp_window_get_canvas (window)));
  inspector = IMP_INSPECTOR (window->inspector);
  imp_selection_select_link (imp_window_get_selection (window), link);
  imp_test_wait_for (imp_inspector_get_field (inspector, "link-assumption") != NULL);
  field = imp_inspector_get_field (inspector, "link-assumption");
  g_assert_true (GTK_IS_TEXT_VIEW (field));
  imp_test_wait_for_mapped (field);
  gtk_widget_grab_focus (field);
  imp_test_wait_for_focus (field);
  press (GTK_WINDOW (window), "ctrl+a");
  type_text (window, "Visitors");
  imp_test_wait_for_frame (field);
  one_line = gtk_widget_get_height (field);

  press (GTK_WINDOW (window), "ctrl+a");
  type_text (window, sentence);
  imp_test_wait_for (gtk_widget_get_height (field) >= 2 * one_line);
  imp_test_wait_for_frame (field);
  maybe_shoot (window, "assumption-whole");

  /* All of it inside the inspector, none cut at its right edge. */
  g_assert_true (gtk_widget_compute_bounds (field, GTK_WIDGET (inspector), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (inspector)));

  press (GTK_WINDOW (window), "Return");
  imp_test_wait_for (g_strcmp0 (link->assumption, sentence) == 0);
  g_assert_true (gtk_widget_has_focus (field));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's width the tests can see: the surface's, as the window's
 * narrow mode follows it. */
static int
surface_width (ImpWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* As a window manager would after the user dragged its edge: GTK keeps a
 * window without one at its default size. */
static void
resize_window (ImpWindow *window,
               int        width,
               int        height)
{
  /* Below its minimum width the window stays at that until the zoom
   * buttons have given way; then the rest of the way. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  imp_test_wait_for (surface_width (window) == width ||
                     (width < IMP_WINDOW_NARROW_WIDTH && !gtk_widget_get_visible (window->zoom_box)));
  imp_test_wait_for_frame (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width - 1, height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  imp_test_wait_for (surface_width (window) == width);
  imp_test_wait_for_frame (GTK_WIDGET (window));
}

/* An 800 px window: the header bar fits (its zoom buttons give way, the
 * keys and View's items stay), and the parking lot opened with its key
 * slides in over the map instead of taking its width, so the map keeps
 * its width and zoom; the inspector folds over it too. At 1024 px the zoom
 * buttons are there and the lot sits beside the map, which keeps at least
 * its natural width; made narrow, the lot moves over the map. */
/* Where @node's card starts on @canvas, in its pixels. */
static double
card_left_px (ImpCanvas *canvas,
              ImpNode   *node)
{
  ImpRect rect;
  double x, y;

  g_assert_true (imp_scene_get_card_rect (imp_canvas_get_scene (canvas), node, &rect));
  imp_viewport_map_to_widget (imp_canvas_get_viewport (canvas), rect.x, rect.y, &x, &y);

  return x;
}

static void
test_narrow_window (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window;
  ImpCanvas *canvas;
  ImpViewport *viewport;
  int header_min, canvas_width;
  guint n_parked;
  double zoom;

  if (!can_send_keys ())
    return;

  window = imp_window_new (app);
  canvas = imp_window_get_canvas (window);
  viewport = imp_canvas_get_viewport (canvas);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (canvas));
  adw_flap_set_reveal_flap (window->inspector_flap, FALSE);
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) <= 0.0);
  imp_test_wait_for (surface_width (window) == 800);
  imp_test_wait_for (!gtk_widget_get_visible (window->zoom_box));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));

  gtk_widget_measure (window->header_bar, GTK_ORIENTATION_HORIZONTAL, -1,
                      &header_min, NULL, NULL, NULL);
  g_assert_cmpint (header_min, <=, 800);
  g_assert_cmpint (gtk_widget_get_width (window->header_bar), <=, 800);

  imp_canvas_zoom_fit (canvas);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  zoom = imp_viewport_get_zoom (viewport);
  canvas_width = gtk_widget_get_width (GTK_WIDGET (canvas));
  g_assert_cmpint (canvas_width, >=, 790);
  maybe_shoot (window, "narrow-800-no-panels");

  /* The zoom keys still work without the buttons. */
  press (GTK_WINDOW (window), "ctrl+plus");
  imp_test_wait_for (imp_viewport_get_zoom (viewport) > zoom + 1e-3);
  press (GTK_WINDOW (window), "ctrl+minus");
  imp_test_wait_for (G_APPROX_VALUE (imp_viewport_get_zoom (viewport), zoom, 1e-3));

  /* The parking lot, opened and used from the keyboard, floats over the map. */
  n_parked = imp_map_get_n_parked (map);
  press (GTK_WINDOW (window), "ctrl+shift+p");
  imp_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (window->parking_lot_revealer)));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  g_assert_true (_imp_window_narrow_is_lot_over_map (window));
  g_assert_true (gtk_widget_get_mapped (window->parking_lot));
  g_assert_cmpint (gtk_widget_get_width (window->parking_lot), >, 200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, canvas_width);
  g_assert_cmpfloat_with_epsilon (imp_viewport_get_zoom (viewport), zoom, 1e-6);
  imp_test_wait_for_focus (imp_parking_lot_get_entry (IMP_PARKING_LOT (window->parking_lot)));
  imp_test_xdotool_args (GTK_WINDOW (window), "type", "--delay", "20", "Ask the ushers", NULL);
  press (GTK_WINDOW (window), "Return");
  imp_test_wait_for (imp_map_get_n_parked (map) == n_parked + 1);

  /* The inspector (F9) folds over the map as well, and closes the lot:
   * both together would leave a sliver of the map. */
  press (GTK_WINDOW (window), "Escape F9");
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) >= 1.0);
  imp_test_wait_for (!gtk_revealer_get_child_revealed (GTK_REVEALER (window->parking_lot_revealer)));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "narrow-800-inspector");
  g_assert_true (gtk_widget_get_mapped (window->inspector));
  g_assert_true (adw_flap_get_folded (window->inspector_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, canvas_width);
  g_assert_cmpfloat_with_epsilon (imp_viewport_get_zoom (viewport), zoom, 1e-6);
  g_assert_cmpuint (imp_map_get_n_parked (map), ==, n_parked + 1);

  /* The lot again (Ctrl+Shift+P) closes the inspector; the focus is in it. */
  press (GTK_WINDOW (window), "ctrl+shift+p");
  imp_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (window->parking_lot_revealer)));
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) <= 0.0);
  imp_test_wait_for_focus (imp_parking_lot_get_entry (IMP_PARKING_LOT (window->parking_lot)));
  g_assert_cmpfloat_with_epsilon (imp_viewport_get_zoom (viewport), zoom, 1e-6);

  /* The outline (F8) lies over the map as well, and closes the lot; the
   * inspector (F9) then closes the outline. */
  press (GTK_WINDOW (window), "Escape F8");
  imp_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (_imp_window_outline_get_revealer (window))));
  imp_test_wait_for (!gtk_revealer_get_child_revealed (GTK_REVEALER (window->parking_lot_revealer)));
  imp_test_wait_for_focus (imp_outline_view_get_list_view (imp_window_get_outline (window)));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "narrow-800-outline");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (imp_window_get_outline (window))), >, 200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, canvas_width);
  g_assert_cmpfloat_with_epsilon (imp_viewport_get_zoom (viewport), zoom, 1e-6);
  /* The goal, at the map's start under the outline, chosen there with Down:
   * the map pans it out from under the panel. */
  {
    ImpNode *goal = imp_map_get_node (map, 0);
    ImpOutlineView *outline = imp_window_get_outline (window);

    g_assert_cmpfloat (card_left_px (canvas, goal), <, gtk_widget_get_width (GTK_WIDGET (outline)));
    press (GTK_WINDOW (window), "Down");
    imp_test_wait_for (imp_selection_get_primary (imp_window_get_selection (window)) == goal);
    imp_test_wait_for (card_left_px (canvas, goal) >= gtk_widget_get_width (GTK_WIDGET (outline)));
    g_assert_cmpfloat_with_epsilon (imp_viewport_get_zoom (viewport), zoom, 1e-6);
  }
  press (GTK_WINDOW (window), "F9");
  imp_test_wait_for (adw_flap_get_reveal_progress (window->inspector_flap) >= 1.0);
  imp_test_wait_for (!imp_window_get_outline_shown (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, canvas_width);
  gtk_window_destroy (GTK_WINDOW (window));

  /* 1024 px with the lot open: beside the map, zoom buttons shown. */
  window = imp_window_new (app);
  canvas = imp_window_get_canvas (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (canvas));
  adw_flap_set_reveal_flap (window->inspector_flap, FALSE);
  imp_test_wait_for (surface_width (window) == 1024);
  press (GTK_WINDOW (window), "ctrl+shift+p");
  imp_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (window->parking_lot_revealer)));
  imp_test_wait_for_frame (GTK_WIDGET (canvas));
  maybe_shoot (window, "narrow-1024-lot");
  g_assert_true (gtk_widget_get_visible (window->zoom_box));
  g_assert_false (_imp_window_narrow_is_lot_over_map (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, IMP_CANVAS_NATURAL_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)),
                   <=, 1024 - gtk_widget_get_width (window->parking_lot));

  /* Made narrow: the lot moves over the map, the map as wide as the window. */
  resize_window (window, 800, 600);
  imp_test_wait_for (_imp_window_narrow_is_lot_over_map (window));
  imp_test_wait_for (gtk_widget_get_width (GTK_WIDGET (canvas)) >= 790);
  g_assert_true (gtk_widget_get_mapped (window->parking_lot));
  g_assert_false (gtk_widget_get_visible (window->zoom_box));

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

  g_test_add_func ("/ui/facilitator/parking-count", test_parking_count);
  g_test_add_func ("/ui/facilitator/undo-dismisses-toast", test_undo_dismisses_toast);
  g_test_add_func ("/ui/facilitator/select-link-key", test_select_link_key);
  g_test_add_func ("/ui/facilitator/add-link-key", test_add_link_key);
  g_test_add_func ("/ui/facilitator/place-parked-key", test_place_parked_key);
  g_test_add_func ("/ui/facilitator/timebox-at-zero", test_timebox_at_zero);
  g_test_add_func ("/ui/facilitator/drag-keeps-column", test_drag_keeps_column);
  g_test_add_func ("/ui/facilitator/small-window-panels", test_small_window_panels);
  g_test_add_func ("/ui/facilitator/projector-headers-whole", test_projector_headers_whole);
  g_test_add_func ("/ui/facilitator/collapse-to-level", test_collapse_to_level);
  g_test_add_func ("/ui/facilitator/growing-map-in-view", test_growing_map_in_view);
  g_test_add_func ("/ui/facilitator/title-editor-wraps", test_title_editor_wraps);
  g_test_add_func ("/ui/facilitator/assumption-field-whole", test_assumption_field_whole);
  g_test_add_func ("/ui/facilitator/narrow-window", test_narrow_window);

  return g_test_run ();
}
