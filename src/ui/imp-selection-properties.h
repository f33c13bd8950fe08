/* imp-selection-properties.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "imp-history.h"
#include "imp-selection.h"

G_BEGIN_DECLS

#define IMP_TYPE_SELECTION_PROPERTIES (imp_selection_properties_get_type ())

G_DECLARE_FINAL_TYPE (ImpSelectionProperties, imp_selection_properties,
                      IMP, SELECTION_PROPERTIES, GObject)

ImpSelectionProperties *imp_selection_properties_new           (void);

ImpHistory   *imp_selection_properties_get_history   (ImpSelectionProperties *self);
void          imp_selection_properties_set_history   (ImpSelectionProperties *self,
                                                      ImpHistory             *history);
ImpSelection *imp_selection_properties_get_selection (ImpSelectionProperties *self);
void          imp_selection_properties_set_selection (ImpSelectionProperties *self,
                                                      ImpSelection           *selection);

ImpNode      *imp_selection_properties_get_node      (ImpSelectionProperties *self);
ImpLink      *imp_selection_properties_get_link      (ImpSelectionProperties *self);

gboolean      imp_selection_properties_has_property  (ImpSelectionProperties *self,
                                                      const char             *name);
char         *imp_selection_properties_dup_text      (ImpSelectionProperties *self,
                                                      const char             *name);
gboolean      imp_selection_properties_commit_text   (ImpSelectionProperties *self,
                                                      const char             *name,
                                                      const char             *text,
                                                      char                  **message);
gboolean      imp_selection_properties_commit_choice (ImpSelectionProperties *self,
                                                      const char             *name,
                                                      guint                   index,
                                                      char                  **message);

char         *imp_selection_properties_format_number (double                  value);

G_END_DECLS
