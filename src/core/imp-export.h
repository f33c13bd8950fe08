/* imp-export.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-map.h"
#include "imp-theme.h"

G_BEGIN_DECLS

#define IMP_EXPORT_ERROR (imp_export_error_quark ())

typedef enum
{
  IMP_EXPORT_ERROR_UNKNOWN_FORMAT,
  IMP_EXPORT_ERROR_INVALID_OPTION,
  IMP_EXPORT_ERROR_TOO_LARGE,
  IMP_EXPORT_ERROR_WRITE,
} ImpExportError;

typedef enum
{
  IMP_EXPORT_PNG,
  IMP_EXPORT_SVG,
  IMP_EXPORT_JSON,
} ImpExportFormat;

typedef struct
{
  ImpExportFormat format;
  double          scale;        /* PNG: device pixels per map unit, 0.1..8 */
  ImpThemeKind    theme;
  gboolean        transparent;  /* PNG, SVG: no background */
  double          padding;      /* map units around the map's bounds */
} ImpExportOptions;

GQuark   imp_export_error_quark       (void);
void     imp_export_options_init      (ImpExportOptions *options);
/* The format named by @path's extension (".png", ".svg", ".json"). */
gboolean imp_export_format_from_path  (const char       *path,
                                       ImpExportFormat  *format,
                                       GError          **error);
/* Writes @map to @path. The output is written to a temporary file next to
 * @path and renamed over it, so a failure never leaves a partial file. */
gboolean imp_export_to_path           (ImpMap                 *map,
                                       const char             *path,
                                       const ImpExportOptions *options,
                                       GError                **error);

G_END_DECLS
