/* test-window-files.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-files"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp-application.h"
#include "imp-drafts.h"
#include "imp-format.h"
#include "imp-format-private.h"
#include "imp-history.h"
#include "imp-import-dialog.h"
#include "imp-session.h"
#include "imp-window-private.h"

#include "imp-test-utils.h"
#include "imp-map-private.h"

/* The window's files on a real display: save, failures, closing with
 * unsaved changes, drafts, external changes and crash recovery. */

static ImpApplication *app;
static char *tmp_dir;

/* Runs the main loop until @cond holds, or fails after a while. */
#define WAIT_FOR(cond) imp_test_wait_for (cond)

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  imp_test_drain ();
}

static ImpMap *
sample_map (const char *title)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");

  _imp_map_set_title (map, title);

  return g_steal_pointer (&map);
}

static char *
file_in_tmp (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Whether a file written now gets a modification time other than
 * @before's. */
static gboolean
probe_is_later (const GStatBuf *before)
{
  g_autofree char *probe = file_in_tmp ("mtime-probe");
  GStatBuf st;

  g_assert_true (g_file_set_contents (probe, "", 0, NULL));
  g_assert_cmpint (g_stat (probe, &st), ==, 0);
  g_unlink (probe);

  return st.st_mtim.tv_sec != before->st_mtim.tv_sec ||
         st.st_mtim.tv_nsec / 1000 != before->st_mtim.tv_nsec / 1000;
}

/* Waits until a file written now would differ from @path in its
 * modification time: that time, which is coarse, tells a change. */
static void
wait_for_later_mtime (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  imp_test_wait_for (probe_is_later (&st));
}

static ImpWindow *
window_with_file (const char *name,
                  gboolean    write_first)
{
  g_autofree char *path = file_in_tmp (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpMap) map = sample_map ("First version");
  ImpWindow *window = imp_window_new (app);

  if (write_first)
    g_assert_true (imp_format_save_to_path (map, path, NULL));
  else
    g_unlink (path);

  imp_window_set_map (window, map, file);
  gtk_window_present (GTK_WINDOW (window));
  imp_test_wait_for_mapped (GTK_WIDGET (window));
  imp_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static const char *
subtitle (ImpWindow *window)
{
  return adw_window_title_get_subtitle (window->window_title);
}

static void
test_save_and_title (void)
{
  ImpWindow *window = window_with_file ("title.impactmap", FALSE);
  g_autofree char *path = file_in_tmp ("title.impactmap");
  g_autoptr(ImpMap) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (imp_document_get_modified (window->document));
  g_assert_cmpstr (subtitle (window), ==, "title.impactmap");

  imp_history_set_map_title (window->history, "Second version");
  g_assert_true (imp_document_get_modified (window->document));
  g_assert_cmpstr (subtitle (window), ==, "title.impactmap • Modified");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (!imp_document_get_saving (window->document));

  g_assert_false (imp_document_get_modified (window->document));
  g_assert_cmpstr (subtitle (window), ==, "title.impactmap");
  loaded = imp_format_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imp_map_get_title (loaded), ==, "Second version");

  /* The saved map is in Open Recent. */
  {
    GMenuModel *recent = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                     IMP_TYPE_WINDOW,
                                                                     "recent_menu"));
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *uri = g_file_get_uri (file);
    gboolean listed = FALSE;
    gint64 deadline = g_get_monotonic_time () + IMP_TEST_TIMEOUT_S * G_USEC_PER_SEC;

    while (!listed && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        for (int i = 0; i < g_menu_model_get_n_items (recent); i++)
          {
            g_autoptr(GVariant) target =
              g_menu_model_get_item_attribute_value (recent, i, G_MENU_ATTRIBUTE_TARGET,
                                                     G_VARIANT_TYPE_STRING);

            listed |= target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri);
          }
      }
    g_assert_true (listed);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo back to the saved state is unmodified again; a save is the new
 * clean point of the history. */
