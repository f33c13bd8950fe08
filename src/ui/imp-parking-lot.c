/* imp-parking-lot.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-parking-lot"

#include "config.h"

#include <glib/gi18n.h>

#include "imp-a11y.h"
#include "imp-parking-lot.h"

/**
 * ImpParkingLot:
 *
 * The workshop's quick-capture tray: ideas typed as fast as they are said
 * (Enter after each, the entry keeps the focus), listed below with a
 * button to remove each, and dragged onto the map later to become cards.
 * The ideas live in the map (saved with it) and every change goes through
 * the history.
 */
struct _ImpParkingLot
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *entry;
  GtkWidget  *error_label;
  GtkWidget  *list;
  GtkWidget  *empty_label;

  ImpHistory *history;
  ImpMap     *map;
};

G_DEFINE_BOXED_TYPE (ImpParkedDrag, imp_parked_drag, imp_parked_drag_copy, imp_parked_drag_free)

G_DEFINE_FINAL_TYPE (ImpParkingLot, imp_parking_lot, GTK_TYPE_WIDGET)

enum {
  PLACE_IDEA,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define POSITION_KEY "imp-parked-position"

ImpParkedDrag *
imp_parked_drag_new (guint       position,
                     const char *text)
{
  ImpParkedDrag *drag = g_new0 (ImpParkedDrag, 1);

  drag->position = position;
  drag->text = g_strdup (text);

  return drag;
}

ImpParkedDrag *
imp_parked_drag_copy (const ImpParkedDrag *drag)
{
  g_return_val_if_fail (drag != NULL, NULL);

  return imp_parked_drag_new (drag->position, drag->text);
}

void
imp_parked_drag_free (ImpParkedDrag *drag)
{
  if (drag == NULL)
    return;

  g_free (drag->text);
  g_free (drag);
}

static void
remove_clicked_cb (GtkButton     *button,
                   ImpParkingLot *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), POSITION_KEY));

  if (self->history != NULL && position < imp_map_get_n_parked (self->map))
    imp_history_remove_parked (self->history, position);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 ImpParkingLot *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), POSITION_KEY));
  g_autoptr(ImpParkedDrag) drag = NULL;
  GdkContentProvider *providers[2];

  if (self->map == NULL || position >= imp_map_get_n_parked (self->map))
    return NULL;

  /* The map takes the idea itself; any other app takes its text. */
  drag = imp_parked_drag_new (position, imp_map_get_parked (self->map, position));
  providers[0] = gdk_content_provider_new_typed (IMP_TYPE_PARKED_DRAG, drag);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, drag->text);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               ImpParkingLot *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static GtkWidget *
make_row (ImpParkingLot *self,
          guint          position,
          const char    *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *remove_label = NULL;

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Idea"));
  /* Translators: accessible name of the button that removes a parked idea; %s is the idea */
  remove_label = g_strdup_printf (_("Remove “%s”"), text);
  imp_a11y_set_label (remove, remove_label);
  g_object_set_data (G_OBJECT (remove), POSITION_KEY, GUINT_TO_POINTER (position));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  imp_a11y_set_label (row, text);
  /* Enter on a row places the idea, for those who do not drag. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Drag onto the map to place it, or press Enter to put it "
                                      "under the selected card"));
  g_object_set_data (G_OBJECT (row), POSITION_KEY, GUINT_TO_POINTER (position));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
rebuild (ImpParkingLot *self)
{
  GtkWidget *child;
  guint n = self->map != NULL ? imp_map_get_n_parked (self->map) : 0;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         make_row (self, i, imp_map_get_parked (self->map, i)));

  gtk_widget_set_visible (self->list, n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
map_changed_cb (ImpParkingLot *self,
                ImpChangeKind  kind,
                gpointer       object,
                ImpMap        *map)
{
  if (kind == IMP_CHANGE_PARKING_LOT || kind == IMP_CHANGE_EVERYTHING)
    rebuild (self);
}

static void
show_error (ImpParkingLot *self,
            const char    *message)
{
  gtk_label_set_label (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

static void
entry_activate_cb (ImpParkingLot *self,
                   GtkEntry      *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* The entry keeps the focus: the next idea is typed at once. */
  if (imp_parking_lot_park (self, text, &error))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else if (error != NULL)
    show_error (self, error->message);
}

static void
row_activated_cb (ImpParkingLot *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), POSITION_KEY));

  if (self->map != NULL && position < imp_map_get_n_parked (self->map))
    g_signal_emit (self, signals[PLACE_IDEA], 0, position);
}

