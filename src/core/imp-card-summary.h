/* imp-card-summary.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

char *imp_card_summary_state       (const ImpNode *node);
char *imp_card_summary_cross_links (const ImpNode *node);
char *imp_card_summary_describe    (ImpMap        *map,
                                    const ImpNode *node);

G_END_DECLS
