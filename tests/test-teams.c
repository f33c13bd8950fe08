/* test-teams.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "imp-combine.h"
#include "imp-conflicts.h"
#include "imp-export-text.h"
#include "imp-diff.h"
#include "imp-history.h"
#include "imp-format.h"
#include "imp-map-private.h"
#include "imp-merge.h"

/* Diff and three-way merge of maps. */

static ImpMap *
copy_map (ImpMap *map)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = imp_format_save_to_data (map, NULL);
  ImpMap *copy = imp_format_load_data (data, -1, &error);

  g_assert_no_error (error);
  return copy;
}

static char *
text_of (ImpMap *map)
{
  return imp_format_save_to_data (map, NULL);
}

static ImpNode *
add (ImpMap     *map,
     ImpNode    *parent,
     ImpLevel    level,
     const char *title,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  ImpNode *node = _imp_map_add_node (map, level, title, id, &error);

  g_assert_no_error (error);
  if (parent != NULL)
    {
      _imp_map_link (map, parent, node, -1, &error);
      g_assert_no_error (error);
    }
  return node;
}

static ImpNode *
node (ImpMap     *map,
      const char *id)
{
  ImpNode *found = imp_map_lookup_node (map, id);

  g_assert_nonnull (found);
  return found;
}

static void
move (ImpMap     *map,
      const char *id,
      const char *to)
{
  g_autoptr(GError) error = NULL;
  ImpNode *child = node (map, id);

  _imp_map_unlink (map, child->parents->pdata[0]);
  _imp_map_link (map, node (map, to), child, -1, &error);
  g_assert_no_error (error);
}

/* goal g ─ actor a ─ impacts i1, i2, i3; deliverable d under i1. */
static ImpMap *
small_base (void)
{
  ImpMap *map = imp_map_new ();
  ImpNode *g = add (map, NULL, IMP_LEVEL_GOAL, "Goal", "g");
  ImpNode *a = add (map, g, IMP_LEVEL_ACTOR, "Actor", "a");
  ImpNode *i1 = add (map, a, IMP_LEVEL_IMPACT, "Impact 1", "i1");

  add (map, a, IMP_LEVEL_IMPACT, "Impact 2", "i2");
  add (map, a, IMP_LEVEL_IMPACT, "Impact 3", "i3");
  add (map, i1, IMP_LEVEL_DELIVERABLE, "Deliverable", "d");
  _imp_map_set_title (map, "Small");
  return map;
}

static const ImpDiffChange *
find_change (ImpDiff     *diff,
             ImpDiffKind  kind,
             const char  *id,
             const char  *member)
{
  for (guint i = 0; i < imp_diff_get_n_changes (diff); i++)
    {
      const ImpDiffChange *c = imp_diff_get_change (diff, i);

      if (c->kind == kind && g_strcmp0 (c->id, id) == 0 &&
          (member == NULL || g_strcmp0 (c->member, member) == 0))
        return c;
    }
  return NULL;
}

