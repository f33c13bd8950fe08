/* imp-map.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "imp-map.h"
#include "imp-limits.h"
#include "imp-map-private.h"

struct _ImpMap
{
  GObject        parent_instance;

  char          *title;
  ImpVocabulary  vocabulary;
  ImpLayoutKind  layout;
  JsonObject    *extra;

  GPtrArray     *nodes;     /* (element-type ImpNode), document order */
  GHashTable    *by_id;     /* id -> ImpNode */
  GRand         *id_rand;   /* new ids; seeded from IMP_ID_SEED when set */
  guint          n_links;

  GPtrArray     *parked;    /* (element-type utf8): the parking lot */
  guint          budget_participants;   /* dot voting; 0 for no budget */
  guint          budget_dots;           /* dots each participant has */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VOCABULARY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpMap, imp_map, G_TYPE_OBJECT)
G_DEFINE_QUARK (imp-map-error-quark, imp_map_error)

/* g_set_str() is GLib 2.76, above our floor. */
static gboolean
set_str (char       **dest,
         const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);

  return TRUE;
}

static void
emit_changed (ImpMap        *self,
              ImpChangeKind  kind,
              gpointer       object)
{
  g_signal_emit (self, signals[CHANGED], 0, kind, object);
}

static void
imp_link_free (ImpLink *link)
{
  g_free (link->assumption);
  g_clear_pointer (&link->extra, json_object_unref);
  g_free (link);
}

static void
imp_node_free (ImpNode *node)
{
  g_free (node->id);
  g_free (node->title);
  g_free (node->notes);
  g_clear_pointer (&node->metric, imp_metric_free);
  g_clear_pointer (&node->experiment, imp_experiment_free);
  g_ptr_array_unref (node->parents);
  g_ptr_array_unref (node->children);
  g_clear_pointer (&node->extra, json_object_unref);
  g_free (node);
}

static void
imp_map_finalize (GObject *object)
{
  ImpMap *self = (ImpMap *) object;

  /* Links are owned by their child's parents array: free them once. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      ImpNode *node = g_ptr_array_index (self->nodes, i);

      for (guint j = 0; j < node->parents->len; j++)
        imp_link_free (g_ptr_array_index (node->parents, j));
      g_ptr_array_set_size (node->parents, 0);
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->parked, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->id_rand, g_rand_free);

  G_OBJECT_CLASS (imp_map_parent_class)->finalize (object);
}

static void
imp_map_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ImpMap *self = IMP_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, imp_map_get_title (self));
      break;

    case PROP_VOCABULARY:
      g_value_set_enum (value, imp_map_get_vocabulary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_map_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ImpMap *self = IMP_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      _imp_map_set_title (self, g_value_get_string (value));
      break;

    case PROP_VOCABULARY:
      _imp_map_set_vocabulary (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_map_class_init (ImpMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = imp_map_finalize;
  object_class->get_property = imp_map_get_property;
  object_class->set_property = imp_map_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VOCABULARY] =
    g_param_spec_enum ("vocabulary", NULL, NULL,
                       IMP_TYPE_VOCABULARY, IMP_VOCABULARY_CLASSIC,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ImpMap::changed:
   * @self: the map
   * @kind: an #ImpChangeKind
   * @object: (nullable): the #ImpNode or #ImpLink concerned
   *
   * Emitted after every change to the document, saying what changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_POINTER);
}

static void
imp_map_init (ImpMap *self)
{
  self->title = g_strdup ("");
  self->vocabulary = IMP_VOCABULARY_CLASSIC;
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_node_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->parked = g_ptr_array_new_with_free_func (g_free);
}

/**
 * imp_map_new:
 *
 * Returns: (transfer full): an empty map with the classic vocabulary.
 */
ImpMap *
imp_map_new (void)
{
  return g_object_new (IMP_TYPE_MAP, NULL);
}

/**
 * imp_map_new_with_goal:
 * @goal_title: the title of the goal
 *
 * Returns: (transfer full): a new map holding one goal node.
 */
ImpMap *
imp_map_new_with_goal (const char *goal_title)
{
  ImpMap *self = imp_map_new ();

  _imp_map_add_node (self, IMP_LEVEL_GOAL, goal_title, NULL, NULL);

  return self;
}

const char *
imp_map_get_title (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  return self->title;
}

void
_imp_map_set_title (ImpMap     *self,
                   const char *title)
{
  g_return_if_fail (IMP_IS_MAP (self));

  if (title == NULL)
    title = "";

  if (set_str (&self->title, title))
    {
      emit_changed (self, IMP_CHANGE_MAP_TITLE, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

ImpVocabulary
imp_map_get_vocabulary (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), IMP_VOCABULARY_CLASSIC);

  return self->vocabulary;
}

/**
 * imp_map_check_vocabulary:
 *
 * Checks that every link still fits after a switch to @vocabulary: leaving
 * the three-tier vocabulary is refused while a goal links to an impact
 * directly, since the other vocabularies need an actor in between.
 *
 * Returns: %TRUE if the map may switch to @vocabulary, else %FALSE with @error set.
 */
gboolean
imp_map_check_vocabulary (ImpMap         *self,
                          ImpVocabulary   vocabulary,
                          GError        **error)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);
  g_return_val_if_fail ((guint) vocabulary < IMP_N_VOCABULARIES, FALSE);

  if (imp_vocabulary_hides_actors (vocabulary))
    return TRUE;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      ImpNode *node = g_ptr_array_index (self->nodes, i);

      if (node->level != IMP_LEVEL_GOAL)
        continue;

      for (guint j = 0; j < node->children->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->children, j);

          if (link->child->level == IMP_LEVEL_IMPACT)
            {
              g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
                           _("“%s” links straight to “%s”: put an actor between them "
                             "before leaving the three-tier vocabulary"),
                           node->title, link->child->title);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * imp_map_get_layout:
 *
 * Returns: how the map is drawn; %IMP_LAYOUT_RIGHT unless chosen
 */
ImpLayoutKind
imp_map_get_layout (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), IMP_LAYOUT_RIGHT);

  return self->layout;
}

