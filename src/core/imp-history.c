/* imp-history.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "imp-history.h"
#include "imp-limits.h"
#include "imp-map-private.h"

/**
 * ImpHistory:
 *
 * The undo and redo stacks of one document. Every edit goes through an
 * imp_history_*() command, which changes the map and remembers how to take
 * the change back.
 *
 * A command is recorded as a list of small operations (add or remove one
 * node, add or remove one link, move a link, set one field), each run as it
 * is recorded. Nodes and links are named by their ids, never by pointer,
 * since undo frees and re-creates them. Reverting the operations in reverse
 * order puts every array back exactly as it was, so an undone document
 * compares equal (imp_map_equal()) to the one before.
 *
 * A command that fails half-way reverts what it had done: the map is never
 * left half-changed. Consecutive edits of the same field of the same node or
 * link merge into one step (typing in a field is one step) until
 * imp_history_seal() or another command; begin_group()/end_group() make
 * several commands one step (one drag of several cards).
 *
 * The map must only be changed through the history while one is attached.
 */

typedef enum
{
  OP_ADD_NODE,
  OP_REMOVE_NODE,
  OP_LINK,
  OP_UNLINK,
  OP_MOVE_LINK,
  OP_MOVE_PARENT,
  OP_FIELD,
  OP_PARK,
  OP_UNPARK,
} OpKind;

typedef enum
{
  FIELD_TITLE,
  FIELD_NOTES,
  FIELD_LEVEL,
  FIELD_POSITION,
  FIELD_COLLAPSED,
  FIELD_METRIC,
  FIELD_ICE,
  FIELD_EXPERIMENT,
  FIELD_ASSUMPTION,
  FIELD_CONFIDENCE,
  FIELD_STATUS,
  FIELD_MAP_TITLE,
  FIELD_VOCABULARY,
  FIELD_VOTES,
  FIELD_VOTE_BUDGET,

  FIELD_LAYOUT,
  FIELD_DELIVERY,
  FIELD_MAP_MEMBER,
  FIELD_CONFLICTS,
} Field;

typedef struct
{
  char          *str;
  int            num;
  gboolean       pinned;
  double         x;
  double         y;
  ImpIce         ice;
  ImpMetric     *metric;
  ImpExperiment *experiment;
  ImpDelivery    delivery;
  guint          participants;   /* the vote budget */
  guint          dots;
  JsonNode      *json;           /* a top-level member of the map's extra, or NULL */
} Value;

/* A node as it was, to put it back. */
typedef struct
{
  char          *id;
  ImpLevel       level;
  char          *title;
  char          *notes;
  gboolean       pinned;
  double         x;
  double         y;
  ImpPin         layout_pins[IMP_N_LAYOUTS - 1];
  gboolean       collapsed;
  ImpMetric     *metric;
  ImpIce         ice;
  ImpExperiment *experiment;
  JsonObject    *extra;
  int            index;
  guint          votes;
  ImpDelivery    delivery;
} NodeState;

/* A link as it was, with its places in both arrays. */
typedef struct
{
  char          *parent_id;
  char          *child_id;
  int            position;
  int            parent_position;
  char          *assumption;
  ImpConfidence  confidence;
  ImpLinkStatus  status;
  JsonObject    *extra;
} LinkState;

typedef struct
{
  OpKind     kind;
  NodeState  node;     /* OP_ADD_NODE, OP_REMOVE_NODE */
  LinkState  link;     /* OP_LINK, OP_UNLINK; ids for moves and link fields */
  int        from;     /* OP_MOVE_* */
  int        to;
  Field      field;    /* OP_FIELD */
  char      *id;       /* OP_FIELD on a node */
  Value      old_value;
  Value      new_value;
  char      *parked;   /* OP_PARK, OP_UNPARK: the idea, at position @to */
  char      *member;   /* FIELD_MAP_MEMBER: the name of the member */
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;      /* (element-type Op) */
  guint64    state;    /* names the document as this step leaves it */
} Step;

struct _ImpHistory
{
  GObject    parent_instance;

  ImpMap    *map;

  GPtrArray *steps;    /* (element-type Step): done ones, then undone ones */
  guint      n_done;
  int        clean;    /* n_done at the clean point, -1 when out of reach */
  guint64    next_state;

  Step      *current;  /* the step being recorded */
  guint      group_depth;
  gboolean   sealed;

  gboolean   can_undo;
  gboolean   can_redo;
  gboolean   modified;
};

enum {
  PROP_0,
  PROP_MAP,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpHistory, imp_history, G_TYPE_OBJECT)

/* Values */

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->str, g_free);
  g_clear_pointer (&value->metric, imp_metric_free);
  g_clear_pointer (&value->experiment, imp_experiment_free);
  g_clear_pointer (&value->json, json_node_unref);
}

static void
node_state_clear (NodeState *state)
{
  g_clear_pointer (&state->id, g_free);
  g_clear_pointer (&state->title, g_free);
  g_clear_pointer (&state->notes, g_free);
  g_clear_pointer (&state->metric, imp_metric_free);
  g_clear_pointer (&state->experiment, imp_experiment_free);
  g_clear_pointer (&state->extra, json_object_unref);
}

static void
link_state_clear (LinkState *state)
{
  g_clear_pointer (&state->parent_id, g_free);
  g_clear_pointer (&state->child_id, g_free);
  g_clear_pointer (&state->assumption, g_free);
  g_clear_pointer (&state->extra, json_object_unref);
}

static void
op_free (Op *op)
{
  node_state_clear (&op->node);
  link_state_clear (&op->link);
  g_free (op->id);
  g_free (op->parked);
  g_free (op->member);
  value_clear (&op->old_value);
  value_clear (&op->new_value);
  g_free (op);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static void
node_state_save (ImpMap    *map,
                 ImpNode   *node,
                 NodeState *state)
{
  state->id = g_strdup (node->id);
  state->level = node->level;
  state->title = g_strdup (node->title);
  state->notes = g_strdup (node->notes);
  state->pinned = node->pinned;
  state->x = node->x;
  state->y = node->y;
  memcpy (state->layout_pins, node->layout_pins, sizeof state->layout_pins);
  state->collapsed = node->collapsed;
  state->metric = node->metric ? imp_metric_copy (node->metric) : NULL;
  state->ice = node->ice;
  state->delivery = node->delivery;
  state->experiment = node->experiment ? imp_experiment_copy (node->experiment) : NULL;
  state->extra = node->extra ? json_object_ref (node->extra) : NULL;
  state->index = imp_map_get_node_index (map, node);
  state->votes = node->votes;
}

static void
link_state_save (ImpMap    *map,
                 ImpLink   *link,
                 LinkState *state)
{
  state->parent_id = g_strdup (link->parent->id);
  state->child_id = g_strdup (link->child->id);
  state->position = imp_map_get_link_position (map, link);
  state->parent_position = imp_map_get_link_parent_position (map, link);
  state->assumption = g_strdup (link->assumption);
  state->confidence = link->confidence;
  state->status = link->status;
  state->extra = link->extra ? json_object_ref (link->extra) : NULL;
}

static ImpLink *
lookup_link (ImpMap     *map,
             const char *parent_id,
             const char *child_id)
{
  ImpNode *parent = imp_map_lookup_node (map, parent_id);
  ImpNode *child = imp_map_lookup_node (map, child_id);

  if (parent == NULL || child == NULL)
    return NULL;

  return imp_map_find_link (map, parent, child);
}

/* Operations: each does one thing to the map, or nothing and fails. */

static gboolean
put_node (ImpMap     *map,
          NodeState  *state,
          GError    **error)
{
  ImpNode *node;

  node = _imp_map_add_node (map, state->level, state->title, state->id, error);
  if (node == NULL)
    return FALSE;

  _imp_map_set_node_notes (map, node, state->notes);
  _imp_map_set_node_pin (map, node, IMP_LAYOUT_RIGHT, state->pinned, state->x, state->y);
  for (guint k = 1; k < IMP_N_LAYOUTS; k++)
    _imp_map_set_node_pin (map, node, k, state->layout_pins[k - 1].pinned,
                           state->layout_pins[k - 1].x, state->layout_pins[k - 1].y);
  _imp_map_set_node_collapsed (map, node, state->collapsed);
  _imp_map_set_node_metric (map, node, state->metric);
  _imp_map_set_node_ice (map, node, &state->ice, NULL);
  _imp_map_set_node_delivery (map, node, &state->delivery, NULL);
  _imp_map_set_node_experiment (map, node, state->experiment);
  _imp_map_set_node_extra (map, node, state->extra);
  _imp_map_set_node_votes (map, node, state->votes);
  if (state->index >= 0)
    _imp_map_move_node_to_index (map, node, state->index);

  return TRUE;
}

static gboolean
take_node (ImpMap     *map,
           NodeState  *state)
{
  ImpNode *node = imp_map_lookup_node (map, state->id);

  if (node == NULL)
    return FALSE;

  _imp_map_remove_node (map, node);

  return TRUE;
}

static gboolean
put_link (ImpMap     *map,
          LinkState  *state,
          GError    **error)
{
  ImpNode *parent = imp_map_lookup_node (map, state->parent_id);
  ImpNode *child = imp_map_lookup_node (map, state->child_id);
  ImpLink *link;

  if (parent == NULL || child == NULL)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                   _("The node to link is gone"));
      return FALSE;
    }

  link = _imp_map_link_full (map, parent, child, state->position, state->parent_position, error);
  if (link == NULL)
    return FALSE;

  _imp_map_set_link_assumption (map, link, state->assumption);
  _imp_map_set_link_confidence (map, link, state->confidence);
  _imp_map_set_link_status (map, link, state->status);
  _imp_map_set_link_extra (map, link, state->extra);

  return TRUE;
}

