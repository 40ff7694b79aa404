/* dl.c: loading an optional library at first use (see dl.h). */
#include "base/dl.h"

#include <dlfcn.h>
#include <stdlib.h>

nb_status nb_dl_load(void **handle, const char *soname, const char *purpose,
                     const nb_dl_sym *syms, size_t n, nb_err *e) {
  if (*handle)
    return NB_OK;
  /* RTLD_NOW: a missing function shows here, not as a crash later. */
  void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!h)
    return nb_err_set(e, NB_IO, "%s needs %s: %s", purpose, soname,
                      dlerror());
  void **got = nb_xcalloc(n ? n : 1, sizeof *got);
  for (size_t i = 0; i < n; i++) {
    dlerror();
    got[i] = dlsym(h, syms[i].name);
    if (!got[i]) {
      free(got);
      dlclose(h);
      return nb_err_set(e, NB_IO, "%s needs %s: no function %s", purpose,
                        soname, syms[i].name);
    }
  }
  for (size_t i = 0; i < n; i++)
    *syms[i].slot = got[i];
  free(got);
  *handle = h; /* never closed: its functions stay in use until exit */
  return NB_OK;
}
