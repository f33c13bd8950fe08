/* imp-review.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "imp-map-private.h"
#include "imp-metric.h"
#include "imp-number.h"
#include "imp-review.h"

/* A review is a dated, named record of the state of every card: its metric's
 * current value, its delivery status, its ICE score, its experiment's
 * result, and which goal was primary. It lives in the file as the
 * top-level member "reviews" (README, "File format"), kept by the reader
 * as one of the map's extra members, so that older versions keep it too:
 *
 *   "primary_goal": "g1",
 *   "reviews": [
 *     { "name": "Q1 review", "date": "2026-03-31", "primary_goal": "g1",
 *       "cards": [ { "id": "g1", "title": "…", "level": "goal", "value": 120 },
 *                  { "id": "d1", "title": "…", "level": "deliverable",
 *                    "delivery": "planned", "ice": 240 } ] } ]
 *
 * What a file says there is outside data: every entry is checked as it is
 * read, and one that is not a review (no name, a bad date, a card without
 * an id) is passed over, never trusted. */

#define MEMBER_REVIEWS "reviews"
#define MEMBER_PRIMARY "primary_goal"

G_DEFINE_QUARK (imp-review-error-quark, imp_review_error)

void
imp_review_change_free (ImpReviewChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->title);
  g_free (change->message);
  g_free (change->label);
  g_free (change->parent);
  g_free (change);
}

void
imp_review_info_free (ImpReviewInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

/* Reading what the file holds */

static JsonArray *
get_reviews (ImpMap *map)
{
  JsonObject *extra = imp_map_get_extra (map);
  JsonNode *node = extra != NULL ? json_object_get_member (extra, MEMBER_REVIEWS) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A finite number, or NAN for none. */
static double
get_number (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return NAN;

  return isfinite (value) ? value : NAN;
}

static gboolean
name_is_valid (const char *name)
{
  return name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL) &&
         g_utf8_strlen (name, -1) <= IMP_MAX_REVIEW_NAME;
}

/* The review at @i when it is one: a name, a valid date, an array of cards. */
static JsonObject *
review_at (JsonArray *reviews,
           guint      i)
{
  JsonNode *node = json_array_get_element (reviews, i);
  JsonObject *object;
  JsonNode *cards;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!name_is_valid (get_string (object, "name")) ||
      !imp_metric_is_valid_date (get_string (object, "date")))
    return NULL;
  cards = json_object_get_member (object, "cards");
  if (cards == NULL || !JSON_NODE_HOLDS_ARRAY (cards))
    return NULL;

  return object;
}

static JsonObject *
find_review (ImpMap     *map,
             const char *name)
{
  JsonArray *reviews = get_reviews (map);

  if (reviews == NULL || name == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonObject *review = review_at (reviews, i);

      if (review != NULL && g_str_equal (get_string (review, "name"), name))
        return review;
    }

  return NULL;
}

/**
 * imp_review_list:
 * @map: a map
 *
 * Returns: (transfer container) (element-type ImpReviewInfo): the map's
 *   reviews, in the order they were recorded; entries of the file that are
 *   not reviews, and a second review of one name, are left out
 */
GPtrArray *
imp_review_list (ImpMap *map)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_review_info_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *reviews;

  g_return_val_if_fail (IMP_IS_MAP (map), list);

  if ((reviews = get_reviews (map)) == NULL)
    return list;

  for (guint i = 0; i < json_array_get_length (reviews) && list->len < IMP_MAX_REVIEWS; i++)
    {
      JsonObject *review = review_at (reviews, i);
      ImpReviewInfo *info;
      const char *name;

      if (review == NULL)
        continue;
      name = get_string (review, "name");
      if (!g_hash_table_add (seen, (gpointer) name))
        continue;
      info = g_new0 (ImpReviewInfo, 1);
      info->name = g_strdup (name);
      g_strlcpy (info->date, get_string (review, "date"), sizeof info->date);
      info->n_cards = json_array_get_length (json_object_get_array_member (review, "cards"));
      g_ptr_array_add (list, info);
    }

  return list;
}

/* Recording */

