/* imp-experiment.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-types.h"

G_BEGIN_DECLS

/**
 * ImpExperiment:
 *
 * The payload of an experiment node (DOMAIN.md, "Experiments"). Its title is
 * the node's title; dates are "YYYY-MM-DD" or NULL.
 */
struct _ImpExperiment
{
  ImpExperimentKind   kind;
  ImpAspect           aspect;
  ImpExperimentStatus status;
  ImpResult           result;
  char               *start_date;
  char               *end_date;
  char               *evidence;
};

#define IMP_TYPE_EXPERIMENT (imp_experiment_get_type ())

GType          imp_experiment_get_type (void) G_GNUC_CONST;
ImpExperiment *imp_experiment_new      (void);
ImpExperiment *imp_experiment_copy     (const ImpExperiment *experiment);
void           imp_experiment_free     (ImpExperiment       *experiment);
gboolean       imp_experiment_equal    (const ImpExperiment *a,
                                        const ImpExperiment *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpExperiment, imp_experiment_free)

ImpAspect      imp_experiment_kind_get_usual_aspect (ImpExperimentKind  kind);
void           imp_experiment_set_kind              (ImpExperiment     *experiment,
                                                     ImpExperimentKind  kind);

G_END_DECLS
