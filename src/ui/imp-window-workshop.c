/* imp-window-workshop.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Workshop mode: what a facilitator needs at a projector. Presentation
 * mode (fullscreen, no inspector, the projector theme), the timebox in the
 * header bar, the level-by-level reveal, focus on one branch and dot
 * votes. Everything here but the votes is view state: entering and leaving
 * never changes the document.
 */

#define G_LOG_DOMAIN "imp-window-workshop"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-timebox.h"
#include "imp-window-private.h"

static void
update_workshop_actions (ImpWindow *self)
{
  gboolean has_view = self->map != NULL && !imp_window_is_showing_error (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.presentation",
                                 has_view || self->presenting);
}

static void
update_header (ImpWindow *self)
{
  gboolean presenting = self->presenting;

  /* A slim header bar at the projector: the file buttons, zoom and the
   * inspector toggle give way; undo, the reveal step, the timebox and the
   * way out stay. */
  gtk_widget_set_visible (self->open_button, !presenting);
  gtk_widget_set_visible (self->save_button, !presenting);
  gtk_widget_set_visible (self->zoom_box, !presenting);
  gtk_widget_set_visible (self->inspector_button, !presenting);

  gtk_button_set_icon_name (GTK_BUTTON (self->presentation_button),
                            presenting ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (self->presentation_button,
                               presenting ? _("Leave Presentation Mode (F5 or Esc)")
                                          : _("Presentation Mode (F5)"));

  if (presenting)
    gtk_widget_add_css_class (self->header_bar, "presenting");
  else
    gtk_widget_remove_css_class (self->header_bar, "presenting");
}

static void
set_presenting (ImpWindow *self,
                gboolean   presenting)
{
  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;

  if (presenting)
    {
      self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->inspector_was_revealed = adw_flap_get_reveal_flap (self->inspector_flap);

      adw_flap_set_reveal_flap (self->inspector_flap, FALSE);
      imp_canvas_set_theme_override (self->canvas, IMP_THEME_PROJECTOR);
      if (!self->was_fullscreen)
        gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      imp_canvas_set_theme_override (self->canvas, -1);
      adw_flap_set_reveal_flap (self->inspector_flap, self->inspector_was_revealed);
      if (!self->was_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
    }

  update_header (self);

  /* The map fills the new size, and follows it as the window changes. */
  imp_canvas_zoom_fit (self->canvas);
  if (!imp_canvas_is_editing (self->canvas))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  update_workshop_actions (self);
}

static void
presentation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  set_presenting (self, !self->presenting);
}

/* Escape steps out of one thing at a time: the in-place editor handles it
 * first, then the focus on a branch, then presentation mode; only then does
 * it clear the selection. */
static gboolean
step_out (ImpWindow *self)
{
  if (imp_canvas_is_editing (self->canvas))
    return FALSE;

  if (self->presenting)
    {
      set_presenting (self, FALSE);
      return TRUE;
    }

  return FALSE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return step_out (IMP_WINDOW (widget));
}

static gboolean
canvas_key_capture_cb (ImpWindow             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkWidget *canvas = GTK_WIDGET (self->canvas);

  /* Only keys for the canvas itself: not for its editor or find popover. */
  if (gtk_root_get_focus (gtk_widget_get_root (canvas)) != canvas ||
      imp_canvas_is_editing (self->canvas) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      return step_out (self);

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_imp_window_workshop_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (IMP_TYPE_TIMEBOX);

  gtk_widget_class_bind_template_child (widget_class, ImpWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, presentation_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, reveal_label);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, timebox);

  gtk_widget_class_install_action (widget_class, "win.presentation", NULL, presentation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

void
_imp_window_workshop_init (ImpWindow *self)
{
  GtkEventController *controller;

  self->reveal_step = -1;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (canvas_key_capture_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  update_header (self);
  update_workshop_actions (self);
}

/* Called whenever the window shows another map. */
void
_imp_window_workshop_set_map (ImpWindow *self)
{
  update_workshop_actions (self);
}

/**
 * imp_window_get_presenting:
 *
 * Returns: whether the window is in presentation mode
 */
gboolean
imp_window_get_presenting (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);

  return self->presenting;
}

/**
 * imp_window_set_presenting:
 * @presenting: whether to present
 *
 * Enters presentation mode (fullscreen, no inspector, the projector theme)
 * or leaves it, putting back the window as it was. The document is never
 * changed.
 */
void
imp_window_set_presenting (ImpWindow *self,
                           gboolean   presenting)
{
  g_return_if_fail (IMP_IS_WINDOW (self));

  set_presenting (self, presenting);
}
