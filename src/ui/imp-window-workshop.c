/* imp-window-workshop.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Workshop mode: what a facilitator needs at a projector. Presentation
 * mode (fullscreen, no inspector, the projector theme), the timebox in the
 * header bar, the level-by-level reveal, focus on one branch and dot
 * votes. Everything here but the votes is view state: entering and leaving
 * never changes the document.
 */

#define G_LOG_DOMAIN "imp-window-workshop"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-layout.h"
#include "imp-parking-lot.h"
#include "imp-scene-private.h"
#include "imp-template-dialog.h"
#include "imp-limits.h"
#include "imp-timebox.h"
#include "imp-canvas-cards.h"
#include "imp-window-private.h"

/* The reveal steps of the map: the levels its vocabulary uses that have
 * cards, goal first (three tiers have no actors; a map that stops at
 * deliverables has no experiment step). Returns how many. */
guint
_imp_window_workshop_get_reveal_levels (ImpWindow *self,
                   ImpLevel   levels[IMP_N_LEVELS])
{
  gboolean used[IMP_N_LEVELS] = { FALSE, };
  guint n_levels = 0;

  if (self->map == NULL)
    return 0;

  for (guint i = 0; i < imp_map_get_n_nodes (self->map); i++)
    used[imp_map_get_node (self->map, i)->level] = TRUE;

  for (int level = 0; level < IMP_N_LEVELS; level++)
    {
      if (level == IMP_LEVEL_ACTOR &&
          imp_vocabulary_hides_actors (imp_map_get_vocabulary (self->map)) && !used[level])
        continue;
      if (level == IMP_LEVEL_GOAL || used[level])
        levels[n_levels++] = level;
    }

  return n_levels;
}


/* Shows reveal step @step (0 = the goal alone), or every level for -1, and
 * fits the map to what is shown. */
static void
set_reveal_step (ImpWindow *self,
                 int        step)
{
  ImpLevel levels[IMP_N_LEVELS];
  guint n_levels = _imp_window_workshop_get_reveal_levels (self, levels);
  ImpSelection *selection = imp_canvas_get_selection (self->canvas);
  int level;

  if (step >= (int) n_levels)
    step = -1;
  self->reveal_step = step;

  /* The card being renamed might be about to disappear. */
  imp_canvas_stop_editing (self->canvas, TRUE);
  level = step >= 0 ? (int) levels[step] : -1;

  /* Hidden cards cannot stay selected. */
  if (level >= 0)
    {
      GPtrArray *nodes = imp_selection_get_nodes (selection);
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();

      for (guint i = 0; i < nodes->len; i++)
        if ((int) ((ImpNode *) g_ptr_array_index (nodes, i))->level <= level)
          g_ptr_array_add (shown, g_ptr_array_index (nodes, i));
      if (shown->len != nodes->len)
        imp_selection_set_nodes (selection, shown);
      if (imp_selection_get_link (selection) != NULL &&
          (int) imp_selection_get_link (selection)->child->level > level)
        imp_selection_clear (selection);
    }

  imp_canvas_set_reveal_level (self->canvas, level);

  if (step >= 0)
    {
      /* Translators: the level-by-level reveal in workshop mode, e.g.
       * "Step 2 of 5: Actor"; the last %s is the level's name in the map's vocabulary */
      g_autofree char *text = g_strdup_printf (_("Step %d of %u: %s"), step + 1, n_levels,
                                               imp_vocabulary_level_name (
                                                 imp_map_get_vocabulary (self->map),
                                                 levels[step]));

      gtk_label_set_label (GTK_LABEL (self->reveal_label), text);
    }
  gtk_widget_set_visible (self->reveal_label, step >= 0);

  _imp_window_actions_update (self);
}

void
_imp_window_workshop_reveal_next_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  /* From the whole map, the reveal starts with the goal alone; after the
   * last level, the whole map again. */
  set_reveal_step (self, self->reveal_step + 1);
}

void
_imp_window_workshop_reveal_previous_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpLevel levels[IMP_N_LEVELS];
  guint n_levels = _imp_window_workshop_get_reveal_levels (self, levels);

  if (self->reveal_step < 0)
    set_reveal_step (self, n_levels >= 2 ? (int) n_levels - 2 : 0);
  else if (self->reveal_step > 0)
    set_reveal_step (self, self->reveal_step - 1);
}

