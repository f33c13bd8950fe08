/* imp-layout.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-layout-private.h"
#include "imp-number.h"

/* Type inside a card, in px at 100 % zoom. */
#define BADGE_SIZE            10.5
#define BADGE_LETTER_SPACING  0.6
#define BADGE_HEIGHT          20.0
#define BADGE_PAD_X           8.0
#define CHIP_SIZE             12.0
#define CHIP_HEIGHT           22.0
#define CHIP_PAD_X            8.0
#define CHIP_GAP              6.0
#define PILL_GAP              8.0
#define BAR_HEIGHT            6.0
#define COLLAPSED_HEIGHT      24.0
#define COLLAPSED_SIZE        12.0
#define MIN_CARD_HEIGHT       64.0
/* Lines a metric or an experiment's line of small type may wrap to. */
#define SMALL_MAX_LINES       3

/* Levels strictly increase along links, so no tree is deeper than this; the
 * guard only protects against a map that breaks that rule. */
#define MAX_DEPTH             (IMP_N_LEVELS + 1)

/* The cache of text measurements lives on the map, so that the layouts
 * built after each edit only measure what changed. */
#define TEXT_CACHE_KEY        "imp-layout-text-cache"
#define TEXT_CACHE_MIN_SIZE   4096

typedef struct
{
  char   *text;
  double  width;
  double  baseline;
} WrappedLine;

typedef struct
{
  guint        n_lines;
  double       height;
  WrappedLine *lines;
} Wrapped;

typedef struct
{
  GMutex      lock;
  GHashTable *widths;  /* key -> double* */
  GHashTable *wraps;   /* key -> Wrapped* */
} TextCache;

/* Pango objects for the measurements that miss the cache, made on demand. */
typedef struct
{
  const ImpTheme *theme;
  TextCache      *cache;
  PangoContext   *context;
  PangoLayout    *layout;
} Measurer;

typedef struct
{
  ImpNode *node;
  ImpCard *card;
  double   x;
  double   y;
  double   rel_y;          /* top relative to the tree parent's top */
  int      parent;         /* tree parent, -1 for a root */
  int      first_child;    /* tree children as a list, in sibling order */
  int      last_child;
  int      next_sibling;
  guint    descendants;    /* in the tree, hidden or not */
  guint    visible : 1;
  guint    placed : 1;
  /* Balanced: -1 on the left of its goal, 1 on the right, 0 for the goal;
   * base is the left edge of its goal's column. Other layouts: 1 and 0. */
  int      side;
  double   base;
  /* What the last positioning saw, so that _imp_layout_update() can redo
   * only the subtrees of the pins that changed: the node's pin, its place
   * before pins (auto_y, unrounded) and the shift its pinned ancestors gave
   * it, its depth, and the run of the drawing order its subtree fills. */
  guint    pinned_seen : 1;
  guint    pin_changed : 1;
  guint    depth;
  double   pin_x;
  double   pin_y;
  double   auto_y;
  double   shift_x;
  double   shift_y;
  guint    visible_start;
  guint    visible_end;
} NodeInfo;

/* The vertical extent of a subtree in each column it reaches. */
typedef struct
{
  double   top[IMP_N_LEVELS];
  double   bottom[IMP_N_LEVELS];
  gboolean has[IMP_N_LEVELS];
} Contour;

struct _ImpLayout
{
  GObject         parent_instance;

  ImpMap         *map;
  const ImpTheme *theme;

  gboolean        computed;
  GHashTable     *index;      /* ImpNode* -> position + 1 */
  NodeInfo       *infos;
  guint           n_infos;
  GPtrArray      *visible;    /* (element-type ImpNode), drawing order */
  GStringChunk   *strings;    /* every string of every card */
  ImpRect         bounds;
  gboolean        has_column[IMP_N_LEVELS];
  double          column_x[IMP_N_LEVELS];
  double          row_y[IMP_N_LEVELS];
  double          row_height[IMP_N_LEVELS];
  ImpLevel        deepest;

  ImpLayoutKind   kind;
  gboolean        kind_fixed;  /* else it follows the map's on every compute */
  GArray         *bands;       /* ImpLayoutBand */

  guint           n_links;    /* when computed, to notice a changed structure */

  /* The exact extremes of the visible cards, which bounds is made of. */
  double          min_x, min_y, max_x, max_y;
  /* After _imp_layout_update(): [start, end) runs of the drawing order whose
   * cards may have moved or changed, or every card when all_changed. */
  gboolean        repositioning;
  gboolean        all_changed;
  GArray         *changed_runs;  /* guint pairs */

  /* Reused while composing cards, to avoid two allocations per card. */
  GArray         *tmp_texts;
  GArray         *tmp_boxes;
  double          small_ascent;
  double          small_height;
};

G_DEFINE_FINAL_TYPE (ImpLayout, imp_layout, G_TYPE_OBJECT)

/* Text set-up shared with the scene and the renderer. */

/**
 * _imp_text_context_new:
 *
 * A Pango context whose measurements do not depend on the zoom or the
 * output: metrics are not hinted and glyph positions are not rounded, so a
 * line measured here has the same width on the canvas at any zoom, in PNG
 * and, within the font's own tolerance, in SVG.
 *
 * Returns: (transfer full): a new context
 */
PangoContext *
_imp_text_context_new (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

/**
 * _imp_text_font_new:
 *
 * Returns: (transfer full): the theme's font, with a generic fallback, at
 *   @size px and @weight
 */
PangoFontDescription *
_imp_text_font_new (const ImpTheme *theme,
                    double          size,
                    int             weight)
{
  PangoFontDescription *desc = pango_font_description_new ();
  g_autofree char *family = g_strdup_printf ("%s,%s", theme->font_family,
                                             IMP_THEME_FALLBACK_FAMILY);

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);

  return desc;
}

/**
 * _imp_text_layout_set:
 *
 * Resets @layout to show @text on one unwrapped line; whatever wrapping or
 * attributes an earlier use left behind are cleared.
 */
void
_imp_text_layout_set (PangoLayout    *layout,
                      const ImpTheme *theme,
                      const char     *text,
                      double          size,
                      int             weight,
                      double          letter_spacing)
{
  PangoFontDescription *desc = _imp_text_font_new (theme, size, weight);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_single_paragraph_mode (layout, FALSE);

  if (letter_spacing != 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      int spacing = (int) (letter_spacing * PANGO_SCALE);

      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (spacing));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    {
      pango_layout_set_attributes (layout, NULL);
    }

  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);
}

/**
 * _imp_text_layout_add_word_spacing:
 * @layout: a layout _imp_text_layout_set() has just set
 * @spacing: px to add at each space
 *
 * Widens every space of @layout's text by @spacing, as SVG's word-spacing
 * does; the rest of the text keeps its spacing.
 */
void
_imp_text_layout_add_word_spacing (PangoLayout *layout,
                                   double       spacing)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) list = attrs != NULL ? pango_attr_list_copy (attrs)
                                                : pango_attr_list_new ();

  for (const char *p = strchr (text, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      PangoAttribute *attr = pango_attr_letter_spacing_new ((int) (spacing * PANGO_SCALE));

      attr->start_index = p - text;
      attr->end_index = p - text + 1;
      pango_attr_list_insert (list, attr);
    }
  pango_layout_set_attributes (layout, list);
}

/* The measurement cache */

static void
wrapped_free (gpointer data)
{
  Wrapped *wrapped = data;

  for (guint i = 0; i < wrapped->n_lines; i++)
    g_free (wrapped->lines[i].text);
  g_free (wrapped->lines);
  g_free (wrapped);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->widths);
  g_hash_table_unref (cache->wraps);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static TextCache *
text_cache_get (ImpMap *map)
{
  TextCache *cache = g_object_get_data (G_OBJECT (map), TEXT_CACHE_KEY);

  if (cache == NULL)
    {
      cache = g_new0 (TextCache, 1);
      g_mutex_init (&cache->lock);
      cache->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      cache->wraps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wrapped_free);
      g_object_set_data_full (G_OBJECT (map), TEXT_CACHE_KEY, cache, text_cache_free);
    }

  return cache;
}

static char *
text_key (const ImpTheme *theme,
          const char     *text,
          double          size,
          int             weight,
          double          letter_spacing,
          double          wrap_width)
{
  char params[64];

  /* Whole hundredths: the parameters are printed as integers, which costs
   * far less than printing doubles, once per card and per string. */
  g_snprintf (params, sizeof params, "\x1f%d\x1f%d\x1f%d\x1f%d\x1f",
              (int) lround (size * 100), weight, (int) lround (letter_spacing * 100),
              (int) lround (wrap_width * 100));

  return g_strconcat (theme->font_family, params, text, NULL);
}

static void
measurer_ensure (Measurer *m)
{
  if (m->layout == NULL)
    {
      m->context = _imp_text_context_new ();
      m->layout = pango_layout_new (m->context);
    }
}

static void
measurer_clear (Measurer *m)
{
  g_clear_object (&m->layout);
  g_clear_object (&m->context);
}

/* Only for the measurer's own layout, which the caller has just set. */
static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return logical.width / (double) PANGO_SCALE;
}

