/* imp-import.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "imp-format.h"
#include "imp-import-private.h"
#include "imp-io.h"
#include "imp-limits.h"
#include "imp-map-private.h"

/* Maps from other tools. An importer reads its format into a source tree
 * (texts, notes, level hints, cross-links), whole or not at all; mapping
 * then gives each source depth a level of the map's vocabulary. Nothing is
 * dropped: a node below the last level becomes lines in the notes of its
 * nearest card, and the report says so, with names. */

G_DEFINE_QUARK (imp-import-error-quark, imp_import_error)

struct _ImpImportReport
{
  ImpImportFormat format;
  guint           sheet;
  guint           n_sheets;
  char           *sheet_name;
  char           *title_from;    /* the text that became the map's title, or NULL */
  guint           n_source;
  guint           n_cards;
  guint           per_level[IMP_N_LEVELS];
  guint           n_cross;
  guint           n_collapsed;
  GPtrArray      *folded;        /* texts */
  GPtrArray      *dropped;       /* "“A” → “B”" */
  GPtrArray      *shortened;     /* titles */
  GPtrArray      *ignored[IMP_N_IGNORED];
};

static const char * const format_names[IMP_N_IMPORT_FORMATS] = {
  "auto", "opml", "freemind", "xmind", "mindmup", "vym", "mermaid", "markdown", "csv",
};

/* ---- options and formats ------------------------------------------------ */

/**
 * imp_import_options_init:
 * @options: the options to set to their defaults
 *
 * Tells the format by the file, the classic vocabulary, roots as goals.
 */
void
imp_import_options_init (ImpImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = IMP_IMPORT_AUTO;
  options->vocabulary = IMP_VOCABULARY_CLASSIC;
}

const char *
imp_import_format_to_string (ImpImportFormat format)
{
  g_return_val_if_fail ((guint) format < IMP_N_IMPORT_FORMATS, NULL);

  return format_names[format];
}

gboolean
imp_import_format_from_string (const char      *name,
                               ImpImportFormat *format)
{
  static const struct { const char *name; ImpImportFormat format; } aliases[] = {
    { "mm", IMP_IMPORT_FREEMIND }, { "freeplane", IMP_IMPORT_FREEMIND },
    { "md", IMP_IMPORT_MARKDOWN }, { "mmd", IMP_IMPORT_MERMAID }, { "mup", IMP_IMPORT_MINDMUP },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < IMP_N_IMPORT_FORMATS; i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (name, aliases[i].name) == 0)
      {
        *format = aliases[i].format;
        return TRUE;
      }

  return FALSE;
}

static const struct
{
  const char      *pattern;
  ImpImportFormat  format;
} extensions[] = {
  { "*.opml", IMP_IMPORT_OPML },
  { "*.mm", IMP_IMPORT_FREEMIND },
  { "*.xmind", IMP_IMPORT_XMIND },
  { "*.mup", IMP_IMPORT_MINDMUP },
  { "*.vym", IMP_IMPORT_VYM },
  { "*.mmd", IMP_IMPORT_MERMAID },
  { "*.mermaid", IMP_IMPORT_MERMAID },
  { "*.md", IMP_IMPORT_MARKDOWN },
  { "*.markdown", IMP_IMPORT_MARKDOWN },
  { "*.txt", IMP_IMPORT_MARKDOWN },
  { "*.csv", IMP_IMPORT_CSV },
};

ImpImportFormat
imp_import_format_from_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, IMP_IMPORT_AUTO);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].pattern + 1))
      return extensions[i].format;

  return IMP_IMPORT_AUTO;
}

/**
 * imp_import_get_patterns:
 *
 * Returns: (transfer none) (array zero-terminated=1): the file name
 *   patterns of every format the importers read, for a file chooser
 */
