/* imp-teams-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "imp-map.h"

G_BEGIN_DECLS

/* A map as its canonical JSON (what the writer writes), indexed by card id
 * and by link endpoints: diff, merge and combine compare maps member by
 * member there, so every member the writer knows, and every unknown one it
 * keeps, takes part without a list of fields to forget. */
typedef struct
{
  JsonNode   *root;
  JsonObject *top;
  JsonArray  *nodes;
  JsonArray  *links;
  GHashTable *by_id;        /* id -> JsonObject of the card */
  GHashTable *links_by_key; /* "from\ncto" (owned) -> JsonObject of the link */
  GHashTable *parent_of;    /* child id -> tree parent's id (the first link into it) */
} ImpSnapshot;

ImpSnapshot *_imp_snapshot_new        (ImpMap        *map);
void         _imp_snapshot_free       (ImpSnapshot   *snapshot);
char        *_imp_snapshot_link_key   (const char    *from,
                                       const char    *to);
JsonObject  *_imp_snapshot_lookup     (ImpSnapshot   *snapshot,
                                       const char    *id);
JsonObject  *_imp_snapshot_lookup_link (ImpSnapshot  *snapshot,
                                       const char    *from,
                                       const char    *to);
const char  *_imp_snapshot_parent     (ImpSnapshot   *snapshot,
                                       const char    *id);

/* Whether two (nullable) JSON values are equal; NULL is "absent". */
gboolean     _imp_json_equal          (JsonNode      *a,
                                       JsonNode      *b);
char        *_imp_json_compact        (JsonNode      *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpSnapshot, _imp_snapshot_free)

G_END_DECLS
