/* drop.c: `newsbrief drop`, the unattended job: under a lock, read the
 * configured sources, keep the stories no earlier drop briefed, render one
 * episode, then record it, prune old episodes and rewrite feed.xml.
 *
 * Order matters for crash safety: the episode files are complete (renamed
 * into place by nb_render) before the feed names them, the feed is written
 * before the state transaction commits, and old files are deleted only
 * after it commits.  A drop killed at any point leaves the previous episode
 * and feed intact, and its stories are briefed again next time. */
#include "drop.h"
#include "input/input.h"
#include "prosody/prosody.h"
#include "publish.h"
#include "sink/render.h"
#include "summarize/summarize.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Words per minute for the length estimate when the profile gives none:
 * a newsreader's pace. */
#define DEFAULT_WPM 150
#define DEFAULT_VOICE "newsroom"

typedef struct cand {
  nb_article *article; /* borrowed from the list */
  char key[1100];
  nb_story *story;
  int chosen;
} cand;

static int interrupted(const nb_drop_opts *o) {
  return o->interrupted && *o->interrupted;
}

/* ---- time ---------------------------------------------------------------- */

/* o->now: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]", local time unless it
 * ends in Z. */
static nb_status parse_now(const char *s, time_t *out, nb_err *e) {
  struct tm tm = {0};
  int n = 0, y, mo, d, h = 0, mi = 0, sec = 0;
  char z = 0;
  if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
    goto bad;
  const char *p = s + n;
  if (*p == 'T' || *p == ' ') {
    int m = 0;
    if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &m) != 2)
      goto bad;
    p += 1 + m;
    if (*p == ':') {
      m = 0;
      if (sscanf(p + 1, "%2d%n", &sec, &m) != 1)
        goto bad;
      p += 1 + m;
    }
  }
  if (*p == 'Z')
    z = *p++;
  if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
      sec > 60)
    goto bad;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  tm.tm_isdst = -1;
  *out = z ? timegm(&tm) : mktime(&tm);
  return NB_OK;
bad:
  return nb_err_set(e, NB_USAGE,
                    "--now: '%s' is not a date (YYYY-MM-DD[THH:MM[:SS][Z]])",
                    s);
}

static void spoken_date(time_t t, char *out, size_t n) {
  static const char *const days[] = {"Sunday",   "Monday", "Tuesday",
                                     "Wednesday", "Thursday", "Friday",
                                     "Saturday"};
  static const char *const months[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  struct tm tm;
  localtime_r(&t, &tm);
  snprintf(out, n, "%s, %s %d, %d", days[tm.tm_wday], months[tm.tm_mon],
           tm.tm_mday, tm.tm_year + 1900);
}

/* ---- files --------------------------------------------------------------- */

static nb_status mkdir_p(const char *path, nb_err *e) {
  char *p = nb_xstrdup(path);
  for (char *s = p + 1;; s++) {
    if (*s == '/' || !*s) {
      char c = *s;
      *s = 0;
      if (mkdir(p, 0755) != 0 && errno != EEXIST) {
        nb_status st = nb_err_set(e, NB_IO, "%s: cannot create: %s", p,
                                  strerror(errno));
        free(p);
        return st;
      }
      *s = c;
      if (!c)
        break;
    }
  }
  free(p);
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
    return nb_err_set(e, NB_IO, "%s: not a folder", path);
  return NB_OK;
}

/* Temporary files of a drop that was killed (nb_atomic's NAME.tmp-XXXXXX):
 * under the lock no other drop is writing, so whatever is left is debris. */
static void sweep_tmp(const char *dir, const nb_diag *diag) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *de;
  while ((de = readdir(d))) {
    const char *t = strstr(de->d_name, ".tmp-");
    if (!t || strlen(t) != 11)
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    if (unlink(path) == 0)
      nb_diag_printf(diag, NB_INFO, "%s: removed, left by an interrupted drop",
                     path);
  }
  closedir(d);
}

static char *join(const char *dir, const char *name) {
  nb_buf b = {0};
  nb_buf_printf(&b, "%s/%s", dir, name);
  return nb_buf_detach(&b);
}

static void unlink_in(const char *dir, const char *name) {
  if (!name)
    return;
  char *p = join(dir, name);
  unlink(p);
  free(p);
}

/* The episode's base name: the pattern for this day; when an episode of the
 * state already uses it (a second drop that day), -HHMM, then a counter.  A
 * file that exists but that the state does not know is left over from a
 * killed drop and may be replaced. */
