/* script.c: the prosody layer.  Stories become the briefing as it will be
 * spoken: an ordered list of segments, each with a role (lead, attribution,
 * quote, ...), a voice from the profile and the pause after it.  All wording
 * a briefing adds comes from the profile, never from C strings here. */
#include "prosody.h"
#include "summarize/summarize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The longest segment handed to the synthesizer, in bytes.  A sentence
 * can be megabytes long in a hostile page; one eSpeak call on it takes
 * minutes and memory without bound, so longer text is cut into pieces at a
 * sentence end or a space (the listener hears no difference: no pause is
 * put between pieces). */
#define SEGMENT_MAX 4000

static const char *add_one(nb_script *s, nb_role role, const char *text,
                           size_t len, const char *speaker,
                           const nb_voice *v, int story);

static const char *add_text(nb_script *s, nb_role role, const char *text,
                            size_t len, const char *speaker,
                            const nb_voice *v, int story) {
  const char *first = NULL;
  while (len > SEGMENT_MAX) {
    size_t cut = 0;
    for (size_t k = SEGMENT_MAX; k > SEGMENT_MAX / 2 && !cut; k--)
      if (text[k] == ' ' && strchr(".?!", text[k - 1]))
        cut = k;
    for (size_t k = SEGMENT_MAX; k > 0 && !cut; k--)
      if (text[k] == ' ')
        cut = k;
    if (!cut) /* no space at all: cut between UTF-8 characters */
      for (cut = SEGMENT_MAX; cut > 1 && (text[cut] & 0xC0) == 0x80; cut--)
        ;
    const char *t = add_one(s, role, text, cut, speaker, v, story);
    if (t) {
      first = first ? first : t;
      s->segs[s->n - 1].pause_ms = 0;
    }
    text += cut, len -= cut;
  }
  const char *t = add_one(s, role, text, len, speaker, v, story);
  return first ? first : t;
}

static const char *add_one(nb_script *s, nb_role role, const char *text,
                           size_t len, const char *speaker,
                           const nb_voice *v, int story) {
  /* trim, and skip pieces with nothing to say (", " between two quotes) */
  while (len && isspace((unsigned char)*text))
    text++, len--;
  while (len && isspace((unsigned char)text[len - 1]))
    len--;
  int speakable = 0;
  for (size_t i = 0; i < len; i++)
    if (isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80)
      speakable = 1;
  if (!speakable)
    return NULL;
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 32;
    s->segs = nb_xrealloc(s->segs, s->cap * sizeof *s->segs);
  }
  nb_segment *g = &s->segs[s->n++];
  g->role = role;
  g->text = nb_arena_strndup(s->arena, text, len);
  g->speaker = speaker ? nb_arena_strdup(s->arena, speaker) : NULL;
  g->voice = v;
  g->story = story;
  g->pause_ms = v->pause_ms;
  return g->text;
}

/* Fills {date}, {title} and {dateline} in a profile template. */
static char *fill(const char *tpl, const char *date, const char *title,
                  const char *dateline) {
  nb_buf b = {0};
  for (const char *c = tpl; *c;) {
    const char *val = NULL;
    size_t skip = 0;
    if (strncmp(c, "{date}", 6) == 0)
      val = date, skip = 6;
    else if (strncmp(c, "{title}", 7) == 0)
      val = title, skip = 7;
    else if (strncmp(c, "{dateline}", 10) == 0)
      val = dateline, skip = 10;
    if (skip) {
      nb_buf_puts(&b, val ? val : "");
      c += skip;
    } else {
      nb_buf_putc(&b, *c++);
    }
  }
  return nb_buf_detach(&b);
}

static int is_quote_mark(const char *p, size_t n, size_t *len) {
  static const char *marks[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB",
                                "\xC2\xBB", "\xE2\x80\x9E", "\xE2\x80\xB9",
                                "\xE2\x80\xBA"};
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
    size_t m = strlen(marks[i]);
    if (m <= n && memcmp(p, marks[i], m) == 0) {
      *len = m;
      return 1;
    }
  }
  return 0;
}

/* A quote as it is read aloud: marks and spaces off both ends, a closing
 * comma ("...at this time," he said) turned into a full stop. */
