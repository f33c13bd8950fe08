/* imp-document.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-document"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-document.h"
#include "imp-enums.h"
#include "imp-format.h"

/**
 * ImpDocument:
 *
 * One open map: the map, the file it lives in, its undo history, its
 * autosave draft, and how its file stands on disk. Windows show a
 * document; the document knows nothing of windows, so it is tested and
 * used without a display.
 *
 * "Modified" has one definition: the history is away from its clean point.
 * A save names the history's state when it starts and makes that state the
 * clean point when it has finished, so an edit typed while the file is
 * written keeps the document modified. A map that differs from its file by
 * other means (a restored draft, a repaired file, keeping ours over a file
 * changed by someone else) puts the clean point out of reach until the
 * next save.
 *
 * Loading and saving are asynchronous pairs: the file is read, checked
 * and (when a theme is given) turned into a scene in a worker thread
 * whatever its size, and written from bytes made on the calling thread.
 */

#define FILE_CHECK_DELAY_MS 300

struct _ImpDocument
{
  GObject        parent_instance;

  ImpMap        *map;
  GFile         *file;
  ImpHistory    *history;
  ImpDrafts     *drafts;

  char          *draft_id;
  guint          autosave_delay;
  guint          autosave_source;

  GFileMonitor  *monitor;
  char          *etag;
  guint          check_source;
  ImpDiskState   disk_state;

  guint          loading;
  GFile         *loading_file;
  ImpScene      *scene;       /* laid out while the map was read */
  gboolean       saving;
  gboolean       modified;
};

enum {
  PROP_0,
  PROP_MAP,
  PROP_FILE,
  PROP_HISTORY,
  PROP_DRAFTS,
  PROP_MODIFIED,
  PROP_LOADING,
  PROP_SAVING,
  PROP_DISK_STATE,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ImpDocument, imp_document, G_TYPE_OBJECT)

/* Modified ------------------------------------------------------------------ */

static void
update_modified (ImpDocument *self)
{
  gboolean modified = self->history != NULL && imp_history_is_modified (self->history);

  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Drafts -------------------------------------------------------------------- */

static gboolean
autosave_cb (gpointer user_data)
{
  ImpDocument *self = IMP_DOCUMENT (user_data);
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (self->modified && !imp_document_write_draft (self, &error))
    g_warning ("Could not write the draft: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (ImpDocument *self)
{
  if (self->drafts == NULL)
    return;

  /* Counted from the last edit: typing does not write a draft per key. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->autosave_delay == 0)
    self->autosave_source = g_timeout_add (250, autosave_cb, self);
  else
    self->autosave_source = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
}

/**
 * imp_document_write_draft:
 *
 * Writes the map to the document's draft now, never to its file.
 *
 * Returns: %FALSE with @error set if the draft could not be written; %TRUE
 *   also when the document has no drafts folder
 */
gboolean
imp_document_write_draft (ImpDocument  *self,
                          GError      **error)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->map == NULL || self->drafts == NULL)
    return TRUE;

  if (self->draft_id == NULL)
    self->draft_id = imp_drafts_new_id (self->drafts);

  return imp_drafts_write (self->drafts, self->draft_id, self->map, self->file, error);
}

/**
 * imp_document_discard_draft:
 *
 * Removes the document's draft: its changes were saved or discarded.
 */
void
imp_document_discard_draft (ImpDocument *self)
{
  g_return_if_fail (IMP_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->draft_id != NULL && self->drafts != NULL)
    imp_drafts_remove (self->drafts, self->draft_id);
}

/**
 * imp_document_get_draft_id:
 *
 * Returns: (nullable): the name of the document's draft among the drafts,
 *   once one was written
 */
const char *
imp_document_get_draft_id (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), NULL);

  return self->draft_id;
}

/* The file on disk ---------------------------------------------------------- */

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

