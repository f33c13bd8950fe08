/* imp-window-files.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-application.h"
#include "imp-format.h"
#include "imp-history.h"
#include "imp-inspector.h"
#include "imp-session.h"
#include "imp-window-private.h"

/* The window's file handling: Open, Save, Save As, closing with unsaved
 * changes, autosave drafts, and changes made to the file by others.
 *
 * "Modified" counts the map's changes: change_serial grows with each one
 * and saved_serial is its value when the file was last written, so an
 * edit made while a save runs in the background keeps the window
 * modified. */

#define FILE_CHECK_DELAY_MS 300

static void save_as    (ImpWindow *self,
                        gboolean   close_after);
static void close_later (ImpWindow *self);

/**
 * _imp_window_files_is_modified:
 *
 * Returns: whether the window's map has changes not written to its file
 */
gboolean
_imp_window_files_is_modified (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);

  return self->map != NULL && self->change_serial != self->saved_serial;
}

/**
 * _imp_window_files_update_title:
 *
 * Shows the file's name and whether the map is modified under the title.
 * Called by the window's own title update.
 */
void
_imp_window_files_update_title (ImpWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = _imp_window_files_is_modified (self);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      name = g_filename_display_name (basename);
    }

  if (name != NULL && modified)
    /* Translators: the window's subtitle: a file name, then a mark for
     * unsaved changes */
    subtitle = g_strdup_printf (_("%s • Modified"), name);
  else if (name != NULL)
    subtitle = g_strdup (name);
  else if (modified)
    subtitle = g_strdup (_("Not Saved"));

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_file_actions (ImpWindow *self)
{
  gboolean has_map = self->map != NULL && !imp_window_is_showing_error (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_map && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_map && !self->saving);
}

/* Asks the session manager to hold a logout while changes are unsaved, so
 * that the session's end also asks Save / Discard / Cancel. */
static void
update_inhibit (ImpWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  guint cookie = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "imp-inhibit"));
  gboolean modified = _imp_window_files_is_modified (self);

  if (application == NULL || modified == (cookie != 0))
    return;

  if (modified)
    cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                      GTK_APPLICATION_INHIBIT_LOGOUT,
                                      _("A map has unsaved changes"));
  else
    {
      gtk_application_uninhibit (application, cookie);
      cookie = 0;
    }
  g_object_set_data (G_OBJECT (self), "imp-inhibit", GUINT_TO_POINTER (cookie));
}

static void
refresh (ImpWindow *self)
{
  _imp_window_files_update_title (self);
  update_file_actions (self);
  update_inhibit (self);
}

static void
show_toast (ImpWindow  *self,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-impactmap",
    .app_name = (char *) "Impact Mapper",
    .app_exec = (char *) "impact-mapper %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Drafts ------------------------------------------------------------------ */

/**
 * _imp_window_files_write_draft:
 *
 * Writes the map to this window's draft now, never to its file.
 */
void
_imp_window_files_write_draft (ImpWindow *self)
{
  ImpDrafts *drafts = imp_session_get_drafts ();
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->map == NULL || drafts == NULL)
    return;

  if (self->draft_id == NULL)
    self->draft_id = imp_drafts_new_id (drafts);

  if (!imp_drafts_write (drafts, self->draft_id, self->map, self->file, &error))
    g_warning ("Could not write the draft: %s", error->message);
}

static void
remove_draft (ImpWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->draft_id != NULL && imp_session_get_drafts () != NULL)
    imp_drafts_remove (imp_session_get_drafts (), self->draft_id);
}

