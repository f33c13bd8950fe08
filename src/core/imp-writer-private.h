/* imp-writer-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For tests: the step of a write that fails, so that a full disk or a
 * read-only folder can be tested on any machine, also as root. */
typedef enum
{
  IMP_WRITER_FAULT_NONE,
  IMP_WRITER_FAULT_CREATE,
  IMP_WRITER_FAULT_WRITE,
  IMP_WRITER_FAULT_SYNC,
  IMP_WRITER_FAULT_RENAME,
} ImpWriterFault;

/* Until reset with IMP_WRITER_FAULT_NONE, every write fails at @step with
 * @errnum; at IMP_WRITER_FAULT_WRITE after writing @after_bytes. */
void _imp_writer_set_fault (ImpWriterFault step,
                            int            errnum,
                            gsize          after_bytes);

/* For tests: until called again with %NULL, every system call of a write
 * that changes what is on disk appends its name and a space to @trace
 * ("create write fsync close backup rename fsync-folder "), so that a
 * test can assert their order. Not thread-safe: synchronous tests only. */
void _imp_writer_set_trace (GString       *trace);

G_END_DECLS
