/* imp-export-outline.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-export-outline"

#include "config.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

#include "imp-export-outline.h"

/* A map for the outliners and mind-mappers: OPML 2.0 for outliners and
 * Minder, FreeMind 1.0 .mm for FreeMind and Freeplane. The tree follows
 * tree links; each card's level, metric, ICE score, experiment and votes
 * go into attributes (OPML allows any, .mm has <attribute>), its notes
 * into _note or a NOTE, and cross-links become .mm arrowlinks. The
 * importer reads a card's level attribute back as its level, so a round
 * trip keeps the tree, titles and levels. libxml2's writer escapes. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* XML 1.0 has no place for most control characters, whatever the escaping. */
static char *
xml_text (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';

  return copy;
}

typedef void (*AttributeFunc) (gpointer    user_data,
                               const char *name,
                               const char *value);

static void
add_number (AttributeFunc  func,
            gpointer       data,
            const char    *name,
            double         value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    func (data, name, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
add_uint (AttributeFunc  func,
          gpointer       data,
          const char    *name,
          guint          value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  func (data, name, text);
}

/* Everything a card holds beyond title and notes, as name-value pairs. */
static void
node_attributes (ImpNode       *node,
                 AttributeFunc  func,
                 gpointer       data)
{
  func (data, "level", imp_level_to_string (node->level));
  if (node->metric != NULL)
    {
      ImpMetric *m = node->metric;

      if (m->name != NULL && *m->name)
        func (data, "metric", m->name);
      if (m->unit != NULL && *m->unit)
        func (data, "unit", m->unit);
      add_number (func, data, "baseline", m->baseline);
      add_number (func, data, "current", m->current);
      add_number (func, data, "target", m->target);
      func (data, "direction", imp_direction_to_string (m->direction));
      if (m->deadline != NULL && *m->deadline)
        func (data, "deadline", m->deadline);
      func (data, "indicator", imp_indicator_to_string (m->indicator));
    }
  if (node->ice.impact > 0)
    {
      add_uint (func, data, "ice_impact", node->ice.impact);
      add_uint (func, data, "ice_confidence", node->ice.confidence);
      add_uint (func, data, "ice_ease", node->ice.ease);
      add_uint (func, data, "ice_score", imp_ice_get_score (&node->ice));
    }
  if (node->experiment != NULL)
    {
      ImpExperiment *e = node->experiment;

      func (data, "experiment_kind", imp_experiment_kind_to_string (e->kind));
      func (data, "experiment_aspect", imp_aspect_to_string (e->aspect));
      func (data, "experiment_status", imp_experiment_status_to_string (e->status));
      if (e->result != IMP_RESULT_NONE)
        func (data, "experiment_result", imp_result_to_string (e->result));
      if (e->start_date != NULL && *e->start_date)
        func (data, "experiment_start", e->start_date);
      if (e->end_date != NULL && *e->end_date)
        func (data, "experiment_end", e->end_date);
      if (e->evidence != NULL && *e->evidence)
        func (data, "experiment_evidence", e->evidence);
    }
  if (node->votes > 0)
    add_uint (func, data, "votes", node->votes);
}

static void
write_attribute_cb (gpointer    user_data,
                    const char *name,
                    const char *value)
{
  g_autofree char *clean = xml_text (value);

  xmlTextWriterWriteAttribute (user_data, (const xmlChar *) name, (const xmlChar *) clean);
}

static void
write_element_cb (gpointer    user_data,
                  const char *name,
                  const char *value)
{
  g_autofree char *clean = xml_text (value);

  xmlTextWriterStartElement (user_data, (const xmlChar *) "attribute");
  xmlTextWriterWriteAttribute (user_data, (const xmlChar *) "NAME", (const xmlChar *) name);
  xmlTextWriterWriteAttribute (user_data, (const xmlChar *) "VALUE", (const xmlChar *) clean);
  xmlTextWriterEndElement (user_data);
}

static GBytes *
finish (xmlTextWriterPtr writer,
        xmlBuffer       *buffer)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));

  return bytes;
}

/* ---- OPML --------------------------------------------------------------- */

/* Iterative: a map is at most five levels deep, but nothing here relies
 * on that. */
static void
opml_node (xmlTextWriterPtr writer,
           ImpNode         *node,
           guint            depth)
{
  g_autofree char *title = xml_text (node->title);

  xmlTextWriterStartElement (writer, (const xmlChar *) "outline");
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "text", (const xmlChar *) title);
  if (node->notes != NULL && *node->notes)
    write_attribute_cb (writer, "_note", node->notes);
  node_attributes (node, write_attribute_cb, writer);
  if (depth < IMP_N_LEVELS)
    for (guint i = 0; i < node->children->len; i++)
      {
        ImpLink *link = node->children->pdata[i];

        if (imp_link_is_tree_link (link))
          opml_node (writer, link->child, depth + 1);
      }
  xmlTextWriterEndElement (writer);
}

