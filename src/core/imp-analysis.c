/* imp-analysis.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-analysis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-analysis.h"

/* "Connecting the dots" and "Map health" of DOMAIN.md, computed from the
 * model alone so that the inspector, the canvas and `impact-mapper check`
 * agree on every finding. */

void
imp_finding_free (ImpFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->message);
  g_free (finding);
}

/**
 * imp_analysis_parse_date:
 * @text: (nullable): a "YYYY-MM-DD" string
 * @date: (out): the date
 *
 * Returns: whether @text is a real calendar date
 */
gboolean
imp_analysis_parse_date (const char *text,
                         GDate      *date)
{
  guint y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (!imp_metric_is_valid_date (text))
    return FALSE;

  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

/**
 * imp_analysis_get_today:
 * @today: (out): the day
 *
 * Sets @today to the day deadlines are judged by: today's local date, or
 * the date in the environment variable `IMP_TODAY` (YYYY-MM-DD) when it
 * holds one. That variable exists so that tests, screenshots and demos can
 * say which day they mean; nothing else reads it.
 */
void
imp_analysis_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (today != NULL);

  if (imp_analysis_parse_date (g_getenv ("IMP_TODAY"), today))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/**
 * imp_analysis_link_fits:
 *
 * Returns: whether @link goes one level to the right, or from a goal to an
 *   impact in a vocabulary that folds actors away. The map refuses other
 *   links; this guards against a model changed behind its back.
 */
gboolean
imp_analysis_link_fits (ImpMap        *map,
                        const ImpLink *link)
{
  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);

  return imp_level_may_parent (imp_map_get_vocabulary (map), link->parent->level,
                               link->child->level);
}

/**
 * imp_analysis_reaches_goal:
 *
 * Returns: whether a goal can be reached from @node by following parents,
 *   any of them, not only the tree parent
 */
gboolean
imp_analysis_reaches_goal (ImpNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  if (node->level == IMP_LEVEL_GOAL)
    return TRUE;

  /* Links always go to a lower level, so this ends within five steps. */
  for (guint i = 0; i < node->parents->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->parents, i);

      if (link->parent->level < node->level && imp_analysis_reaches_goal (link->parent))
        return TRUE;
    }

  return FALSE;
}

/**
 * imp_analysis_get_chains:
 * @deliverable: a deliverable
 *
 * Every chain from @deliverable up to a goal, through every parent at each
 * level, in parent order (the tree chain first).
 *
 * Returns: (transfer full) (element-type ImpChain): the chains; empty for an
 *   orphan
 */
GArray *
imp_analysis_get_chains (ImpNode *deliverable)
{
  GArray *chains = g_array_new (FALSE, TRUE, sizeof (ImpChain));

  g_return_val_if_fail (deliverable != NULL, chains);

  if (deliverable->level != IMP_LEVEL_DELIVERABLE)
    return chains;

  for (guint i = 0; i < deliverable->parents->len; i++)
    {
      ImpLink *l1 = g_ptr_array_index (deliverable->parents, i);
      ImpNode *impact = l1->parent;

      if (impact->level != IMP_LEVEL_IMPACT)
        continue;

      for (guint j = 0; j < impact->parents->len; j++)
        {
          ImpLink *l2 = g_ptr_array_index (impact->parents, j);
          ImpNode *above = l2->parent;

          if (above->level == IMP_LEVEL_GOAL)
            {
              ImpChain chain = { above, NULL, impact, deliverable,
                                 l1->status == IMP_LINK_STATUS_REFUTED ||
                                 l2->status == IMP_LINK_STATUS_REFUTED };

              g_array_append_val (chains, chain);
              continue;
            }

          if (above->level != IMP_LEVEL_ACTOR)
            continue;

          for (guint k = 0; k < above->parents->len; k++)
            {
              ImpLink *l3 = g_ptr_array_index (above->parents, k);
              ImpChain chain = { l3->parent, above, impact, deliverable,
                                 l1->status == IMP_LINK_STATUS_REFUTED ||
                                 l2->status == IMP_LINK_STATUS_REFUTED ||
                                 l3->status == IMP_LINK_STATUS_REFUTED };

              if (l3->parent->level == IMP_LEVEL_GOAL)
                g_array_append_val (chains, chain);
            }
        }
    }

  return chains;
}

