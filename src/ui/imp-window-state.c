/* imp-window-state.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens at the size and maximized state it was last closed with.
 */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include "imp-window-private.h"

#define SETTINGS_KEY "imp-window-state-settings"

static gboolean
close_request_cb (ImpWindow *self)
{
  GSettings *settings = g_object_get_data (G_OBJECT (self), SETTINGS_KEY);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  /* The default size is the unmaximized size, so a maximized window still
   * remembers where to return to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_set_boolean (settings, "window-maximized", maximized);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }

  /* Others decide whether the window really closes. */
  return FALSE;
}

void
_imp_window_state_init (ImpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettings *settings;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new (APP_ID);
  g_object_set_data_full (G_OBJECT (self), SETTINGS_KEY, settings, g_object_unref);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (settings, "window-width")),
                               MAX (300, g_settings_get_int (settings, "window-height")));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}
