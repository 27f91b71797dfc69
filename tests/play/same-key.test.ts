// A student who does not read and presses the same key at every question must not
// pass: for each key and 50 seeds, never S or better on every assessed criterion,
// and the levels average I or below. The options come in an order drawn from the
// seed, so no key is "the good one".
import { afterAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { LEVELS } from '../../src/core/schema/rubric';

const catalog = loadFromDisk();
const KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
/** Level indices TI 0, I 1, S 2, TS 3 of every assessed criterion of every run. */
const everything: number[] = [];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe.each(catalog.scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  it.each(KEYS)('pressing key %i every time never passes', (key) => {
    const all: number[] = [];
    for (const seed of SEEDS) {
      const r = play(scenario, rubric, `key-${key}`, seed);
      const levels = Object.values(r.criteria)
        .map((c) => c.level)
        .filter((l) => l !== null);
      expect(levels.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(
        levels.every((l) => l === 'S' || l === 'TS'),
        `seed ${seed}: ${levels.join(' ')}`,
      ).toBe(false);
      all.push(...levels.map((l) => LEVELS.indexOf(l)));
    }
    everything.push(...all);
    // On the four-step scale the average is I or below: nearer to I than to S.
    expect(mean(all), `mean level ${mean(all).toFixed(2)} (TI 0, I 1, S 2, TS 3)`).toBeLessThan(1.5);
  });
});

afterAll(() => {
  // Over every key and every shipped scenario, the average level is at most I itself.
  expect(mean(everything)).toBeLessThanOrEqual(1);
});
