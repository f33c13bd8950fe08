/* imp-import-xml.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-import-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "imp-import-private.h"
#include "imp-import-xml.h"

/* The XML formats, read with libxml2: OPML and FreeMind/Freeplane here,
 * the members of XMind 8 and VYM archives through _imp_import_xml_read().
 *
 * libxml2 reads with XML_PARSE_NONET and without NOENT, DTDLOAD or HUGE:
 * it never fetches anything, never loads a DTD, and keeps its own limits on
 * depth and text size. A document whose DOCTYPE declares entities is
 * refused outright, before parsing, so that no entity is ever expanded:
 * not by the parser (XXE, billion laughs) and not later by a content
 * getter. No map format needs one. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

static void
quiet_error_cb (void       *user_data,
                const char *message,
                ...)
{
}

static void
quiet_structured_cb (void        *user_data,
                     const xmlError *error)
{
}

/* Whether the document's DOCTYPE has an internal subset declaring an
 * entity. Looked at in the bytes, before libxml2 sees them. */
static gboolean
declares_entities (const char *data,
                   gsize       length,
                   guint      *line)
{
  const char *doctype;
  const char *end;

  /* An empty zip entry arrives as no bytes at all. */
  if (data == NULL || length == 0)
    return FALSE;
  doctype = g_strstr_len (data, length, "<!DOCTYPE");
  end = data + length;
  if (doctype == NULL)
    return FALSE;

  for (const char *p = doctype; p + 8 <= end; p++)
    if (memcmp (p, "<!ENTITY", 8) == 0)
      {
        *line = 1;
        for (const char *q = data; q < p; q++)
          if (*q == '\n')
            (*line)++;
        return TRUE;
      }

  return FALSE;
}

xmlDoc *
_imp_import_xml_read (const char  *data,
                      gsize        length,
                      const char  *what,
                      GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  guint line = 0;

  if (length > G_MAXINT)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                   _("%s is too large"), what);
      return NULL;
    }
  if (declares_entities (data, length, &line))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_UNSAFE,
                   _("%s, line %u: the document declares XML entities, which no map needs "
                     "and which can hide a hostile file: refused"), what, line);
      return NULL;
    }

  xmlSetGenericErrorFunc (NULL, quiet_error_cb);
  xmlSetStructuredErrorFunc (NULL, (xmlStructuredErrorFunc) (void (*) (void)) quiet_structured_cb);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE, _("out of memory"));
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (err != NULL && err->message != NULL
                                           ? err->message : "not XML");

      g_strchomp (message);
      if (strstr (message, "Excessive depth") != NULL)
        g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                     _("%s, line %d: the elements nest deeper than 256 levels"), what,
                     err->line);
      else if (err != NULL && err->code == XML_ERR_ENCODING_NAME)
        g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_ENCODING,
                     _("%s, line %d: %s"), what, err->line, message);
      else if (err != NULL && (strstr (message, "UTF-8") != NULL ||
                               err->code == XML_ERR_INVALID_CHAR))
        g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_ENCODING,
                     _("%s, line %d: the text is not valid in its encoding (%s)"), what,
                     err->line, message);
      else
        g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                     _("%s, line %d: not well-formed XML: %s"), what,
                     err != NULL ? err->line : 0, message);
      return NULL;
    }
  /* Belt and braces: the bytes were checked, the tree is checked too. */
  if ((doc->intSubset != NULL && (doc->intSubset->entities != NULL ||
                                  doc->intSubset->pentities != NULL)) ||
      doc->extSubset != NULL)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_UNSAFE,
                   _("%s: the document declares XML entities, which no map needs "
                     "and which can hide a hostile file: refused"), what);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

