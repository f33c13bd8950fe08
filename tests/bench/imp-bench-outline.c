/* imp-bench-outline.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-bench-outline"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <gtk/gtk.h>

#include "imp-map-private.h"
#include "imp-node.h"
#include "imp-outline-view.h"
#include "imp-selection.h"

/* The outline panel at size (issue 23): a generated map of N cards (a goal,
 * N/100 actors, each with the rest as impacts and deliverables), shown in
 * the outline: the time to build its rows, to the first frame, to scroll
 * to the last row and paint it, and per selection made on the map that the
 * outline follows (the worst case: the card is far down). Needs a display;
 * run it under Xvfb:
 *   xvfb-run -a ./build/tests/bench/imp-bench-outline [--sizes 1000,10000] [--runs N]
 * Every figure is the median of the runs. */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 start = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;

  gtk_widget_queue_draw (widget);
  while (clock != NULL && gdk_frame_clock_get_frame_counter (clock) < start + (gint64) n)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static ImpMap *
make_map (guint n_cards)
{
  ImpMap *map = imp_map_new_with_goal ("Goal");
  ImpNode *goal = imp_map_get_node (map, 0);
  guint actors = MAX (1, n_cards / 100);
  guint made = 1;

  for (guint i = 0; i < actors && made < n_cards; i++)
    {
      g_autofree char *title = g_strdup_printf ("Actor %u", i);
      ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, title, NULL, NULL);

      g_assert_nonnull (_imp_map_link (map, goal, actor, -1, NULL));
      made++;
      /* An actor and 49 pairs: 99 cards, a hundredth of the map. */
      for (guint j = 0; j < 49 && made + 1 < n_cards; j++)
        {
          g_autofree char *name = g_strdup_printf ("Impact %u.%u", i, j);
          g_autofree char *what = g_strdup_printf ("Deliverable %u.%u", i, j);
          ImpNode *impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, name, NULL, NULL);
          ImpNode *deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, what, NULL, NULL);

          g_assert_nonnull (_imp_map_link (map, actor, impact, -1, NULL));
          g_assert_nonnull (_imp_map_link (map, impact, deliverable, -1, NULL));
          deliverable->ice = (ImpIce) { 1 + j % 10, 5, 7 };
          made += 2;
        }
    }

  return map;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);

  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_arg = NULL;
  int runs = 3;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Map sizes, comma-separated", "N,N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measure", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the outline panel");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;

  setlocale (LC_ALL, "");
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("imp-bench-outline: %s\n", error->message);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("imp-bench-outline: needs a display (run it under xvfb-run -a)\n");
      return 2;
    }

  sizes = g_strsplit (sizes_arg != NULL ? sizes_arg : "1000,10000", ",", -1);
  printf ("%-8s %12s %12s %12s %12s\n", "cards", "build ms", "frame ms", "scroll ms",
          "select ms");
  for (guint s = 0; sizes[s] != NULL; s++)
    {
      guint n_cards = (guint) g_ascii_strtoull (sizes[s], NULL, 10);
      g_autoptr(ImpMap) map = make_map (MAX (n_cards, 2));
      g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) scroll = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) select = g_array_new (FALSE, FALSE, sizeof (double));

      for (int r = 0; r < MAX (runs, 1); r++)
        {
          g_autoptr(ImpSelection) selection = imp_selection_new ();
          GtkWidget *window = gtk_window_new ();
          GtkWidget *outline = imp_outline_view_new ();
          ImpOutlineView *view = IMP_OUTLINE_VIEW (outline);
          guint n_rows;
          double t0, t;

          imp_selection_set_map (selection, map);
          gtk_window_set_default_size (GTK_WINDOW (window), 400, 900);
          gtk_window_set_child (GTK_WINDOW (window), outline);

          t0 = now_ms ();
          imp_outline_view_set_map (view, map, selection, NULL);
          n_rows = imp_outline_view_get_n_rows (view);
          t = now_ms () - t0;
          g_array_append_val (build, t);
          g_assert_cmpuint (n_rows, ==, imp_map_get_n_nodes (map));

          t0 = now_ms ();
          gtk_window_present (GTK_WINDOW (window));
          wait_frames (window, 2);
          t = now_ms () - t0;
          g_array_append_val (frame, t);

          /* To the last row and a frame painted there. */
          t0 = now_ms ();
          imp_outline_view_select_row (view, n_rows - 1);
          gtk_widget_activate_action (imp_outline_view_get_list_view (view), "list.scroll-to-item",
                                      "u", n_rows - 1);
          wait_frames (window, 1);
          t = now_ms () - t0;
          g_array_append_val (scroll, t);

          /* Selections on the map, far apart, that the outline follows. */
          for (guint i = 0; i < 20; i++)
            {
              ImpNode *node = imp_map_get_node (map, (i * 7919) % imp_map_get_n_nodes (map));

              t0 = now_ms ();
              imp_selection_select (selection, node);
              t = now_ms () - t0;
              g_array_append_val (select, t);
            }

          gtk_window_destroy (GTK_WINDOW (window));
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }

      printf ("%-8u %12.1f %12.1f %12.1f %12.2f\n", imp_map_get_n_nodes (map), median (build),
              median (frame), median (scroll), median (select));
    }

  return 0;
}