const char * const *
imp_import_get_patterns (void)
{
  static const char *patterns[G_N_ELEMENTS (extensions) + 1];

  if (patterns[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
      patterns[i] = extensions[i].pattern;

  return patterns;
}

const char *
imp_import_format_display_name (ImpImportFormat format)
{
  static const char * const names[IMP_N_IMPORT_FORMATS] = {
    N_("Any format"),
    N_("OPML"),
    N_("FreeMind / Freeplane"),
    N_("XMind"),
    N_("MindMup"),
    N_("VYM"),
    N_("Mermaid"),
    N_("Markdown"),
    N_("CSV"),
  };

  g_return_val_if_fail ((guint) format < IMP_N_IMPORT_FORMATS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, names[format]);
}

/* The level a name means in @vocabulary: the vocabulary's own names
 * first (in English and translated), then the level names of any
 * vocabulary, so that "impact" is a goal in three tiers and an impact
 * elsewhere. */
gboolean
_imp_import_level_from_name (ImpVocabulary  vocabulary,
                             const char    *name,
                             ImpLevel      *level)
{
  static const char * const english[IMP_N_VOCABULARIES][IMP_N_LEVELS] = {
    { "goal", "actor", "impact", "deliverable", "experiment" },
    { "why", "who", "how", "what", "whether" },
    { "impact", "actor", "outcome", "output", "experiment" },
    { "business result", "customer behaviour", "customer problem", "feature", "experiment" },
  };
  g_autofree char *folded = NULL;

  if (name == NULL)
    return FALSE;

  folded = g_utf8_casefold (name, -1);
  g_strstrip (folded);
  for (guint l = 0; l < IMP_N_LEVELS; l++)
    {
      g_autofree char *translated = g_utf8_casefold (imp_vocabulary_level_name (vocabulary, l),
                                                     -1);

      if (g_str_equal (folded, english[vocabulary][l]) || g_str_equal (folded, translated))
        {
          *level = l;
          return TRUE;
        }
    }
  for (guint v = 0; v < IMP_N_VOCABULARIES; v++)
    for (guint l = 0; l < IMP_N_LEVELS; l++)
      if (g_str_equal (folded, english[v][l]))
        {
          *level = l;
          return TRUE;
        }

  return FALSE;
}

/**
 * imp_import_parse_levels:
 * @text: level names separated by commas, "title" allowed first
 * @options: where to store them
 * @error: return location for an error
 *
 * Reads the --levels list: the level of each source depth, from the roots.
 *
 * Returns: whether @text was a list of levels
 */
gboolean
imp_import_parse_levels (const char        *text,
                         ImpImportOptions  *options,
                         GError           **error)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      ImpLevel level;

      g_strstrip (parts[i]);
      if (n >= IMP_IMPORT_MAX_LEVELS)
        {
          g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                       _("at most %d levels can be given"), IMP_IMPORT_MAX_LEVELS);
          return FALSE;
        }
      if (i == 0 && g_ascii_strcasecmp (parts[i], "title") == 0)
        options->levels[n++] = IMP_IMPORT_LEVEL_TITLE;
      else if (_imp_import_level_from_name (options->vocabulary, parts[i], &level))
        {
          if (n > 0 && options->levels[n - 1] != IMP_IMPORT_LEVEL_TITLE &&
              !imp_level_may_parent (options->vocabulary, options->levels[n - 1], level))
            {
              g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                           _("“%s” cannot follow “%s” in this vocabulary"), parts[i],
                           parts[i - 1]);
              return FALSE;
            }
          options->levels[n++] = level;
        }
      else
        {
          g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                       _("unknown level “%s”: use goal, actor, impact, deliverable, experiment, "
                         "or title first"), parts[i]);
          return FALSE;
        }
    }
  if (n == 0)
    {
      g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                           _("the list of levels is empty"));
      return FALSE;
    }
  options->n_levels = n;

  return TRUE;
}

/* ---- the source tree ---------------------------------------------------- */

static void
source_node_free (ImpSourceNode *node)
{
  g_free (node->text);
  if (node->notes != NULL)
    g_string_free (node->notes, TRUE);
  g_free (node->hint);
  g_free (node->id);
  g_free (node->link_label);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static void
source_link_free (ImpSourceLink *link)
{
  g_free (link->from);
  g_free (link->to);
  g_free (link->label);
  g_free (link);
}

/* Freed without recursion: a source tree may be as deep as the limit. */
static void
free_nodes (GPtrArray *roots)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_extend_and_steal (stack, g_ptr_array_ref (roots));
  while (stack->len > 0)
    {
      ImpSourceNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      g_ptr_array_extend (stack, node->children, NULL, NULL);
      g_ptr_array_set_size (node->children, 0);
      source_node_free (node);
    }
}

static void
sheet_free (ImpSourceSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->title);
  free_nodes (sheet->roots);
  g_ptr_array_unref (sheet->roots);
  g_ptr_array_unref (sheet->links);
  for (guint i = 0; i < IMP_N_IGNORED; i++)
    g_ptr_array_unref (sheet->ignored[i]);
  g_hash_table_unref (sheet->ids);
  g_free (sheet);
}

ImpImportSource *
_imp_import_source_new (ImpImportFormat  format,
                        const char      *name)
{
  ImpImportSource *source = g_new0 (ImpImportSource, 1);

  source->format = format;
  source->name = g_strdup (name);
  source->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);

  return source;
}

void
imp_import_source_free (ImpImportSource *source)
{
  if (source == NULL)
    return;

  g_ptr_array_unref (source->sheets);
  g_free (source->name);
  g_free (source);
}

ImpSourceSheet *
_imp_import_source_add_sheet (ImpImportSource *source,
                              const char      *name)
{
  ImpSourceSheet *sheet = g_new0 (ImpSourceSheet, 1);

  sheet->name = g_strdup (name);
  sheet->roots = g_ptr_array_new ();
  sheet->links = g_ptr_array_new_with_free_func ((GDestroyNotify) source_link_free);
  for (guint i = 0; i < IMP_N_IGNORED; i++)
    sheet->ignored[i] = g_ptr_array_new ();
  sheet->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (source->sheets, sheet);

  return sheet;
}

