/* imp-export.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-export"

#include "config.h"

#include <errno.h>
#include <png.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "imp-analysis.h"
#include "imp-export.h"
#include "imp-export-private.h"
#include "imp-pdf-private.h"
#include "imp-io.h"
#include "imp-export-text.h"
#include "imp-format.h"
#include "imp-layout-private.h"
#include "imp-poster.h"
#include "imp-handout.h"
#include "imp-render.h"
#include "imp-scene.h"
#include "imp-svg.h"
#include "imp-writer.h"
#include "imp-map-private.h"

/* libpng writes no more than a million pixels a side; past four billion
 * pixels an export would take minutes and gigabytes of file. */
#define MAX_IMAGE_SIDE   1e6
#define MAX_IMAGE_PIXELS 4e9

G_DEFINE_QUARK (imp-export-error-quark, imp_export_error)

/* Page sizes in points, portrait. */
static const struct {
  const char *name;
  double      width;
  double      height;
} pages[] = {
  [IMP_EXPORT_PAGE_NATURAL] = { "natural", 0, 0 },
  [IMP_EXPORT_PAGE_A4] = { "a4", 595.276, 841.89 },
  [IMP_EXPORT_PAGE_LETTER] = { "letter", 612, 792 },
  [IMP_EXPORT_PAGE_16_9] = { "16:9", 960, 540 },
};

static const struct {
  const char *name;
  const char *extension;
} formats[IMP_N_EXPORT_FORMATS] = {
  [IMP_EXPORT_PNG] = { "png", ".png" },
  [IMP_EXPORT_SVG] = { "svg", ".svg" },
  [IMP_EXPORT_JSON] = { "json", ".json" },
  [IMP_EXPORT_PDF] = { "pdf", ".pdf" },
  [IMP_EXPORT_MARKDOWN] = { "markdown", ".md" },
  [IMP_EXPORT_MERMAID] = { "mermaid", ".mmd" },
  [IMP_EXPORT_CSV] = { "csv", ".csv" },
  [IMP_EXPORT_OPML] = { "opml", ".opml" },
  [IMP_EXPORT_FREEMIND] = { "freemind", ".mm" },
};

/* A PDF page is in points; a map unit is a CSS pixel, 1/96 inch. */
#define POINTS_PER_UNIT (72.0 / 96.0)

/* Vector output is zoomed by its reader: always draw every detail. */
#define VECTOR_DETAIL_SCALE 4.0

static gboolean check_options (const ImpExportOptions  *options,
                               GError                 **error);

/* The scene an export draws: in the map's layout, or the one asked for. */
static ImpScene *
export_scene (ImpMap                 *map,
              const ImpExportOptions *options)
{
  ImpLayoutKind kind = options->override_layout ? options->layout : imp_map_get_layout (map);

  return imp_scene_new_for_layout (map, imp_theme_get (options->theme), kind);
}

/**
 * imp_export_options_init:
 *
 * Fills @options with the defaults: PNG at 1x, light theme, opaque, 32 px
 * padding, the whole map, PDF at natural size with a half-inch margin when
 * fitted, no title line.
 */
void
imp_export_options_init (ImpExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = IMP_EXPORT_PNG;
  options->scale = 1.0;
  options->theme = IMP_THEME_LIGHT;
  options->transparent = FALSE;
  options->padding = 32.0;
  options->scope = IMP_EXPORT_SCOPE_MAP;
  options->page = IMP_EXPORT_PAGE_NATURAL;
  options->margin = 36.0;
}

/**
 * imp_export_format_to_string:
 *
 * Returns: the name --format takes for @format ("png", "markdown", …)
 */
const char *
imp_export_format_to_string (ImpExportFormat format)
{
  g_return_val_if_fail ((guint) format < IMP_N_EXPORT_FORMATS, NULL);

  return formats[format].name;
}

/**
 * imp_export_format_extension:
 *
 * Returns: the file name extension of @format, with its dot
 */
const char *
imp_export_format_extension (ImpExportFormat format)
{
  g_return_val_if_fail ((guint) format < IMP_N_EXPORT_FORMATS, NULL);

  return formats[format].extension;
}

/**
 * imp_export_format_from_string:
 *
 * Accepts a format's name or its extension without the dot ("md", "mmd").
 *
 * Returns: whether @name names a format
 */
