/* imp-tile-cache.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-tile-cache"

#include "config.h"

#include <math.h>

#include "imp-render.h"
#include "imp-render-private.h"
#include "imp-scene-private.h"
#include "imp-tile-cache.h"

/* Shadows and strokes reach this far outside an item's card (see
 * imp-render.c): a tile is empty when nothing lies nearer than that. */
#define TILE_MARGIN  12.0
/* Tiles kept beyond the view, in memory a megabyte each. */
#define MAX_TILES    64
/* Surfaces of dropped tiles kept for new ones: fresh memory costs a page
 * fault per 4 KiB touched, which on a virtual machine is a good part of
 * the cost of painting a tile. */
#define MAX_SPARE    32

/**
 * ImpTileCache:
 *
 * What the canvas paints, kept as pixels so that a frame which only moves
 * the view, or only moves a few cards, copies them instead of painting the
 * map again.
 *
 * Panning: the scene is cut into tiles of %IMP_TILE_SIZE device pixels on
 * a grid fixed to the map at one scale and one sub-pixel phase of the
 * offset, so a tile painted once lands on whole pixels wherever the view
 * goes and holds exactly the pixels a direct paint would. A frame copies
 * the tiles it has and paints the rest directly, clipped; imp_tile_cache_prefetch()
 * then fills the missing ones (and a ring around the view) while the app
 * is idle. Any change of the scene (a new one, or the serial of
 * _imp_scene_get_serial()), of the scale or of the phase drops them all.
 *
 * Dragging cards: while the scene tracks changes (_imp_scene_track_changes())
 * and some cards moved, the links and the cards that did not move are
 * painted once into two layers for the view, and each frame lays the moved
 * links between them and the moved cards on top.
 */
struct _ImpTileCache
{
  ImpScene        *scene;
  guint64          serial;
  double           scale;
  double           phase_x;
  double           phase_y;
  GHashTable      *tiles;       /* gint64* (ix, iy) -> cairo_surface_t*, NULL when empty */
  GPtrArray       *spare;       /* cairo_surface_t* of IMP_TILE_SIZE */

  gboolean         have_view;
  gint64           view_x0, view_y0, view_x1, view_y1;  /* tile indices, inclusive */

  /* The still layers of a drag */
  cairo_surface_t *still_links;
  cairo_surface_t *still_cards;
  ImpScene        *layer_scene;
  guint64          layer_serial;
  double           layer_scale;
  double           layer_x;
  double           layer_y;
  int              layer_width;
  int              layer_height;
};

static void
drop_tile (gpointer data,
           gpointer user_data)
{
  ImpTileCache *self = user_data;

  if (data == NULL)
    return;
  if (self->spare->len < MAX_SPARE)
    g_ptr_array_add (self->spare, data);
  else
    cairo_surface_destroy (data);
}

ImpTileCache *
imp_tile_cache_new (void)
{
  ImpTileCache *self = g_new0 (ImpTileCache, 1);

  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->spare = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  return self;
}

static void
remove_all_tiles (ImpTileCache *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      drop_tile (value, self);
      g_hash_table_iter_remove (&iter);
    }
}

/* The layers keep their surfaces for the next drag. */
static void
clear_layers (ImpTileCache *self)
{
  g_clear_object (&self->layer_scene);
}

/**
 * imp_tile_cache_clear:
 *
 * Drops every tile and layer, and the scene they were painted from.
 */
void
imp_tile_cache_clear (ImpTileCache *self)
{
  g_return_if_fail (self != NULL);

  remove_all_tiles (self);
  g_clear_object (&self->scene);
  self->have_view = FALSE;
  clear_layers (self);
}

void
imp_tile_cache_free (ImpTileCache *self)
{
  if (self == NULL)
    return;

  imp_tile_cache_clear (self);
  g_clear_pointer (&self->still_links, cairo_surface_destroy);
  g_clear_pointer (&self->still_cards, cairo_surface_destroy);
  g_hash_table_unref (self->tiles);
  g_ptr_array_unref (self->spare);
  g_free (self);
}

