/* test-files.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/file.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imp-drafts.h"
#include "imp-format.h"
#include "imp-format-private.h"
#include "imp-limits.h"
#include "imp-writer.h"
#include "imp-writer-private.h"
#include "imp-map-private.h"

/* Saving never loses a map: atomic replacement, backups, clear errors. */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("imp-files-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_chmod (path, 0755);
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: shows any leftover temporary file. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static ImpMap *
sample_map (const char *title)
{
  g_autoptr(ImpMap) map = imp_map_new_with_goal ("Grow weekly learners");
  g_autoptr(GError) error = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, "Teachers", NULL, &error);

  g_assert_no_error (error);
  _imp_map_set_title (map, title);
  _imp_map_link (map, goal, actor, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&map);
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_save_replaces_and_backs_up (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(ImpMap) first = sample_map ("First");
  g_autoptr(ImpMap) second = sample_map ("Second");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *in_backup = NULL;

  g_assert_true (imp_format_save_to_path (first, path, &error));
  g_assert_no_error (error);
  /* A new file has nothing to back up. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  first_data = imp_format_save_to_data (first, NULL);
  second_data = imp_format_save_to_data (second, NULL);

  g_assert_true (imp_format_save_to_path (second, path, &error));
  g_assert_no_error (error);

  on_disk = read_all (path);
  in_backup = read_all (backup);
  g_assert_cmpstr (on_disk, ==, second_data);
  g_assert_cmpstr (in_backup, ==, first_data);

  /* No temporary file is left behind. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.impactmap plan.impactmap~");

  remove_tree (dir);
}

static void
test_save_keeps_permissions_and_links (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "real.impactmap", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.impactmap", NULL);
  g_autoptr(ImpMap) map = sample_map ("Linked");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.impactmap", link_path), ==, 0);

  _imp_map_set_title (map, "Through the link");
  g_assert_true (imp_format_save_to_path (map, link_path, &error));
  g_assert_no_error (error);

  /* The link is still a link, and the file it points to was replaced. */
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  {
    g_autofree char *contents = read_all (path);
    g_assert_nonnull (strstr (contents, "Through the link"));
  }

  remove_tree (dir);
}

/* A write that fails part-way (a full disk) reports it and leaves the
 * old file exactly as it was. */
static void
test_failed_write_keeps_old_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autoptr(ImpMap) map = sample_map ("Original");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  gsize before_len, after_len;

  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  _imp_map_set_title (map, "Changed, and much longer than before, so the write is bigger");
  _imp_format_set_fault (IMP_FORMAT_FAULT_WRITE, ENOSPC, 40);
  g_assert_false (imp_format_save_to_path (map, path, &error));
  _imp_format_set_fault (IMP_FORMAT_FAULT_NONE, 0, 0);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "plan.impactmap"));
  g_assert_nonnull (strstr (error->message, "no room left on the disk"));
  g_assert_nonnull (strstr (error->message, "not changed"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.impactmap");

  remove_tree (dir);
}

/* The same with a real short write: the kernel refuses to grow a file past
 * RLIMIT_FSIZE, as it would past a full disk. In a subprocess, so the limit
 * stays there. */
static void
test_real_short_write_keeps_old_file (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("IMP_TEST_PATH");
      g_autoptr(ImpMap) map = sample_map ("A title long enough to pass the limit of the file size");
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64, 64 };
      GString *notes = g_string_new (NULL);

      for (int i = 0; i < 200; i++)
        g_string_append (notes, "notes that make the file large ");
      _imp_map_set_title (map, notes->str);
      g_string_free (notes, TRUE);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (imp_format_save_to_path (map, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      return;
    }
  else
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
      g_autoptr(ImpMap) map = sample_map ("Original");
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *listing = NULL;
      gsize before_len, after_len;

      g_assert_true (imp_format_save_to_path (map, path, &error));
      g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
      g_assert_cmpuint (before_len, >, 64);

      g_setenv ("IMP_TEST_PATH", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "plan.impactmap");

      remove_tree (dir);
    }
}

