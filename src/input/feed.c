/* feed.c: the RSS 2.0, RSS 1.0 (RDF) and Atom reader.  libxml2 parses the
 * feed without ever resolving external entities or touching the network;
 * each item becomes an article, its HTML content read by html.c's body code
 * (and, with follow_links, its linked page fetched for the full text). */
#include "input.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* A feed of 10,000 items makes no briefing; the first ones are the newest
 * in every feed format's convention. */
#define MAX_ITEMS 500

static int is_elem(const xmlNode *n) {
  return n && n->type == XML_ELEMENT_NODE;
}

/* Element local name match (prefixes such as dc: and content: ignored). */
static int named(const xmlNode *n, const char *name) {
  return is_elem(n) && strcmp((const char *)n->name, name) == 0;
}

static const char *prop(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (!strcmp((const char *)a->name, name) && a->children &&
        a->children->content)
      return (const char *)a->children->content;
  return NULL;
}

/* The text content of n: text and CDATA, and internal entities whose
 * replacement holds no further references (so nothing ever expands). */
static void text_of(const xmlNode *n, nb_buf *b) {
  const xmlNode *top = n, *c = n->children;
  if (!c)
    return;
  while (c) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content)
        nb_buf_puts(b, (const char *)c->content);
    } else if (c->type == XML_ENTITY_REF_NODE) {
      const xmlEntity *ent = (const xmlEntity *)c->children;
      if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY && ent->content &&
          !strchr((const char *)ent->content, '&') &&
          !strchr((const char *)ent->content, '<'))
        nb_buf_puts(b, (const char *)ent->content);
    } else if (is_elem(c) && c->children) {
      c = c->children;
      continue;
    }
    while (c->parent != top && !c->next)
      c = c->parent;
    c = c->next;
  }
}

static const char *str_of(nb_article *a, const xmlNode *n) {
  nb_buf b = {0};
  text_of(n, &b);
  nb_buf tmp = {0};
  int sp = 0;
  for (size_t i = 0; i < b.len; i++) {
    unsigned char ch = (unsigned char)b.ptr[i];
    if (isspace(ch)) {
      sp = tmp.len > 0;
      continue;
    }
    if (sp)
      nb_buf_putc(&tmp, ' ');
    sp = 0;
    nb_buf_putc(&tmp, (char)ch);
  }
  const char *r = tmp.len ? nb_article_str(a, tmp.ptr) : NULL;
  nb_buf_release(&b);
  nb_buf_release(&tmp);
  return r;
}

/* ---- errors and entities --------------------------------------------------- */

typedef struct first_err {
  const xmlParserCtxt *main;
  int set;
  int line;
  char msg[300];
} first_err;

/* libxml2 must not print: the first error is kept for the message. */
static void on_error(void *ud, xmlErrorPtr err) {
  first_err *f = ud;
  if (f->set || !err || err->level < XML_ERR_ERROR)
    return;
  f->set = 1;
  f->line = err->line;
  /* inside an entity's replacement text (parsed by a context of its own),
   * err->line counts lines of that text: the feed's line is the main
   * parser's */
  if (f->main && err->ctxt != f->main && f->main->input)
    f->line = f->main->input->line;
  if (err->code == XML_ERR_ENTITY_LOOP) {
    snprintf(f->msg, sizeof f->msg,
             "entities expand too far or loop (refused, not expanded)");
    return;
  }
  snprintf(f->msg, sizeof f->msg, "%s", err->message ? err->message : "error");
  /* one line: libxml2's messages can go on ("Bytes: 0xE9 0x74 ...") */
  f->msg[strcspn(f->msg, "\n")] = 0;
  size_t n = strlen(f->msg);
  while (n && (f->msg[n - 1] == '\n' || f->msg[n - 1] == ' '))
    f->msg[--n] = 0;
  if (f->msg[0] >= 'A' && f->msg[0] <= 'Z' &&
      !(f->msg[1] >= 'A' && f->msg[1] <= 'Z'))
    f->msg[0] = (char)(f->msg[0] - 'A' + 'a');
}

/* Refuses every external resource (DTDs, external entities): a feed is
 * written by a stranger and must not read our files (XXE).  The parser
 * options already say so; this holds even if an option slips. */
static xmlParserInputPtr no_loader(const char *url, const char *id,
                                   xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)id;
  (void)ctxt;
  return NULL;
}

/* ---- items ---------------------------------------------------------------- */

static const xmlNode *child(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (named(c, name))
      return c;
  return NULL;
}

/* The item's link: RSS <link>text</link>, Atom <link rel="alternate"
 * href=...>, or a permalink <guid>. */
