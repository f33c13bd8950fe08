/* imp-selection-properties.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-selection-properties"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-enums.h"
#include "imp-limits.h"
#include "imp-number.h"
#include "imp-selection-properties.h"

/**
 * ImpSelectionProperties:
 *
 * The inspector's adapter: the fields of the selected card or link (the
 * primary card of a selection, else its link), and the map's own title and
 * vocabulary, as GObject properties that pages bind to.
 *
 * It follows an #ImpSelection and the map of an #ImpHistory (through a
 * #GSignalGroup on the map's change signal), and notifies only the
 * properties whose value changed: a change elsewhere on the map notifies
 * nothing. Writing a property pushes one history command; the text
 * properties hold what a field shows ("" for an unset number), and
 * imp_selection_properties_commit_text() says why a text is refused. The
 * property names are the inspector's field keys ("metric-target").
 */

struct _ImpSelectionProperties
{
  GObject       parent_instance;

  ImpHistory   *history;
  ImpMap       *map;
  ImpSelection *selection;
  GSignalGroup *map_signals;
  GSignalGroup *selection_signals;

  /* The map owns them. */
  ImpNode      *node;
  ImpLink      *link;

  GValue       *values;   /* [N_PROPS]: what was last notified */
};

G_DEFINE_FINAL_TYPE (ImpSelectionProperties, imp_selection_properties, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_SELECTION,
  PROP_NODE,
  PROP_LINK,
  PROP_HAS_NODE,
  PROP_HAS_LINK,
  /* The field properties, from here to the end */
  PROP_MAP_TITLE,
  PROP_VOCABULARY,
  PROP_TITLE,
  PROP_NOTES,
  PROP_LEVEL,
  PROP_METRIC_NAME,
  PROP_METRIC_UNIT,
  PROP_METRIC_BASELINE,
  PROP_METRIC_CURRENT,
  PROP_METRIC_TARGET,
  PROP_METRIC_DEADLINE,
  PROP_METRIC_DIRECTION,
  PROP_METRIC_INDICATOR,
  PROP_ICE_IMPACT,
  PROP_ICE_CONFIDENCE,
  PROP_ICE_EASE,
  PROP_EXP_KIND,
  PROP_EXP_ASPECT,
  PROP_EXP_STATUS,
  PROP_EXP_RESULT,
  PROP_EXP_START,
  PROP_EXP_END,
  PROP_EXP_EVIDENCE,
  PROP_LINK_ASSUMPTION,
  PROP_LINK_CONFIDENCE,
  PROP_LINK_STATUS,
  N_PROPS
};

#define FIRST_FIELD PROP_MAP_TITLE

static GParamSpec *properties[N_PROPS];

/* Parsing, with the reason for a refusal */

static gboolean
parse_number (const char  *text,
              double      *out,
              char       **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  ImpNumberFormat format;
  double value;

  if (*trimmed == '\0')
    {
      *out = NAN;
      return TRUE;
    }

  imp_number_format_init_locale (&format);
  if (!imp_number_parse (&format, trimmed, &value))
    {
      g_autofree char *grouped = imp_number_to_text (&format, 43500, -1);
      g_autofree char *decimal = imp_number_to_text (&format, 2.5, -1);

      /* TRANSLATORS: a refused number; what was typed, then two examples
       * in the user's format ("43,500", "2.5") */
      *message = g_strdup_printf (_("“%s” is not a number: write it like %s or %s"),
                                  trimmed, grouped, decimal);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            char       **out,
            char       **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      *out = NULL;
      return TRUE;
    }

  if (!imp_metric_is_valid_date (trimmed))
    {
      *message = g_strdup_printf (_("“%s” is not a date: write it YYYY-MM-DD, "
                                    "e.g. 2026-12-31"), trimmed);
      return FALSE;
    }

  *out = g_steal_pointer (&trimmed);
  return TRUE;
}

