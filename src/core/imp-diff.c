/* imp-diff.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-diff"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "imp-diff.h"
#include "imp-format.h"
#include "imp-format-private.h"
#include "imp-teams-private.h"

/* Snapshots */

char *
_imp_snapshot_link_key (const char *from,
                        const char *to)
{
  /* Ids hold no control characters: "\n" cannot occur in either. */
  return g_strconcat (from, "\n", to, NULL);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);
  JsonObject *object;

  /* The writer's own output: anything else is a bug. */
  g_assert_no_error (error);
  object = json_object_ref (json_node_get_object (node));
  json_node_unref (node);
  return object;
}

static void
card_free (ImpSnapCard *card)
{
  g_free (card->id);
  g_free (card->text);
  g_clear_pointer (&card->object, json_object_unref);
  g_free (card);
}

static void
link_free (ImpSnapLink *link)
{
  g_free (link->key);
  g_free (link->from);
  g_free (link->to);
  g_free (link->text);
  g_clear_pointer (&link->object, json_object_unref);
  g_free (link);
}

/**
 * _imp_snapshot_new:
 *
 * Returns: (transfer full): @map as the writer would write it, indexed.
 */
ImpSnapshot *
_imp_snapshot_new (ImpMap *map)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) node_texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) link_texts = g_ptr_array_new ();
  g_autofree char *top = NULL;
  g_autoptr(GError) error = NULL;
  ImpSnapshot *self;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  top = _imp_format_save_parts (map, nodes, node_texts, links, link_texts);
  self = g_new0 (ImpSnapshot, 1);
  self->root = json_from_string (top, &error);
  g_assert_no_error (error);
  self->top = json_node_get_object (self->root);
  self->cards = g_ptr_array_new_full (nodes->len, (GDestroyNotify) card_free);
  self->links = g_ptr_array_new_full (links->len, (GDestroyNotify) link_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->links_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->parent_of = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < nodes->len; i++)
    {
      ImpSnapCard *card = g_new0 (ImpSnapCard, 1);

      card->id = g_strdup (((ImpNode *) nodes->pdata[i])->id);
      card->text = node_texts->pdata[i];
      g_ptr_array_add (self->cards, card);
      g_hash_table_insert (self->by_id, card->id, card);
    }
  for (guint i = 0; i < links->len; i++)
    {
      ImpLink *l = links->pdata[i];
      ImpSnapLink *link = g_new0 (ImpSnapLink, 1);

      link->from = g_strdup (l->parent->id);
      link->to = g_strdup (l->child->id);
      link->key = _imp_snapshot_link_key (link->from, link->to);
      link->text = link_texts->pdata[i];
      g_ptr_array_add (self->links, link);
      g_hash_table_insert (self->links_by_key, link->key, link);
      if (!g_hash_table_contains (self->parent_of, link->to))
        g_hash_table_insert (self->parent_of, link->to, link->from);
    }

  return self;
}

void
_imp_snapshot_free (ImpSnapshot *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->links_by_key);
  g_hash_table_unref (self->parent_of);
  g_ptr_array_unref (self->cards);
  g_ptr_array_unref (self->links);
  json_node_unref (self->root);
  g_free (self);
}

