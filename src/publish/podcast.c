/* podcast.c: the feed a podcast app subscribes to (feed.xml): RSS 2.0 with
 * the iTunes and Podcasting 2.0 namespaces, rebuilt from the state's
 * episodes after every drop so that it always matches the files. */
#define _POSIX_C_SOURCE 200809L
#include "publish.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void nb_rfc822(int64_t t, char out[40]) {
  static const char *const days[] = {"Sun", "Mon", "Tue", "Wed",
                                     "Thu", "Fri", "Sat"};
  static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  /* By hand rather than strftime("%a, %b"): those follow the locale, and
   * RFC 822 wants English names. */
  snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
           tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
           tm.tm_min, tm.tm_sec);
}

static void esc(nb_buf *b, const char *s) {
  nb_xml_escape(b, s, strlen(s));
}

static void elem(nb_buf *b, const char *indent, const char *name,
                 const char *text) {
  if (!text || !*text)
    return;
  nb_buf_printf(b, "%s<%s>", indent, name);
  esc(b, text);
  nb_buf_printf(b, "</%s>\n", name);
}

/* base + name, the name percent-encoded as one path segment (spaces and
 * non-ASCII in a file name must not break the URL); a name that is already
 * a URL stays as it is. */
static void url(nb_buf *b, const char *base, const char *name) {
  if (!strncmp(name, "http://", 7) || !strncmp(name, "https://", 8)) {
    esc(b, name);
    return;
  }
  nb_buf u = {0};
  if (base)
    nb_buf_puts(&u, base);
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~", *p))
      nb_buf_putc(&u, (char)*p);
    else
      nb_buf_printf(&u, "%%%02X", *p);
  }
  nb_xml_escape(b, u.ptr, u.len);
  nb_buf_release(&u);
}

static void duration(nb_buf *b, double secs) {
  long s = secs > 0 ? (long)(secs + 0.5) : 0;
  nb_buf_printf(b, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

/* "News/Daily News" gives a category with a subcategory, as Apple's list
 * nests them. */
static void category(nb_buf *b, const char *cat) {
  const char *slash = strchr(cat, '/');
  nb_buf_puts(b, "    <itunes:category text=\"");
  if (!slash) {
    esc(b, cat);
    nb_buf_puts(b, "\"/>\n");
    return;
  }
  nb_xml_escape(b, cat, (size_t)(slash - cat));
  nb_buf_puts(b, "\">\n      <itunes:category text=\"");
  esc(b, slash + 1);
  nb_buf_puts(b, "\"/>\n    </itunes:category>\n");
}

void nb_podcast_feed(const nb_feed_channel *c, const nb_episode *eps, size_t n,
                     nb_buf *b) {
  char date[40];
  nb_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<rss version=\"2.0\""
                 " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                 " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\""
                 " xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
                 "  <channel>\n");
  elem(b, "    ", "title", c->title);
  /* RSS 2.0 requires a link: the site if given, else where the feed lives */
  elem(b, "    ", "link", c->link ? c->link : c->base_url);
  elem(b, "    ", "description", c->description ? c->description : c->title);
  elem(b, "    ", "language", c->language ? c->language : "en");
  elem(b, "    ", "generator", "newsbrief " NB_VERSION);
  nb_rfc822(c->build_date, date);
  elem(b, "    ", "lastBuildDate", date);
  if (c->base_url) {
    nb_buf_puts(b, "    <atom:link href=\"");
    url(b, c->base_url, "feed.xml");
    nb_buf_puts(b, "\" rel=\"self\" type=\"application/rss+xml\"/>\n");
  }
  elem(b, "    ", "itunes:author", c->author);
  if (c->image) {
    nb_buf_puts(b, "    <itunes:image href=\"");
    url(b, c->base_url, c->image);
    nb_buf_puts(b, "\"/>\n");
  }
  if (c->category)
    category(b, c->category);
  elem(b, "    ", "itunes:explicit", c->explicit_content ? "true" : "false");
  elem(b, "    ", "itunes:type", "episodic");

  for (size_t i = 0; i < n; i++) {
    const nb_episode *ep = &eps[i];
    nb_buf_puts(b, "    <item>\n");
    elem(b, "      ", "title", ep->title);
    elem(b, "      ", "description", ep->description);
    nb_buf_puts(b, "      <enclosure url=\"");
    url(b, c->base_url, ep->file);
    nb_buf_printf(b, "\" length=\"%lld\" type=\"", (long long)ep->bytes);
    esc(b, ep->type ? ep->type : "audio/mpeg");
    nb_buf_puts(b, "\"/>\n      <guid isPermaLink=\"false\">");
    esc(b, ep->guid);
    nb_buf_puts(b, "</guid>\n");
    nb_rfc822(ep->date, date);
    elem(b, "      ", "pubDate", date);
    nb_buf_puts(b, "      <itunes:duration>");
    duration(b, ep->duration);
    nb_buf_puts(b, "</itunes:duration>\n");
    nb_buf_puts(b, "      <itunes:episodeType>full</itunes:episodeType>\n");
    if (ep->transcript) {
      nb_buf_puts(b, "      <podcast:transcript url=\"");
      url(b, c->base_url, ep->transcript);
      nb_buf_puts(b, "\" type=\"text/vtt\"/>\n");
    }
    if (ep->chapters) {
      nb_buf_puts(b, "      <podcast:chapters url=\"");
      url(b, c->base_url, ep->chapters);
      nb_buf_puts(b, "\" type=\"application/json+chapters\"/>\n");
    }
    nb_buf_puts(b, "    </item>\n");
  }
  nb_buf_puts(b, "  </channel>\n</rss>\n");
}
