/* imp-metric.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-types.h"

G_BEGIN_DECLS

/**
 * ImpMetric:
 *
 * The measure of a goal or an impact (DOMAIN.md, "Metrics"). A number that is
 * not known is NAN; strings that are not set are NULL. @deadline is an ISO 8601
 * date, "YYYY-MM-DD".
 */
struct _ImpMetric
{
  char         *name;
  char         *unit;
  double        baseline;
  double        current;
  double        target;
  ImpDirection  direction;
  char         *deadline;
  ImpIndicator  indicator;
};

#define IMP_TYPE_METRIC (imp_metric_get_type ())

GType      imp_metric_get_type     (void) G_GNUC_CONST;
ImpMetric *imp_metric_new          (void);
ImpMetric *imp_metric_copy         (const ImpMetric *metric);
void       imp_metric_free         (ImpMetric       *metric);
ImpMetric *imp_metric_new_for_title (const char     *title);
gboolean   imp_metric_equal        (const ImpMetric *a,
                                    const ImpMetric *b);
gboolean   imp_metric_has_target   (const ImpMetric *metric);
double     imp_metric_get_progress (const ImpMetric *metric);
gboolean   imp_metric_is_valid_date (const char    *date);

/**
 * ImpIce:
 *
 * Impact, Confidence and Ease of a deliverable, each 1–10; 0 means "not scored".
 */
typedef struct
{
  guint8 impact;
  guint8 confidence;
  guint8 ease;
} ImpIce;

gboolean imp_ice_is_set    (const ImpIce *ice);
guint    imp_ice_get_score (const ImpIce *ice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpMetric, imp_metric_free)

G_END_DECLS
