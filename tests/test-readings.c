/* test-readings.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-readings"

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "imp-format.h"
#include "imp-history.h"
#include "imp-inspector.h"
#include "imp-readings-panel.h"
#include "imp-scene-private.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* The readings panel of a goal, driven by real key presses: a value typed
 * and left with Tab is a reading, dated the day the window judges by; the
 * chart's summary and the list follow; undo takes it back in one step. */

static ImpApplication *app;
static char *tmp_dir;

#define WAIT_FOR(cond) imp_test_wait_for (cond)
/* xdotool with its arguments in the call, NULL last (imp-test-utils.h). */
#define xdotool(f, ...) imp_test_xdotool_args (GTK_WINDOW ((f)->window), __VA_ARGS__)

typedef struct
{
  ImpMap       *map;
  ImpWindow    *window;
  ImpInspector *inspector;
  ImpHistory   *history;
  ImpNode      *goal;
  char         *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();

  f->map = imp_map_new_with_goal ("Grow weekly learners");
  f->goal = imp_map_get_node (f->map, 0);
  metric->baseline = 0;
  metric->target = 100;
  metric->deadline = g_strdup ("2026-03-30");
  imp_metric_add_reading (metric, "2026-02-01", 0, NULL);
  _imp_map_set_node_metric (f->map, f->goal, metric);

  f->path = g_build_filename (tmp_dir, "readings.impactmap", NULL);
  imp_test_open_saved_window (app, f->map, f->path, &f->window);
  f->inspector = IMP_INSPECTOR (f->window->inspector);
  f->history = imp_window_get_history (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  imp_test_close_saved_window (&f->window, f->path);
  g_free (f->path);
  g_clear_object (&f->map);
}

/* The preferences row titled @title (or group, with @group) below @widget. */
static GtkWidget *
find_titled (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      const char *t = ADW_IS_PREFERENCES_ROW (widget)
                      ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                      : adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

      if (g_strcmp0 (t, title) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  return find_titled (GTK_WIDGET (f->inspector), ADW_TYPE_PREFERENCES_ROW, title);
}

static const char *
chart_summary (Fixture *f)
{
  GtkWidget *group = find_titled (GTK_WIDGET (f->inspector), ADW_TYPE_PREFERENCES_GROUP,
                                  "Readings");

  return group != NULL ? adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group))
                       : NULL;
}

static gboolean
focus_is_in (Fixture   *f,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_tab_adds_reading (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *value;

  imp_selection_select (imp_window_get_selection (f->window), f->goal);
  WAIT_FOR (row (f, "Value") != NULL);
  g_assert_nonnull (strstr (chart_summary (f), "Not enough data for a pace"));

  /* The date defaults to the day the window judges by (IMP_TODAY). */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "Date (YYYY-MM-DD)"))), ==,
                   "2026-03-01");
  value = row (f, "Value");
  gtk_widget_grab_focus (value);
  WAIT_FOR (focus_is_in (f, value));
  xdotool (f, "type", "--delay", "20", "1,000", NULL);
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (value)), "1,000") == 0);
  xdotool (f, "key", "Tab", NULL);

  WAIT_FOR (imp_metric_get_n_readings (f->goal->metric) == 2);
  g_assert_cmpstr (imp_metric_get_last_reading (f->goal->metric)->date, ==, "2026-03-01");
  g_assert_cmpfloat (f->goal->metric->current, ==, 1000);
  /* 0 → 1,000 in 28 days reaches 100 long before the deadline. */
  WAIT_FOR (chart_summary (f) != NULL && strstr (chart_summary (f), "Reached") != NULL);
  WAIT_FOR (row (f, "1,000") != NULL);

  /* The note typed next goes with the reading just added. */
  WAIT_FOR (focus_is_in (f, row (f, "Note")));
  xdotool (f, "type", "--delay", "20", "launch", NULL);
  xdotool (f, "key", "Return", NULL);
  WAIT_FOR (g_strcmp0 (imp_metric_get_last_reading (f->goal->metric)->note, "launch") == 0);
  g_assert_cmpuint (imp_metric_get_n_readings (f->goal->metric), ==, 2);
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row (f, "Value"))), "") == 0);

  /* Two steps: the reading, then its note; each undone on its own. */
  g_assert_true (imp_history_undo (f->history));
  g_assert_null (imp_metric_get_last_reading (f->goal->metric)->note);
  g_assert_true (imp_history_undo (f->history));
  g_assert_cmpuint (imp_metric_get_n_readings (f->goal->metric), ==, 1);
  WAIT_FOR (row (f, "1,000") == NULL);
  WAIT_FOR (strstr (chart_summary (f), "Not enough data for a pace") != NULL);
}

