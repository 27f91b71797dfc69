import type { Catalog } from '../../core/load/catalog';
import type { HallSource } from '../../game/hall-state';
import type { GameHandle } from '../../game/launch';
import type { Attempt } from '../../platform/store';

/** What the assessment and teacher screens need from the app shell (main.ts). */
export interface PlatformContext {
  app: HTMLElement;
  catalog: Catalog;
  /** Clock speed (test hook `?speed=`). */
  speed: number;
  mountGame(stage: HTMLElement, source: HallSource): Promise<GameHandle>;
  destroyGame(): void;
  menu(): void;
}

/** Version of the game, written into every run and results file. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** The locked session, kept while an attempt runs so a reload without the link stays in it. */
const LOCK = 'comptoir.session';
export const lock = {
  get: () => localStorage.getItem(LOCK) ?? undefined,
  set: (token: string) => localStorage.setItem(LOCK, token),
  release: () => localStorage.removeItem(LOCK),
};

/**
 * Attempts known to be over although the store could not be told (quota full): a tiny
 * localStorage mark per attempt, so a reload never resumes a stale in-progress copy and
 * the next attempt still gets the next number.
 */
const FINISHED = 'comptoir.finished.';
type Mark = { s: string; n: number; status: Exclude<Attempt['status'], 'in-progress'> };
export const finishedMarks = {
  set(a: Pick<Attempt, 'key' | 'sessionId' | 'attempt'>, status: Mark['status']): boolean {
    try {
      localStorage.setItem(FINISHED + a.key, JSON.stringify({ s: a.sessionId, n: a.attempt, status } satisfies Mark));
      return true;
    } catch {
      return false;
    }
  },
  /** The session's marks by attempt key. */
  of(sessionId: string): Map<string, Mark> {
    const out = new Map<string, Mark>();
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(FINISHED)) continue;
      try {
        const mark = JSON.parse(localStorage.getItem(key) ?? '') as Mark;
        if (mark.s === sessionId) out.set(key.slice(FINISHED.length), mark);
      } catch {
        /* not ours */
      }
    }
    return out;
  },
};

/**
 * The session's attempts as this device knows them: a stored in-progress copy of an
 * attempt marked finished is finished; a marked attempt the store lost still counts.
 */
export function knownAttempts(stored: Attempt[], def: { id: string }, token: string): Attempt[] {
  const marks = finishedMarks.of(def.id);
  const out = stored.map((a) => {
    const mark = marks.get(a.key);
    return mark && a.status === 'in-progress' ? { ...a, status: mark.status, live: undefined } : a;
  });
  for (const [key, mark] of marks)
    if (!stored.some((a) => a.key === key))
      out.push({ key, sessionId: def.id, token, attempt: mark.n, student: { name: '', group: '' }, startedAt: 0, status: mark.status, runs: [] });
  return out.sort((a, b) => a.attempt - b.attempt);
}

/**
 * The open desk's clock, also written to localStorage at every tick and when the page goes
 * (synchronous, unlike IndexedDB), so a reload resumes from the last second, not the last save.
 */
const CLOCK = 'comptoir.clock';
type Stamp = { key: string; index: number; elapsed: number; savedAt: number };
export const clockStamp = {
  set(s: Stamp) {
    try {
      localStorage.setItem(CLOCK, JSON.stringify(s));
    } catch {
      /* IndexedDB keeps the last save */
    }
  },
  get(key: string, index: number): Stamp | undefined {
    try {
      const s = JSON.parse(localStorage.getItem(CLOCK) ?? 'null') as Stamp | null;
      return s && s.key === key && s.index === index && Number.isFinite(s.elapsed) && Number.isFinite(s.savedAt) ? s : undefined;
    } catch {
      return undefined;
    }
  },
  clear: () => localStorage.removeItem(CLOCK),
};
