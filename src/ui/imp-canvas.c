/* imp-canvas.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-canvas-private.h"

enum {
  PROP_0,
  PROP_MAP,
  PROP_VIEWPORT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _imp_canvas_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpCanvas, imp_canvas, GTK_TYPE_WIDGET)

const ImpTheme *
_imp_canvas_get_theme (ImpCanvas *self)
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

void
_imp_canvas_ensure_scene (ImpCanvas *self)
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
      imp_scene_get_theme (self->offered_scene) == _imp_canvas_get_theme (self) &&
      imp_layout_get_kind (imp_scene_get_layout (self->offered_scene)) ==
      imp_map_get_layout (self->map))
    self->scene = g_steal_pointer (&self->offered_scene);
  else
    self->scene = imp_scene_new (self->map, _imp_canvas_get_theme (self));
  g_clear_object (&self->offered_scene);
  apply_workshop_view (self);
  /* The headers take the top of the view, or its left in the down layout. */
  if (imp_layout_get_kind (imp_scene_get_layout (self->scene)) == IMP_LAYOUT_DOWN)
    {
      imp_viewport_set_top_inset (self->viewport, 0);
      imp_viewport_set_left_inset (self->viewport, IMP_CANVAS_ROW_HEADER_WIDTH);
    }
  else
    {
      imp_viewport_set_top_inset (self->viewport, IMP_CANVAS_HEADER_HEIGHT);
      imp_viewport_set_left_inset (self->viewport, 0);
    }
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

  _imp_canvas_ensure_scene (self);

  if (imp_viewport_get_bounds (self->viewport, &bounds))
    {
      /* What is shown: fewer cards while levels are revealed one by one. */
      if (self->scene != NULL)
        imp_scene_get_visible_bounds (self->scene, &bounds);
      /* A growing map followed by imp_canvas_keep_in_view() stops being
       * fitted where it would no longer read. */
      if (self->fit_keeps_readable)
        {
          imp_viewport_set_size (self->viewport, width, height);
          if (imp_viewport_get_fit_zoom (self->viewport, &bounds) < IMP_CANVAS_READABLE_ZOOM)
            {
              self->auto_fit = FALSE;
              return;
            }
        }
      imp_viewport_fit (self->viewport, &bounds, width, height);
    }
}

/* Small at the minimum, so a window can be narrow; wide at the natural
 * size, so panels beside the map fold over it before squeezing it. */
static void
imp_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? IMP_CANVAS_NATURAL_WIDTH : 0;
}

