/*
 * isola.h: the guest ABI of the Isola kernel (docs/kernel.md). Every import a container may use is listed here,
 * once. Include it from C compiled for wasm32 (bin/wasm-cc); it needs nothing but <stdint.h>.
 *
 *   - isola:sys: time, sleep, yield, log, the container's own name and limits, exit;
 *   - error codes: negative int32_t values returned by the calls that can fail;
 *   - context helpers: ISOLA_CONTEXT(name) exports a function `void name(void)` that the system file can name
 *     in [[containers.X.contexts]] export = "name";
 *   - peripheral I/O: isola:gpio, i2c, spi, uart, adc, pwm, timer, on labels the module declares and the system
 *     file binds (docs/io.md).
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
/* Peripheral I/O (isola:gpio, i2c, spi, uart, adc, pwm, timer, irq; docs/io.md): */
#define ISOLA_EBUSY        (-7)  /* already in use: the label is open already (wasi:gpio already-in-use) */
#define ISOLA_EACCES       (-8)  /* the label is bound to you but this is not allowed on it, e.g. a write on an
                                    input, or gpio open of an i2c label (wasi:gpio pin-not-allowed) */
#define ISOLA_ENOENT       (-9)  /* undefined label: your module does not declare it (ISOLA_NEED) or the system
                                    file does not bind it (wasi:gpio undefined-label) */
#define ISOLA_EBADF        (-10) /* not an open handle of this call's kind in this container (or closed) */
#define ISOLA_ENOTSUP      (-11) /* the board's backend cannot do it */
#define ISOLA_ENACK_ADDR   (-12) /* I2C: no acknowledge of the address (wasi:i2c no-acknowledge(address)) */
#define ISOLA_ENACK_DATA   (-13) /* I2C: no acknowledge of a data byte (wasi:i2c no-acknowledge(data)) */
#define ISOLA_EARBITRATION (-14) /* I2C: arbitration lost (wasi:i2c arbitration-loss) */
#define ISOLA_EIO          (-15) /* a bus error or another failure of the device (wasi:i2c bus/other) */
#define ISOLA_EAGAIN       (-16) /* nothing to read now (a UART read with timeout 0) */

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

/* ---- Peripheral needs (written by bind; docs/peripherals.md) ----
   A module states each peripheral it uses, by label and kind, in its custom section "isola.peripherals"; the
   system file binds each label to a board resource ([containers.X.peripherals]) and `isola check` refuses a
   label left unbound, a resource of the wrong kind and constraints the board cannot meet. `isola inspect M.wasm`
   prints the needs. Write them at file scope, in any number of source files (the linker concatenates them):
     ISOLA_NEED("i2c sensor address=0x48 speed=100000,400000");
     ISOLA_NEED_GPIO_IN(button, up, falling);    -> "gpio-in button pull=up edge=falling"
   A record is "KIND LABEL[ KEY=VALUE]*", one space between fields; labels are 1 to 32 of a-z 0-9 _ -, starting
   with a letter; numbers are decimal or 0x hex. Kinds and keys (each key optional):
     gpio-in  pull=up|down|none edge=rising|falling|both|none   (an edge makes the label an interrupt line)
     gpio-out initial=0|1
     i2c      address=0x00..0x7f speed=HZ[,HZ]*                  (the bus must run one of the speeds)
     spi      mode=0..3 hz=HZ                                    (hz: the clock the device is run at)
     uart     baud=N
     adc      bits=N                                             (at least N bits)
     pwm      hz=N
     timer
   The record is emitted by a top-level asm statement into the section ".custom_section.isola.peripherals": LLVM
   makes a custom section of that name only for sections its assembler creates; a C variable given that section
   with __attribute__((section)) would land in the data segment instead. So the text must be string literals with
   no '"' or '\' in them, and the macros work at file scope only. */
#define ISOLA_NEED(text) \
  __asm__(".section .custom_section.isola.peripherals,\"\",@\n\t.asciz \"" text "\"\n\t.text\n")
