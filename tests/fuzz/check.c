/* check.c: the invariants every fuzz target asserts, in one copy shared by
 * the libFuzzer targets and the ctest regression replay.  The SSML check
 * parses with libxml2 the way a careful consumer would: no network, no
 * entity substitution, no DTD loading. */
#include "nbfuzz.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void nb_fuzz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("nbfuzz: invariant broken: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

/* NB_FUZZ_KNOWN=controls,utf8,multiline lets a long fuzzing run look past
 * known, reported bugs (control characters or invalid UTF-8 in what a
 * reader returns, a reader's error spanning lines) to find other ones.
 * NB_FUZZ_ALLOW_CONTROLS=1 is the same as NB_FUZZ_KNOWN=controls.  The
 * ctest replay never sets them. */
int nb_fuzz_known(const char *bug) {
  const char *k = getenv("NB_FUZZ_KNOWN");
  if (strcmp(bug, "controls") == 0) {
    const char *a = getenv("NB_FUZZ_ALLOW_CONTROLS");
    if (a && *a == '1')
      return 1;
  }
  if (!k)
    return 0;
  size_t n = strlen(bug);
  for (const char *p = k; (p = strstr(p, bug)); p += n)
    if ((p == k || p[-1] == ',') && (p[n] == 0 || p[n] == ','))
      return 1;
  return 0;
}

static int allow_controls(void) {
  static int v = -1;
  if (v < 0)
    v = nb_fuzz_known("controls");
  return v;
}

static int allow_bad_utf8(void) {
  static int v = -1;
  if (v < 0)
    v = nb_fuzz_known("utf8");
  return v;
}

static void check_text(const char *what, const char *s, size_t n,
                       int controls_ok) {
  size_t bad;
  if (controls_ok && allow_bad_utf8())
    return;
  if (!nb_utf8_valid(s, n, &bad))
    nb_fuzz_fail("%s: invalid UTF-8 at byte %zu", what, bad);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (controls_ok)
      break;
    if (c < 0x20 || c == 0x7F)
      nb_fuzz_fail("%s: control byte 0x%02X at %zu", what, c, i);
    /* C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8. */
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] <= 0x9F)
      nb_fuzz_fail("%s: C1 control U+%04X at %zu", what,
                   (unsigned char)s[i + 1], i);
  }
}

void nb_fuzz_check_clean(const char *what, const char *s, size_t n) {
  check_text(what, s, n, 0);
}

/* What a reader returns, with the NB_FUZZ_ALLOW_CONTROLS escape. */
static void check_read(const char *what, const char *s) {
  if (s)
    check_text(what, s, strlen(s), allow_controls());
}

void nb_fuzz_check_para(const char *what, const char *s) {
  if (!s)
    nb_fuzz_fail("%s: NULL", what);
  size_t n = strlen(s);
  if (n == 0)
    nb_fuzz_fail("%s: empty", what);
  check_text(what, s, n, allow_controls());
  if (s[0] == ' ' || s[n - 1] == ' ')
    nb_fuzz_fail("%s: leading or trailing space", what);
  if (strstr(s, "  "))
    nb_fuzz_fail("%s: doubled space", what);
}

static void check_opt(const char *what, const char *s) {
  if (s)
    nb_fuzz_check_clean(what, s, strlen(s));
}

void nb_fuzz_check_article(const nb_article *a) {
  if (!a || !a->source || !a->arena)
    nb_fuzz_fail("article: NULL article, source or arena");
  if (a->n_paras > a->cap_paras)
    nb_fuzz_fail("article: n_paras %zu > cap_paras %zu", a->n_paras,
                 a->cap_paras);
  if (a->n_paras && !a->paras)
    nb_fuzz_fail("article: %zu paragraphs but no array", a->n_paras);
  check_read("title", a->title);
  check_read("byline", a->byline);
  check_read("date", a->date);
  check_read("dateline", a->dateline);
  check_read("link", a->link);
  char what[64];
  for (size_t i = 0; i < a->n_paras; i++) {
    snprintf(what, sizeof what, "paragraph %zu", i);
    nb_fuzz_check_para(what, a->paras[i]);
  }
}

void nb_fuzz_check_list(const nb_article_list *l) {
  if (l->n > l->cap)
    nb_fuzz_fail("article list: n %zu > cap %zu", l->n, l->cap);
  for (size_t i = 0; i < l->n; i++)
    nb_fuzz_check_article(l->items[i]);
}