ImpSnapCard *
_imp_snapshot_card (ImpSnapshot *self,
                    const char  *id)
{
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

ImpSnapLink *
_imp_snapshot_link (ImpSnapshot *self,
                    const char  *key)
{
  return g_hash_table_lookup (self->links_by_key, key);
}

JsonObject *
_imp_snapshot_card_object (ImpSnapCard *card)
{
  if (card == NULL)
    return NULL;
  if (card->object == NULL)
    card->object = parse_object (card->text);
  return card->object;
}

JsonObject *
_imp_snapshot_link_object (ImpSnapLink *link)
{
  if (link == NULL)
    return NULL;
  if (link->object == NULL)
    link->object = parse_object (link->text);
  return link->object;
}

JsonObject *
_imp_snapshot_lookup (ImpSnapshot *self,
                      const char  *id)
{
  return _imp_snapshot_card_object (_imp_snapshot_card (self, id));
}

JsonObject *
_imp_snapshot_lookup_link (ImpSnapshot *self,
                           const char  *from,
                           const char  *to)
{
  g_autofree char *key = _imp_snapshot_link_key (from, to);

  return _imp_snapshot_link_object (_imp_snapshot_link (self, key));
}

const char *
_imp_snapshot_parent (ImpSnapshot *self,
                      const char  *id)
{
  return g_hash_table_lookup (self->parent_of, id);
}

gboolean
_imp_json_equal (JsonNode *a,
                 JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

char *
_imp_json_compact (JsonNode *node)
{
  if (node == NULL)
    return g_strdup (_("(none)"));

  return json_to_string (node, FALSE);
}

/* The diff */

struct _ImpDiff
{
  ImpSnapshot *old_snap;
  ImpSnapshot *new_snap;
  GPtrArray   *changes;   /* (element-type ImpDiffChange) */
};

static void
change_free (ImpDiffChange *change)
{
  g_free (change->id);
  g_free (change->to);
  g_free (change->member);
  g_clear_pointer (&change->old_value, json_node_unref);
  g_clear_pointer (&change->new_value, json_node_unref);
  g_free (change);
}

static void
add_change (ImpDiff     *self,
            ImpDiffKind  kind,
            const char  *id,
            const char  *to,
            const char  *member,
            JsonNode    *old_value,
            JsonNode    *new_value)
{
  ImpDiffChange *change = g_new0 (ImpDiffChange, 1);

  change->kind = kind;
  change->id = g_strdup (id);
  change->to = g_strdup (to);
  change->member = g_strdup (member);
  change->old_value = old_value ? json_node_copy (old_value) : NULL;
  change->new_value = new_value ? json_node_copy (new_value) : NULL;
  g_ptr_array_add (self->changes, change);
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node;

  if (value == NULL)
    return NULL;

  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, value);
  return node;
}

/* The names of both objects' members, @a's in its order, then those only in @b. */
static GPtrArray *
member_union (JsonObject *a,
              JsonObject *b)
{
  GPtrArray *names = g_ptr_array_new ();
  GList *list;

  if (a != NULL)
    {
      list = json_object_get_members (a);
      for (GList *l = list; l; l = l->next)
        g_ptr_array_add (names, l->data);
      g_list_free (list);
    }
  if (b != NULL)
    {
      list = json_object_get_members (b);
      for (GList *l = list; l; l = l->next)
        if (a == NULL || !json_object_has_member (a, l->data))
          g_ptr_array_add (names, l->data);
      g_list_free (list);
    }

  return names;
}

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

/* An array member changed: a change per element added or removed, as a
 * set of compact texts, so that 100,000 readings cost a hash table. */
static void
diff_array (ImpDiff     *self,
            ImpDiffKind  kind,
            const char  *id,
            const char  *to,
            const char  *member,
            JsonArray   *old_array,
            JsonArray   *new_array)
{
  g_autoptr(GHashTable) old_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) new_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (old_array); i++)
    g_hash_table_add (old_set, json_to_string (json_array_get_element (old_array, i), FALSE));
  for (guint i = 0; i < json_array_get_length (new_array); i++)
    g_hash_table_add (new_set, json_to_string (json_array_get_element (new_array, i), FALSE));

  for (guint i = 0; i < json_array_get_length (old_array); i++)
    {
      JsonNode *element = json_array_get_element (old_array, i);
      g_autofree char *text = json_to_string (element, FALSE);

      if (!g_hash_table_contains (new_set, text))
        add_change (self, kind, id, to, member, element, NULL);
    }
  for (guint i = 0; i < json_array_get_length (new_array); i++)
    {
      JsonNode *element = json_array_get_element (new_array, i);
      g_autofree char *text = json_to_string (element, FALSE);

      if (!g_hash_table_contains (old_set, text))
        add_change (self, kind, id, to, member, NULL, element);
    }

  /* Same elements in another order: say so once. */
  if (g_hash_table_size (old_set) == g_hash_table_size (new_set) &&
      json_array_get_length (old_array) == json_array_get_length (new_array))
    {
      gboolean same_set = TRUE;
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, old_set);
      while (same_set && g_hash_table_iter_next (&iter, &key, NULL))
        same_set = g_hash_table_contains (new_set, key);
      if (same_set)
        {
          JsonNode *o = json_node_alloc (), *n = json_node_alloc ();

          json_node_init_array (o, old_array);
          json_node_init_array (n, new_array);
          add_change (self, kind, id, to, member, o, n);
          json_node_unref (o);
          json_node_unref (n);
        }
    }
}

