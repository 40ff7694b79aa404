/* test_prosody.c: voice profiles and the script: roles, voices, pauses,
 * first-mention attributions, quote wording, the briefing frame, and SSML
 * that stays well-formed XML whatever the article says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nb.h"
#include "prosody/prosody.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

/* A story built by hand, as the summarizer would hand it over. */
typedef struct fixture {
  nb_article *a;
  nb_story st;
  nb_quote q[3];
  size_t key[3];
  const char *lead[1];
} fixture;

static void make_story(fixture *f, const char *lead) {
  memset(f, 0, sizeof *f);
  f->a = nb_article_new("seed.txt");
  nb_article_add_para(f->a, lead, strlen(lead));
  f->lead[0] = lead;
  f->st.article = f->a;
  f->st.dateline = "Washington";
  f->st.lead = f->lead;
  f->st.n_lead = 1;
  f->q[0] = (nb_quote){
      .text = "We do not support calls for a ceasefire at this time,",
      .kind = NB_QUOTE_DIRECT,
      .speaker = "John Kirby",
      .description = "National Security Council spokesman",
      .mention = "National Security Council spokesman John Kirby",
      .cue = "told reporters",
      .paragraph = 1,
      .end_paragraph = 1};
  f->q[1] = (nb_quote){.text = "There is no scheduled contact.",
                       .kind = NB_QUOTE_DIRECT,
                       .speaker = "John Kirby",
                       .mention = "he",
                       .cue = "said",
                       .paragraph = 8,
                       .end_paragraph = 8};
  f->q[2] = (nb_quote){.text = "It was a shock,",
                       .kind = NB_QUOTE_DIRECT,
                       .paragraph = 9,
                       .end_paragraph = 9};
  f->st.quotes = f->q;
  f->st.n_quotes = 3;
  f->key[0] = 0, f->key[1] = 1, f->key[2] = 2;
  f->st.key = f->key;
  f->st.n_key = 3;
}

static int setup(void **state) {
  nb_profile *p = calloc(1, sizeof *p);
  nb_err e = {0};
  if (nb_profile_load("newsroom", p, &e) != NB_OK) {
    fprintf(stderr, "%s\n", e.msg);
    free(p);
    return -1;
  }
  *state = p;
  return 0;
}

static int teardown(void **state) {
  nb_profile_release(*state);
  free(*state);
  return 0;
}

static void test_briefing_segments(void **state) {
  nb_profile *p = *state;
  fixture f;
  make_story(&f, "A spokesman for the White House stated on Friday that ...");
  nb_story *stories[] = {&f.st};
  nb_script *s = nb_script_build(stories, 1, p, NULL);
  assert_int_equal(s->n, 7);
  assert_int_equal(s->segs[0].role, NB_ROLE_LEAD);
  assert_ptr_equal(s->segs[0].voice, &p->narrator);
  assert_int_equal(s->segs[1].role, NB_ROLE_ATTRIBUTION);
  /* first mention: description and full name */
  assert_string_equal(s->segs[1].text,
                      "National Security Council spokesman John Kirby told reporters");
  assert_ptr_equal(s->segs[1].voice, &p->attribution);
  assert_int_equal(s->segs[2].role, NB_ROLE_QUOTE);
  /* the closing comma of '"Q," he said' becomes a full stop */
  assert_string_equal(s->segs[2].text,
                      "We do not support calls for a ceasefire at this time.");
  assert_string_equal(s->segs[2].speaker, "John Kirby");
  assert_ptr_equal(s->segs[2].voice, &p->quote);
  assert_int_equal(s->segs[2].pause_ms, p->quote.pause_ms);
  /* later mention: the surname */
  assert_string_equal(s->segs[3].text, "Kirby said");
  /* nobody named: the profile's wording */
  assert_string_equal(s->segs[5].text, p->unknown_speaker);
  assert_string_equal(s->segs[6].text, "It was a shock.");
  /* one story: no intro or outro by default */
  for (size_t i = 0; i < s->n; i++)
    assert_int_equal(s->segs[i].story, 0);
  nb_script_free(s);
  nb_article_free(f.a);
}