static double
measure_width_uncached (Measurer   *m,
                        const char *text,
                        double      size,
                        int         weight,
                        double      letter_spacing)
{
  measurer_ensure (m);
  _imp_text_layout_set (m->layout, m->theme, text, size, weight, letter_spacing);

  return layout_width (m->layout);
}

static double
measure_width (Measurer   *m,
               const char *text,
               double      size,
               int         weight,
               double      letter_spacing)
{
  g_autofree char *key = text_key (m->theme, text, size, weight, letter_spacing, -1);
  double *cached;
  double width;

  g_mutex_lock (&m->cache->lock);
  cached = g_hash_table_lookup (m->cache->widths, key);
  width = cached ? *cached : NAN;
  g_mutex_unlock (&m->cache->lock);

  if (!isnan (width))
    return width;

  width = measure_width_uncached (m, text, size, weight, letter_spacing);

  g_mutex_lock (&m->cache->lock);
  g_hash_table_insert (m->cache->widths, g_steal_pointer (&key), g_memdup2 (&width, sizeof width));
  g_mutex_unlock (&m->cache->lock);

  return width;
}

static void
strip_trailing_space (char *text)
{
  gsize len = strlen (text);

  while (len > 0 && g_ascii_isspace (text[len - 1]))
    text[--len] = '\0';
}

/* @text cut so that it fits in @max_width on one line, ending in an
 * ellipsis when it had to be cut. */
static char *
fit_line (Measurer   *m,
          const char *text,
          double      size,
          int         weight,
          double      letter_spacing,
          double      max_width)
{
  g_autofree char *line = g_strdup (text);
  double ellipsis;
  int index = 0;
  int trailing = 0;

  /* A line never holds a line break. */
  for (char *p = line; *p; p++)
    if (*p == '\n')
      *p = ' ';

  if (measure_width (m, line, size, weight, letter_spacing) <= max_width)
    return g_steal_pointer (&line);

  ellipsis = measure_width (m, "…", size, weight, letter_spacing);

  measurer_ensure (m);
  _imp_text_layout_set (m->layout, m->theme, line, size, weight, letter_spacing);
  pango_layout_xy_to_index (m->layout, (int) (MAX (0, max_width - ellipsis) * PANGO_SCALE), 0,
                            &index, &trailing);

  /* Kerning can make the cut line a hair wider than its prefix measured in
   * place: step back until it really fits. */
  while (TRUE)
    {
      g_autofree char *head = g_strndup (line, index);
      g_autofree char *candidate = NULL;

      strip_trailing_space (head);
      candidate = g_strconcat (head, "…", NULL);

      if (index == 0 ||
          measure_width_uncached (m, candidate, size, weight, letter_spacing) <= max_width)
        return g_steal_pointer (&candidate);

      index = g_utf8_prev_char (line + index) - line;
    }
}