static gboolean
parse_ice (const char  *text,
           guint8      *out,
           char       **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  gint64 value;

  if (*trimmed == '\0')
    {
      *out = 0;
      return TRUE;
    }

  value = g_ascii_strtoll (trimmed, &end, 10);
  if (end == trimmed || *end != '\0')
    {
      *message = g_strdup_printf (_("“%s” is not a whole number from 1 to 10"), trimmed);
      return FALSE;
    }
  if (value < 1 || value > 10)
    {
      *message = g_strdup_printf (_("ICE scores run from 1 (low) to 10 (high), so %s is "
                                    "out of range; leave it empty for “not scored”"),
                                  trimmed);
      return FALSE;
    }

  *out = (guint8) value;
  return TRUE;
}

/**
 * imp_selection_properties_format_number:
 * @value: a metric value
 *
 * Returns: (transfer full): @value as a field shows it, "" when it is not
 *   a number
 */
char *
imp_selection_properties_format_number (double value)
{
  ImpNumberFormat format;

  /* Grouped as the user reads numbers ("40,000", "40.000"), and as
   * precise as the field needs to give the value back unchanged. */
  imp_number_format_init_locale (&format);

  return imp_number_to_text (&format, value, -1);
}

static ImpMetric *
copy_metric (ImpNode *node)
{
  /* A new metric on "Fewer complaints" goes down. */
  return node->metric != NULL ? imp_metric_copy (node->metric)
                              : imp_metric_new_for_title (node->title);
}

static ImpExperiment *
copy_experiment (ImpNode *node)
{
  return node->experiment != NULL ? imp_experiment_copy (node->experiment)
                                  : imp_experiment_new ();
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* Reading the model */

static gboolean
is_link_field (guint prop_id)
{
  return prop_id >= PROP_LINK_ASSUMPTION;
}

static gboolean
is_map_field (guint prop_id)
{
  return prop_id == PROP_MAP_TITLE || prop_id == PROP_VOCABULARY;
}

/* What property @prop_id holds now, into an initialized @value: %NULL
 * text and the first choice when there is nothing to show. */
static void
read_field (ImpSelectionProperties *self,
            guint                   prop_id,
            GValue                 *value)
{
  ImpNode *node = self->node;
  const ImpMetric *metric = node != NULL ? node->metric : NULL;
  const ImpExperiment *e = node != NULL ? node->experiment : NULL;

  if (is_map_field (prop_id))
    {
      if (self->map == NULL)
        return;
      if (prop_id == PROP_MAP_TITLE)
        g_value_set_string (value, or_empty (imp_map_get_title (self->map)));
      else
        g_value_set_enum (value, imp_map_get_vocabulary (self->map));
      return;
    }

  if (is_link_field (prop_id))
    {
      if (self->link == NULL)
        return;
      if (prop_id == PROP_LINK_ASSUMPTION)
        g_value_set_string (value, or_empty (self->link->assumption));
      else if (prop_id == PROP_LINK_CONFIDENCE)
        g_value_set_enum (value, self->link->confidence);
      else
        g_value_set_enum (value, self->link->status);
      return;
    }

  if (node == NULL)
    return;

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, or_empty (node->title));
      break;
    case PROP_NOTES:
      g_value_set_string (value, or_empty (node->notes));
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, node->level);
      break;
    case PROP_METRIC_NAME:
      g_value_set_string (value, metric != NULL ? or_empty (metric->name) : "");
      break;
    case PROP_METRIC_UNIT:
      g_value_set_string (value, metric != NULL ? or_empty (metric->unit) : "");
      break;
    case PROP_METRIC_DEADLINE:
      g_value_set_string (value, metric != NULL ? or_empty (metric->deadline) : "");
      break;
    case PROP_METRIC_BASELINE:
      g_value_take_string (value, metric != NULL ? imp_selection_properties_format_number (metric->baseline)
                                                 : g_strdup (""));
      break;
    case PROP_METRIC_CURRENT:
      g_value_take_string (value, metric != NULL ? imp_selection_properties_format_number (metric->current)
                                                 : g_strdup (""));
      break;
    case PROP_METRIC_TARGET:
      g_value_take_string (value, metric != NULL ? imp_selection_properties_format_number (metric->target)
                                                 : g_strdup (""));
      break;
    case PROP_METRIC_DIRECTION:
      g_value_set_enum (value, metric != NULL ? metric->direction : 0);
      break;
    case PROP_METRIC_INDICATOR:
      g_value_set_enum (value, metric != NULL ? metric->indicator : 0);
      break;
    case PROP_ICE_IMPACT:
    case PROP_ICE_CONFIDENCE:
    case PROP_ICE_EASE:
      {
        guint8 score = prop_id == PROP_ICE_IMPACT ? node->ice.impact
                     : prop_id == PROP_ICE_CONFIDENCE ? node->ice.confidence
                     : node->ice.ease;

        g_value_take_string (value, score > 0 ? g_strdup_printf ("%u", score) : g_strdup (""));
      }
      break;
    case PROP_EXP_KIND:
      g_value_set_enum (value, e != NULL ? e->kind : 0);
      break;
    case PROP_EXP_ASPECT:
      g_value_set_enum (value, e != NULL ? e->aspect : 0);
      break;
    case PROP_EXP_STATUS:
      g_value_set_enum (value, e != NULL ? e->status : 0);
      break;
    case PROP_EXP_RESULT:
      g_value_set_enum (value, e != NULL ? e->result : 0);
      break;
    case PROP_EXP_START:
      g_value_set_string (value, e != NULL ? or_empty (e->start_date) : "");
      break;
    case PROP_EXP_END:
      g_value_set_string (value, e != NULL ? or_empty (e->end_date) : "");
      break;
    case PROP_EXP_EVIDENCE:
      g_value_set_string (value, e != NULL ? or_empty (e->evidence) : "");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Compares every field with what was last notified and notifies the ones
 * that differ, so a page updates only the rows whose value moved. */
