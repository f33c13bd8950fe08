/* test-tracking.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-tracking"

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-format.h"
#include "imp-tracking.h"

/* Every date is relative to this Monday; no test depends on the real day. */
#define DAY0 "2025-01-06"

static char *
day (int offset)
{
  return imp_tracking_format_julian (imp_tracking_julian (DAY0) + offset);
}

static void
add (ImpMetric *metric,
     int        offset,
     double     value)
{
  g_autofree char *date = day (offset);

  imp_metric_add_reading (metric, date, value, NULL);
}

static void
set_today (GDate *today,
           int    offset)
{
  g_date_clear (today, 1);
  g_date_set_julian (today, imp_tracking_julian (DAY0) + offset);
}

static ImpMetric *
metric_new (double       baseline,
            double       target,
            int          deadline,
            ImpDirection direction)
{
  ImpMetric *metric = imp_metric_new ();

  metric->baseline = baseline;
  metric->target = target;
  metric->direction = direction;
  metric->deadline = day (deadline);

  return metric;
}

/* 44 % of the way with 29 days left: the pace, not the calendar, decides.
 * At 2 a day the target falls on day 50, before the deadline on day 51. */
static void
test_increasing (void)
{
  g_autoptr(ImpMetric) on = metric_new (0, 100, 51, IMP_DIRECTION_INCREASE);
  g_autoptr(ImpMetric) risk = metric_new (0, 100, 51, IMP_DIRECTION_INCREASE);
  g_autoptr(ImpMetric) off = metric_new (0, 100, 51, IMP_DIRECTION_INCREASE);
  g_autofree char *text = NULL;
  g_autofree char *reach = day (50);
  g_autofree char *reach_text = NULL;
  ImpForecast f;
  GDate today;

  set_today (&today, 22);
  add (on, 0, 0);
  add (on, 11, 22);
  add (on, 22, 44);
  imp_tracking_forecast (on, &today, &f);
  g_assert_true (f.has_pace);
  g_assert_cmpfloat_with_epsilon (f.slope, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f.at_deadline, 102.0, 1e-9);
  g_assert_cmpfloat (f.shortfall, ==, 0);
  g_assert_true (f.reaches);
  reach_text = imp_tracking_format_julian (f.reach_day);
  g_assert_cmpstr (reach_text, ==, reach);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_ON_TRACK);
  g_assert_cmpint (imp_analysis_get_metric_state (on, &today), ==, IMP_METRIC_STATE_ON_TRACK);
  text = imp_tracking_describe_forecast (on, &f, &today);
  g_assert_nonnull (strstr (text, "the target is reached on 2025-02-25"));
  g_assert_nonnull (strstr (text, "+14 a week"));

  /* 1.5 a day covers 43.5 of the 56 left: short, but more than half. */
  add (risk, 0, 11);
  add (risk, 22, 44);
  imp_tracking_forecast (risk, &today, &f);
  g_assert_cmpfloat_with_epsilon (f.at_deadline, 87.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (f.shortfall, 12.5, 1e-9);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_AT_RISK);
  g_clear_pointer (&text, g_free);
  text = imp_tracking_describe_forecast (risk, &f, &today);
  g_assert_nonnull (strstr (text, "12.5 short at the deadline 2025-02-26"));

  /* Half a day: far short. */
  add (off, 0, 33);
  add (off, 22, 44);
  imp_tracking_forecast (off, &today, &f);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_OFF_TRACK);

  /* After the deadline, short of the target: overdue whatever the pace. */
  set_today (&today, 52);
  g_assert_cmpint (imp_analysis_get_metric_state (on, &today), ==, IMP_METRIC_STATE_OVERDUE);
}

/* Seconds to answer, 540 → 60: down at 8 a day reaches it on the deadline. */
static void
test_decreasing (void)
{
  g_autoptr(ImpMetric) m = metric_new (540, 60, 60, IMP_DIRECTION_DECREASE);
  ImpForecast f;
  GDate today;

  set_today (&today, 30);
  add (m, 0, 540);
  add (m, 15, 420);
  add (m, 30, 300);
  imp_tracking_forecast (m, &today, &f);
  g_assert_cmpfloat_with_epsilon (f.slope, -8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f.at_deadline, 60.0, 1e-9);
  g_assert_cmpint (f.reach_day, ==, imp_tracking_julian (DAY0) + 60);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_ON_TRACK);

  /* Going up is away from the target. */
  add (m, 40, 700);
  add (m, 50, 900);
  imp_tracking_forecast (m, &today, &f);
  g_assert_false (f.reaches);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_OFF_TRACK);
}

