/* imp-merge.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-merge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "imp-format.h"
#include "imp-map-private.h"
#include "imp-merge.h"
#include "imp-teams-private.h"

/* The merge works on the three maps' canonical JSON (imp-teams-private.h):
 * every member merges the same way, known or not. A member is taken from
 * the side that changed it; changed on both sides to different values it
 * is a conflict, ours kept. Objects (metric, ICE, experiment, delivery,
 * position) merge member by member, so a new target on one side and a new
 * baseline on the other combine; arrays (readings) are one value. */

typedef struct
{
  ImpSnapshot *base;
  ImpSnapshot *ours;
  ImpSnapshot *theirs;
  JsonArray   *conflicts;   /* the new conflict records */
} Merge;

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

/* A record: {"kind", what it is about (card, or from and to), "member",
 * "base", "ours", "theirs"}; an absent value is an absent member. */
static JsonObject *
add_conflict (Merge      *m,
              const char *kind,
              const char *card,
              const char *from,
              const char *to,
              const char *member,
              JsonNode   *base,
              JsonNode   *ours,
              JsonNode   *theirs)
{
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "kind", kind);
  if (card != NULL)
    json_object_set_string_member (record, "card", card);
  if (from != NULL)
    json_object_set_string_member (record, "from", from);
  if (to != NULL)
    json_object_set_string_member (record, "to", to);
  if (member != NULL)
    json_object_set_string_member (record, "member", member);
  if (base != NULL)
    json_object_set_member (record, "base", json_node_copy (base));
  if (ours != NULL)
    json_object_set_member (record, "ours", json_node_copy (ours));
  if (theirs != NULL)
    json_object_set_member (record, "theirs", json_node_copy (theirs));
  json_array_add_object_element (m->conflicts, record);

  return record;
}

typedef struct
{
  Merge      *m;
  const char *kind;    /* "card", "link" or "map" */
  const char *card;
  const char *from;
  const char *to;
} Where;

static GPtrArray *
member_names (JsonObject *a,
              JsonObject *b,
              JsonObject *c)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *objects[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      GList *list;

      if (objects[i] == NULL)
        continue;
      list = json_object_get_members (objects[i]);
      for (GList *l = list; l; l = l->next)
        if (g_hash_table_add (seen, l->data))
          g_ptr_array_add (names, l->data);
      g_list_free (list);
    }

  return names;
}

static gboolean
is_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

/* Merges one value; returns the merged one (transfer full, NULL: absent). */
static JsonNode *
merge_value (const Where *where,
             const char  *member,
             JsonNode    *b,
             JsonNode    *o,
             JsonNode    *t,
             gboolean     nested);

/* Members of three objects (@b may be NULL: both sides added it); the
 * merged object, with ours' member order, theirs' new members after. */
static JsonObject *
merge_object (const Where        *where,
              const char         *prefix,
              JsonObject         *b,
              JsonObject         *o,
              JsonObject         *t,
              const char *const  *skip,
              gboolean            nested)
{
  g_autoptr(GPtrArray) names = member_names (o, t, b);
  JsonObject *merged = json_object_new ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *member = NULL;
      JsonNode *value;

      if (skip != NULL && g_strv_contains (skip, name))
        {
          if (o != NULL && json_object_has_member (o, name))
            json_object_set_member (merged, name, json_node_copy (json_object_get_member (o, name)));
          continue;
        }

      member = prefix ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
      value = merge_value (where, member, member_or_null (b, name), member_or_null (o, name),
                           member_or_null (t, name), nested);
      if (value != NULL)
        json_object_set_member (merged, name, value);
    }

  return merged;
}

static JsonNode *
merge_value (const Where *where,
             const char  *member,
             JsonNode    *b,
             JsonNode    *o,
             JsonNode    *t,
             gboolean     nested)
{
  if (_imp_json_equal (o, t) || _imp_json_equal (b, t))
    return o ? json_node_copy (o) : NULL;
  if (_imp_json_equal (b, o))
    return t ? json_node_copy (t) : NULL;

  /* Both changed an object: merge inside it, one level deep. */
  if (nested && is_object (o) && is_object (t) && (b == NULL || is_object (b)))
    {
      JsonObject *merged = merge_object (where, member, b ? json_node_get_object (b) : NULL,
                                         json_node_get_object (o), json_node_get_object (t),
                                         NULL, FALSE);
      JsonNode *node = json_node_alloc ();

      json_node_init_object (node, merged);
      json_object_unref (merged);
      return node;
    }

  add_conflict (where->m, where->kind, where->card, where->from, where->to, member, b, o, t);
  return o ? json_node_copy (o) : NULL;
}

