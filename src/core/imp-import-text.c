/* imp-import-text.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "imp-import-private.h"
#include "imp-outline-private.h"

/* The line-based formats: Markdown outlines and CSV chains. */

/* The line and column of the first byte that is not UTF-8. */
static gboolean
check_utf8 (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_ENCODING,
               _("line %u: the text is not valid UTF-8"), line);

  return FALSE;
}

static char **
split_lines (const char *data,
             gsize       length)
{
  g_autofree char *text = g_strndup (data, length);
  char **lines;

  /* A BOM is not text. */
  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);

  return lines;
}

/* ---- Markdown ----------------------------------------------------------- */

/* The level of an ATX heading ("## Text"), 0 when @p is none. */
static guint
heading (const char  *p,
         const char **text)
{
  guint level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\0'))
    return 0;
  *text = p + level;

  return level;
}

static gboolean
is_rule (const char *p)
{
  guint n = 0;
  char c = *p;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (; *p; p++)
    if (*p == c)
      n++;
    else if (*p != ' ')
      return FALSE;

  return n >= 3;
}

typedef struct
{
  guint          key;   /* a heading's level, or a list item's indent */
  ImpSourceNode *node;
} Level;

gboolean
_imp_import_parse_markdown (ImpImportSource  *source,
                            const char       *data,
                            gsize             length,
                            GError          **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) headings = g_array_new (FALSE, FALSE, sizeof (Level));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Level));
  g_autoptr(GString) preamble = g_string_new (NULL);
  ImpSourceNode *last = NULL;
  gboolean structured = FALSE;
  gboolean fence = FALSE;

  if (!check_utf8 (data, length, error))
    return FALSE;

  lines = split_lines (data, length);
  _imp_import_source_add_sheet (source, NULL);

  /* A file with no heading and no list is an indented outline: every line
   * a node, nested by its indent. */
  for (guint i = 0; lines[i] != NULL && !structured; i++)
    {
      const char *rest, *text;

      _imp_outline_indent_width (lines[i], &rest);
      structured = heading (rest, &text) > 0 || _imp_outline_list_item (rest) != NULL;
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *place = g_strdup_printf (_("line %u"), i + 1);
      const char *rest, *text;
      guint width = _imp_outline_indent_width (lines[i], &rest);
      guint level;
      ImpSourceNode *parent;

      if (g_str_has_prefix (rest, "```") || g_str_has_prefix (rest, "~~~"))
        {
          fence = !fence;
          continue;
        }
      if (*rest == '\0')
        continue;

      if (!fence && structured && (level = heading (rest, &text)) > 0)
        {
          while (headings->len > 0 && g_array_index (headings, Level, headings->len - 1).key >= level)
            g_array_set_size (headings, headings->len - 1);
          parent = headings->len > 0 ? g_array_index (headings, Level, headings->len - 1).node
                                     : NULL;
          g_autofree char *title = g_strdup (text);

          /* Closing hashes are decoration. */
          g_strchomp (title);
          while (*title && title[strlen (title) - 1] == '#')
            title[strlen (title) - 1] = '\0';
          if (!(last = _imp_import_source_add_node (source, parent, title, place, error)))
            return FALSE;
          g_array_append_vals (headings, &(Level) { level, last }, 1);
          g_array_set_size (items, 0);
        }
      else if (!fence && (!structured || (text = _imp_outline_list_item (rest)) != NULL))
        {
          if (!structured)
            text = rest;
          while (items->len > 0 && g_array_index (items, Level, items->len - 1).key >= width)
            g_array_set_size (items, items->len - 1);
          if (items->len > 0)
            parent = g_array_index (items, Level, items->len - 1).node;
          else
            parent = headings->len > 0 ? g_array_index (headings, Level, headings->len - 1).node
                                       : NULL;
          if (!(last = _imp_import_source_add_node (source, parent, text, place, error)))
            return FALSE;
          g_array_append_vals (items, &(Level) { width, last }, 1);
        }
      else if (!fence && is_rule (rest))
        continue;
      else if (last != NULL)
        _imp_source_node_add_note (last, rest);
      else
        {
          if (preamble->len > 0)
            g_string_append_c (preamble, '\n');
          g_string_append (preamble, rest);
        }

      if (last != NULL && preamble->len > 0)
        {
          /* Text before the first node belongs to it. */
          g_autoptr(GString) notes = last->notes;

          last->notes = NULL;
          _imp_source_node_add_note (last, preamble->str);
          if (notes != NULL)
            _imp_source_node_add_note (last, notes->str);
          g_string_truncate (preamble, 0);
        }
    }

  if (preamble->len > 0 && source->n_nodes == 0)
    {
      /* Only prose: one node, so that nothing is lost. */
      ImpSourceNode *node = _imp_import_source_add_node (source, NULL, preamble->str,
                                                         "", error);

      return node != NULL;
    }

  return TRUE;
}

/* ---- CSV ---------------------------------------------------------------- */

/* One record of RFC 4180 CSV from *@p, which moves past it; @line counts
 * the lines it spans. */
