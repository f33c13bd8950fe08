/* imp-sound-module.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "imp-sound.h"

/* What the loadable module "impact-mapper-sound" exports (see imp-module.h). */

G_MODULE_EXPORT const ImpSoundTable *imp_sound_module_table (void);

G_MODULE_EXPORT const ImpSoundTable *
imp_sound_module_table (void)
{
  return &_imp_sound_table;
}
