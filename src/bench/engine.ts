import { performance } from 'node:perf_hooks';
import type { Catalog } from '../core/load/catalog';
import { play } from '../core/policies/play';
import type { PolicyName } from '../core/policies/policies';
import { type Run, replay, resultOf } from '../core/result';
import { type Figure, figure } from './report';

/** Shifts per second with one policy, over every scenario in turn, for at least `ms`. */
function shiftsPerSecond(catalog: Catalog, policy: PolicyName, ms: number): number {
  const list = catalog.scenarios.map((s) => [s, catalog.rubrics.get(s.rubric)!] as const);
  let n = 0;
  const t0 = performance.now();
  for (let seed = 1; performance.now() - t0 < ms; seed++) for (const [s, r] of list) play(s, r, policy, seed), n++;
  return n / ((performance.now() - t0) / 1000);
}

/** A class's runs (35 students × 30 runs) re-scored from their action logs, as a teacher's import does. */
function rescoreClassMs(catalog: Catalog, students = 35, runsEach = 30): number {
  const runs: Run[] = [];
  const policies: PolicyName[] = ['random', 'ideal', 'passive', 'rude'];
  for (let i = 0; i < students * runsEach; i++) {
    const s = catalog.scenarios[i % catalog.scenarios.length];
    const { scenario, seed, actions, end } = play(s, catalog.rubrics.get(s.rubric)!, policies[i % policies.length], i + 1);
    runs.push(JSON.parse(JSON.stringify({ scenario, seed, actions, end })));
  }
  const byId = new Map(catalog.scenarios.map((s) => [s.id, s]));
  const t0 = performance.now();
  for (const run of runs) {
    const s = byId.get(run.scenario)!;
    resultOf(replay(s, catalog.rubrics.get(s.rubric)!, run));
  }
  return performance.now() - t0;
}

export function engineFigures(catalog: Catalog, ms = 3000): Figure[] {
  shiftsPerSecond(catalog, 'random', 300); // warm the JIT before timing
  return [
    figure('engine', 'shifts/s, random policy, all scenarios', shiftsPerSecond(catalog, 'random', ms), '/s', { min: 2000 }),
    figure('engine', 'shifts/s, ideal policy, all scenarios', shiftsPerSecond(catalog, 'ideal', ms), '/s', { min: 300 }),
    figure('engine', 're-score a class (35 × 30 runs) by replay', rescoreClassMs(catalog), 'ms', { below: 1000 }),
  ];
}
