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
#include <string.h>

#include "imp-analysis.h"
#include "imp-tracking.h"
#include "imp-number.h"

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
 * imp_analysis_link_has_assumption:
 *
 * Returns: whether @link carries an assumption: a sentence, a confidence
 *   or a status other than untested
 */
gboolean
imp_analysis_link_has_assumption (const ImpLink *link)
{
  g_return_val_if_fail (link != NULL, FALSE);

  return (link->assumption != NULL && *link->assumption != '\0') ||
         link->confidence != IMP_CONFIDENCE_UNSET ||
         link->status != IMP_LINK_STATUS_UNTESTED;
}

static const char *
confidence_label (ImpConfidence confidence)
{
  switch (confidence)
    {
    case IMP_CONFIDENCE_LOW:
      return C_("confidence", "low");
    case IMP_CONFIDENCE_MEDIUM:
      return C_("confidence", "medium");
    case IMP_CONFIDENCE_HIGH:
      return C_("confidence", "high");
    case IMP_CONFIDENCE_UNSET:
    default:
      return NULL;
    }
}

/**
 * imp_analysis_link_mark:
 * @link: a link
 *
 * The mark a link's assumption gets on the canvas: its status as a shape
 * ("?" untested, "✓" supported, "×" refuted) and its confidence as a word,
 * so that neither rests on colour alone.
 *
 * Returns: (nullable): "? low", "✓ high", "×", …; %NULL for a link that
 *   carries no assumption. The string is static.
 */
const char *
imp_analysis_link_mark (const ImpLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);

  if (!imp_analysis_link_has_assumption (link))
    return NULL;

  switch (link->status)
    {
    case IMP_LINK_STATUS_REFUTED:
      switch (link->confidence)
        {
        /* TRANSLATORS: the mark of a refuted link on the canvas, with its
         * confidence; keep the sign, keep it short */
        case IMP_CONFIDENCE_LOW: return C_("link mark", "× low");
        case IMP_CONFIDENCE_MEDIUM: return C_("link mark", "× medium");
        case IMP_CONFIDENCE_HIGH: return C_("link mark", "× high");
        case IMP_CONFIDENCE_UNSET:
        default: return "×";
        }
    case IMP_LINK_STATUS_SUPPORTED:
      switch (link->confidence)
        {
        /* TRANSLATORS: the mark of a supported link on the canvas */
        case IMP_CONFIDENCE_LOW: return C_("link mark", "✓ low");
        case IMP_CONFIDENCE_MEDIUM: return C_("link mark", "✓ medium");
        case IMP_CONFIDENCE_HIGH: return C_("link mark", "✓ high");
        case IMP_CONFIDENCE_UNSET:
        default: return "✓";
        }
    case IMP_LINK_STATUS_UNTESTED:
    default:
      switch (link->confidence)
        {
        /* TRANSLATORS: the mark of an untested assumption on the canvas */
        case IMP_CONFIDENCE_LOW: return C_("link mark", "? low");
        case IMP_CONFIDENCE_MEDIUM: return C_("link mark", "? medium");
        case IMP_CONFIDENCE_HIGH: return C_("link mark", "? high");
        case IMP_CONFIDENCE_UNSET:
        default: return "?";
        }
    }
}

/**
 * imp_analysis_link_summary:
 * @link: a link
 *
 * What a link assumes, for a tooltip: the sentence, then its status and
 * confidence ("Teachers grade sooner — untested, low confidence").
 *
 * Returns: (transfer full) (nullable): the summary; %NULL for a link that
 *   carries no assumption
 */
