/* imp-limits.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits of a map, shared by the reader and the inspector so that a
 * file and an edit agree. No real map comes near them: the benchmark's
 * 100,000-card map is 43 MB with 101,820 links. They are there so that a
 * hostile file is refused early and cheaply instead of freezing the app;
 * README's file-format section lists them. */

/* The largest file the reader opens: three times the benchmark's map. */
#define IMP_MAX_FILE_SIZE    (128 * 1024 * 1024)
/* Five times the benchmark's cards; links ten times its links. */
#define IMP_MAX_NODES        500000
#define IMP_MAX_LINKS        1000000
#define IMP_MAX_PARKED       100000
/* A dot-voting round: a big room, and more dots each than anyone uses. */
#define IMP_MAX_PARTICIPANTS 1000
#define IMP_MAX_DOTS         100
/* A card's title fits a card: a few lines are usual, this is two pages. Line
 * fitting in imp-layout.c stays cheap at this length. */
#define IMP_MAX_TITLE_CHARS  5000
/* Notes and experiment evidence are prose: a hundred pages. */
#define IMP_MAX_NOTES_CHARS  100000
/* Ids, metric names and units, assumptions, parked ideas, the map's title. */
#define IMP_MAX_TEXT_CHARS   10000

/**
 * ImpTextKind:
 * @IMP_TEXT_TITLE: a card's title
 * @IMP_TEXT_NOTES: a card's notes or an experiment's evidence
 * @IMP_TEXT_OTHER: any other text of a map
 *
 * Which limit a text has.
 */
typedef enum
{
  IMP_TEXT_TITLE,
  IMP_TEXT_NOTES,
  IMP_TEXT_OTHER,
} ImpTextKind;

gsize    imp_limits_max_chars      (ImpTextKind   kind);
gboolean imp_limits_check_text     (ImpTextKind   kind,
                                    const char   *text,
                                    GError      **error);
gboolean imp_limits_text_is_blank  (const char   *text);
gboolean imp_limits_is_space       (gunichar      c);

G_END_DECLS