gboolean
imp_export_format_from_string (const char      *name,
                               ImpExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < IMP_N_EXPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (name, formats[i].name) == 0 ||
          g_ascii_strcasecmp (name, formats[i].extension + 1) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * imp_export_page_from_string:
 *
 * Returns: whether @name is "natural", "a4", "letter" or "16:9"
 */
gboolean
imp_export_page_from_string (const char    *name,
                             ImpExportPage *page)
{
  g_return_val_if_fail (page != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_ascii_strcasecmp (name, pages[i].name) == 0)
        {
          *page = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * imp_export_page_to_string:
 *
 * Returns: the name of @page
 */
const char *
imp_export_page_to_string (ImpExportPage page)
{
  g_return_val_if_fail ((guint) page < G_N_ELEMENTS (pages), NULL);

  return pages[page].name;
}

/**
 * imp_export_format_from_path:
 *
 * Returns: %TRUE and the format named by @path's extension, or %FALSE with
 *   @error set for an extension this build cannot write.
 */
gboolean
imp_export_format_from_path (const char       *path,
                             ImpExportFormat  *format,
                             GError          **error)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');

  if (dot != NULL && g_ascii_strcasecmp (dot, ".impactmap") == 0)
    {
      *format = IMP_EXPORT_JSON;
      return TRUE;
    }

  for (guint i = 0; dot != NULL && i < IMP_N_EXPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (dot, formats[i].extension) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  if (dot == NULL)
    g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
                 _("“%s” has no extension to choose a format: use .png, .svg, .pdf, .json, "
                   ".md, .mmd or .csv, or --format"), path);
  else
    g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
                 _("Unknown output format “%s”: use .png, .svg, .pdf, .json, .md, .mmd "
                   "or .csv"), dot);

  return FALSE;
}

static void
collect_descendants (ImpNode    *node,
                     GHashTable *keep)
{
  if (!g_hash_table_add (keep, node->id))
    return;

  for (guint i = 0; i < node->children->len; i++)
    collect_descendants (imp_node_get_child (node, i), keep);
}

static void
collect_ancestors (ImpNode    *node,
                   GHashTable *keep)
{
  for (guint i = 0; i < node->parents->len; i++)
    {
      ImpNode *parent = ((ImpLink *) node->parents->pdata[i])->parent;

      g_hash_table_add (keep, parent->id);
      collect_ancestors (parent, keep);
    }
}

/**
 * imp_export_scope_map:
 * @map: the map
 * @options: the scope to keep
 * @error: set when the branch's node does not exist
 *
 * A branch is a node with everything below it, cross-linked children
 * included; with %IMP_EXPORT_SCOPE_BRANCH every ancestor of the node comes
 * along too, so the picture still shows why the branch exists. The copy is
 * made through the file format, so it keeps every payload.
 *
 * Returns: (transfer full): a new map, or %NULL with @error set
 */
ImpMap *
imp_export_scope_map (ImpMap                  *map,
                      const ImpExportOptions  *options,
                      GError                 **error)
{
  g_autoptr(GHashTable) keep = NULL;
  g_autoptr(GPtrArray) doomed = NULL;
  g_autofree char *data = NULL;
  ImpMap *copy;
  ImpNode *root;
  gsize length;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->scope != IMP_EXPORT_SCOPE_BRANCH &&
      options->scope != IMP_EXPORT_SCOPE_BRANCH_ALONE)
    return g_object_ref (map);

  root = options->branch_id ? imp_map_lookup_node (map, options->branch_id) : NULL;
  if (root == NULL)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_NO_SUCH_NODE,
                   _("The map has no node with the id “%s”"),
                   options->branch_id ? options->branch_id : "");
      return NULL;
    }

  keep = g_hash_table_new (g_str_hash, g_str_equal);
  collect_descendants (root, keep);
  if (options->scope == IMP_EXPORT_SCOPE_BRANCH)
    collect_ancestors (root, keep);

  data = imp_format_save_to_data (map, &length);
  copy = imp_format_load_data (data, length, error);
  if (copy == NULL)
    return NULL;

  doomed = g_ptr_array_new ();
  for (guint i = 0; i < imp_map_get_n_nodes (copy); i++)
    {
      ImpNode *node = imp_map_get_node (copy, i);

      if (!g_hash_table_contains (keep, node->id))
        g_ptr_array_add (doomed, node);
    }
  for (guint i = 0; i < doomed->len; i++)
    _imp_map_remove_node (copy, doomed->pdata[i]);

  return copy;
}

/* Where the picture sits in map coordinates, and the title line in it. */
typedef struct
{
  ImpRect        area;
  gboolean       has_heading;
  char          *heading;
  double         heading_x;
  double         heading_y;     /* baseline */
  double         heading_size;
} Frame;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->heading, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Frame, frame_clear)

