/* test_timeline.c: transcripts, chapters and --segments from a hand-made
 * timeline.  Sample positions are chosen at whole half-seconds of 22,050 Hz
 * so that every expected time below can be checked by hand
 * (33075 / 22050 = 1.5 s, and so on). */
#include "sink/sink.h"
#include "tts/tts.h"

#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static const nb_voice narrator = {"narrator", "en-us", 175, 50, 50, 100, 300};
static const nb_voice quote = {"quote", "en-us+f3", 160, 70, 50, 100, 300};
static const nb_voice attribution = {"attribution", "en-us", 165, 40, 50, 100, 300};

#define H 11025 /* half a second */

static nb_segment segs[] = {
    {NB_ROLE_INTRO, "Here is your briefing.", NULL, &narrator, -1, 500},
    {NB_ROLE_LEAD, "The White House spoke on Friday. It said more.", NULL,
     &narrator, 0, 500},
    {NB_ROLE_ATTRIBUTION, "Spokesman John Kirby told reporters", "John Kirby",
     &attribution, 0, 500},
    {NB_ROLE_QUOTE, "We do not support calls for a ceasefire at this time.",
     "John Kirby", &quote, 0, 500},
    {NB_ROLE_LEAD, "Markets rose & fell <sharply>.", NULL, &narrator, 1, 500},
    {NB_ROLE_OUTRO, "That was your briefing.", NULL, &narrator, -1, 500},
};

static const char *titles[] = {"Kirby on a ceasefire", NULL};

static nb_script script = {segs, 6, 6, titles, 2, NULL, NULL};

static nb__tl_event lead_events[] = {{NB_TTS_SENTENCE, 3 * H},
                                     {NB_TTS_WORD, 3 * H},
                                     {NB_TTS_SENTENCE, 6 * H},
                                     {NB_TTS_WORD, 6 * H}};
static nb__tl_event quote_events[] = {{NB_TTS_WORD, 12 * H},
                                      {NB_TTS_WORD, 13 * H}};

/* intro 0-1 s, lead 1.5-4 s (second sentence from 3 s), attribution
 * 4.5-5.5 s, quote 6-8 s, story 2's lead 8.5-9.5 s, the outro failed at
 * 10 s, and its pause ends the audio at 10.5 s. */
static nb__timeline make(unsigned out_rate) {
  static nb__tl_seg ts[6];
  memset(ts, 0, sizeof ts);
  uint64_t b[][2] = {{0, 2 * H},        {3 * H, 8 * H},   {9 * H, 11 * H},
                     {12 * H, 16 * H},  {17 * H, 19 * H}, {20 * H, 20 * H}};
  for (int i = 0; i < 6; i++) {
    ts[i].seg = &segs[i];
    ts[i].start = b[i][0];
    ts[i].end = b[i][1];
  }
  ts[1].events = lead_events;
  ts[1].n_events = 4;
  ts[3].events = quote_events;
  ts[3].n_events = 2;
  ts[5].failed = 1;
  nb__timeline t = {&script, 22050, out_rate, 21 * H, ts, 6};
  return t;
}

static void test_vtt(void **state) {
  (void)state;
  nb__timeline t = make(44100);
  nb_buf b = {0};
  nb__timeline_vtt(&t, &b);
  const char *want = "WEBVTT\n"
                     "\n1\n00:00:00.000 --> 00:00:01.000\n"
                     "Here is your briefing.\n"
                     "\n2\n00:00:01.500 --> 00:00:03.000\n"
                     "The White House spoke on Friday.\n"
                     "\n3\n00:00:03.000 --> 00:00:04.000\n"
                     "It said more.\n"
                     "\n4\n00:00:04.500 --> 00:00:05.500\n"
                     "Spokesman John Kirby told reporters\n"
                     "\n5\n00:00:06.000 --> 00:00:08.000\n"
                     "<v John Kirby>We do not support calls for a ceasefire "
                     "at this time.</v>\n"
                     "\n6\n00:00:08.500 --> 00:00:09.500\n"
                     "Markets rose &amp; fell &lt;sharply&gt;.\n";
  assert_string_equal(b.ptr, want);
  nb_buf_release(&b);
}

static void test_srt(void **state) {
  (void)state;
  nb__timeline t = make(44100);
  nb_buf b = {0};
  nb__timeline_srt(&t, &b);
  /* SRT: numbered from 1, commas before milliseconds, blank line between */
  const char *want = "1\n00:00:00,000 --> 00:00:01,000\n"
                     "Here is your briefing.\n"
                     "\n2\n00:00:01,500 --> 00:00:03,000\n"
                     "The White House spoke on Friday.\n";
  assert_true(strncmp(b.ptr, want, strlen(want)) == 0);
  assert_non_null(strstr(b.ptr, "\n5\n00:00:06,000 --> 00:00:08,000\n"
                                "John Kirby: We do not support"));
  nb_buf_release(&b);
}

