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

#include "imp-limits.h"
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

/* Readings from CSV -------------------------------------------------------- */

G_DEFINE_QUARK (imp-tracking-error-quark, imp_tracking_error)

/**
 * imp_tracking_find_node:
 * @id_or_title: a card's id, or else its exact title
 *
 * Finds the goal or impact a reading is for: by id first, then by title
 * among the cards with a metric.
 *
 * Returns: (transfer none) (nullable): the card, or %NULL with @error set
 *   when none or several match
 */
ImpNode *
imp_tracking_find_node (ImpMap      *map,
                        const char  *id_or_title,
                        GError     **error)
{
  ImpNode *node = imp_map_lookup_node (map, id_or_title);
  ImpNode *found = NULL;
  guint n_found = 0;

  if (node != NULL)
    return node;

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *candidate = imp_map_get_node (map, i);

      if (candidate->metric != NULL && g_strcmp0 (candidate->title, id_or_title) == 0)
        {
          found = candidate;
          n_found++;
        }
    }

  if (n_found == 1)
    return found;

  if (n_found == 0)
    g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                 _("no card has the id “%s”, nor a card with a metric that title"), id_or_title);
  else
    g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                 _("%u cards with a metric are titled “%s”: give the id instead"), n_found,
                 id_or_title);

  return NULL;
}

/* One CSV record (RFC 4180: quoted fields with "" inside, CR LF or LF)
 * starting at *p; moves *p past it and counts the lines it spans. */
static GPtrArray *
next_record (const char **p,
             const char  *end,
             guint       *lines)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  while (*p < end)
    {
      char c = **p;

      (*p)++;
      if (quoted)
        {
          if (c == '"' && *p < end && **p == '"')
            {
              g_string_append_c (field, '"');
              (*p)++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                (*lines)++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\n')
        {
          (*lines)++;
          break;
        }
      else if (c != '\r')
        g_string_append_c (field, c);
    }

  g_ptr_array_add (fields, g_string_free (field, FALSE));

  return fields;
}

static gboolean
header_is_readings (GPtrArray *fields)
{
  static const char * const names[] = { "date", "node", "value", "note" };

  if (fields->len < 3 || fields->len > 4)
    return FALSE;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (fields->pdata[i], -1));

      if (!g_str_equal (name, names[i]))
        return FALSE;
    }

  return TRUE;
}

static const char *
skip_bom (const char *data,
          gsize      *length)
{
  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *length -= 3;
      return data + 3;
    }

  return data;
}

/**
 * imp_tracking_is_readings_csv:
 *
 * Returns: whether @data is a CSV whose header is date,node,value with an
 *   optional note column, the shape imp_tracking_import_csv() reads
 */
gboolean
imp_tracking_is_readings_csv (const char *data,
                              gsize       length)
{
  g_autoptr(GPtrArray) header = NULL;
  const char *p;
  guint lines = 0;

  p = skip_bom (data, &length);
  header = next_record (&p, p + length, &lines);

  return header_is_readings (header);
}

/**
 * imp_tracking_import_csv:
 * @history: the history of the map to add the readings to
 * @data: CSV text: a header `date,node,value[,note]`, then a reading a row;
 *   node is a card's id or exact title, value a number written with a
 *   point (a comma grouping thousands in a quoted field is taken)
 *
 * Adds every row as a reading, all in one undo step, or none: a file with
 * one bad row changes nothing and the error names every refused row with
 * its line.
 *
 * Returns: the number of readings added; 0 with @error set on failure
 */