/* A title inside a sentence: "Get results" reads "get results", but an
 * acronym or a name in capitals ("OCR", "NPS") is left alone. */
static char *
in_sentence (const char *title)
{
  gunichar first, second;
  const char *rest;
  GString *out;

  if (title == NULL || *title == '\0')
    return g_strdup ("…");

  first = g_utf8_get_char (title);
  rest = g_utf8_next_char (title);
  second = g_utf8_get_char (rest);

  if (!g_unichar_isupper (first) || g_unichar_isupper (second))
    return g_strdup (title);

  out = g_string_new (NULL);
  g_string_append_unichar (out, g_unichar_tolower (first));
  g_string_append (out, rest);

  return g_string_free (out, FALSE);
}

static const char *
or_ellipsis (const char *title)
{
  return title != NULL && *title != '\0' ? title : "…";
}

/**
 * imp_analysis_chain_sentence:
 *
 * The litmus sentence of a chain (DOMAIN.md, "Connecting the dots").
 *
 * Returns: (transfer full): "We build <deliverable> so that <actor> will
 *   <impact>, which moves <goal>."
 */
char *
imp_analysis_chain_sentence (const ImpChain *chain)
{
  g_autofree char *impact = NULL;
  g_autofree char *actor = NULL;

  g_return_val_if_fail (chain != NULL, NULL);

  impact = in_sentence (chain->impact->title);

  if (chain->actor == NULL)
    {
      /* TRANSLATORS: the litmus sentence of a three-tier map, where the
       * outcome names its actor: deliverable, outcome, goal */
      return g_strdup_printf (_("We build %s so that %s, which moves %s."),
                              or_ellipsis (chain->deliverable->title), impact,
                              or_ellipsis (chain->goal->title));
    }

  actor = in_sentence (chain->actor->title);

  /* TRANSLATORS: the litmus sentence: deliverable, actor, impact, goal */
  return g_strdup_printf (_("We build %s so that %s will %s, which moves %s."),
                          or_ellipsis (chain->deliverable->title), actor, impact,
                          or_ellipsis (chain->goal->title));
}

/**
 * imp_analysis_get_litmus_sentences:
 *
 * Returns: (transfer full) (element-type utf8): one sentence per chain of
 *   @deliverable up to a goal; empty for an orphan
 */
GPtrArray *
imp_analysis_get_litmus_sentences (ImpNode *deliverable)
{
  g_autoptr(GArray) chains = imp_analysis_get_chains (deliverable);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < chains->len; i++)
    g_ptr_array_add (sentences,
                     imp_analysis_chain_sentence (&g_array_index (chains, ImpChain, i)));

  return sentences;
}

/**
 * imp_analysis_get_hmw_prompts:
 * @impact: an impact (outcome)
 *
 * Reframes the impact as "How might we" questions for ideation, one per
 * actor above it.
 *
 * Returns: (transfer full) (element-type utf8): the prompts
 */
GPtrArray *
imp_analysis_get_hmw_prompts (ImpNode *impact)
{
  GPtrArray *prompts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *what = NULL;
  gboolean any_actor = FALSE;

  g_return_val_if_fail (impact != NULL, prompts);

  if (impact->level != IMP_LEVEL_IMPACT)
    return prompts;

  what = in_sentence (impact->title);

  for (guint i = 0; i < impact->parents->len; i++)
    {
      ImpLink *link = g_ptr_array_index (impact->parents, i);
      g_autofree char *actor = NULL;

      if (link->parent->level != IMP_LEVEL_ACTOR)
        continue;

      actor = in_sentence (link->parent->title);
      /* TRANSLATORS: a "How might we" prompt: actor, impact */
      g_ptr_array_add (prompts, g_strdup_printf (_("How might we help %s %s?"), actor, what));
      any_actor = TRUE;
    }

  /* An outcome without an actor (three tiers, or not linked yet) names
   * its actor in its own text. */
  if (!any_actor)
    {
      /* TRANSLATORS: a "How might we" prompt for an outcome with no actor */
      g_ptr_array_add (prompts, g_strdup_printf (_("How might we help %s?"), what));
    }

  return prompts;
}