void
_imp_window_workshop_reveal_all_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  set_reveal_step (IMP_WINDOW (widget), -1);
}

/* Reveals up to @level: a click on a column header. */
void
_imp_window_workshop_reveal_level_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpLevel levels[IMP_N_LEVELS];
  guint n_levels = _imp_window_workshop_get_reveal_levels (self, levels);
  int level = g_variant_get_int32 (param);
  int step = 0;

  for (guint i = 0; i < n_levels; i++)
    if ((int) levels[i] <= level)
      step = i;

  set_reveal_step (self, step);
}

static void
set_focus (ImpWindow *self,
           ImpNode   *node)
{
  imp_canvas_set_focus (self->canvas, node);
  _imp_window_actions_update (self);
}

void
_imp_window_workshop_focus_branch_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpNode *primary = imp_selection_get_primary (imp_canvas_get_selection (self->canvas));

  if (primary != NULL)
    set_focus (self, primary);
}

static void add_vote (ImpWindow *self,
                      ImpNode   *node);

/* win.add-vote and win.remove-vote, on the selected card. */
void
_imp_window_workshop_vote_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpNode *primary = imp_selection_get_primary (imp_canvas_get_selection (self->canvas));

  if (primary == NULL || self->history == NULL)
    return;

  if (g_str_equal (action_name, "win.add-vote"))
    add_vote (self, primary);
  else
    imp_history_remove_vote (self->history, primary);
}

/* The dot-voting budget: "Vote Budget…" sets it, the header bar shows the
 * dots left in the round, a vote past it is refused with a toast. */

static void
update_dots_label (ImpWindow *self)
{
  g_autofree char *text = NULL;
  guint participants = 0, dots = 0;
  int left;

  if (self->dots_label == NULL)
    return;

  if (self->map == NULL || !imp_map_get_vote_budget (self->map, &participants, &dots))
    {
      gtk_widget_set_visible (self->dots_label, FALSE);
      return;
    }

  left = imp_map_get_dots_left (self->map);
  /* Translators: the header bar during dot voting: dots left of the budget */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %u dots left",
                                       "%d of %u dots left", (gulong) left),
                          left, participants * dots);
  gtk_label_set_text (GTK_LABEL (self->dots_label), text);
  gtk_widget_set_visible (self->dots_label, TRUE);
  if (left == 0)
    gtk_widget_add_css_class (self->dots_label, "warning");
  else
    gtk_widget_remove_css_class (self->dots_label, "warning");

  g_free (text);
  /* Translators: tooltip of the dots left: participants, dots each */
  text = g_strdup_printf (_("Vote budget: %u participants × %u dots. Clear Votes starts a new "
                            "round."), participants, dots);
  gtk_widget_set_tooltip_text (self->dots_label, text);
}

/* The tray's button says how many ideas wait in it, so that nobody forgets
 * them at the end of a session. */
static void
update_parking_count (ImpWindow *self)
{
  g_autofree char *count = NULL;
  g_autofree char *tip = NULL;
  guint n;

  if (self->parking_count_label == NULL)
    return;

  n = self->map != NULL ? imp_map_get_n_parked (self->map) : 0;
  count = g_strdup_printf ("%u", n);
  gtk_label_set_text (GTK_LABEL (self->parking_count_label), count);
  gtk_widget_set_visible (self->parking_count_label, n > 0);
  if (n > 0)
    /* Translators: the parking lot button's tooltip; %u is how many ideas are parked */
    tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Parking Lot: %u idea (Ctrl+Shift+P)",
                                        "Parking Lot: %u ideas (Ctrl+Shift+P)", n), n);
  else
    tip = g_strdup (_("Parking Lot (Ctrl+Shift+P)"));
  gtk_widget_set_tooltip_text (self->parking_lot_button, tip);
}

