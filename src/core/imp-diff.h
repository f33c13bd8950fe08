/* imp-diff.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "imp-map.h"

G_BEGIN_DECLS

/**
 * ImpDiffKind:
 *
 * One change between two versions of a map. Cards are matched by id, links
 * by their endpoints.
 */
typedef enum
{
  IMP_DIFF_MAP_MEMBER,   /* member: a top-level member such as "title" or "vocabulary" */
  IMP_DIFF_CARD_ADDED,   /* id; new_value: the card object */
  IMP_DIFF_CARD_REMOVED, /* id; old_value: the card object */
  IMP_DIFF_CARD_RENAMED, /* id; old_value, new_value: the titles */
  IMP_DIFF_CARD_MOVED,   /* id; old_value, new_value: the tree parents' ids (null: none) */
  IMP_DIFF_CARD_LEVEL,   /* id; old_value, new_value: the levels */
  IMP_DIFF_CARD_MEMBER,  /* id; member such as "notes" or "metric.target" */
  IMP_DIFF_LINK_ADDED,   /* id (from), to; new_value: the link object */
  IMP_DIFF_LINK_REMOVED, /* id (from), to; old_value: the link object */
  IMP_DIFF_LINK_MEMBER,  /* id (from), to; member such as "assumption" */
} ImpDiffKind;

/**
 * ImpDiffChange:
 *
 * For a member that is an array (a metric's readings), each element added
 * is a change with only @new_value, each removed one with only @old_value.
 * An absent value is %NULL.
 */
typedef struct
{
  ImpDiffKind  kind;
  char        *id;
  char        *to;
  char        *member;
  JsonNode    *old_value;
  JsonNode    *new_value;
} ImpDiffChange;

typedef struct _ImpDiff ImpDiff;

ImpDiff             *imp_diff_new             (ImpMap   *old_map,
                                               ImpMap   *new_map);
void                 imp_diff_free            (ImpDiff  *self);
guint                imp_diff_get_n_changes   (ImpDiff  *self);
const ImpDiffChange *imp_diff_get_change      (ImpDiff  *self,
                                               guint     position);
/* One change a line, "+", "-" or "~" first; "" when the maps are equal. */
char                *imp_diff_to_text         (ImpDiff  *self);
/* {"equal": bool, "changes": [{"kind": "card-added", ...}, ...]} */
char                *imp_diff_to_json         (ImpDiff  *self);
const char          *imp_diff_kind_to_string  (ImpDiffKind kind);

/* A stable text form of one map for git's textconv: a card a line in
 * document order, indented under its tree parent, then its members and the
 * links into it one a line, so that a line diff of two of them says what
 * changed. */
char                *imp_diff_textconv        (ImpMap   *map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpDiff, imp_diff_free)

G_END_DECLS
