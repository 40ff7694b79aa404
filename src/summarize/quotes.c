/* quotes.c: the quotes of an article.  Pairs quotation marks (by style,
 * across paragraphs, recovering from typos), tells direct quotes from
 * partial ones, titles and scare quotes, finds each quote's attribution
 * before, after or around it, and reports indirect speech; speakers.c turns
 * the mentions into people. */
#include "quotes_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- quotation marks ----------------------------------------------------- */

enum { M_OPEN = 1, M_CLOSE = 2 };
enum { F_DOUBLE = 1, F_SINGLE = 2 };

typedef struct mark {
  uint32_t pos, len;
  unsigned char role, fam;
  uint32_t cp;
} mark;

typedef struct marks {
  mark *v;
  size_t n, cap;
} marks;

static void marks_push(marks *m, size_t pos, size_t len, int role, int fam,
                       uint32_t cp) {
  if (m->n == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 16;
    m->v = nb_xrealloc(m->v, m->cap * sizeof *m->v);
  }
  m->v[m->n++] = (mark){(uint32_t)pos, (uint32_t)len, (unsigned char)role,
                        (unsigned char)fam, cp};
}

static int opening_context(uint32_t b) {
  return b == 0 || nb__is_space_cp(b) || b == '(' || b == '[' ||
         nb__is_dash_cp(b) || b == '/' || b == 0x2026;
}
static int closing_context(uint32_t a) {
  return a == 0 || nb__is_space_cp(a) || a == '.' || a == ',' || a == ';' ||
         a == ':' || a == '!' || a == '?' || a == ')' || a == ']' ||
         nb__is_dash_cp(a) || a == 0x2026;
}

/* Elisions that start with an apostrophe: 'em, 'til, 'cause, 'n', '90s. */
static int elision(const char *p, size_t n, size_t after) {
  static const char *const words[] = {"em", "til", "cause", "tis", "twas",
                                      "n", "round", "bout", NULL};
  size_t j = after;
  while (j < n && isalpha((unsigned char)p[j]))
    j++;
  if (after < n && isdigit((unsigned char)p[after]))
    return 1;
  return nb__word_in(p + after, j - after, words);
}

/* Finds the quotation marks of one paragraph and what each can be. */
static void scan_marks(const char *p, size_t n, marks *m) {
  size_t i = 0, cl;
  while (i < n) {
    uint32_t c = nb__cp_at(p, n, i, &cl);
    if (!nb__is_quote_cp(c)) {
      i += cl;
      continue;
    }
    uint32_t b = nb__cp_before(p, i, NULL);
    uint32_t a = nb__cp_at(p, n, i + cl, NULL);
    int role = 0, fam = F_DOUBLE;
    switch (c) {
    case 0x201C: /* “ (also closes „ ) */
      role = nb__is_letter_cp(b) && closing_context(a) ? M_CLOSE : M_OPEN;
      break;
    case 0x201E: /* „ */
    case 0xAB:   /* « */
      role = M_OPEN;
      break;
    case 0x201D: /* ” */
      role = opening_context(b) && nb__is_letter_cp(a) ? M_OPEN : M_CLOSE;
      break;
    case 0xBB: /* » */
      role = M_CLOSE;
      break;
    case '"':
      if (opening_context(b) && !nb__is_space_cp(a) && a != 0)
        role = M_OPEN;
      else if (closing_context(a))
        role = M_CLOSE;
      else if (b == ',' || b == '.' || b == '?' || b == '!')
        role = M_CLOSE;
      else if (opening_context(b))
        role = M_OPEN;
      break;
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case '\'':
    case 0x201A:
      fam = F_SINGLE;
      if (nb__is_letter_cp(b) && nb__is_letter_cp(a))
        role = 0; /* don't, Xi's */
      else if ((b == 'n' || b == 'N') && i >= 2 &&
               (nb__cp_before(p, i - 1, NULL) == 0x2019 ||
                nb__cp_before(p, i - 1, NULL) == '\''))
        role = 0; /* the second mark of rock ’n’ roll */
      else if (opening_context(b) && nb__is_letter_cp(a) &&
               !elision(p, n, i + cl) && c != 0x2019)
        role = M_OPEN;
      else if (opening_context(b) && nb__is_letter_cp(a) && c == 0x2019 &&
               !elision(p, n, i + cl))
        role = M_OPEN; /* ’ typed for ‘ */
      else if (!opening_context(b) && closing_context(a) && c != 0x2018)
        role = M_CLOSE; /* or the Smiths' : decided when pairing */
      break;
    default:
      break;
    }
    if (role)
      marks_push(m, i, cl, role, fam, c);
    i += cl;
  }
}

/* ---- quote spans --------------------------------------------------------- */

typedef struct qspan {
  uint32_t para, open, cstart;   /* mark position, content start */
  uint32_t end_para, cend, close; /* content end, position after the mark */
  int closed;                     /* a closing mark was found */
} qspan;

typedef struct qspans {
  qspan *v;
  size_t n, cap;
} qspans;

static void spans_push(qspans *s, qspan q) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 16;
    s->v = nb_xrealloc(s->v, s->cap * sizeof *s->v);
  }
  s->v[s->n++] = q;
}

static size_t trim_end(const char *p, size_t e) {
  size_t cl;
  while (e > 0 && nb__is_space_cp(nb__cp_before(p, e, &cl)))
    e -= cl;
  return e;
}

/* ‘It’s the players’ fault,’ said Mr Lowe: a single closing mark after an
 * "s" with the sentence going on in lower case is a plural possessive when
 * a later single mark closes after punctuation, before any new opening. */
static int plural_possessive(const char *text, size_t plen, const marks *m,
                             size_t k) {
  const mark *mk = &m->v[k];
  size_t after = mk->pos + mk->len;
  if (mk->fam != F_SINGLE || mk->pos == 0 || text[mk->pos - 1] != 's' ||
      after + 1 >= plen || text[after] != ' ' ||
      !nb__is_lower_cp(nb__cp_at(text, plen, after + 1, NULL)))
    return 0;
  for (size_t j = k + 1; j < m->n; j++) {
    if (m->v[j].fam != F_SINGLE)
      continue;
    if (m->v[j].role == M_OPEN)
      return 0;
    char b = m->v[j].pos ? text[m->v[j].pos - 1] : 0;
    if (b == ',' || b == '.' || b == '!' || b == '?')
      return 1;
  }
  return 0;
}

/* Pairs the marks of all paragraphs.  Only double marks pair at the top
 * level unless a paragraph has none, where single marks are tried ('...'
 * in British copy); inside a double quote, single marks are nested. */
static void pair_marks(const nb_article *a, const unsigned char *skip,
                       qspans *out) {
  marks *pm = nb_xcalloc(a->n_paras ? a->n_paras : 1, sizeof *pm);
  for (size_t p = 0; p < a->n_paras; p++)
    if (!skip[p])
      scan_marks(a->paras[p], strlen(a->paras[p]), &pm[p]);

  int open = 0;
  qspan cur = {0};
  for (size_t p = 0; p < a->n_paras; p++) {
    if (skip[p]) {
      continue;
    }
    const char *text = a->paras[p];
    size_t plen = strlen(text);
    marks *m = &pm[p];
    int has_double = 0;
    for (size_t k = 0; k < m->n; k++)
      if (m->v[k].fam == F_DOUBLE)
        has_double = 1;
    int fam = has_double ? F_DOUBLE : F_SINGLE;
    /* British copy nests double marks inside single ones: ‘... say “the
     * train was cancelled”,’ she said.  When the first opening mark is a
     * single one whose closing mark comes after every double mark, single
     * marks are the outer quotes of this paragraph. */
    if (has_double && !open) {
      size_t first = 0, last_double = 0;
      while (first < m->n && m->v[first].role != M_OPEN)
        first++;
      int double_before = 0;
      for (size_t j = 0; j < m->n; j++)
        if (m->v[j].fam == F_DOUBLE) {
          last_double = m->v[j].pos;
          if (j < first)
            double_before = 1;
        }
      if (first < m->n && m->v[first].fam == F_SINGLE &&
          m->v[first].cp == 0x2018 && !double_before)
        for (size_t j = first + 1; j < m->n; j++)
          if (m->v[j].fam == F_SINGLE && m->v[j].role == M_CLOSE &&
              m->v[j].pos > last_double) {
            fam = F_SINGLE;
            break;
          }
    }
    if (open && fam != F_DOUBLE)
      fam = F_DOUBLE;
    size_t k = 0;
    /* A quote carried over from the paragraph before: a leading opening
     * mark or the first mark being a closing one continues it. */
    if (open) {
      size_t first = 0;
      while (first < m->n && m->v[first].fam != F_DOUBLE)
        first++;
      size_t lead = 0, cl;
      while (lead < plen && nb__is_space_cp(nb__cp_at(text, plen, lead, &cl)))
        lead += cl;
      if (first < m->n && m->v[first].role == M_OPEN && m->v[first].pos == lead) {
        k = first + 1; /* the quote goes on; its mark is not a new quote */
      } else if (first < m->n && m->v[first].role == M_CLOSE) {
        /* continues without a leading mark, closes here */
      } else {
        /* the quote never closed: it ends with its paragraph */
        spans_push(out, cur);
        open = 0;
      }
    }
    for (; k < m->n; k++) {
      mark mk = m->v[k];
      if (mk.fam != fam)
        continue;
      if (!open) {
        int as_open = mk.role == M_OPEN;
        if (mk.role == M_CLOSE) {
          /* a stray closing mark followed by another closing one before
           * any opening: the first was typed for an opening mark */
          as_open = 0;
          for (size_t j = k + 1; j < m->n; j++) {
            if (m->v[j].fam != fam)
              continue;
            if (m->v[j].role == M_CLOSE)
              as_open = 1;
            break;
          }
          if (mk.fam == F_SINGLE)
            as_open = 0;
        }
        if (as_open) {
          open = 1;
          cur = (qspan){0};
          cur.para = (uint32_t)p;
          cur.open = mk.pos;
          size_t cs = mk.pos + mk.len, cl;
          while (cs < plen && nb__is_space_cp(nb__cp_at(text, plen, cs, &cl)))
            cs += cl;
          cur.cstart = (uint32_t)cs;
        }
      } else if ((mk.role == M_CLOSE && !plural_possessive(text, plen, m, k)) ||
                 (mk.cp == 0x201C && text[cur.open] == '\xE2' &&
                  (unsigned char)text[cur.open + 2] == 0x9E)) {
        /* single marks: a closing one needs a matching opening one, else
         * it is an apostrophe (the Smiths') */
        cur.end_para = (uint32_t)p;
        cur.cend = (uint32_t)trim_end(text, mk.pos);
        cur.close = mk.pos + mk.len;
        cur.closed = 1;
        spans_push(out, cur);
        open = 0;
      }
      /* an opening mark while open: a missing closing mark or a stray
       * mark; the quote goes on (the mark is dropped from its text) */
    }
    if (open) {
      cur.end_para = (uint32_t)p;
      cur.cend = (uint32_t)trim_end(text, plen);
      cur.close = (uint32_t)plen;
      if (fam == F_SINGLE) {
        open = 0; /* single marks never run over paragraphs */
        continue;
      }
      /* look at the next paragraph to decide */
      size_t q = p + 1;
      if (q >= a->n_paras || skip[q]) {
        spans_push(out, cur);
        open = 0;
      }
    }
  }
  if (open)
    spans_push(out, cur);
  for (size_t p = 0; p < a->n_paras; p++)
    free(pm[p].v);
  free(pm);
}