static ImpSourceSheet *
last_sheet (ImpImportSource *source)
{
  if (source->sheets->len == 0)
    return _imp_import_source_add_sheet (source, NULL);

  return g_ptr_array_index (source->sheets, source->sheets->len - 1);
}

/* Text as a card holds it: control characters other than newline and
 * tab would only confuse other programs, and ends are trimmed. */
static char *
clean_text (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\r' && p[1] == '\n')
      *p = ' ';
    else if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';

  return g_strstrip (copy);
}

ImpSourceNode *
_imp_import_source_add_node (ImpImportSource  *source,
                             ImpSourceNode    *parent,
                             const char       *text,
                             const char       *where,
                             GError          **error)
{
  ImpSourceNode *node;
  guint depth = parent != NULL ? parent->depth + 1 : 0;

  if (depth >= IMP_IMPORT_MAX_DEPTH)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the outline nests deeper than %d levels"), where,
                   IMP_IMPORT_MAX_DEPTH);
      return NULL;
    }
  if (source->n_nodes >= IMP_MAX_NODES)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                   _("%s: more than %d nodes"), where, IMP_MAX_NODES);
      return NULL;
    }

  node = g_new0 (ImpSourceNode, 1);
  node->text = clean_text (text);
  node->depth = depth;
  node->parent = parent;
  node->children = g_ptr_array_new ();
  g_ptr_array_add (parent != NULL ? parent->children : last_sheet (source)->roots, node);
  source->n_nodes++;

  return node;
}

void
_imp_source_node_add_note (ImpSourceNode *node,
                           const char    *text)
{
  g_autofree char *clean = clean_text (text);

  if (*clean == '\0')
    return;
  if (node->notes == NULL)
    node->notes = g_string_new (NULL);
  else
    g_string_append_c (node->notes, '\n');
  g_string_append (node->notes, clean);
}

void
_imp_source_node_set_id (ImpImportSource *source,
                         ImpSourceNode   *node,
                         const char      *id)
{
  if (id == NULL || *id == '\0')
    return;

  g_free (node->id);
  node->id = g_strdup (id);
  /* The first node with an id keeps it: links name one node. */
  if (!g_hash_table_contains (last_sheet (source)->ids, id))
    g_hash_table_insert (last_sheet (source)->ids, g_strdup (id), node);
}

ImpSourceNode *
_imp_import_source_lookup (ImpImportSource *source,
                           const char      *id)
{
  return id != NULL ? g_hash_table_lookup (last_sheet (source)->ids, id) : NULL;
}

void
_imp_import_source_add_link (ImpImportSource *source,
                             const char      *from,
                             const char      *to,
                             const char      *label)
{
  ImpSourceLink *link;

  if (from == NULL || to == NULL)
    return;

  link = g_new0 (ImpSourceLink, 1);
  link->from = g_strdup (from);
  link->to = g_strdup (to);
  link->label = label != NULL && *label != '\0' ? clean_text (label) : NULL;
  g_ptr_array_add (last_sheet (source)->links, link);
}

void
_imp_import_source_ignore (ImpImportSource *source,
                           ImpIgnoredKind   kind,
                           ImpSourceNode   *node)
{
  g_ptr_array_add (last_sheet (source)->ignored[kind], node != NULL ? node->text : (char *) "");
}

/* ---- loading ------------------------------------------------------------ */

static const char *
skip_bom_and_space (const char *data,
                    gsize       length)
{
  const char *p = data, *end = data + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  return p;
}

/* The format of a file whose name says nothing, by its first bytes. */
static ImpImportFormat
sniff_format (const char *data,
              gsize       length)
{
  const char *p = skip_bom_and_space (data, length);
  gsize rest = length - (p - data);
  g_autofree char *head = g_strndup (p, MIN (rest, 4096));

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return IMP_IMPORT_XMIND;
  if (*head == '<')
    {
      if (strstr (head, "<opml") != NULL)
        return IMP_IMPORT_OPML;
      if (strstr (head, "<map") != NULL)
        return IMP_IMPORT_FREEMIND;
      return IMP_IMPORT_AUTO;
    }
  if (*head == '{')
    return IMP_IMPORT_MINDMUP;
  if (g_str_has_prefix (head, "flowchart") || g_str_has_prefix (head, "graph") ||
      g_str_has_prefix (head, "mindmap") || g_str_has_prefix (head, "%%") ||
      g_str_has_prefix (head, "---"))
    return IMP_IMPORT_MERMAID;
  {
    const char *eol = strchr (head, '\n');
    g_autofree char *line = eol ? g_strndup (head, eol - head) : g_strdup (head);

    if (strchr (line, ',') != NULL && line[0] != '#' && line[0] != '-' && line[0] != '*')
      return IMP_IMPORT_CSV;
  }

  return IMP_IMPORT_MARKDOWN;
}

