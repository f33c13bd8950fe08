/* imp-inspector.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-inspector-reviews.h"
#include "imp-a11y.h"
#include "imp-inspector.h"
#include "imp-inspector-item.h"
#include "imp-inspector-conflicts.h"
#include "imp-combine.h"
#include "imp-readings-panel.h"
#include "imp-tracking.h"
#include "imp-selection-properties.h"

/* The side panel beside the canvas. It follows the selection (a card or a
 * link) on one page and shows the whole map's settings and health on the
 * other. Every edit goes through the history so that it can be undone;
 * nonsense input is refused with an explanation under its field, never
 * stored. Pages are rebuilt from the model when it changes, which keeps them
 * right after an undo, and focus returns to the field that had it.
 *
 * A typed value is never lost: a field commits when focus leaves it, when
 * the selection changes, when the inspector is hidden and when the window
 * asks (before saving or closing); Enter commits too and Escape reverts.
 * A refused value stays in its field with its explanation until it is fixed
 * or reverted, across rebuilds and selection changes: the edits a rebuild
 * would drop are kept as pending edits of their card or link and put back
 * when that page is built again. */

/* One long list of the map page. */
typedef struct
{
  AdwPreferencesGroup *group;
  GtkWidget           *empty;     /* the row saying the list is empty */
  GtkWidget           *scrolled;
  GtkListView         *view;
  GListStore          *store;     /* (element-type ImpInspectorItem) */
  GtkListItemFactory  *factory;
} MapList;

struct _ImpInspector
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *box;
  GtkStack      *stack;
  GtkBox        *selection_box;
  AdwEntryRow   *map_title_row;
  AdwComboRow   *vocabulary_row;
  GtkLabel      *map_feedback;
  GtkBox        *map_dynamic_box;
  MapList        lists[3];   /* LIST_HEALTH, LIST_RANKED, LIST_HMW */

  ImpHistory    *history;
  ImpMap        *map;
  ImpSelection  *selection;
  ImpSelectionProperties *props;  /* the fields of the card or link shown */

  /* What the selection page shows; the map owns them. */
  ImpNode       *node;
  ImpLink       *link;

  GHashTable    *fields;     /* key -> row (borrowed, reset on rebuild) */
  GHashTable    *feedback;   /* key -> GtkLabel under the row's group */
  GHashTable    *map_rows;   /* "health-N", "ranked-N" -> row of the map page */
  GPtrArray     *pending;    /* (element-type PendingEdit) edits waiting for their page */
  guint          selection_source;
  guint          related_source;
  GtkWidget     *related_box;  /* of the card's page: experiments, chains, prompts */
  GtkWidget     *link_group;   /* of the link's page, named by its ends */
  /* What the page shown was built for: when a change keeps these, the
   * page follows it in place. */
  ImpLevel       built_level;
  gboolean       built_metric;
  gboolean       built_refuted;
  guint          map_source;
  gboolean       building;
  gboolean       rebuilding; /* focus leaves the old page's fields: do not commit */
  gboolean       selecting;  /* a row of the map page is selecting its node */
  gboolean       scroll_to_top;
  gboolean       map_lists_stale;  /* the map page's lists wait until it is shown */
  GDate          today;
};

G_DEFINE_FINAL_TYPE (ImpInspector, imp_inspector, GTK_TYPE_WIDGET)

/* What a field held that its page, torn down, could not keep: put back when
 * the page of @node or @link (or the map page, both %NULL) is built again. */
typedef struct
{
  ImpNode *node;
  ImpLink *link;
  char    *key;
  char    *text;
  char    *message;   /* why the text was refused; NULL if never tried */
  int      position;  /* of the cursor, when the field had focus */
  gboolean focused;
} PendingEdit;

static void
pending_edit_free (gpointer data)
{
  PendingEdit *edit = data;

  g_free (edit->key);
  g_free (edit->text);
  g_free (edit->message);
  g_free (edit);
}

static void rebuild_selection (ImpInspector *self);
static void rebuild_map       (ImpInspector *self);

/* Display names, in the order of the enums. */
static const char * const kind_names[] = {
  N_("Other"), N_("Usability interview"), N_("Fake door"), N_("Wizard of Oz"),
  N_("Kano survey"), N_("Technical spike"), N_("A/B test"), NULL
};
static const char * const aspect_names[] = {
  N_("Validity"), N_("Usability"), N_("Feasibility"), NULL
};
static const char * const status_names[] = {
  N_("Planned"), N_("Running"), N_("Done"), NULL
};
static const char * const result_names[] = {
  N_("No result"), N_("Supports"), N_("Refutes"), N_("Inconclusive"), NULL
};
static const char * const direction_names[] = {
  N_("Increase"), N_("Decrease"), NULL
};
static const char * const indicator_names[] = {
  N_("Lagging"), N_("Leading (proxy)"), NULL
};

/* Fields and their feedback */

static const char *
field_key (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "imp-field");
}

/* A field's explanation appears in a row inserted right under it, so that
 * it is seen where the eye is; the map page's in a label under its group. */
static GtkWidget *
insert_feedback_row (GtkWidget *field)
{
  GtkWidget *list = gtk_widget_get_parent (field);
  GtkWidget *row, *label;

  if (!GTK_IS_LIST_BOX (list))
    return NULL;

  row = adw_preferences_row_new ();
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  g_object_set_data (G_OBJECT (field), "imp-feedback-row", row);

  return label;
}

static void
clear_error (ImpInspector *self,
             const char   *key)
{
  GtkWidget *row = g_hash_table_lookup (self->fields, key);
  GtkWidget *label = g_hash_table_lookup (self->feedback, key);
  GtkWidget *inline_row = row != NULL ? g_object_get_data (G_OBJECT (row), "imp-feedback-row")
                                      : NULL;

  if (row != NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      g_object_set_data (G_OBJECT (row), "imp-error", NULL);
    }

  if (inline_row != NULL)
    {
      g_object_set_data (G_OBJECT (row), "imp-feedback-row", NULL);
      g_hash_table_remove (self->feedback, key);
      gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (inline_row)), inline_row);
      return;
    }

  if (label != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (label), "imp-owner"), key) == 0)
    gtk_widget_set_visible (label, FALSE);
}

/* Shows why the value of @key was refused; the field remembers it until
 * the value is fixed or reverted. */
static void
show_error_quietly (ImpInspector *self,
                    const char   *key,
                    const char   *message)
{
  GtkWidget *row = g_hash_table_lookup (self->fields, key);
  GtkWidget *label = g_hash_table_lookup (self->feedback, key);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      g_object_set_data_full (G_OBJECT (row), "imp-error", g_strdup (message), g_free);
    }

  if (row != NULL && label == NULL && g_object_get_data (G_OBJECT (row), "imp-inline") != NULL)
    {
      label = insert_feedback_row (row);
      if (label != NULL)
        g_hash_table_replace (self->feedback, g_strdup (key), label);
    }

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message);
      g_object_set_data_full (G_OBJECT (label), "imp-owner", g_strdup (key), g_free);
      gtk_widget_set_visible (label, TRUE);
    }
}

static void
show_error (ImpInspector *self,
            const char   *key,
            const char   *message)
{
  show_error_quietly (self, key, message);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static gboolean
field_is_map (const char *key)
{
  return g_str_equal (key, "map-title") || g_str_equal (key, "vocabulary");
}

static void field_model_notify_cb (ImpSelectionProperties *props,
                                   GParamSpec             *pspec,
                                   GtkWidget              *field);

static void sync_link_group (ImpInspector *self);

static void
register_field (ImpInspector *self,
                GtkWidget    *row,
                const char   *key,
                GtkWidget    *feedback)
{
  g_object_set_data_full (G_OBJECT (row), "imp-field", g_strdup (key), g_free);
  /* A field edits the card or link of the page it was built for, even when
   * focus leaves it after the selection has moved on. */
  if (!field_is_map (key))
    {
      g_object_set_data (G_OBJECT (row), "imp-field-node", self->node);
      g_object_set_data (G_OBJECT (row), "imp-field-link", self->link);
    }
  g_hash_table_replace (self->fields, g_strdup (key), row);
  if (feedback != NULL)
    g_hash_table_replace (self->feedback, g_strdup (key), feedback);

  /* Model to widget: the row follows its adapter property in place. Widget
   * to model goes through commit_field(), when focus leaves the row. */
  if (imp_selection_properties_has_property (self->props, key) &&
      g_object_get_data (G_OBJECT (row), "imp-bound") == NULL)
    {
      g_autofree char *detailed = g_strdup_printf ("notify::%s", key);

      g_object_set_data (G_OBJECT (row), "imp-bound", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (row), "imp-inspector", self);
      g_signal_connect_object (self->props, detailed, G_CALLBACK (field_model_notify_cb), row, 0);
    }
}

/* Parsing, with the reason for a refusal */

/* Committing an edit */

static ImpExperiment *
copy_experiment (ImpNode *node)
{
  return node->experiment != NULL ? imp_experiment_copy (node->experiment)
                                  : imp_experiment_new ();
}

/* Fields that hold text */

/* The text a field shows for the model's value: what Escape puts back, and
 * what tells an edited field from an untouched one. %NULL for a field that
 * is not text. */
static char *
model_text (ImpInspector *self,
            ImpNode      *node,
            ImpLink      *link,
            const char   *key)
{
  /* The adapter shows the card or link of the page; a field of a page
   * waiting for its rebuild has no model text of its own. */
  if (!field_is_map (key) &&
      (node != imp_selection_properties_get_node (self->props) ||
       link != imp_selection_properties_get_link (self->props)))
    return NULL;

  return imp_selection_properties_dup_text (self->props, key);
}

static gboolean
is_text_field (GtkWidget *field)
{
  return GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field);
}

