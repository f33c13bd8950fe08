/* imp-format-read.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imp-format.h"
#include "imp-format-private.h"
#include "imp-map-private.h"

/* The reader is json-glib's parser plus a validation pass that builds the
 * map through its public API, so the map's own rules (ids, levels, links)
 * are checked by the same code that checks edits. */

G_DEFINE_QUARK (imp-format-error-quark, imp_format_error)

/* The members each object may have, in the order the writer writes them;
 * the reader keeps any others as extra members. */
const char * const _imp_format_top_members[] = {
  "format", "version", "title", "vocabulary", "layout", "nodes", "links", "parking_lot",
  "vote_budget", NULL
};
const char * const _imp_format_vote_budget_members[] = { "participants", "dots", NULL };
const char * const _imp_format_node_members[] = {
  "id", "level", "title", "notes", "position", "layout_positions", "collapsed", "metric", "ice",
  "votes", "experiment", "delivery", NULL
};
const char * const _imp_format_delivery_members[] = { "status", "shipped", NULL };
const char * const _imp_format_position_members[] = { "x", "y", NULL };
/* The layouts with a pin of their own besides "position" (the right one). */
const char * const _imp_format_layout_positions_members[] = { "balanced", "down", NULL };
const char * const _imp_format_metric_members[] = {
  "name", "unit", "baseline", "current", "target", "direction", "deadline", "indicator",
  "readings", NULL
};
const char * const _imp_format_reading_members[] = { "date", "value", "note", NULL };
const char * const _imp_format_ice_members[] = { "impact", "confidence", "ease", NULL };
const char * const _imp_format_experiment_members[] = {
  "kind", "aspect", "status", "result", "start", "end", "evidence", NULL
};
const char * const _imp_format_link_members[] = {
  "from", "to", "assumption", "confidence", "status", NULL
};

static gboolean
is_known (const char * const *known,
          const char         *name)
{
  return g_strv_contains (known, name);
}

/* Reading ---------------------------------------------------------------- */

typedef struct
{
  JsonParser    *parser;
  GHashTable    *lines;       /* JsonObject -> line of its "{" */
  GArray        *open_lines;  /* lines of the objects being parsed */
  ImpMap        *map;
  GError       **error;
  GPtrArray     *warnings;    /* repairs made; NULL: repair nothing */
  GHashTable    *link_ends;   /* id -> times it is a link's "from" or "to" */
  gboolean       wanted_line; /* an error named an object, and lines is NULL */
  GHashTable    *element_lines; /* JsonArray -> GArray of its elements' lines */
  const char    *data;        /* with split: the document, whose arrays */
  const ImpFormatSplit *split; /* are read a few cards at a time */
} Loader;

/* Where a problem is, for the error message. */
typedef struct
{
  const char *array;      /* "nodes" or "links"; NULL at the top level */
  guint       index;
  const char *id;         /* a node's id, once read */
  const char *from;       /* a link's ends, once read */
  const char *to;
  JsonObject *object;     /* the element, for its line */
} Where;

static void
object_start_cb (JsonParser *parser,
                 Loader     *self)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (self->open_lines, line);
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               Loader     *self)
{
  guint line;

  if (self->open_lines->len == 0)
    return;

  line = g_array_index (self->open_lines, guint, self->open_lines->len - 1);
  g_array_set_size (self->open_lines, self->open_lines->len - 1);
  g_hash_table_insert (self->lines, object, GUINT_TO_POINTER (line));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  guint       index,
                  Loader     *self)
{
  GArray *lines = g_hash_table_lookup (self->element_lines, array);
  guint line = json_parser_get_current_line (parser);

  if (lines == NULL)
    {
      lines = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->element_lines, array, lines);
    }
  if (index == lines->len)
    g_array_append_val (lines, line);
}

static void
loader_clear (Loader *self)
{
  g_clear_object (&self->parser);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->open_lines, g_array_unref);
  g_clear_pointer (&self->link_ends, g_hash_table_unref);
  g_clear_pointer (&self->element_lines, g_hash_table_unref);
  g_clear_object (&self->map);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static void
append_where (Loader      *self,
              GString     *msg,
              const Where *where)
{
  guint line = 0;

  if (where->object != NULL && self->lines == NULL)
    self->wanted_line = TRUE;
  else if (where->object != NULL)
    line = GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, where->object));

  g_string_append_printf (msg, "%s[%u]", where->array, where->index);

  if (where->id != NULL && line > 0)
    g_string_append_printf (msg, _(" (id “%s”, line %u)"), where->id, line);
  else if (where->id != NULL)
    g_string_append_printf (msg, _(" (id “%s”)"), where->id);
  else if (where->from != NULL && where->to != NULL && line > 0)
    g_string_append_printf (msg, _(" (“%s” → “%s”, line %u)"), where->from, where->to, line);
  else if (where->from != NULL && where->to != NULL)
    g_string_append_printf (msg, _(" (“%s” → “%s”)"), where->from, where->to);
  else if (line > 0)
    g_string_append_printf (msg, _(" (line %u)"), line);
}

/* Sets the error as "<where>, “<parent>.<member>”: <text>"; returns FALSE
 * so that callers can `return fail (...)`. */
G_GNUC_PRINTF (6, 7)
static gboolean
fail (Loader         *self,
      const Where    *where,
      const char     *parent,
      const char     *member,
      ImpFormatError  code,
      const char     *format,
      ...)
{
  g_autoptr(GString) msg = g_string_new (NULL);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL && where->array != NULL)
    append_where (self, msg, where);

  if (member != NULL)
    {
      if (msg->len > 0)
        g_string_append (msg, ", ");
      if (parent != NULL)
        g_string_append_printf (msg, "“%s.%s”", parent, member);
      else
        g_string_append_printf (msg, "“%s”", member);
    }

  if (msg->len > 0)
    g_string_append (msg, ": ");
  g_string_append (msg, text);

  g_set_error_literal (self->error, IMP_FORMAT_ERROR, code, msg->str);

  return FALSE;
}

static const char *
describe_json (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");

    case JSON_NODE_ARRAY:
      return _("an array");

    case JSON_NODE_NULL:
      return _("null");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");

    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");

    case G_TYPE_BOOLEAN:
      return _("a boolean");

    default:
      return _("an unknown value");
    }
}

static gboolean
fail_type (Loader      *self,
           const Where *where,
           const char  *parent,
           const char  *member,
           const char  *expected,
           JsonNode    *found)
{
  return fail (self, where, parent, member, IMP_FORMAT_ERROR_TYPE,
               _("expected %s, found %s"), expected, describe_json (found));
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number_node (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* json-glib's typed getters emit criticals on a missing or mistyped member,
 * so every member goes through one of these, which check first. Each returns
 * FALSE with the error set; an absent optional member leaves *out alone. */

static gboolean
read_string (Loader      *self,
             const Where *where,
             JsonObject  *object,
             const char  *parent,
             const char  *member,
             gboolean     required,
             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *str;

  if (node == NULL)
    {
      if (required)
        return fail (self, where, parent, member, IMP_FORMAT_ERROR_MISSING,
                     _("this required member is missing"));
      return TRUE;
    }

  if (!is_string_node (node))
    return fail_type (self, where, parent, member, _("a string"), node);

  /* The file was valid UTF-8, but a lone "\ud800" escape decodes to bytes
   * that are not, and pango would choke on them later. */
  str = json_node_get_string (node);
  if (str == NULL || !g_utf8_validate (str, -1, NULL))
    return fail (self, where, parent, member, IMP_FORMAT_ERROR_ENCODING,
                 _("the text is not valid UTF-8 (an unpaired \\u surrogate escape?)"));

  *out = str;

  return TRUE;
}

/* A string with the length limit of its kind (imp-limits.h). */
static gboolean
read_text (Loader      *self,
           const Where *where,
           JsonObject  *object,
           const char  *parent,
           const char  *member,
           gboolean     required,
           ImpTextKind  kind,
           const char **out)
{
  g_autoptr(GError) local_error = NULL;
  const char *str = NULL;

  if (!read_string (self, where, object, parent, member, required, &str))
    return FALSE;

  if (!imp_limits_check_text (kind, str, &local_error))
    return fail (self, where, parent, member, IMP_FORMAT_ERROR_TOO_LARGE,
                 "%s", local_error->message);

  if (str != NULL)
    *out = str;

  return TRUE;
}

static gboolean
read_number (Loader      *self,
             const Where *where,
             JsonObject  *object,
             const char  *parent,
             const char  *member,
             gboolean     required,
             double      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (node == NULL)
    {
      if (required)
        return fail (self, where, parent, member, IMP_FORMAT_ERROR_MISSING,
                     _("this required member is missing"));
      return TRUE;
    }

  if (!is_number_node (node))
    return fail_type (self, where, parent, member, _("a number"), node);

  value = json_node_get_double (node);
  if (!isfinite (value))
    return fail (self, where, parent, member, IMP_FORMAT_ERROR_VALUE,
                 _("the number is too large"));

  *out = value;

  return TRUE;
}

/* An integer in [min, max]; 8.0 counts, as JSON has only one number type. */
static gboolean
read_integer (Loader      *self,
              const Where *where,
              JsonObject  *object,
              const char  *parent,
              const char  *member,
              gboolean     required,
              gint64       min,
              gint64       max,
              gint64      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      if (required)
        return fail (self, where, parent, member, IMP_FORMAT_ERROR_MISSING,
                     _("this required member is missing"));
      return TRUE;
    }

  if (!is_number_node (node))
    return fail_type (self, where, parent, member, _("an integer"), node);

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d) || d != floor (d))
        return fail (self, where, parent, member, IMP_FORMAT_ERROR_VALUE,
                     _("expected an integer, found %g"), d);
      /* Beyond ±2^63 the cast below would be undefined. */
      if (d < (double) min || d > (double) max || fabs (d) >= 9.2e18)
        return fail (self, where, parent, member, IMP_FORMAT_ERROR_VALUE,
                     _("expected an integer from %" PRId64 " to %" PRId64
                       ", found %g"), min, max, d);
      value = (gint64) d;
    }
  else
    {
      value = json_node_get_int (node);
    }

  if (value < min || value > max)
    return fail (self, where, parent, member, IMP_FORMAT_ERROR_VALUE,
                 _("expected an integer from %" PRId64 " to %" PRId64
                   ", found %" PRId64), min, max, value);

  *out = value;

  return TRUE;
}

