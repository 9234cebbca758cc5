/*
 * console: the operator's side. It owns the UART `console` (115200 baud) and the push button `button` (active
 * low: a press is a falling edge). Its one context, `serve`, prints a status line to the UART every 2 s and
 * answers commands typed on the UART, one per line:
 *   status        the status line now
 *   set 23.5      a new target temperature (10..35 C)
 *   day | night   the target 22 C or 17 C
 *   help          the commands
 * A press of the button (its interrupt, handler `on_button`) switches between day and night. The handler only
 * counts presses: the context applies them, since the handler may interrupt it in the middle of a command.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "greenhouse.h"

ISOLA_NEED("uart console baud=115200");
ISOLA_NEED("gpio-in button pull=up edge=falling");

ISOLA_IMPORT("portal:thermo", "read") int32_t thermo_read(struct thermo_reading *out, int32_t len);
ISOLA_IMPORT("portal:control", "status") int32_t control_status(struct control_status *out, int32_t len);
ISOLA_IMPORT("portal:control", "set_target") int32_t control_set_target(int32_t millicelsius);

#define DAY_MILLI 22000
#define NIGHT_MILLI 17000
#define STATUS_EVERY_NS ISOLA_MS(2000)

static int32_t uart = -1;
static volatile uint32_t presses;
static uint32_t presses_applied;
static int32_t night;

static void say(const char *text) {
  isola_uart_write(uart, text, (int32_t)strlen(text));
}

static void print_status(void) {
  struct control_status s;
  struct thermo_reading t;
  char line[160];
  if (control_status(&s, sizeof s) < 0 || thermo_read(&t, sizeof t) < 0) {
    say("status: controller or sensor unavailable\r\n");
    return;
  }
  snprintf(line, sizeof line, "room %s%d.%02d C  target %d.%02d C  heater %s  fan %d%%  alerts %u  thermo v%u\r\n",
           MILLI_SIGN(s.millicelsius), MILLI_WHOLE(s.millicelsius), MILLI_CENTI(s.millicelsius),
           MILLI_WHOLE(s.target_millicelsius), MILLI_CENTI(s.target_millicelsius), s.heater ? "on" : "off",
           (int)(s.fan_permille / 10), (unsigned)t.alerts, (unsigned)t.version);
  say(line);
}

static void set_target(int32_t millicelsius) {
  char line[80];
  int32_t r = control_set_target(millicelsius);
  if (r < 0) {
    snprintf(line, sizeof line, "cannot set the target: error %d\r\n", (int)r);
  } else {
    snprintf(line, sizeof line, "target %d.%02d C\r\n", MILLI_WHOLE(r), MILLI_CENTI(r));
  }
  say(line);
}

static void command(char *line) {
  if (strcmp(line, "status") == 0) {
    print_status();
  } else if (strncmp(line, "set ", 4) == 0) {
    set_target((int32_t)(strtod(line + 4, NULL) * 1000));
  } else if (strcmp(line, "day") == 0 || strcmp(line, "night") == 0) {
    night = line[0] == 'n';
    set_target(night ? NIGHT_MILLI : DAY_MILLI);
  } else if (strcmp(line, "help") == 0 || line[0] == 0) {
    say("commands: status, set DEGREES, day, night, help\r\n");
  } else {
    say("unknown command (try help)\r\n");
  }
  printf("command: %s\n", line);
}

/* The button's handler: count falling edges since it last ran (a bouncing contact may give several). */
__attribute__((export_name("on_button"))) void on_button(int32_t count) {
  presses += (uint32_t)count;
}

ISOLA_CONTEXT(serve) {
  uart = isola_uart_open(ISOLA_LABEL("console"));
  int32_t button = isola_gpio_open(ISOLA_LABEL("button"));
  if (uart < 0 || button < 0) {
    printf("console: cannot open the UART (%d) or the button (%d)\n", (int)uart, (int)button);
    isola_exit(1);
  }
  int32_t r = isola_irq_attach(button, ISOLA_LABEL("on_button"));
  if (r < 0) {
    printf("console: cannot attach the button: error %d\n", (int)r);
    isola_exit(1);
  }
  say("greenhouse console: type help\r\n");
  char line[64];
  int32_t used = 0;
  int64_t next_status = isola_now() + STATUS_EVERY_NS;
  for (;;) {
    char c;
    int32_t n = isola_uart_read(uart, &c, 1, ISOLA_MS(100));
    if (n == ISOLA_EINTR) {
      return;
    }
    if (n < 0 && n != ISOLA_EAGAIN && n != ISOLA_ETIMEDOUT) {
      isola_sleep_for(ISOLA_MS(100)); /* a UART that cannot read: keep the status lines and the button */
    }
    if (n == 1) {
      if (c == '\r' || c == '\n') {
        line[used] = 0;
        if (used > 0) {
          command(line);
        }
        used = 0;
      } else if (used < (int32_t)sizeof line - 1) {
        line[used++] = c;
      }
    }
    uint32_t seen = presses;
    if (seen != presses_applied) {
      /* Several presses since the last look: only their parity matters. */
      if ((seen - presses_applied) % 2 == 1) {
        night = !night;
        printf("button: %s\n", night ? "night" : "day");
        set_target(night ? NIGHT_MILLI : DAY_MILLI);
      }
      presses_applied = seen;
    }
    if (isola_now() >= next_status) {
      print_status();
      next_status += STATUS_EVERY_NS;
    }
  }
}

int main(void) {
  return 0;
}