/**
 * imp_tile_cache_get_n_tiles:
 *
 * Returns: how many tiles are kept, empty ones included
 */
guint
imp_tile_cache_get_n_tiles (ImpTileCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->tiles);
}

/* Paints the device rectangle (x, y, width, height) of @scene directly,
 * with device = map * scale + offset. */
static void
paint_direct (ImpScene *scene,
              cairo_t  *cr,
              double    scale,
              double    offset_x,
              double    offset_y,
              double    x,
              double    y,
              double    width,
              double    height,
              int       flags)
{
  ImpRect clip = { (x - offset_x) / scale, (y - offset_y) / scale,
                   width / scale, height / scale };

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, scale, scale);
  imp_render_scene (scene, cr, &clip, scale, (ImpRenderFlags) flags);
  cairo_restore (cr);
}

/* Paints into @surface, cleared first, or a new one when it is %NULL or
 * of another size (and then destroyed). */
static cairo_surface_t *
paint_layer (cairo_surface_t *surface,
             ImpScene        *scene,
             double           scale,
             double           offset_x,
             double           offset_y,
             int              width,
             int              height,
             int              flags)
{
  cairo_t *cr;

  if (surface != NULL &&
      (cairo_image_surface_get_width (surface) != width ||
       cairo_image_surface_get_height (surface) != height))
    g_clear_pointer (&surface, cairo_surface_destroy);

  if (surface == NULL)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surface);
    }
  else
    {
      cr = cairo_create (surface);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }

  paint_direct (scene, cr, scale, offset_x, offset_y, 0, 0, width, height, flags);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
paint_surface (cairo_t         *cr,
               cairo_surface_t *surface,
               double           x,
               double           y,
               double           clip_x,
               double           clip_y,
               double           clip_width,
               double           clip_height)
{
  cairo_save (cr);
  cairo_set_source_surface (cr, surface, x, y);
  cairo_rectangle (cr, clip_x, clip_y, clip_width, clip_height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A drag: the still layers once, the moved cards and links every frame. */
static void
paint_moving (ImpTileCache *self,
              ImpScene     *scene,
              cairo_t      *cr,
              double        scale,
              double        offset_x,
              double        offset_y,
              int           width,
              int           height)
{
  if (self->layer_scene != scene || self->layer_serial != _imp_scene_get_touched_serial (scene) ||
      self->layer_scale != scale || self->layer_x != offset_x || self->layer_y != offset_y ||
      self->layer_width != width || self->layer_height != height)
    {
      clear_layers (self);
      self->layer_scene = g_object_ref (scene);
      self->layer_serial = _imp_scene_get_touched_serial (scene);
      self->layer_scale = scale;
      self->layer_x = offset_x;
      self->layer_y = offset_y;
      self->layer_width = width;
      self->layer_height = height;

      _imp_scene_set_filter (scene, IMP_SCENE_FILTER_STILL);
      self->still_links = paint_layer (g_steal_pointer (&self->still_links), scene,
                                       scale, offset_x, offset_y, width, height,
                                       IMP_RENDER_NO_CARDS);
      self->still_cards = paint_layer (g_steal_pointer (&self->still_cards), scene,
                                       scale, offset_x, offset_y, width, height,
                                       IMP_RENDER_NO_LINKS);
      _imp_scene_set_filter (scene, IMP_SCENE_FILTER_ALL);
    }

  paint_surface (cr, self->still_links, 0, 0, 0, 0, width, height);
  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_MOVING);
  paint_direct (scene, cr, scale, offset_x, offset_y, 0, 0, width, height, IMP_RENDER_NO_CARDS);
  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_ALL);
  paint_surface (cr, self->still_cards, 0, 0, 0, 0, width, height);
  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_MOVING);
  paint_direct (scene, cr, scale, offset_x, offset_y, 0, 0, width, height, IMP_RENDER_NO_LINKS);
  _imp_scene_set_filter (scene, IMP_SCENE_FILTER_ALL);
}

