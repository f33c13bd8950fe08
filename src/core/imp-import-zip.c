/* imp-import-zip.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-import-zip"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "imp-import-xml.h"

/* The zipped formats: XMind (content.json of XMind 2020 and later, else
 * content.xml of XMind 8) and VYM (one XML member). libarchive reads the
 * zip; our own limits on the number of entries and on the bytes actually
 * inflated, whatever the headers claim, refuse a zip bomb as soon as it
 * passes them. */

#define MAX_ENTRIES       10000
#define MAX_INFLATED      (64 * 1024 * 1024)
#define MAX_JSON_DEPTH    256

/* The member @want picks first (by @rank, lowest wins), inflated, or NULL
 * with @error set. */
static GBytes *
read_member (const char   *data,
             gsize         length,
             const char   *what,
             int         (*rank) (const char *name),
             char        **member,
             GError      **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GByteArray) best = NULL;
  int best_rank = G_MAXINT;
  guint n = 0;
  int r;

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, data, length) != ARCHIVE_OK)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                   _("%s: not a zip archive (%s)"), what, archive_error_string (a));
      archive_read_free (a);
      return NULL;
    }

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      int k;

      if (++n > MAX_ENTRIES)
        {
          g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                       _("%s: more than %d entries in the archive"), what, MAX_ENTRIES);
          archive_read_free (a);
          return NULL;
        }
      k = name != NULL ? rank (name) : -1;
      if (k < 0 || k >= best_rank)
        continue;
      {
        g_autoptr(GByteArray) bytes = g_byte_array_new ();
        char buffer[65536];
        la_ssize_t got;

        while ((got = archive_read_data (a, buffer, sizeof buffer)) > 0)
          {
            if (bytes->len + (gsize) got > MAX_INFLATED)
              {
                g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                             _("%s: “%s” inflates to more than %d MiB: refused"), what, name,
                             MAX_INFLATED / (1024 * 1024));
                archive_read_free (a);
                return NULL;
              }
            g_byte_array_append (bytes, (const guint8 *) buffer, got);
          }
        if (got < 0)
          {
            g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                         _("%s: “%s” cannot be read: %s"), what, name,
                         archive_error_string (a));
            archive_read_free (a);
            return NULL;
          }
        g_clear_pointer (&best, g_byte_array_unref);
        best = g_steal_pointer (&bytes);
        best_rank = k;
        g_free (*member);
        *member = g_strdup (name);
      }
    }
  if (r != ARCHIVE_EOF)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                   _("%s: the archive is broken after entry %u: %s"), what, n,
                   archive_error_string (a));
      archive_read_free (a);
      return NULL;
    }
  archive_read_free (a);

  if (best == NULL)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&best));
}

/* json-glib's parser recurses per level: the depth is checked first. */
static gboolean
json_depth_ok (const char *data,
               gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

JsonNode *
_imp_import_read_json (const char  *data,
                       gsize        length,
                       const char  *what,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_ENCODING,
                   _("%s: the text is not valid UTF-8"), what);
      return NULL;
    }
  if (!json_depth_ok (data, length))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the JSON nests deeper than %d levels"), what, MAX_JSON_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_SYNTAX,
                   _("%s: not JSON: %s"), what, local->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_EMPTY, _("%s: empty JSON"), what);
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* ---- XMind -------------------------------------------------------------- */

static int
xmind_rank (const char *name)
{
  if (g_str_equal (name, "content.json"))
    return 0;
  if (g_str_equal (name, "content.xml"))
    return 1;
  return -1;
}

/* A topic's hyperlink (or attachment) and its labels, which a card has no
 * place for: kept as note lines, as the .mm importer keeps LINK, and the
 * link named in the report. Labels come from JSON or from XML. */