static gboolean
autosave_cb (gpointer user_data)
{
  ImpWindow *self = IMP_WINDOW (user_data);

  self->autosave_source = 0;
  if (_imp_window_files_is_modified (self))
    _imp_window_files_write_draft (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (ImpWindow *self)
{
  guint delay = imp_session_get_autosave_delay ();

  /* Counted from the last edit: typing does not write a draft per key. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (delay == 0)
    self->autosave_source = g_timeout_add (250, autosave_cb, self);
  else
    self->autosave_source = g_timeout_add_seconds (delay, autosave_cb, self);
}

/**
 * _imp_window_files_set_modified:
 *
 * Marks the map modified, as a restored draft is.
 */
void
_imp_window_files_set_modified (ImpWindow *self)
{
  g_return_if_fail (IMP_IS_WINDOW (self));

  self->change_serial++;
  g_object_set_data (G_OBJECT (self), "imp-forced-modified", GINT_TO_POINTER (TRUE));
  refresh (self);
}

/* Undoing back to the saved state makes the map unmodified again. The
 * history knows that point; the serials count every change, also those
 * made without the history. A map modified by other means (a restored
 * draft, a repaired file, keeping ours over a changed file) stays
 * modified until saved. */
static void
history_modified_cb (ImpWindow  *self,
                     GParamSpec *pspec,
                     ImpHistory *history)
{
  if (imp_history_is_modified (history) ||
      g_object_get_data (G_OBJECT (self), "imp-forced-modified") != NULL)
    return;

  self->saved_serial = self->change_serial;
  refresh (self);
}

static void
follow_history (ImpWindow *self)
{
  ImpHistory *followed = g_object_get_data (G_OBJECT (self), "imp-files-history");

  if (followed == self->history)
    return;

  if (followed != NULL)
    g_signal_handlers_disconnect_by_func (followed, history_modified_cb, self);
  if (self->history != NULL)
    g_signal_connect_object (self->history, "notify::modified",
                             G_CALLBACK (history_modified_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (self), "imp-files-history",
                          self->history != NULL ? g_object_ref (self->history) : NULL,
                          g_object_unref);
}

static void
map_changed_cb (ImpWindow *self)
{
  self->change_serial++;
  follow_history (self);
  refresh (self);
  schedule_autosave (self);
}

/* External changes --------------------------------------------------------- */

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
remember_etag (ImpWindow *self)
{
  g_clear_pointer (&self->file_etag, g_free);
  if (self->file != NULL)
    self->file_etag = query_etag (self->file);
}

static gboolean
check_file_cb (gpointer user_data)
{
  ImpWindow *self = IMP_WINDOW (user_data);
  g_autofree char *etag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  self->file_check_source = 0;

  if (self->file == NULL)
    return G_SOURCE_REMOVE;

  /* Our own save is still being renamed into place. */
  if (self->saving)
    {
      self->file_check_source = g_timeout_add (FILE_CHECK_DELAY_MS, check_file_cb, self);
      return G_SOURCE_REMOVE;
    }

  etag = query_etag (self->file);
  if (g_strcmp0 (etag, self->file_etag) == 0)
    return G_SOURCE_REMOVE;

  basename = g_file_get_basename (self->file);
  name = g_filename_display_name (basename);

  if (etag == NULL)
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” was deleted or moved by another program. Saving will "
                                 "write it again."), name);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” was changed by another program."), name);

  gtk_label_set_label (self->file_changed_label, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", etag != NULL);
  gtk_revealer_set_reveal_child (self->file_changed_revealer, TRUE);

  return G_SOURCE_REMOVE;
}

static void
file_monitor_changed_cb (ImpWindow         *self,
                         GFile             *file,
                         GFile             *other_file,
                         GFileMonitorEvent  event,
                         GFileMonitor      *monitor)
{
  /* Editors write in bursts; look once things have settled. */
  g_clear_handle_id (&self->file_check_source, g_source_remove);
  self->file_check_source = g_timeout_add (FILE_CHECK_DELAY_MS, check_file_cb, self);
}

static void
watch_file (ImpWindow *self)
{
  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  g_clear_handle_id (&self->file_check_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->file_changed_revealer, FALSE);

  remember_etag (self);

  if (self->file == NULL)
    return;

  self->file_monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->file_monitor != NULL)
    g_signal_connect_object (self->file_monitor, "changed",
                             G_CALLBACK (file_monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->file == NULL)
    return;

  /* Read first: a file that does not load leaves the map as it was. */
  file = g_object_ref (self->file);
  map = imp_format_load_file (file, &error);
  if (map == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Reload"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  remove_draft (self);
  imp_window_set_map (self, map, file);
  /* The same file: no notify::file to do this. */
  gtk_revealer_set_reveal_child (self->file_changed_revealer, FALSE);
  remember_etag (self);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  /* The file on disk now differs from the map: saving overwrites it. */
  gtk_revealer_set_reveal_child (self->file_changed_revealer, FALSE);
  remember_etag (self);
  _imp_window_files_set_modified (self);
  schedule_autosave (self);
}

/* The document ------------------------------------------------------------- */

static void
map_notify_cb (ImpWindow  *self,
               GParamSpec *pspec)
{
  if (self->files_map == self->map)
    return;

  if (self->files_map != NULL)
    g_signal_handlers_disconnect_by_data (self->files_map, self);
  g_set_object (&self->files_map, self->map);
  if (self->files_map != NULL)
    g_signal_connect_object (self->files_map, "changed",
                             G_CALLBACK (map_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* A new document starts saved. */
  self->change_serial = self->saved_serial = 0;
  g_object_set_data (G_OBJECT (self), "imp-forced-modified", NULL);
  follow_history (self);
  refresh (self);
}

static void
file_notify_cb (ImpWindow  *self,
                GParamSpec *pspec)
{
  watch_file (self);
  if (self->file != NULL && g_file_query_exists (self->file, NULL))
    add_recent (self->file);
  refresh (self);
}

/* Saving ------------------------------------------------------------------- */

typedef struct
{
  ImpWindow *self;
  GFile     *file;
  guint64    serial;
  gboolean   close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ImpWindow        *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_as (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after")));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveData *data = user_data;
  ImpWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!imp_format_save_to_file_finish (result, &error))
    {
      GtkWidget *dialog;

      /* The message says what failed and what to do; the map stays
       * modified and its draft stays. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "save-as", _("_Save As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (data->close_after));
      g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));

      g_object_set_data (G_OBJECT (self), "imp-close-when-saved", NULL);
      refresh (self);
      save_data_free (data);
      return;
    }

  self->saved_serial = data->serial;
  if (self->saved_serial == self->change_serial)
    {
      g_object_set_data (G_OBJECT (self), "imp-forced-modified", NULL);
      if (self->history != NULL && imp_history_get_map (self->history) == self->map)
        imp_history_set_clean (self->history);
    }

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    imp_window_set_map (self, self->map, data->file);
  else
    {
      remember_etag (self);
      add_recent (data->file);
    }

  if (!_imp_window_files_is_modified (self))
    remove_draft (self);

  refresh (self);

  if (data->close_after || g_object_steal_data (G_OBJECT (self), "imp-close-when-saved"))
    {
      if (_imp_window_files_is_modified (self))
        gtk_window_close (GTK_WINDOW (self));
      else
        close_later (self);
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (data->file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name. Toasts take Pango markup. */
      message = g_markup_printf_escaped (_("Saved “%s”"), name);
      show_toast (self, message);
    }

  save_data_free (data);
}

static void
save_to (ImpWindow *self,
         GFile     *file,
         gboolean   close_after)
{
  SaveData *data;

  if (self->saving || self->map == NULL)
    return;

  /* What was typed in the inspector goes into the file; a refused value
   * stays in its field and the file keeps the last valid one. */
  imp_inspector_commit_pending (IMP_INSPECTOR (self->inspector));

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->serial = self->change_serial;
  data->close_after = close_after;

  self->saving = TRUE;
  update_file_actions (self);

  imp_format_save_to_file_async (self->map, file, NULL, save_done_cb, data);
}

static GtkFileFilter *
impactmap_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Impact Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-impactmap");
  gtk_file_filter_add_suffix (filter, "impactmap");

  return filter;
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ImpWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                             "close-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* The extension is what lets the file open with us again. */
      if (!g_str_has_suffix (basename, ".impactmap"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with = g_strconcat (basename, ".impactmap", NULL);

          if (parent != NULL)
            g_set_object (&file, g_file_get_child (parent, with));
        }

      save_to (self, file, close_after);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_as (ImpWindow *self,
         gboolean   close_after)
{
  g_autoptr(GtkFileFilter) filter = impactmap_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Map As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      const char *title = self->map != NULL ? imp_map_get_title (self->map) : NULL;
      g_autofree char *name = NULL;

      if (title == NULL || title[0] == '\0')
        title = _("Untitled Map");
      name = g_strdelimit (g_strconcat (title, ".impactmap", NULL), "/", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  if (self->file == NULL)
    save_as (self, FALSE);
  else
    save_to (self, self->file, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save_as (IMP_WINDOW (widget), FALSE);
}

/* Opening ------------------------------------------------------------------ */

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  ImpWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (application != NULL)
            imp_application_open_file (IMP_APPLICATION (application), file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = impactmap_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

#define MAX_RECENT 10

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ra = *(GtkRecentInfo **) a;
  GtkRecentInfo *rb = *(GtkRecentInfo **) b;

  return -g_date_time_compare (gtk_recent_info_get_modified (ra),
                               gtk_recent_info_get_modified (rb));
}

/* Fills Open Recent with the maps used last, newest first. */
static void
update_recent_menu (ImpWindow *self)
{
  GMenu *menu = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), IMP_TYPE_WINDOW,
                                                       "recent_menu"));
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  guint shown = 0;

  g_menu_remove_all (menu);

  for (GList *l = items; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_recent_info_get_mime_type (l->data), "application/x-impactmap") == 0 ||
        g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".impactmap"))
      g_ptr_array_add (maps, l->data);
  g_ptr_array_sort (maps, compare_recent);

  for (guint i = 0; i < maps->len && shown < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (maps, i);
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (
                                                 gtk_recent_info_get_uri (info)));
      g_menu_append_item (menu, item);
      shown++;
    }

  if (shown == 0)
    g_menu_append (menu, _("No Recent Maps"), "win.no-recent");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (application != NULL)
    imp_application_open_file (IMP_APPLICATION (application), file);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
}

static gboolean
drop_cb (ImpWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || application == NULL)
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    imp_application_open_file (IMP_APPLICATION (application), l->data);

  return files != NULL;
}

/* Closing ------------------------------------------------------------------ */

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has finished its response: closing
 * the window destroys the dialogs it is the parent of. */
static void
close_later (ImpWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ImpWindow        *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      remove_draft (self);
      close_later (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (self->file == NULL)
        save_as (self, TRUE);
      else
        save_to (self, self->file, TRUE);
    }
}

static gboolean
close_request_cb (ImpWindow *self)
{
  const char *title;
  g_autofree char *body = NULL;
  g_auto(GStrv) invalid = NULL;
  GtkWidget *dialog;

  /* What was typed in the inspector counts as a change; a value it refused
   * is named in the question, since closing drops it. */
  if (!self->close_confirmed)
    {
      imp_inspector_commit_pending (IMP_INSPECTOR (self->inspector));
      invalid = imp_inspector_dup_invalid_fields (IMP_INSPECTOR (self->inspector));
    }

  if (self->close_confirmed ||
      (!_imp_window_files_is_modified (self) && (invalid == NULL || invalid[0] == NULL)))
    {
      remove_draft (self);
      return FALSE;
    }

  /* Closing while the file is written: close once it is, or ask then. */
  if (self->saving)
    {
      g_object_set_data (G_OBJECT (self), "imp-close-when-saved", GINT_TO_POINTER (TRUE));
      return TRUE;
    }

  title = imp_map_get_title (self->map);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Map");

  /* Translators: %s is the map's title */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not "
                            "saved will be lost."), title);
  if (invalid != NULL && invalid[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", invalid);
      char *with = g_strdup_printf ("%s\n\n%s\n%s", body,
                                    _("These fields hold values that cannot be saved:"), list);

      g_free (body);
      body = with;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
files_dispose_cb (ImpWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->file_check_source, g_source_remove);
  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  if (self->files_map != NULL)
    g_signal_handlers_disconnect_by_data (self->files_map, self);
  g_clear_object (&self->files_map);
  g_clear_pointer (&self->file_etag, g_free);
  g_clear_pointer (&self->draft_id, g_free);
  g_object_set_data (G_OBJECT (self), "imp-files-history", NULL);
}

/**
 * _imp_window_files_class_init:
 *
 * Installs the file actions and their keys.
 */
void
_imp_window_files_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, ImpWindow, file_changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, file_changed_label);
  /* Not a field: reached with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  /* Never enabled: greys out "No Recent Maps". */
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
}