void
_imp_map_set_layout (ImpMap        *self,
                     ImpLayoutKind  kind)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail ((guint) kind < IMP_N_LAYOUTS);

  if (self->layout == kind)
    return;

  self->layout = kind;
  emit_changed (self, IMP_CHANGE_LAYOUT, NULL);
}

/**
 * _imp_map_set_vocabulary:
 *
 * Changes the level names. Refused, with nothing changed, when
 * imp_map_check_vocabulary() says the links would no longer fit.
 *
 * Returns: whether the map now uses @vocabulary.
 */
gboolean
_imp_map_set_vocabulary (ImpMap        *self,
                        ImpVocabulary  vocabulary)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);
  g_return_val_if_fail ((guint) vocabulary < IMP_N_VOCABULARIES, FALSE);

  if (self->vocabulary == vocabulary)
    return TRUE;

  if (!imp_map_check_vocabulary (self, vocabulary, NULL))
    return FALSE;

  self->vocabulary = vocabulary;
  emit_changed (self, IMP_CHANGE_VOCABULARY, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOCABULARY]);

  return TRUE;
}

/**
 * imp_map_get_extra:
 *
 * Returns: (transfer none) (nullable): the top-level members of the file that
 *   this version does not know, written back unchanged on save.
 */
JsonObject *
imp_map_get_extra (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  return self->extra;
}

void
_imp_map_set_extra (ImpMap     *self,
                   JsonObject *extra)
{
  g_return_if_fail (IMP_IS_MAP (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

void
_imp_map_set_extra_member (ImpMap     *self,
                           const char *name,
                           JsonNode   *value)
{
  JsonNode *old;
  JsonObject *extra;

  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (name != NULL);

  old = self->extra != NULL ? json_object_get_member (self->extra, name) : NULL;
  if (old == NULL && value == NULL)
    return;
  if (old != NULL && value != NULL && json_node_equal (old, value))
    return;

  /* A copy: the old object may be shared with a copy of the map. */
  extra = json_object_new ();
  if (self->extra != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (self->extra);

      for (GList *l = names; l != NULL; l = l->next)
        if (!g_str_equal (l->data, name))
          json_object_set_member (extra, l->data,
                                  json_node_copy (json_object_get_member (self->extra, l->data)));
    }
  if (value != NULL)
    json_object_set_member (extra, name, json_node_copy (value));
  g_clear_pointer (&self->extra, json_object_unref);
  if (json_object_get_size (extra) > 0)
    self->extra = extra;
  else
    json_object_unref (extra);
  emit_changed (self, IMP_CHANGE_REVIEWS, NULL);
}

guint
imp_map_get_n_nodes (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), 0);

  return self->nodes->len;
}

/**
 * imp_map_get_node:
 * @position: an index below imp_map_get_n_nodes()
 *
 * Nodes are kept in document order: the order of the file, then the order
 * of creation.
 *
 * Returns: (transfer none): the node at @position
 */
ImpNode *
imp_map_get_node (ImpMap *self,
                  guint   position)
{
  g_return_val_if_fail (IMP_IS_MAP (self), NULL);
  g_return_val_if_fail (position < self->nodes->len, NULL);

  return g_ptr_array_index (self->nodes, position);
}

/**
 * imp_map_lookup_node:
 *
 * Returns: (transfer none) (nullable): the node with @id, if any.
 */
ImpNode *
imp_map_lookup_node (ImpMap     *self,
                     const char *id)
{
  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

guint
imp_map_get_n_links (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), 0);

  return self->n_links;
}

/**
 * imp_map_get_roots:
 *
 * The nodes with no parent, in document order: goals, and any node not yet
 * connected (the app never forces an order of entry).
 *
 * Returns: (transfer container) (element-type ImpNode): the roots.
 */