static Wrapped *
wrap_uncached (Measurer   *m,
               const char *text,
               double      size,
               int         weight,
               double      width,
               guint       max_lines)
{
  Wrapped *wrapped = g_new0 (Wrapped, 1);
  g_autofree int *starts = NULL;
  g_autofree int *lengths = NULL;
  g_autofree char *head = NULL;
  PangoLayoutIter *iter;
  gboolean truncated = FALSE;
  guint n_lines;
  guint i = 0;

  /* Pango lays a paragraph out in more than linear time, and a card shows
   * only @max_lines lines of it: hand it no more characters than those
   * lines could hold if every character were a fifth of the font size wide
   * (only marks and joiners are narrower, and they ride on others), so a
   * title of a megabyte costs what a title of a few hundred characters does. */
  {
    glong limit = (glong) max_lines * ((glong) (width / MAX (size * 0.2, 0.5)) + 16);
    const char *end = text;

    for (glong n = 0; *end != '\0' && n < limit; n++)
      end = g_utf8_next_char (end);
    if (*end != '\0')
      {
        head = g_strndup (text, end - text);
        text = head;
        truncated = TRUE;
      }
  }

  measurer_ensure (m);
  _imp_text_layout_set (m->layout, m->theme, text, size, weight, 0);
  pango_layout_set_width (m->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (m->layout, PANGO_WRAP_WORD_CHAR);

  n_lines = MIN ((guint) pango_layout_get_line_count (m->layout), max_lines);
  wrapped->n_lines = n_lines;
  wrapped->lines = g_new0 (WrappedLine, n_lines);
  starts = g_new0 (int, n_lines);
  lengths = g_new0 (int, n_lines);

  iter = pango_layout_get_iter (m->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_line_get_extents (line, NULL, &logical);
      starts[i] = line->start_index;
      lengths[i] = line->length;
      wrapped->lines[i].baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      wrapped->lines[i].width = MIN (logical.width / (double) PANGO_SCALE, width);
      wrapped->height = y1 / (double) PANGO_SCALE;
      i++;
    }
  while (i < n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  for (i = 0; i < n_lines; i++)
    {
      gboolean cut = (i == n_lines - 1 &&
                      ((guint) pango_layout_get_line_count (m->layout) > n_lines || truncated));

      if (cut)
        {
          /* The last line we keep says that more follows, even when what
           * follows was never laid out. */
          g_autofree char *rest = g_strconcat (text + starts[i], truncated ? "…" : "", NULL);

          wrapped->lines[i].text = fit_line (m, rest, size, weight, 0, width);
          wrapped->lines[i].width = width;
        }
      else
        {
          wrapped->lines[i].text = g_strndup (text + starts[i], lengths[i]);
          strip_trailing_space (wrapped->lines[i].text);
        }
    }

  return wrapped;
}

/* Copies the cached wrapping into the layout's strings; the cache may be
 * emptied later without leaving the card dangling. */
static void
wrap_text (Measurer     *m,
           GStringChunk *strings,
           const char   *text,
           double        size,
           int           weight,
           double        width,
           guint         max_lines,
           GArray       *out_lines,
           double       *out_height)
{
  /* The line limit takes the letter-spacing slot: titles have none. */
  g_autofree char *key = text_key (m->theme, text, size, weight, max_lines, width);
  Wrapped *wrapped;

  g_mutex_lock (&m->cache->lock);
  wrapped = g_hash_table_lookup (m->cache->wraps, key);
  g_mutex_unlock (&m->cache->lock);

  if (wrapped == NULL)
    {
      wrapped = wrap_uncached (m, text, size, weight, width, max_lines);
      g_mutex_lock (&m->cache->lock);
      g_hash_table_insert (m->cache->wraps, g_steal_pointer (&key), wrapped);
      g_mutex_unlock (&m->cache->lock);
    }

  g_mutex_lock (&m->cache->lock);
  for (guint i = 0; i < wrapped->n_lines; i++)
    {
      WrappedLine line = wrapped->lines[i];

      line.text = g_string_chunk_insert (strings, line.text);
      g_array_append_val (out_lines, line);
    }
  *out_height = wrapped->height;
  g_mutex_unlock (&m->cache->lock);
}

/* A title as Pango and XML will both take it: valid UTF-8, no control
 * characters except line breaks, no surrounding white space. */
static char *
sanitize_title (const char *title)
{
  char *clean = g_utf8_make_valid (title ? title : "", -1);

  for (char *p = clean; *p; p++)
    if (g_ascii_iscntrl (*p) && *p != '\n')
      *p = ' ';

  return g_strstrip (clean);
}

/* Numbers for metric labels: thousands grouped as the user reads them
 * ("43,500", "43.500"), at most two decimals. */
static char *
format_number (double value)
{
  ImpNumberFormat format;

  imp_number_format_init_locale (&format);

  return imp_number_to_text (&format, value, 2);
}

static char *
format_quantity (double      value,
                 const char *unit)
{
  g_autofree char *number = format_number (value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (strcmp (unit, "%") == 0)
    return g_strconcat (number, unit, NULL);

  return g_strconcat (number, " ", unit, NULL);
}

static const char *
experiment_kind_name (ImpExperimentKind kind)
{
  switch (kind)
    {
    case IMP_EXPERIMENT_KIND_USABILITY_INTERVIEW:
      return _("Usability interview");
    case IMP_EXPERIMENT_KIND_FAKE_DOOR:
      return _("Fake door");
    case IMP_EXPERIMENT_KIND_WIZARD_OF_OZ:
      return _("Wizard of Oz");
    case IMP_EXPERIMENT_KIND_KANO_SURVEY:
      return _("Kano survey");
    case IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE:
      return _("Technical spike");
    case IMP_EXPERIMENT_KIND_AB_TEST:
      return _("A/B test");
    case IMP_EXPERIMENT_KIND_OTHER:
    default:
      return _("Other");
    }
}

static const char *
aspect_name (ImpAspect aspect)
{
  switch (aspect)
    {
    case IMP_ASPECT_USABILITY:
      return _("usability");
    case IMP_ASPECT_FEASIBILITY:
      return _("feasibility");
    case IMP_ASPECT_VALIDITY:
    default:
      return _("validity");
    }
}

/* Card composition */

typedef struct
{
  const char *text;
  ImpInk      fg;
  ImpInk      bg;
  double      width;   /* of the pill */
  float       word_spacing;
} Chip;

static void
add_text (ImpLayout  *self,
          const char *text,
          double      x,
          double      baseline,
          double      width,
          double      size,
          int         weight,
          double      letter_spacing,
          ImpInk      ink)
{
  ImpCardText t = {
    .text = g_string_chunk_insert_const (self->strings, text),
    .x = x,
    .baseline = baseline,
    .width = width,
    .size = size,
    .letter_spacing = letter_spacing,
    .weight = weight,
    .ink = ink,
  };

  g_array_append_val (self->tmp_texts, t);
}

static guint
add_box (ImpLayout *self,
         double     x,
         double     y,
         double     width,
         double     height,
         double     radius,
         ImpInk     ink)
{
  ImpCardBox b = { { x, y, width, height }, radius, ink };

  g_array_append_val (self->tmp_boxes, b);

  return self->tmp_boxes->len - 1;
}

/* Text in a pill is centred on the height of its capitals, which is what the
 * eye centres, rather than on the font's full ascent. */
static double
pill_baseline (double top,
               double height,
               double size)
{
  return top + height / 2 + size * 0.36;
}

static void
add_chip (ImpLayout   *self,
          Measurer    *m,
          const Chip  *chip,
          double       x,
          double       y)
{
  double text_width = chip->width - 2 * CHIP_PAD_X;

  add_box (self, x, y, chip->width, CHIP_HEIGHT, CHIP_HEIGHT / 2, chip->bg);
  add_text (self, chip->text, x + CHIP_PAD_X, pill_baseline (y, CHIP_HEIGHT, CHIP_SIZE),
            text_width, CHIP_SIZE, PANGO_WEIGHT_BOLD, 0, chip->fg);
  g_array_index (self->tmp_texts, ImpCardText, self->tmp_texts->len - 1).word_spacing =
    chip->word_spacing;
}

/* A pill's text with its word spacing, measured as the scene lays it out. */
static double
measure_chip (Measurer   *m,
              const Chip *chip)
{
  if (chip->word_spacing == 0)
    return measure_width (m, chip->text, CHIP_SIZE, PANGO_WEIGHT_BOLD, 0);

  measurer_ensure (m);
  _imp_text_layout_set (m->layout, m->theme, chip->text, CHIP_SIZE, PANGO_WEIGHT_BOLD, 0);
  _imp_text_layout_add_word_spacing (m->layout, chip->word_spacing);

  return layout_width (m->layout);
}

static guint
collect_chips (ImpLayout *self,
               Measurer  *m,
               ImpNode   *node,
               Chip      *chips,
               char     **owned)
{
  guint n = 0;

  if (node->level == IMP_LEVEL_DELIVERABLE)
    {

      if (imp_ice_is_set (&node->ice))
        {
          owned[n] = g_strdup_printf (_("ICE %u"), imp_ice_get_score (&node->ice));
          /* The number its own word, at every zoom (issue 19). */
          chips[n] = (Chip) { owned[n], IMP_INK_ACCENT, IMP_INK_ACCENT_TINT, 0,
                              IMP_CHIP_WORD_SPACING };
          n++;
        }

      /* DOMAIN.md: a deliverable whose experiments refute it is eliminated,
       * one with support boosted; mixed evidence is left to the reader. */
      switch (imp_analysis_get_verdict (node, NULL, NULL))
        {
        case IMP_VERDICT_ELIMINATED:
          chips[n++] = (Chip) { _("✗ Eliminated"), IMP_INK_DANGER, IMP_INK_DANGER_TINT, 0 };
          break;
        case IMP_VERDICT_BOOSTED:
          chips[n++] = (Chip) { _("✓ Boosted"), IMP_INK_SUCCESS, IMP_INK_SUCCESS_TINT, 0 };
          break;
        case IMP_VERDICT_NONE:
        case IMP_VERDICT_MIXED:
        default:
          break;
        }
    }
  else if (node->level == IMP_LEVEL_EXPERIMENT && node->experiment != NULL)
    {
      const ImpExperiment *e = node->experiment;

      if (e->status == IMP_EXPERIMENT_PLANNED)
        chips[n++] = (Chip) { _("Planned"), IMP_INK_NEUTRAL, IMP_INK_NEUTRAL_TINT, 0 };
      else if (e->status == IMP_EXPERIMENT_RUNNING)
        chips[n++] = (Chip) { _("Running"), IMP_INK_ACCENT, IMP_INK_ACCENT_TINT, 0 };
      else if (e->result == IMP_RESULT_SUPPORTS)
        chips[n++] = (Chip) { _("✓ Supports"), IMP_INK_SUCCESS, IMP_INK_SUCCESS_TINT, 0 };
      else if (e->result == IMP_RESULT_REFUTES)
        chips[n++] = (Chip) { _("✗ Refutes"), IMP_INK_DANGER, IMP_INK_DANGER_TINT, 0 };
      else if (e->result == IMP_RESULT_INCONCLUSIVE)
        chips[n++] = (Chip) { _("? Inconclusive"), IMP_INK_NEUTRAL, IMP_INK_NEUTRAL_TINT, 0 };
      else
        chips[n++] = (Chip) { _("Done"), IMP_INK_NEUTRAL, IMP_INK_NEUTRAL_TINT, 0 };
    }

  for (guint i = 0; i < n; i++)
    chips[i].width = MIN (measure_chip (m, &chips[i]) + 2 * CHIP_PAD_X, IMP_CARD_CONTENT_WIDTH);

  return n;
}

/* A line of small type, wrapped rather than cut (issue 19: "↑ 43,500 /
 * 48,000 le…" at the projector): the card grows by the lines it takes.
 * Returns the height taken, at least one small line's. */
static double
add_small_lines (ImpLayout  *self,
                 Measurer   *m,
                 const char *text,
                 double      x,
                 double      top,
                 double      max_width,
                 int         weight,
                 ImpInk      ink)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (WrappedLine));
  double height = 0;

  wrap_text (m, self->strings, text, self->theme->small_size, weight, max_width,
             SMALL_MAX_LINES, lines, &height);
  for (guint i = 0; i < lines->len; i++)
    {
      const WrappedLine *line = &g_array_index (lines, WrappedLine, i);

      add_text (self, line->text, x, top + self->small_ascent + i * self->small_height,
                line->width, self->theme->small_size, weight, 0, ink);
    }

  return MAX (1, lines->len) * self->small_height;
}

static void
compose_metric (ImpLayout *self,
                Measurer  *m,
                ImpCard   *card,
                ImpNode   *node,
                double    *y)
{
  const ImpMetric *metric = node->metric;
  const double small = self->theme->small_size;
  const double left = IMP_CARD_PAD_LEFT;
  const char *arrow = metric->direction == IMP_DIRECTION_DECREASE ? "↓" : "↑";

  *y += 10;

  if (imp_metric_has_target (metric))
    {
      double progress = imp_metric_get_progress (metric);
      g_autofree char *target = format_quantity (metric->target, metric->unit);
      g_autofree char *label = NULL;
      g_autofree char *percent = NULL;
      double percent_width = 0;

      card->track_box = add_box (self, left, *y, IMP_CARD_CONTENT_WIDTH, BAR_HEIGHT,
                                 BAR_HEIGHT / 2, IMP_INK_TRACK);
      card->progress = progress;
      if (isfinite (progress) && progress > 0)
        add_box (self, left, *y, MAX (BAR_HEIGHT, IMP_CARD_CONTENT_WIDTH * progress), BAR_HEIGHT,
                 BAR_HEIGHT / 2, progress >= 1.0 ? IMP_INK_PROGRESS_DONE : IMP_INK_ACCENT);
      *y += BAR_HEIGHT + 5;

      /* The arrow says which way is better, so "30 / 24 h" reads right for
       * a metric that should go down. */
      if (isfinite (metric->current))
        {
          g_autofree char *current = format_number (metric->current);

          /* TRANSLATORS: metric progress, "↑ 43,500 / 48,000 learners" */
          label = g_strdup_printf (_("%s %s / %s"), arrow, current, target);
        }
      else
        {
          /* TRANSLATORS: a metric with a target but no current value yet */
          label = g_strdup_printf (_("%s target %s"), arrow, target);
        }

      if (isfinite (progress))
        {
          percent = g_strdup_printf ("%d%%", (int) floor (progress * 100 + 0.5));
          percent_width = measure_width (m, percent, small, PANGO_WEIGHT_BOLD, 0);
          add_text (self, percent, left + IMP_CARD_CONTENT_WIDTH - percent_width,
                    *y + self->small_ascent, percent_width, small, PANGO_WEIGHT_BOLD,
                    0, progress >= 1.0 ? IMP_INK_SUCCESS : IMP_INK_ACCENT);
          percent_width += 8;
        }

      *y += add_small_lines (self, m, label, left, *y, IMP_CARD_CONTENT_WIDTH - percent_width,
                             PANGO_WEIGHT_NORMAL, IMP_INK_TEXT_DIM);
    }
  else
    {
      g_autofree char *what = NULL;
      g_autofree char *label = NULL;

      if (isfinite (metric->current))
        what = format_quantity (metric->current, metric->unit);
      else
        what = g_strdup (metric->direction == IMP_DIRECTION_DECREASE ?
                         _("Decrease") : _("Increase"));

      /* TRANSLATORS: a metric without a target: "↑ 43,500 learners · direction only" */
      label = g_strdup_printf (_("%s %s · direction only"), arrow, what);
      *y += add_small_lines (self, m, label, left, *y, IMP_CARD_CONTENT_WIDTH,
                             PANGO_WEIGHT_NORMAL, IMP_INK_TEXT_DIM);
    }
}

static ImpCard *
compose_card (ImpLayout *self,
              Measurer  *m,
              ImpNode   *node,
              guint      hidden)
{
  const ImpTheme *theme = self->theme;
  const double left = IMP_CARD_PAD_LEFT;
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  g_autofree char *badge = g_utf8_strup (imp_vocabulary_level_name (vocabulary, node->level), -1);
  g_autofree char *badge_fitted = NULL;
  g_autofree char *title = sanitize_title (node->title);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (WrappedLine));
  char *owned[4] = { NULL, };
  Chip chips[4];
  guint n_chips;
  ImpCard *card;
  gsize texts_size, boxes_size;
  double badge_width, chips_width = 0;
  double title_size, title_height;
  int title_weight;
  gboolean chips_in_badge_row;
  double y = IMP_CARD_PAD_TOP;

  g_array_set_size (self->tmp_texts, 0);
  g_array_set_size (self->tmp_boxes, 0);

  card = g_new0 (ImpCard, 1);
  card->track_box = -1;
  card->progress = NAN;

  /* The level badge: colour is never the only carrier of the level. */
  badge_fitted = fit_line (m, badge, BADGE_SIZE, PANGO_WEIGHT_BOLD, BADGE_LETTER_SPACING,
                           IMP_CARD_CONTENT_WIDTH - 2 * BADGE_PAD_X);
  badge_width = measure_width (m, badge_fitted, BADGE_SIZE, PANGO_WEIGHT_BOLD,
                               BADGE_LETTER_SPACING);
  add_box (self, left, y, badge_width + 2 * BADGE_PAD_X, BADGE_HEIGHT, BADGE_HEIGHT / 2,
           IMP_INK_ACCENT_TINT);
  add_text (self, badge_fitted, left + BADGE_PAD_X, pill_baseline (y, BADGE_HEIGHT, BADGE_SIZE),
            badge_width, BADGE_SIZE, PANGO_WEIGHT_BOLD, BADGE_LETTER_SPACING, IMP_INK_ACCENT);

  /* Chips share the badge's row when they fit beside it, which keeps most
   * cards short; otherwise they get a row of their own under the title. */
  n_chips = collect_chips (self, m, node, chips, owned);
  for (guint i = 0; i < n_chips; i++)
    chips_width += chips[i].width + (i > 0 ? CHIP_GAP : 0);
  chips_in_badge_row = n_chips > 0 &&
    badge_width + 2 * BADGE_PAD_X + PILL_GAP + chips_width <= IMP_CARD_CONTENT_WIDTH;

  if (chips_in_badge_row)
    {
      double x = left + IMP_CARD_CONTENT_WIDTH - chips_width;

      for (guint i = 0; i < n_chips; i++)
        {
          add_chip (self, m, &chips[i], x, y + (BADGE_HEIGHT - CHIP_HEIGHT) / 2);
          x += chips[i].width + CHIP_GAP;
        }
      y += CHIP_HEIGHT - (CHIP_HEIGHT - BADGE_HEIGHT) / 2;
    }
  else
    {
      y += BADGE_HEIGHT;
    }
  y += 8;

  /* The title: goals are the biggest, boldest type on the map. */
  title_size = node->level == IMP_LEVEL_GOAL ? theme->goal_title_size : theme->title_size;
  title_weight = node->level == IMP_LEVEL_GOAL ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
  wrap_text (m, self->strings, *title ? title : _("Untitled"), title_size, title_weight,
             IMP_CARD_CONTENT_WIDTH, IMP_CARD_MAX_TITLE_LINES, lines, &title_height);
  for (guint i = 0; i < lines->len; i++)
    {
      WrappedLine *line = &g_array_index (lines, WrappedLine, i);

      add_text (self, line->text, left, y + line->baseline, line->width, title_size,
                title_weight, 0, *title ? IMP_INK_TEXT : IMP_INK_TEXT_DIM);
    }
  y += title_height;

  if (node->level == IMP_LEVEL_EXPERIMENT && node->experiment != NULL)
    {
      g_autofree char *meta = NULL;

      /* "Experiment" would only repeat the badge. */
      if (node->experiment->kind == IMP_EXPERIMENT_KIND_OTHER)
        /* TRANSLATORS: the aspect an experiment tests, "tests validity" */
        meta = g_strdup_printf (_("Tests %s"), aspect_name (node->experiment->aspect));
      else
        /* TRANSLATORS: kind and aspect of an experiment, "Fake door · validity" */
        meta = g_strdup_printf (_("%s · %s"), experiment_kind_name (node->experiment->kind),
                                aspect_name (node->experiment->aspect));

      y += 4;
      y += add_small_lines (self, m, meta, left, y, IMP_CARD_CONTENT_WIDTH, PANGO_WEIGHT_NORMAL,
                            IMP_INK_TEXT_DIM);
    }

  if (node->metric != NULL &&
      (node->level == IMP_LEVEL_GOAL || node->level == IMP_LEVEL_IMPACT))
    compose_metric (self, m, card, node, &y);

  if (n_chips > 0 && !chips_in_badge_row)
    {
      double x = left;

      y += 10;
      for (guint i = 0; i < n_chips; i++)
        {
          if (x > left && x + chips[i].width > left + IMP_CARD_CONTENT_WIDTH)
            {
              x = left;
              y += CHIP_HEIGHT + CHIP_GAP;
            }
          add_chip (self, m, &chips[i], x, y);
          x += chips[i].width + CHIP_GAP;
        }
      y += CHIP_HEIGHT;
    }

  y += IMP_CARD_PAD_BOTTOM;
  card->height = ceil (MAX (y, MIN_CARD_HEIGHT));

  /* The "+N" of a collapsed node sits on the card's right edge, where its
   * links would start, half outside the card. */
  if (hidden > 0)
    {
      g_autofree char *count = g_strdup_printf ("+%u", hidden);
      double text_width = measure_width (m, count, COLLAPSED_SIZE, PANGO_WEIGHT_BOLD, 0);
      double width = MAX (COLLAPSED_HEIGHT, text_width + 14);
      double top = card->height / 2 - COLLAPSED_HEIGHT / 2;

      add_box (self, IMP_LAYOUT_CARD_WIDTH - width / 2, top, width, COLLAPSED_HEIGHT,
               COLLAPSED_HEIGHT / 2, IMP_INK_ACCENT);
      add_text (self, count, IMP_LAYOUT_CARD_WIDTH - text_width / 2,
                pill_baseline (top, COLLAPSED_HEIGHT, COLLAPSED_SIZE), text_width,
                COLLAPSED_SIZE, PANGO_WEIGHT_BOLD, 0, IMP_INK_ON_ACCENT);
    }

  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    g_free (owned[i]);

  /* One block per card: the texts and boxes follow the header. */
  texts_size = sizeof (ImpCardText) * self->tmp_texts->len;
  boxes_size = sizeof (ImpCardBox) * self->tmp_boxes->len;
  card = g_realloc (card, sizeof (ImpCard) + texts_size + boxes_size);
  card->n_texts = self->tmp_texts->len;
  card->n_boxes = self->tmp_boxes->len;
  card->texts = (ImpCardText *) (card + 1);
  card->boxes = (ImpCardBox *) ((char *) card->texts + texts_size);
  memcpy (card->texts, self->tmp_texts->data, texts_size);
  memcpy (card->boxes, self->tmp_boxes->data, boxes_size);

  return card;
}

