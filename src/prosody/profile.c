/* profile.c: voice profiles (voices/NAME.voice, INI): one eSpeak voice per
 * kind of speech, the pauses, and the words a briefing adds around stories.
 * Found in $NEWSBRIEF_VOICES, beside the binary (BIN/../share/newsbrief/
 * voices), the build tree, then the configured data directory, so newsbrief
 * works both from the build tree and installed. */
#include "prosody.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NB_VOICES_BUILD_DIR
#define NB_VOICES_BUILD_DIR "voices"
#endif
#ifndef NB_VOICES_INSTALL_DIR
#define NB_VOICES_INSTALL_DIR "/usr/local/share/newsbrief/voices"
#endif

/* BIN/../share/newsbrief/voices beside the running binary, so that an
 * installed newsbrief finds its voices wherever the prefix was. */
static const char *exe_voices(void) {
  static char dir[4096];
  static int done;
  if (done)
    return dir[0] ? dir : NULL;
  done = 1;
  char exe[2048];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0)
    return NULL;
  exe[n] = 0;
  char *slash = strrchr(exe, '/');
  if (!slash)
    return NULL;
  *slash = 0;
  snprintf(dir, sizeof dir, "%s/../share/newsbrief/voices", exe);
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    dir[0] = 0;
  return dir[0] ? dir : NULL;
}

/* The folders searched, in order; NULL entries are skipped. */
static void search_dirs(const char *dirs[4]) {
  dirs[0] = getenv("NEWSBRIEF_VOICES");
  if (dirs[0] && !*dirs[0])
    dirs[0] = NULL;
  dirs[1] = exe_voices();
  dirs[2] = NB_VOICES_BUILD_DIR;
  dirs[3] = NB_VOICES_INSTALL_DIR;
}

static void set_str(char **dst, const char *v) {
  free(*dst);
  *dst = nb_xstrdup(v);
}

static int parse_int(const char *v, int lo, int hi, int *out) {
  char *end;
  errno = 0;
  long n = strtol(v, &end, 10);
  if (errno || end == v || *end || n < lo || n > hi)
    return 0;
  *out = (int)n;
  return 1;
}

typedef struct load_ctx {
  nb_profile *p;
} load_ctx;

static int on_key(void *ud, const char *section, const char *key,
                  const char *value, int line, nb_err *e) {
  nb_profile *p = ((load_ctx *)ud)->p;
  nb_voice *v = NULL;
  if (strcmp(section, "narrator") == 0)
    v = &p->narrator;
  else if (strcmp(section, "attribution") == 0)
    v = &p->attribution;
  else if (strcmp(section, "quote") == 0)
    v = &p->quote;
  if (v) {
    int n, lo = 0, hi = 100, *dst = NULL;
    if (strcmp(key, "voice") == 0) {
      size_t len = strlen(value);
      if (len == 0 || len >= sizeof v->espeak || strpbrk(value, " \t/\\"))
        goto bad;
      memcpy(v->espeak, value, len + 1);
      return 0;
    } else if (strcmp(key, "rate") == 0) {
      dst = &v->rate, lo = 80, hi = 450;
    } else if (strcmp(key, "pitch") == 0) {
      dst = &v->pitch;
    } else if (strcmp(key, "range") == 0) {
      dst = &v->range;
    } else if (strcmp(key, "volume") == 0) {
      dst = &v->volume, hi = 200;
    } else if (strcmp(key, "pause") == 0) {
      if (!parse_int(value, 0, 10000, &n))
        goto bad;
      v->pause_ms = (unsigned)n;
      return 0;
    } else {
      goto unknown;
    }
    if (!parse_int(value, lo, hi, &n)) {
      nb_err_set(e, NB_PARSE, "%s:%d: %s must be a whole number from %d to %d",
                 p->path, line, key, lo, hi);
      return 1;
    }
    *dst = n;
    return 0;
  }
  if (strcmp(section, "profile") == 0) {
    int n;
    if (strcmp(key, "description") == 0) {
      set_str(&p->description, value);
    } else if (strcmp(key, "story_pause") == 0) {
      if (!parse_int(value, 0, 10000, &n))
        goto bad;
      p->story_pause_ms = (unsigned)n;
    } else if (strcmp(key, "quote_style") == 0) {
      if (strcmp(value, "words") == 0)
        p->quote_words = 1;
      else if (strcmp(value, "voice") == 0 || strcmp(value, "marks") == 0)
        p->quote_words = 0;
      else
        goto bad;
    } else {
      goto unknown;
    }
    return 0;
  }
  if (strcmp(section, "words") == 0) {
    char **dst = strcmp(key, "intro") == 0         ? &p->intro
                 : strcmp(key, "transition") == 0  ? &p->transition
                 : strcmp(key, "outro") == 0       ? &p->outro
                 : strcmp(key, "dateline") == 0    ? &p->dateline
                 : strcmp(key, "quote_open") == 0  ? &p->quote_open
                 : strcmp(key, "quote_close") == 0 ? &p->quote_close
                 : strcmp(key, "unknown_speaker") == 0 ? &p->unknown_speaker
                                                       : NULL;
    if (!dst)
      goto unknown;
    set_str(dst, value);
    return 0;
  }
  nb_err_set(e, NB_PARSE, "%s:%d: unknown section [%s]", p->path, line,
             section);
  return 1;
unknown:
  nb_err_set(e, NB_PARSE, "%s:%d: unknown key '%s' in [%s]", p->path, line,
             key, section);
  return 1;
bad:
  nb_err_set(e, NB_PARSE, "%s:%d: bad value for %s: '%s'", p->path, line, key,
             value);
  return 1;
}

