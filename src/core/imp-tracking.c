/* imp-tracking.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-tracking"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "imp-number.h"
#include "imp-tracking.h"

/*
 * What the readings of a metric say (README, "Tracking").
 *
 * Pace: the least-squares line through every reading, day by day (readings
 * of one day all count). The forecast carries the current value (the latest
 * reading) forward at that pace: the target is reached on the day the line
 * from the latest reading crosses it, and the value at the deadline is that
 * line's there.
 *
 * State, with a target: reached when the current value is at or past it;
 * overdue when the deadline is before the day asked about; else, with a
 * pace, on track when the forecast reaches the target by the deadline (with
 * no deadline: when moving towards it), at risk when it covers at least
 * half of the gap left, off track when less or moving away. With fewer than
 * two days of readings the old rule of imp_analysis_get_metric_state()
 * judges the current value alone.
 */

/* A forecast further out than this says "not at this pace": GDate ends in
 * the year 65535, and a target a thousand years away is not a plan. */
#define MAX_FORECAST_DAYS (366 * 1000)

/**
 * imp_tracking_julian:
 * @date: (nullable): "YYYY-MM-DD"
 *
 * Returns: the Julian day of @date, or 0 when it is not a date
 */
guint32
imp_tracking_julian (const char *date)
{
  GDate d;

  if (!imp_analysis_parse_date (date, &d))
    return 0;

  return g_date_get_julian (&d);
}

/**
 * imp_tracking_format_julian:
 *
 * Returns: (transfer full): the day written "YYYY-MM-DD"
 */