char *
imp_analysis_link_summary (const ImpLink *link)
{
  const char *status;
  const char *confidence;
  g_autofree char *state = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  if (!imp_analysis_link_has_assumption (link))
    return NULL;

  switch (link->status)
    {
    case IMP_LINK_STATUS_SUPPORTED:
      status = C_("assumption", "supported");
      break;
    case IMP_LINK_STATUS_REFUTED:
      status = C_("assumption", "refuted");
      break;
    case IMP_LINK_STATUS_UNTESTED:
    default:
      status = C_("assumption", "untested");
      break;
    }

  confidence = confidence_label (link->confidence);
  if (confidence != NULL)
    /* TRANSLATORS: an assumption's status and confidence: "untested, low confidence" */
    state = g_strdup_printf (_("%s, %s confidence"), status, confidence);
  else
    state = g_strdup (status);

  if (link->assumption != NULL && *link->assumption != '\0')
    /* TRANSLATORS: a link's assumption, then its status and confidence */
    return g_strdup_printf (_("Assumption: %s — %s"), link->assumption, state);

  /* TRANSLATORS: a link with no assumption sentence: its status and confidence */
  return g_strdup_printf (_("Assumption (not written down): %s"), state);
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

/* Words that start a title written as a result rather than as a
 * behaviour: "Fewer complaints", "Weniger Beschwerden". Lower case; a
 * title's language is not known, so every list is tried. */
static const char * const outcome_words_en[] = {
  "fewer", "less", "more", "most", "faster", "slower", "quicker", "sooner", "higher", "lower",
  "better", "worse", "greater", "bigger", "smaller", "shorter", "longer", "cheaper", "easier",
  "increased", "reduced", "decreased", "improved", "lowered", "raised", "rising", "falling",
  "growing", "no", "zero", "half", "double", "twice", "every", "all",
};

static const char * const outcome_words_de[] = {
  "weniger", "mehr", "schneller", "schnellere", "schnellerer", "schnelleres", "langsamer",
  "höher", "höhere", "höherer", "höheres", "niedriger", "niedrigere", "niedrigerer", "geringer",
  "geringere", "geringerer", "besser", "bessere", "besserer", "kürzer", "kürzere", "kürzerer",
  "länger", "längere", "größer", "größere", "kleiner", "kleinere", "günstiger", "günstigere",
  "einfacher", "leichter", "steigende", "sinkende", "gesteigerte", "gesunkene", "reduzierte",
  "verbesserte", "kein", "keine", "keiner", "null", "halb", "halbe", "doppelt", "doppelte",
  "alle", "jede", "jeder", "jedes",
};

/* Nouns that make a measurement of the word before them: "Churn rate
 * below 2%", "Response time under 5 minutes". */
static const char * const measure_words_en[] = {
  "rate", "time", "times", "score", "cost", "costs", "share", "count", "ratio", "level",
  "volume", "usage",
};

/* German compounds end in the measure: "Abbruchquote", "Antwortzeit". */
static const char * const measure_endings_de[] = {
  "quote", "rate", "zeit", "zeiten", "dauer", "anteil", "anzahl", "kosten", "wert",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;

  return FALSE;
}

static gboolean
ends_with_any (const char         *word,
               const char * const *list,
               gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_has_suffix (word, list[i]) && strlen (word) > strlen (list[i]))
      return TRUE;

  return FALSE;
}

/* The words of @title, lower case, without the punctuation around them. */
static GPtrArray *
split_words (const char *title)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit_set (title, " \t\n\u00a0", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *start = parts[i];
      const char *end = start + strlen (start);

      while (*start != '\0' && g_unichar_ispunct (g_utf8_get_char (start)) &&
             *start != '%' && *start != '+')
        start = g_utf8_next_char (start);
      while (end > start && g_unichar_ispunct (g_utf8_get_char (g_utf8_prev_char (end))) &&
             *g_utf8_prev_char (end) != '%')
        end = g_utf8_prev_char (end);
      if (end > start)
        g_ptr_array_add (words, g_strndup (start, end - start));
    }

  return words;
}

static gboolean
is_lower_word (const char *word)
{
  return g_unichar_islower (g_utf8_get_char (word));
}

static gboolean
is_capitals (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p; p = g_utf8_next_char (p), n++)
    if (!g_unichar_isupper (g_utf8_get_char (p)))
      return FALSE;

  return n >= 2;
}

/* A German participle at the end: "geliefert", "halbiert", "verbessert". */
static gboolean
is_participle_de (const char *word)
{
  static const char * const prefixes[] = { "ge", "ver", "er", "be", "ent", "zer" };
  gsize len = strlen (word);

  if (!is_lower_word (word) || len < 5)
    return FALSE;
  if (g_str_has_suffix (word, "iert"))
    return TRUE;
  if (!g_str_has_suffix (word, "t"))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (word, prefixes[i]))
      return TRUE;

  return FALSE;
}

/* A German infinitive at the end makes a behaviour, whatever comes first:
 * "Weniger Beschwerden einreichen", "Schneller Feedback geben". */