static void
test_flat_and_one_reading (void)
{
  g_autoptr(ImpMetric) m = metric_new (0, 100, 60, IMP_DIRECTION_INCREASE);
  g_autofree char *text = NULL;
  ImpForecast f;
  GDate today;

  set_today (&today, 30);
  add (m, 0, 51);
  imp_tracking_forecast (m, &today, &f);
  g_assert_false (f.has_pace);
  text = imp_tracking_describe_forecast (m, &f, &today);
  g_assert_cmpstr (text, ==, "Not enough data for a pace: it needs readings on two different days");
  /* Two readings of one day are no pace either. */
  add (m, 0, 51);
  imp_tracking_forecast (m, &today, &f);
  g_assert_false (f.has_pace);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_ON_TRACK);

  add (m, 10, 51);
  add (m, 20, 51);
  add (m, 30, 51);
  imp_tracking_forecast (m, &today, &f);
  g_assert_true (f.has_pace);
  g_assert_false (f.reaches);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_OFF_TRACK);
  g_clear_pointer (&text, g_free);
  text = imp_tracking_describe_forecast (m, &f, &today);
  g_assert_nonnull (strstr (text, "not towards the target"));
}

/* Added out of order, with two readings on each of two days: sorted, every
 * reading counts, and the day's last added is the current value. */
static void
test_out_of_order_and_duplicates (void)
{
  g_autoptr(ImpMetric) m = metric_new (0, 100, 100, IMP_DIRECTION_INCREASE);
  ImpForecast f;
  GDate today;

  set_today (&today, 10);
  add (m, 10, 20);
  add (m, 0, 0);
  add (m, 10, 22);
  add (m, 0, 2);
  g_assert_cmpfloat (imp_metric_get_reading (m, 0)->value, ==, 0);
  g_assert_cmpfloat (imp_metric_get_reading (m, 1)->value, ==, 2);
  g_assert_cmpfloat (m->current, ==, 22);
  imp_tracking_forecast (m, &today, &f);
  g_assert_cmpfloat_with_epsilon (f.slope, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f.intercept, 1.0, 1e-9);
}

static void
test_target_passed (void)
{
  g_autoptr(ImpMetric) m = metric_new (0, 100, 10, IMP_DIRECTION_INCREASE);
  g_autofree char *text = NULL;
  ImpForecast f;
  GDate today;

  set_today (&today, 400);
  add (m, 0, 60);
  add (m, 5, 120);
  imp_tracking_forecast (m, &today, &f);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_REACHED);
  g_assert_true (f.reaches);
  g_assert_cmpint (f.reach_day, ==, 0);
  text = imp_tracking_describe_forecast (m, &f, &today);
  g_assert_nonnull (strstr (text, "the target is reached"));
}

/* A slope so small the target is centuries away is not a forecast date. */
static void
test_far_forecast (void)
{
  g_autoptr(ImpMetric) m = metric_new (0, 1e12, 10, IMP_DIRECTION_INCREASE);
  ImpForecast f;

  add (m, 0, 1);
  add (m, 1, 2);
  imp_tracking_forecast (m, NULL, &f);
  g_assert_false (f.reaches);
  g_assert_cmpint (f.state, ==, IMP_METRIC_STATE_OFF_TRACK);
}

/* Weekly series over @weeks weeks: a drift plus noise from @rand. */
static void
fill_weekly (ImpMetric *m,
             guint      weeks,
             double     drift,
             double     noise,
             GRand     *rand,
             const double *follow,
             double        factor,
             double       *changes)
{
  double value = 100;

  for (guint w = 0; w < weeks; w++)
    {
      double step = drift + noise * (g_rand_double (rand) - 0.5);

      if (follow != NULL)
        step = factor * follow[w] + noise * (g_rand_double (rand) - 0.5);
      if (changes != NULL)
        changes[w] = step;
      value += step;
      /* On a different weekday each: weeks still pair. */
      add (m, (int) w * 7 + (follow != NULL ? 3 : 0), value);
    }
}

