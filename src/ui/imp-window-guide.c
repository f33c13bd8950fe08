/* imp-window-guide.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map with nothing but its goal shows a short guide to the first steps
 * over the canvas; it goes away by itself once the map grows.
 */

#define G_LOG_DOMAIN "imp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-window-private.h"

#define GUIDE_KEY "imp-window-guide"
#define MAP_KEY "imp-window-guide-map"

/* @leaving: nodes still in the map that are on their way out. */
static void
update_guide (ImpWindow *self,
              guint      leaving)
{
  GtkWidget *guide = g_object_get_data (G_OBJECT (self), GUIDE_KEY);
  ImpMap *map = imp_canvas_get_map (self->canvas);

  gtk_widget_set_visible (guide, map != NULL && imp_map_get_n_nodes (map) <= 1 + leaving);
}

static void
map_changed_cb (ImpWindow     *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  /* A removed node is still counted while the signal runs. */
  update_guide (self, kind == IMP_CHANGE_NODE_REMOVED ? 1 : 0);
}

static void
canvas_map_cb (ImpWindow *self)
{
  ImpMap *old = g_object_get_data (G_OBJECT (self), MAP_KEY);
  ImpMap *map = imp_canvas_get_map (self->canvas);

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, map_changed_cb, self);
  g_object_set_data_full (G_OBJECT (self), MAP_KEY,
                          map != NULL ? g_object_ref (map) : NULL, g_object_unref);
  if (map != NULL)
    g_signal_connect_object (map, "changed", G_CALLBACK (map_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_guide (self, 0);
}

static GtkWidget *
make_guide (void)
{
  const char *steps[] = {
    N_("Click the goal and type the change you want to see"),
    N_("Press Tab to add who can help or hinder: an actor"),
    N_("Keep pressing Tab for impacts, then deliverables"),
    N_("Press Return for a sibling; F9 opens the inspector"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("First Steps"));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_can_target (box, FALSE);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "osd");

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 18);
  gtk_widget_set_margin_end (title, 18);
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, _(steps[i]));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 18);
      gtk_widget_set_margin_end (label, 18);
      gtk_box_append (GTK_BOX (box), label);
    }

  {
    GtkWidget *label = gtk_label_new (_("Or start from a template: Main Menu, New from Template…"));

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_set_margin_start (label, 18);
    gtk_widget_set_margin_end (label, 18);
    gtk_widget_set_margin_bottom (label, 12);
    gtk_box_append (GTK_BOX (box), label);
  }

  return box;
}

void
_imp_window_guide_init (ImpWindow *self)
{
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *guide = make_guide ();

  /* The canvas moves into an overlay in the flap, so the guide floats over
   * it without taking input from it. */
  g_object_ref (canvas);
  adw_flap_set_content (self->inspector_flap, overlay);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), canvas);
  g_object_unref (canvas);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), guide);
  g_object_set_data (G_OBJECT (self), GUIDE_KEY, guide);

  g_signal_connect_object (canvas, "notify::map", G_CALLBACK (canvas_map_cb), self,
                           G_CONNECT_SWAPPED);
  canvas_map_cb (self);
}

/**
 * _imp_window_guide_is_visible:
 *
 * Returns: whether the first-steps guide shows
 */
gboolean
_imp_window_guide_is_visible (ImpWindow *self)
{
  return gtk_widget_get_visible (g_object_get_data (G_OBJECT (self), GUIDE_KEY));
}
