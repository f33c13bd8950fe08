/* imp-canvas-input.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-analysis.h"
#include "imp-canvas-private.h"

/* Input */

gboolean
_imp_canvas_scroll_cb (ImpCanvas                *self,
                       double                    dx,
                       double                    dy,
                       GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  GdkScrollUnit unit;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  unit = gtk_event_controller_scroll_get_unit (controller);

  self->auto_fit = FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      double factor;
      double x, y;

      /* A wheel click is one zoom step; a touchpad scrolls in pixels and
       * zooms smoothly. */
      if (unit == GDK_SCROLL_UNIT_WHEEL)
        factor = pow (ZOOM_STEP, -dy);
      else
        factor = exp (-dy / 200.0);

      if (self->has_pointer)
        {
          x = self->pointer_x;
          y = self->pointer_y;
        }
      else
        _imp_canvas_get_view_centre (self, &x, &y);

      imp_viewport_zoom_at (self->viewport, factor, x, y);

      return GDK_EVENT_STOP;
    }

  /* A mouse without a horizontal wheel pans sideways with Shift. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      dx *= WHEEL_PAN;
      dy *= WHEEL_PAN;
    }

  imp_viewport_pan_by (self->viewport, -dx, -dy);

  return GDK_EVENT_STOP;
}

void
_imp_canvas_motion_cb (ImpCanvas                *self,
                       double                    x,
                       double                    y,
                       GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

void
_imp_canvas_leave_cb (ImpCanvas                *self,
                      GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
}

void
_imp_canvas_widget_to_map (ImpCanvas *self,
                           double     x,
                           double     y,
                           double    *map_x,
                           double    *map_y)
{
  imp_viewport_widget_to_map (self->viewport, x, y, map_x, map_y);
}

/* The card under (x, y) in map coordinates, leaving out @skip's cards: the
 * cards being dragged are under the pointer too. */
static ImpNode *
hit_card_except (ImpCanvas  *self,
                 double      x,
                 double      y,
                 GHashTable *skip)
{
  ImpNode *best = NULL;
  guint n = _imp_scene_get_n_cards (self->scene);

  for (guint i = 0; i < n; i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (self->scene, i);

      if (_imp_scene_card_is_hidden (self->scene, card))
        continue;

      if (imp_rect_contains_point (&card->rect, x, y) &&
          (skip == NULL || !g_hash_table_contains (skip, card->node)))
        best = card->node;
    }

  return best;
}

/* Whether @node may be dropped on @target: under it (moving) or linked
 * from it (a cross-link). */
static gboolean
drop_allowed (ImpCanvas  *self,
              ImpNode    *node,
              ImpNode    *target,
              GError    **error)
{
  if (self->drag_mode == DRAG_MOVE &&
      (imp_node_get_tree_parent (node) == target ||
       imp_map_find_link (self->map, target, node) != NULL))
    return TRUE;

  return imp_map_can_link (self->map, target, node, error);
}

static void
compute_drop_targets (ImpCanvas *self)
{
  guint n = _imp_scene_get_n_cards (self->scene);

  g_clear_pointer (&self->drop_legal, g_hash_table_unref);
  self->drop_legal = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      ImpNode *target = _imp_scene_get_card (self->scene, i)->node;
      gboolean legal = TRUE;

      if (_imp_scene_card_is_hidden (self->scene, _imp_scene_get_card (self->scene, i)))
        continue;

      if (g_ptr_array_find (self->drag_nodes, target, NULL))
        continue;

      for (guint j = 0; j < self->drag_nodes->len && legal; j++)
        legal = drop_allowed (self, g_ptr_array_index (self->drag_nodes, j), target, NULL);

      if (legal)
        g_hash_table_add (self->drop_legal, target);
    }
}

