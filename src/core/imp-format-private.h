/* imp-format-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "imp-map.h"
#include "imp-types.h"
#include "imp-writer-private.h"

G_BEGIN_DECLS

/* The members the reader knows (imp-format-read.c) and the writer writes in
 * this order (imp-format-write.c); any others are kept as extra members. */
extern const char * const _imp_format_top_members[];
extern const char * const _imp_format_node_members[];
extern const char * const _imp_format_position_members[];
extern const char * const _imp_format_layout_positions_members[];
extern const char * const _imp_format_metric_members[];
extern const char * const _imp_format_ice_members[];
extern const char * const _imp_format_experiment_members[];
extern const char * const _imp_format_link_members[];
extern const char * const _imp_format_vote_budget_members[];
extern const char * const _imp_format_reading_members[];
extern const char * const _imp_format_delivery_members[];

/* The writer's test hook under the names the tests of saving use: a save
 * is a write of ImpWriter (imp-writer-private.h). */
typedef ImpWriterFault ImpFormatFault;

#define IMP_FORMAT_FAULT_NONE   IMP_WRITER_FAULT_NONE
#define IMP_FORMAT_FAULT_CREATE IMP_WRITER_FAULT_CREATE
#define IMP_FORMAT_FAULT_WRITE  IMP_WRITER_FAULT_WRITE
#define IMP_FORMAT_FAULT_SYNC   IMP_WRITER_FAULT_SYNC
#define IMP_FORMAT_FAULT_RENAME IMP_WRITER_FAULT_RENAME

#define _imp_format_set_fault _imp_writer_set_fault

gboolean _imp_format_level_has_payload (ImpLevel    level,
                                        const char *member);

/* The document in parts for the diff and the merge (imp-format-write.c). */
char    *_imp_format_save_parts        (ImpMap     *map,
                                        GPtrArray  *nodes,
                                        GPtrArray  *node_texts,
                                        GPtrArray  *links,
                                        GPtrArray  *link_texts);
char    *_imp_format_node_to_data      (ImpNode    *node);

/* Where a well-formed document's top-level "nodes" and "links" arrays are
 * (offsets of their "[" and "]") and each element of "nodes" (pairs of
 * start and end offsets), so the reader can read a few cards at a time
 * (imp-format-split.c). */
typedef struct
{
  gsize   nodes_open;
  gsize   nodes_close;
  gsize   links_open;
  gsize   links_close;
  GArray *nodes;
} ImpFormatSplit;

gboolean _imp_format_split          (const char           *data,
                                     gsize                 length,
                                     ImpFormatSplit       *split);
void     _imp_format_split_clear    (ImpFormatSplit       *split);
char    *_imp_format_split_skeleton (const char           *data,
                                     gsize                 length,
                                     const ImpFormatSplit *split,
                                     gsize                *skeleton_length);

G_END_DECLS
