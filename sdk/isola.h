/*
 * isola.h: the guest ABI of the Isola kernel (docs/kernel.md). Every import a container may use is listed here,
 * once. Include it from C compiled for wasm32 (bin/wasm-cc); it needs nothing but <stdint.h>.
 *
 *   - isola:sys: time, sleep, yield, log, the container's own name and limits, exit;
 *   - error codes: negative int32_t values returned by the calls that can fail;
 *   - context helpers: ISOLA_CONTEXT(name) exports a function `void name(void)` that the system file can name
 *     in [[containers.X.contexts]] export = "name".
 *
 * WASI preview 1 (wasi_snapshot_preview1) is offered too: printf works, and each line written to stdout or
 * stderr goes to the kernel's log prefixed with the container's name.
 */
#ifndef ISOLA_H
#define ISOLA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ISOLA_IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

/* ---- Errors: every failing call returns one of these (negative); 0 or a positive value means success. ---- */
#define ISOLA_OK            0
#define ISOLA_EFAULT       (-1)  /* a pointer and length do not lie inside the caller's memory */
#define ISOLA_EINVAL       (-2)  /* an argument is out of range (e.g. an unknown limit, a negative length) */
#define ISOLA_EUNAVAILABLE (-3)  /* a portal's exporter is not running (stopped, restarting, trapped) */
#define ISOLA_ETIMEDOUT    (-4)  /* a deadline passed before the call could complete */
#define ISOLA_ENOSPC       (-5)  /* a buffer does not fit (e.g. on the exporter's portal stack) */
#define ISOLA_EINTR        (-6)  /* a sleep ended early because the container is being stopped */

/* ---- Log levels for isola_log. ---- */
#define ISOLA_LOG_ERROR 0
#define ISOLA_LOG_WARN  1
#define ISOLA_LOG_INFO  2
#define ISOLA_LOG_DEBUG 3

/* ---- Limits for isola_limit. ---- */
#define ISOLA_LIMIT_MEMORY      0  /* memory limit in bytes */
#define ISOLA_LIMIT_BUDGET_TIME 1  /* CPU budget per period in ns; -1 when unlimited */
#define ISOLA_LIMIT_PERIOD      2  /* budget period in ns; -1 when unlimited */
#define ISOLA_LIMIT_PRIORITY    3  /* 0..99, higher runs first */
#define ISOLA_LIMIT_CRITICALITY 4  /* 0 high, 1 medium, 2 low */

/* ---- isola:sys ---- */

/* Monotonic time in nanoseconds since the system started. */
ISOLA_IMPORT("isola:sys", "now") int64_t isola_now(void);

/* Sleeps until isola_now() >= ns (returns at once if it already is). Other contexts of the container and other
   containers run meanwhile. Returns ISOLA_OK, or ISOLA_EINTR if the container is being stopped. */
ISOLA_IMPORT("isola:sys", "sleep_until") int32_t isola_sleep_until(int64_t ns);

/* Sleeps for ns nanoseconds (0: just yield). Returns as isola_sleep_until. */
ISOLA_IMPORT("isola:sys", "sleep_for") int32_t isola_sleep_for(int64_t ns);

/* Gives the CPU to other ready contexts of this container and to other containers of the same priority. */
ISOLA_IMPORT("isola:sys", "yield") void isola_yield(void);

/* Writes one line to the kernel's log, prefixed with the container's name. A bad pointer traps nothing: the
   line is dropped (the call cannot report errors, by design: logging must never fail a guest). */
ISOLA_IMPORT("isola:sys", "log") void isola_log(int32_t level, const char *text, int32_t len);

/* Copies the container's name (UTF-8, not NUL-terminated) into buf (at most cap bytes) and returns its full
   length, or ISOLA_EFAULT. */
ISOLA_IMPORT("isola:sys", "name") int32_t isola_name(char *buf, int32_t cap);

/* One of the container's limits (ISOLA_LIMIT_*), or ISOLA_EINVAL for an unknown one. */
ISOLA_IMPORT("isola:sys", "limit") int64_t isola_limit(int32_t which);

/* Ends the container, all its contexts, with status code (0: success; anything else counts as a failure for
   the restart policy "on-failure"). Does not return. */
ISOLA_IMPORT("isola:sys", "exit") __attribute__((noreturn)) void isola_exit(int32_t code);

/* ---- Helpers ---- */

/* Exports `void name(void)` as a context entry point named in the system file. */
#define ISOLA_CONTEXT(name) __attribute__((export_name(#name))) void name(void)

#define ISOLA_MS(n) ((int64_t)(n) * 1000000)
#define ISOLA_US(n) ((int64_t)(n) * 1000)

/* isola_log with a NUL-terminated string. */
static inline void isola_log_str(int32_t level, const char *text) {
  int32_t n = 0;
  while (text[n] != 0) {
    n++;
  }
  isola_log(level, text, n);
}

/* ---- Portals (written by the portal part of the kernel; see docs/system-file.md) ----
   A portal function is an ordinary import from module "portal:NAME"; a buffer parameter is two i32 (pointer,
   length). Declare each one you import, e.g.:
     ISOLA_IMPORT("portal:thermo", "read_raw") int32_t thermo_read_raw(uint8_t *buf, int32_t len);
   Buffers pass by value: the kernel copies `in`/`inout` buffers into the exporter's memory and `out`/`inout`
   buffers back after the call; the exporter never sees your pointer (an `out` buffer reaches it zeroed).
   A call never traps the caller; its result (if its first result is an integer) is instead:
     ISOLA_EFAULT       a buffer does not lie inside your memory (the exporter was not called);
     ISOLA_EUNAVAILABLE the exporter is not running (not started yet, stopped, restarting) or trapped in the call;
     ISOLA_ENOSPC       the buffers do not fit the exporter's portal stack (its `stack` in the system file).
   A float first result is NaN in those cases. Exporters should keep negative i32 results for these errors. */

#ifdef __cplusplus
}
#endif

#endif /* ISOLA_H */
