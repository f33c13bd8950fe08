/* fuzz-format.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the .impactmap reader. Besides "never crash", it
 * checks the writer against the reader: whatever loads must save to a file
 * that loads again, and saving that is a fixed point.
 *
 * Built by meson with clang and -Dfuzzing=true; .ci/run does this and runs
 * it for a minute, then replays tests/data/bad/. By hand:
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true \
 *     -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C build-fuzz tests/fuzz/fuzz-format
 *   mkdir -p corpus && cp tests/data/format/canonical.impactmap corpus/
 *   build-fuzz/tests/fuzz/fuzz-format -max_total_time=60 -max_len=65536 corpus
 *
 * Whatever it finds goes into tests/data/bad/ with a line in expected.txt. */

#define G_LOG_DOMAIN "fuzz-format"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* libFuzzer cannot catch the SIGTRAP of a fatal critical: abort instead,
 * so that a json-glib getter used on the wrong type is a finding. */
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
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpMap) again = NULL;
  g_autoptr(ImpMap) third = NULL;
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  gsize first_len = 0, second_len = 0;

  if (!initialized)
    {
      g_log_set_default_handler (abort_on_warning, NULL);
      initialized = TRUE;
    }

  /* What the repairing reader loads, the strict one reads back once saved;
   * a file the strict reader takes needs no repair. */
  {
    g_auto(GStrv) warnings = NULL;
    g_autoptr(GError) repair_error = NULL;
    g_autoptr(ImpMap) repaired = NULL;
    g_autoptr(ImpMap) reread = NULL;
    g_autofree char *repaired_data = NULL;
    gsize repaired_len = 0;

    repaired = imp_format_load_data_with_warnings ((const char *) data, size, &warnings,
                                                   &repair_error);
    if (repaired == NULL)
      {
        if (repair_error == NULL || repair_error->domain != IMP_FORMAT_ERROR)
          abort ();
      }
    else
      {
        repaired_data = imp_format_save_to_data (repaired, &repaired_len);
        reread = imp_format_load_data (repaired_data, repaired_len, NULL);
        if (reread == NULL)
          abort ();
      }

    map = imp_format_load_data ((const char *) data, size, &error);
    if (map != NULL && warnings != NULL)
      abort ();
  }

  if (map == NULL)
    {
      /* Every refusal is a format error with a message. */
      if (error == NULL || error->domain != IMP_FORMAT_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }

  first_data = imp_format_save_to_data (map, &first_len);
  again = imp_format_load_data (first_data, first_len, &error);
  if (again == NULL)
    {
      fprintf (stderr, "the writer made a file the reader refuses: %s\n%s\n",
               error->message, first_data);
      abort ();
    }

  second_data = imp_format_save_to_data (again, &second_len);
  if (first_len != second_len || memcmp (first_data, second_data, first_len) != 0)
    {
      fprintf (stderr, "saving is not a fixed point:\n%s\n---\n%s\n", first_data, second_data);
      abort ();
    }

  third = imp_format_load_data (second_data, second_len, &error);
  if (third == NULL || !imp_map_equal (again, third))
    abort ();

  return 0;
}
