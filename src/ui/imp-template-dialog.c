/* imp-template-dialog.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-template-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-format.h"
#include "imp-template-dialog.h"
#include "imp-window-private.h"

/**
 * ImpTemplateDialog:
 *
 * "New from Template": the blank layouts (four levels, five levels, three
 * tiers) and the example maps. Choosing one opens it as a new, untitled
 * map, in the window that asked if that holds nothing worth keeping, else
 * in a new window. An example opens as a copy: saving asks where, so the
 * example itself is never overwritten.
 */
struct _ImpTemplateDialog
{
  AdwWindow  parent_instance;

  ImpWindow *parent;
};

G_DEFINE_FINAL_TYPE (ImpTemplateDialog, imp_template_dialog, ADW_TYPE_WINDOW)

#define EXAMPLE_PATH_KEY "imp-example-path"
#define TEMPLATE_KEY "imp-template"

/**
 * imp_template_dialog_get_examples_dir:
 *
 * Where the example maps are: `$IMP_EXAMPLES_DIR` if set, else the
 * installed `$datadir/impact-mapper/examples`, else, for a run from the
 * build tree, the source tree's `data/examples`.
 *
 * Returns: (transfer full) (nullable): the folder, or %NULL if none exists
 */
char *
imp_template_dialog_get_examples_dir (void)
{
  const char *env = g_getenv ("IMP_EXAMPLES_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "examples", NULL);

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
#ifdef SOURCE_EXAMPLES_DIR
  if (g_file_test (SOURCE_EXAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (SOURCE_EXAMPLES_DIR);
#endif

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * imp_template_dialog_list_examples:
 *
 * Returns: (transfer full): the paths of the example maps, sorted by name;
 *   empty if there are none
 */
char **
imp_template_dialog_list_examples (void)
{
  g_autofree char *dir_path = imp_template_dialog_get_examples_dir ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (dir_path != NULL)
    dir = g_dir_open (dir_path, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".impactmap"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/* The parent if it shows a new map never touched, else a new window. */
static ImpWindow *
show_map (ImpTemplateDialog *self,
          ImpMap            *map)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->parent));
  ImpWindow *window = self->parent;
  ImpMap *shown = imp_window_get_map (window);

  if (imp_window_get_file (window) != NULL || shown == NULL ||
      imp_document_get_modified (imp_window_get_document (window)) || imp_map_get_n_nodes (shown) > 1)
    window = imp_window_new (IMP_APPLICATION (application));

  imp_window_set_map (window, map, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));

  return window;
}

/**
 * imp_template_dialog_choose_template:
 * @template_: the layout
 *
 * Opens a blank map of @template_ and closes the dialog.
 *
 * Returns: (transfer none): the window showing the new map
 */
ImpWindow *
imp_template_dialog_choose_template (ImpTemplateDialog *self,
                                     ImpTemplate        template_)
{
  g_autoptr(ImpMap) map = NULL;

  g_return_val_if_fail (IMP_IS_TEMPLATE_DIALOG (self), NULL);
  g_return_val_if_fail ((guint) template_ < IMP_N_TEMPLATES, NULL);

  map = imp_template_new_map (template_);

  return show_map (self, map);
}

/**
 * imp_template_dialog_choose_example:
 * @path: an example map
 *
 * Opens a copy of the example at @path, untitled, and closes the dialog.
 *
 * Returns: (transfer none) (nullable): the window showing the copy, or
 *   %NULL with @error set if the example could not be read
 */
ImpWindow *
imp_template_dialog_choose_example (ImpTemplateDialog  *self,
                                    const char         *path,
                                    GError            **error)
{
  g_autoptr(ImpMap) map = NULL;

  g_return_val_if_fail (IMP_IS_TEMPLATE_DIALOG (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  map = imp_format_load_path (path, error);
  if (map == NULL)
    return NULL;

  return show_map (self, map);
}

static void
template_activated_cb (ImpTemplateDialog *self,
                       AdwActionRow      *row)
{
  ImpTemplate template_ = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), TEMPLATE_KEY));

  imp_template_dialog_choose_template (self, template_);
}

static void
example_activated_cb (ImpTemplateDialog *self,
                      AdwActionRow      *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), EXAMPLE_PATH_KEY);
  g_autoptr(GError) error = NULL;

  if (imp_template_dialog_choose_example (self, path, &error) == NULL)
    adw_action_row_set_subtitle (row, error->message);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
imp_template_dialog_class_init (ImpTemplateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
imp_template_dialog_init (ImpTemplateDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *blank = adw_preferences_group_new ();
  GtkWidget *examples = adw_preferences_group_new ();
  g_auto(GStrv) paths = imp_template_dialog_list_examples ();

  gtk_window_set_title (GTK_WINDOW (self), _("New from Template"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (blank), _("Blank Map"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (blank),
                                         _("Empty levels with prompts to fill in"));
  for (int t = 0; t < IMP_N_TEMPLATES; t++)
    {
      GtkWidget *row = make_row (imp_template_get_name (t), imp_template_get_description (t));

      g_object_set_data (G_OBJECT (row), TEMPLATE_KEY, GINT_TO_POINTER (t));
      g_signal_connect_object (row, "activated", G_CALLBACK (template_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (blank), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (blank));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (examples), _("Example Maps"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (examples),
                                         _("Opens as an untitled copy: the example is never "
                                           "changed"));
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(ImpMap) map = imp_format_load_path (paths[i], NULL);
      g_autofree char *basename = g_path_get_basename (paths[i]);
      g_autofree char *display = g_filename_display_name (basename);
      const char *title = map != NULL ? imp_map_get_title (map) : NULL;
      GtkWidget *row;

      if (map == NULL)
        continue;

      row = make_row (title != NULL && title[0] != '\0' ? title : display, display);
      g_object_set_data_full (G_OBJECT (row), EXAMPLE_PATH_KEY, g_strdup (paths[i]), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (example_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (examples), row);
    }
  if (paths[0] == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (examples),
                                           _("No example maps are installed"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (examples));
}

/**
 * imp_template_dialog_new:
 * @parent: the window that asks
 *
 * Returns: (transfer floating): a modal dialog over @parent
 */
ImpTemplateDialog *
imp_template_dialog_new (ImpWindow *parent)
{
  ImpTemplateDialog *self;

  g_return_val_if_fail (IMP_IS_WINDOW (parent), NULL);

  self = g_object_new (IMP_TYPE_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       "application", gtk_window_get_application (GTK_WINDOW (parent)),
                       "destroy-with-parent", TRUE,
                       NULL);
  self->parent = parent;

  return self;
}