static void
set_disk_state (ImpDocument  *self,
                ImpDiskState  state)
{
  if (self->disk_state == state)
    return;

  self->disk_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

static void
remember_etag (ImpDocument *self)
{
  g_clear_pointer (&self->etag, g_free);
  if (self->file != NULL)
    self->etag = query_etag (self->file);
  set_disk_state (self, IMP_DISK_STATE_SAME);
}

static gboolean
check_file_cb (gpointer user_data)
{
  ImpDocument *self = IMP_DOCUMENT (user_data);
  g_autofree char *etag = NULL;

  self->check_source = 0;
  if (self->file == NULL)
    return G_SOURCE_REMOVE;

  /* Our own save is still being renamed into place. */
  if (self->saving)
    {
      self->check_source = g_timeout_add (FILE_CHECK_DELAY_MS, check_file_cb, self);
      return G_SOURCE_REMOVE;
    }

  etag = query_etag (self->file);
  if (g_strcmp0 (etag, self->etag) != 0)
    set_disk_state (self, etag == NULL ? IMP_DISK_STATE_DELETED : IMP_DISK_STATE_CHANGED);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (ImpDocument       *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  /* Editors write in bursts; look once things have settled. */
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (FILE_CHECK_DELAY_MS, check_file_cb, self);
}

static void
stop_watching (ImpDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->check_source, g_source_remove);
}

static void
watch_file (ImpDocument *self)
{
  stop_watching (self);
  remember_etag (self);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/**
 * imp_document_get_disk_state:
 *
 * Returns: whether another program changed or removed the file since the
 *   document last read or wrote it
 */
ImpDiskState
imp_document_get_disk_state (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), IMP_DISK_STATE_SAME);

  return self->disk_state;
}

/**
 * imp_document_get_checking_disk:
 *
 * Returns: whether a change to the file was noticed and is about to be
 *   looked at
 */
gboolean
imp_document_get_checking_disk (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);

  return self->check_source != 0;
}

/**
 * imp_document_keep_mine:
 *
 * Keeps the map over a file that another program changed or removed: the
 * document is modified, and saving overwrites (or writes again) the file.
 */
void
imp_document_keep_mine (ImpDocument *self)
{
  g_return_if_fail (IMP_IS_DOCUMENT (self));

  remember_etag (self);
  imp_document_set_unclean (self);
  schedule_autosave (self);
}

/* The map ------------------------------------------------------------------- */

static void
history_notify_modified_cb (ImpDocument *self)
{
  update_modified (self);
}

static void
map_changed_cb (ImpDocument *self)
{
  schedule_autosave (self);
}

/**
 * imp_document_set_map:
 * @map: (nullable): the map
 * @file: (nullable): where it lives or will be saved, or %NULL for a new map
 *
 * Makes @map the document's content with a new history, clean: the map
 * as @file holds it. The draft of what the document held before goes.
 */
