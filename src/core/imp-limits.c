/* imp-limits.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-limits"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "imp-limits.h"

/**
 * imp_limits_max_chars:
 * @kind: the kind of text
 *
 * Returns: the most characters a text of @kind may have
 */
gsize
imp_limits_max_chars (ImpTextKind kind)
{
  switch (kind)
    {
    case IMP_TEXT_TITLE:
      return IMP_MAX_TITLE_CHARS;
    case IMP_TEXT_NOTES:
      return IMP_MAX_NOTES_CHARS;
    case IMP_TEXT_OTHER:
    default:
      return IMP_MAX_TEXT_CHARS;
    }
}

/**
 * imp_limits_check_text:
 * @kind: the kind of text
 * @text: (nullable): valid UTF-8
 * @error: return location for a %G_IO_ERROR_INVALID_DATA error
 *
 * Checks @text against the limit of its kind; %NULL passes.
 *
 * Returns: whether @text is short enough
 */
gboolean
imp_limits_check_text (ImpTextKind   kind,
                       const char   *text,
                       GError      **error)
{
  gsize max = imp_limits_max_chars (kind);
  gsize n = 0;

  if (text == NULL)
    return TRUE;

  /* Counting stops at the limit, so a huge text costs no more than a long one. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (++n > max)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "the text is longer than the limit of %zu character",
                                  "the text is longer than the limit of %zu characters",
                                  max), max);
        return FALSE;
      }

  return TRUE;
}

/**
 * imp_limits_text_is_blank:
 * @text: (nullable): valid UTF-8
 *
 * Returns: whether @text is empty or only white space, counting
 *   non-breaking and zero-width spaces as space
 */
gboolean
imp_limits_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!imp_limits_is_space (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * imp_limits_is_space:
 * @c: a character
 *
 * Returns: whether @c shows as space or as nothing: white space, the
 *   non-breaking spaces and the zero-width characters
 */
gboolean
imp_limits_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;
}
