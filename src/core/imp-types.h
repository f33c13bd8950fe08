/* imp-types.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ImpMap ImpMap;
typedef struct _ImpNode ImpNode;
typedef struct _ImpLink ImpLink;
typedef struct _ImpMetric ImpMetric;
typedef struct _ImpExperiment ImpExperiment;
typedef struct _ImpScene ImpScene;
typedef struct _ImpTheme ImpTheme;

/**
 * ImpLevel:
 *
 * The five columns of an impact map, left to right. The numeric values are
 * the column indices, so a link always goes from level L to level L + 1.
 */
typedef enum
{
  IMP_LEVEL_GOAL,
  IMP_LEVEL_ACTOR,
  IMP_LEVEL_IMPACT,
  IMP_LEVEL_DELIVERABLE,
  IMP_LEVEL_EXPERIMENT,
} ImpLevel;

#define IMP_N_LEVELS 5

typedef enum
{
  IMP_VOCABULARY_CLASSIC,
  IMP_VOCABULARY_FIVE_QUESTIONS,
  IMP_VOCABULARY_THREE_TIERS,
  IMP_VOCABULARY_PRODUCT_CHAIN,
} ImpVocabulary;

#define IMP_N_VOCABULARIES 4

typedef enum
{
  IMP_CONFIDENCE_UNSET,
  IMP_CONFIDENCE_LOW,
  IMP_CONFIDENCE_MEDIUM,
  IMP_CONFIDENCE_HIGH,
} ImpConfidence;

typedef enum
{
  IMP_LINK_STATUS_UNTESTED,
  IMP_LINK_STATUS_SUPPORTED,
  IMP_LINK_STATUS_REFUTED,
} ImpLinkStatus;

typedef enum
{
  IMP_DIRECTION_INCREASE,
  IMP_DIRECTION_DECREASE,
} ImpDirection;

typedef enum
{
  IMP_INDICATOR_LAGGING,
  IMP_INDICATOR_LEADING,
} ImpIndicator;

typedef enum
{
  IMP_EXPERIMENT_KIND_OTHER,
  IMP_EXPERIMENT_KIND_USABILITY_INTERVIEW,
  IMP_EXPERIMENT_KIND_FAKE_DOOR,
  IMP_EXPERIMENT_KIND_WIZARD_OF_OZ,
  IMP_EXPERIMENT_KIND_KANO_SURVEY,
  IMP_EXPERIMENT_KIND_TECHNICAL_SPIKE,
  IMP_EXPERIMENT_KIND_AB_TEST,
} ImpExperimentKind;

typedef enum
{
  IMP_ASPECT_VALIDITY,
  IMP_ASPECT_USABILITY,
  IMP_ASPECT_FEASIBILITY,
} ImpAspect;

typedef enum
{
  IMP_EXPERIMENT_PLANNED,
  IMP_EXPERIMENT_RUNNING,
  IMP_EXPERIMENT_DONE,
} ImpExperimentStatus;

typedef enum
{
  IMP_RESULT_NONE,
  IMP_RESULT_SUPPORTS,
  IMP_RESULT_REFUTES,
  IMP_RESULT_INCONCLUSIVE,
} ImpResult;

/**
 * ImpThemeKind:
 *
 * The looks a scene can be built with. The canvas follows the desktop's
 * light or dark style; exports may choose.
 */
typedef enum
{
  IMP_THEME_LIGHT,
  IMP_THEME_DARK,
  IMP_THEME_PRINT,      /* white, high contrast, no shadows: for paper */
  IMP_THEME_PROJECTOR,  /* large type, high contrast: for a room */
} ImpThemeKind;

/**
 * ImpRect:
 *
 * A rectangle in map coordinates (1 unit = 1 px at 100 % zoom).
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ImpRect;

static inline gboolean
imp_rect_intersects (const ImpRect *a,
                     const ImpRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
imp_rect_contains_point (const ImpRect *r,
                         double         x,
                         double         y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* String forms used in the file format and on the command line. Each
 * _from_string returns FALSE for an unknown string and leaves *out alone. */
const char *imp_level_to_string             (ImpLevel level);
gboolean    imp_level_from_string           (const char *str, ImpLevel *out);
const char *imp_vocabulary_to_string        (ImpVocabulary vocabulary);
gboolean    imp_vocabulary_from_string      (const char *str, ImpVocabulary *out);
const char *imp_confidence_to_string        (ImpConfidence confidence);
gboolean    imp_confidence_from_string      (const char *str, ImpConfidence *out);
const char *imp_link_status_to_string       (ImpLinkStatus status);
gboolean    imp_link_status_from_string     (const char *str, ImpLinkStatus *out);
const char *imp_direction_to_string         (ImpDirection direction);
gboolean    imp_direction_from_string       (const char *str, ImpDirection *out);
const char *imp_indicator_to_string         (ImpIndicator indicator);
gboolean    imp_indicator_from_string       (const char *str, ImpIndicator *out);
const char *imp_experiment_kind_to_string   (ImpExperimentKind kind);
gboolean    imp_experiment_kind_from_string (const char *str, ImpExperimentKind *out);
const char *imp_aspect_to_string            (ImpAspect aspect);
gboolean    imp_aspect_from_string          (const char *str, ImpAspect *out);
const char *imp_experiment_status_to_string (ImpExperimentStatus status);
gboolean    imp_experiment_status_from_string (const char *str, ImpExperimentStatus *out);
const char *imp_result_to_string            (ImpResult result);
gboolean    imp_result_from_string          (const char *str, ImpResult *out);
const char *imp_theme_kind_to_string        (ImpThemeKind kind);
gboolean    imp_theme_kind_from_string      (const char *str, ImpThemeKind *out);

/* The translated name of a level in a vocabulary, e.g. "Actor" or "Who". */
const char *imp_vocabulary_level_name       (ImpVocabulary vocabulary, ImpLevel level);
/* The translated name of the vocabulary itself, for menus. */
const char *imp_vocabulary_display_name     (ImpVocabulary vocabulary);
/* Whether a vocabulary folds actors away (three tiers): goals then link to impacts directly. */
gboolean    imp_vocabulary_hides_actors     (ImpVocabulary vocabulary);
/* The level rule: whether a card of level @child may sit under one of
 * level @parent, and the level a new card under @parent takes. */
gboolean    imp_level_may_parent            (ImpVocabulary vocabulary,
                                             ImpLevel      parent,
                                             ImpLevel      child);
gboolean    imp_level_new_child             (ImpVocabulary vocabulary,
                                             ImpLevel      parent,
                                             ImpLevel     *child);

G_END_DECLS