static void
add_vote (ImpWindow *self,
          ImpNode   *node)
{
  g_autofree char *message = NULL;
  guint participants, dots;
  AdwToast *toast;

  if (imp_history_add_vote (self->history, node) ||
      !imp_map_get_vote_budget (self->map, &participants, &dots) ||
      imp_map_get_dots_left (self->map) != 0)
    return;

  /* Translators: a toast when a dot vote is refused: the budget */
  message = g_strdup_printf (_("No dots left: all %u of this round are cast. Take one back, or "
                               "clear the votes for a new round."), participants * dots);
  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
vote_budget_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ImpWindow        *self)
{
  GtkSpinButton *participants = g_object_get_data (G_OBJECT (dialog), "imp-participants");
  GtkSpinButton *dots = g_object_get_data (G_OBJECT (dialog), "imp-dots");

  if (self->history == NULL)
    return;

  /* What was typed counts, even without leaving the field. */
  gtk_spin_button_update (participants);
  gtk_spin_button_update (dots);

  if (g_str_equal (response, "set"))
    imp_history_set_vote_budget (self->history,
                                 (guint) gtk_spin_button_get_value_as_int (participants),
                                 (guint) gtk_spin_button_get_value_as_int (dots));
  else if (g_str_equal (response, "remove"))
    imp_history_set_vote_budget (self->history, 0, 0);
}

static GtkWidget *
budget_row (const char *label,
            guint       max,
            guint       value,
            GtkWidget **spin)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  *spin = gtk_spin_button_new_with_range (1, max, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (*spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (*spin), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), *spin);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), *spin);

  return box;
}

/* win.vote-budget: how many people vote, with how many dots each. */
void
_imp_window_workshop_vote_budget_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GtkWidget *dialog, *box, *participants, *dots;
  guint n_participants = 0, n_dots = 0;
  gboolean has_budget;

  if (self->history == NULL)
    return;

  has_budget = imp_map_get_vote_budget (self->map, &n_participants, &n_dots);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Vote Budget"),
                                   _("Each participant gets this many dots for the round. "
                                     "A vote past the budget is refused; Clear Votes starts "
                                     "a new round."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), budget_row (_("_Participants"), IMP_MAX_PARTICIPANTS,
                                             has_budget ? n_participants : 6, &participants));
  gtk_box_append (GTK_BOX (box), budget_row (_("_Dots each"), IMP_MAX_DOTS,
                                             has_budget ? n_dots : 3, &dots));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "imp-participants", participants);
  g_object_set_data (G_OBJECT (dialog), "imp-dots", dots);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (has_budget)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "remove",
                                       _("_No Budget"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "set", _("_Set Budget"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (vote_budget_response_cb), self, 0);
  /* Tests answer it as a user would. */
  g_object_set_data (G_OBJECT (self), "imp-vote-budget-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_imp_window_workshop_clear_votes_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  guint total;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->history == NULL || (total = imp_map_get_total_votes (self->map)) == 0)
    return;

  imp_history_clear_votes (self->history);

  /* Translators: a toast after "Clear Votes", with an Undo button */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote cleared",
                                          "%u votes cleared", total), total);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The gestures below sit on the canvas' parent, so that the canvas' own
 * gestures stay the only ones on it: @x, @y become canvas coordinates;
 * FALSE outside the canvas. */
static gboolean
to_canvas (ImpWindow       *self,
           GtkGestureClick *gesture,
           double          *x,
           double          *y)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  double cx, cy;

  if (!gtk_widget_translate_coordinates (widget, canvas, *x, *y, &cx, &cy) ||
      !gtk_widget_contains (canvas, cx, cy))
    return FALSE;

  *x = cx;
  *y = cy;

  return TRUE;
}

/* Alt+click on a card adds a vote, Alt+Shift+click takes one away: quick
 * at the projector, where the mouse goes round the room. */
