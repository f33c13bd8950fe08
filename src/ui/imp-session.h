/* imp-session.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-document.h"
#include "imp-drafts.h"

G_BEGIN_DECLS

#define IMP_TYPE_SESSION (imp_session_get_type ())

G_DECLARE_FINAL_TYPE (ImpSession, imp_session, IMP, SESSION, GObject)

ImpSession  *imp_session_new                (const char  *drafts_dir);
gboolean     imp_session_start              (ImpSession  *self,
                                             GError     **error);
void         imp_session_finish             (ImpSession  *self);
ImpDrafts   *imp_session_get_drafts         (ImpSession  *self);
guint        imp_session_get_autosave_delay (void);

ImpDocument *imp_session_new_document       (ImpSession  *self);
GListModel  *imp_session_get_documents      (ImpSession  *self);
ImpDocument *imp_session_find_document      (ImpSession  *self,
                                             GFile       *file);

GtkWindow   *imp_session_offer_recovery     (ImpSession  *self,
                                             GtkWindow   *parent);

G_END_DECLS