static gboolean
ends_in_infinitive_de (GPtrArray *words)
{
  const char *last;

  if (words->len < 2)
    return FALSE;
  last = g_ptr_array_index (words, words->len - 1);

  return is_lower_word (last) && strlen (last) >= 4 &&
         (g_str_has_suffix (last, "en") || g_str_has_suffix (last, "ern") ||
          g_str_has_suffix (last, "eln"));
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;

  return FALSE;
}

/**
 * imp_analysis_title_is_outcome:
 * @title: (nullable): an impact's title
 *
 * Whether @title is written as a result ("Fewer complaints", "Results
 * delivered in under 1 minute", "Weniger Beschwerden") rather than as a
 * behaviour, a verb phrase ("Purchase tickets without calling", "Tickets
 * ohne Anruf kaufen"). It looks at the leading word (English and German
 * lists, a number or a sign), an acronym as subject ("NPS rises"), a noun
 * and a participle ("Tickets purchased online", "Beschwerden halbiert"),
 * and a measure with a number ("Churn rate below 2%"). The litmus
 * sentences quote such a title instead of reading it as a verb phrase.
 *
 * Returns: whether @title reads as an outcome
 */
gboolean
imp_analysis_title_is_outcome (const char *title)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *first = NULL;
  const char *w1, *w2, *last;
  gunichar c;

  if (title == NULL)
    return FALSE;

  words = split_words (title);
  if (words->len == 0)
    return FALSE;

  w1 = g_ptr_array_index (words, 0);
  w2 = words->len > 1 ? g_ptr_array_index (words, 1) : "";
  last = g_ptr_array_index (words, words->len - 1);
  first = g_utf8_strdown (w1, -1);
  c = g_utf8_get_char (w1);

  /* "50% fewer calls", "+20% sign-ups", "<1 min to grade" */
  if (g_unichar_isdigit (c) || strchr ("+-<>~", (int) c) != NULL ||
      c == 0x2212 || c == 0x2264 || c == 0x2265 || c == 0x00b1)
    return TRUE;

  if (in_list (first, outcome_words_de, G_N_ELEMENTS (outcome_words_de)))
    return !ends_in_infinitive_de (words);

  if (in_list (first, outcome_words_en, G_N_ELEMENTS (outcome_words_en)))
    return TRUE;

  /* "NPS rises": a measure as the subject of a clause */
  if (words->len > 1 && is_capitals (w1))
    return TRUE;

  /* "Results delivered in under 1 minute", "Complaints halved"; a verb
   * ending in -ss or -us ("Access", "Discuss", "Focus") is not a plural. */
  if (words->len > 1 && strlen (first) > 3 && g_str_has_suffix (first, "s") &&
      !g_str_has_suffix (first, "ss") && !g_str_has_suffix (first, "us") &&
      strlen (w2) > 3 && g_str_has_suffix (w2, "ed"))
    return TRUE;

  /* "Churn rate below 2%", "Antwortzeit unter 1 Stunde" */
  if (has_digit (title) &&
      (in_list (w2, measure_words_en, G_N_ELEMENTS (measure_words_en)) ||
       ends_with_any (first, measure_endings_de, G_N_ELEMENTS (measure_endings_de))))
    return TRUE;

  /* "Ergebnisse in unter 1 Minute geliefert", "Beschwerden halbiert" */
  if (words->len > 1 && is_participle_de (last) && !is_lower_word (w1))
    return TRUE;

  return FALSE;
}

/* A title inside a sentence: "Get results" reads "get results", but an
 * acronym or a name in capitals ("OCR", "NPS") is left alone, and so is
 * every title in a language whose nouns keep their capital (German). */
static char *
in_sentence (const char *title)
{
  gunichar first, second;
  const char *rest;
  GString *out;

  if (title == NULL || *title == '\0')
    return g_strdup ("…");

  /* TRANSLATORS: translate as "keep" if a title inside a sentence keeps
   * its first capital in your language (as German nouns do); leave
   * "lowercase" if it starts with a small letter there, as in English */
  if (!g_str_equal (C_("sentence casing", "lowercase"), "lowercase"))
    return g_strdup (title);

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

/* "48000" for `check` and the Markdown; "48,000" or "48.000" for the
 * window, as the user reads numbers. */
static char *
sentence_number (double   value,
                 gboolean display)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  ImpNumberFormat format;

  if (!display)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));

  imp_number_format_init_locale (&format);

  return imp_number_to_text (&format, value, -1);
}

