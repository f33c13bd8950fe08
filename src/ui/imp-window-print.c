/* imp-window-print.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-print"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-poster.h"
#include "imp-viewport.h"
#include "imp-window-private.h"

/* The window's side of printing: win.print (Ctrl+P) runs a
 * GtkPrintOperation whose pages the core's poster plan draws (the
 * widget-free imp-poster.c), on the paper the page setup names. A "Map"
 * tab in the print dialog chooses what to print (whole map, the selected
 * branch, the current view), the colours (the print theme by default) and
 * the poster (one sheet, or tiled over several, with overlap, crop marks
 * and labels). The dialog's Preview button hands the document to the
 * desktop's previewer (GTK's gtk-print-preview-command, Evince on GNOME). */

/* The print dialog's settings and page setup, kept while the app runs. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

/* The poster choices of the Map tab, in its drop-down's order. */
static const struct {
  const char   *label;
  ImpPosterSize size;
  guint         columns, rows;
} poster_choices[] = {
  { N_("One sheet"), IMP_POSTER_FIT, 1, 1 },
  { N_("2 × 1 sheets"), IMP_POSTER_TILES, 2, 1 },
  { N_("2 × 2 sheets"), IMP_POSTER_TILES, 2, 2 },
  { N_("3 × 2 sheets"), IMP_POSTER_TILES, 3, 2 },
  { N_("4 × 3 sheets"), IMP_POSTER_TILES, 4, 3 },
  { N_("A2 poster"), IMP_POSTER_A2, 1, 1 },
  { N_("A1 poster"), IMP_POSTER_A1, 1, 1 },
  { N_("A0 poster"), IMP_POSTER_A0, 1, 1 },
};

typedef struct
{
  ImpWindow        *window;
  ImpExportOptions  picture;
  ImpPosterOptions  poster;
  char             *branch_id;
  ImpPoster        *plan;
  GError           *error;
  /* the Map tab, while the dialog is open */
  GtkWidget        *scope;
  GtkWidget        *theme;
  GtkWidget        *size;
  GtkWidget        *overlap;
  GtkWidget        *marks;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->plan, imp_poster_free);
  g_clear_error (&job->error);
  g_free (job->branch_id);
  g_free (job);
}

static void
print_job_set_scope (PrintJob *job,
                     guint     scope)
{
  ImpCanvas *canvas = imp_window_get_canvas (job->window);
  ImpNode *selected = imp_canvas_get_selected (canvas);

  job->picture.scope = IMP_EXPORT_SCOPE_MAP;
  if (scope == 1 && selected != NULL)
    {
      g_free (job->branch_id);
      job->branch_id = g_strdup (selected->id);
      job->picture.scope = IMP_EXPORT_SCOPE_BRANCH;
      job->picture.branch_id = job->branch_id;
    }
  else if (scope == 2)
    {
      job->picture.scope = IMP_EXPORT_SCOPE_RECT;
      imp_viewport_get_visible_rect (imp_canvas_get_viewport (canvas), &job->picture.rect);
    }
}

static GtkWidget *
attach_row (GtkGrid    *grid,
            int         row,
            const char *label,
            GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);

  return widget;
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  const char *scopes[] = { _("Whole map"), _("Selected branch"), _("Current view"), NULL };
  const char *themes[] = { _("Light"), _("Dark"), _("Print"), _("Projector"), NULL };
  g_autoptr(GPtrArray) sizes = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (poster_choices); i++)
    g_ptr_array_add (sizes, (gpointer) _(poster_choices[i].label));
  g_ptr_array_add (sizes, NULL);

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  g_object_set (grid, "margin-start", 18, "margin-end", 18, "margin-top", 18,
                "margin-bottom", 18, NULL);

  job->scope = attach_row (grid, 0, _("_Print"), gtk_drop_down_new_from_strings (scopes));
  job->theme = attach_row (grid, 1, _("_Colours"), gtk_drop_down_new_from_strings (themes));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (job->theme), job->picture.theme);
  job->size = attach_row (grid, 2, _("Po_ster"),
                          gtk_drop_down_new_from_strings ((const char * const *) sizes->pdata));
  job->overlap = attach_row (grid, 3, _("_Overlap (mm)"),
                             gtk_spin_button_new_with_range (0, 50, 1));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (job->overlap), job->poster.overlap);
  job->marks = gtk_check_button_new_with_mnemonic (_("Crop _marks and sheet labels"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->marks), job->poster.crop_marks);
  gtk_grid_attach (grid, job->marks, 1, 4, 1, 1);

  if (imp_canvas_get_selected (imp_window_get_canvas (job->window)) == NULL)
    {
      /* only the whole map and the view without a selection */
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

      gtk_string_list_append (list, scopes[0]);
      gtk_string_list_append (list, scopes[2]);
      gtk_drop_down_set_model (GTK_DROP_DOWN (job->scope), G_LIST_MODEL (list));
    }

  return G_OBJECT (grid);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  guint scope = gtk_drop_down_get_selected (GTK_DROP_DOWN (job->scope));
  guint size = gtk_drop_down_get_selected (GTK_DROP_DOWN (job->size));

  if (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (job->scope))) == 2 &&
      scope == 1)
    scope = 2;
  print_job_set_scope (job, scope);
  job->picture.theme = gtk_drop_down_get_selected (GTK_DROP_DOWN (job->theme));
  if (size < G_N_ELEMENTS (poster_choices))
    {
      job->poster.size = poster_choices[size].size;
      job->poster.columns = poster_choices[size].columns;
      job->poster.rows = poster_choices[size].rows;
    }
  job->poster.overlap = gtk_spin_button_get_value (GTK_SPIN_BUTTON (job->overlap));
  job->poster.crop_marks = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->marks));
  job->poster.labels = job->poster.crop_marks;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_pointer (&job->plan, imp_poster_free);
  g_clear_error (&job->error);

  /* The whole paper is ours (use-full-page): its size in points. */
  job->poster.sheet = IMP_POSTER_SHEET_CUSTOM;
  job->poster.sheet_width = gtk_print_context_get_width (context);
  job->poster.sheet_height = gtk_print_context_get_height (context);
  {
    double top, bottom, left, right, hard;

    /* never print into what the printer cannot reach */
    if (gtk_print_context_get_hard_margins (context, &top, &bottom, &left, &right))
      {
        hard = MAX (MAX (top, bottom), MAX (left, right)) * 25.4 / 72;
        job->poster.margin = CLAMP (MAX (job->poster.margin, hard + 2), 5, 30);
      }
  }

  job->plan = imp_poster_new (imp_window_get_map (job->window), &job->picture, &job->poster,
                              &job->error);
  if (job->plan == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, imp_poster_get_n_pages (job->plan));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (job->plan == NULL || page < 0 || (guint) page >= imp_poster_get_n_pages (job->plan))
    return;

  imp_poster_draw_page (job->plan, (guint) page, gtk_print_context_get_cairo_context (context));
}

