/* imp-window-reviews.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-reviews"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-analysis.h"
#include "imp-review.h"
#include "imp-window-private.h"

/* Reviews in the window: Record Review… asks for a name and records one as
 * an undo step; choosing a review (in the inspector's map page, through
 * win.compare-review) shows what changed since it: labels by the cards on
 * the canvas, and a bar over the map with the summary, the cards removed
 * and the primary goal. The comparison follows every edit until it is
 * stopped (win.compare-review with "") or its review is gone. */

static void
stop_comparing (ImpWindow *self)
{
  g_clear_pointer (&self->review_shown, g_free);
  g_clear_handle_id (&self->review_source, g_source_remove);
  imp_canvas_set_review_changes (self->canvas, NULL);
  if (self->review_revealer != NULL)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->review_revealer), FALSE);
}

static void
update_comparison (ImpWindow *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  const char *date = "";
  guint n_cards = 0;

  if (self->review_shown == NULL || self->map == NULL ||
      (changes = imp_review_diff (self->map, self->review_shown, NULL)) == NULL)
    {
      stop_comparing (self);
      return;
    }

  reviews = imp_review_list (self->map);
  for (guint i = 0; i < reviews->len; i++)
    if (g_str_equal (((ImpReviewInfo *) reviews->pdata[i])->name, self->review_shown))
      date = ((ImpReviewInfo *) reviews->pdata[i])->date;

  imp_canvas_set_review_changes (self->canvas, changes);

  for (guint i = 0; i < changes->len; i++)
    {
      const ImpReviewChange *c = g_ptr_array_index (changes, i);

      if (c->kind == IMP_REVIEW_CHANGE_REMOVED)
        g_string_append_printf (removed, "%s“%s”", removed->len > 0 ? ", " : "", c->title);
      else if (c->kind != IMP_REVIEW_CHANGE_PRIMARY)
        n_cards++;
    }

  if (changes->len == 0)
    /* TRANSLATORS: "Since “Q1 review” (2026-03-31): nothing changed" */
    g_string_printf (text, _("Since “%s” (%s): nothing changed"), self->review_shown, date);
  else
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                        "Since “%s” (%s): %u change on the map",
                                        "Since “%s” (%s): %u changes on the map", n_cards),
                     self->review_shown, date, n_cards);
  if (removed->len > 0)
    {
      g_string_append (text, ". ");
      /* TRANSLATORS: a list of card titles follows */
      g_string_append_printf (text, _("Removed: %s"), removed->str);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      const ImpReviewChange *c = g_ptr_array_index (changes, i);

      if (c->kind == IMP_REVIEW_CHANGE_PRIMARY)
        g_string_append_printf (text, ". %s", c->message);
    }

  gtk_label_set_text (GTK_LABEL (self->review_label), text->str);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->review_revealer), TRUE);
}

static gboolean
update_comparison_cb (gpointer data)
{
  ImpWindow *self = data;

  self->review_source = 0;
  update_comparison (self);

  return G_SOURCE_REMOVE;
}

static void
map_changed_cb (ImpWindow     *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  if (self->review_shown != NULL && self->review_source == 0)
    self->review_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_comparison_cb, self,
                                           NULL);
}

/* Called whenever the window shows another map: no comparison carries over. */
void
_imp_window_reviews_set_map (ImpWindow *self)
{
  ImpMap *old = g_object_get_data (G_OBJECT (self), "imp-reviews-map");

  if (old == self->map)
    return;
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, map_changed_cb, self);
  if (self->map != NULL)
    g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (self), "imp-reviews-map",
                          self->map != NULL ? g_object_ref (self->map) : NULL, g_object_unref);
  stop_comparing (self);
}

/* win.compare-review "NAME": show what changed since that review; "" stops. */
void
_imp_window_reviews_compare_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (*name == '\0')
    {
      stop_comparing (self);
      return;
    }
  g_free (self->review_shown);
  self->review_shown = g_strdup (name);
  update_comparison (self);
}

static void
record_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ImpWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "imp-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GDate today;

  if (!g_str_equal (response, "record") || self->history == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  imp_analysis_get_today (&today);
  if (!imp_review_record (self->history, name, &today, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  {
    /* TRANSLATORS: "Recorded review “Q1 review”" */
    g_autofree char *message = g_strdup_printf (_("Recorded review “%s”"), name);
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    adw_toast_set_timeout (toast, 5);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  ImpWindow *self = IMP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GPtrArray) reviews = self->map != NULL ? imp_review_list (self->map) : NULL;
  gboolean taken = FALSE;

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    taken |= g_str_equal (((ImpReviewInfo *) reviews->pdata[i])->name, name);

  /* Say why the button is off, not only that it is. */
  adw_message_dialog_set_response_enabled (dialog, "record",
                                           *name != '\0' && !taken &&
                                           g_utf8_strlen (name, -1) <= IMP_MAX_REVIEW_NAME);
  adw_message_dialog_set_body (dialog, taken ? _("There is already a review of that name.")
                                             : _("Records every metric value, delivery status, "
                                                 "ICE score and experiment result, and the "
                                                 "primary goal, as of today."));
}

static void
name_activate_cb (GtkEntry         *entry,
                  AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "record"))
    {
      adw_message_dialog_response (dialog, "record");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

/* win.record-review: asks for a name, then records the review. */
void
_imp_window_reviews_record_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *suggested = NULL;
  GtkWidget *dialog, *entry;

  if (self->history == NULL)
    return;

  reviews = imp_review_list (self->map);
  suggested = g_strdup_printf (_("Review %u"), reviews->len + 1);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record Review"), NULL);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), suggested);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "imp-name", entry);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "record", _("_Record"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (name_activate_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (record_response_cb), self, 0);
  name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_imp_window_reviews_init (ImpWindow *self)
{
  GtkWidget *overlay = adw_flap_get_content (self->inspector_flap);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Stop Comparing"));

  g_assert (GTK_IS_OVERLAY (overlay));

  self->review_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->review_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->review_label), 0);
  gtk_widget_set_hexpand (self->review_label, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.compare-review");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->review_label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "review-bar");
  gtk_widget_add_css_class (box, "osd");
  gtk_widget_add_css_class (box, "toolbar");

  self->review_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->review_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (self->review_revealer), box);
  gtk_widget_set_valign (self->review_revealer, GTK_ALIGN_START);
  gtk_widget_set_halign (self->review_revealer, GTK_ALIGN_FILL);
  gtk_widget_set_margin_top (self->review_revealer, 36);
  gtk_widget_set_margin_start (self->review_revealer, 12);
  gtk_widget_set_margin_end (self->review_revealer, 12);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->review_revealer);
}

void
_imp_window_reviews_dispose (ImpWindow *self)
{
  g_clear_handle_id (&self->review_source, g_source_remove);
  g_clear_pointer (&self->review_shown, g_free);
}
