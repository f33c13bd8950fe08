/* imp-window-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-canvas.h"
#include "imp-window.h"

G_BEGIN_DECLS

/* The window's state, shared with its companion files (imp-window-*.c),
 * which each add their actions from imp_window_class_init() and their
 * set-up from imp_window_init(), through hooks named _imp_window_PART_class_init ()
 * and _imp_window_PART_init () declared here. */
struct _ImpWindow
{
  AdwApplicationWindow  parent_instance;

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
  ImpMap               *files_map;
  GFileMonitor         *file_monitor;
  char                 *file_etag;
  char                 *draft_id;
  guint                 autosave_source;
  guint                 file_check_source;
  guint64               change_serial;
  guint64               saved_serial;
  gboolean              saving;
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
  gboolean              presenting;
  gboolean              was_fullscreen;
  gboolean              inspector_was_revealed;
  int                   reveal_step;      /* -1: every level shown */
};

void     _imp_window_edit_class_init    (ImpWindowClass *klass);
void     _imp_window_edit_init          (ImpWindow      *self);
void     _imp_window_edit_set_map       (ImpWindow      *self);
void     _imp_window_edit_dispose       (ImpWindow      *self);

void     _imp_window_export_class_init  (ImpWindowClass *klass);
void     _imp_window_export_init        (ImpWindow      *self);

void     _imp_window_files_class_init   (ImpWindowClass *klass);
void     _imp_window_files_init         (ImpWindow      *self);
void     _imp_window_files_update_title (ImpWindow      *self);
gboolean _imp_window_files_is_modified  (ImpWindow      *self);
void     _imp_window_files_set_modified (ImpWindow      *self);
void     _imp_window_files_write_draft  (ImpWindow      *self);
gboolean _imp_window_files_open_in_thread (ImpWindow    *self,
                                           GFile        *file);
gboolean _imp_window_files_is_loading     (ImpWindow    *self);

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
ImpNode *_imp_window_workshop_place_parked (ImpWindow     *self,
                                            guint          position,
                                            double         x,
                                            double         y,
                                            GError       **error);

G_END_DECLS
