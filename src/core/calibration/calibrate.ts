import type { Run } from '../result';
import { replay, resultOf } from '../result';
import type { Level, Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';

export type ExpertLevel = Level | 'NA';

/** One graded contact of a calibration set: a run and the levels two expert gradings gave (A and B). */
export interface GradedContact {
  scenario: string;
  contact: string;
  what: string;
  levels: Record<string, { A: ExpertLevel; B: ExpertLevel; why?: string[] }>;
  run: Run;
  /** The file the run was read from, for a message that says where. */
  file?: string;
}

export interface Judgement {
  key: string;
  criterion: string;
  A: string;
  B: string;
  shown: string;
  agrees: boolean;
  /** Within one level of an expert (NA counts only as itself). */
  near: boolean;
  /** Both experts gave TI and the game gave something softer. */
  softened: boolean;
  /** What the game saw on this criterion: each indicator's worst status, the observations behind it. */
  /** The experts' reasons, when the grading gives them. */
  why?: string[];
  seen?: { indicator: string; status: string | null; essential: boolean; moments: string[] }[];
}

const RANK: Record<string, number> = { TI: 0, I: 1, S: 2, TS: 3 };
const criterionOf = (indicator: string) => indicator.slice(0, indicator.lastIndexOf('.'));

/**
 * Replays each graded contact and compares the game's level with the experts', criterion
 * by criterion. On the criterion that holds composure (CP4 face to face), a calm contact
 * with a steady receptionist is NA for some experts and TS for others: GRADING.md accepts
 * both, so there NA and TS are the same judgement.
 */
export function calibrate(set: Record<string, GradedContact>, find: (id: string) => { scenario: Scenario; rubric: Rubric } | undefined): Judgement[] {
  const out: Judgement[] = [];
  for (const [key, g] of Object.entries(set)) {
    const found = find(g.scenario);
    const where = g.file ? `${g.file}: ` : '';
    if (!found) throw new Error(`${where}calibration contact ${key}: no scenario "${g.scenario}"`);
    let result: ReturnType<typeof resultOf>;
    try {
      result = resultOf(replay(found.scenario, found.rubric, g.run));
    } catch (err) {
      throw new Error(`${where}calibration contact ${key} no longer replays on scenario "${g.scenario}": ${(err as Error).message}`);
    }
    const steady = criterionOf(found.rubric.observations.composure.indicator);
    for (const [criterion, { A, B, why }] of Object.entries(g.levels)) {
      if (!found.rubric.criteria.some((c) => c.id === criterion)) continue; // graded on another grid
      const shown = result.criteria[criterion]?.level ?? 'NA';
      const same = (expert: string) => shown === expert || (criterion === steady && [shown, expert].every((l) => l === 'NA' || l === 'TS'));
      const near = (expert: string) => same(expert) || (expert in RANK && shown in RANK && Math.abs(RANK[expert] - RANK[shown]) <= 1);
      const seen = result.criteria[criterion]?.indicators
        .filter((i) => i.status !== null)
        .map((i) => ({
          indicator: i.ref,
          status: i.status,
          essential: i.essential,
          moments: i.observations.map(
            (o) => `t=${o.t} ${o.contact} ${o.kind}${o.option ? ` ${o.option}` : ''} ${o.status}${o.consequence ? ' (consequence)' : ''}`,
          ),
        }));
      out.push({
        key,
        criterion,
        A,
        B,
        shown,
        agrees: same(A) || same(B),
        near: near(A) || near(B),
        softened: A === 'TI' && B === 'TI' && shown !== 'TI',
        seen,
        why,
      });
    }
  }
  return out;
}

export interface CalibrationSummary {
  judgements: number;
  agree: number;
  near: number;
  softened: number;
  /** Judgements where both experts gave TI. */
  bothTI: number;
  /** The game's level is softer than both experts'. */
  softer: number;
}

export function summarise(judgements: Judgement[]): CalibrationSummary {
  const softer = (j: Judgement) => j.shown in RANK && j.A in RANK && j.B in RANK && RANK[j.shown] > Math.max(RANK[j.A], RANK[j.B]);
  return {
    judgements: judgements.length,
    agree: judgements.filter((j) => j.agrees).length,
    near: judgements.filter((j) => j.near).length,
    softened: judgements.filter((j) => j.softened).length,
    bothTI: judgements.filter((j) => j.A === 'TI' && j.B === 'TI').length,
    softer: judgements.filter((j) => !j.agrees && softer(j)).length,
  };
}

const pct = (n: number, of: number) => `${of ? Math.round((100 * n) / of) : 0} %`;

/** The table for a closing note: one row per contact, expected (A/B) and shown per criterion. */
export function calibrationTable(judgements: Judgement[]): string {
  const keys = [...new Set(judgements.map((j) => j.key))];
  const criteria = [...new Set(judgements.map((j) => j.criterion))];
  const lines = [`| contact | ${criteria.join(' | ')} |`, `|---|${criteria.map(() => '---').join('|')}|`];
  for (const key of keys) {
    const cells = criteria.map((c) => {
      const j = judgements.find((x) => x.key === key && x.criterion === c);
      if (!j) return '';
      const expected = j.A === j.B ? j.A : `${j.A}/${j.B}`;
      return `${expected} → ${j.shown}${j.agrees ? '' : ' ✗'}`;
    });
    lines.push(`| ${key} | ${cells.join(' | ')} |`);
  }
  const s = summarise(judgements);
  lines.push(
    '',
    `${s.agree} of ${s.judgements} judgements at a level an expert gave (${pct(s.agree, s.judgements)}); within one: ${pct(s.near, s.judgements)}; ${s.softer} softer than both experts; ${s.softened} softened TI (of ${s.bothTI} where both gave TI).`,
  );
  return lines.join('\n');
}

/** One line per set, for the summary at the end of `npm run calibrate`. */
export function summaryTable(sets: { name: string; judgements: Judgement[] }[]): string {
  const lines = ["| set | judgements | at an expert's level | within one | softer than both | both TI, game softer |", '|---|---|---|---|---|---|'];
  for (const { name, judgements } of sets) {
    const s = summarise(judgements);
    lines.push(
      `| ${name} | ${s.judgements} | ${s.agree} (${pct(s.agree, s.judgements)}) | ${pct(s.near, s.judgements)} | ${s.softer} | ${s.softened} of ${s.bothTI} |`,
    );
  }
  return lines.join('\n');
}

/** The disagreements with what the game saw and why the experts judged as they did: where a rule is wrong shows here. */
export function explainDisagreements(judgements: Judgement[]): string {
  const out: string[] = [];
  for (const j of judgements.filter((x) => !x.agrees)) {
    out.push(`### ${j.key} ${j.criterion}: experts ${j.A}/${j.B}, game ${j.shown}`);
    for (const i of j.seen ?? []) out.push(`- ${i.indicator}${i.essential ? ' (essential)' : ''}: ${i.status}${i.moments.map((m) => `\n    ${m}`).join('')}`);
    for (const w of j.why ?? []) out.push(`> ${w}`);
    out.push('');
  }
  return out.join('\n');
}
