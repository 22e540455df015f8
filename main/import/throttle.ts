/**
 * At most one value per interval, always the latest: a bulk import finishes a file every
 * millisecond, and a progress bar needs ten updates a second, not a thousand messages to send,
 * clone and render. The first value goes out at once (the bar appears without delay) and `flush`
 * sends the one held back, so the last value ("5000 / 5000") is never lost. An `urgent` value (an
 * import moving on to another stage) goes out at once too: after it there may be no other push for
 * a long time.
 */
export interface Throttle<T> {
  push(value: T): void;
  /** Sends the value held back, if any. */
  flush(): void;
}

export function throttle<T>(
  send: (value: T) => void,
  intervalMs: number,
  now: () => number = Date.now,
  urgent: (value: T) => boolean = () => false,
): Throttle<T> {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  return {
    push(value) {
      const time = now();
      if (time - last >= intervalMs || urgent(value)) {
        last = time;
        pending = null;
        send(value);
      } else {
        pending = { value };
      }
    },
    flush() {
      if (pending === null) return;
      const { value } = pending;
      pending = null;
      last = now();
      send(value);
    },
  };
}
