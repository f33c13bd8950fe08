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
#include "imp-import-dialog.h"
#include "imp-import.h"
#include "imp-inspector.h"
#include "imp-preferences.h"
#include "imp-conflicts.h"
#include "imp-a11y.h"
#include "imp-window-private.h"

/* The window's file handling: Open, Save, Save As, closing with unsaved
 * changes, and changes made to the file by others. The document
 * (imp-document.c) holds the file, its state and its draft; this shows
 * them and asks the questions. */

#define LOADING_SHOW_DELAY_MS 500

static void save_as     (ImpWindow *self,
                         gboolean   close_after);
static void close_later (ImpWindow *self);

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
  gboolean modified = self->document != NULL && imp_document_get_modified (self->document);

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

/* Asks the session manager to hold a logout while changes are unsaved, so
 * that the session's end also asks Save / Discard / Cancel. */
static void
update_inhibit (ImpWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = imp_document_get_modified (self->document);

  if (application == NULL || modified == (self->inhibit_cookie != 0))
    return;

  if (modified)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("A map has unsaved changes"));
  else
    {
      gtk_application_uninhibit (application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
refresh (ImpWindow *self)
{
  _imp_window_files_update_title (self);
  _imp_window_actions_update (self);
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

/* External changes --------------------------------------------------------- */

static void
disk_state_cb (ImpWindow *self)
{
  ImpDiskState state = imp_document_get_disk_state (self->document);
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (state == IMP_DISK_STATE_SAME || self->file == NULL)
    {
      gtk_revealer_set_reveal_child (self->file_changed_revealer, FALSE);
      return;
    }

  basename = g_file_get_basename (self->file);
  name = g_filename_display_name (basename);

  if (state == IMP_DISK_STATE_DELETED)
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” was deleted or moved by another program. Saving will "
                                 "write it again."), name);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” was changed by another program."), name);

  gtk_label_set_label (self->file_changed_label, message);
  _imp_window_actions_update (self);
  gtk_revealer_set_reveal_child (self->file_changed_revealer, TRUE);
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A file that does not load leaves the map as it was. */
  if (!imp_document_load_finish (IMP_DOCUMENT (object), result, NULL, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Reload"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  refresh (self);
}

void
_imp_window_files_reload_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  if (self->file == NULL || imp_document_get_loading (self->document))
    return;

  imp_document_load_async (self->document, self->file,
                           imp_theme_get (imp_canvas_get_theme_kind (self->canvas)),
                           NULL, reload_done_cb, g_object_ref (self));
  refresh (self);
}

void
_imp_window_files_keep_mine_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  /* The file on disk now differs from the map: saving overwrites it. */
  imp_document_keep_mine (self->document);
}

/* The document ------------------------------------------------------------- */

static void
document_file_cb (ImpWindow *self)
{
  if (self->file != NULL && g_file_query_exists (self->file, NULL))
    add_recent (self->file);
  refresh (self);
}

/**
 * _imp_window_files_set_document:
 *
 * Follows the window's document: its modified state, its saving and
 * loading, and its file on disk.
 */
void
_imp_window_files_set_document (ImpWindow *self)
{
  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::saving",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::loading",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::disk-state",
                           G_CALLBACK (disk_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (document_file_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

/* Saving ------------------------------------------------------------------- */

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ImpWindow        *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_as (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after")));
}

typedef struct
{
  ImpWindow *self;
  GFile     *file;
  gboolean   close_after;
} SaveData;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(ImpWindow) self = data->self;
  g_autoptr(GFile) file = data->file;
  gboolean close_after = data->close_after || self->close_when_saved;
  g_autoptr(GError) error = NULL;

  g_free (data);
  self->close_when_saved = FALSE;

  if (!imp_document_save_finish (IMP_DOCUMENT (object), result, &error))
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
      g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
      g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      refresh (self);
      return;
    }

  add_recent (file);
  refresh (self);

  if (close_after)
    {
      if (imp_document_get_modified (self->document))
        gtk_window_close (GTK_WINDOW (self));
      else
        close_later (self);
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *message = NULL;

      guint n_conflicts = self->map ? imp_conflicts_get_n (self->map) : 0;

      if (n_conflicts > 0)
        /* Translators: %s is a file name, %u a number. Toasts take Pango markup. */
        message = g_markup_printf_escaped (ngettext ("Saved “%s” with %u unresolved merge "
                                                     "conflict",
                                                     "Saved “%s” with %u unresolved merge "
                                                     "conflicts", n_conflicts),
                                           name, n_conflicts);
      else
        /* Translators: %s is a file name. Toasts take Pango markup. */
        message = g_markup_printf_escaped (_("Saved “%s”"), name);
      show_toast (self, message);
    }
}

static void
save_to (ImpWindow *self,
         GFile     *file,
         gboolean   close_after)
{
  SaveData *data;

  if (imp_document_get_saving (self->document) || self->map == NULL)
    return;

  /* What was typed in the inspector goes into the file; a refused value
   * stays in its field and the file keeps the last valid one. */
  imp_inspector_commit_pending (IMP_INSPECTOR (self->inspector));

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->close_after = close_after;

  imp_document_save_async (self->document, file, NULL, save_done_cb, data);
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

void
_imp_window_files_save_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  if (self->file == NULL)
    save_as (self, FALSE);
  else
    save_to (self, self->file, FALSE);
}

void
_imp_window_files_save_as_action (GtkWidget  *widget,
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

void
_imp_window_files_open_action (GtkWidget  *widget,
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
  {
    /* Maps of other tools open as imports (imp_window_open_file()). */
    g_autoptr(GtkFileFilter) every = gtk_file_filter_new ();
    g_autoptr(GtkFileFilter) others = gtk_file_filter_new ();
    const char * const *patterns = imp_import_get_patterns ();

    gtk_file_filter_set_name (every, _("Every Map Format"));
    gtk_file_filter_add_mime_type (every, "application/x-impactmap");
    gtk_file_filter_add_suffix (every, "impactmap");
    gtk_file_filter_set_name (others, _("Maps of Other Tools (OPML, FreeMind, Markdown, CSV…)"));
    for (guint i = 0; patterns[i] != NULL; i++)
      {
        gtk_file_filter_add_pattern (every, patterns[i]);
        gtk_file_filter_add_pattern (others, patterns[i]);
      }
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), every);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), others);
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), every);
  }
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

