/* imp-import-dialog.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-canvas.h"
#include "imp-import-dialog.h"

/**
 * ImpImportDialog:
 *
 * What a map of another tool becomes before it is imported: the source's
 * levels mapped onto the map's (what its top nodes are, which vocabulary),
 * the sheet of a workbook, a live preview of the map drawn as the canvas
 * draws it, and the report of what the import changes. "Import" emits
 * ::import with the map as previewed; the dialog never touches a window.
 */
struct _ImpImportDialog
{
  AdwWindow        parent_instance;

  ImpImportSource *source;
  ImpImportOptions options;
  ImpMap          *map;
  ImpImportReport *report;

  GtkWidget       *sheet_row;
  GtkWidget       *vocabulary_row;
  GtkWidget       *top_row;
  GtkWidget       *report_group;
  GPtrArray       *report_rows;
  GtkWidget       *canvas;
  GtkWidget       *import_button;
  GtkWidget       *error_label;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (ImpImportDialog, imp_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The top row's choices: the map's title, then each level but the last
 * (something must be below the top). Choice 0 is shift 1, choice k >= 1 is
 * shift 1 - k. */
static guint
n_top_choices (ImpVocabulary vocabulary)
{
  ImpLevel level = IMP_LEVEL_GOAL;
  guint n = 1;

  while (imp_level_new_child (vocabulary, level, &level))
    n++;

  return n;
}

static GListModel *
top_choices_model (ImpVocabulary vocabulary)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  ImpLevel level = IMP_LEVEL_GOAL;
  guint n = n_top_choices (vocabulary);

  gtk_string_list_append (list, _("The Map’s Title"));
  for (guint i = 0; i < n; i++)
    {
      /* Translators: %s is a level name, such as "Goal" or "Actor": what the
       * top nodes of an imported file become */
      g_autofree char *text = g_strdup_printf (_("%s Cards"),
                                               imp_vocabulary_level_name (vocabulary, level));

      gtk_string_list_append (list, text);
      if (!imp_level_new_child (vocabulary, level, &level))
        break;
    }

  return G_LIST_MODEL (list);
}

static void
clear_report_rows (ImpImportDialog *self)
{
  for (guint i = 0; i < self->report_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->report_group),
                                  g_ptr_array_index (self->report_rows, i));
  g_ptr_array_set_size (self->report_rows, 0);
}

static void
add_report_row (ImpImportDialog *self,
                const char      *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Long names of dropped links wrap instead of being cut. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->report_group), row);
  g_ptr_array_add (self->report_rows, row);
}

/* Maps the source again with the options as chosen and shows the result. */
static void
update_preview (ImpImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpImportReport) report = NULL;
  g_autoptr(ImpMap) map = NULL;

  map = imp_import_source_to_map (self->source, &self->options, &report, &error);
  clear_report_rows (self);
  g_clear_object (&self->map);
  g_clear_pointer (&self->report, imp_import_report_free);

  if (map == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      imp_canvas_set_map (IMP_CANVAS (self->canvas), NULL);
      return;
    }

  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_sensitive (self->import_button, TRUE);
  self->map = g_steal_pointer (&map);
  self->report = g_steal_pointer (&report);
  imp_canvas_set_map (IMP_CANVAS (self->canvas), self->map);

  {
    g_auto(GStrv) lines = imp_import_report_get_lines (self->report);

    for (guint i = 0; lines[i] != NULL; i++)
      add_report_row (self, lines[i]);
  }
}

static void
top_selected_cb (ImpImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->top_row));

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  self->options.shift = 1 - (int) selected;
  self->options.n_levels = 0;
  update_preview (self);
}

static void
set_top_model (ImpImportDialog *self)
{
  g_autoptr(GListModel) model = top_choices_model (self->options.vocabulary);
  guint n = g_list_model_get_n_items (model);
  int selected = 1 - self->options.shift;

  selected = CLAMP (selected, 0, (int) n - 1);
  self->options.shift = 1 - selected;
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->top_row), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->top_row), (guint) selected);
  self->updating = FALSE;
}

