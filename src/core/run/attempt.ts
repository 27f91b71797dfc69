import type { Run, ShiftResult } from '../result';
import { verdictOf } from '../scoring/verdict';
import { type Levels, situationScore } from './grade';
import { RESULTS_FORMAT, RESULTS_VERSION, type ResultsFile, type RunRecord, type RunStatus } from './results-file';
import type { SessionDef } from './session-def';

export function levelsOf(result: Pick<ShiftResult, 'criteria'>): Levels {
  return Object.fromEntries(Object.entries(result.criteria).map(([id, c]) => [id, c.level]));
}

/** A finished scenario as the results file keeps it: replayable, with the levels it scored. */
export function runRecord(
  run: Run,
  result: ShiftResult,
  meta: { app: string; scenarioHash: string; timeLimit: number; status: RunStatus; startedAt: string },
): RunRecord {
  return {
    scenario: run.scenario,
    seed: run.seed,
    actions: run.actions.map(({ t, contact, option, input }) => ({ t, contact, option, ...(input ? { input } : {}) })),
    end: run.end,
    mode: 'timed',
    ...meta,
    levels: levelsOf(result),
    satisfaction: result.satisfaction.score,
    failed: verdictOf(result).failed,
  };
}

export function resultsFile(
  session: SessionDef,
  token: string,
  a: {
    app: string;
    student: { name: string; group: string };
    attempt: number;
    startedAt: string;
    endedAt: string;
    status: ResultsFile['status'];
    runs: RunRecord[];
    /** The wall clock seen going back on the student's device (their game wrote it). */
    clock?: { movedBack: { at: string; seconds: number }[] };
  },
): ResultsFile {
  const { percent, passed } = situationScore(a.runs, session.threshold);
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    app: a.app,
    session: { id: session.id, name: session.name, seed: session.seed, token },
    student: a.student,
    attempt: a.attempt,
    extraTime: session.extra,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    status: a.status,
    score: { percent, passed, threshold: session.threshold },
    runs: a.runs,
    ...(a.clock?.movedBack.length ? { clock: { movedBack: a.clock.movedBack.map((m) => ({ ...m })) } } : {}),
  };
}
