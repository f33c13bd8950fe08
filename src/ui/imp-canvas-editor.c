/* imp-canvas-editor.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-canvas-private.h"

/* The in-place editor */

static void
editor_commit (ImpCanvas *self)
{
  imp_canvas_stop_editing (self, TRUE);
}

static gboolean
editor_key_pressed_cb (ImpCanvas             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      imp_canvas_stop_editing (self, FALSE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
editor_focus_leave_cb (ImpCanvas               *self,
                       GtkEventControllerFocus *controller)
{
  /* Clicking elsewhere keeps what was typed, as in every mind-map app. */
  if (self->editor != NULL)
    imp_canvas_stop_editing (self, TRUE);
}

void
_imp_canvas_place_editor (ImpCanvas *self)
{
  const ImpSceneCard *card;
  const ImpSceneText *title = NULL;
  ImpNode *node;
  ImpRect rect;
  GtkRequisition natural;
  double x, y, zoom, centre_y;
  int width, height;

  if (self->editor == NULL || self->map == NULL)
    return;

  node = imp_map_lookup_node (self->map, self->editing_id);
  _imp_canvas_ensure_scene (self);
  if (node == NULL || self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  zoom = imp_viewport_get_zoom (self->viewport);

  /* The entry takes the place and the size of the title it edits. */
  card = _imp_scene_find_card (self->scene, node);
  for (guint i = 0; card != NULL && i < card->n_texts; i++)
    {
      const ImpSceneText *t = _imp_scene_get_text (self->scene, card->first_text + i);

      if (title == NULL || t->size > title->size)
        title = t;
    }

  if (title != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (title->size * zoom *
                                                                   PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (title->weight));
      gtk_entry_set_attributes (GTK_ENTRY (self->editor), attrs);
      pango_attr_list_unref (attrs);
      centre_y = title->y - title->size * 0.35;
    }
  else
    centre_y = rect.y + rect.height / 2;

  imp_viewport_map_to_widget (self->viewport, rect.x + 8, centre_y, &x, &y);
  gtk_widget_get_preferred_size (self->editor, NULL, &natural);
  width = MAX (160, (int) ((rect.width - 12) * zoom));
  height = natural.height;

  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) x, (int) (y - height / 2.0), width, height },
                            -1);
}


/**
 * imp_canvas_start_editing:
 * @node: the node whose title to edit
 * @text: (nullable): the text to start from, e.g. the key typed, or %NULL
 *   for the current title, all selected
 *
 * Opens an entry over @node's card. Enter keeps the text (through the
 * history), Escape throws it away.
 */
void
imp_canvas_start_editing (ImpCanvas  *self,
                          ImpNode    *node,
                          const char *text)
{
  GtkEventController *controller;
  GtkWidget *entry;

  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  imp_canvas_stop_editing (self, TRUE);

  if (self->history == NULL)
    return;

  _imp_canvas_ensure_editor_style ();
  entry = gtk_entry_new ();
  gtk_widget_add_css_class (entry, "imp-card-editor");
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : node->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  g_signal_connect_object (entry, "activate",
                           G_CALLBACK (editor_commit), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (editor_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (editor_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, controller);

  self->editing_id = g_strdup (node->id);
  self->editor = entry;
  gtk_widget_set_parent (entry, GTK_WIDGET (self));
  _imp_canvas_place_editor (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  gtk_widget_grab_focus (entry);
  if (text != NULL)
    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static gboolean
unparent_editor_cb (gpointer data)
{
  GtkWidget *editor = data;

  if (gtk_widget_get_parent (editor) != NULL)
    gtk_widget_unparent (editor);

  return G_SOURCE_REMOVE;
}

/**
 * imp_canvas_start_editing_new:
 * @node: a node just added inside a history group the caller began
 *
 * Like imp_canvas_start_editing() with an empty title, and ends the group
 * when the editor closes, so that adding a card and naming it is one step.
 */
void
imp_canvas_start_editing_new (ImpCanvas *self,
                              ImpNode   *node,
                              const char *text)
{
  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  imp_canvas_start_editing (self, node, text != NULL ? text : "");

  if (self->editor != NULL)
    self->editing_ends_group = TRUE;
  else if (self->history != NULL)
    imp_history_end_group (self->history);
}

/**
 * imp_canvas_stop_editing:
 * @commit: whether to keep the text typed
 *
 * Closes the in-place editor, if open.
 */
void
imp_canvas_stop_editing (ImpCanvas *self,
                         gboolean   commit)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  GtkWidget *editor;
  ImpNode *node;

  g_return_if_fail (IMP_IS_CANVAS (self));

  if (self->editor == NULL)
    return;

  /* Cleared first: unparenting moves the focus, which calls us again. */
  editor = g_steal_pointer (&self->editor);
  id = g_steal_pointer (&self->editing_id);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));

  if (gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (editor) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  /* This may run inside the entry's own key handling (Enter, Escape):
   * take it away once that is over, not from under it. */
  gtk_widget_set_visible (editor, FALSE);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, unparent_editor_cb, g_object_ref (editor),
                   g_object_unref);

  node = self->map != NULL ? imp_map_lookup_node (self->map, id) : NULL;
  if (commit && node != NULL && self->history != NULL)
    {
      /* An in-place edit is one step, even right after another. */
      imp_history_seal (self->history);
      imp_history_set_node_title (self->history, node, g_strstrip (text));
      imp_history_seal (self->history);
    }

  /* A new card and its first title are one step. */
  if (self->editing_ends_group)
    {
      self->editing_ends_group = FALSE;
      if (self->history != NULL)
        imp_history_end_group (self->history);
    }

  if (commit && node != NULL)
    g_signal_emit (self, _imp_canvas_signals[EDIT_COMMITTED], 0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * imp_canvas_is_editing:
 *
 * Returns: whether the in-place title editor is open
 */
gboolean
imp_canvas_is_editing (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), FALSE);

  return self->editor != NULL;
}

/**
 * imp_canvas_get_editor:
 *
 * Returns: (transfer none) (nullable): the in-place editor's entry, if open
 */
GtkWidget *
imp_canvas_get_editor (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->editor;
}
