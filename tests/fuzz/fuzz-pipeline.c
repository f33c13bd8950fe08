/* fuzz-pipeline.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the whole pipeline behind `check` and `export`:
 * whatever the reader loads is analysed, laid out, built into a scene,
 * rendered into a small image and exported to every format we write
 * (SVG, JSON, Markdown, Mermaid, CSV, the outline, PNG and PDF as small
 * previews, a PNG at the smallest scale and a PDF on one A4 page). A crash, a sanitizer report, a leak or any critical or warning
 * on the way is a finding; a refusal by the reader is not.
 *
 * Built by meson with clang and -Dfuzzing=true, next to fuzz-format; .ci/run
 * runs both. By hand:
 *
 *   ninja -C build-fuzz tests/fuzz/fuzz-pipeline
 *   mkdir -p corpus
 *   cp tests/data/format/canonical.impactmap data/examples/onboarding-nrr.impactmap corpus/
 *   build-fuzz/tests/fuzz/fuzz-pipeline -dict=tests/fuzz/impactmap.dict \
 *     -max_total_time=60 -max_len=65536 -timeout=10 corpus
 *
 * Whatever it finds goes into tests/data/bad/ with a line in expected.txt. */

#define G_LOG_DOMAIN "fuzz-pipeline"

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "imp-analysis.h"
#include "imp-export.h"
#include "imp-export-text.h"
#include "imp-format.h"
#include "imp-layout.h"
#include "imp-outline.h"
#include "imp-render.h"
#include "imp-review.h"
#include "imp-scene.h"
#include "imp-svg.h"
#include "imp-theme.h"

/* The rendered picture's side in pixels: small, so that a big map costs
 * layout time, not pixel filling. */
#define IMAGE_SIDE 256

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* libFuzzer cannot catch the SIGTRAP of a fatal critical: abort instead, so
 * that a critical or a warning anywhere in the pipeline is a finding. */
static void
abort_on_warning (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

static void
analyse (ImpMap *map)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GPtrArray) voted = NULL;
  g_autoptr(GHashTable) refuted = NULL;
  GDate today;

  /* A fixed day, so that a finding replays the same way tomorrow. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_DECEMBER, 2026);

  findings = imp_analysis_find_problems (map, &today);
  ranked = imp_analysis_rank_deliverables (map);
  voted = imp_analysis_rank_by_votes (map);
  refuted = imp_analysis_collect_refuted (map);
  g_ptr_array_unref (imp_analysis_list_set_aside (map));
  imp_map_get_dots_left (map);

  /* The reviews the file holds, and what changed since each. */
  {
    g_autoptr(GPtrArray) reviews = imp_review_list (map);

    imp_review_get_primary_goal (map);
    for (guint i = 0; i < reviews->len; i++)
      {
        g_autoptr(GPtrArray) changes =
          imp_review_diff (map, ((ImpReviewInfo *) reviews->pdata[i])->name, NULL);

        g_assert (changes != NULL);
      }
  }

  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);

      imp_analysis_reaches_goal (node);
      imp_analysis_title_is_outcome (node->title);

      /* Every link's mark and tooltip, as the canvas shows them. */
      for (guint j = 0; j < node->parents->len; j++)
        {
          ImpLink *link = g_ptr_array_index (node->parents, j);

          imp_analysis_link_mark (link);
          g_free (imp_analysis_link_summary (link));
        }

      if (node->level == IMP_LEVEL_DELIVERABLE)
        {
          imp_analysis_get_standing (node);
          g_autoptr(GArray) chains = imp_analysis_get_chains (node);
          g_autoptr(GPtrArray) litmus = imp_analysis_get_litmus_sentences (node);
          guint n_supports = 0, n_refutes = 0;

          for (guint j = 0; j < chains->len; j++)
            g_free (imp_analysis_chain_sentence (&g_array_index (chains, ImpChain, j)));
          g_assert (litmus != NULL);
          imp_analysis_get_verdict (node, &n_supports, &n_refutes);
        }
      else if (node->level == IMP_LEVEL_IMPACT)
        {
          g_autoptr(GPtrArray) prompts = imp_analysis_get_hmw_prompts (node);

          g_assert (prompts != NULL);
        }
    }
}

