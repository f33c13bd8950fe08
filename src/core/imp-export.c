/* imp-export.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "imp-export.h"
#include "imp-format.h"
#include "imp-render.h"
#include "imp-scene.h"
#include "imp-svg.h"

/* cairo image surfaces are limited to 32767 pixels a side. */
#define MAX_IMAGE_SIDE 32767

G_DEFINE_QUARK (imp-export-error-quark, imp_export_error)

/**
 * imp_export_options_init:
 *
 * Fills @options with the defaults: PNG at 1x, light theme, opaque, 32 px padding.
 */
void
imp_export_options_init (ImpExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->format = IMP_EXPORT_PNG;
  options->scale = 1.0;
  options->theme = IMP_THEME_LIGHT;
  options->transparent = FALSE;
  options->padding = 32.0;
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
  static const struct {
    const char      *extension;
    ImpExportFormat  format;
  } formats[] = {
    { ".png", IMP_EXPORT_PNG },
    { ".svg", IMP_EXPORT_SVG },
    { ".json", IMP_EXPORT_JSON },
    { ".impactmap", IMP_EXPORT_JSON },
  };
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (dot, formats[i].extension) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  if (dot == NULL)
    g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
                 _("“%s” has no extension to choose a format: use .png, .svg or .json"), path);
  else
    g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
                 _("Unknown output format “%s”: use .png, .svg or .json"), dot);

  return FALSE;
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
export_png (ImpScene                *scene,
            const ImpExportOptions  *options,
            GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  ImpRect bounds;
  ImpRect area;
  double width, height;

  imp_scene_get_bounds (scene, &bounds);
  area.x = bounds.x - options->padding;
  area.y = bounds.y - options->padding;
  area.width = bounds.width + 2 * options->padding;
  area.height = bounds.height + 2 * options->padding;

  width = ceil (area.width * options->scale);
  height = ceil (area.height * options->scale);

  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_TOO_LARGE,
                   _("The image would be %.0f × %.0f pixels, more than the %d a side "
                     "PNG export allows: use a smaller scale or SVG"),
                   width, height, MAX_IMAGE_SIDE);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) width),
                                        MAX (1, (int) height));
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  cairo_translate (cr, -area.x, -area.y);

  imp_render_scene (scene, cr, &area, options->scale,
                    options->transparent ? IMP_RENDER_DEFAULT : IMP_RENDER_BACKGROUND);

  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_to_byte_array, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                   _("Could not draw the PNG image: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * imp_export_to_path:
 *
 * Draws or converts @map into the format of @options and writes it to
 * @path. Everything is produced in memory first and written with
 * g_file_set_contents_full(), which goes through a temporary file in the
 * same folder and a rename: a failure never leaves a partial @path behind,
 * and an existing file survives any failure.
 *
 * Returns: %TRUE on success, else %FALSE with @error set.
 */
gboolean
imp_export_to_path (ImpMap                  *map,
                    const char              *path,
                    const ImpExportOptions  *options,
                    GError                 **error)
{
  g_autoptr(ImpScene) scene = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!isfinite (options->scale) || options->scale < 0.1 || options->scale > 8 ||
      !isfinite (options->padding) || options->padding < 0 || options->padding > 10000)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The scale must be between 0.1 and 8 and the padding between 0 and 10000"));
      return FALSE;
    }

  switch (options->format)
    {
    case IMP_EXPORT_PNG:
      scene = imp_scene_new (map, imp_theme_get (options->theme));
      bytes = export_png (scene, options, error);
      break;

    case IMP_EXPORT_SVG:
      {
        char *svg;

        scene = imp_scene_new (map, imp_theme_get (options->theme));
        svg = imp_svg_write_to_data (scene, options->padding, !options->transparent, &length);
        bytes = g_bytes_new_take (svg, length);
      }
      break;

    case IMP_EXPORT_JSON:
      {
        char *json = imp_format_save_to_data (map, &length);

        bytes = g_bytes_new_take (json, length);
      }
      break;

    default:
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format"));
      return FALSE;
    }

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                   _("Could not write the file: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}