static void voice_defaults(nb_voice *v, const char *name, const char *espeak,
                           int pitch) {
  memset(v, 0, sizeof *v);
  snprintf(v->name, sizeof v->name, "%s", name);
  snprintf(v->espeak, sizeof v->espeak, "%s", espeak);
  v->rate = 170;
  v->pitch = pitch;
  v->range = 50;
  v->volume = 100;
  v->pause_ms = 350;
}

static int is_path(const char *name) {
  size_t n = strlen(name);
  return strchr(name, '/') || (n > 6 && strcmp(name + n - 6, ".voice") == 0);
}

/* Finds NAME.voice in the search folders; returns 1 and fills path. */
static int find_profile(const char *name, char *path, size_t size) {
  const char *dirs[4];
  search_dirs(dirs);
  for (int i = 0; i < 4; i++) {
    if (!dirs[i])
      continue;
    snprintf(path, size, "%s/%s.voice", dirs[i], name);
    if (access(path, R_OK) == 0)
      return 1;
  }
  return 0;
}

nb_status nb_profile_load(const char *name, nb_profile *p, nb_err *e) {
  memset(p, 0, sizeof *p);
  if (!name || !*name)
    name = "newsroom";
  if (is_path(name)) {
    snprintf(p->path, sizeof p->path, "%s", name);
    struct stat st;
    if (stat(name, &st) != 0)
      return nb_err_set(e, NB_USAGE, "%s: %s", name, strerror(errno));
  } else {
    for (const char *c = name; *c; c++)
      if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
            (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
        return nb_err_set(e, NB_USAGE, "unknown voice profile '%s'", name);
    if (!find_profile(name, p->path, sizeof p->path))
      return nb_err_set(e, NB_USAGE,
                        "unknown voice profile '%s' (see newsbrief voices)",
                        name);
  }
  const char *base = strrchr(p->path, '/');
  base = base ? base + 1 : p->path;
  snprintf(p->name, sizeof p->name, "%.*s", (int)strcspn(base, "."), base);
  voice_defaults(&p->narrator, "narrator", "en-us", 45);
  voice_defaults(&p->attribution, "attribution", "en-us", 35);
  voice_defaults(&p->quote, "quote", "en-us+f3", 60);
  p->story_pause_ms = 700;
  p->intro = nb_xstrdup("This is {title} for {date}.");
  p->transition = nb_xstrdup("Next.");
  p->outro = nb_xstrdup("That was {title}.");
  p->dateline = nb_xstrdup("");
  p->quote_open = nb_xstrdup("quote");
  p->quote_close = nb_xstrdup("end quote");
  p->unknown_speaker = nb_xstrdup("One source said");
  p->description = nb_xstrdup("");
  load_ctx ctx = {p};
  nb_status st = nb_ini_parse(p->path, on_key, &ctx, e);
  if (st != NB_OK) {
    nb_profile_release(p);
    if (st == NB_IO)
      e->status = NB_USAGE;
    return e ? e->status : st;
  }
  return NB_OK;
}

void nb_profile_release(nb_profile *p) {
  free(p->intro);
  free(p->transition);
  free(p->outro);
  free(p->dateline);
  free(p->quote_open);
  free(p->quote_close);
  free(p->unknown_speaker);
  free(p->description);
  p->intro = p->transition = p->outro = p->dateline = NULL;
  p->quote_open = p->quote_close = p->unknown_speaker = p->description = NULL;
}

static unsigned scaled_pause(unsigned ms, double speed) {
  return (unsigned)(ms / speed + 0.5);
}

void nb_profile_set_speed(nb_profile *p, double speed) {
  if (!(speed >= NB_SPEED_MIN && speed <= NB_SPEED_MAX))
    return;
  nb_voice *v[3] = {&p->narrator, &p->attribution, &p->quote};
  for (int i = 0; i < 3; i++) {
    long r = lround(v[i]->rate * speed);
    v[i]->rate = (int)(r < 80 ? 80 : r > NB_RATE_MAX ? NB_RATE_MAX : r);
    v[i]->pause_ms = scaled_pause(v[i]->pause_ms, speed);
  }
  p->story_pause_ms = scaled_pause(p->story_pause_ms, speed);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void nb_profile_list(nb_buf *out) {
  const char *dirs[4];
  search_dirs(dirs);
  char **lines = NULL; /* "NAME\tPATH\n", the first folder's of a name wins */
  size_t n = 0;
  for (int i = 0; i < 4; i++) {
    DIR *d = dirs[i] ? opendir(dirs[i]) : NULL;
    if (!d)
      continue;
    struct dirent *de;
    while ((de = readdir(d))) {
      size_t len = strlen(de->d_name);
      if (len <= 6 || strcmp(de->d_name + len - 6, ".voice") != 0)
        continue;
      int dup = 0;
      for (size_t k = 0; k < n; k++)
        dup |= strncmp(lines[k], de->d_name, len - 6) == 0 &&
               lines[k][len - 6] == '\t';
      if (dup)
        continue;
      nb_buf line = {0};
      nb_buf_printf(&line, "%.*s\t%s/%s\n", (int)(len - 6), de->d_name,
                    dirs[i], de->d_name);
      lines = nb_xrealloc(lines, (n + 1) * sizeof *lines);
      lines[n++] = nb_buf_detach(&line);
    }
    closedir(d);
  }
  if (n > 1)
    qsort(lines, n, sizeof *lines, cmp_str);
  for (size_t k = 0; k < n; k++) {
    nb_buf_puts(out, lines[k]);
    free(lines[k]);
  }
  free(lines);
}