static gboolean
take_link (ImpMap    *map,
           LinkState *state)
{
  ImpLink *link = lookup_link (map, state->parent_id, state->child_id);

  if (link == NULL)
    return FALSE;

  _imp_map_unlink (map, link);

  return TRUE;
}

static gboolean
move_link (ImpMap    *map,
           OpKind     kind,
           LinkState *state,
           int        to)
{
  ImpLink *link = lookup_link (map, state->parent_id, state->child_id);

  if (link == NULL)
    return FALSE;

  if (kind == OP_MOVE_LINK)
    _imp_map_move_link (map, link, to);
  else
    _imp_map_move_link_in_parents (map, link, to);

  return TRUE;
}

static void
get_field (ImpMap *map,
           Op     *op,
           Value  *value)
{
  ImpNode *node = op->id ? imp_map_lookup_node (map, op->id) : NULL;
  ImpLink *link = op->link.parent_id ? lookup_link (map, op->link.parent_id,
                                                    op->link.child_id) : NULL;

  memset (value, 0, sizeof *value);

  switch (op->field)
    {
    case FIELD_TITLE:
      value->str = g_strdup (node->title);
      break;
    case FIELD_NOTES:
      value->str = g_strdup (node->notes);
      break;
    case FIELD_LEVEL:
      value->num = node->level;
      break;
    case FIELD_POSITION:
      /* A move is a pin in the layout on show, and undoes there. */
      value->num = imp_map_get_layout (map);
      value->pinned = imp_node_get_pin (node, value->num, &value->x, &value->y);
      break;
    case FIELD_COLLAPSED:
      value->num = node->collapsed;
      break;
    case FIELD_METRIC:
      value->metric = node->metric ? imp_metric_copy (node->metric) : NULL;
      break;
    case FIELD_ICE:
      value->ice = node->ice;
      break;
    case FIELD_DELIVERY:
      value->delivery = node->delivery;
      break;
    case FIELD_EXPERIMENT:
      value->experiment = node->experiment ? imp_experiment_copy (node->experiment) : NULL;
      break;
    case FIELD_ASSUMPTION:
      value->str = g_strdup (link->assumption);
      break;
    case FIELD_CONFIDENCE:
      value->num = link->confidence;
      break;
    case FIELD_STATUS:
      value->num = link->status;
      break;
    case FIELD_MAP_TITLE:
      value->str = g_strdup (imp_map_get_title (map));
      break;
    case FIELD_LAYOUT:
      value->num = imp_map_get_layout (map);
      break;
    case FIELD_VOCABULARY:
      value->num = imp_map_get_vocabulary (map);
      break;
    case FIELD_VOTES:
      value->num = node->votes;
      break;
    case FIELD_VOTE_BUDGET:
      imp_map_get_vote_budget (map, &value->participants, &value->dots);
      break;
    case FIELD_MAP_MEMBER:
      {
        JsonObject *extra = imp_map_get_extra (map);
        JsonNode *member = extra != NULL ? json_object_get_member (extra, op->member) : NULL;

        value->json = member != NULL ? json_node_copy (member) : NULL;
      }
      break;
    case FIELD_CONFLICTS:
      value->str = _imp_map_dup_conflicts (map);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
set_field (ImpMap      *map,
           Op          *op,
           const Value *value,
           GError     **error)
{
  ImpNode *node = op->id ? imp_map_lookup_node (map, op->id) : NULL;
  ImpLink *link = op->link.parent_id ? lookup_link (map, op->link.parent_id,
                                                    op->link.child_id) : NULL;

  if ((op->id != NULL && node == NULL) || (op->link.parent_id != NULL && link == NULL))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_ID,
                   _("The node or link to change is gone"));
      return FALSE;
    }

  switch (op->field)
    {
    case FIELD_TITLE:
      _imp_map_set_node_title (map, node, value->str);
      return TRUE;
    case FIELD_NOTES:
      _imp_map_set_node_notes (map, node, value->str);
      return TRUE;
    case FIELD_LEVEL:
      return _imp_map_set_node_level (map, node, value->num, error);
    case FIELD_POSITION:
      _imp_map_set_node_pin (map, node, value->num, value->pinned, value->x, value->y);
      return TRUE;
    case FIELD_COLLAPSED:
      _imp_map_set_node_collapsed (map, node, value->num);
      return TRUE;
    case FIELD_METRIC:
      _imp_map_set_node_metric (map, node, value->metric);
      return TRUE;
    case FIELD_ICE:
      return _imp_map_set_node_ice (map, node, &value->ice, error);
    case FIELD_DELIVERY:
      return _imp_map_set_node_delivery (map, node, &value->delivery, error);
    case FIELD_EXPERIMENT:
      _imp_map_set_node_experiment (map, node, value->experiment);
      return TRUE;
    case FIELD_ASSUMPTION:
      _imp_map_set_link_assumption (map, link, value->str);
      return TRUE;
    case FIELD_CONFIDENCE:
      _imp_map_set_link_confidence (map, link, value->num);
      return TRUE;
    case FIELD_STATUS:
      _imp_map_set_link_status (map, link, value->num);
      return TRUE;
    case FIELD_MAP_TITLE:
      _imp_map_set_title (map, value->str);
      return TRUE;
    case FIELD_LAYOUT:
      _imp_map_set_layout (map, value->num);
      return TRUE;
    case FIELD_VOCABULARY:
      if (!imp_map_check_vocabulary (map, value->num, error))
        return FALSE;
      return _imp_map_set_vocabulary (map, value->num);
    case FIELD_VOTES:
      _imp_map_set_node_votes (map, node, value->num);
      return TRUE;
    case FIELD_VOTE_BUDGET:
      _imp_map_set_vote_budget (map, value->participants, value->dots);
      return TRUE;
    case FIELD_MAP_MEMBER:
      _imp_map_set_extra_member (map, op->member, value->json);
      return TRUE;
    case FIELD_CONFLICTS:
      _imp_map_set_conflicts (map, value->str);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
values_equal (Field        field,
              const Value *a,
              const Value *b)
{
  switch (field)
    {
    case FIELD_CONFLICTS:
      return g_strcmp0 (a->str, b->str) == 0;
    case FIELD_TITLE:
    case FIELD_NOTES:
    case FIELD_ASSUMPTION:
    case FIELD_MAP_TITLE:
      /* The map stores no empty notes or assumptions: NULL and "" are one. */
      return g_strcmp0 (a->str ? a->str : "", b->str ? b->str : "") == 0;
    case FIELD_POSITION:
      if (a->num != b->num)
        return FALSE;
      if (!a->pinned && !b->pinned)
        return TRUE;
      return a->pinned == b->pinned && a->x == b->x && a->y == b->y;
    case FIELD_METRIC:
      return imp_metric_equal (a->metric, b->metric);
    case FIELD_ICE:
      return memcmp (&a->ice, &b->ice, sizeof a->ice) == 0;
    case FIELD_DELIVERY:
      return imp_delivery_equal (&a->delivery, &b->delivery);
    case FIELD_EXPERIMENT:
      return imp_experiment_equal (a->experiment, b->experiment);
    case FIELD_LEVEL:
    case FIELD_COLLAPSED:
    case FIELD_CONFIDENCE:
    case FIELD_STATUS:
    case FIELD_VOCABULARY:
    case FIELD_VOTES:
    case FIELD_LAYOUT:
      return a->num == b->num;
    case FIELD_VOTE_BUDGET:
      return a->participants == b->participants && a->dots == b->dots;
    case FIELD_MAP_MEMBER:
      return (a->json == NULL && b->json == NULL) ||
             (a->json != NULL && b->json != NULL && json_node_equal (a->json, b->json));
    default:
      g_assert_not_reached ();
    }
}

static void
value_copy (const Value *src,
            Value       *dest)
{
  *dest = *src;
  dest->str = g_strdup (src->str);
  dest->metric = src->metric ? imp_metric_copy (src->metric) : NULL;
  dest->experiment = src->experiment ? imp_experiment_copy (src->experiment) : NULL;
  dest->json = src->json ? json_node_copy (src->json) : NULL;
}

/* The parking lot. An idea is found again by position and checked by text,
 * so that an undo never takes out the wrong one. */
static gboolean
park (ImpMap     *map,
      int         position,
      const char *text)
{
  if (position < 0 || (guint) position > imp_map_get_n_parked (map))
    return FALSE;

  _imp_map_insert_parked (map, position, text);

  return TRUE;
}

static gboolean
unpark (ImpMap      *map,
        int          position,
        const char  *text,
        GError     **error)
{
  if (position < 0 || (guint) position >= imp_map_get_n_parked (map) ||
      g_strcmp0 (imp_map_get_parked (map, position), text) != 0)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("The parking lot has no idea at position %d"), position + 1);
      return FALSE;
    }

  _imp_map_remove_parked (map, position);

  return TRUE;
}