static const char *item_link(nb_article *a, const xmlNode *it) {
  for (const xmlNode *c = it->children; c; c = c->next) {
    if (!named(c, "link"))
      continue;
    const char *href = prop(c, "href");
    if (href) {
      const char *rel = prop(c, "rel");
      if (!rel || !strcmp(rel, "alternate"))
        return nb_article_str(a, href);
    } else {
      const char *t = str_of(a, c);
      if (t)
        return t;
    }
  }
  const xmlNode *g = child(it, "guid");
  if (g) {
    const char *perm = prop(g, "isPermaLink");
    const char *t = str_of(a, g);
    if (t && (!perm || strcmp(perm, "false")) &&
        (!strncmp(t, "http://", 7) || !strncmp(t, "https://", 8)))
      return t;
  }
  return NULL;
}

static const char *item_author(nb_article *a, const xmlNode *it) {
  const xmlNode *c = child(it, "creator");
  if (c)
    return str_of(a, c);
  if ((c = child(it, "author"))) {
    const xmlNode *nm = child(c, "name"); /* Atom */
    if (nm)
      return str_of(a, nm);
    const char *t = str_of(a, c);
    /* RSS: "jane@example.com (Jane Doe)" */
    const char *open = t ? strchr(t, '(') : NULL;
    if (open && strchr(open, ')')) {
      const char *close = strchr(open, ')');
      return nb_arena_strndup(a->arena, open + 1, (size_t)(close - open - 1));
    }
    return t;
  }
  return NULL;
}

static void item_date(nb_article *a, const xmlNode *it) {
  static const char *const names[] = {"pubDate", "published", "date",
                                      "issued", "updated", "modified", NULL};
  for (const char *const *nm = names; *nm; nm++) {
    const xmlNode *c = child(it, *nm);
    if (!c)
      continue;
    const char *t = str_of(a, c);
    if (!t)
      continue;
    char iso[11];
    a->date = nb__date_iso(t, iso) ? nb_article_str(a, iso) : t;
    return;
  }
}

/* Atom content type="xhtml" holds markup, not escaped text: serialize it
 * back so the HTML body code reads it like the other forms. */
