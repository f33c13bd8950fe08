/* imp-outline.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-outline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "imp-outline.h"
#include "imp-outline-private.h"
#include "imp-map-private.h"

/* Plain-text outlines, for the clipboard: what other outliners, mind-map
 * apps and Markdown editors copy and paste. One line per card, indented by
 * its depth; Markdown bullets ("- ", "* ", "+ ", "1. ") and "[ ]" task
 * boxes are accepted and dropped, and so are heading marks. */

static void
item_clear (ImpOutlineItem *item)
{
  g_free (item->title);
}

/* The width of the indent, a tab counting as four spaces; @rest is what
 * follows it. Shared with the Markdown importer (imp-outline-private.h). */
guint
_imp_outline_indent_width (const char  *line,
                           const char **rest)
{
  guint width = 0;

  for (; *line == ' ' || *line == '\t'; line++)
    width += *line == '\t' ? 4 : 1;

  *rest = line;

  return width;
}

static const char *
skip_task_box (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;

  if (g_str_has_prefix (p, "[ ] ") || g_str_has_prefix (p, "[x] ") ||
      g_str_has_prefix (p, "[X] "))
    p += 4;

  return p;
}

/* A list item's text after its bullet ("-", "*", "+", "1." or "1)") and
 * task box, or %NULL when @p is no list item. */
const char *
_imp_outline_list_item (const char *p)
{
  const char *q = p;

  if ((*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t'))
    q += 2;
  else if (g_ascii_isdigit (*q))
    {
      while (g_ascii_isdigit (*q))
        q++;
      if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
        q += 2;
      else
        return NULL;
    }
  else
    return NULL;

  return skip_task_box (q);
}

/* A pasted line's text without its bullet, heading marks or task box. */
static const char *
strip_bullet (const char *text)
{
  const char *item = _imp_outline_list_item (text);
  const char *p = text;

  if (item != NULL)
    return item;

  if (*p == '#')
    {
      while (*p == '#')
        p++;
      if (*p == ' ')
        p++;
      else
        p = text;
    }

  return skip_task_box (p);
}

/**
 * imp_outline_parse:
 * @text: an indented outline or a Markdown bullet list
 * @error: return location for an error
 *
 * Reads one item per non-blank line. A line indented more than the one
 * before is its child; less, a sibling of the ancestor with the same
 * indent. Control characters other than tab are refused, as is text that
 * is not UTF-8 or holds no item: that is not an outline.
 *
 * Returns: (transfer full) (element-type ImpOutlineItem) (nullable): the
 *   items in order, or %NULL with @error set
 */
GArray *
imp_outline_parse (const char  *text,
                   GError     **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) indents = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("The text is not valid UTF-8"));
      return NULL;
    }

  items = g_array_new (FALSE, TRUE, sizeof (ImpOutlineItem));
  g_array_set_clear_func (items, (GDestroyNotify) item_clear);
  indents = g_array_new (FALSE, FALSE, sizeof (guint));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      ImpOutlineItem item = { 0, };
      const char *rest;
      g_autofree char *title = NULL;
      guint width;

      g_strchomp (lines[i]);

      for (const char *p = lines[i]; *p; p++)
        if (g_ascii_iscntrl (*p) && *p != '\t')
          {
            g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                         _("Line %u holds control characters: this is not an outline"), i + 1);
            return NULL;
          }

      width = _imp_outline_indent_width (lines[i], &rest);
      title = g_strstrip (g_strdup (strip_bullet (rest)));
      if (*title == '\0')
        continue;

      /* Back up to the ancestor this line is indented under. */
      while (indents->len > 0 && g_array_index (indents, guint, indents->len - 1) > width)
        g_array_set_size (indents, indents->len - 1);
      if (indents->len == 0 || g_array_index (indents, guint, indents->len - 1) < width)
        g_array_append_val (indents, width);

      item.depth = indents->len - 1;
      item.title = g_steal_pointer (&title);
      g_array_append_val (items, item);
    }

  if (items->len == 0)
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("The text holds no outline to paste"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

static void
write_node (GString *out,
            ImpNode *node,
            guint    depth)
{
  g_autofree char *title = g_strdup (node->title);

  /* A title is one line of the outline. */
  g_strdelimit (title, "\r\n\t", ' ');

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append (out, "- ");
  g_string_append (out, title);
  g_string_append_c (out, '\n');

  if (depth >= IMP_N_LEVELS)
    return;

  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->children, i);

      if (imp_link_is_tree_link (link))
        write_node (out, link->child, depth + 1);
    }
}

/**
 * imp_outline_write:
 * @roots: (array length=n_roots): the cards whose branches to write
 * @n_roots: how many
 *
 * Writes the branches as a Markdown bullet list indented by two spaces per
 * level, following tree links, which imp_outline_parse() reads back.
 *
 * Returns: (transfer full): the outline
 */
char *
imp_outline_write (ImpNode * const *roots,
                   guint            n_roots)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_roots; i++)
    write_node (out, roots[i], 0);

  return g_string_free (out, FALSE);
}

/**
 * imp_outline_to_map:
 * @items: (element-type ImpOutlineItem): from imp_outline_parse()
 * @top_level: the level of the top items
 * @error: return location for an error
 *
 * Builds the branches an outline describes, each item one level right of
 * its parent item, to be pasted with imp_history_paste().
 *
 * Returns: (transfer full) (nullable): a map holding the branches, or %NULL
 *   with @error set when the outline goes deeper than experiments
 */
ImpMap *
imp_outline_to_map (GArray    *items,
                    ImpLevel   top_level,
                    GError   **error)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_return_val_if_fail (items != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ImpOutlineItem *item = &g_array_index (items, ImpOutlineItem, i);
      ImpNode *node;

      if (top_level + item->depth >= IMP_N_LEVELS)
        {
          g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
                       _("“%s” would go right of the experiments: the outline is too deep here"),
                       item->title);
          return NULL;
        }

      node = _imp_map_add_node (map, top_level + item->depth, item->title, NULL, NULL);
      g_ptr_array_set_size (stack, item->depth);
      if (item->depth > 0)
        _imp_map_link (map, g_ptr_array_index (stack, item->depth - 1), node, -1, NULL);
      g_ptr_array_add (stack, node);
    }

  return g_steal_pointer (&map);
}