static gboolean
op_apply (ImpMap  *map,
          Op      *op,
          GError **error)
{
  switch (op->kind)
    {
    case OP_ADD_NODE:
      return put_node (map, &op->node, error);
    case OP_REMOVE_NODE:
      return take_node (map, &op->node);
    case OP_LINK:
      return put_link (map, &op->link, error);
    case OP_UNLINK:
      return take_link (map, &op->link);
    case OP_MOVE_LINK:
    case OP_MOVE_PARENT:
      return move_link (map, op->kind, &op->link, op->to);
    case OP_FIELD:
      return set_field (map, op, &op->new_value, error);
    case OP_PARK:
      return park (map, op->to, op->parked);
    case OP_UNPARK:
      return unpark (map, op->to, op->parked, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
op_revert (ImpMap *map,
           Op     *op)
{
  switch (op->kind)
    {
    case OP_ADD_NODE:
      return take_node (map, &op->node);
    case OP_REMOVE_NODE:
      return put_node (map, &op->node, NULL);
    case OP_LINK:
      return take_link (map, &op->link);
    case OP_UNLINK:
      return put_link (map, &op->link, NULL);
    case OP_MOVE_LINK:
    case OP_MOVE_PARENT:
      return move_link (map, op->kind, &op->link, op->from);
    case OP_FIELD:
      return set_field (map, op, &op->old_value, NULL);
    case OP_PARK:
      return unpark (map, op->to, op->parked, NULL);
    case OP_UNPARK:
      return park (map, op->to, op->parked);
    default:
      g_assert_not_reached ();
    }
}

/* State and notification */

static void
update_state (ImpHistory *self)
{
  gboolean can_undo = self->n_done > 0;
  gboolean can_redo = self->n_done < self->steps->len;
  gboolean modified = self->clean != (int) self->n_done;

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Recording. A command opens a step (or joins the open group), runs its
 * operations through run_op(), and then either commits or rolls back to
 * the mark it started from. */

static guint
command_begin (ImpHistory *self,
               const char *label)
{
  if (self->current == NULL)
    self->current = step_new (label);

  return self->current->ops->len;
}

static gboolean
run_op (ImpHistory  *self,
        Op          *op,
        GError     **error)
{
  if (!op_apply (self->map, op, error))
    {
      op_free (op);
      return FALSE;
    }

  g_ptr_array_add (self->current->ops, op);

  return TRUE;
}

static void
rollback (ImpHistory *self,
          guint       mark)
{
  g_assert (self->current != NULL);

  while (self->current->ops->len > mark)
    {
      Op *op = g_ptr_array_index (self->current->ops, self->current->ops->len - 1);

      if (!op_revert (self->map, op))
        g_critical ("Could not roll back an edit: the map was changed behind the history");
      g_ptr_array_remove_index (self->current->ops, self->current->ops->len - 1);
    }

  if (self->group_depth == 0)
    g_clear_pointer (&self->current, step_free);
}

static void
push_step (ImpHistory *self,
           Step       *step)
{
  /* A new edit drops what was undone; a clean point there is out of reach. */
  if (self->clean > (int) self->n_done)
    self->clean = -1;
  g_ptr_array_set_size (self->steps, self->n_done);

  step->state = ++self->next_state;
  g_ptr_array_add (self->steps, step);
  self->n_done++;
  self->sealed = FALSE;

  update_state (self);
}

static void
command_end (ImpHistory *self)
{
  Step *step;

  g_assert (self->current != NULL);

  if (self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->current);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  push_step (self, step);
}

static Op *
op_new (OpKind kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->node.index = -1;

  return op;
}

static Op *
unlink_op_new (ImpMap  *map,
               ImpLink *link)
{
  Op *op = op_new (OP_UNLINK);

  link_state_save (map, link, &op->link);

  return op;
}

static Step *
top_step (ImpHistory *self)
{
  return self->n_done > 0 ? g_ptr_array_index (self->steps, self->n_done - 1) : NULL;
}

static gboolean
same_target (Op *a,
             Op *b)
{
  return a->kind == OP_FIELD && b->kind == OP_FIELD &&
         a->field == b->field &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->member, b->member) == 0 &&
         g_strcmp0 (a->link.parent_id, b->link.parent_id) == 0 &&
         g_strcmp0 (a->link.child_id, b->link.child_id) == 0;
}

/* Sets one field, merging into the step before when it set the same one. */
static gboolean
field_command (ImpHistory  *self,
               const char  *label,
               Op          *op,
               const Value *value,
               GError     **error)
{
  Step *top;
  guint mark;

  get_field (self->map, op, &op->old_value);
  if (values_equal (op->field, &op->old_value, value))
    {
      op_free (op);
      return TRUE;
    }
  value_copy (value, &op->new_value);

  top = top_step (self);
  if (self->current == NULL && !self->sealed && top != NULL &&
      self->clean != (int) self->n_done &&
      self->n_done == self->steps->len &&
      top->ops->len == 1 && same_target (g_ptr_array_index (top->ops, 0), op))
    {
      Op *last = g_ptr_array_index (top->ops, 0);

      if (!op_apply (self->map, op, error))
        {
          op_free (op);
          return FALSE;
        }

      value_clear (&last->new_value);
      value_copy (value, &last->new_value);
      op_free (op);
      g_signal_emit (self, signals[CHANGED], 0);

      return TRUE;
    }

  mark = command_begin (self, label);
  if (!run_op (self, op, error))
    {
      rollback (self, mark);
      return FALSE;
    }
  command_end (self);

  return TRUE;
}

static Op *
node_field_op (ImpNode *node,
               Field    field)
{
  Op *op = op_new (OP_FIELD);

  op->field = field;
  op->id = g_strdup (node->id);

  return op;
}

static Op *
link_field_op (ImpLink *link,
               Field    field)
{
  Op *op = op_new (OP_FIELD);

  op->field = field;
  op->link.parent_id = g_strdup (link->parent->id);
  op->link.child_id = g_strdup (link->child->id);

  return op;
}

/* GObject */

static void
imp_history_dispose (GObject *object)
{
  ImpHistory *self = IMP_HISTORY (object);

  g_clear_pointer (&self->current, step_free);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (imp_history_parent_class)->dispose (object);
}

static void
imp_history_finalize (GObject *object)
{
  ImpHistory *self = IMP_HISTORY (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (imp_history_parent_class)->finalize (object);
}

static void
imp_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ImpHistory *self = IMP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, imp_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, imp_history_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, imp_history_is_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_history_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ImpHistory *self = IMP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_history_class_init (ImpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = imp_history_dispose;
  object_class->finalize = imp_history_finalize;
  object_class->get_property = imp_history_get_property;
  object_class->set_property = imp_history_set_property;

  /**
   * ImpHistory:map:
   *
   * The document whose edits are recorded.
   */
  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         IMP_TYPE_MAP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ImpHistory:can-undo:
   *
   * Whether there is an edit to undo.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ImpHistory:can-redo:
   *
   * Whether there is an undone edit to redo.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ImpHistory:modified:
   *
   * Whether the document differs from the clean point (the last save).
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ImpHistory::changed:
   *
   * Emitted after every command, undo, redo or merge, so that labels such
   * as the undo button's tooltip can follow.
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
imp_history_init (ImpHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/**
 * imp_history_new:
 * @map: the document to record edits of
 *
 * Returns: (transfer full): a history with nothing to undo, clean.
 */
ImpHistory *
imp_history_new (ImpMap *map)
{
  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  return g_object_new (IMP_TYPE_HISTORY, "map", map, NULL);
}

/**
 * imp_history_get_map:
 *
 * Returns: (transfer none): the document
 */
ImpMap *
imp_history_get_map (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), NULL);

  return self->map;
}

gboolean
imp_history_can_undo (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);

  return self->n_done > 0;
}

gboolean
imp_history_can_redo (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);

  return self->n_done < self->steps->len;
}

/**
 * imp_history_get_n_undo:
 *
 * Returns: how many steps can be undone
 */
guint
imp_history_get_n_undo (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), 0);

  return self->n_done;
}

