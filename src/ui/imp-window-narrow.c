/* imp-window-narrow.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Narrow windows (issue 19): libadwaita 1.2 has no breakpoints, so the
 * window follows its own surface's width. Below IMP_WINDOW_NARROW_WIDTH the
 * zoom buttons leave the header bar (View → Zoom In, Zoom Out, Reset Zoom
 * and the keys stay), so the window can be made about 800 px wide; and when
 * the parking lot beside the map would leave it narrower than
 * IMP_CANVAS_NATURAL_WIDTH, the lot slides in over the map instead of
 * taking its width, so opening it never shrinks the map's zoom. The
 * inspector folds over the map by itself (its AdwFlap folds at the
 * natural width of the map and what sits beside it); when both would lie
 * over the map, the one opened last closes the other. */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include "imp-canvas.h"
#include "imp-parking-lot.h"
#include "imp-window-private.h"

#define NARROW_KEY "imp-narrow-state"

typedef struct
{
  GtkWidget *box;          /* the map's box, where the lot sits beside the map */
  GtkWidget *overlay;      /* over the map, where it floats when narrow */
  gulong     surface_handler;
  GdkSurface *surface;     /* weak */
  guint      update_source;
  gboolean   header_narrow;
  gboolean   lot_over_map;
} NarrowState;

static NarrowState *
get_state (ImpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), NARROW_KEY);
}

static void
narrow_state_free (gpointer data)
{
  NarrowState *state = data;

  g_clear_handle_id (&state->update_source, g_source_remove);
  if (state->surface != NULL)
    {
      g_clear_signal_handler (&state->surface_handler, state->surface);
      g_object_remove_weak_pointer (G_OBJECT (state->surface), (gpointer *) &state->surface);
    }
  g_free (state);
}

/* The width the parking lot asks for beside the map. */
static int
lot_width (ImpWindow *self)
{
  GtkWidget *tray = gtk_revealer_get_child (GTK_REVEALER (self->parking_lot_revealer));
  int natural = 0;

  if (tray != NULL)
    gtk_widget_measure (tray, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

static void
move_lot (ImpWindow *self,
          NarrowState *state,
          gboolean   over_map)
{
  GtkWidget *revealer = self->parking_lot_revealer;
  GtkWidget *parent = gtk_widget_get_parent (revealer);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, revealer);

  g_object_ref (revealer);
  if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), revealer);
  else if (parent != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (parent), revealer);

  if (over_map)
    {
      gtk_widget_set_halign (revealer, GTK_ALIGN_START);
      gtk_widget_set_valign (revealer, GTK_ALIGN_FILL);
      gtk_widget_add_css_class (revealer, "parking-lot-over-map");
      gtk_overlay_add_overlay (GTK_OVERLAY (state->overlay), revealer);
    }
  else
    {
      GtkWidget *after = NULL;

      /* Back to its place: after the outline's revealer, before the map. */
      for (GtkWidget *child = gtk_widget_get_first_child (state->box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (child != GTK_WIDGET (self->canvas) && GTK_IS_REVEALER (child))
          after = child;
      gtk_widget_set_halign (revealer, GTK_ALIGN_FILL);
      gtk_widget_remove_css_class (revealer, "parking-lot-over-map");
      gtk_box_insert_child_after (GTK_BOX (state->box), revealer, after);
    }
  g_object_unref (revealer);

  if (had_focus && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    gtk_widget_grab_focus (imp_parking_lot_get_entry (IMP_PARKING_LOT (self->parking_lot)));
}

/**
 * _imp_window_narrow_update:
 * @self: the window
 *
 * Sets the header bar and the parking lot for the window's width now; the
 * zoom buttons also give way while presenting.
 */
void
_imp_window_narrow_update (ImpWindow *self)
{
  NarrowState *state = get_state (self);
  int width;
  gboolean header_narrow, over_map;

  if (state == NULL)
    return;

  width = state->surface != NULL ? gdk_surface_get_width (state->surface) : 0;
  if (width <= 1)
    {
      int default_width, default_height;

      gtk_window_get_default_size (GTK_WINDOW (self), &default_width, &default_height);
      width = default_width;
    }
  header_narrow = width > 0 && width < IMP_WINDOW_NARROW_WIDTH;
  over_map = width > 0 && width < lot_width (self) + IMP_CANVAS_NATURAL_WIDTH;

  state->header_narrow = header_narrow;
  gtk_widget_set_visible (self->zoom_box, !self->presenting && !header_narrow);

  if (over_map != state->lot_over_map)
    {
      state->lot_over_map = over_map;
      move_lot (self, state, over_map);
    }
}

static gboolean
update_idle_cb (gpointer user_data)
{
  ImpWindow *self = user_data;
  NarrowState *state = get_state (self);

  state->update_source = 0;
  _imp_window_narrow_update (self);

  return G_SOURCE_REMOVE;
}

/* Not in the middle of the surface's layout: just before the next frame. */
static void
queue_update (ImpWindow *self)
{
  NarrowState *state = get_state (self);

  if (state->update_source == 0)
    state->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_idle_cb,
                                            self, NULL);
}

static void
surface_width_cb (ImpWindow *self)
{
  queue_update (self);
}

static void
realize_cb (ImpWindow *self)
{
  NarrowState *state = get_state (self);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (state->surface != NULL)
    {
      g_clear_signal_handler (&state->surface_handler, state->surface);
      g_object_remove_weak_pointer (G_OBJECT (state->surface), (gpointer *) &state->surface);
    }
  state->surface = surface;
  g_object_add_weak_pointer (G_OBJECT (surface), (gpointer *) &state->surface);
  state->surface_handler = g_signal_connect_object (surface, "notify::width",
                                                    G_CALLBACK (surface_width_cb), self,
                                                    G_CONNECT_SWAPPED);
  /* Before the first frame: a window opened narrow starts so. */
  _imp_window_narrow_update (self);
  queue_update (self);
}

static void
unrealize_cb (ImpWindow *self)
{
  NarrowState *state = get_state (self);

  if (state->surface != NULL)
    {
      g_clear_signal_handler (&state->surface_handler, state->surface);
      g_object_remove_weak_pointer (G_OBJECT (state->surface), (gpointer *) &state->surface);
      state->surface = NULL;
    }
}

/* In a narrow window the parking lot and the inspector both lie over the
 * map, and the two together would leave a sliver of it: the panel opened
 * last closes the other. */
static gboolean
panels_crowd_map (ImpWindow *self)
{
  NarrowState *state = get_state (self);

  return state != NULL && state->lot_over_map &&
         adw_flap_get_folded (self->inspector_flap) &&
         adw_flap_get_reveal_flap (self->inspector_flap) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->parking_lot_revealer));
}