/* A failure at the last step, the rename, also leaves the old file. */
static void
test_failed_rename_keeps_old_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autoptr(ImpMap) map = sample_map ("Original");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (imp_format_save_to_path (map, path, &error));
  before = read_all (path);

  _imp_map_set_title (map, "Changed");
  _imp_format_set_fault (IMP_FORMAT_FAULT_RENAME, EIO, 0);
  g_assert_false (imp_format_save_to_path (map, path, &error));
  _imp_format_set_fault (IMP_FORMAT_FAULT_NONE, 0, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not changed"));

  after = read_all (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autoptr(ImpMap) map = sample_map ("Original");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean simulated = geteuid () == 0;

  g_assert_true (imp_format_save_to_path (map, path, &error));
  before = read_all (path);

  /* Root writes into any folder: there, the refusal is simulated. */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (simulated)
    _imp_format_set_fault (IMP_FORMAT_FAULT_CREATE, EACCES, 0);

  _imp_map_set_title (map, "Changed");
  g_assert_false (imp_format_save_to_path (map, path, &error));
  _imp_format_set_fault (IMP_FORMAT_FAULT_NONE, 0, 0);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "is read-only"));
  g_assert_nonnull (strstr (error->message, "Save As"));

  after = read_all (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

static void
test_folder_deleted (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "gone", NULL);
  g_autofree char *path = g_build_filename (sub, "plan.impactmap", NULL);
  g_autoptr(ImpMap) map = sample_map ("Original");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_unlink (path);
  g_rmdir (sub);

  g_assert_false (imp_format_save_to_path (map, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no longer exists"));

  remove_tree (dir);
}

static void
test_save_over_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(ImpMap) map = sample_map ("Original");
  g_autoptr(GError) error = NULL;

  g_assert_false (imp_format_save_to_path (map, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  remove_tree (dir);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (imp_format_save_to_file_finish (result, error) && *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

static void
test_async_save (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpMap) map = sample_map ("Async");
  g_autoptr(ImpMap) loaded = NULL;
  g_autoptr(GError) error = NULL;

  imp_format_save_to_file_async (map, file, NULL, save_done_cb, &error);
  /* Edits after the call are not in the file. */
  _imp_map_set_title (map, "Later");
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  loaded = imp_format_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imp_map_get_title (loaded), ==, "Async");

  remove_tree (dir);
}

/* Drafts: written beside, never over, the user's file; offered after a crash. */
static void
test_draft_written_and_removed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpDrafts) drafts = imp_drafts_new (drafts_dir);
  g_autoptr(ImpMap) map = sample_map ("Saved");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (imp_format_save_to_path (map, path, &error));
  before = read_all (path);

  g_assert_true (imp_drafts_start (drafts, &error));
  g_assert_no_error (error);
  id = imp_drafts_new_id (drafts);
  g_assert_false (imp_drafts_has (drafts, id));

  _imp_map_set_title (map, "Edited, not saved");
  g_assert_true (imp_drafts_write (drafts, id, map, file, &error));
  g_assert_no_error (error);
  g_assert_true (imp_drafts_has (drafts, id));

  /* The user's file is untouched. */
  after = read_all (path);
  g_assert_cmpstr (before, ==, after);

  /* A running session's drafts are not offered, not even to itself. */
  {
    g_autoptr(ImpDrafts) other = imp_drafts_new (drafts_dir);
    g_autoptr(GPtrArray) orphans = imp_drafts_list_orphans (other);

    g_assert_cmpuint (orphans->len, ==, 0);
  }

  imp_drafts_remove (drafts, id);
  g_assert_false (imp_drafts_has (drafts, id));

  /* A clean shutdown leaves nothing behind. */
  imp_drafts_finish (drafts);
  {
    g_autofree char *listing = list_dir (drafts_dir);

    g_assert_cmpstr (listing, ==, "");
  }

  remove_tree (dir);
}

static void
test_draft_offered_after_crash (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *drafts_dir = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(ImpDrafts) drafts = imp_drafts_new (g_getenv ("IMP_TEST_DRAFTS"));
      g_autoptr(ImpMap) map = sample_map ("Unsaved work");
      g_autoptr(ImpMap) other = sample_map ("Never saved");
      g_autoptr(GFile) file = g_file_new_for_path ("/tmp/somewhere/plan.impactmap");
      g_autoptr(GError) error = NULL;
      g_autofree char *id = imp_drafts_new_id (drafts);
      g_autofree char *id2 = imp_drafts_new_id (drafts);

      g_assert_true (imp_drafts_write (drafts, id, map, file, &error));
      g_assert_true (imp_drafts_write (drafts, id2, other, NULL, &error));
      g_assert_no_error (error);
      /* The crash: no imp_drafts_finish(), no cleanup at all. */
      abort ();
    }

  dir = make_dir ();
  drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_setenv ("IMP_TEST_DRAFTS", drafts_dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  {
    g_autoptr(ImpDrafts) drafts = imp_drafts_new (drafts_dir);
    g_autoptr(GPtrArray) orphans = NULL;
    g_autoptr(GError) error = NULL;
    gboolean seen_saved = FALSE, seen_new = FALSE;

    g_assert_true (imp_drafts_start (drafts, &error));
    orphans = imp_drafts_list_orphans (drafts);
    g_assert_cmpuint (orphans->len, ==, 2);

    for (guint i = 0; i < orphans->len; i++)
      {
        ImpDraft *draft = g_ptr_array_index (orphans, i);
        g_autoptr(ImpMap) map = imp_draft_load (draft, &error);
        g_autoptr(GFile) file = imp_draft_get_file (draft);

        g_assert_no_error (error);
        g_assert_cmpstr (imp_map_get_title (map), ==, imp_draft_get_title (draft));
        g_assert_nonnull (imp_draft_get_saved (draft));
        if (g_strcmp0 (imp_draft_get_title (draft), "Unsaved work") == 0)
          {
            g_autofree char *path = g_file_get_path (file);

            g_assert_cmpstr (path, ==, "/tmp/somewhere/plan.impactmap");
            seen_saved = TRUE;
          }
        else
          {
            g_assert_cmpstr (imp_draft_get_title (draft), ==, "Never saved");
            g_assert_null (file);
            seen_new = TRUE;
          }
      }
    g_assert_true (seen_saved && seen_new);

    /* Discarded (or restored) drafts are not offered again, and the crashed
     * session's folder goes with the last one. */
    for (guint i = 0; i < orphans->len; i++)
      imp_drafts_discard (drafts, g_ptr_array_index (orphans, i));
    g_clear_pointer (&orphans, g_ptr_array_unref);
    orphans = imp_drafts_list_orphans (drafts);
    g_assert_cmpuint (orphans->len, ==, 0);

    imp_drafts_finish (drafts);
    {
      g_autofree char *listing = list_dir (drafts_dir);

      g_assert_cmpstr (listing, ==, "");
    }
  }

  remove_tree (dir);
}

/* Every file in tests/data/bad gives its own expected error, and never a
 * crash or a critical (criticals are fatal here). */
static void
test_bad_inputs_replay (void)
{
  static const struct { const char *name; int code; } codes[] = {
    { "EMPTY", IMP_FORMAT_ERROR_EMPTY },
    { "ENCODING", IMP_FORMAT_ERROR_ENCODING },
    { "SYNTAX", IMP_FORMAT_ERROR_SYNTAX },
    { "NOT_IMPACTMAP", IMP_FORMAT_ERROR_NOT_IMPACTMAP },
    { "VERSION", IMP_FORMAT_ERROR_VERSION },
    { "TYPE", IMP_FORMAT_ERROR_TYPE },
    { "MISSING", IMP_FORMAT_ERROR_MISSING },
    { "VALUE", IMP_FORMAT_ERROR_VALUE },
    { "UNKNOWN_LEVEL", IMP_FORMAT_ERROR_UNKNOWN_LEVEL },
    { "DUPLICATE_ID", IMP_FORMAT_ERROR_DUPLICATE_ID },
    { "DANGLING_LINK", IMP_FORMAT_ERROR_DANGLING_LINK },
    { "BAD_LINK", IMP_FORMAT_ERROR_BAD_LINK },
    { "TOO_LARGE", IMP_FORMAT_ERROR_TOO_LARGE },
    { "DUPLICATE_MEMBER", IMP_FORMAT_ERROR_DUPLICATE_MEMBER },
  };
  g_autofree char *dir = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data", "bad",
                                           NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.txt", NULL);
  g_autofree char *expected = read_all (expected_path);
  g_auto(GStrv) lines = g_strsplit (expected, "\n", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(ImpMap) map = NULL;
      g_autoptr(GError) error = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_nonnull (fields[1]);
      path = g_build_filename (dir, fields[0], NULL);
      g_test_message ("%s", fields[0]);
      map = imp_format_load_path (path, &error);

      if (g_str_equal (fields[1], "OK"))
        {
          g_autofree char *data = NULL;
          g_autoptr(ImpMap) again = NULL;

          g_assert_no_error (error);
          /* Unknown members survive a load/save round trip. */
          data = imp_format_save_to_data (map, NULL);
          again = imp_format_load_data (data, -1, &error);
          g_assert_no_error (error);
          g_assert_true (imp_map_equal (map, again));
        }
      else
        {
          int code = -1;

          for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
            if (g_str_equal (codes[c].name, fields[1]))
              code = codes[c].code;
          g_assert_cmpint (code, >=, 0);
          g_assert_null (map);
          g_assert_error (error, IMP_FORMAT_ERROR, code);
          g_assert_nonnull (fields[2]);
          if (strstr (error->message, fields[2]) == NULL)
            g_error ("%s: expected “%s” in “%s”", fields[0], fields[2], error->message);
        }

      g_hash_table_add (seen, g_strdup (fields[0]));
      n++;
    }

  /* A regression file without an expectation is a mistake. */
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".impactmap") && !g_hash_table_contains (seen, name))
      g_error ("tests/data/bad/%s has no line in expected.txt", name);

  g_assert_cmpuint (n, >=, 19);
}

