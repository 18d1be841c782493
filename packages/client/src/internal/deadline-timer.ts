// One timer for the deadlines of all calls in flight, instead of one per call: calls usually share a
// timeout, so each new deadline is later than the earliest one already scheduled and nothing needs
// rescheduling. The timer is unref'd in Node: it never keeps a process alive on its own (a request in
// flight already does).

/** Something with a deadline (epoch milliseconds) to be told about once it passes. */
export interface Expiring {
  readonly deadline: number;
  expire(): void;
}

const watched = new Set<Expiring>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

/** Calls `entry.expire()` once its deadline passes, unless `unwatchDeadline` comes first. */
export function watchDeadline(entry: Expiring): void {
  watched.add(entry);
  if (entry.deadline < timerAt) schedule(entry.deadline);
}

/** Stops watching `entry`. */
export function unwatchDeadline(entry: Expiring): void {
  watched.delete(entry);
}

function schedule(at: number): void {
  clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(fire, Math.max(0, at - Date.now()));
  (timer as { unref?: () => void }).unref?.();
}

function fire(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const entry of watched) {
    if (entry.deadline <= now) {
      watched.delete(entry);
      entry.expire();
    } else if (entry.deadline < next) {
      next = entry.deadline;
    }
  }
  if (next !== Infinity) schedule(next);
}