/**
 * imp_import_source_load_data:
 * @data: the file's bytes
 * @length: their length
 * @name: (nullable): the file's name, for messages and the format
 * @options: (nullable): the format to read, or %NULL to tell
 * @error: return location for an %IMP_IMPORT_ERROR
 *
 * Reads a map of another tool into a source tree.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error set
 */
ImpImportSource *
imp_import_source_load_data (const char              *data,
                             gsize                    length,
                             const char              *name,
                             const ImpImportOptions  *options,
                             GError                 **error)
{
  g_autoptr(ImpImportSource) source = NULL;
  ImpImportFormat format = options != NULL ? options->format : IMP_IMPORT_AUTO;
  const ImpIoTable *io = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > IMP_MAX_FILE_SIZE)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), IMP_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (format == IMP_IMPORT_AUTO && name != NULL)
    format = imp_import_format_from_path (name);
  if (format == IMP_IMPORT_AUTO)
    format = sniff_format (data, length);
  if (format == IMP_IMPORT_AUTO)
    {
      g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_UNKNOWN_FORMAT,
                           _("not a format Impact Mapper imports (OPML, FreeMind, XMind, "
                             "MindMup, VYM, Mermaid, Markdown or CSV)"));
      return NULL;
    }

  source = _imp_import_source_new (format, name);

  switch (format)
    {
    case IMP_IMPORT_OPML:
      ok = (io = _imp_io_get (error)) != NULL && io->parse_opml (source, data, length, error);
      break;
    case IMP_IMPORT_FREEMIND:
      ok = (io = _imp_io_get (error)) != NULL && io->parse_freemind (source, data, length, error);
      break;
    case IMP_IMPORT_MARKDOWN:
      ok = _imp_import_parse_markdown (source, data, length, error);
      break;
    case IMP_IMPORT_CSV:
      ok = _imp_import_parse_csv (source, data, length, error);
      break;
    case IMP_IMPORT_MERMAID:
      ok = _imp_import_parse_mermaid (source, data, length, error);
      break;
    case IMP_IMPORT_XMIND:
      ok = (io = _imp_io_get (error)) != NULL && io->parse_xmind (source, data, length, error);
      break;
    case IMP_IMPORT_VYM:
      ok = (io = _imp_io_get (error)) != NULL && io->parse_vym (source, data, length, error);
      break;
    case IMP_IMPORT_MINDMUP:
      ok = (io = _imp_io_get (error)) != NULL && io->parse_mindmup (source, data, length, error);
      break;
    case IMP_IMPORT_AUTO:
    case IMP_N_IMPORT_FORMATS:
    default:
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("importing %s is not supported yet"), imp_import_format_display_name (format));
      return NULL;
    }

  if (!ok)
    return NULL;

  if (source->n_nodes == 0)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_EMPTY,
                   _("the file holds no node to import (is it really %s?)"),
                   imp_import_format_display_name (format));
      return NULL;
    }

  return g_steal_pointer (&source);
}

ImpImportSource *
imp_import_source_load_path (const char              *path,
                             const ImpImportOptions  *options,
                             GError                 **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* Not a regular file (a pipe, a folder) is refused before reading. */
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > IMP_MAX_FILE_SIZE)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), IMP_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return imp_import_source_load_data (data, length, path, options, error);
}

ImpImportFormat
imp_import_source_get_format (ImpImportSource *source)
{
  g_return_val_if_fail (source != NULL, IMP_IMPORT_AUTO);

  return source->format;
}

guint
imp_import_source_get_n_nodes (ImpImportSource *source)
{
  g_return_val_if_fail (source != NULL, 0);

  return source->n_nodes;
}

guint
imp_import_source_get_n_sheets (ImpImportSource *source)
{
  g_return_val_if_fail (source != NULL, 0);

  return MAX (source->sheets->len, 1);
}

const char *
imp_import_source_get_sheet_name (ImpImportSource *source,
                                  guint            sheet)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (sheet >= source->sheets->len)
    return NULL;

  return ((ImpSourceSheet *) g_ptr_array_index (source->sheets, sheet))->name;
}

static void
list_texts (GPtrArray *out,
            GPtrArray *nodes)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      ImpSourceNode *node = g_ptr_array_index (nodes, i);

      g_ptr_array_add (out, node->text);
      list_texts (out, node->children);
    }
}

/**
 * imp_import_source_list_texts:
 * @source: a source
 * @sheet: a sheet
 *
 * Returns: (transfer container) (element-type utf8): every node's text,
 *   depth first in the source's order
 */
GPtrArray *
imp_import_source_list_texts (ImpImportSource *source,
                              guint            sheet)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (source != NULL, out);

  if (sheet < source->sheets->len)
    list_texts (out, ((ImpSourceSheet *) g_ptr_array_index (source->sheets, sheet))->roots);

  return out;
}

/* ---- mapping ------------------------------------------------------------ */

