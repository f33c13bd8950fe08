/* test-sentences.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "imp-analysis.h"
#include "imp-map-private.h"

/* The connect-the-dots sentences for impacts titled as behaviours and as
 * results, in English and in German (with the catalogue of the build
 * tree, in C.UTF-8, where gettext honours LANGUAGE). */

typedef struct
{
  const char *title;
  gboolean    outcome;
} Title;

static const Title english[] = {
  { "Fewer complaints", TRUE },
  { "Fewer assessment-related complaints", TRUE },
  { "Results delivered in under 1 minute", TRUE },
  { "More weekly logins", TRUE },
  { "Less time spent on grading", TRUE },
  { "Faster onboarding", TRUE },
  { "Higher completion rate", TRUE },
  { "Lower churn", TRUE },
  { "Better grades", TRUE },
  { "Shorter queues at the help desk", TRUE },
  { "Increased engagement", TRUE },
  { "Reduced call volume", TRUE },
  { "50% fewer support calls", TRUE },
  { "+20% sign-ups", TRUE },
  { "Zero failed uploads", TRUE },
  { "No missed deadlines", TRUE },
  { "Churn rate below 2%", TRUE },
  { "Response time under 5 minutes", TRUE },
  { "Tickets purchased online", TRUE },
  { "NPS rises", TRUE },
  { "Complaints halved", TRUE },
  { "Improved retention", TRUE },
  { "Quicker answers from support", TRUE },
  { "Purchase tickets without calling", FALSE },
  { "Grade assignments within a day", FALSE },
  { "Upload homework from a phone", FALSE },
  { "Practise on more days each week", FALSE },
  { "Raise fewer complaints about assessment", FALSE },
  { "Set homework on the platform every week", FALSE },
  { "Roll the platform out to every class", FALSE },
  { "Get results faster", FALSE },
  { "Complain less", FALSE },
  { "Invite a colleague", FALSE },
  { "Book appointments online", FALSE },
  { "Share reports with parents", FALSE },
  { "Access saved reports offline", FALSE },
  { "Discuss results in class", FALSE },
  { "Spend more time practising", FALSE },
  { "Return within a week", FALSE },
  { "Recommend the app to a friend", FALSE },
  { "Answer chat questions without escalating", FALSE },
  { "Check progress weekly", FALSE },
  { "Respond to tickets in under 1 hour", FALSE },
  { "Use the mobile app daily", FALSE },
};

static const Title german[] = {
  { "Weniger Beschwerden", TRUE },
  { "Weniger Beschwerden zur Bewertung", TRUE },
  { "Mehr wöchentliche Anmeldungen", TRUE },
  { "Schnellere Rückmeldung", TRUE },
  { "Höhere Abschlussquote", TRUE },
  { "Niedrigere Abbruchrate", TRUE },
  { "Bessere Noten", TRUE },
  { "Kürzere Wartezeiten", TRUE },
  { "Geringere Kosten pro Schüler", TRUE },
  { "Keine verpassten Fristen", TRUE },
  { "Null fehlgeschlagene Uploads", TRUE },
  { "50 % weniger Anrufe", TRUE },
  { "Ergebnisse in unter 1 Minute geliefert", TRUE },
  { "Tickets ohne Anruf gekauft", TRUE },
  { "Beschwerden halbiert", TRUE },
  { "Abbruchquote unter 5 %", TRUE },
  { "Antwortzeit unter 1 Stunde", TRUE },
  { "Bearbeitungszeit verkürzt", TRUE },
  { "Kundenzufriedenheit verbessert", TRUE },
  { "Mehr Schüler üben täglich", TRUE },
  { "Doppelt so viele Anmeldungen", TRUE },
  { "Längere Sitzungen in der App", TRUE },
  { "Tickets ohne Anruf kaufen", FALSE },
  { "Hausaufgaben auf der Plattform stellen", FALSE },
  { "Aufgaben innerhalb eines Tages bewerten", FALSE },
  { "An mehr Tagen pro Woche üben", FALSE },
  { "Weniger Beschwerden einreichen", FALSE },
  { "Schneller Feedback geben", FALSE },
  { "Die Plattform in jeder Klasse einführen", FALSE },
  { "Ergebnisse mit Eltern teilen", FALSE },
  { "Termine online buchen", FALSE },
  { "Die App Freunden empfehlen", FALSE },
  { "Das Abo rechtzeitig verlängern", FALSE },
  { "Fortschritt wöchentlich prüfen", FALSE },
  { "Chatfragen ohne Eskalation beantworten", FALSE },
  { "Hausaufgaben vom Handy hochladen", FALSE },
  { "Mehr Zeit mit Üben verbringen", FALSE },
  { "Innerhalb einer Woche zurückkehren", FALSE },
  { "Kollegen einladen", FALSE },
  { "Gespeicherte Berichte offline abrufen", FALSE },
  { "Ergebnisse im Unterricht besprechen", FALSE },
  { "Die mobile App täglich nutzen", FALSE },
};