char *
imp_tracking_format_julian (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  if (!g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_set_julian (&d, julian);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static gboolean
is_reached (const ImpMetric *metric,
            double           value)
{
  return metric->direction == IMP_DIRECTION_DECREASE ? value <= metric->target
                                                     : value >= metric->target;
}

/**
 * imp_tracking_forecast:
 * @metric: (nullable): a metric
 * @today: (nullable): the day to judge the deadline by; %NULL ignores it
 * @forecast: (out): what the readings say
 *
 * Fits the pace of @metric's readings and forecasts the target and the
 * deadline from it; see the comment at the top of imp-tracking.c.
 */
void
imp_tracking_forecast (const ImpMetric *metric,
                       const GDate     *today,
                       ImpForecast     *forecast)
{
  guint n = imp_metric_get_n_readings (metric);
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  guint32 deadline;
  double gap, covered;
  gboolean towards;

  memset (forecast, 0, sizeof *forecast);
  forecast->at_deadline = NAN;
  forecast->slope = NAN;
  forecast->intercept = NAN;
  forecast->n_readings = n;
  forecast->state = imp_analysis_get_snapshot_state (metric, today);

  if (n == 0)
    return;

  forecast->origin = imp_tracking_julian (imp_metric_get_reading (metric, 0)->date);
  forecast->last = imp_tracking_julian (imp_metric_get_last_reading (metric)->date);
  if (n < 2 || forecast->last == forecast->origin)
    return;

  /* Centred sums: days from the first reading and values as they are keep
   * the sums exact enough for a century of daily readings. */
  for (guint i = 0; i < n; i++)
    {
      const ImpReading *r = imp_metric_get_reading (metric, i);
      double x = (double) imp_tracking_julian (r->date) - forecast->origin;

      sx += x;
      sy += r->value;
    }
  sx /= n;
  sy /= n;
  for (guint i = 0; i < n; i++)
    {
      const ImpReading *r = imp_metric_get_reading (metric, i);
      double dx = (double) imp_tracking_julian (r->date) - forecast->origin - sx;
      double dy = r->value - sy;

      sxx += dx * dx;
      sxy += dx * dy;
    }
  forecast->has_pace = TRUE;
  forecast->slope = sxy / sxx;
  forecast->intercept = sy - forecast->slope * sx;
  if (!isfinite (forecast->slope))
    {
      forecast->has_pace = FALSE;
      return;
    }

  if (!isfinite (metric->target) || !isfinite (metric->current))
    return;

  gap = metric->target - metric->current;
  towards = (gap > 0 && forecast->slope > 0) || (gap < 0 && forecast->slope < 0);

  if (is_reached (metric, metric->current))
    forecast->reaches = TRUE;
  else if (towards)
    {
      double days = ceil (gap / forecast->slope);

      if (isfinite (days) && days <= MAX_FORECAST_DAYS)
        {
          forecast->reaches = TRUE;
          forecast->reach_day = forecast->last + (guint32) days;
        }
    }

  deadline = imp_tracking_julian (metric->deadline);
  if (deadline != 0)
    {
      double ahead = deadline > forecast->last ? (double) deadline - forecast->last : 0;

      forecast->at_deadline = metric->current + forecast->slope * ahead;
      if (!is_reached (metric, forecast->at_deadline))
        forecast->shortfall = fabs (metric->target - forecast->at_deadline);
    }

  if (forecast->state == IMP_METRIC_STATE_REACHED ||
      forecast->state == IMP_METRIC_STATE_OVERDUE ||
      forecast->state == IMP_METRIC_STATE_UNKNOWN)
    return;

  if (deadline == 0)
    {
      forecast->state = towards ? IMP_METRIC_STATE_ON_TRACK : IMP_METRIC_STATE_OFF_TRACK;
      return;
    }

  covered = (forecast->at_deadline - metric->current) / gap;
  if (is_reached (metric, forecast->at_deadline))
    forecast->state = IMP_METRIC_STATE_ON_TRACK;
  else if (towards && covered >= 0.5)
    forecast->state = IMP_METRIC_STATE_AT_RISK;
  else
    forecast->state = IMP_METRIC_STATE_OFF_TRACK;
}

/**
 * imp_tracking_state_name:
 *
 * Returns: the state in a few translated words: "On track", "At risk"
 */
const char *
imp_tracking_state_name (ImpMetricState state)
{
  switch (state)
    {
    case IMP_METRIC_STATE_REACHED:
      return _("Reached");
    case IMP_METRIC_STATE_ON_TRACK:
      return _("On track");
    case IMP_METRIC_STATE_AT_RISK:
      return _("At risk");
    case IMP_METRIC_STATE_OFF_TRACK:
      return _("Off track");
    case IMP_METRIC_STATE_OVERDUE:
      return _("Overdue");
    case IMP_METRIC_STATE_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static char *
format_amount (double value)
{
  ImpNumberFormat format;

  imp_number_format_init_locale (&format);

  return imp_number_to_text (&format, value, 2);
}

/**
 * imp_tracking_describe_forecast:
 * @today: (nullable): the day the forecast is read on
 *
 * Returns: (transfer full): a translated sentence: the pace and when the
 *   target is reached at it, or how far short it is at the deadline, or
 *   that there is not enough data for a pace
 */
char *
imp_tracking_describe_forecast (const ImpMetric   *metric,
                                const ImpForecast *forecast,
                                const GDate       *today)
{
  g_autofree char *week = NULL;
  g_autofree char *unit = NULL;

  if (!forecast->has_pace)
    return g_strdup (forecast->n_readings == 0
                     ? _("No readings yet: not enough data for a pace")
                     : _("Not enough data for a pace: it needs readings on two different days"));

  week = format_amount (forecast->slope * 7);
  unit = metric->unit != NULL && *metric->unit ? g_strdup_printf (" %s", metric->unit)
                                               : g_strdup ("");

  if (!isfinite (metric->target))
    /* Translators: a pace, "+120 users a week"; no target to forecast */
    return g_strdup_printf (_("Pace %s%s%s a week; no target to forecast"),
                            forecast->slope > 0 ? "+" : "", week, unit);

  if (is_reached (metric, metric->current))
    return g_strdup_printf (_("Pace %s%s%s a week; the target is reached"),
                            forecast->slope > 0 ? "+" : "", week, unit);

  if (forecast->reaches && forecast->reach_day != 0)
    {
      g_autofree char *when = imp_tracking_format_julian (forecast->reach_day);
      guint32 deadline = imp_tracking_julian (metric->deadline);

      if (deadline != 0 && forecast->reach_day > deadline)
        {
          g_autofree char *short_by = format_amount (forecast->shortfall);

          /* Translators: pace; the day the target is reached; how far short at the deadline */
          return g_strdup_printf (_("Pace %s%s%s a week: the target is reached on %s, "
                                    "%s%s short at the deadline %s"),
                                  forecast->slope > 0 ? "+" : "", week, unit, when,
                                  short_by, unit, metric->deadline);
        }
      /* Translators: a pace, then the day the target is reached at it */
      return g_strdup_printf (_("Pace %s%s%s a week: the target is reached on %s"),
                              forecast->slope > 0 ? "+" : "", week, unit, when);
    }

  if (isfinite (forecast->at_deadline))
    {
      g_autofree char *short_by = format_amount (forecast->shortfall);

      /* Translators: a pace away from the target, then how far short it is */
      return g_strdup_printf (_("Pace %s%s%s a week, not towards the target: %s%s short "
                                "at the deadline %s"),
                              forecast->slope > 0 ? "+" : "", week, unit, short_by, unit,
                              metric->deadline);
    }

  return g_strdup_printf (_("Pace %s%s%s a week, not towards the target"),
                          forecast->slope > 0 ? "+" : "", week, unit);
}

/* Correlation of a proxy ------------------------------------------------ */

/* The Monday of @julian's week: weeks are aligned on the calendar, so two
 * metrics read on different weekdays still pair up. Julian day 1 (1 January
 * of year 1) was a Monday. */
static guint32
week_of (guint32 julian)
{
  return (julian - 1) / 7;
}

/* Week -> the value of the latest reading in that week. */
static GHashTable *
weekly_values (const ImpMetric *metric)
{
  GHashTable *weeks = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < imp_metric_get_n_readings (metric); i++)
    {
      const ImpReading *r = imp_metric_get_reading (metric, i);
      double *value = g_new (double, 1);

      *value = r->value;
      g_hash_table_replace (weeks, GUINT_TO_POINTER (week_of (imp_tracking_julian (r->date)) + 1),
                            value);
    }

  return weeks;
}

/**
 * imp_tracking_correlate:
 * @leading: (nullable): the proxy, an impact's leading metric
 * @lagging: (nullable): the goal's lagging metric
 * @correlation: (out): Pearson's r and the number of pairs
 *
 * Correlates the week-over-week changes of two metrics, not their levels
 * (two series that both drift upwards correlate near 1 whatever the cause;
 * their changes do not). Each metric is reduced to its latest reading in
 * each calendar week (Monday to Sunday); a pair is the change from one week
 * to the next, for every week where both metrics have a reading in that
 * week and the one before.
 */
void
imp_tracking_correlate (const ImpMetric *leading,
                        const ImpMetric *lagging,
                        ImpCorrelation  *correlation)
{
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  gpointer key, value;
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;

  correlation->n_pairs = 0;
  correlation->r = NAN;
  if (imp_metric_get_n_readings (leading) < 2 || imp_metric_get_n_readings (lagging) < 2)
    return;

  a = weekly_values (leading);
  b = weekly_values (lagging);

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint week = GPOINTER_TO_UINT (key);
      double *a_before, *b_now, *b_before;
      double dx, dy;

      if (week < 2 ||
          (a_before = g_hash_table_lookup (a, GUINT_TO_POINTER (week - 1))) == NULL ||
          (b_now = g_hash_table_lookup (b, key)) == NULL ||
          (b_before = g_hash_table_lookup (b, GUINT_TO_POINTER (week - 1))) == NULL)
        continue;

      dx = *(double *) value - *a_before;
      dy = *b_now - *b_before;
      g_array_append_val (xs, dx);
      g_array_append_val (ys, dy);
    }

  correlation->n_pairs = xs->len;
  if (xs->len < 2)
    return;

  for (guint i = 0; i < xs->len; i++)
    {
      mx += g_array_index (xs, double, i);
      my += g_array_index (ys, double, i);
    }
  mx /= xs->len;
  my /= xs->len;
  for (guint i = 0; i < xs->len; i++)
    {
      double dx = g_array_index (xs, double, i) - mx;
      double dy = g_array_index (ys, double, i) - my;

      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }

  if (sxx > 0 && syy > 0)
    correlation->r = CLAMP (sxy / sqrt (sxx * syy), -1.0, 1.0);
}

/**
 * imp_tracking_describe_correlation:
 *
 * Returns: (transfer full): a translated sentence with the word
 *   "correlation", r and the number of pairs, or that there is not yet
 *   evidence either way
 */
char *
imp_tracking_describe_correlation (const ImpCorrelation *correlation)
{
  if (correlation->n_pairs < IMP_TRACKING_MIN_PAIRS || !isfinite (correlation->r))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "correlation of weekly changes: %u pair, fewer than %u, "
                                         "so not yet evidence either way",
                                         "correlation of weekly changes: %u pairs, fewer than %u, "
                                         "so not yet evidence either way",
                                         correlation->n_pairs),
                            correlation->n_pairs, (guint) IMP_TRACKING_MIN_PAIRS);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "correlation of weekly changes: r = %.2f over %u pair (%s)",
                                       "correlation of weekly changes: r = %.2f over %u pairs (%s)",
                                       correlation->n_pairs),
                          correlation->r, correlation->n_pairs,
                          correlation->r >= 0.5 ? _("evidence that the proxy moves the result")
                          : correlation->r <= -0.5 ? _("the proxy moves against the result")
                          : _("no evidence that the proxy moves the result"));
}
