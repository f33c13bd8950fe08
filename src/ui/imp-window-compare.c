/* imp-window-compare.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "imp-diff.h"
#include "imp-format.h"
#include "imp-git.h"
#include "imp-review.h"
#include "imp-window-private.h"

/* "Compare With…" another file or an earlier version in git: a window
 * listing what changed since then, a change a row; a row selects its card
 * in the map. The canvas draws the changes too, through the reviews'
 * overlay (imp-canvas-review.c): added and changed cards outlined with a
 * label saying how, removed ones as ghosts under the card they hung by,
 * and the bar with the counts and Stop Comparing. */

static void
toast (ImpWindow  *self,
       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
change_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     ImpWindow     *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "imp-card");
  ImpNode *node = id && self->map ? imp_map_lookup_node (self->map, id) : NULL;

  if (node != NULL)
    imp_selection_select (imp_window_get_selection (self), node);
  else
    gtk_widget_error_bell (GTK_WIDGET (row));
}

static const char *
title_of (JsonNode *card)
{
  if (card != NULL && JSON_NODE_HOLDS_OBJECT (card))
    return json_object_get_string_member_with_default (json_node_get_object (card), "title", "");
  return "";
}

static ImpReviewChange *
mark (GPtrArray       *changes,
      GHashTable      *by_id,
      ImpReviewChangeKind kind,
      const char      *id)
{
  ImpReviewChange *c = g_hash_table_lookup (by_id, id);

  if (c == NULL)
    {
      c = g_new0 (ImpReviewChange, 1);
      c->kind = kind;
      c->id = g_strdup (id);
      c->from = c->to = NAN;
      g_ptr_array_add (changes, c);
      g_hash_table_insert (by_id, c->id, c);
    }
  return c;
}

static void
add_label (ImpReviewChange *c,
           const char      *label)
{
  char *joined = c->label ? g_strdup_printf ("%s · %s", c->label, label) : g_strdup (label);

  g_free (c->label);
  c->label = joined;
}

/**
 * _imp_window_compare_marks:
 * @other: the older map
 * @label: what @other is, for the labels
 *
 * Returns: (transfer full) (element-type ImpReviewChange): what the canvas
 *   draws for the changes from @other to the window's map: one change a
 *   card, its label the ways it changed; removed cards with the card they
 *   are drawn by.
 */
