/* test-conflicts.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-conflicts"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "imp-combine.h"
#include "imp-conflicts.h"
#include "imp-format.h"
#include "imp-history.h"
#include "imp-inspector.h"
#include "imp-merge.h"
#include "imp-canvas.h"
#include "imp-scene.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* A map a merge left with conflicts, opened in the window: the inspector's
 * Map page lists them, each button resolves one in one undo step, and the
 * map ends as expected; saving before that is allowed. */

static ImpApplication *app;
static char *tmp_dir;

#define WAIT_FOR(cond) imp_test_wait_for (cond)

static ImpNode *
add (ImpMap     *map,
     ImpNode    *parent,
     ImpLevel    level,
     const char *title,
     const char *id)
{
  ImpNode *node = _imp_map_add_node (map, level, title, id, NULL);

  g_assert_nonnull (node);
  if (parent != NULL)
    g_assert_nonnull (_imp_map_link (map, parent, node, -1, NULL));
  return node;
}

static ImpMap *
copy_map (ImpMap *map)
{
  g_autofree char *data = imp_format_save_to_data (map, NULL);

  return imp_format_load_data (data, -1, NULL);
}

/* Three conflicts: a title changed two ways, a card deleted by ours and
 * edited by theirs, notes changed two ways. */
static ImpMap *
conflicted_map (void)
{
  g_autoptr(ImpMap) base = imp_map_new ();
  g_autoptr(ImpMap) ours = NULL;
  g_autoptr(ImpMap) theirs = NULL;
  ImpNode *g = add (base, NULL, IMP_LEVEL_GOAL, "More weekly learners", "g");
  ImpNode *a = add (base, g, IMP_LEVEL_ACTOR, "Teachers", "a");
  ImpMap *merged;

  add (base, a, IMP_LEVEL_IMPACT, "Grade within a day", "i1");
  add (base, a, IMP_LEVEL_IMPACT, "Share lessons", "i3");
  _imp_map_set_title (base, "Learners");
  ours = copy_map (base);
  theirs = copy_map (base);
  _imp_map_set_node_title (ours, imp_map_lookup_node (ours, "a"), "Tutors");
  _imp_map_set_node_title (theirs, imp_map_lookup_node (theirs, "a"), "Mentors");
  _imp_map_remove_node (ours, imp_map_lookup_node (ours, "i3"));
  _imp_map_set_node_notes (theirs, imp_map_lookup_node (theirs, "i3"), "Still wanted");
  _imp_map_set_node_notes (ours, imp_map_lookup_node (ours, "i1"), "Ours");
  _imp_map_set_node_notes (theirs, imp_map_lookup_node (theirs, "i1"), "Theirs");

  merged = imp_merge_maps (base, ours, theirs, NULL, NULL);
  g_assert_nonnull (merged);
  g_assert_cmpuint (imp_conflicts_get_n (merged), ==, 3);
  return merged;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
file_has (const char *path,
          const char *text)
{
  g_autofree char *data = NULL;

  return g_file_get_contents (path, &data, NULL, NULL) && strstr (data, text) != NULL;
}

static void
test_resolve_in_window (void)
{
  g_autoptr(ImpMap) map = conflicted_map ();
  g_autofree char *path = g_build_filename (tmp_dir, "conflicted.impactmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  ImpWindow *window;
  ImpInspector *inspector;
  ImpHistory *history;
  GtkWidget *button;

  g_assert_true (imp_format_save_to_path (map, path, NULL));

  window = imp_window_new (app);
  imp_window_set_map (window, map, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  inspector = IMP_INSPECTOR (window->inspector);
  history = imp_window_get_history (window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (inspector)));

  imp_inspector_show_page (inspector, "map");
  WAIT_FOR (find_named (GTK_WIDGET (inspector), "conflicts-group") != NULL);
  g_assert_nonnull (find_named (GTK_WIDGET (inspector), "conflict-2"));

  /* Saving with the conflicts unresolved is allowed and keeps them. */
  imp_history_set_map_title (history, "Learners, merged");
  g_assert_true (imp_document_get_modified (imp_window_get_document (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_modified (imp_window_get_document (window)));
  g_assert_true (file_has (path, "Learners, merged"));
  g_assert_true (file_has (path, "\"conflicts\""));

  /* Theirs for the title: one step; undo brings the record back. */
  button = find_named (GTK_WIDGET (inspector), "conflict-0-theirs");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  /* A button activated clicks once its press has shown. */
  WAIT_FOR (imp_conflicts_get_n (map) == 2);
  g_assert_cmpstr (imp_map_lookup_node (map, "a")->title, ==, "Mentors");
  g_assert_cmpuint (imp_conflicts_get_n (map), ==, 2);
  g_assert_cmpstr (imp_history_get_undo_label (history), ==, "Resolve Conflict");
  WAIT_FOR (find_named (GTK_WIDGET (inspector), "conflict-2") == NULL);
  g_assert_true (imp_history_undo (history));
  g_assert_cmpstr (imp_map_lookup_node (map, "a")->title, ==, "Tutors");
  WAIT_FOR (find_named (GTK_WIDGET (inspector), "conflict-2") != NULL);
  g_assert_true (imp_history_redo (history));
  WAIT_FOR (find_named (GTK_WIDGET (inspector), "conflict-2") == NULL);

  /* Ours deleted "Share lessons": keeping ours deletes it. */
  button = find_named (GTK_WIDGET (inspector), "conflict-1-ours");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  WAIT_FOR (imp_conflicts_get_n (map) == 1);
  g_assert_null (imp_map_lookup_node (map, "i3"));
  WAIT_FOR (find_named (GTK_WIDGET (inspector), "conflict-1") == NULL);

  /* Edit: ours kept, the card selected for editing. */
  button = find_named (GTK_WIDGET (inspector), "conflict-0-edit");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  WAIT_FOR (imp_conflicts_get_n (map) == 0);
  g_assert_true (imp_selection_get_primary (imp_window_get_selection (window)) ==
                 imp_map_lookup_node (map, "i1"));
  WAIT_FOR (g_strcmp0 (imp_inspector_get_page (inspector), "selection") == 0);
  g_assert_null (find_named (GTK_WIDGET (inspector), "conflicts-group"));

  /* The expected map: the title theirs, the card gone, the notes ours, no records. */
  saved = imp_format_save_to_data (map, NULL);
  g_assert_null (strstr (saved, "conflicts"));
  g_assert_nonnull (strstr (saved, "\"title\": \"Mentors\""));
  g_assert_nonnull (strstr (saved, "\"notes\": \"Ours\""));
  g_assert_null (strstr (saved, "Share lessons"));
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, 4);

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
  g_unlink (path);
  {
    /* The window's save keeps the version it replaced. */
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
}

static GtkWidget *find_toplevel (const char *name);

/* Every card of @canvas's map is inside the canvas: fitted. */
static gboolean
canvas_shows_all (GtkWidget *canvas)
{
  ImpScene *scene = imp_canvas_get_scene (IMP_CANVAS (canvas));
  ImpViewport *viewport = imp_canvas_get_viewport (IMP_CANVAS (canvas));
  ImpMap *map = imp_canvas_get_map (IMP_CANVAS (canvas));
  double zoom = imp_viewport_get_zoom (viewport);

  if (scene == NULL || gtk_widget_get_width (canvas) == 0)
    return FALSE;
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpRect r;

      if (!imp_scene_get_card_rect (scene, imp_map_get_node (map, i), &r))
        return FALSE;
      if (r.x * zoom + imp_viewport_get_offset_x (viewport) < 0 ||
          r.y * zoom + imp_viewport_get_offset_y (viewport) < 0 ||
          (r.x + r.width) * zoom + imp_viewport_get_offset_x (viewport) > gtk_widget_get_width (canvas) ||
          (r.y + r.height) * zoom + imp_viewport_get_offset_y (viewport) > gtk_widget_get_height (canvas))
        return FALSE;
    }
  return TRUE;
}

/* Combine Maps…: two groups' maps in a new window; a card proposed by both
 * says so in the inspector; the source maps side by side in a window of
 * their own, each read-only, fitted, under its name. */
static void
test_combine_maps (void)
{
  g_autoptr(ImpMap) red = imp_map_new ();
  g_autoptr(ImpMap) blue = imp_map_new ();
  g_autofree char *red_path = g_build_filename (tmp_dir, "red.impactmap", NULL);
  g_autofree char *blue_path = g_build_filename (tmp_dir, "blue.impactmap", NULL);
  GFile *files[2];
  g_autofree char *by = NULL;
  ImpWindow *window, *combined;
  ImpNode *goal, *node;
  GtkWidget *row, *sources;

  goal = add (red, NULL, IMP_LEVEL_GOAL, "More weekly learners", "g");
  add (red, goal, IMP_LEVEL_ACTOR, "Teachers", "a");
  goal = add (blue, NULL, IMP_LEVEL_GOAL, "more weekly  learners", "x");
  add (blue, goal, IMP_LEVEL_ACTOR, "Students", "s");
  g_assert_true (imp_format_save_to_path (red, red_path, NULL));
  g_assert_true (imp_format_save_to_path (blue, blue_path, NULL));
  files[0] = g_file_new_for_path (red_path);
  files[1] = g_file_new_for_path (blue_path);

  window = imp_window_new (app);
  imp_window_set_map (window, red, files[0]);
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* One map is not enough: nothing opens. */
  g_assert_null (_imp_window_teams_combine_files (window, files, 1));

  combined = _imp_window_teams_combine_files (window, files, 2);
  g_assert_nonnull (combined);
  g_object_add_weak_pointer (G_OBJECT (combined), (gpointer *) &combined);
  g_assert_cmpuint (imp_map_get_n_nodes (combined->map), ==, 3);
  node = imp_map_lookup_node (combined->map, "g");
  by = imp_combine_dup_proposed_by (node);
  g_assert_cmpstr (by, ==, "red, blue");
  WAIT_FOR (gtk_widget_get_mapped (combined->inspector));
  imp_selection_select (imp_window_get_selection (combined), node);
  WAIT_FOR ((row = find_named (combined->inspector, "proposed-by")) != NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "red, blue");

  sources = find_toplevel ("sources-window");
  g_assert_nonnull (sources);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (sources)) == GTK_WINDOW (combined));
  WAIT_FOR (gtk_widget_get_mapped (sources));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("source-%u", i);
      GtkWidget *canvas = find_named (sources, name);
      GtkWidget *label;

      g_assert_nonnull (canvas);
      g_assert_cmpstr (imp_map_get_title (imp_canvas_get_map (IMP_CANVAS (canvas))), ==,
                       imp_map_get_title (i == 0 ? red : blue));
      g_assert_cmpuint (imp_map_get_n_nodes (imp_canvas_get_map (IMP_CANVAS (canvas))), ==, 2);
      g_assert_null (imp_canvas_get_history (IMP_CANVAS (canvas)));
      label = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (canvas)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, i == 0 ? "red" : "blue");
      WAIT_FOR (canvas_shows_all (canvas));
    }
  g_assert_null (find_named (sources, "source-2"));

  combined->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (combined));
  WAIT_FOR (combined == NULL);
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_unlink (red_path);
  g_unlink (blue_path);
}