/* The tree */

static void
contour_clear (Contour *c)
{
  memset (c, 0, sizeof *c);
}

static void
contour_add (Contour *c,
             guint    level,
             double   top,
             double   bottom)
{
  if (!c->has[level])
    {
      c->has[level] = TRUE;
      c->top[level] = top;
      c->bottom[level] = bottom;
    }
  else
    {
      c->top[level] = MIN (c->top[level], top);
      c->bottom[level] = MAX (c->bottom[level], bottom);
    }
}

static void
contour_merge (Contour       *into,
               const Contour *from,
               double         offset)
{
  for (guint l = 0; l < IMP_N_LEVELS; l++)
    if (from->has[l])
      contour_add (into, l, from->top[l] + offset, from->bottom[l] + offset);
}

static double
contour_min_top (const Contour *c)
{
  double top = G_MAXDOUBLE;

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    if (c->has[l])
      top = MIN (top, c->top[l]);

  return top == G_MAXDOUBLE ? 0 : top;
}

static double
contour_max_bottom (const Contour *c)
{
  double bottom = -G_MAXDOUBLE;

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    if (c->has[l])
      bottom = MAX (bottom, c->bottom[l]);

  return bottom == -G_MAXDOUBLE ? 0 : bottom;
}

/* How far down @next must move, from the origin of @placed, so that in
 * every column the two share it starts below what is placed: a sibling gap
 * apart in @sibling_level, a little more in their descendants' columns.
 * -G_MAXDOUBLE when they share no column. */
static double
contour_separation (const Contour *placed,
                    const Contour *next,
                    guint          sibling_level)
{
  double offset = -G_MAXDOUBLE;

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    {
      if (placed->has[l] && next->has[l])
        {
          double gap = l == sibling_level ? IMP_LAYOUT_SIBLING_GAP : IMP_LAYOUT_SUBTREE_GAP;

          offset = MAX (offset, placed->bottom[l] + gap - next->top[l]);
        }
    }

  return offset;
}

