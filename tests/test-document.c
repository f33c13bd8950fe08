/* test-document.c: one open map, its file, history, draft and disk state
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>

#include "imp-document.h"
#include "imp-format.h"
#include "imp-map.h"
#include "imp-map-private.h"

static char *tmp_dir;

static gboolean
wait_until (gboolean (*done) (ImpDocument *), ImpDocument *document)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (document) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  return done (document);
}

static gboolean
not_loading (ImpDocument *document)
{
  return !imp_document_get_loading (document);
}

static gboolean
not_saving (ImpDocument *document)
{
  return !imp_document_get_saving (document);
}

static gboolean
disk_changed (ImpDocument *document)
{
  return imp_document_get_disk_state (document) != IMP_DISK_STATE_SAME;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  imp_document_load_finish (IMP_DOCUMENT (object), result, NULL, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  imp_document_save_finish (IMP_DOCUMENT (object), result, error);
}

static char *
write_map (const char *name,
           const char *title)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal (title);
  char *path = g_build_filename (tmp_dir, name, NULL);

  _imp_map_set_title (map, title);
  g_assert_true (imp_format_save_to_path (map, path, NULL));

  return path;
}

static ImpDocument *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ImpDocument *document = imp_document_new (NULL);

  imp_document_load_async (document, file, NULL, NULL, loaded_cb, error);
  g_assert_true (imp_document_get_loading (document));
  g_assert_true (imp_document_is_on_file (document, file));
  g_assert_true (wait_until (not_loading, document));

  return document;
}

/* A file read off the main thread is the document's, clean; every edit
 * through the history makes it modified, undoing back makes it clean. */
static void
test_load_and_modified (void)
{
  g_autofree char *path = write_map ("load.impactmap", "Loaded");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = load (path, &error);
  ImpHistory *history;

  g_assert_no_error (error);
  g_assert_cmpstr (imp_map_get_title (imp_document_get_map (document)), ==, "Loaded");
  g_assert_false (imp_document_get_modified (document));
  history = imp_document_get_history (document);
  g_assert_nonnull (history);
  g_assert_true (imp_history_get_map (history) == imp_document_get_map (document));

  imp_history_set_map_title (history, "Edited");
  g_assert_true (imp_document_get_modified (document));
  imp_history_undo (history);
  g_assert_false (imp_document_get_modified (document));
}

/* Reading fails cleanly: a missing file says not found, a broken one says
 * why, and the document keeps what it had. */
static void
test_load_errors (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.impactmap", NULL);
  g_autofree char *broken = g_build_filename (tmp_dir, "broken.impactmap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = load (missing, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (imp_document_get_map (document));
  g_clear_error (&error);
  g_clear_object (&document);

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"impactmap\",", -1, NULL));
  document = load (broken, &error);
  g_assert_nonnull (error);
  g_assert_null (imp_document_get_map (document));
}

/* A repaired file is modified until saved, whatever is undone. */
static void
test_repaired_is_modified (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "repair.impactmap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = NULL;

  g_assert_true (g_file_set_contents (path,
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"},"
    "{\"id\": \"d\", \"level\": \"deliverable\", \"title\": \"Dashboard\"}],"
    " \"links\": [{\"from\": \"g\", \"to\": \"d\"}]}", -1, NULL));
  document = load (path, &error);
  g_assert_no_error (error);
  g_assert_true (imp_document_get_modified (document));
  imp_history_set_map_title (imp_document_get_history (document), "x");
  imp_history_undo (imp_document_get_history (document));
  g_assert_true (imp_document_get_modified (document));
}

/* An edit typed while the file is written keeps the document modified;
 * undoing it then brings the document back to what was saved. */
static void
test_edit_during_save (void)
{
  g_autofree char *path = write_map ("during.impactmap", "Before");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = load (path, &error);
  ImpHistory *history = imp_document_get_history (document);

  imp_history_set_map_title (history, "Saved");
  imp_document_save_async (document, NULL, NULL, saved_cb, &error);
  g_assert_true (imp_document_get_saving (document));
  /* The same field again: without the save's seal it would merge into the
   * step being saved. */
  imp_history_set_map_title (history, "Typed while saving");
  g_assert_true (wait_until (not_saving, document));
  g_assert_no_error (error);

  g_assert_true (imp_document_get_modified (document));
  imp_history_undo (history);
  g_assert_cmpstr (imp_map_get_title (imp_document_get_map (document)), ==, "Saved");
  g_assert_false (imp_document_get_modified (document));

  /* A second save of the same state, and the file holds it. */
  imp_history_redo (history);
  imp_document_save_async (document, NULL, NULL, saved_cb, &error);
  g_assert_true (wait_until (not_saving, document));
  g_assert_false (imp_document_get_modified (document));
  {
    g_autoptr(ImpMap) loaded = imp_format_load_path (path, NULL);

    g_assert_cmpstr (imp_map_get_title (loaded), ==, "Typed while saving");
  }

  /* Undone past the save and edited otherwise: that save is out of reach. */
  imp_history_undo (history);
  imp_history_set_map_title (history, "Another branch");
  imp_history_undo (history);
  imp_history_redo (history);
  g_assert_true (imp_document_get_modified (document));
}