static void
collect_below (ImpNode    *node,
               GHashTable *set)
{
  if (!g_hash_table_add (set, node))
    return;

  for (guint i = 0; i < node->children->len; i++)
    collect_below (imp_node_get_child (node, i), set);
}

/**
 * imp_analysis_collect_refuted:
 *
 * Returns: (transfer full): the set of nodes at or below the child of a
 *   refuted link: everything whose case rests on a refuted assumption
 */
GHashTable *
imp_analysis_collect_refuted (ImpMap *map)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (IMP_IS_MAP (map), set);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      for (guint j = 0; j < node->parents->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->parents, j);

          if (link->status == IMP_LINK_STATUS_REFUTED)
            collect_below (node, set);
        }
    }

  return set;
}

/**
 * imp_analysis_get_verdict:
 * @deliverable: a deliverable
 * @n_supports: (out) (optional): finished experiments that support it
 * @n_refutes: (out) (optional): finished experiments that refute it
 *
 * Rolls the results of the experiments under @deliverable up into one
 * verdict. Only finished experiments count: a planned one has no result.
 *
 * Returns: the verdict
 */
ImpVerdict
imp_analysis_get_verdict (const ImpNode *deliverable,
                          guint         *n_supports,
                          guint         *n_refutes)
{
  guint supports = 0, refutes = 0;

  g_return_val_if_fail (deliverable != NULL, IMP_VERDICT_NONE);

  for (guint i = 0; i < deliverable->children->len; i++)
    {
      ImpNode *child = imp_node_get_child (deliverable, i);

      if (child->experiment == NULL || child->experiment->status != IMP_EXPERIMENT_DONE)
        continue;
      supports += child->experiment->result == IMP_RESULT_SUPPORTS;
      refutes += child->experiment->result == IMP_RESULT_REFUTES;
    }

  if (n_supports != NULL)
    *n_supports = supports;
  if (n_refutes != NULL)
    *n_refutes = refutes;

  if (refutes > 0 && supports == 0)
    return IMP_VERDICT_ELIMINATED;
  if (supports > 0 && refutes == 0)
    return IMP_VERDICT_BOOSTED;
  if (supports > 0 && refutes > 0)
    return IMP_VERDICT_MIXED;

  return IMP_VERDICT_NONE;
}

typedef struct
{
  ImpNode *node;
  guint    score;
  guint    position;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;

  /* Ties keep the map's order, so the list does not reshuffle on redraw. */
  return x->position < y->position ? -1 : x->position > y->position;
}

/**
 * imp_analysis_get_standing:
 * @deliverable: a deliverable
 *
 * Returns: %IMP_STANDING_ELIMINATED when its experiments refute it,
 *   %IMP_STANDING_REFUTED when it has chains up to a goal and every one of
 *   them passes a refuted link, else %IMP_STANDING_LIVE (an orphan too:
 *   map health flags it, the ranking keeps it)
 */
ImpStanding
imp_analysis_get_standing (ImpNode *deliverable)
{
  g_autoptr(GArray) chains = NULL;

  g_return_val_if_fail (deliverable != NULL, IMP_STANDING_LIVE);

  if (deliverable->level != IMP_LEVEL_DELIVERABLE)
    return IMP_STANDING_LIVE;

  if (imp_analysis_get_verdict (deliverable, NULL, NULL) == IMP_VERDICT_ELIMINATED)
    return IMP_STANDING_ELIMINATED;

  chains = imp_analysis_get_chains (deliverable);
  for (guint i = 0; i < chains->len; i++)
    if (!g_array_index (chains, ImpChain, i).refuted)
      return IMP_STANDING_LIVE;

  return chains->len > 0 ? IMP_STANDING_REFUTED : IMP_STANDING_LIVE;
}