void
_imp_window_files_open_recent_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (application != NULL)
    imp_application_open_file (IMP_APPLICATION (application), file);
}

void
_imp_window_files_no_recent_action (GtkWidget  *widget,
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
    if (_imp_window_tracking_file_is_readings (l->data))
      _imp_window_tracking_import (self, l->data);
    else
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
      imp_document_discard_draft (self->document);
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
      (!imp_document_get_modified (self->document) &&
       (invalid == NULL || invalid[0] == NULL)))
    {
      imp_document_discard_draft (self->document);
      return FALSE;
    }

  /* Closing while the file is written: close once it is, or ask then. */
  if (imp_document_get_saving (self->document))
    {
      self->close_when_saved = TRUE;
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

void
_imp_window_files_close_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
files_dispose_cb (ImpWindow *self)
{
  g_clear_handle_id (&self->loading_show_source, g_source_remove);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
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

  /* Never enabled: greys out "No Recent Maps". */

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
 * Asks before closing with unsaved changes, and opens files dropped on
 * the window.
 */
void
_imp_window_files_init (ImpWindow *self)
{
  GtkDropTarget *target;

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (files_dispose_cb), NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

/* Opening: every file is read, checked, laid out and turned into a scene
 * in a worker thread, whatever its size, while the window says it is
 * opening it (with a spinner once that takes over half a second). */

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
      /* The page's title says what is going on; the spinner only shows it. */
      imp_a11y_set_decorative (spinner);
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
  GtkWidget *page = ensure_loading_page (self);
  GtkWidget *spinner = adw_status_page_get_child (ADW_STATUS_PAGE (page));

  self->loading_show_source = 0;
  gtk_widget_set_visible (spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (spinner));

  return G_SOURCE_REMOVE;
}

static void
show_repairs (ImpWindow  *self,
              char      **warnings)
{
  g_autofree char *list = g_strjoinv ("\n", warnings);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a list of repairs, one per line */
  body = g_strdup_printf (_("Some links or card details did not fit the levels of their "
                            "cards. They were repaired; save to keep the repairs.\n\n%s"), list);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Map Repaired"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  ImpWindow    *self;
  GFile        *file;
  GCancellable *cancellable;
} OpenData;

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(ImpWindow) self = data->self;
  g_autoptr(GFile) file = data->file;
  g_autoptr(GCancellable) cancellable = data->cancellable;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (basename);
  GtkWidget *page;
  gboolean loaded;

  g_free (data);

  loaded = imp_document_load_finish (IMP_DOCUMENT (object), result, &warnings, &error);

  /* Another file was opened into the window meanwhile, or it closed. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->load_cancellable);

  g_clear_handle_id (&self->loading_show_source, g_source_remove);
  page = ensure_loading_page (self);
  gtk_spinner_stop (GTK_SPINNER (adw_status_page_get_child (ADW_STATUS_PAGE (page))));

  if (loaded)
    {
      add_recent (file);
      if (warnings != NULL)
        show_repairs (self, warnings);
      else if (self->map != NULL && imp_conflicts_get_n (self->map) > 0)
        {
          guint n = imp_conflicts_get_n (self->map);
          g_autofree char *message = g_strdup_printf (ngettext ("A merge left %u conflict in "
                                                                "this map: resolve it on the "
                                                                "inspector’s Map page",
                                                                "A merge left %u conflicts in "
                                                                "this map: resolve them on the "
                                                                "inspector’s Map page", n), n);

          show_toast (self, message);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autoptr(ImpMap) map = imp_map_new_with_goal (_("New goal"));
      g_autofree char *message = NULL;
      AdwToast *toast;

      imp_window_set_map (self, map, file);

      /* Translators: %s is a file name. Toasts take Pango markup. */
      message = g_markup_printf_escaped (_("“%s” is a new map: saving will create it"),
                                         display_name);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      g_autofree char *title = NULL;

      imp_window_set_map (self, NULL, file);

      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Could Not Open “%s”"), display_name);
      imp_window_show_error (self, title, error->message);
    }

  refresh (self);
}

