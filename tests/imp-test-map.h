/* imp-test-map.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/* Building maps card by card, for the tests of the core and of the window
 * alike (this needs no display). */

ImpNode *imp_test_add_card (ImpMap     *map,
                            ImpLevel    level,
                            const char *title,
                            ImpNode    *parent);

G_END_DECLS