static char *
field_get_text (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
field_set_text (ImpInspector *self,
                GtkWidget    *field,
                const char   *text)
{
  gboolean building = self->building;

  /* Not an edit of the user's: keep the changed handlers out of it. */
  self->building = TRUE;
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  self->building = building;
}

/* Shows the model's value in @field: an edit is what differs from the
 * value last shown, so an undo that changes the model under an untouched
 * field is no edit of the user's. */
static void
field_sync (ImpInspector *self,
            GtkWidget    *field,
            const char   *text)
{
  g_object_set_data_full (G_OBJECT (field), "imp-base", g_strdup (text), g_free);
  field_set_text (self, field, text);
}

static int
field_get_position (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (GTK_IS_EDITABLE (field))
    return gtk_editable_get_position (GTK_EDITABLE (field));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

static void
field_set_position (GtkWidget *field,
                    int        position)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (GTK_IS_EDITABLE (field))
    {
      gtk_editable_set_position (GTK_EDITABLE (field), position);
      return;
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, position);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
field_get_owner (GtkWidget  *field,
                 ImpNode   **node,
                 ImpLink   **link)
{
  *node = g_object_get_data (G_OBJECT (field), "imp-field-node");
  *link = g_object_get_data (G_OBJECT (field), "imp-field-link");
}

/* Whether @field belongs to the page shown: a page waiting to be rebuilt
 * for a new selection, or for a removed card, edits nothing. */
static gboolean
field_is_current (ImpInspector *self,
                  GtkWidget    *field)
{
  const char *key = field_key (field);
  ImpNode *node;
  ImpLink *link;

  if (key == NULL || self->map == NULL)
    return FALSE;
  if (field_is_map (key))
    return TRUE;

  field_get_owner (field, &node, &link);

  return (node != NULL || link != NULL) && node == self->node && link == self->link;
}

static gboolean
field_is_dirty (ImpInspector *self,
                GtkWidget    *field)
{
  const char *base;
  g_autofree char *text = NULL;

  if (!is_text_field (field) || field_key (field) == NULL)
    return FALSE;

  base = g_object_get_data (G_OBJECT (field), "imp-base");
  text = field_get_text (field);

  return g_strcmp0 (base != NULL ? base : "", text) != 0;
}

/* Commits what @field holds when it differs from the model, as one undo
 * step. Returns %FALSE when the value is refused: the field keeps it and
 * shows why. */
static gboolean
commit_field (ImpInspector *self,
              GtkWidget    *field)
{
  const char *key = field_key (field);
  g_autofree char *text = NULL;
  g_autofree char *model = NULL;
  g_autofree char *message = NULL;
  ImpNode *node;
  ImpLink *link;

  if (self->history == NULL || key == NULL || !is_text_field (field) ||
      !field_is_current (self, field))
    return TRUE;

  if (!field_is_dirty (self, field))
    {
      /* Typed back to what the model holds: nothing is wrong any more. */
      clear_error (self, key);
      return TRUE;
    }

  field_get_owner (field, &node, &link);
  text = field_get_text (field);
  if (!imp_selection_properties_commit_text (self->props, key, text, &message))
    {
      show_error (self, key, message);
      return FALSE;
    }

  /* The next edit of this field is a step of its own. */
  imp_history_seal (self->history);
  clear_error (self, key);

  /* Show the value as the model keeps it ("2.50" becomes "2.5"). */
  model = model_text (self, node, link, key);
  if (model != NULL)
    {
      if (g_strcmp0 (model, text) != 0)
        field_sync (self, field, model);
      else
        g_object_set_data_full (G_OBJECT (field), "imp-base", g_strdup (model), g_free);
    }

  return TRUE;
}

static void
revert_field (ImpInspector *self,
              GtkWidget    *field)
{
  g_autofree char *model = NULL;
  ImpNode *node;
  ImpLink *link;

  field_get_owner (field, &node, &link);
  model = model_text (self, node, link, field_key (field));
  if (model != NULL)
    field_sync (self, field, model);
  clear_error (self, field_key (field));
  field_set_position (field, -1);
}

/* Commits every field of the pages shown that holds an edit. Returns
 * %FALSE when one of them holds a refused value. */
static gboolean
commit_live_fields (ImpInspector *self)
{
  g_autoptr(GList) fields = g_hash_table_get_values (self->fields);
  gboolean ok = TRUE;

  for (GList *l = fields; l != NULL; l = l->next)
    if (!commit_field (self, l->data))
      ok = FALSE;

  return ok;
}

static void
drop_pending (ImpInspector *self,
              ImpNode      *node,
              ImpLink      *link,
              const char   *key)
{
  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingEdit *edit = g_ptr_array_index (self->pending, i - 1);

      if (edit->node == node && edit->link == link &&
          (key == NULL || g_str_equal (edit->key, key)))
        g_ptr_array_remove_index (self->pending, i - 1);
    }
}

/* The selection page is about to be torn down: keep what its fields hold
 * that the model does not, with the reason it was refused. */
static void
stash_fields (ImpInspector *self)
{
  g_autoptr(GList) fields = g_hash_table_get_values (self->fields);
  GtkWidget *focused = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    focused = gtk_root_get_focus (root);

  for (GList *l = fields; l != NULL; l = l->next)
    {
      GtkWidget *field = l->data;
      const char *error = g_object_get_data (G_OBJECT (field), "imp-error");
      PendingEdit *edit;

      if (field_is_map (field_key (field)) ||
          !gtk_widget_is_ancestor (field, GTK_WIDGET (self->selection_box)) ||
          (!field_is_dirty (self, field) && error == NULL))
        continue;

      edit = g_new0 (PendingEdit, 1);
      field_get_owner (field, &edit->node, &edit->link);
      if (edit->node == NULL && edit->link == NULL)
        {
          g_free (edit);
          continue;
        }
      drop_pending (self, edit->node, edit->link, field_key (field));
      edit->key = g_strdup (field_key (field));
      edit->text = field_get_text (field);
      edit->message = g_strdup (error);
      edit->focused = focused != NULL && (focused == field ||
                                          gtk_widget_is_ancestor (focused, field));
      edit->position = field_get_position (field);
      g_ptr_array_add (self->pending, edit);
    }
}

/* Puts the pending edits of the page just built back into its fields. */
static void
restore_fields (ImpInspector *self)
{
  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingEdit *edit = g_ptr_array_index (self->pending, i - 1);
      GtkWidget *field;

      if (edit->node != self->node || edit->link != self->link)
        continue;

      field = g_hash_table_lookup (self->fields, edit->key);
      if (field != NULL && is_text_field (field))
        {
          field_set_text (self, field, edit->text);
          if (edit->message != NULL)
            show_error_quietly (self, edit->key, edit->message);
        }
      g_ptr_array_remove_index (self->pending, i - 1);
    }
}

static void
entry_apply_cb (AdwEntryRow  *row,
                ImpInspector *self)
{
  if (!self->building)
    commit_field (self, GTK_WIDGET (row));
}

static void
entry_changed_cb (AdwEntryRow  *row,
                  ImpInspector *self)
{
  const char *key = field_key (GTK_WIDGET (row));

  /* Being fixed: the explanation comes back if the new value is refused too. */
  if (!self->building && key != NULL)
    clear_error (self, key);
}

static void
field_leave_cb (GtkEventControllerFocus *controller,
                ImpInspector            *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (!self->building && !self->rebuilding)
    commit_field (self, field);
}

static gboolean
field_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      ImpInspector          *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  /* An untouched field lets Escape through to the window. */
  if (!field_is_dirty (self, field) && g_object_get_data (G_OBJECT (field), "imp-error") == NULL)
    return GDK_EVENT_PROPAGATE;

  revert_field (self, field);

  return GDK_EVENT_STOP;
}

/* Every text field commits when focus leaves it and reverts on Escape. */
static void
watch_text_field (ImpInspector *self,
                  GtkWidget    *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (field_leave_cb), self, 0);
  gtk_widget_add_controller (field, focus);
  /* Before the text itself sees the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (field_key_pressed_cb), self, 0);
  gtk_widget_add_controller (field, keys);
}

static void
combo_selected_cb (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   ImpInspector *self)
{
  const char *key = field_key (GTK_WIDGET (row));
  g_autofree char *message = NULL;

  if (self->building || self->history == NULL || key == NULL ||
      !field_is_current (self, GTK_WIDGET (row)))
    return;

  if (imp_selection_properties_commit_choice (self->props, key,
                                              adw_combo_row_get_selected (row), &message))
    {
      clear_error (self, key);
    }
  else
    {
      /* Put the choice back to what the model still holds. */
      if (g_str_equal (key, "vocabulary"))
        rebuild_map (self);
      else
        rebuild_selection (self);
      show_error (self, key, message);
    }
}

/* Following the adapter */

static void
sync_progress_row (ImpInspector    *self,
                   GtkWidget       *row,
                   const ImpMetric *metric);
static void
sync_ice_score_row (ImpInspector *self);

/* The card's own value changed (an undo, the canvas, a commit): the row
 * shows it, unless it holds an edit or a refused value of its own. */
static void
field_model_notify_cb (ImpSelectionProperties *props,
                       GParamSpec             *pspec,
                       GtkWidget              *field)
{
  ImpInspector *self = g_object_get_data (G_OBJECT (field), "imp-inspector");
  const char *key = field_key (field);
  ImpNode *node;
  ImpLink *link;

  field_get_owner (field, &node, &link);
  if (!field_is_map (key) &&
      (node != imp_selection_properties_get_node (props) ||
       link != imp_selection_properties_get_link (props) || (node == NULL && link == NULL)))
    return;

  if (is_text_field (field))
    {
      g_autofree char *text = NULL;

      if (field_is_dirty (self, field) || g_object_get_data (G_OBJECT (field), "imp-error"))
        return;
      text = imp_selection_properties_dup_text (props, key);
      field_sync (self, field, text != NULL ? text : "");
    }
  else if (ADW_IS_COMBO_ROW (field))
    {
      gboolean building = self->building;
      int value = 0;

      g_object_get (props, key, &value, NULL);
      self->building = TRUE;
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (field)) != (guint) value)
        adw_combo_row_set_selected (ADW_COMBO_ROW (field), value);
      self->building = building;
    }

  /* What the page shows about the value. */
  if (node != NULL && g_str_has_prefix (key, "metric-") && node->metric != NULL)
    {
      GtkWidget *row = g_hash_table_lookup (self->fields, "metric-progress");

      if (row != NULL)
        sync_progress_row (self, row, node->metric);
    }
  else if (node != NULL && g_str_has_prefix (key, "ice-"))
    {
      sync_ice_score_row (self);
    }
  else if (node != NULL && g_str_equal (key, "exp-status"))
    {
      GtkWidget *row = g_hash_table_lookup (self->fields, "exp-result");

      if (row != NULL && node->experiment != NULL)
        gtk_widget_set_sensitive (row, node->experiment->status == IMP_EXPERIMENT_DONE);
    }
}

/* Building rows */

static GtkWidget *
add_feedback (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static GtkWidget *
add_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);

  return group;
}

/* Makes @row, an entry row of a page, the field @key showing @text. */
static void
setup_entry (ImpInspector *self,
             GtkWidget    *row,
             const char   *key,
             const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data_full (G_OBJECT (row), "imp-base", g_strdup (text != NULL ? text : ""), g_free);
  register_field (self, row, key, NULL);
  g_object_set_data (G_OBJECT (row), "imp-inline", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (row, "apply", G_CALLBACK (entry_apply_cb), self, 0);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_apply_cb), self, 0);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  watch_text_field (self, row);
}

/* Enter keeps a one-sentence text view's text instead of breaking the line. */
static gboolean
sentence_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         ImpInspector          *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  if (!self->building)
    commit_field (self, field);

  return GDK_EVENT_STOP;
}

/* Makes @view, a text view of a page, the one-sentence field @key showing
 * @text: it wraps, and commits on Enter or when focus leaves it. */