static const char *
result_name (ImpResult result)
{
  switch (result)
    {
    case IMP_RESULT_SUPPORTS:
      return _("supports");
    case IMP_RESULT_REFUTES:
      return _("refutes");
    case IMP_RESULT_INCONCLUSIVE:
      return _("inconclusive");
    case IMP_RESULT_NONE:
    default:
      return _("no result");
    }
}

static JsonNode *
card_record (ImpNode *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, node->id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, node->title ? node->title : "");
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, imp_level_to_string (node->level));
  if (node->metric != NULL && isfinite (node->metric->current))
    {
      double value = node->metric->current;

      /* A whole number as one: it reads back as one, and equal. */
      json_builder_set_member_name (builder, "value");
      if (value == floor (value) && fabs (value) < 9007199254740992.0)
        json_builder_add_int_value (builder, (gint64) value);
      else
        json_builder_add_double_value (builder, value);
    }
  if (node->delivery.status != IMP_DELIVERY_NONE)
    {
      json_builder_set_member_name (builder, "delivery");
      json_builder_add_string_value (builder,
                                     imp_delivery_status_to_string (node->delivery.status));
    }
  if (imp_ice_is_set (&node->ice))
    {
      json_builder_set_member_name (builder, "ice");
      json_builder_add_int_value (builder, imp_ice_get_score (&node->ice));
    }
  if (node->experiment != NULL && node->experiment->result != IMP_RESULT_NONE)
    {
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, imp_result_to_string (node->experiment->result));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * imp_review_record:
 * @history: the history of the map
 * @name: the review's name, unique in the map
 * @date: the day it records
 * @error: return location for an #ImpReviewError
 *
 * Records the state of every card of the map as a review named @name, as
 * one undo step “Record Review”.
 *
 * Returns: whether the review was recorded
 */
gboolean
imp_review_record (ImpHistory  *history,
                   const char  *name,
                   const GDate *date,
                   GError     **error)
{
  ImpMap *map;
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *stripped = NULL;
  JsonArray *old, *reviews;
  JsonObject *review;
  JsonArray *cards;
  ImpNode *primary;
  char day[11];

  g_return_val_if_fail (IMP_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  map = imp_history_get_map (history);
  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (!name_is_valid (stripped))
    {
      g_set_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_INVALID_NAME,
                   _("A review needs a name of 1 to %d characters"), IMP_MAX_REVIEW_NAME);
      return FALSE;
    }
  if (find_review (map, stripped) != NULL)
    {
      g_set_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_DUPLICATE,
                   _("There is already a review named “%s”"), stripped);
      return FALSE;
    }
  old = get_reviews (map);
  if (old != NULL && json_array_get_length (old) >= IMP_MAX_REVIEWS)
    {
      g_set_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_TOO_MANY,
                   _("A map keeps at most %d reviews"), IMP_MAX_REVIEWS);
      return FALSE;
    }

  g_snprintf (day, sizeof day, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));

  review = json_object_new ();
  json_object_set_string_member (review, "name", stripped);
  json_object_set_string_member (review, "date", day);
  if ((primary = imp_review_get_primary_goal (map)) != NULL)
    json_object_set_string_member (review, MEMBER_PRIMARY, primary->id);
  cards = json_array_new ();
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    json_array_add_element (cards, card_record (imp_map_get_node (map, i)));
  json_object_set_array_member (review, "cards", cards);

  reviews = json_array_new ();
  if (old != NULL)
    for (guint i = 0; i < json_array_get_length (old); i++)
      json_array_add_element (reviews, json_node_copy (json_array_get_element (old, i)));
  json_array_add_object_element (reviews, review);

  value = json_node_init_array (json_node_alloc (), reviews);
  json_array_unref (reviews);
  imp_history_set_map_member (history, _("Record Review"), MEMBER_REVIEWS, value);

  return TRUE;
}

/**
 * imp_review_remove:
 * @history: the history of the map
 * @name: a review's name
 *
 * Removes the review named @name, as one undo step.
 *
 * Returns: whether there was one
 */
