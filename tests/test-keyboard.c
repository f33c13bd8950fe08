/* test-keyboard.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include <stdio.h>

#include <gdk/x11/gdkx.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-export-dialog.h"
#include "imp-preferences.h"
#include "imp-window.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"

/* Everything with the keyboard alone, with real key presses (xdotool under
 * Xvfb): into the inspector and back (F6), through its pages, out of the
 * canvas (Ctrl+Tab), and the export dialog and preferences opened and
 * closed. */

static ImpApplication *app;

/* Presses @keys (xdotool names) in @window; returns once it has handled
 * them (imp-test-utils.h). */
#define press imp_test_press

/* Lets the window run until @expr holds (the flap's reveal animation, a
 * dialog mapping), failing the test if it does not. */
#define WAIT_UNTIL(expr) imp_test_wait_for (expr)

static gboolean
focus_is_in (GtkWidget *root,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The header bar's main menu: the menu button that F10 opens. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The newest toplevel of @type, other than the main window. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = G_LIST_MODEL (g_object_ref (gtk_window_get_toplevels ()));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static ImpWindow *
new_window (ImpMap *map)
{
  ImpWindow *window = imp_test_new_window_with_map (app, map);

  gtk_widget_grab_focus (GTK_WIDGET (imp_window_get_canvas (window)));

  return window;
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

/* F6 moves the focus from the map into the inspector, showing it, and back;
 * F9 with the focus in the inspector hides it and gives the map the focus. */
static void
test_f6_between_map_and_inspector (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  ImpWindow *window;
  GtkWidget *canvas;

  if (!can_send_keys ())
    return;

  window = new_window (map);
  canvas = GTK_WIDGET (imp_window_get_canvas (window));
  adw_flap_set_reveal_flap (window->inspector_flap, FALSE);
  WAIT_UNTIL (adw_flap_get_reveal_progress (window->inspector_flap) == 0.0);
  imp_selection_select (imp_window_get_selection (window), imp_map_get_node (map, 0));
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), canvas));
  g_assert_true (focus_is_in (GTK_WIDGET (window), canvas));

  press (GTK_WINDOW (window), "F6");
  WAIT_UNTIL (adw_flap_get_reveal_flap (window->inspector_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->inspector_flap));
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), window->inspector));
  g_assert_true (focus_is_in (GTK_WIDGET (window), window->inspector));

  press (GTK_WINDOW (window), "F6");
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), canvas));
  g_assert_true (focus_is_in (GTK_WIDGET (window), canvas));
  WAIT_UNTIL (adw_flap_get_reveal_flap (window->inspector_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->inspector_flap));

  press (GTK_WINDOW (window), "shift+F6");
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), window->inspector));
  g_assert_true (focus_is_in (GTK_WIDGET (window), window->inspector));

  press (GTK_WINDOW (window), "F9");
  WAIT_UNTIL (!adw_flap_get_reveal_flap (window->inspector_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->inspector_flap));
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), canvas));
  g_assert_true (focus_is_in (GTK_WIDGET (window), canvas));

  /* The arrows still move the selection on the map after the round trip. */
  g_assert_true (imp_selection_get_primary (imp_window_get_selection (window)) ==
                 imp_map_get_node (map, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  imp_test_drain ();
}

/* Both pages of the inspector are reached with Tab and Space, from F6. */
static void
test_inspector_pages (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  ImpWindow *window;
  GtkStack *stack;
  const char *first;

  if (!can_send_keys ())
    return;

  window = new_window (map);
  imp_selection_select (imp_window_get_selection (window), imp_map_get_node (map, 0));
  stack = GTK_STACK (find_widget (window->inspector, GTK_TYPE_STACK));
  g_assert_nonnull (stack);

  press (GTK_WINDOW (window), "F6");
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), window->inspector));
  g_assert_true (focus_is_in (GTK_WIDGET (window), window->inspector));
  first = gtk_stack_get_visible_child_name (stack);
  g_assert_nonnull (first);

  /* The focus starts on the page switcher: the arrow or Tab reaches the
   * other page's button, Space shows that page. */
  press (GTK_WINDOW (window), "Tab space");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), !=, first);
  press (GTK_WINDOW (window), "shift+Tab space");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, first);

  gtk_window_destroy (GTK_WINDOW (window));
  imp_test_drain ();
}

/* Tab belongs to the canvas (it adds a card); Ctrl+Tab leaves it. F10
 * opens the main menu. */
static void
test_ctrl_tab_leaves_canvas (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  ImpWindow *window;
  GtkWidget *canvas;

  if (!can_send_keys ())
    return;

  window = new_window (map);
  canvas = GTK_WIDGET (imp_window_get_canvas (window));
  WAIT_UNTIL (focus_is_in (GTK_WIDGET (window), canvas));
  g_assert_true (focus_is_in (GTK_WIDGET (window), canvas));

  press (GTK_WINDOW (window), "ctrl+Tab");
  g_assert_false (focus_is_in (GTK_WIDGET (window), canvas));
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 1);

  /* F10 opens the main menu, Escape closes it. */
  {
    GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (window));
    GtkPopover *popover;

    g_assert_nonnull (menu_button);
    popover = gtk_menu_button_get_popover (menu_button);
    gtk_widget_grab_focus (canvas);
    press (GTK_WINDOW (window), "F10");
    WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    press (GTK_WINDOW (window), "Escape");
    WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  imp_test_drain ();
}

/* Ctrl+E opens the export dialog with the focus inside; Escape closes it.
 * Ctrl+, opens the preferences; Escape closes them. */
static void
test_dialogs (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  ImpWindow *window;
  GtkWindow *dialog;

  if (!can_send_keys ())
    return;

  window = new_window (map);

  press (GTK_WINDOW (window), "ctrl+e");
  WAIT_UNTIL (find_toplevel (IMP_TYPE_EXPORT_DIALOG) != NULL);
  dialog = find_toplevel (IMP_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  imp_test_wait_for_mapped (GTK_WIDGET (dialog));
  imp_test_wait_for_frame (GTK_WIDGET (dialog));
  press (dialog, "Tab");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (dialog)));
  press (dialog, "Escape");
  WAIT_UNTIL (find_toplevel (IMP_TYPE_EXPORT_DIALOG) == NULL);
  g_assert_null (find_toplevel (IMP_TYPE_EXPORT_DIALOG));

  press (GTK_WINDOW (window), "ctrl+comma");
  WAIT_UNTIL (find_toplevel (IMP_TYPE_PREFERENCES) != NULL);
  dialog = find_toplevel (IMP_TYPE_PREFERENCES);
  g_assert_nonnull (dialog);
  imp_test_wait_for_mapped (GTK_WIDGET (dialog));
  imp_test_wait_for_frame (GTK_WIDGET (dialog));
  press (dialog, "Tab");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (dialog)));
  press (dialog, "Escape");
  WAIT_UNTIL (find_toplevel (IMP_TYPE_PREFERENCES) == NULL);
  g_assert_null (find_toplevel (IMP_TYPE_PREFERENCES));

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

  g_test_add_func ("/ui/keyboard/f6-between-map-and-inspector",
                   test_f6_between_map_and_inspector);
  g_test_add_func ("/ui/keyboard/inspector-pages", test_inspector_pages);
  g_test_add_func ("/ui/keyboard/ctrl-tab-leaves-canvas", test_ctrl_tab_leaves_canvas);
  g_test_add_func ("/ui/keyboard/dialogs", test_dialogs);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