static char *episode_base(const nb_drop_config *c, nb_state *s, time_t now) {
  struct tm tm;
  localtime_r(&now, &tm);
  char base[256], try[300], file[320];
  nb__drop_strftime(base, sizeof base, c->name, &tm);
  snprintf(try, sizeof try, "%s", base);
  for (int i = 0;; i++) {
    snprintf(file, sizeof file, "%s.%s", try, c->format);
    if (!nb_state_file_used(s, file))
      return nb_xstrdup(try);
    if (i == 0)
      snprintf(try, sizeof try, "%s-%02d%02d", base, tm.tm_hour, tm.tm_min);
    else
      snprintf(try, sizeof try, "%s-%02d%02d-%d", base, tm.tm_hour, tm.tm_min,
               i + 1);
  }
}

/* ---- stories ------------------------------------------------------------- */

static uint64_t fnv1a(uint64_t h, const char *s) {
  for (; s && *s; s++)
    h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
  return (h ^ 0xff) * 0x100000001b3ULL; /* field separator */
}

/* The story key: its link when it has one (the same story from two feeds
 * shares it), else a hash of the configured source's name, the title and
 * the first paragraph. */
static void story_key(cand *k) {
  const nb_article *a = k->article;
  if (a->link && *a->link) {
    snprintf(k->key, sizeof k->key, "%s", a->link);
    return;
  }
  uint64_t h = 0xcbf29ce484222325ULL;
  h = fnv1a(h, a->source_name);
  h = fnv1a(h, a->title);
  h = fnv1a(h, a->n_paras ? a->paras[0] : "");
  snprintf(k->key, sizeof k->key, "hash:%016llx", (unsigned long long)h);
}

static const char *story_title(const cand *k) {
  if (k->article->title && *k->article->title)
    return k->article->title;
  if (k->story && k->story->n_lead)
    return k->story->lead[0];
  return k->article->source;
}

/* ---- the job ------------------------------------------------------------- */

typedef struct job {
  const nb_drop_opts *o;
  nb_drop_result *r;
  nb_drop_config c;
  int lock_fd;
  nb_state *state;
  nb_article_list articles; /* read and not briefed before */
  size_t n_read;            /* articles read */
  cand *cands;
  size_t n_cands;
  nb_profile profile;
  int have_profile;
  nb_script *script;
  time_t now;
  char *base;          /* episode base name */
  char *audio, *vtt, *chap; /* file names in output */
  int files_made;      /* the new episode's files exist and are not yet in the
                          feed: remove them on failure */
  int64_t episode_bytes;
  double episode_duration;
} job;

static nb_status read_sources(job *j, nb_err *e) {
  const nb_drop_config *c = &j->c;
  nb_err last = {0};
  size_t failed = 0;
  for (size_t i = 0; i < c->n_sources; i++) {
    const nb_drop_source *src = &c->sources[i];
    if (interrupted(j->o))
      return nb_err_set(e, NB_INTERRUPTED, "drop interrupted");
    nb_input_opts io = {.follow_links = src->follow_links, .diag = j->o->diag};
    nb_article_list got = {0};
    nb_err se = {0};
    nb_status st = nb_input_read(src->url, &io, &got, &se);
    if (st != NB_OK) {
      failed++;
      last = se;
      nb_diag_printf(j->o->diag, NB_WARN, "source %s: %s", src->name,
                     se.msg[0] ? se.msg : nb_status_text(st));
      nb_article_list_release(&got);
      continue;
    }
    size_t keep = got.n;
    if (src->max_items && keep > src->max_items)
      keep = src->max_items;
    nb_diag_printf(j->o->diag, NB_INFO, "source %s: %zu item%s%s", src->name,
                   got.n, got.n == 1 ? "" : "s",
                   keep < got.n ? " (max_items applies)" : "");
    for (size_t k = 0; k < got.n; k++) {
      if (k < keep) {
        nb_article *a = got.items[k];
        a->source_name = nb_arena_strdup(a->arena, src->name);
        nb_article_list_push(&j->articles, a);
      } else
        nb_article_free(got.items[k]);
    }
    free(got.items);
  }
  j->r->n_sources_failed = failed;
  if (failed == c->n_sources) {
    if (c->n_sources == 1)
      return nb_err_set(e, last.status ? last.status : NB_IO, "%s", last.msg);
    return nb_err_set(e, last.status ? last.status : NB_IO,
                      "all %zu sources failed (last: %s)", c->n_sources,
                      last.msg);
  }
  return NB_OK;
}

