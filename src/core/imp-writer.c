/* imp-writer.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imp-writer.h"
#include "imp-writer-private.h"

/* Temporaries are named `.NAME.imp-XXXXXX` beside NAME: hidden, and
 * recognisably ours, so that one a killed process left behind can be
 * found and removed by the next write of NAME. While a write is under way
 * its temporary is locked with flock(); the kernel drops the lock when the
 * process dies, so a temporary nobody holds is stale and safe to remove,
 * and one another write (in this process or another) holds is left alone. */
#define TEMP_INFIX    ".imp-"
#define TEMP_X_LENGTH 6

/* Symbolic links followed before giving up, as the kernel's own limit. */
#define MAX_LINKS 40

struct _ImpWriter
{
  char           *target;
  char           *dir;
  char           *tmp;
  ImpWriterFlags  flags;
  GStatBuf        old;
  gboolean        exists;
  int             fd;
};

/* Test hooks (imp-writer-private.h): make the next writes fail at one
 * step with @errnum, as a full disk or a read-only folder would, and
 * record the order of the steps. */
static ImpWriterFault fault_step;
static int fault_errnum;
static gsize fault_after;
static GString *trace;

void
_imp_writer_set_fault (ImpWriterFault step,
                       int            errnum,
                       gsize          after_bytes)
{
  fault_step = step;
  fault_errnum = errnum;
  fault_after = after_bytes;
}

void
_imp_writer_set_trace (GString *steps)
{
  trace = steps;
}

static gboolean
fault_at (ImpWriterFault step)
{
  if (fault_step != step)
    return FALSE;
  errno = fault_errnum;
  return TRUE;
}

static void
record (const char *step)
{
  if (trace != NULL)
    g_string_append_printf (trace, "%s ", step);
}

/* Says what went wrong and what to do, in words a user can act on. The
 * file itself is never touched before the final rename, so every message
 * can promise that. */
static void
set_write_error (GError     **error,
                 int          errnum,
                 const char  *path,
                 const char  *dir)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = g_filename_display_name (dir);

  switch (errnum)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR,
                   errnum == EROFS ? G_IO_ERROR_READ_ONLY : G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: the folder “%s” is read-only. Use Save As to "
                     "save the map in another folder."), name, folder);
      break;

    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not save “%s”: there is no room left on the disk. Free some "
                     "space, or use Save As to save the map on another disk. The file on "
                     "disk was not changed."), name);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not save “%s”: the folder “%s” no longer exists. Use Save As "
                     "to save the map somewhere else."), name, folder);
      break;

    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errnum),
                   _("Could not save “%s”: %s. The file on disk was not changed."),
                   name, g_strerror (errnum));
      break;
    }
}

/* The file a write of @path replaces: writing through a link must not
 * replace the link with a file, so every link is followed, also one whose
 * target does not exist yet (the write creates it). */
static char *
resolve_links (const char  *path,
               int         *errnum)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *contents = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if ((contents = g_file_read_link (current, NULL)) == NULL)
        {
          *errnum = errno;
          return NULL;
        }

      if (!g_path_is_absolute (contents))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, contents, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&contents);
        }
    }

  *errnum = ELOOP;
  return NULL;
}

static gboolean
is_our_temporary (const char *name,
                  const char *base)
{
  gsize base_len = strlen (base);

  return name[0] == '.' &&
         strncmp (name + 1, base, base_len) == 0 &&
         strncmp (name + 1 + base_len, TEMP_INFIX, strlen (TEMP_INFIX)) == 0 &&
         strlen (name + 1 + base_len + strlen (TEMP_INFIX)) == TEMP_X_LENGTH;
}

/* Removes the temporaries of @base that earlier writes left in @dir when
 * they were killed: ours by name, owned by us, and locked by nobody. */
static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_our_temporary (name, base))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;

      /* Unlinked while locked, so that no write can take it over between
       * the check and the removal. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);

      close (fd);
    }
}

/* Creates and locks the temporary. A stale-temporary cleanup in another
 * write may remove it between its creation and the lock; then the
 * temporary is made again. */
