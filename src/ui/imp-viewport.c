/* imp-viewport.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-viewport"

#include "config.h"

#include <math.h>

#include "imp-viewport.h"

/* How much of the map must stay on screen when panning, in widget pixels. */
#define KEEP_VISIBLE 48.0
/* Room left around the map by a fit, in widget pixels. */
#define FIT_PADDING  32.0
/* A fit never magnifies beyond this, so a map of one card is not blown up. */
#define FIT_MAX_ZOOM 1.5

/**
 * ImpViewport:
 *
 * The view state of a canvas: zoom and pan. Widget coordinates relate to map
 * coordinates by `widget = map * zoom + offset`.
 *
 * The viewport also knows the widget size and the map bounds, so it can keep
 * part of the map in view whatever the user does, and a top inset: the band
 * the column headers cover, which a fit leaves free.
 */
struct _ImpViewport
{
  GObject  parent_instance;

  double   zoom;
  double   offset_x;
  double   offset_y;

  double   width;
  double   height;
  double   top_inset;
  double   left_inset;

  ImpRect  bounds;
  guint    has_bounds : 1;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_OFFSET_X,
  PROP_OFFSET_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ImpViewport, imp_viewport, G_TYPE_OBJECT)

static void
clamp_offset (ImpViewport *self,
              double      *offset_x,
              double      *offset_y)
{
  double keep_x;
  double keep_y;
  double avail_h;
  double left, right, top, bottom;

  if (!self->has_bounds || self->width <= 0 || self->height <= 0)
    return;

  avail_h = MAX (0.0, self->height - self->top_inset);
  keep_x = MIN (KEEP_VISIBLE, MIN (self->bounds.width * self->zoom, self->width));
  keep_y = MIN (KEEP_VISIBLE, MIN (self->bounds.height * self->zoom, avail_h));

  /* The bounds' right edge may not go left of keep_x, its left edge not
   * right of width - keep_x; the same vertically below the top inset. */
  left = self->left_inset + keep_x - (self->bounds.x + self->bounds.width) * self->zoom;
  right = self->width - keep_x - self->bounds.x * self->zoom;
  top = self->top_inset + keep_y - (self->bounds.y + self->bounds.height) * self->zoom;
  bottom = self->height - keep_y - self->bounds.y * self->zoom;

  if (left <= right)
    *offset_x = CLAMP (*offset_x, left, right);
  if (top <= bottom)
    *offset_y = CLAMP (*offset_y, top, bottom);
}

/* Sets everything at once, clamped, and notifies what really changed. */
static void
update (ImpViewport *self,
        double       zoom,
        double       offset_x,
        double       offset_y)
{
  gboolean zoom_changed;

  zoom = CLAMP (zoom, IMP_VIEWPORT_MIN_ZOOM, IMP_VIEWPORT_MAX_ZOOM);
  zoom_changed = zoom != self->zoom;
  self->zoom = zoom;

  clamp_offset (self, &offset_x, &offset_y);

  g_object_freeze_notify (G_OBJECT (self));

  if (zoom_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  if (offset_x != self->offset_x)
    {
      self->offset_x = offset_x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_X]);
    }

  if (offset_y != self->offset_y)
    {
      self->offset_y = offset_y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_Y]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
imp_viewport_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ImpViewport *self = IMP_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_OFFSET_X:
      g_value_set_double (value, self->offset_x);
      break;

    case PROP_OFFSET_Y:
      g_value_set_double (value, self->offset_y);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_viewport_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ImpViewport *self = IMP_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      imp_viewport_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_OFFSET_X:
      imp_viewport_set_offset (self, g_value_get_double (value), self->offset_y);
      break;

    case PROP_OFFSET_Y:
      imp_viewport_set_offset (self, self->offset_x, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_viewport_class_init (ImpViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = imp_viewport_get_property;
  object_class->set_property = imp_viewport_set_property;

  /**
   * ImpViewport:zoom:
   *
   * Widget pixels per map unit. Setting it zooms around the centre of the view.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         IMP_VIEWPORT_MIN_ZOOM, IMP_VIEWPORT_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ImpViewport:offset-x:
   *
   * Where map x = 0 lies, in widget pixels.
   */
  properties[PROP_OFFSET_X] =
    g_param_spec_double ("offset-x", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ImpViewport:offset-y:
   *
   * Where map y = 0 lies, in widget pixels.
   */
  properties[PROP_OFFSET_Y] =
    g_param_spec_double ("offset-y", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
imp_viewport_init (ImpViewport *self)
{
  self->zoom = 1.0;
}

/**
 * imp_viewport_new:
 *
 * Returns: (transfer full): a viewport at 100 % with no pan
 */
ImpViewport *
imp_viewport_new (void)
{
  return g_object_new (IMP_TYPE_VIEWPORT, NULL);
}

double
imp_viewport_get_zoom (ImpViewport *self)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), 1.0);

  return self->zoom;
}

/**
 * imp_viewport_set_zoom:
 * @zoom: widget pixels per map unit; clamped to the allowed range
 *
 * Zooms around the centre of the view.
 */
void
imp_viewport_set_zoom (ImpViewport *self,
                       double       zoom)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));
  g_return_if_fail (zoom > 0);

  imp_viewport_zoom_at (self, zoom / self->zoom, self->width / 2, self->height / 2);
}

