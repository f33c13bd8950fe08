/* imp-tracking.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-analysis.h"
#include "imp-history.h"
#include "imp-map.h"

G_BEGIN_DECLS

/**
 * ImpForecast:
 * @n_readings: how many readings the metric has
 * @has_pace: whether there are readings on two different days, so a pace
 *   can be fitted; without one the state is judged from the current value
 * @slope: the least-squares pace, in the metric's unit per day
 * @intercept: the fitted value on the day of @origin
 * @origin: the Julian day of the first reading
 * @last: the Julian day of the latest reading
 * @reaches: whether the target is reached at this pace (it is moving towards
 *   it, or is there already)
 * @reach_day: the Julian day the target is reached at this pace, counted
 *   from the latest reading; 0 when not @reaches or already reached
 * @at_deadline: the value forecast for the deadline, NAN without one
 * @shortfall: how far short of the target the forecast is at the deadline,
 *   in the metric's unit, positive; 0 when it gets there
 * @state: where the metric stands on the day asked about
 *
 * The trend of a metric's readings and what it says about the target.
 */
typedef struct
{
  guint          n_readings;
  gboolean       has_pace;
  double         slope;
  double         intercept;
  guint32        origin;
  guint32        last;
  gboolean       reaches;
  guint32        reach_day;
  double         at_deadline;
  double         shortfall;
  ImpMetricState state;
} ImpForecast;

void     imp_tracking_forecast           (const ImpMetric   *metric,
                                          const GDate       *today,
                                          ImpForecast       *forecast);
char    *imp_tracking_describe_forecast  (const ImpMetric   *metric,
                                          const ImpForecast *forecast,
                                          const GDate       *today);
const char *imp_tracking_state_name      (ImpMetricState     state);
guint32  imp_tracking_julian             (const char        *date);
char    *imp_tracking_format_julian      (guint32            julian);

/* Pairs below this say nothing either way about a proxy metric. */
#define IMP_TRACKING_MIN_PAIRS 8

/**
 * ImpCorrelation:
 * @n_pairs: how many week-over-week changes of both metrics were paired
 * @r: Pearson's r of those changes; NAN with fewer than two pairs or when
 *   one series does not change
 */
typedef struct
{
  guint  n_pairs;
  double r;
} ImpCorrelation;

void     imp_tracking_correlate          (const ImpMetric   *leading,
                                          const ImpMetric   *lagging,
                                          ImpCorrelation    *correlation);
char    *imp_tracking_describe_correlation (const ImpCorrelation *correlation);

/**
 * ImpDiagnosisKind:
 *
 * Where a chain deliverable → impact (→ actor) → goal stands, from the
 * delivery status and the readings (README, "Tracking").
 */
typedef enum
{
  IMP_DIAGNOSIS_NOT_SHIPPED,
  IMP_DIAGNOSIS_DROPPED,
  IMP_DIAGNOSIS_ADOPTION,        /* shipped, the impact has not moved since */
  IMP_DIAGNOSIS_NO_RESULT,       /* the impact moved, the goal did not follow */
  IMP_DIAGNOSIS_WORKING,
  IMP_DIAGNOSIS_NOT_ENOUGH_DATA,
} ImpDiagnosisKind;

/* A move smaller than this share of the way from baseline to target is no
 * move: readings wobble. */
#define IMP_TRACKING_MOVE_THRESHOLD 0.05

/**
 * ImpDiagnosis:
 * @chain: the chain
 * @kind: what the data say
 * @broken: (nullable): the link where it broke: impact → deliverable for
 *   adoption, the link into the impact from above for no result
 * @message: a translated sentence naming the cards and the readings that
 *   decided it
 */
typedef struct
{
  ImpChain          chain;
  ImpDiagnosisKind  kind;
  ImpLink          *broken;
  char             *message;
} ImpDiagnosis;

void       imp_diagnosis_free            (ImpDiagnosis      *diagnosis);
GPtrArray *imp_tracking_diagnose         (ImpMap            *map);
gboolean   imp_tracking_map_has_tracking (ImpMap            *map);
char      *imp_tracking_chain_text       (const ImpChain    *chain);
GPtrArray *imp_tracking_proxy_lines      (ImpMap            *map);

#define IMP_TRACKING_ERROR (imp_tracking_error_quark ())

/**
 * ImpTrackingError:
 * @IMP_TRACKING_ERROR_NOT_READINGS: the CSV's header is not date,node,value
 * @IMP_TRACKING_ERROR_BAD_ROWS: rows were refused; the message names each
 *   with its line
 */
typedef enum
{
  IMP_TRACKING_ERROR_NOT_READINGS,
  IMP_TRACKING_ERROR_BAD_ROWS,
} ImpTrackingError;

GQuark   imp_tracking_error_quark        (void);
ImpNode *imp_tracking_find_node          (ImpMap            *map,
                                          const char        *id_or_title,
                                          GError           **error);
gboolean imp_tracking_is_readings_csv    (const char        *data,
                                          gsize              length);
guint    imp_tracking_import_csv         (ImpHistory        *history,
                                          const char        *data,
                                          gsize              length,
                                          GError           **error);

G_END_DECLS
