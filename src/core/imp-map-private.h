/* imp-map-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/* The map's mutators, private to the core: the reader, the history, the
 * templates and the tests build and change maps with them. Everything
 * else (the window, the inspector, the canvas) changes a map only through
 * its ImpHistory (imp-history.h), so that every edit can be undone and
 * "modified" is the history's to say. */

void           _imp_map_set_title           (ImpMap         *self,
                                             const char     *title);
gboolean       _imp_map_set_vocabulary      (ImpMap         *self,
                                             ImpVocabulary   vocabulary);
void           _imp_map_set_layout          (ImpMap         *self,
                                             ImpLayoutKind   kind);
void           _imp_map_set_extra           (ImpMap         *self,
                                             JsonObject     *extra);
ImpNode       *_imp_map_add_node            (ImpMap         *self,
                                             ImpLevel        level,
                                             const char     *title,
                                             const char     *id,
                                             GError        **error);
void           _imp_map_remove_node         (ImpMap         *self,
                                             ImpNode        *node);
ImpLink       *_imp_map_link                (ImpMap         *self,
                                             ImpNode        *parent,
                                             ImpNode        *child,
                                             int             position,
                                             GError        **error);
void           _imp_map_unlink              (ImpMap         *self,
                                             ImpLink        *link);
ImpLink       *_imp_map_link_full           (ImpMap         *self,
                                             ImpNode        *parent,
                                             ImpNode        *child,
                                             int             position,
                                             int             parent_position,
                                             GError        **error);
void           _imp_map_move_link           (ImpMap         *self,
                                             ImpLink        *link,
                                             guint           position);
void           _imp_map_move_link_in_parents (ImpMap        *self,
                                             ImpLink        *link,
                                             guint           parent_position);
void           _imp_map_move_node_to_index  (ImpMap         *self,
                                             ImpNode        *node,
                                             guint           position);
void           _imp_map_set_node_extra      (ImpMap         *self,
                                             ImpNode        *node,
                                             JsonObject     *extra);
void           _imp_map_set_link_extra      (ImpMap         *self,
                                             ImpLink        *link,
                                             JsonObject     *extra);
void           _imp_map_set_node_title      (ImpMap         *self,
                                             ImpNode        *node,
                                             const char     *title);
void           _imp_map_set_node_notes      (ImpMap         *self,
                                             ImpNode        *node,
                                             const char     *notes);
gboolean       _imp_map_set_node_level      (ImpMap         *self,
                                             ImpNode        *node,
                                             ImpLevel        level,
                                             GError        **error);
void           _imp_map_set_node_position   (ImpMap         *self,
                                             ImpNode        *node,
                                             gboolean        pinned,
                                             double          x,
                                             double          y);
/* The pin in @kind's layout; _imp_map_set_node_position() sets the one of
 * the map's own layout. */
void           _imp_map_set_node_pin        (ImpMap         *self,
                                             ImpNode        *node,
                                             ImpLayoutKind   kind,
                                             gboolean        pinned,
                                             double          x,
                                             double          y);
void           _imp_map_set_node_collapsed  (ImpMap         *self,
                                             ImpNode        *node,
                                             gboolean        collapsed);
void           _imp_map_set_node_metric     (ImpMap         *self,
                                             ImpNode        *node,
                                             const ImpMetric *metric);
gboolean       _imp_map_set_node_ice        (ImpMap         *self,
                                             ImpNode        *node,
                                             const ImpIce   *ice,
                                             GError        **error);
gboolean       _imp_map_set_node_delivery   (ImpMap         *self,
                                             ImpNode        *node,
                                             const ImpDelivery *delivery,
                                             GError        **error);
void           _imp_map_set_node_experiment (ImpMap         *self,
                                             ImpNode        *node,
                                             const ImpExperiment *experiment);
void           _imp_map_set_link_assumption (ImpMap         *self,
                                             ImpLink        *link,
                                             const char     *assumption);
void           _imp_map_set_link_confidence (ImpMap         *self,
                                             ImpLink        *link,
                                             ImpConfidence   confidence);
void           _imp_map_set_link_status     (ImpMap         *self,
                                             ImpLink        *link,
                                             ImpLinkStatus   status);
void           _imp_map_set_node_votes      (ImpMap         *self,
                                             ImpNode        *node,
                                             guint           votes);
void           _imp_map_set_vote_budget     (ImpMap         *self,
                                             guint           participants,
                                             guint           dots);
void           _imp_map_insert_parked       (ImpMap         *self,
                                             int             position,
                                             const char     *text);
void           _imp_map_remove_parked       (ImpMap         *self,
                                             guint           position);
/* Replaces (or with %NULL @value removes) the top-level member @name of
 * the map's extra members, copying @value; the reviews and the primary
 * goal live there (imp-review.h). */
void           _imp_map_set_extra_member    (ImpMap         *self,
                                             const char     *name,
                                             JsonNode       *value);
void           _imp_map_set_id_seed         (ImpMap         *self,
                                             guint32         seed);
/* The "conflicts" member of the map's extra (imp-merge.h), as JSON text of
 * an array; NULL or an empty array removes it. */
void           _imp_map_set_conflicts       (ImpMap         *self,
                                             const char     *json);
char          *_imp_map_dup_conflicts       (ImpMap         *self);

G_END_DECLS
