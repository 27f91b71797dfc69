import { play, playWith } from '../policies/play';
import type { ShiftResult } from '../result';
import { levelsOf } from '../run/attempt';
import { type Level, situationScore } from '../run/grade';
import type { Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';
import { verdictOf } from '../scoring/verdict';
import { ARCHETYPES, type FaultArchetype, faultPlayer, holdAbandoner, type Library } from './archetypes';

/**
 * `npm run audit`: every scenario played by archetype players, each with what an expert
 * expects of it (GRADING.md). The ideal reaches TS wherever a criterion is assessed and
 * passes; a fault costs its criterion at least what its severity says (a serious fault: I
 * at best; a grave one: TI, and the situation fails); a caller abandoned on hold fails the
 * situation; a student who presses the same key at every question never reaches S or better
 * on every criterion (tests/play/same-key.test.ts checks 50 seeds).
 */
export interface AuditRow {
  scenario: string;
  archetype: string;
  /** The archetype found its fault on offer (else there was nothing to check). */
  applicable: boolean;
  levels: Record<string, Level | null>;
  passed: boolean;
  misses: string[];
}

export const KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const RANK: Record<Level, number> = { TI: 0, I: 1, S: 2, TS: 3 };
const criterionOf = (indicator: string) => indicator.slice(0, indicator.lastIndexOf('.'));

function summary(result: ShiftResult) {
  const levels = levelsOf(result) as Record<string, Level | null>;
  const verdict = verdictOf(result);
  return { levels, passed: situationScore([{ levels, failed: verdict.failed }]).passed };
}

/** What each observation of the faults actually done must cost, checked on the result. */
function faultMisses(result: ShiftResult, done: Set<string>, levels: Record<string, Level | null>, passed: boolean): string[] {
  const misses: string[] = [];
  const mine = result.observations.filter((o) => o.option && done.has(`${o.contact} ${o.option}`));
  for (const o of mine) {
    const level = levels[criterionOf(o.indicator)];
    if (o.status === 'grave' && level !== 'TI')
      misses.push(`${o.option}: grave on ${o.indicator} but ${criterionOf(o.indicator)} is ${level ?? 'not assessed'}, not TI`);
    if (o.status === 'breach' && (!level || RANK[level] > RANK.I))
      misses.push(`${o.option}: serious fault on ${o.indicator} but ${criterionOf(o.indicator)} is ${level ?? 'not assessed'}, not I or below`);
  }
  if (mine.some((o) => o.status === 'grave') && passed) misses.push('a grave fault, yet the situation passed');
  return misses;
}

export function auditScenario(scenario: Scenario, rubric: Rubric, library: Library, seed = 1): AuditRow[] {
  const rows: AuditRow[] = [];
  const ideal = summary(play(scenario, rubric, 'ideal', seed));
  const off = Object.entries(ideal.levels).filter(([, l]) => l !== null && l !== 'TS');
  rows.push({
    scenario: scenario.id,
    archetype: 'ideal',
    applicable: true,
    ...ideal,
    misses: [...off.map(([c, l]) => `ideal reaches only ${l} on ${c}`), ...(ideal.passed ? [] : ['ideal does not pass'])],
  });
  for (const name of Object.keys(ARCHETYPES) as FaultArchetype[]) {
    const player = faultPlayer(name, rubric, library);
    const result = playWith(scenario, rubric, player, seed);
    const s = summary(result);
    rows.push({
      scenario: scenario.id,
      archetype: name,
      applicable: player.faults.size > 0,
      ...s,
      misses: faultMisses(result, player.faults, s.levels, s.passed),
    });
  }
  const abandoner = holdAbandoner();
  const held = summary(playWith(scenario, rubric, abandoner, seed));
  rows.push({
    scenario: scenario.id,
    archetype: 'hold-abandoner',
    applicable: abandoner.faults.size > 0,
    ...held,
    misses: abandoner.faults.size && held.passed ? ['a caller abandoned on hold, yet the situation passed'] : [],
  });
  for (const key of KEYS) {
    const s = summary(play(scenario, rubric, `key-${key}`, seed));
    const assessed = Object.values(s.levels).filter((l): l is Level => l !== null);
    const good = assessed.length > 0 && assessed.every((l) => RANK[l] >= RANK.S);
    rows.push({
      scenario: scenario.id,
      archetype: `key-${key}`,
      applicable: true,
      ...s,
      misses: good ? [`pressing key ${key} every time reaches S or better everywhere`] : [],
    });
  }
  return rows;
}
