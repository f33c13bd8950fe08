/* imp-window-tracking.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-tracking"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-tracking.h"
#include "imp-window-private.h"

/* Readings from a CSV, through the menu or a drop: one undo step, all rows
 * or none; a refusal names every bad row with its line. */

/**
 * _imp_window_tracking_file_is_readings:
 *
 * Returns: whether @file is a CSV whose header is date,node,value: a
 *   dropped file of that shape is readings, any other is left to openers
 */
gboolean
_imp_window_tracking_file_is_readings (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *data = NULL;
  gsize length = 0;

  if (name == NULL)
    return FALSE;
  {
    g_autofree char *lower = g_ascii_strdown (name, -1);

    if (!g_str_has_suffix (lower, ".csv"))
      return FALSE;
  }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, NULL))
    return FALSE;

  return imp_tracking_is_readings_csv (data, length);
}

/**
 * _imp_window_tracking_import:
 *
 * Adds the readings of @file to the window's map as one step.
 */
void
_imp_window_tracking_import (ImpWindow *self,
                             GFile     *file)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint n = 0;

  if (g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    n = imp_tracking_import_csv (self->history, data, length, &error);

  if (n == 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      AdwMessageDialog *dialog;

      /* Translators: %s is a file name */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
      adw_message_dialog_format_heading (dialog, _("No Readings Added From “%s”"), name);
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Added %u reading",
                                                             "Added %u readings", n), n);
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    adw_toast_set_timeout (toast, 5);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ImpWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _imp_window_tracking_import (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_imp_window_tracking_import_readings_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Readings (CSV: date,node,value)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  chooser = gtk_file_chooser_native_new (_("Import Readings"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