/* Whether a card, alone in a map with @top's vocabulary, loads. */
static gboolean
card_loads (JsonObject *top,
            JsonObject *card)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ImpMap) map = NULL;
  g_autofree char *text = NULL;
  JsonNode *vocabulary = member_or_null (top, "vocabulary");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, IMP_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, IMP_FORMAT_VERSION);
  if (vocabulary != NULL)
    {
      json_builder_set_member_name (builder, "vocabulary");
      json_builder_add_value (builder, json_node_copy (vocabulary));
    }
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), card));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  map = imp_format_load_data (text, -1, NULL);

  return map != NULL;
}

static const char *const top_skip[] = { "format", "version", "nodes", "links",
                                        IMP_MERGE_CONFLICTS, NULL };
static const char *const card_skip[] = { "id", NULL };
static const char *const link_skip[] = { "from", "to", NULL };

/* One card present on both sides. */
static JsonObject *
merge_card (Merge      *m,
            JsonObject *top,
            const char *id,
            JsonObject *b,
            JsonObject *o,
            JsonObject *t)
{
  Where where = { m, "card", id, NULL, NULL };
  guint mark = json_array_get_length (m->conflicts);
  JsonObject *merged = merge_object (&where, NULL, b, o, t, card_skip, TRUE);

  /* A card equal to one side's loads as that side did; only a mix of
   * both sides' changes needs the check. */
  if (!json_object_equal (merged, o) && !json_object_equal (merged, t) &&
      !card_loads (top, merged))
    {
      /* Both sides' changes together break a rule (ICE on a card theirs made
       * an impact, an experiment that now ends before it starts): the card
       * is ours as a whole, and each change of theirs becomes a conflict. */
      g_autoptr(GPtrArray) names = member_names (o, t, b);

      while (json_array_get_length (m->conflicts) > mark)
        json_array_remove_element (m->conflicts, json_array_get_length (m->conflicts) - 1);
      json_object_unref (merged);
      merged = json_object_ref (o);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = names->pdata[i];
          JsonNode *bv = member_or_null (b, name), *ov = member_or_null (o, name);
          JsonNode *tv = member_or_null (t, name);

          if (g_str_equal (name, "id") || _imp_json_equal (bv, tv) || _imp_json_equal (ov, tv))
            continue;
          add_conflict (m, "card", id, NULL, NULL, name, bv, ov, tv);
        }
      /* An object copy, so the caller can own it like a merged one. */
      {
        JsonObject *copy = json_object_new ();
        GList *list = json_object_get_members (merged);

        for (GList *l = list; l; l = l->next)
          json_object_set_member (copy, l->data,
                                  json_node_copy (json_object_get_member (merged, l->data)));
        g_list_free (list);
        json_object_unref (merged);
        merged = copy;
      }
    }

  return merged;
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return a != NULL && b != NULL && strcmp (a, b) == 0;
}

/* Existence on three sides: which side's version to keep (NULL: none),
 * recording a conflict when one side deleted what the other changed. */
static gpointer
keep_or_drop (Merge       *m,
              const char  *kind,
              const char  *card,
              const char  *from,
              const char  *to,
              const char  *b_text,
              gpointer     o,
              const char  *o_text,
              gpointer     t,
              const char  *t_text,
              JsonObject *(*object_of) (gpointer))
{
  gpointer present = o ? o : t;
  const char *present_text = o ? o_text : t_text;

  if (b_text == NULL)
    return present; /* added on one side */
  if (present == NULL)
    return NULL; /* deleted on both */
  if (same_text (b_text, present_text))
    return NULL; /* deleted on one side, untouched on the other */

  {
    g_autoptr(JsonNode) bn = NULL;
    g_autoptr(JsonNode) on = object_node (o ? object_of (o) : NULL);
    g_autoptr(JsonNode) tn = object_node (t ? object_of (t) : NULL);
    g_autoptr(JsonNode) parsed = json_from_string (b_text, NULL);

    bn = g_steal_pointer (&parsed);
    add_conflict (m, kind, card, from, to, NULL, bn, on, tn);
  }
  return present;
}

