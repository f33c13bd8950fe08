/* imp-import-dialog.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-import.h"
#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_TYPE_IMPORT_DIALOG (imp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpImportDialog, imp_import_dialog, IMP, IMPORT_DIALOG, AdwWindow)

ImpImportDialog *imp_import_dialog_new          (GtkWindow        *parent,
                                                 const char       *display_name,
                                                 ImpImportSource  *source,
                                                 ImpVocabulary     vocabulary);

ImpMap          *imp_import_dialog_get_map      (ImpImportDialog  *self);
char            *imp_import_dialog_get_report   (ImpImportDialog  *self);
AdwComboRow     *imp_import_dialog_get_top_row  (ImpImportDialog  *self);
AdwComboRow     *imp_import_dialog_get_vocabulary_row (ImpImportDialog *self);
AdwComboRow     *imp_import_dialog_get_sheet_row (ImpImportDialog *self);
void             imp_import_dialog_accept       (ImpImportDialog  *self);

G_END_DECLS
