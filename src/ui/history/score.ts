import type { ShiftResult } from '../../core/result';
import { levelsOf } from '../../core/run/attempt';
import { type Levels, type SituationScore, situationScore } from '../../core/run/grade';
import { verdictOf } from '../../core/scoring/verdict';
import type { HistoryEntry } from '../../platform/store';

/**
 * The score of one situation, wherever it is shown — the debrief's verdict and "Mes progrès"
 * (table and chart): the levels' average, held under the pass mark when the situation failed
 * (core/run/grade.ts `situationScore`). An entry kept before `failed` was stored counts as not failed.
 */
export function entryScore(e: { levels: Levels; failed?: boolean }): SituationScore {
  return situationScore([{ levels: e.levels, failed: e.failed }]);
}

/** What "Mes progrès" keeps of a finished contact: its levels, whether it failed, the satisfaction. */
export function historyEntry(result: ShiftResult, mode: string, at: string, session?: string): HistoryEntry {
  return {
    at,
    scenario: result.scenario,
    mode,
    levels: levelsOf(result),
    failed: verdictOf(result).failed,
    satisfaction: result.satisfaction.score,
    ...(session ? { session } : {}),
  };
}