GPtrArray *
imp_map_get_roots (ImpMap *self)
{
  GPtrArray *roots;

  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  roots = g_ptr_array_new ();
  for (guint i = 0; i < self->nodes->len; i++)
    {
      ImpNode *node = g_ptr_array_index (self->nodes, i);

      if (node->parents->len == 0)
        g_ptr_array_add (roots, node);
    }

  return roots;
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL))
    return FALSE;

  if (g_utf8_strlen (id, -1) > 256)
    return FALSE;

  /* Non-breaking and zero-width spaces count: an id must be seen to differ. */
  for (const char *p = id; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (imp_limits_is_space (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  return TRUE;
}

/* New ids are random, so two people adding cards to one map on two
 * branches never make the same id: 7 characters of an alphabet without
 * look-alikes (no 0/o, 1/l/i) give 31^7, about 2.7e10, ids; two branches
 * that add 1000 cards each share one with odds of about 1 in 27,000.
 * The first character is a letter so an id never reads as a number. A test
 * or a golden file fixes the sequence with IMP_ID_SEED=N (each map starts
 * over from that seed). */
static const char id_alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
#define ID_LETTERS 23
#define ID_LENGTH 7

static GRand *
id_rand_new (void)
{
  const char *seed = g_getenv ("IMP_ID_SEED");

  if (seed != NULL && *seed != '\0')
    return g_rand_new_with_seed ((guint32) g_ascii_strtoull (seed, NULL, 10));

  return g_rand_new ();
}

static char *
new_random_id (ImpMap *self)
{
  char id[ID_LENGTH + 1];

  if (self->id_rand == NULL)
    self->id_rand = id_rand_new ();

  id[0] = id_alphabet[g_rand_int_range (self->id_rand, 0, ID_LETTERS)];
  for (guint i = 1; i < ID_LENGTH; i++)
    id[i] = id_alphabet[g_rand_int_range (self->id_rand, 0, sizeof id_alphabet - 1)];
  id[ID_LENGTH] = '\0';

  return g_strdup (id);
}

/**
 * _imp_map_set_id_seed:
 * @seed: the seed of the generator of new ids
 *
 * Fixes the ids the map gives new cards from now on, as IMP_ID_SEED does for
 * every map: tests that make two sides of one map give each its own seed.
 */
void
_imp_map_set_id_seed (ImpMap  *self,
                      guint32  seed)
{
  g_return_if_fail (IMP_IS_MAP (self));

  g_clear_pointer (&self->id_rand, g_rand_free);
  self->id_rand = g_rand_new_with_seed (seed);
}

/**
 * _imp_map_add_node:
 * @level: the node's level
 * @title: (nullable): its title
 * @id: (nullable): its id, or %NULL to allocate a new one
 * @error: return location for an error
 *
 * Adds an unconnected node at the end of the document.
 *
 * Returns: (transfer none) (nullable): the node, or %NULL if @id is invalid or
 *   taken.
 */
ImpNode *
_imp_map_add_node (ImpMap      *self,
                  ImpLevel     level,
                  const char  *title,
                  const char  *id,
                  GError     **error)
{
  g_autofree char *new_id = NULL;
  ImpNode *node;

  g_return_val_if_fail (IMP_IS_MAP (self), NULL);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, NULL);

  if (id == NULL)
    {
      do
        {
          g_free (new_id);
          new_id = new_random_id (self);
        }
      while (g_hash_table_contains (self->by_id, new_id));
    }
  else if (!is_valid_id (id))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                   _("“%s” is not a valid node id: ids are 1 to 256 characters without spaces"),
                   id);
      return NULL;
    }
  else if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_DUPLICATE_ID,
                   _("Two nodes have the id “%s”"), id);
      return NULL;
    }
  else
    {
      new_id = g_strdup (id);
    }

  node = g_new0 (ImpNode, 1);
  node->id = g_steal_pointer (&new_id);
  node->level = level;
  node->title = g_strdup (title ? title : "");
  node->parents = g_ptr_array_new ();
  node->children = g_ptr_array_new ();

  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->by_id, node->id, node);

  emit_changed (self, IMP_CHANGE_NODE_ADDED, node);

  return node;
}

/**
 * _imp_map_remove_node:
 *
 * Removes @node and every link to and from it. Its children stay in the map,
 * possibly without a parent; removing a whole branch is the caller's loop.
 */
void
_imp_map_remove_node (ImpMap  *self,
                     ImpNode *node)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail (g_hash_table_lookup (self->by_id, node->id) == node);

  while (node->children->len > 0)
    _imp_map_unlink (self, g_ptr_array_index (node->children, node->children->len - 1));
  while (node->parents->len > 0)
    _imp_map_unlink (self, g_ptr_array_index (node->parents, node->parents->len - 1));

  emit_changed (self, IMP_CHANGE_NODE_REMOVED, node);

  g_hash_table_remove (self->by_id, node->id);
  g_ptr_array_remove (self->nodes, node);
}

/**
 * imp_map_is_ancestor:
 *
 * Returns: whether @ancestor is reachable from @node by following parents
 *   (any parent, not only the tree parent), or is @node itself.
 */
gboolean
imp_map_is_ancestor (ImpMap  *self,
                     ImpNode *ancestor,
                     ImpNode *node)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);

  if (ancestor == node)
    return TRUE;

  /* Levels strictly increase along links: nothing at or right of @node's
   * level can be its ancestor. */
  if (ancestor->level >= node->level)
    return FALSE;

  /* Levels strictly increase along links, so this walk always ends. */
  for (guint i = 0; i < node->parents->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->parents, i);

      if (imp_map_is_ancestor (self, ancestor, link->parent))
        return TRUE;
    }

  return FALSE;
}

/**
 * imp_map_can_link:
 *
 * Checks the rules of a link: one level to the right (goal → actor → impact →
 * deliverable → experiment), no link twice, no cycle.
 *
 * Returns: %TRUE if @parent → @child may be added, else sets @error.
 */
gboolean
imp_map_can_link (ImpMap   *self,
                  ImpNode  *parent,
                  ImpNode  *child,
                  GError  **error)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  if (imp_map_is_ancestor (self, child, parent))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_CYCLE,
                   _("“%s” cannot be linked under “%s”: that would make a cycle"),
                   child->title, parent->title);
      return FALSE;
    }

  if (!imp_level_may_parent (self->vocabulary, parent->level, child->level))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
                   _("“%s” cannot be linked under “%s”: a %s cannot follow a %s"),
                   child->title, parent->title,
                   imp_vocabulary_level_name (self->vocabulary, child->level),
                   imp_vocabulary_level_name (self->vocabulary, parent->level));
      return FALSE;
    }

  if (imp_map_find_link (self, parent, child) != NULL)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_DUPLICATE_LINK,
                   _("“%s” is already linked under “%s”"), child->title, parent->title);
      return FALSE;
    }

  return TRUE;
}

