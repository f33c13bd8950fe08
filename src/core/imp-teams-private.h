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

/* A map as its canonical JSON (what the writer writes), card by card and
 * link by link, indexed by card id and by link endpoints: diff, merge and
 * combine compare maps member by member there, so every member the writer
 * knows, and every unknown one it keeps, takes part without a list of
 * fields to forget. Each card and link keeps its text, and is parsed only
 * when asked for: two versions of a card with the same text are equal, and
 * most cards of two versions of a big map are. */
typedef struct
{
  char       *id;
  char       *text;
  JsonObject *object;       /* parsed on demand: _imp_snapshot_card_object() */
} ImpSnapCard;

typedef struct
{
  char       *key;          /* "from\nto" */
  char       *from;
  char       *to;
  char       *text;
  JsonObject *object;       /* parsed on demand: _imp_snapshot_link_object() */
} ImpSnapLink;

typedef struct
{
  JsonNode   *root;
  JsonObject *top;          /* the map's own members; "nodes" and "links" empty */
  GPtrArray  *cards;        /* (element-type ImpSnapCard) in document order */
  GPtrArray  *links;        /* (element-type ImpSnapLink) in file order */
  GHashTable *by_id;        /* id -> ImpSnapCard */
  GHashTable *links_by_key; /* key -> ImpSnapLink */
  GHashTable *parent_of;    /* child id -> tree parent's id (the first link into it) */
} ImpSnapshot;

ImpSnapshot *_imp_snapshot_new        (ImpMap        *map);
void         _imp_snapshot_free       (ImpSnapshot   *snapshot);
char        *_imp_snapshot_link_key   (const char    *from,
                                       const char    *to);
ImpSnapCard *_imp_snapshot_card       (ImpSnapshot   *snapshot,
                                       const char    *id);
ImpSnapLink *_imp_snapshot_link       (ImpSnapshot   *snapshot,
                                       const char    *key);
JsonObject  *_imp_snapshot_card_object (ImpSnapCard  *card);
JsonObject  *_imp_snapshot_link_object (ImpSnapLink  *link);
/* The object of card @id, or NULL when @snapshot has none. */
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
