/* imp-timebox.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-timebox"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-a11y.h"
#include "imp-timebox.h"

/**
 * ImpTimebox:
 *
 * A countdown for the current round of a workshop, for the header bar: a
 * button showing the time left (mm:ss) that opens a popover to set the
 * minutes (with 5, 10 and 15 as presets), and a start/pause button. At zero
 * the time turns to the warning colour and pulses a few times.
 *
 * The time comes from a clock function, g_get_monotonic_time() unless a
 * test sets another, so the state machine can be driven without waiting.
 * Nothing of it is saved with the map.
 */

#define DEFAULT_DURATION (10 * 60)
#define MAX_DURATION (180 * 60)
/* How often the label follows the clock while running. */
#define TICK_MS 250

struct _ImpTimebox
{
  GtkWidget            parent_instance;

  GtkWidget           *menu_button;
  GtkWidget           *time_label;
  GtkWidget           *start_button;
  GtkWidget           *minutes_spin;
  GtkWidget           *popover_start_button;

  ImpTimeboxState      state;
  guint                duration;      /* seconds */
  gint64               remaining_us;  /* while not running */
  gint64               deadline_us;   /* while running, in clock time */
  guint                tick_source;

  ImpTimeboxClockFunc  clock_func;
  gpointer             clock_data;
};

