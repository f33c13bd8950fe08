/* imp-window-edit.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-format.h"
#include "imp-outline.h"
#include "imp-window-private.h"

/* The clipboard carries a branch twice: as a document of our own format,
 * which keeps every field, and as an indented outline for other apps. */
#define BRANCH_MIME_TYPE "application/x-impactmap"

/* The window's edit actions: undo and redo, adding, renaming, deleting and
 * moving cards from the keyboard, selection, collapse and tidy up. Each
 * goes through the window's #ImpHistory, so every one can be taken back. */

static ImpSelection *
get_selection (ImpWindow *self)
{
  return imp_canvas_get_selection (self->canvas);
}

static ImpNode *
get_primary (ImpWindow *self)
{
  return imp_selection_get_primary (get_selection (self));
}

static void
undo_toast_dismissed_cb (ImpWindow *self,
                         AdwToast  *toast)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

/* libadwaita 1.2 frees a toast's state when its hide animation ends but
 * leaves its show animation running: a toast dismissed less than half a
 * second after it came up in place of another crashes at the end of that
 * animation. So a toast on screen is dismissed once any show animation is
 * over; one still waiting in the overlay's queue has no animation yet and
 * goes at once. Waiting on a queued one would let it come up in the
 * meantime (when the toast before it times out) and be dismissed in the
 * middle of its show animation: the crash again. */
#define TOAST_SETTLE_MS 600

static gboolean
dismiss_settled_toast_cb (gpointer data)
{
  g_autoptr(AdwToast) toast = g_weak_ref_get (data);

  if (toast != NULL)
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Whether @toast is on screen (or going): the overlay gives the toast it
 * shows a widget of its own, with the toast in its "toast" property; a
 * queued toast has none. */
static gboolean
toast_is_shown (ImpWindow *self,
                AdwToast  *toast)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(AdwToast) shown = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") == NULL)
        continue;
      g_object_get (child, "toast", &shown, NULL);
      if (shown == toast)
        return TRUE;
    }

  return FALSE;
}

void
_imp_window_dismiss_toast (ImpWindow *self,
                           AdwToast  *toast)
{
  GWeakRef *ref;

  if (!toast_is_shown (self, toast))
    {
      adw_toast_dismiss (toast);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, toast);
  g_timeout_add_full (G_PRIORITY_DEFAULT, TOAST_SETTLE_MS, dismiss_settled_toast_cb, ref,
                      free_weak_ref);
}

static void
show_toast (ImpWindow  *self,
            const char *message,
            gboolean    with_undo)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      /* Once undone, its message would be wrong: undo dismisses it. */
      g_set_weak_pointer (&self->undo_toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Refusals go through the canvas' message signal, like refused drops, so
 * that they all end up in one toast. */
static void
show_refusal (ImpWindow  *self,
              const char *message)
{
  g_signal_emit_by_name (self->canvas, "message", message);
}

/* The undo and redo buttons say what they would undo or redo. */
static void
update_undo_tooltips (ImpWindow *self)
{
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;
  const char *label;

  if (self->undo_button == NULL || self->history == NULL)
    return;

  label = imp_history_get_undo_label (self->history);
  /* Translators: the undo button's tooltip; %s is what it undoes, e.g. "Rename" */
  undo_tip = label ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), label) : g_strdup (_("Undo (Ctrl+Z)"));
  label = imp_history_get_redo_label (self->history);
  /* Translators: the redo button's tooltip; %s is what it redoes, e.g. "Rename" */
  redo_tip = label ? g_strdup_printf (_("Redo %s (Ctrl+Shift+Z)"), label)
                   : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
history_changed_cb (ImpWindow  *self,
                    ImpHistory *history)
{
  _imp_window_actions_update (self);
  update_undo_tooltips (self);
}

static void
selection_changed_cb (ImpWindow    *self,
                      ImpSelection *selection)
{
  _imp_window_actions_update (self);
  update_undo_tooltips (self);
}