void
_imp_canvas_drag_begin_cb (ImpCanvas      *self,
                           double          x,
                           double          y,
                           GtkGestureDrag *gesture)
{
  GdkModifierType state;
  double map_x, map_y;

  _imp_canvas_ensure_scene (self);

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  _imp_canvas_widget_to_map (self, x, y, &map_x, &map_y);

  self->drag_x = x;
  self->drag_y = y;
  self->drag_node = self->scene != NULL ? imp_scene_hit_test (self->scene, map_x, map_y) : NULL;
  self->drag_mode = DRAG_NONE;

  if (self->scene == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_offset_x = imp_viewport_get_offset_x (self->viewport);
  self->drag_offset_y = imp_viewport_get_offset_y (self->viewport);
  self->panning = FALSE;

  /* Decide now, while the modifiers are those of the press. */
  if (self->drag_node != NULL)
    self->drag_mode = (state & GDK_CONTROL_MASK) ? DRAG_LINK : DRAG_MOVE;
  else if (state & GDK_SHIFT_MASK)
    self->drag_mode = DRAG_BAND;
  else
    self->drag_mode = DRAG_PAN;

  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_LINK) && self->history == NULL)
    self->drag_mode = DRAG_PAN;
}

static void
start_card_drag (ImpCanvas *self)
{
  GPtrArray *selected;

  if (!imp_selection_contains (self->selection, self->drag_node))
    imp_selection_select (self->selection, self->drag_node);

  g_clear_pointer (&self->drag_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->drag_origins, g_array_unref);
  self->drag_nodes = g_ptr_array_new ();
  self->drag_origins = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));

  if (self->drag_mode == DRAG_LINK)
    g_ptr_array_add (self->drag_nodes, self->drag_node);
  else
    {
      selected = imp_selection_get_nodes (self->selection);

      /* A node below another dragged one moves with its subtree already. */
      for (guint i = 0; i < selected->len; i++)
        {
          ImpNode *node = g_ptr_array_index (selected, i);
          gboolean below = FALSE;

          for (guint j = 0; j < selected->len && !below; j++)
            below = j != i && imp_map_is_ancestor (self->map, g_ptr_array_index (selected, j),
                                                   node);
          if (!below)
            g_ptr_array_add (self->drag_nodes, node);
        }
    }

  for (guint i = 0; i < self->drag_nodes->len; i++)
    {
      ImpRect rect = { 0, };
      graphene_point_t origin;

      imp_scene_get_card_rect (self->scene, g_ptr_array_index (self->drag_nodes, i), &rect);
      origin = GRAPHENE_POINT_INIT (rect.x, rect.y);
      g_array_append_val (self->drag_origins, origin);
    }

  compute_drop_targets (self);

  /* The cards that move are painted apart from the rest, which is kept. */
  if (self->drag_mode == DRAG_MOVE)
    _imp_scene_track_changes (self->scene, TRUE);

  if (self->drag_mode == DRAG_MOVE)
    imp_history_begin_group (self->history, _("Move"));
}

static void
update_band (ImpCanvas *self)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  double x0, y0;
  ImpRect band;
  guint n = _imp_scene_get_n_cards (self->scene);

  _imp_canvas_widget_to_map (self, self->drag_x, self->drag_y, &x0, &y0);
  band.x = MIN (x0, self->pointer_map_x);
  band.y = MIN (y0, self->pointer_map_y);
  band.width = fabs (x0 - self->pointer_map_x);
  band.height = fabs (y0 - self->pointer_map_y);

  for (guint i = 0; i < n; i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (self->scene, i);

      if (_imp_scene_card_is_hidden (self->scene, card))
        continue;

      if (imp_rect_intersects (&card->rect, &band))
        g_ptr_array_add (nodes, card->node);
    }

  imp_selection_set_nodes (self->selection, nodes);
}