typedef struct
{
  ImpMap          *map;
  ImpVocabulary    vocabulary;
  int              levels[IMP_IMPORT_MAX_LEVELS];
  guint            n_levels;
  ImpImportReport *report;
  GHashTable      *cards;   /* ImpSourceNode → ImpNode, or NULL when folded */
  GString         *title;
  GString         *pending_notes; /* notes of a title node, for its first card */
} Mapper;

static void
set_default_levels (Mapper                 *self,
                    const ImpImportOptions *options)
{
  int chain[IMP_N_LEVELS];
  guint n_chain = 0;
  ImpLevel level = IMP_LEVEL_GOAL;

  chain[n_chain++] = level;
  while (imp_level_new_child (self->vocabulary, level, &level))
    chain[n_chain++] = level;

  if (options->n_levels > 0)
    {
      memcpy (self->levels, options->levels, sizeof self->levels);
      self->n_levels = options->n_levels;
      return;
    }

  self->n_levels = 0;
  if (options->shift > 0)
    self->levels[self->n_levels++] = IMP_IMPORT_LEVEL_TITLE;
  for (guint i = MIN ((guint) MAX (-options->shift, 0), n_chain - 1); i < n_chain; i++)
    self->levels[self->n_levels++] = chain[i];
}

static void
append_indented (GString    *out,
                 guint       indent,
                 const char *prefix,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      for (guint j = 0; j < indent; j++)
        g_string_append (out, "  ");
      g_string_append (out, i == 0 ? prefix : (*prefix ? "  " : ""));
      g_string_append (out, lines[i]);
    }
}

/* A node with no level left: a bullet in the notes of @card, its own
 * notes and its descendants indented under it, in the source's order. */
static void
fold_into (Mapper        *self,
           ImpSourceNode *src,
           GString       *notes,
           guint          indent)
{
  g_ptr_array_add (self->report->folded, src->text);
  g_hash_table_insert (self->cards, src, NULL);
  append_indented (notes, indent, "- ", src->text);
  if (src->notes != NULL)
    append_indented (notes, indent + 1, "", src->notes->str);
  for (guint i = 0; i < src->children->len; i++)
    fold_into (self, g_ptr_array_index (src->children, i), notes, indent + 1);
}

static ImpNode *
add_card (Mapper        *self,
          ImpSourceNode *src,
          ImpLevel       level,
          ImpNode       *parent)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  ImpNode *card;

  if (g_utf8_strlen (src->text, -1) > IMP_MAX_TITLE_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (src->text, IMP_MAX_TITLE_CHARS - 1);

      g_autofree char *head = g_strndup (src->text, end - src->text);

      title = g_strconcat (head, "…", NULL);
      g_string_append (notes, src->text);
      g_ptr_array_add (self->report->shortened, src->text);
    }
  else
    title = g_strdup (src->text);

  if (self->pending_notes != NULL)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, self->pending_notes->str);
      g_string_free (self->pending_notes, TRUE);
      self->pending_notes = NULL;
    }
  if (src->notes != NULL)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, src->notes->str);
    }

  card = _imp_map_add_node (self->map, level, title, NULL, NULL);
  g_assert (card != NULL);
  if (parent != NULL)
    {
      ImpLink *link = _imp_map_link (self->map, parent, card, -1, NULL);

      if (link != NULL && src->link_label != NULL)
        _imp_map_set_link_assumption (self->map, link, src->link_label);
    }
  if (notes->len > 0)
    _imp_map_set_node_notes (self->map, card, notes->str);
  g_hash_table_insert (self->cards, src, card);
  self->report->n_cards++;
  self->report->per_level[level]++;

  return card;
}

static void
map_node (Mapper        *self,
          ImpSourceNode *src,
          ImpNode       *parent,
          guint          depth)
{
  int want = depth < self->n_levels ? self->levels[depth] : -2;
  ImpLevel level = IMP_LEVEL_GOAL;
  gboolean placed = FALSE;
  ImpLevel hinted;
  ImpNode *card;

  gboolean title_by_hint = parent == NULL && src->hint != NULL &&
                           g_ascii_strcasecmp (src->hint, "title") == 0;

  if ((want == IMP_IMPORT_LEVEL_TITLE || title_by_hint) && parent == NULL)
    {
      /* The source's root names the map; its children are the goals. */
      if (self->title->len > 0)
        g_string_append (self->title, " · ");
      g_string_append (self->title, src->text);
      g_hash_table_insert (self->cards, src, NULL);
      if (src->notes != NULL)
        {
          if (self->pending_notes == NULL)
            self->pending_notes = g_string_new (NULL);
          else
            g_string_append_c (self->pending_notes, '\n');
          g_string_append (self->pending_notes, src->notes->str);
        }
      /* A title the source names takes no depth of the mapping. */
      for (guint i = 0; i < src->children->len; i++)
        map_node (self, g_ptr_array_index (src->children, i), NULL,
                  want == IMP_IMPORT_LEVEL_TITLE ? depth + 1 : depth);
      if (self->pending_notes != NULL && src->children->len == 0)
        {
          /* Nothing under it to hold its notes: a goal of its own. */
          g_string_free (self->pending_notes, TRUE);
          self->pending_notes = NULL;
          add_card (self, src, IMP_LEVEL_GOAL, NULL);
        }
      return;
    }

  if (_imp_import_level_from_name (self->vocabulary, src->hint, &hinted) &&
      (parent == NULL || imp_level_may_parent (self->vocabulary, parent->level, hinted)))
    level = hinted, placed = TRUE;
  else if (want >= 0 && (parent == NULL ||
                         imp_level_may_parent (self->vocabulary, parent->level, want)))
    level = want, placed = TRUE;
  else if (parent != NULL && want >= 0)
    placed = imp_level_new_child (self->vocabulary, parent->level, &level);
  else if (parent == NULL)
    level = IMP_LEVEL_GOAL, placed = TRUE;

  if (!placed)
    {
      g_autoptr(GString) notes = g_string_new (parent->notes);

      fold_into (self, src, notes, 0);
      _imp_map_set_node_notes (self->map, parent, notes->str);
      return;
    }

  card = add_card (self, src, level, parent);
  for (guint i = 0; i < src->children->len; i++)
    map_node (self, g_ptr_array_index (src->children, i), card, depth + 1);

  if (src->folded && card->children->len > 0)
    {
      _imp_map_set_node_collapsed (self->map, card, TRUE);
      self->report->n_collapsed++;
    }
}

