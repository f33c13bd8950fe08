/* imp-drafts.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-drafts"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "imp-drafts.h"
#include "imp-format.h"
#include "imp-writer.h"

/**
 * ImpDrafts:
 *
 * Autosaved copies of open documents, kept apart from the user's own files
 * so that autosave never rewrites a file behind the user's back.
 *
 * Each running process owns a session folder, `DIR/SESSION/`, holding a
 * `lock` file it keeps locked with flock() while it runs, and per document
 * `ID.impactmap` (the draft) and `ID.info` (its title and file). A clean
 * shutdown removes the session folder: one that is still there and no
 * longer locked was left by a crash, and its drafts are offered back.
 * The lock, unlike a pid, is released by the kernel however the process
 * ends, and is never confused with another process reusing the pid.
 */

struct _ImpDrafts
{
  GObject  parent_instance;

  char    *dir;
  char    *session_dir;
  int      lock_fd;
};

struct _ImpDraft
{
  char      *session_dir;
  char      *id;
  char      *path;
  char      *title;
  char      *uri;
  GDateTime *saved;
};

G_DEFINE_FINAL_TYPE (ImpDrafts, imp_drafts, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (ImpDraft, imp_draft, imp_draft_copy, imp_draft_free)

#define INFO_GROUP "Draft"

/**
 * imp_draft_copy:
 *
 * Returns: (transfer full): a copy of @draft
 */
ImpDraft *
imp_draft_copy (const ImpDraft *draft)
{
  ImpDraft *copy = g_new0 (ImpDraft, 1);

  copy->session_dir = g_strdup (draft->session_dir);
  copy->id = g_strdup (draft->id);
  copy->path = g_strdup (draft->path);
  copy->title = g_strdup (draft->title);
  copy->uri = g_strdup (draft->uri);
  copy->saved = draft->saved != NULL ? g_date_time_ref (draft->saved) : NULL;

  return copy;
}

/**
 * imp_draft_free:
 *
 * Frees @draft.
 */
void
imp_draft_free (ImpDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->session_dir);
  g_free (draft->id);
  g_free (draft->path);
  g_free (draft->title);
  g_free (draft->uri);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_free (draft);
}

/**
 * imp_draft_get_title:
 *
 * Returns: the map's title when the draft was written, or "" if it had none
 */
const char *
imp_draft_get_title (const ImpDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->title != NULL ? draft->title : "";
}

/**
 * imp_draft_get_file:
 *
 * Returns: (transfer full) (nullable): the file the document was saved as,
 *   or %NULL for a map never saved
 */
GFile *
imp_draft_get_file (const ImpDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->uri != NULL && draft->uri[0] != '\0' ? g_file_new_for_uri (draft->uri) : NULL;
}

/**
 * imp_draft_get_saved:
 *
 * Returns: (transfer none) (nullable): when the draft was written
 */
GDateTime *
imp_draft_get_saved (const ImpDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->saved;
}

/**
 * imp_draft_get_path:
 *
 * Returns: the draft's `.impactmap` file
 */
const char *
imp_draft_get_path (const ImpDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->path;
}

/**
 * imp_draft_load:
 * @error: return location for an error
 *
 * Reads the document the draft holds.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_draft_load (const ImpDraft  *draft,
                GError         **error)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return imp_format_load_path (draft->path, error);
}

static void
imp_drafts_finalize (GObject *object)
{
  ImpDrafts *self = IMP_DRAFTS (object);

  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->dir);
  g_free (self->session_dir);

  G_OBJECT_CLASS (imp_drafts_parent_class)->finalize (object);
}

static void
imp_drafts_class_init (ImpDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = imp_drafts_finalize;
}

static void
imp_drafts_init (ImpDrafts *self)
{
  self->lock_fd = -1;
}

/**
 * imp_drafts_new:
 * @dir: (nullable): the drafts folder, or %NULL for `$IMP_DRAFTS_DIR` if
 *   set, else `impact-mapper/drafts` in the user's data folder
 *
 * Returns: (transfer full): drafts kept in @dir; imp_drafts_start() before
 *   writing any
 */
ImpDrafts *
imp_drafts_new (const char *dir)
{
  ImpDrafts *self = g_object_new (IMP_TYPE_DRAFTS, NULL);
  const char *env = g_getenv ("IMP_DRAFTS_DIR");

  if (dir != NULL)
    self->dir = g_strdup (dir);
  else if (env != NULL && env[0] != '\0')
    self->dir = g_strdup (env);
  else
    self->dir = g_build_filename (g_get_user_data_dir (), "impact-mapper", "drafts", NULL);

  return self;
}