static inline NodeInfo *
info_of (ImpLayout     *self,
         const ImpNode *node)
{
  guint position;

  if (self->index == NULL || node == NULL)
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, node));

  return position > 0 ? &self->infos[position - 1] : NULL;
}

/* The size of a card across the levels' direction: siblings are stacked
 * along it. */
static inline double
extent_of (ImpLayout      *self,
           const NodeInfo *info)
{
  return self->kind == IMP_LAYOUT_DOWN ? IMP_LAYOUT_CARD_WIDTH : info->card->height;
}

/* Places the subtree under @i relative to the top of its root card, whose
 * own top is 0 in @out; records each child's offset in rel_y. In the down
 * layout "top" and "height" are the left edge and the width: the same tidy
 * tree, turned a quarter. */
static void
place_subtree (ImpLayout *self,
               int        i,
               Contour   *out,
               guint      depth)
{
  NodeInfo *info = &self->infos[i];
  double height = extent_of (self, info);
  Contour acc;
  double first_top = 0, last_bottom = 0, node_top;
  guint n = 0;

  contour_clear (&acc);
  info->placed = TRUE;

  if (!info->node->collapsed && depth < MAX_DEPTH)
    {
      for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
        {
          NodeInfo *child = &self->infos[c];
          Contour sub;
          double offset = 0;

          if (!child->visible)
            continue;

          place_subtree (self, c, &sub, depth + 1);
          if (n > 0)
            offset = contour_separation (&acc, &sub, child->node->level);
          /* Siblings in disjoint columns (only in three tiers, where a goal
           * may hold an actor and an outcome) are simply stacked. */
          if (offset == -G_MAXDOUBLE)
            offset = contour_max_bottom (&acc) + IMP_LAYOUT_SIBLING_GAP - contour_min_top (&sub);
          child->rel_y = offset;
          contour_merge (&acc, &sub, offset);

          if (n == 0)
            first_top = offset;
          last_bottom = offset + extent_of (self, child);
          n++;
        }
    }

  contour_clear (out);
  if (n == 0)
    {
      contour_add (out, info->node->level, 0, height);
      return;
    }

  /* The parent sits at the middle of the span of its children's cards. */
  node_top = (first_top + last_bottom) / 2 - height / 2;
  for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
    if (self->infos[c].visible)
      self->infos[c].rel_y -= node_top;

  contour_merge (out, &acc, -node_top);
  contour_add (out, info->node->level, 0, height);
}

static gboolean
is_finite_position (double value)
{
  return isfinite (value) && fabs (value) < 1e9;
}

/* Where the layout puts a card whose place across the levels is @s. */
static void
auto_position (ImpLayout      *self,
               const NodeInfo *info,
               double          s,
               double         *x,
               double         *y)
{
  ImpLevel level = info->node->level;
  double column = self->column_x[level] - self->column_x[IMP_LEVEL_GOAL];

  /* Whole pixels keep card edges crisp at 100 %; the gaps are wide enough
   * that rounding never makes two cards touch. */
  switch (self->kind)
    {
    case IMP_LAYOUT_DOWN:
      *x = round (s);
      *y = self->row_y[level];
      break;
    case IMP_LAYOUT_BALANCED:
      *x = info->side < 0 ? info->base - column : info->base + column;
      *y = round (s);
      break;
    case IMP_LAYOUT_RIGHT:
    default:
      *x = info->base + self->column_x[level];
      *y = round (s);
      break;
    }
}

/* Turns relative offsets into positions, moving a pinned node to its pin
 * and its subtree by the same amount. */
static void
position_subtree (ImpLayout *self,
                  int        i,
                  double     s,
                  double     dx,
                  double     dy,
                  guint      depth)
{
  NodeInfo *info = &self->infos[i];
  ImpNode *node = info->node;
  double auto_x, auto_y, pin_x, pin_y;

  auto_position (self, info, s, &auto_x, &auto_y);
  info->auto_y = s;
  info->shift_x = dx;
  info->shift_y = dy;
  info->depth = depth;

  if (imp_node_get_pin (node, self->kind, &pin_x, &pin_y) &&
      is_finite_position (pin_x) && is_finite_position (pin_y))
    {
      dx = pin_x - auto_x;
      dy = pin_y - auto_y;
    }

  info->x = auto_x + dx;
  info->y = auto_y + dy;
  /* Moving a subtree again leaves the drawing order as it was. */
  if (!self->repositioning)
    {
      info->visible_start = self->visible->len;
      g_ptr_array_add (self->visible, node);
    }

  if (!node->collapsed && depth < MAX_DEPTH)
    for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
      if (self->infos[c].visible && self->infos[c].placed)
        position_subtree (self, c, s + self->infos[c].rel_y, dx, dy, depth + 1);

  if (!self->repositioning)
    info->visible_end = self->visible->len;
}

static guint
mark_visible (ImpLayout *self,
              int        i,
              gboolean   visible,
              guint      depth)
{
  NodeInfo *info = &self->infos[i];
  gboolean children_visible = visible && !info->node->collapsed;

  info->visible = visible;
  info->descendants = 0;

  if (depth >= MAX_DEPTH)
    return 0;

  for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
    info->descendants += 1 + mark_visible (self, c, children_visible, depth + 1);

  return info->descendants;
}

static void
clear_infos (ImpLayout *self)
{
  for (guint i = 0; i < self->n_infos; i++)
    g_free (self->infos[i].card);
  g_clear_pointer (&self->infos, g_free);
  self->n_infos = 0;
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
}

static void
compute_columns (ImpLayout *self)
{
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  gboolean has_level[IMP_N_LEVELS] = { FALSE, };
  guint column = 0;

  self->deepest = IMP_LEVEL_GOAL;
  for (guint i = 0; i < self->n_infos; i++)
    {
      ImpLevel level = self->infos[i].node->level;

      has_level[level] = TRUE;
      self->deepest = MAX (self->deepest, level);
    }

  /* Three tiers fold the actor column away; actors left over from another
   * vocabulary keep theirs, so that no card lands on top of another. */
  for (guint l = 0; l < IMP_N_LEVELS; l++)
    {
      gboolean folded = l == IMP_LEVEL_ACTOR && imp_vocabulary_hides_actors (vocabulary) &&
                        !has_level[l];

      self->has_column[l] = !folded;
      self->column_x[l] = column * IMP_LAYOUT_COLUMN_STRIDE;
      if (!folded)
        column++;
    }
}

static void
measure_small_line (ImpLayout *self,
                    Measurer  *m)
{
  g_autofree char *key = text_key (self->theme, "\x1fsmall-line", self->theme->small_size,
                                   0, 0, 0);
  double *cached;

  g_mutex_lock (&m->cache->lock);
  cached = g_hash_table_lookup (m->cache->widths, key);
  if (cached != NULL)
    {
      self->small_ascent = cached[0];
      self->small_height = cached[1];
    }
  g_mutex_unlock (&m->cache->lock);

  if (cached == NULL)
    {
      double values[2];
      int height;

      measurer_ensure (m);
      _imp_text_layout_set (m->layout, self->theme, "Xg", self->theme->small_size,
                            PANGO_WEIGHT_NORMAL, 0);
      pango_layout_get_size (m->layout, NULL, &height);
      values[0] = pango_layout_get_baseline (m->layout) / (double) PANGO_SCALE;
      values[1] = height / (double) PANGO_SCALE;
      self->small_ascent = values[0];
      self->small_height = values[1];

      g_mutex_lock (&m->cache->lock);
      g_hash_table_insert (m->cache->widths, g_steal_pointer (&key),
                           g_memdup2 (values, sizeof values));
      g_mutex_unlock (&m->cache->lock);
    }
}

/* The union of the visible cards, from their exact extremes, which do not
 * depend on the order the cards are visited in. */
static void
bounds_from_extremes (ImpLayout *self)
{
  if (self->min_x > self->max_x)
    self->bounds = (ImpRect) { 0, 0, 0, 0 };
  else
    self->bounds = (ImpRect) { self->min_x, self->min_y,
                               self->max_x - self->min_x, self->max_y - self->min_y };
}

static void
extremes_add (ImpLayout      *self,
              const NodeInfo *info)
{
  self->min_x = MIN (self->min_x, info->x);
  self->min_y = MIN (self->min_y, info->y);
  self->max_x = MAX (self->max_x, info->x + IMP_LAYOUT_CARD_WIDTH);
  self->max_y = MAX (self->max_y, info->y + info->card->height);
}

/* Whether a card that moved from (@old_x, @old_y) may have left an edge
 * of the bounds it made: only then must the extremes be found again. */
static gboolean
extremes_shrunk (ImpLayout      *self,
                 const NodeInfo *info,
                 double          old_x,
                 double          old_y)
{
  return (old_x <= self->min_x && info->x > old_x) ||
         (old_y <= self->min_y && info->y > old_y) ||
         (old_x + IMP_LAYOUT_CARD_WIDTH >= self->max_x && info->x < old_x) ||
         (old_y + info->card->height >= self->max_y && info->y < old_y);
}

