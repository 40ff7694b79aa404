#!/bin/sh
# Extraction speed: HTML pages read per second (the saved test pages, in
# memory, parse + reader-mode extraction, no process start-up), and the CPU time
# for one 1 MB page.  usage: scripts/bench-extract.sh [BUILD_DIR]  (default build)
# NB_BENCH_SMOKE=1: two rounds instead of 200 (scripts/test.sh checks that
# the script still works; its figures mean nothing).
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
[ -f "$B/libnbcore.a" ] || { echo "bench-extract: build first ($B/libnbcore.a missing)" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat > "$T/bench.c" <<'C'
#include "input/input.h"
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
static double run(const char *name, const char *d, size_t n, int reps) {
  double t0 = now();
  for (int r = 0; r < reps; r++) {
    nb_article_list l = {0};
    nb_err e = {0};
    if (nb_input_html(name, d, n, &l, &e) != NB_OK) {
      fprintf(stderr, "%s\n", e.msg);
      exit(1);
    }
    nb_article_list_release(&l);
  }
  return now() - t0;
}
int main(int argc, char **argv) {
  size_t pages = 0, bytes = 0;
  double t = 0;
  for (int i = 1; i < argc; i++) {
    char *d;
    size_t n;
    nb_err e = {0};
    if (nb_read_file(argv[i], 1 << 26, &d, &n, &e)) {
      fprintf(stderr, "%s\n", e.msg);
      return 1;
    }
    t += run(argv[i], d, n, REPS);
    pages += REPS;
    bytes += REPS * (size_t)n;
    free(d);
  }
  printf("saved pages: %zu pages (%.1f KB average) in %.3f s: %.0f pages/s\n",
         pages, (double)bytes / (double)pages / 1024, t, (double)pages / t);
  nb_buf b = {0};
  nb_buf_puts(&b, "<html><head><title>Big</title></head><body><nav><ul>");
  for (int i = 0; i < 8000; i++)
    nb_buf_printf(&b, "<li><a href=\"/s/%d\">Section %d</a></li>", i, i);
  nb_buf_puts(&b, "</ul></nav><article>");
  while (b.len < (1u << 20))
    nb_buf_puts(&b, "<p>A paragraph of the long article, with a comma, another "
                    "comma, and some more <a href=\"/x\">words</a> to make it a real "
                    "paragraph of text.</p>\n");
  nb_buf_puts(&b, "</article></body></html>");
  double one = run("1mb.html", b.ptr, b.len, REPS1) / REPS1;
  /* for scale: libxml2's HTML parser alone on the same page */
  double t0 = now();
  for (int r = 0; r < REPS1; r++)
    xmlFreeDoc(htmlReadMemory(b.ptr, (int)b.len, NULL, NULL,
                              HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                                  HTML_PARSE_COMPACT));
  double parse = (now() - t0) / REPS1;
  printf("1 MB page (%zu bytes): %.1f ms CPU per page "
         "(libxml2 parsing alone: %.1f ms)\n",
         b.len, one * 1e3, parse * 1e3);
  nb_buf_release(&b);
  return 0;
}
C
reps="-DREPS=200 -DREPS1=20"
[ "${NB_BENCH_SMOKE:-0}" = 1 ] && reps="-DREPS=2 -DREPS1=2"
${CC:-cc} -O2 -std=c11 -D_GNU_SOURCE $reps -Isrc "$T/bench.c" "$B/libnbcore.a" \
  $(pkg-config --cflags --libs libxml-2.0 libcurl) -lm -o "$T/bench"
"$T/bench" tests/data/pages/*.html