static void
refresh (ImpSelectionProperties *self)
{
  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = FIRST_FIELD; i < N_PROPS; i++)
    {
      g_auto(GValue) now = G_VALUE_INIT;
      gboolean same;

      g_value_init (&now, G_PARAM_SPEC_VALUE_TYPE (properties[i]));
      read_field (self, i, &now);

      if (G_VALUE_HOLDS_STRING (&now))
        same = g_strcmp0 (g_value_get_string (&now), g_value_get_string (&self->values[i])) == 0;
      else
        same = g_value_get_enum (&now) == g_value_get_enum (&self->values[i]);

      if (!same)
        {
          g_value_copy (&now, &self->values[i]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
        }
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_target (ImpSelectionProperties *self,
            ImpNode                *node,
            ImpLink                *link)
{
  gboolean had_node = self->node != NULL;
  gboolean had_link = self->link != NULL;
  gboolean changed = node != self->node || link != self->link;

  self->node = node;
  self->link = link;

  g_object_freeze_notify (G_OBJECT (self));
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
    }
  if (had_node != (node != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NODE]);
  if (had_link != (link != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LINK]);
  refresh (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
selection_changed_cb (ImpSelectionProperties *self,
                      ImpSelection           *selection)
{
  ImpNode *node = imp_selection_get_primary (selection);
  ImpLink *link = node == NULL ? imp_selection_get_link (selection) : NULL;

  set_target (self, node, link);
}

static void
map_changed_cb (ImpSelectionProperties *self,
                ImpChangeKind           kind,
                gpointer                object,
                ImpMap                 *map)
{
  switch (kind)
    {
    case IMP_CHANGE_EVERYTHING:
      /* Whatever we pointed at may be gone: the selection tells. */
      if (self->selection != NULL)
        selection_changed_cb (self, self->selection);
      else
        set_target (self, NULL, NULL);
      return;

    case IMP_CHANGE_NODE_REMOVED:
      if (object == self->node || (self->link != NULL && (object == self->link->parent ||
                                                           object == self->link->child)))
        set_target (self, NULL, NULL);
      return;

    case IMP_CHANGE_LINK_REMOVED:
      if (object == self->link)
        set_target (self, self->node, NULL);
      return;

    case IMP_CHANGE_MAP_TITLE:
    case IMP_CHANGE_VOCABULARY:
      refresh (self);
      return;

    case IMP_CHANGE_NODE_TEXT:
    case IMP_CHANGE_NODE_PAYLOAD:
      if (object == self->node)
        refresh (self);
      return;

    case IMP_CHANGE_LINK_CHANGED:
      if (object == self->link)
        refresh (self);
      return;

    case IMP_CHANGE_NODE_ADDED:
    case IMP_CHANGE_NODE_POSITION:
    case IMP_CHANGE_NODE_COLLAPSED:
    case IMP_CHANGE_LINK_ADDED:
    case IMP_CHANGE_NODE_VOTES:
    case IMP_CHANGE_PARKING_LOT:
    case IMP_CHANGE_VOTE_BUDGET:
    default:
      return;
    }
}

/* Writing the model */

static gboolean
commit_metric_number (ImpSelectionProperties  *self,
                      guint                    prop_id,
                      const char              *text,
                      char                   **message)
{
  g_autoptr(ImpMetric) metric = copy_metric (self->node);
  double value;

  if (!parse_number (text, &value, message))
    return FALSE;

  if (prop_id == PROP_METRIC_BASELINE)
    metric->baseline = value;
  else if (prop_id == PROP_METRIC_CURRENT)
    metric->current = value;
  else
    metric->target = value;

  /* A target equal to the baseline leaves nothing to move towards: progress
   * would be undefined, so say so instead of storing it. */
  if (isfinite (metric->baseline) && isfinite (metric->target) &&
      metric->baseline == metric->target)
    {
      *message = g_strdup (_("The target equals the baseline, so there is nothing to move "
                             "towards: change one of them"));
      return FALSE;
    }

  imp_history_set_node_metric (self->history, self->node, metric);
  return TRUE;
}

static gboolean
commit_text (ImpSelectionProperties  *self,
             guint                    prop_id,
             const char              *text,
             char                   **message)
{
  ImpNode *node = self->node;
  ImpLink *link = self->link;
  g_autoptr(GError) too_long = NULL;
  ImpTextKind kind = IMP_TEXT_OTHER;

  if (self->history == NULL)
    return TRUE;

  /* The reader's limits: what the inspector takes, the file can hold. */
  if (prop_id == PROP_TITLE)
    kind = IMP_TEXT_TITLE;
  else if (prop_id == PROP_NOTES || prop_id == PROP_EXP_EVIDENCE)
    kind = IMP_TEXT_NOTES;
  if (!imp_limits_check_text (kind, text, &too_long))
    {
      /* Translators: %s says how long a text may be */
      *message = g_strdup_printf (_("Too long: %s"), too_long->message);
      return FALSE;
    }

  if (prop_id == PROP_MAP_TITLE)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      imp_history_set_map_title (self->history, trimmed);
      return TRUE;
    }

  if (prop_id == PROP_LINK_ASSUMPTION)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      if (link == NULL || g_strcmp0 (trimmed, or_empty (link->assumption)) == 0)
        return TRUE;
      imp_history_set_link_assumption (self->history, link->parent, link->child,
                                       *trimmed ? trimmed : NULL);
      return TRUE;
    }

  if (node == NULL)
    return TRUE;

  switch (prop_id)
    {
    case PROP_TITLE:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (text));

        if (*trimmed == '\0')
          {
            *message = g_strdup (_("A card needs a title"));
            return FALSE;
          }
        if (g_strcmp0 (trimmed, node->title) != 0)
          imp_history_set_node_title (self->history, node, trimmed);
        return TRUE;
      }

    case PROP_NOTES:
      if (g_strcmp0 (text, or_empty (node->notes)) != 0)
        imp_history_set_node_notes (self->history, node, *text ? text : NULL);
      return TRUE;

    case PROP_METRIC_NAME:
    case PROP_METRIC_UNIT:
      {
        g_autoptr(ImpMetric) metric = copy_metric (node);
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        char **field = prop_id == PROP_METRIC_NAME ? &metric->name : &metric->unit;

        g_free (*field);
        *field = *trimmed ? g_steal_pointer (&trimmed) : NULL;
        imp_history_set_node_metric (self->history, node, metric);
        return TRUE;
      }

    case PROP_METRIC_BASELINE:
    case PROP_METRIC_CURRENT:
    case PROP_METRIC_TARGET:
      return commit_metric_number (self, prop_id, text, message);

    case PROP_METRIC_DEADLINE:
      {
        g_autoptr(ImpMetric) metric = copy_metric (node);
        char *date = NULL;

        if (!parse_date (text, &date, message))
          return FALSE;
        g_free (metric->deadline);
        metric->deadline = date;
        imp_history_set_node_metric (self->history, node, metric);
        return TRUE;
      }

    case PROP_ICE_IMPACT:
    case PROP_ICE_CONFIDENCE:
    case PROP_ICE_EASE:
      {
        ImpIce ice = node->ice;
        guint8 value;
        g_autoptr(GError) error = NULL;

        if (!parse_ice (text, &value, message))
          return FALSE;
        if (prop_id == PROP_ICE_IMPACT)
          ice.impact = value;
        else if (prop_id == PROP_ICE_CONFIDENCE)
          ice.confidence = value;
        else
          ice.ease = value;
        if (!imp_history_set_node_ice (self->history, node, &ice, &error))
          {
            *message = g_strdup (error->message);
            return FALSE;
          }
        return TRUE;
      }

    case PROP_EXP_START:
    case PROP_EXP_END:
      {
        g_autoptr(ImpExperiment) e = copy_experiment (node);
        gboolean start = prop_id == PROP_EXP_START;
        char *date = NULL;

        if (!parse_date (text, &date, message))
          return FALSE;
        g_free (start ? e->start_date : e->end_date);
        if (start)
          e->start_date = date;
        else
          e->end_date = date;

        /* ISO dates compare as strings. */
        if (e->start_date != NULL && e->end_date != NULL &&
            strcmp (e->end_date, e->start_date) < 0)
          {
            *message = g_strdup_printf (_("The experiment cannot end (%s) before it starts "
                                          "(%s)"), e->end_date, e->start_date);
            return FALSE;
          }
        imp_history_set_node_experiment (self->history, node, e);
        return TRUE;
      }

    case PROP_EXP_EVIDENCE:
      {
        g_autoptr(ImpExperiment) e = copy_experiment (node);

        if (g_strcmp0 (text, or_empty (e->evidence)) == 0)
          return TRUE;
        g_free (e->evidence);
        e->evidence = *text ? g_strdup (text) : NULL;
        imp_history_set_node_experiment (self->history, node, e);
        return TRUE;
      }

    default:
      g_return_val_if_reached (TRUE);
    }
}