static void
frame_init (Frame                  *frame,
            ImpScene               *scene,
            const ImpExportOptions *options)
{
  const ImpTheme *theme = imp_scene_get_theme (scene);

  memset (frame, 0, sizeof *frame);

  if (options->scope == IMP_EXPORT_SCOPE_RECT)
    {
      frame->area = options->rect;
    }
  else
    {
      ImpRect bounds;

      imp_scene_get_bounds (scene, &bounds);
      frame->area.x = bounds.x - options->padding;
      frame->area.y = bounds.y - options->padding;
      frame->area.width = bounds.width + 2 * options->padding;
      frame->area.height = bounds.height + 2 * options->padding;
    }

  if (options->title_line)
    {
      const char *title = imp_map_get_title (imp_scene_get_map (scene));
      g_autofree char *today = NULL;
      const char *date = options->date;
      double band;

      if (date == NULL)
        {
          GDate day;

          imp_analysis_get_today (&day);
          today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                                   g_date_get_month (&day), g_date_get_day (&day));
          date = today;
        }

      frame->has_heading = TRUE;
      frame->heading_size = theme->goal_title_size * 1.25;
      if (title != NULL && *title != '\0')
        frame->heading = g_strdup_printf ("%s · %s", title, date);
      else
        frame->heading = g_strdup (date);

      /* The line gets a band of its own above the map, so it never covers a card. */
      band = ceil (frame->heading_size * 2.5);
      frame->area.y -= band;
      frame->area.height += band;
      frame->heading_x = frame->area.x + MAX (options->padding, 16.0);
      frame->heading_y = frame->area.y + band * 0.62;
    }

  /* A picture for a slide: background added on two sides, the map
   * centred, so that it drops onto a 16:9 slide without empty corners. */
  if (options->aspect > 0 && frame->area.width > 0 && frame->area.height > 0)
    {
      double w = frame->area.width, h = frame->area.height;

      if (w / h < options->aspect)
        {
          frame->area.x -= (h * options->aspect - w) / 2;
          frame->area.width = h * options->aspect;
        }
      else
        {
          frame->area.y -= (w / options->aspect - h) / 2;
          frame->area.height = w / options->aspect;
        }
    }
}

static void
draw_heading (const Frame    *frame,
              const ImpTheme *theme,
              cairo_t        *cr)
{
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *font;
  double baseline;

  if (!frame->has_heading)
    return;

  context = _imp_text_context_new ();
  layout = pango_layout_new (context);
  font = _imp_text_font_new (theme, frame->heading_size, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, frame->heading, -1);
  /* One line that never runs off the picture: a long title gives way in
   * the middle, so that its start and the date stay. */
  pango_layout_set_width (layout, (int) (MAX (frame->area.width - 2 * (frame->heading_x -
                                                                       frame->area.x), 1.0) *
                                         PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);

  baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue,
                         theme->text.alpha);
  cairo_move_to (cr, frame->heading_x, frame->heading_y - baseline);
  pango_cairo_show_layout (cr, layout);

  g_object_unref (layout);
  g_object_unref (context);
}

/* Draws the part @part of the framed picture on @cr, whose user space is
 * map coordinates: only what meets @part is drawn. */
static void
draw_picture_part (ImpScene               *scene,
                   const Frame            *frame,
                   const ImpExportOptions *options,
                   cairo_t                *cr,
                   double                  detail_scale,
                   const ImpRect          *part)
{
  const ImpTheme *theme = imp_scene_get_theme (scene);
  ImpRect clip = frame->area;

  if (part != NULL)
    {
      double x0 = MAX (clip.x, part->x), y0 = MAX (clip.y, part->y);
      double x1 = MIN (clip.x + clip.width, part->x + part->width);
      double y1 = MIN (clip.y + clip.height, part->y + part->height);

      clip = (ImpRect) { x0, y0, MAX (0, x1 - x0), MAX (0, y1 - y0) };
    }

  cairo_save (cr);
  cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
  cairo_clip (cr);

  imp_render_scene (scene, cr, &clip, detail_scale,
                    options->transparent ? IMP_RENDER_DEFAULT : IMP_RENDER_BACKGROUND);
  draw_heading (frame, theme, cr);

  cairo_restore (cr);
}

/* Draws the framed picture on @cr, whose user space is map coordinates. */
static void
draw_picture (ImpScene               *scene,
              const Frame            *frame,
              const ImpExportOptions *options,
              cairo_t                *cr,
              double                  detail_scale)
{
  draw_picture_part (scene, frame, options, cr, detail_scale, NULL);
}

/* PNG through libpng, so that an image may be larger than the 32767
 * pixels a side of a cairo image surface. The picture is drawn in
 * horizontal bands, each band in tiles no wider than png_tile_side, and
 * the band's rows go to libpng as they are done: memory stays bounded by
 * one band (PNG_BAND_BYTES of rows, 32 MiB) plus one tile of at most
 * (4096 + 512) × (1024 + 512) pixels (27 MiB), whatever the image's size. */