static JsonObject *
card_object_cb (gpointer card)
{
  return _imp_snapshot_card_object (card);
}

static JsonObject *
link_object_cb (gpointer link)
{
  return _imp_snapshot_link_object (link);
}

static const char *
text_of_card (ImpSnapCard *card)
{
  return card ? card->text : NULL;
}

static const char *
text_of_link (ImpSnapLink *link)
{
  return link ? link->text : NULL;
}

/* The merged cards as texts of JSON objects, ours' order, theirs' new ones after. */
static GPtrArray *
merge_cards (Merge      *m,
             JsonObject *top)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sides[] = { m->ours->cards, m->theirs->cards };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        ImpSnapCard *card = sides[s]->pdata[i];

        if (g_hash_table_add (seen, card->id))
          g_ptr_array_add (ids, card->id);
      }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      ImpSnapCard *b = _imp_snapshot_card (m->base, id);
      ImpSnapCard *o = _imp_snapshot_card (m->ours, id);
      ImpSnapCard *t = _imp_snapshot_card (m->theirs, id);

      if (o != NULL && t != NULL)
        {
          if (same_text (o->text, t->text) || same_text (text_of_card (b), t->text))
            g_ptr_array_add (texts, g_strdup (o->text));
          else if (same_text (text_of_card (b), o->text))
            g_ptr_array_add (texts, g_strdup (t->text));
          else
            {
              g_autoptr(JsonObject) merged = merge_card (m, top, id,
                                                         _imp_snapshot_card_object (b),
                                                         _imp_snapshot_card_object (o),
                                                         _imp_snapshot_card_object (t));
              g_autoptr(JsonNode) node = object_node (merged);

              g_ptr_array_add (texts, json_to_string (node, FALSE));
            }
        }
      else
        {
          ImpSnapCard *keep = keep_or_drop (m, "card-deleted", id, NULL, NULL, text_of_card (b),
                                            o, text_of_card (o), t, text_of_card (t),
                                            card_object_cb);

          if (keep != NULL)
            g_ptr_array_add (texts, g_strdup (keep->text));
        }
    }

  return texts;
}

/* A card moved to two different tree parents: theirs' new link into it is
 * left out (and recorded), ours' kept. */
static gboolean
is_rival_move (Merge      *m,
               const char *from,
               const char *to,
               const char *key)
{
  const char *pb, *po, *pt;

  if (_imp_snapshot_card (m->base, to) == NULL)
    return FALSE;
  pb = _imp_snapshot_parent (m->base, to);
  po = _imp_snapshot_parent (m->ours, to);
  pt = _imp_snapshot_parent (m->theirs, to);

  return g_strcmp0 (pt, from) == 0 && g_strcmp0 (po, pb) != 0 && g_strcmp0 (pt, pb) != 0 &&
         g_strcmp0 (po, pt) != 0 && _imp_snapshot_link (m->ours, key) == NULL;
}

/* A merged link: one side's as it is, or a merge of both. */
typedef struct
{
  const char  *from;
  const char  *to;
  ImpSnapLink *side;    /* taken whole from this side */
  JsonObject  *merged;  /* or merged from both (owned) */
} MergedLink;

static void
merged_link_clear (MergedLink *link)
{
  g_clear_pointer (&link->merged, json_object_unref);
}