static void test_quote_words(void **state) {
  nb_profile *p = *state;
  fixture f;
  make_story(&f, "Lead sentence.");
  f.st.n_key = 1;
  nb_story *stories[] = {&f.st};
  nb_script_opts o = {0, 0, NB_QUOTES_WORDS, NULL, NULL};
  nb_script *s = nb_script_build(stories, 1, p, &o);
  assert_int_equal(s->n, 4);
  assert_string_equal(s->segs[1].text,
                      "National Security Council spokesman John Kirby told "
                      "reporters, quote:");
  assert_int_equal(s->segs[2].role, NB_ROLE_QUOTE);
  assert_string_equal(s->segs[3].text, "End quote.");
  nb_script_free(s);
  nb_article_free(f.a);
}

static void test_frame(void **state) {
  nb_profile *p = *state;
  fixture f1, f2;
  make_story(&f1, "First lead.");
  make_story(&f2, "Second lead.");
  f1.st.n_key = f2.st.n_key = 0;
  nb_story *stories[] = {&f1.st, &f2.st};
  nb_script_opts o = {0, -1, NB_QUOTES_VOICE, "Friday, March 17, 2023",
                      "Morning Briefing"};
  nb_script *s = nb_script_build(stories, 2, p, &o);
  assert_int_equal(s->n, 5);
  assert_int_equal(s->segs[0].role, NB_ROLE_INTRO);
  assert_int_equal(s->segs[0].story, -1);
  assert_string_equal(s->segs[0].text,
                      "This is Morning Briefing for Friday, March 17, 2023.");
  assert_int_equal(s->segs[1].role, NB_ROLE_LEAD);
  /* the end of a story gets the profile's extra pause */
  assert_int_equal(s->segs[1].pause_ms,
                   p->narrator.pause_ms + p->story_pause_ms);
  assert_int_equal(s->segs[2].role, NB_ROLE_TRANSITION);
  assert_int_equal(s->segs[3].story, 1);
  assert_int_equal(s->segs[4].role, NB_ROLE_OUTRO);
  assert_int_equal(s->n_stories, 2);
  assert_string_equal(s->story_titles[1], "Second lead.");
  nb_script_free(s);
  nb_article_free(f1.a);
  nb_article_free(f2.a);
}

/* Later mentions: a person by surname ("Kirby"), an organization by its
 * whole name every time: "Authority said" would name nobody. */
static void test_organization_keeps_its_name(void **state) {
  nb_profile *p = *state;
  fixture f;
  make_story(&f, "Flights were grounded at Lakeside Airport on Friday.");
  for (int i = 0; i < 2; i++) {
    f.q[i].speaker = "Civil Aviation Authority";
    f.q[i].description = NULL;
    f.q[i].speaker_org = 1;
  }
  nb_story *stories[] = {&f.st};
  nb_script *s = nb_script_build(stories, 1, p, NULL);
  /* lead, then attribution + quote twice, then the unknown speaker's */
  assert_int_equal(s->segs[1].role, NB_ROLE_ATTRIBUTION);
  assert_string_equal(s->segs[1].text,
                      "Civil Aviation Authority told reporters");
  assert_int_equal(s->segs[3].role, NB_ROLE_ATTRIBUTION);
  assert_string_equal(s->segs[3].text, "Civil Aviation Authority said");
  nb_script_free(s);
  nb_article_free(f.a);
  /* The same two quotes by a person: the surname the second time. */
  make_story(&f, "Flights were grounded at Lakeside Airport on Friday.");
  f.q[0].description = NULL;
  s = nb_script_build(stories, 1, p, NULL);
  assert_string_equal(s->segs[1].text, "John Kirby told reporters");
  assert_string_equal(s->segs[3].text, "Kirby said");
  nb_script_free(s);
  nb_article_free(f.a);
}