/**
 * _imp_window_files_init:
 *
 * Follows the window's map and file, asks before closing with unsaved
 * changes, and opens files dropped on the window.
 */
void
_imp_window_files_init (ImpWindow *self)
{
  GtkDropTarget *target;

  g_signal_connect (self, "notify::map", G_CALLBACK (map_notify_cb), NULL);
  g_signal_connect (self, "notify::file", G_CALLBACK (file_notify_cb), NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (files_dispose_cb), NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);

  refresh (self);
}

/* Opening a big file: read, laid out and turned into a scene in a worker
 * thread, with the window showing that it is opening the file, so it stays
 * responsive however big the map. */

/* Smaller files open at once, as they take well under half a second. */
#define OPEN_IN_THREAD_MIN_BYTES  (1024 * 1024)
#define LOADING_SHOW_DELAY_MS     500
#define LOADING_KEY               "imp-window-loading"

typedef struct
{
  GFile          *file;
  const ImpTheme *theme;
  ImpMap         *shown;       /* the window's map when the load began */
  ImpMap         *map;
  ImpScene       *scene;
  char          **warnings;
  guint           show_source;
  gboolean        destroyed;
} OpenData;

static void
open_data_free (gpointer user_data)
{
  OpenData *data = user_data;

  g_clear_handle_id (&data->show_source, g_source_remove);
  g_clear_object (&data->file);
  g_clear_object (&data->shown);
  g_clear_object (&data->map);
  g_clear_object (&data->scene);
  g_clear_pointer (&data->warnings, g_strfreev);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;

  data->map = imp_format_load_file_with_warnings (data->file, &data->warnings, NULL);
  if (data->map != NULL)
    data->scene = imp_scene_new (data->map, data->theme);

  g_task_return_boolean (task, TRUE);
}

