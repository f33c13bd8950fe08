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