static gboolean
read_boolean (Loader      *self,
              const Where *where,
              JsonObject  *object,
              const char  *member,
              gboolean    *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_type (self, where, NULL, member, _("true or false"), node);

  *out = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
read_object (Loader      *self,
             const Where *where,
             JsonObject  *object,
             const char  *member,
             JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, where, NULL, member, _("an object"), node);

  *out = json_node_get_object (node);

  return TRUE;
}

static gboolean
read_date (Loader      *self,
           const Where *where,
           JsonObject  *object,
           const char  *parent,
           const char  *member,
           char       **out)
{
  const char *str = NULL;

  if (!read_string (self, where, object, parent, member, FALSE, &str))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!imp_metric_is_valid_date (str))
    return fail (self, where, parent, member, IMP_FORMAT_ERROR_VALUE,
                 _("expected a date written YYYY-MM-DD, found “%s”"), str);

  g_free (*out);
  *out = g_strdup (str);

  return TRUE;
}

/* Each enum member is read as a string and looked up with its
 * imp_*_from_string(); this reports one that is not in the set. */
static gboolean
fail_enum (Loader      *self,
           const Where *where,
           const char  *parent,
           const char  *member,
           const char  *found,
           const char  *expected)
{
  return fail (self, where, parent, member, IMP_FORMAT_ERROR_VALUE,
               _("“%s” is not one of %s"), found, expected);
}

/* The members of @object not in @known, or NULL when there are none. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  g_autoptr(JsonObject) extra = NULL;
  GList *names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (is_known (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();

      json_object_set_member (extra, name, json_node_copy (json_object_get_member (object, name)));
    }

  g_list_free (names);

  return g_steal_pointer (&extra);
}

/* Keeps the unknown members of a payload object in the node's extra, under
 * the payload's name (see imp-format.h). */
static void
keep_payload_extra (JsonObject        **node_extra,
                    const char         *payload,
                    JsonObject         *object,
                    const char * const *known)
{
  JsonObject *extra = collect_extra (object, known);

  if (extra == NULL)
    return;

  if (*node_extra == NULL)
    *node_extra = json_object_new ();

  json_object_set_object_member (*node_extra, payload, extra);
}

/* "metric.readings[4]": the reading an error is about, after its card's
 * place and line. */
static char *
reading_path (guint index)
{
  return g_strdup_printf ("metric.readings[%u]", index);
}

/* The dated check-ins of a metric, oldest first. A file written out of date
 * order is put in order (a hand edit, a script appending): the order is
 * not meaning the reader should refuse over. */
static gboolean
load_readings (Loader      *self,
               const Where *where,
               JsonObject  *object,
               ImpMetric   *metric)
{
  JsonNode *member = json_object_get_member (object, "readings");
  JsonArray *array;
  guint n;

  if (member == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    return fail_type (self, where, "metric", "readings", _("an array of readings"), member);

  array = json_node_get_array (member);
  n = json_array_get_length (array);
  if (n > IMP_MAX_READINGS)
    return fail (self, where, "metric", "readings", IMP_FORMAT_ERROR_TOO_LARGE,
                 _("%u readings, more than the %u one metric can hold"), n,
                 (guint) IMP_MAX_READINGS);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *reading;
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) extra = NULL;
      const char *date = NULL;
      const char *note = NULL;
      double value = NAN;
      guint at;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          path = reading_path (i);
          return fail_type (self, where, NULL, path,
                            _("an object with “date” and “value”"), element);
        }
      reading = json_node_get_object (element);
      path = reading_path (i);

      if (!read_string (self, where, reading, path, "date", TRUE, &date))
        return FALSE;
      if (!imp_metric_is_valid_date (date))
        return fail (self, where, path, "date", IMP_FORMAT_ERROR_VALUE,
                     _("expected a date written YYYY-MM-DD, found “%s”"), date);
      if (!read_number (self, where, reading, path, "value", TRUE, &value) ||
          !read_text (self, where, reading, path, "note", FALSE, IMP_TEXT_OTHER, &note))
        return FALSE;

      at = imp_metric_append_reading (metric, date, value, note);
      extra = collect_extra (reading, _imp_format_reading_members);
      if (extra != NULL)
        imp_metric_set_reading_extra (metric, at, extra);
    }
  imp_metric_sort_readings (metric);

  return TRUE;
}

