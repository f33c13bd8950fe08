/* imp-bench.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-bench"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "imp-diff.h"
#include "imp-export.h"
#include "imp-format.h"
#include "imp-import.h"
#include "imp-layout.h"
#include "imp-map.h"
#include "imp-merge.h"
#include "imp-render.h"
#include "imp-scene.h"
#include "imp-scene-private.h"
#include "imp-theme.h"
#include "imp-tile-cache.h"
#include "imp-map-private.h"

/* The benchmark of issue 8: generated maps of 1k, 10k and 100k nodes, timed
 * through the core the window uses (read, write, layout, scene, frames, hit
 * testing, a drag step, a rename, PNG export), and the canvas' tile cache
 * (a pan step, a drag through it). Every figure is the median of
 * several runs. The maps are made from a fixed seed, so two runs on the same
 * build measure the same thing. */

#define SEED          20260806
#define FRAME_WIDTH   1920
#define FRAME_HEIGHT  1080
#define HIT_CALLS     20000

/* --readings: how many readings each generated metric carries. */
static guint readings_per_metric;
/* PNG export draws in tiles, up to a million pixels a side; past this many
 * pixels (the 10k and 100k maps) the bench exports a rectangle around the
 * centre instead, so that a run stays short. The 1k map goes whole. */
#define PNG_MAX_SIDE   1e6
#define PNG_MAX_PIXELS 1e9
#define PNG_RECT_SIDE  4000.0   /* map units: 8000 px a side at 2x */

typedef enum
{
  OP_READ,
  OP_WRITE,
  OP_LAYOUT,
  OP_SCENE,
  OP_OPEN,
  OP_FRAME_FIT,
  OP_FRAME_100,
  OP_HIT_TEST,
  OP_DRAG,
  OP_DRAG_UPDATE,
  OP_PAN,
  OP_DRAG_START,
  OP_DRAG_CACHED,
  OP_RENAME,
  /* The same in the other layouts: see run_layout_kind(). */
  OP_LAYOUT_BALANCED,
  OP_SCENE_BALANCED,
  OP_DRAG_UPDATE_BALANCED,
  OP_RENAME_BALANCED,
  OP_LAYOUT_DOWN,
  OP_SCENE_DOWN,
  OP_DRAG_UPDATE_DOWN,
  OP_RENAME_DOWN,
  OP_PNG,
  OP_RSS_MODEL,
  OP_RSS_PEAK,
  N_OPS
} Op;

static const struct
{
  const char *key;
  const char *label;
  const char *unit;
} ops[N_OPS] = {
  { "read",          "read (load from bytes)",          "ms" },
  { "write",         "write (save to bytes)",           "ms" },
  { "layout",        "layout alone",                    "ms" },
  { "scene",         "scene build (layout included)",   "ms" },
  { "open",          "open: read, scene, frame (cold)", "ms" },
  { "frame_fit",     "frame, whole map fit 1920x1080",  "ms" },
  { "frame_100",     "frame, 100% zoom 1920x1080",      "ms" },
  { "hit_test",      "hit test, per call",              "ms" },
  { "drag_step",     "drag step (move+scene+frame)",    "ms" },
  { "drag_update",   "  of which move+scene update",    "ms" },
  { "pan_step",      "pan step, tiles kept (canvas)",   "ms" },
  { "drag_start",    "drag start, still map kept",      "ms" },
  { "drag_cached",   "drag step, still map kept",       "ms" },
  { "rename",        "rename (title+scene)",            "ms" },
  { "layout_balanced", "layout alone, balanced",         "ms" },
  { "scene_balanced", "scene build, balanced",            "ms" },
  { "drag_update_balanced", "move+scene update, balanced", "ms" },
  { "rename_balanced", "rename, balanced",                "ms" },
  { "layout_down",   "layout alone, down",              "ms" },
  { "scene_down",    "scene build, down",               "ms" },
  { "drag_update_down", "move+scene update, down",      "ms" },
  { "rename_down",   "rename, down",                    "ms" },
  { "png_2x",        "PNG export 2x",                   "ms" },
  { "rss_model",     "peak RSS before PNG export",      "MiB" },
  { "rss_peak",      "peak RSS after PNG export",       "MiB" },
};

typedef struct
{
  guint   n_nodes;
  guint   n_links;
  guint   n_goals;
  guint   runs;
  double  value[N_OPS];
  double  bounds_width;
  double  bounds_height;
  double  fit_scale;
  gsize   file_bytes;
  int     png_width;
  int     png_height;
  gboolean png_clamped;
  char   *png_note;
} Result;