/* A level mismatch with one reading loads, repaired, with a warning; the
 * strict reader still refuses it, and what cannot be repaired stays an error. */
static void
test_repairs_level_mismatch (void)
{
  const char *skips =
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"},"
    "{\"id\": \"d\", \"level\": \"deliverable\", \"title\": \"Dashboard\"}],"
    " \"links\": [{\"from\": \"g\", \"to\": \"d\"}]}";
  const char *backwards =
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": ["
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\"},"
    "{\"id\": \"a\", \"level\": \"actor\", \"title\": \"A\"}],"
    " \"links\": [{\"from\": \"g\", \"to\": \"a\"}, {\"from\": \"a\", \"to\": \"g\"}]}";
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  ImpNode *node;

  map = imp_format_load_data (skips, -1, &error);
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_BAD_LINK);
  g_clear_error (&error);

  map = imp_format_load_data_with_warnings (skips, -1, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_cmpstr (warnings[0], ==, "links[0]: “Dashboard” had level “deliverable” under level "
                   "“goal”; it now has level “actor”");
  node = imp_map_lookup_node (map, "d");
  g_assert_cmpint (node->level, ==, IMP_LEVEL_ACTOR);
  g_assert_cmpuint (imp_map_get_n_links (map), ==, 1);
  g_clear_object (&map);
  g_clear_pointer (&warnings, g_strfreev);

  /* A card with links of its own is never moved. */
  map = imp_format_load_data_with_warnings (backwards, -1, &warnings, &error);
  g_assert_null (map);
  g_assert_null (warnings);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_BAD_LINK);
  g_clear_error (&error);

  /* A good file has nothing to report. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("IMP_SOURCE_ROOT"), "tests", "data",
                                              "format", "canonical.impactmap", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    map = imp_format_load_file_with_warnings (file, &warnings, &error);
    g_assert_no_error (error);
    g_assert_nonnull (map);
    g_assert_null (warnings);
  }
}

/* A payload on a level that has none (ICE on a goal, a metric on an actor)
 * is what the inspector never makes: the strict reader refuses it naming the
 * member and the levels; the repairing reader leaves it out and says so; a
 * card that changed level in the app is saved without the old level's
 * payload, so that every saved file reads back strictly. */