/**
 * _imp_map_link:
 * @position: where among @parent's children, or -1 for the end
 *
 * Links @child under @parent. The first parent a node gets is its tree
 * parent; later ones are cross-links.
 *
 * Returns: (transfer none) (nullable): the new link, or %NULL with @error set.
 */
ImpLink *
_imp_map_link (ImpMap   *self,
              ImpNode  *parent,
              ImpNode  *child,
              int       position,
              GError  **error)
{
  return _imp_map_link_full (self, parent, child, position, -1, error);
}

/**
 * _imp_map_link_full:
 * @position: where among @parent's children, or -1 for the end
 * @parent_position: where among @child's parents, or -1 for the end; 0
 *   makes @parent the tree parent
 *
 * Like _imp_map_link(), also choosing the place among the child's parents,
 * so that undoing an unlink puts a link back exactly where it was.
 *
 * Returns: (transfer none) (nullable): the new link, or %NULL with @error set.
 */
ImpLink *
_imp_map_link_full (ImpMap   *self,
                   ImpNode  *parent,
                   ImpNode  *child,
                   int       position,
                   int       parent_position,
                   GError  **error)
{
  ImpLink *link;

  if (!imp_map_can_link (self, parent, child, error))
    return NULL;

  link = g_new0 (ImpLink, 1);
  link->parent = parent;
  link->child = child;
  link->confidence = IMP_CONFIDENCE_UNSET;
  link->status = IMP_LINK_STATUS_UNTESTED;

  if (position < 0 || (guint) position > parent->children->len)
    g_ptr_array_add (parent->children, link);
  else
    g_ptr_array_insert (parent->children, position, link);
  if (parent_position < 0 || (guint) parent_position > child->parents->len)
    g_ptr_array_add (child->parents, link);
  else
    g_ptr_array_insert (child->parents, parent_position, link);
  self->n_links++;

  emit_changed (self, IMP_CHANGE_LINK_ADDED, link);

  return link;
}

/**
 * _imp_map_unlink:
 *
 * Removes @link. If it was its child's tree link, the next parent becomes
 * the tree parent.
 */
void
_imp_map_unlink (ImpMap  *self,
                ImpLink *link)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  g_ptr_array_remove (link->parent->children, link);
  g_ptr_array_remove (link->child->parents, link);
  self->n_links--;

  emit_changed (self, IMP_CHANGE_LINK_REMOVED, link);

  imp_link_free (link);
}

/**
 * imp_map_find_link:
 *
 * Returns: (transfer none) (nullable): the link @parent → @child, if any.
 */
ImpLink *
imp_map_find_link (ImpMap  *self,
                   ImpNode *parent,
                   ImpNode *child)
{
  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  for (guint i = 0; i < child->parents->len; i++)
    {
      ImpLink *link = g_ptr_array_index (child->parents, i);

      if (link->parent == parent)
        return link;
    }

  return NULL;
}

static void
move_in_array (GPtrArray *array,
               gpointer   item,
               guint      position)
{
  guint index;

  if (!g_ptr_array_find (array, item, &index))
    g_assert_not_reached ();

  position = MIN (position, array->len - 1);
  if (index == position)
    return;

  g_ptr_array_remove_index (array, index);
  g_ptr_array_insert (array, position, item);
}

/**
 * _imp_map_move_link:
 * @position: the new place among the parent's children (clamped)
 *
 * Reorders siblings: moves @link among its parent's children.
 */
void
_imp_map_move_link (ImpMap  *self,
                   ImpLink *link,
                   guint    position)
{
  guint old;

  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  old = imp_map_get_link_position (self, link);
  move_in_array (link->parent->children, link, position);
  if ((guint) imp_map_get_link_position (self, link) != old)
    emit_changed (self, IMP_CHANGE_LINK_CHANGED, link);
}

/**
 * _imp_map_move_link_in_parents:
 * @parent_position: the new place among the child's parents (clamped); 0
 *   makes the link the child's tree link
 */
void
_imp_map_move_link_in_parents (ImpMap  *self,
                              ImpLink *link,
                              guint    parent_position)
{
  guint old;

  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  old = imp_map_get_link_parent_position (self, link);
  move_in_array (link->child->parents, link, parent_position);
  if ((guint) imp_map_get_link_parent_position (self, link) != old)
    emit_changed (self, IMP_CHANGE_LINK_CHANGED, link);
}

/**
 * imp_map_get_link_position:
 *
 * Returns: the index of @link among its parent's children
 */
int
imp_map_get_link_position (ImpMap  *self,
                           ImpLink *link)
{
  guint index;

  g_return_val_if_fail (IMP_IS_MAP (self), -1);
  g_return_val_if_fail (link != NULL, -1);

  return g_ptr_array_find (link->parent->children, link, &index) ? (int) index : -1;
}

/**
 * imp_map_get_link_parent_position:
 *
 * Returns: the index of @link among its child's parents (0: the tree link)
 */
int
imp_map_get_link_parent_position (ImpMap  *self,
                                  ImpLink *link)
{
  guint index;

  g_return_val_if_fail (IMP_IS_MAP (self), -1);
  g_return_val_if_fail (link != NULL, -1);

  return g_ptr_array_find (link->child->parents, link, &index) ? (int) index : -1;
}

/**
 * imp_map_get_node_index:
 *
 * Returns: the place of @node in document order, or -1 if not in the map
 */
