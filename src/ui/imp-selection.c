/* imp-selection.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-selection"

#include "config.h"

#include "imp-selection.h"

/**
 * ImpSelection:
 *
 * What is selected in a view of a map: some nodes, or one link. It is view
 * state, not document: the canvas draws it, keyboard commands act on it and
 * the inspector follows it through #ImpSelection::changed.
 *
 * Nodes and the link are borrowed from the map and dropped from the
 * selection as soon as the map removes them, so the pointers here are
 * always alive. The last node selected is the primary one, which arrow keys
 * move from and the in-place editor edits.
 */
struct _ImpSelection
{
  GObject    parent_instance;

  ImpMap    *map;
  GPtrArray *nodes;   /* (element-type ImpNode), in order of selection */
  ImpLink   *link;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpSelection, imp_selection, G_TYPE_OBJECT)

static void
emit_changed (ImpSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
map_changed_cb (ImpSelection  *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  gboolean changed = FALSE;

  switch ((int) kind)
    {
    case IMP_CHANGE_EVERYTHING:
      changed = self->nodes->len > 0 || self->link != NULL;
      g_ptr_array_set_size (self->nodes, 0);
      self->link = NULL;
      break;

    case IMP_CHANGE_NODE_REMOVED:
      changed = g_ptr_array_remove (self->nodes, object);
      break;

    case IMP_CHANGE_LINK_REMOVED:
      if (self->link == object)
        {
          self->link = NULL;
          changed = TRUE;
        }
      break;

    default:
      break;
    }

  if (changed)
    emit_changed (self);
}

static void
imp_selection_dispose (GObject *object)
{
  ImpSelection *self = IMP_SELECTION (object);

  imp_selection_set_map (self, NULL);

  G_OBJECT_CLASS (imp_selection_parent_class)->dispose (object);
}

static void
imp_selection_finalize (GObject *object)
{
  ImpSelection *self = IMP_SELECTION (object);

  g_clear_pointer (&self->nodes, g_ptr_array_unref);

  G_OBJECT_CLASS (imp_selection_parent_class)->finalize (object);
}

static void
imp_selection_class_init (ImpSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = imp_selection_dispose;
  object_class->finalize = imp_selection_finalize;

  /**
   * ImpSelection::changed:
   *
   * Emitted whenever the selected nodes or link change, including when the
   * map removes a selected one.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
imp_selection_init (ImpSelection *self)
{
  self->nodes = g_ptr_array_new ();
}

/**
 * imp_selection_new:
 *
 * Returns: (transfer full): an empty selection of no map
 */
ImpSelection *
imp_selection_new (void)
{
  return g_object_new (IMP_TYPE_SELECTION, NULL);
}

/**
 * imp_selection_get_map:
 *
 * Returns: (transfer none) (nullable): the map selected in
 */
ImpMap *
imp_selection_get_map (ImpSelection *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), NULL);

  return self->map;
}

/**
 * imp_selection_set_map:
 * @map: (nullable): the map to select in
 *
 * Follows @map, with nothing selected.
 */
void
imp_selection_set_map (ImpSelection *self,
                       ImpMap       *map)
{
  g_return_if_fail (IMP_IS_SELECTION (self));
  g_return_if_fail (map == NULL || IMP_IS_MAP (map));

  if (self->map == map)
    return;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);

  g_set_object (&self->map, map);

  if (self->map != NULL)
    g_signal_connect_object (self->map, "changed",
                             G_CALLBACK (map_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (self->nodes->len > 0 || self->link != NULL)
    {
      g_ptr_array_set_size (self->nodes, 0);
      self->link = NULL;
      emit_changed (self);
    }
}

guint
imp_selection_get_n_nodes (ImpSelection *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), 0);

  return self->nodes->len;
}

/**
 * imp_selection_get_node:
 *
 * Returns: (transfer none): the @i-th selected node, in order of selection
 */
ImpNode *
imp_selection_get_node (ImpSelection *self,
                        guint         i)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), NULL);
  g_return_val_if_fail (i < self->nodes->len, NULL);

  return g_ptr_array_index (self->nodes, i);
}

/**
 * imp_selection_get_nodes:
 *
 * Returns: (transfer none) (element-type ImpNode): the selected nodes
 */
GPtrArray *
imp_selection_get_nodes (ImpSelection *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), NULL);

  return self->nodes;
}

/**
 * imp_selection_get_primary:
 *
 * Returns: (transfer none) (nullable): the node selected last, if any
 */