static void
update_bounds (ImpLayout *self)
{
  self->min_x = self->min_y = G_MAXDOUBLE;
  self->max_x = self->max_y = -G_MAXDOUBLE;
  for (guint i = 0; i < self->n_infos; i++)
    if (self->infos[i].visible && self->infos[i].placed)
      extremes_add (self, &self->infos[i]);
  bounds_from_extremes (self);
}

/* Notes the pins place_all() and reposition_pins() follow. */
static void
snapshot_pins (ImpLayout *self)
{
  for (guint i = 0; i < self->n_infos; i++)
    {
      NodeInfo *info = &self->infos[i];

      info->pinned_seen = imp_node_get_pin (info->node, self->kind, &info->pin_x, &info->pin_y);
      info->pin_changed = FALSE;
    }
}

static gboolean
pin_changed (ImpLayout      *self,
             const NodeInfo *info)
{
  double x, y;
  gboolean pinned = imp_node_get_pin (info->node, self->kind, &x, &y);

  return pinned != info->pinned_seen ||
         (pinned && (x != info->pin_x || y != info->pin_y));
}

/* Gives the subtree under @i a side of its goal and the goal's column. */
static void
set_side (ImpLayout *self,
          int        i,
          int        side,
          double     base,
          guint      depth)
{
  NodeInfo *info = &self->infos[i];

  info->side = side;
  info->base = base;
  if (depth < MAX_DEPTH)
    for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
      set_side (self, c, side, base, depth + 1);
}

/* The down layout's rows: each as tall as its tallest visible card. */
static void
compute_rows (ImpLayout *self)
{
  double y = 0;

  memset (self->row_height, 0, sizeof self->row_height);
  for (guint i = 0; i < self->n_infos; i++)
    {
      const NodeInfo *info = &self->infos[i];

      if (info->visible && info->card != NULL)
        self->row_height[info->node->level] = MAX (self->row_height[info->node->level],
                                                   info->card->height);
    }

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    {
      if (self->row_height[l] == 0)
        self->row_height[l] = MIN_CARD_HEIGHT;
      self->row_y[l] = y;
      if (self->has_column[l])
        y += self->row_height[l] + IMP_LAYOUT_ROW_GAP;
    }
}

/* How far right of its goal's column the deepest column of @c reaches. */
static double
contour_reach (ImpLayout     *self,
               const Contour *c)
{
  double reach = 0;

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    if (c->has[l])
      reach = MAX (reach, self->column_x[l] - self->column_x[IMP_LEVEL_GOAL]);

  return reach;
}

static void
add_band (ImpLayout *self,
          ImpLevel   level,
          double     x,
          int        side)
{
  ImpLayoutBand band = { .level = level, .rect = { x, 0, IMP_LAYOUT_CARD_WIDTH, 0 },
                         .row = FALSE, .side = side };

  g_array_append_val (self->bands, band);
}

/* The balanced layout of the goal trees, side by side: each goal in the
 * middle of its tree, its branches on its right and left in turn, each to
 * the side that is shorter so far, so the two sides end about equal in
 * height; each side centred on the goal. Returns the height they take, with
 * the gap below. */
static double
place_balanced (ImpLayout *self,
                GPtrArray *roots)
{
  double left = 0, height = 0;
  gboolean any = FALSE;

  for (guint r = 0; r < roots->len; r++)
    {
      NodeInfo *info = info_of (self, g_ptr_array_index (roots, r));
      int g = info - self->infos;
      Contour acc[2];
      double first_top[2] = { 0, 0 }, last_bottom[2] = { 0, 0 }, total[2] = { 0, 0 };
      double reach[2] = { -1, -1 };
      double h, top = 0, bottom, base, shift[2] = { 0, 0 };
      guint n[2] = { 0, 0 };

      if (info->node->level != IMP_LEVEL_GOAL)
        continue;

      info->placed = TRUE;
      h = info->card->height;
      contour_clear (&acc[0]);
      contour_clear (&acc[1]);

      if (!info->node->collapsed)
        for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
          {
            NodeInfo *child = &self->infos[c];
            Contour sub;
            double offset = 0;
            guint k;

            if (!child->visible)
              continue;

            place_subtree (self, c, &sub, 1);
            /* Side 0 is the right, 1 the left; a tie goes right. */
            k = total[1] < total[0] ? 1 : 0;
            if (n[k] > 0)
              offset = contour_separation (&acc[k], &sub, child->node->level);
            if (offset == -G_MAXDOUBLE)
              offset = contour_max_bottom (&acc[k]) + IMP_LAYOUT_SIBLING_GAP -
                       contour_min_top (&sub);
            child->rel_y = offset;
            child->side = k == 0 ? 1 : -1;
            contour_merge (&acc[k], &sub, offset);
            if (n[k] == 0)
              first_top[k] = offset;
            last_bottom[k] = offset + child->card->height;
            n[k]++;
            total[k] = contour_max_bottom (&acc[k]) - contour_min_top (&acc[k]);
            reach[k] = MAX (reach[k], contour_reach (self, &sub));
          }

      bottom = h;
      for (guint k = 0; k < 2; k++)
        if (n[k] > 0)
          {
            shift[k] = (first_top[k] + last_bottom[k]) / 2 - h / 2;
            top = MIN (top, contour_min_top (&acc[k]) - shift[k]);
            bottom = MAX (bottom, contour_max_bottom (&acc[k]) - shift[k]);
          }

      base = left + MAX (reach[1], 0);
      info->side = 0;
      info->base = base;
      for (int c = info->first_child; c >= 0; c = self->infos[c].next_sibling)
        {
          NodeInfo *child = &self->infos[c];

          if (!child->visible || !child->placed)
            continue;
          child->rel_y -= shift[child->side > 0 ? 0 : 1];
          set_side (self, c, child->side, base, 1);
        }

      /* A root's rel_y is its own top, for _imp_layout_update(). */
      info->rel_y = -top;
      position_subtree (self, g, -top, 0, 0, 0);

      add_band (self, IMP_LEVEL_GOAL, base, 0);
      for (guint l = IMP_LEVEL_GOAL + 1; l < IMP_N_LEVELS; l++)
        {
          double column = self->column_x[l] - self->column_x[IMP_LEVEL_GOAL];

          if (!self->has_column[l])
            continue;
          if (column <= reach[1])
            add_band (self, l, base - column, -1);
          if (column <= reach[0])
            add_band (self, l, base + column, 1);
        }

      left = base + MAX (reach[0], 0) + IMP_LAYOUT_CARD_WIDTH + 2 * IMP_LAYOUT_ROOT_GAP;
      height = MAX (height, bottom - top);
      any = TRUE;
    }

  return any ? height + IMP_LAYOUT_ROOT_GAP : 0;
}

/* The headers' bands, once the bounds are known: one per column (per side
 * of each goal when balanced) or one per row. */
static void
compute_bands (ImpLayout *self)
{
  ImpRect *b = &self->bounds;

  if (self->kind == IMP_LAYOUT_BALANCED)
    {
      /* Unconnected cards below the trees have no bands of their own. */
      for (guint i = 0; i < self->bands->len; i++)
        {
          ImpLayoutBand *band = &g_array_index (self->bands, ImpLayoutBand, i);

          band->rect.y = b->y;
          band->rect.height = b->height;
        }
      return;
    }

  g_array_set_size (self->bands, 0);
  for (guint l = 0; l <= (guint) self->deepest; l++)
    {
      ImpLayoutBand band = { .level = l, .side = 1 };

      if (!self->has_column[l])
        continue;
      if (self->kind == IMP_LAYOUT_DOWN)
        {
          band.row = TRUE;
          band.rect = (ImpRect) { b->x, self->row_y[l], b->width, self->row_height[l] };
        }
      else
        band.rect = (ImpRect) { self->column_x[l], b->y, IMP_LAYOUT_CARD_WIDTH, b->height };
      g_array_append_val (self->bands, band);
    }
}

/* Places every visible card from the cards' sizes: goal trees in bands,
 * then unconnected nodes; fills the drawing order and the bounds. Along
 * the way "y" is the direction siblings are stacked in: down the page, or
 * across it in the down layout. */
