import { z } from 'zod';
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
}

const short = z.string().max(200);
const LevelOrNull = z.enum(['TI', 'I', 'S', 'TS']).nullable();

/** The envelope; each run's own fields are checked by checkShape, each with its own message. */
export const ResultsEnvelope = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.number(),
  app: short,
  session: z.object({ id: short, name: short, seed: z.number().int(), token: z.string().max(8000) }),
  student: z.object({ name: short, group: short }),
  attempt: z.number().int().min(1).max(1000),
  extraTime: z.boolean(),
  startedAt: short,
  endedAt: short,
  status: z.enum(['complete', 'abandoned', 'overall-timeout']),
  score: z.object({ percent: z.number(), passed: z.boolean(), threshold: z.number() }),
  runs: z
    .array(
      z
        .object({
          scenario: short,
          status: z.enum(['complete', 'timeout', 'abandoned', 'overall-timeout']),
          startedAt: short,
          levels: z.record(z.string().max(20), LevelOrNull),
          satisfaction: z.number(),
        })
        .loose(),
    )
    .max(20),
});