/**
 * imp_drafts_get_dir:
 *
 * Returns: the drafts folder
 */
const char *
imp_drafts_get_dir (ImpDrafts *self)
{
  g_return_val_if_fail (IMP_IS_DRAFTS (self), NULL);

  return self->dir;
}

/**
 * imp_drafts_start:
 * @error: return location for an error
 *
 * Creates this process's session folder and locks it, so that no other
 * process takes its drafts for those of a crash.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
imp_drafts_start (ImpDrafts  *self,
                  GError    **error)
{
  g_autofree char *session = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *lock = NULL;
  int fd;

  g_return_val_if_fail (IMP_IS_DRAFTS (self), FALSE);

  if (self->session_dir != NULL)
    return TRUE;

  session = g_uuid_string_random ();
  dir = g_build_filename (self->dir, session, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the drafts folder “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  lock = g_build_filename (dir, "lock", NULL);
  fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not lock the drafts folder: %s"), g_strerror (saved));
      return FALSE;
    }

  self->lock_fd = fd;
  self->session_dir = g_steal_pointer (&dir);

  return TRUE;
}

static void
remove_session_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/**
 * imp_drafts_finish:
 *
 * Marks a clean shutdown: removes this session's folder with whatever
 * drafts are left in it. Call it only once every document was saved or
 * discarded.
 */
void
imp_drafts_finish (ImpDrafts *self)
{
  g_return_if_fail (IMP_IS_DRAFTS (self));

  if (self->session_dir == NULL)
    return;

  remove_session_dir (self->session_dir);
  close (self->lock_fd);
  self->lock_fd = -1;
  g_clear_pointer (&self->session_dir, g_free);
}

/**
 * imp_drafts_new_id:
 *
 * Returns: (transfer full): a new id for a document's draft
 */
char *
imp_drafts_new_id (ImpDrafts *self)
{
  g_return_val_if_fail (IMP_IS_DRAFTS (self), NULL);

  return g_uuid_string_random ();
}

static gboolean
valid_id (const char *id)
{
  return id != NULL && id[0] != '\0' && strchr (id, '/') == NULL && id[0] != '.';
}

/**
 * imp_drafts_write:
 * @id: the document's draft id, from imp_drafts_new_id()
 * @map: the document
 * @file: (nullable): where the document is saved, if it is
 * @error: return location for an error
 *
 * Writes @map as the draft @id, replacing its previous draft atomically.
 * Never writes to @file.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
imp_drafts_write (ImpDrafts   *self,
                  const char  *id,
                  ImpMap      *map,
                  GFile       *file,
                  GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *data = NULL;
  g_autofree char *info_data = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stamp = NULL;
  gsize length = 0;
  gsize info_length = 0;

  g_return_val_if_fail (IMP_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (valid_id (id), FALSE);
  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (self->session_dir == NULL && !imp_drafts_start (self, error))
    return FALSE;

  data = imp_format_save_to_data (map, &length);
  name = g_strconcat (id, ".impactmap", NULL);
  path = g_build_filename (self->session_dir, name, NULL);
  if (!imp_writer_write_path (path, data, length, IMP_WRITER_NONE, error))
    return FALSE;

  stamp = g_date_time_format_iso8601 (now);
  g_key_file_set_string (info, INFO_GROUP, "title",
                         imp_map_get_title (map) != NULL ? imp_map_get_title (map) : "");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, INFO_GROUP, "file", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "saved", stamp);
  info_data = g_key_file_to_data (info, &info_length, NULL);

  g_free (name);
  name = g_strconcat (id, ".info", NULL);
  info_path = g_build_filename (self->session_dir, name, NULL);

  return imp_writer_write_path (info_path, info_data, info_length, IMP_WRITER_NONE,
                                error);
}

static char *
draft_path (const char *dir,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * imp_drafts_has:
 * @id: a draft id
 *
 * Returns: whether this session holds a draft @id
 */