static void
add_link_and_labels (ImpImportSource *source,
                     ImpSourceNode   *node,
                     const char      *href,
                     JsonArray       *json_labels,
                     xmlNode         *xml_labels)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (href != NULL && href[0] != '\0')
    {
      /* An attachment lives inside the file (its name is the topic's
       * title) and is not imported; a note says it was there. */
      if (g_str_has_prefix (href, "xap:"))
        _imp_source_node_add_note (node, _("Attached to the XMind file, not imported"));
      else
        _imp_source_node_add_note (node, href);
      _imp_import_source_ignore (source, IMP_IGNORED_ATTACHMENTS, node);
    }
  for (guint i = 0; json_labels != NULL && i < json_array_get_length (json_labels); i++)
    {
      JsonNode *label = json_array_get_element (json_labels, i);

      if (JSON_NODE_HOLDS_VALUE (label) && json_node_get_value_type (label) == G_TYPE_STRING)
        g_ptr_array_add (labels, g_strdup (json_node_get_string (label)));
    }
  for (xmlNode *c = xml_labels != NULL ? xml_labels->children : NULL; c != NULL; c = c->next)
    if (_imp_import_xml_is (c, "label"))
      g_ptr_array_add (labels, _imp_import_xml_plain_text (c));
  if (labels->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *line = NULL;

      g_ptr_array_add (labels, NULL);
      list = g_strjoinv (", ", (char **) labels->pdata);
      /* Translators: a note line of an imported card; %s lists XMind labels */
      line = g_strdup_printf (_("Labels: %s"), list);
      _imp_source_node_add_note (node, line);
    }
}

static gboolean
xmind_json_topic (ImpImportSource  *source,
                  ImpSourceNode    *parent,
                  JsonObject       *topic,
                  const char       *where,
                  GError          **error)
{
  ImpSourceNode *node;
  JsonObject *children;

  if (!(node = _imp_import_source_add_node (source, parent, member_string (topic, "title"),
                                            where, error)))
    return FALSE;
  _imp_source_node_set_id (source, node, member_string (topic, "id"));
  _imp_source_node_add_note (node, member_string (member_object (member_object (topic, "notes"),
                                                                "plain"), "content"));
  add_link_and_labels (source, node, member_string (topic, "href"),
                       member_array (topic, "labels"), NULL);
  if (member_array (topic, "markers") != NULL && json_array_get_length (member_array (topic, "markers")) > 0)
    _imp_import_source_ignore (source, IMP_IGNORED_ICONS, node);
  if (member_object (topic, "image") != NULL)
    _imp_import_source_ignore (source, IMP_IGNORED_IMAGES, node);
  if (member_object (topic, "style") != NULL)
    _imp_import_source_ignore (source, IMP_IGNORED_FORMATTING, node);
  if (member_string (topic, "branch") != NULL &&
      g_str_equal (member_string (topic, "branch"), "folded"))
    node->folded = TRUE;

  children = member_object (topic, "children");
  for (guint k = 0; k < 2; k++)
    {
      JsonArray *list = member_array (children, k == 0 ? "attached" : "detached");

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *child = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_OBJECT (child) &&
              !xmind_json_topic (source, node, json_node_get_object (child), where, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_xmind_json (ImpImportSource  *source,
                  GBytes           *bytes,
                  GError          **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(JsonNode) root = _imp_import_read_json (data, length, "content.json", error);
  JsonArray *sheets;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                           _("content.json: expected an array of sheets"));
      return FALSE;
    }
  sheets = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonNode *element = json_array_get_element (sheets, i);
      JsonObject *sheet, *topic;
      JsonArray *relationships;
      ImpSourceSheet *s;
      g_autofree char *where = g_strdup_printf (_("content.json, sheet %u"), i + 1);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      sheet = json_node_get_object (element);
      s = _imp_import_source_add_sheet (source, member_string (sheet, "title"));
      topic = member_object (sheet, "rootTopic");
      if (topic != NULL && !xmind_json_topic (source, NULL, topic, where, error))
        return FALSE;
      if (topic != NULL)
        s->title = g_strdup (member_string (sheet, "title"));
      relationships = member_array (sheet, "relationships");
      for (guint r = 0; relationships != NULL && r < json_array_get_length (relationships); r++)
        {
          JsonNode *rel = json_array_get_element (relationships, r);

          if (JSON_NODE_HOLDS_OBJECT (rel))
            _imp_import_source_add_link (source,
                                         member_string (json_node_get_object (rel), "end1Id"),
                                         member_string (json_node_get_object (rel), "end2Id"),
                                         member_string (json_node_get_object (rel), "title"));
        }
    }

  return TRUE;
}

