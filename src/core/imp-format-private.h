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

G_END_DECLS