static void
test_diff_kinds (void)
{
  g_autoptr(ImpMap) base = small_base ();
  g_autoptr(ImpMap) edited = copy_map (base);
  g_autoptr(ImpDiff) same = imp_diff_new (base, edited);
  g_autoptr(ImpDiff) diff = NULL;
  g_autofree char *text = NULL;
  ImpMetric *metric = imp_metric_new ();
  ImpIce ice = { 8, 5, 3 };
  const ImpDiffChange *c;

  g_assert_cmpuint (imp_diff_get_n_changes (same), ==, 0);

  _imp_map_set_title (edited, "Smaller");
  _imp_map_set_node_title (edited, node (edited, "a"), "Teachers");
  move (edited, "d", "i2");
  _imp_map_set_node_notes (edited, node (edited, "i1"), "Why");
  metric->target = 10;
  _imp_map_set_node_metric (edited, node (edited, "g"), metric);
  g_assert_true (_imp_map_set_node_ice (edited, node (edited, "d"), &ice, NULL));
  _imp_map_set_link_assumption (edited, node (edited, "i3")->parents->pdata[0], "If so");
  _imp_map_remove_node (edited, node (edited, "i3"));
  add (edited, node (edited, "i1"), IMP_LEVEL_DELIVERABLE, "New", "n9");

  diff = imp_diff_new (base, edited);
  g_assert_nonnull (find_change (diff, IMP_DIFF_MAP_MEMBER, NULL, "title"));
  c = find_change (diff, IMP_DIFF_CARD_RENAMED, "a", NULL);
  g_assert_nonnull (c);
  g_assert_cmpstr (json_node_get_string (c->old_value), ==, "Actor");
  g_assert_cmpstr (json_node_get_string (c->new_value), ==, "Teachers");
  c = find_change (diff, IMP_DIFF_CARD_MOVED, "d", NULL);
  g_assert_nonnull (c);
  g_assert_cmpstr (json_node_get_string (c->old_value), ==, "i1");
  g_assert_cmpstr (json_node_get_string (c->new_value), ==, "i2");
  g_assert_nonnull (find_change (diff, IMP_DIFF_CARD_MEMBER, "i1", "notes"));
  /* A metric where there was none is one change; inside one, a member. */
  c = find_change (diff, IMP_DIFF_CARD_MEMBER, "g", "metric");
  g_assert_nonnull (c);
  g_assert_null (c->old_value);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (c->new_value), "target"),
                     ==, 10);
  g_assert_nonnull (find_change (diff, IMP_DIFF_CARD_MEMBER, "d", "ice"));
  g_assert_nonnull (find_change (diff, IMP_DIFF_CARD_REMOVED, "i3", NULL));
  g_assert_nonnull (find_change (diff, IMP_DIFF_CARD_ADDED, "n9", NULL));
  g_assert_nonnull (find_change (diff, IMP_DIFF_LINK_ADDED, "i2", NULL));
  g_assert_nonnull (find_change (diff, IMP_DIFF_LINK_REMOVED, "i1", NULL));
  /* The link with the assumption went with its card: removed, not changed. */
  g_assert_nonnull (find_change (diff, IMP_DIFF_LINK_REMOVED, "a", NULL));
  g_assert_null (find_change (diff, IMP_DIFF_LINK_MEMBER, "a", NULL));

  text = imp_diff_to_text (diff);
  g_assert_nonnull (strstr (text, "~ card actor “Teachers” (a): renamed from \"Actor\"\n"));
  g_assert_nonnull (strstr (text, "~ card deliverable “Deliverable” (d): moved from impact "
                                  "“Impact 1” (i1) to impact “Impact 2” (i2)\n"));
  g_assert_nonnull (strstr (text, "- card impact “Impact 3” (i3)\n"));
  g_assert_nonnull (strstr (text, "+ card deliverable “New” (n9) under impact “Impact 1” (i1)\n"));
  imp_metric_free (metric);
}