double
imp_viewport_get_offset_x (ImpViewport *self)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), 0.0);

  return self->offset_x;
}

double
imp_viewport_get_offset_y (ImpViewport *self)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), 0.0);

  return self->offset_y;
}

/**
 * imp_viewport_set_offset:
 *
 * Pans so that map (0, 0) lies at widget (@offset_x, @offset_y), as far as
 * the map may go: part of it always stays in view.
 */
void
imp_viewport_set_offset (ImpViewport *self,
                         double       offset_x,
                         double       offset_y)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  update (self, self->zoom, offset_x, offset_y);
}

/**
 * imp_viewport_pan_by:
 * @dx: widget pixels to move the map right
 * @dy: widget pixels to move the map down
 */
void
imp_viewport_pan_by (ImpViewport *self,
                     double       dx,
                     double       dy)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  update (self, self->zoom, self->offset_x + dx, self->offset_y + dy);
}

/**
 * imp_viewport_set_size:
 *
 * Tells the viewport the size of the widget it serves. The view is not
 * re-clamped: the next pan or zoom does that.
 */
void
imp_viewport_set_size (ImpViewport *self,
                       double       width,
                       double       height)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  self->width = MAX (0.0, width);
  self->height = MAX (0.0, height);
}

void
imp_viewport_get_size (ImpViewport *self,
                       double      *width,
                       double      *height)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/**
 * imp_viewport_set_top_inset:
 * @top_inset: widget pixels at the top covered by something drawn over the map
 *
 * A fit keeps the map below the inset, and panning keeps part of it there.
 */
void
imp_viewport_set_top_inset (ImpViewport *self,
                            double       top_inset)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  self->top_inset = MAX (0.0, top_inset);
}

double
imp_viewport_get_top_inset (ImpViewport *self)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), 0.0);

  return self->top_inset;
}

/**
 * imp_viewport_set_left_inset:
 * @left_inset: widget pixels at the left covered by something drawn over
 *   the map (the row headers of the down layout)
 *
 * Like the top inset, on the left.
 */
void
imp_viewport_set_left_inset (ImpViewport *self,
                             double       left_inset)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  self->left_inset = MAX (0.0, left_inset);
}

double
imp_viewport_get_left_inset (ImpViewport *self)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), 0.0);

  return self->left_inset;
}

/**
 * imp_viewport_set_bounds:
 * @bounds: (nullable): the map's bounds in map coordinates, or %NULL for none
 *
 * Sets what panning must keep in view. The view is not re-clamped: the next
 * pan or zoom does that, so a change of the map never moves the view by itself.
 */
void
imp_viewport_set_bounds (ImpViewport   *self,
                         const ImpRect *bounds)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  self->has_bounds = bounds != NULL;
  if (bounds != NULL)
    self->bounds = *bounds;
}

/**
 * imp_viewport_get_bounds:
 *
 * Returns: whether bounds are set; if so, @bounds holds them
 */
gboolean
imp_viewport_get_bounds (ImpViewport *self,
                         ImpRect     *bounds)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), FALSE);

  if (self->has_bounds && bounds != NULL)
    *bounds = self->bounds;

  return self->has_bounds;
}

void
imp_viewport_widget_to_map (ImpViewport *self,
                            double       widget_x,
                            double       widget_y,
                            double      *map_x,
                            double      *map_y)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  if (map_x != NULL)
    *map_x = (widget_x - self->offset_x) / self->zoom;
  if (map_y != NULL)
    *map_y = (widget_y - self->offset_y) / self->zoom;
}

void
imp_viewport_map_to_widget (ImpViewport *self,
                            double       map_x,
                            double       map_y,
                            double      *widget_x,
                            double      *widget_y)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));

  if (widget_x != NULL)
    *widget_x = map_x * self->zoom + self->offset_x;
  if (widget_y != NULL)
    *widget_y = map_y * self->zoom + self->offset_y;
}

/**
 * imp_viewport_get_visible_rect:
 *
 * Gets the part of the map the widget shows, in map coordinates.
 */
