/* imp-scene.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-scene"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-combine.h"
#include "imp-tracking.h"
#include "imp-scene-private.h"

/* The spatial index: a sparse grid of square cells. An item goes into every
 * cell its extent meets, unless that is a great many cells (a link to a card
 * pinned far away), in which case it joins a short list checked always.
 * Cells of about two cards' width: half as many entries as cells of one,
 * 9 MiB less at 100,000 cards, and queries, hit tests and updates as fast
 * (imp-bench, alternating). */
#define GRID_CELL           512.0
#define GRID_MAX_CELLS      1024
#define GRID_COORD_LIMIT    1e9

/* Link lines, in map units. */
#define LINK_WIDTH          2.0
#define LINK_WIDTH_STRONG   3.0
#define LINK_MIN_HANDLE     40.0
#define MARK_RADIUS         9.0
#define MARK_SIZE           13.0
#define MARK_WORD_SIZE      10.0

const ImpShadowLayer imp_shadow_layers[IMP_N_SHADOW_LAYERS] = {
  { 1.0, 0.0, 0.8 },
  { 2.0, 1.0, 0.4 },
  { 3.5, 2.5, 0.2 },
  { 5.0, 4.0, 0.1 },
};

/* One block per cell, its key first: the table is a set of these, keyed by
 * the key's address, so a cell costs one allocation and no value slot. A
 * GArray and a copied key took three allocations a cell, and a
 * 100,000-card map has hundreds of thousands of cells: the app's peak at
 * its first frame was 24 MiB higher. */
typedef struct
{
  gint64 key;
  guint  len;
  guint  size;
  guint  items[];
} GridCell;

typedef struct
{
  GHashTable *cells;      /* set of GridCell*, by their key */
  GArray     *oversized;  /* guint */
} Grid;

struct _ImpScene
{
  GObject         parent_instance;

  ImpMap         *map;
  const ImpTheme *theme;
  ImpLayout      *layout;

  GArray         *cards;    /* ImpSceneCard, drawing order */
  GArray         *links;    /* ImpSceneLink, drawing order */
  GArray         *texts;    /* ImpSceneText */
  GArray         *boxes;    /* ImpSceneBox */
  GArray         *columns;  /* ImpSceneColumn */
  GHashTable     *by_node;  /* ImpNode* -> card index + 1 */
  ImpRect         bounds;

  Grid            card_grid;
  Grid            link_grid;

  PangoContext   *text_context;
  PangoLayout   **text_layouts;

  /* Card decorations (imp_scene_decorate_card) */
  GHashTable     *refuted;  /* nodes downstream of a refuted link */
  GHashTable     *broken;   /* links where a tracked chain broke (imp-tracking.c) */
  GStringChunk   *strings;  /* their texts */
  GHashTable     *palette;  /* the texts' colours, each once: ImpColor* */
  GDate           today;

  /* View state (imp_scene_set_reveal_level, imp_scene_set_focus) */
  int             reveal_level;  /* -1: every level */
  ImpNode        *focus;
  GHashTable     *branch;        /* the focused branch's nodes */
  ImpSceneFilter  filter;

  /* What caches of painted pixels check (_imp_scene_get_serial), and the
   * cards and links moved since _imp_scene_track_changes() */
  guint64         serial;
  GHashTable     *touched;       /* ImpNode* of cards, ImpLink* of links */
  guint           n_touched;
  guint64         touched_serial;

  /* For _imp_scene_update(): ImpLink* -> link index + 1, made on first
   * use, and the exact extremes of every extent, once known. */
  GHashTable     *by_link;
  gboolean        has_extremes;
  double          min_x, min_y, max_x, max_y;
};

G_DEFINE_FINAL_TYPE (ImpScene, imp_scene, G_TYPE_OBJECT)

/* Spatial index */

static gint64
grid_cell (double v)
{
  return (gint64) floor (CLAMP (v, -GRID_COORD_LIMIT, GRID_COORD_LIMIT) / GRID_CELL);
}

static gint64
grid_key (gint64 cx,
          gint64 cy)
{
  return (gint64) (((guint64) (guint32) cx << 32) | (guint32) cy);
}

/* g_int64_hash() folds the two halves of a key together (cx ^ cy), so on a
 * map spread along x, as the down layout makes them, whole diagonals of
 * cells share a hash; mixing the bits keeps the table flat in every
 * layout. */
static guint
grid_hash (gconstpointer key)
{
  guint64 v = *(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (v >> 32);
}

static void
grid_init (Grid *grid)
{
  grid->cells = g_hash_table_new_full (grid_hash, g_int64_equal, g_free, NULL);
  grid->oversized = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->cells, g_hash_table_unref);
  g_clear_pointer (&grid->oversized, g_array_unref);
}

static void
grid_insert (Grid          *grid,
             const ImpRect *extent,
             guint          item)
{
  gint64 cx0 = grid_cell (extent->x);
  gint64 cy0 = grid_cell (extent->y);
  gint64 cx1 = grid_cell (extent->x + extent->width);
  gint64 cy1 = grid_cell (extent->y + extent->height);

  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > GRID_MAX_CELLS)
    {
      g_array_append_val (grid->oversized, item);
      return;
    }

  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = grid_key (cx, cy);
        GridCell *cell = g_hash_table_lookup (grid->cells, &key);

        if (cell == NULL)
          {
            cell = g_malloc (sizeof (GridCell) + 2 * sizeof (guint));
            cell->key = key;
            cell->len = 0;
            cell->size = 2;
            g_hash_table_add (grid->cells, cell);
          }
        else if (cell->len == cell->size)
          {
            /* The block moves as it grows: out of the set meanwhile. */
            g_hash_table_steal (grid->cells, cell);
            cell->size *= 2;
            cell = g_realloc (cell, sizeof (GridCell) + cell->size * sizeof (guint));
            g_hash_table_add (grid->cells, cell);
          }
        cell->items[cell->len++] = item;
      }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

typedef const ImpRect *(*ExtentFunc) (ImpScene *self,
                                      guint     item);

static const ImpRect *
card_extent (ImpScene *self,
             guint     item)
{
  return &g_array_index (self->cards, ImpSceneCard, item).extent;
}

static const ImpRect *
link_extent (ImpScene *self,
             guint     item)
{
  return &g_array_index (self->links, ImpSceneLink, item).extent;
}

static void
grid_query (ImpScene      *self,
            Grid          *grid,
            guint          n_items,
            ExtentFunc     extent_of,
            const ImpRect *rect,
            GArray        *out)
{
  gint64 cx0, cy0, cx1, cy1;
  guint before = out->len;
  guint unique;

  if (rect == NULL)
    {
      for (guint i = 0; i < n_items; i++)
        g_array_append_val (out, i);
      return;
    }

  cx0 = grid_cell (rect->x);
  cy0 = grid_cell (rect->y);
  cx1 = grid_cell (rect->x + rect->width);
  cy1 = grid_cell (rect->y + rect->height);

  /* Looking at more cells than there are items costs more than a scan. */
  if ((double) (cx1 - cx0 + 1) * (double) (cy1 - cy0 + 1) > n_items)
    {
      for (guint i = 0; i < n_items; i++)
        if (imp_rect_intersects (extent_of (self, i), rect))
          g_array_append_val (out, i);
      return;
    }

  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = grid_key (cx, cy);
        const GridCell *cell = g_hash_table_lookup (grid->cells, &key);

        if (cell == NULL)
          continue;

        for (guint j = 0; j < cell->len; j++)
          {
            guint item = cell->items[j];

            if (imp_rect_intersects (extent_of (self, item), rect))
              g_array_append_val (out, item);
          }
      }

  for (guint j = 0; j < grid->oversized->len; j++)
    {
      guint item = g_array_index (grid->oversized, guint, j);

      if (imp_rect_intersects (extent_of (self, item), rect))
        g_array_append_val (out, item);
    }

  /* An item in several cells is found several times: keep it once, and in
   * drawing order. */
  if (out->len - before > 1)
    {
      guint *items = &g_array_index (out, guint, before);
      guint n = out->len - before;

      qsort (items, n, sizeof (guint), compare_uint);
      unique = 1;
      for (guint i = 1; i < n; i++)
        if (items[i] != items[unique - 1])
          items[unique++] = items[i];
      g_array_set_size (out, before + unique);
    }
}

/* Building */

/* A big map has half a million lines of text in a handful of colours: each
 * line points at its colour, kept once here, instead of holding a copy
 * (24 bytes a line, 11 MiB at 100,000 cards). */
static guint
color_hash (gconstpointer key)
{
  const ImpColor *c = key;
  const double v[4] = { c->red, c->green, c->blue, c->alpha };
  guint h = 17;

  for (guint i = 0; i < 4; i++)
    h = h * 31 + g_double_hash (&v[i]);

  return h;
}

static gboolean
color_equal (gconstpointer a,
             gconstpointer b)
{
  const ImpColor *x = a, *y = b;

  return x->red == y->red && x->green == y->green && x->blue == y->blue &&
         x->alpha == y->alpha;
}

