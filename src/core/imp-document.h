/* imp-document.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-drafts.h"
#include "imp-history.h"
#include "imp-map.h"
#include "imp-scene.h"
#include "imp-theme.h"
#include "imp-types.h"

G_BEGIN_DECLS

#define IMP_TYPE_DOCUMENT (imp_document_get_type ())

G_DECLARE_FINAL_TYPE (ImpDocument, imp_document, IMP, DOCUMENT, GObject)

ImpDocument  *imp_document_new                (ImpDrafts           *drafts);

ImpMap       *imp_document_get_map            (ImpDocument         *self);
GFile        *imp_document_get_file           (ImpDocument         *self);
gboolean      imp_document_is_on_file         (ImpDocument         *self,
                                               GFile               *file);
ImpHistory   *imp_document_get_history        (ImpDocument         *self);
ImpDrafts    *imp_document_get_drafts         (ImpDocument         *self);
void          imp_document_set_map            (ImpDocument         *self,
                                               ImpMap              *map,
                                               GFile               *file);

gboolean      imp_document_get_modified       (ImpDocument         *self);
void          imp_document_set_unclean        (ImpDocument         *self);
ImpScene     *imp_document_take_scene         (ImpDocument         *self);
gboolean      imp_document_get_loading        (ImpDocument         *self);
gboolean      imp_document_get_saving         (ImpDocument         *self);
ImpDiskState  imp_document_get_disk_state     (ImpDocument         *self);
gboolean      imp_document_get_checking_disk  (ImpDocument         *self);
void          imp_document_keep_mine          (ImpDocument         *self);

guint         imp_document_get_autosave_delay (ImpDocument         *self);
void          imp_document_set_autosave_delay (ImpDocument         *self,
                                               guint                seconds);
const char   *imp_document_get_draft_id       (ImpDocument         *self);
gboolean      imp_document_write_draft        (ImpDocument         *self,
                                               GError             **error);
void          imp_document_discard_draft      (ImpDocument         *self);
gboolean      imp_document_restore_draft      (ImpDocument         *self,
                                               const ImpDraft      *draft,
                                               GError             **error);

void          imp_document_load_async         (ImpDocument         *self,
                                               GFile               *file,
                                               const ImpTheme      *theme,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      imp_document_load_finish        (ImpDocument         *self,
                                               GAsyncResult        *result,
                                               char              ***warnings,
                                               GError             **error);
void          imp_document_save_async         (ImpDocument         *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      imp_document_save_finish        (ImpDocument         *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
