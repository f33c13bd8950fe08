/* imp-outline-view.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map as a plain tree, read top to bottom: one row per card with its
 * level, title, what it holds (metric progress, ICE, delivery, experiment)
 * and its cross-links on a second line. A GtkListView over a
 * GtkTreeListModel, so only the rows on screen are widgets, at 10,000 cards
 * as at ten. Rows expand and collapse as the cards do, both ways; the
 * selection is the canvas's, both ways; every edit goes through the history.
 */

#define G_LOG_DOMAIN "imp-outline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-a11y.h"
#include "imp-card-summary.h"
#include "imp-node.h"
#include "imp-outline-view.h"

/* One card in the outline. It names its node by id: between an edit and the
 * rebuild that follows it, a removed node is only a failed lookup. */
#define IMP_TYPE_OUTLINE_ITEM (imp_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (ImpOutlineItem, imp_outline_item, IMP, OUTLINE_ITEM, GObject)

struct _ImpOutlineItem
{
  GObject  parent_instance;
  char    *node_id;
};

G_DEFINE_FINAL_TYPE (ImpOutlineItem, imp_outline_item, G_TYPE_OBJECT)

enum {
  ITEM_CHANGED,
  N_ITEM_SIGNALS
};

static guint item_signals[N_ITEM_SIGNALS];

static void
imp_outline_item_finalize (GObject *object)
{
  g_free (IMP_OUTLINE_ITEM (object)->node_id);

  G_OBJECT_CLASS (imp_outline_item_parent_class)->finalize (object);
}

