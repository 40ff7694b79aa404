/* config.c: the INI configuration of `newsbrief drop`, read with the shared
 * INI parser and checked key by key, so that a typo in a crontab's config
 * fails loudly with its file and line instead of silently doing the wrong
 * thing every morning. */
#define _POSIX_C_SOURCE 200809L
#include "publish.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

typedef struct loader {
  nb_drop_config *c;
  const char *path;
  char *output_raw, *state_raw, *lock_raw;
  int have_briefing;
  int title_line, output_line;
  nb_drop_source *cur; /* the [source.NAME] being filled */
} loader;

static const char *const formats[] = {"mp3", "wav", "flac", "ogg", "opus"};

const char *nb_drop_mime(const char *format) {
  if (!strcmp(format, "mp3"))
    return "audio/mpeg";
  if (!strcmp(format, "flac"))
    return "audio/flac";
  if (!strcmp(format, "wav"))
    return "audio/wav";
  /* Opus lives in an Ogg container; podcast apps know it as audio/ogg. */
  return "audio/ogg";
}

/* A path from the config: absolute stays, relative is taken from the
 * config file's folder (cron runs with another working directory). */
static char *resolve(const char *dir, const char *p) {
  if (p[0] == '/')
    return nb_xstrdup(p);
  nb_buf b = {0};
  nb_buf_printf(&b, "%s/%s", dir, p);
  return nb_buf_detach(&b);
}

static int parse_uint(const char *v, unsigned *out) {
  if (!isdigit((unsigned char)v[0]))
    return 0;
  errno = 0;
  char *end;
  unsigned long n = strtoul(v, &end, 10);
  if (*end || errno || n > 1000000)
    return 0;
  *out = (unsigned)n;
  return 1;
}

static int parse_bool(const char *v, int *out) {
  static const char *const yes[] = {"yes", "true", "on", "1"};
  static const char *const no[] = {"no", "false", "off", "0"};
  for (size_t i = 0; i < 4; i++) {
    if (!strcasecmp(v, yes[i])) {
      *out = 1;
      return 1;
    }
    if (!strcasecmp(v, no[i])) {
      *out = 0;
      return 1;
    }
  }
  return 0;
}

static int is_http(const char *v) {
  return !strncmp(v, "http://", 7) || !strncmp(v, "https://", 8);
}

static int bad(loader *L, int line, nb_err *e, const char *key,
               const char *section, const char *want) {
  nb_err_set(e, NB_USAGE, "%s:%d: bad value for '%s' in [%s]: %s", L->path,
             line, key, section, want);
  return 1;
}

static void set_str(char **dst, const char *v) {
  free(*dst);
  *dst = nb_xstrdup(v);
}

