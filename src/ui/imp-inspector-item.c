/* imp-inspector-item.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-inspector-item"

#include "config.h"

#include "imp-inspector-item.h"

/**
 * ImpInspectorItem:
 *
 * One entry of a long list on the inspector's map page (a finding of the
 * map's health, a ranked deliverable, a "How might we" prompt): what a
 * #GtkListView row is bound to when it scrolls into view. Rows work out the
 * rest (a deliverable's chain to the goal) only then, so a map of
 * thousands of cards costs thousands of these small items and a screenful
 * of rows.
 */

struct _ImpInspectorItem
{
  GObject  parent_instance;

  ImpNode *node;   /* owned by the map; the list is rebuilt before it goes */
  char    *text;
  guint    kind;
  guint    rank;
};

G_DEFINE_FINAL_TYPE (ImpInspectorItem, imp_inspector_item, G_TYPE_OBJECT)

static void
imp_inspector_item_finalize (GObject *object)
{
  ImpInspectorItem *self = (ImpInspectorItem *) object;

  g_free (self->text);

  G_OBJECT_CLASS (imp_inspector_item_parent_class)->finalize (object);
}

static void
imp_inspector_item_class_init (ImpInspectorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = imp_inspector_item_finalize;
}

static void
imp_inspector_item_init (ImpInspectorItem *self)
{
}

/**
 * imp_inspector_item_new:
 * @node: (nullable): the card a row selects
 * @text: (nullable): what the row says, when the card's title is not it
 * @kind: what the list makes of it, e.g. an #ImpFindingKind
 * @rank: the place in a ranking, from 1; 0 when unranked
 *
 * Returns: (transfer full): a new item
 */
ImpInspectorItem *
imp_inspector_item_new (ImpNode    *node,
                        const char *text,
                        guint       kind,
                        guint       rank)
{
  ImpInspectorItem *self = g_object_new (IMP_TYPE_INSPECTOR_ITEM, NULL);

  self->node = node;
  self->text = g_strdup (text);
  self->kind = kind;
  self->rank = rank;

  return self;
}

/**
 * imp_inspector_item_get_node:
 *
 * Returns: (transfer none) (nullable): the card a row selects
 */
ImpNode *
imp_inspector_item_get_node (ImpInspectorItem *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR_ITEM (self), NULL);

  return self->node;
}

/**
 * imp_inspector_item_get_text:
 *
 * Returns: (nullable): what the row says
 */
const char *
imp_inspector_item_get_text (ImpInspectorItem *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR_ITEM (self), NULL);

  return self->text;
}

/**
 * imp_inspector_item_get_kind:
 *
 * Returns: what the list makes of the item
 */
guint
imp_inspector_item_get_kind (ImpInspectorItem *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR_ITEM (self), 0);

  return self->kind;
}

/**
 * imp_inspector_item_get_rank:
 *
 * Returns: the place in a ranking, from 1; 0 when unranked
 */
guint
imp_inspector_item_get_rank (ImpInspectorItem *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR_ITEM (self), 0);

  return self->rank;
}
