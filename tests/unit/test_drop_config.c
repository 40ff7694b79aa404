/* test_drop_config.c: the INI configuration of `newsbrief drop`: defaults,
 * paths relative to the config file, and errors naming file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "publish/publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];
static char path[128];

static void write_config(const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static int setup(void **state) {
  (void)state;
  strcpy(dir, "/tmp/nb-config-XXXXXX");
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/briefing.ini", dir);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  unlink(path);
  rmdir(dir);
  return 0;
}

static void test_defaults_and_paths(void **state) {
  (void)state;
  write_config("; a comment\n"
               "[briefing]\n"
               "title = Morning <Briefing> & more\n"
               "output = episodes   ; relative to the config file\n"
               "base_url = https://example.org/b\n"
               "\n"
               "[source.world]\n"
               "url = https://example.org/world.rss\n"
               "max_items = 5\n"
               "[source.local]\n"
               "path = feeds/local.xml\n"
               "follow_links = yes\n");
  nb_drop_config c;
  nb_err e = {0};
  assert_int_equal(nb_drop_config_load(path, &c, &e), NB_OK);
  assert_string_equal(c.title, "Morning <Briefing> & more");
  assert_string_equal(c.language, "en");
  assert_string_equal(c.format, "mp3");
  assert_string_equal(c.name, "briefing-%Y-%m-%d");
  assert_int_equal(c.transcript, 1);
  assert_int_equal(c.chapters, 1);
  assert_int_equal(c.lead_sentences, 1);
  assert_int_equal(c.max_quotes, 2);
  assert_true(c.max_minutes == 10);
  assert_int_equal(c.max_stories, 0);
  assert_int_equal(c.retention_days, 0);
  /* base_url gains its slash so that file names append cleanly */
  assert_string_equal(c.base_url, "https://example.org/b/");
  char want[256];
  snprintf(want, sizeof want, "%s/episodes", dir);
  assert_string_equal(c.output, want);
  snprintf(want, sizeof want, "%s/episodes/.newsbrief-state.sqlite", dir);
  assert_string_equal(c.state, want);
  snprintf(want, sizeof want, "%s/episodes/.newsbrief.lock", dir);
  assert_string_equal(c.lock, want);
  assert_int_equal(c.n_sources, 2);
  assert_string_equal(c.sources[0].name, "world");
  assert_string_equal(c.sources[0].url, "https://example.org/world.rss");
  assert_int_equal(c.sources[0].max_items, 5);
  assert_int_equal(c.sources[0].follow_links, 0);
  snprintf(want, sizeof want, "%s/feeds/local.xml", dir);
  assert_string_equal(c.sources[1].url, want);
  assert_int_equal(c.sources[1].follow_links, 1);
  nb_drop_config_release(&c);
}

static void test_every_key(void **state) {
  (void)state;
  write_config("[briefing]\n"
               "title = T\ndescription = D\nauthor = A\nimage = cover.png\n"
               "link = https://example.org/\nlanguage = en-gb\n"
               "category = News/Daily News\nexplicit = no\n"
               "output = /tmp/abs-out\nformat = OGG\nvoice = clear\nspeed = 1.25\n"
               "name = news-%Y%m%d\nretention_days = 14\nmax_episodes = 30\n"
               "max_stories = 8\nmax_minutes = 7.5\nlead_sentences = 2\n"
               "max_quotes = 0\ntranscript = no\nchapters = off\n"
               "state = state.db\nlock = /tmp/x.lock\n"
               "[source.a]\nurl = http://127.0.0.1:1/a.rss\n");
  nb_drop_config c;
  nb_err e = {0};
  assert_int_equal(nb_drop_config_load(path, &c, &e), NB_OK);
  assert_string_equal(c.output, "/tmp/abs-out");
  assert_string_equal(c.format, "ogg");
  assert_string_equal(c.category, "News/Daily News");
  assert_string_equal(c.language, "en-gb");
  assert_int_equal(c.retention_days, 14);
  assert_int_equal(c.max_episodes, 30);
  assert_int_equal(c.max_stories, 8);
  assert_true(c.max_minutes > 7.49 && c.max_minutes < 7.51);
  assert_int_equal(c.lead_sentences, 2);
  assert_int_equal(c.max_quotes, 0);
  assert_int_equal(c.transcript, 0);
  assert_int_equal(c.chapters, 0);
  assert_int_equal(c.explicit_content, 0);
  assert_string_equal(c.lock, "/tmp/x.lock");
  assert_true(c.speed == 1.25);
  char want[256];
  snprintf(want, sizeof want, "%s/state.db", dir);
  assert_string_equal(c.state, want);
  assert_string_equal(nb_drop_mime(c.format), "audio/ogg");
  nb_drop_config_release(&c);
}

