/* html.c: the HTML reader.  libxml2's HTML parser builds the tree (declared
 * charset honoured, no network), and a reader-mode pass finds the article
 * body in it by scoring blocks on their structure; metadata (title, byline,
 * date, link) comes from the head, microdata and schema.org JSON-LD.
 * The feed reader uses the same body code for the HTML inside items. */
#include "input.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* Per-element figures, hung on node->_private while the page is read. */
typedef struct nstat {
  size_t text;   /* non-space bytes of text inside, removed parts excluded */
  size_t link;   /* of which inside <a> */
  size_t commas; /* commas (ASCII and CJK) in that text */
  size_t ptext;  /* text inside <p>-like blocks */
  size_t own, own_link, own_commas; /* loose inline text directly inside
                                       (text nodes, <font>, <b>...): the
                                       <br>-separated layouts' paragraphs */
  unsigned paras;
  double score;
  unsigned char removed; /* 1 dropped by tag, 2 by class/id hint */
  unsigned char unlikely; /* a weak furniture hint: dropped unless it holds
                             most of the page's paragraph text */
  unsigned char scored;
  unsigned char blockkids; /* has a block-level child element */
  unsigned char imgkid;    /* has an image child (img, picture, amp-img) */
  unsigned short f;        /* F_* flags of the tag, looked up once */
} nstat;

enum {
  F_BLOCK = 1,    /* ends a paragraph: block_tags */
  F_P = 2,        /* p, pre */
  F_DIVSEC = 4,   /* div, section */
  F_BQ = 8,       /* blockquote */
  F_A = 16,       /* a */
  F_H1 = 32,      /* h1 */
  F_BR = 64,      /* br */
  F_LIST = 128,   /* ul, ol, dl */
  F_SHORTBLK = 256, /* p, li, h2-h4: judged as one line of links */
  F_DROP = 512,      /* never article text: drop_tags */
  F_INLINE = 1024,   /* phrasing: class hints not applied */
  F_ROOT = 2048,     /* html, body */
  F_BREAK = 4096     /* dropped, but a block in a browser: its own line */
};

#define ST(n) ((nstat *)(n)->_private)

/* ---- small helpers -------------------------------------------------------- */

static int is_elem(const xmlNode *n) {
  return n && n->type == XML_ELEMENT_NODE;
}

static int tag_is(const xmlNode *n, const char *name) {
  return is_elem(n) && strcmp((const char *)n->name, name) == 0;
}

static int tag_in(const xmlNode *n, const char *const *list) {
  if (!is_elem(n))
    return 0;
  for (; *list; list++)
    if (strcmp((const char *)n->name, *list) == 0)
      return 1;
  return 0;
}

/* The value of attribute name, without allocating (HTML attributes are
 * one decoded text node); NULL when absent. */
static const char *attr(const xmlNode *n, const char *name) {
  if (!is_elem(n))
    return NULL;
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (a->name && strcasecmp((const char *)a->name, name) == 0) {
      if (a->children && a->children->content)
        return (const char *)a->children->content;
      return "";
    }
  return NULL;
}

static unsigned tag_flags(const xmlNode *n);

/* Whether a browser puts n on a line of its own (a block, a line break):
 * the text on either side of it is two words, never one
 * ("Kofi Mensah-Barr" in an <h4>, "Mar 19, 2026" in the <div> after it). */
static int breaks_text(const xmlNode *n) {
  return is_elem(n) && (tag_flags(n) & (F_BLOCK | F_BR | F_BREAK));
}

/* ---- tree walks ----------------------------------------------------------- */

/* Called on each node a walk is done with: after its children, if it went
 * into them. */
typedef void (*post_fn)(xmlNode *n, void *ud);

/* One step of a walk over top and the nodes under it in document order,
 * without recursion (a page may nest 10,000 deep): into c's children when
 * down is set and it has any; otherwise on to the next sibling of c, or of
 * its nearest ancestor below top that has one, calling post (when not
 * NULL) on c and on each ancestor left, top included.  *depth (when not
 * NULL) goes up one a level down and down one a level up.  Returns NULL
 * when the walk is over. */
static xmlNode *next_node(const xmlNode *top, xmlNode *c, int down,
                          post_fn post, void *ud, int *depth) {
  if (down && c->children) {
    if (depth)
      ++*depth;
    return c->children;
  }
  if (post)
    post(c, ud);
  while (c != top && !c->next) {
    c = c->parent;
    if (depth)
      --*depth;
    if (post)
      post(c, ud);
  }
  return c == top ? NULL : c->next;
}

/* Visits every node under top in document order: pre() before its
 * children (returning 0 skips them), post() after. */
typedef int (*pre_fn)(xmlNode *n, void *ud);

static void walk(xmlNode *top, pre_fn pre, post_fn post, void *ud) {
  for (xmlNode *c = top; c;)
    c = next_node(top, c, pre(c, ud), post, ud, NULL);
}

/* text_of's walk: a space around each element that breaks the line. */
static int pre_text(xmlNode *n, void *ud) {
  if (breaks_text(n))
    nb_buf_putc(ud, ' ');
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content)
      nb_buf_puts(ud, (const char *)n->content);
    return 0;
  }
  return is_elem(n) && !(n->_private && ST(n)->removed) &&
         !tag_is(n, "script") && !tag_is(n, "style");
}

static void post_text(xmlNode *n, void *ud) {
  if (breaks_text(n))
    nb_buf_putc(ud, ' ');
}

/* Appends the text under n (libxml2's links are not const; none change). */
static void text_of(const xmlNode *n, nb_buf *b) {
  walk((xmlNode *)n, pre_text, post_text, b);
}

/* Pages that declare ISO-8859-1 are almost always windows-1252 (browsers
 * read them so): libxml2 turns the bytes 0x80-0x9F into C1 control
 * characters, which are put back here as the punctuation they were
 * (0x92 is the apostrophe ’).  C1 controls that windows-1252 leaves
 * undefined are dropped. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static int is_c1(const nb_buf *b, size_t i) {
  return (unsigned char)b->ptr[i] == 0xC2 && i + 1 < b->len &&
         (unsigned char)b->ptr[i + 1] >= 0x80 &&
         (unsigned char)b->ptr[i + 1] <= 0x9F;
}

/* libxml2 2.9 can let a byte through where it switches a page it took
 * for UTF-8 to Latin-1 in mid-text: what leaves this reader is valid
 * UTF-8 whatever came in, invalid bytes dropped. */
static void fix_utf8(nb_buf *b) {
  size_t bad;
  if (!b->len || nb_utf8_valid(b->ptr, b->len, &bad))
    return;
  nb_buf out = {0};
  const unsigned char *p = (const unsigned char *)b->ptr;
  for (size_t i = 0; i < b->len;) {
    unsigned c = p[i];
    size_t k = c < 0x80          ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (k && i + k <= b->len && nb_utf8_valid((const char *)p + i, k, &bad)) {
      nb_buf_put(&out, p + i, k);
      i += k;
    } else {
      i++; /* a byte that begins no valid character */
    }
  }
  nb_buf_release(b);
  *b = out;
  if (!b->ptr)
    nb_buf_put(b, "", 0);
}

