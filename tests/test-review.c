/* test-review.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "imp-format.h"
#include "imp-review.h"

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
             double      current)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();

  metric->baseline = 0;
  metric->target = 200;
  metric->current = current;
  imp_history_set_node_metric (history, node, metric);
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

static void
score (ImpHistory *history,
       ImpNode    *node,
       guint8      impact)
{
  ImpIce ice = { impact, 5, 4 };
  g_autoptr(GError) error = NULL;

  g_assert_true (imp_history_set_node_ice (history, node, &ice, &error));
  g_assert_no_error (error);
}

static void
record (ImpHistory *history,
        const char *name,
        int         day)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, G_DATE_MARCH, 2026);
  g_assert_true (imp_review_record (history, name, &date, &error));
  g_assert_no_error (error);
}

static const ImpReviewChange *
find_change (GPtrArray           *changes,
             ImpReviewChangeKind  kind,
             const char          *title)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const ImpReviewChange *c = g_ptr_array_index (changes, i);

      if (c->kind == kind && g_strcmp0 (c->title, title) == 0)
        return c;
    }

  return NULL;
}

/* A small map: a goal with a metric, an impact, two deliverables and an
 * experiment. */
typedef struct
{
  ImpMap     *map;
  ImpHistory *history;
  ImpNode    *goal, *second_goal, *actor, *impact, *chat, *tour, *test;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();

  f->map = imp_map_new ();
  f->history = imp_history_new (f->map);
  f->goal = card (f->history, NULL, IMP_LEVEL_GOAL, "Weekly learners");
  f->second_goal = card (f->history, NULL, IMP_LEVEL_GOAL, "Fewer complaints");
  f->actor = card (f->history, f->goal, IMP_LEVEL_ACTOR, "Teachers");
  f->impact = card (f->history, f->actor, IMP_LEVEL_IMPACT, "Assign homework online");
  f->chat = card (f->history, f->impact, IMP_LEVEL_DELIVERABLE, "Class chat");
  f->tour = card (f->history, f->impact, IMP_LEVEL_DELIVERABLE, "Guided tour");
  f->test = card (f->history, f->chat, IMP_LEVEL_EXPERIMENT, "Fake door");
  give_metric (f->history, f->goal, 120);
  give_metric (f->history, f->impact, 30);
  deliver (f->history, f->chat, IMP_DELIVERY_PLANNED, NULL);
  score (f->history, f->chat, 8);
  imp_history_set_node_experiment (f->history, f->test, experiment);
  imp_review_set_primary_goal (f->history, f->goal);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->map);
}

/* Recording is one undo step; the review survives saving and loading, and
 * the file says what the README says. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(ImpMap) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *resaved = NULL;
  guint n_undo = imp_history_get_n_undo (f->history);

  record (f->history, "Q1 review", 31);
  g_assert_cmpuint (imp_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpstr (imp_history_get_undo_label (f->history), ==, "Record Review");

  list = imp_review_list (f->map);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((ImpReviewInfo *) list->pdata[0])->name, ==, "Q1 review");
  g_assert_cmpstr (((ImpReviewInfo *) list->pdata[0])->date, ==, "2026-03-31");
  g_assert_cmpuint (((ImpReviewInfo *) list->pdata[0])->n_cards, ==, 7);

  text = imp_format_save_to_data (f->map, NULL);
  g_assert_nonnull (strstr (text, "\"reviews\""));
  g_assert_nonnull (strstr (text, "\"primary_goal\""));
  loaded = imp_format_load_data (text, -1, &error);
  g_assert_no_error (error);
  resaved = imp_format_save_to_data (loaded, NULL);
  g_assert_cmpstr (text, ==, resaved);
  again = imp_review_list (loaded);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_true (imp_review_get_primary_goal (loaded) != NULL);
  g_assert_cmpstr (imp_review_get_primary_goal (loaded)->title, ==, "Weekly learners");

  /* Nothing changed since it was recorded. */
  {
    g_autoptr(GPtrArray) changes = imp_review_diff (loaded, "Q1 review", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, 0);
  }

  g_assert_true (imp_history_undo (f->history));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = imp_review_list (f->map);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (imp_history_redo (f->history));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = imp_review_list (f->map);
  g_assert_cmpuint (list->len, ==, 1);
}

/* A name is needed and taken once. */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2026);
  g_assert_false (imp_review_record (f->history, "   ", &date, &error));
  g_assert_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_INVALID_NAME);
  g_clear_error (&error);

  record (f->history, "Kick-off", 1);
  g_assert_false (imp_review_record (f->history, " Kick-off ", &date, &error));
  g_assert_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Kick-off"));
  g_clear_error (&error);

  g_assert_null (imp_review_diff (f->map, "Q2", &error));
  g_assert_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "“Q2”"));
  g_assert_nonnull (strstr (error->message, "“Kick-off”"));
  g_clear_error (&error);

  g_assert_true (imp_review_remove (f->history, "Kick-off"));
  g_assert_false (imp_review_remove (f->history, "Kick-off"));
  g_assert_null (imp_review_diff (f->map, "Kick-off", &error));
  g_assert_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "no reviews"));
}