static void
canvas_message_cb (ImpWindow  *self,
                   const char *message,
                   ImpCanvas  *canvas)
{
  show_toast (self, message, FALSE);
}

/* Where a new node under @parent goes: one level right, except that goals
 * take outcomes directly when the vocabulary folds actors away. */
static gboolean
child_level (ImpWindow *self,
             ImpNode   *parent,
             ImpLevel  *level)
{
  return imp_level_new_child (imp_map_get_vocabulary (self->map), parent->level, level);
}

/* Ends the group the caller began, when the title is in. */
static void
edit_new_node (ImpWindow  *self,
               ImpNode    *node,
               const char *text)
{
  imp_selection_select (get_selection (self), node);
  imp_canvas_keep_in_view (self->canvas, node);
  imp_canvas_start_editing_new (self->canvas, node, text);
}

/* Enter or typing in an empty map: a goal, its title being edited. */
static ImpNode *
add_goal (ImpWindow  *self,
          const char *text)
{
  ImpNode *node;

  imp_canvas_stop_editing (self->canvas, TRUE);
  imp_history_begin_group (self->history, _("Add"));
  node = imp_history_add_node (self->history, NULL, -1, IMP_LEVEL_GOAL, "", NULL);
  edit_new_node (self, node, text);

  return node;
}

void
_imp_window_edit_add_child_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpNode *parent = get_primary (self);
  g_autoptr(GError) error = NULL;
  ImpLevel level;
  ImpNode *node;

  if (parent == NULL)
    return;

  if (!child_level (self, parent, &level))
    {
      show_refusal (self, _("Experiments are the last level: they take no children"));
      return;
    }

  imp_canvas_stop_editing (self->canvas, TRUE);
  imp_history_begin_group (self->history, _("Add"));
  /* A new child of a folded branch must be seen. */
  imp_history_set_node_collapsed (self->history, parent, FALSE);
  node = imp_history_add_node (self->history, parent, -1, level, "", &error);

  if (node == NULL)
    {
      imp_history_cancel_group (self->history);
      show_refusal (self, error->message);
    }
  else
    edit_new_node (self, node, NULL);
}

static void
add_sibling (ImpWindow *self,
             gboolean   before)
{
  ImpNode *node = get_primary (self);
  ImpNode *parent;
  ImpNode *sibling;
  g_autoptr(GError) error = NULL;
  int position = -1;

  if (node == NULL)
    {
      if (imp_map_get_n_nodes (self->map) == 0)
        add_goal (self, NULL);
      else
        imp_selection_select (get_selection (self), imp_map_get_node (self->map, 0));
      return;
    }

  parent = imp_node_get_tree_parent (node);
  if (parent != NULL)
    {
      int index = imp_map_get_link_position (self->map, node->parents->pdata[0]);

      position = before ? index : index + 1;
    }

  imp_canvas_stop_editing (self->canvas, TRUE);
  imp_history_begin_group (self->history, _("Add"));
  sibling = imp_history_add_node (self->history, parent, position, node->level, "", &error);
  if (sibling == NULL)
    {
      imp_history_cancel_group (self->history);
      show_refusal (self, error->message);
      return;
    }

  edit_new_node (self, sibling, NULL);
}

void
_imp_window_edit_add_sibling_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  add_sibling (IMP_WINDOW (widget), FALSE);
}

void
_imp_window_edit_add_sibling_before_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *param)
{
  add_sibling (IMP_WINDOW (widget), TRUE);
}

void
_imp_window_edit_rename_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpNode *node = get_primary (self);

  if (node != NULL)
    {
      imp_canvas_scroll_to_node (self->canvas, node);
      imp_canvas_start_editing (self->canvas, node, NULL);
    }
}