static void
fit (ImpCanvas *self)
{
  fit_to_size (self,
               gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The point keyboard and button zoom keep fixed: the middle of the map area. */
void
_imp_canvas_get_view_centre (ImpCanvas *self,
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

  _imp_canvas_get_view_centre (self, &x, &y);
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

  /* The parking lot, the vote budget and the reviews are not on the map:
   * nothing to draw again. */
  if (kind == IMP_CHANGE_PARKING_LOT || kind == IMP_CHANGE_VOTE_BUDGET ||
      kind == IMP_CHANGE_REVIEWS)
    return;

  if (note_scene_change (self, kind, object))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    invalidate_scene (self);
  /* Another layout is another shape: show all of it, as on opening. */
  if (kind == IMP_CHANGE_LAYOUT)
    {
      self->auto_fit = TRUE;
      self->fit_keeps_readable = FALSE;
      fit (self);
    }
  _imp_canvas_a11y_update (self);
  _imp_canvas_cards_queue_sync (self, TRUE);
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
  _imp_canvas_cards_queue_sync (self, FALSE);
}

static void
selection_changed_cb (ImpCanvas    *self,
                      ImpSelection *selection)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  _imp_canvas_a11y_update (self);
  _imp_canvas_cards_queue_sync (self, TRUE);
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

  _imp_canvas_place_editor (self);
  _imp_canvas_cards_allocate (self);

  /* Popovers on the canvas (find) follow it. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

/* The keyboard focus of the map is the selected card's widget, so that a
 * screen reader follows it; with nothing selected, the canvas itself. */
static gboolean
imp_canvas_grab_focus (GtkWidget *widget)
{
  if (_imp_canvas_cards_grab_focus (IMP_CANVAS (widget)))
    return TRUE;

  return GTK_WIDGET_CLASS (imp_canvas_parent_class)->grab_focus (widget);
}

/* Tab into the map lands on the selected card; from inside it, focus moves
 * on out of the map, as from the single drawn widget it used to be. */
static gboolean
imp_canvas_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
imp_canvas_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (imp_canvas_parent_class)->realize (widget);
  _imp_canvas_cards_watch_focus (IMP_CANVAS (widget));
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
  _imp_canvas_cards_dispose (self);
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
  _imp_canvas_clear_page_frame (self);
  g_clear_pointer (&self->review_labels, g_hash_table_unref);
  g_clear_pointer (&self->review_ghosts, g_hash_table_unref);

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

  widget_class->snapshot = _imp_canvas_snapshot;
  widget_class->size_allocate = imp_canvas_size_allocate;
  widget_class->measure = imp_canvas_measure;
  widget_class->grab_focus = imp_canvas_grab_focus;
  widget_class->focus = imp_canvas_focus;
  widget_class->realize = imp_canvas_realize;

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
  _imp_canvas_signals[MESSAGE] =
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
  _imp_canvas_signals[EDIT_COMMITTED] =
    g_signal_new ("edit-committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, _imp_canvas_unselect_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "impcanvas");
  /* Its cards are tree items (imp-canvas-cards.c). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE);
}

void
_imp_canvas_ensure_editor_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  /* Opaque, so the title being replaced does not show through. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "textview.imp-card-editor,"
                                   "textview.imp-card-editor > text {"
                                   "  background-color: @view_bg_color;"
                                   "  color: @view_fg_color;"
                                   "}"
                                   "textview.imp-card-editor {"
                                   "  padding: 3px 6px;"
                                   "  border-radius: 4px;"
                                   "  box-shadow: 0 0 0 2px @accent_color;"
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
                           G_CALLBACK (_imp_canvas_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter",
                           G_CALLBACK (_imp_canvas_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion",
                           G_CALLBACK (_imp_canvas_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (_imp_canvas_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin",
                           G_CALLBACK (_imp_canvas_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update",
                           G_CALLBACK (_imp_canvas_drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end",
                           G_CALLBACK (_imp_canvas_drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "pressed",
                           G_CALLBACK (_imp_canvas_click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released",
                           G_CALLBACK (_imp_canvas_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* A link's assumption shows on hover. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (self, "query-tooltip",
                           G_CALLBACK (_imp_canvas_query_tooltip_cb), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin",
                           G_CALLBACK (_imp_canvas_pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed",
                           G_CALLBACK (_imp_canvas_pinch_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
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
  self->fit_keeps_readable = FALSE;
  fit (self);
  update_accessible_label (self);
  _imp_canvas_cards_queue_sync (self, TRUE);

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

  _imp_canvas_ensure_scene (self);

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

/* The part of the map in view that nothing covers (the band of headers at
 * the top, the rows' strip, a panel lying over the map's start), in map
 * units. */
static void
get_unobstructed_rect (ImpCanvas *self,
                       ImpRect   *visible)
{
  double zoom = imp_viewport_get_zoom (self->viewport);
  double left = MAX (imp_viewport_get_left_inset (self->viewport), self->covered_start);

  imp_viewport_get_visible_rect (self->viewport, visible);
  visible->x += left / zoom;
  visible->width -= left / zoom;
  visible->y += imp_viewport_get_top_inset (self->viewport) / zoom;
  visible->height -= imp_viewport_get_top_inset (self->viewport) / zoom;
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

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  zoom = imp_viewport_get_zoom (self->viewport);
  get_unobstructed_rect (self, &visible);
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
 * imp_canvas_keep_in_view:
 * @node: a card just added
 *
 * Keeps a growing map in view while cards are added: when @node falls
 * outside the view, zooms out just enough to show the whole map again (a
 * new map starts at 150 %), never below IMP_CANVAS_READABLE_ZOOM and never
 * in; past that, stays at the readable zoom and pans to @node.
 */
void
imp_canvas_keep_in_view (ImpCanvas *self,
                         ImpNode   *node)
{
  ImpRect rect, visible, bounds;
  double zoom, fitted;
  double cx, cy;

  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  zoom = imp_viewport_get_zoom (self->viewport);
  get_unobstructed_rect (self, &visible);
  if (rect.x >= visible.x && rect.y >= visible.y &&
      rect.x + rect.width <= visible.x + visible.width &&
      rect.y + rect.height <= visible.y + visible.height)
    return;

  imp_scene_get_visible_bounds (self->scene, &bounds);
  fitted = imp_viewport_get_fit_zoom (self->viewport, &bounds);
  if (fitted <= zoom && fitted >= MIN (zoom, IMP_CANVAS_READABLE_ZOOM))
    {
      /* All of it still reads: show all of it, and keep it shown while
       * its cards grow with their titles, as long as it reads. */
      self->auto_fit = TRUE;
      self->fit_keeps_readable = TRUE;
      fit (self);
      return;
    }

  if (fitted < zoom && zoom > IMP_CANVAS_READABLE_ZOOM)
    {
      _imp_canvas_get_view_centre (self, &cx, &cy);
      imp_viewport_zoom_at (self->viewport, IMP_CANVAS_READABLE_ZOOM / zoom, cx, cy);
    }
  imp_canvas_scroll_to_node (self, node);
}

/**
 * imp_canvas_set_covered_start:
 * @width: how many pixels at the start of the canvas a panel covers, 0
 *   for none
 *
 * Tells the canvas that a panel lies over its start (a narrow window's
 * outline or parking lot), so that a card scrolled into view is not left
 * under it. Nothing moves until a card is next scrolled into view.
 */
void
imp_canvas_set_covered_start (ImpCanvas *self,
                              int        width)
{
  g_return_if_fail (IMP_IS_CANVAS (self));

  self->covered_start = MAX (width, 0);
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

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  _imp_canvas_get_view_centre (self, &cx, &cy);
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

  _imp_canvas_ensure_scene (self);
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
 * imp_canvas_is_over_headers:
 * @x: widget pixels
 * @y: widget pixels
 *
 * Returns: whether (@x, @y) is on the headers drawn over the map: the band
 *   at the top, or the strip at the left in the down layout
 */
gboolean
imp_canvas_is_over_headers (ImpCanvas *self,
                            double     x,
                            double     y)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), FALSE);

  if (self->map != NULL && imp_map_get_layout (self->map) == IMP_LAYOUT_DOWN)
    return x < IMP_CANVAS_ROW_HEADER_WIDTH;

  return y < IMP_CANVAS_HEADER_HEIGHT;
}

/**
 * imp_canvas_get_header_level_at:
 * @x: widget pixels
 * @y: widget pixels
 * @level: (out): the level named there
 *
 * Finds the level header under a point: a column name in the band at the
 * top (both sides of a balanced goal), or a row name in the strip at the
 * left in the down layout. A click in the gap next to a header counts.
 *
 * Returns: whether a header is there
 */
gboolean
imp_canvas_get_header_level_at (ImpCanvas *self,
                                double     x,
                                double     y,
                                ImpLevel  *level)
{
  gboolean rows;
  double gap;

  g_return_val_if_fail (IMP_IS_CANVAS (self), FALSE);

  _imp_canvas_ensure_scene (self);
  if (self->scene == NULL)
    return FALSE;

  rows = imp_layout_get_kind (imp_scene_get_layout (self->scene)) == IMP_LAYOUT_DOWN;
  if (!imp_canvas_is_over_headers (self, x, y))
    return FALSE;

  gap = (rows ? IMP_LAYOUT_ROW_GAP : IMP_LAYOUT_COLUMN_GAP) *
        imp_viewport_get_zoom (self->viewport) / 2;
  for (guint i = 0; i < imp_scene_get_n_columns (self->scene); i++)
    {
      const ImpLayoutBand *band = imp_scene_get_band (self->scene, i);
      double a0, a1, b0, b1;

      imp_viewport_map_to_widget (self->viewport, band->rect.x, band->rect.y, &a0, &b0);
      imp_viewport_map_to_widget (self->viewport, band->rect.x + band->rect.width,
                                  band->rect.y + band->rect.height, &a1, &b1);
      if (rows ? (y >= b0 - gap && y < b1 + gap) : (x >= a0 - gap && x < a1 + gap))
        {
          *level = band->level;
          return TRUE;
        }
    }

  return FALSE;
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
  self->fit_keeps_readable = FALSE;
  fit (self);
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

  return _imp_canvas_get_theme (self);
}
