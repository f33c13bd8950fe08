/* imp-sound-builtin.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "imp-module.h"
#include "imp-sound.h"

/* Linked (whole) into the window tests, which carry the sound's code
 * themselves: its table is there before main(), and no module is loaded. */

static void provide_sound (void) __attribute__ ((constructor));

static void
provide_sound (void)
{
  _imp_module_provide (IMP_SOUND_MODULE, &_imp_sound_table);
}