static void
vote_click_cb (ImpWindow       *self,
               int              n_press,
               double           x,
               double           y,
               GtkGestureClick *gesture)
{
  GdkModifierType state;
  ImpScene *scene;
  ImpNode *node;
  double map_x, map_y;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (!(state & GDK_ALT_MASK) || self->history == NULL || !to_canvas (self, gesture, &x, &y) ||
      (scene = imp_canvas_get_scene (self->canvas)) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  imp_viewport_widget_to_map (imp_canvas_get_viewport (self->canvas), x, y, &map_x, &map_y);
  node = imp_scene_hit_test (scene, map_x, map_y);
  if (node == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  imp_selection_select (imp_canvas_get_selection (self->canvas), node);
  if (state & GDK_SHIFT_MASK)
    imp_history_remove_vote (self->history, node);
  else
    add_vote (self, node);
}

/* A right click on a card selects it and offers what can be done to it,
 * the workshop's actions among them. */
static void
context_click_cb (ImpWindow       *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkPopover *menu = g_object_get_data (G_OBJECT (self), "imp-card-menu");
  ImpScene *scene;
  ImpNode *node;
  double map_x, map_y;

  if (!to_canvas (self, gesture, &x, &y) || imp_canvas_is_over_headers (self->canvas, x, y) ||
      (scene = imp_canvas_get_scene (self->canvas)) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  imp_viewport_widget_to_map (imp_canvas_get_viewport (self->canvas), x, y, &map_x, &map_y);
  node = imp_scene_hit_test (scene, map_x, map_y);
  if (node == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  imp_canvas_stop_editing (self->canvas, TRUE);
  if (!imp_selection_contains (imp_canvas_get_selection (self->canvas), node))
    imp_selection_select (imp_canvas_get_selection (self->canvas), node);
  gtk_popover_set_pointing_to (menu, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (menu);
}

static GtkWidget *
make_card_menu (ImpWindow *self)
{
  g_autoptr(GMenu) model = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) workshop = g_menu_new ();
  GtkWidget *menu;

  g_menu_append (edit, _("_Rename"), "win.rename");
  g_menu_append (edit, _("Add _Child"), "win.add-child");
  g_menu_append (edit, _("_Delete"), "win.delete");
  g_menu_append (workshop, _("_Focus on Branch"), "win.focus-branch");
  g_menu_append (workshop, _("Add _Vote"), "win.add-vote");
  g_menu_append (workshop, _("Remove V_ote"), "win.remove-vote");
  g_menu_append_section (model, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (model, NULL, G_MENU_MODEL (workshop));

  menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (model));
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  /* The canvas keeps its popovers placed as it is resized (find does too). */
  gtk_widget_set_parent (menu, GTK_WIDGET (self->canvas));

  return menu;
}

void
_imp_window_workshop_toggle_parking_lot_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GtkRevealer *revealer = GTK_REVEALER (self->parking_lot_revealer);
  gboolean reveal = !gtk_revealer_get_reveal_child (revealer);

  gtk_revealer_set_reveal_child (revealer, reveal);
  if (reveal)
    gtk_widget_grab_focus (imp_parking_lot_get_entry (IMP_PARKING_LOT (self->parking_lot)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* The shown card of @level whose centre is nearest to (@x, @y) in the
 * map: in the right layout, the one nearest in height in its column; on
 * the same side of a balanced goal; in the row above when top-down. */
static ImpNode *
nearest_card (ImpScene *scene,
              ImpLevel  level,
              double    x,
              double    y)
{
  ImpNode *best = NULL;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < _imp_scene_get_n_cards (scene); i++)
    {
      const ImpSceneCard *card = _imp_scene_get_card (scene, i);
      double distance;

      if (card->node->level != level || _imp_scene_card_is_hidden (scene, card))
        continue;

      distance = hypot (card->rect.x + card->rect.width / 2 - x,
                        card->rect.y + card->rect.height / 2 - y);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = card->node;
        }
    }

  return best;
}

/* Where an idea dropped at (@x, @y) on the canvas goes: on a card, under
 * it, one level to the right; in an empty part of a column (a row when
 * top-down), at that level under the nearest card of the level before (or
 * as a new goal in the goal column). FALSE with @error saying why not. */
static gboolean
resolve_drop (ImpWindow  *self,
              double      x,
              double      y,
              ImpNode   **parent_out,
              ImpLevel   *level_out,
              GError    **error)
{
  ImpViewport *viewport = imp_canvas_get_viewport (self->canvas);
  ImpScene *scene = imp_canvas_get_scene (self->canvas);
  int reveal_level = imp_canvas_get_reveal_level (self->canvas);
  ImpNode *parent = NULL;
  ImpLevel level = IMP_LEVEL_GOAL;
  double map_x, map_y;
  guint n_columns;

  if (scene == NULL || self->history == NULL)
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("There is no map to place the idea on"));
      return FALSE;
    }

  imp_viewport_widget_to_map (viewport, x, y, &map_x, &map_y);
  parent = !imp_canvas_is_over_headers (self->canvas, x, y) ?
           imp_scene_hit_test (scene, map_x, map_y) : NULL;

  if (parent != NULL)
    {
      /* On a card: under it, where Tab would add a child. */
      if (!imp_level_new_child (imp_map_get_vocabulary (self->map), parent->level, &level))
        {
          g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
                               _("Experiments are the last level: drop the idea on a card "
                                 "of another level, or in an empty part of a column"));
          return FALSE;
        }

      *parent_out = parent;
      *level_out = level;
      return TRUE;
    }

  n_columns = imp_scene_get_n_columns (scene);
  for (guint i = 0; i < n_columns; i++)
    {
      const ImpLayoutBand *band = imp_scene_get_band (scene, i);
      gboolean inside;

      /* A column, or a row of the top-down layout, with half the gap to
       * its neighbours. */
      if (band->row)
        inside = map_y >= band->rect.y - IMP_LAYOUT_ROW_GAP / 2 &&
                 map_y < band->rect.y + band->rect.height + IMP_LAYOUT_ROW_GAP / 2;
      else
        inside = map_x >= band->rect.x - IMP_LAYOUT_COLUMN_GAP / 2 &&
                 map_x < band->rect.x + band->rect.width + IMP_LAYOUT_COLUMN_GAP / 2;
      if (!inside)
        continue;

      level = band->level;
      if (reveal_level >= 0 && (int) level > reveal_level)
        {
          g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                               _("That level is not revealed yet: reveal it first "
                                 "(Page Down)"));
          return FALSE;
        }

      if (level != IMP_LEVEL_GOAL)
        {
          ImpLayout *layout = imp_scene_get_layout (scene);
          int above = (int) level - 1;

          /* The level before, skipping a column the vocabulary folds away. */
          while (above > IMP_LEVEL_GOAL && !imp_layout_get_column_x (layout, above, NULL))
            above--;
          parent = nearest_card (scene, above, map_x, map_y);
          if (parent == NULL)
            {
              g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_LEVEL_MISMATCH,
                                   _("There is no card in the column to the left to "
                                     "put the idea under"));
              return FALSE;
            }
        }

      *parent_out = parent;
      *level_out = level;
      return TRUE;
    }

  g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                       _("Drop the idea on a card, or in a column of the map"));

  return FALSE;
}