static xmlNode *
child_element (xmlNode    *node,
               const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (_imp_import_xml_is (c, name))
      return c;

  return NULL;
}

static gboolean
xmind_xml_topic (ImpImportSource  *source,
                 ImpSourceNode    *parent,
                 xmlNode          *topic,
                 GError          **error)
{
  g_autofree char *title = NULL;
  g_autofree char *id = _imp_import_xml_prop (topic, "id");
  g_autofree char *folded = _imp_import_xml_prop (topic, "branch");
  g_autofree char *where = g_strdup_printf (_("content.xml, line %d"), (int) xmlGetLineNo (topic));
  xmlNode *title_node = child_element (topic, "title");
  xmlNode *notes = child_element (child_element (topic, "notes"), "plain");
  ImpSourceNode *node;

  title = title_node != NULL ? _imp_import_xml_plain_text (title_node) : NULL;
  if (!(node = _imp_import_source_add_node (source, parent, title, where, error)))
    return FALSE;
  _imp_source_node_set_id (source, node, id);
  node->folded = g_strcmp0 (folded, "folded") == 0;
  if (notes != NULL)
    {
      g_autofree char *text = _imp_import_xml_plain_text (notes);

      _imp_source_node_add_note (node, text);
    }
  {
    xmlChar *href = xmlGetNsProp (topic, (const xmlChar *) "href",
                                  (const xmlChar *) "http://www.w3.org/1999/xlink");

    add_link_and_labels (source, node, (const char *) href, NULL,
                         child_element (topic, "labels"));
    xmlFree (href);
  }
  if (child_element (topic, "marker-refs") != NULL)
    _imp_import_source_ignore (source, IMP_IGNORED_ICONS, node);
  if (child_element (topic, "img") != NULL)
    _imp_import_source_ignore (source, IMP_IGNORED_IMAGES, node);

  for (xmlNode *topics = child_element (topic, "children") ?
                         child_element (topic, "children")->children : NULL;
       topics != NULL; topics = topics->next)
    if (_imp_import_xml_is (topics, "topics"))
      for (xmlNode *c = topics->children; c != NULL; c = c->next)
        if (_imp_import_xml_is (c, "topic") && !xmind_xml_topic (source, node, c, error))
          return FALSE;

  return TRUE;
}

static gboolean
parse_xmind_xml (ImpImportSource  *source,
                 GBytes           *bytes,
                 GError          **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(xmlDoc) doc = _imp_import_xml_read (data, length, "content.xml", error);
  xmlNode *root;

  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!_imp_import_xml_is (root, "xmap-content"))
    {
      g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                           _("content.xml: not an XMind map (no <xmap-content>)"));
      return FALSE;
    }
  for (xmlNode *sheet = root->children; sheet != NULL; sheet = sheet->next)
    {
      xmlNode *title, *topic, *relationships;
      g_autofree char *name = NULL;
      ImpSourceSheet *s;

      if (!_imp_import_xml_is (sheet, "sheet"))
        continue;
      title = child_element (sheet, "title");
      name = title != NULL ? _imp_import_xml_plain_text (title) : NULL;
      s = _imp_import_source_add_sheet (source, name);
      s->title = g_strdup (name);
      topic = child_element (sheet, "topic");
      if (topic != NULL && !xmind_xml_topic (source, NULL, topic, error))
        return FALSE;
      relationships = child_element (sheet, "relationships");
      for (xmlNode *r = relationships != NULL ? relationships->children : NULL; r; r = r->next)
        if (_imp_import_xml_is (r, "relationship"))
          {
            g_autofree char *a = _imp_import_xml_prop (r, "end1");
            g_autofree char *b = _imp_import_xml_prop (r, "end2");
            xmlNode *t = child_element (r, "title");
            g_autofree char *label = t != NULL ? _imp_import_xml_plain_text (t) : NULL;

            _imp_import_source_add_link (source, a, b, label);
          }
    }

  return TRUE;
}