void
_imp_window_edit_delete_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpSelection *selection = get_selection (self);
  ImpLink *link = imp_selection_get_link (selection);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autofree char *message = NULL;
  g_autofree char *next_id = NULL;
  ImpNode *primary;
  ImpNode *next;
  guint n;

  if (link != NULL)
    {
      ImpNode *parent = link->parent;
      ImpNode *child = link->child;

      imp_history_unlink (self->history, parent, child);
      /* Translators: a toast; %s and %s are card titles */
      message = g_strdup_printf (_("Removed the link from “%s” to “%s”"),
                                 parent->title, child->title);
      show_toast (self, message, TRUE);
      return;
    }

  primary = imp_selection_get_primary (selection);
  if (primary == NULL)
    return;

  /* After deleting, the keyboard carries on from the parent. */
  next = imp_node_get_tree_parent (primary);
  next_id = next ? g_strdup (next->id) : NULL;

  if (imp_selection_get_n_nodes (selection) == 1)
    /* Translators: a toast; %s is a card's title */
    message = g_strdup_printf (_("Deleted “%s”"), primary->title);

  nodes = g_ptr_array_copy (imp_selection_get_nodes (selection), NULL, NULL);
  n = imp_history_delete_nodes (self->history, (ImpNode **) nodes->pdata, nodes->len);

  if (message == NULL || n > 1)
    {
      g_free (message);
      /* Translators: a toast after deleting cards */
      message = g_strdup_printf (g_dngettext (NULL, "Deleted %u card", "Deleted %u cards", n), n);
    }
  show_toast (self, message, TRUE);

  next = imp_map_lookup_node (self->map, next_id);
  if (next != NULL)
    imp_selection_select (selection, next);
}

void
_imp_window_edit_undo_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  imp_canvas_stop_editing (self->canvas, TRUE);
  /* Not in the middle of a drag. */
  if (!imp_history_is_in_group (self->history) && imp_history_undo (self->history) &&
      self->undo_toast != NULL)
    _imp_window_dismiss_toast (self, self->undo_toast);
}

void
_imp_window_edit_redo_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  imp_canvas_stop_editing (self->canvas, TRUE);
  if (!imp_history_is_in_group (self->history))
    imp_history_redo (self->history);
}

void
_imp_window_edit_select_all_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  int reveal = imp_canvas_get_reveal_level (self->canvas);
  g_autoptr(GPtrArray) shown = NULL;
  ImpMap *map = imp_window_get_map (self);

  if (reveal < 0 || map == NULL)
    {
      imp_selection_select_all (get_selection (self));
      return;
    }

  /* While levels are revealed one by one, "all" is all that is shown. */
  shown = g_ptr_array_new ();
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if ((int) node->level <= reveal)
        g_ptr_array_add (shown, node);
    }
  imp_selection_set_nodes (get_selection (self), shown);
}

/* The sibling @delta steps from @node; with a @side, only siblings drawn
 * on that side of a balanced goal count. */
static ImpNode *
sibling_of (ImpWindow *self,
            ImpNode   *node,
            int        delta,
            ImpLayout *layout,
            int        side)
{
  ImpNode *parent = imp_node_get_tree_parent (node);

  if (parent != NULL)
    {
      int index = imp_map_get_link_position (self->map, node->parents->pdata[0]);

      for (index += delta; index >= 0 && index < (int) parent->children->len; index += delta)
        {
          ImpNode *sibling = imp_node_get_child (parent, index);

          if (side == 0 || layout == NULL || imp_layout_get_side (layout, sibling) == side)
            return sibling;
        }
      return NULL;
    }
  else
    {
      g_autoptr(GPtrArray) roots = imp_map_get_roots (self->map);
      guint index;

      if (!g_ptr_array_find (roots, node, &index) ||
          (int) index + delta < 0 || (int) index + delta >= (int) roots->len)
        return NULL;

      return g_ptr_array_index (roots, index + delta);
    }
}

/* The first open tree child of @node, on @side of a balanced goal when
 * @side is not 0. */