static void fix_c1(nb_buf *b) {
  fix_utf8(b);
  size_t i = 0;
  while (i < b->len && !is_c1(b, i))
    i++;
  if (i >= b->len)
    return; /* the usual case: nothing to do */
  nb_buf out = {0};
  nb_buf_put(&out, b->ptr, i);
  while (i < b->len) {
    if (is_c1(b, i)) {
      uint16_t cp = cp1252_c1[(unsigned char)b->ptr[i + 1] - 0x80];
      if (cp) {
        char u[4];
        nb_buf_put(&out, u, nb_utf8_encode(cp, u));
      }
      i += 2;
    } else {
      nb_buf_putc(&out, b->ptr[i++]);
    }
  }
  nb_buf_release(b);
  *b = out;
  if (!b->ptr)
    nb_buf_put(b, "", 0);
}

/* Whitespace-normalized copy of s into the article's arena (NULL if empty). */
static const char *norm_str(nb_article *a, const char *s, size_t n) {
  nb_buf b = {0};
  int sp = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      sp = b.len > 0;
      continue;
    }
    if (sp)
      nb_buf_putc(&b, ' ');
    sp = 0;
    nb_buf_putc(&b, (char)c);
  }
  fix_c1(&b);
  const char *r = b.len ? nb_article_str(a, b.ptr) : NULL;
  nb_buf_release(&b);
  return r;
}

static const char *node_str(nb_article *a, const xmlNode *n) {
  nb_buf b = {0};
  text_of(n, &b);
  const char *r = b.len ? norm_str(a, b.ptr, b.len) : NULL;
  nb_buf_release(&b);
  return r;
}

/* ---- dates ---------------------------------------------------------------- */

static int month_of(const char *s) {
  static const char *m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                            "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; i++)
    if (strncasecmp(s, m[i], 3) == 0)
      return i + 1;
  return 0;
}

static int digits(const char *s, int n) {
  for (int i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i]))
      return 0;
  return 1;
}

int nb__date_iso(const char *s, char out[11]) {
  if (!s)
    return 0;
  while (isspace((unsigned char)*s))
    s++;
  int y = 0, m = 0, d = 0;
  if (digits(s, 4) && (s[4] == '-' || s[4] == '/') && digits(s + 5, 2) &&
      s[7] == s[4] && digits(s + 8, 2)) {
    y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  } else {
    /* RFC 822 ("Fri, 17 Mar 2023 10:00:00 GMT"), "17 March 2023",
     * "March 17, 2023", "Mar. 17 2023": find a day, a month name, a year. */
    const char *p = s;
    while (*p && !isdigit((unsigned char)*p) && !isalpha((unsigned char)*p))
      p++;
    for (int field = 0; *p && field < 6; field++) {
      while (*p && !isalnum((unsigned char)*p))
        p++;
      if (isdigit((unsigned char)*p)) {
        int v = atoi(p), len = 0;
        while (isdigit((unsigned char)p[len]))
          len++;
        if (len == 4 && !y)
          y = v;
        else if (len <= 2 && !d && p[len] != ':')
          d = v;
        p += len;
      } else if (isalpha((unsigned char)*p)) {
        if (!m)
          m = month_of(p);
        while (isalpha((unsigned char)*p))
          p++;
      }
      if (y && m && d)
        break;
    }
  }
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  char tmp[40];
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
  memcpy(out, tmp, 11);
  return 1;
}

static void set_date(nb_article *a, const char *s) {
  char iso[11];
  if (a->date || !s || !*s)
    return;
  if (nb__date_iso(s, iso))
    a->date = nb_article_str(a, iso);
  else
    a->date = norm_str(a, s, strlen(s));
}

/* ---- schema.org JSON-LD --------------------------------------------------- */

/* Decodes the JSON string starting at the quote *p into b; returns the end. */
static const char *json_string(const char *p, nb_buf *b) {
  if (*p != '"')
    return p;
  p++;
  while (*p && *p != '"') {
    if (*p != '\\') {
      nb_buf_putc(b, *p++);
      continue;
    }
    p++;
    char c = *p ? *p++ : 0;
    switch (c) {
    case 'n': nb_buf_putc(b, '\n'); break;
    case 't': nb_buf_putc(b, ' '); break;
    case 'r': case 'b': case 'f': break;
    case 'u': {
      unsigned cp = 0;
      if (!isxdigit((unsigned char)p[0]) ||
          !isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]) ||
          !isxdigit((unsigned char)p[3]))
        break;
      cp = (unsigned)strtoul((char[5]){p[0], p[1], p[2], p[3], 0}, NULL, 16);
      p += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u' &&
          isxdigit((unsigned char)p[2]) && isxdigit((unsigned char)p[3]) &&
          isxdigit((unsigned char)p[4]) && isxdigit((unsigned char)p[5])) {
        unsigned lo = (unsigned)strtoul(
            (char[5]){p[2], p[3], p[4], p[5], 0}, NULL, 16);
        if (lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
      }
      if ((cp >= 0xD800 && cp < 0xE000) || cp == 0)
        cp = 0xFFFD;
      char u[4];
      nb_buf_put(b, u, nb_utf8_encode(cp, u));
      break;
    }
    case 0: return p;
    default: nb_buf_putc(b, c);
    }
  }
  return *p ? p + 1 : p;
}

/* Finds "key": in js and decodes its value: a string, or for an object or
 * array the first "name" string inside it (schema.org author).  Returns 1
 * when b got something. */
static int json_get(const char *js, const char *key, nb_buf *b) {
  size_t kl = strlen(key);
  for (const char *p = js; (p = strchr(p, '"')); p++) {
    if (strncmp(p + 1, key, kl) != 0 || p[kl + 1] != '"')
      continue;
    const char *q = p + kl + 2;
    while (isspace((unsigned char)*q))
      q++;
    if (*q != ':')
      continue;
    q++;
    while (isspace((unsigned char)*q))
      q++;
    if (*q == '"') {
      json_string(q, b);
      return b->len > 0;
    }
    if (*q == '{' || *q == '[') {
      const char *end = q + strcspn(q, "}]");
      const char *nm = strstr(q, "\"name\"");
      if (nm && nm < end) {
        nm += 6;
        while (isspace((unsigned char)*nm) || *nm == ':')
          nm++;
        json_string(nm, b);
        return b->len > 0;
      }
    }
  }
  return 0;
}

/* ---- what gets dropped ---------------------------------------------------- */

/* Words in class and id that mark furniture.  "strong" ones are dropped
 * whatever they hold; the others only when they do not hold most of the
 * page's paragraph text, so that a page whose wrapper is called
 * "content has-sidebar" still works.  Structure does the real work; these
 * are hints, and pages in other languages do without them. */
static const char *const strong_neg[] = {
    "comment", "share", "sharing", "social", "related", "promo", "newsletter",
    "subscribe", "cookie", "consent", "gdpr", "advert", "sponsor", "outbrain",
    "taboola", "disqus", "recommend", "trending", "popular", "breadcrumb",
    "caption", "byline", "credit", "signup", "paywall", "popup", "modal",
    "toolbar", "sr-only", "visually-hidden", "screen-reader", NULL};
static const char *const weak_neg[] = {"sidebar", "footer", "header",
                                       "masthead", "navbar", "menu",
                                       "banner", "widget", "pagination",
                                       "pager", NULL};
/* whole tokens only: too short to match inside other words */
static const char *const neg_tokens[] = {
    "ad", "ads", "nav", "tags", "meta", "author", "skip", "more", "print",
    "hidden", "overlay", "rail", "aside", "extra", "legal", "tools",
    "dateline-meta", "cta", NULL};
static const char *const pos_words[] = {"article", "content", "story",
                                        "body",    "post",    "entry",
                                        "text",    "main",    "prose", NULL};