/* "Weekly active learners: 48000 learners by 2026-12-31", or NULL when
 * the goal has no metric with a name or a target. */
static char *
goal_metric_text (const ImpNode *goal,
                  gboolean       display)
{
  const ImpMetric *metric = goal->metric;
  g_autofree char *target = NULL;
  gboolean named;

  if (metric == NULL)
    return NULL;

  named = metric->name != NULL && *metric->name != '\0';
  if (!imp_metric_has_target (metric))
    return named ? g_strdup (metric->name) : NULL;

  {
    g_autofree char *number = sentence_number (metric->target, display);

    target = metric->unit != NULL && *metric->unit != '\0'
             ? g_strdup_printf ("%s %s", number, metric->unit) : g_steal_pointer (&number);
  }

  if (metric->deadline != NULL && *metric->deadline != '\0')
    {
      if (named)
        /* TRANSLATORS: a goal's metric in a litmus sentence: name, target
         * with its unit, deadline ("Weekly active learners: 48000 learners
         * by 2026-12-31") */
        return g_strdup_printf (_("%s: %s by %s"), metric->name, target, metric->deadline);
      /* TRANSLATORS: a goal's metric with no name: target, deadline */
      return g_strdup_printf (_("target %s by %s"), target, metric->deadline);
    }

  if (named)
    /* TRANSLATORS: a goal's metric in a litmus sentence: name, target */
    return g_strdup_printf (_("%s: %s"), metric->name, target);
  /* TRANSLATORS: a goal's metric with no name: target */
  return g_strdup_printf (_("target %s"), target);
}

/* "which moves the goal “…” (metric)": the goal is quoted, as its title is
 * often a sentence of its own ("Increase weekly learners by 20%"). */
static char *
goal_clause (const ImpNode *goal,
             gboolean       display)
{
  g_autofree char *metric = goal_metric_text (goal, display);

  if (metric != NULL)
    /* TRANSLATORS: the end of a litmus sentence: goal title, its metric */
    return g_strdup_printf (_("which moves the goal “%s” (%s)"), or_ellipsis (goal->title),
                            metric);

  /* TRANSLATORS: the end of a litmus sentence: goal title */
  return g_strdup_printf (_("which moves the goal “%s”"), or_ellipsis (goal->title));
}

static char *chain_sentence (const ImpChain *chain,
                             gboolean        display);

/* Whether @title starts with the actor's title as a word: "Teachers grade
 * sooner" under "Teachers". */
static gboolean
names_actor (const char *title,
             const char *actor)
{
  g_autofree char *t = NULL;
  g_autofree char *a = NULL;
  gsize n;

  if (title == NULL || actor == NULL || *actor == '\0')
    return FALSE;

  t = g_utf8_casefold (title, -1);
  a = g_utf8_casefold (actor, -1);
  n = strlen (a);

  return strncmp (t, a, n) == 0 && (t[n] == ' ' || t[n] == ',');
}

/**
 * imp_analysis_chain_sentence:
 *
 * The litmus sentence of a chain (DOMAIN.md, "Connecting the dots"). A
 * behaviour is read as a verb phrase; an impact titled as an outcome
 * (imp_analysis_title_is_outcome()) is quoted as one. The goal is quoted
 * and followed by its metric and target when it has them. Numbers are
 * written plainly ("48000"), as `check` prints them.
 *
 * Returns: (transfer full): "We build “<deliverable>” so that <actor> will
 *   <impact>, which moves the goal “<goal>” (<metric>: <target> by
 *   <deadline>)." or "… so that the outcome “<impact>” comes true for
 *   <actor>, …"
 */
char *
imp_analysis_chain_sentence (const ImpChain *chain)
{
  g_return_val_if_fail (chain != NULL, NULL);

  return chain_sentence (chain, FALSE);
}

/**
 * imp_analysis_chain_sentence_for_display:
 *
 * The litmus sentence of imp_analysis_chain_sentence(), with the goal's
 * target grouped as the user reads numbers ("48,000"): for the window,
 * never for `check` or a file.
 *
 * Returns: (transfer full): the sentence
 */
char *
imp_analysis_chain_sentence_for_display (const ImpChain *chain)
{
  g_return_val_if_fail (chain != NULL, NULL);

  return chain_sentence (chain, TRUE);
}