static void
test_repairs_payload_off_level (void)
{
  const char *json =
    "{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [\n"
    "{\"id\": \"g\", \"level\": \"goal\", \"title\": \"G\",\n"
    " \"ice\": {\"impact\": 5, \"confidence\": 5, \"ease\": 5}},\n"
    "{\"id\": \"a\", \"level\": \"actor\", \"title\": \"A\",\n"
    " \"metric\": {\"name\": \"m\", \"baseline\": 0, \"target\": 10}}],\n"
    " \"links\": [{\"from\": \"g\", \"to\": \"a\"}]}";
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpMap) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *saved = NULL;
  ImpNode *goal;
  ImpNode *card;
  gsize length;

  map = imp_format_load_data (json, -1, &error);
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "nodes[0] (id “g”, line 2), “ice”: only cards of level “deliverable” have "
                   "one, not a card of level “goal”");
  g_clear_error (&error);

  map = imp_format_load_data_with_warnings (json, -1, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_cmpstr (warnings[0], ==,
                   "nodes[0] (id “g”): “ice” was left out: only cards of level “deliverable” "
                   "have one, not a card of level “goal”");
  g_assert_cmpstr (warnings[1], ==,
                   "nodes[1] (id “a”): “metric” was left out: only cards of level “goal” or "
                   "“impact” have one, not a card of level “actor”");
  goal = imp_map_lookup_node (map, "g");
  g_assert_false (imp_ice_is_set (&goal->ice));
  g_assert_null (imp_map_lookup_node (map, "a")->metric);

  /* A deliverable with a score that becomes an experiment keeps the score
   * in memory (changing back brings it back) but the file has none. */
  card = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Dashboard", "d", NULL);
  g_assert_true (_imp_map_set_node_ice (map, card, &(ImpIce) { 8, 6, 4 }, NULL));
  g_assert_true (_imp_map_set_node_level (map, card, IMP_LEVEL_EXPERIMENT, NULL));
  saved = imp_format_save_to_data (map, &length);
  g_assert_null (strstr (saved, "\"ice\""));
  reread = imp_format_load_data (saved, length, &error);
  g_assert_no_error (error);
  g_assert_false (imp_ice_is_set (&imp_map_lookup_node (reread, card->id)->ice));
  g_assert_true (_imp_map_set_node_level (map, card, IMP_LEVEL_DELIVERABLE, NULL));
  g_assert_cmpuint (imp_ice_get_score (&card->ice), ==, 8 * 6 * 4);
}