static GPtrArray *
_imp_window_compare_marks (ImpWindow  *self,
                           ImpMap     *other,
                           const char *label)
{
  g_autoptr(ImpDiff) diff = imp_diff_new (other, self->map);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) imp_review_change_free);
  guint n = imp_diff_get_n_changes (diff);

  for (guint i = 0; i < n; i++)
    {
      const ImpDiffChange *d = imp_diff_get_change (diff, i);
      g_autofree char *text = NULL;
      ImpReviewChange *c;

      switch (d->kind)
        {
        case IMP_DIFF_CARD_ADDED:
          /* TRANSLATORS: drawn by a card on the canvas: what it was compared with */
          text = g_strdup_printf (_("New since %s"), label);
          add_label (mark (changes, by_id, IMP_REVIEW_CHANGE_ADDED, d->id), text);
          break;

        case IMP_DIFF_CARD_REMOVED:
          {
            ImpNode *old = imp_map_lookup_node (other, d->id);
            ImpNode *at = NULL;

            for (old = old ? imp_node_get_tree_parent (old) : NULL; old && !at;
                 old = imp_node_get_tree_parent (old))
              at = imp_map_lookup_node (self->map, old->id);
            c = g_new0 (ImpReviewChange, 1);
            c->kind = IMP_REVIEW_CHANGE_REMOVED;
            c->id = g_strdup (d->id);
            c->title = g_strdup (title_of (d->old_value));
            c->from = c->to = NAN;
            /* TRANSLATORS: a ghost of a removed card on the canvas: its title */
            c->label = g_strdup_printf (_("Removed: “%s”"), c->title);
            c->parent = at ? g_strdup (at->id) : NULL;
            g_ptr_array_add (changes, c);
          }
          break;

        case IMP_DIFF_CARD_RENAMED:
          /* TRANSLATORS: drawn by a card on the canvas: its old title */
          text = g_strdup_printf (_("Renamed, was “%s”"),
                                  d->old_value ? json_node_get_string (d->old_value) : "");
          add_label (mark (changes, by_id, IMP_REVIEW_CHANGE_METRIC, d->id), text);
          break;

        case IMP_DIFF_CARD_MOVED:
          add_label (mark (changes, by_id, IMP_REVIEW_CHANGE_METRIC, d->id),
                     /* TRANSLATORS: drawn by a card on the canvas */
                     _("Moved"));
          break;

        case IMP_DIFF_CARD_LEVEL:
          add_label (mark (changes, by_id, IMP_REVIEW_CHANGE_METRIC, d->id),
                     /* TRANSLATORS: drawn by a card on the canvas */
                     _("Level changed"));
          break;

        case IMP_DIFF_CARD_MEMBER:
          {
            GPtrArray *list;
            char *dot;
            g_autofree char *member = g_strdup (d->member);

            mark (changes, by_id, IMP_REVIEW_CHANGE_METRIC, d->id);
            if ((dot = strchr (member, '.')) != NULL)
              *dot = '\0';
            if (!(list = g_hash_table_lookup (members, d->id)))
              g_hash_table_insert (members, d->id, (list = g_ptr_array_new_with_free_func (g_free)));
            if (!g_ptr_array_find_with_equal_func (list, member, g_str_equal, NULL))
              g_ptr_array_add (list, g_steal_pointer (&member));
          }
          break;

        case IMP_DIFF_LINK_ADDED:
        case IMP_DIFF_LINK_REMOVED:
        case IMP_DIFF_LINK_MEMBER:
          /* A new card's links are new with it: "New since" says so. */
          if (d->to != NULL && imp_map_lookup_node (self->map, d->to) != NULL &&
              imp_map_lookup_node (other, d->to) != NULL)
            add_label (mark (changes, by_id, IMP_REVIEW_CHANGE_METRIC, d->to),
                       d->kind == IMP_DIFF_LINK_ADDED ? _("Link added")
                       : d->kind == IMP_DIFF_LINK_REMOVED ? _("Link removed")
                       : _("Link changed"));
          break;

        case IMP_DIFF_MAP_MEMBER:
        default:
          break;
        }
    }

  /* The fields changed, after the other ways, as one mark a card. */
  for (guint i = 0; i < changes->len; i++)
    {
      ImpReviewChange *c = g_ptr_array_index (changes, i);
      GPtrArray *list = c->kind != IMP_REVIEW_CHANGE_REMOVED
                        ? g_hash_table_lookup (members, c->id) : NULL;

      if (list != NULL)
        {
          g_autofree char *names = NULL;
          g_autofree char *text = NULL;

          g_ptr_array_add (list, NULL);
          names = g_strjoinv (", ", (char **) list->pdata);
          /* TRANSLATORS: drawn by a card on the canvas: the fields changed, e.g. "notes, metric" */
          text = g_strdup_printf (_("Changed: %s"), names);
          add_label (c, text);
        }
    }

  return changes;
}

