/* imp-a11y.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessible names GTK 4.8 gets wrong by itself. Its AT-SPI bridge names
 * any widget without a label after its type ("GtkButton", "AdwGizmo"), and
 * a button whose label has a mnemonic twice over: once from the raw label
 * with its underline, once from the mnemonic label inside ("_Open Open").
 * The helpers here fix both where the widgets are made, and a walk over a
 * finished tree fixes the containers GTK builds inside its own widgets.
 */

#define G_LOG_DOMAIN "imp-a11y"

#include "config.h"

#include "imp-a11y.h"

/* Set on a widget once named here: the walk leaves it alone after that. */
#define NAMED_KEY "imp-a11y-named"

/**
 * imp_a11y_set_label:
 * @widget: a widget
 * @label: (nullable): its accessible name, or %NULL for none
 *
 * Gives @widget an accessible name. For an icon-only button, whose tooltip
 * reaches a screen reader only as a description.
 */
void
imp_a11y_set_label (GtkWidget  *widget,
                    const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  -1);
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  /* The toggle button inside a menu button is labelled by it already. */
}

/**
 * imp_a11y_set_decorative:
 * @widget: an icon or other decoration
 *
 * Takes @widget out of what assistive technology announces. An icon inside
 * a button would otherwise add its own name (its type, or an empty word) to
 * the button's: GTK 4.8 names a button after its child too.
 */
void
imp_a11y_set_decorative (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
}

/* A tooltip without the key in brackets at its end: "Save (Ctrl+S)" names
 * the button "Save"; the whole tooltip stays its description. */
static char *
label_from_tooltip (const char *tooltip)
{
  const char *open;

  if (tooltip == NULL || tooltip[0] == '\0')
    return NULL;

  open = strrchr (tooltip, '(');
  if (open != NULL && open > tooltip && g_str_has_suffix (tooltip, ")"))
    return g_strstrip (g_strndup (tooltip, open - tooltip));

  return g_strdup (tooltip);
}

/* Widgets of GTK and libadwaita that only hold others: without a label
 * GTK 4.8 names them after their type. An empty name is what a container
 * of no meaning of its own has. */
static gboolean
is_plain_container (GtkWidget *widget)
{
  static const char * const names[] = {
    "AdwGizmo", "GtkGizmo", "AdwWindowTitle", "AdwFlap", "AdwBin", "AdwClamp",
    "GtkOverlay", "GtkRange", "GtkScrollbar", "GtkStackSwitcher", "GtkRevealer",
    "GtkPopoverContent", "GtkPopoverMenu", "GtkPopoverMenuContents", "GtkListItemWidget",
    "GtkListView", "GtkTreeExpander", "GtkText", "GtkBuiltinIcon", "GtkDragIcon",
    "AdwToastWidget", "AdwToastOverlay", "AdwSqueezer", "AdwViewStack", "AdwLeaflet",
    "GtkSpinner", "GtkFrame",
  };
  const char *type = G_OBJECT_TYPE_NAME (widget);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (type, names[i]))
      return TRUE;

  return FALSE;
}

static void
repair_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL)
    return;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      /* The mnemonic label inside names the button, without the underline. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
    }
  else if (GTK_IS_MENU_BUTTON (widget) &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL)
    {
      g_autofree char *label = label_from_tooltip (gtk_widget_get_tooltip_text (widget));

      if (label != NULL)
        imp_a11y_set_label (widget, label);
    }
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      /* An icon-only button that was given no name where it was made. */
      g_autofree char *label = label_from_tooltip (gtk_widget_get_tooltip_text (widget));

      if (label != NULL)
        imp_a11y_set_label (widget, label);
    }
  else if (GTK_IS_IMAGE (widget) && parent != NULL &&
           (GTK_IS_BUTTON (parent) || GTK_IS_BOX (parent) || GTK_IS_LIST_BOX_ROW (parent)))
    {
      /* An icon beside text, or in a button named above: decoration. */
      imp_a11y_set_decorative (widget);
    }
  else if (GTK_IS_LABEL (widget) &&
           gtk_label_get_label (GTK_LABEL (widget))[0] == '\0')
    {
      /* Text still to come; GtkLabel names itself once it has some. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    }
  else if (is_plain_container (widget))
    {
      imp_a11y_set_label (widget, "");
    }

  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (pages, i);
          GtkStackPage *page = GTK_STACK_PAGE (item);
          const char *title = gtk_stack_page_get_title (page);

          if (g_object_get_data (G_OBJECT (page), NAMED_KEY) != NULL)
            continue;
          gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          title != NULL ? title : "",
                                          -1);
          g_object_set_data (G_OBJECT (page), NAMED_KEY, GINT_TO_POINTER (TRUE));
        }
    }
}

/**
 * imp_a11y_repair:
 * @root: a widget
 *
 * Names every widget under @root that GTK 4.8 would name after its type,
 * and names buttons with a mnemonic once. Widgets named with
 * imp_a11y_set_label() keep their names. Cheap enough to run again after
 * part of a window was rebuilt.
 */
void
imp_a11y_repair (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  repair_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    imp_a11y_repair (child);
}

static void
map_cb (GtkWidget *widget,
        gpointer   user_data)
{
  imp_a11y_repair (widget);
}

/**
 * imp_a11y_repair_on_map:
 * @widget: a window, dialog or panel
 *
 * Runs imp_a11y_repair() on @widget whenever it is shown.
 */
void
imp_a11y_repair_on_map (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect (widget, "map", G_CALLBACK (map_cb), NULL);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "imp-a11y-watched") != NULL)
        continue;
      g_object_set_data (G_OBJECT (window), "imp-a11y-watched", GINT_TO_POINTER (TRUE));
      imp_a11y_repair_on_map (window);
      if (gtk_widget_get_mapped (window))
        imp_a11y_repair (window);
    }
}

/**
 * imp_a11y_watch_toplevels:
 *
 * Runs imp_a11y_repair() on every window and dialog of the application as
 * it is shown, so that message dialogs and the like are named too.
 */
void
imp_a11y_watch_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  static gboolean watching;

  if (watching)
    return;
  watching = TRUE;

  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), NULL);
}