static void
test_merge_independent (void)
{
  g_autoptr(ImpMap) base = small_base ();
  g_autoptr(ImpMap) ours = copy_map (base);
  g_autoptr(ImpMap) theirs = copy_map (base);
  g_autoptr(ImpMap) merged = NULL;
  g_autoptr(GError) error = NULL;
  ImpMetric *metric = imp_metric_new ();
  ImpMetric *other = imp_metric_new ();
  guint n_conflicts = 99;
  ImpNode *i1;

  /* One renames a card, the other adds a child to it; both add under i1;
   * one sets a metric's target, the other its name. */
  _imp_map_set_node_title (ours, node (ours, "i1"), "Renamed");
  add (ours, node (ours, "i1"), IMP_LEVEL_DELIVERABLE, "Ours new", "o1");
  add (theirs, node (theirs, "i1"), IMP_LEVEL_DELIVERABLE, "Theirs new", "t1");
  metric->target = 10;
  _imp_map_set_node_metric (ours, node (ours, "g"), metric);
  g_free (other->name);
  other->name = g_strdup ("Weekly learners");
  _imp_map_set_node_metric (theirs, node (theirs, "g"), other);

  merged = imp_merge_maps (base, ours, theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_assert_cmpuint (imp_merge_count_conflicts (merged), ==, 0);
  i1 = node (merged, "i1");
  g_assert_cmpstr (i1->title, ==, "Renamed");
  g_assert_cmpuint (imp_node_get_n_children (i1), ==, 3);
  g_assert_cmpstr (imp_node_get_child (i1, 0)->id, ==, "d");
  g_assert_cmpstr (imp_node_get_child (i1, 1)->id, ==, "o1");
  g_assert_cmpstr (imp_node_get_child (i1, 2)->id, ==, "t1");
  g_assert_cmpfloat (node (merged, "g")->metric->target, ==, 10);
  g_assert_cmpstr (node (merged, "g")->metric->name, ==, "Weekly learners");
  imp_metric_free (metric);
  imp_metric_free (other);
}

static JsonObject *
conflict (ImpMap *map,
          guint   i)
{
  JsonNode *records = json_object_get_member (imp_map_get_extra (map), IMP_MERGE_CONFLICTS);

  return json_array_get_object_element (json_node_get_array (records), i);
}

static void
test_merge_conflicts (void)
{
  g_autoptr(ImpMap) base = small_base ();
  g_autoptr(ImpMap) ours = copy_map (base);
  g_autoptr(ImpMap) theirs = copy_map (base);
  g_autoptr(ImpMap) merged = NULL;
  g_autoptr(ImpMap) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint n_conflicts = 0;
  JsonObject *record;

  /* The same field two ways; a card deleted on one side and edited on the
   * other; one card moved to two different parents. */
  _imp_map_set_node_title (ours, node (ours, "a"), "Tutors");
  _imp_map_set_node_title (theirs, node (theirs, "a"), "Mentors");
  _imp_map_remove_node (ours, node (ours, "i3"));
  _imp_map_set_node_notes (theirs, node (theirs, "i3"), "Still wanted");
  move (ours, "d", "i2");
  move (theirs, "d", "i3");

  merged = imp_merge_maps (base, ours, theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 3);
  g_assert_cmpuint (imp_merge_count_conflicts (merged), ==, 3);

  g_assert_cmpstr (node (merged, "a")->title, ==, "Tutors");
  record = conflict (merged, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "card");
  g_assert_cmpstr (json_object_get_string_member (record, "card"), ==, "a");
  g_assert_cmpstr (json_object_get_string_member (record, "member"), ==, "title");
  g_assert_cmpstr (json_object_get_string_member (record, "base"), ==, "Actor");
  g_assert_cmpstr (json_object_get_string_member (record, "ours"), ==, "Tutors");
  g_assert_cmpstr (json_object_get_string_member (record, "theirs"), ==, "Mentors");

  /* The edited card is kept, with their notes. */
  g_assert_cmpstr (node (merged, "i3")->notes, ==, "Still wanted");
  record = conflict (merged, 1);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "card-deleted");
  g_assert_cmpstr (json_object_get_string_member (record, "card"), ==, "i3");
  g_assert_false (json_object_has_member (record, "ours"));
  g_assert_true (json_object_has_member (record, "theirs"));

  g_assert_cmpstr (imp_node_get_tree_parent (node (merged, "d"))->id, ==, "i2");
  g_assert_cmpuint (node (merged, "d")->parents->len, ==, 1);
  record = conflict (merged, 2);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "parent");
  g_assert_cmpstr (json_object_get_string_member (record, "ours"), ==, "i2");
  g_assert_cmpstr (json_object_get_string_member (record, "theirs"), ==, "i3");

  /* The records survive a save and a load. */
  data = imp_format_save_to_data (merged, NULL);
  again = imp_format_load_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imp_merge_count_conflicts (again), ==, 3);
}