static gboolean
load_metric (Loader      *self,
             const Where *where,
             JsonObject  *object,
             ImpNode     *node)
{
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  const char *str = NULL;

  if (!read_text (self, where, object, "metric", "name", FALSE, IMP_TEXT_OTHER, &str))
    return FALSE;
  metric->name = g_strdup (str);

  str = NULL;
  if (!read_text (self, where, object, "metric", "unit", FALSE, IMP_TEXT_OTHER, &str))
    return FALSE;
  metric->unit = g_strdup (str);

  if (!read_number (self, where, object, "metric", "baseline", FALSE, &metric->baseline) ||
      !read_number (self, where, object, "metric", "current", FALSE, &metric->current) ||
      !read_number (self, where, object, "metric", "target", FALSE, &metric->target))
    return FALSE;

  /* As the inspector: with nothing to move towards, progress means nothing. */
  if (isfinite (metric->baseline) && isfinite (metric->target) &&
      metric->baseline == metric->target)
    return fail (self, where, "metric", "target", IMP_FORMAT_ERROR_VALUE,
                 _("the target equals the baseline (%g), so there is nothing to move towards"),
                 metric->target);

  str = NULL;
  if (!read_string (self, where, object, "metric", "direction", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_direction_from_string (str, &metric->direction))
    return fail_enum (self, where, "metric", "direction", str, _("increase, decrease"));

  if (!read_date (self, where, object, "metric", "deadline", &metric->deadline))
    return FALSE;

  str = NULL;
  if (!read_string (self, where, object, "metric", "indicator", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_indicator_from_string (str, &metric->indicator))
    return fail_enum (self, where, "metric", "indicator", str, _("lagging, leading"));

  if (!load_readings (self, where, object, metric))
    return FALSE;

  _imp_map_set_node_metric (self->map, node, metric);

  return TRUE;
}

static gboolean
load_ice (Loader      *self,
          const Where *where,
          JsonObject  *object,
          ImpNode     *node)
{
  ImpIce ice = { 0, };
  gint64 impact = 0, confidence = 0, ease = 0;

  /* Each score may be missing (not scored yet), but one that is written
   * must be 1–10: 0 is how the model says "missing", not a score. */
  if (!read_integer (self, where, object, "ice", "impact", FALSE, 1, 10, &impact) ||
      !read_integer (self, where, object, "ice", "confidence", FALSE, 1, 10, &confidence) ||
      !read_integer (self, where, object, "ice", "ease", FALSE, 1, 10, &ease))
    return FALSE;

  ice.impact = impact;
  ice.confidence = confidence;
  ice.ease = ease;

  /* Cannot fail: every score was checked above. */
  return _imp_map_set_node_ice (self->map, node, &ice, NULL);
}

static gboolean
load_delivery (Loader      *self,
               const Where *where,
               JsonObject  *object,
               ImpNode     *node)
{
  ImpDelivery delivery = { IMP_DELIVERY_NONE, "" };
  g_autofree char *shipped = NULL;
  const char *str = NULL;

  if (!read_string (self, where, object, "delivery", "status", TRUE, &str))
    return FALSE;
  /* "none" is how the model says "not tracked"; a file says it by leaving
   * the member out. */
  if (!imp_delivery_status_from_string (str, &delivery.status) ||
      delivery.status == IMP_DELIVERY_NONE)
    return fail_enum (self, where, "delivery", "status", str,
                      _("idea, planned, in-progress, shipped, dropped"));

  if (!read_date (self, where, object, "delivery", "shipped", &shipped))
    return FALSE;
  if (delivery.status == IMP_DELIVERY_SHIPPED && shipped == NULL)
    return fail (self, where, "delivery", "shipped", IMP_FORMAT_ERROR_MISSING,
                 _("shipped work needs the day it shipped"));
  if (delivery.status == IMP_DELIVERY_SHIPPED)
    memcpy (delivery.shipped, shipped, sizeof delivery.shipped);

  /* Cannot fail: checked above. A date on unshipped work is dropped (it
   * was planned, then un-shipped by hand). */
  return _imp_map_set_node_delivery (self->map, node, &delivery, NULL);
}

static gboolean
load_experiment (Loader      *self,
                 const Where *where,
                 JsonObject  *object,
                 ImpNode     *node)
{
  g_autoptr(ImpExperiment) experiment = imp_experiment_new ();
  const char *str = NULL;

  if (!read_string (self, where, object, "experiment", "kind", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_experiment_kind_from_string (str, &experiment->kind))
    return fail_enum (self, where, "experiment", "kind", str,
                      _("usability-interview, fake-door, wizard-of-oz, kano-survey, "
                        "technical-spike, ab-test, other"));

  str = NULL;
  if (!read_string (self, where, object, "experiment", "aspect", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_aspect_from_string (str, &experiment->aspect))
    return fail_enum (self, where, "experiment", "aspect", str,
                      _("validity, usability, feasibility"));

  str = NULL;
  if (!read_string (self, where, object, "experiment", "status", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_experiment_status_from_string (str, &experiment->status))
    return fail_enum (self, where, "experiment", "status", str, _("planned, running, done"));

  str = NULL;
  if (!read_string (self, where, object, "experiment", "result", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_result_from_string (str, &experiment->result))
    return fail_enum (self, where, "experiment", "result", str,
                      _("none, supports, refutes, inconclusive"));

  if (!read_date (self, where, object, "experiment", "start", &experiment->start_date) ||
      !read_date (self, where, object, "experiment", "end", &experiment->end_date))
    return FALSE;

  if (experiment->start_date != NULL && experiment->end_date != NULL &&
      strcmp (experiment->end_date, experiment->start_date) < 0)
    return fail (self, where, "experiment", "end", IMP_FORMAT_ERROR_VALUE,
                 _("the experiment ends on %s, before it starts on %s"),
                 experiment->end_date, experiment->start_date);

  str = NULL;
  if (!read_text (self, where, object, "experiment", "evidence", FALSE, IMP_TEXT_NOTES,
                  &str))
    return FALSE;
  experiment->evidence = g_strdup (str);

  _imp_map_set_node_experiment (self->map, node, experiment);

  return TRUE;
}

static guint
node_position (ImpMap  *map,
               ImpNode *node)
{
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    if (imp_map_get_node (map, i) == node)
      return i;

  g_assert_not_reached ();
}

/* The node members that hold a level's payload, read the same way. */
static const struct
{
  const char          *member;
  gboolean           (*load) (Loader      *self,
                              const Where *where,
                              JsonObject  *object,
                              ImpNode     *node);
  const char * const  *known;
  guint                levels;   /* bit per level that has it, as the inspector */
} payload_readers[] = {
  { "metric", load_metric, _imp_format_metric_members,
    1 << IMP_LEVEL_GOAL | 1 << IMP_LEVEL_IMPACT },
  { "ice", load_ice, _imp_format_ice_members, 1 << IMP_LEVEL_DELIVERABLE },
  { "experiment", load_experiment, _imp_format_experiment_members,
    1 << IMP_LEVEL_EXPERIMENT },
  { "delivery", load_delivery, _imp_format_delivery_members, 1 << IMP_LEVEL_DELIVERABLE },
};

/* The levels of a payload's mask, "goal or impact". */
static char *
describe_levels (guint levels)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint left = 0;

  for (guint l = 0; l < IMP_N_LEVELS; l++)
    left += (levels >> l) & 1;
  for (guint l = 0; l < IMP_N_LEVELS; l++)
    {
      if (!(levels & (1u << l)))
        continue;
      if (text->len > 0)
        /* Translators: between the last two of a list of card levels */
        g_string_append (text, left == 1 ? _(" or ") : ", ");
      g_string_append_printf (text, "“%s”", imp_level_to_string (l));
      left--;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A payload on a level that has none (ICE on a goal): what the inspector
 * never makes, the reader refuses. The repairing reader leaves it out and
 * says so; the writer writes a payload only on its level. */
static gboolean
payload_off_level (Loader      *self,
                   const Where *where,
                   const char  *member,
                   guint        levels,
                   ImpLevel     level)
{
  g_autofree char *allowed = describe_levels (levels);
  g_autoptr(GString) msg = NULL;
  gboolean wanted_line;

  if (self->warnings == NULL)
    /* Translators: the first %s is a list of levels, the second a level */
    return fail (self, where, NULL, member, IMP_FORMAT_ERROR_VALUE,
                 _("only cards of level %s have one, not a card of level “%s”"),
                 allowed, imp_level_to_string (level));

  /* A repair names no line: lines are only counted for an error. */
  msg = g_string_new (NULL);
  wanted_line = self->wanted_line;
  append_where (self, msg, where);
  self->wanted_line = wanted_line;
  g_string_append_printf (msg,
                          /* Translators: a repair made while opening a file; the
                           * first %s is a member, the second a list of levels */
                          _(": “%s” was left out: only cards of level %s have one, "
                            "not a card of level “%s”"),
                          member, allowed, imp_level_to_string (level));
  g_ptr_array_add (self->warnings, g_string_free (g_steal_pointer (&msg), FALSE));

  return TRUE;
}

/**
 * _imp_format_level_has_payload:
 * @level: a card's level
 * @member: "metric", "ice" or "experiment"
 *
 * Returns: whether a card of @level keeps the payload @member in a file
 */
gboolean
_imp_format_level_has_payload (ImpLevel    level,
                               const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (payload_readers); i++)
    if (g_str_equal (payload_readers[i].member, member))
      return (payload_readers[i].levels & (1u << level)) != 0;

  g_return_val_if_reached (FALSE);
}

static gboolean
load_node (Loader   *self,
           JsonNode *element,
           guint     index)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GError) local_error = NULL;
  Where where = { "nodes", index, NULL, NULL, NULL, NULL };
  JsonObject *object;
  JsonObject *payload = NULL;
  const char *id = NULL;
  const char *level_str = NULL;
  const char *title = NULL;
  const char *notes = NULL;
  gboolean collapsed = FALSE;
  gint64 votes = 0;
  ImpLevel level;
  ImpNode *node;
  ImpNode *other;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return fail (self, &where, NULL, NULL, IMP_FORMAT_ERROR_TYPE,
                 _("expected a node object, found %s"), describe_json (element));

  object = json_node_get_object (element);
  where.object = object;
  extra = collect_extra (object, _imp_format_node_members);

  if (!read_text (self, &where, object, NULL, "id", TRUE, IMP_TEXT_OTHER, &id))
    return FALSE;
  where.id = id;

  if (!read_string (self, &where, object, NULL, "level", TRUE, &level_str))
    return FALSE;
  if (!imp_level_from_string (level_str, &level))
    return fail (self, &where, NULL, "level", IMP_FORMAT_ERROR_UNKNOWN_LEVEL,
                 _("“%s” is not a level; expected goal, actor, impact, deliverable or "
                   "experiment"), level_str);

  if (!read_text (self, &where, object, NULL, "title", TRUE, IMP_TEXT_TITLE, &title))
    return FALSE;

  if ((other = imp_map_lookup_node (self->map, id)) != NULL)
    return fail (self, &where, NULL, "id", IMP_FORMAT_ERROR_DUPLICATE_ID,
                 _("nodes[%u] already has the id “%s”"),
                 node_position (self->map, other), id);

  /* The map checks the id's form, so that the file and an edit agree. */
  if (!(node = _imp_map_add_node (self->map, level, title, id, &local_error)))
    return fail (self, &where, NULL, "id", IMP_FORMAT_ERROR_VALUE,
                 "%s", local_error->message);

  if (!read_text (self, &where, object, NULL, "notes", FALSE, IMP_TEXT_NOTES, &notes))
    return FALSE;
  _imp_map_set_node_notes (self->map, node, notes);

  if (!read_object (self, &where, object, "position", &payload))
    return FALSE;
  if (payload != NULL)
    {
      double x = 0, y = 0;

      if (!read_number (self, &where, payload, "position", "x", TRUE, &x) ||
          !read_number (self, &where, payload, "position", "y", TRUE, &y))
        return FALSE;

      /* "position" is the pin of the right layout, the only one older
       * versions know, so that they draw what they drew before. */
      _imp_map_set_node_pin (self->map, node, IMP_LAYOUT_RIGHT, TRUE, x, y);
      keep_payload_extra (&extra, "position", payload, _imp_format_position_members);
    }

  payload = NULL;
  if (!read_object (self, &where, object, "layout_positions", &payload))
    return FALSE;
  if (payload != NULL)
    {
      for (guint k = IMP_LAYOUT_RIGHT + 1; k < IMP_N_LAYOUTS; k++)
        {
          const char *name = imp_layout_kind_to_string (k);
          g_autofree char *parent = g_strconcat ("layout_positions.", name, NULL);
          JsonNode *member = json_object_get_member (payload, name);
          JsonObject *pin;
          double x = 0, y = 0;

          if (member == NULL)
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (member))
            return fail_type (self, &where, "layout_positions", name, _("an object"), member);
          pin = json_node_get_object (member);
          if (!read_number (self, &where, pin, parent, "x", TRUE, &x) ||
              !read_number (self, &where, pin, parent, "y", TRUE, &y))
            return FALSE;
          _imp_map_set_node_pin (self->map, node, k, TRUE, x, y);
        }
      /* Pins of layouts this version does not know are kept. */
      keep_payload_extra (&extra, "layout_positions", payload,
                          _imp_format_layout_positions_members);
    }

  if (!read_boolean (self, &where, object, "collapsed", &collapsed))
    return FALSE;
  _imp_map_set_node_collapsed (self->map, node, collapsed);

  /* Absent when none: a file never says 0 votes. */
  if (!read_integer (self, &where, object, NULL, "votes", FALSE, 1, IMP_MAX_VOTES, &votes))
    return FALSE;
  _imp_map_set_node_votes (self->map, node, votes);

  for (guint i = 0; i < G_N_ELEMENTS (payload_readers); i++)
    {
      payload = NULL;
      if (!read_object (self, &where, object, payload_readers[i].member, &payload))
        return FALSE;
      if (payload != NULL && !(payload_readers[i].levels & (1u << level)))
        {
          if (!payload_off_level (self, &where, payload_readers[i].member,
                                  payload_readers[i].levels, level))
            return FALSE;
          continue;
        }
      if (payload != NULL)
        {
          if (!payload_readers[i].load (self, &where, payload, node))
            return FALSE;
          keep_payload_extra (&extra, payload_readers[i].member, payload,
                              payload_readers[i].known);
        }
    }

  /* No setter for this: nobody observes a map being loaded. Known node
   * member names never reach collect_extra(), so the payload keys that
   * keep_payload_extra() adds cannot clash with a real member. */
  node->extra = g_steal_pointer (&extra);

  return TRUE;
}

/* A link read and checked, waiting to be added to the map. */
typedef struct
{
  guint          index;       /* in the file */
  guint          rank;        /* among its parent's links, in file order */
  ImpNode       *parent;
  ImpNode       *child;
  JsonObject    *object;
  const char    *assumption;
  ImpConfidence  confidence;
  ImpLinkStatus  status;
  JsonObject    *extra;
} PendingLink;

static guint
pending_link_hash (gconstpointer key)
{
  const PendingLink *link = key;

  return g_direct_hash (link->parent) * 31 + g_direct_hash (link->child);
}

static gboolean
pending_link_equal (gconstpointer a,
                    gconstpointer b)
{
  const PendingLink *la = a;
  const PendingLink *lb = b;

  return la->parent == lb->parent && la->child == lb->child;
}

/* Deepest child level first, then file order; see load_links(). */
static int
pending_link_compare (const void *a,
                      const void *b)
{
  const PendingLink *la = *(const PendingLink * const *) a;
  const PendingLink *lb = *(const PendingLink * const *) b;

  if (la->child->level != lb->child->level)
    return la->child->level > lb->child->level ? -1 : 1;

  return la->index < lb->index ? -1 : la->index > lb->index ? 1 : 0;
}

/* Counts how often each id is a link's end, under keys "from:ID" and
 * "to:ID", reading only what is plainly there: check_link() reports the
 * rest. */
static void
count_link_ends (Loader    *self,
                 JsonArray *array)
{
  self->link_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *names[] = { "from", "to" };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          JsonNode *end = json_object_get_member (json_node_get_object (element), names[k]);
          char *key;
          guint n;

          if (end == NULL || !is_string_node (end))
            continue;

          key = g_strconcat (names[k], ":", json_node_get_string (end), NULL);
          n = GPOINTER_TO_UINT (g_hash_table_lookup (self->link_ends, key));
          g_hash_table_insert (self->link_ends, key, GUINT_TO_POINTER (n + 1));
        }
    }
}

/* A level mismatch that has one reading: a card with no links of its own
 * whose only link comes from a card one level further left than its level
 * says. Its level follows the link, and a warning says so. Only when the
 * caller asked for warnings; a card with children is never moved, since
 * that would break their links. */
static gboolean
repair_level (Loader      *self,
              Where       *where,
              PendingLink *link)
{
  ImpLevel level = link->parent->level + 1;
  g_autofree char *from_key = NULL;
  g_autofree char *to_key = NULL;

  if (self->warnings == NULL || self->link_ends == NULL || level >= IMP_N_LEVELS)
    return FALSE;

  from_key = g_strconcat ("from:", link->child->id, NULL);
  to_key = g_strconcat ("to:", link->child->id, NULL);
  if (g_hash_table_contains (self->link_ends, from_key) ||
      GPOINTER_TO_UINT (g_hash_table_lookup (self->link_ends, to_key)) != 1)
    return FALSE;

  g_ptr_array_add (self->warnings,
                   /* Translators: a repair made while opening a file */
                   g_strdup_printf (_("links[%u]: “%s” had level “%s” under level “%s”; "
                                      "it now has level “%s”"),
                                    where->index, link->child->title,
                                    imp_level_to_string (link->child->level),
                                    imp_level_to_string (link->parent->level),
                                    imp_level_to_string (level)));

  return _imp_map_set_node_level (self->map, link->child, level, NULL);
}

static gboolean
check_link (Loader      *self,
            JsonNode    *element,
            PendingLink *link,
            GHashTable  *seen,
            GHashTable  *ranks)
{
  Where where = { "links", link->index, NULL, NULL, NULL, NULL };
  JsonObject *object;
  const char *from = NULL;
  const char *to = NULL;
  const char *str = NULL;
  PendingLink *twin;
  guint rank;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return fail (self, &where, NULL, NULL, IMP_FORMAT_ERROR_TYPE,
                 _("expected a link object, found %s"), describe_json (element));

  object = json_node_get_object (element);
  where.object = object;
  link->object = object;

  if (!read_string (self, &where, object, NULL, "from", TRUE, &from) ||
      !read_string (self, &where, object, NULL, "to", TRUE, &to))
    return FALSE;
  where.from = from;
  where.to = to;

  if (!(link->parent = imp_map_lookup_node (self->map, from)))
    return fail (self, &where, NULL, "from", IMP_FORMAT_ERROR_DANGLING_LINK,
                 _("no node has the id “%s”"), from);
  if (!(link->child = imp_map_lookup_node (self->map, to)))
    return fail (self, &where, NULL, "to", IMP_FORMAT_ERROR_DANGLING_LINK,
                 _("no node has the id “%s”"), to);

  if (!imp_level_may_parent (imp_map_get_vocabulary (self->map), link->parent->level,
                             link->child->level) &&
      !repair_level (self, &where, link))
    return fail (self, &where, NULL, NULL, IMP_FORMAT_ERROR_BAD_LINK,
                 _("a link cannot go from level “%s” to level “%s”: links go one level to "
                   "the right, goal → actor → impact → deliverable → experiment (goal → "
                   "impact only in the three-tiers vocabulary)"),
                 imp_level_to_string (link->parent->level),
                 imp_level_to_string (link->child->level));

  if ((twin = g_hash_table_lookup (seen, link)) != NULL)
    return fail (self, &where, NULL, NULL, IMP_FORMAT_ERROR_BAD_LINK,
                 _("links[%u] is already the same link"), twin->index);
  g_hash_table_add (seen, link);

  if (!read_text (self, &where, object, NULL, "assumption", FALSE, IMP_TEXT_OTHER,
                  &link->assumption))
    return FALSE;

  /* The model's "unset" is the member's absence; the file never spells it. */
  if (!read_string (self, &where, object, NULL, "confidence", FALSE, &str))
    return FALSE;
  if (str != NULL &&
      (!imp_confidence_from_string (str, &link->confidence) ||
       link->confidence == IMP_CONFIDENCE_UNSET))
    return fail_enum (self, &where, NULL, "confidence", str, _("low, medium, high"));

  str = NULL;
  if (!read_string (self, &where, object, NULL, "status", FALSE, &str))
    return FALSE;
  if (str != NULL && !imp_link_status_from_string (str, &link->status))
    return fail_enum (self, &where, NULL, "status", str, _("untested, supported, refuted"));

  rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, link->parent));
  link->rank = rank;
  g_hash_table_insert (ranks, link->parent, GUINT_TO_POINTER (rank + 1));

  link->extra = collect_extra (object, _imp_format_link_members);

  return TRUE;
}