/* Each bad config, and the message it must give (after "PATH"). */
static const struct {
  const char *text, *msg;
} bad[] = {
    {"[briefing]\ntitle = T\noutput = o\ncolour = red\n[source.a]\nurl = x\n",
     ":4: unknown key 'colour' in [briefing]"},
    {"[briefing]\ntitle = T\noutput = o\n[source.a]\nurl = x\nspeed = 3\n",
     ":6: unknown key 'speed' in [source.a]"},
    {"[briefing]\ntitle = T\noutput = o\nformat = aiff\n[source.a]\nurl = x\n",
     ":4: bad value for 'format' in [briefing]: one of mp3, wav, flac, ogg, opus"},
    {"[briefing]\ntitle = T\noutput = o\nretention_days = -1\n[source.a]\nurl = x\n",
     ":4: bad value for 'retention_days' in [briefing]"},
    {"[briefing]\ntitle = T\noutput = o\nmax_minutes = soon\n[source.a]\nurl = x\n",
     ":4: bad value for 'max_minutes' in [briefing]"},
    {"[briefing]\ntitle = T\noutput = o\nspeed = 4\n[source.a]\nurl = x\n",
     ":4: bad value for 'speed' in [briefing]: a factor from 0.5 to 3"},
    {"[briefing]\ntitle = T\noutput = o\ntranscript = maybe\n[source.a]\nurl = x\n",
     ":4: bad value for 'transcript' in [briefing]: yes or no"},
    {"[briefing]\ntitle = T\noutput = o\nbase_url = example.org\n[source.a]\nurl = x\n",
     ":4: bad value for 'base_url' in [briefing]"},
    {"[briefing]\ntitle = T\noutput = o\nname = a/b-%Y\n[source.a]\nurl = x\n",
     ":4: bad value for 'name' in [briefing]"},
    {"[briefing]\ntitle = T\noutput = o\nlead_sentences = 0\n[source.a]\nurl = x\n",
     ":4: bad value for 'lead_sentences' in [briefing]"},
    {"[briefing]\noutput = o\n[source.a]\nurl = x\n",
     ": missing required key 'title' in [briefing]"},
    {"[briefing]\ntitle = T\n[source.a]\nurl = x\n",
     ": missing required key 'output' in [briefing]"},
    {"[briefing]\ntitle = T\noutput = o\n", ": no source"},
    {"[briefing]\ntitle = T\noutput = o\n\n[source.a]\nmax_items = 3\n",
     ":5: [source.a] has no url (or path)"},
    {"[briefing]\ntitle = T\noutput = o\n[sources.a]\nurl = x\n",
     ":5: unknown section [sources.a]"},
    {"[briefing]\ntitle = T\noutput = o\n[source.a]\nurl = ftp://x/y\n",
     ":5: bad value for 'url' in [source.a]"},
    {"title = T\n", ":1: key 'title' outside any section"},
    {"[briefing\ntitle = T\n", ":1: malformed section header"},
    {"[source.a]\nurl = x\n", ": no [briefing] section"},
};

static void test_errors(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    write_config(bad[i].text);
    nb_drop_config c;
    nb_err e = {0};
    nb_status st = nb_drop_config_load(path, &c, &e);
    char want[512];
    snprintf(want, sizeof want, "%s%s", path, bad[i].msg);
    if (st != NB_USAGE || strncmp(e.msg, want, strlen(want)) != 0)
      fail_msg("case %zu: status %d, message '%s', expected '%s'", i, st,
               e.msg, want);
  }
}

static void test_missing_file(void **state) {
  (void)state;
  nb_drop_config c;
  nb_err e = {0};
  assert_int_equal(nb_drop_config_load("/nonexistent/b.ini", &c, &e), NB_IO);
  assert_non_null(strstr(e.msg, "/nonexistent/b.ini"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_defaults_and_paths, setup, teardown),
      cmocka_unit_test_setup_teardown(test_every_key, setup, teardown),
      cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
      cmocka_unit_test(test_missing_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
