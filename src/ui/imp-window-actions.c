/* imp-window-actions.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-actions"

#include "config.h"

#include "imp-window-outline.h"
#include "imp-window-private.h"

/* Every action of the window, installed here; each runs in the companion
 * file that owns what it does. */
static const struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} window_actions[] = {
  /* imp-window-edit.c */
  { "win.undo", NULL, _imp_window_edit_undo_action },
  { "win.redo", NULL, _imp_window_edit_redo_action },
  { "win.delete", NULL, _imp_window_edit_delete_action },
  { "win.rename", NULL, _imp_window_edit_rename_action },
  { "win.add-child", NULL, _imp_window_edit_add_child_action },
  { "win.add-sibling", NULL, _imp_window_edit_add_sibling_action },
  { "win.add-sibling-before", NULL, _imp_window_edit_add_sibling_before_action },
  { "win.toggle-collapse", NULL, _imp_window_edit_toggle_collapse_action },
  { "win.move-up", NULL, _imp_window_edit_move_up_action },
  { "win.move-down", NULL, _imp_window_edit_move_down_action },
  { "win.move-along", "s", _imp_window_edit_move_along_action },
  { "win.select-all", NULL, _imp_window_edit_select_all_action },
  { "win.select", "s", _imp_window_edit_select_action },
  { "win.tidy-up", NULL, _imp_window_edit_tidy_up_action },
  { "win.find", NULL, _imp_window_edit_find_action },
  { "win.copy", NULL, _imp_window_edit_copy_action },
  { "win.cut", NULL, _imp_window_edit_cut_action },
  { "win.paste", NULL, _imp_window_edit_paste_action },
  { "win.zoom-selection", NULL, _imp_window_edit_zoom_selection_action },
  /* imp-window-export.c */
  { "win.export", NULL, _imp_window_export_action },
  { "win.open-export-folder", "s", _imp_window_export_open_export_folder_action },
  /* imp-window-files.c */
  { "win.open", NULL, _imp_window_files_open_action },
  { "win.save", NULL, _imp_window_files_save_action },
  { "win.save-as", NULL, _imp_window_files_save_as_action },
  { "win.close", NULL, _imp_window_files_close_action },
  { "win.reload", NULL, _imp_window_files_reload_action },
  { "win.keep-mine", NULL, _imp_window_files_keep_mine_action },
  { "win.open-recent", "s", _imp_window_files_open_recent_action },
  { "win.no-recent", NULL, _imp_window_files_no_recent_action },
  /* imp-window-inspector.c */
  { "win.toggle-inspector", NULL, _imp_window_inspector_toggle_inspector_action },
  { "win.focus-pane", NULL, _imp_window_inspector_focus_pane_action },
  /* imp-window-workshop.c */
  { "win.presentation", NULL, _imp_window_workshop_presentation_action },
  { "win.reveal-next", NULL, _imp_window_workshop_reveal_next_action },
  { "win.reveal-previous", NULL, _imp_window_workshop_reveal_previous_action },
  { "win.reveal-all", NULL, _imp_window_workshop_reveal_all_action },
  { "win.reveal-level", "i", _imp_window_workshop_reveal_level_action },
  { "win.focus-branch", NULL, _imp_window_workshop_focus_branch_action },
  { "win.leave-focus", NULL, _imp_window_workshop_leave_focus_action },
  { "win.add-vote", NULL, _imp_window_workshop_vote_action },
  { "win.remove-vote", NULL, _imp_window_workshop_vote_action },
  { "win.clear-votes", NULL, _imp_window_workshop_clear_votes_action },
  { "win.vote-budget", NULL, _imp_window_workshop_vote_budget_action },
  { "win.new-from-template", NULL, _imp_window_workshop_new_from_template_action },
  { "win.toggle-parking-lot", NULL, _imp_window_workshop_toggle_parking_lot_action },
  /* imp-window.c */
  { "win.zoom-in", NULL, _imp_window_view_zoom_in_action },
  { "win.zoom-out", NULL, _imp_window_view_zoom_out_action },
  { "win.zoom-reset", NULL, _imp_window_view_zoom_reset_action },
  { "win.zoom-fit", NULL, _imp_window_view_zoom_fit_action },
  /* imp-window-tracking.c */
  { "win.import-readings", NULL, _imp_window_tracking_import_readings_action },
  /* imp-window-teams.c */
  { "win.combine-maps", NULL, _imp_window_teams_combine_action },
  /* imp-window-compare.c */
  { "win.compare-file", NULL, _imp_window_compare_file_action },
  { "win.compare-version", NULL, _imp_window_compare_version_action },
  /* Keys for what only the mouse could do */
  { "win.select-link", NULL, _imp_window_keys_select_link_action },
  { "win.add-link", NULL, _imp_window_keys_add_link_action },
  /* imp-window-print.c */
  { "win.print", NULL, _imp_window_print_action },
  /* imp-window-reviews.c */
  { "win.record-review", NULL, _imp_window_reviews_record_action },
  { "win.compare-review", "s", _imp_window_reviews_compare_action },
  /* imp-window-overview.c */
  { "win.collapse-to-level", "i", _imp_window_overview_collapse_to_level_action },
  /* imp-window-outline.c */
  { "win.toggle-outline", NULL, _imp_window_outline_toggle_action },
};

/**
 * _imp_window_actions_class_init:
 *
 * Installs every action of the window.
 */
void
_imp_window_actions_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i].name,
                                     window_actions[i].parameter_type,
                                     window_actions[i].activate);
  /* The layout is a radio choice: its state is ImpWindow:layout. */
  gtk_widget_class_install_property_action (widget_class, "win.layout", "layout");
}

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
  set (self, "win.layout", s.editable);

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
  set (self, "win.move-along", s.editable && s.primary != NULL);
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
  set (self, "win.vote-budget", s.editable);

  /* Keys for what only the mouse could do */
  set (self, "win.select-link", s.has_view && (s.primary != NULL ||
                                               imp_selection_get_link (selection) != NULL));
  set (self, "win.add-link", s.editable && s.primary != NULL);
  /* Printing */
  set (self, "win.print", s.has_view);
  /* Reviews */
  set (self, "win.record-review", s.editable);
  set (self, "win.compare-review", s.has_view);
  /* The picture of a big map */
  set (self, "win.collapse-to-level", s.editable);
  /* Teams: earlier versions only in a git work tree, with git installed */
  set (self, "win.compare-version", s.has_view && _imp_window_compare_can_version_now (self));
}
