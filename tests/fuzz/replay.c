/* replay.c: runs a target's LLVMFuzzerTestOneInput on every file of the
 * folders (or files) given, without libFuzzer: for reproducing a crash
 * under a debugger, or replaying a corpus in a build without -fsanitize=fuzzer.
 * usage: replay_TARGET DIR|FILE...; exits 0 when every input passed. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 1;
  }
  size_t cap = 1 << 16, len = 0;
  uint8_t *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap) {
      uint8_t *nbuf = realloc(buf, cap *= 2);
      if (!nbuf)
        free(buf);
      buf = nbuf;
    }
  }
  fclose(f);
  if (!buf) {
    fprintf(stderr, "%s: out of memory\n", path);
    return 1;
  }
  /* An exact-size copy, so that AddressSanitizer sees reads past the end. */
  uint8_t *exact = malloc(len ? len : 1);
  if (len)
    memcpy(exact, buf, len);
  free(buf);
  fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
  LLVMFuzzerTestOneInput(exact, len);
  free(exact);
  return 0;
}

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  int rc = 0;
  size_t runs = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      perror(argv[i]);
      rc = 1;
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      rc |= run_file(argv[i]);
      runs++;
      continue;
    }
    DIR *d = opendir(argv[i]);
    if (!d) {
      perror(argv[i]);
      rc = 1;
      continue;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
      if (ent->d_name[0] == '.')
        continue;
      names = realloc(names, (n + 1) * sizeof *names);
      size_t l = strlen(argv[i]) + strlen(ent->d_name) + 2;
      names[n] = malloc(l);
      snprintf(names[n], l, "%s/%s", argv[i], ent->d_name);
      n++;
    }
    closedir(d);
    if (n)
      qsort(names, n, sizeof *names, cmp);
    for (size_t k = 0; k < n; k++) {
      rc |= run_file(names[k]);
      runs++;
      free(names[k]);
    }
    free(names);
  }
  fprintf(stderr, "replay: %zu inputs\n", runs);
  return rc;
}