static void
setup_sentence (ImpInspector *self,
                GtkWidget    *view,
                const char   *key,
                const char   *text,
                const char   *label)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  PangoFontMetrics *metrics;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);
  g_object_set_data_full (G_OBJECT (view), "imp-base", g_strdup (text != NULL ? text : ""),
                          g_free);
  /* At least a line tall: GTK 4.8 can leave a wrapping text view that a
   * page just built measured at no height until its text changes, an
   * invisible field. */
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (view), NULL, NULL);
  gtk_widget_set_size_request (view, -1, PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics)));
  pango_font_metrics_unref (metrics);
  imp_a11y_set_label (view, label);
  register_field (self, view, key, NULL);
  g_object_set_data (G_OBJECT (view), "imp-inline", GINT_TO_POINTER (TRUE));
  watch_text_field (self, view);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (sentence_key_pressed_cb), self, 0);
  gtk_widget_add_controller (view, keys);
}

/* Makes @row, a combo row of a page, the choice @key. */
static void
setup_combo (ImpInspector *self,
             GtkWidget    *row,
             const char   *key)
{
  register_field (self, row, key, NULL);
  g_object_set_data (G_OBJECT (row), "imp-inline", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_selected_cb), self, 0);
}

static GtkWidget *
add_entry (ImpInspector *self,
           GtkWidget    *group,
           GtkWidget    *feedback,
           const char   *key,
           const char   *title,
           const char   *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* No apply button: a field commits when focus leaves it or on Enter, and
   * a button inside the row would take the focus of Tab without leaving
   * the field. */
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  setup_entry (self, row, key, text);

  return row;
}

static GtkWidget *
add_combo (ImpInspector      *self,
           GtkWidget         *group,
           GtkWidget         *feedback,
           const char        *key,
           const char        *title,
           const char *const *names,
           guint              selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (model, _(names[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  setup_combo (self, row, key);

  return row;
}

static GtkWidget *
add_text_view (ImpInspector *self,
               GtkWidget    *box,
               GtkWidget    *feedback,
               const char   *key,
               const char   *text)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);
  g_object_set_data_full (G_OBJECT (view), "imp-base", g_strdup (text != NULL ? text : ""),
                          g_free);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  /* Named as the group above it is titled. */
  imp_a11y_set_label (view, g_str_equal (key, "notes") ? _("Notes") : _("Evidence"));
  register_field (self, view, key, feedback);
  watch_text_field (self, view);
  gtk_box_append (GTK_BOX (box), frame);

  return view;
}

static GtkWidget *
add_info_row (GtkWidget  *group,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
copy_clicked_cb (GtkButton    *button,
                 ImpInspector *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "imp-text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static void
add_copy_button (ImpInspector *self,
                 GtkWidget    *row,
                 const char   *text)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy"));
  g_object_set_data_full (G_OBJECT (button), "imp-text", g_strdup (text), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (copy_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
select_row_activated_cb (AdwActionRow *row,
                         ImpInspector *self)
{
  ImpNode *node = g_object_get_data (G_OBJECT (row), "imp-node");

  /* The row may outlive its node by one idle: check it is still there. */
  if (self->selection == NULL || self->map == NULL || node == NULL ||
      imp_map_get_node_index (self->map, node) < 0)
    return;

  self->selecting = TRUE;
  imp_selection_select (self->selection, node);
  self->selecting = FALSE;
}

static GtkWidget *
add_select_row (ImpInspector *self,
                GtkWidget    *group,
                ImpNode      *node,
                const char   *title,
                const char   *subtitle)
{
  GtkWidget *row = add_info_row (group, title, subtitle);

  g_object_set_data (G_OBJECT (row), "imp-node", node);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (select_row_activated_cb), self, 0);

  return row;
}

static const char *
level_name (ImpInspector *self,
            ImpLevel      level)
{
  return imp_vocabulary_level_name (imp_map_get_vocabulary (self->map), level);
}

static void add_votes_suffix (GtkWidget *row,
                              ImpNode   *node);

/* What a workshop round voted for, most votes first; nothing when no card
 * holds a vote. */
static void
build_votes (ImpInspector *self,
             GtkWidget    *box)
{
  g_autoptr(GPtrArray) voted = imp_analysis_rank_by_votes (self->map);
  GtkWidget *group;

  if (voted->len == 0)
    return;

  group = add_group (box, _("Dot Votes"),
                     _("The cards this round voted for. Select one to find it."));
  for (guint i = 0; i < voted->len; i++)
    {
      ImpNode *node = g_ptr_array_index (voted, i);
      GtkWidget *row = add_select_row (self, group, node, node->title,
                                       level_name (self, node->level));

      g_hash_table_replace (self->map_rows, g_strdup_printf ("voted-%u", i), row);
      add_votes_suffix (row, node);
    }
}

static void
diagnosis_row_activated_cb (GtkListBoxRow *row,
                            ImpInspector  *self)
{
  GPtrArray *chain = g_object_get_data (G_OBJECT (row), "imp-chain");
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  if (self->selection == NULL || self->map == NULL || chain == NULL)
    return;
  for (guint i = 0; i < chain->len; i++)
    if (imp_map_get_node_index (self->map, chain->pdata[i]) >= 0)
      g_ptr_array_add (nodes, chain->pdata[i]);

  self->selecting = TRUE;
  imp_selection_set_nodes (self->selection, nodes);
  self->selecting = FALSE;
}

/* Where each tracked chain broke (imp-tracking.c); a row selects its
 * chain. Nothing on a map that tracks nothing. */
static void
build_diagnosis (ImpInspector *self,
                 GtkWidget    *box)
{
  g_autoptr(GPtrArray) diagnoses = NULL;
  g_autoptr(GPtrArray) proxies = NULL;
  GtkWidget *group;

  if (!imp_tracking_map_has_tracking (self->map))
    return;

  diagnoses = imp_tracking_diagnose (self->map);
  proxies = imp_tracking_proxy_lines (self->map);
  group = add_group (box, _("Diagnosis"),
                     _("Where each chain from shipped work to a goal holds or broke, from the "
                       "readings. Select one to select its chain."));
  for (guint i = 0; i < MIN (diagnoses->len, 200); i++)
    {
      const ImpDiagnosis *d = g_ptr_array_index (diagnoses, i);
      g_autofree char *chain_text = imp_tracking_chain_text (&d->chain);
      GtkWidget *row = add_info_row (group, d->message, chain_text);
      GPtrArray *chain = g_ptr_array_new ();
      static const char * const icons[] = {
        "content-loading-symbolic", "action-unavailable-symbolic", "dialog-warning-symbolic",
        "dialog-warning-symbolic", "emblem-ok-symbolic", "dialog-question-symbolic",
      };

      g_ptr_array_add (chain, d->chain.deliverable);
      g_ptr_array_add (chain, d->chain.impact);
      if (d->chain.actor != NULL)
        g_ptr_array_add (chain, d->chain.actor);
      g_ptr_array_add (chain, d->chain.goal);
      g_object_set_data_full (G_OBJECT (row), "imp-chain", chain,
                              (GDestroyNotify) g_ptr_array_unref);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (icons[d->kind]));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (diagnosis_row_activated_cb), self, 0);
      g_hash_table_replace (self->map_rows, g_strdup_printf ("diagnosis-%u", i), row);
    }
  for (guint i = 0; i < proxies->len; i++)
    add_info_row (group, g_ptr_array_index (proxies, i), _("Proxy evidence"));
}

/* The selection page */

static char *
describe_metric_state (ImpInspector    *self,
                       const ImpMetric *metric)
{
  ImpMetricState state = imp_analysis_get_metric_state (metric, &self->today);
  GDate deadline;
  g_autofree char *when = NULL;

  if (imp_analysis_parse_date (metric->deadline, &deadline))
    {
      int days = g_date_days_between (&self->today, &deadline);

      if (days >= 0)
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deadline %s, %d day left",
                                             "Deadline %s, %d days left", days),
                                metric->deadline, days);
      else
        when = g_strdup_printf (_("Deadline %s has passed"), metric->deadline);
    }
  else
    when = g_strdup (_("No deadline"));

  switch (state)
    {
    case IMP_METRIC_STATE_REACHED:
      return g_strdup_printf (_("Target reached · %s"), when);
    case IMP_METRIC_STATE_OVERDUE:
      return g_strdup_printf (_("Overdue: target not reached · %s"), when);
    case IMP_METRIC_STATE_OFF_TRACK:
      return g_strdup_printf (_("Off track: moving away from the target · %s"), when);
    case IMP_METRIC_STATE_ON_TRACK:
      return g_strdup_printf (_("On track · %s"), when);
    case IMP_METRIC_STATE_AT_RISK:
      /* Translators: %s is the deadline and the days left */
      return g_strdup_printf (_("At risk: short of the target at this pace · %s"), when);
    case IMP_METRIC_STATE_UNKNOWN:
    default:
      if (!imp_metric_has_target (metric))
        return g_strdup_printf (_("Direction only: no target · %s"), when);
      return g_strdup_printf (_("No current value yet · %s"), when);
    }
}

static void
add_metric_clicked_cb (GtkButton    *button,
                       ImpInspector *self)
{
  g_autoptr(ImpMetric) metric = NULL;

  if (self->node == NULL || self->history == NULL)
    return;

  /* "Fewer complaints" gets a metric that should go down. */
  metric = imp_metric_new_for_title (self->node->title);
  imp_history_set_node_metric (self->history, self->node, metric);
}

static void
remove_metric_clicked_cb (GtkButton    *button,
                          ImpInspector *self)
{
  if (self->node != NULL && self->history != NULL)
    imp_history_set_node_metric (self->history, self->node, NULL);
}

static void
sync_progress_row (ImpInspector    *self,
                   GtkWidget       *row,
                   const ImpMetric *metric)
{
  double progress = imp_metric_get_progress (metric);
  g_autofree char *state = describe_metric_state (self, metric);
  GtkWidget *bar = g_object_get_data (G_OBJECT (row), "imp-bar");
  GtkWidget *percent = g_object_get_data (G_OBJECT (row), "imp-percent");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
  gtk_widget_set_visible (bar, isfinite (progress));
  gtk_widget_set_visible (percent, isfinite (progress));
  if (isfinite (progress))
    {
      g_autofree char *text = g_strdup_printf ("%d%%", (int) floor (progress * 100 + 0.5));

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (progress, 0, 1));
      gtk_label_set_text (GTK_LABEL (percent), text);
    }

  gtk_widget_remove_css_class (row, "warning");
  gtk_widget_remove_css_class (row, "success");
  switch (imp_analysis_get_metric_state (metric, &self->today))
    {
    case IMP_METRIC_STATE_OVERDUE:
    case IMP_METRIC_STATE_OFF_TRACK:
    case IMP_METRIC_STATE_AT_RISK:
      gtk_widget_add_css_class (row, "warning");
      break;
    case IMP_METRIC_STATE_REACHED:
      gtk_widget_add_css_class (row, "success");
      break;
    case IMP_METRIC_STATE_UNKNOWN:
    case IMP_METRIC_STATE_ON_TRACK:
    default:
      break;
    }
}

