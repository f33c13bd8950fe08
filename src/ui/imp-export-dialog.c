/* imp-export-dialog.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "imp-export-dialog.h"

/* The export dialog: every option of `impact-mapper export`, a preview
 * drawn by the same code as the file, and the last choices kept in
 * GSettings so that the weekly deck export is one Ctrl+E and Return. */

#define PREVIEW_DELAY_MS  120
#define PREVIEW_WIDTH     900
#define PREVIEW_HEIGHT    700
#define TEXT_PREVIEW_MAX  20000

struct _ImpExportDialog
{
  AdwWindow          parent_instance;

  ImpMap            *map;
  GFile             *file;
  char              *selected_id;
  ImpRect            view;
  gboolean           has_view;
  GSettings         *settings;
  guint              preview_source;
  GtkNativeDialog   *chooser;

  /* Template widgets */
  GtkButton         *export_button;
  GtkStack          *preview_stack;
  GtkPicture        *preview;
  GtkTextView       *text_preview;
  AdwStatusPage     *preview_error;
  AdwComboRow       *format_row;
  AdwComboRow       *scope_row;
  AdwPreferencesGroup *look_group;
  AdwComboRow       *theme_row;
  AdwActionRow      *scale_row;
  GtkSpinButton     *scale_spin;
  GtkSpinButton     *padding_spin;
  AdwActionRow      *transparent_row;
  GtkSwitch         *transparent_switch;
  GtkSwitch         *title_switch;
  AdwComboRow       *aspect_row;
  AdwPreferencesGroup *page_group;
  AdwComboRow       *page_row;
  GtkSwitch         *landscape_switch;
  GtkLabel          *size_label;
};

