/* imp-window.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-format.h"
#include "imp-session.h"
#include "imp-a11y.h"
#include "imp-window-outline.h"
#include "imp-window-private.h"

/**
 * ImpWindow:
 *
 * One document per window: a header bar with the map's title and file, and
 * the canvas, or a status page when the file could not be read.
 */

enum {
  PROP_0,
  PROP_MAP,
  PROP_FILE,
  PROP_DOCUMENT,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RESOURCE_PATH "/io/github/impactmapper/ImpactMapper/"

G_DEFINE_FINAL_TYPE (ImpWindow, imp_window, ADW_TYPE_APPLICATION_WINDOW)


static void
update_title (ImpWindow *self)
{
  g_autofree char *file_name = NULL;
  const char *title = NULL;

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      file_name = g_filename_display_name (basename);
    }

  if (self->map != NULL)
    title = imp_map_get_title (self->map);

  if (title == NULL || title[0] == '\0')
    title = self->map != NULL || file_name == NULL ? _("Untitled Map") : file_name;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 file_name != NULL && g_strcmp0 (file_name, title) != 0
                                 ? file_name : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
  _imp_window_files_update_title (self);
}

static void
map_title_changed_cb (ImpWindow  *self,
                      GParamSpec *pspec,
                      ImpMap     *map)
{
  update_title (self);
}

/* The layout radio items and the header-bar control follow the map, undo
 * included. */
static void
map_changed_cb (ImpWindow     *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  if (kind == IMP_CHANGE_LAYOUT || kind == IMP_CHANGE_EVERYTHING)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static gboolean
update_zoom_cb (gpointer user_data)
{
  ImpWindow *self = IMP_WINDOW (user_data);
  ImpViewport *viewport = imp_canvas_get_viewport (self->canvas);
  g_autofree char *label = NULL;
  g_autofree char *a11y_label = NULL;

  self->zoom_update_source = 0;

  /* Translators: the zoom level in the header bar, e.g. "85%" */
  label = g_strdup_printf (_("%d%%"), (int) (imp_viewport_get_zoom (viewport) * 100 + 0.5));
  gtk_label_set_label (self->zoom_level_label, label);
  /* Translators: accessible name of the zoom level button; %s is e.g. "85%" */
  a11y_label = g_strdup_printf (_("Reset Zoom, now %s"), label);
  /* The button around the label: its name says what it does and the level. */
  imp_a11y_set_label (gtk_widget_get_parent (GTK_WIDGET (self->zoom_level_label)), a11y_label);

  _imp_window_actions_update (self);

  return G_SOURCE_REMOVE;
}

static void
zoom_changed_cb (ImpWindow   *self,
                 GParamSpec  *pspec,
                 ImpViewport *viewport)
{
  /* The canvas fits the map while it is allocated; relabelling the header
   * bar there would ask for a new layout in the middle of this one. */
  if (self->zoom_update_source == 0)
    self->zoom_update_source = g_idle_add (update_zoom_cb, self);
}

void
_imp_window_view_zoom_in_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  imp_canvas_zoom_in (IMP_WINDOW (widget)->canvas);
}

void
_imp_window_view_zoom_out_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  imp_canvas_zoom_out (IMP_WINDOW (widget)->canvas);
}

void
_imp_window_view_zoom_reset_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  imp_canvas_zoom_reset (IMP_WINDOW (widget)->canvas);
}

void
_imp_window_view_zoom_fit_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  imp_canvas_zoom_fit (IMP_WINDOW (widget)->canvas);
}

static void
imp_window_dispose (GObject *object)
{
  ImpWindow *self = IMP_WINDOW (object);

  g_clear_handle_id (&self->zoom_update_source, g_source_remove);
  _imp_window_inspector_dispose (self);
  _imp_window_edit_dispose (self);
  _imp_window_keys_dispose (self);
  _imp_window_timebox_dispose (self);
  _imp_window_reviews_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMP_TYPE_WINDOW);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  g_clear_object (&self->file);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (imp_window_parent_class)->dispose (object);
}

static void
imp_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ImpWindow *self = IMP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LAYOUT:
      g_value_set_enum (value, self->map != NULL ? imp_map_get_layout (self->map)
                                                 : IMP_LAYOUT_RIGHT);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