static void
sync_ice_score_row (ImpInspector *self)
{
  GtkWidget *row = g_hash_table_lookup (self->fields, "ice-score");
  ImpNode *node = self->node;
  g_autofree char *score = NULL;

  if (row == NULL || node == NULL)
    return;

  if (imp_ice_is_set (&node->ice))
    score = g_strdup_printf (_("%u (%u × %u × %u)"), imp_ice_get_score (&node->ice),
                             node->ice.impact, node->ice.confidence, node->ice.ease);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               score != NULL ? score : _("Not scored yet"));
}

static void
build_metric (ImpInspector *self,
              GtkWidget    *box)
{
  ImpNode *node = self->node;
  const ImpMetric *metric = node->metric;
  GtkWidget *group, *feedback, *row, *button;

  if (metric == NULL)
    {
      group = add_group (box, _("Metric"),
                         _("How you will know it moved: a name, a baseline, a target and "
                           "a deadline."));
      button = gtk_button_new_with_mnemonic (_("_Add Metric"));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_signal_connect_object (button, "clicked", G_CALLBACK (add_metric_clicked_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
      return;
    }

  group = add_group (box, _("Metric"), NULL);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Metric"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_metric_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  feedback = add_feedback (box);

  {
    GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
    GtkWidget *percent = gtk_label_new (NULL);

    row = add_info_row (group, _("Progress"), NULL);
    gtk_widget_set_size_request (bar, 72, -1);
    gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
    /* The bar's value is the percent beside it. */
    imp_a11y_set_label (bar, _("Progress"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent);
    g_object_set_data (G_OBJECT (row), "imp-bar", bar);
    g_object_set_data (G_OBJECT (row), "imp-percent", percent);
    sync_progress_row (self, row, metric);
    register_field (self, row, "metric-progress", NULL);
  }

  {
    g_autofree char *baseline = imp_selection_properties_format_number (metric->baseline);
    g_autofree char *current = imp_selection_properties_format_number (metric->current);
    g_autofree char *target = imp_selection_properties_format_number (metric->target);

    add_entry (self, group, feedback, "metric-name", _("Name"), metric->name);
    add_entry (self, group, feedback, "metric-unit", _("Unit"), metric->unit);
    add_entry (self, group, feedback, "metric-baseline", _("Baseline"), baseline);
    add_entry (self, group, feedback, "metric-current", _("Current"), current);
    add_entry (self, group, feedback, "metric-target", _("Target"), target);
    add_combo (self, group, feedback, "metric-direction", _("Direction"), direction_names,
               metric->direction);
    add_entry (self, group, feedback, "metric-deadline", _("Deadline (YYYY-MM-DD)"),
               metric->deadline);
    add_combo (self, group, feedback, "metric-indicator", _("Indicator"), indicator_names,
               metric->indicator);
  }

  if (self->history != NULL)
    gtk_box_append (GTK_BOX (box), imp_readings_panel_new (self->history, node, &self->today));
}

/* Loads the page fragment @name (a .ui in the GResource) with the adapter
 * exposed as "props" for its bindings. */
static GtkBuilder *
load_page (ImpInspector *self,
           const char   *name)
{
  GtkBuilder *builder = gtk_builder_new ();
  g_autofree char *path = g_strconcat ("/io/github/impactmapper/ImpactMapper/", name, NULL);
  g_autoptr(GError) error = NULL;

  g_type_ensure (IMP_TYPE_SELECTION_PROPERTIES);
  gtk_builder_expose_object (builder, "props", G_OBJECT (self->props));
  if (!gtk_builder_add_from_resource (builder, path, &error))
    g_error ("The inspector page %s does not build: %s", name, error->message);

  return builder;
}

static void
build_ice (ImpInspector *self,
           GtkWidget    *box)
{
  g_autoptr(GtkBuilder) builder = load_page (self, "imp-inspector-ice.ui");
  static const struct { const char *id; const char *key; } fields[] = {
    { "ice_impact", "ice-impact" },
    { "ice_confidence", "ice-confidence" },
    { "ice_ease", "ice-ease" },
  };
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (gtk_builder_get_object (builder, "ice_group")));
  /* Where a refused choice would be explained; a text field explains
   * itself in a row under it. */
  add_feedback (box);

  register_field (self, GTK_WIDGET (gtk_builder_get_object (builder, "ice_score")),
                  "ice-score", NULL);
  sync_ice_score_row (self);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = imp_selection_properties_dup_text (self->props, fields[i].key);
      GtkWidget *row = GTK_WIDGET (gtk_builder_get_object (builder, fields[i].id));

      setup_entry (self, row, fields[i].key, text);
    }
}

static void
add_experiment_clicked_cb (GtkButton    *button,
                           ImpInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (self->node == NULL || self->history == NULL)
    return;

  if (imp_history_add_node (self->history, self->node, -1, IMP_LEVEL_EXPERIMENT,
                            _("New experiment"), &error) == NULL)
    g_warning ("Could not add an experiment: %s", error->message);
}

static void
remove_experiment_clicked_cb (GtkButton    *button,
                              ImpInspector *self)
{
  ImpNode *child = g_object_get_data (G_OBJECT (button), "imp-node");

  if (self->history != NULL && child != NULL && imp_map_get_node_index (self->map, child) >= 0)
    imp_history_delete_nodes (self->history, &child, 1);
}

static char *
describe_experiment (const ImpNode *node)
{
  const ImpExperiment *e = node->experiment;

  if (e == NULL)
    return g_strdup (_("No details yet"));

  if (e->status == IMP_EXPERIMENT_DONE)
    /* TRANSLATORS: kind · aspect · result, "Fake door · Validity · Supports" */
    return g_strdup_printf (_("%s · %s · %s"), _(kind_names[e->kind]), _(aspect_names[e->aspect]),
                            _(result_names[e->result]));

  return g_strdup_printf (_("%s · %s · %s"), _(kind_names[e->kind]), _(aspect_names[e->aspect]),
                          _(status_names[e->status]));
}

static void
build_experiments (ImpInspector *self,
                   GtkWidget    *box)
{
  ImpNode *node = self->node;
  GtkWidget *group, *button;
  guint supports, refutes, n = 0;
  const char *verdict;

  switch (imp_analysis_get_verdict (node, &supports, &refutes))
    {
    case IMP_VERDICT_ELIMINATED:
      verdict = _("Eliminated: its experiments refute it.");
      break;
    case IMP_VERDICT_BOOSTED:
      verdict = _("Boosted: its experiments support it.");
      break;
    case IMP_VERDICT_MIXED:
      verdict = _("Mixed evidence: some experiments support it, some refute it.");
      break;
    case IMP_VERDICT_NONE:
    default:
      verdict = _("No finished experiment has a result yet.");
      break;
    }

  group = add_group (box, level_name (self, IMP_LEVEL_EXPERIMENT), verdict);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add Experiment"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_experiment_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  register_field (self, button, "add-experiment", NULL);

  for (guint i = 0; i < node->children->len; i++)
    {
      ImpNode *child = imp_node_get_child (node, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *remove;

      if (child->level != IMP_LEVEL_EXPERIMENT)
        continue;

      subtitle = describe_experiment (child);
      row = add_select_row (self, group, child, child->title, subtitle);
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Experiment"));
      g_object_set_data (G_OBJECT (remove), "imp-node", child);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_experiment_clicked_cb),
                               self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      n++;
    }

  if (n == 0)
    add_info_row (group, _("No experiments"),
                  _("Test whether it is worth building before you build it."));
}

static void
build_litmus (ImpInspector *self,
              GtkWidget    *box)
{
  g_autoptr(GArray) chains = imp_analysis_get_chains (self->node);
  GtkWidget *group;

  group = add_group (box, _("Connecting the Dots"), NULL);
  if (chains->len == 0)
    {
      GtkWidget *row = add_info_row (group, _("No chain up to a goal"),
                                     _("Link it under an impact so it reads as a sentence."));
      gtk_widget_add_css_class (row, "warning");
    }

  for (guint i = 0; i < chains->len; i++)
    {
      const ImpChain *chain = &g_array_index (chains, ImpChain, i);
      g_autofree char *sentence = imp_analysis_chain_sentence_for_display (chain);
      GtkWidget *row = add_info_row (group, sentence,
                                     chain->refuted ? _("A link on this chain is refuted")
                                                    : NULL);

      add_copy_button (self, row, sentence);
      if (chain->refuted)
        gtk_widget_add_css_class (row, "warning");
    }
}

static void
build_hmw (ImpInspector *self,
           GtkWidget    *box)
{
  g_autoptr(GPtrArray) prompts = imp_analysis_get_hmw_prompts (self->node);
  GtkWidget *group = add_group (box, _("How Might We"),
                                _("Reframe the impact as a question for ideation."));

  for (guint i = 0; i < prompts->len; i++)
    {
      const char *prompt = g_ptr_array_index (prompts, i);
      GtkWidget *row = add_info_row (group, prompt, NULL);

      add_copy_button (self, row, prompt);
    }
}

static void
build_experiment_payload (ImpInspector *self,
                          GtkWidget    *box)
{
  ImpNode *node = self->node;
  g_autoptr(ImpExperiment) e = copy_experiment (node);
  GtkWidget *group, *feedback, *row, *notes_feedback;

  group = add_group (box, _("Test"), NULL);
  feedback = add_feedback (box);
  add_combo (self, group, feedback, "exp-kind", _("Kind"), kind_names, e->kind);
  add_combo (self, group, feedback, "exp-aspect", _("Tests"), aspect_names, e->aspect);
  add_combo (self, group, feedback, "exp-status", _("Status"), status_names, e->status);
  row = add_combo (self, group, feedback, "exp-result", _("Result"), result_names, e->result);
  gtk_widget_set_sensitive (row, e->status == IMP_EXPERIMENT_DONE);
  add_entry (self, group, feedback, "exp-start", _("Start (YYYY-MM-DD)"), e->start_date);
  add_entry (self, group, feedback, "exp-end", _("End (YYYY-MM-DD)"), e->end_date);

  add_group (box, _("Evidence"), _("What you saw, measured or heard."));
  notes_feedback = add_feedback (box);
  add_text_view (self, box, notes_feedback, "exp-evidence", e->evidence);
}

static void
build_related (ImpInspector *self,
               GtkWidget    *box)
{
  switch (self->node->level)
    {
    case IMP_LEVEL_IMPACT:
      build_hmw (self, box);
      break;
    case IMP_LEVEL_DELIVERABLE:
      build_experiments (self, box);
      build_litmus (self, box);
      break;
    case IMP_LEVEL_GOAL:
    case IMP_LEVEL_ACTOR:
    case IMP_LEVEL_EXPERIMENT:
    default:
      break;
    }
}

/* Another card or link changed: the card's page stays, and only what it
 * shows about the others is made again. */
static void
refresh_related (ImpInspector *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->related_source, g_source_remove);

  if (self->related_box == NULL || self->node == NULL || self->selection_source != 0)
    return;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (self->related_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->related_box), child);
  build_related (self, self->related_box);
  self->building = FALSE;
}

