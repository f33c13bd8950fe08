/* imp-export-text.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-export-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-combine.h"
#include "imp-export-text.h"
#include "imp-theme.h"

/* Text exports for wikis and pipelines: a Markdown outline, a Mermaid
 * flowchart and a CSV of deliverables. They are written from the document,
 * not from the scene, so collapsed branches are included. */

/* One line of text: broken UTF-8 is repaired, and every control character
 * and every character some reader takes for a line break (vertical tab,
 * form feed, next line, line and paragraph separators) becomes a space, so
 * that a title can never start a line of its own in the output. */
static char *
one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *line = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)
        g_string_append_c (line, ' ');
      else
        g_string_append_unichar (line, c);
    }

  return g_strstrip (g_string_free (line, FALSE));
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

/* ---- Markdown ------------------------------------------------------------ */

/* Characters that would start emphasis, links, code or HTML are escaped,
 * so a title is shown exactly as typed. */
static void
append_md (GString    *out,
           const char *text)
{
  g_autofree char *line = one_line (text);

  for (const char *p = line; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_md_metric (GString         *out,
                  const ImpMetric *metric,
                  guint            depth)
{
  indent (out, depth);
  g_string_append (out, "- ");
  g_string_append (out, _("Metric:"));
  g_string_append_c (out, ' ');
  if (metric->name != NULL)
    append_md (out, metric->name);
  if (!isnan (metric->baseline))
    {
      g_string_append_printf (out, ", %s ", _("baseline"));
      append_number (out, metric->baseline);
    }
  if (!isnan (metric->current))
    {
      g_string_append_printf (out, ", %s ", _("current"));
      append_number (out, metric->current);
    }
  if (!isnan (metric->target))
    {
      g_string_append_printf (out, ", %s ", _("target"));
      append_number (out, metric->target);
    }
  if (metric->unit != NULL)
    {
      g_string_append_c (out, ' ');
      append_md (out, metric->unit);
    }
  g_string_append_printf (out, " (%s", imp_direction_to_string (metric->direction));
  if (metric->deadline != NULL)
    g_string_append_printf (out, ", %s %s", _("by"), metric->deadline);
  g_string_append_printf (out, ", %s)", imp_indicator_to_string (metric->indicator));
  /* No progress when it cannot be computed (no current value, a target
   * equal to the baseline): never "nan %". */
  if (imp_metric_has_target (metric) && !isnan (imp_metric_get_progress (metric)))
    g_string_append_printf (out, ", %s %.0f %%", _("progress"),
                            imp_metric_get_progress (metric) * 100);
  g_string_append_c (out, '\n');
}

/* " (untested, low confidence)": what an assumption's mark says on the
 * canvas, in words. */
static void
append_assumption_state (GString       *out,
                         const ImpLink *link)
{
  g_string_append_printf (out, " (%s", imp_link_status_to_string (link->status));
  if (link->confidence != IMP_CONFIDENCE_UNSET)
    g_string_append_printf (out, ", %s %s", imp_confidence_to_string (link->confidence),
                            _("confidence"));
  g_string_append_c (out, ')');
}

static void
append_md_node (GString      *out,
                ImpMap       *map,
                ImpNode      *node,
                const ImpLink *link,
                guint         depth)
{
  ImpVocabulary vocabulary = imp_map_get_vocabulary (map);

  indent (out, depth);
  g_string_append_printf (out, "- **%s:** ", imp_vocabulary_level_name (vocabulary, node->level));
  append_md (out, node->title);

  if (imp_ice_is_set (&node->ice))
    g_string_append_printf (out, " — ICE %u × %u × %u = %u", node->ice.impact,
                            node->ice.confidence, node->ice.ease,
                            imp_ice_get_score (&node->ice));
  else if (node->ice.impact || node->ice.confidence || node->ice.ease)
    g_string_append_printf (out, " — ICE %u × %u × %u (%s)", node->ice.impact,
                            node->ice.confidence, node->ice.ease, _("incomplete"));

  if (node->votes > 0)
    {
      g_string_append (out, " — ");
      g_string_append_printf (out, ngettext ("%u vote", "%u votes", node->votes), node->votes);
    }

  if (node->level == IMP_LEVEL_DELIVERABLE && node->delivery.status == IMP_DELIVERY_SHIPPED)
    {
      g_string_append (out, " — ");
      /* TRANSLATORS: the day a deliverable shipped: "Shipped 2026-02-09" */
      g_string_append_printf (out, _("Shipped %s"), node->delivery.shipped);
    }
  else if (node->level == IMP_LEVEL_DELIVERABLE && node->delivery.status != IMP_DELIVERY_NONE)
    g_string_append_printf (out, " — %s", imp_delivery_status_display_name (node->delivery.status));

  if (node->level == IMP_LEVEL_DELIVERABLE)
    {
      switch (imp_analysis_get_standing (node))
        {
        case IMP_STANDING_ELIMINATED:
          g_string_append_printf (out, " — **%s**", _("eliminated"));
          break;
        case IMP_STANDING_REFUTED:
          g_string_append_printf (out, " — **%s**", _("refuted"));
          break;
        case IMP_STANDING_LIVE:
        default:
          break;
        }
    }

  if (node->experiment != NULL)
    {
      const ImpExperiment *e = node->experiment;

      g_string_append_printf (out, " — %s, %s, %s", imp_experiment_kind_to_string (e->kind),
                              imp_aspect_to_string (e->aspect),
                              imp_experiment_status_to_string (e->status));
      if (e->result != IMP_RESULT_NONE)
        g_string_append_printf (out, ": %s", imp_result_to_string (e->result));
      if (e->start_date != NULL || e->end_date != NULL)
        g_string_append_printf (out, " (%s – %s)", e->start_date ? e->start_date : "…",
                                e->end_date ? e->end_date : "…");
    }
  g_string_append_c (out, '\n');

  if (link != NULL && imp_analysis_link_has_assumption (link))
    {
      indent (out, depth + 1);
      g_string_append_printf (out, "- %s ", _("Assumption:"));
      if (link->assumption != NULL)
        append_md (out, link->assumption);
      append_assumption_state (out, link);
      g_string_append_c (out, '\n');
    }

  if (node->metric != NULL)
    append_md_metric (out, node->metric, depth + 1);

  if (node->experiment != NULL && node->experiment->evidence != NULL)
    {
      indent (out, depth + 1);
      g_string_append_printf (out, "- %s ", _("Evidence:"));
      append_md (out, node->experiment->evidence);
      g_string_append_c (out, '\n');
    }

  if (node->notes != NULL && *node->notes != '\0')
    {
      indent (out, depth + 1);
      g_string_append_printf (out, "- %s ", _("Notes:"));
      append_md (out, node->notes);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *child_link = node->children->pdata[i];

      if (imp_link_is_tree_link (child_link))
        append_md_node (out, map, child_link->child, child_link, depth + 1);
    }
}

/* The live deliverables by ICE score, each with its litmus sentences,
 * then the eliminated and refuted ones apart, unranked. */
static void
append_md_ranking (GString *out,
                   ImpMap  *map)
{
  g_autoptr(GPtrArray) ranked = imp_analysis_rank_deliverables (map);
  g_autoptr(GPtrArray) aside = imp_analysis_list_set_aside (map);

  if (ranked->len > 0)
    g_string_append_printf (out, "\n## %s\n\n", _("Ranking by ICE"));

  for (guint i = 0; i < ranked->len; i++)
    {
      ImpNode *node = ranked->pdata[i];
      g_autoptr(GPtrArray) sentences = imp_analysis_get_litmus_sentences (node);

      g_string_append_printf (out, "%u. ", i + 1);
      append_md (out, node->title);
      g_string_append_printf (out, " — ICE %u", imp_ice_get_score (&node->ice));
      if (node->votes > 0)
        {
          g_string_append (out, " — ");
          g_string_append_printf (out, ngettext ("%u vote", "%u votes", node->votes),
                                  node->votes);
        }
      g_string_append_c (out, '\n');
      for (guint j = 0; j < sentences->len; j++)
        {
          g_string_append (out, "   - ");
          append_md (out, sentences->pdata[j]);
          g_string_append_c (out, '\n');
        }
    }

  if (aside->len > 0)
    g_string_append_printf (out, "\n## %s\n\n", _("Set aside"));

  for (guint i = 0; i < aside->len; i++)
    {
      ImpNode *node = aside->pdata[i];

      g_string_append (out, "- ");
      append_md (out, node->title);
      g_string_append (out, " — ");
      if (imp_analysis_get_standing (node) == IMP_STANDING_LIVE &&
          node->delivery.status == IMP_DELIVERY_SHIPPED)
        /* TRANSLATORS: the day a deliverable shipped: "Shipped 2026-02-09" */
        g_string_append_printf (out, _("Shipped %s"), node->delivery.shipped);
      else if (imp_analysis_get_standing (node) == IMP_STANDING_LIVE)
        g_string_append (out, imp_delivery_status_display_name (node->delivery.status));
      else if (imp_analysis_get_standing (node) == IMP_STANDING_ELIMINATED)
        g_string_append (out, _("eliminated: its experiments refute it"));
      else
        g_string_append (out, _("refuted: every chain up to a goal has a refuted link"));
      g_string_append_c (out, '\n');
    }
}

/**
 * imp_export_markdown:
 * @map: the map
 * @length: (out) (optional): the length of the result
 *
 * An outline: one nested list item per node along tree links, with
 * metrics, ICE scores, votes and experiments, then the ranking of live
 * deliverables with their litmus sentences and the ones set aside, then
 * one line per cross-link
 * and one per idea in the parking lot.
 *
 * Returns: (transfer full): UTF-8 Markdown
 */
char *
imp_export_markdown (ImpMap *map,
                     gsize  *length)
{
  g_autoptr(GPtrArray) roots = NULL;
  GString *out;
  const char *title;
  gboolean any_cross = FALSE;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  out = g_string_new (NULL);
  title = imp_map_get_title (map);
  g_string_append (out, "# ");
  if (title != NULL && *title != '\0')
    append_md (out, title);
  else
    g_string_append (out, _("Impact map"));
  g_string_append (out, "\n\n");

  roots = imp_map_get_roots (map);
  for (guint i = 0; i < roots->len; i++)
    append_md_node (out, map, roots->pdata[i], NULL, 0);

  append_md_ranking (out, map);

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      for (guint j = 1; j < node->parents->len; j++)
        {
          ImpLink *link = node->parents->pdata[j];

          if (!any_cross)
            g_string_append_printf (out, "\n## %s\n\n", _("Cross-links"));
          any_cross = TRUE;

          g_string_append (out, "- ");
          append_md (out, link->parent->title);
          g_string_append (out, " → ");
          append_md (out, node->title);
          if (link->assumption != NULL)
            {
              g_string_append (out, ": ");
              append_md (out, link->assumption);
            }
          if (imp_analysis_link_has_assumption (link))
            append_assumption_state (out, link);
          g_string_append_c (out, '\n');
        }
    }

  if (imp_map_get_n_parked (map) > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Parking lot"));
      for (guint i = 0; i < imp_map_get_n_parked (map); i++)
        {
          g_string_append (out, "- ");
          append_md (out, imp_map_get_parked (map, i));
          g_string_append_c (out, '\n');
        }
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* ---- Mermaid ------------------------------------------------------------- */

/**
 * imp_export_mermaid_id:
 * @id: a node id, any text without white space
 *
 * Mermaid ids may hold letters, digits and underscores, and some words
 * ("end", "graph") break its parser. Every id gets a prefix; letters and
 * digits are kept, an underscore is doubled and any other byte becomes "_"
 * and two hex digits, so different ids stay different.
 *
 * Returns: (transfer full): an id that is safe in a Mermaid flowchart
 */
char *
imp_export_mermaid_id (const char *id)
{
  GString *out = g_string_new ("id_");

  for (const guchar *p = (const guchar *) id; p && *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
      else if (*p == '_')
        g_string_append (out, "__");
      else
        g_string_append_printf (out, "_%02x", *p);
    }

  return g_string_free (out, FALSE);
}

/* A quoted Mermaid label: quotes and the characters Mermaid reads as
 * markup become its entity codes. */
static void
append_mermaid_label (GString    *out,
                      const char *text)
{
  g_autofree char *line = one_line (text);

  g_string_append_c (out, '"');
  for (const char *p = line; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "#quot;");
          break;
        case '#':
          g_string_append (out, "#35;");
          break;
        case '<':
          g_string_append (out, "#lt;");
          break;
        case '>':
          g_string_append (out, "#gt;");
          break;
        case '&':
          g_string_append (out, "#amp;");
          break;
        case '%':
          /* Mermaid looks for "%%{" directives anywhere in the text. */
          g_string_append (out, "#37;");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* A deliverable's title with its delivery status, in words as in the
 * Markdown outline: "Upload pipeline · Shipped 2026-02-09", "Slack app ·
 * Planned". */
static char *
delivery_label (const ImpNode *node)
{
  if (node->delivery.status == IMP_DELIVERY_SHIPPED)
    {
      g_autofree char *shipped = g_strdup_printf (_("Shipped %s"), node->delivery.shipped);

      return g_strdup_printf ("%s · %s", node->title, shipped);
    }

  return g_strdup_printf ("%s · %s", node->title,
                          imp_delivery_status_display_name (node->delivery.status));
}

static void
append_hex (GString        *out,
            const ImpColor *color)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (guint) CLAMP (round (color->red * 255), 0, 255),
                          (guint) CLAMP (round (color->green * 255), 0, 255),
                          (guint) CLAMP (round (color->blue * 255), 0, 255));
}

/**
 * imp_export_mermaid:
 * @map: the map
 * @length: (out) (optional): the length of the result
 *
 * A left-to-right Mermaid flowchart: one node statement per node with a
 * class per level in the light theme's colours, one edge per link, tree
 * links solid and cross-links dotted, assumptions as edge labels.
 *
 * Returns: (transfer full): the flowchart
 */
char *
imp_export_mermaid (ImpMap *map,
                    gsize  *length)
{
  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  return imp_export_mermaid_for_layout (map, imp_map_get_layout (map), length);
}

/**
 * imp_export_mermaid_for_layout:
 * @kind: the layout to follow
 *
 * Like imp_export_mermaid(), drawn the way @kind draws: top-down
 * ("flowchart TD") for the down layout, left to right otherwise (Mermaid
 * has no balanced flowchart).
 *
 * Returns: (transfer full): the flowchart
 */
char *
imp_export_mermaid_for_layout (ImpMap        *map,
                               ImpLayoutKind  kind,
                               gsize         *length)
{
  const ImpTheme *theme = imp_theme_get (IMP_THEME_LIGHT);
  GString *out;
  const char *title;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  out = g_string_new (NULL);
  title = imp_map_get_title (map);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *line = one_line (title);
      g_auto(GStrv) parts = g_strsplit (line, "%", -1);
      g_autofree char *quiet = g_strjoinv ("% ", parts);

      /* A comment, never a directive: "%%{" cannot appear in it. */
      g_string_append_printf (out, "%%%% title: %s\n", quiet);
    }
  g_string_append (out, kind == IMP_LAYOUT_DOWN ? "flowchart TD\n" : "flowchart LR\n");

  for (guint level = 0; level < IMP_N_LEVELS; level++)
    {
      g_string_append_printf (out, "  classDef %s fill:", imp_level_to_string (level));
      append_hex (out, &theme->level_fill[level]);
      g_string_append (out, ",stroke:");
      append_hex (out, &theme->level_accent[level]);
      g_string_append (out, ",color:");
      append_hex (out, &theme->text);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      g_autofree char *id = imp_export_mermaid_id (node->id);

      g_string_append_printf (out, "  %s[", id);
      if (node->level == IMP_LEVEL_DELIVERABLE && node->delivery.status != IMP_DELIVERY_NONE)
        {
          g_autofree char *label = delivery_label (node);

          append_mermaid_label (out, label);
        }
      else
        append_mermaid_label (out, node->title);
      g_string_append_printf (out, "]:::%s\n", imp_level_to_string (node->level));
    }

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      g_autofree char *from = imp_export_mermaid_id (node->id);

      for (guint j = 0; j < node->children->len; j++)
        {
          ImpLink *link = node->children->pdata[j];
          g_autofree char *to = imp_export_mermaid_id (link->child->id);

          g_string_append_printf (out, "  %s %s", from,
                                  imp_link_is_tree_link (link) ? "-->" : "-.->");
          /* The assumption with its status and confidence, as the
           * canvas marks it. */
          if (imp_analysis_link_has_assumption (link))
            {
              g_autoptr(GString) label = g_string_new (link->assumption);

              append_assumption_state (label, link);
              g_string_append_c (out, '|');
              append_mermaid_label (out, g_strstrip (label->str));
              g_string_append_c (out, '|');
            }
          g_string_append_printf (out, " %s\n", to);
        }
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* ---- CSV ----------------------------------------------------------------- */

/* RFC 4180: a field with a comma, a quote or a line break is quoted, with
 * its quotes doubled. Numbers are written by append_csv_uint and never start
 * with a sign, so only text is neutralised. */
static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    first)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  if (!first)
    g_string_append_c (out, ',');

  /* A cell that a spreadsheet would read as a formula starts with an
   * apostrophe instead, as OWASP advises against CSV injection. */
  if (strchr ("=+-@\t\r", valid[0]) != NULL && valid[0] != '\0')
    {
      char *quoted = g_strconcat ("'", valid, NULL);

      g_free (valid);
      valid = quoted;
    }

  if (strpbrk (valid, ",\"\r\n") == NULL)
    {
      g_string_append (out, valid);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_uint (GString *out,
                 guint    value)
{
  g_autofree char *text = value ? g_strdup_printf ("%u", value) : g_strdup ("");

  append_csv_field (out, text, FALSE);
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  const ImpNode *x = *(ImpNode * const *) a;
  const ImpNode *y = *(ImpNode * const *) b;
  guint sx = imp_ice_get_score (&x->ice);
  guint sy = imp_ice_get_score (&y->ice);

  return sx == sy ? 0 : (sx > sy ? -1 : 1);
}

/**
 * imp_export_csv:
 * @map: the map
 * @length: (out) (optional): the length of the result
 *
 * The live deliverables ranked by ICE score (unscored ones after them, in
 * document order), then the eliminated and refuted ones, unranked, each
 * with its chain up to the goal along tree parents and its status
 * (imp_standing_to_string()): the list a team uses to decide what to test
 * first. RFC 4180, CRLF line ends.
 *
 * Returns: (transfer full): the CSV text
 */
char *
imp_export_csv (ImpMap *map,
                gsize  *length)
{
  g_autoptr(GPtrArray) deliverables = g_ptr_array_new ();
  GString *out;
  guint rank = 0;
  gboolean proposed = FALSE;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  g_autoptr(GPtrArray) aside = g_ptr_array_new ();

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      if (node->level != IMP_LEVEL_DELIVERABLE)
        continue;
      /* Shipped and dropped work is done with: set aside, as in the ranking. */
      if (imp_analysis_get_standing (node) == IMP_STANDING_LIVE &&
          node->delivery.status != IMP_DELIVERY_SHIPPED &&
          node->delivery.status != IMP_DELIVERY_DROPPED)
        g_ptr_array_add (deliverables, node);
      else
        g_ptr_array_add (aside, node);
    }
  /* g_ptr_array_sort is not stable; ties keep document order this way. */
  for (guint i = 1; i < deliverables->len; i++)
    {
      for (guint j = i; j > 0 && compare_by_score (&deliverables->pdata[j - 1],
                                                   &deliverables->pdata[j]) > 0; j--)
        {
          gpointer swap = deliverables->pdata[j];

          deliverables->pdata[j] = deliverables->pdata[j - 1];
          deliverables->pdata[j - 1] = swap;
        }
    }

  /* New columns come last ("status", then "delivery" and "shipped") so
   * that readers of the older columns by position keep working. */
  /* Eliminated, refuted, shipped and dropped ones come after the live
   * ones, unranked. */
  g_ptr_array_extend (deliverables, aside, NULL, NULL);

  /* A combined map (imp-combine.h) says which maps proposed each card, in
   * a last column that only such a map has. */
  for (guint i = 0; i < imp_map_get_n_nodes (map) && !proposed; i++)
    {
      g_autofree char *by = imp_combine_dup_proposed_by (imp_map_get_node (map, i));

      proposed = by != NULL;
    }

  out = g_string_new ("rank,id,deliverable,ice_impact,ice_confidence,ice_ease,ice_score,"
                      "votes,impact,actor,goal,chain,status,delivery,shipped");
  g_string_append (out, proposed ? ",proposed_by\r\n" : "\r\n");

  for (guint i = 0; i < deliverables->len; i++)
    {
      ImpNode *node = deliverables->pdata[i];
      const char *up[IMP_N_LEVELS] = { NULL };
      g_autoptr(GString) chain = g_string_new (NULL);
      guint score = imp_ice_get_score (&node->ice);
      g_autofree char *rank_text = NULL;
      ImpStanding standing;

      for (ImpNode *p = imp_node_get_tree_parent (node); p; p = imp_node_get_tree_parent (p))
        {
          up[p->level] = p->title;
          g_string_prepend (chain, " > ");
          g_string_prepend (chain, p->title);
        }
      g_string_append (chain, node->title);

      standing = imp_analysis_get_standing (node);
      /* Only live work is ranked: an eliminated deliverable has no rank,
       * nor one shipped or dropped. */
      rank_text = score && standing == IMP_STANDING_LIVE &&
                  node->delivery.status != IMP_DELIVERY_SHIPPED &&
                  node->delivery.status != IMP_DELIVERY_DROPPED
                  ? g_strdup_printf ("%u", ++rank) : g_strdup ("");
      append_csv_field (out, rank_text, TRUE);
      append_csv_field (out, node->id, FALSE);
      append_csv_field (out, node->title, FALSE);
      append_csv_uint (out, node->ice.impact);
      append_csv_uint (out, node->ice.confidence);
      append_csv_uint (out, node->ice.ease);
      append_csv_uint (out, score);
      append_csv_uint (out, node->votes);
      append_csv_field (out, up[IMP_LEVEL_IMPACT], FALSE);
      append_csv_field (out, up[IMP_LEVEL_ACTOR], FALSE);
      append_csv_field (out, up[IMP_LEVEL_GOAL], FALSE);
      append_csv_field (out, chain->str, FALSE);
      append_csv_field (out, imp_standing_to_string (standing), FALSE);
      append_csv_field (out, node->delivery.status != IMP_DELIVERY_NONE
                             ? imp_delivery_status_to_string (node->delivery.status) : NULL,
                        FALSE);
      append_csv_field (out, node->delivery.status == IMP_DELIVERY_SHIPPED
                             ? node->delivery.shipped : NULL, FALSE);
      if (proposed)
        {
          g_autofree char *by = imp_combine_dup_proposed_by (node);

          append_csv_field (out, by ? by : "", FALSE);
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