/* goal → actor → impact → deliverable, and the impact */
static ImpMap *
chain_map (const char  *goal_title,
           const char  *actor_title,
           const char  *impact_title,
           ImpNode    **impact_out,
           ImpNode    **deliverable_out)
{
  ImpMap *map = imp_map_new_with_goal (goal_title);
  ImpNode *goal = imp_map_get_node (map, 0);
  ImpNode *actor = _imp_map_add_node (map, IMP_LEVEL_ACTOR, actor_title, NULL, NULL);
  ImpNode *impact = _imp_map_add_node (map, IMP_LEVEL_IMPACT, impact_title, NULL, NULL);
  ImpNode *deliverable = _imp_map_add_node (map, IMP_LEVEL_DELIVERABLE, "Upload pipeline 20s to 5s",
                                            NULL, NULL);

  g_assert_nonnull (_imp_map_link (map, goal, actor, -1, NULL));
  g_assert_nonnull (_imp_map_link (map, actor, impact, -1, NULL));
  g_assert_nonnull (_imp_map_link (map, impact, deliverable, -1, NULL));
  if (impact_out != NULL)
    *impact_out = impact;
  if (deliverable_out != NULL)
    *deliverable_out = deliverable;

  return map;
}

static char *
sentence_of (ImpNode *deliverable)
{
  g_autoptr(GPtrArray) sentences = imp_analysis_get_litmus_sentences (deliverable);

  g_assert_cmpuint (sentences->len, ==, 1);
  return g_strdup (g_ptr_array_index (sentences, 0));
}

static char *
prompt_of (ImpNode *impact)
{
  g_autoptr(GPtrArray) prompts = imp_analysis_get_hmw_prompts (impact);

  g_assert_cmpuint (prompts->len, ==, 1);
  return g_strdup (g_ptr_array_index (prompts, 0));
}

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext drops what it cached when the locale is set again. */
  setlocale (LC_ALL, "");
}

static void
test_detect_english (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    {
      if (imp_analysis_title_is_outcome (english[i].title) != english[i].outcome)
        g_error ("“%s” should read as %s", english[i].title,
                 english[i].outcome ? "an outcome" : "a behaviour");
    }
  g_assert_false (imp_analysis_title_is_outcome (NULL));
  g_assert_false (imp_analysis_title_is_outcome (""));
  g_assert_false (imp_analysis_title_is_outcome ("  "));
}

static void
test_detect_german (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (german); i++)
    {
      if (imp_analysis_title_is_outcome (german[i].title) != german[i].outcome)
        g_error ("„%s“ should read as %s", german[i].title,
                 german[i].outcome ? "an outcome" : "a behaviour");
    }
}

static void
test_sentences_english (void)
{
  use_language ("en");

  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    {
      ImpNode *impact, *deliverable;
      g_autoptr(ImpMap) map = chain_map ("Increase active learner engagement", "Students",
                                         english[i].title, &impact, &deliverable);
      g_autofree char *sentence = sentence_of (deliverable);
      g_autofree char *prompt = prompt_of (impact);
      g_autofree char *want = NULL;
      g_autofree char *want_prompt = NULL;

      if (english[i].outcome)
        {
          want = g_strdup_printf ("We build “Upload pipeline 20s to 5s” so that the outcome "
                                  "“%s” comes true for students, which moves the goal "
                                  "“Increase active learner engagement”.", english[i].title);
          want_prompt = g_strdup_printf ("How might we bring about “%s” for students?",
                                         english[i].title);
        }
      else
        {
          g_autofree char *lower = g_strdup (english[i].title);

          lower[0] = g_ascii_tolower (lower[0]);
          want = g_strdup_printf ("We build “Upload pipeline 20s to 5s” so that students will "
                                  "%s, which moves the goal “Increase active learner "
                                  "engagement”.", lower);
          want_prompt = g_strdup_printf ("How might we help students %s?", lower);
        }
      g_assert_cmpstr (sentence, ==, want);
      g_assert_cmpstr (prompt, ==, want_prompt);
    }
}