void nb_fuzz_check_story(const nb_story *s, const nb_article *a,
                         unsigned max_lead, unsigned max_quotes) {
  char what[64];
  if (!s)
    nb_fuzz_fail("story: nb_summarize returned NULL");
  if (s->article != a)
    nb_fuzz_fail("story: article pointer changed");
  if (s->n_lead > max_lead)
    nb_fuzz_fail("story: %zu lead sentences, asked for at most %u",
                 s->n_lead, max_lead);
  for (size_t i = 0; i < s->n_lead; i++) {
    snprintf(what, sizeof what, "lead sentence %zu", i);
    if (!s->lead[i] || !*s->lead[i])
      nb_fuzz_fail("%s: empty", what);
    nb_fuzz_check_clean(what, s->lead[i], strlen(s->lead[i]));
  }
  check_opt("story dateline", s->dateline);
  for (size_t i = 0; i < s->n_quotes; i++) {
    const nb_quote *q = &s->quotes[i];
    if (q->paragraph >= a->n_paras)
      nb_fuzz_fail("quote %zu: paragraph %u >= n_paras %zu", i, q->paragraph,
                   a->n_paras);
    if (q->end_paragraph < q->paragraph || q->end_paragraph >= a->n_paras)
      nb_fuzz_fail("quote %zu: end_paragraph %u outside [%u, %zu)", i,
                   q->end_paragraph, q->paragraph, a->n_paras);
    size_t l0 = strlen(a->paras[q->paragraph]);
    size_t l1 = strlen(a->paras[q->end_paragraph]);
    if (q->start > l0)
      nb_fuzz_fail("quote %zu: start %u > paragraph length %zu", i, q->start,
                   l0);
    if (q->end > l1)
      nb_fuzz_fail("quote %zu: end %u > paragraph length %zu", i, q->end, l1);
    if (q->paragraph == q->end_paragraph && q->start > q->end)
      nb_fuzz_fail("quote %zu: start %u > end %u", i, q->start, q->end);
    if ((unsigned)q->kind > NB_QUOTE_INDIRECT)
      nb_fuzz_fail("quote %zu: kind %d", i, (int)q->kind);
    if (!q->text)
      nb_fuzz_fail("quote %zu: NULL text", i);
    snprintf(what, sizeof what, "quote %zu text", i);
    nb_fuzz_check_clean(what, q->text, strlen(q->text));
    snprintf(what, sizeof what, "quote %zu speaker", i);
    check_opt(what, q->speaker);
    snprintf(what, sizeof what, "quote %zu description", i);
    check_opt(what, q->description);
    snprintf(what, sizeof what, "quote %zu mention", i);
    check_opt(what, q->mention);
    snprintf(what, sizeof what, "quote %zu cue", i);
    check_opt(what, q->cue);
  }
  if (s->n_key > max_quotes)
    nb_fuzz_fail("story: %zu key quotes, asked for at most %u", s->n_key,
                 max_quotes);
  for (size_t k = 0; k < s->n_key; k++) {
    if (s->key[k] >= s->n_quotes)
      nb_fuzz_fail("key %zu: index %zu >= n_quotes %zu", k, s->key[k],
                   s->n_quotes);
    for (size_t j = 0; j < k; j++)
      if (s->key[j] == s->key[k])
        nb_fuzz_fail("key %zu: quote %zu chosen twice", k, s->key[k]);
  }
}

void nb_fuzz_check_script(const nb_script *s, size_t n_stories) {
  char what[64];
  if (!s)
    nb_fuzz_fail("script: nb_script_build returned NULL");
  if (s->n > s->cap)
    nb_fuzz_fail("script: n %zu > cap %zu", s->n, s->cap);
  if (s->n_stories != n_stories)
    nb_fuzz_fail("script: n_stories %zu, built from %zu", s->n_stories,
                 n_stories);
  for (size_t i = 0; i < s->n_stories && s->story_titles; i++) {
    snprintf(what, sizeof what, "story title %zu", i);
    if (!s->story_titles[i])
      nb_fuzz_fail("%s: NULL", what);
    nb_fuzz_check_clean(what, s->story_titles[i],
                        strlen(s->story_titles[i]));
  }
  for (size_t i = 0; i < s->n; i++) {
    const nb_segment *g = &s->segs[i];
    snprintf(what, sizeof what, "segment %zu", i);
    if ((unsigned)g->role >= NB_ROLE_COUNT)
      nb_fuzz_fail("%s: role %d", what, (int)g->role);
    if (!g->text || !g->voice)
      nb_fuzz_fail("%s: NULL text or voice", what);
    nb_fuzz_check_clean(what, g->text, strlen(g->text));
    if (g->story < -1 || g->story >= (int)n_stories)
      nb_fuzz_fail("%s: story %d of %zu", what, g->story, n_stories);
    if (g->speaker)
      nb_fuzz_check_clean(what, g->speaker, strlen(g->speaker));
  }
}

/* Every element nb_script_ssml may write.  An article that could add
 * <audio>, <voice> around its own text or anything else would show here. */
static const char *const ssml_elements[] = {
    "speak", "voice", "prosody", "s", "p", "break", "mark", "emphasis", NULL};

static void check_node(xmlNode *n, int depth) {
  for (; n; n = n->next) {
    switch (n->type) {
    case XML_ELEMENT_NODE: {
      int known = 0;
      for (size_t i = 0; ssml_elements[i]; i++)
        if (xmlStrcmp(n->name, (const xmlChar *)ssml_elements[i]) == 0)
          known = 1;
      if (!known)
        nb_fuzz_fail("ssml: unexpected element <%s>", (const char *)n->name);
      if (depth > 16)
        nb_fuzz_fail("ssml: elements nested %d deep", depth);
      check_node(n->children, depth + 1);
      break;
    }
    case XML_TEXT_NODE:
    case XML_COMMENT_NODE:
      break;
    default:
      nb_fuzz_fail("ssml: unexpected node type %d", (int)n->type);
    }
  }
}

void nb_fuzz_check_ssml(const char *xml, size_t len) {
  if (len > 0x7FFFFFFF)
    nb_fuzz_fail("ssml: %zu bytes", len);
  if (strstr(xml, "<!DOCTYPE") || strstr(xml, "<!ENTITY"))
    nb_fuzz_fail("ssml: contains a DTD");
  xmlDoc *doc = xmlReadMemory(xml, (int)len, "ssml.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError *err = xmlGetLastError();
    nb_fuzz_fail("ssml: does not parse as XML (line %d: %s)",
                 err ? err->line : 0,
                 err && err->message ? err->message : "?");
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || xmlStrcmp(root->name, (const xmlChar *)"speak") != 0)
    nb_fuzz_fail("ssml: root is not <speak>");
  check_node(root, 0);
  xmlFreeDoc(doc);
}