guint
imp_tracking_import_csv (ImpHistory  *history,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  ImpMap *map = imp_history_get_map (history);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) row_nodes = g_array_new (FALSE, FALSE, sizeof (ImpNode *));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) added = g_hash_table_new (NULL, NULL);
  ImpNumberFormat format;
  const char *p, *end;
  guint line = 1, n_refused = 0;

  imp_number_format_init (&format, ".", ",");
  p = skip_bom (data, &length);
  end = p + length;
  if (!g_utf8_validate (p, length, NULL))
    {
      g_set_error_literal (error, IMP_TRACKING_ERROR, IMP_TRACKING_ERROR_NOT_READINGS,
                           _("The readings file is not UTF-8 text"));
      return 0;
    }

  header = next_record (&p, end, &line);
  if (!header_is_readings (header))
    {
      g_set_error_literal (error, IMP_TRACKING_ERROR, IMP_TRACKING_ERROR_NOT_READINGS,
                           _("line 1: the header must be date,node,value or "
                             "date,node,value,note"));
      return 0;
    }

  while (p < end)
    {
      guint at = line;
      g_autoptr(GPtrArray) fields = next_record (&p, end, &line);
      g_autoptr(GError) local = NULL;
      g_autofree char *date = NULL;
      ImpNode *node;
      double value;
      guint n_readings;

      if (fields->len == 1 && *g_strstrip ((char *) fields->pdata[0]) == '\0')
        continue;

      if (fields->len < 3 || fields->len > 4)
        {
          g_string_append_printf (refused, _("line %u: expected 3 or 4 columns, found %u\n"),
                                  at, fields->len);
          n_refused++;
          continue;
        }

      date = g_strstrip (g_strdup (fields->pdata[0]));
      node = imp_tracking_find_node (map, g_strstrip ((char *) fields->pdata[1]), &local);
      if (node == NULL)
        {
          g_string_append_printf (refused, _("line %u: %s\n"), at, local->message);
          n_refused++;
          continue;
        }
      if (node->metric == NULL)
        {
          g_string_append_printf (refused, _("line %u: “%s” has no metric\n"), at, node->title);
          n_refused++;
          continue;
        }
      if (!imp_metric_is_valid_date (date))
        {
          g_string_append_printf (refused, _("line %u: “%s” is not a date written YYYY-MM-DD\n"),
                                  at, date);
          n_refused++;
          continue;
        }
      if (!imp_number_parse (&format, g_strstrip ((char *) fields->pdata[2]), &value) ||
          !isfinite (value))
        {
          g_string_append_printf (refused, _("line %u: “%s” is not a number\n"), at,
                                  (char *) fields->pdata[2]);
          n_refused++;
          continue;
        }
      if (fields->len == 4 && !imp_limits_check_text (IMP_TEXT_OTHER, fields->pdata[3], &local))
        {
          g_string_append_printf (refused, _("line %u: the note is too long: %s\n"), at,
                                  local->message);
          n_refused++;
          continue;
        }
      n_readings = imp_metric_get_n_readings (node->metric) +
                   GPOINTER_TO_UINT (g_hash_table_lookup (added, node));
      if (n_readings >= IMP_MAX_READINGS)
        {
          g_string_append_printf (refused, _("line %u: “%s” already holds %u readings, as many "
                                             "as one metric can\n"), at, node->title,
                                  (guint) IMP_MAX_READINGS);
          n_refused++;
          continue;
        }
      g_hash_table_insert (added, node, GUINT_TO_POINTER (n_readings + 1 -
                                                          imp_metric_get_n_readings (node->metric)));

      g_free (fields->pdata[0]);
      fields->pdata[0] = g_steal_pointer (&date);
      g_array_append_val (row_nodes, node);
      g_array_append_val (values, value);
      g_ptr_array_add (rows, g_steal_pointer (&fields));
    }

  if (n_refused > 0)
    {
      g_strchomp (refused->str);
      g_set_error (error, IMP_TRACKING_ERROR, IMP_TRACKING_ERROR_BAD_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row refused, so no reading was added:\n%s",
                                "%u rows refused, so no reading was added:\n%s", n_refused),
                   n_refused, refused->str);
      return 0;
    }
  if (rows->len == 0)
    {
      g_set_error_literal (error, IMP_TRACKING_ERROR, IMP_TRACKING_ERROR_BAD_ROWS,
                           _("The file holds no readings, only a header"));
      return 0;
    }

  /* Each node's readings in one copy of its metric, so that a big import
   * does not copy a metric per row; one step for the whole file. */
  {
    g_autoptr(GHashTable) metrics = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) imp_metric_free);
    GHashTableIter iter;
    gpointer key, value;

    for (guint i = 0; i < rows->len; i++)
      {
        GPtrArray *fields = rows->pdata[i];
        ImpNode *node = g_array_index (row_nodes, ImpNode *, i);
        ImpMetric *metric = g_hash_table_lookup (metrics, node);

        if (metric == NULL)
          {
            metric = imp_metric_copy (node->metric);
            g_hash_table_insert (metrics, node, metric);
          }
        imp_metric_append_reading (metric, fields->pdata[0], g_array_index (values, double, i),
                                   fields->len == 4 ? g_strstrip ((char *) fields->pdata[3])
                                                    : NULL);
      }

    imp_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Import Reading",
                                                   "Import Readings", rows->len));
    g_hash_table_iter_init (&iter, metrics);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        imp_metric_sort_readings (value);
        imp_history_set_node_metric (history, key, value);
      }
    imp_history_end_group (history);
    imp_history_seal (history);
  }

  return rows->len;
}

