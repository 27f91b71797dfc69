import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Levels } from '../core/run/grade';
import type { ResultsFile, RunRecord } from '../core/run/results-file';
import type { SessionDef } from '../core/run/session-def';
import type { Action } from '../core/shift/shift';

/** The scenario being played in an attempt, written at every act so a reload resumes it. */
export interface LiveRun {
  index: number;
  timeLimit: number;
  /** Wall-clock ms when the desk opened; undefined while the student is still preparing. */
  openedAt?: number;
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
}

export interface HistoryEntry {
  id?: number;
  at: string;
  scenario: string;
  mode: string;
  levels: Levels;
  satisfaction: number;
  session?: string;
}

interface Db extends DBSchema {
  attempts: { key: string; value: Attempt; indexes: { session: string } };
  history: { key: number; value: HistoryEntry };
  sessions: { key: string; value: { id: string; def: SessionDef; token: string; savedAt: string } };
  kv: { key: string; value: unknown };
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

let queue: Promise<unknown> = Promise.resolve();
/** Writes happen in order (the last act is never overwritten by an older one). */
function write<T>(job: (d: IDBPDatabase<Db>) => Promise<T>): Promise<T | undefined> {
  const next = queue.then(async () => {
    try {
      const out = await job(await open());
      listeners.forEach((l) => l(undefined));
      return out;
    } catch (err) {
      listeners.forEach((l) => l(err as Error));
      return undefined;
    }
  });
  queue = next;
  return next;
}

export const store = {
  saveAttempt: (a: Attempt) => write((d) => d.put('attempts', structuredClone(a))),
  attempts: async (sessionId?: string) => {
    const d = await open();
    return sessionId ? d.getAllFromIndex('attempts', 'session', sessionId) : d.getAll('attempts');
  },
  addHistory: (e: HistoryEntry) => write((d) => d.add('history', e)),
  history: async () => (await open()).getAll('history'),
  saveSession: (def: SessionDef, token: string) => write((d) => d.put('sessions', { id: def.id, def, token, savedAt: new Date().toISOString() })),
  sessions: async () => (await open()).getAll('sessions'),
  get: async <T>(key: string) => (await (await open()).get('kv', key)) as T | undefined,
  set: (key: string, value: unknown) => write((d) => d.put('kv', value, key)),
  flush: () => queue,
};
