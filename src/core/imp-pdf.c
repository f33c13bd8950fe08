/* imp-pdf.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "imp-export.h"
#include "imp-pdf-private.h"

cairo_status_t
_imp_append_to_byte_array (void                *closure,
                           const unsigned char *data,
                           unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * _imp_pdf_begin:
 * @pdf: an #ImpPdf to fill in
 * @width: the pages' width in points
 * @height: their height
 * @title: (nullable): the document's title, none if empty
 *
 * Starts a PDF document in memory; end it with _imp_pdf_end(), whatever
 * happens while drawing.
 *
 * Returns: (transfer none): the context to draw on, pages ended with
 *   cairo_show_page()
 */
cairo_t *
_imp_pdf_begin (ImpPdf     *pdf,
                double      width,
                double      height,
                const char *title)
{
  pdf->bytes = g_byte_array_new ();
  pdf->surface = cairo_pdf_surface_create_for_stream (_imp_append_to_byte_array, pdf->bytes,
                                                      width, height);
  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Impact Mapper");
  pdf->cr = cairo_create (pdf->surface);

  return pdf->cr;
}

/**
 * _imp_pdf_end:
 * @pdf: an #ImpPdf begun with _imp_pdf_begin()
 * @error: return location for an error
 *
 * Finishes the document and frees what drawing it took.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set when cairo
 *   failed to draw or write it
 */
GBytes *
_imp_pdf_end (ImpPdf  *pdf,
              GError **error)
{
  g_autoptr(GByteArray) bytes = g_steal_pointer (&pdf->bytes);
  cairo_status_t status = cairo_status (pdf->cr);

  g_clear_pointer (&pdf->cr, cairo_destroy);
  cairo_surface_finish (pdf->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf->surface);
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMP_EXPORT_ERROR, IMP_EXPORT_ERROR_WRITE,
                   _("Could not draw the PDF document: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
