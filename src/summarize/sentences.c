/* sentences.c: the summarizer's first step, splitting a paragraph into
 * sentences without being fooled by "Mr.", "U.S.", initials, decimals,
 * ellipses or a full stop that sits inside closing quotation marks. */
#include "sum.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

uint32_t nb__cp_at(const char *p, size_t n, size_t i, size_t *cl) {
  uint32_t c = 0;
  if (i >= n) {
    if (cl)
      *cl = 0;
    return 0;
  }
  size_t l = nb_utf8_decode(p + i, n - i, &c);
  if (cl)
    *cl = l;
  return c;
}

uint32_t nb__cp_before(const char *p, size_t i, size_t *cl) {
  if (i == 0) {
    if (cl)
      *cl = 0;
    return 0;
  }
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && ((unsigned char)p[j] & 0xC0) == 0x80)
    j--;
  uint32_t c = 0;
  nb_utf8_decode(p + j, i - j, &c);
  if (cl)
    *cl = i - j;
  return c;
}

int nb__is_space_cp(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

int nb__is_dash_cp(uint32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015);
}

int nb__is_quote_cp(uint32_t c) {
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) ||
         c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A;
}

int nb__is_letter_cp(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xD7 || c == 0xF7)
    return 0;
  if (c < 0xC0)
    return 0;
  if (c >= 0x2000 && c <= 0x2BFF)
    return 0; /* punctuation, symbols, arrows */
  if (c >= 0x3000 && c <= 0x303F)
    return 0;
  return 1;
}

int nb__is_upper_cp(uint32_t c) {
  if (c < 0x80)
    return c >= 'A' && c <= 'Z';
  /* Latin-1 and Latin Extended-A capitals; other scripts count as
   * capitalized so that names in them are not mistaken for common words. */
  if (c >= 0xC0 && c <= 0xDE)
    return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F)
    return (c & 1) == 0;
  return nb__is_letter_cp(c) && c > 0x24F;
}

int nb__is_lower_cp(uint32_t c) {
  if (c < 0x80)
    return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF)
    return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F)
    return (c & 1) == 1;
  return 0;
}

