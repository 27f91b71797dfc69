/**
 * The one number an LMS wants, from the levels (documented in docs/assessment.md):
 * each assessed criterion of each scenario counts TI = 0, I = 1, S = 2, TS = 3;
 * score = round(100 × sum / (3 × number of assessed criteria)). A criterion that
 * was not assessed (no evidence) is left out, never counted as zero; with nothing
 * assessed at all the score is 0. Passed when score ≥ the session's threshold.
 */
export type Level = 'TI' | 'I' | 'S' | 'TS';
export const LEVEL_ORDER: readonly Level[] = ['TI', 'I', 'S', 'TS'];
export const LEVEL_VALUE: Record<Level, number> = { TI: 0, I: 1, S: 2, TS: 3 };

export type Levels = Record<string, Level | null>;

export function scorePercent(runs: readonly Levels[]): number {
  const values = runs.flatMap((r) => Object.values(r).filter((l): l is Level => l !== null && l in LEVEL_VALUE)).map((l) => LEVEL_VALUE[l]);
  if (!values.length) return 0;
  return Math.round((100 * values.reduce((a, b) => a + b, 0)) / (3 * values.length));
}

export function passed(score: number, threshold: number): boolean {
  return score >= threshold;
}

/**
 * One level per criterion over several scenarios: the mean of the assessed ones, rounded
 * down — S in one scenario and TS in another is S: the table never shows a level higher
 * than the student showed in every scenario on average.
 */
export function overallLevels(runs: readonly Levels[]): Levels {
  const ids = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(
    ids.map((id) => {
      const values = runs.map((r) => r[id]).filter((l): l is Level => !!l && l in LEVEL_VALUE);
      if (!values.length) return [id, null];
      const mean = values.reduce((s, l) => s + LEVEL_VALUE[l], 0) / values.length;
      return [id, LEVEL_ORDER[Math.min(3, Math.floor(mean + 1e-9))]];
    }),
  );
}

/** Pass mark when none is set (sim, practice): the usual half of the points. */
export const DEFAULT_THRESHOLD = 50;

export interface SituationScore {
  /** The average of the levels; when a situation failed, held under the pass mark so every reader of the number sees a fail. */
  percent: number;
  passed: boolean;
  /** The average the levels alone gave, when a failed situation held it down. */
  capped: { from: number } | null;
}

/**
 * The score of one or several situations: the levels' average, except that a situation
 * that failed (a grave fault, a request unmet: scoring/verdict.ts) fails the whole,
 * whatever the other criteria — the average does not buy it back.
 */
export function situationScore(runs: readonly { levels: Levels; failed?: boolean }[], threshold = DEFAULT_THRESHOLD): SituationScore {
  const raw = scorePercent(runs.map((r) => r.levels));
  if (!runs.some((r) => r.failed)) return { percent: raw, passed: passed(raw, threshold), capped: null };
  const percent = Math.min(raw, Math.max(0, threshold - 1));
  return { percent, passed: false, capped: percent < raw ? { from: raw } : null };
}
