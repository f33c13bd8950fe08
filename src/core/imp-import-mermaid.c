/* imp-import-mermaid.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-import-mermaid"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "imp-import-private.h"

/* Mermaid diagrams as wikis and READMEs hold them: a flowchart (or graph)
 * becomes a tree by its edges, roots being the nodes nothing points to,
 * in the order they first appear; an edge to a node already placed is a
 * cross-link, which is how cycles end. Class and subgraph names are level
 * hints ("impact", "outcome", our own export's "goal"…). A mindmap is an
 * indented outline. */

typedef struct
{
  char      *id;
  char      *label;
  char      *hint;
  guint      line;
  GPtrArray *out;     /* (element-type Edge) borrowed */
  guint      n_in;
  gboolean   placed;
} MNode;

typedef struct
{
  MNode *from;
  MNode *to;
  char  *label;
} Edge;

typedef struct
{
  GHashTable *nodes;   /* id → MNode */
  GPtrArray  *order;   /* MNode in order of appearance, owned */
  GPtrArray  *edges;   /* Edge, owned */
  GPtrArray  *subgraphs; /* names of the open subgraphs */
  guint       line;
} Graph;

static void
mnode_free (MNode *node)
{
  g_free (node->id);
  g_free (node->label);
  g_free (node->hint);
  g_ptr_array_unref (node->out);
  g_free (node);
}

static void
edge_free (Edge *edge)
{
  g_free (edge->label);
  g_free (edge);
}

/* Mermaid's label markup: quotes, <br>, entity codes. */
static char *
clean_label (const char *text,
             gsize       length)
{
  g_autofree char *raw = g_strndup (text, length);
  GString *out = g_string_new (NULL);
  const char *p = g_strstrip (raw);
  gsize n = strlen (p);

  if (n >= 2 && p[0] == '"' && p[n - 1] == '"')
    {
      p++;
      n -= 2;
    }
  if (n >= 2 && p[0] == '`' && p[n - 1] == '`')
    {
      p++;
      n -= 2;
    }
  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_strncasecmp (p + i, "<br>", 4) == 0)
        {
          g_string_append_c (out, '\n');
          i += 3;
        }
      else if (g_ascii_strncasecmp (p + i, "<br/>", 5) == 0)
        {
          g_string_append_c (out, '\n');
          i += 4;
        }
      else if (p[i] == '#' && i + 2 < n && strchr (p + i, ';') != NULL)
        {
          /* Entity codes: "#quot;", "#35;". */
          const char *semi = strchr (p + i, ';');
          g_autofree char *code = g_strndup (p + i + 1, semi - p - i - 1);
          static const struct { const char *name; const char *text; } named[] = {
            { "quot", "\"" }, { "lt", "<" }, { "gt", ">" }, { "amp", "&" },
          };
          gboolean done = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (named) && !done; k++)
            if (g_str_equal (code, named[k].name))
              {
                g_string_append (out, named[k].text);
                done = TRUE;
              }
          if (!done && *code && strlen (code) <= 7 && strspn (code, "0123456789") == strlen (code))
            {
              gunichar c = (gunichar) g_ascii_strtoull (code, NULL, 10);

              if (g_unichar_validate (c) && c >= 0x20)
                {
                  g_string_append_unichar (out, c);
                  done = TRUE;
                }
            }
          if (done)
            i = semi - p;
          else
            g_string_append_c (out, p[i]);
        }
      else
        g_string_append_c (out, p[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || (guchar) c >= 0x80;
}

static const struct
{
  const char *open;
  const char *close;
} shapes[] = {
  { "(((", ")))" }, { "([", "])" }, { "[[", "]]" }, { "[(", ")]" }, { "((", "))" },
  { "{{", "}}" }, { "[/", "]" }, { "[\\", "]" }, { "(", ")" }, { "[", "]" }, { "{", "}" },
  { ">", "]" },
};

static MNode *
get_node (Graph      *graph,
          const char *id,
          gsize       length)
{
  g_autofree char *key = g_strndup (id, length);
  MNode *node = g_hash_table_lookup (graph->nodes, key);

  if (node == NULL)
    {
      node = g_new0 (MNode, 1);
      node->id = g_strdup (key);
      node->line = graph->line;
      node->out = g_ptr_array_new ();
      if (graph->subgraphs->len > 0)
        node->hint = g_strdup (g_ptr_array_index (graph->subgraphs, graph->subgraphs->len - 1));
      g_hash_table_insert (graph->nodes, node->id, node);
      g_ptr_array_add (graph->order, node);
    }

  return node;
}

/* One node reference at *@p ("A", "A[text]", "A((text)):::cls"). */
static MNode *
parse_node (Graph       *graph,
            const char **p,
            GError     **error)
{
  const char *q = *p, *start;
  MNode *node;

  while (*q == ' ' || *q == '\t')
    q++;
  start = q;
  while (is_id_char (*q) && !g_str_has_prefix (q, "--") && !g_str_has_prefix (q, "-.") &&
         !g_str_has_prefix (q, "=="))
    q++;
  if (q == start)
    return NULL;
  node = get_node (graph, start, q - start);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (g_str_has_prefix (q, shapes[i].open))
      {
        const char *text = q + strlen (shapes[i].open);
        const char *end;

        if (*text == '"')
          {
            const char *quote = strchr (text + 1, '"');

            end = quote != NULL ? strstr (quote + 1, shapes[i].close) : NULL;
          }
        else
          end = strstr (text, shapes[i].close);
        if (end == NULL)
          {
            g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                         _("line %u: the label of “%s” is never closed (“%s” expected)"),
                         graph->line, node->id, shapes[i].close);
            return NULL;
          }
        {
          gsize length = end - text;

          /* Trapezoids and parallelograms close with a slash. */
          if (length > 0 && (text[length - 1] == '/' || text[length - 1] == '\\') &&
              g_str_equal (shapes[i].close, "]") && shapes[i].open[0] == '[')
            length--;
          g_free (node->label);
          node->label = clean_label (text, length);
        }
        q = end + strlen (shapes[i].close);
        break;
      }

  if (g_str_has_prefix (q, ":::"))
    {
      q += 3;
      start = q;
      while (is_id_char (*q))
        q++;
      g_free (node->hint);
      node->hint = g_strndup (start, q - start);
    }
  *p = q;

  return node;
}

