/* imp-export-outline.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

GBytes *imp_export_opml     (ImpMap *map);
GBytes *imp_export_freemind (ImpMap *map);

G_END_DECLS