/* Kind-specific forms: labels and values as bare words, e.g. ISOLA_NEED_I2C(sensor, 0x48, 400000). */
#define ISOLA_NEED_GPIO_IN(label, pull, edge) ISOLA_NEED("gpio-in " #label " pull=" #pull " edge=" #edge)
#define ISOLA_NEED_GPIO_OUT(label, initial) ISOLA_NEED("gpio-out " #label " initial=" #initial)
#define ISOLA_NEED_I2C(label, address, speed) ISOLA_NEED("i2c " #label " address=" #address " speed=" #speed)
#define ISOLA_NEED_SPI(label, mode, hz) ISOLA_NEED("spi " #label " mode=" #mode " hz=" #hz)
#define ISOLA_NEED_UART(label, baud) ISOLA_NEED("uart " #label " baud=" #baud)
#define ISOLA_NEED_ADC(label, bits) ISOLA_NEED("adc " #label " bits=" #bits)
#define ISOLA_NEED_PWM(label, hz) ISOLA_NEED("pwm " #label " hz=" #hz)
#define ISOLA_NEED_TIMER(label) ISOLA_NEED("timer " #label)

/* ---- Peripheral I/O (written by io; docs/io.md) ----
   A module declares each peripheral it uses with ISOLA_NEED (a label and its kind); the system file binds each
   label to a resource of the board. A guest opens a label and gets a handle (int32_t >= 0) owned by this life of
   the container: a restart or a swap closes every handle, the next life opens them again. Every call checks, in
   this order: lengths (ISOLA_EINVAL), buffers (ISOLA_EFAULT), the handle (ISOLA_EBADF: not open, closed, another
   container's, or of another module: a gpio handle passed to isola_i2c_read), the label's rights (ISOLA_EACCES),
   the other arguments (ISOLA_EINVAL), then the device.
   Labels are (pointer, length), not NUL-terminated; ISOLA_LABEL("led") expands to both.
   One call moves at most ISOLA_IO_MAX bytes (ISOLA_EINVAL above); a transaction has at most ISOLA_IO_MAX_OPS
   operations. Buffer pointers are unsigned offsets in memory 0. */
#define ISOLA_LABEL(s) (s), (int32_t)(sizeof(s) - 1)
#define ISOLA_IO_MAX     65536
#define ISOLA_IO_MAX_OPS 64

/* isola:gpio (wasi:gpio): a gpio-in label reads; a gpio-out label reads (its driven level), writes and toggles.
   Direction, pull, edge and initial level come from the label's ISOLA_NEED record. */
/* Opens a gpio-in or gpio-out label. Returns a handle, or ISOLA_ENOENT (undefined label), ISOLA_EBUSY (already
   open), ISOLA_EACCES (the label is not a GPIO), ISOLA_EFAULT. */
ISOLA_IMPORT("isola:gpio", "open") int32_t isola_gpio_open(const char *label, int32_t len);
/* Closes the handle (its interrupt line, if attached, goes with it). ISOLA_OK or ISOLA_EBADF. */
ISOLA_IMPORT("isola:gpio", "close") int32_t isola_gpio_close(int32_t h);
/* The pin's level: 0 or 1 (electrical level: an active-low button reads 0 when pressed). */
ISOLA_IMPORT("isola:gpio", "read") int32_t isola_gpio_read(int32_t h);
/* Drives a gpio-out pin to level (0 or 1; else ISOLA_EINVAL). ISOLA_EACCES on a gpio-in. */
ISOLA_IMPORT("isola:gpio", "write") int32_t isola_gpio_write(int32_t h, int32_t level);
/* Inverts a gpio-out pin; returns the new level. ISOLA_EACCES on a gpio-in. */
ISOLA_IMPORT("isola:gpio", "toggle") int32_t isola_gpio_toggle(int32_t h);

/* isola:i2c (wasi:i2c): the handle talks to the bound device's 7-bit address only; a transaction keeps the bus
   (repeated start between its operations, one stop at the end). Bus errors: ISOLA_ENACK_ADDR, ISOLA_ENACK_DATA,
   ISOLA_EARBITRATION, ISOLA_EIO. Slow transfers block only the calling context. */
