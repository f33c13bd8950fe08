/* fuzz-merge.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the three-way merge and the diff: one buffer holds
 * BASE, OURS and THEIRS separated by NUL bytes (a file cannot hold one, so
 * the reader never sees it). Besides "never crash", it checks what the
 * merge promises: whenever the three sides load, the merge gives a map that
 * saves and loads again; merging a side with itself gives that side.
 *
 *   ninja -C build-fuzz tests/fuzz/fuzz-merge
 *   mkdir -p corpus && for f in data/examples/*.impactmap; do
 *     cat "$f" && printf '\0' && cat "$f" && printf '\0' && cat "$f"; done >corpus/seed
 *   build-fuzz/tests/fuzz/fuzz-merge -max_total_time=60 -max_len=65536 corpus */

#define G_LOG_DOMAIN "fuzz-merge"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp-diff.h"
#include "imp-format.h"
#include "imp-merge.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
abort_on_warning (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  ImpMap *sides[3] = { NULL, };
  const char *start = (const char *) data;
  const char *end = start + size;
  gboolean all = TRUE;

  if (!initialized)
    {
      g_log_set_default_handler (abort_on_warning, NULL);
      initialized = TRUE;
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *nul = start < end ? memchr (start, '\0', end - start) : NULL;
      const char *stop = (i < 2 && nul != NULL) ? nul : end;

      sides[i] = imp_format_load_data (start, stop - start, NULL);
      all = all && sides[i] != NULL;
      start = stop < end ? stop + 1 : end;
    }

  if (all)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) merged = imp_merge_maps (sides[0], sides[1], sides[2], NULL, &error);
      g_autoptr(ImpMap) same = NULL;
      g_autoptr(ImpMap) reread = NULL;
      g_autoptr(ImpDiff) diff = imp_diff_new (sides[0], sides[1]);
      g_autofree char *text = imp_diff_to_text (diff);
      g_autofree char *json = imp_diff_to_json (diff);
      g_autofree char *conv = imp_diff_textconv (sides[2]);
      g_autofree char *saved = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *same_text = NULL;

      if (merged == NULL)
        {
          fprintf (stderr, "the merge failed: %s\n", error->message);
          abort ();
        }
      saved = imp_format_save_to_data (merged, NULL);
      reread = imp_format_load_data (saved, -1, &error);
      if (reread == NULL)
        {
          fprintf (stderr, "the merged map does not load: %s\n", error->message);
          abort ();
        }

      same = imp_merge_maps (sides[0], sides[1], sides[1], NULL, &error);
      if (same == NULL)
        abort ();
      ours = imp_format_save_to_data (sides[1], NULL);
      same_text = imp_format_save_to_data (same, NULL);
      if (strcmp (ours, same_text) != 0)
        {
          fprintf (stderr, "merge (base, ours, ours) is not ours\n");
          abort ();
        }
    }

  for (guint i = 0; i < 3; i++)
    g_clear_object (&sides[i]);

  return 0;
}
