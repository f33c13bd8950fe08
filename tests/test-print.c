/* test-print.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-format.h"
#include "imp-window.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"

/* Printing from the window: the real GtkPrintOperation, exported to a PDF
 * file instead of a printer (GTK_PRINT_OPERATION_ACTION_EXPORT), read back
 * with poppler's tools. */

static ImpApplication *app;

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static ImpWindow *
open_window (ImpMap *map)
{
  ImpWindow *window = imp_window_new (app);

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (imp_window_get_canvas (window)));

  return window;
}

static void
test_print_poster_to_pdf (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("imp-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  ImpWindow *window = open_window (map);
  ImpPosterOptions poster;
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  const char *pdftotext[] = { "pdftotext", path, "-", NULL };

  imp_poster_options_init (&poster);
  poster.size = IMP_POSTER_TILES;
  poster.columns = 3;
  poster.rows = 2;
  g_assert_true (_imp_window_print_to_pdf (window, path, NULL, &poster, &error));
  g_assert_no_error (error);

  info = run (pdfinfo);
  g_assert_nonnull (strstr (info, "Pages:           7"));
  g_assert_nonnull (strstr (info, "(A4)"));

  text = run (pdftotext);
  g_assert_nonnull (strstr (text, "3 × 2 sheets"));
  g_assert_nonnull (strstr (text, "A1: row 1, column 1"));
  g_assert_nonnull (strstr (text, "C2: row 2, column 3"));
  squeezed = squeeze (text);
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      g_autofree char *title = squeeze (imp_map_get_node (map, i)->title);

      if (strstr (squeezed, title) == NULL)
        g_error ("the printed poster has no “%s”", imp_map_get_node (map, i)->title);
    }

  /* one sheet, by default */
  g_unlink (path);
  g_clear_pointer (&info, g_free);
  g_assert_true (_imp_window_print_to_pdf (window, path, NULL, NULL, &error));
  g_assert_no_error (error);
  info = run (pdfinfo);
  g_assert_nonnull (strstr (info, "Pages:           1"));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_print_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_str_has_prefix (G_OBJECT_TYPE_NAME (l->data), "GtkPrintUnixDialog"))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static void
test_ctrl_p_is_print (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  ImpWindow *window = open_window (map);
  gboolean print = FALSE, parking = FALSE;

  /* the shortcuts window lists both keys */
  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/impactmapper/ImpactMapper/imp-help-overlay.ui");
    GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
    GSList *objects = gtk_builder_get_objects (builder);

    g_assert_nonnull (overlay);
    for (GSList *l = objects; l != NULL; l = l->next)
      {
        g_autofree char *title = NULL;
        g_autofree char *accel = NULL;

        if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
          continue;
        g_object_get (l->data, "title", &title, "accelerator", &accel, NULL);
        if (g_strcmp0 (title, "Print") == 0)
          print = g_strcmp0 (accel, "<Control>p") == 0;
        if (g_strcmp0 (title, "Show or Hide the Parking Lot") == 0)
          parking = g_strcmp0 (accel, "<Control><Shift>p") == 0;
      }
    g_slist_free (objects);
  }
  g_assert_true (print);
  g_assert_true (parking);

  /* win.print opens the system print dialog over the window; Cancel closes it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  imp_test_wait_for (find_print_dialog () != NULL);
  g_assert_true (gtk_window_get_transient_for (find_print_dialog ()) == GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  imp_test_wait_for (find_print_dialog () == NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* View ▸ Page Frame outlines the poster's sheets on the canvas, and Print
 * starts from that poster. */
static void
test_page_frame (void)
{
  g_autoptr(ImpMap) map = imp_test_load_example ("ticket-sales-call-centre.impactmap");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("imp-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "framed.pdf", NULL);
  g_autofree char *info = NULL;
  ImpWindow *window = open_window (map);
  ImpCanvas *canvas = imp_window_get_canvas (window);
  ImpPosterOptions poster;
  const char *pdfinfo[] = { "pdfinfo", path, NULL };

  g_assert_false (imp_canvas_get_page_frame (canvas, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "poster.page-frame", "s",
                                             "3x2"));
  g_assert_true (imp_canvas_get_page_frame (canvas, &poster));
  g_assert_cmpint (poster.size, ==, IMP_POSTER_TILES);
  g_assert_cmpuint (poster.columns, ==, 3);
  g_assert_cmpuint (poster.rows, ==, 2);
  imp_test_wait_for_frame (GTK_WIDGET (canvas));

  g_assert_true (_imp_window_print_to_pdf (window, path, NULL, NULL, &error));
  g_assert_no_error (error);
  info = run (pdfinfo);
  g_assert_nonnull (strstr (info, "Pages:           7"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "poster.page-frame", "s",
                                             "none"));
  g_assert_false (imp_canvas_get_page_frame (canvas, NULL));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/ui/print/poster-to-pdf", test_print_poster_to_pdf);
  g_test_add_func ("/ui/print/ctrl-p-is-print", test_ctrl_p_is_print);
  g_test_add_func ("/ui/print/page-frame", test_page_frame);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
