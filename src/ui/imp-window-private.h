/* imp-window-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-canvas.h"
#include "imp-poster.h"
#include "imp-window.h"

G_BEGIN_DECLS

/* The window's state, shared with its companion files (imp-window-*.c),
 * which each add their actions from imp_window_class_init() and their
 * set-up from imp_window_init(), through hooks named _imp_window_PART_class_init ()
 * and _imp_window_PART_init () declared here. */
struct _ImpWindow
{
  AdwApplicationWindow  parent_instance;

  /* The open map; map and file follow it (imp-window.c) */
  ImpDocument          *document;
  ImpMap               *map;
  GFile                *file;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  ImpCanvas            *canvas;
  AdwStatusPage        *error_page;
  GtkLabel             *zoom_level_label;

  guint                 zoom_update_source;

  /* Files: open, save, close, drafts, external changes (imp-window-files.c) */
  GtkRevealer          *file_changed_revealer;
  GtkLabel             *file_changed_label;
  GCancellable         *load_cancellable;
  guint                 loading_show_source;
  guint                 inhibit_cookie;
  gboolean              close_when_saved;
  gboolean              close_confirmed;

  /* Editing: undo history, keyboard entry (imp-window-edit.c) */
  ImpHistory           *history;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkPopover           *find_popover;
  GtkSearchEntry       *find_entry;
  GtkLabel             *find_label;
  guint                 find_index;

  /* Inspector: the side panel (imp-window-inspector.c) */
  AdwFlap              *inspector_flap;
  GtkWidget            *inspector;

  /* Workshop mode: presentation, timebox, reveal, focus, votes
   * (imp-window-workshop.c) */
  GtkWidget            *header_bar;
  GtkWidget            *open_button;
  GtkWidget            *save_button;
  GtkWidget            *zoom_box;
  GtkWidget            *inspector_button;
  GtkWidget            *presentation_button;
  GtkWidget            *reveal_label;
  GtkWidget            *timebox;
  GtkWidget            *parking_lot_button;
  GtkWidget            *parking_lot_revealer;
  GtkWidget            *parking_lot;
  GtkWidget            *dots_label;       /* dots left of the vote budget */
  gboolean              presenting;
  gboolean              was_fullscreen;
  gboolean              inspector_was_revealed;
  int                   reveal_step;      /* -1: every level shown */

  /* Issue 19: what a facilitator hit at the projector */
  GtkWidget            *parking_count_label; /* ideas parked, on the tray's button */
  AdwToast             *undo_toast;          /* weak: the last toast offering Undo */
  char                 *link_anchor;         /* the card whose links Ctrl+K steps through */
  char                 *linking_from;        /* Ctrl+Shift+K: the card a new link starts at */
  AdwToast             *link_toast;          /* weak: says how to finish that link */
  GtkWidget            *alarm_revealer;      /* "Time is up" over the map */
  guint                 alarm_hide_source;
  guint                 n_alerts;            /* alert sounds asked for, for the tests */
  GObject              *sound_context;       /* a GSoundContext, made on first use */

  /* Reviews: what changed since one, over the map (imp-window-reviews.c) */
  char                 *review_shown;        /* the review compared with, or NULL */
  GtkWidget            *review_revealer;
  GtkWidget            *review_label;
  guint                 review_source;
};

void     _imp_window_edit_class_init    (ImpWindowClass *klass);
void     _imp_window_edit_init          (ImpWindow      *self);
void     _imp_window_edit_set_map       (ImpWindow      *self);
void     _imp_window_edit_dispose       (ImpWindow      *self);

void     _imp_window_export_class_init  (ImpWindowClass *klass);
void     _imp_window_export_init        (ImpWindow      *self);

void     _imp_window_files_class_init   (ImpWindowClass *klass);
void     _imp_window_files_init         (ImpWindow      *self);
void     _imp_window_files_set_document (ImpWindow      *self);
void     _imp_window_files_update_title (ImpWindow      *self);

/* Which actions are enabled, for every part of the window, computed in one
 * place (imp-window-actions.c); each part calls it when its state changes. */
void     _imp_window_actions_update     (ImpWindow      *self);
void     _imp_window_actions_class_init (ImpWindowClass *klass);

/* The actions' handlers, installed by imp-window-actions.c. */
void     _imp_window_edit_undo_action (GtkWidget *widget, const char *action_name, GVariant *param);
/* Dismisses a toast once libadwaita 1.2 can do so safely (imp-window-edit.c). */
void     _imp_window_dismiss_toast        (ImpWindow      *self,
                                           AdwToast       *toast);
void     _imp_window_edit_redo_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_delete_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_rename_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_add_child_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_add_sibling_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_add_sibling_before_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_toggle_collapse_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_move_up_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_move_down_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_move_along_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_select_all_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_select_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_tidy_up_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_find_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_copy_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_cut_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_paste_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_edit_zoom_selection_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_export_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_export_open_export_folder_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_open_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_save_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_save_as_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_close_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_reload_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_keep_mine_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_open_recent_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_files_no_recent_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_inspector_toggle_inspector_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_inspector_focus_pane_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_presentation_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_reveal_next_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_reveal_previous_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_reveal_all_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_reveal_level_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_focus_branch_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_leave_focus_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_vote_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_clear_votes_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_vote_budget_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_new_from_template_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_workshop_toggle_parking_lot_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_view_zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_view_zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_view_zoom_reset_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_view_zoom_fit_action (GtkWidget *widget, const char *action_name, GVariant *param);