static GtkWidget *
ensure_loading_page (ImpWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "loading");

  if (page == NULL)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_widget_set_size_request (spinner, 32, 32);
      gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (spinner, FALSE);
      page = adw_status_page_new ();
      adw_status_page_set_child (ADW_STATUS_PAGE (page), spinner);
      gtk_stack_add_named (self->stack, page, "loading");
    }

  return page;
}

static gboolean
show_loading_cb (gpointer user_data)
{
  ImpWindow *self = user_data;
  OpenData *data = g_object_get_data (G_OBJECT (self), LOADING_KEY);
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *page, *spinner;

  data->show_source = 0;
  if (data->destroyed)
    return G_SOURCE_REMOVE;

  basename = g_file_get_basename (data->file);
  display_name = g_filename_display_name (basename);
  /* Translators: %s is a file name; shown while a big map loads */
  title = g_strdup_printf (_("Opening “%s”…"), display_name);

  page = ensure_loading_page (self);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Reading the file and laying out its cards."));
  spinner = adw_status_page_get_child (ADW_STATUS_PAGE (page));
  gtk_widget_set_visible (spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (spinner));

  return G_SOURCE_REMOVE;
}

static void
loading_destroy_cb (ImpWindow *self)
{
  OpenData *data = g_object_get_data (G_OBJECT (self), LOADING_KEY);

  if (data != NULL)
    {
      data->destroyed = TRUE;
      g_clear_handle_id (&data->show_source, g_source_remove);
    }
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ImpWindow *self = IMP_WINDOW (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  GtkWidget *page;

  g_clear_handle_id (&data->show_source, g_source_remove);
  if (data->destroyed)
    {
      g_object_set_data (G_OBJECT (self), LOADING_KEY, NULL);
      return;
    }

  page = ensure_loading_page (self);
  gtk_spinner_stop (GTK_SPINNER (adw_status_page_get_child (ADW_STATUS_PAGE (page))));

  /* The window went on to show another map meanwhile (a second file
   * opened into it): this one gets a window of its own. */
  if (imp_window_get_map (self) != data->shown)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      g_object_set_data (G_OBJECT (self), LOADING_KEY, NULL);
      if (!IMP_IS_APPLICATION (application))
        return;
      self = imp_window_new (IMP_APPLICATION (application));
      g_object_set_data (G_OBJECT (self), LOADING_KEY, data);
      gtk_window_present (GTK_WINDOW (self));
    }

  if (data->map == NULL)
    {
      /* Read again the usual way, which shows why it failed. */
      g_autoptr(GFile) file = g_object_ref (data->file);

      g_object_set_data (G_OBJECT (self), LOADING_KEY, NULL);
      imp_window_open_file (self, file);
      return;
    }

  imp_canvas_offer_scene (self->canvas, data->scene);
  imp_window_set_map (self, data->map, data->file);

  if (data->warnings != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", data->warnings);
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      /* Translators: %s is a list of repairs, one per line */
      body = g_strdup_printf (_("Some links did not fit the levels of their cards. They "
                                "were repaired; save to keep the repairs.\n\n%s"), list);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Map Repaired"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
      gtk_window_present (GTK_WINDOW (dialog));
      _imp_window_files_set_modified (self);
    }

  g_object_set_data (G_OBJECT (self), LOADING_KEY, NULL);
}

