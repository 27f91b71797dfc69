import type { Run } from '../result';
import { replay, resultOf } from '../result';
import type { Level, Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';

/** One graded contact of the calibration set: a run and the levels two expert gradings gave. */
export interface GradedContact {
  scenario: string;
  contact: string;
  what: string;
  levels: Record<string, { A: Level | 'NA'; B: Level | 'NA' }>;
  run: Run;
}

export interface Judgement {
  key: string;
  criterion: string;
  A: string;
  B: string;
  shown: string;
  agrees: boolean;
  /** Both experts gave TI and the game gave something softer. */
  softened: boolean;
}

/** Replays each graded contact and compares the game's level with the experts', criterion by criterion. */
export function calibrate(set: Record<string, GradedContact>, find: (id: string) => { scenario: Scenario; rubric: Rubric } | undefined): Judgement[] {
  const out: Judgement[] = [];
  for (const [key, g] of Object.entries(set)) {
    const found = find(g.scenario);
    if (!found) throw new Error(`calibration contact ${key}: no scenario "${g.scenario}"`);
    const result = resultOf(replay(found.scenario, found.rubric, g.run));
    for (const [criterion, { A, B }] of Object.entries(g.levels)) {
      const shown = result.criteria[criterion]?.level ?? 'NA';
      out.push({ key, criterion, A, B, shown, agrees: shown === A || shown === B, softened: A === 'TI' && B === 'TI' && shown !== 'TI' });
    }
  }
  return out;
}

/** The table for a closing note: one row per contact, expected (A/B) and shown per criterion. */
export function calibrationTable(judgements: Judgement[]): string {
  const keys = [...new Set(judgements.map((j) => j.key))];
  const criteria = [...new Set(judgements.map((j) => j.criterion))];
  const lines = [`| contact | ${criteria.join(' | ')} |`, `|---|${criteria.map(() => '---').join('|')}|`];
  for (const key of keys) {
    const cells = criteria.map((c) => {
      const j = judgements.find((x) => x.key === key && x.criterion === c)!;
      const expected = j.A === j.B ? j.A : `${j.A}/${j.B}`;
      return `${expected} → ${j.shown}${j.agrees ? '' : ' ✗'}`;
    });
    lines.push(`| ${key} | ${cells.join(' | ')} |`);
  }
  const agree = judgements.filter((j) => j.agrees).length;
  const softened = judgements.filter((j) => j.softened).length;
  lines.push(
    '',
    `${agree} of ${judgements.length} judgements at a level an expert gave (${Math.round((100 * agree) / judgements.length)} %); ${softened} softened TI.`,
  );
  return lines.join('\n');
}
