/* imp-git.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "imp-map.h"

G_BEGIN_DECLS

/* Earlier versions of a map in a git work tree, through git as a
 * subprocess: "git log" for the versions, "git show REV:path" for one. The
 * errors say why there are none: no git installed, not in a repository,
 * never committed. */
GPtrArray *imp_git_list_versions (GFile       *file,
                                  guint        max,
                                  GError     **error);
ImpMap    *imp_git_load_version  (GFile       *file,
                                  const char  *revision,
                                  GError     **error);
gboolean   imp_git_in_work_tree  (GFile       *file,
                                  GError     **error);
void       imp_git_in_work_tree_async  (GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean   imp_git_in_work_tree_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
