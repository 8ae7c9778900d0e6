// libFuzzer's entry point for programs that have their own main (it is linked in by
// -sanitize=fuzzer). SwiftPM names an executable's entry point MODULE_main on Linux, so
// libFuzzer's own main cannot be used; ours calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