/**
 * imp_history_get_undo_label:
 *
 * Returns: (nullable): what undo would take back, e.g. "Rename", or %NULL
 */
const char *
imp_history_get_undo_label (ImpHistory *self)
{
  Step *step;

  g_return_val_if_fail (IMP_IS_HISTORY (self), NULL);

  step = top_step (self);

  return step != NULL ? step->label : NULL;
}

/**
 * imp_history_get_redo_label:
 *
 * Returns: (nullable): what redo would do again, or %NULL
 */
const char *
imp_history_get_redo_label (ImpHistory *self)
{
  Step *step;

  g_return_val_if_fail (IMP_IS_HISTORY (self), NULL);

  if (self->n_done >= self->steps->len)
    return NULL;

  step = g_ptr_array_index (self->steps, self->n_done);

  return step->label;
}

/**
 * imp_history_undo:
 *
 * Takes back the last step.
 *
 * Returns: whether there was a step to undo
 */
gboolean
imp_history_undo (ImpHistory *self)
{
  Step *step;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->current == NULL, FALSE);

  step = top_step (self);
  if (step == NULL)
    return FALSE;

  for (guint i = step->ops->len; i > 0; i--)
    if (!op_revert (self->map, g_ptr_array_index (step->ops, i - 1)))
      g_critical ("Could not undo an edit: the map was changed behind the history");

  self->n_done--;
  self->sealed = TRUE;
  update_state (self);

  return TRUE;
}

/**
 * imp_history_redo:
 *
 * Does the last undone step again.
 *
 * Returns: whether there was a step to redo
 */
gboolean
imp_history_redo (ImpHistory *self)
{
  Step *step;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->current == NULL, FALSE);

  if (self->n_done >= self->steps->len)
    return FALSE;

  step = g_ptr_array_index (self->steps, self->n_done);
  for (guint i = 0; i < step->ops->len; i++)
    if (!op_apply (self->map, g_ptr_array_index (step->ops, i), NULL))
      g_critical ("Could not redo an edit: the map was changed behind the history");

  self->n_done++;
  self->sealed = TRUE;
  update_state (self);

  return TRUE;
}

/**
 * imp_history_is_modified:
 *
 * Returns: whether the document differs from its clean point
 */
gboolean
imp_history_is_modified (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);

  return self->clean != (int) self->n_done;
}

/**
 * imp_history_set_clean:
 *
 * Marks the document as it is now as saved: undoing or redoing back to this
 * point makes it unmodified again.
 */
void
imp_history_set_clean (ImpHistory *self)
{
  g_return_if_fail (IMP_IS_HISTORY (self));

  self->clean = self->n_done;
  self->sealed = TRUE;
  update_state (self);
}

/**
 * imp_history_get_state:
 *
 * Names the document as it is now, for imp_history_set_clean_at() once a
 * save of this state has finished. Seals the last step, so that an edit
 * typed meanwhile is a step of its own and the state stays what was saved.
 *
 * Returns: a value that names this state among all of the history's
 */
guint64
imp_history_get_state (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), 0);

  self->sealed = TRUE;
  if (self->n_done == 0)
    return 0;

  return ((Step *) g_ptr_array_index (self->steps, self->n_done - 1))->state;
}

/**
 * imp_history_set_clean_at:
 * @state: a value from imp_history_get_state()
 *
 * Marks @state as the saved one: the document is unmodified when undo and
 * redo bring it there. A state that undo and redo can no longer reach (it
 * was undone and replaced by another edit) leaves the document modified
 * whatever is undone.
 */
void
imp_history_set_clean_at (ImpHistory *self,
                          guint64     state)
{
  g_return_if_fail (IMP_IS_HISTORY (self));

  self->clean = -1;
  if (state == 0)
    self->clean = 0;
  else
    for (guint i = 0; i < self->steps->len; i++)
      if (((Step *) g_ptr_array_index (self->steps, i))->state == state)
        {
          self->clean = (int) i + 1;
          break;
        }

  update_state (self);
}

/**
 * imp_history_set_unclean:
 *
 * Marks the document as differing from its file whatever is undone or
 * redone, as a restored draft, a repaired file or a map kept over a file
 * changed by someone else does, until the next save.
 */
void
imp_history_set_unclean (ImpHistory *self)
{
  g_return_if_fail (IMP_IS_HISTORY (self));

  self->clean = -1;
  update_state (self);
}

/**
 * imp_history_seal:
 *
 * Ends merging: the next edit of the same field is a step of its own. Call
 * it when a text field loses focus or an in-place edit is committed.
 */
void
imp_history_seal (ImpHistory *self)
{
  g_return_if_fail (IMP_IS_HISTORY (self));

  self->sealed = TRUE;
}

/**
 * imp_history_begin_group:
 * @label: (nullable): what the step is called, e.g. "Move"
 *
 * Makes every command until the matching imp_history_end_group() one step.
 * Groups nest; the outermost label wins.
 */
void
imp_history_begin_group (ImpHistory *self,
                         const char *label)
{
  g_return_if_fail (IMP_IS_HISTORY (self));

  command_begin (self, label);
  self->group_depth++;
}

/**
 * imp_history_end_group:
 *
 * Ends a group begun with imp_history_begin_group(); an empty group adds no step.
 */
void
imp_history_end_group (ImpHistory *self)
{
  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
  command_end (self);
}