/* Lays the map out on its own, then draws its scene fitted into a small
 * image surface, as the canvas would at a low zoom. */
static void
render (ImpMap *map)
{
  g_autoptr(ImpLayout) layout = NULL;
  g_autoptr(ImpScene) scene = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  ImpRect bounds, clip;
  double scale;

  layout = imp_layout_new (map, imp_theme_get (IMP_THEME_LIGHT));
  imp_layout_compute (layout);

  scene = imp_scene_new (map, imp_theme_get (IMP_THEME_DARK));
  imp_scene_get_bounds (scene, &bounds);
  imp_scene_hit_test (scene, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);

  scale = 1.0;
  if (bounds.width > 0 && bounds.height > 0)
    scale = MIN (IMAGE_SIDE / bounds.width, IMAGE_SIDE / bounds.height);
  if (!isfinite (scale) || scale <= 0)
    scale = 1.0;
  scale = MIN (scale, 1.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, IMAGE_SIDE, IMAGE_SIDE);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x, -bounds.y);
  clip = bounds;
  imp_render_scene (scene, cr, &clip, scale, IMP_RENDER_BACKGROUND);
  if (imp_map_get_n_nodes (map) > 0)
    imp_render_selection (scene, cr, imp_map_get_node (map, 0), scale);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
export_all (ImpMap *map)
{
  static const ImpExportFormat in_memory[] = {
    IMP_EXPORT_SVG, IMP_EXPORT_JSON, IMP_EXPORT_MARKDOWN, IMP_EXPORT_MERMAID, IMP_EXPORT_CSV,
  };
  GPtrArray *roots = imp_map_get_roots (map);
  g_autofree char *outline = NULL;
  ImpExportOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (in_memory); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      imp_export_options_init (&options);
      options.format = in_memory[i];
      options.title_line = (i % 2) == 0;
      options.date = "2026-12-02";
      bytes = imp_export_to_bytes (map, &options, &error);
      if (bytes == NULL && (error == NULL || error->domain != IMP_EXPORT_ERROR))
        abort ();
    }

  /* PNG and PDF at full size would spend the time on pixels and on the
   * compressor: their previews go through the same scene and frame code. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double width = 0, height = 0;

      imp_export_options_init (&options);
      options.format = i == 0 ? IMP_EXPORT_PNG : IMP_EXPORT_PDF;
      options.theme = IMP_THEME_PRINT;
      options.title_line = TRUE;
      options.date = "2026-12-02";
      bytes = imp_export_render_preview (map, &options, IMAGE_SIDE, IMAGE_SIDE,
                                         &width, &height, &error);
      if (bytes == NULL && (error == NULL || error->domain != IMP_EXPORT_ERROR))
        abort ();
    }

  /* The real PNG and PDF writers too, kept cheap: a PNG at the smallest
   * scale, a PDF fitted on one A4 page. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      imp_export_options_init (&options);
      options.format = i == 0 ? IMP_EXPORT_PNG : IMP_EXPORT_PDF;
      options.scale = 0.1;
      options.page = IMP_EXPORT_PAGE_A4;
      bytes = imp_export_to_bytes (map, &options, &error);
      if (bytes == NULL && (error == NULL || error->domain != IMP_EXPORT_ERROR))
        abort ();
    }

  /* A branch alone, from the first root: the scoping code. */
  if (roots->len > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      ImpNode *root = g_ptr_array_index (roots, 0);

      imp_export_options_init (&options);
      options.format = IMP_EXPORT_SVG;
      options.scope = IMP_EXPORT_SCOPE_BRANCH;
      options.branch_id = root->id;
      bytes = imp_export_to_bytes (map, &options, &error);
      if (bytes == NULL && (error == NULL || error->domain != IMP_EXPORT_ERROR))
        abort ();
    }

  outline = imp_outline_write ((ImpNode * const *) roots->pdata, roots->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpMap) map = NULL;

  if (!initialized)
    {
      g_log_set_default_handler (abort_on_warning, NULL);
      initialized = TRUE;
    }

  map = imp_format_load_data ((const char *) data, size, &error);
  if (map == NULL)
    return 0;

  analyse (map);
  render (map);
  export_all (map);

  return 0;
}