static int briefing_key(loader *L, const char *key, const char *v, int line,
                        nb_err *e) {
  nb_drop_config *c = L->c;
  char **text = NULL;
  if (!strcmp(key, "title"))
    text = &c->title, L->title_line = line;
  else if (!strcmp(key, "description"))
    text = &c->description;
  else if (!strcmp(key, "author"))
    text = &c->author;
  else if (!strcmp(key, "image"))
    text = &c->image;
  else if (!strcmp(key, "link"))
    text = &c->link;
  else if (!strcmp(key, "category"))
    text = &c->category;
  else if (!strcmp(key, "voice"))
    text = &c->voice;
  if (text) {
    if (!*v)
      return bad(L, line, e, key, "briefing", "empty");
    set_str(text, v);
    return 0;
  }
  if (!strcmp(key, "language")) {
    /* RFC 5646-ish: letters, digits and '-' only, so it is safe anywhere */
    size_t n = strlen(v);
    if (n < 2 || n > 35 || strspn(v, "abcdefghijklmnopqrstuvwxyz"
                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != n)
      return bad(L, line, e, key, "briefing", "a language code such as en or en-us");
    set_str(&c->language, v);
    return 0;
  }
  if (!strcmp(key, "output")) {
    if (!*v)
      return bad(L, line, e, key, "briefing", "empty");
    set_str(&L->output_raw, v);
    L->output_line = line;
    return 0;
  }
  if (!strcmp(key, "state") || !strcmp(key, "lock")) {
    if (!*v)
      return bad(L, line, e, key, "briefing", "empty");
    set_str(!strcmp(key, "state") ? &L->state_raw : &L->lock_raw, v);
    return 0;
  }
  if (!strcmp(key, "base_url")) {
    if (!is_http(v))
      return bad(L, line, e, key, "briefing", "an http:// or https:// URL");
    size_t n = strlen(v);
    free(c->base_url);
    c->base_url = nb_xmalloc(n + 2);
    memcpy(c->base_url, v, n + 1);
    if (v[n - 1] != '/')
      strcpy(c->base_url + n, "/");
    return 0;
  }
  if (!strcmp(key, "format")) {
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
      if (!strcasecmp(v, formats[i])) {
        set_str(&c->format, formats[i]);
        return 0;
      }
    return bad(L, line, e, key, "briefing", "one of mp3, wav, flac, ogg, opus");
  }
  if (!strcmp(key, "name")) {
    if (!*v || strchr(v, '/') || !strcmp(v, ".") || !strcmp(v, ".."))
      return bad(L, line, e, key, "briefing",
                 "a file name pattern without '/', e.g. briefing-%Y-%m-%d");
    set_str(&c->name, v);
    return 0;
  }
  if (!strcmp(key, "explicit"))
    return parse_bool(v, &c->explicit_content)
               ? 0
               : bad(L, line, e, key, "briefing", "yes or no");
  if (!strcmp(key, "transcript"))
    return parse_bool(v, &c->transcript) ? 0
                                         : bad(L, line, e, key, "briefing", "yes or no");
  if (!strcmp(key, "chapters"))
    return parse_bool(v, &c->chapters) ? 0
                                       : bad(L, line, e, key, "briefing", "yes or no");
  struct {
    const char *k;
    unsigned *dst;
    unsigned min;
  } nums[] = {{"retention_days", &c->retention_days, 0},
              {"max_episodes", &c->max_episodes, 0},
              {"max_stories", &c->max_stories, 0},
              {"lead_sentences", &c->lead_sentences, 1},
              {"max_quotes", &c->max_quotes, 0}};
  for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
    if (!strcmp(key, nums[i].k)) {
      unsigned n;
      if (!parse_uint(v, &n) || n < nums[i].min)
        return bad(L, line, e, key, "briefing",
                   nums[i].min ? "a whole number, 1 or more"
                               : "a whole number (0 = no limit)");
      *nums[i].dst = n;
      return 0;
    }
  if (!strcmp(key, "max_minutes")) {
    char *end;
    errno = 0;
    double m = strtod(v, &end);
    if (!*v || *end || errno || !(m >= 0 && m <= 24 * 60))
      return bad(L, line, e, key, "briefing", "minutes, e.g. 10 or 7.5 (0 = no limit)");
    c->max_minutes = m;
    return 0;
  }
  if (!strcmp(key, "speed")) {
    char *end;
    errno = 0;
    double s = strtod(v, &end);
    if (!*v || *end || errno || !(s >= NB_SPEED_MIN && s <= NB_SPEED_MAX))
      return bad(L, line, e, key, "briefing", "a factor from 0.5 to 3, e.g. 1.25");
    c->speed = s;
    return 0;
  }
  nb_err_set(e, NB_USAGE, "%s:%d: unknown key '%s' in [briefing]", L->path,
             line, key);
  return 1;
}

static int source_key(loader *L, const char *key, const char *v, int line,
                      nb_err *e) {
  nb_drop_source *s = L->cur;
  char section[160];
  snprintf(section, sizeof section, "source.%s", s->name);
  if (!strcmp(key, "url") || !strcmp(key, "path")) {
    if (s->url) {
      nb_err_set(e, NB_USAGE, "%s:%d: [%s] has both url and path (or one twice)",
                 L->path, line, section);
      return 1;
    }
    if (!*v)
      return bad(L, line, e, key, section, "empty");
    if (!strcmp(key, "url") && strstr(v, "://") && !is_http(v))
      return bad(L, line, e, key, section, "an http:// or https:// URL or a path");
    s->url = is_http(v) ? nb_xstrdup(v) : resolve(L->c->dir, v);
    return 0;
  }
  if (!strcmp(key, "follow_links"))
    return parse_bool(v, &s->follow_links) ? 0
                                           : bad(L, line, e, key, section, "yes or no");
  if (!strcmp(key, "max_items"))
    return parse_uint(v, &s->max_items)
               ? 0
               : bad(L, line, e, key, section, "a whole number (0 = all)");
  nb_err_set(e, NB_USAGE, "%s:%d: unknown key '%s' in [%s]", L->path, line,
             key, section);
  return 1;
}

static int on_key(void *ud, const char *section, const char *key,
                  const char *value, int line, nb_err *e) {
  loader *L = ud;
  if (!strcmp(section, "briefing")) {
    L->have_briefing = 1;
    return briefing_key(L, key, value, line, e);
  }
  if (!strncmp(section, "source.", 7)) {
    const char *name = section + 7;
    size_t n = strlen(name);
    if (!n || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "0123456789-_") != n) {
      nb_err_set(e, NB_USAGE,
                 "%s:%d: bad source name '%s' (letters, digits, '-', '_')",
                 L->path, line, name);
      return 1;
    }
    nb_drop_config *c = L->c;
    if (!L->cur || strcmp(L->cur->name, name)) {
      for (size_t i = 0; i < c->n_sources; i++)
        if (!strcmp(c->sources[i].name, name)) {
          nb_err_set(e, NB_USAGE, "%s:%d: [%s] appears twice", L->path, line,
                     section);
          return 1;
        }
      c->sources = nb_xrealloc(c->sources, (c->n_sources + 1) * sizeof *c->sources);
      L->cur = &c->sources[c->n_sources++];
      memset(L->cur, 0, sizeof *L->cur);
      L->cur->name = nb_xstrdup(name);
      L->cur->line = line;
    }
    return source_key(L, key, value, line, e);
  }
  if (!*section)
    nb_err_set(e, NB_USAGE, "%s:%d: key '%s' outside any section", L->path,
               line, key);
  else
    nb_err_set(e, NB_USAGE,
               "%s:%d: unknown section [%s] (expected [briefing] or "
               "[source.NAME])",
               L->path, line, section);
  return 1;
}

