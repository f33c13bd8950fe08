/* test-inspector-fields.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inspector-fields"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "imp-format.h"
#include "imp-history.h"
#include "imp-inspector.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"
#include "imp-test-map.h"

/* What a facilitator types in the inspector is never lost: real key presses
 * and clicks (xdotool, on Xvfb) fill a field, then leave it every way a
 * person does, and the value is in the model each time. */

static ImpApplication *app;
static char *tmp_dir;

/* Runs the main loop until @cond holds, failing the test after a generous
 * timeout (imp-test-utils.h). */
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
  ImpNode      *actor;
  ImpNode      *impact;
  ImpNode      *deliverable;
  ImpNode      *experiment;
  char         *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();

  f->map = imp_map_new_with_goal ("Grow weekly learners");
  f->goal = imp_map_get_node (f->map, 0);
  f->actor = imp_test_add_card (f->map, IMP_LEVEL_ACTOR, "Students", f->goal);
  f->impact = imp_test_add_card (f->map, IMP_LEVEL_IMPACT, "Get results within a minute", f->actor);
  f->deliverable = imp_test_add_card (f->map, IMP_LEVEL_DELIVERABLE, "Faster uploads", f->impact);
  f->experiment = imp_test_add_card (f->map, IMP_LEVEL_EXPERIMENT, "Fake door", f->deliverable);
  metric->baseline = 540;
  metric->current = 310;
  metric->target = 60;
  metric->direction = IMP_DIRECTION_DECREASE;
  _imp_map_set_node_metric (f->map, f->impact, metric);
  _imp_map_set_node_experiment (f->map, f->experiment, experiment);

  f->path = g_build_filename (tmp_dir, "fields.impactmap", NULL);
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

/* Input as people enter it */


static GtkWidget *
field (Fixture    *f,
       const char *key)
{
  GtkWidget *row = imp_inspector_get_field (f->inspector, key);

  g_assert_nonnull (row);

  return row;
}

static gboolean
focus_is_in (Fixture   *f,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
text_of (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
shows (Fixture    *f,
       const char *key,
       const char *text)
{
  GtkWidget *row = imp_inspector_get_field (f->inspector, key);
  g_autofree char *shown = row != NULL ? text_of (row) : NULL;

  return g_strcmp0 (shown, text) == 0;
}

/* Clicks @widget at (@x, @y) of its own, as the pointer would. */
static void
click (Fixture   *f,
       GtkWidget *widget,
       double     x,
       double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  double wx, wy, tx, ty;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y,
                                                   &wx, &wy));
  gtk_native_get_surface_transform (native, &tx, &ty);
  sx = g_strdup_printf ("%d", (int) (wx + tx));
  sy = g_strdup_printf ("%d", (int) (wy + ty));
  xdotool (f, "mousemove", "--window", xid, sx, sy, "click", "1", NULL);
}

/* Puts the focus in @key's field (as a click on it does) and types @text
 * over what it held. */
static GtkWidget *
type_into (Fixture    *f,
           const char *key,
           const char *text)
{
  GtkWidget *row = field (f, key);

  gtk_widget_grab_focus (row);
  WAIT_FOR (focus_is_in (f, row));
  if (GTK_IS_TEXT_VIEW (row))
    xdotool (f, "key", "ctrl+a", NULL);
  xdotool (f, "type", "--delay", "20", text, NULL);
  WAIT_FOR (shows (f, key, text));

  return row;
}

static void
select_node (Fixture *f,
             ImpNode *node)
{
  imp_selection_select (imp_window_get_selection (f->window), node);
  WAIT_FOR (imp_inspector_get_field (f->inspector, "title") != NULL &&
            shows (f, "title", node->title));
}

static guint
n_undo_steps (Fixture *f)
{
  guint n = 0;

  while (imp_history_can_undo (f->history))
    {
      g_assert_true (imp_history_undo (f->history));
      n++;
    }

  return n;
}

/* Leaving a field */