static void
imp_outline_item_class_init (ImpOutlineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = imp_outline_item_finalize;

  /* The card's text or payload changed: its row shows it again. */
  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
imp_outline_item_init (ImpOutlineItem *self)
{
}

struct _ImpOutlineView
{
  GtkWidget         parent_instance;

  ImpMap           *map;
  ImpSelection     *selection;
  ImpHistory       *history;

  GtkWidget        *scrolled;
  GtkWidget        *list_view;
  GtkTreeListModel *tree;
  GtkSingleSelection *model;
  GHashTable       *items;        /* node id → ImpOutlineItem, those made so far */
  GHashTable       *titles;       /* node id → title box of a bound row */

  guint             rebuild_id;
  gboolean          syncing;
};

G_DEFINE_FINAL_TYPE (ImpOutlineView, imp_outline_view, GTK_TYPE_WIDGET)

static ImpNode *
item_node (ImpOutlineView *self,
           ImpOutlineItem *item)
{
  return self->map != NULL && item != NULL ? imp_map_lookup_node (self->map, item->node_id) : NULL;
}

static ImpOutlineItem *
make_item (ImpOutlineView *self,
           ImpNode        *node)
{
  ImpOutlineItem *item = g_object_new (IMP_TYPE_OUTLINE_ITEM, NULL);

  item->node_id = g_strdup (node->id);

  return item;
}

/* Weak notifies run before finalize: the item's id is still there. */
static void
item_gone_cb (gpointer  data,
              GObject  *where)
{
  ImpOutlineView *self = data;
  const char *id = ((ImpOutlineItem *) where)->node_id;

  if (g_hash_table_lookup (self->items, id) == (gpointer) where)
    g_hash_table_remove (self->items, id);
}

/* The hash keeps no reference: an item lives as long as its model. */
static void
register_item (ImpOutlineView *self,
               ImpOutlineItem *item)
{
  ImpOutlineItem *old = g_hash_table_lookup (self->items, item->node_id);

  if (old != NULL)
    g_object_weak_unref (G_OBJECT (old), item_gone_cb, self);
  /* The key is the item's own id: replaced with it. */
  g_hash_table_replace (self->items, item->node_id, item);
  g_object_weak_ref (G_OBJECT (item), item_gone_cb, self);
}

static GListModel *
children_of (ImpOutlineView *self,
             ImpNode        *node)
{
  GListStore *store = g_list_store_new (IMP_TYPE_OUTLINE_ITEM);

  for (guint i = 0; i < imp_node_get_n_children (node); i++)
    {
      ImpNode *child = imp_node_get_child (node, i);
      g_autoptr(ImpOutlineItem) item = NULL;

      /* A cross-linked card shows under its first parent only, as drawn. */
      if (imp_node_get_tree_parent (child) != node)
        continue;
      item = make_item (self, child);
      register_item (self, item);
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  ImpOutlineView *self = user_data;
  ImpNode *node = item_node (self, item);
  GListModel *children;

  if (node == NULL || imp_node_get_n_children (node) == 0)
    return NULL;

  children = children_of (self, node);
  if (g_list_model_get_n_items (children) == 0)
    g_clear_object (&children);

  return children;
}

static ImpNode *
row_node (ImpOutlineView *self,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  return item_node (self, IMP_OUTLINE_ITEM (item));
}

/* How many rows @node takes: its own, and those of the cards shown under it. */
static guint
visible_size (ImpNode *node)
{
  guint n = 1;

  if (!node->collapsed)
    for (guint i = 0; i < imp_node_get_n_children (node); i++)
      {
        ImpNode *child = imp_node_get_child (node, i);

        if (imp_node_get_tree_parent (child) == node)
          n += visible_size (child);
      }

  return n;
}

/* Where @node's row is, from the map's tree alone: the rows above it are
 * those of the roots before its own and of the siblings before each of its
 * ancestors. No row object is made, so a selection costs little at 10,000
 * cards. G_MAXUINT when a card above it is collapsed. */
static guint
position_from_tree (ImpOutlineView *self,
                    ImpNode        *node)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GPtrArray) roots = imp_map_get_roots (self->map);
  ImpNode *top;
  guint position = 0;

  for (ImpNode *n = node; n != NULL && path->len < 64; n = imp_node_get_tree_parent (n))
    g_ptr_array_insert (path, 0, n);
  top = g_ptr_array_index (path, 0);

  for (guint i = 0; i < roots->len && g_ptr_array_index (roots, i) != top; i++)
    position += visible_size (g_ptr_array_index (roots, i));

  for (guint depth = 0; depth + 1 < path->len; depth++)
    {
      ImpNode *parent = g_ptr_array_index (path, depth);
      ImpNode *next = g_ptr_array_index (path, depth + 1);

      if (parent->collapsed)
        return G_MAXUINT;
      position++;
      for (guint i = 0; i < imp_node_get_n_children (parent); i++)
        {
          ImpNode *child = imp_node_get_child (parent, i);

          if (child == next)
            break;
          if (imp_node_get_tree_parent (child) == parent)
            position += visible_size (child);
        }
    }

  return position;
}

/* The row showing @node; G_MAXUINT for none. */
static guint
find_row (ImpOutlineView *self,
          ImpNode        *node)
{
  guint n, guess;

  if (self->tree == NULL || node == NULL || self->map == NULL)
    return G_MAXUINT;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  guess = position_from_tree (self, node);
  if (guess < n)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, guess);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (IMP_OUTLINE_ITEM (item)->node_id, node->id) == 0)
        return guess;
    }

  /* Out of step with the map (a rebuild pending): look row by row. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (IMP_OUTLINE_ITEM (item)->node_id, node->id) == 0)
        return i;
    }

  return G_MAXUINT;
}

/* Opening or closing a row is collapsing its card: one undoable step, which
 * the canvas and the row then follow. */
static void
set_collapsed (ImpOutlineView *self,
               GtkTreeListRow *row,
               gboolean        collapsed)
{
  ImpNode *node = row_node (self, row);

  if (node == NULL || node->collapsed == collapsed || self->history == NULL)
    return;

  imp_history_set_node_collapsed (self->history, node, collapsed);
}

