/* imp-canvas-a11y.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas tells assistive technology about the selection. The canvas
 * is one drawn widget with no child per card, so a screen reader learns what
 * is selected from the canvas's accessible description alone.
 */

#define G_LOG_DOMAIN "imp-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-analysis.h"
#include "imp-canvas-a11y.h"
#include "imp-node.h"

/* GTK 4.8 has no getter for accessible properties: keep what was set last,
 * for tests and for skipping updates that change nothing. */
#define DESCRIPTION_KEY "imp-accessible-description"

static void
append_node (GString       *out,
             ImpVocabulary  vocabulary,
             ImpNode       *node)
{
  ImpNode *parent = imp_node_get_tree_parent (node);
  double progress;

  /* Translators: describes the selected card to a screen reader: level name
   * in the map's vocabulary, then the card's title, e.g. Actor “Students” */
  g_string_append_printf (out, _("%s “%s”"),
                          imp_vocabulary_level_name (vocabulary, node->level),
                          node->title != NULL ? node->title : "");

  progress = imp_metric_get_progress (node->metric);
  if (isfinite (progress))
    {
      g_string_append (out, ", ");
      /* Translators: metric progress of the selected card; %d is a percentage */
      g_string_append_printf (out, _("%d%% of target"), (int) floor (progress * 100 + 0.5));
    }

  if (node->votes > 0)
    {
      g_string_append (out, ", ");
      /* Translators: dot votes of the selected card, from a workshop round */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes",
                                                node->votes), node->votes);
    }

  if (parent != NULL)
    {
      guint i, position = 0;

      for (i = 0; i < parent->children->len; i++)
        if (imp_node_get_child (parent, i) == node)
          position = i + 1;

      g_string_append (out, ", ");
      /* Translators: position of the selected card among its siblings, e.g.
       * 2 of 3 under “Students” */
      g_string_append_printf (out, _("%u of %u under “%s”"),
                              position, parent->children->len,
                              parent->title != NULL ? parent->title : "");
    }
}

/**
 * imp_canvas_describe_selection:
 * @map: (nullable): the map shown
 * @selection: what is selected in it
 *
 * Describes the selection in words for assistive technology: level, title,
 * metric progress and position in the tree of a single card; a count for
 * several; the ends of a selected link; a short summary of the map when
 * nothing is selected.
 *
 * Returns: (transfer full): the description
 */
char *
imp_canvas_describe_selection (ImpMap       *map,
                               ImpSelection *selection)
{
  GString *out = g_string_new (NULL);
  ImpVocabulary vocabulary;
  ImpLink *link;
  guint n;

  if (map == NULL)
    {
      g_string_append (out, _("No map open"));
      return g_string_free (out, FALSE);
    }

  vocabulary = imp_map_get_vocabulary (map);
  n = imp_selection_get_n_nodes (selection);
  link = imp_selection_get_link (selection);

  if (n == 1)
    {
      g_string_append (out, _("Selected: "));
      append_node (out, vocabulary, imp_selection_get_node (selection, 0));
    }
  else if (n > 1)
    {
      g_string_append_printf (out,
                              ngettext ("%u card selected", "%u cards selected", n), n);
    }
  else if (link != NULL)
    {
      /* Translators: a selected link between two cards, described to a screen reader */
      g_autofree char *summary = imp_analysis_link_summary (link);

      g_string_append_printf (out, _("Selected: link from “%s” to “%s”"),
                              link->parent->title != NULL ? link->parent->title : "",
                              link->child->title != NULL ? link->child->title : "");
      /* What its mark on the canvas says, in words. */
      if (summary != NULL)
        g_string_append_printf (out, ". %s", summary);
    }
  else
    {
      guint n_nodes = imp_map_get_n_nodes (map);

      if (n_nodes == 0)
        g_string_append (out, _("Empty map, nothing selected"));
      else
        g_string_append_printf (out, ngettext ("%u card, nothing selected",
                                               "%u cards, nothing selected", n_nodes),
                                n_nodes);
    }

  return g_string_free (out, FALSE);
}

/* Called by the canvas whenever the selection, the map or its text changes. */
void
_imp_canvas_a11y_update (ImpCanvas *self)
{
  g_autofree char *description = NULL;
  const char *old;

  description = imp_canvas_describe_selection (imp_canvas_get_map (self),
                                               imp_canvas_get_selection (self));
  old = g_object_get_data (G_OBJECT (self), DESCRIPTION_KEY);
  if (g_strcmp0 (old, description) == 0)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (self), DESCRIPTION_KEY,
                          g_steal_pointer (&description), g_free);
}

/**
 * imp_canvas_get_accessible_description:
 * @self: a canvas
 *
 * The accessible description the canvas set last, since GTK 4.8 cannot read
 * accessible properties back.
 *
 * Returns: (nullable): the description, or %NULL before the first update
 */
const char *
imp_canvas_get_accessible_description (ImpCanvas *self)
{
  g_return_val_if_fail (IMP_IS_CANVAS (self), NULL);

  return g_object_get_data (G_OBJECT (self), DESCRIPTION_KEY);
}

/**
 * imp_canvas_theme_kind_for:
 * @dark: whether the desktop style is dark
 * @high_contrast: whether the system asks for high contrast
 *
 * The look of the canvas for a desktop style. With high contrast, a light
 * desktop gets the print theme: white, black text, no shadows or tints; a
 * dark one keeps the dark kind, drawn with imp_canvas_theme_for()'s palette.
 *
 * Returns: the theme the canvas draws with
 */
ImpThemeKind
imp_canvas_theme_kind_for (gboolean dark,
                           gboolean high_contrast)
{
  if (dark)
    return IMP_THEME_DARK;

  return high_contrast ? IMP_THEME_PRINT : IMP_THEME_LIGHT;
}

/**
 * imp_canvas_theme_for:
 * @dark: whether the desktop style is dark
 * @high_contrast: whether the system asks for high contrast
 *
 * The colours of the canvas for a desktop style: the theme of
 * imp_canvas_theme_kind_for(), except that dark with high contrast gets the
 * black, high-contrast palette.
 *
 * Returns: (transfer none): the theme the canvas draws with
 */
const ImpTheme *
imp_canvas_theme_for (gboolean dark,
                      gboolean high_contrast)
{
  if (dark && high_contrast)
    return imp_theme_get_high_contrast_dark ();

  return imp_theme_get (imp_canvas_theme_kind_for (dark, high_contrast));
}