gboolean
imp_drafts_has (ImpDrafts  *self,
                const char *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (IMP_IS_DRAFTS (self), FALSE);

  if (self->session_dir == NULL || !valid_id (id))
    return FALSE;

  path = draft_path (self->session_dir, id, ".impactmap");

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/**
 * imp_drafts_remove:
 * @id: a draft id
 *
 * Removes the draft @id, once its document is saved or discarded.
 */
void
imp_drafts_remove (ImpDrafts  *self,
                   const char *id)
{
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  g_return_if_fail (IMP_IS_DRAFTS (self));

  if (self->session_dir == NULL || !valid_id (id))
    return;

  path = draft_path (self->session_dir, id, ".impactmap");
  info = draft_path (self->session_dir, id, ".info");
  g_unlink (path);
  g_unlink (info);
}

/* Whether the process that owned @session_dir is gone: its lock is free. */
static gboolean
session_is_orphan (const char *session_dir)
{
  g_autofree char *lock = g_build_filename (session_dir, "lock", NULL);
  gboolean orphan;
  int fd;

  fd = g_open (lock, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    /* No lock at all: a session killed while starting. */
    return errno == ENOENT;

  orphan = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);

  return orphan;
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const ImpDraft *da = *(ImpDraft * const *) a;
  const ImpDraft *db = *(ImpDraft * const *) b;

  if (da->saved == NULL || db->saved == NULL)
    return g_strcmp0 (da->path, db->path);

  return -g_date_time_compare (da->saved, db->saved);
}

static void
list_session (const char *session_dir,
              GPtrArray  *drafts)
{
  g_autoptr(GDir) d = g_dir_open (session_dir, 0, NULL);
  const char *name;
  guint found = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *id = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *stamp = NULL;
      ImpDraft *draft;

      if (!g_str_has_suffix (name, ".impactmap") || name[0] == '.')
        continue;

      id = g_strndup (name, strlen (name) - strlen (".impactmap"));
      draft = g_new0 (ImpDraft, 1);
      draft->session_dir = g_strdup (session_dir);
      draft->id = g_strdup (id);
      draft->path = g_build_filename (session_dir, name, NULL);

      /* A missing or broken info file only loses the title and file. */
      info_path = draft_path (session_dir, id, ".info");
      if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        {
          draft->title = g_key_file_get_string (info, INFO_GROUP, "title", NULL);
          draft->uri = g_key_file_get_string (info, INFO_GROUP, "file", NULL);
          stamp = g_key_file_get_string (info, INFO_GROUP, "saved", NULL);
          if (stamp != NULL)
            draft->saved = g_date_time_new_from_iso8601 (stamp, NULL);
        }

      g_ptr_array_add (drafts, draft);
      found++;
    }

  /* A crashed session with nothing unsaved needs no offer. */
  if (found == 0)
    remove_session_dir (session_dir);
}

/**
 * imp_drafts_list_orphans:
 *
 * Lists the drafts left by sessions that did not shut down cleanly (a
 * crash, a kill, a power cut) and are no longer running, newest first.
 *
 * Returns: (transfer full) (element-type ImpDraft): the drafts
 */
GPtrArray *
imp_drafts_list_orphans (ImpDrafts *self)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_draft_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_return_val_if_fail (IMP_IS_DRAFTS (self), drafts);

  d = g_dir_open (self->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *session_dir = g_build_filename (self->dir, name, NULL);

      if (g_strcmp0 (session_dir, self->session_dir) == 0 ||
          !g_file_test (session_dir, G_FILE_TEST_IS_DIR) ||
          !session_is_orphan (session_dir))
        continue;

      list_session (session_dir, drafts);
    }

  g_ptr_array_sort (drafts, compare_drafts);

  return drafts;
}

/**
 * imp_drafts_discard:
 * @draft: a draft from imp_drafts_list_orphans()
 *
 * Removes @draft, once restored or refused, and its session folder when it
 * was the last one there.
 */
void
imp_drafts_discard (ImpDrafts      *self,
                    const ImpDraft *draft)
{
  g_autofree char *info = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  gboolean others = FALSE;

  g_return_if_fail (IMP_IS_DRAFTS (self));
  g_return_if_fail (draft != NULL);

  info = draft_path (draft->session_dir, draft->id, ".info");
  g_unlink (draft->path);
  g_unlink (info);

  d = g_dir_open (draft->session_dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".impactmap"))
      others = TRUE;

  if (!others && g_strcmp0 (draft->session_dir, self->session_dir) != 0 &&
      session_is_orphan (draft->session_dir))
    remove_session_dir (draft->session_dir);
}
