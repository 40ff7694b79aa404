/* test_podcast.c: the podcast feed (feed.xml), checked by parsing it back
 * with libxml2: namespaces, channel tags, items newest first, enclosure,
 * guid, RFC 822 dates, durations, transcript and chapters links, escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "publish/publish.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#define ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define PODCAST "https://podcastindex.org/namespace/1.0"

static xmlDocPtr doc;
static xmlXPathContextPtr ctx;

/* The string value of an XPath expression ("" when nothing matches). */
static char *xs(const char *expr) {
  static char out[1024];
  xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
  assert_non_null(r);
  xmlChar *s = xmlXPathCastToString(r);
  snprintf(out, sizeof out, "%s", (const char *)s);
  xmlFree(s);
  xmlXPathFreeObject(r);
  return out;
}

static double xn(const char *expr) {
  xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
  assert_non_null(r);
  double d = xmlXPathCastToNumber(r);
  xmlXPathFreeObject(r);
  return d;
}

static void parse(const nb_buf *b) {
  doc = xmlReadMemory(b->ptr, (int)b->len, "feed.xml", "UTF-8", XML_PARSE_NONET);
  assert_non_null(doc); /* well-formed XML */
  ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, (const xmlChar *)"itunes", (const xmlChar *)ITUNES);
  xmlXPathRegisterNs(ctx, (const xmlChar *)"podcast", (const xmlChar *)PODCAST);
}

static void unparse(void) {
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
}

static void test_rfc822(void **state) {
  (void)state;
  char d[40];
  /* 1679032800 is 2023-03-17 06:00:00 UTC (date -u -d @1679032800), a Friday */
  nb_rfc822(1679032800, d);
  assert_string_equal(d, "Fri, 17 Mar 2023 06:00:00 +0000");
  nb_rfc822(0, d);
  assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 +0000");
}

static void test_feed(void **state) {
  (void)state;
  nb_episode eps[2] = {
      {.guid = "newsbrief:b-2:200", .file = "briefing 2023-03-18.mp3",
       .title = "Morning <Briefing>, Saturday", .description = "In this briefing: A & B; \"C\".",
       .type = "audio/mpeg", .date = 1679119200, .duration = 3725.4,
       .bytes = 987654, .transcript = "briefing 2023-03-18.vtt",
       .chapters = "briefing 2023-03-18.chapters.json"},
      {.guid = "newsbrief:b-1:100", .file = "b-1.mp3", .title = "Friday",
       .description = "D", .type = "audio/mpeg", .date = 1679032800,
       .duration = 59.6, .bytes = 42},
  };
  nb_feed_channel c = {.title = "Morning & Evening <News>",
                       .description = "Read aloud.",
                       .language = "en-gb",
                       .author = "Newsroom Ltd.",
                       .image = "cover.png",
                       .category = "News/Daily News",
                       .base_url = "https://example.org/b/",
                       .build_date = 1679119200};
  nb_buf b = {0};
  nb_podcast_feed(&c, eps, 2, &b);
  parse(&b);
  assert_string_equal(xs("name(/*)"), "rss");
  assert_string_equal(xs("/rss/@version"), "2.0");
  assert_string_equal(xs("/rss/channel/title"), "Morning & Evening <News>");
  /* no link given: where the feed lives stands in, as RSS requires one */
  assert_string_equal(xs("/rss/channel/link"), "https://example.org/b/");
  assert_string_equal(xs("/rss/channel/description"), "Read aloud.");
  assert_string_equal(xs("/rss/channel/language"), "en-gb");
  assert_string_equal(xs("/rss/channel/lastBuildDate"),
                      "Sat, 18 Mar 2023 06:00:00 +0000");
  assert_string_equal(xs("/rss/channel/itunes:author"), "Newsroom Ltd.");
  assert_string_equal(xs("/rss/channel/itunes:image/@href"),
                      "https://example.org/b/cover.png");
  assert_string_equal(xs("/rss/channel/itunes:category/@text"), "News");
  assert_string_equal(xs("/rss/channel/itunes:category/itunes:category/@text"),
                      "Daily News");
  assert_string_equal(xs("/rss/channel/itunes:explicit"), "false");

  assert_int_equal((int)xn("count(/rss/channel/item)"), 2);
  /* newest first, as given */
  assert_string_equal(xs("/rss/channel/item[1]/title"),
                      "Morning <Briefing>, Saturday");
  assert_string_equal(xs("/rss/channel/item[1]/description"),
                      "In this briefing: A & B; \"C\".");
  /* the space in the file name is percent-encoded in every URL */
  assert_string_equal(xs("/rss/channel/item[1]/enclosure/@url"),
                      "https://example.org/b/briefing%202023-03-18.mp3");
  assert_string_equal(xs("/rss/channel/item[1]/enclosure/@length"), "987654");
  assert_string_equal(xs("/rss/channel/item[1]/enclosure/@type"), "audio/mpeg");
  assert_string_equal(xs("/rss/channel/item[1]/guid"), "newsbrief:b-2:200");
  assert_string_equal(xs("/rss/channel/item[1]/guid/@isPermaLink"), "false");
  assert_string_equal(xs("/rss/channel/item[1]/pubDate"),
                      "Sat, 18 Mar 2023 06:00:00 +0000");
  /* 3725.4 s = 1 h 2 min 5 s */
  assert_string_equal(xs("/rss/channel/item[1]/itunes:duration"), "01:02:05");
  assert_string_equal(xs("/rss/channel/item[1]/podcast:transcript/@url"),
                      "https://example.org/b/briefing%202023-03-18.vtt");
  assert_string_equal(xs("/rss/channel/item[1]/podcast:transcript/@type"),
                      "text/vtt");
  assert_string_equal(xs("/rss/channel/item[1]/podcast:chapters/@url"),
                      "https://example.org/b/briefing%202023-03-18.chapters.json");
  assert_string_equal(xs("/rss/channel/item[1]/podcast:chapters/@type"),
                      "application/json+chapters");
  assert_string_equal(xs("/rss/channel/item[2]/itunes:duration"), "00:01:00");
  assert_string_equal(xs("/rss/channel/item[2]/pubDate"),
                      "Fri, 17 Mar 2023 06:00:00 +0000");
  /* an episode without transcript or chapters has neither tag */
  assert_int_equal((int)xn("count(/rss/channel/item[2]/podcast:transcript)"), 0);
  assert_int_equal((int)xn("count(/rss/channel/item[2]/podcast:chapters)"), 0);
  unparse();
  nb_buf_release(&b);
}

static void test_empty_feed(void **state) {
  (void)state;
  nb_feed_channel c = {.title = "T", .link = "https://example.org/",
                       .explicit_content = 1, .build_date = 0};
  nb_buf b = {0};
  nb_podcast_feed(&c, NULL, 0, &b);
  parse(&b);
  assert_string_equal(xs("/rss/channel/link"), "https://example.org/");
  assert_string_equal(xs("/rss/channel/itunes:explicit"), "true");
  assert_string_equal(xs("/rss/channel/language"), "en");
  assert_int_equal((int)xn("count(/rss/channel/item)"), 0);
  unparse();
  nb_buf_release(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rfc822),
      cmocka_unit_test(test_feed),
      cmocka_unit_test(test_empty_feed),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
