/* fuzz_html.c: the HTML reader (libxml2's HTML parser plus reader-mode
 * extraction and JSON-LD) on arbitrary bytes. */
#include "readers.h"

int nb_fuzz_html(const uint8_t *data, size_t size) {
  nb_fuzz_run_reader("fuzz.html", nb_input_html, data, size);
  return 0;
}