static char *
chain_sentence (const ImpChain *chain,
                gboolean        display)
{
  g_autofree char *impact = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *goal = NULL;
  const char *deliverable;
  gboolean outcome;

  deliverable = or_ellipsis (chain->deliverable->title);
  outcome = imp_analysis_title_is_outcome (chain->impact->title);
  goal = goal_clause (chain->goal, display);

  if (chain->actor == NULL)
    {
      if (outcome)
        /* TRANSLATORS: the litmus sentence of a three-tier map for an
         * outcome titled as a result: deliverable, outcome, goal clause */
        return g_strdup_printf (_("We build “%s” so that the outcome “%s” comes true, %s."),
                                deliverable, chain->impact->title, goal);

      impact = in_sentence (chain->impact->title);
      /* TRANSLATORS: the litmus sentence of a three-tier map, where the
       * outcome names its actor: deliverable, outcome, goal clause */
      return g_strdup_printf (_("We build “%s” so that %s, %s."), deliverable, impact, goal);
    }

  /* "Teachers grade sooner" under "Teachers" names its actor already: a
   * clause of its own, read as in three tiers. */
  if (!outcome && names_actor (chain->impact->title, chain->actor->title))
    {
      impact = in_sentence (chain->impact->title);
      return g_strdup_printf (_("We build “%s” so that %s, %s."), deliverable, impact, goal);
    }

  actor = in_sentence (chain->actor->title);

  if (outcome)
    /* TRANSLATORS: the litmus sentence for an impact titled as a result
     * ("Fewer complaints"): deliverable, impact, actor, goal clause */
    return g_strdup_printf (_("We build “%s” so that the outcome “%s” comes true for %s, %s."),
                            deliverable, chain->impact->title, actor, goal);

  impact = in_sentence (chain->impact->title);
  /* TRANSLATORS: the litmus sentence: deliverable, actor, impact (a verb
   * phrase), goal clause */
  return g_strdup_printf (_("We build “%s” so that %s will %s, %s."), deliverable, actor, impact,
                          goal);
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
    g_ptr_array_add (sentences, chain_sentence (&g_array_index (chains, ImpChain, i), FALSE));

  return sentences;
}

/**
 * imp_analysis_get_display_sentences:
 *
 * Returns: (transfer full) (element-type utf8): the litmus sentences of
 *   imp_analysis_get_litmus_sentences(), with numbers as the user reads
 *   them (imp_analysis_chain_sentence_for_display())
 */
GPtrArray *
imp_analysis_get_display_sentences (ImpNode *deliverable)
{
  g_autoptr(GArray) chains = imp_analysis_get_chains (deliverable);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < chains->len; i++)
    g_ptr_array_add (sentences, chain_sentence (&g_array_index (chains, ImpChain, i), TRUE));

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
  gboolean outcome;

  g_return_val_if_fail (impact != NULL, prompts);

  if (impact->level != IMP_LEVEL_IMPACT)
    return prompts;

  outcome = imp_analysis_title_is_outcome (impact->title);
  what = outcome ? g_strdup (or_ellipsis (impact->title)) : in_sentence (impact->title);

  for (guint i = 0; i < impact->parents->len; i++)
    {
      ImpLink *link = g_ptr_array_index (impact->parents, i);
      g_autofree char *actor = NULL;

      if (link->parent->level != IMP_LEVEL_ACTOR)
        continue;

      actor = in_sentence (link->parent->title);
      if (outcome)
        /* TRANSLATORS: a "How might we" prompt for an impact titled as a
         * result ("Fewer complaints"): impact, actor */
        g_ptr_array_add (prompts, g_strdup_printf (_("How might we bring about “%s” for %s?"),
                                                   what, actor));
      else
        /* TRANSLATORS: a "How might we" prompt: actor, impact */
        g_ptr_array_add (prompts, g_strdup_printf (_("How might we help %s %s?"), actor, what));
      any_actor = TRUE;
    }

  /* An outcome without an actor (three tiers, or not linked yet) names
   * its actor in its own text. */
  if (!any_actor && outcome)
    /* TRANSLATORS: a "How might we" prompt for a result with no actor */
    g_ptr_array_add (prompts, g_strdup_printf (_("How might we bring about “%s”?"), what));
  else if (!any_actor)
    /* TRANSLATORS: a "How might we" prompt for an outcome with no actor */
    g_ptr_array_add (prompts, g_strdup_printf (_("How might we help %s?"), what));

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

      /* Shipped and dropped work is no candidate either: it is done with. */
      if (node->level == IMP_LEVEL_DELIVERABLE &&
          (imp_analysis_get_standing (node) != IMP_STANDING_LIVE ||
           node->delivery.status == IMP_DELIVERY_SHIPPED ||
           node->delivery.status == IMP_DELIVERY_DROPPED))
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
          imp_analysis_get_standing (node) == IMP_STANDING_LIVE &&
          node->delivery.status != IMP_DELIVERY_SHIPPED &&
          node->delivery.status != IMP_DELIVERY_DROPPED)
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
  ImpForecast forecast;

  /* With a pace, the readings judge (imp-tracking.c). */
  if (imp_metric_get_n_readings (metric) >= 2)
    {
      imp_tracking_forecast (metric, today, &forecast);
      return forecast.state;
    }

  return imp_analysis_get_snapshot_state (metric, today);
}