static const ImpColor *
intern_color (ImpScene       *self,
              const ImpColor *color)
{
  ImpColor *kept = g_hash_table_lookup (self->palette, color);

  if (kept == NULL)
    {
      kept = g_memdup2 (color, sizeof *color);
      g_hash_table_add (self->palette, kept);
    }

  return kept;
}

static double
tint_alpha (const ImpTheme *theme)
{
  return theme->kind == IMP_THEME_DARK ? 0.24 : 0.13;
}

static ImpColor
resolve_ink (const ImpTheme *theme,
             ImpLevel        level,
             ImpInk          ink)
{
  switch (ink)
    {
    case IMP_INK_TEXT:
      return theme->text;
    case IMP_INK_TEXT_DIM:
      return theme->text_dim;
    case IMP_INK_ACCENT:
      return theme->level_accent[level];
    case IMP_INK_ACCENT_TINT:
      return imp_color_with_alpha (&theme->level_accent[level], tint_alpha (theme));
    case IMP_INK_ON_ACCENT:
      return theme->on_accent;
    case IMP_INK_SUCCESS:
      return theme->success;
    case IMP_INK_SUCCESS_TINT:
      return imp_color_with_alpha (&theme->success, tint_alpha (theme));
    case IMP_INK_DANGER:
      return theme->danger;
    case IMP_INK_DANGER_TINT:
      return imp_color_with_alpha (&theme->danger, tint_alpha (theme));
    case IMP_INK_NEUTRAL:
      return theme->neutral;
    case IMP_INK_NEUTRAL_TINT:
      return imp_color_with_alpha (&theme->neutral, tint_alpha (theme));
    case IMP_INK_TRACK:
      return theme->progress_track;
    case IMP_INK_PROGRESS_DONE:
      return theme->progress_fill;
    default:
      return theme->text;
    }
}

