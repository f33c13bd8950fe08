/* imp-metric.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-metric"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "imp-metric.h"

G_DEFINE_BOXED_TYPE (ImpMetric, imp_metric, imp_metric_copy, imp_metric_free)

/**
 * imp_metric_new:
 *
 * Returns: (transfer full): a metric with every number unknown, increasing, lagging.
 */
ImpMetric *
imp_metric_new (void)
{
  ImpMetric *self = g_new0 (ImpMetric, 1);

  self->baseline = NAN;
  self->current = NAN;
  self->target = NAN;
  self->direction = IMP_DIRECTION_INCREASE;
  self->indicator = IMP_INDICATOR_LAGGING;

  return self;
}

/* Words that say the behaviour should go down: "Fewer complaints",
 * "Complain less", "Weniger Beschwerden". Lower case. */
static const char * const decrease_words[] = {
  "fewer", "less", "lower", "reduce", "reduced", "decrease", "decreased", "cut", "shorter",
  "weniger", "geringer", "geringere", "niedriger", "niedrigere", "kürzere", "reduzieren",
  "senken", "reduzierte", NULL
};

/**
 * imp_metric_new_for_title:
 * @title: (nullable): the title of the card the metric is for
 *
 * A new metric whose direction fits @title: decrease when one of its first
 * two words says less ("Fewer complaints", "Less time waiting", "Raise
 * fewer complaints", "Weniger Beschwerden"), else increase.
 *
 * Returns: (transfer full): the metric
 */
ImpMetric *
imp_metric_new_for_title (const char *title)
{
  ImpMetric *self = imp_metric_new ();
  g_auto(GStrv) words = NULL;

  if (title == NULL)
    return self;

  words = g_strsplit_set (title, " \t\n,;:", 3);
  for (guint i = 0; words[i] != NULL && i < 2; i++)
    {
      g_autofree char *word = g_utf8_strdown (words[i], -1);

      if (g_strv_contains (decrease_words, word))
        {
          self->direction = IMP_DIRECTION_DECREASE;
          break;
        }
    }

  return self;
}

ImpMetric *
imp_metric_copy (const ImpMetric *metric)
{
  ImpMetric *copy;

  g_return_val_if_fail (metric != NULL, NULL);

  copy = g_memdup2 (metric, sizeof *metric);
  copy->name = g_strdup (metric->name);
  copy->unit = g_strdup (metric->unit);
  copy->deadline = g_strdup (metric->deadline);

  return copy;
}

void
imp_metric_free (ImpMetric *metric)
{
  if (metric == NULL)
    return;

  g_free (metric->name);
  g_free (metric->unit);
  g_free (metric->deadline);
  g_free (metric);
}

static gboolean
number_equal (double a,
              double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
imp_metric_equal (const ImpMetric *a,
                  const ImpMetric *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->unit, b->unit) == 0 &&
         number_equal (a->baseline, b->baseline) &&
         number_equal (a->current, b->current) &&
         number_equal (a->target, b->target) &&
         a->direction == b->direction &&
         g_strcmp0 (a->deadline, b->deadline) == 0 &&
         a->indicator == b->indicator;
}

/**
 * imp_metric_has_target:
 *
 * Returns: whether the metric has a target. One without is "direction only"
 *   and shows no progress.
 */
gboolean
imp_metric_has_target (const ImpMetric *metric)
{
  return metric != NULL && isfinite (metric->target);
}

/**
 * imp_metric_get_progress:
 *
 * How far the current value has moved from the baseline towards the target,
 * clamped to 0..1. The sign of (target - baseline) already encodes the
 * direction, so a decreasing metric works the same way.
 *
 * Returns: the progress in 0..1, or NAN when it cannot be computed (no
 *   target, no baseline, no current value, or baseline equal to target).
 */
double
imp_metric_get_progress (const ImpMetric *metric)
{
  double span;

  if (metric == NULL ||
      !isfinite (metric->baseline) ||
      !isfinite (metric->current) ||
      !isfinite (metric->target))
    return NAN;

  span = metric->target - metric->baseline;
  if (span == 0)
    return NAN;

  /* A range near ±1e308 overflows: the same fraction at half the scale. */
  if (!isfinite (span) || !isfinite (metric->current - metric->baseline))
    return CLAMP ((metric->current / 2 - metric->baseline / 2) /
                  (metric->target / 2 - metric->baseline / 2), 0.0, 1.0);

  return CLAMP ((metric->current - metric->baseline) / span, 0.0, 1.0);
}

/**
 * imp_metric_is_valid_date:
 * @date: a string
 *
 * Returns: whether @date is a real calendar date written "YYYY-MM-DD".
 */
gboolean
imp_metric_is_valid_date (const char *date)
{
  guint y, m, d;

  /* Digits only: sscanf's %u would take " 202" and "-001" and "+1". */
  if (date == NULL)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  if (date[10] != '\0')
    return FALSE;

  y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  m = (date[5] - '0') * 10 + (date[6] - '0');
  d = (date[8] - '0') * 10 + (date[9] - '0');

  return g_date_valid_dmy (d, m, y);
}

gboolean
imp_ice_is_set (const ImpIce *ice)
{
  return ice->impact >= 1 && ice->impact <= 10 &&
         ice->confidence >= 1 && ice->confidence <= 10 &&
         ice->ease >= 1 && ice->ease <= 10;
}

/**
 * imp_ice_get_score:
 *
 * Returns: Impact × Confidence × Ease (1–1000), or 0 when not fully scored.
 */
guint
imp_ice_get_score (const ImpIce *ice)
{
  if (!imp_ice_is_set (ice))
    return 0;

  return (guint) ice->impact * ice->confidence * ice->ease;
}
