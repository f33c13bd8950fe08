/* imp-review.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "imp-history.h"
#include "imp-map.h"

G_BEGIN_DECLS

/* The most reviews one map keeps, and the longest name of one. */
#define IMP_MAX_REVIEWS 1000
#define IMP_MAX_REVIEW_NAME 200

#define IMP_REVIEW_ERROR (imp_review_error_quark ())

/**
 * ImpReviewError:
 * @IMP_REVIEW_ERROR_UNKNOWN: no review has that name
 * @IMP_REVIEW_ERROR_INVALID_NAME: an empty or too long name
 * @IMP_REVIEW_ERROR_DUPLICATE: a review of that name exists
 * @IMP_REVIEW_ERROR_TOO_MANY: the map holds %IMP_MAX_REVIEWS already
 */
typedef enum
{
  IMP_REVIEW_ERROR_UNKNOWN,
  IMP_REVIEW_ERROR_INVALID_NAME,
  IMP_REVIEW_ERROR_DUPLICATE,
  IMP_REVIEW_ERROR_TOO_MANY,
} ImpReviewError;

/**
 * ImpReviewChangeKind:
 *
 * One thing that differs between a review and the map as it is now.
 */
typedef enum
{
  IMP_REVIEW_CHANGE_ADDED,       /* a card that was not there */
  IMP_REVIEW_CHANGE_REMOVED,     /* a card that is gone */
  IMP_REVIEW_CHANGE_METRIC,      /* the metric's current value moved */
  IMP_REVIEW_CHANGE_DELIVERY,    /* the delivery status changed */
  IMP_REVIEW_CHANGE_ICE,         /* the ICE score changed */
  IMP_REVIEW_CHANGE_RESULT,      /* the experiment's result changed */
  IMP_REVIEW_CHANGE_PRIMARY,     /* another goal is primary */
} ImpReviewChangeKind;

/**
 * ImpReviewChange:
 * @kind: what changed
 * @id: (nullable): the card's id; for a change of primary goal, the goal
 *   primary now, %NULL for none
 * @title: the card's title now, or as recorded for a removed one
 * @level: the card's level
 * @from: the value then (metric, ICE score), NAN for none
 * @to: the value now, NAN for none
 * @message: a translated sentence for a list: “Weekly learners” moved from
 *   120 to 150 (+30)
 * @label: the short text drawn by the card on the canvas: “+30 since Q1”
 * @parent: (nullable): for a removed card, the id of the card it is drawn
 *   by as a ghost (its nearest tree ancestor still on the map), or %NULL
 */
typedef struct
{
  ImpReviewChangeKind  kind;
  char                *id;
  char                *title;
  ImpLevel             level;
  double               from;
  double               to;
  char                *message;
  char                *label;
  char                *parent;
} ImpReviewChange;

/**
 * ImpReviewInfo:
 * @name: the review's name, unique in the map
 * @date: the day it was recorded, YYYY-MM-DD
 * @n_cards: how many cards it remembers
 */
typedef struct
{
  char  *name;
  char   date[11];
  guint  n_cards;
} ImpReviewInfo;

GQuark      imp_review_error_quark        (void);

void        imp_review_change_free        (ImpReviewChange *change);
void        imp_review_info_free          (ImpReviewInfo   *info);

GPtrArray  *imp_review_list               (ImpMap          *map);
gboolean    imp_review_record             (ImpHistory      *history,
                                           const char      *name,
                                           const GDate     *date,
                                           GError         **error);
gboolean    imp_review_remove             (ImpHistory      *history,
                                           const char      *name);
GPtrArray  *imp_review_diff               (ImpMap          *map,
                                           const char      *name,
                                           GError         **error);

ImpNode    *imp_review_get_primary_goal   (ImpMap          *map);
void        imp_review_set_primary_goal   (ImpHistory      *history,
                                           ImpNode         *goal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpReviewChange, imp_review_change_free)

G_END_DECLS
