/* test-window-load.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-load"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "imp-application.h"
#include "imp-format.h"
#include "imp-inspector.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* Opening a big map: the window says it is opening the file, keeps
 * running its main loop while a worker thread reads and lays it out, and
 * then shows the map. */

static ImpApplication *app;
static char *tmp_dir;

/* A map of @n deliverables with long notes: over a mebibyte on disk. */
static char *
write_big_map (guint n)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = NULL, *impact = NULL;
  char *path = g_build_filename (tmp_dir, "big.impactmap", NULL);

  for (guint i = 0; i < 12; i++)
    g_string_append (notes, "Interviews with teachers say grading takes their evenings. ");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Deliverable %u: a quicker way to grade", i);
      ImpNode *node;

      if (i % 400 == 0)
        {
          actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Teachers", NULL, &error);
          g_assert_no_error (error);
          _imp_map_link (map, goal, actor, -1, &error);
          g_assert_no_error (error);
        }
      if (i % 20 == 0)
        {
          impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Grade sooner", NULL, &error);
          g_assert_no_error (error);
          _imp_map_link (map, actor, impact, -1, &error);
          g_assert_no_error (error);
        }
      node = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, title, NULL, &error);
      g_assert_no_error (error);
      _imp_map_set_node_notes (map, node, notes->str);
      _imp_map_link (map, impact, node, -1, &error);
      g_assert_no_error (error);
    }

  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_big_map_loads_in_thread (void)
{
  g_autofree char *path = write_big_map (2400);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf st;
  ImpWindow *window;
  ImpMap *map;
  ImpScene *scene;
  guint n_nodes;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1024 * 1024);

  window = imp_application_open_file (app, file);

  /* At once: the window is up and says it is opening the file, not a map. */
  g_assert_true (imp_document_get_loading (window->document));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The main loop keeps running while the thread works. */
  imp_test_wait_for (!imp_document_get_loading (window->document));

  /* Then the map, with the scene built in the thread. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  map = imp_window_get_map (window);
  g_assert_nonnull (map);
  n_nodes = imp_map_get_n_nodes (map);
  g_assert_cmpuint (n_nodes, ==, 1 + 6 + 120 + 2400);
  g_assert_true (g_file_equal (imp_window_get_file (window), file));
  scene = imp_canvas_get_scene (window->canvas);
  g_assert_nonnull (scene);
  g_assert_true (imp_scene_get_map (scene) == map);
  g_assert_true (imp_scene_hit_test (scene, -1e6, -1e6) == NULL);
  imp_test_drain ();

  /* The Map page lists all 2400 deliverables in a list view that makes
   * rows only for what is in view: a bounded number of them. */
  {
    ImpInspector *inspector = IMP_INSPECTOR (window->inspector);
    GtkWidget *view;
    GListModel *model;
    guint n_rows = 0;

    imp_inspector_show_page (inspector, "map");
    imp_test_wait_for_frame (GTK_WIDGET (window));
    view = imp_inspector_get_field (inspector, "ranked-list");
    g_assert_true (GTK_IS_LIST_VIEW (view));
    model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2400);
    for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      n_rows++;
    g_assert_cmpuint (n_rows, >, 0);
    g_assert_cmpuint (n_rows, <, 250);
    g_assert_nonnull (imp_inspector_get_field (inspector, "ranked-0"));
    g_assert_null (imp_inspector_get_field (inspector, "ranked-2399"));

    /* No "show more" row: scrolling to the end makes the last rows. */
    g_assert_null (imp_inspector_get_field (inspector, "ranked-more"));
    imp_test_drain ();
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_small_map_opens_at_once (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "small.impactmap", NULL);
  g_autoptr(ImpMap) small = imp_map_new_with_goal ("Small");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpWindow *window;

  g_assert_true (imp_format_save_to_path (small, path, &error));
  window = imp_application_open_file (app, file);

  /* The same path as a big file: read in the thread, the window waiting. */
  g_assert_true (imp_document_get_loading (window->document));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");
  imp_test_wait_for (!imp_document_get_loading (window->document));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  g_assert_cmpuint (imp_map_get_n_nodes (imp_window_get_map (window)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* Closing the window before the thread is done drops the map quietly. */
static void
test_close_while_loading (void)
{
  g_autofree char *path = write_big_map (2400);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ImpWindow *window = imp_application_open_file (app, file);

  g_object_ref (window);
  g_assert_true (imp_document_get_loading (window->document));
  gtk_window_destroy (GTK_WINDOW (window));

  imp_test_wait_for (!imp_document_get_loading (window->document));
  g_object_unref (window);
  g_unlink (path);
}

/* A second file opened into the window while the first still loads: the
 * window shows the second, and the first is dropped, not shown anywhere
 * (the application opens each file it is given in a window of its own: a
 * window still loading is never picked for another file). */
static void
test_second_file_while_loading (void)
{
  g_autofree char *big_path = write_big_map (2400);
  g_autofree char *small_path = g_build_filename (tmp_dir, "second.impactmap", NULL);
  g_autoptr(ImpMap) small = imp_map_new_with_goal ("Second");
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  g_autoptr(GFile) small_file = g_file_new_for_path (small_path);
  g_autoptr(GError) error = NULL;
  GList *windows = NULL;
  ImpWindow *first, *second, *other = NULL;

  g_assert_true (imp_format_save_to_path (small, small_path, &error));

  first = imp_application_open_file (app, big_file);
  g_assert_true (imp_document_get_loading (first->document));
  /* As when the application picks the window for another file. */
  second = first;
  imp_window_open_file (second, small_file);

  imp_test_wait_for (!imp_document_get_loading (first->document));

  /* The window keeps the second file. */
  g_assert_true (g_file_equal (imp_window_get_file (second), small_file));
  g_assert_cmpuint (imp_map_get_n_nodes (imp_window_get_map (second)), ==, 1);

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    if (IMP_IS_WINDOW (l->data) && imp_window_get_file (l->data) != NULL &&
        g_file_equal (imp_window_get_file (l->data), big_file))
      other = l->data;
  g_assert_null (other);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (second->stack), ==, "map");
  g_assert_null (imp_session_find_document (imp_application_get_session (app), big_file));

  /* The application gives a second file a window of its own. */
  first = imp_application_open_file (app, big_file);
  g_assert_true (first != second);
  g_assert_true (imp_application_open_file (app, small_file) == second);
  imp_test_wait_for (!imp_document_get_loading (first->document));
  g_clear_pointer (&windows, g_list_free);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    if (IMP_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (windows);
  imp_test_drain ();
  g_unlink (big_path);
  g_unlink (small_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (!imp_test_has_display ())
    return 0;

  tmp_dir = g_dir_make_tmp ("imp-window-load-XXXXXX", &error);
  g_assert_no_error (error);

  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();

  g_test_add_func ("/ui/load/big-map-in-thread", test_big_map_loads_in_thread);
  g_test_add_func ("/ui/load/small-map-at-once", test_small_map_opens_at_once);
  g_test_add_func ("/ui/load/close-while-loading", test_close_while_loading);
  g_test_add_func ("/ui/load/second-file-while-loading", test_second_file_while_loading);

  ret = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  g_object_unref (app);

  return ret;
}
