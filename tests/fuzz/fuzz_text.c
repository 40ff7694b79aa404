/* fuzz_text.c: the plain-text reader on arbitrary bytes.  Its paragraphs
 * must be clean, normalized UTF-8 whatever the file holds. */
#include "readers.h"

int nb_fuzz_text(const uint8_t *data, size_t size) {
  nb_fuzz_run_reader("fuzz.txt", nb_input_text, data, size);
  return 0;
}
