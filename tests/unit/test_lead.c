/* test_lead.c: datelines, site furniture and the lead: what a briefing
 * says first about a story, and what it never says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "summarize/summarize.h"

static void dateline(const char *para, const char *name, const char *rest) {
  const char *n = NULL;
  size_t nl = 0;
  size_t off = nb_dateline_split(para, &n, &nl);
  if (!name) {
    assert_int_equal(off, 0);
    return;
  }
  assert_true(off > 0);
  assert_int_equal(nl, strlen(name));
  assert_memory_equal(n, name, nl);
  assert_string_equal(para + off, rest);
}

static void test_datelines(void **state) {
  (void)state;
  dateline("Washington: A spokesman said so.", "Washington", "A spokesman said so.");
  dateline("WASHINGTON (AP) \xE2\x80\x94 The Senate voted.", "WASHINGTON",
           "The Senate voted.");
  dateline("LONDON, March 3 (Reuters) - Shares fell.", "LONDON", "Shares fell.");
  dateline("KABUL, Afghanistan \xE2\x80\x94 Talks resumed.", "KABUL",
           "Talks resumed.");
  dateline("Taipei, Taiwan \xE2\x80\x94 The festival opened.", "Taipei",
           "The festival opened.");
  /* a press release's dateline ends in the year */
  dateline("CAMBRIDGE, England, June 2, 2026 \xE2\x80\x93 The lab opened.",
           "CAMBRIDGE", "The lab opened.");
  /* not datelines */
  dateline("Also read: In Last Chance To Boost Birthrate", NULL, NULL);
  dateline("Paris, 2026 \xE2\x80\x94 a year of change.", NULL, NULL);
  dateline("Image: Nick Moreau.", NULL, NULL);
  dateline("Yesterday \xE2\x80\x94 a quiet day \xE2\x80\x94 nothing happened.", NULL, NULL);
  dateline("The minister said: \"No.\"", NULL, NULL);
}

static void test_furniture(void **state) {
  (void)state;
  const char *yes[] = {
      "Also read: In \xE2\x80\x9CLast Chance\xE2\x80\x9D To Boost Birthrate, Japan\xE2\x80\x99s Fumio Kishida Promises Aid",
      "Image: United States Navy", "Photo: Reuters", "Advertisement",
      "Follow us on Twitter", "Share this article", "Read more",
      "Related: Ten things to know", "Sign up for our newsletter",
      "By Jane Doe", "Friday, July 21, 2017", "2017-07-21",
      "Three of Digimon's \"Digi-destined\", including cosplayer Jessica Anderson. Image: Nick Moreau.",
      NULL};
  for (int i = 0; yes[i]; i++) {
    if (!nb_is_furniture(yes[i]))
      print_error("not furniture: %s\n", yes[i]);
    assert_true(nb_is_furniture(yes[i]));
  }
  const char *no[] = {
      "A spokesman for the White House stated on Friday that the talks failed.",
      "By the end of the year, prices had doubled.",
      "Advertisements for the show ran for weeks.",
      "Subscribers said the service was slow.",
      "Friday was the hottest day of July.", NULL};
  for (int i = 0; no[i]; i++) {
    if (nb_is_furniture(no[i]))
      print_error("furniture: %s\n", no[i]);
    assert_false(nb_is_furniture(no[i]));
  }
}

static nb_story *summarize(nb_article *a, unsigned lead) {
  nb_summary_opts o = {lead, 2, NULL};
  return nb_summarize(a, &o);
}

static void add(nb_article *a, const char *p) {
  nb_article_add_para(a, p, strlen(p));
}

