import type { Action } from '../shift/shift';
import type { Levels } from './grade';

export const RESULTS_FORMAT = 'comptoir-results';
export const RESULTS_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type RunStatus = 'complete' | 'timeout' | 'abandoned' | 'overall-timeout';

/** One scenario of an attempt: the replayable run, and the levels as the student's game saw them. */
export interface RunRecord {
  scenario: string;
  seed: number;
  actions: Action[];
  end: number;
  mode: 'timed';
  app: string;
  scenarioHash: string;
  timeLimit: number;
  status: RunStatus;
  /** Wall-clock time the desk opened (ISO), for the teacher's information only. */
  startedAt: string;
  levels: Levels;
  satisfaction: number;
  /** The situation failed whatever its levels (a grave fault, a request unmet: scoring/verdict.ts); absent in files before it existed. */
  failed?: boolean;
}

export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  app: string;
  session: { id: string; name: string; seed: number; token: string };
  student: { name: string; group: string };
  attempt: number;
  extraTime: boolean;
  startedAt: string;
  endedAt: string;
  status: 'complete' | 'abandoned' | 'overall-timeout';
  score: { percent: number; passed: boolean; threshold: number };
  runs: RunRecord[];
  /** The device's wall clock seen going back during the attempt (when, and by how many seconds). */
  clock?: { movedBack: { at: string; seconds: number }[] };
}