static int has_token(const char *s, const char *tok) {
  size_t tl = strlen(tok);
  for (const char *p = s; (p = strcasestr(p, tok)); p++) {
    int before = p == s || !isalnum((unsigned char)p[-1]);
    int after = !isalnum((unsigned char)p[tl]);
    if (before && after)
      return 1;
  }
  return 0;
}

static int has_word(const char *s, const char *const *list) {
  for (; *list; list++)
    if (strcasestr(s, *list))
      return 1;
  return 0;
}

/* 2: strong furniture, 1: weak furniture, 0: neither; *pos set on a
 * positive hint. */
static int hint_of(const xmlNode *n, int *pos) {
  const char *cl = attr(n, "class"), *id = attr(n, "id");
  char both[512];
  snprintf(both, sizeof both, "%s %s", cl ? cl : "", id ? id : "");
  *pos = has_word(both, pos_words);
  if (!cl && !id)
    return 0;
  if (has_word(both, strong_neg))
    return 2;
  if (has_word(both, weak_neg))
    return 1;
  for (const char *const *t = neg_tokens; *t; t++)
    if (has_token(both, *t))
      return 1;
  return 0;
}

/* A post embedded from a social network: the platforms hand out a
 * blockquote that ends with a link to the post ("— Name (@handle) June
 * 14, 2026"), and the page's script turns it into a card.  It is a card
 * beside the article, not its text; the article says what it needs of it. */
static int social_embed(const xmlNode *n) {
  static const char *const hosts[] = {
      "twitter.com/", "x.com/", "instagram.com/", "facebook.com/",
      "tiktok.com/", "threads.net/", "bsky.app/", "youtube.com/",
      "linkedin.com/", "reddit.com/", "mastodon.", NULL};
  xmlNode *c = n->children;
  const char *last = NULL;
  int depth = 0, seen = 0;
  while (c && depth < 32) {
    if (++seen > 500)
      return 0; /* an embed is a small card; a big quote is not one */
    if (is_elem(c) && tag_is(c, "a") && attr(c, "href"))
      last = attr(c, "href");
    c = next_node(n, c, is_elem(c), NULL, NULL, &depth);
  }
  if (!last)
    return 0;
  for (const char *const *h = hosts; *h; h++) {
    const char *p = strstr(last, *h);
    /* the host itself, not a path that mentions it */
    if (p && (p == last || p[-1] == '/' || p[-1] == '.'))
      return 1;
  }
  return 0;
}

static int hidden(const xmlNode *n) {
  const char *s;
  if (attr(n, "hidden"))
    return 1;
  if ((s = attr(n, "aria-hidden")) && strcmp(s, "true") == 0)
    return 1;
  if ((s = attr(n, "style")) &&
      (strcasestr(s, "display:none") || strcasestr(s, "display: none") ||
       strcasestr(s, "visibility:hidden") ||
       strcasestr(s, "visibility: hidden")))
    return 1;
  if ((s = attr(n, "role")) &&
      (strcmp(s, "navigation") == 0 || strcmp(s, "complementary") == 0 ||
       strcmp(s, "banner") == 0 || strcmp(s, "contentinfo") == 0 ||
       strcmp(s, "dialog") == 0 || strcmp(s, "alertdialog") == 0 ||
       strcmp(s, "search") == 0))
    return 1;
  return 0;
}


/* One page being read: the figures of its elements, and the blocks that
 * paragraphs scored for (the candidates for the body). */
typedef struct page {
  nstat *stats;
  size_t n_stats;
  int pass;           /* 1: first figures; 2: after dropping by hints */
  size_t total_ptext; /* paragraph text on the whole page */
  xmlNode **cands;
  size_t n_cands, cap_cands;
} page;


/* Every tag the reader treats specially, sorted for bsearch: one lookup per
 * element, then flags (a 1 MB page has some 30,000 elements). */
typedef struct tagdef {
  const char *name;
  unsigned short f;
} tagdef;

#define BL F_BLOCK
static const tagdef tag_table[] = {
    {"a", F_A | F_INLINE},  {"abbr", F_INLINE},
    {"address", BL},        {"article", BL},
    {"aside", F_DROP | F_BREAK},      {"audio", F_DROP},
    {"b", F_INLINE},        {"bdi", F_INLINE},
    {"bdo", F_INLINE},      {"blockquote", BL | F_BQ},
    {"body", BL | F_ROOT},  {"br", F_BR},
    {"button", F_DROP},     {"canvas", F_DROP},
    {"center", BL},         {"cite", F_INLINE},
    {"code", F_INLINE},     {"dd", BL},
    {"details", BL},        {"dfn", F_INLINE},
    {"dialog", F_DROP | F_BREAK},     {"div", BL | F_DIVSEC},
    {"dl", BL | F_LIST},    {"dt", BL},
    {"em", F_INLINE},       {"embed", F_DROP},
    {"fieldset", BL},       {"figcaption", F_DROP | F_BREAK},
    {"figure", F_DROP | F_BREAK},     {"footer", F_DROP | F_BREAK},
    {"form", F_DROP | F_BREAK},       {"h1", BL | F_H1},
    {"h2", BL | F_SHORTBLK}, {"h3", BL | F_SHORTBLK},
    {"h4", BL | F_SHORTBLK}, {"h5", BL},
    {"h6", BL},             {"head", F_DROP},
    {"header", F_DROP | F_BREAK},     {"hr", BL},
    {"html", BL | F_ROOT},  {"i", F_INLINE},
    {"iframe", F_DROP},     {"input", F_DROP},
    {"kbd", F_INLINE},      {"label", F_DROP},
    {"li", BL | F_SHORTBLK}, {"main", BL},
    {"map", F_DROP},        {"mark", F_INLINE},
    {"math", F_DROP},       {"menu", F_DROP | F_BREAK},
    {"nav", F_DROP | F_BREAK},        {"noscript", F_DROP},
    {"object", F_DROP},     {"ol", BL | F_LIST},
    {"p", BL | F_P | F_SHORTBLK}, {"picture", F_DROP},
    {"pre", BL | F_P},      {"q", F_INLINE},
    {"s", F_INLINE},        {"script", F_DROP},
    {"section", BL | F_DIVSEC}, {"select", F_DROP},
    {"small", F_INLINE},    {"strong", F_INLINE},
    {"style", F_DROP},      {"sub", F_INLINE},
    {"summary", BL},        {"sup", F_INLINE},
    {"svg", F_DROP},        {"table", BL},
    {"tbody", BL},          {"td", BL},
    {"template", F_DROP},   {"textarea", F_DROP},
    {"th", BL},             {"thead", BL},
    {"time", F_INLINE},     {"tr", BL},
    {"u", F_INLINE},        {"ul", BL | F_LIST},
    {"var", F_INLINE},      {"video", F_DROP},
    {"wbr", F_INLINE},
};
#undef BL

static int cmp_tag(const void *k, const void *t) {
  return strcmp(k, ((const tagdef *)t)->name);
}

static unsigned tag_flags(const xmlNode *n) {
  const tagdef *t = bsearch(n->name, tag_table,
                            sizeof tag_table / sizeof *tag_table,
                            sizeof *tag_table, cmp_tag);
  if (t)
    return t->f;
  /* AMP's own elements: ads, share buttons, sidebars, carousels */
  if (strncmp((const char *)n->name, "amp-", 4) == 0)
    return F_DROP;
  return 0;
}

static int has_block_child(const xmlNode *n) {
  return ST(n)->blockkids;
}

