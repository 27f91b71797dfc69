import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import type { ShiftResult } from '../../src/core/result';
import type { SituationScore } from '../../src/core/run/grade';

// Every shipped scenario, played by every scripted receptionist.
const catalog = loadFromDisk();
const SEEDS = [1, 2, 3, 7, 42];
const levels = (r: ShiftResult) => Object.entries(r.criteria).filter(([, c]) => c.level !== null) as [string, { level: string }][];
const atMostI = (level: string | null | undefined) => level === null || level === undefined || level === 'TI' || level === 'I';
/**
 * What the rude and the passive receptionist must fail, per rubric: A1's courtesy (CP3)
 * and emotions (CP4), and pro-activity (CP2); on the phone (A2), empathy and assertiveness
 * (CP1) and courtesy (CP2), and picking up quickly (T21.1).
 */
const BARS: Record<string, { rude: [string, string]; passive: string }> = {
  'a1-face': { rude: ['CP3', 'CP4'], passive: 'CP2' },
  'a2-phone': { rude: ['CP2', 'CP1'], passive: 'T21.1' },
};

function sim(id: string, policy: string, seed: number): ShiftResult & { policy: string; score: SituationScore & { faults: unknown[] } } {
  const out = execFileSync('npx', ['tsx', 'src/cli/sim.ts', id, '--policy', policy, '--seed', String(seed), '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

it('ships scenarios that all load', () => {
  expect(catalog.errors).toEqual([]);
  expect(catalog.scenarios.length).toBeGreaterThanOrEqual(3);
});

it('ships phone and mixed scenarios scored with the phone rubric', () => {
  const phone = catalog.scenarios.filter((s) => s.channel === 'phone');
  const mixed = catalog.scenarios.filter((s) => s.channel === 'mixed');
  expect(phone.length).toBeGreaterThanOrEqual(5);
  expect(mixed.length).toBeGreaterThanOrEqual(2);
  for (const s of [...phone, ...mixed]) expect(s.rubric, s.id).toBe('a2-phone');
  expect(phone.some((s) => s.contacts.some((c) => c.visitor.language === 'en'))).toBe(true);
});

describe.each(catalog.scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  const bars = BARS[rubric.id];
  const [courtesy, emotions] = bars.rude;

  it('prints the documented JSON shape from the CLI, equal to an in-process run', () => {
    const r = sim(id, 'ideal', 1);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['scenario', 'policy', 'seed', 'rubric', 'criteria', 'satisfaction', 'actions']));
    expect(r).toMatchObject({ scenario: id, policy: 'ideal', seed: 1, rubric: rubric.id });
    for (const c of Object.values(r.criteria))
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['level', 'indicators', 'met', 'assessed', 'observations']));
    const { score, ...rest } = r;
    expect(rest).toEqual(JSON.parse(JSON.stringify(play(scenario, rubric, 'ideal', 1))));
    // The situation's score beside the levels: good practice passes, nothing holds it down.
    expect(score).toMatchObject({ passed: true, capped: null, faults: [] });
    expect(score.percent).toBe(100);
  });

  it.each(SEEDS)('ideal (seed %i): TS on every assessed criterion, visitor satisfied', (seed) => {
    const r = play(scenario, rubric, 'ideal', seed);
    const assessed = levels(r);
    expect(assessed.length).toBeGreaterThanOrEqual(4);
    for (const [id, c] of assessed) expect(c.level, id).toBe('TS');
    expect(r.satisfaction.score).toBeGreaterThanOrEqual(50);
    expect(r.satisfaction.needMet).toBe(true);
  });

  it.each(SEEDS)(`rude (seed %i): at most insuffisant on ${courtesy} and ${emotions}`, (seed) => {
    const r = play(scenario, rubric, 'rude', seed);
    expect(r.criteria[courtesy].level).not.toBeNull();
    expect(atMostI(r.criteria[courtesy].level), `${courtesy} ${r.criteria[courtesy].level}`).toBe(true);
    expect(atMostI(r.criteria[emotions].level), `${emotions} ${r.criteria[emotions].level}`).toBe(true);
  });

  it.each(SEEDS)(`passive (seed %i): at most insuffisant on ${bars.passive}`, (seed) => {
    const r = play(scenario, rubric, 'passive', seed);
    expect(r.criteria[bars.passive].level).not.toBeNull();
    expect(atMostI(r.criteria[bars.passive].level), `${bars.passive} ${r.criteria[bars.passive].level}`).toBe(true);
  });

  it('rude and passive through the CLI agree with the bars', () => {
    expect(atMostI(sim(id, 'rude', 5).criteria[courtesy].level)).toBe(true);
    expect(atMostI(sim(id, 'passive', 5).criteria[bars.passive].level)).toBe(true);
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