ImpNode *
imp_selection_get_primary (ImpSelection *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), NULL);

  if (self->nodes->len == 0)
    return NULL;

  return g_ptr_array_index (self->nodes, self->nodes->len - 1);
}

gboolean
imp_selection_contains (ImpSelection *self,
                        ImpNode      *node)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), FALSE);

  return node != NULL && g_ptr_array_find (self->nodes, node, NULL);
}

/**
 * imp_selection_get_link:
 *
 * Returns: (transfer none) (nullable): the selected link, if any
 */
ImpLink *
imp_selection_get_link (ImpSelection *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), NULL);

  return self->link;
}

gboolean
imp_selection_is_empty (ImpSelection *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION (self), TRUE);

  return self->nodes->len == 0 && self->link == NULL;
}

void
imp_selection_clear (ImpSelection *self)
{
  g_return_if_fail (IMP_IS_SELECTION (self));

  if (imp_selection_is_empty (self))
    return;

  g_ptr_array_set_size (self->nodes, 0);
  self->link = NULL;
  emit_changed (self);
}

/**
 * imp_selection_select:
 * @node: (nullable): a node of the map
 *
 * Selects @node alone, or nothing.
 */
void
imp_selection_select (ImpSelection *self,
                      ImpNode      *node)
{
  g_return_if_fail (IMP_IS_SELECTION (self));
  g_return_if_fail (node == NULL || self->map != NULL);

  if (node == NULL)
    {
      imp_selection_clear (self);
      return;
    }

  if (self->link == NULL && self->nodes->len == 1 && self->nodes->pdata[0] == node)
    return;

  g_ptr_array_set_size (self->nodes, 0);
  g_ptr_array_add (self->nodes, node);
  self->link = NULL;
  emit_changed (self);
}

/**
 * imp_selection_add:
 *
 * Adds @node to the selection and makes it the primary node.
 */
void
imp_selection_add (ImpSelection *self,
                   ImpNode      *node)
{
  g_return_if_fail (IMP_IS_SELECTION (self));
  g_return_if_fail (node != NULL);

  g_ptr_array_remove (self->nodes, node);
  g_ptr_array_add (self->nodes, node);
  self->link = NULL;
  emit_changed (self);
}

/**
 * imp_selection_toggle:
 *
 * Adds @node, or removes it when it is selected (Ctrl+click).
 */
void
imp_selection_toggle (ImpSelection *self,
                      ImpNode      *node)
{
  g_return_if_fail (IMP_IS_SELECTION (self));
  g_return_if_fail (node != NULL);

  if (!g_ptr_array_remove (self->nodes, node))
    g_ptr_array_add (self->nodes, node);
  self->link = NULL;
  emit_changed (self);
}

/**
 * imp_selection_select_all:
 *
 * Selects every node of the map, in document order.
 */
void
imp_selection_select_all (ImpSelection *self)
{
  guint n;

  g_return_if_fail (IMP_IS_SELECTION (self));

  if (self->map == NULL)
    return;

  n = imp_map_get_n_nodes (self->map);
  g_ptr_array_set_size (self->nodes, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->nodes, imp_map_get_node (self->map, i));
  self->link = NULL;
  emit_changed (self);
}

/**
 * imp_selection_set_nodes:
 * @nodes: (element-type ImpNode): nodes of the map
 *
 * Selects exactly @nodes (a rubber band).
 */
void
imp_selection_set_nodes (ImpSelection *self,
                         GPtrArray    *nodes)
{
  g_return_if_fail (IMP_IS_SELECTION (self));
  g_return_if_fail (nodes != NULL);

  g_ptr_array_set_size (self->nodes, 0);
  for (guint i = 0; i < nodes->len; i++)
    g_ptr_array_add (self->nodes, g_ptr_array_index (nodes, i));
  self->link = NULL;
  emit_changed (self);
}

/**
 * imp_selection_select_link:
 * @link: (nullable): a link of the map
 *
 * Selects @link alone, so the inspector can edit its assumption.
 */
void
imp_selection_select_link (ImpSelection *self,
                           ImpLink      *link)
{
  g_return_if_fail (IMP_IS_SELECTION (self));

  if (link == NULL)
    {
      imp_selection_clear (self);
      return;
    }

  if (self->link == link && self->nodes->len == 0)
    return;

  g_ptr_array_set_size (self->nodes, 0);
  self->link = link;
  emit_changed (self);
}