static void
pending_links_free (PendingLink *links,
                    guint        n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&links[i].extra, json_object_unref);
  g_free (links);
}

static gboolean
load_links (Loader    *self,
            JsonArray *array)
{
  guint n = json_array_get_length (array);
  PendingLink *links = g_new0 (PendingLink, MAX (n, 1));
  g_autoptr(GHashTable) seen = g_hash_table_new (pending_link_hash, pending_link_equal);
  g_autoptr(GHashTable) per_parent = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) link_ranks = g_hash_table_new (NULL, NULL);
  g_autofree PendingLink **order = g_new (PendingLink *, MAX (n, 1));
  gboolean ok = FALSE;

  if (self->warnings != NULL)
    count_link_ends (self, array);

  /* Everything is checked in file order first, so the error is the first
   * broken link in the file. */
  for (guint i = 0; i < n; i++)
    {
      links[i].index = i;
      links[i].confidence = IMP_CONFIDENCE_UNSET;
      links[i].status = IMP_LINK_STATUS_UNTESTED;
      if (!check_link (self, json_array_get_element (array, i), &links[i], seen, per_parent))
        goto out;
      order[i] = &links[i];
    }

  /* _imp_map_link() walks the parent's ancestors to rule out cycles. Added
   * in file order, a map with many cross-links makes that walk explode
   * (every path up, for every link). Adding the links into deeper levels
   * first means a parent has no parents yet when it gains a child, so the
   * walk is one step. Links into one child share its level and keep file
   * order, so the first stays the tree parent; a parent's children are put
   * back in file order through the position argument, which matters only
   * when a goal has both actors and impacts (three tiers). */
  qsort (order, n, sizeof *order, pending_link_compare);

  for (guint i = 0; i < n; i++)
    {
      PendingLink *pending = order[i];
      GPtrArray *siblings = pending->parent->children;
      g_autoptr(GError) local_error = NULL;
      int position = -1;
      ImpLink *link;

      if (siblings->len > 0 &&
          GPOINTER_TO_UINT (g_hash_table_lookup (link_ranks,
                                                 siblings->pdata[siblings->len - 1])) >
          pending->rank)
        {
          guint lo = 0, hi = siblings->len;

          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (GPOINTER_TO_UINT (g_hash_table_lookup (link_ranks, siblings->pdata[mid])) <
                  pending->rank)
                lo = mid + 1;
              else
                hi = mid;
            }
          position = lo;
        }

      link = _imp_map_link (self->map, pending->parent, pending->child, position, &local_error);
      if (link == NULL)
        {
          Where where = { "links", pending->index, NULL,
                          pending->parent->id, pending->child->id, pending->object };

          fail (self, &where, NULL, NULL, IMP_FORMAT_ERROR_BAD_LINK,
                "%s", local_error->message);
          goto out;
        }

      g_hash_table_insert (link_ranks, link, GUINT_TO_POINTER (pending->rank));
      _imp_map_set_link_assumption (self->map, link, pending->assumption);
      _imp_map_set_link_confidence (self->map, link, pending->confidence);
      _imp_map_set_link_status (self->map, link, pending->status);
      link->extra = g_steal_pointer (&pending->extra);
    }

  ok = TRUE;