/* A title of up to four words reads before the name ("National Security
 * Council spokesman John Kirby"); a longer description after it, as an
 * aside, its case as written (lower-casing would make "French" "french"). */
static void test_long_description_after_name(void **state) {
  nb_profile *p = *state;
  fixture f;
  make_story(&f, "Farmers blocked the ring road around Lyon on Monday.");
  f.q[0].speaker = "Jean-Baptiste Marchal";
  f.q[0].description = "cereal grower from the Ain";
  f.q[0].cue = "said";
  f.q[1].speaker = "Ana Lopez";
  f.q[1].description = "NASA's head of human spaceflight";
  nb_story *stories[] = {&f.st};
  nb_script *s = nb_script_build(stories, 1, p, NULL);
  assert_string_equal(s->segs[1].text,
                      "Jean-Baptiste Marchal, cereal grower from the Ain, said");
  assert_string_equal(s->segs[3].text,
                      "Ana Lopez, NASA's head of human spaceflight, said");
  nb_script_free(s);
  nb_article_free(f.a);
}

/* A story with no title is named by the start of its lead (chapters,
 * transcripts): cut at a space after 20-60 bytes, or, in a script without
 * spaces, at 60 bytes on a character boundary, never inside one. */
static void test_title_from_lead(void **state) {
  nb_profile *p = *state;
  fixture f1, f2;
  make_story(&f1, "The council approved the plan on Friday after a long and "
                  "heated debate.");
  /* 30 characters of 3 bytes: 90 bytes, no space. */
  make_story(&f2, "市議会は五日の本会議で路面電車を港地区まで延伸する計画を承認");
  f1.st.n_key = f2.st.n_key = 0;
  nb_story *stories[] = {&f1.st, &f2.st};
  nb_script *s = nb_script_build(stories, 2, p, NULL);
  assert_string_equal(s->story_titles[0],
                      "The council approved the plan on Friday after a long and...");
  /* 60 bytes is 20 characters exactly; 61 would split the 21st. */
  assert_string_equal(s->story_titles[1],
                      "市議会は五日の本会議で路面電車を港地区ま...");
  size_t bad;
  assert_true(nb_utf8_valid(s->story_titles[1], strlen(s->story_titles[1]),
                            &bad));
  nb_script_free(s);
  nb_article_free(f1.a);
  nb_article_free(f2.a);
}

