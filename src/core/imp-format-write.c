/* imp-format-write.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp-format.h"
#include "imp-format-private.h"
#include "imp-writer.h"

/* The writer is our own: json-glib's generator writes `"key" : value` and
 * 17-digit doubles (0.1 becomes 0.10000000000000001), which diff badly.
 * Bytes reach the disk through ImpWriter (imp-writer.c). */

/* Writing ---------------------------------------------------------------- */

static void
append_indent (GString *out,
               guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_string (GString    *out,
               const char *str)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  /* Whatever the model holds, the file must stay UTF-8 that we can read. */
  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  g_string_append_c (out, '"');

  for (run = p = str; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char buf[8];

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          if (c < 0x20)
            {
              g_snprintf (buf, sizeof buf, "\\u%04x", c);
              escape = buf;
            }
          break;
        }

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double, so 0.1 stays 0.1
 * and 1020.0 is written 1020. */
static void
append_number (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinity or NaN. Known members never get here with one;
   * an unknown member might, if code other than the reader put it there. */
  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  if (value == floor (value) && fabs (value) < 1e15)
    {
      /* Through an integer, which also writes -0 as 0. */
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (i + 1 == G_N_ELEMENTS (formats) || g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

/* Starts a member of an object being written. */
static void
append_key (GString    *out,
            guint       depth,
            gboolean   *first,
            const char *name)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  append_indent (out, depth);
  append_string (out, name);
  g_string_append (out, ": ");
}

static void
append_close (GString  *out,
              guint     depth,
              gboolean  empty,
              char      bracket)
{
  if (!empty)
    append_indent (out, depth);
  g_string_append_c (out, bracket);
}

static void append_json (GString  *out,
                         guint     depth,
                         JsonNode *node);

static void
append_json_members (GString            *out,
                     guint               depth,
                     gboolean           *first,
                     JsonObject         *object,
                     const char * const *skip)
{
  GList *names;

  if (object == NULL)
    return;

  names = json_object_get_members (object);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      /* A known name among the extras would write the member twice. */
      if (skip != NULL && g_strv_contains (skip, name))
        continue;

      append_key (out, depth, first, name);
      append_json (out, depth, json_object_get_member (object, name));
    }
  g_list_free (names);
}

static void
append_json (GString  *out,
             guint     depth,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        append_json_members (out, depth + 1, &first, json_node_get_object (node), NULL);
        append_close (out, depth, first, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_indent (out, depth + 1);
            append_json (out, depth + 1, json_array_get_element (array, i));
          }
        append_close (out, depth, n == 0, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          append_number (out, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node) ? json_node_get_string (node) : "");
          break;

        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/* The extras a payload object carries in its node's extra (imp-format.h). */
static JsonObject *
payload_extra (ImpNode    *node,
               const char *payload)
{
  JsonNode *member;

  if (node->extra == NULL || !(member = json_object_get_member (node->extra, payload)))
    return NULL;

  return JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
}

static void
append_enum (GString    *out,
             guint       depth,
             gboolean   *first,
             const char *name,
             const char *value)
{
  /* NULL only for a value outside its enum, which no setter lets in. */
  if (value == NULL)
    return;

  append_key (out, depth, first, name);
  append_string (out, value);
}

/* The reader refuses a malformed date, so writing one would make the whole
 * file unreadable: losing one bad string is the lesser harm. */
static void
append_date (GString    *out,
             guint       depth,
             gboolean   *first,
             const char *name,
             const char *date)
{
  if (date == NULL)
    return;

  if (!imp_metric_is_valid_date (date))
    {
      g_debug ("Not writing %s “%s”: not a YYYY-MM-DD date", name, date);
      return;
    }

  append_key (out, depth, first, name);
  append_string (out, date);
}

/* One reading a line: a metric checked in weekly for years stays readable
 * and a diff shows the reading added. */
static void
append_readings (GString         *out,
                 guint            depth,
                 gboolean        *first,
                 const ImpMetric *metric)
{
  guint n = imp_metric_get_n_readings (metric);

  if (n == 0)
    return;

  append_key (out, depth, first, "readings");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      const ImpReading *reading = imp_metric_get_reading (metric, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_indent (out, depth + 1);
      g_string_append (out, "{\"date\": ");
      append_string (out, reading->date);
      g_string_append (out, ", \"value\": ");
      append_number (out, reading->value);
      if (reading->note != NULL)
        {
          g_string_append (out, ", \"note\": ");
          append_string (out, reading->note);
        }
      if (reading->extra != NULL)
        {
          GList *names = json_object_get_members (reading->extra);

          for (const GList *l = names; l != NULL; l = l->next)
            {
              if (g_strv_contains (_imp_format_reading_members, l->data))
                continue;
              g_string_append (out, ", ");
              append_string (out, l->data);
              g_string_append (out, ": ");
              append_json (out, depth + 1, json_object_get_member (reading->extra, l->data));
            }
          g_list_free (names);
        }
      g_string_append_c (out, '}');
    }
  append_close (out, depth, FALSE, ']');
}

static void
append_metric (GString *out,
               guint    depth,
               ImpNode *node)
{
  const ImpMetric *metric = node->metric;
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  if (metric->name != NULL)
    {
      append_key (out, depth + 1, &first, "name");
      append_string (out, metric->name);
    }
  if (metric->unit != NULL)
    {
      append_key (out, depth + 1, &first, "unit");
      append_string (out, metric->unit);
    }
  if (isfinite (metric->baseline))
    {
      append_key (out, depth + 1, &first, "baseline");
      append_number (out, metric->baseline);
    }
  if (isfinite (metric->current))
    {
      append_key (out, depth + 1, &first, "current");
      append_number (out, metric->current);
    }
  if (isfinite (metric->target))
    {
      append_key (out, depth + 1, &first, "target");
      append_number (out, metric->target);
    }
  append_enum (out, depth + 1, &first, "direction", imp_direction_to_string (metric->direction));
  append_date (out, depth + 1, &first, "deadline", metric->deadline);
  append_enum (out, depth + 1, &first, "indicator", imp_indicator_to_string (metric->indicator));
  append_readings (out, depth + 1, &first, metric);
  append_json_members (out, depth + 1, &first, payload_extra (node, "metric"), _imp_format_metric_members);

  append_close (out, depth, first, '}');
}

static void
append_delivery (GString *out,
                 guint    depth,
                 ImpNode *node)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  append_enum (out, depth + 1, &first, "status",
               imp_delivery_status_to_string (node->delivery.status));
  if (node->delivery.status == IMP_DELIVERY_SHIPPED)
    append_date (out, depth + 1, &first, "shipped", node->delivery.shipped);
  append_json_members (out, depth + 1, &first, payload_extra (node, "delivery"),
                       _imp_format_delivery_members);
  append_close (out, depth, first, '}');
}

static void
append_ice (GString *out,
            guint    depth,
            ImpNode *node)
{
  const guint8 scores[] = { node->ice.impact, node->ice.confidence, node->ice.ease };
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      /* 0 is "not scored yet"; the reader wants 1–10 for a written one. */
      if (scores[i] >= 1 && scores[i] <= 10)
        {
          append_key (out, depth + 1, &first, _imp_format_ice_members[i]);
          g_string_append_printf (out, "%u", scores[i]);
        }
    }
  append_json_members (out, depth + 1, &first, payload_extra (node, "ice"), _imp_format_ice_members);

  append_close (out, depth, first, '}');
}

static void
append_experiment (GString *out,
                   guint    depth,
                   ImpNode *node)
{
  const ImpExperiment *experiment = node->experiment;
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  append_enum (out, depth + 1, &first, "kind", imp_experiment_kind_to_string (experiment->kind));
  append_enum (out, depth + 1, &first, "aspect", imp_aspect_to_string (experiment->aspect));
  append_enum (out, depth + 1, &first, "status",
               imp_experiment_status_to_string (experiment->status));
  append_enum (out, depth + 1, &first, "result", imp_result_to_string (experiment->result));
  append_date (out, depth + 1, &first, "start", experiment->start_date);
  append_date (out, depth + 1, &first, "end", experiment->end_date);
  if (experiment->evidence != NULL)
    {
      append_key (out, depth + 1, &first, "evidence");
      append_string (out, experiment->evidence);
    }
  append_json_members (out, depth + 1, &first, payload_extra (node, "experiment"),
                       _imp_format_experiment_members);

  append_close (out, depth, first, '}');
}

static void
append_node (GString *out,
             guint    depth,
             ImpNode *node)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  append_key (out, depth + 1, &first, "id");
  append_string (out, node->id);
  append_enum (out, depth + 1, &first, "level", imp_level_to_string (node->level));
  append_key (out, depth + 1, &first, "title");
  append_string (out, node->title != NULL ? node->title : "");

  if (node->notes != NULL && node->notes[0] != '\0')
    {
      append_key (out, depth + 1, &first, "notes");
      append_string (out, node->notes);
    }

  if (node->pinned)
    {
      gboolean pos_first = TRUE;

      append_key (out, depth + 1, &first, "position");
      g_string_append_c (out, '{');
      append_key (out, depth + 2, &pos_first, "x");
      append_number (out, node->x);
      append_key (out, depth + 2, &pos_first, "y");
      append_number (out, node->y);
      append_json_members (out, depth + 2, &pos_first, payload_extra (node, "position"),
                           _imp_format_position_members);
      append_close (out, depth + 1, FALSE, '}');
    }

  if (node->layout_pins[0].pinned || node->layout_pins[1].pinned ||
      payload_extra (node, "layout_positions") != NULL)
    {
      gboolean lp_first = TRUE;

      append_key (out, depth + 1, &first, "layout_positions");
      g_string_append_c (out, '{');
      for (guint k = IMP_LAYOUT_RIGHT + 1; k < IMP_N_LAYOUTS; k++)
        {
          const ImpPin *pin = &node->layout_pins[k - 1];
          gboolean pin_first = TRUE;

          if (!pin->pinned)
            continue;
          append_key (out, depth + 2, &lp_first, imp_layout_kind_to_string (k));
          g_string_append_c (out, '{');
          append_key (out, depth + 3, &pin_first, "x");
          append_number (out, pin->x);
          append_key (out, depth + 3, &pin_first, "y");
          append_number (out, pin->y);
          append_close (out, depth + 2, FALSE, '}');
        }
      append_json_members (out, depth + 2, &lp_first, payload_extra (node, "layout_positions"),
                           _imp_format_layout_positions_members);
      append_close (out, depth + 1, lp_first, '}');
    }

  if (node->collapsed)
    {
      append_key (out, depth + 1, &first, "collapsed");
      g_string_append (out, "true");
    }

  /* A card that changed level keeps its payload while the map is open (an
   * undo brings it back), but a file holds a payload only on its level. */
  if (node->metric != NULL && _imp_format_level_has_payload (node->level, "metric"))
    {
      append_key (out, depth + 1, &first, "metric");
      append_metric (out, depth + 1, node);
    }

  if ((node->ice.impact != 0 || node->ice.confidence != 0 || node->ice.ease != 0) &&
      _imp_format_level_has_payload (node->level, "ice"))
    {
      append_key (out, depth + 1, &first, "ice");
      append_ice (out, depth + 1, node);
    }

  if (node->votes > 0)
    {
      append_key (out, depth + 1, &first, "votes");
      g_string_append_printf (out, "%u", node->votes);
    }

  if (node->experiment != NULL && _imp_format_level_has_payload (node->level, "experiment"))
    {
      append_key (out, depth + 1, &first, "experiment");
      append_experiment (out, depth + 1, node);
    }

  if (node->delivery.status != IMP_DELIVERY_NONE &&
      _imp_format_level_has_payload (node->level, "delivery"))
    {
      append_key (out, depth + 1, &first, "delivery");
      append_delivery (out, depth + 1, node);
    }

  /* Payload extras are skipped here: they were written inside their payload,
   * or belong to a payload the node no longer has. */
  append_json_members (out, depth + 1, &first, node->extra, _imp_format_node_members);

  append_close (out, depth, first, '}');
}

