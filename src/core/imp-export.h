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
  IMP_EXPORT_ERROR_NO_SUCH_NODE,
  IMP_EXPORT_ERROR_WOULD_REPLACE_MAP,
} ImpExportError;

typedef enum
{
  IMP_EXPORT_PNG,
  IMP_EXPORT_SVG,
  IMP_EXPORT_JSON,
  IMP_EXPORT_PDF,
  IMP_EXPORT_MARKDOWN,
  IMP_EXPORT_MERMAID,
  IMP_EXPORT_CSV,
  IMP_EXPORT_OPML,
  IMP_EXPORT_FREEMIND,
  IMP_N_EXPORT_FORMATS,
} ImpExportFormat;

/**
 * ImpExportScope:
 * @IMP_EXPORT_SCOPE_MAP: the whole map
 * @IMP_EXPORT_SCOPE_BRANCH: a node, everything below it and its ancestors for context
 * @IMP_EXPORT_SCOPE_BRANCH_ALONE: a node and everything below it
 * @IMP_EXPORT_SCOPE_RECT: the part of the picture inside a rectangle (the current view)
 */
typedef enum
{
  IMP_EXPORT_SCOPE_MAP,
  IMP_EXPORT_SCOPE_BRANCH,
  IMP_EXPORT_SCOPE_BRANCH_ALONE,
  IMP_EXPORT_SCOPE_RECT,
} ImpExportScope;

typedef enum
{
  IMP_EXPORT_PAGE_NATURAL,  /* the picture's own size, 96 map units to the inch */
  IMP_EXPORT_PAGE_A4,
  IMP_EXPORT_PAGE_LETTER,
  IMP_EXPORT_PAGE_16_9,     /* a 13.333 × 7.5 inch slide */
} ImpExportPage;

/* A poster's size, paper and marks: imp-poster.h. */
typedef struct _ImpPosterOptions ImpPosterOptions;

typedef struct
{
  ImpExportFormat format;
  double          scale;        /* PNG: device pixels per map unit, 0.1..8 */
  ImpThemeKind    theme;
  gboolean        transparent;  /* PNG, SVG: no background */
  double          padding;      /* map units around the map's bounds */

  ImpExportScope  scope;
  const char     *branch_id;    /* BRANCH and BRANCH_ALONE: the node at the branch's root */
  ImpRect         rect;         /* RECT: map coordinates */

  ImpExportPage   page;         /* PDF */
  gboolean        landscape;    /* PDF: long side horizontal (A4, letter) */
  double          margin;       /* PDF: points around a fitted picture, 0..144 */

  gboolean        override_layout; /* PNG, SVG, PDF: draw @layout, not the map's own */
  ImpLayoutKind   layout;

  gboolean        title_line;   /* draw the map's title and today's date above the picture */
  const char     *date;         /* (nullable) the date for the title line; NULL for today */

  const ImpPosterOptions *poster; /* (nullable) PDF: a poster over one or more sheets */
  int             handouts;     /* PDF: an ImpHandoutKind (imp-handout.h), 0 for none */
  double          aspect;       /* width / height the picture is widened or heightened to
                                 * with background (16:9 for a slide), 0 for the map's own */
} ImpExportOptions;

/* Pixels per inch of a PNG at scale 1: the map unit is a CSS pixel. */
#define IMP_EXPORT_BASE_DPI 96.0

GQuark      imp_export_error_quark       (void);
void        imp_export_options_init      (ImpExportOptions *options);
/* The format named by @path's extension (".png", ".svg", ".pdf", ".json",
 * ".md", ".mmd", ".csv"). */
gboolean    imp_export_format_from_path  (const char       *path,
                                          ImpExportFormat  *format,
                                          GError          **error);
gboolean    imp_export_format_from_string (const char      *name,
                                          ImpExportFormat  *format);
const char *imp_export_format_to_string  (ImpExportFormat   format);
const char *imp_export_format_extension  (ImpExportFormat   format);
gboolean    imp_export_page_from_string  (const char       *name,
                                          ImpExportPage    *page);
const char *imp_export_page_to_string    (ImpExportPage     page);

/* A new map holding only what @options' scope keeps of @map (the whole
 * map for MAP and RECT). */
ImpMap     *imp_export_scope_map         (ImpMap                 *map,
                                          const ImpExportOptions *options,
                                          GError                **error);
/* The file's bytes, made in memory. */
GBytes     *imp_export_to_bytes          (ImpMap                 *map,
                                          const ImpExportOptions *options,
                                          GError                **error);
/* A PNG of what @options would export (whatever its format), scaled to
 * fit in @max_width × @max_height pixels: the export dialog's preview.
 * @width and @height receive the full picture's size in map units. */
GBytes     *imp_export_render_preview    (ImpMap                 *map,
                                          const ImpExportOptions *options,
                                          int                     max_width,
                                          int                     max_height,
                                          double                 *width,
                                          double                 *height,
                                          GError                **error);
/* Writes @map to @path. The output is written to a temporary file next to
 * @path and renamed over it, so a failure never leaves a partial file. */
gboolean    imp_export_check_target      (const char             *output,
                                          ImpExportFormat         format,
                                          const char             *input,
                                          GError                **error);
gboolean    imp_export_to_path           (ImpMap                 *map,
                                          const char             *path,
                                          const ImpExportOptions *options,
                                          GError                **error);

G_END_DECLS