static inline gint64
tile_key (gint64 ix,
          gint64 iy)
{
  /* Shifted as unsigned: tiles left of or above the origin have negative
   * indices, and shifting a negative signed value is undefined. */
  return (gint64) (((guint64) ix << 32) | ((guint64) iy & 0xffffffff));
}

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static gboolean
tile_is_empty (ImpTileCache *self,
               gint64        ix,
               gint64        iy)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  double margin = TILE_MARGIN + 2 / self->scale;
  ImpRect rect = { (ix * IMP_TILE_SIZE - self->phase_x) / self->scale - margin,
                   (iy * IMP_TILE_SIZE - self->phase_y) / self->scale - margin,
                   IMP_TILE_SIZE / self->scale + 2 * margin,
                   IMP_TILE_SIZE / self->scale + 2 * margin };

  _imp_scene_query_cards (self->scene, &rect, items);
  if (items->len > 0)
    return FALSE;
  _imp_scene_query_links (self->scene, &rect, items);
  return items->len == 0;
}

static void
evict (ImpTileCache *self)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->tiles) <= MAX_TILES)
    return;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 k = *(gint64 *) key;
      gint64 ix = k >> 32, iy = (gint32) (k & 0xffffffff);

      if (ix < self->view_x0 - 2 || ix > self->view_x1 + 2 ||
          iy < self->view_y0 - 2 || iy > self->view_y1 + 2)
        {
          drop_tile (g_hash_table_lookup (self->tiles, key), self);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static void
fill_tile (ImpTileCache *self,
           gint64        ix,
           gint64        iy)
{
  cairo_surface_t *surface = NULL;
  gint64 *key = g_new (gint64, 1);

  *key = tile_key (ix, iy);
  if (!tile_is_empty (self, ix, iy))
    surface = paint_layer (self->spare->len > 0
                           ? g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1)
                           : NULL,
                           self->scene, self->scale,
                           self->phase_x - (double) (ix * IMP_TILE_SIZE),
                           self->phase_y - (double) (iy * IMP_TILE_SIZE),
                           IMP_TILE_SIZE, IMP_TILE_SIZE, IMP_RENDER_DEFAULT);
  g_hash_table_insert (self->tiles, key, surface);
  evict (self);
}

/**
 * imp_tile_cache_paint:
 * @cr: a cairo context whose user space is device pixels of the frame
 * @scale: device pixels per map unit
 * @offset_x: where map x 0 lies on the frame, in device pixels
 * @offset_y: where map y 0 lies
 * @width: the frame's width in device pixels
 * @height: the frame's height
 *
 * Paints on @cr what imp_render_scene() paints of @scene within the frame
 * (without background), from kept pixels where it can: the same pixels. A
 * focused scene is always painted directly.
 */