/* Members of a card or link other than @skip, objects one level deep
 * ("metric.target"), arrays element by element. */
static void
diff_members (ImpDiff           *self,
              ImpDiffKind        kind,
              const char        *id,
              const char        *to,
              const char        *prefix,
              JsonObject        *old_object,
              JsonObject        *new_object,
              const char *const *skip)
{
  g_autoptr(GPtrArray) names = member_union (old_object, new_object);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      JsonNode *o = member_or_null (old_object, name);
      JsonNode *n = member_or_null (new_object, name);
      g_autofree char *member = NULL;

      if (skip != NULL && g_strv_contains (skip, name))
        continue;
      if (_imp_json_equal (o, n))
        continue;

      member = prefix ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
      if (prefix == NULL && o != NULL && n != NULL &&
          JSON_NODE_HOLDS_OBJECT (o) && JSON_NODE_HOLDS_OBJECT (n))
        diff_members (self, kind, id, to, member, json_node_get_object (o),
                      json_node_get_object (n), NULL);
      else if (o != NULL && n != NULL && JSON_NODE_HOLDS_ARRAY (o) && JSON_NODE_HOLDS_ARRAY (n))
        diff_array (self, kind, id, to, member, json_node_get_array (o), json_node_get_array (n));
      else
        add_change (self, kind, id, to, member, o, n);
    }
}

static const char *const top_skip[] = { "format", "version", "nodes", "links", NULL };
static const char *const card_skip[] = { "id", "title", "level", NULL };
static const char *const link_skip[] = { "from", "to", NULL };

/**
 * imp_diff_new:
 *
 * Returns: (transfer full): what changed from @old_map to @new_map: the
 *   map's own members, then the cards (added and changed in @new_map's
 *   order, removed in @old_map's), then the links the same way.
 */