static char *quote_words(const char *p, size_t n) {
  size_t m;
  for (;;) {
    while (n && isspace((unsigned char)*p))
      p++, n--;
    if (n && is_quote_mark(p, n, &m)) {
      p += m, n -= m;
      continue;
    }
    break;
  }
  for (;;) {
    while (n && isspace((unsigned char)p[n - 1]))
      n--;
    int found = 0;
    for (size_t k = 1; k <= 3 && k <= n; k++)
      if (is_quote_mark(p + n - k, k, &m) && m == k) {
        n -= k;
        found = 1;
        break;
      }
    if (!found)
      break;
  }
  while (n && (p[n - 1] == ',' || p[n - 1] == ';' || p[n - 1] == ':' ||
               p[n - 1] == ' ' || p[n - 1] == '-'))
    n--;
  nb_buf b = {0};
  nb_buf_put(&b, p, n);
  if (n && !strchr(".?!", p[n - 1]) &&
      !(n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0))
    nb_buf_putc(&b, '.');
  return nb_buf_detach(&b);
}

static int mentioned(const char **seen, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(seen[i], name) == 0)
      return 1;
  return 0;
}

/* "John Kirby" -> "Kirby"; "the ministry" stays whole. */
static const char *short_name(const char *name) {
  if (!isupper((unsigned char)name[0]))
    return name;
  const char *sp = strrchr(name, ' ');
  if (!sp)
    return name;
  for (const char *c = name; *c; c++)
    if (*c == ' ' && !isupper((unsigned char)c[1]))
      return name; /* "Ministry of Health": not a person's name */
  return sp + 1;
}

static size_t words_in(const char *s) {
  size_t n = 0;
  for (int in = 0; *s; s++) {
    if (*s != ' ' && !in)
      n++;
    in = *s != ' ';
  }
  return n;
}

/* The spoken attribution: full name and description on a speaker's first
 * mention in a story, the surname after (an organization keeps its whole
 * name). */
static char *attribution(const nb_quote *q, const nb_profile *p,
                         const char **seen, size_t *n_seen, int quote_words) {
  nb_buf b = {0};
  const char *cue = q->cue && *q->cue ? q->cue : "said";
  if (!q->speaker) {
    nb_buf_puts(&b, p->unknown_speaker);
  } else {
    nb_buf who = {0};
    if (!mentioned(seen, *n_seen, q->speaker)) {
      seen[(*n_seen)++] = q->speaker;
      const char *d = q->description;
      if (d && *d) {
        /* A title reads before a name ("National Security Council
         * spokesman John Kirby"); "a farmer" or a long description after
         * it, as an aside, its case as written ("French ...") */
        if (strncmp(d, "a ", 2) == 0 || strncmp(d, "an ", 3) == 0 ||
            strncmp(d, "the ", 4) == 0 || words_in(d) > 4)
          nb_buf_printf(&who, "%s, %s,", q->speaker, d);
        else
          nb_buf_printf(&who, "%s %s", d, q->speaker);
      } else {
        nb_buf_puts(&who, q->speaker);
      }
    } else {
      nb_buf_puts(&who, q->speaker_org ? q->speaker : short_name(q->speaker));
    }
    if (strncasecmp(cue, "according to", 12) == 0)
      nb_buf_printf(&b, "According to %s", who.ptr);
    else
      nb_buf_printf(&b, "%s %s", who.ptr, cue);
    nb_buf_release(&who);
  }
  if (quote_words && p->quote_open && *p->quote_open)
    nb_buf_printf(&b, ", %s:", p->quote_open);
  if (b.len && islower((unsigned char)b.ptr[0]))
    b.ptr[0] = (char)toupper((unsigned char)b.ptr[0]);
  return nb_buf_detach(&b);
}

static void add_quote(nb_script *s, const nb_profile *p, const char *text,
                      size_t len, const nb_quote *q, int story, int words) {
  char *w = quote_words(text, len);
  if (add_text(s, NB_ROLE_QUOTE, w, strlen(w), q ? q->speaker : NULL,
               &p->quote, story) &&
      words && p->quote_close && *p->quote_close) {
    char *c = nb_xstrdup(p->quote_close);
    c[0] = (char)toupper((unsigned char)c[0]);
    nb_buf b = {0};
    nb_buf_printf(&b, "%s.", c);
    add_text(s, NB_ROLE_ATTRIBUTION, b.ptr, b.len, NULL, &p->attribution,
             story);
    nb_buf_release(&b);
    free(c);
  }
  free(w);
}