static gboolean
refresh_related_idle_cb (gpointer data)
{
  ImpInspector *self = data;

  self->related_source = 0;
  refresh_related (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh_related (ImpInspector *self)
{
  if (self->related_source == 0 && self->related_box != NULL)
    self->related_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_related_idle_cb,
                                            self, NULL);
}

static void
build_node (ImpInspector *self,
            GtkWidget    *box)
{
  ImpNode *node = self->node;
  ImpVocabulary vocabulary = imp_map_get_vocabulary (self->map);
  const char *levels[IMP_N_LEVELS + 1];
  GtkWidget *group, *feedback, *notes_feedback;

  for (guint i = 0; i < IMP_N_LEVELS; i++)
    levels[i] = imp_vocabulary_level_name (vocabulary, i);
  levels[IMP_N_LEVELS] = NULL;

  group = add_group (box, level_name (self, node->level), NULL);
  feedback = add_feedback (box);
  add_entry (self, group, feedback, "title", _("Title"), node->title);
  /* The names are translated already; add_combo translates again, which
   * leaves a translated string alone. */
  add_combo (self, group, feedback, "level", _("Level"), levels, node->level);

  switch (node->level)
    {
    case IMP_LEVEL_GOAL:
    case IMP_LEVEL_IMPACT:
      build_metric (self, box);
      if (node->level == IMP_LEVEL_GOAL && self->history != NULL)
        gtk_box_append (GTK_BOX (box), imp_primary_goal_group_new (self->history, node));
      break;
    case IMP_LEVEL_DELIVERABLE:
      build_ice (self, box);
      if (self->history != NULL)
        {
          GtkWidget *delivery_feedback = gtk_label_new (NULL);

          gtk_label_set_wrap (GTK_LABEL (delivery_feedback), TRUE);
          gtk_label_set_xalign (GTK_LABEL (delivery_feedback), 0);
          gtk_widget_add_css_class (delivery_feedback, "error");
          gtk_widget_add_css_class (delivery_feedback, "caption");
          gtk_widget_set_visible (delivery_feedback, FALSE);
          gtk_box_append (GTK_BOX (box), imp_delivery_group_new (self->history, node,
                                                                 &self->today,
                                                                 delivery_feedback));
          gtk_box_append (GTK_BOX (box), delivery_feedback);
        }
      break;
    case IMP_LEVEL_EXPERIMENT:
      build_experiment_payload (self, box);
      break;
    case IMP_LEVEL_ACTOR:
    default:
      break;
    }

  /* What other cards and links decide (experiments, chains, prompts) is
   * refilled on its own when they change, leaving the fields alone. */
  self->related_box = gtk_box_new (GTK_ORIENTATION_VERTICAL,
                                   gtk_box_get_spacing (GTK_BOX (box)));
  gtk_box_append (GTK_BOX (box), self->related_box);
  build_related (self, self->related_box);

  add_group (box, _("Notes and Evidence"), NULL);
  notes_feedback = add_feedback (box);
  add_text_view (self, box, notes_feedback, "notes", node->notes);
}

/* The link's page is a template (imp-inspector-link.ui) whose choices are
 * bound to the adapter. */
static void
build_link (ImpInspector *self,
            GtkWidget    *box)
{
  g_autoptr(GtkBuilder) builder = load_page (self, "imp-inspector-link.ui");
  GtkWidget *group, *refuted;

  group = GTK_WIDGET (gtk_builder_get_object (builder, "link_group"));
  gtk_box_append (GTK_BOX (box), group);
  self->link_group = group;
  sync_link_group (self);
  add_feedback (box);

  setup_sentence (self, GTK_WIDGET (gtk_builder_get_object (builder, "link_assumption")),
                  "link-assumption", self->link->assumption, _("Assumption"));
  setup_combo (self, GTK_WIDGET (gtk_builder_get_object (builder, "link_confidence")),
               "link-confidence");
  setup_combo (self, GTK_WIDGET (gtk_builder_get_object (builder, "link_status")),
               "link-status");

  refuted = GTK_WIDGET (gtk_builder_get_object (builder, "link_refuted_group"));
  gtk_widget_set_visible (refuted, self->link->status == IMP_LINK_STATUS_REFUTED);
  gtk_box_append (GTK_BOX (box), refuted);
}

static GtkWidget *
find_field_focus (ImpInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (field_key (focus) != NULL)
      return focus;

  return NULL;
}

static void
rebuild_selection_content (ImpInspector *self)
{
  GtkWidget *box = GTK_WIDGET (self->selection_box);
  GtkWidget *child, *focused;
  g_autofree char *focus_key = NULL;
  int focus_position = -1;

  g_clear_handle_id (&self->selection_source, g_source_remove);

  focused = find_field_focus (self);
  if (focused != NULL && gtk_widget_is_ancestor (focused, box))
    {
      ImpNode *node;
      ImpLink *link;

      /* Focus comes back to the same field of the same card only. */
      field_get_owner (focused, &node, &link);
      if (node == self->node && link == self->link)
        {
          focus_key = g_strdup (field_key (focused));
          if (is_text_field (focused))
            focus_position = field_get_position (focused);
        }
    }

  /* What the fields hold that the model does not survives the rebuild. */
  stash_fields (self);

  /* Whatever had focus on the old page goes away: leave focus with the
   * window (so that Ctrl+Z undoes the map) rather than let GTK hand it to
   * the first entry of the new page. That is no reason to commit. */
  self->rebuilding = TRUE;
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, box))
      gtk_root_set_focus (root, NULL);
  }
  self->rebuilding = FALSE;

  self->building = TRUE;

  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->feedback);
  g_clear_handle_id (&self->related_source, g_source_remove);
  self->related_box = NULL;
  self->link_group = NULL;
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  /* Keep the map page's fields findable. */
  register_field (self, GTK_WIDGET (self->map_title_row), "map-title",
                  GTK_WIDGET (self->map_feedback));
  register_field (self, GTK_WIDGET (self->vocabulary_row), "vocabulary",
                  GTK_WIDGET (self->map_feedback));

  if (self->map == NULL)
    {
      self->building = FALSE;
      return;
    }

  if (self->node != NULL)
    {
      g_autofree char *proposed_by = imp_combine_dup_proposed_by (self->node);

      build_node (self, box);
      /* A combined map's card: the breakout maps that proposed it. */
      if (proposed_by != NULL)
        {
          GtkWidget *group = add_group (box, _("Proposed By"), NULL);
          GtkWidget *row = add_info_row (group, proposed_by, NULL);

          gtk_widget_set_name (row, "proposed-by");
        }
      if (self->selection != NULL && imp_selection_get_n_nodes (self->selection) > 1)
        {
          g_autofree char *more = NULL;
          guint n = imp_selection_get_n_nodes (self->selection);

          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card selected; showing one",
                                               "%u cards selected; showing one", n), n);
          gtk_box_prepend (GTK_BOX (box), gtk_label_new (more));
        }
    }
  else if (self->link != NULL)
    {
      build_link (self, box);
    }
  else
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Select a card or a link to edit it here. The Map "
                                         "page shows the whole map’s health."));
      gtk_widget_add_css_class (status, "compact");
      gtk_box_append (GTK_BOX (box), status);
    }

  self->building = FALSE;

  if (self->node != NULL)
    {
      self->built_level = self->node->level;
      self->built_metric = self->node->metric != NULL;
    }
  self->built_refuted = self->link != NULL && self->link->status == IMP_LINK_STATUS_REFUTED;

  restore_fields (self);

  /* A new card's page starts at its top. */
  if (self->scroll_to_top)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW);

      self->scroll_to_top = FALSE;
      if (scrolled != NULL)
        gtk_adjustment_set_value (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
    }

  if (focus_key != NULL)
    {
      GtkWidget *row = g_hash_table_lookup (self->fields, focus_key);

      if (row != NULL)
        {
          gtk_widget_grab_focus (row);
          /* Not everything selected, as a new focus would: the next key
           * goes on with what was typed. */
          if (focus_position >= 0 && is_text_field (row))
            field_set_position (row, focus_position);
        }
    }
}

/* The map page */

/* The long lists of the map page (findings, deliverables, prompts) are
 * list views over a store of items, each in a scrolled window of its own:
 * rows are made only for what scrolls into view and are reused, so a map
 * of thousands of cards costs a screenful of rows. A changed map replaces
 * the items; the views, their groups and their scroll positions stay. */

enum {
  LIST_HEALTH,
  LIST_RANKED,
  LIST_HMW,
  N_LISTS
};

static const char * const list_keys[N_LISTS] = { "health", "ranked", "hmw" };

/* About how tall a row is, and how tall a list grows before it scrolls. */
static const guint list_row_height[N_LISTS] = { 64, 84, 56 };
#define LIST_MAX_HEIGHT 360

static guint
list_of_factory (ImpInspector       *self,
                 GtkListItemFactory *factory)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i].factory == factory)
      return i;

  g_assert_not_reached ();
}

static void
select_item_node (ImpInspector *self,
                  ImpNode      *node)
{
  /* The row may outlive its node by one idle: check it is still there. */
  if (self->selection == NULL || self->map == NULL || node == NULL ||
      imp_map_get_node_index (self->map, node) < 0)
    return;

  self->selecting = TRUE;
  imp_selection_select (self->selection, node);
  self->selecting = FALSE;
}

static void
list_row_activated_cb (AdwActionRow *row,
                       ImpInspector *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "imp-list-item");
  ImpInspectorItem *entry = item != NULL ? gtk_list_item_get_item (item) : NULL;

  if (entry != NULL)
    select_item_node (self, imp_inspector_item_get_node (entry));
}

static void
list_view_activate_cb (GtkListView  *view,
                       guint         position,
                       ImpInspector *self)
{
  g_autoptr(ImpInspectorItem) entry =
    g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (entry != NULL)
    select_item_node (self, imp_inspector_item_get_node (entry));
}