static void
test_sentences_german (void)
{
  use_language ("de");
  if (g_str_equal (_("_Save"), "_Save"))
    {
      g_test_skip ("the German catalogue is not built");
      use_language ("en");
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (german); i++)
    {
      ImpNode *impact, *deliverable;
      g_autoptr(ImpMap) map = chain_map ("Mehr aktive Lernende", "Schüler", german[i].title,
                                         &impact, &deliverable);
      g_autofree char *sentence = sentence_of (deliverable);
      g_autofree char *prompt = prompt_of (impact);
      g_autofree char *want = NULL;
      g_autofree char *want_prompt = NULL;

      /* German nouns keep their capital inside a sentence. */
      if (german[i].outcome)
        {
          want = g_strdup_printf ("Wir bauen „Upload pipeline 20s to 5s“, damit für Schüler "
                                  "„%s“ eintritt, was das Ziel „Mehr aktive Lernende“ "
                                  "voranbringt.", german[i].title);
          want_prompt = g_strdup_printf ("Wie könnten wir „%s“ für Schüler erreichen?",
                                         german[i].title);
        }
      else
        {
          want = g_strdup_printf ("Wir bauen „Upload pipeline 20s to 5s“, damit Schüler %s, "
                                  "was das Ziel „Mehr aktive Lernende“ voranbringt.",
                                  german[i].title);
          want_prompt = g_strdup_printf ("Wie könnten wir erreichen, dass Schüler %s?",
                                         german[i].title);
        }
      g_assert_cmpstr (sentence, ==, want);
      g_assert_cmpstr (prompt, ==, want_prompt);
    }

  use_language ("en");
}