static void xhtml_of(const xmlNode *n, nb_buf *b) {
  xmlBufferPtr xb = xmlBufferCreate();
  for (xmlNode *c = n->children; c; c = c->next)
    xmlNodeDump(xb, c->doc, c, 0, 0);
  nb_buf_put(b, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
  xmlBufferFree(xb);
}

static void item_body(nb_article *a, const xmlNode *it) {
  static const char *const names[] = {"encoded", "content", "description",
                                      "summary", NULL};
  for (const char *const *nm = names; *nm; nm++) {
    const xmlNode *c = child(it, *nm);
    if (!c)
      continue;
    nb_buf b = {0};
    const char *type = prop(c, "type");
    if (type && !strcmp(type, "xhtml"))
      xhtml_of(c, &b);
    else
      text_of(c, &b);
    if (b.len)
      nb__html_fragment(a, b.ptr, b.len);
    nb_buf_release(&b);
    if (a->n_paras)
      return;
  }
}

static size_t body_len(const nb_article *a) {
  size_t n = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    n += strlen(a->paras[i]);
  return n;
}

/* --follow-links: the item's page, when it yields a longer body, replaces
 * the feed's summary.  A failing page is a warning, not a failed feed. */
/* How many linked pages one feed may fetch, and how many network failures
 * in a row make it stop trying (a site that is down would otherwise cost
 * a time limit per item). */
#define MAX_FOLLOW 100
#define MAX_FOLLOW_FAILS 3

/* Returns 1 when the fetch failed on the network (not on the page). */
static int follow(nb_article *a, const nb_input_opts *o) {
  if (!a->link || (strncmp(a->link, "http://", 7) != 0 &&
                   strncmp(a->link, "https://", 8) != 0))
    return 0;
  int net_fail = 0;
  char *data = NULL, *ctype = NULL;
  size_t len = 0;
  nb_err e = {0};
  nb_article_list pl = {0};
  /* the page is read as what its server says it is (a linked feed is not
   * followed further) */
  nb_input_opts once = *o;
  once.follow_links = 0;
  if (nb__fetch(a->link, o, &data, &len, &ctype, &e) != NB_OK ||
      nb__input_bytes(a->link, data, len, ctype, &once, &pl, &e) != NB_OK) {
    nb_diag_printf(o->diag, NB_WARN, "%s", e.msg);
    net_fail = e.status == NB_NET && !strstr(e.msg, ": HTTP ");
  } else if (pl.n && body_len(pl.items[0]) > body_len(a)) {
    nb_article *p = pl.items[0];
    a->n_paras = 0;
    for (size_t i = 0; i < p->n_paras; i++)
      nb_article_add_para(a, p->paras[i], strlen(p->paras[i]));
    if (!a->byline && p->byline)
      a->byline = nb_article_str(a, p->byline);
  }
  nb_article_list_release(&pl);
  free(data);
  free(ctype);
  return net_fail;
}

nb_status nb_input_feed(const char *source, const char *data, size_t len,
                        const nb_input_opts *o, nb_article_list *out,
                        nb_err *e) {
  if (len > INT_MAX)
    return nb_err_set(e, NB_PARSE, "%s: feed too large", source);
  first_err fe = {0};
  xmlExternalEntityLoader old = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(no_loader);
  xmlSetStructuredErrorFunc(&fe, on_error);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  xmlDoc *doc = NULL;
  fe.main = ctxt;
  if (ctxt) {
    /* NONET and nothing else: no NOENT (entities stay references), no
     * DTDLOAD or DTDVALID, no HUGE (libxml2's amplification limits stay
     * on, which stops billion laughs). */
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING);
    if (!fe.set && !ctxt->wellFormed) {
      fe.set = 1;
      fe.line = ctxt->input ? ctxt->input->line : 0;
      snprintf(fe.msg, sizeof fe.msg, "not well-formed");
    }
    xmlFreeParserCtxt(ctxt);
  }
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlSetExternalEntityLoader(old);
  if (fe.set || !doc) {
    xmlFreeDoc(doc);
    if (fe.line > 0)
      return nb_err_set(e, NB_PARSE, "%s:%d: malformed XML: %s", source,
                        fe.line, fe.set ? fe.msg : "cannot parse");
    return nb_err_set(e, NB_PARSE, "%s: malformed XML: %s", source,
                      fe.set ? fe.msg : "cannot parse");
  }

  xmlNode *root = xmlDocGetRootElement(doc);
  const xmlNode *list = NULL;
  const char *item_name = "item";
  if (named(root, "rss")) {
    list = child(root, "channel");
  } else if (named(root, "RDF")) {
    list = root; /* RSS 1.0: items are siblings of the channel */
  } else if (named(root, "feed")) {
    list = root;
    item_name = "entry";
  }
  if (!list && named(root, "html")) {
    /* XHTML served as XML: a page, not a feed */
    xmlFreeDoc(doc);
    return nb_input_html(source, data, len, out, e);
  }
  if (!list) {
    nb_err_set(e, NB_PARSE,
               "%s: not a feed (root element <%s>, expected <rss>, "
               "<rdf:RDF> or <feed>)",
               source, root ? (const char *)root->name : "none");
    xmlFreeDoc(doc);
    return NB_PARSE;
  }
  size_t n_items = 0, before = out->n;
  int followed = 0, fails = 0;
  for (const xmlNode *it = list->children; it; it = it->next) {
    if (!named(it, item_name))
      continue;
    if (++n_items > MAX_ITEMS)
      continue;
    nb_article *a = nb_article_new(source);
    const xmlNode *t = child(it, "title");
    if (t)
      a->title = str_of(a, t);
    /* a title may carry escaped markup or entities (Atom type="html", and
     * many RSS feeds): read it as HTML */
    if (a->title && (strchr(a->title, '&') || strchr(a->title, '<'))) {
      char *plain = nb__html_text(a->title, strlen(a->title));
      a->title = plain ? nb_article_str(a, plain) : NULL;
      free(plain);
    }
    a->link = item_link(a, it);
    a->byline = item_author(a, it);
    item_date(a, it);
    item_body(a, it);
    if (o && o->follow_links && followed < MAX_FOLLOW &&
        fails < MAX_FOLLOW_FAILS) {
      followed++;
      fails = follow(a, o) ? fails + 1 : 0;
      if (fails == MAX_FOLLOW_FAILS)
        nb_diag_printf(o->diag, NB_WARN,
                       "%s: %d linked pages failed in a row; the rest of "
                       "the feed is read without following links",
                       source, MAX_FOLLOW_FAILS);
      else if (followed == MAX_FOLLOW)
        nb_diag_printf(o->diag, NB_WARN,
                       "%s: linked pages fetched for the first %d items "
                       "only", source, MAX_FOLLOW);
    }
    if (a->n_paras == 0 && a->title) /* a headline-only item still says it */
      nb_article_add_para(a, a->title, strlen(a->title));
    if (a->n_paras == 0) {
      nb_diag_printf(o ? o->diag : NULL, NB_WARN,
                     "%s: <%s> %zu has no title and no text, skipped", source,
                     item_name, n_items);
      nb_article_free(a);
      continue;
    }
    nb_article_list_push(out, a);
  }
  xmlFreeDoc(doc);
  if (n_items > MAX_ITEMS)
    nb_diag_printf(o ? o->diag : NULL, NB_WARN,
                   "%s: %zu items, only the first %d read", source, n_items,
                   MAX_ITEMS);
  if (out->n == before)
    return nb_err_set(e, NB_EMPTY, "%s: feed has no items with text", source);
  return NB_OK;
}
