/* imp-cli.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the headless commands. */
#define IMP_CLI_EXIT_OK      0
#define IMP_CLI_EXIT_FAILURE 1
#define IMP_CLI_EXIT_USAGE   2

gboolean imp_cli_is_command (const char *word);
int      imp_cli_run        (int         argc,
                             char      **argv);

G_END_DECLS
