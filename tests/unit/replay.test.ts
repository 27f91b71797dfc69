import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { POLICY_NAMES } from '../../src/core/policies/policies';
import { type Run, replay, resultOf } from '../../src/core/result';

const catalog = loadFromDisk();

describe.each(catalog.scenarios.map((s) => [s.id, s] as const))('replay of %s', (_id, scenario) => {
  const rubric = catalog.rubrics.get(scenario.rubric)!;

  it.each(POLICY_NAMES)('re-scores a %s run identically, also after a JSON round trip', (policy) => {
    for (const seed of [1, 9, 123]) {
      const { policy: _p, ...played } = play(scenario, rubric, policy, seed);
      const run: Run = { scenario: played.scenario, seed: played.seed, actions: played.actions, end: played.end };
      const again = resultOf(replay(scenario, rubric, run));
      expect(again).toEqual(played);
      const fromJson = resultOf(replay(scenario, rubric, JSON.parse(JSON.stringify(run))));
      expect(JSON.stringify(fromJson)).toBe(JSON.stringify(played));
    }
  });

  it('gives the same result twice for the same run, and another seed may change the world', () => {
    const a = play(scenario, rubric, 'random', 77);
    const b = play(scenario, rubric, 'random', 77);
    expect(b).toEqual(a);
  });

  it('refuses a tampered run with a clear message', () => {
    const r = play(scenario, rubric, 'ideal', 1);
    const tampered: Run = { scenario: r.scenario, seed: r.seed, end: r.end, actions: [...r.actions, { t: r.end, contact: 'nobody', option: 'x' }] };
    expect(() => replay(scenario, rubric, tampered)).toThrow(/no contact "nobody"|shift is over/);
    expect(() => replay(scenario, rubric, { ...tampered, scenario: 'other' })).toThrow(/not "/);
  });
});