static void
row_expanded_cb (GtkTreeListRow *row,
                 GParamSpec     *pspec,
                 ImpOutlineView *self)
{
  ImpNode *node = row_node (self, row);
  gboolean collapsed = !gtk_tree_list_row_get_expanded (row);

  if (self->syncing || node == NULL || node->collapsed == collapsed)
    return;

  set_collapsed (self, row, collapsed);
}

static void
expand_rows (ImpOutlineView *self)
{
  /* Rows open as their cards are; each opened row adds its children after
   * it, so the walk meets them next. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      ImpNode *node = row_node (self, row);

      if (node != NULL && !node->collapsed && gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void sync_selection_from_map (ImpOutlineView *self);

static void
selected_cb (GtkSingleSelection *model,
             GParamSpec         *pspec,
             ImpOutlineView     *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (model);
  ImpNode *node = row_node (self, row);

  if (self->syncing || node == NULL || self->selection == NULL)
    return;

  self->syncing = TRUE;
  imp_selection_select (self->selection, node);
  self->syncing = FALSE;
}

static void
rebuild (ImpOutlineView *self)
{
  g_autoptr(GListStore) roots = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  GtkTreeListModel *tree;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  self->syncing = TRUE;
  roots = g_list_store_new (IMP_TYPE_OUTLINE_ITEM);
  if (self->map != NULL)
    {
      nodes = imp_map_get_roots (self->map);
      for (guint i = 0; i < nodes->len; i++)
        {
          g_autoptr(ImpOutlineItem) item = make_item (self, g_ptr_array_index (nodes, i));

          register_item (self, item);
          g_list_store_append (roots, item);
        }
    }

  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                  create_children_cb, self, NULL);
  g_clear_object (&self->tree);
  self->tree = tree;
  expand_rows (self);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  self->model = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (tree)));
  gtk_single_selection_set_autoselect (self->model, FALSE);
  gtk_single_selection_set_can_unselect (self->model, TRUE);
  gtk_single_selection_set_selected (self->model, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->model, "notify::selected", G_CALLBACK (selected_cb), self, 0);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view),
                           GTK_SELECTION_MODEL (self->model));
  self->syncing = FALSE;

  sync_selection_from_map (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  ImpOutlineView *self = data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (ImpOutlineView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, rebuild_cb, self, NULL);
}

static void
sync_selection_from_map (ImpOutlineView *self)
{
  ImpNode *primary = self->selection != NULL ? imp_selection_get_primary (self->selection) : NULL;
  guint position;

  if (self->model == NULL || self->rebuild_id != 0)
    return;

  position = find_row (self, primary);
  if (position == gtk_single_selection_get_selected (self->model))
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->model,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->syncing = FALSE;
  if (position != G_MAXUINT && gtk_widget_get_mapped (self->list_view))
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

static void
selection_changed_cb (ImpOutlineView *self,
                      ImpSelection   *selection)
{
  if (!self->syncing)
    sync_selection_from_map (self);
}

static void
map_changed_cb (ImpOutlineView *self,
                ImpChangeKind   kind,
                gpointer        object,
                ImpMap         *map)
{
  ImpOutlineItem *item;
  ImpNode *node = object;

  switch (kind)
    {
    case IMP_CHANGE_NODE_TEXT:
    case IMP_CHANGE_NODE_PAYLOAD:
    case IMP_CHANGE_NODE_VOTES:
      item = g_hash_table_lookup (self->items, node->id);
      if (item != NULL)
        g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
      /* An experiment's result shows on its deliverable's row too. */
      for (guint i = 0; kind == IMP_CHANGE_NODE_PAYLOAD && i < node->parents->len; i++)
        {
          ImpNode *parent = ((ImpLink *) g_ptr_array_index (node->parents, i))->parent;

          item = g_hash_table_lookup (self->items, parent->id);
          if (item != NULL)
            g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
        }
      break;

    case IMP_CHANGE_NODE_COLLAPSED:
      {
        guint position = find_row (self, node);

        if (position != G_MAXUINT)
          {
            g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);

            self->syncing = TRUE;
            gtk_tree_list_row_set_expanded (row, !node->collapsed);
            if (!node->collapsed)
              expand_rows (self);
            self->syncing = FALSE;
          }
        item = g_hash_table_lookup (self->items, node->id);
        if (item != NULL)
          g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
      }
      break;

    case IMP_CHANGE_NODE_POSITION:
    case IMP_CHANGE_PARKING_LOT:
    case IMP_CHANGE_VOTE_BUDGET:
    case IMP_CHANGE_MAP_TITLE:
    case IMP_CHANGE_LAYOUT:
      break;

    case IMP_CHANGE_LINK_CHANGED:
    case IMP_CHANGE_EVERYTHING:
    case IMP_CHANGE_VOCABULARY:
    case IMP_CHANGE_NODE_ADDED:
    case IMP_CHANGE_NODE_REMOVED:
    case IMP_CHANGE_LINK_ADDED:
    case IMP_CHANGE_LINK_REMOVED:
    default:
      queue_rebuild (self);
      break;
    }
}

