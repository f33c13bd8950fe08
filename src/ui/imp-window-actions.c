/* imp-window-actions.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-actions"

#include "config.h"

#include "imp-window-private.h"

typedef struct
{
  gboolean has_view;    /* a map is shown, not an error page or a file loading */
  gboolean editable;    /* ... and it has a history to edit through */
  gboolean saving;
  ImpNode *primary;
  gboolean selected;
  guint    n_selected_nodes;
  double   zoom;
  guint    n_reveal_levels;
} State;

static void
set (ImpWindow  *self,
     const char *action,
     gboolean    enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

/**
 * _imp_window_actions_update:
 *
 * Enables the window's actions that can run now and disables the others:
 * the one place that decides it, from the document, the selection, the
 * view and the workshop state. Every part of the window calls it when
 * what it shows changes.
 */
void
_imp_window_actions_update (ImpWindow *self)
{
  ImpSelection *selection;
  ImpLevel levels[IMP_N_LEVELS];
  State s = { 0, };

  g_return_if_fail (IMP_IS_WINDOW (self));

  if (self->canvas == NULL || self->document == NULL)
    return;

  selection = imp_canvas_get_selection (self->canvas);
  s.has_view = self->map != NULL && !imp_window_is_showing_error (self) &&
               !imp_document_get_loading (self->document);
  s.editable = s.has_view && self->history != NULL;
  s.saving = imp_document_get_saving (self->document);
  s.primary = imp_selection_get_primary (selection);
  s.selected = !imp_selection_is_empty (selection);
  s.n_selected_nodes = imp_selection_get_n_nodes (selection);
  s.zoom = imp_viewport_get_zoom (imp_canvas_get_viewport (self->canvas));
  s.n_reveal_levels = _imp_window_workshop_get_reveal_levels (self, levels);

  /* The view */
  set (self, "win.zoom-in", s.has_view && s.zoom < IMP_VIEWPORT_MAX_ZOOM);
  set (self, "win.zoom-out", s.has_view && s.zoom > IMP_VIEWPORT_MIN_ZOOM);
  set (self, "win.zoom-reset", s.has_view);
  set (self, "win.zoom-fit", s.has_view);

  /* Files */
  set (self, "win.save", s.has_view && !s.saving);
  set (self, "win.save-as", s.has_view && !s.saving);
  set (self, "win.reload", imp_document_get_disk_state (self->document) == IMP_DISK_STATE_CHANGED &&
                           !imp_document_get_loading (self->document));
  /* Never enabled: greys out "No Recent Maps". */
  set (self, "win.no-recent", FALSE);

  /* Editing */
  set (self, "win.undo", s.editable && imp_history_can_undo (self->history));
  set (self, "win.redo", s.editable && imp_history_can_redo (self->history));
  set (self, "win.delete", s.editable && s.selected);
  set (self, "win.rename", s.editable && s.primary != NULL);
  set (self, "win.add-child", s.editable && s.primary != NULL);
  set (self, "win.add-sibling", s.editable);
  set (self, "win.add-sibling-before", s.editable);
  set (self, "win.toggle-collapse", s.editable && s.primary != NULL);
  set (self, "win.move-up", s.editable && s.primary != NULL);
  set (self, "win.move-down", s.editable && s.primary != NULL);
  set (self, "win.select-all", s.editable);
  set (self, "win.select", s.editable);
  set (self, "win.tidy-up", s.editable);
  set (self, "win.zoom-selection", s.editable);
  set (self, "win.copy", s.editable && s.n_selected_nodes > 0);
  set (self, "win.cut", s.editable && s.n_selected_nodes > 0);
  set (self, "win.paste", s.editable);
  set (self, "win.find", s.editable);

  /* The workshop */
  set (self, "win.presentation", s.has_view || self->presenting);
  set (self, "win.reveal-next", s.has_view && s.n_reveal_levels > 1);
  set (self, "win.reveal-previous",
       s.has_view && s.n_reveal_levels > 1 && self->reveal_step != 0);
  set (self, "win.reveal-all", s.has_view && self->reveal_step >= 0);
  set (self, "win.focus-branch", s.has_view && s.primary != NULL);
  set (self, "win.leave-focus", s.has_view && imp_canvas_get_focus (self->canvas) != NULL);
  set (self, "win.add-vote",
       s.editable && s.primary != NULL && s.primary->votes < IMP_MAX_VOTES);
  set (self, "win.remove-vote", s.editable && s.primary != NULL && s.primary->votes > 0);
  set (self, "win.clear-votes", s.editable && imp_map_get_total_votes (self->map) > 0);
}
