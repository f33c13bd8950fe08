/* imp-number.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "imp-number.h"

/* Numbers as people type and read them: grouped thousands and the
 * language's decimal separator, for the inspector's fields and the
 * canvas. Parsing is strict about where group separators stand ("40,000"
 * but never "4,00"), so that a decimal written the other language's way
 * is refused with a reason instead of read as a number a thousand times
 * too large. */

/**
 * imp_number_format_init:
 * @format: (out): the format
 * @decimal: the decimal separator
 * @group: (nullable): the thousands separator, %NULL or "" for none
 */
void
imp_number_format_init (ImpNumberFormat *format,
                        const char      *decimal,
                        const char      *group)
{
  g_return_if_fail (format != NULL);
  g_return_if_fail (decimal != NULL && *decimal != '\0');

  g_strlcpy (format->decimal, decimal, sizeof format->decimal);
  g_strlcpy (format->group, group != NULL ? group : "", sizeof format->group);
}

/**
 * imp_number_format_init_locale:
 * @format: (out): the format
 *
 * The format of the user's LC_NUMERIC locale. A locale that groups no
 * thousands (C, C.UTF-8) takes the separators of the translation instead,
 * so that a German interface in C.UTF-8 still reads "40.000,5".
 */
void
imp_number_format_init_locale (ImpNumberFormat *format)
{
  const struct lconv *lc = localeconv ();

  g_return_if_fail (format != NULL);

  if (lc != NULL && lc->thousands_sep != NULL && *lc->thousands_sep != '\0' &&
      lc->decimal_point != NULL && *lc->decimal_point != '\0' &&
      g_utf8_validate (lc->thousands_sep, -1, NULL) &&
      g_utf8_validate (lc->decimal_point, -1, NULL))
    {
      imp_number_format_init (format, lc->decimal_point, lc->thousands_sep);
      return;
    }

  /* TRANSLATORS: the decimal separator of numbers in your language */
  imp_number_format_init (format, C_("number format", "."),
                          /* TRANSLATORS: the thousands separator of numbers in your
                           * language ("40,000" in English) */
                          C_("number format", ","));
}

/* Every kind of space people and locales put between thousands. */
static gboolean
is_space_separator (gunichar c)
{
  return c == ' ' || c == 0x00a0 || c == 0x202f || c == 0x2009;
}

/* Reads @text as digits, thousands groups (each separator @group, or a
 * space of any kind), at most one @decimal, and an exponent, into the C
 * form "40000.5e3". Fails on anything else, and on a group separator that
 * does not stand between groups of three digits. */
static gboolean
to_c_form (const char *text,
           const char *decimal,
           const char *group,
           GString    *out)
{
  gsize n_decimal = strlen (decimal);
  gsize n_group = strlen (group);
  const char *p = text;
  guint digits_in_group = 0;
  guint n_groups = 1;
  gboolean grouped = FALSE;
  gboolean any_digit = FALSE;

  if (*p == '+' || *p == '-')
    g_string_append_c (out, *p++);
  else if (g_str_has_prefix (p, "\u2212"))
    {
      g_string_append_c (out, '-');
      p += strlen ("\u2212");
    }

  /* The integer part, with its groups. */
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          digits_in_group++;
          any_digit = TRUE;
          continue;
        }
      if ((n_group > 0 && strncmp (p, group, n_group) == 0 &&
           strncmp (p, decimal, n_decimal) != 0) || is_space_separator (c))
        {
          /* The first group holds 1 to 3 digits, every later one 3. */
          if (digits_in_group == 0 || digits_in_group > 3 ||
              (n_groups > 1 && digits_in_group != 3))
            return FALSE;
          p = is_space_separator (c) ? g_utf8_next_char (p) : p + n_group;
          digits_in_group = 0;
          n_groups++;
          grouped = TRUE;
          continue;
        }
      break;
    }

  if (grouped && digits_in_group != 3)
    return FALSE;

  if (strncmp (p, decimal, n_decimal) == 0 && n_decimal > 0)
    {
      p += n_decimal;
      g_string_append_c (out, '.');
      while (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          any_digit = TRUE;
        }
    }

  if (!any_digit)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      g_string_append_c (out, *p++);
      if (*p == '+' || *p == '-')
        g_string_append_c (out, *p++);
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
    }

  return *p == '\0';
}

