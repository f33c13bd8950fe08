/* imp-inspector.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-history.h"
#include "imp-selection.h"

G_BEGIN_DECLS

#define IMP_TYPE_INSPECTOR (imp_inspector_get_type ())

G_DECLARE_FINAL_TYPE (ImpInspector, imp_inspector, IMP, INSPECTOR, GtkWidget)

GtkWidget    *imp_inspector_new           (void);

void          imp_inspector_set_history   (ImpInspector *self,
                                           ImpHistory   *history);
ImpHistory   *imp_inspector_get_history   (ImpInspector *self);
void          imp_inspector_set_selection (ImpInspector *self,
                                           ImpSelection *selection);
ImpSelection *imp_inspector_get_selection (ImpInspector *self);

void          imp_inspector_set_today     (ImpInspector *self,
                                           const GDate  *today);
void          imp_inspector_show_page     (ImpInspector *self,
                                           const char   *name);
const char   *imp_inspector_get_page      (ImpInspector *self);

GtkWidget    *imp_inspector_get_field     (ImpInspector *self,
                                           const char   *key);
const char   *imp_inspector_get_feedback  (ImpInspector *self,
                                           const char   *key);

gboolean      imp_inspector_commit_pending     (ImpInspector *self);
GStrv         imp_inspector_dup_invalid_fields (ImpInspector *self);

G_END_DECLS