int
imp_map_get_node_index (ImpMap  *self,
                        ImpNode *node)
{
  guint index;

  g_return_val_if_fail (IMP_IS_MAP (self), -1);

  return g_ptr_array_find (self->nodes, node, &index) ? (int) index : -1;
}

/**
 * _imp_map_move_node_to_index:
 * @position: the new place in document order (clamped)
 *
 * Moves @node in document order, so that a node put back by undo sits
 * where it was and the saved file is the same.
 */
void
_imp_map_move_node_to_index (ImpMap  *self,
                            ImpNode *node,
                            guint    position)
{
  int old;

  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  old = imp_map_get_node_index (self, node);
  g_return_if_fail (old >= 0);

  /* The array's free func must not run on a node that only moves. */
  g_ptr_array_steal_index (self->nodes, old);
  position = MIN (position, self->nodes->len);
  g_ptr_array_insert (self->nodes, position, node);

  if ((guint) old != position)
    emit_changed (self, IMP_CHANGE_NODE_POSITION, node);
}

/**
 * _imp_map_set_node_extra:
 * @extra: (nullable): members this version does not know
 */
void
_imp_map_set_node_extra (ImpMap     *self,
                        ImpNode    *node,
                        JsonObject *extra)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&node->extra, json_object_unref);
  node->extra = extra;
}

/**
 * _imp_map_set_link_extra:
 * @extra: (nullable): members this version does not know
 */
void
_imp_map_set_link_extra (ImpMap     *self,
                        ImpLink    *link,
                        JsonObject *extra)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&link->extra, json_object_unref);
  link->extra = extra;
}

void
_imp_map_set_node_title (ImpMap     *self,
                        ImpNode    *node,
                        const char *title)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  if (set_str (&node->title, title ? title : ""))
    emit_changed (self, IMP_CHANGE_NODE_TEXT, node);
}

void
_imp_map_set_node_notes (ImpMap     *self,
                        ImpNode    *node,
                        const char *notes)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  if (notes != NULL && *notes == '\0')
    notes = NULL;

  if (set_str (&node->notes, notes))
    emit_changed (self, IMP_CHANGE_NODE_TEXT, node);
}

/**
 * _imp_map_set_node_level:
 *
 * Changes the level of an unconnected node, or of a connected one when all
 * its links still fit the new level.
 *
 * Returns: %TRUE on success, else %FALSE with @error set and nothing changed.
 */
gboolean
_imp_map_set_node_level (ImpMap    *self,
                        ImpNode   *node,
                        ImpLevel   level,
                        GError   **error)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, FALSE);

  if (node->level == level)
    return TRUE;

  for (guint i = 0; i < node->parents->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->parents, i);

      if (!imp_level_may_parent (self->vocabulary, link->parent->level, level))
        goto mismatch;
    }

  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->children, i);

      if (!imp_level_may_parent (self->vocabulary, level, link->child->level))
        goto mismatch;
    }

  node->level = level;
  emit_changed (self, IMP_CHANGE_NODE_TEXT, node);

  return TRUE;

mismatch:
  g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
               _("“%s” cannot become a %s: its links would no longer go one level to the right"),
               node->title, imp_vocabulary_level_name (self->vocabulary, level));
  return FALSE;
}

void
_imp_map_set_node_position (ImpMap  *self,
                           ImpNode *node,
                           gboolean pinned,
                           double   x,
                           double   y)
{
  g_return_if_fail (IMP_IS_MAP (self));

  _imp_map_set_node_pin (self, node, self->layout, pinned, x, y);
}

/**
 * _imp_map_set_node_pin:
 * @kind: the layout the pin belongs to
 *
 * Pins @node at (@x, @y) in @kind's layout, or leaves it to that layout
 * when @pinned is %FALSE. The pins of the other layouts stay.
 */
void
_imp_map_set_node_pin (ImpMap        *self,
                       ImpNode       *node,
                       ImpLayoutKind  kind,
                       gboolean       pinned,
                       double         x,
                       double         y)
{
  gboolean *p_pinned;
  double *p_x, *p_y;

  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail ((guint) kind < IMP_N_LAYOUTS);

  if (!pinned)
    x = y = 0;
  else if (!isfinite (x) || !isfinite (y))
    return;

  if (kind == IMP_LAYOUT_RIGHT)
    {
      p_pinned = &node->pinned;
      p_x = &node->x;
      p_y = &node->y;
    }
  else
    {
      p_pinned = &node->layout_pins[kind - 1].pinned;
      p_x = &node->layout_pins[kind - 1].x;
      p_y = &node->layout_pins[kind - 1].y;
    }

  if (*p_pinned == !!pinned && *p_x == x && *p_y == y)
    return;

  *p_pinned = !!pinned;
  *p_x = x;
  *p_y = y;
  /* A pin of a layout not on show moves nothing. */
  if (kind == self->layout)
    emit_changed (self, IMP_CHANGE_NODE_POSITION, node);
}

void
_imp_map_set_node_collapsed (ImpMap  *self,
                            ImpNode *node,
                            gboolean collapsed)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  if (node->collapsed == !!collapsed)
    return;

  node->collapsed = !!collapsed;
  emit_changed (self, IMP_CHANGE_NODE_COLLAPSED, node);
}

/**
 * _imp_map_set_node_metric:
 * @metric: (nullable): the metric to copy, or %NULL to remove it
 */
void
_imp_map_set_node_metric (ImpMap          *self,
                         ImpNode         *node,
                         const ImpMetric *metric)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  if (imp_metric_equal (node->metric, metric))
    return;

  g_clear_pointer (&node->metric, imp_metric_free);
  if (metric != NULL)
    node->metric = imp_metric_copy (metric);
  emit_changed (self, IMP_CHANGE_NODE_PAYLOAD, node);
}