/* Pass 1/2, before children: mark drops, reset figures. */
static int pre_stats(xmlNode *n, void *ud) {
  page *pg = ud;
  if (!is_elem(n))
    return 0;
  nstat *s = ST(n);
  if (pg->pass == 1) {
    if (s->f & F_DROP)
      s->removed = 1;
    else if (n->properties && hidden(n))
      s->removed = 1;
    else if ((s->f & F_BQ) && social_embed(n))
      s->removed = 1;
    else if (n->properties && !(s->f & (F_ROOT | F_INLINE))) {
      int pos;
      int h = hint_of(n, &pos);
      if (h == 2)
        s->removed = 2;
      else if (h == 1)
        s->unlikely = 1;
    }
  }
  nstat keep = *s;
  memset(s, 0, sizeof *s);
  s->removed = keep.removed;
  s->unlikely = keep.unlikely;
  s->f = keep.f;
  s->blockkids = keep.blockkids;
  s->imgkid = keep.imgkid;
  return !s->removed;
}

static void count_text(nstat *s, const char *t) {
  for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
    if (*p > ' ')
      s->text++;
    if (*p == ',')
      s->commas++;
    /* U+3001 ideographic comma, U+FF0C fullwidth comma */
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81)
      s->commas++;
    if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
      s->commas++;
  }
}

/* After children: the element's figures go up to its parent. */
static void post_stats(xmlNode *n, void *ud) {
  (void)ud;
  xmlNode *par = n->parent;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (is_elem(par) && n->content) {
      nstat t = {0};
      count_text(&t, (const char *)n->content);
      nstat *ps = ST(par);
      ps->text += t.text;
      ps->commas += t.commas;
      ps->own += t.text;
      ps->own_commas += t.commas;
    }
    return;
  }
  if (!is_elem(n))
    return;
  nstat *s = ST(n);
  if (s->removed)
    return;
  if (s->f & F_A)
    s->link = s->own_link = s->text;
  int para = (s->f & F_P) ||
             ((s->f & (F_DIVSEC | F_BQ)) && !has_block_child(n));
  if (para && s->text >= 25) {
    s->ptext = s->text;
    s->paras++;
  }
  if (is_elem(par)) {
    nstat *ps = ST(par);
    ps->text += s->text;
    ps->link += s->link;
    ps->commas += s->commas;
    ps->ptext += s->ptext;
    ps->paras += s->paras;
    if (!(s->f & F_BLOCK)) { /* inline: its loose text is the parent's */
      ps->own += s->blockkids ? s->own : s->text;
      ps->own_link += s->blockkids ? s->own_link : s->link;
      ps->own_commas += s->blockkids ? s->own_commas : s->commas;
    }
  }
}

static double link_density(const xmlNode *n) {
  const nstat *s = ST(n);
  return s->text ? (double)s->link / (double)s->text : 0;
}

/* ---- metadata ------------------------------------------------------------- */

typedef struct meta {
  const xmlNode *h1, *title, *byline_el, *author_el, *rel_author, *time_el;
  const char *og_title, *site_name, *author, *pub_time, *date, *ip_date;
  const char *canonical, *og_url;
  nb_buf ld; /* all JSON-LD text, concatenated */
} meta;

static int pre_meta(xmlNode *n, void *ud) {
  meta *m = ud;
  if (!is_elem(n))
    return 0;
  const char *name = (const char *)n->name;
  const char *prop = attr(n, "property"), *nm = attr(n, "name"),
             *content = attr(n, "content"), *ip = attr(n, "itemprop");
  if (strcmp(name, "meta") == 0 && content) {
    const char *k = prop ? prop : nm ? nm : "";
    if (!strcasecmp(k, "og:title") && !m->og_title)
      m->og_title = content;
    else if (!strcasecmp(k, "og:site_name") && !m->site_name)
      m->site_name = content;
    else if (!strcasecmp(k, "og:url") && !m->og_url)
      m->og_url = content;
    else if ((!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
              !strcasecmp(k, "dc.creator") || !strcasecmp(k, "sailthru.author") ||
              !strcasecmp(k, "parsely-author")) &&
             !m->author && !strstr(content, "://"))
      m->author = content;
    else if ((!strcasecmp(k, "article:published_time") ||
              !strcasecmp(k, "og:published_time")) &&
             !m->pub_time)
      m->pub_time = content;
    else if ((!strcasecmp(k, "date") || !strcasecmp(k, "pubdate") ||
              !strcasecmp(k, "publishdate") || !strcasecmp(k, "publish-date") ||
              !strcasecmp(k, "dc.date") || !strcasecmp(k, "dc.date.issued") ||
              !strcasecmp(k, "dcterms.created") ||
              !strcasecmp(k, "dcterms.date") || !strcasecmp(k, "sailthru.date") ||
              !strcasecmp(k, "parsely-pub-date")) &&
             !m->date)
      m->date = content;
  }
  if (ip && !strcasecmp(ip, "datePublished") && !m->ip_date) {
    const char *v = content ? content : attr(n, "datetime");
    if (v)
      m->ip_date = v;
  }
  if (ip && !strcasecmp(ip, "author") && !m->author_el)
    m->author_el = n;
  if (strcmp(name, "link") == 0) {
    const char *rel = attr(n, "rel"), *href = attr(n, "href");
    if (rel && href && !strcasecmp(rel, "canonical") && !m->canonical)
      m->canonical = href;
  }
  if (strcmp(name, "a") == 0 && !m->rel_author) {
    const char *rel = attr(n, "rel");
    if (rel && has_token(rel, "author"))
      m->rel_author = n;
  }
  if (strcmp(name, "h1") == 0 && !m->h1)
    m->h1 = n;
  if (strcmp(name, "title") == 0 && !m->title)
    m->title = n;
  if (strcmp(name, "time") == 0 && !m->time_el && attr(n, "datetime"))
    m->time_el = n;
  if (!m->byline_el) {
    const char *cl = attr(n, "class");
    if (cl && (strcasestr(cl, "byline") || has_token(cl, "author")) &&
        !tag_is(n, "body") && !tag_is(n, "article"))
      m->byline_el = n;
  }
  if (strcmp(name, "script") == 0) {
    const char *t = attr(n, "type");
    if (t && strcasestr(t, "ld+json")) {
      for (const xmlNode *c = n->children; c; c = c->next)
        if (c->content)
          nb_buf_puts(&m->ld, (const char *)c->content);
      nb_buf_putc(&m->ld, '\n');
    }
    return 0;
  }
  return 1;
}

/* "Title | Site", "Title - Site", "Title — Site": drop a short trailing
 * part (a site name), or exactly the og:site_name. */
static void strip_site(char *t, const char *site) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ",
                                     " \xE2\x80\x93 ", " :: ", " \xC2\xB7 ",
                                     "\xEF\xBD\x9C", /* fullwidth | */
                                     NULL};
  for (const char *const *s = seps; *s; s++) {
    char *last = NULL;
    for (char *p = t; (p = strstr(p, *s)); p++)
      last = p;
    if (!last || last == t)
      continue;
    const char *tail = last + strlen(*s);
    int words = 1;
    for (const char *q = tail; *q; q++)
      words += *q == ' ';
    if ((site && !strcasecmp(tail, site)) || (!site && words <= 4)) {
      *last = 0;
      return;
    }
  }
  /* "Site :: Title", "Site | Title": a short name in front */
  for (const char *const *s = seps; *s; s++) {
    char *first = strstr(t, *s);
    if (!first || first == t)
      continue;
    size_t pl = (size_t)(first - t);
    int words = 1, rest = 1;
    for (const char *q = t; q < first; q++)
      words += *q == ' ';
    const char *body = first + strlen(*s);
    for (const char *q = body; *q; q++)
      rest += *q == ' ';
    if ((site && strlen(site) == pl && !strncasecmp(t, site, pl)) ||
        (!site && words <= 3 && rest >= 3)) {
      memmove(t, body, strlen(body) + 1);
      return;
    }
  }
}