/* ---- words --------------------------------------------------------------- */

typedef struct wspan {
  const char *p;
  size_t n;
} wspan;

/* The words of p[0..n) (letters, digits, inner apostrophes and hyphens,
 * dots of "Mr."). */
static size_t words_of(const char *p, size_t n, wspan *w, size_t max) {
  size_t k = 0, i = 0, cl;
  while (i < n && k < max) {
    while (i < n && !nb__is_letter_cp(nb__cp_at(p, n, i, &cl)))
      i += cl;
    size_t j = i;
    while (j < n) {
      uint32_t c = nb__cp_at(p, n, j, &cl);
      if (nb__is_letter_cp(c))
        j += cl;
      else if ((c == '\'' || c == 0x2019 || c == '-' || c == '.') && j + cl < n &&
               nb__is_letter_cp(nb__cp_at(p, n, j + cl, NULL)))
        j += cl;
      else
        break;
    }
    if (j > i) {
      w[k].p = p + i;
      w[k].n = j - i;
      k++;
    }
    i = j;
  }
  return k;
}

/* Words after which a quotation is a noun phrase of the sentence (a title, a
 * term, a scare quote), not speech. */
static const char *const embedders[] = {
    "a", "an", "the", "of", "on", "in", "at", "for", "to", "as", "about",
    "called", "named", "dubbed", "titled", "entitled", "labelled", "labeled",
    "like", "than", "from", "with", "by", "into", "its", "their", "his",
    "her", "our", "my", "your", "this", "these", "those", "so-called", "and",
    "or", "nicknamed", "known", "term", "word", "phrase", "is", "was", "are",
    "were", "be", "been", "being", "has", "have", "had", "consolidate", NULL};

static int title_like(const char *p, size_t n) {
  wspan w[12];
  size_t nw = words_of(p, n, w, 12);
  if (nw == 0 || nw > 8)
    return nw == 0;
  for (size_t i = 0; i < n; i++)
    if ((p[i] == '.' || p[i] == '!' || p[i] == '?') && i + 1 < n && p[i + 1] == ' ')
      return 0;
  for (size_t i = 0; i < nw; i++)
    if (w[i].n >= 4 && !nb__is_upper_cp(nb__cp_at(w[i].p, w[i].n, 0, NULL)) &&
        !isdigit((unsigned char)w[i].p[0]))
      return 0;
  return 1;
}

/* ---- attribution --------------------------------------------------------- */

typedef struct attrib {
  const char *mention;
  size_t mention_len;
  const char *desc;
  size_t desc_len;
  const char *cue;
  size_t cue_len;
  int found;
  int no_speaker; /* a cue without a speaker we trust */
} attrib;

static const char *const lead_ins[] = {
    "after", "of", "in", "on", "at", "according", "writing", "citing",
    "yesterday", "later", "meanwhile", "however", "also", "then", "when",
    "while", "as", "for", "with", "speaking", "but", "and", "asked", "today",
    "earlier", "last", "this", "before", "during", "following", "instead",
    "still", "now", "separately", "again", "indeed", "so", "since", NULL};

static size_t skip_ws(const char *p, size_t n, size_t i) {
  while (i < n && (p[i] == ' ' || p[i] == ',' || p[i] == ';' || p[i] == ':'))
    i++;
  return i;
}

/* The cue: the verb and, after "told", its object ("told reporters"). */
static void set_cue(attrib *at, const char *text, size_t n, wspan *w,
                    size_t nw, size_t vi) {
  at->cue = w[vi].p;
  at->cue_len = w[vi].n;
  if (nb__word_eq(w[vi].p, w[vi].n, "told") ||
      nb__word_eq(w[vi].p, w[vi].n, "tells") ||
      nb__word_eq(w[vi].p, w[vi].n, "tell")) {
    /* the listener: "reporters", "the press", "The Associated Press", "CNN";
     * up to four words, no punctuation, not what follows it */
    static const char *const stop[] = {"that", "on", "in", "at", "during",
                                       "after", "before", "ahead", "while",
                                       "when", "about", "of", "by", "from",
                                       "last", "this", "with", "how", "why",
                                       "what", NULL};
    size_t last = vi;
    for (size_t k = vi + 1; k < nw && k <= vi + 4; k++) {
      if (nb__word_in(w[k].p, w[k].n, stop))
        break;
      int clean = 1;
      for (const char *q = w[k - 1].p + w[k - 1].n; q < w[k].p; q++)
        if (*q != ' ')
          clean = 0;
      if (!clean)
        break;
      last = k;
      /* one common noun ends it: "reporters", "the press" */
      if (!nb__is_upper_cp(nb__cp_at(w[k].p, w[k].n, 0, NULL)) &&
          !nb__word_in(w[k].p, w[k].n, (const char *const[]){"the", "a", "an", NULL}))
        break;
    }
    if (last > vi)
      at->cue_len = (size_t)(w[last].p + w[last].n - w[vi].p);
  }
  (void)text;
  (void)n;
}

static int chunk_cap_word(const char *p, size_t n, int last) {
  wspan w[24];
  size_t nw = words_of(p, n, w, 24);
  if (nw == 0)
    return 0;
  wspan x = last ? w[nw - 1] : w[0];
  /* "al-Amr", "bin-Salman": a particle joined to a capitalized name */
  const char *h = memchr(x.p, '-', x.n);
  if (h && (size_t)(h - x.p) <= 3 && (size_t)(h - x.p) + 1 < x.n &&
      nb__is_upper_cp((unsigned char)h[1]))
    return 1;
  return nb__is_upper_cp(nb__cp_at(x.p, x.n, 0, NULL));
}