out:
  pending_links_free (links, n);

  return ok;
}

static void
position_of (const char  *data,
             const char  *at,
             guint       *line,
             guint       *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          line_start = p + 1;
        }
    }

  /* In characters, as an editor counts; the bytes before @at are valid. */
  *column = g_utf8_strlen (line_start, at - line_start) + 1;
}

/* Checks that json-glib needs no protection from: size, encoding, nesting
 * (its parser recurses once per level, so "[[[[…" would blow the stack). */
static gboolean
check_bytes (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *end = NULL;
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean blank = TRUE;
  guint line, column;

  if (length > IMP_FORMAT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *max = g_format_size_full (IMP_FORMAT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE,
                   _("The file is %s, more than the %s this version opens"), size, max);
      return FALSE;
    }

  if (length >= 2 &&
      (((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF) ||
       ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)))
    {
      g_set_error_literal (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_ENCODING,
                           _("The file is UTF-16; impact maps are UTF-8"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      position_of (data, end, &line, &column);
      if (*end == '\0')
        g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_ENCODING,
                     _("The file is not UTF-8 text: a NUL byte at line %u, column %u"),
                     line, column);
      else
        g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_ENCODING,
                     _("The file is not UTF-8: byte 0x%02X at line %u, column %u"),
                     (guchar) *end, line, column);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
          continue;

        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > IMP_FORMAT_MAX_DEPTH)
            {
              position_of (data, data + i, &line, &column);
              g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE,
                           _("The JSON is nested more than %u levels deep at line %u, "
                             "column %u"), IMP_FORMAT_MAX_DEPTH, line, column);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }

      blank = FALSE;
    }

  if (blank)
    {
      g_set_error_literal (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_EMPTY,
                           _("The file is empty"));
      return FALSE;
    }

  return TRUE;
}

/* The strict pass ------------------------------------------------------- */

/* json-glib 1.6 is lax where the format is not: its tree keeps the last of
 * two members with one name, turns an integer beyond 2^63 into -1, cuts a
 * string at "\u0000" and accepts single quotes and some trailing data. So
 * before it sees the bytes, this scanner walks them once by the JSON
 * grammar (RFC 8259) and refuses what json-glib would let through, naming
 * the member by its path ("nodes[3].metric.current") and its line. It
 * builds nothing: keys are compared in place. On a plain syntax error it
 * stops and leaves the message to json-glib, whose positions the tests and
 * users know; only when json-glib then accepts the text anyway does the
 * scanner's own syntax error stand. */

typedef struct
{
  const char  *start;          /* one key's text between the quotes */
  gsize        length;
  gboolean     escaped;        /* has a backslash, compare decoded */
} KeySpan;

typedef struct
{
  const char  *data;
  const char  *p;
  const char  *end;
  guint        line;
  const char  *line_start;
  GString     *path;
  GArray      *keys;           /* KeySpan of the open objects, innermost last */
  GError     **error;          /* a strict error: refuse the file */
  GError      *syntax;         /* a syntax error, if json-glib accepts the text */
  GError      *surrogate;      /* a lone surrogate, if json-glib refuses the text */
} Strict;

static void
strict_position (Strict     *self,
                 const char *at,
                 guint      *column)
{
  *column = g_utf8_strlen (self->line_start, at - self->line_start) + 1;
}

/* "nodes[3].metric.current (line 12): " or "line 12: " at the top. */
static char *
strict_prefix (Strict *self)
{
  if (self->path->len == 0)
    return g_strdup_printf (_("line %u: "), self->line);
  return g_strdup_printf (_("%s (line %u): "), self->path->str, self->line);
}

G_GNUC_PRINTF (3, 4)
static gboolean
strict_fail (Strict         *self,
             ImpFormatError  code,
             const char     *format,
             ...)
{
  g_autofree char *prefix = strict_prefix (self);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (self->error, IMP_FORMAT_ERROR, code, "%s%s", prefix, text);

  return FALSE;
}

/* A syntax error the scanner saw; kept for the case json-glib has none. */
static gboolean
strict_syntax (Strict     *self,
               const char *at,
               const char *what)
{
  guint column;

  strict_position (self, at, &column);
  if (self->syntax == NULL)
    self->syntax = g_error_new (IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_SYNTAX,
                                _("JSON syntax error at line %u, column %u: %s"),
                                self->line, column, what);

  return FALSE;
}

static void
strict_skip_space (Strict *self)
{
  while (self->p < self->end)
    {
      char c = *self->p;

      if (c == '\n')
        {
          self->line++;
          self->line_start = self->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      self->p++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads "\uXXXX" at @p (the backslash); -1 if it is not one. */
static int
read_u_escape (const char *p,
               const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      value = value * 16 + h;
    }

  return value;
}

/* A string at self->p (its opening quote); the bytes are valid UTF-8
 * already. Sets *span to the text between the quotes. */
static gboolean
strict_string (Strict   *self,
               gboolean  is_key,
               KeySpan  *span)
{
  const char *open = self->p;

  span->start = ++self->p;
  span->escaped = FALSE;

  while (self->p < self->end)
    {
      guchar c = *self->p;

      if (c == '"')
        {
          span->length = self->p - span->start;
          self->p++;
          return TRUE;
        }

      if (c < 0x20)
        return strict_syntax (self, self->p, _("a control character inside a string"));

      if (c != '\\')
        {
          self->p++;
          continue;
        }

      span->escaped = TRUE;
      if (self->end - self->p < 2)
        break;

      switch (self->p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          self->p += 2;
          break;

        case 'u':
          {
            int u = read_u_escape (self->p, self->end);

            if (u < 0)
              return strict_syntax (self, self->p, _("“\\u” needs four hex digits"));
            if (u == 0)
              return strict_fail (self, IMP_FORMAT_ERROR_ENCODING,
                                  _("the text holds a NUL character (\\u0000), "
                                    "which a map cannot hold"));
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = read_u_escape (self->p + 6, self->end);

                if (low >= 0xDC00 && low <= 0xDFFF)
                  {
                    self->p += 12;
                    break;
                  }
              }
            /* A member name is kept as an extra member, and written back. */
            if (u >= 0xD800 && u <= 0xDFFF && is_key)
              return strict_fail (self, IMP_FORMAT_ERROR_ENCODING,
                                  _("a member name is not valid UTF-8 (an unpaired "
                                    "\\u surrogate escape)"));
            if (u >= 0xD800 && u <= 0xDFFF)
              {
                /* json-glib reads some of these into bytes that are not
                 * UTF-8 (the tree reader refuses them by member) and
                 * refuses others with the bytes in its message. */
                if (self->surrogate == NULL)
                  {
                    g_autofree char *prefix = strict_prefix (self);

                    self->surrogate =
                      g_error_new (IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_ENCODING, "%s%s", prefix,
                                   _("the text is not valid UTF-8 (an unpaired "
                                     "\\u surrogate escape)"));
                  }
              }
            self->p += 6;
            break;
          }

        default:
          return strict_syntax (self, self->p, _("an unknown escape in a string"));
        }
    }

  return strict_syntax (self, open, _("a string that does not end"));
}

static gboolean
strict_number (Strict *self)
{
  const char *start = self->p;
  const char *digits;
  gboolean integer = TRUE;
  gsize n_digits;

  if (self->p < self->end && *self->p == '-')
    self->p++;
  digits = self->p;
  if (self->p >= self->end || !g_ascii_isdigit (*self->p))
    return strict_syntax (self, start, _("not a JSON value"));
  if (*self->p == '0')
    self->p++;
  else
    while (self->p < self->end && g_ascii_isdigit (*self->p))
      self->p++;
  n_digits = self->p - digits;

  if (self->p < self->end && *self->p == '.')
    {
      integer = FALSE;
      self->p++;
      if (self->p >= self->end || !g_ascii_isdigit (*self->p))
        return strict_syntax (self, self->p, _("a digit must follow the decimal point"));
      while (self->p < self->end && g_ascii_isdigit (*self->p))
        self->p++;
    }

  if (self->p < self->end && (*self->p == 'e' || *self->p == 'E'))
    {
      integer = FALSE;
      self->p++;
      if (self->p < self->end && (*self->p == '+' || *self->p == '-'))
        self->p++;
      if (self->p >= self->end || !g_ascii_isdigit (*self->p))
        return strict_syntax (self, self->p, _("a digit must follow the exponent"));
      while (self->p < self->end && g_ascii_isdigit (*self->p))
        self->p++;
    }

  /* json-glib reads integers into a gint64 and wraps what does not fit;
   * those are refused here with the text as written. Other numbers it
   * reads as doubles, which the tree reader checks. */
  if (integer &&
      (n_digits > 19 ||
       (n_digits == 19 &&
        memcmp (digits, start[0] == '-' ? "9223372036854775808" : "9223372036854775807",
                19) > 0)))
    {
      gsize length = self->p - start;

      /* The message the version check gives, with the real number. */
      if (strcmp (self->path->str, "version") == 0)
        return strict_fail (self, IMP_FORMAT_ERROR_VERSION,
                            _("format version %.*s%s does not exist; the first is 1"),
                            (int) MIN (length, 40), start, length > 40 ? "…" : "");

      return strict_fail (self, IMP_FORMAT_ERROR_VALUE,
                          _("%.*s%s is out of range"),
                          (int) MIN (length, 40), start, length > 40 ? "…" : "");
    }

  return TRUE;
}

static gboolean strict_value (Strict *self, guint depth, gsize limit, const char *what);

/* A member name as json-glib's tree will have it. */
static char *
decode_key (const KeySpan *key)
{
  g_autofree char *quoted = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!key->escaped)
    return g_strndup (key->start, key->length);

  /* Rare: decoded by json-glib itself, so both agree on what is equal. */
  quoted = g_strdup_printf ("\"%.*s\"", (int) key->length, key->start);
  node = json_from_string (quoted, NULL);
  if (node == NULL || !is_string_node (node))
    return g_strndup (key->start, key->length);

  return g_strdup (json_node_get_string (node));
}