static void
rect_union (ImpRect       *into,
            const ImpRect *r)
{
  double x0 = MIN (into->x, r->x);
  double y0 = MIN (into->y, r->y);
  double x1 = MAX (into->x + into->width, r->x + r->width);
  double y1 = MAX (into->y + into->height, r->y + r->height);

  *into = (ImpRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* A pill at the right end of the card's badge row; the badge is the card's
 * first box and first text. Left out when it does not fit beside it. */
static void
add_status_pill (ImpScene     *self,
                 ImpSceneCard *sc,
                 const char   *text,
                 ImpColor      ink,
                 double        alpha)
{
  const ImpSceneBox *badge;
  const ImpSceneText *badge_text;
  ImpSceneBox box = { .radius = 0 };
  ImpSceneText label = { .text = NULL };
  double size, width, pad, right;

  if (sc->n_boxes == 0 || sc->n_texts == 0)
    return;

  badge = &g_array_index (self->boxes, ImpSceneBox, sc->first_box);
  badge_text = &g_array_index (self->texts, ImpSceneText, sc->first_text);
  size = badge_text->size;
  pad = badge_text->x - badge->rect.x;
  width = _imp_layout_measure_text (self->layout, text, size, PANGO_WEIGHT_BOLD, 0);
  right = sc->rect.x + sc->rect.width - (badge->rect.x - sc->rect.x);
  if (badge->rect.x + badge->rect.width + 6 + width + 2 * pad > right)
    return;

  box.rect = (ImpRect) { right - width - 2 * pad, badge->rect.y, width + 2 * pad,
                         badge->rect.height };
  box.radius = badge->radius;
  box.fill = imp_color_with_alpha (&ink, alpha);
  label.text = g_string_chunk_insert_const (self->strings, text);
  label.x = box.rect.x + pad;
  label.y = badge_text->y;
  label.width = width;
  label.size = size;
  label.weight = PANGO_WEIGHT_BOLD;
  label.color = intern_color (self, &ink);

  g_array_append_val (self->boxes, box);
  sc->n_boxes++;
  g_array_append_val (self->texts, label);
  sc->n_texts++;
}

/* A pill like a status pill on the card's bottom edge, half out of it,
 * on a plate of the card's fill with its border: the second row of the
 * badge row. Left out when it is wider than the card. */
static void
add_edge_pill (ImpScene     *self,
               ImpSceneCard *sc,
               const char   *text,
               ImpColor      ink,
               double        alpha)
{
  const ImpSceneBox *badge;
  const ImpSceneText *badge_text;
  ImpSceneBox plate = { .radius = 0 };
  ImpSceneBox box;
  ImpSceneText label = { .text = NULL };
  double size, width, pad, inset, h;

  if (sc->n_boxes == 0 || sc->n_texts == 0)
    return;

  badge = &g_array_index (self->boxes, ImpSceneBox, sc->first_box);
  badge_text = &g_array_index (self->texts, ImpSceneText, sc->first_text);
  size = badge_text->size;
  pad = badge_text->x - badge->rect.x;
  h = badge->rect.height;
  inset = badge->rect.x - sc->rect.x;
  width = _imp_layout_measure_text (self->layout, text, size, PANGO_WEIGHT_BOLD, 0);
  if (width + 2 * pad > sc->rect.width - 2 * inset)
    return;

  plate.rect = (ImpRect) { sc->rect.x + sc->rect.width - inset - width - 2 * pad,
                           sc->rect.y + sc->rect.height - h / 2, width + 2 * pad, h };
  plate.radius = badge->radius;
  plate.fill = sc->fill;
  plate.stroke = sc->border;
  plate.stroke_width = 1;
  box = plate;
  box.fill = imp_color_with_alpha (&ink, alpha);
  box.stroke_width = 0;
  label.text = g_string_chunk_insert_const (self->strings, text);
  label.x = box.rect.x + pad;
  label.y = badge_text->y - badge->rect.y + box.rect.y;
  label.width = width;
  label.size = size;
  label.weight = PANGO_WEIGHT_BOLD;
  label.color = intern_color (self, &ink);

  g_array_append_val (self->boxes, plate);
  g_array_append_val (self->boxes, box);
  sc->n_boxes += 2;
  g_array_append_val (self->texts, label);
  sc->n_texts++;
  rect_union (&sc->extent, &plate.rect);
}

/* Whether a chip (the ICE score of a narrow card) already sits in the
 * badge row beside the badge, where a status pill would go. */
static gboolean
badge_row_taken (ImpScene     *self,
                 ImpSceneCard *sc)
{
  const ImpSceneBox *badge;

  if (sc->n_boxes == 0)
    return TRUE;
  badge = &g_array_index (self->boxes, ImpSceneBox, sc->first_box);
  for (guint i = 1; i < sc->n_boxes; i++)
    {
      const ImpSceneBox *box = &g_array_index (self->boxes, ImpSceneBox, sc->first_box + i);

      if (box->rect.y < badge->rect.y + badge->rect.height &&
          box->rect.y + box->rect.height > badge->rect.y)
        return TRUE;
    }

  return FALSE;
}

/* A sparkline of a metric's latest readings, as thin bars in the badge row
 * between the badge and the status pill (@pill: one was added, last): bars
 * are boxes, so canvas, PNG, SVG and PDF draw it alike. The bars span the
 * readings' own range, the lowest two pixels high. */
static void
add_sparkline (ImpScene     *self,
               ImpSceneCard *sc,
               ImpNode      *node,
               gboolean      pill)
{
  const ImpMetric *metric = node->metric;
  guint n = imp_metric_get_n_readings (metric);
  const ImpSceneBox *badge;
  double left, right, width, lo, hi;
  guint shown, first;
  const double bar = 3, gap = 1.5;

  if (n < 2 || sc->n_boxes == 0)
    return;

  badge = &g_array_index (self->boxes, ImpSceneBox, sc->first_box);
  left = badge->rect.x + badge->rect.width + 8;
  right = pill ? g_array_index (self->boxes, ImpSceneBox, sc->first_box + sc->n_boxes - 1).rect.x - 8
               : sc->rect.x + sc->rect.width - (badge->rect.x - sc->rect.x);
  width = MIN (right - left, 60);
  if (width < 4 * (bar + gap))
    return;

  shown = MIN (n, (guint) floor ((width + gap) / (bar + gap)));
  first = n - shown;
  lo = hi = imp_metric_get_reading (metric, first)->value;
  for (guint i = first; i < n; i++)
    {
      double v = imp_metric_get_reading (metric, i)->value;

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  for (guint i = first; i < n; i++)
    {
      double v = imp_metric_get_reading (metric, i)->value;
      double full = badge->rect.height;
      double h = hi > lo ? 2 + (v - lo) / (hi - lo) * (full - 2) : full / 2;
      ImpSceneBox box = { .radius = 1 };

      box.rect = (ImpRect) { right - (n - i) * (bar + gap) + gap, badge->rect.y + full - h, bar, h };
      box.fill = i + 1 == n ? sc->accent : imp_color_with_alpha (&sc->accent, 0.55);
      g_array_append_val (self->boxes, box);
      sc->n_boxes++;
    }
}

/* What the analysis knows and the layout does not draw: a metric's
 * deadline and whether it is overdue or off track, and a flag on every
 * card that rests on a refuted link. */
static void
decorate_card (ImpScene     *self,
               ImpNode      *node,
               ImpSceneCard *sc)
{
  const ImpTheme *theme = self->theme;
  double tint = theme->kind == IMP_THEME_DARK ? 0.24 : 0.13;
  guint n_boxes = sc->n_boxes;
  guint first_boxes = sc->n_boxes;

  if (node->metric != NULL && imp_metric_is_valid_date (node->metric->deadline))
    {
      ImpMetricState state = imp_analysis_get_metric_state (node->metric, &self->today);
      g_autofree char *text = NULL;

      if (state == IMP_METRIC_STATE_OVERDUE)
        {
          /* TRANSLATORS: on a card, a deadline passed: "Overdue 2026-11-30" */
          text = g_strdup_printf (_("Overdue %s"), node->metric->deadline);
          add_status_pill (self, sc, text, theme->danger, tint);
        }
      else if (state == IMP_METRIC_STATE_OFF_TRACK)
        {
          /* TRANSLATORS: on a card, moving away from the target */
          text = g_strdup_printf (_("Off track · %s"), node->metric->deadline);
          add_status_pill (self, sc, text, theme->danger, tint);
        }
      else if (state == IMP_METRIC_STATE_AT_RISK)
        {
          /* TRANSLATORS: on a card, the pace falls short of the target by the deadline */
          text = g_strdup_printf (_("At risk · %s"), node->metric->deadline);
          add_status_pill (self, sc, text, theme->danger, tint / 2);
        }
      else if (state == IMP_METRIC_STATE_REACHED)
        {
          add_status_pill (self, sc, _("✓ Reached"), theme->success, tint);
        }
      else
        {
          /* TRANSLATORS: on a card, the metric's deadline: "Due 2026-11-30" */
          text = g_strdup_printf (_("Due %s"), node->metric->deadline);
          add_status_pill (self, sc, text, theme->text_dim, tint);
        }
    }

  if (node->metric != NULL)
    {
      gboolean pill = imp_metric_is_valid_date (node->metric->deadline) && sc->n_boxes > n_boxes;

      add_sparkline (self, sc, node, pill);
    }

  if (node->level == IMP_LEVEL_DELIVERABLE && node->delivery.status != IMP_DELIVERY_NONE &&
      !badge_row_taken (self, sc))
    {
      g_autofree char *text = NULL;

      if (node->delivery.status == IMP_DELIVERY_SHIPPED)
        /* TRANSLATORS: on a card, the day a deliverable shipped: "Shipped 2026-02-09" */
        text = g_strdup_printf (_("Shipped %s"), node->delivery.shipped);
      else
        text = g_strdup (imp_delivery_status_display_name (node->delivery.status));
      n_boxes = sc->n_boxes;
      add_status_pill (self, sc, text,
                       node->delivery.status == IMP_DELIVERY_SHIPPED ? theme->success
                                                                     : theme->text_dim, tint);
      /* A narrow card says it shipped without the day. */
      if (sc->n_boxes == n_boxes && node->delivery.status == IMP_DELIVERY_SHIPPED)
        add_status_pill (self, sc, _("✓ Shipped"), theme->success, tint);
    }

  /* A combined map's card names the breakout maps that proposed it, in
   * the badge row when no status pill has it, else on a second row: a tag
   * on the card's bottom edge, so both show. */
  {
    g_autofree char *by = imp_combine_dup_proposed_by (node);

    guint before = sc->n_boxes;

    if (by != NULL && sc->n_boxes == first_boxes && !badge_row_taken (self, sc))
      add_status_pill (self, sc, by, theme->text_dim, tint / 2);
    if (by != NULL && sc->n_boxes == before)
      add_edge_pill (self, sc, by, theme->text_dim, tint / 2);
  }

  if (self->refuted != NULL && g_hash_table_contains (self->refuted, node))
    {
      const double r = 8.0;
      ImpSceneBox disc = {
        .rect = { sc->rect.x + sc->rect.width - r - 2, sc->rect.y - r + 2, 2 * r, 2 * r },
        .radius = r,
        .fill = theme->danger,
        .stroke = theme->background,
        .stroke_width = 1.5,
      };
      double width = _imp_layout_measure_text (self->layout, "!", 11, PANGO_WEIGHT_BOLD, 0);
      ImpSceneText mark = {
        .text = "!",
        .x = disc.rect.x + r - width / 2,
        .y = disc.rect.y + r + 11 * 0.36,
        .width = width,
        .size = 11,
        .weight = PANGO_WEIGHT_BOLD,
        .color = intern_color (self, &theme->on_accent),
      };

      sc->border = theme->danger;
      g_array_append_val (self->boxes, disc);
      sc->n_boxes++;
      g_array_append_val (self->texts, mark);
      sc->n_texts++;
      rect_union (&sc->extent, &disc.rect);
    }
}

static void add_vote_dots (ImpScene     *self,
                           ImpNode      *node,
                           ImpSceneCard *sc);

static void
add_card (ImpScene      *self,
          ImpNode       *node,
          const ImpCard *card,
          const ImpRect *rect)
{
  const ImpTheme *theme = self->theme;
  ImpLevel level = node->level;
  ImpSceneCard sc = {
    .node = node,
    .level = level,
    .rect = *rect,
    .extent = *rect,
    .radius = IMP_CARD_RADIUS,
    .fill = theme->level_fill[level],
    .accent = theme->level_accent[level],
    .border = imp_color_with_alpha (&theme->level_accent[level],
                                    theme->kind == IMP_THEME_DARK ? 0.45 : 0.28),
    .first_text = self->texts->len,
    .n_texts = card->n_texts,
    .first_box = self->boxes->len,
    .n_boxes = card->n_boxes,
    .track_box = card->track_box >= 0 ? (int) self->boxes->len + card->track_box : -1,
    .progress = card->progress,
    .hidden_count = _imp_layout_get_hidden_count (self->layout, node),
  };

  for (guint i = 0; i < card->n_boxes; i++)
    {
      const ImpCardBox *b = &card->boxes[i];
      ImpSceneBox box = {
        .rect = { rect->x + b->rect.x, rect->y + b->rect.y, b->rect.width, b->rect.height },
        .radius = b->radius,
        .fill = resolve_ink (theme, level, b->ink),
      };

      g_array_append_val (self->boxes, box);
      rect_union (&sc.extent, &box.rect);
    }

  for (guint i = 0; i < card->n_texts; i++)
    {
      const ImpCardText *t = &card->texts[i];
      ImpColor ink = resolve_ink (theme, level, t->ink);
      ImpSceneText text = {
        .text = t->text,
        .x = rect->x + t->x,
        .y = rect->y + t->baseline,
        .width = t->width,
        .size = t->size,
        .letter_spacing = t->letter_spacing,
        .weight = t->weight,
        .word_spacing = t->word_spacing,
        .color = intern_color (self, &ink),
      };

      g_array_append_val (self->texts, text);
    }

  decorate_card (self, node, &sc);
  add_vote_dots (self, node, &sc);

  g_array_append_val (self->cards, sc);
  g_hash_table_insert (self->by_node, node, GUINT_TO_POINTER (self->cards->len));
}

static void
add_mark (ImpScene     *self,
          ImpSceneLink *sl,
          const char   *glyph,
          ImpColor      color)
{
  /* The middle of the cubic: (p0 + 3 p1 + 3 p2 + p3) / 8. */
  double mx = (sl->x0 + 3 * sl->x1 + 3 * sl->x2 + sl->x3) / 8;
  double my = (sl->y0 + 3 * sl->y1 + 3 * sl->y2 + sl->y3) / 8;
  /* A lone sign sits in a disc; a sign with its confidence ("? low") in
   * a pill, in smaller type. */
  gboolean lone = g_utf8_strlen (glyph, -1) == 1;
  double size = lone ? MARK_SIZE : MARK_WORD_SIZE;
  double width = _imp_layout_measure_text (self->layout, glyph, size, PANGO_WEIGHT_BOLD, 0);
  double half = MAX (MARK_RADIUS, width / 2 + 6);
  ImpSceneBox box = {
    .rect = { mx - half, my - MARK_RADIUS, 2 * half, 2 * MARK_RADIUS },
    .radius = MARK_RADIUS,
    .fill = self->theme->background,
    .stroke = color,
    .stroke_width = 1.5,
  };
  ImpSceneText text = {
    .text = g_string_chunk_insert_const (self->strings, glyph),
    .x = mx - width / 2,
    .y = my + size * 0.36,
    .width = width,
    .size = size,
    .weight = PANGO_WEIGHT_BOLD,
    .color = intern_color (self, &color),
  };

  sl->mark_box = self->boxes->len;
  g_array_append_val (self->boxes, box);
  sl->mark_text = self->texts->len;
  g_array_append_val (self->texts, text);
  rect_union (&sl->extent, &box.rect);
}

static void
add_link (ImpScene *self,
          ImpLink  *link)
{
  const ImpTheme *theme = self->theme;
  const ImpSceneCard *parent = _imp_scene_find_card (self, link->parent);
  const ImpSceneCard *child = _imp_scene_find_card (self, link->child);
  gboolean cross = !imp_link_is_tree_link (link);
  ImpSceneLink sl = { .link = link, .cross_link = cross, .mark_box = -1, .mark_text = -1 };
  const char *mark;
  double handle;
  double pad;

  if (parent == NULL || child == NULL)
    return;

  if (imp_layout_get_kind (self->layout) == IMP_LAYOUT_DOWN)
    {
      /* A vertical S from the parent's bottom edge to the child's top. */
      sl.x0 = parent->rect.x + parent->rect.width / 2;
      sl.y0 = parent->rect.y + parent->rect.height;
      sl.x3 = child->rect.x + child->rect.width / 2;
      sl.y3 = child->rect.y;
      handle = MAX (fabs (sl.y3 - sl.y0) / 2, LINK_MIN_HANDLE);
      sl.x1 = sl.x0;
      sl.y1 = sl.y0 + handle;
      sl.x2 = sl.x3;
      sl.y2 = sl.y3 - handle;
    }
  else
    {
      /* A horizontal S from the parent's edge facing the child to the
       * child's edge facing the parent: both handles are level, so the
       * curve leaves and enters flat. On the left of a balanced map's goal
       * the curve leaves the parent's left edge. */
      gboolean leftward = imp_layout_get_kind (self->layout) == IMP_LAYOUT_BALANCED &&
                          imp_layout_get_side (self->layout, link->child) < 0;
      double dir = leftward ? -1 : 1;

      sl.x0 = leftward ? parent->rect.x : parent->rect.x + parent->rect.width;
      sl.y0 = parent->rect.y + parent->rect.height / 2;
      sl.x3 = leftward ? child->rect.x + child->rect.width : child->rect.x;
      sl.y3 = child->rect.y + child->rect.height / 2;
      handle = MAX (fabs (sl.x3 - sl.x0) / 2, LINK_MIN_HANDLE);
      sl.x1 = sl.x0 + dir * handle;
      sl.y1 = sl.y0;
      sl.x2 = sl.x3 - dir * handle;
      sl.y2 = sl.y3;
    }

  /* DOMAIN.md: status shows in the line's style, not in colour alone.
   * Cross-links are long dashes; a refuted link short dashes and a cross,
   * a supported one a heavier line and a tick. */
  sl.color = cross ? theme->cross_link : theme->link;
  sl.width = LINK_WIDTH;
  if (cross)
    {
      sl.dash[0] = 8;
      sl.dash[1] = 5;
    }

  if (link->status == IMP_LINK_STATUS_REFUTED)
    {
      sl.color = theme->danger;
      sl.dash[0] = 3;
      sl.dash[1] = 4;
    }
  else if (link->status == IMP_LINK_STATUS_SUPPORTED)
    {
      sl.color = theme->success;
      sl.width = LINK_WIDTH_STRONG;
    }

  /* Where the readings say a shipped chain broke: heavy and in the danger
   * colour, solid, unlike a refuted assumption's dashes. */
  if (self->broken != NULL && g_hash_table_contains (self->broken, link) &&
      link->status != IMP_LINK_STATUS_REFUTED)
    {
      sl.color = theme->danger;
      sl.width = LINK_WIDTH_STRONG * 1.5;
      sl.dash[0] = sl.dash[1] = 0;
    }

  /* The curve stays inside the hull of its four points. */
  sl.extent.x = MIN (MIN (sl.x0, sl.x1), MIN (sl.x2, sl.x3));
  sl.extent.y = MIN (MIN (sl.y0, sl.y1), MIN (sl.y2, sl.y3));
  sl.extent.width = MAX (MAX (sl.x0, sl.x1), MAX (sl.x2, sl.x3)) - sl.extent.x;
  sl.extent.height = MAX (MAX (sl.y0, sl.y1), MAX (sl.y2, sl.y3)) - sl.extent.y;
  pad = sl.width;
  sl.extent.x -= pad;
  sl.extent.y -= pad;
  sl.extent.width += 2 * pad;
  sl.extent.height += 2 * pad;

  /* Every link that carries an assumption gets a mark, an untested one
   * too: its sign says the status and its word the confidence. */
  mark = imp_analysis_link_mark (link);
  if (mark != NULL)
    add_mark (self, &sl, mark,
              link->status == IMP_LINK_STATUS_REFUTED ? theme->danger
              : link->status == IMP_LINK_STATUS_SUPPORTED ? theme->success
              : theme->text_dim);

  g_array_append_val (self->links, sl);
}

/* The links where a tracked chain broke, or NULL on a map that tracks
 * nothing. */
static GHashTable *
collect_broken (ImpMap *map)
{
  g_autoptr(GPtrArray) diagnoses = NULL;
  GHashTable *broken;

  if (!imp_tracking_map_has_tracking (map))
    return NULL;

  diagnoses = imp_tracking_diagnose (map);
  broken = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < diagnoses->len; i++)
    {
      const ImpDiagnosis *d = g_ptr_array_index (diagnoses, i);

      if (d->broken != NULL)
        g_hash_table_add (broken, d->broken);
    }

  return broken;
}

static void
build (ImpScene *self)
{
  guint n_visible = _imp_layout_get_n_visible (self->layout);
  gboolean first = TRUE;

  /* A card has about six lines of text and three boxes: sizing the arrays
   * up front saves copying them over and over on a big map. */
  g_array_set_size (self->cards, n_visible);
  g_array_set_size (self->cards, 0);
  g_array_set_size (self->links, n_visible);
  g_array_set_size (self->links, 0);
  g_array_set_size (self->texts, 6 * n_visible);
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->boxes, 3 * n_visible);
  g_array_set_size (self->boxes, 0);

  self->refuted = imp_analysis_collect_refuted (self->map);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  self->broken = collect_broken (self->map);
  self->strings = g_string_chunk_new (256);
  imp_analysis_get_today (&self->today);

  for (guint i = 0; i < n_visible; i++)
    {
      ImpNode *node = _imp_layout_get_visible (self->layout, i);
      const ImpCard *card = _imp_layout_get_card (self->layout, node);
      ImpRect rect;

      if (card != NULL && imp_layout_get_node_rect (self->layout, node, &rect))
        add_card (self, node, card, &rect);
    }

  /* Tree links first, cross-links over them, so a dashed line is never
   * hidden under a solid one. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->cards->len; i++)
      {
        ImpNode *node = g_array_index (self->cards, ImpSceneCard, i).node;

        for (guint j = 0; j < node->children->len; j++)
          {
            ImpLink *link = g_ptr_array_index (node->children, j);

            if (imp_link_is_tree_link (link) == (pass == 0))
              add_link (self, link);
          }
      }

  /* The layout's bands: columns or rows, mirrored on both sides of a
   * balanced map's goals. */
  for (guint i = 0; i < imp_layout_get_n_bands (self->layout); i++)
    {
      const ImpLayoutBand *band = imp_layout_get_band (self->layout, i);
      ImpSceneColumn column = { band->level, band->rect.x, band->rect.width, *band };

      g_array_append_val (self->columns, column);
    }

  self->bounds = (ImpRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < self->cards->len; i++)
    {
      const ImpSceneCard *card = &g_array_index (self->cards, ImpSceneCard, i);

      if (first)
        self->bounds = card->extent;
      else
        rect_union (&self->bounds, &card->extent);
      first = FALSE;
      grid_insert (&self->card_grid, &card->extent, i);
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      const ImpSceneLink *link = &g_array_index (self->links, ImpSceneLink, i);

      rect_union (&self->bounds, &link->extent);
      grid_insert (&self->link_grid, &link->extent, i);
    }

  self->text_layouts = g_new0 (PangoLayout *, MAX (self->texts->len, 1));
}

static void
imp_scene_finalize (GObject *object)
{
  ImpScene *self = (ImpScene *) object;

  if (self->text_layouts != NULL)
    for (guint i = 0; i < self->texts->len; i++)
      g_clear_object (&self->text_layouts[i]);
  g_clear_pointer (&self->text_layouts, g_free);
  g_clear_object (&self->text_context);

  grid_clear (&self->card_grid);
  grid_clear (&self->link_grid);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->by_node, g_hash_table_unref);
  g_clear_pointer (&self->refuted, g_hash_table_unref);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->palette, g_hash_table_unref);
  g_clear_pointer (&self->branch, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->by_link, g_hash_table_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (imp_scene_parent_class)->finalize (object);
}