/* When eSpeak's sentence count disagrees with the text's, the segment is
 * one cue rather than a guess; "Mr." does not end a sentence. */
static void test_sentence_split(void **state) {
  (void)state;
  nb_segment s[] = {
      {NB_ROLE_LEAD, "Mr. Smith spoke. He left.", NULL, &narrator, 0, 0},
      {NB_ROLE_LEAD, "Alpha went. Beta came. Gamma left.", NULL, &narrator, 0, 0}};
  nb_script sc = {s, 2, 2, NULL, 1, NULL, NULL};
  nb__tl_event ev0[] = {{NB_TTS_SENTENCE, 0}, {NB_TTS_SENTENCE, H}};
  nb__tl_event ev1[] = {{NB_TTS_SENTENCE, 4 * H}}; /* only one: disagrees */
  nb__tl_seg ts[] = {{&s[0], 0, 2 * H, 0, ev0, 2},
                     {&s[1], 2 * H, 6 * H, 0, ev1, 1}};
  nb__timeline t = {&sc, 22050, 22050, 6 * H, ts, 2};
  nb_buf b = {0};
  nb__timeline_vtt(&t, &b);
  assert_string_equal(b.ptr, "WEBVTT\n"
                             "\n1\n00:00:00.000 --> 00:00:00.500\n"
                             "Mr. Smith spoke.\n"
                             "\n2\n00:00:00.500 --> 00:00:01.000\n"
                             "He left.\n"
                             "\n3\n00:00:01.000 --> 00:00:03.000\n"
                             "Alpha went. Beta came. Gamma left.\n");
  nb_buf_release(&b);
}

static void test_chapters(void **state) {
  (void)state;
  nb__timeline t = make(44100);
  nb_buf b = {0};
  nb__timeline_chapters(&t, &b);
  assert_string_equal(
      b.ptr, "{\"version\": \"1.2.0\", \"chapters\": [\n"
             "  {\"startTime\": 0.000000, \"title\": \"Here is your briefing.\"},\n"
             "  {\"startTime\": 1.500000, \"title\": \"Kirby on a ceasefire\"},\n"
             "  {\"startTime\": 8.500000, \"title\": \"Markets rose & fell "
             "<sharply>.\"}\n"
             "]}\n");
  nb_buf_release(&b);
}

static void test_segments(void **state) {
  (void)state;
  nb__timeline t = make(48000);
  nb_buf b = {0};
  nb__timeline_segments(&t, &b);
  assert_true(strncmp(b.ptr,
                      "{\"sample_rate\": 48000, \"duration\": 10.500000, "
                      "\"segments\": [\n",
                      60) == 0);
  /* the quote: 6 s to 8 s, i.e. samples 288000 to 384000 at 48 kHz */
  assert_non_null(strstr(
      b.ptr, "{\"role\": \"quote\", \"text\": \"We do not support calls for a "
             "ceasefire at this time.\", \"voice\": \"quote\", \"story\": 0, "
             "\"speaker\": \"John Kirby\", \"start\": 6.000000, \"end\": "
             "8.000000, \"start_sample\": 288000, \"end_sample\": 384000, "
             "\"words\": [6.000000, 6.500000]}"));
  assert_non_null(strstr(b.ptr, "\"role\": \"intro\", \"text\": \"Here is your "
                                "briefing.\", \"voice\": \"narrator\", "
                                "\"story\": null"));
  assert_non_null(strstr(b.ptr, "\"start\": 10.000000, \"end\": 10.000000, "
                                "\"start_sample\": 480000, \"end_sample\": "
                                "480000, \"words\": [], \"failed\": true}\n]}\n"));
  nb_buf_release(&b);
}

static void test_transcript_check(void **state) {
  (void)state;
  int srt = -1;
  nb_err e = {0};
  assert_int_equal(nb__transcript_check("a.vtt", &srt, &e), NB_OK);
  assert_int_equal(srt, 0);
  assert_int_equal(nb__transcript_check("a.SRT", &srt, &e), NB_OK);
  assert_int_equal(srt, 1);
  assert_int_equal(nb__transcript_check("a.txt", &srt, &e), NB_USAGE);
  assert_string_equal(e.msg, "a.txt: unknown transcript format (use .vtt or .srt)");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_vtt),
      cmocka_unit_test(test_srt),
      cmocka_unit_test(test_sentence_split),
      cmocka_unit_test(test_chapters),
      cmocka_unit_test(test_segments),
      cmocka_unit_test(test_transcript_check),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