/**
 * imp_history_cancel_group:
 *
 * Ends the outermost open group by taking back everything done in it, as
 * when a drag is dropped where it cannot go: no step is added.
 */
void
imp_history_cancel_group (ImpHistory *self)
{
  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth = 0;
  rollback (self, 0);
}

/**
 * imp_history_is_in_group:
 *
 * Returns: whether a group is open (a drag or a new card's first title is
 *   under way); undo and redo wait until it ends
 */
gboolean
imp_history_is_in_group (ImpHistory *self)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);

  return self->group_depth > 0;
}

/* Commands */

/**
 * imp_history_add_node:
 * @parent: (nullable): the node to link the new one under, or %NULL for
 *   an unconnected node
 * @position: where among @parent's children, or -1 for the end
 * @level: the new node's level
 * @title: (nullable): its title
 * @error: return location for an error
 *
 * Adds a node, linked under @parent when given.
 *
 * Returns: (transfer none) (nullable): the new node, or %NULL with @error
 *   set and the map unchanged when @level cannot follow @parent's level.
 */
ImpNode *
imp_history_add_node (ImpHistory  *self,
                      ImpNode     *parent,
                      int          position,
                      ImpLevel     level,
                      const char  *title,
                      GError     **error)
{
  ImpNode *node;
  Op *op;
  guint mark;

  g_return_val_if_fail (IMP_IS_HISTORY (self), NULL);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, NULL);

  mark = command_begin (self, _("Add"));

  op = op_new (OP_ADD_NODE);
  node = _imp_map_add_node (self->map, level, title, NULL, error);
  if (node == NULL)
    {
      op_free (op);
      rollback (self, mark);
      return NULL;
    }
  node_state_save (self->map, node, &op->node);
  g_ptr_array_add (self->current->ops, op);

  if (parent != NULL)
    {
      ImpLink *link = _imp_map_link (self->map, parent, node, position, error);

      if (link == NULL)
        {
          rollback (self, mark);
          return NULL;
        }

      op = op_new (OP_LINK);
      link_state_save (self->map, link, &op->link);
      g_ptr_array_add (self->current->ops, op);
    }

  command_end (self);

  return node;
}

/**
 * imp_history_delete_nodes:
 * @nodes: (array length=n_nodes): nodes of the map
 * @n_nodes: how many
 *
 * Deletes @nodes with their subtrees: every node below them all of whose
 * parents go too. A node that another branch still links to stays.
 *
 * Returns: how many nodes were deleted
 */
guint
imp_history_delete_nodes (ImpHistory      *self,
                          ImpNode * const *nodes,
                          guint            n_nodes)
{
  g_autoptr(GHashTable) doomed = NULL;
  g_autoptr(GPtrArray) order = NULL;
  guint n_map;

  g_return_val_if_fail (IMP_IS_HISTORY (self), 0);

  doomed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_nodes; i++)
    g_hash_table_add (doomed, nodes[i]);

  if (g_hash_table_size (doomed) == 0)
    return 0;

  /* Levels grow along links, so one pass per level finds every node whose
   * parents all go. */
  n_map = imp_map_get_n_nodes (self->map);
  for (guint level = IMP_LEVEL_ACTOR; level < IMP_N_LEVELS; level++)
    for (guint i = 0; i < n_map; i++)
      {
        ImpNode *node = imp_map_get_node (self->map, i);
        gboolean all = node->parents->len > 0;

        if (node->level != level || g_hash_table_contains (doomed, node))
          continue;

        for (guint j = 0; j < node->parents->len && all; j++)
          all = g_hash_table_contains (doomed,
                                       ((ImpLink *) g_ptr_array_index (node->parents, j))->parent);
        if (all)
          g_hash_table_add (doomed, node);
      }

  order = g_ptr_array_new ();
  for (guint i = 0; i < n_map; i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);

      if (g_hash_table_contains (doomed, node))
        g_ptr_array_add (order, node);
    }

  command_begin (self, _("Delete"));

  /* Last in document order first, so each recorded index is right when the
   * removals are undone in reverse. */
  for (guint i = order->len; i > 0; i--)
    {
      ImpNode *node = g_ptr_array_index (order, i - 1);
      Op *op;

      while (node->children->len > 0)
        run_op (self, unlink_op_new (self->map,
                                     g_ptr_array_index (node->children,
                                                        node->children->len - 1)), NULL);
      while (node->parents->len > 0)
        run_op (self, unlink_op_new (self->map,
                                     g_ptr_array_index (node->parents,
                                                        node->parents->len - 1)), NULL);

      op = op_new (OP_REMOVE_NODE);
      node_state_save (self->map, node, &op->node);
      run_op (self, op, NULL);
    }

  command_end (self);

  return order->len;
}

/**
 * imp_history_set_node_title:
 *
 * Renames @node. Consecutive renames of one node merge into one step.
 */
void
imp_history_set_node_title (ImpHistory *self,
                            ImpNode    *node,
                            const char *title)
{
  Value value = { .str = (char *) (title ? title : "") };

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  field_command (self, _("Rename"), node_field_op (node, FIELD_TITLE), &value, NULL);
}

/**
 * imp_history_set_node_notes:
 * @notes: (nullable): the notes, or %NULL or "" for none
 */
void
imp_history_set_node_notes (ImpHistory *self,
                            ImpNode    *node,
                            const char *notes)
{
  Value value = { .str = (char *) notes };

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  field_command (self, _("Edit Notes"), node_field_op (node, FIELD_NOTES), &value, NULL);
}

/**
 * imp_history_set_node_level:
 *
 * Returns: %TRUE, or %FALSE with @error set when the node's links would no
 *   longer fit the level
 */
gboolean
imp_history_set_node_level (ImpHistory  *self,
                            ImpNode     *node,
                            ImpLevel     level,
                            GError     **error)
{
  Value value = { .num = level };

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, FALSE);

  return field_command (self, _("Change Level"), node_field_op (node, FIELD_LEVEL),
                        &value, error);
}

/**
 * imp_history_set_node_position:
 *
 * Pins @node at (@x, @y), or returns it to the layout when @pinned is
 * %FALSE. Consecutive moves of one node merge.
 */
void
imp_history_set_node_position (ImpHistory *self,
                               ImpNode    *node,
                               gboolean    pinned,
                               double      x,
                               double      y)
{
  Value value = { .pinned = !!pinned, .x = pinned ? x : 0, .y = pinned ? y : 0 };

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  value.num = imp_map_get_layout (self->map);

  field_command (self, _("Move"), node_field_op (node, FIELD_POSITION), &value, NULL);
}

void
imp_history_set_node_collapsed (ImpHistory *self,
                                ImpNode    *node,
                                gboolean    collapsed)
{
  Value value = { .num = !!collapsed };

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  field_command (self, collapsed ? _("Collapse") : _("Expand"),
                 node_field_op (node, FIELD_COLLAPSED), &value, NULL);
}

/**
 * imp_history_set_node_metric:
 * @metric: (nullable): the metric to copy, or %NULL to remove it
 */
void
imp_history_set_node_metric (ImpHistory      *self,
                             ImpNode         *node,
                             const ImpMetric *metric)
{
  Value value = { .metric = (ImpMetric *) metric };

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  field_command (self, _("Edit Metric"), node_field_op (node, FIELD_METRIC), &value, NULL);
}

/* A reading is added, changed or removed as a step of its own, never merged
 * with an edit of the metric's fields before or after it. */
static gboolean
readings_command (ImpHistory      *self,
                  ImpNode         *node,
                  const char      *label,
                  const ImpMetric *metric)
{
  Value value = { .metric = (ImpMetric *) metric };
  gboolean ok;

  imp_history_seal (self);
  ok = field_command (self, label, node_field_op (node, FIELD_METRIC), &value, NULL);
  imp_history_seal (self);

  return ok;
}

