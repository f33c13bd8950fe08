/* imp-sound.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The desktop's alert sound through GSound, built into the module
 * "impact-mapper-sound" (see imp-module.h) and loaded on the first alert, so
 * that the window starts without GSound and libcanberra. */

#define IMP_SOUND_MODULE        "impact-mapper-sound"
#define IMP_SOUND_MODULE_SYMBOL "imp_sound_module_table"

typedef struct
{
  gsize      size;          /* sizeof (ImpSoundTable) */
  /* Plays the event @event_id (a sound theme name), @description for the
   * record; *@context is a sound context made on first use, the caller's to
   * unref. */
  gboolean (*play) (GObject    **context,
                    const char  *event_id,
                    const char  *description,
                    GError     **error);
} ImpSoundTable;

/* In the module's code (imp-sound.c): the table itself. */
extern const ImpSoundTable _imp_sound_table;

G_END_DECLS
