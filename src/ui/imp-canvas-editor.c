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

/* The in-place editor: a text view at the width of the card's title, so a
 * long title wraps as it does on the card and stays in view while typed.
 * A title is one paragraph: Enter keeps it, Escape throws it away, Tab keeps
 * it and goes on to a child, as on the canvas. */

static gboolean
editor_key_pressed_cb (ImpCanvas             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      imp_canvas_stop_editing (self, FALSE);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Shift+Enter too: a title has no line breaks of its own, it wraps. */
      imp_canvas_stop_editing (self, TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK))
        return GDK_EVENT_PROPAGATE;
      /* What Tab does on the canvas, the text view would take it for
       * moving the focus: keep the title, then a child card. */
      imp_canvas_stop_editing (self, TRUE);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-child", NULL);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
editor_focus_leave_cb (ImpCanvas               *self,
                       GtkEventControllerFocus *controller)
{
  /* Clicking elsewhere keeps what was typed, as in every mind-map app. */
  if (self->editor != NULL)
    imp_canvas_stop_editing (self, TRUE);
}

/* Every character typed or pasted gets the title's font; the view grows
 * with the lines it wraps into. */
static void
editor_changed_cb (ImpCanvas     *self,
                   GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, "title");
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (tag != NULL)
    gtk_text_buffer_apply_tag (buffer, tag, &start, &end);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_imp_canvas_place_editor (ImpCanvas *self)
{
  const ImpSceneCard *card;
  const ImpSceneText *title = NULL;
  ImpNode *node;
  ImpRect rect;
  double x, y, zoom, left, top;
  int width, height, min_height, padding;

  if (self->editor == NULL || self->map == NULL)
    return;

  node = imp_map_lookup_node (self->map, self->editing_id);
  _imp_canvas_ensure_scene (self);
  if (node == NULL || self->scene == NULL || !imp_scene_get_card_rect (self->scene, node, &rect))
    return;

  zoom = imp_viewport_get_zoom (self->viewport);

  /* The editor takes the place and the size of the title it edits: its
   * first line (the largest text on the card). */
  card = _imp_scene_find_card (self->scene, node);
  for (guint i = 0; card != NULL && i < card->n_texts; i++)
    {
      const ImpSceneText *t = _imp_scene_get_text (self->scene, card->first_text + i);

      if (title == NULL || t->size > title->size)
        title = t;
    }

  if (title != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                   "title");
      PangoFontDescription *font = pango_font_description_new ();
      int size = (int) (title->size * zoom * PANGO_SCALE);

      pango_font_description_set_absolute_size (font, MAX (size, PANGO_SCALE));
      pango_font_description_set_weight (font, title->weight);
      g_object_set (tag, "font-desc", font, NULL);
      pango_font_description_free (font);
      left = title->x;
      top = title->y - title->size * 1.05;
    }
  else
    {
      left = rect.x + 8;
      top = rect.y + 6;
    }

  /* The text view's padding (its CSS) sits outside the text. */
  padding = 6;
  imp_viewport_map_to_widget (self->viewport, left, top, &x, &y);
  width = MAX (96, (int) ((rect.x + rect.width - 6 - left) * zoom) + 2 * padding);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, width,
                      &min_height, &height, NULL, NULL);
  height = MAX (height, min_height);

  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) x - padding, (int) y - 3, width, height },
                            -1);
}


/**
 * imp_canvas_start_editing:
 * @node: the node whose title to edit
 * @text: (nullable): the text to start from, e.g. the key typed, or %NULL
 *   for the current title, all selected
 *
 * Opens a wrapping text view over @node's title. Enter (or Tab, or a click
 * elsewhere) keeps the text through the history, Escape throws it away.
 */
void
imp_canvas_start_editing (ImpCanvas  *self,
                          ImpNode    *node,
                          const char *text)
{
  GtkEventController *controller;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *view;

  g_return_if_fail (IMP_IS_CANVAS (self));
  g_return_if_fail (node != NULL);

  imp_canvas_stop_editing (self, TRUE);

  if (self->history == NULL)
    return;

  _imp_canvas_ensure_editor_style ();
  view = gtk_text_view_new ();
  gtk_widget_add_css_class (view, "imp-card-editor");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab is the canvas' key (a child card), never a character in a title. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_create_tag (buffer, "title", NULL);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : node->title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, FALSE,
                                  -1);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (editor_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (editor_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, controller);

  self->editing_id = g_strdup (node->id);
  self->editor = view;
  gtk_widget_set_parent (view, GTK_WIDGET (self));
  _imp_canvas_place_editor (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  gtk_widget_grab_focus (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (text != NULL)
    gtk_text_buffer_place_cursor (buffer, &end);
  else
    gtk_text_buffer_select_range (buffer, &start, &end);
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
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *editor;
  ImpNode *node;

  g_return_if_fail (IMP_IS_CANVAS (self));

  if (self->editor == NULL)
    return;

  /* Cleared first: unparenting moves the focus, which calls us again. */
  editor = g_steal_pointer (&self->editor);
  id = g_steal_pointer (&self->editing_id);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Pasted line breaks and tabs become spaces: a title is one paragraph. */
  g_strdelimit (text, "\n\r\t", ' ');

  if (gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (editor) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  /* This may run inside the editor's own key handling (Enter, Escape):
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
 * Returns: (transfer none) (nullable): the in-place editor (a #GtkTextView),
 *   if open
 */
GtkWidget *
imp_canvas_get_editor (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return self->editor;
}
