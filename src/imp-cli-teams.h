/* imp-cli-teams.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "impact-mapper diff", "merge" and "combine": argv[0] is the command. */
int imp_cli_diff_command  (int    argc,
                           char **argv);
int imp_cli_merge_command (int    argc,
                           char **argv);
int imp_cli_combine_command (int    argc,
                             char **argv);

G_END_DECLS