static gboolean
check_reading (ImpNode     *node,
               const char  *date,
               double       value,
               const char  *note,
               GError     **error)
{
  g_autoptr(GError) too_long = NULL;

  if (node->metric == NULL)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   /* Translators: %s is a card's title */
                   _("“%s” has no metric to take a reading"), node->title);
      return FALSE;
    }
  if (!imp_metric_is_valid_date (date))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("“%s” is not a date written YYYY-MM-DD"), date ? date : "");
      return FALSE;
    }
  if (!isfinite (value))
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("A reading needs a finite number"));
      return FALSE;
    }
  if (!imp_limits_check_text (IMP_TEXT_OTHER, note, &too_long))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("The note is too long: %s"), too_long->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * imp_history_add_reading:
 * @node: a goal or impact with a metric
 * @date: the day measured, "YYYY-MM-DD"
 * @value: the value measured
 * @note: (nullable): a note
 *
 * Adds a reading to @node's metric as one step; the metric's current value
 * becomes its latest reading's.
 *
 * Returns: %TRUE, or %FALSE with @error set when @node has no metric, the
 *   date or number is not valid, or the metric holds IMP_MAX_READINGS
 */
gboolean
imp_history_add_reading (ImpHistory  *self,
                         ImpNode     *node,
                         const char  *date,
                         double       value,
                         const char  *note,
                         GError     **error)
{
  g_autoptr(ImpMetric) metric = NULL;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!check_reading (node, date, value, note, error))
    return FALSE;
  if (imp_metric_get_n_readings (node->metric) >= IMP_MAX_READINGS)
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("“%s” already holds %u readings, as many as one metric can"),
                   node->title, (guint) IMP_MAX_READINGS);
      return FALSE;
    }

  metric = imp_metric_copy (node->metric);
  imp_metric_add_reading (metric, date, value, note);

  return readings_command (self, node, _("Add Reading"), metric);
}

/**
 * imp_history_set_reading:
 * @index: the reading's index, oldest first
 *
 * Changes one reading as one step; it moves to keep date order.
 *
 * Returns: %TRUE, or %FALSE with @error set as imp_history_add_reading()
 */
gboolean
imp_history_set_reading (ImpHistory  *self,
                         ImpNode     *node,
                         guint        index,
                         const char  *date,
                         double       value,
                         const char  *note,
                         GError     **error)
{
  g_autoptr(ImpMetric) metric = NULL;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!check_reading (node, date, value, note, error))
    return FALSE;
  if (index >= imp_metric_get_n_readings (node->metric))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("“%s” has no reading %u"), node->title, index + 1);
      return FALSE;
    }

  metric = imp_metric_copy (node->metric);
  imp_metric_set_reading (metric, index, date, value, note);

  return readings_command (self, node, _("Edit Reading"), metric);
}

/**
 * imp_history_remove_reading:
 *
 * Removes one reading as one step.
 */
void
imp_history_remove_reading (ImpHistory *self,
                            ImpNode    *node,
                            guint       index)
{
  g_autoptr(ImpMetric) metric = NULL;

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail (index < imp_metric_get_n_readings (node->metric));

  metric = imp_metric_copy (node->metric);
  imp_metric_remove_reading (metric, index);
  readings_command (self, node, _("Remove Reading"), metric);
}

/**
 * imp_history_set_node_delivery:
 * @delivery: the status, with the day it shipped when shipped
 *
 * Returns: %TRUE, or %FALSE with @error set when shipped has no valid day
 */
gboolean
imp_history_set_node_delivery (ImpHistory         *self,
                               ImpNode            *node,
                               const ImpDelivery  *delivery,
                               GError            **error)
{
  Value value = { 0 };

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL && delivery != NULL, FALSE);

  value.delivery = *delivery;

  return field_command (self, _("Change Delivery"), node_field_op (node, FIELD_DELIVERY), &value,
                        error);
}

/**
 * imp_history_set_node_ice:
 *
 * Returns: %TRUE, or %FALSE with @error set when a score is above 10
 */
gboolean
imp_history_set_node_ice (ImpHistory    *self,
                          ImpNode       *node,
                          const ImpIce  *ice,
                          GError       **error)
{
  Value value = { 0 };

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL && ice != NULL, FALSE);

  value.ice = *ice;

  return field_command (self, _("Edit Score"), node_field_op (node, FIELD_ICE), &value, error);
}

/**
 * imp_history_set_node_experiment:
 * @experiment: (nullable): the experiment to copy, or %NULL to remove it
 */
void
imp_history_set_node_experiment (ImpHistory          *self,
                                 ImpNode             *node,
                                 const ImpExperiment *experiment)
{
  Value value = { .experiment = (ImpExperiment *) experiment };

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  field_command (self, _("Edit Experiment"), node_field_op (node, FIELD_EXPERIMENT),
                 &value, NULL);
}

static gboolean
link_field (ImpHistory  *self,
            const char  *label,
            ImpNode     *parent,
            ImpNode     *child,
            Field        field,
            const Value *value)
{
  ImpLink *link = imp_map_find_link (self->map, parent, child);

  if (link == NULL)
    return FALSE;

  return field_command (self, label, link_field_op (link, field), value, NULL);
}

/**
 * imp_history_set_link_assumption:
 * @parent: the link's parent
 * @child: the link's child
 * @assumption: (nullable): the sentence, or %NULL or "" for none
 *
 * Links are named by their two ends, since undo re-creates them.
 *
 * Returns: whether the link exists
 */
gboolean
imp_history_set_link_assumption (ImpHistory *self,
                                 ImpNode    *parent,
                                 ImpNode    *child,
                                 const char *assumption)
{
  Value value = { .str = (char *) assumption };

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  return link_field (self, _("Edit Assumption"), parent, child, FIELD_ASSUMPTION, &value);
}

gboolean
imp_history_set_link_confidence (ImpHistory    *self,
                                 ImpNode       *parent,
                                 ImpNode       *child,
                                 ImpConfidence  confidence)
{
  Value value = { .num = confidence };

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  return link_field (self, _("Change Confidence"), parent, child, FIELD_CONFIDENCE, &value);
}

gboolean
imp_history_set_link_status (ImpHistory    *self,
                             ImpNode       *parent,
                             ImpNode       *child,
                             ImpLinkStatus  status)
{
  Value value = { .num = status };

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  return link_field (self, _("Change Status"), parent, child, FIELD_STATUS, &value);
}

void
imp_history_set_map_title (ImpHistory *self,
                           const char *title)
{
  Value value = { .str = (char *) (title ? title : "") };
  Op *op;

  g_return_if_fail (IMP_IS_HISTORY (self));

  op = op_new (OP_FIELD);
  op->field = FIELD_MAP_TITLE;
  field_command (self, _("Rename Map"), op, &value, NULL);
}

/**
 * imp_history_set_vocabulary:
 *
 * Returns: %TRUE, or %FALSE with @error set when the links would not fit
 */
gboolean
imp_history_set_vocabulary (ImpHistory     *self,
                            ImpVocabulary   vocabulary,
                            GError        **error)
{
  Value value = { .num = vocabulary };
  Op *op;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail ((guint) vocabulary < IMP_N_VOCABULARIES, FALSE);

  op = op_new (OP_FIELD);
  op->field = FIELD_VOCABULARY;

  return field_command (self, _("Change Vocabulary"), op, &value, error);
}

/**
 * imp_history_set_layout:
 * @kind: how the map is to be drawn
 *
 * Switches the map's layout, one undo step. Pins stay with their layout.
 */
void
imp_history_set_layout (ImpHistory    *self,
                        ImpLayoutKind  kind)
{
  Value value = { .num = kind };
  Op *op;

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail ((guint) kind < IMP_N_LAYOUTS);

  op = op_new (OP_FIELD);
  op->field = FIELD_LAYOUT;

  /* Each switch is its own step, not merged like typing: undo takes back
   * one choice. */
  imp_history_seal (self);
  field_command (self, _("Change Layout"), op, &value, NULL);
}

/**
 * imp_history_link:
 * @position: where among @parent's children, or -1 for the end
 *
 * Links @child under @parent: its tree parent if it has none, else a cross-link.
 *
 * Returns: %TRUE, or %FALSE with @error set for a level mismatch, a cycle or
 *   a link that exists
 */