/* "Acme's", "Acme’s" */
static int possessive(const char *w, size_t n) {
  return (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') ||
         (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0);
}

static int chunk_pronoun(const char *p, size_t n) {
  wspan w[2];
  size_t nw = words_of(p, n, w, 2);
  return nw == 1 && nb__word_in(w[0].p, w[0].n,
                                (const char *const[]){"he", "she", "it",
                                                      "they", "we", NULL});
}

/* Splits "S, description," into the mention and its appositive.  The
 * subject is the chunk nearest the verb, unless that chunk describes a
 * name before it ("Khaled Al-Maeena, editor at large at the Saudi Gazette,"
 * "Gomez, Panama coach," "al-Amr, in remarks to al-Ikhbariya television,"). */
static void split_appositive(attrib *at, const char *s, size_t n) {
  size_t starts[8], ends[8], nc = 0, i = 0;
  while (i <= n && nc < 8) {
    size_t j = i;
    while (j < n && s[j] != ',' && s[j] != ';')
      j++;
    size_t a0 = i, a1 = j;
    while (a0 < a1 && s[a0] == ' ')
      a0++;
    while (a1 > a0 && s[a1 - 1] == ' ')
      a1--;
    if (a1 > a0) {
      starts[nc] = a0;
      ends[nc] = a1;
      nc++;
    }
    i = j + 1;
  }
  at->mention = NULL;
  at->mention_len = 0;
  if (nc == 0)
    return;
  /* a chunk is a mention when it ends in a capitalized word (a name) or is
   * a pronoun; walk back over up to two describing chunks to find one */
  size_t m = nc - 1;
  int named = 0;
  for (size_t back = 0; back < 3 && back < nc; back++) {
    size_t c = nc - 1 - back;
    const char *cp = s + starts[c];
    size_t cn = ends[c] - starts[c];
    wspan w[2];
    size_t nw = words_of(cp, cn, w, 2);
    int lead = nw && nb__word_in(w[0].p, w[0].n, lead_ins) && c == 0 && nc > 1;
    /* "The storm will weaken by Tuesday, the Met Office said": a clause
     * opens and ends with capitals too */
    lead |= nb__is_clause(cp, cn);
    /* a name opens and ends with capitals: "Khaled Al-Maeena", not
     * "editor at large at the Saudi Gazette" nor "Panama coach" */
    if (!lead && (chunk_pronoun(cp, cn) ||
                  (chunk_cap_word(cp, cn, 1) && chunk_cap_word(cp, cn, 0)))) {
      m = c;
      named = 1;
      break;
    }
  }
  if (!named) {
    /* no name: the nearest chunk that is no prepositional aside */
    m = nc - 1;
    while (m > 0) {
      wspan w[2];
      size_t nw = words_of(s + starts[m], ends[m] - starts[m], w, 2);
      if (nw && ((nb__word_in(w[0].p, w[0].n, lead_ins) &&
                  !nb__word_eq(w[0].p, w[0].n, "with")) ||
                 nb__word_in(w[0].p, w[0].n,
                             (const char *const[]){"who", "which", "whose",
                                                   "where", NULL})))
        m--;
      else
        break;
    }
  }
  at->mention = s + starts[m];
  at->mention_len = ends[m] - starts[m];
  /* strip a joining word: "with one poster writing", "and he said" */
  {
    wspan mw[2];
    size_t k = words_of(at->mention, at->mention_len, mw, 2);
    if (k == 2 && (nb__word_eq(mw[0].p, mw[0].n, "with") ||
                   nb__word_eq(mw[0].p, mw[0].n, "and") ||
                   nb__word_eq(mw[0].p, mw[0].n, "but"))) {
      at->mention_len -= (size_t)(mw[1].p - at->mention);
      at->mention = mw[1].p;
    }
  }
  const char *d = NULL;
  size_t dl = 0;
  if (m + 1 < nc) {
    d = s + starts[m + 1];
    dl = ends[m + 1] - starts[m + 1];
    wspan dw[2];
    size_t nd = words_of(d, dl, dw, 2);
    if (nd && (nb__word_eq(dw[0].p, dw[0].n, "a") ||
               nb__word_eq(dw[0].p, dw[0].n, "an"))) {
      d = dw[nd > 1 ? 1 : 0].p;
      dl = (size_t)(s + ends[m + 1] - d);
    }
    /* a prepositional aside is no description */
    if (nd && nb__word_in(dw[0].p, dw[0].n, lead_ins) &&
        !nb__word_eq(dw[0].p, dw[0].n, "of"))
      d = NULL, dl = 0;
  } else if (m > 0 && named && !chunk_pronoun(at->mention, at->mention_len)) {
    /* "the Afghan team's coach, Alireza Mehraban": a role, then the name */
    const char *pc = s + starts[m - 1];
    size_t pn = ends[m - 1] - starts[m - 1];
    wspan w[2];
    size_t nw = words_of(pc, pn, w, 2);
    /* "the Afghan team's coach, Alireza Mehraban", "Acme's chief
     * executive, Priya Raman": a chunk that ends in a common noun */
    if (nw && !chunk_cap_word(pc, pn, 1) &&
        (nb__word_eq(w[0].p, w[0].n, "the") || nb__word_eq(w[0].p, w[0].n, "its") ||
         nb__word_eq(w[0].p, w[0].n, "their") || nb__word_eq(w[0].p, w[0].n, "his") ||
         nb__word_eq(w[0].p, w[0].n, "her") || possessive(w[0].p, w[0].n)))
      d = pc, dl = pn;
  }
  at->desc = d;
  at->desc_len = dl;
}

/* A quotation mark at p[i], not an apostrophe inside a word. */
static int quote_mark_at(const char *p, size_t n, size_t i) {
  size_t cl;
  if (!nb__is_quote_cp(nb__cp_at(p, n, i, &cl)))
    return 0;
  return !(i > 0 && nb__is_letter_cp(nb__cp_before(p, i, NULL)) &&
           nb__is_letter_cp(nb__cp_at(p, n, i + cl, NULL)));
}

/* After a quote: `," S said`, `," said S`, `" — S`. */
static attrib parse_post(const char *p, size_t n) {
  attrib at = {0};
  size_t i = skip_ws(p, n, 0);
  if (i >= n)
    return at;
  size_t cl;
  uint32_t c = nb__cp_at(p, n, i, &cl);
  if (nb__is_dash_cp(c)) {
    i += cl;
    while (i < n && (p[i] == '-' || p[i] == ' '))
      i++;
    size_t e = i;
    while (e < n && p[e] != ',' && (p[e] != '.' || nb__abbrev_stop(p, e)) &&
           p[e] != ';' && p[e] != '(')
      e++;
    wspan w[8];
    size_t nw = words_of(p + i, e - i, w, 8);
    if (nw >= 1 && nw <= 6 && nb__is_upper_cp(nb__cp_at(p, n, i, NULL))) {
      at.mention = p + i;
      at.mention_len = e - i;
      at.found = 1;
    }
    return at;
  }
  /* the clause up to the end of the sentence or the next quote */
  size_t e = i;
  /* "said Dr. Leila Haddad", "U.S. District Judge ... told": the full
   * stop of an abbreviation does not end the clause */
  while (e < n && (p[e] != '.' || nb__abbrev_stop(p, e)) && p[e] != ';' &&
         p[e] != '!' && p[e] != '?' && !quote_mark_at(p, n, e))
    e++;
  /* "“Q,” according to the ministry." (a source, up to a comma) */
  wspan aw[3];
  if (words_of(p + i, e - i, aw, 3) == 3 && aw[0].p == p + i &&
      nb__word_eq(aw[0].p, aw[0].n, "according") &&
      nb__word_eq(aw[1].p, aw[1].n, "to")) {
    const char *m = aw[2].p;
    const char *me = memchr(m, ',', (size_t)(p + e - m));
    at.mention = m;
    at.mention_len = (size_t)((me ? me : p + e) - m);
    at.cue = aw[0].p;
    at.cue_len = (size_t)(aw[1].p + aw[1].n - aw[0].p);
    at.found = 1;
    return at;
  }
  wspan w[24];
  size_t nw = words_of(p + i, e - i, w, 24);
  size_t limit = nw < 14 ? nw : 14;
  for (size_t v = 0; v < limit; v++) {
    if (!nb__reporting_verb(w[v].p, w[v].n))
      continue;
    /* "one driver, who asked not to be named, told Reuters" */
    if (v > 0 && (nb__word_eq(w[v - 1].p, w[v - 1].n, "who") ||
                  nb__word_eq(w[v - 1].p, w[v - 1].n, "which")))
      continue;
    if (v == 0) {
      /* "said KCNA", "said the post by an unknown author on pigmy" */
      const char *s = w[0].p + w[0].n;
      size_t k = (size_t)(s - p);
      size_t se = k;
      while (se < e && p[se] != ',' && p[se] != ';')
        se++;
      while (k < se && p[k] == ' ')
        k++;
      if (se > k) {
        at.mention = p + k;
        at.mention_len = se - k;
        at.found = 1;
        set_cue(&at, p, n, w, nw, 0);
        /* "said the company's founder, Omar Haddad, adding ...": a role,
         * then the name */
        if (se < e && p[se] == ',' &&
            !(chunk_cap_word(p + k, se - k, 0) && chunk_cap_word(p + k, se - k, 1))) {
          size_t c0 = se + 1, c1;
          while (c0 < e && p[c0] == ' ')
            c0++;
          c1 = c0;
          while (c1 < e && p[c1] != ',' && p[c1] != ';')
            c1++;
          wspan cw2[8];
          size_t ncw = words_of(p + c0, c1 - c0, cw2, 8);
          if (ncw >= 1 && ncw <= 5 && chunk_cap_word(p + c0, c1 - c0, 0) &&
              chunk_cap_word(p + c0, c1 - c0, 1)) {
            at.desc = p + k;
            at.desc_len = se - k;
            at.mention = p + c0;
            at.mention_len = c1 - c0;
            return at;
          }
        }
        /* "said Peter Hall, a harbour master in Dover.", "said Lisa Moore,
         * director of the Coalition", "said Ana Ruiz, 62, a nurse" */
        size_t d1 = se;
        for (int chunk = 0; chunk < 2 && d1 < e && p[d1] == ','; chunk++) {
          size_t d0 = d1 + 1;
          d1 = d0;
          while (d1 < e && p[d1] != ',' && p[d1] != ';')
            d1++;
          while (d0 < d1 && p[d0] == ' ')
            d0++;
          wspan dw[2];
          size_t nd = words_of(p + d0, d1 - d0, dw, 2);
          if (nd == 0)
            break;
          if (nd == 1 && isdigit((unsigned char)dw[0].p[0]))
            continue; /* an age */
          int art = nb__word_eq(dw[0].p, dw[0].n, "a") ||
                    nb__word_eq(dw[0].p, dw[0].n, "an");
          if (nd == 2 && art)
            at.desc = dw[1].p;
          else if (nb__word_eq(dw[0].p, dw[0].n, "the") ||
                   (nb__is_lower_cp(nb__cp_at(dw[0].p, dw[0].n, 0, NULL)) &&
                    !nb__word_in(dw[0].p, dw[0].n,
                                 (const char *const[]){"who", "which", "whose",
                                                       "adding", "saying",
                                                       "and", "but", NULL})))
            at.desc = p + d0;
          if (at.desc)
            at.desc_len = (size_t)(p + d1 - at.desc);
          break;
        }
      }
      return at;
    }
    const char *s = p + i;
    size_t sl = (size_t)(w[v].p - s);
    split_appositive(&at, s, sl);
    if (at.mention) {
      at.found = 1;
      set_cue(&at, p, n, w, nw, v);
    }
    return at;
  }
  return at;
}

static const char *const tail_preps[] = {
    "in", "on", "at", "during", "after", "before", "to", "from", "via",
    "through", "ahead", "outside", "inside", "while", "when", "with", "by",
    "over", "late", "early", "earlier", "later", "on", "this", "last",
    "that", "again", "afterwards", "yesterday", "today", "tonight",
    "recently", "once", NULL};

/* Verbs whose object is a listener or a medium: "told reporters". */
static int told_like(const char *w, size_t n) {
  return nb__word_in(w, n, (const char *const[]){
                               "told", "tells", "tell", "telling", "asked",
                               "asks", "warned", "warns", "wrote", "writes",
                               "writing", "tweeted", "emailed", "texted",
                               "reassured", "assured", "informed", NULL});
}

/* Before a quote: `S said: "Q"`, `S said "Q"`, `S told reporters that "Q"`,
 * `according to S, "Q"`, `S said, "Q"`, `..., writing in a blog post "Q"`.
 * strict: the verb must sit right before the quote. */
static attrib parse_pre(const char *p, size_t n, int loose) {
  attrib at = {0};
  wspan w[64];
  size_t nw = words_of(p, n, w, 64);
  if (nw == 0)
    return at;
  /* "according to S, " */
  for (size_t v = 0; v + 1 < nw; v++)
    if (nb__word_eq(w[v].p, w[v].n, "according") &&
        nb__word_eq(w[v + 1].p, w[v + 1].n, "to")) {
      const char *s = w[v + 1].p + w[v + 1].n;
      size_t sl = (size_t)(p + n - s);
      split_appositive(&at, s, sl);
      if (at.mention) {
        at.found = 1;
        at.cue = w[v].p;
        at.cue_len = (size_t)(w[v + 1].p + w[v + 1].n - w[v].p);
      }
      return at;
    }
  /* the last reporting verb */
  size_t v = nw;
  while (v > 0 && !nb__reporting_verb(w[v - 1].p, w[v - 1].n))
    v--;
  if (v == 0)
    return at;
  v--;
  size_t tail = nw - v - 1;
  if (!loose && tail > 6)
    return at;
  /* Between the verb and the quote may come whom it was told to, where, or
   * "that" ("told reporters on Friday that", "said in a statement"); any
   * other words start the reported clause outside the marks ("She said the
   * vote \"was rigged\""), and the quote is partial. */
  if (!loose && tail > 0 && !told_like(w[v].p, w[v].n) &&
      !nb__word_in(w[v + 1].p, w[v + 1].n, tail_preps) &&
      !nb__word_eq(w[nw - 1].p, w[nw - 1].n, "that"))
    return at;
  /* the subject: the words of its clause before the verb */
  const char *clause = p;
  for (const char *q = w[v].p; q > p; q--)
    if (q[-1] == ';' || (q[-1] == '"' ) || (unsigned char)q[-1] == 0x9D) {
      clause = q;
      break;
    }
  size_t cl = (size_t)(w[v].p - clause);
  /* a participle opening its clause ("..., writing in a blog post"): the
   * subject is the main clause's */
  const char *cstart = w[v].p;
  while (cstart > clause && cstart[-1] == ' ')
    cstart--;
  int participle = w[v].n > 4 && memcmp(w[v].p + w[v].n - 3, "ing", 3) == 0;
  if (participle && (cstart == clause || cstart[-1] == ',')) {
    size_t u = v;
    while (u > 0 && !nb__reporting_verb(w[u - 1].p, w[u - 1].n))
      u--;
    if (u == 0) {
      at.found = 1;
      at.no_speaker = 1;
      set_cue(&at, p, n, w, nw, v);
      return at;
    }
    size_t sl = (size_t)(w[u - 1].p - clause);
    split_appositive(&at, clause, sl);
  } else {
    /* "with one poster writing" */
    const char *s = clause;
    size_t sl = cl;
    /* only the last comma-chunk(s) that form the subject */
    split_appositive(&at, s, sl);
    if (at.mention) {
      wspan mw[2];
      size_t k = words_of(at.mention, at.mention_len, mw, 2);
      if (k && (nb__word_eq(mw[0].p, mw[0].n, "with") ||
                nb__word_eq(mw[0].p, mw[0].n, "and"))) {
        at.mention_len -= (size_t)(mw[0].p + mw[0].n - at.mention);
        at.mention = mw[0].p + mw[0].n;
      }
    }
  }
  at.found = at.mention != NULL;
  if (!at.found) {
    at.found = 1;
    at.no_speaker = 1;
  }
  set_cue(&at, p, n, w, nw, v);
  return at;
}

/* ---- the pass over the article ------------------------------------------ */

typedef struct finder {
  nb_story *s;
  const nb_article *a;
  nb__cast cast;
  long last_speaker; /* entity ids: the cast's array moves as it grows */
  size_t last_speaker_para;
  const nb_diag *diag;
  /* entity of each quote (resolved at the end, after role merging) */
  long *qent;
  size_t n, cap;
  size_t *plen;          /* paragraph lengths, measured once */
  const char *prev_sent; /* the sentence before the current one */
  size_t prev_sent_len;
  /* the person the paragraph's latest sentence without quotes is about,
   * when no attributed quote came after it ("Romano laughed. “Q.”") */
  long para_subject;
  const char *subj_sent; /* its sentence, resolved only when needed */
  size_t cur_para;
  /* work bounds for the look-backs, so that a hostile article of
   * thousands of unknown surnames and pronouns stays linear */
  size_t name_scan_left;  /* bytes full_name_before may still read */
  int back_left;          /* sentences prime_back may still try */
  size_t subj_len;
} finder;

static nb_quote *add_quote(finder *f, long e) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 16;
    f->s->quotes = nb_xrealloc(f->s->quotes, f->cap * sizeof *f->s->quotes);
    f->qent = nb_xrealloc(f->qent, f->cap * sizeof *f->qent);
  }
  nb_quote *q = &f->s->quotes[f->n];
  memset(q, 0, sizeof *q);
  f->qent[f->n] = e;
  f->n++;
  return q;
}