#define ISOLA_I2C_READ  0
#define ISOLA_I2C_WRITE 1
typedef struct { int32_t kind; void *buf; int32_t len; } isola_i2c_op;  /* 12 bytes: kind, ptr, len */
ISOLA_IMPORT("isola:i2c", "open") int32_t isola_i2c_open(const char *label, int32_t len);
ISOLA_IMPORT("isola:i2c", "close") int32_t isola_i2c_close(int32_t h);
/* Reads len bytes from the device; returns len. */
ISOLA_IMPORT("isola:i2c", "read") int32_t isola_i2c_read(int32_t h, void *buf, int32_t len);
/* Writes len bytes to the device; returns len. */
ISOLA_IMPORT("isola:i2c", "write") int32_t isola_i2c_write(int32_t h, const void *buf, int32_t len);
/* Writes wlen bytes, then (repeated start) reads rlen bytes: a register read. Returns ISOLA_OK. */
ISOLA_IMPORT("isola:i2c", "write_read")
int32_t isola_i2c_write_read(int32_t h, const void *wbuf, int32_t wlen, void *rbuf, int32_t rlen);
/* Runs count operations as one transaction. Returns ISOLA_OK. */
ISOLA_IMPORT("isola:i2c", "transaction")
int32_t isola_i2c_transaction(int32_t h, const isola_i2c_op *ops, int32_t count);

/* isola:spi (wasi:spi): the handle is the bound device (its chip select, mode and clock from the board and the
   need). A transfer is full duplex: len bytes out of tx while len bytes come into rx; tx 0 (NULL) sends zero
   bytes (0x00), rx 0 discards what comes back. Chip select stays asserted for a whole transaction. */
typedef struct { const void *tx; void *rx; int32_t len; } isola_spi_op;  /* 12 bytes: tx, rx, len */
ISOLA_IMPORT("isola:spi", "open") int32_t isola_spi_open(const char *label, int32_t len);
ISOLA_IMPORT("isola:spi", "close") int32_t isola_spi_close(int32_t h);
/* One transfer of len bytes with chip select held; returns len. */
ISOLA_IMPORT("isola:spi", "transfer") int32_t isola_spi_transfer(int32_t h, const void *tx, void *rx, int32_t len);
/* count transfers with chip select held across all of them. Returns ISOLA_OK. */
ISOLA_IMPORT("isola:spi", "transaction")
int32_t isola_spi_transaction(int32_t h, const isola_spi_op *ops, int32_t count);

/* isola:uart: a byte stream. */
#define ISOLA_PARITY_NONE 0
#define ISOLA_PARITY_ODD  1
#define ISOLA_PARITY_EVEN 2
ISOLA_IMPORT("isola:uart", "open") int32_t isola_uart_open(const char *label, int32_t len);
ISOLA_IMPORT("isola:uart", "close") int32_t isola_uart_close(int32_t h);
/* Sends len bytes; returns len. */
ISOLA_IMPORT("isola:uart", "write") int32_t isola_uart_write(int32_t h, const void *buf, int32_t len);
/* Receives at most len bytes: returns as soon as at least one byte is there (how many it copied), else waits up
   to timeout_ns (blocking only the calling context) and answers ISOLA_ETIMEDOUT; timeout 0 answers ISOLA_EAGAIN
   at once when nothing is there; a negative timeout waits without limit. If the container is stopped meanwhile
   the call does not return: the context is unwound. */
ISOLA_IMPORT("isola:uart", "read")
int32_t isola_uart_read(int32_t h, void *buf, int32_t len, int64_t timeout_ns);
/* Sets the line: baud, data bits (5..8), parity (ISOLA_PARITY_*), stop bits (1 or 2). ISOLA_EINVAL for what the
   UART cannot do. */
ISOLA_IMPORT("isola:uart", "configure")
int32_t isola_uart_configure(int32_t h, int32_t baud, int32_t data_bits, int32_t parity, int32_t stop_bits);

/* isola:adc: one channel. */
ISOLA_IMPORT("isola:adc", "open") int32_t isola_adc_open(const char *label, int32_t len);
ISOLA_IMPORT("isola:adc", "close") int32_t isola_adc_close(int32_t h);
/* Samples the channel: 0 .. 2^bits - 1 (millivolts = raw * reference_mv / 2^bits). */
ISOLA_IMPORT("isola:adc", "read") int32_t isola_adc_read(int32_t h);
ISOLA_IMPORT("isola:adc", "bits") int32_t isola_adc_bits(int32_t h);
ISOLA_IMPORT("isola:adc", "reference_mv") int32_t isola_adc_reference_mv(int32_t h);