/* Picks the new stories: not in the state, not twice in this drop
 * (nb_input_dedup: the same story from two feeds is briefed once), with
 * something to say, within max_stories and max_minutes.  Every story read
 * and not briefed before becomes a candidate, so that the state remembers
 * it; duplicates come last and are never chosen. */
static void choose(job *j) {
  const nb_drop_config *c = &j->c;
  nb_summary_opts so = {.lead_sentences = c->lead_sentences,
                        .max_quotes = c->max_quotes,
                        .diag = j->o->diag};
  size_t n_read = j->n_read = j->articles.n, n_seen = 0, o = 0;
  /* stories briefed before go first: a new story is no duplicate of one */
  for (size_t i = 0; i < n_read; i++) {
    cand k = {.article = j->articles.items[i]};
    story_key(&k);
    if (nb_state_seen(j->state, k.key, NULL)) {
      n_seen++;
      nb_article_free(k.article);
      continue;
    }
    j->articles.items[o++] = k.article;
  }
  j->articles.n = o;
  nb_article_list dups = {0};
  nb_input_dedup_keep(&j->articles, &dups, j->o->diag);
  size_t n_new = j->articles.n, n_dup = dups.n;
  for (size_t i = 0; i < dups.n; i++)
    nb_article_list_push(&j->articles, dups.items[i]);
  free(dups.items);

  unsigned wpm = j->have_profile && j->profile.narrator.rate > 0
                     ? (unsigned)j->profile.narrator.rate
                     : DEFAULT_WPM;
  double budget_words = c->max_minutes > 0 ? c->max_minutes * wpm : 0;
  double words = 30; /* intro and outro */
  size_t n_chosen = 0;
  j->cands = nb_xcalloc(j->articles.n ? j->articles.n : 1, sizeof *j->cands);
  for (size_t i = 0; i < j->articles.n; i++) {
    cand *k = &j->cands[j->n_cands++];
    k->article = j->articles.items[i];
    story_key(k);
    if (i >= n_new)
      continue; /* a duplicate: recorded as seen, never briefed */
    k->story = nb_summarize(k->article, &so);
    if (k->story->n_lead == 0 && k->story->n_key == 0) {
      nb_diag_printf(j->o->diag, NB_INFO, "%s: no text to brief, skipped",
                     k->article->source);
      continue;
    }
    if (c->max_stories && n_chosen >= c->max_stories)
      continue;
    double w = (double)nb_story_words(k->story);
    if (budget_words > 0 && n_chosen > 0 && words + w > budget_words)
      continue;
    words += w;
    k->chosen = 1;
    n_chosen++;
  }
  j->r->n_new = n_chosen;
  nb_diag_printf(j->o->diag, NB_INFO,
                 "%zu item%s read, %zu already briefed, %zu duplicate%s, "
                 "%zu chosen (about %.1f minutes)",
                 n_read, n_read == 1 ? "" : "s", n_seen, n_dup,
                 n_dup == 1 ? "" : "s", n_chosen, words / wpm);
}

static nb_status render(job *j, nb_err *e) {
  const nb_drop_config *c = &j->c;
  nb_story **stories = nb_xcalloc(j->r->n_new ? j->r->n_new : 1, sizeof *stories);
  size_t n = 0;
  for (size_t i = 0; i < j->n_cands; i++)
    if (j->cands[i].chosen)
      stories[n++] = j->cands[i].story;
  char date[64], iso[32];
  spoken_date(j->now, date, sizeof date);
  struct tm tm;
  localtime_r(&j->now, &tm);
  strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
  nb_script_opts so = {.frame = 1, .date = date, .title = c->title};
  j->script = nb_script_build(stories, n, &j->profile, &so);
  free(stories);

  j->base = episode_base(c, j->state, j->now);
  nb_buf b = {0};
  nb_buf_printf(&b, "%s.%s", j->base, c->format);
  j->audio = nb_buf_detach(&b);
  if (c->transcript) {
    nb_buf_printf(&b, "%s.vtt", j->base);
    j->vtt = nb_buf_detach(&b);
  }
  if (c->chapters) {
    nb_buf_printf(&b, "%s.chapters.json", j->base);
    j->chap = nb_buf_detach(&b);
  }
  char *audio = join(c->output, j->audio);
  char *vtt = j->vtt ? join(c->output, j->vtt) : NULL;
  char *chap = j->chap ? join(c->output, j->chap) : NULL;
  char title[512];
  snprintf(title, sizeof title, "%s, %s", c->title, date);
  nb_render_opts ro = {.output = audio,
                       .transcript = vtt,
                       .chapters = chap,
                       .jobs = j->o->jobs,
                       .title = title,
                       .artist = c->author,
                       .album = c->title,
                       .date = iso,
                       .comment = c->description,
                       /* published: on disk before the feed names it */
                       .durable = 1,
                       .diag = j->o->diag,
                       .interrupted = j->o->interrupted};
  nb_render_result rr = {0};
  nb_diag_printf(j->o->diag, NB_INFO, "rendering %s", audio);
  nb_status st = nb_render(j->script, &ro, &rr, e);
  if (st == NB_OK) {
    j->files_made = 1;
    snprintf(j->r->episode, sizeof j->r->episode, "%s", audio);
    struct stat sb;
    if (stat(audio, &sb) != 0)
      st = nb_err_set(e, NB_IO, "%s: %s", audio, strerror(errno));
    else {
      j->episode_bytes = (int64_t)sb.st_size;
      j->episode_duration = rr.duration;
    }
  }
  free(audio);
  free(vtt);
  free(chap);
  return st;
}

