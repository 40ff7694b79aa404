/* test_input.c: what sits around the readers: the same story from two
 * sources briefed once (nb_input_dedup), and the URL reader's refusals and
 * time limit, with no network beyond 127.0.0.1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "input/input.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static nb_article *art(const char *source, const char *link, const char *lead) {
  nb_article *a = nb_article_new(source);
  a->link = link ? nb_article_str(a, link) : NULL;
  nb_article_add_para(a, lead, strlen(lead));
  return a;
}

/* The list's sources, in order, are the space-separated names of want. */
static void assert_sources(const nb_article_list *l, const char *want) {
  nb_buf got = {0};
  for (size_t i = 0; i < l->n; i++)
    nb_buf_printf(&got, "%s%s", i ? " " : "", l->items[i]->source);
  assert_string_equal(got.ptr ? got.ptr : "", want);
  nb_buf_release(&got);
}

static int n_notes;
static void on_diag(void *ud, nb_level level, const char *msg) {
  (void)ud;
  (void)msg;
  assert_int_equal(level, NB_INFO);
  n_notes++;
}

static void test_dedup(void **state) {
  (void)state;
  nb_article_list l = {0};
  const char *lead = "The city council voted on Tuesday to close the old "
                     "bridge to cars from next spring, after engineers found "
                     "cracks in two of its piers.";
  /* same link, written differently (scheme, www, trailing slash, utm) */
  nb_article_list_push(&l, art("a.rss", "https://www.news.example/bridge/", lead));
  nb_article_list_push(&l, art("b.rss", "http://news.example/bridge?utm_source=x",
                               "A different lead entirely, same page."));
  /* same lead, lightly edited, no link */
  nb_article_list_push(&l, art("c.html", NULL,
                               "The City Council voted on Tuesday to close the "
                               "old bridge to cars from next spring after "
                               "engineers found cracks in two of its piers."));
  /* a different story on the same subject is kept */
  nb_article_list_push(&l, art("d.html", NULL,
                               "Engineers inspecting the old bridge said on "
                               "Wednesday that repairs would take two years and "
                               "cost more than the council had budgeted."));
  /* short leads are never merged on words alone */
  nb_article_list_push(&l, art("e.txt", NULL, "Weather: rain."));
  nb_article_list_push(&l, art("f.txt", NULL, "Weather: rain."));
  /* a feed's one-line summary, then the page itself: one story, in the
   * summary's place, with the page's fuller text */
  nb_article_list_push(&l, art("g.rss", "https://x.example/s", "Short summary."));
  nb_article_list_push(&l, art("h.html", "https://x.example/s",
                               "The full first paragraph of the page, which "
                               "is longer than the feed's summary of it."));
  nb_article_list_push(&l, art("i.txt", NULL, "Last story, kept."));
  nb_diag d = {on_diag, NULL};
  n_notes = 0;
  nb_input_dedup(&l, &d);
  assert_sources(&l, "a.rss d.html e.txt f.txt h.html i.txt");
  assert_int_equal(n_notes, 3);
  nb_article_list_release(&l);
  nb_input_dedup(&l, NULL); /* empty list */
}

/* The rules added for drop, which briefs from several feeds at once: a
 * summary that is the first sentence of another source's longer lead, and
 * the same item listed twice; the removed articles handed back, not freed. */
static void test_dedup_rules(void **state) {
  (void)state;
  nb_article_list l = {0}, gone = {0};
  nb_article_list_push(&l, art("a.rss", "http://a.example/1",
                               "Firefighters contained the warehouse fire in "
                               "the port district late on Sunday night."));
  nb_article_list_push(&l, art("b.rss", "http://b.example/9",
                               "Firefighters contained the warehouse fire in "
                               "the port district late on Sunday night. No "
                               "one was hurt, the fire service said, but "
                               "smoke closed two roads and the ferry "
                               "terminal for several hours on Monday."));
  /* six words are too few to say that one lead opens the other */
  nb_article_list_push(&l, art("c.rss", NULL, "Markets fell sharply in early trading."));
  nb_article_list_push(&l, art("d.rss", NULL,
                               "Markets fell sharply in early trading. Oil "
                               "rose, and the central bank said nothing."));
  /* one item twice: same title, same short text */
  nb_article *e = art("e.rss", NULL, "Weather: rain.");
  e->title = nb_article_str(e, "Weather");
  nb_article *f = art("f.rss", NULL, "Weather: rain.");
  f->title = nb_article_str(f, "Weather");
  nb_article *g = art("g.rss", NULL, "Weather: rain.");
  g->title = nb_article_str(g, "Weather in the hills");
  nb_article_list_push(&l, e);
  nb_article_list_push(&l, f);
  nb_article_list_push(&l, g);
  nb_input_dedup_keep(&l, &gone, NULL);
  /* a.rss's place, b.rss's fuller text */
  assert_sources(&l, "b.rss c.rss d.rss e.rss g.rss");
  assert_sources(&gone, "a.rss f.rss");
  nb_article_list_release(&l);
  nb_article_list_release(&gone);
}

static void test_url_refusals(void **state) {
  (void)state;
  nb_article_list l = {0};
  nb_err e = {0};
  nb_input_opts o = {0};
  assert_int_equal(nb_input_url("file:///etc/passwd", &o, &l, &e), NB_USAGE);
  assert_string_equal(e.msg, "file:///etc/passwd: only http and https URLs are read");
  assert_int_equal(nb_input_url("ftp://127.0.0.1/x", &o, &l, &e), NB_USAGE);
  /* a closed port: a network error naming the URL */
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
  socklen_t al = sizeof a;
  getsockname(s, (struct sockaddr *)&a, &al);
  close(s); /* the port is now (almost certainly) closed */
  char url[64];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/", ntohs(a.sin_port));
  assert_int_equal(nb_input_url(url, &o, &l, &e), NB_NET);
  assert_true(strncmp(e.msg, url, strlen(url)) == 0);
  assert_int_equal(l.n, 0);
}

/* A server that accepts the connection (the kernel does, from the listen
 * backlog) and never answers: the whole-transfer limit ends it. */
static void test_url_timeout(void **state) {
  (void)state;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
  assert_int_equal(listen(s, 4), 0);
  socklen_t al = sizeof a;
  getsockname(s, (struct sockaddr *)&a, &al);
  char url[64];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/slow.xml", ntohs(a.sin_port));
  nb_article_list l = {0};
  nb_err e = {0};
  nb_input_opts o = {0};
  o.timeout_s = 2;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  assert_int_equal(nb_input_url(url, &o, &l, &e), NB_NET);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) +
                (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  assert_true(secs >= 1.5 && secs < 10);
  char want[128];
  snprintf(want, sizeof want, "%s: timed out after 2 s", url);
  assert_string_equal(e.msg, want);
  close(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dedup),
      cmocka_unit_test(test_dedup_rules),
      cmocka_unit_test(test_url_refusals),
      cmocka_unit_test(test_url_timeout),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