static void
test_directory_and_huge_inputs (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *big = g_build_filename (dir, "big.impactmap", NULL);
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(GError) error = NULL;
  GString *json;
  FILE *out;

  /* A folder. */
  map = imp_format_load_path (dir, &error);
  g_assert_null (map);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR);
  g_clear_error (&error);

  /* A map title of the longest length loads whole; one of 4 MiB is refused
   * with the member and the limit, never half-read. */
  for (gsize length = imp_limits_max_chars (IMP_TEXT_OTHER); length <= 4 * 1024 * 1024;
       length = 4 * 1024 * 1024)
    {
      json = g_string_new ("{\"format\": \"impactmap\", \"version\": 1, \"title\": \"");
      for (gsize i = 0; i < length; i++)
        g_string_append_c (json, 'a' + i % 26);
      g_string_append (json, "\", \"nodes\": [], \"links\": []}");
      map = imp_format_load_data (json->str, json->len, &error);
      g_string_free (json, TRUE);
      if (length == imp_limits_max_chars (IMP_TEXT_OTHER))
        {
          g_assert_no_error (error);
          g_assert_cmpuint (strlen (imp_map_get_title (map)), ==, length);
          g_clear_object (&map);
          continue;
        }
      g_assert_null (map);
      g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "title"));
      g_assert_nonnull (strstr (error->message, "10000"));
      g_clear_error (&error);
      break;
    }

  /* 100 MB of nothing useful: refused with a message, in bounded time. */
  out = fopen (big, "w");
  g_assert_nonnull (out);
  fputs ("{\"format\": \"impactmap\", \"version\": 1, \"nodes\": [", out);
  for (int i = 0; i < 100 * 1024; i++)
    {
      char block[1024];

      memset (block, ' ', sizeof block);
      fwrite (block, 1, sizeof block, out);
    }
  fputs ("{\"id\": 7}], \"links\": []}", out);
  fclose (out);
  map = imp_format_load_path (big, &error);
  g_assert_null (map);
  g_assert_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TYPE);
  g_assert_nonnull (strstr (error->message, "nodes[0]"));
  g_clear_error (&error);

  remove_tree (dir);
}

/* The writer under every file the app writes (maps, exports, drafts). */

static void
write_string (const char     *path,
              const char     *text,
              ImpWriterFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (imp_writer_write_path (path, text, strlen (text), flags, &error));
  g_assert_no_error (error);
}

/* A link is followed, also through a chain of links and to a target that
 * does not exist yet: the links stay links, and the file they name is
 * written. */
