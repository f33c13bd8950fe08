/* imp-conflicts.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-conflicts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "imp-conflicts.h"
#include "imp-format.h"
#include "imp-format-private.h"
#include "imp-map-private.h"
#include "imp-merge.h"

static JsonArray *
records (ImpMap *map)
{
  JsonObject *extra = imp_map_get_extra (map);
  JsonNode *node = extra ? json_object_get_member (extra, IMP_MERGE_CONFLICTS) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
record (ImpMap *map,
        guint   i)
{
  JsonArray *array = records (map);
  JsonNode *node;

  if (array == NULL || i >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, i);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * imp_conflicts_get_n:
 *
 * Returns: the number of conflict records in @map
 */
guint
imp_conflicts_get_n (ImpMap *map)
{
  JsonArray *array;

  g_return_val_if_fail (IMP_IS_MAP (map), 0);

  array = records (map);
  return array ? json_array_get_length (array) : 0;
}

ImpNode *
imp_conflicts_get_node (ImpMap *map,
                        guint   i)
{
  JsonObject *r = record (map, i);
  const char *id;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  id = string_member (r, "card");
  if (id == NULL)
    id = string_member (r, "to");
  return id ? imp_map_lookup_node (map, id) : NULL;
}

/* A side's value, short, for the inspector: a string as it is, a whole card
 * or link as "deleted"/"kept", anything else as compact JSON. */