static void
entry_changed_cb (ImpParkingLot *self,
                  GtkEditable   *editable)
{
  show_error (self, NULL);
}

static void
imp_parking_lot_dispose (GObject *object)
{
  ImpParkingLot *self = IMP_PARKING_LOT (object);

  imp_parking_lot_set_history (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (imp_parking_lot_parent_class)->dispose (object);
}

static void
imp_parking_lot_class_init (ImpParkingLotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_parking_lot_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "impparkinglot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * ImpParkingLot::place-idea:
   * @position: the idea's place in the parking lot
   *
   * Asks to put the idea on the map from the keyboard: Enter on its row.
   */
  signals[PLACE_IDEA] =
    g_signal_new ("place-idea", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
imp_parking_lot_init (ImpParkingLot *self)
{
  GtkWidget *title = gtk_label_new (_("Parking Lot"));
  GtkWidget *hint = gtk_label_new (_("Ideas to come back to. Drag one onto a card or a "
                                     "column to place it on the map, or select a card and "
                                     "press Enter on the idea."));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  imp_a11y_set_label (GTK_WIDGET (self), _("Parking Lot"));
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, -1);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (self->box), title);

  gtk_widget_add_css_class (hint, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 30);
  gtk_box_append (GTK_BOX (self->box), hint);

  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Type an idea, press Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New idea"),
                                  -1);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->entry);

  self->error_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);

  self->list = gtk_list_box_new ();
  imp_a11y_set_label (self->list, _("Parked ideas"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_valign (self->list, GTK_ALIGN_START);
  gtk_widget_set_margin_bottom (self->list, 12);
  gtk_box_append (GTK_BOX (list_box), self->list);

  self->empty_label = gtk_label_new (_("No ideas parked yet"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 12);
  gtk_box_append (GTK_BOX (list_box), self->empty_label);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  rebuild (self);
}

/**
 * imp_parking_lot_new:
 *
 * Returns: (transfer floating): an empty parking lot, with no map
 */
GtkWidget *
imp_parking_lot_new (void)
{
  return g_object_new (IMP_TYPE_PARKING_LOT, NULL);
}

/**
 * imp_parking_lot_get_history:
 *
 * Returns: (transfer none) (nullable): the history ideas are parked through
 */
ImpHistory *
imp_parking_lot_get_history (ImpParkingLot *self)
{
  g_return_val_if_fail (IMP_IS_PARKING_LOT (self), NULL);

  return self->history;
}

/**
 * imp_parking_lot_set_history:
 * @history: (nullable): the history of the map whose ideas to show
 *
 * Shows the ideas parked in @history's map; new ones are parked through it.
 */
void
imp_parking_lot_set_history (ImpParkingLot *self,
                             ImpHistory    *history)
{
  g_return_if_fail (IMP_IS_PARKING_LOT (self));
  g_return_if_fail (history == NULL || IMP_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  g_set_object (&self->history, history);

  if (history != NULL)
    {
      self->map = g_object_ref (imp_history_get_map (history));
      g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->list != NULL)
    rebuild (self);
}

/**
 * imp_parking_lot_get_entry:
 *
 * Returns: (transfer none): the entry new ideas are typed in
 */
GtkWidget *
imp_parking_lot_get_entry (ImpParkingLot *self)
{
  g_return_val_if_fail (IMP_IS_PARKING_LOT (self), NULL);

  return self->entry;
}

/**
 * imp_parking_lot_park:
 * @text: the idea
 *
 * Parks @text, trimmed, at the end of the list, as Enter in the entry does.
 *
 * Returns: %TRUE if parked; %FALSE with @error set for an empty idea or
 *   without a map
 */
gboolean
imp_parking_lot_park (ImpParkingLot  *self,
                      const char     *text,
                      GError        **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (IMP_IS_PARKING_LOT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->history == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no map to park ideas in"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text));

  return imp_history_add_parked (self->history, trimmed, error);
}

/**
 * imp_parking_lot_get_n_rows:
 *
 * Returns: how many ideas the list shows
 */
guint
imp_parking_lot_get_n_rows (ImpParkingLot *self)
{
  guint n = 0;

  g_return_val_if_fail (IMP_IS_PARKING_LOT (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/**
 * imp_parking_lot_get_row:
 * @position: an idea's place in the parking lot
 *
 * Returns: (transfer none) (nullable): the list's row showing that idea
 */
GtkWidget *
imp_parking_lot_get_row (ImpParkingLot *self,
                         guint          position)
{
  g_return_val_if_fail (IMP_IS_PARKING_LOT (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) position));
}