/**
 * imp_standing_to_string:
 *
 * Returns: the standing as the CSV export writes it: "live", "eliminated"
 *   or "refuted" (never translated: a machine format)
 */
const char *
imp_standing_to_string (ImpStanding standing)
{
  switch (standing)
    {
    case IMP_STANDING_ELIMINATED:
      return "eliminated";
    case IMP_STANDING_REFUTED:
      return "refuted";
    case IMP_STANDING_LIVE:
    default:
      return "live";
    }
}

/**
 * imp_analysis_list_set_aside:
 *
 * The deliverables that are out of the running (eliminated or refuted, see
 * imp_analysis_get_standing()), scored or not, in the order of the map.
 *
 * Returns: (transfer container) (element-type ImpNode): the list
 */
GPtrArray *
imp_analysis_list_set_aside (ImpMap *map)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (IMP_IS_MAP (map), out);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level == IMP_LEVEL_DELIVERABLE &&
          imp_analysis_get_standing (node) != IMP_STANDING_LIVE)
        g_ptr_array_add (out, node);
    }

  return out;
}

/**
 * imp_analysis_rank_deliverables:
 *
 * The live deliverables with an ICE score, highest first; equal scores
 * keep the order of the map. Unscored deliverables are left out (map
 * health lists them), and so are eliminated and refuted ones
 * (imp_analysis_list_set_aside() lists those).
 *
 * Returns: (transfer container) (element-type ImpNode): the ranking
 */
GPtrArray *
imp_analysis_rank_deliverables (ImpMap *map)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (IMP_IS_MAP (map), out);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      Ranked r = { node, imp_ice_get_score (&node->ice), i };

      if (node->level == IMP_LEVEL_DELIVERABLE && r.score > 0 &&
          imp_analysis_get_standing (node) == IMP_STANDING_LIVE)
        g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (out, g_array_index (ranked, Ranked, i).node);

  return out;
}

/**
 * imp_analysis_get_metric_state:
 * @metric: (nullable): a metric
 * @today: (nullable): the day to judge the deadline by; %NULL to ignore it
 *
 * Returns: whether the metric has reached its target, is overdue (deadline
 *   before @today, target not reached), off track (moved away from the
 *   target, past its baseline) or on track
 */
ImpMetricState
imp_analysis_get_metric_state (const ImpMetric *metric,
                               const GDate     *today)
{
  gboolean decrease;
  gboolean reached;
  GDate deadline;

  if (metric == NULL || !isfinite (metric->target) || !isfinite (metric->current))
    return IMP_METRIC_STATE_UNKNOWN;

  decrease = metric->direction == IMP_DIRECTION_DECREASE;
  reached = decrease ? metric->current <= metric->target : metric->current >= metric->target;
  if (reached)
    return IMP_METRIC_STATE_REACHED;

  if (today != NULL && g_date_valid (today) &&
      imp_analysis_parse_date (metric->deadline, &deadline) &&
      g_date_compare (&deadline, today) < 0)
    return IMP_METRIC_STATE_OVERDUE;

  if (isfinite (metric->baseline) &&
      (decrease ? metric->current > metric->baseline : metric->current < metric->baseline))
    return IMP_METRIC_STATE_OFF_TRACK;

  return IMP_METRIC_STATE_ON_TRACK;
}

