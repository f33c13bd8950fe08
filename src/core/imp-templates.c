/* imp-templates.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "imp-templates.h"
#include "imp-map-private.h"

/* A blank map is one chain from the goal to the right, each card titled
 * with the question its column answers, so that a facilitator can start a
 * round by overtyping the prompts. */

typedef struct
{
  ImpLevel    level;
  const char *prompt;
} Step;

#define MAX_STEPS 5

typedef struct
{
  const char    *name;
  const char    *description;
  ImpVocabulary  vocabulary;
  Step           steps[MAX_STEPS];
  guint          n_steps;
} Template;

static const Template templates[IMP_N_TEMPLATES] = {
  [IMP_TEMPLATE_FOUR_LEVEL] = {
    N_("Four Levels (Why, Who, How, What)"),
    N_("The classic impact map: a goal, the actors who can help or block it, the changes in "
       "their behaviour, and what to build or do to cause them"),
    IMP_VOCABULARY_CLASSIC,
    {
      { IMP_LEVEL_GOAL, N_("Goal: what should change, by how much, by when?") },
      { IMP_LEVEL_ACTOR, N_("Actor: who can help or block it?") },
      { IMP_LEVEL_IMPACT, N_("Impact: how must their behaviour change?") },
      { IMP_LEVEL_DELIVERABLE, N_("Deliverable: what could we build or do to cause it?") },
    },
    4,
  },
  [IMP_TEMPLATE_FIVE_LEVEL] = {
    N_("Five Levels (Why, Who, How, What, Whether)"),
    N_("The four levels and a fifth for experiments that test whether a deliverable is worth "
       "building"),
    IMP_VOCABULARY_FIVE_QUESTIONS,
    {
      { IMP_LEVEL_GOAL, N_("Why are we doing this? What should change, by how much, by when?") },
      { IMP_LEVEL_ACTOR, N_("Who can help or block it?") },
      { IMP_LEVEL_IMPACT, N_("How must their behaviour change?") },
      { IMP_LEVEL_DELIVERABLE, N_("What could we build or do to cause it?") },
      { IMP_LEVEL_EXPERIMENT, N_("Whether it is worth building: how will we test it first?") },
    },
    5,
  },
  [IMP_TEMPLATE_THREE_TIER] = {
    N_("Three Tiers (Impact, Outcome, Output)"),
    N_("A result, the outcomes that lead to it with the actor named in each, and the outputs "
       "that produce them"),
    IMP_VOCABULARY_THREE_TIERS,
    {
      { IMP_LEVEL_GOAL, N_("Impact: what result should change, by how much, by when?") },
      { IMP_LEVEL_IMPACT, N_("Outcome: who will do what differently?") },
      { IMP_LEVEL_DELIVERABLE, N_("Output: what will we deliver to make it happen?") },
    },
    3,
  },
};

/**
 * imp_template_new_map:
 * @template_: which template
 *
 * A blank map in @template_'s vocabulary: one card per level from the goal
 * to the right, each titled with the question its column answers, in the
 * user's language.
 *
 * Returns: (transfer full): a new map
 */
ImpMap *
imp_template_new_map (ImpTemplate template_)
{
  const Template *t;
  ImpMap *map;
  ImpNode *parent = NULL;

  g_return_val_if_fail ((guint) template_ < IMP_N_TEMPLATES, NULL);

  t = &templates[template_];
  map = imp_map_new ();
  _imp_map_set_vocabulary (map, t->vocabulary);

  for (guint i = 0; i < t->n_steps; i++)
    {
      const char *title = g_dgettext (GETTEXT_PACKAGE, t->steps[i].prompt);
      g_autoptr(GError) error = NULL;
      ImpNode *node;

      /* New ids cannot clash and every step fits under the one before in
       * the template's vocabulary (the tests check both). */
      node = _imp_map_add_node (map, t->steps[i].level, title, NULL, NULL);
      if (parent != NULL && _imp_map_link (map, parent, node, -1, &error) == NULL)
        g_critical ("Template %d: %s", template_, error->message);
      parent = node;
    }

  return map;
}

/**
 * imp_template_get_name:
 * @template_: which template
 *
 * Returns: the template's name, translated
 */
const char *
imp_template_get_name (ImpTemplate template_)
{
  g_return_val_if_fail ((guint) template_ < IMP_N_TEMPLATES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, templates[template_].name);
}

/**
 * imp_template_get_description:
 * @template_: which template
 *
 * Returns: one sentence on what the template is for, translated
 */
const char *
imp_template_get_description (ImpTemplate template_)
{
  g_return_val_if_fail ((guint) template_ < IMP_N_TEMPLATES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, templates[template_].description);
}

/**
 * imp_template_get_vocabulary:
 * @template_: which template
 *
 * Returns: the level names the template's maps use
 */
ImpVocabulary
imp_template_get_vocabulary (ImpTemplate template_)
{
  g_return_val_if_fail ((guint) template_ < IMP_N_TEMPLATES, IMP_VOCABULARY_CLASSIC);

  return templates[template_].vocabulary;
}