G_DEFINE_FINAL_TYPE (ImpExportDialog, imp_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The settings' spelling of each ImpExportScope, in its order. */
static const char * const scope_names[] = { "map", "branch", "branch-alone", "view" };

static gboolean
is_picture_format (ImpExportFormat format)
{
  return format == IMP_EXPORT_PNG || format == IMP_EXPORT_SVG || format == IMP_EXPORT_PDF;
}

/**
 * imp_export_dialog_get_options:
 * @self: the dialog
 * @options: (out caller-allocates): filled with the dialog's choices
 *
 * The branch id in @options belongs to @self.
 */
void
imp_export_dialog_get_options (ImpExportDialog  *self,
                               ImpExportOptions *options)
{
  g_return_if_fail (IMP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  imp_export_options_init (options);
  options->format = MIN (adw_combo_row_get_selected (self->format_row),
                         IMP_N_EXPORT_FORMATS - 1);
  options->scope = MIN (adw_combo_row_get_selected (self->scope_row),
                        G_N_ELEMENTS (scope_names) - 1);
  options->theme = MIN (adw_combo_row_get_selected (self->theme_row), IMP_THEME_PROJECTOR);
  options->scale = gtk_spin_button_get_value (self->scale_spin);
  options->padding = gtk_spin_button_get_value (self->padding_spin);
  options->transparent = gtk_switch_get_active (self->transparent_switch);
  options->title_line = gtk_switch_get_active (self->title_switch);
  options->page = MIN (adw_combo_row_get_selected (self->page_row), IMP_EXPORT_PAGE_16_9);
  options->landscape = gtk_switch_get_active (self->landscape_switch);
  /* A PDF page has its own shape (its Size row); the aspect is for pictures. */
  if (options->format == IMP_EXPORT_PNG || options->format == IMP_EXPORT_SVG)
    {
      static const double aspects[] = { 0, 16.0 / 9.0, 4.0 / 3.0, 1.0 };

      options->aspect = aspects[MIN (adw_combo_row_get_selected (self->aspect_row),
                                     G_N_ELEMENTS (aspects) - 1)];
    }

  if (options->scope == IMP_EXPORT_SCOPE_BRANCH || options->scope == IMP_EXPORT_SCOPE_BRANCH_ALONE)
    options->branch_id = self->selected_id;
  else if (options->scope == IMP_EXPORT_SCOPE_RECT)
    options->rect = self->view;
}

static void
show_preview_error (ImpExportDialog *self,
                    const char      *title,
                    const char      *description)
{
  adw_status_page_set_title (self->preview_error, title);
  adw_status_page_set_description (self->preview_error, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
}

static void
update_size_label (ImpExportDialog        *self,
                   const ImpExportOptions *options,
                   double                  width,
                   double                  height)
{
  g_autofree char *text = NULL;

  if (options->format == IMP_EXPORT_PNG)
    /* Translators: an image's size in pixels, then its resolution */
    text = g_strdup_printf (_("%.0f × %.0f pixels at %.0f dots per inch"),
                            ceil (width * options->scale), ceil (height * options->scale),
                            options->scale * IMP_EXPORT_BASE_DPI);
  else if (options->format == IMP_EXPORT_SVG)
    text = g_strdup_printf (_("%.0f × %.0f px drawing; text stays text"), width, height);
  else if (options->format == IMP_EXPORT_PDF && options->page == IMP_EXPORT_PAGE_NATURAL)
    text = g_strdup_printf (_("One %.0f × %.0f point page; text stays text"),
                            width * 0.75, height * 0.75);
  else
    text = g_strdup (_("One page, the map fitted within half-inch margins; text stays text"));

  gtk_label_set_label (self->size_label, text);
}

/**
 * imp_export_dialog_update_preview:
 *
 * Redraws the preview for the current choices at once.
 *
 * Returns: whether the choices can be exported
 */
gboolean
imp_export_dialog_update_preview (ImpExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ImpExportOptions options;
  gboolean picture;

  g_return_val_if_fail (IMP_IS_EXPORT_DIALOG (self), FALSE);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  imp_export_dialog_get_options (self, &options);
  picture = is_picture_format (options.format);

  /* Only the rows that mean something for the format are shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->look_group), picture);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), options.format == IMP_EXPORT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->aspect_row),
                          options.format == IMP_EXPORT_PNG || options.format == IMP_EXPORT_SVG);
  gtk_widget_set_visible (GTK_WIDGET (self->page_group), options.format == IMP_EXPORT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->landscape_switch),
                            options.page == IMP_EXPORT_PAGE_A4 ||
                            options.page == IMP_EXPORT_PAGE_LETTER);

  gtk_label_set_label (self->size_label, "");

  if ((options.scope == IMP_EXPORT_SCOPE_BRANCH || options.scope == IMP_EXPORT_SCOPE_BRANCH_ALONE)
      && self->selected_id == NULL)
    {
      show_preview_error (self, _("No Card Selected"),
                          _("Select a card on the map to export its branch"));
      return FALSE;
    }
  if (options.scope == IMP_EXPORT_SCOPE_RECT && !self->has_view)
    {
      show_preview_error (self, _("No View"), _("The map is not shown yet"));
      return FALSE;
    }

  if (picture)
    {
      g_autoptr(GdkTexture) texture = NULL;

      double width = 0, height = 0;

      bytes = imp_export_render_preview (self->map, &options, PREVIEW_WIDTH, PREVIEW_HEIGHT,
                                         &width, &height, &error);
      update_size_label (self, &options, width, height);
      if (bytes != NULL)
        texture = gdk_texture_new_from_bytes (bytes, &error);
      if (texture == NULL)
        {
          show_preview_error (self, _("Cannot Export"), error->message);
          return FALSE;
        }
      gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
    }
  else
    {
      g_autofree char *text = NULL;
      gsize length;
      const char *data;

      if (!(bytes = imp_export_to_bytes (self->map, &options, &error)))
        {
          show_preview_error (self, _("Cannot Export"), error->message);
          return FALSE;
        }
      data = g_bytes_get_data (bytes, &length);
      text = g_utf8_make_valid (data, MIN (length, TEXT_PREVIEW_MAX));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_preview), text, -1);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);

  return TRUE;
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  ImpExportDialog *self = user_data;

  self->preview_source = 0;
  imp_export_dialog_update_preview (self);

  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (typing a scale, scrolling a combo): draw once
 * they settle. */
static void
option_changed_cb (ImpExportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
load_settings (ImpExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *scope = g_settings_get_string (self->settings, "export-scope");
  g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");
  g_autofree char *page = g_settings_get_string (self->settings, "export-page");
  ImpExportFormat f = IMP_EXPORT_PNG;
  ImpThemeKind t = IMP_THEME_LIGHT;
  ImpExportPage p = IMP_EXPORT_PAGE_NATURAL;

  imp_export_format_from_string (format, &f);
  adw_combo_row_set_selected (self->format_row, f);
  for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
    if (g_strcmp0 (scope, scope_names[i]) == 0)
      adw_combo_row_set_selected (self->scope_row, i);
  imp_theme_kind_from_string (theme, &t);
  adw_combo_row_set_selected (self->theme_row, t);
  imp_export_page_from_string (page, &p);
  adw_combo_row_set_selected (self->page_row, p);
  gtk_spin_button_set_value (self->scale_spin, g_settings_get_double (self->settings,
                                                                       "export-scale"));
  gtk_spin_button_set_value (self->padding_spin, g_settings_get_double (self->settings,
                                                                         "export-padding"));
  gtk_switch_set_active (self->transparent_switch,
                         g_settings_get_boolean (self->settings, "export-transparent"));
  gtk_switch_set_active (self->landscape_switch,
                         g_settings_get_boolean (self->settings, "export-landscape"));
  gtk_switch_set_active (self->title_switch,
                         g_settings_get_boolean (self->settings, "export-title-line"));
}

static void
save_settings (ImpExportDialog        *self,
               const ImpExportOptions *options,
               GFile                  *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_path = folder ? g_file_get_path (folder) : NULL;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format",
                         imp_export_format_to_string (options->format));
  g_settings_set_string (self->settings, "export-scope", scope_names[options->scope]);
  g_settings_set_string (self->settings, "export-theme",
                         imp_theme_kind_to_string (options->theme));
  g_settings_set_string (self->settings, "export-page",
                         imp_export_page_to_string (options->page));
  g_settings_set_double (self->settings, "export-scale", options->scale);
  g_settings_set_double (self->settings, "export-padding", options->padding);
  g_settings_set_boolean (self->settings, "export-transparent", options->transparent);
  g_settings_set_boolean (self->settings, "export-landscape", options->landscape);
  g_settings_set_boolean (self->settings, "export-title-line", options->title_line);
  if (folder_path != NULL)
    g_settings_set_string (self->settings, "export-folder", folder_path);
  g_settings_apply (self->settings);
}

/**
 * imp_export_dialog_export_to_file:
 * @self: the dialog
 * @file: where to write
 * @error: return location for an error
 *
 * Exports with the dialog's choices, remembers them and emits
 * ImpExportDialog::exported on success.
 *
 * Returns: whether the file was written
 */
gboolean
imp_export_dialog_export_to_file (ImpExportDialog  *self,
                                  GFile            *file,
                                  GError          **error)
{
  g_autofree char *path = NULL;
  ImpExportOptions options;

  g_return_val_if_fail (IMP_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Exports can only be saved to local files"));
      return FALSE;
    }

  imp_export_dialog_get_options (self, &options);
  {
    /* Never over the map being edited, nor over any other map. */
    g_autofree char *input = self->file != NULL ? g_file_get_path (self->file) : NULL;

    if (!imp_export_check_target (path, options.format, input, error))
      return FALSE;
  }
  if (!imp_export_to_path (self->map, path, &options, error))
    return FALSE;

  save_settings (self, &options, file);
  g_signal_emit (self, signals[EXPORTED], 0, file);

  return TRUE;
}

static void
chooser_response_cb (ImpExportDialog *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (!imp_export_dialog_export_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Could Not Export"), NULL));
      adw_message_dialog_format_body (dialog, "%s: %s", name, error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (ImpExportDialog *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "export-folder");
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  ImpExportOptions options;
  GtkFileChooser *chooser;
  char *dot;

  if (self->chooser != NULL)
    return;

  imp_export_dialog_get_options (self, &options);

  if (self->file != NULL)
    base = g_file_get_basename (self->file);
  else
    base = g_strdup (_("Impact map"));
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, imp_export_format_extension (options.format), NULL);

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_file_chooser_set_current_name (chooser, name);

  if (*folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (chooser, dir, NULL);
    }
  else if (self->file != NULL)
    {
      g_autoptr(GFile) dir = g_file_get_parent (self->file);

      if (dir != NULL)
        gtk_file_chooser_set_current_folder (chooser, dir, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
imp_export_dialog_dispose (GObject *object)
{
  ImpExportDialog *self = IMP_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (imp_export_dialog_parent_class)->dispose (object);
}

static void
imp_export_dialog_finalize (GObject *object)
{
  ImpExportDialog *self = IMP_EXPORT_DIALOG (object);

  g_clear_object (&self->map);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (imp_export_dialog_parent_class)->finalize (object);
}

static void
imp_export_dialog_class_init (ImpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_export_dialog_dispose;
  object_class->finalize = imp_export_dialog_finalize;

  /**
   * ImpExportDialog::exported:
   * @file: the file written
   *
   * Emitted after a successful export.
   */
  signals[EXPORTED] = g_signal_new ("exported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactmapper/ImpactMapper/"
                                               "imp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, text_preview);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, preview_error);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, look_group);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, padding_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, title_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, page_group);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, aspect_row);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpExportDialog, size_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
imp_export_dialog_init (ImpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  load_settings (self);

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scope_row, "notify::selected",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_row, "notify::selected",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_row, "notify::selected",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->aspect_row, "notify::selected",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_spin, "value-changed",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->padding_spin, "value-changed",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->transparent_switch, "notify::active",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_switch, "notify::active",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->landscape_switch, "notify::active",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * imp_export_dialog_new:
 * @parent: the window the dialog belongs to
 * @map: the map to export
 * @file: (nullable): the map's file, to name the export after
 * @selected_id: (nullable): the id of the selected card, for the branch scopes
 * @view: (nullable): the visible part of the map, for the "current view" scope
 *
 * Returns: (transfer full): a new modal dialog, not yet shown
 */
ImpExportDialog *
imp_export_dialog_new (GtkWindow     *parent,
                       ImpMap        *map,
                       GFile         *file,
                       const char    *selected_id,
                       const ImpRect *view)
{
  ImpExportDialog *self;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);

  self = g_object_new (IMP_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->map = g_object_ref (map);
  g_set_object (&self->file, file);
  self->selected_id = g_strdup (selected_id);
  if (view != NULL && view->width >= 1 && view->height >= 1)
    {
      self->view = *view;
      self->has_view = TRUE;
    }

  imp_export_dialog_update_preview (self);

  return self;
}