static void describe(job *j, nb_buf *b) {
  nb_buf_puts(b, "In this briefing: ");
  size_t k = 0;
  for (size_t i = 0; i < j->n_cands; i++)
    if (j->cands[i].chosen) {
      if (k++)
        nb_buf_puts(b, "; ");
      nb_buf_puts(b, story_title(&j->cands[i]));
    }
  nb_buf_puts(b, ".");
}

static nb_status write_feed(job *j, nb_err *e) {
  const nb_drop_config *c = &j->c;
  nb_episode *eps;
  size_t n;
  nb_status st = nb_state_episodes(j->state, &eps, &n, e);
  if (st)
    return st;
  nb_feed_channel ch = {.title = c->title,
                        .description = c->description,
                        .link = c->link,
                        .language = c->language,
                        .author = c->author,
                        .image = c->image,
                        .category = c->category,
                        .explicit_content = c->explicit_content,
                        .base_url = c->base_url,
                        .build_date = (int64_t)j->now};
  nb_buf b = {0};
  nb_podcast_feed(&ch, eps, n, &b);
  nb_state_episodes_free(eps, n);
  char *path = join(c->output, "feed.xml");
  st = nb_write_file_atomic(path, b.ptr, b.len, e);
  free(path);
  nb_buf_release(&b);
  return st;
}

/* Which episodes retention removes: older than retention_days, or beyond
 * max_episodes; never the newest one, whatever the settings say. */
static nb_status prune(job *j, nb_episode **gone, size_t *n_gone, nb_err *e) {
  const nb_drop_config *c = &j->c;
  nb_episode *eps;
  size_t n;
  *gone = NULL;
  *n_gone = 0;
  nb_status st = nb_state_episodes(j->state, &eps, &n, e);
  if (st)
    return st;
  nb_episode *out = nb_xcalloc(n ? n : 1, sizeof *out);
  size_t k = 0;
  int64_t cutoff = (int64_t)j->now - (int64_t)c->retention_days * 86400;
  for (size_t i = 0; i < n; i++) {
    int old = c->retention_days && eps[i].date < cutoff;
    int many = c->max_episodes && i >= c->max_episodes;
    if (i == 0 || !(old || many))
      continue;
    if ((st = nb_state_delete_episode(j->state, eps[i].id, e)))
      break;
    out[k++] = eps[i];
    memset(&eps[i], 0, sizeof eps[i]); /* moved to out */
  }
  nb_state_episodes_free(eps, n);
  if (st) {
    nb_state_episodes_free(out, k);
    return st;
  }
  *gone = out;
  *n_gone = k;
  return NB_OK;
}

