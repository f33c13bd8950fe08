/* imp-analysis.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-map.h"

G_BEGIN_DECLS

/**
 * ImpFindingKind:
 *
 * What map health (DOMAIN.md, "Map health") flags about a node or a link.
 */
typedef enum
{
  IMP_FINDING_ORPHAN,               /* no chain up to a goal */
  IMP_FINDING_LEVEL_MISMATCH,       /* level does not fit its parent or the vocabulary */
  IMP_FINDING_GOAL_WITHOUT_ACTORS,
  IMP_FINDING_ACTOR_WITHOUT_IMPACTS,
  IMP_FINDING_NO_METRIC,
  IMP_FINDING_NO_TARGET,
  IMP_FINDING_NO_DEADLINE,
  IMP_FINDING_METRIC_OVERDUE,
  IMP_FINDING_METRIC_OFF_TRACK,
  IMP_FINDING_NO_ICE,
  IMP_FINDING_NO_EXPERIMENT,        /* scored (prioritised) but never tested */
  IMP_FINDING_REFUTED_LINK,         /* node: the link's child; link: the link */
  IMP_FINDING_DOWNSTREAM_OF_REFUTED,
  IMP_FINDING_ELIMINATED,           /* experiments refute the deliverable */
  IMP_FINDING_OUTCOME_TITLE,        /* an impact titled as a result, not a behaviour */
  IMP_FINDING_RISKY_ASSUMPTION,     /* low confidence, untested, on a prioritised chain */
} ImpFindingKind;

/**
 * ImpFinding:
 * @kind: what is wrong
 * @node: the node to select to fix it
 * @link: (nullable): the link concerned, for refuted links
 * @message: a translated sentence naming the node by its title
 */
typedef struct
{
  ImpFindingKind  kind;
  ImpNode        *node;
  ImpLink        *link;
  char           *message;
} ImpFinding;

/**
 * ImpChain:
 *
 * One way a deliverable connects to a goal: deliverable → impact → actor →
 * goal, through any parent (not only the tree parent). @actor is %NULL in a
 * three-tier map, where impacts hang off the goal. @refuted says whether a
 * link on the way is refuted.
 */
typedef struct
{
  ImpNode  *goal;
  ImpNode  *actor;
  ImpNode  *impact;
  ImpNode  *deliverable;
  gboolean  refuted;
} ImpChain;

/**
 * ImpVerdict:
 *
 * What a deliverable's finished experiments say about it: eliminated when
 * some refute it and none support it, boosted when the reverse, mixed when
 * both; none when no experiment is done with a clear result.
 */
typedef enum
{
  IMP_VERDICT_NONE,
  IMP_VERDICT_ELIMINATED,
  IMP_VERDICT_BOOSTED,
  IMP_VERDICT_MIXED,
} ImpVerdict;

/**
 * ImpStanding:
 *
 * Whether a deliverable is still in the running: live, eliminated by its
 * experiments, or refuted (every chain up to a goal passes a refuted
 * link). Only live deliverables are ranked; the others are listed apart.
 */
typedef enum
{
  IMP_STANDING_LIVE,
  IMP_STANDING_ELIMINATED,
  IMP_STANDING_REFUTED,
} ImpStanding;

/**
 * ImpMetricState:
 *
 * Where a metric stands on a given day. Off track means the current value
 * has moved away from the target, past the baseline; overdue means the
 * deadline has passed before the target was reached.
 */
typedef enum
{
  IMP_METRIC_STATE_UNKNOWN,         /* no target or no current value */
  IMP_METRIC_STATE_ON_TRACK,
  IMP_METRIC_STATE_OFF_TRACK,
  IMP_METRIC_STATE_OVERDUE,
  IMP_METRIC_STATE_REACHED,
  IMP_METRIC_STATE_AT_RISK,         /* with readings: towards the target, short at the deadline */
} ImpMetricState;

void            imp_finding_free                     (ImpFinding     *finding);

GPtrArray      *imp_analysis_find_problems           (ImpMap         *map,
                                                      const GDate    *today);

GArray         *imp_analysis_get_chains              (ImpNode        *deliverable);
char           *imp_analysis_chain_sentence          (const ImpChain *chain);
char           *imp_analysis_chain_sentence_for_display (const ImpChain *chain);
gboolean        imp_analysis_title_is_outcome        (const char     *title);
GPtrArray      *imp_analysis_get_litmus_sentences    (ImpNode        *deliverable);
GPtrArray      *imp_analysis_get_display_sentences   (ImpNode        *deliverable);
GPtrArray      *imp_analysis_get_hmw_prompts         (ImpNode        *impact);

gboolean        imp_analysis_reaches_goal            (ImpNode        *node);
gboolean        imp_analysis_link_has_assumption     (const ImpLink  *link);
const char     *imp_analysis_link_mark               (const ImpLink  *link);
char           *imp_analysis_link_summary            (const ImpLink  *link);
gboolean        imp_analysis_link_fits               (ImpMap         *map,
                                                      const ImpLink  *link);
GHashTable     *imp_analysis_collect_refuted         (ImpMap         *map);

ImpVerdict      imp_analysis_get_verdict             (const ImpNode  *deliverable,
                                                      guint          *n_supports,
                                                      guint          *n_refutes);
ImpStanding     imp_analysis_get_standing            (ImpNode        *deliverable);
const char     *imp_standing_to_string               (ImpStanding     standing);
GPtrArray      *imp_analysis_rank_deliverables       (ImpMap         *map);
GPtrArray      *imp_analysis_list_set_aside          (ImpMap         *map);
GPtrArray      *imp_analysis_rank_by_votes           (ImpMap         *map);

ImpMetricState  imp_analysis_get_metric_state        (const ImpMetric *metric,
                                                      const GDate    *today);
void            imp_analysis_get_today               (GDate          *today);
gboolean        imp_analysis_parse_date              (const char     *text,
                                                      GDate          *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpFinding, imp_finding_free)

ImpMetricState  imp_analysis_get_snapshot_state      (const ImpMetric *metric,
                                                      const GDate     *today);

G_END_DECLS