static int
create_temporary (ImpWriter *self)
{
  g_autofree char *base = g_path_get_basename (self->target);

  for (int attempt = 0; attempt < 5; attempt++)
    {
      struct stat st;
      int fd;

      g_free (self->tmp);
      self->tmp = g_strdup_printf ("%s/.%s" TEMP_INFIX "XXXXXX", self->dir, base);

      if (fault_at (IMP_WRITER_FAULT_CREATE) ||
          (fd = g_mkstemp_full (self->tmp, O_RDWR | O_CLOEXEC, 0666)) < 0)
        return -1;

      /* A file system without locks cannot lose its temporaries to a
       * cleanup either: the cleanup takes the lock first. */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        {
          close (fd);
          continue;
        }
      if (fstat (fd, &st) == 0 && st.st_nlink == 0)
        {
          close (fd);
          continue;
        }

      record ("create");
      return fd;
    }

  errno = EAGAIN;
  return -1;
}

/**
 * imp_writer_new:
 * @path: the file to replace, in the file system's encoding
 * @flags: whether to keep a backup
 * @error: return location for an error
 *
 * Starts replacing @path so that it is never half written: the bytes go
 * to a hidden temporary file in the same folder, which imp_writer_commit()
 * flushes to disk (fsync) and renames over @path. Until that rename @path
 * is not touched at all, so any failure (a full disk, a read-only folder,
 * a crash) leaves the old file byte for byte; imp_writer_free() without a
 * commit removes the temporary.
 *
 * Symbolic links are followed: the file they point to is replaced and the
 * links stay. The old file's permissions are kept (a 0600 file stays
 * 0600). Temporaries that earlier writes of @path left behind when they
 * were killed are removed.
 *
 * A target that exists and is not a regular file (a folder, a FIFO, a
 * device) is refused here, before anything is written, with
 * %G_IO_ERROR_IS_DIRECTORY or %G_IO_ERROR_NOT_REGULAR_FILE. Other errors
 * are #G_IO_ERROR with a message that says what to do:
 * %G_IO_ERROR_PERMISSION_DENIED or %G_IO_ERROR_READ_ONLY for a read-only
 * folder, %G_IO_ERROR_NO_SPACE for a full disk, %G_IO_ERROR_NOT_FOUND for
 * a folder deleted meanwhile.
 *
 * Returns: (transfer full): the write under way, or %NULL with @error set
 */
ImpWriter *
imp_writer_new (const char      *path,
                ImpWriterFlags   flags,
                GError         **error)
{
  g_autoptr(ImpWriter) self = NULL;
  g_autofree char *base = NULL;
  int errnum = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ImpWriter, 1);
  self->fd = -1;
  self->flags = flags;

  if ((self->target = resolve_links (path, &errnum)) == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      set_write_error (error, errnum, path, dir);
      return NULL;
    }

  self->dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);

  self->exists = g_stat (self->target, &self->old) == 0;
  if (self->exists && S_ISDIR (self->old.st_mode))
    {
      g_autofree char *name = g_filename_display_name (self->target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not save: “%s” is a folder. Use Save As to choose a file name."),
                   name);
      return NULL;
    }
  if (self->exists && !S_ISREG (self->old.st_mode))
    {
      g_autofree char *name = g_filename_display_name (self->target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save: “%s” is not a regular file. Use Save As to choose "
                     "a file name."), name);
      return NULL;
    }

  remove_stale_temporaries (self->dir, base);

  if ((self->fd = create_temporary (self)) < 0)
    {
      errnum = errno;
      g_clear_pointer (&self->tmp, g_free);
      set_write_error (error, errnum, self->target, self->dir);
      return NULL;
    }

  if (self->exists)
    (void) fchmod (self->fd, self->old.st_mode & 07777);

  return g_steal_pointer (&self);
}

/**
 * imp_writer_get_target:
 * @self: a write under way
 *
 * Returns: the file being replaced, with symbolic links followed
 */
const char *
imp_writer_get_target (ImpWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->target;
}

/* Ends the write with @errnum: the temporary goes, the target stays. */
static gboolean
fail (ImpWriter  *self,
      int         errnum,
      GError    **error)
{
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  if (self->tmp != NULL)
    g_unlink (self->tmp);
  g_clear_pointer (&self->tmp, g_free);
  set_write_error (error, errnum, self->target, self->dir);

  return FALSE;
}