static gboolean
key_equal (const KeySpan *a,
           const KeySpan *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  if (!a->escaped && !b->escaped)
    return a->length == b->length && memcmp (a->start, b->start, a->length) == 0;

  da = decode_key (a);
  db = decode_key (b);

  return strcmp (da, db) == 0;
}

static void
path_push_key (GString       *path,
               const KeySpan *key)
{
  const char *end = key->start + MIN (key->length, 40);

  /* Cut at a character boundary; the bytes are valid UTF-8. */
  while (end > key->start && end < key->start + key->length &&
         ((guchar) *end & 0xC0) == 0x80)
    end--;

  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append_len (path, key->start, end - key->start);
  if (end < key->start + key->length)
    g_string_append (path, "…");
}

static gboolean
strict_object (Strict *self,
               guint   depth)
{
  g_autoptr(GHashTable) names = NULL;   /* for large objects only */
  guint first = self->keys->len;
  gsize path_len = self->path->len;
  gboolean ok = FALSE;

  self->p++;
  strict_skip_space (self);
  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      return TRUE;
    }

  for (;;)
    {
      KeySpan key;
      gsize limit = 0;
      const char *what = NULL;

      strict_skip_space (self);
      if (self->p >= self->end || *self->p != '"')
        {
          strict_syntax (self, self->p,
                         self->p < self->end && *self->p == '\''
                         ? _("strings are written in double quotes")
                         : _("a member name in double quotes was expected"));
          goto out;
        }
      if (!strict_string (self, TRUE, &key))
        goto out;

      /* Few members: compare with each; many: a table of the decoded names. */
      if (names == NULL && self->keys->len - first >= 16)
        {
          names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = first; i < self->keys->len; i++)
            {
              KeySpan *k = &g_array_index (self->keys, KeySpan, i);

              g_hash_table_add (names, decode_key (k));
            }
        }

      {
        gboolean twice = FALSE;

        if (names != NULL)
          twice = !g_hash_table_add (names, decode_key (&key));
        else
          {
            for (guint i = first; i < self->keys->len && !twice; i++)
              twice = key_equal (&g_array_index (self->keys, KeySpan, i), &key);
          }

        if (twice)
          {
            g_autofree char *name = g_strndup (key.start, MIN (key.length, 60));

            strict_fail (self, IMP_FORMAT_ERROR_DUPLICATE_MEMBER,
                         _("the member “%s” appears twice in one object"), name);
            goto out;
          }
      }

      if (names == NULL)
        g_array_append_val (self->keys, key);

      if (depth == 0 && key.length == 5 && memcmp (key.start, "nodes", 5) == 0)
        limit = IMP_MAX_NODES, what = "nodes";
      else if (depth == 0 && key.length == 5 && memcmp (key.start, "links", 5) == 0)
        limit = IMP_MAX_LINKS, what = "links";
      else if (depth == 0 && key.length == 11 && memcmp (key.start, "parking_lot", 11) == 0)
        limit = IMP_MAX_PARKED, what = "parking_lot";

      path_push_key (self->path, &key);

      strict_skip_space (self);
      if (self->p >= self->end || *self->p != ':')
        {
          strict_syntax (self, self->p, _("a colon was expected after the member name"));
          goto out;
        }
      self->p++;

      if (!strict_value (self, depth + 1, limit, what))
        goto out;
      g_string_truncate (self->path, path_len);

      strict_skip_space (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          continue;
        }
      if (self->p < self->end && *self->p == '}')
        {
          self->p++;
          ok = TRUE;
          goto out;
        }
      strict_syntax (self, self->p, _("a comma or “}” was expected"));
      goto out;
    }

out:
  g_array_set_size (self->keys, first);

  return ok;
}

static gboolean
strict_array (Strict     *self,
              guint       depth,
              gsize       limit,
              const char *what)
{
  gsize path_len = self->path->len;
  gsize n = 0;

  self->p++;
  strict_skip_space (self);
  if (self->p < self->end && *self->p == ']')
    {
      self->p++;
      return TRUE;
    }

  for (;;)
    {
      if (limit > 0 && n >= limit)
        {
          g_string_truncate (self->path, path_len);
          return strict_fail (self, IMP_FORMAT_ERROR_TOO_LARGE,
                              _("more than %zu entries in “%s”, the limit of this "
                                "version"), limit, what);
        }

      g_string_append_printf (self->path, "[%zu]", n);
      if (!strict_value (self, depth + 1, 0, NULL))
        return FALSE;
      g_string_truncate (self->path, path_len);
      n++;

      strict_skip_space (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          continue;
        }
      if (self->p < self->end && *self->p == ']')
        {
          self->p++;
          return TRUE;
        }
      return strict_syntax (self, self->p, _("a comma or “]” was expected"));
    }
}

static gboolean
strict_literal (Strict     *self,
                const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (self->end - self->p) < length || memcmp (self->p, word, length) != 0)
    return strict_syntax (self, self->p, _("not a JSON value"));
  self->p += length;

  return TRUE;
}

/* check_bytes() has bounded the depth already, so recursion is safe. */
static gboolean
strict_value (Strict     *self,
              guint       depth,
              gsize       limit,
              const char *what)
{
  KeySpan span;

  strict_skip_space (self);
  if (self->p >= self->end)
    return strict_syntax (self, self->p, _("a value was expected"));

  switch (*self->p)
    {
    case '{':
      return strict_object (self, depth);
    case '[':
      return strict_array (self, depth, limit, what);
    case '"':
      return strict_string (self, FALSE, &span);
    case 't':
      return strict_literal (self, "true");
    case 'f':
      return strict_literal (self, "false");
    case 'n':
      return strict_literal (self, "null");
    case '\'':
      return strict_syntax (self, self->p, _("strings are written in double quotes"));
    default:
      return strict_number (self);
    }
}

/* Returns FALSE with @error set for a file to refuse; TRUE otherwise,
 * maybe with *syntax and *surrogate set for load_tree() to choose from. */
static gboolean
check_strict (const char  *data,
              gsize        length,
              GError     **syntax,
              GError     **surrogate,
              GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (KeySpan));
  GError *local_error = NULL;
  Strict self = { data, data, data + length, 1, data, path, keys, &local_error, NULL, NULL };

  if (strict_value (&self, 0, 0, NULL))
    {
      strict_skip_space (&self);
      if (self.p < self.end)
        strict_syntax (&self, self.p, _("more data after the end of the map"));
    }

  if (local_error != NULL)
    {
      g_clear_error (&self.syntax);
      g_clear_error (&self.surrogate);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *syntax = self.syntax;
  *surrogate = self.surrogate;

  return TRUE;
}

/* json-glib says "<data>:4:14: Parse error: unexpected …"; we say where in
 * words a person can act on. */
static void
set_syntax_error (GError      **error,
                  const GError *parse_error)
{
  /* Its message may quote bytes that are not UTF-8. */
  g_autofree char *valid = g_utf8_make_valid (parse_error->message, -1);
  const char *msg = valid;
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (msg, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      const char *rest = msg + consumed;

      if (g_str_has_prefix (rest, "Parse error: "))
        rest += strlen ("Parse error: ");

      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_SYNTAX,
                   _("JSON syntax error at line %u, column %u: %s"), line, column, rest);
    }
  else
    {
      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_SYNTAX,
                   _("JSON syntax error: %s"), msg);
    }
}

/* One parked idea; FALSE with the error set. */
static gboolean
load_parked (Loader    *self,
             JsonArray *array,
             guint      i)
{
  Where top = { NULL, 0, NULL, NULL, NULL, NULL };
  JsonNode *element = json_array_get_element (array, i);
  g_autofree char *member = g_strdup_printf ("parking_lot[%u]", i);
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!is_string_node (element))
    return fail_type (self, &top, NULL, member, _("a string"), element);

  text = json_node_get_string (element);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return fail (self, &top, NULL, member, IMP_FORMAT_ERROR_ENCODING,
                 _("the text is not valid UTF-8 (an unpaired \\u surrogate escape?)"));

  if (!imp_limits_check_text (IMP_TEXT_OTHER, text, &local_error))
    return fail (self, &top, NULL, member, IMP_FORMAT_ERROR_TOO_LARGE,
                 "%s", local_error->message);

  if (imp_limits_text_is_blank (text))
    return fail (self, &top, NULL, member, IMP_FORMAT_ERROR_VALUE,
                 _("a parked idea cannot be empty"));

  _imp_map_insert_parked (self->map, -1, text);

  return TRUE;
}

