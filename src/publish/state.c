/* state.c: what `newsbrief drop` remembers between runs, in SQLite (the only
 * file that includes sqlite3.h): the stories already briefed, so each drop
 * holds only new ones, and the episodes, from which the feed is rebuilt. */
#include "publish.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct nb_state {
  sqlite3 *db;
  char *path;
};

/* Version 1: the schema below.  A later version adds an upgrade step keyed
 * on PRAGMA user_version rather than changing these statements. */
#define STATE_VERSION 1
static const char schema_v1[] =
    "CREATE TABLE IF NOT EXISTS episodes ("
    "  id INTEGER PRIMARY KEY,"
    "  guid TEXT NOT NULL UNIQUE,"
    "  file TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL DEFAULT '',"
    "  type TEXT NOT NULL,"
    "  date INTEGER NOT NULL,"
    "  duration REAL NOT NULL DEFAULT 0,"
    "  bytes INTEGER NOT NULL DEFAULT 0,"
    "  transcript TEXT,"
    "  chapters TEXT);"
    "CREATE TABLE IF NOT EXISTS stories ("
    "  key TEXT PRIMARY KEY,"
    "  title TEXT,"
    "  source TEXT,"
    "  first_briefed INTEGER NOT NULL,"
    "  episode_id INTEGER);" /* NULL: seen, but left out by the caps */
    "CREATE INDEX IF NOT EXISTS stories_episode ON stories(episode_id);";

static nb_status db_err(nb_state *s, nb_err *e, const char *what) {
  return nb_err_set(e, NB_IO, "%s: %s: %s", s->path, what,
                    sqlite3_errmsg(s->db));
}

static nb_status exec(nb_state *s, const char *sql, nb_err *e) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    nb_status st = nb_err_set(e, NB_IO, "%s: %s", s->path,
                              msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return st;
  }
  return NB_OK;
}

nb_status nb_state_open(const char *path, nb_state **out, nb_err *e) {
  nb_state *s = nb_xcalloc(1, sizeof *s);
  s->path = nb_xstrdup(path);
  int rc = sqlite3_open_v2(path, &s->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                               SQLITE_OPEN_NOMUTEX,
                           NULL);
  nb_status st = NB_OK;
  if (rc != SQLITE_OK) {
    st = nb_err_set(e, NB_IO, "%s: cannot open the state database: %s", path,
                    s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
    goto fail;
  }
  /* The lock keeps drops apart, but a person may be reading the database
   * with the sqlite3 shell: wait for them rather than fail. */
  sqlite3_busy_timeout(s->db, 10000);
  if ((st = exec(s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE;"
                    "PRAGMA synchronous = FULL;",
                 e)))
    goto fail;
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK) {
    st = db_err(s, e, "not a state database");
    goto fail;
  }
  int version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
  sqlite3_finalize(q);
  if (version < 0) {
    st = db_err(s, e, "not a state database");
    goto fail;
  }
  if (version > STATE_VERSION) {
    st = nb_err_set(e, NB_IO,
                    "%s: state database version %d is newer than this "
                    "newsbrief understands (%d)",
                    path, version, STATE_VERSION);
    goto fail;
  }
  if (version < STATE_VERSION) {
    if ((st = exec(s, "BEGIN IMMEDIATE", e)))
      goto fail;
    if ((st = exec(s, schema_v1, e)) ||
        (st = exec(s, "PRAGMA user_version = 1", e)) ||
        (st = exec(s, "COMMIT", e))) {
      exec(s, "ROLLBACK", NULL);
      goto fail;
    }
  }
  *out = s;
  return NB_OK;
fail:
  nb_state_close(s);
  return st;
}

void nb_state_close(nb_state *s) {
  if (!s)
    return;
  sqlite3_close(s->db);
  free(s->path);
  free(s);
}

nb_status nb_state_begin(nb_state *s, nb_err *e) {
  return exec(s, "BEGIN IMMEDIATE", e);
}

nb_status nb_state_commit(nb_state *s, nb_err *e) {
  return exec(s, "COMMIT", e);
}

void nb_state_rollback(nb_state *s) {
  if (!sqlite3_get_autocommit(s->db))
    exec(s, "ROLLBACK", NULL);
}

int nb_state_seen(nb_state *s, const char *key, int64_t *when) {
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db, "SELECT first_briefed FROM stories WHERE key = ?",
                         -1, &q, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
  int seen = sqlite3_step(q) == SQLITE_ROW;
  if (seen && when)
    *when = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  return seen;
}