static void
imp_scene_class_init (ImpSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = imp_scene_finalize;
}

static void
imp_scene_init (ImpScene *self)
{
  self->cards = g_array_new (FALSE, FALSE, sizeof (ImpSceneCard));
  self->links = g_array_new (FALSE, FALSE, sizeof (ImpSceneLink));
  self->texts = g_array_new (FALSE, FALSE, sizeof (ImpSceneText));
  self->boxes = g_array_new (FALSE, FALSE, sizeof (ImpSceneBox));
  self->columns = g_array_new (FALSE, FALSE, sizeof (ImpSceneColumn));
  self->by_node = g_hash_table_new (NULL, NULL);
  self->palette = g_hash_table_new_full (color_hash, color_equal, g_free, NULL);
  grid_init (&self->card_grid);
  grid_init (&self->link_grid);
  self->reveal_level = -1;
}

/**
 * imp_scene_new:
 * @map: the map
 * @theme: (nullable): the look; %NULL for the light theme
 *
 * Lays @map out and turns it into primitives. The scene keeps a reference
 * on @map but does not follow its changes: build a new scene after an edit
 * (text measurements are cached on the map, so that is cheap).
 *
 * Returns: (transfer full): a new scene
 */
ImpScene *
imp_scene_new (ImpMap         *map,
               const ImpTheme *theme)
{
  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  return imp_scene_new_for_layout (map, theme, imp_map_get_layout (map));
}