static void
test_correlation (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(ImpMetric) a = imp_metric_new ();
  g_autoptr(ImpMetric) b = imp_metric_new ();
  g_autoptr(ImpMetric) c = imp_metric_new ();
  g_autoptr(ImpMetric) d = imp_metric_new ();
  g_autoptr(ImpMetric) e = imp_metric_new ();
  g_autofree char *text = NULL;
  double changes[30];
  ImpCorrelation r;

  /* Two unrelated series that both drift upwards: their levels correlate
   * near 1, their changes do not, so there is no evidence. */
  fill_weekly (a, 30, 5, 6, rand, NULL, 0, NULL);
  fill_weekly (b, 30, 3, 6, rand, NULL, 0, NULL);
  imp_tracking_correlate (a, b, &r);
  g_assert_cmpuint (r.n_pairs, ==, 29);
  g_assert_cmpfloat (fabs (r.r), <, 0.5);
  text = imp_tracking_describe_correlation (&r);
  g_assert_nonnull (strstr (text, "correlation"));
  g_assert_nonnull (strstr (text, "no evidence"));

  /* A goal whose weekly change follows the proxy's. */
  fill_weekly (c, 30, 2, 10, rand, NULL, 0, changes);
  fill_weekly (d, 30, 0, 1, rand, changes, 3, NULL);
  imp_tracking_correlate (c, d, &r);
  g_assert_cmpuint (r.n_pairs, ==, 29);
  g_assert_cmpfloat (r.r, >, 0.9);
  g_clear_pointer (&text, g_free);
  text = imp_tracking_describe_correlation (&r);
  g_assert_nonnull (strstr (text, "over 29 pairs (evidence that the proxy moves the result)"));

  /* Seven pairs are not enough either way. */
  fill_weekly (e, 8, 2, 10, rand, NULL, 0, NULL);
  imp_tracking_correlate (e, d, &r);
  g_assert_cmpuint (r.n_pairs, ==, 7);
  g_clear_pointer (&text, g_free);
  text = imp_tracking_describe_correlation (&r);
  g_assert_nonnull (strstr (text, "7 pairs, fewer than 8, so not yet evidence either way"));
}

static ImpNode *
card (ImpHistory *history,
      ImpNode    *parent,
      ImpLevel    level,
      const char *title)
{
  g_autoptr(GError) error = NULL;
  ImpNode *node = imp_history_add_node (history, parent, -1, level, title, &error);

  g_assert_no_error (error);

  return node;
}

static void
give_metric (ImpHistory *history,
             ImpNode    *node,
             double      baseline,
             double      target)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();

  metric->baseline = baseline;
  metric->target = target;
  imp_history_set_node_metric (history, node, metric);
}

static void
read_at (ImpHistory *history,
         ImpNode    *node,
         const char *date,
         double      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (imp_history_add_reading (history, node, date, value, NULL, &error));
  g_assert_no_error (error);
}

static void
deliver (ImpHistory        *history,
         ImpNode           *node,
         ImpDeliveryStatus  status,
         const char        *shipped)
{
  ImpDelivery delivery = { status, "" };
  g_autoptr(GError) error = NULL;

  if (shipped != NULL)
    g_strlcpy (delivery.shipped, shipped, sizeof delivery.shipped);
  g_assert_true (imp_history_set_node_delivery (history, node, &delivery, &error));
  g_assert_no_error (error);
}

static const ImpDiagnosis *
diagnosis_of (GPtrArray *diagnoses,
              ImpNode   *deliverable)
{
  for (guint i = 0; i < diagnoses->len; i++)
    {
      const ImpDiagnosis *d = g_ptr_array_index (diagnoses, i);

      if (d->chain.deliverable == deliverable)
        return d;
    }
  g_assert_not_reached ();
}

/* Each outcome on a map made for it: two goals, one whose metric follows
 * its impact and one whose metric stays flat. */
