/* imp-canvas-cards.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas as an accessible tree. GTK 4.8 lets only widgets be accessible
 * objects, so the cards a screen reader may walk are child widgets of the
 * canvas that draw nothing and take no pointer events, placed where their
 * cards are (libshumate does the same for map markers). Only the cards
 * around the selection and in view get one, at most MAX_CARDS, so a map of
 * 10,000 cards costs no more than one of 200. The selected card's widget
 * takes the keyboard focus, because a screen reader on 4.8 follows focus;
 * the keys still reach the canvas's own handlers, which sit above it.
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-canvas-private.h"
#include "imp-card-summary.h"
#include "imp-node.h"

/* How many cards at most are widgets at a time. */
#define MAX_CARDS 200
/* How long a pan or zoom rests before the widgets follow the view. */
#define VIEW_SETTLE_MS 120

struct _ImpCanvasCard
{
  GtkWidget  parent_instance;

  char      *node_id;
  char      *label;
  char      *description;
  int        expanded;      /* -1 for a card without children */
  gboolean   selected;
  int        level;
  guint      order;         /* the card's index in the scene, for sorting */
};

G_DEFINE_FINAL_TYPE (ImpCanvasCard, imp_canvas_card, GTK_TYPE_WIDGET)

static void
imp_canvas_card_finalize (GObject *object)
{
  ImpCanvasCard *self = IMP_CANVAS_CARD (object);

  g_free (self->node_id);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (imp_canvas_card_parent_class)->finalize (object);
}

static void
imp_canvas_card_class_init (ImpCanvasCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = imp_canvas_card_finalize;

  gtk_widget_class_set_css_name (widget_class, "impcanvascard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE_ITEM);
}

static void
imp_canvas_card_init (ImpCanvasCard *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The canvas handles every click, drag and drop itself. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  self->expanded = -2;
  self->level = -1;
}

/**
 * imp_canvas_card_get_node_id:
 *
 * Returns: the id of the card's node
 */
const char *
imp_canvas_card_get_node_id (ImpCanvasCard *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS_CARD (self), NULL);

  return self->node_id;
}

/**
 * imp_canvas_card_get_label:
 *
 * The accessible name set last, since GTK 4.8 cannot read it back.
 *
 * Returns: (nullable): the card's title
 */
const char *
imp_canvas_card_get_label (ImpCanvasCard *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS_CARD (self), NULL);

  return self->label;
}

/**
 * imp_canvas_card_get_description:
 *
 * Returns: (nullable): the accessible description set last
 */
const char *
imp_canvas_card_get_description (ImpCanvasCard *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS_CARD (self), NULL);

  return self->description;
}

/* Depth in the tree, from 1 at the roots, as ARIA counts levels. */
static int
tree_depth (const ImpNode *node)
{
  int depth = 1;

  for (ImpNode *parent = imp_node_get_tree_parent (node);
       parent != NULL && depth < 64;
       parent = imp_node_get_tree_parent (parent))
    depth++;

  return depth;
}

static void
update_card (ImpCanvas     *canvas,
             ImpCanvasCard *card,
             ImpNode       *node,
             gboolean       selected)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (card);
  g_autofree char *description = imp_card_summary_describe (canvas->map, node);
  const char *title = node->title != NULL && node->title[0] != '\0' ? node->title : _("Untitled");
  int expanded = imp_node_get_n_children (node) == 0 ? -1 : !node->collapsed;
  int level = tree_depth (node);

  if (g_strcmp0 (card->label, title) != 0)
    {
      g_free (card->label);
      card->label = g_strdup (title);
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }

  if (g_strcmp0 (card->description, description) != 0)
    {
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
      g_free (card->description);
      card->description = g_steal_pointer (&description);
    }

  if (card->level != level)
    {
      card->level = level;
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
    }

  if (card->expanded != expanded)
    {
      card->expanded = expanded;
      if (expanded < 0)
        gtk_accessible_reset_state (accessible, GTK_ACCESSIBLE_STATE_EXPANDED);
      else
        gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
    }

  if (card->selected != selected)
    {
      card->selected = selected;
      gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
    }
}

