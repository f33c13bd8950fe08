/* test-translation.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-translation"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "imp-application.h"
#include "imp-canvas.h"
#include "imp-canvas-a11y.h"
#include "imp-types.h"
#include "imp-window.h"

#include "imp-test-utils.h"

/* With LANGUAGE=de the app speaks German: the catalogue compiled in the
 * build tree (IMP_LOCALEDIR) is found, and the strings of C code, of the
 * window's template and of the core all come out translated. */

static ImpApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect_tooltips (GtkWidget *widget,
                  GPtrArray *tooltips)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL)
    g_ptr_array_add (tooltips, (gpointer) tooltip);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_tooltips (child, tooltips);
}

static gboolean
has_string (GPtrArray  *strings,
            const char *wanted)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), wanted))
      return TRUE;

  return FALSE;
}

/* Strings of C code and of the core's tables. */
static void
test_code_strings (void)
{
  g_assert_cmpstr (_("_Save"), ==, "_Speichern");
  g_assert_cmpstr (_("Undo (Ctrl+Z)"), ==, "Rückgängig (Strg+Z)");
  g_assert_cmpstr (imp_vocabulary_level_name (IMP_VOCABULARY_CLASSIC, IMP_LEVEL_GOAL), ==, "Ziel");
  g_assert_cmpstr (imp_vocabulary_level_name (IMP_VOCABULARY_CLASSIC, IMP_LEVEL_DELIVERABLE), ==,
                   "Ergebnis");
  g_assert_cmpstr (imp_vocabulary_level_name (IMP_VOCABULARY_FIVE_QUESTIONS, IMP_LEVEL_ACTOR), ==,
                   "Wer");
  /* Plural forms follow German rules. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u card selected", "%u cards selected", 1), ==,
                   "%u Knoten ausgewählt");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u experiment", "%u experiments", 3), ==,
                   "%u Experimente");
}

/* The real window: header-bar tooltips from the template, the canvas'
 * description for screen readers from C code, level names from the core. */
static void
test_window_in_german (void)
{
  ImpWindow *window = imp_window_new (app);
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Mehr Lernende");
  g_autoptr(GPtrArray) tooltips = g_ptr_array_new ();
  ImpCanvas *canvas;
  const char *description;

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  collect_tooltips (GTK_WIDGET (window), tooltips);
  g_assert_true (has_string (tooltips, "Speichern (Strg+S)"));
  g_assert_true (has_string (tooltips, "Hauptmenü"));
  g_assert_true (has_string (tooltips, "Inspektor (F9)"));
  g_assert_false (has_string (tooltips, "Save (Ctrl+S)"));

  canvas = imp_window_get_canvas (window);
  imp_selection_select (imp_window_get_selection (window), imp_map_get_node (map, 0));
  description = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "Ziel „Mehr Lernende“"));

  imp_selection_clear (imp_window_get_selection (window));
  description = imp_canvas_get_accessible_description (canvas);
  g_assert_nonnull (strstr (description, "nichts ausgewählt"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The app itself, run as a user would: the headless check speaks German
 * too, which shows that IMP_LOCALEDIR reaches bindtextdomain(). */
static void
test_command_in_german (void)
{
  const char *binary = g_getenv ("IMP_BINARY");
  const char *root = g_getenv ("IMP_SOURCE_ROOT");
  g_autofree char *example = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (binary == NULL || root == NULL)
    {
      g_test_skip ("IMP_BINARY and IMP_SOURCE_ROOT are not set");
      return;
    }

  example = g_build_filename (root, "data", "examples", "edtech-weekly-learners.impactmap", NULL);
  {
    const char *argv[] = { binary, "check", example, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "gültige Impact Map „Grow weekly active learners“"));
  g_assert_nonnull (strstr (out, "1 Ziel, 3 Akteure, 5 Auswirkungen, 9 Ergebnisse"));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IMP_LOCALEDIR");
  int ret;

  if (!imp_test_has_display ())
    return 0;

  /* gettext ignores LANGUAGE in the "C" locale, but not in C.UTF-8, which
   * every glibc since 2.35 has built in: no German locale is needed. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      printf ("1..0 # SKIP no C.UTF-8 locale\n");
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);

  app = imp_test_register_app ();

  g_test_add_func ("/ui/translation/code-strings", test_code_strings);
  g_test_add_func ("/ui/translation/window-in-german", test_window_in_german);
  g_test_add_func ("/ui/translation/command-in-german", test_command_in_german);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