static ImpNode *
child_of (ImpNode   *node,
          ImpLayout *layout,
          int        side)
{
  if (node->collapsed)
    return NULL;

  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = g_ptr_array_index (node->children, i);

      if (side != 0 && layout != NULL && imp_layout_get_side (layout, link->child) != side)
        continue;
      /* The first child, as before layouts: a cross-linked child counts. */
      return link->child;
    }

  return NULL;
}

typedef enum
{
  STEP_NONE,
  STEP_PARENT,
  STEP_CHILD,
  STEP_PREVIOUS,
  STEP_NEXT,
} Step;

/* What an arrow key means where @node is drawn: towards the parent, the
 * children or along the siblings. @side says which side of a balanced goal
 * a child is looked for on. */
static Step
step_for (ImpLayout  *layout,
          ImpNode    *node,
          const char *direction,
          int        *side)
{
  ImpLayoutKind kind = layout != NULL ? imp_layout_get_kind (layout) : IMP_LAYOUT_RIGHT;
  int node_side = layout != NULL ? imp_layout_get_side (layout, node) : 1;
  gboolean left = g_str_equal (direction, "left"), right = g_str_equal (direction, "right");
  gboolean up = g_str_equal (direction, "up"), down = g_str_equal (direction, "down");

  *side = 0;
  if (kind == IMP_LAYOUT_DOWN)
    return up ? STEP_PARENT : down ? STEP_CHILD : left ? STEP_PREVIOUS :
           right ? STEP_NEXT : STEP_NONE;

  if (up || down)
    {
      /* Siblings of a goal's children: only those on the same side. */
      if (kind == IMP_LAYOUT_BALANCED)
        *side = node_side;
      return up ? STEP_PREVIOUS : STEP_NEXT;
    }

  if (kind == IMP_LAYOUT_BALANCED && node_side == 0)
    {
      /* A balanced goal has children both ways. */
      *side = left ? -1 : 1;
      return STEP_CHILD;
    }
  if (kind == IMP_LAYOUT_BALANCED && node_side < 0)
    return left ? STEP_CHILD : right ? STEP_PARENT : STEP_NONE;

  return left ? STEP_PARENT : right ? STEP_CHILD : STEP_NONE;
}

/* Arrow keys: towards the parent, the first child and the siblings in the
 * direction they are drawn: left to the parent and right to a child in the
 * right layout, the other way round on the left of a balanced goal, up to
 * the parent and down to a child in the down layout. */
void
_imp_window_edit_select_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  const char *direction = g_variant_get_string (param, NULL);
  ImpNode *node = get_primary (self);
  ImpNode *next = NULL;
  ImpScene *scene = imp_canvas_get_scene (self->canvas);
  ImpLayout *layout = scene != NULL ? imp_scene_get_layout (scene) : NULL;
  int side = 0;

  if (node == NULL)
    {
      if (imp_map_get_n_nodes (self->map) > 0)
        next = imp_map_get_node (self->map, 0);
    }
  else
    switch (step_for (layout, node, direction, &side))
      {
      case STEP_PARENT:
        next = imp_node_get_tree_parent (node);
        break;
      case STEP_CHILD:
        next = child_of (node, layout, side);
        break;
      case STEP_PREVIOUS:
        next = sibling_of (self, node, -1, layout, side);
        break;
      case STEP_NEXT:
        next = sibling_of (self, node, 1, layout, side);
        break;
      case STEP_NONE:
      default:
        break;
      }

  /* While levels are revealed one by one, the cards still hidden cannot
   * be selected: the keys would rename, vote on or delete what no one sees. */
  if (next != NULL && imp_canvas_get_reveal_level (self->canvas) >= 0 &&
      (int) next->level > imp_canvas_get_reveal_level (self->canvas))
    next = NULL;

  if (next != NULL)
    {
      imp_selection_select (get_selection (self), next);
      imp_canvas_scroll_to_node (self->canvas, next);
    }
}

