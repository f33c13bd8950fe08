/* imp-templates.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/**
 * ImpTemplate:
 * @IMP_TEMPLATE_FOUR_LEVEL: goal, actor, impact, deliverable (classic)
 * @IMP_TEMPLATE_FIVE_LEVEL: why, who, how, what, whether (five questions)
 * @IMP_TEMPLATE_THREE_TIER: impact, outcome, output (three tiers, no actor)
 *
 * The blank maps a workshop can start from.
 */
typedef enum
{
  IMP_TEMPLATE_FOUR_LEVEL,
  IMP_TEMPLATE_FIVE_LEVEL,
  IMP_TEMPLATE_THREE_TIER,
} ImpTemplate;

#define IMP_N_TEMPLATES 3

ImpMap     *imp_template_new_map            (ImpTemplate template_);
const char *imp_template_get_name           (ImpTemplate template_);
const char *imp_template_get_description    (ImpTemplate template_);
ImpVocabulary imp_template_get_vocabulary   (ImpTemplate template_);

G_END_DECLS
