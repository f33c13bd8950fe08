/* imp-outline-private.h: the outline reader's line parsing, shared with the
 * Markdown importer.
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       _imp_outline_indent_width (const char  *line,
                                       const char **rest);
const char *_imp_outline_list_item    (const char  *p);

G_END_DECLS
