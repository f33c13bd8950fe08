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
#include "imp-render.h"

/* One step of keyboard, button or mouse-wheel zoom. */
#define ZOOM_STEP 1.2
/* Pixels a mouse-wheel click pans. */
#define WHEEL_PAN 64.0

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
  ImpViewport  *viewport;
  ImpThemeKind  theme_kind;

  /* Borrowed from the map; cleared when the node goes away. */
  ImpNode      *selected;

  double        pointer_x;
  double        pointer_y;

  double        drag_offset_x;
  double        drag_offset_y;
  double        pinch_zoom;

  guint         dirty : 1;
  guint         auto_fit : 1;
  guint         has_pointer : 1;
  guint         panning : 1;
};

enum {
  PROP_0,
  PROP_MAP,
  PROP_VIEWPORT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ImpCanvas, imp_canvas, GTK_TYPE_WIDGET)

static inline GdkRGBA
to_rgba (const ImpColor *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

static const ImpTheme *
get_theme (ImpCanvas *self)
{
  return imp_theme_get (self->theme_kind);
}

static void
ensure_scene (ImpCanvas *self)
{
  ImpRect bounds;

  if (!self->dirty)
    return;

  self->dirty = FALSE;
  g_clear_object (&self->scene);

  if (self->map == NULL)
    {
      imp_viewport_set_bounds (self->viewport, NULL);
      return;
    }

  self->scene = imp_scene_new (self->map, get_theme (self));
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
    imp_viewport_fit (self->viewport, &bounds, width, height);
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

static void
map_changed_cb (ImpCanvas     *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  g_assert (IMP_IS_CANVAS (self));
  g_assert (IMP_IS_MAP (map));

  if (self->selected != NULL &&
      (kind == IMP_CHANGE_EVERYTHING ||
       (kind == IMP_CHANGE_NODE_REMOVED && object == self->selected)))
    imp_canvas_set_selected (self, NULL);

  invalidate_scene (self);
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

  kind = adw_style_manager_get_dark (style_manager) ? IMP_THEME_DARK : IMP_THEME_LIGHT;
  if (kind == self->theme_kind)
    return;

  self->theme_kind = kind;
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
drag_begin_cb (ImpCanvas      *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  double map_x, map_y;

  ensure_scene (self);

  /* Cards will be dragged to move them (a later issue); only empty space pans. */
  imp_viewport_widget_to_map (self->viewport, x, y, &map_x, &map_y);
  if (self->scene == NULL || imp_scene_hit_test (self->scene, map_x, map_y) != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_offset_x = imp_viewport_get_offset_x (self->viewport);
  self->drag_offset_y = imp_viewport_get_offset_y (self->viewport);
  self->panning = FALSE;
}

static void
drag_update_cb (ImpCanvas      *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
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
      self->auto_fit = FALSE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  imp_viewport_set_offset (self->viewport,
                           self->drag_offset_x + offset_x,
                           self->drag_offset_y + offset_y);
}

static void
drag_end_cb (ImpCanvas      *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  if (self->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  self->panning = FALSE;
}

static void
click_released_cb (ImpCanvas       *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  double map_x, map_y;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->panning)
    return;

  ensure_scene (self);
  if (self->scene == NULL)
    return;

  imp_viewport_widget_to_map (self->viewport, x, y, &map_x, &map_y);
  imp_canvas_set_selected (self, imp_scene_hit_test (self->scene, map_x, map_y));
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
  if (self->selected == NULL)
    return FALSE;

  imp_canvas_set_selected (self, NULL);

  return TRUE;
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
  pango_font_description_set_absolute_size (font, 13 * PANGO_SCALE);
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
      GdkRGBA accent;
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
          gtk_snapshot_append_layout (snapshot, layout, &text);
          gtk_snapshot_restore (snapshot);
        }
    }
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
  double zoom;
  ImpRect visible;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_scene (self);

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->scene == NULL)
    return;

  zoom = imp_viewport_get_zoom (self->viewport);
  imp_viewport_get_visible_rect (self->viewport, &visible);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr,
                   imp_viewport_get_offset_x (self->viewport),
                   imp_viewport_get_offset_y (self->viewport));
  cairo_scale (cr, zoom, zoom);
  imp_render_scene (self->scene, cr, &visible,
                    zoom * gtk_widget_get_scale_factor (widget),
                    IMP_RENDER_DEFAULT);

  if (self->selected != NULL)
    imp_render_selection (self->scene, cr, self->selected,
                          zoom * gtk_widget_get_scale_factor (widget));

  cairo_destroy (cr);

  snapshot_headers (self, snapshot, width);
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
}

static void
imp_canvas_dispose (GObject *object)
{
  ImpCanvas *self = IMP_CANVAS (object);

  self->selected = NULL;
  g_clear_object (&self->scene);
  g_clear_object (&self->map);

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
      g_value_set_pointer (value, self->selected);
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

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, unselect_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "impcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
imp_canvas_init (ImpCanvas *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkGesture *gesture;

  self->viewport = imp_viewport_new ();
  imp_viewport_set_top_inset (self->viewport, IMP_CANVAS_HEADER_HEIGHT);
  g_signal_connect_object (self->viewport, "notify",
                           G_CALLBACK (viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);

  self->theme_kind = adw_style_manager_get_dark (style_manager) ? IMP_THEME_DARK : IMP_THEME_LIGHT;
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->auto_fit = TRUE;
  self->dirty = TRUE;

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

  imp_canvas_set_selected (self, NULL);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);

  g_set_object (&self->map, map);

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

  return self->theme_kind;
}

/**
 * imp_canvas_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected node
 */
ImpNode *
imp_canvas_get_selected (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->selected;
}

/**
 * imp_canvas_set_selected:
 * @node: (nullable): a node of the canvas' map, or %NULL to clear
 */
void
imp_canvas_set_selected (ImpCanvas *self,
                         ImpNode   *node)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node == NULL || self->map != NULL);

  if (self->selected == node)
    return;

  self->selected = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
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