static void
append_link (GString *out,
             guint    depth,
             ImpLink *link)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  append_key (out, depth + 1, &first, "from");
  append_string (out, link->parent->id);
  append_key (out, depth + 1, &first, "to");
  append_string (out, link->child->id);

  if (link->assumption != NULL && link->assumption[0] != '\0')
    {
      append_key (out, depth + 1, &first, "assumption");
      append_string (out, link->assumption);
    }
  if (link->confidence != IMP_CONFIDENCE_UNSET)
    append_enum (out, depth + 1, &first, "confidence",
                 imp_confidence_to_string (link->confidence));
  if (link->status != IMP_LINK_STATUS_UNTESTED)
    append_enum (out, depth + 1, &first, "status", imp_link_status_to_string (link->status));

  append_json_members (out, depth + 1, &first, link->extra, _imp_format_link_members);

  append_close (out, depth, first, '}');
}

static void
collect_depth_first (ImpNode    *node,
                     GPtrArray  *order,
                     GHashTable *seen)
{
  if (!g_hash_table_add (seen, node))
    return;

  g_ptr_array_add (order, node);

  /* Levels grow along every link, so this recursion is at most five deep. */
  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->children, i);

      if (imp_link_is_tree_link (link))
        collect_depth_first (link->child, order, seen);
    }
}