static char *
show_value (JsonObject *r,
            const char *side)
{
  JsonNode *node = json_object_get_member (r, side);
  const char *kind = string_member (r, "kind");

  if (node == NULL)
    /* TRANSLATORS: what one side of a merge holds: nothing */
    return g_strdup (g_str_has_suffix (kind, "-deleted") ? _("deleted") : _("(none)"));
  if (g_strcmp0 (kind, "card-deleted") == 0 || g_strcmp0 (kind, "link-deleted") == 0 ||
      g_strcmp0 (kind, "link-refused") == 0)
    /* TRANSLATORS: what one side of a merge holds: the card or link, changed */
    return g_strdup (_("changed"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static const char *
title_of (ImpMap     *map,
          const char *id)
{
  ImpNode *node = id ? imp_map_lookup_node (map, id) : NULL;

  return node ? node->title : id ? id : "";
}

/**
 * imp_conflicts_describe:
 * @ours: (out) (optional): our value, shown
 * @theirs: (out) (optional): their value, shown
 *
 * Returns: (transfer full) (nullable): a sentence for record @i
 */
char *
imp_conflicts_describe (ImpMap  *map,
                        guint    i,
                        char   **ours,
                        char   **theirs)
{
  JsonObject *r;
  const char *kind, *member;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  if (!(r = record (map, i)) || !(kind = string_member (r, "kind")))
    return NULL;
  member = string_member (r, "member");
  if (ours != NULL)
    *ours = show_value (r, "ours");
  if (theirs != NULL)
    *theirs = show_value (r, "theirs");

  if (g_str_equal (kind, "card"))
    /* TRANSLATORS: a merge conflict: the card's title, the field both sides changed */
    return g_strdup_printf (_("“%s”: %s changed on both sides"),
                            title_of (map, string_member (r, "card")), member ? member : "");
  if (g_str_equal (kind, "card-deleted"))
    /* TRANSLATORS: a merge conflict: the card's title */
    return g_strdup_printf (_("“%s”: deleted on one side, changed on the other"),
                            title_of (map, string_member (r, "card")));
  if (g_str_equal (kind, "parent"))
    {
      if (ours != NULL)
        {
          g_free (*ours);
          *ours = g_strdup (title_of (map, string_member (r, "ours")));
        }
      if (theirs != NULL)
        {
          g_free (*theirs);
          *theirs = g_strdup (title_of (map, string_member (r, "theirs")));
        }
      /* TRANSLATORS: a merge conflict: the card's title */
      return g_strdup_printf (_("“%s”: moved to two different parents"),
                              title_of (map, string_member (r, "card")));
    }
  if (g_str_equal (kind, "link"))
    /* TRANSLATORS: a merge conflict: the two cards of a link, the field */
    return g_strdup_printf (_("Link “%s” → “%s”: %s changed on both sides"),
                            title_of (map, string_member (r, "from")),
                            title_of (map, string_member (r, "to")), member ? member : "");
  if (g_str_equal (kind, "link-deleted"))
    /* TRANSLATORS: a merge conflict: the two cards of a link */
    return g_strdup_printf (_("Link “%s” → “%s”: deleted on one side, changed on the other"),
                            title_of (map, string_member (r, "from")),
                            title_of (map, string_member (r, "to")));
  if (g_str_equal (kind, "link-refused"))
    /* TRANSLATORS: a merge conflict: the two cards of a link, why it was left out */
    return g_strdup_printf (_("Link “%s” → “%s” left out: %s"),
                            title_of (map, string_member (r, "from")),
                            title_of (map, string_member (r, "to")),
                            string_member (r, "message") ? string_member (r, "message") : "");
  /* TRANSLATORS: a merge conflict about the map itself: the member */
  return g_strdup_printf (_("The map’s %s changed on both sides"), member ? member : kind);
}

/* Members of a card whose value can be taken from their side. */
static gboolean
card_member_takes (const char *member)
{
  static const char *const tops[] = { "title", "notes", "level", "metric", "ice",
                                      "experiment", "delivery", NULL };
  g_autofree char *top = g_strdup (member ? member : "");
  char *dot = strchr (top, '.');

  if (dot != NULL)
    *dot = '\0';
  return g_strv_contains (tops, top);
}

gboolean
imp_conflicts_can_keep_theirs (ImpMap *map,
                               guint   i)
{
  JsonObject *r = record (map, i);
  const char *kind = string_member (r, "kind");
  const char *member = string_member (r, "member");

  g_return_val_if_fail (IMP_IS_MAP (map), FALSE);

  if (kind == NULL)
    return FALSE;
  if (g_str_equal (kind, "card"))
    return card_member_takes (member);
  if (g_str_equal (kind, "link"))
    return g_strcmp0 (member, "assumption") == 0 || g_strcmp0 (member, "confidence") == 0 ||
           g_strcmp0 (member, "status") == 0;
  if (g_str_equal (kind, "map"))
    return g_strcmp0 (member, "title") == 0;
  if (g_str_equal (kind, "parent"))
    return string_member (r, "theirs") != NULL &&
           imp_map_lookup_node (map, string_member (r, "theirs")) != NULL;
  return g_str_equal (kind, "card-deleted") || g_str_equal (kind, "link-deleted");
}

/* Card @node with @member ("metric.target") set to @value (NULL: removed),
 * as the reader makes it; NULL with @error when that card does not load. */
static ImpMap *
card_with (ImpMap      *map,
           ImpNode     *node,
           const char  *member,
           JsonNode    *value,
           GError     **error)
{
  g_autofree char *text = _imp_format_node_to_data (node);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_auto(GStrv) path = g_strsplit (member, ".", 2);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) doc = NULL;
  g_autofree char *doc_text = NULL;
  JsonObject *object = json_node_get_object (root);

  if (path[1] != NULL)
    {
      JsonNode *inner = json_object_get_member (object, path[0]);

      if (inner == NULL || !JSON_NODE_HOLDS_OBJECT (inner))
        {
          JsonObject *fresh = json_object_new ();

          json_object_set_object_member (object, path[0], fresh);
          inner = json_object_get_member (object, path[0]);
        }
      object = json_node_get_object (inner);
    }
  if (value != NULL)
    json_object_set_member (object, path[path[1] ? 1 : 0], json_node_copy (value));
  else
    json_object_remove_member (object, path[path[1] ? 1 : 0]);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, IMP_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, IMP_FORMAT_VERSION);
  json_builder_set_member_name (builder, "vocabulary");
  json_builder_add_string_value (builder,
                                 imp_vocabulary_to_string (imp_map_get_vocabulary (map)));
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  json_builder_add_value (builder, json_node_copy (root));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  doc = json_builder_get_root (builder);
  doc_text = json_to_string (doc, FALSE);

  return imp_format_load_data (doc_text, -1, error);
}

static gboolean
take_card_member (ImpHistory  *history,
                  ImpMap      *map,
                  JsonObject  *r,
                  GError     **error)
{
  ImpNode *node = imp_map_lookup_node (map, string_member (r, "card"));
  const char *member = string_member (r, "member");
  g_autoptr(ImpMap) fresh = NULL;
  ImpNode *want;

  if (node == NULL || member == NULL)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                   _("The card of this conflict is gone"));
      return FALSE;
    }
  if (!(fresh = card_with (map, node, member, json_object_get_member (r, "theirs"), error)))
    return FALSE;
  want = imp_map_get_node (fresh, 0);

  if (g_strcmp0 (want->title, node->title) != 0)
    imp_history_set_node_title (history, node, want->title);
  if (g_strcmp0 (want->notes, node->notes) != 0)
    imp_history_set_node_notes (history, node, want->notes);
  if (want->level != node->level &&
      !imp_history_set_node_level (history, node, want->level, error))
    return FALSE;
  if (!imp_metric_equal (want->metric, node->metric))
    imp_history_set_node_metric (history, node, want->metric);
  if (memcmp (&want->ice, &node->ice, sizeof want->ice) != 0 &&
      !imp_history_set_node_ice (history, node, &want->ice, error))
    return FALSE;
  if (!imp_experiment_equal (want->experiment, node->experiment))
    imp_history_set_node_experiment (history, node, want->experiment);
  if (!imp_delivery_equal (&want->delivery, &node->delivery) &&
      !imp_history_set_node_delivery (history, node, &want->delivery, error))
    return FALSE;

  return TRUE;
}

