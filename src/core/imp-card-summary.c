/* imp-card-summary.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card in words: what the outline view shows on a row and what a screen
 * reader hears on the canvas. GTK 4.8's AT-SPI bridge passes neither level
 * nor position in set, so the description says them.
 */

#define G_LOG_DOMAIN "imp-card-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "imp-analysis.h"
#include "imp-card-summary.h"
#include "imp-node.h"

static void
append_part (GString    *out,
             const char *separator,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, separator);
  g_string_append (out, part);
}

/* The experiment's status in words: a done one by its result. */
static const char *
experiment_state (const ImpExperiment *experiment)
{
  static const char * const status[] = { N_("Planned"), N_("Running"), N_("Done") };
  static const char * const result[] = {
    N_("Done"), N_("Supports"), N_("Refutes"), N_("Inconclusive"),
  };

  if (experiment->status == IMP_EXPERIMENT_DONE && (guint) experiment->result < G_N_ELEMENTS (result))
    return g_dgettext (GETTEXT_PACKAGE, result[experiment->result]);
  if ((guint) experiment->status < G_N_ELEMENTS (status))
    return g_dgettext (GETTEXT_PACKAGE, status[experiment->status]);

  return NULL;
}

static void
append_state (GString       *out,
              const char    *separator,
              const ImpNode *node)
{
  double progress = imp_metric_get_progress (node->metric);

  if (isfinite (progress))
    {
      g_autofree char *text = NULL;

      /* Translators: metric progress of the selected card; %d is a percentage */
      text = g_strdup_printf (_("%d%% of target"), (int) floor (progress * 100 + 0.5));
      append_part (out, separator, text);
    }

  if (imp_ice_is_set (&node->ice))
    {
      g_autofree char *text = NULL;

      /* Translators: a deliverable's ICE score (impact × confidence × ease) */
      text = g_strdup_printf (_("ICE %u"), imp_ice_get_score (&node->ice));
      append_part (out, separator, text);
    }

  if (node->delivery.status != IMP_DELIVERY_NONE)
    append_part (out, separator, imp_delivery_status_display_name (node->delivery.status));

  if (node->experiment != NULL)
    append_part (out, separator, experiment_state (node->experiment));
}

/**
 * imp_card_summary_state:
 * @node: a card
 *
 * What a card holds, short: metric progress, ICE score, delivery status,
 * experiment status or result, e.g. "ICE 336 · Shipped".
 *
 * Returns: (transfer full): the summary, empty when there is nothing to say
 */
char *
imp_card_summary_state (const ImpNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, g_string_free (out, FALSE));

  append_state (out, " · ", node);

  return g_string_free (out, FALSE);
}

/**
 * imp_card_summary_cross_links:
 * @node: a card
 *
 * The card's parents other than the one it is drawn under, as the outline's
 * secondary line: "Also under “Teachers”, “Parents”".
 *
 * Returns: (transfer full) (nullable): the line, or %NULL for a card with one parent
 */
char *
imp_card_summary_cross_links (const ImpNode *node)
{
  GString *titles;

  g_return_val_if_fail (node != NULL, NULL);

  if (node->parents->len < 2)
    return NULL;

  titles = g_string_new (NULL);
  for (guint i = 1; i < node->parents->len; i++)
    {
      const ImpLink *link = g_ptr_array_index (node->parents, i);

      if (titles->len > 0)
        g_string_append (titles, ", ");
      g_string_append_printf (titles, "“%s”", link->parent->title != NULL ? link->parent->title : "");
    }

  {
    g_autofree char *list = g_string_free (titles, FALSE);

    /* Translators: a card's cross-links in the outline; %s is a list of card titles */
    return g_strdup_printf (_("Also under %s"), list);
  }
}

/**
 * imp_card_summary_describe:
 * @map: the map of @node
 * @node: a card
 *
 * Everything a listener needs of a card besides its title: its level, its
 * place among its siblings, what it holds, whether it is collapsed, and the
 * assumptions of the links into it.
 *
 * Returns: (transfer full): the description
 */
char *
imp_card_summary_describe (ImpMap        *map,
                           const ImpNode *node)
{
  GString *out = g_string_new (NULL);
  ImpNode *parent;
  guint n_children;

  g_return_val_if_fail (IMP_IS_MAP (map), g_string_free (out, FALSE));
  g_return_val_if_fail (node != NULL, g_string_free (out, FALSE));

  g_string_append (out, imp_vocabulary_level_name (imp_map_get_vocabulary (map), node->level));

  parent = imp_node_get_tree_parent (node);
  if (parent != NULL)
    {
      guint position = 0;
      g_autofree char *text = NULL;

      for (guint i = 0; i < parent->children->len; i++)
        if (imp_node_get_child (parent, i) == node)
          position = i + 1;
      /* Translators: position of the selected card among its siblings, e.g.
       * 2 of 3 under “Students” */
      text = g_strdup_printf (_("%u of %u under “%s”"), position, parent->children->len,
                              parent->title != NULL ? parent->title : "");
      append_part (out, ", ", text);
    }
  else
    {
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) roots = imp_map_get_roots (map);
      guint position = 0;

      for (guint i = 0; i < roots->len; i++)
        if (g_ptr_array_index (roots, i) == node)
          position = i + 1;
      /* Translators: position of a card without a parent among the others, e.g. 1 of 2 */
      text = g_strdup_printf (_("%u of %u"), position, roots->len);
      append_part (out, ", ", text);
    }

  append_state (out, ", ", node);

  n_children = imp_node_get_n_children (node);
  if (n_children > 0)
    {
      g_autofree char *text = NULL;

      if (node->collapsed)
        /* Translators: a collapsed card; %u is how many cards it hides directly */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "collapsed, %u card under it",
                                             "collapsed, %u cards under it", n_children),
                                n_children);
      else
        /* Translators: an expanded card; %u is how many cards are directly under it */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card under it",
                                             "%u cards under it", n_children),
                                n_children);
      append_part (out, ", ", text);
    }

  /* The assumptions of the links into the card: "if that, then this". */
  for (guint i = 0; i < node->parents->len; i++)
    {
      const ImpLink *link = g_ptr_array_index (node->parents, i);
      g_autofree char *summary = imp_analysis_link_summary (link);

      if (summary == NULL || summary[0] == '\0')
        continue;
      /* Its sentence, status and confidence, as its tooltip says them. */
      append_part (out, ". ", summary);
    }

  return g_string_free (out, FALSE);
}