static void test_ssml_escapes(void **state) {
  nb_profile *p = *state;
  fixture f;
  make_story(&f, "AT&T said <audio src=\"x$(touch PWNED).wav\"/> & \"more\".");
  nb_story *stories[] = {&f.st};
  nb_script *s = nb_script_build(stories, 1, p, NULL);
  nb_buf b = {0};
  nb_script_ssml(s, &b);
  xmlDocPtr doc = xmlReadMemory(b.ptr, (int)b.len, "x.ssml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
  assert_non_null(doc);
  xmlNodePtr root = xmlDocGetRootElement(doc);
  assert_string_equal((const char *)root->name, "speak");
  /* the article's markup is text, not an element */
  assert_null(strstr(b.ptr, "<audio"));
  assert_non_null(strstr(b.ptr, "AT&amp;T said &lt;audio"));
  /* every sentence sits in <s>, pauses are breaks in milliseconds */
  assert_non_null(strstr(b.ptr, "<s>"));
  assert_non_null(strstr(b.ptr, "<break time=\""));
  xmlFreeDoc(doc);
  nb_buf_release(&b);
  nb_script_free(s);
  nb_article_free(f.a);
}

static void test_full_article(void **state) {
  nb_profile *p = *state;
  fixture f;
  make_story(&f, "Washington: The lead paragraph.");
  const char *para =
      "\xE2\x80\x9CWe do not support it,\xE2\x80\x9D Kirby said. He left.";
  nb_article_add_para(f.a, para, strlen(para));
  nb_article_add_para(f.a, "A plain paragraph.", 18);
  f.q[0].paragraph = f.q[0].end_paragraph = 1;
  f.q[0].start = 0;
  f.q[0].end = (uint32_t)(strstr(para, " Kirby") - para);
  f.st.n_quotes = 1;
  nb_story *stories[] = {&f.st};
  nb_script_opts o = {1, 0, NB_QUOTES_VOICE, NULL, NULL};
  nb_script *s = nb_script_build(stories, 1, p, &o);
  assert_int_equal(s->n, 5);
  /* the dateline is taken off the first paragraph */
  assert_int_equal(s->segs[0].role, NB_ROLE_BODY);
  assert_string_equal(s->segs[0].text, "The lead paragraph.");
  assert_int_equal(s->segs[1].role, NB_ROLE_QUOTE);
  assert_string_equal(s->segs[1].text, "We do not support it.");
  /* the rest of the quote's sentence is the attribution, later sentences
   * are narration again */
  assert_int_equal(s->segs[2].role, NB_ROLE_ATTRIBUTION);
  assert_string_equal(s->segs[2].text, "Kirby said.");
  assert_int_equal(s->segs[3].role, NB_ROLE_BODY);
  assert_string_equal(s->segs[3].text, "He left.");
  assert_int_equal(s->segs[4].role, NB_ROLE_BODY);
  nb_script_free(s);
  nb_article_free(f.a);
}

/* --speed: every rate times the factor (the voices keep their
 * differences), every pause divided by it, rates kept within eSpeak's
 * 80..NB_RATE_MAX; a factor out of range changes nothing. */
static void test_speed(void **state) {
  nb_profile *p = *state;
  nb_profile q = *p; /* voices and pauses only: the strings stay p's */
  nb_profile_set_speed(&q, 2);
  assert_int_equal(q.narrator.rate, 2 * p->narrator.rate);
  assert_int_equal(q.attribution.rate, 2 * p->attribution.rate);
  assert_int_equal(q.quote.rate, 2 * p->quote.rate);
  assert_int_equal(q.narrator.pause_ms, p->narrator.pause_ms / 2);
  assert_int_equal(q.quote.pause_ms, p->quote.pause_ms / 2);
  assert_int_equal(q.story_pause_ms, p->story_pause_ms / 2);
  assert_int_equal(q.narrator.pitch, p->narrator.pitch);
  /* newsroom: narrator 170, attribution 160, quote 165 words a minute */
  q = *p;
  nb_profile_set_speed(&q, 1.5);
  assert_int_equal(q.narrator.rate, 255);
  assert_int_equal(q.attribution.rate, 240);
  assert_int_equal(q.quote.rate, 248); /* 247.5, rounded */
  assert_int_equal(q.narrator.pause_ms, 233); /* 350 / 1.5 */
  q = *p;
  q.narrator.rate = 400;
  q.quote.rate = 100;
  nb_profile_set_speed(&q, 3);
  assert_int_equal(q.narrator.rate, NB_RATE_MAX);
  q = *p;
  q.quote.rate = 100;
  nb_profile_set_speed(&q, 0.5);
  assert_int_equal(q.quote.rate, 80);
  assert_int_equal(q.narrator.rate, 85);
  assert_int_equal(q.narrator.pause_ms, 2 * p->narrator.pause_ms);
  q = *p;
  nb_profile_set_speed(&q, 4);
  nb_profile_set_speed(&q, 0.1);
  assert_int_equal(q.narrator.rate, p->narrator.rate);
  assert_int_equal(q.story_pause_ms, p->story_pause_ms);
}

static void test_profile_errors(void **state) {
  (void)state;
  nb_profile p;
  nb_err e = {0};
  assert_int_equal(nb_profile_load("no-such-profile", &p, &e), NB_USAGE);
  assert_non_null(strstr(e.msg, "unknown voice profile 'no-such-profile'"));
  char path[] = "/tmp/nb-voice-XXXXXX";
  int fd = mkstemp(path);
  const char *text = "[narrator]\nrate = 170\npitch = loud\n";
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  assert_int_equal(nb_profile_load(path, &p, &e), NB_PARSE);
  char want[256];
  snprintf(want, sizeof want, "%s:3: pitch must be a whole number", path);
  assert_non_null(strstr(e.msg, want));
  fd = open(path, O_WRONLY | O_TRUNC);
  text = "[quote]\ncolour = red\n";
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  assert_int_equal(nb_profile_load(path, &p, &e), NB_PARSE);
  snprintf(want, sizeof want, "%s:2: unknown key 'colour' in [quote]", path);
  assert_string_equal(e.msg, want);
  unlink(path);
  /* both shipped profiles load, and their quote voice differs from the
   * narrator's */
  const char *names[] = {"newsroom", "clear"};
  for (int i = 0; i < 2; i++) {
    assert_int_equal(nb_profile_load(names[i], &p, &e), NB_OK);
    assert_string_not_equal(p.quote.espeak, p.narrator.espeak);
    nb_profile_release(&p);
  }
}

static void test_long_text_cut(void **state) {
  nb_profile *p = *state;
  nb_buf lead = {0};
  for (int i = 0; i < 400; i++)
    nb_buf_puts(&lead, "The council met again on the matter of roads. ");
  fixture f;
  make_story(&f, lead.ptr);
  f.st.n_key = 0;
  nb_story *stories[] = {&f.st};
  nb_script_opts o = {1, 0, NB_QUOTES_VOICE, NULL, NULL}; /* --full */
  nb_script *s = nb_script_build(stories, 1, p, &o);
  assert_true(s->n >= 5);
  nb_buf joined = {0};
  for (size_t i = 0; i < s->n; i++) {
    assert_int_equal(s->segs[i].role, NB_ROLE_BODY);
    assert_true(strlen(s->segs[i].text) <= 4000);
    /* pieces of one sentence run: cut at sentence ends, no pause */
    assert_int_equal(s->segs[i].pause_ms,
                     i + 1 < s->n ? 0 : p->narrator.pause_ms);
    const char *t = s->segs[i].text;
    assert_int_equal(t[strlen(t) - 1], '.');
    nb_buf_printf(&joined, "%s%s", i ? " " : "", t);
  }
  nb_buf_putc(&lead, 0);
  lead.ptr[lead.len - 2] = 0; /* the trailing space */
  assert_string_equal(joined.ptr, lead.ptr);
  nb_buf_release(&joined);
  nb_buf_release(&lead);
  nb_script_free(s);
  nb_article_free(f.a);
}

/* A briefing's lead is capped at 120 words, cut at a comma near the end. */
static void test_lead_capped(void **state) {
  nb_profile *p = *state;
  nb_buf lead = {0};
  for (int i = 0; i < 100; i++)
    nb_buf_puts(&lead, "roads and schools, ");
  fixture f;
  make_story(&f, lead.ptr);
  f.st.n_key = 0;
  nb_story *stories[] = {&f.st};
  nb_script *s = nb_script_build(stories, 1, p, NULL);
  assert_int_equal(s->n, 1);
  const char *t = s->segs[0].text;
  size_t words = 0;
  for (const char *c = t; *c; c++)
    words += *c == ' ';
  words++;
  assert_true(words <= 120 && words >= 90);
  assert_int_equal(t[strlen(t) - 1], '.');
  assert_non_null(strstr(t, "schools."));
  nb_script_free(s);
  nb_article_free(f.a);
  nb_buf_release(&lead);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_briefing_segments),
      cmocka_unit_test(test_quote_words),
      cmocka_unit_test(test_frame),
      cmocka_unit_test(test_title_from_lead),
      cmocka_unit_test(test_organization_keeps_its_name),
      cmocka_unit_test(test_long_description_after_name),
      cmocka_unit_test(test_ssml_escapes),
      cmocka_unit_test(test_full_article),
      cmocka_unit_test(test_profile_errors),
      cmocka_unit_test(test_speed),
      cmocka_unit_test(test_long_text_cut),
      cmocka_unit_test(test_lead_capped),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
