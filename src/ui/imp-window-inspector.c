/* imp-window-inspector.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-inspector.h"
#include "imp-window-private.h"

/* The inspector beside the canvas: an AdwFlap at the window's end that F9
 * or the header-bar toggle shows and hides. It edits the window's map
 * through the window's history and follows the canvas's selection. */

void
_imp_window_inspector_toggle_inspector_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Hiding the inspector with the focus in it would leave the focus nowhere. */
  if (adw_flap_get_reveal_flap (self->inspector_flap) && focus != NULL &&
      gtk_widget_is_ancestor (focus, self->inspector))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  adw_flap_set_reveal_flap (self->inspector_flap,
                            !adw_flap_get_reveal_flap (self->inspector_flap));
}

void
_imp_window_inspector_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (IMP_TYPE_INSPECTOR);

  gtk_widget_class_bind_template_child (widget_class, ImpWindow, inspector_flap);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, inspector);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK,
                                       "win.focus-pane", NULL);
}

void
_imp_window_inspector_init (ImpWindow *self)
{
  _imp_window_inspector_set_map (self);
}

/* Called after the window has a new map, history and selection. */
void
_imp_window_inspector_set_map (ImpWindow *self)
{
  ImpInspector *inspector = IMP_INSPECTOR (self->inspector);

  imp_inspector_set_history (inspector, imp_window_get_history (self));
  imp_inspector_set_selection (inspector, imp_window_get_selection (self));
}

/* The canvas owns the selection and is disposed inside the flap, after the
 * window's template pointers are cleared: stop the window's handlers on
 * the selection (and the inspector's) before that, so that none of them
 * runs on a half-disposed window. */
void
_imp_window_inspector_dispose (ImpWindow *self)
{
  ImpSelection *selection;

  if (self->inspector != NULL)
    {
      imp_inspector_set_selection (IMP_INSPECTOR (self->inspector), NULL);
      imp_inspector_set_history (IMP_INSPECTOR (self->inspector), NULL);
    }

  if (self->canvas != NULL && (selection = imp_window_get_selection (self)) != NULL)
    g_signal_handlers_disconnect_by_data (selection, self);
}

static gboolean
focus_inspector (ImpWindow *self)
{
  return gtk_widget_child_focus (self->inspector, GTK_DIR_TAB_FORWARD);
}

static void
reveal_progress_cb (ImpWindow  *self,
                    GParamSpec *pspec,
                    AdwFlap    *flap)
{
  if (adw_flap_get_reveal_progress (flap) < 1.0)
    return;

  g_signal_handlers_disconnect_by_func (flap, reveal_progress_cb, self);
  if (adw_flap_get_reveal_flap (flap))
    focus_inspector (self);
}

/* F6 and Shift+F6 move the keyboard focus between the map and the
 * inspector (the GNOME key for switching panes), showing the inspector
 * first if it is hidden. The canvas keeps Tab for adding cards, so Tab
 * alone never leaves it; Ctrl+Tab still walks the whole window. */
void
_imp_window_inspector_focus_pane_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, self->inspector))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
      return;
    }

  if (adw_flap_get_reveal_flap (self->inspector_flap) && focus_inspector (self))
    return;

  /* The flap's child takes focus only once it is on screen. */
  g_signal_handlers_disconnect_by_func (self->inspector_flap, reveal_progress_cb, self);
  g_signal_connect_object (self->inspector_flap, "notify::reveal-progress",
                           G_CALLBACK (reveal_progress_cb), self, G_CONNECT_SWAPPED);
  adw_flap_set_reveal_flap (self->inspector_flap, TRUE);
  reveal_progress_cb (self, NULL, self->inspector_flap);
}