/**
 * imp_scene_new_for_layout:
 * @kind: the layout to draw
 *
 * Like imp_scene_new(), in @kind's layout whatever the map's own: what
 * `export --layout` draws.
 *
 * Returns: (transfer full): a new scene
 */
ImpScene *
imp_scene_new_for_layout (ImpMap         *map,
                          const ImpTheme *theme,
                          ImpLayoutKind   kind)
{
  ImpScene *self;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);
  g_return_val_if_fail ((guint) kind < IMP_N_LAYOUTS, NULL);

  self = g_object_new (IMP_TYPE_SCENE, NULL);
  self->map = g_object_ref (map);
  self->theme = theme ? theme : imp_theme_get (IMP_THEME_LIGHT);
  /* The map's own layout follows the map; another is fixed. */
  if (kind == imp_map_get_layout (map))
    self->layout = imp_layout_new (map, self->theme);
  else
    self->layout = imp_layout_new_for_kind (map, self->theme, kind);
  imp_layout_compute (self->layout);
  build (self);

  return self;
}

/**
 * imp_scene_get_map:
 *
 * Returns: (transfer none): the map the scene shows
 */
ImpMap *
imp_scene_get_map (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);

  return self->map;
}

/**
 * imp_scene_get_theme:
 *
 * Returns: (transfer none): the scene's theme
 */
const ImpTheme *
imp_scene_get_theme (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);

  return self->theme;
}

/**
 * imp_scene_get_layout:
 *
 * Returns: (transfer none): the layout the scene was built from
 */
ImpLayout *
imp_scene_get_layout (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);

  return self->layout;
}

/**
 * imp_scene_get_bounds:
 * @bounds: (out): the union of every card, collapsed indicator, link and
 *   link mark, without padding; empty at (0, 0) for an empty map
 */
void
imp_scene_get_bounds (ImpScene *self,
                      ImpRect  *bounds)
{
  g_return_if_fail (IMP_IS_SCENE (self));
  g_return_if_fail (bounds != NULL);

  *bounds = self->bounds;
}

/**
 * imp_scene_hit_test:
 * @x: a point in map coordinates
 * @y: a point in map coordinates
 *
 * Looks the point up in the spatial index, so it costs the same on a map of
 * ten cards or ten thousand.
 *
 * Returns: (transfer none) (nullable): the topmost card's node under the
 *   point
 */
ImpNode *
imp_scene_hit_test (ImpScene *self,
                    double    x,
                    double    y)
{
  ImpRect point = { x, y, 0, 0 };
  gint64 key;
  const GridCell *cell;
  int best = -1;

  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);

  if (!isfinite (x) || !isfinite (y))
    return NULL;

  key = grid_key (grid_cell (point.x), grid_cell (point.y));
  cell = g_hash_table_lookup (self->card_grid.cells, &key);

  for (int pass = 0; pass < 2; pass++)
    {
      GArray *oversized = self->card_grid.oversized;
      const guint *items = pass == 0 ? (cell != NULL ? cell->items : NULL)
                                     : (const guint *) (gpointer) oversized->data;
      guint n = pass == 0 ? (cell != NULL ? cell->len : 0) : oversized->len;

      for (guint j = 0; j < n; j++)
        {
          guint i = items[j];
          const ImpSceneCard *card = &g_array_index (self->cards, ImpSceneCard, i);

          /* Cards drawn later are on top. */
          if ((int) i > best && imp_rect_contains_point (&card->rect, x, y) &&
              !_imp_scene_card_is_hidden (self, card))
            best = i;
        }
    }

  return best >= 0 ? g_array_index (self->cards, ImpSceneCard, best).node : NULL;
}

static double
bezier (double t,
        double p0,
        double p1,
        double p2,
        double p3)
{
  double u = 1 - t;

  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * imp_scene_hit_test_link:
 * @x: a point in map coordinates
 * @y: a point in map coordinates
 * @tolerance: how near the curve the point may be, in map units
 *
 * Looks the point up in the links' spatial index, then measures its
 * distance to each candidate's curve (a cubic Bézier, as drawn, followed
 * in 24 straight pieces). Hidden links (revealed levels, a focused
 * branch) are never hit.
 *
 * Returns: (transfer none) (nullable): the link whose curve passes
 *   nearest the point, within @tolerance
 */
ImpLink *
imp_scene_hit_test_link (ImpScene *self,
                         double    x,
                         double    y,
                         double    tolerance)
{
  g_autoptr(GArray) candidates = NULL;
  ImpRect around;
  ImpLink *best = NULL;
  double best_distance;

  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);

  if (!isfinite (x) || !isfinite (y) || !isfinite (tolerance) || tolerance < 0)
    return NULL;

  around = (ImpRect) { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };
  candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  grid_query (self, &self->link_grid, self->links->len, link_extent, &around, candidates);

  best_distance = tolerance;
  for (guint j = 0; j < candidates->len; j++)
    {
      guint i = g_array_index (candidates, guint, j);
      const ImpSceneLink *link = &g_array_index (self->links, ImpSceneLink, i);
      double px = link->x0, py = link->y0;

      if (_imp_scene_link_is_hidden (self, link))
        continue;

      for (int k = 1; k <= 24; k++)
        {
          double t = k / 24.0;
          double qx = bezier (t, link->x0, link->x1, link->x2, link->x3);
          double qy = bezier (t, link->y0, link->y1, link->y2, link->y3);
          double d = segment_distance (x, y, px, py, qx, qy);

          if (d <= best_distance)
            {
              best_distance = d;
              best = link->link;
            }
          px = qx;
          py = qy;
        }
    }

  return best;
}

/**
 * imp_scene_get_card_rect:
 * @node: a node
 * @rect: (out): its card in map coordinates
 *
 * Returns: whether @node has a card in the scene (it may be hidden under a
 *   collapsed ancestor)
 */
gboolean
imp_scene_get_card_rect (ImpScene      *self,
                         const ImpNode *node,
                         ImpRect       *rect)
{
  const ImpSceneCard *card;

  g_return_val_if_fail (IMP_IS_SCENE (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  card = _imp_scene_find_card (self, node);
  if (card == NULL)
    return FALSE;

  *rect = card->rect;

  return TRUE;
}

/**
 * imp_scene_get_n_columns:
 *
 * Returns: the number of level columns, from the goal to the deepest level
 *   with a node (at least one, the goal column, even for an empty map)
 */
guint
imp_scene_get_n_columns (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), 0);

  return self->columns->len;
}

/**
 * imp_scene_get_column:
 * @column: an index below imp_scene_get_n_columns()
 * @level: (out) (optional): the column's level
 * @x: (out) (optional): its left edge
 * @width: (out) (optional): its width, that of a card
 */
void
imp_scene_get_column (ImpScene *self,
                      guint     column,
                      ImpLevel *level,
                      double   *x,
                      double   *width)
{
  const ImpSceneColumn *c;

  g_return_if_fail (IMP_IS_SCENE (self));
  g_return_if_fail (column < self->columns->len);

  c = &g_array_index (self->columns, ImpSceneColumn, column);
  if (level != NULL)
    *level = c->level;
  if (x != NULL)
    *x = c->x;
  if (width != NULL)
    *width = c->width;
}

/**
 * imp_scene_get_band:
 * @column: an index below imp_scene_get_n_columns()
 *
 * Returns: (transfer none): what the header of @column names, and where:
 *   a column, or a row of the down layout
 */
const ImpLayoutBand *
imp_scene_get_band (ImpScene *self,
                    guint     column)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, ImpSceneColumn, column).band;
}

/* Private accessors for the renderer, the SVG writer and the tests. */

guint
_imp_scene_get_n_cards (ImpScene *self)
{
  return self->cards->len;
}

const ImpSceneCard *
_imp_scene_get_card (ImpScene *self,
                     guint     i)
{
  g_return_val_if_fail (i < self->cards->len, NULL);

  return &g_array_index (self->cards, ImpSceneCard, i);
}

const ImpSceneCard *
_imp_scene_find_card (ImpScene      *self,
                      const ImpNode *node)
{
  guint position;

  if (node == NULL)
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_node, node));

  return position > 0 ? &g_array_index (self->cards, ImpSceneCard, position - 1) : NULL;
}

guint
_imp_scene_get_n_links (ImpScene *self)
{
  return self->links->len;
}

const ImpSceneLink *
_imp_scene_get_link (ImpScene *self,
                     guint     i)
{
  g_return_val_if_fail (i < self->links->len, NULL);

  return &g_array_index (self->links, ImpSceneLink, i);
}

guint
_imp_scene_get_n_texts (ImpScene *self)
{
  return self->texts->len;
}

const ImpSceneText *
_imp_scene_get_text (ImpScene *self,
                     guint     i)
{
  g_return_val_if_fail (i < self->texts->len, NULL);

  return &g_array_index (self->texts, ImpSceneText, i);
}