/* The quoted words: content of the span, paragraphs joined by a space,
 * stray quotation marks dropped, white space folded. */
static char *quote_text(finder *f, const qspan *q) {
  nb_buf b = {0};
  for (uint32_t p = q->para; p <= q->end_para; p++) {
    const char *t = f->a->paras[p];
    size_t n = f->plen[p];
    size_t from = p == q->para ? q->cstart : 0;
    size_t to = p == q->end_para ? q->cend : n;
    if (to > n)
      to = n;
    if (b.len)
      nb_buf_putc(&b, ' ');
    size_t i = from, cl;
    while (i < to) {
      uint32_t c = nb__cp_at(t, n, i, &cl);
      int drop = c == '"' || c == 0x201C || c == 0x201D || c == 0x201E ||
                 c == 0xAB || c == 0xBB;
      if (p != q->para && i == from && (c == 0x2018 || c == '\''))
        drop = 1;
      if (!drop) {
        if (nb__is_space_cp(c)) {
          if (b.len && b.ptr[b.len - 1] != ' ')
            nb_buf_putc(&b, ' ');
        } else
          nb_buf_put(&b, t + i, cl);
      }
      i += cl;
    }
  }
  while (b.len && b.ptr[b.len - 1] == ' ')
    b.ptr[--b.len] = 0;
  size_t s0 = 0;
  while (s0 < b.len && b.ptr[s0] == ' ')
    s0++;
  char *out = nb_arena_strdup(f->s->arena, b.ptr ? b.ptr + s0 : "");
  nb_buf_release(&b);
  return out;
}

static const char *const np_openers[] = {"the", "a", "an", "his", "her",
                                         "their", "its", "our", "my", NULL};

/* A chunk that names a person: two to five capitalized words ("Fiona
 * Mackay", "Hamdullah al-Amr"), nothing else. */
static int full_name_chunk(const char *p, size_t n) {
  wspan w[8];
  size_t nw = words_of(p, n, w, 8);
  if (nw < 2 || nw > 5)
    return 0;
  for (size_t i = 0; i < nw; i++)
    if (!nb__is_upper_cp(nb__cp_at(w[i].p, w[i].n, 0, NULL)) &&
        !nb__word_in(w[i].p, w[i].n, (const char *const[]){"de", "van", "von", "al", "bin", "da", "di", "du", "le", "la", "der", NULL}))
      return 0;
  return !nb__word_in(w[0].p, w[0].n, np_openers) &&
         !nb__sentence_opener(w[0].p, w[0].n);
}

/* The full name ("Alasdair MacLeod") that ends with the word surname in
 * the paragraphs up to the current one, before the sentence at end: the
 * first one (the name as introduced), when a capitalized word that no
 * sentence opens with precedes the surname.  *role: the role a title just
 * before it stands for ("Transport Minister Adrian Kovač": "minister"), or
 * NULL. */
static const char *full_name_before(finder *f, const char *end,
                                    const char *surname, size_t *len,
                                    const char **role) {
  size_t sl = strlen(surname);
  /* names are introduced near the top: read at most 32 KB from the start */
  size_t left = f->name_scan_left < 32768 ? f->name_scan_left : 32768;
  for (size_t p = 0; p <= f->cur_para && p < f->a->n_paras && left; p++) {
    const char *t = f->a->paras[p];
    size_t n = f->plen[p];
    uintptr_t e = (uintptr_t)end, t0 = (uintptr_t)t;
    if (e >= t0 && e <= t0 + n)
      n = (size_t)(e - t0); /* only what comes before the sentence */
    if (n > left)
      n = left;
    left -= n;
    f->name_scan_left -= n;
    for (const char *h = t; h + sl <= t + n; h++) {
      h = memchr(h, surname[0], (size_t)(t + n - h));
      if (!h || h + sl > t + n)
        break;
      if (memcmp(h, surname, sl) != 0 || h < t + 2 || h[-1] != ' ' ||
          (h + sl < t + n && nb__is_letter_cp(nb__cp_at(h, (size_t)(t + n - h), sl, NULL))))
        continue;
      const char *g = h - 1; /* the word before */
      const char *g0 = g;
      while (g0 > t && g0[-1] != ' ')
        g0--;
      size_t gl = (size_t)(g - g0);
      if (gl >= 2 && nb__is_upper_cp(nb__cp_at(g0, gl, 0, NULL)) &&
          nb__is_lower_cp(nb__cp_at(g0, gl, gl - 1, NULL)) &&
          !nb__sentence_opener(g0, gl) && !nb__word_in(g0, gl, np_openers)) {
        *len = (size_t)(h + sl - g0);
        const char *w1 = g0, *w0;
        while (w1 > t && w1[-1] == ' ')
          w1--;
        for (w0 = w1; w0 > t && w0[-1] != ' ';)
          w0--;
        *role = w0 < w1 ? nb__title_role(w0, (size_t)(w1 - w0)) : NULL;
        return g0;
      }
    }
  }
  return NULL;
}

/* Resolves a mention made in the paragraph text before end.  A surname the
 * cast does not know yet ("Vega said", "MacLeod is less sure") names the
 * person the article introduced in full before it ("Marisol Vega, who fled
 * ...", "For 31 years, Alasdair MacLeod climbed ..."), and the speaker is
 * reported as introduced.  With no full name before it, a surname joins
 * the cast when keep is set (an attribution), else it is dropped (the
 * capitalized first word of a sentence is often no name at all). */
static nb__entity *resolve_name(finder *f, const char *end, const char *m,
                                size_t mn, const char *d, size_t dn, int keep) {
  size_t before = f->cast.n;
  nb__entity *e = nb__cast_resolve(&f->cast, m, mn, d, dn);
  if (!e || f->cast.n == before || strchr(e->name, ' ') ||
      (keep && e->kind != NB__PERSON))
    return e;
  size_t fl;
  const char *role = NULL;
  const char *full = full_name_before(f, end, e->name, &fl, &role);
  if (!full && keep)
    return e;
  int gender = e->gender; /* "Mr Lafont" */
  f->cast.n = before;
  e = full ? nb__cast_resolve(&f->cast, full, fl, d, dn) : NULL;
  if (e && !e->gender)
    e->gender = gender;
  /* the title it was introduced with: "the minister" is him later */
  if (e && !e->head)
    e->head = role;
  return e;
}

/* The person a sentence opens with, the way a reporter introduces and
 * then follows someone: "Eastfield boss Ruth Calloway was furious",
 * "Lindqvist, wearing a gray suit, addressed the court", "His daughter,
 * Fiona Mackay, still lives there", "Romano laughed."  A full name joins
 * the cast as its most recent person; one word may only recall a person
 * already known (a capitalized first word is often no name at all).
 * Returns the entity id, or -1. */