/* Word lists: titles of varied length, as people write them. */
static const char *goal_verbs[] = {
  "Grow", "Double", "Raise", "Cut", "Reach", "Keep", "Lift", "Halve",
};
static const char *goal_objects[] = {
  "weekly active learners", "net revenue retention", "ticket sales through partners",
  "monthly recurring revenue", "trial-to-paid conversion", "support cost per order",
  "repeat purchases", "daily active teams", "time to first value", "churn among small accounts",
};
static const char *goal_tails[] = {
  "to 40,000 by the end of Q3", "by 15 % this year", "before the spring season",
  "in the Nordic market", "without hiring", "to 120 %", "by March", "",
};
static const char *actors[] = {
  "Teachers", "Parents", "Students", "School administrators", "Call-centre agents",
  "Festival organisers", "Account managers", "First-time buyers", "Power users", "Partners",
  "Finance team", "Our own sales team", "IT departments of large customers", "Regulators",
  "Volunteers", "Resellers in smaller cities", "Mobile-only users", "Churned customers",
};
static const char *impact_verbs[] = {
  "assign homework on mobile", "recommend us to a colleague", "book without calling",
  "come back the following week", "invite their whole team", "upgrade before the trial ends",
  "find answers without opening a ticket", "buy a second ticket for a friend",
  "finish onboarding on the first day", "share reports with their manager",
  "stop asking for manual exports", "check progress every morning",
};
static const char *impact_tails[] = {
  "twice as often", "within a week", "", "without help", "more often than today",
  "during the busiest hour", "on their own", "as a habit",
};
static const char *deliverables[] = {
  "Weekly summary email", "One-tap booking", "Shared class calendar", "Referral codes",
  "Offline mode", "Bulk import from spreadsheets", "Progress dashboard",
  "Smarter search in the help centre", "Guided first-run tour", "Team invitations by link",
  "Push reminders", "Partner API", "Seat map with live availability", "Saved payment methods",
  "Printable certificates", "SMS confirmations", "Dark mode", "Usage-based pricing page",
};
static const char *deliverable_tails[] = {
  "", "for mobile", "v2", "with templates", "for teachers", "behind a flag",
  "in three languages", "(pilot)",
};
static const char *experiment_kinds[] = {
  "Fake-door test of", "Five interviews about", "Wizard-of-Oz trial of", "A/B test of",
  "Kano survey on", "Technical spike for", "Paper prototype of",
};
static const char *note_sentences[] = {
  "Came out of the March workshop with the sales team.",
  "We are not sure this moves the metric at all; test before building.",
  "Depends on the partner agreeing to share their data.",
  "Support sees about forty tickets a week about this.",
  "The cheapest version is a manual process behind a form.",
  "Legal wants to review the wording first.",
  "Numbers from the last quarterly report, rounded.",
  "Ask Maria: she ran something similar at her last job.",
};
static const char *metric_names[] = {
  "Weekly active learners", "NRR", "Tickets sold", "Conversion", "Tickets per order",
  "Retention at day 30", "Median time to first value",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static char *
make_title_raw (GRand    *rand,
                ImpLevel  level,
                guint     serial)
{
  switch (level)
    {
    case IMP_LEVEL_GOAL:
      return g_strdup_printf ("%s %s %s", PICK (rand, goal_verbs), PICK (rand, goal_objects),
                              PICK (rand, goal_tails));
    case IMP_LEVEL_ACTOR:
      return g_strdup_printf ("%s (%u)", PICK (rand, actors), serial);
    case IMP_LEVEL_IMPACT:
      return g_strdup_printf ("%s %s %s", PICK (rand, actors), PICK (rand, impact_verbs),
                              PICK (rand, impact_tails));
    case IMP_LEVEL_DELIVERABLE:
      return g_strdup_printf ("%s %s", PICK (rand, deliverables), PICK (rand, deliverable_tails));
    case IMP_LEVEL_EXPERIMENT:
    default:
      return g_strdup_printf ("%s %s", PICK (rand, experiment_kinds),
                              PICK (rand, deliverables));
    }
}

static void
decorate (ImpMap  *map,
          ImpNode *node,
          GRand   *rand)
{
  if (g_rand_int_range (rand, 0, 100) < 30)
    {
      g_autoptr(GString) notes = g_string_new (NULL);
      int n = g_rand_int_range (rand, 1, 4);

      for (int i = 0; i < n; i++)
        g_string_append_printf (notes, "%s%s", i > 0 ? " " : "", PICK (rand, note_sentences));
      _imp_map_set_node_notes (map, node, notes->str);
    }

  if (node->level == IMP_LEVEL_GOAL ||
      (node->level == IMP_LEVEL_IMPACT && g_rand_int_range (rand, 0, 100) < 60))
    {
      g_autoptr(ImpMetric) metric = imp_metric_new ();
      double baseline = g_rand_int_range (rand, 10, 5000);

      metric->name = g_strdup (PICK (rand, metric_names));
      metric->unit = g_strdup (g_rand_boolean (rand) ? "%" : "per week");
      metric->baseline = baseline;
      metric->current = baseline * g_rand_double_range (rand, 0.9, 1.6);
      metric->target = baseline * 2;
      metric->direction = IMP_DIRECTION_INCREASE;
      metric->deadline = g_strdup_printf ("2026-%02d-28", g_rand_int_range (rand, 1, 13));
      metric->indicator = g_rand_boolean (rand) ? IMP_INDICATOR_LAGGING : IMP_INDICATOR_LEADING;
      /* Weekly readings from the baseline to the current value, made
       * without the random source so the map is otherwise the same. */
      for (guint r = 0; r < readings_per_metric; r++)
        {
          char date[16];
          GDate day;
          double share = readings_per_metric > 1 ? (double) r / (readings_per_metric - 1) : 1;

          g_date_clear (&day, 1);
          g_date_set_dmy (&day, 5, 1, 2024);
          g_date_add_days (&day, 7 * r);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
          imp_metric_append_reading (metric, date, baseline + share * (metric->current - baseline),
                                     NULL);
        }
      imp_metric_sort_readings (metric);
      _imp_map_set_node_metric (map, node, metric);
    }
  else if (node->level == IMP_LEVEL_DELIVERABLE && g_rand_int_range (rand, 0, 100) < 80)
    {
      ImpIce ice = {
        g_rand_int_range (rand, 1, 11),
        g_rand_int_range (rand, 1, 11),
        g_rand_int_range (rand, 1, 11),
      };

      _imp_map_set_node_ice (map, node, &ice, NULL);
    }
  else if (node->level == IMP_LEVEL_EXPERIMENT)
    {
      g_autoptr(ImpExperiment) experiment = imp_experiment_new ();

      experiment->kind = g_rand_int_range (rand, 0, IMP_EXPERIMENT_KIND_AB_TEST + 1);
      experiment->aspect = g_rand_int_range (rand, 0, IMP_ASPECT_FEASIBILITY + 1);
      experiment->status = g_rand_int_range (rand, 0, IMP_EXPERIMENT_DONE + 1);
      if (experiment->status == IMP_EXPERIMENT_DONE)
        {
          experiment->result = g_rand_int_range (rand, IMP_RESULT_SUPPORTS,
                                                 IMP_RESULT_INCONCLUSIVE + 1);
          experiment->evidence = g_strdup (PICK (rand, note_sentences));
        }
      experiment->start_date = g_strdup_printf ("2026-%02d-01", g_rand_int_range (rand, 1, 10));
      experiment->end_date = g_strdup_printf ("2026-%02d-15", g_rand_int_range (rand, 10, 13));
      _imp_map_set_node_experiment (map, node, experiment);
    }
}

/* Without the space an empty tail leaves. */
static char *
make_title (GRand    *rand,
            ImpLevel  level,
            guint     serial)
{
  return g_strchomp (make_title_raw (rand, level, serial));
}

/* The branching that gives about @per_goal nodes under a goal over 5 levels. */
static double
branching_for (double per_goal)
{
  double lo = 1.0, hi = 100.0;

  for (int i = 0; i < 60; i++)
    {
      double b = (lo + hi) / 2;
      double total = 1 + b + b * b + b * b * b + b * b * b * b;

      if (total < per_goal)
        lo = b;
      else
        hi = b;
    }
  return lo;
}

static guint
goals_for (guint n)
{
  /* A few goals, more on a huge map: 3 at 1k, 5 at 10k, 8 at 100k. */
  if (n <= 2000)
    return 3;
  if (n <= 20000)
    return 5;
  return 8;
}

/* A map shaped like a real one: a few goals, 5 levels, each node with a
 * random number of children around the branching that reaches @n nodes,
 * filled breadth first, and about 2 % cross-links. */
static ImpMap *
generate_map (guint  n,
              guint *n_goals_out)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + n);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  GPtrArray *by_level[IMP_N_LEVELS];
  ImpMap *map = imp_map_new ();
  guint n_goals = MIN (goals_for (n), MAX (n, 1));
  double b = branching_for ((double) n / n_goals);
  guint count = 0;
  guint head = 0;

  for (int l = 0; l < IMP_N_LEVELS; l++)
    by_level[l] = g_ptr_array_new ();

  _imp_map_set_title (map, "Generated benchmark map");

  for (guint g = 0; g < n_goals && count < n; g++)
    {
      g_autofree char *title = make_title (rand, IMP_LEVEL_GOAL, count);
      ImpNode *node = _imp_map_add_node (map, IMP_LEVEL_GOAL, title, NULL, NULL);

      decorate (map, node, rand);
      g_ptr_array_add (queue, node);
      g_ptr_array_add (by_level[IMP_LEVEL_GOAL], node);
      count++;
    }

  /* Breadth first; when the leaves are reached short of @n, go round the
   * deliverables again adding experiments. */
  while (count < n)
    {
      ImpNode *parent;
      guint k;

      if (head >= queue->len)
        {
          GPtrArray *deliverables_seen = by_level[IMP_LEVEL_DELIVERABLE];

          if (deliverables_seen->len == 0)
            break;
          parent = g_ptr_array_index (deliverables_seen,
                                      g_rand_int_range (rand, 0, deliverables_seen->len));
          k = 1;
        }
      else
        {
          parent = g_ptr_array_index (queue, head++);
          if (parent->level == IMP_LEVEL_EXPERIMENT)
            continue;
          k = (guint) MAX (1, floor (b * g_rand_double_range (rand, 0.6, 1.4) + 0.5));
        }

      for (guint i = 0; i < k && count < n; i++)
        {
          ImpLevel level = parent->level + 1;
          g_autofree char *title = make_title (rand, level, count);
          ImpNode *child = _imp_map_add_node (map, level, title, NULL, NULL);

          _imp_map_link (map, parent, child, -1, NULL);
          decorate (map, child, rand);
          g_ptr_array_add (queue, child);
          g_ptr_array_add (by_level[level], child);
          count++;
        }
    }

  /* Cross-links: a second parent one level up, for about 2 % of the nodes. */
  for (guint i = 0; i < n / 50; i++)
    {
      ImpLevel level = g_rand_int_range (rand, IMP_LEVEL_ACTOR, IMP_N_LEVELS);
      GPtrArray *children = by_level[level];
      GPtrArray *parents = by_level[level - 1];
      ImpNode *child, *parent;

      if (children->len == 0 || parents->len == 0)
        continue;
      child = g_ptr_array_index (children, g_rand_int_range (rand, 0, children->len));
      parent = g_ptr_array_index (parents, g_rand_int_range (rand, 0, parents->len));
      if (imp_map_can_link (map, parent, child, NULL))
        _imp_map_link (map, parent, child, -1, NULL);
    }

  for (int l = 0; l < IMP_N_LEVELS; l++)
    g_ptr_array_unref (by_level[l]);

  *n_goals_out = n_goals;
  return map;
}