const ImpSceneBox *
_imp_scene_get_box (ImpScene *self,
                    guint     i)
{
  g_return_val_if_fail (i < self->boxes->len, NULL);

  return &g_array_index (self->boxes, ImpSceneBox, i);
}

static void filter_cards (ImpScene *self,
                          GArray   *items,
                          guint     from);
static void filter_links (ImpScene *self,
                          GArray   *items,
                          guint     from);

void
_imp_scene_query_cards (ImpScene      *self,
                        const ImpRect *rect,
                        GArray        *out)
{
  guint before = out->len;

  grid_query (self, &self->card_grid, self->cards->len, card_extent, rect, out);
  filter_cards (self, out, before);
}

void
_imp_scene_query_links (ImpScene      *self,
                        const ImpRect *rect,
                        GArray        *out)
{
  guint before = out->len;

  grid_query (self, &self->link_grid, self->links->len, link_extent, rect, out);
  filter_links (self, out, before);
}

PangoLayout *
_imp_scene_get_text_layout (ImpScene *self,
                            guint     i)
{
  const ImpSceneText *text;

  g_return_val_if_fail (i < self->texts->len, NULL);

  if (self->text_layouts[i] != NULL)
    return self->text_layouts[i];

  if (self->text_context == NULL)
    self->text_context = _imp_text_context_new ();

  text = &g_array_index (self->texts, ImpSceneText, i);
  self->text_layouts[i] = pango_layout_new (self->text_context);
  _imp_text_layout_set (self->text_layouts[i], self->theme, text->text, text->size,
                        text->weight, text->letter_spacing);
  if (text->word_spacing != 0)
    _imp_text_layout_add_word_spacing (self->text_layouts[i], text->word_spacing);

  return self->text_layouts[i];
}

/* View state: reveal and focus. They change what is drawn and hit, never
 * where anything is, so a scene need not be rebuilt for them. */

static void
collect_descendants (GHashTable *set,
                     ImpNode    *node)
{
  if (!g_hash_table_add (set, node))
    return;

  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->children, i);

      if (imp_link_is_tree_link (link))
        collect_descendants (set, link->child);
    }
}

static void
collect_ancestors (GHashTable *set,
                   ImpNode    *node)
{
  /* Every path up to a goal: a deliverable serving two outcomes belongs to
   * both chains. */
  for (guint i = 0; i < node->parents->len; i++)
    {
      ImpNode *parent = ((ImpLink *) g_ptr_array_index (node->parents, i))->parent;

      if (g_hash_table_add (set, parent))
        collect_ancestors (set, parent);
    }
}

gboolean
_imp_scene_card_is_hidden (ImpScene           *self,
                           const ImpSceneCard *card)
{
  return self->reveal_level >= 0 && (int) card->level > self->reveal_level;
}

gboolean
_imp_scene_link_is_hidden (ImpScene           *self,
                           const ImpSceneLink *link)
{
  return self->reveal_level >= 0 &&
         ((int) link->link->parent->level > self->reveal_level ||
          (int) link->link->child->level > self->reveal_level);
}

gboolean
_imp_scene_card_is_dimmed (ImpScene           *self,
                           const ImpSceneCard *card)
{
  return self->branch != NULL && !g_hash_table_contains (self->branch, card->node);
}

gboolean
_imp_scene_link_is_dimmed (ImpScene           *self,
                           const ImpSceneLink *link)
{
  return self->branch != NULL &&
         !(g_hash_table_contains (self->branch, link->link->parent) &&
           g_hash_table_contains (self->branch, link->link->child));
}

gboolean
_imp_scene_has_focus (ImpScene *self)
{
  return self->branch != NULL;
}

void
_imp_scene_set_filter (ImpScene       *self,
                       ImpSceneFilter  filter)
{
  self->filter = filter;
}

ImpSceneFilter
_imp_scene_get_filter (ImpScene *self)
{
  return self->filter;
}

static gboolean
keep_dimmed (ImpScene *self,
             gboolean  dimmed)
{
  switch (self->filter)
    {
    case IMP_SCENE_FILTER_STILL:
    case IMP_SCENE_FILTER_MOVING:
      g_assert_not_reached ();
    case IMP_SCENE_FILTER_DIMMED:
      return dimmed;
    case IMP_SCENE_FILTER_UNDIMMED:
      return !dimmed;
    case IMP_SCENE_FILTER_ALL:
    default:
      return TRUE;
    }
}

static gboolean
keep_touched (ImpScene *self,
              gpointer  item)
{
  gboolean touched = self->touched != NULL && g_hash_table_contains (self->touched, item);

  return self->filter == IMP_SCENE_FILTER_MOVING ? touched : !touched;
}

static void
filter_cards (ImpScene *self,
              GArray   *items,
              guint     from)
{
  guint kept = from;

  if (self->reveal_level < 0 && self->filter == IMP_SCENE_FILTER_ALL)
    return;

  for (guint j = from; j < items->len; j++)
    {
      guint i = g_array_index (items, guint, j);
      const ImpSceneCard *card = &g_array_index (self->cards, ImpSceneCard, i);

      if (!_imp_scene_card_is_hidden (self, card) &&
          (self->filter >= IMP_SCENE_FILTER_STILL
           ? keep_touched (self, card->node)
           : keep_dimmed (self, _imp_scene_card_is_dimmed (self, card))))
        g_array_index (items, guint, kept++) = i;
    }
  g_array_set_size (items, kept);
}

static void
filter_links (ImpScene *self,
              GArray   *items,
              guint     from)
{
  guint kept = from;

  if (self->reveal_level < 0 && self->filter == IMP_SCENE_FILTER_ALL)
    return;

  for (guint j = from; j < items->len; j++)
    {
      guint i = g_array_index (items, guint, j);
      const ImpSceneLink *link = &g_array_index (self->links, ImpSceneLink, i);

      if (!_imp_scene_link_is_hidden (self, link) &&
          (self->filter >= IMP_SCENE_FILTER_STILL
           ? keep_touched (self, link->link)
           : keep_dimmed (self, _imp_scene_link_is_dimmed (self, link))))
        g_array_index (items, guint, kept++) = i;
    }
  g_array_set_size (items, kept);
}

/**
 * imp_scene_set_reveal_level:
 * @max_level: the deepest level shown, or -1 for all
 *
 * Hides every card whose level is deeper than @max_level, and every link
 * that touches one: they are not drawn, not hit by imp_scene_hit_test() and
 * not in imp_scene_get_visible_bounds(). The layout does not change, so the
 * cards already shown keep their places as the next level appears.
 */
void
imp_scene_set_reveal_level (ImpScene *self,
                            int       max_level)
{
  g_return_if_fail (IMP_IS_SCENE (self));

  self->reveal_level = max_level < 0 ? -1 : MIN (max_level, IMP_N_LEVELS - 1);
  self->serial++;
}

/**
 * imp_scene_get_reveal_level:
 *
 * Returns: the deepest level shown, or -1 when every level is
 */
int
imp_scene_get_reveal_level (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), -1);

  return self->reveal_level;
}

/**
 * imp_scene_set_focus:
 * @branch: (nullable): a node of the scene's map, or %NULL for no focus
 *
 * Focuses the branch of @branch: the node, its descendants through tree
 * links and its ancestors up to the goals. Every other card, and every link
 * not between two cards of the branch, is drawn dimmed; they stay
 * hit-testable.
 */
void
imp_scene_set_focus (ImpScene *self,
                     ImpNode  *branch)
{
  g_return_if_fail (IMP_IS_SCENE (self));
  g_return_if_fail (branch == NULL || imp_map_get_node_index (self->map, branch) >= 0);

  g_clear_pointer (&self->branch, g_hash_table_unref);
  self->focus = branch;
  self->serial++;
  if (branch == NULL)
    return;

  self->branch = g_hash_table_new (NULL, NULL);
  collect_descendants (self->branch, branch);
  collect_ancestors (self->branch, branch);
}

/**
 * imp_scene_get_focus:
 *
 * Returns: (transfer none) (nullable): the focused branch's node
 */
ImpNode *
imp_scene_get_focus (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), NULL);

  return self->focus;
}

/**
 * imp_scene_get_visible_bounds:
 * @bounds: (out): the bounds of what is shown
 *
 * Like imp_scene_get_bounds(), for the cards and links shown: with a reveal
 * level, the revealed ones; with a focus, the branch's. Empty at (0, 0)
 * when nothing is shown.
 */
void
imp_scene_get_visible_bounds (ImpScene *self,
                              ImpRect  *bounds)
{
  gboolean first = TRUE;

  g_return_if_fail (IMP_IS_SCENE (self));
  g_return_if_fail (bounds != NULL);

  if (self->reveal_level < 0 && self->branch == NULL)
    {
      *bounds = self->bounds;
      return;
    }

  *bounds = (ImpRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < self->cards->len; i++)
    {
      const ImpSceneCard *card = &g_array_index (self->cards, ImpSceneCard, i);

      if (_imp_scene_card_is_hidden (self, card) || _imp_scene_card_is_dimmed (self, card))
        continue;
      if (first)
        *bounds = card->extent;
      else
        rect_union (bounds, &card->extent);
      first = FALSE;
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      const ImpSceneLink *link = &g_array_index (self->links, ImpSceneLink, i);

      if (_imp_scene_link_is_hidden (self, link) || _imp_scene_link_is_dimmed (self, link))
        continue;
      if (first)
        *bounds = link->extent;
      else
        rect_union (bounds, &link->extent);
      first = FALSE;
    }
}