static const char *clean_byline(nb_article *a, const char *s) {
  if (!s)
    return NULL;
  while (isspace((unsigned char)*s))
    s++;
  if (!strncasecmp(s, "by ", 3))
    s += 3;
  size_t n = strlen(s);
  if (n == 0 || n > 100)
    return NULL;
  return norm_str(a, s, n);
}

static void fill_meta(nb_article *a, meta *m) {
  nb_buf b = {0};
  /* title */
  if (m->og_title && *m->og_title) {
    const char *nt = norm_str(a, m->og_title, strlen(m->og_title));
    char *t = nb_xstrdup(nt ? nt : "");
    if (m->site_name)
      strip_site(t, m->site_name);
    if (*t)
      a->title = nb_article_str(a, t);
    free(t);
  }
  if (!a->title && m->h1)
    a->title = node_str(a, m->h1);
  if (!a->title && m->ld.len && json_get(m->ld.ptr, "headline", &b))
    a->title = norm_str(a, b.ptr, b.len);
  nb_buf_clear(&b);
  if (!a->title && m->title) {
    const char *t = node_str(a, m->title);
    if (t) {
      char *c = nb_xstrdup(t);
      strip_site(c, m->site_name);
      a->title = nb_article_str(a, c);
      free(c);
    }
  }
  /* byline */
  a->byline = clean_byline(a, m->author);
  if (!a->byline && m->rel_author)
    a->byline = clean_byline(a, node_str(a, m->rel_author));
  if (!a->byline && m->author_el) {
    const char *c = attr(m->author_el, "content");
    a->byline = clean_byline(a, c ? c : node_str(a, m->author_el));
  }
  if (!a->byline && m->byline_el)
    a->byline = clean_byline(a, node_str(a, m->byline_el));
  if (!a->byline && m->ld.len && json_get(m->ld.ptr, "author", &b))
    a->byline = clean_byline(a, b.ptr);
  nb_buf_clear(&b);
  /* date */
  set_date(a, m->pub_time);
  set_date(a, m->date);
  set_date(a, m->ip_date);
  if (!a->date && m->ld.len && json_get(m->ld.ptr, "datePublished", &b))
    set_date(a, b.ptr);
  nb_buf_clear(&b);
  if (m->time_el)
    set_date(a, attr(m->time_el, "datetime"));
  /* link */
  if (m->canonical && *m->canonical)
    a->link = norm_str(a, m->canonical, strlen(m->canonical));
  else if (m->og_url && *m->og_url)
    a->link = norm_str(a, m->og_url, strlen(m->og_url));
  nb_buf_release(&b);
}

/* ---- scoring -------------------------------------------------------------- */

static double tag_weight(const xmlNode *n) {
  static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd",
                                       "dt", "li", NULL};
  static const char *const minus5[] = {"h1", "h2", "h3", "h4", "h5", "h6",
                                       "th", NULL};
  if (tag_is(n, "div") || tag_is(n, "article") || tag_is(n, "main") ||
      tag_is(n, "section"))
    return 5;
  if (tag_is(n, "pre") || tag_is(n, "td") || tag_is(n, "blockquote"))
    return 3;
  if (tag_in(n, minus3))
    return -3;
  if (tag_in(n, minus5))
    return -5;
  return 0;
}

static void init_cand(page *pg, xmlNode *n) {
  nstat *s = ST(n);
  if (s->scored)
    return;
  s->scored = 1;
  int pos = 0;
  int h = hint_of(n, &pos);
  /* class and id hints nudge; paragraphs decide (a "text" or "main" class
   * on one comment box or on the page wrapper must not outweigh them) */
  s->score = tag_weight(n) + (pos ? 10 : 0) - (h ? 25 : 0);
  const char *ip = attr(n, "itemprop");
  if (ip && strcasestr(ip, "articleBody"))
    s->score += 50;
  if (pg->n_cands == pg->cap_cands) {
    pg->cap_cands = pg->cap_cands ? pg->cap_cands * 2 : 64;
    pg->cands = nb_xrealloc(pg->cands, pg->cap_cands * sizeof *pg->cands);
  }
  pg->cands[pg->n_cands++] = n;
}

static int pre_score(xmlNode *n, void *ud) {
  page *pg = ud;
  if (!is_elem(n) || ST(n)->removed)
    return 0;
  nstat *s = ST(n);
  int para = (s->f & F_P) || ((s->f & F_DIVSEC) && !has_block_child(n));
  size_t len = s->text, commas = s->commas;
  xmlNode *anc = n->parent;
  if (!para || len < 25) {
    /* Loose text beside blocks, or in a cell: old layouts write
     * paragraphs as text between <br>s.  It scores for the element that
     * holds it. */
    if (!(s->f & F_BLOCK) || (s->f & (F_ROOT | F_SHORTBLK | F_H1 | F_LIST)) ||
        s->own < s->own_link + 25)
      return 1;
    len = s->own - s->own_link;
    commas = s->own_commas;
    anc = n;
  }
  double score = 1 + (double)commas + (len / 100 < 3 ? (double)(len / 100) : 3);
  for (int level = 0; level < 5 && is_elem(anc); level++, anc = anc->parent) {
    if (tag_is(anc, "html"))
      break;
    init_cand(pg, anc);
    double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
    ST(anc)->score += score / div;
  }
  return 1;
}

/* ---- emitting paragraphs -------------------------------------------------- */

/* For each paragraph of the article, the blockquote it came from (NULL
 * for none): a pull quote is dropped whole, its attribution with it. */
typedef struct groups {
  const xmlNode **of;
  size_t n, cap;
} groups;

typedef struct emit {
  nb_article *a;
  nb_buf cur;
  int br;
  int in_a;               /* inside how many <a> */
  const xmlNode *root;    /* the block being emitted */
  size_t text, link_text; /* non-space bytes in cur, and inside links */
  const xmlNode *bq;      /* the outermost blockquote we are inside */
  groups *g;
} emit;

static void flush(emit *em) {
  /* a line that is nearly all links ("Printer friendly version | Email
   * this story", "Other stories: ...") is navigation, not the article */
  int links = em->link_text * 10 > em->text * 8 && em->text < 200;
  if (em->cur.len && !links) {
    fix_c1(&em->cur);
    size_t before = em->a->n_paras;
    nb_article_add_para(em->a, em->cur.ptr, em->cur.len);
    groups *g = em->g;
    if (g && em->a->n_paras > before) {
      if (g->cap < em->a->n_paras) {
        g->cap = em->a->n_paras * 2;
        g->of = nb_xrealloc(g->of, g->cap * sizeof *g->of);
      }
      while (g->n < before) /* paragraphs that came some other way */
        g->of[g->n++] = NULL;
      g->n = before;
      g->of[g->n++] = em->bq;
    }
  }
  nb_buf_clear(&em->cur);
  em->br = 0;
  em->text = em->link_text = 0;
}

/* Lists and boxes that are mostly links (related stories, tag lists, "read
 * more" lines) are furniture even inside the body. */
/* Whether the first words under n are a link's (a teaser card: headline
 * link, then a line of summary). */
