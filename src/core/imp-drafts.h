/* imp-drafts.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-map.h"

G_BEGIN_DECLS

#define IMP_TYPE_DRAFTS (imp_drafts_get_type ())
#define IMP_TYPE_DRAFT  (imp_draft_get_type ())

G_DECLARE_FINAL_TYPE (ImpDrafts, imp_drafts, IMP, DRAFTS, GObject)

typedef struct _ImpDraft ImpDraft;

GType       imp_draft_get_type         (void) G_GNUC_CONST;
ImpDraft   *imp_draft_copy             (const ImpDraft  *draft);
void        imp_draft_free             (ImpDraft        *draft);
const char *imp_draft_get_title        (const ImpDraft  *draft);
GFile      *imp_draft_get_file         (const ImpDraft  *draft);
GDateTime  *imp_draft_get_saved        (const ImpDraft  *draft);
const char *imp_draft_get_path         (const ImpDraft  *draft);
ImpMap     *imp_draft_load             (const ImpDraft  *draft,
                                        GError         **error);

ImpDrafts  *imp_drafts_new             (const char      *dir);
const char *imp_drafts_get_dir         (ImpDrafts       *self);
gboolean    imp_drafts_start           (ImpDrafts       *self,
                                        GError         **error);
void        imp_drafts_finish          (ImpDrafts       *self);
char       *imp_drafts_new_id          (ImpDrafts       *self);
gboolean    imp_drafts_write           (ImpDrafts       *self,
                                        const char      *id,
                                        ImpMap          *map,
                                        GFile           *file,
                                        GError         **error);
gboolean    imp_drafts_has             (ImpDrafts       *self,
                                        const char      *id);
void        imp_drafts_remove          (ImpDrafts       *self,
                                        const char      *id);
GPtrArray  *imp_drafts_list_orphans    (ImpDrafts       *self);
void        imp_drafts_discard         (ImpDrafts       *self,
                                        const ImpDraft  *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpDraft, imp_draft_free)

G_END_DECLS