gboolean
imp_history_link (ImpHistory  *self,
                  ImpNode     *parent,
                  ImpNode     *child,
                  int          position,
                  GError     **error)
{
  ImpLink *link;
  Op *op;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  link = _imp_map_link (self->map, parent, child, position, error);
  if (link == NULL)
    return FALSE;

  command_begin (self, _("Link"));
  op = op_new (OP_LINK);
  link_state_save (self->map, link, &op->link);
  g_ptr_array_add (self->current->ops, op);
  command_end (self);

  return TRUE;
}

/**
 * imp_history_unlink:
 *
 * Removes the link @parent → @child; both nodes stay.
 *
 * Returns: whether there was such a link
 */
gboolean
imp_history_unlink (ImpHistory *self,
                    ImpNode    *parent,
                    ImpNode    *child)
{
  ImpLink *link;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  link = imp_map_find_link (self->map, parent, child);
  if (link == NULL)
    return FALSE;

  command_begin (self, _("Unlink"));
  run_op (self, unlink_op_new (self->map, link), NULL);
  command_end (self);

  return TRUE;
}

/**
 * imp_history_reparent:
 * @new_parent: (nullable): the new tree parent, or %NULL to detach @node
 * @position: where among @new_parent's children, or -1 for the end
 *
 * Moves @node with its subtree under @new_parent, replacing its tree link;
 * its cross-links stay. A cross-link to @new_parent becomes the tree link.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed when the
 *   levels do not fit or the move would make a cycle
 */
gboolean
imp_history_reparent (ImpHistory  *self,
                      ImpNode     *node,
                      ImpNode     *new_parent,
                      int          position,
                      GError     **error)
{
  ImpNode *old_parent;
  ImpLink *existing = NULL;
  guint mark;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  old_parent = imp_node_get_tree_parent (node);

  if (new_parent != NULL)
    {
      existing = imp_map_find_link (self->map, new_parent, node);
      if (existing == NULL && !imp_map_can_link (self->map, new_parent, node, error))
        return FALSE;
    }

  if (old_parent == new_parent && position < 0)
    return TRUE;

  mark = command_begin (self, _("Move"));

  if (old_parent != NULL && old_parent != new_parent)
    run_op (self, unlink_op_new (self->map, g_ptr_array_index (node->parents, 0)), NULL);

  if (existing != NULL)
    {
      Op *op;

      if (imp_map_get_link_parent_position (self->map, existing) != 0)
        {
          op = op_new (OP_MOVE_PARENT);
          op->link.parent_id = g_strdup (new_parent->id);
          op->link.child_id = g_strdup (node->id);
          op->from = imp_map_get_link_parent_position (self->map, existing);
          op->to = 0;
          run_op (self, op, NULL);
        }

      if (position >= 0)
        {
          op = op_new (OP_MOVE_LINK);
          op->link.parent_id = g_strdup (new_parent->id);
          op->link.child_id = g_strdup (node->id);
          op->from = imp_map_get_link_position (self->map, existing);
          op->to = MIN ((guint) position, new_parent->children->len - 1);
          run_op (self, op, NULL);
        }
    }
  else if (new_parent != NULL)
    {
      Op *op = op_new (OP_LINK);

      op->link.parent_id = g_strdup (new_parent->id);
      op->link.child_id = g_strdup (node->id);
      op->link.position = position < 0 ? (int) new_parent->children->len
                                       : MIN (position, (int) new_parent->children->len);
      op->link.parent_position = 0;
      op->link.confidence = IMP_CONFIDENCE_UNSET;
      op->link.status = IMP_LINK_STATUS_UNTESTED;
      if (!run_op (self, op, error))
        {
          rollback (self, mark);
          return FALSE;
        }
    }

  command_end (self);

  return TRUE;
}

/**
 * imp_history_reorder:
 * @position: the new place among @parent's children (clamped)
 *
 * Moves @child among its siblings under @parent.
 *
 * Returns: whether @parent → @child exists
 */
gboolean
imp_history_reorder (ImpHistory *self,
                     ImpNode    *parent,
                     ImpNode    *child,
                     guint       position)
{
  ImpLink *link;
  Op *op;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (parent != NULL && child != NULL, FALSE);

  link = imp_map_find_link (self->map, parent, child);
  if (link == NULL)
    return FALSE;

  position = MIN (position, parent->children->len - 1);
  if ((int) position == imp_map_get_link_position (self->map, link))
    return TRUE;

  command_begin (self, _("Reorder"));
  op = op_new (OP_MOVE_LINK);
  op->link.parent_id = g_strdup (parent->id);
  op->link.child_id = g_strdup (child->id);
  op->from = imp_map_get_link_position (self->map, link);
  op->to = position;
  run_op (self, op, NULL);
  command_end (self);

  return TRUE;
}

static ImpNode *
paste_branch (ImpHistory  *self,
              ImpNode     *parent,
              ImpNode     *src,
              GPtrArray   *added,
              guint        depth,
              GError     **error)
{
  ImpNode *node;

  node = imp_history_add_node (self, parent, -1, src->level, src->title, error);
  if (node == NULL)
    return NULL;

  g_ptr_array_add (added, node);

  imp_history_set_node_notes (self, node, src->notes);
  imp_history_set_node_metric (self, node, src->metric);
  imp_history_set_node_ice (self, node, &src->ice, NULL);
  imp_history_set_node_delivery (self, node, &src->delivery, NULL);
  imp_history_set_node_experiment (self, node, src->experiment);
  imp_history_set_node_collapsed (self, node, src->collapsed);

  if (depth >= IMP_N_LEVELS)
    return node;

  for (guint i = 0; i < src->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (src->children, i);
      ImpNode *child;

      if (!imp_link_is_tree_link (link))
        continue;

      child = paste_branch (self, node, link->child, added, depth + 1, error);
      if (child == NULL)
        return NULL;

      /* The pasted link keeps what it said. */
      imp_history_set_link_assumption (self, node, child, link->assumption);
      imp_history_set_link_confidence (self, node, child, link->confidence);
      imp_history_set_link_status (self, node, child, link->status);
    }

  return node;
}

/**
 * imp_history_paste:
 * @parent: (nullable): the card to paste under, or %NULL for new roots
 * @source: a map holding the branches to paste: its roots, with their tree
 *   children, notes, metrics, scores and experiments
 * @added: (nullable) (element-type ImpNode): where to add the new nodes
 * @error: return location for an error
 *
 * Copies @source's branches into the map as one step, with new ids.
 *
 * Returns: %TRUE, or %FALSE with @error set and the map unchanged when a
 *   branch's level cannot go under @parent
 */
gboolean
imp_history_paste (ImpHistory  *self,
                   ImpNode     *parent,
                   ImpMap      *source,
                   GPtrArray   *added,
                   GError     **error)
{
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint mark;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (IMP_IS_MAP (source), FALSE);

  roots = imp_map_get_roots (source);
  if (roots->len == 0)
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("There is nothing to paste"));
      return FALSE;
    }

  mark = command_begin (self, _("Paste"));
  self->group_depth++;

  for (guint i = 0; i < roots->len; i++)
    if (paste_branch (self, parent, g_ptr_array_index (roots, i), all, 0, error) == NULL)
      {
        self->group_depth--;
        rollback (self, mark);
        return FALSE;
      }

  self->group_depth--;
  command_end (self);

  if (added != NULL)
    g_ptr_array_extend (added, all, NULL, NULL);

  return TRUE;
}

/* Dot votes. Every vote is its own step, not merged with the one before
 * like typing is: undo takes back exactly one click. */

static void
set_node_votes (ImpHistory *self,
                ImpNode    *node,
                guint       votes)
{
  Value value = { .num = MIN (votes, IMP_MAX_VOTES) };
  const char *label = votes > node->votes ? _("Add Vote") : _("Remove Vote");

  imp_history_seal (self);
  field_command (self, label, node_field_op (node, FIELD_VOTES), &value, NULL);
}