ImpDiff *
imp_diff_new (ImpMap *old_map,
              ImpMap *new_map)
{
  ImpDiff *self;
  guint n_new, n_old;

  g_return_val_if_fail (IMP_IS_MAP (old_map), NULL);
  g_return_val_if_fail (IMP_IS_MAP (new_map), NULL);

  self = g_new0 (ImpDiff, 1);
  self->old_snap = _imp_snapshot_new (old_map);
  self->new_snap = _imp_snapshot_new (new_map);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  diff_members (self, IMP_DIFF_MAP_MEMBER, NULL, NULL, NULL, self->old_snap->top,
                self->new_snap->top, top_skip);

  n_new = self->new_snap->cards->len;
  n_old = self->old_snap->cards->len;
  for (guint i = 0; i < n_new; i++)
    {
      ImpSnapCard *new_card = self->new_snap->cards->pdata[i];
      const char *id = new_card->id;
      ImpSnapCard *old_card = _imp_snapshot_card (self->old_snap, id);
      const char *old_parent, *new_parent;
      JsonObject *o, *n;

      if (old_card == NULL)
        {
          g_autoptr(JsonNode) added = json_node_init_object (json_node_alloc (),
                                                             _imp_snapshot_card_object (new_card));

          add_change (self, IMP_DIFF_CARD_ADDED, id, NULL, NULL, NULL, added);
          continue;
        }
      old_parent = _imp_snapshot_parent (self->old_snap, id);
      new_parent = _imp_snapshot_parent (self->new_snap, id);
      if (g_str_equal (old_card->text, new_card->text) && g_strcmp0 (old_parent, new_parent) == 0)
        continue;

      o = _imp_snapshot_card_object (old_card);
      n = _imp_snapshot_card_object (new_card);
      if (!_imp_json_equal (json_object_get_member (o, "title"),
                            json_object_get_member (n, "title")))
        add_change (self, IMP_DIFF_CARD_RENAMED, id, NULL, "title",
                    json_object_get_member (o, "title"), json_object_get_member (n, "title"));
      if (!_imp_json_equal (json_object_get_member (o, "level"),
                            json_object_get_member (n, "level")))
        add_change (self, IMP_DIFF_CARD_LEVEL, id, NULL, "level",
                    json_object_get_member (o, "level"), json_object_get_member (n, "level"));
      if (g_strcmp0 (old_parent, new_parent) != 0)
        {
          g_autoptr(JsonNode) op = string_node (old_parent);
          g_autoptr(JsonNode) np = string_node (new_parent);

          add_change (self, IMP_DIFF_CARD_MOVED, id, NULL, "parent", op, np);
        }
      diff_members (self, IMP_DIFF_CARD_MEMBER, id, NULL, NULL, o, n, card_skip);
    }
  for (guint i = 0; i < n_old; i++)
    {
      ImpSnapCard *old_card = self->old_snap->cards->pdata[i];

      if (_imp_snapshot_card (self->new_snap, old_card->id) == NULL)
        {
          g_autoptr(JsonNode) removed = json_node_init_object (json_node_alloc (),
                                                               _imp_snapshot_card_object (old_card));

          add_change (self, IMP_DIFF_CARD_REMOVED, old_card->id, NULL, NULL, removed, NULL);
        }
    }

  for (guint i = 0; i < self->new_snap->links->len; i++)
    {
      ImpSnapLink *n = self->new_snap->links->pdata[i];
      ImpSnapLink *o = _imp_snapshot_link (self->old_snap, n->key);

      if (o == NULL)
        {
          g_autoptr(JsonNode) added = json_node_init_object (json_node_alloc (),
                                                             _imp_snapshot_link_object (n));

          add_change (self, IMP_DIFF_LINK_ADDED, n->from, n->to, NULL, NULL, added);
        }
      else if (!g_str_equal (o->text, n->text))
        diff_members (self, IMP_DIFF_LINK_MEMBER, n->from, n->to, NULL,
                      _imp_snapshot_link_object (o), _imp_snapshot_link_object (n), link_skip);
    }
  for (guint i = 0; i < self->old_snap->links->len; i++)
    {
      ImpSnapLink *o = self->old_snap->links->pdata[i];

      if (_imp_snapshot_link (self->new_snap, o->key) == NULL)
        {
          g_autoptr(JsonNode) removed = json_node_init_object (json_node_alloc (),
                                                               _imp_snapshot_link_object (o));

          add_change (self, IMP_DIFF_LINK_REMOVED, o->from, o->to, NULL, removed, NULL);
        }
    }

  return self;
}

void
imp_diff_free (ImpDiff *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->changes);
  _imp_snapshot_free (self->old_snap);
  _imp_snapshot_free (self->new_snap);
  g_free (self);
}

guint
imp_diff_get_n_changes (ImpDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

const ImpDiffChange *
imp_diff_get_change (ImpDiff *self,
                     guint    position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->changes->len, NULL);

  return self->changes->pdata[position];
}

const char *
imp_diff_kind_to_string (ImpDiffKind kind)
{
  static const char *const names[] = {
    "map-changed", "card-added", "card-removed", "card-renamed", "card-moved",
    "card-level", "card-changed", "link-added", "link-removed", "link-changed",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);

  return names[kind];
}

/* “Title” (id), the card as either version knows it, newest first. */
static char *
describe_card (ImpDiff    *self,
               const char *id)
{
  JsonObject *card = _imp_snapshot_lookup (self->new_snap, id);

  if (card == NULL)
    card = _imp_snapshot_lookup (self->old_snap, id);
  if (card == NULL)
    return g_strdup (id);

  return g_strdup_printf ("%s “%s” (%s)", json_object_get_string_member (card, "level"),
                          json_object_get_string_member (card, "title"), id);
}

static char *
describe_parent (ImpDiff    *self,
                 JsonNode   *value)
{
  if (value == NULL)
    /* TRANSLATORS: where a card is when it has no parent, in a diff */
    return g_strdup (_("the top"));

  return describe_card (self, json_node_get_string (value));
}

