/* publish.h: the pieces of `newsbrief drop` behind nb_drop_run: the INI
 * configuration, the SQLite state, the run lock and the podcast feed writer.
 * Internal to src/publish and its tests; main.c needs only drop.h. */
#ifndef NB_PUBLISH_H
#define NB_PUBLISH_H

#include "nb.h"

#include <stdint.h>
#include <time.h>

/* ---- configuration (config.c) ------------------------------------------ */

typedef struct nb_drop_source {
  char *name;       /* NAME of [source.NAME] */
  char *url;        /* http(s) URL, or a path made absolute against the
                       config file's folder */
  int follow_links; /* fetch each item's page for the full text */
  unsigned max_items; /* 0 = all items of the feed */
  int line;         /* line of the section header, for messages */
} nb_drop_source;

typedef struct nb_drop_config {
  char *path; /* the INI file */
  char *dir;  /* its folder: relative paths are relative to it */
  /* [briefing]: feed metadata */
  char *title, *description, *author, *image, *link, *language, *category;
  int explicit_content;
  /* files */
  char *output;   /* absolute folder */
  char *base_url; /* ends in '/', or NULL: the feed then uses bare file names */
  char *format;   /* mp3 wav flac ogg opus */
  char *voice;    /* profile name or path, or NULL for the default */
  double speed;   /* speaking speed factor, 0: the profile's own */
  char *name;     /* strftime pattern of the episode's base name */
  char *state;    /* SQLite file */
  char *lock;     /* lock file */
  int transcript, chapters;
  /* limits (0 = none) */
  unsigned retention_days, max_episodes, max_stories;
  double max_minutes;
  unsigned lead_sentences, max_quotes;
  nb_drop_source *sources;
  size_t n_sources;
} nb_drop_config;

/* Loads and checks a configuration.  Errors are NB_USAGE "FILE:LINE: ..."
 * for unknown sections and keys, bad values and missing required keys
 * (title, output, one source with a url), NB_IO when the file is
 * unreadable.  On failure *c holds nothing to release. */
nb_status nb_drop_config_load(const char *path, nb_drop_config *c, nb_err *e);
void nb_drop_config_release(nb_drop_config *c);

/* strftime with the user's name pattern (the one non-literal format). */
size_t nb__drop_strftime(char *out, size_t n, const char *pattern,
                         const struct tm *tm);

/* The MIME type of an enclosure of this format ("audio/mpeg"...). */
const char *nb_drop_mime(const char *format);

/* ---- state (state.c, the only file including sqlite3.h) ---------------- */

typedef struct nb_state nb_state;

/* One episode as the state remembers it; strings are malloc'ed by
 * nb_state_episodes and freed by nb_state_episodes_free. */
typedef struct nb_episode {
  int64_t id;
  char *guid, *file, *title, *description, *type;
  char *transcript, *chapters; /* file names beside the episode, or NULL */
  int64_t date;                /* Unix time */
  double duration;             /* seconds */
  int64_t bytes;
} nb_episode;

/* Opens (creating when needed) the state database at path, with a busy
 * timeout, and brings its schema to the current version. */
nb_status nb_state_open(const char *path, nb_state **out, nb_err *e);
void nb_state_close(nb_state *s);

/* 1 when a story with this key was seen by an earlier drop; *when gets the
 * time it was first briefed. */
int nb_state_seen(nb_state *s, const char *key, int64_t *when);
/* The time of the last episode, or 0 when there is none. */
int64_t nb_state_last_drop(nb_state *s);

nb_status nb_state_begin(nb_state *s, nb_err *e);
nb_status nb_state_commit(nb_state *s, nb_err *e);
void nb_state_rollback(nb_state *s);

/* Inside a transaction: records an episode (ep->id is set) and a story.
 * episode_id 0 records a story as seen but left out (over the caps). */
nb_status nb_state_add_episode(nb_state *s, nb_episode *ep, nb_err *e);
nb_status nb_state_add_story(nb_state *s, const char *key, const char *title,
                             const char *source, int64_t when,
                             int64_t episode_id, nb_err *e);
nb_status nb_state_delete_episode(nb_state *s, int64_t id, nb_err *e);
/* 1 when an episode already uses this file name. */
int nb_state_file_used(nb_state *s, const char *file);

/* Every episode, newest first.  Free with nb_state_episodes_free. */
nb_status nb_state_episodes(nb_state *s, nb_episode **out, size_t *n,
                            nb_err *e);
void nb_state_episodes_free(nb_episode *eps, size_t n);

/* ---- lock (lock.c) ------------------------------------------------------ */

/* Takes an exclusive, non-blocking flock on path (created when missing) and
 * writes our pid into it.  NB_BUSY "another drop is running (lock PATH held
 * by pid N)" when another process holds it.  The kernel drops the lock when
 * the process dies, so kill -9 never leaves a stale lock. *fd gets the open
 * descriptor for nb_lock_release. */
nb_status nb_lock_acquire(const char *path, int *fd, nb_err *e);
void nb_lock_release(int fd);

/* ---- podcast feed (podcast.c) ------------------------------------------- */

typedef struct nb_feed_channel {
  const char *title, *description, *link, *language, *author, *image;
  const char *category; /* "News" or "News/Daily News" (with subcategory) */
  int explicit_content;
  const char *base_url; /* prefix of enclosure and transcript URLs, or NULL */
  int64_t build_date;   /* lastBuildDate, Unix time */
} nb_feed_channel;

/* Appends a podcast RSS 2.0 feed (iTunes and Podcasting 2.0 namespaces) of
 * the episodes, given newest first.  Every text is XML-escaped. */
void nb_podcast_feed(const nb_feed_channel *c, const nb_episode *eps, size_t n,
                     nb_buf *out);

/* Formats t as an RFC 822 date in UTC ("Fri, 17 Mar 2023 06:00:00 +0000"). */
void nb_rfc822(int64_t t, char out[40]);

#endif