/**
 * imp_export_opml:
 * @map: a map
 *
 * Returns: (transfer full): the map as an OPML 2.0 document
 */
GBytes *
imp_export_opml (ImpMap *map)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  g_autoptr(GPtrArray) roots = imp_map_get_roots (map);
  g_autofree char *title = xml_text (imp_map_get_title (map));

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, (const xmlChar *) "  ");
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, (const xmlChar *) "opml");
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "version", (const xmlChar *) "2.0");
  xmlTextWriterStartElement (writer, (const xmlChar *) "head");
  xmlTextWriterWriteElement (writer, (const xmlChar *) "title", (const xmlChar *) title);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, (const xmlChar *) "body");
  for (guint i = 0; i < roots->len; i++)
    opml_node (writer, roots->pdata[i], 0);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  return finish (writer, buffer);
}

/* ---- FreeMind ----------------------------------------------------------- */

static char *
mm_id (ImpNode *node)
{
  GString *id = g_string_new ("ID_");

  /* FreeMind wants ids that are XML names. */
  for (const char *p = node->id; *p; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || *p == '_' || *p == '-' ? *p : '_');

  return g_string_free (id, FALSE);
}

static void
mm_note (xmlTextWriterPtr  writer,
         const char       *notes)
{
  g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);

  xmlTextWriterStartElement (writer, (const xmlChar *) "richcontent");
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "TYPE", (const xmlChar *) "NOTE");
  xmlTextWriterStartElement (writer, (const xmlChar *) "html");
  xmlTextWriterStartElement (writer, (const xmlChar *) "head");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, (const xmlChar *) "body");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = xml_text (lines[i]);

      xmlTextWriterWriteElement (writer, (const xmlChar *) "p", (const xmlChar *) line);
    }
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

static void
mm_node (xmlTextWriterPtr writer,
         ImpNode         *node,
         guint            depth)
{
  g_autofree char *title = xml_text (node->title);
  g_autofree char *id = mm_id (node);

  xmlTextWriterStartElement (writer, (const xmlChar *) "node");
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "ID", (const xmlChar *) id);
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "TEXT", (const xmlChar *) title);
  if (node->collapsed && node->children->len > 0)
    xmlTextWriterWriteAttribute (writer, (const xmlChar *) "FOLDED", (const xmlChar *) "true");
  for (guint i = 0; i < node->children->len; i++)
    {
      ImpLink *link = node->children->pdata[i];

      if (!imp_link_is_tree_link (link))
        {
          g_autofree char *to = mm_id (link->child);

          xmlTextWriterStartElement (writer, (const xmlChar *) "arrowlink");
          xmlTextWriterWriteAttribute (writer, (const xmlChar *) "DESTINATION",
                                       (const xmlChar *) to);
          xmlTextWriterEndElement (writer);
        }
    }
  if (node->notes != NULL && *node->notes)
    mm_note (writer, node->notes);
  node_attributes (node, write_element_cb, writer);
  if (depth < IMP_N_LEVELS)
    for (guint i = 0; i < node->children->len; i++)
      {
        ImpLink *link = node->children->pdata[i];

        if (imp_link_is_tree_link (link))
          mm_node (writer, link->child, depth + 1);
      }
  xmlTextWriterEndElement (writer);
}

/**
 * imp_export_freemind:
 * @map: a map
 *
 * A map of several goals gets one root named after the map (a .mm file
 * has one root); the importer's `title` level reads it back as the title.
 *
 * Returns: (transfer full): the map as a FreeMind 1.0 .mm document
 */
GBytes *
imp_export_freemind (ImpMap *map)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  g_autoptr(GPtrArray) roots = imp_map_get_roots (map);

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, (const xmlChar *) "");
  xmlTextWriterStartElement (writer, (const xmlChar *) "map");
  xmlTextWriterWriteAttribute (writer, (const xmlChar *) "version", (const xmlChar *) "1.0.1");
  if (roots->len == 1)
    mm_node (writer, roots->pdata[0], 0);
  else
    {
      g_autofree char *title = xml_text (imp_map_get_title (map));

      xmlTextWriterStartElement (writer, (const xmlChar *) "node");
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "ID", (const xmlChar *) "ID_map");
      xmlTextWriterWriteAttribute (writer, (const xmlChar *) "TEXT", (const xmlChar *) title);
      write_element_cb (writer, "level", "title");
      for (guint i = 0; i < roots->len; i++)
        mm_node (writer, roots->pdata[i], 1);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);

  return finish (writer, buffer);
}
