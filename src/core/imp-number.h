/* imp-number.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ImpNumberFormat:
 * @decimal: the decimal separator, "." or "," (UTF-8)
 * @group: the thousands separator, "," "." or a space (UTF-8), "" for none
 *
 * How people write numbers in one language: "40,000.5" in English,
 * "40.000,5" in German. Machine formats (JSON, CSV, Mermaid, `check`)
 * never use it: they stay in the C locale.
 */
typedef struct
{
  char decimal[8];
  char group[8];
} ImpNumberFormat;

void      imp_number_format_init        (ImpNumberFormat       *format,
                                         const char            *decimal,
                                         const char            *group);
void      imp_number_format_init_locale (ImpNumberFormat       *format);

gboolean  imp_number_parse              (const ImpNumberFormat *format,
                                         const char            *text,
                                         double                *value);
char     *imp_number_to_text            (const ImpNumberFormat *format,
                                         double                 value,
                                         int                    max_decimals);

G_END_DECLS