static int starts_with_link(const xmlNode *n) {
  xmlNode *c = n->children;
  int depth = 0;
  while (c && depth < 16) {
    if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar *t = c->content; *t; t++)
        if (!isspace(*t)) {
          for (const xmlNode *p = c->parent; p && p != n->parent; p = p->parent)
            if (is_elem(p) && (ST(p)->f & F_A))
              return 1;
          return 0;
        }
    }
    c = next_node(n, c, is_elem(c) && !ST(c)->removed, NULL, NULL, &depth);
  }
  return 0;
}

/* A box of teasers inside the body ("Read also": cards that each open with
 * a headline link): two or more such children, and most of them. */
static int teaser_box(const xmlNode *n) {
  int kids = 0, cards = 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is_elem(c) || ST(c)->removed || !ST(c)->text)
      continue;
    kids++;
    if ((ST(c)->f & F_BLOCK) && ST(c)->link && starts_with_link(c))
      cards++;
  }
  return cards >= 2 && cards * 3 >= kids * 2;
}

static int link_furniture(const xmlNode *n) {
  const nstat *s = ST(n);
  if (!s->text)
    return 0;
  /* an image with a line under it, whatever the box is called: a caption
   * and a credit */
  if ((s->f & F_DIVSEC) && s->imgkid && s->text < 250 && s->paras <= 1)
    return 1;
  if ((s->f & (F_DIVSEC | F_LIST)) && s->link && s->text < 1000 &&
      teaser_box(n))
    return 1;
  double ld = link_density(n);
  if (s->f & F_LIST)
    return ld > 0.5;
  if (s->f & F_SHORTBLK)
    return ld > 0.8 && s->text < 200;
  if (s->f & F_BLOCK)
    return ld > 0.5 && s->paras < 3;
  return 0;
}

/* A box of two or more short lines and not one sentence among them ("Watch
 * next" over a video's title, "Advertisement" over "Story continues
 * below"): a module's labels between paragraphs.  A subheading is one
 * line, a paragraph has a sentence. */
static int label_box(const xmlNode *n) {
  const nstat *s = ST(n);
  if (!(s->f & F_DIVSEC) || !s->blockkids || !s->text || s->text >= 120)
    return 0;
  int lines = 0;
  for (const xmlNode *c = n->children; c; c = c->next)
    if (is_elem(c) && !ST(c)->removed && ST(c)->text &&
        (ST(c)->f & F_BLOCK))
      lines++;
  if (lines < 2)
    return 0;
  nb_buf t = {0};
  text_of(n, &t);
  int sentence = t.ptr && strpbrk(t.ptr, ".!?;") != NULL;
  if (t.ptr && !sentence)
    /* the full stops of other scripts: 。 ！ ？ */
    sentence = strstr(t.ptr, "\xE3\x80\x82") || strstr(t.ptr, "\xEF\xBC\x81") ||
               strstr(t.ptr, "\xEF\xBC\x9F");
  nb_buf_release(&t);
  return !sentence;
}

static int pre_emit(xmlNode *n, void *ud) {
  emit *em = ud;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    const char *t = (const char *)n->content;
    if (!t)
      return 0;
    nb_buf_puts(&em->cur, t);
    for (; *t; t++)
      if (!isspace((unsigned char)*t)) {
        em->br = 0;
        em->text++;
        if (em->in_a)
          em->link_text++;
      }
    return 0;
  }
  if (!is_elem(n))
    return 0;
  nstat *s = ST(n);
  if (s->f & F_A)
    em->in_a++; /* post_emit, called for every element, undoes it */
  if (s->removed || (s->f & F_H1))
    return 0;
  if (s->f & F_BR) {
    if (em->br)
      flush(em);
    else {
      nb_buf_putc(&em->cur, ' ');
      em->br = 1;
    }
    return 0;
  }
  if (s->f & F_BLOCK) {
    flush(em);
    if (n != em->root && (link_furniture(n) || label_box(n)))
      return 0;
    if ((s->f & F_BQ) && !em->bq)
      em->bq = n;
  }
  return 1;
}

static void post_emit(xmlNode *n, void *ud) {
  emit *em = ud;
  if (is_elem(n) && (ST(n)->f & F_A))
    em->in_a--;
  if (is_elem(n) && (ST(n)->f & F_BLOCK)) {
    flush(em);
    if (n == em->bq)
      em->bq = NULL;
  }
}

/* A short line with the word for advertisement in it, in one of several
 * languages: the label over an ad slot ("Publicidade", "Story continues
 * below advertisement", "Lesen Sie weiter nach der Anzeige").  Not a
 * sentence: a line that ends with a full stop and says more than two
 * words is text about advertising. */
static int ad_label(const char *p, size_t n) {
  static const char *const ad[] = {
      "advertisement", "advertising", "advert", "anzeige", "werbung",
      "publicidade", "publicidad", "publicit\xC3\xA9", "publicite",
      "pubblicit\xC3\xA0", "reklame", "reklama", "reclame", "advertentie",
      "annonce", "annonse", "mainos", "hirdet\xC3\xA9s",
      "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", /* реклама */
      "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", /* Реклама */
      "\xE5\xBA\x83\xE5\x91\x8A",                                 /* 広告 */
      "\xE5\xB9\xBF\xE5\x91\x8A",                                 /* 广告 */
      "\xEA\xB4\x91\xEA\xB3\xA0",                                 /* 광고 */
      NULL};
  if (n > 60)
    return 0;
  int words = 1;
  for (size_t i = 0; i < n; i++)
    words += p[i] == ' ';
  if (words > 6)
    return 0;
  size_t full = strlen(p);
  char last = full ? p[full - 1] : 0;
  if ((last == '.' || last == '!' || last == '?') && words > 2)
    return 0;
  for (const char *const *w = ad; *w; w++) {
    size_t wl = strlen(*w);
    for (const char *q = p; (q = strcasestr(q, *w)) && q < p + n; q++) {
      int before = q == p || !isalnum((unsigned char)q[-1]);
      int after = !isalnum((unsigned char)q[wl]);
      if (before && after)
        return 1;
    }
  }
  return 0;
}

/* Short lines that are site furniture in any body (a small list in a few
 * languages; the structural tests catch the rest). */
static int boiler(const char *p) {
  static const char *const words[] = {
      "advertisement", "advertising", "anzeige", "werbung", "publicit\xC3\xA9",
      "publicit\xC3\x89", "reklame", "annonce",
      "publicidad", "pubblicit\xC3\xA0", "sponsored", "share", "share this",
      "share this article", "read more", "related", "skip to content",
      "continue reading", NULL};
  size_t n = strlen(p);
  while (n && (p[n - 1] == ':' || p[n - 1] == '.'))
    n--;
  if (n > 40)
    return 0;
  for (const char *const *w = words; *w; w++)
    if (strlen(*w) == n && !strncasecmp(p, *w, n))
      return 1;
  return ad_label(p, n);
}

/* A short line before the first real paragraph that names the author or
 * gives a date ("Ola Berntsen · Follow · 7 min read · Apr 3, 2022") is the
 * article's metadata, not its text. */
static int meta_line(const nb_article *a, const char *p) {
  size_t n = strlen(p);
  if (n > 100)
    return 0;
  if (a->byline && strlen(a->byline) > 3 && strstr(p, a->byline))
    return 1;
  char iso[11];
  int words = 1;
  for (const char *q = p; *q; q++)
    words += *q == ' ';
  return words <= 12 && nb__date_iso(p, iso) && !strchr(p, '.');
}

