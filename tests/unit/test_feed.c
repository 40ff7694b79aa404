/* test_feed.c: the RSS/Atom reader: items, metadata, HTML inside items, and
 * hostile feeds (malformed XML, external entities, billion laughs, 10,000
 * items) that must give a clear error or a sensible result, quickly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "input/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct notes {
  int n;
  char last[512];
} notes;

static void on_diag(void *ud, nb_level level, const char *msg) {
  notes *w = ud;
  (void)level;
  w->n++;
  snprintf(w->last, sizeof w->last, "%s", msg);
}

static nb_status feed(const char *s, nb_article_list *l, nb_err *e,
                      notes *w) {
  nb_diag d = {on_diag, w};
  nb_input_opts o = {0};
  o.diag = &d;
  return nb_input_feed("feed.xml", s, strlen(s), &o, l, e);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void test_rss_items(void **state) {
  (void)state;
  const char *src = getenv("NB_SRC");
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/pages/feed-rss.xml",
           src ? src : ".");
  nb_article_list l = {0};
  nb_err e = {0};
  nb_input_opts o = {0};
  assert_int_equal(nb_input_read(path, &o, &l, &e), NB_OK);
  assert_int_equal(l.n, 2);
  nb_article *a = l.items[0];
  assert_string_equal(a->title, "Reservoir work to close lakeside road for six weeks");
  assert_string_equal(a->link, "https://gazette.example.org/2024/06/reservoir-road-closure");
  assert_string_equal(a->date, "2024-06-03");
  assert_string_equal(a->byline, "Alys Prosser");
  /* content:encoded wins over description; its figure caption and share
   * links are left out */
  assert_int_equal(a->n_paras, 3);
  for (size_t i = 0; i < a->n_paras; i++) {
    assert_null(strstr(a->paras[i], "Photo:"));
    assert_null(strstr(a->paras[i], "Share on"));
  }
  /* RSS <author> "email (Name)"; doubly escaped HTML in <description> */
  a = l.items[1];
  assert_string_equal(a->byline, "Gethin Rowlands");
  assert_int_equal(a->n_paras, 2);
  assert_true(strncmp(a->paras[0], "Ysgol Bryn\xE2\x80\x99s under-14", 19) == 0);
  nb_article_list_release(&l);
}

static void test_atom_and_rdf(void **state) {
  (void)state;
  nb_article_list l = {0};
  nb_err e = {0};
  notes w = {0};
  const char *atom =
      "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<title>t</title><entry><title type=\"html\">Fish &amp;amp; chips</title>"
      "<link rel=\"self\" href=\"https://x.example/self\"/>"
      "<link rel=\"alternate\" href=\"https://x.example/fish\"/>"
      "<updated>2024-01-05T10:00:00Z</updated>"
      "<summary>Plain summary text of the entry.</summary></entry></feed>";
  assert_int_equal(feed(atom, &l, &e, &w), NB_OK);
  assert_int_equal(l.n, 1);
  assert_string_equal(l.items[0]->title, "Fish & chips");
  assert_string_equal(l.items[0]->link, "https://x.example/fish");
  assert_string_equal(l.items[0]->date, "2024-01-05");
  assert_string_equal(l.items[0]->paras[0], "Plain summary text of the entry.");
  nb_article_list_release(&l);

  const char *rdf =
      "<?xml version=\"1.0\"?>"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel rdf:about=\"https://r.example/\"><title>R</title></channel>"
      "<item rdf:about=\"https://r.example/1\"><title>One</title>"
      "<link>https://r.example/1</link><dc:date>2023-12-24</dc:date>"
      "<dc:creator>Ada</dc:creator>"
      "<description>First item body.</description></item>"
      "<item rdf:about=\"https://r.example/2\"><title>Two</title>"
      "<link>https://r.example/2</link>"
      "<description>Second item body.</description></item></rdf:RDF>";
  assert_int_equal(feed(rdf, &l, &e, &w), NB_OK);
  assert_int_equal(l.n, 2);
  assert_string_equal(l.items[0]->byline, "Ada");
  assert_string_equal(l.items[0]->date, "2023-12-24");
  assert_string_equal(l.items[1]->paras[0], "Second item body.");
  nb_article_list_release(&l);
}

static void test_malformed(void **state) {
  (void)state;
  nb_article_list l = {0};
  nb_err e = {0};
  notes w = {0};
  const char *bad = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n"
                    "<channel>\n<item>\n<title>Broken</title>\n"
                    "<description>text</descriptio>\n</item>\n"
                    "</channel>\n</rss>\n";
  assert_int_equal(feed(bad, &l, &e, &w), NB_PARSE);
  /* "feed.xml:6: malformed XML: ..." with the line of the bad tag */
  assert_true(strncmp(e.msg, "feed.xml:6: malformed XML: ", 27) == 0);
  assert_null(strchr(e.msg, '\n'));
  assert_int_equal(l.n, 0);

  assert_int_equal(feed("<?xml version=\"1.0\"?><opml><body/></opml>", &l,
                        &e, &w),
                   NB_PARSE);
  assert_string_equal(e.msg, "feed.xml: not a feed (root element <opml>, "
                             "expected <rss>, <rdf:RDF> or <feed>)");
  /* XHTML served as XML is read as the page it is */
  assert_int_equal(feed("<html><body><p>An XHTML page, not a feed, with "
                        "words enough.</p></body></html>",
                        &l, &e, &w),
                   NB_OK);
  assert_string_equal(l.items[0]->paras[0],
                      "An XHTML page, not a feed, with words enough.");
  nb_article_list_release(&l);
}

