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
    const fractional: Run = { ...r, actions: r.actions.map((a, i) => (i === r.actions.length - 1 ? { ...a, t: a.t + 0.5 } : a)) };
    expect(() => replay(scenario, rubric, fractional)).toThrow(/whole, non-decreasing/);
  });

  it('re-scores what was typed in the tools: the same run with the forms left empty scores lower', () => {
    const r = play(scenario, rubric, 'ideal', 1);
    // Every option a tool can be filled from: the phases', and those of any time and of the follow-up.
    const options = scenario.contacts.flatMap((c) => [...Object.values(c.phases).flatMap((p) => p?.options ?? []), ...(c.anytime ?? []), ...(c.after ?? [])]);
    // Tools checked by default (unless the option checks nothing), and any tool the option gives checks to (an appointment in the diary).
    const isChecked = (o: (typeof options)[number] | undefined) =>
      Boolean(o?.tool) && (o?.checks ? o.checks.length > 0 : ['log', 'message', 'call'].includes(o?.tool ?? ''));
    const checked = r.actions.filter((a) => a.input && isChecked(options.find((o) => o.id === a.option)));
    expect(r.observations.filter((o) => o.kind === 'tool')).toEqual([]);
    const emptied: Run = { scenario: r.scenario, seed: r.seed, end: r.end, actions: r.actions.map((a) => (a.input ? { ...a, input: {} } : a)) };
    const again = resultOf(replay(scenario, rubric, emptied));
    expect(again.observations.filter((o) => o.kind === 'tool').length > 0).toBe(checked.length > 0);
  });
});
