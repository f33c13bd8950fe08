/* imp-io-table.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "imp-export-outline.h"
#include "imp-io.h"

/* The entry points of the module "impact-mapper-io" (see imp-io.h). */

const ImpIoTable _imp_io_table = {
  .size = sizeof (ImpIoTable),
  .parse_opml = _imp_import_parse_opml,
  .parse_freemind = _imp_import_parse_freemind,
  .parse_xmind = _imp_import_parse_xmind,
  .parse_vym = _imp_import_parse_vym,
  .parse_mindmup = _imp_import_parse_mindmup,
  .export_opml = imp_export_opml,
  .export_freemind = imp_export_freemind,
};
