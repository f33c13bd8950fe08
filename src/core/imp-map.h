/* imp-map.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-node.h"

G_BEGIN_DECLS

#define IMP_MAP_ERROR (imp_map_error_quark ())

typedef enum
{
  IMP_MAP_ERROR_DUPLICATE_ID,
  IMP_MAP_ERROR_INVALID_ID,
  IMP_MAP_ERROR_LEVEL_MISMATCH,
  IMP_MAP_ERROR_DUPLICATE_LINK,
  IMP_MAP_ERROR_CYCLE,
  IMP_MAP_ERROR_INVALID_VALUE,
} ImpMapError;

/**
 * ImpChangeKind:
 *
 * What the #ImpMap::changed signal says changed, so observers redo only the
 * work that depends on it. The object is the node or link concerned, or NULL.
 */
typedef enum
{
  IMP_CHANGE_EVERYTHING,     /* object NULL: reloaded or replaced wholesale */
  IMP_CHANGE_MAP_TITLE,      /* object NULL */
  IMP_CHANGE_VOCABULARY,     /* object NULL */
  IMP_CHANGE_NODE_ADDED,     /* object: ImpNode */
  IMP_CHANGE_NODE_REMOVED,   /* object: ImpNode, still valid during emission */
  IMP_CHANGE_NODE_TEXT,      /* object: ImpNode; title, notes or level: size may change */
  IMP_CHANGE_NODE_PAYLOAD,   /* object: ImpNode; metric, ICE or experiment */
  IMP_CHANGE_NODE_POSITION,  /* object: ImpNode; pinned, x, y */
  IMP_CHANGE_NODE_COLLAPSED, /* object: ImpNode */
  IMP_CHANGE_LINK_ADDED,     /* object: ImpLink */
  IMP_CHANGE_LINK_REMOVED,   /* object: ImpLink, still valid during emission */
  IMP_CHANGE_LINK_CHANGED,   /* object: ImpLink; assumption, confidence, status */
  IMP_CHANGE_NODE_VOTES,     /* object: ImpNode */
  IMP_CHANGE_PARKING_LOT,    /* object NULL */
  IMP_CHANGE_VOTE_BUDGET,    /* object NULL */

  IMP_CHANGE_LAYOUT,         /* object NULL: the map's layout kind */
  IMP_CHANGE_REVIEWS,        /* object NULL: the reviews or the primary goal (imp-review.h) */
  IMP_CHANGE_CONFLICTS,      /* object NULL: a merge's conflict records (imp-merge.h) */
} ImpChangeKind;

#define IMP_TYPE_MAP (imp_map_get_type ())

G_DECLARE_FINAL_TYPE (ImpMap, imp_map, IMP, MAP, GObject)

GQuark         imp_map_error_quark         (void);

ImpMap        *imp_map_new                 (void);
ImpMap        *imp_map_new_with_goal       (const char     *goal_title);
ImpMap        *imp_map_new_for_vocabulary  (const char     *goal_title,
                                            ImpVocabulary   vocabulary);
ImpMap        *imp_map_copy_branches       (ImpMap         *self,
                                            ImpNode       **roots,
                                            guint           n_roots);

const char    *imp_map_get_title           (ImpMap         *self);
ImpVocabulary  imp_map_get_vocabulary      (ImpMap         *self);
gboolean       imp_map_check_vocabulary    (ImpMap         *self,
                                            ImpVocabulary   vocabulary,
                                            GError        **error);
ImpLayoutKind  imp_map_get_layout          (ImpMap         *self);
JsonObject    *imp_map_get_extra           (ImpMap         *self);

guint          imp_map_get_n_nodes         (ImpMap         *self);
ImpNode       *imp_map_get_node            (ImpMap         *self,
                                            guint           position);
ImpNode       *imp_map_lookup_node         (ImpMap         *self,
                                            const char     *id);
guint          imp_map_get_n_links         (ImpMap         *self);
GPtrArray     *imp_map_get_roots           (ImpMap         *self);

gboolean       imp_map_can_link            (ImpMap         *self,
                                            ImpNode        *parent,
                                            ImpNode        *child,
                                            GError        **error);
ImpLink       *imp_map_find_link           (ImpMap         *self,
                                            ImpNode        *parent,
                                            ImpNode        *child);
int            imp_map_get_link_position   (ImpMap         *self,
                                            ImpLink        *link);
int            imp_map_get_link_parent_position (ImpMap    *self,
                                            ImpLink        *link);
int            imp_map_get_node_index      (ImpMap         *self,
                                            ImpNode        *node);

gboolean       imp_map_is_ancestor         (ImpMap         *self,
                                            ImpNode        *ancestor,
                                            ImpNode        *node);
gboolean       imp_map_equal               (ImpMap         *a,
                                            ImpMap         *b);

guint          imp_map_get_total_votes     (ImpMap         *self);
gboolean       imp_map_get_vote_budget     (ImpMap         *self,
                                            guint          *participants,
                                            guint          *dots);
int            imp_map_get_dots_left       (ImpMap         *self);

guint          imp_map_get_n_parked        (ImpMap         *self);
const char    *imp_map_get_parked          (ImpMap         *self,
                                            guint           position);

G_END_DECLS