static void
list_copy_clicked_cb (GtkButton    *button,
                      ImpInspector *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "imp-list-item");
  ImpInspectorItem *entry = item != NULL ? gtk_list_item_get_item (item) : NULL;

  if (entry == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          imp_inspector_item_get_text (entry));
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static void
list_setup_cb (GtkListItemFactory *factory,
               GtkListItem        *item,
               ImpInspector       *self)
{
  guint list = list_of_factory (self, factory);
  GtkWidget *row = adw_action_row_new ();

  g_object_set_data (G_OBJECT (row), "imp-list-item", item);
  gtk_list_item_set_child (item, row);

  if (list == LIST_HMW)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_list_item_set_activatable (item, FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Copy"));
      g_object_set_data (G_OBJECT (button), "imp-list-item", item);
      g_signal_connect_object (button, "clicked", G_CALLBACK (list_copy_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      return;
    }

  {
    GtkWidget *prefix = gtk_image_new ();

    g_object_set_data (G_OBJECT (row), "imp-prefix", prefix);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  }

  if (list == LIST_RANKED)
    {
      GtkWidget *score = gtk_label_new (NULL);
      GtkWidget *votes = gtk_label_new (NULL);

      gtk_widget_add_css_class (votes, "accent");
      g_object_set_data (G_OBJECT (row), "imp-score", score);
      g_object_set_data (G_OBJECT (row), "imp-votes", votes);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), score);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), votes);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (list_row_activated_cb), self, 0);
}

static void
bind_ranked_row (GtkWidget        *row,
                 ImpInspectorItem *entry)
{
  ImpNode *node = imp_inspector_item_get_node (entry);
  g_autoptr(GPtrArray) sentences = imp_analysis_get_display_sentences (node);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *score = g_object_get_data (G_OBJECT (row), "imp-score");
  GtkWidget *votes = g_object_get_data (G_OBJECT (row), "imp-votes");
  GtkWidget *prefix = g_object_get_data (G_OBJECT (row), "imp-prefix");
  const char *icon = NULL;
  ImpStanding standing;

  if (imp_inspector_item_get_rank (entry) > 0)
    title = g_strdup_printf ("%u. %s", imp_inspector_item_get_rank (entry), node->title);
  else
    title = g_strdup (node->title);

  g_ptr_array_add (sentences, NULL);
  subtitle = sentences->len > 1 ? g_strjoinv ("\n", (char **) sentences->pdata)
                                 : g_strdup (_("No chain up to a goal"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  standing = imp_analysis_get_standing (node);
  if (standing == IMP_STANDING_LIVE && (node->delivery.status == IMP_DELIVERY_SHIPPED ||
                                        node->delivery.status == IMP_DELIVERY_DROPPED))
    {
      /* Done with: shipped or dropped work is listed apart, unranked. */
      gtk_label_set_text (GTK_LABEL (score), imp_delivery_status_display_name (node->delivery.status));
      gtk_widget_remove_css_class (score, "heading");
      gtk_widget_add_css_class (score, "dim-label");
    }
  else if (standing != IMP_STANDING_LIVE)
    {
      /* Set aside: the status takes the place of the score, so that no
       * one reads an eliminated deliverable as a candidate. */
      gtk_label_set_text (GTK_LABEL (score), standing == IMP_STANDING_ELIMINATED
                                             ? _("Eliminated") : _("Refuted"));
      gtk_widget_remove_css_class (score, "heading");
      gtk_widget_add_css_class (score, "dim-label");
    }
  else if (imp_ice_is_set (&node->ice))
    {
      g_autofree char *text = g_strdup_printf (_("ICE %u"), imp_ice_get_score (&node->ice));

      gtk_label_set_text (GTK_LABEL (score), text);
      gtk_widget_remove_css_class (score, "dim-label");
      gtk_widget_add_css_class (score, "heading");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (score), _("Not scored"));
      gtk_widget_remove_css_class (score, "heading");
      gtk_widget_add_css_class (score, "dim-label");
    }

  if (node->votes > 0)
    {
      /* Translators: dot votes a deliverable got in a workshop */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote",
                                                            "%u votes", node->votes),
                                               node->votes);

      gtk_label_set_text (GTK_LABEL (votes), text);
    }
  gtk_widget_set_visible (votes, node->votes > 0);

  switch (standing == IMP_STANDING_REFUTED ? IMP_VERDICT_ELIMINATED
                                            : imp_analysis_get_verdict (node, NULL, NULL))
    {
    case IMP_VERDICT_ELIMINATED:
      icon = "action-unavailable-symbolic";
      break;
    case IMP_VERDICT_BOOSTED:
      icon = "emblem-ok-symbolic";
      break;
    case IMP_VERDICT_MIXED:
    case IMP_VERDICT_NONE:
    default:
      break;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (prefix), icon);
  gtk_widget_set_visible (prefix, icon != NULL);
}

static void
list_bind_cb (GtkListItemFactory *factory,
              GtkListItem        *item,
              ImpInspector       *self)
{
  guint list = list_of_factory (self, factory);
  ImpInspectorItem *entry = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  guint position = gtk_list_item_get_position (item);

  switch (list)
    {
    case LIST_HEALTH:
      {
        ImpFindingKind kind = imp_inspector_item_get_kind (entry);
        GtkWidget *prefix = g_object_get_data (G_OBJECT (row), "imp-prefix");
        gboolean blocked = kind == IMP_FINDING_REFUTED_LINK ||
                           kind == IMP_FINDING_DOWNSTREAM_OF_REFUTED ||
                           kind == IMP_FINDING_ELIMINATED;

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                       imp_inspector_item_get_text (entry));
        gtk_image_set_from_icon_name (GTK_IMAGE (prefix),
                                      blocked ? "action-unavailable-symbolic"
                                              : "dialog-warning-symbolic");
      }
      break;
    case LIST_RANKED:
      bind_ranked_row (row, entry);
      break;
    case LIST_HMW:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     imp_inspector_item_get_text (entry));
      break;
    default:
      g_assert_not_reached ();
    }

  /* Tests and keyboard focus find a row by "@key-N" while it is shown. */
  {
    char *key = g_strdup_printf ("%s-%u", list_keys[list], position);

    g_object_set_data_full (G_OBJECT (row), "imp-list-key", g_strdup (key), g_free);
    g_hash_table_replace (self->map_rows, key, row);
  }
}

static void
list_unbind_cb (GtkListItemFactory *factory,
                GtkListItem        *item,
                ImpInspector       *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  const char *key = g_object_get_data (G_OBJECT (row), "imp-list-key");

  /* By the key it was bound under: the item may have moved since. */
  if (key != NULL && g_hash_table_lookup (self->map_rows, key) == row)
    g_hash_table_remove (self->map_rows, key);
  g_object_set_data (G_OBJECT (row), "imp-list-key", NULL);
}

static void
init_list (ImpInspector *self,
           guint         list)
{
  MapList *l = &self->lists[list];
  g_autoptr(GtkNoSelection) model = NULL;

  l->store = g_list_store_new (IMP_TYPE_INSPECTOR_ITEM);
  l->factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (l->factory, "setup", G_CALLBACK (list_setup_cb), self, 0);
  g_signal_connect_object (l->factory, "bind", G_CALLBACK (list_bind_cb), self, 0);
  g_signal_connect_object (l->factory, "unbind", G_CALLBACK (list_unbind_cb), self, 0);

  model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (l->store)));
  gtk_list_view_set_model (l->view, GTK_SELECTION_MODEL (model));
  gtk_list_view_set_factory (l->view, l->factory);
  g_signal_connect_object (l->view, "activate", G_CALLBACK (list_view_activate_cb), self, 0);
}

/* Replaces what @list shows with @items (transfer full), in one change. */
static void
fill_list (ImpInspector *self,
           guint         list,
           GPtrArray    *items)
{
  MapList *l = &self->lists[list];
  g_autoptr(GPtrArray) owned = items;

  g_list_store_splice (l->store, 0, g_list_model_get_n_items (G_LIST_MODEL (l->store)),
                       owned->pdata, owned->len);
  gtk_widget_set_visible (l->empty, owned->len == 0);
  gtk_widget_set_visible (l->scrolled, owned->len > 0);

  /* A list view asks for the height of one row: give it room for a few,
   * and scroll past that. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (l->scrolled),
                                              MIN (owned->len * list_row_height[list],
                                                   LIST_MAX_HEIGHT));
}

static void
clear_lists (ImpInspector *self)
{
  for (guint i = 0; i < N_LISTS; i++)
    fill_list (self, i, g_ptr_array_new ());
}

/* Dot votes of a workshop, beside the ICE score. */
static void
add_votes_suffix (GtkWidget *row,
                  ImpNode   *node)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (node->votes == 0)
    return;

  /* Translators: dot votes a deliverable got in a workshop */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", node->votes),
                          node->votes);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
build_deliverables (ImpInspector *self)
{
  g_autoptr(GPtrArray) ranked = imp_analysis_rank_deliverables (self->map);
  GPtrArray *items = g_ptr_array_new_full (ranked->len, g_object_unref);
  guint n = imp_map_get_n_nodes (self->map);

  for (guint i = 0; i < ranked->len; i++)
    {
      ImpNode *node = g_ptr_array_index (ranked, i);

      g_ptr_array_add (items, imp_inspector_item_new (node, NULL, 0,
                                                      imp_ice_is_set (&node->ice) ? i + 1 : 0));
    }

  /* The unscored follow the ranked ones, in map order. */
  for (guint i = 0; i < n; i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);

      /* Shipped and dropped ones are set aside, below. */
      if (node->level == IMP_LEVEL_DELIVERABLE && !imp_ice_is_set (&node->ice) &&
          imp_analysis_get_standing (node) == IMP_STANDING_LIVE &&
          node->delivery.status != IMP_DELIVERY_SHIPPED &&
          node->delivery.status != IMP_DELIVERY_DROPPED)
        g_ptr_array_add (items, imp_inspector_item_new (node, NULL, 0, 0));
    }

  /* Eliminated and refuted ones come last, apart and never ranked. */
  {
    g_autoptr(GPtrArray) aside = imp_analysis_list_set_aside (self->map);

    for (guint i = 0; i < aside->len; i++)
      g_ptr_array_add (items, imp_inspector_item_new (g_ptr_array_index (aside, i), NULL, 0, 0));
  }

  fill_list (self, LIST_RANKED, items);
}

static void
build_health (ImpInspector *self)
{
  g_autoptr(GPtrArray) findings = imp_analysis_find_problems (self->map, &self->today);
  g_autofree char *description = NULL;
  GPtrArray *items = g_ptr_array_new_full (findings->len, g_object_unref);

  if (findings->len > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u thing to look at. Select one to find it.",
                                                "%u things to look at. Select one to find it.",
                                                findings->len), findings->len);
  adw_preferences_group_set_description (self->lists[LIST_HEALTH].group, description);

  for (guint i = 0; i < findings->len; i++)
    {
      const ImpFinding *finding = g_ptr_array_index (findings, i);

      g_ptr_array_add (items, imp_inspector_item_new (finding->node, finding->message,
                                                      finding->kind, 0));
    }

  fill_list (self, LIST_HEALTH, items);
}

static void
build_all_hmw (ImpInspector *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < imp_map_get_n_nodes (self->map); i++)
    {
      ImpNode *node = imp_map_get_node (self->map, i);
      g_autoptr(GPtrArray) prompts = NULL;

      if (node->level != IMP_LEVEL_IMPACT)
        continue;

      prompts = imp_analysis_get_hmw_prompts (node);
      for (guint j = 0; j < prompts->len; j++)
        g_ptr_array_add (items, imp_inspector_item_new (node, g_ptr_array_index (prompts, j),
                                                        0, 0));
    }

  fill_list (self, LIST_HMW, items);
}