/* "parking_lot": ideas captured in a workshop, not yet on the map. An
 * idea is a string, not an object, so its line comes from the parser's
 * array-element signal and is added at the end of the message. */
static gboolean
load_parking_lot (Loader     *self,
                  JsonObject *root)
{
  Where top = { NULL, 0, NULL, NULL, NULL, NULL };
  JsonNode *lot = json_object_get_member (root, "parking_lot");
  JsonArray *array;

  if (lot == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (lot))
    return fail_type (self, &top, NULL, "parking_lot", _("an array of strings"), lot);

  array = json_node_get_array (lot);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      GArray *lines;

      if (load_parked (self, array, i))
        continue;

      if (self->element_lines == NULL)
        self->wanted_line = TRUE;
      else if ((lines = g_hash_table_lookup (self->element_lines, array)) != NULL &&
               i < lines->len && self->error != NULL && *self->error != NULL)
        {
          GError *e = *self->error;
          char *old = e->message;

          e->message = g_strdup_printf (_("%s (line %u)"), old,
                                        g_array_index (lines, guint, i));
          g_free (old);
        }
      return FALSE;
    }

  return TRUE;
}

/* "vote_budget": the dots of a voting round, participants × dots. Its
 * unknown members are kept in the map's extra under its name, as a
 * payload's are in its node's. */
static gboolean
load_vote_budget (Loader      *self,
                  JsonObject  *root,
                  JsonObject **extra)
{
  Where top = { NULL, 0, NULL, NULL, NULL, NULL };
  JsonObject *budget = NULL;
  gint64 participants = 0, dots = 0;

  if (!read_object (self, &top, root, "vote_budget", &budget))
    return FALSE;
  if (budget == NULL)
    return TRUE;

  if (!read_integer (self, &top, budget, "vote_budget", "participants", TRUE, 1,
                     IMP_MAX_PARTICIPANTS, &participants) ||
      !read_integer (self, &top, budget, "vote_budget", "dots", TRUE, 1, IMP_MAX_DOTS, &dots))
    {
      /* Not in an array, so fail() cannot say the line: add it here, from
       * the second pass that notes lines. */
      if (self->lines == NULL)
        self->wanted_line = TRUE;
      else if (g_hash_table_contains (self->lines, budget) && self->error != NULL &&
               *self->error != NULL)
        {
          GError *e = *self->error;
          char *old = e->message;

          e->message = g_strdup_printf (_("%s (line %u)"), old,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (self->lines,
                                                                               budget)));
          g_free (old);
        }
      return FALSE;
    }

  _imp_map_set_vote_budget (self->map, participants, dots);
  keep_payload_extra (extra, "vote_budget", budget, _imp_format_vote_budget_members);

  return TRUE;
}

/* The text of this many bytes of cards at most is one tree at a time: small
 * trees are also faster to build and free than one big one. */
#define SPLIT_BATCH_BYTES (256 * 1024)

/* The cards of a split document, a batch of them at a time: each batch's
 * text is read into a tree that is freed before the next one. */
static gboolean
load_split_nodes (Loader *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const gsize *spans = (const gsize *) (gpointer) self->split->nodes->data;
  guint n = self->split->nodes->len / 2;
  g_autoptr(GString) batch = g_string_new (NULL);

  for (guint first = 0; first < n;)
    {
      guint last = first;
      JsonNode *root;
      JsonArray *array;

      while (last + 1 < n && spans[2 * (last + 1) + 1] - spans[2 * first] <= SPLIT_BATCH_BYTES)
        last++;

      g_string_truncate (batch, 0);
      g_string_append_c (batch, '[');
      g_string_append_len (batch, self->data + spans[2 * first],
                           spans[2 * last + 1] - spans[2 * first]);
      g_string_append_c (batch, ']');

      /* The strict check has read this text: only a change of json-glib
       * could make it fail here, and then the whole tree is read. */
      if (!json_parser_load_from_data (parser, batch->str, batch->len, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root) ||
          json_array_get_length (array = json_node_get_array (root)) != last - first + 1)
        return FALSE;

      for (guint i = first; i <= last; i++)
        if (!load_node (self, json_array_get_element (array, i - first), i))
          return FALSE;

      first = last + 1;
    }

  return TRUE;
}

static gboolean
load_split_links (Loader *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const ImpFormatSplit *split = self->split;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, self->data + split->links_open,
                                   split->links_close + 1 - split->links_open, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;

  return load_links (self, json_node_get_array (root));
}

