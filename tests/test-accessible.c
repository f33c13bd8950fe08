/* test-accessible.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-accessible"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-a11y.h"
#include "imp-canvas-cards.h"
#include "imp-node.h"
#include "imp-window.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* The canvas is one drawn widget: a screen reader learns what is selected
 * from its accessible description only. */

static ImpApplication *app;

static ImpMap *
build_map (ImpNode **out_goal,
           ImpNode **out_students,
           ImpNode **out_impact)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *teachers, *students, *parents, *impact;

  _imp_map_set_title (map, "Learning platform");
  goal->metric = imp_metric_new ();
  goal->metric->baseline = 1000;
  goal->metric->current = 1440;
  goal->metric->target = 2000;

  teachers = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Teachers", NULL, NULL);
  students = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Students", NULL, NULL);
  parents = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Parents", NULL, NULL);
  g_assert_nonnull (_imp_map_link (map, goal, teachers, -1, NULL));
  g_assert_nonnull (_imp_map_link (map, goal, students, -1, NULL));
  g_assert_nonnull (_imp_map_link (map, goal, parents, -1, NULL));

  impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, "Come back every week", NULL, NULL);
  g_assert_nonnull (_imp_map_link (map, students, impact, -1, NULL));

  *out_goal = goal;
  *out_students = students;
  *out_impact = impact;

  return g_steal_pointer (&map);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_description_follows_selection (void)
{
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = NULL;
  ImpNode *goal, *students, *impact;
  ImpSelection *selection;
  ImpCanvas *canvas;
  const char *text;

  map = build_map (&goal, &students, &impact);
  imp_window_set_map (window, map, NULL);
  canvas = imp_window_get_canvas (window);
  selection = imp_window_get_selection (window);
  g_assert_true (selection == imp_canvas_get_selection (canvas));
  imp_selection_clear (selection);

  /* Nothing selected: a summary of the map. */
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "5 cards"));
  g_assert_nonnull (strstr (text, "nothing selected"));

  /* The goal: level, title and metric progress, and no parent. */
  imp_selection_select (selection, goal);
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "Goal “Grow weekly learners”"));
  g_assert_nonnull (strstr (text, "44% of target"));
  g_assert_null (strstr (text, " under "));

  /* The second of three actors. */
  imp_selection_select (selection, students);
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "Actor “Students”"));
  g_assert_nonnull (strstr (text, "2 of 3 under “Grow weekly learners”"));
  g_assert_null (strstr (text, "% of target"));

  imp_selection_select (selection, impact);
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "Impact “Come back every week”"));
  g_assert_nonnull (strstr (text, "1 of 1 under “Students”"));

  /* Level names follow the map's vocabulary. */
  g_assert_true (_imp_map_set_vocabulary (map, IMP_VOCABULARY_FIVE_QUESTIONS));
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "How “Come back every week”"));

  /* A title edit shows at once. */
  imp_selection_select (selection, students);
  _imp_map_set_node_title (map, students, "Pupils");
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "Who “Pupils”"));

  imp_selection_add (selection, goal);
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "2 cards selected"));

  imp_selection_clear (selection);
  text = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (text, "nothing selected"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The high-contrast system setting gives the canvas the plain print look. */
static void
test_high_contrast_theme (void)
{
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  ImpCanvas *canvas;

  g_assert_cmpint (imp_canvas_theme_kind_for (FALSE, FALSE), ==, IMP_THEME_LIGHT);
  g_assert_cmpint (imp_canvas_theme_kind_for (FALSE, TRUE), ==, IMP_THEME_PRINT);
  g_assert_cmpint (imp_canvas_theme_kind_for (TRUE, TRUE), ==, IMP_THEME_DARK);

  imp_window_set_map (window, map, NULL);
  canvas = imp_window_get_canvas (window);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, IMP_THEME_LIGHT);

  /* Without a settings portal, libadwaita reads high contrast from the
   * desktop's GSettings, which is in memory in tests. */
  source = g_settings_schema_source_get_default ();
  schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("no org.gnome.desktop.a11y.interface schema to switch high contrast");
    }
  else
    {
      g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

      g_settings_set_boolean (a11y, "high-contrast", TRUE);
      iterate ();
      if (!adw_style_manager_get_high_contrast (manager))
        g_test_skip ("high contrast comes from a settings portal here");
      else
        g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, IMP_THEME_PRINT);

      g_settings_set_boolean (a11y, "high-contrast", FALSE);
      iterate ();
      g_assert_false (adw_style_manager_get_high_contrast (manager));
      g_assert_cmpint (imp_canvas_get_theme_kind (canvas), ==, IMP_THEME_LIGHT);
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A map with only its goal shows the first steps; a bigger one does not. */
static void
test_first_steps_guide (void)
{
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  g_autoptr(ImpMap) other = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor;

  imp_window_set_map (window, map, NULL);
  g_assert_true (_imp_window_guide_is_visible (window));

  actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Students", NULL, NULL);
  g_assert_nonnull (_imp_map_link (map, goal, actor, -1, NULL));
  g_assert_false (_imp_window_guide_is_visible (window));

  _imp_map_remove_node (map, actor);
  g_assert_true (_imp_window_guide_is_visible (window));

  other = imp_map_new_with_goal ("Other");
  _imp_map_add_node (other, IMP_LEVEL_ACTOR, "Teachers", NULL, NULL);
  imp_window_set_map (window, other, NULL);
  g_assert_false (_imp_window_guide_is_visible (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance, 0 for black to 1 for white. */
static double
luminance (const ImpColor *color)
{
  return 0.2126 * channel_luminance (color->red) +
         0.7152 * channel_luminance (color->green) +
         0.0722 * channel_luminance (color->blue);
}

static double
contrast (const ImpColor *a,
          const ImpColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* High contrast on a dark desktop: the canvas turns black with white text
 * and bright accents, instead of staying the ordinary dark theme. */
static void
test_high_contrast_dark_theme (void)
{
  const ImpTheme *theme = imp_canvas_theme_for (TRUE, TRUE);
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  ImpCanvas *canvas;

  g_assert_true (imp_canvas_theme_for (TRUE, FALSE) == imp_theme_get (IMP_THEME_DARK));
  g_assert_true (imp_canvas_theme_for (FALSE, TRUE) == imp_theme_get (IMP_THEME_PRINT));
  g_assert_true (imp_canvas_theme_for (FALSE, FALSE) == imp_theme_get (IMP_THEME_LIGHT));
  g_assert_true (theme != imp_theme_get (IMP_THEME_DARK));
  g_assert_cmpfloat (luminance (&theme->background), <, 0.01);
  g_assert_cmpfloat (contrast (&theme->text, &theme->background), >=, 15.0);
  for (guint level = 0; level < IMP_N_LEVELS; level++)
    {
      g_assert_cmpfloat (contrast (&theme->text, &theme->level_fill[level]), >=, 7.0);
      g_assert_cmpfloat (contrast (&theme->level_accent[level], &theme->level_fill[level]), >=, 7.0);
    }
  /* Brighter than the ordinary dark theme everywhere it matters. */
  g_assert_cmpfloat (contrast (&theme->link, &theme->background), >,
                     contrast (&imp_theme_get (IMP_THEME_DARK)->link,
                               &imp_theme_get (IMP_THEME_DARK)->background));

  imp_window_set_map (window, map, NULL);
  canvas = imp_window_get_canvas (window);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (imp_canvas_get_theme (canvas) == imp_theme_get (IMP_THEME_DARK));

  source = g_settings_schema_source_get_default ();
  schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("no org.gnome.desktop.a11y.interface schema to switch high contrast");
    }
  else
    {
      g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

      g_settings_set_boolean (a11y, "high-contrast", TRUE);
      iterate ();
      if (!adw_style_manager_get_high_contrast (manager))
        {
          g_test_skip ("high contrast comes from a settings portal here");
        }
      else
        {
          g_assert_true (imp_canvas_get_theme (canvas) == theme);
          g_assert_cmpfloat (luminance (&imp_canvas_get_theme (canvas)->background), <, 0.01);

          /* Switching to light with high contrast still on: the print look. */
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
          iterate ();
          g_assert_true (imp_canvas_get_theme (canvas) == imp_theme_get (IMP_THEME_PRINT));
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
          iterate ();
          g_assert_true (imp_canvas_get_theme (canvas) == theme);
        }

      g_settings_set_boolean (a11y, "high-contrast", FALSE);
      iterate ();
      g_assert_true (imp_canvas_get_theme (canvas) == imp_theme_get (IMP_THEME_DARK));
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cards a screen reader walks: a widget per card near the selection
 * and in view, named by its title and described by level, place, state. */
static void
test_card_widgets (void)
{
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = NULL;
  ImpNode *goal, *students, *impact;
  ImpCanvasCard *card;
  ImpCanvas *canvas;

  map = build_map (&goal, &students, &impact);
  imp_window_set_map (window, map, NULL);
  canvas = imp_window_get_canvas (window);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (window));

  g_assert_cmpuint (imp_canvas_get_n_card_widgets (canvas), ==, 5);
  card = imp_canvas_get_card_widget (canvas, students);
  g_assert_nonnull (card);
  g_assert_cmpstr (imp_canvas_card_get_label (card), ==, "Students");
  g_assert_cmpstr (imp_canvas_card_get_description (card), ==,
                   "Actor, 2 of 3 under “Grow weekly learners”, 1 card under it");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (card)), ==,
                   GTK_ACCESSIBLE_ROLE_TREE_ITEM);
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (card)));
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (card)) == GTK_WIDGET (canvas));
  card = imp_canvas_get_card_widget (canvas, goal);
  g_assert_cmpstr (imp_canvas_card_get_description (card), ==,
                   "Goal, 1 of 1, 44% of target, 3 cards under it");

  /* Collapsing hides the cards under it, and says so. */
  _imp_map_set_node_collapsed (map, students, TRUE);
  imp_test_wait_for (imp_canvas_get_n_card_widgets (canvas) == 4);
  g_assert_null (imp_canvas_get_card_widget (canvas, impact));
  card = imp_canvas_get_card_widget (canvas, students);
  g_assert_cmpstr (imp_canvas_card_get_description (card), ==,
                   "Actor, 2 of 3 under “Grow weekly learners”, collapsed, 1 card under it");
  _imp_map_set_node_collapsed (map, students, FALSE);

  /* A title edit and a selection reach the widget. */
  _imp_map_set_node_title (map, students, "Pupils");
  imp_test_wait_for (g_strcmp0 (imp_canvas_card_get_label (imp_canvas_get_card_widget (canvas, students)),
                                "Pupils") == 0);

  /* The focus of the map is the selected card's widget. */
  imp_selection_select (imp_window_get_selection (window), students);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  imp_test_wait_for (gtk_root_get_focus (GTK_ROOT (window)) ==
                     GTK_WIDGET (imp_canvas_get_card_widget (canvas, students)));
  imp_selection_select (imp_window_get_selection (window), impact);
  imp_test_wait_for (gtk_root_get_focus (GTK_ROOT (window)) ==
                     GTK_WIDGET (imp_canvas_get_card_widget (canvas, impact)));

  /* Deleting the focused card leaves the focus on the map. */
  _imp_map_remove_node (map, impact);
  imp_test_wait_for (imp_canvas_get_card_widget (canvas, students) != NULL &&
                     imp_canvas_get_n_card_widgets (canvas) == 4);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (canvas)) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (canvas));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A big map: no more than about 200 widgets, the selected card among them. */