static void
place_all (ImpLayout *self,
           GPtrArray *roots)
{
  guint n_nodes = self->n_infos;
  double y = 0;
  Contour unconnected;
  gboolean any_unconnected = FALSE;
  double floor_y;

  for (guint i = 0; i < n_nodes; i++)
    {
      self->infos[i].side = 1;
      self->infos[i].base = 0;
    }
  g_array_set_size (self->bands, 0);
  if (self->kind == IMP_LAYOUT_DOWN)
    compute_rows (self);

  if (self->kind == IMP_LAYOUT_BALANCED)
    y = place_balanced (self, roots);
  else
    /* Goal trees, each in a band of its own. */
    for (guint r = 0; r < roots->len; r++)
      {
        NodeInfo *info = info_of (self, g_ptr_array_index (roots, r));
        Contour contour;

        if (info->node->level != IMP_LEVEL_GOAL)
          continue;

        place_subtree (self, info - self->infos, &contour, 0);
        /* A root's rel_y is its own top, for _imp_layout_update(). */
        info->rel_y = y - contour_min_top (&contour);
        position_subtree (self, info - self->infos, y - contour_min_top (&contour), 0, 0, 0);
        y += contour_max_bottom (&contour) - contour_min_top (&contour) + IMP_LAYOUT_ROOT_GAP;
      }

  /* Unconnected nodes below the trees, each column filling on its own. */
  contour_clear (&unconnected);
  floor_y = y;
  for (guint r = 0; r < roots->len; r++)
    {
      NodeInfo *info = info_of (self, g_ptr_array_index (roots, r));
      Contour contour;
      double offset;

      if (info->node->level == IMP_LEVEL_GOAL)
        continue;

      place_subtree (self, info - self->infos, &contour, 0);
      offset = floor_y - contour_min_top (&contour);
      if (any_unconnected)
        offset = MAX (offset, contour_separation (&unconnected, &contour, info->node->level));
      contour_merge (&unconnected, &contour, offset);
      any_unconnected = TRUE;
      info->rel_y = offset;
      position_subtree (self, info - self->infos, offset, 0, 0, 0);
    }

  /* A node never reached from a root (only possible in a map that breaks
   * the level rule) stays hidden rather than being drawn at random. */
  for (guint i = 0; i < n_nodes; i++)
    if (!self->infos[i].placed)
      self->infos[i].visible = FALSE;

  update_bounds (self);
  compute_bands (self);
}

/**
 * imp_layout_compute:
 *
 * Lays the map out: a tidy tree per goal, left to right by level. Every
 * subtree keeps to its own vertical band in every column it reaches;
 * siblings are stacked as close as those bands allow and each parent is
 * centred on its children. Goal trees are stacked one under the other,
 * unconnected nodes below them in their own columns. Cross-links play no
 * part. Pinned nodes keep their position and carry their subtree along.
 *
 * Everything is linear in the number of nodes, and recursion only follows
 * levels, which are at most five deep.
 */
void
imp_layout_compute (ImpLayout *self)
{
  g_autoptr(GPtrArray) roots = NULL;
  Measurer m = { self->theme, NULL, NULL, NULL };
  guint n_nodes;

  g_return_if_fail (IMP_IS_LAYOUT (self));

  clear_infos (self);
  self->computed = TRUE;
  if (!self->kind_fixed)
    self->kind = imp_map_get_layout (self->map);

  n_nodes = imp_map_get_n_nodes (self->map);
  self->n_infos = n_nodes;
  self->n_links = imp_map_get_n_links (self->map);
  self->infos = g_new0 (NodeInfo, MAX (n_nodes, 1));
  self->index = g_hash_table_new (NULL, NULL);
  self->visible = g_ptr_array_sized_new (n_nodes);
  self->strings = g_string_chunk_new (4096);
  m.cache = text_cache_get (self->map);

  for (guint i = 0; i < n_nodes; i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);

      self->infos[i].node = node;
      self->infos[i].parent = -1;
      self->infos[i].first_child = -1;
      self->infos[i].last_child = -1;
      self->infos[i].next_sibling = -1;
      g_hash_table_insert (self->index, node, GUINT_TO_POINTER (i + 1));
    }

  /* Tree children, in their parent's order; cross-links are left out. */
  for (guint i = 0; i < n_nodes; i++)
    {
      ImpNode *node = self->infos[i].node;

      for (guint j = 0; j < node->children->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->children, j);
          NodeInfo *child;
          int c;

          if (!imp_link_is_tree_link (link) || (child = info_of (self, link->child)) == NULL)
            continue;

          c = child - self->infos;
          child->parent = i;
          if (self->infos[i].last_child < 0)
            self->infos[i].first_child = c;
          else
            self->infos[self->infos[i].last_child].next_sibling = c;
          self->infos[i].last_child = c;
        }
    }

  compute_columns (self);

  /* Drop a cache that has grown far beyond the map (titles edited many
   * times), so it cannot grow without bound over a long session. */
  g_mutex_lock (&m.cache->lock);
  if (g_hash_table_size (m.cache->wraps) > MAX (TEXT_CACHE_MIN_SIZE, 4 * n_nodes))
    g_hash_table_remove_all (m.cache->wraps);
  if (g_hash_table_size (m.cache->widths) > MAX (TEXT_CACHE_MIN_SIZE, 8 * n_nodes))
    g_hash_table_remove_all (m.cache->widths);
  g_mutex_unlock (&m.cache->lock);

  measure_small_line (self, &m);

  roots = imp_map_get_roots (self->map);
  for (guint r = 0; r < roots->len; r++)
    mark_visible (self, info_of (self, g_ptr_array_index (roots, r)) - self->infos, TRUE, 0);

  for (guint i = 0; i < n_nodes; i++)
    {
      NodeInfo *info = &self->infos[i];

      if (info->visible)
        info->card = compose_card (self, &m, info->node,
                                   info->node->collapsed ? info->descendants : 0);
    }

  place_all (self, roots);
  snapshot_pins (self);
  self->all_changed = TRUE;

  measurer_clear (&m);
}

static void
ensure_computed (ImpLayout *self)
{
  if (!self->computed)
    imp_layout_compute (self);
}

