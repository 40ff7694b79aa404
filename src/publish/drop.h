/* drop.h: the unattended job: read an INI configuration, fetch its sources,
 * skip stories already briefed (SQLite state), render one episode, update
 * the podcast feed, prune old episodes; never two runs at once. */
#ifndef NB_DROP_H
#define NB_DROP_H

#include "nb.h"

#include <signal.h>

typedef struct nb_drop_opts {
  const char *config;  /* INI file */
  const char *now;     /* override the date/time (ISO 8601) for tests, or NULL */
  unsigned jobs;
  const nb_diag *diag; /* progress and warnings (a failing source) */
  volatile sig_atomic_t *interrupted;
} nb_drop_opts;

typedef struct nb_drop_result {
  size_t n_new;        /* stories briefed in this episode */
  size_t n_sources_failed;
  char episode[1024];  /* path of the episode written, or "" */
} nb_drop_result;

/* Returns NB_BUSY when another run holds the lock, NB_EMPTY when nothing
 * new was found (nothing written). */
nb_status nb_drop_run(const nb_drop_opts *o, nb_drop_result *r, nb_err *e);

#endif
