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
}

/* Combine Maps…: two groups' maps in a new window; a card proposed by both
 * says so in the inspector. */
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
  GtkWidget *row;

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

  ret = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