static void
add_finding (GPtrArray      *findings,
             ImpFindingKind  kind,
             ImpNode        *node,
             ImpLink        *link,
             char           *message)
{
  ImpFinding *finding = g_new0 (ImpFinding, 1);

  finding->kind = kind;
  finding->node = node;
  finding->link = link;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static void
check_metric (GPtrArray   *findings,
              ImpMap      *map,
              ImpNode     *node,
              const GDate *today)
{
  const ImpMetric *metric = node->metric;

  if (metric == NULL)
    {
      /* TRANSLATORS: map health; a node title */
      add_finding (findings, IMP_FINDING_NO_METRIC, node, NULL,
                   g_strdup_printf (_("“%s” has no metric"), node->title));
      return;
    }

  if (!imp_metric_has_target (metric))
    add_finding (findings, IMP_FINDING_NO_TARGET, node, NULL,
                 g_strdup_printf (_("“%s” has a metric with no target"), node->title));

  if (metric->deadline == NULL || *metric->deadline == '\0')
    add_finding (findings, IMP_FINDING_NO_DEADLINE, node, NULL,
                 g_strdup_printf (_("“%s” has a metric with no deadline"),
                                  node->title));

  switch (imp_analysis_get_metric_state (metric, today))
    {
    case IMP_METRIC_STATE_OVERDUE:
      add_finding (findings, IMP_FINDING_METRIC_OVERDUE, node, NULL,
                   g_strdup_printf (_("“%s” is overdue: the deadline %s has passed "
                                      "before the target was reached"),
                                    node->title, metric->deadline));
      break;
    case IMP_METRIC_STATE_OFF_TRACK:
      add_finding (findings, IMP_FINDING_METRIC_OFF_TRACK, node, NULL,
                   g_strdup_printf (_("“%s” is off track: its metric has moved away "
                                      "from the target"), node->title));
      break;
    case IMP_METRIC_STATE_UNKNOWN:
    case IMP_METRIC_STATE_ON_TRACK:
    case IMP_METRIC_STATE_REACHED:
    default:
      break;
    }
}

static gboolean
has_child_at (ImpNode  *node,
              ImpLevel  level)
{
  for (guint i = 0; i < node->children->len; i++)
    if (imp_node_get_child (node, i)->level == level)
      return TRUE;

  return FALSE;
}

/**
 * imp_analysis_find_problems:
 * @map: a map
 * @today: (nullable): the day to judge deadlines by; %NULL to skip
 *   overdue checks (tests pass a fixed day)
 *
 * Everything map health flags (DOMAIN.md), node by node in the map's
 * order, so that the list is stable from one run to the next.
 *
 * Returns: (transfer full) (element-type ImpFinding): the findings
 */
GPtrArray *
imp_analysis_find_problems (ImpMap      *map,
                            const GDate *today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_finding_free);
  g_autoptr(GHashTable) refuted = NULL;
  ImpVocabulary vocabulary;
  gboolean three_tiers;

  g_return_val_if_fail (IMP_IS_MAP (map), findings);

  vocabulary = imp_map_get_vocabulary (map);
  three_tiers = imp_vocabulary_hides_actors (vocabulary);
  refuted = imp_analysis_collect_refuted (map);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      const char *level = imp_vocabulary_level_name (vocabulary, node->level);
      gboolean below_refuted_link = FALSE;

      if (node->level != IMP_LEVEL_GOAL && node->parents->len == 0)
        add_finding (findings, IMP_FINDING_ORPHAN, node, NULL,
                     /* TRANSLATORS: map health; node title, level name */
                     g_strdup_printf (_("“%s” (%s) is not connected to a goal"),
                                      node->title, level));
      else if (node->level == IMP_LEVEL_DELIVERABLE && !imp_analysis_reaches_goal (node))
        add_finding (findings, IMP_FINDING_ORPHAN, node, NULL,
                     g_strdup_printf (_("“%s” (%s) has no chain up to a goal"),
                                      node->title, level));

      if (three_tiers && node->level == IMP_LEVEL_ACTOR)
        add_finding (findings, IMP_FINDING_LEVEL_MISMATCH, node, NULL,
                     g_strdup_printf (_("Actor “%s” does not fit a three-tier map, "
                                        "where outcomes name their actor"), node->title));

      for (guint j = 0; j < node->parents->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->parents, j);

          if (!imp_analysis_link_fits (map, link))
            add_finding (findings, IMP_FINDING_LEVEL_MISMATCH, node, link,
                         g_strdup_printf (_("“%s” (%s) does not fit under “%s” (%s)"),
                                          node->title, level, link->parent->title,
                                          imp_vocabulary_level_name (vocabulary,
                                                                     link->parent->level)));

          if (link->status == IMP_LINK_STATUS_REFUTED)
            {
              below_refuted_link = TRUE;
              add_finding (findings, IMP_FINDING_REFUTED_LINK, node, link,
                           g_strdup_printf (_("The link from “%s” to “%s” has been refuted"),
                                            link->parent->title, node->title));
            }
        }

      if (!below_refuted_link && g_hash_table_contains (refuted, node))
        add_finding (findings, IMP_FINDING_DOWNSTREAM_OF_REFUTED, node, NULL,
                     g_strdup_printf (_("“%s” rests on a refuted link"), node->title));

      switch (node->level)
        {
        case IMP_LEVEL_GOAL:
          if (three_tiers && node->children->len == 0)
            add_finding (findings, IMP_FINDING_GOAL_WITHOUT_ACTORS, node, NULL,
                         g_strdup_printf (_("“%s” has no outcomes"), node->title));
          else if (!three_tiers && !has_child_at (node, IMP_LEVEL_ACTOR))
            add_finding (findings, IMP_FINDING_GOAL_WITHOUT_ACTORS, node, NULL,
                         g_strdup_printf (_("“%s” has no actors"), node->title));
          check_metric (findings, map, node, today);
          break;

        case IMP_LEVEL_ACTOR:
          if (!has_child_at (node, IMP_LEVEL_IMPACT))
            add_finding (findings, IMP_FINDING_ACTOR_WITHOUT_IMPACTS, node, NULL,
                         g_strdup_printf (_("“%s” has no impacts"), node->title));
          break;

        case IMP_LEVEL_IMPACT:
          check_metric (findings, map, node, today);
          break;

        case IMP_LEVEL_DELIVERABLE:
          if (!imp_ice_is_set (&node->ice))
            add_finding (findings, IMP_FINDING_NO_ICE, node, NULL,
                         g_strdup_printf (_("“%s” has no ICE score"), node->title));
          else if (!has_child_at (node, IMP_LEVEL_EXPERIMENT))
            add_finding (findings, IMP_FINDING_NO_EXPERIMENT, node, NULL,
                         g_strdup_printf (_("“%s” is prioritised (ICE %u) but has no "
                                            "experiment"),
                                          node->title, imp_ice_get_score (&node->ice)));

          if (imp_analysis_get_verdict (node, NULL, NULL) == IMP_VERDICT_ELIMINATED)
            add_finding (findings, IMP_FINDING_ELIMINATED, node, NULL,
                         g_strdup_printf (_("“%s” is eliminated: its experiments refute it"),
                                          node->title));
          break;

        case IMP_LEVEL_EXPERIMENT:
        default:
          break;
        }
    }

  return findings;
}

typedef struct
{
  ImpNode *node;
  guint    position;
} Voted;

static int
compare_voted (gconstpointer a,
               gconstpointer b)
{
  const Voted *x = a;
  const Voted *y = b;

  if (x->node->votes != y->node->votes)
    return x->node->votes > y->node->votes ? -1 : 1;

  return x->position < y->position ? -1 : x->position > y->position;
}

/**
 * imp_analysis_rank_by_votes:
 *
 * The cards of any level that hold dot votes, most votes first; equal
 * counts keep the order of the map. What a workshop round chose, beside
 * the ICE ranking (whose entries carry their votes too).
 *
 * Returns: (transfer container) (element-type ImpNode): the ranking
 */
GPtrArray *
imp_analysis_rank_by_votes (ImpMap *map)
{
  g_autoptr(GArray) voted = g_array_new (FALSE, FALSE, sizeof (Voted));
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (IMP_IS_MAP (map), out);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      Voted v = { imp_map_get_node (map, i), i };

      if (v.node->votes > 0)
        g_array_append_val (voted, v);
    }

  g_array_sort (voted, compare_voted);
  for (guint i = 0; i < voted->len; i++)
    g_ptr_array_add (out, g_array_index (voted, Voted, i).node);

  return out;
}
