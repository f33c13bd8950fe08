/* test-export-dialog.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-export-dialog.h"
#include "imp-format.h"
#include "imp-window.h"

#include "imp-test-utils.h"

static ImpApplication *app;

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type,
                    gboolean   visible_only)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (!visible_only || gtk_widget_get_mapped (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type, visible_only);

      if (found)
        return found;
    }

  return NULL;
}

static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
has_export_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (IMP_IS_EXPORT_DIALOG (l->data))
      return TRUE;

  return FALSE;
}

static void
test_preview_follows_format (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ImpExportDialog *dialog;
  ImpExportOptions options;
  GtkPicture *picture;
  GdkPaintable *paintable;

  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-scope");
  dialog = imp_export_dialog_new (NULL, map, NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  imp_test_wait_for_mapped (GTK_WIDGET (dialog));

  imp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, IMP_EXPORT_PNG);
  g_assert_true (imp_export_dialog_update_preview (dialog));

  picture = GTK_PICTURE (find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_PICTURE, TRUE));
  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (picture);
  g_assert_nonnull (paintable);
  /* the preview has the map's proportions: wider than tall */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >,
                   gdk_paintable_get_intrinsic_height (paintable));
  /* and the dialog says how big the file's picture will be */
  g_assert_true (has_label_with (GTK_WIDGET (dialog), "pixels at 96 dots per inch") ||
                 has_label_with (GTK_WIDGET (dialog), "pixels at 192 dots per inch"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_branch_needs_a_selection (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ImpExportDialog *dialog;
  ImpExportOptions options;

  g_settings_set_string (settings, "export-scope", "branch");
  dialog = imp_export_dialog_new (NULL, map, NULL, NULL, NULL);
  imp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.scope, ==, IMP_EXPORT_SCOPE_BRANCH);
  g_assert_false (imp_export_dialog_update_preview (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = imp_export_dialog_new (NULL, map, NULL, "n2", NULL);
  g_assert_true (imp_export_dialog_update_preview (dialog));
  imp_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.branch_id, ==, "n2");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "export-scope");
}

static void
exported_cb (ImpExportDialog *dialog,
             GFile           *file,
             GFile          **out)
{
  g_set_object (out, file);
}

static void
test_export_remembers_choices (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) reported = NULL;
  g_autofree char *dir = g_dir_make_tmp ("imp-export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.mmd", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *folder = NULL;
  ImpExportDialog *dialog;
  ImpExportOptions options;

  g_settings_set_string (settings, "export-format", "mermaid");
  g_settings_set_string (settings, "export-theme", "projector");
  g_settings_set_double (settings, "export-padding", 8);
  dialog = imp_export_dialog_new (NULL, map, NULL, NULL, NULL);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &reported);
  imp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, IMP_EXPORT_MERMAID);
  g_assert_cmpint (options.theme, ==, IMP_THEME_PROJECTOR);
  g_assert_cmpfloat (options.padding, ==, 8);

  file = g_file_new_for_path (path);
  g_assert_true (imp_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (file, reported));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "flowchart LR\n"));
  folder = g_settings_get_string (settings, "export-folder");
  g_assert_cmpstr (folder, ==, dir);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-theme");
  g_settings_reset (settings, "export-padding");
  g_settings_reset (settings, "export-folder");
  g_remove (path);
  g_rmdir (dir);
}

/* Exporting a picture over the open map, or over any other map, is refused
 * with a message and leaves the map byte for byte as it was. */
static void
test_export_never_over_a_map (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("imp-export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autofree char *other = g_build_filename (dir, "other.txt", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  ImpExportDialog *dialog;
  gsize length;

  data = imp_format_save_to_data (map, &length);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  g_assert_true (g_file_set_contents (other, data, length, NULL));
  g_settings_set_string (settings, "export-format", "png");
  dialog = imp_export_dialog_new (NULL, map, file, NULL, NULL);

  g_assert_false (imp_export_dialog_export_to_file (dialog, file, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WOULD_REPLACE_MAP);
  g_clear_error (&error);
  g_assert_false (imp_export_dialog_export_to_file (dialog, other_file, &error));
  g_assert_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WOULD_REPLACE_MAP);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, data);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (other, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_remove (path);
  g_remove (other);
  g_rmdir (dir);
}

static void
test_window_ctrl_e_opens_dialog (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = imp_window_new (app);
  GList *toplevels;
  gboolean found = FALSE;

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ImpCanvas *canvas;
  ImpNode *actor;

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (imp_window_get_canvas (window)));

  /* the dialog exports the branch of the card selected on the canvas */
  canvas = imp_window_get_canvas (window);
  actor = imp_map_get_node (imp_window_get_map (window), 1);
  imp_canvas_set_selected (canvas, actor);
  g_settings_set_string (settings, "export-scope", "branch");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  imp_test_wait_for (has_export_dialog ());

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    {
      if (IMP_IS_EXPORT_DIALOG (l->data))
        {
          ImpExportOptions options;

          imp_export_dialog_get_options (l->data, &options);
          g_assert_cmpint (options.scope, ==, IMP_EXPORT_SCOPE_BRANCH);
          g_assert_cmpstr (options.branch_id, ==, actor->id);
          g_assert_true (imp_export_dialog_update_preview (l->data));
          g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
          gtk_window_destroy (l->data);
          found = TRUE;
        }
    }
  g_list_free (toplevels);
  g_assert_true (found);
  g_settings_reset (settings, "export-scope");

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwComboRow *
find_combo_titled (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_titled (child, title);

      if (found)
        return found;
    }

  return NULL;
}

