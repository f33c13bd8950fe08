/* imp-inspector-conflicts.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-conflicts.h"
#include "imp-inspector-conflicts.h"

/* Each button knows its record by number: the group is built again after
 * every change of the map, so the numbers are never stale. */

typedef struct
{
  ImpHistory   *history;    /* (owned) */
  ImpSelection *selection;  /* (owned) (nullable) */
  guint         index;
  int           action;     /* 0 ours, 1 theirs, 2 edit */
} Resolve;

static void
resolve_free (gpointer data,
              GClosure *closure)
{
  Resolve *resolve = data;

  g_clear_object (&resolve->history);
  g_clear_object (&resolve->selection);
  g_free (resolve);
}

static void
resolve_clicked_cb (GtkButton *button,
                    Resolve   *resolve)
{
  g_autoptr(GError) error = NULL;
  ImpMap *map = imp_history_get_map (resolve->history);
  ImpNode *node = imp_conflicts_get_node (map, resolve->index);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *subtitle = row ? g_object_get_data (G_OBJECT (row), "imp-subtitle") : NULL;

  if (!imp_conflicts_resolve (resolve->history, resolve->index,
                              resolve->action == 1 ? IMP_CONFLICT_KEEP_THEIRS
                                                   : IMP_CONFLICT_KEEP_OURS,
                              &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (button));
      if (subtitle != NULL)
        gtk_label_set_text (GTK_LABEL (subtitle), error->message);
      return;
    }

  /* Edit: the record is settled as the map holds it, and the card's page
   * comes forward to change it there, as its own steps. */
  if (resolve->action == 2 && node != NULL && resolve->selection != NULL &&
      imp_map_lookup_node (map, node->id) == node)
    imp_selection_select (resolve->selection, node);
}

static GtkWidget *
add_button (GtkWidget    *box,
            const char   *label,
            const char   *tooltip,
            const char   *name,
            ImpHistory   *history,
            ImpSelection *selection,
            guint         index,
            int           action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  Resolve *resolve = g_new0 (Resolve, 1);
  g_autofree char *widget_name = g_strdup_printf ("conflict-%u-%s", index, name);

  resolve->history = g_object_ref (history);
  resolve->selection = selection ? g_object_ref (selection) : NULL;
  resolve->index = index;
  resolve->action = action;
  gtk_widget_set_name (button, widget_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_data (button, "clicked", G_CALLBACK (resolve_clicked_cb), resolve,
                         resolve_free, 0);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

GtkWidget *
_imp_inspector_conflicts_new (ImpHistory   *history,
                              ImpSelection *selection)
{
  ImpMap *map;
  GtkWidget *group;
  guint n;
  g_autofree char *description = NULL;

  g_return_val_if_fail (IMP_IS_HISTORY (history), NULL);

  map = imp_history_get_map (history);
  if (map == NULL || (n = imp_conflicts_get_n (map)) == 0)
    return NULL;

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "conflicts-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Merge Conflicts"));
  description = g_strdup_printf (ngettext ("A merge left %u conflict: the map shows ours until "
                                           "it is resolved. It can be saved unresolved.",
                                           "A merge left %u conflicts: the map shows ours until "
                                           "they are resolved. It can be saved unresolved.", n),
                                 n);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      g_autofree char *title = imp_conflicts_describe (map, i, &ours, &theirs);
      g_autofree char *subtitle = NULL;
      g_autofree char *row_name = g_strdup_printf ("conflict-%u", i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label;
      GtkWidget *theirs_button;

      if (title == NULL)
        continue;
      /* TRANSLATORS: the two sides of a merge conflict, in the inspector */
      subtitle = g_strdup_printf (_("Ours: %s · Theirs: %s"), ours, theirs);
      gtk_widget_set_name (row, row_name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (content, 12);
      gtk_widget_set_margin_end (content, 12);
      gtk_widget_set_margin_top (content, 8);
      gtk_widget_set_margin_bottom (content, 8);

      /* The sentence and both sides over the full width, the buttons
       * below them: a narrow inspector must not squeeze the text. */
      label = gtk_label_new (title);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (content), label);
      label = gtk_label_new (subtitle);
      g_object_set_data (G_OBJECT (row), "imp-subtitle", label);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (content), label);

      gtk_widget_set_halign (box, GTK_ALIGN_END);
      add_button (box, _("_Ours"), _("Keep our side and drop this conflict"), "ours", history,
                  selection, i, 0);
      theirs_button = add_button (box, _("_Theirs"), _("Take their side and drop this conflict"),
                                  "theirs", history, selection, i, 1);
      gtk_widget_set_sensitive (theirs_button, imp_conflicts_can_keep_theirs (map, i));
      if (imp_conflicts_get_node (map, i) != NULL)
        add_button (box, _("_Edit"), _("Keep our side, drop this conflict and select the card "
                                       "to edit it"), "edit", history, selection, i, 2);
      gtk_box_append (GTK_BOX (content), box);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}