static void
test_tab_commits_metric_name (Fixture       *f,
                              gconstpointer  data)
{
  select_node (f, f->impact);
  type_into (f, "metric-name", "Seconds to a result");
  g_assert_null (f->impact->metric->name);

  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (g_strcmp0 (f->impact->metric->name, "Seconds to a result") == 0);
  /* Focus went on to the next field, where typing goes on. */
  WAIT_FOR (focus_is_in (f, field (f, "metric-unit")));
  xdotool (f, "type", "--delay", "20", "s", NULL);
  WAIT_FOR (shows (f, "metric-unit", "s"));
  g_assert_cmpstr (f->impact->metric->name, ==, "Seconds to a result");
  g_assert_cmpuint (n_undo_steps (f), ==, 1);
}

static void
test_shift_tab_commits_number (Fixture       *f,
                               gconstpointer  data)
{
  select_node (f, f->impact);
  type_into (f, "metric-current", "250");
  xdotool (f, "key", "shift+Tab", NULL);
  WAIT_FOR (f->impact->metric->current == 250);
  WAIT_FOR (focus_is_in (f, field (f, "metric-baseline")));
  g_assert_true (shows (f, "metric-current", "250"));
}

/* Numbers as people type them: grouped thousands are read, the field
 * shows the number grouped, and a misplaced separator is refused with
 * examples in the user's format. */
static void
test_grouped_number (Fixture       *f,
                     gconstpointer  data)
{
  const char *feedback;

  select_node (f, f->impact);
  type_into (f, "metric-current", "40,000");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (f->impact->metric->current == 40000);
  g_assert_true (shows (f, "metric-current", "40,000"));

  type_into (f, "metric-baseline", "43500");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (f->impact->metric->baseline == 43500);
  WAIT_FOR (shows (f, "metric-baseline", "43,500"));

  type_into (f, "metric-current", "38 250.5");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (f->impact->metric->current == 38250.5);
  WAIT_FOR (shows (f, "metric-current", "38,250.5"));

  type_into (f, "metric-current", "1,5");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (imp_inspector_get_feedback (f->inspector, "metric-current") != NULL);
  feedback = imp_inspector_get_feedback (f->inspector, "metric-current");
  g_assert_nonnull (strstr (feedback, "“1,5” is not a number"));
  g_assert_nonnull (strstr (feedback, "43,500"));
  g_assert_cmpfloat (f->impact->metric->current, ==, 38250.5);
}

static void
test_click_on_map_commits_title (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (imp_window_get_canvas (f->window));

  select_node (f, f->actor);
  type_into (f, "title", "Evening students");
  /* Empty space at the canvas' bottom left. */
  click (f, canvas, 20, gtk_widget_get_height (canvas) - 20);
  WAIT_FOR (g_strcmp0 (f->actor->title, "Evening students") == 0);
  g_assert_cmpuint (n_undo_steps (f), ==, 1);
  g_assert_cmpstr (f->actor->title, ==, "Students");
}

static void
test_click_on_field_commits_date (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *unit;

  select_node (f, f->impact);
  type_into (f, "metric-deadline", "2026-12-31");
  unit = field (f, "metric-unit");
  click (f, unit, gtk_widget_get_width (unit) / 2.0, gtk_widget_get_height (unit) / 2.0);
  WAIT_FOR (g_strcmp0 (f->impact->metric->deadline, "2026-12-31") == 0);
  WAIT_FOR (focus_is_in (f, field (f, "metric-unit")));
}

static void
test_choice_commits (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *row;

  select_node (f, f->impact);
  row = field (f, "metric-direction");
  gtk_widget_grab_focus (row);
  WAIT_FOR (focus_is_in (f, row));
  /* Return opens the list; Up and Return pick "Increase". */
  xdotool (f, "key", "Return", NULL);
  xdotool (f, "key", "--delay", "100", "Up", "Return", NULL);
  WAIT_FOR (f->impact->metric->direction == IMP_DIRECTION_INCREASE);
  g_assert_cmpuint (n_undo_steps (f), ==, 1);
}

/* Choosing "Technical spike" by keyboard makes the experiment test
 * feasibility, in the same one undo step, and the aspect row shows it. */
