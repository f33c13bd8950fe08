/* imp-window-timebox.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-timebox"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-module.h"
#include "imp-sound.h"
#include "imp-timebox.h"
#include "imp-window-private.h"

/* When the timebox reaches zero the room has to notice: a large notice over
 * the map for a few seconds (it takes no clicks, so work goes on under it)
 * and the desktop's alert sound, unless the preference turns it off. */

#define ALARM_SHOWN_S 6

static gboolean
sound_wanted (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "timebox-sound"))
    return TRUE;

  settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "timebox-sound");
}

static void
play_alert (ImpWindow *self)
{
#if HAVE_GSOUND
  g_autoptr(GError) error = NULL;
  const ImpSoundTable *sound;

  /* The module loads on the first alert (imp-sound.h). */
  sound = _imp_module_get (IMP_SOUND_MODULE, IMP_SOUND_MODULE_SYMBOL, sizeof (ImpSoundTable),
                           &error);
  if (sound != NULL &&
      sound->play (&self->sound_context, "alarm-clock-elapsed", _("Time is up"), &error))
    return;

  g_debug ("No alert sound, the display bell instead: %s",
           error != NULL ? error->message : "no sound context");
#endif

  gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));
}

static gboolean
hide_alarm_cb (gpointer user_data)
{
  ImpWindow *self = IMP_WINDOW (user_data);

  self->alarm_hide_source = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->alarm_revealer), FALSE);

  return G_SOURCE_REMOVE;
}

static void
timebox_state_cb (ImpWindow  *self,
                  GParamSpec *pspec,
                  ImpTimebox *timebox)
{
  if (imp_timebox_get_state (timebox) != IMP_TIMEBOX_EXPIRED)
    {
      g_clear_handle_id (&self->alarm_hide_source, g_source_remove);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->alarm_revealer), FALSE);
      return;
    }

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->alarm_revealer), TRUE);
  g_clear_handle_id (&self->alarm_hide_source, g_source_remove);
  self->alarm_hide_source = g_timeout_add_seconds (ALARM_SHOWN_S, hide_alarm_cb, self);

  if (sound_wanted ())
    {
      self->n_alerts++;
      play_alert (self);
    }
}

void
_imp_window_timebox_init (ImpWindow *self)
{
  GtkWidget *content = adw_flap_get_content (self->inspector_flap);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *label = gtk_label_new (_("Time is up"));

  /* Over the map and the parking lot beside it, under the inspector. */
  g_object_ref (content);
  adw_flap_set_content (self->inspector_flap, NULL);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), content);
  g_object_unref (content);
  adw_flap_set_content (self->inspector_flap, overlay);

  gtk_widget_add_css_class (label, "timebox-alarm");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time is up"), -1);
  self->alarm_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->alarm_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_transition_duration (GTK_REVEALER (self->alarm_revealer), 400);
  gtk_revealer_set_child (GTK_REVEALER (self->alarm_revealer), label);
  gtk_widget_set_halign (self->alarm_revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->alarm_revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->alarm_revealer, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->alarm_revealer);

  g_signal_connect_object (self->timebox, "notify::state", G_CALLBACK (timebox_state_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_imp_window_timebox_dispose (ImpWindow *self)
{
  g_clear_handle_id (&self->alarm_hide_source, g_source_remove);
  g_clear_object (&self->sound_context);
}