static gboolean
present_idle_cb (gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
import_cb (ImpWindow *self,
           ImpMap    *map)
{
  imp_window_set_map (self, map, NULL);
  /* New and not saved: closing the window asks, as for any unsaved edit. */
  imp_document_set_unclean (self->document);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Imported as a new map: save it to keep it")));
  refresh (self);
}

/* Cancelled in a window opened for the import: a new map, as a new window
 * has, rather than an empty canvas. */
static void
import_dialog_destroy_cb (ImpWindow *self)
{
  g_autoptr(ImpMap) map = NULL;

  if (imp_window_get_map (self) != NULL || imp_document_get_loading (self->document))
    return;

  map = imp_map_new_for_vocabulary (_("New goal"), imp_preferences_get_default_vocabulary ());
  imp_window_set_map (self, map, NULL);
  refresh (self);
}

/* A map of another tool: its levels chosen in the import dialog, with a
 * preview and the report of what changes, then a new, unsaved map. */
static void
import_file (ImpWindow *self,
             GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (basename);
  g_autoptr(GError) error = NULL;
  ImpImportSource *source = NULL;
  ImpImportOptions options;
  ImpImportDialog *dialog;

  imp_import_options_init (&options);
  if (path != NULL)
    source = imp_import_source_load_path (path, &options, &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only local files can be imported"));

  if (source == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Could Not Import “%s”"), display_name);

      imp_window_show_error (self, title, error->message);
      refresh (self);
      return;
    }

  dialog = imp_import_dialog_new (GTK_WINDOW (self), display_name, source,
                                  imp_preferences_get_default_vocabulary ());
  g_signal_connect_object (dialog, "import", G_CALLBACK (import_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (import_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  /* After the window itself is presented (the caller does that next), so
   * that the dialog shows above it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_idle_cb, g_object_ref (dialog),
                   g_object_unref);
  refresh (self);
}

/**
 * imp_window_open_file:
 * @file: the `.impactmap` file to show
 *
 * Reads @file in a worker thread and then shows it, whatever its size; the
 * window says it is opening the file meanwhile and stays responsive. A file
 * that does not exist opens as a new map that will be saved there; one
 * that cannot be read shows why in place of the canvas. Opening another
 * file into the window before this one is read cancels this one.
 */
void
imp_window_open_file (ImpWindow *self,
                      GFile     *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *page;
  OpenData *data;

  g_return_if_fail (IMP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  if (basename != NULL && imp_import_format_from_path (basename) != IMP_IMPORT_AUTO)
    {
      import_file (self, file);
      return;
    }
  g_clear_pointer (&basename, g_free);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, g_cancellable_new ());

  basename = g_file_get_basename (file);
  display_name = g_filename_display_name (basename);
  /* Translators: %s is a file name; shown while a map loads */
  title = g_strdup_printf (_("Opening “%s”…"), display_name);

  page = ensure_loading_page (self);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Reading the file and laying out its cards."));
  gtk_widget_set_visible (adw_status_page_get_child (ADW_STATUS_PAGE (page)), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_clear_handle_id (&self->loading_show_source, g_source_remove);
  self->loading_show_source = g_timeout_add (LOADING_SHOW_DELAY_MS, show_loading_cb, self);

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->load_cancellable);

  imp_document_load_async (self->document, file,
                           imp_theme_get (imp_canvas_get_theme_kind (self->canvas)),
                           data->cancellable, open_done_cb, data);
  refresh (self);
}