static char *
quote_name (const char *text)
{
  g_autofree char *line = g_strdup (text);
  const char *end;

  g_strdelimit (line, "\n\t", ' ');
  if (g_utf8_strlen (line, -1) > 40)
    {
      end = g_utf8_offset_to_pointer (line, 39);
      return g_strdup_printf ("“%.*s…”", (int) (end - line), line);
    }

  return g_strdup_printf ("“%s”", line);
}

static void
map_links (Mapper         *self,
           ImpSourceSheet *sheet)
{
  for (guint i = 0; i < sheet->links->len; i++)
    {
      ImpSourceLink *link = g_ptr_array_index (sheet->links, i);
      ImpSourceNode *from = g_hash_table_lookup (sheet->ids, link->from);
      ImpSourceNode *to = g_hash_table_lookup (sheet->ids, link->to);
      ImpNode *a, *b;
      ImpLink *made = NULL;

      if (from == NULL || to == NULL || from == to)
        continue;

      a = g_hash_table_lookup (self->cards, from);
      b = g_hash_table_lookup (self->cards, to);
      if (a != NULL && b != NULL)
        {
          /* The same link twice is one; the reverse of one closes a cycle. */
          if (imp_map_find_link (self->map, a, b))
            continue;
          if (imp_map_can_link (self->map, a, b, NULL))
            made = _imp_map_link (self->map, a, b, -1, NULL);
          else if (imp_map_can_link (self->map, b, a, NULL))
            made = _imp_map_link (self->map, b, a, -1, NULL);
        }
      if (made != NULL)
        {
          if (link->label != NULL)
            _imp_map_set_link_assumption (self->map, made, link->label);
          self->report->n_cross++;
        }
      else
        {
          g_autofree char *qa = quote_name (from->text);
          g_autofree char *qb = quote_name (to->text);

          g_ptr_array_add (self->report->dropped, g_strdup_printf ("%s → %s", qa, qb));
        }
    }
}

static ImpImportReport *
report_new (void)
{
  ImpImportReport *report = g_new0 (ImpImportReport, 1);

  report->folded = g_ptr_array_new_with_free_func (g_free);
  report->dropped = g_ptr_array_new_with_free_func (g_free);
  report->shortened = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < IMP_N_IGNORED; i++)
    report->ignored[i] = g_ptr_array_new_with_free_func (g_free);

  return report;
}

static gpointer
copy_text (gconstpointer text,
           gpointer      user_data)
{
  return g_strdup (text);
}

/* The report keeps copies: it outlives the source. */
static void
copy_texts (GPtrArray *array)
{
  for (guint i = 0; i < array->len; i++)
    array->pdata[i] = g_strdup (array->pdata[i]);
}

/**
 * imp_import_source_to_map:
 * @source: a source from imp_import_source_load_data()
 * @options: the vocabulary, levels and sheet
 * @report: (out) (optional) (transfer full): what changed on the way
 * @error: return location for an error
 *
 * Maps the source's depths onto levels: each node takes its source's level
 * hint where the level fits under its parent, else the level of its depth,
 * else the next level right of its parent; a node for which no level is
 * left becomes notes of its nearest card. Several roots make several goals.
 * Cross-links are kept where the levels allow a link, in either direction.
 *
 * Returns: (transfer full) (nullable): a new map, or %NULL with @error set
 */