/* Rows */

typedef struct
{
  GtkWidget *expander;
  GtkWidget *level;
  GtkWidget *title;         /* a box: the label, or the entry while renaming */
  GtkWidget *title_label;
  GtkWidget *title_entry;
  GtkWidget *state;
  GtkWidget *links;
  ImpOutlineItem *item;
  gulong     changed_id;
} Row;

static void
row_free (gpointer data)
{
  g_free (data);
}

/* Renaming in place: the title turns into an entry; Enter or leaving it
 * keeps the text, Escape does not. */
static void
finish_renaming (ImpOutlineView *self,
                 Row            *row,
                 gboolean        keep)
{
  ImpNode *node = row->item != NULL ? item_node (self, row->item) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->title_entry));
  gboolean had_focus;

  if (!gtk_widget_get_visible (row->title_entry))
    return;

  had_focus = gtk_widget_has_focus (row->title_entry) ||
              gtk_widget_get_focus_child (row->title_entry) != NULL;
  gtk_widget_set_visible (row->title_entry, FALSE);
  gtk_widget_set_visible (row->title_label, TRUE);
  if (keep && node != NULL && text[0] != '\0' && g_strcmp0 (text, node->title) != 0 &&
      self->history != NULL)
    imp_history_set_node_title (self->history, node, text);
  if (had_focus)
    gtk_widget_grab_focus (self->list_view);
}

static void
title_activate_cb (GtkEntry *entry,
                   Row      *row)
{
  ImpOutlineView *self = g_object_get_data (G_OBJECT (row->title), "imp-view");

  if (self != NULL)
    finish_renaming (self, row, TRUE);
}

static gboolean
title_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              Row                   *row)
{
  ImpOutlineView *self = g_object_get_data (G_OBJECT (row->title), "imp-view");

  if (keyval != GDK_KEY_Escape || self == NULL)
    return GDK_EVENT_PROPAGATE;

  finish_renaming (self, row, FALSE);
  return GDK_EVENT_STOP;
}

static void
title_leave_cb (GtkEventControllerFocus *controller,
                Row                     *row)
{
  ImpOutlineView *self = g_object_get_data (G_OBJECT (row->title), "imp-view");

  if (self != NULL)
    finish_renaming (self, row, TRUE);
}