/**
 * imp_history_add_vote:
 * @node: a node of the map
 *
 * Gives @node one more dot vote, as one undo step “Add Vote”; does nothing
 * when it already has %IMP_MAX_VOTES, or when the map's vote budget has no
 * dots left this round (imp_map_get_dots_left()).
 *
 * Returns: whether the vote was cast
 */
gboolean
imp_history_add_vote (ImpHistory *self,
                      ImpNode    *node)
{
  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (node->votes >= IMP_MAX_VOTES || imp_map_get_dots_left (self->map) == 0)
    return FALSE;

  set_node_votes (self, node, node->votes + 1);

  return TRUE;
}

/**
 * imp_history_set_vote_budget:
 * @participants: the people voting, 0 to 1000; 0 for no budget
 * @dots: the dots each of them has, 0 to 100; 0 for no budget
 *
 * Sets the dot-voting budget, as one undo step “Set Vote Budget”. The
 * votes already cast stay, even past a lowered budget.
 */
void
imp_history_set_vote_budget (ImpHistory *self,
                             guint       participants,
                             guint       dots)
{
  Value value = { 0, };
  Op *op;

  g_return_if_fail (IMP_IS_HISTORY (self));

  if (participants > 0 && dots > 0)
    {
      value.participants = MIN (participants, IMP_MAX_PARTICIPANTS);
      value.dots = MIN (dots, IMP_MAX_DOTS);
    }

  imp_history_seal (self);
  op = op_new (OP_FIELD);
  op->field = FIELD_VOTE_BUDGET;
  field_command (self, _("Set Vote Budget"), op, &value, NULL);
}

/**
 * imp_history_remove_vote:
 * @node: a node of the map
 *
 * Takes one dot vote off @node, as one undo step “Remove Vote”; does
 * nothing when it has none.
 */
void
imp_history_remove_vote (ImpHistory *self,
                         ImpNode    *node)
{
  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (node != NULL);

  if (node->votes == 0)
    return;

  set_node_votes (self, node, node->votes - 1);
}

/**
 * imp_history_clear_votes:
 *
 * Takes every dot vote off the map for a new round, as one undo step
 * “Clear Votes”; does nothing when there are none.
 */
void
imp_history_clear_votes (ImpHistory *self)
{
  guint mark;

  g_return_if_fail (IMP_IS_HISTORY (self));

  if (imp_map_get_total_votes (self->map) == 0)
    return;

  mark = command_begin (self, _("Clear Votes"));
  for (guint i = 0; i < imp_map_get_n_nodes (self->map); i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);
      Op *op;

      if (node->votes == 0)
        continue;

      op = node_field_op (node, FIELD_VOTES);
      get_field (self->map, op, &op->old_value);
      op->new_value.num = 0;
      if (!run_op (self, op, NULL))
        {
          rollback (self, mark);
          return;
        }
    }
  command_end (self);
}

/* Parking lot */

/**
 * imp_history_add_parked:
 * @text: the idea
 * @error: return location for an error
 *
 * Puts an idea at the end of the parking lot, trimmed, as one undo step
 * “Park Idea”.
 *
 * Returns: %FALSE with @error set (#IMP_MAP_ERROR_INVALID_VALUE) and
 *   nothing changed when @text is empty or only white space
 */
gboolean
imp_history_add_parked (ImpHistory  *self,
                        const char  *text,
                        GError     **error)
{
  g_autofree char *trimmed = NULL;
  guint mark;
  Op *op;

  g_return_val_if_fail (IMP_IS_HISTORY (self), FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("The idea is not valid UTF-8 text"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("Type the idea first: an empty one cannot be parked"));
      return FALSE;
    }

  op = op_new (OP_PARK);
  op->to = imp_map_get_n_parked (self->map);
  op->parked = g_steal_pointer (&trimmed);

  mark = command_begin (self, _("Park Idea"));
  if (!run_op (self, op, error))
    {
      rollback (self, mark);
      return FALSE;
    }
  command_end (self);

  return TRUE;
}

/**
 * imp_history_remove_parked:
 * @position: an index below imp_map_get_n_parked()
 *
 * Takes an idea out of the parking lot, as one undo step “Remove Idea”.
 */
void
imp_history_remove_parked (ImpHistory *self,
                           guint       position)
{
  guint mark;
  Op *op;

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (position < imp_map_get_n_parked (self->map));

  op = op_new (OP_UNPARK);
  op->to = position;
  op->parked = g_strdup (imp_map_get_parked (self->map, position));

  mark = command_begin (self, _("Remove Idea"));
  if (!run_op (self, op, NULL))
    {
      rollback (self, mark);
      return;
    }
  command_end (self);
}

/**
 * imp_history_place_parked:
 * @position: the idea's index in the parking lot
 * @parent: (nullable): the node to add it under, or %NULL for an
 *   unconnected node (a goal, usually)
 * @child_position: where among @parent's children, or -1 for the end
 * @level: the level of the new node
 * @error: return location for an error
 *
 * Turns a parked idea into a node titled with its text, at @level under
 * @parent, and takes it out of the parking lot: one undo step “Place
 * Idea”.
 *
 * Returns: (transfer none) (nullable): the new node, or %NULL with @error
 *   set and the map and the history unchanged when there is no idea at
 *   @position or @level cannot follow @parent's level
 */
ImpNode *
imp_history_place_parked (ImpHistory  *self,
                          guint        position,
                          ImpNode     *parent,
                          int          child_position,
                          ImpLevel     level,
                          GError     **error)
{
  g_autofree char *text = NULL;
  ImpNode *node;
  guint mark;
  Op *op;

  g_return_val_if_fail (IMP_IS_HISTORY (self), NULL);
  g_return_val_if_fail ((guint) level < IMP_N_LEVELS, NULL);

  if (position >= imp_map_get_n_parked (self->map))
    {
      g_set_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                   _("The parking lot has no idea at position %u"), position + 1);
      return NULL;
    }

  text = g_strdup (imp_map_get_parked (self->map, position));
  op = op_new (OP_UNPARK);
  op->to = position;
  op->parked = g_strdup (text);

  mark = command_begin (self, _("Place Idea"));
  self->group_depth++;

  if (!run_op (self, op, error))
    {
      self->group_depth--;
      rollback (self, mark);
      return NULL;
    }

  node = imp_history_add_node (self, parent, child_position, level, text, error);
  if (node == NULL)
    {
      self->group_depth--;
      rollback (self, mark);
      return NULL;
    }

  self->group_depth--;
  command_end (self);

  return node;
}

/**
 * imp_history_set_map_member:
 * @label: the step's name, e.g. “Record Review”
 * @name: a top-level member of the file this version keeps in the map's
 *   extra members (the reviews, the primary goal: imp-review.h)
 * @value: (nullable): its new value, copied; %NULL removes it
 *
 * Sets a member of the map kept as JSON, as one undo step of its own.
 */
void
imp_history_set_map_member (ImpHistory *self,
                            const char *label,
                            const char *name,
                            JsonNode   *value)
{
  Value new_value = { 0, };
  Op *op;

  g_return_if_fail (IMP_IS_HISTORY (self));
  g_return_if_fail (label != NULL && name != NULL);

  new_value.json = value;
  imp_history_seal (self);
  op = op_new (OP_FIELD);
  op->field = FIELD_MAP_MEMBER;
  op->member = g_strdup (name);
  field_command (self, label, op, &new_value, NULL);
  imp_history_seal (self);
}

/**
 * imp_history_set_conflicts:
 * @json: (nullable): the merge's conflict records as a JSON array, or %NULL
 *
 * Replaces the map's conflict records (imp-merge.h): resolving one is
 * dropping it, in the same step as the change it takes.
 */
void
imp_history_set_conflicts (ImpHistory *self,
                           const char *label,
                           const char *json)
{
  Value value = { .str = (char *) json };
  Op *op;

  g_return_if_fail (IMP_IS_HISTORY (self));

  op = op_new (OP_FIELD);
  op->field = FIELD_CONFLICTS;
  field_command (self, label, op, &value, NULL);
}
