/* imp-io-module.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "imp-io.h"

/* What the loadable module "impact-mapper-io" exports (see imp-module.h). */

G_MODULE_EXPORT const ImpIoTable *imp_io_module_table (void);

G_MODULE_EXPORT const ImpIoTable *
imp_io_module_table (void)
{
  return &_imp_io_table;
}