imp_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ImpWindow *self = IMP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_LAYOUT:
      /* One undo step; the map's change notifies the property. */
      if (self->history != NULL && self->map != NULL &&
          imp_map_get_layout (self->map) != (ImpLayoutKind) g_value_get_enum (value))
        imp_history_set_layout (self->history, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shows the document's map: the canvas, the editing, the inspector and the
 * workshop follow it. The only place the window's map changes. */
static void
document_map_cb (ImpWindow *self)
{
  ImpMap *map = imp_document_get_map (self->document);
  g_autoptr(ImpScene) scene = imp_document_take_scene (self->document);

  if (self->map != map)
    {
      if (self->map != NULL)
        g_signal_handlers_disconnect_by_data (self->map, self);

      g_set_object (&self->map, map);

      if (self->map != NULL)
        {
          g_signal_connect_object (self->map, "notify::title",
                                   G_CALLBACK (map_title_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (self->map, "changed",
                                   G_CALLBACK (map_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }

  /* A scene laid out while the file was read is used as it is. */
  if (scene != NULL)
    imp_canvas_offer_scene (self->canvas, scene);
  imp_canvas_set_map (self->canvas, map);
  _imp_window_edit_set_map (self);
  _imp_window_inspector_set_map (self);
  _imp_window_workshop_set_map (self);
  _imp_window_reviews_set_map (self);
  _imp_window_outline_set_map (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
  /* Keys go to the map, not to the first button of the header bar. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->canvas));

  update_title (self);
  _imp_window_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static void
document_file_cb (ImpWindow *self)
{
  if (!g_set_object (&self->file, imp_document_get_file (self->document)))
    return;

  update_title (self);
  /* Whether the file has earlier versions in git to compare with. */
  _imp_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
imp_window_constructed (GObject *object)
{
  ImpWindow *self = IMP_WINDOW (object);

  G_OBJECT_CLASS (imp_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = imp_document_new (NULL);

  g_signal_connect_object (self->document, "notify::map",
                           G_CALLBACK (document_map_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (document_file_cb), self, G_CONNECT_SWAPPED);
  _imp_window_files_set_document (self);

  if (imp_document_get_map (self->document) != NULL)
    document_map_cb (self);
  document_file_cb (self);
}

static void
imp_window_class_init (ImpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_window_dispose;
  object_class->get_property = imp_window_get_property;
  object_class->set_property = imp_window_set_property;
  object_class->constructed = imp_window_constructed;

  /**
   * ImpWindow:map:
   *
   * The document shown, or %NULL when the file could not be read.
   */
  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         IMP_TYPE_MAP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ImpWindow:file:
   *
   * Where the document was read from and will be saved, or %NULL for a
   * new map never saved.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ImpWindow:document:
   *
   * The open map the window shows, with its file and history.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         IMP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ImpWindow:layout:
   *
   * How the map is drawn. Setting it switches the map's layout through the
   * history, one undo step; it is the state of the `win.layout` action.
   */
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       IMP_TYPE_LAYOUT_KIND, IMP_LAYOUT_RIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IMP_TYPE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "imp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ImpWindow, zoom_level_label);


  /* Every action, in one table; the companion files add their keys. */
  _imp_window_actions_class_init (klass);
  _imp_window_files_class_init (klass);
  _imp_window_edit_class_init (klass);
  _imp_window_inspector_class_init (klass);
  _imp_window_export_class_init (klass);
  _imp_window_workshop_class_init (klass);
  _imp_window_keys_class_init (klass);
  _imp_window_print_class_init (klass);
  _imp_window_overview_class_init (klass);
}

static void
imp_window_init (ImpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  imp_a11y_repair_on_map (GTK_WIDGET (self));
  _imp_window_files_init (self);
  _imp_window_edit_init (self);
  _imp_window_inspector_init (self);
  _imp_window_export_init (self);
  _imp_window_state_init (self);
  _imp_window_guide_init (self);
  _imp_window_workshop_init (self);
  _imp_window_keys_init (self);
  _imp_window_timebox_init (self);
  _imp_window_print_init (self);
  _imp_window_reviews_init (self);
  _imp_window_outline_init (self);
  _imp_window_narrow_init (self);

  g_signal_connect_object (imp_canvas_get_viewport (self->canvas), "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_title (self);
  _imp_window_actions_update (self);
}

/**
 * imp_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer full): a new window showing no map
 */
ImpWindow *
imp_window_new (ImpApplication *application)
{
  g_autoptr(ImpDocument) document = NULL;

  g_return_val_if_fail (IMP_IS_APPLICATION (application), NULL);

  document = imp_session_new_document (imp_application_get_session (application));

  return imp_window_new_for_document (application, document);
}

/**
 * imp_window_new_for_document:
 * @application: the application the window belongs to
 * @document: the document to show
 *
 * Returns: (transfer full): a new window showing @document
 */
ImpWindow *
imp_window_new_for_document (ImpApplication *application,
                             ImpDocument    *document)
{
  g_return_val_if_fail (IMP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IMP_IS_DOCUMENT (document), NULL);

  return g_object_new (IMP_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/**
 * imp_window_set_map:
 * @map: (nullable): the document to show
 * @file: (nullable): where it lives or will be saved, or %NULL for a new map
 *
 * Shows @map, fitted to the window. A file that does not exist yet is fine:
 * it is where the map will be saved.
 */
void
imp_window_set_map (ImpWindow *self,
                    ImpMap    *map,
                    GFile     *file)
{
  g_return_if_fail (IMP_IS_WINDOW (self));
  g_return_if_fail (map == NULL || IMP_IS_MAP (map));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (imp_document_get_map (self->document) == map)
    {
      /* The same map: only the file, or the page, changes. */
      imp_document_set_map (self->document, map, file);
      document_map_cb (self);
    }
  else
    imp_document_set_map (self->document, map, file);
}

/**
 * imp_window_get_document:
 *
 * Returns: (transfer none): the open map the window shows
 */
ImpDocument *
imp_window_get_document (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * imp_window_get_map:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
ImpMap *
imp_window_get_map (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return self->map;
}

/**
 * imp_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the document lives or will be saved
 */
GFile *
imp_window_get_file (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * imp_window_get_canvas:
 *
 * Returns: (transfer none): the canvas drawing the map
 */
ImpCanvas *
imp_window_get_canvas (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), NULL);

  return self->canvas;
}

/**
 * imp_window_show_error:
 * @title: what went wrong, in a few words
 * @message: (nullable): the details, as plain text
 *
 * Shows a page stating the error in place of the canvas, until the next
 * imp_window_set_map().
 */
void
imp_window_show_error (ImpWindow  *self,
                       const char *title,
                       const char *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (IMP_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  if (message != NULL)
    markup = g_markup_escape_text (message, -1);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");

  _imp_window_actions_update (self);
}

/**
 * imp_window_is_showing_error:
 *
 * Returns: whether the window shows an error page in place of the map
 */
gboolean
imp_window_is_showing_error (ImpWindow *self)
{
  g_return_val_if_fail (IMP_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0;
}