gboolean
_imp_import_xml_is (xmlNode    *node,
                    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

char *
_imp_import_xml_prop (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

static gboolean
is_block (const xmlChar *name)
{
  static const char * const blocks[] = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "table", "pre", "blockquote", "text",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp ((const char *) name, blocks[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Text nodes only: an entity reference is never followed (there are none:
 * they were refused), and head, style and script hold no content. */
static void
append_text (GString *out,
             xmlNode *node,
             guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          for (const char *p = (const char *) child->content; p && *p; p++)
            {
              gboolean space = g_ascii_isspace (*p);

              if (space && (out->len == 0 || out->str[out->len - 1] == ' ' ||
                            out->str[out->len - 1] == '\n'))
                continue;
              g_string_append_c (out, space ? ' ' : *p);
            }
        }
      else if (child->type == XML_ELEMENT_NODE && depth < 64)
        {
          gboolean block = is_block (child->name);

          if (_imp_import_xml_is (child, "head") || _imp_import_xml_is (child, "style") ||
              _imp_import_xml_is (child, "script"))
            continue;
          if (block && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              if (out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          append_text (out, child, depth + 1);
          if (block && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              if (out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
        }
    }
}

char *
_imp_import_xml_plain_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  append_text (out, node, 0);

  return g_strstrip (g_string_free (out, FALSE));
}

/* Freeplane keeps a formatted node's text as HTML in TEXT itself. HTML
 * declares no entities; libxml2's HTML parser reads it without the
 * network. */
static char *
html_to_text (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) MIN (strlen (html), G_MAXINT / 2), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  char *text;

  if (doc == NULL)
    return g_strdup (html);
  text = _imp_import_xml_plain_text ((xmlNode *) doc);
  xmlFreeDoc (doc);

  return text;
}

static gboolean
looks_like_html (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return g_ascii_strncasecmp (text, "<html", 5) == 0;
}

static char *
where (ImpImportSource *source,
       xmlNode         *node)
{
  return g_strdup_printf (_("line %d"), (int) xmlGetLineNo (node));
}

/* ---- OPML --------------------------------------------------------------- */

static gboolean
read_outlines (ImpImportSource  *source,
               ImpSourceNode    *parent,
               xmlNode          *element,
               GError          **error)
{
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      g_autofree char *note = NULL;
      g_autofree char *type = NULL;
      g_autofree char *place = NULL;
      ImpSourceNode *node;

      if (!_imp_import_xml_is (child, "outline"))
        continue;

      text = _imp_import_xml_prop (child, "text");
      if (text == NULL)
        text = _imp_import_xml_prop (child, "title");
      place = where (source, child);
      if (!(node = _imp_import_source_add_node (source, parent, text, place, error)))
        return FALSE;
      note = _imp_import_xml_prop (child, "_note");
      if (note != NULL)
        _imp_source_node_add_note (node, note);
      /* Our own export's level; any other attribute an outliner does not
       * write for itself is kept as a note line. */
      for (xmlAttr *attr = child->properties; attr != NULL; attr = attr->next)
        {
          static const char * const known[] = {
            "text", "title", "_note", "type", "url", "created", "isComment", "isBreakpoint",
            "htmlUrl", "xmlUrl", "language", "description", "version",
          };
          const char *name = (const char *) attr->name;
          g_autofree char *value = _imp_import_xml_prop (child, name);
          gboolean skip = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (known) && !skip; k++)
            skip = g_str_equal (name, known[k]);
          if (skip || value == NULL)
            continue;
          if (g_str_equal (name, "level") && node->hint == NULL)
            node->hint = g_steal_pointer (&value);
          else
            {
              g_autofree char *line = g_strdup_printf ("%s: %s", name, value);

              _imp_source_node_add_note (node, line);
            }
        }
      type = _imp_import_xml_prop (child, "type");
      if (type != NULL && (g_str_equal (type, "link") || g_str_equal (type, "include")))
        {
          g_autofree char *url = _imp_import_xml_prop (child, "url");

          if (url != NULL)
            _imp_source_node_add_note (node, url);
        }
      if (!read_outlines (source, node, child, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_imp_import_parse_opml (ImpImportSource  *source,
                        const char       *data,
                        gsize             length,
                        GError          **error)
{
  g_autoptr(xmlDoc) doc = _imp_import_xml_read (data, length, "OPML", error);
  xmlNode *root, *body = NULL;
  ImpSourceSheet *sheet;

  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (!_imp_import_xml_is (root, "opml"))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                   _("line %d: the document is <%s>, not <opml>"),
                   root != NULL ? (int) xmlGetLineNo (root) : 1,
                   root != NULL ? (const char *) root->name : "");
      return FALSE;
    }

  sheet = _imp_import_source_add_sheet (source, NULL);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (_imp_import_xml_is (child, "head"))
        {
          for (xmlNode *h = child->children; h != NULL; h = h->next)
            if (_imp_import_xml_is (h, "title"))
              {
                g_autofree char *title = _imp_import_xml_plain_text (h);

                if (*title != '\0')
                  {
                    g_free (sheet->title);
                    sheet->title = g_steal_pointer (&title);
                  }
              }
        }
      else if (_imp_import_xml_is (child, "body"))
        body = child;
    }
  if (body == NULL)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                   _("line %d: the OPML document has no <body>"), (int) xmlGetLineNo (root));
      return FALSE;
    }

  return read_outlines (source, NULL, body, error);
}

/* ---- FreeMind and Freeplane --------------------------------------------- */

static gboolean
read_mm_node (ImpImportSource  *source,
              ImpSourceNode    *parent,
              xmlNode          *element,
              GError          **error)
{
  g_autofree char *text = _imp_import_xml_prop (element, "TEXT");
  g_autofree char *id = _imp_import_xml_prop (element, "ID");
  g_autofree char *folded = _imp_import_xml_prop (element, "FOLDED");
  g_autofree char *place = where (source, element);
  g_autofree char *link = _imp_import_xml_prop (element, "LINK");
  gboolean formatted = FALSE;
  ImpSourceNode *node;

  if (text == NULL)
    {
      /* The text of a rich node is its HTML, as plain text. */
      for (xmlNode *c = element->children; c != NULL && text == NULL; c = c->next)
        if (_imp_import_xml_is (c, "richcontent"))
          {
            g_autofree char *type = _imp_import_xml_prop (c, "TYPE");

            if (type != NULL && g_ascii_strcasecmp (type, "NODE") == 0)
              {
                text = _imp_import_xml_plain_text (c);
                formatted = TRUE;
              }
          }
    }
  if (text == NULL)
    text = _imp_import_xml_prop (element, "LOCALIZED_TEXT");
  if (text != NULL && looks_like_html (text))
    {
      g_autofree char *html = g_steal_pointer (&text);

      text = html_to_text (html);
      formatted = TRUE;
    }

  if (!(node = _imp_import_source_add_node (source, parent, text, place, error)))
    return FALSE;
  _imp_source_node_set_id (source, node, id);
  node->folded = folded != NULL && g_ascii_strcasecmp (folded, "true") == 0;
  formatted = formatted || xmlHasProp (element, (const xmlChar *) "COLOR") != NULL ||
              xmlHasProp (element, (const xmlChar *) "BACKGROUND_COLOR") != NULL ||
              xmlHasProp (element, (const xmlChar *) "STYLE_REF") != NULL;

  for (xmlNode *c = element->children; c != NULL; c = c->next)
    {
      if (_imp_import_xml_is (c, "richcontent"))
        {
          g_autofree char *type = _imp_import_xml_prop (c, "TYPE");

          if (type != NULL && (g_ascii_strcasecmp (type, "NOTE") == 0 ||
                               g_ascii_strcasecmp (type, "DETAILS") == 0))
            {
              g_autofree char *note = _imp_import_xml_plain_text (c);

              _imp_source_node_add_note (node, note);
            }
        }
      else if (_imp_import_xml_is (c, "attribute"))
        {
          g_autofree char *name = _imp_import_xml_prop (c, "NAME");
          g_autofree char *value = _imp_import_xml_prop (c, "VALUE");
          g_autofree char *line = g_strdup_printf ("%s: %s", name ? name : "",
                                                   value ? value : "");

          if (g_strcmp0 (name, "level") == 0 && value != NULL && node->hint == NULL)
            node->hint = g_steal_pointer (&value);
          else
            _imp_source_node_add_note (node, line);
        }
      else if (_imp_import_xml_is (c, "arrowlink"))
        {
          g_autofree char *dest = _imp_import_xml_prop (c, "DESTINATION");

          if (id != NULL && dest != NULL)
            _imp_import_source_add_link (source, id, dest, NULL);
        }
      else if (_imp_import_xml_is (c, "icon"))
        _imp_import_source_ignore (source, IMP_IGNORED_ICONS, node);
      else if (_imp_import_xml_is (c, "font") || _imp_import_xml_is (c, "edge") ||
               _imp_import_xml_is (c, "cloud"))
        formatted = TRUE;
      else if (_imp_import_xml_is (c, "hook"))
        {
          g_autofree char *name = _imp_import_xml_prop (c, "NAME");

          if (name != NULL && strstr (name, "ExternalObject") != NULL)
            _imp_import_source_ignore (source, IMP_IGNORED_IMAGES, node);
        }
    }
  if (formatted)
    _imp_import_source_ignore (source, IMP_IGNORED_FORMATTING, node);
  if (link != NULL)
    {
      _imp_source_node_add_note (node, link);
      _imp_import_source_ignore (source, IMP_IGNORED_ATTACHMENTS, node);
    }

  for (xmlNode *c = element->children; c != NULL; c = c->next)
    if (_imp_import_xml_is (c, "node") && !read_mm_node (source, node, c, error))
      return FALSE;

  return TRUE;
}

gboolean
_imp_import_parse_freemind (ImpImportSource  *source,
                            const char       *data,
                            gsize             length,
                            GError          **error)
{
  g_autoptr(xmlDoc) doc = _imp_import_xml_read (data, length, "FreeMind", error);
  xmlNode *root;

  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (!_imp_import_xml_is (root, "map"))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                   _("line %d: the document is <%s>, not a FreeMind <map>"),
                   root != NULL ? (int) xmlGetLineNo (root) : 1,
                   root != NULL ? (const char *) root->name : "");
      return FALSE;
    }

  _imp_import_source_add_sheet (source, NULL);
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (_imp_import_xml_is (c, "node") && !read_mm_node (source, NULL, c, error))
      return FALSE;

  return TRUE;
}