/**
 * _imp_map_set_node_delivery:
 *
 * Sets where a deliverable's work stands. Shipped needs the day it
 * shipped; any other status has none.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
_imp_map_set_node_delivery (ImpMap             *self,
                            ImpNode            *node,
                            const ImpDelivery  *delivery,
                            GError            **error)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);
  g_return_val_if_fail (node != NULL && delivery != NULL, FALSE);

  if ((guint) delivery->status > IMP_DELIVERY_DROPPED ||
      (delivery->status == IMP_DELIVERY_SHIPPED && !imp_metric_is_valid_date (delivery->shipped)) ||
      (delivery->status != IMP_DELIVERY_SHIPPED && delivery->shipped[0] != '\0'))
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("Shipped work needs the day it shipped, written YYYY-MM-DD"));
      return FALSE;
    }

  if (!imp_delivery_equal (&node->delivery, delivery))
    {
      node->delivery = *delivery;
      emit_changed (self, IMP_CHANGE_NODE_PAYLOAD, node);
    }

  return TRUE;
}

/**
 * _imp_map_set_node_ice:
 *
 * Sets the ICE scores; each must be 0 (not scored) or 1–10.
 *
 * Returns: %TRUE on success, else %FALSE with @error set.
 */
gboolean
_imp_map_set_node_ice (ImpMap        *self,
                      ImpNode       *node,
                      const ImpIce  *ice,
                      GError       **error)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);
  g_return_val_if_fail (node != NULL && ice != NULL, FALSE);

  if (ice->impact > 10 || ice->confidence > 10 || ice->ease > 10)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("ICE scores go from 1 to 10"));
      return FALSE;
    }

  if (memcmp (&node->ice, ice, sizeof *ice) != 0)
    {
      node->ice = *ice;
      emit_changed (self, IMP_CHANGE_NODE_PAYLOAD, node);
    }

  return TRUE;
}

/**
 * _imp_map_set_node_experiment:
 * @experiment: (nullable): the experiment to copy, or %NULL to remove it
 */
void
_imp_map_set_node_experiment (ImpMap              *self,
                             ImpNode             *node,
                             const ImpExperiment *experiment)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  if (imp_experiment_equal (node->experiment, experiment))
    return;

  g_clear_pointer (&node->experiment, imp_experiment_free);
  if (experiment != NULL)
    node->experiment = imp_experiment_copy (experiment);
  emit_changed (self, IMP_CHANGE_NODE_PAYLOAD, node);
}

void
_imp_map_set_link_assumption (ImpMap     *self,
                             ImpLink    *link,
                             const char *assumption)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  if (assumption != NULL && *assumption == '\0')
    assumption = NULL;

  if (set_str (&link->assumption, assumption))
    emit_changed (self, IMP_CHANGE_LINK_CHANGED, link);
}

void
_imp_map_set_link_confidence (ImpMap        *self,
                             ImpLink       *link,
                             ImpConfidence  confidence)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  if (link->confidence != confidence)
    {
      link->confidence = confidence;
      emit_changed (self, IMP_CHANGE_LINK_CHANGED, link);
    }
}

void
_imp_map_set_link_status (ImpMap        *self,
                         ImpLink       *link,
                         ImpLinkStatus  status)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (link != NULL);

  if (link->status != status)
    {
      link->status = status;
      emit_changed (self, IMP_CHANGE_LINK_CHANGED, link);
    }
}

static gboolean
json_object_equal0 (JsonObject *a,
                    JsonObject *b)
{
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;

  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);

  na = json_node_init_object (json_node_alloc (), a);
  nb = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (na, nb);
}

static gboolean
links_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      ImpLink *la = g_ptr_array_index (a, i);
      ImpLink *lb = g_ptr_array_index (b, i);

      if (g_strcmp0 (la->parent->id, lb->parent->id) != 0 ||
          g_strcmp0 (la->child->id, lb->child->id) != 0 ||
          g_strcmp0 (la->assumption, lb->assumption) != 0 ||
          la->confidence != lb->confidence ||
          la->status != lb->status ||
          !json_object_equal0 (la->extra, lb->extra))
        return FALSE;
    }

  return TRUE;
}

static gboolean
layout_pins_equal (const ImpNode *a,
                   const ImpNode *b)
{
  for (guint k = 0; k < G_N_ELEMENTS (a->layout_pins); k++)
    if (a->layout_pins[k].pinned != b->layout_pins[k].pinned ||
        a->layout_pins[k].x != b->layout_pins[k].x ||
        a->layout_pins[k].y != b->layout_pins[k].y)
      return FALSE;

  return TRUE;
}

/**
 * imp_map_equal:
 *
 * Compares two documents: title, vocabulary, every node with every field in
 * the same order, every link with its fields, parent and sibling order, and
 * members kept from newer versions. Used to prove round trips lossless.
 *
 * Returns: whether @a and @b hold the same document.
 */