/* Draws the changes since @other on the canvas, with the bar above it. */
static void
show_marks (ImpWindow  *self,
            ImpMap     *other,
            const char *label)
{
  g_autoptr(GPtrArray) changes = _imp_window_compare_marks (self, other, label);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) removed = g_string_new (NULL);
  guint n_cards = 0;

  /* One comparison at a time: a review's stops. */
  g_clear_pointer (&self->review_shown, g_free);
  g_clear_handle_id (&self->review_source, g_source_remove);
  imp_canvas_set_review_changes (self->canvas, changes);
  for (guint i = 0; i < changes->len; i++)
    {
      const ImpReviewChange *c = g_ptr_array_index (changes, i);

      if (c->kind != IMP_REVIEW_CHANGE_REMOVED)
        n_cards++;
      else if (c->parent == NULL)
        g_string_append_printf (removed, "%s“%s”", removed->len > 0 ? ", " : "", c->title);
    }
  if (changes->len == 0)
    /* TRANSLATORS: the bar over the canvas: what the map was compared with */
    g_string_printf (text, _("Since %s: nothing changed"), label);
  else
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                        "Since %s: %u card changed, %u removed",
                                        "Since %s: %u cards changed, %u removed", n_cards),
                     label, n_cards, changes->len - n_cards);
  if (removed->len > 0)
    {
      g_string_append (text, ". ");
      g_string_append_printf (text, _("Removed: %s"), removed->str);
    }
  gtk_label_set_text (GTK_LABEL (self->review_label), text->str);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->review_revealer), TRUE);
}

/**
 * _imp_window_compare_show:
 * @other: the map to compare with, the older one
 * @label: what @other is, for the window's title
 *
 * Returns: (transfer none): the window listing the changes
 */
GtkWidget *
_imp_window_compare_show (ImpWindow  *self,
                          ImpMap     *other,
                          const char *label)
{
  g_autoptr(ImpDiff) diff = imp_diff_new (other, self->map);
  g_autofree char *text = imp_diff_to_text (diff);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *title = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n = imp_diff_get_n_changes (diff);

  /* TRANSLATORS: the title of the window of changes: what was compared, e.g. a file name */
  title = g_strdup_printf (_("Changes Since %s"), label);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_widget_set_name (window, "compare-window");
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (change_activated_cb), self, 0);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; i < n && lines[i] != NULL; i++)
    {
      const ImpDiffChange *change = imp_diff_get_change (diff, i);
      GtkWidget *row = adw_action_row_new ();
      const char *card = change->kind >= IMP_DIFF_LINK_ADDED ? change->to : change->id;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines[i]);
      if (card != NULL)
        {
          g_object_set_data_full (G_OBJECT (row), "imp-card", g_strdup (card), g_free);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  show_marks (self, other, label);

  return window;
}

static void
file_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  ImpWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpMap) other = file ? imp_format_load_file (file, &error) : NULL;
      g_autofree char *base = file ? g_file_get_basename (file) : NULL;
      g_autofree char *name = base ? g_filename_display_name (base) : NULL;

      if (other == NULL && error != NULL)
        {
          /* TRANSLATORS: a map that cannot be compared with: its file name, why */
          g_autofree char *message = g_strdup_printf (_("Cannot compare with “%s”: %s"), name,
                                                      error->message);
          toast (self, message);
        }
      else if (other != NULL)
        _imp_window_compare_show (self, other, name);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_imp_window_compare_file_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Compare With"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Impact Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-impactmap");
  gtk_file_filter_add_suffix (filter, "impactmap");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * _imp_window_compare_version:
 * @revision: a commit of the map's file
 *
 * Returns: (transfer none) (nullable): the window of changes since
 *   @revision, or NULL when that version cannot be read (then a toast says why)
 */
GtkWidget *
_imp_window_compare_version (ImpWindow  *self,
                             const char *revision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) other = NULL;

  if (self->file == NULL)
    {
      toast (self, _("The map is not saved in a file yet"));
      return NULL;
    }
  if (!(other = imp_git_load_version (self->file, revision, &error)))
    {
      /* TRANSLATORS: an earlier version that cannot be read: the commit, why */
      g_autofree char *message = g_strdup_printf (_("Cannot read version %s: %s"), revision,
                                                  error->message);
      toast (self, message);
      return NULL;
    }

  return _imp_window_compare_show (self, other, revision);
}

static void
version_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      ImpWindow     *self)
{
  const char *revision = g_object_get_data (G_OBJECT (row), "imp-revision");

  _imp_window_compare_version (self, revision);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
}