static GPtrArray *
read_record (const char **p,
             const char  *end,
             char         delimiter,
             guint       *line,
             GError     **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *q = *p;
  guint start = *line;

  for (;;)
    {
      if (q < end && *q == '"')
        {
          q++;
          for (;;)
            {
              if (q >= end)
                {
                  g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                               _("line %u: a quoted cell is never closed"), start);
                  return NULL;
                }
              if (*q == '"' && q + 1 < end && q[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  q += 2;
                }
              else if (*q == '"')
                {
                  q++;
                  break;
                }
              else
                {
                  if (*q == '\n')
                    (*line)++;
                  g_string_append_c (cell, *q++);
                }
            }
        }
      while (q < end && *q != delimiter && *q != '\n' && *q != '\r')
        g_string_append_c (cell, *q++);
      g_ptr_array_add (cells, g_strdup (g_strstrip (cell->str)));
      g_string_truncate (cell, 0);
      if (q < end && *q == delimiter)
        {
          q++;
          continue;
        }
      if (q < end && *q == '\r')
        q++;
      if (q < end && *q == '\n')
        q++;
      (*line)++;
      break;
    }
  *p = q;

  return g_steal_pointer (&cells);
}

static char
guess_delimiter (const char *data,
                 gsize       length)
{
  guint counts[3] = { 0, };
  const char delimiters[3] = { ',', ';', '\t' };
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && data[i] != '\n'; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      for (guint d = 0; d < 3 && !quoted; d++)
        if (data[i] == delimiters[d])
          counts[d]++;
    }

  return counts[1] > counts[0] && counts[1] >= counts[2] ? ';'
         : counts[2] > counts[0] ? '\t' : ',';
}

typedef struct
{
  int   level;     /* an ImpLevel, or -1 for a column of notes */
  guint column;
  char *name;
} Column;

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const Column *x = a, *y = b;

  return x->level != y->level ? x->level - y->level : (int) x->column - (int) y->column;
}

gboolean
_imp_import_parse_csv (ImpImportSource  *source,
                       const char       *data,
                       gsize             length,
                       GError          **error)
{
  const char *p = data, *end = data + length;
  char delimiter;
  guint line = 1;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_header = FALSE;

  if (!check_utf8 (data, length, error))
    return FALSE;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  delimiter = guess_delimiter (p, end - p);
  _imp_import_source_add_sheet (source, NULL);

  if (p >= end)
    return TRUE;
  if (!(header = read_record (&p, end, delimiter, &line, error)))
    return FALSE;

  if (header->len >= 3 && g_ascii_strcasecmp (header->pdata[0], "date") == 0 &&
      g_ascii_strcasecmp (header->pdata[1], "node") == 0 &&
      g_ascii_strcasecmp (header->pdata[2], "value") == 0)
    {
      g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                           _("line 1: the header “date,node,value” marks a file of metric "
                             "readings, not a map: read it into a map’s metrics instead"));
      return FALSE;
    }

  for (guint c = 0; c < header->len; c++)
    {
      ImpLevel level;

      if (_imp_import_level_from_name (IMP_VOCABULARY_CLASSIC, header->pdata[c], &level))
        has_header = TRUE;
    }

  for (guint c = 0; c < header->len; c++)
    {
      Column column = { -1, c, has_header ? header->pdata[c] : NULL };
      ImpLevel level;

      if (!has_header)
        column.level = MIN (c, IMP_N_LEVELS - 1);
      else if (_imp_import_level_from_name (IMP_VOCABULARY_CLASSIC, header->pdata[c], &level))
        column.level = level;
      else if (g_ascii_strcasecmp (header->pdata[c], "chain") == 0)
        continue;  /* our own export's chain repeats the level columns */

      g_array_append_val (column.level >= 0 ? chain : notes, column);
    }
  g_array_sort (chain, compare_columns);

  if (!has_header)
    p = data + (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0), line = 1;

  while (p < end)
    {
      guint row_line = line;
      g_autoptr(GPtrArray) cells = read_record (&p, end, delimiter, &line, error);
      g_autoptr(GString) path = g_string_new (NULL);
      g_autofree char *place = NULL;
      ImpSourceNode *parent = NULL;

      if (cells == NULL)
        return FALSE;

      place = g_strdup_printf (_("line %u"), row_line);
      for (guint i = 0; i < chain->len; i++)
        {
          Column *column = &g_array_index (chain, Column, i);
          const char *text = column->column < cells->len ? cells->pdata[column->column] : "";
          ImpSourceNode *node;

          if (*text == '\0')
            continue;
          g_string_append_c (path, '\x1f');
          g_string_append (path, text);
          node = g_hash_table_lookup (paths, path->str);
          if (node == NULL)
            {
              if (!(node = _imp_import_source_add_node (source, parent, text, place, error)))
                return FALSE;
              if (column->name != NULL)
                node->hint = g_strdup (column->name);
              g_hash_table_insert (paths, g_strdup (path->str), node);
            }
          parent = node;
        }
      if (parent == NULL)
        {
          gboolean blank = TRUE;

          for (guint c = 0; c < cells->len; c++)
            blank = blank && *(char *) cells->pdata[c] == '\0';
          if (blank)
            continue;
          g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                       _("line %u: the row names no card: its level columns are empty"),
                       row_line);
          return FALSE;
        }
      for (guint i = 0; i < notes->len; i++)
        {
          Column *column = &g_array_index (notes, Column, i);
          const char *text = column->column < cells->len ? cells->pdata[column->column] : "";
          g_autofree char *note = NULL;

          if (*text == '\0')
            continue;
          note = g_strdup_printf ("%s: %s", column->name, text);
          _imp_source_node_add_note (parent, note);
        }
    }

  return TRUE;
}
