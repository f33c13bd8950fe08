/* imp-timebox.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  IMP_TIMEBOX_IDLE,     /* set, not started: shows the whole duration */
  IMP_TIMEBOX_RUNNING,
  IMP_TIMEBOX_PAUSED,
  IMP_TIMEBOX_EXPIRED,  /* reached zero: the visual cue shows */
} ImpTimeboxState;

#define IMP_TYPE_TIMEBOX_STATE (imp_timebox_state_get_type ())
GType imp_timebox_state_get_type (void);

/* Monotonic time in microseconds, as g_get_monotonic_time(). */
typedef gint64 (*ImpTimeboxClockFunc) (gpointer user_data);

#define IMP_TYPE_TIMEBOX (imp_timebox_get_type ())

G_DECLARE_FINAL_TYPE (ImpTimebox, imp_timebox, IMP, TIMEBOX, GtkWidget)

GtkWidget       *imp_timebox_new            (void);

guint            imp_timebox_get_duration   (ImpTimebox *self);
void             imp_timebox_set_duration   (ImpTimebox *self,
                                             guint       seconds);
guint            imp_timebox_get_remaining  (ImpTimebox *self);
ImpTimeboxState  imp_timebox_get_state      (ImpTimebox *self);

void             imp_timebox_start          (ImpTimebox *self);
void             imp_timebox_pause          (ImpTimebox *self);
void             imp_timebox_reset          (ImpTimebox *self);
void             imp_timebox_tick           (ImpTimebox *self);

void             imp_timebox_set_clock_func (ImpTimebox          *self,
                                             ImpTimeboxClockFunc  func,
                                             gpointer             user_data);

G_END_DECLS