void
_imp_window_edit_toggle_collapse_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpNode *node = get_primary (self);

  if (node != NULL && (node->children->len > 0 || node->collapsed))
    imp_history_set_node_collapsed (self->history, node, !node->collapsed);
}

static void
move_sibling (ImpWindow *self,
              int        delta)
{
  ImpNode *node = get_primary (self);
  ImpNode *parent;
  int index;

  if (node == NULL || (parent = imp_node_get_tree_parent (node)) == NULL)
    return;

  index = imp_map_get_link_position (self->map, node->parents->pdata[0]) + delta;
  if (index < 0 || index >= (int) parent->children->len)
    return;

  imp_history_reorder (self->history, parent, node, index);
}

void
_imp_window_edit_move_up_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  move_sibling (IMP_WINDOW (widget), -1);
}

void
_imp_window_edit_move_down_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  move_sibling (IMP_WINDOW (widget), 1);
}

/* Alt+arrows reorder siblings along the arrows they are laid out by:
 * Alt+Up and Alt+Down, or Alt+Left and Alt+Right in the down layout. */
void
_imp_window_edit_move_along_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  const char *direction = g_variant_get_string (param, NULL);
  gboolean rows = self->map != NULL && imp_map_get_layout (self->map) == IMP_LAYOUT_DOWN;

  if (g_str_equal (direction, rows ? "left" : "up"))
    move_sibling (self, -1);
  else if (g_str_equal (direction, rows ? "right" : "down"))
    move_sibling (self, 1);
}

/* Tidy up: the selected cards, or all of them, go back to the layout. */
void
_imp_window_edit_tidy_up_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GPtrArray *selected = imp_selection_get_nodes (get_selection (self));
  guint n = selected->len > 0 ? selected->len : imp_map_get_n_nodes (self->map);

  imp_history_begin_group (self->history, _("Tidy Up"));
  for (guint i = 0; i < n; i++)
    {
      ImpNode *node = selected->len > 0 ? g_ptr_array_index (selected, i)
                                        : imp_map_get_node (self->map, i);

      /* Only the pins of the layout on show: the others stay. */
      if (imp_node_get_pin (node, imp_map_get_layout (self->map), NULL, NULL))
        imp_history_set_node_position (self->history, node, FALSE, 0, 0);
    }
  imp_history_end_group (self->history);
}

void
_imp_window_edit_zoom_selection_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  imp_canvas_zoom_to_selection (IMP_WINDOW (widget)->canvas);
}

/* Clipboard */

/* The selected cards whose branch is not already in another's. */
static GPtrArray *
get_selected_branches (ImpWindow *self)
{
  GPtrArray *selected = imp_selection_get_nodes (get_selection (self));
  GPtrArray *roots = g_ptr_array_new ();

  for (guint i = 0; i < selected->len; i++)
    {
      ImpNode *node = g_ptr_array_index (selected, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < selected->len && !inside; j++)
        inside = i != j && imp_map_is_ancestor (self->map, g_ptr_array_index (selected, j), node);

      if (!inside)
        g_ptr_array_add (roots, node);
    }

  return roots;
}

static gboolean
copy_selection (ImpWindow *self)
{
  g_autoptr(GPtrArray) roots = get_selected_branches (self);
  g_autoptr(ImpMap) branch = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) outline = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  char *data;
  gsize length;

  if (roots->len == 0)
    return FALSE;

  branch = imp_map_copy_branches (self->map, (ImpNode **) roots->pdata, roots->len);

  data = imp_format_save_to_data (branch, &length);
  json = g_bytes_new_take (data, length);
  data = imp_outline_write ((ImpNode **) roots->pdata, roots->len);
  outline = g_bytes_new_take (data, strlen (data));

  providers[0] = gdk_content_provider_new_for_bytes (BRANCH_MIME_TYPE, json);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", outline);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  return TRUE;
}

void
_imp_window_edit_copy_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  copy_selection (IMP_WINDOW (widget));
}

void
_imp_window_edit_cut_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  if (copy_selection (self))
    gtk_widget_activate_action (widget, "win.delete", NULL);
}