static void
test_writer_follows_links (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *real = g_build_filename (sub, "real.txt", NULL);
  g_autofree char *hop = g_build_filename (dir, "hop.txt", NULL);
  g_autofree char *first = g_build_filename (dir, "first.txt", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.txt", NULL);
  g_autofree char *created = g_build_filename (sub, "new.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_string (real, "old", IMP_WRITER_NONE);
  g_assert_cmpint (symlink ("sub/real.txt", hop), ==, 0);
  g_assert_cmpint (symlink (hop, first), ==, 0);
  g_assert_cmpint (symlink ("sub/new.txt", dangling), ==, 0);

  write_string (first, "through two links", IMP_WRITER_BACKUP);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (hop, G_FILE_TEST_IS_SYMLINK));
  contents = read_all (real);
  g_assert_cmpstr (contents, ==, "through two links");
  g_clear_pointer (&contents, g_free);

  write_string (dangling, "made through a link", IMP_WRITER_NONE);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  contents = read_all (created);
  g_assert_cmpstr (contents, ==, "made through a link");

  /* The backup and every temporary are beside the real file, none beside the links. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "dangling.txt first.txt hop.txt sub");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (sub);
  g_assert_cmpstr (listing, ==, "new.txt real.txt real.txt~");

  remove_tree (dir);
}

/* A private file stays private: 0600 is kept, with and without a backup. */
static void
test_writer_keeps_private_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "secret.txt", NULL);
  GStatBuf st;

  write_string (path, "first", IMP_WRITER_NONE);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  write_string (path, "second", IMP_WRITER_NONE);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  write_string (path, "third", IMP_WRITER_BACKUP);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  remove_tree (dir);
}

/* A killed write leaves its temporary behind; the next write of the same
 * file removes it, but not the temporary of a write still under way (it
 * holds its lock), nor anything not ours. */
static void
test_writer_removes_stale_temporaries (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autofree char *stale = g_build_filename (dir, ".plan.impactmap.imp-Ab3xY9", NULL);
  g_autofree char *busy = g_build_filename (dir, ".plan.impactmap.imp-Busy00", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.impactmap.imp-Zz9Zz9", NULL);
  g_autofree char *foreign = g_build_filename (dir, ".plan.impactmap.swp", NULL);
  g_autofree char *listing = NULL;
  int busy_fd;

  write_string (path, "old", IMP_WRITER_NONE);
  write_string (stale, "half a map", IMP_WRITER_NONE);
  write_string (busy, "a write under way", IMP_WRITER_NONE);
  write_string (other, "another file's", IMP_WRITER_NONE);
  write_string (foreign, "an editor's", IMP_WRITER_NONE);

  busy_fd = open (busy, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX | LOCK_NB), ==, 0);

  write_string (path, "new", IMP_WRITER_NONE);
  close (busy_fd);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==,
                   ".other.impactmap.imp-Zz9Zz9 .plan.impactmap.imp-Busy00 "
                   ".plan.impactmap.swp plan.impactmap");

  remove_tree (dir);
}

/* A folder or a FIFO as the target is refused before anything is written:
 * no temporary, no system call that changes the disk, and a FIFO is never
 * opened (that would block). */
static void
test_writer_refuses_non_regular_target (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder.png", NULL);
  g_autofree char *inside = g_build_filename (folder, "kept.txt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.png", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.png", NULL);
  g_autoptr(GString) trace = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpWriter) writer = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_string (inside, "kept", IMP_WRITER_NONE);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("folder.png", link_path), ==, 0);

  _imp_writer_set_trace (trace);

  writer = imp_writer_new (folder, IMP_WRITER_BACKUP, &error);
  g_assert_null (writer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder.png"));
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  /* Through a link, too. */
  g_assert_false (imp_writer_write_path (link_path, "x", 1, IMP_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (imp_writer_write_path (fifo, "x", 1, IMP_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "pipe.png"));
  g_clear_error (&error);

  _imp_writer_set_trace (NULL);
  g_assert_cmpstr (trace->str, ==, "");

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "folder.png link.png pipe.png");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "kept.txt");
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));

  remove_tree (dir);
}

/* Exports (and later merge output) write without a FILE~ backup; saves
 * keep one. */
