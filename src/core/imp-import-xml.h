/* imp-import-xml.h
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "imp-import-private.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* A document read safely (see imp-import-xml.c); @what names it in messages. */
xmlDoc   *_imp_import_xml_read       (const char  *data,
                                      gsize        length,
                                      const char  *what,
                                      GError     **error);
gboolean  _imp_import_xml_is         (xmlNode     *node,
                                      const char  *name);
char     *_imp_import_xml_prop       (xmlNode     *node,
                                      const char  *name);
char     *_imp_import_xml_plain_text (xmlNode     *node);

G_END_DECLS
