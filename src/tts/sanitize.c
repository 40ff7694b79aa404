/* sanitize.c: the last gate before eSpeak.  Every piece of text a worker
 * speaks passes through nb_speakable, which removes what eSpeak would treat
 * as commands and breaks up the shapes of text that crash eSpeak NG 1.51.
 * libc only, linear in the length of the text. */
#include "nb.h"
#include "sink/render.h"

#include <stdlib.h>
#include <string.h>

/* eSpeak 1.51 aborts ("stack smashing detected") on long chains of single
 * letters joined by dots or apostrophes: "U." x85, "a . " x85, "s'" x68,
 * "é . " x57, "a.," x300 (measured with Debian's espeak-ng 1.51+dfsg-10).
 * A plain space between two chains resets eSpeak's count, as does any word
 * of two letters or more.  Keeping the dots of the first few letters keeps
 * real initialisms ("U.S.", "J. R. R.") as they are. */
#define CHAIN_KEEP 10
/* Longest run of one repeated letter or digit ("zzz" stays). */
#define LETTER_RUN_MAX 3
/* Longest run of letters without a space that eSpeak is given. */
#define WORD_MAX 40
/* Longest run of one repeated punctuation mark ("..." stays). */
#define PUNCT_RUN_MAX 3

static int is_digit(uint32_t c) {
  return c >= '0' && c <= '9';
}

static int is_space(uint32_t c) {
  return c == ' ';
}

/* Letters: ASCII letters and, as an approximation good enough here, every
 * code point from U+00C0 up that is not in a punctuation or symbol block. */
static int is_letter(uint32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return 1;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7)
    return 0;
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
      (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
      (c >= 0xFFF0))
    return 0;
  return 1;
}

static int is_alnum(uint32_t c) {
  return is_letter(c) || is_digit(c);
}

/* What eSpeak joins single letters with into one "abbreviation". */
static int is_joiner(uint32_t c) {
  return c == '.' || c == '\'' || c == 0x2018 || c == 0x2019 ||
         c == 0x02BC || c == 0x2024 || c == 0xFF0E;
}

static int is_punct(uint32_t c) {
  return (c > ' ' && c < 0x7F && !is_alnum(c)) ||
         (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F);
}

/* Pass 1: UTF-8 to code points.  Invalid bytes, C0 and C1 controls, DEL,
 * BOMs and non-characters are dropped; line and paragraph separators, tabs
 * and newlines become spaces; runs of spaces become one; ends are trimmed. */
static size_t decode_clean(const char *s, size_t len, uint32_t *out) {
  size_t n = 0, i = 0;
  while (i < len) {
    unsigned char b = (unsigned char)s[i];
    uint32_t c;
    size_t k;
    if (b < 0x80) {
      c = b;
      k = 1;
    } else {
      size_t bad;
      size_t want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      if (want > len - i || !nb_utf8_valid(s + i, want, &bad) ||
          b < 0xC2 || b > 0xF4) {
        i++; /* not the start of a valid sequence: drop the byte */
        continue;
      }
      k = nb_utf8_decode(s + i, want, &c);
    }
    i += k;
    if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
        c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xA0)
      c = ' ';
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF ||
        (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
      continue;
    if (c == ' ' && (n == 0 || out[n - 1] == ' '))
      continue;
    out[n++] = c;
  }
  while (n > 0 && out[n - 1] == ' ')
    n--;
  return n;
}

/* Pass 2: in chains of single letters joined by dots or apostrophes, the
 * joiners after the first CHAIN_KEEP letters become spaces ("U.U.U...." ->
 * "U.U. ... U U U"). */
static void break_chains(uint32_t *c, size_t n) {
  size_t last = 0, count = 0;
  int have_last = 0, joined = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_alnum(c[i])) {
      if (is_joiner(c[i]))
        joined = 1;
      continue;
    }
    int single = is_letter(c[i]) && (i == 0 || !is_alnum(c[i - 1])) &&
                 (i + 1 == n || !is_alnum(c[i + 1]));
    if (!single) {
      have_last = 0; /* a word or a number ends the chain */
      count = 0;
      while (i + 1 < n && is_alnum(c[i + 1]))
        i++;
      continue;
    }
    if (have_last && joined)
      count++;
    else
      count = 1;
    if (count > CHAIN_KEEP + 1) {
      for (size_t j = last + 1; j < i; j++)
        if (is_joiner(c[j]))
          c[j] = ' ';
    }
    have_last = 1;
    last = i;
    joined = 0;
  }
}

char *nb_speakable(const char *text) {
  if (!text)
    return nb_xstrdup("");
  size_t len = strlen(text);
  uint32_t *c = nb_xmalloc((len + 1) * sizeof *c);
  size_t n = decode_clean(text, len, c);
  break_chains(c, n);

  /* Pass 3: encode, folding the spaces pass 2 made, capping word length and
   * runs of one punctuation mark.  Each code point gives at most 4 bytes
   * plus one inserted space. */
  char *out = nb_xmalloc(n * 5 + 1);
  size_t o = 0, word = 0, run = 0;
  uint32_t prev = ' ';
  for (size_t i = 0; i < n; i++) {
    uint32_t ch = c[i];
    if (is_space(ch)) {
      if (o == 0 || out[o - 1] == ' ')
        continue;
      out[o++] = ' ';
      word = 0;
      prev = ch;
      run = 0;
      continue;
    }
    /* "!!!!!!" and "aaaaaaaa...": eSpeak reads each one, or spells a
     * letter run out for minutes; no English word repeats a letter four
     * times.  Digits are left alone: 1000000 is a number. */
    size_t cap = is_punct(ch) ? PUNCT_RUN_MAX
                 : ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ? LETTER_RUN_MAX
                                                             : 0;
    if (ch == prev && cap) {
      if (++run >= cap)
        continue;
    } else {
      run = 0;
    }
    if (word == WORD_MAX) {
      out[o++] = ' ';
      word = 0;
    }
    o += nb_utf8_encode(ch, out + o);
    word++;
    prev = ch;
  }
  while (o > 0 && out[o - 1] == ' ')
    o--;
  out[o] = 0;
  free(c);
  return out;
}