/* An edge operator at *@p, with its label; FALSE when there is none. */
static gboolean
parse_edge (const char **p,
            char       **label)
{
  const char *q = *p;
  const char *start;

  while (*q == ' ' || *q == '\t')
    q++;
  start = q;
  if (*q == '<' || *q == 'x' || *q == 'o')
    {
      if (q[1] == '-' || q[1] == '=' || q[1] == '.')
        q++;
    }
  if (!(g_str_has_prefix (q, "--") || g_str_has_prefix (q, "==") || g_str_has_prefix (q, "-.")))
    return FALSE;
  q += 2;
  if ((start[0] == '-' || start[0] == '=') && (*q == ' ') && strstr (q, "--") == NULL &&
      strstr (q, "==") == NULL)
    return FALSE;
  if (*q == ' ')
    {
      /* "A -- text --> B": the text runs to the arrow's other half. */
      const char *rest = q;
      const char *end = NULL;

      for (const char *r = rest; *r; r++)
        if (g_str_has_prefix (r, "--") || g_str_has_prefix (r, "==") || g_str_has_prefix (r, ".-"))
          {
            end = r;
            break;
          }
      if (end != NULL)
        {
          *label = clean_label (rest, end - rest);
          q = end;
        }
    }
  while (*q == '-' || *q == '=' || *q == '.')
    q++;
  if (*q == '>' || ((*q == 'x' || *q == 'o') && !is_id_char (q[1])))
    q++;
  while (*q == ' ' || *q == '\t')
    q++;
  if (*q == '|')
    {
      const char *end = strchr (q + 1, '|');

      if (end != NULL)
        {
          g_free (*label);
          *label = clean_label (q + 1, end - q - 1);
          q = end + 1;
        }
    }
  *p = q;

  return TRUE;
}

/* Statements end at ";" outside quotes and brackets. */
static char **
split_statements (const char *line)
{
  GPtrArray *out = g_ptr_array_new ();
  const char *start = line;
  gboolean quoted = FALSE;
  int depth = 0;

  for (const char *p = line; ; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '[' || *p == '(' || *p == '{'))
        depth++;
      else if (!quoted && (*p == ']' || *p == ')' || *p == '}') && depth > 0)
        depth--;
      if (*p == '\0' || (*p == ';' && !quoted && depth == 0))
        {
          g_ptr_array_add (out, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (out, FALSE);
}

/* "A & B --> C --> D". */
static gboolean
parse_statement (Graph       *graph,
                 const char  *line,
                 GError     **error)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autofree char *pending = NULL;
  const char *p = line;

  for (;;)
    {
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      char *label = NULL;

      for (;;)
        {
          MNode *node = parse_node (graph, &p, error);

          if (node == NULL)
            {
              if (error != NULL && *error != NULL)
                return FALSE;
              break;
            }
          g_ptr_array_add (group, node);
          while (*p == ' ')
            p++;
          if (*p != '&')
            break;
          p++;
        }
      if (group->len == 0)
        {
          if (left->len > 0)
            {
              g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                           _("line %u: an edge leads nowhere"), graph->line);
              return FALSE;
            }
          return TRUE;
        }
      for (guint i = 0; i < left->len; i++)
        for (guint j = 0; j < group->len; j++)
          {
            Edge *edge = g_new0 (Edge, 1);

            edge->from = left->pdata[i];
            edge->to = group->pdata[j];
            edge->label = g_strdup (pending);
            g_ptr_array_add (edge->from->out, edge);
            edge->to->n_in++;
            g_ptr_array_add (graph->edges, edge);
          }
      g_ptr_array_set_size (left, 0);
      g_ptr_array_extend (left, group, NULL, NULL);
      if (!parse_edge (&p, &label))
        return TRUE;
      g_free (pending);
      pending = label;
    }
}