static GArray *
merge_links (Merge *m)
{
  GArray *links = g_array_new (FALSE, TRUE, sizeof (MergedLink));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sides[] = { m->ours->links, m->theirs->links };

  g_array_set_clear_func (links, (GDestroyNotify) merged_link_clear);
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        ImpSnapLink *link = sides[s]->pdata[i];

        if (g_hash_table_add (seen, link->key))
          g_ptr_array_add (keys, link->key);
      }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      ImpSnapLink *b = _imp_snapshot_link (m->base, key);
      ImpSnapLink *o = _imp_snapshot_link (m->ours, key);
      ImpSnapLink *t = _imp_snapshot_link (m->theirs, key);
      ImpSnapLink *any = o ? o : t;
      MergedLink out = { any->from, any->to, NULL, NULL };

      if (o != NULL && t != NULL)
        {
          if (same_text (o->text, t->text) || same_text (text_of_link (b), t->text))
            out.side = o;
          else if (same_text (text_of_link (b), o->text))
            out.side = t;
          else
            {
              Where where = { m, "link", NULL, any->from, any->to };

              out.merged = merge_object (&where, NULL, _imp_snapshot_link_object (b),
                                         _imp_snapshot_link_object (o),
                                         _imp_snapshot_link_object (t), link_skip, TRUE);
            }
        }
      else if (o == NULL && b == NULL && is_rival_move (m, any->from, any->to, key))
        {
          const char *pb = _imp_snapshot_parent (m->base, any->to);
          const char *po = _imp_snapshot_parent (m->ours, any->to);
          g_autoptr(JsonNode) base_parent = pb ? json_node_init_string (json_node_alloc (), pb) : NULL;
          g_autoptr(JsonNode) ours_parent = po ? json_node_init_string (json_node_alloc (), po) : NULL;
          g_autoptr(JsonNode) theirs_parent = json_node_init_string (json_node_alloc (), any->from);

          add_conflict (m, "parent", any->to, NULL, NULL, NULL, base_parent, ours_parent,
                        theirs_parent);
          continue;
        }
      else
        out.side = keep_or_drop (m, "link-deleted", NULL, any->from, any->to, text_of_link (b),
                                 o, text_of_link (o), t, text_of_link (t), link_object_cb);

      if (out.side != NULL || out.merged != NULL)
        g_array_append_val (links, out);
    }

  return links;
}

/* The records both sides already held, ours first, each once. */
static void
carry_conflicts (Merge      *m,
                 JsonArray  *into)
{
  ImpSnapshot *sides[] = { m->ours, m->theirs };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      JsonNode *old = json_object_get_member (sides[s]->top, IMP_MERGE_CONFLICTS);
      JsonArray *array;

      if (old == NULL || !JSON_NODE_HOLDS_ARRAY (old))
        continue;
      array = json_node_get_array (old);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *record = json_array_get_element (array, i);

          if (g_hash_table_add (seen, json_to_string (record, FALSE)))
            json_array_add_element (into, json_node_copy (record));
        }
    }
}

/* A link's members other than its ends, onto the link made in @map. */
static void
set_link_members (ImpMap     *map,
                  ImpLink    *link,
                  JsonObject *object)
{
  g_autoptr(JsonObject) extra = NULL;
  GList *names = json_object_get_members (object);

  for (GList *l = names; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      const char *text = JSON_NODE_HOLDS_VALUE (value) &&
                         json_node_get_value_type (value) == G_TYPE_STRING
                         ? json_node_get_string (value) : NULL;
      ImpConfidence confidence;
      ImpLinkStatus status;

      if (g_str_equal (name, "from") || g_str_equal (name, "to"))
        continue;
      if (g_str_equal (name, "assumption") && text != NULL)
        _imp_map_set_link_assumption (map, link, text);
      else if (g_str_equal (name, "confidence") && text != NULL &&
               imp_confidence_from_string (text, &confidence))
        _imp_map_set_link_confidence (map, link, confidence);
      else if (g_str_equal (name, "status") && text != NULL &&
               imp_link_status_from_string (text, &status))
        _imp_map_set_link_status (map, link, status);
      else
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, json_node_copy (value));
        }
    }
  g_list_free (names);
  if (extra != NULL)
    _imp_map_set_link_extra (map, link, extra);
}

/* Makes the links that the merged cards accept, in order, each refused one
 * recorded: a link into a card the other side deleted, one that breaks the
 * level rule after the other side changed a level, one that closes a cycle
 * made of both sides' moves. */
static void
make_links (Merge   *m,
            ImpMap  *map,
            GArray  *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      MergedLink *merged = &g_array_index (links, MergedLink, i);
      ImpNode *parent = imp_map_lookup_node (map, merged->from);
      ImpNode *child = imp_map_lookup_node (map, merged->to);
      g_autoptr(GError) error = NULL;
      ImpLink *link = NULL;

      if (parent == NULL || child == NULL ||
          !(link = _imp_map_link (map, parent, child, -1, &error)))
        {
          g_autofree char *key = _imp_snapshot_link_key (merged->from, merged->to);
          g_autoptr(JsonNode) ours = object_node (
            _imp_snapshot_link_object (_imp_snapshot_link (m->ours, key)));
          g_autoptr(JsonNode) theirs = object_node (
            _imp_snapshot_link_object (_imp_snapshot_link (m->theirs, key)));
          JsonObject *record = add_conflict (m, "link-refused", NULL, merged->from, merged->to,
                                             NULL, NULL, ours, theirs);

          json_object_set_string_member (record, "message",
                                         error ? error->message
                                               : _("one of its cards was deleted"));
          continue;
        }

      /* A link with no member but its ends needs no parsing. */
      if (merged->merged != NULL)
        set_link_members (map, link, merged->merged);
      else if (strchr (merged->side->text, ',') != strrchr (merged->side->text, ','))
        set_link_members (map, link, _imp_snapshot_link_object (merged->side));
    }
}

