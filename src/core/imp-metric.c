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

static void
reading_clear (gpointer data)
{
  ImpReading *reading = data;

  g_clear_pointer (&reading->note, g_free);
  g_clear_pointer (&reading->extra, json_object_unref);
}

static GArray *
readings_new (guint reserve)
{
  GArray *readings = g_array_sized_new (FALSE, TRUE, sizeof (ImpReading), reserve);

  g_array_set_clear_func (readings, reading_clear);

  return readings;
}

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
  copy->readings = NULL;
  if (metric->readings != NULL && metric->readings->len > 0)
    {
      copy->readings = readings_new (metric->readings->len);
      g_array_append_vals (copy->readings, metric->readings->data, metric->readings->len);
      for (guint i = 0; i < copy->readings->len; i++)
        {
          ImpReading *r = &g_array_index (copy->readings, ImpReading, i);

          r->note = g_strdup (r->note);
          if (r->extra != NULL)
            json_object_ref (r->extra);
        }
    }

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
  g_clear_pointer (&metric->readings, g_array_unref);
  g_free (metric);
}

static gboolean
number_equal (double a,
              double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
readings_equal (const GArray *a,
                const GArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const ImpReading *ra = &g_array_index (a, ImpReading, i);
      const ImpReading *rb = &g_array_index (b, ImpReading, i);

      if (strcmp (ra->date, rb->date) != 0 || !number_equal (ra->value, rb->value) ||
          g_strcmp0 (ra->note, rb->note) != 0)
        return FALSE;
      if ((ra->extra == NULL) != (rb->extra == NULL) ||
          (ra->extra != NULL && !json_object_equal (ra->extra, rb->extra)))
        return FALSE;
    }

  return TRUE;
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
         a->indicator == b->indicator &&
         readings_equal (a->readings, b->readings);
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
imp_delivery_equal (const ImpDelivery *a,
                    const ImpDelivery *b)
{
  return a->status == b->status && strcmp (a->shipped, b->shipped) == 0;
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

/**
 * imp_metric_get_n_readings:
 *
 * Returns: how many readings @metric holds; 0 for %NULL
 */
guint
imp_metric_get_n_readings (const ImpMetric *metric)
{
  return metric != NULL && metric->readings != NULL ? metric->readings->len : 0;
}

/**
 * imp_metric_get_reading:
 * @index: below imp_metric_get_n_readings()
 *
 * Returns: (transfer none): the reading at @index, oldest first
 */
const ImpReading *
imp_metric_get_reading (const ImpMetric *metric,
                        guint            index)
{
  g_return_val_if_fail (index < imp_metric_get_n_readings (metric), NULL);

  return &g_array_index (metric->readings, ImpReading, index);
}

/**
 * imp_metric_get_last_reading:
 *
 * Returns: (transfer none) (nullable): the latest reading, or %NULL
 */
const ImpReading *
imp_metric_get_last_reading (const ImpMetric *metric)
{
  guint n = imp_metric_get_n_readings (metric);

  return n > 0 ? &g_array_index (metric->readings, ImpReading, n - 1) : NULL;
}

static void
sync_current (ImpMetric *metric)
{
  const ImpReading *last = imp_metric_get_last_reading (metric);

  if (last != NULL)
    metric->current = last->value;
  if (metric->readings != NULL && metric->readings->len == 0)
    g_clear_pointer (&metric->readings, g_array_unref);
}

/**
 * imp_metric_add_reading:
 * @date: a valid date, "YYYY-MM-DD"
 * @value: a finite number
 * @note: (nullable): a note; empty counts as none
 *
 * Adds a reading in date order; one on a day that already has readings goes
 * after them, so the latest added is the day's last. The current value
 * becomes the latest reading's.
 *
 * Returns: the index of the new reading
 */
guint
imp_metric_add_reading (ImpMetric  *metric,
                        const char *date,
                        double      value,
                        const char *note)
{
  ImpReading reading = { .value = value };
  guint index;

  g_return_val_if_fail (metric != NULL, 0);
  g_return_val_if_fail (imp_metric_is_valid_date (date), 0);
  g_return_val_if_fail (isfinite (value), 0);

  if (metric->readings == NULL)
    metric->readings = readings_new (1);

  memcpy (reading.date, date, sizeof reading.date);
  reading.note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;

  /* Readings mostly come in date order: look from the end. */
  index = metric->readings->len;
  while (index > 0 &&
         strcmp (g_array_index (metric->readings, ImpReading, index - 1).date, date) > 0)
    index--;
  g_array_insert_val (metric->readings, index, reading);
  sync_current (metric);

  return index;
}

/**
 * imp_metric_remove_reading:
 *
 * Removes the reading at @index. The current value becomes the new latest
 * reading's; with no reading left it keeps the value it had.
 */
void
imp_metric_remove_reading (ImpMetric *metric,
                           guint      index)
{
  g_return_if_fail (index < imp_metric_get_n_readings (metric));

  g_array_remove_index (metric->readings, index);
  sync_current (metric);
}

/**
 * imp_metric_set_reading:
 *
 * Changes the reading at @index, which moves to keep date order; its
 * unknown members stay with it.
 *
 * Returns: its new index
 */
guint
imp_metric_set_reading (ImpMetric  *metric,
                        guint       index,
                        const char *date,
                        double      value,
                        const char *note)
{
  JsonObject *extra;
  guint at;

  g_return_val_if_fail (index < imp_metric_get_n_readings (metric), 0);
  g_return_val_if_fail (imp_metric_is_valid_date (date), 0);
  g_return_val_if_fail (isfinite (value), 0);

  extra = g_steal_pointer (&g_array_index (metric->readings, ImpReading, index).extra);
  g_array_remove_index (metric->readings, index);
  if (metric->readings->len == 0)
    g_clear_pointer (&metric->readings, g_array_unref);
  at = imp_metric_add_reading (metric, date, value, note);
  g_array_index (metric->readings, ImpReading, at).extra = extra;

  return at;
}

/**
 * imp_metric_set_reading_extra:
 * @extra: (nullable) (transfer none): members to keep on round trip
 */
void
imp_metric_set_reading_extra (ImpMetric  *metric,
                              guint       index,
                              JsonObject *extra)
{
  ImpReading *reading;

  g_return_if_fail (index < imp_metric_get_n_readings (metric));

  reading = &g_array_index (metric->readings, ImpReading, index);
  g_clear_pointer (&reading->extra, json_object_unref);
  if (extra != NULL)
    reading->extra = json_object_ref (extra);
}

/**
 * imp_metric_append_reading:
 *
 * Appends a reading whatever its date, for a reader that then calls
 * imp_metric_sort_readings() once: inserting each in order would take
 * quadratic time on a file written newest first.
 *
 * Returns: its index
 */
guint
imp_metric_append_reading (ImpMetric  *metric,
                           const char *date,
                           double      value,
                           const char *note)
{
  ImpReading reading = { .value = value };

  g_return_val_if_fail (metric != NULL, 0);
  g_return_val_if_fail (imp_metric_is_valid_date (date), 0);
  g_return_val_if_fail (isfinite (value), 0);

  if (metric->readings == NULL)
    metric->readings = readings_new (16);

  memcpy (reading.date, date, sizeof reading.date);
  reading.note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  g_array_append_val (metric->readings, reading);

  return metric->readings->len - 1;
}

static int
compare_reading_dates (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (((const ImpReading *) a)->date, ((const ImpReading *) b)->date);
}

/**
 * imp_metric_sort_readings:
 *
 * Puts the readings in date order, those of one day in the order they were
 * added, and makes the current value the latest reading's.
 */
void
imp_metric_sort_readings (ImpMetric *metric)
{
  g_return_if_fail (metric != NULL);

  /* g_array_sort() is stable. */
  if (metric->readings != NULL)
    g_array_sort (metric->readings, compare_reading_dates);
  sync_current (metric);
}