/* isola:pwm: one channel (a fan's speed follows its duty = pulse / period). */
ISOLA_IMPORT("isola:pwm", "open") int32_t isola_pwm_open(const char *label, int32_t len);
ISOLA_IMPORT("isola:pwm", "close") int32_t isola_pwm_close(int32_t h);
/* Sets period and pulse width in ns (0 <= pulse <= period, period > 0; else ISOLA_EINVAL). */
ISOLA_IMPORT("isola:pwm", "set") int32_t isola_pwm_set(int32_t h, int64_t period_ns, int64_t pulse_ns);
/* Starts (on = 1) or stops (on = 0) the output. */
ISOLA_IMPORT("isola:pwm", "enable") int32_t isola_pwm_enable(int32_t h, int32_t on);

/* isola:timer: one channel; its expiry is an interrupt line (isola:irq). */
ISOLA_IMPORT("isola:timer", "open") int32_t isola_timer_open(const char *label, int32_t len);
ISOLA_IMPORT("isola:timer", "close") int32_t isola_timer_close(int32_t h);
/* Expires after delay_ns, then every period_ns (0: once). Restarts a running timer. */
ISOLA_IMPORT("isola:timer", "start") int32_t isola_timer_start(int32_t h, int64_t delay_ns, int64_t period_ns);
ISOLA_IMPORT("isola:timer", "stop") int32_t isola_timer_stop(int32_t h);

/* ---- isola:irq: interrupts (written by irq; docs/kernel.md, "Interrupts") ----
   A handle that can interrupt (a gpio-in whose need has an edge, a UART's receive, a timer's expiry) is an
   interrupt line once a handler is attached. The kernel only records events (a count since the handler last ran,
   saturating at 65535, and an overflow counter beyond it); the handler runs later, at the line's priority from the
   system file ([containers.X.interrupts] LABEL = 0..99, default the container's priority + 1), as a nested call at
   the next safepoint of whatever context of this container runs (or on the container's own handler stack when
   none does). Only a line of higher priority interrupts a running handler; pending lines run highest first.
   Handler time counts against the container's budget (a throttled container's handlers wait for its next period).
   A handler that traps fails the container like any trap. Keep handlers short; do not allocate memory in them,
   and do not call stdio (printf) or other non-reentrant code: a handler interrupts like a signal handler. (The
   kernel calls the handler's own function, not wasm-ld's command-export wrapper that would flush stdout after it;
   keep the name section: a stripped module keeps the wrapper.)
   A handler is an export of type void (int32_t count):
     ISOLA_HANDLER(on_alert) { events += count; }
     isola_irq_attach(h, ISOLA_LABEL("on_alert"));                                                        */
#define ISOLA_HANDLER(name) __attribute__((export_name(#name))) void name(int32_t count)
/* Makes the export named (name, len) the handler of h's events. ISOLA_OK, or ISOLA_EBADF (not an open handle of
   this container), ISOLA_ENOTSUP (the handle cannot interrupt), ISOLA_ENOENT (no such export, or not of type
   void(int32_t)), ISOLA_EBUSY (a handler is attached already), ISOLA_EFAULT, ISOLA_EINVAL (empty name or longer
   than 256 bytes). */
ISOLA_IMPORT("isola:irq", "attach") int32_t isola_irq_attach(int32_t h, const char *name, int32_t len);
/* Takes the handler away; events recorded and not yet handled are dropped. ISOLA_OK or ISOLA_EBADF (no handler
   attached, or the handle was closed: closing a handle detaches its handler). */
ISOLA_IMPORT("isola:irq", "detach") int32_t isola_irq_detach(int32_t h);
/* Holds the handler off (events are still counted) until isola_irq_unmask, for a short critical section: after
   the container's mask-limit (default 10 ms) the kernel unmasks the line itself and logs it. ISOLA_OK or
   ISOLA_EBADF. */
ISOLA_IMPORT("isola:irq", "mask") int32_t isola_irq_mask(int32_t h);
/* Ends a mask; events recorded meanwhile run the handler (once, with their count) at the next safepoint. */
ISOLA_IMPORT("isola:irq", "unmask") int32_t isola_irq_unmask(int32_t h);
/* Events lost since the handler was attached because the count was saturated; ISOLA_EBADF as above. */
ISOLA_IMPORT("isola:irq", "overflows") int64_t isola_irq_overflows(int32_t h);

#ifdef __cplusplus
}
#endif

#endif /* ISOLA_H */
