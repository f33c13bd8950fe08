/* imp-export-dialog.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-export.h"

G_BEGIN_DECLS

#define IMP_TYPE_EXPORT_DIALOG (imp_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpExportDialog, imp_export_dialog, IMP, EXPORT_DIALOG, AdwWindow)

ImpExportDialog *imp_export_dialog_new            (GtkWindow        *parent,
                                                   ImpMap           *map,
                                                   GFile            *file,
                                                   const char       *selected_id,
                                                   const ImpRect    *view);
void             imp_export_dialog_get_options    (ImpExportDialog  *self,
                                                   ImpExportOptions *options);
gboolean         imp_export_dialog_export_to_file (ImpExportDialog  *self,
                                                   GFile            *file,
                                                   GError          **error);
gboolean         imp_export_dialog_update_preview (ImpExportDialog  *self);

G_END_DECLS