static inline double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *samples,
        guint   n)
{
  qsort (samples, n, sizeof *samples, compare_doubles);
  return n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  /* kilobytes on Linux */
}

static void
render_frame (ImpScene      *scene,
              const ImpRect *clip,
              double         scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         FRAME_WIDTH, FRAME_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -clip->x, -clip->y);
  imp_render_scene (scene, cr, clip, scale, IMP_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

/* A frame as the canvas paints it, through its tile cache: map point
 * (0, 0) at (offset_x, offset_y) on the frame. */
static void
render_cached_frame (ImpTileCache *cache,
                     ImpScene     *scene,
                     double        scale,
                     double        offset_x,
                     double        offset_y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         FRAME_WIDTH, FRAME_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const ImpColor *background = &imp_scene_get_theme (scene)->background;

  cairo_set_source_rgba (cr, background->red, background->green, background->blue,
                         background->alpha);
  cairo_paint (cr);
  imp_tile_cache_paint (cache, scene, cr, scale, offset_x, offset_y, FRAME_WIDTH, FRAME_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

/* A 1920x1080 window at 100 % over the middle of the map, where the tree is
 * at its densest. */
static void
centre_clip (const ImpRect *bounds,
             double         cx,
             double         cy,
             ImpRect       *clip)
{
  clip->width = FRAME_WIDTH;
  clip->height = FRAME_HEIGHT;
  clip->x = cx - FRAME_WIDTH / 2.0;
  clip->y = cy - FRAME_HEIGHT / 2.0;
  (void) bounds;
}

/* Layout, scene, a drag step's update and a rename in @kind's layout, as
 * the rows of the right layout measure them; OP_LAYOUT_BALANCED or
 * OP_LAYOUT_DOWN is @first. The map is left in the right layout. */
static void
run_layout_kind (ImpMap        *map,
                 ImpLayoutKind  kind,
                 Op             first,
                 guint          runs,
                 double        *samples,
                 Result        *result)
{
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpScene) scene = NULL;
  ImpNode *moved = imp_map_get_node (map, imp_map_get_n_nodes (map) / 2 + 1);
  double t;

  _imp_map_set_layout (map, kind);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(ImpLayout) layout = imp_layout_new (map, theme);

      t = now_ms ();
      imp_layout_compute (layout);
      samples[r] = now_ms () - t;
      if (imp_layout_get_kind (layout) != kind)
        g_error ("the layout is not %s", imp_layout_kind_to_string (kind));
    }
  result->value[first] = median (samples, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_clear_object (&scene);
      t = now_ms ();
      scene = imp_scene_new (map, theme);
      samples[r] = now_ms () - t;
    }
  result->value[first + 1] = median (samples, runs);

  /* A pin in this layout: only the moved subtree is placed again. */
  for (guint r = 0; r < runs; r++)
    {
      ImpRect rect;

      imp_scene_get_card_rect (scene, moved, &rect);
      t = now_ms ();
      _imp_map_set_node_position (map, moved, TRUE, rect.x + 8, rect.y + 8);
      if (!_imp_scene_update (scene, NULL))
        g_error ("the scene could not follow a drag");
      samples[r] = now_ms () - t;
    }
  result->value[first + 2] = median (samples, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *title = g_strdup_printf ("Renamed in %s, take %u, a little longer",
                                                imp_layout_kind_to_string (kind), r);
      g_autoptr(GPtrArray) changed = g_ptr_array_new ();

      g_ptr_array_add (changed, moved);
      t = now_ms ();
      _imp_map_set_node_title (map, moved, title);
      if (!_imp_scene_update (scene, changed))
        g_error ("the scene could not follow a rename");
      samples[r] = now_ms () - t;
    }
  result->value[first + 3] = median (samples, runs);

  _imp_map_set_layout (map, IMP_LAYOUT_RIGHT);
}

static void
run_size (guint   n,
          guint   runs,
          Result *result)
{
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpScene) scene = NULL;
  g_autofree char *data = NULL;
  g_autofree double *samples = g_new0 (double, runs);
  g_autofree double *update_samples = g_new0 (double, runs);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *tmpdir = NULL;
  g_autofree char *png_path = NULL;
  g_autoptr(GError) error = NULL;
  ImpExportOptions options;
  ImpRect bounds, full, clip;
  ImpNode *moved;
  gsize length = 0;
  double t, fit;

  memset (result, 0, sizeof *result);
  result->runs = runs;
  map = generate_map (n, &result->n_goals);
  result->n_nodes = imp_map_get_n_nodes (map);
  result->n_links = imp_map_get_n_links (map);

  /* write */
  for (guint r = 0; r < runs; r++)
    {
      g_free (data);
      t = now_ms ();
      data = imp_format_save_to_data (map, &length);
      samples[r] = now_ms () - t;
    }
  result->value[OP_WRITE] = median (samples, runs);
  result->file_bytes = length;

  /* read: the map the rest works on is the one read back, as in the app */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(ImpMap) loaded = NULL;

      t = now_ms ();
      loaded = imp_format_load_data (data, length, &error);
      samples[r] = now_ms () - t;
      if (loaded == NULL)
        g_error ("reading the generated map failed: %s", error->message);
      if (r == runs - 1)
        g_set_object (&map, loaded);
    }
  result->value[OP_READ] = median (samples, runs);

  /* layout alone */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(ImpLayout) layout = NULL;

      t = now_ms ();
      layout = imp_layout_new (map, theme);
      imp_layout_compute (layout);
      samples[r] = now_ms () - t;
    }
  result->value[OP_LAYOUT] = median (samples, runs);

  /* scene, which lays out again */
  for (guint r = 0; r < runs; r++)
    {
      g_clear_object (&scene);
      t = now_ms ();
      scene = imp_scene_new (map, theme);
      samples[r] = now_ms () - t;
    }
  result->value[OP_SCENE] = median (samples, runs);

  imp_scene_get_bounds (scene, &bounds);
  full = bounds;
  fit = MIN (FRAME_WIDTH / MAX (bounds.width, 1.0), FRAME_HEIGHT / MAX (bounds.height, 1.0));
  result->bounds_width = bounds.width;
  result->bounds_height = bounds.height;
  result->fit_scale = fit;

  /* whole map, zoomed to fit */
  for (guint r = 0; r < runs; r++)
    {
      t = now_ms ();
      render_frame (scene, &full, fit);
      samples[r] = now_ms () - t;
    }
  result->value[OP_FRAME_FIT] = median (samples, runs);

  /* open, as the window does it: a map just read, so nothing of it is
   * measured yet, laid out, and its first frame painted */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(ImpMap) fresh = NULL;
      g_autoptr(ImpScene) cold = NULL;

      t = now_ms ();
      fresh = imp_format_load_data (data, length, &error);
      cold = imp_scene_new (fresh, theme);
      render_frame (cold, &full, fit);
      samples[r] = now_ms () - t;
    }
  result->value[OP_OPEN] = median (samples, runs);

  /* 100 % over the middle */
  centre_clip (&bounds, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2, &clip);
  for (guint r = 0; r < runs; r++)
    {
      t = now_ms ();
      render_frame (scene, &clip, 1.0);
      samples[r] = now_ms () - t;
    }
  result->value[OP_FRAME_100] = median (samples, runs);

  /* hit testing at random points of the map */
  for (guint r = 0; r < runs; r++)
    {
      guint hits = 0;

      t = now_ms ();
      for (guint i = 0; i < HIT_CALLS; i++)
        {
          double x = bounds.x + g_rand_double (rand) * bounds.width;
          double y = bounds.y + g_rand_double (rand) * bounds.height;

          hits += imp_scene_hit_test (scene, x, y) != NULL;
        }
      samples[r] = (now_ms () - t) / HIT_CALLS;
      (void) hits;
    }
  result->value[OP_HIT_TEST] = median (samples, runs);

  /* pan step at 100 %, as the canvas pans: kept tiles copied, what is not
   * kept yet painted directly; between frames, as when the app is idle,
   * the missing tiles and a ring around the view are painted (untimed) */
  {
    g_autoptr(ImpTileCache) cache = imp_tile_cache_new ();
    double ox = FRAME_WIDTH / 2.0 - (bounds.x + bounds.width / 2) + 0.5;
    double oy = FRAME_HEIGHT / 2.0 - (bounds.y + bounds.height / 2) + 0.25;

    render_cached_frame (cache, scene, 1.0, ox, oy);
    while (imp_tile_cache_prefetch (cache))
      ;
    for (guint r = 0; r < runs; r++)
      {
        ox -= 37;
        oy -= 19;
        t = now_ms ();
        render_cached_frame (cache, scene, 1.0, ox, oy);
        samples[r] = now_ms () - t;
        while (imp_tile_cache_prefetch (cache))
          ;
      }
    result->value[OP_PAN] = median (samples, runs);
  }

  /* drag step: move one card as a drag does, then what the canvas does:
   * bring the scene up to date in place and paint a frame around the card */
  moved = imp_map_get_node (map, imp_map_get_n_nodes (map) / 2);
  for (guint r = 0; r < runs; r++)
    {
      ImpRect rect;

      imp_scene_get_card_rect (scene, moved, &rect);
      t = now_ms ();
      _imp_map_set_node_position (map, moved, TRUE, rect.x + 8, rect.y + 8);
      if (!_imp_scene_update (scene, NULL))
        g_error ("the scene could not follow a drag");
      update_samples[r] = now_ms () - t;
      centre_clip (&bounds, rect.x + rect.width / 2, rect.y + rect.height / 2, &clip);
      render_frame (scene, &clip, 1.0);
      samples[r] = now_ms () - t;
    }
  result->value[OP_DRAG] = median (samples, runs);
  result->value[OP_DRAG_UPDATE] = median (update_samples, runs);

  /* the same with the canvas's cache and a still view around the card: the
   * first step paints the still links and cards once, the next ones only
   * what moves over them */
  {
    g_autoptr(ImpTileCache) cache = imp_tile_cache_new ();
    g_autofree double *starts = g_new0 (double, runs);
    ImpRect rect;
    double ox, oy;

    imp_scene_get_card_rect (scene, moved, &rect);
    ox = FRAME_WIDTH / 2.0 - (rect.x + rect.width / 2);
    oy = FRAME_HEIGHT / 2.0 - (rect.y + rect.height / 2);
    for (guint r = 0; r < runs; r++)
      {
        _imp_scene_track_changes (scene, TRUE);
        for (guint step = 0; step < 4; step++)
          {
            imp_scene_get_card_rect (scene, moved, &rect);
            t = now_ms ();
            _imp_map_set_node_position (map, moved, TRUE, rect.x + 8, rect.y + 8);
            if (!_imp_scene_update (scene, NULL))
              g_error ("the scene could not follow a drag");
            render_cached_frame (cache, scene, 1.0, ox, oy);
            if (step == 0)
              starts[r] = now_ms () - t;
            else if (step == 3)
              samples[r] = now_ms () - t;
          }
        _imp_scene_track_changes (scene, FALSE);
      }
    result->value[OP_DRAG_START] = median (starts, runs);
    result->value[OP_DRAG_CACHED] = median (samples, runs);
  }

  /* rename: new text, measured and laid out again with the scene, as the
   * canvas does it: only the renamed card is composed again */
  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *title = g_strdup_printf ("Renamed card, take %u, a little longer", r);
      g_autoptr(GPtrArray) changed = g_ptr_array_new ();

      g_ptr_array_add (changed, moved);
      t = now_ms ();
      _imp_map_set_node_title (map, moved, title);
      if (!_imp_scene_update (scene, changed))
        g_error ("the scene could not follow a rename");
      samples[r] = now_ms () - t;
    }
  result->value[OP_RENAME] = median (samples, runs);

  run_layout_kind (map, IMP_LAYOUT_BALANCED, OP_LAYOUT_BALANCED, runs, samples, result);
  run_layout_kind (map, IMP_LAYOUT_DOWN, OP_LAYOUT_DOWN, runs, samples, result);

  result->value[OP_RSS_MODEL] = peak_rss_mib ();

  /* PNG at 2x; a rectangle around the centre when the whole map is beyond
   * what the bench wants to wait for */
  imp_export_options_init (&options);
  options.format = IMP_EXPORT_PNG;
  options.scale = 2.0;
  {
    double w = ceil ((bounds.width + 2 * options.padding) * options.scale);
    double h = ceil ((bounds.height + 2 * options.padding) * options.scale);

    if (w > PNG_MAX_SIDE || h > PNG_MAX_SIDE || w * h > PNG_MAX_PIXELS)
      {
        options.scope = IMP_EXPORT_SCOPE_RECT;
        options.rect.width = MIN (bounds.width, PNG_RECT_SIDE);
        options.rect.height = MIN (bounds.height, PNG_RECT_SIDE);
        options.rect.x = bounds.x + (bounds.width - options.rect.width) / 2;
        options.rect.y = bounds.y + (bounds.height - options.rect.height) / 2;
        result->png_clamped = TRUE;
        result->png_note = g_strdup_printf ("whole map would be %.0f x %.0f px", w, h);
        w = ceil ((options.rect.width + 2 * options.padding) * options.scale);
        h = ceil ((options.rect.height + 2 * options.padding) * options.scale);
      }
    result->png_width = (int) w;
    result->png_height = (int) h;
  }
  tmpdir = g_dir_make_tmp ("imp-bench-XXXXXX", &error);
  if (tmpdir == NULL)
    g_error ("no temporary folder: %s", error->message);
  png_path = g_build_filename (tmpdir, "bench.png", NULL);
  {
    guint png_runs = MIN (runs, 3);

    for (guint r = 0; r < png_runs; r++)
      {
        t = now_ms ();
        if (!imp_export_to_path (map, png_path, &options, &error))
          g_error ("PNG export failed: %s", error->message);
        samples[r] = now_ms () - t;
      }
    result->value[OP_PNG] = median (samples, png_runs);
  }
  g_unlink (png_path);
  g_rmdir (tmpdir);

  result->value[OP_RSS_PEAK] = peak_rss_mib ();
}

