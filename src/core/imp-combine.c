/* imp-combine.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-combine"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "imp-combine.h"
#include "imp-format.h"
#include "imp-map-private.h"
#include "imp-teams-private.h"

/* Breakout groups map the same goal without a common history: their cards
 * are matched by what they say, not by id. A card is the same card as one
 * of another map when it has the same level and the same normalised title
 * (case, width and runs of spaces aside) under the same path of normalised
 * titles up to its root. The first map that has a card gives its fields;
 * every map that has it is named in its "proposed-by". */

static char *
normalise (const char *title)
{
  g_autofree char *nfkc = g_utf8_normalize (title ? title : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc ? nfkc : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The key of @node: its level and normalised title after its tree parent's key. */
static const char *
key_of (GHashTable *keys,
        ImpNode    *node)
{
  const char *key = g_hash_table_lookup (keys, node);
  ImpNode *parent;
  g_autofree char *title = NULL;
  char *made;

  if (key != NULL)
    return key;

  parent = imp_node_get_tree_parent (node);
  title = normalise (node->title);
  made = g_strdup_printf ("%s\x1f%d:%s", parent ? key_of (keys, parent) : "", node->level, title);
  g_hash_table_insert (keys, node, made);
  return made;
}

typedef struct
{
  JsonObject *card;      /* the combined card (owned) */
  JsonArray  *by;        /* its "proposed-by" (borrowed from @card) */
  char       *id;
} Card;

static void
card_free (Card *card)
{
  json_object_unref (card->card);
  g_free (card->id);
  g_free (card);
}

ImpMap *
imp_combine_maps (ImpMap            **maps,
                  const char *const  *labels,
                  guint               n_maps,
                  GError            **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free); /* "from\nto" */
  g_autoptr(GHashTable) link_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ImpSnapshot) first = NULL;
  g_autoptr(JsonNode) top_node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *top_text = NULL;
  GString *text;
  ImpMap *combined;

  g_return_val_if_fail (maps != NULL && labels != NULL, NULL);

  if (n_maps < 2 || n_maps > IMP_COMBINE_MAX_MAPS)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("Combine takes 2 to %d maps, not %u"), IMP_COMBINE_MAX_MAPS, n_maps);
      return NULL;
    }

  for (guint m = 0; m < n_maps; m++)
    {
      g_autoptr(ImpSnapshot) snap = _imp_snapshot_new (maps[m]);
      g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autoptr(GHashTable) mapped = g_hash_table_new (NULL, NULL); /* node -> Card */

      for (guint i = 0; i < snap->cards->len; i++)
        {
          ImpSnapCard *snap_card = snap->cards->pdata[i];
          ImpNode *node = imp_map_lookup_node (maps[m], snap_card->id);
          const char *key = key_of (keys, node);
          Card *card = g_hash_table_lookup (by_key, key);

          if (card == NULL)
            {
              JsonObject *object = _imp_snapshot_card_object (snap_card);
              GList *names = json_object_get_members (object);

              card = g_new0 (Card, 1);
              card->card = json_object_new ();
              /* An id taken by another map's different card gets a new one. */
              if (!g_hash_table_contains (ids, snap_card->id))
                card->id = g_strdup (snap_card->id);
              else
                {
                  /* Numbered, not random: combining the same maps again
                   * gives the same file. */
                  for (guint k = 2; card->id == NULL || g_hash_table_contains (ids, card->id); k++)
                    {
                      g_free (card->id);
                      card->id = g_strdup_printf ("%s-%u", snap_card->id, k);
                    }
                }
              for (GList *l = names; l; l = l->next)
                {
                  if (g_str_equal (l->data, "id"))
                    json_object_set_string_member (card->card, "id", card->id);
                  else if (!g_str_equal (l->data, IMP_COMBINE_PROPOSED_BY))
                    json_object_set_member (card->card, l->data,
                                            json_node_copy (json_object_get_member (object,
                                                                                    l->data)));
                }
              g_list_free (names);
              card->by = json_array_new ();
              json_object_set_array_member (card->card, IMP_COMBINE_PROPOSED_BY, card->by);
              g_hash_table_add (ids, card->id);
              g_hash_table_insert (by_key, g_strdup (key), card);
              g_ptr_array_add (cards, card);
            }
          /* Each map once, in the order the maps were given. */
          if (json_array_get_length (card->by) == 0 ||
              g_strcmp0 (json_array_get_string_element (card->by,
                                                        json_array_get_length (card->by) - 1),
                         labels[m]) != 0)
            json_array_add_string_element (card->by, labels[m]);
          g_hash_table_insert (mapped, node, card);
        }

      for (guint i = 0; i < snap->links->len; i++)
        {
          ImpSnapLink *link = snap->links->pdata[i];
          Card *from = g_hash_table_lookup (mapped, imp_map_lookup_node (maps[m], link->from));
          Card *to = g_hash_table_lookup (mapped, imp_map_lookup_node (maps[m], link->to));
          char *key = _imp_snapshot_link_key (from->id, to->id);

          if (from == to || g_hash_table_contains (link_set, key))
            {
              g_free (key);
              continue;
            }
          g_hash_table_add (link_set, key);
          g_ptr_array_add (links, key);
        }
    }

  /* The first map's own members: its title, vocabulary and layout. */
  first = _imp_snapshot_new (maps[0]);
  top_node = json_node_init_object (json_node_alloc (), first->top);
  json_object_remove_member (first->top, "nodes");
  json_object_remove_member (first->top, "links");
  top_text = json_to_string (top_node, FALSE);
  text = g_string_new_len (top_text, strlen (top_text) - 1);
  g_string_append (text, ",\"nodes\":[");
  for (guint i = 0; i < cards->len; i++)
    {
      Card *card = cards->pdata[i];
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), card->card);
      g_autofree char *card_text = json_to_string (node, FALSE);

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, card_text);
    }
  g_string_append (text, "],\"links\":[]}");
  combined = imp_format_load_data (text->str, text->len, &local_error);
  g_string_free (text, TRUE);
  if (combined == NULL)
    {
      g_set_error (error, IMP_FORMAT_ERROR, IMP_FORMAT_ERROR_VALUE,
                   _("The combined cards do not make a map: %s"), local_error->message);
      return NULL;
    }

  /* Links in the order the maps gave them; one that the combined map
   * cannot hold (a cycle made of two maps' orders) is left out. */
  for (guint i = 0; i < links->len; i++)
    {
      g_auto(GStrv) ends = g_strsplit (links->pdata[i], "\n", 2);
      ImpNode *parent = imp_map_lookup_node (combined, ends[0]);
      ImpNode *child = imp_map_lookup_node (combined, ends[1]);

      if (parent != NULL && child != NULL)
        _imp_map_link (combined, parent, child, -1, NULL);
    }

  return combined;
}

/**
 * imp_combine_dup_proposed_by:
 *
 * Returns: (transfer full) (nullable): the labels of the maps that proposed
 *   @node, separated by ", "
 */
char *
imp_combine_dup_proposed_by (ImpNode *node)
{
  JsonNode *by;
  JsonArray *array;
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  if (node->extra == NULL || !(by = json_object_get_member (node->extra, IMP_COMBINE_PROPOSED_BY)) ||
      !JSON_NODE_HOLDS_ARRAY (by))
    return NULL;

  array = json_node_get_array (by);
  out = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, json_node_get_string (element));
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