static void
vocabulary_selected_cb (ImpImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->vocabulary_row));

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  self->options.vocabulary = (ImpVocabulary) selected;
  set_top_model (self);
  update_preview (self);
}

static void
sheet_selected_cb (ImpImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->sheet_row));

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  self->options.sheet = selected;
  update_preview (self);
}

/**
 * imp_import_dialog_accept:
 *
 * What "Import" does: emits ::import with the map as previewed, and closes.
 */
void
imp_import_dialog_accept (ImpImportDialog *self)
{
  g_autoptr(ImpMap) map = NULL;

  g_return_if_fail (IMP_IS_IMPORT_DIALOG (self));

  if (self->map == NULL)
    return;

  map = g_object_ref (self->map);
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0, map);
  gtk_window_close (GTK_WINDOW (self));
}

static void
imp_import_dialog_dispose (GObject *object)
{
  ImpImportDialog *self = IMP_IMPORT_DIALOG (object);

  g_clear_object (&self->map);
  g_clear_pointer (&self->report, imp_import_report_free);
  g_clear_pointer (&self->source, imp_import_source_free);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (imp_import_dialog_parent_class)->dispose (object);
}

/* Return imports at once, as the default action should: the focus starts
 * on Import, not on the first button (Cancel). */
static void
imp_import_dialog_map (GtkWidget *widget)
{
  ImpImportDialog *self = IMP_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (imp_import_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (self->import_button);
}

static void
imp_import_dialog_class_init (ImpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_import_dialog_dispose;
  widget_class->map = imp_import_dialog_map;

  /**
   * ImpImportDialog::import:
   * @map: the map as previewed
   *
   * The user chose to import.
   */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, IMP_TYPE_MAP);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
imp_import_dialog_init (ImpImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *levels = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkStringList *vocabularies = gtk_string_list_new (NULL);

  self->report_rows = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_close), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_object (self->import_button, "clicked",
                           G_CALLBACK (imp_import_dialog_accept), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  gtk_box_append (GTK_BOX (box), header);

  /* The choices and the report on the left, the preview on the right. */
  gtk_widget_set_size_request (page, 420, -1);
  gtk_widget_set_hexpand (page, FALSE);
  gtk_box_append (GTK_BOX (body), page);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (levels), _("Levels"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (levels),
                                         _("The file has no levels: each depth of it becomes "
                                           "the next level of the map, and what is deeper "
                                           "than the last level becomes notes. When the "
                                           "file’s top node names the whole map rather than "
                                           "a goal, make it the map’s title."));

  self->sheet_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sheet_row), _("Sheet"));
  gtk_widget_set_visible (self->sheet_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (levels), self->sheet_row);

  for (int i = 0; i < IMP_N_VOCABULARIES; i++)
    gtk_string_list_append (vocabularies, imp_vocabulary_display_name ((ImpVocabulary) i));
  self->vocabulary_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vocabulary_row), _("Vocabulary"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->vocabulary_row), G_LIST_MODEL (vocabularies));
  g_object_unref (vocabularies);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (levels), self->vocabulary_row);

  self->top_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->top_row), _("Top Nodes Become"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (levels), self->top_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (levels));

  self->report_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->report_group),
                                   _("What the Import Changes"));
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->report_group), self->error_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (self->report_group));

  /* The preview: the canvas as the window draws it, fitted, not editable. */
  self->canvas = imp_canvas_new ();
  gtk_widget_set_can_target (self->canvas, FALSE);
  gtk_widget_set_focusable (self->canvas, FALSE);
  gtk_widget_set_hexpand (self->canvas, TRUE);
  gtk_widget_set_vexpand (self->canvas, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), self->canvas);
  gtk_widget_set_margin_top (frame, 12);
  gtk_widget_set_margin_bottom (frame, 12);
  gtk_widget_set_margin_end (frame, 12);
  gtk_widget_set_margin_start (frame, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the imported map"),
                                  -1);
  gtk_box_append (GTK_BOX (body), frame);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (box), body);

  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_object (self->sheet_row, "notify::selected",
                           G_CALLBACK (sheet_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vocabulary_row, "notify::selected",
                           G_CALLBACK (vocabulary_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_row, "notify::selected",
                           G_CALLBACK (top_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * imp_import_dialog_new:
 * @parent: the window that imports
 * @display_name: the file's name, for the title
 * @source: (transfer full): the file as read
 * @vocabulary: the vocabulary to start with
 *
 * Returns: (transfer floating): a modal dialog over @parent, showing the
 *   source mapped as the command line maps it by default
 */
ImpImportDialog *
imp_import_dialog_new (GtkWindow       *parent,
                       const char      *display_name,
                       ImpImportSource *source,
                       ImpVocabulary    vocabulary)
{
  ImpImportDialog *self;
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Import “%s”"), display_name);
  guint n_sheets;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (IMP_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       "destroy-with-parent", TRUE,
                       "title", title,
                       NULL);
  self->source = source;
  imp_import_options_init (&self->options);
  self->options.vocabulary = vocabulary;

  n_sheets = imp_import_source_get_n_sheets (source);
  if (n_sheets > 1)
    {
      GtkStringList *sheets = gtk_string_list_new (NULL);

      for (guint i = 0; i < n_sheets; i++)
        {
          const char *name = imp_import_source_get_sheet_name (source, i);
          /* Translators: a sheet of a workbook without a name; %u counts from 1 */
          g_autofree char *unnamed = g_strdup_printf (_("Sheet %u"), i + 1);

          gtk_string_list_append (sheets, name != NULL && name[0] != '\0' ? name : unnamed);
        }
      self->updating = TRUE;
      adw_combo_row_set_model (ADW_COMBO_ROW (self->sheet_row), G_LIST_MODEL (sheets));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->sheet_row), 0);
      self->updating = FALSE;
      g_object_unref (sheets);
      gtk_widget_set_visible (self->sheet_row, TRUE);
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->vocabulary_row), (guint) vocabulary);
  self->updating = FALSE;
  set_top_model (self);
  update_preview (self);

  return self;
}

/**
 * imp_import_dialog_get_map:
 *
 * Returns: (transfer none) (nullable): the map as previewed, or %NULL if
 *   the options chosen give none
 */
ImpMap *
imp_import_dialog_get_map (ImpImportDialog *self)
{
  g_return_val_if_fail (IMP_IS_IMPORT_DIALOG (self), NULL);

  return self->map;
}

/**
 * imp_import_dialog_get_report:
 *
 * Returns: (transfer full): the report shown, one line a change
 */
char *
imp_import_dialog_get_report (ImpImportDialog *self)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (IMP_IS_IMPORT_DIALOG (self), NULL);

  if (self->report == NULL)
    return g_strdup (gtk_label_get_text (GTK_LABEL (self->error_label)));
  lines = imp_import_report_get_lines (self->report);

  return g_strjoinv ("\n", lines);
}

/**
 * imp_import_dialog_get_top_row:
 *
 * Returns: (transfer none): the row that says what the top nodes become
 */
AdwComboRow *
imp_import_dialog_get_top_row (ImpImportDialog *self)
{
  g_return_val_if_fail (IMP_IS_IMPORT_DIALOG (self), NULL);

  return ADW_COMBO_ROW (self->top_row);
}

/**
 * imp_import_dialog_get_vocabulary_row:
 *
 * Returns: (transfer none): the row of the new map's vocabulary
 */
AdwComboRow *
imp_import_dialog_get_vocabulary_row (ImpImportDialog *self)
{
  g_return_val_if_fail (IMP_IS_IMPORT_DIALOG (self), NULL);

  return ADW_COMBO_ROW (self->vocabulary_row);
}

/**
 * imp_import_dialog_get_sheet_row:
 *
 * Returns: (transfer none): the row of the workbook's sheet, hidden for a
 *   file of one sheet
 */
AdwComboRow *
imp_import_dialog_get_sheet_row (ImpImportDialog *self)
{
  g_return_val_if_fail (IMP_IS_IMPORT_DIALOG (self), NULL);

  return ADW_COMBO_ROW (self->sheet_row);
}