static long subject_first(finder *f, const char *s, size_t n) {
  wspan w[16];
  size_t nw = words_of(s, n, w, 16);
  if (nw < 2)
    return -1;
  /* only white space before the first word: a sentence that opens with a
   * quotation mark is someone's words, and a name in them ("“Brightwell
   * knew,” ...") is not whom the next "she" is */
  for (const char *q = s; q < w[0].p; q++)
    if (*q != ' ')
      return -1;
  /* "For 31 years, Alasdair MacLeod climbed ...", "In a 2010 interview
   * with the Observer, Marlowe was asked ...", "Sitting by the stove, ...":
   * up to three phrases of time, place or manner come before the subject */
  for (int chunk = 0; chunk < 3; chunk++) {
    int lead = nb__word_in(w[0].p, w[0].n, lead_ins) ||
               (w[0].n > 4 && memcmp(w[0].p + w[0].n - 3, "ing", 3) == 0 &&
                nb__is_upper_cp(nb__cp_at(w[0].p, w[0].n, 0, NULL)) && chunk == 0) ||
               (chunk > 0 && nb__word_in(w[0].p, w[0].n, (const char *const[]){"with", "without", "by", "from", NULL}));
    const char *comma = lead ? memchr(w[0].p, ',', (size_t)(s + n - w[0].p)) : NULL;
    if (!comma || comma - w[0].p > 90)
      break;
    size_t rest = (size_t)(s + n - comma - 1);
    nw = words_of(comma + 1, rest, w, 16);
    if (nw < 2)
      return -1;
    n = rest;
    s = comma + 1;
  }
  /* "Marr's lawyer declined to comment", "The owner said ...": an
   * unnamed person, whom the next "he" or "she" may be */
  if (nw >= 3 &&
      (possessive(w[0].p, w[0].n) || nb__word_in(w[0].p, w[0].n, np_openers)) &&
      nb__person_noun(w[1].p, w[1].n) &&
      nb__is_lower_cp(nb__cp_at(w[1].p, w[1].n, 0, NULL)) &&
      nb__is_lower_cp(nb__cp_at(w[2].p, w[2].n, 0, NULL)) &&
      w[1].p == w[0].p + w[0].n + 1 && w[2].p == w[1].p + w[1].n + 1) {
    size_t before = f->cast.n;
    nb__entity *e = nb__cast_resolve(
        &f->cast, w[0].p, (size_t)(w[1].p + w[1].n - w[0].p), NULL, 0);
    e = (nb__entity *)nb__cast_final(&f->cast, e);
    if (e && (e->kind == NB__PERSON || e->one_person))
      return (long)e->id;
    f->cast.n = before;
    return -1;
  }
  const char *np = NULL, *desc = NULL;
  size_t npn = 0, dn = 0;
  /* the noun phrase at the start: capitalized words, with lower-case
   * words only between them ("Eastfield boss Ruth Calloway") */
  size_t k = 0;
  int comma = 0;
  while (k < nw) {
    int cap = nb__is_upper_cp(nb__cp_at(w[k].p, w[k].n, 0, NULL));
    if (!cap && !(k + 1 < nw && nb__is_upper_cp(nb__cp_at(w[k + 1].p, w[k + 1].n, 0, NULL))))
      break;
    if (!cap && nb__word_in(w[k].p, w[k].n, (const char *const[]){"and", "or", "but", "with", "in", "on", "at", "to", "by", "for", NULL}))
      break;
    k++;
    if (k < nw) {
      const char *g = w[k - 1].p + w[k - 1].n;
      while (g < w[k].p && *g == ' ')
        g++;
      if (g < w[k].p) {
        comma = *g == ',';
        break;
      }
    }
  }
  int poss = k > 0 && possessive(w[k - 1].p, w[k - 1].n);
  if (k > 0 && k < nw && !poss && !nb__sentence_opener(w[0].p, w[0].n) &&
      nb__is_upper_cp(nb__cp_at(w[k - 1].p, w[k - 1].n, 0, NULL)) &&
      !nb__word_in(w[k - 1].p, w[k - 1].n, np_openers) &&
      (comma || nb__is_lower_cp(nb__cp_at(w[k].p, w[k].n, 0, NULL)))) {
    np = w[0].p;
    npn = (size_t)(w[k - 1].p + w[k - 1].n - np);
  } else {
    /* "His daughter, Fiona Mackay, still lives ...": a role, then the
     * name between commas */
    const char *c1 = memchr(s, ',', n);
    if (!c1 || c1 - s > 80)
      return -1;
    const char *c2 = memchr(c1 + 1, ',', (size_t)(s + n - c1 - 1));
    if (!c2 || c2 - c1 > 60)
      return -1;
    if (!(nb__word_in(w[0].p, w[0].n, np_openers) ||
          possessive(w[0].p, w[0].n)) ||
        !full_name_chunk(c1 + 1, (size_t)(c2 - c1 - 1)))
      return -1;
    np = c1 + 1;
    npn = (size_t)(c2 - c1 - 1);
    desc = s;
    dn = (size_t)(c1 - s);
  }
  size_t before = f->cast.n;
  nb__entity *e = resolve_name(f, s, np, npn, desc, dn, 0);
  if (!e)
    return -1;
  if (f->cast.n > before && (e->kind != NB__PERSON || !strchr(e->name, ' '))) {
    f->cast.n = before; /* introduces no one */
    return -1;
  }
  e = (nb__entity *)nb__cast_final(&f->cast, e);
  return e->kind == NB__PERSON ? (long)e->id : -1;
}

/* "Next door lives Rhys Pritchard, 74", "Among those who stayed was Joan
 * Whitfield", "The last cottage belongs to Morag Baillie, 81": the person a
 * sentence is about comes after the verb.  A full name right after one of
 * these verbs joins the cast like a sentence's opening subject. */
static long inverted_subject(finder *f, const char *s, size_t n) {
  static const char *const verbs[] = {"was",  "is",    "lives",  "lived",
                                      "sits", "sat",   "stands", "stood",
                                      NULL};
  wspan w[32];
  size_t nw = words_of(s, n, w, 32);
  for (size_t i = 1; i + 2 < nw; i++) {
    size_t k;
    if (nb__word_in(w[i].p, w[i].n, verbs))
      k = i + 1;
    else if (nb__word_in(w[i].p, w[i].n,
                         (const char *const[]){"belongs", "belonged", NULL}) &&
             nb__word_eq(w[i + 1].p, w[i + 1].n, "to"))
      k = i + 2;
    else if (nb__word_in(w[i].p, w[i].n,
                         (const char *const[]){"led", "headed", "run",
                                               "joined", "founded", NULL}) &&
             nb__word_eq(w[i + 1].p, w[i + 1].n, "by")) {
      /* "The crew is led by commander Tomasz Wrona": a role in lower case
       * may come between */
      k = i + 2;
      while (k + 2 < nw && k < i + 5 &&
             !nb__is_upper_cp(nb__cp_at(w[k].p, w[k].n, 0, NULL)))
        k++;
    } else
      continue;
    size_t j = k;
    while (j < nw && nb__is_upper_cp(nb__cp_at(w[j].p, w[j].n, 0, NULL))) {
      /* the name's words follow each other with only a space between */
      if (j > k && w[j].p != w[j - 1].p + w[j - 1].n + 1)
        break;
      j++;
    }
    if (j - k < 2 || j - k > 4)
      continue;
    const char *np = w[k].p;
    size_t npn = (size_t)(w[j - 1].p + w[j - 1].n - np);
    if (!full_name_chunk(np, npn))
      continue;
    size_t before = f->cast.n;
    nb__entity *e = resolve_name(f, s, np, npn, NULL, 0, 0);
    if (!e)
      continue;
    if (f->cast.n > before &&
        (e->kind != NB__PERSON || !strchr(e->name, ' '))) {
      f->cast.n = before; /* introduces no one */
      continue;
    }
    e = (nb__entity *)nb__cast_final(&f->cast, e);
    if (e->kind == NB__PERSON)
      return (long)e->id;
  }
  return -1;
}

/* The person a sentence is about: its opening subject, else a person named
 * right after its verb. */
static long subject_of(finder *f, const char *s, size_t n) {
  long id = subject_first(f, s, n);
  return id >= 0 ? id : inverted_subject(f, s, n);
}

/* Before "he said", the person the sentence before is about ("Harry Kane
 * won the award. He said, ...") is the likeliest antecedent: a name that
 * opens that sentence joins the cast as the most recent person. */
static void prime_pronoun(finder *f, const char *prev, size_t n) {
  if (prev && n)
    (void)subject_of(f, prev, n);
}

/* "he described the night ..." when the cast holds no one "he" could be:
 * the reporter introduced him in a sentence of his own earlier ("For 31
 * years, Alasdair MacLeod climbed ..."); the nearest such sentence before
 * this one, at most 40 back, brings him into the cast. */
static void prime_back(finder *f, const char *cur, const char *m, size_t mn) {
  wspan w[2];
  if (words_of(m, mn, w, 2) != 1)
    return;
  int g = nb__word_eq(w[0].p, w[0].n, "he")    ? 1
          : nb__word_eq(w[0].p, w[0].n, "she") ? 2
                                                : 0;
  if (!g || nb__cast_has_person(&f->cast, g))
    return;
  int budget = 40;
  for (size_t p = f->cur_para + 1; p-- > 0 && budget > 0 && f->back_left > 0;) {
    const char *t = f->a->paras[p];
    size_t n = f->plen[p];
    uintptr_t e = (uintptr_t)cur, t0 = (uintptr_t)t;
    if (e >= t0 && e <= t0 + n)
      n = (size_t)(e - t0);
    else if (p == f->cur_para)
      continue;
    if (n > 4096) { /* the last 4 KB before it, from a character start */
      t += n - 4096;
      n = 4096;
      while (n && ((unsigned char)*t & 0xC0) == 0x80)
        t++, n--;
    }
    nb_sentence *sv;
    size_t ns = nb_sentences(t, n, &sv);
    long hit = -1;
    for (size_t k = ns; k-- > 0 && budget-- > 0 && f->back_left-- > 0;) {
      hit = subject_of(f, t + sv[k].start, sv[k].len);
      if (hit >= 0)
        break;
    }
    free(sv);
    if (hit >= 0) {
      const nb__entity *he = &f->cast.e[hit];
      if (he->gender && he->gender != g)
        continue;
      return;
    }
  }
}

static long resolve(finder *f, const attrib *at) {
  if (!at->found || at->no_speaker || !at->mention)
    return -1;
  size_t pn;
  const char *pp = nb__mention_pronoun(at->mention, at->mention_len, &pn);
  if (pp && nb__word_in(pp, pn, (const char *const[]){"he", "she", NULL}))
    prime_pronoun(f, f->prev_sent, f->prev_sent_len);
  if (pp)
    prime_back(f, at->mention, pp, pn);
  nb__entity *e = resolve_name(f, at->mention, at->mention, at->mention_len,
                               at->desc, at->desc_len, 1);
  return e ? (long)e->id : -1;
}

static const char *dup_cue(finder *f, const attrib *at) {
  if (!at->cue)
    return NULL;
  char *c = nb_arena_strndup(f->s->arena, at->cue, at->cue_len);
  for (char *q = c; *q; q++)
    *q = (char)(q == c ? tolower((unsigned char)*q) : *q);
  return c;
}

