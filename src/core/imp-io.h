/* imp-io.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-import-private.h"
#include "imp-map.h"

G_BEGIN_DECLS

/* The importers and exports that need libxml2 or libarchive, built into the
 * module "impact-mapper-io" (see imp-module.h) and reached through this
 * table, so that the window starts without those libraries. */

#define IMP_IO_MODULE        "impact-mapper-io"
#define IMP_IO_MODULE_SYMBOL "imp_io_module_table"

typedef gboolean (*ImpIoParseFunc) (ImpImportSource *source,
                                    const char      *data,
                                    gsize            length,
                                    GError         **error);

typedef struct
{
  gsize          size;      /* sizeof (ImpIoTable) */
  ImpIoParseFunc parse_opml;
  ImpIoParseFunc parse_freemind;
  ImpIoParseFunc parse_xmind;
  ImpIoParseFunc parse_vym;
  ImpIoParseFunc parse_mindmup;
  GBytes      *(*export_opml)     (ImpMap *map);
  GBytes      *(*export_freemind) (ImpMap *map);
} ImpIoTable;

/* The table, the module loaded on first use; NULL with an error when the
 * module cannot be loaded. */
const ImpIoTable *_imp_io_get (GError **error);

/* In the module's code (imp-io-table.c): the table itself. */
extern const ImpIoTable _imp_io_table;

G_END_DECLS