static void
test_bad_value_refused (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *value;

  imp_selection_select (imp_window_get_selection (f->window), f->goal);
  WAIT_FOR (row (f, "Value") != NULL);
  value = row (f, "Value");
  gtk_widget_grab_focus (value);
  WAIT_FOR (focus_is_in (f, value));
  xdotool (f, "type", "--delay", "20", "lots", NULL);
  xdotool (f, "key", "Return", NULL);
  WAIT_FOR (find_titled (GTK_WIDGET (f->inspector), ADW_TYPE_PREFERENCES_ROW, "Value") != NULL);
  imp_test_iterate_for (50);
  g_assert_cmpuint (imp_metric_get_n_readings (f->goal->metric), ==, 1);
  /* What was typed stays, to be fixed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "lots");
}

/* The first widget of @type under @widget, or NULL. */
static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a mapped label under @widget shows @text; a tooltip's window is
 * a child of the window it belongs to. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The bars of the goal card's sparkline: its thin boxes (imp-scene.c). */
static guint
sparkline_bars (Fixture *f)
{
  ImpScene *scene = imp_canvas_get_scene (imp_window_get_canvas (f->window));
  const ImpSceneCard *card = _imp_scene_find_card (scene, f->goal);
  guint n = 0;

  g_assert_nonnull (card);
  for (guint i = card->first_box; i < card->first_box + card->n_boxes; i++)
    n += _imp_scene_get_box (scene, i)->rect.width == 3;

  return n;
}

static gboolean
card_shows (Fixture    *f,
            const char *text)
{
  ImpScene *scene = imp_canvas_get_scene (imp_window_get_canvas (f->window));
  const ImpSceneCard *card = _imp_scene_find_card (scene, f->goal);

  for (guint i = card->first_text; i < card->first_text + card->n_texts; i++)
    if (strstr (_imp_scene_get_text (scene, i)->text, text) != NULL)
      return TRUE;

  return FALSE;
}

/* A reading typed in the inspector changes the card on the canvas: its
 * progress text shows the new value and, from the second reading on, its
 * badge row draws a sparkline, a bar per reading. Hovering the chart's
 * point of the reading names it in a tooltip. */
static void
test_card_follows_reading (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *value, *panel, *chart;
  GtkNative *native;
  g_autofree char *xid = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  double x, y, wx, wy, tx, ty;

  imp_selection_select (imp_window_get_selection (f->window), f->goal);
  WAIT_FOR (row (f, "Value") != NULL);
  imp_test_wait_for_frame (GTK_WIDGET (imp_window_get_canvas (f->window)));
  g_assert_cmpuint (sparkline_bars (f), ==, 0);
  g_assert_false (card_shows (f, "60"));

  value = row (f, "Value");
  gtk_widget_grab_focus (value);
  WAIT_FOR (focus_is_in (f, value));
  xdotool (f, "type", "--delay", "20", "60", NULL);
  xdotool (f, "key", "Return", NULL);
  WAIT_FOR (imp_metric_get_n_readings (f->goal->metric) == 2);

  /* Two readings: a sparkline of two bars in the badge row, and the value shown. */
  WAIT_FOR (sparkline_bars (f) == 2);
  g_assert_true (card_shows (f, "60"));

  /* Undone, the card is as it was. */
  g_assert_true (imp_history_undo (f->history));
  WAIT_FOR (sparkline_bars (f) == 0);
  g_assert_false (card_shows (f, "60"));
  g_assert_true (imp_history_redo (f->history));
  WAIT_FOR (sparkline_bars (f) == 2);

  /* The pointer over the chart's point of the new reading. */
  WAIT_FOR ((panel = find_type (GTK_WIDGET (f->inspector), IMP_TYPE_READINGS_PANEL)) != NULL &&
            gtk_widget_get_mapped (imp_readings_panel_get_chart (IMP_READINGS_PANEL (panel))));
  chart = imp_readings_panel_get_chart (IMP_READINGS_PANEL (panel));
  g_assert_true (imp_readings_panel_get_reading_point (IMP_READINGS_PANEL (panel), 1, &x, &y));
  native = gtk_widget_get_native (chart);
  g_assert_true (gtk_widget_translate_coordinates (chart, GTK_WIDGET (native), x, y, &wx, &wy));
  gtk_native_get_surface_transform (native, &tx, &ty);
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  sx = g_strdup_printf ("%d", (int) (wx + tx));
  sy = g_strdup_printf ("%d", (int) (wy + ty));
  /* Twice, a pixel apart: a tooltip waits for the pointer to move over it. */
  xdotool (f, "mousemove", "--window", xid, sx, sy, "sleep", "0.1",
           "mousemove_relative", "--", "1", "0", NULL);
  WAIT_FOR (shows_label (GTK_WIDGET (f->window), "60 on 2026-03-01"));

  /* With IMP_TEST_SCREENSHOT=FILE.png, the screen as it is now, for a
   * person to look at (IMP_TEST_DARK=1 for the dark style); nothing is
   * asserted of it. */
  if (g_getenv ("IMP_TEST_SCREENSHOT") != NULL)
    {
      g_autofree char *command = g_strdup_printf ("import -window root %s",
                                                  g_getenv ("IMP_TEST_SCREENSHOT"));

      imp_test_iterate_for (300);
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    }
}

/* A CSV of readings, as the menu or a drop brings it: one undo step; a
 * file with a bad row adds nothing. */
static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *good = g_build_filename (tmp_dir, "good.csv", NULL);
  g_autofree char *other = g_build_filename (tmp_dir, "other.csv", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  guint n_undo = imp_history_get_n_undo (f->history);

  g_assert_true (g_file_set_contents (good, "date,node,value\n2026-02-08,Grow weekly learners,5\n"
                                      "2026-02-15,Grow weekly learners,9\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "name,score\nA,1\n", -1, NULL));
  g_assert_true (_imp_window_tracking_file_is_readings (good_file));
  g_assert_false (_imp_window_tracking_file_is_readings (other_file));

  _imp_window_tracking_import (f->window, good_file);
  g_assert_cmpuint (imp_metric_get_n_readings (f->goal->metric), ==, 3);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_true (imp_history_undo (f->history));
  g_assert_cmpuint (imp_metric_get_n_readings (f->goal->metric), ==, 1);

  g_unlink (good);
  g_unlink (other);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (!imp_test_has_display ())
    return 0;

  g_setenv ("IMP_TODAY", "2026-03-01", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();
  if (g_getenv ("IMP_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  tmp_dir = g_dir_make_tmp ("imp-readings-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add ("/ui/readings/tab-adds-reading", Fixture, NULL, fixture_set_up,
              test_tab_adds_reading, fixture_tear_down);
  g_test_add ("/ui/readings/bad-value-refused", Fixture, NULL, fixture_set_up,
              test_bad_value_refused, fixture_tear_down);

  g_test_add ("/ui/readings/csv-import", Fixture, NULL, fixture_set_up, test_csv_import,
              fixture_tear_down);
  g_test_add ("/ui/readings/card-follows-reading", Fixture, NULL, fixture_set_up,
              test_card_follows_reading, fixture_tear_down);

  ret = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
