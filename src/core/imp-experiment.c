/* imp-experiment.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-experiment"

#include "config.h"

#include "imp-experiment.h"

G_DEFINE_BOXED_TYPE (ImpExperiment, imp_experiment, imp_experiment_copy, imp_experiment_free)

ImpExperiment *
imp_experiment_new (void)
{
  ImpExperiment *self = g_new0 (ImpExperiment, 1);

  self->kind = IMP_EXPERIMENT_KIND_OTHER;
  self->aspect = IMP_ASPECT_VALIDITY;
  self->status = IMP_EXPERIMENT_PLANNED;
  self->result = IMP_RESULT_NONE;

  return self;
}

ImpExperiment *
imp_experiment_copy (const ImpExperiment *experiment)
{
  ImpExperiment *copy;

  g_return_val_if_fail (experiment != NULL, NULL);

  copy = g_memdup2 (experiment, sizeof *experiment);
  copy->start_date = g_strdup (experiment->start_date);
  copy->end_date = g_strdup (experiment->end_date);
  copy->evidence = g_strdup (experiment->evidence);

  return copy;
}

void
imp_experiment_free (ImpExperiment *experiment)
{
  if (experiment == NULL)
    return;

  g_free (experiment->start_date);
  g_free (experiment->end_date);
  g_free (experiment->evidence);
  g_free (experiment);
}

gboolean
imp_experiment_equal (const ImpExperiment *a,
                      const ImpExperiment *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->kind == b->kind &&
         a->aspect == b->aspect &&
         a->status == b->status &&
         a->result == b->result &&
         g_strcmp0 (a->start_date, b->start_date) == 0 &&
         g_strcmp0 (a->end_date, b->end_date) == 0 &&
         g_strcmp0 (a->evidence, b->evidence) == 0;
}

/**
 * imp_experiment_kind_get_usual_aspect:
 * @kind: a kind of experiment
 *
 * Returns: the aspect an experiment of @kind usually tests: a technical
 *   spike feasibility, a usability interview usability, the others (fake
 *   door, Wizard of Oz, Kano survey, A/B test, other) validity
 */
ImpAspect
imp_experiment_kind_get_usual_aspect (ImpExperimentKind kind)
{
  switch (kind)
    {
    case IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE:
      return IMP_ASPECT_FEASIBILITY;
    case IMP_EXPERIMENT_KIND_USABILITY_INTERVIEW:
      return IMP_ASPECT_USABILITY;
    case IMP_EXPERIMENT_KIND_FAKE_DOOR:
    case IMP_EXPERIMENT_KIND_WIZARD_OF_OZ:
    case IMP_EXPERIMENT_KIND_KANO_SURVEY:
    case IMP_EXPERIMENT_KIND_AB_TEST:
    case IMP_EXPERIMENT_KIND_OTHER:
    default:
      return IMP_ASPECT_VALIDITY;
    }
}

/**
 * imp_experiment_set_kind:
 * @experiment: an experiment
 * @kind: its new kind
 *
 * Sets the kind, and the aspect with it to the new kind's usual one
 * (imp_experiment_kind_get_usual_aspect()) unless the user chose another
 * aspect than the old kind's usual one: choosing "Technical spike" makes a
 * new experiment test feasibility, but never overrides a choice.
 */
void
imp_experiment_set_kind (ImpExperiment     *experiment,
                         ImpExperimentKind  kind)
{
  g_return_if_fail (experiment != NULL);

  if (experiment->aspect == imp_experiment_kind_get_usual_aspect (experiment->kind))
    experiment->aspect = imp_experiment_kind_get_usual_aspect (kind);
  experiment->kind = kind;
}
