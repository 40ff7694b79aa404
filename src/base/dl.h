/* dl.h: libraries that only some commands need (libcurl for URLs,
 * PortAudio for --play and `devices`) are loaded when first used instead
 * of at start-up: linked, they would add about thirty shared objects, and
 * some 35 ms of loading, to every run (SQLite, one object, stays linked).  Each caller
 * keeps a table of the library's functions, typed from the library's own
 * header, and fills it with nb_dl_load. */
#ifndef NB_DL_H
#define NB_DL_H
#include "nb.h"

typedef struct nb_dl_sym {
  const char *name; /* "Pa_Initialize" */
  void **slot;      /* where its address goes */
} nb_dl_sym;

/* Fills every slot from soname (loaded once for the process; *handle keeps
 * it, and a second call with a loaded handle does nothing).  NB_OK, or
 * NB_IO "PURPOSE needs SONAME: WHY" when the library or a function is
 * missing, with every slot left as it was. */
nb_status nb_dl_load(void **handle, const char *soname, const char *purpose,
                     const nb_dl_sym *syms, size_t n, nb_err *e);

#endif