gboolean
imp_map_equal (ImpMap *a,
               ImpMap *b)
{
  g_return_val_if_fail (IMP_IS_MAP (a) && IMP_IS_MAP (b), FALSE);

  if (g_strcmp0 (a->title, b->title) != 0 ||
      a->vocabulary != b->vocabulary ||
      a->layout != b->layout ||
      a->nodes->len != b->nodes->len ||
      a->n_links != b->n_links ||
      !json_object_equal0 (a->extra, b->extra) ||
      a->parked->len != b->parked->len ||
      a->budget_participants != b->budget_participants ||
      a->budget_dots != b->budget_dots)
    return FALSE;

  for (guint i = 0; i < a->parked->len; i++)
    if (g_strcmp0 (a->parked->pdata[i], b->parked->pdata[i]) != 0)
      return FALSE;

  for (guint i = 0; i < a->nodes->len; i++)
    {
      ImpNode *na = g_ptr_array_index (a->nodes, i);
      ImpNode *nb = g_ptr_array_index (b->nodes, i);

      if (g_strcmp0 (na->id, nb->id) != 0 ||
          na->level != nb->level ||
          g_strcmp0 (na->title, nb->title) != 0 ||
          g_strcmp0 (na->notes, nb->notes) != 0 ||
          na->pinned != nb->pinned ||
          na->x != nb->x ||
          na->y != nb->y ||
          !layout_pins_equal (na, nb) ||
          na->collapsed != nb->collapsed ||
          !imp_metric_equal (na->metric, nb->metric) ||
          memcmp (&na->ice, &nb->ice, sizeof na->ice) != 0 ||
          na->votes != nb->votes ||
          !imp_delivery_equal (&na->delivery, &nb->delivery) ||
          !imp_experiment_equal (na->experiment, nb->experiment) ||
          !json_object_equal0 (na->extra, nb->extra) ||
          !links_equal (na->parents, nb->parents) ||
          !links_equal (na->children, nb->children))
        return FALSE;
    }

  return TRUE;
}

/**
 * _imp_map_set_node_votes:
 * @votes: the node's dot votes; more than %IMP_MAX_VOTES count as that many
 *
 * Sets how many dot votes @node holds in a workshop round.
 */
void
_imp_map_set_node_votes (ImpMap  *self,
                        ImpNode *node,
                        guint    votes)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (node != NULL);

  votes = MIN (votes, IMP_MAX_VOTES);
  if (node->votes == votes)
    return;

  node->votes = votes;
  emit_changed (self, IMP_CHANGE_NODE_VOTES, node);
}

/**
 * imp_map_get_total_votes:
 *
 * Returns: the dot votes on all the map's nodes together
 */
guint
imp_map_get_total_votes (ImpMap *self)
{
  guint total = 0;

  g_return_val_if_fail (IMP_IS_MAP (self), 0);

  for (guint i = 0; i < self->nodes->len; i++)
    total += ((ImpNode *) g_ptr_array_index (self->nodes, i))->votes;

  return total;
}

/**
 * imp_map_get_vote_budget:
 * @participants: (out) (optional): the people voting
 * @dots: (out) (optional): the dots each of them has
 *
 * The dot-voting budget of a workshop round: participants × dots votes
 * in all.
 *
 * Returns: whether the map has a budget (both 0 when not)
 */
gboolean
imp_map_get_vote_budget (ImpMap *self,
                         guint  *participants,
                         guint  *dots)
{
  g_return_val_if_fail (IMP_IS_MAP (self), FALSE);

  if (participants != NULL)
    *participants = self->budget_participants;
  if (dots != NULL)
    *dots = self->budget_dots;

  return self->budget_participants > 0 && self->budget_dots > 0;
}

/**
 * imp_map_get_dots_left:
 *
 * Returns: the votes the room may still cast this round (the budget minus
 *   the votes on the map; 0 when the votes already reach or pass it, as
 *   after the budget was lowered), or -1 with no budget
 */
int
imp_map_get_dots_left (ImpMap *self)
{
  guint participants, dots, total;

  g_return_val_if_fail (IMP_IS_MAP (self), -1);

  if (!imp_map_get_vote_budget (self, &participants, &dots))
    return -1;

  total = imp_map_get_total_votes (self);

  return participants * dots > total ? (int) (participants * dots - total) : 0;
}

/* @participants and @dots both 0 take the budget away. */
void
_imp_map_set_vote_budget (ImpMap *self,
                          guint   participants,
                          guint   dots)
{
  g_return_if_fail (IMP_IS_MAP (self));

  if (participants == 0 || dots == 0)
    participants = dots = 0;
  participants = MIN (participants, IMP_MAX_PARTICIPANTS);
  dots = MIN (dots, IMP_MAX_DOTS);

  if (self->budget_participants == participants && self->budget_dots == dots)
    return;

  self->budget_participants = participants;
  self->budget_dots = dots;
  emit_changed (self, IMP_CHANGE_VOTE_BUDGET, NULL);
}

/**
 * imp_map_get_n_parked:
 *
 * Returns: how many ideas wait in the parking lot
 */
guint
imp_map_get_n_parked (ImpMap *self)
{
  g_return_val_if_fail (IMP_IS_MAP (self), 0);

  return self->parked->len;
}

/**
 * imp_map_get_parked:
 * @position: an index below imp_map_get_n_parked()
 *
 * Returns: (transfer none): the idea's text
 */
const char *
imp_map_get_parked (ImpMap *self,
                    guint   position)
{
  g_return_val_if_fail (IMP_IS_MAP (self), NULL);
  g_return_val_if_fail (position < self->parked->len, NULL);

  return g_ptr_array_index (self->parked, position);
}

/**
 * _imp_map_insert_parked:
 * @position: where in the parking lot, or -1 for the end
 * @text: the idea, UTF-8 with something besides white space
 *
 * Puts an idea in the parking lot, trimmed of white space at both ends.
 * Empty text is a programming error: imp_history_add_parked() refuses it
 * with a message.
 */
