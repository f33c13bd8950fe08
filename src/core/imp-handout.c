/* imp-handout.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-handout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-export-private.h"
#include "imp-pdf-private.h"
#include "imp-handout.h"
#include "imp-map-private.h"

/* Handouts for the groups of a workshop to take away: a page (or more)
 * per actor, or per goal, with the part of the map it heads (and the goal
 * above it) and the "We build … so that …" sentence of every deliverable
 * whose chain runs through it. */

#define MARGIN        (15 * 72 / 25.4)
#define HEADING_SIZE  16.0
#define TEXT_SIZE     10.0

typedef struct
{
  cairo_t *cr;
  double   width;
  double   height;
  double   y;
  guint    pages;
} Pen;

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* A paragraph at the pen, on a new page when it does not fit. */
static void
write_paragraph (Pen        *pen,
                 const char *text,
                 double      size,
                 gboolean    bold,
                 double      indent)
{
  PangoLayout *layout = text_layout (pen->cr, text, size, bold,
                                     pen->width - 2 * MARGIN - indent);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  if (pen->y + height / (double) PANGO_SCALE > pen->height - MARGIN && pen->y > MARGIN + 1)
    {
      cairo_show_page (pen->cr);
      pen->pages++;
      pen->y = MARGIN;
    }
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, MARGIN + indent, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pen->y += height / (double) PANGO_SCALE + size * 0.5;
  g_object_unref (layout);
}

/* The branch of @head with its ancestors, fitted into @box_height. */
static void
draw_branch (Pen                    *pen,
             ImpMap                 *map,
             ImpNode                *head,
             const ImpExportOptions *picture,
             double                  box_height)
{
  g_autoptr(ImpMap) scoped = NULL;
  g_autoptr(ImpScene) scene = NULL;
  ImpExportOptions options = *picture;
  ImpRect area;
  double scale, box_width = pen->width - 2 * MARGIN, x;

  options.scope = IMP_EXPORT_SCOPE_BRANCH;
  options.branch_id = head->id;
  options.title_line = FALSE;
  if (!(scoped = imp_export_scope_map (map, &options, NULL)))
    return;
  options.scope = IMP_EXPORT_SCOPE_MAP;
  options.branch_id = NULL;
  scene = _imp_export_scene_new (scoped, &options);
  _imp_export_get_area (scene, &options, &area);

  /* never larger than the map's natural size, so small branches stay readable */
  scale = MIN (MIN (box_width / area.width, box_height / area.height), 72.0 / 96.0);
  x = MARGIN + (box_width - area.width * scale) / 2;

  cairo_save (pen->cr);
  cairo_translate (pen->cr, x, pen->y);
  cairo_scale (pen->cr, scale, scale);
  cairo_translate (pen->cr, -area.x, -area.y);
  _imp_export_draw_part (scene, &options, pen->cr, NULL);
  cairo_restore (pen->cr);

  pen->y += area.height * scale + TEXT_SIZE;
}

static void
write_handout (Pen                    *pen,
               ImpMap                 *map,
               ImpNode                *head,
               const ImpExportOptions *picture)
{
  const char *title = imp_map_get_title (map);
  g_autofree char *kicker = NULL;
  guint n_sentences = 0;

  pen->y = MARGIN;
  /* TRANSLATORS: above a handout's heading: the map's title */
  kicker = g_strdup_printf (_("Handout · %s"), title != NULL ? title : "");
  write_paragraph (pen, kicker, TEXT_SIZE * 0.9, FALSE, 0);
  write_paragraph (pen, head->title, HEADING_SIZE, TRUE, 0);

  draw_branch (pen, map, head, picture, (pen->height - 2 * MARGIN) * 0.5);

  write_paragraph (pen, _("What we build, and why"), TEXT_SIZE * 1.2, TRUE, 0);
  for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
    {
      ImpNode *node = imp_map_get_node (map, i);
      g_autoptr(GArray) chains = NULL;

      if (node->level != IMP_LEVEL_DELIVERABLE)
        continue;
      chains = imp_analysis_get_chains (node);
      for (guint j = 0; j < chains->len; j++)
        {
          const ImpChain *chain = &g_array_index (chains, ImpChain, j);
          g_autofree char *sentence = NULL;
          g_autofree char *line = NULL;

          if (chain->actor != head && chain->goal != head)
            continue;
          sentence = imp_analysis_chain_sentence (chain);
          if (chain->refuted)
            /* TRANSLATORS: a litmus sentence on a handout whose chain has a refuted link */
            line = g_strdup_printf (_("• %s (refuted)"), sentence);
          else
            line = g_strdup_printf ("• %s", sentence);
          write_paragraph (pen, line, TEXT_SIZE, FALSE, 8);
          n_sentences++;
        }
    }
  if (n_sentences == 0)
    write_paragraph (pen, _("No deliverable has a chain up to a goal through here yet."),
                     TEXT_SIZE, FALSE, 8);

  cairo_show_page (pen->cr);
  pen->pages++;
}

/**
 * imp_handouts_to_pdf:
 * @map: the map
 * @picture: the picture options: theme, layout (the scope is ignored),
 *   and the paper (letter for %IMP_EXPORT_PAGE_LETTER, else A4)
 * @kind: per actor or per goal
 * @error: return location for an error
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set (a map
 *   with no actor or goal to make a handout for)
 */
GBytes *
imp_handouts_to_pdf (ImpMap                  *map,
                     const ImpExportOptions  *picture,
                     ImpHandoutKind           kind,
                     GError                 **error)
{
  g_autoptr(GPtrArray) heads = g_ptr_array_new ();
  ImpPdf pdf;
  Pen pen = { 0 };
  ImpLevel level;

  g_return_val_if_fail (IMP_IS_MAP (map), NULL);
  g_return_val_if_fail (picture != NULL, NULL);

  if (!_imp_export_check_options (picture, error))
    return NULL;

  level = kind == IMP_HANDOUT_PER_GOAL ? IMP_LEVEL_GOAL : IMP_LEVEL_ACTOR;
  for (int pass = 0; pass < 2 && heads->len == 0; pass++)
    {
      for (guint i = 0; i < imp_map_get_n_nodes (map); i++)
        if (imp_map_get_node (map, i)->level == level)
          g_ptr_array_add (heads, imp_map_get_node (map, i));
      /* a three-tier map has no actors: a handout per goal then */
      level = IMP_LEVEL_GOAL;
    }
  if (heads->len == 0)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_INVALID_OPTION,
                   _("The map has no actor or goal to make a handout for"));
      return NULL;
    }

  pen.width = picture->page == IMP_EXPORT_PAGE_LETTER ? 612 : 595.276;
  pen.height = picture->page == IMP_EXPORT_PAGE_LETTER ? 792 : 841.89;
  pen.cr = _imp_pdf_begin (&pdf, pen.width, pen.height, NULL);
  for (guint i = 0; i < heads->len; i++)
    write_handout (&pen, map, heads->pdata[i], picture);

  return _imp_pdf_end (&pdf, error);
}