static const char *story_title(nb_script *s, const nb_story *st) {
  if (st->article->title && *st->article->title)
    return nb_arena_strdup(s->arena, st->article->title);
  const char *t = st->n_lead ? st->lead[0] : st->article->n_paras ? st->article->paras[0] : "";
  size_t n = strlen(t);
  if (n <= 60)
    return nb_arena_strdup(s->arena, t);
  size_t cut = 60;
  while (cut > 20 && t[cut] != ' ')
    cut--;
  /* No space to cut at (Japanese, Chinese, one long word): 60 bytes, but
   * never inside a character. */
  if (t[cut] != ' ')
    for (cut = 60; cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80;)
      cut--;
  return nb_arena_printf(s->arena, "%.*s...", (int)cut, t);
}

/* A briefing reads a lead, not a page: a "sentence" of thousands of words
 * (a page without full stops, a hostile feed) is cut after this many words,
 * at the last comma or semicolon of the final stretch when there is one. */
#define LEAD_MAX_WORDS 120

static void cap_words(nb_buf *b, size_t max) {
  size_t words = 0, i = 0, cut = 0;
  int in = 0;
  for (; i < b->len; i++) {
    int sp = b->ptr[i] == ' ';
    if (!sp && !in && ++words > max)
      break;
    in = !sp;
  }
  if (i >= b->len)
    return;
  cut = i;
  for (size_t k = i; k > i * 3 / 4; k--)
    if (b->ptr[k - 1] == ',' || b->ptr[k - 1] == ';') {
      cut = k;
      break;
    }
  while (cut && (b->ptr[cut - 1] == ' ' || b->ptr[cut - 1] == ',' ||
                 b->ptr[cut - 1] == ';'))
    cut--;
  b->len = cut;
  nb_buf_putc(b, '.');
}

/* "From Washington.", when the profile says datelines aloud. */
static void say_dateline(nb_script *s, const nb_story *st, int i,
                         const nb_profile *p) {
  if (st->dateline && p->dateline && *p->dateline) {
    char *d = fill(p->dateline, NULL, NULL, st->dateline);
    add_text(s, NB_ROLE_HEADLINE, d, strlen(d), NULL, &p->narrator, i);
    free(d);
  }
}

static void briefing_story(nb_script *s, const nb_story *st, int i,
                           const nb_profile *p, int words) {
  say_dateline(s, st, i, p);
  nb_buf lead = {0};
  for (size_t k = 0; k < st->n_lead; k++) {
    if (k)
      nb_buf_putc(&lead, ' ');
    nb_buf_puts(&lead, st->lead[k]);
  }
  cap_words(&lead, LEAD_MAX_WORDS);
  if (lead.len)
    add_text(s, NB_ROLE_LEAD, lead.ptr, lead.len, NULL, &p->narrator, i);
  else if (st->article->title)
    add_text(s, NB_ROLE_HEADLINE, st->article->title,
             strlen(st->article->title), NULL, &p->narrator, i);
  nb_buf_release(&lead);
  const char **seen = nb_xcalloc(st->n_key + 1, sizeof *seen);
  size_t n_seen = 0;
  for (size_t k = 0; k < st->n_key; k++) {
    const nb_quote *q = &st->quotes[st->key[k]];
    char *a = attribution(q, p, seen, &n_seen, words);
    add_text(s, NB_ROLE_ATTRIBUTION, a, strlen(a), q->speaker,
             &p->attribution, i);
    free(a);
    add_quote(s, p, q->text, strlen(q->text), q, i, words);
  }
  free(seen);
}

/* The whole body in order: narration in the narrator's voice, quoted words
 * in the quote voice, and the words around a quote in the paragraph (the
 * attribution) in the attribution voice. */