/* Pastes @data, of @mime_type, under the selected card. */
static void
paste_data (ImpWindow  *self,
            const char *mime_type,
            GBytes     *data)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) source = NULL;
  g_autofree char *text = NULL;
  ImpNode *parent = get_primary (self);
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  if (self->history == NULL)
    return;

  text = g_strndup (bytes, size);

  if (g_strcmp0 (mime_type, BRANCH_MIME_TYPE) == 0)
    source = imp_format_load_data (text, -1, &error);
  else
    {
      g_autoptr(GArray) items = imp_outline_parse (text, &error);
      ImpLevel level = IMP_LEVEL_GOAL;

      if (items != NULL && parent != NULL && !child_level (self, parent, &level))
        g_set_error_literal (&error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
                             _("Experiments are the last level: they take no children"));
      else if (items != NULL)
        source = imp_outline_to_map (items, level, &error);
    }

  if (source == NULL ||
      !imp_history_paste (self->history, parent, source, added, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. that the text is not an outline */
      message = g_strdup_printf (_("Could not paste: %s"), error->message);
      show_refusal (self, message);
      return;
    }

  if (added->len > 0)
    {
      imp_selection_select (get_selection (self), g_ptr_array_index (added, 0));
      imp_canvas_scroll_to_node (self->canvas, g_ptr_array_index (added, 0));
    }
}

typedef struct
{
  ImpWindow *window;
  char      *mime_type;
} PasteData;

static void
paste_data_free (PasteData *paste)
{
  g_object_unref (paste->window);
  g_free (paste->mime_type);
  g_free (paste);
}

static void
paste_spliced_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PasteData *paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    {
      show_refusal (paste->window, error->message);
      paste_data_free (paste);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
  paste_data (paste->window, paste->mime_type, bytes);
  paste_data_free (paste);
}

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ImpWindow) self = user_data;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;
  PasteData *paste;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime_type, &error);
  if (input == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not paste: %s"), error->message);
      show_refusal (self, message);
      return;
    }

  paste = g_new0 (PasteData, 1);
  paste->window = g_object_ref (self);
  paste->mime_type = g_strdup (mime_type);
  output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (output, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL,
                                paste_spliced_cb, paste);
}

void
_imp_window_edit_paste_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  static const char *mime_types[] = {
    BRANCH_MIME_TYPE, "text/plain;charset=utf-8", "text/plain", NULL
  };
  ImpWindow *self = IMP_WINDOW (widget);

  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), mime_types,
                            G_PRIORITY_DEFAULT, NULL,
                            paste_read_cb, g_object_ref (self));
}

/* Find: titles and notes, each match centred in turn */

/* Shows match @delta steps from the current one. */
static void
find_update (ImpWindow *self,
             int        delta)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *needle = g_utf8_casefold (query, -1);
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *label = NULL;
  guint n = self->map != NULL ? imp_map_get_n_nodes (self->map) : 0;

  for (guint i = 0; i < n && *needle != '\0'; i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);
      g_autofree char *title = g_utf8_casefold (node->title, -1);
      g_autofree char *notes = node->notes ? g_utf8_casefold (node->notes, -1) : NULL;

      if (strstr (title, needle) != NULL || (notes != NULL && strstr (notes, needle) != NULL))
        g_ptr_array_add (matches, node);
    }

  if (matches->len == 0)
    {
      gtk_label_set_label (self->find_label, *needle != '\0' ? _("No match") : "");
      if (*needle != '\0')
        gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
  self->find_index = (self->find_index + matches->len + delta % (int) matches->len) %
                    matches->len;

  /* All matches selected, the current one last, so it is the primary. */
  {
    ImpNode *current = g_ptr_array_index (matches, self->find_index);

    g_ptr_array_remove_index (matches, self->find_index);
    g_ptr_array_add (matches, current);
    imp_selection_set_nodes (get_selection (self), matches);
    imp_canvas_centre_on_node (self->canvas, current);
  }

  /* Translators: the place of the current match among all, e.g. "2 of 5" */
  label = g_strdup_printf (_("%u of %u"), self->find_index + 1, matches->len);
  gtk_label_set_label (self->find_label, label);
}