static void
test_undo_to_saved_is_unmodified (void)
{
  ImpWindow *window = window_with_file ("undo.impactmap", TRUE);
  ImpHistory *history = window->history;

  g_assert_nonnull (history);
  imp_history_set_map_title (history, "Edited through the history");
  g_assert_true (imp_document_get_modified (window->document));
  imp_history_undo (history);
  g_assert_false (imp_document_get_modified (window->document));
  g_assert_cmpstr (subtitle (window), ==, "undo.impactmap");

  imp_history_redo (history);
  g_assert_true (imp_document_get_modified (window->document));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_saving (window->document));
  g_assert_false (imp_document_get_modified (window->document));
  g_assert_false (imp_history_is_modified (history));

  /* Undoing past the save changes the map from what is on disk. */
  imp_history_undo (history);
  g_assert_true (imp_document_get_modified (window->document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_new_map_title (void)
{
  g_autoptr(ImpMap) map = sample_map ("Fresh");
  ImpWindow *window = imp_window_new (app);

  imp_window_set_map (window, map, NULL);
  g_assert_true (subtitle (window) == NULL || subtitle (window)[0] == '\0');
  imp_history_set_map_title (window->history, "Fresh, edited");
  g_assert_cmpstr (subtitle (window), ==, "Not Saved");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A save into a read-only folder says so, and the map stays modified. */
static void
test_save_failure_keeps_modified (void)
{
  ImpWindow *window = window_with_file ("readonly.impactmap", TRUE);
  g_autofree char *path = file_in_tmp ("readonly.impactmap");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  imp_history_set_map_title (window->history, "Not to be written");

  /* Root writes anywhere, so the folder's refusal is simulated. The fault
   * hits every write, so the draft this edit scheduled is not written
   * meanwhile (on a loaded machine it could come due during the save). */
  imp_document_write_draft (window->document, NULL);
  _imp_format_set_fault (IMP_FORMAT_FAULT_CREATE, EACCES, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_saving (window->document));
  _imp_format_set_fault (IMP_FORMAT_FAULT_NONE, 0, 0);

  WAIT_FOR ((dialog = find_dialog ("Could Not Save")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is read-only"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Save As"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  respond (dialog, "close");

  g_assert_true (imp_document_get_modified (window->document));
  g_assert_cmpstr (subtitle (window), ==, "readonly.impactmap • Modified");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit writes a draft, never the file; saving removes the draft. */
static void
test_draft_after_change (void)
{
  ImpWindow *window = window_with_file ("draft.impactmap", TRUE);
  g_autofree char *path = file_in_tmp ("draft.impactmap");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ImpDrafts *drafts = imp_session_get_drafts (imp_application_get_session (app));

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  imp_history_set_map_title (window->history, "Edited");
  g_assert_null (imp_document_get_draft_id (window->document));

  /* autosave-delay is 0 here: a quarter of a second. */
  WAIT_FOR (imp_document_get_draft_id (window->document) != NULL && imp_drafts_has (drafts, imp_document_get_draft_id (window->document)));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_saving (window->document));
  g_assert_false (imp_drafts_has (drafts, imp_document_get_draft_id (window->document)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_asks (void)
{
  ImpWindow *window = window_with_file ("close.impactmap", TRUE);
  g_autofree char *path = file_in_tmp ("close.impactmap");
  AdwMessageDialog *dialog;
  g_autofree char *draft_id = NULL;
  g_autoptr(ImpMap) loaded = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Unmodified: no question. */
  gtk_window_close (GTK_WINDOW (window));
  imp_test_drain ();
  g_assert_null (window);

  window = window_with_file ("close.impactmap", TRUE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  imp_history_set_map_title (window->history, "Changed before closing");
  imp_document_write_draft (window->document, NULL);
  draft_id = g_strdup (imp_document_get_draft_id (window->document));

  /* Cancel keeps the window and its changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_FOR ((dialog = find_dialog ("Save Changes?")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Changed before closing"));
  respond (dialog, "cancel");
  g_assert_nonnull (window);
  g_assert_true (imp_document_get_modified (window->document));

  /* Save writes the file, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_dialog ("Save Changes?")) != NULL);
  respond (dialog, "save");
  WAIT_FOR (window == NULL);
  loaded = imp_format_load_path (path, NULL);
  g_assert_cmpstr (imp_map_get_title (loaded), ==, "Changed before closing");
  g_assert_false (imp_drafts_has (imp_session_get_drafts (imp_application_get_session (app)), draft_id));

  /* Closing while a save runs closes once the file is written. */
  window = window_with_file ("close.impactmap", TRUE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  imp_history_set_map_title (window->history, "Saved while closing");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (imp_document_get_saving (window->document));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window);
  WAIT_FOR (window == NULL);
  g_clear_object (&loaded);
  loaded = imp_format_load_path (path, NULL);
  g_assert_cmpstr (imp_map_get_title (loaded), ==, "Saved while closing");

  /* Discard closes without writing, and drops the draft. */
  window = window_with_file ("close.impactmap", FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  imp_history_set_map_title (window->history, "Thrown away");
  imp_document_write_draft (window->document, NULL);
  g_free (draft_id);
  draft_id = g_strdup (imp_document_get_draft_id (window->document));
  g_assert_true (imp_drafts_has (imp_session_get_drafts (imp_application_get_session (app)), draft_id));
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_dialog ("Save Changes?")) != NULL);
  respond (dialog, "discard");
  WAIT_FOR (window == NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (imp_drafts_has (imp_session_get_drafts (imp_application_get_session (app)), draft_id));
}

static void
test_external_change (void)
{
  ImpWindow *window = window_with_file ("external.impactmap", TRUE);
  g_autofree char *path = file_in_tmp ("external.impactmap");
  g_autoptr(ImpMap) theirs = sample_map ("Written by someone else");

  g_assert_false (gtk_revealer_get_reveal_child (window->file_changed_revealer));

  /* Our own save is not an external change. */
  imp_history_set_map_title (window->history, "Ours");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_saving (window->document));
  /* Not noticed, whenever the window looks at the file after the save: a
   * look the save's own change notice scheduled has run (the notice may
   * come before the save ends, or not at all). */
  WAIT_FOR (!imp_document_get_checking_disk (window->document));
  g_assert_false (gtk_revealer_get_reveal_child (window->file_changed_revealer));

  wait_for_later_mtime (path);
  g_assert_true (imp_format_save_to_path (theirs, path, NULL));
  WAIT_FOR (gtk_revealer_get_reveal_child (window->file_changed_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (window->file_changed_label),
                            "was changed by another program"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  WAIT_FOR (!imp_document_get_loading (window->document));
  g_assert_cmpstr (imp_map_get_title (window->map), ==, "Written by someone else");
  g_assert_false (imp_document_get_modified (window->document));
  g_assert_false (gtk_revealer_get_reveal_child (window->file_changed_revealer));

  /* Keeping ours marks the map modified: saving will overwrite theirs. */
  wait_for_later_mtime (path);
  _imp_map_set_title (theirs, "Changed again");
  g_assert_true (imp_format_save_to_path (theirs, path, NULL));
  WAIT_FOR (gtk_revealer_get_reveal_child (window->file_changed_revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (window->file_changed_revealer));
  g_assert_true (imp_document_get_modified (window->document));
  g_assert_cmpstr (imp_map_get_title (window->map), ==, "Written by someone else");

  /* A file deleted meanwhile: said so, and saving writes it again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  WAIT_FOR (gtk_revealer_get_reveal_child (window->file_changed_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (window->file_changed_label),
                            "was deleted or moved by another program"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_saving (window->document));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (imp_document_get_modified (window->document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_presents_existing (void)
{
  g_autofree char *path = file_in_tmp ("twice.impactmap");
  g_autoptr(ImpMap) map = sample_map ("Twice");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) same = g_file_new_for_path (path);
  ImpWindow *first;
  ImpWindow *second;

  g_assert_true (imp_format_save_to_path (map, path, NULL));
  first = imp_application_open_file (app, file);
  /* Also while the first is still being read. */
  second = imp_application_open_file (app, same);
  g_assert_true (first == second);
  WAIT_FOR (!imp_document_get_loading (first->document));
  g_assert_true (imp_application_open_file (app, same) == first);
  g_assert_cmpstr (imp_map_get_title (first->map), ==, "Twice");

  gtk_window_destroy (GTK_WINDOW (first));
}

/* A repairable file opens repaired, says what was repaired, and is
 * modified until saved. */
static void
test_open_repaired (void)
{
  g_autofree char *path = file_in_tmp ("repair.impactmap");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  ImpWindow *window;

  g_assert_true (g_file_set_contents (path,
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"},"
    "{\"id\": \"d\", \"level\": \"deliverable\", \"title\": \"Dashboard\"}],"
    " \"links\": [{\"from\": \"g\", \"to\": \"d\"}]}", -1, NULL));

  window = imp_application_open_file (app, file);
  WAIT_FOR (!imp_document_get_loading (window->document));
  g_assert_false (imp_window_is_showing_error (window));
  g_assert_cmpint (imp_map_lookup_node (window->map, "d")->level, ==, IMP_LEVEL_ACTOR);
  g_assert_true (imp_document_get_modified (window->document));
  WAIT_FOR ((dialog = find_dialog ("Map Repaired")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Dashboard” had level"));
  respond (dialog, "close");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file dropped on a window opens, in a window of its own. */
static void
test_drop_opens (void)
{
  g_autofree char *path = file_in_tmp ("dropped.impactmap");
  g_autoptr(ImpMap) map = sample_map ("Dropped");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  ImpWindow *window = window_with_file ("drop-target.impactmap", TRUE);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files = g_slist_append (NULL, file);
  gboolean accepted = FALSE;

  g_assert_true (imp_format_save_to_path (map, path, NULL));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (accepted);
  WAIT_FOR (imp_session_find_document (imp_application_get_session (app), file) != NULL &&
            !imp_document_get_loading (imp_session_find_document (imp_application_get_session (app), file)));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (IMP_IS_WINDOW (l->data) && IMP_WINDOW (l->data)->file != NULL &&
        g_file_equal (IMP_WINDOW (l->data)->file, file))
      {
        g_assert_true (l->data != window);
        g_assert_cmpstr (imp_map_get_title (IMP_WINDOW (l->data)->map), ==, "Dropped");
        gtk_window_destroy (l->data);
        accepted = FALSE;
        break;
      }
  g_assert_false (accepted);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Q closes what is saved and asks for what is not. */
static void
test_quit_asks (void)
{
  ImpWindow *saved = window_with_file ("quit-saved.impactmap", TRUE);
  ImpWindow *modified = window_with_file ("quit-modified.impactmap", TRUE);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (saved), (gpointer *) &saved);
  g_object_add_weak_pointer (G_OBJECT (modified), (gpointer *) &modified);
  imp_history_set_map_title (modified->history, "Unsaved at quit");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  WAIT_FOR ((dialog = find_dialog ("Save Changes?")) != NULL);
  g_assert_null (saved);
  g_assert_nonnull (modified);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Unsaved at quit"));
  respond (dialog, "cancel");
  g_assert_nonnull (modified);

  g_object_remove_weak_pointer (G_OBJECT (modified), (gpointer *) &modified);
  gtk_window_destroy (GTK_WINDOW (modified));
}

/* After a crash, the next start offers the drafts; restoring opens each
 * one modified, with its file. */
static void
test_recovery_after_crash (void)
{
  AdwMessageDialog *dialog;
  ImpWindow *restored = NULL;
  g_autofree char *path = file_in_tmp ("crashed.impactmap");

  if (g_test_subprocess ())
    {
      g_autoptr(ImpDrafts) drafts = imp_drafts_new (NULL);
      g_autoptr(ImpMap) map = sample_map ("Work lost in a crash");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *id = imp_drafts_new_id (drafts);

      g_assert_true (imp_drafts_write (drafts, id, map, file, NULL));
      abort ();
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  dialog = ADW_MESSAGE_DIALOG (imp_session_offer_recovery (imp_application_get_session (app), NULL));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Work lost in a crash"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "crashed.impactmap"));
  respond (dialog, "restore");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (IMP_IS_WINDOW (l->data) && IMP_WINDOW (l->data)->map != NULL &&
        g_strcmp0 (imp_map_get_title (IMP_WINDOW (l->data)->map), "Work lost in a crash") == 0)
      restored = l->data;

  g_assert_nonnull (restored);
  g_assert_true (imp_document_get_modified (restored->document));
  g_assert_nonnull (restored->file);
  {
    g_autofree char *restored_path = g_file_get_path (restored->file);

    g_assert_cmpstr (restored_path, ==, path);
  }
  /* Its draft lives on in this session; nothing is offered twice. */
  g_assert_true (imp_drafts_has (imp_session_get_drafts (imp_application_get_session (app)), imp_document_get_draft_id (restored->document)));
  g_assert_null (imp_session_offer_recovery (imp_application_get_session (app), NULL));

  gtk_window_destroy (GTK_WINDOW (restored));
}

/* Leaves a draft of @path titled @title behind, as a crash would. */
static void
crash_with_draft (const char *path,
                  const char *title)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ImpDrafts) drafts = imp_drafts_new (NULL);
      g_autoptr(ImpMap) map = sample_map (title);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *id = imp_drafts_new_id (drafts);

      g_assert_true (imp_drafts_write (drafts, id, map, file, NULL));
      abort ();
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
}

/* A draft of a file that is open, unmodified, is restored into that window:
 * never into a second window on the same file, where saving either would
 * overwrite the other. */
static void
test_recovery_into_open_window (void)
{
  g_autofree char *path = file_in_tmp ("open-crashed.impactmap");
  ImpSession *session = imp_application_get_session (app);
  AdwMessageDialog *dialog;
  ImpWindow *window = NULL;
  guint n_windows;

  if (!g_test_subprocess ())
    window = window_with_file ("open-crashed.impactmap", TRUE);
  crash_with_draft (path, "Restored into the open window");

  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  dialog = ADW_MESSAGE_DIALOG (imp_session_offer_recovery (session, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  respond (dialog, "restore");

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  g_assert_cmpstr (imp_map_get_title (window->map), ==, "Restored into the open window");
  g_assert_true (imp_document_get_modified (window->document));
  g_assert_true (imp_session_find_document (session, window->file) == window->document);
  g_assert_null (imp_session_offer_recovery (session, NULL));

  /* Saving writes what was restored. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_FOR (!imp_document_get_saving (window->document));
  {
    g_autoptr(ImpMap) loaded = imp_format_load_path (path, NULL);

    g_assert_cmpstr (imp_map_get_title (loaded), ==, "Restored into the open window");
  }
  g_assert_false (imp_document_get_modified (window->document));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Over a window with changes of its own, restoring asks first: keeping
 * them leaves the window and the draft alone, replacing restores. */
static void
test_recovery_asks_over_unsaved (void)
{
  g_autofree char *path = file_in_tmp ("unsaved-crashed.impactmap");
  ImpSession *session = imp_application_get_session (app);
  AdwMessageDialog *dialog;
  ImpWindow *window = NULL;
  guint n_windows;

  if (!g_test_subprocess ())
    {
      window = window_with_file ("unsaved-crashed.impactmap", TRUE);
      imp_history_set_map_title (window->history, "Typed in this run");
    }
  crash_with_draft (path, "From the crash");

  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  dialog = ADW_MESSAGE_DIALOG (imp_session_offer_recovery (session, GTK_WINDOW (window)));
  respond (dialog, "restore");
  WAIT_FOR ((dialog = find_dialog ("Replace Unsaved Changes?")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unsaved-crashed.impactmap"));
  respond (dialog, "keep");
  g_assert_cmpstr (imp_map_get_title (window->map), ==, "Typed in this run");

  /* The draft is still there for the next offer. */
  dialog = ADW_MESSAGE_DIALOG (imp_session_offer_recovery (session, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  respond (dialog, "restore");
  WAIT_FOR ((dialog = find_dialog ("Replace Unsaved Changes?")) != NULL);
  respond (dialog, "replace");
  g_assert_cmpstr (imp_map_get_title (window->map), ==, "From the crash");
  g_assert_true (imp_document_get_modified (window->document));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  g_assert_null (imp_session_offer_recovery (session, NULL));

  imp_document_discard_draft (window->document);
  gtk_window_destroy (GTK_WINDOW (window));
}

static ImpImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IMP_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return IMP_IMPORT_DIALOG (window);
    }

  return NULL;
}

static gboolean
report_has (ImpImportDialog *dialog,
            const char      *text)
{
  g_autofree char *report = imp_import_dialog_get_report (dialog);

  return strstr (report, text) != NULL;
}

/* A map of another tool opens as an import: the import dialog previews it
 * with the report of what changes, lets the user say what the source's top
 * nodes are and which sheet to take, and only "Import" puts the map in the
 * window: new, with no file, and unsaved. A hostile file shows why it was
 * refused. */
static void
test_open_import (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data",
                                            "import", "planning.opml", NULL);
  g_autofree char *bad = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data", "bad",
                                           "import", "xxe.opml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  ImpImportDialog *dialog;
  ImpWindow *window;
  ImpMap *before;
  const char *esc[] = { "key", "--clearmodifiers", "Escape", NULL };
  const char *ret[] = { "key", "--clearmodifiers", "Return", NULL };

  window = imp_application_open_file (app, file);
  WAIT_FOR ((dialog = find_import_dialog ()) != NULL);
  imp_test_wait_for_mapped (GTK_WIDGET (dialog));
  g_assert_false (imp_window_is_showing_error (window));
  /* Nothing is imported yet: the window holds the map it had. */
  before = window->map;
  g_assert_true (before == NULL || imp_map_get_n_nodes (before) != 10);
  g_assert_true (report_has (dialog, "Imported 13 nodes from OPML as 10 cards"));
  g_assert_true (report_has (dialog, "3 nodes below the last level became notes"));
  g_assert_cmpuint (imp_map_get_n_nodes (imp_import_dialog_get_map (dialog)), ==, 10);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (imp_import_dialog_get_sheet_row (dialog))));

  /* The top nodes named the whole map: they become its title, their
   * children the goals; the preview and the report follow at once. */
  adw_combo_row_set_selected (imp_import_dialog_get_top_row (dialog), 0);
  g_assert_cmpstr (imp_map_get_title (imp_import_dialog_get_map (dialog)), ==,
                   "Sell 20% more tickets online · Cut refund requests by half");
  g_assert_true (report_has (dialog, "became the map’s title"));
  g_assert_true (report_has (dialog, "(3 goals, 2 actors, 2 impacts, 1 deliverable, 2 experiments)"));
  g_assert_true (report_has (dialog, "1 node below the last level became notes"));
  /* Three tiers: fewer levels, so more of the source becomes notes. */
  adw_combo_row_set_selected (imp_import_dialog_get_vocabulary_row (dialog),
                              IMP_VOCABULARY_THREE_TIERS);
  g_assert_cmpuint (imp_map_get_vocabulary (imp_import_dialog_get_map (dialog)), ==,
                    IMP_VOCABULARY_THREE_TIERS);
  adw_combo_row_set_selected (imp_import_dialog_get_vocabulary_row (dialog),
                              IMP_VOCABULARY_CLASSIC);
  /* Back to goals, and Escape: nothing is imported. */
  adw_combo_row_set_selected (imp_import_dialog_get_top_row (dialog), 1);
  g_assert_true (report_has (dialog, "(2 goals, 3 actors, 2 impacts, 2 deliverables, 1 experiment)"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  imp_test_wait_for_focus (GTK_WIDGET (dialog));
  imp_test_xdotool (GTK_WINDOW (dialog), esc, 0);
  WAIT_FOR (dialog == NULL);
  /* A window opened for the import keeps what it had, or a new map. */
  if (before != NULL)
    g_assert_true (window->map == before);
  else
    g_assert_cmpuint (imp_map_get_n_nodes (window->map), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Import: the map as previewed, new, with no file, and unsaved. */
  window = imp_application_open_file (app, file);
  WAIT_FOR ((dialog = find_import_dialog ()) != NULL);
  /* Return: the focus starts on Import, the default. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  imp_test_wait_for_focus (GTK_WIDGET (dialog));
  imp_test_xdotool (GTK_WINDOW (dialog), ret, 0);
  WAIT_FOR (dialog == NULL);
  g_assert_null (find_import_dialog ());
  g_assert_null (imp_window_get_file (window));
  g_assert_cmpuint (imp_map_get_n_nodes (window->map), ==, 10);
  g_assert_cmpstr (imp_map_get_title (window->map), ==, "Ticket sales 2027");
  g_assert_true (imp_document_get_modified (imp_window_get_document (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  window = imp_application_open_file (app, bad_file);
  WAIT_FOR (imp_window_is_showing_error (window));
  g_assert_null (find_import_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));

  /* An XMind 2020 workbook: the first sheet, the report naming the others,
   * and the other sheet chosen in the dialog. */
  {
    g_autofree char *xmind = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data",
                                               "import", "xmind2020.xmind", NULL);
    g_autoptr(GFile) xmind_file = g_file_new_for_path (xmind);
    AdwComboRow *sheets;

    window = imp_application_open_file (app, xmind_file);
    WAIT_FOR ((dialog = find_import_dialog ()) != NULL);
    sheets = imp_import_dialog_get_sheet_row (dialog);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheets)));
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (sheets)), ==, 2);
    g_assert_cmpuint (imp_map_get_n_nodes (imp_import_dialog_get_map (dialog)), ==, 6);
    g_assert_cmpstr (imp_map_get_title (imp_import_dialog_get_map (dialog)), ==, "Support");
    g_assert_true (report_has (dialog,
                               "Sheet 1 of 2, “Support”; the others were not imported."));
    adw_combo_row_set_selected (sheets, 1);
    g_assert_true (report_has (dialog, "Sheet 2 of 2, “Ideas”"));
    g_assert_cmpuint (imp_map_get_n_nodes (imp_import_dialog_get_map (dialog)), ==, 1);
    imp_import_dialog_accept (dialog);
    imp_test_drain ();
    g_assert_cmpuint (imp_map_get_n_nodes (window->map), ==, 1);
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(GSettings) settings = NULL;
  int ret;

  if (!imp_test_has_display ())
    return 0;

  /* The subprocesses share the parent's folders, passed down. */
  if (g_getenv ("IMP_TEST_TMP") != NULL)
    tmp_dir = g_strdup (g_getenv ("IMP_TEST_TMP"));
  else
    {
      tmp_dir = g_dir_make_tmp ("imp-window-files-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("IMP_TEST_TMP", tmp_dir, TRUE);
    }
  drafts_dir = g_build_filename (tmp_dir, "drafts", NULL);
  g_setenv ("IMP_DRAFTS_DIR", drafts_dir, TRUE);
  /* Open Recent starts empty: entries of earlier runs, dated by another
   * clock, must not push this run's maps out of the menu. */
  data_dir = g_build_filename (tmp_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "autosave-delay", 0);

  app = imp_test_register_app ();

  g_test_add_func ("/ui/files/save-and-title", test_save_and_title);
  g_test_add_func ("/ui/files/undo-to-saved-is-unmodified", test_undo_to_saved_is_unmodified);
  g_test_add_func ("/ui/files/new-map-title", test_new_map_title);
  g_test_add_func ("/ui/files/save-failure-keeps-modified", test_save_failure_keeps_modified);
  g_test_add_func ("/ui/files/draft-after-change", test_draft_after_change);
  g_test_add_func ("/ui/files/close-asks", test_close_asks);
  g_test_add_func ("/ui/files/external-change", test_external_change);
  g_test_add_func ("/ui/files/open-presents-existing", test_open_presents_existing);
  g_test_add_func ("/ui/files/open-repaired", test_open_repaired);
  g_test_add_func ("/ui/files/drop-opens", test_drop_opens);
  g_test_add_func ("/ui/files/quit-asks", test_quit_asks);
  g_test_add_func ("/ui/files/recovery-after-crash", test_recovery_after_crash);
  g_test_add_func ("/ui/files/recovery-into-open-window", test_recovery_into_open_window);
  g_test_add_func ("/ui/files/recovery-asks-over-unsaved", test_recovery_asks_over_unsaved);
  g_test_add_func ("/ui/files/open-import", test_open_import);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
