/* imp-writer.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * ImpWriterFlags:
 * @IMP_WRITER_NONE: replace the file and keep nothing of the old one
 * @IMP_WRITER_BACKUP: keep the version being replaced as `PATH~`
 *
 * How imp_writer_new() replaces a file.
 */
typedef enum
{
  IMP_WRITER_NONE   = 0,
  IMP_WRITER_BACKUP = 1 << 0,
} ImpWriterFlags;

/**
 * ImpWriter:
 *
 * One atomic replacement of one file, under way: every file the app
 * writes (maps, exports, drafts) goes through it.
 */
typedef struct _ImpWriter ImpWriter;

ImpWriter  *imp_writer_new        (const char      *path,
                                   ImpWriterFlags   flags,
                                   GError         **error);
const char *imp_writer_get_target (ImpWriter       *self);
gboolean    imp_writer_write      (ImpWriter       *self,
                                   const void      *data,
                                   gsize            length,
                                   GError         **error);
gboolean    imp_writer_commit     (ImpWriter       *self,
                                   GError         **error);
void        imp_writer_free       (ImpWriter       *self);

gboolean    imp_writer_write_path (const char      *path,
                                   const void      *data,
                                   gsize            length,
                                   ImpWriterFlags   flags,
                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpWriter, imp_writer_free)

G_END_DECLS