gboolean
_imp_import_parse_xmind (ImpImportSource  *source,
                         const char       *data,
                         gsize             length,
                         GError          **error)
{
  g_autofree char *member = NULL;
  g_autoptr(GBytes) bytes = read_member (data, length, "XMind", xmind_rank, &member, error);

  if (bytes == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                             _("XMind: the archive holds neither content.json nor content.xml"));
      return FALSE;
    }

  /* XMind 2020 writes a content.xml stub beside its content.json. */
  if (g_str_equal (member, "content.json"))
    return parse_xmind_json (source, bytes, error);

  return parse_xmind_xml (source, bytes, error);
}

/* ---- VYM ---------------------------------------------------------------- */

static int
vym_rank (const char *name)
{
  /* The map is the XML at the top of the archive; images sit in folders. */
  return g_str_has_suffix (name, ".xml") && strchr (name, '/') == NULL ? 0 : -1;
}

static gboolean
vym_branch (ImpImportSource  *source,
            ImpSourceNode    *parent,
            xmlNode          *branch,
            GError          **error)
{
  xmlNode *heading = child_element (branch, "heading");
  g_autofree char *text = heading != NULL ? _imp_import_xml_plain_text (heading) : NULL;
  g_autofree char *uuid = _imp_import_xml_prop (branch, "uuid");
  g_autofree char *scrolled = _imp_import_xml_prop (branch, "scrolled");
  g_autofree char *where = g_strdup_printf (_("line %d"), (int) xmlGetLineNo (branch));
  ImpSourceNode *node;

  if (!(node = _imp_import_source_add_node (source, parent, text, where, error)))
    return FALSE;
  _imp_source_node_set_id (source, node, uuid);
  node->folded = g_strcmp0 (scrolled, "yes") == 0;
  for (xmlNode *c = branch->children; c != NULL; c = c->next)
    {
      if (_imp_import_xml_is (c, "vymnote") || _imp_import_xml_is (c, "note"))
        {
          g_autofree char *note = _imp_import_xml_plain_text (c);

          _imp_source_node_add_note (node, note);
        }
      else if (_imp_import_xml_is (c, "standardflag") || _imp_import_xml_is (c, "userflag"))
        _imp_import_source_ignore (source, IMP_IGNORED_ICONS, node);
      else if (_imp_import_xml_is (c, "floatimage"))
        _imp_import_source_ignore (source, IMP_IGNORED_IMAGES, node);
      else if (_imp_import_xml_is (c, "frame"))
        _imp_import_source_ignore (source, IMP_IGNORED_FORMATTING, node);
      else if (_imp_import_xml_is (c, "branch") && !vym_branch (source, node, c, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_imp_import_parse_vym (ImpImportSource  *source,
                       const char       *data,
                       gsize             length,
                       GError          **error)
{
  g_autofree char *member = NULL;
  g_autoptr(GBytes) bytes = read_member (data, length, "VYM", vym_rank, &member, error);
  g_autoptr(xmlDoc) doc = NULL;
  const char *xml;
  gsize xml_length;
  xmlNode *root;

  if (bytes == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                             _("VYM: the archive holds no map (no .xml file at its top)"));
      return FALSE;
    }
  xml = g_bytes_get_data (bytes, &xml_length);
  if (!(doc = _imp_import_xml_read (xml, xml_length, member, error)))
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!_imp_import_xml_is (root, "vymmap"))
    {
      g_set_error (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                   _("%s: not a VYM map (no <vymmap>)"), member);
      return FALSE;
    }
  _imp_import_source_add_sheet (source, NULL);
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (_imp_import_xml_is (c, "mapcenter") && !vym_branch (source, NULL, c, error))
      return FALSE;
  /* Cross-links, wherever this version of VYM put them. */
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (_imp_import_xml_is (c, "xlink"))
      {
        g_autofree char *a = _imp_import_xml_prop (c, "beginID");
        g_autofree char *b = _imp_import_xml_prop (c, "endID");

        _imp_import_source_add_link (source, a, b, NULL);
      }

  return TRUE;
}

/* ---- MindMup ------------------------------------------------------------ */

typedef struct
{
  double      rank;
  JsonObject *idea;
} Ranked;

/* The right side (positive ranks, ascending) first, then the left (negative
 * ranks, nearest to zero first), as MindMup lays them out. */
static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  double x = ((const Ranked *) a)->rank, y = ((const Ranked *) b)->rank;

  if ((x >= 0) != (y >= 0))
    return x >= 0 ? -1 : 1;
  if (x >= 0)
    return x < y ? -1 : x > y;
  return x > y ? -1 : x < y;
}

static char *
json_id (JsonObject *object,
         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }

  return NULL;
}