/* Nodes in the order the file lists them: each root (in document order),
 * then its tree children depth-first, so that a branch reads as one block. */
static GPtrArray *
depth_first_order (ImpMap *map)
{
  guint n = imp_map_get_n_nodes (map);
  GPtrArray *order = g_ptr_array_sized_new (n);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->parents->len == 0)
        collect_depth_first (node, order, seen);
    }

  /* Every node has a chain of tree parents up to a root, so this finds
   * nothing; it is here so that no node could ever be dropped. */
  for (guint i = 0; i < n; i++)
    collect_depth_first (imp_map_get_node (map, i), order, seen);

  return order;
}

static char *save_document (ImpMap   *map,
                            gsize    *length,
                            gboolean  contents);

/**
 * imp_format_save_to_data:
 * @map: the map
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes @map as a `.impactmap` document: UTF-8 JSON with members in a fixed
 * order, two-space indent and a final newline. Nodes are written depth-first
 * along tree parents; the tree links come first, in the same order, then the
 * cross-links, each child's in the order of its parents. So a parent's cross
 * children follow its tree children once read back: the tree layout cannot
 * tell, and every child keeps its parents in order.
 *
 * Returns: (transfer full): the document, nul-terminated
 */
char *
imp_format_save_to_data (ImpMap *map,
                         gsize  *length)
{
  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  return save_document (map, length, TRUE);
}

