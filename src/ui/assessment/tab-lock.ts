/**
 * One attempt, one tab: the page that plays a session holds a lock named after it; a
 * second tab of the same session waits (and says so) until the first one lets go, so two
 * tabs never write over each other's acts. Web Locks where the browser has them (the lock
 * goes with the tab, even when it crashes); else a BroadcastChannel where the holder
 * answers anyone who asks.
 */

type Msg = { type: 'who'; id: string } | { type: 'here'; id: string } | { type: 'bye'; id: string };

interface LockApi {
  request(name: string, options: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<void> | void): Promise<unknown>;
  request(name: string, cb: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/** How long a tab waits for a holder to answer on the channel. */
export const ANSWER_MS = 300;

let held: (() => void) | undefined;

/** Lets go of the lock this page holds (the attempt is over): a waiting tab takes it. */
export function releaseTab() {
  held?.();
  held = undefined;
}

/**
 * Resolves with `release` once this tab holds `name`; calls `onBlocked` first (once) when
 * another tab holds it and waits for it.
 */
export async function claimTab(
  name: string,
  onBlocked: () => void,
  env: { locks?: LockApi; channel?: (name: string) => BroadcastChannel } = defaults(),
): Promise<() => void> {
  const release = env.locks ? await withLocks(env.locks, name, onBlocked) : env.channel ? await withChannel(env.channel(name), onBlocked) : () => undefined; // neither API (a very old browser): nothing to coordinate with
  held = release;
  return release;
}

function defaults() {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockApi });
  return {
    locks: nav?.locks,
    channel: typeof BroadcastChannel === 'undefined' ? undefined : (n: string) => new BroadcastChannel(n),
  };
}

function withLocks(locks: LockApi, name: string, onBlocked: () => void): Promise<() => void> {
  return new Promise((held) => {
    // The lock stays held while the callback's promise is pending: `release` settles it.
    const hold = () => new Promise<void>((release) => held(release));
    locks.request(name, { ifAvailable: true }, (lock) => {
      if (lock) return hold();
      onBlocked();
      locks.request(name, hold);
    });
  });
}

function withChannel(channel: BroadcastChannel, onBlocked: () => void): Promise<() => void> {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let holding = false;
  let blocked = false;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  const post = (m: Msg) => channel.postMessage(m);
  return new Promise((held) => {
    const ask = () => {
      clearTimeout(waiting);
      post({ type: 'who', id });
      waiting = setTimeout(take, ANSWER_MS);
    };
    const take = () => {
      clearInterval(poll);
      waiting = undefined;
      holding = true;
      globalThis.addEventListener?.('pagehide', release);
      held(release);
    };
    const release = () => {
      if (!holding) return;
      holding = false;
      post({ type: 'bye', id });
      channel.close();
    };
    const block = () => {
      clearTimeout(waiting);
      waiting = undefined;
      if (blocked) return;
      blocked = true;
      onBlocked();
      // A holder that crashed never says 'bye': ask again now and then.
      poll = setInterval(ask, 10 * ANSWER_MS);
    };
    channel.onmessage = (e: MessageEvent<Msg>) => {
      const m = e.data;
      if (m.id === id) return;
      if (m.type === 'who' && holding) post({ type: 'here', id });
      // Two tabs asking at once (a tab hears no message posted before it existed, so both
      // answer): the smaller id goes first, the other waits for its 'bye'.
      else if (m.type === 'who' && waiting && m.id < id) block();
      else if (m.type === 'who' && waiting) post({ type: 'here', id });
      else if (m.type === 'here' && !holding) block();
      else if (m.type === 'bye' && !holding) ask();
    };
    ask();
  });
}