static gboolean
is_voted_row (gpointer key,
              gpointer value,
              gpointer user_data)
{
  return g_str_has_prefix (key, "voted-") || g_str_has_prefix (key, "diagnosis-");
}

/* The merge conflicts, above the map's health: what to settle first. */
static void
build_conflicts (ImpInspector *self)
{
  GtkWidget *health = GTK_WIDGET (self->lists[LIST_HEALTH].group);
  GtkWidget *page = gtk_widget_get_parent (health);
  GtkWidget *group;

  if (self->history == NULL || page == NULL || !GTK_IS_BOX (page))
    return;
  if ((group = _imp_inspector_conflicts_new (self->history, self->selection)) != NULL)
    {
      gtk_box_insert_child_after (GTK_BOX (page), group, gtk_widget_get_prev_sibling (health));
      g_object_set_data (G_OBJECT (self), "imp-conflicts-group", group);
    }
}

static void
clear_conflicts (ImpInspector *self)
{
  GtkWidget *group = g_object_get_data (G_OBJECT (self), "imp-conflicts-group");

  if (group != NULL)
    {
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (group)), group);
      g_object_set_data (G_OBJECT (self), "imp-conflicts-group", NULL);
    }
}

static void
rebuild_map_content (ImpInspector *self)
{
  GtkWidget *box = GTK_WIDGET (self->map_dynamic_box);
  GtkWidget *child;

  g_clear_handle_id (&self->map_source, g_source_remove);

  g_hash_table_foreach_remove (self->map_rows, is_voted_row, NULL);
  clear_conflicts (self);
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  self->map_lists_stale = TRUE;

  self->building = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_title_row), self->map != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->vocabulary_row), self->map != NULL);
  if (self->map != NULL)
    {
      /* Do not overwrite what is being typed. */
      if (!field_is_dirty (self, GTK_WIDGET (self->map_title_row)))
        field_sync (self, GTK_WIDGET (self->map_title_row),
                    imp_map_get_title (self->map) ? imp_map_get_title (self->map) : "");
      adw_combo_row_set_selected (self->vocabulary_row, imp_map_get_vocabulary (self->map));
    }
  self->building = FALSE;

  /* The lists are built when the page is shown: on a big map they are
   * what GTK spends most time measuring. Until then they hold nothing, so
   * no row points at a card that is gone. */
  if (self->map == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "map") != 0)
    {
      clear_lists (self);
      return;
    }

  self->map_lists_stale = FALSE;
  build_conflicts (self);
  build_health (self);
  build_deliverables (self);
  build_votes (self, box);
  build_diagnosis (self, box);
  gtk_box_append (GTK_BOX (box), imp_reviews_group_new (self->map, self->history != NULL));
  build_all_hmw (self);
}

static void
stack_page_notify_cb (ImpInspector *self)
{
  if (self->map_lists_stale && self->map_source == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "map") == 0)
    rebuild_map (self);
}

/* Rows made anew: GTK 4.8 would name some after their type. */
static void
rebuild_selection (ImpInspector *self)
{
  rebuild_selection_content (self);
  imp_a11y_repair (GTK_WIDGET (self));
}

static void
rebuild_map (ImpInspector *self)
{
  rebuild_map_content (self);
  imp_a11y_repair (GTK_WIDGET (self));
}

/* Following the model */

static gboolean
rebuild_selection_idle_cb (gpointer data)
{
  ImpInspector *self = data;

  self->selection_source = 0;
  rebuild_selection (self);

  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_map_idle_cb (gpointer data)
{
  ImpInspector *self = data;

  self->map_source = 0;
  rebuild_map (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild_selection (ImpInspector *self)
{
  if (self->selection_source == 0)
    self->selection_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_selection_idle_cb,
                                              self, NULL);
}

static void
queue_rebuild_map (ImpInspector *self)
{
  if (self->map_source == 0)
    self->map_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_map_idle_cb, self, NULL);
}

static gboolean
link_touches (ImpLink *link,
              ImpNode *node)
{
  return link != NULL && node != NULL && (link->parent == node || link->child == node);
}

/* Edits waiting for a card or link that is gone go with it. */
static void
drop_pending_of (ImpInspector *self,
                 gpointer      object)
{
  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingEdit *edit = g_ptr_array_index (self->pending, i - 1);

      if (edit->node == object || edit->link == object ||
          (edit->link != NULL && link_touches (edit->link, object)))
        g_ptr_array_remove_index (self->pending, i - 1);
    }
}

/* Whether the page of the card shown still has the rows its card needs:
 * then a change of its values is followed in place, through the adapter. */
static gboolean
same_structure (ImpInspector *self)
{
  if (self->node != NULL)
    return self->node->level == self->built_level &&
           (self->node->metric != NULL) == self->built_metric;
  if (self->link != NULL)
    return (self->link->status == IMP_LINK_STATUS_REFUTED) == self->built_refuted;

  return TRUE;
}

static void
sync_link_group (ImpInspector *self)
{
  g_autofree char *description = NULL;

  if (self->link_group == NULL || self->link == NULL)
    return;

  description = g_strdup_printf (_("“%s” → “%s”"), self->link->parent->title,
                                 self->link->child->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->link_group), description);
}

static void
map_changed_cb (ImpInspector  *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  /* ours: the page's own card or link changed, and the page is built
   * again (keeping what its fields hold); others: only what the page
   * shows about other cards is, and the fields stay as they are. */
  gboolean ours = FALSE;
  gboolean others = FALSE;

  switch (kind)
    {
    case IMP_CHANGE_NODE_REMOVED:
      if (object == self->node)
        self->node = NULL;
      if (link_touches (self->link, object))
        self->link = NULL;
      drop_pending_of (self, object);
      ours = self->node == NULL && self->link == NULL;
      others = !ours;
      break;
    case IMP_CHANGE_LINK_REMOVED:
      if (object == self->link)
        {
          self->link = NULL;
          ours = TRUE;
        }
      drop_pending_of (self, object);
      others = !ours;
      break;
    case IMP_CHANGE_EVERYTHING:
    case IMP_CHANGE_VOCABULARY:
      ours = TRUE;
      break;
    case IMP_CHANGE_NODE_TEXT:
    case IMP_CHANGE_NODE_PAYLOAD:
      /* The card's own values follow in place, unless it needs other rows
       * (another level, a metric added or removed). A deliverable's page
       * shows its experiments and the titles up its chains; a prompt
       * quotes its impact. */
      if (object == self->node)
        ours = !same_structure (self);
      else if (link_touches (self->link, object))
        sync_link_group (self);
      others = !ours;
      break;
    case IMP_CHANGE_LINK_ADDED:
    case IMP_CHANGE_LINK_CHANGED:
      /* A link anywhere above a card can change its litmus sentences. */
      ours = object == self->link && !same_structure (self);
      others = !ours;
      break;
    case IMP_CHANGE_NODE_ADDED:
    case IMP_CHANGE_MAP_TITLE:
    case IMP_CHANGE_NODE_POSITION:
    case IMP_CHANGE_NODE_COLLAPSED:
    default:
      break;
    }

  if (others && self->node != NULL)
    queue_refresh_related (self);

  if (ours)
    queue_rebuild_selection (self);

  if (kind != IMP_CHANGE_NODE_POSITION && kind != IMP_CHANGE_NODE_COLLAPSED)
    queue_rebuild_map (self);
}

static void
selection_changed_cb (ImpInspector *self,
                      ImpSelection *selection)
{
  ImpNode *node = imp_selection_get_primary (selection);
  ImpLink *link = node == NULL ? imp_selection_get_link (selection) : NULL;

  if (node == self->node && link == self->link &&
      imp_selection_get_n_nodes (selection) <= 1)
    return;

  /* The page is about to show another card: what its fields hold lands on
   * the card they were typed for, and what is refused waits for it. */
  commit_live_fields (self);
  stash_fields (self);

  self->node = node;
  self->link = link;
  /* Rebuilt just before the next frame rather than here, in the middle of
   * whatever event changed the selection; a burst of changes (typing a
   * new card's title) costs one rebuild. */
  self->scroll_to_top = TRUE;
  queue_rebuild_selection (self);

  /* A selection made from the map page stays there; one made on the canvas
   * brings the card's page forward. */
  if ((node != NULL || link != NULL) && !self->selecting)
    gtk_stack_set_visible_child_name (self->stack, "selection");
}

static void
imp_inspector_dispose (GObject *object)
{
  ImpInspector *self = (ImpInspector *) object;

  g_clear_handle_id (&self->selection_source, g_source_remove);
  g_clear_handle_id (&self->map_source, g_source_remove);
  g_clear_handle_id (&self->related_source, g_source_remove);
  imp_inspector_set_selection (self, NULL);
  imp_inspector_set_history (self, NULL);
  g_clear_object (&self->props);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMP_TYPE_INSPECTOR);

  G_OBJECT_CLASS (imp_inspector_parent_class)->dispose (object);
}

static void
imp_inspector_finalize (GObject *object)
{
  ImpInspector *self = (ImpInspector *) object;

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->feedback, g_hash_table_unref);
  g_clear_pointer (&self->map_rows, g_hash_table_unref);
  for (guint i = 0; i < N_LISTS; i++)
    {
      g_clear_object (&self->lists[i].store);
      g_clear_object (&self->lists[i].factory);
    }
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (imp_inspector_parent_class)->finalize (object);
}

/* Hidden (the flap folded away, the window closing): what the fields hold
 * would be out of reach, so it lands now. */
static void
imp_inspector_unmap (GtkWidget *widget)
{
  imp_inspector_commit_pending (IMP_INSPECTOR (widget));

  GTK_WIDGET_CLASS (imp_inspector_parent_class)->unmap (widget);
}

static void
imp_inspector_class_init (ImpInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_inspector_dispose;
  object_class->finalize = imp_inspector_finalize;
  widget_class->unmap = imp_inspector_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactmapper/ImpactMapper/"
                                               "imp-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, box);
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, selection_box);
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, map_title_row);
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, vocabulary_row);
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, map_feedback);
  gtk_widget_class_bind_template_child (widget_class, ImpInspector, map_dynamic_box);
  gtk_widget_class_bind_template_child_full (widget_class, "health_group", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HEALTH].group));
  gtk_widget_class_bind_template_child_full (widget_class, "health_empty", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HEALTH].empty));
  gtk_widget_class_bind_template_child_full (widget_class, "health_scrolled", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HEALTH].scrolled));
  gtk_widget_class_bind_template_child_full (widget_class, "health_view", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HEALTH].view));
  gtk_widget_class_bind_template_child_full (widget_class, "ranked_group", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_RANKED].group));
  gtk_widget_class_bind_template_child_full (widget_class, "ranked_empty", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_RANKED].empty));
  gtk_widget_class_bind_template_child_full (widget_class, "ranked_scrolled", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_RANKED].scrolled));
  gtk_widget_class_bind_template_child_full (widget_class, "ranked_view", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_RANKED].view));
  gtk_widget_class_bind_template_child_full (widget_class, "hmw_group", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HMW].group));
  gtk_widget_class_bind_template_child_full (widget_class, "hmw_empty", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HMW].empty));
  gtk_widget_class_bind_template_child_full (widget_class, "hmw_scrolled", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HMW].scrolled));
  gtk_widget_class_bind_template_child_full (widget_class, "hmw_view", FALSE,
                                             G_STRUCT_OFFSET (ImpInspector, lists[LIST_HMW].view));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