gboolean
imp_review_remove (ImpHistory *history,
                   const char *name)
{
  ImpMap *map;
  JsonArray *old, *reviews;
  g_autoptr(JsonNode) value = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (IMP_IS_HISTORY (history), FALSE);

  map = imp_history_get_map (history);
  if ((old = get_reviews (map)) == NULL || find_review (map, name) == NULL)
    return FALSE;

  reviews = json_array_new ();
  for (guint i = 0; i < json_array_get_length (old); i++)
    {
      JsonObject *review = review_at (old, i);

      if (!found && review != NULL && g_str_equal (get_string (review, "name"), name))
        found = TRUE;
      else
        json_array_add_element (reviews, json_node_copy (json_array_get_element (old, i)));
    }
  if (json_array_get_length (reviews) > 0)
    value = json_node_init_array (json_node_alloc (), reviews);
  json_array_unref (reviews);
  imp_history_set_map_member (history, _("Remove Review"), MEMBER_REVIEWS, value);

  return TRUE;
}

/* The primary goal */

/**
 * imp_review_get_primary_goal:
 * @map: a map
 *
 * Returns: (transfer none) (nullable): the goal the map marks as primary
 *   now, or %NULL when it marks none or names a card that is not a goal
 */
ImpNode *
imp_review_get_primary_goal (ImpMap *map)
{
  JsonObject *extra;
  const char *id;
  ImpNode *node;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  extra = imp_map_get_extra (map);
  if (extra == NULL || (id = get_string (extra, MEMBER_PRIMARY)) == NULL)
    return NULL;
  node = imp_map_lookup_node (map, id);

  return node != NULL && node->level == IMP_LEVEL_GOAL ? node : NULL;
}

/**
 * imp_review_set_primary_goal:
 * @history: the history of the map
 * @goal: (nullable): a goal of the map, or %NULL for none
 *
 * Marks @goal as the map's primary goal now, as one undo step.
 */
void
imp_review_set_primary_goal (ImpHistory *history,
                             ImpNode    *goal)
{
  g_autoptr(JsonNode) value = NULL;

  g_return_if_fail (IMP_IS_HISTORY (history));
  g_return_if_fail (goal == NULL || goal->level == IMP_LEVEL_GOAL);

  if (goal != NULL)
    {
      value = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (value, goal->id);
    }
  imp_history_set_map_member (history,
                              goal != NULL ? _("Mark Primary Goal") : _("Unmark Primary Goal"),
                              MEMBER_PRIMARY, value);
}

/* What changed since */

static char *
format_amount (double value)
{
  ImpNumberFormat format;

  imp_number_format_init_locale (&format);

  return imp_number_to_text (&format, value, 2);
}

static char *
format_delta (double delta)
{
  g_autofree char *amount = format_amount (fabs (delta));

  /* A sign and an arrow: the direction never rests on colour. */
  return g_strdup_printf ("%s %s%s", delta > 0 ? "▲" : "▼", delta > 0 ? "+" : "−", amount);
}

static ImpReviewChange *
change_new (ImpReviewChangeKind kind,
            const char         *id,
            const char         *title,
            ImpLevel            level)
{
  ImpReviewChange *change = g_new0 (ImpReviewChange, 1);

  change->kind = kind;
  change->id = g_strdup (id);
  change->title = g_strdup (title ? title : "");
  change->level = level;
  change->from = change->to = NAN;

  return change;
}

static const char *
delivery_name (const char *status)
{
  ImpDeliveryStatus value = IMP_DELIVERY_NONE;

  if (status != NULL)
    imp_delivery_status_from_string (status, &value);

  return imp_delivery_status_display_name (value);
}

static const char *
recorded_result_name (const char *result)
{
  ImpResult value = IMP_RESULT_NONE;

  if (result != NULL)
    imp_result_from_string (result, &value);

  return result_name (value);
}