void
imp_viewport_get_visible_rect (ImpViewport *self,
                               ImpRect     *rect)
{
  g_return_if_fail (IMP_IS_VIEWPORT (self));
  g_return_if_fail (rect != NULL);

  rect->x = -self->offset_x / self->zoom;
  rect->y = -self->offset_y / self->zoom;
  rect->width = self->width / self->zoom;
  rect->height = self->height / self->zoom;
}

/**
 * imp_viewport_zoom_at:
 * @factor: how much to magnify: 2 doubles the zoom, 0.5 halves it
 * @widget_x: the fixed point, in widget coordinates
 * @widget_y: the fixed point, in widget coordinates
 *
 * Zooms so that the map point under (@widget_x, @widget_y) stays there, as
 * for Ctrl+scroll under the pointer. The zoom is clamped to its range, and
 * the map kept in view.
 */
void
imp_viewport_zoom_at (ImpViewport *self,
                      double       factor,
                      double       widget_x,
                      double       widget_y)
{
  double map_x, map_y;
  double zoom;

  g_return_if_fail (IMP_IS_VIEWPORT (self));
  g_return_if_fail (factor > 0 && isfinite (factor));

  imp_viewport_widget_to_map (self, widget_x, widget_y, &map_x, &map_y);
  zoom = CLAMP (self->zoom * factor, IMP_VIEWPORT_MIN_ZOOM, IMP_VIEWPORT_MAX_ZOOM);

  update (self, zoom, widget_x - map_x * zoom, widget_y - map_y * zoom);
}

/**
 * imp_viewport_fit:
 * @bounds: the part of the map to show, in map coordinates
 * @width: the widget's width
 * @height: the widget's height
 *
 * Zooms and pans so that @bounds fills the widget below the top inset,
 * centred, with some room around it. A small map is not magnified beyond
 * 150 %. Also records @width and @height as the widget size.
 */
/* The zoom imp_viewport_fit() would choose for @bounds in a widget of
 * @width × @height, before its clamping to the zoom range. */
static double
fit_zoom (ImpViewport   *self,
          const ImpRect *bounds,
          double         width,
          double         height)
{
  double pad_x = MIN (FIT_PADDING, MAX (0.0, width - self->left_inset) / 16);
  double pad_y = MIN (FIT_PADDING, MAX (0.0, height - self->top_inset) / 16);
  double avail_w = MAX (1.0, width - self->left_inset - 2 * pad_x);
  double avail_h = MAX (1.0, height - self->top_inset - 2 * pad_y);
  double zoom = FIT_MAX_ZOOM;

  if (bounds->width > 0)
    zoom = MIN (zoom, avail_w / bounds->width);
  if (bounds->height > 0)
    zoom = MIN (zoom, avail_h / bounds->height);

  return zoom;
}

/**
 * imp_viewport_get_fit_zoom:
 * @bounds: the part of the map to show, in map coordinates
 *
 * Returns: the zoom imp_viewport_fit() would set for @bounds at the
 *   widget's size, without setting it
 */
double
imp_viewport_get_fit_zoom (ImpViewport   *self,
                           const ImpRect *bounds)
{
  g_return_val_if_fail (IMP_IS_VIEWPORT (self), 1.0);
  g_return_val_if_fail (bounds != NULL, 1.0);

  return CLAMP (fit_zoom (self, bounds, self->width, self->height),
                IMP_VIEWPORT_MIN_ZOOM, IMP_VIEWPORT_MAX_ZOOM);
}

void
imp_viewport_fit (ImpViewport   *self,
                  const ImpRect *bounds,
                  double         width,
                  double         height)
{
  double pad_x, pad_y;
  double avail_w, avail_h;
  double zoom;

  g_return_if_fail (IMP_IS_VIEWPORT (self));
  g_return_if_fail (bounds != NULL);

  imp_viewport_set_size (self, width, height);

  /* Small windows get proportionally less padding. */
  pad_x = MIN (FIT_PADDING, MAX (0.0, self->width - self->left_inset) / 16);
  pad_y = MIN (FIT_PADDING, MAX (0.0, self->height - self->top_inset) / 16);
  avail_w = MAX (1.0, self->width - self->left_inset - 2 * pad_x);
  avail_h = MAX (1.0, self->height - self->top_inset - 2 * pad_y);

  zoom = FIT_MAX_ZOOM;
  if (bounds->width > 0)
    zoom = MIN (zoom, avail_w / bounds->width);
  if (bounds->height > 0)
    zoom = MIN (zoom, avail_h / bounds->height);
  zoom = CLAMP (zoom, IMP_VIEWPORT_MIN_ZOOM, IMP_VIEWPORT_MAX_ZOOM);

  update (self,
          zoom,
          self->left_inset + pad_x + (avail_w - bounds->width * zoom) / 2 - bounds->x * zoom,
          self->top_inset + pad_y + (avail_h - bounds->height * zoom) / 2 - bounds->y * zoom);
}