static GtkPrintOperation *
print_operation_new (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = imp_map_get_title (imp_window_get_map (job->window));

  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title != NULL && *title ? title : _("Impact map"));
  gtk_print_operation_set_custom_tab_label (operation, _("Map"));
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);

  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  return operation;
}

static PrintJob *
print_job_new (ImpWindow *self)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->window = self;
  imp_export_options_init (&job->picture);
  job->picture.format = IMP_EXPORT_PDF;
  job->picture.theme = IMP_THEME_PRINT;
  imp_poster_options_init (&job->poster);
  /* the poster whose page frame is shown, if any */
  imp_canvas_get_page_frame (imp_window_get_canvas (self), &job->poster);

  return job;
}

static void
report_result (ImpWindow               *self,
               GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_autoptr(GError) error = NULL;
  const char *message = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      message = error != NULL ? error->message : NULL;
    }
  else if (job->error != NULL)
    {
      message = job->error->message;
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }

  if (message != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not print: %s"), message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  report_result (job->window, operation, result, job);
  print_job_free (job);
  g_object_unref (operation);
}

void
_imp_window_print_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ImpWindow *self = IMP_WINDOW (widget);
  GtkPrintOperation *operation;
  PrintJob *job;

  if (imp_window_get_map (self) == NULL || imp_window_is_showing_error (self))
    return;

  job = print_job_new (self);
  operation = print_operation_new (job);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), NULL) != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* "done" has run already, or will not: the job is over either way */
    }
}

/**
 * _imp_window_print_to_pdf:
 * @self: the window
 * @path: the PDF to write
 * @picture: (nullable): what to print, or the print dialog's defaults
 * @poster: (nullable): the poster, or one sheet
 * @error: return location for an error
 *
 * Runs the same print operation as win.print without its dialog, exported
 * to a PDF on A4 (GTK_PRINT_OPERATION_ACTION_EXPORT): tests read it back.
 *
 * Returns: whether the PDF was written
 */
gboolean
_imp_window_print_to_pdf (ImpWindow               *self,
                          const char              *path,
                          const ImpExportOptions  *picture,
                          const ImpPosterOptions  *poster,
                          GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;
  PrintJob *job = print_job_new (self);
  gboolean ok;

  if (picture != NULL)
    job->picture = *picture;
  if (poster != NULL)
    job->poster = *poster;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  operation = print_operation_new (job);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  ok = result != GTK_PRINT_OPERATION_RESULT_ERROR && job->error == NULL;
  if (job->error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  print_job_free (job);

  return ok;
}

void
_imp_window_print_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
}

/* View ▸ Page Frame: the choices, by the action's target. */
static gboolean
page_frame_from_name (const char       *name,
                      ImpPosterOptions *poster)
{
  guint columns, rows;

  imp_poster_options_init (poster);
  if (imp_poster_parse_tiles (name, &columns, &rows))
    {
      poster->size = IMP_POSTER_TILES;
      poster->columns = columns;
      poster->rows = rows;
      return TRUE;
    }

  return imp_poster_size_from_string (name, &poster->size) && poster->size != IMP_POSTER_FIT;
}

static void
page_frame_changed_cb (GSimpleAction *action,
                       GVariant      *state,
                       ImpWindow     *self)
{
  ImpPosterOptions poster;
  const char *name = g_variant_get_string (state, NULL);

  g_simple_action_set_state (action, state);
  if (page_frame_from_name (name, &poster))
    imp_canvas_set_page_frame (imp_window_get_canvas (self), &poster);
  else
    imp_canvas_set_page_frame (imp_window_get_canvas (self), NULL);
}

void
_imp_window_print_init (ImpWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) frame =
    g_simple_action_new_stateful ("page-frame", G_VARIANT_TYPE_STRING,
                                  g_variant_new_string ("none"));

  g_signal_connect_object (frame, "change-state", G_CALLBACK (page_frame_changed_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (frame));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "poster", G_ACTION_GROUP (group));
}