static void
test_diagnosis (void)
{
  g_autoptr(ImpMap) map = imp_map_new ();
  g_autoptr(ImpHistory) history = imp_history_new (map);
  g_autoptr(GPtrArray) diagnoses = NULL;
  ImpNode *flat_goal, *moving_goal, *a1, *a2;
  ImpNode *i_flat, *i_moves_alone, *i_works, *i_unread, *i_no_metric;
  ImpNode *planned, *dropped, *adoption, *no_result, *working, *unread, *untracked, *no_metric;
  const ImpDiagnosis *d;

  flat_goal = card (history, NULL, IMP_LEVEL_GOAL, "Revenue");
  moving_goal = card (history, NULL, IMP_LEVEL_GOAL, "Retention");
  a1 = card (history, flat_goal, IMP_LEVEL_ACTOR, "Buyers");
  a2 = card (history, moving_goal, IMP_LEVEL_ACTOR, "Members");
  i_flat = card (history, a1, IMP_LEVEL_IMPACT, "Reorder");
  i_moves_alone = card (history, a1, IMP_LEVEL_IMPACT, "Review");
  i_works = card (history, a2, IMP_LEVEL_IMPACT, "Log in weekly");
  i_unread = card (history, a2, IMP_LEVEL_IMPACT, "Invite friends");
  i_no_metric = card (history, a2, IMP_LEVEL_IMPACT, "Share");
  planned = card (history, i_flat, IMP_LEVEL_DELIVERABLE, "Wishlist");
  dropped = card (history, i_flat, IMP_LEVEL_DELIVERABLE, "Coupons");
  adoption = card (history, i_flat, IMP_LEVEL_DELIVERABLE, "Reorder button");
  no_result = card (history, i_moves_alone, IMP_LEVEL_DELIVERABLE, "Review prompt");
  working = card (history, i_works, IMP_LEVEL_DELIVERABLE, "Weekly digest");
  unread = card (history, i_unread, IMP_LEVEL_DELIVERABLE, "Invite link");
  untracked = card (history, i_unread, IMP_LEVEL_DELIVERABLE, "Referral bonus");
  no_metric = card (history, i_no_metric, IMP_LEVEL_DELIVERABLE, "Share sheet");

  give_metric (history, flat_goal, 100, 200);
  read_at (history, flat_goal, "2026-01-01", 100);
  read_at (history, flat_goal, "2026-03-01", 101);
  read_at (history, flat_goal, "2026-04-01", 102);
  give_metric (history, moving_goal, 50, 80);
  read_at (history, moving_goal, "2026-01-01", 50);
  read_at (history, moving_goal, "2026-04-01", 60);
  give_metric (history, i_flat, 10, 30);
  read_at (history, i_flat, "2026-01-15", 10);
  read_at (history, i_flat, "2026-03-15", 10.5);
  give_metric (history, i_moves_alone, 0, 100);
  read_at (history, i_moves_alone, "2026-02-15", 40);
  give_metric (history, i_works, 0, 100);
  read_at (history, i_works, "2026-03-01", 40);
  give_metric (history, i_unread, 0, 100);

  deliver (history, planned, IMP_DELIVERY_PLANNED, NULL);
  deliver (history, dropped, IMP_DELIVERY_DROPPED, NULL);
  deliver (history, adoption, IMP_DELIVERY_SHIPPED, "2026-02-01");
  deliver (history, no_result, IMP_DELIVERY_SHIPPED, "2026-02-01");
  deliver (history, working, IMP_DELIVERY_SHIPPED, "2026-02-01");
  deliver (history, unread, IMP_DELIVERY_SHIPPED, "2026-02-01");
  deliver (history, no_metric, IMP_DELIVERY_SHIPPED, "2026-02-01");

  diagnoses = imp_tracking_diagnose (map);
  /* A deliverable with no delivery status is not tracked: no diagnosis. */
  g_assert_cmpuint (diagnoses->len, ==, 7);
  (void) untracked;

  d = diagnosis_of (diagnoses, planned);
  g_assert_cmpint (d->kind, ==, IMP_DIAGNOSIS_NOT_SHIPPED);
  g_assert_cmpstr (d->message, ==, "not shipped yet: “Wishlist” (Planned)");
  g_assert_cmpint (diagnosis_of (diagnoses, dropped)->kind, ==, IMP_DIAGNOSIS_DROPPED);

  /* 10 → 10.5 is 2.5 % of the way to 30: no move. */
  d = diagnosis_of (diagnoses, adoption);
  g_assert_cmpint (d->kind, ==, IMP_DIAGNOSIS_ADOPTION);
  g_assert_true (d->broken == imp_map_find_link (map, i_flat, adoption));
  g_assert_cmpstr (d->message, ==, "broken at adoption: “Reorder button” shipped on 2026-02-01, "
                   "but “Reorder” has not moved towards its target since (10 on 2026-01-15, "
                   "then 10.5 on 2026-03-15)");

  /* From the baseline 0 to 40 on 2026-02-15; the goal 100 → 102 after. */
  d = diagnosis_of (diagnoses, no_result);
  g_assert_cmpint (d->kind, ==, IMP_DIAGNOSIS_NO_RESULT);
  g_assert_true (d->broken == imp_map_find_link (map, a1, i_moves_alone));
  g_assert_nonnull (strstr (d->message, "“Review” moved (0 (baseline), then 40 on 2026-02-15), "
                            "but “Revenue” did not follow (100 on 2026-01-01, then 102 on "
                            "2026-04-01)"));

  d = diagnosis_of (diagnoses, working);
  g_assert_cmpint (d->kind, ==, IMP_DIAGNOSIS_WORKING);
  g_assert_null (d->broken);
  g_assert_nonnull (strstr (d->message, "“Retention” followed (50 on 2026-01-01, then 60 on "
                            "2026-04-01)"));

  d = diagnosis_of (diagnoses, unread);
  g_assert_cmpint (d->kind, ==, IMP_DIAGNOSIS_NOT_ENOUGH_DATA);
  g_assert_cmpstr (d->message, ==, "not enough readings to tell: “Invite link” shipped on "
                   "2026-02-01 and “Invite friends” has no reading since");
  d = diagnosis_of (diagnoses, no_metric);
  g_assert_cmpint (d->kind, ==, IMP_DIAGNOSIS_NOT_ENOUGH_DATA);
  g_assert_nonnull (strstr (d->message, "“Share” has no metric"));

  /* A decreasing impact moves by going down. */
  {
    g_autoptr(ImpMetric) metric = imp_metric_copy (i_flat->metric);

    metric->direction = IMP_DIRECTION_DECREASE;
    metric->baseline = 30;
    metric->target = 10;
    imp_history_set_node_metric (history, i_flat, metric);
    read_at (history, i_flat, "2026-03-20", 8);
    g_clear_pointer (&diagnoses, g_ptr_array_unref);
    diagnoses = imp_tracking_diagnose (map);
    g_assert_cmpint (diagnosis_of (diagnoses, adoption)->kind, ==, IMP_DIAGNOSIS_NO_RESULT);
  }
}