static void
test_card_widgets_bounded (void)
{
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *last = NULL;
  ImpCanvas *canvas;

  /* Chains of four cards side by side: zoomed out, hundreds are in view. */
  for (guint i = 0; i < 210; i++)
    {
      static const ImpLevel levels[] = {
        IMP_LEVEL_ACTOR, IMP_LEVEL_IMPACT, IMP_LEVEL_DELIVERABLE, IMP_LEVEL_EXPERIMENT,
      };
      ImpNode *parent = goal;

      for (guint j = 0; j < G_N_ELEMENTS (levels); j++)
        {
          g_autofree char *title = g_strdup_printf ("Card %u.%u", i, j);
          ImpNode *node = _imp_map_add_node (map, levels[j], title, NULL, NULL);

          g_assert_nonnull (_imp_map_link (map, parent, node, -1, NULL));
          parent = last = node;
        }
    }

  imp_window_set_map (window, map, NULL);
  canvas = imp_window_get_canvas (window);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  g_assert_cmpuint (imp_map_get_n_nodes (map), ==, 841);
  /* Zoomed out as far as it goes, more than 200 cards are in view: 200 get one. */
  imp_viewport_set_zoom (imp_canvas_get_viewport (canvas), 0.01);
  g_assert_cmpuint (imp_canvas_get_n_card_widgets (canvas), ==, 200);

  imp_selection_select (imp_window_get_selection (window), last);
  g_assert_nonnull (imp_canvas_get_card_widget (canvas, last));
  g_assert_nonnull (imp_canvas_get_card_widget (canvas, imp_node_get_tree_parent (last)));
  g_assert_cmpuint (imp_canvas_get_n_card_widgets (canvas), ==, 200);

  /* Zoomed in, only the cards in view and the selected card's family. */
  imp_viewport_set_zoom (imp_canvas_get_viewport (canvas), 1.0);
  imp_canvas_centre_on_node (canvas, last);
  imp_test_wait_for (imp_canvas_get_n_card_widgets (canvas) < 100);
  g_assert_nonnull (imp_canvas_get_card_widget (canvas, last));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!imp_test_has_display ())
    return 0;

  /* The test reads English words back. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();

  g_test_add_func ("/ui/accessible/description-follows-selection",
                   test_description_follows_selection);
  g_test_add_func ("/ui/accessible/high-contrast-theme", test_high_contrast_theme);
  g_test_add_func ("/ui/accessible/high-contrast-dark-theme", test_high_contrast_dark_theme);
  g_test_add_func ("/ui/window/first-steps-guide", test_first_steps_guide);
  g_test_add_func ("/ui/accessible/card-widgets", test_card_widgets);
  g_test_add_func ("/ui/accessible/card-widgets-bounded", test_card_widgets_bounded);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
