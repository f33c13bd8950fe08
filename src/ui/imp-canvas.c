/* imp-canvas.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "imp-canvas.h"
#include "imp-canvas-a11y.h"
#include "imp-render.h"
#include "imp-scene-private.h"
#include "imp-tile-cache.h"

/* One step of keyboard, button or mouse-wheel zoom. */
#define ZOOM_STEP 1.2
/* Pixels a mouse-wheel click pans. */
#define WHEEL_PAN 64.0
/* How near a link curve a click selects it, in widget pixels. */
#define LINK_TOLERANCE 6.0

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_LINK,
  DRAG_BAND,
} DragMode;

/**
 * ImpCanvas:
 *
 * Paints an #ImpMap's scene, with zoom and pan kept in an #ImpViewport, and
 * a sticky band naming the columns at the top.
 *
 * The scene is rebuilt lazily: a change of the map or of the light/dark
 * style only marks it dirty, and the next snapshot (or anyone asking for the
 * scene) builds it again, so a burst of changes costs one rebuild.
 */
struct _ImpCanvas
{
  GtkWidget     parent_instance;

  ImpMap       *map;
  ImpScene     *scene;
  GPtrArray    *scene_changes;  /* nodes to compose again, for _imp_scene_update() */
  ImpScene     *offered_scene;  /* built elsewhere for the next map, see imp_canvas_offer_scene() */
  ImpViewport  *viewport;
  ImpThemeKind  theme_kind;
  const ImpTheme *theme;      /* of theme_kind, or the high-contrast dark one */

  ImpSelection *selection;
  ImpHistory   *history;

  /* The in-place title editor, over the card of the node it edits. */
  GtkWidget    *editor;
  char         *editing_id;
  gboolean      editing_ends_group;

  /* A drag: what it does, the card it started on, the cards it moves with
   * their map positions at the start, and the card under the pointer. */
  DragMode      drag_mode;
  ImpNode      *drag_node;
  GPtrArray    *drag_nodes;
  GArray       *drag_origins;   /* (element-type graphene_point_t) */
  GHashTable   *drop_legal;     /* ImpNode → TRUE where a drop may go */
  ImpNode      *drop_target;
  double        drag_x;
  double        drag_y;
  double        pointer_map_x;
  double        pointer_map_y;

  double        pointer_x;
  double        pointer_y;

  double        drag_offset_x;
  double        drag_offset_y;
  double        pinch_zoom;

  /* Painted pixels kept for pans and drags, filled further while idle. */
  ImpTileCache *tiles;
  guint         prefetch_id;

  guint         dirty : 1;
  guint         auto_fit : 1;
  guint         has_pointer : 1;
  guint         panning : 1;

  /* Workshop mode: a look forced over the desktop style's (-1 for none),
   * and the reveal and focus applied to every scene built. */
  int           theme_override;
  int           reveal_level;
  char         *focus_id;
};

enum {
  PROP_0,
  PROP_MAP,
  PROP_VIEWPORT,
  PROP_SELECTED,
  N_PROPS
};

enum {
  MESSAGE,
  EDIT_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpCanvas, imp_canvas, GTK_TYPE_WIDGET)