/* The document, or with @contents FALSE the same with no nodes and no
 * links: what _imp_format_save_parts() gives as the map's own members. */
static char *
save_document (ImpMap   *map,
               gsize    *length,
               gboolean  contents)
{
  g_autoptr(GPtrArray) order = NULL;
  GString *out;
  gboolean first = TRUE;
  gboolean any;

  order = contents ? depth_first_order (map) : g_ptr_array_new ();
  out = g_string_sized_new (4096 + order->len * 160);

  g_string_append_c (out, '{');

  append_key (out, 1, &first, "format");
  append_string (out, IMP_FORMAT_NAME);
  append_key (out, 1, &first, "version");
  g_string_append_printf (out, "%d", IMP_FORMAT_VERSION);
  append_key (out, 1, &first, "title");
  append_string (out, imp_map_get_title (map));
  append_enum (out, 1, &first, "vocabulary",
               imp_vocabulary_to_string (imp_map_get_vocabulary (map)));
  /* Absent for the right layout, so older files stay as they were. */
  if (imp_map_get_layout (map) != IMP_LAYOUT_RIGHT)
    append_enum (out, 1, &first, "layout", imp_layout_kind_to_string (imp_map_get_layout (map)));

  append_key (out, 1, &first, "nodes");
  g_string_append_c (out, '[');
  for (guint i = 0; i < order->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_indent (out, 2);
      append_node (out, 2, g_ptr_array_index (order, i));
    }
  append_close (out, 1, order->len == 0, ']');

  append_key (out, 1, &first, "links");
  g_string_append_c (out, '[');
  any = FALSE;
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < order->len; i++)
        {
          ImpNode *node = g_ptr_array_index (order, i);
          guint start = pass == 0 ? 0 : 1;
          guint end = pass == 0 ? MIN (node->parents->len, 1) : node->parents->len;

          for (guint j = start; j < end; j++)
            {
              if (any)
                g_string_append_c (out, ',');
              any = TRUE;
              append_indent (out, 2);
              append_link (out, 2, g_ptr_array_index (node->parents, j));
            }
        }
    }
  append_close (out, 1, !any, ']');

  if (imp_map_get_n_parked (map) > 0)
    {
      append_key (out, 1, &first, "parking_lot");
      g_string_append_c (out, '[');
      for (guint i = 0; i < imp_map_get_n_parked (map); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_indent (out, 2);
          append_string (out, imp_map_get_parked (map, i));
        }
      append_close (out, 1, FALSE, ']');
    }

  {
    guint participants, dots;

    if (imp_map_get_vote_budget (map, &participants, &dots))
      {
        JsonObject *extra = imp_map_get_extra (map);
        JsonNode *kept = extra != NULL ? json_object_get_member (extra, "vote_budget") : NULL;
        gboolean budget_first = TRUE;

        append_key (out, 1, &first, "vote_budget");
        g_string_append_c (out, '{');
        append_key (out, 2, &budget_first, "participants");
        g_string_append_printf (out, "%u", participants);
        append_key (out, 2, &budget_first, "dots");
        g_string_append_printf (out, "%u", dots);
        if (kept != NULL && JSON_NODE_HOLDS_OBJECT (kept))
          append_json_members (out, 2, &budget_first, json_node_get_object (kept),
                               _imp_format_vote_budget_members);
        append_close (out, 1, FALSE, '}');
      }
  }

  append_json_members (out, 1, &first, imp_map_get_extra (map), _imp_format_top_members);

  append_close (out, 0, FALSE, '}');
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * imp_format_write_path:
 * @path: the file to write, in the file system's encoding
 * @data: the bytes to write
 * @length: the length of @data
 * @make_backup: whether to keep the file being replaced as `PATH~`
 * @error: return location for an error
 *
 * Replaces @path with @data atomically through imp_writer_write_path(),
 * which says how and which errors it gives.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