static gboolean
commit_choice (ImpSelectionProperties  *self,
               guint                    prop_id,
               guint                    index,
               char                   **message)
{
  ImpNode *node = self->node;
  g_autoptr(GError) error = NULL;

  if (self->history == NULL)
    return TRUE;

  /* A widget put back to the model's value (an undo, a bound row) is not
   * an edit: pushing it would clear the redo stack. */
  {
    g_auto(GValue) now = G_VALUE_INIT;

    g_value_init (&now, G_PARAM_SPEC_VALUE_TYPE (properties[prop_id]));
    read_field (self, prop_id, &now);
    if ((self->node != NULL || self->link != NULL || is_map_field (prop_id)) &&
        (guint) g_value_get_enum (&now) == index)
      return TRUE;
  }

  if (prop_id == PROP_VOCABULARY)
    {
      if (!imp_history_set_vocabulary (self->history, (ImpVocabulary) index, &error))
        {
          *message = g_strdup (error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (prop_id == PROP_LINK_CONFIDENCE || prop_id == PROP_LINK_STATUS)
    {
      if (self->link == NULL)
        return TRUE;
      if (prop_id == PROP_LINK_CONFIDENCE)
        imp_history_set_link_confidence (self->history, self->link->parent, self->link->child,
                                         (ImpConfidence) index);
      else
        imp_history_set_link_status (self->history, self->link->parent, self->link->child,
                                     (ImpLinkStatus) index);
      return TRUE;
    }

  if (node == NULL)
    return TRUE;

  switch (prop_id)
    {
    case PROP_LEVEL:
      if ((ImpLevel) index == node->level)
        return TRUE;
      if (!imp_history_set_node_level (self->history, node, (ImpLevel) index, &error))
        {
          *message = g_strdup (error->message);
          return FALSE;
        }
      return TRUE;

    case PROP_METRIC_DIRECTION:
    case PROP_METRIC_INDICATOR:
      {
        g_autoptr(ImpMetric) metric = copy_metric (node);

        if (prop_id == PROP_METRIC_DIRECTION)
          metric->direction = (ImpDirection) index;
        else
          metric->indicator = (ImpIndicator) index;
        imp_history_set_node_metric (self->history, node, metric);
        return TRUE;
      }

    case PROP_EXP_KIND:
    case PROP_EXP_ASPECT:
    case PROP_EXP_STATUS:
    case PROP_EXP_RESULT:
      {
        g_autoptr(ImpExperiment) e = copy_experiment (node);

        /* The kind brings its usual aspect, unless one was chosen. */
        if (prop_id == PROP_EXP_KIND)
          imp_experiment_set_kind (e, (ImpExperimentKind) index);
        else if (prop_id == PROP_EXP_ASPECT)
          e->aspect = (ImpAspect) index;
        else if (prop_id == PROP_EXP_STATUS)
          {
            e->status = (ImpExperimentStatus) index;
            /* Only a finished experiment has a result. */
            if (e->status != IMP_EXPERIMENT_DONE)
              e->result = IMP_RESULT_NONE;
          }
        else
          {
            if (index != IMP_RESULT_NONE && e->status != IMP_EXPERIMENT_DONE)
              {
                *message = g_strdup (_("Only a finished experiment has a result: set its "
                                       "status to Done first"));
                return FALSE;
              }
            e->result = (ImpResult) index;
          }
        imp_history_set_node_experiment (self->history, node, e);
        return TRUE;
      }

    default:
      g_return_val_if_reached (TRUE);
    }
}

/* GObject */

static void
imp_selection_properties_dispose (GObject *object)
{
  ImpSelectionProperties *self = (ImpSelectionProperties *) object;

  if (self->map_signals != NULL)
    g_signal_group_set_target (self->map_signals, NULL);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->map_signals);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->selection);
  self->node = NULL;
  self->link = NULL;

  G_OBJECT_CLASS (imp_selection_properties_parent_class)->dispose (object);
}

static void
imp_selection_properties_finalize (GObject *object)
{
  ImpSelectionProperties *self = (ImpSelectionProperties *) object;

  for (guint i = FIRST_FIELD; i < N_PROPS; i++)
    g_value_unset (&self->values[i]);
  g_free (self->values);

  G_OBJECT_CLASS (imp_selection_properties_parent_class)->finalize (object);
}

static void
imp_selection_properties_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ImpSelectionProperties *self = IMP_SELECTION_PROPERTIES (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_NODE:
      g_value_set_pointer (value, self->node);
      break;
    case PROP_LINK:
      g_value_set_pointer (value, self->link);
      break;
    case PROP_HAS_NODE:
      g_value_set_boolean (value, self->node != NULL);
      break;
    case PROP_HAS_LINK:
      g_value_set_boolean (value, self->link != NULL);
      break;
    default:
      if (prop_id >= FIRST_FIELD && prop_id < N_PROPS)
        read_field (self, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_selection_properties_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ImpSelectionProperties *self = IMP_SELECTION_PROPERTIES (object);
  g_autofree char *message = NULL;
  gboolean ok;

  switch (prop_id)
    {
    case PROP_HISTORY:
      imp_selection_properties_set_history (self, g_value_get_object (value));
      return;
    case PROP_SELECTION:
      imp_selection_properties_set_selection (self, g_value_get_object (value));
      return;
    default:
      break;
    }

  if (prop_id < FIRST_FIELD || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  /* A binding has no one to tell why a value is refused: the model keeps
   * its value and the property says so. */
  if (G_VALUE_HOLDS_STRING (value))
    ok = commit_text (self, prop_id, or_empty (g_value_get_string (value)), &message);
  else
    ok = commit_choice (self, prop_id, g_value_get_enum (value), &message);
  if (!ok)
    {
      g_debug ("%s refused: %s", pspec->name, message);
      g_object_notify_by_pspec (object, pspec);
    }
}

static GParamSpec *
field_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
field_enum (const char *name,
            GType       type)
{
  return g_param_spec_enum (name, NULL, NULL, type, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS);
}

static void
imp_selection_properties_class_init (ImpSelectionPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = imp_selection_properties_dispose;
  object_class->finalize = imp_selection_properties_finalize;
  object_class->get_property = imp_selection_properties_get_property;
  object_class->set_property = imp_selection_properties_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, IMP_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IMP_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE] =
    g_param_spec_pointer ("node", NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINK] =
    g_param_spec_pointer ("link", NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_NODE] =
    g_param_spec_boolean ("has-node", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_LINK] =
    g_param_spec_boolean ("has-link", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAP_TITLE] = field_string ("map-title");
  properties[PROP_VOCABULARY] = field_enum ("vocabulary", IMP_TYPE_VOCABULARY);
  properties[PROP_TITLE] = field_string ("title");
  properties[PROP_NOTES] = field_string ("notes");
  properties[PROP_LEVEL] = field_enum ("level", IMP_TYPE_LEVEL);
  properties[PROP_METRIC_NAME] = field_string ("metric-name");
  properties[PROP_METRIC_UNIT] = field_string ("metric-unit");
  properties[PROP_METRIC_BASELINE] = field_string ("metric-baseline");
  properties[PROP_METRIC_CURRENT] = field_string ("metric-current");
  properties[PROP_METRIC_TARGET] = field_string ("metric-target");
  properties[PROP_METRIC_DEADLINE] = field_string ("metric-deadline");
  properties[PROP_METRIC_DIRECTION] = field_enum ("metric-direction", IMP_TYPE_DIRECTION);
  properties[PROP_METRIC_INDICATOR] = field_enum ("metric-indicator", IMP_TYPE_INDICATOR);
  properties[PROP_ICE_IMPACT] = field_string ("ice-impact");
  properties[PROP_ICE_CONFIDENCE] = field_string ("ice-confidence");
  properties[PROP_ICE_EASE] = field_string ("ice-ease");
  properties[PROP_EXP_KIND] = field_enum ("exp-kind", IMP_TYPE_EXPERIMENT_KIND);
  properties[PROP_EXP_ASPECT] = field_enum ("exp-aspect", IMP_TYPE_ASPECT);
  properties[PROP_EXP_STATUS] = field_enum ("exp-status", IMP_TYPE_EXPERIMENT_STATUS);
  properties[PROP_EXP_RESULT] = field_enum ("exp-result", IMP_TYPE_RESULT);
  properties[PROP_EXP_START] = field_string ("exp-start");
  properties[PROP_EXP_END] = field_string ("exp-end");
  properties[PROP_EXP_EVIDENCE] = field_string ("exp-evidence");
  properties[PROP_LINK_ASSUMPTION] = field_string ("link-assumption");
  properties[PROP_LINK_CONFIDENCE] = field_enum ("link-confidence", IMP_TYPE_CONFIDENCE);
  properties[PROP_LINK_STATUS] = field_enum ("link-status", IMP_TYPE_LINK_STATUS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
imp_selection_properties_init (ImpSelectionProperties *self)
{
  self->values = g_new0 (GValue, N_PROPS);
  for (guint i = FIRST_FIELD; i < N_PROPS; i++)
    g_value_init (&self->values[i], G_PARAM_SPEC_VALUE_TYPE (properties[i]));

  self->map_signals = g_signal_group_new (IMP_TYPE_MAP);
  g_signal_group_connect_object (self->map_signals, "changed", G_CALLBACK (map_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  self->selection_signals = g_signal_group_new (IMP_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * imp_selection_properties_new:
 *
 * Returns: (transfer full): an adapter following nothing yet
 */
ImpSelectionProperties *
imp_selection_properties_new (void)
{
  return g_object_new (IMP_TYPE_SELECTION_PROPERTIES, NULL);
}

/**
 * imp_selection_properties_get_history:
 *
 * Returns: (transfer none) (nullable): the history edits are pushed on
 */
ImpHistory *
imp_selection_properties_get_history (ImpSelectionProperties *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), NULL);

  return self->history;
}

/**
 * imp_selection_properties_set_history:
 * @history: (nullable): the history of the map to show and edit
 */
void
imp_selection_properties_set_history (ImpSelectionProperties *self,
                                      ImpHistory             *history)
{
  g_return_if_fail (IMP_IS_SELECTION_PROPERTIES (self));
  g_return_if_fail (history == NULL || IMP_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;

  g_clear_object (&self->map);
  if (history != NULL)
    self->map = g_object_ref (imp_history_get_map (history));
  g_signal_group_set_target (self->map_signals, self->map);

  /* Cards of another map are not ours to show. */
  if (self->selection != NULL && self->map != NULL &&
      imp_selection_get_map (self->selection) == self->map)
    selection_changed_cb (self, self->selection);
  else
    set_target (self, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * imp_selection_properties_get_selection:
 *
 * Returns: (transfer none) (nullable): the selection followed
 */
ImpSelection *
imp_selection_properties_get_selection (ImpSelectionProperties *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), NULL);

  return self->selection;
}

/**
 * imp_selection_properties_set_selection:
 * @selection: (nullable): the selection whose primary card, or link, to show
 */
void
imp_selection_properties_set_selection (ImpSelectionProperties *self,
                                        ImpSelection           *selection)
{
  g_return_if_fail (IMP_IS_SELECTION_PROPERTIES (self));
  g_return_if_fail (selection == NULL || IMP_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  if (selection != NULL)
    selection_changed_cb (self, selection);
  else
    set_target (self, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/**
 * imp_selection_properties_get_node:
 *
 * Returns: (transfer none) (nullable): the card shown, owned by the map
 */
ImpNode *
imp_selection_properties_get_node (ImpSelectionProperties *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), NULL);

  return self->node;
}

/**
 * imp_selection_properties_get_link:
 *
 * Returns: (transfer none) (nullable): the link shown, owned by the map
 */
ImpLink *
imp_selection_properties_get_link (ImpSelectionProperties *self)
{
  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), NULL);

  return self->link;
}

static GParamSpec *
find_field (const char *name)
{
  for (guint i = FIRST_FIELD; i < N_PROPS; i++)
    if (g_str_equal (properties[i]->name, name))
      return properties[i];

  return NULL;
}

/**
 * imp_selection_properties_has_property:
 * @name: a field's key, e.g. "metric-target"
 *
 * Returns: whether @name is one of the fields
 */
gboolean
imp_selection_properties_has_property (ImpSelectionProperties *self,
                                       const char             *name)
{
  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return find_field (name) != NULL;
}

/**
 * imp_selection_properties_dup_text:
 * @name: a text field's key, e.g. "title"
 *
 * Returns: (transfer full) (nullable): the text a field shows for the
 *   model's value, or %NULL when nothing selected has the field
 */
char *
imp_selection_properties_dup_text (ImpSelectionProperties *self,
                                   const char             *name)
{
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), NULL);

  pspec = find_field (name);
  if (pspec == NULL || G_PARAM_SPEC_VALUE_TYPE (pspec) != G_TYPE_STRING)
    return NULL;

  g_value_init (&value, G_TYPE_STRING);
  read_field (self, pspec->param_id, &value);

  return g_value_dup_string (&value);
}

/**
 * imp_selection_properties_commit_text:
 * @name: a text field's key
 * @text: what the field holds
 * @message: (out) (optional): why @text is refused
 *
 * Pushes @text, parsed and checked, as one history command.
 *
 * Returns: %TRUE, or %FALSE when @text is refused and the model is unchanged
 */
gboolean
imp_selection_properties_commit_text (ImpSelectionProperties  *self,
                                      const char              *name,
                                      const char              *text,
                                      char                   **message)
{
  g_autofree char *why = NULL;
  GParamSpec *pspec;
  gboolean ok;

  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  pspec = find_field (name);
  g_return_val_if_fail (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING,
                        FALSE);

  ok = commit_text (self, pspec->param_id, text, &why);
  if (message != NULL)
    *message = g_steal_pointer (&why);

  return ok;
}

/**
 * imp_selection_properties_commit_choice:
 * @name: a choice field's key, e.g. "link-status"
 * @index: the value picked, in the order of its enum
 * @message: (out) (optional): why @index is refused
 *
 * Returns: %TRUE, or %FALSE when the choice is refused and the model is
 *   unchanged
 */
gboolean
imp_selection_properties_commit_choice (ImpSelectionProperties  *self,
                                        const char              *name,
                                        guint                    index,
                                        char                   **message)
{
  g_autofree char *why = NULL;
  GParamSpec *pspec;
  gboolean ok;

  g_return_val_if_fail (IMP_IS_SELECTION_PROPERTIES (self), FALSE);

  pspec = find_field (name);
  g_return_val_if_fail (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec), FALSE);

  ok = commit_choice (self, pspec->param_id, index, &why);
  if (message != NULL)
    *message = g_steal_pointer (&why);

  return ok;
}