static GdkContentProvider *drag_prepare_cb (GtkDragSource *source, double x, double y, Row *row);
static gboolean            drop_cb         (GtkDropTarget *target, const GValue *value,
                                            double x, double y, Row *row);

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ImpOutlineView           *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *controller;

  row->expander = gtk_tree_expander_new ();
  row->level = gtk_label_new (NULL);
  row->title = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  row->title_label = gtk_label_new (NULL);
  row->title_entry = gtk_entry_new ();
  row->state = gtk_label_new (NULL);
  row->links = gtk_label_new (NULL);

  gtk_widget_add_css_class (row->level, "dim-label");
  gtk_widget_add_css_class (row->level, "caption");
  gtk_label_set_xalign (GTK_LABEL (row->level), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_hexpand (row->title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (row->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (row->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (row->title_label), 36);
  /* The label, or the entry while renaming: only one is ever shown. */
  gtk_box_append (GTK_BOX (row->title), row->title_label);
  gtk_box_append (GTK_BOX (row->title), row->title_entry);
  gtk_widget_set_visible (row->title_entry, FALSE);
  imp_a11y_set_label (row->title_entry, _("Title"));
  gtk_widget_add_css_class (row->state, "dim-label");
  gtk_widget_add_css_class (row->state, "numeric");
  gtk_widget_add_css_class (row->state, "caption");
  gtk_label_set_wrap (GTK_LABEL (row->state), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->state), 14);
  gtk_label_set_justify (GTK_LABEL (row->state), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (row->state), 1);
  gtk_widget_add_css_class (row->links, "dim-label");
  gtk_widget_add_css_class (row->links, "caption");
  gtk_label_set_xalign (GTK_LABEL (row->links), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->links), PANGO_ELLIPSIZE_END);

  /* The level above the title, so that deep rows keep room for it. */
  gtk_box_append (GTK_BOX (text), row->level);
  gtk_box_append (GTK_BOX (text), row->title);
  gtk_box_append (GTK_BOX (text), row->links);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), row->state);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_end (box, 6);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (row->expander), box);
  gtk_list_item_set_child (list_item, row->expander);
  g_object_set_data (G_OBJECT (row->title), "imp-row", row);

  g_signal_connect (row->title_entry, "activate", G_CALLBACK (title_activate_cb), row);
  {
    GtkDragSource *source = gtk_drag_source_new ();
    GtkDropTarget *target = gtk_drop_target_new (IMP_TYPE_OUTLINE_ITEM, GDK_ACTION_MOVE);

    gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
    g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));
  }
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (title_key_cb), row);
  gtk_widget_add_controller (row->title_entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (title_leave_cb), row);
  gtk_widget_add_controller (row->title_entry, controller);
  g_object_set_data_full (G_OBJECT (list_item), "imp-row", row, row_free);
}

