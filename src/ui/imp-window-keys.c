/* imp-window-keys.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-keys"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-parking-lot.h"
#include "imp-window-private.h"

/* What only the mouse could do, from the keyboard: select a link (to give
 * it an assumption), add a cross-link, place a parked idea. */

static ImpSelection *
get_selection (ImpWindow *self)
{
  return imp_canvas_get_selection (self->canvas);
}

static void
say (ImpWindow  *self,
     const char *message)
{
  g_signal_emit_by_name (self->canvas, "message", message);
}

/* A card's links: those into it first (its parent's, then cross-links),
 * then those out of it, in the order the map keeps them. */
static GPtrArray *
links_of (ImpNode *node)
{
  GPtrArray *links = g_ptr_array_new ();

  for (guint i = 0; i < node->parents->len; i++)
    g_ptr_array_add (links, g_ptr_array_index (node->parents, i));
  for (guint i = 0; i < node->children->len; i++)
    g_ptr_array_add (links, g_ptr_array_index (node->children, i));

  return links;
}

/* Ctrl+K: the selected card's first link; again, its next one. */
void
_imp_window_keys_select_link_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpSelection *selection = get_selection (self);
  ImpNode *anchor = imp_selection_get_primary (selection);
  ImpLink *current = imp_selection_get_link (selection);
  g_autoptr(GPtrArray) links = NULL;
  guint next = 0;

  if (self->map == NULL)
    return;

  if (anchor == NULL && current != NULL)
    {
      anchor = self->link_anchor != NULL ? imp_map_lookup_node (self->map, self->link_anchor)
                                         : NULL;
      if (anchor == NULL || (current->parent != anchor && current->child != anchor))
        anchor = current->child;
    }

  if (anchor == NULL)
    {
      say (self, _("Select a card first: Ctrl+K then selects its links one by one"));
      return;
    }

  links = links_of (anchor);
  if (links->len == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: a toast; %s is a card's title */
      message = g_strdup_printf (_("“%s” has no links yet"), anchor->title);
      say (self, message);
      return;
    }

  for (guint i = 0; current != NULL && i < links->len; i++)
    if (g_ptr_array_index (links, i) == current)
      next = (i + 1) % links->len;

  g_free (self->link_anchor);
  self->link_anchor = g_strdup (anchor->id);
  imp_selection_select_link (selection, g_ptr_array_index (links, next));
}

static void
end_linking (ImpWindow *self)
{
  g_clear_pointer (&self->linking_from, g_free);
  if (self->link_toast != NULL)
    _imp_window_dismiss_toast (self, self->link_toast);
  g_clear_weak_pointer (&self->link_toast);
}

static void
link_toast_dismissed_cb (ImpWindow *self,
                         AdwToast  *toast)
{
  if (self->link_toast == toast)
    g_clear_weak_pointer (&self->link_toast);
}

/* Ctrl+Shift+K: remembers the selected card; the arrows then pick the card
 * it links with, and Enter links them (Escape does not). */
void
_imp_window_keys_add_link_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpNode *source = imp_selection_get_primary (get_selection (self));
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (source == NULL || self->history == NULL)
    return;

  end_linking (self);
  self->linking_from = g_strdup (source->id);

  /* Translators: a toast while adding a cross-link; %s is a card's title */
  message = g_strdup_printf (_("Linking “%s”: select the card of the level before or after "
                               "with the arrow keys, then press Enter. Escape cancels."),
                             source->title);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->link_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (link_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
finish_linking (ImpWindow *self)
{
  ImpSelection *selection = get_selection (self);
  ImpNode *source = imp_map_lookup_node (self->map, self->linking_from);
  ImpNode *target = imp_selection_get_primary (selection);
  ImpNode *parent, *child;
  g_autoptr(GError) error = NULL;

  end_linking (self);

  if (source == NULL || target == NULL || source == target)
    {
      say (self, _("Nothing linked: select another card before pressing Enter"));
      return;
    }

  /* The link goes from the level before to the level after, whichever of
   * the two cards was picked first. */
  if (target->level + 1 == source->level)
    {
      parent = target;
      child = source;
    }
  else
    {
      parent = source;
      child = target;
    }

  if (!imp_history_link (self->history, parent, child, -1, &error))
    {
      say (self, error->message);
      return;
    }

  /* Selected, the new link shows its assumption in the inspector. */
  imp_selection_select_link (selection, imp_map_find_link (self->map, parent, child));
}

static gboolean
canvas_key_capture_cb (ImpWindow             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (self->linking_from == NULL || imp_canvas_is_editing (self->canvas) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      finish_linking (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      end_linking (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Enter on a parked idea: it goes under the card selected on the map (or
 * becomes the goal of an empty map), and the map gets the keyboard. */
static void
place_idea_cb (ImpWindow     *self,
               guint          position,
               ImpParkingLot *parking_lot)
{
  ImpSelection *selection = get_selection (self);
  ImpNode *parent = imp_selection_get_primary (selection);
  ImpLevel level = IMP_LEVEL_GOAL;
  g_autoptr(GError) error = NULL;
  ImpNode *node;

  if (self->history == NULL)
    return;

  if (parent == NULL && imp_map_get_n_nodes (self->map) > 0)
    {
      say (self, _("Select a card on the map first: the idea goes under it"));
      return;
    }

  if (parent != NULL &&
      !imp_level_new_child (imp_map_get_vocabulary (self->map), parent->level, &level))
    {
      say (self, _("Nothing goes under this card: select a card of an earlier level"));
      return;
    }

  imp_canvas_stop_editing (self->canvas, TRUE);
  node = imp_history_place_parked (self->history, position, parent, -1, level, &error);
  if (node == NULL)
    {
      say (self, error->message);
      return;
    }

  imp_selection_select (selection, node);
  imp_canvas_scroll_to_node (self->canvas, node);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
_imp_window_keys_class_init (ImpWindowClass *klass)
{
}

/* The shortcuts window (Ctrl+?), built when it is first asked for: GTK
 * would build it with every window, before its first frame (a sixth of
 * the time the window takes to build). */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/impactmapper/ImpactMapper/imp-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal, hidden on close, over this window; this action stays the one
       * that shows it. */
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

void
_imp_window_keys_init (ImpWindow *self)
{
  GtkEventController *controller;
  GtkShortcutController *shortcuts;
  GtkShortcut *shortcut;
  g_autoptr(GSimpleAction) help_overlay = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (help_overlay, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (canvas_key_capture_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  /* The map's keys: in a text field, Ctrl+K stays the field's. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>k"),
                               gtk_named_action_new ("win.select-link"));
  gtk_shortcut_controller_add_shortcut (shortcuts, shortcut);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>k"),
                               gtk_named_action_new ("win.add-link"));
  gtk_shortcut_controller_add_shortcut (shortcuts, shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect_object (self->parking_lot, "place-idea", G_CALLBACK (place_idea_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_imp_window_keys_dispose (ImpWindow *self)
{
  g_clear_pointer (&self->link_anchor, g_free);
  g_clear_pointer (&self->linking_from, g_free);
  g_clear_weak_pointer (&self->link_toast);
}