#define PNG_BAND_BYTES (32u * 1024 * 1024)
#define PNG_BAND_ROWS  1024
#define PNG_TILE_SIDE  4096
/* Each tile is drawn with this much more of the picture above and to the
 * left of it (map units, at most PNG_TILE_MARGIN_PX): cairo places a glyph
 * whose origin lies at a negative device coordinate a pixel off from where
 * it places the same glyph at a positive one, so every glyph that reaches
 * into a tile must start inside the drawn area. Twice the largest text. */
#define PNG_TILE_MARGIN    64.0
#define PNG_TILE_MARGIN_PX 512

static int png_tile_side = PNG_TILE_SIDE;

/* Tests draw in tiny tiles, to see that tiles meet without seams. */
void
_imp_export_set_png_tile_side (int side)
{
  png_tile_side = side > 0 ? side : PNG_TILE_SIDE;
}

/* Everything the libpng-facing functions touch lives here, not in their
 * locals, so nothing is clobbered when libpng longjmps back on an error. */
typedef struct
{
  png_structp  png;
  png_infop    info;
  GByteArray  *bytes;          /* the output, or */
  ImpWriter   *writer;         /* the file it goes to */
  GError      *write_error;
  char         message[256];   /* libpng's own complaint */
  gboolean     failed;
} PngSink;

static void
png_sink_write_cb (png_structp  png,
                   png_bytep    data,
                   png_size_t   length)
{
  PngSink *sink = png_get_io_ptr (png);

  if (sink->write_error != NULL)
    return;
  if (sink->writer != NULL)
    imp_writer_write (sink->writer, data, length, &sink->write_error);
  else
    g_byte_array_append (sink->bytes, data, length);
}

static void
png_sink_flush_cb (png_structp png)
{
}

static void
png_sink_error_cb (png_structp     png,
                   png_const_charp message)
{
  PngSink *sink = png_get_error_ptr (png);

  g_strlcpy (sink->message, message, sizeof sink->message);
  sink->failed = TRUE;
  png_longjmp (png, 1);
}

static void
png_sink_warning_cb (png_structp     png,
                     png_const_charp message)
{
  g_debug ("libpng: %s", message);
}

/* The only functions that call setjmp: small, never inlined into their
 * callers, with no locals of their own. */