static void
print_table (Result *results,
             guint   n_results)
{
  printf ("%-40s", "operation");
  for (guint i = 0; i < n_results; i++)
    printf (" %12u", results[i].n_nodes);
  printf ("\n");

  for (int op = 0; op < N_OPS; op++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", ops[op].label, ops[op].unit);

      printf ("%-40s", label);
      for (guint i = 0; i < n_results; i++)
        printf (op == OP_HIT_TEST ? " %12.5f" : " %12.1f", results[i].value[op]);
      printf ("\n");
    }

  printf ("\n");
  for (guint i = 0; i < n_results; i++)
    {
      Result *r = &results[i];

      printf ("%u nodes: %u goals, %u links, file %.1f MiB, map %.0f x %.0f units, "
              "fit scale %.4f, %u runs; PNG %d x %d px%s%s%s\n",
              r->n_nodes, r->n_goals, r->n_links, r->file_bytes / (1024.0 * 1024.0),
              r->bounds_width, r->bounds_height, r->fit_scale, r->runs,
              r->png_width, r->png_height,
              r->png_clamped ? " (a rectangle of at most 4000 x 4000 units at the centre: " : "",
              r->png_clamped ? r->png_note : "",
              r->png_clamped ? ")" : "");
    }
}

static void
print_json (Result *results,
            guint   n_results)
{
  printf ("{\n  \"results\": [\n");
  for (guint i = 0; i < n_results; i++)
    {
      Result *r = &results[i];

      printf ("    {\n      \"nodes\": %u,\n      \"goals\": %u,\n      \"links\": %u,\n"
              "      \"runs\": %u,\n      \"file_bytes\": %" G_GSIZE_FORMAT ",\n"
              "      \"bounds\": [%.1f, %.1f],\n      \"fit_scale\": %.6f,\n"
              "      \"png_size\": [%d, %d],\n      \"png_clamped\": %s,\n",
              r->n_nodes, r->n_goals, r->n_links, r->runs, r->file_bytes,
              r->bounds_width, r->bounds_height, r->fit_scale,
              r->png_width, r->png_height, r->png_clamped ? "true" : "false");
      for (int op = 0; op < N_OPS; op++)
        printf ("      \"%s_%s\": %.6f%s\n", ops[op].key,
                g_strcmp0 (ops[op].unit, "MiB") == 0 ? "mib" : "ms",
                r->value[op], op + 1 < N_OPS ? "," : "");
      printf ("    }%s\n", i + 1 < n_results ? "," : "");
    }
  printf ("  ]\n}\n");
}