static gboolean mup_children (ImpImportSource *source, ImpSourceNode *parent, JsonObject *ideas,
                              GError **error);

static gboolean
mup_idea (ImpImportSource  *source,
          ImpSourceNode    *parent,
          JsonObject       *idea,
          GError          **error)
{
  g_autofree char *id = json_id (idea, "id");
  g_autofree char *where = g_strdup_printf (_("idea “%s”"), id != NULL ? id : "?");
  JsonObject *attr = member_object (idea, "attr");
  ImpSourceNode *node;

  if (!(node = _imp_import_source_add_node (source, parent, member_string (idea, "title"),
                                            where, error)))
    return FALSE;
  _imp_source_node_set_id (source, node, id);
  _imp_source_node_add_note (node, member_string (member_object (attr, "note"), "text"));
  if (attr != NULL && json_object_has_member (attr, "collapsed"))
    {
      JsonNode *c = json_object_get_member (attr, "collapsed");

      node->folded = JSON_NODE_HOLDS_VALUE (c) && json_node_get_value_type (c) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (c);
    }
  if (member_object (attr, "icon") != NULL)
    _imp_import_source_ignore (source, IMP_IGNORED_IMAGES, node);
  if (member_object (attr, "style") != NULL)
    _imp_import_source_ignore (source, IMP_IGNORED_FORMATTING, node);

  return mup_children (source, node, member_object (idea, "ideas"), error);
}

static gboolean
mup_children (ImpImportSource  *source,
              ImpSourceNode    *parent,
              JsonObject       *ideas,
              GError          **error)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GList *members;

  if (ideas == NULL)
    return TRUE;
  members = json_object_get_members (ideas);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *child = json_object_get_member (ideas, l->data);
      Ranked r = { g_ascii_strtod (l->data, NULL), NULL };

      if (child != NULL && JSON_NODE_HOLDS_OBJECT (child))
        {
          r.idea = json_node_get_object (child);
          g_array_append_val (ranked, r);
        }
    }
  g_list_free (members);
  g_array_sort (ranked, compare_ranks);
  for (guint i = 0; i < ranked->len; i++)
    if (!mup_idea (source, parent, g_array_index (ranked, Ranked, i).idea, error))
      return FALSE;

  return TRUE;
}

gboolean
_imp_import_parse_mindmup (ImpImportSource  *source,
                           const char       *data,
                           gsize             length,
                           GError          **error)
{
  g_autoptr(JsonNode) root = _imp_import_read_json (data, length, "MindMup", error);
  JsonObject *object;
  JsonArray *links;
  JsonNode *version;
  ImpSourceSheet *sheet;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, IMP_IMPORT_ERROR, IMP_IMPORT_ERROR_STRUCTURE,
                           _("MindMup: expected a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);
  version = json_object_get_member (object, "formatVersion");
  sheet = _imp_import_source_add_sheet (source, NULL);
  sheet->title = g_strdup (member_string (object, "title"));
  /* Version 3 keeps the roots under "ideas"; older files are the root. */
  if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
      json_node_get_value_type (version) == G_TYPE_INT64 && json_node_get_int (version) >= 3)
    {
      if (!mup_children (source, NULL, member_object (object, "ideas"), error))
        return FALSE;
    }
  else if (!mup_idea (source, NULL, object, error))
    return FALSE;

  links = member_array (object, "links");
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonNode *link = json_array_get_element (links, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (link))
        continue;
      from = json_id (json_node_get_object (link), "ideaIdFrom");
      to = json_id (json_node_get_object (link), "ideaIdTo");
      _imp_import_source_add_link (source, from, to, NULL);
    }

  return TRUE;
}
