/* imp-format-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For tests: the step of a save that fails, so that a full disk or a
 * read-only folder can be tested on any machine, also as root. */
typedef enum
{
  IMP_FORMAT_FAULT_NONE,
  IMP_FORMAT_FAULT_CREATE,
  IMP_FORMAT_FAULT_WRITE,
  IMP_FORMAT_FAULT_SYNC,
  IMP_FORMAT_FAULT_RENAME,
} ImpFormatFault;

/* Until reset with IMP_FORMAT_FAULT_NONE, every save fails at @step with
 * @errnum; at IMP_FORMAT_FAULT_WRITE after writing @after_bytes. */
void _imp_format_set_fault (ImpFormatFault step,
                            int            errnum,
                            gsize          after_bytes);

G_END_DECLS
