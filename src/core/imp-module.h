/* imp-module.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Code whose libraries the first frame never needs (libxml2 and libarchive
 * for the importers and the outline exports, GSound for the alert sound)
 * lives in loadable modules, opened on first use so that start-up does not
 * pay for loading and relocating them. Each module exports one function,
 * @symbol, returning its table of entry points; the table's first member is
 * its size in bytes, checked against the caller's.
 *
 * The module is looked for in $IMP_MODULE_DIR when set, else beside the
 * executable when that is the build tree (an uninstalled run), else in
 * libdir/impact-mapper. Programs that link the module's code directly (the
 * tests, the fuzzers) register its table with _imp_module_provide() and
 * nothing is loaded. Returns NULL with an error naming the module, where it
 * was looked for and why it failed. Tables are kept for the process's life. */
gconstpointer _imp_module_get     (const char    *name,
                                   const char    *symbol,
                                   gsize          size,
                                   GError       **error);
void          _imp_module_provide (const char    *name,
                                   gconstpointer  table);

G_END_DECLS