/* A link that the other side's change makes break the level rule is left
 * out and recorded; the merged map loads. */
static void
test_merge_refused_link (void)
{
  g_autoptr(ImpMap) base = small_base ();
  g_autoptr(ImpMap) ours = copy_map (base);
  g_autoptr(ImpMap) theirs = copy_map (base);
  g_autoptr(ImpMap) merged = NULL;
  g_autoptr(GError) error = NULL;
  guint n_conflicts = 0;
  JsonObject *record;
  ImpNode *i2;

  add (ours, node (ours, "i2"), IMP_LEVEL_DELIVERABLE, "Under impact 2", "o1");
  i2 = node (theirs, "i2");
  _imp_map_unlink (theirs, i2->parents->pdata[0]);
  g_assert_true (_imp_map_set_node_level (theirs, i2, IMP_LEVEL_DELIVERABLE, NULL));
  _imp_map_link (theirs, node (theirs, "i1"), i2, -1, &error);
  g_assert_no_error (error);

  merged = imp_merge_maps (base, ours, theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_cmpint (node (merged, "i2")->level, ==, IMP_LEVEL_DELIVERABLE);
  g_assert_cmpuint (node (merged, "o1")->parents->len, ==, 0);
  record = conflict (merged, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "link-refused");
  g_assert_cmpstr (json_object_get_string_member (record, "from"), ==, "i2");
  g_assert_cmpstr (json_object_get_string_member (record, "to"), ==, "o1");
  g_assert_nonnull (json_object_get_string_member (record, "message"));
}

/* Resolving the records of a merge, one undo step each. */
static void
test_resolve_conflicts (void)
{
  g_autoptr(ImpMap) base = small_base ();
  g_autoptr(ImpMap) ours = copy_map (base);
  g_autoptr(ImpMap) theirs = copy_map (base);
  g_autoptr(ImpMap) merged = NULL;
  g_autoptr(ImpHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *o = NULL, *t = NULL;
  g_autofree char *saved = NULL;

  _imp_map_set_node_title (ours, node (ours, "a"), "Tutors");
  _imp_map_set_node_title (theirs, node (theirs, "a"), "Mentors");
  _imp_map_remove_node (ours, node (ours, "i3"));
  _imp_map_set_node_notes (theirs, node (theirs, "i3"), "Still wanted");
  _imp_map_set_node_notes (ours, node (ours, "i1"), "Ours");
  _imp_map_set_node_notes (theirs, node (theirs, "i1"), "Theirs");
  merged = imp_merge_maps (base, ours, theirs, NULL, &error);
  g_assert_no_error (error);
  history = imp_history_new (merged);
  g_assert_cmpuint (imp_conflicts_get_n (merged), ==, 3);

  text = imp_conflicts_describe (merged, 0, &o, &t);
  g_assert_cmpstr (text, ==, "“Tutors”: title changed on both sides");
  g_assert_cmpstr (o, ==, "Tutors");
  g_assert_cmpstr (t, ==, "Mentors");
  g_assert_true (imp_conflicts_get_node (merged, 0) == node (merged, "a"));
  g_assert_true (imp_conflicts_can_keep_theirs (merged, 0));

  /* Theirs: the title changes and the record goes, in one step. */
  g_assert_true (imp_conflicts_resolve (history, 0, IMP_CONFLICT_KEEP_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (node (merged, "a")->title, ==, "Mentors");
  g_assert_cmpuint (imp_conflicts_get_n (merged), ==, 2);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, 1);
  g_assert_true (imp_history_undo (history));
  g_assert_cmpstr (node (merged, "a")->title, ==, "Tutors");
  g_assert_cmpuint (imp_conflicts_get_n (merged), ==, 3);
  g_assert_true (imp_history_redo (history));

  /* Ours deleted i3: keeping ours deletes it. */
  g_assert_cmpstr (imp_conflicts_get_node (merged, 1)->id, ==, "i3");
  g_assert_true (imp_conflicts_resolve (history, 1, IMP_CONFLICT_KEEP_OURS, &error));
  g_assert_null (imp_map_lookup_node (merged, "i3"));
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, 2);

  /* Ours kept: nothing changes but the record. */
  g_assert_true (imp_conflicts_resolve (history, 0, IMP_CONFLICT_KEEP_OURS, &error));
  g_assert_cmpstr (node (merged, "i1")->notes, ==, "Ours");
  g_assert_cmpuint (imp_conflicts_get_n (merged), ==, 0);
  g_assert_cmpuint (imp_history_get_n_undo (history), ==, 3);
  saved = imp_format_save_to_data (merged, NULL);
  g_assert_null (strstr (saved, "conflicts"));
}

/* Two breakout maps: a card with the same title (case and spaces aside)
 * on the same path is one card, proposed by both; the rest are kept and
 * say who proposed them; a same title on another path is another card. */
static void
test_combine (void)
{
  g_autoptr(ImpMap) a = small_base ();
  g_autoptr(ImpMap) b = imp_map_new ();
  g_autoptr(ImpMap) combined = NULL;
  g_autoptr(GError) error = NULL;
  const char *labels[] = { "Group A", "Group B" };
  ImpMap *maps[2];
  g_autofree char *by_goal = NULL, *by_d = NULL, *by_new = NULL, *csv = NULL;
  ImpNode *g, *x, *actor;

  g = add (b, NULL, IMP_LEVEL_GOAL, "goal", "x1");
  actor = add (b, g, IMP_LEVEL_ACTOR, "  ACTOR ", "x2");
  x = add (b, actor, IMP_LEVEL_IMPACT, "Impact 1", "i2");  /* A's id i2 is another card */
  add (b, x, IMP_LEVEL_DELIVERABLE, "New idea", "x4");
  add (b, actor, IMP_LEVEL_IMPACT, "Deliverable", "x5");   /* same title, other level */
  maps[0] = a;
  maps[1] = b;

  combined = imp_combine_maps (maps, labels, 2, &error);
  g_assert_no_error (error);
  /* A's 6 cards, and B's new idea and its "Deliverable" impact. */
  g_assert_cmpuint (imp_map_get_n_nodes (combined), ==, 8);
  by_goal = imp_combine_dup_proposed_by (node (combined, "g"));
  g_assert_cmpstr (by_goal, ==, "Group A, Group B");
  by_d = imp_combine_dup_proposed_by (node (combined, "d"));
  g_assert_cmpstr (by_d, ==, "Group A");
  by_new = imp_combine_dup_proposed_by (node (combined, "x4"));
  g_assert_cmpstr (by_new, ==, "Group B");
  g_assert_true (imp_node_get_tree_parent (node (combined, "x4")) == node (combined, "i1"));
  g_assert_cmpint (node (combined, "x5")->level, ==, IMP_LEVEL_IMPACT);
  g_assert_true (imp_node_get_tree_parent (node (combined, "x5")) == node (combined, "a"));

  csv = imp_export_csv (combined, NULL);
  g_assert_nonnull (strstr (csv, ",status,delivery,shipped,proposed_by\r\n"));
  g_assert_nonnull (strstr (csv, ",live,,,Group B\r\n"));
  g_assert_nonnull (strstr (csv, ",live,,,Group A\r\n"));

  maps[1] = a;
  g_clear_object (&combined);
  combined = imp_combine_maps (maps, labels, 1, &error);
  g_assert_error (error, IMP_MAP_ERROR, IMP_MAP_ERROR_INVALID_VALUE);
  g_assert_null (combined);
}

/* Random edits */

/* A tree: a goal, 3 actors, 2 impacts each, 2 deliverables each. */
static ImpMap *
tree_base (void)
{
  ImpMap *map = imp_map_new ();
  ImpNode *goal = add (map, NULL, IMP_LEVEL_GOAL, "Goal", "g");

  for (guint a = 0; a < 3; a++)
    {
      g_autofree char *aid = g_strdup_printf ("a%u", a);
      ImpNode *actor = add (map, goal, IMP_LEVEL_ACTOR, aid, aid);

      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *iid = g_strdup_printf ("%s-i%u", aid, i);
          ImpNode *impact = add (map, actor, IMP_LEVEL_IMPACT, iid, iid);

          for (guint d = 0; d < 2; d++)
            {
              g_autofree char *did = g_strdup_printf ("%s-d%u", iid, d);

              add (map, impact, IMP_LEVEL_DELIVERABLE, did, did);
            }
        }
    }
  return map;
}

static ImpNode *
random_node (ImpMap *map,
             GRand  *rand)
{
  return imp_map_get_node (map, g_rand_int_range (rand, 0, imp_map_get_n_nodes (map)));
}

static void
random_edit (ImpMap *map,
             GRand  *rand,
             guint   step)
{
  ImpNode *n = random_node (map, rand);
  g_autofree char *text = g_strdup_printf ("edit %u of %p", step, (void *) map);

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      _imp_map_set_node_title (map, n, text);
      break;
    case 1:
      _imp_map_set_node_notes (map, n, text);
      break;
    case 2:
      if (n->level < IMP_LEVEL_EXPERIMENT)
        add (map, n, n->level + 1, text, NULL);
      break;
    case 3:
      if (imp_node_get_n_children (n) == 0 && n->level != IMP_LEVEL_GOAL)
        _imp_map_remove_node (map, n);
      break;
    case 4:
      {
        ImpNode *to = random_node (map, rand);
        ImpNode *parent = imp_node_get_tree_parent (n);

        if (parent != NULL && to != parent && to->level == parent->level &&
            imp_map_find_link (map, to, n) == NULL)
          {
            _imp_map_unlink (map, n->parents->pdata[0]);
            g_assert_nonnull (_imp_map_link (map, to, n, -1, NULL));
          }
      }
      break;
    case 5:
      if (n->parents->len > 0)
        _imp_map_set_link_assumption (map, n->parents->pdata[0], text);
      break;
    case 6:
      if (n->level == IMP_LEVEL_DELIVERABLE)
        {
          ImpIce ice = { g_rand_int_range (rand, 1, 11), g_rand_int_range (rand, 1, 11),
                         g_rand_int_range (rand, 1, 11) };

          g_assert_true (_imp_map_set_node_ice (map, n, &ice, NULL));
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_touched (GHashTable          *touched,
             const ImpDiffChange *c)
{
  g_hash_table_add (touched, g_strdup (c->id));
  if (c->to != NULL)
    g_hash_table_add (touched, g_strdup (c->to));
  if (c->kind == IMP_DIFF_CARD_MOVED)
    {
      if (c->old_value != NULL)
        g_hash_table_add (touched, g_strdup (json_node_get_string (c->old_value)));
      if (c->new_value != NULL)
        g_hash_table_add (touched, g_strdup (json_node_get_string (c->new_value)));
    }
}

static gboolean
concerns (GHashTable          *touched,
          const ImpDiffChange *c)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer id;

  add_touched (ids, c);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (id != NULL && g_hash_table_contains (touched, id))
      return TRUE;
  return FALSE;
}

static char *
card_text (ImpMap     *map,
           const char *id)
{
  ImpNode *n = imp_map_lookup_node (map, id);
  ImpNode *parent;

  if (n == NULL)
    return NULL;
  parent = imp_node_get_tree_parent (n);
  return g_strdup_printf ("%s|%d|%s|%s|%u%u%u|%s", n->title, n->level, n->notes ? n->notes : "",
                          parent ? parent->id : "-", n->ice.impact, n->ice.confidence,
                          n->ice.ease,
                          n->parents->len > 0 && ((ImpLink *) n->parents->pdata[0])->assumption
                          ? ((ImpLink *) n->parents->pdata[0])->assumption : "");
}

/* Every change of @side that @other left alone is in @merged. */
static void
assert_changes_kept (ImpMap *base,
                     ImpMap *side,
                     ImpMap *other,
                     ImpMap *merged)
{
  g_autoptr(ImpDiff) mine = imp_diff_new (base, side);
  g_autoptr(ImpDiff) theirs = imp_diff_new (base, other);
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < imp_diff_get_n_changes (theirs); i++)
    add_touched (touched, imp_diff_get_change (theirs, i));

  for (guint i = 0; i < imp_diff_get_n_changes (mine); i++)
    {
      const ImpDiffChange *c = imp_diff_get_change (mine, i);

      if (c->kind == IMP_DIFF_CARD_ADDED)
        {
          g_assert_nonnull (imp_map_lookup_node (merged, c->id));
          continue;
        }
      if (concerns (touched, c))
        continue;

      switch (c->kind)
        {
        case IMP_DIFF_CARD_REMOVED:
          g_assert_null (imp_map_lookup_node (merged, c->id));
          break;
        case IMP_DIFF_LINK_ADDED:
          g_assert_nonnull (imp_map_find_link (merged, node (merged, c->id), node (merged, c->to)));
          break;
        case IMP_DIFF_LINK_REMOVED:
          if (imp_map_lookup_node (merged, c->id) && imp_map_lookup_node (merged, c->to))
            g_assert_null (imp_map_find_link (merged, node (merged, c->id), node (merged, c->to)));
          break;
        default:
          {
            g_autofree char *want = card_text (side, c->id);
            g_autofree char *got = card_text (merged, c->id);

            g_assert_cmpstr (got, ==, want);
          }
          break;
        }
    }
}

static void
test_merge_random_edits (void)
{
  for (guint32 seed = 1; seed <= 60; seed++)
    {
      g_autoptr(ImpMap) base = tree_base ();
      g_autoptr(ImpMap) a = copy_map (base);
      g_autoptr(ImpMap) b = copy_map (base);
      g_autoptr(ImpMap) ab = NULL;
      g_autoptr(ImpMap) aa = NULL;
      g_autoptr(ImpMap) bb = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GError) error = NULL;
      g_autofree char *a_text = NULL, *b_text = NULL, *aa_text = NULL, *bb_text = NULL;
      guint n = g_rand_int_range (rand, 1, 12);

      _imp_map_set_id_seed (a, seed * 2);
      _imp_map_set_id_seed (b, seed * 2 + 1);
      for (guint i = 0; i < n; i++)
        random_edit (a, rand, i);
      for (guint i = 0; i < n; i++)
        random_edit (b, rand, i + 100);

      ab = imp_merge_maps (base, a, b, NULL, &error);
      g_assert_no_error (error);
      assert_changes_kept (base, a, b, ab);
      assert_changes_kept (base, b, a, ab);

      aa = imp_merge_maps (base, a, a, NULL, &error);
      g_assert_no_error (error);
      a_text = text_of (a);
      aa_text = text_of (aa);
      g_assert_cmpstr (aa_text, ==, a_text);

      bb = imp_merge_maps (base, base, b, NULL, &error);
      g_assert_no_error (error);
      b_text = text_of (b);
      bb_text = text_of (bb);
      g_assert_cmpstr (bb_text, ==, b_text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/teams/diff/kinds", test_diff_kinds);
  g_test_add_func ("/core/teams/merge/independent", test_merge_independent);
  g_test_add_func ("/core/teams/merge/conflicts", test_merge_conflicts);
  g_test_add_func ("/core/teams/merge/refused-link", test_merge_refused_link);
  g_test_add_func ("/core/teams/merge/random-edits", test_merge_random_edits);
  g_test_add_func ("/core/teams/conflicts/resolve", test_resolve_conflicts);
  g_test_add_func ("/core/teams/combine", test_combine);

  return g_test_run ();
}