static void
lot_revealed_cb (ImpWindow *self)
{
  if (gtk_revealer_get_reveal_child (GTK_REVEALER (self->parking_lot_revealer)) &&
      panels_crowd_map (self))
    adw_flap_set_reveal_flap (self->inspector_flap, FALSE);
}

static void
inspector_revealed_cb (ImpWindow *self)
{
  GtkWidget *focus;

  if (!adw_flap_get_reveal_flap (self->inspector_flap) || !panels_crowd_map (self))
    return;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->parking_lot_revealer))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->parking_lot_revealer), FALSE);
}

/**
 * _imp_window_narrow_is_lot_over_map:
 * @self: the window
 *
 * Returns: whether the parking lot floats over the map (a narrow window)
 */
gboolean
_imp_window_narrow_is_lot_over_map (ImpWindow *self)
{
  NarrowState *state = get_state (self);

  return state != NULL && state->lot_over_map;
}

void
_imp_window_narrow_init (ImpWindow *self)
{
  NarrowState *state = g_new0 (NarrowState, 1);

  /* The map's box (imp-window-workshop.c) inside the overlay over the map
   * (imp-window-timebox.c). */
  state->box = gtk_widget_get_parent (self->parking_lot_revealer);
  state->overlay = adw_flap_get_content (self->inspector_flap);
  g_return_if_fail (GTK_IS_BOX (state->box));
  g_return_if_fail (GTK_IS_OVERLAY (state->overlay));
  g_object_set_data_full (G_OBJECT (self), NARROW_KEY, state, narrow_state_free);

  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
  /* The lot's width may change with what is parked in it. */
  g_signal_connect_object (self->parking_lot_revealer, "notify::reveal-child",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parking_lot_revealer, "notify::reveal-child",
                           G_CALLBACK (lot_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector_flap, "notify::reveal-flap",
                           G_CALLBACK (inspector_revealed_cb), self, G_CONNECT_SWAPPED);
}