static void
test_kind_brings_aspect (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *row;

  select_node (f, f->experiment);
  row = field (f, "exp-kind");
  gtk_widget_grab_focus (row);
  WAIT_FOR (focus_is_in (f, row));
  /* From "Other", five down is "Technical spike". */
  xdotool (f, "key", "Return", NULL);
  xdotool (f, "key", "--delay", "100", "Down", "Down", "Down", "Down", "Down", "Return", NULL);
  WAIT_FOR (f->experiment->experiment->kind == IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE);
  g_assert_cmpint (f->experiment->experiment->aspect, ==, IMP_ASPECT_FEASIBILITY);
  WAIT_FOR (adw_combo_row_get_selected (ADW_COMBO_ROW (field (f, "exp-aspect"))) ==
            IMP_ASPECT_FEASIBILITY);
  g_assert_cmpuint (n_undo_steps (f), ==, 1);
}

static void
test_ice_score_commits (Fixture       *f,
                        gconstpointer  data)
{
  select_node (f, f->deliverable);
  type_into (f, "ice-impact", "7");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (f->deliverable->ice.impact == 7);
  WAIT_FOR (focus_is_in (f, field (f, "ice-confidence")));
  xdotool (f, "type", "--delay", "20", "4", NULL);
  xdotool (f, "key", "Return", NULL);
  WAIT_FOR (f->deliverable->ice.confidence == 4);
  /* Two fields, two steps. */
  g_assert_cmpuint (n_undo_steps (f), ==, 2);
}

static void
test_selection_change_commits_experiment (Fixture       *f,
                                          gconstpointer  data)
{
  select_node (f, f->experiment);
  type_into (f, "exp-start", "2026-10-10");
  /* The value goes to the card it was typed for, not the next one. */
  select_node (f, f->deliverable);
  g_assert_cmpstr (f->experiment->experiment->start_date, ==, "2026-10-10");
  g_assert_null (f->deliverable->experiment);
  select_node (f, f->experiment);
  g_assert_true (shows (f, "exp-start", "2026-10-10"));
}

static void
test_hiding_commits_assumption (Fixture       *f,
                                gconstpointer  data)
{
  ImpLink *link = imp_map_find_link (f->map, f->actor, f->impact);

  imp_selection_select_link (imp_window_get_selection (f->window), link);
  WAIT_FOR (imp_inspector_get_field (f->inspector, "link-assumption") != NULL);
  type_into (f, "link-assumption", "Quick results bring them back");
  xdotool (f, "key", "F9", NULL);
  WAIT_FOR (g_strcmp0 (link->assumption, "Quick results bring them back") == 0);
  WAIT_FOR (!adw_flap_get_reveal_flap (f->window->inspector_flap));
}

static void
test_hiding_without_focus_change_commits (Fixture       *f,
                                          gconstpointer  data)
{
  /* Folded away by other means than F9, with the focus left in the field. */
  select_node (f, f->impact);
  type_into (f, "metric-unit", "seconds");
  adw_flap_set_reveal_flap (f->window->inspector_flap, FALSE);
  WAIT_FOR (g_strcmp0 (f->impact->metric->unit, "seconds") == 0);
}

