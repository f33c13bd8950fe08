/* imp-window-overview.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-window-private.h"

/* Collapse to a level (issue 19): the picture of a big map, down to its
 * impacts say, with every card of that level folded and every card above
 * it open; one undo step. Alt+1 (goals) to Alt+5 (experiments: everything
 * open) and the View menu. */
void
_imp_window_overview_collapse_to_level_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  int level = g_variant_get_int32 (param);
  gboolean grouped = FALSE;

  if (self->map == NULL || self->history == NULL || level < 0 || level >= IMP_N_LEVELS)
    return;

  for (guint i = 0; i < imp_map_get_n_nodes (self->map); i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);
      gboolean collapsed = node->collapsed;

      if ((int) node->level < level)
        collapsed = FALSE;
      else if ((int) node->level == level)
        collapsed = node->children->len > 0;

      if (collapsed == node->collapsed)
        continue;

      if (!grouped)
        {
          imp_history_begin_group (self->history, _("Collapse to Level"));
          grouped = TRUE;
        }
      imp_history_set_node_collapsed (self->history, node, collapsed);
    }

  if (grouped)
    imp_history_end_group (self->history);

  /* The picture: the whole of what is left, fitted. */
  imp_canvas_zoom_fit (self->canvas);
}

void
_imp_window_overview_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == IMP_N_LEVELS);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_ALT_MASK,
                                         "win.collapse-to-level", "i", (int) i);
}