static gboolean
focus_is_within (ImpCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

typedef struct
{
  ImpNode *node;
  guint    order;
  double   distance;
} Wanted;

static int
compare_distance (gconstpointer a,
                  gconstpointer b)
{
  const Wanted *wa = a, *wb = b;

  return (wa->distance > wb->distance) - (wa->distance < wb->distance);
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Wanted *wa = a, *wb = b;

  return (wa->order > wb->order) - (wa->order < wb->order);
}

/* The cards that get a widget: the selected one and its family first, so
 * that the arrow keys always land on a widget, then those in view nearest
 * the middle, MAX_CARDS in all; sorted as the scene orders its cards. */
static GArray *
collect_wanted (ImpCanvas *self)
{
  GArray *wanted = g_array_new (FALSE, FALSE, sizeof (Wanted));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) in_view = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Wanted));
  const ImpSceneCard *first = _imp_scene_get_n_cards (self->scene) > 0
                              ? _imp_scene_get_card (self->scene, 0) : NULL;
  GPtrArray *selected = imp_selection_get_nodes (self->selection);
  ImpRect visible;
  double cx, cy;

#define ADD(n) G_STMT_START {                                                  \
    ImpNode *add_node_ = (n);                                                  \
    const ImpSceneCard *add_card_;                                             \
    if (add_node_ != NULL && wanted->len < MAX_CARDS &&                        \
        !g_hash_table_contains (seen, add_node_) &&                            \
        (add_card_ = _imp_scene_find_card (self->scene, add_node_)) != NULL && \
        !_imp_scene_card_is_hidden (self->scene, add_card_))                   \
      {                                                                        \
        Wanted w_ = { add_node_, (guint) (add_card_ - first), 0 };             \
        g_hash_table_add (seen, add_node_);                                    \
        g_array_append_val (wanted, w_);                                       \
      }                                                                        \
  } G_STMT_END

  if (first == NULL)
    return wanted;

  for (guint i = 0; i < selected->len && i < MAX_CARDS / 4; i++)
    {
      ImpNode *node = g_ptr_array_index (selected, i);
      ImpNode *parent = imp_node_get_tree_parent (node);

      ADD (node);
      ADD (parent);
      if (parent != NULL)
        for (guint j = 0; j < imp_node_get_n_children (parent) && j < 32; j++)
          ADD (imp_node_get_child (parent, j));
      for (guint j = 0; j < imp_node_get_n_children (node) && j < 32; j++)
        ADD (imp_node_get_child (node, j));
    }

  if (selected->len == 0)
    {
      g_autoptr(GPtrArray) roots = imp_map_get_roots (self->map);

      for (guint i = 0; i < roots->len && i < 8; i++)
        ADD (g_ptr_array_index (roots, i));
    }

  imp_viewport_get_visible_rect (self->viewport, &visible);
  cx = visible.x + visible.width / 2;
  cy = visible.y + visible.height / 2;
  _imp_scene_query_cards (self->scene, &visible, in_view);
  for (guint i = 0; i < in_view->len; i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (self->scene,
                                                      g_array_index (in_view, guint, i));
      double dx = card->rect.x + card->rect.width / 2 - cx;
      double dy = card->rect.y + card->rect.height / 2 - cy;
      Wanted w = { card->node, 0, dx * dx + dy * dy };

      g_array_append_val (near, w);
    }
  if (near->len + wanted->len > MAX_CARDS)
    g_array_sort (near, compare_distance);
  for (guint i = 0; i < near->len && wanted->len < MAX_CARDS; i++)
    ADD (g_array_index (near, Wanted, i).node);

#undef ADD

  g_array_sort (wanted, compare_order);

  return wanted;
}

static void
remove_card (ImpCanvas     *self,
             ImpCanvasCard *card)
{
  g_hash_table_remove (self->card_widgets, card->node_id);
  gtk_widget_unparent (GTK_WIDGET (card));
}

/* The ring that says the map has the keyboard (style.css): on the canvas
 * while a card's widget has the focus and the window shows focus, as
 * :focus-visible did when the canvas itself took the focus. */
