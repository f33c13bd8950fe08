/* test-number.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "imp-number.h"

/* Numbers as English and German users type and read them. No German
 * locale need be installed: the formats are given explicitly, as the
 * locale or the translation would give them. */

typedef struct
{
  const char *text;
  gboolean    ok;
  double      value;
} Case;

static void
check_cases (const ImpNumberFormat *format,
             const Case            *cases,
             gsize                  n)
{
  for (gsize i = 0; i < n; i++)
    {
      double value = -12345;
      gboolean ok = imp_number_parse (format, cases[i].text, &value);

      if (ok != cases[i].ok)
        g_error ("“%s” should be %s", cases[i].text, cases[i].ok ? "read" : "refused");
      if (ok)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
      else
        g_assert_cmpfloat (value, ==, -12345);   /* untouched */
    }
}

static void
test_parse_english (void)
{
  ImpNumberFormat en;
  const Case cases[] = {
    { "40000", TRUE, 40000 },
    { "40,000", TRUE, 40000 },
    { " 40,000 ", TRUE, 40000 },
    { "40 000", TRUE, 40000 },
    { "40\u00a0000", TRUE, 40000 },
    { "40\u202f000", TRUE, 40000 },
    { "1,234,567.25", TRUE, 1234567.25 },
    { "2.5", TRUE, 2.5 },
    { ".5", TRUE, 0.5 },
    { "-1,500", TRUE, -1500 },
    { "\u22121,500", TRUE, -1500 },
    { "+20", TRUE, 20 },
    { "1e6", TRUE, 1e6 },
    { "40.000", TRUE, 40 },
    /* A misplaced separator is a mistake, never a number. */
    { "1,5", FALSE, 0 },
    { "4,00", FALSE, 0 },
    { "40,0000", FALSE, 0 },
    { "1234,567", FALSE, 0 },
    { ",500", FALSE, 0 },
    { "40,000,", FALSE, 0 },
    { "2.5.1", FALSE, 0 },
    { "abc", FALSE, 0 },
    { "12abc", FALSE, 0 },
    { "", FALSE, 0 },
    { "-", FALSE, 0 },
    { "1e999", FALSE, 0 },
    { "1e", FALSE, 0 },
  };

  imp_number_format_init (&en, ".", ",");
  check_cases (&en, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_german (void)
{
  ImpNumberFormat de;
  const Case cases[] = {
    { "40000", TRUE, 40000 },
    { "40.000", TRUE, 40000 },
    { "40 000", TRUE, 40000 },
    { "40\u00a0000", TRUE, 40000 },
    { "1.234.567,25", TRUE, 1234567.25 },
    { "2,5", TRUE, 2.5 },
    { "-1.500", TRUE, -1500 },
    /* A dot that cannot group thousands is a decimal point typed the
     * English way. */
    { "2.5", TRUE, 2.5 },
    { "0.75", TRUE, 0.75 },
    { "40,000", TRUE, 40 },
    { "1,5e3", TRUE, 1500 },
    { "4.00,5", FALSE, 0 },
    { "1,2,3", FALSE, 0 },
    { "2.5,1", FALSE, 0 },
    { "Zahl", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
  };

  imp_number_format_init (&de, ",", ".");
  check_cases (&de, cases, G_N_ELEMENTS (cases));
}

static void
test_print (void)
{
  ImpNumberFormat en, de, fr;
  struct { double value; int decimals; const char *en, *de; } cases[] = {
    { 40000, -1, "40,000", "40.000" },
    { 43500, 2, "43,500", "43.500" },
    { 1234567.25, -1, "1,234,567.25", "1.234.567,25" },
    { 1234567.256, 2, "1,234,567.26", "1.234.567,26" },
    { 2.5, -1, "2.5", "2,5" },
    { 2.5, 2, "2.5", "2,5" },
    { 999, -1, "999", "999" },
    { 1000, 0, "1,000", "1.000" },
    { -1500, -1, "-1,500", "-1.500" },
    { -0.001, 2, "0", "0" },
    { 0.1, -1, "0.1", "0,1" },
    { 1e20, -1, "1e+20", "1e+20" },
    { 1.5e20, -1, "1.5e+20", "1,5e+20" },
  };
  g_autofree char *nan_text = NULL;
  g_autofree char *spaced = NULL;

  imp_number_format_init (&en, ".", ",");
  imp_number_format_init (&de, ",", ".");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = imp_number_to_text (&en, cases[i].value, cases[i].decimals);
      g_autofree char *b = imp_number_to_text (&de, cases[i].value, cases[i].decimals);
      double back = 0;

      g_assert_cmpstr (a, ==, cases[i].en);
      g_assert_cmpstr (b, ==, cases[i].de);
      /* What a field shows reads back as the same number. */
      if (cases[i].decimals < 0)
        {
          g_assert_true (imp_number_parse (&en, a, &back));
          g_assert_cmpfloat (back, ==, cases[i].value);
          g_assert_true (imp_number_parse (&de, b, &back));
          g_assert_cmpfloat (back, ==, cases[i].value);
        }
    }

  nan_text = imp_number_to_text (&en, NAN, -1);
  g_assert_cmpstr (nan_text, ==, "");

  /* A locale that groups with a narrow no-break space (French). */
  imp_number_format_init (&fr, ",", "\u202f");
  spaced = imp_number_to_text (&fr, 40000.5, -1);
  g_assert_cmpstr (spaced, ==, "40\u202f000,5");
}

/* In C.UTF-8 (no grouping) the format comes from the translation. German
 * comes first: GLib decides once, at the first translated string of a
 * domain, whether that domain is translated at all. */
static void
test_locale_fallback (void)
{
  ImpNumberFormat format;
  double value = 0;

  /* A German interface in C.UTF-8 writes and reads "40.000,5". */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  imp_number_format_init_locale (&format);
  if (g_str_equal (format.decimal, "."))
    {
      g_test_skip ("the German catalogue is not built");
    }
  else
    {
      g_autofree char *text = imp_number_to_text (&format, 40000.5, -1);

      g_assert_cmpstr (format.decimal, ==, ",");
      g_assert_cmpstr (format.group, ==, ".");
      g_assert_cmpstr (text, ==, "40.000,5");
      g_assert_true (imp_number_parse (&format, "40.000", &value));
      g_assert_cmpfloat (value, ==, 40000);
    }

  /* The English catalogue is the source text, "." and ",". */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  imp_number_format_init_locale (&format);
  g_assert_cmpstr (format.decimal, ==, ".");
  g_assert_cmpstr (format.group, ==, ",");
  g_assert_true (imp_number_parse (&format, "40,000", &value));
  g_assert_cmpfloat (value, ==, 40000);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IMP_LOCALEDIR");

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/number/parse-english", test_parse_english);
  g_test_add_func ("/core/number/parse-german", test_parse_german);
  g_test_add_func ("/core/number/print", test_print);
  g_test_add_func ("/core/number/locale-fallback", test_locale_fallback);

  return g_test_run ();
}