static void
test_writer_backup_only_on_request (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  write_string (path, "one", IMP_WRITER_NONE);
  write_string (path, "two", IMP_WRITER_NONE);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.txt");

  write_string (path, "three", IMP_WRITER_BACKUP);
  contents = read_all (backup);
  g_assert_cmpstr (contents, ==, "two");
  g_clear_pointer (&contents, g_free);
  contents = read_all (path);
  g_assert_cmpstr (contents, ==, "three");

  remove_tree (dir);
}

/* A write given up before its commit (an export whose drawing failed)
 * leaves the target as it was and no temporary. */
static void
test_writer_abandoned_write (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  ImpWriter *writer;

  write_string (path, "kept", IMP_WRITER_NONE);

  writer = imp_writer_new (path, IMP_WRITER_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imp_writer_get_target (writer), ==, path);
  g_assert_true (imp_writer_write (writer, "lost", 4, &error));
  g_assert_no_error (error);
  imp_writer_free (writer);

  contents = read_all (path);
  g_assert_cmpstr (contents, ==, "kept");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.txt");

  remove_tree (dir);
}

/* The order of a save's system calls is what makes it safe: the temporary
 * is complete on disk (written, fsync'd, closed) before the backup is made
 * and the rename replaces the file, and the folder is flushed after the
 * rename so that the rename itself survives a power cut. */
static void
test_save_system_call_order (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.impactmap", NULL);
  g_autoptr(ImpMap) map = sample_map ("Ordered");
  g_autoptr(GString) trace = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (imp_format_save_to_path (map, path, &error));
  g_assert_no_error (error);

  _imp_map_set_title (map, "Ordered again");
  _imp_writer_set_trace (trace);
  g_assert_true (imp_format_save_to_path (map, path, &error));
  _imp_writer_set_trace (NULL);
  g_assert_no_error (error);

  g_assert_cmpstr (trace->str, ==, "create write fsync close backup rename fsync-folder ");

  /* A new file has nothing to back up; the rest is the same. */
  g_string_truncate (trace, 0);
  g_unlink (path);
  _imp_writer_set_trace (trace);
  g_assert_true (imp_format_save_to_path (map, path, &error));
  _imp_writer_set_trace (NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (trace->str, ==, "create write fsync close rename fsync-folder ");

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/files/save-replaces-and-backs-up", test_save_replaces_and_backs_up);
  g_test_add_func ("/core/files/save-keeps-permissions-and-links",
                   test_save_keeps_permissions_and_links);
  g_test_add_func ("/core/files/failed-write-keeps-old-file", test_failed_write_keeps_old_file);
  g_test_add_func ("/core/files/real-short-write-keeps-old-file",
                   test_real_short_write_keeps_old_file);
  g_test_add_func ("/core/files/failed-rename-keeps-old-file", test_failed_rename_keeps_old_file);
  g_test_add_func ("/core/files/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/files/folder-deleted", test_folder_deleted);
  g_test_add_func ("/core/files/save-over-folder", test_save_over_folder);
  g_test_add_func ("/core/files/async-save", test_async_save);
  g_test_add_func ("/core/files/bad-inputs-replay", test_bad_inputs_replay);
  g_test_add_func ("/core/files/repairs-level-mismatch", test_repairs_level_mismatch);
  g_test_add_func ("/core/files/repairs-payload-off-level", test_repairs_payload_off_level);
  g_test_add_func ("/core/files/directory-and-huge-inputs", test_directory_and_huge_inputs);
  g_test_add_func ("/core/files/save-system-call-order", test_save_system_call_order);
  g_test_add_func ("/core/writer/follows-links", test_writer_follows_links);
  g_test_add_func ("/core/writer/keeps-private-mode", test_writer_keeps_private_mode);
  g_test_add_func ("/core/writer/removes-stale-temporaries",
                   test_writer_removes_stale_temporaries);
  g_test_add_func ("/core/writer/refuses-non-regular-target",
                   test_writer_refuses_non_regular_target);
  g_test_add_func ("/core/writer/backup-only-on-request", test_writer_backup_only_on_request);
  g_test_add_func ("/core/writer/abandoned-write", test_writer_abandoned_write);
  g_test_add_func ("/core/drafts/written-and-removed", test_draft_written_and_removed);
  g_test_add_func ("/core/drafts/offered-after-crash", test_draft_offered_after_crash);

  return g_test_run ();
}