/* Diagnosis ------------------------------------------------------------ */

void
imp_diagnosis_free (ImpDiagnosis *diagnosis)
{
  if (diagnosis == NULL)
    return;

  g_free (diagnosis->message);
  g_free (diagnosis);
}

/* A value of @metric with its date, "52.5 on 2026-02-02", or "52.5
 * (baseline)". */
typedef struct
{
  gboolean    found;
  double      value;
  const char *date;    /* NULL: the baseline */
} Point;

static char *
point_text (const Point *point)
{
  g_autofree char *value = format_amount (point->value);

  if (point->date == NULL)
    /* Translators: a metric's baseline value */
    return g_strdup_printf (_("%s (baseline)"), value);
  /* Translators: a reading: its value, then its date */
  return g_strdup_printf (_("%s on %s"), value, point->date);
}

/* The latest reading on or before @date, else the baseline. */
static Point
value_at (const ImpMetric *metric,
          const char      *date)
{
  Point point = { FALSE, NAN, NULL };

  for (guint i = imp_metric_get_n_readings (metric); i > 0; i--)
    {
      const ImpReading *r = imp_metric_get_reading (metric, i - 1);

      if (strcmp (r->date, date) <= 0)
        {
          point.found = TRUE;
          point.value = r->value;
          point.date = r->date;
          return point;
        }
    }

  if (isfinite (metric->baseline))
    {
      point.found = TRUE;
      point.value = metric->baseline;
    }

  return point;
}

static double
move_threshold (const ImpMetric *metric,
                double           from)
{
  if (isfinite (metric->target) && isfinite (metric->baseline) &&
      metric->target != metric->baseline)
    return IMP_TRACKING_MOVE_THRESHOLD * fabs (metric->target - metric->baseline);

  return IMP_TRACKING_MOVE_THRESHOLD * fabs (from);
}

/* Whether going from @from to @to is a move towards the target, beyond the
 * threshold, in the metric's direction. */
static gboolean
has_moved (const ImpMetric *metric,
           double           from,
           double           to)
{
  double change = metric->direction == IMP_DIRECTION_DECREASE ? from - to : to - from;

  return change > move_threshold (metric, from) || (change > 0 && move_threshold (metric, from) == 0);
}

/* The first reading after @date that has moved from @from; else the latest
 * after it, unmoved; .found is FALSE when there is no reading after @date. */
static Point
first_move_after (const ImpMetric *metric,
                  const char      *date,
                  double           from,
                  gboolean        *moved)
{
  Point point = { FALSE, NAN, NULL };

  *moved = FALSE;
  for (guint i = 0; i < imp_metric_get_n_readings (metric); i++)
    {
      const ImpReading *r = imp_metric_get_reading (metric, i);

      if (strcmp (r->date, date) <= 0)
        continue;
      point.found = TRUE;
      point.value = r->value;
      point.date = r->date;
      if (has_moved (metric, from, r->value))
        {
          *moved = TRUE;
          return point;
        }
    }

  return point;
}

/**
 * imp_tracking_chain_text:
 *
 * Returns: (transfer full): "“Reorder” → “Buy again” → “Buyers” → “Revenue”"
 */
