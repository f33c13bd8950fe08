/* imp-io.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "imp-io.h"
#include "imp-module.h"

const ImpIoTable *
_imp_io_get (GError **error)
{
  return _imp_module_get (IMP_IO_MODULE, IMP_IO_MODULE_SYMBOL, sizeof (ImpIoTable), error);
}
