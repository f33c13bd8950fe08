/* test-preferences.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <stdio.h>

#include "imp-application.h"
#include "imp-export-dialog.h"
#include "imp-preferences.h"
#include "imp-window.h"

#include "imp-test-utils.h"

/* The preferences window and the settings it changes. */

static ImpApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The style setting drives AdwStyleManager at once, whoever changes it. */
static void
test_style_follows_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_settings_set_string (settings, "style-variant", "dark");
  iterate ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  g_settings_set_string (settings, "style-variant", "light");
  iterate ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  g_settings_set_string (settings, "style-variant", "default");
  iterate ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* Choosing a row in the window changes the setting, hence the style. */
static void
test_window_rows_change_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *prefs = imp_preferences_new (NULL);
  AdwComboRow *style_row, *vocabulary_row;
  GtkSpinButton *spin;

  g_settings_set_string (settings, "default-vocabulary", "three-tiers");
  style_row = ADW_COMBO_ROW (gtk_widget_get_template_child (prefs, IMP_TYPE_PREFERENCES,
                                                            "style_row"));
  vocabulary_row = ADW_COMBO_ROW (gtk_widget_get_template_child (prefs, IMP_TYPE_PREFERENCES,
                                                                 "vocabulary_row"));
  spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (prefs, IMP_TYPE_PREFERENCES,
                                                         "autosave_spin"));

  gtk_window_present (GTK_WINDOW (prefs));
  iterate ();

  /* The rows show the settings. */
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (vocabulary_row), ==, IMP_VOCABULARY_THREE_TIERS);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);

  adw_combo_row_set_selected (style_row, 2);
  iterate ();
  {
    g_autofree char *variant = g_settings_get_string (settings, "style-variant");
    g_assert_cmpstr (variant, ==, "dark");
  }
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);

  adw_combo_row_set_selected (vocabulary_row, IMP_VOCABULARY_PRODUCT_CHAIN);
  gtk_spin_button_set_value (spin, 30);
  iterate ();
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 30);
  {
    g_autofree char *vocabulary = g_settings_get_string (settings, "default-vocabulary");
    g_assert_cmpstr (vocabulary, ==, "product-chain");
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "style-variant");
  g_settings_reset (settings, "autosave-delay");
  g_settings_reset (settings, "default-vocabulary");
  iterate ();
}

/* A window opens at the size the last one was closed with. */
static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ImpWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = imp_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  iterate ();
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* A new map starts with the vocabulary chosen in the preferences. */
static void
test_new_map_vocabulary (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window;
  ImpMap *map;

  g_settings_set_string (settings, "default-vocabulary", "five-questions");
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  iterate ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (IMP_IS_WINDOW (window));
  map = imp_window_get_map (IMP_WINDOW (window));
  g_assert_cmpint (imp_map_get_vocabulary (map), ==, IMP_VOCABULARY_FIVE_QUESTIONS);

  gtk_window_destroy (window);
  g_settings_reset (settings, "default-vocabulary");
  iterate ();
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);

  return GTK_WIDGET (child);
}

/* The Export group of the preferences sets what the export dialog opens
 * with: format, theme, scale, padding, transparency and the title line. */
static void
test_export_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Goal");
  GtkWidget *prefs = imp_preferences_new (NULL);
  AdwComboRow *format_row, *theme_row;
  GtkSpinButton *scale_spin, *padding_spin;
  GtkSwitch *transparent_switch, *title_switch;
  ImpExportDialog *dialog;
  ImpExportOptions options;

  format_row = ADW_COMBO_ROW (template_child (prefs, IMP_TYPE_PREFERENCES, "export_format_row"));
  theme_row = ADW_COMBO_ROW (template_child (prefs, IMP_TYPE_PREFERENCES, "export_theme_row"));
  scale_spin = GTK_SPIN_BUTTON (template_child (prefs, IMP_TYPE_PREFERENCES,
                                                "export_scale_spin"));
  padding_spin = GTK_SPIN_BUTTON (template_child (prefs, IMP_TYPE_PREFERENCES,
                                                  "export_padding_spin"));
  transparent_switch = GTK_SWITCH (template_child (prefs, IMP_TYPE_PREFERENCES,
                                                   "export_transparent_switch"));
  title_switch = GTK_SWITCH (template_child (prefs, IMP_TYPE_PREFERENCES, "export_title_switch"));

  gtk_window_present (GTK_WINDOW (prefs));
  iterate ();

  /* The rows show the settings' defaults. */
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, IMP_EXPORT_PNG);
  g_assert_cmpuint (adw_combo_row_get_selected (theme_row), ==, IMP_THEME_LIGHT);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (scale_spin), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (padding_spin), 32.0, 1e-9);
  g_assert_false (gtk_switch_get_active (transparent_switch));
  g_assert_false (gtk_switch_get_active (title_switch));

  adw_combo_row_set_selected (format_row, IMP_EXPORT_SVG);
  adw_combo_row_set_selected (theme_row, IMP_THEME_PROJECTOR);
  gtk_spin_button_set_value (scale_spin, 3.5);
  gtk_spin_button_set_value (padding_spin, 64);
  gtk_switch_set_active (transparent_switch, TRUE);
  gtk_switch_set_active (title_switch, TRUE);
  iterate ();

  {
    g_autofree char *format = g_settings_get_string (settings, "export-format");
    g_autofree char *theme = g_settings_get_string (settings, "export-theme");

    g_assert_cmpstr (format, ==, "svg");
    g_assert_cmpstr (theme, ==, "projector");
  }
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "export-scale"), 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "export-padding"), 64, 1e-9);
  g_assert_true (g_settings_get_boolean (settings, "export-transparent"));
  g_assert_true (g_settings_get_boolean (settings, "export-title-line"));
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The export dialog opens with them. */
  dialog = imp_export_dialog_new (NULL, map, NULL, NULL, NULL);
  imp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, IMP_EXPORT_SVG);
  g_assert_cmpint (options.theme, ==, IMP_THEME_PROJECTOR);
  g_assert_cmpfloat_with_epsilon (options.scale, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (options.padding, 64, 1e-9);
  g_assert_true (options.transparent);
  g_assert_true (options.title_line);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A setting changed elsewhere (the dialog saves its last choices there)
   * shows in an open preferences window. */
  prefs = imp_preferences_new (NULL);
  format_row = ADW_COMBO_ROW (template_child (prefs, IMP_TYPE_PREFERENCES, "export_format_row"));
  g_settings_set_string (settings, "export-format", "csv");
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, IMP_EXPORT_CSV);
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-theme");
  g_settings_reset (settings, "export-scale");
  g_settings_reset (settings, "export-padding");
  g_settings_reset (settings, "export-transparent");
  g_settings_reset (settings, "export-title-line");
  iterate ();
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

  g_test_add_func ("/ui/preferences/style-follows-setting", test_style_follows_setting);
  g_test_add_func ("/ui/preferences/rows-change-settings", test_window_rows_change_settings);
  g_test_add_func ("/ui/preferences/window-size-remembered", test_window_size_remembered);
  g_test_add_func ("/ui/preferences/new-map-vocabulary", test_new_map_vocabulary);
  g_test_add_func ("/ui/preferences/export-defaults", test_export_defaults);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
