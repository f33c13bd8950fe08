/* imp-window-outline.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline beside the map (issue 23): a side panel at the start of the
 * map, shown and hidden with F8 or View ▸ Outline. Hidden, it follows no
 * map at all, so a big map costs nothing for it.
 */

#define G_LOG_DOMAIN "imp-window-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-window-outline.h"
#include "imp-window-private.h"

#define OUTLINE_KEY "imp-outline"
#define REVEALER_KEY "imp-outline-revealer"

/**
 * imp_window_get_outline:
 *
 * Returns: (transfer none): the outline panel, shown or not
 */
ImpOutlineView *
imp_window_get_outline (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return g_object_get_data (G_OBJECT (self), OUTLINE_KEY);
}

static GtkRevealer *
get_revealer (ImpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), REVEALER_KEY);
}

/**
 * _imp_window_outline_get_revealer:
 *
 * Returns: (transfer none): what shows and hides the outline panel
 */
GtkWidget *
_imp_window_outline_get_revealer (ImpWindow *self)
{
  return GTK_WIDGET (get_revealer (self));
}

/**
 * imp_window_get_outline_shown:
 *
 * Returns: whether the outline panel is shown
 */
gboolean
imp_window_get_outline_shown (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (get_revealer (self));
}

void
_imp_window_outline_set_map (ImpWindow *self)
{
  ImpOutlineView *outline = imp_window_get_outline (self);

  if (outline == NULL)
    return;

  if (imp_window_get_outline_shown (self))
    imp_outline_view_set_map (outline, self->map, imp_window_get_selection (self),
                              self->history);
  else
    imp_outline_view_set_map (outline, NULL, NULL, NULL);
}

/* The list takes the focus once it is on screen: a list focused before its
 * rows exist lets the first arrow key fall through (GTK 4.8), so a Down
 * typed right after F8 would be lost. */
static void
list_mapped_cb (GtkWidget *list,
                ImpWindow *self)
{
  g_signal_handlers_disconnect_by_func (list, list_mapped_cb, self);
  if (imp_window_get_outline_shown (self))
    gtk_widget_grab_focus (list);
}

void
_imp_window_outline_toggle_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GtkRevealer *revealer = get_revealer (self);
  GtkWidget *list = imp_outline_view_get_list_view (imp_window_get_outline (self));
  gboolean reveal = !gtk_revealer_get_reveal_child (revealer);

  gtk_revealer_set_reveal_child (revealer, reveal);
  _imp_window_outline_set_map (self);
  g_signal_handlers_disconnect_by_func (list, list_mapped_cb, self);
  if (reveal && gtk_widget_get_mapped (list))
    gtk_widget_grab_focus (list);
  else if (reveal)
    g_signal_connect_object (list, "map", G_CALLBACK (list_mapped_cb), self, 0);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* A card chosen in the outline (by the keys or a click) is brought into
 * view on the map, which follows the outline as the outline follows it. */
static void
selection_changed_cb (ImpWindow    *self,
                      ImpSelection *selection)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  ImpNode *node = imp_selection_get_primary (selection);

  if (node != NULL && focus != NULL && imp_window_get_outline_shown (self) &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (imp_window_get_outline (self))))
    imp_canvas_scroll_to_node (self->canvas, node);
}

static void
outline_message_cb (ImpWindow  *self,
                    const char *message)
{
  g_signal_emit_by_name (self->canvas, "message", message);
}

void
_imp_window_outline_init (ImpWindow *self)
{
  /* The map's box, made for the parking lot (imp-window-workshop.c). */
  GtkWidget *box = gtk_widget_get_parent (self->parking_lot_revealer);
  GtkWidget *outline = imp_outline_view_new ();
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *tray = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_BOX (box));

  gtk_widget_add_css_class (outline, "view");
  gtk_box_append (GTK_BOX (tray), outline);
  gtk_box_append (GTK_BOX (tray), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_revealer_set_child (GTK_REVEALER (revealer), tray);
  gtk_box_prepend (GTK_BOX (box), revealer);

  g_object_set_data (G_OBJECT (self), OUTLINE_KEY, outline);
  /* A refused drop is told as the map's are. */
  g_signal_connect_object (outline, "message", G_CALLBACK (outline_message_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), REVEALER_KEY, revealer);
  g_signal_connect_object (imp_window_get_selection (self), "changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F8, 0),
                                                          gtk_named_action_new ("win.toggle-outline")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