/* Everything a review remembers, changed after it, shows in the diff. */
static void
test_since (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();
  const ImpReviewChange *c;
  ImpNode *added;
  ImpNode *tour = f->tour;

  record (f->history, "Q1", 31);

  give_metric (f->history, f->goal, 150);
  give_metric (f->history, f->impact, 25.5);
  deliver (f->history, f->chat, IMP_DELIVERY_SHIPPED, "2026-04-02");
  score (f->history, f->chat, 10);
  experiment->status = IMP_EXPERIMENT_DONE;
  experiment->result = IMP_RESULT_SUPPORTS;
  imp_history_set_node_experiment (f->history, f->test, experiment);
  added = card (f->history, f->impact, IMP_LEVEL_DELIVERABLE, "Parent newsletter");
  imp_history_delete_nodes (f->history, &tour, 1);
  imp_review_set_primary_goal (f->history, f->second_goal);

  changes = imp_review_diff (f->map, "Q1", &error);
  g_assert_no_error (error);

  c = find_change (changes, IMP_REVIEW_CHANGE_METRIC, "Weekly learners");
  g_assert_nonnull (c);
  g_assert_cmpfloat (c->from, ==, 120);
  g_assert_cmpfloat (c->to, ==, 150);
  g_assert_cmpstr (c->message, ==, "“Weekly learners” moved from 120 to 150 (▲ +30)");
  g_assert_cmpstr (c->label, ==, "▲ +30 since Q1");

  c = find_change (changes, IMP_REVIEW_CHANGE_METRIC, "Assign homework online");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->label, ==, "▼ −4.5 since Q1");

  c = find_change (changes, IMP_REVIEW_CHANGE_DELIVERY, "Class chat");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->message, ==, "“Class chat” is Shipped, it was Planned");

  c = find_change (changes, IMP_REVIEW_CHANGE_ICE, "Class chat");
  g_assert_nonnull (c);
  g_assert_cmpfloat (c->from, ==, 160);
  g_assert_cmpfloat (c->to, ==, 200);

  c = find_change (changes, IMP_REVIEW_CHANGE_RESULT, "Fake door");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->message, ==, "“Fake door”: result supports, it was no result");

  c = find_change (changes, IMP_REVIEW_CHANGE_ADDED, "Parent newsletter");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->id, ==, added->id);

  c = find_change (changes, IMP_REVIEW_CHANGE_REMOVED, "Guided tour");
  g_assert_nonnull (c);
  g_assert_cmpint (c->level, ==, IMP_LEVEL_DELIVERABLE);

  c = find_change (changes, IMP_REVIEW_CHANGE_PRIMARY, "Fewer complaints");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->message, ==,
                   "The primary goal is “Fewer complaints”, it was “Weekly learners”");

  /* That is all: the actor and the goal without a metric did not change. */
  g_assert_cmpuint (changes->len, ==, 8);
}

/* What a file says under "reviews" is outside data: entries that are not
 * reviews are passed over, a review naming cards that are gone lists them
 * as removed, and nothing crashes. */
static void
test_hostile (void)
{
  static const char *text =
    "{\"format\": \"impactmap\", \"version\": 1, \"title\": \"t\","
    " \"nodes\": [{\"id\": \"g\", \"level\": \"goal\", \"title\": \"Goal\"}],"
    " \"links\": [],"
    " \"primary_goal\": 12,"
    " \"reviews\": [1, \"x\", {\"name\": \"\"}, {\"name\": \"bad date\", \"date\": \"2026-02-30\","
    "   \"cards\": []},"
    "  {\"name\": \"no cards\", \"date\": \"2026-01-01\", \"cards\": {}},"
    "  {\"name\": \"ok\", \"date\": \"2026-01-01\", \"primary_goal\": \"nobody\", \"cards\": ["
    "    7, {\"title\": \"no id\"}, {\"id\": \"g\", \"value\": \"high\", \"ice\": 1e400},"
    "    {\"id\": \"ghost\", \"level\": \"nonsense\"}, {\"id\": \"ghost\", \"title\": \"twice\"}]},"
    "  {\"name\": \"ok\", \"date\": \"2026-02-01\", \"cards\": []}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = imp_format_load_data (text, -1, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const ImpReviewChange *c;

  g_assert_no_error (error);
  g_assert_null (imp_review_get_primary_goal (map));
  list = imp_review_list (map);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((ImpReviewInfo *) list->pdata[0])->date, ==, "2026-01-01");

  changes = imp_review_diff (map, "ok", &error);
  g_assert_no_error (error);
  c = find_change (changes, IMP_REVIEW_CHANGE_REMOVED, "ghost");
  g_assert_nonnull (c);
  g_assert_cmpint (c->level, ==, IMP_LEVEL_GOAL);
  /* The primary goal named a card that does not exist: now none, then an id. */
  g_assert_nonnull (find_change (changes, IMP_REVIEW_CHANGE_PRIMARY, ""));
  g_assert_cmpuint (changes->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/review/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/core/review/names", Fixture, NULL, fixture_set_up, test_names,
              fixture_tear_down);
  g_test_add ("/core/review/since", Fixture, NULL, fixture_set_up, test_since,
              fixture_tear_down);
  g_test_add_func ("/core/review/hostile", test_hostile);

  return g_test_run ();
}