static void
update_focus_ring (ImpCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean ring = focus != NULL && IMP_IS_CANVAS_CARD (focus) &&
                  gtk_widget_get_parent (focus) == GTK_WIDGET (self) &&
                  GTK_IS_WINDOW (root) && gtk_window_get_focus_visible (GTK_WINDOW (root));

  if (ring)
    gtk_widget_add_css_class (GTK_WIDGET (self), "card-focus");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "card-focus");
}

static void
root_focus_cb (ImpCanvas  *self,
               GParamSpec *pspec,
               GtkWindow  *window)
{
  update_focus_ring (self);
}

/* From the canvas's realize: the ring follows the window's focus. */
void
_imp_canvas_cards_watch_focus (ImpCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root) || g_object_get_data (G_OBJECT (self), "imp-focus-root") == root)
    return;

  g_object_set_data (G_OBJECT (self), "imp-focus-root", root);
  g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (root_focus_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (root, "notify::focus-visible", G_CALLBACK (root_focus_cb), self,
                           G_CONNECT_SWAPPED);
  update_focus_ring (self);
}

/**
 * _imp_canvas_cards_sync:
 *
 * Makes the card widgets match the map, the selection and the view now.
 */
void
_imp_canvas_cards_sync (ImpCanvas *self)
{
  g_autoptr(GArray) wanted = NULL;
  g_autoptr(GHashTable) keep = NULL;
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  gboolean had_focus = focus_is_within (self);
  ImpNode *primary = imp_selection_get_primary (self->selection);
  GtkWidget *previous = NULL;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->cards_sync_id, g_source_remove);

  if (self->card_widgets == NULL)
    self->card_widgets = g_hash_table_new (g_str_hash, g_str_equal);

  _imp_canvas_ensure_scene (self);
  if (self->map == NULL || self->scene == NULL)
    wanted = g_array_new (FALSE, FALSE, sizeof (Wanted));
  else
    wanted = collect_wanted (self);

  keep = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < wanted->len; i++)
    {
      Wanted *w = &g_array_index (wanted, Wanted, i);
      ImpCanvasCard *card = g_hash_table_lookup (self->card_widgets, w->node->id);

      if (card == NULL)
        {
          card = g_object_new (IMP_TYPE_CANVAS_CARD, NULL);
          card->node_id = g_strdup (w->node->id);
          g_hash_table_insert (self->card_widgets, card->node_id, card);
          gtk_widget_insert_after (GTK_WIDGET (card), GTK_WIDGET (self), previous);
        }
      else if (gtk_widget_get_prev_sibling (GTK_WIDGET (card)) != previous)
        {
          gtk_widget_insert_after (GTK_WIDGET (card), GTK_WIDGET (self), previous);
        }
      card->order = w->order;
      update_card (self, card, w->node, imp_selection_contains (self->selection, w->node));
      g_hash_table_add (keep, card);
      previous = GTK_WIDGET (card);
    }

  /* The focus goes to the selected card before any other widget goes. */
  if (had_focus && primary != NULL && !imp_canvas_is_editing (self))
    {
      GtkWidget *card = g_hash_table_lookup (self->card_widgets, primary->id);

      if (card != NULL && !gtk_widget_has_focus (card))
        gtk_widget_grab_focus (card);
    }

  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!g_hash_table_contains (keep, value))
      g_ptr_array_add (stale, value);
  for (guint i = 0; i < stale->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (stale, i);

      if (gtk_widget_has_focus (card))
        gtk_widget_grab_focus (GTK_WIDGET (self));
      remove_card (self, g_ptr_array_index (stale, i));
    }

  if (had_focus && !focus_is_within (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
sync_cb (gpointer data)
{
  ImpCanvas *self = data;

  self->cards_sync_id = 0;
  _imp_canvas_cards_sync (self);

  return G_SOURCE_REMOVE;
}

/**
 * _imp_canvas_cards_queue_sync:
 * @soon: whether the change is one a listener waits for (the selection, an
 *   edit) rather than a view still moving (a pan or zoom)
 *
 * Brings the card widgets up to date when the main loop is idle, or when
 * the view has settled.
 */
void
_imp_canvas_cards_queue_sync (ImpCanvas *self,
                              gboolean   soon)
{
  if (self->cards_sync_id != 0 && !soon)
    return;

  g_clear_handle_id (&self->cards_sync_id, g_source_remove);
  if (soon)
    self->cards_sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, sync_cb, self, NULL);
  else
    self->cards_sync_id = g_timeout_add (VIEW_SETTLE_MS, sync_cb, self);
}

/* From size_allocate: each widget over its card, in widget pixels. */
void
_imp_canvas_cards_allocate (ImpCanvas *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->card_widgets == NULL || self->scene == NULL)
    return;

  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkWidget *card = value;
      ImpNode *node = imp_map_lookup_node (self->map, IMP_CANVAS_CARD (card)->node_id);
      ImpRect rect = { 0, 0, 0, 0 };
      double x0 = 0, y0 = 0, x1 = 1, y1 = 1;
      int min_w, min_h;

      if (node != NULL && imp_scene_get_card_rect (self->scene, node, &rect))
        {
          imp_viewport_map_to_widget (self->viewport, rect.x, rect.y, &x0, &y0);
          imp_viewport_map_to_widget (self->viewport, rect.x + rect.width, rect.y + rect.height,
                                      &x1, &y1);
        }

      gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (card,
                                &(GtkAllocation) {
                                  (int) x0, (int) y0,
                                  MAX (min_w, MAX (1, (int) (x1 - x0))),
                                  MAX (min_h, MAX (1, (int) (y1 - y0))),
                                }, -1);
    }
}