void
imp_tile_cache_paint (ImpTileCache *self,
                      ImpScene     *scene,
                      cairo_t      *cr,
                      double        scale,
                      double        offset_x,
                      double        offset_y,
                      int           width,
                      int           height)
{
  double fx, fy;
  gint64 ix0, ix1, iy0, iy1;
  g_autoptr(GArray) missing = NULL;
  gboolean any_kept = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (IMP_IS_SCENE (scene));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  if (!(scale > 0) || !isfinite (scale) || !isfinite (offset_x) || !isfinite (offset_y))
    return;

  if (fabs (offset_x) > 1e9 || fabs (offset_y) > 1e9 || _imp_scene_has_focus (scene))
    {
      imp_tile_cache_clear (self);
      paint_direct (scene, cr, scale, offset_x, offset_y, 0, 0, width, height, IMP_RENDER_DEFAULT);
      return;
    }

  if (_imp_scene_get_n_touched (scene) > 0)
    {
      self->have_view = FALSE;
      paint_moving (self, scene, cr, scale, offset_x, offset_y, width, height);
      return;
    }
  clear_layers (self);

  fx = floor (offset_x);
  fy = floor (offset_y);
  if (self->scene != scene || self->serial != _imp_scene_get_serial (scene) ||
      self->scale != scale || self->phase_x != offset_x - fx || self->phase_y != offset_y - fy)
    {
      imp_tile_cache_clear (self);
      self->scene = g_object_ref (scene);
      self->serial = _imp_scene_get_serial (scene);
      self->scale = scale;
      self->phase_x = offset_x - fx;
      self->phase_y = offset_y - fy;
    }

  /* Tile (ix, iy) lies at (ix * size + fx, iy * size + fy) on the frame. */
  ix0 = floor_div ((gint64) -fx, IMP_TILE_SIZE);
  ix1 = floor_div ((gint64) (width - fx - 1), IMP_TILE_SIZE);
  iy0 = floor_div ((gint64) -fy, IMP_TILE_SIZE);
  iy1 = floor_div ((gint64) (height - fy - 1), IMP_TILE_SIZE);
  self->have_view = TRUE;
  self->view_x0 = ix0;
  self->view_x1 = ix1;
  self->view_y0 = iy0;
  self->view_y1 = iy1;

  missing = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  for (gint64 iy = iy0; iy <= iy1; iy++)
    for (gint64 ix = ix0; ix <= ix1; ix++)
      {
        gint64 key = tile_key (ix, iy);
        cairo_surface_t *surface;
        double x = ix * IMP_TILE_SIZE + fx, y = iy * IMP_TILE_SIZE + fy;
        cairo_rectangle_t part;

        part.x = MAX (x, 0);
        part.y = MAX (y, 0);
        part.width = MIN (x + IMP_TILE_SIZE, width) - part.x;
        part.height = MIN (y + IMP_TILE_SIZE, height) - part.y;

        if (!g_hash_table_lookup_extended (self->tiles, &key, NULL, (gpointer *) &surface))
          {
            g_array_append_val (missing, part);
            continue;
          }

        any_kept = TRUE;
        if (surface != NULL)
          paint_surface (cr, surface, x, y, part.x, part.y, part.width, part.height);
      }

  /* With nothing kept (a new scene, a zoom), one direct paint is cheapest;
   * the tiles are filled afterwards, while idle. */
  if (!any_kept)
    {
      paint_direct (scene, cr, scale, offset_x, offset_y, 0, 0, width, height, IMP_RENDER_DEFAULT);
      return;
    }

  for (guint i = 0; i < missing->len; i++)
    {
      const cairo_rectangle_t *part = &g_array_index (missing, cairo_rectangle_t, i);

      paint_direct (scene, cr, scale, offset_x, offset_y,
                    part->x, part->y, part->width, part->height, IMP_RENDER_DEFAULT);
    }
}

/**
 * imp_tile_cache_prefetch:
 *
 * Paints one missing tile of the last frame painted with tiles, or of the
 * ring of tiles around it, for the frames of a pan to come.
 *
 * Returns: %FALSE when there was none left (or the scene changed since), so
 *   an idle handler knows to stop
 */
gboolean
imp_tile_cache_prefetch (ImpTileCache *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->scene == NULL || !self->have_view ||
      self->serial != _imp_scene_get_serial (self->scene) ||
      _imp_scene_get_n_touched (self->scene) > 0 || _imp_scene_has_focus (self->scene))
    return FALSE;

  for (int ring = 0; ring <= 1; ring++)
    for (gint64 iy = self->view_y0 - ring; iy <= self->view_y1 + ring; iy++)
      for (gint64 ix = self->view_x0 - ring; ix <= self->view_x1 + ring; ix++)
        {
          gint64 key = tile_key (ix, iy);

          if (ring == 1 && ix >= self->view_x0 && ix <= self->view_x1 &&
              iy >= self->view_y0 && iy <= self->view_y1)
            continue;
          if (g_hash_table_contains (self->tiles, &key))
            continue;

          fill_tile (self, ix, iy);
          return TRUE;
        }

  return FALSE;
}