char *
imp_tracking_chain_text (const ImpChain *chain)
{
  if (chain->actor != NULL)
    return g_strdup_printf ("“%s” → “%s” → “%s” → “%s”", chain->deliverable->title,
                            chain->impact->title, chain->actor->title, chain->goal->title);

  return g_strdup_printf ("“%s” → “%s” → “%s”", chain->deliverable->title,
                          chain->impact->title, chain->goal->title);
}

static void
diagnose_chain (ImpMap       *map,
                ImpDiagnosis *d)
{
  const ImpChain *chain = &d->chain;
  const ImpDelivery *delivery = &chain->deliverable->delivery;
  const ImpMetric *impact = chain->impact->metric;
  const ImpMetric *goal = chain->goal->metric;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  Point before, after, goal_before, goal_after;
  gboolean moved;

  if (delivery->status == IMP_DELIVERY_DROPPED)
    {
      d->kind = IMP_DIAGNOSIS_DROPPED;
      d->message = g_strdup_printf (_("dropped: “%s” will not ship"), chain->deliverable->title);
      return;
    }
  if (delivery->status != IMP_DELIVERY_SHIPPED)
    {
      d->kind = IMP_DIAGNOSIS_NOT_SHIPPED;
      /* Translators: a deliverable's title, then its status: "Planned" */
      d->message = g_strdup_printf (_("not shipped yet: “%s” (%s)"), chain->deliverable->title,
                                    imp_delivery_status_display_name (delivery->status));
      return;
    }

  d->kind = IMP_DIAGNOSIS_NOT_ENOUGH_DATA;
  if (impact == NULL)
    {
      d->message = g_strdup_printf (_("not enough readings to tell: “%s” has no metric"),
                                    chain->impact->title);
      return;
    }

  before = value_at (impact, delivery->shipped);
  if (!before.found)
    {
      d->message = g_strdup_printf (_("not enough readings to tell: “%s” has no reading on or "
                                      "before %s, when “%s” shipped, and no baseline"),
                                    chain->impact->title, delivery->shipped,
                                    chain->deliverable->title);
      return;
    }
  after = first_move_after (impact, delivery->shipped, before.value, &moved);
  if (!after.found)
    {
      d->message = g_strdup_printf (_("not enough readings to tell: “%s” shipped on %s and "
                                      "“%s” has no reading since"),
                                    chain->deliverable->title, delivery->shipped,
                                    chain->impact->title);
      return;
    }

  before_text = point_text (&before);
  after_text = point_text (&after);
  if (!moved)
    {
      d->kind = IMP_DIAGNOSIS_ADOPTION;
      d->broken = imp_map_find_link (map, chain->impact, chain->deliverable);
      d->message = g_strdup_printf (_("broken at adoption: “%s” shipped on %s, but “%s” has "
                                      "not moved towards its target since (%s, then %s)"),
                                    chain->deliverable->title, delivery->shipped,
                                    chain->impact->title, before_text, after_text);
      return;
    }

  if (goal == NULL)
    {
      d->message = g_strdup_printf (_("not enough readings to tell: “%s” moved (%s, then %s), "
                                      "but “%s” has no metric"),
                                    chain->impact->title, before_text, after_text,
                                    chain->goal->title);
      return;
    }

  goal_before = value_at (goal, after.date);
  goal_after = first_move_after (goal, after.date, goal_before.value, &moved);
  if (!goal_before.found || !goal_after.found)
    {
      d->message = g_strdup_printf (_("not enough readings to tell: “%s” moved (%s, then %s), "
                                      "but “%s” has no reading after %s"),
                                    chain->impact->title, before_text, after_text,
                                    chain->goal->title, after.date);
      return;
    }

  {
    g_autofree char *goal_before_text = point_text (&goal_before);
    g_autofree char *goal_after_text = point_text (&goal_after);

    if (!moved)
      {
        d->kind = IMP_DIAGNOSIS_NO_RESULT;
        d->broken = imp_map_find_link (map, chain->actor != NULL ? chain->actor : chain->goal,
                                       chain->impact);
        d->message = g_strdup_printf (_("the behaviour does not drive the result: “%s” moved "
                                        "(%s, then %s), but “%s” did not follow (%s, then %s)"),
                                      chain->impact->title, before_text, after_text,
                                      chain->goal->title, goal_before_text, goal_after_text);
        return;
      }

    d->kind = IMP_DIAGNOSIS_WORKING;
    d->message = g_strdup_printf (_("working: “%s” shipped on %s, “%s” moved (%s, then %s) "
                                    "and “%s” followed (%s, then %s)"),
                                  chain->deliverable->title, delivery->shipped,
                                  chain->impact->title, before_text, after_text,
                                  chain->goal->title, goal_before_text, goal_after_text);
  }
}

