/* imp-session.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-session"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-session.h"
#include "imp-window-private.h"

/* The glue between the windows and the widget-free drafts: one ImpDrafts
 * session per process, started with the application and finished when it
 * shuts down cleanly, and the offer to restore what a crash left. */

static ImpDrafts *drafts;

/**
 * imp_session_start:
 * @application: the application
 *
 * Starts this process's drafts session. A drafts folder that cannot be
 * created only turns autosave off, with a warning: it must never stop the
 * app from opening files.
 */
void
imp_session_start (GtkApplication *application)
{
  g_autoptr(GError) error = NULL;

  if (drafts != NULL)
    return;

  drafts = imp_drafts_new (NULL);
  if (!imp_drafts_start (drafts, &error))
    g_warning ("Autosave is off: %s", error->message);
}

/**
 * imp_session_finish:
 *
 * A clean shutdown: every window was saved or discarded, so no draft is
 * needed any more.
 */
void
imp_session_finish (void)
{
  if (drafts == NULL)
    return;

  imp_drafts_finish (drafts);
  g_clear_object (&drafts);
}

/**
 * imp_session_get_drafts:
 *
 * Returns: (transfer none): the drafts of this process, started on demand
 */
ImpDrafts *
imp_session_get_drafts (void)
{
  if (drafts == NULL)
    imp_session_start (NULL);

  return drafts;
}

/**
 * imp_session_get_autosave_delay:
 *
 * Returns: the seconds between an edit and its draft, from the
 *   "autosave-delay" setting (5 when the schema is not installed)
 */
guint
imp_session_get_autosave_delay (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "autosave-delay"))
    return 5;

  settings = g_settings_new (APP_ID);

  return g_settings_get_uint (settings, "autosave-delay");
}

static void
restore_drafts (GtkApplication *application,
                GPtrArray      *orphans)
{
  for (guint i = 0; i < orphans->len; i++)
    {
      ImpDraft *draft = g_ptr_array_index (orphans, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) map = imp_draft_load (draft, &error);
      g_autoptr(GFile) file = imp_draft_get_file (draft);
      ImpWindow *window;

      if (map == NULL)
        {
          /* Kept, not discarded: a later version may read it. */
          g_warning ("Could not restore the draft %s: %s",
                     imp_draft_get_path (draft), error->message);
          continue;
        }

      window = imp_window_new (IMP_APPLICATION (application));
      imp_window_set_map (window, map, file);
      _imp_window_files_set_modified (window);
      /* Its new draft exists before the old one goes. */
      _imp_window_files_write_draft (window);
      imp_drafts_discard (imp_session_get_drafts (), draft);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  GPtrArray *orphans = g_object_get_data (G_OBJECT (dialog), "imp-orphans");
  GtkApplication *application = user_data;

  if (g_strcmp0 (response, "restore") == 0)
    restore_drafts (application, orphans);
  else if (g_strcmp0 (response, "discard") == 0)
    for (guint i = 0; i < orphans->len; i++)
      imp_drafts_discard (imp_session_get_drafts (), g_ptr_array_index (orphans, i));
  /* "later" keeps them for the next start. */
}

/**
 * imp_session_offer_recovery:
 * @application: the application
 *
 * If an earlier run crashed with unsaved changes, asks whether to restore
 * them, each in its own window, marked modified.
 *
 * Returns: (transfer none) (nullable): the dialog asking, or %NULL when
 *   there is nothing to restore
 */
GtkWindow *
imp_session_offer_recovery (GtkApplication *application)
{
  g_autoptr(GPtrArray) orphans = imp_drafts_list_orphans (imp_session_get_drafts ());
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWindow *parent = gtk_application_get_active_window (application);
  GtkWidget *dialog;

  if (orphans->len == 0)
    return NULL;

  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "Impact Mapper did not close properly. This map has "
                                      "changes that were not saved:",
                                      "Impact Mapper did not close properly. These maps have "
                                      "changes that were not saved:",
                                      orphans->len));
  for (guint i = 0; i < orphans->len; i++)
    {
      ImpDraft *draft = g_ptr_array_index (orphans, i);
      g_autoptr(GFile) file = imp_draft_get_file (draft);
      const char *title = imp_draft_get_title (draft);
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *when = NULL;

      if (imp_draft_get_saved (draft) != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (imp_draft_get_saved (draft));

          when = g_date_time_format (local, "%x %X");
        }

      g_string_append_printf (body, "\n• %s", title[0] != '\0' ? title : _("Untitled Map"));
      if (name != NULL)
        g_string_append_printf (body, " (%s)", name);
      if (when != NULL)
        /* Translators: %s is a date and time */
        g_string_append_printf (body, _(", autosaved %s"), when);
    }

  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "imp-orphans", g_steal_pointer (&orphans),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb),
                           application, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), application);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
