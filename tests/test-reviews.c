/* test-reviews.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-reviews"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "imp-format.h"
#include "imp-history.h"
#include "imp-inspector.h"
#include "imp-review.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* Reviews in the window: Record Review… asks for a name typed with real
 * keys and records one undo step; choosing the review in the inspector's
 * map page labels on the canvas every card that changed since, and the
 * bar over the map names what was removed; the labels follow edits. */

static ImpApplication *app;
static char *tmp_dir;

#define WAIT_FOR(cond) imp_test_wait_for (cond)
/* xdotool with its arguments in the call, NULL last (imp-test-utils.h). */
#define xdotool imp_test_xdotool_args

typedef struct
{
  ImpMap       *map;
  ImpWindow    *window;
  ImpInspector *inspector;
  ImpHistory   *history;
  ImpCanvas    *canvas;
  ImpNode      *goal, *second_goal, *actor, *impact, *chat, *tour;
  char         *path;
} Fixture;

static ImpNode *
add (ImpMap     *map,
     ImpNode    *parent,
     ImpLevel    level,
     const char *title)
{
  g_autoptr(GError) error = NULL;
  ImpNode *node = _imp_map_add_node (map, level, title, NULL, &error);

  g_assert_no_error (error);
  if (parent != NULL)
    {
      _imp_map_link (map, parent, node, -1, &error);
      g_assert_no_error (error);
    }

  return node;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  ImpDelivery planned = { IMP_DELIVERY_PLANNED, "" };

  f->map = imp_map_new ();
  f->goal = add (f->map, NULL, IMP_LEVEL_GOAL, "More weekly learners");
  f->actor = add (f->map, f->goal, IMP_LEVEL_ACTOR, "Teachers");
  f->impact = add (f->map, f->actor, IMP_LEVEL_IMPACT, "Assign homework online");
  f->chat = add (f->map, f->impact, IMP_LEVEL_DELIVERABLE, "Class chat");
  f->tour = add (f->map, f->impact, IMP_LEVEL_DELIVERABLE, "Guided tour");
  f->second_goal = add (f->map, NULL, IMP_LEVEL_GOAL, "Fewer complaints");
  metric->baseline = 100;
  metric->target = 200;
  metric->current = 120;
  _imp_map_set_node_metric (f->map, f->goal, metric);
  g_assert_true (_imp_map_set_node_delivery (f->map, f->chat, &planned, NULL));

  f->path = g_build_filename (tmp_dir, "reviews.impactmap", NULL);
  imp_test_open_saved_window (app, f->map, f->path, &f->window);
  f->inspector = IMP_INSPECTOR (f->window->inspector);
  f->history = imp_window_get_history (f->window);
  f->canvas = imp_window_get_canvas (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  imp_test_close_saved_window (&f->window, f->path);
  g_free (f->path);
  g_clear_object (&f->map);
}


static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_titled (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_titled (GtkWidget  *widget,
              const char *title)
{
  guint n = ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_titled (child, title);

  return n;
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  return find_titled (GTK_WIDGET (f->inspector), ADW_TYPE_PREFERENCES_ROW, title);
}

static guint
n_reviews (ImpMap *map)
{
  g_autoptr(GPtrArray) list = imp_review_list (map);

  return list->len;
}

static void
give_current (Fixture *f,
              double   current)
{
  g_autoptr(ImpMetric) metric = imp_metric_copy (f->goal->metric);

  metric->current = current;
  imp_history_set_node_metric (f->history, f->goal, metric);
}

/* With IMP_TEST_SCREENSHOT=FILE.png, the screen as it is, for a person to
 * look at; nothing is asserted of it. */
static void
maybe_screenshot (Fixture *f)
{
  const char *path = g_getenv ("IMP_TEST_SCREENSHOT");
  g_autofree char *command = NULL;

  if (path == NULL)
    return;
  imp_test_wait_for_frame (GTK_WIDGET (f->canvas));
  imp_test_iterate_for (400);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
test_record_and_choose (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  AdwMessageDialog *dialog;
  ImpDelivery shipped = { IMP_DELIVERY_SHIPPED, "2026-04-02" };
  ImpNode *tour = f->tour;
  ImpNode *added;
  guint n_undo = imp_history_get_n_undo (f->history);
  const char *bar;

  /* The name typed, Enter: one review, dated the day the window judges by. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.record-review", NULL);
  WAIT_FOR ((dialog = find_dialog ("Record Review")) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  xdotool (GTK_WINDOW (dialog), "key", "ctrl+a", NULL);
  xdotool (GTK_WINDOW (dialog), "type", "--delay", "20", "Q1 review", NULL);
  xdotool (GTK_WINDOW (dialog), "key", "Return", NULL);
  WAIT_FOR (n_reviews (f->map) == 1);
  WAIT_FOR (find_dialog ("Record Review") == NULL);
  list = imp_review_list (f->map);
  g_assert_cmpstr (((ImpReviewInfo *) list->pdata[0])->name, ==, "Q1 review");
  g_assert_cmpstr (((ImpReviewInfo *) list->pdata[0])->date, ==, "2026-03-31");
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Record Review");

  /* A second review of that name cannot be recorded: the button is off. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.record-review", NULL);
  WAIT_FOR ((dialog = find_dialog ("Record Review")) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  xdotool (GTK_WINDOW (dialog), "key", "ctrl+a", NULL);
  xdotool (GTK_WINDOW (dialog), "type", "--delay", "20", "Q1 review", NULL);
  WAIT_FOR (!adw_message_dialog_get_response_enabled (dialog, "record"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "There is already a review of that name.");
  xdotool (GTK_WINDOW (dialog), "key", "Escape", NULL);
  WAIT_FOR (find_dialog ("Record Review") == NULL);
  g_assert_cmpuint (n_reviews (f->map), ==, 1);

  /* Time passes. */
  give_current (f, 150);
  g_assert_true (imp_history_set_node_delivery (f->history, f->chat, &shipped, NULL));
  added = imp_history_add_node (f->history, f->impact, -1, IMP_LEVEL_DELIVERABLE,
                                "Parent newsletter", NULL);
  imp_history_delete_nodes (f->history, &tour, 1);

  /* The map page lists the review; choosing it labels what changed. */
  imp_inspector_show_page (f->inspector, "map");
  WAIT_FOR (row (f, "Q1 review") != NULL);
  /* Shipped work is set aside in the ranking, once, never among the unscored too. */
  g_assert_cmpuint (count_titled (GTK_WIDGET (f->inspector), "Class chat"), ==, 1);
  g_assert_null (imp_canvas_get_review_label (f->canvas, f->goal));
  gtk_widget_activate (row (f, "Q1 review"));
  WAIT_FOR (imp_canvas_get_review_label (f->canvas, f->goal) != NULL);
  g_assert_cmpstr (imp_canvas_get_review_label (f->canvas, f->goal), ==,
                   "▲ +30 since Q1 review");
  g_assert_cmpstr (imp_canvas_get_review_label (f->canvas, f->chat), ==,
                   "Shipped, was Planned");
  g_assert_cmpstr (imp_canvas_get_review_label (f->canvas, added), ==,
                   "New since Q1 review");
  g_assert_null (imp_canvas_get_review_label (f->canvas, f->actor));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (f->window->review_revealer)));
  bar = gtk_label_get_text (GTK_LABEL (f->window->review_label));
  g_assert_nonnull (strstr (bar, "Since “Q1 review” (2026-03-31): 3 changes on the map"));
  g_assert_nonnull (strstr (bar, "Removed: “Guided tour”"));
  maybe_screenshot (f);

  /* The labels follow edits: the goal back where it was has none. */
  give_current (f, 120);
  WAIT_FOR (imp_canvas_get_review_label (f->canvas, f->goal) == NULL);
  g_assert_nonnull (imp_canvas_get_review_label (f->canvas, f->chat));

  /* Stopping takes every label away. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-review", "s", "");
  WAIT_FOR (imp_canvas_get_review_label (f->canvas, f->chat) == NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (f->window->review_revealer)));
}

/* A goal's page marks it primary now, one undo step; a review remembers it
 * and the comparison says when another goal took over. */
static void
test_primary_goal (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *primary;
  g_autoptr(GError) error = NULL;
  GDate today;

  imp_selection_select (imp_window_get_selection (f->window), f->goal);
  WAIT_FOR ((primary = row (f, "Primary goal now")) != NULL);
  gtk_widget_activate (primary);
  WAIT_FOR (imp_review_get_primary_goal (f->map) == f->goal);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Mark Primary Goal");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, G_DATE_MARCH, 2026);
  g_assert_true (imp_review_record (f->history, "Kick-off", &today, &error));

  imp_selection_select (imp_window_get_selection (f->window), f->second_goal);
  WAIT_FOR ((primary = row (f, "Primary goal now")) != NULL &&
            !gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                                      ADW_ACTION_ROW (primary)))));
  gtk_widget_activate (primary);
  WAIT_FOR (imp_review_get_primary_goal (f->map) == f->second_goal);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-review", "s", "Kick-off");
  WAIT_FOR (gtk_revealer_get_reveal_child (GTK_REVEALER (f->window->review_revealer)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (f->window->review_label)),
                            "The primary goal is “Fewer complaints”, it was "
                            "“More weekly learners”"));
  g_assert_cmpstr (imp_canvas_get_review_label (f->canvas, f->second_goal), ==,
                   "Primary now, was “More weekly learners”");

  /* Undo: the first goal is primary again, its switch says so. */
  g_assert_true (imp_history_undo (f->history));
  WAIT_FOR (imp_review_get_primary_goal (f->map) == f->goal);
  WAIT_FOR (!gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                                      ADW_ACTION_ROW (row (f, "Primary goal now"))))));
  WAIT_FOR (imp_canvas_get_review_label (f->canvas, f->second_goal) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (!imp_test_has_display ())
    return 0;

  g_setenv ("IMP_TODAY", "2026-03-31", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();
  tmp_dir = g_dir_make_tmp ("imp-reviews-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add ("/ui/reviews/record-and-choose", Fixture, NULL, fixture_set_up,
              test_record_and_choose, fixture_tear_down);
  g_test_add ("/ui/reviews/primary-goal", Fixture, NULL, fixture_set_up, test_primary_goal,
              fixture_tear_down);

  ret = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