static void test_lead_skips_packaging(void **state) {
  (void)state;
  nb_article *a = nb_article_new("t");
  add(a, "Lantern Festival in Taipei lights up the night");
  add(a, "Monday, March 5, 2007");
  add(a, "By Jane Doe");
  add(a, "Image: Lanterns at the memorial.");
  add(a, "pilgrims at the festival in 2008.");
  add(a, "TAIPEI, Taiwan \xE2\x80\x94 The festival opened on Saturday. Crowds came.");
  add(a, "More text follows here.");
  nb_story *s = summarize(a, 1);
  assert_int_equal(s->n_lead, 1);
  assert_string_equal(s->lead[0], "The festival opened on Saturday.");
  assert_string_equal(s->dateline, "Taipei");
  nb_story_free(s);
  /* --lead-sentences 3 runs on into the next paragraph */
  s = summarize(a, 3);
  assert_int_equal(s->n_lead, 3);
  assert_string_equal(s->lead[1], "Crowds came.");
  assert_string_equal(s->lead[2], "More text follows here.");
  nb_story_free(s);
  nb_article_free(a);
}

static void test_lead_keeps_its_partial_quote(void **state) {
  (void)state;
  nb_article *a = nb_article_new("t");
  add(a, "Washington: A spokesman for the White House stated on Friday that the "
         "United States opposes the plan, as it would only consolidate "
         "\xE2\x80\x9CRussian conquest\xE2\x80\x9D in the east.");
  add(a, "\xE2\x80\x9CWe do not support calls for a ceasefire at this time,\xE2\x80\x9D "
         "spokesman John Kirby said.");
  nb_story *s = summarize(a, 1);
  assert_int_equal(s->n_lead, 1);
  assert_string_equal(s->dateline, "Washington");
  assert_non_null(strstr(s->lead[0], "\xE2\x80\x9CRussian conquest\xE2\x80\x9D"));
  assert_true(strncmp(s->lead[0], "A spokesman", 11) == 0);
  /* the partial quote is never a key quote; the direct one is */
  assert_int_equal(s->n_key, 1);
  assert_int_equal(s->quotes[s->key[0]].kind, NB_QUOTE_DIRECT);
  assert_string_equal(s->quotes[s->key[0]].speaker, "John Kirby");
  nb_story_free(s);
  nb_article_free(a);
}

static void test_key_quotes(void **state) {
  (void)state;
  nb_article *a = nb_article_new("t");
  add(a, "The council voted on Tuesday to close the old bridge for repairs.");
  add(a, "\xE2\x80\x9CWe will close the old bridge for repairs on Tuesday,\xE2\x80\x9D Mayor Ana Costa said.");
  add(a, "\xE2\x80\x9CThe repairs will take six months and cost four million dollars,\xE2\x80\x9D Costa said.");
  add(a, "\xE2\x80\x9CThe repairs will take six months and cost a great deal,\xE2\x80\x9D she added.");
  add(a, "\xE2\x80\x9CYes,\xE2\x80\x9D she said.");
  add(a, "\xE2\x80\x9CTraffic will move to the new bridge while the work goes on,\xE2\x80\x9D said engineer Tom Reyes.");
  nb_story *s = summarize(a, 1);
  /* quote 1 repeats the lead, quote 3 repeats quote 2, quote 4 is too short */
  assert_int_equal(s->n_key, 2);
  assert_true(strncmp(s->quotes[s->key[0]].text, "The repairs will take six months and cost four", 46) == 0);
  assert_true(strncmp(s->quotes[s->key[1]].text, "Traffic will move", 17) == 0);
  assert_true(s->key[0] < s->key[1]); /* article order */
  nb_story_free(s);
  /* --max-quotes 0 and an article without text */
  nb_summary_opts o = {1, 0, NULL};
  s = nb_summarize(a, &o);
  assert_int_equal(s->n_key, 0);
  nb_story_free(s);
  nb_article_free(a);
  a = nb_article_new("empty");
  s = summarize(a, 1);
  assert_int_equal(s->n_lead, 0);
  assert_int_equal(s->n_quotes, 0);
  nb_story_free(s);
  nb_article_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_datelines),
      cmocka_unit_test(test_furniture),
      cmocka_unit_test(test_lead_skips_packaging),
      cmocka_unit_test(test_lead_keeps_its_partial_quote),
      cmocka_unit_test(test_key_quotes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