static nb_status publish(job *j, nb_err *e) {
  const nb_drop_config *c = &j->c;
  nb_status st = nb_state_begin(j->state, e);
  if (st)
    return st;
  char guid[400];
  snprintf(guid, sizeof guid, "newsbrief:%s:%lld", j->base, (long long)j->now);
  char title[512], date[64];
  spoken_date(j->now, date, sizeof date);
  snprintf(title, sizeof title, "%s, %s", c->title, date);
  nb_buf desc = {0};
  describe(j, &desc);
  nb_episode ep = {.guid = guid,
                   .file = j->audio,
                   .title = title,
                   .description = desc.ptr,
                   .type = (char *)nb_drop_mime(c->format),
                   .transcript = j->vtt,
                   .chapters = j->chap,
                   .date = (int64_t)j->now,
                   .duration = j->episode_duration,
                   .bytes = j->episode_bytes};
  st = nb_state_add_episode(j->state, &ep, e);
  nb_buf_release(&desc);
  for (size_t i = 0; st == NB_OK && i < j->n_cands; i++) {
    const cand *k = &j->cands[i];
    st = nb_state_add_story(j->state, k->key, story_title(k),
                            k->article->source_name,
                            (int64_t)j->now, k->chosen ? ep.id : 0, e);
  }
  nb_episode *gone = NULL;
  size_t n_gone = 0;
  if (st == NB_OK)
    st = prune(j, &gone, &n_gone, e);
  if (st == NB_OK && interrupted(j->o))
    st = nb_err_set(e, NB_INTERRUPTED, "drop interrupted");
  if (st == NB_OK)
    st = write_feed(j, e);
  if (st == NB_OK)
    st = nb_state_commit(j->state, e);
  if (st != NB_OK) {
    nb_state_rollback(j->state);
    nb_state_episodes_free(gone, n_gone);
    return st;
  }
  j->files_made = 0; /* in the feed now: they stay */
  for (size_t i = 0; i < n_gone; i++) {
    unlink_in(c->output, gone[i].file);
    unlink_in(c->output, gone[i].transcript);
    unlink_in(c->output, gone[i].chapters);
    nb_diag_printf(j->o->diag, NB_INFO, "pruned %s", gone[i].file);
  }
  nb_state_episodes_free(gone, n_gone);
  return NB_OK;
}

static void job_release(job *j) {
  if (j->files_made) {
    unlink_in(j->c.output, j->audio);
    unlink_in(j->c.output, j->vtt);
    unlink_in(j->c.output, j->chap);
    j->r->episode[0] = 0;
  }
  nb_script_free(j->script);
  for (size_t i = 0; i < j->n_cands; i++)
    nb_story_free(j->cands[i].story);
  free(j->cands);
  nb_article_list_release(&j->articles);
  if (j->have_profile)
    nb_profile_release(&j->profile);
  nb_state_close(j->state);
  if (j->lock_fd >= 0)
    nb_lock_release(j->lock_fd);
  free(j->base);
  free(j->audio);
  free(j->vtt);
  free(j->chap);
  nb_drop_config_release(&j->c);
}

nb_status nb_drop_run(const nb_drop_opts *o, nb_drop_result *r, nb_err *e) {
  nb_drop_result dummy;
  if (!r)
    r = &dummy;
  memset(r, 0, sizeof *r);
  job j = {.o = o, .r = r, .lock_fd = -1};
  nb_status st = nb_drop_config_load(o->config, &j.c, e);
  if (st)
    return st;
  if (o->now)
    st = parse_now(o->now, &j.now, e);
  else
    j.now = time(NULL);
  if (st == NB_OK)
    st = mkdir_p(j.c.output, e);
  if (st == NB_OK)
    st = nb_lock_acquire(j.c.lock, &j.lock_fd, e);
  if (st == NB_OK) {
    sweep_tmp(j.c.output, o->diag);
    st = nb_state_open(j.c.state, &j.state, e);
  }
  if (st == NB_OK) {
    const char *voice = j.c.voice ? j.c.voice : DEFAULT_VOICE;
    st = nb_profile_load(voice, &j.profile, e);
    j.have_profile = st == NB_OK;
    if (j.have_profile && j.c.speed)
      nb_profile_set_speed(&j.profile, j.c.speed);
  }
  if (st == NB_OK)
    st = read_sources(&j, e);
  if (st == NB_OK && interrupted(o))
    st = nb_err_set(e, NB_INTERRUPTED, "drop interrupted");
  if (st == NB_OK) {
    choose(&j);
    if (r->n_new == 0) {
      int64_t last = nb_state_last_drop(j.state);
      if (last) {
        char when[40];
        nb_rfc822(last, when);
        st = nb_err_set(e, NB_EMPTY, "nothing new since %s", when);
      } else
        st = nb_err_set(e, NB_EMPTY, "nothing to brief in %zu item%s",
                        j.n_read, j.n_read == 1 ? "" : "s");
    }
  }
  if (st == NB_OK && interrupted(o))
    st = nb_err_set(e, NB_INTERRUPTED, "drop interrupted");
  if (st == NB_OK)
    st = render(&j, e);
  if (st == NB_OK)
    st = publish(&j, e);
  if (st != NB_OK)
    r->n_new = st == NB_EMPTY ? 0 : r->n_new;
  job_release(&j);
  return st;
}
