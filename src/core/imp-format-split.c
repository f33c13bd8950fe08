/* imp-format-split.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-format"

#include "config.h"

#include <string.h>

#include "imp-format-private.h"

/* A 100,000-card map is a 40 MiB file, and json-glib's tree of all of it
 * took five times that, freed only once the map was built. The reader
 * builds the map from the tree of a few cards at a time instead: this file
 * finds where the top-level "nodes" and "links" arrays and each card are
 * in text that the strict check has already found well-formed, so a plain
 * walk that skips strings and counts brackets is enough. Anything it does
 * not expect (a key with an escape, a member twice, "nodes" not an array)
 * makes it give up, and the reader reads the whole tree as before. */

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* Past the string that starts at @p (its opening quote). */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Past the value that starts at @p. */
static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  if (p >= end)
    return NULL;

  if (*p != '{' && *p != '[')
    {
      if (*p == '"')
        return skip_string (p, end);
      while (p < end && *p != ',' && *p != '}' && *p != ']' &&
             *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        p++;
      return p;
    }

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
      p++;
    }

  return NULL;
}

/* The elements of the array whose "[" is at @p, as (start, end) offsets
 * from @data; the array's "]" in @close. */
static gboolean
split_array (const char *data,
             const char *p,
             const char *end,
             GArray     *elements,
             const char **close)
{
  p = skip_space (p + 1, end);
  if (p < end && *p == ']')
    {
      *close = p;
      return TRUE;
    }

  while (p < end)
    {
      const char *after = skip_value (p, end);
      gsize span[2];

      if (after == NULL)
        return FALSE;
      span[0] = p - data;
      span[1] = after - data;
      if (elements != NULL)
        g_array_append_vals (elements, span, 2);

      p = skip_space (after, end);
      if (p < end && *p == ']')
        {
          *close = p;
          return TRUE;
        }
      if (p >= end || *p != ',')
        return FALSE;
      p = skip_space (p + 1, end);
    }

  return FALSE;
}

gboolean
_imp_format_split (const char     *data,
                   gsize           length,
                   ImpFormatSplit *split)
{
  const char *end = data + length;
  const char *p = skip_space (data, end);
  gboolean have_nodes = FALSE, have_links = FALSE;

  memset (split, 0, sizeof *split);
  split->nodes = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (p >= end || *p != '{')
    goto give_up;
  p = skip_space (p + 1, end);
  if (p < end && *p == '}')
    goto give_up;

  while (p < end)
    {
      const char *key, *key_end, *value, *close = NULL;
      gsize key_length;

      if (*p != '"' || (key_end = skip_string (p, end)) == NULL)
        goto give_up;
      key = p + 1;
      key_length = key_end - 1 - key;
      if (memchr (key, '\\', key_length) != NULL)
        goto give_up;

      p = skip_space (key_end, end);
      if (p >= end || *p != ':')
        goto give_up;
      value = skip_space (p + 1, end);

      if (key_length == 5 && memcmp (key, "nodes", 5) == 0)
        {
          if (have_nodes || value >= end || *value != '[' ||
              !split_array (data, value, end, split->nodes, &close))
            goto give_up;
          have_nodes = TRUE;
          split->nodes_open = value - data;
          split->nodes_close = close - data;
          p = close + 1;
        }
      else if (key_length == 5 && memcmp (key, "links", 5) == 0)
        {
          if (have_links || value >= end || *value != '[' ||
              !split_array (data, value, end, NULL, &close))
            goto give_up;
          have_links = TRUE;
          split->links_open = value - data;
          split->links_close = close - data;
          p = close + 1;
        }
      else if ((p = skip_value (value, end)) == NULL)
        goto give_up;

      p = skip_space (p, end);
      if (p < end && *p == '}')
        break;
      if (p >= end || *p != ',')
        goto give_up;
      p = skip_space (p + 1, end);
    }

  if (have_nodes && have_links)
    return TRUE;

give_up:
  _imp_format_split_clear (split);
  return FALSE;
}

void
_imp_format_split_clear (ImpFormatSplit *split)
{
  g_clear_pointer (&split->nodes, g_array_unref);
}

/* The document without the contents of its two arrays: what is left is
 * small, and json-glib reads it whole. */
char *
_imp_format_split_skeleton (const char           *data,
                            gsize                 length,
                            const ImpFormatSplit *split,
                            gsize                *skeleton_length)
{
  gsize cuts[2][2] = {
    { split->nodes_open + 1, split->nodes_close },
    { split->links_open + 1, split->links_close },
  };
  GString *out = g_string_sized_new (1024);
  gsize at = 0;

  if (cuts[1][0] < cuts[0][0])
    {
      gsize first[2] = { cuts[1][0], cuts[1][1] };

      cuts[1][0] = cuts[0][0];
      cuts[1][1] = cuts[0][1];
      cuts[0][0] = first[0];
      cuts[0][1] = first[1];
    }

  for (guint i = 0; i < 2; i++)
    {
      g_string_append_len (out, data + at, cuts[i][0] - at);
      at = cuts[i][1];
    }
  g_string_append_len (out, data + at, length - at);

  *skeleton_length = out->len;
  return g_string_free (out, FALSE);
}