/* Save As makes the new file the document's; a failed save leaves it
 * modified and on its old file. */
static void
test_save_as_and_failure (void)
{
  g_autofree char *path = write_map ("save-as.impactmap", "Origin");
  g_autofree char *other = g_build_filename (tmp_dir, "save-as-copy.impactmap", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "a-folder.impactmap", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = load (path, &error);

  imp_history_set_map_title (imp_document_get_history (document), "Copied");
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  imp_document_save_async (document, folder_file, NULL, saved_cb, &error);
  g_assert_true (wait_until (not_saving, document));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (imp_document_get_modified (document));
  g_assert_false (g_file_equal (imp_document_get_file (document), folder_file));

  imp_document_save_async (document, other_file, NULL, saved_cb, &error);
  g_assert_true (wait_until (not_saving, document));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (imp_document_get_file (document), other_file));
  g_assert_false (imp_document_get_modified (document));
}

/* Another program writing the file is noticed; keeping ours marks the
 * document modified, so saving overwrites theirs. */
static void
test_disk_state (void)
{
  g_autofree char *path = write_map ("disk.impactmap", "Ours");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = load (path, &error);
  g_autoptr(ImpMap) theirs = imp_map_new_with_goal ("Theirs");
  GStatBuf before;

  g_assert_cmpint (imp_document_get_disk_state (document), ==, IMP_DISK_STATE_SAME);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (imp_format_save_to_path (theirs, path, NULL));
  /* A later modification time, whatever the file system's resolution. */
  {
    struct utimbuf times = { before.st_atime, before.st_mtime + 10 };

    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
  g_assert_true (wait_until (disk_changed, document));
  g_assert_cmpint (imp_document_get_disk_state (document), ==, IMP_DISK_STATE_CHANGED);

  imp_document_keep_mine (document);
  g_assert_cmpint (imp_document_get_disk_state (document), ==, IMP_DISK_STATE_SAME);
  g_assert_true (imp_document_get_modified (document));
}

/* A draft restored into a document replaces its content, modified, on the
 * draft's file, and the draft becomes the document's own. */
static void
test_restore_draft (void)
{
  g_autofree char *drafts_dir = g_build_filename (tmp_dir, "drafts", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "restore.impactmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpDrafts) drafts = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpDocument) document = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(ImpDrafts) crashed = imp_drafts_new (drafts_dir);
      g_autoptr(ImpMap) lost = imp_map_new_with_goal ("From the draft");

      _imp_map_set_title (lost, "From the draft");
      g_autofree char *id = NULL;

      g_assert_true (imp_drafts_start (crashed, NULL));
      id = imp_drafts_new_id (crashed);
      g_assert_true (imp_drafts_write (crashed, id, lost, file, NULL));
      /* The crash: no imp_drafts_finish(). */
      abort ();
    }

  g_free (write_map ("restore.impactmap", "On disk"));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  drafts = imp_drafts_new (drafts_dir);
  g_assert_true (imp_drafts_start (drafts, NULL));
  orphans = imp_drafts_list_orphans (drafts);
  g_assert_cmpuint (orphans->len, ==, 1);

  document = imp_document_new (drafts);
  g_assert_true (imp_document_restore_draft (document, g_ptr_array_index (orphans, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (imp_map_get_title (imp_document_get_map (document)), ==, "From the draft");
  g_assert_true (g_file_equal (imp_document_get_file (document), file));
  g_assert_true (imp_document_get_modified (document));
  g_assert_nonnull (imp_document_get_draft_id (document));
  g_assert_true (imp_drafts_has (drafts, imp_document_get_draft_id (document)));
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = imp_drafts_list_orphans (drafts);
  g_assert_cmpuint (orphans->len, ==, 0);

  imp_document_discard_draft (document);
  g_assert_false (imp_drafts_has (drafts, imp_document_get_draft_id (document)));
  imp_drafts_finish (drafts);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* The subprocess shares the parent's folder, passed down. */
  if (g_getenv ("IMP_TEST_DOCUMENT_DIR") == NULL)
    {
      tmp_dir = g_dir_make_tmp ("imp-document-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("IMP_TEST_DOCUMENT_DIR", tmp_dir, TRUE);
    }
  else
    tmp_dir = g_strdup (g_getenv ("IMP_TEST_DOCUMENT_DIR"));

  g_test_add_func ("/core/document/load-and-modified", test_load_and_modified);
  g_test_add_func ("/core/document/load-errors", test_load_errors);
  g_test_add_func ("/core/document/repaired-is-modified", test_repaired_is_modified);
  g_test_add_func ("/core/document/edit-during-save", test_edit_during_save);
  g_test_add_func ("/core/document/save-as-and-failure", test_save_as_and_failure);
  g_test_add_func ("/core/document/disk-state", test_disk_state);
  g_test_add_func ("/core/document/restore-draft", test_restore_draft);

  ret = g_test_run ();

  g_free (tmp_dir);

  return ret;
}