/**
 * _imp_window_workshop_place_parked:
 * @position: the idea's place in the parking lot
 * @x: where it was dropped on the canvas, in widget pixels
 * @y: likewise
 *
 * Turns a parked idea into a card, as dropping it on the canvas does. On a
 * card, it goes under that card, one level to the right; in an empty part
 * of a column, it becomes a card of that column's level under the nearest
 * card of the column to the left (or a new goal in the goal column). One
 * undo step puts it back in the parking lot.
 *
 * Returns: (transfer none) (nullable): the new node, or %NULL with @error
 *   saying why the idea cannot go there
 */
ImpNode *
_imp_window_workshop_place_parked (ImpWindow  *self,
                                   guint       position,
                                   double      x,
                                   double      y,
                                   GError    **error)
{
  ImpNode *parent = NULL, *node;
  ImpLevel level = IMP_LEVEL_GOAL;

  if (self->map == NULL || position >= imp_map_get_n_parked (self->map))
    {
      g_set_error_literal (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("That idea is no longer in the parking lot"));
      return NULL;
    }

  if (!resolve_drop (self, x, y, &parent, &level, error))
    return NULL;

  imp_canvas_stop_editing (self->canvas, TRUE);
  node = imp_history_place_parked (self->history, position, parent, -1, level, error);
  if (node != NULL)
    {
      imp_selection_select (imp_canvas_get_selection (self->canvas), node);
      imp_canvas_scroll_to_node (self->canvas, node);
    }

  return node;
}