static G_GNUC_NO_INLINE gboolean
png_sink_begin (PngSink *sink,
                guint32  width,
                guint32  height,
                guint32  pixels_per_metre,
                gboolean alpha)
{
  sink->png = png_create_write_struct (PNG_LIBPNG_VER_STRING, sink, png_sink_error_cb,
                                       png_sink_warning_cb);
  if (sink->png == NULL)
    return FALSE;
  sink->info = png_create_info_struct (sink->png);
  if (sink->info == NULL)
    return FALSE;

  if (setjmp (png_jmpbuf (sink->png)))
    return FALSE;

  png_set_write_fn (sink->png, sink, png_sink_write_cb, png_sink_flush_cb);
  png_set_IHDR (sink->png, sink->info, width, height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  /* The resolution, so that slide tools show a 2x image at the size of
   * the map and not twice as big. */
  png_set_pHYs (sink->png, sink->info, pixels_per_metre, pixels_per_metre,
                PNG_RESOLUTION_METER);
  png_write_info (sink->png, sink->info);

  return TRUE;
}

static G_GNUC_NO_INLINE gboolean
png_sink_rows (PngSink   *sink,
               png_bytep *rows,
               guint32    n_rows)
{
  if (setjmp (png_jmpbuf (sink->png)))
    return FALSE;

  png_write_rows (sink->png, rows, n_rows);

  return TRUE;
}

static G_GNUC_NO_INLINE gboolean
png_sink_end (PngSink *sink)
{
  if (setjmp (png_jmpbuf (sink->png)))
    return FALSE;

  png_write_end (sink->png, sink->info);

  return TRUE;
}

static void
png_sink_clear (PngSink *sink)
{
  if (sink->png != NULL)
    png_destroy_write_struct (&sink->png, sink->info ? &sink->info : NULL);
  g_clear_error (&sink->write_error);
}

/* cairo's pixels are premultiplied native-endian ARGB; PNG's are straight
 * RGB(A) bytes. */
static void
convert_pixels (const guint8 *src,
                guint8       *dest,
                int           width,
                gboolean      alpha)
{
  const guint32 *pixel = (const guint32 *) src;

  for (int i = 0; i < width; i++)
    {
      guint32 p = pixel[i];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (alpha)
        {
          if (a != 0 && a != 255)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          *dest++ = r;
          *dest++ = g;
          *dest++ = b;
          *dest++ = a;
        }
      else
        {
          *dest++ = r;
          *dest++ = g;
          *dest++ = b;
        }
    }
}

/* Writes the framed picture as a PNG into @bytes or through @writer. */
static gboolean
write_png (ImpScene                *scene,
           const ImpExportOptions  *options,
           GByteArray              *bytes,
           ImpWriter               *writer,
           GError                 **error)
{
  g_auto(Frame) frame = { 0 };
  PngSink sink = { 0 };
  g_autofree guint8 *band = NULL;
  g_autofree png_bytep *rows = NULL;
  cairo_surface_t *tile = NULL;
  gboolean alpha = options->transparent;
  guint channels = alpha ? 4 : 3;
  double width, height;
  int band_rows, tile_side, margin;
  gboolean ok = FALSE;

  frame_init (&frame, scene, options);

  width = MAX (1, ceil (frame.area.width * options->scale));
  height = MAX (1, ceil (frame.area.height * options->scale));

  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_TOO_LARGE,
                   _("The image would be %.0f × %.0f pixels, more than the %.0f a side and "
                     "%.0f million in all that PNG export allows: use a smaller scale, "
                     "SVG or PDF"),
                   width, height, MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS / 1e6);
      return FALSE;
    }

  tile_side = MIN (png_tile_side, (int) width);
  band_rows = (int) MIN ((double) PNG_BAND_ROWS, PNG_BAND_BYTES / (width * channels));
  band_rows = CLAMP (band_rows, 1, (int) height);
  if (png_tile_side != PNG_TILE_SIDE)
    band_rows = MIN (band_rows, png_tile_side);

  band = g_malloc ((gsize) width * channels * band_rows);
  rows = g_new (png_bytep, band_rows);
  for (int i = 0; i < band_rows; i++)
    rows[i] = band + (gsize) i * (gsize) width * channels;

  sink.bytes = bytes;
  sink.writer = writer;
  if (!png_sink_begin (&sink, (guint32) width, (guint32) height,
                       (guint32) round (IMP_EXPORT_BASE_DPI * options->scale / 0.0254), alpha))
    goto out;

  margin = (int) MIN (ceil (PNG_TILE_MARGIN * options->scale), PNG_TILE_MARGIN_PX);
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, margin + tile_side,
                                     margin + band_rows);
  for (int y = 0; y < (int) height; y += band_rows)
    {
      int n_rows = MIN (band_rows, (int) height - y);

      for (int x = 0; x < (int) width; x += tile_side)
        {
          int n_cols = MIN (tile_side, (int) width - x);
          const guint8 *data;
          int stride;
          cairo_t *cr;

          cr = cairo_create (tile);
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
          cairo_rectangle (cr, 0, 0, margin + n_cols, margin + n_rows);
          cairo_clip (cr);
          /* Whole pixels only, so every tile samples the picture alike. */
          cairo_translate (cr, margin - x, margin - y);
          cairo_scale (cr, options->scale, options->scale);
          cairo_translate (cr, -frame.area.x, -frame.area.y);
          draw_picture_part (scene, &frame, options, cr, options->scale,
                             &(ImpRect) { frame.area.x + (x - margin) / options->scale,
                                          frame.area.y + (y - margin) / options->scale,
                                          (margin + n_cols) / options->scale,
                                          (margin + n_rows) / options->scale });
          if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
            {
              g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                           _("Could not draw the PNG image: %s"),
                           cairo_status_to_string (cairo_status (cr)));
              cairo_destroy (cr);
              goto out;
            }
          cairo_destroy (cr);

          cairo_surface_flush (tile);
          data = cairo_image_surface_get_data (tile);
          stride = cairo_image_surface_get_stride (tile);
          for (int r = 0; r < n_rows; r++)
            convert_pixels (data + (gsize) (margin + r) * stride + (gsize) margin * 4,
                            rows[r] + (gsize) x * channels,
                            n_cols, alpha);
        }

      if (!png_sink_rows (&sink, rows, n_rows))
        goto out;
    }

  ok = png_sink_end (&sink);

out:
  g_clear_pointer (&tile, cairo_surface_destroy);
  if (sink.write_error != NULL)
    {
      g_set_error_literal (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                           sink.write_error->message);
      ok = FALSE;
    }
  else if (!ok && (error == NULL || *error == NULL))
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                   _("Could not write the PNG image: %s"),
                   sink.failed ? sink.message : g_strerror (ENOMEM));
    }
  png_sink_clear (&sink);

  return ok;
}

