/* imp-git.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-git"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "imp-format.h"
#include "imp-git.h"

/* Starts git in @file's folder, or NULL with @error set. */
static GSubprocess *
spawn_git (GFile              *file,
           const char * const *args,
           GError            **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *git = g_find_program_in_path ("git");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The map is not a local file"));
      return NULL;
    }
  if (git == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("git is not installed"));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  g_ptr_array_add (argv, git);
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, dir);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  return g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            error);
}

/* git's standard output once it has ended, or NULL with @error holding
 * git's own words. */
static GBytes *
git_output (GSubprocess *process,
            GBytes      *out,
            GBytes      *err,
            GError     **error)
{
  if (!g_subprocess_get_successful (process))
    {
      gsize length = 0;
      const char *text = err ? g_bytes_get_data (err, &length) : NULL;
      g_autofree char *message = g_strndup (text ? text : "", length);

      g_strstrip (message);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                   *message ? message : _("git failed"));
      return NULL;
    }

  return out != NULL ? g_bytes_ref (out) : g_bytes_new (NULL, 0);
}

/* Runs git in @file's folder; its standard output, or NULL with @error
 * holding git's own words. */
static GBytes *
run_git (GFile              *file,
         const char * const *args,
         GError            **error)
{
  g_autoptr(GSubprocess) process = spawn_git (file, args, error);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  if (process == NULL || !g_subprocess_communicate (process, NULL, NULL, &out, &err, error))
    return NULL;

  return git_output (process, out, err, error);
}

/* Whether `git rev-parse --is-inside-work-tree` said so. */
static gboolean
says_in_work_tree (GBytes  *out,
                   GError **error)
{
  gsize length = 0;
  const char *data;

  if (out == NULL)
    return FALSE;
  data = g_bytes_get_data (out, &length);
  if (length < 4 || strncmp (data, "true", 4) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The map is not in a git work tree"));
      return FALSE;
    }
  return TRUE;
}

static const char * const work_tree_args[] = { "rev-parse", "--is-inside-work-tree", NULL };

/**
 * imp_git_in_work_tree:
 *
 * Returns: whether git is installed and @file's folder is in a git work
 *   tree, so that its earlier versions can be asked for; if not, @error
 *   says why
 */
gboolean
imp_git_in_work_tree (GFile   *file,
                      GError **error)
{
  g_autoptr(GBytes) out = run_git (file, work_tree_args, error);

  return says_in_work_tree (out, error);
}

static void
work_tree_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GBytes) output = NULL;
  GError *error = NULL;

  if (!g_subprocess_communicate_finish (G_SUBPROCESS (object), result, &out, &err, &error) ||
      (output = git_output (G_SUBPROCESS (object), out, err, &error)) == NULL ||
      !says_in_work_tree (output, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * imp_git_in_work_tree_async:
 *
 * imp_git_in_work_tree() without waiting for git: git is started at once
 * and @callback runs once it has answered (the window asks this way, so
 * that opening a map never waits for git).
 */
void
imp_git_in_work_tree_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GSubprocess) process = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, imp_git_in_work_tree_async);
  process = spawn_git (file, work_tree_args, &error);
  if (process == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_subprocess_communicate_async (process, NULL, cancellable, work_tree_done_cb, task);
}

/**
 * imp_git_in_work_tree_finish:
 *
 * Returns: what imp_git_in_work_tree() returns
 */
gboolean
imp_git_in_work_tree_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * imp_git_list_versions:
 * @max: the most versions to list
 *
 * Returns: (transfer full) (element-type utf8) (nullable): "REV\tsubject"
 *   of each commit that changed @file, newest first
 */
GPtrArray *
imp_git_list_versions (GFile   *file,
                       guint    max,
                       GError **error)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *count = g_strdup_printf ("-%u", MAX (max, 1));
  const char *args[] = { "log", count, "--format=%h%x09%ad %s", "--date=short", "--", base, NULL };
  g_autoptr(GBytes) out = run_git (file, args, error);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  GPtrArray *versions;
  gsize length = 0;
  const char *data;

  if (out == NULL)
    return NULL;

  /* git's output is not nul-terminated. */
  data = g_bytes_get_data (out, &length);
  text = g_strndup (data ? data : "", length);
  lines = g_strsplit (text, "\n", -1);
  versions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strchr (lines[i], '\t') != NULL && g_utf8_validate (lines[i], -1, NULL))
      g_ptr_array_add (versions, g_strdup (lines[i]));

  if (versions->len == 0)
    {
      g_ptr_array_unref (versions);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The map has no committed version yet"));
      return NULL;
    }

  return versions;
}

/**
 * imp_git_load_version:
 * @revision: a commit, as imp_git_list_versions() gives it
 *
 * Returns: (transfer full) (nullable): @file as it was at @revision
 */
ImpMap *
imp_git_load_version (GFile       *file,
                      const char  *revision,
                      GError     **error)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *spec = NULL;
  const char *args[] = { "show", NULL, NULL };
  g_autoptr(GBytes) out = NULL;
  gsize length = 0;
  const char *data;

  /* A revision is what git log printed: never an option. */
  if (revision == NULL || revision[0] == '-' || revision[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not a version"));
      return NULL;
    }
  spec = g_strdup_printf ("%s:./%s", revision, base);
  args[1] = spec;
  if (!(out = run_git (file, args, error)))
    return NULL;
  data = g_bytes_get_data (out, &length);

  return imp_format_load_data (data ? data : "", length, error);
}
