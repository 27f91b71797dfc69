import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import type { ShiftResult } from '../../src/core/result';

// Every shipped scenario, played by every scripted receptionist.
const catalog = loadFromDisk();
const SEEDS = [1, 2, 3, 7, 42];
const levels = (r: ShiftResult) => Object.entries(r.criteria).filter(([, c]) => c.level !== null) as [string, { level: string }][];
const atMostI = (level: string | null | undefined) => level === null || level === undefined || level === 'TI' || level === 'I';

function sim(id: string, policy: string, seed: number): ShiftResult & { policy: string } {
  const out = execFileSync('npx', ['tsx', 'src/cli/sim.ts', id, '--policy', policy, '--seed', String(seed), '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

it('ships scenarios that all load', () => {
  expect(catalog.errors).toEqual([]);
  expect(catalog.scenarios.length).toBeGreaterThanOrEqual(3);
});

describe.each(catalog.scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
  const rubric = catalog.rubrics.get(scenario.rubric)!;

  it('prints the documented JSON shape from the CLI, equal to an in-process run', () => {
    const r = sim(id, 'ideal', 1);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['scenario', 'policy', 'seed', 'rubric', 'criteria', 'satisfaction', 'actions']));
    expect(r).toMatchObject({ scenario: id, policy: 'ideal', seed: 1, rubric: rubric.id });
    for (const c of Object.values(r.criteria))
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['level', 'indicators', 'met', 'assessed', 'observations']));
    expect(r).toEqual(JSON.parse(JSON.stringify(play(scenario, rubric, 'ideal', 1))));
  });

  it.each(SEEDS)('ideal (seed %i): TS on every assessed criterion, visitor satisfied', (seed) => {
    const r = play(scenario, rubric, 'ideal', seed);
    const assessed = levels(r);
    expect(assessed.length).toBeGreaterThanOrEqual(4);
    for (const [id, c] of assessed) expect(c.level, id).toBe('TS');
    expect(r.satisfaction.score).toBeGreaterThanOrEqual(50);
    expect(r.satisfaction.needMet).toBe(true);
  });

  it.each(SEEDS)('rude (seed %i): at most insuffisant on CP3 and CP4', (seed) => {
    const r = play(scenario, rubric, 'rude', seed);
    expect(r.criteria.CP3.level).not.toBeNull();
    expect(atMostI(r.criteria.CP3.level), `CP3 ${r.criteria.CP3.level}`).toBe(true);
    expect(atMostI(r.criteria.CP4.level), `CP4 ${r.criteria.CP4.level}`).toBe(true);
  });

  it.each(SEEDS)('passive (seed %i): at most insuffisant on CP2', (seed) => {
    const r = play(scenario, rubric, 'passive', seed);
    expect(r.criteria.CP2.level).not.toBeNull();
    expect(atMostI(r.criteria.CP2.level), `CP2 ${r.criteria.CP2.level}`).toBe(true);
  });

  it('rude and passive through the CLI agree with the bars', () => {
    expect(atMostI(sim(id, 'rude', 5).criteria.CP3.level)).toBe(true);
    expect(atMostI(sim(id, 'passive', 5).criteria.CP2.level)).toBe(true);
  });

  it('random over 200 seeds never throws and always finishes within the time limit', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = play(scenario, rubric, 'random', seed);
      expect(r.end).toBeLessThanOrEqual(scenario.timeLimit);
      for (const c of Object.values(r.criteria)) expect(c.met).toBeLessThanOrEqual(c.assessed);
      // The debrief never recommends a worse option: a recommended option breaks nothing.
      for (const o of r.observations.filter((x) => x.better)) {
        const better = [...Object.values(scenario.contacts[0].phases).flatMap((p) => p?.options ?? []), ...(scenario.contacts[0].anytime ?? [])].find(
          (x) => x.id === o.better,
        );
        expect(
          better?.observe?.some((x) => x.as === 'breach' || x.as === 'grave'),
          `${o.indicator} → ${o.better}`,
        ).toBeFalsy();
      }
    }
  });
});
