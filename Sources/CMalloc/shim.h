// glibc's allocator tuning (mallopt), which the Glibc module does not expose; see MallocPolicy.swift.
#if defined(__linux__)
#include <malloc.h>
#endif
