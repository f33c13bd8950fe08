/* imp-export-text.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

char *imp_export_markdown (ImpMap *map,
                           gsize  *length);
char *imp_export_mermaid  (ImpMap *map,
                           gsize  *length);
char *imp_export_mermaid_for_layout (ImpMap        *map,
                                     ImpLayoutKind  kind,
                                     gsize         *length);
char *imp_export_csv      (ImpMap *map,
                           gsize  *length);
char *imp_export_mermaid_id (const char *id);

G_END_DECLS
