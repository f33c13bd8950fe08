/* imp-application.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-session.h"

G_BEGIN_DECLS

#define IMP_TYPE_APPLICATION (imp_application_get_type ())

G_DECLARE_FINAL_TYPE (ImpApplication, imp_application, IMP, APPLICATION, AdwApplication)

typedef struct _ImpWindow ImpWindow;

ImpApplication *imp_application_new       (void);
ImpWindow      *imp_application_open_file (ImpApplication *self,
                                           GFile          *file);
ImpSession     *imp_application_get_session (ImpApplication *self);

G_END_DECLS