static const char *dup_mention(finder *f, const attrib *at) {
  if (!at->mention)
    return NULL;
  const char *m = at->mention;
  size_t n = at->mention_len;
  while (n && (m[n - 1] == ' ' || m[n - 1] == ',' || m[n - 1] == '.'))
    n--;
  return nb_arena_strndup(f->s->arena, m, n);
}

/* Indirect speech in a sentence without direct quotes: "Kirby stated that
 * ...", "According to S, ...".  Sets the last speaker either way. */
static void indirect(finder *f, size_t p, const char *t, size_t s0,
                     size_t s1) {
  const char *sp = t + s0;
  size_t n = s1 - s0;
  wspan w[96];
  size_t nw = words_of(sp, n, w, 96);
  if (nw < 3)
    return;
  attrib at = {0};
  size_t text_from = 0, text_end = 0;
  /* "According to S, X" */
  if (nb__word_eq(w[0].p, w[0].n, "according") && nb__word_eq(w[1].p, w[1].n, "to")) {
    const char *s = w[1].p + w[1].n;
    const char *comma = memchr(s, ',', (size_t)(sp + n - s));
    if (!comma)
      return;
    split_appositive(&at, s, (size_t)(comma - s));
    /* the rest of the appositive chain: skip to the last comma of names */
    at.cue = w[0].p;
    at.cue_len = (size_t)(w[1].p + w[1].n - w[0].p);
    text_from = (size_t)(comma + 1 - sp);
  } else {
    size_t v = 0, from = 0;
    /* "Asked about the criticism, Varga said ...", "In a statement posted
     * on its website, Marsh Lane Events said ...": a lead-in phrase; the
     * speaker and the verb come after its comma */
    if (nb__word_in(w[0].p, w[0].n,
                    (const char *const[]){"asked", "pressed", "questioned",
                                          "in", "after", "at", "during",
                                          NULL})) {
      const char *comma = memchr(sp, ',', n < 160 ? n : 160);
      while (comma && from < nw && w[from].p < comma)
        from++;
      v = from;
    }
    /* up to 28 words in: "Sophie, 27, a seasonal picker who comes to the
     * valley every September and did not want to give her surname, said" */
    for (; v < nw && v < from + 28; v++)
      if (nb__reporting_verb(w[v].p, w[v].n) &&
          !(w[v].n > 4 && memcmp(w[v].p + w[v].n - 3, "ing", 3) == 0))
        break;
    if (v == from || v >= nw || v >= from + 28)
      return;
    split_appositive(&at, w[from].p, (size_t)(w[v].p - w[from].p));
    if (!at.mention)
      return;
    set_cue(&at, sp, n, w, nw, v);
    size_t after = v + 1;
    if (at.cue_len > w[v].n) /* "told reporters" */
      while (after < nw && w[after].p < at.cue + at.cue_len)
        after++;
    /* "stated on Friday that": the content starts after "that" */
    int that = 0;
    for (size_t k = after; k < nw && k < after + 6; k++)
      if (nb__word_eq(w[k].p, w[k].n, "that")) {
        after = k + 1;
        that = 1;
        break;
      }
    /* "said in a statement it would ...", "announced on Monday the ...":
     * up to two short phrases of time or place come before the content */
    for (int pp = 0; !that && pp < 2 && after + 1 < nw; pp++) {
      if (!nb__word_in(w[after].p, w[after].n,
                       (const char *const[]){"in", "on", "at", "during", "via",
                                             "through", "to", "after",
                                             "before", NULL}))
        break;
      size_t k = after + 1;
      if (nb__word_in(w[k].p, w[k].n,
                      (const char *const[]){"a", "an", "the", "its", "his",
                                            "her", "their", "this", "last",
                                            NULL}) &&
          k + 1 < nw)
        k++;
      after = k + 1;
    }
    /* "X, the Met Office said, and Y", "X, police said.": the speech is
     * what came before, when the verb is an aside (a comma within four
     * words after it, or the end), not "A spokeswoman for Acme, Jane Doe,
     * said the firm would pay" */
    const char *ms = at.mention;
    while (ms > sp && ms[-1] == ' ')
      ms--;
    const char *ce = at.cue + at.cue_len, *se = sp + n;
    int aside = ce >= se || *ce == ',' || *ce == '.';
    for (size_t sps = 0; !aside && ce < se && *ce != '.' && sps <= 4; ce++) {
      sps += *ce == ' ';
      aside = *ce == ',';
    }
    if (aside && ms > sp && ms[-1] == ',' &&
        nb__count_words(sp, (size_t)(ms - sp)) >= 4)
      text_end = (size_t)(ms - 1 - sp); /* text_from stays 0 */
    else if (after >= nw)
      return;
    else
      text_from = (size_t)(w[after].p - sp);
  }
  /* an opening mark right before the content belongs to it */
  if (text_from > 0 && text_end == 0) {
    size_t cl;
    uint32_t c = nb__cp_before(sp, text_from, &cl);
    if (c == '"' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x201E)
      text_from -= cl;
  }
  size_t pn;
  const char *pp = nb__mention_pronoun(at.mention, at.mention_len, &pn);
  if (pp) {
    /* "The crew is led by commander Tomasz Wrona. ... he said the view
     * ...": the sentence before is about whom "he" is, as for quotes */
    if (f->subj_sent)
      prime_pronoun(f, f->subj_sent, f->subj_len);
    prime_back(f, sp, pp, pn);
  }
  nb__entity *ep =
      resolve_name(f, sp, at.mention, at.mention_len, at.desc, at.desc_len, 1);
  if (!ep)
    return;
  long e = (long)ep->id;
  f->last_speaker = e;
  f->last_speaker_para = p;
  while (text_from < n && sp[text_from] == ' ')
    text_from++;
  size_t te = text_end ? text_end : n;
  while (te > text_from && (sp[te - 1] == '.' || sp[te - 1] == ' ' ||
                            sp[te - 1] == ':'))
    te--;
  if (te <= text_from || sp[n - 1] == ':')
    return; /* "Obama tweeted using his account:" introduces what follows */
  nb_quote *q = add_quote(f, e);
  q->kind = NB_QUOTE_INDIRECT;
  q->text = nb_arena_strndup(f->s->arena, sp + text_from, te - text_from);
  q->cue = dup_cue(f, &at);
  q->mention = dup_mention(f, &at);
  q->paragraph = q->end_paragraph = (uint32_t)p;
  q->start = (uint32_t)(s0 + text_from);
  q->end = (uint32_t)(s0 + te);
}

/* ---- interviews --------------------------------------------------------- */

/* A paragraph of a question-and-answer interview: "Q: Why stop now?" is 1,
 * "A: My hands are telling me to." is 2 ("Question:" and "Answer:" too),
 * anything else 0.  *off is where the words start. */
static int qa_label(const char *p, size_t n, size_t *off) {
  static const char *const q[] = {"Q:", "Question:", NULL};
  static const char *const a[] = {"A:", "Answer:", NULL};
  for (int kind = 1; kind <= 2; kind++)
    for (const char *const *w = kind == 1 ? q : a; *w; w++) {
      size_t l = strlen(*w);
      if (n > l + 1 && memcmp(p, *w, l) == 0 && p[l] == ' ') {
        *off = l + 1;
        return kind;
      }
    }
  return 0;
}

/* A transcript's line: "INSKEEP: ...", "Ingrid Solvang: ...", "STEVE
 * INSKEEP, HOST: ...": one to four capitalized words (the name, before an
 * optional ", ROLE") and a colon.  Returns the name's length and sets *off
 * where the words start; 0 for any other paragraph, and for labels that
 * are a page's furniture ("Photo:", "Update:") or an interview's Q and A. */
static size_t speaker_label(const char *p, size_t n, size_t *off) {
  static const char *const furniture[] = {
      "q",          "a",         "question", "answer",        "photo",
      "image",      "video",     "source",   "note",          "update",
      "correction", "credit",    "watch",    "listen",        "read",
      "related",    "editor",    "editor's", "advertisement", "caption",
      "tags",       "topics",    "share",    "follow",        "warning",
      "transcript", "copyright", "contact",  "email",         "phone",
      "web",        "website",   "location", "date",          "time",
      "where",      "when",      "price",    "tickets",       "cost",
      NULL};
  const char *colon = memchr(p, ':', n < 64 ? n : 64);
  if (!colon || (size_t)(colon - p) + 2 >= n || colon[1] != ' ')
    return 0;
  const char *comma = memchr(p, ',', (size_t)(colon - p));
  size_t nl = (size_t)((comma ? comma : colon) - p);
  wspan w[6];
  size_t nw = words_of(p, nl, w, 6);
  if (nw == 0 || nw > 4 || w[0].p != p ||
      (size_t)(w[nw - 1].p + w[nw - 1].n - p) != nl ||
      nb__word_in(w[0].p, w[0].n, furniture))
    return 0;
  for (size_t i = 0; i < nw; i++) {
    if (!nb__is_upper_cp(nb__cp_at(w[i].p, w[i].n, 0, NULL)))
      return 0;
    if (i > 0 && w[i].p != w[i - 1].p + w[i - 1].n + 1)
      return 0; /* one space between the words, nothing else */
  }
  /* what follows is words ("Labour: 12,345 votes" is a result) */
  size_t o = (size_t)(colon - p) + 2;
  if (!nb__is_letter_cp(nb__cp_at(p, n, o, NULL)) ||
      isdigit((unsigned char)p[o]) || nb__count_words(p + o, n - o) < 2)
    return 0;
  *off = o;
  return nl;
}

/* The speaker of a transcript line, its name as the article writes it
 * ("INSKEEP" is Inskeep, and the full name introduced before, if any). */
static long label_speaker(finder *f, const char *t, size_t nl) {
  char name[64];
  if (nl >= sizeof name)
    return -1;
  memcpy(name, t, nl);
  name[nl] = 0;
  int caps = 1;
  for (size_t i = 0; i < nl; i++)
    if (islower((unsigned char)name[i]))
      caps = 0;
  for (size_t i = 1; caps && i < nl; i++)
    if (isalpha((unsigned char)name[i - 1]) && isupper((unsigned char)name[i]))
      name[i] = (char)tolower((unsigned char)name[i]);
  nb__entity *e = resolve_name(f, t, name, nl, NULL, 0, 1);
  return e ? (long)e->id : -1;
}