int nb__word_eq(const char *s, size_t n, const char *w) {
  return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

int nb__word_in(const char *s, size_t n, const char *const *list) {
  for (; *list; list++)
    if (nb__word_eq(s, n, *list))
      return 1;
  return 0;
}

static const char *const openers[] = {
    "The", "A",     "An",   "He",    "She",   "It",    "They",  "We",
    "I",   "You",   "But",  "And",   "This",  "That",  "These", "Those",
    "In",  "On",    "At",   "As",    "After", "Before", "When", "While",
    "If",  "There", "His",  "Her",   "Its",   "Their", "Our",   "Some",
    "Many", "Most", "Other", "Officials", "However", "Meanwhile", "Also",
    "Since", "Until", "Last", "Earlier", "Later", "Yesterday", "Today",
    "Now", "So", "Yet", "For", "With", "Without", "During", "Both", NULL};

int nb__sentence_opener(const char *s, size_t n) {
  for (const char *const *w = openers; *w; w++)
    if (strlen(*w) == n && memcmp(s, *w, n) == 0)
      return 1;
  return 0;
}

size_t nb__count_words(const char *p, size_t n) {
  size_t words = 0, i = 0, cl;
  int in = 0;
  while (i < n) {
    uint32_t c = nb__cp_at(p, n, i, &cl);
    int l = nb__is_letter_cp(c);
    if (l && !in)
      words++;
    /* An apostrophe or hyphen inside a word keeps it one word. */
    if (!l && in && (c == '\'' || c == 0x2019 || c == '-') && i + cl < n &&
        nb__is_letter_cp(nb__cp_at(p, n, i + cl, NULL)))
      l = 1;
    in = l;
    i += cl;
  }
  return words;
}

int nb__ends_sentence(const char *p, size_t n) {
  while (n > 0) {
    size_t cl;
    uint32_t c = nb__cp_before(p, n, &cl);
    if (nb__is_space_cp(c) || nb__is_quote_cp(c) || c == ')' || c == ']') {
      n -= cl;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':';
  }
  return 0;
}

/* Abbreviations after which a full stop never ends a sentence: titles come
 * before a name, months and "No." before a number. */
static const char *const abbrev_never[] = {
    "Mr",   "Mrs",  "Ms",   "Dr",   "St",   "Prof", "Gen",  "Sen",  "Rep",
    "Lt",   "Col",  "Capt", "Sgt",  "Mt",   "Ft",   "No",   "Nos",
    "Jan",  "Feb",  "Mar",  "Apr",  "Jun",  "Jul",  "Aug",  "Sep",  "Sept",
    "Oct",  "Nov",  "Dec",  "vs",   "Rev",  "Hon",  "Pres", "Gov",  "Adm",
    "Maj",  "Cpl",  "Pvt",  "Supt", "Insp", "Det",  "approx", "Fig", "fig",
    "cf",   "Messrs", "Mme", "Mlle", "Sr",  "Jr",   "e.g",  "i.e",  "vol",
    "Vol",  "pp",   "Ave",  "Blvd", "Rd",   NULL};

/* Abbreviations that end a sentence only when a typical sentence opener
 * follows ("... to the U.S. The President ..." but "U.S. President"). */
static const char *const abbrev_maybe[] = {"Inc", "Ltd", "Co", "Corp", "etc",
                                           "a.m", "p.m", "am", "pm", NULL};

/* The word (letters, digits, inner dots) that ends at p[i], the full stop. */
static size_t word_before(const char *p, size_t i) {
  size_t j = i;
  while (j > 0) {
    size_t cl;
    uint32_t c = nb__cp_before(p, j, &cl);
    if (nb__is_letter_cp(c) || c == '.')
      j -= cl;
    else
      break;
  }
  return j;
}

/* Whether the full stop at p[i] can end a sentence, given what follows. */
static int stop_ends(const char *p, size_t n, size_t i, size_t next) {
  size_t w = word_before(p, i);
  const char *word = p + w;
  size_t wl = i - w;
  /* what starts the next sentence */
  size_t k = next, cl;
  while (k < n && nb__is_quote_cp(nb__cp_at(p, n, k, &cl)))
    k += cl;
  size_t ke = k;
  while (ke < n && nb__is_letter_cp(nb__cp_at(p, n, ke, &cl)))
    ke += cl;
  int opener = nb__sentence_opener(p + k, ke - k);
  if (wl == 0)
    return 1;
  if (nb__word_in(word, wl, abbrev_never))
    return 0;
  if (nb__word_in(word, wl, abbrev_maybe))
    return opener;
  /* A single capital letter is an initial ("John F. Kennedy"). */
  if (wl == 1 && nb__is_upper_cp((unsigned char)word[0]))
    return opener;
  /* Dotted acronyms: "U.S.", "D.C.", "U.N." */
  if (memchr(word, '.', wl)) {
    int short_parts = 1;
    size_t run = 0;
    for (size_t q = 0; q < wl; q++) {
      if (word[q] == '.') {
        if (run > 2)
          short_parts = 0;
        run = 0;
      } else
        run++;
    }
    if (run > 2)
      short_parts = 0;
    if (short_parts)
      return opener;
  }
  return 1;
}

int nb__abbrev_stop(const char *p, size_t i) {
  size_t w = word_before(p, i);
  const char *word = p + w;
  size_t wl = i - w;
  if (wl == 0)
    return 0;
  if (nb__word_in(word, wl, abbrev_never))
    return 1;
  if (wl == 1 && nb__is_upper_cp((unsigned char)word[0]))
    return 1; /* an initial, or the "U" of "U.S." */
  if (memchr(word, '.', wl)) {
    size_t run = 0;
    for (size_t q = 0; q < wl; q++) {
      if (word[q] == '.') {
        if (run > 2)
          return 0;
        run = 0;
      } else
        run++;
    }
    return run <= 2;
  }
  return 0;
}

size_t nb_sentences(const char *text, size_t len, nb_sentence **out) {
  size_t n_out = 0, cap = 8;
  nb_sentence *v = nb_xmalloc(cap * sizeof *v);
  size_t start = 0, i = 0, cl;
  while (i < len) {
    uint32_t c = nb__cp_at(text, len, i, &cl);
    int term = c == '.' || c == '!' || c == '?' || c == 0x2026;
    if (!term) {
      i += cl;
      continue;
    }
    /* Decimals ("3.5") and dots inside words ("alt.religion") never end. */
    if (c == '.' && i + 1 < len &&
        nb__is_letter_cp(nb__cp_at(text, len, i + 1, NULL))) {
      i += cl;
      continue;
    }
    int ellipsis = c == 0x2026 || (c == '.' && i + 1 < len && text[i + 1] == '.');
    size_t j = i + cl;
    /* absorb more terminal marks, closing quotes and brackets */
    for (;;) {
      uint32_t d = nb__cp_at(text, len, j, &cl);
      if (d == '.' || d == '!' || d == '?' || d == 0x2026 || d == ')' ||
          d == ']' || d == '"' || d == '\'' || d == 0x201D || d == 0x2019 ||
          d == 0xBB)
        j += cl;
      else
        break;
    }
    size_t end = j;
    if (j < len && !nb__is_space_cp(nb__cp_at(text, len, j, NULL))) {
      i = j > i ? j : i + 1;
      continue;
    }
    size_t k = j;
    while (k < len && nb__is_space_cp(nb__cp_at(text, len, k, &cl)))
      k += cl;
    int ends = 1;
    if (k < len) {
      uint32_t d = nb__cp_at(text, len, k, NULL);
      /* The next sentence opens with a capital, a digit, a quotation
       * mark or a bracket; a lower-case word continues this one ("?" she
       * asked). */
      if (!(nb__is_upper_cp(d) || (d >= '0' && d <= '9') ||
            nb__is_quote_cp(d) || d == '(' || d == '['))
        ends = 0;
      else if (c == '.' && !ellipsis)
        ends = stop_ends(text, len, i, k);
      else if (ellipsis && c == '.')
        ends = nb__is_upper_cp(d) && d != 'I';
    }
    if (ends) {
      if (n_out == cap)
        v = nb_xrealloc(v, (cap *= 2) * sizeof *v);
      v[n_out].start = start;
      v[n_out].len = end - start;
      n_out++;
      start = k;
    }
    i = k > i ? k : i + 1;
  }
  /* the rest, trimmed */
  while (start < len && nb__is_space_cp(nb__cp_at(text, len, start, &cl)))
    start += cl;
  size_t e = len;
  while (e > start && nb__is_space_cp(nb__cp_before(text, e, &cl)))
    e -= cl;
  if (e > start) {
    if (n_out == cap)
      v = nb_xrealloc(v, (cap *= 2) * sizeof *v);
    v[n_out].start = start;
    v[n_out].len = e - start;
    n_out++;
  }
  *out = v;
  return n_out;
}