char *
imp_diff_to_text (ImpDiff *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      const ImpDiffChange *c = self->changes->pdata[i];
      g_autofree char *card = c->id ? describe_card (self, c->id) : NULL;
      g_autofree char *child = c->to ? describe_card (self, c->to) : NULL;
      g_autofree char *o = _imp_json_compact (c->old_value);
      g_autofree char *n = _imp_json_compact (c->new_value);

      switch (c->kind)
        {
        case IMP_DIFF_MAP_MEMBER:
          /* TRANSLATORS: a diff line: a member of the map, old and new value */
          g_string_append_printf (out, _("~ map %s: %s → %s\n"), c->member, o, n);
          break;

        case IMP_DIFF_CARD_ADDED:
          {
            const char *parent = _imp_snapshot_parent (self->new_snap, c->id);
            g_autofree char *under = parent ? describe_card (self, parent) : NULL;

            if (under != NULL)
              /* TRANSLATORS: a diff line: the card added, its tree parent */
              g_string_append_printf (out, _("+ card %s under %s\n"), card, under);
            else
              /* TRANSLATORS: a diff line: the card added */
              g_string_append_printf (out, _("+ card %s\n"), card);
          }
          break;

        case IMP_DIFF_CARD_REMOVED:
          /* TRANSLATORS: a diff line: the card removed */
          g_string_append_printf (out, _("- card %s\n"), card);
          break;

        case IMP_DIFF_CARD_RENAMED:
          /* TRANSLATORS: a diff line: the card (with its new title), its old title */
          g_string_append_printf (out, _("~ card %s: renamed from %s\n"), card, o);
          break;

        case IMP_DIFF_CARD_MOVED:
          {
            g_autofree char *from = describe_parent (self, c->old_value);
            g_autofree char *to = describe_parent (self, c->new_value);

            /* TRANSLATORS: a diff line: the card, its old and its new tree parent */
            g_string_append_printf (out, _("~ card %s: moved from %s to %s\n"), card, from, to);
          }
          break;

        case IMP_DIFF_CARD_LEVEL:
          /* TRANSLATORS: a diff line: the card, its old and new level */
          g_string_append_printf (out, _("~ card %s: level %s → %s\n"), card, o, n);
          break;

        case IMP_DIFF_CARD_MEMBER:
          if (c->old_value == NULL)
            /* TRANSLATORS: a diff line: the card, a member of it, the value added */
            g_string_append_printf (out, _("~ card %s: %s + %s\n"), card, c->member, n);
          else if (c->new_value == NULL)
            /* TRANSLATORS: a diff line: the card, a member of it, the value removed */
            g_string_append_printf (out, _("~ card %s: %s - %s\n"), card, c->member, o);
          else
            /* TRANSLATORS: a diff line: the card, a member of it, old and new value */
            g_string_append_printf (out, _("~ card %s: %s: %s → %s\n"), card, c->member, o, n);
          break;

        case IMP_DIFF_LINK_ADDED:
          /* TRANSLATORS: a diff line: the link added, from one card to another */
          g_string_append_printf (out, _("+ link %s → %s\n"), card, child);
          break;

        case IMP_DIFF_LINK_REMOVED:
          /* TRANSLATORS: a diff line: the link removed, from one card to another */
          g_string_append_printf (out, _("- link %s → %s\n"), card, child);
          break;

        case IMP_DIFF_LINK_MEMBER:
          /* TRANSLATORS: a diff line: the link's two cards, a member, old and new value */
          g_string_append_printf (out, _("~ link %s → %s: %s: %s → %s\n"), card, child,
                                  c->member, o, n);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

char *
imp_diff_to_json (ImpDiff *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "equal");
  json_builder_add_boolean_value (builder, self->changes->len == 0);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const ImpDiffChange *c = self->changes->pdata[i];
      gboolean is_link = c->kind >= IMP_DIFF_LINK_ADDED;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, imp_diff_kind_to_string (c->kind));
      if (c->id != NULL)
        {
          json_builder_set_member_name (builder, is_link ? "from" : "card");
          json_builder_add_string_value (builder, c->id);
        }
      if (c->to != NULL)
        {
          json_builder_set_member_name (builder, "to");
          json_builder_add_string_value (builder, c->to);
        }
      if (c->member != NULL)
        {
          json_builder_set_member_name (builder, "member");
          json_builder_add_string_value (builder, c->member);
        }
      if (c->old_value != NULL)
        {
          json_builder_set_member_name (builder, "old");
          json_builder_add_value (builder, json_node_copy (c->old_value));
        }
      if (c->new_value != NULL)
        {
          json_builder_set_member_name (builder, "new");
          json_builder_add_value (builder, json_node_copy (c->new_value));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  return g_strconcat (text, "\n", NULL);
}

/* textconv */

static void
append_members (GString           *out,
                const char        *indent,
                const char        *prefix,
                JsonObject        *object,
                const char *const *skip)
{
  GList *names = json_object_get_members (object);

  for (GList *l = names; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      g_autofree char *member = prefix ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);

      if (skip != NULL && g_strv_contains (skip, name))
        continue;

      if (prefix == NULL && JSON_NODE_HOLDS_OBJECT (value))
        append_members (out, indent, member, json_node_get_object (value), NULL);
      else if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);

          if (json_array_get_length (array) == 0)
            g_string_append_printf (out, "%s%s: []\n", indent, member);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *text = json_to_string (json_array_get_element (array, i), FALSE);

              g_string_append_printf (out, "%s%s[]: %s\n", indent, member, text);
            }
        }
      else
        {
          g_autofree char *text = json_to_string (value, FALSE);

          g_string_append_printf (out, "%s%s: %s\n", indent, member, text);
        }
    }
  g_list_free (names);
}