void
imp_document_set_map (ImpDocument *self,
                      ImpMap      *map,
                      GFile       *file)
{
  gboolean new_file;

  g_return_if_fail (IMP_IS_DOCUMENT (self));
  g_return_if_fail (map == NULL || IMP_IS_MAP (map));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->map != map)
    {
      imp_document_discard_draft (self);

      if (self->map != NULL)
        g_signal_handlers_disconnect_by_data (self->map, self);
      if (self->history != NULL)
        g_signal_handlers_disconnect_by_data (self->history, self);
      g_clear_object (&self->history);

      g_set_object (&self->map, map);
      if (map != NULL)
        {
          self->history = imp_history_new (map);
          g_signal_connect_object (self->history, "notify::modified",
                                   G_CALLBACK (history_notify_modified_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (map, "changed", G_CALLBACK (map_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
    }

  new_file = self->file == NULL || file == NULL || !g_file_equal (self->file, file);
  if (g_set_object (&self->file, file) && new_file)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  /* Also for the same file, read again: what is on disk now is ours. */
  watch_file (self);

  update_modified (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * imp_document_set_unclean:
 *
 * Marks the document as differing from its file whatever is undone, until
 * it is saved: a restored draft, a repaired file, a map kept over a changed
 * file.
 */
void
imp_document_set_unclean (ImpDocument *self)
{
  g_return_if_fail (IMP_IS_DOCUMENT (self));

  if (self->history == NULL)
    return;

  imp_history_set_unclean (self->history);
  update_modified (self);
}

/**
 * imp_document_restore_draft:
 * @draft: a draft a crash left behind
 *
 * Makes what @draft holds the document's content, modified, with the
 * file it belongs to; the document's own draft replaces @draft, written
 * before @draft is discarded.
 *
 * Returns: %FALSE with @error set if @draft could not be read (it is kept)
 */
gboolean
imp_document_restore_draft (ImpDocument     *self,
                            const ImpDraft  *draft,
                            GError         **error)
{
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  map = imp_draft_load (draft, error);
  if (map == NULL)
    return FALSE;

  file = imp_draft_get_file (draft);
  imp_document_set_map (self, map, file);
  imp_document_set_unclean (self);

  if (self->drafts != NULL)
    {
      /* Its new draft exists before the old one goes. */
      if (!imp_document_write_draft (self, error))
        return FALSE;
      imp_drafts_discard (self->drafts, draft);
    }

  return TRUE;
}

/* Loading ------------------------------------------------------------------- */

typedef struct
{
  GFile          *file;
  const ImpTheme *theme;
  ImpMap         *map;
  ImpScene       *scene;
  char          **warnings;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->map);
  g_clear_object (&data->scene);
  g_clear_pointer (&data->warnings, g_strfreev);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  data->map = imp_format_load_file_with_warnings (data->file, &data->warnings, &error);
  if (data->map == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->theme != NULL)
    data->scene = imp_scene_new (data->map, data->theme);

  g_task_return_boolean (task, TRUE);
}

/**
 * imp_document_load_async:
 * @file: the `.impactmap` file to read
 * @theme: (nullable): the theme to build the map's scene with, in the
 *   worker thread too
 *
 * Reads @file in a worker thread, whatever its size. When it has been
 * read, imp_document_load_finish() makes it the document's content.
 */
void
imp_document_load_async (ImpDocument         *self,
                         GFile               *file,
                         const ImpTheme      *theme,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (IMP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->theme = theme;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, imp_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  g_set_object (&self->loading_file, file);
  if (self->loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_task_run_in_thread (task, load_thread);
}

/**
 * imp_document_load_finish:
 * @warnings: (out) (optional) (transfer full): the repairs made while
 *   reading, or %NULL when there were none
 *
 * Makes the map read the document's content, clean, as it is on disk; a
 * repaired map is modified. The scene laid out with it is there for
 * imp_document_take_scene() while the document's map changes. A file that does not exist gives
 * %G_IO_ERROR_NOT_FOUND; any error leaves the document as it was.
 *
 * Returns: %TRUE when the file was read
 */
gboolean
imp_document_load_finish (ImpDocument   *self,
                          GAsyncResult  *result,
                          char        ***warnings,
                          GError       **error)
{
  LoadData *data;
  gboolean cancelled;

  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));

  if (--self->loading == 0)
    {
      g_clear_object (&self->loading_file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (error != NULL && *error != NULL &&
          g_error_matches (*error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          GError *not_found = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                   (*error)->message);

          g_clear_error (error);
          g_propagate_error (error, not_found);
        }
      return FALSE;
    }

  if (cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Opening was cancelled"));
      return FALSE;
    }

  self->scene = g_steal_pointer (&data->scene);
  imp_document_set_map (self, data->map, data->file);
  g_clear_object (&self->scene);
  g_clear_object (&self->loading_file);
  if (data->warnings != NULL)
    imp_document_set_unclean (self);

  if (warnings != NULL)
    *warnings = g_steal_pointer (&data->warnings);

  return TRUE;
}

/**
 * imp_document_take_scene:
 *
 * While a map that was just read becomes the document's (in a handler of
 * #GObject::notify for #ImpDocument:map), gives the scene laid out for it
 * in the worker thread, once.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL
 */
ImpScene *
imp_document_take_scene (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), NULL);

  return g_steal_pointer (&self->scene);
}

/**
 * imp_document_get_loading:
 *
 * Returns: whether a file is being read into the document
 */
gboolean
imp_document_get_loading (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);

  return self->loading > 0;
}

/* Saving -------------------------------------------------------------------- */

typedef struct
{
  GFile   *file;
  guint64  state;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImpDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  self->saving = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);

  if (!imp_format_save_to_file_finish (result, &error))
    {
      /* The document stays modified and its draft stays. */
      g_task_return_error (task, error);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_set_object (&self->file, data->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      watch_file (self);
    }
  else
    remember_etag (self);

  if (self->history != NULL)
    imp_history_set_clean_at (self->history, data->state);
  update_modified (self);
  if (!self->modified)
    imp_document_discard_draft (self);

  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

/**
 * imp_document_save_async:
 * @file: (nullable): where to save, or %NULL for the document's file
 *
 * Writes the map as it is now, atomically, in a worker thread; the map
 * may be edited again at once. Once written, the document is unmodified
 * unless it was edited meanwhile, @file is its file, and its draft goes.
 */
void
imp_document_save_async (ImpDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (IMP_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, imp_document_save_async);

  if (file == NULL)
    file = self->file;
  if (self->map == NULL || file == NULL || self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               self->saving ? _("The map is being saved already")
                                            : _("There is no map or no file to save to"));
      g_object_unref (task);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->state = self->history != NULL ? imp_history_get_state (self->history) : 0;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  self->saving = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);

  imp_format_save_to_file_async (self->map, file, cancellable, save_done_cb, task);
}

/**
 * imp_document_save_finish:
 *
 * Returns: %TRUE when the map was written
 */
gboolean
imp_document_save_finish (ImpDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * imp_document_get_saving:
 *
 * Returns: whether the map is being written to its file
 */
gboolean
imp_document_get_saving (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);

  return self->saving;
}

/* Accessors ----------------------------------------------------------------- */

/**
 * imp_document_get_map:
 *
 * Returns: (transfer none) (nullable): the map
 */
ImpMap *
imp_document_get_map (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), NULL);

  return self->map;
}

/**
 * imp_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the map lives or will be saved
 */
GFile *
imp_document_get_file (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * imp_document_is_on_file:
 * @file: a file
 *
 * Returns: whether the document lives in @file, or is reading it
 */
gboolean
imp_document_is_on_file (ImpDocument *self,
                         GFile       *file)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->loading_file != NULL)
    return g_file_equal (self->loading_file, file);

  return self->file != NULL && g_file_equal (self->file, file);
}