static void
git (const char *dir,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list ap;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, (char *) dir);
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.name=Test User");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.email=test@example.org");
  va_start (ap, dir);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static guint
count_rows (GtkWidget *widget,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, type);
  return n;
}

static GtkWidget *
find_titled_row (GtkWidget  *widget,
                 const char *part)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), part) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled_row (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (list, i);

      if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        return w;
    }
  return NULL;
}

/* Compare With Earlier Version: the map committed in git, renamed since;
 * the versions listed, the changes since one, a change selecting its card;
 * outside a repository the window says why there is nothing. */
static void
test_compare_version (void)
{
  g_autofree char *git_path = g_find_program_in_path ("git");
  g_autofree char *repo = g_build_filename (tmp_dir, "repo", NULL);
  g_autofree char *path = g_build_filename (repo, "plan.impactmap", NULL);
  g_autofree char *outside = g_build_filename (tmp_dir, "outside.impactmap", NULL);
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) outside_file = g_file_new_for_path (outside);
  ImpWindow *window;
  GtkWidget *versions, *changes, *row;
  ImpNode *goal;

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_CEILING_DIRECTORIES", tmp_dir, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (repo, 0700), ==, 0);
  git (repo, "init", "-q", NULL);
  goal = add (map, NULL, IMP_LEVEL_GOAL, "More weekly learners", "g");
  add (map, goal, IMP_LEVEL_ACTOR, "Teachers", "a");
  g_assert_true (imp_format_save_to_path (map, path, NULL));
  git (repo, "add", "plan.impactmap", NULL);
  git (repo, "commit", "-q", "-m", "First plan", NULL);
  _imp_map_set_node_title (map, imp_map_lookup_node (map, "a"), "Tutors");

  window = imp_window_new (app);
  imp_window_set_map (window, map, file);
  /* Opening the map does not wait for git: git is asked in the background
   * and the compare item follows its answer. */
  g_assert_false (_imp_window_compare_can_version_now (window));
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  WAIT_FOR (_imp_window_compare_can_version_now (window));

  versions = _imp_window_compare_list_versions (window);
  g_assert_nonnull (versions);
  WAIT_FOR (gtk_widget_get_mapped (versions));
  row = find_titled_row (versions, "First plan");
  g_assert_nonnull (row);
  g_assert_cmpuint (count_rows (versions, ADW_TYPE_ACTION_ROW), ==, 1);
  gtk_window_destroy (GTK_WINDOW (versions));

  changes = _imp_window_compare_version (window, "HEAD");
  g_assert_nonnull (changes);
  WAIT_FOR (gtk_widget_get_mapped (changes));
  row = find_titled_row (changes, "renamed from \"Teachers\"");
  g_assert_nonnull (row);
  g_assert_cmpuint (count_rows (changes, ADW_TYPE_ACTION_ROW), ==, 1);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (imp_selection_get_primary (imp_window_get_selection (window)) ==
                 imp_map_lookup_node (map, "a"));
  gtk_window_destroy (GTK_WINDOW (changes));

  /* In a work tree with git installed, the menu item is there to choose
   * (_imp_window_compare_can_version() enables win.compare-version). */
  g_assert_true (_imp_window_compare_can_version (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-version", NULL));
  versions = find_toplevel ("versions-window");
  g_assert_nonnull (versions);
  gtk_window_destroy (GTK_WINDOW (versions));

  /* Not in a repository: the item is greyed out in advance; asked all
   * the same, no window, and a toast says why. */
  g_assert_true (imp_format_save_to_path (map, outside, NULL));
  imp_window_set_map (window, map, outside_file);
  g_assert_false (_imp_window_compare_can_version (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-version", NULL);
  g_assert_null (find_toplevel ("versions-window"));
  g_assert_null (_imp_window_compare_list_versions (window));

  /* No git on PATH: greyed out too, even for a file in the work tree. */
  {
    g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
    g_autofree char *other = g_build_filename (repo, "other.impactmap", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    g_assert_true (imp_format_save_to_path (map, other, NULL));
    g_setenv ("PATH", tmp_dir, TRUE);
    imp_window_set_map (window, map, other_file);
    g_assert_false (_imp_window_compare_can_version (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-version", NULL);
    g_assert_null (find_toplevel ("versions-window"));
    g_setenv ("PATH", old_path, TRUE);
  }

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
  g_unlink (outside);
  {
    const char *rm[] = { "rm", "-rf", repo, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, NULL, NULL));
  }
}

/* Compare With… another file: the changes drawn on the canvas (the added
 * card and the renamed one marked with a label saying how, the removed one
 * a ghost under its old parent), the bar saying how many, a row of the list
 * selecting its card, and Stop Comparing taking the marks away. */
static void
test_compare_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "before.impactmap", NULL);
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpMap) before = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ImpWindow *window;
  GtkWidget *changes, *row;
  ImpNode *goal, *added;
  const char *bar;

  goal = add (map, NULL, IMP_LEVEL_GOAL, "More weekly learners", "g");
  add (map, goal, IMP_LEVEL_ACTOR, "Teachers", "a");
  add (map, goal, IMP_LEVEL_ACTOR, "Parents", "b");
  g_assert_true (imp_format_save_to_path (map, path, NULL));
  before = imp_format_load_file (file, NULL);
  g_assert_nonnull (before);
  _imp_map_set_node_title (map, imp_map_lookup_node (map, "a"), "Tutors");
  _imp_map_remove_node (map, imp_map_lookup_node (map, "b"));
  added = add (map, goal, IMP_LEVEL_ACTOR, "Students", "c");

  window = imp_window_new (app);
  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_null (imp_canvas_get_review_label (window->canvas, added));

  changes = _imp_window_compare_show (window, before, "before.impactmap");
  g_assert_nonnull (changes);
  WAIT_FOR (gtk_widget_get_mapped (changes));
  g_assert_cmpstr (imp_canvas_get_review_label (window->canvas, added), ==,
                   "New since before.impactmap");
  g_assert_cmpstr (imp_canvas_get_review_label (window->canvas,
                                                imp_map_lookup_node (map, "a")), ==,
                   "Renamed, was “Teachers”");
  g_assert_cmpstr (imp_canvas_get_review_ghost (window->canvas, goal), ==,
                   "Removed: “Parents”");
  g_assert_null (imp_canvas_get_review_label (window->canvas, goal));
  bar = gtk_label_get_text (GTK_LABEL (window->review_label));
  g_assert_cmpstr (bar, ==, "Since before.impactmap: 2 cards changed, 1 removed");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (window->review_revealer)));

  row = find_titled_row (changes, "Students");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (imp_selection_get_primary (imp_window_get_selection (window)) == added);
  gtk_window_destroy (GTK_WINDOW (changes));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-review", "s", ""));
  g_assert_null (imp_canvas_get_review_label (window->canvas, added));
  g_assert_null (imp_canvas_get_review_ghost (window->canvas, goal));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window->review_revealer)));

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (!imp_test_has_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();
  tmp_dir = g_dir_make_tmp ("imp-conflicts-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/conflicts/resolve-in-window", test_resolve_in_window);
  g_test_add_func ("/ui/conflicts/combine-maps", test_combine_maps);
  g_test_add_func ("/ui/conflicts/compare-version", test_compare_version);
  g_test_add_func ("/ui/conflicts/compare-file", test_compare_file);

  ret = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
