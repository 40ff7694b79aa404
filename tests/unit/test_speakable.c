/* test_speakable.c: nb_speakable, the gate between article text and eSpeak:
 * control bytes gone, crash shapes broken up, ordinary news text untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nb.h"
#include "sink/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void expect(const char *in, const char *want) {
  char *got = nb_speakable(in);
  if (strcmp(got, want) != 0)
    fail_msg("nb_speakable(\"%s\") = \"%s\", want \"%s\"", in, got, want);
  free(got);
}

static char *repeat(const char *unit, size_t n) {
  size_t ul = strlen(unit);
  char *s = malloc(ul * n + 1);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++)
    memcpy(s + i * ul, unit, ul);
  s[ul * n] = 0;
  return s;
}

static size_t count_char(const char *s, char c) {
  size_t n = 0;
  for (; *s; s++)
    n += *s == c;
  return n;
}

/* Longest run of "X." pairs (a letter, then a dot) with nothing between. */
static size_t longest_dotted_run(const char *s) {
  size_t best = 0, cur = 0;
  for (size_t i = 0; s[i]; i++) {
    if (s[i] != ' ' && s[i] != '.' && s[i + 1] == '.') {
      cur++;
      i++;
      if (cur > best)
        best = cur;
      while (s[i + 1] == ' ')
        i++;
    } else {
      cur = 0;
    }
  }
  return best;
}

static void test_ordinary_text_unchanged(void **state) {
  (void)state;
  const char *keep[] = {
      "Mr. Smith of the U.S. State Department said on Friday.",
      "National Security Council spokesman John Kirby told reporters.",
      "\"We do not support calls for a ceasefire at this time,\" he said.",
      "Kirby's remarks followed the Smiths' visit to Washington, D.C.",
      "It cost $5.50, up 3.2% from Jan. 3 - or so J. R. R. Tolkien wrote...",
      "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 the caf\xc3\xa9's "
      "na\xc3\xafve r\xc3\xa9sum\xc3\xa9 \xe2\x80\x98s\xe2\x80\x99 "
      "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0.",
      "AT&T <rocks> & \"quotes\" 'single'",
      "the U.S.S.R. and the U.K. and the E.U.",
  };
  for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
    expect(keep[i], keep[i]);
}

static void test_controls_dropped(void **state) {
  (void)state;
  /* 0x01 starts an eSpeak embedded command ("\x01Vfr" switches voice). */
  expect("Hello \x01Vfr there", "Hello Vfr there");
  expect("a\x01\x02\x03\x1b[31mb\x7f", "a[31mb");
  /* Tabs, newlines, NEL and line separators are spaces; runs fold. */
  expect("one\ttwo\r\nthree\n\n four", "one two three four");
  expect("a\xc2\x85" "b\xe2\x80\xa8" "c", "a b c");
  /* Other C1 controls (U+0080..U+009F) vanish. */
  expect("a\xc2\x80\xc2\x9b\xc2\x9f" "b", "ab");
  /* Invalid UTF-8, overlongs and BOMs vanish too. */
  expect("a\xff\xfe\x80" "b\xc0\xaf" "c\xef\xbb\xbf" "d", "abcd");
  expect("  padded  ", "padded");
  expect("", "");
  char *s = nb_speakable(NULL);
  assert_string_equal(s, "");
  free(s);
  /* No byte below 0x20 survives, whatever the input. */
  char all[256];
  for (int i = 1; i < 256; i++)
    all[i - 1] = (char)i;
  all[255] = 0;
  s = nb_speakable(all);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    assert_true(*p >= 0x20 && *p != 0x7f);
  free(s);
}

static void test_dotted_chains(void **state) {
  (void)state;
  /* "U." x90 aborts eSpeak 1.51: only the first ten keep their dots (and
   * the last one, which ends the sentence). */
  char *in = repeat("U.", 90);
  char *out = nb_speakable(in);
  assert_true(count_char(out, '.') <= 11);
  assert_int_equal(count_char(out, 'U'), 90);
  assert_true(longest_dotted_run(out) <= 10);
  assert_memory_equal(out, "U.U.U.U.U.U.U.U.U.U.", 20);
  free(in);
  free(out);

  in = repeat("a . ", 100);
  out = nb_speakable(in);
  assert_true(count_char(out, '.') <= 11);
  assert_int_equal(count_char(out, 'a'), 100);
  free(in);
  free(out);

  in = repeat("s'", 70);
  out = nb_speakable(in);
  assert_true(count_char(out, '\'') <= 11);
  assert_int_equal(count_char(out, 's'), 70);
  free(in);
  free(out);

  /* Curly apostrophes and non-ASCII letters chain the same way. */
  in = repeat("\xc3\xa9 . ", 80);
  out = nb_speakable(in);
  assert_true(count_char(out, '.') <= 11);
  free(in);
  free(out);
  in = repeat("s\xe2\x80\x99", 80);
  out = nb_speakable(in);
  size_t curly = 0;
  for (const char *p = out; (p = strstr(p, "\xe2\x80\x99")); p += 3)
    curly++;
  assert_true(curly <= 11);
  assert_int_equal(count_char(out, 's'), 80);
  free(in);
  free(out);

  /* A word between chains starts a new count: each chain keeps its dots. */
  expect("A.B.C. and D.E.F. or G.H.I.", "A.B.C. and D.E.F. or G.H.I.");
}

static void test_long_words_and_punctuation(void **state) {
  (void)state;
  char *in = repeat("abcdefghij", 10);
  char *out = nb_speakable(in);
  /* 100 letters: 40 + space + 40 + space + 20. */
  assert_int_equal(strlen(out), 102);
  assert_int_equal(out[40], ' ');
  assert_int_equal(out[81], ' ');
  free(in);
  free(out);

  expect("Wow!!!!!!!! Really?????", "Wow!!! Really???");
  expect("wait...", "wait...");
  expect("end.......", "end...");
  expect("-----", "---");
  /* a run of one letter is cut to three (eSpeak would spell 100,000 of
   * them for over an hour); words and numbers are not touched */
  char *as = repeat("a", 100000);
  expect(as, "aaa");
  free(as);
  expect("Mississippi bookkeeper goooal", "Mississippi bookkeeper goooal");
  expect("1000000 people", "1000000 people");
}

static void test_linear_time(void **state) {
  (void)state;
  /* 8 MB of worst-case input (chains and long runs) must be quick. */
  char *in = repeat("U.a . s'!!!!xxxxxxxxxxxxxxxx", 300000);
  clock_t c0 = clock();
  char *out = nb_speakable(in);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  assert_true(secs < 2.0);
  assert_true(strlen(out) > 0);
  free(in);
  free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ordinary_text_unchanged),
      cmocka_unit_test(test_controls_dropped),
      cmocka_unit_test(test_dotted_chains),
      cmocka_unit_test(test_long_words_and_punctuation),
      cmocka_unit_test(test_linear_time),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