void
_imp_map_insert_parked (ImpMap     *self,
                       int         position,
                       const char *text)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  trimmed = g_strstrip (g_strdup (text));
  g_return_if_fail (trimmed[0] != '\0');

  if (position < 0 || (guint) position > self->parked->len)
    position = self->parked->len;

  g_ptr_array_insert (self->parked, position, g_steal_pointer (&trimmed));
  emit_changed (self, IMP_CHANGE_PARKING_LOT, NULL);
}

/**
 * _imp_map_remove_parked:
 * @position: an index below imp_map_get_n_parked()
 *
 * Takes an idea out of the parking lot.
 */
void
_imp_map_remove_parked (ImpMap *self,
                       guint   position)
{
  g_return_if_fail (IMP_IS_MAP (self));
  g_return_if_fail (position < self->parked->len);

  g_ptr_array_remove_index (self->parked, position);
  emit_changed (self, IMP_CHANGE_PARKING_LOT, NULL);
}

/* Copies @src and its tree below it into @dest, under @parent through a
 * link like @via. */
static ImpNode *
copy_branch (ImpMap  *dest,
             ImpNode *parent,
             ImpLink *via,
             ImpNode *src)
{
  ImpNode *node = _imp_map_add_node (dest, src->level, src->title, NULL, NULL);

  _imp_map_set_node_notes (dest, node, src->notes);
  _imp_map_set_node_metric (dest, node, src->metric);
  _imp_map_set_node_ice (dest, node, &src->ice, NULL);
  _imp_map_set_node_delivery (dest, node, &src->delivery, NULL);
  _imp_map_set_node_experiment (dest, node, src->experiment);
  _imp_map_set_node_collapsed (dest, node, src->collapsed);

  if (parent != NULL)
    {
      ImpLink *link = _imp_map_link (dest, parent, node, -1, NULL);

      _imp_map_set_link_assumption (dest, link, via->assumption);
      _imp_map_set_link_confidence (dest, link, via->confidence);
      _imp_map_set_link_status (dest, link, via->status);
    }

  for (guint i = 0; i < src->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (src->children, i);

      if (imp_link_is_tree_link (link))
        copy_branch (dest, node, link, link->child);
    }

  return node;
}

/**
 * imp_map_copy_branches:
 * @roots: (array length=n_roots): cards of @self
 * @n_roots: how many
 *
 * Makes a new map holding a copy of each branch (a card and the tree
 * below it) with the vocabulary of @self: what the clipboard carries.
 *
 * Returns: (transfer full): the copy
 */
ImpMap *
imp_map_copy_branches (ImpMap   *self,
                       ImpNode **roots,
                       guint     n_roots)
{
  ImpMap *branch;

  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  branch = imp_map_new ();
  _imp_map_set_vocabulary (branch, imp_map_get_vocabulary (self));
  _imp_map_set_layout (branch, self->layout);
  for (guint i = 0; i < n_roots; i++)
    copy_branch (branch, NULL, NULL, roots[i]);

  return branch;
}

/**
 * imp_map_new_for_vocabulary:
 * @goal_title: the goal's title
 * @vocabulary: the words the map uses for its levels
 *
 * Returns: (transfer full): a new map holding one goal
 */
ImpMap *
imp_map_new_for_vocabulary (const char    *goal_title,
                            ImpVocabulary  vocabulary)
{
  ImpMap *map = imp_map_new_with_goal (goal_title);

  _imp_map_set_vocabulary (map, vocabulary);

  return map;
}

/**
 * _imp_map_dup_conflicts:
 *
 * Returns: (transfer full) (nullable): the "conflicts" member of the map's
 *   extra as compact JSON, or %NULL when it has none
 */
char *
_imp_map_dup_conflicts (ImpMap *self)
{
  JsonNode *node;

  g_return_val_if_fail (IMP_IS_MAP (self), NULL);

  if (self->extra == NULL || !(node = json_object_get_member (self->extra, "conflicts")))
    return NULL;

  return json_to_string (node, FALSE);
}

/**
 * _imp_map_set_conflicts:
 * @json: (nullable): a JSON array of conflict records
 *
 * Replaces the "conflicts" member of the map's extra, the other members
 * kept in their order; an empty array or %NULL removes it.
 */
void
_imp_map_set_conflicts (ImpMap     *self,
                        const char *json)
{
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *old = NULL;
  JsonObject *extra;

  g_return_if_fail (IMP_IS_MAP (self));

  old = _imp_map_dup_conflicts (self);
  if (json != NULL)
    {
      parsed = json_from_string (json, NULL);
      if (parsed == NULL || !JSON_NODE_HOLDS_ARRAY (parsed) ||
          json_array_get_length (json_node_get_array (parsed)) == 0)
        g_clear_pointer (&parsed, json_node_unref);
    }
  if (parsed == NULL && old == NULL)
    return;

  extra = json_object_new ();
  if (self->extra != NULL)
    {
      GList *names = json_object_get_members (self->extra);

      for (GList *l = names; l; l = l->next)
        if (!g_str_equal (l->data, "conflicts"))
          json_object_set_member (extra, l->data,
                                  json_node_copy (json_object_get_member (self->extra, l->data)));
      g_list_free (names);
    }
  if (parsed != NULL)
    json_object_set_member (extra, "conflicts", g_steal_pointer (&parsed));

  g_clear_pointer (&self->extra, json_object_unref);
  if (json_object_get_size (extra) > 0)
    self->extra = extra;
  else
    json_object_unref (extra);

  emit_changed (self, IMP_CHANGE_CONFLICTS, NULL);
}
