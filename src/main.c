/* main.c: the command line (placeholder while the stages are built). */
#include "nb.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--version") == 0) {
    printf("newsbrief %s\n", NB_VERSION);
    return 0;
  }
  fprintf(stderr, "newsbrief: error: not yet\n");
  return 2;
}