/* The example map tells all three stories, for a day passed in. */
static void
test_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "edtech-weekly-learners.impactmap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_path (path, &error);
  g_autoptr(GPtrArray) diagnoses = NULL;
  g_autoptr(GPtrArray) proxies = NULL;
  gboolean adoption = FALSE, working = FALSE, evidence = FALSE;

  g_assert_no_error (error);
  diagnoses = imp_tracking_diagnose (map);
  for (guint i = 0; i < diagnoses->len; i++)
    {
      const ImpDiagnosis *d = g_ptr_array_index (diagnoses, i);

      adoption |= d->kind == IMP_DIAGNOSIS_ADOPTION &&
                  g_str_equal (d->chain.deliverable->title, "Faster upload pipeline");
      working |= d->kind == IMP_DIAGNOSIS_WORKING &&
                 g_str_equal (d->chain.deliverable->title, "Streak reminders on mobile");
    }
  proxies = imp_tracking_proxy_lines (map);
  for (guint i = 0; i < proxies->len; i++)
    evidence |= strstr (proxies->pdata[i], "Practise on more days") != NULL &&
                strstr (proxies->pdata[i], "(evidence that the proxy moves the result)") != NULL;
  g_assert_true (adoption);
  g_assert_true (working);
  g_assert_true (evidence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/tracking/forecast/increasing", test_increasing);
  g_test_add_func ("/core/tracking/forecast/decreasing", test_decreasing);
  g_test_add_func ("/core/tracking/forecast/flat-and-one-reading", test_flat_and_one_reading);
  g_test_add_func ("/core/tracking/forecast/out-of-order-and-duplicates",
                   test_out_of_order_and_duplicates);
  g_test_add_func ("/core/tracking/forecast/target-passed", test_target_passed);
  g_test_add_func ("/core/tracking/forecast/far", test_far_forecast);
  g_test_add_func ("/core/tracking/correlation", test_correlation);
  g_test_add_func ("/core/tracking/diagnosis", test_diagnosis);
  g_test_add_func ("/core/tracking/example", test_example);

  return g_test_run ();
}
