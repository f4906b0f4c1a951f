import { h } from './dom';

/**
 * The one way pages refresh what they show. A poller runs its task, waits `every` ms after it ends and runs it again:
 * - never two runs at once (refresh() during a run asks for one more right after it);
 * - paused while the tab is hidden, and run at once when it shows again;
 * - on errors it waits longer each time (doubling, up to a minute) and says so in its status line, a visible
 *   role="status" element that empties again when a run succeeds;
 * - stopped by the router when the route changes (stopPollers), or earlier by stop().
 */
export interface Poller {
  /** The status line: "Could not refresh the guests: ... Trying again in 6 s." while failing, empty otherwise. */
  readonly status: HTMLElement;
  /** Runs the task now (or right after the run in flight) and resolves when that run has ended. */
  refresh(): Promise<void>;
  stop(): void;
}

export interface PollOptions {
  /** Milliseconds from the end of one run to the start of the next. */
  every: number;
  /** What is refreshed, for the status line: "the guests", "the task list". */
  what: string;
  /** Where to say it; a new status line when not given (place poller.status in the page). */
  status?: HTMLElement;
  /** Do not run at once: the page has just loaded what it shows. */
  skipFirst?: boolean;
}

const maxBackoff = 60_000;
const running = new Set<Poller>();

/** A status line for a poller, visible and announced politely. */
export function pollStatus(): HTMLElement {
  return h('p', { class: 'poll-status', role: 'status', 'aria-live': 'polite' });
}

export function startPolling(task: () => Promise<void>, options: PollOptions): Poller {
  const status = options.status ?? pollStatus();
  let timer: number | undefined;
  let inFlight: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  let failures = 0;
  let stopped = false;

  const schedule = () => {
    window.clearTimeout(timer);
    timer = undefined;
    // Hidden: nothing is scheduled; visibilitychange runs it when the tab shows again.
    if (stopped || document.visibilityState === 'hidden') return;
    const delay = failures === 0 ? options.every : Math.min(maxBackoff, options.every * 2 ** failures);
    timer = window.setTimeout(tick, delay);
  };

  const once = async () => {
    try {
      await task();
      if (stopped) return;
      failures = 0;
      status.textContent = '';
      status.classList.remove('failing');
    } catch (e) {
      if (stopped) return;
      failures++;
      const wait = Math.round(Math.min(maxBackoff, options.every * 2 ** failures) / 1000);
      status.textContent = `Could not refresh ${options.what}: ${(e as Error).message}. Trying again in ${wait} s.`;
      status.classList.add('failing');
    }
  };

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (inFlight) {
      // One more run after this one, shared by everyone who asks meanwhile.
      again ??= inFlight.then(() => { again = null; return run(); });
      return again;
    }
    window.clearTimeout(timer);
    timer = undefined;
    inFlight = once().finally(() => { inFlight = null; schedule(); });
    return inFlight;
  };

  // A page left while it was still loading may start a poller after the router stopped the others: one whose status
  // line is no longer in the document stops itself instead of running.
  const tick = () => {
    if (!status.isConnected) poller.stop();
    else void run();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      window.clearTimeout(timer);
      timer = undefined;
    } else if (!inFlight) {
      tick();
    }
  };
  document.addEventListener('visibilitychange', onVisibility);

  const poller: Poller = {
    status,
    refresh: run,
    stop: () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      running.delete(poller);
    },
  };
  running.add(poller);
  if (options.skipFirst) schedule();
  else void run();
  return poller;
}

/** Stops every poller: the router calls it when the route changes. */
export function stopPollers(): void {
  for (const p of [...running]) p.stop();
}