ImpMap *
imp_import_source_to_map (ImpImportSource         *source,
                          const ImpImportOptions  *options,
                          ImpImportReport        **report,
                          GError                 **error)
{
  g_autoptr(ImpImportReport) rep = report_new ();
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(GHashTable) cards = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  ImpImportOptions defaults;
  ImpSourceSheet *sheet;
  Mapper self = { 0, };

  g_return_val_if_fail (source != NULL, NULL);

  if (options == NULL)
    {
      imp_import_options_init (&defaults);
      options = &defaults;
    }

  if (options->sheet >= source->sheets->len)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_NO_SUCH_SHEET,
                   g_dngettext (GETTEXT_PACKAGE, "there is no sheet %u: the file has %u sheet",
                                "there is no sheet %u: the file has %u sheets",
                                source->sheets->len),
                   options->sheet + 1, source->sheets->len);
      return NULL;
    }
  sheet = g_ptr_array_index (source->sheets, options->sheet);

  _imp_map_set_vocabulary (map, options->vocabulary);
  self.map = map;
  self.vocabulary = options->vocabulary;
  self.report = rep;
  self.cards = cards;
  self.title = title;
  set_default_levels (&self, options);

  rep->format = source->format;
  rep->sheet = options->sheet;
  rep->n_sheets = source->sheets->len;
  rep->sheet_name = g_strdup (sheet->name);

  for (guint i = 0; i < sheet->roots->len; i++)
    map_node (&self, g_ptr_array_index (sheet->roots, i), NULL, 0);
  if (self.pending_notes != NULL)
    g_string_free (self.pending_notes, TRUE);
  map_links (&self, sheet);
  /* From here on the report owns its texts, on every way out. */
  copy_texts (rep->shortened);
  copy_texts (rep->folded);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (!imp_limits_check_text (IMP_TEXT_NOTES, node->notes, NULL))
        {
          g_autofree char *name = quote_name (node->title);

          g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                       _("the notes of %s would be longer than the limit of %d characters; "
                         "choose more levels or fewer nodes under it"),
                       name, IMP_MAX_NOTES_CHARS);
          return NULL;
        }
    }

  if (title->len > 0)
    rep->title_from = g_strdup (title->str);
  else if (sheet->title != NULL)
    g_string_assign (title, sheet->title);
  else if (imp_map_get_n_nodes (map) > 0)
    g_string_assign (title, imp_map_get_node (map, 0)->title);
  {
    g_autofree char *clean = clean_text (title->str);

    g_strdelimit (clean, "\n\t", ' ');
    if (g_utf8_strlen (clean, -1) > IMP_MAX_TEXT_CHARS)
      *g_utf8_offset_to_pointer (clean, IMP_MAX_TEXT_CHARS) = '\0';
    _imp_map_set_title (map, clean);
  }

  for (guint i = 0; i < IMP_N_IGNORED; i++)
    {
      g_ptr_array_extend (rep->ignored[i], sheet->ignored[i], copy_text, NULL);
    }
  rep->n_source = 0;
  {
    g_autoptr(GPtrArray) texts = imp_import_source_list_texts (source, options->sheet);

    rep->n_source = texts->len;
  }

  if (report != NULL)
    *report = g_steal_pointer (&rep);

  /* The map as its file holds it: a parent's cross-links in the order the
   * writer gives them (by their child's place), not the source's order, so
   * the map imported and the map saved and opened again are the same. */
  {
    gsize length;
    g_autofree char *saved = imp_format_save_to_data (map, &length);
    ImpMap *canonical = imp_format_load_data (saved, length, NULL);

    /* (the map made here is freed on the way out) */
    if (canonical != NULL)
      return canonical;
  }

  return g_steal_pointer (&map);
}

ImpMap *
imp_import_path (const char              *path,
                 const ImpImportOptions  *options,
                 ImpImportReport        **report,
                 GError                 **error)
{
  g_autoptr(ImpImportSource) source = imp_import_source_load_path (path, options, error);

  if (source == NULL)
    return NULL;

  return imp_import_source_to_map (source, options, report, error);
}

/* ---- the report --------------------------------------------------------- */

void
imp_import_report_free (ImpImportReport *report)
{
  if (report == NULL)
    return;

  g_free (report->sheet_name);
  g_free (report->title_from);
  g_ptr_array_unref (report->folded);
  g_ptr_array_unref (report->dropped);
  g_ptr_array_unref (report->shortened);
  for (guint i = 0; i < IMP_N_IGNORED; i++)
    g_ptr_array_unref (report->ignored[i]);
  g_free (report);
}

guint
imp_import_report_get_n_folded (ImpImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->folded->len;
}

guint
imp_import_report_get_n_dropped_links (ImpImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->dropped->len;
}

/* "“A”, “B” and 3 more": names quoted, the list cut after ten. */
static char *
name_list (GPtrArray *texts,
           gboolean   quote)
{
  GString *out = g_string_new (NULL);
  guint shown = MIN (texts->len, 10);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *name = quote ? quote_name (texts->pdata[i]) : g_strdup (texts->pdata[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }
  if (texts->len > shown)
    /* TRANSLATORS: the end of a list of names cut short */
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                texts->len - shown),
                              texts->len - shown);
    }

  return g_string_free (out, FALSE);
}