/* --import N: a generated map of N nodes exported to OPML and .mm, then
 * imported back (read and mapped), the median of @runs. */
static int
bench_import (guint n,
              guint runs)
{
  guint n_goals;
  g_autoptr(ImpMap) map = generate_map (n, &n_goals);

  printf ("%-40s %12u\n", "import (ms, median)", imp_map_get_n_nodes (map));
  for (guint f = 0; f < 2; f++)
    {
      ImpExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      const char *data;
      gsize length;

      imp_export_options_init (&options);
      options.format = f == 0 ? IMP_EXPORT_OPML : IMP_EXPORT_FREEMIND;
      bytes = imp_export_to_bytes (map, &options, &error);
      if (bytes == NULL)
        {
          g_printerr ("imp-bench: %s\n", error->message);
          return 1;
        }
      data = g_bytes_get_data (bytes, &length);
      for (guint r = 0; r < runs; r++)
        {
          double start = now_ms ();
          g_autoptr(ImpImportSource) source = imp_import_source_load_data (data, length,
            f == 0 ? "bench.opml" : "bench.mm", NULL, &error);
          g_autoptr(ImpMap) back = source ? imp_import_source_to_map (source, NULL, NULL, &error)
                                          : NULL;
          double t = now_ms () - start;

          if (back == NULL)
            {
              g_printerr ("imp-bench: %s\n", error->message);
              return 1;
            }
          g_array_append_val (times, t);
        }
      g_array_sort (times, compare_doubles);
      printf ("%-40s %12.1f   (%.1f MiB)\n", f == 0 ? "import OPML (ms)" : "import .mm (ms)",
              g_array_index (times, double, times->len / 2), length / (1024.0 * 1024.0));
    }

  return 0;
}