static gboolean
place (ImpImportSource  *source,
       ImpSourceNode    *parent,
       MNode            *node,
       const char       *edge_label,
       GError          **error)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), node->line);
  ImpSourceNode *src;

  node->placed = TRUE;
  if (!(src = _imp_import_source_add_node (source, parent,
                                           node->label != NULL ? node->label : node->id,
                                           where, error)))
    return FALSE;
  _imp_source_node_set_id (source, src, node->id);
  src->hint = g_strdup (node->hint);
  src->link_label = g_strdup (edge_label);

  for (guint i = 0; i < node->out->len; i++)
    {
      Edge *edge = node->out->pdata[i];

      if (edge->to->placed)
        _imp_import_source_add_link (source, node->id, edge->to->id, edge->label);
      else if (!place (source, src, edge->to, edge->label, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_flowchart (ImpImportSource  *source,
                 char            **lines,
                 guint             first,
                 GError          **error)
{
  Graph graph = { 0, };
  gboolean ok = TRUE;

  graph.nodes = g_hash_table_new (g_str_hash, g_str_equal);
  graph.order = g_ptr_array_new_with_free_func ((GDestroyNotify) mnode_free);
  graph.edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  graph.subgraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = first; ok && lines[i] != NULL; i++)
    {
      g_auto(GStrv) statements = split_statements (lines[i]);

      graph.line = i + 1;
      for (guint s = 0; ok && statements[s] != NULL; s++)
        {
          char *line = g_strstrip (statements[s]);

          if (*line == '\0' || g_str_has_prefix (line, "%%") ||
              g_str_has_prefix (line, "classDef ") || g_str_has_prefix (line, "style ") ||
              g_str_has_prefix (line, "linkStyle ") || g_str_has_prefix (line, "click ") ||
              g_str_has_prefix (line, "direction "))
            continue;
          if (g_str_has_prefix (line, "subgraph"))
            {
              g_autofree char *name = g_strstrip (g_strdup (line + strlen ("subgraph")));
              char *bracket = strchr (name, '[');

              if (bracket != NULL)
                {
                  char *close = strrchr (bracket, ']');

                  if (close != NULL)
                    *close = '\0';
                  g_ptr_array_add (graph.subgraphs, clean_label (bracket + 1,
                                                                 strlen (bracket + 1)));
                }
              else
                g_ptr_array_add (graph.subgraphs, clean_label (name, strlen (name)));
              continue;
            }
          if (g_str_equal (line, "end"))
            {
              if (graph.subgraphs->len > 0)
                g_ptr_array_set_size (graph.subgraphs, graph.subgraphs->len - 1);
              continue;
            }
          if (g_str_has_prefix (line, "class "))
            {
              g_auto(GStrv) words = g_strsplit_set (line + 6, " \t", -1);
              g_auto(GStrv) ids = NULL;
              const char *cls = NULL;

              for (guint w = 0; words[w] != NULL; w++)
                if (*words[w])
                  {
                    if (ids == NULL)
                      ids = g_strsplit (words[w], ",", -1);
                    else
                      cls = words[w];
                  }
              for (guint k = 0; ids != NULL && cls != NULL && ids[k] != NULL; k++)
                {
                  MNode *node = get_node (&graph, ids[k], strlen (ids[k]));

                  g_free (node->hint);
                  node->hint = g_strdup (cls);
                }
              continue;
            }
          ok = parse_statement (&graph, line, error);
        }
    }

  if (ok)
    {
      _imp_import_source_add_sheet (source, NULL);
      /* Roots first, in order; then whatever only a cycle reaches. */
      for (guint pass = 0; ok && pass < 2; pass++)
        for (guint i = 0; ok && i < graph.order->len; i++)
          {
            MNode *node = graph.order->pdata[i];

            if (!node->placed && (pass == 1 || node->n_in == 0))
              ok = place (source, NULL, node, NULL, error);
          }
    }

  g_hash_table_unref (graph.nodes);
  g_ptr_array_unref (graph.edges);
  g_ptr_array_unref (graph.order);
  g_ptr_array_unref (graph.subgraphs);

  return ok;
}

/* A mindmap: one node a line, nested by indent. */
static gboolean
parse_mindmap (ImpImportSource  *source,
               char            **lines,
               guint             first,
               GError          **error)
{
  g_autoptr(GArray) indents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  ImpSourceNode *last = NULL;

  _imp_import_source_add_sheet (source, NULL);
  for (guint i = first; lines[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf (_("line %u"), i + 1);
      const char *p = lines[i];
      guint width = 0;
      g_autofree char *text = NULL;
      ImpSourceNode *parent;

      for (; *p == ' ' || *p == '\t'; p++)
        width += *p == '\t' ? 4 : 1;
      if (*p == '\0' || g_str_has_prefix (p, "%%"))
        continue;
      if (g_str_has_prefix (p, "::icon("))
        {
          if (last != NULL)
            _imp_import_source_ignore (source, IMP_IGNORED_ICONS, last);
          continue;
        }
      if (g_str_has_prefix (p, ":::"))
        continue;
      {
        Graph graph = { 0, };
        const char *q = p;
        MNode *node;

        graph.nodes = g_hash_table_new (g_str_hash, g_str_equal);
        graph.order = g_ptr_array_new_with_free_func ((GDestroyNotify) mnode_free);
        graph.subgraphs = g_ptr_array_new_with_free_func (g_free);
        /* "))bang((" and ")cloud(" have no id before their shape. */
        if (*q == ')' || *q == '(' || *q == '[' || *q == '{')
          {
            const char *open = q, *end;

            while (*q == ')' || *q == '(' || *q == '[' || *q == '{')
              q++;
            end = q + strlen (q);
            while (end > q && strchr (")(]}", end[-1]) != NULL)
              end--;
            text = clean_label (q, end - q);
            (void) open;
          }
        else if ((node = parse_node (&graph, &q, NULL)) != NULL && node->label != NULL)
          text = g_strdup (node->label);
        else
          text = clean_label (p, strlen (p));
        g_hash_table_unref (graph.nodes);
        g_ptr_array_unref (graph.order);
        g_ptr_array_unref (graph.subgraphs);
      }

      while (indents->len > 0 && g_array_index (indents, guint, indents->len - 1) >= width)
        {
          g_array_set_size (indents, indents->len - 1);
          g_ptr_array_set_size (stack, stack->len - 1);
        }
      parent = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
      if (!(last = _imp_import_source_add_node (source, parent, text, where, error)))
        return FALSE;
      g_array_append_val (indents, width);
      g_ptr_array_add (stack, last);
    }

  return TRUE;
}

gboolean
_imp_import_parse_mermaid (ImpImportSource  *source,
                           const char       *data,
                           gsize             length,
                           GError          **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *end = NULL;
  g_autofree char *title = NULL;
  guint i = 0;
  gboolean ok;

  if (!g_utf8_validate_len (data, length, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_ENCODING,
                   _("line %u: the text is not valid UTF-8"), line);
      return FALSE;
    }
  text = g_strndup (data, length);
  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    g_strchomp (lines[k]);

  /* Front matter, comments and blank lines before the diagram's type. */
  for (; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      while (*p == ' ' || *p == '\t')
        p++;
      if (g_str_equal (p, "---"))
        {
          for (i++; lines[i] != NULL && !g_str_equal (g_strstrip (lines[i]), "---"); i++)
            if (g_str_has_prefix (lines[i], "title:") && title == NULL)
              title = g_strdup (g_strstrip (lines[i] + 6));
          if (lines[i] == NULL)
            break;
          continue;
        }
      /* Our own export names the map in a comment. */
      if (g_str_has_prefix (p, "%% title: ") && title == NULL)
        title = g_strdup (p + strlen ("%% title: "));
      if (*p == '\0' || g_str_has_prefix (p, "%%"))
        continue;
      if (g_str_has_prefix (p, "flowchart") || g_str_has_prefix (p, "graph"))
        ok = parse_flowchart (source, lines, i + 1, error);
      else if (g_str_has_prefix (p, "mindmap"))
        ok = parse_mindmap (source, lines, i + 1, error);
      else
        {
          g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                       _("line %u: Impact Mapper imports Mermaid flowcharts, graphs and "
                         "mindmaps, not “%s”"), i + 1, p);
          return FALSE;
        }
      if (ok && title != NULL && *title && source->sheets->len > 0)
        {
          ImpSourceSheet *sheet = g_ptr_array_index (source->sheets, 0);

          g_free (sheet->title);
          sheet->title = g_steal_pointer (&title);
        }
      return ok;
    }

  g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_EMPTY,
                       _("the file holds no Mermaid diagram"));

  return FALSE;
}
