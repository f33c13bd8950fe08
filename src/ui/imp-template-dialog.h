/* imp-template-dialog.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-templates.h"
#include "imp-window.h"

G_BEGIN_DECLS

#define IMP_TYPE_TEMPLATE_DIALOG (imp_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpTemplateDialog, imp_template_dialog, IMP, TEMPLATE_DIALOG, AdwWindow)

ImpTemplateDialog *imp_template_dialog_new             (ImpWindow         *parent);

char             **imp_template_dialog_list_examples   (void);
char              *imp_template_dialog_get_examples_dir (void);

ImpWindow         *imp_template_dialog_choose_template (ImpTemplateDialog *self,
                                                        ImpTemplate        template_);
ImpWindow         *imp_template_dialog_choose_example  (ImpTemplateDialog *self,
                                                        const char        *path,
                                                        GError           **error);

G_END_DECLS