static void
find_changed_cb (ImpWindow      *self,
                 GtkSearchEntry *entry)
{
  self->find_index = 0;
  find_update (self, 0);
}

static void
find_next_cb (ImpWindow      *self,
              GtkSearchEntry *entry)
{
  find_update (self, 1);
}

static void
find_previous_cb (ImpWindow      *self,
                  GtkSearchEntry *entry)
{
  find_update (self, -1);
}

static void
find_stop_cb (ImpWindow      *self,
              GtkSearchEntry *entry)
{
  gtk_popover_popdown (self->find_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
_imp_window_edit_find_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  imp_canvas_stop_editing (self->canvas, TRUE);

  if (self->find_popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      self->find_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
      gtk_search_entry_set_key_capture_widget (self->find_entry, NULL);
      gtk_widget_set_size_request (GTK_WIDGET (self->find_entry), 240, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find in titles and notes"),
                                      -1);
      g_object_set (self->find_entry, "placeholder-text", _("Find in titles and notes"), NULL);
      self->find_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_width_chars (self->find_label, 8);
      gtk_widget_add_css_class (GTK_WIDGET (self->find_label), "dim-label");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->find_entry));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->find_label));

      self->find_popover = GTK_POPOVER (gtk_popover_new ());
      gtk_popover_set_child (self->find_popover, box);
      gtk_popover_set_autohide (self->find_popover, FALSE);
      gtk_popover_set_has_arrow (self->find_popover, FALSE);
      gtk_popover_set_position (self->find_popover, GTK_POS_BOTTOM);
      gtk_popover_set_pointing_to (self->find_popover,
                                   &(GdkRectangle) { 0, (int) IMP_CANVAS_HEADER_HEIGHT, 1, 1 });
      gtk_widget_set_halign (GTK_WIDGET (self->find_popover), GTK_ALIGN_START);
      gtk_widget_set_parent (GTK_WIDGET (self->find_popover), GTK_WIDGET (self->canvas));

      g_signal_connect_object (self->find_entry, "search-changed",
                               G_CALLBACK (find_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->find_entry, "activate",
                               G_CALLBACK (find_next_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->find_entry, "next-match",
                               G_CALLBACK (find_next_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->find_entry, "previous-match",
                               G_CALLBACK (find_previous_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->find_entry, "stop-search",
                               G_CALLBACK (find_stop_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_popover_popup (self->find_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

/* Typing on a selected card edits its title, starting with the key typed;
 * in an empty map it starts the goal. */
static gboolean
canvas_key_pressed_cb (ImpWindow             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  gunichar c;
  char text[8] = { 0 };
  ImpNode *node;

  if (self->history == NULL || imp_canvas_is_editing (self->canvas) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    return GDK_EVENT_PROPAGATE;

  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || c == ' ' || !g_unichar_isprint (c))
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (c, text);

  node = get_primary (self);
  if (node == NULL && imp_map_get_n_nodes (self->map) > 0)
    {
      /* Nothing selected: typing names the first card, as in a new map. */
      node = imp_map_get_node (self->map, 0);
      imp_selection_select (get_selection (self), node);
    }

  if (node != NULL)
    imp_canvas_start_editing (self->canvas, node, text);
  else
    add_goal (self, text);

  return GDK_EVENT_STOP;
}

static void
add_canvas_shortcut (GtkShortcutController *controller,
                     const char            *trigger,
                     const char            *action,
                     GVariant              *args)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                               gtk_named_action_new (action));
  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

void
_imp_window_edit_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, ImpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, redo_button);


  /* Window-wide keys; a focused text field still gets its own Ctrl+Z first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.tidy-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK,
                                       "win.zoom-selection", NULL);
}

void
_imp_window_edit_init (ImpWindow *self)
{
  GtkShortcutController *shortcuts;
  GtkEventController *controller;

  g_signal_connect_object (get_selection (self), "changed",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "message",
                           G_CALLBACK (canvas_message_cb), self,
                           G_CONNECT_SWAPPED);

  /* Keys that act on the selected cards belong to the canvas: in a text
   * field they type. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  add_canvas_shortcut (shortcuts, "Tab", "win.add-child", NULL);
  add_canvas_shortcut (shortcuts, "Insert", "win.add-child", NULL);
  add_canvas_shortcut (shortcuts, "Return|KP_Enter", "win.add-sibling", NULL);
  add_canvas_shortcut (shortcuts, "<Shift>Return|<Shift>KP_Enter",
                       "win.add-sibling-before", NULL);
  add_canvas_shortcut (shortcuts, "F2", "win.rename", NULL);
  add_canvas_shortcut (shortcuts, "Delete|BackSpace|KP_Delete", "win.delete", NULL);
  add_canvas_shortcut (shortcuts, "space", "win.toggle-collapse", NULL);
  add_canvas_shortcut (shortcuts, "<Alt>Up", "win.move-along", g_variant_new_string ("up"));
  add_canvas_shortcut (shortcuts, "<Alt>Down", "win.move-along", g_variant_new_string ("down"));
  add_canvas_shortcut (shortcuts, "<Alt>Left", "win.move-along", g_variant_new_string ("left"));
  add_canvas_shortcut (shortcuts, "<Alt>Right", "win.move-along",
                       g_variant_new_string ("right"));
  add_canvas_shortcut (shortcuts, "<Control>a", "win.select-all", NULL);
  add_canvas_shortcut (shortcuts, "<Control>c", "win.copy", NULL);
  add_canvas_shortcut (shortcuts, "<Control>x", "win.cut", NULL);
  add_canvas_shortcut (shortcuts, "<Control>v", "win.paste", NULL);
  add_canvas_shortcut (shortcuts, "Left", "win.select", g_variant_new_string ("left"));
  add_canvas_shortcut (shortcuts, "Right", "win.select", g_variant_new_string ("right"));
  add_canvas_shortcut (shortcuts, "Up", "win.select", g_variant_new_string ("up"));
  add_canvas_shortcut (shortcuts, "Down", "win.select", g_variant_new_string ("down"));
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (shortcuts));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (canvas_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  _imp_window_actions_update (self);
  update_undo_tooltips (self);
}

/* Called whenever the window shows another map: edits go through the
 * document's history. */
void
_imp_window_edit_set_map (ImpWindow *self)
{
  if (self->history != NULL && imp_history_get_map (self->history) == self->map)
    {
      _imp_window_actions_update (self);
  update_undo_tooltips (self);
      return;
    }

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);

  if (self->map != NULL && imp_document_get_history (self->document) != NULL)
    {
      self->history = g_object_ref (imp_document_get_history (self->document));
      g_signal_connect_object (self->history, "changed",
                               G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  imp_canvas_set_history (self->canvas, self->history);
  _imp_window_actions_update (self);
  update_undo_tooltips (self);
}

void
_imp_window_edit_dispose (ImpWindow *self)
{
  /* The canvas and its selection outlive the window's template children for
   * a moment during disposal: stop listening before they go. */
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (get_selection (self), self);
      g_signal_handlers_disconnect_by_data (self->canvas, self);
    }

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_weak_pointer (&self->undo_toast);
}

/**
 * imp_window_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history of the document
 *   shown; every edit goes through it
 */
ImpHistory *
imp_window_get_history (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * imp_window_get_selection:
 *
 * Returns: (transfer none): what is selected on the canvas, for the
 *   inspector to follow
 */
ImpSelection *
imp_window_get_selection (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return imp_canvas_get_selection (self->canvas);
}