static gboolean
parking_lot_key_cb (ImpWindow             *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  return GDK_EVENT_STOP;
}

static gboolean
parked_drop_cb (ImpWindow     *self,
                const GValue  *value,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  const ImpParkedDrag *drag = g_value_get_boxed (value);
  g_autoptr(GError) error = NULL;

  if (drag == NULL)
    return FALSE;

  /* The list may have changed under the drag (an undo): find it by text. */
  if (drag->position >= imp_map_get_n_parked (self->map) ||
      g_strcmp0 (imp_map_get_parked (self->map, drag->position), drag->text) != 0)
    {
      g_set_error_literal (&error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE,
                           _("That idea is no longer in the parking lot"));
      g_signal_emit_by_name (self->canvas, "message", error->message);
      return FALSE;
    }

  if (_imp_window_workshop_place_parked (self, drag->position, x, y, &error) == NULL)
    {
      g_signal_emit_by_name (self->canvas, "message", error->message);
      return FALSE;
    }

  return TRUE;
}

void
_imp_window_workshop_new_from_template_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (imp_template_dialog_new (self)));
}

void
_imp_window_workshop_leave_focus_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  set_focus (IMP_WINDOW (widget), NULL);
}

static void
update_header (ImpWindow *self)
{
  gboolean presenting = self->presenting;

  /* A slim header bar at the projector: the file buttons, zoom and the
   * inspector toggle give way; undo, the reveal step, the timebox and the
   * way out stay. */
  gtk_widget_set_visible (self->open_button, !presenting);
  gtk_widget_set_visible (self->save_button, !presenting);
  _imp_window_narrow_update (self); /* the zoom buttons */
  gtk_widget_set_visible (self->inspector_button, !presenting);

  gtk_button_set_icon_name (GTK_BUTTON (self->presentation_button),
                            presenting ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (self->presentation_button,
                               presenting ? _("Leave Presentation Mode (F5 or Esc)")
                                          : _("Presentation Mode (F5)"));

  if (presenting)
    gtk_widget_add_css_class (self->header_bar, "presenting");
  else
    gtk_widget_remove_css_class (self->header_bar, "presenting");
}

static void
set_presenting (ImpWindow *self,
                gboolean   presenting)
{
  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;

  if (presenting)
    {
      self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->inspector_was_revealed = adw_flap_get_reveal_flap (self->inspector_flap);

      adw_flap_set_reveal_flap (self->inspector_flap, FALSE);
      imp_canvas_set_theme_override (self->canvas, IMP_THEME_PROJECTOR);
      if (!self->was_fullscreen)
        gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      /* A reveal left half-way ends with the whole map. */
      if (self->reveal_step >= 0)
        set_reveal_step (self, -1);
      imp_canvas_set_theme_override (self->canvas, -1);
      adw_flap_set_reveal_flap (self->inspector_flap, self->inspector_was_revealed);
      if (!self->was_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
    }

  update_header (self);

  /* The map fills the new size, and follows it as the window changes. */
  imp_canvas_zoom_fit (self->canvas);
  if (!imp_canvas_is_editing (self->canvas))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  _imp_window_actions_update (self);
}

void
_imp_window_workshop_presentation_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);

  set_presenting (self, !self->presenting);
}

/* Escape steps out of one thing at a time: the in-place editor handles it
 * first, then the focus on a branch, then presentation mode; only then does
 * it clear the selection. */
gboolean
_imp_window_workshop_step_out (ImpWindow *self)
{
  if (imp_canvas_is_editing (self->canvas))
    return FALSE;

  if (imp_canvas_get_focus (self->canvas) != NULL)
    {
      set_focus (self, NULL);
      return TRUE;
    }

  if (self->presenting)
    {
      set_presenting (self, FALSE);
      return TRUE;
    }

  return FALSE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return _imp_window_workshop_step_out (IMP_WINDOW (widget));
}

/* Page Down and Page Up step the reveal, except while text is typed (the
 * parking lot, a field of the inspector): there they stay the text's. */
static gboolean
reveal_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;

  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

