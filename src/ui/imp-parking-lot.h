/* imp-parking-lot.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "imp-history.h"

G_BEGIN_DECLS

/* What a parked idea carries while it is dragged: where it is in the
 * parking lot and its text. */
typedef struct
{
  guint  position;
  char  *text;
} ImpParkedDrag;

#define IMP_TYPE_PARKED_DRAG (imp_parked_drag_get_type ())
GType          imp_parked_drag_get_type (void) G_GNUC_CONST;
ImpParkedDrag *imp_parked_drag_new      (guint                position,
                                         const char          *text);
ImpParkedDrag *imp_parked_drag_copy     (const ImpParkedDrag *drag);
void           imp_parked_drag_free     (ImpParkedDrag       *drag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpParkedDrag, imp_parked_drag_free)

#define IMP_TYPE_PARKING_LOT (imp_parking_lot_get_type ())

G_DECLARE_FINAL_TYPE (ImpParkingLot, imp_parking_lot, IMP, PARKING_LOT, GtkWidget)

GtkWidget  *imp_parking_lot_new         (void);

ImpHistory *imp_parking_lot_get_history (ImpParkingLot *self);
void        imp_parking_lot_set_history (ImpParkingLot *self,
                                         ImpHistory    *history);
GtkWidget  *imp_parking_lot_get_entry   (ImpParkingLot *self);
gboolean    imp_parking_lot_park        (ImpParkingLot *self,
                                         const char    *text,
                                         GError       **error);
guint       imp_parking_lot_get_n_rows  (ImpParkingLot *self);
GtkWidget  *imp_parking_lot_get_row     (ImpParkingLot *self,
                                         guint          position);

G_END_DECLS