static void
diff_card (GPtrArray  *changes,
           ImpNode    *node,
           JsonObject *card,
           const char *review)
{
  double then = get_number (card, "value");
  double now = node->metric != NULL && isfinite (node->metric->current)
                 ? node->metric->current : NAN;
  const char *was, *is;

  if (isfinite (then) != isfinite (now) || (isfinite (then) && then != now))
    {
      ImpReviewChange *c = change_new (IMP_REVIEW_CHANGE_METRIC, node->id, node->title,
                                       node->level);

      c->from = then;
      c->to = now;
      if (isfinite (then) && isfinite (now))
        {
          g_autofree char *from = format_amount (then);
          g_autofree char *to = format_amount (now);
          g_autofree char *delta = format_delta (now - then);

          /* TRANSLATORS: "“Weekly learners” moved from 120 to 150 (▲ +30)" */
          c->message = g_strdup_printf (_("“%s” moved from %s to %s (%s)"), node->title,
                                        from, to, delta);
          /* TRANSLATORS: drawn by a card: "▲ +30 since Q1 review" */
          c->label = g_strdup_printf (_("%s since %s"), delta, review);
        }
      else if (isfinite (now))
        {
          g_autofree char *to = format_amount (now);

          c->message = g_strdup_printf (_("“%s” has a value, %s, it had none"), node->title, to);
          c->label = g_strdup_printf (_("Now %s, none at %s"), to, review);
        }
      else
        {
          g_autofree char *from = format_amount (then);

          c->message = g_strdup_printf (_("“%s” has no value now, it had %s"), node->title, from);
          c->label = g_strdup_printf (_("No value now, %s at %s"), from, review);
        }
      g_ptr_array_add (changes, c);
    }

  was = get_string (card, "delivery");
  is = node->delivery.status != IMP_DELIVERY_NONE
         ? imp_delivery_status_to_string (node->delivery.status) : NULL;
  if (g_strcmp0 (was, is) != 0)
    {
      ImpReviewChange *c = change_new (IMP_REVIEW_CHANGE_DELIVERY, node->id, node->title,
                                       node->level);

      /* TRANSLATORS: "“Slack app” is Shipped, it was Planned" */
      c->message = g_strdup_printf (_("“%s” is %s, it was %s"), node->title,
                                    delivery_name (is), delivery_name (was));
      /* TRANSLATORS: drawn by a card: "Shipped, was Planned" */
      c->label = g_strdup_printf (_("%s, was %s"), delivery_name (is), delivery_name (was));
      g_ptr_array_add (changes, c);
    }

  then = get_number (card, "ice");
  now = imp_ice_is_set (&node->ice) ? imp_ice_get_score (&node->ice) : NAN;
  if (isfinite (then) != isfinite (now) || (isfinite (then) && then != now))
    {
      ImpReviewChange *c = change_new (IMP_REVIEW_CHANGE_ICE, node->id, node->title,
                                       node->level);
      g_autofree char *from = isfinite (then) ? format_amount (then) : g_strdup (_("none"));
      g_autofree char *to = isfinite (now) ? format_amount (now) : g_strdup (_("none"));

      c->from = then;
      c->to = now;
      c->message = g_strdup_printf (_("“%s”: ICE score %s, it was %s"), node->title, to, from);
      c->label = g_strdup_printf (_("ICE %s, was %s"), to, from);
      g_ptr_array_add (changes, c);
    }

  was = get_string (card, "result");
  is = node->experiment != NULL && node->experiment->result != IMP_RESULT_NONE
         ? imp_result_to_string (node->experiment->result) : NULL;
  if (g_strcmp0 (was, is) != 0)
    {
      ImpReviewChange *c = change_new (IMP_REVIEW_CHANGE_RESULT, node->id, node->title,
                                       node->level);

      c->message = g_strdup_printf (_("“%s”: result %s, it was %s"), node->title,
                                    recorded_result_name (is), recorded_result_name (was));
      c->label = g_strdup_printf (_("Result: %s, was %s"), recorded_result_name (is),
                                  recorded_result_name (was));
      g_ptr_array_add (changes, c);
    }
}

/**
 * imp_review_diff:
 * @map: a map
 * @name: the name of one of its reviews
 * @error: return location for %IMP_REVIEW_ERROR_UNKNOWN
 *
 * Compares the map as it is with its review @name: cards added, cards
 * removed (named as the review recorded them), metrics moved and by how
 * much, delivery statuses, ICE scores and experiment results changed, and
 * the primary goal. Cards in the map's order, then removed ones in the
 * review's, then the primary goal.
 *
 * Returns: (transfer container) (element-type ImpReviewChange) (nullable):
 *   the changes, empty when nothing changed; %NULL for an unknown review
 */