static gboolean
take_link_member (ImpHistory  *history,
                  ImpMap      *map,
                  JsonObject  *r,
                  GError     **error)
{
  ImpNode *parent = imp_map_lookup_node (map, string_member (r, "from"));
  ImpNode *child = imp_map_lookup_node (map, string_member (r, "to"));
  const char *member = string_member (r, "member");
  const char *value = string_member (r, "theirs");

  if (parent == NULL || child == NULL || imp_map_find_link (map, parent, child) == NULL)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                   _("The link of this conflict is gone"));
      return FALSE;
    }
  if (g_strcmp0 (member, "assumption") == 0)
    return imp_history_set_link_assumption (history, parent, child, value ? value : "");
  if (g_strcmp0 (member, "confidence") == 0)
    {
      ImpConfidence confidence = IMP_CONFIDENCE_UNSET;

      if (value != NULL && !imp_confidence_from_string (value, &confidence))
        confidence = IMP_CONFIDENCE_UNSET;
      return imp_history_set_link_confidence (history, parent, child, confidence);
    }
  {
    ImpLinkStatus status = IMP_LINK_STATUS_UNTESTED;

    if (value != NULL && !imp_link_status_from_string (value, &status))
      status = IMP_LINK_STATUS_UNTESTED;
    return imp_history_set_link_status (history, parent, child, status);
  }
}

/* Whether the side @choice names deleted what the record is about. */
static gboolean
side_deleted (JsonObject        *r,
              ImpConflictChoice  choice)
{
  return !json_object_has_member (r, choice == IMP_CONFLICT_KEEP_OURS ? "ours" : "theirs");
}

static gboolean
apply_choice (ImpHistory         *history,
              ImpMap             *map,
              JsonObject         *r,
              ImpConflictChoice   choice,
              GError            **error)
{
  const char *kind = string_member (r, "kind");

  if (g_strcmp0 (kind, "card-deleted") == 0)
    {
      /* The map holds the changed card: taking the side that deleted it deletes it. */
      ImpNode *node = imp_map_lookup_node (map, string_member (r, "card"));

      if (node != NULL && side_deleted (r, choice))
        imp_history_delete_nodes (history, &node, 1);
      return TRUE;
    }
  if (g_strcmp0 (kind, "link-deleted") == 0)
    {
      ImpNode *parent = imp_map_lookup_node (map, string_member (r, "from"));
      ImpNode *child = imp_map_lookup_node (map, string_member (r, "to"));

      if (parent != NULL && child != NULL && side_deleted (r, choice))
        imp_history_unlink (history, parent, child);
      return TRUE;
    }

  /* Otherwise the map holds ours. */
  if (choice == IMP_CONFLICT_KEEP_OURS)
    return TRUE;

  if (g_strcmp0 (kind, "card") == 0)
    return take_card_member (history, map, r, error);
  if (g_strcmp0 (kind, "link") == 0)
    return take_link_member (history, map, r, error);
  if (g_strcmp0 (kind, "map") == 0 && g_strcmp0 (string_member (r, "member"), "title") == 0)
    {
      imp_history_set_map_title (history, string_member (r, "theirs"));
      return TRUE;
    }
  if (g_strcmp0 (kind, "parent") == 0)
    {
      ImpNode *node = imp_map_lookup_node (map, string_member (r, "card"));
      ImpNode *parent = imp_map_lookup_node (map, string_member (r, "theirs"));

      if (node != NULL && parent != NULL)
        return imp_history_reparent (history, node, parent, -1, error);
    }

  g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
               _("Their side of this conflict cannot be taken; keep ours and edit the map"));
  return FALSE;
}

/**
 * imp_conflicts_resolve:
 * @i: the record
 * @choice: the side to keep
 *
 * Keeps one side of conflict record @i and drops the record, as one undo
 * step; on failure nothing changes.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
imp_conflicts_resolve (ImpHistory         *history,
                       guint               i,
                       ImpConflictChoice   choice,
                       GError            **error)
{
  ImpMap *map;
  JsonObject *r;
  g_autoptr(JsonArray) rest = NULL;
  g_autoptr(JsonNode) rest_node = NULL;
  g_autofree char *rest_text = NULL;
  JsonArray *all;

  g_return_val_if_fail (IMP_IS_HISTORY (history), FALSE);

  map = imp_history_get_map (history);
  if (!(r = record (map, i)))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("There is no such conflict"));
      return FALSE;
    }
  json_object_ref (r);

  /* TRANSLATORS: the undo label of resolving a merge conflict */
  imp_history_begin_group (history, _("Resolve Conflict"));
  if (!apply_choice (history, map, r, choice, error))
    {
      imp_history_cancel_group (history);
      json_object_unref (r);
      return FALSE;
    }

  /* The records left, without this one (found again: the step may have
   * replaced the map's extra). */
  all = records (map);
  rest = json_array_new ();
  for (guint j = 0; all != NULL && j < json_array_get_length (all); j++)
    {
      JsonNode *element = json_array_get_element (all, j);

      if (j != i)
        json_array_add_element (rest, json_node_copy (element));
    }
  json_object_unref (r);
  if (json_array_get_length (rest) > 0)
    {
      rest_node = json_node_alloc ();
      json_node_init_array (rest_node, rest);
      rest_text = json_to_string (rest_node, FALSE);
    }
  imp_history_set_conflicts (history, _("Resolve Conflict"), rest_text);
  imp_history_end_group (history);
  imp_history_seal (history);

  return TRUE;
}