/* The Aspect row's choice gives a PNG and an SVG of that shape, ready to
 * drop onto a slide; "the map's own" leaves the map's shape. */
static void
test_aspect_for_slides (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("imp-aspect-XXXXXX", NULL);
  static const struct { guint choice; double aspect; } cases[] = {
    { 1, 16.0 / 9.0 }, { 2, 4.0 / 3.0 }, { 3, 1.0 },
  };
  ImpExportDialog *dialog;
  AdwComboRow *aspect, *format;
  double natural = 0;

  g_settings_set_string (settings, "export-format", "png");
  g_settings_reset (settings, "export-scope");
  dialog = imp_export_dialog_new (NULL, map, NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  imp_test_wait_for_mapped (GTK_WIDGET (dialog));
  aspect = find_combo_titled (GTK_WIDGET (dialog), "_Aspect");
  format = find_combo_titled (GTK_WIDGET (dialog), "_Format");
  g_assert_nonnull (aspect);
  g_assert_nonnull (format);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (aspect)));

  for (int i = -1; i < (int) G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *png = g_build_filename (dir, "map.png", NULL);
      g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (png);
      g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      const char *box;
      double x, y, w, h, shape;

      adw_combo_row_set_selected (format, IMP_EXPORT_PNG);
      adw_combo_row_set_selected (aspect, i < 0 ? 0 : cases[i].choice);
      g_assert_true (imp_export_dialog_export_to_file (dialog, file, &error));
      g_assert_no_error (error);
      texture = gdk_texture_new_from_file (file, &error);
      g_assert_no_error (error);
      shape = (double) gdk_texture_get_width (texture) / gdk_texture_get_height (texture);

      if (i < 0)
        {
          /* The map's own shape is none of the slide shapes. */
          natural = shape;
          for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
            g_assert_cmpfloat (fabs (natural - cases[j].aspect), >, 0.05);
          continue;
        }
      g_assert_cmpfloat_with_epsilon (shape, cases[i].aspect, 0.01);

      /* The same shape in SVG. */
      adw_combo_row_set_selected (format, IMP_EXPORT_SVG);
      g_assert_true (imp_export_dialog_update_preview (dialog));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (aspect)));
      g_assert_true (imp_export_dialog_export_to_file (dialog, svg_file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      box = strstr (contents, "viewBox=\"");
      g_assert_nonnull (box);
      g_assert_cmpint (sscanf (box, "viewBox=\"%lf %lf %lf %lf", &x, &y, &w, &h), ==, 4);
      g_assert_cmpfloat_with_epsilon (w / h, cases[i].aspect, 0.01);
      g_remove (svg);
      g_remove (png);
    }
  g_assert_cmpfloat (natural, >, 0);

  /* A PDF page has its own shape: no Aspect row for it. */
  adw_combo_row_set_selected (format, IMP_EXPORT_PDF);
  imp_export_dialog_update_preview (dialog);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (aspect)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "export-format");
  g_rmdir (dir);
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

  g_test_add_func ("/ui/export-dialog/preview-follows-format", test_preview_follows_format);
  g_test_add_func ("/ui/export-dialog/branch-needs-a-selection", test_branch_needs_a_selection);
  g_test_add_func ("/ui/export-dialog/export-remembers-choices", test_export_remembers_choices);
  g_test_add_func ("/ui/export-dialog/window-opens-dialog", test_window_ctrl_e_opens_dialog);
  g_test_add_func ("/ui/export-dialog/never-over-a-map", test_export_never_over_a_map);
  g_test_add_func ("/ui/export-dialog/aspect-for-slides", test_aspect_for_slides);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
