/* imp-types.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "imp-types.h"

static gboolean
lookup (const char * const *table,
        guint               n,
        const char         *str,
        guint              *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (table[i], str) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Each enum gets a to_string/from_string pair over one table, so the file
 * format, the command line and the schema share one spelling. */
#define IMP_DEFINE_ENUM_STRINGS(Type, name, ...)                              \
  static const char * const name##_strings[] = { __VA_ARGS__ };               \
  const char *                                                                \
  imp_##name##_to_string (Type value)                                         \
  {                                                                           \
    if ((guint) value >= G_N_ELEMENTS (name##_strings))                       \
      return NULL;                                                            \
    return name##_strings[value];                                             \
  }                                                                           \
  gboolean                                                                    \
  imp_##name##_from_string (const char *str,                                  \
                            Type       *out)                                  \
  {                                                                           \
    guint v;                                                                  \
    if (!lookup (name##_strings, G_N_ELEMENTS (name##_strings), str, &v))     \
      return FALSE;                                                           \
    *out = (Type) v;                                                          \
    return TRUE;                                                              \
  }

IMP_DEFINE_ENUM_STRINGS (ImpLevel, level,
                         "goal", "actor", "impact", "deliverable", "experiment")
IMP_DEFINE_ENUM_STRINGS (ImpVocabulary, vocabulary,
                         "classic", "five-questions", "three-tiers", "product-chain")
IMP_DEFINE_ENUM_STRINGS (ImpConfidence, confidence,
                         "unset", "low", "medium", "high")
IMP_DEFINE_ENUM_STRINGS (ImpLinkStatus, link_status,
                         "untested", "supported", "refuted")
IMP_DEFINE_ENUM_STRINGS (ImpDeliveryStatus, delivery_status,
                         "none", "idea", "planned", "in-progress", "shipped", "dropped")
IMP_DEFINE_ENUM_STRINGS (ImpDirection, direction,
                         "increase", "decrease")
IMP_DEFINE_ENUM_STRINGS (ImpIndicator, indicator,
                         "lagging", "leading")
IMP_DEFINE_ENUM_STRINGS (ImpExperimentKind, experiment_kind,
                         "other", "usability-interview", "fake-door", "wizard-of-oz",
                         "kano-survey", "technical-spike", "ab-test")
IMP_DEFINE_ENUM_STRINGS (ImpAspect, aspect,
                         "validity", "usability", "feasibility")
IMP_DEFINE_ENUM_STRINGS (ImpExperimentStatus, experiment_status,
                         "planned", "running", "done")
IMP_DEFINE_ENUM_STRINGS (ImpResult, result,
                         "none", "supports", "refutes", "inconclusive")
IMP_DEFINE_ENUM_STRINGS (ImpThemeKind, theme_kind,
                         "light", "dark", "print", "projector")
IMP_DEFINE_ENUM_STRINGS (ImpLayoutKind, layout_kind,
                         "right", "balanced", "down")

/**
 * imp_delivery_status_display_name:
 *
 * Returns: the status in the user's language: "Shipped", "In progress"
 */
const char *
imp_delivery_status_display_name (ImpDeliveryStatus status)
{
  static const char * const names[] = {
    N_("Not tracked"), N_("Idea"), N_("Planned"), N_("In progress"), N_("Shipped"),
    N_("Dropped"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (names), "");

  return _(names[status]);
}

const char *
imp_layout_kind_display_name (ImpLayoutKind kind)
{
  static const char * const names[IMP_N_LAYOUTS] = {
    N_("Left to Right"),
    N_("Balanced"),
    N_("Top Down"),
  };

  g_return_val_if_fail ((guint) kind < IMP_N_LAYOUTS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, names[kind]);
}

const char *
imp_vocabulary_level_name (ImpVocabulary vocabulary,
                           ImpLevel      level)
{
  static const char * const names[IMP_N_VOCABULARIES][IMP_N_LEVELS] = {
    { N_("Goal"), N_("Actor"), N_("Impact"), N_("Deliverable"), N_("Experiment") },
    { N_("Why"), N_("Who"), N_("How"), N_("What"), N_("Whether") },
    { N_("Impact"), N_("Actor"), N_("Outcome"), N_("Output"), N_("Experiment") },
    { N_("Business result"), N_("Customer behaviour"), N_("Customer problem"),
      N_("Feature"), N_("Experiment") },
  };

  g_return_val_if_fail ((guint) vocabulary < IMP_N_VOCABULARIES, NULL);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, names[vocabulary][level]);
}

const char *
imp_vocabulary_display_name (ImpVocabulary vocabulary)
{
  static const char * const names[IMP_N_VOCABULARIES] = {
    N_("Goal, Actor, Impact, Deliverable"),
    N_("Why, Who, How, What, Whether"),
    N_("Impact, Outcome, Output"),
    N_("Product impact chain"),
  };

  g_return_val_if_fail ((guint) vocabulary < IMP_N_VOCABULARIES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, names[vocabulary]);
}

gboolean
imp_vocabulary_hides_actors (ImpVocabulary vocabulary)
{
  return vocabulary == IMP_VOCABULARY_THREE_TIERS;
}

/**
 * imp_level_may_parent:
 * @vocabulary: the map's vocabulary
 * @parent: the level of the upper card
 * @child: the level of the card linked under it
 *
 * The level rule, the one answer for the map, the reader and the window:
 * a link goes exactly one level right (an actor under a goal, an impact
 * under an actor, …), and where the vocabulary folds actors away (three
 * tiers) an impact may also sit directly under a goal.
 *
 * Returns: whether a card of level @child may sit under one of @parent
 */
gboolean
imp_level_may_parent (ImpVocabulary vocabulary,
                      ImpLevel      parent,
                      ImpLevel      child)
{
  if (child == parent + 1)
    return TRUE;

  /* Three tiers fold actors away: outcomes (impacts) hang off the goal. */
  return imp_vocabulary_hides_actors (vocabulary) &&
         parent == IMP_LEVEL_GOAL && child == IMP_LEVEL_IMPACT;
}

/**
 * imp_level_new_child:
 * @vocabulary: the map's vocabulary
 * @parent: the level of the card a new card goes under
 * @child: (out): the level the new card takes
 *
 * The level a new card under one of @parent takes, by the rule of
 * imp_level_may_parent(): the next level right, or an impact under a goal
 * where the vocabulary folds actors away.
 *
 * Returns: %FALSE if nothing may go under @parent (the last level)
 */
gboolean
imp_level_new_child (ImpVocabulary  vocabulary,
                     ImpLevel       parent,
                     ImpLevel      *child)
{
  g_return_val_if_fail (child != NULL, FALSE);

  if (parent == IMP_LEVEL_GOAL && imp_vocabulary_hides_actors (vocabulary))
    *child = IMP_LEVEL_IMPACT;
  else if (parent + 1 < IMP_N_LEVELS)
    *child = parent + 1;
  else
    return FALSE;

  g_assert (imp_level_may_parent (vocabulary, parent, *child));

  return TRUE;
}