void     _imp_window_inspector_class_init (ImpWindowClass *klass);
void     _imp_window_inspector_init       (ImpWindow      *self);
void     _imp_window_inspector_set_map    (ImpWindow      *self);
void     _imp_window_inspector_dispose    (ImpWindow      *self);

/* Window size and maximized state, remembered (imp-window-state.c). */
void     _imp_window_state_init           (ImpWindow      *self);

/* First-steps guide over a map with only its goal (imp-window-guide.c). */
void     _imp_window_guide_init           (ImpWindow      *self);
gboolean _imp_window_guide_is_visible     (ImpWindow      *self);

/* Workshop mode (imp-window-workshop.c). */
void     _imp_window_workshop_class_init  (ImpWindowClass *klass);
void     _imp_window_workshop_init        (ImpWindow      *self);
void     _imp_window_workshop_set_map     (ImpWindow      *self);
gboolean _imp_window_workshop_step_out    (ImpWindow      *self);
guint    _imp_window_workshop_get_reveal_levels (ImpWindow *self,
                                                 ImpLevel   levels[IMP_N_LEVELS]);
ImpNode *_imp_window_workshop_place_parked (ImpWindow     *self,
                                            guint          position,
                                            double         x,
                                            double         y,
                                            GError       **error);

/* Readings from CSV (imp-window-tracking.c). */
gboolean _imp_window_tracking_file_is_readings (GFile     *file);
void     _imp_window_tracking_import      (ImpWindow      *self,
                                           GFile          *file);
void     _imp_window_tracking_import_readings_action (GtkWidget *widget, const char *action_name, GVariant *param);
/* Keys for what only the mouse could do (imp-window-keys.c). */
void     _imp_window_keys_class_init      (ImpWindowClass *klass);
void     _imp_window_keys_init            (ImpWindow      *self);
void     _imp_window_keys_dispose         (ImpWindow      *self);
void     _imp_window_keys_select_link_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_keys_add_link_action (GtkWidget *widget, const char *action_name, GVariant *param);

/* The timebox at zero: the notice over the map and the sound (imp-window-timebox.c). */
void     _imp_window_timebox_init         (ImpWindow      *self);
void     _imp_window_timebox_dispose      (ImpWindow      *self);
/* Printing (imp-window-print.c). */
void     _imp_window_print_class_init     (ImpWindowClass *klass);
void     _imp_window_print_init           (ImpWindow      *self);
void     _imp_window_print_action (GtkWidget *widget, const char *action_name, GVariant *param);
gboolean _imp_window_print_to_pdf         (ImpWindow               *self,
                                           const char              *path,
                                           const ImpExportOptions  *picture,
                                           const ImpPosterOptions  *poster,
                                           GError                 **error);

/* Reviews (imp-window-reviews.c). */
void     _imp_window_reviews_init         (ImpWindow      *self);
void     _imp_window_reviews_set_map      (ImpWindow      *self);
void     _imp_window_reviews_dispose      (ImpWindow      *self);
void     _imp_window_reviews_record_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_reviews_compare_action (GtkWidget *widget, const char *action_name, GVariant *param);
/* Combine Maps… (imp-window-teams.c). */
ImpWindow *_imp_window_teams_combine_files  (ImpWindow      *self,
                                             GFile         **files,
                                             guint           n_files);
void     _imp_window_teams_combine_action (GtkWidget *widget, const char *action_name, GVariant *param);
GtkWidget *_imp_window_teams_show_sources (ImpWindow *self, GPtrArray *maps, GPtrArray *labels);

/* Compare With… (imp-window-compare.c). */
GtkWidget *_imp_window_compare_show         (ImpWindow      *self,
                                             ImpMap         *other,
                                             const char     *label);
GtkWidget *_imp_window_compare_version      (ImpWindow      *self,
                                             const char     *revision);
GtkWidget *_imp_window_compare_list_versions (ImpWindow     *self);
gboolean   _imp_window_compare_can_version  (ImpWindow      *self);
gboolean   _imp_window_compare_can_version_now (ImpWindow   *self);
void     _imp_window_compare_file_action (GtkWidget *widget, const char *action_name, GVariant *param);
void     _imp_window_compare_version_action (GtkWidget *widget, const char *action_name, GVariant *param);
/* Collapse to a level, for the picture of a big map (imp-window-overview.c). */
void     _imp_window_overview_class_init  (ImpWindowClass *klass);
void     _imp_window_overview_collapse_to_level_action (GtkWidget *widget, const char *action_name, GVariant *param);

/* Narrow windows: the header bar and the parking lot (imp-window-narrow.c). */
#define IMP_WINDOW_NARROW_WIDTH 960
void     _imp_window_narrow_init          (ImpWindow      *self);
void     _imp_window_narrow_update        (ImpWindow      *self);
gboolean _imp_window_narrow_is_lot_over_map (ImpWindow    *self);

G_END_DECLS