static void full_story(nb_script *s, const nb_story *st, int i,
                       const nb_profile *p, int words) {
  const nb_article *a = st->article;
  if (a->title && *a->title)
    add_text(s, NB_ROLE_HEADLINE, a->title, strlen(a->title), NULL,
             &p->narrator, i);
  say_dateline(s, st, i, p);
  int first = 1;
  for (size_t k = 0; k < a->n_paras; k++) {
    const char *para = a->paras[k];
    if (nb_is_furniture(para) || (a->title && strcmp(para, a->title) == 0))
      continue;
    size_t len = strlen(para), cursor = 0;
    if (first) {
      const char *name;
      size_t name_len;
      size_t off = nb_dateline_split(para, &name, &name_len);
      if (off && off <= len)
        cursor = off;
      first = 0;
    }
    int has_quote = 0;
    for (size_t qi = 0; qi < st->n_quotes; qi++) {
      const nb_quote *q = &st->quotes[qi];
      if (q->kind != NB_QUOTE_DIRECT || k < q->paragraph ||
          k > q->end_paragraph)
        continue;
      size_t qs = q->paragraph == k ? q->start : 0;
      size_t qe = q->end_paragraph == k ? q->end : len;
      if (qe > len)
        qe = len;
      if (qs < cursor || qs > qe)
        continue; /* overlapping or out-of-order spans: read as narration */
      has_quote = 1;
      add_text(s, NB_ROLE_ATTRIBUTION, para + cursor, qs - cursor,
               q->speaker, &p->attribution, i);
      if (words && q->paragraph == k && p->quote_open && *p->quote_open) {
        char *o = nb_xstrdup(p->quote_open);
        o[0] = (char)toupper((unsigned char)o[0]);
        add_text(s, NB_ROLE_ATTRIBUTION, o, strlen(o), NULL, &p->attribution,
                 i);
        free(o);
      }
      add_quote(s, p, para + qs, qe - qs, q, i,
                words && q->end_paragraph == k);
      cursor = qe;
    }
    if (has_quote) {
      /* after a quote, the rest of its sentence is the attribution ("said
       * Hemi Walker, who led the delegation."); later sentences are
       * narration again */
      nb_sentence *sent = NULL;
      size_t n = nb_sentences(para + cursor, len - cursor, &sent);
      size_t cut = n > 1 ? cursor + sent[1].start : len;
      free(sent);
      add_text(s, NB_ROLE_ATTRIBUTION, para + cursor, cut - cursor, NULL,
               &p->attribution, i);
      cursor = cut;
    }
    add_text(s, NB_ROLE_BODY, para + cursor, len - cursor, NULL, &p->narrator,
             i);
  }
}

nb_script *nb_script_build(nb_story *const *stories, size_t n,
                           const nb_profile *p, const nb_script_opts *o) {
  nb_script_opts def = {0, -1, NB_QUOTES_VOICE, NULL, NULL};
  if (!o)
    o = &def;
  nb_script *s = nb_xcalloc(1, sizeof *s);
  s->arena = nb_arena_new();
  s->profile = p;
  s->n_stories = n;
  s->story_titles = nb_arena_alloc(s->arena, (n ? n : 1) * sizeof(char *));
  int frame = o->frame < 0 ? n > 1 : o->frame;
  int words = o->quote_style == NB_QUOTES_WORDS || p->quote_words;
  const char *title = o->title && *o->title ? o->title : "your news briefing";
  if (frame && p->intro && *p->intro) {
    char *t = fill(p->intro, o->date, title, NULL);
    add_text(s, NB_ROLE_INTRO, t, strlen(t), NULL, &p->narrator, -1);
    free(t);
  }
  for (size_t i = 0; i < n; i++) {
    s->story_titles[i] = story_title(s, stories[i]);
    if (i > 0 && frame && p->transition && *p->transition) {
      if (s->n)
        s->segs[s->n - 1].pause_ms += p->story_pause_ms;
      add_text(s, NB_ROLE_TRANSITION, p->transition, strlen(p->transition),
               NULL, &p->narrator, (int)i);
    } else if (i > 0 && s->n) {
      s->segs[s->n - 1].pause_ms += p->story_pause_ms;
    }
    if (o->full)
      full_story(s, stories[i], (int)i, p, words);
    else
      briefing_story(s, stories[i], (int)i, p, words);
  }
  if (frame && p->outro && *p->outro) {
    if (s->n)
      s->segs[s->n - 1].pause_ms += p->story_pause_ms;
    char *t = fill(p->outro, o->date, title, NULL);
    add_text(s, NB_ROLE_OUTRO, t, strlen(t), NULL, &p->narrator, -1);
    free(t);
  }
  return s;
}

void nb_script_free(nb_script *s) {
  if (!s)
    return;
  free(s->segs);
  nb_arena_free(s->arena);
  free(s);
}
