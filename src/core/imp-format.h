/* imp-format.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-map.h"
#include "imp-limits.h"

G_BEGIN_DECLS

#define IMP_FORMAT_NAME    "impactmap"
#define IMP_FORMAT_VERSION 1

/* The reader refuses larger files, and JSON nested deeper than this, with
 * IMP_FORMAT_ERROR_TOO_LARGE: a hostile file must not exhaust memory or the
 * stack. A 100,000-node map is a few tens of MiB. */
#define IMP_FORMAT_MAX_SIZE  IMP_MAX_FILE_SIZE
#define IMP_FORMAT_MAX_DEPTH 256

#define IMP_FORMAT_ERROR (imp_format_error_quark ())

/**
 * ImpFormatError:
 * @IMP_FORMAT_ERROR_EMPTY: the file has no content
 * @IMP_FORMAT_ERROR_ENCODING: the file is not UTF-8
 * @IMP_FORMAT_ERROR_SYNTAX: not JSON; the message gives line and column
 * @IMP_FORMAT_ERROR_NOT_IMPACTMAP: JSON, but no "format": "impactmap"
 * @IMP_FORMAT_ERROR_VERSION: a format version this build cannot read
 * @IMP_FORMAT_ERROR_TYPE: a member has the wrong JSON type
 * @IMP_FORMAT_ERROR_MISSING: a required member is missing
 * @IMP_FORMAT_ERROR_VALUE: a member has a value out of its range or set
 * @IMP_FORMAT_ERROR_UNKNOWN_LEVEL: a node's level is not one of the five
 * @IMP_FORMAT_ERROR_DUPLICATE_ID: two nodes share an id
 * @IMP_FORMAT_ERROR_DANGLING_LINK: a link names a node that does not exist
 * @IMP_FORMAT_ERROR_BAD_LINK: a link breaks the map's rules (levels, duplicate)
 * @IMP_FORMAT_ERROR_TOO_LARGE: the file is beyond the limits the reader accepts
 * @IMP_FORMAT_ERROR_DUPLICATE_MEMBER: an object has the same member twice
 */
typedef enum
{
  IMP_FORMAT_ERROR_EMPTY,
  IMP_FORMAT_ERROR_ENCODING,
  IMP_FORMAT_ERROR_SYNTAX,
  IMP_FORMAT_ERROR_NOT_IMPACTMAP,
  IMP_FORMAT_ERROR_VERSION,
  IMP_FORMAT_ERROR_TYPE,
  IMP_FORMAT_ERROR_MISSING,
  IMP_FORMAT_ERROR_VALUE,
  IMP_FORMAT_ERROR_UNKNOWN_LEVEL,
  IMP_FORMAT_ERROR_DUPLICATE_ID,
  IMP_FORMAT_ERROR_DANGLING_LINK,
  IMP_FORMAT_ERROR_BAD_LINK,
  IMP_FORMAT_ERROR_TOO_LARGE,
  IMP_FORMAT_ERROR_DUPLICATE_MEMBER,
} ImpFormatError;

GQuark    imp_format_error_quark  (void);

/* Reading returns a whole map or NULL with an error: never half a map.
 * Errors are IMP_FORMAT_ERROR (G_IO_ERROR for a file that cannot be read);
 * the message names what is wrong and where: line and column for JSON
 * syntax, "nodes[3] (id “n7”, line 12)" and the member otherwise.
 *
 * Members this version does not know are kept and written back after the
 * known ones: top-level ones in imp_map_get_extra(), a node's in
 * ImpNode.extra, a link's in ImpLink.extra. Unknown members of a node's
 * "position", "metric", "ice" and "experiment" objects are kept in
 * ImpNode.extra under that member's name, as an object (those names can
 * never be unknown node members), and written back inside that object for
 * as long as the node still has it. Unknown members of the top-level
 * "vote_budget" are kept the same way in imp_map_get_extra(), under
 * "vote_budget". */
ImpMap   *imp_format_load_data    (const char  *data,
                                   gssize       length,
                                   GError     **error);
ImpMap   *imp_format_load_file    (GFile       *file,
                                   GError     **error);
/* Repairs what has one clear reading (a level mismatch) and lists the
 * repairs in @warnings, instead of refusing the file. */
ImpMap   *imp_format_load_data_with_warnings (const char   *data,
                                              gssize        length,
                                              char       ***warnings,
                                              GError      **error);
ImpMap   *imp_format_load_file_with_warnings (GFile        *file,
                                              char       ***warnings,
                                              GError      **error);
ImpMap   *imp_format_load_path    (const char  *path,
                                   GError     **error);

/* Writing gives UTF-8 JSON with stable key order, two-space indent and a
 * final newline, so that files diff well. */
char     *imp_format_save_to_data (ImpMap      *map,
                                   gsize       *length);
gboolean  imp_format_save_to_path (ImpMap      *map,
                                   const char  *path,
                                   GError     **error);
gboolean  imp_format_save_to_file (ImpMap      *map,
                                   GFile       *file,
                                   GError     **error);

/* Replaces a file atomically through imp_writer_write_path()
 * (imp-writer.h), the old version kept as PATH~ when @make_backup. The
 * save functions above write through the same writer. */
gboolean  imp_format_write_path   (const char  *path,
                                   const char  *data,
                                   gsize        length,
                                   gboolean     make_backup,
                                   GError     **error);

/* The same in a worker thread, for the window: the map is written to bytes
 * on the calling thread, so it may be edited again as soon as
 * imp_format_save_to_file_async() returns. */
void      imp_format_load_file_async     (GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
ImpMap   *imp_format_load_file_finish    (GAsyncResult         *result,
                                          GError              **error);
void      imp_format_save_to_file_async  (ImpMap               *map,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  imp_format_save_to_file_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
