/* imp-metric.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "imp-types.h"

G_BEGIN_DECLS

/**
 * ImpMetric:
 *
 * The measure of a goal or an impact (DOMAIN.md, "Metrics"). A number that is
 * not known is NAN; strings that are not set are NULL. @deadline is an ISO 8601
 * date, "YYYY-MM-DD".
 *
 * @readings holds the dated measurements (#ImpReading), oldest first, or is
 * %NULL when there are none. With readings, @current is the value of the
 * latest one: the imp_metric_*_reading() functions keep it so.
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
  GArray       *readings;   /* (element-type ImpReading) (nullable) */
};

/* The most readings one metric keeps: a reading an hour for eleven years.
 * The reader refuses more, so a hostile file cannot make every chart and
 * trend slow. */
#define IMP_MAX_READINGS 100000

/**
 * ImpReading:
 * @date: the day it was measured, "YYYY-MM-DD"
 * @value: the measured value, finite
 * @note: (nullable): what was seen, or how it was measured
 * @extra: (nullable): members this version does not know, kept on round trip
 *
 * One check-in of a metric.
 */
typedef struct
{
  char        date[11];
  double      value;
  char       *note;
  JsonObject *extra;
} ImpReading;

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

guint             imp_metric_get_n_readings  (const ImpMetric *metric);
const ImpReading *imp_metric_get_reading     (const ImpMetric *metric,
                                              guint            index);
const ImpReading *imp_metric_get_last_reading (const ImpMetric *metric);
guint             imp_metric_add_reading     (ImpMetric       *metric,
                                              const char      *date,
                                              double           value,
                                              const char      *note);
void              imp_metric_remove_reading  (ImpMetric       *metric,
                                              guint            index);
guint             imp_metric_set_reading     (ImpMetric       *metric,
                                              guint            index,
                                              const char      *date,
                                              double           value,
                                              const char      *note);
guint             imp_metric_append_reading  (ImpMetric       *metric,
                                              const char      *date,
                                              double           value,
                                              const char      *note);
void              imp_metric_sort_readings   (ImpMetric       *metric);
void              imp_metric_set_reading_extra (ImpMetric     *metric,
                                              guint            index,
                                              JsonObject      *extra);

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

/**
 * ImpDelivery:
 * @status: where the work stands
 * @shipped: the day it shipped, "YYYY-MM-DD"; empty unless shipped
 *
 * The delivery of a deliverable: what shipped and when.
 */
typedef struct
{
  ImpDeliveryStatus status;
  char              shipped[11];
} ImpDelivery;

gboolean imp_delivery_equal (const ImpDelivery *a,
                             const ImpDelivery *b);

gboolean imp_ice_is_set    (const ImpIce *ice);
guint    imp_ice_get_score (const ImpIce *ice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpMetric, imp_metric_free)

G_END_DECLS
