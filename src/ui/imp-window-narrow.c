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
 * the parking lot or the outline beside the map would leave it narrower
 * than IMP_CANVAS_NATURAL_WIDTH, the panel slides in over the map instead
 * of taking its width, so opening it never shrinks the map's zoom. The
 * inspector folds over the map by itself (its AdwFlap folds at the
 * natural width of the map and what sits beside it). Of the panels that
 * lie over the map, one shows at a time: the one opened last closes the
 * others, which together would leave a sliver of the map. */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include "imp-canvas.h"
#include "imp-parking-lot.h"
#include "imp-window-outline.h"
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
  gboolean   outline_over_map;
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

/* The width a side panel (the parking lot, the outline) asks for beside
 * the map. */
static int
panel_width (GtkWidget *revealer)
{
  GtkWidget *tray = gtk_revealer_get_child (GTK_REVEALER (revealer));
  int natural = 0;

  if (tray != NULL)
    gtk_widget_measure (tray, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

/* Puts @revealer, a side panel, over the map or back beside it: the
 * outline first in the map's box, the parking lot after it. */
static void
move_panel (ImpWindow   *self,
            NarrowState *state,
            GtkWidget   *revealer,
            gboolean     over_map)
{
  GtkWidget *parent = gtk_widget_get_parent (revealer);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *outline = _imp_window_outline_get_revealer (self);
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
      gtk_widget_add_css_class (revealer, "panel-over-map");
      gtk_overlay_add_overlay (GTK_OVERLAY (state->overlay), revealer);
    }
  else
    {
      GtkWidget *after = NULL;

      if (revealer != outline && gtk_widget_get_parent (outline) == state->box)
        after = outline;
      gtk_widget_set_halign (revealer, GTK_ALIGN_FILL);
      gtk_widget_remove_css_class (revealer, "panel-over-map");
      gtk_box_insert_child_after (GTK_BOX (state->box), revealer, after);
    }
  g_object_unref (revealer);

  if (had_focus && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    {
      if (revealer == outline)
        gtk_widget_grab_focus (imp_outline_view_get_list_view (imp_window_get_outline (self)));
      else
        gtk_widget_grab_focus (imp_parking_lot_get_entry (IMP_PARKING_LOT (self->parking_lot)));
    }
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
  GtkWidget *outline;
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

  state->header_narrow = header_narrow;
  gtk_widget_set_visible (self->zoom_box, !self->presenting && !header_narrow);

  outline = _imp_window_outline_get_revealer (self);
  over_map = width > 0 && width < panel_width (outline) + IMP_CANVAS_NATURAL_WIDTH;
  if (over_map != state->outline_over_map)
    {
      state->outline_over_map = over_map;
      move_panel (self, state, outline, over_map);
    }

  over_map = width > 0 &&
             width < panel_width (self->parking_lot_revealer) + IMP_CANVAS_NATURAL_WIDTH;
  if (over_map != state->lot_over_map)
    {
      state->lot_over_map = over_map;
      move_panel (self, state, self->parking_lot_revealer, over_map);
    }

  /* What lies over the map's start is not where a card is shown. */
  if (state->lot_over_map &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (self->parking_lot_revealer)))
    imp_canvas_set_covered_start (self->canvas, panel_width (self->parking_lot_revealer));
  else if (state->outline_over_map && imp_window_get_outline_shown (self))
    imp_canvas_set_covered_start (self->canvas, panel_width (outline));
  else
    imp_canvas_set_covered_start (self->canvas, 0);
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

/* The panels that may lie over the map, in a narrow window. */
typedef enum
{
  PANEL_LOT,
  PANEL_OUTLINE,
  PANEL_INSPECTOR,
  N_PANELS
} Panel;

static gboolean
panel_over_map (ImpWindow *self,
                Panel      panel)
{
  NarrowState *state = get_state (self);

  if (state == NULL)
    return FALSE;
  if (panel == PANEL_LOT)
    return state->lot_over_map &&
           gtk_revealer_get_reveal_child (GTK_REVEALER (self->parking_lot_revealer));
  if (panel == PANEL_OUTLINE)
    return state->outline_over_map && imp_window_get_outline_shown (self);

  return adw_flap_get_folded (self->inspector_flap) &&
         adw_flap_get_reveal_flap (self->inspector_flap);
}

static void
hide_panel (ImpWindow *self,
            Panel      panel)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *owner = panel == PANEL_LOT ? self->parking_lot_revealer : self->inspector;

  if (panel == PANEL_OUTLINE)
    {
      /* As F8 does, so the hidden outline follows no map. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-outline", NULL);
      return;
    }

  /* The focus leaves a panel before it hides, for the map. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, owner))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  if (panel == PANEL_LOT)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->parking_lot_revealer), FALSE);
  else
    adw_flap_set_reveal_flap (self->inspector_flap, FALSE);
}

/* @shown has just been opened: if it lies over the map, it closes the
 * other panels that do. */
static void
panel_shown (ImpWindow *self,
             Panel      shown)
{
  if (!panel_over_map (self, shown))
    return;

  for (Panel panel = 0; panel < N_PANELS; panel++)
    if (panel != shown && panel_over_map (self, panel))
      hide_panel (self, panel);
}

static void
lot_revealed_cb (ImpWindow *self)
{
  panel_shown (self, PANEL_LOT);
}

static void
outline_revealed_cb (ImpWindow *self)
{
  panel_shown (self, PANEL_OUTLINE);
}

static void
inspector_revealed_cb (ImpWindow *self)
{
  panel_shown (self, PANEL_INSPECTOR);
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
  g_signal_connect_object (_imp_window_outline_get_revealer (self), "notify::reveal-child",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (_imp_window_outline_get_revealer (self), "notify::reveal-child",
                           G_CALLBACK (outline_revealed_cb), self, G_CONNECT_SWAPPED);
}