enum {
  PROP_0,
  PROP_DURATION,
  PROP_REMAINING,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (ImpTimeboxState, imp_timebox_state,
                    G_DEFINE_ENUM_VALUE (IMP_TIMEBOX_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (IMP_TIMEBOX_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (IMP_TIMEBOX_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (IMP_TIMEBOX_EXPIRED, "expired"))

G_DEFINE_FINAL_TYPE (ImpTimebox, imp_timebox, GTK_TYPE_WIDGET)

static gint64
now (ImpTimebox *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);

  return g_get_monotonic_time ();
}

static gint64
remaining_us (ImpTimebox *self)
{
  if (self->state == IMP_TIMEBOX_RUNNING)
    return MAX (0, self->deadline_us - now (self));

  return self->remaining_us;
}

static void
update_display (ImpTimebox *self)
{
  guint seconds = imp_timebox_get_remaining (self);
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  gboolean running = self->state == IMP_TIMEBOX_RUNNING;

  text = g_strdup_printf ("%02u:%02u", seconds / 60, seconds % 60);
  gtk_label_set_label (GTK_LABEL (self->time_label), text);

  switch (self->state)
    {
    case IMP_TIMEBOX_RUNNING:
      /* Translators: tooltip of the workshop timer; %s is the time left, e.g. "04:59" */
      tip = g_strdup_printf (_("Timebox: %s left"), text);
      break;
    case IMP_TIMEBOX_PAUSED:
      /* Translators: tooltip of the workshop timer; %s is the time left, e.g. "04:59" */
      tip = g_strdup_printf (_("Timebox paused: %s left"), text);
      break;
    case IMP_TIMEBOX_EXPIRED:
      tip = g_strdup (_("Time is up"));
      break;
    case IMP_TIMEBOX_IDLE:
    default:
      tip = g_strdup (_("Set the Timebox for This Round"));
      break;
    }
  gtk_widget_set_tooltip_text (self->menu_button, tip);

  gtk_button_set_icon_name (GTK_BUTTON (self->start_button),
                            running ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->start_button,
                               running ? _("Pause the Timebox") : _("Start the Timebox"));
  imp_a11y_set_label (self->start_button, running ? _("Pause the Timebox") : _("Start the Timebox"));
  gtk_button_set_label (GTK_BUTTON (self->popover_start_button),
                        running ? _("_Pause") : _("_Start"));

  if (self->state == IMP_TIMEBOX_EXPIRED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "expired");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "expired");
  if (running)
    gtk_widget_add_css_class (GTK_WIDGET (self), "running");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "running");
}

static void
set_state (ImpTimebox      *self,
           ImpTimeboxState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  if (state != IMP_TIMEBOX_RUNNING)
    g_clear_handle_id (&self->tick_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
tick_cb (gpointer user_data)
{
  ImpTimebox *self = IMP_TIMEBOX (user_data);

  imp_timebox_tick (self);

  return self->state == IMP_TIMEBOX_RUNNING ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_clicked_cb (ImpTimebox *self)
{
  if (self->state == IMP_TIMEBOX_RUNNING)
    imp_timebox_pause (self);
  else
    imp_timebox_start (self);
}

/* Started from the popover, the round begins: the popover gets out of the
 * room's way. */
static void
popover_start_clicked_cb (ImpTimebox *self)
{
  gboolean was_running = self->state == IMP_TIMEBOX_RUNNING;

  start_clicked_cb (self);
  if (!was_running)
    gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

/* The button's tooltip would cover the open popover. */
static void
popover_shown_cb (ImpTimebox *self)
{
  gtk_widget_set_has_tooltip (self->menu_button, FALSE);
}

static void
popover_closed_cb (ImpTimebox *self)
{
  gtk_widget_set_has_tooltip (self->menu_button, TRUE);
}

static void
reset_clicked_cb (ImpTimebox *self)
{
  imp_timebox_reset (self);
}

static void
minutes_changed_cb (ImpTimebox    *self,
                    GtkSpinButton *spin)
{
  guint seconds = (guint) gtk_spin_button_get_value_as_int (spin) * 60;

  if (seconds != self->duration)
    imp_timebox_set_duration (self, seconds);
}

static void
preset_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  ImpTimebox *self = IMP_TIMEBOX (user_data);
  guint minutes = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "minutes"));

  imp_timebox_set_duration (self, minutes * 60);
}

static GtkWidget *
build_popover (ImpTimebox *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *presets = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Timebox for This Round"));
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Minutes"));
  GtkWidget *reset;
  const guint preset_minutes[] = { 5, 10, 15 };

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  self->minutes_spin = gtk_spin_button_new_with_range (1, MAX_DURATION / 60, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->minutes_spin), self->duration / 60);
  gtk_widget_set_hexpand (self->minutes_spin, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->minutes_spin);
  g_signal_connect_object (self->minutes_spin, "value-changed",
                           G_CALLBACK (minutes_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->minutes_spin);
  gtk_box_append (GTK_BOX (box), row);

  gtk_widget_add_css_class (presets, "linked");
  gtk_widget_set_halign (presets, GTK_ALIGN_FILL);
  gtk_box_set_homogeneous (GTK_BOX (presets), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (preset_minutes); i++)
    {
      /* Translators: a preset of the workshop timer, in minutes, e.g. "5 min" */
      g_autofree char *text = g_strdup_printf (_("%u min"), preset_minutes[i]);
      GtkWidget *button = gtk_button_new_with_label (text);

      g_object_set_data (G_OBJECT (button), "minutes", GUINT_TO_POINTER (preset_minutes[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (preset_clicked_cb), self);
      gtk_box_append (GTK_BOX (presets), button);
    }
  gtk_box_append (GTK_BOX (box), presets);

  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  reset = gtk_button_new_with_mnemonic (_("_Reset"));
  g_signal_connect_object (reset, "clicked", G_CALLBACK (reset_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  self->popover_start_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (self->popover_start_button, "suggested-action");
  g_signal_connect_object (self->popover_start_button, "clicked",
                           G_CALLBACK (popover_start_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), reset);
  gtk_box_append (GTK_BOX (buttons), self->popover_start_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_shown_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);

  return popover;
}

static void
imp_timebox_dispose (GObject *object)
{
  ImpTimebox *self = IMP_TIMEBOX (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->start_button, gtk_widget_unparent);

  G_OBJECT_CLASS (imp_timebox_parent_class)->dispose (object);
}

static void
imp_timebox_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ImpTimebox *self = IMP_TIMEBOX (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_REMAINING:
      g_value_set_uint (value, imp_timebox_get_remaining (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_timebox_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ImpTimebox *self = IMP_TIMEBOX (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      imp_timebox_set_duration (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_timebox_class_init (ImpTimeboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_timebox_dispose;
  object_class->get_property = imp_timebox_get_property;
  object_class->set_property = imp_timebox_set_property;

  /**
   * ImpTimebox:duration:
   *
   * The length of a round, in seconds.
   */
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL,
                       1, MAX_DURATION, DEFAULT_DURATION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ImpTimebox:remaining:
   *
   * Whole seconds left, rounded up, as shown.
   */
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL,
                       0, MAX_DURATION, DEFAULT_DURATION,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ImpTimebox:state:
   *
   * Idle, running, paused or expired.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IMP_TYPE_TIMEBOX_STATE, IMP_TIMEBOX_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "imptimebox");
}

static void
imp_timebox_init (ImpTimebox *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

  self->duration = DEFAULT_DURATION;
  self->remaining_us = (gint64) DEFAULT_DURATION * G_USEC_PER_SEC;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_add_css_class (GTK_WIDGET (self), "timebox");

  self->time_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->time_label, "timebox-time");
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), self->time_label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), build_popover (self));
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  self->start_button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  g_signal_connect_object (self->start_button, "clicked",
                           G_CALLBACK (start_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->start_button, GTK_WIDGET (self));

  imp_a11y_set_label (self->menu_button, _("Timebox"));
  imp_a11y_set_decorative (icon);

  update_display (self);
}

/**
 * imp_timebox_new:
 *
 * Returns: (transfer floating): an idle timebox of ten minutes
 */
GtkWidget *
imp_timebox_new (void)
{
  return g_object_new (IMP_TYPE_TIMEBOX, NULL);
}

/**
 * imp_timebox_get_duration:
 *
 * Returns: the length of a round, in seconds
 */
guint
imp_timebox_get_duration (ImpTimebox *self)
{
  g_return_val_if_fail (IMP_IS_TIMEBOX (self), 0);

  return self->duration;
}

/**
 * imp_timebox_set_duration:
 * @seconds: the length of a round, 1 s to 3 h
 *
 * Sets the length of a round and resets the countdown to it.
 */
void
imp_timebox_set_duration (ImpTimebox *self,
                          guint       seconds)
{
  g_return_if_fail (IMP_IS_TIMEBOX (self));

  seconds = CLAMP (seconds, 1, MAX_DURATION);

  if (seconds != self->duration)
    {
      self->duration = seconds;
      if (self->minutes_spin != NULL && seconds % 60 == 0)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->minutes_spin), seconds / 60);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }

  imp_timebox_reset (self);
}

/**
 * imp_timebox_get_remaining:
 *
 * Returns: whole seconds left, rounded up (what the label shows)
 */
guint
imp_timebox_get_remaining (ImpTimebox *self)
{
  g_return_val_if_fail (IMP_IS_TIMEBOX (self), 0);

  return (guint) ((remaining_us (self) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * imp_timebox_get_state:
 *
 * Returns: whether the countdown is idle, running, paused or over
 */
ImpTimeboxState
imp_timebox_get_state (ImpTimebox *self)
{
  g_return_val_if_fail (IMP_IS_TIMEBOX (self), IMP_TIMEBOX_IDLE);

  return self->state;
}

/**
 * imp_timebox_start:
 *
 * Starts or resumes the countdown; after time is up, starts a new round.
 */
void
imp_timebox_start (ImpTimebox *self)
{
  g_return_if_fail (IMP_IS_TIMEBOX (self));

  if (self->state == IMP_TIMEBOX_RUNNING)
    return;

  if (self->state == IMP_TIMEBOX_EXPIRED)
    self->remaining_us = (gint64) self->duration * G_USEC_PER_SEC;

  self->deadline_us = now (self) + self->remaining_us;
  set_state (self, IMP_TIMEBOX_RUNNING);
  if (self->tick_source == 0)
    self->tick_source = g_timeout_add (TICK_MS, tick_cb, self);

  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

/**
 * imp_timebox_pause:
 *
 * Stops the countdown where it is; imp_timebox_start() resumes it.
 */
void
imp_timebox_pause (ImpTimebox *self)
{
  g_return_if_fail (IMP_IS_TIMEBOX (self));

  if (self->state != IMP_TIMEBOX_RUNNING)
    return;

  self->remaining_us = remaining_us (self);
  set_state (self, self->remaining_us > 0 ? IMP_TIMEBOX_PAUSED : IMP_TIMEBOX_EXPIRED);

  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

/**
 * imp_timebox_reset:
 *
 * Stops the countdown and sets it back to the whole duration.
 */
void
imp_timebox_reset (ImpTimebox *self)
{
  g_return_if_fail (IMP_IS_TIMEBOX (self));

  self->remaining_us = (gint64) self->duration * G_USEC_PER_SEC;
  set_state (self, IMP_TIMEBOX_IDLE);

  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

/**
 * imp_timebox_tick:
 *
 * Reads the clock: updates the time shown and, at zero, ends the round
 * with the visual cue. Runs by itself a few times a second while running.
 */
void
imp_timebox_tick (ImpTimebox *self)
{
  g_return_if_fail (IMP_IS_TIMEBOX (self));

  if (self->state != IMP_TIMEBOX_RUNNING)
    return;

  if (remaining_us (self) <= 0)
    {
      self->remaining_us = 0;
      set_state (self, IMP_TIMEBOX_EXPIRED);
    }

  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

/**
 * imp_timebox_set_clock_func:
 * @func: (nullable): the clock to read, or %NULL for g_get_monotonic_time()
 * @user_data: data for @func
 *
 * Lets a test drive the countdown with a clock of its own.
 */
void
imp_timebox_set_clock_func (ImpTimebox          *self,
                            ImpTimeboxClockFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (IMP_IS_TIMEBOX (self));

  self->clock_func = func;
  self->clock_data = user_data;
}
