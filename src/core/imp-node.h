/* imp-node.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "imp-experiment.h"
#include "imp-metric.h"
#include "imp-types.h"

G_BEGIN_DECLS

/* The most dot votes one card can hold. */
#define IMP_MAX_VOTES 999

/**
 * ImpNode:
 *
 * One card of the map. The map owns its nodes; everything outside the map
 * reads these fields and changes them only through imp_map_*() setters, so
 * that the map can tell observers what changed.
 *
 * @parents holds the incoming #ImpLink's, the first being the tree parent the
 * layout uses (the others are cross-links); @children holds the outgoing ones
 * in sibling order.
 */
/* Where a card is pinned in one layout. */
typedef struct
{
  gboolean pinned;
  double   x;
  double   y;
} ImpPin;

struct _ImpNode
{
  char          *id;
  ImpLevel       level;
  char          *title;
  char          *notes;

  /* A pinned node keeps (x, y), the top-left corner of its card in map
   * coordinates; an unpinned one is placed by the layout. */
  gboolean       pinned;
  double         x;
  double         y;
  /* The pins of the other layouts, indexed by ImpLayoutKind - 1: the fields
   * above are the pin of the right layout, the only one older versions know,
   * and a pin made in one layout never moves the card in another. */
  ImpPin         layout_pins[IMP_N_LAYOUTS - 1];

  gboolean       collapsed;

  ImpMetric     *metric;      /* goals and impacts; NULL when none */
  ImpIce         ice;         /* deliverables; all zero when not scored */
  ImpExperiment *experiment;  /* experiments; NULL when none */
  guint          votes;       /* dot votes of a workshop, 0..IMP_MAX_VOTES */
  ImpDelivery    delivery;    /* deliverables; status none when not tracked */

  GPtrArray     *parents;     /* (element-type ImpLink) */
  GPtrArray     *children;    /* (element-type ImpLink) */

  JsonObject    *extra;       /* members this version does not know, kept on round trip */
};

/**
 * ImpLink:
 *
 * An arrow from @parent (level L) to @child (level L + 1): "if this, then that".
 */
struct _ImpLink
{
  ImpNode       *parent;
  ImpNode       *child;
  char          *assumption;
  ImpConfidence  confidence;
  ImpLinkStatus  status;
  JsonObject    *extra;
};

/* The pin of @node in @kind's layout: %TRUE with its top-left corner in
 * @x, @y when pinned there. */
static inline gboolean
imp_node_get_pin (const ImpNode *node,
                  ImpLayoutKind  kind,
                  double        *x,
                  double        *y)
{
  gboolean pinned = node->pinned;
  double px = node->x, py = node->y;

  if (kind > IMP_LAYOUT_RIGHT && kind < IMP_N_LAYOUTS)
    {
      pinned = node->layout_pins[kind - 1].pinned;
      px = node->layout_pins[kind - 1].x;
      py = node->layout_pins[kind - 1].y;
    }
  if (x != NULL)
    *x = px;
  if (y != NULL)
    *y = py;

  return pinned;
}

static inline ImpNode *
imp_node_get_tree_parent (const ImpNode *node)
{
  return node->parents->len > 0 ? ((ImpLink *) node->parents->pdata[0])->parent : NULL;
}

static inline guint
imp_node_get_n_children (const ImpNode *node)
{
  return node->children->len;
}

static inline ImpNode *
imp_node_get_child (const ImpNode *node,
                    guint          i)
{
  return ((ImpLink *) node->children->pdata[i])->child;
}

/* Whether @link is the tree link of its child (its first parent). */
static inline gboolean
imp_link_is_tree_link (const ImpLink *link)
{
  return link->child->parents->len > 0 && link->child->parents->pdata[0] == link;
}

G_END_DECLS