GPtrArray *
imp_review_diff (ImpMap     *map,
                 const char *name,
                 GError    **error)
{
  g_autoptr(GHashTable) recorded = NULL;
  g_autoptr(GHashTable) present = NULL;
  GPtrArray *changes;
  JsonObject *review;
  JsonArray *cards;
  const char *then_primary;
  ImpNode *now_primary;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  if ((review = find_review (map, name)) == NULL)
    {
      g_autoptr(GPtrArray) list = imp_review_list (map);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < list->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                ((ImpReviewInfo *) list->pdata[i])->name);
      if (list->len == 0)
        g_set_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_UNKNOWN,
                     _("No review named “%s”: the map has no reviews"), name ? name : "");
      else
        g_set_error (error, IMP_REVIEW_ERROR, IMP_REVIEW_ERROR_UNKNOWN,
                     _("No review named “%s”; the map's reviews are %s"), name ? name : "",
                     names->str);
      return NULL;
    }

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_review_change_free);
  recorded = g_hash_table_new (g_str_hash, g_str_equal);
  present = g_hash_table_new (g_str_hash, g_str_equal);
  cards = json_object_get_array_member (review, "cards");
  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonNode *element = json_array_get_element (cards, i);
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (id = get_string (json_node_get_object (element), "id")) == NULL)
        continue;
      /* A card recorded twice counts once, as first recorded. */
      if (!g_hash_table_contains (recorded, id))
        g_hash_table_insert (recorded, (gpointer) id, json_node_get_object (element));
    }

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      JsonObject *card = g_hash_table_lookup (recorded, node->id);

      g_hash_table_add (present, node->id);
      if (card == NULL)
        {
          ImpReviewChange *c = change_new (IMP_REVIEW_CHANGE_ADDED, node->id, node->title,
                                           node->level);

          c->message = g_strdup_printf (_("“%s” is new"), node->title);
          /* TRANSLATORS: drawn by a card: "New since Q1 review" */
          c->label = g_strdup_printf (_("New since %s"), name);
          g_ptr_array_add (changes, c);
          continue;
        }
      diff_card (changes, node, card, name);
    }

  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonNode *element = json_array_get_element (cards, i);
      JsonObject *card;
      const char *id, *title;
      ImpLevel level = IMP_LEVEL_GOAL;
      ImpReviewChange *c;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      card = json_node_get_object (element);
      if ((id = get_string (card, "id")) == NULL || g_hash_table_contains (present, id) ||
          g_hash_table_lookup (recorded, id) != card)
        continue;
      title = get_string (card, "title");
      if (get_string (card, "level") != NULL)
        imp_level_from_string (get_string (card, "level"), &level);
      c = change_new (IMP_REVIEW_CHANGE_REMOVED, id, title ? title : id, level);
      c->message = g_strdup_printf (_("“%s” was removed"), c->title);
      c->label = g_strdup_printf (_("Removed since %s"), name);
      g_ptr_array_add (changes, c);
    }

  then_primary = get_string (review, MEMBER_PRIMARY);
  now_primary = imp_review_get_primary_goal (map);
  if (g_strcmp0 (then_primary, now_primary ? now_primary->id : NULL) != 0)
    {
      ImpNode *then_node = then_primary ? imp_map_lookup_node (map, then_primary) : NULL;
      JsonObject *then_card = then_primary ? g_hash_table_lookup (recorded, then_primary) : NULL;
      const char *then_title = then_node ? then_node->title
                               : then_card && get_string (then_card, "title")
                                   ? get_string (then_card, "title") : NULL;
      ImpReviewChange *c = change_new (IMP_REVIEW_CHANGE_PRIMARY,
                                       now_primary ? now_primary->id : NULL,
                                       now_primary ? now_primary->title : NULL,
                                       IMP_LEVEL_GOAL);

      if (now_primary != NULL && then_title != NULL)
        c->message = g_strdup_printf (_("The primary goal is “%s”, it was “%s”"),
                                      now_primary->title, then_title);
      else if (now_primary != NULL)
        c->message = g_strdup_printf (_("The primary goal is “%s”, there was none"),
                                      now_primary->title);
      else
        c->message = g_strdup_printf (_("No goal is primary, it was “%s”"),
                                      then_title ? then_title : then_primary);
      c->label = now_primary != NULL
                   ? g_strdup_printf (_("Primary now, was “%s”"),
                                      then_title ? then_title : _("none"))
                   : NULL;
      g_ptr_array_add (changes, c);
    }

  return changes;
}