/* Whom an interview is with: the first full name ("Ingrid Solvang") in
 * the introduction before its first question or answer, else in the
 * title.  Returns the entity id, or -1. */
static long interviewee(finder *f, const unsigned char *skip, size_t first) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t p = 0; p < first; p++) {
      if (skip[p] != pass)
        continue; /* the introduction first, then the title */
      const char *t = f->a->paras[p];
      wspan w[64];
      size_t nw = words_of(t, f->plen[p], w, 64);
      for (size_t i = 0; i < nw;) {
        /* a run of capitalized words with only a space between them */
        size_t j = i;
        while (j < nw && nb__is_upper_cp(nb__cp_at(w[j].p, w[j].n, 0, NULL)) &&
               (j == i ||
                (w[j].p == w[j - 1].p + w[j - 1].n + 1 && w[j].p[-1] == ' ')))
          j++;
        size_t from = i;
        while (from < j && (nb__sentence_opener(w[from].p, w[from].n) ||
                            nb__word_in(w[from].p, w[from].n, np_openers)))
          from++;
        if (j - from >= 2 && j - from <= 4) {
          size_t before = f->cast.n;
          const char *m = w[from].p;
          size_t mn = (size_t)(w[j - 1].p + w[j - 1].n - m);
          nb__entity *e = nb__cast_resolve(&f->cast, m, mn, NULL, 0);
          if (e && e->kind == NB__PERSON && strchr(e->name, ' '))
            return (long)e->id;
          f->cast.n = before;
        }
        i = j > i ? j : i + 1;
      }
    }
  return -1;
}

/* A paragraph after an answer, before the next question, that goes on
 * with the answer: in the first person ("I", "my", "we"), with no
 * quotation marks and no reporting verb (the reporter's own paragraphs
 * between answers: "Wrobel, reached by phone, said ..."). */
static int answer_goes_on(const char *p, size_t n) {
  static const char *const first[] = {"i", "me", "my", "we", "us", "our", NULL};
  size_t i = 0, cl;
  while (i < n) {
    uint32_t c = nb__cp_at(p, n, i, &cl);
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB ||
        c == 0xBB || c == 0x2018)
      return 0;
    i += cl;
  }
  wspan w[256];
  size_t nw = words_of(p, n, w, 256);
  int me = 0;
  for (size_t k = 0; k < nw; k++) {
    if (nb__reporting_verb(w[k].p, w[k].n))
      return 0;
    size_t l = 0; /* "I'm", "we've": the word before the apostrophe */
    while (l < w[k].n && w[k].p[l] != '\'' && (unsigned char)w[k].p[l] != 0xE2)
      l++;
    me |= nb__word_in(w[k].p, l, first);
  }
  return me;
}

/* An answer of an interview is the interviewee's direct speech, the
 * whole paragraph after its label; it has no quotation marks. */
static void answer(finder *f, size_t p, size_t off, long guest) {
  const char *t = f->a->paras[p];
  qspan q = {0};
  q.para = q.end_para = (uint32_t)p;
  q.open = q.cstart = (uint32_t)off;
  q.cend = (uint32_t)trim_end(t, f->plen[p]);
  q.close = (uint32_t)f->plen[p];
  q.closed = 1;
  nb_quote *nq = add_quote(f, guest);
  nq->kind = NB_QUOTE_DIRECT;
  nq->text = quote_text(f, &q);
  nq->paragraph = nq->end_paragraph = (uint32_t)p;
  nq->start = q.open;
  nq->end = q.close;
  if (guest >= 0) {
    f->last_speaker = guest;
    f->last_speaker_para = p;
  }
}

/* The sentence that holds byte pos (binary search: a paragraph may hold
 * thousands of quotes), or ns when none does. */
static size_t sentence_at(const nb_sentence *sv, size_t ns, size_t pos) {
  size_t lo = 0, hi = ns;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sv[mid].start + sv[mid].len < pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < ns && sv[lo].start <= pos ? lo : ns;
}

static int inside(const qspan *q, size_t p, size_t pos) {
  if (p < q->para || p > q->end_para)
    return 0;
  if (p == q->para && pos <= q->open)
    return 0;
  if (p == q->end_para && pos >= q->close)
    return 0;
  return 1;
}