/* The line of a section's header: the INI reader reports key lines only,
 * and "has no url" is about the section. */
static int section_line(const char *path, const char *section, int fallback) {
  char *text;
  size_t len;
  if (nb_read_file(path, 1 << 20, &text, &len, NULL))
    return fallback;
  int line = 1, found = fallback;
  size_t n = strlen(section);
  for (char *p = text; *p; line++) {
    while (*p == ' ' || *p == '\t')
      p++;
    if (*p == '[') {
      char *q = p + 1;
      while (*q == ' ' || *q == '\t')
        q++;
      if (!strncmp(q, section, n)) {
        q += n;
        while (*q == ' ' || *q == '\t')
          q++;
        if (*q == ']') {
          found = line;
          break;
        }
      }
    }
    char *nl = strchr(p, '\n');
    if (!nl)
      break;
    p = nl + 1;
  }
  free(text);
  return found;
}

/* The episode name pattern comes from the user's config: that is its
 * purpose, so the warning about a non-literal format does not apply. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
size_t nb__drop_strftime(char *out, size_t n, const char *pattern,
                         const struct tm *tm) {
  return strftime(out, n, pattern, tm);
}
#pragma GCC diagnostic pop

/* A name pattern must expand to something usable: strftime returns 0 for
 * an empty or overlong result. */
static int name_ok(const char *pattern) {
  char out[256];
  struct tm tm = {.tm_year = 123, .tm_mon = 2, .tm_mday = 17};
  size_t n = nb__drop_strftime(out, sizeof out, pattern, &tm);
  return n > 0 && !strchr(out, '/') && strcmp(out, ".") && strcmp(out, "..");
}

