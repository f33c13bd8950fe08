/* imp-import.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_IMPORT_ERROR (imp_import_error_quark ())

/**
 * ImpImportError:
 * @IMP_IMPORT_ERROR_UNKNOWN_FORMAT: not a format the importers know
 * @IMP_IMPORT_ERROR_EMPTY: the file holds no node
 * @IMP_IMPORT_ERROR_ENCODING: the text is not UTF-8
 * @IMP_IMPORT_ERROR_SYNTAX: the file breaks its format's syntax; the message says where
 * @IMP_IMPORT_ERROR_UNSAFE: the file asks for what the importer never does (XML entities)
 * @IMP_IMPORT_ERROR_TOO_LARGE: beyond the limits (size, nodes, depth, archive entries)
 * @IMP_IMPORT_ERROR_STRUCTURE: well formed, but not what the format puts there
 * @IMP_IMPORT_ERROR_NO_SUCH_SHEET: the sheet asked for does not exist
 */
typedef enum
{
  IMP_IMPORT_ERROR_UNKNOWN_FORMAT,
  IMP_IMPORT_ERROR_EMPTY,
  IMP_IMPORT_ERROR_ENCODING,
  IMP_IMPORT_ERROR_SYNTAX,
  IMP_IMPORT_ERROR_UNSAFE,
  IMP_IMPORT_ERROR_TOO_LARGE,
  IMP_IMPORT_ERROR_STRUCTURE,
  IMP_IMPORT_ERROR_NO_SUCH_SHEET,
} ImpImportError;

typedef enum
{
  IMP_IMPORT_AUTO,
  IMP_IMPORT_OPML,
  IMP_IMPORT_FREEMIND,
  IMP_IMPORT_XMIND,
  IMP_IMPORT_MINDMUP,
  IMP_IMPORT_VYM,
  IMP_IMPORT_MERMAID,
  IMP_IMPORT_MARKDOWN,
  IMP_IMPORT_CSV,
  IMP_N_IMPORT_FORMATS,
} ImpImportFormat;

/* The deepest source tree an importer reads: far past any real map (a map
 * has five levels), and shallow enough that no walk runs out of stack. */
#define IMP_IMPORT_MAX_DEPTH 200

/* A depth of the source whose text becomes the map's title, not a card. */
#define IMP_IMPORT_LEVEL_TITLE (-1)
#define IMP_IMPORT_MAX_LEVELS  8

/**
 * ImpImportOptions:
 * @format: the source's format, or %IMP_IMPORT_AUTO to tell by name and content
 * @vocabulary: the new map's vocabulary
 * @shift: where the source's roots go: 0 goals, 1 the map's title (their
 *   children the goals), -1 one level right of a goal, and so on
 * @levels: when @n_levels > 0, the level of each source depth from the roots
 *   on (an #ImpLevel or %IMP_IMPORT_LEVEL_TITLE); overrides @shift
 * @sheet: the sheet of a workbook (XMind), from 0
 */
typedef struct
{
  ImpImportFormat format;
  ImpVocabulary   vocabulary;
  int             shift;
  int             levels[IMP_IMPORT_MAX_LEVELS];
  guint           n_levels;
  guint           sheet;
} ImpImportOptions;

typedef struct _ImpImportSource ImpImportSource;
typedef struct _ImpImportReport ImpImportReport;

GQuark           imp_import_error_quark         (void);
void             imp_import_options_init        (ImpImportOptions *options);
gboolean         imp_import_parse_levels        (const char       *text,
                                                 ImpImportOptions *options,
                                                 GError          **error);

const char      *imp_import_format_to_string    (ImpImportFormat   format);
gboolean         imp_import_format_from_string  (const char       *name,
                                                 ImpImportFormat  *format);
/* The format a file name's extension names, %IMP_IMPORT_AUTO when none. */
ImpImportFormat  imp_import_format_from_path    (const char       *path);
/* The translated name of a format for a report ("FreeMind / Freeplane"). */
const char      *imp_import_format_display_name (ImpImportFormat   format);
/* The file name patterns of every importable format ("*.opml", …). */
const char * const *imp_import_get_patterns     (void);

/* Reading: the source tree, whole or not at all. @name names the file in
 * messages and, with %IMP_IMPORT_AUTO, tells the format by its extension. */
ImpImportSource *imp_import_source_load_data    (const char       *data,
                                                 gsize             length,
                                                 const char       *name,
                                                 const ImpImportOptions *options,
                                                 GError          **error);
ImpImportSource *imp_import_source_load_path    (const char       *path,
                                                 const ImpImportOptions *options,
                                                 GError          **error);
void             imp_import_source_free         (ImpImportSource  *source);
ImpImportFormat  imp_import_source_get_format   (ImpImportSource  *source);
guint            imp_import_source_get_n_nodes  (ImpImportSource  *source);
/* The sheets of a workbook; one unnamed sheet for other formats. */
guint            imp_import_source_get_n_sheets (ImpImportSource  *source);
const char      *imp_import_source_get_sheet_name (ImpImportSource *source,
                                                 guint             sheet);
/* Every node's text in the source's order (depth first), for tests. */
GPtrArray       *imp_import_source_list_texts   (ImpImportSource  *source,
                                                 guint             sheet);

/* Mapping: a new map from the source, by @options' levels, and what changed
 * in @report. Never fails for a source that loaded, except for a sheet out
 * of range or text beyond a card's limits. */
ImpMap          *imp_import_source_to_map       (ImpImportSource  *source,
                                                 const ImpImportOptions *options,
                                                 ImpImportReport **report,
                                                 GError          **error);

/* Both steps. */
ImpMap          *imp_import_path                (const char       *path,
                                                 const ImpImportOptions *options,
                                                 ImpImportReport **report,
                                                 GError          **error);

void             imp_import_report_free         (ImpImportReport  *report);
guint            imp_import_report_get_n_folded (ImpImportReport  *report);
guint            imp_import_report_get_n_dropped_links (ImpImportReport *report);
/* The report as translated sentences, one a line, counts and names. */
char           **imp_import_report_get_lines    (ImpImportReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpImportSource, imp_import_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpImportReport, imp_import_report_free)

G_END_DECLS