/* Dot votes: a pill on the card's bottom edge, at the left, like sticky
 * dots on a paper card. One dark dot per vote up to five; past five the
 * count follows the dots, so the number is never a matter of colour or of
 * counting small dots. Sizes are for 12 px small type and grow with the
 * theme's (the projector's is larger). */
#define VOTE_DOT            9.0
#define VOTE_GAP            4.0
#define VOTE_PAD            5.0
#define VOTE_HEIGHT         17.0
#define VOTE_TEXT_SIZE      12.0
#define VOTE_MAX_DOTS       5

static void
add_vote_dots (ImpScene     *self,
               ImpNode      *node,
               ImpSceneCard *sc)
{
  const ImpTheme *theme = self->theme;
  double k = theme->small_size > 0 ? theme->small_size / 12.0 : 1.0;
  double dot = VOTE_DOT * k, gap = VOTE_GAP * k, pad = VOTE_PAD * k, height = VOTE_HEIGHT * k;
  guint n_dots = MIN (node->votes, VOTE_MAX_DOTS);
  ImpSceneBox pill = { .radius = height / 2 };
  ImpSceneText count = { .text = NULL };
  double width, x;

  if (node->votes == 0)
    return;

  width = 2 * pad + n_dots * dot + (n_dots - 1) * gap;
  if (node->votes > VOTE_MAX_DOTS)
    {
      g_autofree char *text = g_strdup_printf ("%u", node->votes);

      count.text = g_string_chunk_insert_const (self->strings, text);
      count.size = VOTE_TEXT_SIZE * k;
      count.weight = PANGO_WEIGHT_BOLD;
      count.color = intern_color (self, &theme->text);
      count.width = _imp_layout_measure_text (self->layout, count.text, count.size,
                                              PANGO_WEIGHT_BOLD, 0);
      width += gap + count.width;
    }

  pill.rect = (ImpRect) { sc->rect.x + IMP_CARD_PAD_LEFT,
                          sc->rect.y + sc->rect.height - height / 2,
                          width, height };
  pill.fill = theme->background;
  pill.stroke = sc->border;
  pill.stroke_width = 1.0;
  g_array_append_val (self->boxes, pill);
  sc->n_boxes++;
  rect_union (&sc->extent, &pill.rect);

  x = pill.rect.x + pad;
  for (guint i = 0; i < n_dots; i++)
    {
      ImpSceneBox disc = {
        .rect = { x, pill.rect.y + (height - dot) / 2, dot, dot },
        .radius = dot / 2,
        .fill = theme->text,
      };

      g_array_append_val (self->boxes, disc);
      sc->n_boxes++;
      x += dot + gap;
    }

  if (count.text != NULL)
    {
      count.x = x;
      count.y = pill.rect.y + height / 2 + count.size * 0.36;
      g_array_append_val (self->texts, count);
      sc->n_texts++;
    }
}

/* Incremental updates */

static void
grid_remove (Grid          *grid,
             const ImpRect *extent,
             guint          item)
{
  gint64 cx0 = grid_cell (extent->x);
  gint64 cy0 = grid_cell (extent->y);
  gint64 cx1 = grid_cell (extent->x + extent->width);
  gint64 cy1 = grid_cell (extent->y + extent->height);

  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > GRID_MAX_CELLS)
    {
      for (guint j = 0; j < grid->oversized->len; j++)
        if (g_array_index (grid->oversized, guint, j) == item)
          {
            g_array_remove_index_fast (grid->oversized, j);
            break;
          }
      return;
    }

  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = grid_key (cx, cy);
        GridCell *cell = g_hash_table_lookup (grid->cells, &key);

        for (guint j = 0; cell != NULL && j < cell->len; j++)
          if (cell->items[j] == item)
            {
              /* Queries sort what they find: order in a cell is free. */
              cell->items[j] = cell->items[--cell->len];
              break;
            }
      }
}

static gboolean
same_rect (const ImpRect *a,
           const ImpRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static void
translate_card (ImpScene     *self,
                ImpSceneCard *card,
                double        dx,
                double        dy)
{
  card->rect.x += dx;
  card->rect.y += dy;
  card->extent.x += dx;
  card->extent.y += dy;

  for (guint i = 0; i < card->n_texts; i++)
    {
      ImpSceneText *text = &g_array_index (self->texts, ImpSceneText, card->first_text + i);

      text->x += dx;
      text->y += dy;
    }

  for (guint i = 0; i < card->n_boxes; i++)
    {
      ImpSceneBox *box = &g_array_index (self->boxes, ImpSceneBox, card->first_box + i);

      box->rect.x += dx;
      box->rect.y += dy;
    }
}

static void
extremes_add (ImpScene      *self,
              const ImpRect *r)
{
  self->min_x = MIN (self->min_x, r->x);
  self->min_y = MIN (self->min_y, r->y);
  self->max_x = MAX (self->max_x, r->x + r->width);
  self->max_y = MAX (self->max_y, r->y + r->height);
}

/* Whether an extent that moved from @old to @now may have left an edge
 * of the bounds it made: only then must the extremes be found again. */
static gboolean
extremes_shrunk (ImpScene      *self,
                 const ImpRect *old,
                 const ImpRect *now)
{
  return (old->x <= self->min_x && now->x > old->x) ||
         (old->y <= self->min_y && now->y > old->y) ||
         (old->x + old->width >= self->max_x &&
          now->x + now->width < old->x + old->width) ||
         (old->y + old->height >= self->max_y &&
          now->y + now->height < old->y + old->height);
}

/* The bounds from the extremes of every card and link, in any order. */
static void
extremes_compute (ImpScene *self)
{
  self->min_x = self->min_y = G_MAXDOUBLE;
  self->max_x = self->max_y = -G_MAXDOUBLE;
  for (guint i = 0; i < self->cards->len; i++)
    extremes_add (self, &g_array_index (self->cards, ImpSceneCard, i).extent);
  for (guint i = 0; i < self->links->len; i++)
    extremes_add (self, &g_array_index (self->links, ImpSceneLink, i).extent);
  self->has_extremes = TRUE;
}

static void
bounds_from_extremes (ImpScene *self)
{
  if (self->cards->len == 0)
    self->bounds = (ImpRect) { 0, 0, 0, 0 };
  else
    self->bounds = (ImpRect) { self->min_x, self->min_y,
                               self->max_x - self->min_x, self->max_y - self->min_y };
}

/* Brings card @i up to date with the layout: composed again when its node
 * is in @redo, moved when its place changed. Notes it in @moved, and
 * whether it made an edge of the bounds before. */
static gboolean
update_card (ImpScene   *self,
             guint       i,
             GHashTable *redo,
             GHashTable *moved,
             gboolean   *edge)
{
  ImpSceneCard *card = &g_array_index (self->cards, ImpSceneCard, i);
  ImpNode *node = _imp_layout_get_visible (self->layout, i);
  ImpRect rect;

  if (card->node != node || !imp_layout_get_node_rect (self->layout, node, &rect))
    return FALSE;

  if (g_hash_table_contains (redo, node))
    {
      const ImpCard *composed = _imp_layout_get_card (self->layout, node);
      ImpSceneCard fresh;
      ImpRect old_extent = card->extent;

      /* Composed again at the end of the arrays, then put in its
       * place; its old texts and boxes stay behind, unused. */
      grid_remove (&self->card_grid, &card->extent, i);
      add_card (self, node, composed, &rect);
      fresh = g_array_index (self->cards, ImpSceneCard, self->cards->len - 1);
      g_array_set_size (self->cards, self->cards->len - 1);
      card = &g_array_index (self->cards, ImpSceneCard, i);
      *card = fresh;
      g_hash_table_insert (self->by_node, node, GUINT_TO_POINTER (i + 1));
      grid_insert (&self->card_grid, &card->extent, i);
      g_hash_table_add (moved, node);
      *edge = *edge || extremes_shrunk (self, &old_extent, &card->extent);
      extremes_add (self, &card->extent);
    }
  else if (card->rect.x != rect.x || card->rect.y != rect.y)
    {
      ImpRect old_extent = card->extent;

      grid_remove (&self->card_grid, &card->extent, i);
      translate_card (self, card, rect.x - card->rect.x, rect.y - card->rect.y);
      card->rect.x = rect.x;
      card->rect.y = rect.y;
      grid_insert (&self->card_grid, &card->extent, i);
      g_hash_table_add (moved, node);
      *edge = *edge || extremes_shrunk (self, &old_extent, &card->extent);
      extremes_add (self, &card->extent);
    }

  return TRUE;
}

/* Draws link @i again where its cards are now. */
static void
update_link (ImpScene *self,
             guint     i,
             gboolean *edge)
{
  ImpSceneLink *link = &g_array_index (self->links, ImpSceneLink, i);
  ImpSceneLink fresh;
  ImpRect old_extent = link->extent;
  int old_box = link->mark_box, old_text = link->mark_text;

  if (self->touched != NULL)
    g_hash_table_add (self->touched, link->link);

  add_link (self, link->link);
  fresh = g_array_index (self->links, ImpSceneLink, self->links->len - 1);
  g_array_set_size (self->links, self->links->len - 1);

  /* A status mark goes back in its old places: a drag moves links
   * at every step, and must not grow the arrays (and the cached text
   * layouts) at every step. The glyph is the same, as a status
   * change rebuilds the scene, so the cached layout still fits. */
  if (fresh.mark_box >= 0 && old_box >= 0 &&
      (guint) fresh.mark_box == self->boxes->len - 1)
    {
      g_array_index (self->boxes, ImpSceneBox, old_box) =
        g_array_index (self->boxes, ImpSceneBox, fresh.mark_box);
      g_array_set_size (self->boxes, self->boxes->len - 1);
      fresh.mark_box = old_box;
    }
  if (fresh.mark_text >= 0 && old_text >= 0 &&
      (guint) fresh.mark_text == self->texts->len - 1 &&
      g_strcmp0 (g_array_index (self->texts, ImpSceneText, old_text).text,
                 g_array_index (self->texts, ImpSceneText, fresh.mark_text).text) == 0)
    {
      g_array_index (self->texts, ImpSceneText, old_text) =
        g_array_index (self->texts, ImpSceneText, fresh.mark_text);
      g_array_set_size (self->texts, self->texts->len - 1);
      fresh.mark_text = old_text;
    }
  link = &g_array_index (self->links, ImpSceneLink, i);
  *link = fresh;
  if (!same_rect (&old_extent, &link->extent))
    {
      grid_remove (&self->link_grid, &old_extent, i);
      grid_insert (&self->link_grid, &link->extent, i);
    }
  *edge = *edge || extremes_shrunk (self, &old_extent, &link->extent);
  extremes_add (self, &link->extent);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
index_links (ImpScene *self)
{
  self->by_link = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->links->len; i++)
    g_hash_table_insert (self->by_link, g_array_index (self->links, ImpSceneLink, i).link,
                         GUINT_TO_POINTER (i + 1));
}

/* The links of the cards in @moved, by their index, in drawing order. */
static GArray *
links_of_moved (ImpScene   *self,
                GHashTable *moved)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;
  guint kept = 0;

  if (self->by_link == NULL)
    index_links (self);

  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      ImpNode *node = key;

      for (int side = 0; side < 2; side++)
        {
          GPtrArray *links = side == 0 ? node->parents : node->children;

          for (guint j = 0; j < links->len; j++)
            {
              guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_link,
                                                                      g_ptr_array_index (links, j)));

              if (position > 0)
                {
                  position--;
                  g_array_append_val (indices, position);
                }
            }
        }
    }

  /* A link between two moved cards is found twice. */
  g_array_sort (indices, compare_guint);
  for (guint k = 0; k < indices->len; k++)
    if (k == 0 || g_array_index (indices, guint, k) != g_array_index (indices, guint, kept - 1))
      g_array_index (indices, guint, kept++) = g_array_index (indices, guint, k);
  g_array_set_size (indices, kept);

  return indices;
}