static GBytes *
export_png (ImpScene                *scene,
            const ImpExportOptions  *options,
            GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  if (!write_png (scene, options, bytes, NULL, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* For the poster and print code (imp-export-private.h): the scene an
 * export draws, the framed picture's area, and any part of it drawn. */
ImpScene *
_imp_export_scene_new (ImpMap                 *map,
                       const ImpExportOptions *options)
{
  return export_scene (map, options);
}

void
_imp_export_get_area (ImpScene               *scene,
                      const ImpExportOptions *options,
                      ImpRect                *area)
{
  g_auto(Frame) frame = { 0 };

  frame_init (&frame, scene, options);
  *area = frame.area;
}

void
_imp_export_draw_part (ImpScene               *scene,
                       const ImpExportOptions *options,
                       cairo_t                *cr,
                       const ImpRect          *part)
{
  g_auto(Frame) frame = { 0 };

  frame_init (&frame, scene, options);
  draw_picture_part (scene, &frame, options, cr, VECTOR_DETAIL_SCALE, part);
}

gboolean
_imp_export_check_options (const ImpExportOptions  *options,
                           GError                 **error)
{
  return check_options (options, error);
}

/* Where a PDF page puts the framed picture: the page's size in points,
 * and the scale and offset that map the picture's user space onto it. */
static void
page_geometry (const Frame            *frame,
               const ImpExportOptions *options,
               double                 *page_width,
               double                 *page_height,
               double                 *scale,
               double                 *x,
               double                 *y)
{
  double avail_width, avail_height;

  if (options->page == IMP_EXPORT_PAGE_NATURAL)
    {
      *scale = POINTS_PER_UNIT;
      *page_width = frame->area.width * *scale;
      *page_height = frame->area.height * *scale;
      *x = *y = 0;
      return;
    }

  *page_width = pages[options->page].width;
  *page_height = pages[options->page].height;
  /* A slide is always wide; paper turns on request. */
  if (options->page != IMP_EXPORT_PAGE_16_9 &&
      options->landscape != (*page_width > *page_height))
    {
      double swap = *page_width;

      *page_width = *page_height;
      *page_height = swap;
    }

  avail_width = MAX (1, *page_width - 2 * options->margin);
  avail_height = MAX (1, *page_height - 2 * options->margin);
  *scale = MIN (avail_width / MAX (frame->area.width, 1),
                avail_height / MAX (frame->area.height, 1));
  *x = (*page_width - frame->area.width * *scale) / 2;
  *y = (*page_height - frame->area.height * *scale) / 2;
}

static GBytes *
export_pdf (ImpScene                *scene,
            const ImpExportOptions  *options,
            GError                 **error)
{
  g_auto(Frame) frame = { 0 };
  ImpPdf pdf;
  cairo_t *cr;
  double page_width, page_height;
  double scale, x, y;

  frame_init (&frame, scene, options);
  page_geometry (&frame, options, &page_width, &page_height, &scale, &x, &y);

  /* PDF readers refuse pages over 14400 points a side. */
  if (page_width > 14400 || page_height > 14400)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_TOO_LARGE,
                   _("The page would be %.0f × %.0f points, more than the 14400 a side "
                     "PDF allows: choose a page size to fit the map on"),
                   page_width, page_height);
      return NULL;
    }

  cr = _imp_pdf_begin (&pdf, MAX (1, page_width), MAX (1, page_height),
                       imp_map_get_title (imp_scene_get_map (scene)));
  /* A slide or a sheet is the theme's colour to its edges, the map centred
   * on it, not a grey rectangle between white bands. */
  if (!options->transparent)
    {
      const ImpColor *bg = &imp_scene_get_theme (scene)->background;

      cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, bg->alpha);
      cairo_paint (cr);
    }
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -frame.area.x, -frame.area.y);
  draw_picture (scene, &frame, options, cr, VECTOR_DETAIL_SCALE);
  cairo_show_page (cr);

  return _imp_pdf_end (&pdf, error);
}

static GBytes *
export_svg (ImpScene               *scene,
            const ImpExportOptions *options)
{
  g_auto(Frame) frame = { 0 };
  ImpSvgHeading heading;
  char *svg;
  gsize length;

  frame_init (&frame, scene, options);
  heading = (ImpSvgHeading) { frame.heading, frame.heading_x, frame.heading_y,
                              frame.heading_size };
  svg = imp_svg_write_area (scene, &frame.area, !options->transparent,
                            frame.has_heading ? &heading : NULL, &length);

  return g_bytes_new_take (svg, length);
}

static gboolean
check_options (const ImpExportOptions  *options,
               GError                 **error)
{
  if (!isfinite (options->scale) || options->scale < 0.1 || options->scale > 8 ||
      !isfinite (options->padding) || options->padding < 0 || options->padding > 10000)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The scale must be between 0.1 and 8 and the padding between 0 and 10000"));
      return FALSE;
    }

  if ((guint) options->page >= G_N_ELEMENTS (pages) ||
      !isfinite (options->margin) || options->margin < 0 || options->margin > 144)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The page size is unknown or the margin is not between 0 and 144 points"));
      return FALSE;
    }

  if (options->override_layout && (guint) options->layout >= IMP_N_LAYOUTS)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The layout is unknown"));
      return FALSE;
    }

  if (options->scope == IMP_EXPORT_SCOPE_RECT &&
      (!isfinite (options->rect.x) || !isfinite (options->rect.y) ||
       !isfinite (options->rect.width) || !isfinite (options->rect.height) ||
       options->rect.width < 1 || options->rect.height < 1))
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The area to export is empty"));
      return FALSE;
    }

  return TRUE;
}