/**
 * _imp_window_files_open_in_thread:
 * @file: the `.impactmap` file to show
 *
 * Opens a big @file without blocking the window: it is read, laid out and
 * turned into a scene in a worker thread while the window shows that it is
 * opening it (with a spinner once that takes over half a second); then the
 * window shows the map, or why it could not be read. Small files are left
 * to the caller, who reads them at once.
 *
 * Returns: %TRUE when the file is being opened this way
 */
gboolean
_imp_window_files_open_in_thread (ImpWindow *self,
                                  GFile     *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_object_get_data (G_OBJECT (self), LOADING_KEY) != NULL)
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL || g_file_info_get_size (info) < OPEN_IN_THREAD_MIN_BYTES)
    return FALSE;

  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->theme = imp_theme_get (imp_canvas_get_theme_kind (self->canvas));
  data->shown = imp_window_get_map (self) ? g_object_ref (imp_window_get_map (self)) : NULL;
  g_object_set_data (G_OBJECT (self), LOADING_KEY, data);
  if (g_object_get_data (G_OBJECT (self), "imp-loading-watch") == NULL)
    {
      g_signal_connect (self, "destroy", G_CALLBACK (loading_destroy_cb), NULL);
      g_object_set_data (G_OBJECT (self), "imp-loading-watch", GINT_TO_POINTER (TRUE));
    }

  ensure_loading_page (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  data->show_source = g_timeout_add (LOADING_SHOW_DELAY_MS, show_loading_cb, self);

  task = g_task_new (self, NULL, open_done_cb, NULL);
  g_task_set_source_tag (task, _imp_window_files_open_in_thread);
  /* The task owns the data; the window only points at it while loading. */
  g_task_set_task_data (task, data, open_data_free);
  g_task_run_in_thread (task, open_thread);

  return TRUE;
}

/**
 * _imp_window_files_is_loading:
 *
 * Returns: whether a file is being opened in a worker thread
 */
gboolean
_imp_window_files_is_loading (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);

  return g_object_get_data (G_OBJECT (self), LOADING_KEY) != NULL;
}