static void
imp_layout_finalize (GObject *object)
{
  ImpLayout *self = (ImpLayout *) object;

  clear_infos (self);
  g_clear_pointer (&self->tmp_texts, g_array_unref);
  g_clear_pointer (&self->tmp_boxes, g_array_unref);
  g_clear_pointer (&self->changed_runs, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (imp_layout_parent_class)->finalize (object);
}

static void
imp_layout_class_init (ImpLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = imp_layout_finalize;
}

static void
imp_layout_init (ImpLayout *self)
{
  self->tmp_texts = g_array_new (FALSE, FALSE, sizeof (ImpCardText));
  self->tmp_boxes = g_array_new (FALSE, FALSE, sizeof (ImpCardBox));
  self->changed_runs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bands = g_array_new (FALSE, FALSE, sizeof (ImpLayoutBand));
}

/**
 * imp_layout_new:
 * @map: the map to lay out
 * @theme: the theme whose type sizes the cards
 *
 * The layout is computed on first use, or by imp_layout_compute(). It
 * does not follow the map's changes: compute it again after an edit.
 *
 * Returns: (transfer full): a new layout
 */
ImpLayout *
imp_layout_new (ImpMap         *map,
                const ImpTheme *theme)
{
  ImpLayout *self;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  self = g_object_new (IMP_TYPE_LAYOUT, NULL);
  self->map = g_object_ref (map);
  self->theme = theme ? theme : imp_theme_get (IMP_THEME_LIGHT);

  return self;
}

/**
 * imp_layout_new_for_kind:
 * @kind: the layout to draw, whatever the map says
 *
 * Like imp_layout_new(), in @kind's layout: for an export that overrides
 * the map's own.
 *
 * Returns: (transfer full): a new layout
 */
ImpLayout *
imp_layout_new_for_kind (ImpMap         *map,
                         const ImpTheme *theme,
                         ImpLayoutKind   kind)
{
  ImpLayout *self;

  g_return_val_if_fail ((guint) kind < IMP_N_LAYOUTS, NULL);

  self = imp_layout_new (map, theme);
  self->kind = kind;
  self->kind_fixed = TRUE;

  return self;
}

/**
 * imp_layout_get_kind:
 *
 * Returns: the layout the cards were placed in
 */
ImpLayoutKind
imp_layout_get_kind (ImpLayout *self)
{
  g_return_val_if_fail (IMP_IS_LAYOUT (self), IMP_LAYOUT_RIGHT);

  ensure_computed (self);

  return self->kind;
}

/**
 * imp_layout_get_side:
 *
 * Which side of its goal @node is drawn on: -1 on the left of a balanced
 * map, 0 for a goal of a balanced map, 1 everywhere else.
 *
 * Returns: -1, 0 or 1
 */
int
imp_layout_get_side (ImpLayout     *self,
                     const ImpNode *node)
{
  NodeInfo *info;

  g_return_val_if_fail (IMP_IS_LAYOUT (self), 1);

  ensure_computed (self);
  info = info_of (self, node);

  return info != NULL ? info->side : 1;
}

/**
 * imp_layout_get_n_bands:
 *
 * Bands are what level headers name: the columns of the right layout, the
 * columns on both sides of each goal of a balanced one (mirrored), the
 * rows of the down layout. Each spans the map's bounds the other way.
 *
 * Returns: how many bands
 */
guint
imp_layout_get_n_bands (ImpLayout *self)
{
  g_return_val_if_fail (IMP_IS_LAYOUT (self), 0);

  ensure_computed (self);

  return self->bands->len;
}

const ImpLayoutBand *
imp_layout_get_band (ImpLayout *self,
                     guint      i)
{
  g_return_val_if_fail (IMP_IS_LAYOUT (self), NULL);

  ensure_computed (self);
  g_return_val_if_fail (i < self->bands->len, NULL);

  return &g_array_index (self->bands, ImpLayoutBand, i);
}

/**
 * imp_layout_get_node_rect:
 * @node: a node of the map
 * @rect: (out): its card, in map coordinates
 *
 * Returns: %TRUE if @node is shown; %FALSE if it is hidden under a
 *   collapsed ancestor or not in the map, and @rect is left alone.
 */
gboolean
imp_layout_get_node_rect (ImpLayout     *self,
                          const ImpNode *node,
                          ImpRect       *rect)
{
  NodeInfo *info;

  g_return_val_if_fail (IMP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ensure_computed (self);
  info = info_of (self, node);
  if (info == NULL || !info->visible)
    return FALSE;

  *rect = (ImpRect) { info->x, info->y, IMP_LAYOUT_CARD_WIDTH, info->card->height };

  return TRUE;
}

/**
 * imp_layout_is_visible:
 *
 * Returns: whether @node is shown: it is in the map and no tree ancestor
 *   of it is collapsed.
 */
gboolean
imp_layout_is_visible (ImpLayout     *self,
                       const ImpNode *node)
{
  NodeInfo *info;

  g_return_val_if_fail (IMP_IS_LAYOUT (self), FALSE);

  ensure_computed (self);
  info = info_of (self, node);

  return info != NULL && info->visible;
}

/**
 * imp_layout_get_bounds:
 * @bounds: (out): the union of the visible cards; empty at (0, 0) for a
 *   map without nodes
 */
void
imp_layout_get_bounds (ImpLayout *self,
                       ImpRect   *bounds)
{
  g_return_if_fail (IMP_IS_LAYOUT (self));
  g_return_if_fail (bounds != NULL);

  ensure_computed (self);
  *bounds = self->bounds;
}

/**
 * imp_layout_get_column_x:
 * @level: a level
 * @x: (out) (optional): the left edge of its column
 *
 * Levels deeper than any node still get the position their column would
 * have, so a node can be dropped there.
 *
 * Returns: whether @level has a column in this map's vocabulary
 */
gboolean
imp_layout_get_column_x (ImpLayout *self,
                         ImpLevel   level,
                         double    *x)
{
  g_return_val_if_fail (IMP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, FALSE);

  ensure_computed (self);
  if (x != NULL)
    *x = self->column_x[level];

  return self->has_column[level];
}

const ImpCard *
_imp_layout_get_card (ImpLayout     *self,
                      const ImpNode *node)
{
  NodeInfo *info;

  ensure_computed (self);
  info = info_of (self, node);

  return info != NULL && info->visible ? info->card : NULL;
}

guint
_imp_layout_get_hidden_count (ImpLayout     *self,
                              const ImpNode *node)
{
  NodeInfo *info;

  ensure_computed (self);
  info = info_of (self, node);

  return info != NULL && info->node->collapsed ? info->descendants : 0;
}

guint
_imp_layout_get_n_visible (ImpLayout *self)
{
  ensure_computed (self);

  return self->visible->len;
}

ImpNode *
_imp_layout_get_visible (ImpLayout *self,
                         guint      i)
{
  ensure_computed (self);
  g_return_val_if_fail (i < self->visible->len, NULL);

  return g_ptr_array_index (self->visible, i);
}

ImpLevel
_imp_layout_get_deepest_level (ImpLayout *self)
{
  ensure_computed (self);

  return self->deepest;
}

double
_imp_layout_measure_text (ImpLayout  *self,
                          const char *text,
                          double      size,
                          int         weight,
                          double      letter_spacing)
{
  Measurer m = { self->theme, text_cache_get (self->map), NULL, NULL };
  double width = measure_width (&m, text, size, weight, letter_spacing);

  measurer_clear (&m);

  return width;
}

/* After pin changes only: cards keep their places relative to their
 * parents, which pins do not affect, so only the subtree of a card whose
 * pin changed moves, from what the last positioning noted about it. */
static void
reposition_pins (ImpLayout *self)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean full_bounds = FALSE;

  for (guint i = 0; i < self->n_infos; i++)
    {
      NodeInfo *info = &self->infos[i];

      if (!pin_changed (self, info))
        continue;
      info->pinned_seen = imp_node_get_pin (info->node, self->kind, &info->pin_x, &info->pin_y);
      /* A hidden card has no place to change. */
      if (info->visible && info->placed)
        {
          int c = i;

          info->pin_changed = TRUE;
          g_array_append_val (changed, c);
        }
    }

  for (guint k = 0; k < changed->len; k++)
    {
      NodeInfo *info = &self->infos[g_array_index (changed, int, k)];
      gboolean inside_another = FALSE;
      guint run[2] = { info->visible_start, info->visible_end };

      /* The subtree of a changed ancestor is moved with it. */
      for (int p = info->parent; p >= 0 && !inside_another; p = self->infos[p].parent)
        inside_another = self->infos[p].pin_changed;
      if (inside_another)
        continue;

      g_array_set_size (old, 0);
      for (guint v = run[0]; v < run[1]; v++)
        {
          NodeInfo *card = info_of (self, g_ptr_array_index (self->visible, v));

          g_array_append_val (old, card->x);
          g_array_append_val (old, card->y);
        }

      self->repositioning = TRUE;
      position_subtree (self, info - self->infos, info->auto_y, info->shift_x, info->shift_y,
                        info->depth);
      self->repositioning = FALSE;
      g_array_append_vals (self->changed_runs, run, 2);

      for (guint v = run[0]; v < run[1]; v++)
        {
          NodeInfo *card = info_of (self, g_ptr_array_index (self->visible, v));
          guint o = 2 * (v - run[0]);

          full_bounds = full_bounds ||
                        extremes_shrunk (self, card, g_array_index (old, double, o),
                                         g_array_index (old, double, o + 1));
          extremes_add (self, card);
        }
    }

  for (guint k = 0; k < changed->len; k++)
    self->infos[g_array_index (changed, int, k)].pin_changed = FALSE;

  /* A card that made an edge of the bounds moved: they may have shrunk. */
  if (full_bounds)
    update_bounds (self);
  else
    bounds_from_extremes (self);
  compute_bands (self);
}

/**
 * _imp_layout_update:
 * @nodes: (element-type ImpNode): nodes whose text or payload changed
 *
 * Lays the map out again after edits that left its structure alone: a new
 * title, notes or payload on @nodes, or new pins anywhere. Only the cards
 * of @nodes are composed and measured again; when one of them changed its
 * height, every card is placed again, else only those cards and the
 * subtrees of the cards whose pin changed are changed (see
 * _imp_layout_get_changed_runs()). The caller knows the structure
 * (nodes, links, collapsed state) is unchanged since the last full compute.
 *
 * Returns: %FALSE when the number of nodes or links changed after all: the
 *   layout was then computed again from scratch
 */
gboolean
_imp_layout_update (ImpLayout *self,
                    GPtrArray *nodes)
{
  g_autoptr(GPtrArray) roots = NULL;
  Measurer m = { self->theme, NULL, NULL, NULL };
  gboolean same_heights = TRUE;

  g_return_val_if_fail (IMP_IS_LAYOUT (self), FALSE);

  if (!self->computed || self->n_infos != imp_map_get_n_nodes (self->map) ||
      self->n_links != imp_map_get_n_links (self->map))
    {
      imp_layout_compute (self);
      return FALSE;
    }

  g_array_set_size (self->changed_runs, 0);
  self->all_changed = FALSE;
  if (nodes == NULL || nodes->len == 0)
    {
      reposition_pins (self);
      return TRUE;
    }

  m.cache = text_cache_get (self->map);
  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      NodeInfo *info = info_of (self, g_ptr_array_index (nodes, i));
      double height;

      if (info == NULL || !info->visible)
        continue;

      height = info->card != NULL ? info->card->height : -1;
      g_free (info->card);
      info->card = compose_card (self, &m, info->node,
                                 info->node->collapsed ? info->descendants : 0);
      if (info->card->height != height || !info->placed)
        same_heights = FALSE;
    }
  measurer_clear (&m);

  /* Cards are as wide as their column: when none grew or shrank (a rename
   * within the same lines, a new metric value), every card keeps its place,
   * and only the recomposed ones and the subtrees of changed pins change. */
  if (same_heights)
    {
      reposition_pins (self);
      for (guint i = 0; i < nodes->len; i++)
        {
          NodeInfo *info = info_of (self, g_ptr_array_index (nodes, i));
          guint run[2];

          if (info == NULL || !info->visible)
            continue;
          run[0] = info->visible_start;
          run[1] = info->visible_start + 1;
          g_array_append_vals (self->changed_runs, run, 2);
        }
      return TRUE;
    }

  self->all_changed = TRUE;
  for (guint i = 0; i < self->n_infos; i++)
    self->infos[i].placed = FALSE;
  g_ptr_array_set_size (self->visible, 0);

  roots = imp_map_get_roots (self->map);
  place_all (self, roots);
  snapshot_pins (self);

  return TRUE;
}

/**
 * _imp_layout_get_changed_runs:
 * @n_runs: (out): how many runs
 *
 * What the last _imp_layout_update() may have changed, as runs of the
 * drawing order (_imp_layout_get_visible()): pairs of a first index and
 * one past the last. The cards outside them kept their place and content.
 *
 * Returns: (nullable): 2 * @n_runs indices, or %NULL when every card may
 *   have changed (text was composed again, or the layout computed anew)
 */
const guint *
_imp_layout_get_changed_runs (ImpLayout *self,
                              guint     *n_runs)
{
  g_return_val_if_fail (IMP_IS_LAYOUT (self), NULL);

  *n_runs = 0;
  if (self->all_changed)
    return NULL;

  *n_runs = self->changed_runs->len / 2;

  return (const guint *) self->changed_runs->data;
}
