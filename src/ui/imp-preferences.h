/* imp-preferences.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "imp-types.h"

G_BEGIN_DECLS

#define IMP_TYPE_PREFERENCES (imp_preferences_get_type ())

G_DECLARE_FINAL_TYPE (ImpPreferences, imp_preferences, IMP, PREFERENCES, AdwPreferencesWindow)

GtkWidget *imp_preferences_new          (GtkWindow      *parent);
void       imp_preferences_follow_style (GtkApplication *application);
ImpVocabulary imp_preferences_get_default_vocabulary (void);

G_END_DECLS