static inline GdkRGBA
to_rgba (const ImpColor *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

static const ImpTheme *
get_theme (ImpCanvas *self)
{
  if (self->theme_override >= 0)
    return imp_theme_get (self->theme_override);

  return self->theme != NULL ? self->theme : imp_theme_get (self->theme_kind);
}

/* The reveal and the focus are view state: every new scene gets them. */
static void
apply_workshop_view (ImpCanvas *self)
{
  ImpNode *focus = NULL;

  if (self->focus_id != NULL)
    {
      focus = imp_map_lookup_node (self->map, self->focus_id);
      if (focus == NULL)
        g_clear_pointer (&self->focus_id, g_free);
    }

  imp_scene_set_reveal_level (self->scene, self->reveal_level);
  imp_scene_set_focus (self->scene, focus);
}

static void
ensure_scene (ImpCanvas *self)
{
  ImpRect bounds;

  if (!self->dirty && self->scene_changes != NULL)
    {
      g_autoptr(GPtrArray) changes = g_steal_pointer (&self->scene_changes);

      /* Pins, titles and payloads: the scene follows in place. */
      if (self->scene != NULL && _imp_scene_update (self->scene, changes))
        {
          imp_scene_get_bounds (self->scene, &bounds);
          imp_viewport_set_bounds (self->viewport, &bounds);
          return;
        }
      self->dirty = TRUE;
    }

  if (!self->dirty)
    return;

  self->dirty = FALSE;
  g_clear_pointer (&self->scene_changes, g_ptr_array_unref);
  if (self->tiles != NULL)
    imp_tile_cache_clear (self->tiles);
  g_clear_object (&self->scene);

  if (self->map == NULL)
    {
      imp_viewport_set_bounds (self->viewport, NULL);
      return;
    }

  if (self->offered_scene != NULL && imp_scene_get_map (self->offered_scene) == self->map &&
      imp_scene_get_theme (self->offered_scene) == get_theme (self))
    self->scene = g_steal_pointer (&self->offered_scene);
  else
    self->scene = imp_scene_new (self->map, get_theme (self));
  g_clear_object (&self->offered_scene);
  apply_workshop_view (self);
  imp_scene_get_bounds (self->scene, &bounds);
  imp_viewport_set_bounds (self->viewport, &bounds);
}

static void
invalidate_scene (ImpCanvas *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_label (ImpCanvas *self)
{
  g_autofree char *label = NULL;
  const char *title = self->map != NULL ? imp_map_get_title (self->map) : NULL;

  if (title != NULL && title[0] != '\0')
    /* Translators: the accessible name of the drawing of a map; %s is its title */
    label = g_strdup_printf (_("Impact map “%s”"), title);
  else
    label = g_strdup (_("Impact map"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  _imp_canvas_a11y_update (self);
}

static void
fit_to_size (ImpCanvas *self,
             int        width,
             int        height)
{
  ImpRect bounds;

  if (width <= 0 || height <= 0)
    return;

  ensure_scene (self);

  if (imp_viewport_get_bounds (self->viewport, &bounds))
    {
      /* What is shown: fewer cards while levels are revealed one by one. */
      if (self->scene != NULL)
        imp_scene_get_visible_bounds (self->scene, &bounds);
      imp_viewport_fit (self->viewport, &bounds, width, height);
    }
}

static void
fit (ImpCanvas *self)
{
  fit_to_size (self,
               gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The point keyboard and button zoom keep fixed: the middle of the map area. */
static void
get_view_centre (ImpCanvas *self,
                 double    *x,
                 double    *y)
{
  double top = imp_viewport_get_top_inset (self->viewport);
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *y = top + MAX (0.0, height - top) / 2.0;
}

static void
zoom_by (ImpCanvas *self,
         double     factor)
{
  double x, y;

  get_view_centre (self, &x, &y);
  self->auto_fit = FALSE;
  imp_viewport_zoom_at (self->viewport, factor, x, y);
}

/* Whether the scene can follow @kind in place (see _imp_scene_update()),
 * noting what it must compose again; anything else rebuilds it. */
static gboolean
note_scene_change (ImpCanvas     *self,
                   ImpChangeKind  kind,
                   gpointer       object)
{
  ImpNode *node = object;
  const ImpSceneCard *card;

  if (self->dirty || self->scene == NULL || node == NULL)
    return FALSE;

  if (self->scene_changes == NULL)
    self->scene_changes = g_ptr_array_new ();

  if (kind == IMP_CHANGE_NODE_POSITION)
    return TRUE;
  if (kind != IMP_CHANGE_NODE_TEXT && kind != IMP_CHANGE_NODE_PAYLOAD &&
      kind != IMP_CHANGE_NODE_VOTES)
    return FALSE;

  /* A new level moves the card to another column; a hidden card is rare. */
  card = _imp_scene_find_card (self->scene, node);
  if (card == NULL || card->level != node->level)
    return FALSE;

  g_ptr_array_add (self->scene_changes, node);
  /* An experiment's result shows on its deliverable's card. */
  if (kind == IMP_CHANGE_NODE_PAYLOAD)
    {
      for (guint i = 0; i < node->parents->len; i++)
        g_ptr_array_add (self->scene_changes,
                         ((ImpLink *) g_ptr_array_index (node->parents, i))->parent);
      for (guint i = 0; i < node->children->len; i++)
        g_ptr_array_add (self->scene_changes,
                         ((ImpLink *) g_ptr_array_index (node->children, i))->child);
    }

  return TRUE;
}

static void
map_changed_cb (ImpCanvas     *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  g_assert (IMP_IS_CANVAS (self));
  g_assert (IMP_IS_MAP (map));

  if (self->editing_id != NULL &&
      imp_map_lookup_node (self->map, self->editing_id) == NULL)
    imp_canvas_stop_editing (self, FALSE);

  /* The parking lot is not on the map: nothing to draw again. */
  if (kind == IMP_CHANGE_PARKING_LOT)
    return;

  if (note_scene_change (self, kind, object))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    invalidate_scene (self);
  _imp_canvas_a11y_update (self);
}

static void
map_title_changed_cb (ImpCanvas  *self,
                      GParamSpec *pspec,
                      ImpMap     *map)
{
  update_accessible_label (self);
}

static void
dark_changed_cb (ImpCanvas       *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  ImpThemeKind kind;
  const ImpTheme *theme;

  kind = imp_canvas_theme_kind_for (adw_style_manager_get_dark (style_manager),
                                     adw_style_manager_get_high_contrast (style_manager));
  theme = imp_canvas_theme_for (adw_style_manager_get_dark (style_manager),
                                adw_style_manager_get_high_contrast (style_manager));
  if (kind == self->theme_kind && theme == self->theme)
    return;

  self->theme_kind = kind;
  self->theme = theme;
  invalidate_scene (self);
}

static void
viewport_notify_cb (ImpCanvas   *self,
                    GParamSpec  *pspec,
                    ImpViewport *viewport)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Input */

static gboolean
scroll_cb (ImpCanvas                *self,
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
        get_view_centre (self, &x, &y);

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

static void
motion_cb (ImpCanvas                *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
leave_cb (ImpCanvas                *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
}

static void
widget_to_map (ImpCanvas *self,
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

static void
drag_begin_cb (ImpCanvas      *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state;
  double map_x, map_y;

  ensure_scene (self);

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  widget_to_map (self, x, y, &map_x, &map_y);

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

  widget_to_map (self, self->drag_x, self->drag_y, &x0, &y0);
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

static void
drag_update_cb (ImpCanvas      *self,
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
          ensure_scene (self);
          start_card_drag (self);
        }
    }

  widget_to_map (self, self->drag_x + offset_x, self->drag_y + offset_y,
                 &self->pointer_map_x, &self->pointer_map_y);

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      imp_viewport_set_offset (self->viewport,
                               self->drag_offset_x + offset_x,
                               self->drag_offset_y + offset_y);
      break;

    case DRAG_BAND:
      ensure_scene (self);
      update_band (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_MOVE:
      for (guint i = 0; i < self->drag_nodes->len; i++)
        {
          graphene_point_t *origin = &g_array_index (self->drag_origins, graphene_point_t, i);

          imp_history_set_node_position (self->history, g_ptr_array_index (self->drag_nodes, i),
                                         TRUE,
                                         round (origin->x + offset_x / zoom),
                                         round (origin->y + offset_y / zoom));
        }
      G_GNUC_FALLTHROUGH;

    case DRAG_LINK:
      {
        g_autoptr(GHashTable) skip = g_hash_table_new (NULL, NULL);
        ImpNode *target;

        ensure_scene (self);
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
  g_signal_emit (self, signals[MESSAGE], 0, message);
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

static void
drag_end_cb (ImpCanvas      *self,
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
  self->drop_target = NULL;
  g_clear_pointer (&self->drag_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->drag_origins, g_array_unref);
  g_clear_pointer (&self->drop_legal, g_hash_table_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* The click that ends a drag must not select: clear after it has run. */
  self->panning = FALSE;
}

static void
click_pressed_cb (ImpCanvas       *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  double map_x, map_y;
  ImpNode *node;

  if (n_press != 2)
    return;

  ensure_scene (self);
  if (self->scene == NULL)
    return;

  widget_to_map (self, x, y, &map_x, &map_y);
  node = imp_scene_hit_test (self->scene, map_x, map_y);
  if (node != NULL)
    {
      imp_selection_select (self->selection, node);
      imp_canvas_start_editing (self, node, NULL);
    }
}

static void
click_released_cb (ImpCanvas       *self,
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

  ensure_scene (self);
  if (self->scene == NULL)
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  widget_to_map (self, x, y, &map_x, &map_y);
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

static void
pinch_begin_cb (ImpCanvas        *self,
                GdkEventSequence *sequence,
                GtkGestureZoom   *gesture)
{
  self->pinch_zoom = imp_viewport_get_zoom (self->viewport);
  self->auto_fit = FALSE;
}

static void
pinch_scale_changed_cb (ImpCanvas      *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    get_view_centre (self, &x, &y);

  imp_viewport_zoom_at (self->viewport,
                        self->pinch_zoom * scale / imp_viewport_get_zoom (self->viewport),
                        x, y);
}

static gboolean
unselect_cb (GtkWidget *widget,
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

/* The in-place editor */

static void
editor_commit (ImpCanvas *self)
{
  imp_canvas_stop_editing (self, TRUE);
}

static gboolean
editor_key_pressed_cb (ImpCanvas             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      imp_canvas_stop_editing (self, FALSE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
editor_focus_leave_cb (ImpCanvas               *self,
                       GtkEventControllerFocus *controller)
{
  /* Clicking elsewhere keeps what was typed, as in every mind-map app. */
  if (self->editor != NULL)
    imp_canvas_stop_editing (self, TRUE);
}

static void
place_editor (ImpCanvas *self)
{
  const ImpSceneCard *card;
  const ImpSceneText *title = NULL;
  ImpNode *node;
  ImpRect rect;
  GtkRequisition natural;
  double x, y, zoom, centre_y;
  int width, height;

  if (self->editor == NULL || self->map == NULL)
    return;

  node = imp_map_lookup_node (self->map, self->editing_id);
  ensure_scene (self);
  if (node == NULL || self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  zoom = imp_viewport_get_zoom (self->viewport);

  /* The entry takes the place and the size of the title it edits. */
  card = _imp_scene_find_card (self->scene, node);
  for (guint i = 0; card != NULL && i < card->n_texts; i++)
    {
      const ImpSceneText *t = _imp_scene_get_text (self->scene, card->first_text + i);

      if (title == NULL || t->size > title->size)
        title = t;
    }

  if (title != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (title->size * zoom *
                                                                   PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (title->weight));
      gtk_entry_set_attributes (GTK_ENTRY (self->editor), attrs);
      pango_attr_list_unref (attrs);
      centre_y = title->y - title->size * 0.35;
    }
  else
    centre_y = rect.y + rect.height / 2;

  imp_viewport_map_to_widget (self->viewport, rect.x + 8, centre_y, &x, &y);
  gtk_widget_get_preferred_size (self->editor, NULL, &natural);
  width = MAX (160, (int) ((rect.width - 12) * zoom));
  height = natural.height;

  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) x, (int) (y - height / 2.0), width, height },
                            -1);
}

/* Drawing */

static void
append_rounded_rect (GtkSnapshot    *snapshot,
                     double          x,
                     double          y,
                     double          width,
                     double          height,
                     double          radius,
                     const GdkRGBA  *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

/* The sticky band naming each column, drawn over the map: labels follow
 * their columns sideways but stay at the top, and stay on screen as long as
 * part of their column does. */
static void
snapshot_headers (ImpCanvas   *self,
                  GtkSnapshot *snapshot,
                  int          width)
{
  const ImpTheme *theme = get_theme (self);
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  GdkRGBA band = to_rgba (&theme->header_background);
  GdkRGBA text = to_rgba (&theme->header_text);
  GdkRGBA rule = to_rgba (&theme->text_dim);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  const PangoFontDescription *base_font;
  PangoFontDescription *font;
  double zoom = imp_viewport_get_zoom (self->viewport);
  double height = IMP_CANVAS_HEADER_HEIGHT;
  guint n_columns = imp_scene_get_n_columns (self->scene);

  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rule.alpha *= 0.35;
  gtk_snapshot_append_color (snapshot, &rule, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  base_font = pango_context_get_font_description (pango_layout_get_context (layout));
  font = pango_font_description_copy (base_font);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  /* Column names are read from the back of the room too. */
  pango_font_description_set_absolute_size (font, (theme->kind == IMP_THEME_PROJECTOR ? 20 : 13) *
                                                  PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *label = NULL;
      ImpLevel level;
      GdkRGBA accent, column_text;
      double col_x, col_width;
      double x0, x1;
      double dot = 8, gap = 8;
      double avail;
      double group_width;
      double ideal, left;
      int text_width, text_height;

      imp_scene_get_column (self->scene, i, &level, &col_x, &col_width);
      imp_viewport_map_to_widget (self->viewport, col_x, 0, &x0, NULL);
      x1 = x0 + col_width * zoom;

      if (x1 <= 0 || x0 >= width)
        continue;

      accent = to_rgba (&theme->level_accent[level]);

      /* Levels still to be revealed are named, faintly. */
      column_text = text;
      if (self->reveal_level >= 0 && (int) level > self->reveal_level)
        {
          accent.alpha *= 0.3;
          column_text.alpha *= 0.35;
        }

      /* An accent rule under the column ties the name to its cards. */
      append_rounded_rect (snapshot, x0, height - 3, x1 - x0, 3, 1.5, &accent);

      /* Names may spill into the gap between columns, never further. */
      avail = (col_width + IMP_LAYOUT_COLUMN_GAP * 0.8) * zoom - 16;
      if (avail < dot)
        continue;

      label = g_utf8_strup (imp_vocabulary_level_name (vocabulary, level), -1);
      pango_layout_set_text (layout, label, -1);
      pango_layout_set_width (layout, -1);

      if (avail >= dot + gap + 3 * 13)
        {
          pango_layout_set_width (layout, (int) ((avail - dot - gap) * PANGO_SCALE));
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          group_width = dot + gap + text_width;
        }
      else
        {
          /* Too narrow for a name: the dot alone still marks the column. */
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          text_width = 0;
          group_width = dot;
        }

      /* Centred over the column, but sticky: a column partly scrolled out
       * keeps its name on screen until the column itself pushes it out. */
      ideal = (x0 + x1 - group_width) / 2;
      left = MAX (ideal, 8);
      left = MIN (left, MAX (ideal, x1 - group_width));
      left = MIN (left, width - 8 - group_width);
      left = MAX (left, MIN (ideal, x0));

      append_rounded_rect (snapshot,
                           left, (height - dot) / 2 - 1, dot, dot, dot / 2,
                           &accent);

      if (text_width > 0)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (left + dot + gap,
                                                        (int) ((height - text_height) / 2 - 1)));
          gtk_snapshot_append_layout (snapshot, layout, &column_text);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
snapshot_selection (ImpCanvas *self,
                    cairo_t   *cr,
                    double     scale)
{
  GPtrArray *nodes = imp_selection_get_nodes (self->selection);
  ImpLink *link = imp_selection_get_link (self->selection);

  for (guint i = 0; i < nodes->len; i++)
    imp_render_selection (self->scene, cr, g_ptr_array_index (nodes, i), scale);

  if (link != NULL)
    {
      guint n = _imp_scene_get_n_links (self->scene);
      GdkRGBA accent;

      adw_style_manager_get_dark (adw_style_manager_get_default ())
        ? gdk_rgba_parse (&accent, "#78aeed") : gdk_rgba_parse (&accent, "#3584e4");

      for (guint i = 0; i < n; i++)
        {
          const ImpSceneLink *l = _imp_scene_get_link (self->scene, i);

          if (l->link != link)
            continue;

          /* A wide halo under the curve, like the outline of a selected card. */
          cairo_save (cr);
          cairo_move_to (cr, l->x0, l->y0);
          cairo_curve_to (cr, l->x1, l->y1, l->x2, l->y2, l->x3, l->y3);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.35);
          cairo_set_line_width (cr, l->width + 8);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
          cairo_set_line_width (cr, MAX (l->width, 2.5));
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

static void
outline_card (cairo_t       *cr,
              const ImpRect *rect,
              double         inset,
              double         width,
              double         r,
              double         g,
              double         b,
              double         alpha)
{
  double radius = 10;
  double x = rect->x - inset, y = rect->y - inset;
  double w = rect->width + 2 * inset, h = rect->height + 2 * inset;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, r, g, b, alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* While a card is dragged, where it may go is outlined in green, the card
 * under the pointer more boldly, and a card it may not go to in red. */
static void
snapshot_drag (ImpCanvas *self,
               cairo_t   *cr,
               double     zoom)
{
  double line = 1 / zoom;

  if (self->drag_mode == DRAG_BAND && self->panning)
    {
      double x0, y0;

      widget_to_map (self, self->drag_x, self->drag_y, &x0, &y0);
      cairo_rectangle (cr, MIN (x0, self->pointer_map_x), MIN (y0, self->pointer_map_y),
                       fabs (x0 - self->pointer_map_x), fabs (y0 - self->pointer_map_y));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
      return;
    }

  if ((self->drag_mode != DRAG_MOVE && self->drag_mode != DRAG_LINK) || !self->panning ||
      self->drop_legal == NULL)
    return;

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->drop_legal);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        ImpRect rect;

        if (key != self->drop_target && imp_scene_get_card_rect (self->scene, key, &rect))
          outline_card (cr, &rect, 4, 2 * line, 0.2, 0.82, 0.48, 0.6);
      }
  }

  if (self->drag_mode == DRAG_LINK)
    {
      ImpRect rect;

      if (imp_scene_get_card_rect (self->scene, self->drag_node, &rect))
        {
          double dashes[] = { 6 * line, 4 * line };

          cairo_move_to (cr, rect.x + rect.width, rect.y + rect.height / 2);
          cairo_line_to (cr, self->pointer_map_x, self->pointer_map_y);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 2 * line);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  if (self->drop_target != NULL)
    {
      ImpRect rect;

      if (imp_scene_get_card_rect (self->scene, self->drop_target, &rect))
        {
          if (g_hash_table_contains (self->drop_legal, self->drop_target))
            outline_card (cr, &rect, 5, 4 * line, 0.2, 0.82, 0.48, 1);
          else
            {
              /* Refused: a red outline and a cross over the card. */
              outline_card (cr, &rect, 5, 4 * line, 0.88, 0.11, 0.14, 1);
              cairo_move_to (cr, rect.x + rect.width / 2 - 10, rect.y + rect.height / 2 - 10);
              cairo_rel_line_to (cr, 20, 20);
              cairo_move_to (cr, rect.x + rect.width / 2 + 10, rect.y + rect.height / 2 - 10);
              cairo_rel_line_to (cr, -20, 20);
              cairo_set_line_width (cr, 4 * line);
              cairo_stroke (cr);
            }
        }
    }
}

/* Time to first frame (IMP_FIRST_FRAME_EXIT): one hook for the process,
 * called once after the first frame that showed a map has been painted. */
static ImpCanvasFrameFunc first_frame_func;
static gpointer first_frame_data;

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        ImpCanvas     *self)
{
  ImpCanvasFrameFunc func = first_frame_func;

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  first_frame_func = NULL;
  if (func != NULL)
    func (self, first_frame_data);
}

/* After a frame, the tiles it lacked, and a ring around it, are painted
 * one per idle turn, so that the next frames of a pan only copy them. */
static gboolean
prefetch_cb (gpointer data)
{
  ImpCanvas *self = data;

  if (self->dirty || self->scene_changes != NULL || !imp_tile_cache_prefetch (self->tiles))
    {
      self->prefetch_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
imp_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  ImpCanvas *self = IMP_CANVAS (widget);
  const ImpTheme *theme = get_theme (self);
  GdkRGBA background = to_rgba (&theme->background);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  double zoom;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_scene (self);

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->scene == NULL)
    return;

  zoom = imp_viewport_get_zoom (self->viewport);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Kept tiles are device pixels: painted 1:1 wherever the view lies. */
  cairo_save (cr);
  cairo_scale (cr, 1.0 / scale_factor, 1.0 / scale_factor);
  imp_tile_cache_paint (self->tiles, self->scene, cr, zoom * scale_factor,
                        imp_viewport_get_offset_x (self->viewport) * scale_factor,
                        imp_viewport_get_offset_y (self->viewport) * scale_factor,
                        width * scale_factor, height * scale_factor);
  cairo_restore (cr);
  if (self->prefetch_id == 0)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);

  cairo_translate (cr,
                   imp_viewport_get_offset_x (self->viewport),
                   imp_viewport_get_offset_y (self->viewport));
  cairo_scale (cr, zoom, zoom);

  snapshot_selection (self, cr, zoom * gtk_widget_get_scale_factor (widget));
  snapshot_drag (self, cr, zoom);

  cairo_destroy (cr);

  snapshot_headers (self, snapshot, width);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);

  /* The snapshot is only a recipe: the frame counts once it is painted. */
  if (first_frame_func != NULL && gtk_widget_get_frame_clock (widget) != NULL &&
      g_signal_handler_find (gtk_widget_get_frame_clock (widget), G_SIGNAL_MATCH_FUNC,
                             0, 0, NULL, first_frame_painted_cb, NULL) == 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_painted_cb), self, 0);
}

static void
selection_changed_cb (ImpCanvas    *self,
                      ImpSelection *selection)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  _imp_canvas_a11y_update (self);
}

static void
imp_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  ImpCanvas *self = IMP_CANVAS (widget);

  imp_viewport_set_size (self->viewport, width, height);

  /* Until the user moves the view, it follows the window: the map is fitted
   * when first shown and at every resize. */
  if (self->auto_fit)
    fit_to_size (self, width, height);

  place_editor (self);

  /* Popovers on the canvas (find) follow it. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
imp_canvas_dispose (GObject *object)
{
  ImpCanvas *self = IMP_CANVAS (object);

  if (self->editor != NULL)
    {
      g_clear_pointer (&self->editing_id, g_free);
      g_clear_pointer (&self->editor, gtk_widget_unparent);
    }
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->history);
  g_clear_pointer (&self->drag_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->drag_origins, g_array_unref);
  g_clear_pointer (&self->drop_legal, g_hash_table_unref);
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  g_clear_pointer (&self->tiles, imp_tile_cache_free);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->scene_changes, g_ptr_array_unref);
  g_clear_object (&self->offered_scene);
  g_clear_object (&self->map);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (imp_canvas_parent_class)->dispose (object);
}

static void
imp_canvas_finalize (GObject *object)
{
  ImpCanvas *self = IMP_CANVAS (object);

  g_clear_object (&self->viewport);

  G_OBJECT_CLASS (imp_canvas_parent_class)->finalize (object);
}

static void
imp_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ImpCanvas *self = IMP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    case PROP_SELECTED:
      g_value_set_pointer (value, imp_canvas_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ImpCanvas *self = IMP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MAP:
      imp_canvas_set_map (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      imp_canvas_set_selected (self, g_value_get_pointer (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_canvas_class_init (ImpCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_canvas_dispose;
  object_class->finalize = imp_canvas_finalize;
  object_class->get_property = imp_canvas_get_property;
  object_class->set_property = imp_canvas_set_property;

  widget_class->snapshot = imp_canvas_snapshot;
  widget_class->size_allocate = imp_canvas_size_allocate;

  /**
   * ImpCanvas:map:
   *
   * The map shown, or %NULL.
   */
  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         IMP_TYPE_MAP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ImpCanvas:viewport:
   *
   * The zoom and pan of the view.
   */
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL,
                         IMP_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ImpCanvas:selected:
   *
   * The selected #ImpNode of the map, or %NULL. The map owns it.
   */
  properties[PROP_SELECTED] =
    g_param_spec_pointer ("selected", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ImpCanvas::message:
   * @message: a sentence for the user, e.g. why a drop was refused
   *
   * Emitted when an edit made on the canvas was refused.
   */
  signals[MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ImpCanvas::edit-committed:
   *
   * Emitted after the in-place editor was closed with its text kept.
   */
  signals[EDIT_COMMITTED] =
    g_signal_new ("edit-committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, unselect_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "impcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ensure_editor_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  /* Opaque, so the title being replaced does not show through. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "entry.imp-card-editor {"
                                   "  background-color: @view_bg_color;"
                                   "  color: @view_fg_color;"
                                   "  min-height: 0;"
                                   "  padding: 2px 6px;"
                                   "}", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
imp_canvas_init (ImpCanvas *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkGesture *gesture;

  self->tiles = imp_tile_cache_new ();
  self->selection = imp_selection_new ();
  g_signal_connect_object (self->selection, "changed",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->viewport = imp_viewport_new ();
  imp_viewport_set_top_inset (self->viewport, IMP_CANVAS_HEADER_HEIGHT);
  g_signal_connect_object (self->viewport, "notify",
                           G_CALLBACK (viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);

  self->theme_kind = imp_canvas_theme_kind_for (adw_style_manager_get_dark (style_manager),
                                                 adw_style_manager_get_high_contrast (style_manager));
  self->theme = imp_canvas_theme_for (adw_style_manager_get_dark (style_manager),
                                      adw_style_manager_get_high_contrast (style_manager));
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->auto_fit = TRUE;
  self->dirty = TRUE;
  self->theme_override = -1;
  self->reveal_level = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll",
                           G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter",
                           G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion",
                           G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin",
                           G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update",
                           G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end",
                           G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "pressed",
                           G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released",
                           G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin",
                           G_CALLBACK (pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed",
                           G_CALLBACK (pinch_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_accessible_label (self);
}

/**
 * imp_canvas_new:
 *
 * Returns: (transfer floating): a canvas showing no map
 */
GtkWidget *
imp_canvas_new (void)
{
  return g_object_new (IMP_TYPE_CANVAS, NULL);
}

/**
 * imp_canvas_get_map:
 *
 * Returns: (transfer none) (nullable): the map shown
 */
ImpMap *
imp_canvas_get_map (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->map;
}

/**
 * imp_canvas_set_map:
 * @map: (nullable): the map to show
 *
 * Shows @map, fitted to the widget, with nothing selected.
 */
void
imp_canvas_set_map (ImpCanvas *self,
                    ImpMap    *map)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (map == NULL || IMP_IS_MAP (map));

  if (self->map == map)
    return;

  imp_canvas_stop_editing (self, FALSE);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);

  g_set_object (&self->map, map);
  imp_selection_set_map (self->selection, map);

  if (self->map != NULL)
    {
      g_signal_connect_object (self->map, "changed",
                               G_CALLBACK (map_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->map, "notify::title",
                               G_CALLBACK (map_title_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  invalidate_scene (self);
  self->auto_fit = TRUE;
  fit (self);
  update_accessible_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
}

/**
 * imp_canvas_get_viewport:
 *
 * Returns: (transfer none): the canvas' view state
 */
ImpViewport *
imp_canvas_get_viewport (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->viewport;
}

/**
 * imp_canvas_get_scene:
 *
 * Gets the scene painted, built now if the map changed since the last frame.
 *
 * Returns: (transfer none) (nullable): the scene, or %NULL with no map
 */
ImpScene *
imp_canvas_get_scene (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  ensure_scene (self);

  return self->scene;
}

/**
 * imp_canvas_get_theme_kind:
 *
 * Returns: the look the canvas paints with, following the desktop style
 */
ImpThemeKind
imp_canvas_get_theme_kind (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), IMP_THEME_LIGHT);

  if (self->theme_override >= 0)
    return self->theme_override;

  return self->theme_kind;
}

/**
 * imp_canvas_get_selected:
 *
 * Returns: (transfer none) (nullable): the primary selected node
 */
ImpNode *
imp_canvas_get_selected (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return imp_selection_get_primary (self->selection);
}

/**
 * imp_canvas_set_selected:
 * @node: (nullable): a node of the canvas' map, or %NULL to clear
 *
 * Selects @node alone.
 */
void
imp_canvas_set_selected (ImpCanvas *self,
                         ImpNode   *node)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node == NULL || self->map != NULL);

  imp_selection_select (self->selection, node);
}

/**
 * imp_canvas_get_selection:
 *
 * Returns: (transfer none): what is selected in the canvas
 */
ImpSelection *
imp_canvas_get_selection (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->selection;
}

/**
 * imp_canvas_set_history:
 * @history: (nullable): the history edits on the canvas go through
 *
 * Without a history the canvas only views: cards cannot be dragged.
 */
void
imp_canvas_set_history (ImpCanvas  *self,
                        ImpHistory *history)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (history == NULL || IMP_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

/**
 * imp_canvas_get_history:
 *
 * Returns: (transfer none) (nullable): the history set with imp_canvas_set_history()
 */
ImpHistory *
imp_canvas_get_history (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->history;
}

/**
 * imp_canvas_start_editing:
 * @node: the node whose title to edit
 * @text: (nullable): the text to start from, e.g. the key typed, or %NULL
 *   for the current title, all selected
 *
 * Opens an entry over @node's card. Enter keeps the text (through the
 * history), Escape throws it away.
 */
void
imp_canvas_start_editing (ImpCanvas  *self,
                          ImpNode    *node,
                          const char *text)
{
  GtkEventController *controller;
  GtkWidget *entry;

  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  imp_canvas_stop_editing (self, TRUE);

  if (self->history == NULL)
    return;

  ensure_editor_style ();
  entry = gtk_entry_new ();
  gtk_widget_add_css_class (entry, "imp-card-editor");
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : node->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  g_signal_connect_object (entry, "activate",
                           G_CALLBACK (editor_commit), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (editor_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (editor_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, controller);

  self->editing_id = g_strdup (node->id);
  self->editor = entry;
  gtk_widget_set_parent (entry, GTK_WIDGET (self));
  place_editor (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  gtk_widget_grab_focus (entry);
  if (text != NULL)
    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static gboolean
unparent_editor_cb (gpointer data)
{
  GtkWidget *editor = data;

  if (gtk_widget_get_parent (editor) != NULL)
    gtk_widget_unparent (editor);

  return G_SOURCE_REMOVE;
}

/**
 * imp_canvas_start_editing_new:
 * @node: a node just added inside a history group the caller began
 *
 * Like imp_canvas_start_editing() with an empty title, and ends the group
 * when the editor closes, so that adding a card and naming it is one step.
 */
void
imp_canvas_start_editing_new (ImpCanvas *self,
                              ImpNode   *node,
                              const char *text)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  imp_canvas_start_editing (self, node, text != NULL ? text : "");

  if (self->editor != NULL)
    self->editing_ends_group = TRUE;
  else if (self->history != NULL)
    imp_history_end_group (self->history);
}

/**
 * imp_canvas_stop_editing:
 * @commit: whether to keep the text typed
 *
 * Closes the in-place editor, if open.
 */
void
imp_canvas_stop_editing (ImpCanvas *self,
                         gboolean   commit)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  GtkWidget *editor;
  ImpNode *node;

  g_return_if_fail (IMP_IS_CANVAS (self));

  if (self->editor == NULL)
    return;

  /* Cleared first: unparenting moves the focus, which calls us again. */
  editor = g_steal_pointer (&self->editor);
  id = g_steal_pointer (&self->editing_id);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));

  if (gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (editor) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  /* This may run inside the entry's own key handling (Enter, Escape):
   * take it away once that is over, not from under it. */
  gtk_widget_set_visible (editor, FALSE);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, unparent_editor_cb, g_object_ref (editor),
                   g_object_unref);

  node = self->map != NULL ? imp_map_lookup_node (self->map, id) : NULL;
  if (commit && node != NULL && self->history != NULL)
    {
      /* An in-place edit is one step, even right after another. */
      imp_history_seal (self->history);
      imp_history_set_node_title (self->history, node, g_strstrip (text));
      imp_history_seal (self->history);
    }

  /* A new card and its first title are one step. */
  if (self->editing_ends_group)
    {
      self->editing_ends_group = FALSE;
      if (self->history != NULL)
        imp_history_end_group (self->history);
    }

  if (commit && node != NULL)
    g_signal_emit (self, signals[EDIT_COMMITTED], 0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * imp_canvas_is_editing:
 *
 * Returns: whether the in-place title editor is open
 */
gboolean
imp_canvas_is_editing (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), FALSE);

  return self->editor != NULL;
}

/**
 * imp_canvas_get_editor:
 *
 * Returns: (transfer none) (nullable): the in-place editor's entry, if open
 */
GtkWidget *
imp_canvas_get_editor (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->editor;
}

/**
 * imp_canvas_scroll_to_node:
 *
 * Pans, without zooming, so that @node's card is in view.
 */
void
imp_canvas_scroll_to_node (ImpCanvas *self,
                           ImpNode   *node)
{
  ImpRect rect, visible;
  double zoom, dx = 0, dy = 0;

  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  ensure_scene (self);
  if (self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  zoom = imp_viewport_get_zoom (self->viewport);
  imp_viewport_get_visible_rect (self->viewport, &visible);
  if (visible.width <= 0 || visible.height <= 0)
    return;

  if (rect.x < visible.x)
    dx = visible.x - rect.x + 24 / zoom;
  else if (rect.x + rect.width > visible.x + visible.width)
    dx = visible.x + visible.width - rect.x - rect.width - 24 / zoom;
  if (rect.y < visible.y)
    dy = visible.y - rect.y + 24 / zoom;
  else if (rect.y + rect.height > visible.y + visible.height)
    dy = visible.y + visible.height - rect.y - rect.height - 24 / zoom;

  if (dx != 0 || dy != 0)
    {
      self->auto_fit = FALSE;
      imp_viewport_pan_by (self->viewport, dx * zoom, dy * zoom);
    }
}

/**
 * imp_canvas_centre_on_node:
 *
 * Pans so that @node's card is in the middle of the view (find).
 */
void
imp_canvas_centre_on_node (ImpCanvas *self,
                           ImpNode   *node)
{
  ImpRect rect;
  double cx, cy, wx, wy;

  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  ensure_scene (self);
  if (self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  get_view_centre (self, &cx, &cy);
  imp_viewport_map_to_widget (self->viewport, rect.x + rect.width / 2, rect.y + rect.height / 2,
                              &wx, &wy);
  self->auto_fit = FALSE;
  imp_viewport_pan_by (self->viewport, cx - wx, cy - wy);
}

/**
 * imp_canvas_zoom_to_selection:
 *
 * Zooms and pans to show the selected cards, or the whole map when none is.
 */
void
imp_canvas_zoom_to_selection (ImpCanvas *self)
{
  GPtrArray *nodes;
  ImpRect bounds = { 0, };
  gboolean any = FALSE;

  g_return_if_fail (IMP_IS_CANVAS (self));

  ensure_scene (self);
  nodes = imp_selection_get_nodes (self->selection);
  if (self->scene == NULL || nodes->len == 0)
    {
      imp_canvas_zoom_fit (self);
      return;
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      ImpRect rect;

      if (!imp_scene_get_card_rect (self->scene, g_ptr_array_index (nodes, i), &rect))
        continue;

      if (!any)
        bounds = rect;
      else
        {
          double x1 = MAX (bounds.x + bounds.width, rect.x + rect.width);
          double y1 = MAX (bounds.y + bounds.height, rect.y + rect.height);

          bounds.x = MIN (bounds.x, rect.x);
          bounds.y = MIN (bounds.y, rect.y);
          bounds.width = x1 - bounds.x;
          bounds.height = y1 - bounds.y;
        }
      any = TRUE;
    }

  if (!any)
    return;

  self->auto_fit = FALSE;
  imp_viewport_fit (self->viewport, &bounds,
                    gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)));
}

void
imp_canvas_zoom_in (ImpCanvas *self)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  zoom_by (self, ZOOM_STEP);
}

void
imp_canvas_zoom_out (ImpCanvas *self)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  zoom_by (self, 1 / ZOOM_STEP);
}

/**
 * imp_canvas_zoom_reset:
 *
 * Shows the map at 100 %, keeping the middle of the view in place.
 */
void
imp_canvas_zoom_reset (ImpCanvas *self)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  zoom_by (self, 1 / imp_viewport_get_zoom (self->viewport));
}

/**
 * imp_canvas_zoom_fit:
 *
 * Zooms and pans to show the whole map, and keeps it fitted as the widget
 * resizes until the user moves the view.
 */
void
imp_canvas_zoom_fit (ImpCanvas *self)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  self->auto_fit = TRUE;
  fit (self);
}

/**
 * imp_canvas_set_first_frame_func:
 * @func: (nullable): called once, after the first painted frame that shows a map
 * @user_data: data for @func
 *
 * Lets the whole app be timed from launch to its first drawn map
 * (`IMP_FIRST_FRAME_EXIT=1`). One hook for the process, fired by whichever
 * canvas paints a map first.
 */
void
imp_canvas_set_first_frame_func (ImpCanvasFrameFunc func,
                                 gpointer           user_data)
{
  first_frame_func = func;
  first_frame_data = user_data;
}

/**
 * imp_canvas_offer_scene:
 * @scene: (nullable): a scene of the map about to be set, built elsewhere
 *   (in a worker thread while the file loaded)
 *
 * Lets the canvas use @scene instead of building its own when it next
 * needs one, provided it shows the same map in the canvas's theme.
 */
void
imp_canvas_offer_scene (ImpCanvas *self,
                        ImpScene  *scene)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (scene == NULL || IMP_IS_SCENE (scene));

  g_set_object (&self->offered_scene, scene);
}

/**
 * imp_canvas_set_theme_override:
 * @kind: the look to paint with, or -1 to follow the desktop style again
 *
 * Forces a look over the desktop's light, dark or high-contrast style, as
 * presentation mode does with the projector theme. The document is not
 * touched: the look is view state.
 */
void
imp_canvas_set_theme_override (ImpCanvas *self,
                               int        kind)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (kind >= -1 && kind <= IMP_THEME_PROJECTOR);

  if (self->theme_override == kind)
    return;

  self->theme_override = kind;
  invalidate_scene (self);
  if (self->auto_fit)
    fit (self);
}

/**
 * imp_canvas_get_theme_override:
 *
 * Returns: the look forced with imp_canvas_set_theme_override(), or -1
 */
int
imp_canvas_get_theme_override (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), -1);

  return self->theme_override;
}

/**
 * imp_canvas_set_reveal_level:
 * @level: the deepest level shown, or -1 for every level
 *
 * Shows the map level by level, as in a workshop: deeper cards are hidden
 * (their places kept) and the view is fitted to what is shown.
 */
void
imp_canvas_set_reveal_level (ImpCanvas *self,
                             int        level)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  level = level < 0 ? -1 : MIN (level, IMP_N_LEVELS - 1);
  if (self->scene != NULL)
    imp_scene_set_reveal_level (self->scene, level);
  if (self->reveal_level != level)
    {
      self->reveal_level = level;
      _imp_canvas_a11y_update (self);
    }

  imp_canvas_zoom_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * imp_canvas_get_reveal_level:
 *
 * Returns: the deepest level shown, or -1 when every level is
 */
int
imp_canvas_get_reveal_level (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), -1);

  return self->reveal_level;
}

/**
 * imp_canvas_set_focus:
 * @branch: (nullable): a node of the map, or %NULL for no focus
 *
 * Dims everything outside the branch of @branch and zooms to the branch;
 * %NULL shows the whole map again.
 */
void
imp_canvas_set_focus (ImpCanvas *self,
                      ImpNode   *branch)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (branch == NULL || self->map != NULL);

  g_clear_pointer (&self->focus_id, g_free);
  if (branch != NULL)
    self->focus_id = g_strdup (branch->id);
  if (self->scene != NULL)
    imp_scene_set_focus (self->scene, branch);

  imp_canvas_zoom_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * imp_canvas_get_focus:
 *
 * Returns: (transfer none) (nullable): the node whose branch is focused
 */
ImpNode *
imp_canvas_get_focus (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  if (self->focus_id == NULL || self->map == NULL)
    return NULL;

  return imp_map_lookup_node (self->map, self->focus_id);
}

/**
 * imp_canvas_get_theme:
 *
 * Returns: (transfer none): the colours and type the canvas draws with now
 */
const ImpTheme *
imp_canvas_get_theme (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return get_theme (self);
}