/**
 * imp_number_parse:
 * @format: how the user writes numbers
 * @text: what the user typed, white space around it allowed
 * @value: (out): the number
 *
 * Reads a number as people type it in @format's language: "40,000",
 * "40 000" and "40000.5" in English; "40.000", "40 000" and "40000,5" in
 * German. A space of any kind (also the no-break spaces locales use)
 * groups thousands in every language. Where the decimal separator is a
 * comma, a dot that cannot be a thousands separator is read as the
 * decimal point ("2.5"), as people often type it that way.
 *
 * Returns: whether @text is a finite number; "4,00" and "1,5" in English
 *   are not (a misplaced group separator)
 */
gboolean
imp_number_parse (const ImpNumberFormat *format,
                  const char            *text,
                  double                *value)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) c_form = g_string_new (NULL);
  char *end = NULL;
  double result;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));

  if (!to_c_form (trimmed, format->decimal, format->group, c_form))
    {
      /* "2.5" typed in a language that writes "2,5". */
      if (strcmp (format->decimal, ".") == 0 || strchr (trimmed, ',') != NULL)
        return FALSE;
      g_string_truncate (c_form, 0);
      if (!to_c_form (trimmed, ".", "", c_form))
        return FALSE;
    }

  result = g_ascii_strtod (c_form->str, &end);
  if (end == c_form->str || *end != '\0' || !isfinite (result))
    return FALSE;

  *value = result;
  return TRUE;
}

/**
 * imp_number_to_text:
 * @format: how the user reads numbers
 * @value: a number
 * @max_decimals: at most this many decimals (trailing zeros dropped), or
 *   -1 for every digit a field needs to give the value back (12
 *   significant digits)
 *
 * Returns: (transfer full): @value with its thousands grouped, "40,000.5"
 *   or "40.000,5"; "" when @value is not a number
 */
char *
imp_number_to_text (const ImpNumberFormat *format,
                    double                 value,
                    int                    max_decimals)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 32];
  const char *point;
  gsize int_len, start = 0;
  GString *out;

  g_return_val_if_fail (format != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("");

  if (max_decimals < 0 || fabs (value) >= 1e15)
    g_ascii_formatd (digits, sizeof digits, "%.12g", value);
  else
    {
      char spec[16];

      g_snprintf (spec, sizeof spec, "%%.%df", MIN (max_decimals, 12));
      g_ascii_formatd (digits, sizeof digits, spec, value);
    }

  /* An exponent is written as it is, with the language's decimal. */
  if (strchr (digits, 'e') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (digits, ".", 2);

      return g_strjoinv (format->decimal, parts);
    }

  if (strchr (digits, '.') != NULL)
    {
      gsize len = strlen (digits);

      while (len > 0 && digits[len - 1] == '0')
        digits[--len] = '\0';
      if (len > 0 && digits[len - 1] == '.')
        digits[--len] = '\0';
    }

  if (strcmp (digits, "-0") == 0)
    return g_strdup ("0");

  out = g_string_new (NULL);
  if (digits[0] == '-')
    {
      g_string_append_c (out, '-');
      start = 1;
    }
  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);

  for (gsize i = start; i < int_len; i++)
    {
      gsize from_end = int_len - i;

      g_string_append_c (out, digits[i]);
      if (from_end > 1 && from_end % 3 == 1)
        g_string_append (out, format->group);
    }
  if (point != NULL)
    {
      g_string_append (out, format->decimal);
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}