nb_status nb_drop_config_load(const char *path, nb_drop_config *c, nb_err *e) {
  memset(c, 0, sizeof *c);
  c->path = nb_xstrdup(path);
  /* the folder of the config file, absolute */
  const char *slash = strrchr(path, '/');
  char *dir = slash ? nb_xstrndup(path, (size_t)(slash - path) + (slash == path))
                    : nb_xstrdup(".");
  if (dir[0] != '/') {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) {
      free(dir);
      free(c->path);
      memset(c, 0, sizeof *c);
      return nb_err_set(e, NB_IO, "%s: cannot find the current folder: %s",
                        path, strerror(errno));
    }
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/%s", cwd, dir);
    free(dir);
    dir = nb_buf_detach(&b);
  }
  c->dir = dir;
  c->language = nb_xstrdup("en");
  c->format = nb_xstrdup("mp3");
  c->name = nb_xstrdup("briefing-%Y-%m-%d");
  c->transcript = c->chapters = 1;
  c->lead_sentences = 1;
  c->max_quotes = 2;
  /* A 40-item feed should still give a briefing someone listens to the
   * end of: ten minutes unless the config says otherwise (0 = no limit). */
  c->max_minutes = 10;

  loader L = {.c = c, .path = path};
  nb_status st = nb_ini_parse(path, on_key, &L, e);
  if (st == NB_PARSE)
    st = e ? (e->status = NB_USAGE) : NB_USAGE; /* a malformed config is a usage error */
  if (st == NB_OK && !L.have_briefing)
    st = nb_err_set(e, NB_USAGE, "%s: no [briefing] section", path);
  if (st == NB_OK && !c->title)
    st = nb_err_set(e, NB_USAGE, "%s: missing required key 'title' in [briefing]",
                    path);
  if (st == NB_OK && !L.output_raw)
    st = nb_err_set(e, NB_USAGE,
                    "%s: missing required key 'output' in [briefing]", path);
  if (st == NB_OK && !name_ok(c->name))
    st = nb_err_set(e, NB_USAGE,
                    "%s: bad value for 'name' in [briefing]: expands to an "
                    "empty or unusable file name",
                    path);
  if (st == NB_OK && c->n_sources == 0)
    st = nb_err_set(e, NB_USAGE,
                    "%s: no source: add a [source.NAME] section with a url",
                    path);
  for (size_t i = 0; st == NB_OK && i < c->n_sources; i++)
    if (!c->sources[i].url) {
      char sec[160];
      snprintf(sec, sizeof sec, "source.%s", c->sources[i].name);
      st = nb_err_set(e, NB_USAGE, "%s:%d: [source.%s] has no url (or path)",
                      path, section_line(path, sec, c->sources[i].line),
                      c->sources[i].name);
    }
  if (st == NB_OK) {
    c->output = resolve(c->dir, L.output_raw);
    if (L.state_raw)
      c->state = resolve(c->dir, L.state_raw);
    else {
      nb_buf b = {0};
      nb_buf_printf(&b, "%s/.newsbrief-state.sqlite", c->output);
      c->state = nb_buf_detach(&b);
    }
    if (L.lock_raw)
      c->lock = resolve(c->dir, L.lock_raw);
    else {
      nb_buf b = {0};
      nb_buf_printf(&b, "%s/.newsbrief.lock", c->output);
      c->lock = nb_buf_detach(&b);
    }
    if (!c->description)
      c->description = nb_xstrdup(c->title);
  }
  free(L.output_raw);
  free(L.state_raw);
  free(L.lock_raw);
  if (st != NB_OK)
    nb_drop_config_release(c);
  return st;
}

void nb_drop_config_release(nb_drop_config *c) {
  if (!c)
    return;
  char **strs[] = {&c->path,   &c->dir,      &c->title,    &c->description,
                   &c->author, &c->image,    &c->link,     &c->language,
                   &c->category, &c->output, &c->base_url, &c->format,
                   &c->voice,  &c->name,     &c->state,    &c->lock};
  for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
    free(*strs[i]);
  for (size_t i = 0; i < c->n_sources; i++) {
    free(c->sources[i].name);
    free(c->sources[i].url);
  }
  free(c->sources);
  memset(c, 0, sizeof *c);
}