static void drop_boiler(nb_article *a) {
  size_t o = 0;
  int lead = 1; /* before the first paragraph of real length */
  for (size_t i = 0; i < a->n_paras; i++) {
    const char *p = a->paras[i];
    if (boiler(p))
      continue;
    if (strlen(p) > 100)
      lead = 0;
    if (lead && meta_line(a, p))
      continue;
    /* the headline again, alone or with a date ("Mill fire: owners plan
     * to rebuild Posted 12/03/2019") */
    if (a->title && i < 2 && !strncmp(p, a->title, strlen(a->title)) &&
        strlen(p) < strlen(a->title) + 40)
      continue;
    /* "By Jane Doe" left in the body when no class said byline */
    if (!strncmp(p, "By ", 3) && strlen(p) < 60 && !strchr(p, '.')) {
      int words = 1;
      for (const char *q = p; *q; q++)
        words += *q == ' ';
      if (words <= 7)
        continue;
    }
    a->paras[o++] = p;
  }
  a->n_paras = o;
}

/* Appends p's words to b, lowercased, one space between them: typography
 * (curly quotes, dashes, ellipses) and ASCII punctuation do not count, so
 * a pull quote matches the sentence it repeats. */
static void key_of(const char *p, nb_buf *b) {
  const unsigned char *s = (const unsigned char *)p;
  size_t start = b->len;
  int sp = 1;
  while (*s) {
    size_t k = 1;
    int word;
    if (*s < 0x80) {
      word = isalnum(*s);
    } else {
      unsigned cp = 0;
      if ((*s >> 5) == 6 && s[1])
        cp = ((*s & 0x1Fu) << 6) | (s[1] & 0x3Fu), k = 2;
      else if ((*s >> 4) == 14 && s[1] && s[2])
        cp = ((*s & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu),
        k = 3;
      else if ((*s >> 3) == 30 && s[1] && s[2] && s[3])
        cp = 0x10000, k = 4;
      /* Latin-1 punctuation, general punctuation, CJK punctuation,
       * fullwidth ASCII punctuation */
      word = !((cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
               (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
               cp == 0xD7 || cp == 0xF7);
    }
    if (!word) {
      if (!sp)
        nb_buf_putc(b, ' ');
      sp = 1;
    } else {
      for (size_t i = 0; i < k; i++)
        nb_buf_putc(b, (char)(k == 1 ? tolower(s[i]) : s[i]));
      sp = 0;
    }
    s += k;
  }
  if (b->len > start && b->ptr[b->len - 1] == ' ')
    b->ptr[--b->len] = 0; /* "night." and "night," end alike */
}

/* Text that repeats the body's own words: a pull quote (a blockquote whose
 * words stand elsewhere in the body, with its attribution), or a short
 * paragraph that is part of a longer one.  The first telling stays.
 * Bounded: few checks, and only on bodies of ordinary size. */
static void drop_repeats(nb_article *a, const groups *g) {
  size_t total = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    total += strlen(a->paras[i]);
  if (a->n_paras < 2 || total > (128u << 10))
    return;
  nb_buf all = {0};
  size_t *at = nb_xcalloc(a->n_paras + 1, sizeof *at);
  for (size_t i = 0; i < a->n_paras; i++) {
    at[i] = all.len;
    key_of(a->paras[i], &all);
    nb_buf_putc(&all, '\n');
  }
  at[a->n_paras] = all.len;
  unsigned char *drop = nb_xcalloc(a->n_paras, 1);
  int checks = 0;
  for (size_t i = 0; i < a->n_paras; i++) {
    const xmlNode *grp = g && i < g->n ? g->of[i] : NULL;
    size_t len = at[i + 1] - at[i] - 1;
    if (len < 20 || (!grp && (len < 40 || len > 300)) || drop[i] ||
        checks >= 64)
      continue;
    checks++;
    char *key = nb_xcalloc(len + 1, 1); /* this paragraph's words */
    memcpy(key, all.ptr + at[i], len);
    key[len] = 0;
    int found = 0;
    for (const char *p = all.ptr; !found && (p = strstr(p, key)); p++) {
      size_t off = (size_t)(p - all.ptr), j = 0;
      size_t lo = 0, hi = a->n_paras; /* the paragraph holding off */
      while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (at[mid] <= off)
          lo = mid;
        else
          hi = mid;
      }
      j = lo;
      /* whole words only */
      if ((off > 0 && p[-1] != ' ' && p[-1] != '\n') ||
          (p[len] != ' ' && p[len] != '\n'))
        continue;
      if (j == i || drop[j] || (grp && j < g->n && g->of[j] == grp))
        continue;
      size_t jlen = at[j + 1] - at[j] - 1;
      found = jlen > len || (jlen == len && j < i);
    }
    free(key);
    if (!found)
      continue;
    if (grp) {
      for (size_t j = 0; j < a->n_paras && j < g->n; j++)
        if (g->of[j] == grp)
          drop[j] = 1;
    } else {
      drop[i] = 1;
    }
  }
  size_t o = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    if (!drop[i])
      a->paras[o++] = a->paras[i];
  a->n_paras = o;
  free(drop);
  free(at);
  nb_buf_release(&all);
}

static size_t body_len(const nb_article *a) {
  size_t n = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    n += strlen(a->paras[i]);
  return n;
}

static void emit_node(nb_article *a, xmlNode *n, groups *g) {
  emit em = {a, {0}, 0, 0, NULL, 0, 0, NULL, g};
  em.root = n;
  walk(n, pre_emit, post_emit, &em);
  flush(&em);
  nb_buf_release(&em.cur);
}

/* ---- the page ------------------------------------------------------------- */

static int pre_count(xmlNode *n, void *ud) {
  if (!is_elem(n))
    return 0;
  (*(size_t *)ud)++;
  return 1;
}

static int pre_assign(xmlNode *n, void *ud) {
  page *pg = ud;
  if (!is_elem(n))
    return 0;
  nstat *s = &pg->stats[pg->n_stats++];
  n->_private = s;
  s->f = (unsigned short)tag_flags(n);
  if ((s->f & F_BLOCK) && is_elem(n->parent) && n->parent->_private)
    ST(n->parent)->blockkids = 1;
  if ((tag_is(n, "img") || tag_is(n, "picture") || tag_is(n, "amp-img")) &&
      is_elem(n->parent) && n->parent->_private)
    ST(n->parent)->imgkid = 1;
  return 1;
}

static int pre_protect(xmlNode *n, void *ud) {
  page *pg = ud;
  if (!is_elem(n))
    return 0;
  nstat *s = ST(n);
  if (s->removed)
    return 0;
  if (s->unlikely) {
    /* a "furniture" name on the block that holds the text is a misnomer */
    if (s->ptext * 10 < pg->total_ptext * 4) {
      s->removed = 2;
      return 0;
    }
  }
  return 1;
}

static xmlNode *find_root(xmlDoc *doc, const char *tag) {
  xmlNode *r = xmlDocGetRootElement(doc);
  if (!r)
    return NULL;
  if (tag_is(r, tag))
    return r;
  for (xmlNode *c = r->children; c; c = c->next)
    if (tag_is(c, tag))
      return c;
  return r;
}

static void prepare(page *pg, xmlNode *root) {
  size_t n = 0;
  walk(root, pre_count, NULL, &n);
  pg->stats = nb_xcalloc(n ? n : 1, sizeof *pg->stats);
  pg->n_stats = 0;
  walk(root, pre_assign, NULL, pg);
  pg->pass = 1;
  walk(root, pre_stats, post_stats, pg);
  pg->total_ptext = ST(root)->ptext;
  walk(root, pre_protect, NULL, pg);
  pg->pass = 2;
  walk(root, pre_stats, post_stats, pg);
}

/* Chooses the body: the best-scoring block, with the siblings that belong
 * to it (a body split by advertisement slots), and emits its paragraphs. */
static void extract_body(nb_article *a, page *pg, xmlNode *body,
                         groups *g) {
  walk(body, pre_score, NULL, pg);
  xmlNode *best = NULL;
  double best_s = 0;
  for (size_t i = 0; i < pg->n_cands; i++) {
    xmlNode *c = pg->cands[i];
    nstat *s = ST(c);
    s->score *= 1 - link_density(c);
    /* one paragraph in a box (a comment, a teaser) against several in
     * another: the body is where paragraphs gather */
    if (s->paras == 1)
      s->score *= 0.5;
    if (!best || s->score > best_s)
      best = c, best_s = s->score;
  }
  if (!best) {
    emit_node(a, body, g);
    return;
  }
  /* A parent whose only content is this block is the same block. */
  while (best->parent && is_elem(best->parent) && best->parent != body &&
         ST(best->parent)->text <= ST(best)->text + ST(best)->text / 20 &&
         !tag_is(best->parent, "body"))
    best = best->parent;
  xmlNode *par = best->parent;
  if (!is_elem(par) || best == body) {
    emit_node(a, best, g);
    return;
  }
  double thresh = best_s * 0.2 > 10 ? best_s * 0.2 : 10;
  const char *bcl = attr(best, "class");
  int after = 0;
  for (xmlNode *s = par->children; s; s = s->next) {
    if (!is_elem(s) || ST(s)->removed)
      continue;
    if (s == best)
      after = 1;
    int take = s == best;
    if (!take) {
      nstat *st = ST(s);
      double sc = st->scored ? st->score : 0;
      const char *cl = attr(s, "class");
      int same = bcl && cl && *bcl && !strcmp(bcl, cl);
      if (same)
        sc += best_s * 0.2;
      /* A sibling with more paragraphs and more text than the chosen
       * block, which still scored lower, holds its text in some other
       * shape (a thread of replies, a column of teasers): the chosen
       * block's rival, not its continuation.  The pieces of a body cut by
       * advertisement slots are each smaller than the whole. */
      int rival = !same && st->paras > ST(best)->paras &&
                  st->text > ST(best)->text;
      if (st->scored && sc >= thresh && !rival)
        take = 1;
      else if (tag_is(s, "p") || (tag_is(s, "div") && !has_block_child(s))) {
        double ld = link_density(s);
        size_t len = st->text;
        if (len > 80 && ld < 0.25)
          take = 1;
        else if (len > 0 && len <= 80 && ld == 0 && after) {
          /* a short line before the body is a standfirst, a disclosure
           * or a credit more often than text */
          nb_buf t = {0};
          text_of(s, &t);
          take = strstr(t.ptr ? t.ptr : "", ". ") != NULL ||
                 (t.len && t.ptr[t.len - 1] == '.');
          nb_buf_release(&t);
        }
      }
    }
    if (take)
      emit_node(a, s, g);
  }
}

static xmlDoc *parse(const char *data, size_t len, const char *encoding) {
  if (len > INT_MAX)
    return NULL;
  int opts = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  xmlDoc *d = htmlReadMemory(data, (int)len, NULL, encoding, opts);
  if (!d && encoding) /* a charset libxml2 does not know: let it guess */
    d = htmlReadMemory(data, (int)len, NULL, NULL, opts);
  return d;
}

/* libxml2 must not print; the one error worth telling the user about is
 * its depth limit (256 nested elements), past which the page is cut. */
static void quiet_error(void *ud, xmlErrorPtr err) {
  int *too_deep = ud;
  if (too_deep && err && err->message &&
      strstr(err->message, "Excessive depth"))
    *too_deep = 1;
}

void nb__html_fragment(nb_article *a, const char *html, size_t len) {
  if (len > INT_MAX)
    return;
  xmlSetStructuredErrorFunc(NULL, quiet_error);
  xmlDoc *doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                                   HTML_PARSE_COMPACT);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (root) {
    page pg = {0};
    prepare(&pg, root);
    groups g = {0};
    emit_node(a, find_root(doc, "body"), &g);
    drop_repeats(a, &g);
    free(g.of);
    drop_boiler(a);
    free(pg.stats);
    free(pg.cands);
  }
  xmlFreeDoc(doc);
}

char *nb__html_text(const char *html, size_t len) {
  nb_article *a = nb_article_new(NULL);
  nb__html_fragment(a, html, len);
  nb_buf b = {0};
  for (size_t i = 0; i < a->n_paras; i++) {
    if (i)
      nb_buf_putc(&b, ' ');
    nb_buf_puts(&b, a->paras[i]);
  }
  nb_article_free(a);
  return b.len ? nb_buf_detach(&b) : (nb_buf_release(&b), NULL);
}

nb_status nb_input_html(const char *source, const char *data, size_t len,
                        nb_article_list *out, nb_err *e) {
  return nb__html_read(source, data, len, NULL, out, e);
}

nb_status nb__html_read(const char *source, const char *data, size_t len,
                        const char *encoding, nb_article_list *out,
                        nb_err *e) {
  if (len > INT_MAX)
    return nb_err_set(e, NB_PARSE, "%s: page too large for the HTML parser",
                      source);
  if (memchr(data, 0, len) &&
      !(len > 1 && (((const unsigned char *)data)[0] == 0xFF ||
                    ((const unsigned char *)data)[0] == 0xFE)))
    return nb_err_set(e, NB_PARSE, "%s: binary data, not HTML", source);
  int too_deep = 0;
  xmlSetStructuredErrorFunc(&too_deep, quiet_error);
  xmlDoc *doc = parse(data, len, encoding);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root) {
    xmlFreeDoc(doc);
    return nb_err_set(e, NB_EMPTY, "%s: no article text found", source);
  }
  nb_article *a = nb_article_new(source);
  meta m = {0};
  walk(root, pre_meta, NULL, &m);
  fill_meta(a, &m);

  page pg = {0};
  prepare(&pg, root);
  groups g = {0};
  extract_body(a, &pg, find_root(doc, "body"), &g);
  drop_repeats(a, &g);
  free(g.of);
  drop_boiler(a);

  /* schema.org articleBody: the page may be an app shell with the text only
   * in its metadata, or carry a teaser in the markup. */
  nb_buf b = {0};
  if (m.ld.len && json_get(m.ld.ptr, "articleBody", &b) &&
      b.len > body_len(a) * 2 && body_len(a) < 600) {
    fix_c1(&b);
    a->n_paras = 0;
    size_t start = 0;
    for (size_t i = 0; i <= b.len; i++)
      if (i == b.len || b.ptr[i] == '\n') {
        nb_article_add_para(a, b.ptr + start, i - start);
        start = i + 1;
      }
  }
  nb_buf_release(&b);
  nb_buf_release(&m.ld);
  free(pg.stats);
  free(pg.cands);
  xmlFreeDoc(doc);
  if (a->n_paras == 0) {
    nb_article_free(a);
    if (too_deep)
      return nb_err_set(e, NB_EMPTY,
                        "%s: no article text found (elements nested more "
                        "than 256 deep are cut off)",
                        source);
    return nb_err_set(e, NB_EMPTY, "%s: no article text found", source);
  }
  nb_article_list_push(out, a);
  return NB_OK;
}