/* XXE: an external entity naming a local file is never read. */
static void test_xxe(void **state) {
  (void)state;
  nb_article_list l = {0};
  nb_err e = {0};
  notes w = {0};
  const char *xxe =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "<!ENTITY % pe SYSTEM \"file:///etc/hostname\"> %pe;]>\n"
      "<rss version=\"2.0\"><channel><item><title>Leak &xxe;</title>"
      "<description>Body &xxe; end of the item text.</description>"
      "</item></channel></rss>";
  nb_status st = feed(xxe, &l, &e, &w);
  assert_true(st == NB_OK || st == NB_PARSE);
  assert_null(strstr(e.msg, "root:"));
  for (size_t i = 0; i < l.n; i++) {
    assert_null(l.items[i]->title ? strstr(l.items[i]->title, "root:") : NULL);
    for (size_t k = 0; k < l.items[i]->n_paras; k++)
      assert_null(strstr(l.items[i]->paras[k], "root:"));
  }
  nb_article_list_release(&l);
}

/* Billion laughs: ten levels of ten references.  libxml2's amplification
 * limit stops it (no XML_PARSE_HUGE); the reader never expands entities
 * itself.  Bounded time, and either an error or a small result. */
static void test_billion_laughs(void **state) {
  (void)state;
  nb_buf b = {0};
  nb_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                  "<!ENTITY lol \"lol\">\n");
  for (int i = 1; i <= 9; i++) {
    nb_buf_printf(&b, "<!ENTITY lol%d \"", i);
    for (int k = 0; k < 10; k++)
      nb_buf_printf(&b, i == 1 ? "&lol;" : "&lol%d;", i - 1);
    nb_buf_puts(&b, "\">\n");
  }
  nb_buf_puts(&b, "]>\n<rss version=\"2.0\"><channel><item><title>Laughs"
                  "</title><description>&lol9;</description></item>"
                  "</channel></rss>\n");
  nb_article_list l = {0};
  nb_err e = {0};
  notes w = {0};
  double t0 = now_ms();
  nb_status st = feed(b.ptr, &l, &e, &w);
  double ms = now_ms() - t0;
  assert_true(ms < 5000);
  if (st == NB_OK) {
    size_t total = 0;
    for (size_t i = 0; i < l.n; i++)
      for (size_t k = 0; k < l.items[i]->n_paras; k++)
        total += strlen(l.items[i]->paras[k]);
    assert_true(total < 100000);
  } else {
    assert_int_equal(st, NB_PARSE);
    assert_true(strncmp(e.msg, "feed.xml:", 9) == 0);
  }
  nb_article_list_release(&l);
  nb_buf_release(&b);
}

static void test_many_items(void **state) {
  (void)state;
  nb_buf b = {0};
  nb_buf_puts(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
  for (int i = 0; i < 10000; i++)
    nb_buf_printf(&b,
                  "<item><title>Item %d</title><link>https://m.example/%d</link>"
                  "<description>&lt;p&gt;Body of item %d.&lt;/p&gt;</description>"
                  "</item>",
                  i, i, i);
  nb_buf_puts(&b, "</channel></rss>");
  nb_article_list l = {0};
  nb_err e = {0};
  notes w = {0};
  double t0 = now_ms();
  assert_int_equal(feed(b.ptr, &l, &e, &w), NB_OK);
  assert_true(now_ms() - t0 < 10000);
  assert_int_equal(l.n, 500);
  assert_string_equal(l.items[499]->title, "Item 499");
  assert_int_equal(w.n, 1);
  assert_string_equal(w.last, "feed.xml: 10000 items, only the first 500 read");
  nb_article_list_release(&l);
  nb_buf_release(&b);
}

static void test_empty_items(void **state) {
  (void)state;
  nb_article_list l = {0};
  nb_err e = {0};
  notes w = {0};
  /* a headline-only item is read as its headline; an item with nothing is
   * skipped with a warning that names it */
  const char *s = "<rss version=\"2.0\"><channel><item><title>Only a "
                  "headline</title></item><item><link>https://e.example/</link>"
                  "</item></channel></rss>";
  assert_int_equal(feed(s, &l, &e, &w), NB_OK);
  assert_int_equal(l.n, 1);
  assert_string_equal(l.items[0]->paras[0], "Only a headline");
  assert_string_equal(w.last, "feed.xml: <item> 2 has no title and no text, skipped");
  nb_article_list_release(&l);
  assert_int_equal(feed("<rss version=\"2.0\"><channel></channel></rss>", &l,
                        &e, &w),
                   NB_EMPTY);
  assert_string_equal(e.msg, "feed.xml: feed has no items with text");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rss_items),      cmocka_unit_test(test_atom_and_rdf),
      cmocka_unit_test(test_malformed),      cmocka_unit_test(test_xxe),
      cmocka_unit_test(test_billion_laughs), cmocka_unit_test(test_many_items),
      cmocka_unit_test(test_empty_items),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
