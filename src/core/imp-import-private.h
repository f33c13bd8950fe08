/* imp-import-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-import.h"

G_BEGIN_DECLS

/* What an importer builds: a tree of texts with no levels, which
 * imp-import.c maps onto a map's levels. */

typedef struct _ImpSourceNode ImpSourceNode;

struct _ImpSourceNode
{
  char          *text;
  GString       *notes;     /* NULL when none */
  char          *hint;      /* a level the source names (class, column), or NULL */
  char          *id;        /* the source's id, for cross-links, or NULL */
  char          *link_label; /* the label of the edge from its parent, or NULL */
  gboolean       folded;
  guint          depth;
  ImpSourceNode *parent;
  GPtrArray     *children;  /* (element-type ImpSourceNode) owned */
};

typedef struct
{
  char *from;               /* source ids */
  char *to;
  char *label;
} ImpSourceLink;

/* What the source had that a map does not keep, by kind. */
typedef enum
{
  IMP_IGNORED_ICONS,
  IMP_IGNORED_IMAGES,
  IMP_IGNORED_FORMATTING,
  IMP_IGNORED_ATTACHMENTS,
  IMP_N_IGNORED,
} ImpIgnoredKind;

typedef struct
{
  char      *name;
  char      *title;         /* NULL: the first root's text titles the map */
  GPtrArray *roots;         /* (element-type ImpSourceNode) owned */
  GPtrArray *links;         /* (element-type ImpSourceLink) owned */
  GPtrArray *ignored[IMP_N_IGNORED]; /* node texts, one per thing ignored */
  GHashTable *ids;          /* id → ImpSourceNode */
} ImpSourceSheet;

struct _ImpImportSource
{
  ImpImportFormat format;
  char           *name;
  GPtrArray      *sheets;   /* (element-type ImpSourceSheet) owned */
  guint           n_nodes;
};

ImpImportSource *_imp_import_source_new     (ImpImportFormat  format,
                                             const char      *name);
ImpSourceSheet  *_imp_import_source_add_sheet (ImpImportSource *source,
                                             const char      *name);
/* Adds a node under @parent (NULL: a root of the last sheet); fails past
 * IMP_IMPORT_MAX_DEPTH or IMP_MAX_NODES with IMP_IMPORT_ERROR_TOO_LARGE,
 * @where naming the place in the file. @text is cleaned up: NULL reads as
 * empty, and control characters other than newline and tab become spaces. */
ImpSourceNode   *_imp_import_source_add_node (ImpImportSource *source,
                                             ImpSourceNode   *parent,
                                             const char      *text,
                                             const char      *where,
                                             GError         **error);
void             _imp_source_node_add_note  (ImpSourceNode   *node,
                                             const char      *text);
void             _imp_source_node_set_id    (ImpImportSource *source,
                                             ImpSourceNode   *node,
                                             const char      *id);
ImpSourceNode   *_imp_import_source_lookup  (ImpImportSource *source,
                                             const char      *id);
void             _imp_import_source_add_link (ImpImportSource *source,
                                             const char      *from,
                                             const char      *to,
                                             const char      *label);
void             _imp_import_source_ignore  (ImpImportSource *source,
                                             ImpIgnoredKind   kind,
                                             ImpSourceNode   *node);

/* The parsers, one per format family. Each fills @source or fails. */
gboolean _imp_import_parse_opml       (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_freemind   (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_markdown   (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_mermaid   (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_xmind     (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_vym       (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_mindmup   (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
gboolean _imp_import_parse_csv        (ImpImportSource *source,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);

#include <json-glib/json-glib.h>

/* A JSON document, its depth checked before json-glib's recursive parser. */
JsonNode *_imp_import_read_json       (const char      *data,
                                       gsize            length,
                                       const char      *what,
                                       GError         **error);

/* The level a name means in @vocabulary ("outcome", "Who", "Goal"). */
gboolean _imp_import_level_from_name  (ImpVocabulary    vocabulary,
                                       const char      *name,
                                       ImpLevel        *level);

G_END_DECLS
