/* imp-cli-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every headless command begins with (imp-cli-common.c). */
void            _imp_cli_usage_error (const char         *command,
                                      const char         *message);
GOptionContext *_imp_cli_context_new (const char         *parameters,
                                      const GOptionEntry *entries);
gboolean        _imp_cli_parse       (GOptionContext     *context,
                                      const char         *command,
                                      int                *argc,
                                      char             ***argv);

G_END_DECLS
