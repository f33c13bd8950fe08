/* imp-session.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-drafts.h"

G_BEGIN_DECLS

void        imp_session_start               (GtkApplication *application);
void        imp_session_finish              (void);
ImpDrafts  *imp_session_get_drafts          (void);
guint       imp_session_get_autosave_delay  (void);
GtkWindow  *imp_session_offer_recovery      (GtkApplication *application);

G_END_DECLS