/* The goal's metric and target are named; a three-tier outcome too. */
static void
test_goal_metric_and_three_tiers (void)
{
  ImpNode *impact, *deliverable;
  g_autoptr(ImpMap) map = chain_map ("Increase weekly active learners by 20%", "Teachers",
                                     "Fewer assessment-related complaints", &impact, &deliverable);
  g_autoptr(ImpMetric) metric = imp_metric_new ();
  g_autofree char *sentence = NULL;
  g_autofree char *prompt = NULL;
  ImpNode *goal = imp_map_get_node (map, 0);

  use_language ("en");
  metric->name = g_strdup ("Weekly active learners");
  metric->unit = g_strdup ("learners");
  metric->baseline = 40000;
  metric->target = 48000;
  metric->deadline = g_strdup ("2026-12-31");
  _imp_map_set_node_metric (map, goal, metric);

  sentence = sentence_of (deliverable);
  g_assert_cmpstr (sentence, ==,
                   "We build “Upload pipeline 20s to 5s” so that the outcome “Fewer "
                   "assessment-related complaints” comes true for teachers, which moves the goal "
                   "“Increase weekly active learners by 20%” (Weekly active learners: 48000 "
                   "learners by 2026-12-31).");
  g_clear_pointer (&sentence, g_free);

  /* The window groups the number as the user reads it; check does not. */
  {
    g_autoptr(GArray) chains = imp_analysis_get_chains (deliverable);
    g_autoptr(GPtrArray) shown = imp_analysis_get_display_sentences (deliverable);

    sentence = imp_analysis_chain_sentence_for_display (&g_array_index (chains, ImpChain, 0));
    g_assert_nonnull (strstr (sentence, "(Weekly active learners: 48,000 learners by "
                                        "2026-12-31)."));
    g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, sentence);
    g_clear_pointer (&sentence, g_free);
  }

  /* An impact that names its actor is a clause of its own. */
  {
    ImpNode *d2;
    g_autoptr(ImpMap) clause = chain_map ("Grow", "Teachers", "Teachers grade sooner", NULL, &d2);

    sentence = sentence_of (d2);
    g_assert_cmpstr (sentence, ==, "We build “Upload pipeline 20s to 5s” so that teachers grade "
                                   "sooner, which moves the goal “Grow”.");
    g_clear_pointer (&sentence, g_free);
  }

  /* Three tiers: no actor in the chain. */
  {
    g_autoptr(ImpMap) tiers = imp_map_new_with_goal ("Revenue");
    ImpNode *g = imp_map_get_node (tiers, 0);
    ImpNode *o1, *o2, *d1, *d2;

    g_assert_true (_imp_map_set_vocabulary (tiers, IMP_VOCABULARY_THREE_TIERS));
    o1 = _imp_map_add_node (tiers, IMP_LEVEL_IMPACT, "Shoppers buy online", NULL, NULL);
    o2 = _imp_map_add_node (tiers, IMP_LEVEL_IMPACT, "Fewer abandoned carts", NULL, NULL);
    d1 = _imp_map_add_node (tiers, IMP_LEVEL_DELIVERABLE, "Checkout page", NULL, NULL);
    d2 = _imp_map_add_node (tiers, IMP_LEVEL_DELIVERABLE, "Saved carts", NULL, NULL);
    _imp_map_link (tiers, g, o1, -1, NULL);
    _imp_map_link (tiers, g, o2, -1, NULL);
    _imp_map_link (tiers, o1, d1, -1, NULL);
    _imp_map_link (tiers, o2, d2, -1, NULL);

    sentence = sentence_of (d1);
    g_assert_cmpstr (sentence, ==, "We build “Checkout page” so that shoppers buy online, "
                                   "which moves the goal “Revenue”.");
    g_clear_pointer (&sentence, g_free);
    sentence = sentence_of (d2);
    g_assert_cmpstr (sentence, ==, "We build “Saved carts” so that the outcome “Fewer abandoned "
                                   "carts” comes true, which moves the goal “Revenue”.");
    prompt = prompt_of (o2);
    g_assert_cmpstr (prompt, ==, "How might we bring about “Fewer abandoned carts”?");
  }
}

/* Map health nudges an outcome-style impact towards a behaviour, and
 * leaves behaviours (and deliverables titled "Faster …") alone. */
static void
test_outcome_finding (void)
{
  ImpNode *impact, *deliverable;
  g_autoptr(ImpMap) map = chain_map ("G", "Students", "Fewer complaints", &impact, &deliverable);
  g_autoptr(GPtrArray) findings = NULL;
  guint n = 0;

  use_language ("en");
  _imp_map_set_node_title (map, deliverable, "Faster upload pipeline");
  findings = imp_analysis_find_problems (map, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      ImpFinding *f = g_ptr_array_index (findings, i);

      if (f->kind != IMP_FINDING_OUTCOME_TITLE)
        continue;
      n++;
      g_assert_true (f->node == impact);
      g_assert_cmpstr (f->message, ==, "“Fewer complaints” reads as a result: say what the "
                                       "actors will do differently, as a behaviour");
    }
  g_assert_cmpuint (n, ==, 1);

  _imp_map_set_node_title (map, impact, "Complain less");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = imp_analysis_find_problems (map, NULL);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpint (((ImpFinding *) g_ptr_array_index (findings, i))->kind, !=,
                     IMP_FINDING_OUTCOME_TITLE);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IMP_LOCALEDIR");

  /* gettext ignores LANGUAGE in the "C" locale, but not in C.UTF-8. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      printf ("1..0 # SKIP no C.UTF-8 locale\n");
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sentences/detect-english", test_detect_english);
  g_test_add_func ("/core/sentences/detect-german", test_detect_german);
  g_test_add_func ("/core/sentences/english", test_sentences_english);
  g_test_add_func ("/core/sentences/german", test_sentences_german);
  g_test_add_func ("/core/sentences/goal-metric-three-tiers", test_goal_metric_and_three_tiers);
  g_test_add_func ("/core/sentences/outcome-finding", test_outcome_finding);

  return g_test_run ();
}
