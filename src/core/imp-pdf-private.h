/* imp-pdf-private.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A PDF document drawn in memory, which the picture export, the poster and
 * the handouts share: _imp_pdf_begin() gives the context to draw its pages
 * on, _imp_pdf_end() the document's bytes or the error. */
typedef struct
{
  GByteArray      *bytes;
  cairo_surface_t *surface;
  cairo_t         *cr;
} ImpPdf;

cairo_t        *_imp_pdf_begin            (ImpPdf              *pdf,
                                           double               width,
                                           double               height,
                                           const char          *title);
GBytes         *_imp_pdf_end              (ImpPdf              *pdf,
                                           GError             **error);

/* A cairo write function appending to the GByteArray it is given. */
cairo_status_t  _imp_append_to_byte_array (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);

G_END_DECLS
