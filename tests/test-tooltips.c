/* test-tooltips.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-tooltips"

#include "config.h"

#include <stdio.h>

#include "imp-application.h"
#include "imp-export-dialog.h"
#include "imp-node.h"
#include "imp-preferences.h"
#include "imp-window.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* A button that shows only an icon says what it does in a tooltip, and so
 * does every button of the main window's header bar. The tests walk the
 * real widget trees, so a button added later without a tooltip fails here. */

static ImpApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_tooltip (GtkWidget *widget)
{
  const char *text = gtk_widget_get_tooltip_text (widget);
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  return (text != NULL && *text != '\0') || (markup != NULL && *markup != '\0');
}

static void
describe (GtkWidget *widget,
          GString   *out)
{
  const char *icon = NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget))
    icon = gtk_button_get_icon_name (GTK_BUTTON (widget));

  g_string_append_printf (out, "\n  %s (icon %s, action %s) in",
                          G_OBJECT_TYPE_NAME (widget), icon ? icon : "none",
                          GTK_IS_ACTIONABLE (widget)
                            ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))
                            : "none");
  for (GtkWidget *parent = gtk_widget_get_parent (widget);
       parent != NULL;
       parent = gtk_widget_get_parent (parent))
    g_string_append_printf (out, " %s", G_OBJECT_TYPE_NAME (parent));
}

/* Adds to @missing every button under @widget that needs a tooltip and has
 * none. @in_header_bar: every button needs one, not only icon-only ones. */
static void
check_buttons (GtkWidget *widget,
               gboolean   in_header_bar,
               GString   *missing,
               guint     *n_checked)
{
  /* Parts of GTK's own widgets: window controls, the +/− of a spin
   * button, the button inside a drop-down. Not ours to label. */
  if (GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      GTK_IS_DROP_DOWN (widget))
    return;

  if (ADW_IS_HEADER_BAR (widget) && gtk_widget_get_ancestor (widget, IMP_TYPE_WINDOW) != NULL)
    in_header_bar = TRUE;

  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_BUTTON (widget))
    {
      gboolean icon_only = !has_text_label (widget);

      (*n_checked)++;
      if ((icon_only || in_header_bar) && !has_tooltip (widget))
        describe (widget, missing);

      /* A menu button's inner toggle button is its own; its popover,
       * a menu of labelled items, needs no tooltips. */
      if (GTK_IS_MENU_BUTTON (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_buttons (child, in_header_bar, missing, n_checked);
}

static void
assert_all_have_tooltips (GtkWidget  *root,
                          const char *what)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_checked = 0;

  check_buttons (root, FALSE, missing, &n_checked);
  g_test_message ("%s: %u buttons checked", what, n_checked);
  g_assert_cmpuint (n_checked, >, 0);
  if (missing->len > 0)
    g_error ("%s: buttons without a tooltip:%s", what, missing->str);
}

static ImpMap *
build_map (ImpNode **out_goal,
           ImpNode **out_deliverable,
           ImpNode **out_experiment,
           ImpLink **out_link)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor, *impact, *deliverable, *experiment;

  goal->metric = imp_metric_new ();
  goal->metric->baseline = 1000;
  goal->metric->target = 2000;
  actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Teachers", NULL, NULL);
  impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Grade sooner", NULL, NULL);
  deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Faster uploads", NULL, NULL);
  experiment = _imp_map_add_node (map, IMP_LEVEL_EXPERIMENT, "Fake door", NULL, NULL);
  g_assert_nonnull (_imp_map_link (map, goal, actor, -1, NULL));
  g_assert_nonnull (_imp_map_link (map, actor, impact, -1, NULL));
  *out_link = _imp_map_link (map, impact, deliverable, -1, NULL);
  g_assert_nonnull (*out_link);
  g_assert_nonnull (_imp_map_link (map, deliverable, experiment, -1, NULL));

  *out_goal = goal;
  *out_deliverable = deliverable;
  *out_experiment = experiment;

  return g_steal_pointer (&map);
}

/* The window, with the inspector open on every kind of selection. */
static void
test_window_buttons (void)
{
  ImpWindow *window = imp_window_new (app);
  ImpNode *goal, *deliverable, *experiment;
  ImpLink *link;
  g_autoptr(ImpMap) map = build_map (&goal, &deliverable, &experiment, &link);
  ImpSelection *selection;

  imp_window_set_map (window, map, NULL);
  selection = imp_window_get_selection (window);
  adw_flap_set_reveal_flap (window->inspector_flap, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  imp_selection_clear (selection);
  iterate ();
  assert_all_have_tooltips (GTK_WIDGET (window), "nothing selected");

  imp_selection_select (selection, goal);
  iterate ();
  assert_all_have_tooltips (GTK_WIDGET (window), "goal with a metric");

  imp_selection_select (selection, deliverable);
  iterate ();
  assert_all_have_tooltips (GTK_WIDGET (window), "deliverable");

  imp_selection_select (selection, experiment);
  iterate ();
  assert_all_have_tooltips (GTK_WIDGET (window), "experiment");

  imp_selection_select_link (selection, link);
  iterate ();
  assert_all_have_tooltips (GTK_WIDGET (window), "link");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_dialog_buttons (void)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  ImpExportDialog *dialog = imp_export_dialog_new (NULL, map, NULL, NULL, NULL);
  GtkWidget *prefs = imp_preferences_new (NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (prefs));
  iterate ();

  assert_all_have_tooltips (GTK_WIDGET (dialog), "export dialog");
  assert_all_have_tooltips (GTK_WIDGET (prefs), "preferences");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate ();
}

/* The check itself: an icon-only button without a tooltip is found. */
static void
test_check_finds_missing_tooltip (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *labelled = gtk_button_new_with_label ("Apply");
  GtkWidget *icon = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_checked = 0;

  g_object_ref_sink (box);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), icon);

  check_buttons (box, FALSE, missing, &n_checked);
  g_assert_cmpuint (n_checked, ==, 2);
  g_assert_nonnull (strstr (missing->str, "edit-copy-symbolic"));
  g_assert_null (strstr (missing->str, "Apply"));

  g_string_truncate (missing, 0);
  gtk_widget_set_tooltip_text (icon, "Copy");
  check_buttons (box, FALSE, missing, &n_checked);
  g_assert_cmpuint (missing->len, ==, 0);

  g_object_unref (box);
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

  g_test_add_func ("/ui/tooltips/check-finds-missing", test_check_finds_missing_tooltip);
  g_test_add_func ("/ui/tooltips/window", test_window_buttons);
  g_test_add_func ("/ui/tooltips/dialogs", test_dialog_buttons);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
