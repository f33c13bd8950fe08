/* imp-io-builtin.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "imp-io.h"
#include "imp-module.h"

/* Linked (whole) into the programs that carry the importers' code
 * themselves, the tests and the fuzzers: their table is there before main(),
 * and no module is loaded. */

static void provide_io (void) __attribute__ ((constructor));

static void
provide_io (void)
{
  _imp_module_provide (IMP_IO_MODULE, &_imp_io_table);
}
