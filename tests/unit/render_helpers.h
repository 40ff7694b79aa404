/* render_helpers.h: what test_render.c and test_render_sinks.c share: a
 * temporary folder per test binary for the files they write, paths in it,
 * and how many entries it holds (a failed write must leave none).  Not a
 * test itself: CMake builds only tests/unit/test_*.c.  Include after
 * <cmocka.h>. */
#ifndef RENDER_HELPERS_H
#define RENDER_HELPERS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[256];

static inline int setup(void **state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/nb-render-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static inline int teardown(void **state) {
  (void)state;
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

/* name in the folder; the last four results stay valid, so that one call
 * can take several paths. */
static inline char *path_in(const char *name) {
  static char p[4][512];
  static int k;
  k = (k + 1) % 4;
  snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
  return p[k];
}

/* Number of entries in the folder other than . and .. */
static inline int entries(void) {
  DIR *d = opendir(dir);
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d)))
    if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
      n++;
  closedir(d);
  return n;
}

#endif