ImpMap *
imp_merge_maps (ImpMap  *base,
                ImpMap  *ours,
                ImpMap  *theirs,
                guint   *n_conflicts,
                GError **error)
{
  Merge m = { NULL, };
  g_autoptr(ImpSnapshot) b = NULL;
  g_autoptr(ImpSnapshot) o = NULL;
  g_autoptr(ImpSnapshot) t = NULL;
  g_autoptr(JsonObject) top = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(JsonArray) all_conflicts = NULL;
  g_autoptr(ImpMap) merged = NULL;
  g_autoptr(JsonNode) top_node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *top_text = NULL;
  GString *text;
  Where where;

  g_return_val_if_fail (IMP_IS_MAP (base), NULL);
  g_return_val_if_fail (IMP_IS_MAP (ours), NULL);
  g_return_val_if_fail (IMP_IS_MAP (theirs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  m.base = b = _imp_snapshot_new (base);
  m.ours = o = _imp_snapshot_new (ours);
  m.theirs = t = _imp_snapshot_new (theirs);
  m.conflicts = json_array_new ();

  where = (Where) { &m, "map", NULL, NULL, NULL };
  top = merge_object (&where, NULL, b->top, o->top, t->top, top_skip, TRUE);
  json_object_remove_member (top, "nodes");
  json_object_remove_member (top, "links");
  json_object_remove_member (top, IMP_MERGE_CONFLICTS);
  cards = merge_cards (&m, top);

  /* The map's members and the cards, read as a file would be; then each
   * link made and checked against them. */
  top_node = object_node (top);
  top_text = json_to_string (top_node, FALSE);
  text = g_string_new_len (top_text, strlen (top_text) - 1);
  g_string_append (text, ",\"nodes\":[");
  for (guint i = 0; i < cards->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, cards->pdata[i]);
    }
  g_string_append (text, "],\"links\":[]}");
  merged = imp_format_load_data (text->str, text->len, &local_error);
  g_string_free (text, TRUE);
  if (merged == NULL)
    {
      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_VALUE,
                   _("The merged cards do not make a map: %s"), local_error->message);
      json_array_unref (m.conflicts);
      return NULL;
    }

  links = merge_links (&m);
  make_links (&m, merged, links);

  all_conflicts = json_array_new ();
  carry_conflicts (&m, all_conflicts);
  for (guint i = 0; i < json_array_get_length (m.conflicts); i++)
    json_array_add_element (all_conflicts, json_node_copy (json_array_get_element (m.conflicts, i)));
  if (json_array_get_length (all_conflicts) > 0)
    {
      JsonObject *old = imp_map_get_extra (merged);
      g_autoptr(JsonObject) extra = json_object_new ();
      JsonNode *records = json_node_alloc ();

      if (old != NULL)
        {
          GList *names = json_object_get_members (old);

          for (GList *l = names; l; l = l->next)
            json_object_set_member (extra, l->data,
                                    json_node_copy (json_object_get_member (old, l->data)));
          g_list_free (names);
        }
      json_node_init_array (records, all_conflicts);
      json_object_set_member (extra, IMP_MERGE_CONFLICTS, records);
      _imp_map_set_extra (merged, extra);
    }

  if (n_conflicts != NULL)
    *n_conflicts = json_array_get_length (all_conflicts);
  json_array_unref (m.conflicts);

  return g_steal_pointer (&merged);
}

guint
imp_merge_count_conflicts (ImpMap *map)
{
  JsonObject *extra;
  JsonNode *node;

  g_return_val_if_fail (IMP_IS_MAP (map), 0);

  extra = imp_map_get_extra (map);
  if (extra == NULL || !(node = json_object_get_member (extra, IMP_MERGE_CONFLICTS)) ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return 0;

  return json_array_get_length (json_node_get_array (node));
}
