/* fuzz-import.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target per importer: meson builds this file once for each
 * format, with IMP_FUZZ_FORMAT naming it. Besides "never crash, hang or
 * leak", whatever imports must be a map the reader takes back, and its
 * OPML and .mm exports must import again. .ci/run runs each target within
 * its share of FUZZ_SECONDS, seeded with tests/data/import and
 * tests/data/bad/import. */

#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "imp-export.h"
#include "imp-format.h"
#include "imp-import.h"

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
  g_autoptr(ImpImportSource) source = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autoptr(ImpMap) again = NULL;
  g_autofree char *saved = NULL;
  ImpImportOptions options;

  if (!initialized)
    {
      g_log_set_default_handler (abort_on_warning, NULL);
      initialized = TRUE;
    }

  imp_import_options_init (&options);
  options.format = IMP_FUZZ_FORMAT;
  source = imp_import_source_load_data ((const char *) data, size, NULL, &options, NULL);
  if (source == NULL)
    return 0;
  map = imp_import_source_to_map (source, &options, NULL, NULL);
  if (map == NULL)
    return 0;

  saved = imp_format_save_to_data (map, NULL);
  again = imp_format_load_data (saved, -1, NULL);
  if (again == NULL || !imp_map_equal (map, again))
    abort ();

  for (guint f = 0; f < 2; f++)
    {
      ImpExportOptions export;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ImpImportSource) back = NULL;
      gsize length;
      const char *text;

      imp_export_options_init (&export);
      export.format = f == 0 ? IMP_EXPORT_OPML : IMP_EXPORT_FREEMIND;
      bytes = imp_export_to_bytes (map, &export, NULL);
      if (bytes == NULL)
        abort ();
      text = g_bytes_get_data (bytes, &length);
      imp_import_options_init (&options);
      back = imp_import_source_load_data (text, length, f == 0 ? "x.opml" : "x.mm", &options,
                                          NULL);
      if (back == NULL)
        abort ();
    }

  return 0;
}
