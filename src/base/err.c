/* err.c: status texts, error messages and warnings that library code hands
 * back to main.c instead of printing. */
#include "../nb.h"

#include <stdio.h>

const char *nb_status_text(nb_status s) {
  switch (s) {
#define NB__CASE(name, text)                                                   \
  case NB_##name:                                                              \
    return text;
    NB_STATUS_MAP(NB__CASE)
#undef NB__CASE
  }
  return "unknown error";
}

nb_status nb_err_set(nb_err *e, nb_status s, const char *fmt, ...) {
  if (e) {
    va_list ap;
    va_start(ap, fmt);
    e->status = s;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
  }
  return s;
}

void nb_diag_printf(const nb_diag *d, nb_level level, const char *fmt, ...) {
  if (!d || !d->fn)
    return;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  d->fn(d->ud, level, msg);
}