static void
test_save_commits_notes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ImpMap) saved = NULL;

  select_node (f, f->deliverable);
  type_into (f, "notes", "Ask the upload team first");
  xdotool (f, "key", "ctrl+s", NULL);
  WAIT_FOR (g_strcmp0 (f->deliverable->notes, "Ask the upload team first") == 0);
  WAIT_FOR (!imp_document_get_saving (f->window->document) && !imp_document_get_modified (f->window->document));
  saved = imp_format_load_path (f->path, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (imp_map_lookup_node (saved, f->deliverable->id)->notes, ==,
                   "Ask the upload team first");
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

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
test_close_commits (Fixture       *f,
                    gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(ImpMap) saved = NULL;

  select_node (f, f->impact);
  type_into (f, "metric-name", "Seconds to a result");
  xdotool (f, "key", "ctrl+w", NULL);
  /* The typed value is a change to save. */
  WAIT_FOR ((dialog = find_dialog ("Save Changes?")) != NULL);
  g_assert_cmpstr (f->impact->metric->name, ==, "Seconds to a result");
  respond (dialog, "save");
  WAIT_FOR (f->window == NULL);
  saved = imp_format_load_path (f->path, NULL);
  g_assert_cmpstr (imp_map_lookup_node (saved, f->impact->id)->metric->name, ==,
                   "Seconds to a result");
}

/* Escape, refusals and undo */

static void
test_escape_reverts (Fixture       *f,
                     gconstpointer  data)
{
  select_node (f, f->impact);
  type_into (f, "title", "Oops");
  xdotool (f, "key", "Escape", NULL);
  WAIT_FOR (shows (f, "title", "Get results within a minute"));
  /* Leaving afterwards commits nothing. */
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (!focus_is_in (f, field (f, "title")));
  g_assert_cmpstr (f->impact->title, ==, "Get results within a minute");
  g_assert_false (imp_history_can_undo (f->history));

  /* A refused value reverts too, with its message. */
  type_into (f, "metric-target", "abc");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (imp_inspector_get_feedback (f->inspector, "metric-target") != NULL);
  gtk_widget_grab_focus (field (f, "metric-target"));
  WAIT_FOR (focus_is_in (f, field (f, "metric-target")));
  xdotool (f, "key", "Escape", NULL);
  WAIT_FOR (shows (f, "metric-target", "60"));
  g_assert_null (imp_inspector_get_feedback (f->inspector, "metric-target"));
  g_assert_true (imp_inspector_commit_pending (f->inspector));
  g_assert_false (imp_history_can_undo (f->history));
}

static void
test_invalid_value_stays (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(GStrv) invalid = NULL;
  AdwMessageDialog *dialog;

  select_node (f, f->impact);
  type_into (f, "metric-target", "abc");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (imp_inspector_get_feedback (f->inspector, "metric-target") != NULL);
  g_assert_nonnull (strstr (imp_inspector_get_feedback (f->inspector, "metric-target"),
                            "not a number"));
  g_assert_true (shows (f, "metric-target", "abc"));
  g_assert_cmpfloat (f->impact->metric->target, ==, 60);
  g_assert_false (imp_history_can_undo (f->history));

  /* Another field's edit rebuilds the page: the refusal stays. */
  WAIT_FOR (focus_is_in (f, field (f, "metric-direction")));
  type_into (f, "metric-unit", "s");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (g_strcmp0 (f->impact->metric->unit, "s") == 0);
  WAIT_FOR (shows (f, "metric-target", "abc"));
  g_assert_nonnull (imp_inspector_get_feedback (f->inspector, "metric-target"));

  /* So does another card's page in between. */
  select_node (f, f->actor);
  select_node (f, f->impact);
  g_assert_true (shows (f, "metric-target", "abc"));
  g_assert_nonnull (imp_inspector_get_feedback (f->inspector, "metric-target"));

  /* The window learns which field holds what. */
  g_assert_false (imp_inspector_commit_pending (f->inspector));
  invalid = imp_inspector_dup_invalid_fields (f->inspector);
  g_assert_cmpuint (g_strv_length (invalid), ==, 1);
  g_assert_nonnull (strstr (invalid[0], "Metric target"));
  g_assert_nonnull (strstr (invalid[0], "“abc” is not a number"));

  /* Saving keeps the last valid value. */
  xdotool (f, "key", "ctrl+s", NULL);
  WAIT_FOR (!imp_document_get_saving (f->window->document) && !imp_document_get_modified (f->window->document));
  g_assert_true (shows (f, "metric-target", "abc"));

  /* Closing names it. */
  xdotool (f, "key", "ctrl+w", NULL);
  WAIT_FOR ((dialog = find_dialog ("Save Changes?")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Metric target"));
  respond (dialog, "cancel");
  g_assert_nonnull (f->window);

  /* A target equal to the baseline is refused the same way; fixing it
   * commits. */
  type_into (f, "metric-target", "540");
  xdotool (f, "key", "Return", NULL);
  WAIT_FOR (imp_inspector_get_feedback (f->inspector, "metric-target") != NULL);
  g_assert_nonnull (strstr (imp_inspector_get_feedback (f->inspector, "metric-target"),
                            "baseline"));
  type_into (f, "metric-target", "90");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (f->impact->metric->target == 90);
  g_assert_null (imp_inspector_get_feedback (f->inspector, "metric-target"));
  g_assert_true (imp_inspector_commit_pending (f->inspector));
}

static void
test_one_undo_step_per_field (Fixture       *f,
                              gconstpointer  data)
{
  select_node (f, f->impact);
  type_into (f, "metric-name", "Seconds to a result");
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (focus_is_in (f, field (f, "metric-unit")));
  xdotool (f, "type", "--delay", "20", "seconds", NULL);
  xdotool (f, "key", "Tab", NULL);
  WAIT_FOR (g_strcmp0 (f->impact->metric->unit, "seconds") == 0);
  g_assert_cmpstr (f->impact->metric->name, ==, "Seconds to a result");

  /* Undo takes back the unit alone, then the name. */
  g_assert_true (imp_history_undo (f->history));
  g_assert_null (f->impact->metric->unit);
  g_assert_cmpstr (f->impact->metric->name, ==, "Seconds to a result");
  WAIT_FOR (shows (f, "metric-unit", ""));
  g_assert_true (imp_history_undo (f->history));
  g_assert_null (f->impact->metric->name);
  g_assert_false (imp_history_can_undo (f->history));
}

/* Pages update in place */

/* Cards and links elsewhere change (through the history, as an undo or a
 * canvas edit would) while a field holds typed text: the page refills what
 * it shows about them, and the row being typed in stays, with its focus
 * and its text. */
static void
test_other_changes_keep_the_row (Fixture       *f,
                                 gconstpointer  data)
{
  ImpLink *link = imp_map_find_link (f->map, f->actor, f->impact);
  GtkWidget *row;

  select_node (f, f->deliverable);
  row = type_into (f, "ice-impact", "7");

  imp_history_set_node_title (f->history, f->experiment, "Painted door");
  imp_history_set_node_title (f->history, f->actor, "Evening students");
  imp_history_set_link_status (f->history, f->actor, f->impact, IMP_LINK_STATUS_SUPPORTED);
  imp_test_drain ();

  g_assert_cmpint (link->status, ==, IMP_LINK_STATUS_SUPPORTED);
  g_assert_true (field (f, "ice-impact") == row);
  g_assert_true (focus_is_in (f, row));
  g_assert_true (shows (f, "ice-impact", "7"));
  g_assert_cmpuint (f->deliverable->ice.impact, ==, 0);

  /* Typing goes on where it was, and leaving commits it all. */
  xdotool (f, "type", "--delay", "20", "0", NULL);
  WAIT_FOR (shows (f, "ice-impact", "70"));
  xdotool (f, "key", "BackSpace", "Tab", NULL);
  WAIT_FOR (f->deliverable->ice.impact == 7);
  g_assert_true (field (f, "ice-impact") == row);
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
  tmp_dir = g_dir_make_tmp ("imp-fields-XXXXXX", &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/ui/inspector-fields/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("tab-commits-metric-name", test_tab_commits_metric_name);
  ADD ("shift-tab-commits-number", test_shift_tab_commits_number);
  ADD ("grouped-number", test_grouped_number);
  ADD ("click-on-map-commits-title", test_click_on_map_commits_title);
  ADD ("click-on-field-commits-date", test_click_on_field_commits_date);
  ADD ("choice-commits", test_choice_commits);
  ADD ("kind-brings-aspect", test_kind_brings_aspect);
  ADD ("ice-score-commits", test_ice_score_commits);
  ADD ("selection-change-commits-experiment", test_selection_change_commits_experiment);
  ADD ("hiding-commits-assumption", test_hiding_commits_assumption);
  ADD ("hiding-without-focus-change-commits", test_hiding_without_focus_change_commits);
  ADD ("save-commits-notes", test_save_commits_notes);
  ADD ("close-commits", test_close_commits);
  ADD ("escape-reverts", test_escape_reverts);
  ADD ("invalid-value-stays", test_invalid_value_stays);
  ADD ("one-undo-step-per-field", test_one_undo_step_per_field);
  ADD ("other-changes-keep-the-row", test_other_changes_keep_the_row);

#undef ADD

  ret = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  g_clear_object (&app);

  return ret;
}