/* The versions of the map's file in git, newest first; when there are
 * none, a toast says why (no git, not in a repository, never committed). */
GtkWidget *
_imp_window_compare_list_versions (ImpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *window, *header, *scrolled, *list;

  if (self->file == NULL)
    {
      toast (self, _("The map is not saved in a file yet"));
      return NULL;
    }
  if (!(versions = imp_git_list_versions (self->file, 50, &error)))
    {
      /* TRANSLATORS: why no earlier version can be compared with */
      g_autofree char *message = g_strdup_printf (_("No earlier version to compare with: %s"),
                                                  error->message);
      toast (self, message);
      return NULL;
    }

  window = gtk_window_new ();
  header = adw_header_bar_new ();
  scrolled = gtk_scrolled_window_new ();
  list = gtk_list_box_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Compare With Earlier Version"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 420);
  gtk_widget_set_name (window, "versions-window");
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (version_activated_cb), self, 0);
  for (guint i = 0; i < versions->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (versions->pdata[i], "\t", 2);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), parts[1]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parts[0]);
      g_object_set_data_full (G_OBJECT (row), "imp-revision", g_strdup (parts[0]), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Remembers git's answer for @path and lets the actions follow it. */
static void
can_version_store (ImpWindow  *self,
                   const char *path,
                   gboolean    ok)
{
  g_object_set_data_full (G_OBJECT (self), "imp-git-asked", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (self), "imp-git-ok", GINT_TO_POINTER (ok));
  _imp_window_actions_update (self);
}

/**
 * _imp_window_compare_can_version:
 *
 * Returns: whether the map's file is in a git work tree with git
 *   installed: "Compare With Earlier Version…" is greyed out otherwise.
 *   Asked of git once a file, not on every update of the actions; this
 *   waits for git when it has not answered yet for this file.
 */
gboolean
_imp_window_compare_can_version (ImpWindow *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  const char *asked = g_object_get_data (G_OBJECT (self), "imp-git-asked");
  gboolean ok;

  if (path == NULL)
    return FALSE;
  if (g_strcmp0 (asked, path) == 0)
    return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "imp-git-ok"));

  ok = imp_git_in_work_tree (self->file, NULL);
  can_version_store (self, path, ok);
  return ok;
}

static void
can_version_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ImpWindow) self = user_data;
  g_autofree char *asking = g_strdup (g_object_get_data (G_OBJECT (self), "imp-git-asking"));
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  gboolean ok = imp_git_in_work_tree_finish (result, NULL);

  g_object_set_data (G_OBJECT (self), "imp-git-asking", NULL);
  /* Only the answer for the file shown now, and not over one already had. */
  if (path != NULL && g_strcmp0 (asking, path) == 0 &&
      g_strcmp0 (g_object_get_data (G_OBJECT (self), "imp-git-asked"), path) != 0)
    can_version_store (self, path, ok);
}

/**
 * _imp_window_compare_can_version_now:
 *
 * Returns: what _imp_window_compare_can_version() returns when git has
 *   answered for this file, else %FALSE at once: git is asked in the
 *   background and the actions are updated when it answers, so that
 *   opening a map never waits for git.
 */
gboolean
_imp_window_compare_can_version_now (ImpWindow *self)
{
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

  if (path == NULL)
    return FALSE;
  if (g_strcmp0 (g_object_get_data (G_OBJECT (self), "imp-git-asked"), path) == 0)
    return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "imp-git-ok"));

  if (g_strcmp0 (g_object_get_data (G_OBJECT (self), "imp-git-asking"), path) != 0)
    {
      g_object_set_data_full (G_OBJECT (self), "imp-git-asking", g_strdup (path), g_free);
      imp_git_in_work_tree_async (self->file, NULL, can_version_done_cb, g_object_ref (self));
    }
  return FALSE;
}

void
_imp_window_compare_version_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  _imp_window_compare_list_versions (IMP_WINDOW (widget));
}
