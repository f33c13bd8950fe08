/* imp-window-teams.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "imp-combine.h"
#include "imp-format.h"
#include "imp-canvas.h"
#include "imp-window-private.h"

/* "Combine Maps…": the maps of breakout groups in one new, unsaved map. */

static void
show_problem (ImpWindow  *self,
              const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
fit_cb (gpointer data)
{
  imp_canvas_zoom_fit (IMP_CANVAS (data));
  return G_SOURCE_REMOVE;
}

static void
canvas_mapped_cb (GtkWidget *canvas)
{
  /* Fitted once it has its size. */
  g_idle_add_full (G_PRIORITY_LOW, fit_cb, g_object_ref (canvas), g_object_unref);
}

/**
 * _imp_window_teams_show_sources:
 * @maps: (element-type ImpMap): the 2 to 6 maps combined
 * @labels: (element-type utf8): their names
 *
 * A window with the source maps side by side, each a read-only canvas
 * fitted to its map under its name, for the facilitator to walk the room
 * through what each group proposed.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
_imp_window_teams_show_sources (ImpWindow *self,
                                GPtrArray *maps,
                                GPtrArray *labels)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_window_set_title (GTK_WINDOW (window), _("Source Maps Side by Side"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 640);
  gtk_widget_set_name (window, "sources-window");
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_bottom (row, 6);

  for (guint i = 0; i < maps->len; i++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *name = gtk_label_new (labels->pdata[i]);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *canvas = imp_canvas_new ();
      g_autofree char *canvas_name = g_strdup_printf ("source-%u", i);

      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_margin_top (name, 6);
      gtk_widget_set_name (canvas, canvas_name);
      /* No history: nothing on it can be edited. */
      imp_canvas_set_map (IMP_CANVAS (canvas), maps->pdata[i]);
      gtk_widget_set_size_request (canvas, 160, 200);
      gtk_widget_set_hexpand (canvas, TRUE);
      gtk_widget_set_vexpand (canvas, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      labels->pdata[i], -1);
      g_signal_connect (canvas, "map", G_CALLBACK (canvas_mapped_cb), NULL);
      gtk_frame_set_child (GTK_FRAME (frame), canvas);
      gtk_box_append (GTK_BOX (column), name);
      gtk_box_append (GTK_BOX (column), frame);
      gtk_box_append (GTK_BOX (row), column);
    }

  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * _imp_window_teams_combine_files:
 * @files: (array length=n_files): the maps to combine
 *
 * Combines @files (2 to 6 .impactmap files) and opens the result in a new
 * window, not saved yet; says what went wrong in @self otherwise.
 *
 * Returns: (transfer none) (nullable): the new window
 */
ImpWindow *
_imp_window_teams_combine_files (ImpWindow  *self,
                                 GFile     **files,
                                 guint       n_files)
{
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ImpMap) combined = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  ImpWindow *window;

  if (n_files < 2 || n_files > IMP_COMBINE_MAX_MAPS)
    {
      g_autofree char *message = g_strdup_printf (_("Choose 2 to %d maps to combine, not %u"),
                                                  IMP_COMBINE_MAX_MAPS, n_files);

      show_problem (self, message);
      return NULL;
    }

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *base = g_file_get_basename (files[i]);
      g_autofree char *name = g_filename_display_name (base);
      ImpMap *map = imp_format_load_file (files[i], &error);
      char *label;

      if (map == NULL)
        {
          /* TRANSLATORS: a map that cannot be combined: its file name, why */
          g_autofree char *message = g_strdup_printf (_("Cannot combine “%s”: %s"), name,
                                                      error->message);

          show_problem (self, message);
          return NULL;
        }
      g_ptr_array_add (maps, map);
      if (g_str_has_suffix (name, ".impactmap"))
        name[strlen (name) - strlen (".impactmap")] = '\0';
      label = g_strdup (name);
      for (guint j = 0; j < labels->len; j++)
        if (g_str_equal (labels->pdata[j], label))
          {
            g_free (label);
            label = g_strdup_printf ("%s (%u)", name, i + 1);
            break;
          }
      g_ptr_array_add (labels, label);
    }

  combined = imp_combine_maps ((ImpMap **) maps->pdata, (const char *const *) labels->pdata,
                               n_files, &error);
  if (combined == NULL)
    {
      show_problem (self, error->message);
      return NULL;
    }

  window = imp_window_new (IMP_APPLICATION (application));
  imp_window_set_map (window, combined, NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* And the groups' own maps beside it, to walk the room through them. */
  _imp_window_teams_show_sources (window, maps, labels);

  return window;
}

static void
combine_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ImpWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      _imp_window_teams_combine_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_imp_window_teams_combine_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  ImpWindow *self = IMP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Combine Maps"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Combine"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Impact Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-impactmap");
  gtk_file_filter_add_suffix (filter, "impactmap");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (combine_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