int64_t nb_state_last_drop(nb_state *s) {
  sqlite3_stmt *q;
  int64_t t = 0;
  if (sqlite3_prepare_v2(s->db, "SELECT max(date) FROM episodes", -1, &q,
                         NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step(q) == SQLITE_ROW)
    t = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  return t;
}

int nb_state_file_used(nb_state *s, const char *file) {
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM episodes WHERE file = ?", -1,
                         &q, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text(q, 1, file, -1, SQLITE_STATIC);
  int used = sqlite3_step(q) == SQLITE_ROW;
  sqlite3_finalize(q);
  return used;
}

static void bind_opt(sqlite3_stmt *q, int i, const char *v) {
  if (v)
    sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(q, i);
}

nb_status nb_state_add_episode(nb_state *s, nb_episode *ep, nb_err *e) {
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO episodes (guid, file, title, description,"
                         " type, date, duration, bytes, transcript, chapters)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?)",
                         -1, &q, NULL) != SQLITE_OK)
    return db_err(s, e, "cannot record the episode");
  bind_opt(q, 1, ep->guid);
  bind_opt(q, 2, ep->file);
  bind_opt(q, 3, ep->title);
  bind_opt(q, 4, ep->description ? ep->description : "");
  bind_opt(q, 5, ep->type);
  sqlite3_bind_int64(q, 6, ep->date);
  sqlite3_bind_double(q, 7, ep->duration);
  sqlite3_bind_int64(q, 8, ep->bytes);
  bind_opt(q, 9, ep->transcript);
  bind_opt(q, 10, ep->chapters);
  int rc = sqlite3_step(q);
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE)
    return db_err(s, e, "cannot record the episode");
  ep->id = sqlite3_last_insert_rowid(s->db);
  return NB_OK;
}

nb_status nb_state_add_story(nb_state *s, const char *key, const char *title,
                             const char *source, int64_t when,
                             int64_t episode_id, nb_err *e) {
  sqlite3_stmt *q;
  /* A story seen earlier but left out keeps its first time; being briefed
   * now gives it its episode. */
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO stories (key, title, source,"
                         " first_briefed, episode_id) VALUES (?,?,?,?,?)"
                         " ON CONFLICT(key) DO UPDATE SET"
                         " episode_id = coalesce(excluded.episode_id, episode_id)",
                         -1, &q, NULL) != SQLITE_OK)
    return db_err(s, e, "cannot record a story");
  bind_opt(q, 1, key);
  bind_opt(q, 2, title);
  bind_opt(q, 3, source);
  sqlite3_bind_int64(q, 4, when);
  if (episode_id)
    sqlite3_bind_int64(q, 5, episode_id);
  else
    sqlite3_bind_null(q, 5);
  int rc = sqlite3_step(q);
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE)
    return db_err(s, e, "cannot record a story");
  return NB_OK;
}

nb_status nb_state_delete_episode(nb_state *s, int64_t id, nb_err *e) {
  sqlite3_stmt *q;
  /* The stories stay, so that a pruned episode's stories are not briefed
   * again; only their link to the episode goes. */
  if (sqlite3_prepare_v2(s->db,
                         "UPDATE stories SET episode_id = NULL WHERE episode_id = ?1;",
                         -1, &q, NULL) != SQLITE_OK)
    return db_err(s, e, "cannot prune an episode");
  sqlite3_bind_int64(q, 1, id);
  int rc = sqlite3_step(q);
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE)
    return db_err(s, e, "cannot prune an episode");
  if (sqlite3_prepare_v2(s->db, "DELETE FROM episodes WHERE id = ?1", -1, &q,
                         NULL) != SQLITE_OK)
    return db_err(s, e, "cannot prune an episode");
  sqlite3_bind_int64(q, 1, id);
  rc = sqlite3_step(q);
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE)
    return db_err(s, e, "cannot prune an episode");
  return NB_OK;
}

static char *col_str(sqlite3_stmt *q, int i) {
  const unsigned char *t = sqlite3_column_text(q, i);
  return t ? nb_xstrdup((const char *)t) : NULL;
}

nb_status nb_state_episodes(nb_state *s, nb_episode **out, size_t *n,
                            nb_err *e) {
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT id, guid, file, title, description, type, date,"
                         " duration, bytes, transcript, chapters FROM episodes"
                         " ORDER BY date DESC, id DESC",
                         -1, &q, NULL) != SQLITE_OK)
    return db_err(s, e, "cannot list the episodes");
  nb_episode *eps = NULL;
  size_t count = 0;
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    eps = nb_xrealloc(eps, (count + 1) * sizeof *eps);
    nb_episode *ep = &eps[count++];
    ep->id = sqlite3_column_int64(q, 0);
    ep->guid = col_str(q, 1);
    ep->file = col_str(q, 2);
    ep->title = col_str(q, 3);
    ep->description = col_str(q, 4);
    ep->type = col_str(q, 5);
    ep->date = sqlite3_column_int64(q, 6);
    ep->duration = sqlite3_column_double(q, 7);
    ep->bytes = sqlite3_column_int64(q, 8);
    ep->transcript = col_str(q, 9);
    ep->chapters = col_str(q, 10);
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) {
    nb_state_episodes_free(eps, count);
    return db_err(s, e, "cannot list the episodes");
  }
  *out = eps;
  *n = count;
  return NB_OK;
}

void nb_state_episodes_free(nb_episode *eps, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(eps[i].guid);
    free(eps[i].file);
    free(eps[i].title);
    free(eps[i].description);
    free(eps[i].type);
    free(eps[i].transcript);
    free(eps[i].chapters);
  }
  free(eps);
}