/**
 * imp_export_to_bytes:
 * @map: the map
 * @options: what to make
 * @error: return location for an error
 *
 * Draws or converts @map (or the part @options' scope keeps) into the
 * format of @options, in memory. The export dialog's preview uses it.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
imp_export_to_bytes (ImpMap                  *map,
                     const ImpExportOptions  *options,
                     GError                 **error)
{
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(ImpMap) scoped = NULL;
  const ImpIoTable *io;
  char *text;
  gsize length;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;

  if (!(scoped = imp_export_scope_map (map, options, error)))
    return NULL;

  switch (options->format)
    {
    case IMP_EXPORT_PNG:
      scene = export_scene (scoped, options);
      return export_png (scene, options, error);

    case IMP_EXPORT_PDF:
      if (options->handouts != 0)
        return imp_handouts_to_pdf (map, options, options->handouts, error);
      if (options->poster != NULL)
        {
          g_autoptr(ImpPoster) poster = imp_poster_new (map, options, options->poster, error);

          return poster != NULL ? imp_poster_to_pdf (poster, error) : NULL;
        }
      scene = export_scene (scoped, options);
      return export_pdf (scene, options, error);

    case IMP_EXPORT_SVG:
      scene = export_scene (scoped, options);
      return export_svg (scene, options);

    case IMP_EXPORT_JSON:
      text = imp_format_save_to_data (scoped, &length);
      return g_bytes_new_take (text, length);

    case IMP_EXPORT_MARKDOWN:
      text = imp_export_markdown (scoped, &length);
      return g_bytes_new_take (text, length);

    case IMP_EXPORT_MERMAID:
      text = imp_export_mermaid_for_layout (scoped, options->override_layout ? options->layout :
                                                    imp_map_get_layout (scoped), &length);
      return g_bytes_new_take (text, length);

    case IMP_EXPORT_CSV:
      text = imp_export_csv (scoped, &length);
      return g_bytes_new_take (text, length);

    case IMP_EXPORT_OPML:
      io = _imp_io_get (error);
      return io != NULL ? io->export_opml (scoped) : NULL;

    case IMP_EXPORT_FREEMIND:
      io = _imp_io_get (error);
      return io != NULL ? io->export_freemind (scoped) : NULL;

    case IMP_N_EXPORT_FORMATS:
    default:
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format"));
      return NULL;
    }
}

/* A PDF page in small: white paper, the picture fitted within the margins. */
static GBytes *
render_page_preview (ImpScene                *scene,
                     const Frame             *frame,
                     const ImpExportOptions  *options,
                     int                      max_width,
                     int                      max_height,
                     GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double page_width, page_height, scale, x, y, fit;
  int width, height;

  page_geometry (frame, options, &page_width, &page_height, &scale, &x, &y);
  fit = MIN (MAX (1, max_width) / page_width, MAX (1, max_height) / page_height);
  width = MAX (1, (int) ceil (page_width * fit));
  height = MAX (1, (int) ceil (page_height * fit));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, fit, fit);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -frame->area.x, -frame->area.y);
  /* Full detail even this small, so the page looks like the PDF will. */
  draw_picture (scene, frame, options, cr, VECTOR_DETAIL_SCALE);

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, _imp_append_to_byte_array, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                   _("Could not draw the preview: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * imp_export_render_preview:
 * @map: the map
 * @options: what would be exported
 * @max_width: the largest width of the preview, in pixels
 * @max_height: the largest height of the preview, in pixels
 * @width: (out) (optional): the width of the full picture, in map units
 * @height: (out) (optional): the height of the full picture, in map units
 * @error: return location for an error
 *
 * Draws the picture @options describe (scope, theme, background, title
 * line) as a PNG small enough to show beside the export options; for
 * the text formats it is the picture of the same scope.
 *
 * Returns: (transfer full): PNG data, or %NULL with @error set
 */
GBytes *
imp_export_render_preview (ImpMap                  *map,
                           const ImpExportOptions  *options,
                           int                      max_width,
                           int                      max_height,
                           double                  *width,
                           double                  *height,
                           GError                 **error)
{
  g_autoptr(ImpMap) scoped = NULL;
  g_autoptr(ImpScene) scene = NULL;
  g_auto(Frame) frame = { 0 };
  ImpExportOptions preview;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;
  if (!(scoped = imp_export_scope_map (map, options, error)))
    return NULL;

  scene = export_scene (scoped, options);
  frame_init (&frame, scene, options);
  if (width != NULL)
    *width = frame.area.width;
  if (height != NULL)
    *height = frame.area.height;

  if (options->format == IMP_EXPORT_PDF && options->page != IMP_EXPORT_PAGE_NATURAL)
    return render_page_preview (scene, &frame, options, max_width, max_height, error);

  preview = *options;
  preview.format = IMP_EXPORT_PNG;
  preview.scale = MIN (MAX (1, max_width) / MAX (frame.area.width, 1),
                       MAX (1, max_height) / MAX (frame.area.height, 1));
  preview.scale = CLAMP (preview.scale, 0.1, 2.0);

  return export_png (scene, &preview, error);
}

/* Whether the first bytes of @path look like an impact map: a JSON object
 * that names the format. Our writer puts "format" first; other writers may
 * not, so the whole first block is searched. */
static gboolean
looks_like_map (const char *path)
{
  char head[4096];
  FILE *in = fopen (path, "rb");
  size_t n;
  const char *p = head;

  if (in == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head - 1, in);
  fclose (in);
  head[n] = '\0';

  if (n >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (g_ascii_isspace (*p))
    p++;

  return *p == '{' && strstr (p, "\"impactmap\"") != NULL;
}

/**
 * imp_export_check_target:
 * @output: the file an export is about to write
 * @format: the export's format
 * @input: (nullable): the map file being exported, if it has one
 * @error: return location for an error
 *
 * An export never destroys a map: refuses an @output that is @input
 * (whatever the spelling of its path, through a symbolic or a hard link),
 * and a picture or text export into a .impactmap file or over an impact
 * map, with %IMP_EXPORT_ERROR_WOULD_REPLACE_MAP. Writes nothing.
 *
 * Returns: whether @output may be written
 */
gboolean
imp_export_check_target (const char       *output,
                         ImpExportFormat   format,
                         const char       *input,
                         GError          **error)
{
  GStatBuf in_st, out_st;
  gboolean exists = g_stat (output, &out_st) == 0;

  g_return_val_if_fail (output != NULL, FALSE);

  if (exists && input != NULL && g_stat (input, &in_st) == 0 &&
      in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WOULD_REPLACE_MAP,
                   _("“%s” is the map being exported: the export would replace it; "
                     "choose another file"), output);
      return FALSE;
    }

  if (format == IMP_EXPORT_JSON)
    return TRUE;

  if (strlen (output) >= strlen (".impactmap") &&
      g_ascii_strcasecmp (output + strlen (output) - strlen (".impactmap"), ".impactmap") == 0)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WOULD_REPLACE_MAP,
                   _("“%s” is named as an impact map, but a %s export is not "
                     "one: choose another file"),
                   output, imp_export_format_to_string (format));
      return FALSE;
    }

  if (exists && S_ISREG (out_st.st_mode) && looks_like_map (output))
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WOULD_REPLACE_MAP,
                   _("“%s” is an impact map: a %s export would replace it; "
                     "choose another file"),
                   output, imp_export_format_to_string (format));
      return FALSE;
    }

  return TRUE;
}