/* --merge N: two copies of a generated map of N nodes, 100 changes on each
 * (renames, notes, new cards; never the same card on both sides), merged
 * three-way; then the diff of base and ours. The median of @runs. */
static ImpMap *
copy_for_merge (ImpMap *map)
{
  g_autofree char *data = imp_format_save_to_data (map, NULL);

  return imp_format_load_data (data, -1, NULL);
}

static void
change_100 (ImpMap *map,
            guint   side)
{
  guint n = imp_map_get_n_nodes (map);

  for (guint i = 0; i < 100; i++)
    {
      /* Side 0 takes even positions, side 1 odd ones: no card is changed twice. */
      ImpNode *node = imp_map_get_node (map, ((i * 7919u) * 2 + side) % (n - n % 2));
      g_autofree char *text = g_strdup_printf ("change %u of side %u", i, side);

      if (i % 3 == 0)
        _imp_map_set_node_title (map, node, text);
      else if (i % 3 == 1)
        _imp_map_set_node_notes (map, node, text);
      else if (node->level < IMP_LEVEL_EXPERIMENT)
        {
          ImpNode *child = _imp_map_add_node (map, node->level + 1, text, NULL, NULL);

          _imp_map_link (map, node, child, -1, NULL);
        }
    }
}

static int
bench_merge (guint n,
             guint runs)
{
  guint n_goals;
  g_autoptr(ImpMap) base = generate_map (n, &n_goals);
  g_autoptr(ImpMap) ours = copy_for_merge (base);
  g_autoptr(ImpMap) theirs = copy_for_merge (base);
  g_autoptr(GArray) merge_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diff_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_conflicts = 0;

  _imp_map_set_id_seed (ours, 1);
  _imp_map_set_id_seed (theirs, 2);
  change_100 (ours, 0);
  change_100 (theirs, 1);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();
      g_autoptr(ImpMap) merged = imp_merge_maps (base, ours, theirs, &n_conflicts, &error);
      double t = now_ms () - start;
      g_autoptr(ImpDiff) diff = NULL;

      if (merged == NULL)
        {
          g_printerr ("imp-bench: %s\n", error->message);
          return 1;
        }
      g_array_append_val (merge_times, t);

      start = now_ms ();
      diff = imp_diff_new (base, ours);
      t = now_ms () - start;
      g_array_append_val (diff_times, t);
    }
  g_array_sort (merge_times, compare_doubles);
  g_array_sort (diff_times, compare_doubles);
  printf ("%-40s %12u\n", "merge (ms, median)", imp_map_get_n_nodes (base));
  printf ("%-40s %12.1f   (%u conflicts)\n", "merge, 100 changes each side (ms)",
          g_array_index (merge_times, double, merge_times->len / 2), n_conflicts);
  printf ("%-40s %12.1f\n", "diff, base to ours (ms)",
          g_array_index (diff_times, double, diff_times->len / 2));

  return 0;
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 1000000, &value, error))
        return FALSE;
      g_array_append_val (sizes, value);
    }
  return sizes->len > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *sizes_text = NULL;
  g_autofree Result *results = NULL;
  g_auto(GStrv) write_map = NULL;
  gboolean json = FALSE;
  int runs = 5;
  int readings = 0;
  int import_nodes = 0;
  int merge_nodes = 0;
  GOptionEntry entries[] = {
    { "readings", 0, 0, G_OPTION_ARG_INT, &readings,
      "Readings on every generated metric (default 0)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON instead of a table", NULL },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text,
      "Map sizes in nodes (default 1000,10000,100000)", "N,N,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs,
      "Runs per measure, median reported (default 5; at most 3 from 50,000 nodes)", "N" },
    { "import", 0, 0, G_OPTION_ARG_INT, &import_nodes,
      "Time importing a generated map of N nodes from OPML and .mm", "N" },
    { "merge", 0, 0, G_OPTION_ARG_INT, &merge_nodes,
      "Time a three-way merge of two copies of a generated map of N nodes, 100 changes each",
      "N" },
    { "write-map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &write_map,
      "Write a generated map: --write-map N --write-map PATH, or N PATH after it", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— time the core on generated maps");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("imp-bench: %s\n", error->message);
      return 2;
    }

  /* --write-map N PATH: the second value is left in argv by GOption. */
  if (write_map != NULL)
    {
      const char *count_text = write_map[0];
      const char *path = write_map[1] != NULL ? write_map[1] : (argc > 1 ? argv[1] : NULL);
      g_autoptr(ImpMap) map = NULL;
      guint64 count;
      guint n_goals;

      if (path == NULL ||
          !g_ascii_string_to_unsigned (count_text, 10, 1, 1000000, &count, &error))
        {
          g_printerr ("imp-bench: --write-map needs a node count (1 to 1000000) and a path%s%s\n",
                      error != NULL ? ": " : "", error != NULL ? error->message : "");
          return 2;
        }
      map = generate_map ((guint) count, &n_goals);
      if (!imp_format_save_to_path (map, path, &error))
        {
          g_printerr ("imp-bench: %s: %s\n", path, error->message);
          return 1;
        }
      g_printerr ("wrote %u nodes to %s\n", imp_map_get_n_nodes (map), path);
      return 0;
    }

  if (readings < 0 || readings > IMP_MAX_READINGS)
    {
      g_printerr ("imp-bench: --readings must be from 0 to %d\n", IMP_MAX_READINGS);
      return 2;
    }
  readings_per_metric = (guint) readings;

  if (runs < 1)
    {
      g_printerr ("imp-bench: --runs must be at least 1\n");
      return 2;
    }
  if (import_nodes > 0)
    return bench_import ((guint) import_nodes, (guint) runs);
  if (merge_nodes > 1)
    return bench_merge ((guint) merge_nodes, (guint) runs);

  if (!parse_sizes (sizes_text != NULL ? sizes_text : "1000,10000,100000", sizes, &error))
    {
      g_printerr ("imp-bench: --sizes: %s\n", error != NULL ? error->message : "no size");
      return 2;
    }

  results = g_new0 (Result, sizes->len);
  for (guint i = 0; i < sizes->len; i++)
    {
      guint n = (guint) g_array_index (sizes, guint64, i);
      guint size_runs = n >= 50000 ? MIN ((guint) runs, 3) : (guint) runs;

      if (!json)
        g_printerr ("measuring %u nodes, %u runs...\n", n, size_runs);
      run_size (n, size_runs, &results[i]);
    }

  if (json)
    print_json (results, sizes->len);
  else
    print_table (results, sizes->len);

  for (guint i = 0; i < sizes->len; i++)
    g_free (results[i].png_note);

  return 0;
}
