/* entry.c: the libFuzzer entry point, one per target executable;
 * NB_FUZZ_FN (set by tests/fuzz/CMakeLists.txt) names the target. */
#include "nbfuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return NB_FUZZ_FN(data, size);
}