void
_imp_canvas_drag_update_cb (ImpCanvas      *self,
                            double          offset_x,
                            double          offset_y,
                            GtkGestureDrag *gesture)
{
  double zoom = imp_viewport_get_zoom (self->viewport);

  if (self->drag_mode == DRAG_NONE)
    return;

  if (!self->panning)
    {
      int threshold = 8;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-dnd-drag-threshold", &threshold,
                    NULL);

      /* Below the threshold this is still a click. */
      if (hypot (offset_x, offset_y) < threshold)
        return;

      self->panning = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

      if (self->drag_mode == DRAG_PAN)
        {
          self->auto_fit = FALSE;
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
        }
      else if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_LINK)
        {
          imp_canvas_stop_editing (self, TRUE);
          _imp_canvas_ensure_scene (self);
          start_card_drag (self);
        }
    }

  _imp_canvas_widget_to_map (self, self->drag_x + offset_x, self->drag_y + offset_y,
                             &self->pointer_map_x, &self->pointer_map_y);

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      imp_viewport_set_offset (self->viewport,
                               self->drag_offset_x + offset_x,
                               self->drag_offset_y + offset_y);
      break;

    case DRAG_BAND:
      _imp_canvas_ensure_scene (self);
      update_band (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_MOVE:
      {
        GdkModifierType state =
          gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
        gboolean rows = imp_layout_get_kind (imp_scene_get_layout (self->scene)) ==
                        IMP_LAYOUT_DOWN;
        double dx = offset_x / zoom, dy = offset_y / zoom;

        /* A card stays in its level's column (or row) and its header stays
         * true, unless Shift frees it on purpose. */
        self->drag_freed = (state & GDK_SHIFT_MASK) != 0;
        if (!self->drag_freed && rows)
          dy = 0;
        else if (!self->drag_freed)
          dx = 0;

        for (guint i = 0; i < self->drag_nodes->len; i++)
          {
            graphene_point_t *origin = &g_array_index (self->drag_origins, graphene_point_t, i);

            imp_history_set_node_position (self->history, g_ptr_array_index (self->drag_nodes, i),
                                           TRUE,
                                           round (origin->x + dx),
                                           round (origin->y + dy));
          }
      }
      G_GNUC_FALLTHROUGH;

    case DRAG_LINK:
      {
        g_autoptr(GHashTable) skip = g_hash_table_new (NULL, NULL);
        ImpNode *target;

        _imp_canvas_ensure_scene (self);
        for (guint i = 0; i < self->drag_nodes->len; i++)
          g_hash_table_add (skip, g_ptr_array_index (self->drag_nodes, i));

        target = hit_card_except (self, self->pointer_map_x, self->pointer_map_y, skip);
        self->drop_target = target;
        if (target != NULL && !g_hash_table_contains (self->drop_legal, target))
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "not-allowed");
        else
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                           self->drag_mode == DRAG_LINK ? "alias" : "grabbing");
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
show_message (ImpCanvas  *self,
              const char *message)
{
  g_signal_emit (self, _imp_canvas_signals[MESSAGE], 0, message);
}

static void
finish_drop (ImpCanvas *self)
{
  ImpNode *target = self->drop_target;
  g_autoptr(GError) error = NULL;

  if (self->drag_mode == DRAG_LINK)
    {
      if (target != NULL &&
          !imp_history_link (self->history, target, self->drag_node, -1, &error))
        show_message (self, error->message);
      return;
    }

  if (target == NULL)
    {
      imp_history_end_group (self->history);
      if (self->drag_freed)
        show_message (self, _("Placed freely, outside its column: Tidy Up (Ctrl+L) puts it back"));
      else if (!self->drag_hint_shown)
        show_message (self, _("Cards move along their level; hold Shift while dragging to place "
                              "one freely"));
      self->drag_hint_shown = TRUE;
      return;
    }

  /* Dropped on a card: the dragged branches go under it, laid out again. */
  for (guint i = 0; i < self->drag_nodes->len; i++)
    {
      ImpNode *node = g_ptr_array_index (self->drag_nodes, i);

      if (!drop_allowed (self, node, target, &error) ||
          !imp_history_reparent (self->history, node, target, -1, &error))
        {
          imp_history_cancel_group (self->history);
          show_message (self, error->message);
          return;
        }
      imp_history_set_node_position (self->history, node, FALSE, 0, 0);
    }

  imp_history_end_group (self->history);
}