static void
show_row (ImpOutlineView *self,
          Row            *row)
{
  ImpNode *node = item_node (self, row->item);
  g_autofree char *state = NULL;
  g_autofree char *links = NULL;
  g_autofree char *description = NULL;
  const char *title;

  if (node == NULL)
    return;

  title = node->title != NULL && node->title[0] != '\0' ? node->title : _("Untitled");
  state = imp_card_summary_state (node);
  links = imp_card_summary_cross_links (node);
  description = imp_card_summary_describe (self->map, node);

  gtk_label_set_label (GTK_LABEL (row->level),
                       imp_vocabulary_level_name (imp_map_get_vocabulary (self->map), node->level));
  gtk_label_set_label (GTK_LABEL (row->title_label), title);
  gtk_label_set_label (GTK_LABEL (row->state), state);
  gtk_widget_set_visible (row->state, state[0] != '\0');
  gtk_label_set_label (GTK_LABEL (row->links), links != NULL ? links : "");
  gtk_widget_set_visible (row->links, links != NULL);

  /* What a screen reader says of the row: the title, then the level, its
   * place and what it holds, as on the canvas. */
  imp_a11y_set_label (row->expander, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
item_changed_cb (ImpOutlineItem *item,
                 Row            *row)
{
  ImpOutlineView *self = g_object_get_data (G_OBJECT (row->title), "imp-view");

  if (self != NULL)
    show_row (self, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ImpOutlineView           *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "imp-row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), list_row);
  row->item = IMP_OUTLINE_ITEM (gtk_tree_list_row_get_item (list_row));
  g_object_set_data (G_OBJECT (row->title), "imp-view", self);
  row->changed_id = g_signal_connect (row->item, "changed", G_CALLBACK (item_changed_cb), row);
  g_signal_connect_object (list_row, "notify::expanded", G_CALLBACK (row_expanded_cb), self, 0);
  g_hash_table_insert (self->titles, g_strdup (row->item->node_id), row->title);
  show_row (self, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ImpOutlineView           *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "imp-row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (list_item);

  finish_renaming (self, row, FALSE);
  if (list_row != NULL)
    g_signal_handlers_disconnect_by_func (list_row, row_expanded_cb, self);
  if (row->item != NULL)
    {
      if (g_hash_table_lookup (self->titles, row->item->node_id) == row->title)
        g_hash_table_remove (self->titles, row->item->node_id);
      g_clear_signal_handler (&row->changed_id, row->item);
      g_clear_object (&row->item);
    }
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), NULL);
}

/* Drag and drop: a row dropped on another goes under its card, as a card
 * dropped on a card does on the map. */

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * imp_outline_view_move_under:
 * @node: a card of the map shown
 * @parent: the card it goes under
 * @error: why not, when it cannot
 *
 * Moves @node's branch under @parent, one step of the history, as a drop
 * of its row on @parent's row does.
 *
 * Returns: whether it moved
 */
gboolean
imp_outline_view_move_under (ImpOutlineView  *self,
                             ImpNode         *node,
                             ImpNode         *parent,
                             GError         **error)
{
  g_return_val_if_fail (IMP_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (node != NULL && parent != NULL, FALSE);

  /* A map shown without a history is only viewed. */
  if (self->history == NULL)
    return FALSE;

  if (node == parent || imp_node_get_tree_parent (node) == parent)
    return TRUE;

  /* One step, as on the map: the branch moves and is laid out again. */
  imp_history_begin_group (self->history, _("Move"));
  if (!imp_history_reparent (self->history, node, parent, -1, error))
    {
      imp_history_cancel_group (self->history);
      return FALSE;
    }
  imp_history_set_node_position (self->history, node, FALSE, 0, 0);
  imp_history_end_group (self->history);

  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 Row           *row)
{
  if (row->item == NULL)
    return NULL;

  return gdk_content_provider_new_typed (IMP_TYPE_OUTLINE_ITEM, row->item);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Row           *row)
{
  ImpOutlineView *self = g_object_get_data (G_OBJECT (row->title), "imp-view");
  ImpNode *node, *parent;
  g_autoptr(GError) error = NULL;

  if (self == NULL || !G_VALUE_HOLDS (value, IMP_TYPE_OUTLINE_ITEM))
    return FALSE;

  node = item_node (self, g_value_get_object (value));
  parent = item_node (self, row->item);
  if (node == NULL || parent == NULL)
    return FALSE;

  if (!imp_outline_view_move_under (self, node, parent, &error))
    {
      if (error != NULL)
        g_signal_emit (self, signals[MESSAGE], 0, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Keys */

static gboolean
editing (ImpOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL;
}

static GtkTreeListRow *
selected_row (ImpOutlineView *self)
{
  return self->model != NULL ? gtk_single_selection_get_selected_item (self->model) : NULL;
}

/**
 * imp_outline_view_start_renaming:
 *
 * Turns the selected row's title into a field, as F2 does.
 *
 * Returns: whether a row is being renamed
 */
gboolean
imp_outline_view_start_renaming (ImpOutlineView *self)
{
  ImpNode *node;
  GtkWidget *title;

  g_return_val_if_fail (IMP_IS_OUTLINE_VIEW (self), FALSE);

  node = row_node (self, selected_row (self));
  title = node != NULL ? g_hash_table_lookup (self->titles, node->id) : NULL;
  if (title == NULL)
    return FALSE;

  {
    Row *row = g_object_get_data (G_OBJECT (title), "imp-row");

    gtk_editable_set_text (GTK_EDITABLE (row->title_entry), node->title != NULL ? node->title : "");
    gtk_widget_set_visible (row->title_label, FALSE);
    gtk_widget_set_visible (row->title_entry, TRUE);
    gtk_widget_grab_focus (row->title_entry);
    gtk_editable_select_region (GTK_EDITABLE (row->title_entry), 0, -1);
  }

  return TRUE;
}

static gboolean
key_pressed_cb (ImpOutlineView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK |
                                  GDK_SUPER_MASK);
  GtkTreeListRow *row;

  if (editing (self))
    return GDK_EVENT_PROPAGATE;

  /* The canvas's keys, on the card selected in both. */
  if (mods == GDK_ALT_MASK)
    {
      const char *direction = NULL;

      switch (keyval)
        {
        case GDK_KEY_Up: direction = "up"; break;
        case GDK_KEY_Down: direction = "down"; break;
        case GDK_KEY_Left: direction = "left"; break;
        case GDK_KEY_Right: direction = "right"; break;
        default: break;
        }
      if (direction == NULL)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (widget, "win.move-along", "s", direction);
      return GDK_EVENT_STOP;
    }

  if (mods == GDK_SHIFT_MASK && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    return gtk_widget_activate_action (widget, "win.add-sibling-before", NULL);

  if (mods != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_Insert:
      return gtk_widget_activate_action (widget, "win.add-child", NULL);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return gtk_widget_activate_action (widget, "win.add-sibling", NULL);

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      return gtk_widget_activate_action (widget, "win.delete", NULL);

    case GDK_KEY_F2:
      return imp_outline_view_start_renaming (self);

    case GDK_KEY_Left:
    case GDK_KEY_Right:
      /* Left closes a row, or goes to its parent; Right opens it. */
      row = selected_row (self);
      if (row == NULL)
        return GDK_EVENT_PROPAGATE;
      if (keyval == GDK_KEY_Right)
        {
          if (gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
            set_collapsed (self, row, FALSE);
        }
      else if (gtk_tree_list_row_is_expandable (row) && gtk_tree_list_row_get_expanded (row))
        set_collapsed (self, row, TRUE);
      else
        {
          g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

          if (parent != NULL && self->selection != NULL)
            imp_selection_select (self->selection, row_node (self, parent));
        }
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* The object */

static void
imp_outline_view_dispose (GObject *object)
{
  ImpOutlineView *self = IMP_OUTLINE_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->map);
  g_clear_object (&self->selection);
  g_clear_object (&self->history);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (imp_outline_view_parent_class)->dispose (object);
}

static void
imp_outline_view_finalize (GObject *object)
{
  ImpOutlineView *self = IMP_OUTLINE_VIEW (object);

  /* Items still alive (a row's reference) must not call back. */
  if (self->items != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, item_gone_cb, self);
      g_clear_pointer (&self->items, g_hash_table_unref);
    }

  G_OBJECT_CLASS (imp_outline_view_parent_class)->finalize (object);
}

static void
imp_outline_view_class_init (ImpOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_outline_view_dispose;
  object_class->finalize = imp_outline_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "impoutlineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * ImpOutlineView::message:
   * @message: a sentence for the user, e.g. why a drop was refused
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
imp_outline_view_init (ImpOutlineView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;

  self->items = g_hash_table_new (g_str_hash, g_str_equal);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);

  self->list_view = gtk_list_view_new (NULL, factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  imp_a11y_set_label (self->list_view, _("Outline"));
  imp_a11y_set_label (GTK_WIDGET (self), _("Outline"));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->list_view, controller);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->list_view);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 340, -1);

  rebuild (self);
}

/**
 * imp_outline_view_new:
 *
 * Returns: (transfer floating): an outline showing no map
 */
GtkWidget *
imp_outline_view_new (void)
{
  return g_object_new (IMP_TYPE_OUTLINE_VIEW, NULL);
}

/**
 * imp_outline_view_set_map:
 * @map: (nullable): the map shown
 * @selection: (nullable): the selection shared with the canvas
 * @history: (nullable): where edits go; %NULL to only view
 *
 * Shows @map as a tree, its selection following @selection both ways.
 */
void
imp_outline_view_set_map (ImpOutlineView *self,
                          ImpMap         *map,
                          ImpSelection   *selection,
                          ImpHistory     *history)
{
  g_return_if_fail (IMP_IS_OUTLINE_VIEW (self));

  if (self->selection != selection)
    {
      if (self->selection != NULL)
        g_signal_handlers_disconnect_by_data (self->selection, self);
      g_set_object (&self->selection, selection);
      if (selection != NULL)
        g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  g_set_object (&self->history, history);

  if (self->map == map)
    return;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  if (map != NULL)
    g_signal_connect_object (map, "changed", G_CALLBACK (map_changed_cb), self,
                             G_CONNECT_SWAPPED);

  rebuild (self);
}

/**
 * imp_outline_view_get_list_view:
 *
 * Returns: (transfer none): the list of rows, which takes the focus
 */
GtkWidget *
imp_outline_view_get_list_view (ImpOutlineView *self)
{
  g_return_val_if_fail (IMP_IS_OUTLINE_VIEW (self), NULL);

  return self->list_view;
}

/**
 * imp_outline_view_get_n_rows:
 *
 * Returns: how many rows the outline has now: the cards not under a
 *   collapsed one
 */
guint
imp_outline_view_get_n_rows (ImpOutlineView *self)
{
  g_return_val_if_fail (IMP_IS_OUTLINE_VIEW (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);

  return self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
}

/**
 * imp_outline_view_get_row_node:
 * @position: a row
 *
 * Returns: (transfer none) (nullable): the card of row @position
 */
ImpNode *
imp_outline_view_get_row_node (ImpOutlineView *self,
                               guint           position)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_val_if_fail (IMP_IS_OUTLINE_VIEW (self), NULL);

  if (self->rebuild_id != 0)
    rebuild (self);
  if (self->tree == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->tree)))
    return NULL;

  row = gtk_tree_list_model_get_row (self->tree, position);

  return row_node (self, row);
}

/**
 * imp_outline_view_get_selected_node:
 *
 * Returns: (transfer none) (nullable): the card of the selected row
 */
ImpNode *
imp_outline_view_get_selected_node (ImpOutlineView *self)
{
  g_return_val_if_fail (IMP_IS_OUTLINE_VIEW (self), NULL);

  if (self->rebuild_id != 0)
    rebuild (self);

  return row_node (self, selected_row (self));
}

/**
 * imp_outline_view_select_row:
 * @position: a row
 *
 * Selects row @position, as a click on it does.
 */
void
imp_outline_view_select_row (ImpOutlineView *self,
                             guint           position)
{
  g_return_if_fail (IMP_IS_OUTLINE_VIEW (self));

  if (self->rebuild_id != 0)
    rebuild (self);
  if (self->model != NULL)
    gtk_single_selection_set_selected (self->model, position);
}

/**
 * imp_outline_view_set_row_expanded:
 * @position: a row
 * @expanded: whether to show the cards under it
 *
 * Opens or closes row @position, as its expander does: the card collapses
 * or expands with it, one step of the history.
 */
void
imp_outline_view_set_row_expanded (ImpOutlineView *self,
                                   guint           position,
                                   gboolean        expanded)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_if_fail (IMP_IS_OUTLINE_VIEW (self));

  if (self->rebuild_id != 0)
    rebuild (self);
  if (self->tree == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->tree)))
    return;

  row = gtk_tree_list_model_get_row (self->tree, position);
  if (gtk_tree_list_row_is_expandable (row))
    set_collapsed (self, row, !expanded);
}