imp_format_write_path (const char  *path,
                       const char  *data,
                       gsize        length,
                       gboolean     make_backup,
                       GError     **error)
{
  return imp_writer_write_path (path, data, length,
                                make_backup ? IMP_WRITER_BACKUP : IMP_WRITER_NONE, error);
}

static gboolean
write_file (GFile         *file,
            const char    *data,
            gsize          length,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return imp_writer_write_path (path, data, length, IMP_WRITER_BACKUP, error);

  /* Not a local file (a GVfs location): GIO's own replace also writes a
   * temporary file and renames it, and keeps FILE~. */
  return g_file_replace_contents (file, data, length, NULL, TRUE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

/**
 * imp_format_save_to_file:
 * @map: the map
 * @file: where to write it
 * @error: return location for an error
 *
 * Writes @map to @file safely, as imp_format_write_path() does: to a
 * temporary file beside it, flushed and renamed over it once complete, so
 * that a failure never leaves half a map; the version replaced is kept as
 * `FILE~`.
 *
 * Returns: %TRUE on success, else %FALSE with @error set (a #G_IO_ERROR)
 */
gboolean
imp_format_save_to_file (ImpMap  *map,
                         GFile   *file,
                         GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = imp_format_save_to_data (map, &length);

  return write_file (file, data, length, NULL, error);
}

/**
 * imp_format_save_to_path:
 * @map: the map
 * @path: a file name, in the file system's encoding
 * @error: return location for an error
 *
 * Like imp_format_save_to_file(), for a path.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
imp_format_save_to_path (ImpMap      *map,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);

  return imp_format_save_to_file (map, file, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "imp-file");
  GError *error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (write_file (file, data != NULL ? data : "", length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * imp_format_save_to_file_async:
 * @map: the map
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes @map to bytes now, then those bytes to @file in a worker thread,
 * as imp_format_save_to_file() does. Edits made after this call returns
 * are not in the file. Finish with imp_format_save_to_file_finish().
 */
void
imp_format_save_to_file_async (ImpMap              *map,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *data;
  gsize length = 0;

  g_return_if_fail (IMP_IS_MAP (map));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (map, cancellable, callback, user_data);
  g_task_set_source_tag (task, imp_format_save_to_file_async);

  data = imp_format_save_to_data (map, &length);
  g_task_set_task_data (task, g_bytes_new_take (data, length), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "imp-file", g_object_ref (file), g_object_unref);

  g_task_run_in_thread (task, save_thread);
}

/**
 * imp_format_save_to_file_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the file was written, else %FALSE with @error set
 */
gboolean
imp_format_save_to_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        imp_format_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * _imp_format_save_parts:
 * @map: the map
 * @nodes: (element-type ImpNode): filled with the nodes in the file's order
 * @node_texts: (element-type utf8): filled with each node as the file holds it
 * @links: (element-type ImpLink): filled with the links in the file's order
 * @link_texts: (element-type utf8): filled with each link as the file holds it
 *
 * The document in parts, for the diff and the merge, which compare cards
 * one by one and need not parse the ones that are the same text.
 *
 * Returns: (transfer full): the document without its nodes and links
 */
char *
_imp_format_save_parts (ImpMap    *map,
                        GPtrArray *nodes,
                        GPtrArray *node_texts,
                        GPtrArray *links,
                        GPtrArray *link_texts)
{
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  order = depth_first_order (map);
  for (guint i = 0; i < order->len; i++)
    {
      GString *out = g_string_new (NULL);

      append_node (out, 0, order->pdata[i]);
      g_ptr_array_add (nodes, order->pdata[i]);
      g_ptr_array_add (node_texts, g_string_free (out, FALSE));
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < order->len; i++)
      {
        ImpNode *node = g_ptr_array_index (order, i);
        guint start = pass == 0 ? 0 : 1;
        guint end = pass == 0 ? MIN (node->parents->len, 1) : node->parents->len;

        for (guint j = start; j < end; j++)
          {
            GString *out = g_string_new (NULL);

            append_link (out, 0, g_ptr_array_index (node->parents, j));
            g_ptr_array_add (links, g_ptr_array_index (node->parents, j));
            g_ptr_array_add (link_texts, g_string_free (out, FALSE));
          }
      }

  return save_document (map, NULL, FALSE);
}

/* One node as the file holds it (nested at depth 0), for the conflicts
 * (imp-conflicts.c), which change one member of it. */
char *
_imp_format_node_to_data (ImpNode *node)
{
  GString *out = g_string_new (NULL);

  append_node (out, 0, node);
  return g_string_free (out, FALSE);
}
