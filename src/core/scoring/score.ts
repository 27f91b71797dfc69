import type { Level, Rubric } from '../schema/rubric';
import type { EvidenceRecord } from './evidence';

export interface CriterionScore {
  /** null: no evidence in this run, so the criterion is not assessed (never zero). */
  level: Level | null;
  points: number;
  max: number;
  evidence: EvidenceRecord[];
}

export function levelFor(rubric: Rubric, points: number, max: number): Level {
  const ratio = max > 0 ? points / max : points < 0 ? -1 : 1;
  let level: Level = rubric.levels[0].id;
  for (const l of rubric.levels) if (ratio >= l.min) level = l.id;
  return level;
}

/** Per-criterion totals and levels, in the rubric's order. */
export function scoreCriteria(rubric: Rubric, evidence: EvidenceRecord[]): Record<string, CriterionScore> {
  const out: Record<string, CriterionScore> = {};
  for (const c of rubric.criteria) {
    const mine = evidence.filter((e) => e.criterion === c.id);
    const points = mine.reduce((s, e) => s + e.points, 0);
    const max = mine.reduce((s, e) => s + e.max, 0);
    out[c.id] = { level: mine.length ? levelFor(rubric, points, max) : null, points, max, evidence: mine };
  }
  return out;
}