void nb__find_quotes(nb_story *s, const unsigned char *skip,
                     const nb_diag *diag) {
  const nb_article *a = s->article;
  finder f = {0};
  f.s = s;
  f.a = a;
  f.diag = diag;
  f.cast.arena = s->arena;
  f.last_speaker = -1;
  f.para_subject = -1;
  f.name_scan_left = (size_t)4 << 20;
  f.back_left = 2000;
  f.plen = nb_xcalloc(a->n_paras ? a->n_paras : 1, sizeof *f.plen);
  for (size_t p = 0; p < a->n_paras; p++)
    f.plen[p] = strlen(a->paras[p]);
  for (size_t p = 0; p < a->n_paras; p++)
    if (!skip[p])
      nb__cast_acronyms(&f.cast, a->paras[p]);
  qspans spans = {0};
  pair_marks(a, skip, &spans);
  for (size_t k = 0; k < spans.n; k++)
    if (!spans.v[k].closed)
      nb_diag_printf(diag, NB_INFO,
                     "paragraph %u: quotation mark never closed; the quote "
                     "ends with paragraph %u",
                     spans.v[k].para + 1, spans.v[k].end_para + 1);

  /* A question-and-answer interview ("Q: ...", "A: ..."), at least two of
   * each: answers are the interviewee's words, questions the reporter's. */
  size_t n_qa[3] = {0}, first_qa = a->n_paras, qa_off;
  for (size_t p = 0; p < a->n_paras; p++) {
    int k = skip[p] ? 0 : qa_label(a->paras[p], f.plen[p], &qa_off);
    n_qa[k]++;
    if (k && first_qa == a->n_paras)
      first_qa = p;
  }
  int qa = n_qa[1] >= 2 && n_qa[2] >= 2;
  long guest = -2; /* looked for at the first answer */
  int in_answer = 0;
  long turn = -1; /* the speaker of the last answer or transcript line */
  /* A transcript ("INSKEEP: ...", "SOLVANG: ..."): two speakers or more
   * with two lines each; every line is its speaker's direct speech. */
  int transcript = 0;
  if (!qa) {
    struct label {
      const char *p;
      size_t n, count;
    } lab[16];
    size_t n_lab = 0;
    for (size_t p = 0; p < a->n_paras; p++) {
      size_t nl = skip[p] ? 0 : speaker_label(a->paras[p], f.plen[p], &qa_off);
      if (!nl)
        continue;
      size_t k = 0;
      while (k < n_lab &&
             !(lab[k].n == nl && strncasecmp(lab[k].p, a->paras[p], nl) == 0))
        k++;
      if (k == n_lab && n_lab < 16)
        lab[n_lab++] = (struct label){a->paras[p], nl, 0};
      if (k < n_lab && ++lab[k].count == 2)
        transcript++;
    }
    transcript = transcript >= 2;
  }

  size_t qi = 0; /* next span */
  int seen_text = 0;
  for (size_t p = 0; p < a->n_paras; p++) {
    if (skip[p])
      continue;
    const char *t = a->paras[p];
    size_t plen = f.plen[p];
    int label = qa ? qa_label(t, plen, &qa_off) : 0;
    long who = turn;
    f.cur_para = p;
    if (label == 2) {
      if (guest == -2)
        guest = interviewee(&f, skip, first_qa);
      who = guest;
    } else if (!label && transcript) {
      size_t nl = speaker_label(t, plen, &qa_off);
      if (nl) {
        label = 2;
        who = label_speaker(&f, t, nl);
      }
    }
    if (!label && in_answer && answer_goes_on(t, plen)) {
      label = 2;
      qa_off = 0;
    }
    in_answer = label == 2;
    if (label) {
      if (label == 2) {
        answer(&f, p, qa_off, who);
        turn = who;
      }
      /* quotation marks inside a question or an answer are part of it */
      while (qi < spans.n && spans.v[qi].para <= p)
        qi++;
      continue;
    }
    nb_sentence *sv;
    size_t ns = nb_sentences(t, plen, &sv);
    size_t prev_close = 0; /* end of the last quote in this paragraph */
    f.cur_para = p;
    f.para_subject = -1;
    f.subj_sent = NULL;
    /* the dateline is no part of the first paragraph's speech */
    size_t dl_off = 0;
    if (!seen_text) {
      const char *dn;
      size_t dnl;
      dl_off = nb_dateline_split(t, &dn, &dnl);
      seen_text = 1;
    }
    for (size_t si = 0; si < ns; si++) {
      size_t s0 = sv[si].start, s1 = s0 + sv[si].len;
      if (s0 < dl_off && dl_off < s1)
        s0 = dl_off;
      /* sentences inside a quote that began earlier belong to it */
      int in_quote = 0;
      for (size_t k = qi > 0 ? qi - 1 : 0; k < spans.n && k <= qi; k++)
        if (inside(&spans.v[k], p, s0) && !(spans.v[k].para == p && spans.v[k].open >= s0))
          in_quote = 1;
      int any = 0, direct_any = 0;
      long sentence_speaker = -1;
      size_t first_q = qi;
      while (qi < spans.n && spans.v[qi].para == p && spans.v[qi].open < s1) {
        qspan *q = &spans.v[qi];
        any = 1;
        /* pre: from the sentence start (or the last quote) to the mark */
        size_t pre0 = s0 > prev_close ? s0 : prev_close;
        if (q->open < pre0)
          pre0 = q->open;
        const char *pre = t + pre0;
        size_t pre_n = q->open - pre0;
        /* post: to the end of the sentence holding the close, or the next
         * quote in that paragraph */
        const char *et = a->paras[q->end_para];
        size_t elen = f.plen[q->end_para];
        size_t post_end = elen;
        if (q->end_para == p) {
          size_t k = sentence_at(sv, ns, q->close);
          if (k < ns)
            post_end = sv[k].start + sv[k].len;
          if (qi + 1 < spans.n && spans.v[qi + 1].para == p &&
              spans.v[qi + 1].open < post_end)
            post_end = spans.v[qi + 1].open;
        } else {
          nb_sentence *ev;
          size_t ne = nb_sentences(et, elen, &ev);
          size_t k = sentence_at(ev, ne, q->close);
          if (k < ne)
            post_end = ev[k].start + ev[k].len;
          free(ev);
        }
        if (post_end < q->close)
          post_end = q->close;
        const char *post = et + q->close;
        size_t post_n = q->closed ? post_end - q->close : 0;

        const char *content = a->paras[q->para] + q->cstart;
        size_t content_n =
            q->end_para == q->para && q->cend > q->cstart ? q->cend - q->cstart
            : q->end_para == q->para ? 0
                                     : f.plen[q->para] - q->cstart;
        wspan cw[16];
        size_t W = q->end_para != q->para ? 99 : words_of(content, content_n, cw, 16);
        if (W == 0) {
          qi++;
          continue;
        }
        wspan pw[64];
        size_t npw = words_of(pre, pre_n, pw, 64);
        int pre_empty = npw == 0;
        /* the word before the mark, and whether a comma or colon ends pre */
        size_t pe = pre_n;
        while (pe > 0 && pre[pe - 1] == ' ')
          pe--;
        int pre_punct = pe > 0 && (pre[pe - 1] == ',' || pre[pe - 1] == ':');
        int embedded = !pre_punct && npw &&
                       nb__word_in(pw[npw - 1].p, pw[npw - 1].n, embedders);
        attrib post_at = parse_post(post, post_n);
        /* '"Q," S said' ends the quotation with a mark of its own ("Q,"
         * "Q?" "Q..." or a comma or dash after it); a quotation the
         * sentence runs on from ('called it "a permanent presence" in
         * orbit, and said ...') has no attribution after it */
        if (post_at.found && !pre_empty && q->end_para == q->para) {
          size_t k = trim_end(content, content_n);
          unsigned char last = k ? (unsigned char)content[k - 1] : 0;
          size_t j = skip_ws(post, post_n, 0);
          int closed = last == ',' || last == '.' || last == '?' ||
                       last == '!' || last >= 0x80; /* "…", "—" */
          int sep = j < post_n &&
                    (post[j] == ',' || post[j] == '-' ||
                     nb__is_dash_cp(nb__cp_at(post, post_n, j, NULL)));
          if (!closed && !sep)
            post_at = (attrib){0};
        }
        attrib pre_at = {0};
        if (!pre_empty)
          pre_at = parse_pre(pre, pre_n, pre_punct);
        int tl = q->end_para == q->para && title_like(content, content_n);
        nb_quote_kind kind;
        int keep = 1;
        /* "“Nobody told us,” said Pete Lang. “Nobody.”": a short quotation
         * that is a whole sentence of its own, after a direct quote in
         * its paragraph, goes on with it (a title does not end in a
         * full stop of its own sentence) */
        size_t ce = trim_end(content, content_n);
        int whole = q->closed && q->end_para == p && ce > 0 &&
                    (content[ce - 1] == '.' || content[ce - 1] == '!' ||
                     content[ce - 1] == '?') &&
                    words_of(post, post_n, pw, 1) == 0;
        int goes_on = whole && pre_empty && f.n > 0 &&
                      f.s->quotes[f.n - 1].kind == NB_QUOTE_DIRECT &&
                      f.s->quotes[f.n - 1].end_paragraph == p;
        /* "Asked whether he would resign, Grant said: “No.”": after an
         * attribution and a colon or comma, a sentence is speech */
        if (goes_on || (whole && pre_punct && pre_at.found && !embedded))
          tl = 0;
        /* "The minister was blunt: “The port loses money.”": a sentence
         * after a colon that ends a clause about a person is that
         * person's speech, whatever the verb ("The sign read: “...”" is
         * about no one and stays as it was) */
        long colon_e = -1;
        if (whole && pe > 0 && pre[pe - 1] == ':' && W >= 3 && !embedded &&
            !pre_at.found && !post_at.found) {
          colon_e = subject_of(&f, pre, pe);
          if (colon_e >= 0)
            tl = 0;
        }
        if (pre_empty)
          kind = (W >= 3 || post_at.found || goes_on) ? NB_QUOTE_DIRECT
                                                      : NB_QUOTE_PARTIAL;
        else if ((pre_at.found && !embedded) || colon_e >= 0)
          kind = NB_QUOTE_DIRECT;
        else if (post_at.found && W >= 5)
          kind = NB_QUOTE_DIRECT;
        else
          kind = NB_QUOTE_PARTIAL;
        /* a short quotation the sentence goes on after ("It warned that
         * \"significant disruption\" was likely") is a partial quote */
        if (kind == NB_QUOTE_DIRECT && !pre_empty && !post_at.found && W < 8 &&
            q->closed && words_of(post, post_n, pw, 2) >= 2)
          kind = NB_QUOTE_PARTIAL;
        if (tl && !(pre_empty && post_at.found) && !(pre_at.found && !embedded && W > 2)) {
          keep = 0; /* a title, a name, a term: not a quote */
          kind = NB_QUOTE_PARTIAL;
        }
        if (!keep) {
          prev_close = q->end_para == p ? q->close : plen;
          qi++;
          continue;
        }
        long e = -1;
        const attrib *used = NULL;
        if (kind == NB_QUOTE_DIRECT) {
          if (post_at.found && !post_at.no_speaker) {
            used = &post_at;
          } else if (pre_at.found &&
                     !(pre_at.no_speaker && qi > first_q && direct_any)) {
            used = &pre_at;
          } else if (qi > first_q && direct_any) {
            /* also '“Q1,” said S, “Q2.”': "said S," before Q2 has no
             * subject of its own */
            /* "Q1," S said, "Q2." : the middle attribution serves both */
            used = NULL;
            e = sentence_speaker;
          }
          if (used)
            e = resolve(&f, used);
          else if (colon_e >= 0)
            e = colon_e;
          if (!used && e < 0 && f.para_subject < 0 && f.subj_sent) {
            f.para_subject = subject_of(&f, f.subj_sent, f.subj_len);
            f.subj_sent = NULL;
          }
          if (!used && e < 0 && f.para_subject >= 0) {
            /* "Romano laughed. “He's right.”": the person the sentence
             * before it in the paragraph is about */
            e = f.para_subject;
            nb_diag_printf(diag, NB_INFO,
                           "paragraph %zu: quote without attribution takes "
                           "the person the sentence before is about (%s)",
                           p + 1, f.cast.e[e].name);
          }
          if (!used && e < 0 && f.last_speaker >= 0 &&
              p <= f.last_speaker_para + 2) {
            e = f.last_speaker; /* a floating quote */
            nb_diag_printf(diag, NB_INFO,
                           "paragraph %zu: quote without attribution takes "
                           "the speaker before it (%s)",
                           p + 1, f.cast.e[e].name);
          }
          /* a middle attribution: the quote before this one in the same
           * sentence had none of its own */
          if (e >= 0 && qi > first_q && direct_any && f.n > 0 &&
              f.s->quotes[f.n - 1].kind == NB_QUOTE_DIRECT &&
              f.qent[f.n - 1] < 0)
            f.qent[f.n - 1] = e;
          direct_any = 1;
        } else {
          e = -1; /* filled below from the sentence's indirect speech */
        }
        nb_quote *nq = add_quote(&f, e);
        nq->kind = kind;
        nq->text = quote_text(&f, q);
        nq->paragraph = q->para;
        nq->end_paragraph = q->end_para;
        nq->start = q->open;
        nq->end = q->close;
        if (used) {
          nq->cue = dup_cue(&f, used);
          nq->mention = dup_mention(&f, used);
        }
        if (e >= 0) {
          f.para_subject = -1;
          f.subj_sent = NULL;
          sentence_speaker = e;
          f.last_speaker = e;
          f.last_speaker_para = q->end_para;
        }
        prev_close = q->end_para == p ? q->close : plen;
        qi++;
      }
      size_t ce = s1;
      while (ce > s0 && t[ce - 1] == ' ')
        ce--;
      if (!any && !in_quote && ce > s0 && t[ce - 1] == ':') {
        /* "Callum's mother, Denise Price, wrote:" and the quotation in the
         * paragraphs after it: they are hers, not the last speaker's */
        attrib at = parse_pre(t + s0, ce - s0, 1);
        long e = at.found && !at.no_speaker ? resolve(&f, &at) : -1;
        if (e >= 0) {
          f.last_speaker = e;
          f.last_speaker_para = p;
          f.para_subject = e;
          f.subj_sent = NULL;
        }
      }
      if (!any && !in_quote) {
        long was = f.last_speaker;
        size_t was_n = f.n;
        indirect(&f, p, t, s0, s1);
        if (f.n > was_n || f.last_speaker != was) {
          f.para_subject = f.last_speaker;
          f.subj_sent = NULL;
        }
        else {
          f.subj_sent = t + s0;
          f.subj_len = s1 - s0;
        }
      }
      else if (any && !direct_any) {
        /* partial quotes: speech reported around them */
        size_t before = f.n;
        indirect(&f, p, t, s0, s1);
        if (f.n > before) {
          long e = f.qent[f.n - 1];
          for (size_t k = before; k > 0 && f.s->quotes[k - 1].paragraph == p &&
                                  f.s->quotes[k - 1].start >= s0;
               k--)
            if (f.s->quotes[k - 1].kind == NB_QUOTE_PARTIAL && f.qent[k - 1] < 0)
              f.qent[k - 1] = e;
          /* keep article order: move the indirect quote before the
           * partial ones it contains */
          nb_quote iq = f.s->quotes[f.n - 1];
          long ie = f.qent[f.n - 1];
          size_t at = f.n - 1;
          while (at > 0 && f.s->quotes[at - 1].paragraph == p &&
                 f.s->quotes[at - 1].start >= s0 &&
                 f.s->quotes[at - 1].kind == NB_QUOTE_PARTIAL) {
            f.s->quotes[at] = f.s->quotes[at - 1];
            f.qent[at] = f.qent[at - 1];
            at--;
          }
          f.s->quotes[at] = iq;
          f.qent[at] = ie;
        }
      }
      f.prev_sent = t + s0;
      f.prev_sent_len = s1 - s0;
      /* skip spans wholly inside this sentence that the loop left */
      while (qi < spans.n && spans.v[qi].para < p)
        qi++;
    }
    free(sv);
    while (qi < spans.n && spans.v[qi].para <= p)
      qi++;
  }
  free(spans.v);

  /* speakers, after "a spokesman" met "spokesman John Kirby" */
  nb__cast_merge_roles(&f.cast);
  for (size_t k = 0; k < f.n; k++) {
    const nb__entity *e =
        f.qent[k] >= 0 ? nb__cast_final(&f.cast, &f.cast.e[f.qent[k]]) : NULL;
    nb_quote *q = &s->quotes[k];
    if (e) {
      q->speaker = e->name;
      q->description = e->description;
      q->speaker_org = e->kind == NB__ORG;
    }
  }
  s->n_quotes = f.n;
  free(f.qent);
  free(f.plen);
  free(f.cast.e);
}