/**
 * imp_writer_write:
 * @self: a write under way
 * @data: (array length=length): bytes to append
 * @length: the length of @data
 * @error: return location for an error
 *
 * Appends @data to the temporary file. After a failure the write is over
 * (the temporary is removed): only imp_writer_free() remains.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
imp_writer_write (ImpWriter   *self,
                  const void  *data,
                  gsize        length,
                  GError     **error)
{
  const char *bytes = data;
  gsize done = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (done < length)
    {
      gsize chunk = MIN (length - done, 64 * 1024);
      gssize n;

      if (fault_step == IMP_WRITER_FAULT_WRITE && done + chunk > fault_after)
        {
          chunk = fault_after - done;
          if (chunk == 0)
            return fail (self, fault_errnum, error);
        }

      n = write (self->fd, bytes + done, chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail (self, errno, error);
      done += n;
    }

  record ("write");
  return TRUE;
}

/* Keeps the version being replaced as PATH~. A hard link costs nothing
 * and leaves PATH itself untouched until the rename; where links are not
 * supported, a copy. A backup that cannot be made does not stop the save:
 * the save itself is still all or nothing. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return;
  if (link (path, backup) == 0)
    {
      record ("backup");
      return;
    }
  if (g_file_get_contents (path, &contents, &length, NULL) &&
      imp_writer_write_path (backup, contents, length, IMP_WRITER_NONE, NULL))
    record ("backup");
}

static gboolean
sync_temporary (ImpWriter *self)
{
  if (fault_at (IMP_WRITER_FAULT_SYNC) || fsync (self->fd) != 0)
    return FALSE;
  record ("fsync");
  return TRUE;
}

static gboolean
close_temporary (ImpWriter *self)
{
  int fd = self->fd;

  /* Closing also drops the lock: the temporary is complete by now, and a
   * cleanup that takes it before the rename only costs this write. */
  self->fd = -1;
  if (close (fd) != 0)
    return FALSE;
  record ("close");
  return TRUE;
}

static gboolean
rename_temporary (ImpWriter *self)
{
  if (fault_at (IMP_WRITER_FAULT_RENAME) || g_rename (self->tmp, self->target) != 0)
    return FALSE;
  record ("rename");
  g_clear_pointer (&self->tmp, g_free);
  return TRUE;
}

/* The rename itself is only durable once the folder is flushed. */
static void
sync_folder (ImpWriter *self)
{
  int dir_fd = open (self->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (dir_fd < 0)
    return;
  if (fsync (dir_fd) == 0)
    record ("fsync-folder");
  close (dir_fd);
}

/**
 * imp_writer_commit:
 * @self: a write under way
 * @error: return location for an error
 *
 * Flushes the temporary file to disk, keeps the old file as `PATH~` if
 * asked to, and renames the temporary over the target, in that order. On
 * failure the target is as it was and the temporary is removed.
 *
 * Returns: %TRUE if the target now holds what was written, else %FALSE
 *   with @error set
 */
gboolean
imp_writer_commit (ImpWriter  *self,
                   GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sync_temporary (self))
    return fail (self, errno, error);

  if (!close_temporary (self))
    return fail (self, errno, error);

  if (self->exists && (self->flags & IMP_WRITER_BACKUP) != 0)
    keep_backup (self->target);

  if (!rename_temporary (self))
    return fail (self, errno, error);

  sync_folder (self);

  return TRUE;
}

/**
 * imp_writer_free:
 * @self: (nullable): a write, committed or not
 *
 * Ends a write; one not committed is abandoned, its temporary removed.
 */
void
imp_writer_free (ImpWriter *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp != NULL)
    g_unlink (self->tmp);

  g_free (self->tmp);
  g_free (self->dir);
  g_free (self->target);
  g_free (self);
}

/**
 * imp_writer_write_path:
 * @path: the file to write, in the file system's encoding
 * @data: (array length=length): the bytes to write
 * @length: the length of @data
 * @flags: whether to keep a backup
 * @error: return location for an error
 *
 * Replaces @path with @data atomically, in one go: imp_writer_new(),
 * imp_writer_write() and imp_writer_commit().
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
imp_writer_write_path (const char      *path,
                       const void      *data,
                       gsize            length,
                       ImpWriterFlags   flags,
                       GError         **error)
{
  g_autoptr(ImpWriter) writer = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((writer = imp_writer_new (path, flags, error)) == NULL)
    return FALSE;

  return imp_writer_write (writer, data, length, error) && imp_writer_commit (writer, error);
}