/**
 * imp_analysis_get_snapshot_state:
 * @metric: (nullable): a metric
 * @today: (nullable): the day to judge the deadline by
 *
 * The state from the current value alone, as if there were no readings.
 *
 * Returns: reached, overdue, off track (moved away past the baseline) or
 *   on track
 */
ImpMetricState
imp_analysis_get_snapshot_state (const ImpMetric *metric,
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

static void
add_chain_links (GHashTable *set,
                 ImpMap     *map,
                 ImpNode    *deliverable)
{
  g_autoptr(GArray) chains = imp_analysis_get_chains (deliverable);

  for (guint i = 0; i < chains->len; i++)
    {
      const ImpChain *c = &g_array_index (chains, ImpChain, i);
      ImpLink *link;

      if ((link = imp_map_find_link (map, c->impact, c->deliverable)) != NULL)
        g_hash_table_add (set, link);
      if (c->actor != NULL)
        {
          if ((link = imp_map_find_link (map, c->actor, c->impact)) != NULL)
            g_hash_table_add (set, link);
          if ((link = imp_map_find_link (map, c->goal, c->actor)) != NULL)
            g_hash_table_add (set, link);
        }
      else if ((link = imp_map_find_link (map, c->goal, c->impact)) != NULL)
        g_hash_table_add (set, link);
    }
}

/* The links on prioritised chains: those of the top three live
 * deliverables by ICE, and of every deliverable with dot votes. */
static GHashTable *
collect_prioritised_links (ImpMap *map)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) ranked = imp_analysis_rank_deliverables (map);

  for (guint i = 0; i < MIN (ranked->len, 3); i++)
    add_chain_links (set, map, g_ptr_array_index (ranked, i));

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level == IMP_LEVEL_DELIVERABLE && node->votes > 0)
        add_chain_links (set, map, node);
    }

  return set;
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
  g_autoptr(GHashTable) prioritised = NULL;
  ImpVocabulary vocabulary;
  gboolean three_tiers;

  g_return_val_if_fail (IMP_IS_MAP (map), findings);

  prioritised = collect_prioritised_links (map);

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

          if (link->status == IMP_LINK_STATUS_UNTESTED &&
              link->confidence == IMP_CONFIDENCE_LOW &&
              g_hash_table_contains (prioritised, link))
            {
              if (link->assumption != NULL && *link->assumption != '\0')
                add_finding (findings, IMP_FINDING_RISKY_ASSUMPTION, node, link,
                             /* TRANSLATORS: map health; assumption, parent title,
                              * child title */
                             g_strdup_printf (_("Test “%s” (from “%s” to “%s”) first: a "
                                                "prioritised deliverable rests on this "
                                                "untested, low-confidence assumption"),
                                              link->assumption, link->parent->title,
                                              node->title));
              else
                add_finding (findings, IMP_FINDING_RISKY_ASSUMPTION, node, link,
                             /* TRANSLATORS: map health; parent title, child title */
                             g_strdup_printf (_("Test the link from “%s” to “%s” first: a "
                                                "prioritised deliverable rests on it, "
                                                "untested and of low confidence"),
                                              link->parent->title, node->title));
            }

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
          if (imp_analysis_title_is_outcome (node->title))
            add_finding (findings, IMP_FINDING_OUTCOME_TITLE, node, NULL,
                         /* TRANSLATORS: map health, a nudge; an impact's title */
                         g_strdup_printf (_("“%s” reads as a result: say what the actors will "
                                            "do differently, as a behaviour"), node->title));
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
