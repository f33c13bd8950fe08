/* imp-sound.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsound.h>

#include "imp-sound.h"

/* The module "impact-mapper-sound" (see imp-sound.h). */

static gboolean
sound_play (GObject    **context,
            const char  *event_id,
            const char  *description,
            GError     **error)
{
  if (*context == NULL)
    *context = G_OBJECT (gsound_context_new (NULL, error));
  if (*context == NULL)
    return FALSE;

  return gsound_context_play_simple (GSOUND_CONTEXT (*context), NULL, error,
                                     GSOUND_ATTR_EVENT_ID, event_id,
                                     GSOUND_ATTR_EVENT_DESCRIPTION, description,
                                     NULL);
}

const ImpSoundTable _imp_sound_table = {
  .size = sizeof (ImpSoundTable),
  .play = sound_play,
};