/**
 * imp_export_to_path:
 *
 * Draws or converts @map into the format of @options and writes it to
 * @path through #ImpWriter, without a backup: a failure never leaves a
 * partial @path behind, an existing file survives any failure, links are
 * followed and permissions kept. A @path that cannot be written (a
 * folder, say) is refused before anything is drawn.
 *
 * Returns: %TRUE on success, else %FALSE with @error set.
 */
gboolean
imp_export_to_path (ImpMap                  *map,
                    const char              *path,
                    const ImpExportOptions  *options,
                    GError                 **error)
{
  g_autoptr(ImpWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!(writer = imp_writer_new (path, IMP_WRITER_NONE, &local_error)))
    goto failed;

  /* A PNG goes to the file as it is drawn: it may be far larger than
   * what memory should hold. */
  if (options->format == IMP_EXPORT_PNG)
    {
      g_autoptr(ImpMap) scoped = NULL;
      g_autoptr(ImpScene) scene = NULL;

      if (!check_options (options, error) ||
          !(scoped = imp_export_scope_map (map, options, error)))
        return FALSE;
      scene = export_scene (scoped, options);
      if (!write_png (scene, options, NULL, writer, error))
        return FALSE;
      if (imp_writer_commit (writer, &local_error))
        return TRUE;
      goto failed;
    }

  if (!(bytes = imp_export_to_bytes (map, options, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  if (imp_writer_write (writer, data, length, &local_error) &&
      imp_writer_commit (writer, &local_error))
    return TRUE;

failed:
  /* The writer's message already names the file and what to do. */
  g_set_error_literal (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE, local_error->message);
  return FALSE;
}