/**
 * _imp_scene_update:
 * @nodes: (element-type ImpNode) (nullable): nodes whose title, notes or
 *   payload changed
 *
 * Brings the scene up to date after edits that left the map's structure
 * alone (no node, link, status or collapsed state changed): new text or
 * payload on @nodes, or nodes pinned elsewhere. The cards of @nodes are
 * measured and composed again, cards that moved are moved with what they
 * carry, and only the links and index cells they touch are redone; the
 * result equals a scene built from scratch. After pins alone, only the
 * cards the layout says it moved are looked at. Everything else (a new
 * node or link, a status, a collapsed branch) needs imp_scene_new().
 *
 * Returns: %FALSE when the structure did change after all; the scene is
 *   then unusable and must be replaced by a new one
 */
gboolean
_imp_scene_update (ImpScene  *self,
                   GPtrArray *nodes)
{
  g_autoptr(GHashTable) redo = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) moved = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) link_indices = NULL;
  guint n_texts = self->texts->len;
  const guint *runs;
  guint n_runs;
  gboolean edge = FALSE;

  g_return_val_if_fail (IMP_IS_SCENE (self), FALSE);

  self->serial++;
  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    g_hash_table_add (redo, g_ptr_array_index (nodes, i));

  if (!_imp_layout_update (self->layout, nodes) ||
      _imp_layout_get_n_visible (self->layout) != self->cards->len)
    return FALSE;

  if (!self->has_extremes)
    extremes_compute (self);

  runs = _imp_layout_get_changed_runs (self->layout, &n_runs);
  if (runs == NULL)
    {
      for (guint i = 0; i < self->cards->len; i++)
        if (!update_card (self, i, redo, moved, &edge))
          return FALSE;
    }
  else
    {
      for (guint r = 0; r < n_runs; r++)
        for (guint i = runs[2 * r]; i < runs[2 * r + 1]; i++)
          if (i >= self->cards->len || !update_card (self, i, redo, moved, &edge))
            return FALSE;
    }

  if (g_hash_table_size (moved) > 0)
    {
      link_indices = links_of_moved (self, moved);
      for (guint k = 0; k < link_indices->len; k++)
        update_link (self, g_array_index (link_indices, guint, k), &edge);
    }

  /* A reading or a delivery status can break a chain, or mend one: the
   * links whose mark changed are styled again, in place. A move (no
   * nodes) changes no readings. */
  if (nodes != NULL && nodes->len > 0)
  {
    g_autoptr(GHashTable) old = g_steal_pointer (&self->broken);
    g_autoptr(GArray) restyle = g_array_new (FALSE, FALSE, sizeof (guint));

    self->broken = collect_broken (self->map);
    for (int pass = 0; pass < 2; pass++)
      {
        GHashTable *from = pass == 0 ? old : self->broken;
        GHashTable *other = pass == 0 ? self->broken : old;
        GHashTableIter iter;
        gpointer link;

        if (from == NULL)
          continue;
        g_hash_table_iter_init (&iter, from);
        while (g_hash_table_iter_next (&iter, &link, NULL))
          {
            guint position;

            if (other != NULL && g_hash_table_contains (other, link))
              continue;
            if (self->by_link == NULL)
              index_links (self);
            position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_link, link));
            if (position > 0)
              {
                position--;
                g_array_append_val (restyle, position);
              }
          }
      }
    for (guint k = 0; k < restyle->len; k++)
      update_link (self, g_array_index (restyle, guint, k), &edge);
  }

  if (self->touched != NULL)
    {
      GHashTableIter iter;
      gpointer node;

      g_hash_table_iter_init (&iter, moved);
      while (g_hash_table_iter_next (&iter, &node, NULL))
        g_hash_table_add (self->touched, node);
      if (g_hash_table_size (self->touched) != self->n_touched)
        self->touched_serial++;
      self->n_touched = g_hash_table_size (self->touched);
    }

  /* Something that made an edge of the bounds moved: they may shrink. */
  if (edge)
    extremes_compute (self);
  bounds_from_extremes (self);

  if (self->texts->len > n_texts)
    {
      self->text_layouts = g_renew (PangoLayout *, self->text_layouts, self->texts->len);
      memset (self->text_layouts + n_texts, 0,
              (self->texts->len - n_texts) * sizeof (PangoLayout *));
    }

  return TRUE;
}

/**
 * _imp_scene_get_serial:
 *
 * Returns: a number that changes whenever what the scene paints may have
 *   changed in place: an update, a reveal or a focus. A new scene is a new
 *   object, and what caches painted pixels must compare that too.
 */
guint64
_imp_scene_get_serial (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), 0);

  return self->serial;
}

/**
 * _imp_scene_track_changes:
 * @track: whether to start (again) or stop
 *
 * From now on, _imp_scene_update() notes every card and link it moves or
 * composes again: IMP_SCENE_FILTER_MOVING returns those, and
 * IMP_SCENE_FILTER_STILL the rest. A drag tracks the cards it moves so the
 * still part of the map can be painted once for the whole gesture.
 */
void
_imp_scene_track_changes (ImpScene *self,
                          gboolean  track)
{
  g_return_if_fail (IMP_IS_SCENE (self));

  g_clear_pointer (&self->touched, g_hash_table_unref);
  self->n_touched = 0;
  self->touched_serial++;
  if (track)
    self->touched = g_hash_table_new (NULL, NULL);
}

/**
 * _imp_scene_get_n_touched:
 *
 * Returns: how many cards and links moved since _imp_scene_track_changes(),
 *   0 when not tracking
 */
guint
_imp_scene_get_n_touched (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), 0);

  return self->n_touched;
}

/**
 * _imp_scene_get_touched_serial:
 *
 * Returns: a number that changes whenever the set of moved cards and links
 *   (see _imp_scene_track_changes()) changes
 */
guint64
_imp_scene_get_touched_serial (ImpScene *self)
{
  g_return_val_if_fail (IMP_IS_SCENE (self), 0);

  return self->touched_serial;
}
