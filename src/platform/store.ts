import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Levels } from '../core/run/grade';
import type { ResultsFile, RunRecord } from '../core/run/results-file';
import type { SessionDef } from '../core/run/session-def';
import type { Action } from '../core/shift/shift';

/** The scenario being played in an attempt, written at every act so a reload resumes it. */
export interface LiveRun {
  index: number;
  timeLimit: number;
  /** Wall-clock ms when the desk opened (for the record only); undefined while the student is still preparing. */
  openedAt?: number;
  /** Shift seconds the desk had been open at the last save, counted on the monotonic clock. */
  elapsed?: number;
  /** Wall-clock ms of that save: a reload adds what the wall clock says since, never less than 0. */
  savedAt?: number;
  actions: Action[];
}

/** An attempt at a session, kept on this device from the first act until the teacher has the file. */
export interface Attempt {
  key: string;
  sessionId: string;
  token: string;
  attempt: number;
  student: { name: string; group: string };
  startedAt: number;
  status: 'in-progress' | ResultsFile['status'];
  runs: RunRecord[];
  live?: LiveRun;
  file?: ResultsFile;
  /** The wall clock seen going back during the attempt (written into the results file). */
  clock?: { movedBack: { at: string; seconds: number }[] };
}

export interface HistoryEntry {
  id?: number;
  at: string;
  scenario: string;
  mode: string;
  levels: Levels;
  satisfaction: number;
  session?: string;
  /** The situation failed whatever its levels (scoring/verdict.ts); absent in entries written before it was kept. */
  failed?: boolean;
}

interface Db extends DBSchema {
  attempts: { key: string; value: Attempt; indexes: { session: string } };
  history: { key: number; value: HistoryEntry };
  sessions: { key: string; value: SavedSessionRecord };
  kv: { key: string; value: unknown };
}

/** A student handed a copy of the session (`extra`: the link with extra time). */
export interface Grant {
  student: string;
  extra: boolean;
}

/** A session the teacher made on this device, with who was given the extra-time link. */
export interface SavedSessionRecord {
  id: string;
  def: SessionDef;
  token: string;
  savedAt: string;
  /** Absent in sessions saved before grants existed: read as []. */
  grants: Grant[];
}

let db: Promise<IDBPDatabase<Db>> | undefined;
function open() {
  db ??= openDB<Db>('comptoir-platform', 1, {
    upgrade(d) {
      d.createObjectStore('attempts', { keyPath: 'key' }).createIndex('session', 'sessionId');
      d.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
      d.createObjectStore('sessions', { keyPath: 'id' });
      d.createObjectStore('kv');
    },
  });
  return db;
}

/** A write that failed (full quota, private mode) is reported, never thrown at the player. */
export type StoreListener = (error: Error | undefined) => void;
const listeners = new Set<StoreListener>();
export function onStoreError(l: StoreListener) {
  listeners.add(l);
  return () => listeners.delete(l);
}
let lastError: Error | undefined;
/** The error of the last write (undefined when it succeeded): a screen opened after a failure shows it at once. */
export const storeError = () => lastError;

let queue: Promise<unknown> = Promise.resolve();
/** Writes happen in order (the last act is never overwritten by an older one). */
function write<T>(job: (d: IDBPDatabase<Db>) => Promise<T>): Promise<T | undefined> {
  const next = queue.then(async () => {
    try {
      const out = await job(await open());
      lastError = undefined;
      listeners.forEach((l) => l(undefined));
      return out;
    } catch (err) {
      lastError = err as Error;
      listeners.forEach((l) => l(err as Error));
      return undefined;
    }
  });
  queue = next;
  return next;
}

export const store = {
  saveAttempt: (a: Attempt) => write((d) => d.put('attempts', structuredClone(a))),
  /** Removes a stored copy (a delete needs no quota: the way out when a finished attempt could not be written). */
  deleteAttempt: (key: string) => write((d) => d.delete('attempts', key)),
  attempts: async (sessionId?: string) => {
    const d = await open();
    return sessionId ? d.getAllFromIndex('attempts', 'session', sessionId) : d.getAll('attempts');
  },
  addHistory: (e: HistoryEntry) => write((d) => d.add('history', e)),
  history: async () => (await open()).getAll('history'),
  saveSession: (def: SessionDef, token: string, grants: Grant[] = []) =>
    write((d) => d.put('sessions', { id: def.id, def, token, savedAt: new Date().toISOString(), grants })),
  /** Replaces the session's grants, keeping the rest of the record as it was saved. */
  saveGrants: (id: string, grants: Grant[]) =>
    write(async (d) => {
      const saved = await d.get('sessions', id);
      if (saved) await d.put('sessions', { ...saved, grants: structuredClone(grants) });
    }),
  sessions: async () => (await (await open()).getAll('sessions')).map((s) => ({ ...s, grants: s.grants ?? [] })),
  get: async <T>(key: string) => (await (await open()).get('kv', key)) as T | undefined,
  set: (key: string, value: unknown) => write((d) => d.put('kv', value, key)),
  flush: () => queue,
};