void
_imp_canvas_drag_end_cb (ImpCanvas      *self,
                         double          offset_x,
                         double          offset_y,
                         GtkGestureDrag *gesture)
{
  if (self->scene != NULL)
    _imp_scene_track_changes (self->scene, FALSE);

  if (self->panning &&
      (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_LINK))
    finish_drop (self);

  if (self->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  self->drag_mode = DRAG_NONE;
  self->drag_freed = FALSE;
  self->drop_target = NULL;
  g_clear_pointer (&self->drag_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->drag_origins, g_array_unref);
  g_clear_pointer (&self->drop_legal, g_hash_table_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* The click that ends a drag must not select: clear after it has run. */
  self->panning = FALSE;
}

void
_imp_canvas_click_pressed_cb (ImpCanvas       *self,
                              int              n_press,
                              double           x,
                              double           y,
                              GtkGestureClick *gesture)
{
  double map_x, map_y;
  ImpNode *node;

  if (n_press != 2)
    return;

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL)
    return;

  _imp_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  node = imp_scene_hit_test (self->scene, map_x, map_y);
  if (node != NULL)
    {
      imp_selection_select (self->selection, node);
      imp_canvas_start_editing (self, node, NULL);
    }
}

void
_imp_canvas_click_released_cb (ImpCanvas       *self,
                               int              n_press,
                               double           x,
                               double           y,
                               GtkGestureClick *gesture)
{
  GdkModifierType state;
  double map_x, map_y;
  ImpNode *node;

  if (self->editor == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->panning || n_press > 1)
    return;

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL)
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  _imp_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  node = imp_scene_hit_test (self->scene, map_x, map_y);

  if (node != NULL && (state & GDK_CONTROL_MASK))
    imp_selection_toggle (self->selection, node);
  else if (node != NULL && (state & GDK_SHIFT_MASK))
    imp_selection_add (self->selection, node);
  else if (node != NULL)
    imp_selection_select (self->selection, node);
  else
    {
      ImpLink *link = imp_scene_hit_test_link (self->scene, map_x, map_y,
                                               LINK_TOLERANCE /
                                               imp_viewport_get_zoom (self->viewport));

      if (link != NULL)
        imp_selection_select_link (self->selection, link);
      else if (!(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        imp_selection_clear (self->selection);
    }
}

/**
 * _imp_canvas_get_tooltip_at:
 * @x: widget x
 * @y: widget y
 *
 * Returns: (transfer full) (nullable): what hovering (@x, @y) shows: the
 *   assumption of the link there, with its status and confidence; %NULL
 *   over a card (a card wins, as a click would), empty space or a link
 *   that assumes nothing
 */
char *
_imp_canvas_get_tooltip_at (ImpCanvas *self,
                            double     x,
                            double     y)
{
  double map_x, map_y;
  ImpLink *link;

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL)
    return NULL;

  _imp_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  if (imp_scene_hit_test (self->scene, map_x, map_y) != NULL)
    return NULL;

  link = imp_scene_hit_test_link (self->scene, map_x, map_y,
                                  LINK_TOLERANCE / imp_viewport_get_zoom (self->viewport));

  return link != NULL ? imp_analysis_link_summary (link) : NULL;
}

gboolean
_imp_canvas_query_tooltip_cb (ImpCanvas  *self,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip,
                              GtkWidget  *widget)
{
  g_autofree char *summary = NULL;

  if (keyboard_mode || self->panning || (summary = _imp_canvas_get_tooltip_at (self, x, y)) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, summary);

  return TRUE;
}

void
_imp_canvas_pinch_begin_cb (ImpCanvas        *self,
                            GdkEventSequence *sequence,
                            GtkGestureZoom   *gesture)
{
  self->pinch_zoom = imp_viewport_get_zoom (self->viewport);
  self->auto_fit = FALSE;
}

void
_imp_canvas_pinch_scale_changed_cb (ImpCanvas      *self,
                                    double          scale,
                                    GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    _imp_canvas_get_view_centre (self, &x, &y);

  imp_viewport_zoom_at (self->viewport,
                        self->pinch_zoom * scale / imp_viewport_get_zoom (self->viewport),
                        x, y);
}

gboolean
_imp_canvas_unselect_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  ImpCanvas *self = IMP_CANVAS (widget);

  /* Let Escape reach whoever else wants it when there is nothing to clear. */
  if (imp_selection_is_empty (self->selection))
    return FALSE;

  imp_selection_clear (self->selection);

  return TRUE;
}
