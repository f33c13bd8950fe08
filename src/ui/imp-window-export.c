/* imp-window-export.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-export-dialog.h"
#include "imp-viewport.h"
#include "imp-window-private.h"

/* The window's side of exporting: win.export (Ctrl+E) opens the export
 * dialog for the shown map, and a toast reports the file written, with a
 * button that opens its folder. */

static void
exported_cb (ImpWindow *self,
             GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-export-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_imp_window_export_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ImpWindow *self = IMP_WINDOW (widget);
  ImpMap *map = imp_window_get_map (self);
  ImpCanvas *canvas = imp_window_get_canvas (self);
  ImpExportDialog *dialog;
  ImpNode *selected;
  ImpRect view;

  if (map == NULL || imp_window_is_showing_error (self))
    return;

  selected = imp_canvas_get_selected (canvas);
  imp_viewport_get_visible_rect (imp_canvas_get_viewport (canvas), &view);

  dialog = imp_export_dialog_new (GTK_WINDOW (self), map, imp_window_get_file (self),
                                  selected ? selected->id : NULL, &view);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_imp_window_export_open_export_folder_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

void
_imp_window_export_class_init (ImpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (IMP_TYPE_EXPORT_DIALOG);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
}

void
_imp_window_export_init (ImpWindow *self)
{
}