static gboolean
canvas_key_capture_cb (ImpWindow             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  /* Only keys for the canvas itself: not for its editor or find popover. */
  if (!imp_canvas_has_map_focus (self->canvas) ||
      imp_canvas_is_editing (self->canvas) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      return _imp_window_workshop_step_out (self);

    /* Typing renames a card, but these keys vote: "=" is "+" without
     * Shift on most keyboards. */
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      if (imp_selection_get_primary (imp_canvas_get_selection (self->canvas)) == NULL)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-vote", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (imp_selection_get_primary (imp_canvas_get_selection (self->canvas)) == NULL)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.remove-vote", NULL);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_imp_window_workshop_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (IMP_TYPE_TIMEBOX);

  gtk_widget_class_bind_template_child (widget_class, ImpWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, presentation_button);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, reveal_label);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, timebox);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, parking_lot_button);

  /* Ctrl+P is Print, as everywhere in GNOME. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-parking-lot", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, reveal_key_cb,
                                "s", "win.reveal-next");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Down, 0, reveal_key_cb,
                                "s", "win.reveal-next");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, reveal_key_cb,
                                "s", "win.reveal-previous");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Up, 0, reveal_key_cb,
                                "s", "win.reveal-previous");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.focus-branch", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.focus-branch", NULL);
}

static void
selection_changed_cb (ImpWindow    *self,
                      ImpSelection *selection)
{
  ImpNode *primary = imp_selection_get_primary (selection);
  int level = imp_canvas_get_reveal_level (self->canvas);

  /* A card selected at a level still hidden (a child just added with Tab,
   * a card found) brings its level into view: nothing is edited, voted on
   * or deleted unseen. */
  if (primary != NULL && level >= 0 && (int) primary->level > level &&
      g_object_get_data (G_OBJECT (self), "imp-revealing") == NULL)
    {
      ImpLevel levels[IMP_N_LEVELS];
      guint n_levels = _imp_window_workshop_get_reveal_levels (self, levels);
      int step = 0;

      for (guint i = 0; i < n_levels; i++)
        if (levels[i] <= primary->level)
          step = i;

      g_object_set_data (G_OBJECT (self), "imp-revealing", GINT_TO_POINTER (TRUE));
      set_reveal_step (self, step);
      g_object_set_data (G_OBJECT (self), "imp-revealing", NULL);
    }

  _imp_window_actions_update (self);
}

static void
map_changed_cb (ImpWindow     *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap         *map)
{
  /* A level that gains its first card, or loses its last, changes the
   * steps: keep showing the same level. */
  if (self->reveal_step >= 0 &&
      (kind == IMP_CHANGE_NODE_ADDED || kind == IMP_CHANGE_NODE_REMOVED ||
       kind == IMP_CHANGE_VOCABULARY))
    {
      ImpLevel levels[IMP_N_LEVELS];
      guint n_levels = _imp_window_workshop_get_reveal_levels (self, levels);
      int level = imp_canvas_get_reveal_level (self->canvas);
      int step = 0;

      for (guint i = 0; i < n_levels; i++)
        if ((int) levels[i] <= level)
          step = i;
      self->reveal_step = step;
    }

  if (kind == IMP_CHANGE_VOTE_BUDGET || kind == IMP_CHANGE_NODE_VOTES ||
      kind == IMP_CHANGE_EVERYTHING)
    update_dots_label (self);
  if (kind == IMP_CHANGE_PARKING_LOT || kind == IMP_CHANGE_EVERYTHING)
    update_parking_count (self);

  _imp_window_actions_update (self);
}

/* A click on a level header (a column's, or a row's in the down layout)
 * reveals up to that level, while revealing or presenting. */
static void
header_pressed_cb (ImpWindow       *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  ImpLevel level;

  if (!to_canvas (self, gesture, &x, &y) || (self->reveal_step < 0 && !self->presenting) ||
      !imp_canvas_get_header_level_at (self->canvas, x, y, &level))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-level", "i", (int) level);
}