imp_inspector_init (ImpInspector *self)
{
  g_autoptr(GtkStringList) vocabularies = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  imp_a11y_set_label (GTK_WIDGET (self), _("Inspector"));
  imp_a11y_repair_on_map (GTK_WIDGET (self));

  self->props = imp_selection_properties_new ();
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->map_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->feedback = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (pending_edit_free);
  for (guint i = 0; i < N_LISTS; i++)
    init_list (self, i);
  imp_analysis_get_today (&self->today);

  self->building = TRUE;
  for (guint i = 0; i < IMP_N_VOCABULARIES; i++)
    gtk_string_list_append (vocabularies, imp_vocabulary_display_name (i));
  adw_combo_row_set_model (self->vocabulary_row, G_LIST_MODEL (vocabularies));
  self->building = FALSE;

  g_object_set_data_full (G_OBJECT (self->map_title_row), "imp-field", g_strdup ("map-title"),
                          g_free);
  g_object_set_data_full (G_OBJECT (self->vocabulary_row), "imp-field",
                          g_strdup ("vocabulary"), g_free);
  g_signal_connect_object (self->map_title_row, "apply", G_CALLBACK (entry_apply_cb), self, 0);
  g_signal_connect_object (self->map_title_row, "entry-activated", G_CALLBACK (entry_apply_cb),
                           self, 0);
  g_signal_connect_object (self->map_title_row, "changed", G_CALLBACK (entry_changed_cb),
                           self, 0);
  watch_text_field (self, GTK_WIDGET (self->map_title_row));
  g_signal_connect_object (self->vocabulary_row, "notify::selected",
                           G_CALLBACK (combo_selected_cb), self, 0);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (stack_page_notify_cb), self, G_CONNECT_SWAPPED);

  rebuild_selection (self);
  rebuild_map (self);
}

/**
 * imp_inspector_new:
 *
 * Returns: (transfer full): a new, empty inspector
 */
GtkWidget *
imp_inspector_new (void)
{
  return g_object_new (IMP_TYPE_INSPECTOR, NULL);
}

/**
 * imp_inspector_set_history:
 * @history: (nullable): the history of the map to show and edit
 *
 * Every edit the inspector makes is pushed on @history.
 */
void
imp_inspector_set_history (ImpInspector *self,
                           ImpHistory   *history)
{
  g_return_if_fail (IMP_IS_INSPECTOR (self));
  g_return_if_fail (history == NULL || IMP_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  g_set_object (&self->history, history);
  imp_selection_properties_set_history (self->props, history);
  self->node = NULL;
  self->link = NULL;
  g_ptr_array_set_size (self->pending, 0);

  if (history != NULL)
    {
      self->map = g_object_ref (imp_history_get_map (history));
      g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    {
      rebuild_selection (self);
      rebuild_map (self);
    }
}

/**
 * imp_inspector_get_history:
 *
 * Returns: (transfer none) (nullable): the history edits go to
 */
ImpHistory *
imp_inspector_get_history (ImpInspector *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR (self), NULL);

  return self->history;
}

/**
 * imp_inspector_set_selection:
 * @selection: (nullable): the selection to follow and to change when a
 *   row of the map page is picked
 */
void
imp_inspector_set_selection (ImpInspector *self,
                             ImpSelection *selection)
{
  g_return_if_fail (IMP_IS_INSPECTOR (self));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);

  if (selection != NULL)
    {
      /* Before the adapter's own handler: the fields of the page shown
       * commit to their card before the adapter moves to the next. */
      g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
      selection_changed_cb (self, selection);
    }
  imp_selection_properties_set_selection (self->props, selection);
}

/**
 * imp_inspector_get_selection:
 *
 * Returns: (transfer none) (nullable): the selection followed
 */
ImpSelection *
imp_inspector_get_selection (ImpInspector *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR (self), NULL);

  return self->selection;
}

/**
 * imp_inspector_set_today:
 * @today: the day deadlines are judged by
 *
 * The inspector uses the system's date; tests pass a fixed one.
 */
void
imp_inspector_set_today (ImpInspector *self,
                         const GDate  *today)
{
  g_return_if_fail (IMP_IS_INSPECTOR (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  rebuild_selection (self);
  rebuild_map (self);
}

/**
 * imp_inspector_show_page:
 * @name: "selection" or "map"
 */
void
imp_inspector_show_page (ImpInspector *self,
                         const char   *name)
{
  g_return_if_fail (IMP_IS_INSPECTOR (self));

  gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * imp_inspector_get_page:
 *
 * Returns: the name of the page shown, "selection" or "map"
 */
const char *
imp_inspector_get_page (ImpInspector *self)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * imp_inspector_get_field:
 * @key: a field's name, e.g. "title", "metric-current", "ice-impact"
 *
 * For tests and keyboard focus: the row editing a field on the page shown.
 * The map page's long lists are "health-list", "ranked-list" and
 * "hmw-list" (each a #GtkListView); "health-N" is the row of its Nth
 * item while that row exists, which is while it is in view or near it.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL when the page has
 *   no such field
 */
GtkWidget *
imp_inspector_get_field (ImpInspector *self,
                         const char   *key)
{
  g_return_val_if_fail (IMP_IS_INSPECTOR (self), NULL);

  /* A pending rebuild would replace the row: do it now. */
  if (self->selection_source != 0)
    rebuild_selection (self);
  if (self->map_source != 0 || self->map_lists_stale)
    rebuild_map (self);

  for (guint i = 0; i < N_LISTS; i++)
    if (g_str_has_prefix (key, list_keys[i]) && g_str_equal (key + strlen (list_keys[i]), "-list"))
      return GTK_WIDGET (self->lists[i].view);

  if (g_hash_table_contains (self->map_rows, key))
    return g_hash_table_lookup (self->map_rows, key);

  return g_hash_table_lookup (self->fields, key);
}

/**
 * imp_inspector_get_feedback:
 * @key: a field's name
 *
 * Returns: (nullable): the explanation shown for @key's last refused
 *   value, or %NULL when none is shown
 */
const char *
imp_inspector_get_feedback (ImpInspector *self,
                            const char   *key)
{
  GtkWidget *label;

  g_return_val_if_fail (IMP_IS_INSPECTOR (self), NULL);

  label = g_hash_table_lookup (self->feedback, key);
  if (label == NULL || !gtk_widget_get_visible (label) ||
      g_strcmp0 (g_object_get_data (G_OBJECT (label), "imp-owner"), key) != 0)
    return NULL;

  return gtk_label_get_text (GTK_LABEL (label));
}

/**
 * imp_inspector_commit_pending:
 *
 * Commits every field that holds an edit the model does not have yet, each
 * as its own undo step: call it before saving or closing, so that what was
 * typed is in the map. A refused value stays in its field with its
 * explanation, and the model keeps its last valid value.
 *
 * Returns: %TRUE, or %FALSE when some field still holds a refused value
 *   (see imp_inspector_dup_invalid_fields())
 */
gboolean
imp_inspector_commit_pending (ImpInspector *self)
{
  gboolean ok;

  g_return_val_if_fail (IMP_IS_INSPECTOR (self), FALSE);

  ok = commit_live_fields (self);
  for (guint i = 0; i < self->pending->len; i++)
    if (((PendingEdit *) g_ptr_array_index (self->pending, i))->message != NULL)
      ok = FALSE;

  return ok;
}

static const char *
field_display_name (const char *key)
{
  static const struct { const char *key; const char *name; } names[] = {
    { "title", N_("Title") },
    { "notes", N_("Notes") },
    { "metric-name", N_("Metric name") },
    { "metric-unit", N_("Metric unit") },
    { "metric-baseline", N_("Metric baseline") },
    { "metric-current", N_("Metric current value") },
    { "metric-target", N_("Metric target") },
    { "metric-deadline", N_("Metric deadline") },
    { "ice-impact", N_("ICE impact") },
    { "ice-confidence", N_("ICE confidence") },
    { "ice-ease", N_("ICE ease") },
    { "exp-start", N_("Experiment start") },
    { "exp-end", N_("Experiment end") },
    { "exp-evidence", N_("Evidence") },
    { "link-assumption", N_("Link assumption") },
    { "map-title", N_("Map title") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].key, key))
      return _(names[i].name);

  return key;
}

static char *
describe_invalid (ImpNode    *node,
                  ImpLink    *link,
                  const char *key,
                  const char *message)
{
  const char *card = node != NULL ? node->title : link != NULL ? link->child->title : NULL;

  if (card != NULL)
    /* TRANSLATORS: a field holding a refused value, for the close dialog:
     * "Metric target of “Faster uploads”: “abc” is not a number" */
    return g_strdup_printf (_("%s of “%s”: %s"), field_display_name (key), card, message);

  return g_strdup_printf (_("%s: %s"), field_display_name (key), message);
}

/**
 * imp_inspector_dup_invalid_fields:
 *
 * Names the fields that hold a value the model refused, with the reason,
 * e.g. "Metric target of “Faster uploads”: “abc” is not a number": for a
 * dialog that asks before closing.
 *
 * Returns: (transfer full) (array zero-terminated=1): the descriptions,
 *   empty when every field is valid
 */
GStrv
imp_inspector_dup_invalid_fields (ImpInspector *self)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GList) fields = NULL;

  g_return_val_if_fail (IMP_IS_INSPECTOR (self), NULL);

  fields = g_hash_table_get_values (self->fields);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      const char *error = g_object_get_data (G_OBJECT (l->data), "imp-error");
      ImpNode *node;
      ImpLink *link;

      /* A page waiting for its rebuild has its refusals pending already. */
      if (error == NULL || !field_is_current (self, l->data))
        continue;

      field_get_owner (l->data, &node, &link);
      g_ptr_array_add (found, describe_invalid (node, link, field_key (l->data), error));
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingEdit *edit = g_ptr_array_index (self->pending, i);

      if (edit->message != NULL)
        g_ptr_array_add (found, describe_invalid (edit->node, edit->link, edit->key,
                                                  edit->message));
    }
  g_ptr_array_add (found, NULL);

  return (GStrv) g_ptr_array_free (found, FALSE);
}