static guint
depth_of (ImpSnapshot *snap,
          GHashTable  *depths,
          const char  *id)
{
  gpointer cached;
  const char *parent;
  guint depth = 0;

  if (g_hash_table_lookup_extended (depths, id, NULL, &cached))
    return GPOINTER_TO_UINT (cached);

  /* Tree parents form no cycle (the reader refuses one), and a map is at
   * most five levels deep. */
  parent = _imp_snapshot_parent (snap, id);
  if (parent != NULL)
    depth = depth_of (snap, depths, parent) + 1;
  g_hash_table_insert (depths, (char *) id, GUINT_TO_POINTER (depth));

  return depth;
}

/**
 * imp_diff_textconv:
 *
 * Returns: (transfer full): the stable text form of @map.
 */
char *
imp_diff_textconv (ImpMap *map)
{
  g_autoptr(ImpSnapshot) snap = NULL;
  g_autoptr(GHashTable) depths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) links_into = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  snap = _imp_snapshot_new (map);
  append_members (out, "", "map", snap->top, top_skip);

  for (guint i = 0; i < snap->links->len; i++)
    {
      JsonObject *link = _imp_snapshot_link_object (snap->links->pdata[i]);
      const char *to = json_object_get_string_member (link, "to");
      GPtrArray *into = g_hash_table_lookup (links_into, to);

      if (into == NULL)
        g_hash_table_insert (links_into, (char *) to, into = g_ptr_array_new ());
      g_ptr_array_add (into, link);
    }

  for (guint i = 0; i < snap->cards->len; i++)
    {
      JsonObject *card = _imp_snapshot_card_object (snap->cards->pdata[i]);
      const char *id = json_object_get_string_member (card, "id");
      g_autofree char *indent = g_strnfill (2 * depth_of (snap, depths, id), ' ');
      g_autofree char *inner = g_strconcat (indent, "    ", NULL);
      GPtrArray *into = g_hash_table_lookup (links_into, id);

      g_string_append_printf (out, "%s[%s] %s (%s)\n", indent,
                              json_object_get_string_member (card, "level"),
                              json_object_get_string_member (card, "title"), id);
      append_members (out, inner, NULL, card, card_skip);
      for (guint j = 0; into != NULL && j < into->len; j++)
        {
          JsonObject *link = into->pdata[j];
          const char *from = json_object_get_string_member (link, "from");
          JsonObject *parent = _imp_snapshot_lookup (snap, from);
          g_autofree char *prefix = g_strdup_printf ("%s%s %s", inner, j == 0 ? "under" : "also under",
                                                     from);
          g_autofree char *link_indent = g_strconcat (inner, "  ", NULL);

          g_string_append_printf (out, "%s “%s”\n", prefix,
                                  json_object_get_string_member (parent, "title"));
          append_members (out, link_indent, "link", link, link_skip);
        }
    }

  return g_string_free (out, FALSE);
}