/* Before the canvas goes: its card widgets go first. */
void
_imp_canvas_cards_dispose (ImpCanvas *self)
{
  g_clear_handle_id (&self->cards_sync_id, g_source_remove);
  if (self->card_widgets != NULL)
    {
      g_autoptr(GList) cards = g_hash_table_get_values (self->card_widgets);

      for (GList *l = cards; l != NULL; l = l->next)
        gtk_widget_unparent (l->data);
      g_clear_pointer (&self->card_widgets, g_hash_table_unref);
    }
}

/* Focus asked of the canvas goes to the selected card's widget. */
gboolean
_imp_canvas_cards_grab_focus (ImpCanvas *self)
{
  ImpNode *primary = imp_selection_get_primary (self->selection);
  GtkWidget *card;

  if (primary == NULL || imp_canvas_is_editing (self))
    return FALSE;

  card = self->card_widgets != NULL ? g_hash_table_lookup (self->card_widgets, primary->id)
                                    : NULL;
  if (card == NULL)
    {
      /* Focus is asked for in the middle of edits too (the editor closing
       * as its card goes): never rebuild the widgets then. The canvas takes
       * the focus, and the sync hands it on to the card. */
      _imp_canvas_cards_queue_sync (self, TRUE);
      return FALSE;
    }

  return gtk_widget_grab_focus (card);
}

/**
 * imp_canvas_get_card_widget:
 * @node: a node of the canvas's map
 *
 * The widget that stands for @node's card to assistive technology.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL when @node has
 *   none now (far from the selection and out of view)
 */
ImpCanvasCard *
imp_canvas_get_card_widget (ImpCanvas *self,
                            ImpNode   *node)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (self->cards_sync_id != 0)
    _imp_canvas_cards_sync (self);

  return self->card_widgets != NULL ? g_hash_table_lookup (self->card_widgets, node->id) : NULL;
}

/**
 * imp_canvas_has_map_focus:
 *
 * Whether the keyboard focus is on the map itself: the canvas or one of its
 * card widgets, not its title editor or a popover on it.
 *
 * Returns: whether keys typed now go to the map
 */
gboolean
imp_canvas_has_map_focus (ImpCanvas *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (IMP_IS_CANVAS (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self) ||
          (IMP_IS_CANVAS_CARD (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self)));
}

/**
 * imp_canvas_get_n_card_widgets:
 *
 * Returns: how many cards have a widget now
 */
guint
imp_canvas_get_n_card_widgets (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), 0);

  if (self->cards_sync_id != 0)
    _imp_canvas_cards_sync (self);

  return self->card_widgets != NULL ? g_hash_table_size (self->card_widgets) : 0;
}
