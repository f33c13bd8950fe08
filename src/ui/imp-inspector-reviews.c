/* imp-inspector-reviews.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-inspector-reviews"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-inspector-reviews.h"
#include "imp-review.h"

/* The inspector's parts for reviews: on a goal's page, whether it is the
 * map's primary goal now; on the map page, the list of reviews, each row
 * showing on the canvas what changed since it (win.compare-review). */

static void
sync_primary (GtkWidget *group)
{
  ImpHistory *history = g_object_get_data (G_OBJECT (group), "imp-history");
  GtkSwitch *toggle = g_object_get_data (G_OBJECT (group), "imp-switch");
  const char *id = g_object_get_data (G_OBJECT (group), "imp-goal");
  ImpNode *primary = imp_review_get_primary_goal (imp_history_get_map (history));
  gboolean active = primary != NULL && g_strcmp0 (primary->id, id) == 0;

  g_object_set_data (G_OBJECT (group), "imp-syncing", GINT_TO_POINTER (TRUE));
  if (gtk_switch_get_active (toggle) != active)
    gtk_switch_set_active (toggle, active);
  g_object_set_data (G_OBJECT (group), "imp-syncing", NULL);
}

static void
primary_active_cb (GtkSwitch  *toggle,
                   GParamSpec *pspec,
                   GtkWidget  *group)
{
  ImpHistory *history = g_object_get_data (G_OBJECT (group), "imp-history");
  ImpMap *map = imp_history_get_map (history);
  ImpNode *goal = imp_map_lookup_node (map, g_object_get_data (G_OBJECT (group), "imp-goal"));
  ImpNode *primary = imp_review_get_primary_goal (map);

  if (g_object_get_data (G_OBJECT (group), "imp-syncing") != NULL || goal == NULL)
    return;
  if (gtk_switch_get_active (toggle))
    imp_review_set_primary_goal (history, goal);
  else if (primary == goal)
    imp_review_set_primary_goal (history, NULL);
}

static void
primary_map_changed_cb (GtkWidget     *group,
                        ImpChangeKind  kind,
                        gpointer       object,
                        ImpMap        *map)
{
  if (kind == IMP_CHANGE_REVIEWS || kind == IMP_CHANGE_EVERYTHING)
    sync_primary (group);
}

/**
 * imp_primary_goal_group_new:
 * @history: the history of the map
 * @goal: a goal of the map
 *
 * Returns: (transfer floating): a group whose switch marks @goal as the
 *   map's primary goal now, one undo step a change, following undo
 */
GtkWidget *
imp_primary_goal_group_new (ImpHistory *history,
                            ImpNode    *goal)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_return_val_if_fail (IMP_IS_HISTORY (history), NULL);
  g_return_val_if_fail (goal != NULL && goal->level == IMP_LEVEL_GOAL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Primary goal now"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The goal the team works towards first for now; reviews "
                                 "remember it"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  g_object_set_data_full (G_OBJECT (group), "imp-history", g_object_ref (history),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (group), "imp-goal", g_strdup (goal->id), g_free);
  g_object_set_data (G_OBJECT (group), "imp-switch", toggle);
  sync_primary (group);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (primary_active_cb), group, 0);
  g_signal_connect_object (imp_history_get_map (history), "changed",
                           G_CALLBACK (primary_map_changed_cb), group, G_CONNECT_SWAPPED);

  return group;
}

/**
 * imp_reviews_group_new:
 * @map: a map
 * @editable: whether a review can be recorded
 *
 * Returns: (transfer floating): the group listing the map's reviews, newest
 *   first; activating one shows what changed since it
 */
GtkWidget *
imp_reviews_group_new (ImpMap   *map,
                       gboolean  editable)
{
  g_autoptr(GPtrArray) reviews = imp_review_list (map);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record…"));
  ImpNode *primary = imp_review_get_primary_goal (map);
  g_autofree char *description = NULL;

  if (primary != NULL)
    /* TRANSLATORS: the map page's reviews group; %s is a goal's title */
    description = g_strdup_printf (_("Choose one to see on the map what changed since. "
                                     "Primary goal now: “%s”."), primary->title);
  else
    description = g_strdup (_("Choose one to see on the map what changed since."));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reviews"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "win.record-review");
  gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (record, editable);
  gtk_widget_add_css_class (record, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), record);

  if (reviews->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No reviews yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("A review records every metric, status, score and "
                                     "result as of today"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  for (guint i = reviews->len; i > 0; i--)
    {
      const ImpReviewInfo *info = g_ptr_array_index (reviews, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: "2026-03-31, 42 cards" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u card", "%s, %u cards",
                                               info->n_cards), info->date, info->n_cards);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.compare-review");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", info->name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}