static gboolean
load_top (Loader     *self,
          JsonObject *root)
{
  Where top = { NULL, 0, NULL, NULL, NULL, NULL };
  g_autoptr(JsonObject) extra = NULL;
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *nodes;
  JsonNode *links;
  JsonArray *nodes_array;
  const char *title = NULL;
  const char *vocabulary_str = NULL;
  ImpVocabulary vocabulary = IMP_VOCABULARY_CLASSIC;
  const char *layout_str = NULL;
  ImpLayoutKind layout = IMP_LAYOUT_RIGHT;
  gint64 version = 0;

  if (format == NULL || !is_string_node (format) ||
      g_strcmp0 (json_node_get_string (format), IMP_FORMAT_NAME) != 0)
    return fail (self, &top, NULL, NULL, IMP_FORMAT_ERROR_NOT_IMPACTMAP,
                 _("This JSON file is not an impact map: it has no "
                   "“format”: “impactmap” member"));

  if (!read_integer (self, &top, root, NULL, "version", TRUE, G_MININT64, G_MAXINT64, &version))
    return FALSE;

  if (version > IMP_FORMAT_VERSION)
    return fail (self, &top, NULL, NULL, IMP_FORMAT_ERROR_VERSION,
                 _("This map was saved by a newer Impact Mapper (format version "
                   "%" PRId64 "); this version reads format version %d. "
                   "Update Impact Mapper to open it."), version, IMP_FORMAT_VERSION);
  if (version < IMP_FORMAT_VERSION)
    return fail (self, &top, NULL, "version", IMP_FORMAT_ERROR_VERSION,
                 _("format version %" PRId64 " does not exist; the first is 1"),
                 version);

  if (!read_text (self, &top, root, NULL, "title", FALSE, IMP_TEXT_OTHER, &title))
    return FALSE;
  _imp_map_set_title (self->map, title);

  if (!read_string (self, &top, root, NULL, "vocabulary", FALSE, &vocabulary_str))
    return FALSE;
  if (vocabulary_str != NULL && !imp_vocabulary_from_string (vocabulary_str, &vocabulary))
    return fail_enum (self, &top, NULL, "vocabulary", vocabulary_str,
                      _("classic, five-questions, three-tiers, product-chain"));
  /* Before the links: whether a goal may link to an impact depends on it. */
  _imp_map_set_vocabulary (self->map, vocabulary);

  if (!read_string (self, &top, root, NULL, "layout", FALSE, &layout_str))
    return FALSE;
  if (layout_str != NULL && !imp_layout_kind_from_string (layout_str, &layout))
    return fail_enum (self, &top, NULL, "layout", layout_str, _("right, balanced, down"));
  _imp_map_set_layout (self->map, layout);

  nodes = json_object_get_member (root, "nodes");
  if (nodes == NULL)
    return fail (self, &top, NULL, "nodes", IMP_FORMAT_ERROR_MISSING,
                 _("this required member is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (nodes))
    return fail_type (self, &top, NULL, "nodes", _("an array"), nodes);

  links = json_object_get_member (root, "links");
  if (links == NULL)
    return fail (self, &top, NULL, "links", IMP_FORMAT_ERROR_MISSING,
                 _("this required member is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (links))
    return fail_type (self, &top, NULL, "links", _("an array"), links);

  if (self->split != NULL)
    {
      if (!load_split_nodes (self) || !load_split_links (self))
        return FALSE;
    }
  else
    {
      nodes_array = json_node_get_array (nodes);
      for (guint i = 0; i < json_array_get_length (nodes_array); i++)
        if (!load_node (self, json_array_get_element (nodes_array, i), i))
          return FALSE;

      if (!load_links (self, json_node_get_array (links)))
        return FALSE;
    }

  if (!load_parking_lot (self, root))
    return FALSE;

  extra = collect_extra (root, _imp_format_top_members);
  if (!load_vote_budget (self, root, &extra))
    return FALSE;
  _imp_map_set_extra (self->map, extra);

  return TRUE;
}

/* Parses checked bytes and reads the map from the tree; @track_lines
 * notes the line of every object for error messages. */
static ImpMap *
load_tree (const char  *data,
           gsize        length,
           gboolean     track_lines,
           GPtrArray   *repairs,
           gboolean    *wanted_line,
           GError      *syntax,
           GError      *surrogate,
           GError     **error)
{
  g_auto(Loader) self = { NULL, };
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  self.error = error;
  self.parser = json_parser_new ();
  if (track_lines)
    {
      self.lines = g_hash_table_new (NULL, NULL);
      self.open_lines = g_array_new (FALSE, FALSE, sizeof (guint));
      g_signal_connect (self.parser, "object-start", G_CALLBACK (object_start_cb), &self);
      g_signal_connect (self.parser, "object-end", G_CALLBACK (object_end_cb), &self);
      self.element_lines = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify) g_array_unref);
      g_signal_connect (self.parser, "array-element", G_CALLBACK (array_element_cb), &self);
    }

  if (!json_parser_load_from_data (self.parser, data, length, &parse_error))
    {
      /* Its message would quote the bytes a lone surrogate decodes to. */
      if (surrogate != NULL)
        g_propagate_error (error, g_error_copy (surrogate));
      else
        set_syntax_error (error, parse_error);
      return NULL;
    }

  /* Laxer than JSON: single quotes, trailing data and the like. */
  if (syntax != NULL)
    {
      g_propagate_error (error, g_error_copy (syntax));
      return NULL;
    }

  root = json_parser_get_root (self.parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_NOT_IMPACTMAP,
                   _("This JSON file is not an impact map: it holds %s, not an object"),
                   root != NULL ? describe_json (root) : _("nothing"));
      return NULL;
    }

  self.map = imp_map_new ();
  self.warnings = repairs;

  if (!load_top (&self, json_node_get_object (root)))
    {
      *wanted_line = self.wanted_line;
      return NULL;
    }

  return g_steal_pointer (&self.map);
}

/* Reads a well-formed document a few cards at a time (see
 * imp-format-split.c); NULL when it cannot be split or has any problem:
 * the caller then reads the whole tree, which says what the problem is. */
static ImpMap *
load_split (const char *data,
            gsize       length,
            GPtrArray  *repairs)
{
  g_auto(Loader) self = { NULL, };
  ImpFormatSplit split;
  g_autofree char *skeleton = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize skeleton_length = 0;
  JsonNode *root;

  if (!_imp_format_split (data, length, &split))
    return NULL;

  skeleton = _imp_format_split_skeleton (data, length, &split, &skeleton_length);
  self.error = &local_error;
  self.data = data;
  self.split = &split;
  self.parser = json_parser_new ();
  if (!json_parser_load_from_data (self.parser, skeleton, skeleton_length, NULL) ||
      (root = json_parser_get_root (self.parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _imp_format_split_clear (&split);
      return NULL;
    }

  self.map = imp_map_new ();
  self.warnings = repairs;
  if (!load_top (&self, json_node_get_object (root)))
    g_clear_object (&self.map);

  _imp_format_split_clear (&split);

  return g_steal_pointer (&self.map);
}

/**
 * imp_format_load_data:
 * @data: the file's contents
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for an error
 *
 * Reads an impact map from memory. Reading is all or nothing: a file with
 * any problem gives %NULL and one #IMP_FORMAT_ERROR that says what is wrong
 * and where.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_format_load_data (const char  *data,
                      gssize       length,
                      GError     **error)
{
  return imp_format_load_data_with_warnings (data, length, NULL, error);
}

/**
 * imp_format_load_data_with_warnings:
 * @data: the file's contents
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @warnings: (out) (optional) (transfer full): return location for the
 *   repairs made, as a %NULL-terminated array of messages, or %NULL when
 *   none was needed
 * @error: return location for an error
 *
 * Like imp_format_load_data(), but repairs what has one clear reading
 * instead of refusing it, and says what it repaired: a card with no links
 * of its own, linked from one card, whose level does not follow that link
 * (an actor under an actor, a deliverable under a goal) takes the level
 * the link gives it. Without @warnings nothing is repaired.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_format_load_data_with_warnings (const char   *data,
                                    gssize        length,
                                    char       ***warnings,
                                    GError      **error)
{
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) syntax = NULL;
  g_autoptr(GError) surrogate = NULL;
  gboolean wanted_line = FALSE;
  ImpMap *map;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  if (length < 0)
    length = strlen (data);

  /* A byte-order mark is legal at the start of UTF-8 and some editors add
   * it; json-glib does not expect it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;

      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          g_set_error_literal (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_ENCODING,
                               _("The file starts with two byte-order marks; "
                                 "a map has at most one"));
          return NULL;
        }
    }

  if (!check_bytes (data, length, error) ||
      !check_strict (data, length, &syntax, &surrogate, error))
    return NULL;

  if (warnings != NULL)
    repairs = g_ptr_array_new_with_free_func (g_free);

  /* A sound file is read a few cards at a time; one with any problem is
   * read whole, so that the message is the one the whole tree gives. */
  map = syntax == NULL && surrogate == NULL ? load_split (data, length, repairs) : NULL;
  if (map != NULL)
    goto done;
  if (repairs != NULL)
    g_ptr_array_set_size (repairs, 0);

  /* Lines cost a callback and a hash table entry per object, and only an
   * error about an element names one: the file is read again with them
   * when such an error comes up, so that the message is the same. */
  map = load_tree (data, length, FALSE, repairs, &wanted_line, syntax, surrogate,
                   &local_error);
  if (map == NULL && wanted_line)
    {
      g_clear_error (&local_error);
      if (repairs != NULL)
        g_ptr_array_set_size (repairs, 0);
      map = load_tree (data, length, TRUE, repairs, &wanted_line, syntax, surrogate,
                         &local_error);
    }
  if (map == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

done:
  if (warnings != NULL && repairs->len > 0)
    {
      g_ptr_array_add (repairs, NULL);
      *warnings = (char **) g_ptr_array_free (g_steal_pointer (&repairs), FALSE);
    }

  return map;
}

static gboolean
is_dev_null (const struct stat *st)
{
  struct stat null_st;

  return S_ISCHR (st->st_mode) && stat ("/dev/null", &null_st) == 0 &&
         null_st.st_rdev == st->st_rdev;
}

static const char *
file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

/* Opens a local file without ever blocking: a FIFO with no writer would
 * block open() itself, so the file is opened non-blocking and its kind is
 * asked of the descriptor (not of the name, which may change meanwhile).
 * Only regular files are maps; /dev/null reads as an empty input, as git
 * hands it over for a file that does not exist on one side. Sets @is_null
 * for that one. Returns a stream, or NULL with @error set. */
static GInputStream *
open_local (const char  *path,
            gboolean    *is_null,
            GError     **error)
{
  struct stat st;
  int fd;
  int flags;

  *is_null = FALSE;
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !(S_ISREG (st.st_mode) || is_dev_null (&st)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("The file is %s, not a map"), file_kind (st.st_mode));
      close (fd);
      return NULL;
    }

  if (S_ISREG (st.st_mode) && st.st_size > IMP_FORMAT_MAX_SIZE)
    {
      g_autofree char *max = g_format_size_full (IMP_FORMAT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE,
                   _("The file is more than the %s this version opens"), max);
      close (fd);
      return NULL;
    }

  *is_null = !S_ISREG (st.st_mode);
  /* A regular file never blocks; reads go back to the ordinary mode. */
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  return g_unix_input_stream_new (fd, TRUE);
}

/* Reads at most IMP_FORMAT_MAX_SIZE + 1 bytes, so that a pipe or a device
 * that never ends cannot fill memory. */
static char *
read_contents (GFile         *file,
               GCancellable  *cancellable,
               gsize         *length,
               GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *path = g_file_get_path (file);
  const gsize chunk = 256 * 1024;
  gboolean is_null = FALSE;

  if (path != NULL)
    stream = open_local (path, &is_null, error);
  else
    stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
  if (stream == NULL)
    return NULL;

  if (is_null)
    {
      *length = 0;
      return g_strdup ("");
    }

  for (;;)
    {
      gsize old_len = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old_len + chunk);
      n = g_input_stream_read (stream, buffer->data + old_len, chunk,
                               cancellable, error);
      if (n < 0)
        return NULL;

      g_byte_array_set_size (buffer, old_len + n);
      if (n == 0)
        break;

      if (buffer->len > IMP_FORMAT_MAX_SIZE)
        {
          g_autofree char *max = g_format_size_full (IMP_FORMAT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_TOO_LARGE,
                       _("The file is more than the %s this version opens"), max);
          return NULL;
        }
    }

  *length = buffer->len;
  /* Keep a terminating NUL past the end, for any C-string reader. */
  g_byte_array_append (buffer, (const guint8 *) "", 1);

  /* The array doubles as it grows: a 40 MiB file sat in 64 MiB while the
   * map was read. */
  return g_realloc (g_byte_array_free (g_steal_pointer (&buffer), FALSE), *length + 1);
}

static ImpMap *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!(contents = read_contents (file, cancellable, &length, error)))
    return NULL;

  return imp_format_load_data (contents, length, error);
}

/**
 * imp_format_load_file_with_warnings:
 * @file: the file to read
 * @warnings: (out) (optional) (transfer full): return location for the
 *   repairs made, or %NULL when none was needed
 * @error: return location for an error
 *
 * Like imp_format_load_file(), with the repairs of
 * imp_format_load_data_with_warnings().
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_format_load_file_with_warnings (GFile    *file,
                                    char   ***warnings,
                                    GError  **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  if (!(contents = read_contents (file, NULL, &length, error)))
    return NULL;

  return imp_format_load_data_with_warnings (contents, length, warnings, error);
}

/**
 * imp_format_load_file:
 * @file: the file to read
 * @error: return location for an error
 *
 * Reads an impact map from @file. A file that cannot be read gives a
 * #G_IO_ERROR; one that is not a valid map an #IMP_FORMAT_ERROR.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_format_load_file (GFile   *file,
                      GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, NULL, error);
}

/**
 * imp_format_load_path:
 * @path: a file name, in the file system's encoding
 * @error: return location for an error
 *
 * Like imp_format_load_file(), for a path.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_format_load_path (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);

  return load_file (file, NULL, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  ImpMap *map;

  /* The map is built here and handed over whole; nothing else can see it
   * until the task returns it on the caller's thread. */
  if ((map = load_file (G_FILE (task_data), cancellable, &error)))
    g_task_return_pointer (task, map, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * imp_format_load_file_async:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread, so a large map does not freeze
 * the window. Finish with imp_format_load_file_finish().
 */
void
imp_format_load_file_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, imp_format_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * imp_format_load_file_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ImpMap *
imp_format_load_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == imp_format_load_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
