/*
 * sahifa_release_memory(): hands the memory the process has freed back to the system, where the
 * C library would otherwise keep it for later. glibc's malloc keeps what a thread freed in that
 * thread's arena: after an import of 100,000 articles, 100 MB of the process's memory was such
 * memory, and after a million, 200 MB (docs/benchmarks.md, "Memory after an import"). The library
 * calls it when an import or a re-index has finished (Library.releaseMemory), not on any path a
 * reader waits on: it walks every arena.
 *
 * Returns 1 when memory went back, 0 when none did or the C library has no such call (macOS and
 * Windows return freed memory on their own).
 *
 * Part of the same loadable module as sahifa_rank (sahifa_rank.c registers it).
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static void releaseMemory(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
#if defined(__GLIBC__)
  sqlite3_result_int(context, malloc_trim(0));
#else
  sqlite3_result_int(context, 0);
#endif
}

int sahifa_register_release_memory(sqlite3 *db) {
  return sqlite3_create_function_v2(db, "sahifa_release_memory", 0, SQLITE_UTF8, 0, releaseMemory, 0, 0, 0);
}