/* "3 actors": literal formats, so that gettext sees every plural. */
static char *
level_count (ImpLevel level,
             guint    n)
{
  switch (level)
    {
    case IMP_LEVEL_GOAL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", n), n);
    case IMP_LEVEL_ACTOR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n), n);
    case IMP_LEVEL_IMPACT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u impact", "%u impacts", n), n);
    case IMP_LEVEL_DELIVERABLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deliverable", "%u deliverables",
                                           n), n);
    case IMP_LEVEL_EXPERIMENT:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u experiment", "%u experiments",
                                           n), n);
    }
}

static void
take_line (GStrvBuilder *builder,
           char         *line)
{
  g_strv_builder_add (builder, line);
  g_free (line);
}

/**
 * imp_import_report_get_lines:
 * @report: a report
 *
 * Returns: (transfer full): what the import did and changed, one sentence
 *   a line: first the counts, then everything left out or changed, with
 *   names
 */
char **
imp_import_report_get_lines (ImpImportReport *report)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GString) levels = g_string_new (NULL);
  gboolean changed = FALSE;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    if (report->per_level[l] > 0)
      {
        if (levels->len > 0)
          g_string_append (levels, ", ");
        {
          g_autofree char *count = level_count (l, report->per_level[l]);

          g_string_append (levels, count);
        }
      }

  take_line (lines,
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "Imported %u node from %s as %u cards (%s).",
                                  "Imported %u nodes from %s as %u cards (%s).",
                                  report->n_source),
                     report->n_source, imp_import_format_display_name (report->format),
                     report->n_cards, levels->str));

  if (report->n_sheets > 1)
    take_line (lines,
      g_strdup_printf (_("Sheet %u of %u, “%s”; the others were not imported."),
                       report->sheet + 1, report->n_sheets,
                       report->sheet_name != NULL ? report->sheet_name : ""));
  if (report->title_from != NULL)
    take_line (lines, g_strdup_printf (_("“%s” became the map’s title."),
                                                 report->title_from));
  if (report->folded->len > 0)
    {
      g_autofree char *names = name_list (report->folded, TRUE);

      changed = TRUE;
      take_line (lines,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u node below the last level became notes of its "
                                      "nearest card: %s.",
                                      "%u nodes below the last level became notes of their "
                                      "nearest card: %s.", report->folded->len),
                         report->folded->len, names));
    }
  if (report->n_cross > 0)
    take_line (lines,
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cross-link kept.",
                                    "%u cross-links kept.", report->n_cross),
                       report->n_cross));
  if (report->dropped->len > 0)
    {
      g_autofree char *names = name_list (report->dropped, FALSE);

      changed = TRUE;
      take_line (lines,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u cross-link did not fit the levels and was left "
                                      "out: %s.",
                                      "%u cross-links did not fit the levels and were left "
                                      "out: %s.", report->dropped->len),
                         report->dropped->len, names));
    }
  if (report->shortened->len > 0)
    {
      g_autofree char *names = name_list (report->shortened, TRUE);

      changed = TRUE;
      take_line (lines,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u title was too long for a card and was shortened; "
                                      "the whole text is in its notes: %s.",
                                      "%u titles were too long for a card and were shortened; "
                                      "the whole texts are in their notes: %s.",
                                      report->shortened->len),
                         report->shortened->len, names));
    }
  for (guint i = 0; i < IMP_N_IGNORED; i++)
    {
      GPtrArray *on = report->ignored[i];
      g_autofree char *names = NULL;
      char *line;

      if (on->len == 0)
        continue;
      changed = TRUE;
      names = name_list (on, TRUE);
      switch (i)
        {
        case IMP_IGNORED_ICONS:
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u icon ignored, on %s.",
                                               "%u icons ignored, on %s.", on->len),
                                  on->len, names);
          break;
        case IMP_IGNORED_IMAGES:
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image ignored, on %s.",
                                               "%u images ignored, on %s.", on->len),
                                  on->len, names);
          break;
        case IMP_IGNORED_ATTACHMENTS:
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u link or attachment kept only as a note, "
                                               "on %s.",
                                               "%u links or attachments kept only as notes, "
                                               "on %s.", on->len),
                                  on->len, names);
          break;
        case IMP_IGNORED_FORMATTING:
        default:
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Formatting (colours, fonts, styles) ignored "
                                               "on %u node: %s.",
                                               "Formatting (colours, fonts, styles) ignored "
                                               "on %u nodes: %s.", on->len),
                                  on->len, names);
          break;
        }
      take_line (lines, line);
    }
  if (report->n_collapsed > 0)
    take_line (lines,
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u folded branch stays collapsed.",
                                    "%u folded branches stay collapsed.", report->n_collapsed),
                       report->n_collapsed));
  if (!changed)
    g_strv_builder_add (lines, _("Nothing was left out or changed."));

  return g_strv_builder_end (lines);
}
