/* imp-history.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_TYPE_HISTORY (imp_history_get_type ())

G_DECLARE_FINAL_TYPE (ImpHistory, imp_history, IMP, HISTORY, GObject)

ImpHistory *imp_history_new                  (ImpMap              *map);
ImpMap     *imp_history_get_map              (ImpHistory          *self);

gboolean    imp_history_can_undo             (ImpHistory          *self);
gboolean    imp_history_can_redo             (ImpHistory          *self);
gboolean    imp_history_undo                 (ImpHistory          *self);
gboolean    imp_history_redo                 (ImpHistory          *self);
const char *imp_history_get_undo_label       (ImpHistory          *self);
const char *imp_history_get_redo_label       (ImpHistory          *self);
guint       imp_history_get_n_undo           (ImpHistory          *self);

gboolean    imp_history_is_modified          (ImpHistory          *self);
void        imp_history_set_clean            (ImpHistory          *self);
guint64     imp_history_get_state            (ImpHistory          *self);
void        imp_history_set_clean_at         (ImpHistory          *self,
                                              guint64              state);
void        imp_history_set_unclean          (ImpHistory          *self);
void        imp_history_seal                 (ImpHistory          *self);

void        imp_history_begin_group          (ImpHistory          *self,
                                              const char          *label);
void        imp_history_end_group            (ImpHistory          *self);
void        imp_history_cancel_group         (ImpHistory          *self);
gboolean    imp_history_is_in_group         (ImpHistory          *self);

ImpNode    *imp_history_add_node             (ImpHistory          *self,
                                              ImpNode             *parent,
                                              int                  position,
                                              ImpLevel             level,
                                              const char          *title,
                                              GError             **error);
guint       imp_history_delete_nodes         (ImpHistory          *self,
                                              ImpNode * const     *nodes,
                                              guint                n_nodes);

void        imp_history_set_node_title       (ImpHistory          *self,
                                              ImpNode             *node,
                                              const char          *title);
void        imp_history_set_node_notes       (ImpHistory          *self,
                                              ImpNode             *node,
                                              const char          *notes);
gboolean    imp_history_set_node_level       (ImpHistory          *self,
                                              ImpNode             *node,
                                              ImpLevel             level,
                                              GError             **error);
void        imp_history_set_node_position    (ImpHistory          *self,
                                              ImpNode             *node,
                                              gboolean             pinned,
                                              double               x,
                                              double               y);
void        imp_history_set_node_collapsed   (ImpHistory          *self,
                                              ImpNode             *node,
                                              gboolean             collapsed);
void        imp_history_set_node_metric      (ImpHistory          *self,
                                              ImpNode             *node,
                                              const ImpMetric     *metric);
gboolean    imp_history_set_node_ice         (ImpHistory          *self,
                                              ImpNode             *node,
                                              const ImpIce        *ice,
                                              GError             **error);
void        imp_history_set_node_experiment  (ImpHistory          *self,
                                              ImpNode             *node,
                                              const ImpExperiment *experiment);

gboolean    imp_history_set_link_assumption  (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpNode             *child,
                                              const char          *assumption);
gboolean    imp_history_set_link_confidence  (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpNode             *child,
                                              ImpConfidence        confidence);
gboolean    imp_history_set_link_status      (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpNode             *child,
                                              ImpLinkStatus        status);

void        imp_history_set_map_title        (ImpHistory          *self,
                                              const char          *title);
void        imp_history_set_layout           (ImpHistory          *self,
                                              ImpLayoutKind        kind);
gboolean    imp_history_set_vocabulary       (ImpHistory          *self,
                                              ImpVocabulary        vocabulary,
                                              GError             **error);

gboolean    imp_history_link                 (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpNode             *child,
                                              int                  position,
                                              GError             **error);
gboolean    imp_history_unlink               (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpNode             *child);
gboolean    imp_history_reparent             (ImpHistory          *self,
                                              ImpNode             *node,
                                              ImpNode             *new_parent,
                                              int                  position,
                                              GError             **error);
gboolean    imp_history_paste                (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpMap              *source,
                                              GPtrArray           *added,
                                              GError             **error);
gboolean    imp_history_reorder              (ImpHistory          *self,
                                              ImpNode             *parent,
                                              ImpNode             *child,
                                              guint                position);

gboolean    imp_history_add_vote             (ImpHistory          *self,
                                              ImpNode             *node);
void        imp_history_remove_vote          (ImpHistory          *self,
                                              ImpNode             *node);
void        imp_history_clear_votes          (ImpHistory          *self);
void        imp_history_set_vote_budget      (ImpHistory          *self,
                                              guint                participants,
                                              guint                dots);

gboolean    imp_history_add_parked           (ImpHistory          *self,
                                              const char          *text,
                                              GError             **error);
void        imp_history_remove_parked        (ImpHistory          *self,
                                              guint                position);
ImpNode    *imp_history_place_parked         (ImpHistory          *self,
                                              guint                position,
                                              ImpNode             *parent,
                                              int                  child_position,
                                              ImpLevel             level,
                                              GError             **error);

gboolean    imp_history_set_node_delivery    (ImpHistory          *self,
                                              ImpNode             *node,
                                              const ImpDelivery   *delivery,
                                              GError             **error);
gboolean    imp_history_add_reading          (ImpHistory          *self,
                                              ImpNode             *node,
                                              const char          *date,
                                              double               value,
                                              const char          *note,
                                              GError             **error);
gboolean    imp_history_set_reading          (ImpHistory          *self,
                                              ImpNode             *node,
                                              guint                index,
                                              const char          *date,
                                              double               value,
                                              const char          *note,
                                              GError             **error);
void        imp_history_remove_reading       (ImpHistory          *self,
                                              ImpNode             *node,
                                              guint                index);
void        imp_history_set_map_member       (ImpHistory          *self,
                                              const char          *label,
                                              const char          *name,
                                              JsonNode            *value);
void        imp_history_set_conflicts        (ImpHistory          *self,
                                              const char          *label,
                                              const char          *json);

G_END_DECLS