/**
 * imp_document_get_history:
 *
 * Returns: (transfer none) (nullable): the map's undo history, through
 *   which every edit goes
 */
ImpHistory *
imp_document_get_history (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * imp_document_get_drafts:
 *
 * Returns: (transfer none) (nullable): where the document's draft is kept
 */
ImpDrafts *
imp_document_get_drafts (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), NULL);

  return self->drafts;
}

/**
 * imp_document_get_modified:
 *
 * Returns: whether the map has changes not written to its file
 */
gboolean
imp_document_get_modified (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

guint
imp_document_get_autosave_delay (ImpDocument *self)
{
  g_return_val_if_fail (IMP_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

/**
 * imp_document_set_autosave_delay:
 * @seconds: how long after the last edit the draft is written; 0 for a
 *   quarter of a second
 */
void
imp_document_set_autosave_delay (ImpDocument *self,
                                 guint        seconds)
{
  g_return_if_fail (IMP_IS_DOCUMENT (self));

  if (self->autosave_delay == seconds)
    return;

  self->autosave_delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

/* GObject ------------------------------------------------------------------- */

static void
imp_document_dispose (GObject *object)
{
  ImpDocument *self = IMP_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  stop_watching (self);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->file);
  g_clear_object (&self->drafts);
  g_clear_object (&self->scene);

  G_OBJECT_CLASS (imp_document_parent_class)->dispose (object);
}

static void
imp_document_finalize (GObject *object)
{
  ImpDocument *self = IMP_DOCUMENT (object);

  g_free (self->draft_id);
  g_free (self->etag);

  G_OBJECT_CLASS (imp_document_parent_class)->finalize (object);
}

static void
imp_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ImpDocument *self = IMP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading > 0);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_DISK_STATE:
      g_value_set_enum (value, self->disk_state);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ImpDocument *self = IMP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;
    case PROP_AUTOSAVE_DELAY:
      imp_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_document_class_init (ImpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = imp_document_dispose;
  object_class->finalize = imp_document_finalize;
  object_class->get_property = imp_document_get_property;
  object_class->set_property = imp_document_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, IMP_TYPE_MAP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, IMP_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, IMP_TYPE_DRAFTS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL, IMP_TYPE_DISK_STATE, IMP_DISK_STATE_SAME,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, 5,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
imp_document_init (ImpDocument *self)
{
  self->autosave_delay = 5;
}

/**
 * imp_document_new:
 * @drafts: (nullable): where autosave drafts go, or %NULL for none
 *
 * Returns: (transfer full): an empty document; give it a map with
 *   imp_document_set_map() or imp_document_load_async()
 */
ImpDocument *
imp_document_new (ImpDrafts *drafts)
{
  g_return_val_if_fail (drafts == NULL || IMP_IS_DRAFTS (drafts), NULL);

  return g_object_new (IMP_TYPE_DOCUMENT, "drafts", drafts, NULL);
}