/* Called whenever the window shows another map: the view starts whole. */
void
_imp_window_workshop_set_map (ImpWindow *self)
{
  ImpMap *old = g_object_get_data (G_OBJECT (self), "imp-workshop-map");

  if (old != self->map)
    {
      if (old != NULL)
        g_signal_handlers_disconnect_by_func (old, map_changed_cb, self);
      if (self->map != NULL)
        g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (self), "imp-workshop-map",
                              self->map != NULL ? g_object_ref (self->map) : NULL,
                              g_object_unref);
      self->reveal_step = -1;
      imp_parking_lot_set_history (IMP_PARKING_LOT (self->parking_lot), self->history);
      gtk_widget_set_visible (self->reveal_label, FALSE);
      imp_canvas_set_reveal_level (self->canvas, -1);
      imp_canvas_set_focus (self->canvas, NULL);
    }

  update_dots_label (self);
  update_parking_count (self);
  _imp_window_actions_update (self);
}

void
_imp_window_workshop_init (ImpWindow *self)
{
  GtkEventController *controller;
  GtkDropTarget *target;
  GtkWidget *flap_content, *box, *tray;

  self->reveal_step = -1;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (canvas_key_capture_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  /* The parking lot slides in at the start of the map, beside it. */
  flap_content = adw_flap_get_content (self->inspector_flap);
  g_object_ref (flap_content);
  adw_flap_set_content (self->inspector_flap, NULL);
  self->parking_lot = imp_parking_lot_new ();
  self->parking_lot_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->parking_lot_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_RIGHT);
  tray = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (tray), self->parking_lot);
  gtk_box_append (GTK_BOX (tray), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_revealer_set_child (GTK_REVEALER (self->parking_lot_revealer), tray);
  gtk_widget_add_css_class (self->parking_lot, "view");

  /* Escape in the tray's entry goes back to the map. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (parking_lot_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (imp_parking_lot_get_entry (IMP_PARKING_LOT (self->parking_lot)),
                             controller);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), self->parking_lot_revealer);
  gtk_box_append (GTK_BOX (box), flap_content);
  g_object_unref (flap_content);
  adw_flap_set_content (self->inspector_flap, box);
  g_object_bind_property (self->parking_lot_revealer, "reveal-child",
                          self->parking_lot_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  target = gtk_drop_target_new (IMP_TYPE_PARKED_DRAG, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (parked_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (target));

  /* Clicks on column names and Alt+clicks on cards are caught on the way
   * down to the canvas, whose own gestures stay as they are. */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (header_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (box, controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (vote_click_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (box, controller);

  g_object_set_data (G_OBJECT (self), "imp-card-menu", make_card_menu (self));
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (context_click_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (box, controller);

  g_signal_connect_object (imp_canvas_get_selection (self->canvas), "changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Beside the timebox: what is left of the vote budget, while there is one. */
  self->dots_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->dots_label, "dots-left");
  gtk_widget_set_visible (self->dots_label, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header_bar), self->dots_label);
  update_dots_label (self);

  /* The parking lot's button: its icon, and how many ideas are parked. */
  {
    GtkWidget *button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    gtk_box_append (GTK_BOX (button_box), gtk_image_new_from_icon_name ("view-list-bullet-symbolic"));
    self->parking_count_label = gtk_label_new (NULL);
    gtk_widget_add_css_class (self->parking_count_label, "parking-count");
    gtk_box_append (GTK_BOX (button_box), self->parking_count_label);
    gtk_button_set_child (GTK_BUTTON (self->parking_lot_button), button_box);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->parking_lot_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Parking Lot"), -1);
    update_parking_count (self);
  }

  update_header (self);
  _imp_window_actions_update (self);
}

/**
 * imp_window_get_presenting:
 *
 * Returns: whether the window is in presentation mode
 */
gboolean
imp_window_get_presenting (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);

  return self->presenting;
}

/**
 * imp_window_set_presenting:
 * @presenting: whether to present
 *
 * Enters presentation mode (fullscreen, no inspector, the projector theme)
 * or leaves it, putting back the window as it was. The document is never
 * changed.
 */
void
imp_window_set_presenting (ImpWindow *self,
                           gboolean   presenting)
{
  g_return_if_fail (IMP_IS_WINDOW (self));

  set_presenting (self, presenting);
}