/**
 * imp_tracking_diagnose:
 *
 * Diagnoses every chain deliverable → impact (→ actor) → goal of @map that
 * has a delivery status, in map order.
 *
 * Returns: (transfer container) (element-type ImpDiagnosis): the diagnoses
 */
GPtrArray *
imp_tracking_diagnose (ImpMap *map)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_diagnosis_free);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      g_autoptr(GArray) chains = NULL;

      if (node->level != IMP_LEVEL_DELIVERABLE || node->delivery.status == IMP_DELIVERY_NONE)
        continue;

      chains = imp_analysis_get_chains (node);
      for (guint c = 0; c < chains->len; c++)
        {
          ImpDiagnosis *d = g_new0 (ImpDiagnosis, 1);

          d->chain = g_array_index (chains, ImpChain, c);
          diagnose_chain (map, d);
          g_ptr_array_add (out, d);
        }
    }

  return out;
}

/**
 * imp_tracking_map_has_tracking:
 *
 * Returns: whether any deliverable has a delivery status or any metric a
 *   reading: the map is used to track, not only to plan
 */
gboolean
imp_tracking_map_has_tracking (ImpMap *map)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->delivery.status != IMP_DELIVERY_NONE || imp_metric_get_n_readings (node->metric) > 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * imp_tracking_proxy_lines:
 *
 * For every impact with a leading metric under a goal with a lagging one,
 * the correlation of their weekly changes.
 *
 * Returns: (transfer container) (element-type utf8): one sentence each,
 *   "“Grade within a day” → “Weekly learners”: correlation of …"
 */
GPtrArray *
imp_tracking_proxy_lines (ImpMap *map)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *impact = imp_map_get_node (map, i);
      g_autoptr(GHashTable) goals = NULL;

      if (impact->level != IMP_LEVEL_IMPACT || impact->metric == NULL ||
          impact->metric->indicator != IMP_INDICATOR_LEADING)
        continue;

      goals = g_hash_table_new (NULL, NULL);
      for (guint j = 0; j < impact->parents->len; j++)
        {
          ImpNode *above = ((ImpLink *) impact->parents->pdata[j])->parent;

          if (above->level == IMP_LEVEL_GOAL)
            g_hash_table_add (goals, above);
          else if (above->level == IMP_LEVEL_ACTOR)
            for (guint k = 0; k < above->parents->len; k++)
              {
                ImpNode *goal = ((ImpLink *) above->parents->pdata[k])->parent;

                if (goal->level == IMP_LEVEL_GOAL)
                  g_hash_table_add (goals, goal);
              }
        }

      /* Map order, not hash order, so the output is stable. */
      for (guint g = 0; g < imp_map_get_n_nodes (map); g++)
        {
          ImpNode *goal = imp_map_get_node (map, g);
          ImpCorrelation correlation;
          g_autofree char *text = NULL;

          if (!g_hash_table_contains (goals, goal) || goal->metric == NULL ||
              goal->metric->indicator != IMP_INDICATOR_LAGGING)
            continue;

          imp_tracking_correlate (impact->metric, goal->metric, &correlation);
          text = imp_tracking_describe_correlation (&correlation);
          g_ptr_array_add (out, g_strdup_printf ("“%s” → “%s”: %s", impact->title, goal->title,
                                                 text));
        }
    }

  return out;
}
